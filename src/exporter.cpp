#include <offerkit/error.hpp>
#include <offerkit/exporter.hpp>
#include <offerkit/importer.hpp>

namespace offerkit {

namespace {

template <class Info>
void check_options_of(const Info& info, const option_map& options) {
    for (const auto& [key, value] : options) {
        bool known = false;
        for (const auto& o : info.options) known = known || o.name == key;
        if (known) continue;
        std::string accepted;
        for (const auto& o : info.options) accepted += (accepted.empty() ? "" : ", ") + o.name;
        throw error(errc::invalid_option,
                    "format " + info.name + " has no option \"" + key + "\" (" +
                        (accepted.empty() ? std::string("it takes no options") : "it accepts: " + accepted) + ")");
    }
}

}  // namespace

void check_options(const exporter_info& info, const option_map& options) { check_options_of(info, options); }
void check_options(const importer_info& info, const option_map& options) { check_options_of(info, options); }

bool option_bool(const option_map& options, std::string_view name, bool fallback) {
    auto it = options.find(name);
    if (it == options.end()) return fallback;
    const std::string& v = it->second;
    if (v == "true" || v == "yes" || v == "1" || v == "on") return true;
    if (v == "false" || v == "no" || v == "0" || v == "off") return false;
    throw error(errc::invalid_option, "option " + std::string(name) + "=" + v + ": expected true or false");
}

std::size_t option_count(const option_map& options, std::string_view name, std::size_t fallback, std::size_t max) {
    auto it = options.find(name);
    if (it == options.end()) return fallback;
    const std::string& v = it->second;
    std::size_t n = 0;
    bool ok = !v.empty();
    for (char c : v) {
        if (c < '0' || c > '9' || n > max) {
            ok = false;
            break;
        }
        n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    if (!ok || n == 0 || n > max)
        throw error(errc::invalid_option, "option " + std::string(name) + "=" + v +
                                              ": expected a whole number from 1 to " + std::to_string(max));
    return n;
}

}  // namespace offerkit

namespace offerkit {

void export_session::write_file(const job_offer&, const std::string& stem) {
    throw error(errc::usage_error,
                "export_session::write_file(" + stem + "): this session writes a single file; use write()");
}

}  // namespace offerkit
