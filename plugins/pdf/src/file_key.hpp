// Internal: what identifies a file's content well enough to decode or check it
// once per process (logos, fonts): its path, size and modification time.
#pragma once

#include <offerkit/error.hpp>

#include <cstdint>
#include <filesystem>
#include <string>
#include <tuple>

namespace offerkit::pdf_plugin {

using file_key = std::tuple<std::string, std::uintmax_t, long long>;

/// The key of `file`; throws errc::io_error "<file>: pdf: <what> file not found".
inline file_key key_of(const std::filesystem::path& file, const char* what) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(file, ec);
    if (ec) throw error(errc::io_error, file.string() + ": pdf: " + what + " file not found");
    const auto time = std::filesystem::last_write_time(file, ec).time_since_epoch().count();
    return {file.string(), size, static_cast<long long>(time)};
}

}  // namespace offerkit::pdf_plugin
