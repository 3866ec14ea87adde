#include <offerkit/fields.hpp>
#include <offerkit/text.hpp>
#include <offerkit/text_safety.hpp>
#include <offerkit/utf8.hpp>

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace offerkit {

namespace {

// Decodes strictly (utf8::next follows RFC 3629); `invalid` tells a
// replaced byte from a U+FFFD that is in the text.
char32_t next_strict(std::string_view s, std::size_t& i, bool& invalid) noexcept {
    const std::size_t start = i;
    const char32_t cp = utf8::next(s, i);
    if (cp == utf8::replacement && i - start == 1) invalid = true;
    return cp;
}

std::string hex(char32_t cp) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(cp));
    return buf;
}

std::string byte_hex(unsigned char b) {
    const char digits[] = "0123456789ABCDEF";
    return {digits[b >> 4], digits[b & 15]};
}

}  // namespace

std::string excerpt(std::string_view text, std::size_t max_chars) {
    std::size_t i = 0, chars = 0;
    while (i < text.size() && chars < max_chars) {
        utf8::next(text, i);
        ++chars;
    }
    if (i >= text.size()) return std::string(text);
    std::string out(text.substr(0, i));
    out += "… (" + std::to_string(text.size()) + " bytes)";
    return out;
}

bool carries(text_repertoire r, char32_t cp) noexcept {
    if (cp < 0x20) return cp == '\t' || cp == '\n' || cp == '\r';
    if (cp == 0xFFFE || cp == 0xFFFF) return false;
    if (cp >= 0xD800 && cp <= 0xDFFF) return false;
    if (r == text_repertoire::pdf_flyer && cp > 0xFFFF) return false;
    return cp <= 0x10FFFF;
}

namespace {

// Whether none of the 8 bytes at `p` is below 0x20 or above 0x7F: plain
// printable ASCII, which every repertoire carries.
bool plain_ascii8(const char* p) noexcept {
    std::uint64_t w;
    std::memcpy(&w, p, 8);
    constexpr std::uint64_t ones = 0x0101010101010101ull, highs = 0x8080808080808080ull;
    // A byte below 0x20 becomes >= 0x80 once 0x20 is taken from it (no byte
    // here is >= 0x80, so there is no borrow between bytes).
    return (w & highs) == 0 && ((w - 0x20 * ones) & highs) == 0;
}

}  // namespace

bool fits(std::string_view text, text_repertoire r) noexcept {
    for (std::size_t i = 0; i < text.size();) {
        if (i + 8 <= text.size() && plain_ascii8(text.data() + i)) {
            i += 8;
            continue;
        }
        const auto b = static_cast<unsigned char>(text[i]);
        if (b >= 0x20 && b < 0x80) {  // printable ASCII, one byte at a time near the others
            ++i;
            continue;
        }
        bool invalid = false;
        const char32_t cp = next_strict(text, i, invalid);
        if (invalid || !carries(r, cp)) return false;
    }
    return true;
}

namespace {

template <class M>
inline constexpr bool is_object_list_v = false;
template <class T>
inline constexpr bool is_object_list_v<std::vector<T>> = has_fields_v<T>;

template <class P>
auto indexed(const P& path, std::size_t i) {
    return [&path, i] { return path() + "[" + std::to_string(i) + "]"; };
}

template <class T, class P, class F>
void walk_object(T& object, const P& prefix, F& f, text_scope scope);

// The texts of one member, by its type (offerkit/fields.hpp); lists only
// with text_scope::all. Dates, numbers and kinds hold no text.
template <class M, class P, class F>
void walk_member(M& m, const P& path, F& f, text_scope scope) {
    using T = std::remove_const_t<M>;
    const bool lists = scope == text_scope::all;
    if constexpr (std::is_same_v<T, std::string>) {
        f(path, m);
    } else if constexpr (std::is_same_v<T, std::optional<std::string>>) {
        if (m) f(path, *m);
    } else if constexpr (std::is_same_v<T, std::vector<std::string>>) {
        if (lists)
            for (std::size_t i = 0; i < m.size(); ++i) f(indexed(path, i), m[i]);
    } else if constexpr (has_fields_v<T>) {
        walk_object(m, path, f, scope);
    } else if constexpr (is_object_list_v<T>) {
        if (lists)
            for (std::size_t i = 0; i < m.size(); ++i) walk_object(m[i], indexed(path, i), f, scope);
    } else if constexpr (std::is_same_v<T, extra_fields>) {
        if (lists)
            for (auto& entry : m.entries) {
                f([&] { return "extra[\"" + excerpt(entry.first, 40) + "\"] (label)"; }, entry.first);
                f([&] { return "extra[\"" + excerpt(entry.first, 40) + "\"]"; }, entry.second);
            }
    }
}

template <class T, class P, class F>
void walk_object(T& object, const P& prefix, F& f, text_scope scope) {
    for_each_field(object, [&](const auto& d, auto& member) {
        auto path = [&] {
            std::string p = prefix();
            if (!p.empty()) p += '.';
            p += d.key;
            return p;
        };
        walk_member(member, path, f, scope);
    });
}

// Every text of an offer, in canonical JSON order. `f(path, text)` gets the
// JSON path as a callable, so that a scan that needs no path builds none.
template <class Offer, class F>
void walk_texts(Offer& o, F&& f, text_scope scope = text_scope::all) {
    walk_object(
        o, [] { return std::string(); }, f, scope);
}

}  // namespace

bool offer_fits(const job_offer& offer, text_repertoire r, text_scope scope) noexcept {
    bool ok = true;
    walk_texts(
        offer, [&](auto, const std::string& text) { ok = ok && fits(text, r); }, scope);
    return ok;
}

const job_offer& fitted(const job_offer& offer, job_offer& copy, text_repertoire r, std::string_view format,
                        diagnostics& diags, text_scope scope) {
    if (offer_fits(offer, r, scope)) return offer;
    copy = offer;
    scrub_offer(copy, r, format, diags, scope);
    return copy;
}

std::size_t scrub_offer(job_offer& offer, text_repertoire r, std::string_view format, diagnostics& diags,
                        text_scope scope) {
    // The common case, nothing to do, is one scan and no copy; the field
    // paths are built only when a field needs changing.
    if (offer_fits(offer, r, scope)) return 0;

    const std::string prefix = std::string(format) + ": offer " + excerpt(offer.reference, 60) + ": ";
    std::size_t changed = 0;
    walk_texts(
        offer,
        [&](auto path, std::string& text) {
            if (fits(text, r)) return;
            std::string what;
            std::string fitted_text = fit_text(text, r, format, &what);
            diags.warn({{}, 0, 0, path()}, prefix + what);  // the path names the text as it was (an extra label)
            text = std::move(fitted_text);
            ++changed;
        },
        scope);
    return changed;
}

std::string fit_text(std::string_view text, text_repertoire r, std::string_view format, std::string* what) {
    std::string out;
    out.reserve(text.size());
    std::size_t removed = 0, replaced = 0;
    std::string seen;
    int shown = 0;
    for (std::size_t i = 0; i < text.size();) {
        const std::size_t start = i;
        bool invalid = false;
        const char32_t cp = next_strict(text, i, invalid);
        if (!invalid && carries(r, cp)) {
            out.append(text, start, i - start);
            continue;
        }
        if (invalid || cp > 0xFFFF) {
            utf8::append(out, utf8::replacement);
            ++replaced;
        } else {
            ++removed;
        }
        if (shown < 4) {
            seen += (seen.empty() ? "" : ", ") +
                    (invalid ? "invalid UTF-8 byte " + byte_hex(static_cast<unsigned char>(text[start])) : hex(cp));
            ++shown;
        }
    }
    if (what) {
        const std::size_t n = removed + replaced;
        *what = std::to_string(n) + " character" + (n == 1 ? "" : "s") + " that " + std::string(format) +
                " cannot carry " +
                (replaced == 0  ? "removed"
                 : removed == 0 ? "replaced by U+FFFD"
                                : "removed or replaced by U+FFFD") +
                " (" + seen + (n > 4 ? ", …" : "") + ")";
    }
    return out;
}

bool is_safe_link(std::string_view url) noexcept {
    auto starts = [&](std::string_view p) {
        if (url.size() < p.size()) return false;
        return text::iequals_ascii(url.substr(0, p.size()), p);
    };
    for (char c : url) {
        const auto b = static_cast<unsigned char>(c);
        if (b <= 0x20 || b == 0x7F || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') return false;
    }
    std::size_t rest = 0;
    if (starts("https://"))
        rest = 8;
    else if (starts("http://"))
        rest = 7;
    else if (starts("mailto:"))
        return url.size() > 7 && url.find('@', 7) != std::string_view::npos;
    else
        return false;
    // A host must follow: "https:///x" or "https://" alone is not a web address.
    if (url.size() <= rest || url[rest] == '/' || url[rest] == '?' || url[rest] == '#') return false;
    return true;
}

}  // namespace offerkit
