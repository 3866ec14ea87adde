// docx/package.cpp — the zip container, through libzip.
#include "src/package.hpp"

#include <offerkit/error.hpp>

#include <algorithm>
#include <cstdint>

#include <zip.h>

namespace offerkit::docx_plugin {

struct package::zip_handle {
    zip_t* zip = nullptr;
    ~zip_handle() {
        if (zip) zip_discard(zip);
    }
};

namespace {

[[noreturn]] void damaged(const std::string& name, const std::string& what) {
    throw error(errc::unknown_format, name + ": not a readable Word document: " + what);
}

}  // namespace

package::package(std::string_view bytes, std::string name, package_limits limits)
    : zip_(std::make_unique<zip_handle>()), name_(std::move(name)), limits_(limits) {
    zip_error_t err;
    zip_error_init(&err);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &err);
    if (!src) {
        const std::string msg = zip_error_strerror(&err);
        zip_error_fini(&err);
        damaged(name_, msg);
    }
    zip_->zip = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &err);
    if (!zip_->zip) {
        zip_source_free(src);
        const int code = zip_error_code_zip(&err);
        const std::string msg = zip_error_strerror(&err);
        zip_error_fini(&err);
        if (code == ZIP_ER_NOZIP && bytes.substr(0, 4) == std::string_view("PK\x03\x04", 4))
            damaged(name_, "the zip archive is truncated or damaged (its directory is missing)");
        if (code == ZIP_ER_NOZIP) damaged(name_, "it is not a zip archive (a .docx is one)");
        damaged(name_, "the zip archive is damaged or truncated (" + msg + ")");
    }
    zip_error_fini(&err);
    const zip_int64_t entries = zip_get_num_entries(zip_->zip, 0);
    if (entries < 0 || static_cast<std::size_t>(entries) > limits_.max_entries)
        throw error(errc::limit_exceeded, name_ + ": the zip archive has " + std::to_string(entries) +
                                              " entries, more than the " + std::to_string(limits_.max_entries) +
                                              " a Word document may have");
}

package::~package() = default;

bool package::has(std::string_view part) const {
    const std::string p(part);
    return zip_name_locate(zip_->zip, p.c_str(), ZIP_FL_ENC_GUESS) >= 0;
}

std::optional<std::uint64_t> package::fingerprint(std::string_view part) const {
    const std::string p(part);
    const zip_int64_t index = zip_name_locate(zip_->zip, p.c_str(), ZIP_FL_ENC_GUESS);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_->zip, static_cast<zip_uint64_t>(index), 0, &st) != 0) return std::nullopt;
    if (!(st.valid & ZIP_STAT_CRC) || !(st.valid & ZIP_STAT_SIZE)) return std::nullopt;
    return (static_cast<std::uint64_t>(st.crc) << 32) ^ static_cast<std::uint64_t>(st.size);
}

std::string package::read(std::string_view part) {
    const std::string p(part);
    const zip_int64_t index = zip_name_locate(zip_->zip, p.c_str(), ZIP_FL_ENC_GUESS);
    if (index < 0) damaged(name_, "its part " + p + " is missing");
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(zip_->zip, static_cast<zip_uint64_t>(index), 0, &st) != 0)
        damaged(name_, "its part " + p + " cannot be read");
    if (st.valid & ZIP_STAT_ENCRYPTION_METHOD && st.encryption_method != ZIP_EM_NONE)
        damaged(name_, "its part " + p + " is encrypted (a password-protected document)");
    auto over = [&](std::size_t n) {
        if (n > limits_.max_part_bytes)
            throw error(errc::limit_exceeded, name_ + ": its part " + p + " inflates to more than " +
                                                  std::to_string(limits_.max_part_bytes >> 20) +
                                                  " MiB (a zip bomb?): refused");
        if (total_ + n > limits_.max_total_bytes)
            throw error(errc::limit_exceeded, name_ + ": its parts inflate to more than " +
                                                  std::to_string(limits_.max_total_bytes >> 20) +
                                                  " MiB in all (a zip bomb?): refused");
    };
    // The declared size is checked first, and the bytes really inflated as they come:
    // a directory can lie about the size.
    if (st.valid & ZIP_STAT_SIZE) over(static_cast<std::size_t>(std::min<zip_uint64_t>(st.size, SIZE_MAX / 2)));
    zip_file_t* f = zip_fopen_index(zip_->zip, static_cast<zip_uint64_t>(index), 0);
    if (!f) damaged(name_, "its part " + p + " cannot be opened (" + zip_strerror(zip_->zip) + ")");
    std::string out;
    if (st.valid & ZIP_STAT_SIZE) out.reserve(static_cast<std::size_t>(st.size));
    char buf[64 * 1024];
    for (;;) {
        const zip_int64_t n = zip_fread(f, buf, sizeof buf);
        if (n < 0) {
            const std::string msg = zip_file_strerror(f);
            zip_fclose(f);
            damaged(name_, "its part " + p + " is damaged (" + msg + ")");
        }
        if (n == 0) break;
        try {
            over(out.size() + static_cast<std::size_t>(n));
        } catch (...) {
            zip_fclose(f);
            throw;
        }
        out.append(buf, static_cast<std::size_t>(n));
    }
    zip_fclose(f);
    total_ += out.size();
    return out;
}

std::string package::resolve(std::string_view source_part, std::string_view target) const {
    std::string path;
    if (!target.empty() && target.front() == '/') {
        target.remove_prefix(1);
    } else {
        const std::size_t slash = source_part.rfind('/');
        if (slash != std::string_view::npos) path.assign(source_part.substr(0, slash));
    }
    // segment by segment; ".." may not climb above the package's root
    std::size_t pos = 0;
    while (pos <= target.size()) {
        std::size_t end = target.find('/', pos);
        if (end == std::string_view::npos) end = target.size();
        const std::string_view seg = target.substr(pos, end - pos);
        if (seg == "..") {
            if (path.empty())
                damaged(name_, "a relationship of " + std::string(source_part) + " points outside the package (" +
                                   std::string(target) + ")");
            const std::size_t s = path.rfind('/');
            path.erase(s == std::string::npos ? 0 : s);
        } else if (!seg.empty() && seg != ".") {
            if (!path.empty()) path += '/';
            path.append(seg);
        }
        pos = end + 1;
    }
    return path;
}

}  // namespace offerkit::docx_plugin
