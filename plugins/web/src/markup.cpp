// Escaping for HTML and XML.
#include "markup.hpp"

#include <offerkit/text_safety.hpp>

namespace offerkit::web_plugin {

void append_escaped(std::string& out, std::string_view text) {
    const bool fit = fits(text, text_repertoire::xml);
    const std::string fitted = fit ? std::string() : fit_text(text, text_repertoire::xml, "web");
    const std::string_view t = fit ? text : std::string_view(fitted);
    for (char c : t) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
}

std::string escaped(std::string_view text) {
    std::string s;
    s.reserve(text.size() + 8);
    append_escaped(s, text);
    return s;
}

}  // namespace offerkit::web_plugin
