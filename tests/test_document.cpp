// Tests of offerkit/document.hpp (issue 15): a posting described by its
// structure — what the docx and pdf importers give the parser — read with the
// parser's rules, the structure deciding where the words cannot.
#include <offerkit/document.hpp>
#include <offerkit/error.hpp>

#include "support/test_support.hpp"

namespace {

using namespace offerkit;

document_line para(std::string text, std::vector<text_span> bold = {}) {
    document_line l;
    l.text = std::move(text);
    l.bold = std::move(bold);
    return l;
}
document_line bold_para(std::string text) {
    const auto n = static_cast<std::uint32_t>(text.size());
    return para(std::move(text), {{0, n}});
}
document_line label(std::string lab, std::string value) {
    const auto n = static_cast<std::uint32_t>(lab.size());
    return para(lab + value, {{0, n}});
}
document_line item(std::string text, int level = 1) {
    document_line l = para(std::move(text));
    l.list_level = level;
    return l;
}
document_line cell(document_line l, std::uint32_t table, std::uint32_t row, std::uint32_t column) {
    l.table = table;
    l.row = row;
    l.column = column;
    return l;
}
document_line heading(std::string text, int level) {
    document_line l = bold_para(std::move(text));
    l.heading = level;
    return l;
}

posting_document base() {
    posting_document d;
    d.lines.push_back(heading("Chargé(e) d'accueil", 1));
    d.lines.push_back(label("Référence : ", "9100-26-0001/SR du 2 novembre 2026"));
    d.lines.push_back(label("Employeur : ", "Commune fictive de Farino"));
    d.lines.push_back(label("Date limite de candidature : ", "23 novembre 2026"));
    return d;
}

job_offer parse(const posting_document& d, diagnostics& diags) { return parse_posting(d, "avis.docx", diags); }

}  // namespace

TEST_CASE("headings labels and list items of a document make an offer") {
    posting_document d = base();
    d.lines.push_back(heading("Missions", 2));
    d.lines.push_back(para("Accueillir le public de la mairie."));
    d.lines.push_back(heading("Activités du poste", 2));
    d.lines.push_back(item("Renseigner les usagers"));
    d.lines.push_back(item("tenir le standard"));  // a list item that starts in lower case stays an item
    diagnostics diags;
    const job_offer o = parse(d, diags);
    CHECK(o.title == "Chargé(e) d'accueil");
    CHECK(o.reference == "9100-26-0001/SR");
    CHECK(o.employer == "Commune fictive de Farino");
    CHECK(o.deadline == date::parse_iso("2026-11-23"));
    CHECK(o.missions == std::vector<std::string>{"Accueillir le public de la mairie."});
    REQUIRE(o.activities.size() == 1);
    CHECK(o.activities[0].items == std::vector<std::string>{"Renseigner les usagers", "tenir le standard"});
}

TEST_CASE("a paragraph that starts in lower case is whole and is not glued to the one before") {
    posting_document d = base();
    d.lines.push_back(heading("Pour répondre à cette offre", 2));
    d.lines.push_back(para("Adressez votre candidature :"));
    d.lines.push_back(para("par courriel à rh@example.nc"));
    diagnostics diags;
    const job_offer o = parse(d, diags);
    CHECK(o.how_to_apply == std::vector<std::string>{"Adressez votre candidature :", "par courriel à rh@example.nc"});
}

TEST_CASE("a manual line break is read like a line of text") {
    posting_document d = base();
    d.lines[2] = label("Employeur : ", "Office fictif des postes\net télécommunications");
    d.lines.push_back(heading("Activités du poste", 2));
    d.lines.push_back(para("– Accueillir les clients\n– Tenir la caisse"));
    diagnostics diags;
    const job_offer o = parse(d, diags);
    CHECK(o.employer == "Office fictif des postes et télécommunications");
    REQUIRE(o.activities.size() == 1);
    CHECK(o.activities[0].items == std::vector<std::string>{"Accueillir les clients", "Tenir la caisse"});
}

TEST_CASE("a label value table is read row by row as label and value") {
    posting_document d;
    d.lines.push_back(heading("Technicien(ne) informatique", 1));
    const std::pair<const char*, const char*> rows[] = {{"Référence", "9100-26-0002/SR"},
                                                        {"Employeur", "Province fictive"},
                                                        {"Lieu de travail :", "Koumac"},
                                                        {"Date limite de candidature", "30 novembre 2026"}};
    std::uint32_t r = 0;
    for (const auto& [l, v] : rows) {
        d.lines.push_back(cell(bold_para(l), 1, r, 0));
        d.lines.push_back(cell(para(v), 1, r, 1));
        ++r;
    }
    diagnostics diags;
    const job_offer o = parse(d, diags);
    INFO(to_markdown(d));
    CHECK(o.reference == "9100-26-0002/SR");
    CHECK(o.employer == "Province fictive");
    CHECK(o.location == std::optional<std::string>("Koumac"));
    CHECK(o.deadline == date::parse_iso("2026-11-30"));
    CHECK_THAT(to_markdown(d), Catch::Contains("**Lieu de travail** : Koumac"));
}

TEST_CASE("a table whose first row holds titles is read column by column") {
    posting_document d = base();
    d.lines.push_back(heading("Profil du candidat", 2));
    d.lines.push_back(cell(bold_para("Savoirs"), 1, 0, 0));
    d.lines.push_back(cell(bold_para("Savoir-faire"), 1, 0, 1));
    d.lines.push_back(cell(para("Code des communes"), 1, 1, 0));
    d.lines.push_back(cell(para("Accueillir"), 1, 1, 1));
    d.lines.push_back(cell(para("Bureautique"), 1, 2, 0));
    d.lines.push_back(cell(para("Orienter"), 1, 2, 1));
    diagnostics diags;
    const job_offer o = parse(d, diags);
    INFO(to_markdown(d));
    REQUIRE(o.profile.size() == 2);
    CHECK(o.profile[0].title == std::optional<std::string>("Savoirs"));
    CHECK(o.profile[0].items == std::vector<std::string>{"Code des communes", "Bureautique"});
    CHECK(o.profile[1].title == std::optional<std::string>("Savoir-faire"));
    CHECK(o.profile[1].items == std::vector<std::string>{"Accueillir", "Orienter"});
}

TEST_CASE("a table of people with column titles is read row by row") {
    posting_document d = base();
    d.lines.push_back(heading("Renseignements", 2));
    const char* rows[][3] = {{"Nom", "Fonction", "Téléphone"},
                             {"Mme Jeanne Exemple", "cheffe du service", "26 00 01"},
                             {"M. Paul Modèle", "adjoint", "26 00 02"}};
    for (std::uint32_t r = 0; r < 3; ++r)
        for (std::uint32_t c = 0; c < 3; ++c)
            d.lines.push_back(cell(r == 0 ? bold_para(rows[r][c]) : para(rows[r][c]), 1, r, c));
    diagnostics diags;
    const job_offer o = parse(d, diags);
    INFO(to_markdown(d));
    CHECK_THAT(to_markdown(d), Catch::Contains("Mme Jeanne Exemple – cheffe du service – 26 00 01"));
    REQUIRE(o.contacts.size() == 2);
    CHECK(o.contacts[0].phone == std::optional<std::string>("26 00 01"));
    CHECK(o.contacts[1].phone == std::optional<std::string>("26 00 02"));
    CHECK(o.contacts[1].name == std::optional<std::string>("Paul Modèle"));
}

TEST_CASE("a grid of label value paragraphs is read cell by cell and furniture is never read") {
    posting_document d;
    document_line head = para("RÉPUBLIQUE FICTIVE – www.example.nc");
    head.furniture = true;
    d.lines.push_back(head);
    d.lines.push_back(heading("Gestionnaire de paie", 1));
    d.lines.push_back(cell(label("Référence : ", "9100-26-0003/SR"), 1, 0, 0));
    d.lines.push_back(cell(label("Employeur : ", "Ville fictive"), 1, 0, 0));
    d.lines.push_back(cell(label("Date de dépôt de l'offre : ", "2 novembre 2026"), 1, 0, 1));
    d.lines.push_back(cell(label("Date limite de candidature : ", "23 novembre 2026"), 1, 0, 1));
    document_line foot = para("9100-26-0003/SR – Page 1 / 1");
    foot.furniture = true;
    d.lines.push_back(foot);
    diagnostics diags;
    const job_offer o = parse(d, diags);
    CHECK(o.posted_on == date::parse_iso("2026-11-02"));
    CHECK(o.deadline == date::parse_iso("2026-11-23"));
    CHECK(o.employer == "Ville fictive");
    CHECK_THAT(to_markdown(d), !Catch::Contains("RÉPUBLIQUE") && !Catch::Contains("Page 1"));
    CHECK(diags.empty());
}

TEST_CASE("a document's diagnostics name its paragraph and bad text is refused with its line") {
    posting_document d = base();
    d.lines[3] = label("Date limite de candidature : ", "2 octobre 2026");  // before the posting date
    d.lines.push_back(label("Date de dépôt de l'offre : ", "2 novembre 2026"));
    diagnostics diags;
    (void)parse(d, diags);
    bool found = false;
    for (const auto& x : diags)
        if (x.rule == "deadline-before-posting") {
            found = true;
            CHECK(x.where.file == "avis.docx");
            CHECK(x.where.line == 4);
        }
    CHECK(found);
    d.lines.push_back(para("caf\xC3"));
    try {
        (void)parse(d, diags);
        FAIL("invalid UTF-8 was accepted");
    } catch (const error& e) {
        CHECK(e.code() == errc::invalid_utf8);
        CHECK_THAT(e.what(), Catch::Contains("avis.docx:6:"));
    }
}

TEST_CASE("spaces soft hyphens and ligatures of a document's text are folded and bold runs follow") {
    posting_document d;
    d.lines.push_back(
        para("Un\xC2\xA0\xE2\x80\xAF texte\tavec\xC2\xAD une \xEF\xAC\x81n et des \xEF\xAC\x82\x65urs", {{0, 2}}));
    const std::string md = to_markdown(d);
    CHECK(md == "**Un** texte avec une fin et des fleurs\n\n");
}

TEST_CASE("a table whose first cell is empty is read and nothing breaks") {
    // found by fuzz_pdf_layout: a two-column table whose first row starts with an empty cell
    posting_document d = base();
    d.lines.push_back(cell(para(""), 1, 0, 0));
    d.lines.push_back(cell(bold_para("Savoir-faire"), 1, 0, 1));
    d.lines.push_back(cell(bold_para("Rigueur"), 1, 1, 0));
    d.lines.push_back(cell(para("Accueillir"), 1, 1, 1));
    diagnostics diags;
    job_offer o;
    CHECK_NOTHROW(o = parse(d, diags));
    CHECK(o.reference == "9100-26-0001/SR");
    CHECK_THAT(to_markdown(d), Catch::Contains("Accueillir"));
}

TEST_CASE("the document readers' whole-number options are read by option_count") {
    const option_map o{{"max-pages", "12"}, {"zero", "0"}, {"big", "10001"}, {"word", "12a"}, {"empty", ""}};
    CHECK(option_count(o, "max-pages", 100, 10000) == 12);
    CHECK(option_count(o, "absent", 100, 10000) == 100);
    for (const char* bad : {"zero", "big", "word", "empty"}) {
        INFO(bad);
        try {
            (void)option_count(o, bad, 100, 10000);
            FAIL("accepted");
        } catch (const error& e) {
            CHECK(e.code() == errc::invalid_option);
            CHECK_THAT(e.what(), Catch::Contains(std::string("option ") + bad + "=") &&
                                     Catch::Contains("a whole number from 1 to 10000"));
        }
    }
}
