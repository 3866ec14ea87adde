// The catalogue of validation rules: each rule fires when it should and only
// then, the same rule gives the same finding whatever the input kind, and
// docs/rules.md lists every rule.
#include "support/test_support.hpp"

#include <offerkit/jobposting.hpp>
#include <offerkit/json.hpp>
#include <offerkit/posting_parser.hpp>
#include <offerkit/reader.hpp>
#include <offerkit/rules.hpp>
#include <offerkit/validate.hpp>

#include <set>

using namespace offerkit;

namespace {

job_offer complete_offer() {
    job_offer o;
    o.reference = "9001-26-0700/SR";
    o.title = "Agent(e) d'accueil";
    o.employer = "Commune de Bourail";
    o.posted_on = date::from_ymd(2026, 4, 17);
    o.deadline = date::from_ymd(2026, 5, 8);
    return o;
}

std::vector<std::string> rule_names(const job_offer& o) {
    std::vector<finding> found;
    check_offer(o, found);
    std::vector<std::string> names;
    for (const auto& f : found) names.emplace_back(rule_of(f.id).name);
    return names;
}

using names = std::vector<std::string>;

}  // namespace

TEST_CASE("the catalogue: identifiers unique and in order, each with a field and labels") {
    std::set<std::string_view> seen;
    std::size_t i = 0;
    for (const rule& r : rules()) {
        CHECK(static_cast<std::size_t>(r.id) == i++);
        CHECK(seen.insert(r.name).second);
        CHECK(&rule_of(r.id) == &r);
        CHECK_FALSE(r.field.empty());
        CHECK_FALSE(r.summary.empty());
        CHECK_FALSE(r.label_fr.empty());
        CHECK_FALSE(r.label_en.empty());
        // the name is kebab-case ASCII: usable in scripts and configuration
        for (char c : r.name) CHECK(((c >= 'a' && c <= 'z') || c == '-'));
    }
    CHECK(rules().size() == 14);
}

TEST_CASE("each rule fires when it should and only then") {
    CHECK(rule_names(complete_offer()).empty());
    job_offer o = complete_offer();
    o.reference.clear();
    CHECK(rule_names(o) == names{"missing-reference"});
    o = complete_offer();
    o.title.clear();
    o.employer.clear();
    CHECK(rule_names(o) == names{"missing-title", "missing-employer"});
    o = complete_offer();
    o.deadline.reset();
    CHECK(rule_names(o) == names{"missing-deadline"});
    o.posted_on.reset();
    o.deadline = date::from_ymd(2026, 5, 8);
    CHECK(rule_names(o).empty());  // no posting date: nothing to compare with
    o = complete_offer();
    o.deadline = o.posted_on;  // the same day: allowed, but unusual
    CHECK(rule_names(o) == names{"window-unusual"});
    o.deadline = date::from_ymd(2026, 4, 24);  // a week
    CHECK(rule_names(o).empty());
    o.deadline = date::from_ymd(2026, 7, 18);  // 92 days
    CHECK(rule_names(o).empty());
    o.deadline = date::from_ymd(2026, 7, 19);
    CHECK(rule_names(o) == names{"window-unusual"});
    o.deadline = date::from_ymd(2026, 4, 16);
    CHECK(rule_names(o) == names{"deadline-before-posting"});
    o.deadline = date::from_ymd(2027, 4, 18);  // 366 days: possible, unusual
    CHECK(rule_names(o) == names{"window-unusual"});
    o.deadline = date::from_ymd(2027, 4, 19);
    CHECK(rule_names(o) == names{"deadline-long-after-posting"});
    std::vector<finding> found;
    check_offer(o, found);
    CHECK(found[0].message == "the deadline 2027-04-19 is more than a year after the posting date 2026-04-17");
    const diagnostic d = to_diagnostic(found[0], {"a.json", 3, 0, {}});
    CHECK(d.to_string() ==
          "a.json:3: warning: the deadline 2027-04-19 is more than a year after the posting date 2026-04-17 "
          "[deadline-long-after-posting]");
}

TEST_CASE("the reference's spelling and year and the posting date against the reference's date") {
    job_offer o = complete_offer();
    o.reference = "9001-26-0700 SR";
    CHECK(rule_names(o) == names{"reference-format"});
    std::vector<finding> found;
    check_offer(o, found);
    CHECK(found[0].message ==
          "the reference \"9001-26-0700 SR\" is usually spelt \"9001-26-0700/SR\" (kept as written; both name the "
          "same offer)");
    o.reference = "9001-26-700/SR";  // a shorter number: the batch compares with the employer's others
    CHECK(rule_names(o).empty());
    o.reference = "PEN-2026-104";
    CHECK(rule_names(o).empty());
    o.reference = "2026-0700";  // no prefix: a shape of its own, not checked
    CHECK(rule_names(o).empty());
    o.reference = "9001-25-0700/SR";
    o.reference_date = date::from_ymd(2026, 4, 17);
    CHECK(rule_names(o) == names{"reference-year-mismatch"});
    o = complete_offer();
    o.reference_date = date::from_ymd(2026, 4, 17);
    CHECK(rule_names(o).empty());
    o.reference_date = date::from_ymd(2026, 4, 24);  // posted a week before the reference's date: allowed
    CHECK(rule_names(o).empty());
    o.reference_date = date::from_ymd(2026, 4, 25);
    CHECK(rule_names(o) == names{"posting-far-from-reference"});
    o.reference_date = date::from_ymd(2026, 3, 10);
    CHECK(rule_names(o) == names{"posting-far-from-reference"});
}

TEST_CASE("the cross-checks are in the catalogue but need more than the offer") {
    for (std::string_view n : {"weekday-mismatch", "dates-swapped", "metadata-mismatch", "duplicate-offer"}) {
        const auto it = std::find_if(rules().begin(), rules().end(), [&](const rule& r) { return r.name == n; });
        CHECK(it != rules().end());
    }
    job_offer o = complete_offer();
    CHECK(rule_names(o).empty());  // check_offer never reports them
}

TEST_CASE("one rule gives one message for every input kind, at the place of the field") {
    job_offer swapped = complete_offer();
    swapped.deadline = date::from_ymd(2026, 3, 27);
    const std::string message = "the deadline 2026-03-27 is before the posting date 2026-04-17";

    // canonical JSON, through validate_offer
    diagnostics from_json;
    validate_offer(swapped, {"offer.json", 0, 0, {}}, from_json);
    REQUIRE(from_json.size() == 1);
    CHECK(from_json.items()[0].message == message);
    CHECK(from_json.items()[0].rule == "deadline-before-posting");

    // a posting text: the line of the deadline
    diagnostics from_text;
    parse_posting(
        "# Commune de Bourail – Agent(e) d'accueil\n\n"
        "Référence : 9001-26-0700/SR\n"
        "Employeur : Commune de Bourail\n"
        "Date de dépôt de l'offre : 17/04/2026\n"
        "Date limite de candidature : 27/03/2026\n",
        "avis.txt", from_text);
    bool seen_in_text = false;
    for (const auto& d : from_text)
        if (d.rule == "deadline-before-posting") {
            seen_in_text = true;
            CHECK(d.message == message);
            CHECK(d.where.line == 6);
        }
    CHECK(seen_in_text);

    // JobPosting: the property that carries the deadline
    diagnostics from_jsonld;
    offers_from_jobposting(to_jobposting_json(swapped), "offer.jsonld", from_jsonld);
    REQUIRE(from_jsonld.size() == 1);
    CHECK(from_jsonld.items()[0].message == message);
    CHECK(from_jsonld.items()[0].where.path == "validThrough");
    CHECK(jobposting_property("deadline") == "validThrough");
    CHECK(jobposting_property("employer") == "hiringOrganization");
    CHECK(jobposting_property("grade").empty());
}

TEST_CASE("docs/rules.md lists every rule of the catalogue") {
    const std::string doc = testing::read_file(testing::source_dir() / "docs" / "rules.md");
    for (const rule& r : rules()) {
        INFO(r.name);
        CHECK_THAT(doc, Catch::Contains("| `" + std::string(r.name) + "` |"));
    }
}
