// posting/document_lines.cpp — a structured document as the parser's lines.
#include "posting/document_lines.hpp"

#include <offerkit/error.hpp>

#include "posting/text.hpp"

#include <algorithm>
#include <map>

namespace offerkit::posting {

namespace {

/// White space a Word or PDF text may hold: tabs, no-break and thin spaces
/// (read as one space); soft hyphens and zero-width characters (dropped).
/// Returns the length of the sequence at `i` and whether it is a space.
std::size_t special_space(std::string_view s, std::size_t i, bool& is_space_out) {
    const auto c = static_cast<unsigned char>(s[i]);
    is_space_out = true;
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c == 0xC2 && i + 1 < s.size()) {
        const auto d = static_cast<unsigned char>(s[i + 1]);
        if (d == 0xA0) return 2;  // U+00A0 no-break space
        if (d == 0xAD) {          // U+00AD soft hyphen
            is_space_out = false;
            return 2;
        }
    }
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
        const auto d = static_cast<unsigned char>(s[i + 2]);
        if ((d >= 0x80 && d <= 0x8A) || d == 0xAF) return 3;  // U+2000–U+200A, U+202F
        if (d == 0x8B || d == 0x8C || d == 0x8D) {            // U+200B–U+200D zero width
            is_space_out = false;
            return 3;
        }
    }
    if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
        static_cast<unsigned char>(s[i + 2]) == 0xBF) {  // U+FEFF
        is_space_out = false;
        return 3;
    }
    return 0;
}

/// The document line's text with its white space folded and trimmed, and
/// its bold runs moved to the new offsets (empty runs dropped, touching runs merged).
void clean_text(const document_line& d, text_line& out) {
    const std::string_view s = d.text;
    std::vector<std::uint32_t> at(s.size() + 1, 0);  // old offset -> new offset
    std::string& t = out.text;
    t.clear();
    t.reserve(s.size());
    bool pending = false;
    for (std::size_t i = 0; i < s.size();) {
        bool sp = false;
        const std::size_t n = special_space(s, i, sp);
        if (n > 0) {
            for (std::size_t k = 0; k < n; ++k) at[i + k] = static_cast<std::uint32_t>(t.size() + (pending ? 1 : 0));
            if (sp && !t.empty()) pending = true;
            i += n;
            continue;
        }
        if (pending) {
            t += ' ';
            pending = false;
        }
        if (const std::string_view lig = text::ligature_at(s, i); !lig.empty()) {  // "ﬁ" -> "fi"
            for (std::size_t k = 0; k < 3; ++k) at[i + k] = static_cast<std::uint32_t>(t.size());
            t += lig;
            i += 3;
            continue;
        }
        at[i] = static_cast<std::uint32_t>(t.size());
        t += s[i];
        ++i;
    }
    at[s.size()] = static_cast<std::uint32_t>(t.size());
    for (auto& a : at) a = std::min<std::uint32_t>(a, static_cast<std::uint32_t>(t.size()));
    for (const text_span& b : d.bold) {
        if (b.begin >= b.end || b.end > s.size()) continue;
        std::uint32_t from = at[b.begin], to = at[b.end];
        while (from < to && t[from] == ' ') ++from;
        while (to > from && t[to - 1] == ' ') --to;
        if (from >= to) continue;
        // runs that touch or are one space apart are one run ("**Date** **limite**")
        if (!out.bold_end.empty() && from <= out.bold_end.back() + 1) {
            out.bold_end.back() = std::max(out.bold_end.back(), to);
            continue;
        }
        out.bold_start.push_back(from);
        out.bold_end.push_back(to);
    }
}

/// Drops a typed bullet or number ("– ", "• ", "1. ") at the start, moving the bold runs.
void take_typed_marker(text_line& l) {
    const std::string_view rest = take_marker(l.text, l);
    const auto cut = static_cast<std::uint32_t>(l.text.size() - rest.size());
    if (cut == 0) return;
    l.text.erase(0, cut);
    std::size_t k = 0;
    for (std::size_t i = 0; i < l.bold_start.size(); ++i) {
        if (l.bold_end[i] <= cut) continue;
        l.bold_start[k] = l.bold_start[i] > cut ? l.bold_start[i] - cut : 0;
        l.bold_end[k] = l.bold_end[i] - cut;
        ++k;
    }
    l.bold_start.resize(k);
    l.bold_end.resize(k);
}

bool all_bold(const text_line& l) { return l.all_bold(); }

/// A label cell: one short paragraph whose only colon, if any, ends it.
bool label_like(const std::vector<const text_line*>& cell) {
    if (cell.size() != 1) return false;
    const std::string& t = cell[0]->text;
    if (t.empty() || t.size() > 80) return false;
    const std::size_t colon = t.find(':');
    return colon == std::string::npos || trim(std::string_view(t).substr(colon + 1)).empty();
}

struct table_cells {
    // cells[row][column]: the lines of that cell, in order
    std::vector<std::vector<std::vector<const text_line*>>> cells;
    std::size_t columns = 0;
};

enum class table_shape { cells, label_value, column_titles, records };

/// A cell that holds a phone number or an e-mail address: a table of people.
bool contact_like(const std::vector<const text_line*>& cell) {
    for (const text_line* l : cell) {
        if (l->text.find('@') != std::string::npos) return true;
        std::size_t digits = 0;
        for (char c : l->text) digits += c >= '0' && c <= '9';
        if (digits >= 6 && digits * 3 >= l->text.size()) return true;
    }
    return false;
}

table_shape shape_of(const table_cells& t) {
    const std::size_t rows = t.cells.size();
    if (rows == 0 || t.columns < 2) return table_shape::cells;
    // label | value: two columns, every row's first cell a label
    if (t.columns == 2) {
        std::size_t labels = 0, bold_labels = 0, colons = 0, bold_values = 0, pairs = 0;
        bool ok = true;
        for (const auto& row : t.cells) {
            if (row.empty() || row[0].empty()) continue;
            if (row.size() > 2 || !label_like(row[0])) {
                ok = false;
                break;
            }
            ++labels;
            if (all_bold(*row[0][0])) ++bold_labels;
            if (ends_with(trim(row[0][0]->text), ":")) ++colons;
            if (row.size() == 2 && !row[1].empty()) {
                ++pairs;
                if (std::all_of(row[1].begin(), row[1].end(), [](const text_line* l) { return all_bold(*l); }))
                    ++bold_values;
            }
        }
        const bool first_row_titles =
            rows >= 2 && t.cells[0].size() == 2 && !t.cells[0][0].empty() && !t.cells[0][1].empty() &&
            all_bold(*t.cells[0][0][0]) &&
            std::all_of(t.cells[0][1].begin(), t.cells[0][1].end(), [](const text_line* l) { return all_bold(*l); });
        // without bold or colons to say so, one row is two cells side by side, not a label and its value
        if (ok && labels > 0 && pairs > 0 && !first_row_titles &&
            (bold_labels > bold_values || colons * 2 >= labels || (bold_labels == 0 && labels >= 2)))
            return table_shape::label_value;
    }
    // column titles: the first row's cells are short titles, the rows below hold their items,
    // unless the rows are people (a name, a role, a phone, an e-mail): then each row is one
    if (rows >= 2 && t.cells[0].size() >= 2) {
        bool titles = true;
        for (const auto& cell : t.cells[0])
            if (!label_like(cell)) titles = false;
        bool people = false;
        for (std::size_t r = 1; r < rows; ++r)
            for (const auto& cell : t.cells[r]) people = people || contact_like(cell);
        if (titles && people) return table_shape::records;
        if (titles) return table_shape::column_titles;
    }
    return table_shape::cells;
}

/// Appends the lines of one table, in the order its shape implies.
void read_table(const table_cells& t, std::vector<text_line>& out) {
    switch (shape_of(t)) {
        case table_shape::label_value:
            for (const auto& row : t.cells) {
                if (row.empty()) continue;
                if (row[0].empty()) {
                    if (row.size() > 1)
                        for (const text_line* l : row[1]) out.push_back(*l);
                    continue;
                }
                text_line l = *row[0][0];
                std::string label = trim_trailing_marks(l.text, ":");
                l.bold_start.clear();
                l.bold_end.clear();
                l.text = label;
                l.bold_start.push_back(0);
                l.bold_end.push_back(static_cast<std::uint32_t>(label.size()));
                l.text += " :";
                l.bullet = false;
                l.number = 0;
                std::size_t first_value = 0;
                if (row.size() > 1 && !row[1].empty() && row[1][0]->list_level == 0) {
                    const text_line& v = *row[1][0];
                    const auto shift = static_cast<std::uint32_t>(l.text.size() + 1);
                    l.text += ' ';
                    l.text += v.text;
                    for (std::size_t k = 0; k < v.bold_start.size(); ++k) {
                        l.bold_start.push_back(v.bold_start[k] + shift);
                        l.bold_end.push_back(v.bold_end[k] + shift);
                    }
                    l.links.insert(l.links.end(), v.links.begin(), v.links.end());
                    first_value = 1;
                }
                out.push_back(std::move(l));
                if (row.size() > 1)
                    for (std::size_t k = first_value; k < row[1].size(); ++k) out.push_back(*row[1][k]);
            }
            return;
        case table_shape::column_titles:
            for (std::size_t c = 0; c < t.columns; ++c) {
                for (std::size_t r = 0; r < t.cells.size(); ++r) {
                    if (c >= t.cells[r].size()) continue;
                    for (const text_line* p : t.cells[r][c]) {
                        text_line l = *p;
                        if (r == 0) {
                            // a column's title reads as a bold title line
                            l.bold_start.assign(1, 0);
                            l.bold_end.assign(1, static_cast<std::uint32_t>(l.text.size()));
                        } else if (!l.bullet && !l.all_bold()) {
                            l.bullet = true;  // each paragraph under a column's title is one of its items
                            l.list_level = std::max(l.list_level, 1);
                        }
                        out.push_back(std::move(l));
                    }
                }
            }
            return;
        case table_shape::records:
            // the title row names the columns ("Nom", "Téléphone"): the rows say who
            for (std::size_t r = 1; r < t.cells.size(); ++r) {
                text_line l;
                for (const auto& cell : t.cells[r])
                    for (const text_line* p : cell) {
                        if (p->blank()) continue;
                        if (l.text.empty()) {
                            l.no = p->no;
                            l.from_document = true;
                            l.table = p->table;
                        } else {
                            l.text += " – ";
                        }
                        l.text += p->text;
                        l.links.insert(l.links.end(), p->links.begin(), p->links.end());
                    }
                if (!l.text.empty()) out.push_back(std::move(l));
            }
            return;
        case table_shape::cells:
            for (const auto& row : t.cells)
                for (const auto& cell : row)
                    for (const text_line* l : cell) out.push_back(*l);
            return;
    }
}

}  // namespace

std::vector<text_line> document_lines(const posting_document& document, const std::string& source_name) {
    // 1. each line cleaned, numbered from 1
    std::vector<text_line> cleaned;
    cleaned.reserve(document.lines.size());
    for (std::size_t i = 0; i < document.lines.size(); ++i) {
        const document_line& d = document.lines[i];
        const std::size_t bad = find_invalid_utf8(d.text);
        if (bad != std::string_view::npos)
            throw error(errc::invalid_utf8, source_name + ":" + std::to_string(i + 1) +
                                                ": invalid UTF-8 in the document's text at byte " +
                                                std::to_string(bad));
        if (d.furniture) {
            text_line l;
            l.no = i + 1;
            l.from_document = true;
            l.html_only = true;  // kept for line numbers, never read
            cleaned.push_back(std::move(l));
            continue;
        }
        // A manual line break (Word's Shift+Enter) cuts the paragraph into lines
        // that are read as lines of text: a value wrapped by hand goes on, an item
        // typed after a break is an item.
        std::size_t start = 0;
        for (bool first = true;; first = false) {
            const std::size_t nl = d.text.find('\n', start);
            const std::size_t end = nl == std::string::npos ? d.text.size() : nl;
            document_line piece;
            piece.text.assign(d.text, start, end - start);
            for (const text_span& b : d.bold) {
                if (b.end <= start || b.begin >= end) continue;
                piece.bold.push_back({static_cast<std::uint32_t>(std::max<std::size_t>(b.begin, start) - start),
                                      static_cast<std::uint32_t>(std::min<std::size_t>(b.end, end) - start)});
            }
            text_line l;
            l.no = i + 1;
            l.from_document = first;
            clean_text(piece, l);
            if (first) {
                l.heading = std::clamp(d.heading, 0, 6);
                l.list_level = std::max(d.list_level, 0);
                if (l.list_level > 0) {
                    l.bullet = true;
                    l.number = std::max(d.number, 0);
                }
                for (std::size_t k = 0; k < d.links.size(); ++k)
                    l.links.push_back({d.links[k], k < d.link_texts.size() ? d.link_texts[k] : std::string()});
            }
            take_typed_marker(l);
            if (l.bullet && l.list_level == 0) l.list_level = 1;
            l.table = d.table;
            l.row = d.row;
            l.column = d.column;
            if (first || !l.blank()) cleaned.push_back(std::move(l));
            if (nl == std::string::npos) break;
            start = nl + 1;
        }
    }
    // 2. tables in reading order
    std::vector<text_line> ordered;
    ordered.reserve(cleaned.size());
    for (std::size_t i = 0; i < cleaned.size();) {
        const std::uint32_t tab = cleaned[i].table;
        if (tab == 0 || cleaned[i].html_only) {
            ordered.push_back(std::move(cleaned[i]));
            ++i;
            continue;
        }
        table_cells t;
        std::size_t j = i;
        for (; j < cleaned.size() && cleaned[j].table == tab; ++j) {
            if (cleaned[j].html_only || cleaned[j].blank()) continue;
            const std::size_t r = cleaned[j].row, c = cleaned[j].column;
            if (r >= 4096 || c >= 64) continue;  // no real posting has such a table: its text stays readable
            if (t.cells.size() <= r) t.cells.resize(r + 1);
            if (t.cells[r].size() <= c) t.cells[r].resize(c + 1);
            t.cells[r][c].push_back(&cleaned[j]);
            t.columns = std::max(t.columns, c + 1);
        }
        std::erase_if(t.cells, [](const auto& row) {
            return std::all_of(row.begin(), row.end(), [](const auto& cell) { return cell.empty(); });
        });
        read_table(t, ordered);
        i = j;
    }
    // 3. paragraphs apart, as in Markdown: a blank line after each, but not between list items
    std::vector<text_line> lines;
    lines.reserve(ordered.size() * 2);
    for (std::size_t i = 0; i < ordered.size(); ++i) {
        if (ordered[i].blank() && !ordered[i].html_only) continue;
        const bool item = ordered[i].bullet;
        const std::size_t no = ordered[i].no;
        lines.push_back(std::move(ordered[i]));
        const bool next_item = i + 1 < ordered.size() && ordered[i + 1].bullet;
        // the lines after a manual break follow without a blank line, as wrapped text does
        const bool next_piece = i + 1 < ordered.size() && !ordered[i + 1].from_document;
        if (!(item && next_item) && !next_piece && !lines.back().html_only) {
            text_line blank;
            blank.no = no;
            blank.from_document = true;
            lines.push_back(std::move(blank));
        }
    }
    return lines;
}

}  // namespace offerkit::posting

namespace offerkit {

std::string to_markdown(const posting_document& document) {
    std::string md;
    const auto lines = posting::document_lines(document, "document");
    for (const auto& l : lines) {
        if (l.html_only) continue;
        if (l.blank()) {
            md += '\n';
            continue;
        }
        if (l.heading > 0) md.append(static_cast<std::size_t>(l.heading), '#') += ' ';
        if (l.bullet) {
            md.append(static_cast<std::size_t>(2 * std::max(l.list_level - 1, 0)), ' ');
            md += l.number > 0 ? std::to_string(l.number) + ". " : "- ";
        }
        std::size_t pos = 0;
        for (std::size_t k = 0; k < l.bold_start.size(); ++k) {
            md.append(l.text, pos, l.bold_start[k] - pos);
            md += "**";
            md.append(l.text, l.bold_start[k], l.bold_end[k] - l.bold_start[k]);
            md += "**";
            pos = l.bold_end[k];
        }
        md.append(l.text, pos, std::string::npos);
        for (const auto& u : l.links) md += " <" + u.url + ">";
        md += '\n';
    }
    return md;
}

}  // namespace offerkit
