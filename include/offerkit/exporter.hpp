// offerkit/exporter.hpp — the interface every output format implements.
//
// An exporter is a stateless, immutable object (safe to share between
// threads) that opens export sessions. A session receives offers one at a
// time, so a batch of any size is never held in memory whole:
//
//     auto session = exporter.begin(target, options, diags);
//     for (const job_offer& o : offers) session->write(o);
//     auto files = session->finish();   // commits the output files
//
// A session destroyed without `finish()` removes everything it started, so a
// failure never leaves a partial file. A session is used by one thread.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/diagnostics.hpp>
#include <offerkit/job_offer.hpp>

#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <ostream>
#include <string>
#include <vector>

namespace offerkit {

/// Exporter options, `key=value` as given on the command line (`--option booklet=true`).
using option_map = std::map<std::string, std::string, std::less<>>;

/// One option an exporter accepts.
struct option_info {
    std::string name;           ///< "booklet"
    std::string description;    ///< "write all offers into one PDF"
    std::string default_value;  ///< as text, "" when there is none
    /// The CLI also offers the option as a flag of its own, `--<name> VALUE`
    /// (`--brand x.json` for `--option brand=x.json`).
    bool flag = false;
};

/// What an exporter is and does.
struct exporter_info {
    std::string name;         ///< format name used with `--to`: "json", "pdf"
    std::string description;  ///< one line for `offerkit plugins`
    std::string extension;    ///< with the dot: ".json"
    std::string mime_type;    ///< "application/json"
    std::vector<option_info> options;
    /// A report over the whole batch (the workbook): it is given each offer
    /// once (offerkit/batch.hpp), the duplicates of a batch left out.
    bool summary = false;
};

/// Whether an export makes one file, or one file per offer in a directory.
enum class output_layout { single_file, file_per_offer };

/// Where an export goes.
struct export_target {
    /// A file (single_file layout) or a directory (file_per_offer; created if missing).
    std::filesystem::path path;
    /// When set (single_file layout only), the output is written to this stream
    /// instead of `path` (used for `-o -`, standard output).
    std::ostream* stream = nullptr;
};

/// One export in progress.
class OFFERKIT_API export_session {
public:
    virtual ~export_session() = default;
    /// Adds one offer. Throws `offerkit::error` when this offer cannot be
    /// exported; the session stays usable for the next offers.
    virtual void write(const job_offer& offer) = 0;
    /// file_per_offer layouts: writes `offer` to `<stem><extension>` in the
    /// target directory, `stem` being a name the caller decided and that is
    /// unique in this export (output_names, as parallel_export does). Sessions
    /// derived from offerkit::file_per_offer_session implement it; the default
    /// throws errc::usage_error.
    virtual void write_file(const job_offer& offer, const std::string& stem);
    /// Completes the export and moves the output into place. Returns the files
    /// written (empty for stream output). Throws `offerkit::error`.
    virtual std::vector<std::filesystem::path> finish() = 0;
};

/// An output format.
class OFFERKIT_API exporter {
public:
    virtual ~exporter() = default;
    virtual const exporter_info& info() const noexcept = 0;
    /// The layout the export has with these options (a PDF booklet is one file).
    virtual output_layout layout(const option_map& options) const = 0;
    /// Starts an export. Throws `offerkit::error` (errc::invalid_option for a
    /// bad option value, errc::io_error when the target cannot be written).
    /// Warnings go to `diags`, which must outlive the session.
    virtual std::unique_ptr<export_session> begin(const export_target& target, const option_map& options,
                                                  diagnostics& diags) const = 0;
};

/// Throws errc::invalid_option when `options` names an option that `info`
/// does not list; the message lists the accepted ones.
OFFERKIT_API void check_options(const exporter_info& info, const option_map& options);

/// The value of option `name`, or `fallback`.
inline std::string option_or(const option_map& options, std::string_view name, const std::string& fallback) {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
}

/// Reads a boolean option ("true"/"false"/"yes"/"no"/"1"/"0"); throws errc::invalid_option.
OFFERKIT_API bool option_bool(const option_map& options, std::string_view name, bool fallback);
/// Reads a whole-number option from 1 to `max` (digits only), or `fallback`
/// when it is absent; throws errc::invalid_option naming the option and the range.
OFFERKIT_API std::size_t option_count(const option_map& options, std::string_view name, std::size_t fallback,
                                      std::size_t max);

}  // namespace offerkit
