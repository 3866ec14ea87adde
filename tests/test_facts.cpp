// Facts cross-checked and repaired (offerkit/facts.hpp, docs/facts.md): each
// repair fires when the evidence leaves one reading and only then, says so
// once, and is recorded; --as-written keeps the text. Then the issue's
// demonstration on the real OPT-NC data: no wrong deadline left.
#include "support/test_support.hpp"

#include <offerkit/facts.hpp>
#include <offerkit/json.hpp>
#include <offerkit/posting_parser.hpp>

#include <boost/json.hpp>

#include <algorithm>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

using namespace offerkit;
using namespace offerkit::testing;
namespace fs = std::filesystem;

namespace {

// A fictional posting in the OPT style, with the dates given.
std::string posting(const std::string& reference_date, const std::string& posted, const std::string& deadline,
                    const std::string& front_matter = {}) {
    return front_matter + "# Commune de Bourail – Agent(e) d'accueil\n\n" + "**Référence : 9001-26-0700/SR du " +
           reference_date + "**\n\n" + "**Employeur : Commune de Bourail**\n\n" + "**Date de dépôt de l'offre** " +
           posted + "\n\n" + "**Date limite de candidature** " + deadline + "\n";
}

job_offer read(const std::string& text, diagnostics& d, fact_policy p = fact_policy::repair) {
    return parse_posting(text, "avis.md", d, p);
}

std::vector<std::string> rules_of(const diagnostics& d) {
    std::vector<std::string> r;
    for (const auto& x : d) r.push_back(x.rule);
    return r;
}

}  // namespace

TEST_CASE("a weekday that fits one year near the posting's repairs the deadline's year") {
    diagnostics d;
    const auto text = posting("8 mai 2026", "vendredi 8 mai 2026", "vendredi 29 mai 2029");
    const job_offer o = read(text, d);
    CHECK(o.deadline == date::from_ymd(2026, 5, 29));
    REQUIRE(o.repairs.size() == 1);
    const repair& r = o.repairs[0];
    CHECK(r.field == "deadline");
    CHECK(r.rule == "weekday-mismatch");
    CHECK(r.as_written == "2029-05-29");
    CHECK(r.value == "2026-05-29");
    CHECK(r.text == "vendredi 29 mai 2029");
    CHECK(r.source == "avis.md:9");
    CHECK_THAT(*r.evidence, Catch::Contains("29 May 2029 is a Tuesday; 29 May 2026 is a Friday"));
    // said once, where the date is, quoting the text; no other rule on the repaired date
    REQUIRE(d.size() == 1);
    CHECK(d.items()[0].rule == "weekday-mismatch");
    CHECK(d.items()[0].where.line == 9);
    CHECK_THAT(d.items()[0].message, Catch::StartsWith("repaired deadline: 2029-05-29 → 2026-05-29 (the posting "
                                                       "says \"vendredi 29 mai 2029\")"));
    // the repair travels in the canonical JSON
    CHECK_THAT(to_json(o), Catch::Contains("\"rule\": \"weekday-mismatch\""));

    SECTION("--as-written keeps the text's value and says what is wrong") {
        diagnostics w;
        const job_offer kept = read(text, w, fact_policy::as_written);
        CHECK(kept.deadline == date::from_ymd(2029, 5, 29));
        CHECK(kept.repairs.empty());
        CHECK(rules_of(w) == std::vector<std::string>{"weekday-mismatch", "deadline-long-after-posting"});
        CHECK_THAT(w.items()[0].message, Catch::Contains("kept as written"));
    }
}

TEST_CASE("a weekday that leaves more than one reading only warns") {
    diagnostics d;
    // "lundi 29 mai 2026": 29 May 2026 is a Friday. The year is the posting's,
    // so the day or the weekday may be the mistake: nothing repaired.
    const job_offer o = read(posting("8 mai 2026", "vendredi 8 mai 2026", "lundi 29 mai 2026"), d);
    CHECK(o.deadline == date::from_ymd(2026, 5, 29));
    CHECK(o.repairs.empty());
    REQUIRE(rules_of(d) == std::vector<std::string>{"weekday-mismatch"});
    CHECK_THAT(d.items()[0].message, Catch::Contains("kept as written"));
    // No weekday, a year far off: no evidence of the right year, a warning only.
    diagnostics d2;
    const job_offer far = read(posting("8 mai 2026", "vendredi 8 mai 2026", "29 mai 2029"), d2);
    CHECK(far.deadline == date::from_ymd(2029, 5, 29));
    CHECK(far.repairs.empty());
    CHECK(rules_of(d2) == std::vector<std::string>{"deadline-long-after-posting"});
}

TEST_CASE("a posting date and a deadline swapped are put back when the reference's date confirms it") {
    diagnostics d;
    const job_offer o = read(posting("27 mars 2026", "Vendredi 17 avril 2026", "Vendredi 27 mars 2026"), d);
    CHECK(o.posted_on == date::from_ymd(2026, 3, 27));
    CHECK(o.deadline == date::from_ymd(2026, 4, 17));
    REQUIRE(o.repairs.size() == 2);
    CHECK(o.repairs[0].field == "posted_on");
    CHECK(o.repairs[1].field == "deadline");
    CHECK(o.repairs[1].rule == "dates-swapped");
    CHECK(rules_of(d) == std::vector<std::string>{"dates-swapped"});  // once, and no deadline-before-posting
    CHECK_THAT(d.items()[0].message, Catch::Contains("is the reference's date"));

    // Without the reference's date as evidence: a warning only.
    diagnostics d2;
    const job_offer o2 = read(posting("2 mars 2026", "Vendredi 17 avril 2026", "Vendredi 27 mars 2026"), d2);
    CHECK(o2.deadline == date::from_ymd(2026, 3, 27));
    CHECK(o2.repairs.empty());
    CHECK(rules_of(d2) == std::vector<std::string>{"deadline-before-posting", "posting-far-from-reference"});
}

TEST_CASE("the front matter confirms a swap, and a year, or disagrees") {
    const std::string fm = "---\ndate_mis_en_ligne: \"2026-03-26\"\ndate_cloture: \"2026-04-16\"\n---\n\n";
    diagnostics d;
    // The reference's date says nothing here (another day); the front matter does (a day early, as the open data is).
    const job_offer o = read(posting("20 mars 2026", "17 avril 2026", "27 mars 2026", fm), d);
    CHECK(o.posted_on == date::from_ymd(2026, 3, 27));
    CHECK(o.deadline == date::from_ymd(2026, 4, 17));
    CHECK(rules_of(d) == std::vector<std::string>{"dates-swapped"});
    CHECK_THAT(d.items()[0].message, Catch::Contains("they agree with the front matter (avis.md:1)"));

    // A year typed wrong, no weekday: the front matter's year fits, the posting's day and month kept.
    diagnostics d2;
    const job_offer y = read(posting("27 mars 2026", "27 mars 2026", "17 avril 2029", fm), d2);
    CHECK(y.deadline == date::from_ymd(2026, 4, 17));
    REQUIRE(y.repairs.size() == 1);
    CHECK(y.repairs[0].rule == "metadata-mismatch");
    CHECK(rules_of(d2) == std::vector<std::string>{"metadata-mismatch"});

    // A plausible deadline that the front matter contradicts: two readings, a warning.
    diagnostics d3;
    const job_offer w = read(posting("27 mars 2026", "27 mars 2026", "24 avril 2026", fm), d3);
    CHECK(w.deadline == date::from_ymd(2026, 4, 24));
    CHECK(w.repairs.empty());
    CHECK(rules_of(d3) == std::vector<std::string>{"metadata-mismatch"});
    CHECK_THAT(d3.items()[0].message, Catch::Contains("differs from the front matter (avis.md:1): 2026-04-16"));
}

TEST_CASE("check_facts on an offer from any reader") {
    job_offer o;
    o.reference = "9001-26-0700/SR";
    o.posted_on = date::from_ymd(2026, 7, 10);
    o.deadline = date::from_ymd(2026, 6, 19);
    fact_evidence e;
    e.where = {"feed.json", 0, 0, "validThrough"};
    e.metadata.push_back({"the open data", {"avp.csv", 12, 0, {}}, date::from_ymd(2026, 6, 18), std::nullopt});
    diagnostics d;
    check_facts(o, e, fact_policy::repair, d);
    CHECK(o.posted_on == date::from_ymd(2026, 6, 19));
    CHECK(o.deadline == date::from_ymd(2026, 7, 10));
    REQUIRE(d.size() == 1);
    CHECK_THAT(d.items()[0].message, Catch::Contains("the open data (avp.csv:12)"));
    CHECK(written_weekday("Vendredi 29 mai") == 4);
    CHECK(written_weekday("29 mai 2026") == -1);
}

// ---------------------------------------------------------------------------
// The demonstration, on the real data (../shared/real)

namespace {

std::vector<boost::json::object> convert_real(const fs::path& shared, const std::string& extra_args,
                                              std::string& output) {
    temp_dir tmp;
    std::string cmd = cli_command() + " convert";
    for (const auto& sub : {"opt-avp-markdown", "opt-jobposting-jsonld"})
        for (const auto& e : fs::directory_iterator(shared / "real" / sub)) cmd += " " + shell_quote(e.path().string());
    cmd += " " + shell_quote((shared / "real" / "drhfpnc-csv" / "avp_opt.csv").string());
    const auto r = run(cmd + " " + extra_args + " --to jsonl -o " + shell_quote((tmp / "all.jsonl").string()));
    output = r.output;
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    std::vector<boost::json::object> out;
    std::istringstream in(read_file(tmp / "all.jsonl"));
    for (std::string line; std::getline(in, line);) out.push_back(boost::json::parse(line).as_object());
    return out;
}

std::string str(const boost::json::object& o, std::string_view k) {
    const auto* v = o.if_contains(k);
    return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

TEST_CASE("real data with the open data: no wrong deadline left, each repair said once", "[real]") {
    OFFERKIT_REQUIRE_SHARED(shared);
    std::string output;
    const auto offers = convert_real(shared, "--dedupe", output);
    INFO(output);
    std::set<std::string> keys;
    for (const auto& o : offers) {
        INFO(str(o, "reference"));
        const std::string key = str(o.at("canonical").as_object(), "reference");
        CHECK(keys.insert(key).second);  // --dedupe: each offer once
        const auto posted = date::parse_iso(str(o, "posted_on")), deadline = date::parse_iso(str(o, "deadline"));
        REQUIRE(posted);
        REQUIRE(deadline);
        CHECK(*posted <= *deadline);
        CHECK(days_between(*posted, *deadline) <= 92);
        CHECK(deadline->year() == 2026);
    }
    // 29 postings (Markdown), 24 JSON-LD (4 of them the same offers), 44 open-data rows (29 joined to the postings)
    CHECK(offers.size() == 29 + 20 + 15);
    auto find = [&](std::string_view number) -> const boost::json::object& {
        for (const auto& o : offers)
            if (str(o.at("canonical").as_object(), "reference") == "opt-nc:" + std::string(number)) return o;
        FAIL("no offer " << number);
        return offers.front();
    };
    CHECK(str(find("26-0686"), "deadline") == "2026-05-29");
    CHECK(str(find("26-0691"), "deadline") == "2026-05-29");
    for (auto [number, posted, deadline] :
         {std::tuple{"26-0420", "2026-03-27", "2026-04-17"}, std::tuple{"26-0624", "2026-05-15", "2026-06-05"},
          std::tuple{"26-0641", "2026-05-15", "2026-06-05"}, std::tuple{"26-0714", "2026-05-08", "2026-05-29"},
          std::tuple{"26-0942", "2026-06-19", "2026-07-10"}, std::tuple{"26-0973", "2026-06-26", "2026-07-17"}}) {
        INFO(number);
        CHECK(str(find(number), "posted_on") == posted);
        CHECK(str(find(number), "deadline") == deadline);
    }
    // Each repair said once: one warning per (offer, rule), none left of the rules they answer.
    std::map<std::string, int> said;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) {
        CHECK(line.find("[deadline-before-posting]") == std::string::npos);
        CHECK(line.find("[deadline-long-after-posting]") == std::string::npos);
        if (line.find(": warning: repaired ") != std::string::npos) ++said[line.substr(0, line.find(": warning"))];
    }
    CHECK(said.size() == 10);  // 2 weekdays, 4 swaps in the postings, 4 in the JSON-LD
    for (const auto& [where, n] : said) CHECK(n == 1);
    // Every offer the postings or the open data describe names its own document (the JSON-LD alone do not).
    std::size_t with_document = 0;
    for (const auto& o : offers)
        if (!str(o, "document_url").empty()) ++with_document;
    CHECK(with_document == 29 + 15);
}

TEST_CASE("real flyers carry a QR code that decodes to the posting's document", "[real]") {
#ifndef OFFERKIT_TEST_WITH_PDF
    OFFERKIT_SKIP("the pdf plugin is not built (OFFERKIT_PLUGINS)");
#endif
    OFFERKIT_REQUIRE_SHARED(shared);
    if (run("command -v zbarimg").exit_code != 0 || run("command -v pdftoppm").exit_code != 0)
        OFFERKIT_SKIP("zbarimg (zbar-tools) or pdftoppm (poppler-utils) is not installed");
    temp_dir tmp;
    const auto md = shared / "real" / "opt-avp-markdown";
    std::string cmd = cli_command() + " convert";
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(md)) files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) cmd += " " + shell_quote(f.string());
    const auto r = run(cmd + " -q --to pdf -o " + shell_quote((tmp / "flyers").string()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    std::multiset<std::string> documents, decoded;
    for (const auto& f : files) {
        diagnostics d;
        const job_offer o = parse_posting(read_file(f), f.string(), d);
        INFO(f);
        REQUIRE(o.document_url);
        CHECK_FALSE(o.url);  // the QR code comes from document_url
        documents.insert(*o.document_url);
    }
    for (const auto& e : fs::directory_iterator(tmp / "flyers")) {
        const auto png = tmp / e.path().stem().string();
        REQUIRE(run("pdftoppm -png -r 150 -f 1 -l 1 -singlefile " + shell_quote(e.path().string()) + " " +
                    shell_quote(png.string()))
                    .exit_code == 0);
        auto z = run("zbarimg -q --raw " + shell_quote(png.string() + ".png") + " 2>/dev/null").output;
        if (!z.empty() && z.back() == '\n') z.pop_back();
        decoded.insert(z);
    }
    CHECK(decoded == documents);
    CHECK(decoded.size() == 29);
}
