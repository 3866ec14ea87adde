// Reference lists: the built-in lists, matching the ways postings write
// names, canonical keys, a user's file, and its errors.
#include "support/test_support.hpp"

#include <offerkit/error.hpp>
#include <offerkit/referential.hpp>

#include <map>

using namespace offerkit;

namespace {

std::string employer_key(std::string_view text) {
    const auto m = referential::builtin().match_employer(text);
    return m.entry ? m.entry->key : std::string("(none)");
}

canonical_keys keys_of(std::string employer, std::optional<std::string> direction, std::optional<std::string> grade,
                       std::optional<std::string> location, std::string reference = "3134-26-0686/SR") {
    job_offer o;
    o.reference = std::move(reference);
    o.employer = std::move(employer);
    o.direction = std::move(direction);
    o.grade = std::move(grade);
    o.location = std::move(location);
    referential::builtin().canonicalize(o);
    return o.canonical;
}

}  // namespace

TEST_CASE("the built-in lists hold the 33 communes in their provinces and the public employers") {
    const auto& r = referential::builtin();
    const auto communes = r.entries(referential_list::communes);
    CHECK(communes.size() == 33);
    std::map<std::string, int> by_province;
    for (const auto& c : communes) {
        CHECK(r.find_key(referential_list::provinces, c.parent) != nullptr);
        ++by_province[c.parent];
    }
    CHECK(by_province["province-sud"] == 13);
    CHECK(by_province["province-nord"] == 17);
    CHECK(by_province["province-iles"] == 3);
    for (std::string_view k : {"gouv-nc", "opt-nc", "province-sud", "province-nord", "province-iles", "cht", "chn",
                               "chs", "commune-noumea", "commune-lifou"})
        CHECK(r.find_key(referential_list::employers, k) != nullptr);
    CHECK(r.find_key(referential_list::directions, "opt-nc/dpsp") != nullptr);
    CHECK(r.find_key(referential_list::directions, "gouv-nc/drhfpnc") != nullptr);
}

TEST_CASE("an employer's spellings and acronyms give one key") {
    CHECK(employer_key("Office des postes et télécommunications") == "opt-nc");
    CHECK(employer_key("Office des Postes et des Télécommunications") == "opt-nc");
    CHECK(employer_key("OFFICE DES POSTES ET TELECOMMUNICATIONS") == "opt-nc");
    CHECK(employer_key("Office des Postes et Télécommunications de Nouvelle-Calédonie") == "opt-nc");
    CHECK(employer_key("OPT-NC") == "opt-nc");
    CHECK(employer_key("Gouvernement de la Nouvelle-Calédonie") == "gouv-nc");
    CHECK(employer_key("Province Sud — Direction de l'équipement") == "province-sud");
    CHECK(employer_key("Mairie de Bourail") == "commune-bourail");
    CHECK(employer_key("Ville de Nouméa") == "commune-noumea");
    CHECK(employer_key("Centre hospitalier territorial Gaston-Bourret") == "cht");
    // Not an employer of the lists: no key rather than a wrong one.
    CHECK(employer_key("Chambre de commerce et d'industrie de Nouvelle-Calédonie") == "(none)");
    CHECK(employer_key("Agence des lagons du Pacifique") == "(none)");
    CHECK(employer_key("opt") == "(none)");  // an acronym is matched as written, in capitals
}

TEST_CASE("canonicalize fills keys and names and keeps the offer's words") {
    const auto c = keys_of("Office des Postes et des Télécommunications", "de la poste et des services de proximité",
                           "Cadre d'exploitation ou contrôleur", "9 rue du général Gallieni - Nouméa");
    CHECK(c.employer == "opt-nc");
    CHECK(c.employer_name == "Office des postes et télécommunications");
    CHECK(c.direction == "opt-nc/dpsp");
    CHECK(c.direction_name == "Direction de la poste et des services de proximité");
    CHECK(c.grade == "cadre-d-exploitation+controleur");
    CHECK(c.grade_name == "Cadre d'exploitation ou Contrôleur");
    CHECK(c.commune == "noumea");
    CHECK(c.province == "province-sud");
    CHECK(c.reference == "opt-nc:26-0686");

    CHECK(keys_of("OPT", "Télécom", "cadre spécialiste d'exploitation", "Agence Télécoms Ducos").grade ==
          "cadre-specialiste-d-exploitation");
    CHECK(keys_of("OPT", "Télécom", std::nullopt, "Agence Télécoms Ducos").commune == "noumea");
    CHECK(keys_of("OPT", "Télécommunications", std::nullopt, std::nullopt).direction == "opt-nc/dt");
    CHECK(keys_of("OPT", "BU Distribution", std::nullopt, std::nullopt).direction == "opt-nc/ddi");
    const auto north = keys_of("OPT", std::nullopt, std::nullopt, "KONE – KOUMAC avec itinérances sur la zone Nord");
    CHECK(north.commune == "kone");
    CHECK(north.province == "province-nord");
    CHECK(keys_of("OPT", std::nullopt, std::nullopt, "Agences de Ouégoa et Pouébo").commune == "ouegoa");
    // a commune's name in a building's or a street's: not the place
    CHECK(keys_of("OPT", std::nullopt, std::nullopt, "Immeuble Île-des-Pins – 12 rue de l'Alma, Nouméa").commune ==
          "noumea");
    CHECK(keys_of("OPT", std::nullopt, std::nullopt, "Vao, Île des Pins").commune == "ile-des-pins");
}

TEST_CASE("names the lists do not know still group: case, accents and small words aside") {
    const auto a =
        keys_of("Agence des Lagons du Pacifique", "Direction des Systèmes", "Chargé de mission", "Quelque part");
    const auto b = keys_of("agence des lagons du pacifique", "direction des systemes", "chargé de Mission", "");
    CHECK(a.employer == "agence-lagons-pacifique");
    CHECK(a.employer == b.employer);
    CHECK(a.employer_name == "Agence des Lagons du Pacifique");  // its own words
    CHECK(a.direction == "agence-lagons-pacifique/systemes");
    CHECK(a.direction == b.direction);
    CHECK(a.grade == b.grade);
    CHECK(a.grade_name == "Chargé de mission");
    CHECK_FALSE(a.commune);
    CHECK(a.reference == "agence-lagons-pacifique:26-0686");
}

TEST_CASE("a reference's number is its key whatever the spelling") {
    CHECK(reference_number_key("3134-26-0686/SR") == "26-0686");
    CHECK(reference_number_key("3134-26-0677 SR") == "26-0677");
    CHECK(reference_number_key("3134-26-679/SR") == "26-0679");
    CHECK(reference_number_key("26-0686") == "26-0686");
    CHECK(reference_number_key("2026-0042") == "26-0042");
    CHECK(reference_number_key("DRH/2026/A-12 bis") == "DRH2026A12BIS");
    const auto p = parse_reference("3134-26-0677 SR");
    REQUIRE(p);
    CHECK(p->prefix == "3134");
    CHECK(p->year == 26);
    CHECK(p->number == "0677");
    CHECK(p->suffix == "SR");
    CHECK(usual_reference_spelling(*p) == "3134-26-0677/SR");
    CHECK(usual_reference_spelling(*parse_reference("3134-26-679/SR")) == "3134-26-679/SR");
    CHECK(usual_reference_spelling(*parse_reference("3134-26-679/SR"), 4) == "3134-26-0679/SR");
    CHECK(usual_reference_spelling(*parse_reference("VPE-2026-017")) == "VPE-2026-017");
    CHECK_FALSE(parse_reference("Avis n°12"));
}

TEST_CASE("a user's file extends the lists or replaces them") {
    const std::string extra = R"json({
      "format": "offerkit-referential/1",
      "employers": [{"key": "lagons", "name": "Agence des lagons du Pacifique", "acronyms": ["ALP"],
                     "directions": [{"key": "dsi", "name": "Direction des systèmes d'information"}]},
                    {"key": "opt-nc", "name": "OPT-NC (renamed)", "acronyms": ["OPT"]}],
      "grades": [{"key": "charge-de-mission", "name": "Chargé de mission"}]
    })json";
    referential r = referential::builtin();
    r.merge(referential::from_json(extra, "mine.json"));
    CHECK(r.match_employer("ALP").entry->key == "lagons");
    CHECK(r.match_employer("OPT").entry->key == "opt-nc");
    CHECK(r.find_key(referential_list::employers, "opt-nc")->name == "OPT-NC (renamed)");
    CHECK(r.find_key(referential_list::employers, "gouv-nc") != nullptr);  // kept
    CHECK(r.match_direction("des systèmes d'information", "lagons").entry->key == "lagons/dsi");
    CHECK(r.match_grades("Chargé de mission").size() == 1);

    referential only = referential::builtin();
    only.merge(referential::from_json(R"({"format": "offerkit-referential/1", "replace": true,
        "grades": [{"key": "g", "name": "Grade unique"}]})",
                                      "only.json"));
    CHECK(only.entries(referential_list::grades).size() == 1);
    CHECK(only.entries(referential_list::communes).size() == 33);  // a list it does not give stays
}

TEST_CASE("a bad referential file is refused with its path") {
    auto message = [](std::string text) {
        try {
            (void)referential::from_json(text, "bad.json");
        } catch (const error& e) {
            return std::string(e.what());
        }
        return std::string("(accepted)");
    };
    CHECK_THAT(message("{"), Catch::StartsWith("bad.json:1:"));
    CHECK_THAT(message(R"({"employers": []})"), Catch::Contains("bad.json: format: required field is missing"));
    CHECK_THAT(message(R"({"format": "offerkit-referential/1", "employers": [{"name": "X"}]})"),
               Catch::Contains("bad.json: employers[0].key: required field is missing"));
    CHECK_THAT(
        message(R"({"format": "offerkit-referential/1", "grades": [{"key": "g", "name": "G", "variants": "x"}]})"),
        Catch::Contains("grades[0].variants: expected an array of strings"));
    CHECK_THAT(message(R"({"format": "offerkit-referential/1", "grade": []})"),
               Catch::Contains("bad.json: grade: unknown key"));
    CHECK_THROWS_AS(referential::from_file("/nonexistent/ref.json"), error);
}

TEST_CASE("a title that starts with a direction's acronym names the direction when no field does") {
    job_offer o;
    o.reference = "26-0420";
    o.employer = "Office des postes et télécommunications";
    o.title = "DT - Chargé d'affaires Télécom grands comptes stratégiques - AE";
    referential::builtin().canonicalize(o);
    CHECK(o.canonical.direction == "opt-nc/dt");
    o.title = "DPSP – Chargé(e) de relation client";
    referential::builtin().canonicalize(o);
    CHECK(o.canonical.direction == "opt-nc/dpsp");
    o.title = "RH – Assistant";  // not an acronym of the lists: nothing guessed
    referential::builtin().canonicalize(o);
    CHECK_FALSE(o.canonical.direction);
    CHECK_FALSE(o.direction);  // the offer's own field is never written
}

TEST_CASE("a whole-text spelling names an employer only alone, and plurals match") {
    CHECK(employer_key("Nouvelle-Calédonie") == "gouv-nc");
    CHECK(employer_key("Chambre d'agriculture de Nouvelle-Calédonie") == "(none)");
    const auto c = keys_of("Nouvelle-Calédonie", std::nullopt,
                           "Cadre d'emploi des techniciens / Domaine : Environnement", std::nullopt, "ALP-26-0702/RH");
    CHECK(c.grade == "technicien");
    CHECK(c.reference == "gouv-nc:26-0702");
}
