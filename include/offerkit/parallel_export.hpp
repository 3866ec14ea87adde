// offerkit/parallel_export.hpp — a file-per-offer export spread over threads.
//
// Each worker thread owns its own session of the same exporter. File names
// are decided by one output_names in the order offers are given, before an
// offer goes to a worker (export_session::write_file), so the files written —
// names and bytes — are exactly those of a serial export, whatever the number
// of workers. Used by `offerkit convert --jobs N`.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/exporter.hpp>

#include <memory>
#include <string>
#include <vector>

namespace offerkit {

class OFFERKIT_API parallel_export {
public:
    /// One failed offer: where it came from (as given to `write`) and why.
    struct failure {
        std::string origin;
        std::string message;
    };

    /// Starts `jobs` sessions of `exp` (file_per_offer layout only; throws
    /// errc::usage_error otherwise) on `target`. Throws what `begin` throws.
    parallel_export(const exporter& exp, const export_target& target, const option_map& options, unsigned jobs);
    /// Stops the workers; without finish(), every output is discarded.
    ~parallel_export();
    parallel_export(const parallel_export&) = delete;
    parallel_export& operator=(const parallel_export&) = delete;

    /// Queues one offer (blocks while the worker's queue is full). A failure of
    /// this offer shows later in failures(); `origin` names it there.
    void write(job_offer offer, std::string origin);

    /// Failures so far (thread-safe snapshot).
    std::vector<failure> failures() const;

    /// Waits until every queued offer is exported (or failed); no more writes
    /// are accepted after. failures() is then complete.
    void wait() noexcept;

    /// Waits for every queued offer, then finishes every session. Returns the
    /// files written, sorted. Warnings of all workers are appended to `diags`.
    /// Throws the first error of a session's finish().
    std::vector<std::filesystem::path> finish(diagnostics& diags);

    /// Waits for the queued offers and discards every output.
    void abandon() noexcept;

    unsigned jobs() const noexcept;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace offerkit
