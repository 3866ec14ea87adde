// Tests of the docx importer (issue 15): the structure of a Word document
// (styles, lists, bold labels, tables, headers and footers, links) read into
// an offer; bad packages refused with a message naming the file.
//
// The accuracy tests read ../shared/real-docs/*.docx (made by python-docx
// from the expected JSON) and our own fictional documents in
// tests/data/documents/ (made by tests/tools/make_documents.py), and compare
// them with tests/expected/postings/ field by field.
#include <offerkit/document.hpp>
#include <offerkit/error.hpp>
#include <offerkit/plugins/docx.hpp>
#include <offerkit/reader.hpp>
#include <offerkit/registry.hpp>

#include "support/field_accuracy.hpp"
#include "support/test_support.hpp"

#include <algorithm>
#include <iostream>

namespace fs = std::filesystem;
using namespace offerkit;
using namespace offerkit::testing;

namespace {

job_offer read_docx_file(const fs::path& p, diagnostics& d) {
    const posting_document doc = plugins::read_docx(read_file(p), p.string());
    return parse_posting(doc, p.string(), d);
}

field_score measure(const std::vector<fs::path>& docs) {
    return measure_documents(docs, [](const fs::path& p) {
        diagnostics d;
        return read_docx_file(p, d);
    });
}

}  // namespace

TEST_CASE("docx accuracy on the shared real postings and seeds", "[accuracy]") {
    OFFERKIT_REQUIRE_SHARED(shared);
    const auto docs = files_with(shared / "real-docs", ".docx");
    REQUIRE(docs.size() == 34);
    const field_score sc = measure(docs);
    const std::string figure = sc.figure("docx importer", "34 shared Word documents");
    std::cout << figure << "\n" << sc.misses << std::flush;
    WARN(figure);
    INFO(sc.misses);
    CHECK(sc.accuracy() >= 0.99);
}

TEST_CASE("docx accuracy on our fictional documents in other layouts", "[accuracy]") {
    // label|value tables, a three-column profile, activities side by side,
    // headings by style, by outline level and by bold paragraphs, numbered
    // lists, dense 9 pt text, the letterhead in the header or in the body
    // (tests/tools/make_documents.py; the layout of each in LAYOUTS.txt).
    const auto docs = files_with(tests_dir() / "data" / "documents", ".docx");
    REQUIRE(docs.size() >= 9);
    const field_score sc = measure(docs);
    const std::string figure = sc.figure("docx importer", "our fictional Word documents");
    std::cout << figure << "\n" << sc.misses << std::flush;
    WARN(figure);
    INFO(sc.misses);
    CHECK(sc.accuracy() >= 0.99);
}

TEST_CASE("bad Word and PDF documents are refused with what they are and nothing is written") {
    // tests/tools/make_bad_documents.py writes them (python3-reportlab, qpdf).
    temp_dir dir;
    const fs::path docs = tests_dir() / "data" / "documents";
    const auto made =
        run(shell_quote(python()) + " " + shell_quote((tests_dir() / "tools" / "make_bad_documents.py").string()) +
            " " + shell_quote(dir.path().string()) + " " + shell_quote((docs / "fict-mairie-table.docx").string()) +
            " " + shell_quote((docs / "fict-mairie-table.pdf").string()));
    INFO(made.output);
    REQUIRE(made.exit_code == 0);
    const bool have_pdf = fs::exists(binary_dir() / "lib" / "offerkit" / "plugins" / "offerkit-poppler.so");
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"not-a-zip.docx", "not a readable Word document: it is not a zip archive"},
        {"truncated.docx", "the zip archive is truncated or damaged"},
        {"no-document.docx", "not a Word document: an Office package without word/document.xml"},
        {"outside.docx", "points outside the package (../../../etc/passwd)"},
        {"dtd.docx", "declares a DTD or entities"},
        {"bomb.docx", "inflates to more than 64 MiB (a zip bomb?)"},
        {"truncated.pdf", "not a readable PDF: the file is damaged or truncated"},
        {"scan.pdf", "has no text layer (a scanned image?): OCR is not supported"},
        {"encrypted.pdf", "the PDF is encrypted with a password"},
        {"pages-500.pdf", "the PDF has 500 pages; a posting is read up to 100"},
    };
    for (const auto& [file, message] : cases) {
        if (file.ends_with(".pdf") && !have_pdf) continue;
        INFO(file);
        const fs::path out = dir / (file + ".json");
        const auto r = run(cli_command() + " convert " + shell_quote((dir / file).string()) + " --to json -o " +
                           shell_quote(out.string()));
        CHECK(r.exit_code == 1);
        CHECK_THAT(r.output, Catch::Contains((dir / file).string() + ": ") && Catch::Contains(message));
        CHECK_FALSE(fs::exists(out));
    }
    // a batch goes on past the bad ones with --keep-going, and says it did not finish cleanly
    const fs::path out = dir / "batch";
    fs::create_directories(out);
    const auto r =
        run(cli_command() + " convert " + shell_quote((dir / "bomb.docx").string()) + " " +
            shell_quote((docs / "fict-mairie-table.docx").string()) + " " + shell_quote((dir / "dtd.docx").string()) +
            " --keep-going --to jsonl -o " + shell_quote((out / "offers.jsonl").string()));
    INFO(r.output);
    CHECK(r.exit_code != 0);
    REQUIRE(fs::exists(out / "offers.jsonl"));
    CHECK_THAT(read_file(out / "offers.jsonl"), Catch::Contains("9505-26-0140/VP"));
}

TEST_CASE("Word documents are found by their content and read through the CLI") {
    temp_dir dir;
    const fs::path src = tests_dir() / "data" / "documents" / "fict-mairie-table.docx";
    const fs::path renamed = dir / "posting.bin";  // no telling extension: the zip's content decides
    fs::copy_file(src, renamed);
    const auto r = run(cli_command() + " convert " + shell_quote(renamed.string()) + " --to json -o -");
    INFO(r.output);
    CHECK(r.exit_code == 0);
    CHECK_THAT(r.output, Catch::Contains("\"reference\": \"9505-26-0140/VP\""));
    const auto p = run(cli_command() + " plugins --readers");
    CHECK_THAT(p.output, Catch::Contains("docx") && Catch::Contains("offerkit-docx.so"));
}

TEST_CASE("a docx's structure reaches the parser: styles lists tables and furniture") {
    const fs::path src = tests_dir() / "data" / "documents" / "fict-chs-numbered.docx";  // the "table" layout
    const posting_document doc = plugins::read_docx(read_file(src), src.string());
    const std::string md = to_markdown(doc);
    INFO(md);
    CHECK(std::count_if(doc.lines.begin(), doc.lines.end(), [](const document_line& l) { return l.furniture; }) >= 2);
    CHECK(std::any_of(doc.lines.begin(), doc.lines.end(), [](const document_line& l) { return l.heading == 1; }));
    CHECK(std::any_of(doc.lines.begin(), doc.lines.end(), [](const document_line& l) { return l.list_level == 1; }));
    CHECK(std::any_of(doc.lines.begin(), doc.lines.end(),
                      [](const document_line& l) { return l.table > 0 && l.column == 1; }));
    CHECK_THAT(md, !Catch::Contains("www.example.nc"));                   // the header is furniture
    CHECK_THAT(md, Catch::Contains("**Référence** : 9606-26-0210/CHS"));  // a label|value row read as "label : value"
}

TEST_CASE("a Word hyperlink keeps the words it is attached to") {
    const fs::path src = tests_dir() / "data" / "documents" / "fict-gouv-allcaps.docx";  // an address as a hyperlink
    const posting_document doc = plugins::read_docx(read_file(src), src.string());
    const auto linked =
        std::find_if(doc.lines.begin(), doc.lines.end(), [](const document_line& l) { return !l.links.empty(); });
    REQUIRE(linked != doc.lines.end());
    REQUIRE(linked->link_texts.size() == linked->links.size());
    CHECK_THAT(linked->link_texts[0], Catch::StartsWith("Les candidatures"));
    diagnostics d;
    const job_offer o = parse_posting(doc, src.string(), d);
    REQUIRE(o.links.size() == 1);
    CHECK(o.links[0].field == "how_to_apply");
    CHECK(o.links[0].url == "https://emploi.example.nc/offres/9101-26-0815");
    CHECK_THAT(*o.links[0].text, Catch::StartsWith("Les candidatures"));
}
