// Internal: the fonts a flyer is drawn with.
#pragma once

#include <offerkit/job_offer.hpp>
#include <offerkit/plugins/pdf.hpp>

#include <filesystem>
#include <vector>

namespace offerkit::pdf_plugin {

/// A file of DejaVu Sans (fonts-dejavu-core), e.g. "DejaVuSans.ttf".
std::filesystem::path dejavu_font(const char* file);

/// The font file of `family` ("Liberation Sans"), bold or regular, upright, as
/// fontconfig finds it among the machine's fonts. Throws offerkit::error when
/// fontconfig has no font of that family (naming its nearest), or none in that
/// weight. Thread-safe.
std::filesystem::path font_of_family(const std::string& family, bool bold);

/// The Latin subset of DejaVu Sans made at build time, with its coverage.
struct fast_fonts {
    std::filesystem::path regular, bold;
    std::vector<bool> covered;  ///< by BMP code point
};

/// The subset fonts ($OFFERKIT_FONT_DIR, the build tree, the install tree), or
/// nullptr when there are none. Thread-safe; looked up once.
const fast_fonts* find_fast_fonts();

/// The byte of Windows-1252 (PDF's WinAnsiEncoding) for `cp`, or -1.
int to_cp1252(char32_t cp) noexcept;

/// The fonts of one flyer and how they are addressed.
struct font_choice {
    std::filesystem::path regular, bold;
    /// true: simple TrueType fonts with WinAnsiEncoding (one byte a character:
    /// no 65,536-entry CID map to build, 6× faster with libharu); false: CID
    /// fonts with libharu's UTF-8 encoder (any BMP character).
    bool winansi = false;
};

/// The fonts for one flyer. Files: the brand's own fonts when it names them;
/// else the Latin subset when it covers every character the flyer shows; else
/// the full DejaVu Sans. Encoding: WinAnsi when every character is in
/// Windows-1252 and in both fonts, else UTF-8 (CID).
font_choice flyer_fonts(const job_offer& offer, const plugins::pdf::brand& brand);

}  // namespace offerkit::pdf_plugin
