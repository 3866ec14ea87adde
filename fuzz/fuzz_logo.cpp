// Fuzz target: brand logos (PNG) as the pdf plugin decodes them, then as
// libharu embeds the pixels, so that no PNG can abort the process.
#include "src/logo.hpp"

#include <offerkit/error.hpp>

#include <hpdf.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace {
void ignore_errors(HPDF_STATUS, HPDF_STATUS, void*) {}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    try {
        const auto logo =
            offerkit::pdf_plugin::decode_png(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.png");
        HPDF_Doc doc = HPDF_New(&ignore_errors, nullptr);
        if (!doc) return 0;
        HPDF_Image img =
            HPDF_LoadRawImageFromMem(doc, logo->rgb.data(), logo->width, logo->height, HPDF_CS_DEVICE_RGB, 8);
        if (img && !logo->alpha.empty()) {
            HPDF_Image mask =
                HPDF_LoadRawImageFromMem(doc, logo->alpha.data(), logo->width, logo->height, HPDF_CS_DEVICE_GRAY, 8);
            if (mask) HPDF_Image_AddSMask(img, mask);
        }
        HPDF_Free(doc);
    } catch (const offerkit::error&) {
    }
    return 0;
}
