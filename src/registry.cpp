// The exporter registry and the plugin module loader.
#include <offerkit/plugin.hpp>
#include <offerkit/registry.hpp>
#include <offerkit/version.hpp>

#include <algorithm>
#include <cstdlib>
#include <dlfcn.h>
#include <set>
#include <unistd.h>

namespace offerkit {

namespace fs = std::filesystem;

struct registry::impl {
    std::vector<registered_exporter> entries;  // sorted by exporter name

    // Where an exporter named `name` is, or would be inserted.
    std::vector<registered_exporter>::const_iterator position(std::string_view name) const noexcept {
        return std::lower_bound(entries.begin(), entries.end(), name,
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

registry::registry() : impl_(std::make_unique<impl>()) {}
registry::~registry() = default;
registry::registry(registry&&) noexcept = default;
registry& registry::operator=(registry&&) noexcept = default;

namespace {

std::string origin_of(const registered_exporter& e) {
    if (e.source == plugin_source::module) return e.path.string();
    return std::string(to_string(e.source)) + " plugin " + e.plugin;
}

}  // namespace

void registry::add(std::shared_ptr<const exporter> object, plugin_source source, std::string plugin,
                   std::string version, fs::path path) {
    if (!object) throw error(errc::usage_error, "registry::add: null exporter");
    const std::string& name = object->info().name;
    if (name.empty()) throw error(errc::usage_error, "registry::add: the exporter has an empty name");
    if (const auto* existing = impl_->find(name))
        throw error(errc::plugin_duplicate, (path.empty() ? std::string() : path.string() + ": ") + "exporter \"" + name +
                                                "\" is already registered (from " + origin_of(*existing) + ")");
    if (plugin.empty()) plugin = name;
    impl_->insert({std::move(object), source, std::move(plugin), std::move(version), std::move(path)});
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
        fail(errc::plugin_entry_missing, "not an offerkit plugin: it has no entry point \"" OFFERKIT_PLUGIN_ENTRY_SYMBOL "\"");
    const auto entry = reinterpret_cast<offerkit_plugin_entry_fn>(symbol);
    const offerkit_plugin_descriptor* d = entry();
    if (!d) fail(errc::plugin_failed, "the entry point returned no descriptor");
    if (d->abi_version != OFFERKIT_PLUGIN_ABI_VERSION)
        fail(errc::plugin_abi_mismatch, "plugin built for plugin ABI version " + std::to_string(d->abi_version) +
                                            ", this offerkit " OFFERKIT_VERSION_STRING " uses version " +
                                            std::to_string(OFFERKIT_PLUGIN_ABI_VERSION) +
                                            ": rebuild the plugin against this offerkit");
    if (!d->name || !*d->name || !d->create_exporter || !d->destroy_exporter)
        fail(errc::plugin_failed, "the plugin descriptor is incomplete (name, create or destroy missing)");

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
    std::set<std::string> names;
    for (const auto& e : made) {
        const std::string name = e->info().name;  // a copy: the exporter is destroyed before the throw
        if (const auto* existing = impl_->find(name); existing || !names.insert(name).second) {
            const std::string from = existing ? origin_of(*existing) : std::string("this same plugin");
            made.clear();
            fail(errc::plugin_duplicate, "exporter \"" + name + "\" is already registered (from " + from + ")");
        }
    }
    for (auto& e : made) impl_->insert({std::move(e), plugin_source::module, d->name, d->version ? d->version : "", path});
}

std::vector<plugin_load_failure> registry::load_search_path(const std::vector<fs::path>& dirs) {
    std::vector<plugin_load_failure> failures;
    // Plugin names already registered (built-in, or from earlier directories) shadow modules.
    std::set<std::string> provided;
    for (const auto& e : impl_->entries) provided.insert(e.plugin);
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
    throw error(errc::unknown_format, "unknown output format \"" + std::string(name) + "\" (" +
                                          (known.empty() ? std::string("no exporter is registered; is OFFERKIT_PLUGIN_PATH right?")
                                                         : "known: " + known) +
                                          ")");
}

std::vector<registered_exporter> registry::list() const { return impl_->entries; }
bool registry::empty() const noexcept { return impl_->entries.empty(); }

}  // namespace offerkit
