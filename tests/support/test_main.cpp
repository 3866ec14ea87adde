// The Catch2 main for every offerkit test executable. A test case that skipped
// (OFFERKIT_SKIP) and failed nothing exits with status 4, which CTest shows as
// a skip (SKIP_RETURN_CODE 4, see tests/CMakeLists.txt), never as a pass; any
// failure exits with status 1.
#define CATCH_CONFIG_RUNNER
#include "support/test_support.hpp"

int main(int argc, char* argv[]) {
    const int failed = Catch::Session().run(argc, argv);
    if (failed == 0 && offerkit::testing::skipped()) return offerkit::testing::skip_exit_code;
    // Catch2 returns the number of failed assertions: exactly 4 would read as a skip.
    return failed == 0 ? 0 : 1;
}
