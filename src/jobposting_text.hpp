// Internal: text helpers of the schema.org JobPosting codec (src/jobposting/):
// whole-word search in folded text (text::fold_words), HTML escaping and block
// parsing, a deterministic pretty JSON writer. Never included from a public header.
#pragma once

#include <boost/json.hpp>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit::detail::jsonld {

/// True when `hay` (folded) contains `needle` (already folded) as whole words.
bool contains_words(std::string_view folded_hay, std::string_view folded_needle);

/// `&`, `<`, `>` escaped for HTML text content.
std::string html_escape(std::string_view s);

/// One block of a description: a paragraph (`item == false`) or a list item.
struct html_block {
    bool item = false;
    std::string text;
    friend bool operator==(const html_block&, const html_block&) = default;
};

/// Splits a description into blocks. HTML (any tag) is read tolerantly:
/// `p`, `div`, headings, `br` and table cells end a paragraph, `li` makes an
/// item, inline tags are dropped, entities decoded, white space folded.
/// Plain text gives one paragraph per line; lines starting with a bullet
/// marker (`-`, `•`, `–`, `*`, `·`) become items without their marker.
std::vector<html_block> description_blocks(std::string_view text);

/// A value written as pretty JSON (two spaces, one key per line) or compact,
/// keys in insertion order, UTF-8 kept, no trailing newline.
void write_json(std::string& out, const boost::json::value& v, bool pretty, int indent = 0);

}  // namespace offerkit::detail::jsonld
