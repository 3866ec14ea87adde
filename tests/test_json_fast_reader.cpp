// The SAX fast path for canonical offers (src/json_fast_reader.cpp): it must
// give exactly what the DOM reader gives, or refuse, and reuse of one output
// object across offers must leave nothing behind.
#include "support/test_support.hpp"

#include "json_fast_reader.hpp"
#include "json_internal.hpp"

#include "corpus.hpp"

#include <offerkit/error.hpp>
#include <offerkit/json.hpp>
#include <offerkit/reader.hpp>

#include <cstdint>
#include <string>
#include <vector>

using namespace offerkit;
using detail::fast_read_offer;

namespace {

constexpr std::size_t depth = 32;

struct dom_result {
    bool ok = false;
    job_offer offer;
    std::size_t warnings = 0;
    std::string error;
};

// What the DOM reader (the reference) makes of `text`.
dom_result dom_read(std::string_view text) {
    dom_result r;
    diagnostics diags;
    try {
        const auto v = detail::parse_json(text, "t.json");
        r.offer = detail::offer_from_value(v, {"t.json", 1, 0, {}}, diags);
        r.ok = true;
    } catch (const error& e) {
        r.error = e.what();
    }
    r.warnings = diags.size();
    return r;
}

// An offer with something in every field, unlike any test offer: what a
// reused output object may hold from before.
job_offer dirty_offer() {
    job_offer o = testing::full_offer();
    o.reference = std::string(300, 'R');
    o.url = "https://stale.example.nc/" + std::string(200, 'u');
    o.description.assign(7, std::string(100, 'd'));
    o.activities.resize(6, {activity_kind::secondary, "stale", {"a", "b", "c", "d"}});
    o.profile.resize(5, {"stale", {"x", "y"}});
    o.contacts.resize(4, {"n", "r", "e", "p"});
    o.extra.set("stale 1", "v");
    o.extra.set("stale 2", "w");
    o.extra.set("stale 3", "x");
    return o;
}

// `text` is read by the fast path, fresh and over a dirty object, exactly as
// the DOM reader reads it (which gives no warning).
void check_same(std::string_view text) {
    INFO(text);
    const dom_result dom = dom_read(text);
    REQUIRE(dom.ok);
    CHECK(dom.warnings == 0);
    job_offer fresh;
    REQUIRE(fast_read_offer(text, fresh, depth));
    CHECK(fresh == dom.offer);
    job_offer reused = dirty_offer();
    REQUIRE(fast_read_offer(text, reused, depth));
    CHECK(reused == dom.offer);
}

void check_refused(std::string_view text) {
    INFO(text);
    job_offer out = dirty_offer();
    CHECK_FALSE(fast_read_offer(text, out, depth));
}

std::string compact(const job_offer& o) { return to_json(o, {false}); }

// An offer with the required keys only and `members` (JSON members,
// comma-separated).
std::string minimal_with(const std::string& members) {
    return R"({"reference":"R","title":"T","employer":"E",)" + members + "}";
}

// The canonical compact text of `o` with `from` replaced by `to` (once).
std::string replaced(const job_offer& o, std::string_view from, std::string_view to) {
    std::string s = compact(o);
    const auto at = s.find(from);
    REQUIRE(at != std::string::npos);
    s.replace(at, from.size(), to);
    return s;
}

}  // namespace

TEST_CASE("the fast path reads canonical offers exactly as the DOM reader") {
    const job_offer full = testing::full_offer();
    const job_offer minimal = testing::minimal_offer();

    SECTION("full and minimal offers, pretty and compact") {
        for (const auto& o : {full, minimal}) {
            check_same(to_json(o));
            check_same(compact(o));
            job_offer out;
            REQUIRE(fast_read_offer(to_json(o), out, depth));
            CHECK(out == o);
        }
    }

    SECTION("empty lists, empty sections, empty strings") {
        job_offer o = minimal;
        o.activities = {{activity_kind::secondary, std::nullopt, {}}};
        o.profile = {{std::nullopt, {""}}};
        o.contacts = {{}};
        o.managed_staff.direct = "";
        o.url = "";
        o.openings = 0;
        check_same(compact(o));
        check_same(to_json(o));
    }

    SECTION("escapes, control characters and UTF-8") {
        job_offer o = full;
        o.title = "Tab\there, \"quoted\", back\\slash, new\nline, \x01 control, emoji 🌺, NBSP\u00a0: «ok»";
        o.employer = "Île des Pins – Kunié ’ “ ” … œ";
        o.description = {"a/b", "\r\n\b\f", std::string("nul\0in", 6)};
        o.extra.set("clé «spéciale»\n\"x\"", "valeur\\\u00e9");
        check_same(compact(o));
        check_same(to_json(o));
        // The same characters written as \u escapes, surrogate pairs included.
        const std::string text = minimal_with(R"("url":"caf\u00e9 \ud83c\udf3a \n \" \\ \/ \t","direction":"\u00C9")");
        check_same(text);
        job_offer out;
        REQUIRE(fast_read_offer(text, out, depth));
        CHECK(out.url == "café 🌺 \n \" \\ / \t");
        CHECK(out.direction == "É");
    }

    SECTION("long strings and keys with escapes, delivered in parts") {
        std::string long_text;
        for (int i = 0; i < 3000; ++i) long_text += "ligne é \"" + std::to_string(i) + "\"\n";
        job_offer o = full;
        o.missions = {long_text, "court", long_text};
        o.extra.set(long_text, long_text);
        o.extra.set("k", long_text);
        check_same(compact(o));
        // A known key written with escapes is that key.
        check_same(R"({"\u0072eference":"R","ti\u0074le":"T","employer":"E","extra":{"\u00e9\n":"x"}})");
    }

    SECTION("keys in another order, absent optional keys, whitespace") {
        check_same(R"({"employer":"E","title":"T","reference":"R"})");
        check_same(R"( { "url" : "u" , "reference" : "R" , "extra" : { "b" : "2", "a" : "1" },
                        "contacts" : [ { "phone" : "1", "name" : "N" } ], "title" : "T",
                        "activities" : [ { "items" : [ "i" ], "kind" : "secondary" } ],
                        "managed_staff" : { "indirect" : "2" }, "employer" : "E",
                        "openings" : 3, "format" : "job-offer/1", "deadline" : "2024-02-29" } )"
                   "\n\t\r ");
        check_same(R"({"reference":"R","title":"T","employer":"E","profile":[{}],"activities":[{"kind":"main"}]})");
    }

    SECTION("nulls where the DOM reader takes them") {
        check_same(
            R"({"reference":"","title":"","employer":"","reference_date":null,"direction":null,"openings":null,)"
            R"("managed_staff":null,"description":null,"activities":null,"profile":null,"contacts":null,"extra":null,)"
            R"("url":null,"available_from":null})");
        check_same(
            R"({"reference":"R","title":"T","employer":"E","managed_staff":{"total":null,"direct":"1","indirect":null},)"
            R"("activities":[{"kind":"main","title":null,"items":null}],"profile":[{"title":null,"items":null}],)"
            R"("contacts":[{"name":null,"role":null,"email":null,"phone":null}]})");
    }

    SECTION("extra entries keep their order") {
        const std::string text = minimal_with(R"("extra":{"z":"1","a":"2","m":"3"})");
        check_same(text);
        job_offer out = dirty_offer();
        REQUIRE(fast_read_offer(text, out, depth));
        REQUIRE(out.extra.size() == 3);
        CHECK(out.extra.entries[0] == std::pair<std::string, std::string>{"z", "1"});
        CHECK(out.extra.entries[2] == std::pair<std::string, std::string>{"m", "3"});
    }

    SECTION("openings at the edges of int") {
        check_same(minimal_with(R"("openings":0)"));
        check_same(minimal_with(R"("openings":2147483647)"));
    }

    SECTION("2000 generated offers, each over the previous one") {
        const auto offers = bench::make_offers(2000);
        job_offer out;
        std::size_t same = 0;
        for (const auto& o : offers) {
            const std::string text = compact(o);
            const dom_result dom = dom_read(text);
            REQUIRE(dom.ok);
            REQUIRE(fast_read_offer(text, out, depth));
            if (out == dom.offer && out == o) ++same;
        }
        CHECK(same == offers.size());
        // And pretty printed, in another seed.
        for (const auto& o : bench::make_offers(50, 7)) check_same(to_json(o));
    }
}

TEST_CASE("the fast path refuses anything unusual") {
    const job_offer full = testing::full_offer();

    SECTION("invalid JSON") {
        for (std::string_view text :
             {"", " ", "{", "}", "{\"reference\":\"R\",}", "{\"reference\" \"R\"}", "{\"reference\":'R'}",
              "{\"reference\":\"R\"} x", "{\"reference\":\"R\"}{}", "{\"reference\":\"R\" /* c */}",
              "{\"title\":\"\xC3\x28\"}", "{\"title\":\"\x01\"}", "{\"title\":\"\\ud83c\"}", "{\"title\":\"a\\q\"}"})
            check_refused(text);
        std::string cut = compact(full);
        cut.pop_back();
        check_refused(cut);
    }

    SECTION("not an object") {
        for (std::string_view text :
             {"[]", "[{\"reference\":\"R\",\"title\":\"T\",\"employer\":\"E\"}]", "\"x\"", "null", "3", "true"})
            check_refused(text);
    }

    SECTION("type mismatches, at every level") {
        for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
                 {R"("reference":"9001-25-0042/SR")", R"("reference":42)"},
                 {R"("reference":"9001-25-0042/SR")", R"("reference":null)"},
                 {R"("title":")", R"("title":["x"],"t":")"},
                 {R"("employer":")", R"("employer":{"a":"b"},"e":")"},
                 {R"("direction":")", R"("direction":true,"d":")"},
                 {R"("openings":2)", R"("openings":"2")"},
                 {R"("openings":2)", R"("openings":2.0)"},
                 {R"("openings":2)", R"("openings":1e1)"},
                 {R"("openings":2)", R"("openings":-1)"},
                 {R"("openings":2)", R"("openings":2147483648)"},
                 {R"("openings":2)", R"("openings":18446744073709551615)"},
                 {R"("managed_staff":{)", R"("managed_staff":"x","m":{)"},
                 {R"("total":"3 à 4")", R"("total":3)"},
                 {R"("description":[)", R"("description":"x","d":[)"},
                 {R"("description":[)", R"("description":[null,)"},
                 {R"("description":[)", R"("description":[["x"],)"},
                 {R"("missions":[)", R"("missions":[1,)"},
                 {R"("activities":[)", R"("activities":{},"a":[)"},
                 {R"("activities":[)", R"("activities":["x",)"},
                 {R"("activities":[)", R"("activities":[null,)"},
                 {R"("kind":"main")", R"("kind":null)"},
                 {R"("kind":"main")", R"("kind":1)"},
                 {R"("title":"Management")", R"("title":1)"},
                 {R"("items":[)", R"("items":"x","i":[)"},
                 {R"("items":[)", R"("items":[{},)"},
                 {R"("profile":[)", R"("profile":[[],)"},
                 {R"("contacts":[)", R"("contacts":[1,)"},
                 {R"("name":"Marie)", R"("name":false,"n":"Marie)"},
                 {R"("url":")", R"("url":["x"],"u":")"},
                 {R"("extra":{)", R"("extra":[],"x":{)"},
                 {R"("Relations fonctionnelles":")", R"("Relations fonctionnelles":null,"r":")"},
                 {R"("Relations fonctionnelles":")", R"("Relations fonctionnelles":1,"r":")"},
                 {R"("Relations fonctionnelles":")", R"("Relations fonctionnelles":{},"r":")"},
             }) {
            const std::string text = replaced(full, from, to);
            check_refused(text);
            INFO(text);
            CHECK_FALSE(dom_read(text).ok);
        }
    }

    SECTION("unknown keys at any level, and JobPosting") {
        for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
                 {R"("url":)", R"("salary":"x","url":)"},
                 {R"("url":)", R"("Url":"x","url":)"},
                 {R"("total":)", R"("everyone":"x","total":)"},
                 {R"("kind":)", R"("note":"x","kind":)"},
                 {R"("title":"Savoir-faire")", R"("title":"Savoir-faire","level":"x")"},
                 {R"("phone":"26 12 34")", R"("phone":"26 12 34","fax":"x")"},
                 {R"("url":)", R"("@type":"JobPosting","url":)"},
             }) {
            const std::string text = replaced(full, from, to);
            check_refused(text);
            INFO(text);
            const dom_result dom = dom_read(text);
            CHECK((!dom.ok || dom.warnings > 0));
        }
        check_refused(R"({"@context":"https://schema.org","@type":"JobPosting","title":"T"})");
        check_refused(R"({"title":"T","hiringOrganization":{"name":"E"},"datePosted":"2025-01-01"})");
    }

    SECTION("duplicate keys, at any level") {
        for (const auto& [from, to] : std::vector<std::pair<std::string, std::string>>{
                 {R"("url":)", R"("title":"x","url":)"},
                 {R"("url":)", R"("format":"job-offer/1","url":)"},
                 {R"("url":)", R"("extra":{},"url":)"},
                 {R"("total":)", R"("direct":"x","total":)"},
                 {R"("kind":)", R"("items":[],"kind":)"},
                 {R"("phone":"26 12 34")", R"("phone":"26 12 34","name":"x")"},
                 {R"("Relations fonctionnelles":)", R"("Relations fonctionnelles":"a","Relations fonctionnelles":)"},
             }) {
            const std::string text = replaced(full, from, to);
            check_refused(text);
            INFO(text);
            CHECK_FALSE(dom_read(text).ok);
        }
        // Written differently, the same key: the DOM reader keeps the last
        // one; the fast path leaves that to it.
        check_refused(R"({"reference":"R","title":"T","employer":"E","t\u0069tle":"U"})");
        check_refused(minimal_with(R"("extra":{"a":"1","\u0061":"2"})"));
    }

    SECTION("format, required keys, dates, kinds") {
        check_refused(replaced(full, "job-offer/1", "job-offer/2"));
        check_refused(replaced(full, R"("format":"job-offer/1")", R"("format":null)"));
        check_refused(replaced(full, R"("format":"job-offer/1")", R"("format":1)"));
        check_refused(R"({"title":"T","employer":"E"})");
        check_refused(R"({"reference":"R","employer":"E"})");
        check_refused(R"({"reference":"R","title":"T"})");
        check_refused(R"({})");
        check_refused(replaced(full, R"("kind":"main",)", ""));
        check_refused(replaced(full, R"("kind":"main")", R"("kind":"Main")"));
        for (std::string_view bad :
             {"2025-02-30", "2025-13-01", "2025-5-16", "16/05/2025", "", "0000-01-01", "2025-05-16T00:00"}) {
            check_refused(replaced(full, R"("deadline":"2025-06-06")", R"("deadline":")" + std::string(bad) + "\""));
            check_refused(
                replaced(full, R"("reference_date":"2025-05-16")", R"("reference_date":")" + std::string(bad) + "\""));
        }
        check_refused(replaced(full, R"("available_from":"2025-07-01")", R"("available_from":20250701)"));
    }

    SECTION("nesting beyond max_depth") {
        const std::string text = compact(full);
        job_offer out;
        // The canonical offer nests four levels (offer, activities, section, items).
        CHECK(fast_read_offer(text, out, 4));
        CHECK_FALSE(fast_read_offer(text, out, 3));
        CHECK_FALSE(fast_read_offer(text, out, 1));
        CHECK_FALSE(fast_read_offer(text, out, 0));
        // Deep nesting anywhere is refused without harm.
        check_refused(
            replaced(full, R"("url":)", "\"deep\":" + std::string(5000, '[') + std::string(5000, ']') + ",\"url\":"));
        check_refused(
            replaced(full, R"("missions":[)", "\"missions\":[" + std::string(30, '[') + std::string(30, ']') + ","));
        // And where the DOM reader hits its limit, the fast path does too.
        for (std::size_t d = 0; d <= 6; ++d) {
            read_limits limits;
            limits.max_json_depth = d;
            bool dom_ok = true;
            try {
                detail::parse_json(text, "t.json", 1, limits);
            } catch (const error&) {
                dom_ok = false;
            }
            job_offer o;
            CHECK(fast_read_offer(text, o, d) == dom_ok);
        }
    }
}

TEST_CASE("the fast path leaves no stale data in a reused offer") {
    job_offer big = testing::full_offer();
    big.contacts.push_back({"Troisième", std::nullopt, "t@example.nc", std::nullopt});
    big.extra.set("Deuxième", "2");
    big.activities[0].items.push_back("encore");
    REQUIRE(big.contacts.size() == 3);

    job_offer small = testing::full_offer();
    small.contacts = {{std::nullopt, "Secrétariat", std::nullopt, "26 00 00"}};
    small.url.reset();
    small.openings.reset();
    small.available_from.reset();
    small.managed_staff = {};
    small.activities = {{activity_kind::secondary, std::nullopt, {"Seul"}}};
    small.profile = {{std::nullopt, {}}};
    small.description.clear();
    small.extra = {};

    job_offer out;
    REQUIRE(fast_read_offer(compact(big), out, depth));
    CHECK(out == big);
    REQUIRE(fast_read_offer(compact(small), out, depth));
    CHECK(out == small);
    CHECK(out.contacts.size() == 1);
    CHECK_FALSE(out.url.has_value());
    REQUIRE(fast_read_offer(compact(testing::minimal_offer()), out, depth));
    CHECK(out == testing::minimal_offer());
    REQUIRE(fast_read_offer(to_json(big), out, depth));
    CHECK(out == big);

    // Keys absent from the text (not null) also clear what was there.
    REQUIRE(fast_read_offer(R"({"reference":"R","title":"T","employer":"E"})", out, depth));
    job_offer bare;
    bare.reference = "R";
    bare.title = "T";
    bare.employer = "E";
    CHECK(out == bare);
    REQUIRE(fast_read_offer(compact(big), out, depth));
    REQUIRE(fast_read_offer(R"({"reference":"R","title":"T","employer":"E","managed_staff":{"direct":"1"},)"
                            R"("activities":[{"kind":"main"}],"profile":[{"items":["p"]}],"contacts":[{"email":"e"}]})",
                            out, depth));
    job_offer partial = bare;
    partial.managed_staff.direct = "1";
    partial.activities = {{activity_kind::main, std::nullopt, {}}};
    partial.profile = {{std::nullopt, {"p"}}};
    partial.contacts = {{std::nullopt, std::nullopt, "e", std::nullopt}};
    CHECK(out == partial);
}

TEST_CASE("the fast path agrees with the DOM reader on mutated texts, or refuses") {
    // Random edits of canonical texts: whenever the fast path accepts one,
    // the DOM reader accepts it too, without warning, with the same offer.
    const std::string alphabet = "{}[],:\"\\ 0123456789-.eE+abcnlrtuf/@\xC3\xA9";
    bench::rng r(2026);
    std::vector<std::string> seeds = {compact(testing::full_offer()), compact(testing::minimal_offer()),
                                      to_json(testing::full_offer()), compact(bench::make_offer(3))};
    std::size_t accepted = 0, refused = 0;
    job_offer out = dirty_offer();
    for (int round = 0; round < 4000; ++round) {
        std::string text = seeds[r.below(seeds.size())];
        const std::size_t edits = 1 + r.below(3);
        for (std::size_t e = 0; e < edits && !text.empty(); ++e) {
            const std::size_t at = r.below(text.size());
            switch (r.below(3)) {
                case 0: text.erase(at, 1 + r.below(4)); break;
                case 1: text.insert(at, 1, alphabet[r.below(alphabet.size())]); break;
                default: text[at] = alphabet[r.below(alphabet.size())]; break;
            }
        }
        if (fast_read_offer(text, out, depth)) {
            ++accepted;
            const dom_result dom = dom_read(text);
            INFO(text);
            REQUIRE(dom.ok);
            REQUIRE(dom.warnings == 0);
            REQUIRE(out == dom.offer);
        } else {
            ++refused;  // `out` now holds anything valid: the next read must not care
        }
    }
    CHECK(accepted > 50);
    CHECK(refused > 1000);
}

TEST_CASE("readers use the fast path and still fall back to exact errors and warnings") {
    const job_offer full = testing::full_offer();
    job_offer three = full;
    three.contacts.push_back({"C", std::nullopt, std::nullopt, std::nullopt});
    job_offer one = full;
    one.contacts.resize(1);
    one.url.reset();

    SECTION("JSON Lines: canonical, unusual and bad lines in one stream") {
        const std::string with_unknown = replaced(full, R"("url":)", R"("salary":"élevé","url":)");
        const std::string bad_date = replaced(full, R"("deadline":"2025-06-06")", R"("deadline":"2025-02-30")");
        const std::string text = compact(three) + "\n" + with_unknown + "\n" + compact(one) + "\n" + bad_date + "\n" +
                                 compact(testing::minimal_offer()) + "\n";
        offer_reader reader(text, "mixed.jsonl");
        diagnostics diags;
        job_offer o;
        std::vector<job_offer> got;
        std::vector<std::string> errors;
        while (true) {
            try {
                if (!reader.next(o, diags)) break;
                got.push_back(o);
            } catch (const error& e) {
                errors.push_back(e.what());
            }
        }
        REQUIRE(got.size() == 4);
        CHECK(got[0] == three);
        CHECK(got[1].extra.find("salary") != nullptr);
        CHECK(*got[1].extra.find("salary") == "élevé");
        CHECK(got[2] == one);
        CHECK(got[3] == testing::minimal_offer());
        REQUIRE(diags.size() == 1);
        REQUIRE(errors.size() == 1);
        CHECK_THAT(errors[0], Catch::Contains("mixed.jsonl:4"));
        CHECK_THAT(errors[0], Catch::Contains("deadline"));
    }

    SECTION("offer_from_json") {
        diagnostics diags;
        CHECK(offer_from_json(compact(full), {"a.json", 0, 0, {}}, diags) == full);
        CHECK(diags.empty());
        const auto o =
            offer_from_json(replaced(full, R"("url":)", R"("salary":"x","url":)"), {"a.json", 0, 0, {}}, diags);
        CHECK(diags.size() == 1);
        CHECK(o.extra.find("salary") != nullptr);
        try {
            offer_from_json(replaced(full, R"("openings":2)", R"("openings":-2)"), {"a.json", 0, 0, {}}, diags);
            FAIL("no error");
        } catch (const error& e) {
            CHECK(e.code() == errc::type_error);
            CHECK_THAT(std::string(e.what()), Catch::Contains("openings"));
        }
    }
}

TEST_CASE("the fast path takes exactly the UTF-8 that the DOM reader takes") {
    // A title holding `bytes`: both readers accept it, with the same offer,
    // or both refuse it (overlong forms, surrogates, above U+10FFFF, cut
    // sequences, stray continuation bytes).
    std::size_t accepted = 0, refused = 0, mismatches = 0;
    job_offer out;
    auto check_bytes = [&](const std::string& bytes) {
        const std::string text = R"({"reference":"R","title":"a)" + bytes + R"(z","employer":"E"})";
        const bool fast = fast_read_offer(text, out, depth);
        const dom_result dom = dom_read(text);
        if (fast != dom.ok || (fast && !(out == dom.offer))) {
            ++mismatches;
            std::string hex;
            for (unsigned char c : bytes) hex += " " + std::to_string(c);
            FAIL_CHECK("fast " << fast << ", DOM " << dom.ok << " for bytes" << hex);
        }
        (fast ? accepted : refused) += 1;
    };
    for (unsigned a = 0x80; a < 0x100; ++a) {
        check_bytes(std::string(1, static_cast<char>(a)));
        for (unsigned b = 0; b < 0x100; ++b)
            if (b >= 0x20 && b != '"' && b != '\\') check_bytes({static_cast<char>(a), static_cast<char>(b)});
    }
    // Three and four bytes: every lead byte, continuations around their limits.
    const unsigned char near[] = {0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xF4};
    for (unsigned lead = 0xC0; lead < 0x100; ++lead)
        for (unsigned char b : near)
            for (unsigned char c : near) {
                check_bytes({static_cast<char>(lead), static_cast<char>(b), static_cast<char>(c)});
                for (unsigned char d : near)
                    check_bytes(
                        {static_cast<char>(lead), static_cast<char>(b), static_cast<char>(c), static_cast<char>(d)});
            }
    // Non-ASCII after runs of ASCII of every length (the eight-byte skip).
    for (std::size_t n = 0; n < 20; ++n) {
        check_bytes(std::string(n, 'x') + "\xC3\xA9" + std::string(n, 'y'));
        check_bytes(std::string(n, 'x') + "\xED\xA0\x80");
        check_bytes(std::string(n, 'x') + "\xF0\x9F\x8C\xBA" + std::string(n % 9, 'y'));
    }
    CHECK(mismatches == 0);
    CHECK(accepted > 1000);
    CHECK(refused > 1000);
}
