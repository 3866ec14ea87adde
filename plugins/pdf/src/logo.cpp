#include "logo.hpp"

#include "file_key.hpp"

#include <offerkit/error.hpp>

#include <png.h>

#include <fstream>
#include <map>
#include <mutex>

namespace offerkit::pdf_plugin {

std::shared_ptr<const logo_image> decode_png(std::string_view bytes, const std::string& name) {
    auto fail = [&](const std::string& why) -> void { throw error(errc::invalid_value, name + ": pdf: logo: " + why); };
    if (bytes.size() > max_logo_file_bytes)
        fail("the file is larger than " + std::to_string(max_logo_file_bytes >> 20) + " MiB");
    if (bytes.size() < 8 || png_sig_cmp(reinterpret_cast<png_const_bytep>(bytes.data()), 0, 8) != 0)
        fail("not a PNG image (only PNG logos are supported)");
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    // The simplified API keeps libpng's errors inside: it returns 0 and a message.
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
        fail(std::string("unreadable PNG (") + image.message + ")");
    struct guard {
        png_image& i;
        ~guard() { png_image_free(&i); }
    } g{image};
    if (image.width == 0 || image.height == 0 || image.width > max_logo_side || image.height > max_logo_side ||
        static_cast<std::uint64_t>(image.width) * image.height > max_logo_pixels)
        fail(std::to_string(image.width) + " × " + std::to_string(image.height) +
             " pixels, more than a logo needs (at most " + std::to_string(max_logo_side) + " a side and " +
             std::to_string(max_logo_pixels >> 20) + " million pixels); scale it down");
    const bool has_alpha = (image.format & PNG_FORMAT_FLAG_ALPHA) != 0;
    // A 16-bit logo without gAMA or sRGB chunk is sRGB-encoded, as image
    // editors write it: reduced to 8 bits as it is (the simplified API would
    // otherwise take it for linear light and lighten every colour).
    image.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;
    image.format = PNG_FORMAT_RGBA;  // 8 bits a channel: 16-bit images are reduced, palettes expanded
    std::vector<std::uint8_t> rgba(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, rgba.data(), 0, nullptr))
        fail(std::string("unreadable PNG (") + image.message + ")");
    auto out = std::make_shared<logo_image>();
    out->width = image.width;
    out->height = image.height;
    const std::size_t n = static_cast<std::size_t>(image.width) * image.height;
    out->rgb.resize(n * 3);
    bool opaque = true;
    if (has_alpha) out->alpha.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
        out->rgb[3 * i] = rgba[4 * i];
        out->rgb[3 * i + 1] = rgba[4 * i + 1];
        out->rgb[3 * i + 2] = rgba[4 * i + 2];
        if (has_alpha) {
            out->alpha[i] = rgba[4 * i + 3];
            opaque = opaque && rgba[4 * i + 3] == 255;
        }
    }
    if (opaque) out->alpha.clear();
    return out;
}

std::shared_ptr<const logo_image> load_logo(const std::filesystem::path& file) {
    static std::mutex m;
    static std::map<file_key, std::shared_ptr<const logo_image>> cache;
    const file_key key = key_of(file, "logo");
    const auto size = std::get<1>(key);
    std::lock_guard lock(m);
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    if (size > max_logo_file_bytes)
        throw error(errc::invalid_value, file.string() + ": pdf: logo: the file is larger than " +
                                             std::to_string(max_logo_file_bytes >> 20) + " MiB");
    std::ifstream in(file, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
        throw error(errc::io_error, file.string() + ": pdf: cannot read the logo file");
    auto img = decode_png(bytes, file.string());
    if (cache.size() >= 32) cache.clear();  // a bound for long-running embedders
    cache.emplace(key, img);
    return img;
}

}  // namespace offerkit::pdf_plugin
