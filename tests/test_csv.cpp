// The `csv` format: offers as rows of the employers' open data (docs/csv.md).
// Its header is the real open-data file's; Python's csv module and LibreOffice
// read what it writes; the `csv` importer reads it back into the same offers.
#include "support/test_support.hpp"

#include <offerkit/error.hpp>
#include <offerkit/json.hpp>
#include <offerkit/opendata.hpp>
#include <offerkit/reader.hpp>
#include <offerkit/text.hpp>

#include <algorithm>
#include <map>

using namespace offerkit;
using namespace offerkit::testing;
namespace fs = std::filesystem;

namespace {

std::vector<job_offer> read_offers(const fs::path& file, std::string_view format, diagnostics& d) {
    read_options options;
    options.format = std::string(format);
    offer_reader reader(read_file(file), file.filename().string(), options);
    std::vector<job_offer> out;
    job_offer o;
    while (reader.next(o, d)) out.push_back(o);
    return out;
}

std::string squeezed(const std::optional<std::string>& s) { return s ? text::squeeze_space(*s) : std::string(); }

void add(std::string& out, std::string_view name, const std::string& value) {
    if (!value.empty()) out.append(name).append(": ").append(value).append("\n");
}

void add_items(std::string& out, std::string_view name, std::vector<std::string> items, bool sort = false) {
    if (sort) std::sort(items.begin(), items.end());
    for (const auto& i : items) add(out, name, text::squeeze_space(i));
}

// What a row of the open data carries of an offer (docs/csv.md, "Round trip"), as text to compare.
std::string carried(const job_offer& o) {
    std::string s;
    add(s, "reference", o.reference);
    add(s, "title", text::squeeze_space(o.title));
    add(s, "employer", o.employer);
    if (o.direction && text::fold(*o.direction) != text::fold(o.employer)) add(s, "direction", *o.direction);
    add(s, "unit", squeezed(o.unit));
    add(s, "grade", squeezed(o.grade));
    add(s, "job_family", squeezed(o.job_family));
    add(s, "location", squeezed(o.location));
    add(s, "residency", squeezed(o.residency_requirement));
    for (auto [name, d] : {std::pair{"posted_on", o.posted_on}, std::pair{"deadline", o.deadline},
                           std::pair{"available_from", o.available_from}})
        add(s, name, d ? d->to_iso() : "");
    add(s, "availability", squeezed(o.availability));
    if (o.openings && *o.openings > 0) add(s, "openings", std::to_string(*o.openings));
    add_items(s, "description", o.description);
    add_items(s, "missions", o.missions);
    std::vector<std::string> main, secondary, profile;
    for (const auto& a : o.activities)
        (a.kind == activity_kind::main ? main : secondary)
            .insert(end(a.kind == activity_kind::main ? main : secondary), a.items.begin(), a.items.end());
    for (const auto& p : o.profile) profile.insert(profile.end(), p.items.begin(), p.items.end());
    add_items(s, "main activities", main);
    add_items(s, "secondary activities", secondary);
    add_items(s, "conditions", o.conditions);
    add_items(s, "profile", profile, true);
    for (std::size_t i = 0; i < o.contacts.size() && i < 2; ++i) {
        const contact& k = o.contacts[i];
        add(s, "contact", squeezed(k.name ? k.name : k.role) + " / " + squeezed(k.phone) + " / " + squeezed(k.email));
    }
    for (const auto& a : o.how_to_apply)
        for (std::string_view prefix : {"Dépôt : ", "Voie postale : ", "Courriel : "})
            if (a.rfind(prefix, 0) == 0) add(s, "how_to_apply", text::squeeze_space(a));
    add(s, "document_url", o.document_url.value_or(""));
    add(s, "republication_of", o.republication_of.value_or(""));
    return s;
}

std::string bundled_inputs() {
    const fs::path ex = source_dir() / "examples";
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(ex / "postings")) files.push_back(entry.path().string());
    std::sort(files.begin(), files.end());
    std::string inputs;
    for (const auto& f : files) inputs += " " + shell_quote(f);
    return inputs + " " + shell_quote((ex / "opendata" / "avp-exemple.csv").string());
}

command_result check_csv(const fs::path& csv, const std::string& args) {
    return run(python() + " " + shell_quote((tests_dir() / "tools" / "check_csv.py").string()) + " " +
               shell_quote(csv.string()) + " " + args);
}

}  // namespace

TEST_CASE("csv: the header is the open-data file's, same names in the same order", "[csv]") {
    const auto shared = shared_dir();
    if (!shared) OFFERKIT_SKIP_WITHOUT_SHARED("../shared is not there: no real open-data file to compare with");
    const fs::path real = *shared / "real" / "drhfpnc-csv" / "avp_opt.csv";
    temp_dir dir;
    const auto r = run(cli_command() + " convert -q" + bundled_inputs() + " --to csv -o " +
                       shell_quote((dir / "avp.csv").string()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    // Python's csv module reads it: every row as long as the header, the header the real file's.
    const auto c = check_csv(dir / "avp.csv", "--header-of " + shell_quote(real.string()) + " --rows 11");
    INFO(c.output);
    CHECK(c.exit_code == 0);
    CHECK(c.output == "ok\n");
    const auto names = opendata::columns();
    CHECK(names.size() == 45);
    CHECK(names.front() == "id");
    CHECK(names.back() == "url_pdf");
}

TEST_CASE("csv: the round trip keeps every field the row carries, for every bundled example", "[csv]") {
    temp_dir dir;
    const std::string out = shell_quote((dir / "avp.csv").string());
    auto r = run(cli_command() + " convert -q" + bundled_inputs() + " --to jsonl -o " +
                 shell_quote((dir / "offers.jsonl").string()));
    REQUIRE(r.exit_code == 0);
    r = run(cli_command() + " convert -q " + shell_quote((dir / "offers.jsonl").string()) + " --to csv -o " + out);
    REQUIRE(r.exit_code == 0);
    diagnostics d;
    const auto before = read_offers(dir / "offers.jsonl", "jsonl", d);
    const auto after = read_offers(dir / "avp.csv", "csv", d);
    REQUIRE(before.size() == 11);
    REQUIRE(after.size() == before.size());
    for (std::size_t i = 0; i < before.size(); ++i) {
        INFO(before[i].reference);
        CHECK(carried(after[i]) == carried(before[i]));
    }
    // Not an empty comparison: the texts, dates and contacts are there.
    const std::string first = carried(before[0]);
    CHECK(first.find("missions: ") != std::string::npos);
    CHECK(first.find("deadline: ") != std::string::npos);
    CHECK(first.find("contact: ") != std::string::npos);
}

TEST_CASE("csv: the real open-data file comes back as it was, cell for cell", "[csv]") {
    const auto shared = shared_dir();
    if (!shared) OFFERKIT_SKIP_WITHOUT_SHARED("../shared is not there: no real open-data file");
    const fs::path real = *shared / "real" / "drhfpnc-csv" / "avp_opt.csv";
    temp_dir dir;
    const auto r = run(cli_command() + " convert -q " + shell_quote(real.string()) + " --to csv -o " +
                       shell_quote((dir / "avp.csv").string()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    // Compared by Python's csv module; spaces squeezed (the importer's one change).
    const auto c = check_csv(dir / "avp.csv", "--same-cells-as " + shell_quote(real.string()));
    INFO(c.output);
    CHECK(c.exit_code == 0);
    CHECK(c.output == "ok\n");
}

TEST_CASE("csv: a cell a spreadsheet would run as a formula is opened as text, and read back as written", "[csv]") {
    job_offer o = minimal_offer();
    o.title = "=HYPERLINK(\"https://exemple.invalid\";\"Postuler\")";
    o.contacts.push_back({std::string("@Mme Exemple"), std::nullopt, std::nullopt, std::string("+687 27 00 00")});
    o.missions = {"-1 dossier par jour", "'=déjà cité"};
    std::string row;
    opendata::append_csv_line(row, opendata::row_of(o));
    CHECK(row.find(",\"'=HYPERLINK(\"\"https://exemple.invalid\"\";\"\"Postuler\"\")\",") != std::string::npos);
    CHECK(row.find(",'@Mme Exemple,'+687 27 00 00,") != std::string::npos);
    CHECK(opendata::spreadsheet_safe("'=déjà cité") == "''=déjà cité");
    CHECK(opendata::without_spreadsheet_quote("''=déjà cité") == "'=déjà cité");
    CHECK(opendata::without_spreadsheet_quote("'ordinaire") == "'ordinaire");
    CHECK(opendata::spreadsheet_safe("Nouméa") == "Nouméa");

    temp_dir dir;
    const fs::path json = dir / "o.json";
    write_file(json, to_json(o));
    auto r = run(cli_command() + " convert -q " + shell_quote(json.string()) + " --to csv -o " +
                 shell_quote((dir / "avp.csv").string()));
    REQUIRE(r.exit_code == 0);
    diagnostics d;
    const auto back = read_offers(dir / "avp.csv", "csv", d);
    REQUIRE(back.size() == 1);
    CHECK(back[0].title == o.title);
    REQUIRE(back[0].contacts.size() == 1);
    CHECK(back[0].contacts[0].name == "@Mme Exemple");
    CHECK(back[0].contacts[0].phone == "+687 27 00 00");

    if (run("command -v soffice").exit_code != 0) OFFERKIT_SKIP("LibreOffice (libreoffice-calc) is not installed");
    // LibreOffice opens the file: no cell of ours is a formula, while a raw one in the same file is (the control).
    std::string text = read_file(dir / "avp.csv");
    text += "=1+1" + std::string(44, ',') + "\r\n";
    write_file(dir / "avp.csv", text);
    r = run("cd " + shell_quote(dir.path().string()) + " && timeout 300 soffice -env:UserInstallation=file://" +
            (dir / "lo").string() + " --headless --convert-to xlsx avp.csv >/dev/null 2>&1");
    REQUIRE(fs::exists(dir / "avp.xlsx"));
    const auto c = check_csv(dir / "avp.csv", "--formulas-in " + shell_quote((dir / "avp.xlsx").string()));
    INFO(c.output);
    CHECK(c.exit_code == 0);
    CHECK(c.output == "formulas: A3\n");
}

TEST_CASE("csv: options: a byte order mark, semicolons — a bad separator is refused", "[csv]") {
    temp_dir dir;
    const fs::path json = dir / "o.json";
    write_file(json, to_json(full_offer()));
    auto r = run(cli_command() + " convert -q " + shell_quote(json.string()) +
                 " --to csv --option bom=true --option separator=';' -o " + shell_quote((dir / "avp.csv").string()));
    INFO(r.output);
    REQUIRE(r.exit_code == 0);
    const std::string text = read_file(dir / "avp.csv");
    CHECK(text.rfind("\xEF\xBB\xBFid;communique;libelle_poste;", 0) == 0);
    const auto c = check_csv(dir / "avp.csv", "--separator ';' --rows 1");
    INFO(c.output);
    CHECK(c.output == "ok\n");
    diagnostics d;
    const auto back = read_offers(dir / "avp.csv", "csv", d);
    REQUIRE(back.size() == 1);
    CHECK(carried(back[0]) == carried(full_offer()));

    r = run(cli_command() + " convert -q " + shell_quote(json.string()) + " --to csv --option separator='|' -o " +
            shell_quote((dir / "bad.csv").string()));
    CHECK(r.exit_code != 0);
    CHECK_THAT(r.output, Catch::Contains("separator=|") && Catch::Contains("\",\" or \";\""));
    CHECK_FALSE(fs::exists(dir / "bad.csv"));
}
