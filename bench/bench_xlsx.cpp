// Benchmark of the xlsx exporter (issue 8 target: >= 35,000 offers/s for a
// yearly workbook of 100,000 offers; peak memory <= 256 MiB, not growing with
// the number of offers beyond the rows themselves).
//
// The offers are streamed: a pool of 500 offers of the shared corpus
// (bench/corpus.hpp, about 6 KB of canonical JSON each) is reused, each offer
// getting its own reference, dates and link before write(), so the benchmark
// itself holds 500 offers, never 100,000, and the peak memory measured is the
// exporter's.
//
// Counters: offers_per_s (wall time), offers_per_cpu_s (process CPU time, the
// fair figure on a machine shared with other work), peak_rss_MiB (getrusage ru_maxrss of
// the process), rss_growth_MiB (peak minus the RSS before the first export),
// file_MiB.
#include <offerkit/exporter.hpp>
#include <offerkit/plugins/xlsx.hpp>
#include <offerkit/registry.hpp>

#include "corpus.hpp"
#include "cpu_time.hpp"

#include <benchmark/benchmark.h>

#include <sys/resource.h>
#include <unistd.h>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace {

using namespace offerkit;
namespace fs = std::filesystem;

double max_rss_mib() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return static_cast<double>(u.ru_maxrss) / 1024.0;  // Linux: KiB
}

/// Gives offer `i` of the stream its own reference, dates and link (the pool
/// is reused, so that the benchmark itself holds 500 offers, not 100,000).
void stamp(job_offer& o, std::size_t i, int year, bench::rng& r, bool link) {
    o.reference = std::to_string(1000 + i % 9000) + "-" + std::to_string(year % 100) + "-" + std::to_string(i) + "/SR";
    const auto day = static_cast<std::int64_t>(r.below(365));
    o.posted_on = date::from_ymd(year, 1, 1)->plus_days(day);
    o.deadline = o.posted_on->plus_days(static_cast<std::int64_t>(14 + r.below(35)));
    if (link)
        o.url = "https://emploi.example.nc/offres/" + std::to_string(i);
    else
        o.url.reset();
}

const exporter& xlsx() {
    static registry reg = [] {
        registry x;
        plugins::register_xlsx(x);
        return x;
    }();
    return reg.get("xlsx");
}

void run_export(benchmark::State& state, bool yearly, bool links = true) {
    const auto n = static_cast<std::size_t>(state.range(0));
    std::vector<job_offer> pool = bench::make_offers(500, 42);
    const fs::path out = fs::temp_directory_path() / ("offerkit-bench-xlsx-" + std::to_string(::getpid()) + ".xlsx");
    const option_map options = yearly ? option_map{{"year", "2026"}, {"as-of", "2027-01-10"}}
                                      : option_map{{"month", "2026-05"}, {"as-of", "2026-06-03"}};
    const double rss_before = max_rss_mib();
    double file_mib = 0;
    const double cpu_before = bench::cpu_seconds();
    for (auto _ : state) {
        diagnostics diags;
        bench::rng r(7);
        auto session = xlsx().begin(export_target{out, nullptr}, options, diags);
        for (std::size_t i = 0; i < n; ++i) {
            job_offer& o = pool[i % pool.size()];
            stamp(o, i, 2026, r, links);
            session->write(o);
        }
        session->finish();
        file_mib = static_cast<double>(fs::file_size(out)) / (1024.0 * 1024.0);
    }
    const double cpu = bench::cpu_seconds() - cpu_before;
    fs::remove(out);
    // On a shared machine wall time depends on the other load: the rate per CPU second does not.
    state.counters["offers_per_cpu_s"] = static_cast<double>(n) * static_cast<double>(state.iterations()) / cpu;
    state.counters["offers_per_s"] = benchmark::Counter(
        static_cast<double>(n) * static_cast<double>(state.iterations()), benchmark::Counter::kIsRate);
    state.counters["peak_rss_MiB"] = max_rss_mib();
    state.counters["rss_growth_MiB"] = max_rss_mib() - rss_before;
    state.counters["file_MiB"] = file_mib;
}

/// The issue-8 case: 100,000 offers into one yearly workbook (constant_memory mode).
void BM_xlsx_yearly(benchmark::State& state) { run_export(state, true); }
BENCHMARK(BM_xlsx_yearly)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

/// The same without links: libxlsxwriter keeps every hyperlink in memory until
/// workbook_close, the most expensive feature of the workbook.
void BM_xlsx_yearly_no_links(benchmark::State& state) { run_export(state, true, false); }
BENCHMARK(BM_xlsx_yearly_no_links)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

/// 100,000 offers read for a monthly report: about 8,300 fall in the month
/// (an Excel table, cells in memory); the others only update counters.
void BM_xlsx_monthly(benchmark::State& state) { run_export(state, false); }
BENCHMARK(BM_xlsx_monthly)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
