// A third-party offerkit importer plugin: offers kept in a spreadsheet and
// saved as tab-separated values (.tsv), one offer per row. The first row
// names the columns with canonical field names (docs/job-offer-v1.md):
//
//     reference<TAB>title<TAB>employer<TAB>deadline<TAB>missions
//     9001-26-0901/SR<TAB>Chargé(e) d'accueil<TAB>Commune de Bourail<TAB>2026-11-20<TAB>Accueillir | Orienter
//
// Known columns: reference, title, employer, direction, grade, location,
// posted_on, deadline, url, missions (items separated by " | "). Rows are
// read one at a time, so a file of any size can be read; a bad row is an
// error naming its line, and the next row is read after it.
#include <offerkit/plugin.hpp>

#include <string>
#include <vector>

namespace {

std::vector<std::string> split(const std::string& line, std::string_view separator) {
    std::vector<std::string> cells;
    std::size_t start = 0;
    while (true) {
        const std::size_t at = line.find(separator, start);
        cells.push_back(line.substr(start, at == std::string::npos ? std::string::npos : at - start));
        if (at == std::string::npos) return cells;
        start = at + separator.size();
    }
}

class tsv_session final : public offerkit::import_session {
public:
    tsv_session(offerkit::input_source input, std::size_t max_line)
        : input_(std::move(input)), max_line_(max_line), where_{input_.name(), 0, 0, {}} {}

    bool next(offerkit::job_offer& out, offerkit::diagnostics& diags) override {
        std::string line;
        while (next_line(line)) {
            where_ = {input_.name(), line_number_, 0, {}};
            if (line.empty()) continue;
            if (columns_.empty()) {  // the header row
                columns_ = split(line, "\t");
                for (std::size_t i = 0; i < columns_.size(); ++i)
                    if (!known(columns_[i]))
                        diags.warn({input_.name(), line_number_, 0, {}},
                                   "column \"" + columns_[i] + "\" is not a field this reader knows; ignored");
                continue;
            }
            out = offerkit::job_offer{};
            const auto cells = split(line, "\t");
            if (cells.size() > columns_.size())
                throw offerkit::error(offerkit::errc::invalid_value, where_.to_string() + ": " +
                                                                         std::to_string(cells.size()) +
                                                                         " cells, but the header names " +
                                                                         std::to_string(columns_.size()) + " columns");
            for (std::size_t i = 0; i < cells.size(); ++i) set(out, columns_[i], cells[i]);
            return true;
        }
        return false;
    }
    const offerkit::source_location& location() const noexcept override { return where_; }
    std::string_view format() const noexcept override { return "tsv"; }

private:
    static bool known(const std::string& c) {
        for (const char* k : {"reference", "title", "employer", "direction", "grade", "location", "posted_on",
                              "deadline", "url", "missions"})
            if (c == k) return true;
        return false;
    }

    offerkit::date parse_date(const std::string& column, const std::string& text) const {
        if (auto d = offerkit::date::parse_iso(text)) return *d;
        throw offerkit::error(offerkit::errc::invalid_value,
                              where_.to_string() + ": " + column + ": \"" + text + "\" is not a date (YYYY-MM-DD)");
    }

    void set(offerkit::job_offer& o, const std::string& column, const std::string& value) const {
        if (value.empty()) return;
        if (column == "reference")
            o.reference = value;
        else if (column == "title")
            o.title = value;
        else if (column == "employer")
            o.employer = value;
        else if (column == "direction")
            o.direction = value;
        else if (column == "grade")
            o.grade = value;
        else if (column == "location")
            o.location = value;
        else if (column == "url")
            o.url = value;
        else if (column == "posted_on")
            o.posted_on = parse_date(column, value);
        else if (column == "deadline")
            o.deadline = parse_date(column, value);
        else if (column == "missions")
            o.missions = split(value, " | ");
    }

    // One line of the input, without its end of line; false at the end.
    bool next_line(std::string& line) {
        line.clear();
        while (true) {
            const std::size_t nl = buffer_.find('\n', at_);
            if (nl != std::string::npos) {
                line.assign(buffer_, at_, nl - at_);
                at_ = nl + 1;
                break;
            }
            if (buffer_.size() - at_ > max_line_)
                throw offerkit::error(offerkit::errc::limit_exceeded,
                                      input_.name() + ":" + std::to_string(line_number_ + 1) + ": line too long");
            buffer_.erase(0, at_);
            at_ = 0;
            if (input_.read(buffer_, 64 * 1024) == 0) {
                if (buffer_.empty()) return false;
                line = std::move(buffer_);
                buffer_.clear();
                break;
            }
        }
        ++line_number_;
        if (line_number_ == 1 && line.rfind("\xEF\xBB\xBF", 0) == 0) line.erase(0, 3);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        return true;
    }

    offerkit::input_source input_;
    std::size_t max_line_;
    offerkit::source_location where_;
    std::vector<std::string> columns_;
    std::string buffer_;
    std::size_t at_ = 0;
    std::size_t line_number_ = 0;
};

class tsv_importer final : public offerkit::importer {
public:
    const offerkit::importer_info& info() const noexcept override {
        static const offerkit::importer_info i{"tsv",
                                               "offers as tab-separated values, one per row (example plugin)",
                                               {".tsv"},
                                               "text/tab-separated-values",
                                               {}};
        return i;
    }
    // The extension, or a header row that starts with the reference column.
    offerkit::input_match sniff(std::string_view file_name, std::string_view head) const noexcept override {
        if (offerkit::has_extension(file_name, ".tsv")) return offerkit::input_match::extension;
        return head.rfind("reference\t", 0) == 0 ? offerkit::input_match::content : offerkit::input_match::none;
    }
    std::unique_ptr<offerkit::import_session> open(offerkit::input_source input,
                                                   const offerkit::read_options& options) const override {
        offerkit::check_options(info(), options.options);
        return std::make_unique<tsv_session>(std::move(input), options.limits.max_line_bytes);
    }
};

}  // namespace

OFFERKIT_PLUGIN("tsv", "1.0.0", "tab-separated offers (example third-party importer)", tsv_importer)
