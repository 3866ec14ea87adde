// offerkit/plugin.hpp — writing an exporter plugin.
//
// A plugin module is a shared library `offerkit-<name>.so` that exports one C
// symbol, `offerkit_plugin_entry`, returning a descriptor. The descriptor's
// first member is the plugin ABI version, checked before anything else is
// read. The C++ exporter objects it creates are used through the virtual
// interface of offerkit/exporter.hpp, so a plugin must be built against the
// headers of the same ABI version, with the same compiler family and standard
// library. No exception crosses the C entry points.
//
//     // my_exporter.cpp
//     #include <offerkit/plugin.hpp>
//     class csv_exporter : public offerkit::exporter { ... };
//     OFFERKIT_PLUGIN("csv", "1.0.0", "CSV export", csv_exporter)
//
// The same exporter classes can be linked statically and registered with
// `offerkit::plugin_support::exporter_list<...>::register_all(registry, ...)`.
#pragma once

#include <offerkit/exporter.hpp>
#include <offerkit/registry.hpp>
#include <offerkit/version.hpp>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <exception>
#include <memory>

/// Bumped whenever exporter.hpp, job_offer.hpp or the descriptor change layout
/// (docs/plugins.md, "What breaks a plugin"). 2: export_session::write_file,
/// the descriptor's offerkit_version.
#define OFFERKIT_PLUGIN_ABI_VERSION 2u

extern "C" {

/// What `offerkit_plugin_entry` returns. Version 2 layout.
struct offerkit_plugin_descriptor {
    std::uint32_t abi_version;  ///< OFFERKIT_PLUGIN_ABI_VERSION; always the first member
    /// OFFERKIT_VERSION_STRING of the headers the plugin was built with; always
    /// the second member from version 2 on (named in load errors).
    const char* offerkit_version;
    const char* name;           ///< plugin name, "json"
    const char* version;        ///< plugin version, "1.0.0"
    const char* description;
    std::size_t exporter_count;
    /// Creates exporter `index` (< exporter_count). On failure returns null and
    /// writes a NUL-terminated reason into `message`. Never throws.
    offerkit::exporter* (*create_exporter)(std::size_t index, char* message, std::size_t message_size);
    /// Destroys an exporter made by create_exporter. Never throws.
    void (*destroy_exporter)(offerkit::exporter* object);
};

/// The signature of the entry point.
typedef const offerkit_plugin_descriptor* (*offerkit_plugin_entry_fn)(void);
}

/// The name of the entry point symbol.
#define OFFERKIT_PLUGIN_ENTRY_SYMBOL "offerkit_plugin_entry"

namespace offerkit::plugin_support {

/// Creation, destruction and static registration for a list of exporter classes
/// (each default-constructible).
template <class... Exporters>
struct exporter_list {
    static constexpr std::size_t count = sizeof...(Exporters);

    static exporter* create(std::size_t index, char* message, std::size_t message_size) noexcept {
        try {
            exporter* made = nullptr;
            std::size_t i = 0;
            ((i++ == index ? (made = new Exporters(), 0) : 0), ...);
            if (!made) copy(message, message_size, "exporter index out of range");
            return made;
        } catch (const std::exception& e) {
            copy(message, message_size, e.what());
        } catch (...) {
            copy(message, message_size, "unknown exception");
        }
        return nullptr;
    }
    static void destroy(exporter* object) noexcept { delete object; }

    /// Registers one instance of each exporter as a built-in plugin.
    static void register_all(registry& reg, const char* plugin, const char* version) {
        (reg.add(std::make_shared<Exporters>(), plugin_source::builtin, plugin, version), ...);
    }

private:
    static void copy(char* out, std::size_t size, const char* text) noexcept {
        if (!out || size == 0) return;
        std::strncpy(out, text, size - 1);
        out[size - 1] = '\0';
    }
};

}  // namespace offerkit::plugin_support

/// Defines the module entry point for a plugin made of the given exporter classes.
#define OFFERKIT_PLUGIN(NAME, VERSION, DESCRIPTION, ...)                                          \
    extern "C" __attribute__((visibility("default"))) const offerkit_plugin_descriptor*          \
    offerkit_plugin_entry(void) {                                                                 \
        using offerkit_list_ = ::offerkit::plugin_support::exporter_list<__VA_ARGS__>;            \
        static const offerkit_plugin_descriptor descriptor{                                       \
            OFFERKIT_PLUGIN_ABI_VERSION, OFFERKIT_VERSION_STRING, NAME, VERSION, DESCRIPTION,      \
            offerkit_list_::count,                                                                \
            &offerkit_list_::create, &offerkit_list_::destroy};                                   \
        return &descriptor;                                                                       \
    }
