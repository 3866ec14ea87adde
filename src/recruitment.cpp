// The recruitment figures (docs/summary.md): counted one offer at a time.
#include <offerkit/error.hpp>
#include <offerkit/recruitment.hpp>
#include <offerkit/referential.hpp>
#include <offerkit/tracking.hpp>

#include <algorithm>
#include <ctime>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace offerkit {

// ---------------------------------------------------------------- the period

namespace {

date first_of(int y, int m) { return *date::from_ymd(y, m, 1); }
date last_of(int y, int m) { return *date::from_ymd(y, m, date::days_in_month(y, m)); }

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}
int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}

}  // namespace

report_period report_period::month(int year, int month, date as_of) {
    report_period p;
    p.start = first_of(year, month);
    p.end = last_of(year, month);
    p.as_of = as_of;
    p.as_of_given = p.month_given = true;
    return p;
}

report_period report_period::year(int year, date as_of) {
    report_period p;
    p.yearly = true;
    p.start = first_of(year, 1);
    p.end = last_of(year, 12);
    p.as_of = as_of;
    p.as_of_given = true;
    return p;
}

date today_in_noumea() noexcept {
    const std::int64_t t = static_cast<std::int64_t>(std::time(nullptr)) + 11 * 3600;
    const std::int64_t days = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
    return date::from_days_since_epoch(days).value_or(date{});
}

report_period report_period_from_options(const option_map& options, std::string_view format) {
    auto bad = [&](const std::string& message) {
        throw error(errc::invalid_option, std::string(format) + ": " + message);
    };
    report_period p;
    if (auto it = options.find("as-of"); it != options.end()) {
        auto d = date::parse_iso(it->second);
        if (!d) bad("option as-of=" + it->second + " is not a date; expected YYYY-MM-DD, e.g. as-of=2025-06-03");
        if (d->year() < 1901) bad("option as-of=" + it->second + " is before 1901; Excel dates start in 1900");
        p.as_of = *d;
        p.as_of_given = true;
    } else {
        p.as_of = today_in_noumea();
    }
    const auto month_it = options.find("month");
    const auto year_it = options.find("year");
    if (month_it != options.end() && year_it != options.end())
        bad("options month=" + month_it->second + " and year=" + year_it->second +
            " cannot be used together; give month=YYYY-MM for a monthly report or year=YYYY for a yearly one");
    if (year_it != options.end()) {
        const std::string& v = year_it->second;
        if (v.size() != 4 || !all_digits(v) || to_int(v) < 1901)
            bad("option year=" + v + " is not a year; expected YYYY (1901 or later), e.g. year=2025");
        p.yearly = true;
        p.start = first_of(to_int(v), 1);
        p.end = last_of(to_int(v), 12);
        return p;
    }
    int y = 0, m = 0;
    if (month_it != options.end()) {
        const std::string& v = month_it->second;
        const bool shape = v.size() == 7 && v[4] == '-' && all_digits(v.substr(0, 4)) && all_digits(v.substr(5, 2));
        y = shape ? to_int(v.substr(0, 4)) : 0;
        m = shape ? to_int(v.substr(5, 2)) : 0;
        if (!shape || m < 1 || m > 12 || y < 1901)
            bad("option month=" + v + " is not a month; expected YYYY-MM (1901 or later), e.g. month=2025-05");
        p.month_given = true;
    } else {
        // The month before the as-of day's: the last whole month.
        y = p.as_of.year();
        m = p.as_of.month() - 1;
        if (m == 0) {
            m = 12;
            --y;
        }
        if (y < 1901) y = 1901, m = 1;
    }
    p.start = first_of(y, m);
    p.end = last_of(y, m);
    return p;
}

// ---------------------------------------------------------------- the figures

namespace {

std::optional<double> percentile(std::vector<double>& v, double q) {
    if (v.empty()) return std::nullopt;
    std::sort(v.begin(), v.end());
    const double h = (static_cast<double>(v.size()) - 1) * q;
    const auto lo = static_cast<std::size_t>(h);
    const double frac = h - static_cast<double>(lo);
    if (lo + 1 >= v.size()) return v.back();
    return v[lo] + frac * (v[lo + 1] - v[lo]);
}

distribution distribution_of(std::vector<double> v) {
    distribution d;
    d.count = v.size();
    d.median = percentile(v, 0.5);
    d.p90 = percentile(v, 0.9);
    return d;
}

bool within(const std::optional<date>& d, const date& start, const date& end) {
    return d && !(*d < start) && !(end < *d);
}

// The figures of one bucket being counted, with its samples.
struct tally {
    recruitment_figures f;
    std::vector<double> days_to_fill, applications;

    recruitment_figures done() const {
        recruitment_figures r = f;
        r.fill_rate = f.posts_published ? std::optional<double>(static_cast<double>(f.published_posts_filled) /
                                                                static_cast<double>(f.posts_published))
                                        : std::nullopt;
        r.days_to_fill = distribution_of(days_to_fill);
        r.applications = distribution_of(applications);
        return r;
    }
};

// A re-publication under a reference that may not be in the batch: counted at the end, if it is not.
struct pending_republication {
    std::string number;  // reference_number_key of the new reference
    date on;
    int direction, grade, commune;  // the groups of the repeated offer (-1: none)
};

// One grouping (direction, grade, commune): groups by key, else by name.
struct grouping {
    std::unordered_map<std::string, int> index;
    std::vector<recruitment_group> groups;
    std::vector<tally> tallies;

    int of(const std::optional<std::string>& key, const std::optional<std::string>& name) {
        const std::string id = key ? "k:" + *key : name ? "n:" + *name : std::string();
        auto [it, inserted] = index.try_emplace(id, static_cast<int>(groups.size()));
        if (inserted) {
            groups.push_back({key, name, {}});
            tallies.emplace_back();
        }
        return it->second;
    }

    std::vector<recruitment_group> done() const {
        std::vector<recruitment_group> out = groups;
        for (std::size_t i = 0; i < out.size(); ++i) out[i].figures = tallies[i].done();
        std::stable_sort(out.begin(), out.end(), [](const recruitment_group& a, const recruitment_group& b) {
            if (a.figures.published != b.figures.published) return a.figures.published > b.figures.published;
            if (a.name.has_value() != b.name.has_value()) return a.name.has_value();
            return a.name && *a.name < *b.name;
        });
        return out;
    }
};

}  // namespace

struct recruitment_counter::impl {
    report_period period;
    std::uint64_t offers = 0, tracked = 0;
    tally total;
    std::vector<std::pair<date, date>> month_ranges;
    std::vector<tally> months;
    grouping directions, grades, communes;
    std::vector<pending_republication> pending;
    std::unordered_set<std::string> numbers;  // reference_number_key of every offer counted

    // Counts `o` into `t` over [start, end].
    void count(tally& t, const job_offer& o, const date& start, const date& end) const {
        auto& f = t.f;
        const auto published = published_on(o);
        const auto outcome = outcome_of(o);
        if (within(published, start, end)) {
            ++f.published;
            f.posts_published += static_cast<std::uint64_t>(posts_of(o));
            const bool filled_by_now = outcome
                                           ? outcome->status == offer_status::filled && !(period.as_of < outcome->on)
                                           : o.events.empty() && o.status == offer_status::filled;
            if (filled_by_now) f.published_posts_filled += static_cast<std::uint64_t>(posts_filled_of(o));
            if (o.applications) t.applications.push_back(*o.applications);
            if (o.republication_of) ++f.re_published;
        }
        const date end_seen = period.as_of < end ? period.as_of : end;
        if (published && !(end_seen < *published) && status_on(o, end_seen) == offer_status::published) ++f.open_at_end;
        if (within(closed_on(o), start, end)) ++f.closed;
        if (outcome && within(outcome->on, start, end)) {
            switch (outcome->status) {
                case offer_status::filled:
                    ++f.filled;
                    f.posts_filled += static_cast<std::uint64_t>(posts_filled_of(o));
                    if (published && !(outcome->on < *published))
                        t.days_to_fill.push_back(static_cast<double>(days_between(*published, outcome->on)));
                    break;
                case offer_status::cancelled: ++f.cancelled; break;
                default: ++f.unsuccessful; break;
            }
        }
        // A re-publication under the same reference is counted on its day.
        for (const auto& e : o.events)
            if (e.kind == event_kind::republished && !e.reference && within(e.on, start, end)) ++f.re_published;
    }
};

recruitment_counter::recruitment_counter(report_period period) : impl_(std::make_unique<impl>()) {
    impl_->period = period;
    int y = period.end.year(), m = period.end.month();
    for (int i = 0; i < 12; ++i) {
        impl_->month_ranges.insert(impl_->month_ranges.begin(), {first_of(y, m), last_of(y, m)});
        if (--m == 0) {
            m = 12;
            --y;
        }
    }
    impl_->months.resize(12);
}

recruitment_counter::~recruitment_counter() = default;
recruitment_counter::recruitment_counter(recruitment_counter&&) noexcept = default;
recruitment_counter& recruitment_counter::operator=(recruitment_counter&&) noexcept = default;

void recruitment_counter::add(const job_offer& o) {
    impl& m = *impl_;
    ++m.offers;
    if (!o.events.empty() || o.status || o.applications || o.posts_filled) ++m.tracked;
    if (!o.reference.empty()) m.numbers.insert(reference_number_key(o.reference));
    const auto& c = o.canonical;
    const int d = m.directions.of(c.direction, c.direction_name ? c.direction_name : o.direction);
    const int g = m.grades.of(c.grade, c.grade_name ? c.grade_name : o.grade);
    const int k = m.communes.of(c.commune, c.commune_name);
    m.count(m.total, o, m.period.start, m.period.end);
    for (std::size_t i = 0; i < 12; ++i) m.count(m.months[i], o, m.month_ranges[i].first, m.month_ranges[i].second);
    m.count(m.directions.tallies[static_cast<std::size_t>(d)], o, m.period.start, m.period.end);
    m.count(m.grades.tallies[static_cast<std::size_t>(g)], o, m.period.start, m.period.end);
    m.count(m.communes.tallies[static_cast<std::size_t>(k)], o, m.period.start, m.period.end);
    for (const auto& e : o.events)
        if (e.kind == event_kind::republished && e.reference && e.on)
            m.pending.push_back({reference_number_key(*e.reference), *e.on, d, g, k});
}

recruitment_report recruitment_counter::result() const {
    const impl& m = *impl_;
    tally total = m.total;
    std::vector<tally> months = m.months;
    grouping directions = m.directions, grades = m.grades, communes = m.communes;
    // A re-publication whose new offer is in the batch is counted with that offer (republication_of).
    for (const auto& p : m.pending) {
        if (m.numbers.count(p.number)) continue;
        auto in = [&](const date& a, const date& b) { return !(p.on < a) && !(b < p.on); };
        if (in(m.period.start, m.period.end)) {
            ++total.f.re_published;
            ++directions.tallies[static_cast<std::size_t>(p.direction)].f.re_published;
            ++grades.tallies[static_cast<std::size_t>(p.grade)].f.re_published;
            ++communes.tallies[static_cast<std::size_t>(p.commune)].f.re_published;
        }
        for (std::size_t i = 0; i < 12; ++i)
            if (in(m.month_ranges[i].first, m.month_ranges[i].second)) ++months[i].f.re_published;
    }
    recruitment_report r;
    r.period = m.period;
    r.offers = m.offers;
    r.tracked = m.tracked;
    r.figures = total.done();
    for (std::size_t i = 0; i < 12; ++i)
        r.months.push_back({m.month_ranges[i].first.year(), m.month_ranges[i].first.month(), months[i].done()});
    r.by_direction = directions.done();
    r.by_grade = grades.done();
    r.by_commune = communes.done();
    return r;
}

recruitment_report recruitment_report_of(const std::vector<job_offer>& offers, const report_period& period) {
    recruitment_counter counter(period);
    for (const auto& o : offers) counter.add(o);
    return counter.result();
}

}  // namespace offerkit
