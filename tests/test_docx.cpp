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

/// real-26-0420.docx -> tests/expected/postings/real-26-0420.json
fs::path expected_for(const fs::path& document) {
    return tests_dir() / "expected" / "postings" / (document.stem().string() + ".json");
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
        const fs::path exp = expected_for(p);
        INFO("document " << p);
        REQUIRE(fs::exists(exp));
        diagnostics d;
        compare_offer(read_expected(exp), read_docx_file(p, d), p.filename().string(), sc);
    }
    return sc;
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
