#include "tagging.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

namespace offerkit::pdf_plugin {

structure_tree::structure_tree() { elements_.push_back({"Document", none, {}, {}}); }

int structure_tree::add(const char* role, int parent, std::string alt, bool front) {
    const int id = static_cast<int>(elements_.size());
    elements_.push_back({role, parent, std::move(alt), {}});
    auto& kids = elements_[static_cast<std::size_t>(parent)].kids;
    kid k;
    k.element = id;
    if (front)
        kids.insert(kids.begin(), k);
    else
        kids.push_back(k);
    return id;
}

void structure_tree::drop_from(int first) {
    if (first >= size()) return;
    elements_.resize(static_cast<std::size_t>(first));
    for (auto& e : elements_) std::erase_if(e.kids, [&](const kid& k) { return k.element >= first; });
}

int structure_tree::mark(HPDF_Page page, int element) {
    // the current page is nearly always the last one marked
    auto it = pages_.rbegin();
    while (it != pages_.rend() && it->first != page) ++it;
    std::vector<int>* owners;
    if (it == pages_.rend()) {
        pages_.emplace_back(page, std::vector<int>{});
        owners = &pages_.back().second;
    } else {
        owners = &it->second;
    }
    const int mcid = static_cast<int>(owners->size());
    owners->push_back(element);
    kid k;
    k.page = page;
    k.mcid = mcid;
    elements_[static_cast<std::size_t>(element)].kids.push_back(k);
    return mcid;
}

void structure_tree::add_annotation(int element, HPDF_Page page, HPDF_Dict annot) {
    kid k;
    k.page = page;
    k.object = annot;
    elements_[static_cast<std::size_t>(element)].kids.push_back(k);
    objects_.emplace_back(annot, element);
}

bool structure_tree::write(HPDF_Doc doc, const std::string& lang) const {
    HPDF_MMgr mm = doc->mmgr;
    HPDF_Encoder utf8 = HPDF_GetEncoder(doc, "UTF-8");
    HPDF_Dict root = HPDF_Dict_New(mm);
    if (!root || HPDF_Xref_Add(doc->xref, root) != HPDF_OK) return false;
    HPDF_Dict_AddName(root, "Type", "StructTreeRoot");

    // Every element an indirect dictionary, made first so that parents and kids can refer to each other.
    std::vector<HPDF_Dict> dicts;
    dicts.reserve(elements_.size());
    for (std::size_t i = 0; i < elements_.size(); ++i) {
        HPDF_Dict d = HPDF_Dict_New(mm);
        if (!d || HPDF_Xref_Add(doc->xref, d) != HPDF_OK) return false;
        dicts.push_back(d);
    }
    for (std::size_t i = 0; i < elements_.size(); ++i) {
        const node& e = elements_[i];
        HPDF_Dict d = dicts[i];
        // (/Type /StructElem is optional: left out, as bytes count on a flyer.)
        HPDF_Dict_AddName(d, "S", e.role.c_str());
        HPDF_Dict_Add(d, "P", e.parent == none ? root : dicts[static_cast<std::size_t>(e.parent)]);
        if (!e.alt.empty()) HPDF_Dict_Add(d, "Alt", HPDF_String_New(mm, e.alt.c_str(), utf8));
        // Marked content on the element's page (/Pg: that of its first) is a bare MCID.
        HPDF_Page own_page = nullptr;
        for (const kid& k : e.kids)
            if (k.element == none) {
                own_page = k.page;
                HPDF_Dict_Add(d, "Pg", own_page);
                break;
            }
        HPDF_Array kids = HPDF_Array_New(mm);
        HPDF_Dict_Add(d, "K", kids);
        for (const kid& k : e.kids) {
            if (k.element != none) {
                HPDF_Array_Add(kids, dicts[static_cast<std::size_t>(k.element)]);
                continue;
            }
            if (k.object) {
                HPDF_Dict objr = HPDF_Dict_New(mm);
                HPDF_Array_Add(kids, objr);
                HPDF_Dict_AddName(objr, "Type", "OBJR");
                HPDF_Dict_Add(objr, "Obj", k.object);
                HPDF_Dict_Add(objr, "Pg", k.page);
                continue;
            }
            if (k.page == own_page) {
                HPDF_Array_AddNumber(kids, k.mcid);
                continue;
            }
            HPDF_Dict mcr = HPDF_Dict_New(mm);
            HPDF_Array_Add(kids, mcr);
            HPDF_Dict_AddName(mcr, "Type", "MCR");
            HPDF_Dict_Add(mcr, "Pg", k.page);
            HPDF_Dict_AddNumber(mcr, "MCID", k.mcid);
        }
    }
    HPDF_Dict_Add(root, "K", dicts.front());

    // The parent tree: for each page (its /StructParents key), the element of each MCID.
    HPDF_Dict parent_tree = HPDF_Dict_New(mm);
    HPDF_Dict_Add(root, "ParentTree", parent_tree);
    HPDF_Array nums = HPDF_Array_New(mm);
    HPDF_Dict_Add(parent_tree, "Nums", nums);
    for (std::size_t p = 0; p < pages_.size(); ++p) {
        HPDF_Array_AddNumber(nums, static_cast<HPDF_INT32>(p));
        HPDF_Array owners = HPDF_Array_New(mm);
        HPDF_Array_Add(nums, owners);
        for (int owner : pages_[p].second) HPDF_Array_Add(owners, dicts[static_cast<std::size_t>(owner)]);
        HPDF_Dict page = pages_[p].first;
        HPDF_Dict_AddNumber(page, "StructParents", static_cast<HPDF_INT32>(p));
        HPDF_Dict_AddName(page, "Tabs", "S");  // links visited in structure order
    }
    // then each annotation's key (its /StructParent): its element itself
    for (std::size_t i = 0; i < objects_.size(); ++i) {
        const auto key = static_cast<HPDF_INT32>(pages_.size() + i);
        HPDF_Array_AddNumber(nums, key);
        HPDF_Array_Add(nums, dicts[static_cast<std::size_t>(objects_[i].second)]);
        HPDF_Dict_AddNumber(objects_[i].first, "StructParent", key);
    }
    HPDF_Dict_AddNumber(root, "ParentTreeNextKey", static_cast<HPDF_INT32>(pages_.size() + objects_.size()));

    HPDF_Dict catalog = doc->catalog;
    HPDF_Dict_Add(catalog, "StructTreeRoot", root);
    HPDF_Dict mark_info = HPDF_Dict_New(mm);
    HPDF_Dict_Add(catalog, "MarkInfo", mark_info);
    HPDF_Dict_AddBoolean(mark_info, "Marked", HPDF_TRUE);
    HPDF_Dict_Add(catalog, "Lang", HPDF_String_New(mm, lang == "en" ? "en" : "fr", nullptr));
    HPDF_Dict prefs = HPDF_Dict_New(mm);
    HPDF_Dict_Add(catalog, "ViewerPreferences", prefs);
    HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
    return HPDF_GetError(doc) == HPDF_OK;
}

}  // namespace offerkit::pdf_plugin
