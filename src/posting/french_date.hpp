// posting/french_date.hpp — reading dates as French postings write them:
// "vendredi 16 mai 2025", "1er juillet 2025", "1 er octobre 2026",
// "16/05/2025", "6 JUIN 2025", "2025-05-16".
#pragma once

#include <offerkit/date.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace offerkit::posting {

struct date_scan {
    std::optional<date> value;  ///< the first valid date found
    bool date_like = false;     ///< something shaped like a date was seen
    std::string bad_text;       ///< the text of a date-shaped but impossible date ("31/02/2025")
};

/// Finds the first date in `text` (any case, accents or not).
date_scan find_french_date(std::string_view text);

}  // namespace offerkit::posting
