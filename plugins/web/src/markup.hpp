// Text into HTML and XML: escaped, and fitted to XML 1.0's repertoire.
#pragma once

#include <string>
#include <string_view>

namespace offerkit::web_plugin {

/// Appends `text` escaped for an HTML or XML text node or attribute value
/// (`&`, `<`, `>`, `"`, `'`); characters XML cannot carry are left out
/// (offers are fitted before: this is the last guard).
void append_escaped(std::string& out, std::string_view text);
/// `text` escaped, as append_escaped.
std::string escaped(std::string_view text);

}  // namespace offerkit::web_plugin
