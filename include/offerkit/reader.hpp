// offerkit/reader.hpp — reading offers from files of any supported kind.
//
// `offer_reader` streams offers one at a time from canonical JSON (one object,
// an array, JSON Lines), schema.org JobPosting JSON / JSON-LD, or posting text
// and Markdown. The kind is detected from the file extension and the content.
// JSON Lines are read line by line, so a file of any size can be processed.
#pragma once

#include <offerkit/diagnostics.hpp>
#include <offerkit/error.hpp>
#include <offerkit/job_offer.hpp>

#include <filesystem>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace offerkit {

enum class input_format {
    automatic,       ///< detect from extension and content
    canonical_json,  ///< job-offer/1: one object or an array
    json_lines,      ///< job-offer/1, one object per line
    jobposting,      ///< schema.org JobPosting (object, array or @graph)
    posting_text,    ///< text or Markdown extracted from a PDF posting
};

/// "auto", "json", "jsonl", "jobposting", "text".
std::string_view to_string(input_format f) noexcept;
/// The inverse of to_string; throws errc::unknown_format.
input_format input_format_from_string(std::string_view name);

/// Detects the kind of `content` (its beginning suffices) named `file_name`.
input_format detect_input_format(std::string_view file_name, std::string_view content);

/// Documented resource limits, enforced with errc::limit_exceeded.
struct read_limits {
    std::size_t max_file_bytes = std::size_t{1} << 30;     ///< whole-document inputs (JSON, text): 1 GiB
    std::size_t max_line_bytes = std::size_t{64} << 20;    ///< one JSON Lines entry: 64 MiB
    std::size_t max_json_depth = 32;                       ///< JSON nesting depth
};

struct read_options {
    input_format format = input_format::automatic;
    read_limits limits;
};

/// Reads offers one at a time.
///
///     offerkit::offer_reader reader("offers.jsonl");
///     offerkit::job_offer offer;
///     offerkit::diagnostics diags;
///     while (reader.next(offer, diags)) use(offer);
///
/// `next` throws `offerkit::error` for a bad entry; the reader then stays
/// usable and the next call continues with the following entry when the
/// format allows (JSON Lines, array elements with a bad field). After a
/// syntax error in a whole-document format, `next` returns false.
class offer_reader {
public:
    /// Opens a file; "-" reads standard input (named "<stdin>"). Throws errc::io_error.
    explicit offer_reader(const std::filesystem::path& file, const read_options& options = {});
    /// Reads from an in-memory text; `name` is used in messages.
    offer_reader(std::string text, std::string name, const read_options& options = {});
    ~offer_reader();
    offer_reader(offer_reader&&) noexcept;
    offer_reader& operator=(offer_reader&&) noexcept;

    /// Reads the next offer into `out` (reusing its storage). False at the end
    /// of the input. On error, `out` is left valid but unspecified.
    bool next(job_offer& out, diagnostics& diags);

    /// The detected (or given) format; known after construction.
    input_format format() const noexcept;
    /// The name used in messages.
    const std::string& name() const noexcept;
    /// Where the entry last returned (or failed) starts.
    const source_location& location() const noexcept;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace offerkit
