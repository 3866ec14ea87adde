// Small plugin modules for the registry tests, one per load outcome. Each is
// compiled with one TEST_PLUGIN_* macro (see tests/registry.cmake).
#include <offerkit/plugin.hpp>

namespace {

class named_exporter : public offerkit::exporter {
public:
    explicit named_exporter(const char* name) : info_{name, "test exporter", ".txt", "text/plain", {}} {}
    const offerkit::exporter_info& info() const noexcept override { return info_; }
    offerkit::output_layout layout(const offerkit::option_map&) const override {
        return offerkit::output_layout::single_file;
    }
    std::unique_ptr<offerkit::export_session> begin(const offerkit::export_target&, const offerkit::option_map&,
                                                    offerkit::diagnostics&) const override {
        throw offerkit::error(offerkit::errc::export_failed, "test exporter");
    }

private:
    offerkit::exporter_info info_;
};

struct good_exporter : named_exporter {
    good_exporter() : named_exporter("testgood") {}
};
struct lines_exporter : named_exporter {
    lines_exporter() : named_exporter("testlinesout") {}
};
struct json_clash_exporter : named_exporter {
    json_clash_exporter() : named_exporter("json") {}
};
struct throwing_exporter : named_exporter {
    throwing_exporter() : named_exporter("x") { throw std::runtime_error("cannot find my configuration"); }
};

// Throws standard exceptions (not offerkit::error) from every call, as a
// careless third-party plugin would: begin() with option where=begin, else
// write(), and finish() throws an int.
class std_throwing_exporter : public offerkit::exporter {
public:
    const offerkit::exporter_info& info() const noexcept override { return info_; }
    offerkit::output_layout layout(const offerkit::option_map&) const override {
        return offerkit::output_layout::single_file;
    }
    std::unique_ptr<offerkit::export_session> begin(const offerkit::export_target&, const offerkit::option_map& o,
                                                    offerkit::diagnostics&) const override {
        if (offerkit::option_or(o, "where", "") == "begin") throw std::logic_error("begin: not configured");
        struct session final : offerkit::export_session {
            void write(const offerkit::job_offer&) override { throw std::runtime_error("write: quota exceeded"); }
            std::vector<std::filesystem::path> finish() override { throw 42; }
        };
        return std::make_unique<session>();
    }

private:
    offerkit::exporter_info info_{
        "teststd", "throws standard exceptions", ".txt", "text/plain", {{"where", "begin or write", "write"}}};
};

// Reads "OFFERKIT-TEST" files: after that signature line, one "reference|title"
// per line. With throw_std, next() throws std::runtime_error, as a careless
// third-party importer would.
template <bool throw_std>
class line_importer : public offerkit::importer {
public:
    const offerkit::importer_info& info() const noexcept override { return info_; }
    offerkit::input_match sniff(std::string_view file_name, std::string_view head) const noexcept override {
        if (head.rfind("OFFERKIT-TEST\n", 0) == 0) return offerkit::input_match::signature;
        return offerkit::has_extension(file_name, ".testoffers") ? offerkit::input_match::extension
                                                                 : offerkit::input_match::none;
    }
    std::unique_ptr<offerkit::import_session> open(offerkit::input_source input,
                                                   const offerkit::read_options& options) const override {
        offerkit::check_options(info_, options.options);
        struct session final : offerkit::import_session {
            explicit session(offerkit::input_source in) : where{in.name(), 0, 0, {}} {
                in.read_all(text, 1 << 20);
                if (text.rfind("OFFERKIT-TEST\n", 0) != 0)
                    throw offerkit::error(offerkit::errc::unknown_format, where.file + ": no OFFERKIT-TEST signature");
            }
            bool next(offerkit::job_offer& out, offerkit::diagnostics& diags) override {
                if constexpr (throw_std) throw std::runtime_error("next: disk on fire");
                const std::size_t start = text.find('\n', at) + 1;
                if (start == 0 || start >= text.size()) return false;
                const std::size_t end = text.find('\n', start);
                const std::string line = text.substr(start, end - start);
                at = start;
                where.line = ++line_number + 1;
                out = {};
                out.reference = line.substr(0, line.find('|'));
                out.title = line.find('|') == std::string::npos ? "" : line.substr(line.find('|') + 1);
                out.employer = "Test";
                if (out.title.empty()) diags.warn(where, "no title");
                return true;
            }
            const offerkit::source_location& location() const noexcept override { return where; }
            std::string_view format() const noexcept override { return "testlines"; }
            std::string text;
            std::size_t at = 0, line_number = 0;
            offerkit::source_location where;
        };
        return std::make_unique<session>(std::move(input));
    }

private:
    offerkit::importer_info info_{throw_std ? "teststdreader" : "testlines",
                                  "test importer",
                                  {".testoffers"},
                                  "text/plain",
                                  {{"strict", "test option", "false"}}};
};

struct json_clash_importer : line_importer<false> {
    const offerkit::importer_info& info() const noexcept override { return clash_; }
    offerkit::importer_info clash_{"json", "a second json reader", {".json"}, "application/json", {}};
};

}  // namespace

#if defined(TEST_PLUGIN_GOOD)
OFFERKIT_PLUGIN("testgood", "9.9.9", "a good test plugin", good_exporter)
#elif defined(TEST_PLUGIN_DUPLICATE)
OFFERKIT_PLUGIN("testdup", "1.0.0", "registers a second json exporter", json_clash_exporter)
#elif defined(TEST_PLUGIN_THROWING)
OFFERKIT_PLUGIN("testthrow", "1.0.0", "fails to create its exporter", throwing_exporter)
#elif defined(TEST_PLUGIN_STDTHROW)
OFFERKIT_PLUGIN("teststd", "1.0.0", "throws standard exceptions", std_throwing_exporter)
#elif defined(TEST_PLUGIN_READER)
OFFERKIT_PLUGIN("testreader", "2.0.0", "reads and writes", line_importer<false>, lines_exporter)
#elif defined(TEST_PLUGIN_READER_CLASH)
OFFERKIT_PLUGIN("testreaderclash", "1.0.0", "a second json importer", json_clash_importer)
#elif defined(TEST_PLUGIN_READER_STDTHROW)
OFFERKIT_PLUGIN("testreaderstd", "1.0.0", "an importer that throws", line_importer<true>)
#elif defined(TEST_PLUGIN_BAD_ABI)
extern "C" __attribute__((visibility("default"))) const offerkit_plugin_descriptor* offerkit_plugin_entry(void) {
    static const offerkit_plugin_descriptor d{OFFERKIT_PLUGIN_ABI_VERSION + 41,
                                              "9.0.0",
                                              "testabi",
                                              "1.0.0",
                                              "future ABI",
                                              0,
                                              nullptr,
                                              nullptr,
                                              0,
                                              nullptr,
                                              nullptr};
    return &d;
}
#elif defined(TEST_PLUGIN_ABI_TWO)
// The version 2 descriptor: exporters only, no importer members.
struct descriptor_v2 {
    std::uint32_t abi_version;
    const char *offerkit_version, *name, *version, *description;
    std::size_t exporter_count;
    void *create, *destroy;
};
extern "C" __attribute__((visibility("default"))) const descriptor_v2* offerkit_plugin_entry(void) {
    static const descriptor_v2 d{2, "0.1.0", "testabitwo", "1.0.0", "exporters only", 0, nullptr, nullptr};
    return &d;
}
#elif defined(TEST_PLUGIN_ABI_ONE)
// The version 1 descriptor: no offerkit_version member after abi_version.
struct descriptor_v1 {
    std::uint32_t abi_version;
    const char *name, *version, *description;
    std::size_t exporter_count;
    void *create, *destroy;
};
extern "C" __attribute__((visibility("default"))) const descriptor_v1* offerkit_plugin_entry(void) {
    static const descriptor_v1 d{1, "testabione", "1.0.0", "offerkit 0.1's first ABI", 0, nullptr, nullptr};
    return &d;
}
#elif defined(TEST_PLUGIN_NO_ENTRY)
extern "C" __attribute__((visibility("default"))) int some_other_symbol(void) { return 42; }
#endif
