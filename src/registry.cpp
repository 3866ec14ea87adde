// The format registry (exporters and importers) and the plugin module loader.
#include "import/core_importers.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/registry.hpp>
#include <offerkit/text_safety.hpp>
#include <offerkit/version.hpp>

#include <dlfcn.h>
#include <sys/stat.h>
#include <unistd.h>
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <set>

namespace offerkit {

namespace fs = std::filesystem;

struct registry::impl {
    std::vector<registered_exporter> entries;    // sorted by exporter name
    std::vector<registered_importer> importers;  // in registration order (detect's tie-break)

    const registered_importer* find_importer(std::string_view name) const noexcept {
        for (const auto& i : importers)
            if (i.object->info().name == name) return &i;
        return nullptr;
    }

    // Where an exporter named `name` is, or would be inserted.
    std::vector<registered_exporter>::const_iterator position(std::string_view name) const noexcept {
        return std::lower_bound(
            entries.begin(), entries.end(), name,
            [](const registered_exporter& e, std::string_view n) { return e.object->info().name < n; });
    }
    const registered_exporter* find(std::string_view name) const noexcept {
        auto it = position(name);
        return it != entries.end() && it->object->info().name == name ? &*it : nullptr;
    }
    void insert(registered_exporter e) {
        auto it = position(e.object->info().name);
        entries.insert(it, std::move(e));
    }
};

registry::registry() : impl_(std::make_unique<impl>()) {
    for (auto& i : detail::make_core_importers())
        add(std::move(i), plugin_source::builtin, "offerkit", library_version());
}
registry::~registry() = default;
registry::registry(registry&&) noexcept = default;
registry& registry::operator=(registry&&) noexcept = default;

namespace {

// Whatever an exporter throws reaches the caller as offerkit::error: a plugin
// that throws std::runtime_error (or anything else) must not terminate the
// process that embeds offerkit. Every registered exporter is wrapped.
[[noreturn]] void rethrow_as_error(const std::string& plugin) {
    try {
        throw;
    } catch (const error&) {
        throw;
    } catch (const std::bad_alloc&) {
        throw error(errc::plugin_failed, "plugin " + plugin + ": out of memory");
    } catch (const std::exception& e) {
        throw error(errc::plugin_failed, "plugin " + plugin + ": " + e.what());
    } catch (...) {
        throw error(errc::plugin_failed, "plugin " + plugin + ": unknown exception (not a std::exception)");
    }
}

class guarded_session final : public export_session {
public:
    guarded_session(std::unique_ptr<export_session> inner, const std::string& plugin)
        : inner_(std::move(inner)), plugin_(plugin) {}
    ~guarded_session() override {
        try {
            inner_.reset();
        } catch (...) {  // a destructor that throws: nothing more can be done
        }
    }
    void write(const job_offer& offer) override {
        try {
            inner_->write(offer);
        } catch (...) {
            rethrow_as_error(plugin_);
        }
    }
    void write_file(const job_offer& offer, const std::string& stem) override {
        try {
            inner_->write_file(offer, stem);
        } catch (...) {
            rethrow_as_error(plugin_);
        }
    }
    std::vector<fs::path> finish() override {
        try {
            return inner_->finish();
        } catch (...) {
            rethrow_as_error(plugin_);
        }
    }

private:
    std::unique_ptr<export_session> inner_;
    std::string plugin_;
};

class guarded_exporter final : public exporter {
public:
    guarded_exporter(std::shared_ptr<const exporter> inner, std::string plugin)
        : inner_(std::move(inner)), plugin_(std::move(plugin)) {}
    const exporter_info& info() const noexcept override { return inner_->info(); }
    output_layout layout(const option_map& options) const override {
        try {
            return inner_->layout(options);
        } catch (...) {
            rethrow_as_error(plugin_);
        }
    }
    std::unique_ptr<export_session> begin(const export_target& target, const option_map& options,
                                          diagnostics& diags) const override {
        try {
            auto session = inner_->begin(target, options, diags);
            if (!session) throw error(errc::plugin_failed, "plugin " + plugin_ + ": begin() returned no session");
            return std::make_unique<guarded_session>(std::move(session), plugin_);
        } catch (...) {
            rethrow_as_error(plugin_);
        }
    }

private:
    std::shared_ptr<const exporter> inner_;  // keeps the module's object (and code) alive
    std::string plugin_;
};

class guarded_import_session final : public import_session {
public:
    guarded_import_session(std::unique_ptr<import_session> inner, const std::string& plugin)
        : inner_(std::move(inner)), plugin_(plugin) {}
    ~guarded_import_session() override {
        try {
            inner_.reset();
        } catch (...) {
        }
    }
    bool next(job_offer& out, diagnostics& diags) override {
        try {
            return inner_->next(out, diags);
        } catch (...) {
            rethrow_as_error(plugin_);
        }
    }
    const source_location& location() const noexcept override { return inner_->location(); }
    std::string_view format() const noexcept override { return inner_->format(); }
    bool validates() const noexcept override { return inner_->validates(); }

private:
    std::unique_ptr<import_session> inner_;
    std::string plugin_;
};

class guarded_importer final : public importer {
public:
    guarded_importer(std::shared_ptr<const importer> inner, std::string plugin)
        : inner_(std::move(inner)), plugin_(std::move(plugin)) {}
    const importer_info& info() const noexcept override { return inner_->info(); }
    input_match sniff(std::string_view file_name, std::string_view head) const noexcept override {
        return inner_->sniff(file_name, head);
    }
    std::unique_ptr<import_session> open(input_source input, const read_options& options) const override {
        try {
            auto session = inner_->open(std::move(input), options);
            if (!session) throw error(errc::plugin_failed, "plugin " + plugin_ + ": open() returned no session");
            return std::make_unique<guarded_import_session>(std::move(session), plugin_);
        } catch (...) {
            rethrow_as_error(plugin_);
        }
    }

private:
    std::shared_ptr<const importer> inner_;
    std::string plugin_;
};

template <class Registered>
std::string origin_of(const Registered& e) {
    if (e.source == plugin_source::module) return e.path.string();
    if (e.plugin == "offerkit") return "the offerkit core";
    return std::string(to_string(e.source)) + " plugin " + e.plugin;
}

}  // namespace

void registry::add(std::shared_ptr<const exporter> object, plugin_source source, std::string plugin,
                   std::string version, fs::path path) {
    if (!object) throw error(errc::usage_error, "registry::add: null exporter");
    const std::string& name = object->info().name;
    if (name.empty()) throw error(errc::usage_error, "registry::add: the exporter has an empty name");
    if (const auto* existing = impl_->find(name))
        throw error(errc::plugin_duplicate, (path.empty() ? std::string() : path.string() + ": ") + "exporter \"" +
                                                name + "\" is already registered (from " + origin_of(*existing) + ")");
    if (plugin.empty()) plugin = name;
    auto guarded = std::make_shared<guarded_exporter>(std::move(object), plugin);
    impl_->insert({std::move(guarded), source, std::move(plugin), std::move(version), std::move(path)});
}

void registry::add(std::shared_ptr<const importer> object, plugin_source source, std::string plugin,
                   std::string version, fs::path path) {
    if (!object) throw error(errc::usage_error, "registry::add: null importer");
    const std::string& name = object->info().name;
    if (name.empty()) throw error(errc::usage_error, "registry::add: the importer has an empty name");
    if (const auto* existing = impl_->find_importer(name))
        throw error(errc::plugin_duplicate, (path.empty() ? std::string() : path.string() + ": ") + "importer \"" +
                                                name + "\" is already registered (from " + origin_of(*existing) + ")");
    if (plugin.empty()) plugin = name;
    auto guarded = std::make_shared<guarded_importer>(std::move(object), plugin);
    impl_->importers.push_back({std::move(guarded), source, std::move(plugin), std::move(version), std::move(path)});
}

void registry::load_module(const fs::path& path) {
    const std::string where = path.string() + ": ";
    // RTLD_LOCAL: plugins do not see each other's symbols. The handle is never
    // closed once a module is registered: code of the module (vtables of its
    // sessions) may be used until the process ends.
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* why = ::dlerror();
        throw error(errc::plugin_open_failed, where + "cannot open plugin: " + (why ? why : "unknown reason"));
    }
    auto fail = [&](errc code, const std::string& message) -> void {
        ::dlclose(handle);
        throw error(code, where + message);
    };
    ::dlerror();
    void* symbol = ::dlsym(handle, OFFERKIT_PLUGIN_ENTRY_SYMBOL);
    if (!symbol)
        fail(errc::plugin_entry_missing,
             "not an offerkit plugin: it has no entry point \"" OFFERKIT_PLUGIN_ENTRY_SYMBOL "\"");
    const auto entry = reinterpret_cast<offerkit_plugin_entry_fn>(symbol);
    const offerkit_plugin_descriptor* d = entry();
    if (!d) fail(errc::plugin_failed, "the entry point returned no descriptor");
    if (d->abi_version != OFFERKIT_PLUGIN_ABI_VERSION) {
        // From version 2 on, the second member names the offerkit it was built with.
        std::string built = "plugin ABI version " + std::to_string(d->abi_version);
        if (d->abi_version >= 2 && d->offerkit_version)
            built = "offerkit " + excerpt(d->offerkit_version, 20) + " (" + built + ")";
        fail(errc::plugin_abi_mismatch, "plugin built for " + built + ", this offerkit " + library_version() +
                                            " uses plugin ABI version " + std::to_string(OFFERKIT_PLUGIN_ABI_VERSION) +
                                            ": rebuild the plugin against this offerkit");
    }
    if (!d->name || !*d->name || (d->exporter_count && (!d->create_exporter || !d->destroy_exporter)) ||
        (d->importer_count && (!d->create_importer || !d->destroy_importer)))
        fail(errc::plugin_failed, "the plugin descriptor is incomplete (name, create or destroy missing)");
    if (d->exporter_count + d->importer_count == 0)
        fail(errc::plugin_failed, std::string("plugin \"") + d->name + "\" provides no exporter and no importer");

    std::vector<std::shared_ptr<const exporter>> made;
    auto destroy = d->destroy_exporter;
    for (std::size_t i = 0; i < d->exporter_count; ++i) {
        char message[512] = {0};
        exporter* e = d->create_exporter(i, message, sizeof message);
        if (!e) {
            made.clear();
            fail(errc::plugin_failed, std::string("plugin \"") + d->name + "\" could not create exporter " +
                                          std::to_string(i) + ": " + (message[0] ? message : "no reason given"));
        }
        made.emplace_back(e, [destroy](const exporter* p) { destroy(const_cast<exporter*>(p)); });
    }
    std::vector<std::shared_ptr<const importer>> made_importers;
    auto destroy_importer = d->destroy_importer;
    for (std::size_t i = 0; i < d->importer_count; ++i) {
        char message[512] = {0};
        importer* m = d->create_importer(i, message, sizeof message);
        if (!m) {
            made.clear();
            made_importers.clear();
            fail(errc::plugin_failed, std::string("plugin \"") + d->name + "\" could not create importer " +
                                          std::to_string(i) + ": " + (message[0] ? message : "no reason given"));
        }
        made_importers.emplace_back(
            m, [destroy_importer](const importer* p) { destroy_importer(const_cast<importer*>(p)); });
    }
    auto duplicate = [&](const char* what, const std::string& name, const std::string& from) {
        made.clear();
        made_importers.clear();
        fail(errc::plugin_duplicate, std::string(what) + " \"" + name + "\" is already registered (from " + from + ")");
    };
    std::set<std::string> names;
    for (const auto& e : made) {
        const std::string name = e->info().name;  // a copy: the exporter is destroyed before the throw
        if (const auto* existing = impl_->find(name); existing || !names.insert(name).second)
            duplicate("exporter", name, existing ? origin_of(*existing) : std::string("this same plugin"));
    }
    names.clear();
    for (const auto& m : made_importers) {
        const std::string name = m->info().name;
        if (const auto* existing = impl_->find_importer(name); existing || !names.insert(name).second)
            duplicate("importer", name, existing ? origin_of(*existing) : std::string("this same plugin"));
    }
    const std::string version = d->version ? d->version : "";
    for (auto& e : made) {
        auto guarded = std::make_shared<guarded_exporter>(std::move(e), d->name);
        impl_->insert({std::move(guarded), plugin_source::module, d->name, version, path});
    }
    for (auto& m : made_importers) {
        auto guarded = std::make_shared<guarded_importer>(std::move(m), d->name);
        impl_->importers.push_back({std::move(guarded), plugin_source::module, d->name, version, path});
    }
}

namespace {

// Why a module found in a search directory must not be loaded: anyone else
// could have put code there. Empty when the file and its directory are
// writable only by their owner, and that owner is root or the current user.
std::string untrusted_reason(const fs::path& file) {
    const uid_t me = ::geteuid();
    for (const fs::path& p : {file.parent_path(), file}) {
        struct stat st {};
        if (::stat(p.c_str(), &st) != 0) continue;  // dlopen will say what is wrong
        const char* what = S_ISDIR(st.st_mode) ? "the plugin directory " : "the plugin file ";
        char mode[8];
        std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
        if (st.st_mode & S_IWOTH)
            return std::string("not loaded: ") + what + p.string() + " is writable by every user (mode " + mode +
                   "); make it writable by its owner only (chmod o-w)";
        if (st.st_uid != 0 && st.st_uid != me)
            return std::string("not loaded: ") + what + p.string() + " belongs to user " + std::to_string(st.st_uid) +
                   ", neither root nor the user running offerkit (" + std::to_string(me) + ")";
    }
    return {};
}

}  // namespace

std::vector<plugin_load_failure> registry::load_search_path(const std::vector<fs::path>& dirs) {
    std::vector<plugin_load_failure> failures;
    // Plugin names already registered (built-in, or from earlier directories) shadow modules.
    std::set<std::string> provided;
    for (const auto& e : impl_->entries) provided.insert(e.plugin);
    for (const auto& i : impl_->importers) provided.insert(i.plugin);
    for (const auto& dir : dirs) {
        if (!dir.is_absolute()) continue;  // never the current directory
        std::error_code ec;
        if (!fs::is_directory(dir, ec)) continue;
        std::vector<fs::path> files;
        for (const auto& entry : fs::directory_iterator(dir, ec)) {
            const std::string file = entry.path().filename().string();
            if (file.rfind("offerkit-", 0) == 0 && entry.path().extension() == ".so") files.push_back(entry.path());
        }
        std::sort(files.begin(), files.end());
        std::set<std::string> from_this_dir;
        for (const auto& file : files) {
            // offerkit-<name>.so provides plugin <name>; an earlier directory shadows it.
            const std::string plugin = file.stem().string().substr(9);
            if (provided.count(plugin)) continue;
            if (auto why = untrusted_reason(file); !why.empty()) {
                failures.push_back({file, errc::plugin_untrusted, file.string() + ": " + why});
                continue;
            }
            try {
                load_module(file);
                from_this_dir.insert(plugin);
            } catch (const error& e) {
                failures.push_back({file, e.code(), e.what()});
            }
        }
        provided.insert(from_this_dir.begin(), from_this_dir.end());
    }
    return failures;
}

namespace {

void marker() {}

}  // namespace

std::vector<fs::path> registry::default_search_path() {
    std::vector<fs::path> dirs;
    auto push = [&dirs](const fs::path& p) {
        if (!p.is_absolute()) return;
        const fs::path n = p.lexically_normal();
        if (std::find(dirs.begin(), dirs.end(), n) == dirs.end()) dirs.push_back(n);
    };
    if (const char* env = std::getenv("OFFERKIT_PLUGIN_PATH")) {
        std::string_view rest = env;
        while (!rest.empty()) {
            const auto colon = rest.find(':');
            push(fs::path(std::string(rest.substr(0, colon))));
            rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
        }
    }
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        push(exe.parent_path() / OFFERKIT_BIN_TO_PLUGINDIR);
        push(exe.parent_path() / "../lib/offerkit/plugins");
    }
    Dl_info info{};
    if (::dladdr(reinterpret_cast<void*>(&marker), &info) && info.dli_fname) {
        std::error_code ec2;
        const fs::path lib = fs::canonical(info.dli_fname, ec2);
        if (!ec2) push(lib.parent_path() / "offerkit/plugins");
    }
    push(OFFERKIT_INSTALL_PLUGINDIR);
    return dirs;
}

const exporter* registry::find(std::string_view name) const noexcept {
    const auto* e = impl_->find(name);
    return e ? e->object.get() : nullptr;
}

const exporter& registry::get(std::string_view name) const {
    if (const auto* e = find(name)) return *e;
    std::string known;
    for (const auto& e : impl_->entries) known += (known.empty() ? "" : ", ") + e.object->info().name;
    throw error(errc::unknown_format,
                "unknown output format \"" + std::string(name) + "\" (" +
                    (known.empty() ? std::string("no exporter is registered; is OFFERKIT_PLUGIN_PATH right?")
                                   : "known: " + known) +
                    ")");
}

std::vector<registered_exporter> registry::list() const { return impl_->entries; }
bool registry::empty() const noexcept { return impl_->entries.empty(); }

const importer* registry::find_importer(std::string_view name) const noexcept {
    const auto* i = impl_->find_importer(name);
    return i ? i->object.get() : nullptr;
}

namespace {

std::string importer_names(const std::vector<registered_importer>& importers) {
    std::vector<std::string> names;
    names.reserve(importers.size());
    for (const auto& i : importers) names.push_back(i.object->info().name);
    std::sort(names.begin(), names.end());
    std::string known;
    for (const auto& n : names) known += (known.empty() ? "" : ", ") + n;
    return known;
}

}  // namespace

const importer& registry::get_importer(std::string_view name) const {
    if (const auto* i = find_importer(name)) return *i;
    throw error(errc::unknown_format, "unknown input format \"" + std::string(name) + "\" (known: auto, " +
                                          importer_names(impl_->importers) + ")");
}

std::vector<registered_importer> registry::list_importers() const {
    auto list = impl_->importers;
    std::stable_sort(list.begin(), list.end(), [](const registered_importer& a, const registered_importer& b) {
        return a.object->info().name < b.object->info().name;
    });
    return list;
}

const importer& registry::detect(std::string_view file_name, std::string_view head) const {
    const registered_importer* best = nullptr;
    input_match best_match = input_match::none;
    for (const auto& i : impl_->importers) {
        const input_match m = i.object->sniff(file_name, head);
        if (m == input_match::none) continue;
        // Stronger wins; among equals, a module's or the application's before a built-in one.
        const bool better =
            !best || m > best_match ||
            (m == best_match && best->source == plugin_source::builtin && i.source != plugin_source::builtin);
        if (better) {
            best = &i;
            best_match = m;
        }
    }
    if (!best)
        throw error(errc::unknown_format, std::string(file_name) + ": no reader recognises this input (readers: " +
                                              importer_names(impl_->importers) + "; --from names one)");
    return *best->object;
}

}  // namespace offerkit
