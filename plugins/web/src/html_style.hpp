// The site's style sheet (screen and print), written as style.css.
#pragma once

#include <string_view>

namespace offerkit::web_plugin {

/// style.css: system fonts only (the site works offline), colours of at least
/// 4.5:1 contrast, visible keyboard focus, and a print style without the
/// navigation.
std::string_view site_style_sheet() noexcept;

}  // namespace offerkit::web_plugin
