// Canonical JSON throughput: read and write JSON Lines in MB/s, with the raw
// Boost.JSON parse of the same text as the baseline measured in the same run.
#include "corpus.hpp"

#include <offerkit/json.hpp>
#include <offerkit/reader.hpp>

#include <benchmark/benchmark.h>
#include <boost/json.hpp>

namespace {

const std::string& corpus_jsonl() {
    static const std::string text = offerkit::to_json_lines(offerkit::bench::make_offers(2000));
    return text;
}

void write_jsonl(benchmark::State& state) {
    const auto offers = offerkit::bench::make_offers(2000);
    std::string out;
    for (auto _ : state) {
        out.clear();
        for (const auto& o : offers) {
            offerkit::append_json(out, o, {false});
            out += '\n';
        }
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(out.size()));
}
BENCHMARK(write_jsonl)->Unit(benchmark::kMillisecond);

void read_jsonl(benchmark::State& state) {
    const std::string& text = corpus_jsonl();
    std::size_t count = 0;
    for (auto _ : state) {
        offerkit::offer_reader reader(text, "bench.jsonl");
        offerkit::diagnostics diags;
        offerkit::job_offer o;
        count = 0;
        while (reader.next(o, diags)) ++count;
        benchmark::DoNotOptimize(count);
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
    state.counters["offers"] = static_cast<double>(count);
}
BENCHMARK(read_jsonl)->Unit(benchmark::kMillisecond);

void read_and_write_jsonl(benchmark::State& state) {
    const std::string& text = corpus_jsonl();
    std::string out;
    for (auto _ : state) {
        offerkit::offer_reader reader(text, "bench.jsonl");
        offerkit::diagnostics diags;
        offerkit::job_offer o;
        out.clear();
        while (reader.next(o, diags)) {
            offerkit::append_json(out, o, {false});
            out += '\n';
        }
        benchmark::DoNotOptimize(out.data());
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(read_and_write_jsonl)->Unit(benchmark::kMillisecond);

// Baseline: Boost.JSON parsing the same lines into its DOM, nothing else.
void baseline_boost_json_parse(benchmark::State& state) {
    const std::string& text = corpus_jsonl();
    boost::json::stream_parser p;
    for (auto _ : state) {
        std::size_t start = 0;
        while (start < text.size()) {
            const std::size_t nl = text.find('\n', start);
            p.reset();
            p.write(text.data() + start, nl - start);
            p.finish();
            benchmark::DoNotOptimize(p.release());
            start = nl + 1;
        }
    }
    state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(text.size()));
}
BENCHMARK(baseline_boost_json_parse)->Unit(benchmark::kMillisecond);

}  // namespace
