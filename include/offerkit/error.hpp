// offerkit/error.hpp — the one exception type of offerkit, and its error codes.
#pragma once

#include <offerkit/export.hpp>

#include <stdexcept>
#include <string>

namespace offerkit {

/// What went wrong, for programs; the message of `offerkit::error` is for people.
enum class errc {
    ok = 0,
    io_error,              ///< a file could not be opened, read, written or renamed
    syntax_error,          ///< malformed JSON, YAML or text (message names file:line:column)
    type_error,            ///< a JSON value has the wrong type (message names the field path)
    invalid_value,         ///< a value of the right type that is not allowed (a date 2025-02-30)
    missing_field,         ///< a required field is absent
    invalid_utf8,          ///< input is not valid UTF-8 (message names the byte offset)
    unknown_format,        ///< no exporter or reader for the requested format
    invalid_option,        ///< an exporter option that is unknown or has a bad value
    limit_exceeded,        ///< an input exceeds a documented resource limit
    plugin_open_failed,    ///< a plugin module could not be opened (dlopen failed)
    plugin_entry_missing,  ///< a plugin module lacks the `offerkit_plugin_entry` symbol
    plugin_abi_mismatch,   ///< a plugin was built for another plugin ABI version
    plugin_duplicate,      ///< an exporter name is already registered
    plugin_failed,         ///< a plugin reported a failure while creating its exporters
    export_failed,         ///< an exporter could not produce its output
    usage_error,           ///< an API or command line used in a way it does not allow
    plugin_untrusted,      ///< a plugin module (or its directory) is writable by others or owned by another user
};

/// A short, stable English description of `code` ("syntax error").
constexpr const char* errc_string(errc code) noexcept {
    switch (code) {
        case errc::ok: return "no error";
        case errc::io_error: return "input/output error";
        case errc::syntax_error: return "syntax error";
        case errc::type_error: return "type error";
        case errc::invalid_value: return "invalid value";
        case errc::missing_field: return "missing field";
        case errc::invalid_utf8: return "invalid UTF-8";
        case errc::unknown_format: return "unknown format";
        case errc::invalid_option: return "invalid option";
        case errc::limit_exceeded: return "limit exceeded";
        case errc::plugin_open_failed: return "plugin cannot be opened";
        case errc::plugin_entry_missing: return "plugin entry point missing";
        case errc::plugin_abi_mismatch: return "plugin ABI version mismatch";
        case errc::plugin_duplicate: return "duplicate plugin name";
        case errc::plugin_failed: return "plugin failed";
        case errc::export_failed: return "export failed";
        case errc::usage_error: return "usage error";
        case errc::plugin_untrusted: return "plugin not trusted";
    }
    return "unknown error";
}

/// The exception every offerkit function throws. `what()` is a complete
/// sentence a person can act on, usually starting with `file:line:` or a
/// field path; `code()` tells programs which kind of failure it was.
class OFFERKIT_API error : public std::runtime_error {
public:
    error(errc code, const std::string& message) : std::runtime_error(message), code_(code) {}
    errc code() const noexcept { return code_; }

private:
    errc code_;
};

}  // namespace offerkit
