// offerkit/output_file.hpp — safe output: write to a temporary file, rename into place.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/exporter.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit {

/// A file that appears at its final path only when `commit()` succeeds.
///
/// The constructor creates a unique temporary file beside the final path
/// (same directory, so the rename is atomic). Write through `stream()`, or
/// let a C library write to `temp_path()`. `commit()` checks the write,
/// and renames the temporary file over the final path. The destructor removes
/// the temporary file when `commit()` was not reached. When the final path is
/// an existing character device (`/dev/stdout`, `/dev/null`, `/dev/full`), it
/// is written directly and `temp_path() == final_path()`; any other existing
/// file that is not a regular file (a directory, a FIFO, a socket) is refused.
///
/// Every temporary file not yet committed or discarded is known to the
/// process: `remove_pending_outputs()` deletes them all (on SIGINT/SIGTERM).
class OFFERKIT_API atomic_output {
public:
    /// Throws errc::io_error naming the path when it cannot be written there.
    explicit atomic_output(std::filesystem::path final_path);
    ~atomic_output();
    atomic_output(const atomic_output&) = delete;
    atomic_output& operator=(const atomic_output&) = delete;

    const std::filesystem::path& final_path() const noexcept { return final_; }
    const std::filesystem::path& temp_path() const noexcept { return temp_; }

    /// A binary stream on the temporary file (opened on first use).
    std::ostream& stream();

    /// Runs `writer(temp_path())` for a library that writes the file by its
    /// name (libharu, libxlsxwriter), in such a way that an interruption
    /// (remove_pending_outputs) waits for it and cannot be undone by it.
    /// Throws errc::io_error when the output was removed already.
    void write_by_name(const std::function<void(const std::filesystem::path&)>& writer);

    /// Flushes, closes and renames into place. Throws errc::io_error (disk
    /// full, permission denied…) naming the final path; the temporary file is
    /// then removed.
    void commit();

    /// Flushes and closes the stream without committing (the temporary file
    /// stays until commit() or discard()), so that many staged files hold no
    /// file descriptor. Throws errc::io_error with the reason when the data
    /// could not be written.
    void close();

    /// Removes the temporary file now. Idempotent.
    void discard() noexcept;

private:
    std::filesystem::path final_;
    std::filesystem::path temp_;
    std::ofstream out_;
    bool direct_ = false;
    bool done_ = false;
};

/// The output of a single-file export: the target's stream when it has one
/// (standard output), else an atomic_output on the target's path, so that the
/// file appears only on commit(). Write errors name the output.
class OFFERKIT_API export_output {
public:
    /// `format` names the exporter in messages. Throws errc::usage_error when
    /// the target has neither stream nor path, errc::io_error when the file
    /// cannot be created.
    export_output(const export_target& target, std::string_view format);
    ~export_output();

    void write(std::string_view bytes);
    /// Flushes and moves the file into place; returns it (nothing for a stream).
    std::vector<std::filesystem::path> commit();
    /// "<stdout>" or the file's path.
    const std::string& name() const noexcept { return name_; }

private:
    std::unique_ptr<atomic_output> file_;
    std::ostream* stream_ = nullptr;
    std::string name_;
};

/// A directory tree (a web site, a publication) that appears at its final
/// path, whole, only when `commit()` succeeds, and replaces the previous one
/// in one step: a reader sees the old tree or the new one, never a mix.
///
/// The tree is built in a hidden sibling directory (`.<name>.tmp-XXXXXX`);
/// commit() exchanges it with the existing directory (renameat2
/// RENAME_EXCHANGE; two renames where the file system cannot) and removes the
/// old tree. Only a directory offerkit made (it holds the marker file
/// `.offerkit-output`) or an empty one is replaced: anything else at the
/// final path is refused, so that `-o ~` never deletes a home directory. A
/// symbolic link at the final path stays: the tree it names is replaced. The
/// destructor and remove_pending_outputs() remove an uncommitted tree.
class OFFERKIT_API atomic_directory {
public:
    /// The marker file written at the top of every tree.
    static constexpr const char* marker = ".offerkit-output";

    /// Throws errc::io_error naming the path when it cannot be built there or
    /// when the final path holds something offerkit did not make.
    explicit atomic_directory(std::filesystem::path final_path);
    ~atomic_directory();
    atomic_directory(const atomic_directory&) = delete;
    atomic_directory& operator=(const atomic_directory&) = delete;

    const std::filesystem::path& final_path() const noexcept { return final_; }
    const std::filesystem::path& staging_path() const noexcept { return staging_; }

    /// Writes `bytes` to `relative` (a path inside the tree, such as
    /// "offres/26-0420.html"; parents created). Throws errc::io_error, or
    /// errc::usage_error for a path that leaves the tree.
    void write_file(const std::filesystem::path& relative, std::string_view bytes);
    /// Runs `writer(absolute path)` for a library that writes a file of the
    /// tree by its name, as atomic_output::write_by_name does.
    void write_by_name(const std::filesystem::path& relative,
                       const std::function<void(const std::filesystem::path&)>& writer);

    /// Moves the tree into place. Returns the files written, at their final
    /// paths, in the order written. Throws errc::io_error.
    std::vector<std::filesystem::path> commit();
    /// Removes the tree now. Idempotent.
    void discard() noexcept;

private:
    std::filesystem::path checked(const std::filesystem::path& relative) const;
    std::filesystem::path final_;
    std::filesystem::path staging_;
    std::vector<std::filesystem::path> written_;
    bool done_ = false;
};

/// Writes `bytes` to `path` through an atomic_output.
OFFERKIT_API void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// What remove_pending_outputs lets happen next.
enum class after_removal {
    continue_outputs,    ///< outputs created afterwards work as usual
    refuse_new_outputs,  ///< the process is ending: every later atomic_output throws errc::io_error
};

/// Deletes every temporary file of every atomic_output of the process that is
/// neither committed nor discarded (and every atomic_directory's tree); it waits for a library writing one by its
/// name (atomic_output::write_by_name), and such a file cannot come back. For
/// an interrupted program: the CLI calls it with refuse_new_outputs on SIGINT,
/// SIGTERM and SIGHUP, then exits. Not async-signal-safe: call it from a
/// thread that waits for the signal (sigwait), not from a signal handler.
OFFERKIT_API void remove_pending_outputs(after_removal then = after_removal::continue_outputs) noexcept;

/// The one owner of output file names in a file-per-offer export: names are
/// decided in input order, so a parallel export names files exactly as a
/// serial one. A name is the sanitised reference (sanitize_file_stem); a name
/// already taken in this export, compared without regard to ASCII case (so
/// that names stay distinct on case-insensitive file systems), gets the first
/// free suffix `-2`, `-3`…: references `B`, `B`, `B-2`, `b` give `B`, `B-2`,
/// `B-2-2`, `b-3`. Not thread-safe.
class OFFERKIT_API output_names {
public:
    /// `format` and `extension` (".pdf") name the file in the warning for a renamed one.
    output_names(std::string format, std::string extension);
    /// The file name stem for the offer with `reference`. A renamed one is
    /// reported to `diags` (path "reference"): "pdf: reference B is met again
    /// in this export; this offer goes to B-2.pdf".
    std::string claim(std::string_view reference, diagnostics& diags);

private:
    std::string format_, extension_;
    std::vector<std::string> taken_;  // folded, sorted
};

/// The base of file-per-offer export sessions: one file `<stem><extension>`
/// per offer in a directory, all committed together by finish() (none
/// appears if the export is abandoned). A derived session only renders.
///
/// write() names the file with its own output_names; write_file() takes a
/// name decided by the caller (parallel_export). Each staged file is closed
/// as soon as it is rendered: a batch of any size holds no open file.
class OFFERKIT_API file_per_offer_session : public export_session {
public:
    /// Creates `dir` if needed. `format` and `extension` (".pdf") name the
    /// files and the warnings; renames are reported to `diags`.
    file_per_offer_session(std::filesystem::path dir, std::string format, std::string extension, diagnostics& diags);
    void write(const job_offer& offer) final;
    void write_file(const job_offer& offer, const std::string& stem) final;
    std::vector<std::filesystem::path> finish() override;

    const std::filesystem::path& directory() const noexcept { return dir_; }
    const std::string& extension() const noexcept { return extension_; }

protected:
    /// Writes `offer` into `out`, through out.stream(), or by a library that
    /// writes the file by its name inside out.write_by_name(). Throws offerkit::error.
    virtual void render(const job_offer& offer, atomic_output& out) = 0;
    diagnostics& diags() noexcept { return diags_; }

private:
    std::filesystem::path dir_;
    std::string extension_;
    diagnostics& diags_;
    output_names names_;
    std::vector<std::unique_ptr<atomic_output>> staged_;
};

/// A file name stem made from an offer reference: characters other than
/// letters, digits, '-', '_' and '.' become '_', leading dots are removed,
/// the result is at most 100 bytes and never empty ("offer"):
/// `3134-25-0750/SR` → `3134-25-0750_SR`, `../../x` → `.._.._x` → `_.._x`.
OFFERKIT_API std::string sanitize_file_stem(std::string_view reference);

/// Creates `dir` (and parents) if needed; throws errc::io_error when it cannot
/// or when it exists and is not a directory.
OFFERKIT_API void ensure_directory(const std::filesystem::path& dir);

}  // namespace offerkit
