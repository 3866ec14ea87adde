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

struct good_exporter : named_exporter { good_exporter() : named_exporter("testgood") {} };
struct json_clash_exporter : named_exporter { json_clash_exporter() : named_exporter("json") {} };
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
    offerkit::exporter_info info_{"teststd", "throws standard exceptions", ".txt", "text/plain",
                                  {{"where", "begin or write", "write"}}};
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
#elif defined(TEST_PLUGIN_BAD_ABI)
extern "C" __attribute__((visibility("default"))) const offerkit_plugin_descriptor* offerkit_plugin_entry(void) {
    static const offerkit_plugin_descriptor d{OFFERKIT_PLUGIN_ABI_VERSION + 41, "9.0.0", "testabi", "1.0.0", "future ABI",
                                              0, nullptr, nullptr};
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
