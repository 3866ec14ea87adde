// offerkit/registry.hpp — the formats a program can read and write.
//
// A registry holds exporters (`--to`) and importers (`--from`), each found by
// name. They come from four sources:
//  - the core's own importers (text, json, jsonl, jobposting), present in
//    every registry from its construction;
//  - plugin modules (`offerkit-<name>.so`) loaded with `load_module` or
//    `load_search_path`, which may bring exporters, importers or both;
//  - built-in plugins linked statically and registered with one call
//    (`offerkit::plugins::register_json(reg)`, see plugin headers);
//  - objects the embedding application registers itself with `add`.
//
// Thread safety: the const member functions may be called from many threads
// at once; `add` and the loaders must not run concurrently with anything else.
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/error.hpp>
#include <offerkit/exporter.hpp>
#include <offerkit/importer.hpp>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit {

enum class plugin_source { module, builtin, application };

/// "module", "built-in", "application".
constexpr std::string_view to_string(plugin_source s) noexcept {
    switch (s) {
        case plugin_source::module: return "module";
        case plugin_source::builtin: return "built-in";
        case plugin_source::application: return "application";
    }
    return "?";
}

/// One registered exporter and where it came from.
struct registered_exporter {
    /// The exporter, wrapped so that whatever it throws arrives as
    /// offerkit::error (errc::plugin_failed for anything else). A plugin
    /// module, once registered, stays loaded until the process ends.
    std::shared_ptr<const exporter> object;
    plugin_source source = plugin_source::application;
    std::string plugin;          ///< plugin name ("json"); the exporter name for application objects
    std::string version;         ///< plugin version ("" when unknown)
    std::filesystem::path path;  ///< module file, empty unless source == module
};

/// One registered importer and where it came from (as registered_exporter).
struct registered_importer {
    /// The importer, wrapped like exporters: what it throws arrives as offerkit::error.
    std::shared_ptr<const importer> object;
    plugin_source source = plugin_source::application;
    std::string plugin;  ///< plugin name; "offerkit" for the core's own importers
    std::string version;
    std::filesystem::path path;
};

/// A plugin module that could not be loaded during a search.
struct plugin_load_failure {
    std::filesystem::path path;
    errc code = errc::plugin_open_failed;
    std::string message;
};

class OFFERKIT_API registry {
public:
    registry();
    ~registry();
    registry(registry&&) noexcept;
    registry& operator=(registry&&) noexcept;

    /// Registers an exporter. Throws errc::plugin_duplicate when its name is taken.
    void add(std::shared_ptr<const exporter> object, plugin_source source = plugin_source::application,
             std::string plugin = {}, std::string version = {}, std::filesystem::path path = {});
    /// Registers an importer. Throws errc::plugin_duplicate when its name is
    /// taken by another importer (an exporter may share it: "json").
    void add(std::shared_ptr<const importer> object, plugin_source source = plugin_source::application,
             std::string plugin = {}, std::string version = {}, std::filesystem::path path = {});

    /// Loads one plugin module and registers its exporters and importers. Distinct errors:
    /// errc::plugin_open_failed (dlopen failed; the loader's reason is given),
    /// errc::plugin_entry_missing, errc::plugin_abi_mismatch (both versions
    /// given), errc::plugin_duplicate, errc::plugin_failed. On error nothing of
    /// the module stays registered. `path` should be absolute; a relative path
    /// is made absolute against the current directory by the caller's choice.
    void load_module(const std::filesystem::path& path);

    /// Loads every `offerkit-*.so` in `dirs`, in order. A module for a plugin
    /// that is already registered (built in, or found in an earlier directory)
    /// is skipped: it is shadowed, as with PATH.
    /// Failures are returned, not thrown, so one broken module does not hide
    /// the others. Relative directories are ignored: the current directory is
    /// never searched. A module that anyone else could have placed is not
    /// loaded (errc::plugin_untrusted): the file or its directory writable by
    /// every user, or owned by a user other than root and the current one.
    std::vector<plugin_load_failure> load_search_path(const std::vector<std::filesystem::path>& dirs);

    /// The default search path: each absolute entry of OFFERKIT_PLUGIN_PATH
    /// (colon-separated), then `../lib/offerkit/plugins` beside the running
    /// executable and `offerkit/plugins` beside the offerkit library, then the
    /// install directory. Duplicates are removed.
    static std::vector<std::filesystem::path> default_search_path();

    /// The exporter for format `name`, or nullptr.
    const exporter* find(std::string_view name) const noexcept;
    /// The exporter for format `name`; throws errc::unknown_format listing the known ones.
    const exporter& get(std::string_view name) const;
    /// Every registered exporter, sorted by name.
    std::vector<registered_exporter> list() const;
    /// True when no exporter is registered (importers are always there).
    bool empty() const noexcept;

    /// The importer for format `name`, or nullptr.
    const importer* find_importer(std::string_view name) const noexcept;
    /// The importer for format `name`; throws errc::unknown_format listing the known ones.
    const importer& get_importer(std::string_view name) const;
    /// Every registered importer, sorted by name.
    std::vector<registered_importer> list_importers() const;
    /// The importer for an input named `file_name` that begins with `head`:
    /// the one whose sniff() answers the strongest input_match (a signature,
    /// then an extension, then the content's shape, then a fallback); among
    /// equals, one from a module or the application before a built-in one,
    /// then the first registered. Throws errc::unknown_format when none matches.
    const importer& detect(std::string_view file_name, std::string_view head) const;

private:
    struct impl;
    std::unique_ptr<impl> impl_;
};

}  // namespace offerkit
