// posting/text.cpp — see text.hpp.
#include "posting/text.hpp"

#include <utf8proc.h>

#include <array>
#include <cstring>

namespace offerkit::posting {

std::size_t find_invalid_utf8(std::string_view s) noexcept {
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const std::size_t n = s.size();
    std::size_t i = 0;
    while (i < n) {
        // Fast path: 8 ASCII bytes at a time.
        while (i + 8 <= n) {
            std::uint64_t w = 0;
            std::memcpy(&w, p + i, 8);
            if (w & 0x8080808080808080ULL) break;
            i += 8;
        }
        if (i >= n) break;
        const unsigned char c = p[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t len = 0;
        char32_t cp = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2;
            cp = c & 0x1Fu;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3;
            cp = c & 0x0Fu;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4;
            cp = c & 0x07u;
        } else {
            return i;
        }
        if (i + len > n) return i;
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned char cc = p[i + k];
            if ((cc & 0xC0) != 0x80) return i;
            cp = (cp << 6) | (cc & 0x3Fu);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return std::string_view::npos;
}

bool is_alnum_cp(char32_t cp) noexcept {
    if (cp < 0x80) return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
    return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT ||
           cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_ND;
}

static char32_t first_cp(std::string_view s) noexcept {
    if (s.empty()) return 0;
    std::size_t i = 0;
    return decode(s, i);
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

namespace {

struct fold_entry {
    std::uint8_t len = 0xFF;  // 0xFF: not in the table (computed each time)
    char32_t cps[3] = {0, 0, 0};
};
constexpr char32_t fold_table_size = 0x600;

const std::array<fold_entry, fold_table_size>& fold_table() {
    static const std::array<fold_entry, fold_table_size> table = [] {
        std::array<fold_entry, fold_table_size> t{};
        for (char32_t cp = 0x80; cp < fold_table_size; ++cp) {
            if (is_space_cp(cp)) continue;  // handled before the table
            utf8proc_int32_t buf[16];
            int last_bound = 0;
            const auto n = utf8proc_decompose_char(
                static_cast<utf8proc_int32_t>(cp), buf, 16,
                static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE |
                                               UTF8PROC_COMPAT),
                &last_bound);
            if (n < 0 || n > 3) continue;
            t[cp].len = static_cast<std::uint8_t>(n);
            for (utf8proc_ssize_t k = 0; k < n; ++k) {
                auto c = static_cast<char32_t>(buf[k]);
                if (is_space_cp(c)) c = ' ';
                t[cp].cps[k] = c;
            }
        }
        return t;
    }();
    return table;
}

void emit_folded_cp(folded& out, char32_t cp, std::uint32_t at, bool& pending_space, bool& after_slash) {
    auto push = [&](char32_t c) {
        if (c == ' ') {
            if (!out.text.empty() && !after_slash) pending_space = true;
            return;
        }
        if (c == '/') {
            pending_space = false;
            after_slash = true;
        } else if (pending_space) {
            out.text += ' ';
            out.src.push_back(at);
            pending_space = false;
            after_slash = false;
        } else {
            after_slash = false;
        }
        const std::size_t before = out.text.size();
        append_utf8(out.text, c);
        for (std::size_t k = before; k < out.text.size(); ++k) out.src.push_back(at);
    };
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') cp = cp - 'A' + 'a';
        if (cp == '\t' || cp == '\f' || cp == '\v' || cp == '\r' || cp == '\n') cp = ' ';
        if (cp == '`') cp = '\'';
        push(cp);
        return;
    }
    if (is_space_cp(cp)) return push(' ');
    switch (cp) {
        case 0x2019: case 0x2018: case 0x02BC: case 0x00B4: case 0x2032: case 0x02B9:
            return push('\'');
        case 0x2013: case 0x2014: case 0x2010: case 0x2011: case 0x2212:
            return push('-');
        case 0x00AB: case 0x00BB: case 0x201C: case 0x201D:
            return push('"');
        default: break;
    }
    // Latin letters with accents are most of the non-ASCII text: their folding
    // is computed once, in a table built on first use (thread-safe static).
    if (cp < fold_table_size) {
        const auto& e = fold_table()[cp];
        if (e.len != 0xFF) {
            for (std::uint8_t k = 0; k < e.len; ++k) push(e.cps[k]);
            return;
        }
    }
    utf8proc_int32_t buf[16];
    int last_bound = 0;
    const auto n = utf8proc_decompose_char(
        static_cast<utf8proc_int32_t>(cp), buf, 16,
        static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK | UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT),
        &last_bound);
    if (n < 0 || n > 16) return push(cp);
    for (utf8proc_ssize_t k = 0; k < n; ++k) {
        auto c = static_cast<char32_t>(buf[k]);
        if (is_space_cp(c)) c = ' ';
        push(c);
    }
}

}  // namespace

void fold(std::string_view s, folded& out) {
    out.text.clear();
    out.src.clear();
    out.text.reserve(s.size());
    out.src.reserve(s.size() + 1);
    bool pending_space = false, after_slash = false;
    std::size_t i = 0;
    const std::size_t n = s.size();
    while (i < n) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80 && c != ' ' && c != '\t' && c != '\r' && c != '\n' && c != '\f' && c != '\v' && c != '/' &&
            c != '`') {
            // ASCII fast path: a run of letters, digits and punctuation is copied in one go
            std::size_t j = i + 1;
            while (j < n) {
                const auto d = static_cast<unsigned char>(s[j]);
                if (d == ' ' && j + 1 < n) {
                    // one space between two words stays in the run (it folds to itself)
                    const auto e = static_cast<unsigned char>(s[j + 1]);
                    if (e < 0x80 && e != ' ' && e != '\t' && e != '\r' && e != '\n' && e != '\f' && e != '\v' &&
                        e != '/' && e != '`') {
                        j += 2;
                        continue;
                    }
                }
                if (d >= 0x80 || d == ' ' || d == '\t' || d == '\r' || d == '\n' || d == '\f' || d == '\v' ||
                    d == '/' || d == '`')
                    break;
                ++j;
            }
            if (pending_space) {
                out.text += ' ';
                out.src.push_back(static_cast<std::uint32_t>(i));
                pending_space = false;
            }
            after_slash = false;
            const std::size_t old = out.text.size(), olds = out.src.size();
            out.text.resize(old + (j - i));
            out.src.resize(olds + (j - i));
            char* d = out.text.data() + old;
            std::uint32_t* ds = out.src.data() + olds;
            for (std::size_t k = i; k < j; ++k) {
                const char ch = s[k];
                *d++ = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
                // a space maps to the character after it, as on the slow path
                *ds++ = static_cast<std::uint32_t>(ch == ' ' ? k + 1 : k);
            }
            i = j;
            continue;
        }
        if (c < 0x80) {
            const auto at = static_cast<std::uint32_t>(i);
            ++i;
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v') {
                if (!out.text.empty() && !after_slash) pending_space = true;
                continue;
            }
            if (c == '/') {
                pending_space = false;
                after_slash = true;
                out.text += '/';
                out.src.push_back(at);
                continue;
            }
            if (pending_space) {
                out.text += ' ';
                out.src.push_back(at);
                pending_space = false;
            }
            after_slash = false;
            char f = static_cast<char>(c);
            if (c >= 'A' && c <= 'Z') f = static_cast<char>(c - 'A' + 'a');
            else if (c == '`') f = '\'';
            out.text += f;
            out.src.push_back(at);
            continue;
        }
        const auto at = static_cast<std::uint32_t>(i);
        const char32_t cp = decode(s, i);
        emit_folded_cp(out, cp, at, pending_space, after_slash);
    }
    out.src.push_back(static_cast<std::uint32_t>(s.size()));
}

std::string fold(std::string_view s) {
    // the offsets are not needed here: one buffer per thread keeps their
    // allocation out of the many small folds of the parser
    thread_local folded f;
    fold(s, f);
    return f.text;
}

std::string_view trim(std::string_view s) noexcept {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string squeeze(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    bool space = false;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) {
            ++i;
            if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
                space = !out.empty();
                continue;
            }
            if (space) out += ' ';
            space = false;
            out += static_cast<char>(c);
            continue;
        }
        const std::size_t at = i;
        const char32_t cp = decode(s, i);
        if (is_space_cp(cp) || cp == '\n' || cp == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out.append(s.substr(at, i - at));
    }
    return out;
}

std::string trim_trailing_marks(std::string_view s, std::string_view ascii_marks) {
    for (;;) {
        s = trim(s);
        if (s.empty()) break;
        if (ascii_marks.find(s.back()) != std::string_view::npos) {
            s.remove_suffix(1);
            continue;
        }
        if (ends_with(s, "\u2013") || ends_with(s, "\u2014") || ends_with(s, "\u2022") ||
            ends_with(s, "\u25CF")) {
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
