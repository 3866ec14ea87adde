// Safe output: temporary file + rename, sanitised names.
#include "support/test_support.hpp"

#include <offerkit/diagnostics.hpp>
#include <offerkit/error.hpp>
#include <offerkit/output_file.hpp>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

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

TEST_CASE("output names: one owner, in input order, case-insensitive, never colliding") {
    output_names names("pdf", ".pdf");
    diagnostics diags;
    std::vector<std::string> got;
    std::vector<bool> renamed;  // a warning came with the name
    for (const char* ref : {"B", "B", "B-2", "B/2", "b", "B_2", "3134-25-0750/SR"}) {
        const std::size_t before = diags.size();
        got.push_back(names.claim(ref, diags));
        renamed.push_back(diags.size() > before);
    }
    CHECK(got == std::vector<std::string>{"B", "B-2", "B-2-2", "B_2", "b-3", "B_2-2", "3134-25-0750_SR"});
    CHECK(renamed == std::vector<bool>{false, true, true, false, true, true, false});
    REQUIRE(diags.size() == 4);
    CHECK(diags.items()[0].where.path == "reference");
    CHECK(diags.items()[0].message == "pdf: reference B is met again in this export; this offer goes to B-2.pdf");
    CHECK(diags.items()[2].message == "pdf: reference b is met again in this export; this offer goes to b-3.pdf");
}

TEST_CASE("what is not a regular file is refused as an output, at once") {
    testing::temp_dir dir;
    SECTION("a FIFO (it would hang the export)") {
        REQUIRE(::mkfifo((dir / "pipe").c_str(), 0600) == 0);
        try {
            atomic_output out(dir / "pipe");
            FAIL("no exception");
        } catch (const error& e) {
            CHECK(e.code() == errc::io_error);
            CHECK_THAT(std::string(e.what()), Catch::Contains("pipe: is a FIFO (named pipe)"));
        }
    }
    SECTION("a character device is written directly") {
        atomic_output out("/dev/null");
        out.stream() << "x";
        CHECK_NOTHROW(out.commit());
    }
}

TEST_CASE("remove_pending_outputs deletes every temporary file not yet committed") {
    testing::temp_dir dir;
    atomic_output a(dir / "a.pdf"), b(dir / "b.pdf");
    a.stream() << "half";
    a.close();
    CHECK(fs::exists(a.temp_path()));
    CHECK(fs::exists(b.temp_path()));
    remove_pending_outputs();
    CHECK(fs::is_empty(dir.path()));
    // A later commit says the output is gone instead of renaming nothing.
    CHECK_THROWS_WITH(a.commit(), Catch::Contains("a.pdf: the output was removed before it was complete"));
    atomic_output c(dir / "c.pdf");  // outputs made afterwards are unaffected
    c.stream() << "whole";
    c.commit();
    CHECK(testing::read_file(dir / "c.pdf") == "whole");
}

TEST_CASE("a write error gives its reason") {
    export_target target;
    target.path = "/dev/full";
    export_output out(target, "json");
    CHECK_THROWS_WITH(
        [&] {
            out.write(std::string(1 << 16, 'x'));
            out.commit();
        }(),
        Catch::Contains("/dev/full: write failed: No space left on device"));
}

TEST_CASE("a directory tree appears whole when committed and replaces the one offerkit made before") {
    testing::temp_dir dir;
    const fs::path site = dir / "site";
    {
        atomic_directory tree(site);
        tree.write_file("index.html", "v1");
        tree.write_file("offres/a.html", "a1");
        CHECK_FALSE(fs::exists(site));
        CHECK(fs::exists(tree.staging_path() / "offres" / "a.html"));
    }  // abandoned: nothing left
    CHECK(fs::is_empty(dir.path()));

    atomic_directory first(site);
    first.write_file("index.html", "v1");
    first.write_file("offres/a.html", "a1");
    const auto files = first.commit();
    CHECK(files == std::vector<fs::path>{site / "index.html", site / "offres" / "a.html"});
    CHECK(fs::exists(site / atomic_directory::marker));

    // A reader that opened the old index keeps reading it; the new tree has only what was written.
    const int reader = ::open((site / "index.html").c_str(), O_RDONLY);
    REQUIRE(reader >= 0);
    atomic_directory second(site);
    second.write_file("index.html", "v2");
    CHECK(testing::read_file(site / "index.html") == "v1");  // until commit
    second.commit();
    CHECK(testing::read_file(site / "index.html") == "v2");
    CHECK_FALSE(fs::exists(site / "offres" / "a.html"));
    char old[3] = {};
    CHECK(::read(reader, old, 2) == 2);
    CHECK(std::string(old) == "v1");
    ::close(reader);
    // Only the tree and the temporary directory's parent: no staging or old tree left beside it.
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);
}

TEST_CASE("a directory tree never replaces what offerkit did not make, nor leaves its tree") {
    testing::temp_dir dir;
    testing::write_file(dir / "home" / "thesis.odt", "years of work");
    CHECK_THROWS_WITH(atomic_directory(dir / "home"), Catch::Contains("home: exists and was not made by offerkit") &&
                                                          Catch::Contains(".offerkit-output"));
    CHECK(testing::read_file(dir / "home" / "thesis.odt") == "years of work");
    testing::write_file(dir / "file", "x");
    CHECK_THROWS_WITH(atomic_directory(dir / "file"), Catch::Contains("file: exists and is not a directory"));
    fs::create_directory(dir / "empty");
    atomic_directory empty(dir / "empty/");  // an empty directory is taken, trailing slash or not
    empty.write_file("a.txt", "a");
    CHECK_THROWS_WITH(empty.write_file("../escape.txt", "x"), Catch::Contains("not a path inside the tree"));
    CHECK_THROWS_WITH(empty.write_file("/tmp/escape.txt", "x"), Catch::Contains("not a path inside the tree"));
    empty.commit();
    CHECK(testing::read_file(dir / "empty" / "a.txt") == "a");

    atomic_directory pending_tree(dir / "later");
    pending_tree.write_file("a.txt", "a");
    remove_pending_outputs();
    CHECK_FALSE(fs::exists(pending_tree.staging_path()));
    CHECK_THROWS_WITH(pending_tree.commit(), Catch::Contains("the output was removed"));
    CHECK_FALSE(fs::exists(dir / "later"));
}

TEST_CASE("a directory tree behind a symbolic link is replaced, the link kept") {
    testing::temp_dir dir;
    fs::create_directories(dir / "releases");
    atomic_directory first(dir / "releases" / "site");
    first.write_file("index.html", "v1");
    first.commit();
    fs::create_directory_symlink(dir / "releases" / "site", dir / "public");
    atomic_directory second(dir / "public");
    second.write_file("index.html", "v2");
    second.commit();
    CHECK(fs::is_symlink(dir / "public"));
    CHECK(testing::read_file(dir / "public" / "index.html") == "v2");
    CHECK(std::distance(fs::directory_iterator(dir / "releases"), fs::directory_iterator()) == 1);
}
