// posting/document_lines.hpp — a structured document (offerkit/document.hpp)
// turned into the parser's lines: furniture left out, tables put in the order
// their shape implies, white space folded, typed bullets recognised, and the
// blank lines that separate paragraphs in Markdown put back between them.
#pragma once

#include <offerkit/document.hpp>

#include "posting/lines.hpp"

#include <string>
#include <vector>

namespace offerkit::posting {

/// Throws errc::invalid_utf8 naming `source_name` and the line.
std::vector<text_line> document_lines(const posting_document& document, const std::string& source_name);

}  // namespace offerkit::posting
