// posting/lines.cpp — see lines.hpp.
#include "posting/lines.hpp"

#include "posting/text.hpp"

#include <algorithm>
#include <cctype>

namespace offerkit::posting {

namespace {

/// Bytes of a white-space code point other than ASCII at s[i] (U+00A0, U+2002…U+200A, U+202F, U+205F, U+3000), else 0.
std::size_t space_sequence(std::string_view s, std::size_t i) noexcept {
    const auto b = [&](std::size_t k) { return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0u; };
    const unsigned c = b(0);
    if (c == 0xC2) return b(1) == 0xA0 ? 2 : 0;
    if (c == 0xE2) {
        if (b(1) == 0x80 && ((b(2) >= 0x82 && b(2) <= 0x8A) || b(2) == 0xAF)) return 3;
        if (b(1) == 0x81 && b(2) == 0x9F) return 3;
        return 0;
    }
    if (c == 0xE3) return b(1) == 0x80 && b(2) == 0x80 ? 3 : 0;
    return 0;
}

bool ascii_punct(char c) noexcept {
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') || (c >= '{' && c <= '~');
}
bool is_digit(char c) noexcept { return c >= '0' && c <= '9'; }

/// Removes HTML tags (keeping their text, and the href of links with their words in `links`).
std::string strip_html(std::string_view s, std::vector<line_link>& links, bool& had_tags) {
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    std::size_t open_link = std::string::npos;  // the <a> whose words are being read
    while (i < s.size()) {
        if (s[i] == '<') {
            const std::size_t close = s.find('>', i + 1);
            const bool tagish =
                close != std::string_view::npos && i + 1 < s.size() &&
                (std::isalpha(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '/' || s[i + 1] == '!');
            if (tagish) {
                std::string_view tag = s.substr(i + 1, close - i - 1);
                if (starts_with(tag, "http://") || starts_with(tag, "https://") || starts_with(tag, "mailto:")) {
                    // autolink <https://…>
                    links.push_back({std::string(tag), std::string(tag)});
                    out.append(tag);
                    i = close + 1;
                    continue;
                }
                had_tags = true;
                const std::size_t href = tag.find("href=\"");
                if (href != std::string_view::npos) {
                    const std::size_t e = tag.find('"', href + 6);
                    if (e != std::string_view::npos) {
                        links.push_back({std::string(tag.substr(href + 6, e - href - 6)), {}});
                        if (starts_with(tag, "a ")) open_link = links.size() - 1;
                    }
                }
                if (starts_with(tag, "/a")) {
                    if (open_link < links.size()) links[open_link].text = text::squeeze_space(links[open_link].text);
                    open_link = std::string::npos;
                }
                if (starts_with(tag, "br")) out += ' ';
                i = close + 1;
                continue;
            }
        }
        if (open_link < links.size()) links[open_link].text += s[i];
        out += s[i++];
    }
    return out;
}

}  // namespace

bool is_noise_line(std::string_view f) noexcept {
    f = trim(f);
    if (f.empty()) return false;
    if (f == "opt" || f == "qpt" || f == "opt-nc" || f == "." || f == "-" || f == "..") return true;
    if (f == "le monde a portee de main") return true;
    if (starts_with(f, "www.") && f.find(' ') == std::string_view::npos) return true;
    if (starts_with(f, "page ")) {  // Page 1/2, Page 1 sur 2
        std::string_view r = f.substr(5);
        std::size_t k = 0;
        while (k < r.size() && is_digit(r[k])) ++k;
        if (k > 0) {
            r = trim(r.substr(k));
            if (r.empty()) return true;
            if (starts_with(r, "/") || starts_with(r, "sur ")) return true;
        }
    }
    {  // "1/2" alone
        std::size_t k = 0;
        while (k < f.size() && is_digit(f[k])) ++k;
        if (k > 0 && k < f.size() && f[k] == '/') {
            std::size_t m = k + 1;
            while (m < f.size() && is_digit(f[m])) ++m;
            if (m == f.size() && m > k + 1) return true;
        }
    }
    return false;
}

std::string strip_logo_tokens(std::string_view text) {
    std::string_view s = trim(text);
    auto is_logo = [](std::string_view w) { return w == "QPT" || w == "OPT"; };
    for (;;) {
        const std::size_t sp = s.find(' ');
        if (sp == std::string_view::npos) {
            if (is_logo(s)) s = {};
            break;
        }
        if (!is_logo(s.substr(0, sp))) break;
        s = trim(s.substr(sp + 1));
    }
    for (;;) {
        const std::size_t sp = s.rfind(' ');
        if (sp == std::string_view::npos) break;
        if (!is_logo(s.substr(sp + 1))) break;
        s = trim(s.substr(0, sp));
    }
    return std::string(s);
}

/// Removes a leading bullet or number marker from `s`; sets line fields.
std::string_view take_marker(std::string_view s, text_line& line) {
    s = trim(s);
    for (int round = 0; round < 2; ++round) {
        if (s.empty()) break;
        const auto first = static_cast<unsigned char>(s[0]);
        if (first < 0x80 && first != '-' && first != '*' && first != '+' && !(first >= '0' && first <= '9')) break;
        bool took = false;
        static constexpr std::string_view bullets[] = {"\u2022", "\u25CF", "\u25AA", "\u25E6", "\u2013", "\u2014",
                                                       "\u27A2", "\u2043", "\u25A0", "\u25BA", "\u2192", "\uF0B7"};
        for (auto b : bullets)
            if (starts_with(s, b)) {
                s = trim(s.substr(b.size()));
                line.bullet = took = true;
                break;
            }
        if (!took && s.size() >= 2 && (s[0] == '-' || s[0] == '*' || s[0] == '+') && s[1] == ' ') {
            s = trim(s.substr(2));
            line.bullet = took = true;
        }
        if (!took && s.size() >= 2 && s[0] == '-' && s[1] != '-' && !is_digit(s[1]) && s[1] != '>') {
            // "-Renforcer": a dash glued to the first word
            s = trim(s.substr(1));
            line.bullet = took = true;
        }
        if (!took && !s.empty() && is_digit(s[0])) {
            std::size_t k = 0;
            while (k < s.size() && is_digit(s[k])) ++k;
            if (k <= 2 && k + 1 < s.size() && (s[k] == ')' || s[k] == '.') && !is_digit(s[k + 1]) &&
                (s[k + 1] == ' ' || starts_upper(s.substr(k + 1)))) {
                int v = 0;
                for (std::size_t m = 0; m < k; ++m) v = v * 10 + (s[m] - '0');
                line.number = v;
                line.bullet = took = true;
                s = trim(s.substr(k + 1));
            }
        }
        if (!took) break;
    }
    return s;
}

namespace {

void clean_inline(std::string_view s, text_line& line) {
    std::string& out = line.text;
    out.clear();
    out.reserve(s.size());
    bool bold = false;
    bool pending_space = false;
    auto emit_space = [&] {
        if (!out.empty()) pending_space = true;
    };
    auto flush = [&] {
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
    };
    auto open_bold = [&] {
        bold = true;
        flush();
        line.bold_start.push_back(static_cast<std::uint32_t>(out.size() + (pending_space ? 1 : 0)));
    };
    auto close_bold = [&] {
        bold = false;
        line.bold_end.push_back(static_cast<std::uint32_t>(out.size()));
    };
    std::size_t i = 0;
    // The next "](" of the line, the '[' that opens it and the ')' that closes
    // it, found once each: long lines with brackets stay linear.
    std::size_t link_close = std::string_view::npos, link_open = std::string_view::npos,
                link_paren = std::string_view::npos;
    auto find_link = [&](std::size_t from) {
        link_close = s.find("](", from);
        link_open = link_paren = std::string_view::npos;
        if (link_close == std::string_view::npos) return;
        link_open = s.rfind('[', link_close);
        link_paren = s.find(')', link_close + 2);
    };
    find_link(0);
    while (i < s.size()) {
        const char c = s[i];
        if (link_close != std::string_view::npos && link_close < i) find_link(i);
        if ((static_cast<unsigned char>(c) < 0x80 && c != '\\' && c != '!' && c != '[' && c != '*' && c != '_' &&
             c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v') ||
            (static_cast<unsigned char>(c) >= 0x80 && !space_sequence(s, i))) {
            // plain ASCII, the common case: copy the whole run at once
            std::size_t j = i + 1;
            while (j < s.size()) {
                const char d = s[j];
                if (static_cast<unsigned char>(d) >= 0x80) {
                    if (space_sequence(s, j)) break;  // NBSP and friends are white space
                    ++j;
                    continue;
                }
                if (d == '\\' || d == '!' || d == '[' || d == '*' || d == '_' || d == ' ' || d == '\t' || d == '\r' ||
                    d == '\f' || d == '\v')
                    break;
                ++j;
            }
            if (link_close != std::string_view::npos && link_close < j && link_close >= i)
                j = std::max(i + 1, link_close);
            flush();
            out.append(s.data() + i, j - i);
            i = j;
            continue;
        }
        if (c == '\\' && i + 1 < s.size() && ascii_punct(s[i + 1])) {
            flush();
            out += s[i + 1];
            i += 2;
            continue;
        }
        const bool link_here = link_paren != std::string_view::npos && link_open != std::string_view::npos;
        if (c == '!' && link_here && link_open == i + 1) {  // image: dropped
            i = link_paren + 1;
            continue;
        }
        if (c == '[' && link_here && link_open == i) {  // link: keep the text, remember the target
            const std::size_t cb = link_close, cp = link_paren;
            std::string words;
            for (std::size_t k = i + 1; k < cb; ++k)
                if (s[k] != '*' && s[k] != '_') words += s[k];
            line.links.push_back({std::string(s.substr(cb + 2, cp - cb - 2)), text::squeeze_space(words)});
            for (std::size_t k = i + 1; k < cb; ++k) {
                if (s[k] == '*' || s[k] == '_') continue;
                if (s[k] == ' ') {
                    emit_space();
                    continue;
                }
                flush();
                out += s[k];
            }
            i = cp + 1;
            continue;
        }
        if ((c == '*' || c == '_') && i + 1 < s.size() && s[i + 1] == c) {
            // bold marker "**" / "__"; "***" counts as bold too
            std::size_t k = i;
            while (k < s.size() && s[k] == c) ++k;
            if (c == '_') {
                // "__" inside words (file names) is not markup
                const bool left_word = i > 0 && s[i - 1] != ' ';
                const bool right_word = k < s.size() && s[k] != ' ';
                if (left_word && right_word) {
                    flush();
                    out.append(s.substr(i, k - i));
                    i = k;
                    continue;
                }
            }
            if (bold)
                close_bold();
            else
                open_bold();
            i = k;
            continue;
        }
        if (c == '*') {  // single '*': italics marker, dropped
            ++i;
            continue;
        }
        const std::size_t at = i;
        const char32_t cp = utf8::next(s, i);
        if (is_space(cp) || cp == '\r') {
            emit_space();
            continue;
        }
        flush();
        out.append(s.substr(at, i - at));
    }
    if (bold) close_bold();
    // Drop empty bold runs and clamp.
    std::vector<std::uint32_t> bs, be;
    for (std::size_t k = 0; k < line.bold_start.size() && k < line.bold_end.size(); ++k) {
        auto b = line.bold_start[k], e = line.bold_end[k];
        if (b > out.size()) b = static_cast<std::uint32_t>(out.size());
        if (e > out.size()) e = static_cast<std::uint32_t>(out.size());
        while (b < e && out[b] == ' ') ++b;
        if (b >= e) continue;
        if (!bs.empty() && be.back() >= b) {  // "**a** **b**" glued runs stay separate unless touching
            if (be.back() == b) {
                be.back() = e;
                continue;
            }
        }
        bs.push_back(b);
        be.push_back(e);
    }
    line.bold_start = std::move(bs);
    line.bold_end = std::move(be);
    while (!out.empty() && out.back() == ' ') out.pop_back();
}

}  // namespace

namespace {

/// A Markdown table row "| Label | Value |" as "Label : Value"; the separator row is empty.
bool table_row(std::string_view s, std::string& out) {
    if (s.size() < 3 || s.front() != '|' || s.back() != '|') return false;
    std::vector<std::string_view> cells;
    std::size_t start = 1;
    for (std::size_t k = 1; k < s.size(); ++k)
        if (s[k] == '|' && s[k - 1] != '\\') {
            cells.push_back(trim(s.substr(start, k - start)));
            start = k + 1;
        }
    out.clear();
    bool separator = true;
    for (auto c : cells)
        for (char ch : c)
            if (ch != '-' && ch != ':' && ch != ' ') separator = false;
    if (separator) return true;
    std::vector<std::string_view> filled;
    for (auto c : cells)
        if (!c.empty()) filled.push_back(c);
    // "| Label | Value |" and "| Label | Value | Label | Value |": pairs, each label
    // followed by a colon unless it has one
    const bool pairs = filled.size() % 2 == 0;
    for (std::size_t k = 0; k < filled.size(); ++k) {
        if (k) {
            const std::string_view label = filled[k - 1];
            const bool after_label =
                pairs && k % 2 == 1 && label.size() <= 80 && label.back() != ':' && !ends_with(label, ":**");
            out += after_label ? " : " : " ";
        }
        out.append(filled[k]);
    }
    return true;
}

/// A thematic break or setext underline: "---", "***", "===", "___".
bool is_rule(std::string_view s) noexcept {
    if (s.size() < 3) return false;
    const char c = s[0];
    if (c != '-' && c != '*' && c != '=' && c != '_') return false;
    for (char x : s)
        if (x != c && x != ' ') return false;
    return true;
}

}  // namespace

std::vector<text_line> split_lines(std::string_view text, std::size_t first_line_no) {
    std::vector<text_line> lines;
    lines.reserve(text.size() / 40 + 1);
    std::size_t pos = 0, no = first_line_no;
    std::vector<std::string> links;
    while (pos <= text.size()) {
        std::size_t end = pos;
        while (end < text.size() && text[end] != '\n' && text[end] != '\r') ++end;
        std::string_view raw = text.substr(pos, end - pos);
        text_line line;
        line.no = no;
        std::string_view s = trim(raw);
        std::string decoded, row;
        if (s.find('&') != std::string_view::npos) {
            decoded = text::decode_html_entities(s);
            s = trim(decoded);
        }
        if (is_rule(s)) s = {};
        if (!s.empty() && s.front() == '|' && table_row(s, row)) s = trim(row);
        // HTML
        std::string without_html;
        if (s.find('<') != std::string_view::npos) {
            bool had = false;
            without_html = strip_html(s, line.links, had);
            const bool block = had && starts_with(s, "<") && ends_with(s, ">");
            s = trim(without_html);
            // an HTML block with nothing to read, or only the converter's link to the PDF itself
            bool pdf_link_only = !line.links.empty();
            for (const auto& u : line.links) {
                const std::string f = fold(u.url);
                if (!(ends_with(f, ".pdf") || f.find("/download") != std::string::npos)) pdf_link_only = false;
            }
            line.html_only = block && (s.empty() || pdf_link_only);
        }
        // block quote
        while (starts_with(s, ">")) s = trim(s.substr(1));
        // heading
        if (starts_with(s, "#")) {
            std::size_t k = 0;
            while (k < s.size() && s[k] == '#') ++k;
            if (k <= 6 && (k == s.size() || s[k] == ' ')) {
                line.heading = static_cast<int>(k);
                s = trim(s.substr(k));
            }
        }
        // bullets: before and after a leading bold marker ("- **x**", "**-** x")
        s = take_marker(s, line);
        if (starts_with(s, "**")) {
            std::string_view inner = s.substr(2);
            text_line probe;
            std::string_view after = take_marker(inner, probe);
            if (probe.bullet && !starts_with(after, "**")) {
                line.bullet = true;
                line.number = probe.number;
                // keep the bold opening: rebuild "**" + rest
                without_html = "**" + std::string(after);
                s = without_html;
            } else if (starts_with(inner, "-**") || starts_with(inner, "\u2013**")) {
                line.bullet = true;
                s = trim(inner.substr(inner.find("**") + 2));
            }
        }
        clean_inline(s, line);
        // "- \* Master 2": an escaped asterisk right after a bullet is a second bullet mark
        if (line.bullet && (starts_with(line.text, "* ") || starts_with(line.text, "\u2022 "))) {
            const std::size_t cut = line.text[0] == '*' ? 2 : 4;
            line.text.erase(0, cut);
            for (auto& b : line.bold_start) b = b >= cut ? static_cast<std::uint32_t>(b - cut) : 0;
            for (auto& b : line.bold_end) b = b >= cut ? static_cast<std::uint32_t>(b - cut) : 0;
        }
        // A bullet inside the bold run at the start ("**- x**")
        lines.push_back(std::move(line));
        ++no;
        if (end >= text.size()) break;
        if (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n') ++end;
        pos = end + 1;
    }
    return lines;
}

}  // namespace offerkit::posting
