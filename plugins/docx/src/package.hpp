// docx/package.hpp — an Office Open XML package (a zip) read from memory with
// libzip, with caps on what it may make us inflate (a zip bomb is an error,
// not an out-of-memory) and part names resolved inside the package only.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit::docx_plugin {

struct package_limits {
    std::size_t max_part_bytes = std::size_t{64} << 20;    ///< one part, inflated: 64 MiB
    std::size_t max_total_bytes = std::size_t{256} << 20;  ///< all the parts read, inflated: 256 MiB
    std::size_t max_entries = 10000;                       ///< entries in the zip directory
};

class package {
public:
    /// Opens the zip held in `bytes` (which must outlive the package). Throws
    /// errc::unknown_format (not a zip, damaged, encrypted) naming `name`.
    package(std::string_view bytes, std::string name, package_limits limits);
    ~package();
    package(const package&) = delete;
    package& operator=(const package&) = delete;

    bool has(std::string_view part) const;
    /// The part's CRC-32 and inflated size from the zip directory, as one key
    /// (nothing is inflated); nullopt when the directory does not give them.
    std::optional<std::uint64_t> fingerprint(std::string_view part) const;
    /// The inflated bytes of `part` ("word/document.xml"). Throws
    /// errc::unknown_format when it is missing or damaged, errc::limit_exceeded
    /// past a cap; the message names the document and the part.
    std::string read(std::string_view part);

    /// The part a relationship of `source_part` points to: `target` resolved
    /// against the source's folder ("media/x.png" from "word/document.xml" is
    /// "word/media/x.png"; "/word/x.xml" is absolute). Throws
    /// errc::unknown_format when it would leave the package ("../../etc").
    std::string resolve(std::string_view source_part, std::string_view target) const;

    const std::string& name() const noexcept { return name_; }

private:
    struct zip_handle;
    std::unique_ptr<zip_handle> zip_;
    std::string name_;
    package_limits limits_;
    std::size_t total_ = 0;
};

}  // namespace offerkit::docx_plugin
