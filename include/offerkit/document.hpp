// offerkit/document.hpp — a posting as a structured document.
//
// A Word or PDF posting keeps, beside its words, what its layout says: which
// paragraphs are headings, which are list items and at what level, which runs
// are bold (a bold "Label :" is a label), which cell of which table a
// paragraph sits in, what is page furniture (letterhead, footers, page
// numbers), where links point. The document importers (the docx and pdf
// plugins) describe a posting this way, and the posting parser reads it with
// the same rules as text and Markdown, letting the structure decide where the
// words cannot (docs/posting-structure.md).
#pragma once

#include <offerkit/export.hpp>

#include <offerkit/diagnostics.hpp>
#include <offerkit/importer.hpp>
#include <offerkit/job_offer.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace offerkit {

/// A byte range [begin, end) of a document line's text.
struct text_span {
    std::uint32_t begin = 0;
    std::uint32_t end = 0;
    friend bool operator==(const text_span&, const text_span&) = default;
};

/// One paragraph of the document (a Word paragraph, a paragraph rebuilt from
/// a PDF's lines), in the order the importer read it.
struct document_line {
    /// UTF-8, one paragraph (tabs and no-break spaces allowed). A '\n' is a
    /// manual line break (Word's Shift+Enter): the lines after it are read
    /// as lines of text (a value wrapped by hand goes on).
    std::string text;
    std::vector<text_span> bold;     ///< bold runs, in order, not overlapping
    std::vector<std::string> links;  ///< the targets of the hyperlinks in the paragraph
    /// The words each link is attached to, in the order of `links` ("télécharger");
    /// may be shorter than `links` (words unknown).
    std::vector<std::string> link_texts;
    int heading = 0;           ///< heading level, 1 (the title) to 6; 0: not a heading
    int list_level = 0;        ///< list item level, 1 for the top level; 0: not a list item
    int number = 0;            ///< the number of a numbered list item; 0: a bullet, or not an item
    std::uint32_t table = 0;   ///< the table it sits in, counted from 1 in reading order; 0: none
    std::uint32_t row = 0;     ///< row within the table, from 0
    std::uint32_t column = 0;  ///< column (cell) within the row, from 0
    bool furniture = false;    ///< letterhead, header, footer, page number: not the offer's text
    std::uint32_t page = 0;    ///< the page it starts on, from 1; 0: unknown (a Word document)
};

/// A posting document: its paragraphs in reading order (the importer's
/// order; table cells row by row, each cell's paragraphs in order).
struct posting_document {
    std::vector<document_line> lines;
    /// Found in the document's properties (Word's core title), used only when
    /// the text gives no title; may be empty.
    std::string title;
};

/// Parses a posting document. Diagnostics name `source_name` and the line's
/// number in `document.lines` (from 1). Lines marked `furniture` are not read.
/// Tables are read in the order their shape implies: a label|value table row
/// by row as "label : value", a grid whose first row holds the column titles
/// column by column, any other table cell by cell. Throws errc::invalid_utf8
/// when a line's text is not UTF-8, naming the line.
OFFERKIT_API job_offer parse_posting(const posting_document& document, const std::string& source_name,
                                     diagnostics& diags, fact_policy facts = fact_policy::repair);

/// The document as the Markdown the parser sees once the structure is read:
/// tables in their reading order, headings as `#`, list items as `-` or `1.`,
/// bold runs as `**`, link targets as `<…>` after their paragraph, furniture
/// left out. For looking at what an importer made of a document
/// (`offerkit convert --from docx --input-option markdown=true`).
OFFERKIT_API std::string to_markdown(const posting_document& document);

/// The import session of a format whose input is one posting document (a
/// Word document, a PDF print): it reads the input whole (up to
/// read_limits::max_file_bytes), has `read` describe it as a posting_document,
/// and parses that; the parser reports the rules with their lines. An
/// importer of another document format only writes `read`:
///
///     return std::make_unique<document_session>(std::move(input), options, "odt",
///         [](std::string_view bytes, const std::string& name) { return read_odt(bytes, name); });
class OFFERKIT_API document_session final : public import_session {
public:
    /// Describes the document held in `bytes`, named `name` in messages;
    /// throws offerkit::error for a document it cannot read.
    using document_reader = std::function<posting_document(std::string_view bytes, const std::string& name)>;

    document_session(input_source input, const read_options& options, std::string format, document_reader read);
    bool next(job_offer& out, diagnostics& diags) override;
    const source_location& location() const noexcept override;
    std::string_view format() const noexcept override;
    bool validates() const noexcept override;

private:
    input_source input_;
    std::size_t max_bytes_;
    fact_policy facts_;
    std::string format_;
    document_reader read_;
    source_location location_;
    bool done_ = false;
};

}  // namespace offerkit
