#include <offerkit/version.hpp>

namespace offerkit {
const char* library_version() noexcept { return OFFERKIT_VERSION_STRING; }
}  // namespace offerkit
