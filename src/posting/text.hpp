// posting/text.hpp — UTF-8 validation, folding (case + accents, via utf8proc)
// and small string helpers for the posting parser. Internal to offerkit::core.
#pragma once

#include <offerkit/utf8.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit::posting {

/// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
std::size_t find_invalid_utf8(std::string_view s) noexcept;

/// Text folded for matching: lower case, accents stripped, compatibility
/// forms decomposed (⁽¹⁾ → (1)), every kind of apostrophe → ', dashes → -,
/// white space (NBSP, narrow NBSP…) collapsed to one space, no space around
/// '/'. `src[i]` is the byte offset in the original of folded byte i;
/// src[text.size()] is the original's size.
struct folded {
    std::string text;
    std::vector<std::uint32_t> src;
};
void fold(std::string_view s, folded& out);
std::string fold(std::string_view s);

/// One code point from UTF-8 (input already validated). Advances `i`.
inline char32_t decode(std::string_view s, std::size_t& i) noexcept {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
        ++i;
        return c;
    }
    const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
    char32_t cp = c & (len == 2 ? 0x1Fu : len == 3 ? 0x0Fu : 0x07u);
    for (std::size_t k = 1; k < len && i + k < s.size(); ++k)
        cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
    i += len;
    return cp;
}
inline void append_utf8(std::string& out, char32_t cp) { utf8::append(out, cp); }

/// White space, including the no-break spaces (U+00A0, U+202F) that French typography puts before colons.
inline bool is_space_cp(char32_t cp) noexcept {
    if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v';
    return cp == 0xA0 || cp == 0x202F || cp == 0x2007 || cp == 0x2009 || cp == 0x200A || cp == 0x2002 ||
           cp == 0x2003 || cp == 0x2008 || cp == 0x3000 || cp == 0x205F;
}
/// Letters and digits (ASCII, Latin-1, Latin Extended, most alphabets).
bool is_alnum_cp(char32_t cp) noexcept;
/// Upper-case letter (first code point of s).
bool starts_upper(std::string_view s) noexcept;
bool starts_lower(std::string_view s) noexcept;

/// Trims ASCII spaces.
std::string_view trim(std::string_view s) noexcept;
/// Folds runs of white space (incl. NBSP) to one space and trims.
std::string squeeze(std::string_view s);
/// Trims spaces and the given trailing punctuation characters (ASCII) and
/// trailing dashes/bullets (– — • ●).
std::string trim_trailing_marks(std::string_view s, std::string_view ascii_marks);
/// Number of space-separated words.
std::size_t word_count(std::string_view s) noexcept;
bool starts_with(std::string_view s, std::string_view p) noexcept;
bool ends_with(std::string_view s, std::string_view p) noexcept;

}  // namespace offerkit::posting
