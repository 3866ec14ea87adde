// offerkit/json.hpp — the canonical JSON format `job-offer/1`.
//
// Writing is deterministic: keys in the order of the specification, every key
// written (null / [] when empty), UTF-8 kept as is, `/` not escaped.
// Reading checks every type and date and reports errors with the field path.
// Unknown top-level fields are kept in `extra` with a warning.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/diagnostics.hpp>
#include <offerkit/job_offer.hpp>

#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit {

struct json_write_options {
    bool pretty = true;  ///< two-space indentation; false gives one line (JSON Lines)
};

/// The canonical JSON text of one offer (no trailing newline).
OFFERKIT_API std::string to_json(const job_offer& offer, const json_write_options& options = {});

/// Appends the canonical JSON text of one offer to `out` (no trailing newline).
OFFERKIT_API void append_json(std::string& out, const job_offer& offer, const json_write_options& options = {});

/// Reads one offer from a JSON object text. `where` names the source (file,
/// line of the entry) for messages. Throws errc::syntax_error (with line and
/// column), errc::type_error, errc::invalid_value or errc::missing_field
/// (with the field path). Warnings (unknown fields) go to `diags`.
OFFERKIT_API job_offer offer_from_json(std::string_view text, const source_location& where, diagnostics& diags);

/// Reads every offer of a JSON text: one object, an array of objects, or JSON
/// Lines. Throws on the first bad entry; use offer_reader to keep going.
OFFERKIT_API std::vector<job_offer> offers_from_json(std::string_view text, const std::string& source_name,
                                                     diagnostics& diags);

/// Appends `s` as a JSON string (quoted; '"', '\\' and control characters
/// escaped; UTF-8 kept as is): for the formats that write JSON of their own.
OFFERKIT_API void append_json_quoted(std::string& out, std::string_view s);

/// A JSON array of offers (pretty) or JSON Lines, with a final newline.
OFFERKIT_API std::string to_json_array(const std::vector<job_offer>& offers, bool pretty = true);
OFFERKIT_API std::string to_json_lines(const std::vector<job_offer>& offers);

}  // namespace offerkit
