// posting/parser_finish.cpp — the offer completed: title, employer, front matter, derived fields, the rules of the catalogue; parse_posting.
#include "posting/parser.hpp"

namespace offerkit::posting {

void parser::finish(const front_matter& fm) {
    flush_extra();
    auto slot = [&](field f) -> scalar_slot& { return slots_[static_cast<std::size_t>(f)]; };
    auto text_of = [&](field f, bool strip_period = false) -> std::optional<std::string> {
        auto& s = slot(f);
        if (!s.set) return std::nullopt;
        std::string v = clean_value(s.value);
        if (strip_period) v = trim_trailing_marks(v, ".;,");
        if (is_empty_value(v)) return std::nullopt;
        return v;
    };
    // title
    // title: the last heading before the labels (the fuller heading of a converted
    // document); without headings, the last line that is not an all-caps banner
    if (!title_parts_.empty()) {
        // A heading that only names the employer is its letterhead banner, not the
        // title ("AGENCE DES LAGONS DU PACIFIQUE" above the real heading).
        const std::optional<std::string> employer_label = text_of(field::employer);
        const std::string employer_folded = employer_label ? fold(*employer_label) : std::string();
        auto is_banner = [&](std::size_t i) {
            return title_parts_.size() > 1 && !employer_folded.empty() && fold(title_parts_[i]) == employer_folded;
        };
        std::size_t pick = title_parts_.size() - 1;
        while (pick > 0 && is_banner(pick)) --pick;
        bool found = false;
        for (std::size_t i = title_parts_.size(); i-- > 0;)
            if (title_heading_[i] && !is_banner(i)) {
                pick = i;
                found = true;
                break;
            }
        if (!found)
            for (std::size_t i = title_parts_.size(); i-- > 0;) {
                const std::string& t = title_parts_[i];
                const bool has_lower = std::any_of(t.begin(), t.end(), [](char c) { return c >= 'a' && c <= 'z'; });
                if (has_lower && !is_banner(i)) {
                    pick = i;
                    break;
                }
            }
        offer_.title = text::squeeze_space(title_parts_[pick]);
    }
    // reference
    if (auto r = text_of(field::reference)) {
        folded f;
        fold(*r, f);
        std::size_t du = f.text.find(" du ");
        if (du == std::string::npos) du = f.text.find(" en date du ");
        std::string ref = *r, when;
        if (du != std::string::npos) {
            ref = std::string(trim(std::string_view(*r).substr(0, f.src[du])));
            when = std::string(std::string_view(*r).substr(f.src[du]));
        } else {
            // "3134-26-0420/SR - 27 mars 2026": a date after the code
            const std::size_t sp = r->find(' ');
            if (sp != std::string::npos && find_french_date(std::string_view(*r).substr(sp)).value) {
                when = r->substr(sp);
                ref = trim_trailing_marks(std::string_view(*r).substr(0, sp), "-,;");
            }
        }
        offer_.reference = ref;
        reference_date_words_ = text::squeeze_space(trim(when));
        if (reference_date_words_.rfind("du ", 0) == 0) reference_date_words_.erase(0, 3);
        if (!when.empty()) {
            const auto d = find_french_date(when);
            if (d.value)
                offer_.reference_date = d.value;
            else
                warn(slot(field::reference).line,
                     "cannot read the date of the reference: \"" + excerpt(trim(when)) + "\"");
        }
    }
    if (auto v = text_of(field::employer))
        offer_.employer = *v;
    else if (!banner_employer_.empty() && !fm.find("direction") && !fm.find("employeur"))
        offer_.employer = banner_employer_;
    offer_.direction = text_of(field::direction);
    offer_.unit = text_of(field::unit);
    offer_.grade = text_of(field::grade, true);
    offer_.job_family = text_of(field::job_family, true);
    offer_.location = text_of(field::location);
    offer_.residency_requirement = text_of(field::residency);
    offer_.org_position = text_of(field::org_position);
    offer_.supervisor = text_of(field::supervisor);
    auto read_date = [&](field f, const char* what) -> std::optional<date> {
        auto& s = slot(f);
        if (!s.set) return std::nullopt;
        const std::string v = clean_value(s.value);
        if (is_empty_value(v)) return std::nullopt;
        const auto d = find_french_date(v);
        if (d.value) return d.value;
        if (!d.bad_text.empty())
            warn(s.line, std::string(what) + ": \"" + excerpt(d.bad_text) + "\" is not a valid date");
        else
            warn(s.line, std::string(what) + ": cannot read a date in \"" + excerpt(v) + "\"");
        return std::nullopt;
    };
    offer_.posted_on = read_date(field::posted_on, "date de dépôt de l'offre");
    offer_.deadline = read_date(field::deadline, "date limite de candidature");
    if (auto a = text_of(field::availability)) {
        std::string_view v = *a;
        // "Postes à pourvoir : 3", "2 postes – à compter du 1er février 2027": a count first
        std::size_t k = 0;
        while (k < v.size() && v[k] >= '0' && v[k] <= '9') ++k;
        // or in words before "poste": "Deux postes", "un poste à compter du …"
        std::optional<int> in_words;
        if (k == 0) {
            static constexpr std::pair<std::string_view, int> number_words[] = {
                {"un", 1},  {"une", 1},  {"deux", 2}, {"trois", 3}, {"quatre", 4}, {"cinq", 5},
                {"six", 6}, {"sept", 7}, {"huit", 8}, {"neuf", 9},  {"dix", 10}};
            const std::string head = fold(utf8_prefix(v, 16));
            for (const auto& [word, n] : number_words)
                if (starts_with(head, word) && starts_with(std::string_view(head).substr(word.size()), " poste")) {
                    k = word.size();  // ASCII: as many bytes in `v` as in its folded form
                    in_words = n;
                    break;
                }
        }
        std::string_view rest = trim(v.substr(k));
        bool count = in_words || (k > 0 && k <= 3 &&
                                  (rest.empty() || !std::isalnum(static_cast<unsigned char>(rest[0])) ||
                                   starts_with(fold(utf8_prefix(rest, 12)), "poste")));
        if (count && !rest.empty()) {
            const std::string fr = fold(utf8_prefix(rest, 40));
            if (find_french_date(v).value && !find_french_date(rest).value) count = false;  // "15 janvier 2027"
            for (std::string_view w :
                 {"postes a pourvoir", "poste a pourvoir", "poste(s) a pourvoir", "postes", "poste(s)", "poste"})
                if (starts_with(fr, w)) {
                    rest = trim(rest.substr(folded_prefix_len(rest, w.size())));
                    break;
                }
            while (!rest.empty() && (rest[0] == '-' || rest[0] == ':' || rest[0] == ',' || rest[0] == ';' ||
                                     rest[0] == '(' || starts_with(rest, "\u2013") || starts_with(rest, "\u2014"))) {
                rest.remove_prefix(starts_with(rest, "\u2013") || starts_with(rest, "\u2014") ? 3 : 1);
                rest = trim(rest);
            }
            if (ends_with(rest, ")") && rest.find('(') == std::string_view::npos) rest.remove_suffix(1);
            rest = trim(rest);
        }
        if (count) offer_.openings = in_words ? *in_words : std::stoi(std::string(v.substr(0, k)));
        if (count && rest.empty()) {
            // the count alone
        } else {
            if (count) a = std::string(rest);
            offer_.availability = *a;
            const auto d = find_french_date(*a);
            if (d.value)
                offer_.available_from = d.value;
            else if (!d.bad_text.empty())
                warn(slot(field::availability).line,
                     "poste à pourvoir: \"" + excerpt(d.bad_text) + "\" is not a valid date");
        }
    }
    if (auto o = text_of(field::openings)) {
        std::string digits;
        for (char c : *o) {
            if (c >= '0' && c <= '9')
                digits += c;
            else if (!digits.empty())
                break;
        }
        if (!digits.empty() && digits.size() <= 4)
            offer_.openings = std::stoi(digits);
        else
            offer_.extra.set("Nombre de postes", *o);
    }
    auto staff = [&](field f) -> std::optional<std::string> {
        auto& s = slot(f);
        if (!s.set) return std::nullopt;
        std::string v = trim_trailing_marks(text::squeeze_space(s.value), ";,-(");
        // "2 (directs : 2 ; indirects : 0)": the brackets around the details are not part of the counts
        if (v.find('(') == std::string::npos) v = trim_trailing_marks(v, ");,");
        if (is_empty_value(v)) return std::nullopt;
        return v;
    };
    offer_.managed_staff.total = staff(field::staff_total);
    offer_.managed_staff.direct = staff(field::staff_direct);
    offer_.managed_staff.indirect = staff(field::staff_indirect);
    // contacts and url
    if (!contact_text_.empty()) offer_.contacts = parse_contacts(contact_text_);
    if (auto u = text_of(field::url)) offer_.url = *u;
    if (!offer_.url)
        for (const auto& u : urls_)
            if ((starts_with(u, "http://") || starts_with(u, "https://")) && !ends_with(fold(u), ".pdf") &&
                fold(u).find("/download") == std::string::npos) {
                offer_.url = u;
                break;
            }
    // conditions: lines whose value is "/" are left out
    {
        std::vector<std::string> kept;
        for (auto& c : offer_.conditions) {
            const std::size_t colon = c.rfind(':');
            const std::string_view value =
                colon == std::string::npos ? std::string_view(c) : trim(std::string_view(c).substr(colon + 1));
            if (colon != std::string::npos && is_empty_value(value)) continue;
            // "Fourniture ou mise à disposition de matériels, biens ou services /": a label whose value is "/"
            if (colon == std::string::npos && ends_with(c, " /") && word_count(c) > 2) continue;
            kept.push_back(trim_trailing_marks(c, ""));
        }
        offer_.conditions = std::move(kept);
    }
    // empty sections out
    std::erase_if(offer_.activities, [](const activity_section& a) { return a.items.empty(); });
    std::erase_if(offer_.profile, [](const profile_section& p) { return p.items.empty(); });
    // front matter fills only what the body lacks
    if (fm.present) {
        auto fmv = [&](std::string_view k) -> std::optional<std::string> {
            const std::string* v = fm.find(k);
            if (!v || trim(*v).empty()) return std::nullopt;
            return text::squeeze_space(*v);
        };
        if (offer_.title.empty()) {
            if (auto v = fmv("title"))
                offer_.title = *v;
            else if (auto t = fmv("titre"))
                offer_.title = *t;
        }
        if (offer_.reference.empty()) {
            if (auto v = fmv("reference"))
                offer_.reference = *v;
            else if (auto n = fmv("numero"))
                offer_.reference = *n;
        }
        if (offer_.employer.empty()) {
            if (auto v = fmv("employeur"))
                offer_.employer = *v;
            else if (auto d = fmv("direction"))
                offer_.employer = *d;
        }
        if (!offer_.direction) offer_.direction = fmv("direction_interne");
        if (!offer_.grade) offer_.grade = fmv("corps_grade");
        if (!offer_.location) {
            offer_.location = fmv("lieu_travail");
            if (!offer_.location) offer_.location = fmv("lieu");
        }
        if (!offer_.job_family) offer_.job_family = fmv("emploi_respnc");
        auto fm_date = [&](std::string_view k) -> std::optional<date> {
            if (auto v = fmv(k)) {
                if (auto d = date::parse_iso(*v)) return d;
                return find_french_date(*v).value;
            }
            return std::nullopt;
        };
        if (!offer_.deadline) offer_.deadline = fm_date("date_cloture");
        if (!offer_.posted_on) {
            offer_.posted_on = fm_date("date_depot");
            if (!offer_.posted_on) offer_.posted_on = fm_date("date_publication");
        }
        if (!offer_.url) offer_.url = fmv("url");
    }
    // The posting's own document: the front matter's url_pdf, else a converter's link to it.
    if (fm.present)
        if (const std::string* u = fm.find("url_pdf"); u && !trim(*u).empty())
            offer_.document_url = std::string(trim(*u));
    if (!offer_.document_url && !document_urls_.empty()) offer_.document_url = document_urls_.front();
    const std::size_t first_line = lines_.empty() ? 1 : lines_.front().no;
    // The facts cross-checked (offerkit/facts.hpp), before the rules of the catalogue see them.
    {
        fact_evidence evidence;
        evidence.where = {source_, first_line, 0, {}};
        auto words_of = [&](field f) -> std::optional<written_date> {
            const auto& s = slot(f);
            if (!s.set) return std::nullopt;
            return written_date{text::squeeze_space(clean_value(s.value)), {source_, s.line, 0, {}}};
        };
        evidence.posted_on = words_of(field::posted_on);
        evidence.deadline = words_of(field::deadline);
        if (!reference_date_words_.empty())
            evidence.reference_date =
                written_date{reference_date_words_, {source_, slot(field::reference).line, 0, {}}};
        if (fm.present) {
            offer_metadata m;
            m.source = "the front matter";
            m.where = {source_, fm_line_, 0, {}};
            auto fm_iso = [&](std::initializer_list<std::string_view> keys) -> std::optional<date> {
                for (auto k : keys)
                    if (const std::string* v = fm.find(k))
                        if (auto d = date::parse_iso(trim(*v).substr(0, 10))) return d;
                return std::nullopt;
            };
            m.deadline = fm_iso({"date_cloture", "date_limite"});
            m.posted_on = fm_iso({"date_mis_en_ligne", "date_publication", "date_depot"});
            if (m.deadline || m.posted_on) evidence.metadata.push_back(std::move(m));
        }
        check_facts(offer_, evidence, facts_, diags_);
    }
    // The rules of the catalogue, located at the line of their field (a
    // missing field: the first line).
    std::vector<finding> found;
    check_offer(offer_, found);
    for (auto& f : found) {
        // A deadline label whose date did not read was reported where it is.
        if (f.id == rule_id::missing_deadline && slot(field::deadline).set) continue;
        const bool about_deadline = rule_of(f.id).field == "deadline" && offer_.deadline;
        const std::size_t at = about_deadline && slot(field::deadline).line ? slot(field::deadline).line : first_line;
        diags_.add(to_diagnostic(f, {source_, at, 0, {}}));
    }
}

}  // namespace offerkit::posting

namespace offerkit {

job_offer parse_posting(std::string_view text, const std::string& source_name, diagnostics& diags, fact_policy facts) {
    posting::parser p(source_name, diags, facts);
    return p.run(text);
}

job_offer parse_posting(const posting_document& document, const std::string& source_name, diagnostics& diags,
                        fact_policy facts) {
    posting::parser p(source_name, diags, facts);
    return p.run(document);
}

}  // namespace offerkit
