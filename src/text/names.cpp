// The names of months and weekdays, in French and English.
#include <offerkit/text.hpp>

#include <array>

namespace offerkit::text {

namespace {

constexpr std::array<std::string_view, 12> fr_months = {"janvier",   "février", "mars",     "avril",
                                                        "mai",       "juin",    "juillet",  "août",
                                                        "septembre", "octobre", "novembre", "décembre"};
constexpr std::array<std::string_view, 12> en_months = {"January",   "February", "March",    "April",
                                                        "May",       "June",     "July",     "August",
                                                        "September", "October",  "November", "December"};
constexpr std::array<std::string_view, 7> fr_days = {"lundi",    "mardi",  "mercredi", "jeudi",
                                                     "vendredi", "samedi", "dimanche"};
constexpr std::array<std::string_view, 7> en_days = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                                     "Friday", "Saturday", "Sunday"};

}  // namespace

std::string_view month_name(int month, language lang) noexcept {
    if (month < 1 || month > 12) return {};
    return (lang == language::en ? en_months : fr_months)[static_cast<std::size_t>(month - 1)];
}

std::string_view weekday_name(int weekday, language lang) noexcept {
    if (weekday < 0 || weekday > 6) return {};
    return (lang == language::en ? en_days : fr_days)[static_cast<std::size_t>(weekday)];
}

std::string date_in_words(const date& d, language lang) {
    std::string s = (lang == language::fr && d.day() == 1) ? std::string("1er") : std::to_string(d.day());
    s += ' ';
    s += month_name(d.month(), lang);
    s += ' ';
    s += std::to_string(d.year());
    return s;
}

std::string long_date_in_words(const date& d, language lang) {
    return std::string(weekday_name(d.weekday(), lang)) + ' ' + date_in_words(d, lang);
}

int french_month_number(std::string_view w) noexcept {
    struct entry {
        std::string_view name;
        int month;
    };
    // The folded full names, and the abbreviations postings use (a final '.' is ignored).
    static constexpr std::array<entry, 22> table{{
        {"janvier", 1},   {"janv", 1},      {"fevrier", 2},   {"fevr", 2}, {"fev", 2},      {"mars", 3},
        {"avril", 4},     {"avr", 4},       {"mai", 5},       {"juin", 6}, {"juillet", 7},  {"juil", 7},
        {"aout", 8},      {"septembre", 9}, {"sept", 9},      {"sep", 9},  {"octobre", 10}, {"oct", 10},
        {"novembre", 11}, {"nov", 11},      {"decembre", 12}, {"dec", 12},
    }};
    if (!w.empty() && w.back() == '.') w.remove_suffix(1);
    for (const auto& e : table)
        if (e.name == w) return e.month;
    return 0;
}

int french_weekday_number(std::string_view w) noexcept {
    static constexpr std::array<std::string_view, 7> folded_days = {"lundi",    "mardi",  "mercredi", "jeudi",
                                                                    "vendredi", "samedi", "dimanche"};
    for (std::size_t i = 0; i < folded_days.size(); ++i)
        if (folded_days[i] == w) return static_cast<int>(i);
    return -1;
}

}  // namespace offerkit::text
