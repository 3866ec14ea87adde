// The offerkit command line, run as a user would run it.
#include "support/test_support.hpp"

#include <offerkit/json.hpp>
#include <offerkit/version.hpp>

using namespace offerkit;
using testing::run;
using testing::shell_quote;
namespace fs = std::filesystem;

namespace {

std::string cli() { return testing::cli_command(); }

std::vector<job_offer> offers_in(const fs::path& p) {
    diagnostics diags;
    return offers_from_json(testing::read_file(p), p.string(), diags);
}

}  // namespace

TEST_CASE("the version and the help texts") {
    auto r = run(cli() + " --version");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("offerkit " OFFERKIT_VERSION_STRING));
#if OFFERKIT_TEST_CLI_MIMALLOC
    CHECK_THAT(r.output, Catch::Contains("allocator: mimalloc 2."));
#else
    CHECK_THAT(r.output, Catch::Contains("allocator: system malloc"));
#endif
    r = run(cli() + " --help");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("convert") && Catch::Contains("validate") && Catch::Contains("plugins"));
    r = run(cli() + " convert --help");
    CHECK_THAT(r.output, Catch::Contains("--keep-going") && Catch::Contains("--option"));
}

TEST_CASE("the CLI's allocator serves the libraries the plugins load") {
#if OFFERKIT_TEST_CLI_MIMALLOC
    // The dynamic linker tells which library each malloc/free call goes to;
    // LD_BIND_NOW binds every symbol when `plugins` loads the modules.
    const auto r = run("LD_BIND_NOW=1 LD_DEBUG=bindings " + cli() + " plugins");
    REQUIRE(r.exit_code == 0);
    auto served_by_mimalloc = [&](const std::string& lib) {
        for (const char* symbol : {"malloc", "free"}) {
            const std::string binding = lib + " [0] to ";
            bool found = false;
            std::size_t at = 0;
            while ((at = r.output.find(binding, at)) != std::string::npos) {
                const std::size_t eol = r.output.find('\n', at);
                const std::string line = r.output.substr(at, eol - at);
                at = eol;
                if (line.find(std::string("symbol `") + symbol + "'") == std::string::npos) continue;
                INFO(line);
                CHECK_THAT(line, Catch::Contains("libmimalloc.so"));
                found = true;
            }
            INFO(lib << " " << symbol);
            CHECK(found);
        }
    };
    served_by_mimalloc("libstdc++.so.6");
    if (r.output.find("offerkit-xlsx.so") != std::string::npos) served_by_mimalloc("libxlsxwriter.so.4");
#else
    OFFERKIT_SKIP("the CLI was built with OFFERKIT_CLI_MIMALLOC=OFF (or sanitizers): it uses the system malloc");
#endif
}

TEST_CASE("usage errors exit 2") {
    CHECK(run(cli()).exit_code == 2);
    CHECK(run(cli() + " frobnicate").exit_code == 2);
    CHECK(run(cli() + " convert x.json").exit_code == 2);  // no --to, no -o
    testing::temp_dir dir;
    testing::write_file(dir / "a.json", to_json(testing::minimal_offer()));
    auto r = run(cli() + " convert " + shell_quote((dir / "a.json").string()) + " --to docx -o x");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("unknown output format \"docx\"") && Catch::Contains("json"));
    r = run(cli() + " convert " + shell_quote((dir / "a.json").string()) + " --to json --option colour=red -o x");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("no option \"colour\""));
    r = run(cli() + " convert " + shell_quote((dir / "a.json").string()) + " --to json --month 2025-05 -o x");
    CHECK(r.exit_code == 2);
    CHECK_FALSE(fs::exists("x"));
}

TEST_CASE("offerkit plugins lists json with its path") {
    const auto r = run(cli() + " plugins");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("json ") && Catch::Contains("jsonl") &&
                             Catch::Contains("lib/offerkit/plugins/offerkit-json.so"));
}

TEST_CASE("offerkit plugins lists the readers and the writers") {
    auto r = run(cli() + " plugins");
    CHECK(r.exit_code == 0);
    const auto writers = r.output.find("Writers (convert --to FORMAT):\n");
    const auto readers = r.output.find("Readers (convert --from FORMAT;");
    REQUIRE(writers != std::string::npos);
    REQUIRE(readers != std::string::npos);
    CHECK(writers < readers);
    const std::string reader_part = r.output.substr(readers);
    for (const char* line :
         {"\njobposting 0.1.0 ", "\njson       0.1.0    .json .jsonld      built-in",
          "\njsonl      0.1.0    .jsonl .ndjson     built-in", "\ntext       0.1.0    .txt .md .markdown built-in"})
        CHECK_THAT(reader_part, Catch::Contains(line));
    r = run(cli() + " plugins --readers");
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("\ntext ") && !Catch::Contains("offerkit-json.so"));
    r = run(cli() + " plugins --writers");
    CHECK_THAT(r.output, Catch::Contains("offerkit-json.so") && !Catch::Contains("\ntext "));
    CHECK(run(cli() + " plugins --writers --readers").exit_code == 2);
}

TEST_CASE("convert --from names a reader and an unknown one is refused with the list") {
    testing::temp_dir dir;
    testing::write_file(dir / "a.data", to_json(testing::full_offer()));
    auto r = run(cli() + " convert " + shell_quote((dir / "a.data").string()) + " --from odt --to json -o " +
                 shell_quote((dir / "b.json").string()));
    CHECK(r.exit_code == 2);
    CHECK_THAT(
        r.output,
        Catch::Contains("--from: unknown input format \"odt\" (known: auto, csv, docx, jobposting, json, jsonl, "));
    r = run(cli() + " convert " + shell_quote((dir / "a.data").string()) + " --from json --to json -o " +
            shell_quote((dir / "b.json").string()));
    CHECK(r.exit_code == 0);
    CHECK(offers_in(dir / "b.json") == std::vector<job_offer>{testing::full_offer()});
    r = run(cli() + " validate " + shell_quote((dir / "a.data").string()) + " --from json --input-option x=1");
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.output, Catch::Contains("format json has no option \"x\" (it takes no options)"));
}

TEST_CASE("validate reports each finding once whatever reads the offer") {
    testing::temp_dir dir;
    // a JSON Lines file: a canonical offer and a JobPosting line, both with the deadline before the posting date
    job_offer o = testing::full_offer();
    o.deadline = date::from_ymd(2025, 5, 1);
    testing::write_file(
        dir / "mixed.jsonl",
        to_json(o, {false}) + "\n" +
            R"({"@context": "https://schema.org", "@type": "JobPosting", "identifier": "X-2", "title": "T",)"
            R"( "hiringOrganization": "Y", "datePosted": "2026-05-10", "validThrough": "2026-05-01"})" +
            "\n");
    const auto r = run(cli() + " validate " + shell_quote((dir / "mixed.jsonl").string()));
    INFO(r.output);
    std::size_t n = 0;
    for (std::size_t at = r.output.find("[deadline-before-posting]"); at != std::string::npos;
         at = r.output.find("[deadline-before-posting]", at + 1))
        ++n;
    CHECK(n == 2);
    CHECK_THAT(
        r.output,
        Catch::Contains(
            "mixed.jsonl:2: warning: validThrough: the deadline 2026-05-01 is before the posting date 2026-05-10"));
}

TEST_CASE("the convenience flags are the options plugins declare") {
    const auto r = run(cli() + " convert --help");
    CHECK(r.exit_code == 0);
    // declared by pdf and xlsx (option_info::flag), each help naming the formats that take it
    CHECK_THAT(r.output, Catch::Contains("--brand TEXT") && Catch::Contains("pdf: brand profile"));
    CHECK_THAT(r.output, Catch::Contains("--month TEXT") && Catch::Contains("xlsx: report month"));
    CHECK_THAT(r.output, Catch::Contains("--as-of TEXT") && Catch::Contains("jsonld: datePosted") &&
                             Catch::Contains("xlsx: the day the report is made"));
    // not declared: booklet stays an --option
    CHECK_THAT(r.output, !Catch::Contains("--booklet"));
}

TEST_CASE("json -> jsonl on stdout -> json through a pipe keeps the offers") {
    testing::temp_dir dir;
    const std::vector<job_offer> offers{testing::full_offer(), testing::minimal_offer()};
    testing::write_file(dir / "a.json", to_json_array(offers));
    const auto r = run(cli() + " convert " + shell_quote((dir / "a.json").string()) + " --to jsonl -o - | " + cli() +
                       " convert - --to json -o " + shell_quote((dir / "b.json").string()));
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(offers_in(dir / "b.json") == testing::with_keys(offers));
    CHECK_THAT(r.output, Catch::Contains("2 offers read, 2 exported to json, 1 file written"));
}

TEST_CASE("a broken file exits 1 with file:line:column and leaves no output") {
    testing::temp_dir dir;
    testing::write_file(dir / "broken.json", "{\n  \"reference\": \"x\",\n  \"title\": \n}\n");
    const auto out = dir / "out.json";
    const auto r = run(cli() + " convert " + shell_quote((dir / "broken.json").string()) + " --to json -o " +
                       shell_quote(out.string()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Catch::Contains((dir / "broken.json").string() + ":4:1: invalid JSON"));
    CHECK_FALSE(fs::exists(out));
    CHECK(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()) == 1);  // no temp file left
}

TEST_CASE("an export that cannot start leaves no output directory behind, an existing one as it was") {
    testing::temp_dir dir;
    testing::write_file(dir / "offer.json", to_json(testing::full_offer(), {false}));
    const std::string convert = cli() + " convert " + shell_quote((dir / "offer.json").string()) +
                                " --to pdf --brand " + shell_quote((dir / "missing.json").string()) + " -o ";
    auto r = run(convert + shell_quote((dir / "flyers").string()));
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.output, Catch::Contains("missing.json: brand: brand file not found"));
    CHECK_FALSE(fs::exists(dir / "flyers"));
    fs::create_directory(dir / "mine");
    r = run(convert + shell_quote((dir / "mine").string()));
    CHECK(r.exit_code != 0);
    CHECK(fs::is_directory(dir / "mine"));  // the user's: kept
}

TEST_CASE("one bad offer fails the batch unless --keep-going") {
    testing::temp_dir dir;
    std::string lines = to_json(testing::full_offer(), {false}) + "\n{\"reference\": \"bad\", \"title\": 1}\n" +
                        to_json(testing::minimal_offer(), {false}) + "\n";
    testing::write_file(dir / "batch.jsonl", lines);
    const std::string in = shell_quote((dir / "batch.jsonl").string());
    auto r = run(cli() + " convert " + in + " --to json -o " + shell_quote((dir / "all.json").string()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Catch::Contains("batch.jsonl:2: title: expected a string, got a number 1"));
    CHECK_FALSE(fs::exists(dir / "all.json"));

    r = run(cli() + " convert " + in + " --keep-going --to json -o " + shell_quote((dir / "good.json").string()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output,
               Catch::Contains("1 failed") && Catch::Contains("failed:\n  ") && Catch::Contains("batch.jsonl:2:"));
    const std::vector<job_offer> good{testing::full_offer(), testing::minimal_offer()};
    CHECK(offers_in(dir / "good.json") == testing::with_keys(good));
}

TEST_CASE("a missing input file is a clear error") {
    testing::temp_dir dir;
    const auto r =
        run(cli() + " convert /nonexistent/offers.json --to json -o " + shell_quote((dir / "o.json").string()));
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Catch::Contains("/nonexistent/offers.json: cannot open"));
    CHECK_FALSE(fs::exists(dir / "o.json"));
}

TEST_CASE("validate lists problems as file:line: warning and --strict makes them errors") {
    testing::temp_dir dir;
    job_offer o = testing::full_offer();
    o.deadline = date::from_ymd(2025, 5, 1);  // before the posting date
    testing::write_file(dir / "o.jsonl",
                        to_json(testing::minimal_offer(), {false}) + "\n" + to_json(o, {false}) + "\n");
    const std::string in = shell_quote((dir / "o.jsonl").string());
    auto r = run(cli() + " validate " + in);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("o.jsonl:1: warning: required field missing: deadline [missing-deadline]"));
    CHECK_THAT(r.output,
               Catch::Contains("o.jsonl:2: warning: the deadline 2025-05-01 is before the posting date 2025-05-16 "
                               "[deadline-before-posting]"));
    r = run(cli() + " validate --strict " + in);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Catch::Contains("o.jsonl:2: error: the deadline"));
}

// A hidden test case (not run by CTest) that skips, for the test below.
TEST_CASE("a test case that skips", "[.skip-demonstration]") { OFFERKIT_SKIP("a demonstration of a skip"); }

TEST_CASE("a skip shows as a skip: the test executable exits 4, which CTest counts as skipped") {
    const fs::path self = testing::binary_dir() / "bin/test_cli";
    const auto r = run(shell_quote(self.string()) + " \"[.skip-demonstration]\"");
    CHECK(r.exit_code == 4);
    CHECK_THAT(r.output, Catch::Contains("SKIPPED: a demonstration of a skip"));
    // A fuzz replay that finds no input checked nothing: it fails, it does not pass.
    const auto replay = run(shell_quote((testing::binary_dir() / "bin/replay_json_reader").string()) + " /nonexistent");
    CHECK(replay.exit_code == 1);
    CHECK_THAT(replay.output, Catch::Contains("nothing was replayed") && Catch::Contains("0 passed, 1 failed"));
}
