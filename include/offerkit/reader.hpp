// offerkit/reader.hpp — reading offers from files of any supported kind.
//
// `offer_reader` streams offers one at a time from canonical JSON (one object,
// an array, JSON Lines), schema.org JobPosting JSON / JSON-LD, or posting text
// and Markdown. The kind is detected from the file extension and the content.
// JSON Lines are read line by line, so a file of any size can be processed.
#pragma once

#include <offerkit/export.hpp>

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
OFFERKIT_API std::string_view to_string(input_format f) noexcept;
/// The inverse of to_string; throws errc::unknown_format.
OFFERKIT_API input_format input_format_from_string(std::string_view name);

/// Detects the kind of `content` (its beginning suffices) named `file_name`.
OFFERKIT_API input_format detect_input_format(std::string_view file_name, std::string_view content);

/// The character encoding of an input. Offers are UTF-8 inside offerkit.
enum class text_encoding {
    automatic,  ///< UTF-8; UTF-16 when the input starts with a byte order mark
    utf8,       ///< UTF-8 only (a UTF-8 byte order mark is allowed)
    utf16le,    ///< UTF-16, little-endian (byte order mark optional)
    utf16be,    ///< UTF-16, big-endian (byte order mark optional)
    cp1252,     ///< Windows-1252 (Windows office tools' "ANSI")
    latin1,     ///< ISO-8859-1
};

/// "auto", "utf-8", "utf-16le", "utf-16be", "cp1252", "latin1".
OFFERKIT_API std::string_view to_string(text_encoding e) noexcept;
/// The inverse of to_string (also "utf8", "windows-1252", "iso-8859-1",
/// case-insensitive); throws errc::unknown_format listing the names.
OFFERKIT_API text_encoding text_encoding_from_string(std::string_view name);

/// Documented resource limits, enforced with errc::limit_exceeded while
/// reading: reading stops at the limit (an endless pipe is never held whole).
struct read_limits {
    std::size_t max_file_bytes = std::size_t{1} << 30;     ///< whole-document inputs (JSON, text): 1 GiB
    std::size_t max_line_bytes = std::size_t{64} << 20;    ///< one JSON Lines entry: 64 MiB
    std::size_t max_json_depth = 32;                       ///< JSON nesting depth
};

struct read_options {
    input_format format = input_format::automatic;
    /// automatic: UTF-8, or UTF-16 with a byte order mark; an input that is
    /// not UTF-8 is refused with a message naming its likely encoding.
    /// Another encoding is converted to UTF-8 as the input is read (whole).
    text_encoding encoding = text_encoding::automatic;
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
class OFFERKIT_API offer_reader {
public:
    /// Opens a file; "-" reads standard input (named "<stdin>"). Throws
    /// errc::io_error (cannot open or read), errc::unknown_format (a PDF or a
    /// zip archive given for text), errc::invalid_utf8 (binary data, or text
    /// in another encoding: the message names the likely one), or
    /// errc::limit_exceeded, as soon as the beginning of the input shows it.
    explicit offer_reader(const std::filesystem::path& file, const read_options& options = {});
    /// Reads from an in-memory text; `name` is used in messages. Throws as above.
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
