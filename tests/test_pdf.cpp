// The `pdf` exporter: flyers checked with tools we did not write (qpdf, poppler, MuPDF).
#include "support/test_support.hpp"

#include <offerkit/error.hpp>
#include <offerkit/exporter.hpp>
#include <offerkit/plugins/pdf.hpp>
#include <offerkit/registry.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

namespace fs = std::filesystem;
using namespace offerkit;
using offerkit::testing::run;
using offerkit::testing::shell_quote;
using offerkit::testing::temp_dir;

namespace {

const fs::path brands_dir = offerkit::testing::source_dir() / "assets" / "brands";

bool have_tool(const std::string& name) { return run("command -v " + name + " >/dev/null 2>&1").exit_code == 0; }

#define REQUIRE_PDF_TOOLS()                                                                                     \
    do {                                                                                                        \
        if (!have_tool("qpdf") || !have_tool("pdftotext") || !have_tool("pdffonts") || !have_tool("pdfinfo") || \
            !have_tool("mutool"))                                                                               \
            OFFERKIT_SKIP("qpdf, poppler-utils or mupdf-tools missing (scripts/install-deps)");                 \
    } while (0)

#define REQUIRE_PIKEPDF()                                                                          \
    do {                                                                                           \
        if (run(shell_quote(offerkit::testing::python()) + " -c 'import pikepdf'").exit_code != 0) \
            OFFERKIT_SKIP("python3-pikepdf missing (scripts/install-deps)");                       \
    } while (0)

/// A full offer with a title of 60 phrases and a place of work of 600 letters.
job_offer oversized_offer() {
    job_offer o = offerkit::testing::full_offer();
    o.title.clear();
    for (int i = 0; i < 60; ++i) o.title += "Très long intitulé de poste numéro " + std::to_string(i) + " ";
    o.location = std::string(600, 'x');
    return o;
}

/// Runs the exporter; returns the files written.
std::vector<fs::path> export_pdf(const std::vector<job_offer>& offers, const option_map& options, const fs::path& out,
                                 diagnostics* diags_out = nullptr) {
    registry reg;
    plugins::register_pdf(reg);
    const exporter& ex = reg.get("pdf");
    diagnostics diags;
    export_target target;
    target.path = out;
    auto session = ex.begin(target, options, diags);
    for (const auto& o : offers) session->write(o);
    auto files = session->finish();
    if (diags_out) *diags_out = diags;
    return files;
}

/// All white space folded to one space, so that wrapped lines compare as written.
std::string fold_ws(std::string_view s) {
    std::string out;
    bool space = false;
    for (char c : s) {
        if (c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f') {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        out += c;
    }
    return out;
}

struct extraction {
    std::string text;      // stdout
    std::string warnings;  // stderr
};

extraction pdftotext(const fs::path& pdf, const std::string& flags = "") {
    const fs::path txt = pdf.string() + ".txt";
    auto r = run("pdftotext -enc UTF-8 " + flags + " " + shell_quote(pdf.string()) + " " + shell_quote(txt.string()));
    REQUIRE(r.exit_code == 0);
    return {offerkit::testing::read_file(txt), r.output};
}

extraction mutool_text(const fs::path& pdf) {
    const fs::path txt = pdf.string() + ".mu.txt";
    auto r = run("mutool draw -q -F txt -o " + shell_quote(txt.string()) + " " + shell_quote(pdf.string()));
    REQUIRE(r.exit_code == 0);
    // This mutool build always says it has no ICC support: not about the file.
    std::string warnings;
    std::istringstream in(r.output);
    for (std::string line; std::getline(in, line);)
        if (line.find("ICC support is not available") == std::string::npos && !line.empty()) warnings += line + "\n";
    return {offerkit::testing::read_file(txt), warnings};
}

int page_count(const fs::path& pdf) {
    auto r = run("pdfinfo " + shell_quote(pdf.string()));
    REQUIRE(r.exit_code == 0);
    auto at = r.output.find("Pages:");
    REQUIRE(at != std::string::npos);
    return std::stoi(r.output.substr(at + 6));
}

void check_qpdf(const fs::path& pdf) {
    auto r = run("qpdf --check " + shell_quote(pdf.string()));
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK(r.output.find("No syntax or stream encoding errors found") != std::string::npos);
}

void check_fonts_embedded(const fs::path& pdf) {
    auto r = run("pdffonts " + shell_quote(pdf.string()));
    REQUIRE(r.exit_code == 0);
    INFO(r.output);
    std::istringstream in(r.output);
    std::string line;
    int fonts = 0;
    std::getline(in, line);  // header
    std::getline(in, line);  // ----
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        ++fonts;
        // simple WinAnsi TrueType (Windows-1252 text) or CID TrueType (any other text)
        CHECK(line.find("TrueType") != std::string::npos);
        // columns: emb sub uni
        CHECK(line.find(" yes yes yes ") != std::string::npos);
    }
    CHECK(fonts >= 2);
}

std::vector<std::string> pages_of(const std::string& text) {
    std::vector<std::string> pages;
    std::size_t i = 0;
    while (i <= text.size()) {
        std::size_t j = text.find('\f', i);
        if (j == std::string::npos) j = text.size();
        pages.push_back(text.substr(i, j - i));
        i = j + 1;
    }
    while (!pages.empty() && fold_ws(pages.back()).empty()) pages.pop_back();
    return pages;
}

/// Checks that every word lies inside the page, between the margins, above the
/// footer rule; returns the number of words.
std::size_t words_inside_page(const fs::path& pdf) {
    const auto bbox = pdftotext(pdf, "-bbox").text;
    std::size_t at = 0, words = 0;
    while ((at = bbox.find("<word xMin=\"", at)) != std::string::npos) {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        REQUIRE(std::sscanf(bbox.c_str() + at, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"", &x0, &y0,
                            &x1, &y1) == 4);
        ++words;
        INFO("word box " << x0 << " " << y0 << " " << x1 << " " << y1);
        CHECK(x0 >= 47.0);
        CHECK(x1 <= 595.276 - 47.0);
        CHECK(y0 >= 0.0);
        CHECK(y1 <= 841.89 - 30.0);  // y grows downwards; the footer text sits at y ≈ 806
        ++at;
    }
    return words;
}

/// A long fictional offer: many activities, long paragraphs, a long unbreakable
/// address, a Vietnamese name.
job_offer long_offer() {
    job_offer o = offerkit::testing::full_offer();
    o.reference = "9001-25-0999/SR";
    o.title = "DAF – Responsable du pôle « comptabilité, budget et marchés publics » de la direction";
    o.description.clear();
    for (int i = 1; i <= 6; ++i)
        o.description.push_back("Paragraphe " + std::to_string(i) +
                                " : la direction des affaires financières prépare le budget, suit son exécution, "
                                "tient la comptabilité de l’établissement et conseille les services opérationnels "
                                "sur la commande publique, les délégations et les contrôles internes ; elle "
                                "s’appuie sur une équipe de douze agents répartis sur deux sites.");
    o.activities.clear();
    for (int s = 1; s <= 4; ++s) {
        activity_section sec;
        sec.kind = s <= 3 ? activity_kind::main : activity_kind::secondary;
        sec.title = "Domaine " + std::to_string(s) + " – pilotage & contrôle";
        for (int i = 1; i <= 7; ++i)
            sec.items.push_back("Activité " + std::to_string(s) + "." + std::to_string(i) +
                                " : élaborer, vérifier et présenter les états financiers périodiques à la "
                                "direction générale en respectant les échéances réglementaires");
        o.activities.push_back(sec);
    }
    o.how_to_apply = {
        "Les candidatures sont reçues sur https://emploi.example.nc/candidatures/offres/2025/daf/responsable-pole-"
        "comptabilite-budget-marches-publics-formulaire-en-ligne-unique",
        "Joindre une lettre de motivation, un CV et le dernier arrêté de situation administrative."};
    o.contacts.push_back({"Nguyễn Thị Minh Khai", "Adjointe au directeur", "minh.khai@example.nc", "27 00 00"});
    return o;
}

std::vector<std::string> activity_items(const job_offer& o) {
    std::vector<std::string> items;
    for (const auto& s : o.activities)
        for (const auto& i : s.items) items.push_back(i);
    return items;
}

}  // namespace

TEST_CASE("a full offer gives one A4 flyer whose text extracts exactly, without warnings") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    const job_offer o = offerkit::testing::full_offer();
    const auto files = export_pdf({o}, {}, dir.path());
    REQUIRE(files.size() == 1);
    CHECK(files[0] == dir / "9001-25-0042_SR.pdf");
    REQUIRE(fs::exists(files[0]));
    check_qpdf(files[0]);
    check_fonts_embedded(files[0]);

    for (const auto& [tool, ex] :
         {std::pair{"pdftotext", pdftotext(files[0])}, std::pair{"mutool", mutool_text(files[0])}}) {
        INFO(tool);
        CHECK(ex.warnings.empty());
        INFO(ex.warnings);
        const std::string text = fold_ws(ex.text);
        INFO(text);
        CHECK(text.find(fold_ws(o.title)) != std::string::npos);
        CHECK(text.find(o.reference) != std::string::npos);
        CHECK(text.find("vendredi 6 juin 2025") != std::string::npos);  // deadline, the French way
        CHECK(text.find("Date limite de candidature") != std::string::npos);
        for (const auto& item : activity_items(o)) CHECK(text.find(fold_ws(item)) != std::string::npos);
        for (const char* word : {"études", "Île-de-Pins", "Nouméa", "« cœur »", "Dupont-Wéa", "Régime",
                                 "technicité — 15 %", "d’information", "3 à 4", "recrutement@example.nc",
                                 "marie.dupont@example.nc", "Activités principales", "Management", "Savoir-être"})
            CHECK(text.find(word) != std::string::npos);
        CHECK(text.find("Page 1 / ") != std::string::npos);
    }
}

TEST_CASE("fonts: the Latin subset when it covers the text, the full DejaVu Sans otherwise") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    // issue 8's budget holds for a plain flyer; tagging and PDF/A (issue 19) add a structure tree, XMP, ICC
    const auto small =
        export_pdf({offerkit::testing::full_offer()}, {{"tagged", "false"}, {"pdfa", "false"}}, dir / "a").at(0);
    const auto tagged = export_pdf({offerkit::testing::full_offer()}, {}, dir / "t").at(0);
    CHECK(fs::file_size(tagged) < 48 * 1024);
    const auto fonts_small = run("pdffonts " + shell_quote(small.string())).output;
    INFO(fonts_small);
    if (fonts_small.find("OfferkitSansLatin") == std::string::npos)
        OFFERKIT_SKIP("the Latin subset font was not built (no /usr/bin/python3 at build time?)");
    CHECK(fonts_small.find("DejaVu") == std::string::npos);
    CHECK(fonts_small.find("CID") == std::string::npos);  // all Windows-1252: simple fonts
    CHECK(fs::file_size(small) < 30 * 1024);              // issue 8: at most 30 KB per flyer

    // Latin outside Windows-1252 (ł, ő, a narrow no-break space): the subset, as CID fonts.
    job_offer polish = offerkit::testing::full_offer();
    polish.contacts[0].name = "Łucja Wałęsa-Erdős";
    polish.title += "\u202f!";
    const auto mid = export_pdf({polish}, {}, dir / "c").at(0);
    const auto fonts_mid = run("pdffonts " + shell_quote(mid.string())).output;
    CHECK(fonts_mid.find("OfferkitSansLatin") != std::string::npos);
    CHECK(fonts_mid.find("CID TrueType") != std::string::npos);
    const auto ex_mid = pdftotext(mid);
    CHECK(ex_mid.warnings.empty());
    CHECK(fold_ws(ex_mid.text).find("Łucja Wałęsa-Erdős") != std::string::npos);
    const auto mu_mid = mutool_text(mid);
    CHECK(mu_mid.warnings.empty());
    CHECK(fold_ws(mu_mid.text).find("Łucja Wałęsa-Erdős") != std::string::npos);

    // A Vietnamese name is outside the subset: the whole flyer uses DejaVu Sans.
    const auto big = export_pdf({long_offer()}, {}, dir / "b").at(0);
    const auto fonts_big = run("pdffonts " + shell_quote(big.string())).output;
    CHECK(fonts_big.find("DejaVuSans") != std::string::npos);
    CHECK(fonts_big.find("OfferkitSansLatin") == std::string::npos);
    const auto ex = pdftotext(big);
    CHECK(ex.warnings.empty());
    CHECK(fold_ws(ex.text).find("Nguyễn Thị Minh Khai") != std::string::npos);
    const auto mu = mutool_text(big);
    CHECK(mu.warnings.empty());
    CHECK(fold_ws(mu.text).find("Nguyễn Thị Minh Khai") != std::string::npos);
    CHECK(fold_ws(mu.text).find(fold_ws(long_offer().title)) != std::string::npos);
}

TEST_CASE("metadata: title, author, subject, keywords, creator, date from the offer") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    const job_offer o = offerkit::testing::full_offer();
    const auto files = export_pdf({o}, {}, dir.path());
    auto r = run("pdfinfo -enc UTF-8 " + shell_quote(files.at(0).string()));
    REQUIRE(r.exit_code == 0);
    CHECK(r.output.find("Title:           " + o.title) != std::string::npos);
    CHECK(r.output.find("Author:          " + o.employer) != std::string::npos);
    CHECK(r.output.find("Subject:         Avis de vacance de poste 9001-25-0042/SR") != std::string::npos);
    CHECK(r.output.find("Keywords:        9001-25-0042/SR") != std::string::npos);
    CHECK(r.output.find("Creator:         offerkit") != std::string::npos);
    CHECK(r.output.find("May 16 00:00:00 2025") != std::string::npos);
    CHECK(r.output.find("A4") != std::string::npos);
}

TEST_CASE("a short offer is one page with its footer and no empty labels") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    const job_offer o = offerkit::testing::minimal_offer();
    const auto files = export_pdf({o}, {}, dir.path());
    REQUIRE(files.size() == 1);
    check_qpdf(files[0]);
    CHECK(page_count(files[0]) == 1);
    const std::string text = fold_ws(pdftotext(files[0]).text);
    CHECK(text.find("Page 1 / 1") != std::string::npos);
    CHECK(text.find(fold_ws(o.title)) != std::string::npos);
    for (const char* label : {"Direction", "Lieu de travail", "Date limite", "Missions", "Contexte", "Renseignements",
                              "Activités", "Offre en ligne"})
        CHECK(text.find(label) == std::string::npos);
}

TEST_CASE("a long offer flows onto several pages, each with its footer, nothing outside the page") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    const job_offer o = long_offer();
    const auto files = export_pdf({o}, {}, dir.path());
    REQUIRE(files.size() == 1);
    check_qpdf(files[0]);
    const int n = page_count(files[0]);
    CHECK(n >= 3);
    const auto ex = pdftotext(files[0]);
    CHECK(ex.warnings.empty());
    const auto pages = pages_of(ex.text);
    REQUIRE(static_cast<int>(pages.size()) == n);
    const std::vector<std::string> headings = {
        "Contexte",         "Missions",         "Activités principales", "Activités secondaires",
        "Profil recherché", "Comment postuler", "Renseignements"};
    for (int k = 0; k < n; ++k) {
        INFO("page " << k + 1);
        const std::string page = fold_ws(pages[static_cast<std::size_t>(k)]);
        CHECK(page.find("Page " + std::to_string(k + 1) + " / " + std::to_string(n)) != std::string::npos);
        CHECK(page.find(o.reference) != std::string::npos);
        // No heading ends a page: the text before the footer is never a heading.
        std::istringstream in(pages[static_cast<std::size_t>(k)]);
        std::vector<std::string> lines;
        for (std::string l; std::getline(in, l);)
            if (!fold_ws(l).empty()) lines.push_back(fold_ws(l));
        // the last lines are the footer (website/ref/page); look at the last body line
        auto body_end = std::find_if(lines.rbegin(), lines.rend(), [&](const std::string& l) {
            return l.find("Page ") == std::string::npos && l.find(o.reference) == std::string::npos;
        });
        if (body_end != lines.rend()) {
            INFO("last body line: " << *body_end);
            CHECK(std::find(headings.begin(), headings.end(), *body_end) == headings.end());
            CHECK(body_end->rfind("Domaine ", 0) != 0);  // nor a sub-heading
        }
    }
    const std::string text = fold_ws(ex.text);
    for (const auto& item : activity_items(o)) {
        CHECK(text.find(fold_ws(item)) != std::string::npos);
        // a short item (two lines here) is never split across two pages
        CHECK(std::any_of(pages.begin(), pages.end(),
                          [&](const std::string& pg) { return fold_ws(pg).find(fold_ws(item)) != std::string::npos; }));
    }
    CHECK(text.find("Nguyễn Thị Minh Khai") != std::string::npos);
    CHECK(mutool_text(files[0]).warnings.empty());

    CHECK(words_inside_page(files[0]) > 500);
}

TEST_CASE("a pathological offer: huge title, endless word, hundreds of items, emoji") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    job_offer o = oversized_offer();
    o.missions = {std::string(3000, 'W'), "Émoji 🙂 hors du plan multilingue de base", "\t contrôle\n  "};
    activity_section many{activity_kind::main, std::string(400, 'T'), {}};
    for (int i = 0; i < 300; ++i) many.items.push_back("Point " + std::to_string(i) + " de la liste");
    o.activities.push_back(many);
    o.url = std::string("https://example.nc/") + std::string(5000, 'q');  // too long for a QR code
    diagnostics diags;
    const auto files = export_pdf({o}, {}, dir.path(), &diags);
    REQUIRE(files.size() == 1);
    check_qpdf(files[0]);
    const int pages = page_count(files[0]);
    CHECK(pages > 5);
    CHECK(pages < 20);  // a title taller than a page is split, not one line per page
    // Said so: the QR code left out, and the emoji the flyer's fonts cannot hold replaced.
    REQUIRE(diags.size() == 2);
    CHECK_THAT(diags.items()[0].to_string(),
               Catch::Contains("missions[1]") && Catch::Contains("U+1F642") && Catch::Contains("replaced by U+FFFD"));
    CHECK_THAT(diags.items()[1].to_string(), Catch::Contains("QR code"));
    CHECK(words_inside_page(files[0]) > 1000);
    const auto ex = pdftotext(files[0]);
    CHECK(ex.warnings.empty());
    CHECK(fold_ws(ex.text).find("Point 299 de la liste") != std::string::npos);
    CHECK(fold_ws(ex.text).find("Émoji \xEF\xBF\xBD hors") != std::string::npos);  // U+FFFD in place of the emoji
}

TEST_CASE("two runs give identical bytes") {
    REQUIRE_PDF_TOOLS();
    temp_dir a, b;
    const auto o = offerkit::testing::full_offer();
    const option_map opts{{"brand", (brands_dir / "lagons.json").string()}};
    const auto fa = export_pdf({o, long_offer()}, opts, a.path());
    const auto fb = export_pdf({o, long_offer()}, opts, b.path());
    REQUIRE(fa.size() == 2);
    REQUIRE(fb.size() == 2);
    for (std::size_t i = 0; i < 2; ++i)
        CHECK(offerkit::testing::read_file(fa[i]) == offerkit::testing::read_file(fb[i]));
}

TEST_CASE("the example brand: logo, organisation, slogan, Liberation fonts, website in the footer") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    const auto files =
        export_pdf({offerkit::testing::full_offer()}, {{"brand", (brands_dir / "lagons.json").string()}}, dir.path());
    check_qpdf(files.at(0));
    auto fonts = run("pdffonts " + shell_quote(files[0].string())).output;
    CHECK(fonts.find("LiberationSans") != std::string::npos);
    auto images = run("pdfimages -list " + shell_quote(files[0].string())).output;
    CHECK(images.find("240   240  rgb") != std::string::npos);
    const std::string text = fold_ws(pdftotext(files[0]).text);
    CHECK(text.find("Agence des lagons du Pacifique") != std::string::npos);
    CHECK(text.find("Protéger, partager, transmettre") != std::string::npos);
    CHECK(text.find("lagons.example.nc") != std::string::npos);
}

TEST_CASE("brands-dir picks the brand by employer, lang=en gives English labels and dates") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    job_offer alp = offerkit::testing::full_offer();
    alp.reference = "ALP-1";
    alp.employer = "  agence des LAGONS du pacifique ";
    job_offer other = offerkit::testing::full_offer();
    other.reference = "OTHER-1";
    const auto files = export_pdf({alp, other}, {{"brands-dir", brands_dir.string()}, {"lang", "en"}}, dir.path());
    REQUIRE(files.size() == 2);
    const std::string t1 = fold_ws(pdftotext(files[0]).text), t2 = fold_ws(pdftotext(files[1]).text);
    CHECK(t1.find("Protéger, partager, transmettre") != std::string::npos);
    CHECK(t2.find("Protéger, partager, transmettre") == std::string::npos);
    CHECK(t2.find("Office des postes et télécommunications") != std::string::npos);
    for (const auto& t : {t1, t2}) {
        CHECK(t.find("Application deadline") != std::string::npos);
        CHECK(t.find("Friday 6 June 2025") != std::string::npos);
        CHECK(t.find("Main activities") != std::string::npos);
    }
}

TEST_CASE("booklet: one PDF, each offer starting on a new page, every page with its footer") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    const std::vector<job_offer> offers = {offerkit::testing::full_offer(), offerkit::testing::minimal_offer(),
                                           long_offer()};
    const fs::path out = dir / "booklet.pdf";
    const auto files = export_pdf(offers, {{"booklet", "true"}}, out);
    REQUIRE(files.size() == 1);
    CHECK(files[0] == out);
    check_qpdf(out);
    check_fonts_embedded(out);

    // the page count of each offer alone, after the page of contents
    temp_dir singles;
    int expected = 1;
    std::vector<int> starts;
    for (const auto& o : offers) {
        starts.push_back(expected);
        expected += page_count(export_pdf({o}, {}, singles.path()).at(0));
    }
    CHECK(page_count(out) == expected);
    const auto ex = pdftotext(out);
    CHECK(ex.warnings.empty());
    const auto pages = pages_of(ex.text);
    REQUIRE(static_cast<int>(pages.size()) == expected);
    for (std::size_t i = 0; i < offers.size(); ++i) {
        const std::string first = fold_ws(pages[static_cast<std::size_t>(starts[i])]);
        CHECK(first.find(fold_ws(offers[i].title)) != std::string::npos);
        CHECK(first.find("Page 1 / ") != std::string::npos);
    }
    CHECK(run("pdfinfo " + shell_quote(out.string())).output.find("Title:") != std::string::npos);
}

TEST_CASE("booklet to a stream (-o -), and one file per offer refuses a stream") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    registry reg;
    plugins::register_pdf(reg);
    diagnostics diags;
    std::ostringstream out;
    export_target target;
    target.stream = &out;
    auto session = reg.get("pdf").begin(target, {{"booklet", "true"}}, diags);
    session->write(offerkit::testing::full_offer());
    session->write(offerkit::testing::minimal_offer());
    CHECK(session->finish().empty());
    const std::string bytes = out.str();
    REQUIRE(bytes.rfind("%PDF-", 0) == 0);
    offerkit::testing::write_file(dir / "s.pdf", bytes);
    check_qpdf(dir / "s.pdf");
    CHECK(page_count(dir / "s.pdf") == 4);  // the contents, then 2 + 1 pages
    CHECK_THROWS_AS(reg.get("pdf").begin(target, {}, diags), offerkit::error);
}

TEST_CASE("missing or broken brand, font or logo: an error naming the file, no output") {
    temp_dir dir;
    const fs::path out = dir / "out";
    const auto o = offerkit::testing::full_offer();
    auto expect_error = [&](const option_map& opts, const std::string& names) {
        try {
            export_pdf({o}, opts, out);
            FAIL("no error for " << names);
        } catch (const offerkit::error& e) {
            INFO(e.what());
            CHECK(std::string(e.what()).find(names) != std::string::npos);
        }
        if (fs::exists(out)) CHECK(fs::is_empty(out));
    };

    SECTION("missing brand file") {
        expect_error({{"brand", (dir / "nope.json").string()}}, (dir / "nope.json").string());
    }
    SECTION("malformed brand file: file and line") {
        offerkit::testing::write_file(dir / "bad.json", "{\n  \"organisation\": \"X\",\n  \"colors\": { oops }\n}\n");
        expect_error({{"brand", (dir / "bad.json").string()}}, (dir / "bad.json").string() + ":3:");
    }
    SECTION("bad colour") {
        offerkit::testing::write_file(dir / "c.json", R"({"colors": {"primary": "blue"}})");
        expect_error({{"brand", (dir / "c.json").string()}}, "colors.primary");
    }
    SECTION("missing font") {
        offerkit::testing::write_file(dir / "f.json", R"({"fonts": {"regular": "no-such-font.ttf"}})");
        expect_error({{"brand", (dir / "f.json").string()}}, (dir / "no-such-font.ttf").string());
    }
    SECTION("broken font") {
        offerkit::testing::write_file(dir / "broken.ttf", "this is not a font");
        offerkit::testing::write_file(dir / "f.json", R"({"fonts": {"bold": "broken.ttf"}})");
        expect_error({{"brand", (dir / "f.json").string()}}, (dir / "broken.ttf").string());
    }
    SECTION("missing logo") {
        offerkit::testing::write_file(dir / "l.json", R"({"logo": "logo.png"})");
        expect_error({{"brand", (dir / "l.json").string()}}, (dir / "logo.png").string());
    }
    SECTION("broken logo") {
        offerkit::testing::write_file(dir / "logo.png", "\x89PNG but not really");
        offerkit::testing::write_file(dir / "l.json", R"({"logo": "logo.png"})");
        expect_error({{"brand", (dir / "l.json").string()}}, (dir / "logo.png").string());
    }
    SECTION("bad option values") {
        expect_error({{"lang", "de"}}, "lang");
        expect_error({{"booklet", "maybe"}}, "booklet");
        expect_error({{"colour", "red"}}, "colour");
    }
}

TEST_CASE("a session destroyed without finish leaves no file") {
    temp_dir dir;
    registry reg;
    plugins::register_pdf(reg);
    diagnostics diags;
    {
        export_target t;
        t.path = dir.path();
        auto s = reg.get("pdf").begin(t, {}, diags);
        s->write(offerkit::testing::full_offer());
    }
    CHECK(fs::is_empty(dir.path()));
}

TEST_CASE("French and English long dates") {
    using plugins::pdf::long_date;
    CHECK(long_date(*date::from_ymd(2025, 6, 6), "fr") == "vendredi 6 juin 2025");
    CHECK(long_date(*date::from_ymd(2025, 7, 1), "fr") == "mardi 1er juillet 2025");
    CHECK(long_date(*date::from_ymd(2025, 8, 17), "fr") == "dimanche 17 août 2025");
    CHECK(long_date(*date::from_ymd(2025, 6, 6), "en") == "Friday 6 June 2025");
}

TEST_CASE("the shipped brands load") {
    const auto d = plugins::pdf::load_brand(brands_dir / "default.json");
    CHECK(d.organisation.empty());
    const auto l = plugins::pdf::load_brand(brands_dir / "lagons.json");
    CHECK(l.organisation == "Agence des lagons du Pacifique");
    CHECK(l.logo == brands_dir / "lagons-logo.png");
    CHECK(l.primary == plugins::pdf::rgb{0x0E / 255.0, 0x5A / 255.0, 0x7A / 255.0});
    const auto set = plugins::pdf::brand_set::load_directory(brands_dir);
    CHECK(set.pick("ALP").name == "lagons");
    CHECK(set.pick("Agence des Lagons du Pacifique").name == "lagons");
    CHECK(set.pick("Somebody else").name == "default");
}

// ---------------------------------------------------------------------------
// Brand assets are input: corrupt logos and fonts, unsafe links, long words.

namespace {

/// A brand of `dir` using `logo` and the given fonts (empty: the defaults).
fs::path brand_with(const fs::path& dir, const std::string& name, const std::string& logo,
                    const std::string& font = "") {
    std::string json = "{\"format\": \"offerkit-brand/1\", \"name\": \"" + name + "\"";
    if (!logo.empty()) json += ", \"logo\": \"" + logo + "\"";
    if (!font.empty()) json += ", \"fonts\": {\"regular\": \"" + font + "\", \"bold\": \"" + font + "\"}";
    json += "}";
    offerkit::testing::write_file(dir / (name + ".json"), json);
    return dir / (name + ".json");
}

/// A copy of the build's Latin subset font with `patch` applied to its bytes by Python
/// (`t` the bytearray, `tab(tag)` the offset of a table).
fs::path corrupt_font(const fs::path& dir, const std::string& name, const std::string& patch) {
    const fs::path src = offerkit::testing::binary_dir() / "share/offerkit/fonts/OfferkitSansLatin.ttf";
    const fs::path out = dir / (name + ".ttf");
    const std::string script =
        "import struct,sys\n"
        "t=bytearray(open(sys.argv[1],'rb').read())\n"
        "n=struct.unpack('>H',t[4:6])[0]\n"
        "d={bytes(t[12+16*i:16+16*i]).decode('latin1'):struct.unpack('>II',t[20+16*i:28+16*i]) for i in range(n)}\n"
        "def tab(tag): return d[tag][0]\n"
        "def entry(tag): return 12+16*[bytes(t[12+16*i:16+16*i]).decode('latin1') for i in range(n)].index(tag)\n" +
        patch + "\nopen(sys.argv[2],'wb').write(t)\n";
    offerkit::testing::write_file(dir / (name + ".py"), script);
    const auto r = run(offerkit::testing::python() + " " + shell_quote((dir / (name + ".py")).string()) + " " +
                       shell_quote(src.string()) + " " + shell_quote(out.string()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    return out;
}

std::string export_error(const job_offer& o, const option_map& opts, const fs::path& out) {
    try {
        export_pdf({o}, opts, out);
    } catch (const offerkit::error& e) {
        return e.what();
    }
    return {};
}

}  // namespace

TEST_CASE("corrupt or oversized logos are refused with a reason, before libharu sees them") {
    temp_dir dir;
    const fs::path logos = offerkit::testing::tests_dir() / "data/logos";
    const auto o = offerkit::testing::full_offer();
    struct bad {
        const char* file;
        const char* reason;
    };
    for (const bad& b : {bad{"bad-crc.png", "unreadable PNG"}, bad{"truncated.png", "unreadable PNG"},
                         bad{"huge.png", "30000 × 30000 pixels, more than a logo needs"}}) {
        INFO(b.file);
        const auto t0 = std::chrono::steady_clock::now();
        const std::string why =
            export_error(o, {{"brand", brand_with(dir.path(), "b", (logos / b.file).string()).string()}}, dir / "out");
        // Refused from its header: not decoded at 2.6 GB (an upper bound, not a benchmark).
        CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(10));
        CHECK_THAT(why, Catch::Contains((logos / b.file).string() + ": pdf: logo: " + b.reason));
        CHECK_THAT(why, Catch::Contains("named in " + (dir / "b.json").string()));
        if (fs::exists(dir / "out")) CHECK(fs::is_empty(dir / "out"));
    }
}

TEST_CASE("16-bit, palette and grey logos are embedded as 8-bit RGB, with their transparency") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    const fs::path logos = offerkit::testing::tests_dir() / "data/logos";
    for (const char* file : {"rgba16.png", "palette.png", "grey.png"}) {
        INFO(file);
        const auto files =
            export_pdf({offerkit::testing::full_offer()},
                       {{"brand", brand_with(dir.path(), "b", (logos / file).string()).string()}}, dir / file);
        REQUIRE(files.size() == 1);
        check_qpdf(files[0]);
        const auto r = run("pdfimages -list " + shell_quote(files[0].string()));
        INFO(r.output);
        CHECK_THAT(r.output, Catch::Contains("image      24    24  rgb     3   8"));
        if (std::string(file) == "rgba16.png")
            CHECK_THAT(r.output, Catch::Contains("smask      24    24  gray    1   8"));
    }
    // The 16-bit colours reduced, not scrambled: the first pixel is (0, 0, 40000/257).
    const auto r =
        run("cd " + shell_quote(dir.path().string()) + " && pdfimages -png rgba16.png/*.pdf img && " +
            offerkit::testing::python() +
            " -c \"import zlib,struct;d=open('img-000.png','rb').read();i=d.index(b'IDAT');"
            "n=struct.unpack('>I',d[i-4:i])[0];raw=zlib.decompress(d[i+4:i+4+n]);print('px',list(raw[1:4]))\"");
    INFO(r.output);
    CHECK_THAT(r.output, Catch::Contains("px [0, 0, 156]"));
}

TEST_CASE("corrupt fonts are refused with a reason — the subset they come from loads") {
    temp_dir dir;
    const auto o = offerkit::testing::full_offer();
    struct bad {
        const char* name;
        const char* patch;
        const char* reason;
    };
    const bad cases[] = {
        {"upem0", "t[tab('head')+18:tab('head')+20]=b'\\0\\0'", "unitsPerEm 0 is outside 16…16384"},
        {"hmetrics", "t[tab('hhea')+34:tab('hhea')+36]=b'\\xff\\xff'", "numberOfHMetrics 65535 is not within"},
        {"truncated", "t=t[:len(t)//2]", "extends past the end of the file"},
        {"loca",
         "o=tab('loca')\nif t[tab('head')+51]==0: t[o+2:o+4]=b'\\xff\\xff'\nelse: t[o+4:o+8]=b'\\x7f\\xff\\xff\\xff'",
         "table 'loca' goes backwards"},
        {"cmapend",
         "o=tab('cmap'); import struct as s\n"
         "for i in range(s.unpack('>H',t[o+2:o+4])[0]):\n"
         "  off=s.unpack('>I',t[o+8+8*i:o+12+8*i])[0]; st=o+off\n"
         "  if s.unpack('>H',t[st:st+2])[0]==4:\n"
         "    seg=s.unpack('>H',t[st+6:st+8])[0]//2; e=st+14+2*(seg-1); t[e:e+2]=b'\\x00\\x41'",
         "the cmap's last segment does not end at U+FFFF"},
        {"tables", "t[4:6]=b'\\x01\\x00'", "a table directory of 256 tables"},
        {"cff", "t[0:4]=b'OTTO'", "CFF outlines"},
    };
    for (const bad& b : cases) {
        INFO(b.name);
        const fs::path font = corrupt_font(dir.path(), b.name, b.patch);
        const std::string why =
            export_error(o, {{"brand", brand_with(dir.path(), b.name, "", font.string()).string()}}, dir / "out");
        CHECK_THAT(why,
                   Catch::Contains(font.string() + ": pdf: not a usable TrueType font: ") && Catch::Contains(b.reason));
    }
    const fs::path intact = corrupt_font(dir.path(), "intact", "pass");
    CHECK(export_error(o, {{"brand", brand_with(dir.path(), "intact", "", intact.string()).string()}}, dir / "ok")
              .empty());
}

TEST_CASE("the QR code and printed links follow offerkit's one rule for links") {
    REQUIRE_PDF_TOOLS();
    if (!have_tool("zbarimg") || !have_tool("pdftoppm"))
        OFFERKIT_SKIP("zbar-tools or poppler-utils missing (scripts/install-deps)");
    temp_dir dir;
    auto qr_of = [&](const std::string& url, diagnostics& diags) {
        job_offer o = offerkit::testing::minimal_offer();
        o.reference = "9001-26-0303/SR";
        o.url = url;
        const auto files = export_pdf({o}, {}, dir / "out", &diags);
        REQUIRE(files.size() == 1);
        const auto png = dir / "page";
        REQUIRE(
            run("pdftoppm -r 150 -png -f 1 -l 1 " + shell_quote(files[0].string()) + " " + shell_quote(png.string()))
                .exit_code == 0);
        return run("zbarimg -q --raw " + shell_quote(png.string() + "-1.png") + " 2>/dev/null").output;
    };
    diagnostics diags;
    CHECK(qr_of("https://emploi.example.nc/offres/0303", diags) == "https://emploi.example.nc/offres/0303\n");
    CHECK(diags.empty());
    for (const char* unsafe :
         {"javascript:alert(document.cookie)", "file:///etc/passwd", "\\\\\\\\serveur\\\\partage\\\\avis.pdf",
          "//serveur/partage", "JaVaScRiPt:alert(1)", "data:text/html,<script>x</script>"}) {
        INFO(unsafe);
        diagnostics d;
        CHECK(qr_of(unsafe, d).empty());  // no QR code on the page
        REQUIRE(d.size() == 1);
        CHECK_THAT(d.items()[0].message,
                   Catch::Contains("is not a web (http, https) or mail address; no QR code drawn"));
    }
}

TEST_CASE("brands-dir says when an employer has no brand of its own") {
    temp_dir dir;
    job_offer o = offerkit::testing::full_offer();
    o.employer = "Commune de Koné";
    job_offer other = o;
    other.reference = "9001-26-0304/SR";
    diagnostics diags;
    export_pdf({o, other}, {{"brands-dir", brands_dir.string()}}, dir / "out", &diags);
    INFO(diags.items().back().to_string());
    REQUIRE(diags.size() == 1);  // once per employer, not per offer
    CHECK_THAT(diags.items()[0].message,
               Catch::Contains("pdf: no brand of " + brands_dir.string() + " names the employer \"Commune de Koné\"") &&
                   Catch::Contains("is used for its offers"));
}

TEST_CASE("line breaking is linear in the length of a word without spaces") {
    temp_dir dir;
    // The defect was quadratic: 3 s at 400,000 characters, ×4 per doubling (a
    // 10 MB title never ended). Compared in the same run, so that the check
    // holds on a slow or sanitised build: 4 times the word takes about 4 times
    // as long when linear, 16 times when quadratic.
    auto seconds_for = [&](std::size_t n) {
        job_offer o = offerkit::testing::minimal_offer();
        o.missions = {std::string(n, 'w')};
        double best = 1e9;
        for (int run = 0; run < 2; ++run) {
            const auto t0 = std::chrono::steady_clock::now();
            CHECK(export_pdf({o}, {}, dir / ("out" + std::to_string(n) + "-" + std::to_string(run))).size() == 1);
            best = std::min(best, std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
        }
        return best;
    };
    const double small = seconds_for(100'000), large = seconds_for(400'000);
    INFO("100,000 characters: " << small << " s; 400,000: " << large << " s");
    CHECK(large < 9 * small);
}

namespace {

/// One of tests/tools/' Python checkers on `pdf`.
offerkit::testing::command_result pdf_tool(const std::string& script, const fs::path& pdf) {
    return run(shell_quote(offerkit::testing::python()) + " " +
               shell_quote((offerkit::testing::tests_dir() / "tools" / script).string()) + " " +
               shell_quote(pdf.string()));
}

/// tests/tools/check_contrast.py on `pdf`: every text against what is painted under it.
offerkit::testing::command_result contrast_check(const fs::path& pdf) { return pdf_tool("check_contrast.py", pdf); }

}  // namespace

TEST_CASE("text on brand colours reads at 4.5:1 at least: a pale brand is darkened, and said so once") {
    REQUIRE_PIKEPDF();
    temp_dir dir;
    // The built-in brand and the shipped one pass as they are.
    for (const auto& brand : {std::string(), (brands_dir / "default.json").string()}) {
        option_map opts;
        if (!brand.empty()) opts["brand"] = brand;
        diagnostics diags;
        auto files =
            export_pdf({offerkit::testing::full_offer()}, opts, dir / ("ok" + std::to_string(brand.size())), &diags);
        REQUIRE(files.size() == 1);
        auto r = contrast_check(files[0]);
        INFO(r.output);
        CHECK(r.exit_code == 0);
        CHECK(diags.size() == 0);
    }
    // A brand whose colours are too pale for white text: yellow band, orange deadline box.
    offerkit::testing::write_file(dir / "pale.json", R"({"name": "pale", "organisation": "Commune pâle",
        "colors": {"primary": "#F2C12E", "accent": "#F2A03D"}})");
    job_offer a = long_offer(), b = offerkit::testing::full_offer();
    b.reference = "9001-26-0305/SR";
    diagnostics diags;
    auto files = export_pdf({a, b}, {{"brand", (dir / "pale.json").string()}}, dir / "pale", &diags);
    REQUIRE(files.size() == 2);
    for (const auto& f : files) {
        auto r = contrast_check(f);
        INFO(r.output);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.output, Catch::Contains("checked ") && Catch::Contains(" 0 below"));
        check_qpdf(f);
    }
    REQUIRE(diags.size() == 2);  // one per colour, not one per offer
    CHECK(diags.items()[0].where.path == "colors.primary");
    CHECK_THAT(diags.items()[0].message,
               Catch::Contains("pdf: brand pale: white text on its primary colour #F2C12E is") &&
                   Catch::Contains("below WCAG's 4.5:1; the flyers use #"));
    CHECK(diags.items()[1].where.path == "colors.accent");
    CHECK_THAT(diags.items()[1].message,
               Catch::Contains("accent colour #F2A03D is 2.13:1") && Catch::Contains("for the deadline box instead"));
    CHECK(diags.items()[0].where.file == (dir / "pale.json").string());
}

namespace {

/// Lines of body text on page `n` of `pdf`: what pdftotext finds between the
/// bands and the footer (the continuation band ends 33 pt from the top, the
/// footer rule is 50 pt from the bottom).
int body_lines(const fs::path& pdf, int n) {
    auto r = run("pdftotext -enc UTF-8 -f " + std::to_string(n) + " -l " + std::to_string(n) +
                 " -x 0 -y 40 -W 596 -H 740 " + shell_quote(pdf.string()) + " -");
    REQUIRE(r.exit_code == 0);
    int lines = 0;
    std::istringstream in(r.output);
    for (std::string line; std::getline(in, line);)
        if (!fold_ws(line).empty()) ++lines;
    return lines;
}

}  // namespace

TEST_CASE("no offer sheet of the real postings ends with a page of fewer than six lines") {
    REQUIRE_PDF_TOOLS();
    OFFERKIT_REQUIRE_SHARED(shared);
    temp_dir dir;
    const fs::path postings = shared / "real" / "opt-avp-markdown";
    auto r = run(shell_quote(offerkit::testing::cli_path().string()) + " convert " + shell_quote(postings.string()) +
                 "/*.md --to pdf -o " + shell_quote((dir / "out").string()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    int sheets = 0;
    for (const auto& f : fs::directory_iterator(dir / "out")) {
        ++sheets;
        const int pages = page_count(f.path());
        INFO(f.path().filename() << ": " << pages << " pages");
        CHECK(pages <= 4);
        if (pages > 1) CHECK(body_lines(f.path(), pages) >= 6);
        check_qpdf(f.path());
    }
    CHECK(sheets >= 20);
}

TEST_CASE("a list announced by a lead-in stays a list, contacts are in the key facts too") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    job_offer o = offerkit::testing::full_offer();
    o.how_to_apply = {"Les candidatures (CV, lettre de motivation, diplômes) doivent parvenir à la direction par :",
                      "Voie postale : BP 1234, 98800 Nouméa",
                      "Dépôt : accueil du siège",
                      "Courriel : recrutement@example.nc",
                      "(1) La liste des pièces est sur le site de la direction des ressources humaines.",
                      "Toute candidature incomplète sera écartée."};
    o.contacts = {{"Marie Wayaridri", "Cheffe du service", "marie.w@example.nc", "27 11 22"}};
    auto files = export_pdf({o}, {}, dir / "out");
    REQUIRE(files.size() == 1);
    const std::string text = fold_ws(pdftotext(files[0]).text);
    INFO(text);
    CHECK_THAT(text, Catch::Contains("par : • Voie postale : BP 1234, 98800 Nouméa • Dépôt : accueil du siège • "
                                     "Courriel : recrutement@example.nc (1) La liste"));
    CHECK_THAT(text, !Catch::Contains("• (1)") && !Catch::Contains("• Toute candidature"));
    // once in the key facts on the first page, once under "Renseignements"
    const std::string first_page = fold_ws(pages_of(pdftotext(files[0]).text).front());
    CHECK_THAT(first_page, Catch::Contains("Marie Wayaridri – marie.w@example.nc – 27 11 22"));
}

TEST_CASE("offers of every length: no last page of fewer than six lines, headings and list items not left alone") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    // The same offer with 0 to 39 conditions: one of them at least ends a page
    // with a line or two under a plain greedy filling of the pages.
    std::vector<job_offer> offers;
    for (int n = 0; n < 40; ++n) {
        job_offer o = long_offer();
        o.reference = "9001-26-" + std::to_string(1000 + n) + "/SR";
        for (int i = 0; i < n; ++i)
            o.conditions.push_back("Condition " + std::to_string(i + 1) + " : disponibilité les jours fériés");
        offers.push_back(o);
    }
    auto files = export_pdf(offers, {}, dir / "out");
    REQUIRE(files.size() == offers.size());
    for (const auto& f : files) {
        const int pages = page_count(f);
        INFO(f.filename() << ": " << pages << " pages");
        REQUIRE(pages > 1);
        CHECK(body_lines(f, pages) >= 6);
        const auto text = pages_of(pdftotext(f).text);
        for (std::size_t p = 0; p + 1 < text.size(); ++p) {
            // the last body line of a page is not a heading
            std::istringstream in(text[p]);
            std::string line, last;
            while (std::getline(in, line))
                if (!fold_ws(line).empty() && line.find("Page ") == std::string::npos) last = fold_ws(line);
            INFO("page " << p + 1 << " ends with: " << last);
            CHECK(last != "Conditions particulières");
            CHECK(last != "Comment postuler");
            CHECK(last != "Renseignements");
        }
    }
}

namespace {

/// The QR code of page 1 of `pdf`, as zbarimg reads it ("" when none).
std::string qr_text(const fs::path& pdf) {
    const fs::path png = pdf.string() + "-page";
    REQUIRE(run("pdftoppm -r 150 -png -f 1 -l 1 " + shell_quote(pdf.string()) + " " + shell_quote(png.string()))
                .exit_code == 0);
    const fs::path shot = png.string() + "-1.png";
    std::string out = run("zbarimg -q --raw " + shell_quote(shot.string()) + " 2>/dev/null").output;
    while (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

}  // namespace

TEST_CASE("layout=flyer: one A4 page with the title, key facts, deadline, missions that fit and the QR code") {
    REQUIRE_PDF_TOOLS();
    if (!have_tool("zbarimg")) OFFERKIT_SKIP("zbar-tools missing (scripts/install-deps)");
    temp_dir dir;
    job_offer o = long_offer();
    o.url = "https://emploi.example.nc/offres/9001-25-0999";
    o.missions.clear();
    for (int i = 1; i <= 40; ++i)
        o.missions.push_back("Mission " + std::to_string(i) + " : piloter la préparation budgétaire annuelle");
    auto files = export_pdf({o}, {{"layout", "flyer"}}, dir / "out");
    REQUIRE(files.size() == 1);
    check_qpdf(files[0]);
    CHECK(page_count(files[0]) == 1);
    CHECK(words_inside_page(files[0]) > 100);
    const std::string text = fold_ws(pdftotext(files[0]).text);
    INFO(text);
    CHECK_THAT(text, Catch::Contains("DAF – Responsable du pôle"));
    CHECK_THAT(text, Catch::Contains("Date limite de candidature"));
    CHECK_THAT(text, Catch::Contains("• Mission 1 : piloter"));
    // whole missions only, then how many are left out
    CHECK_THAT(text, !Catch::Contains("Mission 40 "));
    CHECK_THAT(text, Catch::Contains("autres : voir l’offre complète") && Catch::Contains("L’offre complète"));
    CHECK_THAT(text, Catch::Contains("emploi.example.nc/offres/9001-25-0999"));
    CHECK(qr_text(files[0]) == *o.url);
    // The full sheet of the same offer takes several pages.
    auto sheets = export_pdf({o}, {}, dir / "sheet");
    CHECK(page_count(sheets[0]) > 2);
    // An unknown layout is refused.
    CHECK_THROWS_WITH(export_pdf({o}, {{"layout", "poster"}}, dir / "bad"),
                      Catch::Contains("pdf: option layout: \"sheet\" (the full offer) or \"flyer\" (one page) is "
                                      "expected, not \"poster\""));
    CHECK(!fs::exists(dir / "bad"));
}

TEST_CASE("layout=flyer: a pathological offer still fits one page, its text unshrunk") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    job_offer o = oversized_offer();
    o.missions = {std::string(3000, 'W'), "Deuxième mission"};
    for (auto& c : o.contacts) c.name = std::string(500, 'n');
    o.how_to_apply = {std::string(4000, 'a')};
    for (const auto& layout_booklet : {std::string("false"), std::string("true")}) {
        auto files = export_pdf({o, o}, {{"layout", "flyer"}, {"booklet", layout_booklet}}, dir / layout_booklet);
        REQUIRE(!files.empty());
        check_qpdf(files[0]);
        CHECK(page_count(files[0]) == (layout_booklet == "true" ? 3 : 1));  // a booklet: the contents, then a page each
        words_inside_page(files[0]);
        // the body text keeps its size: no font smaller than the sheet's 10 pt in the missions
        auto r = run("pdftotext -bbox " + shell_quote(files[0].string()) + " -");
        const auto at = r.output.find(">Deuxième<");
        if (at != std::string::npos) {
            const auto open = r.output.rfind("<word", at);
            double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            REQUIRE(std::sscanf(r.output.c_str() + open, "<word xMin=\"%lf\" yMin=\"%lf\" xMax=\"%lf\" yMax=\"%lf\"",
                                &x0, &y0, &x1, &y1) == 4);
            CHECK(y1 - y0 >= 9.5);
        }
    }
}

TEST_CASE("layout=flyer: every real posting on one page, its QR code readable") {
    REQUIRE_PDF_TOOLS();
    if (!have_tool("zbarimg")) OFFERKIT_SKIP("zbar-tools missing (scripts/install-deps)");
    OFFERKIT_REQUIRE_SHARED(shared);
    temp_dir dir;
    // The Markdown postings carry their page's address (a QR code each); the Word
    // documents, most of them, none (no QR code: nothing to lead to).
    for (const auto& [inputs, all_with_qr] :
         {std::pair{(shared / "real" / "opt-avp-markdown").string() + "/*.md", true},
          std::pair{(shared / "real-docs").string() + "/*.docx", false}}) {
        const fs::path out = dir / (all_with_qr ? "md" : "docx");
        auto r = run(shell_quote(offerkit::testing::cli_path().string()) + " convert " + inputs +
                     " --to pdf --option layout=flyer -o " + shell_quote(out.string()));
        INFO(r.output);
        REQUIRE(r.exit_code == 0);
        int flyers = 0, with_qr = 0;
        for (const auto& f : fs::directory_iterator(out)) {
            if (f.path().extension() != ".pdf") continue;
            ++flyers;
            INFO(f.path().filename());
            CHECK(page_count(f.path()) == 1);
            check_qpdf(f.path());
            const std::string qr = qr_text(f.path());
            if (!qr.empty()) {
                ++with_qr;
                CHECK(qr.rfind("http", 0) == 0);
            }
        }
        CHECK(flyers >= 20);
        if (all_with_qr) CHECK(with_qr == flyers);
    }
}

namespace {

/// tests/tools/check_booklet.py on `pdf`: its labels, bookmarks and links, one per line.
std::vector<std::string> navigation_of(const fs::path& pdf) {
    auto r = pdf_tool("check_booklet.py", pdf);
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> lines;
    std::istringstream in(r.output);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<std::string> starting_with(const std::vector<std::string>& lines, const std::string& prefix) {
    std::vector<std::string> out;
    for (const auto& l : lines)
        if (l.rfind(prefix, 0) == 0) out.push_back(l.substr(prefix.size()));
    return out;
}

}  // namespace

TEST_CASE("booklet: a bookmark per offer with its sections, a table of contents whose numbers are the pages'") {
    REQUIRE_PDF_TOOLS();
    REQUIRE_PIKEPDF();
    temp_dir dir;
    job_offer a = long_offer(), b = offerkit::testing::full_offer(), c = offerkit::testing::minimal_offer();
    b.reference = "9001-26-0410/SR";
    c.reference = "9001-26-0411/SR";
    c.title = "Agent d’accueil";
    auto files = export_pdf({a, b, c}, {{"booklet", "true"}}, dir / "booklet.pdf");
    REQUIRE(files.size() == 1);
    check_qpdf(files[0]);
    const auto nav = navigation_of(files[0]);
    const int pages = page_count(files[0]);

    // The contents take page 1, labelled "i"; the offers' pages are 1, 2… as their footers say.
    const auto labels = starting_with(nav, "label ");
    REQUIRE(labels.size() == static_cast<std::size_t>(pages));
    CHECK(labels[0] == "0 i");
    CHECK(labels[1] == "1 1");
    const auto text = pages_of(pdftotext(files[0]).text);
    REQUIRE(text.size() == static_cast<std::size_t>(pages));
    for (int p = 1; p < pages; ++p) CHECK_THAT(fold_ws(text[p]), Catch::Contains("(p. " + std::to_string(p) + ")"));

    // Bookmarks: the contents, then each offer (level 0) with its sections (level 1).
    const auto top = starting_with(nav, "bookmark 0 ");
    REQUIRE(top.size() == 4);
    CHECK(top[0] == "0 Sommaire");
    CHECK(top[1] == "1 9001-25-0999/SR – " + a.title);
    const auto sections = starting_with(nav, "bookmark 1 ");
    CHECK(std::count_if(sections.begin(), sections.end(), [](const std::string& s) {
              return s.find(" Activités principales") != std::string::npos;
          }) == 2);
    CHECK(std::find(sections.begin(), sections.end(), "1 Contexte") != sections.end());
    // each offer's bookmark leads to the page the contents give for it, and that page shows its reference
    const std::string contents = fold_ws(text[0]);
    const auto links = starting_with(nav, "link 0 ");
    REQUIRE(links.size() == 3);
    for (std::size_t k = 1; k < top.size(); ++k) {
        const int target = std::stoi(top[k]);
        CHECK(links[k - 1] == std::to_string(target));
        const std::string ref = top[k].substr(top[k].find(' ') + 1, 15);
        INFO(ref << " on page " << target);
        CHECK_THAT(fold_ws(text[static_cast<std::size_t>(target)]),
                   Catch::StartsWith(std::string()) && Catch::Contains(ref));
        CHECK_THAT(contents, Catch::Contains(ref) && Catch::Contains(" " + std::to_string(target)));
    }
    // Sections are in order and on the offer's pages.
    int last = 0;
    for (const auto& s : sections) {
        const int p = std::stoi(s);
        CHECK(p >= last);
        last = p;
    }

    // One offer: its bookmarks, no contents page.
    auto one = export_pdf({b}, {{"booklet", "true"}}, dir / "one.pdf");
    const auto nav1 = navigation_of(one[0]);
    CHECK(starting_with(nav1, "bookmark 0 ").size() == 1);
    CHECK(starting_with(nav1, "link ").empty());
    CHECK(page_count(one[0]) == page_count(export_pdf({b}, {}, dir / "single").at(0)));
}

TEST_CASE("tagged PDF: a structure tree in reading order, artifacts, /Lang, the title as window title") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    job_offer o = long_offer();
    o.url = "https://emploi.example.nc/offres/0999";
    auto files = export_pdf({o}, {{"brand", (brands_dir / "lagons.json").string()}}, dir / "out");
    REQUIRE(files.size() == 1);
    check_qpdf(files[0]);
    const auto info = run("pdfinfo " + shell_quote(files[0].string())).output;
    CHECK_THAT(info, Catch::Contains("Tagged:          yes"));
    CHECK_THAT(info, Catch::Contains("PDF version:     1.7"));
    const auto st = run("pdfinfo -struct-text " + shell_quote(files[0].string()));
    REQUIRE(st.exit_code == 0);
    const std::string tree = st.output;
    INFO(tree.substr(0, 3000));
    // the elements, in reading order: the band, the title, the key facts, the sections
    const std::vector<std::string> in_order = {"Document",
                                               "Sect",
                                               "Figure",
                                               "P (block)",
                                               "\"Agence des lagons du Pacifique",
                                               "H1 (block)",
                                               "\"DAF – Responsable du pôle",
                                               "Table (block)",
                                               "TH",
                                               "\"Référence\"",
                                               "TD",
                                               "\"9001-25-0999/SR",
                                               "H2 (block)",
                                               "\"Contexte\"",
                                               "\"Paragraphe 1 :",
                                               "L (block)",
                                               "LI",
                                               "Lbl",
                                               "\"•\"",
                                               "LBody",
                                               "\"Renseignements\""};
    std::size_t at = 0;
    for (const auto& piece : in_order) {
        INFO(piece);
        const auto found = tree.find(piece, at);
        CHECK(found != std::string::npos);
        if (found != std::string::npos) at = found + piece.size();
    }
    // every heading of the offer is an H2, in the order of the page
    std::size_t h2 = 0;
    for (std::size_t p = tree.find("H2 (block)"); p != std::string::npos; p = tree.find("H2 (block)", p + 1)) ++h2;
    CHECK(h2 >= 6);
    // page furniture is not in the structure: footers, bands' "(suite)"
    CHECK(tree.find("Page 1 / ") == std::string::npos);
    CHECK(tree.find("(suite)") == std::string::npos);

    // The catalogue and figures, read with pikepdf.
    REQUIRE_PIKEPDF();
    const fs::path script = dir / "catalog.py";
    offerkit::testing::write_file(script, R"(import sys, pikepdf
p = pikepdf.open(sys.argv[1])
r = p.Root
print("lang", r.Lang)
print("marked", bool(r.MarkInfo.Marked))
print("display_doc_title", bool(r.ViewerPreferences.DisplayDocTitle))
alts = []
def walk(e):
    if isinstance(e, pikepdf.Dictionary) and "/S" in e:
        if e.S == "/Figure":
            alts.append(str(e.get("/Alt", "")))
        k = e.get("/K")
        for c in (k if isinstance(k, pikepdf.Array) else [k]):
            walk(c)
walk(r.StructTreeRoot.K)
for a in alts:
    print("figure", a)
print("struct_parents", all("/StructParents" in pg.obj for pg in p.pages))
)");
    auto r = run(shell_quote(offerkit::testing::python()) + " " + shell_quote(script.string()) + " " +
                 shell_quote(files[0].string()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("lang fr\n") && Catch::Contains("marked True\n") &&
                             Catch::Contains("display_doc_title True\n") && Catch::Contains("struct_parents True\n"));
    CHECK_THAT(r.output, Catch::Contains("figure Agence des lagons du Pacifique\n"));
    CHECK_THAT(r.output, Catch::Contains("figure https://emploi.example.nc/offres/0999\n"));  // the QR code

    // tagged=false: none of it
    auto plain = export_pdf({o}, {{"tagged", "false"}}, dir / "plain");
    CHECK_THAT(run("pdfinfo " + shell_quote(plain[0].string())).output, Catch::Contains("Tagged:          no"));
}

namespace {

/// tests/tools/check_pdfa.py on `pdf`: the PDF/A-2b and PDF/UA-1 clauses offerkit checks.
offerkit::testing::command_result clauses_of(const fs::path& pdf) { return pdf_tool("check_pdfa.py", pdf); }

}  // namespace

TEST_CASE("PDF/A-2b and PDF/UA-1: flyers, one-page flyers and booklets pass the clauses offerkit checks") {
    REQUIRE_PDF_TOOLS();
    REQUIRE_PIKEPDF();
    if (!fs::exists("/usr/share/color/icc/sRGB.icc")) OFFERKIT_SKIP("icc-profiles-free missing (scripts/install-deps)");
    temp_dir dir;
    job_offer a = long_offer(), b = offerkit::testing::full_offer();
    a.url = "https://emploi.example.nc/offres/0999";
    b.reference = "9001-26-0412/SR";
    const option_map lagons{{"brand", (brands_dir / "lagons.json").string()}};
    std::vector<fs::path> made;
    for (const auto& [name, options] :
         {std::pair{std::string("sheets"), lagons}, std::pair{std::string("flyers"), option_map{{"layout", "flyer"}}},
          std::pair{std::string("booklet.pdf"), option_map{{"booklet", "true"}}}}) {
        diagnostics diags;
        auto files = export_pdf({a, b}, options, dir / name, &diags);
        CHECK(diags.size() == 0);
        made.insert(made.end(), files.begin(), files.end());
    }
    REQUIRE(made.size() == 5);
    for (const auto& f : made) {
        INFO(f.filename());
        const auto r = clauses_of(f);
        INFO(r.output);
        CHECK(r.exit_code == 0);
        CHECK(r.output.find("FAIL") == std::string::npos);
        CHECK_THAT(r.output, Catch::Contains("ok A-2 6.6.3: the Info dictionary's entries equal their XMP properties"));
        check_qpdf(f);
    }
    // The checks can fail: an untagged, plain PDF fails them.
    auto plain = export_pdf({b}, {{"tagged", "false"}, {"pdfa", "false"}}, dir / "plain");
    const auto r = clauses_of(plain[0]);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.output, Catch::Contains("FAIL A-2 6.1.3: the trailer has an /ID") &&
                             Catch::Contains("FAIL A-2 6.6.2.1") && Catch::Contains("FAIL UA-1 7.1: /MarkInfo"));
    // The ID comes from the content: the same input, the same bytes; another offer, another ID.
    auto again = export_pdf({b}, {}, dir / "again");
    auto first = export_pdf({b}, {}, dir / "first");
    CHECK(offerkit::testing::read_file(again[0]) == offerkit::testing::read_file(first[0]));
    CHECK(offerkit::testing::read_file(again[0]).find("/ID [") != std::string::npos);
}

TEST_CASE("pdfa: without an sRGB profile the PDFs are made, not PDF/A, and said so once") {
    REQUIRE_PDF_TOOLS();
    temp_dir dir;
    offerkit::testing::write_file(dir / "not.icc", "not an ICC profile");
    // $OFFERKIT_ICC_PROFILE, when set, is the only profile looked for
    setenv("OFFERKIT_ICC_PROFILE", (dir / "not.icc").c_str(), 1);
    diagnostics diags;
    job_offer a = offerkit::testing::full_offer(), b = a;
    b.reference = "9001-26-0413/SR";
    auto files = export_pdf({a, b}, {}, dir / "out", &diags);
    unsetenv("OFFERKIT_ICC_PROFILE");
    REQUIRE(files.size() == 2);
    REQUIRE(diags.size() == 1);  // once, not per file
    CHECK_THAT(diags.items()[0].message, Catch::Contains("pdf: no sRGB ICC profile in " + (dir / "not.icc").string()) &&
                                             Catch::Contains("the PDFs are not PDF/A; --option pdfa=false"));
    check_qpdf(files[0]);
    CHECK(run("pdfinfo " + shell_quote(files[0].string())).output.find("Metadata Stream: no") != std::string::npos);
    // pdfa=false: not asked for, nothing said
    setenv("OFFERKIT_ICC_PROFILE", (dir / "not.icc").c_str(), 1);
    diagnostics quiet;
    export_pdf({a}, {{"pdfa", "false"}}, dir / "quiet", &quiet);
    unsetenv("OFFERKIT_ICC_PROFILE");
    CHECK(quiet.size() == 0);
}

TEST_CASE("brand fonts named by family are found with fontconfig, a missing family is an error naming it") {
    REQUIRE_PDF_TOOLS();
    if (!have_tool("fc-match")) OFFERKIT_SKIP("fontconfig missing (scripts/install-deps)");
    temp_dir dir;
    offerkit::testing::write_file(dir / "fam.json", R"({"name": "fam", "organisation": "Commune de test",
        "fonts": {"regular": "Liberation Serif", "bold": "DejaVu Sans"}})");
    const brand b = plugins::pdf::load_brand(dir / "fam.json");
    CHECK(b.font_regular.filename() == "LiberationSerif-Regular.ttf");
    CHECK(b.font_bold.filename() == "DejaVuSans-Bold.ttf");
    auto files = export_pdf({offerkit::testing::full_offer()}, {{"brand", (dir / "fam.json").string()}}, dir / "out");
    REQUIRE(files.size() == 1);
    const auto fonts = run("pdffonts " + shell_quote(files[0].string())).output;
    INFO(fonts);
    CHECK_THAT(fonts, Catch::Contains("LiberationSerif") && Catch::Contains("DejaVuSans-Bold"));
    check_fonts_embedded(files[0]);

    // A family the machine does not have: fontconfig's nearest is not taken.
    offerkit::testing::write_file(dir / "bad.json", R"({"fonts": {"regular": "No Such Family Sans"}})");
    CHECK_THROWS_WITH(plugins::pdf::load_brand(dir / "bad.json"),
                      Catch::Contains((dir / "bad.json").string() + ": fonts.regular: no font of the family \"No "
                                                                    "Such Family Sans\" on this machine (fontconfig's "
                                                                    "nearest: "));
    // A format that draws no text with the brand's fonts (the web site) reads the profile as it is.
    const brand core = read_brand(dir / "bad.json", brand{});
    CHECK(core.font_regular.empty());
}
