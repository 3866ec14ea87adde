// offerkit/plugins/pdf.hpp — the `pdf` plugin: branded A4 offer sheets (flyers).
//
// Format `pdf` (libharu): one A4 PDF per offer in a directory, named from the
// sanitised reference (`3134-25-0750_SR.pdf`), or every offer in one booklet
// (option `booklet=true`), each offer starting on a new page.
//
// Options:
//  - `brand=FILE`: a brand profile (JSON, see docs/pdf.md); default: a neutral built-in brand;
//  - `brands-dir=DIR`: every `*.json` brand of DIR; the brand of an offer is the one whose
//    `employers` list (or `organisation`) equals the offer's employer, compared after
//    trimming spaces, ignoring case and the accents of French (Latin-1) letters; when
//    none matches: `default.json` of DIR if present, else the `brand` option, else built-in;
//  - `lang=fr|en`: label language (default: the brand's, else `fr`);
//  - `booklet=true|false`: one PDF for all offers (default false);
//  - `layout=sheet|flyer`: the full offer sheet (default), or a one-page flyer
//    (docs/pdf.md, "The one-page flyer");
//  - `tagged=true|false`: a tagged, accessible PDF (default true; docs/pdf.md,
//    "Accessible PDFs"); false saves about a third of the bytes;
//  - `pdfa=true|false`: PDF/A-2b (default true; docs/pdf.md, "Archivable PDFs").
#pragma once

#include <offerkit/brand.hpp>
#include <offerkit/diagnostics.hpp>
#include <offerkit/job_offer.hpp>
#include <offerkit/registry.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit::plugins {

/// Registers the `pdf` exporter as a built-in plugin.
void register_pdf(registry& reg);

namespace pdf {

/// The colour and the brand profile are the core's (offerkit/brand.hpp), shared with the web site.
using offerkit::brand;
using offerkit::rgb;

/// The neutral built-in brand (DejaVu Sans fonts, no logo, the employer's name in the header).
brand default_brand();

/// Reads a brand profile. Relative paths inside (logo, fonts) are taken from the
/// file's directory. Throws offerkit::error naming the file (and the JSON field)
/// when it is missing, malformed, or names a font or logo that does not exist.
brand load_brand(const std::filesystem::path& file);

/// The brands of a directory (`*.json`, sorted by file name) and the rule that
/// picks one for an employer (see the file comment).
class brand_set {
public:
    /// Throws offerkit::error naming the directory or the first broken file.
    static brand_set load_directory(const std::filesystem::path& dir, std::optional<brand> fallback = {});
    explicit brand_set(brand fallback = default_brand()) { fallback_ = std::move(fallback); }

    /// The brand for `employer`; `matched` (when given) tells whether a brand
    /// of the set names it, or the fallback was taken.
    const brand& pick(std::string_view employer, bool* matched = nullptr) const;
    /// The brand for `offer`: by its canonical employer (key, then name), then
    /// by its employer as written.
    const brand& pick(const job_offer& offer, bool* matched = nullptr) const;
    const std::vector<brand>& brands() const noexcept { return brands_; }

private:
    std::vector<brand> brands_;
    brand fallback_;
};

/// What a flyer holds.
enum class flyer_layout {
    sheet,     ///< the full offer sheet, on as many pages as it takes (the default)
    one_page,  ///< one A4 page for a notice board: the key facts, the missions that fit, the QR code
};

/// Layout settings of one flyer.
struct flyer_options {
    std::string lang;  ///< "fr"/"en"; empty = the brand's
    flyer_layout layout = flyer_layout::sheet;
    bool tagged = true;                          ///< a tagged (accessible) PDF: structure tree, marked content, /Lang
    bool pdfa = true;                            ///< PDF/A-2b: sRGB output intent, XMP metadata, an ID from the content
    std::optional<long long> source_date_epoch;  ///< metadata date when the offer has none
};

/// Writes one flyer to `file` directly (no atomic rename; the exporter uses
/// atomic_output around it). Throws offerkit::error.
void write_flyer(const job_offer& offer, const brand& b, const flyer_options& options,
                 const std::filesystem::path& file);

/// The French or English long form of a date: "vendredi 6 juin 2025", "Friday 6 June 2025".
std::string long_date(const date& d, std::string_view lang);

}  // namespace pdf
}  // namespace offerkit::plugins
