// The format registry: the sources of exporters and importers, detection, and the distinct load errors.
#include "support/test_support.hpp"

#include <offerkit/plugins/json.hpp>
#include <offerkit/registry.hpp>

#include <unistd.h>
#include <algorithm>
#include <cstdlib>
#include <offerkit/plugin.hpp>
#include <offerkit/reader.hpp>
#include <offerkit/version.hpp>
#include <sstream>

using namespace offerkit;
namespace fs = std::filesystem;

namespace {

const fs::path test_plugins = OFFERKIT_TEST_PLUGIN_DIR;
const fs::path json_module = fs::path(OFFERKIT_PLUGIN_BUILD_DIR) / "offerkit-json.so";

errc load_error(registry& reg, const fs::path& path, std::string* message = nullptr) {
    try {
        reg.load_module(path);
    } catch (const error& e) {
        if (message) *message = e.what();
        return e.code();
    }
    return errc::ok;
}

class upper_exporter final : public exporter {
public:
    const exporter_info& info() const noexcept override {
        static const exporter_info i{"titles", "one title per line", ".txt", "text/plain", {}};
        return i;
    }
    output_layout layout(const option_map&) const override { return output_layout::single_file; }
    std::unique_ptr<export_session> begin(const export_target& target, const option_map&, diagnostics&) const override {
        struct session : export_session {
            std::ostream* out;
            explicit session(std::ostream* o) : out(o) {}
            void write(const job_offer& o) override { *out << o.title << '\n'; }
            std::vector<fs::path> finish() override { return {}; }
        };
        return std::make_unique<session>(target.stream);
    }
};

}  // namespace

TEST_CASE("a plugin module is loaded from its file") {
    registry reg;
    reg.load_module(json_module);
    const auto* json = reg.find("json");
    REQUIRE(json != nullptr);
    CHECK(json->info().extension == ".json");
    REQUIRE(reg.find("jsonl") != nullptr);
    const auto list = reg.list();
    REQUIRE(list.size() == 2);
    CHECK(list[0].source == plugin_source::module);
    CHECK(list[0].path == json_module);
    CHECK(list[0].plugin == "json");
    CHECK(list[0].version == OFFERKIT_VERSION_STRING);
}

TEST_CASE("a statically linked plugin registers with one call") {
    registry reg;
    plugins::register_json(reg);
    const auto list = reg.list();
    REQUIRE(list.size() == 2);
    CHECK(list[0].object->info().name == "json");
    CHECK(list[1].object->info().name == "jsonl");
    CHECK(list[0].source == plugin_source::builtin);
    CHECK(list[0].path.empty());
}

TEST_CASE("an application registers its own exporter object and exports through it") {
    registry reg;
    reg.add(std::make_shared<upper_exporter>());
    const exporter& e = reg.get("titles");
    std::ostringstream out;
    diagnostics diags;
    export_target target;
    target.stream = &out;
    auto session = e.begin(target, {}, diags);
    session->write(testing::full_offer());
    session->write(testing::minimal_offer());
    session->finish();
    CHECK(out.str() == testing::full_offer().title + "\n" + testing::minimal_offer().title + "\n");
    CHECK(reg.list()[0].source == plugin_source::application);
}

TEST_CASE("load errors are distinct and name the file") {
    registry reg;
    std::string message;

    SECTION("file cannot be opened") {
        CHECK(load_error(reg, test_plugins / "offerkit-missing.so", &message) == errc::plugin_open_failed);
        CHECK_THAT(message, Catch::Contains("offerkit-missing.so") && Catch::Contains("cannot open plugin"));
        testing::temp_dir dir;
        testing::write_file(dir / "offerkit-garbage.so", "this is not a shared library");
        CHECK(load_error(reg, dir / "offerkit-garbage.so", &message) == errc::plugin_open_failed);
        CHECK_THAT(message, Catch::Contains("offerkit-garbage.so"));
    }
    SECTION("entry point missing") {
        CHECK(load_error(reg, test_plugins / "offerkit-testnoentry.so", &message) == errc::plugin_entry_missing);
        CHECK_THAT(message, Catch::Contains("offerkit_plugin_entry") && Catch::Contains("offerkit-testnoentry.so"));
    }
    SECTION("ABI version mismatch, with both versions and the offerkit the plugin was built for") {
        CHECK(load_error(reg, test_plugins / "offerkit-testbadabi.so", &message) == errc::plugin_abi_mismatch);
        CHECK_THAT(message, Catch::Contains("plugin built for offerkit 9.0.0 (plugin ABI version " +
                                            std::to_string(OFFERKIT_PLUGIN_ABI_VERSION + 41) + "), this offerkit " +
                                            OFFERKIT_VERSION_STRING + " uses plugin ABI version " +
                                            std::to_string(OFFERKIT_PLUGIN_ABI_VERSION) +
                                            ": rebuild the plugin against this offerkit"));
    }
    SECTION("a plugin of offerkit 0.1's first ABI (no write_file, no offerkit version) is refused") {
        CHECK(load_error(reg, test_plugins / "offerkit-testabione.so", &message) == errc::plugin_abi_mismatch);
        CHECK_THAT(message,
                   Catch::Contains("plugin built for plugin ABI version 1, this offerkit " OFFERKIT_VERSION_STRING
                                   " uses plugin ABI version " +
                                   std::to_string(OFFERKIT_PLUGIN_ABI_VERSION)));
    }
    SECTION("a plugin of ABI version 2 (exporters only) is refused, naming the offerkit it was built for") {
        CHECK(load_error(reg, test_plugins / "offerkit-testabitwo.so", &message) == errc::plugin_abi_mismatch);
        CHECK_THAT(message,
                   Catch::Contains(
                       "plugin built for offerkit 0.1.0 (plugin ABI version 2), this offerkit " OFFERKIT_VERSION_STRING
                       " uses plugin ABI version " +
                       std::to_string(OFFERKIT_PLUGIN_ABI_VERSION)));
    }
    SECTION("an importer whose name a reader already has") {
        CHECK(load_error(reg, test_plugins / "offerkit-testreaderclash.so", &message) == errc::plugin_duplicate);
        CHECK_THAT(message, Catch::Contains("importer \"json\" is already registered (from the offerkit core)") &&
                                Catch::Contains("offerkit-testreaderclash.so"));
        CHECK(reg.list_importers().size() == 5);  // nothing of the module stays
    }
    SECTION("duplicate name") {
        plugins::register_json(reg);
        CHECK(load_error(reg, test_plugins / "offerkit-testduplicate.so", &message) == errc::plugin_duplicate);
        CHECK_THAT(message,
                   Catch::Contains("\"json\" is already registered") && Catch::Contains("built-in plugin json"));
        // The failed module left nothing behind.
        CHECK(reg.list().size() == 2);
        CHECK(load_error(reg, json_module) == errc::plugin_duplicate);
    }
    SECTION("an exporter that throws while being created") {
        CHECK(load_error(reg, test_plugins / "offerkit-testthrowing.so", &message) == errc::plugin_failed);
        CHECK_THAT(message, Catch::Contains("cannot find my configuration"));
        CHECK(reg.empty());
    }
    SECTION("adding the same name twice") {
        reg.add(std::make_shared<upper_exporter>());
        try {
            reg.add(std::make_shared<upper_exporter>());
            FAIL("no exception");
        } catch (const error& e) {
            CHECK(e.code() == errc::plugin_duplicate);
        }
    }
}

TEST_CASE("searching a directory loads the good plugins and reports the broken ones") {
    registry reg;
    const auto failures = reg.load_search_path({test_plugins});
    CHECK(reg.find("testgood") != nullptr);
    CHECK(reg.find("json") != nullptr);  // from offerkit-testduplicate.so, the only json here
    std::vector<errc> codes;
    for (const auto& f : failures) codes.push_back(f.code);
    CHECK(std::count(codes.begin(), codes.end(), errc::plugin_abi_mismatch) ==
          3);  // testbadabi, testabione, testabitwo
    CHECK(std::count(codes.begin(), codes.end(), errc::plugin_duplicate) ==
          1);  // testreaderclash: a second json reader
    CHECK(reg.find_importer("testlines") != nullptr);
    CHECK(std::count(codes.begin(), codes.end(), errc::plugin_entry_missing) == 1);
    CHECK(std::count(codes.begin(), codes.end(), errc::plugin_failed) == 1);
}

TEST_CASE("an earlier directory shadows a plugin of the same name, relative directories are ignored") {
    testing::temp_dir first;
    fs::copy_file(json_module, first / "offerkit-json.so");
    registry reg;
    const auto failures = reg.load_search_path({first.path(), fs::path("relative/dir"), json_module.parent_path()});
    CHECK(failures.empty());
    REQUIRE(reg.find("json") != nullptr);
    const auto all = reg.list();
    const auto json = std::find_if(all.begin(), all.end(), [](const auto& e) { return e.plugin == "json"; });
    REQUIRE(json != all.end());
    CHECK(json->path == first / "offerkit-json.so");
}

TEST_CASE("the default search path: OFFERKIT_PLUGIN_PATH first, beside the executable, never the current directory") {
    ::setenv("OFFERKIT_PLUGIN_PATH", "/opt/a:relative:/opt/b", 1);
    const auto dirs = registry::default_search_path();
    ::unsetenv("OFFERKIT_PLUGIN_PATH");
    REQUIRE(dirs.size() >= 3);
    CHECK(dirs[0] == "/opt/a");
    CHECK(dirs[1] == "/opt/b");
    for (const auto& d : dirs) CHECK(d.is_absolute());
    CHECK(std::find(dirs.begin(), dirs.end(), fs::path(OFFERKIT_PLUGIN_BUILD_DIR).lexically_normal()) != dirs.end());
}

TEST_CASE("an unknown format names the known ones") {
    registry reg;
    plugins::register_json(reg);
    try {
        reg.get("docx");
        FAIL("no exception");
    } catch (const error& e) {
        CHECK(e.code() == errc::unknown_format);
        CHECK_THAT(std::string(e.what()), Catch::Contains("docx") && Catch::Contains("json, jsonl"));
    }
}

TEST_CASE("a plugin that throws standard exceptions: each arrives as offerkit::error, nothing terminates") {
    registry reg;
    reg.load_module(test_plugins / "offerkit-teststdthrow.so");
    const exporter& e = reg.get("teststd");
    diagnostics diags;
    export_target target;
    target.path = "unused.txt";
    try {
        e.begin(target, {{"where", "begin"}}, diags);
        FAIL("no exception");
    } catch (const error& x) {
        CHECK(x.code() == errc::plugin_failed);
        CHECK_THAT(std::string(x.what()), Catch::Equals("plugin teststd: begin: not configured"));
    }
    auto session = e.begin(target, {}, diags);
    try {
        session->write(testing::minimal_offer());
        FAIL("no exception");
    } catch (const error& x) {
        CHECK(x.code() == errc::plugin_failed);
        CHECK_THAT(std::string(x.what()), Catch::Equals("plugin teststd: write: quota exceeded"));
    }
    try {
        session->finish();  // throws an int
        FAIL("no exception");
    } catch (const error& x) {
        CHECK_THAT(std::string(x.what()), Catch::Contains("plugin teststd: unknown exception"));
    }
}

TEST_CASE("a plugin module that anyone could have placed is not loaded, and the reason is given") {
    SECTION("a world-writable directory") {
        testing::temp_dir dir;
        fs::copy_file(json_module, dir / "offerkit-json.so");
        fs::permissions(dir.path(), fs::perms::all);
        registry reg;
        const auto failures = reg.load_search_path({dir.path()});
        CHECK(reg.find("json") == nullptr);
        REQUIRE(failures.size() == 1);
        CHECK(failures[0].code == errc::plugin_untrusted);
        CHECK_THAT(failures[0].message, Catch::Contains("the plugin directory " + dir.path().string() +
                                                        " is writable by every user (mode 0777)"));
        fs::permissions(dir.path(), fs::perms::owner_all);
    }
    SECTION("a world-writable module") {
        testing::temp_dir dir;
        fs::copy_file(json_module, dir / "offerkit-json.so");
        fs::permissions(dir / "offerkit-json.so", fs::perms::all);
        registry reg;
        const auto failures = reg.load_search_path({dir.path()});
        REQUIRE(failures.size() == 1);
        CHECK(failures[0].code == errc::plugin_untrusted);
        CHECK_THAT(failures[0].message, Catch::Contains("offerkit-json.so is writable by every user"));
    }
    SECTION("a module owned by another user") {
        if (::geteuid() != 0) OFFERKIT_SKIP("giving a file to another user needs root");
        testing::temp_dir dir;
        fs::copy_file(json_module, dir / "offerkit-json.so");
        REQUIRE(::chown((dir / "offerkit-json.so").c_str(), 65534, 65534) == 0);
        registry reg;
        const auto failures = reg.load_search_path({dir.path()});
        REQUIRE(failures.size() == 1);
        CHECK(failures[0].code == errc::plugin_untrusted);
        CHECK_THAT(failures[0].message, Catch::Contains("belongs to user 65534, neither root nor"));
        CHECK(reg.find("json") == nullptr);
    }
    SECTION("the same module, writable by its owner only, loads") {
        testing::temp_dir dir;
        fs::copy_file(json_module, dir / "offerkit-json.so");
        registry reg;
        CHECK(reg.load_search_path({dir.path()}).empty());
        CHECK(reg.find("json") != nullptr);
    }
}

TEST_CASE("every registry has the core's readers") {
    registry reg;
    std::vector<std::string> names;
    for (const auto& r : reg.list_importers()) {
        names.push_back(r.object->info().name);
        CHECK(r.source == plugin_source::builtin);
        CHECK(r.plugin == "offerkit");
        CHECK(r.version == OFFERKIT_VERSION_STRING);
    }
    CHECK(names == std::vector<std::string>{"csv", "jobposting", "json", "jsonl", "text"});
    CHECK(reg.empty());  // no exporter yet
    CHECK(reg.find_importer("json") != nullptr);
    CHECK(reg.find_importer("docx") == nullptr);
    try {
        reg.get_importer("docx");
        FAIL("no exception");
    } catch (const error& e) {
        CHECK(e.code() == errc::unknown_format);
        CHECK_THAT(std::string(e.what()),
                   Catch::Contains("\"docx\" (known: auto, csv, jobposting, json, jsonl, text)"));
    }
}

TEST_CASE("readers are detected in a documented order: signature then extension then content then fallback") {
    registry reg;
    auto detected = [&](std::string_view name, std::string_view head) { return reg.detect(name, head).info().name; };
    // the core's rules
    CHECK(detected("a.jsonl", "") == "jsonl");
    CHECK(detected("a.NDJSON", "{}") == "jsonl");
    CHECK(detected("a.md", "{\"looks\": \"like json\"}") == "text");  // extension before content
    CHECK(detected("a.json", "{\"a\":1}\n{\"a\":2}\n") == "jsonl");   // several values are not one document
    CHECK(detected("a.json", "not json") == "json");                  // the extension decides, the parser will say why
    CHECK(detected("<stdin>", " [ {} ]") == "json");                  // content
    CHECK(detected("<stdin>", "Référence : 1") == "text");            // fallback
    // a module's reader: its signature beats another format's extension
    reg.load_module(test_plugins / "offerkit-testreader.so");
    CHECK(detected("offers.txt", "OFFERKIT-TEST\n1|a\n") == "testlines");
    CHECK(detected("offers.testoffers", "anything") == "testlines");
    CHECK(detected("offers.txt", "1|a") == "text");
    // the module brought both directions
    CHECK(reg.find("testlinesout") != nullptr);
    const auto importers = reg.list_importers();
    const auto it = std::find_if(importers.begin(), importers.end(),
                                 [](const registered_importer& r) { return r.object->info().name == "testlines"; });
    REQUIRE(it != importers.end());
    CHECK(it->source == plugin_source::module);
    CHECK(it->version == "2.0.0");
    CHECK(it->path == test_plugins / "offerkit-testreader.so");
}

TEST_CASE("among equal matches a module's reader comes before a built-in one") {
    class md_importer final : public importer {
    public:
        const importer_info& info() const noexcept override {
            static const importer_info i{"mymarkdown", "my Markdown", {".md"}, "text/markdown", {}};
            return i;
        }
        input_match sniff(std::string_view n, std::string_view) const noexcept override {
            return has_extension(n, ".md") ? input_match::extension : input_match::none;
        }
        std::unique_ptr<import_session> open(input_source, const read_options&) const override {
            throw error(errc::unknown_format, "not used");
        }
    };
    registry reg;
    reg.add(std::make_shared<md_importer>());
    CHECK(reg.detect("a.md", "# T").info().name == "mymarkdown");
    CHECK(reg.detect("a.txt", "# T").info().name == "text");
    try {
        reg.add(std::make_shared<md_importer>());
        FAIL("no exception");
    } catch (const error& e) {
        CHECK(e.code() == errc::plugin_duplicate);
        CHECK_THAT(
            std::string(e.what()),
            Catch::Contains("importer \"mymarkdown\" is already registered (from application plugin mymarkdown)"));
    }
}

TEST_CASE("an offer_reader reads through a module's importer, by detection and by name") {
    registry reg;
    reg.load_module(test_plugins / "offerkit-testreader.so");
    testing::temp_dir dir;
    testing::write_file(dir / "list.txt", "OFFERKIT-TEST\n9001-26-0001/SR|Agent\n9001-26-0002/SR|\n");
    offer_reader reader(dir / "list.txt", {}, reg);
    CHECK(reader.format() == "testlines");
    CHECK_FALSE(reader.validates());
    diagnostics diags;
    job_offer o;
    REQUIRE(reader.next(o, diags));
    CHECK(o.reference == "9001-26-0001/SR");
    CHECK(o.title == "Agent");
    REQUIRE(reader.next(o, diags));
    CHECK(o.reference == "9001-26-0002/SR");
    REQUIRE(diags.size() == 1);
    CHECK(diags.items()[0].to_string() == (dir / "list.txt").string() + ":3: warning: no title");
    CHECK_FALSE(reader.next(o, diags));

    read_options by_name;
    by_name.format = "testlines";
    by_name.options = {{"strict", "true"}};
    offer_reader named(std::string("OFFERKIT-TEST\nX|Y\n"), "memory", by_name, reg);
    REQUIRE(named.next(o, diags));
    CHECK(o.title == "Y");
    // its options are checked; a reader the registry lacks is named with the known ones
    by_name.options = {{"colour", "red"}};
    CHECK_THROWS_WITH(offer_reader(std::string("OFFERKIT-TEST\n"), "memory", by_name, reg),
                      Catch::Contains("format testlines has no option \"colour\" (it accepts: strict)"));
    by_name.format = "testlines";
    by_name.options.clear();
    CHECK_THROWS_WITH(
        offer_reader(std::string("OFFERKIT-TEST\n"), "memory", by_name),
        Catch::Contains(
            "memory: unknown input format \"testlines\" (known: auto, csv, jobposting, json, jsonl, text)"));
}

TEST_CASE("an importer that throws standard exceptions: they arrive as offerkit::error") {
    registry reg;
    reg.load_module(test_plugins / "offerkit-testreaderstdthrow.so");
    read_options options;
    options.format = "teststdreader";
    offer_reader reader(std::string("OFFERKIT-TEST\nA|B\n"), "memory", options, reg);
    diagnostics diags;
    job_offer o;
    try {
        reader.next(o, diags);
        FAIL("no exception");
    } catch (const error& e) {
        CHECK(e.code() == errc::plugin_failed);
        CHECK(std::string(e.what()) == "plugin testreaderstd: next: disk on fire");
    }
    // an error of the importer's own stays as it is
    CHECK_THROWS_WITH(offer_reader(std::string("no signature"), "memory", options, reg),
                      "memory: no OFFERKIT-TEST signature");
}
