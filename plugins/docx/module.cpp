// The module entry point of offerkit-docx.so.
#include "src/docx_importer.hpp"

#include <offerkit/plugin.hpp>
#include <offerkit/version.hpp>

OFFERKIT_PLUGIN("docx", OFFERKIT_VERSION_STRING, "postings read from Word documents (.docx)",
                offerkit::docx_plugin::docx_importer)
