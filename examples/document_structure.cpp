// Reads a Word posting with the docx plugin (or a PDF with the poppler
// plugin, when the build has it), linked statically, and prints the structure
// the posting parser sees (headings, list items, bold labels, tables in
// reading order) as Markdown, then the offer's key facts.
//
//     example_document_structure avis.docx
//     example_document_structure avis.pdf
#include <offerkit/document.hpp>
#include <offerkit/error.hpp>
#include <offerkit/plugins/docx.hpp>
#ifdef OFFERKIT_EXAMPLE_HAS_POPPLER
#include <offerkit/plugins/poppler.hpp>
#endif

#include <fstream>
#include <iostream>
#include <iterator>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: " << argv[0] << " POSTING.docx|POSTING.pdf\n";
        return 2;
    }
    try {
        std::ifstream in(argv[1], std::ios::binary);
        if (!in) throw offerkit::error(offerkit::errc::io_error, std::string(argv[1]) + ": cannot open");
        const std::string bytes{std::istreambuf_iterator<char>(in), {}};
        const bool pdf = bytes.rfind("%PDF-", 0) == 0;
#ifdef OFFERKIT_EXAMPLE_HAS_POPPLER
        const offerkit::posting_document doc =
            pdf ? offerkit::plugins::read_pdf(bytes, argv[1]) : offerkit::plugins::read_docx(bytes, argv[1]);
#else
        if (pdf) throw offerkit::error(offerkit::errc::unknown_format, "this build has no poppler plugin");
        const offerkit::posting_document doc = offerkit::plugins::read_docx(bytes, argv[1]);
#endif
        std::cout << offerkit::to_markdown(doc) << "----\n";
        offerkit::diagnostics diags;
        const offerkit::job_offer offer = offerkit::parse_posting(doc, argv[1], diags);
        std::cout << "reference: " << offer.reference << "\ntitle:     " << offer.title
                  << "\ndeadline:  " << (offer.deadline ? offer.deadline->to_iso() : "-") << "\n";
        for (const auto& d : diags) std::cerr << d.to_string() << "\n";
        return 0;
    } catch (const offerkit::error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
