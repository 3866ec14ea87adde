// Internal: the words printed on a flyer, in French and English.
#pragma once

#include <offerkit/date.hpp>

#include <string>
#include <string_view>

namespace offerkit::pdf_plugin {

struct labels {
    const char* document_kind;  // header band, top right
    const char* reference;
    const char* direction;
    const char* unit;
    const char* grade;
    const char* job_family;
    const char* location;
    const char* posted_on;
    const char* deadline;
    const char* availability;
    const char* residency;
    const char* supervisor;
    const char* org_position;
    const char* managed_staff;
    const char* staff_direct;    // "directs"
    const char* staff_indirect;  // "indirects"
    const char* openings_one;    // "1 poste"
    const char* openings_many;   // "postes"
    const char* of_date;         // "du" in "3134-25-0750/SR du 16 mai 2025"
    const char* context;
    const char* missions;
    const char* main_activities;
    const char* secondary_activities;
    const char* profile;
    const char* conditions;
    const char* extra;
    const char* how_to_apply;
    const char* contacts;
    const char* qr_caption;
    const char* page;       // "Page"
    const char* continued;  // "suite"
    const char* subject;    // metadata subject prefix
    const char* colon;      // " : " in French, ": " in English
    // the one-page flyer (layout=flyer)
    const char* full_offer;  // "L’offre complète" before its address
    const char* more_one;    // "… et 1 autre : voir l’offre complète"
    const char* more_many;   // "autres : voir l’offre complète" after "… et N "
    const char* more_and;    // "… et"
    // booklets
    const char* contents;      // "Sommaire"
    const char* booklet_page;  // "p." in "(p. 7)"
};

const labels& labels_for(std::string_view lang);

/// "vendredi 6 juin 2025" / "Friday 6 June 2025"; French uses "1er" for the first day.
std::string long_date(const date& d, std::string_view lang);
/// "6 juin 2025" / "6 June 2025".
std::string medium_date(const date& d, std::string_view lang);

}  // namespace offerkit::pdf_plugin
