// The offerkit CLI's commands. Each returns the process exit code:
// 0 success, 1 bad input or failed export, 2 usage error.
#pragma once

#include <offerkit/exporter.hpp>

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
    option_map options;
    bool keep_going = false;
    bool quiet = false;
    unsigned jobs = 0;  ///< worker threads for one-file-per-offer formats; 0 = one per core
};

struct validate_request {
    std::vector<std::string> inputs;
    std::string input_format = "auto";
    std::string encoding = "auto";
    bool strict = false;
    bool quiet = false;
};

int run_convert(const convert_request& request);
int run_validate(const validate_request& request);
int run_plugins();

}  // namespace offerkit::cli
