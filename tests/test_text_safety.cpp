// What writers do with text they cannot carry, the one rule for links, and
// excerpts of long values in messages (offerkit/text_safety.hpp).
#include "support/test_support.hpp"

#include <offerkit/posting_parser.hpp>
#include <offerkit/text_safety.hpp>
#include <offerkit/utf8.hpp>

#include <algorithm>
#include <vector>

using namespace offerkit;
using namespace std::string_literals;

TEST_CASE("links: http, https and mailto only, with a host or an address") {
    for (const char* ok : {"https://emploi.example.nc/offres/1", "http://example.nc", "HTTPS://EXAMPLE.NC/x?a=1&b=2#f",
                           "mailto:drh@example.nc", "https://example.nc/%20avis.pdf"})
        CHECK(is_safe_link(ok));
    for (const char* bad :
         {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "file:///etc/passwd",
          "data:text/html,x", "vbscript:x", "\\\\serveur\\partage", "//serveur/partage", "https://", "https:///etc",
          "http://exa mple.nc", "https://example.nc/\"onload=", "https://a.nc/<script>", "mailto:", "mailto:nobody",
          "ftp://example.nc", "https://a.nc/\\x", "emploi.example.nc", ""})
        CHECK_FALSE(is_safe_link(bad));
    CHECK_FALSE(is_safe_link("https://a.nc/\x01"));
    CHECK_FALSE(is_safe_link("https://a.nc/\nx"));
}

TEST_CASE("excerpts: short values whole, long ones cut at a character with their length") {
    CHECK(excerpt("court") == "court");
    const std::string ten_mb(10u << 20, 'x');
    const std::string e = excerpt(ten_mb, 20);
    CHECK(e == std::string(20, 'x') + "… (10485760 bytes)");
    CHECK(excerpt("ééééé", 3) == "ééé… (10 bytes)");  // never half a character
}

TEST_CASE("a 10 MB value is not echoed whole in a warning") {
    const std::string text =
        "Référence : 9001-26-0001/SR du 2 mai 2026\nIntitulé du poste : Agent\n"
        "Employeur : Ville de Nouméa\nDate limite de candidature : " +
        std::string(10u << 20, 'z') + "\n";
    diagnostics diags;
    parse_posting(text, "long.txt", diags);
    REQUIRE_FALSE(diags.empty());
    for (const auto& d : diags) {
        INFO(d.to_string().substr(0, 300));
        CHECK(d.to_string().size() < 400);
    }
}

TEST_CASE("scrubbing: per repertoire, one warning per field, the offer untouched when it fits") {
    job_offer o = testing::full_offer();
    diagnostics diags;
    job_offer copy;
    CHECK(&fitted(o, copy, text_repertoire::xml, "xlsx", diags) == &o);  // nothing to do: no copy
    CHECK(diags.empty());

    o.title = "A\0B\x1F C\uFFFE\uFFFF D\tE\nF"s;
    o.activities.at(0).items.at(0) = "emoji 🙂";
    o.extra.set("Label\x07", "valeur");
    const job_offer& x = fitted(o, copy, text_repertoire::xml, "xlsx", diags);
    CHECK(&x == &copy);
    CHECK(x.title == "AB C D\tE\nF");
    CHECK(x.activities[0].items[0] == "emoji 🙂");  // XML carries it
    CHECK(x.extra.entries.back().first == "Label");
    REQUIRE(diags.size() == 2);
    CHECK(diags.items()[0].where.path == "title");
    CHECK_THAT(diags.items()[0].message, Catch::Equals("xlsx: offer " + o.reference +
                                                       ": 4 characters that xlsx cannot carry removed "
                                                       "(U+0000, U+001F, U+FFFE, U+FFFF)"));
    CHECK(diags.items()[1].where.path == "extra[\"Label\x07\"] (label)");

    diagnostics pdf;
    const job_offer& y = fitted(o, copy, text_repertoire::pdf_flyer, "pdf", pdf);
    CHECK(y.activities[0].items[0] == "emoji \uFFFD");
    CHECK(std::any_of(pdf.begin(), pdf.end(), [](const diagnostic& d) {
        return d.where.path == "activities[0].items[0]" &&
               d.message.find("replaced by U+FFFD (U+1F642)") != std::string::npos;
    }));
}

TEST_CASE("utf8::next rejects what RFC 3629 rejects") {
    auto decode = [](std::string_view s) {
        std::vector<char32_t> out;
        for (std::size_t i = 0; i < s.size();) out.push_back(utf8::next(s, i));
        return out;
    };
    using v = std::vector<char32_t>;
    CHECK(decode("aé€🙂") == v{U'a', U'é', U'€', U'🙂'});
    CHECK(decode("\xEF\xBF\xBD") == v{0xFFFD});                              // U+FFFD itself
    CHECK(decode("\xC0\x80") == v{0xFFFD, 0xFFFD});                          // overlong U+0000
    CHECK(decode("\xE0\x80\xAF") == v{0xFFFD, 0xFFFD, 0xFFFD});              // overlong '/'
    CHECK(decode("\xED\xA0\x80") == v{0xFFFD, 0xFFFD, 0xFFFD});              // a surrogate
    CHECK(decode("\xF4\x90\x80\x80") == v{0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD});  // above U+10FFFF
    CHECK(decode("\xF5\x80") == v{0xFFFD, 0xFFFD});
    CHECK(decode("\xE2\x82") == v{0xFFFD, 0xFFFD});  // truncated
    CHECK(decode("\x80x") == v{0xFFFD, U'x'});       // stray continuation byte
}
