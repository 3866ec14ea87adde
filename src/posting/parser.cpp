// posting/parser.cpp — parse_posting: the lines, their labels, the labelled values, the sections they open.
#include "posting/parser.hpp"

namespace offerkit::posting {

job_offer parser::run(std::string_view text) {
    const std::size_t bad = find_invalid_utf8(text);
    if (bad != std::string_view::npos)
        throw error(
            errc::invalid_utf8, source_ + ": invalid UTF-8 at byte offset " + std::to_string(bad) + " (byte 0x" + [&] {
                static constexpr char hex[] = "0123456789ABCDEF";
                const auto b = static_cast<unsigned char>(text[bad]);
                return std::string{hex[b >> 4], hex[b & 15]};
            }() + ")");
    std::size_t bom = starts_with(text, "\xEF\xBB\xBF") ? 3 : 0;
    text.remove_prefix(bom);
    const front_matter fm = read_front_matter(text, source_, diags_);
    const std::string_view body = fm.present ? text.substr(fm.body_offset) : text;
    lines_ = split_lines(body, fm.present ? fm.body_first_line : 1);
    merge_split_labels();
    drop_repeated_footers();
    for (std::size_t i = 0; i < lines_.size(); ++i) process(i);
    finish(fm);
    return std::move(offer_);
}

job_offer parser::run(const posting_document& document) {
    lines_ = document_lines(document, source_);
    merge_split_labels();
    drop_repeated_footers();
    for (std::size_t i = 0; i < lines_.size(); ++i) process(i);
    front_matter fm;  // the document's own title property fills the gap a text without a title leaves
    if (!document.title.empty()) {
        fm.present = true;
        fm.values.emplace_back("title", document.title);
    }
    finish(fm);
    return std::move(offer_);
}

void parser::drop_repeated_footers() {
    // candidates: lines with a postal code or a phone number, as letterhead footers have
    auto candidate = [](const text_line& l) {
        if (l.bullet || l.html_only || l.text.size() < 12 || l.text.size() > 240) return false;
        const std::string& t = l.text;  // std::string::find is memchr-fast: no per-byte loop here
        // (searched by their first, rare, byte: upper-case letters and 'w')
        return t.find("CEDEX") != std::string::npos || t.find("Cedex") != std::string::npos ||
               t.find("Tél") != std::string::npos || t.find("TÉL") != std::string::npos ||
               t.find("BP ") != std::string::npos || t.find("www.") != std::string::npos;
    };
    std::vector<std::pair<std::string, std::size_t>> keys;  // folded text, line index
    for (std::size_t i = 0; i < lines_.size(); ++i)
        if (candidate(lines_[i])) keys.emplace_back(fold(lines_[i].text), i);
    if (keys.size() < 2) return;
    std::vector<std::size_t> order(keys.size());
    for (std::size_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return keys[a].first < keys[b].first; });
    for (std::size_t a = 0; a < order.size();) {
        std::size_t b = a + 1;
        while (b < order.size() && keys[order[b]].first == keys[order[a]].first) ++b;
        if (b - a >= 2) {
            // the same address or phone line on every page: page furniture, not content
            const std::string& f = keys[order[a]].first;
            const bool address_like = f.find("cedex") != std::string::npos || f.find(" bp ") != std::string::npos ||
                                      starts_with(f, "bp ") || f.find("tel") != std::string::npos ||
                                      f.find("www.") != std::string::npos || f.find("fax") != std::string::npos;
            if (address_like)
                for (std::size_t k = a; k < b; ++k) {
                    text_line& l = lines_[keys[order[k]].second];
                    const std::size_t no = l.no;
                    l = text_line{};
                    l.no = no;
                }
        }
        a = b;
    }
}

void parser::merge_split_labels() {
    for (std::size_t i = 0; i + 1 < lines_.size(); ++i) {
        text_line& a = lines_[i];
        if (a.blank() || a.html_only || a.bullet || a.text.size() > 60 || a.text.find(':') != std::string::npos)
            continue;
        std::size_t j = i + 1;
        while (j < lines_.size() && (lines_[j].blank() || lines_[j].html_only)) ++j;
        if (j >= lines_.size() || j - i > 3) continue;
        text_line& b = lines_[j];
        if (b.bullet || b.blank() || b.html_only) continue;
        // the head of the second line: up to its colon, or its first bold run
        std::size_t head_end = b.text.find(':');
        if (head_end > 50) {  // npos (no colon) too
            if (!(b.starts_bold() && b.bold_end[0] <= 50)) continue;
            head_end = b.bold_end[0];
        }
        std::string_view head = trim(std::string_view(b.text).substr(0, head_end));
        for (std::string_view fn : {"(1)", "(*)", "(2)"})
            if (ends_with(head, fn)) head = trim(head.substr(0, head.size() - fn.size()));
        if (head.empty() || !may_start_with_label(a.text)) continue;
        const label_entry* whole = lookup_exact(fold(std::string(a.text) + " " + std::string(head)));
        if (!whole) continue;
        const label_entry* first = lookup_exact(fold(a.text));
        if (first && first->f != whole->f) continue;
        const auto shift = static_cast<std::uint32_t>(a.text.size() + 1);
        a.text += ' ';
        a.text += b.text;
        for (auto x : b.bold_start) a.bold_start.push_back(x + shift);
        for (auto x : b.bold_end) a.bold_end.push_back(x + shift);
        a.links.insert(a.links.end(), b.links.begin(), b.links.end());
        a.heading = std::max(a.heading, b.heading);
        const std::size_t no = b.no;
        b = text_line{};
        b.no = no;
    }
}

bool parser::next_is_bullet(std::size_t idx) const {
    for (std::size_t j = idx + 1; j < lines_.size(); ++j) {
        if (lines_[j].blank() || lines_[j].html_only) continue;
        if (lines_[j].text.size() < 40 && is_noise_line(fold(lines_[j].text))) continue;
        return lines_[j].bullet && lines_[j].number == 0;
    }
    return false;
}

void parser::accept_hits(std::size_t idx, const std::vector<label_hit>& cands, std::vector<label_hit>& out) const {
    const text_line& l = lines_[idx];
    out.clear();
    const bool list_section = section_ == field::activities || section_ == field::main_activities ||
                              section_ == field::secondary_activities || section_ == field::profile ||
                              section_ == field::profile_part || section_ == field::conditions;
    const bool closed_section = section_ == field::apply || section_ == field::contact;
    std::vector<char> ok(cands.size(), 0);
    // bold runs are in text order: binary search keeps long glued lines linear-logarithmic
    auto at_bold = [&](std::size_t p) {
        return std::binary_search(l.bold_start.begin(), l.bold_start.end(), static_cast<std::uint32_t>(p));
    };
    auto ends_run = [&](std::size_t p) {
        return p >= l.text.size() ||
               std::binary_search(l.bold_end.begin(), l.bold_end.end(), static_cast<std::uint32_t>(p));
    };
    for (std::size_t k = 0; k < cands.size(); ++k) {
        const auto& h = cands[k];
        const auto& e = *h.entry;
        const bool start = h.begin == 0;
        const bool bold = at_bold(h.begin);
        std::size_t le = h.label_end;
        while (le > h.begin && l.text[le - 1] == ' ') --le;
        const bool run_end = ends_run(le);
        if ((e.flags & lf_line_start) && !start) continue;
        if ((e.flags & lf_needs_footnote) && !h.footnote) continue;
        if ((e.flags & lf_needs_colon) && !h.colon) continue;
        if ((e.flags & lf_heading_only) && (l.heading == 0 || !start || section_ == field::conditions)) continue;
        if (e.f == field::contact_continued && last_label_ != field::contact) continue;
        // inside the conditions, "Contraintes : le samedi" is one condition, kept whole
        // (spec: one string per labelled line), not a new conditions heading
        if (section_ == field::conditions && e.f == field::conditions && l.heading == 0 &&
            (l.bullet || !trim(std::string_view(l.text).substr(std::min(h.value_begin, l.text.size()))).empty()))
            continue;
        // plain text without a colon: "Date limite de candidature  vendredi 8 janvier 2027",
        // "Référence 9001-26-0101/SR du …": the value itself shows that the line is labelled
        const bool plain_value = start && !h.colon && !bold && l.bold_start.empty() && l.heading == 0 && !l.bullet &&
                                 plain_label_value(e.f, std::string_view(l.text).substr(h.value_begin));
        if (zone_ == zone::title && !(h.colon || plain_value || (start && run_end && l.heading == 0))) continue;
        if (closed_section) {
            // only a new section at the start of a line ends the contact / how-to-apply part
            if (e.f == field::url && start && h.colon) {
                ok[k] = 1;
                continue;
            }
            if (!start || !is_section(e.f) || e.f == section_) continue;
            // plain text has no bold to mark its labels: "Contact : Mme …" after the how-to-apply part
            const bool plain_colon = h.colon && l.bold_start.empty() && !l.bullet;
            if (!(l.heading > 0 || bold || h.value_begin >= l.text.size() || (h.colon && run_end) || plain_colon))
                continue;
        }
        if (list_section && !start && !bold) {
            if (!(h.colon && (e.f == field::staff_direct || e.f == field::staff_indirect))) continue;
        }
        if (!start && !bold && preceded_by_article(idx, h)) continue;
        if (list_section && start && !l.bullet && is_section(e.f) && !(h.colon || bold || l.heading > 0 || run_end))
            continue;
        bool accept = false;
        if (h.colon || plain_value)
            accept = true;
        else if ((start || bold) && run_end)
            accept = true;
        else if (run_end && le < l.text.size() && !is_section(e.f) && e.flags == lf_none)
            accept = true;
        else if (run_end && le < l.text.size() && (e.flags & lf_run_value))
            accept = true;
        else if (start && (e.flags & lf_loose) && (l.heading > 0 || bold))
            accept = true;
        else if ((e.flags & lf_run_value) && bold && zone_ != zone::title)
            accept = true;
        else if (start && h.footnote)
            accept = true;
        ok[k] = accept ? 1 : 0;
    }
    // a label at the start immediately followed by an accepted one ("… pour le recrutement Lieu de travail :")
    for (std::size_t k = 0; k + 1 < cands.size(); ++k) {
        if (ok[k] || !ok[k + 1]) continue;
        const auto& h = cands[k];
        if (!(h.begin == 0 || at_bold(h.begin))) continue;
        if ((h.entry->flags & (lf_needs_colon | lf_needs_footnote | lf_line_start))) continue;
        if (trim(std::string_view(l.text).substr(h.label_end,
                                                 cands[k + 1].begin - std::min(h.label_end, cands[k + 1].begin)))
                .empty())
            ok[k] = 1;
    }
    for (std::size_t k = 0; k < cands.size(); ++k)
        if (ok[k]) out.push_back(cands[k]);
}

void parser::process(std::size_t idx) {
    const text_line& l = lines_[idx];
    if (l.html_only) {
        // The links of HTML blocks are the converter's: the posting's own PDF.
        for (const auto& u : l.links) document_urls_.push_back(u.url);
        return;
    }
    if (l.blank()) return;
    keep_links(l);
    // A label inside a line needs a colon after it or bold markers: without
    // either, only the start of the line can hold one.
    const bool start_only = section_ == field::apply || section_ == field::contact ||
                            (l.bold_start.empty() && l.text.find(':') == std::string::npos);
    // Most list items start with a word no label starts with: no need to fold them.
    const bool may_label = !start_only || l.text.size() < 60 || zone_ == zone::title || may_start_with_label(l.text);
    static const folded no_fold{};
    const folded& f = may_label ? fold_line(idx, start_only) : no_fold;
    if (may_label && l.text.size() < 60 && is_noise_line(f.text)) return;
    // the letterhead repeated at the top of the next page ("PROVINCE SUD")
    if (zone_ != zone::title && may_label && !l.bullet && l.text.size() <= 60 &&
        std::find(letterhead_.begin(), letterhead_.end(), f.text) != letterhead_.end())
        return;
    std::vector<label_hit>& cands = cands_;
    std::vector<label_hit>& hits = hits_;
    cands.clear();
    if (may_label) find_label_candidates(l, f, cands, start_only);
    accept_hits(idx, cands, hits);

    if (zone_ == zone::title) {
        if (hits.empty()) {
            if (l.heading == 0 && !title_parts_.empty() && !l.all_bold() && word_count(l.text) > 14) {
                // a long plain sentence: not a title any more
            }
            std::string t = strip_logo_tokens(l.text);
            if (t.empty()) return;
            const std::string ft = fold(t);
            if (l.text.size() <= 60 && letterhead_.size() < 16) letterhead_.push_back(fold(l.text));
            if (is_noise_line(ft)) return;
            // banners of the letterhead: generic ("AVIS DE VACANCE DE POSTE") or the employer's name
            static constexpr std::string_view generic[] = {
                "avis de vacance de poste", "avis de vacances de poste", "avis de vacance",     "offre d'emploi",
                "fiche de poste",           "appel a candidatures",      "appel a candidature", "recrutement"};
            static constexpr std::string_view employers[] = {"gouvernement de la nouvelle-caledonie",
                                                             "republique francaise",
                                                             "province sud",
                                                             "province nord",
                                                             "province des iles loyaute",
                                                             "nouvelle-caledonie",
                                                             "congres de la nouvelle-caledonie"};
            for (auto g : generic)
                if (ft == g) return;
            for (auto e : employers)
                if (ft == e) {
                    if (banner_employer_.empty()) banner_employer_ = t;
                    return;
                }
            if (!title_parts_.empty() && (starts_with(ft, "-") || starts_lower(t))) {
                title_parts_.back() += " " + t;
            } else {
                title_parts_.push_back(t);
                title_heading_.push_back(l.heading > 0);
                title_line_ = l.no;
            }
            return;
        }
        zone_ = zone::header;
    }
    // apply part without a heading ("Les candidatures … doivent parvenir …")
    if (section_ != field::apply && (hits.empty() || hits[0].begin > 0) && !l.heading &&
        starts_apply(may_label ? std::string_view(f.text)
                               : std::string_view(apply_probe_ = fold(utf8_prefix(l.text, 40))))) {
        enter_section(field::apply, l.no);
        apply_line(l, l.text);
        return;
    }
    const std::string_view text = l.text;
    const std::size_t first = hits.empty() ? text.size() : hits[0].begin;
    if (first > 0) on_text(idx, trim(text.substr(0, first)), hits.empty(), false);
    for (std::size_t k = 0; k < hits.size(); ++k) {
        const auto& h = hits[k];
        std::size_t vend = k + 1 < hits.size() ? hits[k + 1].begin : text.size();
        bool whole_run = false;
        if ((h.entry->flags & lf_run_value) && !h.colon) {
            // "**Direction des télécommunications**": the run names the direction
            for (std::size_t b = 0; b < l.bold_start.size(); ++b)
                if (l.bold_start[b] == h.begin && l.bold_end[b] > h.label_end) {
                    whole_run = true;
                    on_label(idx, h, trim(text.substr(h.begin, l.bold_end[b] - h.begin)), true);
                    // labels inside the run are part of the value; skip them
                    while (k + 1 < hits.size() && hits[k + 1].begin < l.bold_end[b]) ++k;
                    vend = k + 1 < hits.size() ? hits[k + 1].begin : text.size();
                    const auto rest = trim(text.substr(std::min<std::size_t>(l.bold_end[b], vend),
                                                       vend - std::min<std::size_t>(l.bold_end[b], vend)));
                    if (!rest.empty()) on_text(idx, rest, false, false);
                    break;
                }
        }
        if (whole_run) continue;
        const std::size_t vb = std::min(h.value_begin, vend);
        last_on_line_ = k + 1 == hits.size();
        on_label(idx, h, trim(text.substr(vb, vend - vb)), false);
        last_on_line_ = true;
    }
}

bool parser::preceded_by_article(std::size_t idx, const label_hit& h) const {
    // "… de la direction :" is text, not the label "Direction"
    const std::string_view t = std::string_view(lines_[idx].text).substr(0, h.begin);
    std::string_view v = trim(t);
    const std::size_t sp = v.rfind(' ');
    const std::string w = fold(sp == std::string_view::npos ? v : v.substr(sp + 1));
    static constexpr std::string_view articles[] = {"de", "la", "le", "les", "du", "des", "au",  "aux", "et", "a",
                                                    "l'", "d'", "en", "par", "sa", "son", "ses", "une", "un"};
    for (auto a : articles)
        if (w == a) return true;
    return ends_with(w, "'") && w.size() <= 2;
}

bool parser::starts_apply(std::string_view f) const {
    static constexpr std::string_view starts[] = {"les candidatures (",
                                                  "les candidatures doivent",
                                                  "les candidatures sont a adresser",
                                                  "les candidatures accompagnees",
                                                  "les dossiers de candidature",
                                                  "votre candidature",
                                                  "vos candidatures",
                                                  "pour postuler",
                                                  "pour candidater",
                                                  "merci d'adresser",
                                                  "adressez votre candidature",
                                                  "envoyez votre candidature",
                                                  "les candidats doivent adresser",
                                                  "les personnes interessees"};
    if (f.size() < 10 || std::string_view("lvpmae").find(f[0]) == std::string_view::npos) return false;
    for (auto s : starts)
        if (starts_with(f, s)) return true;
    return false;
}

void parser::set_scalar(field f, std::string_view value, std::size_t line) {
    auto& s = slots_[static_cast<std::size_t>(f)];
    if (s.set && !trim(s.value).empty() && trim(value).empty()) return;
    if (s.set && !trim(s.value).empty() && f == field::residency) {
        // a continued label ("… pour le recrutement sur titre (1) : value")
        s.value = std::string(value);
        s.line = line;
        return;
    }
    s.value = std::string(value);
    s.line = line;
    s.set = true;
}

void parser::enter_section(field f, std::size_t line) {
    flush_extra();
    (void)line;
    open_.reset();
    switch (f) {
        case field::activities:
        case field::main_activities:
            if (f == field::main_activities || !(section_ == field::activities || section_ == field::main_activities ||
                                                 section_ == field::secondary_activities))
                kind_ = activity_kind::main;
            activity_open_ = false;
            section_ = field::activities;
            return;
        case field::secondary_activities:
            kind_ = activity_kind::secondary;
            activity_open_ = false;
            section_ = field::activities;
            return;
        case field::profile:
            profile_open_ = false;
            section_ = field::profile;
            return;
        case field::contact:
            if (!contact_text_.empty()) contact_text_ += "\n";
            section_ = f;
            return;
        default: section_ = f; return;
    }
}

void parser::flush_extra() {
    if (extra_label_.empty()) return;
    std::string v;
    for (const auto& s : extra_values_) {
        if (!v.empty()) v += "; ";
        v += s;
    }
    if (!v.empty()) offer_.extra.set(extra_label_, v);
    extra_label_.clear();
    extra_values_.clear();
}

void parser::on_label(std::size_t idx, const label_hit& h, std::string_view value, bool whole_run) {
    const text_line& l = lines_[idx];
    const field f = h.entry->f;
    if (zone_ == zone::title) zone_ = zone::header;
    if (f == field::contact_continued) {
        last_label_ = field::contact;
        if (!value.empty()) on_text(idx, value, false, true);
        return;
    }
    if (!is_section(f)) {
        if (!extra_label_.empty()) flush_extra();
        if (section_ == field::unknown && zone_ == zone::body) section_ = field::unknown;
        set_scalar(f, value, l.no);
        last_label_ = f;
        if (is_text_field(f)) {
            last_text_field_ = f;
            last_text_line_ = l.no;
        }
        // the first wrappable value of the line stays open for continuation lines
        const bool first_on_line = !open_ || open_line_ != l.no;
        if (first_on_line || !open_ || !is_text_field(*open_) || open_closed()) {
            if (whole_run) {
                open_.reset();
            } else if (is_empty_value(value) && !trim(value).empty()) {
                if (!open_ || open_line_ != l.no) open_.reset();
            } else if ((is_text_field(f) && !is_count(value)) || trim(value).empty()) {
                if (!open_ || open_line_ != l.no || open_closed()) {
                    // a value of the line above left hanging ("… DUCOS-") may still get its end
                    if (open_ && open_line_ != l.no && !open_closed() && is_text_field(*open_) &&
                        ends_connector(slots_[static_cast<std::size_t>(*open_)].value))
                        hanging_ = open_;
                    else
                        hanging_.reset();
                    open_ = f;
                    open_line_ = l.no;
                    open_awaiting_ = trim(value).empty() && last_on_line_;
                    if (!open_awaiting_ && !is_text_field(f)) open_.reset();
                }
            } else if (first_on_line) {
                open_.reset();  // a date or a code: nothing to continue
                open_line_ = l.no;
            }
        }
        return;
    }
    // sections
    zone_ = zone::body;
    last_label_ = f;
    if (f == field::profile_part) {
        if (section_ != field::profile) enter_section(field::profile, l.no);
        std::string title = clean_title(std::string_view(l.text).substr(h.begin, h.label_end - h.begin));
        offer_.profile.push_back({title.empty() ? std::nullopt : std::optional<std::string>(title), {}});
        profile_open_ = true;
        open_.reset();
        if (!value.empty()) profile_line(idx, l, value);
        return;
    }
    enter_section(f, l.no);
    // "**Caractéristiques particulières de**" … "**l'emploi**": the label's end may come later, alone
    if (value.empty() && ends_connector_word(h.entry->folded)) label_tail_pending_ = true;
    if (h.entry->flags & lf_heading_only) {
        // "# Conditions de travail : …" outside the conditions part: the line is a condition;
        // "## Conditions d'exercice" alone only opens the part
        if (h.colon || !value.empty()) condition_line(l, l.text);
        return;
    }
    if (value.empty()) return;
    if (f == field::profile) {
        // "Profil du candidat Savoir / Connaissance / Diplôme exigé": the rest titles the first part
        std::string title = clean_title(value);
        if (!title.empty()) {
            offer_.profile.push_back({title, {}});
            profile_open_ = true;
        }
        return;
    }
    on_text(idx, value, false, true);
}

}  // namespace offerkit::posting
