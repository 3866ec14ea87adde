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

job_offer read_pdf_file(const fs::path& p, diagnostics& d) {
    return parse_posting(plugins::read_pdf(read_file(p), p.string()), p.string(), d);
}

std::vector<fs::path> files_with(const fs::path& dir, std::string_view ext) {
    std::vector<fs::path> out;
    if (!fs::is_directory(dir)) return out;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ext) out.push_back(e.path());
    std::sort(out.begin(), out.end());
    return out;
}

field_score measure(const std::vector<fs::path>& docs) {
    field_score sc;
    for (const auto& p : docs) {
        const fs::path exp = tests_dir() / "expected" / "postings" / (p.stem().string() + ".json");
        INFO("document " << p);
        REQUIRE(fs::exists(exp));
        diagnostics d;
        compare_offer(read_expected(exp), read_pdf_file(p, d), p.filename().string(), sc);
    }
    return sc;
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
        const job_offer from_pdf = read_pdf_file(pdf, d1);
        const job_offer from_docx =
            parse_posting(plugins::read_docx(read_file(word), word.string()), word.string(), d2);
        const std::string text = read_file(md);
        const job_offer from_text = parse_posting(std::string_view(text), md.string(), d3);
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
