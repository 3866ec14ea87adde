// Internal: one libharu document holding one or more flyers.
#pragma once

#include <offerkit/job_offer.hpp>
#include <offerkit/plugins/pdf.hpp>

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace offerkit::pdf_plugin {

/// Document-wide metadata.
struct doc_info {
    std::string title, author, subject, keywords;
    std::optional<date> created;     ///< written as CreationDate/ModDate (00:00:00Z)
    std::optional<long long> epoch;  ///< used when `created` is empty
};

/// A PDF under construction. Not thread-safe; one per thread.
class flyer_document {
public:
    flyer_document();
    ~flyer_document();
    flyer_document(const flyer_document&) = delete;
    flyer_document& operator=(const flyer_document&) = delete;

    /// Lays out one offer on new pages with `brand` (fonts and logo loaded on
    /// first use and kept for the document). Throws offerkit::error.
    /// Returns warnings (a URL too long for a QR code).
    std::vector<std::string> add_offer(const job_offer& offer, const plugins::pdf::brand& brand,
                                       const std::string& lang,
                                       plugins::pdf::flyer_layout layout = plugins::pdf::flyer_layout::sheet);
    /// Adds an empty A4 page (an empty booklet).
    void add_blank_page();

    /// Makes this document a booklet: each footer gives the booklet's page
    /// number too, "(p. 7)". Before the first add_offer.
    void set_booklet();
    /// Whether the PDF is tagged (a structure tree, marked content, /Lang;
    /// docs/pdf.md). On by default; before the first add_offer.
    void set_tagged(bool tagged);
    /// Whether the PDF is made PDF/A-2b (docs/pdf.md, "Archivable PDFs"). On by default.
    void set_archive(bool pdfa);
    /// After saving: why the PDF could not be made PDF/A (no sRGB profile found), or "".
    const std::string& not_archivable() const noexcept;
    /// A booklet's navigation, once every offer is in: a bookmark per offer
    /// with one per section, and, for two offers or more, a table of contents
    /// with their page numbers on pages inserted in front (numbered i, ii…: the
    /// offers' pages keep their numbers 1, 2…). Throws offerkit::error.
    void add_contents(const std::string& lang);

    /// Number of pages so far.
    int page_count() const noexcept;

    /// Writes metadata, repairs the ToUnicode maps and saves to `file`.
    /// Throws offerkit::error naming `shown` (the final name of a temporary
    /// `file`), or `file` when `shown` is empty.
    void save(const std::filesystem::path& file, const doc_info& info, const std::filesystem::path& shown = {});
    /// Same, into memory.
    std::string save_to_string(const doc_info& info);

    struct impl;  // defined in haru.hpp (the libharu document)

private:
    std::unique_ptr<impl> impl_;
};

/// Metadata for a single-offer flyer.
doc_info offer_info(const job_offer& offer, const std::string& lang, std::optional<long long> epoch);

}  // namespace offerkit::pdf_plugin
