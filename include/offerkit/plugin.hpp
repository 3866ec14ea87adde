// offerkit/plugin.hpp — writing a plugin: exporters, importers, or both.
//
// A plugin module is a shared library `offerkit-<name>.so` that exports one C
// symbol, `offerkit_plugin_entry`, returning a descriptor. The descriptor's
// first member is the plugin ABI version, checked before anything else is
// read. The C++ objects it creates are used through the virtual interfaces
// of offerkit/exporter.hpp and offerkit/importer.hpp, so a plugin must be
// built against the headers of the same ABI version, with the same compiler
// family and standard library. No exception crosses the C entry points.
//
//     // my_formats.cpp
//     #include <offerkit/plugin.hpp>
//     class csv_exporter : public offerkit::exporter { ... };
//     class csv_importer : public offerkit::importer { ... };
//     OFFERKIT_PLUGIN("csv", "1.0.0", "CSV both ways", csv_exporter, csv_importer)
//
// The same classes can be linked statically and registered with
// `offerkit::plugin_support::format_list<...>::register_all(registry, ...)`.
#pragma once

#include <offerkit/exporter.hpp>
#include <offerkit/importer.hpp>
#include <offerkit/registry.hpp>
#include <offerkit/version.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>
#include <type_traits>

/// Bumped whenever exporter.hpp, importer.hpp, job_offer.hpp or the
/// descriptor change layout (docs/plugins.md, "What breaks a plugin").
/// 2: export_session::write_file, the descriptor's offerkit_version.
/// 3: importers (descriptor members, offerkit/importer.hpp), option_info::flag.
/// 4: job_offer's document_url, links, repairs, canonical; exporter_info::summary;
///    read_options::facts and names; document_line::link_texts.
#define OFFERKIT_PLUGIN_ABI_VERSION 4u

extern "C" {

/// What `offerkit_plugin_entry` returns. Version 3 layout.
struct offerkit_plugin_descriptor {
    std::uint32_t abi_version;  ///< OFFERKIT_PLUGIN_ABI_VERSION; always the first member
    /// OFFERKIT_VERSION_STRING of the headers the plugin was built with; always
    /// the second member from version 2 on (named in load errors).
    const char* offerkit_version;
    const char* name;     ///< plugin name, "json"
    const char* version;  ///< plugin version, "1.0.0"
    const char* description;
    std::size_t exporter_count;
    /// Creates exporter `index` (< exporter_count). On failure returns null and
    /// writes a NUL-terminated reason into `message`. Never throws.
    offerkit::exporter* (*create_exporter)(std::size_t index, char* message, std::size_t message_size);
    /// Destroys an exporter made by create_exporter. Never throws.
    void (*destroy_exporter)(offerkit::exporter* object);
    std::size_t importer_count;
    /// As create_exporter, for importer `index` (< importer_count).
    offerkit::importer* (*create_importer)(std::size_t index, char* message, std::size_t message_size);
    /// Destroys an importer made by create_importer. Never throws.
    void (*destroy_importer)(offerkit::importer* object);
};

/// The signature of the entry point.
typedef const offerkit_plugin_descriptor* (*offerkit_plugin_entry_fn)();
}

/// The name of the entry point symbol.
#define OFFERKIT_PLUGIN_ENTRY_SYMBOL "offerkit_plugin_entry"

namespace offerkit::plugin_support {

/// Creation, destruction and static registration for a list of format
/// classes, each default-constructible and derived from offerkit::exporter
/// or offerkit::importer.
template <class... Formats>
struct format_list {
    static_assert(((std::is_base_of_v<exporter, Formats> || std::is_base_of_v<importer, Formats>)&&...),
                  "every class of a plugin derives from offerkit::exporter or offerkit::importer");

    template <class Base>
    static constexpr std::size_t count = (std::size_t{std::is_base_of_v<Base, Formats>} + ... + 0);

    /// Makes the `index`-th class derived from Base (exporter or importer).
    template <class Base>
    static Base* create(std::size_t index, char* message, std::size_t message_size) noexcept {
        try {
            Base* made = nullptr;
            std::size_t i = 0;
            (make_if<Base, Formats>(index, i, made), ...);
            if (!made) copy(message, message_size, "index out of range");
            return made;
        } catch (const std::exception& e) {
            copy(message, message_size, e.what());
        } catch (...) {
            copy(message, message_size, "unknown exception");
        }
        return nullptr;
    }
    template <class Base>
    static void destroy(Base* object) noexcept {
        delete object;
    }

    /// Registers one instance of each class as a built-in plugin.
    static void register_all(registry& reg, const char* plugin, const char* version) {
        (reg.add(std::shared_ptr<const std::conditional_t<std::is_base_of_v<exporter, Formats>, exporter, importer>>(
                     std::make_shared<Formats>()),
                 plugin_source::builtin, plugin, version),
         ...);
    }

private:
    template <class Base, class T>
    static void make_if(std::size_t index, std::size_t& i, Base*& made) {
        if constexpr (std::is_base_of_v<Base, T>) {
            if (i++ == index) made = new T();
        }
    }
    static void copy(char* out, std::size_t size, const char* text) noexcept {
        if (!out || size == 0) return;
        std::strncpy(out, text, size - 1);
        out[size - 1] = '\0';
    }
};

}  // namespace offerkit::plugin_support

/// Defines the module entry point for a plugin made of the given exporter
/// and importer classes.
#define OFFERKIT_PLUGIN(NAME, VERSION, DESCRIPTION, ...)                                                              \
    extern "C" __attribute__((visibility("default"))) const offerkit_plugin_descriptor* offerkit_plugin_entry(void) { \
        using offerkit_list_ = ::offerkit::plugin_support::format_list<__VA_ARGS__>;                                  \
        static const offerkit_plugin_descriptor descriptor{OFFERKIT_PLUGIN_ABI_VERSION,                               \
                                                           OFFERKIT_VERSION_STRING,                                   \
                                                           NAME,                                                      \
                                                           VERSION,                                                   \
                                                           DESCRIPTION,                                               \
                                                           offerkit_list_::count<::offerkit::exporter>,               \
                                                           &offerkit_list_::create<::offerkit::exporter>,             \
                                                           &offerkit_list_::destroy<::offerkit::exporter>,            \
                                                           offerkit_list_::count<::offerkit::importer>,               \
                                                           &offerkit_list_::create<::offerkit::importer>,             \
                                                           &offerkit_list_::destroy<::offerkit::importer>};           \
        return &descriptor;                                                                                           \
    }
