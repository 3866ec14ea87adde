// offerkit/date.hpp — a calendar date (proleptic Gregorian), header-only.
//
// `offerkit::date` is a plain value type: year, month, day, always valid once
// constructed. Read and write ISO 8601 `YYYY-MM-DD`; 2025-02-30 is rejected.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace offerkit {

class date {
public:
    /// The Unix epoch, 1970-01-01. A default date is a valid date.
    constexpr date() noexcept = default;

    /// True when y-m-d names a real day (leap years included), years 1..9999.
    static constexpr bool is_valid(int y, int m, int d) noexcept {
        return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
    }
    static constexpr bool is_leap_year(int y) noexcept { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
    static constexpr int days_in_month(int y, int m) noexcept {
        constexpr int lengths[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        if (m < 1 || m > 12) return 0;
        return m == 2 && is_leap_year(y) ? 29 : lengths[m - 1];
    }

    /// The date y-m-d, or nothing when it does not exist.
    static constexpr std::optional<date> from_ymd(int y, int m, int d) noexcept {
        if (!is_valid(y, m, d)) return std::nullopt;
        date r;
        r.y_ = static_cast<std::int16_t>(y);
        r.m_ = static_cast<std::int8_t>(m);
        r.d_ = static_cast<std::int8_t>(d);
        return r;
    }

    /// Parses exactly `YYYY-MM-DD` (ten characters). Nothing on any other text
    /// or on a day that does not exist.
    static constexpr std::optional<date> parse_iso(std::string_view s) noexcept {
        if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
        int v[3] = {0, 0, 0};
        const int starts[3] = {0, 5, 8}, lens[3] = {4, 2, 2};
        for (int f = 0; f < 3; ++f)
            for (int i = 0; i < lens[f]; ++i) {
                char c = s[static_cast<std::size_t>(starts[f] + i)];
                if (c < '0' || c > '9') return std::nullopt;
                v[f] = v[f] * 10 + (c - '0');
            }
        return from_ymd(v[0], v[1], v[2]);
    }

    /// The days since 1970-01-01 (negative before), for arithmetic.
    /// Howard Hinnant's days_from_civil.
    constexpr std::int64_t days_since_epoch() const noexcept {
        int y = y_ - (m_ <= 2 ? 1 : 0);
        const int era = (y >= 0 ? y : y - 399) / 400;
        const unsigned yoe = static_cast<unsigned>(y - era * 400);
        const unsigned mp = static_cast<unsigned>(m_ > 2 ? m_ - 3 : m_ + 9);
        const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d_) - 1;
        const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
    }
    /// The inverse of days_since_epoch. Nothing outside years 1..9999.
    static constexpr std::optional<date> from_days_since_epoch(std::int64_t z) noexcept {
        z += 719468;
        const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
        const unsigned doe = static_cast<unsigned>(z - era * 146097);
        const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
        const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
        const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        const unsigned mp = (5 * doy + 2) / 153;
        const unsigned d = doy - (153 * mp + 2) / 5 + 1;
        const unsigned m = mp < 10 ? mp + 3 : mp - 9;
        const std::int64_t year = y + (m <= 2 ? 1 : 0);
        if (year < 1 || year > 9999) return std::nullopt;
        return from_ymd(static_cast<int>(year), static_cast<int>(m), static_cast<int>(d));
    }

    /// 0 = Monday … 6 = Sunday (ISO weekday minus one).
    constexpr int weekday() const noexcept {
        const std::int64_t z = days_since_epoch();  // 1970-01-01 was a Thursday (3)
        return static_cast<int>(((z % 7) + 7 + 3) % 7);
    }

    /// This date plus n days (n may be negative). Nothing outside years 1..9999.
    constexpr std::optional<date> plus_days(std::int64_t n) const noexcept {
        return from_days_since_epoch(days_since_epoch() + n);
    }

    constexpr int year() const noexcept { return y_; }
    constexpr int month() const noexcept { return m_; }
    constexpr int day() const noexcept { return d_; }

    /// `YYYY-MM-DD`.
    std::string to_iso() const {
        std::string s(10, '-');
        auto put = [&s](std::size_t at, int value, int width) {
            for (int i = width - 1; i >= 0; --i, value /= 10)
                s[at + static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
        };
        put(0, y_, 4);
        put(5, m_, 2);
        put(8, d_, 2);
        return s;
    }

    friend constexpr bool operator==(const date&, const date&) noexcept = default;
    friend constexpr auto operator<=>(const date&, const date&) noexcept =
        default;  // NOLINT(modernize-use-nullptr): clang-tidy 14 on a defaulted <=>

private:
    // Member order gives the right ordering for the defaulted <=>.
    std::int16_t y_ = 1970;
    std::int8_t m_ = 1;
    std::int8_t d_ = 1;
};

/// Days from `a` to `b` (positive when b is later).
constexpr std::int64_t days_between(const date& a, const date& b) noexcept {
    return b.days_since_epoch() - a.days_since_epoch();
}

}  // namespace offerkit
