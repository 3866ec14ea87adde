// posting/text.cpp — see text.hpp.
#include "posting/text.hpp"

#include <utf8proc.h>

#include <array>
#include <cstring>

namespace offerkit::posting {

bool is_alnum_cp(char32_t cp) noexcept {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT ||
           cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_ND;
}

static char32_t first_cp(std::string_view s) noexcept {
    if (s.empty()) return 0;
    std::size_t i = 0;
    return utf8::next(s, i);
}

bool starts_upper(std::string_view s) noexcept {
    const char32_t cp = first_cp(s);
    if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LU;
}
bool starts_lower(std::string_view s) noexcept {
    const char32_t cp = first_cp(s);
    if (cp < 0x80) return cp >= 'a' && cp <= 'z';
    return utf8proc_category(static_cast<utf8proc_int32_t>(cp)) == UTF8PROC_CATEGORY_LL;
}

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string trim_trailing_marks(std::string_view s, std::string_view ascii_marks) {
    for (;;) {
        s = trim(s);
        if (s.empty()) break;
        if (ascii_marks.find(s.back()) != std::string_view::npos) {
            s.remove_suffix(1);
            continue;
        }
        if (ends_with(s, "\u2013") || ends_with(s, "\u2014") || ends_with(s, "\u2022") || ends_with(s, "\u25CF")) {
            s.remove_suffix(3);
            continue;
        }
        break;
    }
    return std::string(s);
}

std::size_t word_count(std::string_view s) noexcept {
    std::size_t n = 0;
    bool in = false;
    for (char c : s) {
        if (c == ' ') {
            in = false;
        } else if (!in) {
            in = true;
            ++n;
        }
    }
    return n;
}

bool starts_with(std::string_view s, std::string_view p) noexcept { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) noexcept {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

}  // namespace offerkit::posting
