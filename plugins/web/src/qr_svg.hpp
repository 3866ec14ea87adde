// A QR code as inline SVG.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace offerkit::web_plugin {

/// The QR code of `text` as an `<svg>` element (dark modules on white, a
/// four-module quiet zone), labelled for screen readers by `label`; nothing
/// when `text` is too long for a QR code.
std::optional<std::string> qr_svg(std::string_view text, std::string_view label);

}  // namespace offerkit::web_plugin
