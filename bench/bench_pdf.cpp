// Flyer throughput: flyers per second and bytes per flyer for generated offers,
// with raw libharu drawing the same text (no layout, no ToUnicode repair, same
// fonts) as the baseline measured in the same run. `summary` prints the ratios
// (computed from thread CPU time, so a busy machine does not skew them).
//
//   bench_pdf --benchmark_filter='files|raw|summary'
#include "corpus.hpp"

#include <offerkit/plugins/pdf.hpp>
#include <offerkit/registry.hpp>

#include <benchmark/benchmark.h>
#include <hpdf.h>

#include <unistd.h>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <mutex>
#include <string>
#include <system_error>

namespace fs = std::filesystem;
using namespace offerkit;

namespace {

const std::vector<job_offer>& corpus() {
    static const auto offers = bench::make_offers(64, 7);
    return offers;
}

/// A scratch directory, removed at exit.
fs::path work_dir() {
    struct scratch {
        fs::path dir = fs::temp_directory_path() / ("offerkit-bench-pdf-" + std::to_string(::getpid()));
        scratch() { fs::create_directories(dir); }
        ~scratch() {
            std::error_code ec;
            fs::remove_all(dir, ec);
        }
    };
    static const scratch s;
    return s.dir;
}

std::mutex results_mutex;
std::map<std::string, double> rates;  // flyers (or pages) per second, by benchmark

/// CPU time of the calling thread: "per second on one core", robust to a busy machine.
struct stopwatch {
    static double now() {
        timespec ts{};
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
        return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9;
    }
    double t0 = now();
    double seconds() const { return now() - t0; }
};

std::size_t count_pages(const fs::path& pdf) {
    std::ifstream in(pdf, std::ios::binary);
    const std::string d((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::size_t n = 0;
    for (std::size_t at = d.find("/Type /Page"); at != std::string::npos; at = d.find("/Type /Page", at + 1))
        n += d.compare(at, 12, "/Type /Pages") != 0 ? 1 : 0;
    return n;
}

void record(const std::string& name, double per_second) {
    std::lock_guard<std::mutex> lock(results_mutex);
    rates[name] = per_second;
}

// ---- offerkit ---------------------------------------------------------------------------------

void flyers(benchmark::State& state, bool fast_fonts, const char* name) {
    plugins::pdf::brand b = plugins::pdf::default_brand();
    b.allow_fast_fonts = fast_fonts;
    const fs::path out =
        work_dir() / ("flyer-" + std::string(name) + "-" + std::to_string(state.thread_index()) + ".pdf");
    std::size_t i = static_cast<std::size_t>(state.thread_index()) * 7, bytes = 0, n = 0;
    stopwatch sw;
    for (auto _ : state) {
        plugins::pdf::write_flyer(corpus()[i++ % corpus().size()], b, {}, out);
        bytes += fs::file_size(out);
        ++n;
    }
    if (state.thread_index() == 0 && state.threads() == 1) record(name, static_cast<double>(n) / sw.seconds());
    state.SetItemsProcessed(static_cast<int64_t>(n));
    state.counters["flyers/s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
    state.counters["flyers/s/cpu"] =
        benchmark::Counter(static_cast<double>(n) / sw.seconds(), benchmark::Counter::kAvgThreads);
    state.counters["bytes/flyer"] = benchmark::Counter(static_cast<double>(bytes) / static_cast<double>(n ? n : 1),
                                                       benchmark::Counter::kAvgThreads);
}

void files(benchmark::State& state) { flyers(state, true, "files"); }
BENCHMARK(files)->Unit(benchmark::kMillisecond);
// two threads, one flyer at a time each: compare flyers/s (wall clock) with `files`
BENCHMARK(files)->Unit(benchmark::kMillisecond)->Threads(2)->UseRealTime();

void files_full_fonts(benchmark::State& state) { flyers(state, false, "files_full_fonts"); }
BENCHMARK(files_full_fonts)->Unit(benchmark::kMillisecond);

void booklet(benchmark::State& state) {
    registry reg;
    plugins::register_pdf(reg);
    const exporter& ex = reg.get("pdf");
    export_target target;
    target.path = work_dir() / "booklet.pdf";
    const option_map options{{"booklet", "true"}};
    std::size_t offers = 0, pages = 0;
    stopwatch sw;
    for (auto _ : state) {
        diagnostics diags;
        auto session = ex.begin(target, options, diags);
        for (const auto& o : corpus()) session->write(o);
        session->finish();
        offers += corpus().size();
    }
    const double cpu = sw.seconds();
    pages = count_pages(target.path) * static_cast<std::size_t>(state.iterations());
    record("booklet", static_cast<double>(offers) / cpu);
    record("booklet_pages", static_cast<double>(pages) / cpu);
    state.counters["pages/s/cpu"] = static_cast<double>(pages) / cpu;
    state.counters["offers/s"] = benchmark::Counter(static_cast<double>(offers), benchmark::Counter::kIsRate);
    state.counters["bytes/offer"] =
        static_cast<double>(fs::file_size(target.path)) / static_cast<double>(corpus().size());
}
BENCHMARK(booklet)->Unit(benchmark::kMillisecond);

// ---- raw libharu: the same strings, one TextOut per string, same fonts ------------------------

void on_error(HPDF_STATUS, HPDF_STATUS, void*) {}

/// UTF-8 to Windows-1252 ('?' for anything else), for the WinAnsi baseline.
std::string cp1252(const std::string& s) {
    static const std::map<char32_t, char> high = {
        {0x20AC, '\x80'}, {0x201A, '\x82'}, {0x0192, '\x83'}, {0x201E, '\x84'}, {0x2026, '\x85'}, {0x2020, '\x86'},
        {0x2021, '\x87'}, {0x02C6, '\x88'}, {0x2030, '\x89'}, {0x0160, '\x8A'}, {0x2039, '\x8B'}, {0x0152, '\x8C'},
        {0x017D, '\x8E'}, {0x2018, '\x91'}, {0x2019, '\x92'}, {0x201C, '\x93'}, {0x201D, '\x94'}, {0x2022, '\x95'},
        {0x2013, '\x96'}, {0x2014, '\x97'}, {0x02DC, '\x98'}, {0x2122, '\x99'}, {0x0161, '\x9A'}, {0x203A, '\x9B'},
        {0x0153, '\x9C'}, {0x017E, '\x9E'}, {0x0178, '\x9F'}};
    std::string out;
    for (std::size_t i = 0; i < s.size();) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        const int extra = b0 < 0x80 ? 0 : b0 >= 0xF0 ? 3 : b0 >= 0xE0 ? 2 : 1;
        char32_t cp = extra == 0 ? b0 : (b0 & (0x3F >> extra));
        for (int k = 1; k <= extra && i + static_cast<std::size_t>(k) < s.size(); ++k)
            cp = (cp << 6) | (static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]) & 0x3F);
        i += static_cast<std::size_t>(extra) + 1;
        if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF))
            out += static_cast<char>(cp);
        else if (auto it = high.find(cp); it != high.end())
            out += it->second;
        else
            out += '?';
    }
    return out;
}

void raw_flyer(const job_offer& o, const std::string& regular, const std::string& bold, bool winansi,
               const fs::path& out) {
    HPDF_Doc pdf = HPDF_New(&on_error, nullptr);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    const char* enc = winansi ? "CP1252" : "UTF-8";
    HPDF_Font r = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, regular.c_str(), HPDF_TRUE), enc);
    HPDF_Font b = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, bold.c_str(), HPDF_TRUE), enc);
    HPDF_Page page = nullptr;
    float y = 0;
    auto line = [&](HPDF_Font f, const std::string& s) {
        if (!page || y < 60) {
            if (page) HPDF_Page_EndText(page);
            page = HPDF_AddPage(pdf);
            HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
            HPDF_Page_BeginText(page);
            y = 780;
        }
        HPDF_Page_SetFontAndSize(page, f, 10);
        HPDF_Page_TextOut(page, 48, y, winansi ? cp1252(s).c_str() : s.c_str());
        y -= 14;
    };
    line(b, o.title);
    for (const auto* s : {&o.reference, &o.employer}) line(r, *s);
    for (const auto* s : {&o.direction, &o.unit, &o.grade, &o.job_family, &o.location, &o.availability, &o.org_position,
                          &o.supervisor, &o.url})
        if (*s) line(r, **s);
    for (const auto* v : {&o.description, &o.missions})
        for (const auto& s : *v) line(r, s);
    for (const auto& a : o.activities) {
        if (a.title) line(b, *a.title);
        for (const auto& s : a.items) line(r, s);
    }
    for (const auto& p : o.profile) {
        if (p.title) line(b, *p.title);
        for (const auto& s : p.items) line(r, s);
    }
    for (const auto* v : {&o.conditions, &o.how_to_apply})
        for (const auto& s : *v) line(r, s);
    for (const auto& c : o.contacts)
        line(r, c.name.value_or("") + " " + c.email.value_or("") + " " + c.phone.value_or(""));
    HPDF_Page_EndText(page);
    HPDF_SaveToFile(pdf, out.c_str());
    HPDF_Free(pdf);
}

void raw(benchmark::State& state, const std::string& regular, const std::string& bold, bool winansi, const char* name) {
    const fs::path out = work_dir() / (std::string(name) + ".pdf");
    std::size_t i = 0, bytes = 0, n = 0;
    stopwatch sw;
    for (auto _ : state) {
        raw_flyer(corpus()[i++ % corpus().size()], regular, bold, winansi, out);
        bytes += fs::file_size(out);
        ++n;
    }
    record(name, static_cast<double>(n) / sw.seconds());
    state.counters["flyers/s"] = benchmark::Counter(static_cast<double>(n), benchmark::Counter::kIsRate);
    state.counters["flyers/s/cpu"] = static_cast<double>(n) / sw.seconds();
    state.counters["bytes/flyer"] = static_cast<double>(bytes) / static_cast<double>(n ? n : 1);
}

void raw_libharu(benchmark::State& state) {
    const std::string dir = OFFERKIT_BENCH_FONT_DIR;
    if (!fs::exists(dir + "/OfferkitSansLatin.ttf")) {
        state.SkipWithError("no Latin subset font (build target offerkit_pdf_fonts)");
        return;
    }
    raw(state, dir + "/OfferkitSansLatin.ttf", dir + "/OfferkitSansLatin-Bold.ttf", false, "raw_libharu");
}
BENCHMARK(raw_libharu)->Unit(benchmark::kMillisecond);

// the floor of the fast path: the same subset fonts as simple WinAnsi fonts
void raw_libharu_winansi(benchmark::State& state) {
    const std::string dir = OFFERKIT_BENCH_FONT_DIR;
    if (!fs::exists(dir + "/OfferkitSansLatin.ttf")) {
        state.SkipWithError("no Latin subset font (build target offerkit_pdf_fonts)");
        return;
    }
    raw(state, dir + "/OfferkitSansLatin.ttf", dir + "/OfferkitSansLatin-Bold.ttf", true, "raw_libharu_winansi");
}
BENCHMARK(raw_libharu_winansi)->Unit(benchmark::kMillisecond);

void raw_libharu_full_fonts(benchmark::State& state) {
    const std::string dir = OFFERKIT_BENCH_DEJAVU_DIR;
    raw(state, dir + "/DejaVuSans.ttf", dir + "/DejaVuSans-Bold.ttf", false, "raw_libharu_full_fonts");
}
BENCHMARK(raw_libharu_full_fonts)->Unit(benchmark::kMillisecond);

// ---- ratios -----------------------------------------------------------------------------------

void summary(benchmark::State& state) {
    for (auto _ : state) benchmark::DoNotOptimize(rates.size());
    auto ratio = [](const char* a, const char* b) {
        auto x = rates.find(a), y = rates.find(b);
        return x == rates.end() || y == rates.end() || y->second == 0 ? 0.0 : x->second / y->second;
    };
    state.counters["files/raw"] = ratio("files", "raw_libharu");
    state.counters["files/raw_winansi"] = ratio("files", "raw_libharu_winansi");
    state.counters["full/raw_full"] = ratio("files_full_fonts", "raw_libharu_full_fonts");
    state.counters["files/full"] = ratio("files", "files_full_fonts");
    state.counters["files/s/cpu"] = rates.count("files") ? rates["files"] : 0.0;
    state.counters["booklet_pages/s/cpu"] = rates.count("booklet_pages") ? rates["booklet_pages"] : 0.0;
}
BENCHMARK(summary)->Iterations(1);

}  // namespace
