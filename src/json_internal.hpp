// Internal: Boost.JSON helpers shared by the core's JSON readers and writers.
// Never included from a public header.
#pragma once

#include <offerkit/diagnostics.hpp>
#include <offerkit/job_offer.hpp>
#include <offerkit/reader.hpp>

#include <boost/json.hpp>

#include <string>
#include <string_view>

namespace offerkit::detail {

/// Parses one JSON text. Throws errc::syntax_error "name:line:column: message"
/// (line counted from `first_line`, for JSON Lines entries), or
/// errc::limit_exceeded for nesting deeper than the limit.
boost::json::value parse_json(std::string_view text, const std::string& name, std::size_t first_line = 1,
                              const read_limits& limits = {});

/// The same with a parser that the caller reuses across texts (faster for
/// JSON Lines); its max_depth must match limits.max_json_depth. With `reset`
/// false the caller has reset the parser itself (to choose the storage).
boost::json::value parse_json_with(boost::json::stream_parser& parser, std::string_view text, const std::string& name,
                                   std::size_t first_line, const read_limits& limits, bool reset = true);

/// "a string", "a number", "an object"… for messages.
const char* json_kind(const boost::json::value& v) noexcept;

/// A short rendering of a value for messages (strings quoted, long values cut).
std::string json_excerpt(const boost::json::value& v);

/// The canonical offer from a parsed object. `where` locates the entry
/// (file and line); field paths go into error messages. Throws offerkit::error.
job_offer offer_from_value(const boost::json::value& v, const source_location& where, diagnostics& diags);

/// Appends `s` as a JSON string literal (quoted, escaped; UTF-8 kept).
void append_json_string(std::string& out, std::string_view s);

/// True when `v` looks like schema.org JobPosting rather than job-offer/1:
/// an object (or array / @graph of objects) with "@type", "@context" or
/// "@graph", or — without them and without "format" — JobPosting keys
/// (hiringOrganization, datePosted, validThrough, jobLocation, additionalType,
/// employmentUnit, responsibilities). The real OPT-NC feed needs the latter.
bool looks_like_jobposting(const boost::json::value& v) noexcept;

/// JobPosting import from an already parsed value (object, array or @graph).
std::vector<job_offer> offers_from_jobposting_value(const boost::json::value& v, const source_location& where,
                                                    diagnostics& diags);

}  // namespace offerkit::detail
