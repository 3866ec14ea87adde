// Internal: an input read as UTF-8 text, shared by the text importers (text,
// json, jsonl, jobposting). It converts other encodings (read_options::
// encoding), refuses with a useful message what is not text (a PDF, a zip, a
// binary file, text in another encoding), and reads the whole text or one
// line at a time within read_limits.
#pragma once

#include <offerkit/importer.hpp>

#include <string>
#include <string_view>

namespace offerkit::detail {

class text_input {
public:
    /// Throws errc::unknown_format, errc::invalid_utf8 or errc::limit_exceeded
    /// as soon as the beginning of the input shows it.
    text_input(input_source source, const read_options& options);

    const std::string& name() const noexcept { return source_.name(); }
    const read_options& options() const noexcept { return options_; }
    /// The beginning of the text (UTF-8), for detection.
    std::string_view head() const noexcept { return std::string_view(pending_).substr(pending_at_); }

    /// The whole text, UTF-8 checked (a UTF-8 byte order mark is kept).
    std::string read_document();
    /// The next line, without its "\n"; false at the end. `line_number` is
    /// the number of the line for messages. Throws errc::limit_exceeded for
    /// a line longer than max_line_bytes (and reads no further).
    bool next_line(std::string& out, std::size_t line_number);

private:
    void convert_encoding();
    void refuse_what_is_not_text(std::string_view head) const;
    void refuse_invalid_utf8(std::string_view bytes) const;

    input_source source_;
    read_options options_;
    std::string pending_;  // text read and not yet returned
    std::size_t pending_at_ = 0;
    bool exhausted_ = false;  // nothing more comes from source_
};

/// The first bytes of `source` as UTF-8 as far as they decode in the
/// encoding `options` give (or the byte order mark names), for sniffing;
/// the raw head (not copied) when that is UTF-8 or does not decode. A
/// decoded head is kept in `decoded`.
std::string_view sniffing_head(const input_source& source, const read_options& options, std::string& decoded);

/// Where the first top-level JSON value of `s` ends (npos when it does not
/// end within `s`), by bracket counting that respects strings.
std::size_t end_of_first_value(std::string_view s) noexcept;
/// `s` without a UTF-8 byte order mark and leading JSON white space.
std::string_view skip_bom_and_space(std::string_view s) noexcept;

}  // namespace offerkit::detail
