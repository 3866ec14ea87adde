// offerkit/reader.hpp — reading offers from files of any supported kind.
//
// `offer_reader` streams offers one at a time through an importer
// (offerkit/importer.hpp): the built-in ones read canonical JSON (one object,
// an array, JSON Lines), schema.org JobPosting JSON / JSON-LD, and posting
// text and Markdown; a registry adds those of plugin modules. The importer is
// chosen by `read_options::format` or detected from the file name and the
// content (registry::detect). JSON Lines are read line by line, so a file of
// any size can be processed.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/diagnostics.hpp>
#include <offerkit/error.hpp>
#include <offerkit/importer.hpp>
#include <offerkit/job_offer.hpp>

#include <filesystem>
#include <istream>
#include <memory>
#include <string>
#include <string_view>

namespace offerkit {

class registry;

/// The built-in importer an input named `file_name` beginning with `content`
/// is read with ("text", "json" or "jsonl"), by the rules of registry::detect.
OFFERKIT_API std::string_view detect_input_format(std::string_view file_name, std::string_view content);

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
    /// Opens a file; "-" reads standard input (named "<stdin>"), with the
    /// built-in importers. Throws errc::io_error (cannot open or read),
    /// errc::unknown_format (an unknown `format`; a PDF or a zip archive that
    /// no importer reads), errc::invalid_utf8 (binary data, or text in another
    /// encoding: the message names the likely one), or errc::limit_exceeded,
    /// as soon as the beginning of the input shows it.
    explicit offer_reader(const std::filesystem::path& file, const read_options& options = {});
    /// Reads from an in-memory text; `name` is used in messages. Throws as above.
    offer_reader(std::string text, std::string name, const read_options& options = {});
    /// As above, with the importers of `formats` (built-in and plugin ones);
    /// `formats` must outlive the reader.
    offer_reader(const std::filesystem::path& file, const read_options& options, const registry& formats);
    offer_reader(std::string text, std::string name, const read_options& options, const registry& formats);
    ~offer_reader();
    offer_reader(offer_reader&&) noexcept;
    offer_reader& operator=(offer_reader&&) noexcept;

    /// Reads the next offer into `out` (reusing its storage). False at the end
    /// of the input. On error, `out` is left valid but unspecified.
    bool next(job_offer& out, diagnostics& diags);

    /// The importer's name ("jsonl"), or what reading found ("jobposting"
    /// for a JobPosting document read as json); known after construction.
    std::string_view format() const noexcept;
    /// True when the importer reported the validation rules itself for the
    /// offer last returned (import_session::validates).
    bool validates() const noexcept;
    /// The name used in messages.
    const std::string& name() const noexcept;
    /// Where the entry last returned (or failed) starts.
    const source_location& location() const noexcept;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace offerkit
