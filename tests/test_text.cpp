// The text module (offerkit/text.hpp): UTF-8 validation against an
// independent decoder, folding, HTML references, names of months and days.
#include "support/test_support.hpp"

#include <offerkit/date.hpp>
#include <offerkit/text.hpp>
#include <offerkit/utf8.hpp>

#include <random>

using namespace offerkit;
using text::find_invalid_utf8;
using text::fold;

namespace {

constexpr auto npos = std::string_view::npos;

// The offset of the first ill-formed sequence by utf8::next (U+FFFD for a
// sequence that is not the three bytes EF BF BD means an invalid one).
std::size_t reference_invalid(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const std::size_t at = i;
        const char32_t cp = utf8::next(s, i);
        if (cp == utf8::replacement && s.substr(at, 3) != "\xEF\xBF\xBD") return at;
    }
    return npos;
}

std::string hex_dump(std::string_view s) {
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string out;
    for (char c : s) {
        const auto b = static_cast<unsigned char>(c);
        out += digits[b >> 4];
        out += digits[b & 15];
        out += ' ';
    }
    return out;
}

}  // namespace

TEST_CASE("find_invalid_utf8 rejects what RFC 3629 rejects, at the right offset") {
    CHECK(find_invalid_utf8("") == npos);
    CHECK(find_invalid_utf8("Référence : 3134-26-0677/SR — «Nouméa»") == npos);
    CHECK(find_invalid_utf8("\xF0\x9F\x98\x80 emoji") == npos);
    CHECK(find_invalid_utf8("abc\x80") == 3);              // stray continuation byte
    CHECK(find_invalid_utf8("abcdefgh\xC3") == 8);         // truncated, after an ASCII block
    CHECK(find_invalid_utf8("\xC0\x80") == 0);             // overlong U+0000
    CHECK(find_invalid_utf8("\xE0\x80\xAF") == 0);         // overlong '/'
    CHECK(find_invalid_utf8("x\xED\xA0\x80") == 1);        // surrogate
    CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == 0);     // above U+10FFFF
    CHECK(find_invalid_utf8("ok \xF5\x80\x80\x80") == 3);  // F5
    CHECK(find_invalid_utf8("\xC1\xBF") == 0);             // C1
    CHECK(text::is_valid_utf8("été"));
    CHECK_FALSE(text::is_valid_utf8("\xE9t\xE9"));  // Latin-1
}

TEST_CASE("find_invalid_utf8 agrees with utf8::next on random bytes") {
    std::mt19937 rng(20261201);
    std::uniform_int_distribution<int> byte(0, 255), len(0, 40), kind(0, 3);
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        const int l = len(rng);
        for (int k = 0; k < l; ++k) {
            // mostly ASCII and well-formed French letters, some random bytes
            switch (kind(rng)) {
                case 0: s += static_cast<char>('a' + byte(rng) % 26); break;
                case 1: s += "é"; break;
                case 2: s += static_cast<char>(byte(rng)); break;
                default: s += static_cast<char>(0x80 | (byte(rng) & 0x3F)); break;
            }
        }
        INFO(hex_dump(s));
        REQUIRE(find_invalid_utf8(s) == reference_invalid(s));
    }
}

TEST_CASE("fold: case, accents, ligatures, punctuation and spaces, for comparisons") {
    CHECK(fold("  Électricité   Générale ") == "electricite generale");
    CHECK(fold("Main-d’Œuvre") == "main-d'oeuvre");
    CHECK(fold("Cæcum ØRSTED") == "caecum orsted");
    CHECK(fold("« Référence » : A / B") == "\" reference \" : a/b");
    CHECK(fold("Durée de résidence\u00A0(1)") == "duree de residence (1)");
    CHECK(fold("\u207D\u00B9\u207E \uFB01n") == "(1) fin");  // ⁽¹⁾, ﬁ
    CHECK(fold("Date limite – candidature") == "date limite - candidature");
    text::folded f;
    text::fold("Élu", f);
    CHECK(f.text == "elu");
    REQUIRE(f.src.size() == f.text.size() + 1);
    CHECK(f.src[0] == 0);  // 'e' comes from the two bytes of É at 0
    CHECK(f.src[1] == 2);
    CHECK(f.src.back() == 4);
    CHECK(text::fold_words("Temps-partiel_ou  télé-travail") == "temps partiel ou tele travail");
}

TEST_CASE("white space: squeezed for values read, collapsed in ASCII for text published") {
    CHECK(text::squeeze_space("  Chef\u00A0de\tprojet\n  réseaux \u202F") == "Chef de projet réseaux");
    CHECK(text::collapse_ascii_space("  Référence\u00A0:  \t 12 \n") == "Référence\u00A0: 12");
}

TEST_CASE("HTML character references: named, numeric, the rest kept as written") {
    using text::decode_html_entities;
    CHECK(decode_html_entities("Chef&nbsp;de&#160;projet &amp; R&eacute;seaux") ==
          "Chef\u00A0de\u00A0projet & Réseaux");
    CHECK(decode_html_entities("l&rsquo;agent &#x2019; &#39; &oelig;uvre &euro;") == "l’agent ’ ' œuvre €");
    CHECK(decode_html_entities("&unknown; &#0; &#xD800; &#x110000; &amp") == "&unknown; &#0; &#xD800; &#x110000; &amp");
    CHECK(decode_html_entities("AT&T; a&b") == "AT&T; a&b");
    CHECK(decode_html_entities("&averyveryverylongname;") == "&averyveryverylongname;");
}

TEST_CASE("names of months and weekdays, and their French words read back") {
    CHECK(text::month_name(8) == "août");
    CHECK(text::month_name(12, text::language::en) == "December");
    CHECK(text::month_name(0).empty());
    CHECK(text::month_name(13).empty());
    CHECK(text::weekday_name(0) == "lundi");
    CHECK(text::weekday_name(4, text::language::en) == "Friday");
    CHECK(text::weekday_name(7).empty());
    // 29 May 2026 is a Friday, 29 May 2029 a Tuesday
    CHECK(text::weekday_name(date::from_ymd(2026, 5, 29)->weekday()) == "vendredi");
    CHECK(text::weekday_name(date::from_ymd(2029, 5, 29)->weekday()) == "mardi");
    CHECK(text::date_in_words(*date::from_ymd(2025, 7, 1)) == "1er juillet 2025");
    CHECK(text::date_in_words(*date::from_ymd(2025, 7, 1), text::language::en) == "1 July 2025");
    CHECK(text::long_date_in_words(*date::from_ymd(2026, 5, 29)) == "vendredi 29 mai 2026");
    for (int m = 1; m <= 12; ++m) CHECK(text::french_month_number(fold(text::month_name(m))) == m);
    for (int d = 0; d < 7; ++d) CHECK(text::french_weekday_number(fold(text::weekday_name(d))) == d);
    CHECK(text::french_month_number("fevr.") == 2);
    CHECK(text::french_month_number("sept") == 9);
    CHECK(text::french_month_number("mois") == 0);
    CHECK(text::french_weekday_number("lun") == -1);
}

TEST_CASE("ASCII case for names and identifiers") {
    CHECK(text::ascii_lower("Offre.PDF É") == "offre.pdf É");
    CHECK(text::iequals_ascii("HTTPS://", "https://"));
    CHECK_FALSE(text::iequals_ascii("É", "é"));
    CHECK(text::iends_with_ascii("avis.DOCX", ".docx"));
    CHECK_FALSE(text::iends_with_ascii("x", ".docx"));
}

TEST_CASE("ligatures are spelt out and nothing else changes") {
    CHECK(text::expand_ligatures("e\uFB03cace, \uFB01ches, \uFB02uide, \uFB00et") == "efficace, fiches, fluide, ffet");
    CHECK(text::expand_ligatures("\uFB05\uFB06 \uFB04") == "stst ffl");
    CHECK(text::expand_ligatures("sans ligature \u00E9t\u00E9") == "sans ligature \u00E9t\u00E9");
    CHECK(text::ligature_at("\uFB01", 0) == "fi");
    CHECK(text::ligature_at("\uFB01", 1).empty());
    CHECK(text::ligature_at("\xEF\xAC", 0).empty());      // truncated: no ligature, no read past the end
    CHECK(text::ligature_at("\xEF\xAC\x87", 0).empty());  // U+FB07 is not one
}
