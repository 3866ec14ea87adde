#include "pdf_exporter.hpp"

#include "render.hpp"

#include <offerkit/error.hpp>
#include <offerkit/output_file.hpp>
#include <offerkit/plugins/pdf.hpp>
#include <offerkit/text_safety.hpp>

#include <cstdio>
#include <cstdlib>
#include <set>
#include <tuple>

namespace offerkit::pdf_plugin {

namespace fs = std::filesystem;
using plugins::pdf::brand;
using plugins::pdf::brand_set;

namespace {

std::optional<long long> source_date_epoch() {
    const char* s = std::getenv("SOURCE_DATE_EPOCH");
    if (!s || !*s) return std::nullopt;
    char* end = nullptr;
    const long long v = std::strtoll(s, &end, 10);
    if (*end != '\0' || v < 0) return std::nullopt;
    return v;
}

struct settings {
    brand_set brands;
    std::string brands_dir;  // empty: no brands-dir option
    std::string lang;        // empty = the brand's
    std::optional<long long> epoch;
    plugins::pdf::flyer_layout layout = plugins::pdf::flyer_layout::sheet;
    bool tagged = true;
    bool pdfa = true;
    bool archive_warned = false;
    std::set<std::string> unmatched;         // employers already reported
    std::set<std::string> contrast_checked;  // brands already checked

    const std::string& lang_for(const brand& b) const { return lang.empty() ? b.lang : lang; }

    /// The brand of `offer`; with brands-dir, an employer that no brand of the
    /// directory names is reported once: the fallback is used, and said so.
    const brand& brand_for(const job_offer& offer, diagnostics& diags) {
        bool matched = false;
        const brand& b = brands.pick(offer, &matched);
        if (!matched && !brands_dir.empty() && unmatched.insert(offer.employer).second) {
            const std::string used = b.source.empty() ? "the built-in default brand" : "the brand " + b.source.string();
            diags.warn({{}, 0, 0, "employer"},
                       "pdf: no brand of " + brands_dir + " names the employer \"" + excerpt(offer.employer) +
                           "\" (in its \"employers\" or \"organisation\"); " + used + " is used for its offers");
        }
        check_contrast(b, diags);
        return b;
    }

    /// Says once when a PDF could not be made PDF/A.
    void said_not_archivable(const flyer_document& doc, diagnostics& diags) {
        if (doc.not_archivable().empty() || archive_warned) return;
        archive_warned = true;
        diags.warn({{}, 0, 0, {}}, "pdf: " + doc.not_archivable() +
                                       " (Debian: icc-profiles-free; or $OFFERKIT_ICC_PROFILE): the PDFs are not "
                                       "PDF/A; --option pdfa=false says that is meant");
    }

    /// Says once per brand when white text on one of its colours would read
    /// below WCAG's 4.5:1: the flyers use it darkened (layout.cpp).
    void check_contrast(const brand& b, diagnostics& diags) {
        if (!contrast_checked.insert(b.source.string() + '\n' + b.name).second) return;
        const rgb white{1, 1, 1};
        for (auto [colour, field, use] : {std::tuple{b.primary, "colors.primary", "the header band and the headings"},
                                          std::tuple{b.accent, "colors.accent", "the deadline box"}}) {
            const rgb used = darkened_for_contrast(colour, white, 4.5);
            if (used == colour) continue;
            char ratio[16];
            std::snprintf(ratio, sizeof ratio, "%.2f", contrast_ratio(colour, white));
            diags.warn({b.source.string(), 0, 0, field},
                       "pdf: brand " + (b.name.empty() ? b.source.filename().string() : b.name) +
                           ": white text on its " + std::string(field).substr(7) + " colour " + to_hex(colour) +
                           " is " + ratio + ":1, below WCAG's 4.5:1; the flyers use " + to_hex(used) + " for " + use +
                           " instead");
        }
    }
};

settings read_settings(const exporter_info& info, const option_map& options) {
    check_options(info, options);
    settings s;
    std::optional<brand> base;
    if (auto it = options.find("brand"); it != options.end() && !it->second.empty())
        base = plugins::pdf::load_brand(it->second);
    if (auto it = options.find("brands-dir"); it != options.end() && !it->second.empty()) {
        s.brands = brand_set::load_directory(it->second, base);
        s.brands_dir = it->second;
    } else
        s.brands = brand_set(base ? *base : plugins::pdf::default_brand());
    s.lang = option_or(options, "lang", "");
    if (!s.lang.empty() && s.lang != "fr" && s.lang != "en")
        throw error(errc::invalid_option, "pdf: option lang: \"fr\" or \"en\" is expected, not \"" + s.lang + "\"");
    const std::string layout = option_or(options, "layout", "sheet");
    if (layout == "flyer")
        s.layout = plugins::pdf::flyer_layout::one_page;
    else if (layout != "sheet")
        throw error(errc::invalid_option,
                    "pdf: option layout: \"sheet\" (the full offer) or \"flyer\" (one page) is expected, not \"" +
                        layout + "\"");
    s.tagged = option_bool(options, "tagged", true);
    s.pdfa = option_bool(options, "pdfa", true);
    s.epoch = source_date_epoch();
    return s;
}

/// One PDF per offer, committed together by finish().
class per_offer_session final : public file_per_offer_session {
public:
    per_offer_session(fs::path dir, settings s, diagnostics& diags)
        : file_per_offer_session(std::move(dir), "pdf", ".pdf", diags), s_(std::move(s)) {}

protected:
    void render(const job_offer& given, atomic_output& out) override {
        job_offer scrubbed;
        const job_offer& offer = fitted(given, scrubbed, text_repertoire::pdf_flyer, "pdf", diags());
        const brand& b = s_.brand_for(offer, diags());
        const std::string& lang = s_.lang_for(b);
        flyer_document doc;
        doc.set_tagged(s_.tagged);
        doc.set_archive(s_.pdfa);
        for (auto& w : doc.add_offer(offer, b, lang, s_.layout))
            diags().warn({{}, 0, 0, {}}, "pdf: " + offer.reference + ": " + w);
        out.write_by_name(
            [&](const fs::path& temp) { doc.save(temp, offer_info(offer, lang, s_.epoch), out.final_path()); });
        s_.said_not_archivable(doc, diags());
    }

private:
    settings s_;
};

/// Every offer in one PDF.
class booklet_session final : public export_session {
public:
    booklet_session(const export_target& target, settings s, diagnostics& diags)
        : target_(target), s_(std::move(s)), diags_(diags) {
        doc_.set_booklet();
        doc_.set_tagged(s_.tagged);
        doc_.set_archive(s_.pdfa);
        if (!target_.stream) out_ = std::make_unique<atomic_output>(target_.path);
    }

    void write(const job_offer& given) override {
        job_offer scrubbed;
        const job_offer& offer = fitted(given, scrubbed, text_repertoire::pdf_flyer, "pdf", diags_);
        const brand& b = s_.brand_for(offer, diags_);
        const std::string& lang = s_.lang_for(b);
        for (auto& w : doc_.add_offer(offer, b, lang, s_.layout))
            diags_.warn({{}, 0, 0, {}}, "pdf: " + offer.reference + ": " + w);
        if (count_ == 0) {
            first_lang_ = lang;
            organisation_ = b.organisation.empty() ? offer.employer : b.organisation;
        } else if (!organisation_.empty() &&
                   organisation_ != (b.organisation.empty() ? offer.employer : b.organisation)) {
            organisation_.clear();
        }
        if (offer.posted_on && (!latest_ || *offer.posted_on > *latest_)) latest_ = offer.posted_on;
        if (count_ == 0) only_ = offer_info(offer, lang, s_.epoch);
        ++count_;
    }

    std::vector<fs::path> finish() override {
        doc_info info;
        if (count_ == 1) {
            info = only_;
        } else {
            const bool en = first_lang_ == "en";
            info.title = (en ? "Job vacancies" : "Offres d’emploi") + std::string(organisation_.empty() ? "" : " – ") +
                         organisation_;
            info.author = organisation_;
            info.subject = std::to_string(count_) + (en ? " job vacancy notices" : " avis de vacance de poste");
            info.created = latest_;
            info.epoch = s_.epoch;
        }
        if (count_ == 0) {
            // An empty booklet still is a valid PDF: one empty page.
            info.title = first_lang_ == "en" ? "Job vacancies" : "Offres d’emploi";
            doc_.add_blank_page();
        }
        doc_.add_contents(first_lang_);
        if (target_.stream) {
            const std::string bytes = doc_.save_to_string(info);
            target_.stream->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
            target_.stream->flush();
            if (!*target_.stream) throw error(errc::io_error, "pdf: cannot write the PDF to the output stream");
            s_.said_not_archivable(doc_, diags_);
            return {};
        }
        out_->write_by_name([&](const fs::path& temp) { doc_.save(temp, info, out_->final_path()); });
        s_.said_not_archivable(doc_, diags_);
        out_->commit();
        return {out_->final_path()};
    }

private:
    export_target target_;
    settings s_;
    diagnostics& diags_;
    flyer_document doc_;
    std::unique_ptr<atomic_output> out_;
    std::size_t count_ = 0;
    std::string first_lang_ = "fr", organisation_;
    std::optional<date> latest_;
    doc_info only_;
};

}  // namespace

pdf_exporter::pdf_exporter() {
    info_.name = "pdf";
    info_.description = "branded A4 PDF offer sheets, one per offer or a booklet";
    info_.extension = ".pdf";
    info_.mime_type = "application/pdf";
    info_.options = {
        {"brand", "brand profile (JSON file): organisation, logo, colours, fonts, slogan, website", "", true},
        {"brands-dir", "directory of brand profiles, picked by the offer's employer", "", true},
        {"lang", "label language: fr or en (default: the brand's, else fr)", "", true},
        {"booklet", "write all offers into one PDF, each starting on a new page", "false"},
        {"pdfa", "PDF/A-2b: sRGB output intent, XMP metadata, a document ID from the content", "true"},
        {"tagged", "a tagged, accessible PDF (structure tree, marked content, /Lang); false: about a third smaller",
         "true"},
        {"layout", "sheet (the full offer, default) or flyer (one A4 page: key facts, missions that fit, QR code)",
         "sheet"},
    };
}

output_layout pdf_exporter::layout(const option_map& options) const {
    return option_bool(options, "booklet", false) ? output_layout::single_file : output_layout::file_per_offer;
}

std::unique_ptr<export_session> pdf_exporter::begin(const export_target& target, const option_map& options,
                                                    diagnostics& diags) const {
    const bool booklet = option_bool(options, "booklet", false);
    settings s = read_settings(info_, options);
    if (booklet) return std::make_unique<booklet_session>(target, std::move(s), diags);
    if (target.stream)
        throw error(
            errc::invalid_option,
            "pdf: one file per offer needs an output directory (-o DIR); use --option booklet=true for one PDF");
    return std::make_unique<per_offer_session>(target.path, std::move(s), diags);
}

}  // namespace offerkit::pdf_plugin

namespace offerkit::plugins::pdf {

void write_flyer(const job_offer& offer, const brand& b, const flyer_options& options,
                 const std::filesystem::path& file) {
    const std::string lang = options.lang.empty() ? b.lang : options.lang;
    pdf_plugin::flyer_document doc;
    doc.set_tagged(options.tagged);
    doc.set_archive(options.pdfa);
    doc.add_offer(offer, b, lang, options.layout);
    doc.save(file, pdf_plugin::offer_info(offer, lang, options.source_date_epoch));
}

}  // namespace offerkit::plugins::pdf
