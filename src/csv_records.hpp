// Internal: RFC 4180 records (the open-data importer, the tracking files).
// Never included from a public header.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit::detail {

// One record: its fields and the line it starts on.
struct record {
    std::vector<std::string> fields;
    std::size_t line = 0;
};

// RFC 4180 records from `text`, one at a time.
class csv_records {
public:
    /// Records of `text` (a UTF-8 BOM skipped); `name` is used in messages.
    csv_records(std::string_view text, std::string name);

    /// False at the end. Throws errc::syntax_error for a quote left open.
    bool next(record& r);
    /// The separator: ',' or, when the first line has more of them, ';' (a French spreadsheet's).
    char separator() const noexcept { return separator_; }

private:
    std::string_view text_;
    std::string name_;
    std::size_t at_ = 0;
    std::size_t line_ = 1;
    char separator_ = ',';
};

}  // namespace offerkit::detail
