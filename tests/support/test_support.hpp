// Helpers shared by the offerkit tests: paths, temporary directories, running
// commands (the CLI, Python checkers), and sample offers.
#pragma once

#include <offerkit/job_offer.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace offerkit::testing {

std::filesystem::path source_dir();  ///< the project's source tree
std::filesystem::path tests_dir();   ///< tests/
std::filesystem::path binary_dir();  ///< the build tree
std::filesystem::path cli_path();    ///< the built `offerkit` executable
std::string python();                ///< Debian's /usr/bin/python3

/// ../shared beside the checkout, when it is there.
std::optional<std::filesystem::path> shared_dir();

/// A fresh empty directory, removed with its content at the end of scope.
class temp_dir {
public:
    temp_dir();
    ~temp_dir();
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    const std::filesystem::path& path() const noexcept { return path_; }
    std::filesystem::path operator/(std::string_view name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

std::string read_file(const std::filesystem::path& p);
void write_file(const std::filesystem::path& p, std::string_view content);

struct command_result {
    int exit_code = -1;
    std::string output;  ///< standard output and standard error, interleaved
};
/// Runs `command` through /bin/sh, capturing stdout and stderr.
command_result run(const std::string& command);
/// Quotes `s` for /bin/sh.
std::string shell_quote(std::string_view s);
/// The command that runs the built CLI, without OFFERKIT_PLUGIN_PATH from the
/// environment (so that it finds exactly the plugins built beside it).
std::string cli_command();

/// An offer that fills every field, with French accents and other non-ASCII text.
job_offer full_offer();
/// An offer with only the required fields.
job_offer minimal_offer();
/// `o` as `offerkit convert` writes it: with canonical keys (the built-in lists) when it had none.
job_offer with_keys(job_offer o);
/// with_keys of each.
std::vector<job_offer> with_keys(std::vector<job_offer> offers);

/// The exit status of a test executable whose test cases skipped (and passed
/// otherwise); CTest reports it as a skip.
inline constexpr int skip_exit_code = 4;
/// Records that the running test case skipped.
void note_skip();
/// Whether a test case skipped in this process.
bool skipped();
/// True in CI (the environment variable CI is "true"), where ../shared is
/// always laid beside the checkout: a test that needs it must not skip there.
bool in_ci();

}  // namespace offerkit::testing

/// Skips the rest of a test case loudly (Catch2 v2 has no SKIP): prints why,
/// and the executable's exit status makes CTest count a skip, not a pass.
#define OFFERKIT_SKIP(why)                \
    do {                                  \
        WARN("SKIPPED: " << why);         \
        ::offerkit::testing::note_skip(); \
        return;                           \
    } while (0)

/// Skips because ../shared (or a part of it) is missing; in CI that is a failure.
#define OFFERKIT_SKIP_WITHOUT_SHARED(why)                                                 \
    do {                                                                                  \
        if (::offerkit::testing::in_ci()) FAIL("in CI ../shared must be there: " << why); \
        OFFERKIT_SKIP(why);                                                               \
    } while (0)

/// Skips unless ../shared is present (fails in CI); binds `shared` to its path.
#define OFFERKIT_REQUIRE_SHARED(shared)                                                                      \
    const auto shared##_opt = ::offerkit::testing::shared_dir();                                             \
    if (!shared##_opt) OFFERKIT_SKIP_WITHOUT_SHARED("../shared (real postings) is not beside the checkout"); \
    const std::filesystem::path shared = *shared##_opt
