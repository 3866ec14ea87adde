// The "csv" importer: the employers' open data, one posting a row, in the
// DRHFPNC schema of data.gouv.nc ("avis de vacances de poste (AVP)
// DRHFPNC": numero, libelle_poste, date_mis_en_ligne, date_cloture, url_pdf…;
// docs/opendata-csv.md). RFC 4180: fields separated by commas (or
// semicolons, as a French spreadsheet saves them), quoted with '"' when they
// hold a separator, a quote or a line break. A row read alone is an offer of
// metadata only; offerkit/batch.hpp joins it to the posting it describes.
#include "csv_records.hpp"
#include "import/core_importers.hpp"
#include "import/text_input.hpp"
#include "opendata_columns.hpp"

#include <offerkit/opendata.hpp>
#include <offerkit/referential.hpp>
#include <offerkit/text.hpp>

#include <algorithm>
#include <array>
#include <optional>

namespace offerkit::detail {

namespace {

using column = avp_column;

constexpr std::array required_columns = {column::reference, column::title, column::employer};

// What a header needs to be this schema's: its key columns.
bool looks_like_avp_header(std::string_view line) {
    const std::string f = text::ascii_lower(line.substr(0, std::min<std::size_t>(line.size(), 4096)));
    return f.find("numero") != std::string::npos && f.find("libelle_poste") != std::string::npos &&
           f.find("date_cloture") != std::string::npos;
}

std::optional<std::string> text_of(std::string_view s) {
    std::string t = text::squeeze_space(opendata::without_spreadsheet_quote(s));
    if (t.empty() || t == "/" || t == "-") return std::nullopt;
    return t;
}

// A multi-line cell as items: one a line, bullets removed.
std::vector<std::string> items_of(std::string_view s) {
    s = opendata::without_spreadsheet_quote(s);
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= s.size()) {
        std::size_t eol = s.find('\n', from);
        if (eol == std::string_view::npos) eol = s.size();
        std::string line = text::squeeze_space(s.substr(from, eol - from));
        for (std::string_view b : {"- ", "• ", "* ", "– "})
            if (line.rfind(b, 0) == 0) line = text::squeeze_space(std::string_view(line).substr(b.size()));
        if (!line.empty()) out.push_back(std::move(line));
        from = eol + 1;
    }
    return out;
}

// The first word of `comment` shaped like a reference ("Republication de l'avis 26-0402 (sans suite)": 26-0402).
std::optional<std::string> reference_in(std::string_view comment) {
    std::size_t from = 0;
    while (from < comment.size()) {
        std::size_t end = comment.find_first_of(" \t(),;:", from);
        if (end == std::string_view::npos) end = comment.size();
        std::string_view word = comment.substr(from, end - from);
        while (!word.empty() && (word.back() == '.' || word.back() == '"')) word.remove_suffix(1);
        if (word.find('-') != std::string_view::npos && parse_reference(word)) return std::string(word);
        from = end + 1;
    }
    return std::nullopt;
}

class csv_session final : public import_session {
public:
    csv_session(input_source source, const read_options& options)
        : input_(std::move(source), options), location_{input_.name(), 0, 0, {}} {}

    bool next(job_offer& out, diagnostics& diags) override {
        if (!loaded_) load();
        record r;
        if (!records_->next(r)) return false;
        location_ = {input_.name(), r.line, 0, {}};
        if (r.fields.size() != header_size_)
            throw error(errc::syntax_error, location_.to_string() + ": the row has " + std::to_string(r.fields.size()) +
                                                " fields, the header " + std::to_string(header_size_) +
                                                " (a separator or a quote out of place?)");
        out = job_offer{};
        read_row(r, out, diags);
        return true;
    }
    const source_location& location() const noexcept override { return location_; }
    std::string_view format() const noexcept override { return "csv"; }

private:
    void load() {
        loaded_ = true;
        text_ = input_.read_document();
        records_.emplace(text_, input_.name());
        record header;
        if (!records_->next(header)) throw error(errc::syntax_error, input_.name() + ": empty input: no header row");
        header_size_ = header.fields.size();
        index_.fill(npos);
        for (std::size_t i = 0; i < header.fields.size(); ++i) {
            const std::string h = text::ascii_lower(text::squeeze_space(header.fields[i]));
            for (std::size_t c = 0; c < avp_column_names.size(); ++c)
                if (avp_column_names[c] == h) index_[c] = i;
        }
        std::string missing;
        for (column c : required_columns)
            if (index_[static_cast<std::size_t>(c)] == npos)
                missing += (missing.empty() ? "" : ", ") + std::string(name_of(c));
        if (!missing.empty())
            throw error(errc::syntax_error, input_.name() + ":" + std::to_string(header.line) +
                                                ": not the DRHFPNC open-data schema: the header lacks " + missing);
    }

    std::string_view cell(const record& r, column c) const {
        const std::size_t i = index_[static_cast<std::size_t>(c)];
        return i == npos ? std::string_view() : std::string_view(r.fields[i]);
    }
    std::optional<std::string> text(const record& r, column c) const { return text_of(cell(r, c)); }

    std::optional<date> day(const record& r, column c, diagnostics& diags) const {
        const auto t = text(r, c);
        if (!t) return std::nullopt;
        if (auto d = date::parse_iso(std::string_view(*t).substr(0, 10))) return d;
        diags.warn({input_.name(), r.line, 0, std::string(name_of(c))}, "\"" + *t + "\" is not a date (YYYY-MM-DD)");
        return std::nullopt;
    }

    void read_row(const record& r, job_offer& o, diagnostics& diags) const {
        o.reference = text(r, column::reference).value_or("");
        o.title = text(r, column::title).value_or("");
        o.employer = text(r, column::employer).value_or("");
        // direction_libelle repeats the employer in OPT-NC's rows: a direction only when it differs.
        if (auto d = text(r, column::direction); d && text::fold(*d) != text::fold(o.employer)) o.direction = d;
        o.unit = text(r, column::unit);
        std::string grade = text(r, column::grade).value_or("");
        if (auto g2 = text(r, column::grade_2)) grade += (grade.empty() ? "" : " ou ") + *g2;
        if (auto dom = text(r, column::domain)) grade += (grade.empty() ? "" : " - ") + *dom;
        if (!grade.empty()) o.grade = grade;
        o.job_family = text(r, column::job_family);
        if (!o.job_family)
            if (auto rome = text(r, column::rome_label); rome && *rome != avp_no_rome) o.job_family = rome;
        o.location = text(r, column::location);
        o.residency_requirement = text(r, column::residency);
        o.posted_on = day(r, column::posted_on, diags);
        o.deadline = day(r, column::deadline, diags);
        o.available_from = day(r, column::available_from, diags);
        const auto kind = text(r, column::availability_kind).value_or("");
        for (auto [code, words] : avp_availability_words)
            if (kind == code) o.availability = std::string(words);
        if (kind == avp_from_date && o.available_from)
            o.availability = avp_from_date_text(*o.available_from);
        else if (!o.availability)
            o.availability = text(r, column::availability_other);
        if (auto n = text(r, column::openings); n && n != "0") {
            if (std::all_of(n->begin(), n->end(), [](char c) { return c >= '0' && c <= '9'; }) && n->size() <= 4)
                o.openings = std::stoi(*n);
            else
                o.extra.set("Nombre de postes", *n);
        }
        o.description = items_of(cell(r, column::presentation));
        o.missions = items_of(cell(r, column::missions));
        if (auto a = items_of(cell(r, column::main_activities)); !a.empty())
            o.activities.push_back({activity_kind::main, std::nullopt, std::move(a)});
        if (auto a = items_of(cell(r, column::secondary_activities)); !a.empty())
            o.activities.push_back({activity_kind::secondary, std::nullopt, std::move(a)});
        o.conditions = items_of(cell(r, column::conditions));
        for (auto [c, title] : avp_profile_columns)
            if (auto items = items_of(cell(r, c)); !items.empty())
                o.profile.push_back({std::string(title), std::move(items)});
        for (const auto& [n, p, e] : avp_contact_columns) {
            contact k{text(r, n), std::nullopt, text(r, e), text(r, p)};
            if (k.name || k.email || k.phone) o.contacts.push_back(std::move(k));
        }
        for (auto [c, prefix] : avp_apply_columns)
            if (auto a = text(r, c)) o.how_to_apply.push_back(std::string(prefix) + *a);
        o.document_url = text(r, column::document_url);
        if (auto c = text(r, column::republication)) o.republication_of = reference_in(*c);
        // The rest of the row, kept under labels a reader understands (docs/opendata-csv.md).
        for (auto [c, label] : avp_extra_columns)
            if (auto v = text(r, c)) o.extra.set(std::string(label), *v);
    }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    text_input input_;
    source_location location_;
    bool loaded_ = false;
    std::string text_;
    std::optional<csv_records> records_;
    std::size_t header_size_ = 0;
    std::array<std::size_t, avp_column_count> index_{};
};

class csv_importer final : public importer {
public:
    const importer_info& info() const noexcept override {
        static const importer_info i{"csv",
                                     "the employers' open data: DRHFPNC AVP rows (data.gouv.nc), one posting a row",
                                     {".csv"},
                                     "text/csv",
                                     {}};
        return i;
    }
    input_match sniff(std::string_view file_name, std::string_view head) const noexcept override {
        std::string_view h = head;
        if (h.substr(0, 3) == "\xEF\xBB\xBF") h.remove_prefix(3);
        const std::string_view first = h.substr(0, h.find('\n'));
        if (!looks_like_avp_header(first)) return input_match::none;
        return has_extension(file_name, ".csv") ? input_match::extension : input_match::content;
    }
    std::unique_ptr<import_session> open(input_source input, const read_options& options) const override {
        check_options(info(), options.options);
        return std::make_unique<csv_session>(std::move(input), options);
    }
};

}  // namespace

std::shared_ptr<const importer> make_csv_importer() { return std::make_shared<csv_importer>(); }

}  // namespace offerkit::detail
