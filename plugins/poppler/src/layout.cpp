// poppler/layout.cpp — words to paragraphs by geometry (layout.hpp).
#include "src/layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <string_view>

namespace offerkit::poppler_plugin {

namespace {

bool glyph_bullet(std::string_view w);

/// What starts a list item as a word of its own: a bullet glyph, a dash, "1.", "2)", "a)".
bool list_marker(std::string_view w) {
    if (glyph_bullet(w) || w == "-" || w == "\u2013" || w == "\u2014" || w == "*" || w == "o") return true;
    if (w.size() < 2 || w.size() > 3 || (w.back() != '.' && w.back() != ')')) return false;
    const std::string_view head = w.substr(0, w.size() - 1);
    bool digits = true;
    for (char c : head) digits = digits && c >= '0' && c <= '9';
    const bool letter = head.size() == 1 && ((head[0] >= 'a' && head[0] <= 'z') || (head[0] >= 'A' && head[0] <= 'Z'));
    return digits || letter;
}

struct line {
    std::vector<const pdf_word*> words;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0, size = 0;
    std::uint32_t page = 0;
    double page_height = 0;
    bool furniture = false;
    double height() const { return y1 - y0; }
};

void close_box(line& l) {
    l.x0 = l.words.front()->x0;
    l.x1 = l.words.front()->x1;
    l.y0 = l.words.front()->y0;
    l.y1 = l.words.front()->y1;
    l.size = 0;
    for (const pdf_word* w : l.words) {
        l.x0 = std::min(l.x0, w->x0);
        l.x1 = std::max(l.x1, w->x1);
        l.y0 = std::min(l.y0, w->y0);
        l.y1 = std::max(l.y1, w->y1);
        l.size = std::max(l.size, w->size);
    }
}

std::string line_text(const line& l) {
    std::string t;
    for (std::size_t i = 0; i < l.words.size(); ++i) {
        if (i > 0) t += ' ';
        t += l.words[i]->text;
    }
    return t;
}

/// The words of a page grouped into visual lines (same baseline band), each
/// cut where a gap wider than a column gutter separates its words: a line of a
/// two-column grid gives two lines, side by side.
std::vector<line> page_lines(const pdf_page& page, std::uint32_t page_no) {
    std::vector<const pdf_word*> ws;
    ws.reserve(page.words.size());
    for (const auto& w : page.words)
        if (!w.text.empty() && w.x1 >= w.x0 && w.y1 > w.y0 && std::isfinite(w.x0) && std::isfinite(w.y0) &&
            std::isfinite(w.x1) && std::isfinite(w.y1))
            ws.push_back(&w);
    std::stable_sort(ws.begin(), ws.end(), [](const pdf_word* a, const pdf_word* b) {
        const double ca = (a->y0 + a->y1) / 2, cb = (b->y0 + b->y1) / 2;
        if (std::abs(ca - cb) > 0.5) return ca < cb;
        return a->x0 < b->x0;
    });
    std::vector<std::vector<const pdf_word*>> bands;
    double band_center = 0, band_h = 0;
    for (const pdf_word* w : ws) {
        const double c = (w->y0 + w->y1) / 2, h = w->y1 - w->y0;
        if (!bands.empty() && std::abs(c - band_center) < 0.35 * std::min(h, band_h)) {
            bands.back().push_back(w);
            continue;
        }
        bands.emplace_back(1, w);
        band_center = c;
        band_h = h;
    }
    std::vector<line> out;
    for (auto& b : bands) {
        std::stable_sort(b.begin(), b.end(), [](const pdf_word* a, const pdf_word* c) { return a->x0 < c->x0; });
        // Justified text widens every space of a line alike: a gutter is a gap
        // much wider than the line's usual one, not just a wide gap.
        std::vector<double> gaps;
        for (std::size_t k = 1; k < b.size(); ++k) gaps.push_back(std::max(0.0, b[k]->x0 - b[k - 1]->x1));
        double usual = 0;
        if (gaps.size() >= 3) {
            std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
            usual = gaps[gaps.size() / 2];
        }
        line cur;
        cur.page = page_no;
        cur.page_height = page.height;
        for (const pdf_word* w : b) {
            if (!cur.words.empty()) {
                const pdf_word* prev = cur.words.back();
                const double gap = w->x0 - prev->x1;
                const double gutter = std::max({7.0, 1.0 * std::max(prev->size, w->size), 2.5 * usual});
                // a bullet or an item's number and its text are one line, however far apart
                const bool after_bullet = cur.words.size() == 1 && list_marker(prev->text);
                if (gap > gutter && !after_bullet) {
                    close_box(cur);
                    out.push_back(std::move(cur));
                    cur = line{};
                    cur.page = page_no;
                    cur.page_height = page.height;
                }
            }
            cur.words.push_back(w);
        }
        if (!cur.words.empty()) {
            close_box(cur);
            out.push_back(std::move(cur));
        }
    }
    return out;
}

/// "Page 2 / 3", "2/3", "- 2 -", "2", "3134-26-0422/SR – Page 1 / 3": a page
/// number, alone or after the reference (`key` has its digits as '#').
bool page_number_like(std::string_view key) {
    std::string k, compact;
    for (char c : key) k += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    for (char c : k)
        if (c != ' ' && c != '-' && c != '/' && c != '#' && c != '.') compact += c;
    if (compact.empty() || compact == "page" || compact == "p") return true;
    for (std::string_view marker : {"page #", "page: #", "p. #"})
        if (k.find(marker) != std::string::npos) return true;
    return false;
}

/// Letterhead and footers: a line in the top or bottom margin whose text
/// (digits aside) comes back on another page, or a page number there.
void mark_furniture(std::vector<std::vector<line>>& pages) {
    auto in_margin = [](const line& l) {
        return l.page_height > 0 && (l.y1 < 0.13 * l.page_height || l.y0 > 0.88 * l.page_height);
    };
    auto key = [](const line& l) {
        std::string k = line_text(l);
        for (char& c : k)
            if (c >= '0' && c <= '9') c = '#';
        return k;
    };
    std::map<std::string, std::size_t> seen;  // key -> pages it is on
    for (const auto& p : pages) {
        std::vector<std::string> keys;
        for (const auto& l : p)
            if (in_margin(l)) keys.push_back(key(l));
        std::sort(keys.begin(), keys.end());
        keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
        for (auto& k : keys) ++seen[k];
    }
    for (auto& p : pages)
        for (auto& l : p) {
            if (!in_margin(l)) continue;
            const std::string k = key(l);
            if ((pages.size() > 1 && seen[k] >= 2) || page_number_like(k)) l.furniture = true;
        }
}

constexpr std::string_view glyph_bullets[] = {"\u2022", "\uF0B7", "\u25AA", "\u25CF", "\u25E6", "\u25A0",
                                              "\u27A2", "\uF0A7", "\uF0D8", "\u2023", "\u2043", "\u25BA"};

/// A bullet glyph that is not text: the word is only the glyph.
bool glyph_bullet(std::string_view w) {
    for (auto b : glyph_bullets)
        if (w == b) return true;
    return false;
}
/// A line that starts an item: a glyph, or a typed dash or bullet.
bool starts_item(const line& l) {
    const std::string_view w = l.words.front()->text;
    if (glyph_bullet(w)) return true;
    for (auto b : glyph_bullets)
        if (w.substr(0, b.size()) == b) return true;
    return w == "-" || w == "\u2013" || w == "\u2014" || w == "*";
}

/// The first code point of `s` is a lower-case letter (ASCII or Latin-1/Extended-A).
bool starts_lower(std::string_view s) {
    if (s.empty()) return false;
    const auto c = static_cast<unsigned char>(s[0]);
    if (c >= 'a' && c <= 'z') return true;
    if (c == 0xC3 && s.size() > 1) return static_cast<unsigned char>(s[1]) >= 0x9F;  // ß à … ÿ
    return false;
}
bool ends_lower_hyphen(std::string_view s) {
    if (s.size() < 3 || s.back() != '-') return false;
    const auto c = static_cast<unsigned char>(s[s.size() - 2]);
    return (c >= 'a' && c <= 'z') || c >= 0x80;
}

struct paragraph_builder {
    document_line out;
    bool open = false;
    double top = 0, first_x0 = 0, last_x0 = 0, last_x1 = 0, last_y1 = 0, last_height = 0, size = 0, text_x0 = 0;
    std::uint32_t last_page = 0;
};

class assembler {
public:
    assembler(posting_document& doc, double body_size, std::vector<double> heading_sizes)
        : doc_(doc), body_size_(body_size), heading_sizes_(std::move(heading_sizes)) {}

    /// Reads one stream of lines (the page's full width, or one column),
    /// whose right edge is `right`, into paragraphs.
    void stream(const std::vector<const line*>& lines, double right, std::uint32_t table, std::uint32_t row,
                std::uint32_t column) {
        paragraph_builder p;
        double left = lines.empty() ? 0 : lines.front()->x0;
        for (const line* l : lines) left = std::min(left, l->x0);
        for (const line* l : lines) {
            // a typed dash starts an item at the paragraph's left edge, not inside a centred title
            const bool item = starts_item(*l) && (!p.open || glyph_bullet(l->words.front()->text) ||
                                                  l->x0 <= p.first_x0 + 2 || p.out.list_level > 0 || l->x0 <= left + 2);
            bool cont = p.open && !item;
            if (cont) {
                const bool same_page = l->page == p.last_page;
                const double gap = l->y0 - p.last_y1;
                const double first_word = l->words.front()->x1 - l->words.front()->x0;
                // the line ended early: the next one's first word would have fitted
                bool room_left = p.last_x1 + first_word + 0.6 * p.size < right;
                // … but centred lines (a title) end early and go on
                const bool centred = p.last_x0 > left + 10 && std::abs((l->x0 + l->x1) - (p.last_x0 + p.last_x1)) < 6;
                if (centred) room_left = false;
                const bool size_change = std::abs(l->size - p.size) > 0.6;
                const bool indented_less = p.out.list_level > 0 && l->x0 < p.text_x0 - 3;
                cont = !size_change && !room_left && !indented_less &&
                       (!same_page || (gap < 0.45 * std::max(p.last_height, 1.0) && gap > -p.last_height));
            }
            if (!cont) {
                flush(p);
                p = paragraph_builder{};
                p.open = true;
                p.size = l->size;
                p.out.table = table;
                p.out.row = row;
                p.out.column = column;
                p.out.page = l->page;
                p.top = l->y0 + 10000.0 * l->page;
            }
            if (!cont) p.first_x0 = l->x0;
            append(p, *l, item && !cont);
            p.last_x0 = l->x0;
            p.last_x1 = l->x1;
            p.last_y1 = l->y1;
            p.last_height = l->height();
            p.last_page = l->page;
        }
        flush(p);
    }

    void furniture(const line& l) {
        document_line d;
        d.text = line_text(l);
        d.furniture = true;
        d.page = l.page;
        doc_.lines.push_back(std::move(d));
        tops_.push_back(l.y0);
    }

private:
    void append(paragraph_builder& p, const line& l, bool first_of_item) {
        std::string& t = p.out.text;
        std::size_t from = 0;
        if (first_of_item && glyph_bullet(l.words.front()->text)) {
            p.out.list_level = 1;
            from = 1;  // the glyph is layout, not text
            p.text_x0 = l.words.size() > 1 ? l.words[1]->x0 : l.x0;
        } else if (first_of_item) {
            p.text_x0 = l.words.size() > 1 ? l.words[1]->x0 : l.x0;
        } else if (t.empty()) {
            p.text_x0 = l.x0;
        }
        for (std::size_t i = from; i < l.words.size(); ++i) {
            const pdf_word& w = *l.words[i];
            if (!t.empty()) {
                if (i == from && ends_lower_hyphen(t) && starts_lower(w.text))
                    t.pop_back();  // "recrute-" / "ment": a word hyphenated at the line's end
                else if (!(i == from && !t.empty() && t.back() == '-' && t.size() > 1 && t[t.size() - 2] != ' '))
                    t += ' ';
            }
            const auto b = static_cast<std::uint32_t>(t.size());
            t += w.text;
            if (!w.link.empty()) {  // the link's target, and the words it covers
                auto at = std::find(p.out.links.begin(), p.out.links.end(), w.link);
                const auto slot = static_cast<std::size_t>(at - p.out.links.begin());
                if (at == p.out.links.end()) p.out.links.push_back(w.link);
                if (p.out.link_texts.size() <= slot) p.out.link_texts.resize(slot + 1);
                std::string& words = p.out.link_texts[slot];
                words += (words.empty() ? "" : " ") + w.text;
            }
            if (w.bold) {
                auto& spans = p.out.bold;
                if (!spans.empty() && spans.back().end + 1 >= b)
                    spans.back().end = static_cast<std::uint32_t>(t.size());
                else
                    spans.push_back({b, static_cast<std::uint32_t>(t.size())});
            }
        }
    }

    void flush(paragraph_builder& p) {
        if (!p.open || p.out.text.empty()) return;
        if (p.out.list_level == 0 && p.size >= 1.2 * body_size_) {
            int level = 1;
            for (double s : heading_sizes_)
                if (s > p.size + 0.3) ++level;
            p.out.heading = std::min(level, 6);
        }
        doc_.lines.push_back(std::move(p.out));
        tops_.push_back(p.top);
        p.open = false;
    }

public:
    /// A label|value table: the paragraphs of column 0 are labels (short, a
    /// colon at most at their end); each paragraph of another column is put in
    /// the row of the label level with it or above it.
    void rows_by_alignment(std::size_t first) {
        std::vector<double> label_tops;
        for (std::size_t i = first; i < doc_.lines.size(); ++i) {
            const document_line& d = doc_.lines[i];
            if (d.column != 0) continue;
            const std::size_t colon = d.text.find(':');
            if (d.text.size() > 80 || (colon != std::string::npos && colon + 1 < d.text.size() &&
                                       d.text.find_first_not_of(' ', colon + 1) != std::string::npos))
                return;  // not a label: a grid of "Label : value" paragraphs, read column by column
            label_tops.push_back(tops_[i]);
        }
        if (label_tops.size() < 2) return;
        std::uint32_t row = 0;
        for (std::size_t i = first; i < doc_.lines.size(); ++i) {
            document_line& d = doc_.lines[i];
            if (d.column == 0) {
                d.row = row++;
                continue;
            }
            std::uint32_t r = 0;
            for (std::size_t k = 0; k < label_tops.size(); ++k)
                if (label_tops[k] <= tops_[i] + 3) r = static_cast<std::uint32_t>(k);
            d.row = r;
        }
    }
    std::size_t size() const noexcept { return doc_.lines.size(); }
    /// Adds `offset` to the rows of the lines from `first`; returns the row after the last.
    std::uint32_t shift_rows(std::size_t first, std::uint32_t offset) {
        std::uint32_t next = offset;
        for (std::size_t i = first; i < doc_.lines.size(); ++i) {
            doc_.lines[i].row += offset;
            next = std::max(next, doc_.lines[i].row + 1);
        }
        return next;
    }

private:
    posting_document& doc_;
    std::vector<double> tops_;  // the top of each paragraph of doc_.lines
    double body_size_;
    std::vector<double> heading_sizes_;
};

struct region {
    std::vector<double> starts;  // column start x, ascending
    std::vector<std::vector<const line*>> columns;
    double bottom = 0;
};

/// The column a line of a region belongs to, or -1 when it crosses a column boundary.
int column_of(const region& r, const line& l) {
    int c = -1;
    for (std::size_t k = 0; k < r.starts.size(); ++k)
        if (l.x0 >= r.starts[k] - 4) c = static_cast<int>(k);
    if (c < 0) return -1;
    if (static_cast<std::size_t>(c) + 1 < r.starts.size() && l.x1 > r.starts[static_cast<std::size_t>(c) + 1] - 2)
        return -1;
    return c;
}

}  // namespace

bool bold_font_name(std::string_view f) noexcept {
    const std::size_t plus = f.find('+');
    if (plus == 6) f.remove_prefix(7);  // the subset tag "ABCDEF+"
    auto has = [&](std::string_view w) {
        for (std::size_t i = 0; i + w.size() <= f.size(); ++i) {
            bool eq = true;
            for (std::size_t k = 0; k < w.size() && eq; ++k) {
                char c = f[i + k];
                if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
                eq = c == w[k];
            }
            if (eq) return true;
        }
        return false;
    };
    return has("bold") || has("black") || has("heavy") || has("semibold") || has("demi") || has(",b") ||
           (f.size() > 2 && (f.substr(f.size() - 2) == "-B" || f.substr(f.size() - 3) == "-BD"));
}

posting_document layout_document(const std::vector<pdf_page>& pages) {
    std::vector<std::vector<line>> lines(pages.size());
    for (std::size_t p = 0; p < pages.size(); ++p) lines[p] = page_lines(pages[p], static_cast<std::uint32_t>(p + 1));
    mark_furniture(lines);
    // the body's size: the size most characters have; larger ones are headings
    std::map<double, std::size_t> chars;
    for (const auto& p : lines)
        for (const auto& l : p)
            if (!l.furniture)
                for (const pdf_word* w : l.words) chars[std::round(w->size * 2) / 2] += w->text.size();
    double body = 10;
    std::size_t best = 0;
    for (const auto& [s, n] : chars)
        if (n > best) best = n, body = s;
    std::vector<double> heading_sizes;
    for (const auto& [s, n] : chars)
        if (s >= 1.2 * body) heading_sizes.push_back(s);

    posting_document doc;
    assembler a(doc, body, heading_sizes);
    // the right edge of the body text: the widest lines' end, per page
    std::vector<const line*> flow;  // full-width lines waiting for their paragraphs
    double right = 0;
    for (const auto& p : lines)
        for (const auto& l : p)
            if (!l.furniture) right = std::max(right, l.x1);
    std::uint32_t tables = 0;
    std::vector<const line*> furniture;
    struct {
        std::uint32_t table = 0, page = 0, next_row = 0;
        std::vector<double> starts;
        std::size_t end = 0;  // the document's size after it: nothing came between when it is unchanged
    } last;
    auto flush_flow = [&] {
        a.stream(flow, right, 0, 0, 0);
        flow.clear();
    };
    for (const auto& p : lines) {
        for (std::size_t i = 0; i < p.size();) {
            const line& l = p[i];
            if (l.furniture) {  // kept aside: a paragraph may go on across the page break
                furniture.push_back(&l);
                ++i;
                continue;
            }
            // side by side: this line and the next one share a band -> a column region starts
            const bool side_by_side = i + 1 < p.size() && !p[i + 1].furniture && p[i + 1].x0 > l.x1 &&
                                      std::abs(p[i + 1].y0 - l.y0) < 0.5 * l.height();
            if (!side_by_side) {
                flow.push_back(&l);
                ++i;
                continue;
            }
            flush_flow();
            region r;
            std::size_t j = i;
            // the columns' starts: the lines sharing the first band
            while (j < p.size() && std::abs(p[j].y0 - l.y0) < 0.5 * l.height() && !p[j].furniture) {
                r.starts.push_back(p[j].x0);
                ++j;
            }
            r.columns.resize(r.starts.size());
            const double size = l.size;
            std::vector<double> col_bottom(r.starts.size(), 0);
            for (std::size_t k = i; k < j; ++k) {
                r.columns[k - i].push_back(&p[k]);
                col_bottom[k - i] = p[k].y1;
            }
            const double gap_limit = 2.5 * l.height();
            const line* last_line = nullptr;  // the region's line added last
            const line* last_left = nullptr;  // … and in column 0
            std::size_t last_column = 0;
            for (std::size_t k = i; k < j; ++k) {
                last_line = &p[k];
                last_column = k - i;
                if (k == i) last_left = &p[k];
            }
            for (; j < p.size(); ++j) {
                const line& m = p[j];
                if (m.furniture) break;
                // A value at a tab stop that wraps goes back to the margin: the line right
                // under a full line of a later column goes on with that column, unless the
                // text beside it in column 0 was full too (then it is column 0's wrap).
                const double first_word = m.words.front()->x1 - m.words.front()->x0;
                const bool later_full =
                    last_line && last_column > 0 && last_line->x1 + first_word + 0.6 * last_line->size >= right;
                const bool left_had_room =
                    last_left && std::abs(last_left->y0 - last_line->y0) < 0.5 * m.height() &&
                    // clear room, beyond a cell's padding
                    last_left->x1 + first_word + 0.6 * m.size < r.starts[1] - 0.15 * (r.starts[1] - r.starts[0]);
                if (later_full && left_had_room && m.y0 - last_line->y1 < 0.45 * last_line->height() &&
                    m.y0 > last_line->y0 && std::abs(m.size - last_line->size) <= 0.6 && !starts_item(m)) {
                    r.columns[last_column].push_back(&m);
                    col_bottom[last_column] = m.y1;
                    last_line = &m;
                    continue;
                }
                const int c = column_of(r, m);
                if (c < 0) break;
                const auto cu = static_cast<std::size_t>(c);
                const double last_any = *std::max_element(col_bottom.begin(), col_bottom.end());
                if (m.y0 - last_any > gap_limit) break;
                // a line in another size (a heading) is the text after the grid
                if (std::abs(m.size - size) > 0.6) break;
                r.columns[cu].push_back(&m);
                col_bottom[cu] = m.y1;
                last_line = &m;
                last_column = cu;
                if (cu == 0) last_left = &m;
            }
            // a table cut by a page break goes on: the same columns at the top of the next page
            const bool continued = last.table != 0 && last.page + 1 == l.page && last.end == a.size() && flow.empty() &&
                                   last.starts.size() == r.starts.size() &&
                                   std::equal(r.starts.begin(), r.starts.end(), last.starts.begin(),
                                              [](double x, double y) { return std::abs(x - y) < 3; });
            const std::uint32_t table = continued ? last.table : ++tables;
            const std::size_t first = a.size();
            for (std::size_t c = 0; c < r.columns.size(); ++c) {
                const double col_right =
                    c + 1 < r.starts.size() ? r.starts[c + 1] - 4 : right;  // the next column's start
                double widest = 0;
                for (const line* m : r.columns[c]) widest = std::max(widest, m->x1);
                a.stream(r.columns[c], std::min(col_right, std::max(widest, r.starts[c] + 1)), table, 0,
                         static_cast<std::uint32_t>(c));
            }
            if (r.columns.size() == 2) a.rows_by_alignment(first);
            const std::uint32_t offset = continued ? last.next_row : 0;
            last.next_row = a.shift_rows(first, offset);
            last.table = table;
            last.page = l.page;
            last.starts = r.starts;
            last.end = a.size();
            i = j;
        }
    }
    flush_flow();
    for (const line* l : furniture) a.furniture(*l);
    return doc;
}

}  // namespace offerkit::poppler_plugin
