#include "jsonld_exporter.hpp"

#include <offerkit/date.hpp>
#include <offerkit/error.hpp>
#include <offerkit/jobposting.hpp>
#include <offerkit/output_file.hpp>
#include <offerkit/rules.hpp>
#include <offerkit/text_safety.hpp>

#include <optional>
#include <string>

namespace offerkit::jsonld_plugin {

namespace {

struct settings {
    bool lines = false;
    bool pretty = true;
    jobposting_vocabulary vocabulary = jobposting_vocabulary::offerkit;
    std::optional<date> as_of;  // datePosted for offers that have no date at all
};

/// Indents every line after the first by two spaces (JSON strings hold no raw newline).
std::string indented(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    out += "  ";
    for (char c : text) {
        out += c;
        if (c == '\n') out += "  ";
    }
    return out;
}

class jsonld_session final : public export_session {
public:
    jsonld_session(const export_target& target, settings s, diagnostics& diags)
        : out_(target, "jsonld"), settings_(s), diags_(diags) {}

    void write(const job_offer& offer) override {
        std::string text = posting(offer);
        if (settings_.lines) {
            text += '\n';
            out_.write(text);
            ++count_;
            return;
        }
        // One object for one offer, an array for several: the first offer is
        // held back until we know whether a second one follows.
        const bool pretty = settings_.pretty;
        if (count_ == 0) {
            held_ = std::move(text);
        } else {
            std::string buffer;
            if (count_ == 1) {
                buffer = pretty ? "[\n" + indented(held_) : "[" + held_;
                held_.clear();
            }
            buffer += pretty ? ",\n" + indented(text) : "," + text;
            out_.write(buffer);
        }
        ++count_;
    }

    std::vector<std::filesystem::path> finish() override {
        if (!settings_.lines) {
            if (count_ == 0)
                out_.write("[]\n");
            else if (count_ == 1)
                out_.write(held_ + "\n");
            else
                out_.write(settings_.pretty ? "\n]\n" : "]\n");
        }
        return out_.commit();
    }

private:
    // The rules of the catalogue on the offer as published, whose datePosted
    // is the posting date or else the reference date; each finding points at
    // the JobPosting property of its field.
    void check_published(const job_offer& offer, const std::string& who) {
        found_.clear();
        if (!offer.posted_on && offer.reference_date) {
            job_offer published = offer;
            published.posted_on = offer.reference_date;
            check_offer(published, found_);
        } else {
            check_offer(offer, found_);
        }
        for (auto& f : found_) {
            f.message = who + ": " + f.message;
            diags_.add(to_diagnostic(
                f, source_location{out_.name(), 0, 0, std::string(jobposting_property(rule_of(f.id).field))}));
        }
    }

    std::string posting(const job_offer& offer) {
        const std::string who =
            offer.reference.empty() ? "offer " + std::to_string(count_ + 1) : excerpt(offer.reference, 60);
        auto warn = [&](const char* field, const std::string& message) {
            diags_.warn(source_location{out_.name(), 0, 0, field}, who + ": " + message);
        };
        check_published(offer, who);
        if (!offer.posted_on && !offer.reference_date) {
            if (settings_.as_of) {
                job_offer dated = offer;
                dated.posted_on = settings_.as_of;
                return to_jobposting_json(dated, settings_.pretty && !settings_.lines, settings_.vocabulary);
            }
            warn("datePosted",
                 "no posting date (posted_on or reference_date): Google requires datePosted; "
                 "give one with --as-of YYYY-MM-DD");
        }
        return to_jobposting_json(offer, settings_.pretty && !settings_.lines, settings_.vocabulary);
    }

    export_output out_;
    settings settings_;
    diagnostics& diags_;
    std::vector<finding> found_;
    std::size_t count_ = 0;
    std::string held_;
};

}  // namespace

const exporter_info& jsonld_exporter::info() const noexcept {
    static const exporter_info i{
        "jsonld",
        "schema.org JobPosting JSON-LD (Google for Jobs): an object, an array for several offers, or JSON Lines",
        ".jsonld",
        "application/ld+json",
        {{"lines", "write one JobPosting per line (JSON Lines) instead of one object or an array", "false"},
         {"pretty", "indent the output (true) or write each posting on one line (false)", "true"},
         {"plain",
          "plain schema.org (true): no offerkit: keys, for job boards; read back, such a file keeps only "
          "what schema.org can say",
          "false"},
         {"as-of", "datePosted (YYYY-MM-DD) for offers that have neither a posting date nor a reference date", "",
          true}}};
    return i;
}

std::unique_ptr<export_session> jsonld_exporter::begin(const export_target& target, const option_map& options,
                                                       diagnostics& diags) const {
    check_options(info(), options);
    settings s;
    s.lines = option_bool(options, "lines", false);
    s.pretty = option_bool(options, "pretty", true);
    if (option_bool(options, "plain", false)) s.vocabulary = jobposting_vocabulary::plain;
    if (auto it = options.find("as-of"); it != options.end() && !it->second.empty()) {
        s.as_of = date::parse_iso(it->second);
        if (!s.as_of)
            throw error(errc::invalid_option,
                        "jsonld: option as-of: \"" + it->second + "\" is not a date (expected YYYY-MM-DD)");
    }
    return std::make_unique<jsonld_session>(target, s, diags);
}

}  // namespace offerkit::jsonld_plugin
