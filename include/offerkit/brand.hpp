// offerkit/brand.hpp — brand profiles: how an employer's documents look (the
// flyers, the web site), read from `offerkit-brand/1` JSON files (docs/pdf.md,
// "Brand profiles").
//
// The core reads a profile and picks the brand of an offer; each format
// checks the assets it uses itself (the pdf plugin decodes the logo and
// checks the fonts), through brand_asset_checks.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/job_offer.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit {

/// An sRGB colour, components 0..1.
struct rgb {
    double r = 0, g = 0, b = 0;
    friend bool operator==(const rgb&, const rgb&) = default;
};

/// WCAG 2.1's contrast ratio of two colours (1 to 21).
OFFERKIT_API double contrast_ratio(const rgb& a, const rgb& b) noexcept;
/// `c` darkened (towards black, keeping its hue) until its contrast with
/// `background` is at least `ratio`; `c` itself when it already is.
OFFERKIT_API rgb darkened_for_contrast(const rgb& c, const rgb& background, double ratio) noexcept;
/// "#RRGGBB".
OFFERKIT_API std::string to_hex(const rgb& c);

/// A brand profile: how the documents of one employer look.
struct brand {
    std::string name;          ///< short id, e.g. "default", "opt-example"
    std::string organisation;  ///< shown in the header; empty = the offer's employer
    std::string slogan;
    std::string website;  ///< footer, left
    /// The employer's page of job offers: the flyer's QR code and address when
    /// the offer has neither a url nor a document_url. Empty = none.
    std::string careers_page;
    std::string footer;                  ///< footer text (left, after the website)
    std::filesystem::path logo;          ///< 8-bit non-interlaced PNG; empty = none
    rgb primary{0.13, 0.23, 0.36};       ///< header band, headings
    rgb accent{0.72, 0.34, 0.10};        ///< deadline box, bullets, rules
    std::filesystem::path font_regular;  ///< TrueType (glyf) font; empty = the format's own
    std::filesystem::path font_bold;
    /// The flyers' fast paths: with the default fonts (DejaVu Sans), the Latin
    /// subset made at build time when it covers the flyer's text; with any
    /// fonts, simple WinAnsi-encoded fonts when the text is all Windows-1252
    /// (both smaller and much faster with libharu). false: always full CID fonts.
    bool allow_fast_fonts = true;
    std::string lang = "fr";  ///< "fr" or "en"
    /// Employers this brand is picked for: canonical keys ("opt-nc",
    /// offerkit/referential.hpp) or names (any spelling the lists know).
    std::vector<std::string> employers;
    std::filesystem::path source;  ///< the file it was read from; empty = built-in
};

/// What a format checks of the files a profile names, beyond their existence;
/// each throws offerkit::error (the message is completed with the profile's name).
struct brand_asset_checks {
    std::function<void(const std::filesystem::path&)> logo;
    std::function<void(const std::filesystem::path&)> font;
    /// The file of a font named by its family ("fonts": {"regular": "Liberation
    /// Sans"}), bold or not: the pdf plugin asks fontconfig. Without it (a format
    /// that draws no text with the brand's fonts), a family name is accepted
    /// and left unused.
    std::function<std::filesystem::path(const std::string& family, bool bold)> font_family;
};

/// Reads the profile `file` over `defaults`. Relative paths inside (logo,
/// fonts) are taken from the file's directory. Throws offerkit::error naming
/// the file (and the JSON field) when it is missing, malformed, larger than
/// 1 MiB, or names a font or logo that does not exist or fails `checks`.
OFFERKIT_API brand read_brand(const std::filesystem::path& file, brand defaults, const brand_asset_checks& checks = {});

/// The profiles of a directory: its `*.json` files, sorted by name. Throws
/// errc::io_error naming the directory when it cannot be listed.
OFFERKIT_API std::vector<std::filesystem::path> brand_files(const std::filesystem::path& dir);

/// The brand of `employer` among `brands`: the first whose `employers` (or
/// `organisation`) equals it, compared folded (case and accents aside); nullptr when none.
OFFERKIT_API const brand* find_brand(const std::vector<brand>& brands, std::string_view employer);
/// The brand of `offer`: by its canonical employer key, then its canonical
/// name, then its employer as written; nullptr when none.
OFFERKIT_API const brand* find_brand(const std::vector<brand>& brands, const job_offer& offer);

}  // namespace offerkit
