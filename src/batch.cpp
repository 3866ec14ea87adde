// The batch review: metadata rows joined, swaps confirmed by the batch, duplicates (offerkit/batch.hpp).
#include <offerkit/batch.hpp>
#include <offerkit/fields.hpp>
#include <offerkit/referential.hpp>
#include <offerkit/rules.hpp>

#include <algorithm>
#include <cstdlib>
#include <map>
#include <tuple>

namespace offerkit {

namespace {

bool date_rule(std::string_view name) {
    for (rule_id id : {rule_id::deadline_before_posting, rule_id::deadline_long_after_posting, rule_id::window_unusual,
                       rule_id::posting_far_from_reference})
        if (rule_of(id).name == name) return true;
    return false;
}

// After the review changed an offer's dates: the date rules said again, on the new dates.
void restate_date_rules(batch_entry& e) {
    diagnostics kept;
    for (const auto& d : e.diags)
        if (!date_rule(d.rule)) kept.add(d);
    std::vector<finding> found;
    check_offer(e.offer, found);
    for (auto& f : found)
        if (date_rule(rule_of(f.id).name)) kept.add(to_diagnostic(f, e.where));
    e.diags = std::move(kept);
}

std::string place(const batch_entry& e) { return e.where.to_string(); }

// Fills what `to` lacks from `from` (scalars and lists left empty), the review's merge of two readings.
void fill_missing(job_offer& to, const job_offer& from) {
    for_each_field(to, [&](const auto& d, auto& mine) {
        using M = std::remove_cvref_t<decltype(mine)>;
        if constexpr (!std::is_same_v<M, std::vector<repair>> && !std::is_same_v<M, canonical_keys>) {
            const M& theirs = from.*(d.member);
            if (field_empty(mine) && !field_empty(theirs)) mine = theirs;
        }
    });
}

// A metadata row joined to a posting: its dates cross-check the posting's, its other values fill the gaps.
void join(batch_entry& doc, const batch_entry& meta, fact_policy policy) {
    fact_evidence evidence;
    evidence.where = doc.where;
    offer_metadata m;
    m.source = "the open data";
    m.where = meta.where;
    m.posted_on = meta.offer.posted_on;
    m.deadline = meta.offer.deadline;
    evidence.metadata.push_back(m);
    const auto before = doc.offer.repairs.size();
    const auto posted = doc.offer.posted_on, deadline = doc.offer.deadline;
    check_facts(doc.offer, evidence, policy, doc.diags);
    fill_missing(doc.offer, meta.offer);
    if (doc.offer.repairs.size() != before || doc.offer.posted_on != posted || doc.offer.deadline != deadline)
        restate_date_rules(doc);
}

// The employer's and year's references, by number: their posting dates bracket a swapped offer's.
void confirm_swaps_by_sequence(std::vector<batch_entry>& entries, fact_policy policy) {
    struct numbered {
        long number;
        std::size_t index;
    };
    std::map<std::string, std::vector<numbered>> series;  // "opt-nc 26" → references
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const auto& e = entries[i];
        if (!e.kept() || !e.offer.posted_on || !e.offer.deadline) continue;
        const auto p = parse_reference(e.offer.reference);
        if (!p) continue;
        series[e.offer.canonical.employer.value_or("") + " " + std::to_string(p->year)].push_back(
            {std::stol(p->number), i});
    }
    for (auto& [key, refs] : series) {
        std::sort(refs.begin(), refs.end(), [](const numbered& a, const numbered& b) { return a.number < b.number; });
        // Only offers whose dates were in order before this step are evidence.
        std::vector<bool> in_order(refs.size());
        for (std::size_t k = 0; k < refs.size(); ++k) {
            const auto& o = entries[refs[k].index].offer;
            in_order[k] = !(*o.deadline < *o.posted_on);
        }
        auto ordered = [&](std::size_t k) { return in_order[k]; };
        for (std::size_t k = 0; k < refs.size(); ++k) {
            batch_entry& e = entries[refs[k].index];
            if (ordered(k)) continue;
            std::size_t lo = k, hi = k;
            while (lo > 0 && !ordered(lo - 1)) --lo;
            while (hi + 1 < refs.size() && !ordered(hi + 1)) ++hi;
            if (lo == 0 || hi + 1 >= refs.size()) continue;  // a neighbour on each side, or no evidence
            const job_offer& before = entries[refs[lo - 1].index].offer;
            const job_offer& after = entries[refs[hi + 1].index].offer;
            const date written_deadline = *e.offer.deadline, written_posted = *e.offer.posted_on;
            const auto within = [&](const date& d) {
                return !(d < before.posted_on->plus_days(-metadata_tolerance_days).value_or(d)) &&
                       !(after.posted_on->plus_days(metadata_tolerance_days).value_or(d) < d);
            };
            if (!within(written_deadline) || within(written_posted)) continue;
            fact_evidence evidence;
            evidence.where = e.where;
            offer_metadata m;
            m.source = "the posting dates of the employer's neighbouring references " + before.reference + " (" +
                       before.posted_on->to_iso() + ") and " + after.reference + " (" + after.posted_on->to_iso() + ")";
            m.posted_on = written_deadline;
            evidence.metadata.push_back(m);
            check_facts(e.offer, evidence, policy, e.diags);
            if (!(*e.offer.deadline < *e.offer.posted_on)) restate_date_rules(e);
        }
    }
}

// A reference numbered with fewer digits than the employer's others ("3134-26-679/SR" among "…-0677/SR").
void check_number_widths(std::vector<batch_entry>& entries) {
    std::map<std::string, std::map<std::size_t, std::size_t>> widths;  // employer and prefix → width → count
    auto series_of = [](const batch_entry& e, const reference_parts& p) {
        return e.offer.canonical.employer.value_or("") + " " + p.prefix;
    };
    for (const auto& e : entries)
        if (auto p = parse_reference(e.offer.reference); p && !p->prefix.empty() && !e.joined)
            ++widths[series_of(e, *p)][p->number.size()];
    for (auto& e : entries) {
        const auto p = parse_reference(e.offer.reference);
        if (!p || p->prefix.empty() || e.joined) continue;
        const auto& counts = widths[series_of(e, *p)];
        std::size_t total = 0, usual = 0, usual_count = 0;
        for (const auto& [w, n] : counts) {
            total += n;
            if (n > usual_count) usual = w, usual_count = n;
        }
        // A clear habit: at least three references, three in four of one width.
        if (total < 3 || usual_count * 4 < total * 3 || p->number.size() >= usual) continue;
        e.diags.add(to_diagnostic(
            {rule_id::reference_format, "the reference \"" + e.offer.reference + "\" is usually spelt \"" +
                                            usual_reference_spelling(*p, usual) + "\": " + std::to_string(usual_count) +
                                            " of the " + std::to_string(total) + " references of " +
                                            e.offer.canonical.employer.value_or("its employer") + " read have " +
                                            std::to_string(usual) + "-digit numbers (kept as written)"},
            e.where));
    }
}

// The version kept of one offer read several times: the latest reference or posting date, then the last read.
bool kept_before(const batch_entry& a, std::size_t ia, const batch_entry& b, std::size_t ib) {
    const auto when = [](const job_offer& o) { return o.reference_date ? o.reference_date : o.posted_on; };
    const auto wa = when(a.offer), wb = when(b.offer);
    if (wa != wb) return wb && (!wa || *wa < *wb);
    return ia < ib;
}

}  // namespace

bool is_metadata_format(std::string_view format) noexcept { return format == "csv"; }

std::size_t review_batch(std::vector<batch_entry>& entries, fact_policy policy, bool dedupe) {
    std::map<std::string, std::vector<std::size_t>> by_reference;
    for (std::size_t i = 0; i < entries.size(); ++i)
        if (const auto& r = entries[i].offer.canonical.reference; r && !r->empty()) by_reference[*r].push_back(i);

    // 1. Metadata rows joined to the postings they describe.
    for (auto& [key, group] : by_reference) {
        std::vector<std::size_t> docs, metas;
        for (std::size_t i : group) (is_metadata_format(entries[i].format) ? metas : docs).push_back(i);
        if (docs.empty() || metas.empty()) continue;
        for (std::size_t m : metas) {
            entries[m].joined = true;
            for (std::size_t d : docs) join(entries[d], entries[m], policy);
        }
    }
    // 2. Swaps the employer's sequence of references confirms; references numbered unlike the others.
    confirm_swaps_by_sequence(entries, policy);
    check_number_widths(entries);
    // 3. Each offer once.
    for (auto& [key, group] : by_reference) {
        std::vector<std::size_t> readings;
        for (std::size_t i : group)
            if (!entries[i].joined) readings.push_back(i);
        if (readings.size() < 2) continue;
        std::size_t keep = readings.front();
        for (std::size_t i : readings)
            if (kept_before(entries[keep], keep, entries[i], i)) keep = i;
        batch_entry& winner = entries[keep];
        for (std::size_t i : readings) {
            if (i == keep) continue;
            batch_entry& other = entries[i];
            other.duplicate_of = keep;
            // Two readings of one offer (a posting and its JobPosting's datePosted, validThrough) agree on the dates.
            for (auto [mine, theirs, what] : {std::tuple{other.offer.posted_on, winner.offer.posted_on, "posting date"},
                                              std::tuple{other.offer.deadline, winner.offer.deadline, "deadline"}})
                if (mine && theirs && std::llabs(days_between(*mine, *theirs)) > metadata_tolerance_days)
                    other.diags.add(to_diagnostic(
                        {rule_id::metadata_mismatch, std::string("the ") + what + " " + mine->to_iso() +
                                                         " differs from " + place(winner) + "'s " + theirs->to_iso() +
                                                         " (another reading of the same offer)"},
                        other.where));
            other.diags.add(to_diagnostic(
                {rule_id::duplicate_offer, winner.offer.reference + " (" + key + ") is read twice: " + place(other) +
                                               " and " + place(winner) + "; the version of " + place(winner) +
                                               " is kept (the latest reference or posting date, then the last read)"},
                other.where));
            if (!dedupe) continue;
            fill_missing(winner.offer, other.offer);
            repair r;
            r.field = "reference";
            r.rule = std::string(rule_of(rule_id::duplicate_offer).name);
            r.as_written = other.offer.reference;
            r.value = winner.offer.reference;
            r.evidence = "the same offer (" + key + ") is also read from " + place(other) + "; this version, from " +
                         place(winner) + ", is kept: the latest reference or posting date, then the last read";
            r.source = place(other);
            winner.offer.repairs.push_back(std::move(r));
        }
    }
    return static_cast<std::size_t>(
        std::count_if(entries.begin(), entries.end(), [](const batch_entry& e) { return e.kept(); }));
}

}  // namespace offerkit
