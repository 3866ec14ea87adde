// offerkit::date: ISO reading and writing, validity, arithmetic.
#include "support/test_support.hpp"

#include <offerkit/date.hpp>

using offerkit::date;

TEST_CASE("ISO dates are read and written") {
    const auto d = date::parse_iso("2025-06-06");
    REQUIRE(d);
    CHECK(d->year() == 2025);
    CHECK(d->month() == 6);
    CHECK(d->day() == 6);
    CHECK(d->to_iso() == "2025-06-06");
    CHECK(date::parse_iso("0001-01-01")->to_iso() == "0001-01-01");
    CHECK(date::parse_iso("9999-12-31")->to_iso() == "9999-12-31");
}

TEST_CASE("impossible or malformed dates are rejected") {
    for (const char* s : {"2025-02-30", "2025-02-29", "2025-13-01", "2025-00-10", "2025-04-31", "2025-6-6",
                          "2025/06/06", "20250606", "", "2025-06-06T00:00", " 2025-06-06", "0000-01-01", "2025-1a-01"})
        CHECK_FALSE(date::parse_iso(s));
    CHECK(date::parse_iso("2024-02-29"));
    CHECK(date::parse_iso("2000-02-29"));
    CHECK_FALSE(date::parse_iso("1900-02-29"));
    CHECK_FALSE(date::from_ymd(2025, 2, 30));
}

TEST_CASE("dates compare, count days and know their weekday") {
    const date a = *date::from_ymd(2025, 5, 16), b = *date::from_ymd(2025, 6, 6);
    CHECK(a < b);
    CHECK(a != b);
    CHECK(offerkit::days_between(a, b) == 21);
    CHECK(a.plus_days(21) == b);
    CHECK(date::parse_iso("1970-01-01")->days_since_epoch() == 0);
    CHECK(date::parse_iso("2000-03-01")->days_since_epoch() == 11017);
    CHECK(a.weekday() == 4);                               // Friday 16 May 2025
    CHECK(date::parse_iso("2026-11-22")->weekday() == 6);  // a Sunday
    CHECK(date::from_days_since_epoch(date::parse_iso("2024-12-31")->days_since_epoch() + 1) ==
          date::parse_iso("2025-01-01"));
    // Every day of four years survives the round trip through day numbers.
    date d = *date::from_ymd(2023, 1, 1);
    for (int i = 0; i < 4 * 366; ++i) {
        const auto back = date::from_days_since_epoch(d.days_since_epoch());
        REQUIRE(back == d);
        d = *d.plus_days(1);
    }
}
