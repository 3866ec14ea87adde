// The "csv" importer: the employers' open data in the DRHFPNC schema
// (docs/opendata-csv.md), on a fictional file in the schema's shape and on
// the real one.
#include "support/test_support.hpp"

#include <offerkit/error.hpp>
#include <offerkit/reader.hpp>

#include <map>

using namespace offerkit;
using namespace offerkit::testing;

namespace {

const std::string header =
    "id,communique,libelle_poste,libelle_emploi_rome,code_emploi_rome,numero,date_mis_en_ligne,libelle_collectivite,"
    "libelle_corps_grade,libelle_corps_grade_2,libelle_domaine,libelle_domaine_2,duree_residence_exigee,date_a_"
    "pourvoir,date_a_pourvoir_libelle,direction_libelle,direction_acronyme,service_libelle,lieu_travail,date_"
    "creation,date_cloture,presentation,emploi_resp,mission,activites_principales,activites_secondaires,conditions_"
    "particulieres,savoir,savoir_faire,comportements,commentaire_republication,contact,contact_telephone,contact_"
    "email,contact_secondaire,contact_secondaire_telephone,contact_secondaire_email,collectivite_nom_rh,collectivite_"
    "adresse_depot,collectivite_adresse_postale,collectivite_email,statut,nb_postes_a_pourvoir,a_pourvoir_autre,url_"
    "pdf\n";

// One row of 45 fields: the ones given by column name, the others empty.
std::string row(const std::map<std::string, std::string>& values) {
    std::vector<std::string> names;
    std::string h = header.substr(0, header.size() - 1);
    for (std::size_t at = 0;;) {
        const std::size_t comma = h.find(',', at);
        names.push_back(h.substr(at, comma - at));
        if (comma == std::string::npos) break;
        at = comma + 1;
    }
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i) out += ',';
        if (auto it = values.find(names[i]); it != values.end()) out += it->second;
    }
    return out + "\n";
}

std::vector<job_offer> read_all(const std::string& text, diagnostics& d) {
    read_options csv;
    csv.format = "csv";
    offer_reader reader(text, "avp.csv", csv);
    CHECK(reader.format() == "csv");
    std::vector<job_offer> out;
    job_offer o;
    while (reader.next(o, d)) out.push_back(o);
    return out;
}

}  // namespace

TEST_CASE("an open-data row gives an offer: dates, names, availability, texts, contacts, document") {
    const std::string text =
        header +
        row({{"id", "91001"},
             {"numero", "26-0042"},
             {"libelle_poste", "\"DSI - Technicien(ne) réseaux, systèmes\""},
             {"libelle_collectivite", "Commune de Bourail"},
             {"libelle_corps_grade", "technicien"},
             {"date_mis_en_ligne", "2026-03-05"},
             {"date_cloture", "2026-03-26"},
             {"date_a_pourvoir_libelle", "SUSCEPTIBLE_VACANT"},
             {"lieu_travail", "Bourail"},
             {"mission", "\"Maintenir le réseau.\n- Assister les agents.\""},
             {"savoir_faire", "\"- Diagnostiquer une panne\n- Rédiger une procédure\""},
             {"contact", "Mme Exemple"},
             {"contact_email", "rh@bourail.example.nc"},
             {"commentaire_republication", "\"Republication de l'avis 26-0011, dit \"\"sans suite\"\"\""},
             {"nb_postes_a_pourvoir", "2"},
             {"url_pdf", "https://data.example.nc/files/0042/download/"}}) +
        row({{"numero", "26-0043"},
             {"libelle_poste", "Agent d'accueil"},
             {"libelle_collectivite", "Commune de Bourail"},
             {"date_cloture", "2026-13-01"},
             {"nb_postes_a_pourvoir", "0"}});
    diagnostics d;
    const auto offers = read_all(text, d);
    REQUIRE(offers.size() == 2);
    const job_offer& o = offers[0];
    CHECK(o.reference == "26-0042");
    CHECK(o.title == "DSI - Technicien(ne) réseaux, systèmes");  // a quoted comma
    CHECK(o.employer == "Commune de Bourail");
    CHECK(o.grade == "technicien");
    CHECK(o.posted_on == date::from_ymd(2026, 3, 5));
    CHECK(o.deadline == date::from_ymd(2026, 3, 26));
    CHECK(o.availability == "Susceptible d'être vacant");
    CHECK(o.openings == 2);
    CHECK(o.missions == std::vector<std::string>{"Maintenir le réseau.", "Assister les agents."});
    REQUIRE(o.profile.size() == 1);
    CHECK(o.profile[0].title == "Savoir-faire");
    CHECK(o.profile[0].items.size() == 2);
    REQUIRE(o.contacts.size() == 1);
    CHECK(o.contacts[0].email == "rh@bourail.example.nc");
    CHECK(o.document_url == "https://data.example.nc/files/0042/download/");
    CHECK(*o.extra.find("Commentaire de republication") == "Republication de l'avis 26-0011, dit \"sans suite\"");
    CHECK(o.republication_of == "26-0011");  // the comment names the offer it repeats
    CHECK_FALSE(offers[1].republication_of);
    CHECK(*o.extra.find("Identifiant des données ouvertes") == "91001");
    // The second row: a bad date is a warning naming the line and the column; 0 posts is "not given".
    CHECK_FALSE(offers[1].deadline);
    CHECK_FALSE(offers[1].openings);
    REQUIRE(d.size() == 1);
    CHECK(d.items()[0].where.line == 5);  // the first row spans lines 2 to 4 (two cells of two lines)
    CHECK(d.items()[0].where.path == "date_cloture");
}

TEST_CASE("a file in the schema is found by its header, whatever its name") {
    const std::string text =
        header +
        row({{"numero", "26-0042"}, {"libelle_poste", "Agent"}, {"libelle_collectivite", "Commune de Bourail"}});
    offer_reader by_content(text, "export", {});
    CHECK(by_content.format() == "csv");
    offer_reader by_name(text, "avp.csv", {});
    CHECK(by_name.format() == "csv");
    offer_reader other(std::string("a,b\n1,2\n"), "notes.csv", {});
    CHECK(other.format() == "text");  // not the schema: read as text, as any unknown input
}

TEST_CASE("a French spreadsheet's semicolons and CRLF are read too") {
    std::string text = header + row({{"numero", "26-0042"},
                                     {"libelle_poste", "Agent"},
                                     {"libelle_collectivite", "Commune de Bourail"},
                                     {"date_cloture", "2026-03-26"}});
    for (auto& c : text)
        if (c == ',') c = ';';
    std::string crlf;
    for (char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    diagnostics d;
    const auto offers = read_all("\xEF\xBB\xBF" + crlf, d);
    REQUIRE(offers.size() == 1);
    CHECK(offers[0].deadline == date::from_ymd(2026, 3, 26));
}

TEST_CASE("a bad open-data file: its line and what is wrong, and the other rows still read") {
    auto error_of = [](const std::string& text) {
        try {
            diagnostics d;
            (void)read_all(text, d);
        } catch (const error& e) {
            return std::string(e.what());
        }
        return std::string("(read)");
    };
    // A header without the schema's key columns: not this format (named with --from csv: said at once).
    CHECK_THAT(error_of("a,b\n1,2\n"), Catch::Contains("the header lacks numero, libelle_poste, libelle_collectivite"));
    CHECK_THAT(error_of("numero,libelle_poste,date_cloture\n26-1,Agent,2026-01-01\n"),
               Catch::Contains("avp.csv:1: not the DRHFPNC open-data schema: the header lacks libelle_collectivite"));
    CHECK_THAT(error_of(header + "1,2,3\n"), Catch::Contains("avp.csv:2: the row has 3 fields, the header 45"));
    CHECK_THAT(error_of(header + row({{"numero", "\"26-0042"}})), Catch::Contains("a quoted field is not closed"));
    // A bad row fails alone: the reader goes on with the next.
    offer_reader reader(
        header + "1,2\n" +
            row({{"numero", "26-0044"}, {"libelle_poste", "Agent"}, {"libelle_collectivite", "Commune de Bourail"}}),
        "avp.csv", {});
    job_offer o;
    diagnostics d;
    CHECK_THROWS_AS(reader.next(o, d), error);
    REQUIRE(reader.next(o, d));
    CHECK(o.reference == "26-0044");
}

TEST_CASE("the real open data: 44 OPT-NC rows with their dates and documents", "[real]") {
    OFFERKIT_REQUIRE_SHARED(shared);
    offer_reader reader(shared / "real" / "drhfpnc-csv" / "avp_opt.csv");
    CHECK(reader.format() == "csv");
    job_offer o;
    diagnostics d;
    std::size_t n = 0;
    while (reader.next(o, d)) {
        ++n;
        INFO(o.reference);
        CHECK(o.reference.size() == 7);  // "26-0420"
        CHECK(o.employer == "Office des postes et télécommunications");
        CHECK(o.posted_on);
        CHECK(o.deadline);
        CHECK(*o.posted_on < *o.deadline);
        CHECK(o.document_url);
    }
    CHECK(n == 44);
    CHECK(d.empty());
}
