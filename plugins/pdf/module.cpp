// The module entry point of offerkit-pdf.so.
#include "src/pdf_exporter.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/version.hpp>

OFFERKIT_PLUGIN("pdf", OFFERKIT_VERSION_STRING, "branded A4 PDF offer sheets (libharu)",
                offerkit::pdf_plugin::pdf_exporter)
