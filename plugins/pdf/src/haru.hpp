// Internal: the pdf plugin's thin layer over libharu 2.3.0: page geometry and
// colours, text as libharu can draw it, libharu's errors, fonts with cached widths,
// the page painter, and the document (flyer_document::impl: fonts and images
// loaded once, the ToUnicode repair, the Info dictionary). layout.cpp lays
// offers out on it.
//
//
// Text is kept as UTF-8 and drawn with embedded TrueType fonts, either as
// simple WinAnsi fonts (when the flyer's text is all Windows-1252: the fast
// path) or as CID fonts through libharu's UTF-8 encoder (see fonts.hpp).
// Words are measured with the font's own widths (HPDF_Font_TextWidth, cached
// per code point) and broken into lines here (libharu's own breaker cuts UTF-8
// sequences). Content is laid out as a list of flow elements (lines and
// blocks), each saying whether a page may break before it (layout.cpp: no
// heading at a page's foot, no orphan or widow line, no list item alone);
// the pages are planned before anything is drawn, so that a last page with
// only a few lines is avoided by tightening the gaps or by breaking earlier.
// Footers ("Page n / N") are drawn once the page count is known.
//
// libharu 2.3.0 writes a CID map (`begincidrange`) as the ToUnicode map of a
// UTF-8 font. Before saving, each font's ToUnicode stream is replaced through
// libharu's object API by a `bfrange`/`bfchar` map of the code points used
// (with the UTF-8 encoder the character codes are the Unicode code points);
// WinAnsi fonts get a ToUnicode map too.
#pragma once

#include <cerrno>
#include <cstring>
#include "render.hpp"

#include "font_check.hpp"
#include "logo.hpp"

#include <offerkit/text.hpp>
#include <offerkit/text_safety.hpp>

#include <offerkit/utf8.hpp>

#include "fonts.hpp"
#include "labels.hpp"
#include "tagging.hpp"

#include <offerkit/error.hpp>
#include <offerkit/version.hpp>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>
#include <qrencode.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <ctime>
#include <functional>
#include <map>
#include <system_error>
#include <vector>

namespace offerkit::pdf_plugin {

using plugins::pdf::brand;
using plugins::pdf::rgb;

// ---------------------------------------------------------------------------------------------
// Page geometry (points). A4 portrait.
constexpr double page_w = 595.276;
constexpr double page_h = 841.89;
constexpr double margin_x = 48;
constexpr double content_w = page_w - 2 * margin_x;
constexpr double band_h = 96;       // first page header band
constexpr double cont_band_h = 30;  // continuation pages
constexpr double stripe_h = 4;
constexpr double footer_rule_y = 50;
constexpr double footer_text_y = 36;
constexpr double content_bottom = 64;  // nothing of the flow goes below

// Text styles.
constexpr double body_size = 10, body_leading = 14;
constexpr double heading_size = 12.5, heading_leading = 20, heading_gap = 15;
constexpr double sub_size = 10.5, sub_leading = 15, sub_gap = 6;
constexpr double bullet_indent = 16;

constexpr rgb white{1, 1, 1};
constexpr rgb text_dark{0.13, 0.14, 0.16};
constexpr rgb text_grey{0.38, 0.40, 0.44};
constexpr rgb black{0, 0, 0};

inline rgb mix(const rgb& a, const rgb& b, double t) {
    return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}
/// `bg` mixed with white by `t`, or by more until text in it reads on `bg` at
/// 4.5:1 (WCAG AA); white when nothing lighter does.
inline rgb legible_on(const rgb& bg, double t) {
    for (; t < 1; t += 0.02)
        if (const rgb c = mix(bg, white, t); contrast_ratio(c, bg) >= 4.5) return c;
    return white;
}
inline HPDF_REAL f(double v) { return static_cast<HPDF_REAL>(v); }

// ---------------------------------------------------------------------------------------------
// UTF-8

using utf8::append;  // offerkit/utf8.hpp
using utf8::next;

/// Text as libharu can draw it: white space and controls become one space,
/// soft hyphens go, code points beyond the BMP (which the UTF-8 encoder of
/// libharu cannot address) become U+FFFD; trimmed.
std::string clean_text(std::string_view s);

// ---------------------------------------------------------------------------------------------
// libharu errors: the handler records, the wrapper throws.

struct hpdf_errors {
    HPDF_STATUS code = 0;
    HPDF_STATUS detail = 0;
};

void on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void* user);

std::string hpdf_reason(HPDF_STATUS code);

// ---------------------------------------------------------------------------------------------
// Fonts with cached widths; the cache doubles as the set of code points used.

struct face {
    HPDF_Font font = nullptr;
    std::filesystem::path path;
    bool winansi = false;  // simple font, one Windows-1252 byte a character
    std::array<std::unique_ptr<std::array<std::int32_t, 256>>, 256> widths{};

    /// Advance width of `cp` in 1/1000 em.
    std::int32_t width(char32_t cp) {
        auto& pg = widths[(cp >> 8) & 0xFF];
        if (!pg) {
            pg = std::make_unique<std::array<std::int32_t, 256>>();
            pg->fill(-1);
        }
        auto& w = (*pg)[cp & 0xFF];
        if (w < 0) {
            std::string u;
            if (winansi) {
                const int b = to_cp1252(cp);
                u += static_cast<char>(b < 0 ? '?' : b);
            } else {
                append(u, cp);
            }
            const HPDF_TextWidth tw = HPDF_Font_TextWidth(font, reinterpret_cast<const HPDF_BYTE*>(u.data()),
                                                          static_cast<HPDF_UINT>(u.size()));
            w = static_cast<std::int32_t>(tw.width);
        }
        return w;
    }
    /// The bytes to draw for a UTF-8 string.
    std::string encode(const std::string& s) const {
        if (!winansi) return s;
        std::string out;
        out.reserve(s.size());
        for (std::size_t i = 0; i < s.size();) {
            const int b = to_cp1252(next(s, i));
            out += static_cast<char>(b < 0 ? '?' : b);
        }
        return out;
    }
    /// Width of a UTF-8 string in points at `size`.
    double measure(std::string_view s, double size) {
        std::int64_t units = 0;
        for (std::size_t i = 0; i < s.size();) units += width(next(s, i));
        return static_cast<double>(units) * size / 1000.0;
    }
};

/// `s` cut with an ellipsis to fit `w` points at `size` (one pass: linear in
/// the length of `s`).
inline std::string fit_text(face& fc, const std::string& s, double size, double w) {
    if (fc.measure(s, size) <= w) return s;
    const double room = w - fc.measure("…", size);
    double used = 0;
    std::size_t i = 0;
    while (i < s.size()) {
        std::size_t j = i;
        used += fc.width(next(s, j)) * size / 1000.0;
        if (used > room) break;
        i = j;
    }
    return i == 0 && room < 0 ? std::string() : s.substr(0, i) + "…";
}

// ---------------------------------------------------------------------------------------------
// Flow elements.

enum font_style { regular = 0, bold = 1 };

struct run {
    font_style style = regular;
    double size = body_size;
    rgb color = text_dark;
    double x = 0;  // absolute
    std::string text;
};

class page_painter;

struct element {
    double gap_before = 0;
    double height = 0;
    double size = body_size;  // for the baseline
    std::vector<run> runs;
    bool keep_with_next = false;   // a heading line: never the last thing on a page
    bool no_break_before = false;  // a page break before it would leave an orphan, a widow or a lone list item
    int lines = 1;                 // lines of text it holds (how full the last page is)
    bool heading_rule = false;
    std::string outline;               // the first line of a section heading: the section's bookmark title
    int tag = structure_tree::none;    // the structure element its text belongs to
    int label = structure_tree::none;  // a list item's: the element of its bullet (runs[0])
    std::function<void(page_painter&, double top)> custom;  // a block drawn by hand
};

/// A piece of a paragraph in one style.
struct span {
    font_style style = regular;
    std::string text;
    rgb color = text_dark;
};

// ---------------------------------------------------------------------------------------------
// Drawing on one page, with the graphics state tracked to avoid redundant operators.

class page_painter {
public:
    page_painter(HPDF_Page page, std::array<face*, 2> faces, structure_tree* tree = nullptr)
        : page_(page), faces_(faces), tree_(tree) {}
    ~page_painter() { end_text(); }

    /// What is drawn until end_marked() is content of the structure element
    /// `element` (tagged PDF), or an artifact (decoration, page furniture).
    void begin_marked(int element) {
        if (!tree_) return;
        if (element == structure_tree::none) return begin_artifact();
        end_text();
        const int mcid = tree_->mark(page_, element);
        raw("/" + tree_->role(element) + " <</MCID " + std::to_string(mcid) + ">> BDC\n");
    }
    void begin_artifact() {
        if (!tree_) return;
        end_text();
        raw("/Artifact BMC\n");
    }
    void end_marked() {
        if (!tree_) return;
        end_text();
        raw("EMC\n");
    }

    void text(font_style st, double size, const rgb& color, double x, double y, const std::string& s) {
        if (s.empty()) return;
        if (!in_text_) {
            HPDF_Page_BeginText(page_);
            in_text_ = true;
        }
        if (cur_face_ != faces_[st] || cur_size_ != size) {
            HPDF_Page_SetFontAndSize(page_, faces_[st]->font, f(size));
            cur_face_ = faces_[st];
            cur_size_ = size;
        }
        fill(color);
        faces_[st]->measure(s, size);  // records the code points for the ToUnicode map
        HPDF_Page_TextOut(page_, f(x), f(y), faces_[st]->encode(s).c_str());
    }
    void rect(double x, double y, double w, double h, const rgb& color) {
        end_text();
        fill(color);
        HPDF_Page_Rectangle(page_, f(x), f(y), f(w), f(h));
        HPDF_Page_Fill(page_);
    }
    /// Several rectangles filled at once (QR modules).
    void rects(const std::vector<std::array<double, 4>>& rs, const rgb& color) {
        if (rs.empty()) return;
        end_text();
        fill(color);
        for (const auto& r : rs) HPDF_Page_Rectangle(page_, f(r[0]), f(r[1]), f(r[2]), f(r[3]));
        HPDF_Page_Fill(page_);
    }
    void image(HPDF_Image img, double x, double y, double w, double h) {
        end_text();
        HPDF_Page_DrawImage(page_, img, f(x), f(y), f(w), f(h));
    }
    void end_text() {
        if (in_text_) {
            HPDF_Page_EndText(page_);
            in_text_ = false;
        }
    }
    face& font(font_style st) { return *faces_[st]; }
    HPDF_Page page() const noexcept { return page_; }

private:
    void fill(const rgb& c) {
        if (!has_fill_ || !(c == fill_)) {
            HPDF_Page_SetRGBFill(page_, f(c.r), f(c.g), f(c.b));
            fill_ = c;
            has_fill_ = true;
        }
    }

    /// An operator libharu has no call for, at the page level (outside BT/ET).
    void raw(const std::string& op) {
        HPDF_Stream_WriteStr(static_cast<HPDF_PageAttr>(page_->attr)->stream, op.c_str());
    }

    HPDF_Page page_;
    std::array<face*, 2> faces_;
    structure_tree* tree_;
    bool in_text_ = false;
    face* cur_face_ = nullptr;
    double cur_size_ = 0;
    rgb fill_{};
    bool has_fill_ = false;
};

struct flyer_document::impl {
    hpdf_errors errors;
    HPDF_Doc doc = nullptr;
    std::map<std::pair<std::filesystem::path, bool>, std::unique_ptr<face>> faces;  // by file and WinAnsi
    std::map<std::filesystem::path, std::string> font_names;
    std::map<std::filesystem::path, HPDF_Image> images;
    int pages = 0;

    /// What a booklet's bookmarks and table of contents need of each offer.
    struct booklet_entry {
        std::string title;   // "3134-26-0420/SR – Chargé d'affaires"
        int first_page = 0;  // 0-based, before the table of contents is inserted
        HPDF_Page page = nullptr;
        std::array<face*, 2> faces{};
        rgb primary;
        struct section {
            std::string title;
            HPDF_Page page;
            double top;
        };
        std::vector<section> sections;
    };
    bool booklet = false;  // footers give the booklet's page number too
    structure_tree tree;   // the logical structure, written by save
    bool tagged = true;    // write it (and mark the content)
    structure_tree* tags() { return tagged ? &tree : nullptr; }
    std::string lang;  // the first offer's: the document's /Lang
    std::vector<booklet_entry> entries;

    impl();
    ~impl();

    /// Throws when libharu recorded an error since the last check.
    void check(const std::string& what, const std::filesystem::path& file = {});

    face& load_font(const std::filesystem::path& path, bool winansi);

    HPDF_Image load_image(const std::filesystem::path& path);

    /// Replaces libharu's ToUnicode CMap of each font by a bfchar/bfrange map.
    void fix_to_unicode();

    /// Simple WinAnsi fonts extract right through their encoding already; a
    /// ToUnicode map makes it certain for every reader.
    void add_winansi_to_unicode(const face& fc);

    /// libharu writes a CIDToGIDMap for all 65,536 codes (128 KB to compress per
    /// font); codes above the highest one used are never shown, so the map is cut
    /// after it (CIDs past the end of the map are not used by any content stream).
    void truncate_cid_map(HPDF_Font font, std::uint16_t max_code);

    /// libharu's /W array lists the width of every code the font maps; keep the
    /// codes used (a few hundred bytes instead of kilobytes, uncompressed).
    void trim_widths(HPDF_Font font, const std::vector<std::uint16_t>& used);

    HPDF_Dict descendant(HPDF_Font font);

    void set_info(const doc_info& info);

    /// The tagged structure (tagging.hpp), once, before saving.
    void write_structure();
    bool structure_written = false;

    /// PDF/A-2b (docs/pdf.md, "Archivable PDFs"), after set_info: the sRGB
    /// output intent, XMP metadata in step with the Info dictionary, a document
    /// ID derived from the content. Returns false (nothing written) when no sRGB
    /// ICC profile is found; `where` then says where it was looked for.
    bool write_archive(std::string& where);
    /// write_archive when asked for, once; records why not.
    void finish_archive() {
        if (!archive || archive_written) return;
        archive_written = true;
        std::string where;
        if (!write_archive(where)) not_archivable = "no sRGB ICC profile in " + where;
        check("writing the PDF/A metadata");
    }
    bool archive_written = false;
    bool archive = true;         // PDF/A-2b asked for
    std::string not_archivable;  // why it could not be (the places looked for a profile)
    // what set_info wrote, for the XMP metadata
    struct written_info {
        std::string title, author, subject, keywords, creator, date;  // date: XMP form, or empty
    } info_written;
};

}  // namespace offerkit::pdf_plugin
