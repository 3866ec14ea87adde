// docx/wordml.hpp — WordprocessingML (the XML inside a .docx) read into a
// posting_document: styles and their inheritance (headings, outline levels,
// bold), numbering (list items, their level, bullets or numbers), runs (bold,
// tabs, no-break hyphens, symbols, fields, tracked changes), hyperlinks and
// their targets, tables (row, cell, spans, nested tables), text boxes, and
// the headers and footers (page furniture).
#pragma once

#include "src/package.hpp"

#include <offerkit/document.hpp>

#include <string>
#include <string_view>

namespace offerkit::docx_plugin {

/// Reads the Word document held in `bytes`, named `name` in messages.
/// Throws offerkit::error: errc::unknown_format (not a Word document, a part
/// missing, damaged or pointing outside the package, XML that does not parse
/// or declares a DTD), errc::limit_exceeded (a zip bomb, too many paragraphs).
posting_document read_word_document(std::string_view bytes, const std::string& name, const package_limits& limits);

/// True when `head` (the first bytes of a file) is a zip whose first entries
/// name a Word document's parts (word/…).
bool looks_like_word_package(std::string_view head) noexcept;

}  // namespace offerkit::docx_plugin
