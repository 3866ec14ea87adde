// posting/posting_parser.cpp — offerkit::parse_posting: posting text and
// Markdown into a job_offer. See include/offerkit/posting_parser.hpp.
//
// The text is cut into cleaned lines (lines.hpp); on each line the labels of
// the synonym table (labels.hpp) are found over folded text, several per line
// when the PDF converter glued them. A small state machine then places every
// line: a labelled value, the continuation of a wrapped value, or the content
// of the current section (description, missions, activities, conditions,
// profile, contacts, how to apply). The YAML front matter only fills gaps.
#include <offerkit/error.hpp>
#include <offerkit/posting_parser.hpp>
#include <offerkit/rules.hpp>
#include <offerkit/text_safety.hpp>

#include "posting/contacts.hpp"
#include "posting/french_date.hpp"
#include "posting/front_matter.hpp"
#include "posting/labels.hpp"
#include "posting/lines.hpp"
#include "posting/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

namespace offerkit {

namespace posting {
namespace {

constexpr std::size_t field_count = static_cast<std::size_t>(field::unknown) + 1;

bool ends_terminal(std::string_view s) noexcept {
    s = trim(s);
    if (s.empty()) return false;
    const char c = s.back();
    return c == '.' || c == ';' || c == '!' || c == '?' || c == ':' || c == ',' || ends_with(s, "\u2026");
}

/// The first bytes of s, at most n, cut on a UTF-8 boundary.
std::string_view utf8_prefix(std::string_view s, std::size_t n) noexcept {
    if (s.size() <= n) return s;
    while (n > 0 && (static_cast<unsigned char>(s[n]) & 0xC0) == 0x80) --n;
    return s.substr(0, n);
}

/// The last few characters of s (on a UTF-8 boundary): enough to test an
/// ending without folding a long value again and again.
std::string_view tail(std::string_view s, std::size_t n = 24) noexcept {
    if (s.size() <= n) return s;
    std::size_t at = s.size() - n;
    while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
    return s.substr(at);
}

/// The number of bytes of `s` that fold to the first `n` folded bytes.
std::size_t folded_prefix_len(std::string_view s, std::size_t n) {
    folded f;
    fold(s, f);
    if (n >= f.text.size()) return s.size();
    return f.src[n];
}

bool ends_connector(std::string_view s) {
    const std::string f = fold(tail(s));
    static constexpr std::string_view words[] = {" ou", " et", " de", " des", " du", " la", " le", " les", " a",
                                                 " au", " aux", " en", " sur", " par", " pour", " avec", " d'",
                                                 " l'", "-", "/", ","};
    for (auto w : words)
        if (ends_with(f, w)) return true;
    return false;
}

/// Ends with a word that cannot end a phrase ("Sens de l'écoute et").
bool ends_connector_word(std::string_view s) {
    const std::string f = fold(tail(s));
    static constexpr std::string_view words[] = {" ou", " et", " de", " des", " du", " la", " le", " les", " a",
                                                 " au", " aux", " en", " sur", " par", " pour", " avec"};
    for (auto w : words)
        if (ends_with(f, w) || f == w.substr(1)) return true;
    return false;
}

/// An introductory sentence that ends with a colon ("Le titulaire du poste est chargé de :",
/// "Vous aurez pour tâches :"): an item of the list, not the title of a sub-section.
bool is_intro_sentence(std::string_view t) {
    t = trim(t);
    while (!t.empty() && (t.back() == ':' || t.back() == ' ')) t.remove_suffix(1);
    if (t.empty()) return false;
    if (ends_connector_word(t)) return true;
    std::string f(1, ' ');  // (appends, not operator+: GCC 12 -O3 warns falsely on the latter, -Wrestrict)
    f += fold(utf8_prefix(t, 160));
    f += ' ';
    for (std::string_view w : {" est ", " sont ", " sera ", " seront ", " serez ", " devra ", " devrez ", " aurez ",
                               " aura ", " vous ", " il ", " elle ", " notamment "})
        if (f.find(w) != std::string::npos) return true;
    return starts_with(f, " le titulaire") || starts_with(f, " la ou le titulaire") ||
           starts_with(f, " l'agent ") || starts_with(f, " sous l'autorite");
}

/// Whether `value`, after a label written without a colon, reads as that label's
/// value: a date for the date labels, a code with digits for the reference.
bool plain_label_value(field f, std::string_view value) {
    value = trim(value);
    if (value.empty()) return false;
    if (f == field::posted_on || f == field::deadline) {
        const auto d = find_french_date(utf8_prefix(value, 48));
        return d.value.has_value() || d.date_like;
    }
    if (f == field::reference) {
        const std::size_t sp = value.find(' ');
        const std::string_view code = value.substr(0, sp);
        return std::any_of(code.begin(), code.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
               (code.find('-') != std::string_view::npos || code.find('/') != std::string_view::npos);
    }
    return false;
}

/// A bare count ("3"): complete, nothing wraps after it.
bool is_count(std::string_view v) noexcept {
    v = trim(v);
    return !v.empty() && v.size() <= 4 && std::all_of(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool is_empty_value(std::string_view v) noexcept {
    v = trim(v);
    return v.empty() || v == "/" || v == "-" || v == "\u2013" || v == "//" || v == "néant" || v == "Néant";
}

/// Whether a short line reads as the end of an address that the converter moved away
/// from its "Lieu de travail" value: a town in capitals ("NOUMEA CEDEX", "KONE"), a
/// "Cedex", a postal code and town ("98860 Koné"). With `loose`, capitalised words
/// alone ("Pouembout", "La Foa") count too.
bool address_tail(std::string_view t, bool loose) {
    t = trim(t);
    if (t.empty() || t.size() > 40) return false;
    const std::size_t words = word_count(t);
    if (words == 0 || words > 4) return false;
    bool lower = false, letters = false;
    std::size_t i = 0;
    bool word_start = true, word_ok = true;
    std::size_t lower_words = 0;
    while (i < t.size()) {
        const std::size_t at = i;
        const char32_t cp = decode(t, i);
        if (cp == ' ') {
            word_start = true;
            continue;
        }
        if (cp == '-' || cp == '\'' || cp == 0x2019 || cp == 0x2013) continue;
        if (!is_alnum_cp(cp)) return false;  // punctuation: a sentence or a list, not a town
        if (cp >= '0' && cp <= '9') {
            word_start = false;
            continue;
        }
        letters = true;
        const bool is_lower = starts_lower(t.substr(at));
        if (is_lower) lower = true;
        if (word_start && is_lower) {
            ++lower_words;
            const std::size_t e = t.find(' ', at);
            const std::string_view w = t.substr(at, e == std::string_view::npos ? t.size() - at : e - at);
            static constexpr std::string_view connectors[] = {"de", "du", "des", "la", "le", "les", "sur", "et"};
            if (std::find(std::begin(connectors), std::end(connectors), w) == std::end(connectors)) word_ok = false;
        }
        word_start = false;
    }
    if (!letters) return false;
    for (std::size_t p = 0; p + 5 <= t.size(); ++p) {  // "Cedex", "CEDEX" (ASCII)
        std::size_t k = 0;
        while (k < 5 && (t[p + k] | 0x20) == "cedex"[k]) ++k;
        if (k == 5) return true;
    }
    // "98860 Koné": a postal code then a town
    if (t.size() > 6 && std::all_of(t.begin(), t.begin() + 5, [](char c) { return c >= '0' && c <= '9'; }) &&
        t[5] == ' ' && starts_upper(t.substr(6)))
        return true;
    if (!lower) return t.size() >= 3;
    return loose && word_ok && lower_words < words && starts_upper(t);
}

std::string clean_value(std::string_view v) {
    std::string s = squeeze(v);
    // a footnote call left at the start ("(1) /", "⁽¹⁾ : …")
    for (std::string_view fn : {"(1)", "\u207D\u00B9\u207E", "(*)"})
        if (starts_with(s, fn)) {
            std::string_view r = trim(std::string_view(s).substr(fn.size()));
            if (starts_with(r, ":")) r = trim(r.substr(1));
            s = std::string(r);
        }
    return trim_trailing_marks(s, ";,");
}

/// Removes a number or letter marker and a trailing colon from a section title.
std::string clean_title(std::string_view t) {
    std::string s = squeeze(t);
    std::string_view v = s;
    // "1." "1)" "A." "a)" markers
    if (!v.empty() && std::isdigit(static_cast<unsigned char>(v[0]))) {
        std::size_t k = 0;
        while (k < v.size() && std::isdigit(static_cast<unsigned char>(v[k]))) ++k;
        if (k < v.size() && (v[k] == '.' || v[k] == ')')) v = trim(v.substr(k + 1));
    } else if (v.size() > 3 && std::isalpha(static_cast<unsigned char>(v[0])) && (v[1] == '.' || v[1] == ')') &&
               v[2] == ' ') {
        v = trim(v.substr(3));
    }
    for (;;) {
        v = trim(v);
        if (!v.empty() && (v.back() == ':' || v.back() == '*')) {
            v.remove_suffix(1);
            continue;
        }
        break;
    }
    return std::string(v);
}

struct scalar_slot {
    std::string value;
    std::size_t line = 0;
    bool set = false;
};

enum class zone { title, header, body };

class parser {
public:
    parser(const std::string& source, diagnostics& diags) : source_(source), diags_(diags) {}

    job_offer run(std::string_view text);

private:
    // --- input
    const std::string& source_;
    diagnostics& diags_;
    std::vector<text_line> lines_;
    folded fold_buf_;  // the current line, folded (reused: no allocation per line)

    /// The folded text of line idx. With `prefix_only`, only the start of a long
    /// line is folded (enough for labels at the line start).
    const folded& fold_line(std::size_t idx, bool prefix_only) {
        const std::size_t limit = 72;  // longer than any label, its "(1)" and colon
        const std::string& t = lines_[idx].text;
        fold(prefix_only ? utf8_prefix(t, limit) : std::string_view(t), fold_buf_);
        return fold_buf_;
    }
    std::vector<label_hit> cands_, hits_;  // reused from line to line
    std::string apply_probe_;
    // --- state
    zone zone_ = zone::title;
    field section_ = field::unknown;  // current section (field::unknown: none)
    std::string extra_label_;          // current extra section's label
    std::vector<std::string> extra_values_;
    std::size_t extra_line_ = 0;
    std::array<scalar_slot, field_count> slots_{};
    std::optional<field> open_;  // the labelled value that the next line may continue
    std::size_t open_line_ = 0;
    std::optional<field> hanging_;  // an earlier value that ended on a connector or a dash
    bool last_on_line_ = true;
    bool open_awaiting_ = false;
    field last_label_ = field::unknown;
    std::vector<std::string> title_parts_;
    std::vector<bool> title_heading_;
    std::string banner_employer_;  // an employer's name in the letterhead, used when no "Employeur" label
    std::size_t title_line_ = 0;
    activity_kind kind_ = activity_kind::main;
    bool activity_open_ = false;  // items go to offer_.activities.back()
    bool profile_open_ = false;   // items go to offer_.profile.back()
    bool cond_collect_ = false;
    bool label_tail_pending_ = false;  // a labelled condition line gathers the bullets under it
    bool location_tail_taken_ = false;
    field last_text_field_ = field::unknown;  // the last free-text value set by a label, and its line
    std::size_t last_text_line_ = 0;  // an address tail moved by the converter was given back to the location
    std::string contact_text_;
    std::vector<std::string> urls_;
    job_offer offer_;

    // --- helpers
    void process(std::size_t idx);
    void accept_hits(std::size_t idx, const std::vector<label_hit>& cands, std::vector<label_hit>& out) const;
    void on_label(std::size_t idx, const label_hit& h, std::string_view value, bool whole_run);
    void on_text(std::size_t idx, std::string_view text, bool whole_line, bool from_label);
    bool try_continue_scalar(const text_line& l, std::string_view text, bool whole_line);
    bool try_location_tail(std::size_t idx, std::string_view text);
    void set_scalar(field f, std::string_view value, std::size_t line);
    bool open_closed() const;
    void enter_section(field f, std::size_t line);
    void flush_extra();
    void content(std::size_t idx, const text_line& l, std::string_view text, bool from_label);
    void paragraph(std::vector<std::string>& list, const text_line& l, std::string_view text);
    void activity_line(std::size_t idx, const text_line& l, std::string_view text, bool from_label);
    void profile_line(std::size_t idx, const text_line& l, std::string_view text);
    void condition_line(const text_line& l, std::string_view text);
    void apply_line(const text_line& l, std::string_view text);
    bool next_is_bullet(std::size_t idx) const;
    /// "**Date limite de**" / "**candidature :** 4 décembre 2026": a label the converter
    /// split over two lines is put back on the first line, so that its second half
    /// ("Candidature") is not read as a label of its own.
    void merge_split_labels();
    /// The letterhead's address or phone line repeated on every page ("… 98841 NOUMÉA CEDEX –
    /// Tél. …"): dropped before reading, so that it never lands in a list or a value.
    void drop_repeated_footers();
    std::vector<std::string> letterhead_;  // folded lines before the first label: repeated later, page furniture
    bool starts_apply(std::string_view folded_text) const;
    bool preceded_by_article(std::size_t idx, const label_hit& h) const;
    bool try_unknown_label(std::size_t idx, std::string_view text);
    bool looks_like_unknown_label(const text_line& l, std::string_view text) const;
    void finish(const front_matter& fm);
    void warn(std::size_t line, std::string msg) { diags_.warn({source_, line, 0, {}}, std::move(msg)); }
};

job_offer parser::run(std::string_view text) {
    const std::size_t bad = find_invalid_utf8(text);
    if (bad != std::string_view::npos)
        throw error(errc::invalid_utf8, source_ + ": invalid UTF-8 at byte offset " + std::to_string(bad) +
                                            " (byte 0x" + [&] {
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
        if (head_end == std::string::npos || head_end > 50) {
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
            (l.bullet || trim(std::string_view(l.text).substr(std::min(h.value_begin, l.text.size()))).size() > 0))
            continue;
        // plain text without a colon: "Date limite de candidature  vendredi 8 janvier 2027",
        // "Référence 9001-26-0101/SR du …": the value itself shows that the line is labelled
        const bool plain_value = start && !h.colon && !bold && l.bold_start.empty() && l.heading == 0 &&
                                 !l.bullet && plain_label_value(e.f, std::string_view(l.text).substr(h.value_begin));
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
        if (h.colon || plain_value) accept = true;
        else if ((start || bold) && run_end) accept = true;
        else if (run_end && le < l.text.size() && !is_section(e.f) && e.flags == lf_none) accept = true;
        else if (run_end && le < l.text.size() && (e.flags & lf_run_value)) accept = true;
        else if (start && (e.flags & lf_loose) && (l.heading > 0 || bold)) accept = true;
        else if ((e.flags & lf_run_value) && bold && zone_ != zone::title) accept = true;
        else if (start && h.footnote) accept = true;
        ok[k] = accept ? 1 : 0;
    }
    // a label at the start immediately followed by an accepted one ("… pour le recrutement Lieu de travail :")
    for (std::size_t k = 0; k + 1 < cands.size(); ++k) {
        if (ok[k] || !ok[k + 1]) continue;
        const auto& h = cands[k];
        if (!(h.begin == 0 || at_bold(h.begin))) continue;
        if ((h.entry->flags & (lf_needs_colon | lf_needs_footnote | lf_line_start))) continue;
        if (trim(std::string_view(l.text).substr(h.label_end, cands[k + 1].begin - std::min(h.label_end, cands[k + 1].begin))).empty())
            ok[k] = 1;
    }
    for (std::size_t k = 0; k < cands.size(); ++k)
        if (ok[k]) out.push_back(cands[k]);
}

void parser::process(std::size_t idx) {
    const text_line& l = lines_[idx];
    if (l.html_only) {
        for (const auto& u : l.links) (void)u;  // links of HTML blocks are the converter's (PDF download)
        return;
    }
    if (l.blank()) return;
    // A label inside a line needs a colon after it or bold markers: without
    // either, only the start of the line can hold one.
    const bool start_only = section_ == field::apply || section_ == field::contact ||
                            (l.bold_start.empty() && l.text.find(':') == std::string::npos);
    // Most list items start with a word no label starts with: no need to fold them.
    const bool may_label = !start_only || l.text.size() < 60 || zone_ == zone::title ||
                           may_start_with_label(l.text);
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
                "avis de vacance de poste", "avis de vacances de poste", "avis de vacance", "offre d'emploi",
                "fiche de poste", "appel a candidatures", "appel a candidature", "recrutement"};
            static constexpr std::string_view employers[] = {
                "gouvernement de la nouvelle-caledonie", "republique francaise", "province sud", "province nord",
                "province des iles loyaute", "nouvelle-caledonie", "congres de la nouvelle-caledonie"};
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
    static constexpr std::string_view articles[] = {"de", "la", "le", "les", "du", "des", "au", "aux", "et", "a",
                                                    "l'", "d'", "en", "par", "sa", "son", "ses", "une", "un"};
    for (auto a : articles)
        if (w == a) return true;
    return ends_with(w, "'") && w.size() <= 2;
}

bool parser::starts_apply(std::string_view f) const {
    static constexpr std::string_view starts[] = {
        "les candidatures (", "les candidatures doivent", "les candidatures sont a adresser",
        "les candidatures accompagnees", "les dossiers de candidature", "votre candidature", "vos candidatures",
        "pour postuler", "pour candidater", "merci d'adresser", "adressez votre candidature",
        "envoyez votre candidature", "les candidats doivent adresser", "les personnes interessees"};
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
        default:
            section_ = f;
            return;
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

bool parser::open_closed() const {
    if (!open_) return true;
    const auto& s = slots_[static_cast<std::size_t>(*open_)];
    return is_empty_value(s.value) && !trim(s.value).empty();
}

bool parser::try_continue_scalar(const text_line& l, std::string_view text, bool whole_line) {
    if (!open_) return false;
    auto& s = slots_[static_cast<std::size_t>(*open_)];
    if (open_awaiting_) {
        if (l.bullet && !whole_line) return false;
        s.value = std::string(text);
        s.line = l.no;
        open_awaiting_ = false;
        if (!is_text_field(*open_)) open_.reset();
        return true;
    }
    if (!is_text_field(*open_) || open_closed()) return false;
    if (l.bullet) return false;
    bool cont = false;
    // several values on the line above: the one left on a connector ("Direction : du") gets the rest
    if (last_text_line_ == open_line_ && last_text_field_ != *open_ && last_text_field_ != field::unknown &&
        !ends_connector(s.value)) {
        auto& last = slots_[static_cast<std::size_t>(last_text_field_)];
        if (ends_connector_word(last.value)) {
            last.value += " ";
            last.value += text;
            return true;
        }
    }
    if (zone_ == zone::header) {
        cont = true;
        if (hanging_ && *hanging_ != *open_ && !ends_connector(s.value)) {
            auto& h = slots_[static_cast<std::size_t>(*hanging_)];
            h.value += " ";
            h.value += text;
            hanging_.reset();
            return true;
        }
    }
    else if (starts_lower(text) || word_count(text) <= 2 || ends_connector(s.value)) cont = true;
    if (!cont) return false;
    s.value += " ";
    s.value += text;
    return true;
}

/// The two-column layout of the postings makes converters move the end of a
/// wrapped "Lieu de travail" value ("NOUMEA CEDEX", "Pouembout") a few lines down,
/// after another label or between two paragraphs of the missions. Such a line goes
/// back to the location: in the header when the location visibly lacks its end (a
/// postal code, a connector) and the line reads as a town; in prose when a lone
/// line of capitalised words sits between two complete paragraphs.
bool parser::try_location_tail(std::size_t idx, std::string_view text) {
    const text_line& l = lines_[idx];
    if (location_tail_taken_ || l.bullet || l.heading > 0 || l.number > 0 || trim(text).size() > 40) return false;
    if (!address_tail(text, true)) return false;  // the loose test includes the strict one: most lines stop here
    if (open_ && *open_ == field::location) return false;  // the ordinary continuation
    auto& loc = slots_[static_cast<std::size_t>(field::location)];
    if (!loc.set || loc.line >= l.no || is_empty_value(loc.value)) return false;
    const bool prose = section_ == field::missions || section_ == field::details || section_ == field::context;
    if (!(zone_ == zone::header || prose || section_ == field::unknown)) return false;
    const std::string_view v = trim(loc.value);
    const std::string_view end = v.size() >= 5 ? v.substr(v.size() - 5) : v;
    const bool postal_end = v.size() >= 5 && std::all_of(end.begin(), end.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
                            (v.size() == 5 || v[v.size() - 6] == ' ');
    const bool lacks_end = postal_end || ends_connector(v);
    // a value labelled just above may be the one wrapped ("Superviseur" / "Grand Nord")
    const bool open_text = open_ && is_text_field(*open_) && !open_closed() && !open_awaiting_;
    const bool open_unfinished = open_text && ends_connector(slots_[static_cast<std::size_t>(*open_)].value);
    bool take = lacks_end && !open_unfinished && address_tail(text, false);
    if (!take && prose && !open_text && word_count(text) <= 3 && address_tail(text, true)) {
        const auto& list = section_ == field::missions ? offer_.missions : offer_.description;
        take = !list.empty() && ends_terminal(list.back()) && !next_is_bullet(idx);
    }
    if (!take) return false;
    loc.value += " ";
    loc.value += std::string(trim(text));
    location_tail_taken_ = true;
    return true;
}

void parser::on_text(std::size_t idx, std::string_view text, bool whole_line, bool from_label) {
    const text_line& l = lines_[idx];
    text = trim(text);
    if (text.empty()) return;
    if (label_tail_pending_ && whole_line && !from_label && l.all_bold() && starts_lower(text) &&
        word_count(text) <= 3) {
        label_tail_pending_ = false;  // the rest of a label split by the converter, not content
        return;
    }
    // a long bold paragraph among list items is prose about the post (description), not an item or a title
    if (whole_line && !from_label && l.all_bold() && !l.bullet && l.heading == 0 && word_count(text) > 20 &&
        (section_ == field::profile || section_ == field::activities || section_ == field::conditions)) {
        offer_.description.emplace_back(trim(text));
        return;
    }
    if (!from_label && whole_line && try_location_tail(idx, text)) return;
    if (!from_label) {
        // an unlabelled line naming the direction right after the employer
        if (zone_ == zone::header && last_label_ == field::employer && whole_line &&
            !slots_[static_cast<std::size_t>(field::direction)].set && starts_with(fold(text), "direction ")) {
            set_scalar(field::direction, text, l.no);
            open_ = field::direction;
            open_line_ = l.no;
            open_awaiting_ = false;
            return;
        }
        if (whole_line && l.heading == 0 && !(open_ && open_awaiting_) &&
            (section_ == field::unknown || section_ == field::details || section_ == field::missions ||
             section_ == field::context) &&
            looks_like_unknown_label(l, text) && try_unknown_label(idx, text))
            return;
        if (section_ != field::apply && section_ != field::contact && section_ != field::activities &&
            section_ != field::profile && section_ != field::conditions && try_continue_scalar(l, text, whole_line))
            return;
        if ((section_ == field::activities || section_ == field::profile || section_ == field::conditions) && open_ &&
            (open_awaiting_ || (!l.bullet && (starts_lower(text) || word_count(text) <= 2))) &&
            try_continue_scalar(l, text, whole_line))
            return;
        open_.reset();
        if (whole_line && l.heading == 0 &&
            (section_ == field::unknown || section_ == field::details || section_ == field::missions ||
             section_ == field::context) &&
            try_unknown_label(idx, text))
            return;
    }
    if (section_ == field::unknown && !extra_label_.empty() && !(l.heading > 0 && whole_line && !from_label)) {
        extra_values_.push_back(squeeze(text));
        return;
    }
    if (section_ == field::unknown && (zone_ == zone::header || !extra_label_.empty()) && l.heading > 0 &&
        whole_line) {
        flush_extra();
        // an unknown heading before the body: its lines go to `extra`
        const std::string t = clean_title(text);
        if (!t.empty()) {
            extra_label_ = t;
            extra_line_ = l.no;
            return;
        }
    }
    content(idx, l, text, from_label);
}

bool parser::looks_like_unknown_label(const text_line& l, std::string_view text) const {
    if (l.bullet) return false;
    const std::size_t colon = text.find(" :");
    const std::size_t colon2 = text.find(": ");
    const std::size_t c = std::min(colon, colon2);
    if (c == std::string_view::npos || c == 0) return false;
    const std::string_view label = trim(text.substr(0, c));
    const std::string_view value = trim(text.substr(c + 2));
    return !value.empty() && word_count(label) <= 4 && starts_upper(label) &&
           label.find_first_of(".,;()") == std::string_view::npos;
}

bool parser::try_unknown_label(std::size_t idx, std::string_view text) {
    const text_line& l = lines_[idx];
    if (l.bullet) return false;
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0) return false;
    const std::string_view label = trim(text.substr(0, colon));
    const std::string_view value = trim(text.substr(colon + 1));
    if (label.empty() || word_count(label) > 5 || !starts_upper(label)) return false;
    if (label.find('.') != std::string_view::npos || label.find(',') != std::string_view::npos) return false;
    if (starts_with(value, "//")) return false;  // a URL
    flush_extra();
    if (value.empty()) {
        extra_label_ = std::string(label);
        extra_line_ = l.no;
        section_ = field::unknown;
        return true;
    }
    offer_.extra.set(std::string(label), squeeze(value));
    return true;
}

void parser::content(std::size_t idx, const text_line& l, std::string_view text, bool from_label) {
    text_line pseudo;
    const text_line* line = &l;
    if (from_label) {
        // the rest of a label line: it may start with its own bullet ("Missions : - Renforcer…")
        pseudo.no = l.no;
        pseudo.bullet = l.bullet;  // "- **Activités principales** Manager …": the rest is an item
        std::string_view t = trim(text);
        static constexpr std::string_view bullets[] = {"- ", "\u2022", "\u25CF", "\u2013 ", "* "};
        for (auto b : bullets)
            if (starts_with(t, b)) {
                pseudo.bullet = true;
                t = trim(t.substr(b.size()));
                break;
            }
        pseudo.text = std::string(t);
        line = &pseudo;
        text = pseudo.text;
    }
    for (const auto& u : l.links)
        if (section_ == field::apply || section_ == field::contact) urls_.push_back(u);
    switch (section_) {
        case field::details:
        case field::context:
            paragraph(offer_.description, *line, text);
            return;
        case field::missions:
            paragraph(offer_.missions, *line, text);
            return;
        case field::activities:
            activity_line(idx, *line, text, from_label);
            return;
        case field::conditions:
            condition_line(*line, text);
            return;
        case field::profile:
            profile_line(idx, *line, text);
            return;
        case field::contact:
            if (!contact_text_.empty()) contact_text_ += "\n";
            contact_text_ += std::string(text);
            return;
        case field::apply:
            apply_line(*line, text);
            return;
        default:
            break;
    }
    warn(l.no, "line could not be placed in any field: \"" + std::string(text.substr(0, 60)) +
                   (text.size() > 60 ? "…" : "") + "\"");
}

void parser::paragraph(std::vector<std::string>& list, const text_line& l, std::string_view text) {
    const std::string t(trim(text));  // cleaned lines are already squeezed
    if (t.empty() || t == ".") return;
    if (!l.bullet && !list.empty() &&
        (starts_lower(t) || (word_count(t) <= 2 && !ends_terminal(list.back()) && l.heading == 0))) {
        list.back() += " " + t;
        return;
    }
    list.push_back(t);
}

void parser::activity_line(std::size_t idx, const text_line& l, std::string_view text, bool from_label) {
    std::string t(trim(text));  // cleaned lines are already squeezed
    if (t.empty() || t == ".") return;
    auto& acts = offer_.activities;
    const bool dash_bullet = l.bullet && l.number == 0;
    // continuation of the previous item
    if (!dash_bullet && l.number == 0 && activity_open_ && !acts.back().items.empty() && starts_lower(t)) {
        acts.back().items.back() += " " + t;
        return;
    }
    bool title = false;
    if (!dash_bullet) {
        const std::size_t words = word_count(t);
        const bool colon_end = ends_with(t, ":");
        const bool inner_colon = t.find(": ") != std::string::npos && !colon_end;
        if (l.heading > 0 || l.all_bold()) title = !inner_colon || colon_end;
        if (!inner_colon && colon_end && words <= 14) title = true;
        if (!inner_colon && !ends_terminal(t) && words <= 12 && next_is_bullet(idx)) title = true;
        if (l.number > 0 && (colon_end || next_is_bullet(idx))) title = true;
        if (from_label && !next_is_bullet(idx) && !colon_end) title = false;
        if (title && colon_end && is_intro_sentence(t)) title = false;  // "Le titulaire du poste est chargé de :"
    }
    if (title) {
        acts.push_back({kind_, clean_title(t), {}});
        activity_open_ = true;
        return;
    }
    if (!activity_open_ || acts.empty() || acts.back().kind != kind_) {
        acts.push_back({kind_, std::nullopt, {}});
        activity_open_ = true;
    }
    acts.back().items.push_back(std::move(t));
}

void parser::profile_line(std::size_t idx, const text_line& l, std::string_view text) {
    std::string t(trim(text));  // cleaned lines are already squeezed
    if (t.empty() || t == ".") return;
    auto& prof = offer_.profile;
    const bool note_like = (t.size() > 16 && (t[0] == 'L' || t[0] == 'l')) || starts_with(t, "(*)");
    const std::string f = note_like ? fold(std::string_view(t).substr(0, 40)) : std::string();
    if (note_like && (starts_with(f, "les competences suivies") || starts_with(f, "les competences marquees") ||
                      starts_with(f, "les competences signalees") || starts_with(f, "(*)"))) {
        prof.push_back({std::nullopt, {t}});
        profile_open_ = true;
        return;
    }
    if (!l.bullet && profile_open_ && !prof.back().items.empty() &&
        (starts_lower(t) || ends_connector_word(prof.back().items.back()))) {
        prof.back().items.back() += " " + t;
        return;
    }
    bool title = false;
    if (!l.bullet || l.number > 0) {
        const bool colon_end = ends_with(t, ":");
        const bool inner_colon = t.find(": ") != std::string::npos && !colon_end;
        if ((l.heading > 0 || l.all_bold()) && !inner_colon) title = true;
        if (colon_end && word_count(t) <= 8 && !is_intro_sentence(t)) title = true;
    }
    (void)idx;
    if (title) {
        prof.push_back({clean_title(t), {}});
        profile_open_ = true;
        return;
    }
    if (!profile_open_ || prof.empty()) {
        prof.push_back({std::nullopt, {}});
        profile_open_ = true;
    }
    prof.back().items.push_back(std::move(t));
}

void parser::condition_line(const text_line& l, std::string_view text) {
    std::string t(trim(text));  // cleaned lines are already squeezed
    if (t.empty() || t == ".") return;
    // two labelled lines glued by the converter: "Fourniture … : / Régimes indemnitaires … : …"
    for (std::size_t at = t.find(": / "); at != std::string::npos; at = t.find(": / ", at + 1)) {
        const std::string_view rest = trim(std::string_view(t).substr(at + 4));
        if (rest.size() > 3 && starts_upper(rest) && rest.find(':') != std::string_view::npos) {
            condition_line(l, std::string_view(t).substr(0, at + 3));
            text_line cont;
            cont.no = l.no;
            condition_line(cont, rest);
            return;
        }
    }
    auto& c = offer_.conditions;
    const bool labelled = t.find(':') != std::string::npos;
    if (!c.empty() && (ends_with(c.back(), ":") || (cond_collect_ && !labelled) || (!l.bullet && starts_lower(t)))) {
        if (ends_with(c.back(), ":")) cond_collect_ = true;
        c.back() += " " + t;
        return;
    }
    cond_collect_ = false;
    c.push_back(std::move(t));
}

void parser::apply_line(const text_line& l, std::string_view text) {
    std::string t(trim(text));  // cleaned lines are already squeezed
    if (t.empty() || t == ".") return;
    for (const auto& u : l.links) urls_.push_back(u);
    // bare addresses written in the text ("… sur https://emploi.example.nc/offre/12")
    for (std::size_t at = t.find("http"); at != std::string::npos; at = t.find("http", at + 4)) {
        if (t.compare(at, 7, "http://") != 0 && t.compare(at, 8, "https://") != 0) continue;
        std::size_t e = at;
        while (e < t.size() && t[e] != ' ' && t[e] != ')' && t[e] != '>' && t[e] != '"') ++e;
        while (e > at && (t[e - 1] == '.' || t[e - 1] == ',' || t[e - 1] == ';')) --e;
        urls_.push_back(t.substr(at, e - at));
    }
    auto& a = offer_.how_to_apply;
    if (!l.bullet && !a.empty() && starts_lower(t) && !starts_with(t, "(")) {
        a.back() += " " + t;
        return;
    }
    a.push_back(std::move(t));
}

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
        offer_.title = squeeze(title_parts_[pick]);
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
        if (!when.empty()) {
            const auto d = find_french_date(when);
            if (d.value) offer_.reference_date = d.value;
            else warn(slot(field::reference).line, "cannot read the date of the reference: \"" + excerpt(trim(when)) + "\"");
        }
    }
    if (auto v = text_of(field::employer)) offer_.employer = *v;
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
                {"un", 1},   {"une", 1},  {"deux", 2}, {"trois", 3}, {"quatre", 4}, {"cinq", 5},
                {"six", 6},  {"sept", 7}, {"huit", 8}, {"neuf", 9},  {"dix", 10}};
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
            for (std::string_view w : {"postes a pourvoir", "poste a pourvoir", "poste(s) a pourvoir", "postes",
                                       "poste(s)", "poste"})
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
            if (d.value) offer_.available_from = d.value;
            else if (!d.bad_text.empty())
                warn(slot(field::availability).line, "poste à pourvoir: \"" + excerpt(d.bad_text) + "\" is not a valid date");
        }
    }
    if (auto o = text_of(field::openings)) {
        std::string digits;
        for (char c : *o) {
            if (c >= '0' && c <= '9') digits += c;
            else if (!digits.empty()) break;
        }
        if (!digits.empty() && digits.size() <= 4) offer_.openings = std::stoi(digits);
        else offer_.extra.set("Nombre de postes", *o);
    }
    auto staff = [&](field f) -> std::optional<std::string> {
        auto& s = slot(f);
        if (!s.set) return std::nullopt;
        std::string v = trim_trailing_marks(squeeze(s.value), ";,-(");
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
            const std::string_view value = colon == std::string::npos ? std::string_view(c)
                                                                       : trim(std::string_view(c).substr(colon + 1));
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
            return squeeze(*v);
        };
        if (offer_.title.empty()) {
            if (auto v = fmv("title")) offer_.title = *v;
            else if (auto t = fmv("titre")) offer_.title = *t;
        }
        if (offer_.reference.empty()) {
            if (auto v = fmv("reference")) offer_.reference = *v;
            else if (auto n = fmv("numero")) offer_.reference = *n;
        }
        if (offer_.employer.empty()) {
            if (auto v = fmv("employeur")) offer_.employer = *v;
            else if (auto d = fmv("direction")) offer_.employer = *d;
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
    // The rules of the catalogue, located at the line of their field (a
    // missing field: the first line).
    const std::size_t first_line = lines_.empty() ? 1 : lines_.front().no;
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

}  // namespace
}  // namespace posting

job_offer parse_posting(std::string_view text, const std::string& source_name, diagnostics& diags) {
    posting::parser p(source_name, diags);
    return p.run(text);
}

}  // namespace offerkit
