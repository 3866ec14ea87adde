// Text helpers of the schema.org JobPosting codec: see jobposting_text.hpp.
#include "jobposting_text.hpp"

#include <offerkit/utf8.hpp>

#include "json_internal.hpp"

#include <array>
#include <cstdint>
#include <utility>

namespace offerkit::detail::jsonld {

namespace {

bool is_space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

using utf8::append;  // offerkit/utf8.hpp
using utf8::next;

/// The ASCII stand-in of a Latin letter or punctuation, or nullptr.
const char* ascii_of(char32_t cp) noexcept {
    if (cp >= 0xC0 && cp <= 0xFF) {
        static constexpr std::array<const char*, 64> latin1 = {
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // C0–CF
            "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "ss",  // D0–DF
            "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i", "i",   // E0–EF
            "d", "n", "o", "o", "o", "o", "o", " ", "o", "u", "u", "u", "u", "y", "th", "y"};  // F0–FF
        return latin1[cp - 0xC0];
    }
    switch (cp) {
        case 0x152: case 0x153: return "oe";
        case 0xA0: case 0x202F: case 0x2009: case 0x2007: return " ";
        case 0x2018: case 0x2019: case 0x2032: return "'";
        case 0x201C: case 0x201D: case 0xAB: case 0xBB: return "\"";
        case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: return "-";
        default: return nullptr;
    }
}

struct entity {
    std::string_view name;
    char32_t cp;
};
constexpr entity named_entities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},
    {"nbsp", 0xA0},    {"eacute", 0xE9},  {"egrave", 0xE8},  {"ecirc", 0xEA},   {"euml", 0xEB},
    {"agrave", 0xE0},  {"acirc", 0xE2},   {"auml", 0xE4},    {"ccedil", 0xE7},  {"icirc", 0xEE},
    {"iuml", 0xEF},    {"ocirc", 0xF4},   {"ouml", 0xF6},    {"ugrave", 0xF9},  {"ucirc", 0xFB},
    {"uuml", 0xFC},    {"Eacute", 0xC9},  {"Egrave", 0xC8},  {"Ecirc", 0xCA},   {"Agrave", 0xC0},
    {"Acirc", 0xC2},   {"Ccedil", 0xC7},  {"Icirc", 0xCE},   {"Ocirc", 0xD4},   {"Ucirc", 0xDB},
    {"oelig", 0x153},  {"OElig", 0x152},  {"laquo", 0xAB},   {"raquo", 0xBB},   {"rsquo", 0x2019},
    {"lsquo", 0x2018}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"ndash", 0x2013}, {"mdash", 0x2014},
    {"hellip", 0x2026}, {"euro", 0x20AC}, {"deg", 0xB0},     {"bull", 0x2022},  {"middot", 0xB7},
};

/// Decodes HTML entities in `s` (unknown ones are kept as written).
std::string decode_entities(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        if (s[i] != '&') {
            out += s[i++];
            continue;
        }
        const std::size_t semi = s.find(';', i + 1);
        if (semi == std::string_view::npos || semi - i > 12) {
            out += s[i++];
            continue;
        }
        const std::string_view name = s.substr(i + 1, semi - i - 1);
        bool done = false;
        if (name.size() >= 2 && name[0] == '#') {
            char32_t cp = 0;
            bool ok = true;
            const bool hex = name[1] == 'x' || name[1] == 'X';
            const std::string_view digits = name.substr(hex ? 2 : 1);
            if (digits.empty()) ok = false;
            for (char c : digits) {
                unsigned d;
                if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0');
                else if (hex && c >= 'a' && c <= 'f') d = static_cast<unsigned>(c - 'a' + 10);
                else if (hex && c >= 'A' && c <= 'F') d = static_cast<unsigned>(c - 'A' + 10);
                else {
                    ok = false;
                    break;
                }
                cp = cp * (hex ? 16u : 10u) + d;
                if (cp > 0x10FFFF) {
                    ok = false;
                    break;
                }
            }
            if (ok && cp != 0 && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                append(out, cp);
                done = true;
            }
        } else {
            for (const auto& e : named_entities)
                if (e.name == name) {
                    append(out, e.cp);
                    done = true;
                    break;
                }
        }
        if (done) i = semi + 1;
        else out += s[i++];
    }
    return out;
}

bool is_bullet_line(std::string_view line, std::size_t& marker_len) {
    // "- ", "* ", "• ", "– ", "· " (a space must follow, so "-5 %" stays text)
    static constexpr std::string_view markers[] = {"-", "*", "\xE2\x80\xA2", "\xE2\x80\x93", "\xC2\xB7", "\xE2\x80\x94"};
    for (auto m : markers)
        if (line.size() > m.size() && line.substr(0, m.size()) == m && is_space(line[m.size()])) {
            marker_len = m.size();
            return true;
        }
    return false;
}

std::string lower_ascii(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

}  // namespace

std::string fold(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    auto put = [&](std::string_view piece) {
        for (char c : piece) {
            if (is_space(c) || c == '-' || c == '_') {
                pending_space = !out.empty();
                continue;
            }
            if (pending_space) out += ' ';
            pending_space = false;
            out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
        }
    };
    for (std::size_t i = 0; i < s.size();) {
        const auto b = static_cast<unsigned char>(s[i]);
        if (b < 0x80) {
            put(std::string_view(&s[i], 1));
            ++i;
            continue;
        }
        const std::size_t start = i;
        const char32_t cp = next(s, i);
        if (const char* a = ascii_of(cp)) put(a);
        else put(s.substr(start, i - start));
    }
    return out;
}

bool contains_words(std::string_view hay, std::string_view needle) {
    if (needle.empty()) return false;
    auto is_word = [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80;
    };
    for (std::size_t pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + 1)) {
        const bool left = pos == 0 || !is_word(hay[pos - 1]);
        const std::size_t end = pos + needle.size();
        const bool right = end == hay.size() || !is_word(hay[end]);
        if (left && right) return true;
    }
    return false;
}

std::string collapse_space(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (char c : s) {
        if (is_space(c)) {
            pending = !out.empty();
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += c;
    }
    return out;
}

std::string html_escape(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 8);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            default: out += c;
        }
    }
    return out;
}

std::vector<html_block> description_blocks(std::string_view text) {
    std::vector<html_block> blocks;
    // HTML when a tag-like "<x" or "</" appears.
    bool html = false;
    for (std::size_t i = 0; i + 1 < text.size(); ++i)
        if (text[i] == '<' && (text[i + 1] == '/' || text[i + 1] == '!' ||
                               (text[i + 1] >= 'a' && text[i + 1] <= 'z') || (text[i + 1] >= 'A' && text[i + 1] <= 'Z'))) {
            html = true;
            break;
        }

    if (!html) {
        std::size_t start = 0;
        while (start <= text.size()) {
            std::size_t end = text.find('\n', start);
            if (end == std::string_view::npos) end = text.size();
            std::string line = collapse_space(text.substr(start, end - start));
            std::size_t marker = 0;
            if (!line.empty()) {
                if (is_bullet_line(line, marker)) blocks.push_back({true, collapse_space(std::string_view(line).substr(marker))});
                else blocks.push_back({false, std::move(line)});
            }
            start = end + 1;
        }
        return blocks;
    }

    std::string current;  // raw text of the block being read (entities not yet decoded)
    bool in_item = false;
    int list_depth = 0;
    auto flush = [&] {
        std::string t = collapse_space(decode_entities(collapse_space(current)));
        current.clear();
        if (t.empty()) return;
        // A "- x" line inside a paragraph is a bullet too.
        std::size_t marker = 0;
        if (!in_item && is_bullet_line(t, marker)) blocks.push_back({true, collapse_space(std::string_view(t).substr(marker))});
        else blocks.push_back({in_item, std::move(t)});
    };

    for (std::size_t i = 0; i < text.size();) {
        if (text[i] != '<') {
            current += text[i++];
            continue;
        }
        if (text.compare(i, 4, "<!--") == 0) {
            const std::size_t end = text.find("-->", i + 4);
            i = end == std::string_view::npos ? text.size() : end + 3;
            continue;
        }
        const std::size_t close = text.find('>', i + 1);
        if (close == std::string_view::npos) {  // a lone '<': text
            current += text[i++];
            continue;
        }
        std::string_view tag = text.substr(i + 1, close - i - 1);
        i = close + 1;
        const bool closing = !tag.empty() && tag[0] == '/';
        if (closing) tag.remove_prefix(1);
        std::size_t name_end = 0;
        while (name_end < tag.size() && !is_space(tag[name_end]) && tag[name_end] != '/') ++name_end;
        const std::string name = lower_ascii(tag.substr(0, name_end));
        if (name == "script" || name == "style") {
            if (!closing) {
                const std::size_t end = lower_ascii(text.substr(i)).find("</" + name);
                i = end == std::string::npos ? text.size() : i + end;
            }
            continue;
        }
        if (name == "li" || name == "dt" || name == "dd") {
            flush();
            in_item = !closing;
        } else if (name == "ul" || name == "ol") {
            flush();
            list_depth += closing ? -1 : 1;
            if (list_depth < 0) list_depth = 0;
            in_item = false;
        } else if (name == "br") {
            flush();
        } else if (name == "p" || name == "div" || name == "section" || name == "article" || name == "blockquote" ||
                   name == "tr" || name == "td" || name == "th" || name == "table" || name == "hr" ||
                   (name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6')) {
            flush();
        } else {
            // inline tag (strong, em, span, a…): dropped, a space kept where it separates words
            if (name == "img") current += ' ';
        }
    }
    flush();
    return blocks;
}

void write_json(std::string& out, const boost::json::value& v, bool pretty, int indent) {
    auto newline = [&](int level) {
        if (!pretty) return;
        out += '\n';
        out.append(static_cast<std::size_t>(level) * 2, ' ');
    };
    switch (v.kind()) {
        case boost::json::kind::null: out += "null"; break;
        case boost::json::kind::bool_: out += v.get_bool() ? "true" : "false"; break;
        case boost::json::kind::int64: out += std::to_string(v.get_int64()); break;
        case boost::json::kind::uint64: out += std::to_string(v.get_uint64()); break;
        case boost::json::kind::double_: out += boost::json::serialize(v); break;  // never written by us
        case boost::json::kind::string: append_json_string(out, v.get_string()); break;
        case boost::json::kind::array: {
            const auto& a = v.get_array();
            if (a.empty()) {
                out += "[]";
                break;
            }
            out += '[';
            bool first = true;
            for (const auto& e : a) {
                if (!first) out += ',';
                first = false;
                newline(indent + 1);
                write_json(out, e, pretty, indent + 1);
            }
            newline(indent);
            out += ']';
            break;
        }
        case boost::json::kind::object: {
            const auto& o = v.get_object();
            if (o.empty()) {
                out += "{}";
                break;
            }
            out += '{';
            bool first = true;
            for (const auto& kv : o) {
                if (!first) out += ',';
                first = false;
                newline(indent + 1);
                append_json_string(out, kv.key());
                out += pretty ? ": " : ":";
                write_json(out, kv.value(), pretty, indent + 1);
            }
            newline(indent);
            out += '}';
            break;
        }
    }
}

}  // namespace offerkit::detail::jsonld
