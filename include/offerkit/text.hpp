// offerkit/text.hpp — the text module: UTF-8 validation, ASCII case, folding
// for comparison (case and accents, through utf8proc), HTML character
// references, and the French (and English) names of months and weekdays.
//
// One owner for each of these: the posting parser, the JobPosting codec, the
// readers and the pdf and xlsx plugins use these functions and have none of
// their own. Decoding and encoding one code point are in offerkit/utf8.hpp.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/date.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit::text {

// ---- UTF-8

/// Byte offset of the first byte that does not begin well-formed UTF-8
/// (RFC 3629: no stray continuation byte, truncated sequence, overlong form,
/// surrogate, value above U+10FFFF, bytes C0, C1, F5–FF), or npos when all of
/// `s` is. ASCII is checked eight bytes at a time.
OFFERKIT_API std::size_t find_invalid_utf8(std::string_view s) noexcept;
/// True when `s` is well-formed UTF-8.
inline bool is_valid_utf8(std::string_view s) noexcept { return find_invalid_utf8(s) == std::string_view::npos; }

/// White space: ASCII space, tab, form feed, vertical tab, and the Unicode
/// spaces French typography uses (U+00A0 and U+202F before colons, U+2009…).
/// Line ends are not white space here.
constexpr bool is_space(char32_t cp) noexcept {
    if (cp < 0x80) return cp == ' ' || cp == '\t' || cp == '\f' || cp == '\v';
    return cp == 0xA0 || cp == 0x202F || cp == 0x2007 || cp == 0x2009 || cp == 0x200A || cp == 0x2002 || cp == 0x2003 ||
           cp == 0x2008 || cp == 0x3000 || cp == 0x205F;
}

/// Runs of white space (is_space, line ends included) made one ASCII space,
/// leading and trailing ones removed: for values read from postings.
OFFERKIT_API std::string squeeze_space(std::string_view s);
/// The Latin ligature (U+FB00–U+FB06: ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ) whose UTF-8 starts at byte
/// `i` of `s`, spelt out ("fi"); empty when there is none. PDF text and text
/// copied from a PDF carry them; a posting's words do not.
OFFERKIT_API std::string_view ligature_at(std::string_view s, std::size_t i) noexcept;
/// `s` with every Latin ligature spelt out (ligature_at).
OFFERKIT_API std::string expand_ligatures(std::string_view s);
/// Runs of ASCII white space made one space, trimmed; other spaces (a no-break
/// space before a colon) kept as written: for text that is published again.
OFFERKIT_API std::string collapse_ascii_space(std::string_view s);

// ---- ASCII case (file names, options, identifiers: never for people's words)

constexpr char ascii_lower(char c) noexcept { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }
/// `s` with A–Z made a–z; every other byte kept.
OFFERKIT_API std::string ascii_lower(std::string_view s);
/// True when `a` and `b` are equal ignoring the case of A–Z.
constexpr bool iequals_ascii(std::string_view a, std::string_view b) noexcept {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}
/// True when `s` ends with `suffix`, ignoring the case of A–Z.
constexpr bool iends_with_ascii(std::string_view s, std::string_view suffix) noexcept {
    return s.size() >= suffix.size() && iequals_ascii(s.substr(s.size() - suffix.size()), suffix);
}

// ---- Folding, for comparisons only (never for output)

/// Text folded for matching: case folded, marks stripped and compatibility
/// forms decomposed by utf8proc (É → e, ⁽¹⁾ → (1), ﬁ → fi), the ligatures
/// œ æ and ø ð þ written out (oe, ae, o, d, th), every kind of apostrophe → ',
/// dashes → -, « » “ ” → ", white space (no-break spaces included) collapsed
/// to one space and trimmed, no space around '/'. `src[i]` is the byte offset
/// in the original of folded byte i; src[text.size()] is the original's size.
struct folded {
    std::string text;
    std::vector<std::uint32_t> src;
};
/// Folds `s` into `out` (its buffers are reused).
OFFERKIT_API void fold(std::string_view s, folded& out);
/// The folded text of `s`.
OFFERKIT_API std::string fold(std::string_view s);
/// As fold, with '-' and '_' also separating words ("temps-partiel" →
/// "temps partiel"): for keyword searches in free text.
OFFERKIT_API std::string fold_words(std::string_view s);

// ---- HTML

/// `s` with its HTML character references decoded: the named ones of French
/// text (&amp; &nbsp; &eacute; &rsquo; &oelig; &euro;…) and numeric ones
/// (&#39; &#x2019;). A reference not known, not terminated, or naming U+0000,
/// a surrogate or a value above U+10FFFF is kept as written.
OFFERKIT_API std::string decode_html_entities(std::string_view s);

// ---- Names of months and weekdays

enum class language { fr, en };

/// "janvier" … "décembre" (fr, lower case as French writes them) or
/// "January" … "December" (en), for month 1 to 12; "" otherwise.
OFFERKIT_API std::string_view month_name(int month, language lang = language::fr) noexcept;
/// "lundi" … "dimanche" or "Monday" … "Sunday", for `weekday` 0 (Monday) to 6
/// (date::weekday()); "" otherwise.
OFFERKIT_API std::string_view weekday_name(int weekday, language lang = language::fr) noexcept;
/// A date in words: "1er juillet 2025", "6 juin 2025" (fr), "1 July 2025" (en).
OFFERKIT_API std::string date_in_words(const date& d, language lang = language::fr);
/// With its weekday: "mardi 1er juillet 2025", "Tuesday 1 July 2025".
OFFERKIT_API std::string long_date_in_words(const date& d, language lang = language::fr);
/// The month (1–12) a folded French word names, in full or abbreviated as
/// postings do ("fevrier", "fevr.", "sept", "dec"), else 0.
OFFERKIT_API int french_month_number(std::string_view folded_word) noexcept;
/// The weekday (0 = Monday … 6) a folded French word names ("lundi" …
/// "dimanche"), else -1.
OFFERKIT_API int french_weekday_number(std::string_view folded_word) noexcept;

}  // namespace offerkit::text
