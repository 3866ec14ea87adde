// schema.org JobPosting codec — New Caledonia communes and their province, for PostalAddress.
#include "jobposting/internal.hpp"

namespace offerkit::detail::jp {

constexpr std::string_view sud = "Province Sud", nord = "Province Nord", iles = "Province des Îles Loyauté";
constexpr commune communes[] = {
    {"belep", "Bélep", nord},
    {"boulouparis", "Boulouparis", sud},
    {"bourail", "Bourail", sud},
    {"canala", "Canala", nord},
    {"dumbea", "Dumbéa", sud},
    {"farino", "Farino", sud},
    {"hienghene", "Hienghène", nord},
    {"houailou", "Houaïlou", nord},
    {"ile des pins", "Île des Pins", sud},
    {"kaala gomen", "Kaala-Gomen", nord},
    {"kone", "Koné", nord},
    {"kouaoua", "Kouaoua", nord},
    {"koumac", "Koumac", nord},
    {"la foa", "La Foa", sud},
    {"lifou", "Lifou", iles},
    {"mare", "Maré", iles},
    {"moindou", "Moindou", sud},
    {"mont dore", "Mont-Dore", sud},
    {"noumea", "Nouméa", sud},
    {"ouegoa", "Ouégoa", nord},
    {"ouvea", "Ouvéa", iles},
    {"paita", "Païta", sud},
    {"poindimie", "Poindimié", nord},
    {"ponerihouen", "Ponérihouen", nord},
    {"pouebo", "Pouébo", nord},
    {"pouembout", "Pouembout", nord},
    {"poum", "Poum", nord},
    {"poya", "Poya", nord},
    {"sarramea", "Sarraméa", sud},
    {"thio", "Thio", sud},
    {"touho", "Touho", nord},
    {"voh", "Voh", nord},
    {"yate", "Yaté", sud},
};

/// The commune named first in `location` ("Agence de Koné et son annexe de
/// Pouembout" is in Koné), or nullptr.
const commune* find_commune(std::string_view location) {
    const std::string f = text::fold_words(location);
    const commune* best = nullptr;
    std::size_t best_pos = 0;
    for (const auto& c : communes) {
        if (!contains_words(f, c.folded)) continue;
        const std::size_t pos = f.find(c.folded);
        if (!best || pos < best_pos) {
            best = &c;
            best_pos = pos;
        }
    }
    return best;
}

}  // namespace offerkit::detail::jp
