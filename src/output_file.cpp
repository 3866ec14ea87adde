#include <offerkit/error.hpp>
#include <offerkit/output_file.hpp>
#include <offerkit/text.hpp>
#include <offerkit/text_safety.hpp>

#include <fcntl.h>
#include <stdio.h>  // renameat2, RENAME_EXCHANGE (glibc 2.28)
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <set>
#include <shared_mutex>

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

// Every temporary file of the process not yet committed or discarded. Files
// are created, renamed and removed under the exclusive lock; they are opened or
// written by name (libharu, libxlsxwriter) under the shared lock, after checking
// that they are still pending. So remove_pending_outputs(), which takes the
// exclusive lock, never misses a file being made, never leaves one half-moved,
// and no writer can make a removed file again afterwards.
struct pending_files {
    std::shared_mutex m;
    std::set<std::string> paths;
    std::set<std::string> trees;  // atomic_directory staging trees
    bool refusing = false;        // after remove_pending_outputs(refuse_new_outputs): the process is ending
};

pending_files& pending() {
    static pending_files* p = new pending_files;  // never destroyed: usable until exit
    return *p;
}

std::string kind_of(mode_t mode) {
    if (S_ISDIR(mode)) return "is a directory, expected a file name";
    if (S_ISFIFO(mode))
        return "is a FIFO (named pipe): offerkit writes regular files; use -o - to write to standard output";
    if (S_ISSOCK(mode)) return "is a socket: offerkit writes regular files";
    if (S_ISBLK(mode)) return "is a block device: offerkit writes regular files";
    return "is not a regular file";
}

}  // namespace

atomic_output::atomic_output(fs::path final_path) : final_(std::move(final_path)) {
    struct stat st {};
    if (::stat(final_.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
        // A character device (/dev/stdout, /dev/null, /dev/full) is written
        // straight; anything else would hang (a FIFO without reader) or harm.
        if (!S_ISCHR(st.st_mode)) throw error(errc::io_error, message({final_.string(), ": ", kind_of(st.st_mode)}));
        direct_ = true;
        temp_ = final_;
        return;
    }
    const fs::path dir = final_.has_parent_path() ? final_.parent_path() : fs::path(".");
    // mkstemp gives a unique name even with several threads or processes.
    std::string pattern = (dir / message({".", final_.filename().string(), ".tmp-XXXXXX"})).string();
    auto& p = pending();
    std::unique_lock lock(p.m);
    if (p.refusing) throw error(errc::io_error, message({final_.string(), ": not written: the program is stopping"}));
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) {
        const int err = errno;
        throw error(errc::io_error,
                    message({final_.string(), ": cannot create a file in ", dir.string(), ": ", reason(err)}));
    }
    ::fchmod(fd, 0644);
    ::close(fd);
    temp_ = pattern;
    p.paths.insert(pattern);
}

atomic_output::~atomic_output() { discard(); }

std::ostream& atomic_output::stream() {
    if (!out_.is_open()) {
        std::shared_lock lock(pending().m, std::defer_lock);
        if (!direct_) {
            lock.lock();
            if (!pending().paths.count(temp_.string()))
                throw error(errc::io_error, message({final_.string(), ": the output was removed (interrupted?)"}));
        }
        out_.open(temp_, std::ios::binary | std::ios::trunc);
        if (!out_) {
            const int err = errno;
            throw error(errc::io_error, message({final_.string(), ": cannot open for writing: ", reason(err)}));
        }
    }
    return out_;
}

void atomic_output::write_by_name(const std::function<void(const std::filesystem::path&)>& writer) {
    std::shared_lock lock(pending().m, std::defer_lock);
    if (!direct_) {
        lock.lock();
        if (!pending().paths.count(temp_.string()))
            throw error(errc::io_error, message({final_.string(), ": the output was removed (interrupted?)"}));
    }
    writer(temp_);
}

void atomic_output::close() {
    if (done_ || !out_.is_open()) return;
    errno = 0;
    out_.flush();
    const bool ok = static_cast<bool>(out_);
    const int err = errno;
    out_.close();
    if (!ok || out_.fail()) {
        discard();
        throw error(errc::io_error, message({final_.string(), ": write failed: ", reason(err ? err : EIO)}));
    }
}

void atomic_output::commit() {
    if (done_) return;
    close();
    if (direct_) {
        done_ = true;
        return;
    }
    // The file must still be there (an interrupted run removes pending files).
    auto& p = pending();
    std::unique_lock lock(p.m);
    if (!p.paths.count(temp_.string()))
        throw error(errc::io_error, message({final_.string(), ": the output was removed before it was complete"}));
    if (std::rename(temp_.c_str(), final_.c_str()) != 0) {
        const int err = errno;
        ::unlink(temp_.c_str());
        p.paths.erase(temp_.string());
        done_ = true;
        throw error(errc::io_error,
                    message({final_.string(), ": cannot move the finished file into place: ", reason(err)}));
    }
    p.paths.erase(temp_.string());
    done_ = true;
}

void atomic_output::discard() noexcept {
    if (done_) return;
    if (out_.is_open()) out_.close();
    if (!direct_ && !temp_.empty()) {
        auto& p = pending();
        std::unique_lock lock(p.m);
        if (p.paths.erase(temp_.string())) ::unlink(temp_.c_str());
    }
    done_ = true;
}

void remove_pending_outputs(after_removal then) noexcept {
    auto& p = pending();
    std::unique_lock lock(p.m);  // waits for the writers at work, then none can start
    if (then == after_removal::refuse_new_outputs) p.refusing = true;
    for (const auto& path : p.paths) ::unlink(path.c_str());
    p.paths.clear();
    for (const auto& tree : p.trees) {
        std::error_code ec;
        fs::remove_all(tree, ec);
    }
    p.trees.clear();
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
    errno = 0;
    stream_->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!*stream_) {
        const int err = errno;
        throw error(errc::io_error, message({name_, ": write failed: ", reason(err ? err : EIO)}));
    }
}

std::vector<fs::path> export_output::commit() {
    errno = 0;
    stream_->flush();
    if (!*stream_) {
        const int err = errno;
        throw error(errc::io_error, message({name_, ": write failed: ", reason(err ? err : EIO)}));
    }
    if (!file_) return {};
    file_->commit();
    return {file_->final_path()};
}

namespace {

// Whether `dir` is a tree offerkit may replace: one it made, or an empty one.
bool replaceable(const fs::path& dir) {
    std::error_code ec;
    if (fs::exists(dir / atomic_directory::marker, ec)) return true;
    return fs::is_empty(dir, ec) && !ec;
}

}  // namespace

atomic_directory::atomic_directory(fs::path final_path) : final_(std::move(final_path)) {
    while (final_.has_filename() == false && final_.has_parent_path() && final_ != final_.parent_path())
        final_ = final_.parent_path();  // "site/" → "site"
    // A link to the published tree (/var/www/site → releases/3) stays a link: the tree it names is replaced.
    if (std::error_code ec; fs::is_symlink(final_, ec)) {
        const fs::path target = fs::canonical(final_, ec);
        if (!ec) final_ = target;
    }
    struct stat st {};
    if (::stat(final_.c_str(), &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            throw error(errc::io_error, message({final_.string(), ": exists and is not a directory"}));
        if (!replaceable(final_))
            throw error(
                errc::io_error,
                message({final_.string(), ": exists and was not made by offerkit (it has no ", atomic_directory::marker,
                         " file): offerkit replaces only a directory it made; give a new or empty one"}));
    }
    const fs::path parent = final_.has_parent_path() ? final_.parent_path() : fs::path(".");
    std::string pattern = (parent / message({".", final_.filename().string(), ".tmp-XXXXXX"})).string();
    auto& p = pending();
    {
        std::unique_lock lock(p.m);
        if (p.refusing)
            throw error(errc::io_error, message({final_.string(), ": not written: the program is stopping"}));
        if (!::mkdtemp(pattern.data())) {
            const int err = errno;
            throw error(errc::io_error, message({final_.string(), ": cannot create a directory in ", parent.string(),
                                                 ": ", reason(err)}));
        }
        ::chmod(pattern.c_str(), 0755);
        staging_ = pattern;
        p.trees.insert(pattern);
    }
    write_file(marker, "This directory was made by offerkit; the next run replaces it whole.\n");
    written_.clear();
}

atomic_directory::~atomic_directory() { discard(); }

fs::path atomic_directory::checked(const fs::path& relative) const {
    if (relative.empty() || relative.is_absolute())
        throw error(errc::usage_error, message({final_.string(), ": not a path inside the tree: ", relative.string()}));
    for (const auto& part : relative)
        if (part == "..")
            throw error(errc::usage_error,
                        message({final_.string(), ": not a path inside the tree: ", relative.string()}));
    return relative;
}

void atomic_directory::write_file(const fs::path& relative, std::string_view bytes) {
    write_by_name(relative, [&](const fs::path& path) {
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        errno = 0;
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        out.close();
        if (!out) {
            const int err = errno;
            throw error(errc::io_error,
                        message({(final_ / relative).string(), ": write failed: ", reason(err ? err : EIO)}));
        }
    });
}

void atomic_directory::write_by_name(const fs::path& relative, const std::function<void(const fs::path&)>& writer) {
    const fs::path rel = checked(relative);
    std::shared_lock lock(pending().m);
    if (done_ || !pending().trees.count(staging_.string()))
        throw error(errc::io_error, message({final_.string(), ": the output was removed (interrupted?)"}));
    const fs::path path = staging_ / rel;
    std::error_code ec;
    if (rel.has_parent_path()) fs::create_directories(path.parent_path(), ec);
    if (ec)
        throw error(errc::io_error,
                    message({(final_ / rel).string(), ": cannot create its directory: ", ec.message()}));
    writer(path);
    written_.push_back(final_ / rel);
}

std::vector<fs::path> atomic_directory::commit() {
    if (done_) return written_;
    auto& p = pending();
    std::unique_lock lock(p.m);
    if (!p.trees.count(staging_.string()))
        throw error(errc::io_error, message({final_.string(), ": the output was removed before it was complete"}));
    auto fail = [&](const char* what, int err) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
        p.trees.erase(staging_.string());
        done_ = true;
        throw error(errc::io_error, message({final_.string(), ": ", what, ": ", reason(err)}));
    };
    struct stat st {};
    if (::stat(final_.c_str(), &st) != 0) {
        if (std::rename(staging_.c_str(), final_.c_str()) != 0) fail("cannot move the finished tree into place", errno);
    } else {
        if (!S_ISDIR(st.st_mode) || !replaceable(final_))
            fail("was replaced by something offerkit did not make meanwhile", EEXIST);
        // One step where the file system can: the old tree and the new swap places.
        if (::renameat2(AT_FDCWD, staging_.c_str(), AT_FDCWD, final_.c_str(), RENAME_EXCHANGE) != 0) {
            const int err = errno;
            if (err != EINVAL && err != ENOSYS && err != ENOTSUP) fail("cannot swap the finished tree into place", err);
            // Two steps: the old tree aside (onto an empty directory of its own), the new one in.
            std::string aside = (staging_.string() + "-old-XXXXXX");
            if (!::mkdtemp(aside.data())) fail("cannot make room for the old tree", errno);
            if (std::rename(final_.c_str(), aside.c_str()) != 0) fail("cannot move the old tree aside", errno);
            if (std::rename(staging_.c_str(), final_.c_str()) != 0) {
                const int e2 = errno;
                std::rename(aside.c_str(), final_.c_str());  // put the old one back
                fail("cannot move the finished tree into place", e2);
            }
            std::error_code ec;
            fs::remove_all(aside, ec);
        } else {
            std::error_code ec;
            fs::remove_all(staging_, ec);  // now the old tree
        }
    }
    p.trees.erase(staging_.string());
    done_ = true;
    return written_;
}

void atomic_directory::discard() noexcept {
    if (done_) return;
    auto& p = pending();
    std::unique_lock lock(p.m);
    if (p.trees.erase(staging_.string())) {
        std::error_code ec;
        fs::remove_all(staging_, ec);
    }
    done_ = true;
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

output_names::output_names(std::string format, std::string extension)
    : format_(std::move(format)), extension_(std::move(extension)) {}

std::string output_names::claim(std::string_view reference, diagnostics& diags) {
    const std::string base = sanitize_file_stem(reference);
    std::string stem = base;
    for (int n = 2;; ++n) {
        const std::string key = text::ascii_lower(stem);
        const auto it = std::lower_bound(taken_.begin(), taken_.end(), key);
        if (it == taken_.end() || *it != key) {
            taken_.insert(it, key);
            if (n > 2)
                diags.warn({{}, 0, 0, "reference"},
                           message({format_, ": reference ", excerpt(reference, 60),
                                    " is met again in this export; this offer goes to ", stem, extension_}));
            return stem;
        }
        stem = base + "-" + std::to_string(n);
    }
}

file_per_offer_session::file_per_offer_session(fs::path dir, std::string format, std::string extension,
                                               diagnostics& diags)
    : dir_(std::move(dir)), extension_(extension), diags_(diags), names_(std::move(format), std::move(extension)) {
    ensure_directory(dir_);
}

void file_per_offer_session::write(const job_offer& offer) { write_file(offer, names_.claim(offer.reference, diags_)); }

void file_per_offer_session::write_file(const job_offer& offer, const std::string& stem) {
    auto out = std::make_unique<atomic_output>(dir_ / (stem + extension_));
    render(offer, *out);
    out->close();  // no descriptor stays open per staged file
    staged_.push_back(std::move(out));
}

std::vector<fs::path> file_per_offer_session::finish() {
    std::vector<fs::path> files;
    for (auto& out : staged_) {
        out->commit();
        files.push_back(out->final_path());
    }
    staged_.clear();
    return files;
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
