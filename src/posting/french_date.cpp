// posting/french_date.cpp — see french_date.hpp.
#include "posting/french_date.hpp"

#include "posting/text.hpp"

#include <array>

namespace offerkit::posting {

namespace {

bool digit(char c) noexcept { return c >= '0' && c <= '9'; }

int read_int(std::string_view s, std::size_t at, std::size_t len) noexcept {
    int v = 0;
    for (std::size_t k = 0; k < len; ++k) v = v * 10 + (s[at + k] - '0');
    return v;
}

std::size_t digits_at(std::string_view s, std::size_t at) noexcept {
    std::size_t n = 0;
    while (at + n < s.size() && digit(s[at + n])) ++n;
    return n;
}

}  // namespace

date_scan find_french_date(std::string_view text) {
    date_scan r;
    const std::string f = fold(text);
    const std::string_view s = f;
    auto record_bad = [&](std::size_t b, std::size_t e) {
        r.date_like = true;
        if (r.bad_text.empty()) r.bad_text = std::string(s.substr(b, e - b));
    };
    std::size_t i = 0;
    while (i < s.size()) {
        if (!digit(s[i]) || (i > 0 && digit(s[i - 1]))) {
            ++i;
            continue;
        }
        const std::size_t n = digits_at(s, i);
        // ISO yyyy-mm-dd
        if (n == 4 && i + 10 <= s.size() && s[i + 4] == '-' && digits_at(s, i + 5) == 2 && s[i + 7] == '-' &&
            digits_at(s, i + 8) == 2) {
            r.date_like = true;
            if (auto d = date::from_ymd(read_int(s, i, 4), read_int(s, i + 5, 2), read_int(s, i + 8, 2))) {
                r.value = d;
                return r;
            }
            record_bad(i, i + 10);
            i += 10;
            continue;
        }
        if (n == 1 || n == 2) {
            const int day = read_int(s, i, n);
            std::size_t j = i + n;
            // numeric: d/m/yyyy, d.m.yyyy, d-m-yyyy
            if (j < s.size() && (s[j] == '/' || s[j] == '.' || s[j] == '-')) {
                const char sep = s[j];
                const std::size_t mn = digits_at(s, j + 1);
                if ((mn == 1 || mn == 2) && j + 1 + mn < s.size() && s[j + 1 + mn] == sep) {
                    const int month = read_int(s, j + 1, mn);
                    const std::size_t yat = j + 2 + mn;
                    const std::size_t yn = digits_at(s, yat);
                    if (yn == 4 || yn == 2) {
                        int year = read_int(s, yat, yn);
                        if (yn == 2) year += 2000;
                        r.date_like = true;
                        if (auto d = date::from_ymd(year, month, day)) {
                            r.value = d;
                            return r;
                        }
                        record_bad(i, yat + yn);
                        i = yat + yn;
                        continue;
                    }
                }
            }
            // textual: d[er] month yyyy
            std::size_t k = j;
            while (k < s.size() && s[k] == ' ') ++k;
            if (s.substr(k, 2) == "er" && (k + 2 >= s.size() || s[k + 2] == ' ')) {
                k += 2;
                while (k < s.size() && s[k] == ' ') ++k;
            }
            std::size_t we = k;
            while (we < s.size() && s[we] != ' ' && !digit(s[we]) && s[we] != ',') ++we;
            const int month = text::french_month_number(s.substr(k, we - k));
            if (month != 0) {
                std::size_t y = we;
                while (y < s.size() && (s[y] == ' ' || s[y] == ',')) ++y;
                const std::size_t yn = digits_at(s, y);
                if (yn == 4) {
                    r.date_like = true;
                    if (auto d = date::from_ymd(read_int(s, y, 4), month, day)) {
                        r.value = d;
                        return r;
                    }
                    record_bad(i, y + 4);
                    i = y + 4;
                    continue;
                }
                r.date_like = true;
                if (r.bad_text.empty()) r.bad_text = std::string(s.substr(i, we - i));
            }
        }
        i += n;
    }
    return r;
}

}  // namespace offerkit::posting
