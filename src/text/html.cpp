// text::decode_html_entities.
#include <offerkit/text.hpp>
#include <offerkit/utf8.hpp>

namespace offerkit::text {

namespace {

struct entity {
    std::string_view name;
    char32_t cp;
};
// The named references French postings and feeds use.
constexpr entity named_entities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},     {"apos", '\''},     {"nbsp", 0xA0},
    {"eacute", 0xE9},  {"egrave", 0xE8},  {"ecirc", 0xEA},   {"euml", 0xEB},    {"agrave", 0xE0},   {"acirc", 0xE2},
    {"auml", 0xE4},    {"ccedil", 0xE7},  {"icirc", 0xEE},   {"iuml", 0xEF},    {"ocirc", 0xF4},    {"ouml", 0xF6},
    {"ugrave", 0xF9},  {"ucirc", 0xFB},   {"uuml", 0xFC},    {"Eacute", 0xC9},  {"Egrave", 0xC8},   {"Ecirc", 0xCA},
    {"Agrave", 0xC0},  {"Acirc", 0xC2},   {"Ccedil", 0xC7},  {"Icirc", 0xCE},   {"Ocirc", 0xD4},    {"Ucirc", 0xDB},
    {"oelig", 0x153},  {"OElig", 0x152},  {"laquo", 0xAB},   {"raquo", 0xBB},   {"rsquo", 0x2019},  {"lsquo", 0x2018},
    {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"euro", 0x20AC},
    {"deg", 0xB0},     {"bull", 0x2022},  {"middot", 0xB7},
};

// The code point of a numeric reference's digits ("39", "x2019"), or 0.
char32_t numeric_reference(std::string_view name) noexcept {
    const bool hex = !name.empty() && (name[0] == 'x' || name[0] == 'X');
    const std::string_view digits = name.substr(hex ? 1 : 0);
    if (digits.empty()) return 0;
    char32_t cp = 0;
    for (char c : digits) {
        unsigned d;
        if (c >= '0' && c <= '9')
            d = static_cast<unsigned>(c - '0');
        else if (hex && c >= 'a' && c <= 'f')
            d = static_cast<unsigned>(c - 'a' + 10);
        else if (hex && c >= 'A' && c <= 'F')
            d = static_cast<unsigned>(c - 'A' + 10);
        else
            return 0;
        cp = cp * (hex ? 16u : 10u) + d;
        if (cp > 0x10FFFF) return 0;
    }
    return cp >= 0xD800 && cp <= 0xDFFF ? 0 : cp;
}

}  // namespace

std::string decode_html_entities(std::string_view s) {
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
        char32_t cp = 0;
        if (name.size() >= 2 && name[0] == '#') {
            cp = numeric_reference(name.substr(1));
        } else {
            for (const auto& e : named_entities)
                if (e.name == name) {
                    cp = e.cp;
                    break;
                }
        }
        if (cp == 0) {
            out += s[i++];
            continue;
        }
        utf8::append(out, cp);
        i = semi + 1;
    }
    return out;
}

}  // namespace offerkit::text
