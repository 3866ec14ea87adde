// The recruitment figures (offerkit/recruitment.hpp) and the summary format:
// counted by hand on a small batch, and computed independently in Python
// (tests/tools/check_summary.py) from the bundled examples and their tracking
// files, against the summary JSON and the workbook read by openpyxl.
#include "support/test_support.hpp"

#include <offerkit/plugins/summary.hpp>
#include <offerkit/recruitment.hpp>
#include <offerkit/registry.hpp>
#include <offerkit/tracking.hpp>

#include <boost/json.hpp>

using namespace offerkit;
namespace fs = std::filesystem;
namespace bj = boost::json;

namespace {

date d(int y, int m, int dd) { return *date::from_ymd(y, m, dd); }

job_offer offer(std::string reference, date posted, date deadline, std::string direction) {
    job_offer o;
    o.reference = std::move(reference);
    o.title = "Agent";
    o.employer = "Office des postes et télécommunications";
    o.direction = std::move(direction);
    o.posted_on = posted;
    o.deadline = deadline;
    return o;
}

offer_event ev(event_kind k, date on, std::optional<std::string> ref = std::nullopt) {
    return {k, on, std::move(ref), std::nullopt, std::nullopt};
}

// Five offers of March 2026, counted on 30 April.
std::vector<job_offer> march() {
    std::vector<job_offer> v;
    v.push_back(offer("A-26-0001", d(2026, 3, 2), d(2026, 3, 20), "DSI"));  // filled after 30 days, 2 posts
    v.back().openings = 2;
    v.back().posts_filled = 2;
    v.back().applications = 10;
    v.back().events = {ev(event_kind::closed, d(2026, 3, 20)), ev(event_kind::filled, d(2026, 4, 1))};
    v.push_back(offer("A-26-0002", d(2026, 3, 5), d(2026, 3, 26), "DSI"));  // filled in March after 20 days
    v.back().applications = 4;
    v.back().events = {ev(event_kind::filled, d(2026, 3, 25))};
    v.push_back(offer("A-26-0003", d(2026, 3, 10), d(2026, 4, 10), "DRH"));  // open at the end of March
    v.push_back(offer("A-26-0004", d(2026, 3, 12), d(2026, 3, 31), "DRH"));  // unsuccessful, re-published outside
    v.back().applications = 1;
    v.back().events = {ev(event_kind::unsuccessful, d(2026, 4, 3)),
                       ev(event_kind::republished, d(2026, 4, 6), "A-26-0100")};
    v.push_back(offer("A-26-0005", d(2026, 3, 20), d(2026, 4, 20), "DRH"));  // re-publishes an older offer
    v.back().republication_of = "A-25-0900";
    v.back().events = {ev(event_kind::cancelled, d(2026, 3, 30))};
    return v;
}

std::string run_summary(const std::vector<job_offer>& offers, const option_map& options, const fs::path& out) {
    registry reg;
    plugins::register_summary(reg);
    diagnostics diags;
    auto session = reg.get("summary").begin({out, nullptr}, options, diags);
    for (const auto& o : offers) session->write(o);
    session->finish();
    return testing::read_file(out);
}

}  // namespace

TEST_CASE("the figures of a month, counted by hand") {
    const auto r = recruitment_report_of(march(), report_period::month(2026, 3, d(2026, 4, 30)));
    const auto& f = r.figures;
    CHECK(r.offers == 5);
    CHECK(r.tracked == 4);
    CHECK(r.has_tracking());
    CHECK(f.published == 5);
    CHECK(f.posts_published == 6);
    CHECK(f.open_at_end == 2);  // 0003 and 0004 (its deadline is 31 March)
    CHECK(f.closed == 4);       // 0001 (20 March), 0002 (filled 25 March), 0005 (cancelled 30 March), 0004 (31 March)
    CHECK(f.filled == 1);       // 0002; 0001 is April's
    CHECK(f.posts_filled == 1);
    CHECK(f.cancelled == 1);
    CHECK(f.unsuccessful == 0);            // 0004 is April's
    CHECK(f.re_published == 1);            // 0005
    CHECK(f.published_posts_filled == 3);  // 0001's two and 0002's one, by 30 April
    REQUIRE(f.fill_rate);
    CHECK(*f.fill_rate == Approx(0.5));
    CHECK(f.days_to_fill.count == 1);
    CHECK(f.days_to_fill.median == 20.0);
    CHECK(f.applications.count == 3);
    CHECK(f.applications.median == 4.0);
    CHECK(*f.applications.p90 == Approx(8.8));  // 1, 4, 10: 4 + 0.8 × 6

    // April, from the 12-month trend: 0001 filled after 30 days, 0004 unsuccessful and re-published.
    REQUIRE(r.months.size() == 12);
    CHECK(r.months.front().year == 2025);
    CHECK(r.months.front().month == 4);
    const auto& april = recruitment_report_of(march(), report_period::month(2026, 4, d(2026, 4, 30))).figures;
    CHECK(april.filled == 1);
    CHECK(april.posts_filled == 2);
    CHECK(april.unsuccessful == 1);
    CHECK(april.re_published == 1);  // A-26-0100 is not in the batch
    CHECK(april.days_to_fill.median == 30.0);
    CHECK(april.published == 0);
    CHECK_FALSE(april.fill_rate);

    // By direction: most offers published first.
    REQUIRE(r.by_direction.size() == 2);
    CHECK(r.by_direction[0].name == "DRH");
    CHECK(r.by_direction[0].figures.published == 3);
    CHECK(r.by_direction[1].figures.filled == 1);
}

TEST_CASE("a re-publication whose new offer is in the batch is counted once, with the new offer") {
    auto v = march();
    v.push_back(offer("A-26-0100", d(2026, 4, 6), d(2026, 4, 27), "DRH"));
    v.back().republication_of = "A-26-0004";
    const auto april = recruitment_report_of(v, report_period::month(2026, 4, d(2026, 4, 30))).figures;
    CHECK(april.re_published == 1);
    CHECK(april.published == 1);
}

TEST_CASE("percentiles interpolate between ranks, as PERCENTILE.INC") {
    std::vector<job_offer> v;
    for (int days : {10, 20, 30, 40}) {
        v.push_back(offer("B-26-00" + std::to_string(days), d(2026, 1, 5), d(2026, 1, 26), "DSI"));
        v.back().events = {ev(event_kind::filled, *d(2026, 1, 5).plus_days(days))};
    }
    const auto f = recruitment_report_of(v, report_period::year(2026, d(2026, 12, 31))).figures;
    CHECK(f.days_to_fill.count == 4);
    CHECK(*f.days_to_fill.median == Approx(25.0));
    CHECK(*f.days_to_fill.p90 == Approx(37.0));  // 30 + 0.7 × 10
}

TEST_CASE("without tracking data the report says so, and counts publications only") {
    std::vector<job_offer> v{offer("C-26-0001", d(2026, 2, 2), d(2026, 2, 20), "DSI")};
    const auto r = recruitment_report_of(v, report_period::month(2026, 2, d(2026, 3, 1)));
    CHECK_FALSE(r.has_tracking());
    CHECK(r.figures.published == 1);
    CHECK(r.figures.closed == 1);
    CHECK(r.figures.filled == 0);
}

TEST_CASE("the period from options: month, year, as-of, and clear errors") {
    const auto p = report_period_from_options({{"as-of", "2026-01-15"}}, "summary");
    CHECK(p.start == d(2025, 12, 1));  // the month before as-of
    CHECK(p.end == d(2025, 12, 31));
    CHECK_FALSE(p.month_given);
    const auto y = report_period_from_options({{"year", "2026"}, {"as-of", "2026-06-30"}}, "summary");
    CHECK(y.yearly);
    CHECK(y.end == d(2026, 12, 31));
    CHECK_THROWS_WITH(report_period_from_options({{"month", "2026-13"}}, "summary"),
                      Catch::StartsWith("summary: option month=2026-13 is not a month"));
    CHECK_THROWS_WITH(report_period_from_options({{"month", "2026-01"}, {"year", "2026"}}, "summary"),
                      Catch::Contains("cannot be used together"));
}

TEST_CASE("the summary JSON: its documented keys, and the same bytes every run") {
    testing::temp_dir dir;
    const option_map options{{"month", "2026-03"}, {"as-of", "2026-04-30"}};
    const std::string a = run_summary(march(), options, dir / "a.json");
    const std::string b = run_summary(march(), options, dir / "b.json");
    CHECK(a == b);
    const bj::object s = bj::parse(a).as_object();
    CHECK(s.at("format") == "offerkit-summary/1");
    CHECK(s.at("period").at("kind") == "month");
    CHECK(s.at("tracking") == true);
    const auto& f = s.at("figures").as_object();
    for (const char* k :
         {"published", "posts_published", "open_at_end", "closed", "filled", "posts_filled", "unsuccessful",
          "cancelled", "re_published", "published_posts_filled", "fill_rate", "days_to_fill", "applications"})
        CHECK(f.contains(k));
    CHECK(f.at("fill_rate").as_double() == Approx(0.5));
    CHECK(s.at("months").as_array().size() == 12);
    CHECK(s.at("by_direction").as_array().size() == 2);
    // Every key the JSON has is documented.
    const std::string doc = testing::read_file(testing::source_dir() / "docs" / "summary.md");
    for (const auto& kv : f) CHECK_THAT(doc, Catch::Contains("`" + std::string(kv.key()) + "`"));
}

namespace {

void check_independently(const std::string& period, const std::string& as_of, bool workbook,
                         const std::vector<fs::path>& tracking) {
    testing::temp_dir dir;
    const fs::path ex = testing::source_dir() / "examples";
    std::string inputs;
    for (const auto& entry : fs::directory_iterator(ex / "postings")) {
        const auto e = entry.path().extension();
        if (e == ".txt" || e == ".md") inputs += " " + testing::shell_quote(entry.path().string());
    }
    inputs += " " + testing::shell_quote((ex / "opendata" / "avp-exemple.csv").string());
    std::string track;
    for (const auto& t : tracking) track += " --tracking " + testing::shell_quote(t.string());
    const std::string cli = testing::cli_command() + " convert -q" + inputs;
    const std::string when = (period.size() == 4 ? " --option year=" : " --option month=") + period;
    auto r = testing::run(cli + " --dedupe --to jsonl -o " + testing::shell_quote((dir / "offers.jsonl").string()));
    REQUIRE(r.exit_code == 0);
    r = testing::run(cli + track + " --as-of " + as_of + " --to summary" + when + " -o " +
                     testing::shell_quote((dir / "s.json").string()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    std::string book;
    if (workbook) {
        r = testing::run(cli + track + " --as-of " + as_of + " --to xlsx" + when + " -o " +
                         testing::shell_quote((dir / "w.xlsx").string()));
        REQUIRE(r.exit_code == 0);
        book = " " + testing::shell_quote((dir / "w.xlsx").string());
    }
    std::string files;
    for (const auto& t : tracking) files += " " + testing::shell_quote(t.string());
    r = testing::run(testing::python() + " " +
                     testing::shell_quote((testing::tests_dir() / "tools" / "check_summary.py").string()) + " " +
                     testing::shell_quote((dir / "offers.jsonl").string()) + " " + period + " " + as_of + " " +
                     testing::shell_quote((dir / "s.json").string()) + book + " --" + files);
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("0 mismatches"));
}

}  // namespace

TEST_CASE("every figure computed independently from the tracking files: a month, summary and workbook") {
    check_independently("2026-10", "2026-11-02", true,
                        {testing::source_dir() / "examples" / "tracking" / "suivi-2026.csv"});
}

TEST_CASE("every figure computed independently: a year month by month, with refused rows") {
    const std::vector<fs::path> files{testing::source_dir() / "examples" / "tracking" / "suivi-2026.csv",
                                      testing::tests_dir() / "data" / "tracking" / "suivi-complements.jsonl"};
    check_independently("2026", "2026-11-30", true, files);
    check_independently("2026-11", "2026-11-30", false, files);
}
