// Internal: brand logos are input. A PNG is decoded here, by libpng's
// simplified API with its own error handling (a bad CRC or a truncated file
// is an error, never an abort), within documented limits, once per process
// for each file; libharu only receives the checked pixels.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

namespace offerkit::pdf_plugin {

/// Limits on a logo: the file, each side, and the pixels.
inline constexpr std::size_t max_logo_file_bytes = std::size_t{16} << 20;  // 16 MiB
inline constexpr std::uint32_t max_logo_side = 4096;
inline constexpr std::uint64_t max_logo_pixels = 4u << 20;  // 4 Mpx, e.g. 2048 × 2048

/// A decoded logo: 8-bit sRGB, and its alpha channel when it has transparency.
struct logo_image {
    std::uint32_t width = 0, height = 0;
    std::vector<std::uint8_t> rgb;    ///< width × height × 3
    std::vector<std::uint8_t> alpha;  ///< width × height, empty when opaque
};

/// Decodes PNG `bytes` (any colour type and depth: palettes, grey, 16 bits a
/// channel reduced to 8, interlaced). Throws offerkit::error with a reason
/// prefixed by `name` when it is not a readable PNG or exceeds the limits.
std::shared_ptr<const logo_image> decode_png(std::string_view bytes, const std::string& name);

/// decode_png of a file, once per process for each path, size and time
/// (thread-safe); errors name the file.
std::shared_ptr<const logo_image> load_logo(const std::filesystem::path& file);

}  // namespace offerkit::pdf_plugin
