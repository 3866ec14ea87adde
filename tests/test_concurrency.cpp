// Every exporter, run twice serially and from 8 threads at once, gives
// byte-identical files; the registry is read from all threads concurrently.
#include "support/test_support.hpp"

#include <offerkit/json.hpp>
#include <offerkit/registry.hpp>

#include <map>
#include <thread>

using namespace offerkit;
namespace fs = std::filesystem;

namespace {

std::vector<job_offer> sample_offers() {
    std::vector<job_offer> offers;
    for (int i = 0; i < 6; ++i) {
        job_offer o = i % 2 ? testing::full_offer() : testing::minimal_offer();
        o.reference = "9001-26-07" + std::to_string(10 + i) + "/SR";
        o.title += " n° " + std::to_string(i);
        o.posted_on = date::from_ymd(2026, 10, 1 + i * 3);
        o.deadline = o.posted_on->plus_days(20 + i);
        offers.push_back(o);
    }
    return offers;
}

option_map options_for(const std::string& format) {
    if (format == "xlsx") return {{"month", "2026-10"}, {"as-of", "2026-11-02"}};
    if (format == "html" || format == "rss" || format == "atom" || format == "sitemap")
        return {{"as-of", "2026-11-02"}, {"base-url", "https://emplois.example.nc/"}};
    return {};
}

// Exports `offers` with `e` into `dir`; returns file name → bytes.
std::map<std::string, std::string> export_all(const exporter& e, const std::vector<job_offer>& offers,
                                              const fs::path& dir) {
    fs::create_directories(dir);
    const option_map options = options_for(e.info().name);
    export_target target;
    target.path = e.layout(options) == output_layout::file_per_offer ? dir : dir / ("all" + e.info().extension);
    diagnostics diags;
    auto session = e.begin(target, options, diags);
    for (const auto& o : offers) session->write(o);
    std::map<std::string, std::string> files;
    for (const auto& f : session->finish()) files[f.filename().string()] = testing::read_file(f);
    return files;
}

registry every_plugin() {
    registry reg;
    const auto failures = reg.load_search_path({testing::binary_dir() / "lib/offerkit/plugins"});
    REQUIRE(failures.empty());
    return reg;
}

}  // namespace

TEST_CASE("every exporter is deterministic: two runs, identical bytes") {
    const registry reg = every_plugin();
    const auto offers = sample_offers();
    testing::temp_dir dir;
    for (const auto& entry : reg.list()) {
        const exporter& e = *entry.object;
        INFO("format " << e.info().name);
        const auto first = export_all(e, offers, dir / (e.info().name + "-1"));
        const auto second = export_all(e, offers, dir / (e.info().name + "-2"));
        REQUIRE_FALSE(first.empty());
        CHECK(first == second);
    }
}

TEST_CASE("8 threads exporting every format at once give the serial run's bytes") {
    const registry reg = every_plugin();
    const auto offers = sample_offers();
    testing::temp_dir dir;
    std::map<std::string, std::map<std::string, std::string>> serial;
    for (const auto& entry : reg.list())
        serial[entry.object->info().name] =
            export_all(*entry.object, offers, dir / "serial" / entry.object->info().name);

    constexpr int threads = 8;
    std::vector<std::map<std::string, std::map<std::string, std::string>>> results(threads);
    std::vector<std::string> errors(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&, t] {
            try {
                for (const auto& entry : reg.list()) {  // concurrent reads of the registry
                    const exporter* e = reg.find(entry.object->info().name);
                    results[static_cast<std::size_t>(t)][e->info().name] =
                        export_all(*e, offers, dir / ("t" + std::to_string(t)) / e->info().name);
                }
            } catch (const std::exception& ex) {
                errors[static_cast<std::size_t>(t)] = ex.what();
            }
        });
    for (auto& th : pool) th.join();
    for (int t = 0; t < threads; ++t) {
        INFO("thread " << t);
        CHECK(errors[static_cast<std::size_t>(t)].empty());
        for (const auto& [format, files] : serial) {
            INFO("format " << format);
            CHECK(results[static_cast<std::size_t>(t)][format] == files);
        }
    }
}

TEST_CASE("offerkit convert --jobs 4 writes the same files as --jobs 1, duplicate references included") {
    if (!every_plugin().find("pdf")) OFFERKIT_SKIP("the pdf plugin is not built");
    testing::temp_dir dir;
    auto offers = sample_offers();
    offers.push_back(offers[1]);  // the same reference twice: -2 suffix, in input order
    offers.back().title = "Doublon";
    std::string lines;
    for (const auto& o : offers) lines += to_json(o, {false}) + "\n";
    lines += "{\"reference\": \"bad\", \"title\": 3}\n";
    testing::write_file(dir / "in.jsonl", lines);
    const std::string cli = testing::cli_command();
    std::map<std::string, std::map<std::string, std::string>> runs;
    for (const char* jobs : {"1", "4"}) {
        const fs::path out = dir / (std::string("jobs") + jobs);
        const auto r =
            testing::run(cli + " convert " + testing::shell_quote((dir / "in.jsonl").string()) +
                         " --to pdf --keep-going --jobs " + jobs + " -o " + testing::shell_quote(out.string()));
        INFO(r.output);
        CHECK(r.exit_code == 1);  // the bad line
        CHECK_THAT(r.output, Catch::Contains("in.jsonl:8: title: expected a string"));
        CHECK_THAT(r.output, Catch::Contains("7 exported to pdf, 7 files written"));
        for (const auto& e : fs::directory_iterator(out))
            runs[jobs][e.path().filename().string()] = testing::read_file(e.path());
    }
    CHECK(runs["1"].size() == 7);
    CHECK(runs["1"].count("9001-26-0711_SR-2.pdf") == 1);
    CHECK(runs["1"] == runs["4"]);

    SECTION("without --keep-going one bad offer leaves nothing, even with the others already rendered") {
        const auto r = testing::run(cli + " convert " + testing::shell_quote((dir / "in.jsonl").string()) +
                                    " --to pdf --jobs 4 -o " + testing::shell_quote((dir / "none").string()));
        CHECK(r.exit_code == 1);
        CHECK(fs::is_empty(dir / "none"));
    }
}

TEST_CASE("colliding references with --jobs 1 to 8 give one file per offer and the serial names and bytes") {
    if (!every_plugin().find("pdf")) OFFERKIT_SKIP("the pdf plugin is not built");
    testing::temp_dir dir;
    // B and B collide; the second becomes B-2, which a third offer is literally
    // called; B/2 sanitises to B_2; b differs from B only by case.
    std::string lines;
    int n = 0;
    for (const char* ref : {"B", "B", "B-2", "B/2", "b", "C", "B", "B-2"}) {
        job_offer o = testing::minimal_offer();
        o.reference = ref;
        o.title = "Offre " + std::to_string(++n);
        lines += to_json(o, {false}) + "\n";
    }
    testing::write_file(dir / "in.jsonl", lines);
    std::map<std::string, std::string> serial;
    for (int jobs = 1; jobs <= 8; ++jobs) {
        const fs::path out = dir / ("jobs" + std::to_string(jobs));
        const auto r =
            testing::run(testing::cli_command() + " convert " + testing::shell_quote((dir / "in.jsonl").string()) +
                         " --to pdf --jobs " + std::to_string(jobs) + " -o " + testing::shell_quote(out.string()));
        INFO("--jobs " << jobs << "\n" << r.output);
        CHECK(r.exit_code == 0);
        CHECK_THAT(r.output, Catch::Contains("8 offers read, 8 exported to pdf, 8 files written"));
        std::map<std::string, std::string> files;
        for (const auto& e : fs::directory_iterator(out))
            files[e.path().filename().string()] = testing::read_file(e.path());
        CHECK(files.size() == 8);
        if (jobs == 1) {
            serial = files;
            std::vector<std::string> names;
            for (const auto& [name, bytes] : files) names.push_back(name);
            CHECK(names == std::vector<std::string>{"B-2-2.pdf", "B-2-3.pdf", "B-2.pdf", "B-4.pdf", "B.pdf", "B_2.pdf",
                                                    "C.pdf", "b-3.pdf"});
        } else {
            CHECK(files == serial);
        }
    }
}

TEST_CASE("a setting's warning is given once with --jobs 4, as with --jobs 1") {
    if (!every_plugin().find("pdf")) OFFERKIT_SKIP("the pdf plugin is not built");
    testing::temp_dir dir;
    std::string lines;
    for (int i = 0; i < 8; ++i) {
        job_offer o = testing::minimal_offer();
        o.reference = "9001-26-07" + std::to_string(20 + i) + "/SR";
        o.employer = "Commune de Poum";  // no brand of assets/brands names it
        lines += to_json(o, {false}) + "\n";
    }
    testing::write_file(dir / "in.jsonl", lines);
    for (const char* jobs : {"1", "4"}) {
        const auto r = testing::run(testing::cli_command() + " convert " +
                                    testing::shell_quote((dir / "in.jsonl").string()) + " --to pdf --brands-dir " +
                                    testing::shell_quote((testing::source_dir() / "assets/brands").string()) +
                                    " --jobs " + jobs + " -o " + testing::shell_quote((dir / jobs).string()));
        INFO("--jobs " << jobs << "\n" << r.output);
        CHECK(r.exit_code == 0);
        std::size_t n = 0;
        for (std::size_t at = 0;
             (at = r.output.find("names the employer \"Commune de Poum\"", at)) != std::string::npos; ++at)
            ++n;
        CHECK(n == 1);
    }
}
