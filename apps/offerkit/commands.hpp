// The offerkit CLI's commands. Each returns the process exit code:
// 0 success, 1 bad input or failed export, 2 usage error.
#pragma once

#include <offerkit/exporter.hpp>
#include <offerkit/registry.hpp>

#include <string>
#include <vector>

namespace offerkit::cli {

enum exit_code { exit_ok = 0, exit_bad_input = 1, exit_usage = 2 };

struct convert_request {
    std::vector<std::string> inputs;
    std::string input_format = "auto";
    std::string encoding = "auto";
    std::string format;
    std::string output;
    option_map options;        ///< for the exporter (--option, and the flags plugins declare)
    option_map input_options;  ///< for the importer (--input-option)
    bool keep_going = false;
    bool quiet = false;
    unsigned jobs = 0;                      ///< worker threads for one-file-per-offer formats; 0 = one per core
    bool as_written = false;                ///< keep the text's values: no repair (offerkit/facts.hpp)
    bool dedupe = false;                    ///< export each offer of the batch once (summaries always do)
    bool stream = false;                    ///< export offers as read: no batch review (offerkit/batch.hpp)
    std::vector<std::string> referentials;  ///< --referential files, merged over the built-in lists
    std::vector<std::string> tracking;      ///< --tracking files: what happened after publication
    std::string as_of;                      ///< --as-of YYYY-MM-DD: the day of the report and of the tracking
};

struct validate_request {
    std::vector<std::string> inputs;
    std::string input_format = "auto";
    std::string encoding = "auto";
    option_map input_options;
    bool strict = false;
    bool quiet = false;
    bool as_written = false;
    std::vector<std::string> referentials;
    std::vector<std::string> tracking;
    std::string as_of;
    std::string profile;  ///< --profile google-jobs: also what Google for Jobs requires and recommends
};

struct publish_request {
    convert_request convert;  ///< inputs and reading settings; format and output are set per publication
    std::string output;       ///< the directory published
    std::string base_url;     ///< the site's address, for feeds, sitemap and absolute links
    std::string title;        ///< the site's title
    std::string brands_dir;   ///< the flyers' brand profiles
};

enum class plugin_listing { all, writers, readers };

/// The formats of the default search path; load failures are returned.
registry load_formats(std::vector<plugin_load_failure>& failures);
/// Prints load failures as warnings on standard error.
void warn(const std::vector<plugin_load_failure>& failures);

/// Whether `format` lists the option `name`.
bool takes_option(const exporter& format, std::string_view name);

int run_convert(const registry& formats, const convert_request& request);
/// `offerkit publish`: the site, feeds, sitemap, CSV, flyers and workbook into one directory, swapped in whole.
int run_publish(const registry& formats, const publish_request& request);
int run_validate(const registry& formats, const validate_request& request);
int run_plugins(const registry& formats, const std::vector<plugin_load_failure>& failures, plugin_listing which);

}  // namespace offerkit::cli
