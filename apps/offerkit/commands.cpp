#include "commands.hpp"
#include "interrupt.hpp"
#include "progress.hpp"

#include <offerkit/offerkit.hpp>

#include <iostream>
#include <memory>
#include <thread>

namespace offerkit::cli {

namespace {

void print(const diagnostics& diags) {
    for (const auto& d : diags) std::cerr << d.to_string() << '\n';
}

// An offer without reference or title cannot be named or shown: not exported.
void require_identity(const job_offer& offer, const source_location& where) {
    const char* missing = offer.reference.empty() ? "reference" : offer.title.empty() ? "title" : nullptr;
    if (!missing) return;
    std::string at = where.to_string();
    if (!where.path.empty()) at += (at.empty() ? "" : ": ") + where.path;
    throw error(errc::missing_field, at + ": the offer has no " + missing + "; not exported");
}

// --from and --encoding: false (after saying why) when a name is unknown.
bool parse_read_options(const registry& formats, const std::string& format, const std::string& encoding,
                        const option_map& input_options, read_options& options) {
    options.format = format == "auto" ? std::string() : format;
    try {
        if (!options.format.empty()) check_options(formats.get_importer(format).info(), input_options);
    } catch (const error& e) {
        std::cerr << "offerkit: error: " << (e.code() == errc::unknown_format ? "--from: " : "") << e.what() << '\n';
        return false;
    }
    options.options = input_options;
    try {
        options.encoding = text_encoding_from_string(encoding);
    } catch (const error& e) {
        std::cerr << "offerkit: error: --encoding: " << e.what() << '\n';
        return false;
    }
    return true;
}

struct batch_stats {
    std::size_t read = 0, exported = 0, failed = 0, warnings = 0;
    std::vector<std::string> failures;
};

// The built-in reference lists with the user's files merged over them; false (after saying why) on a bad file.
bool load_referential(const std::vector<std::string>& files, referential& out) {
    out = referential::builtin();
    for (const auto& f : files) {
        try {
            out.merge(referential::from_file(f));
        } catch (const error& e) {
            std::cerr << "offerkit: error: --referential: " << e.what() << '\n';
            return false;
        }
    }
    return true;
}

// "file:line: path" of an entry, for messages about it.
// The --as-of day: the one given, else today in Nouméa.
bool parse_as_of(const std::string& text, date& out) {
    if (text.empty()) {
        out = today_in_noumea();
        return true;
    }
    const auto d = date::parse_iso(text);
    if (!d) {
        std::cerr << "offerkit: error: --as-of " << text
                  << ": not a date; expected YYYY-MM-DD, e.g. --as-of 2026-06-30\n";
        return false;
    }
    out = *d;
    return true;
}

// Reads the --tracking files into `log`, printing what their rows say.
// Returns false when a file cannot be read at all; counts the rows refused in `refused`.
bool load_tracking(const std::vector<std::string>& files, tracking_log& log, std::size_t& refused,
                   std::size_t& warnings) {
    for (const auto& f : files) {
        diagnostics diags;
        try {
            log.add(read_tracking_file(f, diags));
        } catch (const error& e) {
            print(diags);
            std::cerr << "offerkit: error: --tracking: " << e.what() << '\n';
            return false;
        }
        print(diags);
        refused += diags.count(severity::error);
        warnings += diags.count(severity::warning);
    }
    return true;
}

std::string origin_of(const source_location& where) {
    std::string origin = where.to_string();
    if (!where.path.empty()) origin += (origin.empty() ? "" : ": ") + where.path;
    return origin;
}

}  // namespace

registry load_formats(std::vector<plugin_load_failure>& failures) {
    registry formats;
    failures = formats.load_search_path(registry::default_search_path());
    return formats;
}

void warn(const std::vector<plugin_load_failure>& failures) {
    for (const auto& f : failures) std::cerr << "offerkit: warning: " << f.message << '\n';
}

bool takes_option(const exporter& format, std::string_view name) {
    const auto& options = format.info().options;
    return std::any_of(options.begin(), options.end(), [&](const option_info& o) { return o.name == name; });
}

int run_convert(const registry& reg, const convert_request& request) {
    const exporter* exp = reg.find(request.format);
    try {
        if (!exp) reg.get(request.format);            // throws the message listing known formats
        check_options(exp->info(), request.options);  // as given: --as-of is added only where it is known
    } catch (const error& e) {
        std::cerr << "offerkit: error: " << e.what() << '\n';
        return exit_usage;
    }
    read_options read_opts;
    if (!parse_read_options(reg, request.input_format, request.encoding, request.input_options, read_opts))
        return exit_usage;
    read_opts.facts = request.as_written ? fact_policy::as_written : fact_policy::repair;
    referential names;
    if (!load_referential(request.referentials, names)) return exit_usage;
    // Summaries are given each offer once; other formats when asked.
    const bool dedupe = request.dedupe || exp->info().summary;
    date as_of;
    if (!parse_as_of(request.as_of, as_of)) return exit_usage;
    option_map export_options = request.options;
    if (!request.as_of.empty() && takes_option(*exp, "as-of")) export_options.try_emplace("as-of", request.as_of);
    if (auto it = export_options.find("as-of"); it != export_options.end() && request.as_of.empty())
        if (auto d = date::parse_iso(it->second)) as_of = *d;  // --option as-of=… dates the tracking too
    tracking_log tracking(as_of);
    std::size_t tracking_refused = 0, tracking_warnings = 0;
    if (!load_tracking(request.tracking, tracking, tracking_refused, tracking_warnings)) return exit_bad_input;

    export_target target;
    target.path = request.output;
    diagnostics diags;
    batch_stats stats;
    std::unique_ptr<export_session> session;
    std::unique_ptr<parallel_export> parallel;
    const unsigned jobs = request.jobs ? request.jobs : std::max(1u, std::thread::hardware_concurrency());
    bool made_output_dir = false;  // by us, now: removed again if the export cannot start
    try {
        const bool per_offer = exp->layout(export_options) == output_layout::file_per_offer;
        if (per_offer) {
            if (request.output == "-") {
                std::cerr << "offerkit: error: format " << request.format
                          << " writes one file per offer: -o must name a directory, not -\n";
                return exit_usage;
            }
            const std::filesystem::path out(request.output);
            std::error_code ec;
            if (!std::filesystem::exists(out, ec) && !exp->info().extension.empty() &&
                text::iequals_ascii(out.extension().string(), exp->info().extension)) {
                std::cerr << "offerkit: error: -o " << request.output << ": format " << request.format
                          << " writes one file per offer into a directory, and " << request.output
                          << " looks like a file name; give a directory (-o " << out.stem().string() << "/)"
                          << " (`offerkit plugins` lists the options of " << request.format
                          << ", such as one that writes a single file)\n";
                return exit_usage;
            }
            made_output_dir = !std::filesystem::exists(out, ec);
            ensure_directory(request.output);
        } else if (request.output == "-") {
            target.stream = &std::cout;
        }
        if (jobs > 1 && per_offer)
            parallel = std::make_unique<parallel_export>(*exp, target, export_options, jobs);
        else
            session = exp->begin(target, export_options, diags);
    } catch (const error& e) {
        std::cerr << "offerkit: error: " << e.what() << '\n';
        if (made_output_dir) {
            std::error_code ec;
            std::filesystem::remove(request.output, ec);  // only while still empty
        }
        return e.code() == errc::invalid_option ? exit_usage : exit_bad_input;
    }

    progress bar(request.quiet, request.inputs.size());
    auto fail = [&](const std::string& message) {
        bar.clear();
        ++stats.failed;
        stats.failures.push_back(message);
        if (!interrupted()) std::cerr << "offerkit: error: " << message << '\n';  // else: not the offer's fault
    };
    // Failures of offers exported on worker threads arrive later: collect them.
    std::size_t parallel_failures_seen = 0;
    auto collect_parallel_failures = [&] {
        if (!parallel) return;
        const auto failures = parallel->failures();
        for (; parallel_failures_seen < failures.size(); ++parallel_failures_seen) {
            const auto& f = failures[parallel_failures_seen];
            --stats.exported;
            fail(f.message.rfind(f.origin, 0) == 0 ? f.message : f.origin + ": " + f.message);
        }
    };
    // Exports one offer (its diagnostics printed first).
    auto export_one = [&](batch_entry& e) {
        const bool exported = e.kept() || !(e.joined || dedupe);
        if (exported && tracking.size()) tracking.apply(e.offer, e.diags);
        if (!e.diags.empty()) {
            bar.clear();
            print(e.diags);
        }
        stats.warnings += e.diags.count(severity::warning);
        if (!e.kept() && (e.joined || dedupe)) return;
        try {
            require_identity(e.offer, e.where);
            if (parallel)
                parallel->write(std::move(e.offer), origin_of(e.where));
            else
                session->write(e.offer);
            ++stats.exported;
        } catch (const error& ex) {
            fail(ex.what());
        }
        collect_parallel_failures();
    };
    // Every input read (the batch review needs them all), unless --stream.
    std::vector<batch_entry> batch;
    for (std::size_t input_index = 0; input_index < request.inputs.size(); ++input_index) {
        const std::string& input = request.inputs[input_index];
        std::unique_ptr<offer_reader> reader;
        try {
            reader = std::make_unique<offer_reader>(input, read_opts, reg);
        } catch (const error& e) {
            fail(e.what());
            if (!request.keep_going) break;
            continue;
        }
        while (true) {
            batch_entry e;
            try {
                if (!reader->next(e.offer, e.diags)) break;
                ++stats.read;
                if (!request.referentials.empty() || e.offer.canonical.empty()) names.canonicalize(e.offer);
                e.where = reader->location();
                e.format = std::string(reader->format());
                if (request.stream)
                    export_one(e);
                else
                    batch.push_back(std::move(e));
            } catch (const error& ex) {
                if (!e.diags.empty()) {
                    bar.clear();
                    print(e.diags);
                }
                stats.warnings += e.diags.count(severity::warning);
                fail(ex.what());
            }
            bar.update(stats.read, input_index);
            if (stats.failed && !request.keep_going) break;
        }
        if (stats.failed && !request.keep_going) break;
    }
    if (!(stats.failed && !request.keep_going)) {
        review_batch(batch, read_opts.facts, dedupe);
        for (auto& e : batch) {
            export_one(e);
            if (stats.failed && !request.keep_going) break;
        }
    }

    if (parallel) {
        parallel->wait();  // every queued offer exported (or failed)
        collect_parallel_failures();
    }
    bar.clear();
    tracking.report_unclaimed(diags);
    stats.warnings += tracking_warnings;
    if (tracking_refused) {
        stats.failed += tracking_refused;
        stats.failures.push_back(std::to_string(tracking_refused) + " tracking row" +
                                 (tracking_refused == 1 ? "" : "s") + " could not be read (see above)");
    }
    print(diags);
    stats.warnings += diags.count(severity::warning);
    if (stats.failed && !request.keep_going) {
        session.reset();  // discards every partial output
        parallel.reset();
        std::cerr << "offerkit: nothing written (use --keep-going to export the good offers)\n";
        return exit_bad_input;
    }
    std::vector<std::filesystem::path> files;
    const std::size_t shown = diags.size();
    try {
        files = parallel ? parallel->finish(diags) : session->finish();
    } catch (const error& e) {
        session.reset();
        parallel.reset();
        std::cerr << "offerkit: error: " << e.what() << '\n';
        return exit_bad_input;
    }
    for (std::size_t i = shown; i < diags.size(); ++i) {  // warnings from finish()
        std::cerr << diags.items()[i].to_string() << '\n';
        stats.warnings += diags.items()[i].level == severity::warning ? 1 : 0;
    }
    if (!request.quiet) {
        std::cerr << "offerkit: " << stats.read << " offer" << (stats.read == 1 ? "" : "s") << " read, "
                  << stats.exported << " exported to " << request.format << ", " << files.size() << " file"
                  << (files.size() == 1 ? "" : "s") << " written, " << stats.warnings << " warning"
                  << (stats.warnings == 1 ? "" : "s");
        if (stats.failed) std::cerr << ", " << stats.failed << " failed";
        std::cerr << '\n';
        if (stats.failed) {
            std::cerr << "offerkit: failed:\n";
            for (const auto& f : stats.failures) std::cerr << "  " << f << '\n';
        }
    }
    return stats.failed ? exit_bad_input : exit_ok;
}

int run_validate(const registry& formats, const validate_request& request) {
    read_options read_opts;
    if (!parse_read_options(formats, request.input_format, request.encoding, request.input_options, read_opts))
        return exit_usage;
    read_opts.facts = request.as_written ? fact_policy::as_written : fact_policy::repair;
    referential names;
    if (!load_referential(request.referentials, names)) return exit_usage;
    date as_of;
    if (!parse_as_of(request.as_of, as_of)) return exit_usage;
    tracking_log tracking(as_of);
    std::size_t offers = 0, errors = 0, warnings = 0;
    if (!load_tracking(request.tracking, tracking, errors, warnings)) return exit_bad_input;
    auto show = [&](const diagnostics& diags) {
        for (auto d : diags) {
            if (request.strict) d.level = severity::error;
            std::cerr << d.to_string() << '\n';
            (d.level == severity::error ? errors : warnings) += 1;
        }
    };
    std::vector<batch_entry> batch;
    for (const auto& input : request.inputs) {
        try {
            offer_reader reader(input, read_opts, formats);
            while (true) {
                batch_entry e;
                try {
                    if (!reader.next(e.offer, e.diags)) break;
                    ++offers;
                    // Some importers (the posting parser, JobPosting) report these
                    // themselves, with line numbers or JSON paths.
                    if (!reader.validates()) validate_offer(e.offer, reader.location(), e.diags);
                    if (!request.referentials.empty() || e.offer.canonical.empty()) names.canonicalize(e.offer);
                    e.where = reader.location();
                    e.format = std::string(reader.format());
                    batch.push_back(std::move(e));
                } catch (const error& ex) {
                    show(e.diags);
                    ++errors;
                    std::cerr << ex.what() << '\n';
                }
            }
        } catch (const error& e) {
            ++errors;
            std::cerr << e.what() << '\n';
        }
    }
    review_batch(batch, read_opts.facts, false);
    if (tracking.size())
        for (auto& e : batch)
            if (e.kept()) tracking.apply(e.offer, e.diags);
    if (request.profile == "google-jobs")
        for (auto& e : batch)
            if (e.kept()) check_google_jobs(e.offer, e.where, e.diags);
    for (const auto& e : batch) show(e.diags);
    diagnostics unclaimed;
    tracking.report_unclaimed(unclaimed);
    show(unclaimed);
    if (!request.quiet)
        std::cerr << "offerkit: " << offers << " offer" << (offers == 1 ? "" : "s") << " checked, " << errors
                  << " error" << (errors == 1 ? "" : "s") << ", " << warnings << " warning"
                  << (warnings == 1 ? "" : "s") << '\n';
    return errors ? exit_bad_input : exit_ok;
}

namespace {

std::string padded(std::string s, std::size_t width) {
    s.resize(std::max(s.size(), width), ' ');
    return s;
}

void print_options(const std::vector<option_info>& options, const char* how) {
    for (const auto& o : options)
        std::cout << "           " << how << ' ' << o.name << "=…  " << o.description
                  << (o.default_value.empty() ? "" : " (default " + o.default_value + ")")
                  << (o.flag ? " (also --" + o.name + ")" : "") << '\n';
}

template <class Registered>
void print_row(const Registered& e, const std::string& name, const std::string& extensions, std::size_t width) {
    std::cout << padded(name, 10) << ' ' << padded(e.version, 8) << ' ' << padded(extensions, width) << ' '
              << padded(std::string(to_string(e.source)), 9) << ' '
              << (e.path.empty() ? std::string() : e.path.string()) << '\n';
}

}  // namespace

int run_plugins(const registry& reg, const std::vector<plugin_load_failure>& failures, plugin_listing which) {
    if (which != plugin_listing::readers) {
        if (which == plugin_listing::all) std::cout << "Writers (convert --to FORMAT):\n";
        std::cout << "FORMAT     VERSION  EXTENSION  SOURCE    PATH / DESCRIPTION\n";
        for (const auto& e : reg.list()) {
            const auto& i = e.object->info();
            print_row(e, i.name, i.extension, 10);
            std::cout << "           " << i.description << '\n';
            print_options(i.options, "--option");
        }
        if (reg.empty()) std::cout << "(no plugin found)\n";
    }
    if (which != plugin_listing::writers) {
        if (which == plugin_listing::all)
            std::cout << "Readers (convert --from FORMAT; detected from the name and the content otherwise):\n";
        std::cout << "FORMAT     VERSION  EXTENSIONS         SOURCE    PATH / DESCRIPTION\n";
        for (const auto& e : reg.list_importers()) {
            const auto& i = e.object->info();
            std::string extensions;
            for (const auto& x : i.extensions) extensions += (extensions.empty() ? "" : " ") + x;
            print_row(e, i.name, extensions, 18);
            std::cout << "           " << i.description << '\n';
            print_options(i.options, "--input-option");
        }
    }
    std::cout << "Search path:\n";
    for (const auto& d : registry::default_search_path()) std::cout << "  " << d.string() << '\n';
    warn(failures);
    return failures.empty() ? exit_ok : exit_bad_input;
}

}  // namespace offerkit::cli
