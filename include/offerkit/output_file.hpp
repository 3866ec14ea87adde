// offerkit/output_file.hpp — safe output: write to a temporary file, rename into place.
#pragma once

#include <offerkit/exporter.hpp>

#include <filesystem>
#include <fstream>
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
/// an existing non-regular file (`/dev/stdout`, `/dev/full`), it is written
/// directly and `temp_path() == final_path()`.
class atomic_output {
public:
    /// Throws errc::io_error naming the directory when it cannot be written.
    explicit atomic_output(std::filesystem::path final_path);
    ~atomic_output();
    atomic_output(const atomic_output&) = delete;
    atomic_output& operator=(const atomic_output&) = delete;

    const std::filesystem::path& final_path() const noexcept { return final_; }
    const std::filesystem::path& temp_path() const noexcept { return temp_; }

    /// A binary stream on the temporary file (opened on first use).
    std::ostream& stream();

    /// Flushes, closes and renames into place. Throws errc::io_error (disk
    /// full, permission denied…) naming the final path; the temporary file is
    /// then removed.
    void commit();

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
class export_output {
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

/// Writes `bytes` to `path` through an atomic_output.
void write_file_atomically(const std::filesystem::path& path, std::string_view bytes);

/// A file name stem made from an offer reference: characters other than
/// letters, digits, '-', '_' and '.' become '_', leading dots are removed,
/// the result is at most 100 bytes and never empty ("offer"):
/// `3134-25-0750/SR` → `3134-25-0750_SR`, `../../x` → `.._.._x` → `_.._x`.
std::string sanitize_file_stem(std::string_view reference);

/// Creates `dir` (and parents) if needed; throws errc::io_error when it cannot
/// or when it exists and is not a directory.
void ensure_directory(const std::filesystem::path& dir);

}  // namespace offerkit
