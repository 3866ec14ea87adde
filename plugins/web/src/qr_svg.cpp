// QR codes with libqrencode, drawn as one SVG path (a run of dark modules a rectangle).
#include "qr_svg.hpp"

#include "markup.hpp"

#include <qrencode.h>

#include <memory>

namespace offerkit::web_plugin {

std::optional<std::string> qr_svg(std::string_view text, std::string_view label) {
    const std::string s(text);
    std::unique_ptr<QRcode, decltype(&QRcode_free)> q(QRcode_encodeString(s.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1),
                                                      &QRcode_free);
    if (!q) return std::nullopt;
    const int w = q->width, quiet = 4, size = w + 2 * quiet;
    std::string path;
    for (int y = 0; y < w; ++y)
        for (int x = 0; x < w;) {
            if (!(q->data[y * w + x] & 1)) {
                ++x;
                continue;
            }
            int run = 1;
            while (x + run < w && (q->data[y * w + x + run] & 1)) ++run;
            path += "M" + std::to_string(x + quiet) + " " + std::to_string(y + quiet) + "h" + std::to_string(run) +
                    "v1h-" + std::to_string(run) + "z";
            x += run;
        }
    const std::string n = std::to_string(size);
    return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" viewBox=\"0 0 " + n + " " + n +
           "\" role=\"img\" aria-label=\"" + escaped(label) + "\" shape-rendering=\"crispEdges\"><rect width=\"" + n +
           "\" height=\"" + n + "\" fill=\"#fff\"/><path fill=\"#000\" d=\"" + path + "\"/></svg>";
}

}  // namespace offerkit::web_plugin
