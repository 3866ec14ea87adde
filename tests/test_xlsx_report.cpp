// The xlsx plugin's report model (plugins/xlsx/report.hpp): the figures of a
// month or a year, counted one offer at a time, checked here without a
// workbook against counts made independently in the test; then the Qualité
// sheet's detail of a duplicate, read back by openpyxl.
#include "support/test_support.hpp"

#include "report.hpp"

#include <offerkit/exporter.hpp>
#include <offerkit/plugins/xlsx.hpp>
#include <offerkit/registry.hpp>

using namespace offerkit;
using offerkit::xlsx_plugin::issue_kind;

namespace {

job_offer offer(std::string ref, std::optional<date> posted, std::optional<date> deadline,
                std::optional<std::string> direction = std::nullopt) {
    job_offer o;
    o.reference = std::move(ref);
    o.title = "Agent(e)";
    o.employer = "Commune de Bourail";
    o.direction = std::move(direction);
    o.posted_on = posted;
    o.deadline = deadline;
    return o;
}

date d(int y, int m, int day) { return *date::from_ymd(y, m, day); }

// Feeds `offers` as the workbook does: receive, then list at the next row of the offer's sheet.
void count_all(xlsx_plugin::report& r, const std::vector<job_offer>& offers) {
    std::array<std::uint32_t, 12> rows{};
    for (const auto& o : offers) {
        const int sheet = r.receive(o);
        if (sheet >= 0) r.list(o, sheet, ++rows[static_cast<std::size_t>(sheet)]);
    }
}

}  // namespace

TEST_CASE("a monthly report counts the period and every offer apart") {
    const auto s = xlsx_plugin::read_settings({{"month", "2026-10"}, {"as-of", "2026-11-02"}});
    xlsx_plugin::report r(s);
    const std::vector<job_offer> offers = {
        offer("A", d(2026, 10, 1), d(2026, 10, 22), "DSI"),   // in the period, window 21, deadline in period
        offer("B", d(2026, 10, 20), d(2026, 11, 10), "DSI"),  // open at the end, closing soon (8 days after as-of)
        offer("A", d(2026, 10, 21), d(2026, 10, 30)),         // duplicate reference; window 9
        offer("C", d(2026, 10, 5), d(2026, 10, 1)),           // deadline before posting: 4 days
        offer("D", d(2026, 9, 10), d(2026, 11, 30)),          // another month: counted in `all` only
        offer("E", std::nullopt, d(2026, 12, 1)),             // no posting date: an issue, in no sheet
        offer("F", d(2026, 10, 9), std::nullopt),             // no deadline
    };
    count_all(r, offers);
    CHECK(r.received == 7);
    CHECK(r.period.published == 5);
    CHECK(r.all.published == 5);   // listed offers only
    CHECK(r.period.windows == 3);  // A, B, the second A (C's is negative, F has no deadline)
    CHECK(r.period.window_days == 21 + 21 + 9);
    CHECK(r.period.open_at_end == 1);         // B (deadline on or after 31 October)
    CHECK(r.all.open_at_end == 1 + 1 + 1);    // B, D, E
    CHECK(r.period.deadline_in_period == 3);  // A, A, C
    CHECK(r.period.closing_soon == 1);        // B: 2 to 16 November
    CHECK(r.by_direction.at("DSI") == 2);
    CHECK(r.by_direction.at("") == 3);
    CHECK(r.by_employer.at("Commune de Bourail") == 5);
    // the trend: 12 months up to October 2026
    CHECK(r.trend[11] == 5);
    CHECK(r.trend[10] == 1);  // D, posted in September
    // the issues, in the order met
    std::vector<issue_kind> kinds;
    for (const auto& q : r.issues) kinds.push_back(q.kind);
    CHECK(kinds == std::vector<issue_kind>{issue_kind::duplicate_reference, issue_kind::deadline_before_posting,
                                           issue_kind::missing_posting_date, issue_kind::missing_deadline});
    CHECK(r.issues[0].sheet == 0);
    CHECK(r.issues[0].row == 3);
    CHECK(r.issues[0].first_sheet == 0);
    CHECK(r.issues[0].first_row == 1);
    CHECK(r.issues[1].detail == "4 jours avant le dépôt");
    CHECK(r.issues[2].sheet == -1);
}

TEST_CASE("a yearly report lists each offer on the sheet of its month") {
    const auto s = xlsx_plugin::read_settings({{"year", "2026"}, {"as-of", "2027-01-05"}, {"lang", "en"}});
    xlsx_plugin::report r(s);
    CHECK(r.receive(offer("A", d(2026, 3, 2), d(2026, 3, 20))) == 2);
    CHECK(r.receive(offer("B", d(2025, 12, 30), d(2026, 1, 20))) == -1);
    CHECK(r.receive(offer("C", d(2026, 12, 31), d(2026, 12, 1))) == 11);
    r.list(offer("C", d(2026, 12, 31), d(2026, 12, 1)), 11, 1);
    REQUIRE(r.issues.size() == 1);
    CHECK(r.issues[0].detail == "30 days before posting");
    CHECK(r.all.deadline_in_period == 3);  // A, B and C: deadlines in 2026
}

TEST_CASE("the Qualité sheet says where a duplicate reference was first seen") {
    registry reg;
    plugins::register_xlsx(reg);
    testing::temp_dir dir;
    diagnostics diags;
    auto session =
        reg.get("xlsx").begin({dir / "q.xlsx", nullptr}, {{"month", "2026-10"}, {"as-of", "2026-11-02"}}, diags);
    session->write(offer("9001-26-0800/SR", d(2026, 10, 1), d(2026, 10, 22)));
    session->write(offer("9001-26-0801/SR", d(2026, 10, 2), d(2026, 10, 22)));
    session->write(offer("9001-26-0800/SR", d(2026, 10, 3), d(2026, 10, 22)));
    session->finish();
    const auto r = testing::run(
        testing::python() + " -c " +
        testing::shell_quote(
            "import openpyxl,sys\n"
            "wb=openpyxl.load_workbook(sys.argv[1])\n"
            "ws=[w for w in wb.worksheets if w.title.startswith('Qualit')][0]\n"
            "for row in ws.iter_rows(min_row=2, values_only=True): print(row[0], '|', row[6], '|', row[7])\n") +
        " " + testing::shell_quote((dir / "q.xlsx").string()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("Référence en double | déjà en ") && Catch::Contains(", ligne 2 |"));
}
