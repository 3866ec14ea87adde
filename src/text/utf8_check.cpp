// text::find_invalid_utf8, and ASCII case.
#include <offerkit/text.hpp>

#include <bit>
#include <cstring>

namespace offerkit::text {

// Unicode 15, table 3-7 (the well-formed byte sequences), which is RFC 3629.
// ASCII goes eight bytes at a time, straight to the first non-ASCII byte of
// a block: most of a posting or a JSON file is ASCII.
std::size_t find_invalid_utf8(std::string_view s) noexcept {
    const auto* const begin = reinterpret_cast<const unsigned char*>(s.data());
    const auto* p = begin;
    const auto* const end = p + s.size();
    const auto cont = [](unsigned char c) noexcept { return (c & 0xC0) == 0x80; };
    while (p != end) {
        if (end - p >= 8) {
            std::uint64_t w;
            std::memcpy(&w, p, 8);
            const std::uint64_t high = w & 0x8080808080808080ull;
            if (!high) {
                p += 8;
                continue;
            }
            if constexpr (std::endian::native == std::endian::little)
                p += std::countr_zero(high) / 8;
            else
                p += std::countl_zero(high) / 8;
        } else if (*p < 0x80) {
            ++p;
            continue;
        }
        const unsigned char c = *p;
        const auto left = end - p;
        const auto at = static_cast<std::size_t>(p - begin);
        if (c < 0xC2) return at;
        if (c < 0xE0) {
            if (left < 2 || !cont(p[1])) return at;
            p += 2;
        } else if (c < 0xF0) {
            const unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
            if (left < 3 || p[1] < lo || p[1] > hi || !cont(p[2])) return at;
            p += 3;
        } else if (c < 0xF5) {
            const unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
            if (left < 4 || p[1] < lo || p[1] > hi || !cont(p[2]) || !cont(p[3])) return at;
            p += 4;
        } else {
            return at;
        }
    }
    return std::string_view::npos;
}

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = ascii_lower(c);
    return out;
}

}  // namespace offerkit::text
