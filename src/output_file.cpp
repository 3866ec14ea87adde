#include <offerkit/error.hpp>
#include <offerkit/output_file.hpp>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace offerkit {

namespace fs = std::filesystem;

namespace {

std::string reason(int err) { return std::strerror(err); }

// Builds a message by appending (GCC 12 at -O3 reports a false -Wrestrict on
// long chains of std::string operator+).
std::string message(std::initializer_list<std::string_view> parts) {
    std::string s;
    for (auto p : parts) s.append(p);
    return s;
}

}  // namespace

atomic_output::atomic_output(fs::path final_path) : final_(std::move(final_path)) {
    struct stat st{};
    if (::stat(final_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        if (S_ISDIR(st.st_mode))
            throw error(errc::io_error, message({final_.string(), ": is a directory, expected a file name"}));
        direct_ = true;  // a device or pipe: write straight to it
        temp_ = final_;
        return;
    }
    const fs::path dir = final_.has_parent_path() ? final_.parent_path() : fs::path(".");
    // mkstemp gives a unique name even with several threads or processes.
    std::string pattern = (dir / message({".", final_.filename().string(), ".tmp-XXXXXX"})).string();
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
        const int err = errno;
        throw error(errc::io_error, message({final_.string(), ": cannot create a file in ", dir.string(), ": ", reason(err)}));
    }
    ::fchmod(fd, 0644);
    ::close(fd);
    temp_ = pattern;
}

atomic_output::~atomic_output() { discard(); }

std::ostream& atomic_output::stream() {
    if (!out_.is_open()) {
        out_.open(temp_, std::ios::binary | std::ios::trunc);
        if (!out_) {
            const int err = errno;
            throw error(errc::io_error, message({final_.string(), ": cannot open for writing: ", reason(err)}));
        }
    }
    return out_;
}

void atomic_output::commit() {
    if (done_) return;
    if (out_.is_open()) {
        out_.flush();
        const bool ok = static_cast<bool>(out_);
        const int err = errno;
        out_.close();
        if (!ok || out_.fail()) {
            discard();
            throw error(errc::io_error, message({final_.string(), ": write failed: ", reason(err ? err : EIO)}));
        }
    }
    if (!direct_ && std::rename(temp_.c_str(), final_.c_str()) != 0) {
        const int err = errno;
        discard();
        throw error(errc::io_error, message({final_.string(), ": cannot move the finished file into place: ", reason(err)}));
    }
    done_ = true;
}

void atomic_output::discard() noexcept {
    if (done_) return;
    if (out_.is_open()) out_.close();
    if (!direct_ && !temp_.empty()) ::unlink(temp_.c_str());
    done_ = true;
}

export_output::export_output(const export_target& target, std::string_view format) : stream_(target.stream) {
    if (!stream_) {
        if (target.path.empty()) throw error(errc::usage_error, message({format, ": no output file given"}));
        file_ = std::make_unique<atomic_output>(target.path);
        stream_ = &file_->stream();
    }
    name_ = target.stream ? "<stdout>" : target.path.string();
}

export_output::~export_output() = default;

void export_output::write(std::string_view bytes) {
    stream_->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!*stream_) throw error(errc::io_error, message({name_, ": write failed"}));
}

std::vector<fs::path> export_output::commit() {
    stream_->flush();
    if (!*stream_) throw error(errc::io_error, message({name_, ": write failed"}));
    if (!file_) return {};
    file_->commit();
    return {file_->final_path()};
}

void write_file_atomically(const fs::path& path, std::string_view bytes) {
    atomic_output out(path);
    out.stream().write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.commit();
}

std::string sanitize_file_stem(std::string_view reference) {
    std::string s;
    s.reserve(reference.size());
    for (char c : reference) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '_' || c == '.';
        s += keep ? c : '_';
    }
    std::size_t start = s.find_first_not_of('.');
    s = start == std::string::npos ? std::string() : s.substr(start);
    if (s.size() > 100) s.resize(100);
    while (!s.empty() && (s.back() == '.' || s.back() == ' ')) s.pop_back();
    return s.empty() ? "offer" : s;
}

void ensure_directory(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir, ec)) {
        if (!fs::is_directory(dir, ec))
            throw error(errc::io_error, message({dir.string(), ": exists and is not a directory"}));
        if (::access(dir.c_str(), W_OK) != 0) {
            const int err = errno;
            throw error(errc::io_error, message({dir.string(), ": directory is not writable: ", reason(err)}));
        }
        return;
    }
    fs::create_directories(dir, ec);
    if (ec) throw error(errc::io_error, message({dir.string(), ": cannot create directory: ", ec.message()}));
}

}  // namespace offerkit
