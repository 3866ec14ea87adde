// The bad-input matrix of docs/reliability.md: each row is a section here. Every
// bad input gives a clear message naming the input, a non-zero exit and no
// partial output; with --keep-going the good offers are still exported.
#include "support/test_support.hpp"

#include <offerkit/json.hpp>
#include <offerkit/reader.hpp>
#include <offerkit/utf8.hpp>

#include <sys/stat.h>
#include <csignal>
#include <fstream>
#include <thread>

using namespace offerkit;
using testing::run;
using testing::shell_quote;
namespace fs = std::filesystem;

namespace {

std::string cli() { return testing::cli_command(); }

struct outcome {
    int exit_code;
    std::string output;
    bool wrote;  // did the output appear?
};

// Converts `input` to `format` into a fresh directory; reports whether anything was written.
outcome convert(const fs::path& input, const std::string& format, const std::string& extra = "") {
    testing::temp_dir out;
    const fs::path target = out / ("result." + format);
    const auto r = run(cli() + " convert " + shell_quote(input.string()) + " --to " + format + " -o " +
                       shell_quote(target.string()) + " " + extra);
    return {r.exit_code, r.output, !fs::is_empty(out.path())};
}

void expect_refused(const outcome& o, const fs::path& input, const std::string& message) {
    INFO(o.output);
    CHECK(o.exit_code == 1);
    CHECK_THAT(o.output, Catch::Contains(input.string()));
    CHECK_THAT(o.output, Catch::Contains(message));
    CHECK_FALSE(o.wrote);
}

bool has_plugin(const std::string& name) {
    return run(cli() + " plugins --writers").output.find("\n" + name + " ") != std::string::npos;
}

std::string good_line() { return to_json(testing::full_offer(), {false}) + "\n"; }

}  // namespace

TEST_CASE("bad input matrix: files that are not offers") {
    testing::temp_dir dir;
    SECTION("empty file") {
        testing::write_file(dir / "empty.json", "");
        expect_refused(convert(dir / "empty.json", "json"), dir / "empty.json", "empty input");
        testing::write_file(dir / "empty.txt", "");
        expect_refused(convert(dir / "empty.txt", "json"), dir / "empty.txt", "no reference");
    }
    SECTION("binary file") {
        std::string bytes;
        for (int i = 0; i < 4096; ++i) bytes += static_cast<char>((i * 7919) & 0xFF);
        testing::write_file(dir / "photo.bin", bytes);
        const auto o = convert(dir / "photo.bin", "json");
        expect_refused(o, dir / "photo.bin", "UTF-8");
    }
    SECTION("invalid UTF-8 in JSON") {
        testing::write_file(dir / "latin1.json", "{\"reference\": \"x\", \"title\": \"caf\xE9\", \"employer\": \"e\"}");
        expect_refused(convert(dir / "latin1.json", "json"), dir / "latin1.json", "latin1.json:1:");
    }
    SECTION("a 50 MB single line") {
        {
            std::ofstream f(dir / "line.txt", std::ios::binary);
            const std::string chunk(1 << 20, 'a');
            for (int i = 0; i < 50; ++i) f << chunk;
        }
        expect_refused(convert(dir / "line.txt", "json"), dir / "line.txt", "no reference");
    }
    SECTION("deeply nested JSON") {
        testing::write_file(dir / "deep.json", std::string(100000, '[') + std::string(100000, ']'));
        expect_refused(convert(dir / "deep.json", "json"), dir / "deep.json", "nested deeper than 32");
    }
    SECTION("duplicate keys") {
        testing::write_file(dir / "dup.json",
                            "{\"reference\": \"a\", \"title\": \"t\", \"employer\": \"e\", \"title\": \"u\"}");
        expect_refused(convert(dir / "dup.json", "json"), dir / "dup.json", "duplicate key \"title\"");
    }
}

TEST_CASE("bad input matrix: offers with wrong content") {
    testing::temp_dir dir;
    SECTION("wrong types") {
        testing::write_file(dir / "types.jsonl", "{\"reference\": \"a\", \"title\": [\"t\"], \"employer\": \"e\"}\n");
        expect_refused(convert(dir / "types.jsonl", "json"), dir / "types.jsonl",
                       "types.jsonl:1: title: expected a string, got an array");
    }
    SECTION("missing required fields") {
        testing::write_file(dir / "missing.json", "{\"reference\": \"a\", \"employer\": \"e\"}");
        expect_refused(convert(dir / "missing.json", "json"), dir / "missing.json", "title: required field is missing");
    }
    SECTION("impossible dates") {
        testing::write_file(
            dir / "date.json",
            "{\"reference\": \"a\", \"title\": \"t\", \"employer\": \"e\", \"deadline\": \"2025-02-31\"}");
        expect_refused(convert(dir / "date.json", "json"), dir / "date.json",
                       "deadline: expected a date YYYY-MM-DD, got \"2025-02-31\"");
    }
    SECTION("a reference that tries to escape the output directory") {
        if (!has_plugin("pdf")) OFFERKIT_SKIP("the pdf plugin (one file per offer) is not built");
        job_offer o = testing::minimal_offer();
        o.reference = "../../escaped";
        testing::write_file(dir / "in/evil.json", to_json(o));
        fs::create_directories(dir / "out/flyers");
        const auto r = run(cli() + " convert " + shell_quote((dir / "in/evil.json").string()) + " --to pdf -o " +
                           shell_quote((dir / "out/flyers").string()));
        INFO(r.output);
        CHECK(r.exit_code == 0);
        CHECK(fs::exists(dir / "out/flyers/_.._escaped.pdf"));
        CHECK_FALSE(fs::exists(dir / "escaped.pdf"));
        CHECK_FALSE(fs::exists(dir / "out/escaped.pdf"));
    }
    SECTION("an Excel-formula-looking title stays text") {
        if (!has_plugin("xlsx")) OFFERKIT_SKIP("the xlsx plugin is not built");
        job_offer o = testing::full_offer();
        o.title = "=HYPERLINK(\"http://evil.example\",\"clic\")";
        o.posted_on = date::from_ymd(2026, 10, 5);
        o.deadline = date::from_ymd(2026, 10, 30);
        testing::write_file(dir / "formula.json", to_json(o));
        const auto r =
            run(cli() + " convert " + shell_quote((dir / "formula.json").string()) +
                " --to xlsx --month 2026-10 --as-of 2026-11-02 -o " + shell_quote((dir / "f.xlsx").string()));
        REQUIRE(r.exit_code == 0);
        const auto check =
            run(testing::python() + " -c " +
                shell_quote("import openpyxl,sys\n"
                            "wb = openpyxl.load_workbook(sys.argv[1])\n"
                            "cells = [c for ws in wb for row in ws.iter_rows() for c in row "
                            "if isinstance(c.value, str) and 'HYPERLINK' in c.value]\n"
                            "assert cells, 'title not found'\n"
                            "assert all(c.data_type == 's' for c in cells), [c.data_type for c in cells]\n"
                            "print('text cells:', len(cells))") +
                " " + shell_quote((dir / "f.xlsx").string()));
        INFO(check.output);
        CHECK(check.exit_code == 0);
    }
}

TEST_CASE("bad input matrix: formats, plugins and outputs") {
    testing::temp_dir dir;
    testing::write_file(dir / "good.jsonl", good_line());
    SECTION("unknown format") {
        const auto o = convert(dir / "good.jsonl", "docx");
        CHECK(o.exit_code == 2);
        CHECK_THAT(o.output, Catch::Contains("unknown output format \"docx\""));
        CHECK_FALSE(o.wrote);
    }
    SECTION("an ABI-mismatched or broken plugin is reported, the others still work") {
        const fs::path plugins = dir / "plugins";
        fs::create_directories(plugins);
        fs::copy_file(testing::binary_dir() / "tests/plugins/offerkit-testbadabi.so",
                      plugins / "offerkit-testbadabi.so");
        testing::write_file(plugins / "offerkit-broken.so", "not a library");
        const std::string env = "OFFERKIT_PLUGIN_PATH=" + shell_quote(plugins.string()) + " ";
        auto r = run(env + shell_quote(testing::cli_path().string()) + " plugins");
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output,
                   Catch::Contains("offerkit-testbadabi.so: plugin built for offerkit 9.0.0 (plugin ABI version"));
        CHECK_THAT(r.output, Catch::Contains("offerkit-broken.so: cannot open plugin"));
        CHECK_THAT(r.output, Catch::Contains("\njson "));
        r = run(env + shell_quote(testing::cli_path().string()) + " convert " +
                shell_quote((dir / "good.jsonl").string()) + " --to json -o " +
                shell_quote((dir / "ok.json").string()));
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.output, Catch::Contains("warning: ") && Catch::Contains("ABI version"));
        CHECK(fs::exists(dir / "ok.json"));
    }
    SECTION("a missing font or logo") {
        if (!has_plugin("pdf")) OFFERKIT_SKIP("the pdf plugin is not built");
        testing::write_file(dir / "brand.json",
                            "{\"format\": \"offerkit-brand/1\", \"name\": \"test\", \"organisation\": \"Test\", "
                            "\"logo\": \"/nonexistent/logo.png\", "
                            "\"colors\": {\"primary\": \"#123456\", \"accent\": \"#abcdef\"}}");
        fs::create_directories(dir / "flyers");
        const auto r =
            run(cli() + " convert " + shell_quote((dir / "good.jsonl").string()) + " --to pdf --brand " +
                shell_quote((dir / "brand.json").string()) + " -o " + shell_quote((dir / "flyers").string()));
        INFO(r.output);
        CHECK(r.exit_code != 0);
        CHECK_THAT(r.output, Catch::Contains("/nonexistent/logo.png"));
        CHECK(fs::is_empty(dir / "flyers"));
    }
    SECTION("an unwritable output directory") {
        const auto r = run(cli() + " convert " + shell_quote((dir / "good.jsonl").string()) +
                           " --to json -o /proc/offerkit-test/out.json");
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output, Catch::Contains("/proc/offerkit-test"));
    }
    SECTION("a full disk") {
        const auto r =
            run(cli() + " convert " + shell_quote((dir / "good.jsonl").string()) + " --to json -o /dev/full");
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output, Catch::Contains("/dev/full") && Catch::Contains("write failed"));
    }
}

TEST_CASE("bad input matrix: --keep-going exports every good offer of a batch and lists the bad ones") {
    testing::temp_dir dir;
    testing::write_file(dir / "a.jsonl", good_line() + "{\"reference\": 1}\n" + good_line());
    testing::write_file(dir / "b.json", "{ broken");
    testing::write_file(dir / "c.json", to_json(testing::minimal_offer()));
    const auto r = run(cli() + " convert " + shell_quote((dir / "a.jsonl").string()) + " " +
                       shell_quote((dir / "b.json").string()) + " " + shell_quote((dir / "c.json").string()) +
                       " --keep-going --to jsonl -o " + shell_quote((dir / "out.jsonl").string()));
    INFO(r.output);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Catch::Contains("a.jsonl:2: reference: expected a string"));
    CHECK_THAT(r.output, Catch::Contains("b.json:1:"));
    CHECK_THAT(r.output, Catch::Contains("2 failed"));
    diagnostics diags;
    const auto offers = offers_from_json(testing::read_file(dir / "out.jsonl"), "out.jsonl", diags);
    REQUIRE(offers.size() == 3);
    CHECK(offers[2] == testing::with_keys(testing::minimal_offer()));
}

// ---------------------------------------------------------------------------
// Defects found by trying offerkit as users, embedders and attackers would
// (docs/reliability.md, "Found by trying"): each section failed before its fix.

namespace {

std::string quoted(const fs::path& p) { return shell_quote(p.string()); }

}  // namespace

TEST_CASE("bad input matrix: input that must be read within limits, or refused with what it is") {
    testing::temp_dir dir;
    SECTION("an endless stream of NUL bytes on standard input is refused at once") {
        const auto r = run("head -c 200000000 /dev/zero | timeout 20 " + cli() + " convert - --to json -o " +
                           quoted(dir / "out.json"));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output,
                   Catch::Contains("<stdin>: not UTF-8 text, JSON or a posting: a binary file (NUL byte at offset 0)"));
        CHECK_FALSE(fs::exists(dir / "out.json"));
    }
    SECTION("an endless JSON Lines line stops at the line limit, not at the memory's end") {
        const auto r = run("yes '{\"a\":1}' | tr -d '\\n' | head -c 100000000 | timeout 60 " + cli() +
                           " convert - --from jsonl --to json -o " + quoted(dir / "out.json"));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output,
                   Catch::Contains("<stdin>:1: line exceeds the limit of 67108864 bytes; reading stopped there"));
    }
    SECTION("a PDF cut short is refused as one") {
        testing::write_file(dir / "avis.pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj\n");
        expect_refused(convert(dir / "avis.pdf", "json"), dir / "avis.pdf", "not a readable PDF");
    }
    SECTION("a Word document (zip) cut short is refused as one") {
        testing::write_file(dir / "avis.docx", std::string("PK\x03\x04\x14\x00\x06\x00", 8) + "word/document.xml");
        expect_refused(convert(dir / "avis.docx", "json"), dir / "avis.docx", "not a readable Word document");
    }
    // A fictional posting of ours, saved as Windows office tools save text.
    const fs::path posting = testing::source_dir() / "examples/postings/9002-26-0214-gestionnaire-paie.txt";
    const std::string expected = run(cli() + " convert " + quoted(posting) + " --to json -o -").output;
    REQUIRE_THAT(expected, Catch::Contains("\"reference\": \"9002-26-0214/MPRH\""));
    SECTION("a Windows-1252 posting names its likely encoding; --encoding cp1252 reads it") {
        REQUIRE(run("iconv -f UTF-8 -t CP1252 " + quoted(posting) + " > " + quoted(dir / "ansi.txt")).exit_code == 0);
        const auto o = convert(dir / "ansi.txt", "json");
        expect_refused(o, dir / "ansi.txt", "not valid UTF-8 (byte 0x");
        CHECK_THAT(o.output,
                   Catch::Contains("the file looks like Windows-1252") && Catch::Contains("--encoding cp1252"));
        const auto r = run(cli() + " convert " + quoted(dir / "ansi.txt") + " --encoding cp1252 --to json -o -");
        CHECK(r.exit_code == 0);
        CHECK(r.output == expected);
    }
    SECTION("a UTF-16 posting with a byte order mark is read as it is") {
        REQUIRE(run("iconv -f UTF-8 -t UTF-16 " + quoted(posting) + " > " + quoted(dir / "unicode.txt")).exit_code ==
                0);
        const auto r = run(cli() + " convert " + quoted(dir / "unicode.txt") + " --to json -o -");
        CHECK(r.exit_code == 0);
        CHECK(r.output == expected);
    }
    SECTION("the library stops reading an endless source at its limit") {
        REQUIRE(::mkfifo((dir / "endless").c_str(), 0600) == 0);
        std::thread writer([&] {
            std::ofstream f(dir / "endless", std::ios::binary);
            const std::string chunk(1 << 16, 'a');
            while (f.write(chunk.data(), static_cast<std::streamsize>(chunk.size()))) {
            }  // until the reader closes the pipe
        });
        read_options options;
        options.format = "text";
        options.limits.max_file_bytes = 4u << 20;
        ::signal(SIGPIPE, SIG_IGN);
        try {
            offer_reader reader(dir / "endless", options);
            job_offer o;
            diagnostics diags;
            reader.next(o, diags);
            FAIL("no exception");
        } catch (const error& e) {
            CHECK(e.code() == errc::limit_exceeded);
            CHECK_THAT(std::string(e.what()),
                       Catch::Contains("exceeds the limit of 4194304 bytes; reading stopped there"));
        }
        writer.join();
    }
}

TEST_CASE("bad input matrix: outputs that must not be falsified, hang or stay silent") {
    testing::temp_dir dir;
    testing::write_file(dir / "good.jsonl", good_line());
    SECTION("xlsx to a full standard output fails, with the reason") {
        if (!has_plugin("xlsx")) OFFERKIT_SKIP("the xlsx plugin is not built");
        const auto r =
            run(cli() + " convert " + quoted(dir / "good.jsonl") + " --to xlsx --month 2026-10 -o - > /dev/full");
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output, Catch::Contains("xlsx: the output stream: write failed: No space left on device"));
    }
    SECTION("a FIFO at the output name is refused, not waited on") {
        REQUIRE(::mkfifo((dir / "out.json").c_str(), 0600) == 0);
        const auto r = run("timeout 20 " + cli() + " convert " + quoted(dir / "good.jsonl") + " --to json -o " +
                           quoted(dir / "out.json"));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output, Catch::Contains("out.json: is a FIFO (named pipe)"));
    }
    SECTION("-o flyer.pdf for one file per offer is a usage error, no directory is made") {
        if (!has_plugin("pdf")) OFFERKIT_SKIP("the pdf plugin is not built");
        const auto r = run("cd " + quoted(dir.path()) + " && " + cli() + " convert good.jsonl --to pdf -o flyer.pdf");
        CHECK(r.exit_code == 2);
        CHECK_THAT(r.output, Catch::Contains("-o flyer.pdf: format pdf writes one file per offer into a directory"));
        CHECK_FALSE(fs::exists(dir / "flyer.pdf"));
    }
    SECTION("a monthly report with no offer in its month says so") {
        if (!has_plugin("xlsx")) OFFERKIT_SKIP("the xlsx plugin is not built");
        const auto r = run(cli() + " convert " + quoted(dir / "good.jsonl") + " --to xlsx --as-of 2031-03-15 -o " +
                           quoted(dir / "r.xlsx"));
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.output,
                   Catch::Contains("none of the 1 offer read was posted in 2031-02, the default month: the month "
                                   "before as-of 2031-03-15; choose it with month=YYYY-MM (--month)"));
    }
    SECTION("an unknown command is named") {
        const auto r = run(cli() + " frobnicate");
        CHECK(r.exit_code == 2);
        CHECK_THAT(
            r.output,
            Catch::Contains("unknown command \"frobnicate\"; the commands are convert, validate, publish and plugins"));
        CHECK_THAT(r.output, !Catch::Contains("A subcommand is required"));
    }
    SECTION("a plugin that throws a standard exception fails the export, it does not terminate") {
        const fs::path plugins = dir / "plugins";
        fs::create_directories(plugins);
        fs::copy_file(testing::binary_dir() / "tests/plugins/offerkit-teststdthrow.so",
                      plugins / "offerkit-teststdthrow.so");
        const std::string env = "OFFERKIT_PLUGIN_PATH=" + quoted(plugins) + " ";
        auto r = run(env + shell_quote(testing::cli_path().string()) + " convert " + quoted(dir / "good.jsonl") +
                     " --to teststd -o " + quoted(dir / "x.txt"));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output, Catch::Contains("plugin teststd: write: quota exceeded"));
        CHECK_THAT(r.output, !Catch::Contains("terminate"));
        r = run(env + shell_quote(testing::cli_path().string()) + " convert " + quoted(dir / "good.jsonl") +
                " --to json -o " + quoted(dir / "ok.json"));
        CHECK(r.exit_code == 0);  // the other formats are unaffected
    }
}

TEST_CASE("bad input matrix: an interrupted batch leaves no temporary file") {
    if (!has_plugin("pdf")) OFFERKIT_SKIP("the pdf plugin is not built");
    testing::temp_dir dir;
    std::string lines;
    for (int i = 0; i < 2000; ++i) {
        job_offer o = testing::full_offer();
        o.reference = "9001-26-" + std::to_string(1000 + i) + "/SR";
        lines += to_json(o, {false}) + "\n";
    }
    testing::write_file(dir / "many.jsonl", lines);
    for (const char* sig : {"INT", "TERM"}) {
        const fs::path out = dir / sig;
        // Killed when the first staged flyers exist, long before the 2,000 are done.
        const auto r = run(cli() + " convert " + quoted(dir / "many.jsonl") + " --to pdf --jobs 2 -q -o " +
                           quoted(out) + " & pid=$!; for i in $(seq 200); do ls -A " + quoted(out) +
                           " 2>/dev/null | grep -q tmp && break; sleep 0.05; done; kill -" + sig +
                           " $pid; wait $pid; echo \"status=$?\"");
        INFO(sig << ": " << r.output);
        CHECK_THAT(r.output, Catch::Contains("interrupted (SIG") && Catch::Contains("no partial output left"));
        CHECK_THAT(r.output, Catch::Contains(std::string("status=") + (sig[0] == 'I' ? "130" : "143")));
        std::vector<std::string> left;
        for (const auto& e : fs::directory_iterator(out)) left.push_back(e.path().filename().string());
        CHECK(left.empty());
    }
}
