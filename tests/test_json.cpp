// The canonical JSON codec and the offer reader.
#include "support/test_support.hpp"

#include <offerkit/error.hpp>
#include <offerkit/json.hpp>
#include <offerkit/plugins/json.hpp>
#include <offerkit/reader.hpp>
#include <offerkit/registry.hpp>

using namespace offerkit;
namespace fs = std::filesystem;

namespace {

job_offer read_back(const std::string& text) {
    diagnostics diags;
    auto o = offer_from_json(text, {"t.json", 0, 0, {}}, diags);
    CHECK(diags.empty());
    return o;
}

// Reads every entry of `text`, collecting error messages instead of stopping.
std::vector<std::string> read_all(const std::string& text, const std::string& name, std::vector<job_offer>& out,
                                  diagnostics& diags) {
    std::vector<std::string> errors;
    offer_reader reader(text, name);
    job_offer o;
    while (true) {
        try {
            if (!reader.next(o, diags)) break;
            out.push_back(o);
        } catch (const error& e) {
            errors.push_back(e.what());
        }
    }
    return errors;
}

std::string error_of(const std::string& text, const std::string& name = "offers.json") {
    diagnostics diags;
    try {
        offers_from_json(text, name, diags);
    } catch (const error& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST_CASE("write then read gives the same offer, for every field") {
    job_offer full = testing::full_offer();
    CHECK(read_back(to_json(full)) == full);
    CHECK(read_back(to_json(full, {false})) == full);

    job_offer minimal = testing::minimal_offer();
    CHECK(read_back(to_json(minimal)) == minimal);

    SECTION("nulls, empty lists, empty strings and control characters survive") {
        job_offer o = minimal;
        o.title = "Tab\there, \"quoted\", back\\slash, new\nline, \x01 control, emoji 🌺, NBSP\u00a0: «ok»";
        o.activities = {{activity_kind::secondary, std::nullopt, {}}};
        o.profile = {{std::nullopt, {""}}};
        o.contacts = {{}};
        o.managed_staff.direct = "";
        o.openings = 0;
        CHECK(read_back(to_json(o)) == o);
    }
}

TEST_CASE("the writer's output has a fixed shape") {
    const std::string s = to_json(testing::minimal_offer());
    CHECK(s.rfind("{\n  \"format\": \"job-offer/1\",\n  \"reference\": \"9001-25-0001/SR\",", 0) == 0);
    CHECK_THAT(s, Catch::Contains("\"managed_staff\": {\n    \"total\": null,"));
    CHECK_THAT(s, Catch::Contains("\"description\": [],"));
    CHECK_THAT(s, Catch::Contains("\"extra\": {},\n  \"repairs\": [],\n  \"canonical\": {\n    \"reference\": null,"));
    CHECK_THAT(s, Catch::EndsWith("\"province\": null\n  }\n}"));
    CHECK(to_json(testing::minimal_offer(), {false}).find('\n') == std::string::npos);
    CHECK(to_json(testing::full_offer()) == to_json(testing::full_offer()));
}

TEST_CASE("arrays and JSON Lines round-trip") {
    const std::vector<job_offer> offers{testing::full_offer(), testing::minimal_offer(), testing::full_offer()};
    diagnostics diags;
    CHECK(offers_from_json(to_json_array(offers), "a.json", diags) == offers);
    CHECK(offers_from_json(to_json_lines(offers), "a.jsonl", diags) == offers);
    CHECK(offers_from_json(to_json_array({}), "empty.json", diags).empty());
    // JSON Lines with CRLF, a BOM and blank lines.
    std::string crlf = "\xEF\xBB\xBF";
    for (const auto& o : offers) crlf += to_json(o, {false}) + "\r\n\r\n";
    CHECK(offers_from_json(crlf, "crlf.jsonl", diags) == offers);
    CHECK(diags.empty());
}

TEST_CASE("the input kind is detected from extension and content") {
    CHECK(detect_input_format("a.jsonl", "") == "jsonl");
    CHECK(detect_input_format("a.json", "{\"a\":1}\n{\"a\":2}\n") == "jsonl");
    CHECK(detect_input_format("a.json", " [ {} ]") == "json");
    CHECK(detect_input_format("-", "{\"reference\": \"x\"}\n") == "json");
    CHECK(detect_input_format("-", "# DSI – Chargé d’études\n\nRéférence : x") == "text");
    CHECK(detect_input_format("a.md", "{ looks like json }") == "text");
    CHECK(detect_input_format("data", "\xEF\xBB\xBF{\"x\":\"{\"}") == "json");
}

TEST_CASE("syntax errors name file, line and column") {
    CHECK(error_of("{\n  \"reference\": \"x\",\n  \"title\": }\n") == "offers.json:3:12: invalid JSON: syntax error");
    CHECK_THAT(error_of("{\"reference\": \"x\""),
               Catch::StartsWith("offers.json:1:") && Catch::Contains("invalid JSON"));
    CHECK_THAT(error_of(""), Catch::Contains("empty input"));
    CHECK_THAT(error_of("{\"title\": \"caf\xC3\"}"), Catch::StartsWith("offers.json:1:"));
}

TEST_CASE("type errors name the entry and the field path") {
    SECTION("the issue's example, in JSON Lines") {
        job_offer bad = testing::minimal_offer();
        std::string text = to_json(bad, {false}) + "\n" + to_json(bad, {false}) + "\n";
        std::string third = to_json(bad, {false});
        third.replace(third.find("\"deadline\":null"), 15, "\"deadline\":\"2025-13-45\"");
        text += third + "\n" + to_json(bad, {false}) + "\n";
        std::vector<job_offer> offers;
        diagnostics diags;
        const auto errors = read_all(text, "offers.jsonl", offers, diags);
        REQUIRE(errors.size() == 1);
        CHECK(errors[0] == "offers.jsonl:3: deadline: expected a date YYYY-MM-DD, got \"2025-13-45\"");
        CHECK(offers.size() == 3);  // the reader went on after the bad line
    }
    SECTION("nested paths") {
        job_offer o = testing::full_offer();
        std::string text = to_json(o, {false});
        text.replace(text.find("\"Encadrer"), 1, "3, \"");
        CHECK_THAT(error_of(text), Catch::Contains("activities[0].items[0]: expected a string, got a number 3"));
    }
    SECTION("array entries are named by index") {
        std::string text = "[" + to_json(testing::minimal_offer()) + ", {\"reference\": \"r\", \"title\": \"t\"}]";
        CHECK(error_of(text) == "offers.json: [1].employer: required field is missing");
    }
    SECTION("other rules") {
        CHECK_THAT(error_of("{\"reference\": \"r\", \"title\": \"t\", \"employer\": \"e\", \"openings\": -2}"),
                   Catch::Contains("openings: expected a non-negative integer, got a number -2"));
        CHECK_THAT(error_of("{\"format\": \"job-offer/2\", \"reference\": \"r\"}"),
                   Catch::Contains("format: unsupported format \"job-offer/2\""));
        CHECK_THAT(
            error_of("{\"reference\": \"r\", \"title\": \"t\", \"employer\": \"e\", \"posted_on\": \"2025-02-30\"}"),
            Catch::Contains("posted_on: expected a date YYYY-MM-DD, got \"2025-02-30\""));
        CHECK_THAT(error_of("[1]"), Catch::Contains("[0]: expected an object, got a number 1"));
        CHECK_THAT(error_of("\"text\"", "x.json"), Catch::Contains("expected an offer object or an array"));
    }
}

TEST_CASE("unknown fields are kept in extra with a warning") {
    std::string text =
        "{\"reference\": \"r\", \"title\": \"t\", \"employer\": \"e\", \"salaire\": \"Indice 450\", "
        "\"tags\": [1, 2], \"managed_staff\": {\"total\": \"2\", \"interim\": \"1\"}}";
    diagnostics diags;
    const job_offer o = offer_from_json(text, {"x.json", 0, 0, {}}, diags);
    REQUIRE(diags.size() == 3);
    CHECK(diags.items()[0].to_string() == "x.json: warning: salaire: unknown field, kept in extra");
    REQUIRE(o.extra.find("salaire"));
    CHECK(*o.extra.find("salaire") == "Indice 450");
    CHECK(*o.extra.find("tags") == "[1,2]");
    CHECK(*o.extra.find("managed_staff.interim") == "1");
    CHECK(o.managed_staff.total == "2");
}

TEST_CASE("nesting deeper than the limit is refused") {
    std::string deep(100, '[');
    deep += std::string(100, ']');
    diagnostics diags;
    try {
        offers_from_json(deep, "deep.json", diags);
        FAIL("no exception");
    } catch (const error& e) {
        CHECK(e.code() == errc::limit_exceeded);
        CHECK_THAT(std::string(e.what()), Catch::Contains("deep.json:1:") && Catch::Contains("32 levels"));
    }
}

TEST_CASE("the json exporter writes an object for one offer and an array for several") {
    registry reg;
    plugins::register_json(reg);
    testing::temp_dir dir;
    auto export_to = [&](const std::string& format, const fs::path& path, const std::vector<job_offer>& offers) {
        diagnostics diags;
        export_target target{path, nullptr};
        auto session = reg.get(format).begin(target, {}, diags);
        for (const auto& o : offers) session->write(o);
        CHECK_FALSE(fs::exists(path));  // nothing visible before finish()
        CHECK(session->finish() == std::vector<fs::path>{path});
    };
    const std::vector<job_offer> two{testing::full_offer(), testing::minimal_offer()};
    export_to("json", dir / "one.json", {testing::full_offer()});
    export_to("json", dir / "two.json", two);
    export_to("jsonl", dir / "two.jsonl", two);
    CHECK(testing::read_file(dir / "one.json") == to_json(testing::full_offer()) + "\n");
    CHECK(testing::read_file(dir / "two.json").front() == '[');
    diagnostics diags;
    CHECK(offers_from_json(testing::read_file(dir / "two.json"), "two.json", diags) == two);
    CHECK(testing::read_file(dir / "two.jsonl") == to_json_lines(two));

    SECTION("the output validates against the JSON Schema (python3-jsonschema)") {
        const auto r = testing::run(
            testing::python() + " " + testing::shell_quote((testing::tests_dir() / "tools/check_schema.py").string()) +
            " " + testing::shell_quote((testing::source_dir() / "schema/job-offer-1.schema.json").string()) + " " +
            testing::shell_quote((dir / "one.json").string()) + " " +
            testing::shell_quote((dir / "two.json").string()) + " " +
            testing::shell_quote((dir / "two.jsonl").string()));
        INFO(r.output);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.output, Catch::Contains("5 offers checked, 0 problems"));
    }
    SECTION("the schema checker does catch a bad offer") {
        testing::write_file(dir / "bad.json", "{\"format\": \"job-offer/1\", \"reference\": 3}");
        const auto r = testing::run(
            testing::python() + " " + testing::shell_quote((testing::tests_dir() / "tools/check_schema.py").string()) +
            " " + testing::shell_quote((testing::source_dir() / "schema/job-offer-1.schema.json").string()) + " " +
            testing::shell_quote((dir / "bad.json").string()));
        CHECK(r.exit_code == 1);
    }
}

TEST_CASE("duplicate keys are refused with their position") {
    CHECK(error_of("{\"reference\": \"a\",\n \"title\": \"t\",\n \"reference\": \"b\"}") ==
          "offers.json:3:2: duplicate key \"reference\" in the same object");
    CHECK_THAT(error_of("[{\"contacts\": [{\"name\": \"a\", \"name\": \"b\"}]}]"),
               Catch::Contains("duplicate key \"name\""));
    // The same key in different objects, and key-like strings in values, are fine.
    diagnostics diags;
    std::string ok =
        "{\"reference\": \"r\", \"title\": \"x : \\\"title\\\": y\", \"employer\": \"e\", "
        "\"contacts\": [{\"name\": \"a\"}, {\"name\": \"b\"}], \"extra\": {\"title\": \"t\"}}";
    CHECK(offers_from_json(ok, "ok.json", diags).size() == 1);
}

TEST_CASE("every character that needs escaping is escaped, wherever it stands in a string") {
    // The writer skips plain text eight bytes at a time: put each special byte
    // at every offset of a word, between plain ASCII and UTF-8 text.
    std::vector<char> specials{'"', '\\', '\n', '\r', '\t', '\b', '\f', '\x01', '\x1f', '\x00'};
    for (char special : specials)
        for (std::size_t at = 0; at < 17; ++at) {
            job_offer o = testing::minimal_offer();
            o.title = std::string(at, 'a') + special + "é€ plain text après";
            const std::string json = to_json(o, {false});
            INFO("byte " << static_cast<int>(special) << " at " << at);
            CHECK(json.find('\n') == std::string::npos);
            diagnostics diags;
            CHECK(offer_from_json(json, {"t.json", 0, 0, {}}, diags) == o);
        }
}
