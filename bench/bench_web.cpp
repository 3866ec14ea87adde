// Benchmark of the html site (issue 18: site generation for 10,000 offers,
// pages per second on one core), with two baselines measured in the same run:
//  - the same 10,000 offers written as canonical JSON Lines (one file): what
//    offerkit's cheapest format costs, so that the ratio says what a page adds;
//  - 10,000 files of the pages' average size written into an atomic_directory:
//    what the file system alone costs for a site of that many pages.
// The offers come from the shared corpus (bench/corpus.hpp), a pool of 500
// reused with their own references and dates, as in bench_xlsx.
//
// Counters: pages_per_cpu_s (process CPU time: the fair figure on a machine
// shared with other work), pages_per_s (wall), site_MiB.
#include <offerkit/exporter.hpp>
#include <offerkit/output_file.hpp>
#include <offerkit/plugins/json.hpp>
#include <offerkit/plugins/web.hpp>
#include <offerkit/registry.hpp>

#include "corpus.hpp"
#include "cpu_time.hpp"

#include <benchmark/benchmark.h>

#include <unistd.h>
#include <filesystem>
#include <string>

namespace {

using namespace offerkit;
namespace fs = std::filesystem;

const registry& formats() {
    static registry reg = [] {
        registry x;
        plugins::register_web(x);
        plugins::register_json(x);
        return x;
    }();
    return reg;
}

void stamp(job_offer& o, std::size_t i, bench::rng& r) {
    o.reference = std::to_string(1000 + i % 9000) + "-26-" + std::to_string(i) + "/SR";
    o.posted_on = date::from_ymd(2026, 1, 1)->plus_days(static_cast<std::int64_t>(r.below(300)));
    o.deadline = o.posted_on->plus_days(static_cast<std::int64_t>(14 + r.below(35)));
}

std::uintmax_t tree_bytes(const fs::path& dir) {
    std::uintmax_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) n += e.file_size();
    return n;
}

void counters(benchmark::State& state, std::size_t n, double cpu) {
    const double done = static_cast<double>(n) * static_cast<double>(state.iterations());
    state.counters["pages_per_cpu_s"] = done / cpu;
    state.counters["pages_per_s"] = benchmark::Counter(done, benchmark::Counter::kIsRate);
}

fs::path scratch(const char* name) {
    return fs::temp_directory_path() / ("offerkit-bench-" + std::string(name) + "-" + std::to_string(::getpid()));
}

void run_format(benchmark::State& state, const char* format, const fs::path& out) {
    const auto n = static_cast<std::size_t>(state.range(0));
    std::vector<job_offer> pool = bench::make_offers(500, 42);
    const option_map options =
        std::string_view(format) == "html"
            ? option_map{{"as-of", "2026-06-01"}, {"base-url", "https://emplois.example.nc/"}, {"flyers", "flyers"}}
            : option_map{};
    double bytes = 0;
    const double cpu_before = bench::cpu_seconds();
    for (auto _ : state) {
        diagnostics diags;
        bench::rng r(7);
        auto session = formats().get(format).begin(export_target{out, nullptr}, options, diags);
        for (std::size_t i = 0; i < n; ++i) {
            job_offer& o = pool[i % pool.size()];
            stamp(o, i, r);
            session->write(o);
        }
        session->finish();
        bytes = static_cast<double>(fs::is_directory(out) ? tree_bytes(out) : fs::file_size(out));
    }
    counters(state, n, bench::cpu_seconds() - cpu_before);
    state.counters["output_MiB"] = bytes / (1024.0 * 1024.0);
    fs::remove_all(out);
}

/// The site: 10,000 offer pages (each with its JSON-LD and QR code), three index pages, the style sheet.
void BM_site_html(benchmark::State& state) { run_format(state, "html", scratch("site")); }
BENCHMARK(BM_site_html)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

/// Baseline: the same offers as JSON Lines, one file.
void BM_baseline_jsonl(benchmark::State& state) { run_format(state, "jsonl", scratch("jsonl") += ".jsonl"); }
BENCHMARK(BM_baseline_jsonl)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

/// Baseline: 10,000 files of 14 KB (an offer page's size) into an atomic_directory, nothing rendered.
void BM_baseline_files(benchmark::State& state) {
    const auto n = static_cast<std::size_t>(state.range(0));
    const std::string page(14 * 1024, 'x');
    const fs::path out = scratch("files");
    const double cpu_before = bench::cpu_seconds();
    for (auto _ : state) {
        atomic_directory tree(out);
        for (std::size_t i = 0; i < n; ++i) tree.write_file("offres/" + std::to_string(i) + ".html", page);
        tree.commit();
    }
    counters(state, n, bench::cpu_seconds() - cpu_before);
    fs::remove_all(out);
}
BENCHMARK(BM_baseline_files)->Arg(10000)->Unit(benchmark::kMillisecond)->UseRealTime()->Iterations(3);

}  // namespace
