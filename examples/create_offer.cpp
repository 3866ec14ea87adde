// Build a job offer in code and print its canonical JSON.
//
//     example_create_offer > offer.json
#include <offerkit/offerkit.hpp>

#include <iostream>

int main() {
    offerkit::job_offer offer;
    offer.reference = "9001-26-0007/SR";
    offer.title = "DRH – Gestionnaire carrières et paie";
    offer.employer = "Gouvernement de la Nouvelle-Calédonie";
    offer.direction = "Direction des ressources humaines et de la fonction publique";
    offer.posted_on = offerkit::date::parse_iso("2026-10-05");
    offer.deadline = offerkit::date::parse_iso("2026-10-30");
    offer.activities.push_back(
        {offerkit::activity_kind::main, "Paie", {"Préparer la paie mensuelle", "Contrôler les éléments variables"}});
    offer.contacts.push_back({"Léa Hnawia", "Cheffe de bureau", "lea.hnawia@example.nc", "27 00 00"});

    offerkit::diagnostics problems;
    offerkit::validate_offer(offer, {"<code>", 0, 0, {}}, problems);
    for (const auto& d : problems) std::cerr << d.to_string() << '\n';

    std::cout << offerkit::to_json(offer) << '\n';
}
