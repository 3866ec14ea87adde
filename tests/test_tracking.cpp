// Tracking files (offerkit/tracking.hpp): read as HR keep them, merged into
// the offers, every row applied or reported with its file and line.
#include "support/test_support.hpp"

#include <offerkit/error.hpp>
#include <offerkit/json.hpp>
#include <offerkit/tracking.hpp>

using namespace offerkit;
namespace fs = std::filesystem;

namespace {

date d(int y, int m, int dd) { return *date::from_ymd(y, m, dd); }

job_offer offer(std::string reference, date posted, date deadline) {
    job_offer o;
    o.reference = std::move(reference);
    o.title = "Agent";
    o.employer = "Office des postes et télécommunications";
    o.posted_on = posted;
    o.deadline = deadline;
    return o;
}

bool has(const diagnostics& diags, std::string_view rule, std::string_view where) {
    for (const auto& x : diags)
        if (x.rule == rule && x.where.to_string() == where) return true;
    return false;
}

std::string all(const diagnostics& diags) {
    std::string s;
    for (const auto& x : diags) s += x.to_string() + "\n";
    return s;
}

}  // namespace

TEST_CASE("a CSV saved by a French spreadsheet: semicolons, a BOM, French headers and dates") {
    const std::string text =
        "\xEF\xBB\xBF"
        "Référence;Événement;Date;Candidatures;Postes pourvus;Date de prise de poste;Commentaire\r\n"
        "9001-26-0101/SR;Clôturée;23/10/2026;11;;;\r\n"
        "9001-26-0101/SR;Pourvue;30/10/2026;;1;01/12/2026;\"Jury du 28; avis favorable\"\r\n"
        "\r\n"
        "9001-26-0101/SR;candidatures;2026-10-25;12;;;mise à jour\r\n";
    diagnostics diags;
    const auto rows = read_tracking(text, "suivi.csv", diags);
    INFO(all(diags));
    CHECK(diags.empty());
    REQUIRE(rows.size() == 3);
    CHECK(rows[0].kind == event_kind::closed);
    CHECK(rows[0].on == d(2026, 10, 23));
    CHECK(rows[0].applications == 11);
    CHECK(rows[0].where.to_string() == "suivi.csv:2");
    CHECK(rows[1].kind == event_kind::filled);
    CHECK(rows[1].posts_filled == 1);
    CHECK(rows[1].start_date == d(2026, 12, 1));
    CHECK(rows[1].note == "Jury du 28; avis favorable");
    CHECK_FALSE(rows[2].kind);  // counts only
    CHECK(rows[2].applications == 12);
    CHECK(rows[2].where.line == 5);
}

TEST_CASE("JSON Lines with the English keys — numbers as numbers or strings") {
    const std::string text =
        "{\"reference\": \"26-0640\", \"event\": \"filled\", \"date\": \"2026-11-02\", \"posts_filled\": 1}\n"
        "\n"
        "{\"reference\": \"26-0640\", \"event\": \"closed\", \"date\": \"2026-10-29\", \"applications\": \"7\"}\n";
    diagnostics diags;
    const auto rows = read_tracking(text, "suivi.jsonl", diags);
    CHECK(diags.empty());
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].posts_filled == 1);
    CHECK(rows[1].applications == 7);
    CHECK(rows[1].where.line == 3);
}

TEST_CASE("event words in French and English, case, accents and endings aside") {
    CHECK(event_kind_from_words("Publiée") == event_kind::published);
    CHECK(event_kind_from_words("mise en ligne") == event_kind::published);
    CHECK(event_kind_from_words("RE-PUBLIÉE") == event_kind::republished);
    CHECK(event_kind_from_words("clôturé") == event_kind::closed);
    CHECK(event_kind_from_words("pourvus") == event_kind::filled);
    CHECK(event_kind_from_words("Annulation") == event_kind::cancelled);
    CHECK(event_kind_from_words("infructueux") == event_kind::unsuccessful);
    CHECK(event_kind_from_words("non pourvue") == event_kind::unsuccessful);
    CHECK(event_kind_from_words("sans suite") == event_kind::unsuccessful);
    CHECK_FALSE(event_kind_from_words("entretien"));
}

TEST_CASE("rows that cannot be read are errors with their line, and the others are kept") {
    const std::string text =
        "reference,event,date,applications\n"
        "26-0101,entretien,2026-10-01,\n"       // 2: not an event
        "26-0101,filled,31/02/2026,\n"          // 3: not a date
        ",closed,2026-10-01,\n"                 // 4: no reference
        "26-0101,closed,,\n"                    // 5: an event without a date
        "26-0101,closed,2026-10-02,beaucoup\n"  // 6: not a number
        "26-0101,closed,2026-10-02,4,extra\n"   // 7: too many fields
        "26-0101,closed,2026-10-02,4\n";        // 8: fine
    diagnostics diags;
    const auto rows = read_tracking(text, "t.csv", diags);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].where.line == 8);
    CHECK(diags.count(severity::error) == 6);
    for (int line : {2, 3, 4, 5, 6, 7}) CHECK(has(diags, "tracking-invalid-row", "t.csv:" + std::to_string(line)));
    CHECK_THAT(all(diags), Catch::Contains("t.csv:2: error: event: \"entretien\" is not an event"));
    CHECK_THAT(all(diags), Catch::Contains("\"31/02/2026\" is not a date"));
    CHECK_THAT(all(diags), Catch::Contains("the closed event has no date"));
}

TEST_CASE("a file that is not a tracking file is refused as a whole, naming what it needs") {
    diagnostics diags;
    CHECK_THROWS_WITH(read_tracking("nom,prenom\nDupont,Marie\n", "x.csv", diags),
                      Catch::Contains("x.csv:1: not a tracking file") && Catch::Contains("reference column"));
    CHECK_THROWS_WITH(read_tracking("", "empty.csv", diags), Catch::Contains("empty tracking file"));
    CHECK_THROWS_WITH(read_tracking("reference,event\n\xff\n", "bad.csv", diags), Catch::Contains("not UTF-8"));
    try {
        read_tracking_file("/nonexistent/suivi.csv", diags);
        FAIL("no error");
    } catch (const error& e) {
        CHECK(e.code() == errc::io_error);
    }
}

TEST_CASE("merging: events in order, counts, status on the as-of day, and every refusal reported") {
    const std::string text =
        "reference;event;date;applications;posts filled;new reference\n"
        "9001-26-0101/SR;filled;30/10/2026;;1;\n"              // 2
        "9001-26-0101/SR;closed;23/10/2026;11;;\n"             // 3
        "9001-26-0101/SR;cancelled;31/10/2026;;;\n"            // 4: after the outcome
        "9001-26-0101/SR;closed;20/09/2026;;;\n"               // 5: before publication
        "9003-26-0330/PN;cancelled;15/12/2026;;;\n"            // 6: after as-of
        "9099-26-0999/SR;closed;01/10/2026;;;\n"               // 7: unknown reference
        "26-0330;candidatures;01/11/2026;5;;\n"                // 8: another spelling of 9003-26-0330/PN
        "9010-26-0911/SR;unsuccessful;23/10/2026;;;\n"         // 9
        "9010-26-0911/SR;republished;26/10/2026;;;26-0640\n";  // 10: the new offer is in the batch
    diagnostics read_diags;
    tracking_log log(d(2026, 11, 2));
    log.add(read_tracking(text, "suivi.csv", read_diags));
    REQUIRE(read_diags.empty());
    REQUIRE(log.size() == 9);

    std::vector<job_offer> offers{offer("9001-26-0101/SR", d(2026, 10, 2), d(2026, 10, 23)),
                                  offer("9003-26-0330/PN", d(2026, 10, 16), d(2026, 11, 13)),
                                  offer("9010-26-0911/SR", d(2026, 9, 11), d(2026, 10, 2)),
                                  offer("26-0640", d(2026, 10, 28), d(2026, 11, 18))};
    diagnostics diags;
    CHECK(log.apply(offers[0], diags) == 2);
    CHECK(log.apply(offers[1], diags) == 1);
    CHECK(log.apply(offers[2], diags) == 2);
    CHECK(log.apply(offers[3], diags) == 0);
    log.report_unclaimed(diags);
    INFO(all(diags));

    const job_offer& a = offers[0];
    REQUIRE(a.events.size() == 2);
    CHECK(a.events[0].kind == event_kind::closed);  // in date order, whatever the file's
    CHECK(a.events[1].kind == event_kind::filled);
    CHECK(a.events[1].source == "suivi.csv:2");
    CHECK(a.applications == 11);
    CHECK(a.posts_filled == 1);
    CHECK(a.status == offer_status::filled);
    CHECK(has(diags, "tracking-event-order", "suivi.csv:4"));
    CHECK(has(diags, "tracking-event-order", "suivi.csv:5"));
    CHECK_THAT(all(diags),
               Catch::Contains("cancelled on 2026-10-31, after the offer's outcome (filled on 2026-10-30)"));
    CHECK_THAT(all(diags), Catch::Contains("closed on 2026-09-20, before the offer was published on 2026-10-02"));

    const job_offer& b = offers[1];
    CHECK(b.events.empty());
    CHECK(b.applications == 5);  // matched by its number
    CHECK_FALSE(b.status);       // no event: not tracked as a status
    CHECK(has(diags, "tracking-future-date", "suivi.csv:6"));
    CHECK(has(diags, "tracking-unknown-reference", "suivi.csv:7"));

    CHECK(offers[2].status == offer_status::unsuccessful);
    CHECK(offers[3].republication_of == "9010-26-0911/SR");  // the republished row names it
    CHECK(diags.size() == 4);
}

TEST_CASE("status on a day: published, closed by the deadline or an event, reopened, ended") {
    job_offer o = offer("A-26-0001", d(2026, 3, 2), d(2026, 3, 20));
    CHECK_FALSE(status_on(o, d(2026, 3, 1)));
    CHECK(status_on(o, d(2026, 3, 2)) == offer_status::published);
    CHECK(status_on(o, d(2026, 3, 20)) == offer_status::published);  // the deadline day is open
    CHECK(status_on(o, d(2026, 3, 21)) == offer_status::closed);
    CHECK(closed_on(o) == d(2026, 3, 20));
    o.events.push_back({event_kind::republished, d(2026, 3, 25), std::nullopt, std::nullopt, std::nullopt});
    CHECK(status_on(o, d(2026, 3, 26)) == offer_status::published);  // a second round, same reference
    o.events.push_back({event_kind::closed, d(2026, 4, 10), std::nullopt, std::nullopt, std::nullopt});
    CHECK(status_on(o, d(2026, 4, 11)) == offer_status::closed);
    o.events.push_back({event_kind::filled, d(2026, 5, 4), std::nullopt, std::nullopt, std::nullopt});
    CHECK(status_on(o, d(2026, 5, 4)) == offer_status::filled);
    REQUIRE(outcome_of(o));
    CHECK(outcome_of(o)->on == d(2026, 5, 4));
    CHECK(posts_filled_of(o) == 1);
    CHECK(posts_of(o) == 1);

    job_offer r = offer("A-26-0002", d(2026, 3, 2), d(2026, 3, 20));
    r.events.push_back({event_kind::republished, d(2026, 3, 28), "A-26-0050", std::nullopt, std::nullopt});
    CHECK(status_on(r, d(2026, 4, 1)) == offer_status::unsuccessful);  // repeated under a new reference
    CHECK(closed_on(r) == d(2026, 3, 20));

    job_offer given = offer("A-26-0003", d(2026, 3, 2), d(2026, 3, 20));
    given.status = offer_status::filled;  // from another system, without dates
    CHECK(status_on(given, d(2026, 4, 1)) == offer_status::filled);
}

TEST_CASE("tracked offers round-trip through canonical JSON") {
    job_offer o = offer("9001-26-0101/SR", d(2026, 10, 2), d(2026, 10, 23));
    o.status = offer_status::filled;
    o.events = {{event_kind::closed, d(2026, 10, 23), std::nullopt, std::nullopt, "suivi.csv:3"},
                {event_kind::filled, d(2026, 10, 30), std::nullopt, "Jury", "suivi.csv:2"}};
    o.applications = 11;
    o.posts_filled = 1;
    o.start_date = d(2026, 12, 1);
    diagnostics diags;
    CHECK(offer_from_json(to_json(o), {"t.json", 1, 0, {}}, diags) == o);
    CHECK(diags.empty());
    CHECK_THROWS_WITH(
        offer_from_json(R"({"reference":"A","title":"T","employer":"E","status":"done"})", {"t.json", 1, 0, {}}, diags),
        Catch::Contains("status") && Catch::Contains("\"filled\""));
}

TEST_CASE("the command line: --tracking merges, reports with file and line, and refuses unreadable rows") {
    testing::temp_dir dir;
    const fs::path posting = dir / "9001-26-0101.json";
    testing::write_file(posting, to_json(offer("9001-26-0101/SR", d(2026, 10, 2), d(2026, 10, 23))));
    testing::write_file(dir / "suivi.csv",
                        "Référence;Événement;Date;Candidatures\n"
                        "9001-26-0101/SR;Clôturée;23/10/2026;11\n"
                        "9001-26-0101/SR;Pourvue;30/10/2026;\n"
                        "9099-26-0999/SR;Pourvue;30/10/2026;\n");
    const std::string base = testing::cli_command() + " convert " + testing::shell_quote(posting.string()) +
                             " --tracking " + testing::shell_quote((dir / "suivi.csv").string()) +
                             " --as-of 2026-11-02 --to json -o ";
    auto r = testing::run(base + testing::shell_quote((dir / "out.json").string()));
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("suivi.csv:4: warning: no offer of the batch has the reference "
                                         "\"9099-26-0999/SR\"; the row is not applied [tracking-unknown-reference]"));
    const std::string out = testing::read_file(dir / "out.json");
    CHECK_THAT(out, Catch::Contains("\"status\": \"filled\"") && Catch::Contains("\"applications\": 11"));

    // A row that cannot be read: an error, and nothing written without --keep-going.
    testing::write_file(dir / "bad.csv", "reference,event,date\n9001-26-0101/SR,filled,demain\n");
    const std::string bad = testing::cli_command() + " convert " + testing::shell_quote(posting.string()) +
                            " --tracking " + testing::shell_quote((dir / "bad.csv").string()) +
                            " --as-of 2026-11-02 --to json -o " + testing::shell_quote((dir / "no.json").string());
    r = testing::run(bad);
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.output, Catch::Contains("bad.csv:2: error: date: \"demain\" is not a date"));
    CHECK_FALSE(fs::exists(dir / "no.json"));
    r = testing::run(bad + " --keep-going");
    CHECK(r.exit_code != 0);
    CHECK(fs::exists(dir / "no.json"));

    // A file that is no tracking file at all, and a bad --as-of.
    r = testing::run(base + testing::shell_quote((dir / "x.json").string()) + " --tracking " +
                     testing::shell_quote(posting.string()));
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.output, Catch::Contains("--tracking:"));
    r = testing::run(testing::cli_command() + " convert " + testing::shell_quote(posting.string()) +
                     " --as-of 2026-13-01 --to json -o -");
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.output, Catch::Contains("--as-of 2026-13-01: not a date"));
}
