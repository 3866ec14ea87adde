// Word and PDF postings read into offers: documents per second on one core.
//
// The documents are our fictional postings of tests/data/documents/ (two pages
// each but one, made by tests/tools/make_documents.py), read from memory and
// parsed into offers, one after the other:
//  - BM_Docx: the docx importer (unzip, WordprocessingML, the parser);
//  - BM_Pdf: the pdf importer (poppler's words and fonts, our layout, the parser);
//  - BM_PdftotextThenParser (baseline, same run): `pdftotext -layout FILE -`,
//    the way postings were read before issue 15, then our text parser on its output.
// docs/performance.md gives the ratios.
#include <offerkit/error.hpp>
#include <offerkit/plugins/docx.hpp>
#include <offerkit/plugins/poppler.hpp>
#include <offerkit/posting_parser.hpp>

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct document {
    std::string path, bytes;
};

std::vector<document> load(const char* ext) {
    std::vector<document> docs;
    for (const auto& e : std::filesystem::directory_iterator(OFFERKIT_BENCH_DOCUMENTS))
        if (e.path().extension() == ext) {
            std::ifstream in(e.path(), std::ios::binary);
            docs.push_back({e.path().string(), std::string(std::istreambuf_iterator<char>(in), {})});
        }
    std::sort(docs.begin(), docs.end(), [](const document& a, const document& b) { return a.path < b.path; });
    if (docs.empty()) throw std::runtime_error(std::string("no ") + ext + " in " + OFFERKIT_BENCH_DOCUMENTS);
    return docs;
}

/// Reads the documents one after the other into offers, with `read` (bytes → posting_document).
template <class Reader>
void read_documents(benchmark::State& state, const std::vector<document>& docs, Reader read) {
    std::size_t n = 0;
    for (auto _ : state) {
        const document& d = docs[n++ % docs.size()];
        offerkit::diagnostics diags;
        auto offer = offerkit::parse_posting(read(d.bytes, d.path), d.path, diags);
        benchmark::DoNotOptimize(offer);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.SetLabel("documents/s");
}

void BM_Docx(benchmark::State& state) { read_documents(state, load(".docx"), offerkit::plugins::read_docx); }

void BM_Pdf(benchmark::State& state) { read_documents(state, load(".pdf"), offerkit::plugins::read_pdf); }

std::string pdftotext(const std::string& path) {
    const std::string cmd = std::string(OFFERKIT_BENCH_PDFTOTEXT) + " -q -layout '" + path + "' -";
    std::FILE* p = ::popen(cmd.c_str(), "r");
    if (!p) throw std::runtime_error("cannot run pdftotext");
    std::string out;
    char buf[65536];
    std::size_t n = 0;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
    if (::pclose(p) != 0) throw std::runtime_error("pdftotext failed on " + path);
    return out;
}

void BM_PdftotextThenParser(benchmark::State& state) {
    const auto docs = load(".pdf");
    std::size_t n = 0;
    for (auto _ : state) {
        const document& d = docs[n++ % docs.size()];
        const std::string text = pdftotext(d.path);
        offerkit::diagnostics diags;
        auto offer = offerkit::parse_posting(std::string_view(text), d.path, diags);
        benchmark::DoNotOptimize(offer);
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()));
    state.SetLabel("documents/s");
}

}  // namespace

// Real time for all three: the baseline spends its time in a pdftotext process.
BENCHMARK(BM_Docx)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_Pdf)->Unit(benchmark::kMicrosecond)->UseRealTime();
BENCHMARK(BM_PdftotextThenParser)->Unit(benchmark::kMicrosecond)->UseRealTime();
