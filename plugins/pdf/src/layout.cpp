// The flyer layout on the libharu layer (haru.hpp): the offer's blocks measured
// and broken into lines, each line saying whether a page may break before it;
// the pages planned (plan_pages), then drawn; footers drawn once the page count
// is known. Then flyer_document's entry points.
#include "haru.hpp"

namespace offerkit::pdf_plugin {

namespace {

class flyer {
public:
    flyer(flyer_document::impl& d, const job_offer& o, const brand& b, const std::string& lang, bool one_page)
        : d_(d), o_(o), b_(b), lang_(lang), l_(labels_for(lang)), one_page_(one_page) {
        const font_choice fc = flyer_fonts(o_, b_);
        faces_ = {&d_.load_font(fc.regular, fc.winansi), &d_.load_font(fc.bold, fc.winansi)};
        if (!b_.logo.empty()) logo_ = d_.load_image(b_.logo);
        // Text on the brand's colours reads at 4.5:1 at least (WCAG AA): a colour
        // that fails is darkened for the band, the headings and the deadline box
        // (pdf_exporter.cpp warns); the stripes and rules keep the brand's own.
        primary_ = darkened_for_contrast(b_.primary, white, 4.5);
        accent_text_ = darkened_for_contrast(b_.accent, white, 4.5);
        tint_ = mix(b_.primary, white, 0.93);
        rule_ = mix(b_.primary, white, 0.72);
        org_ = clean_text(b_.organisation.empty() ? o_.employer : b_.organisation);
        ref_ = clean_text(o_.reference);
        first_index_ = d_.pages;
        if (d_.lang.empty()) d_.lang = lang_;
        // The offer's structure: a section of the document; the band's logo, organisation, kind and reference first.
        sect_ = tree().add("Sect", structure_tree::document);
        if (logo_) logo_tag_ = tree().add("Figure", sect_, org_.empty() ? std::string("logo") : org_);
        org_tag_ = tree().add("P", sect_);
        kind_tag_ = tree().add("P", sect_);
    }

    void render() {
        if (one_page_)
            build_one_page();
        else
            build();
        place();
        footers();
    }

    std::vector<std::string> warnings;
    std::vector<flyer_document::impl::booklet_entry::section> sections;  // where each heading is

    /// What a booklet's navigation needs of this offer (after render).
    flyer_document::impl::booklet_entry entry() const {
        return {ref_.empty() ? clean_text(o_.title) : ref_ + " – " + clean_text(o_.title),
                first_index_,
                pages_.empty() ? nullptr : pages_.front(),
                faces_,
                primary_,
                sections};
    }

private:
    // ---- measuring and breaking -----------------------------------------------------------

    double width(font_style st, std::string_view s, double size) { return faces_[st]->measure(s, size); }

    struct token {
        font_style style;
        rgb color;
        std::string text;
        bool space_before;
        double w;
    };

    /// Splits a word wider than `avail` into pieces, preferring breaks after / - _ . @
    /// Linear in the word's length: the word is measured once, and each piece
    /// scans only the characters it takes (a 400,000-character word is cut in
    /// one pass, not measured again after each cut).
    std::vector<std::string> split_word(font_style st, const std::string& w, double size, double avail) {
        std::vector<std::string> pieces;
        face& fc = *faces_[st];
        std::int64_t rest_units = 0;  // exact, as measure() counts
        for (std::size_t i = 0; i < w.size();) rest_units += fc.width(next(w, i));
        std::size_t pos = 0;
        while (pos < w.size() && static_cast<double>(rest_units) * size / 1000.0 > avail) {
            // longest prefix that fits (at least one code point)
            std::size_t i = pos, fit = 0, brk = 0, hyphen = 0;  // fit, brk, hyphen: lengths from pos
            std::int64_t units = 0, fit_units = 0, brk_units = 0, hyphen_units = 0;
            double acc = 0;
            while (i < w.size()) {
                std::size_t j = i;
                const char32_t cp = next(w, j);
                const std::int32_t cw = fc.width(cp);
                acc += cw * size / 1000.0;
                if (acc > avail && fit > 0) break;
                units += cw;
                fit = j - pos;
                fit_units = units;
                // break after a slash, dot, underscore, @, ? & = (a hyphen at a line end would be
                // taken for a hyphenation by text extraction, so it is the last resort)
                if (cp == '/' || cp == '_' || cp == '.' || cp == '@' || cp == '?' || cp == '&' || cp == '=') {
                    brk = j - pos;
                    brk_units = units;
                }
                if (cp == '-') {
                    hyphen = j - pos;
                    hyphen_units = units;
                }
                i = j;
            }
            if (brk == 0 || brk * 2 < fit) {
                brk = hyphen;
                brk_units = hyphen_units;
            }
            const bool at_break = brk > 0 && brk * 2 >= fit && brk < w.size() - pos;
            const std::size_t cut = at_break ? brk : fit;
            pieces.push_back(w.substr(pos, cut));
            rest_units -= at_break ? brk_units : fit_units;
            pos += cut;
        }
        if (pos < w.size()) pieces.push_back(w.substr(pos));
        return pieces;
    }

    /// Breaks spans into lines of at most `w_first` (first line) / `w_rest` points.
    std::vector<std::vector<token>> wrap(const std::vector<span>& spans, double size, double w_first, double w_rest) {
        std::vector<token> toks;
        bool pending_space = false;  // the previous span ended with a space
        for (const auto& sp : spans) {
            const std::string t = clean_text(sp.text);
            const bool lead = !sp.text.empty() && static_cast<unsigned char>(sp.text.front()) <= ' ';
            const bool trail = !sp.text.empty() && static_cast<unsigned char>(sp.text.back()) <= ' ';
            bool space = pending_space || lead;
            std::size_t i = 0;
            while (i < t.size()) {
                std::size_t j = t.find(' ', i);
                if (j == std::string::npos) j = t.size();
                if (j > i) toks.push_back({sp.style, sp.color, t.substr(i, j - i), space && !toks.empty(), 0});
                space = true;
                i = j + 1;
            }
            pending_space = t.empty() ? (pending_space || lead || trail) : trail;
        }
        std::vector<std::vector<token>> lines(1);
        double x = 0;
        for (auto& tk : toks) {
            const double avail = lines.size() == 1 ? w_first : w_rest;
            tk.w = width(tk.style, tk.text, size);
            const double sp = (tk.space_before && !lines.back().empty())
                                  ? faces_[lines.back().back().style]->width(' ') * size / 1000.0
                                  : 0;
            if (!lines.back().empty() && x + sp + tk.w <= avail) {
                lines.back().push_back(tk);
                x += sp + tk.w;
                continue;
            }
            if (!lines.back().empty()) {
                lines.emplace_back();
                x = 0;
            }
            const double avail2 = lines.size() == 1 ? w_first : w_rest;
            if (tk.w <= avail2) {
                lines.back().push_back(tk);
                x = tk.w;
                continue;
            }
            auto pieces = split_word(tk.style, tk.text, size, avail2);
            for (std::size_t k = 0; k < pieces.size(); ++k) {
                if (k > 0) lines.emplace_back();
                // Not a copy of `tk`: that would copy the whole word for every piece.
                const double pw = width(tk.style, pieces[k], size);
                lines.back().push_back({tk.style, tk.color, std::move(pieces[k]), tk.space_before, pw});
                x = pw;
            }
        }
        if (lines.back().empty()) lines.pop_back();
        return lines;
    }

    /// Tokens of one line into runs starting at `x0`.
    std::vector<run> runs_of(const std::vector<token>& line, double size, double x0) {
        std::vector<run> rs;
        double x = x0;
        for (std::size_t k = 0; k < line.size(); ++k) {
            const token& tk = line[k];
            if (k > 0 && tk.space_before) {
                rs.back().text += ' ';
                x += faces_[rs.back().style]->width(' ') * size / 1000.0;
            }
            if (rs.empty() || rs.back().style != tk.style || !(rs.back().color == tk.color))
                rs.push_back({tk.style, size, tk.color, x, {}});
            rs.back().text += tk.text;
            x += tk.w;
        }
        return rs;
    }

    /// `lines` cut to `n`, the last one ending with "…" within `w` (the words
    /// that no longer fit it dropped; a single piece of a word shortened).
    void cap_lines(std::vector<std::vector<token>>& lines, std::size_t n, double size, double w) {
        if (lines.size() <= n) return;
        lines.resize(n);
        auto& last = lines.back();
        auto line_w = [&] {
            double x = 0;
            for (std::size_t k = 0; k < last.size(); ++k)
                x += (k > 0 && last[k].space_before ? faces_[last[k - 1].style]->width(' ') * size / 1000.0 : 0) +
                     last[k].w;
            return x;
        };
        const token first = last.front();
        const double ellipsis = width(first.style, "…", size);
        while (!last.empty() && line_w() + ellipsis > w) last.pop_back();
        if (last.empty()) {
            const std::string t = fit(first.style, first.text + "…", size, w);
            last.push_back({first.style, first.color, t, false, width(first.style, t, size)});
            return;
        }
        last.back().text += "…";
        last.back().w += ellipsis;
    }

    /// Where a list item stands in its list (count 0: not a list item).
    struct list_position {
        std::size_t index, count;
    };

    /// Adds a wrapped paragraph (optionally with a bullet) to the flow. A page
    /// may break inside it only with two lines at least on either side (a
    /// paragraph of four lines or fewer stays whole), and not before the second
    /// item of a list or its last one (no item alone on a page).
    void paragraph(const std::vector<span>& spans, double size, double leading, double x, double w, double gap,
                   const char* bullet = nullptr, list_position pos = {0, 0}, std::size_t max_lines = 0) {
        const double text_x = bullet ? x + bullet_indent : x;
        // P, or for a list item LI (Lbl: the bullet, LBody: the text) in the current list
        int tag = structure_tree::none, label = structure_tree::none;
        if (bullet) {
            if (list_ == structure_tree::none || pos.index == 0) list_ = tree().add("L", sect_);
            const int item = tree().add("LI", list_);
            label = tree().add("Lbl", item);
            tag = tree().add("LBody", item);
        } else {
            tag = tree().add("P", sect_);
        }
        auto lines = wrap(spans, size, w - (text_x - x), w - (text_x - x));
        if (max_lines > 0) cap_lines(lines, max_lines, size, w - (text_x - x));
        for (std::size_t i = 0; i < lines.size(); ++i) {
            element e;
            e.gap_before = i == 0 ? gap : 0;
            e.height = leading;
            e.size = size;
            if (i == 0 && bullet) e.runs.push_back({regular, size, accent_text_, x + 3, bullet});
            auto rs = runs_of(lines[i], size, text_x);
            e.runs.insert(e.runs.end(), rs.begin(), rs.end());
            e.tag = tag;
            if (i == 0 && bullet) e.label = label;
            const std::size_t n = lines.size();
            if (i > 0)
                e.no_break_before = n <= 4 || i < 2 || i + 2 > n;
            else if (pos.count >= 2)
                e.no_break_before = pos.index == 1 || pos.index + 1 == pos.count;
            flow_.push_back(std::move(e));
        }
    }

    void heading(const char* text) {
        auto lines = wrap({{bold, text, primary_}}, heading_size, content_w, content_w);
        const int tag = tree().add("H2", sect_);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            element e;
            e.gap_before = i == 0 ? heading_gap : 0;
            e.height = heading_leading + (i + 1 == lines.size() ? 6 : 0);
            e.size = heading_size;
            e.runs = runs_of(lines[i], heading_size, margin_x);
            e.keep_with_next = true;
            e.heading_rule = i + 1 == lines.size();
            e.tag = tag;
            if (i == 0) e.outline = text;
            flow_.push_back(std::move(e));
        }
    }

    void subheading(const std::string& text) {
        auto lines = wrap({{bold, text, mix(primary_, text_dark, 0.35)}}, sub_size, content_w, content_w);
        const int tag = tree().add("H3", sect_);
        for (std::size_t i = 0; i < lines.size(); ++i) {
            element e;
            e.tag = tag;
            e.gap_before = i == 0 ? sub_gap : 0;
            e.height = sub_leading;
            e.size = sub_size;
            e.runs = runs_of(lines[i], sub_size, margin_x);
            e.keep_with_next = true;
            flow_.push_back(std::move(e));
        }
    }

    /// A bulleted list, one item per entry.
    void list(const std::vector<std::vector<span>>& items) {
        for (std::size_t k = 0; k < items.size(); ++k)
            paragraph(items[k], body_size, body_leading, margin_x, content_w, 3, "•", {k, items.size()});
    }
    void bullets(const std::vector<std::string>& items) {
        std::vector<std::vector<span>> shown;
        for (const auto& it : items)
            if (!clean_text(it).empty()) shown.push_back({{regular, it}});
        list(shown);
    }
    /// The entries of `items` with text, each saying whether it belongs to a
    /// list announced by a lead-in ending with a colon ("… par :", "Pièces à
    /// fournir :"): the short entries after it, up to the next lead-in or a
    /// note ("(1) …", "*…").
    static std::vector<std::pair<std::string, bool>> announced_lists(const std::vector<std::string>& items) {
        std::vector<std::pair<std::string, bool>> out;
        bool after_lead_in = false;
        for (const auto& it : items) {
            const std::string t = clean_text(it);
            if (t.empty()) continue;
            const bool lead_in = t.back() == ':';
            const bool listed = after_lead_in && !lead_in && t.size() <= 240 && t.front() != '(' && t.front() != '*';
            out.emplace_back(it, listed);
            if (!listed) after_lead_in = lead_in;
        }
        return out;
    }

    /// Paragraphs, the lists they announce drawn as lists.
    void paragraphs(const std::vector<std::string>& items) {
        std::vector<std::string> announced;
        for (const auto& [text, listed] : announced_lists(items)) {
            if (listed) {
                announced.push_back(text);
                continue;
            }
            bullets(announced);
            announced.clear();
            paragraph({{regular, text}}, body_size, body_leading, margin_x, content_w, 5);
        }
        bullets(announced);
    }
    static bool any_text(const std::vector<std::string>& v) {
        return std::any_of(v.begin(), v.end(), [](const std::string& s) { return !clean_text(s).empty(); });
    }

    // ---- content --------------------------------------------------------------------------

    std::string date_text(const std::optional<date>& dt) { return dt ? long_date(*dt, lang_) : std::string(); }

    std::vector<std::pair<std::string, std::string>> facts() {
        std::vector<std::pair<std::string, std::string>> rows;
        auto add = [&](const char* label, const std::string& v) {
            std::string c = clean_text(v);
            if (!c.empty()) rows.emplace_back(label, std::move(c));
        };
        std::string ref = o_.reference;
        if (o_.reference_date && !clean_text(ref).empty())
            ref += std::string(" ") + l_.of_date + " " + medium_date(*o_.reference_date, lang_);
        add(l_.reference, ref);
        add(l_.direction, o_.direction.value_or(""));
        add(l_.unit, o_.unit.value_or(""));
        add(l_.grade, o_.grade.value_or(""));
        add(l_.job_family, o_.job_family.value_or(""));
        add(l_.location, o_.location.value_or(""));
        add(l_.posted_on, date_text(o_.posted_on));
        {
            std::string a = clean_text(o_.availability.value_or(""));
            if (a.empty() && o_.available_from) a = medium_date(*o_.available_from, lang_);
            if (o_.openings && *o_.openings > 0) {
                std::string n = *o_.openings == 1 ? std::string(l_.openings_one)
                                                  : std::to_string(*o_.openings) + " " + l_.openings_many;
                a = a.empty() ? n : a + " (" + n + ")";
            }
            add(l_.availability, a);
        }
        add(l_.residency, o_.residency_requirement.value_or(""));
        add(l_.supervisor, o_.supervisor.value_or(""));
        add(l_.org_position, o_.org_position.value_or(""));
        {
            const auto& m = o_.managed_staff;
            std::string total = clean_text(m.total.value_or("")), dir = clean_text(m.direct.value_or("")),
                        ind = clean_text(m.indirect.value_or(""));
            std::string parts;
            if (!dir.empty()) parts += std::string(l_.staff_direct) + l_.colon + dir;
            if (!ind.empty()) parts += (parts.empty() ? "" : ", ") + std::string(l_.staff_indirect) + l_.colon + ind;
            std::string v = total;
            if (!parts.empty()) v = v.empty() ? parts : v + " (" + parts + ")";
            add(l_.managed_staff, v);
        }
        // Whom to ask, next to the deadline, where a candidate looks first (all
        // the contacts are listed again at the end, after how to apply).
        for (const auto& c : o_.contacts) {
            std::string v;
            const bool named = c.name && !clean_text(*c.name).empty();
            for (const auto* part : {named ? &c.name : &c.role, &c.email, &c.phone})
                if (*part && !clean_text(**part).empty()) v += (v.empty() ? "" : " – ") + **part;
            if (v.empty()) continue;
            add(l_.contacts, v);
            break;
        }
        return rows;
    }

    /// The title (of at most `max_lines` lines, 0: all) and the employer under it.
    void title(std::size_t max_lines) {
        auto lines = wrap({{bold, o_.title, primary_}}, 19, content_w, content_w);
        if (max_lines > 0) cap_lines(lines, max_lines, 19, content_w);
        const int tag = tree().add("H1", sect_);
        {
            for (std::size_t i = 0; i < lines.size(); ++i) {
                element e;
                e.tag = tag;
                e.height = 23;
                e.size = 19;
                e.runs = runs_of(lines[i], 19, margin_x);
                e.keep_with_next = true;
                flow_.push_back(std::move(e));
            }
            const std::string emp = clean_text(o_.employer);
            if (!emp.empty() && !text::iequals_ascii(emp, org_))
                paragraph({{regular, emp, text_grey}}, 11, 15, margin_x, content_w, 2, nullptr, {0, 0},
                          max_lines > 0 ? 2 : 0);
        }
    }

    void build() {
        title(0);
        panel();
        if (any_text(o_.description)) {
            heading(l_.context);
            paragraphs(o_.description);
        }
        if (any_text(o_.missions)) {
            heading(l_.missions);
            if (o_.missions.size() == 1)
                paragraphs(o_.missions);
            else
                bullets(o_.missions);
        }
        for (activity_kind kind : {activity_kind::main, activity_kind::secondary}) {
            bool first = true;
            for (const auto& sec : o_.activities) {
                if (sec.kind != kind || !any_text(sec.items)) continue;
                if (first) heading(kind == activity_kind::main ? l_.main_activities : l_.secondary_activities);
                first = false;
                if (sec.title && !clean_text(*sec.title).empty()) subheading(*sec.title);
                bullets(sec.items);
            }
        }
        if (std::any_of(o_.profile.begin(), o_.profile.end(), [](const auto& p) { return any_text(p.items); })) {
            heading(l_.profile);
            for (const auto& p : o_.profile) {
                if (!any_text(p.items)) continue;
                if (p.title && !clean_text(*p.title).empty()) subheading(*p.title);
                bullets(p.items);
            }
        }
        if (any_text(o_.conditions)) {
            heading(l_.conditions);
            bullets(o_.conditions);
        }
        {
            std::vector<std::vector<span>> items;
            for (const auto& [k, v] : o_.extra)
                if (!clean_text(v).empty()) items.push_back({{bold, clean_text(k) + l_.colon}, {regular, v}});
            if (!items.empty()) {
                heading(l_.extra);
                list(items);
            }
        }
        if (any_text(o_.how_to_apply)) {
            heading(l_.how_to_apply);
            paragraphs(o_.how_to_apply);
        }
        {
            std::vector<std::vector<span>> items;
            for (const auto& c : o_.contacts) {
                std::vector<span> sp;
                auto add = [&](const std::optional<std::string>& v, font_style st) {
                    if (!v || clean_text(*v).empty()) return;
                    if (!sp.empty()) sp.push_back({regular, " – ", text_grey});
                    sp.push_back({st, *v});
                };
                add(c.name, bold);
                add(c.role, regular);
                add(c.email, regular);
                add(c.phone, regular);
                if (!sp.empty()) items.push_back(std::move(sp));
            }
            if (!items.empty()) {
                heading(l_.contacts);
                list(items);
            }
        }
    }

    // ---- the one-page flyer ---------------------------------------------------------------

    double flow_height() const {
        double h = 0;
        for (std::size_t k = 0; k < flow_.size(); ++k) h += (k > 0 ? flow_[k].gap_before : 0) + flow_[k].height;
        return h;
    }

    /// Whole entries of `items` under `title` (each of at most `max_lines`
    /// lines, bulleted when they say so) while they fit above `reserve` points;
    /// the heading only with an entry. Returns how many were shown.
    std::size_t fitting_entries(const char* title, const std::vector<std::pair<std::string, bool>>& items,
                                std::size_t max_lines, double reserve) {
        const double budget = top_of(0) - content_bottom - reserve;
        const flow_mark start = mark();
        heading(title);
        std::size_t shown = 0;
        for (std::size_t k = 0; k < items.size(); ++k) {
            const flow_mark before = mark();
            if (items[k].second)
                paragraph({{regular, items[k].first}}, body_size, body_leading, margin_x, content_w, 3, "•",
                          {k > 0 && items[k - 1].second ? std::size_t{1} : 0, 0}, max_lines);
            else
                paragraph({{regular, items[k].first}}, body_size, body_leading, margin_x, content_w, 5, nullptr, {0, 0},
                          max_lines);
            if (flow_height() > budget) {
                undo(before);
                break;
            }
            ++shown;
        }
        if (shown == 0) undo(start);
        return shown;
    }

    /// fitting_entries, then how many entries were left out ("… and N more: see
    /// the full offer"), room kept for that line. Returns whether some were.
    bool fitting_with_more(const char* title, const std::vector<std::pair<std::string, bool>>& entries,
                           double reserve) {
        const std::size_t shown = fitting_entries(title, entries, 4, reserve + 3 + body_leading);
        if (shown == entries.size()) return false;
        if (shown > 0) {
            const std::size_t left = entries.size() - shown;
            const std::string more = left == 1
                                         ? std::string(l_.more_one)
                                         : std::string(l_.more_and) + " " + std::to_string(left) + " " + l_.more_many;
            paragraph({{regular, more, text_grey}}, body_size, body_leading, margin_x, content_w, 3, nullptr, {0, 0},
                      1);
        }
        return true;
    }

    static std::vector<std::string> with_text(const std::vector<std::string>& v) {
        std::vector<std::string> out;
        for (const auto& s : v)
            if (!clean_text(s).empty()) out.push_back(s);
        return out;
    }

    /// One A4 page whatever the posting's length (layout=flyer): the title (three
    /// lines at most), the employer, the key facts with the deadline and the QR
    /// code, then the missions as whole items while they fit ("… and N more: see
    /// the full offer"); when they all do, how to apply while it fits and the
    /// main activities in the room left before it; the full offer's address.
    /// Text keeps its size: what does not fit is left out, never shrunk.
    void build_one_page() {
        title(3);
        panel();
        // The closing line: where the full offer is (at most two lines). Blocks
        // that come later on the page are measured first, then made again in
        // their place, so that the structure follows the reading order.
        auto closing = [&] {
            if (!address_.empty())
                paragraph({{bold, std::string(l_.full_offer) + l_.colon, primary_}, {regular, address_}}, body_size,
                          body_leading, margin_x, content_w, 12, nullptr, {0, 0}, 2);
        };
        const double closing_h = measured(closing);

        // The missions, else the main activities, else the context; then how to
        // apply, and the main activities in the room left between them.
        std::vector<std::pair<std::string, bool>> missions, activities;
        for (const auto& it : with_text(o_.missions)) missions.emplace_back(it, o_.missions.size() > 1);
        for (const auto& sec : o_.activities)
            if (sec.kind == activity_kind::main)
                for (const auto& it : with_text(sec.items)) activities.emplace_back(it, true);
        const char* what = l_.missions;
        if (missions.empty()) {
            missions = std::move(activities);
            activities.clear();
            what = l_.main_activities;
        }
        if (missions.empty()) {
            missions = announced_lists(o_.description);
            what = l_.context;
        }
        if (!fitting_with_more(what, missions, closing_h)) {
            const auto how_to_apply = announced_lists(o_.how_to_apply);
            auto apply = [&] { fitting_entries(l_.how_to_apply, how_to_apply, 3, closing_h); };
            const double apply_h = measured(apply);
            if (!activities.empty()) fitting_with_more(l_.main_activities, activities, closing_h + apply_h);
            apply();
        }
        closing();
    }

    /// Where the flow and the structure stand, to come back to (a block measured, or left out).
    struct flow_mark {
        std::size_t flow;
        int tree;
    };
    flow_mark mark() const { return {flow_.size(), d_.tree.size()}; }
    void undo(const flow_mark& m) {
        flow_.resize(m.flow);
        d_.tree.drop_from(m.tree);
        if (list_ >= m.tree) list_ = structure_tree::none;
    }
    /// The height `make` adds to the flow, which is left as it was.
    template <class F>
    double measured(F&& make) {
        const flow_mark m = mark();
        make();
        double h = 0;
        for (std::size_t k = m.flow; k < flow_.size(); ++k) h += flow_[k].gap_before + flow_[k].height;
        undo(m);
        return h;
    }

    // ---- key-facts panel ------------------------------------------------------------------

    struct qr_code {
        int width = 0;
        std::vector<unsigned char> dark;
    };

    // `address` as printed under the QR code: without its scheme, cut with "…" to `width`.
    static std::string fitting_address(page_painter& p, const std::string& address, double size, double width) {
        std::string s = address;
        for (std::string_view scheme : {"https://", "http://", "mailto:"})
            if (s.rfind(scheme, 0) == 0) s.erase(0, scheme.size());
        if (p.font(regular).measure(s, size) <= width) return s;
        while (!s.empty() && p.font(regular).measure(s + "…", size) > width) {
            // one whole character: its continuation bytes, then its first byte
            while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
            if (!s.empty()) s.pop_back();
        }
        return s + "…";
    }

    std::optional<qr_code> make_qr(const std::string& url) {
        QRcode* q = QRcode_encodeString(url.c_str(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
        if (!q) {
            warnings.push_back("url: too long for a QR code, none drawn");
            return std::nullopt;
        }
        qr_code r;
        r.width = q->width;
        r.dark.resize(static_cast<std::size_t>(q->width) * static_cast<std::size_t>(q->width));
        for (std::size_t i = 0; i < r.dark.size(); ++i) r.dark[i] = q->data[i] & 1;
        QRcode_free(q);
        return r;
    }

    void panel() {
        auto rows = facts();
        if (one_page_) {
            // the facts a passer-by needs, each in two lines at most
            const std::array<const char*, 6> kept{l_.reference, l_.direction,    l_.grade,
                                                  l_.location,  l_.availability, l_.contacts};
            std::erase_if(rows, [&](const auto& r) {
                return std::none_of(kept.begin(), kept.end(), [&](const char* k) { return r.first == k; });
            });
        }
        const std::string deadline = date_text(o_.deadline);
        std::optional<qr_code> qr;
        // The QR code and the printed address: the offer's page, else its own
        // document, else the employer's careers page (the brand's).
        std::string address;
        std::vector<std::string> skipped;
        for (auto [value, key] :
             {std::pair{o_.url ? clean_text(*o_.url) : std::string(), "url"},
              std::pair{o_.document_url ? clean_text(*o_.document_url) : std::string(), "document_url"},
              std::pair{clean_text(b_.careers_page), "careers_page"}}) {
            if (value.empty()) continue;
            // offerkit's one rule for links: a QR code never sends a phone
            // to javascript:, file: or a network share.
            if (!is_safe_link(value)) {
                skipped.push_back(std::string(key) + ": \"" + excerpt(value, 60) +
                                  "\" is not a web (http, https) or mail address");
                continue;
            }
            qr = make_qr(value);
            if (qr) {
                address = value;
                break;
            }
        }
        for (auto& w : skipped)
            warnings.push_back(w + (qr ? "; the QR code leads to " + address : "; no QR code drawn"));
        address_ = address;
        if (rows.empty() && deadline.empty() && !qr) return;

        const double pad = 12, bar = 3;
        const double rc_w = (!deadline.empty() || qr) ? 150 : 0;
        const double left_x = margin_x + bar + pad;
        const double right_x = margin_x + content_w - pad - rc_w;
        const double left_end = rc_w > 0 ? right_x - 16 : margin_x + content_w - pad;
        const double label_w = 112, value_x = left_x + label_w + 8, value_w = left_end - value_x;
        const double label_size = 8.5, label_lead = 11.5, value_size = 10, value_lead = 13.5, row_gap = 4;

        struct row_layout {
            std::vector<std::vector<token>> label, value;
            double h;
        };
        std::vector<row_layout> layout;
        double left_h = 0;
        const rgb label_color = text_grey;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            row_layout r;
            r.label = wrap({{regular, rows[i].first, label_color}}, label_size, label_w, label_w);
            r.value = wrap({{i == 0 ? bold : regular, rows[i].second}}, value_size, value_w, value_w);
            if (one_page_) cap_lines(r.value, 2, value_size, value_w);
            r.h = std::max(static_cast<double>(r.label.size()) * label_lead + 2,
                           static_cast<double>(r.value.size()) * value_lead) +
                  row_gap;
            left_h += r.h;
            layout.push_back(std::move(r));
        }
        if (!layout.empty()) left_h -= row_gap;

        // Right column: the deadline box, then the QR code.
        const double box_pad = 10, dl_label = 8.5, dl_value = 13;
        std::vector<std::vector<token>> dl_label_lines, dl_value_lines;
        double box_h = 0;
        if (!deadline.empty()) {
            const rgb on_accent = white;
            dl_label_lines = wrap({{bold, l_.deadline, on_accent}}, dl_label, rc_w - 2 * box_pad, rc_w - 2 * box_pad);
            dl_value_lines = wrap({{bold, deadline, on_accent}}, dl_value, rc_w - 2 * box_pad, rc_w - 2 * box_pad);
            box_h = box_pad + static_cast<double>(dl_label_lines.size()) * 11 + 4 +
                    static_cast<double>(dl_value_lines.size()) * 16 + box_pad - 4;
        }
        const double qr_size = 96, caption_h = address.empty() ? 12 : 21;
        double right_h = box_h;
        if (qr) right_h += (box_h > 0 ? 10 : 0) + qr_size + caption_h;
        const double inner_h = std::max(left_h, right_h);
        const double panel_h = inner_h + 2 * pad;

        if (panel_h > page_h - cont_band_h - stripe_h - 40 - content_bottom) {
            // Too tall for any page: fall back to flowing rows.
            for (const auto& [k, v] : rows)
                paragraph({{bold, k + l_.colon}, {regular, v}}, body_size, body_leading, margin_x, content_w, 2);
            if (!deadline.empty())
                paragraph({{bold, std::string(l_.deadline) + l_.colon, accent_text_}, {bold, deadline, accent_text_}},
                          12, 17, margin_x, content_w, 6);
            return;
        }

        // The structure: the facts a table of rows (TH: the label, TD: the value),
        // the deadline a paragraph, the QR code a figure whose text is its address.
        std::vector<std::pair<int, int>> cells;
        if (!layout.empty()) {
            const int table = tree().add("Table", sect_);
            for (std::size_t i = 0; i < layout.size(); ++i) {
                const int tr = tree().add("TR", table);
                const int th = tree().add("TH", tr);
                cells.emplace_back(th, tree().add("TD", tr));
            }
        }
        const int deadline_tag = box_h > 0 ? tree().add("P", sect_) : structure_tree::none;
        const int qr_tag = qr ? tree().add("Figure", sect_, address) : structure_tree::none;
        const int caption_tag = qr ? tree().add("P", sect_) : structure_tree::none;

        element e;
        e.gap_before = 12;
        e.height = panel_h;
        e.lines = static_cast<int>(dl_label_lines.size() + dl_value_lines.size());
        for (const auto& r : layout) e.lines += static_cast<int>(r.value.size());
        e.custom = [=, this](page_painter& p, double top) {
            p.begin_artifact();
            p.rect(margin_x, top - panel_h, content_w, panel_h, tint_);
            p.rect(margin_x, top - panel_h, bar, panel_h, primary_);
            p.end_marked();
            double y = top - pad;
            for (std::size_t k = 0; k < layout.size(); ++k) {
                const auto& r = layout[k];
                const double base = y - value_size * 0.95;
                // one marked sequence a line, so that the lines read as lines, not glued words
                for (std::size_t i = 0; i < r.label.size(); ++i) {
                    p.begin_marked(cells[k].first);
                    for (const auto& rn : runs_of(r.label[i], label_size, left_x))
                        p.text(rn.style, label_size, rn.color, rn.x, base - static_cast<double>(i) * label_lead,
                               rn.text);
                    p.end_marked();
                }
                for (std::size_t i = 0; i < r.value.size(); ++i) {
                    p.begin_marked(cells[k].second);
                    for (const auto& rn : runs_of(r.value[i], value_size, value_x))
                        p.text(rn.style, value_size, rn.color, rn.x, base - static_cast<double>(i) * value_lead,
                               rn.text);
                    p.end_marked();
                }
                y -= r.h;
            }
            double ry = top - pad;
            if (box_h > 0) {
                p.begin_artifact();
                p.rect(right_x, ry - box_h, rc_w, box_h, accent_text_);
                p.end_marked();
                double by = ry - box_pad - dl_label * 0.9;
                for (const auto& ln : dl_label_lines) {
                    p.begin_marked(deadline_tag);
                    for (const auto& rn : runs_of(ln, dl_label, right_x + box_pad))
                        p.text(rn.style, dl_label, rn.color, rn.x, by, rn.text);
                    p.end_marked();
                    by -= 11;
                }
                by -= 4 + dl_value * 0.25;
                for (const auto& ln : dl_value_lines) {
                    p.begin_marked(deadline_tag);
                    for (const auto& rn : runs_of(ln, dl_value, right_x + box_pad))
                        p.text(rn.style, dl_value, rn.color, rn.x, by, rn.text);
                    p.end_marked();
                    by -= 16;
                }
                ry -= box_h + 10;
            }
            if (qr) {
                const double qx = right_x + (rc_w - qr_size) / 2, qy = ry - qr_size;
                p.begin_marked(qr_tag);
                p.rect(qx, qy, qr_size, qr_size, white);
                const int n = qr->width;
                const double m = qr_size / (n + 8);
                std::vector<std::array<double, 4>> rs;
                for (int yy = 0; yy < n; ++yy) {
                    for (int xx = 0; xx < n;) {
                        if (!qr->dark[static_cast<std::size_t>(yy * n + xx)]) {
                            ++xx;
                            continue;
                        }
                        int x2 = xx;
                        while (x2 < n && qr->dark[static_cast<std::size_t>(yy * n + x2)]) ++x2;
                        rs.push_back(
                            {qx + (4 + xx) * m, qy + qr_size - (4 + yy + 1) * m - 0.01, (x2 - xx) * m, m + 0.02});
                        xx = x2;
                    }
                }
                p.rects(rs, black);
                p.end_marked();
                p.begin_marked(caption_tag);
                const double cw = p.font(regular).measure(l_.qr_caption, 7.5);
                p.text(regular, 7.5, text_grey, qx + (qr_size - cw) / 2, qy - 9, l_.qr_caption);
                p.end_marked();
                p.begin_marked(caption_tag);
                // The address itself, for those who cannot scan: as much as fits the column.
                const std::string shown = fitting_address(p, address, 6.5, rc_w);
                const double aw = p.font(regular).measure(shown, 6.5);
                p.text(regular, 6.5, text_grey, qx + (qr_size - aw) / 2, qy - 18, shown);
                p.end_marked();
            }
        };
        flow_.push_back(std::move(e));
    }

    // ---- pages ----------------------------------------------------------------------------

    HPDF_Page new_page() {
        HPDF_Page pg = HPDF_AddPage(d_.doc);
        d_.check("adding a page");
        HPDF_Page_SetWidth(pg, f(page_w));
        HPDF_Page_SetHeight(pg, f(page_h));
        pages_.push_back(pg);
        ++d_.pages;
        painter_.reset();
        painter_ = std::make_unique<page_painter>(pg, faces_, d_.tags());
        auto& p = *painter_;
        if (pages_.size() == 1) {
            first_band(p);
            y_ = top_of(0);
        } else {
            p.begin_artifact();  // page furniture, repeated on each page
            p.rect(0, page_h - cont_band_h, page_w, cont_band_h, primary_);
            p.rect(0, page_h - cont_band_h - 3, page_w, 3, b_.accent);
            const double base = page_h - cont_band_h / 2 - 3.5;
            std::string right = ref_.empty() ? std::string() : ref_ + " (" + l_.continued + ")";
            const double rw = width(regular, right, 9);
            p.text(regular, 9, legible_on(primary_, 0.8), margin_x + content_w - rw, base, right);
            p.text(bold, 10, white, margin_x, base, fit(bold, org_, 10, content_w - rw - 20));
            p.end_marked();
            y_ = top_of(1);
        }
        at_top_ = true;
        return pg;
    }

    std::string fit(font_style st, const std::string& s, double size, double w) {
        return fit_text(*faces_[st], s, size, w);
    }

    void first_band(page_painter& p) {
        p.begin_artifact();
        p.rect(0, page_h - band_h, page_w, band_h, primary_);
        p.rect(0, page_h - band_h - stripe_h, page_w, stripe_h, b_.accent);
        p.end_marked();
        double x = margin_x;
        const double mid = page_h - band_h / 2;
        if (logo_) {
            const double iw = HPDF_Image_GetWidth(logo_), ih = HPDF_Image_GetHeight(logo_);
            if (iw > 0 && ih > 0) {
                double h = 60, w = iw * h / ih;
                if (w > 150) {
                    w = 150;
                    h = ih * w / iw;
                }
                p.begin_marked(logo_tag_);
                p.image(logo_, x, mid - h / 2, w, h);
                p.end_marked();
                x += w + 16;
            }
        }
        const std::string kind = l_.document_kind;
        const double kw = width(bold, kind, 8);
        const double right_edge = margin_x + content_w;
        std::string ref = ref_;
        const double refw = width(regular, ref, 10);
        const double avail = right_edge - std::max(kw, refw) - 20 - x;
        const std::string slogan = clean_text(b_.slogan);
        double size = 17;
        const double ow = width(bold, org_, size);
        if (ow > avail) size = std::max(10.0, size * avail / ow);
        const double org_y = slogan.empty() ? mid - size * 0.35 : mid + 3;
        p.begin_marked(org_tag_);
        p.text(bold, size, white, x, org_y, fit(bold, org_, size, avail));
        p.end_marked();
        if (!slogan.empty()) {
            p.begin_marked(org_tag_);
            p.text(regular, 9.5, legible_on(primary_, 0.82), x, org_y - 17, fit(regular, slogan, 9.5, avail));
            p.end_marked();
        }
        p.begin_marked(kind_tag_);
        p.text(bold, 8, legible_on(primary_, 0.7), right_edge - kw, page_h - 30, kind);
        p.end_marked();
        p.begin_marked(kind_tag_);
        p.text(regular, 10, white, right_edge - refw, page_h - 45, ref);
        p.end_marked();
    }

    /// Where the flow starts on page `k` (0-based): under the band of the first
    /// page, under the thin band of the others.
    static double top_of(std::size_t k) { return k == 0 ? page_h - band_h - stripe_h - 18 : page_h - cont_band_h - 23; }

    bool may_break_before(std::size_t i) const {
        return i > 0 && !flow_[i].no_break_before && !flow_[i - 1].keep_with_next;
    }

    /// The first element of each page, with the gaps scaled by `gap_scale`: each
    /// page filled, and when the next element does not fit, broken before the
    /// last element that allows it (forced where nothing on the page does).
    std::vector<std::size_t> plan_pages(double gap_scale) const {
        std::vector<std::size_t> starts{0};
        double y = top_of(0);
        bool at_top = true;
        for (std::size_t i = 0; i < flow_.size();) {
            const double h = (at_top ? 0 : flow_[i].gap_before * gap_scale) + flow_[i].height;
            if (!at_top && y - h < content_bottom) {
                std::size_t j = i;
                while (j > starts.back() && !may_break_before(j)) --j;
                if (j == starts.back()) j = i;
                starts.push_back(j);
                y = top_of(starts.size() - 1);
                at_top = true;
                i = j;
                continue;
            }
            y -= h;
            at_top = false;
            ++i;
        }
        return starts;
    }

    int lines_from(std::size_t from) const {
        int n = 0;
        for (std::size_t k = from; k < flow_.size(); ++k) n += flow_[k].lines;
        return n;
    }

    /// Whether the elements from `from` to the end fit one continuation page.
    bool fits_last_page(std::size_t from, double gap_scale) const {
        double h = 0;
        for (std::size_t k = from; k < flow_.size(); ++k)
            h += (k == from ? 0 : flow_[k].gap_before * gap_scale) + flow_[k].height;
        return top_of(1) - h >= content_bottom;
    }

    /// The pages, without a last page of fewer than `min_last_lines` lines where
    /// it can be helped: first the gaps between blocks tightened (never the
    /// text), so that the flow takes a page less; else the previous page broken
    /// earlier, so that the last one gets enough lines.
    std::vector<std::size_t> plan() {
        constexpr int min_last_lines = 6;
        auto starts = plan_pages(1.0);
        if (starts.size() < 2 || lines_from(starts.back()) >= min_last_lines) return starts;
        for (double scale : {0.85, 0.7, 0.55}) {
            auto tight = plan_pages(scale);
            if (tight.size() < starts.size() && (tight.size() < 2 || lines_from(tight.back()) >= min_last_lines)) {
                gap_scale_ = scale;
                return tight;
            }
        }
        const std::size_t prev = starts[starts.size() - 2];
        for (std::size_t j = starts.back(); j > prev + 1;) {
            --j;
            if (!may_break_before(j)) continue;
            if (!fits_last_page(j, 1.0)) break;
            if (lines_from(j) >= min_last_lines) {
                starts.back() = j;
                break;
            }
        }
        return starts;
    }

    void place() {
        // The one-page flyer measured what it took; should a block still overflow,
        // the page ends before it rather than a second page begin.
        while (one_page_ && flow_.size() > 1 && plan_pages(1.0).size() > 1) flow_.pop_back();
        const auto starts = plan();
        std::size_t page = 0;
        for (std::size_t i = 0; i < flow_.size(); ++i) {
            if (page < starts.size() && starts[page] == i) {
                new_page();
                ++page;
            }
            const element& e = flow_[i];
            if (!at_top_) y_ -= e.gap_before * gap_scale_;
            if (!e.outline.empty()) sections.push_back({e.outline, pages_.back(), y_ + 4});
            draw(e, y_);
            y_ -= e.height;
            at_top_ = false;
        }
        if (flow_.empty()) new_page();
        painter_.reset();
    }

    void draw(const element& e, double top) {
        auto& p = *painter_;
        if (e.custom) {
            e.custom(p, top);
            return;
        }
        const double base = top - e.height * 0.5 - e.size * 0.32 - (e.heading_rule ? 3 : 0);
        std::size_t k = 0;
        if (e.label != structure_tree::none && !e.runs.empty()) {  // a list item's bullet
            p.begin_marked(e.label);
            p.text(e.runs[0].style, e.runs[0].size, e.runs[0].color, e.runs[0].x, base, e.runs[0].text);
            p.end_marked();
            k = 1;
        }
        p.begin_marked(e.tag);
        for (; k < e.runs.size(); ++k) {
            const run& r = e.runs[k];
            p.text(r.style, r.size, r.color, r.x, base, r.text);
        }
        p.end_marked();
        if (e.heading_rule) {
            p.begin_artifact();
            p.rect(margin_x, base - 6, content_w, 0.7, rule_);
            p.rect(margin_x, base - 6.65, 28, 2, b_.accent);
            p.end_marked();
        }
    }

    void footers() {
        const std::size_t n = pages_.size();
        const std::string site = clean_text(b_.website), foot = clean_text(b_.footer);
        std::string left = site;
        if (!foot.empty()) left += (left.empty() ? "" : "  ·  ") + foot;
        for (std::size_t k = 0; k < n; ++k) {
            page_painter p(pages_[k], faces_, d_.tags());
            p.begin_artifact();  // page furniture
            p.rect(margin_x, footer_rule_y, content_w, 0.6, rule_);
            std::string right = std::string(l_.page) + " " + std::to_string(k + 1) + " / " + std::to_string(n);
            if (d_.booklet)
                right += "  (" + std::string(l_.booklet_page) + " " + std::to_string(first_index_ + k + 1) + ")";
            const double pw = width(bold, right, 8);
            p.text(bold, 8, primary_, margin_x + content_w - pw, footer_text_y, right);
            double rx = margin_x + content_w - pw;
            if (!ref_.empty()) {
                const std::string r = ref_ + "   ·   ";
                const double w = width(regular, r, 8);
                rx -= w;
                p.text(regular, 8, text_grey, rx, footer_text_y, r);
            }
            if (!left.empty())
                p.text(regular, 8, text_grey, margin_x, footer_text_y, fit(regular, left, 8, rx - margin_x - 16));
            p.end_marked();
        }
    }

    flyer_document::impl& d_;
    const job_offer& o_;
    const brand& b_;
    std::string lang_;
    const labels& l_;
    std::array<face*, 2> faces_{};
    HPDF_Image logo_ = nullptr;
    rgb primary_, accent_text_, tint_, rule_;
    std::string org_, ref_;
    std::vector<element> flow_;
    std::vector<HPDF_Page> pages_;
    std::unique_ptr<page_painter> painter_;
    double y_ = 0;
    double gap_scale_ = 1;  // the gaps between blocks, tightened by plan()
    bool one_page_ = false;
    int first_index_ = 0;  // the document's pages before this offer's
    // structure elements (tagging.hpp)
    structure_tree& tree() { return d_.tree; }
    int sect_ = structure_tree::none, logo_tag_ = structure_tree::none, org_tag_ = structure_tree::none,
        kind_tag_ = structure_tree::none, list_ = structure_tree::none;
    std::string address_;  // the QR code's
    bool at_top_ = true;
};

}  // namespace

// ---------------------------------------------------------------------------------------------

flyer_document::flyer_document() : impl_(std::make_unique<impl>()) {}
flyer_document::~flyer_document() = default;

std::vector<std::string> flyer_document::add_offer(const job_offer& offer, const brand& b, const std::string& lang,
                                                   plugins::pdf::flyer_layout layout) {
    flyer fl(*impl_, offer, b, lang, layout == plugins::pdf::flyer_layout::one_page);
    fl.render();
    impl_->entries.push_back(fl.entry());
    impl_->check("drawing the offer " + offer.reference);
    return std::move(fl.warnings);
}

void flyer_document::add_blank_page() {
    HPDF_Page pg = HPDF_AddPage(impl_->doc);
    impl_->check("adding a page");
    HPDF_Page_SetWidth(pg, f(page_w));
    HPDF_Page_SetHeight(pg, f(page_h));
    ++impl_->pages;
}

int flyer_document::page_count() const noexcept { return impl_->pages; }

void flyer_document::set_booklet() { impl_->booklet = true; }

void flyer_document::set_tagged(bool tagged) { impl_->tagged = tagged; }

void flyer_document::set_archive(bool pdfa) { impl_->archive = pdfa; }

const std::string& flyer_document::not_archivable() const noexcept { return impl_->not_archivable; }

void flyer_document::add_contents(const std::string& lang) {
    auto& d = *impl_;
    if (d.entries.empty()) return;
    const labels& l = labels_for(lang);
    HPDF_Encoder utf8 = HPDF_GetEncoder(d.doc, "UTF-8");
    auto destination = [&](HPDF_Page page, double top) {
        HPDF_Destination dst = HPDF_Page_CreateDestination(page);
        HPDF_Destination_SetFitH(dst, f(top));  // the page's width, from that height
        return dst;
    };

    // The table of contents: one line per offer, its page number on the right,
    // the line a link to the offer; on pages inserted before the first offer.
    const double row_h = 17, first_top = page_h - 36 - 40, bottom = content_bottom;
    const auto rows_per_page = static_cast<std::size_t>((first_top - bottom) / row_h);
    std::vector<HPDF_Page> toc;
    if (d.entries.size() >= 2) {
        const std::size_t n_toc = (d.entries.size() + rows_per_page - 1) / rows_per_page;
        for (std::size_t k = 0; k < n_toc; ++k) {
            HPDF_Page pg = HPDF_InsertPage(d.doc, d.entries.front().page);
            d.check("adding the table of contents");
            HPDF_Page_SetWidth(pg, f(page_w));
            HPDF_Page_SetHeight(pg, f(page_h));
            toc.push_back(pg);
            ++d.pages;
        }
        const auto& head = d.entries.front();
        const int toc_tag = d.tree.add("TOC", structure_tree::document, {}, true);  // read first
        for (std::size_t k = 0; k < toc.size(); ++k) {
            {
                // each painter tracks the page's state: one at a time
                page_painter p(toc[k], head.faces, d.tags());
                p.begin_artifact();
                p.rect(0, page_h - 36, page_w, 36, head.primary);
                p.rect(margin_x, footer_rule_y, content_w, 0.6, mix(head.primary, white, 0.72));
                p.text(regular, 8, text_grey, margin_x, footer_text_y, l.contents);
                p.end_marked();
                if (k == 0) {
                    p.begin_marked(d.tree.add("H1", toc_tag));
                    p.text(bold, 19, head.primary, margin_x, page_h - 36 - 30, l.contents);
                    p.end_marked();
                }
            }
            double y = first_top - row_h;
            for (std::size_t i = k * rows_per_page; i < std::min(d.entries.size(), (k + 1) * rows_per_page); ++i) {
                const auto& e = d.entries[i];
                page_painter row(toc[k], e.faces, d.tags());
                // TOCI > Link: the line's words and the link annotation over them
                const int link_tag = d.tree.add("Link", d.tree.add("TOCI", toc_tag));
                row.begin_marked(link_tag);
                const std::string number = std::to_string(e.first_page + 1);
                const double nw = e.faces[bold]->measure(number, 10);
                const double title_w = content_w - nw - 24;
                const std::string title = fit_text(*e.faces[regular], e.title, 10, title_w);
                row.text(regular, 10, text_dark, margin_x, y, title);
                row.text(bold, 10, e.primary, margin_x + content_w - nw, y, number);
                row.end_marked();
                row.begin_artifact();
                row.rect(margin_x, y - 5, content_w, 0.4, mix(e.primary, white, 0.8));
                row.end_marked();
                HPDF_Annotation link = HPDF_Page_CreateLinkAnnot(
                    toc[k], HPDF_Rect{f(margin_x), f(y - 5), f(margin_x + content_w), f(y + row_h - 5)},
                    destination(e.page, page_h));
                HPDF_LinkAnnot_SetBorderStyle(link, 0, 0, 0);
                HPDF_Dict_AddNumber(link, "F", 4);  // printed (PDF/A: every annotation)
                // what the link is, for those who do not see it (PDF/UA 7.18.1)
                HPDF_Dict_Add(link, "Contents", HPDF_String_New(d.doc->mmgr, e.title.c_str(), utf8));
                if (d.tagged) d.tree.add_annotation(link_tag, toc[k], link);
                y -= row_h;
            }
        }
        // The contents' pages are numbered i, ii…; the offers' from 1, as their footers say.
        HPDF_AddPageLabel(d.doc, 0, HPDF_PAGE_NUM_STYLE_LOWER_ROMAN, 1, nullptr);
        HPDF_AddPageLabel(d.doc, static_cast<HPDF_UINT>(toc.size()), HPDF_PAGE_NUM_STYLE_DECIMAL, 1, nullptr);
        d.check("numbering the pages");
    }

    // The bookmarks: the contents, then each offer with its sections (closed).
    HPDF_Outline root = nullptr;  // libharu: the document's outline root
    if (!toc.empty()) {
        HPDF_Outline o = HPDF_CreateOutline(d.doc, root, l.contents, utf8);
        HPDF_Outline_SetDestination(o, destination(toc.front(), page_h));
    }
    for (const auto& e : d.entries) {
        HPDF_Outline o = HPDF_CreateOutline(d.doc, root, e.title.c_str(), utf8);
        HPDF_Outline_SetDestination(o, destination(e.page, page_h));
        HPDF_Outline_SetOpened(o, HPDF_FALSE);
        for (const auto& s : e.sections) {
            HPDF_Outline c = HPDF_CreateOutline(d.doc, o, s.title.c_str(), utf8);
            HPDF_Outline_SetDestination(c, destination(s.page, s.top));
        }
    }
    HPDF_SetPageMode(d.doc, HPDF_PAGE_MODE_USE_OUTLINE);
    d.check("writing the bookmarks");
}

void flyer_document::save(const std::filesystem::path& file, const doc_info& info, const std::filesystem::path& shown) {
    impl_->set_info(info);
    impl_->write_structure();
    impl_->finish_archive();
    impl_->fix_to_unicode();
    errno = 0;
    HPDF_SaveToFile(impl_->doc, file.c_str());
    const int err = errno;
    const std::filesystem::path& name = shown.empty() ? file : shown;
    if (impl_->errors.code == HPDF_FILE_IO_ERROR || impl_->errors.code == HPDF_FILE_OPEN_ERROR) {
        impl_->errors = {};
        HPDF_ResetError(impl_->doc);
        throw error(errc::io_error, name.string() + ": pdf: cannot write the PDF: " + std::strerror(err ? err : EIO));
    }
    impl_->check("writing the PDF", name);
}

std::string flyer_document::save_to_string(const doc_info& info) {
    impl_->set_info(info);
    impl_->write_structure();
    impl_->finish_archive();
    impl_->fix_to_unicode();
    HPDF_SaveToStream(impl_->doc);
    impl_->check("writing the PDF");
    std::string out(HPDF_GetStreamSize(impl_->doc), '\0');
    HPDF_UINT32 size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(impl_->doc, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    impl_->errors = {};  // EOF is reported as an error by libharu
    HPDF_ResetError(impl_->doc);
    out.resize(size);
    return out;
}

doc_info offer_info(const job_offer& offer, const std::string& lang, std::optional<long long> epoch) {
    const labels& l = labels_for(lang);
    doc_info info;
    info.title = offer.title;
    info.author = offer.employer;
    info.subject = std::string(l.subject) + " " + offer.reference;
    std::string kw = offer.reference;
    for (const auto* v : {&offer.direction, &offer.location, &offer.grade, &offer.job_family})
        if (*v && !clean_text(**v).empty()) kw += ", " + **v;
    info.keywords = kw;
    info.created = offer.posted_on ? offer.posted_on : offer.reference_date;
    info.epoch = epoch;
    return info;
}

}  // namespace offerkit::pdf_plugin
