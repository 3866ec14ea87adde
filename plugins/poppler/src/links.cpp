// poppler/links.cpp — link annotations through qpdf (Apache-2.0).
#include "src/links.hpp"

// qpdf 11's smart-pointer transition: the modern API, without the deprecation warning.
#define POINTERHOLDER_TRANSITION 4

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFAnnotationObjectHelper.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <exception>

namespace offerkit::poppler_plugin {

std::vector<pdf_link> read_pdf_links(std::string_view bytes, std::size_t max_pages) noexcept {
    std::vector<pdf_link> links;
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);  // a library does not write on its application's stderr
        pdf.setAttemptRecovery(true);
        pdf.processMemoryFile("document", bytes.data(), bytes.size());
        std::size_t page_no = 0;
        for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
            if (page_no >= max_pages) break;
            const QPDFObjectHandle::Rectangle box = page.getCropBox().getArrayAsRectangle();
            for (QPDFAnnotationObjectHelper& a : page.getAnnotations("/Link")) {
                QPDFObjectHandle action = a.getObjectHandle().getKey("/A");
                if (!action.isDictionary() || !action.getKey("/S").isNameAndEquals("/URI")) continue;
                QPDFObjectHandle uri = action.getKey("/URI");
                if (!uri.isString()) continue;
                const QPDFObjectHandle::Rectangle r = a.getRect();
                pdf_link l;
                l.page = page_no;
                l.x0 = std::min(r.llx, r.urx) - box.llx;
                l.x1 = std::max(r.llx, r.urx) - box.llx;
                l.y0 = box.ury - std::max(r.lly, r.ury);
                l.y1 = box.ury - std::min(r.lly, r.ury);
                l.uri = uri.getUTF8Value();
                if (!l.uri.empty() && l.uri.size() < 4096) links.push_back(std::move(l));
            }
            ++page_no;
        }
    } catch (const std::exception&) {
        links.clear();  // qpdf could not read it: the text is poppler's, the links are lost, nothing else
    } catch (...) {
        links.clear();
    }
    return links;
}

}  // namespace offerkit::poppler_plugin
