// offerkit/utf8.hpp — small UTF-8 helpers shared by the readers and exporters.
// Header-only. (Unicode normalisation and case folding are utf8proc's job, in
// the core's sources.)
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace offerkit::utf8 {

/// The code point used for bytes that are not valid UTF-8.
inline constexpr char32_t replacement = 0xFFFD;

/// Decodes the code point at `s[i]` and advances `i` past it. What RFC 3629
/// rejects — a stray continuation byte, a truncated sequence, an overlong
/// form (C0 80 for U+0000), a surrogate (ED A0 80), a value above U+10FFFF
/// (F4 90 80 80), bytes F5 to FF — gives U+FFFD and advances `i` by one byte.
/// Precondition: i < s.size().
constexpr char32_t next(std::string_view s, std::size_t& i) noexcept {
    const auto b0 = static_cast<unsigned char>(s[i]);
    if (b0 < 0x80) {
        ++i;
        return b0;
    }
    const std::size_t len = (b0 >> 5) == 0x6 ? 2 : (b0 >> 4) == 0xE ? 3 : (b0 >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return replacement;
    }
    char32_t cp = len == 2 ? (b0 & 0x1Fu) : len == 3 ? (b0 & 0x0Fu) : (b0 & 0x07u);
    for (std::size_t k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) {
            ++i;
            return replacement;
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    const char32_t least = len == 2 ? 0x80 : len == 3 ? 0x800 : 0x10000;
    if (cp < least || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) {
        ++i;
        return replacement;
    }
    i += len;
    return cp;
}

/// Appends `cp` encoded as UTF-8.
inline void append(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace offerkit::utf8
