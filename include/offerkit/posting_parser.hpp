// offerkit/posting_parser.hpp — reading posting text and Markdown into a job_offer.
//
// Input: the text extracted from a PDF "avis de vacance de poste": plain text
// with `#` headings, or Markdown from a PDF-to-Markdown converter (YAML front
// matter, bold markers, HTML blocks, glued labels…). UTF-8 with or without BOM,
// LF or CRLF.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/diagnostics.hpp>
#include <offerkit/facts.hpp>
#include <offerkit/job_offer.hpp>

#include <string>
#include <string_view>

namespace offerkit {

/// Parses one posting. `source_name` names the file in diagnostics. Problems
/// that still give an offer (missing required field, unreadable date, a line
/// that could not be placed, deadline before posting date) are warnings with
/// line numbers in `diags`. Throws errc::invalid_utf8 naming the byte offset.
/// The posting's facts are cross-checked (offerkit/facts.hpp) against each
/// other and its front matter; `facts` says whether contradictions the
/// evidence resolves are repaired (the default) or kept as written.
OFFERKIT_API job_offer parse_posting(std::string_view text, const std::string& source_name, diagnostics& diags,
                                     fact_policy facts = fact_policy::repair);

}  // namespace offerkit
