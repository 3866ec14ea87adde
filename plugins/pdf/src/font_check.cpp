#include "font_check.hpp"
#include "file_key.hpp"

#include <offerkit/error.hpp>

#include <ft2build.h>
#include FT_FREETYPE_H

#include <cstdint>
#include <fstream>
#include <map>
#include <mutex>
#include <optional>
#include <system_error>
#include <vector>

namespace offerkit::pdf_plugin {

namespace {

// Big-endian reads with bounds: a read outside the data is a finding, never a crash.
struct reader {
    std::string_view d;
    bool u16(std::size_t at, std::uint16_t& v) const {
        if (at > d.size() || d.size() - at < 2) return false;
        v = static_cast<std::uint16_t>(static_cast<unsigned char>(d[at]) << 8 | static_cast<unsigned char>(d[at + 1]));
        return true;
    }
    bool u32(std::size_t at, std::uint32_t& v) const {
        std::uint16_t hi = 0, lo = 0;
        if (!u16(at, hi) || !u16(at + 2, lo)) return false;
        v = static_cast<std::uint32_t>(hi) << 16 | lo;
        return true;
    }
};

struct table {
    std::size_t offset = 0, length = 0;
};

struct font_view {
    reader r;
    std::map<std::string, table> tables;  // the first of each tag, as libharu's FindTable
    std::uint16_t num_glyphs = 0;
    bool long_loca = false;
    std::vector<std::uint32_t> loca;  // byte offsets into glyf, num_glyphs + 1
    table glyf;
};

std::string check_directory(font_view& f) {
    std::uint32_t version = 0;
    std::uint16_t n = 0;
    if (!f.r.u32(0, version) || !f.r.u16(4, n)) return "too short for a font";
    if (version == 0x4F54544F)
        return "an OpenType font with CFF outlines (only TrueType glyf outlines can be embedded)";
    if (version == 0x74746366) return "a font collection (.ttc); give one font (.ttf)";
    if (version != 0x00010000 && version != 0x74727565) return "not a TrueType font (unknown sfnt version)";
    if (n == 0 || n > 64) return "a table directory of " + std::to_string(n) + " tables";
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t at = 12 + 16 * i;
        std::uint32_t off = 0, len = 0;
        if (!f.r.u32(at + 8, off) || !f.r.u32(at + 12, len)) return "the table directory is cut short";
        const std::string tag(f.r.d.substr(at, 4));
        if (static_cast<std::uint64_t>(off) + len > f.r.d.size())
            return "table '" + tag + "' extends past the end of the file";
        f.tables.emplace(tag, table{off, len});
    }
    for (const char* tag : {"head", "hhea", "maxp", "cmap", "hmtx", "loca", "glyf", "name", "OS/2"})
        if (!f.tables.count(tag)) return std::string("table '") + tag + "' is missing";
    return {};
}

std::string check_metrics(font_view& f) {
    const table head = f.tables["head"], maxp = f.tables["maxp"], hhea = f.tables["hhea"], hmtx = f.tables["hmtx"];
    std::uint16_t upem = 0, loc_format = 0, nhm = 0;
    if (head.length < 54 || !f.r.u16(head.offset + 18, upem) || !f.r.u16(head.offset + 50, loc_format))
        return "table 'head' is too short";
    if (upem < 16 || upem > 16384) return "unitsPerEm " + std::to_string(upem) + " is outside 16…16384";
    if (loc_format > 1) return "indexToLocFormat " + std::to_string(loc_format) + " is neither 0 nor 1";
    f.long_loca = loc_format == 1;
    if (maxp.length < 6 || !f.r.u16(maxp.offset + 4, f.num_glyphs)) return "table 'maxp' is too short";
    if (f.num_glyphs == 0) return "the font has no glyph";
    if (hhea.length < 36 || !f.r.u16(hhea.offset + 34, nhm)) return "table 'hhea' is too short";
    if (nhm == 0 || nhm > f.num_glyphs)
        return "numberOfHMetrics " + std::to_string(nhm) + " is not within 1…" + std::to_string(f.num_glyphs);
    if (hmtx.length < 4u * nhm + 2u * (f.num_glyphs - nhm)) return "table 'hmtx' is shorter than its metrics";
    return {};
}

std::string check_glyphs(font_view& f) {
    const table loca = f.tables["loca"];
    f.glyf = f.tables["glyf"];
    const std::size_t n = f.num_glyphs;
    if (loca.length < (n + 1) * (f.long_loca ? 4 : 2)) return "table 'loca' is shorter than its glyph count";
    f.loca.resize(n + 1);
    for (std::size_t i = 0; i <= n; ++i) {
        if (f.long_loca) {
            if (!f.r.u32(loca.offset + 4 * i, f.loca[i])) return "table 'loca' is cut short";
        } else {
            std::uint16_t v = 0;
            if (!f.r.u16(loca.offset + 2 * i, v)) return "table 'loca' is cut short";
            f.loca[i] = 2u * v;
        }
        if (i > 0 && f.loca[i] < f.loca[i - 1]) return "table 'loca' goes backwards at glyph " + std::to_string(i);
    }
    if (f.loca[n] > f.glyf.length) return "table 'loca' points past the end of table 'glyf'";

    // Composite glyphs: every component in bounds and an existing glyph; the
    // graph without cycle and at most 16 deep (libharu recurses on it).
    std::vector<std::vector<std::uint16_t>> parts(n);
    for (std::size_t g = 0; g < n; ++g) {
        const std::size_t len = f.loca[g + 1] - f.loca[g];
        if (len == 0) continue;
        if (len < 10) return "glyph " + std::to_string(g) + " is shorter than its header";
        const std::size_t base = f.glyf.offset + f.loca[g];
        std::uint16_t contours = 0;
        f.r.u16(base, contours);
        if (contours != 0xFFFF) continue;  // simple glyph (libharu reads only the header)
        std::size_t at = 10;
        for (int k = 0;; ++k) {
            std::uint16_t flags = 0, index = 0;
            if (at + 4 > len || !f.r.u16(base + at, flags) || !f.r.u16(base + at + 2, index) || k > 255)
                return "composite glyph " + std::to_string(g) + " is cut short";
            if (index >= n)
                return "composite glyph " + std::to_string(g) + " names glyph " + std::to_string(index) +
                       ", beyond the " + std::to_string(n) + " glyphs";
            parts[g].push_back(index);
            at += 4 + ((flags & 1) ? 4 : 2);
            if (flags & 8)
                at += 2;
            else if (flags & 64)
                at += 4;
            else if (flags & 128)
                at += 8;
            if (at > len) return "composite glyph " + std::to_string(g) + " is cut short";
            if (!(flags & 32)) break;
        }
    }
    std::vector<std::uint8_t> depth(n, 0);  // 0 unknown, 255 in progress, else depth
    for (std::size_t g0 = 0; g0 < n; ++g0) {
        if (parts[g0].empty() || depth[g0]) continue;
        // Iterative depth-first search: (glyph, next component) pairs.
        std::vector<std::pair<std::size_t, std::size_t>> stack{{g0, 0}};
        depth[g0] = 255;
        while (!stack.empty()) {
            auto& [g, k] = stack.back();
            if (k < parts[g].size()) {
                const std::size_t c = parts[g][k++];
                if (depth[c] == 255) return "composite glyph " + std::to_string(c) + " contains itself";
                if (depth[c] == 0 && !parts[c].empty()) {
                    if (stack.size() >= 16) return "composite glyphs nested deeper than 16";
                    depth[c] = 255;
                    stack.push_back({c, 0});
                }
                continue;
            }
            std::uint8_t d = 1;
            for (auto c : parts[g]) d = std::max<std::uint8_t>(d, static_cast<std::uint8_t>(depth[c] + 1));
            depth[g] = d;
            stack.pop_back();
        }
    }
    return {};
}

struct cmap4 {
    std::size_t segs = 0, array_count = 0;
    std::vector<std::uint16_t> end, start, delta, range;
    std::vector<std::uint16_t> glyphs;
};

std::string read_cmap4(const font_view& f, std::size_t at, std::size_t room, cmap4& c) {
    std::uint16_t format = 0, length = 0, seg_x2 = 0;
    if (room < 14 || !f.r.u16(at, format) || !f.r.u16(at + 2, length) || !f.r.u16(at + 6, seg_x2))
        return "a cmap subtable is cut short";
    if (seg_x2 == 0 || seg_x2 % 2) return "a cmap subtable has " + std::to_string(seg_x2) + "/2 segments";
    c.segs = seg_x2 / 2u;
    const std::size_t read = 16 + 4 * static_cast<std::size_t>(seg_x2);
    if (length < read || length > room) return "a cmap subtable's length does not fit its segments or its table";
    c.array_count = (length - read) / 2;
    auto arr = [&](std::size_t from, std::vector<std::uint16_t>& v, std::size_t count) {
        v.resize(count);
        for (std::size_t i = 0; i < count; ++i) f.r.u16(at + from + 2 * i, v[i]);
    };
    arr(14, c.end, c.segs);
    arr(16 + seg_x2, c.start, c.segs);
    arr(16 + 2u * seg_x2, c.delta, c.segs);
    arr(16 + 3u * seg_x2, c.range, c.segs);
    arr(read, c.glyphs, c.array_count);
    // libharu 2.3.0 scans the segments for the first whose end is ≥ the code
    // point, without stopping at the last one: the last must end at U+FFFF.
    if (c.end.back() != 0xFFFF) return "the cmap's last segment does not end at U+FFFF";
    for (std::size_t i = 0; i < c.segs; ++i) {
        if (c.range[i] == 0 || c.end[i] < c.start[i]) continue;
        // libharu's index for the segment's last code point (it allows idx == count: one too many).
        const long long idx = c.range[i] / 2 + (c.end[i] - c.start[i]) - static_cast<long long>(c.segs - i);
        if (idx >= static_cast<long long>(c.array_count))
            return "the cmap's segment " + std::to_string(i) + " reads past its glyph index array";
    }
    return {};
}

// libharu's glyph look-up (HPDF_TTFontDef_GetGlyphid, 2.3.0).
std::uint16_t glyph_of(const cmap4& c, std::uint16_t u) {
    std::size_t i = 0;
    while (i < c.segs && u > c.end[i]) ++i;
    if (i >= c.segs || c.start[i] > u) return 0;
    if (c.range[i] == 0) return static_cast<std::uint16_t>(u + c.delta[i]);
    const long long idx = c.range[i] / 2 + (u - c.start[i]) - static_cast<long long>(c.segs - i);
    if (idx < 0 || idx >= static_cast<long long>(c.array_count)) return 0;
    return static_cast<std::uint16_t>(c.glyphs[static_cast<std::size_t>(idx)] + c.delta[i]);
}

std::string check_cmap(const font_view& f) {
    const table t = f.tables.at("cmap");
    std::uint16_t version = 0, n = 0;
    if (t.length < 4 || !f.r.u16(t.offset, version) || !f.r.u16(t.offset + 2, n)) return "table 'cmap' is too short";
    if (version != 0) return "table 'cmap' has version " + std::to_string(version);
    if (4 + 8u * n > t.length) return "table 'cmap' is shorter than its encoding records";
    bool unicode = false;
    for (std::size_t i = 0; i < n; ++i) {
        std::uint16_t platform = 0, encoding = 0, format = 0;
        std::uint32_t off = 0;
        f.r.u16(t.offset + 4 + 8 * i, platform);
        f.r.u16(t.offset + 6 + 8 * i, encoding);
        f.r.u32(t.offset + 8 + 8 * i, off);
        if (off + 2ull > t.length) return "a cmap encoding record points outside table 'cmap'";
        f.r.u16(t.offset + off, format);
        const bool candidate = (platform == 3 && encoding == 1) || (platform == 0 && (encoding == 1 || encoding == 3));
        if (!candidate || format != 4) continue;
        cmap4 c;
        if (auto why = read_cmap4(f, t.offset + off, t.length - off, c); !why.empty()) return why;
        // libharu reads the outlines of 'H' and 'x' at once, without bounds.
        for (char32_t u : {U'H', U'x'})
            if (glyph_of(c, static_cast<std::uint16_t>(u)) >= f.num_glyphs)
                return "the cmap maps '" + std::string(1, static_cast<char>(u)) + "' to a glyph the font does not have";
        unicode = unicode || (platform == 3 && encoding == 1);
    }
    if (!unicode) return "no Unicode (Windows, format 4) character map";
    return {};
}

std::string check_name_and_os2(const font_view& f) {
    const table t = f.tables.at("name");
    std::uint16_t count = 0, strings = 0;
    if (t.length < 6 || !f.r.u16(t.offset + 2, count) || !f.r.u16(t.offset + 4, strings))
        return "table 'name' is too short";
    if (6 + 12u * count > t.length) return "table 'name' is shorter than its records";
    for (std::size_t i = 0; i < count; ++i) {
        std::uint16_t name_id = 0, length = 0, offset = 0;
        f.r.u16(t.offset + 6 + 12 * i + 6, name_id);
        f.r.u16(t.offset + 6 + 12 * i + 8, length);
        f.r.u16(t.offset + 6 + 12 * i + 10, offset);
        if (static_cast<std::size_t>(strings) + offset + length > t.length)
            return "a name record points outside table 'name'";
        // libharu copies the PostScript (6) and subfamily (2) names into small buffers.
        if ((name_id == 6 || name_id == 2) && length > 240)
            return "a name record of " + std::to_string(length) + " bytes (at most 240 are read safely)";
    }
    const table os2 = f.tables.at("OS/2");
    std::uint16_t version = 0;
    if (os2.length < 42 || !f.r.u16(os2.offset, version)) return "table 'OS/2' is too short";
    if (version > 0 && os2.length < 86) return "table 'OS/2' is shorter than its version needs";
    return {};
}

std::string freetype_problem(std::string_view bytes) {
    FT_Library lib = nullptr;
    if (FT_Init_FreeType(&lib) != 0) return "FreeType could not start";
    FT_Face face = nullptr;
    std::string why;
    const FT_Error e = FT_New_Memory_Face(lib, reinterpret_cast<const FT_Byte*>(bytes.data()),
                                          static_cast<FT_Long>(bytes.size()), 0, &face);
    if (e != 0) {
        const char* s = FT_Error_String(e);
        why = std::string("FreeType cannot read it (") + (s ? s : "error " + std::to_string(e)) + ")";
    } else if (!FT_IS_SFNT(face) || !FT_IS_SCALABLE(face)) {
        why = "FreeType does not read it as a scalable TrueType font";
    }
    if (face) FT_Done_Face(face);
    FT_Done_FreeType(lib);
    return why;
}

}  // namespace

std::string font_problem(std::string_view bytes) {
    if (bytes.size() > max_font_bytes) return "larger than " + std::to_string(max_font_bytes >> 20) + " MiB";
    font_view f{reader{bytes}, {}, 0, false, {}, {}};
    for (auto step : {check_directory, check_metrics, check_glyphs})
        if (auto why = step(f); !why.empty()) return why;
    if (auto why = check_cmap(f); !why.empty()) return why;
    if (auto why = check_name_and_os2(f); !why.empty()) return why;
    return freetype_problem(bytes);
}

void check_font_file(const std::filesystem::path& file) {
    static std::mutex m;
    static std::map<file_key, std::string> checked;  // → the problem, "" when none
    const file_key key = key_of(file, "font");
    const auto size = std::get<1>(key);
    std::lock_guard lock(m);
    auto it = checked.find(key);
    if (it == checked.end()) {
        std::string problem;
        if (size > max_font_bytes) {
            problem = "larger than " + std::to_string(max_font_bytes >> 20) + " MiB";
        } else {
            std::ifstream in(file, std::ios::binary);
            std::string bytes(static_cast<std::size_t>(size), '\0');
            if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size())))
                throw error(errc::io_error, file.string() + ": pdf: cannot read the font file");
            problem = font_problem(bytes);
        }
        it = checked.emplace(key, std::move(problem)).first;
    }
    if (!it->second.empty())
        throw error(errc::invalid_value, file.string() + ": pdf: not a usable TrueType font: " + it->second);
}

}  // namespace offerkit::pdf_plugin
