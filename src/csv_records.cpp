// RFC 4180 records, one at a time.
#include "csv_records.hpp"

#include <offerkit/error.hpp>

#include <algorithm>

namespace offerkit::detail {

csv_records::csv_records(std::string_view text, std::string name) : text_(text), name_(std::move(name)) {
    if (text_.substr(0, 3) == "\xEF\xBB\xBF") text_.remove_prefix(3);
    const std::size_t eol = text_.find('\n');
    const std::string_view first = text_.substr(0, eol);
    // A French spreadsheet saves with semicolons.
    if (std::count(first.begin(), first.end(), ';') > std::count(first.begin(), first.end(), ',')) separator_ = ';';
}

bool csv_records::next(record& r) {
    r.fields.clear();
    while (at_ < text_.size() && (text_[at_] == '\r' || text_[at_] == '\n')) {  // blank lines
        if (text_[at_] == '\n') ++line_;
        ++at_;
    }
    if (at_ >= text_.size()) return false;
    r.line = line_;
    std::string field;
    bool quoted = false, was_quoted = false;
    while (at_ < text_.size()) {
        const char c = text_[at_];
        if (quoted) {
            if (c == '"') {
                if (at_ + 1 < text_.size() && text_[at_ + 1] == '"') {
                    field += '"';
                    at_ += 2;
                    continue;
                }
                quoted = false;
                ++at_;
                continue;
            }
            if (c == '\n') ++line_;
            field += c;
            ++at_;
            continue;
        }
        if (c == '"' && field.empty() && !was_quoted) {
            quoted = was_quoted = true;
            ++at_;
            continue;
        }
        if (c == separator_) {
            r.fields.push_back(std::move(field));
            field.clear();
            was_quoted = false;
            ++at_;
            continue;
        }
        if (c == '\r' || c == '\n') {
            if (c == '\r' && at_ + 1 < text_.size() && text_[at_ + 1] == '\n') ++at_;
            ++at_;
            ++line_;
            break;
        }
        field += c;
        ++at_;
    }
    if (quoted)
        throw error(errc::syntax_error,
                    name_ + ":" + std::to_string(r.line) + ": a quoted field is not closed (a '\"' is missing)");
    r.fields.push_back(std::move(field));
    return true;
}

}  // namespace offerkit::detail
