// Tests of the pdf importer (issue 15, the poppler plugin): a PDF print's
// words, fonts and boxes rebuilt into paragraphs, columns, lists and headings,
// read into an offer; bad PDFs refused with a message naming the file.
#include <offerkit/document.hpp>
#include <offerkit/error.hpp>
#include <offerkit/plugins/docx.hpp>
#include <offerkit/plugins/poppler.hpp>
#include <offerkit/posting_parser.hpp>

#include "src/layout.hpp"
#include "support/field_accuracy.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <iostream>

namespace fs = std::filesystem;
using namespace offerkit;
using namespace offerkit::testing;

namespace {

job_offer read_pdf_file(const fs::path& p, diagnostics& d, fact_policy facts = fact_policy::repair) {
    return parse_posting(plugins::read_pdf(read_file(p), p.string()), p.string(), d, facts);
}

field_score measure(const std::vector<fs::path>& docs) {
    return measure_documents(docs, [](const fs::path& p) {
        diagnostics d;
        return read_pdf_file(p, d);
    });
}

}  // namespace

TEST_CASE("pdf accuracy on the shared real postings and seeds", "[accuracy]") {
    OFFERKIT_REQUIRE_SHARED(shared);
    const auto docs = files_with(shared / "real-docs", ".pdf");
    REQUIRE(docs.size() == 34);
    const field_score sc = measure(docs);
    const std::string figure = sc.figure("pdf importer", "34 shared PDF prints");
    std::cout << figure << "\n" << sc.misses << std::flush;
    WARN(figure);
    INFO(sc.misses);
    CHECK(sc.accuracy() >= 0.99);
}

TEST_CASE("pdf accuracy on our fictional documents in other layouts", "[accuracy]") {
    const auto docs = files_with(tests_dir() / "data" / "documents", ".pdf");
    REQUIRE(docs.size() >= 9);
    const field_score sc = measure(docs);
    const std::string figure = sc.figure("pdf importer", "our fictional PDF prints");
    std::cout << figure << "\n" << sc.misses << std::flush;
    WARN(figure);
    INFO(sc.misses);
    CHECK(sc.accuracy() >= 0.99);
}

TEST_CASE("the same posting read from its docx its pdf and its text gives the same offer") {
    OFFERKIT_REQUIRE_SHARED(shared);
    std::size_t same = 0, checked = 0;
    std::string differ;
    for (const auto& pdf : files_with(shared / "real-docs", ".pdf")) {
        const std::string stem = pdf.stem().string();
        if (stem.rfind("real-", 0) != 0) continue;
        const fs::path md = shared / "real" / "opt-avp-markdown" / (stem.substr(5) + ".md");
        const fs::path word = shared / "real-docs" / (stem + ".docx");
        if (!fs::exists(md) || !fs::exists(word)) continue;
        diagnostics d1, d2, d3;
        // As written: the Markdown alone writes the weekdays ("vendredi 29 mai 2029") that
        // let 26-0686 and 26-0691 be repaired (docs/facts.md); the words read are the same.
        const auto as_written = fact_policy::as_written;
        const job_offer from_pdf = read_pdf_file(pdf, d1, as_written);
        const job_offer from_docx =
            parse_posting(plugins::read_docx(read_file(word), word.string()), word.string(), d2, as_written);
        const std::string text = read_file(md);
        const job_offer from_text = parse_posting(std::string_view(text), md.string(), d3, as_written);
        ++checked;
        const auto a = offer_fields(from_pdf), b = offer_fields(from_docx), c = offer_fields(from_text);
        if (a == b && b == c)
            ++same;
        else
            for (std::size_t i = 0; i < a.size(); ++i)
                if (a[i] != b[i] || b[i] != c[i]) differ += stem + ": " + a[i].first + "\n";
    }
    INFO(differ);
    CHECK(checked == 29);
    CHECK(same == checked);
}

TEST_CASE("link annotations give their targets to the words they cover") {
    // LibreOffice's prints here carry no link annotations: reportlab draws one.
    temp_dir dir;
    const fs::path pdf = dir / "lien.pdf";
    write_file(dir / "make.py", R"py(import sys
from reportlab.pdfgen import canvas
c = canvas.Canvas(sys.argv[1])
c.setFont("Helvetica-Bold", 16)
c.drawString(72, 760, "Agent(e) d'accueil (H/F)")
for y, label, value in ((730, "Référence :", "9999-26-0001/SR"), (715, "Employeur :", "Commune fictive de Sarraméa"),
                        (700, "Date limite de candidature :", "15 janvier 2027")):
    c.setFont("Helvetica-Bold", 10)
    c.drawString(72, y, label)
    c.setFont("Helvetica", 10)
    c.drawString(72 + c.stringWidth(label, "Helvetica-Bold", 10) + 4, y, value)
c.setFont("Helvetica-Bold", 12)
c.drawString(72, 660, "POUR RÉPONDRE À CETTE OFFRE")
c.setFont("Helvetica", 10)
c.drawString(72, 640, "Déposez votre dossier sur le formulaire en ligne.")
x = 72 + c.stringWidth("Déposez votre dossier sur le ", "Helvetica", 10)
c.linkURL("https://emploi.example.nc/offres/9999", (x, 636, x + c.stringWidth("formulaire en ligne", "Helvetica", 10), 650))
c.save()
)py");
    const auto made =
        run(shell_quote(python()) + " " + shell_quote((dir / "make.py").string()) + " " + shell_quote(pdf.string()));
    INFO(made.output);
    REQUIRE(made.exit_code == 0);
    const posting_document doc = plugins::read_pdf(read_file(pdf), pdf.string());
    const auto linked =
        std::find_if(doc.lines.begin(), doc.lines.end(), [](const document_line& l) { return !l.links.empty(); });
    REQUIRE(linked != doc.lines.end());
    CHECK(linked->links == std::vector<std::string>{"https://emploi.example.nc/offres/9999"});
    CHECK_THAT(linked->text, Catch::Contains("formulaire en ligne"));
    diagnostics d;
    const job_offer o = parse_posting(doc, pdf.string(), d);
    CHECK(o.reference == "9999-26-0001/SR");
    CHECK(o.url == std::optional<std::string>("https://emploi.example.nc/offres/9999"));
    CHECK(o.how_to_apply == std::vector<std::string>{"Déposez votre dossier sur le formulaire en ligne."});
    // the link stays with the words it covers
    CHECK(linked->link_texts == std::vector<std::string>{"formulaire en ligne."});  // whole words, as drawn
    REQUIRE(o.links.size() == 1);
    CHECK(o.links[0] == hyperlink{"how_to_apply", "formulaire en ligne", "https://emploi.example.nc/offres/9999"});
}

TEST_CASE("layout: bold fonts bullets furniture hyphens and columns from geometry alone") {
    using namespace offerkit::poppler_plugin;
    CHECK(bold_font_name("BAAAAA+LiberationSans-Bold"));
    CHECK(bold_font_name("Arial,Bold"));
    CHECK(bold_font_name("Calibri-BoldItalic"));
    CHECK(bold_font_name("MyriadPro-Semibold"));
    CHECK_FALSE(bold_font_name("CAAAAA+LiberationSans"));
    CHECK_FALSE(bold_font_name("Bodoni-Italic"));
    // two pages: a letterhead and a page number on each, a bullet list, a word hyphenated
    // at a line's end, and a two-column grid
    auto word = [](std::string t, double x, double y, double w, bool bold = false) {
        pdf_word p;
        p.text = std::move(t);
        p.x0 = x;
        p.x1 = x + w;
        p.y0 = y;
        p.y1 = y + 13;
        p.size = 10;
        p.bold = bold;
        return p;
    };
    std::vector<pdf_page> pages(2);
    for (std::size_t i = 0; i < 2; ++i) {
        pages[i].width = 612;
        pages[i].height = 792;
        pages[i].words.push_back(word("SERVICE", 400, 40, 50));
        pages[i].words.push_back(word("FICTIF", 455, 40, 40));
        pages[i].words.push_back(word("Page", 480, 750, 25));
        pages[i].words.push_back(word(std::to_string(i + 1) + "/2", 508, 750, 20));
    }
    auto& w = pages[0].words;
    w.push_back(word("Référence", 57, 120, 50, true));
    w.push_back(word(":", 109, 120, 4, true));
    w.push_back(word("9000-26-0001/SR", 116, 120, 80));
    w.push_back(word("Direction", 306, 120, 45, true));
    w.push_back(word(":", 353, 120, 4, true));
    w.push_back(word("Finances", 360, 120, 45));
    w.push_back(word("\u2022", 57, 200, 5));
    w.push_back(word("Accueillir", 75, 200, 45));
    w.push_back(word("le", 123, 200, 10));
    w.push_back(word("\u2022", 57, 214, 5));
    w.push_back(word("Renseigner", 75, 214, 55));
    w.push_back(word("1.", 57, 230, 8));  // a number, then its text far to the right: one line
    w.push_back(word("Classer", 90, 230, 40));
    w.push_back(word("Une", 57, 260, 20));
    for (int k = 0; k < 20; ++k) w.push_back(word("mot", 80 + 22.0 * k, 260, 18));
    w.push_back(word("recrute-", 520, 260, 35));
    w.push_back(word("ment", 57, 274, 25));
    w.push_back(word("réussi.", 85, 274, 30));
    const posting_document doc = layout_document(pages);
    std::vector<std::string> body, furniture;
    for (const auto& l : doc.lines) (l.furniture ? furniture : body).push_back(l.text);
    INFO(to_markdown(doc));
    CHECK(furniture.size() == 4);  // the letterhead and "Page n/2", on both pages
    REQUIRE(body.size() == 6);
    CHECK(body[0] == "Référence : 9000-26-0001/SR");
    CHECK(body[1] == "Direction : Finances");
    CHECK(doc.lines[1].table == doc.lines[0].table);
    CHECK(doc.lines[0].table > 0);
    CHECK(doc.lines[1].column == 1);
    CHECK(body[2] == "Accueillir le");
    CHECK(body[3] == "Renseigner");
    CHECK(doc.lines[2].list_level == 1);
    CHECK(body[4] == "1. Classer");
    CHECK(doc.lines[4].table == 0);
    CHECK(body[5].find("recrutement réussi.") != std::string::npos);
    REQUIRE(doc.lines[0].bold.size() == 1);
    const text_span b = doc.lines[0].bold[0];
    CHECK(doc.lines[0].text.substr(b.begin, b.end - b.begin) == "Référence :");
}

TEST_CASE("the bundled example documents read as the offers they were made from") {
    // examples/postings/*.docx and *.pdf, made by tests/tools/make_documents.py
    // from tests/tools/example-documents/*.json
    const fs::path src = tests_dir() / "tools" / "example-documents";
    std::size_t n = 0;
    for (const auto& e : fs::directory_iterator(source_dir() / "examples" / "postings")) {
        const auto ext = e.path().extension();
        if (ext != ".docx" && ext != ".pdf") continue;
        ++n;
        const std::string bytes = read_file(e.path());
        const posting_document doc =
            ext == ".pdf" ? plugins::read_pdf(bytes, e.path().string()) : plugins::read_docx(bytes, e.path().string());
        diagnostics d;
        field_score sc;
        compare_offer(read_expected(src / (e.path().stem().string() + ".json")),
                      parse_posting(doc, e.path().string(), d), e.path().filename().string(), sc);
        INFO(sc.misses);
        CHECK(sc.matched == sc.total);
        CHECK(d.empty());
    }
    CHECK(n == 2);
}
