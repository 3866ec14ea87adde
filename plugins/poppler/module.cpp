// The module entry point of offerkit-poppler.so (GPL-2.0-or-later: it links poppler).
#include "src/pdf_importer.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/version.hpp>

OFFERKIT_PLUGIN("poppler", OFFERKIT_VERSION_STRING, "postings read from PDF files (poppler; GPL-2.0-or-later)",
                offerkit::poppler_plugin::pdf_importer)
