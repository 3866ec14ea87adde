// offerkit/version.hpp — the library version.
#pragma once

#define OFFERKIT_VERSION_MAJOR 0
#define OFFERKIT_VERSION_MINOR 1
#define OFFERKIT_VERSION_PATCH 0
#define OFFERKIT_VERSION_STRING "0.1.0"

namespace offerkit {
/// The version of the compiled library (may differ from the headers' OFFERKIT_VERSION_STRING).
const char* library_version() noexcept;
}  // namespace offerkit
