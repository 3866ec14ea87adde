#include "encoding.hpp"

#include <offerkit/error.hpp>
#include <offerkit/utf8.hpp>

namespace offerkit::detail {

namespace {

// Windows-1252 0x80–0x9F; 0 where the code page leaves the byte undefined.
constexpr char16_t cp1252_high[32] = {0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
                                      0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
                                      0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
                                      0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

}  // namespace

text_encoding bom_encoding(std::string_view b) noexcept {
    if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xFE)
        return text_encoding::utf16le;
    if (b.size() >= 2 && static_cast<unsigned char>(b[0]) == 0xFE && static_cast<unsigned char>(b[1]) == 0xFF)
        return text_encoding::utf16be;
    return text_encoding::automatic;
}

std::string to_utf8(std::string_view b, text_encoding e, const std::string& name) {
    std::string out;
    out.reserve(b.size() + b.size() / 4);
    if (e == text_encoding::cp1252 || e == text_encoding::latin1) {
        for (std::size_t i = 0; i < b.size(); ++i) {
            const auto c = static_cast<unsigned char>(b[i]);
            char32_t cp = c;
            if (e == text_encoding::cp1252 && c >= 0x80 && c < 0xA0) {
                cp = cp1252_high[c - 0x80];
                if (cp == 0)
                    throw error(errc::invalid_utf8, name + ": byte 0x" + "0123456789ABCDEF"[c >> 4] +
                                                        "0123456789ABCDEF"[c & 15] + " at offset " + std::to_string(i) +
                                                        " is not a Windows-1252 character; try --encoding latin1");
            }
            utf8::append(out, cp);
        }
        return out;
    }
    const bool le = e == text_encoding::utf16le;
    std::size_t i = bom_encoding(b) == e ? 2 : 0;
    if ((b.size() - i) % 2 != 0)
        throw error(errc::invalid_utf8, name + ": UTF-16 text of an odd number of bytes (truncated?)");
    auto unit = [&](std::size_t at) -> char32_t {
        const auto lo = static_cast<unsigned char>(b[at + (le ? 0 : 1)]);
        const auto hi = static_cast<unsigned char>(b[at + (le ? 1 : 0)]);
        return static_cast<char32_t>(hi << 8 | lo);
    };
    for (; i < b.size(); i += 2) {
        char32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 3 < b.size()) {
            const char32_t low = unit(i + 2);
            if (low >= 0xDC00 && low <= 0xDFFF) {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                i += 2;
            }
        }
        if (cp >= 0xD800 && cp <= 0xDFFF)
            throw error(errc::invalid_utf8,
                        name + ": UTF-16 text with an unpaired surrogate at byte offset " + std::to_string(i));
        utf8::append(out, cp);
    }
    return out;
}

std::string likely_legacy_encoding(std::string_view b) {
    for (char c : b) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80 && u < 0xA0 && cp1252_high[u - 0x80] != 0) return "Windows-1252";
    }
    return "Latin-1 (ISO-8859-1) or Windows-1252";
}

}  // namespace offerkit::detail
