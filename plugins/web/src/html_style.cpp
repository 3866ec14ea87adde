#include "html_style.hpp"

namespace offerkit::web_plugin {

// Colours and their contrast on their background (WCAG 2.1: 4.5:1 for text):
// text #1b1f24 on #ffffff 16:1; links #0b4a8b 8.6:1; the header's white on
// the brand's primary colour, darkened to 4.5:1 at least (site_brands.cpp;
// #0b3a66 11:1 without a brand); "open" #14532d on #e7f4ea 8.9:1; "closed" #7a1c1c on #f8e9e9 8.4:1;
// secondary text #4a5360 on #ffffff 7.6:1.
std::string_view site_style_sheet() noexcept {
    return R"css(:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif; font-size: 1rem;
  line-height: 1.5; color: #1b1f24; background: #ffffff; }
a { color: #0b4a8b; text-decoration: underline; }
a:hover { text-decoration-thickness: 2px; }
a:focus-visible, summary:focus-visible { outline: 3px solid #b35c00; outline-offset: 2px; }
.skip { position: absolute; left: -10000px; top: 0; background: #ffffff; padding: 0.5rem 1rem; }
.skip:focus { left: 0.5rem; top: 0.5rem; z-index: 10; }
header.site { background: var(--brand, #0b3a66); color: #ffffff; padding: 0.75rem 1rem; display: flex;
  align-items: center; gap: 1rem; }
header.site img.logo { height: 2.5rem; width: auto; background: #ffffff; padding: 0.2rem; border-radius: 0.2rem; }
header.site a { color: #ffffff; }
header.site p { margin: 0; font-size: 1.25rem; font-weight: bold; }
nav.facets { padding: 0.5rem 1rem; border-bottom: 1px solid #c9d1db; }
nav.facets ul { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
nav.facets a[aria-current="page"] { font-weight: bold; text-decoration: none; }
main { max-width: 60rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.35rem; margin: 1.75rem 0 0.5rem; border-bottom: 2px solid var(--brand, #0b3a66); }
h3 { font-size: 1.1rem; margin: 1.25rem 0 0.25rem; }
.lead { color: #4a5360; }
ul.offers { list-style: none; padding: 0; margin: 0; }
ul.offers li { padding: 0.6rem 0; border-bottom: 1px solid #e1e6ec; }
ul.offers a { font-weight: bold; }
ul.offers .meta { display: block; color: #4a5360; font-size: 0.95rem; }
.status { display: inline-block; padding: 0.15rem 0.6rem; border-radius: 0.25rem; font-weight: bold; }
.status.open { background: #e7f4ea; color: #14532d; }
.status.closed { background: #f8e9e9; color: #7a1c1c; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 1rem 0; }
dl.facts dt { font-weight: bold; }
dl.facts dd { margin: 0; }
.apply { background: #f3f6f9; border-left: 4px solid var(--brand-accent, #0b3a66); padding: 0.5rem 1rem; margin-top: 1.5rem; }
figure.qr-code { margin: 1.5rem 0; }
figure.qr-code svg { width: 9rem; height: 9rem; }
figure.qr-code figcaption { font-size: 0.9rem; color: #4a5360; word-break: break-all; }
footer.site { max-width: 60rem; margin: 2rem auto 0; padding: 1rem; border-top: 1px solid #c9d1db; color: #4a5360;
  font-size: 0.9rem; }
@media (max-width: 40rem) { dl.facts { grid-template-columns: 1fr; } dl.facts dd { margin-bottom: 0.5rem; } }
@media print {
  header.site, nav.facets, .skip, footer.site { display: none; }
  body { font-size: 11pt; color: #000000; }
  main { max-width: none; padding: 0; }
  a { color: #000000; text-decoration: none; }
  h2 { break-after: avoid; border-bottom-color: #000000; }
  li, dl.facts div { break-inside: avoid; }
  .status { border: 1px solid #000000; background: none; color: #000000; }
  .apply { background: none; }
}
)css";
}

}  // namespace offerkit::web_plugin
