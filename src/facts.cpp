// Cross-checks of an offer's facts and the repairs the evidence allows (offerkit/facts.hpp, docs/facts.md).
#include <offerkit/facts.hpp>
#include <offerkit/referential.hpp>
#include <offerkit/rules.hpp>
#include <offerkit/text.hpp>

#include <algorithm>
#include <cstdlib>

namespace offerkit {

namespace {

// Messages name days in English, as the rest of offerkit's messages: "29 May 2029 is a Tuesday".
std::string day_in_words(const date& d) {
    return std::to_string(d.day()) + " " + std::string(text::month_name(d.month(), text::language::en)) + " " +
           std::to_string(d.year());
}
std::string weekday_in_words(int weekday) { return std::string(text::weekday_name(weekday, text::language::en)); }

bool near(const date& a, const date& b) { return std::llabs(days_between(a, b)) <= metadata_tolerance_days; }

diagnostic warning(rule_id id, std::string message, const source_location& where) {
    return to_diagnostic({id, std::move(message)}, where);
}

std::string quoted(const std::string& s) { return "\"" + s + "\""; }

// Which date of the offer a check is about.
enum class which { reference_date, posted_on, deadline };

std::optional<date>& member(job_offer& o, which w) {
    return w == which::reference_date ? o.reference_date : w == which::posted_on ? o.posted_on : o.deadline;
}
const std::optional<written_date>& words(const fact_evidence& e, which w) {
    return w == which::reference_date ? e.reference_date : w == which::posted_on ? e.posted_on : e.deadline;
}
std::string_view key(which w) {
    return w == which::reference_date ? "reference_date" : w == which::posted_on ? "posted_on" : "deadline";
}

// Whether `d` as the value of `w` fits the offer's other dates.
bool fits(const job_offer& o, which w, const date& d) {
    switch (w) {
        case which::deadline:
            if (o.posted_on && (d < *o.posted_on || days_between(*o.posted_on, d) > longest_window_days)) return false;
            if (o.reference_date && d < *o.reference_date) return false;
            return true;
        case which::posted_on:
            if (o.deadline && *o.deadline < d) return false;
            if (o.reference_date && days_between(d, *o.reference_date) > posting_before_reference_days) return false;
            return true;
        case which::reference_date:
            if (o.deadline && *o.deadline < d) return false;
            if (o.posted_on && days_between(*o.posted_on, d) > posting_before_reference_days) return false;
            return true;
    }
    return true;
}

// The year the offer's other dates (or its reference) place it in.
std::optional<int> anchor_year(const job_offer& o, which w) {
    if (w != which::posted_on && o.posted_on) return o.posted_on->year();
    if (w != which::reference_date && o.reference_date) return o.reference_date->year();
    if (w != which::deadline && o.deadline) return o.deadline->year();
    if (auto p = parse_reference(o.reference); p && !p->prefix.empty()) return 2000 + p->year;
    return std::nullopt;
}

std::string where_text(const source_location& l) { return l.to_string(); }

// The weekday written before a date contradicts it.
void check_weekday(job_offer& o, const fact_evidence& e, which w, bool fix, diagnostics& diags) {
    auto& value = member(o, w);
    const auto& written = words(e, w);
    if (!value || !written) return;
    const int weekday = written_weekday(written->text);
    if (weekday < 0 || value->weekday() == weekday) return;
    const date d = *value;
    std::string found = quoted(written->text) + ": " + day_in_words(d) + " is a " + weekday_in_words(d.weekday());
    const auto anchor = anchor_year(o, w);
    std::vector<date> readings;
    if (anchor)
        for (int y = *anchor - 1; y <= *anchor + 1; ++y)
            if (auto c = date::from_ymd(y, d.month(), d.day()); c && c->weekday() == weekday && fits(o, w, *c))
                readings.push_back(*c);
    // The year is the suspect only when the date as written is out of place.
    const bool misplaced = !anchor || std::abs(d.year() - *anchor) > 1 || !fits(o, w, d);
    if (fix && misplaced && readings.size() == 1) {
        const date r = readings.front();
        repair rec;
        rec.field = std::string(key(w));
        rec.rule = std::string(rule_of(rule_id::weekday_mismatch).name);
        rec.as_written = d.to_iso();
        rec.value = r.to_iso();
        rec.text = written->text;
        rec.evidence = day_in_words(d) + " is a " + weekday_in_words(d.weekday()) + "; " + day_in_words(r) + " is a " +
                       weekday_in_words(weekday) + ", the only year near " + std::to_string(*anchor) +
                       " where the day and month fall on a " + weekday_in_words(weekday);
        rec.source = where_text(written->where);
        value = r;
        diags.add(record_repair(o, std::move(rec), written->where));
        return;
    }
    if (readings.size() > 1)
        found += "; " + weekday_in_words(weekday) + " fits more than one year near " + std::to_string(*anchor) +
                 ": kept as written";
    else if (readings.empty())
        found += "; no year near " + (anchor ? std::to_string(*anchor) : std::string("the posting's")) +
                 " makes it a " + weekday_in_words(weekday) + ": kept as written";
    else
        found += "; the day or the weekday may be the mistake: kept as written";
    diags.add(warning(rule_id::weekday_mismatch, found, written->where));
}

// What the metadata says of the two dates: agrees with the swapped order, with the written one, or neither.
struct metadata_vote {
    bool swapped = false;
    bool written = false;
    std::string source;
};

metadata_vote vote(const fact_evidence& e, const date& posted, const date& deadline) {
    metadata_vote v;
    for (const auto& m : e.metadata) {
        if (!m.posted_on && !m.deadline) continue;
        const bool as_swapped =
            (!m.posted_on || near(*m.posted_on, deadline)) && (!m.deadline || near(*m.deadline, posted));
        const bool as_written =
            (!m.posted_on || near(*m.posted_on, posted)) && (!m.deadline || near(*m.deadline, deadline));
        if (as_swapped && !as_written && !v.swapped) {
            v.swapped = true;
            v.source = m.source + (m.where.to_string().empty() ? "" : " (" + m.where.to_string() + ")");
        }
        if (as_written) v.written = true;
    }
    return v;
}

// The posting date and the deadline swapped (a two-column block read across).
void check_swap(job_offer& o, const fact_evidence& e, bool fix, diagnostics& diags) {
    if (!o.posted_on || !o.deadline || !(*o.deadline < *o.posted_on)) return;
    const date posted = *o.posted_on, deadline = *o.deadline;
    std::string evidence;
    if (o.reference_date && *o.reference_date == deadline)
        evidence = "the \"deadline\" " + deadline.to_iso() + " is the reference's date, and the \"posting date\" " +
                   posted.to_iso() + " comes " + std::to_string(days_between(deadline, posted)) + " days after it";
    const metadata_vote v = vote(e, posted, deadline);
    if (v.swapped) evidence += (evidence.empty() ? "" : "; ") + std::string("swapped, they agree with ") + v.source;
    if (evidence.empty() || v.written || !fix) return;  // rule deadline-before-posting reports it
    o.posted_on = deadline;
    o.deadline = posted;
    const std::string rule = std::string(rule_of(rule_id::dates_swapped).name);
    const source_location at = e.deadline ? e.deadline->where : e.where;
    repair p{"posted_on",
             rule,
             posted.to_iso(),
             deadline.to_iso(),
             e.posted_on ? std::optional<std::string>(e.posted_on->text) : std::nullopt,
             evidence,
             e.posted_on ? where_text(e.posted_on->where) : where_text(e.where)};
    repair d{"deadline",
             rule,
             deadline.to_iso(),
             posted.to_iso(),
             e.deadline ? std::optional<std::string>(e.deadline->text) : std::nullopt,
             evidence,
             where_text(at)};
    const std::string said = (e.posted_on ? " (the posting says posting date " + quoted(e.posted_on->text) : "") +
                             std::string(e.posted_on && e.deadline ? ", deadline " + quoted(e.deadline->text) : "") +
                             (e.posted_on ? ")" : "");
    (void)record_repair(o, std::move(p), at);
    diagnostic report = record_repair(o, std::move(d), at);
    report.message = "repaired posted_on and deadline, swapped: posted_on " + posted.to_iso() + " → " +
                     deadline.to_iso() + ", deadline " + deadline.to_iso() + " → " + posted.to_iso() + said + ": " +
                     evidence + " (--as-written keeps the text's values)";
    diags.add(std::move(report));
}

// The posting's dates against each metadata source.
void check_metadata(job_offer& o, const fact_evidence& e, bool fix, diagnostics& diags) {
    for (const auto& m : e.metadata) {
        for (which w : {which::posted_on, which::deadline}) {
            auto& value = member(o, w);
            const auto& said = w == which::posted_on ? m.posted_on : m.deadline;
            if (!value || !said || near(*value, *said)) continue;
            const auto& written = words(e, w);
            const source_location at = written ? written->where : e.where;
            const std::string from = m.source + (m.where.to_string().empty() ? "" : " (" + m.where.to_string() + ")");
            // A wrong year: the posting's day and month in the metadata's year, when only that fits.
            if (fix && !fits(o, w, *value)) {
                const auto c = date::from_ymd(said->year(), value->month(), value->day());
                if (c && near(*c, *said) && fits(o, w, *c)) {
                    repair rec;
                    rec.field = std::string(key(w));
                    rec.rule = std::string(rule_of(rule_id::metadata_mismatch).name);
                    rec.as_written = value->to_iso();
                    rec.value = c->to_iso();
                    if (written) rec.text = written->text;
                    rec.evidence = from + " gives " + said->to_iso() + "; the posting's " + value->to_iso() +
                                   " does not fit its other dates, the same day and month in " +
                                   std::to_string(said->year()) + " do";
                    rec.source = where_text(at);
                    value = c;
                    diags.add(record_repair(o, std::move(rec), at));
                    continue;
                }
            }
            std::string message = std::string(w == which::posted_on ? "the posting date " : "the deadline ") +
                                  value->to_iso() + (written ? " (" + quoted(written->text) + ")" : "") +
                                  " differs from " + from + ": " + said->to_iso() + "; kept as written";
            diags.add(warning(rule_id::metadata_mismatch, std::move(message), at));
        }
    }
}

}  // namespace

int written_weekday(std::string_view s) {
    const std::string f = text::fold(s);
    std::size_t i = 0;
    while (i < f.size()) {
        while (i < f.size() && !(f[i] >= 'a' && f[i] <= 'z')) ++i;
        std::size_t j = i;
        while (j < f.size() && f[j] >= 'a' && f[j] <= 'z') ++j;
        if (j > i) {
            const int w = text::french_weekday_number(std::string_view(f).substr(i, j - i));
            if (w >= 0) return w;
        }
        i = j;
    }
    return -1;
}

diagnostic record_repair(job_offer& offer, repair r, source_location where) {
    auto same = [&](const repair& x) { return x.field == r.field && x.rule == r.rule; };
    std::erase_if(offer.repairs, same);
    std::string message = std::string("repaired ") + r.field.value_or("") + ": " + r.as_written.value_or("(none)") +
                          " → " + r.value.value_or("(none)");
    if (r.text) message += " (the posting says " + quoted(*r.text) + ")";
    if (r.evidence) message += ": " + *r.evidence;
    message += " (--as-written keeps the text's value)";
    diagnostic d;
    d.level = severity::warning;
    d.where = std::move(where);
    d.message = std::move(message);
    d.rule = r.rule.value_or("");
    offer.repairs.push_back(std::move(r));
    return d;
}

void check_facts(job_offer& offer, const fact_evidence& evidence, fact_policy policy, diagnostics& diags) {
    const bool fix = policy == fact_policy::repair;
    check_swap(offer, evidence, fix, diags);  // before the weekdays: a swap keeps every date's own weekday
    for (which w : {which::reference_date, which::posted_on, which::deadline})
        check_weekday(offer, evidence, w, fix, diags);
    check_metadata(offer, evidence, fix, diags);
}

}  // namespace offerkit
