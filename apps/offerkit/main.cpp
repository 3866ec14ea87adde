// offerkit — command-line front end: parses arguments and calls the library.
#include "commands.hpp"
#include "interrupt.hpp"

#include <offerkit/version.hpp>

#include <CLI/CLI.hpp>

#include <iostream>
#include <map>
#include <string>
#include <vector>

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

constexpr const char* commands[] = {"convert", "validate", "publish", "plugins"};

// CLI11 answers "A subcommand is required" to `offerkit frobnicate`: say what is wrong.
bool known_command_or_option(int argc, char** argv) {
    if (argc < 2) {
        std::cerr
            << "offerkit: error: a command is needed: convert, validate, publish or plugins (see offerkit --help)\n";
        return false;
    }
    const std::string first = argv[1];
    if (first.empty() || first[0] == '-') return true;
    for (const char* c : commands)
        if (first == c) return true;
    std::cerr << "offerkit: error: unknown command \"" << first
              << "\"; the commands are convert, validate, publish and plugins (see offerkit --help)\n";
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

// "jobposting, json, jsonl, text": the readers `--from` accepts.
std::string reader_names(const offerkit::registry& formats) {
    std::string names;
    for (const auto& r : formats.list_importers()) names += (names.empty() ? "" : ", ") + r.object->info().name;
    return names;
}

// A convenience flag of `convert` (`--brand`), declared by the plugins that
// take the option; its help names them ("pdf: brand profile…; xlsx: …").
struct plugin_flag {
    std::string help;
    std::string value;
};

std::map<std::string, plugin_flag> declared_flags(const offerkit::registry& formats) {
    std::map<std::string, plugin_flag> flags;
    auto declare = [&](const std::string& format, const offerkit::option_info& o) {
        if (!o.flag || o.name.empty() || o.name[0] == '-') return;
        auto& help = flags[o.name].help;
        help += (help.empty() ? "" : "; ") + format + ": " + o.description;
    };
    for (const auto& e : formats.list())
        for (const auto& o : e.object->info().options) declare(e.object->info().name, o);
    for (auto& [name, flag] : flags) flag.help += " (= --option " + name + "=…)";
    return flags;
}

// "key=value" arguments of `what` into `out`; false (after saying why) for one without "=".
bool key_values(const char* what, const std::vector<std::string>& raw, offerkit::option_map& out) {
    for (const auto& kv : raw) {
        const auto eq = kv.find('=');
        if (eq == std::string::npos || eq == 0) {
            std::cerr << "offerkit: error: " << what << ' ' << kv << ": expected key=value\n";
            return false;
        }
        out[kv.substr(0, eq)] = kv.substr(eq + 1);
    }
    return true;
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

    // The formats are known before the arguments are parsed: the flags that
    // plugins declare (option_info::flag) become options of `convert`.
    std::vector<offerkit::plugin_load_failure> load_failures;
    const offerkit::registry formats = load_formats(load_failures);

    convert_request conv;
    std::vector<std::string> raw_options, raw_input_options;
    auto* convert = app.add_subcommand("convert", "Convert offers to another format");
    convert->add_option("inputs", conv.inputs, "Input files (- for standard input)")->required();
    convert->add_option("-t,--to", conv.format, "Output format (see `offerkit plugins`)")->required();
    convert
        ->add_option("-o,--output", conv.output,
                     "Output file (- for standard output) or, for one-file-per-offer formats, a directory")
        ->required();
    const std::string from_help = "Input format: auto (detected from the name and the content), " +
                                  reader_names(formats) + " (see `offerkit plugins`)";
    convert->add_option("--from", conv.input_format, from_help)->capture_default_str();
    convert
        ->add_option("--encoding", conv.encoding,
                     "Input encoding: auto (UTF-8, or UTF-16 with a byte order mark), utf-8, utf-16le, utf-16be, "
                     "cp1252, latin1")
        ->capture_default_str();
    convert->add_option("--option", raw_options, "Exporter option key=value (repeatable)");
    convert->add_option("--input-option", raw_input_options, "Importer option key=value (repeatable)");
    convert->add_flag("-k,--keep-going", conv.keep_going,
                      "Export the good offers when some are bad; list the bad ones");
    convert->add_flag("-q,--quiet", conv.quiet, "No progress or summary on standard error");
    convert->add_flag("--as-written", conv.as_written,
                      "Keep the postings' values as written: report contradictions, repair none (docs/facts.md)");
    convert->add_flag("--dedupe", conv.dedupe,
                      "Export each offer once when the batch reads it twice (summaries always do; docs/facts.md)");
    convert->add_flag("--stream", conv.stream,
                      "Export each offer as it is read, without the batch review (no open-data join, no duplicates): "
                      "for inputs too large to hold in memory");
    convert->add_option("--referential", conv.referentials,
                        "Reference lists (JSON, docs/referential.md) merged over the built-in ones (repeatable)");
    convert->add_option("--tracking", conv.tracking,
                        "Tracking file (CSV or JSON Lines, docs/tracking.md): what happened to the offers after "
                        "publication (repeatable)");
    std::map<std::string, plugin_flag> flags = declared_flags(formats);
    // --as-of dates the tracking too: the CLI's own, given to the formats that take it.
    const auto as_of_flag = flags.find("as-of");
    convert->add_option("--as-of", conv.as_of,
                        "The day the tracking is counted on, YYYY-MM-DD (default: today in Nouméa); also "
                        "given to the formats that take it: " +
                            (as_of_flag != flags.end() ? as_of_flag->second.help : std::string("none")));
    convert->add_option("-j,--jobs", conv.jobs,
                        "Threads for one-file-per-offer formats (flyers); 0, the default, means one per core. "
                        "The files are the same as with --jobs 1");
    for (auto& [name, flag] : flags)
        if (!convert->get_option_no_throw("--" + name)) convert->add_option("--" + name, flag.value, flag.help);

    validate_request val;
    auto* validate = app.add_subcommand("validate", "Check offers and list problems as file:line: warning: …");
    validate->add_option("inputs", val.inputs, "Input files (- for standard input)")->required();
    validate->add_option("--from", val.input_format, from_help)->capture_default_str();
    validate->add_option("--encoding", val.encoding, "Input encoding (as for convert)")->capture_default_str();
    validate->add_option("--input-option", raw_input_options, "Importer option key=value (repeatable)");
    validate->add_flag("--strict", val.strict, "Treat warnings as errors");
    validate->add_flag("-q,--quiet", val.quiet, "Print only problems");
    validate->add_flag("--as-written", val.as_written, "Report contradictions without repairing them");
    validate->add_option("--referential", val.referentials, "Reference lists merged over the built-in ones");
    validate->add_option("--tracking", val.tracking, "Tracking files to check against the offers (repeatable)");
    validate->add_option("--as-of", val.as_of, "The day the tracking is checked on, YYYY-MM-DD (default: today)");
    validate
        ->add_option("--profile", val.profile,
                     "Also check for a publisher: google-jobs (the JobPosting's properties Google for Jobs requires "
                     "— errors — and recommends — warnings; docs/jsonld.md)")
        ->check(CLI::IsMember({"google-jobs"}));

    publish_request pub;
    auto* publish = app.add_subcommand("publish",
                                       "Publish offers: the site, feeds, sitemap, open-data CSV, flyers and workbook "
                                       "in one directory (docs/web.md)");
    publish->add_option("inputs", pub.convert.inputs, "Input files (- for standard input)")->required();
    publish->add_option("-o,--output", pub.output, "The directory to publish into (replaced whole)")->required();
    publish->add_option("--base-url", pub.base_url, "The site's address, https://…/ (feeds, sitemap, QR codes)");
    publish->add_option("--title", pub.title, "The site's title (default: Offres d'emploi)");
    publish->add_option("--brands-dir", pub.brands_dir, "The flyers' brand profiles (as for convert --to pdf)");
    publish->add_option("--from", pub.convert.input_format, from_help)->capture_default_str();
    publish->add_option("--encoding", pub.convert.encoding, "Input encoding (as for convert)")->capture_default_str();
    publish->add_option("--input-option", raw_input_options, "Importer option key=value (repeatable)");
    publish->add_flag("-k,--keep-going", pub.convert.keep_going, "Publish the good offers when some are bad");
    publish->add_flag("-q,--quiet", pub.convert.quiet, "No progress or summary on standard error");
    publish->add_flag("--as-written", pub.convert.as_written, "Keep the postings' values as written: repair none");
    publish->add_option("--referential", pub.convert.referentials, "Reference lists merged over the built-in ones");
    publish->add_option("--tracking", pub.convert.tracking, "Tracking files (as for convert; repeatable)");
    publish->add_option("--as-of", pub.convert.as_of,
                        "The day published on, YYYY-MM-DD: offers past their deadline are closed (default: today in "
                        "Nouméa); give it for the same bytes every run");
    publish->add_option("-j,--jobs", pub.convert.jobs, "Threads for the flyers (0: one per core)");

    auto* plugins = app.add_subcommand("plugins", "List the formats that can be written (--to) and read (--from)");
    bool only_writers = false, only_readers = false;
    auto* writers_flag = plugins->add_flag("--writers", only_writers, "Only the writers (exporters)");
    plugins->add_flag("--readers", only_readers, "Only the readers (importers)")->excludes(writers_flag);

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? exit_ok : exit_usage;
    }

    if (*convert) {
        if (!key_values("--option", raw_options, conv.options) ||
            !key_values("--input-option", raw_input_options, conv.input_options))
            return exit_usage;
        for (const auto& [name, flag] : flags)
            if (!flag.value.empty()) conv.options[name] = flag.value;
        if (!conv.quiet) warn(load_failures);
        return exit_unless_interrupted(guarded([&] { return run_convert(formats, conv); }));
    }
    if (*validate) {
        if (!key_values("--input-option", raw_input_options, val.input_options)) return exit_usage;
        if (!val.quiet) warn(load_failures);
        return exit_unless_interrupted(guarded([&] { return run_validate(formats, val); }));
    }
    if (*publish) {
        if (!key_values("--input-option", raw_input_options, pub.convert.input_options)) return exit_usage;
        if (!pub.convert.quiet) warn(load_failures);
        return exit_unless_interrupted(guarded([&] { return run_publish(formats, pub); }));
    }
    if (*plugins) {
        const plugin_listing which = only_writers   ? plugin_listing::writers
                                     : only_readers ? plugin_listing::readers
                                                    : plugin_listing::all;
        return exit_unless_interrupted(guarded([&] { return run_plugins(formats, load_failures, which); }));
    }
    return exit_usage;
}
