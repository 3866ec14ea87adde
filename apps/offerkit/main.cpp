// offerkit — command-line front end: parses arguments and calls the library.
#include "commands.hpp"
#include "interrupt.hpp"

#include <offerkit/version.hpp>

#include <CLI/CLI.hpp>

#include <iostream>
#include <string>

#ifdef OFFERKIT_CLI_MIMALLOC
#include <mimalloc.h>
#endif

namespace {

// "offerkit 0.1.0" and the allocator the process runs with (see OFFERKIT_CLI_MIMALLOC).
std::string version_text() {
    std::string text = "offerkit " OFFERKIT_VERSION_STRING "\nallocator: ";
#ifdef OFFERKIT_CLI_MIMALLOC
    const int v = mi_version();  // 209 for 2.0.9
    text += "mimalloc " + std::to_string(v / 100) + '.' + std::to_string(v / 10 % 10) + '.' + std::to_string(v % 10);
#else
    text += "system malloc";
#endif
    return text;
}

constexpr const char* commands[] = {"convert", "validate", "plugins"};

// CLI11 answers "A subcommand is required" to `offerkit frobnicate`: say what is wrong.
bool known_command_or_option(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "offerkit: error: a command is needed: convert, validate or plugins (see offerkit --help)\n";
        return false;
    }
    const std::string first = argv[1];
    if (first.empty() || first[0] == '-') return true;
    for (const char* c : commands)
        if (first == c) return true;
    std::cerr << "offerkit: error: unknown command \"" << first
              << "\"; the commands are convert, validate and plugins (see offerkit --help)\n";
    return false;
}

// Nothing may end the process without a message: an exception that is not
// offerkit::error (from a library, or out of memory) becomes exit status 1.
template <class F>
int guarded(F&& run) {
    try {
        return run();
    } catch (const std::bad_alloc&) {
        std::cerr << "offerkit: error: out of memory\n";
    } catch (const std::exception& e) {
        std::cerr << "offerkit: error: " << e.what() << '\n';
    } catch (...) {
        std::cerr << "offerkit: error: unknown exception\n";
    }
    return offerkit::cli::exit_bad_input;
}

}  // namespace

int main(int argc, char** argv) {
    using namespace offerkit::cli;
    remove_outputs_on_interrupt();
    if (!known_command_or_option(argc, argv)) return exit_usage;
    CLI::App app{"offerkit " OFFERKIT_VERSION_STRING
                 " — read job offers (postings, canonical JSON, schema.org JobPosting) and export them "
                 "(PDF flyers, Excel summaries, JSON)"};
    app.name("offerkit");
    app.set_version_flag("--version", version_text());
    app.require_subcommand(1);

    convert_request conv;
    std::vector<std::string> raw_options;
    std::string brand, brands_dir, lang, month, year, as_of;
    auto* convert = app.add_subcommand("convert", "Convert offers to another format");
    convert->add_option("inputs", conv.inputs, "Input files (- for standard input)")->required();
    convert->add_option("-t,--to", conv.format, "Output format (see `offerkit plugins`)")->required();
    convert->add_option("-o,--output", conv.output,
                        "Output file (- for standard output) or, for one-file-per-offer formats, a directory")
        ->required();
    convert->add_option("--from", conv.input_format, "Input kind: auto, json, jsonl, jobposting, text")
        ->capture_default_str();
    convert->add_option("--encoding", conv.encoding,
                        "Input encoding: auto (UTF-8, or UTF-16 with a byte order mark), utf-8, utf-16le, utf-16be, "
                        "cp1252, latin1")
        ->capture_default_str();
    convert->add_option("--option", raw_options, "Exporter option key=value (repeatable)");
    convert->add_option("--brand", brand, "pdf: brand profile (JSON file)");
    convert->add_option("--brands-dir", brands_dir, "pdf: directory of brand profiles, picked by employer");
    convert->add_option("--lang", lang, "Label language: fr or en");
    convert->add_option("--month", month, "xlsx: report month YYYY-MM");
    convert->add_option("--year", year, "xlsx: yearly report YYYY");
    convert->add_option("--as-of", as_of, "xlsx: the day the report is made; jsonld: datePosted for offers without dates; YYYY-MM-DD");
    convert->add_flag("-k,--keep-going", conv.keep_going, "Export the good offers when some are bad; list the bad ones");
    convert->add_flag("-q,--quiet", conv.quiet, "No progress or summary on standard error");
    convert->add_option("-j,--jobs", conv.jobs,
                        "Threads for one-file-per-offer formats (pdf); 0, the default, means one per core. "
                        "The files are the same as with --jobs 1");

    validate_request val;
    auto* validate = app.add_subcommand("validate", "Check offers and list problems as file:line: warning: …");
    validate->add_option("inputs", val.inputs, "Input files (- for standard input)")->required();
    validate->add_option("--from", val.input_format, "Input kind: auto, json, jsonl, jobposting, text")
        ->capture_default_str();
    validate->add_option("--encoding", val.encoding, "Input encoding (as for convert)")->capture_default_str();
    validate->add_flag("--strict", val.strict, "Treat warnings as errors");
    validate->add_flag("-q,--quiet", val.quiet, "Print only problems");

    auto* plugins = app.add_subcommand("plugins", "List the exporters that can be loaded");

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_ok : exit_usage;
    }

    if (*convert) {
        for (const auto& kv : raw_options) {
            const auto eq = kv.find('=');
            if (eq == std::string::npos || eq == 0) {
                std::cerr << "offerkit: error: --option " << kv << ": expected key=value\n";
                return exit_usage;
            }
            conv.options[kv.substr(0, eq)] = kv.substr(eq + 1);
        }
        const std::pair<const char*, std::string*> flags[] = {{"brand", &brand}, {"brands-dir", &brands_dir},
                                                              {"lang", &lang},   {"month", &month},
                                                              {"year", &year},   {"as-of", &as_of}};
        for (const auto& [name, value] : flags)
            if (!value->empty()) conv.options[name] = *value;
        return exit_unless_interrupted(guarded([&] { return run_convert(conv); }));
    }
    if (*validate) return exit_unless_interrupted(guarded([&] { return run_validate(val); }));
    if (*plugins) return exit_unless_interrupted(guarded([] { return run_plugins(); }));
    return exit_usage;
}
