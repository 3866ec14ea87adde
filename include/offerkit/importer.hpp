// offerkit/importer.hpp — the interface every input format implements.
//
// An importer is a stateless, immutable object (safe to share between
// threads), the mirror of an exporter: it says which inputs it recognises
// (`sniff`) and opens import sessions that yield offers one at a time, so an
// input of any size is never held in memory whole:
//
//     auto session = importer.open(input_source("offers.jsonl"), options);
//     job_offer offer;
//     diagnostics diags;
//     while (session->next(offer, diags)) use(offer);
//
// The built-in readers (text, json, jsonl, jobposting) implement it, and a
// plugin module can add more (offerkit/plugin.hpp). Which importer reads an
// input is decided by the registry (registry::detect): `--from NAME` first,
// else the importer with the strongest `input_match`, built-in ones last
// among equals. A session is used by one thread.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/diagnostics.hpp>
#include <offerkit/error.hpp>
#include <offerkit/exporter.hpp>
#include <offerkit/facts.hpp>
#include <offerkit/job_offer.hpp>

#include <cstddef>
#include <filesystem>
#include <istream>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit {

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
    std::size_t max_file_bytes = std::size_t{1} << 30;   ///< whole-document inputs (JSON, text): 1 GiB
    std::size_t max_line_bytes = std::size_t{64} << 20;  ///< one JSON Lines entry: 64 MiB
    std::size_t max_json_depth = 32;                     ///< JSON nesting depth
};

struct read_options {
    /// The importer's name (`--from`: "text", "json", "jsonl", "jobposting",
    /// or one a plugin adds); empty or "auto": detected (registry::detect).
    std::string format;
    /// automatic: UTF-8, or UTF-16 with a byte order mark; an input that is
    /// not UTF-8 is refused with a message naming its likely encoding.
    /// Another encoding is converted to UTF-8 as the input is read (whole).
    /// Text importers honour it; binary ones (a Word document) ignore it.
    text_encoding encoding = text_encoding::automatic;
    read_limits limits;
    /// Importer options, `key=value`; checked against importer_info::options.
    option_map options;
    /// Whether readers that cross-check a posting's facts repair what the
    /// evidence resolves (offerkit/facts.hpp) or keep the text's values
    /// (`--as-written`).
    fact_policy facts = fact_policy::repair;
};

/// How sure an importer is that it reads an input. The registry picks the
/// strongest match; among equals, an importer from a module or the
/// application before a built-in one, then the first registered.
enum class input_match {
    none = 0,       ///< not this format
    fallback = 1,   ///< accepts any text (postings)
    content = 2,    ///< the content has the format's shape (a JSON object)
    extension = 3,  ///< the file name ends with one of the format's extensions
    signature = 4,  ///< a signature proves it (`%PDF-`, a zip holding word/document.xml)
};

/// "none", "fallback", "content", "extension", "signature".
OFFERKIT_API std::string_view to_string(input_match m) noexcept;

/// What an importer is and reads.
struct importer_info {
    std::string name;                     ///< format name used with `--from`: "text"
    std::string description;              ///< one line for `offerkit plugins`
    std::vector<std::string> extensions;  ///< with the dot, lower case: {".txt", ".md"}
    std::string mime_type;                ///< "text/plain"
    std::vector<option_info> options;
};

/// The bytes of one input: a file, standard input ("-") or a text in memory.
/// The first bytes (`head`, up to head_size) are read at once, for sniffing;
/// `read` then returns the rest in order, beginning with the head.
class OFFERKIT_API input_source {
public:
    static constexpr std::size_t head_size = 64 * 1024;

    /// Opens a file; "-" is standard input (named "<stdin>"). Throws
    /// errc::io_error naming the file (cannot open, a directory, read error).
    explicit input_source(const std::filesystem::path& file);
    /// An input held in memory; `name` is used in messages.
    input_source(std::string bytes, std::string name);
    ~input_source();
    input_source(input_source&&) noexcept;
    input_source& operator=(input_source&&) noexcept;

    /// The name used in messages: the path as given, "<stdin>", or the name given.
    const std::string& name() const noexcept;
    /// The file, when the input is one (empty for standard input and memory).
    const std::filesystem::path& path() const noexcept;
    /// The first bytes of the input, as read (not decoded).
    std::string_view head() const noexcept;

    /// Appends up to `max` of the bytes not yet returned to `out`; returns
    /// the number appended, 0 at the end. Throws errc::io_error.
    std::size_t read(std::string& out, std::size_t max);
    /// Appends every byte not yet returned to `out`; throws
    /// errc::limit_exceeded as soon as `out` would exceed `limit` (what is
    /// named in the message: "input"), errc::io_error.
    void read_all(std::string& out, std::size_t limit);

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

/// One input being read.
class OFFERKIT_API import_session {
public:
    virtual ~import_session() = default;
    /// Reads the next offer into `out` (reusing its storage). False at the
    /// end of the input. Throws offerkit::error for a bad entry; the session
    /// then stays usable and continues with the next entry when the format
    /// allows (JSON Lines, array elements), else the next call returns false.
    virtual bool next(job_offer& out, diagnostics& diags) = 0;
    /// Where the entry last returned (or failed) starts.
    virtual const source_location& location() const noexcept = 0;
    /// The format being read: the importer's name, or what reading found
    /// (the json importer reading a JobPosting document says "jobposting").
    virtual std::string_view format() const noexcept = 0;
    /// True when the session reported the validation rules (offerkit/rules.hpp)
    /// itself for the offer last returned, with its own locations; false when
    /// the caller should run them (validate_offer).
    virtual bool validates() const noexcept { return false; }
};

/// An input format.
class OFFERKIT_API importer {
public:
    virtual ~importer() = default;
    virtual const importer_info& info() const noexcept = 0;
    /// How well this importer matches an input named `file_name` (may be
    /// "<stdin>") that begins with `head` (at most input_source::head_size
    /// bytes, not decoded). Must not throw.
    virtual input_match sniff(std::string_view file_name, std::string_view head) const noexcept = 0;
    /// Starts reading. Throws offerkit::error as soon as the input shows it
    /// cannot be read (errc::unknown_format, errc::invalid_utf8,
    /// errc::limit_exceeded, errc::invalid_option…), the message naming the input.
    virtual std::unique_ptr<import_session> open(input_source input, const read_options& options) const = 0;
};

/// True when `file_name` ends with `extension` (".md"), ignoring ASCII case.
OFFERKIT_API bool has_extension(std::string_view file_name, std::string_view extension) noexcept;

/// Throws errc::invalid_option when `options` names an option that `info`
/// does not list; the message lists the accepted ones.
OFFERKIT_API void check_options(const importer_info& info, const option_map& options);

}  // namespace offerkit
