// The batch review (offerkit/batch.hpp): open-data rows joined to their
// postings, swaps confirmed by the employer's sequence, each offer once.
#include "support/test_support.hpp"

#include <offerkit/batch.hpp>
#include <offerkit/referential.hpp>
#include <offerkit/rules.hpp>

using namespace offerkit;

namespace {

batch_entry entry(std::string reference, std::optional<date> posted, std::optional<date> deadline,
                  std::string format = "text", std::string file = "a.md") {
    batch_entry e;
    e.offer.reference = std::move(reference);
    e.offer.title = "Agent(e) d'accueil";
    e.offer.employer = "Office des postes et télécommunications";
    e.offer.posted_on = posted;
    e.offer.deadline = deadline;
    referential::builtin().canonicalize(e.offer);
    e.where = {std::move(file), 0, 0, {}};
    e.format = std::move(format);
    return e;
}

date d(int y, int m, int day) { return *date::from_ymd(y, m, day); }

}  // namespace

TEST_CASE("an open-data row joins the posting of the same offer: its dates cross-check, its gaps filled") {
    std::vector<batch_entry> b;
    b.push_back(entry("3134-26-0420/SR", d(2026, 4, 17), d(2026, 3, 27)));  // swapped, no other evidence
    b.back().diags.add(
        to_diagnostic({rule_id::deadline_before_posting, "the deadline 2026-03-27 is before …"}, b.back().where));
    auto row = entry("26-0420", d(2026, 3, 26), d(2026, 4, 16), "csv", "avp.csv");
    row.offer.document_url = "https://data.example.nc/avis/0420.pdf";
    row.where.line = 2;
    b.push_back(row);
    CHECK(review_batch(b, fact_policy::repair) == 1);
    CHECK(b[1].joined);
    CHECK_FALSE(b[1].kept());
    const job_offer& o = b[0].offer;
    CHECK(o.posted_on == d(2026, 3, 27));  // the open data is a day early: it agrees with the swap
    CHECK(o.deadline == d(2026, 4, 17));
    CHECK(o.document_url == "https://data.example.nc/avis/0420.pdf");
    REQUIRE(b[0].diags.size() == 1);  // the repair replaces the warning it answers
    CHECK(b[0].diags.items()[0].rule == "dates-swapped");
    CHECK_THAT(b[0].diags.items()[0].message, Catch::Contains("the open data (avp.csv:2)"));

    SECTION("as written: said, not repaired") {
        std::vector<batch_entry> w{entry("3134-26-0420/SR", d(2026, 4, 17), d(2026, 3, 27)), row};
        review_batch(w, fact_policy::as_written);
        CHECK(w[0].offer.deadline == d(2026, 3, 27));
        CHECK(w[0].offer.repairs.empty());
    }
}

TEST_CASE("a row alone stands as an offer — rows and postings of other offers are not joined") {
    std::vector<batch_entry> b{entry("3134-26-0420/SR", d(2026, 3, 27), d(2026, 4, 17)),
                               entry("26-0421", d(2026, 3, 26), d(2026, 4, 16), "csv", "avp.csv")};
    CHECK(review_batch(b, fact_policy::repair) == 2);
    CHECK(b[0].kept());
    CHECK(b[1].kept());
}

TEST_CASE("the employer's neighbouring references confirm a swap") {
    std::vector<batch_entry> b{entry("3134-26-0940/SR", d(2026, 6, 19), d(2026, 7, 10)),
                               entry("3134-26-0942/SR", d(2026, 7, 10), d(2026, 6, 19)),
                               entry("3134-26-0943/SR", d(2026, 7, 10), d(2026, 6, 19)),
                               entry("3134-26-0946/SR", d(2026, 6, 19), d(2026, 7, 10))};
    review_batch(b, fact_policy::repair);
    for (std::size_t i : {1u, 2u}) {
        CHECK(b[i].offer.posted_on == d(2026, 6, 19));
        CHECK(b[i].offer.deadline == d(2026, 7, 10));
        CHECK_THAT(b[i].diags.items().back().message,
                   Catch::Contains("3134-26-0940/SR (2026-06-19) and 3134-26-0946/SR (2026-06-19)"));
    }
    // One neighbour only: not enough.
    std::vector<batch_entry> edge{entry("3134-26-0940/SR", d(2026, 6, 19), d(2026, 7, 10)),
                                  entry("3134-26-0942/SR", d(2026, 7, 10), d(2026, 6, 19))};
    review_batch(edge, fact_policy::repair);
    CHECK(edge[1].offer.deadline == d(2026, 6, 19));
    // Neighbours whose dates do not bracket the written deadline: no evidence.
    std::vector<batch_entry> apart{entry("3134-26-0940/SR", d(2026, 1, 9), d(2026, 1, 30)),
                                   entry("3134-26-0942/SR", d(2026, 7, 10), d(2026, 6, 19)),
                                   entry("3134-26-0946/SR", d(2026, 2, 6), d(2026, 2, 27))};
    review_batch(apart, fact_policy::repair);
    CHECK(apart[1].offer.deadline == d(2026, 6, 19));
}

TEST_CASE("a reference numbered with fewer digits than the employer's others is reported") {
    std::vector<batch_entry> b{entry("3134-26-0677/SR", d(2026, 5, 8), d(2026, 5, 29)),
                               entry("3134-26-679/SR", d(2026, 5, 8), d(2026, 5, 29)),
                               entry("3134-26-0680/SR", d(2026, 5, 8), d(2026, 5, 29)),
                               entry("3134-26-0682/SR", d(2026, 5, 8), d(2026, 5, 29))};
    review_batch(b, fact_policy::repair);
    REQUIRE(b[1].diags.size() == 1);
    CHECK(b[1].diags.items()[0].rule == "reference-format");
    CHECK_THAT(b[1].diags.items()[0].message, Catch::Contains("is usually spelt \"3134-26-0679/SR\": 3 of the 4"));
    CHECK(b[0].diags.empty());
    // Two references are no habit.
    std::vector<batch_entry> few{entry("3134-26-0677/SR", d(2026, 5, 8), d(2026, 5, 29)),
                                 entry("3134-26-679/SR", d(2026, 5, 8), d(2026, 5, 29))};
    review_batch(few, fact_policy::repair);
    CHECK(few[1].diags.empty());
}

TEST_CASE("the same offer read twice: the latest reference or posting date wins, then the last read") {
    auto a = entry("3134-26-0712/SR", d(2026, 5, 8), d(2026, 5, 29), "text", "a.md");
    a.offer.document_url = "https://data.example.nc/0712.pdf";
    auto b = entry("3134-26-712 SR", d(2026, 5, 8), d(2026, 5, 29), "jobposting", "b.json");  // another spelling
    std::vector<batch_entry> batch{a, b};
    CHECK(review_batch(batch, fact_policy::repair) == 1);
    CHECK(batch[0].duplicate_of == 1);  // same dates: the last read
    CHECK(batch[1].kept());
    CHECK(batch[1].offer.document_url == "https://data.example.nc/0712.pdf");  // taken from the other
    REQUIRE(batch[1].offer.repairs.size() == 1);
    CHECK(batch[1].offer.repairs[0].rule == "duplicate-offer");
    REQUIRE(batch[0].diags.size() == 1);
    CHECK(batch[0].diags.items()[0].rule == "duplicate-offer");
    CHECK_THAT(batch[0].diags.items()[0].message, Catch::Contains("a.md and b.json; the version of b.json is kept"));

    auto newer = entry("3134-26-0712/SR", d(2026, 5, 15), d(2026, 6, 5), "text", "new.md");
    std::vector<batch_entry> by_date{newer, a};
    review_batch(by_date, fact_policy::repair);
    CHECK(by_date[0].kept());  // the later posting date, though read first
    CHECK(by_date[1].duplicate_of == 0);
    // ... and the readings' dates disagree: said
    REQUIRE(by_date[1].diags.size() == 3);
    CHECK(by_date[1].diags.items()[0].rule == "metadata-mismatch");
    CHECK_THAT(by_date[1].diags.items()[0].message,
               Catch::Contains("the posting date 2026-05-08 differs from new.md's 2026-05-15"));
    CHECK(by_date[1].diags.items()[1].rule == "metadata-mismatch");
    CHECK(by_date[1].diags.items()[2].rule == "duplicate-offer");

    std::vector<batch_entry> no_merge{a, b};
    review_batch(no_merge, fact_policy::repair, false);
    CHECK(no_merge[0].duplicate_of == 1);  // still reported
    CHECK(no_merge[1].offer.repairs.empty());
    CHECK_FALSE(no_merge[1].offer.document_url);
}
