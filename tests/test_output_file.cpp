// Safe output: temporary file + rename, sanitised names.
#include "support/test_support.hpp"

#include <offerkit/error.hpp>
#include <offerkit/output_file.hpp>

using namespace offerkit;
namespace fs = std::filesystem;

TEST_CASE("a file appears only when committed") {
    testing::temp_dir dir;
    const fs::path target = dir / "out.json";
    {
        atomic_output out(target);
        out.stream() << "partial";
        CHECK_FALSE(fs::exists(target));
        CHECK(fs::exists(out.temp_path()));
        CHECK(out.temp_path().parent_path() == dir.path());
    }  // destroyed without commit
    CHECK_FALSE(fs::exists(target));
    CHECK(fs::is_empty(dir.path()));

    atomic_output out(target);
    out.stream() << "complete";
    out.commit();
    CHECK(testing::read_file(target) == "complete");
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("committing replaces an existing file in one step") {
    testing::temp_dir dir;
    testing::write_file(dir / "a.txt", "old");
    write_file_atomically(dir / "a.txt", "new");
    CHECK(testing::read_file(dir / "a.txt") == "new");
}

TEST_CASE("write errors name the file and leave nothing") {
    SECTION("directory that does not exist") {
        try {
            atomic_output out("/nonexistent-dir/x.json");
            FAIL("no exception");
        } catch (const error& e) {
            CHECK(e.code() == errc::io_error);
            CHECK_THAT(std::string(e.what()), Catch::Contains("/nonexistent-dir"));
        }
    }
    SECTION("a full disk") {
        atomic_output out("/dev/full");
        out.stream() << std::string(1 << 16, 'x');
        try {
            out.commit();
            FAIL("no exception");
        } catch (const error& e) {
            CHECK(e.code() == errc::io_error);
            CHECK_THAT(std::string(e.what()), Catch::Contains("/dev/full"));
        }
    }
    SECTION("a target that is a directory") {
        testing::temp_dir dir;
        CHECK_THROWS_AS(atomic_output(dir.path()), error);
    }
}

TEST_CASE("file names from references are sanitised and cannot escape") {
    CHECK(sanitize_file_stem("3134-25-0750/SR") == "3134-25-0750_SR");
    CHECK(sanitize_file_stem("../../x") == "_.._x");
    CHECK(sanitize_file_stem("..") == "offer");
    CHECK(sanitize_file_stem("") == "offer");
    CHECK(sanitize_file_stem("a b\\c:d") == "a_b_c_d");
    CHECK(sanitize_file_stem("Référence") == "R__f__rence");
    CHECK(sanitize_file_stem(std::string(300, 'a')).size() == 100);
    for (const char* evil : {"/etc/passwd", "..\\..\\x", "a/../../b", "\n", "."}) {
        const std::string s = sanitize_file_stem(evil);
        CHECK(s.find('/') == std::string::npos);
        CHECK(s != "..");
        CHECK(s != ".");
        CHECK(s.front() != '.');
    }
}

TEST_CASE("ensure_directory creates directories and refuses files") {
    testing::temp_dir dir;
    ensure_directory(dir / "a/b");
    CHECK(fs::is_directory(dir / "a/b"));
    testing::write_file(dir / "file", "x");
    CHECK_THROWS_AS(ensure_directory(dir / "file"), error);
}
