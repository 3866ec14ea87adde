// posting/lines.hpp — splitting posting text into cleaned lines: Markdown
// markers (headings, bold, italics, escapes, images, links, block quotes),
// HTML tags, bullets and numbers are removed and remembered; white space is
// folded; letterhead noise and page furniture are recognised.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit::posting {

/// A hyperlink on a line: its target and the words it is attached to.
struct line_link {
    std::string url;
    std::string text;  ///< the linked words as written ("télécharger"); may be empty
    friend bool operator==(const line_link&, const line_link&) = default;
};

struct text_line {
    std::size_t no = 0;                     ///< 1-based line number in the input
    std::string text;                       ///< cleaned text
    std::vector<std::uint32_t> bold_start;  ///< byte offsets in `text` where a bold run starts
    std::vector<std::uint32_t> bold_end;    ///< … and ends (same count)
    std::vector<line_link> links;           ///< links found on the line
    int heading = 0;                        ///< Markdown heading level (0: none)
    bool bullet = false;                    ///< the line started with a bullet or a number marker
    int number = 0;                         ///< "1." / "1)" / "A." marker value (0: none)
    bool html_only = false;                 ///< the line was an HTML block (tags removed)
    // What a document's layout says (offerkit/document.hpp); text and Markdown leave them 0.
    int list_level = 0;        ///< list item level (1: top level; 0: not an item or unknown)
    std::uint32_t table = 0;   ///< the table (from 1) the line comes from; 0: none
    std::uint32_t row = 0;     ///< … its row
    std::uint32_t column = 0;  ///< … and its column
    /// a whole paragraph of a structured document (not a line of text, nor a line after a manual break)
    bool from_document = false;
    bool all_bold() const noexcept {
        return !text.empty() && bold_start.size() == 1 && bold_start[0] == 0 && bold_end[0] >= text.size();
    }
    bool starts_bold() const noexcept { return !bold_start.empty() && bold_start[0] == 0; }
    bool blank() const noexcept { return text.empty(); }
};

/// Splits `text` (valid UTF-8, BOM removed) into cleaned lines. LF, CRLF and CR
/// all end lines. Line numbers count from `first_line_no`.
std::vector<text_line> split_lines(std::string_view text, std::size_t first_line_no);

/// Removes a leading bullet ("-", "•", "–", U+F0B7…) or number marker ("1.",
/// "2)") from `s`, setting `line.bullet` and `line.number`; returns the rest.
std::string_view take_marker(std::string_view s, text_line& line);

/// Letterhead noise or page furniture: the slogan, the letterhead web address,
/// a logo read as text ("OPT", "QPT"), "Page 1/2", a lone ".".
bool is_noise_line(std::string_view folded_text) noexcept;

/// Removes a logo read as text ("QPT", "OPT") at the start or end of a title line.
std::string strip_logo_tokens(std::string_view text);

}  // namespace offerkit::posting
