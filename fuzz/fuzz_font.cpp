// Fuzz target: brand fonts. What offerkit's font check accepts is given to
// libharu exactly as a flyer does (load, measure, draw, embed the subset,
// save): no font may crash, hang or overflow it.
#include "src/font_check.hpp"

#include <hpdf.h>

#include <unistd.h>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace {
void ignore_errors(HPDF_STATUS, HPDF_STATUS, void*) {}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    if (!offerkit::pdf_plugin::font_problem(bytes).empty()) return 0;
    // libharu 2.3.0 loads TrueType fonts from files only.
    static const std::string path = [] {
        const char* dir = ::access("/dev/shm", W_OK) == 0 ? "/dev/shm" : "/tmp";
        return std::string(dir) + "/offerkit-fuzz-font-" + std::to_string(::getpid()) + ".ttf";
    }();
    if (FILE* f = std::fopen(path.c_str(), "wb")) {
        std::fwrite(data, 1, size, f);
        std::fclose(f);
    } else {
        return 0;
    }
    HPDF_Doc doc = HPDF_New(&ignore_errors, nullptr);
    if (doc) {
        HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(doc);
        const char* name = HPDF_LoadTTFontFromFile(doc, path.c_str(), HPDF_TRUE);
        HPDF_Font font = name ? HPDF_GetFont(doc, name, "UTF-8") : nullptr;
        HPDF_Page page = HPDF_AddPage(doc);
        if (font && page) {
            const char* text = "Hx Avis de vacance — é à ç œ € ’ 0123";
            (void)HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(text), 40);
            HPDF_Page_BeginText(page);
            HPDF_Page_SetFontAndSize(page, font, 10);
            HPDF_Page_TextOut(page, 50, 700, text);
            HPDF_Page_EndText(page);
            HPDF_SaveToStream(doc);
        }
        HPDF_Free(doc);
    }
    std::remove(path.c_str());
    return 0;
}
