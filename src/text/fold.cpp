// text::fold (text folded for comparisons, through utf8proc) and white space.
#include <offerkit/text.hpp>
#include <offerkit/utf8.hpp>

#include <utf8proc.h>

#include <array>

namespace offerkit::text {

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
            if (is_space(cp)) continue;  // handled before the table
            utf8proc_int32_t buf[16];
            int last_bound = 0;
            const auto n =
                utf8proc_decompose_char(static_cast<utf8proc_int32_t>(cp), buf, 16,
                                        static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK |
                                                                       UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT),
                                        &last_bound);
            if (n < 0 || n > 3) continue;
            t[cp].len = static_cast<std::uint8_t>(n);
            for (utf8proc_ssize_t k = 0; k < n; ++k) {
                auto c = static_cast<char32_t>(buf[k]);
                if (is_space(c)) c = ' ';
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
        utf8::append(out.text, c);
        for (std::size_t k = before; k < out.text.size(); ++k) out.src.push_back(at);
    };
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z') cp = cp - 'A' + 'a';
        if (cp == '\t' || cp == '\f' || cp == '\v' || cp == '\r' || cp == '\n') cp = ' ';
        if (cp == '`') cp = '\'';
        push(cp);
        return;
    }
    if (is_space(cp)) return push(' ');
    switch (cp) {
        case 0x2019:
        case 0x2018:
        case 0x02BC:
        case 0x00B4:
        case 0x2032:
        case 0x02B9: return push('\'');
        case 0x2013:
        case 0x2014:
        case 0x2010:
        case 0x2011:
        case 0x2212: return push('-');
        case 0x00AB:
        case 0x00BB:
        case 0x201C:
        case 0x201D: return push('"');
        // Letters utf8proc keeps whole, written out as French readers type them.
        case 0x0152:
        case 0x0153: push('o'); return push('e');  // Œ œ
        case 0x00C6:
        case 0x00E6: push('a'); return push('e');  // Æ æ
        case 0x00D8:
        case 0x00F8: return push('o');  // Ø ø
        case 0x00D0:
        case 0x00F0: return push('d');  // Ð ð
        case 0x00DE:
        case 0x00FE: push('t'); return push('h');  // Þ þ
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
        if (is_space(c)) c = ' ';
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
            if (c >= 'A' && c <= 'Z')
                f = static_cast<char>(c - 'A' + 'a');
            else if (c == '`')
                f = '\'';
            out.text += f;
            out.src.push_back(at);
            continue;
        }
        const auto at = static_cast<std::uint32_t>(i);
        const char32_t cp = utf8::next(s, i);
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

std::string squeeze_space(std::string_view s) {
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
        const char32_t cp = utf8::next(s, i);
        if (is_space(cp) || cp == '\n' || cp == '\r') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out.append(s.substr(at, i - at));
    }
    return out;
}

namespace {

// `s` with each run of the bytes `separator` accepts made one space, trimmed.
template <class Separator>
std::string collapse(std::string_view s, Separator separator) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (char c : s) {
        if (separator(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

}  // namespace

std::string collapse_ascii_space(std::string_view s) {
    return collapse(s,
                    [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; });
}

std::string fold_words(std::string_view s) {
    return collapse(fold(s), [](char c) { return c == ' ' || c == '-' || c == '_'; });
}

}  // namespace offerkit::text
