// offerkit/export.hpp — which symbols libofferkit.so exports.
//
// The core is compiled with hidden visibility: only what the public headers
// declare with OFFERKIT_API is exported (as fmt and spdlog do), so that
// internal functions and the template code of Boost.JSON, yaml-cpp and the
// standard library instantiated inside the core stay internal. The static
// library carries the same attribute, which is harmless there.
#pragma once

#if defined(__GNUC__) || defined(__clang__)
#define OFFERKIT_API __attribute__((visibility("default")))
#else
#define OFFERKIT_API
#endif
