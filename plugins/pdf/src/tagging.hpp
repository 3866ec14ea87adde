// Internal: the flyers' logical structure (tagged PDF), which libharu has no API
// for. The layout names a structure element for each piece of content (H1, H2,
// P, L/LI/Lbl/LBody, Table/TR/TH/TD, Figure with its alternative text) as it
// builds the flow, in reading order; the painter wraps what it draws in marked
// content (`/P <</MCID 3>> BDC … EMC`, or `/Artifact BMC … EMC` for decoration:
// bands, rules, footers); before saving, write() builds the StructTreeRoot,
// its ParentTree, each page's /StructParents, and the catalog's /MarkInfo,
// /Lang and /ViewerPreferences through libharu's object API.
#pragma once

#include <hpdf.h>

#include <string>
#include <utility>
#include <vector>

namespace offerkit::pdf_plugin {

class structure_tree {
public:
    static constexpr int none = -1;

    structure_tree();

    /// A new element of type `role` ("P", "H1", "Figure"…) as the last child
    /// of `parent` (the first when `front`), with an alternative text for a
    /// figure. Returns its index.
    int add(const char* role, int parent, std::string alt = {}, bool front = false);
    static constexpr int document = 0;  ///< the root element, "Document"

    /// The next marked-content identifier of `page`, as content of `element`.
    int mark(HPDF_Page page, int element);

    /// The annotation `annot` of `page` (a link) as content of `element`
    /// (an object reference, OBJR; the annotation gets its /StructParent).
    void add_annotation(int element, HPDF_Page page, HPDF_Dict annot);

    bool empty() const noexcept { return elements_.size() <= 1; }
    const std::string& role(int element) const { return elements_[static_cast<std::size_t>(element)].role; }
    /// How many elements there are; drop_from(size()) undoes what was added since
    /// (a block measured and left out), before any of it was marked.
    int size() const noexcept { return static_cast<int>(elements_.size()); }
    void drop_from(int first);

    /// Writes the structure into `doc`, its language `lang` ("fr", "en").
    /// Returns false when libharu failed (the caller checks its error).
    bool write(HPDF_Doc doc, const std::string& lang) const;

private:
    struct kid {
        int element = none;  // a child element, or
        HPDF_Page page = nullptr;
        int mcid = none;             // marked content on `page`, or
        HPDF_Dict object = nullptr;  // an annotation of `page`
    };
    struct node {
        std::string role;
        int parent = none;
        std::string alt;
        std::vector<kid> kids;
    };
    std::vector<node> elements_;
    // per page, in the order first marked: the element owning each MCID
    std::vector<std::pair<HPDF_Page, std::vector<int>>> pages_;
    std::vector<std::pair<HPDF_Dict, int>> objects_;  // annotations and their element
};

}  // namespace offerkit::pdf_plugin
