// text/ligatures.cpp — Latin ligatures spelt out (offerkit/text.hpp).
#include <offerkit/text.hpp>

namespace offerkit::text {

std::string_view ligature_at(std::string_view s, std::size_t i) noexcept {
    // U+FB00–U+FB06 are EF AC 80 – EF AC 86
    if (i + 2 >= s.size() || s[i] != '\xEF' || s[i + 1] != '\xAC') return {};
    static constexpr std::string_view spelt[] = {"ff", "fi", "fl", "ffi", "ffl", "st", "st"};
    const auto c = static_cast<unsigned char>(s[i + 2]);
    return c >= 0x80 && c <= 0x86 ? spelt[c - 0x80] : std::string_view{};
}

std::string expand_ligatures(std::string_view s) {
    if (s.find("\xEF\xAC") == std::string_view::npos) return std::string(s);
    std::string out;
    out.reserve(s.size() + 4);
    for (std::size_t i = 0; i < s.size(); ++i) {
        const std::string_view l = ligature_at(s, i);
        if (!l.empty()) {
            out += l;
            i += 2;
            continue;
        }
        out += s[i];
    }
    return out;
}

}  // namespace offerkit::text
