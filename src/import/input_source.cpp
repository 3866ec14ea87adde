// input_source: the bytes of one input (a file, standard input, memory), its
// head read at once for sniffing, the rest on demand.
#include <offerkit/importer.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>

namespace offerkit {

struct input_source::impl {
    std::string name;
    std::filesystem::path path;
    std::unique_ptr<std::istream> owned_stream;
    std::istream* stream = nullptr;  // null for memory
    std::string bytes;               // the head (stream), or everything (memory)
    std::size_t returned = 0;        // bytes of `bytes` already returned by read()

    std::string_view head() const noexcept { return std::string_view(bytes).substr(0, head_size); }

    std::size_t read(std::string& out, std::size_t max) {
        std::size_t n = std::min(max, bytes.size() - returned);
        out.append(bytes, returned, n);
        returned += n;
        if (n == max || !stream || !*stream) return n;
        const std::size_t old = out.size(), want = max - n;
        out.resize(old + want);
        stream->read(out.data() + old, static_cast<std::streamsize>(want));
        const auto got = static_cast<std::size_t>(stream->gcount());
        out.resize(old + got);
        if (stream->bad()) throw error(errc::io_error, name + ": read error: " + std::strerror(errno));
        return n + got;
    }
};

input_source::input_source(const std::filesystem::path& file) : impl_(std::make_unique<impl>()) {
    auto& d = *impl_;
    if (file == "-") {
        d.name = "<stdin>";
        d.stream = &std::cin;
    } else {
        d.name = file.string();
        d.path = file;
        std::error_code ec;
        if (std::filesystem::is_directory(file, ec))
            throw error(errc::io_error, d.name + ": is a directory, expected a file of offers");
        auto in = std::make_unique<std::ifstream>(file, std::ios::binary);
        if (!*in) throw error(errc::io_error, d.name + ": cannot open: " + std::strerror(errno));
        d.owned_stream = std::move(in);
        d.stream = d.owned_stream.get();
    }
    d.bytes.resize(head_size);
    d.stream->read(d.bytes.data(), static_cast<std::streamsize>(d.bytes.size()));
    d.bytes.resize(static_cast<std::size_t>(d.stream->gcount()));
    if (d.stream->bad()) throw error(errc::io_error, d.name + ": read error");
}

input_source::input_source(std::string bytes, std::string name) : impl_(std::make_unique<impl>()) {
    impl_->name = std::move(name);
    impl_->bytes = std::move(bytes);
}

input_source::~input_source() = default;
input_source::input_source(input_source&&) noexcept = default;
input_source& input_source::operator=(input_source&&) noexcept = default;

const std::string& input_source::name() const noexcept { return impl_->name; }
const std::filesystem::path& input_source::path() const noexcept { return impl_->path; }
std::string_view input_source::head() const noexcept { return impl_->head(); }

std::size_t input_source::read(std::string& out, std::size_t max) { return impl_->read(out, max); }

void input_source::read_all(std::string& out, std::size_t limit) {
    constexpr std::size_t chunk = 256 * 1024;
    while (true) {
        const std::size_t before = out.size();
        const std::size_t room = limit >= before ? limit - before : 0;
        // One byte more than the room: reaching it proves the limit exceeded.
        if (impl_->read(out, std::min(chunk, room + 1)) == 0) return;
        if (out.size() > limit) {
            out.resize(before);
            throw error(errc::limit_exceeded, impl_->name + ": input exceeds the limit of " + std::to_string(limit) +
                                                  " bytes; reading stopped there");
        }
    }
}

}  // namespace offerkit
