// The pdf plugin's libharu layer: text cleaning, error reasons, the document.
#include "haru.hpp"

namespace offerkit::pdf_plugin {

std::string clean_text(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size();) {
        char32_t cp = next(s, i);
        if (cp == 0xAD) continue;
        const bool space = cp == ' ' || cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
                           (cp >= 0x2000 && cp <= 0x200B && cp != 0x2007) || cp == 0x3000;
        if (space) {
            pending_space = !out.empty();
            continue;
        }
        if (cp > 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
        if (pending_space) out += ' ';
        pending_space = false;
        append(out, cp);
    }
    return out;
}

void on_hpdf_error(HPDF_STATUS code, HPDF_STATUS detail, void* user) {
    auto* e = static_cast<hpdf_errors*>(user);
    if (e->code == 0) {
        e->code = code;
        e->detail = detail;
    }
}

std::string hpdf_reason(HPDF_STATUS code) {
    switch (code) {
        case HPDF_FILE_IO_ERROR: return "file input/output error";
        case HPDF_FILE_OPEN_ERROR: return "cannot open the file";
        case HPDF_FONT_EXISTS: return "a font of the same name is already loaded";
        case HPDF_INVALID_FONTDEF_DATA:
        case HPDF_TTF_INVALID_CMAP:
        case HPDF_TTF_INVALID_FOMAT:
        case HPDF_TTF_MISSING_TABLE:
        case HPDF_INVALID_TTC_FILE:
        case HPDF_UNSUPPORTED_FONT_TYPE:
        case HPDF_INVALID_FONT: return "not a usable TrueType (glyf outline) font";
        case HPDF_TTF_CANNOT_EMBEDDING_FONT: return "the font's licence flags forbid embedding";
        case HPDF_INVALID_PNG_IMAGE:
        case HPDF_LIBPNG_ERROR:
        case HPDF_INVALID_IMAGE: return "not a readable 8-bit non-interlaced PNG image";
        case HPDF_FAILD_TO_ALLOC_MEM: return "out of memory";
        case HPDF_STREAM_EOF: return "unexpected end of data (a truncated image or font)";
        default: break;
    }
    char buf[64];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X", static_cast<unsigned>(code));
    return buf;
}

flyer_document::impl::impl() {
    doc = HPDF_New(&on_hpdf_error, &errors);
    if (!doc) throw error(errc::export_failed, "pdf: libharu could not create a document (out of memory)");
    HPDF_SetCompressionMode(doc, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(doc);
    HPDF_SetCurrentEncoder(doc, "UTF-8");
    doc->pdf_version = HPDF_VER_17;  // tagged PDF (1.4+), PDF/A-2 and PDF/UA-1 (1.7)
    check("setting up the document");
}

flyer_document::impl::~impl() {
    if (doc) HPDF_Free(doc);
}

void flyer_document::impl::check(const std::string& what, const std::filesystem::path& file) {
    if (errors.code == 0) return;
    const auto code = errors.code;
    const auto detail = errors.detail;
    errors = {};
    HPDF_ResetError(doc);
    std::string msg;
    if (!file.empty()) msg = file.string() + ": ";
    msg += "pdf: " + what + " failed: " + hpdf_reason(code);
    if (detail != 0) msg += " (detail " + std::to_string(detail) + ")";
    throw error(file.empty() ? errc::export_failed : errc::io_error, msg);
}

face& flyer_document::impl::load_font(const std::filesystem::path& path, bool winansi) {
    auto it = faces.find({path, winansi});
    if (it != faces.end()) return *it->second;
    auto nm = font_names.find(path);
    if (nm == font_names.end()) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(path, ec))
            throw error(errc::io_error, path.string() + ": pdf: font file not found");
        check_font_file(path);  // libharu trusts every table of the file
        const char* name = HPDF_LoadTTFontFromFile(doc, path.c_str(), HPDF_TRUE);
        check("loading the TrueType font", path);
        if (!name) throw error(errc::io_error, path.string() + ": pdf: cannot load the TrueType font");
        nm = font_names.emplace(path, name).first;
    }
    HPDF_Font font = HPDF_GetFont(doc, nm->second.c_str(), winansi ? "CP1252" : "UTF-8");
    check("loading the TrueType font", path);
    auto fc = std::make_unique<face>();
    fc->font = font;
    fc->path = path;
    fc->winansi = winansi;
    return *faces.emplace(std::make_pair(path, winansi), std::move(fc)).first->second;
}

HPDF_Image flyer_document::impl::load_image(const std::filesystem::path& path) {
    auto it = images.find(path);
    if (it != images.end()) return it->second;
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec))
        throw error(errc::io_error, path.string() + ": pdf: logo file not found");
    // Decoded and checked by us, once per process; libharu gets pixels only.
    const auto logo = load_logo(path);
    const auto w = static_cast<HPDF_UINT>(logo->width), h = static_cast<HPDF_UINT>(logo->height);
    HPDF_Image img = HPDF_LoadRawImageFromMem(doc, logo->rgb.data(), w, h, HPDF_CS_DEVICE_RGB, 8);
    check("embedding the logo", path);
    if (!logo->alpha.empty()) {
        HPDF_Image mask = HPDF_LoadRawImageFromMem(doc, logo->alpha.data(), w, h, HPDF_CS_DEVICE_GRAY, 8);
        check("embedding the logo's transparency", path);
        HPDF_Image_AddSMask(img, mask);
        check("embedding the logo's transparency", path);
    }
    if (!img) throw error(errc::export_failed, path.string() + ": pdf: cannot embed the logo");
    images.emplace(path, img);
    return img;
}

void flyer_document::impl::fix_to_unicode() {
    for (auto& [key, fc] : faces) {
        if (fc->winansi) {
            add_winansi_to_unicode(*fc);
            continue;
        }
        auto* tu = static_cast<HPDF_Dict>(
            HPDF_Dict_GetItem(reinterpret_cast<HPDF_Dict>(fc->font), "ToUnicode", HPDF_OCLASS_DICT));
        if (!tu || !tu->stream) {
            errors = {};
            HPDF_ResetError(doc);
            continue;
        }
        std::vector<std::uint16_t> cps;
        for (unsigned hi = 0; hi < 256; ++hi) {
            if (!fc->widths[hi]) continue;
            for (unsigned lo = 0; lo < 256; ++lo)
                if ((*fc->widths[hi])[lo] >= 0) cps.push_back(static_cast<std::uint16_t>(hi << 8 | lo));
        }
        // Runs of consecutive codes within one high byte become bfrange entries.
        std::vector<std::pair<std::uint16_t, std::uint16_t>> ranges, singles;
        for (std::size_t i = 0; i < cps.size();) {
            std::size_t j = i;
            while (j + 1 < cps.size() && cps[j + 1] == cps[j] + 1 && (cps[j + 1] >> 8) == (cps[i] >> 8)) ++j;
            if (j > i)
                ranges.emplace_back(cps[i], cps[j]);
            else
                singles.emplace_back(cps[i], cps[i]);
            i = j + 1;
        }
        std::string cm =
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
        char buf[48];
        auto emit = [&](const auto& list, bool range) {
            for (std::size_t i = 0; i < list.size(); i += 100) {
                const std::size_t n = std::min<std::size_t>(100, list.size() - i);
                cm += std::to_string(n) + (range ? " beginbfrange\n" : " beginbfchar\n");
                for (std::size_t k = i; k < i + n; ++k) {
                    if (range)
                        std::snprintf(buf, sizeof buf, "<%04X> <%04X> <%04X>\n", list[k].first, list[k].second,
                                      list[k].first);
                    else
                        std::snprintf(buf, sizeof buf, "<%04X> <%04X>\n", list[k].first, list[k].first);
                    cm += buf;
                }
                cm += range ? "endbfrange\n" : "endbfchar\n";
            }
        };
        emit(singles, false);
        emit(ranges, true);
        cm += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
        HPDF_MemStream_FreeData(tu->stream);
        HPDF_Stream_Write(tu->stream, reinterpret_cast<const HPDF_BYTE*>(cm.data()), static_cast<HPDF_UINT>(cm.size()));
        tu->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        check("writing the ToUnicode map");
        if (!cps.empty()) {
            truncate_cid_map(fc->font, cps.back());
            trim_widths(fc->font, cps);
        }
    }
}

void flyer_document::impl::add_winansi_to_unicode(const face& fc) {
    std::vector<std::pair<int, char32_t>> codes;  // byte, code point
    for (unsigned hi = 0; hi < 256; ++hi) {
        if (!fc.widths[hi]) continue;
        for (unsigned lo = 0; lo < 256; ++lo) {
            const char32_t cp = static_cast<char32_t>(hi << 8 | lo);
            const int b = to_cp1252(cp);
            if ((*fc.widths[hi])[lo] >= 0 && b >= 0) codes.emplace_back(b, cp);
        }
    }
    std::sort(codes.begin(), codes.end());
    std::string cm =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<00> <FF>\nendcodespacerange\n";
    char buf[32];
    for (std::size_t i = 0; i < codes.size(); i += 100) {
        const std::size_t n = std::min<std::size_t>(100, codes.size() - i);
        cm += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            std::snprintf(buf, sizeof buf, "<%02X> <%04X>\n", static_cast<unsigned>(codes[k].first),
                          static_cast<unsigned>(codes[k].second));
            cm += buf;
        }
        cm += "endbfchar\n";
    }
    cm += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    HPDF_Dict stream = HPDF_DictStream_New(doc->mmgr, doc->xref);
    if (!stream) {
        check("writing the ToUnicode map");
        return;
    }
    stream->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Stream_Write(stream->stream, reinterpret_cast<const HPDF_BYTE*>(cm.data()), static_cast<HPDF_UINT>(cm.size()));
    HPDF_Dict_Add(reinterpret_cast<HPDF_Dict>(fc.font), "ToUnicode", stream);
    check("writing the ToUnicode map");
}

void flyer_document::impl::truncate_cid_map(HPDF_Font font, std::uint16_t max_code) {
    HPDF_Dict cid = descendant(font);
    auto* map = cid ? static_cast<HPDF_Dict>(HPDF_Dict_GetItem(cid, "CIDToGIDMap", HPDF_OCLASS_DICT)) : nullptr;
    if (!map || !map->stream || map->stream->type != HPDF_STREAM_MEMORY) {
        errors = {};
        HPDF_ResetError(doc);
        return;
    }
    const std::size_t keep = 2 * (static_cast<std::size_t>(max_code) + 1);
    std::string bytes;
    bytes.reserve(keep);
    const HPDF_UINT bufs = HPDF_MemStream_GetBufCount(map->stream);
    for (HPDF_UINT i = 0; i < bufs && bytes.size() < keep; ++i) {
        HPDF_UINT len = 0;
        const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(map->stream, i, &len);
        if (!p) break;
        // the last buffer is only partly filled
        const std::size_t filled =
            std::min<std::size_t>(len, map->stream->size - i * HPDF_MemStream_GetBufSize(map->stream));
        bytes.append(reinterpret_cast<const char*>(p), std::min(filled, keep - bytes.size()));
    }
    if (bytes.size() != keep) return;  // unexpected layout: leave libharu's map
    HPDF_MemStream_FreeData(map->stream);
    HPDF_Stream_Write(map->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(keep));
    check("writing the CIDToGIDMap");
}

void flyer_document::impl::trim_widths(HPDF_Font font, const std::vector<std::uint16_t>& used) {
    HPDF_Dict cid = descendant(font);
    auto* w = cid ? static_cast<HPDF_Array>(HPDF_Dict_GetItem(cid, "W", HPDF_OCLASS_ARRAY)) : nullptr;
    if (!w) {
        errors = {};
        HPDF_ResetError(doc);
        return;
    }
    auto cls = [](void* obj) { return static_cast<HPDF_Obj_Header*>(obj)->obj_class & HPDF_OCLASS_ANY; };
    std::map<std::uint32_t, HPDF_INT32> widths;
    for (HPDF_UINT i = 0; i + 1 < w->list->count; i += 2) {
        void* first = HPDF_List_ItemAt(w->list, i);
        void* second = HPDF_List_ItemAt(w->list, i + 1);
        if (cls(first) != HPDF_OCLASS_NUMBER || cls(second) != HPDF_OCLASS_ARRAY) return;  // unexpected form
        const auto start = static_cast<std::uint32_t>(static_cast<HPDF_Number>(first)->value);
        auto* sub = static_cast<HPDF_Array>(second);
        for (HPDF_UINT k = 0; k < sub->list->count; ++k) {
            void* n = HPDF_List_ItemAt(sub->list, k);
            if (cls(n) != HPDF_OCLASS_NUMBER) return;
            widths[start + k] = static_cast<HPDF_Number>(n)->value;
        }
    }
    HPDF_Array out = HPDF_Array_New(cid->mmgr);
    for (std::size_t i = 0; out && i < used.size();) {
        if (!widths.count(used[i])) {
            ++i;
            continue;
        }
        HPDF_Array run = HPDF_Array_New(cid->mmgr);
        HPDF_Array_AddNumber(out, used[i]);
        HPDF_Array_Add(out, run);
        std::size_t j = i;
        do {
            HPDF_Array_AddNumber(run, widths[used[j]]);
            ++j;
        } while (j < used.size() && used[j] == used[j - 1] + 1 && widths.count(used[j]));
        i = j;
    }
    if (out) HPDF_Dict_Add(cid, "W", out);
    check("writing the glyph widths");
}

HPDF_Dict flyer_document::impl::descendant(HPDF_Font font) {
    auto* arr = static_cast<HPDF_Array>(
        HPDF_Dict_GetItem(reinterpret_cast<HPDF_Dict>(font), "DescendantFonts", HPDF_OCLASS_ARRAY));
    return arr ? static_cast<HPDF_Dict>(HPDF_Array_GetItem(arr, 0, HPDF_OCLASS_DICT)) : nullptr;
}

void flyer_document::impl::write_structure() {
    if (structure_written || !tagged || tree.empty()) return;
    structure_written = true;
    tree.write(doc, lang);
    check("writing the document structure (tags)");
}

void flyer_document::impl::set_info(const doc_info& info) {
    auto set = [&](HPDF_InfoType t, const std::string& v, std::string& kept) {
        kept = clean_text(v);
        if (!kept.empty()) HPDF_SetInfoAttr(doc, t, kept.c_str());
    };
    set(HPDF_INFO_TITLE, info.title, info_written.title);
    set(HPDF_INFO_AUTHOR, info.author, info_written.author);
    set(HPDF_INFO_SUBJECT, info.subject, info_written.subject);
    set(HPDF_INFO_KEYWORDS, info.keywords, info_written.keywords);
    set(HPDF_INFO_CREATOR, std::string("offerkit ") + OFFERKIT_VERSION_STRING, info_written.creator);
    std::optional<HPDF_Date> d;
    if (info.created) {
        HPDF_Date hd{};
        hd.year = info.created->year();
        hd.month = info.created->month();
        hd.day = info.created->day();
        hd.ind = 'Z';
        d = hd;
    } else if (info.epoch) {
        const auto t = static_cast<std::time_t>(*info.epoch);
        std::tm tm{};
        if (gmtime_r(&t, &tm)) {
            HPDF_Date hd{};
            hd.year = tm.tm_year + 1900;
            hd.month = tm.tm_mon + 1;
            hd.day = tm.tm_mday;
            hd.hour = tm.tm_hour;
            hd.minutes = tm.tm_min;
            hd.seconds = std::min(tm.tm_sec, 59);
            hd.ind = 'Z';
            d = hd;
        }
    }
    if (d) {
        HPDF_SetInfoDateAttr(doc, HPDF_INFO_CREATION_DATE, *d);
        HPDF_SetInfoDateAttr(doc, HPDF_INFO_MOD_DATE, *d);
        char iso[96];
        std::snprintf(iso, sizeof iso, "%04d-%02d-%02dT%02d:%02d:%02dZ", d->year, d->month, d->day, d->hour, d->minutes,
                      d->seconds);
        info_written.date = iso;
    }
    check("writing the document information");
}

}  // namespace offerkit::pdf_plugin
