// poppler/pdf_importer.cpp — words, boxes and fonts through poppler-cpp.
#include "src/pdf_importer.hpp"

#include "src/links.hpp"

#include <offerkit/document.hpp>
#include <offerkit/error.hpp>

#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-page.h>

#include <memory>
#include <mutex>

namespace offerkit::poppler_plugin {

namespace {

/// poppler prints its complaints about damaged files on stderr by default:
/// an embedding application's stderr is not ours to write to.
void quiet_poppler() {
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
}

std::string utf8(const poppler::ustring& u) {
    const poppler::byte_array b = u.to_utf8();
    return std::string(b.begin(), b.end());
}

}  // namespace

std::vector<pdf_page> read_pdf_words(std::string_view bytes, const std::string& name, const pdf_limits& limits) {
    quiet_poppler();
    if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos)
        throw error(errc::unknown_format, name + ": not a PDF file (no %PDF- header)");
    if (bytes.size() > static_cast<std::size_t>(INT32_MAX))
        throw error(errc::limit_exceeded, name + ": a PDF over 2 GiB is not read");
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) throw error(errc::unknown_format, name + ": not a readable PDF: the file is damaged or truncated");
    if (doc->is_locked())
        throw error(
            errc::unknown_format,
            name + ": the PDF is encrypted with a password: offerkit cannot read it (save an unprotected copy)");
    const int n = doc->pages();
    if (n <= 0) throw error(errc::unknown_format, name + ": not a readable PDF: it has no pages");
    if (static_cast<std::size_t>(n) > limits.max_pages)
        throw error(errc::limit_exceeded, name + ": the PDF has " + std::to_string(n) +
                                              " pages; a posting is read up to " + std::to_string(limits.max_pages) +
                                              " (--input-option max-pages=N)");
    std::vector<pdf_page> pages;
    pages.reserve(static_cast<std::size_t>(n));
    std::size_t words = 0;
    for (int i = 0; i < n; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        pdf_page out;
        if (!page) {
            pages.push_back(std::move(out));
            continue;
        }
        const poppler::rectf r = page->page_rect();
        out.width = r.width();
        out.height = r.height();
        for (const poppler::text_box& b : page->text_list(poppler::page::text_list_include_font)) {
            if (++words > limits.max_words)
                throw error(errc::limit_exceeded,
                            name + ": more than " + std::to_string(limits.max_words) + " words: not a posting");
            pdf_word w;
            w.text = utf8(b.text());  // ligatures are spelt out by the core (document_lines)
            const poppler::rectf bb = b.bbox();
            w.x0 = bb.left();
            w.y0 = bb.top();
            w.x1 = bb.right();
            w.y1 = bb.bottom();
            w.size = b.get_font_size();
            w.bold = bold_font_name(b.get_font_name());
            if (b.get_wmode() != poppler::text_box::horizontal_wmode) continue;  // vertical text: a margin note
            out.words.push_back(std::move(w));
        }
        pages.push_back(std::move(out));
    }
    // link annotations: the words they cover carry their target
    if (bytes.find("/URI") != std::string_view::npos || bytes.find("/ObjStm") != std::string_view::npos)
        for (const pdf_link& l : read_pdf_links(bytes, pages.size())) {
            if (l.page >= pages.size()) continue;
            for (pdf_word& w : pages[l.page].words) {
                const double cx = (w.x0 + w.x1) / 2, cy = (w.y0 + w.y1) / 2;
                if (cx >= l.x0 && cx <= l.x1 && cy >= l.y0 - 1 && cy <= l.y1 + 1) w.link = l.uri;
            }
        }
    if (words == 0)
        throw error(errc::unknown_format,
                    name +
                        ": the PDF has no text layer (a scanned image?): OCR is not supported; read the original "
                        "Word document, or a PDF printed from it");
    return pages;
}

const importer_info& pdf_importer::info() const noexcept {
    static const importer_info i{"pdf",
                                 "a posting as a PDF print (poppler, GPL): words, fonts and boxes rebuilt into "
                                 "paragraphs, columns, lists and headings",
                                 {".pdf"},
                                 "application/pdf",
                                 {{"max-pages", "the most pages a posting may have; more is refused", "100", false}}};
    return i;
}

input_match pdf_importer::sniff(std::string_view file_name, std::string_view head) const noexcept {
    if (head.substr(0, 1024).find("%PDF-") != std::string_view::npos) return input_match::signature;
    if (has_extension(file_name, ".pdf")) return input_match::extension;
    return input_match::none;
}

std::unique_ptr<import_session> pdf_importer::open(input_source input, const read_options& options) const {
    check_options(info(), options.options);
    pdf_limits limits;
    limits.max_pages = option_count(options.options, "max-pages", limits.max_pages, 10000);
    return std::make_unique<document_session>(std::move(input), options, "pdf",
                                              [limits](std::string_view bytes, const std::string& name) {
                                                  return layout_document(read_pdf_words(bytes, name, limits));
                                              });
}

}  // namespace offerkit::poppler_plugin
