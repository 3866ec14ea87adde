// posting/value_text.cpp — what a posting's values look like: terminal punctuation, connectors, counts, address tails, cleaned values and titles.
#include "posting/parser.hpp"

namespace offerkit::posting {

bool ends_terminal(std::string_view s) noexcept {
    s = trim(s);
    if (s.empty()) return false;
    const char c = s.back();
    return c == '.' || c == ';' || c == '!' || c == '?' || c == ':' || c == ',' || ends_with(s, "\u2026");
}

/// The first bytes of s, at most n, cut on a UTF-8 boundary.
std::string_view utf8_prefix(std::string_view s, std::size_t n) noexcept {
    if (s.size() <= n) return s;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

/// The last few characters of s (on a UTF-8 boundary): enough to test an
/// ending without folding a long value again and again.
std::string_view tail(std::string_view s, std::size_t n) noexcept {
    if (s.size() <= n) return s;
    std::size_t at = s.size() - n;
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
    return s.substr(at);
}

/// The number of bytes of `s` that fold to the first `n` folded bytes.
std::size_t folded_prefix_len(std::string_view s, std::size_t n) {
    folded f;
    fold(s, f);
    if (n >= f.text.size()) return s.size();
    return f.src[n];
}

bool ends_connector(std::string_view s) {
    const std::string f = fold(tail(s));
    static constexpr std::string_view words[] = {" ou",   " et",   " de", " des", " du", " la",  " le",
                                                 " les",  " a",    " au", " aux", " en", " sur", " par",
                                                 " pour", " avec", " d'", " l'",  "-",   "/",    ","};
    for (auto w : words)
        if (ends_with(f, w)) return true;
    return false;
}

/// Ends with a word that cannot end a phrase ("Sens de l'écoute et").
bool ends_connector_word(std::string_view s) {
    const std::string f = fold(tail(s));
    static constexpr std::string_view words[] = {" ou", " et", " de",  " des", " du",  " la",  " le",   " les",
                                                 " a",  " au", " aux", " en",  " sur", " par", " pour", " avec"};
    for (auto w : words)
        if (ends_with(f, w) || f == w.substr(1)) return true;
    return false;
}

/// An introductory sentence that ends with a colon ("Le titulaire du poste est chargé de :",
/// "Vous aurez pour tâches :"): an item of the list, not the title of a sub-section.
bool is_intro_sentence(std::string_view t) {
    t = trim(t);
    while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.remove_suffix(1);
    if (t.empty()) return false;
    if (ends_connector_word(t)) return true;
    std::string f(1, ' ');  // (appends, not operator+: GCC 12 -O3 warns falsely on the latter, -Wrestrict)
    f += fold(utf8_prefix(t, 160));
    f += ' ';
    for (std::string_view w : {" est ", " sont ", " sera ", " seront ", " serez ", " devra ", " devrez ", " aurez ",
                               " aura ", " vous ", " il ", " elle ", " notamment "})
        if (f.find(w) != std::string::npos) return true;
    return starts_with(f, " le titulaire") || starts_with(f, " la ou le titulaire") || starts_with(f, " l'agent ") ||
           starts_with(f, " sous l'autorite");
}

/// Whether `value`, after a label written without a colon, reads as that label's
/// value: a date for the date labels, a code with digits for the reference.
bool plain_label_value(field f, std::string_view value) {
    value = trim(value);
    if (value.empty()) return false;
    if (f == field::posted_on || f == field::deadline) {
        const auto d = find_french_date(utf8_prefix(value, 48));
        return d.value.has_value() || d.date_like;
    }
    if (f == field::reference) {
        const std::size_t sp = value.find(' ');
        const std::string_view code = value.substr(0, sp);
        return std::any_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
               (code.find('-') != std::string_view::npos || code.find('/') != std::string_view::npos);
    }
    return false;
}

/// A bare count ("3"): complete, nothing wraps after it.
bool is_count(std::string_view v) noexcept {
    v = trim(v);
    return !v.empty() && v.size() <= 4 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_empty_value(std::string_view v) noexcept {
    v = trim(v);
    return v.empty() || v == "/" || v == "-" || v == "\u2013" || v == "//" || v == "néant" || v == "Néant";
}

/// Whether a short line reads as the end of an address that the converter moved away
/// from its "Lieu de travail" value: a town in capitals ("NOUMEA CEDEX", "KONE"), a
/// "Cedex", a postal code and town ("98860 Koné"). With `loose`, capitalised words
/// alone ("Pouembout", "La Foa") count too.
bool address_tail(std::string_view t, bool loose) {
    t = trim(t);
    if (t.empty() || t.size() > 40) return false;
    const std::size_t words = word_count(t);
    if (words == 0 || words > 4) return false;
    bool lower = false, letters = false;
    std::size_t i = 0;
    bool word_start = true, word_ok = true;
    std::size_t lower_words = 0;
    while (i < t.size()) {
        const std::size_t at = i;
        const char32_t cp = utf8::next(t, i);
        if (cp == ' ') {
            word_start = true;
            continue;
        }
        if (cp == '-' || cp == '\'' || cp == 0x2019 || cp == 0x2013) continue;
        if (!is_alnum_cp(cp)) return false;  // punctuation: a sentence or a list, not a town
        if (cp >= '0' && cp <= '9') {
            word_start = false;
            continue;
        }
        letters = true;
        const bool is_lower = starts_lower(t.substr(at));
        if (is_lower) lower = true;
        if (word_start && is_lower) {
            ++lower_words;
            const std::size_t e = t.find(' ', at);
            const std::string_view w = t.substr(at, e == std::string_view::npos ? t.size() - at : e - at);
            static constexpr std::string_view connectors[] = {"de", "du", "des", "la", "le", "les", "sur", "et"};
            if (std::find(std::begin(connectors), std::end(connectors), w) == std::end(connectors)) word_ok = false;
        }
        word_start = false;
    }
    if (!letters) return false;
    for (std::size_t p = 0; p + 5 <= t.size(); ++p) {  // "Cedex", "CEDEX" (ASCII)
        std::size_t k = 0;
        while (k < 5 && (t[p + k] | 0x20) == "cedex"[k]) ++k;
        if (k == 5) return true;
    }
    // "98860 Koné": a postal code then a town
    if (t.size() > 6 && std::all_of(t.begin(), t.begin() + 5, [](char c) { return c >= '0' && c <= '9'; }) &&
        t[5] == ' ' && starts_upper(t.substr(6)))
        return true;
    if (!lower) return t.size() >= 3;
    return loose && word_ok && lower_words < words && starts_upper(t);
}

std::string clean_value(std::string_view v) {
    std::string s = text::squeeze_space(v);
    // a footnote call left at the start ("(1) /", "⁽¹⁾ : …")
    for (std::string_view fn : {"(1)", "\u207D\u00B9\u207E", "(*)"})
        if (starts_with(s, fn)) {
            std::string_view r = trim(std::string_view(s).substr(fn.size()));
            if (starts_with(r, ":")) r = trim(r.substr(1));
            s = std::string(r);
        }
    return trim_trailing_marks(s, ";,");
}

/// Removes a number or letter marker and a trailing colon from a section title.
std::string clean_title(std::string_view t) {
    std::string s = text::squeeze_space(t);
    std::string_view v = s;
    // "1." "1)" "A." "a)" markers
    if (!v.empty() && std::isdigit(static_cast<unsigned char>(v[0]))) {
        std::size_t k = 0;
        while (k < v.size() && std::isdigit(static_cast<unsigned char>(v[k]))) ++k;
        if (k < v.size() && (v[k] == '.' || v[k] == ')')) v = trim(v.substr(k + 1));
    } else if (v.size() > 3 && std::isalpha(static_cast<unsigned char>(v[0])) && (v[1] == '.' || v[1] == ')') &&
               v[2] == ' ') {
        v = trim(v.substr(3));
    }
    for (;;) {
        v = trim(v);
        if (!v.empty() && (v.back() == ':' || v.back() == '*')) {
            v.remove_suffix(1);
            continue;
        }
        break;
    }
    return std::string(v);
}

}  // namespace offerkit::posting
