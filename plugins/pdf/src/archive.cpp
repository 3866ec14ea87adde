// PDF/A-2b for the flyers (docs/pdf.md, "Archivable PDFs"), through libharu's
// object API: the sRGB output intent (Debian's icc-profiles-free), the XMP
// metadata stream in step with the Info dictionary, and a trailer /ID derived
// from the content, so that the same input still gives the same bytes.
#include "haru.hpp"

#include <hpdf_encoder.h>
#include <hpdf_encrypt.h>
#include <hpdf_font.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>

namespace offerkit::pdf_plugin {

namespace {

/// The sRGB profile, from $OFFERKIT_ICC_PROFILE when set, else Debian's
/// packages; empty when none. Read once per file and process: every flyer
/// embeds it. (libharu compresses it in each file: a stream written already
/// deflated loses its /Filter when libharu writes it.)
std::string srgb_profile(std::string& where) {
    std::vector<std::string> candidates;
    if (const char* env = std::getenv("OFFERKIT_ICC_PROFILE"); env && *env) {
        candidates.emplace_back(env);  // the one asked for, and no other
    } else {
        candidates.emplace_back("/usr/share/color/icc/sRGB.icc");         // icc-profiles-free
        candidates.emplace_back("/usr/share/color/icc/colord/sRGB.icc");  // colord
    }
    static std::mutex mutex;
    static std::map<std::string, std::string> profiles;  // by path: valid profiles only
    const std::lock_guard<std::mutex> lock(mutex);
    for (const auto& c : candidates) {
        if (auto it = profiles.find(c); it != profiles.end()) return it->second;
        std::ifstream in(c, std::ios::binary);
        if (!in) continue;
        std::ostringstream bytes;
        bytes << in.rdbuf();
        const std::string b = bytes.str();
        // an ICC profile: "acsp" at 36, an RGB data colour space at 16
        if (b.size() < 128 || b.compare(36, 4, "acsp") != 0 || b.compare(16, 4, "RGB ") != 0) continue;
        return profiles.emplace(c, b).first->second;
    }
    where.clear();
    for (const auto& c : candidates) where += (where.empty() ? "" : ", ") + c;
    return {};
}

std::string xml_escaped(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

}  // namespace

bool flyer_document::impl::write_archive(std::string& where) {
    const std::string icc = srgb_profile(where);
    if (icc.empty()) return false;
    HPDF_MMgr mm = doc->mmgr;
    HPDF_Dict catalog = doc->catalog;

    // The output intent: DeviceRGB means sRGB.
    HPDF_Dict profile = HPDF_DictStream_New(mm, doc->xref);
    if (!profile) return false;
    profile->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    HPDF_Dict_AddNumber(profile, "N", 3);
    HPDF_Stream_Write(profile->stream, reinterpret_cast<const HPDF_BYTE*>(icc.data()),
                      static_cast<HPDF_UINT>(icc.size()));
    HPDF_Dict intent = HPDF_Dict_New(mm);
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(mm, "sRGB IEC61966-2.1", nullptr));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(mm, "sRGB IEC61966-2.1", nullptr));
    HPDF_Dict_Add(intent, "DestOutputProfile", profile);
    HPDF_Array intents = HPDF_Array_New(mm);
    HPDF_Array_Add(intents, intent);
    HPDF_Dict_Add(catalog, "OutputIntents", intents);

    // XMP metadata: the Info dictionary's values, and the PDF/A identification.
    const auto& w = info_written;
    const char* producer = HPDF_GetInfoAttr(doc, HPDF_INFO_PRODUCER);
    std::string x =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
        " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\""
        " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
        "<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>\n";
    if (!w.title.empty())
        x += "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(w.title) +
             "</rdf:li></rdf:Alt></dc:title>\n";
    if (!w.author.empty())
        x += "<dc:creator><rdf:Seq><rdf:li>" + xml_escaped(w.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!w.subject.empty())
        x += "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_escaped(w.subject) +
             "</rdf:li></rdf:Alt></dc:description>\n";
    if (!w.keywords.empty()) x += "<pdf:Keywords>" + xml_escaped(w.keywords) + "</pdf:Keywords>\n";
    if (producer && *producer) x += "<pdf:Producer>" + xml_escaped(producer) + "</pdf:Producer>\n";
    if (!w.creator.empty()) x += "<xmp:CreatorTool>" + xml_escaped(w.creator) + "</xmp:CreatorTool>\n";
    if (!w.date.empty())
        x += "<xmp:CreateDate>" + w.date + "</xmp:CreateDate>\n<xmp:ModifyDate>" + w.date + "</xmp:ModifyDate>\n";
    x += "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"r\"?>";
    HPDF_Dict metadata = HPDF_DictStream_New(mm, doc->xref);
    if (!metadata) return false;
    metadata->filter = HPDF_STREAM_FILTER_NONE;  // readable by any archive tool
    HPDF_Dict_AddName(metadata, "Type", "Metadata");
    HPDF_Dict_AddName(metadata, "Subtype", "XML");
    HPDF_Stream_Write(metadata->stream, reinterpret_cast<const HPDF_BYTE*>(x.data()), static_cast<HPDF_UINT>(x.size()));
    HPDF_Dict_Add(catalog, "Metadata", metadata);

    // PDF/A-2 6.2.11.6: a non-symbolic TrueType font has WinAnsiEncoding and no
    // Differences unless their names are Adobe Glyph List names. libharu writes
    // the encoding from the font's encoder when it saves, with [127 /.notdef]
    // (its WinAnsi map leaves 127 out); code 127 is never drawn (text is cleaned
    // of controls), so the encoder is told it has no differences.
    for (const auto& [key, fc] : faces) {
        if (!fc->winansi) continue;
        HPDF_Encoder enc = static_cast<HPDF_FontAttr>(fc->font->attr)->encoder;
        if (enc && enc->type == HPDF_ENCODER_TYPE_SINGLE_BYTE)
            static_cast<HPDF_BasicEncoderAttr>(enc->attr)->has_differences = HPDF_FALSE;
    }

    // The document ID: MD5 of the metadata and of every page's content, so that
    // the same input gives the same file (no clock, no random number).
    HPDF_MD5_CTX md5;
    HPDF_MD5Init(&md5);
    HPDF_MD5Update(&md5, reinterpret_cast<const HPDF_BYTE*>(x.data()), static_cast<HPDF_UINT32>(x.size()));
    for (HPDF_UINT i = 0; i < doc->page_list->count; ++i) {
        auto page = static_cast<HPDF_Page>(HPDF_List_ItemAt(doc->page_list, i));
        HPDF_Stream content = static_cast<HPDF_PageAttr>(page->attr)->stream;
        if (!content) continue;
        for (HPDF_UINT b = 0; b < HPDF_MemStream_GetBufCount(content); ++b) {
            HPDF_UINT len = 0;
            HPDF_BYTE* buf = HPDF_MemStream_GetBufPtr(content, b, &len);
            if (buf && len) HPDF_MD5Update(&md5, buf, len);
        }
    }
    HPDF_BYTE digest[16];
    HPDF_MD5Final(digest, &md5);
    HPDF_Array id = HPDF_Array_New(mm);
    HPDF_Array_Add(id, HPDF_Binary_New(mm, digest, 16));
    HPDF_Array_Add(id, HPDF_Binary_New(mm, digest, 16));
    HPDF_Dict_Add(doc->xref->trailer, "ID", id);
    return HPDF_GetError(doc) == HPDF_OK;
}

}  // namespace offerkit::pdf_plugin
