// docx/wordml.cpp — WordprocessingML to a posting_document, with pugixml.
//
// Elements are matched by their local name (the part after "w:"), so that a
// document written with other namespace prefixes reads the same.
#include "src/wordml.hpp"

#include <offerkit/error.hpp>
#include <offerkit/text.hpp>
#include <offerkit/utf8.hpp>

#include <pugixml.hpp>

#include <algorithm>
#include <array>
#include <cstring>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <unordered_map>

namespace offerkit::docx_plugin {

namespace {

constexpr std::size_t max_paragraphs = 200000;  // far beyond any posting: a guard, not a layout limit

const char* local(const pugi::xml_node& n) noexcept {
    const char* name = n.name();
    const char* colon = std::strchr(name, ':');
    return colon ? colon + 1 : name;
}
bool is(const pugi::xml_node& n, const char* name) noexcept { return std::strcmp(local(n), name) == 0; }

pugi::xml_node child(const pugi::xml_node& n, const char* name) noexcept {
    for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling())
        if (is(c, name)) return c;
    return {};
}

/// An attribute by local name ("w:val", "val").
const char* attr(const pugi::xml_node& n, const char* name) noexcept {
    for (pugi::xml_attribute a = n.first_attribute(); a; a = a.next_attribute()) {
        const char* an = a.name();
        const char* colon = std::strchr(an, ':');
        if (std::strcmp(colon ? colon + 1 : an, name) == 0) return a.value();
    }
    return nullptr;
}

int int_attr(const pugi::xml_node& n, const char* name, int fallback) noexcept {
    const char* v = attr(n, name);
    if (!v || !*v) return fallback;
    char* end = nullptr;
    const long x = std::strtol(v, &end, 10);
    if (end == v || x < -1000000 || x > 1000000) return fallback;
    return static_cast<int>(x);
}

/// An on/off property (w:b, w:b w:val="0"…): nullopt when absent.
std::optional<bool> on_off(const pugi::xml_node& props, const char* name) noexcept {
    const pugi::xml_node p = child(props, name);
    if (!p) return std::nullopt;
    const char* v = attr(p, "val");
    if (!v) return true;
    return !(std::strcmp(v, "0") == 0 || std::strcmp(v, "false") == 0 || std::strcmp(v, "off") == 0);
}

/// A DTD can only come in the prolog, before the root element: the XML
/// declaration, comments and processing instructions are skipped to find it.
bool has_dtd(std::string_view xml) noexcept {
    std::size_t i = 0;
    if (xml.substr(0, 3) == "\xEF\xBB\xBF") i = 3;
    while (i < xml.size()) {
        const char c = xml[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            ++i;
            continue;
        }
        if (c != '<') return false;
        const std::string_view rest = xml.substr(i);
        if (rest.substr(0, 2) == "<?") {
            const std::size_t e = rest.find("?>");
            if (e == std::string_view::npos) return false;
            i += e + 2;
        } else if (rest.substr(0, 4) == "<!--") {
            const std::size_t e = rest.find("-->");
            if (e == std::string_view::npos) return false;
            i += e + 3;
        } else {
            return rest.substr(0, 2) == "<!";  // <!DOCTYPE, or any other declaration: refused
        }
    }
    return false;
}

pugi::xml_document parse_xml(const std::string& xml, const std::string& doc, const std::string& part) {
    // Word never writes a DTD: one is refused, so that no entity is ever declared, let alone expanded.
    if (has_dtd(xml))
        throw error(errc::unknown_format, doc + ": its part " + part +
                                              " declares a DTD or entities, which a Word document never does: refused");
    pugi::xml_document d;
    const pugi::xml_parse_result r =
        d.load_buffer(xml.data(), xml.size(), pugi::parse_default | pugi::parse_ws_pcdata_single, pugi::encoding_auto);
    if (!r)
        throw error(errc::unknown_format, doc + ": its part " + part + " is not well-formed XML (" + r.description() +
                                              " at byte " + std::to_string(r.offset) + ")");
    return d;
}

// ------------------------------------------------------------------ styles

struct style {
    std::string based_on;
    std::string name;  // lower case
    int outline = -1;  // 0-based outline level, -1: none
    std::optional<bool> bold;
    int num_id = -1, ilvl = -1;
};

class styles {
public:
    void load(const pugi::xml_node& root) {
        for (pugi::xml_node s = root.first_child(); s; s = s.next_sibling()) {
            if (is(s, "docDefaults")) {
                if (auto rpr = child(child(s, "rPrDefault"), "rPr")) default_bold_ = on_off(rpr, "b").value_or(false);
                continue;
            }
            if (!is(s, "style")) continue;
            const char* id = attr(s, "styleId");
            if (!id) continue;
            style st;
            if (auto b = child(s, "basedOn")) st.based_on = attr(b, "val") ? attr(b, "val") : "";
            if (auto n = child(s, "name")) {
                const char* v = attr(n, "val");
                st.name = v ? v : "";
                for (char& c : st.name)
                    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
            }
            if (auto ppr = child(s, "pPr")) {
                if (auto o = child(ppr, "outlineLvl")) st.outline = int_attr(o, "val", -1);
                if (auto np = child(ppr, "numPr")) {
                    st.num_id = int_attr(child(np, "numId"), "val", -1);
                    st.ilvl = int_attr(child(np, "ilvl"), "val", -1);
                }
            }
            if (auto rpr = child(s, "rPr")) st.bold = on_off(rpr, "b");
            map_.emplace(id, std::move(st));
        }
    }

    /// The heading level a paragraph style gives (1–6), 0 for none.
    int heading(const std::string& id) const {
        int depth = 0;
        for (const style* s = find(id); s && depth < 16; s = find(s->based_on), ++depth) {
            if (s->outline >= 0 && s->outline < 9) return std::min(s->outline + 1, 6);
            if (s->name == "title") return 1;
            if (s->name == "subtitle") return 2;
            for (const char* prefix : {"heading ", "titre "})
                if (s->name.rfind(prefix, 0) == 0 && s->name.size() == std::strlen(prefix) + 1) {
                    const char d = s->name.back();
                    if (d >= '1' && d <= '9') return std::min(d - '0', 6);
                }
        }
        return 0;
    }

    std::optional<bool> bold(const std::string& id) const {
        int depth = 0;
        for (const style* s = find(id); s && depth < 16; s = find(s->based_on), ++depth)
            if (s->bold) return s->bold;
        return std::nullopt;
    }
    bool default_bold() const noexcept { return default_bold_; }

    /// The numbering a paragraph style carries (numId, ilvl), or {-1, -1}.
    std::pair<int, int> numbering(const std::string& id) const {
        int depth = 0;
        for (const style* s = find(id); s && depth < 16; s = find(s->based_on), ++depth)
            if (s->num_id >= 0) return {s->num_id, std::max(s->ilvl, 0)};
        return {-1, -1};
    }

private:
    const style* find(const std::string& id) const {
        if (id.empty()) return nullptr;
        auto it = map_.find(id);
        return it == map_.end() ? nullptr : &it->second;
    }
    std::unordered_map<std::string, style> map_;
    bool default_bold_ = false;
};

// --------------------------------------------------------------- numbering

class numbering {
public:
    void load(const pugi::xml_node& root) {
        std::unordered_map<int, std::array<level, 9>> abstract;
        for (pugi::xml_node a = root.first_child(); a; a = a.next_sibling()) {
            if (!is(a, "abstractNum")) continue;
            std::array<level, 9> levels{};
            for (pugi::xml_node l = a.first_child(); l; l = l.next_sibling()) {
                if (!is(l, "lvl")) continue;
                const int i = int_attr(l, "ilvl", -1);
                if (i < 0 || i > 8) continue;
                const char* fmt = attr(child(l, "numFmt"), "val");
                levels[static_cast<std::size_t>(i)].bullet = fmt && std::strcmp(fmt, "bullet") == 0;
                levels[static_cast<std::size_t>(i)].none = fmt && std::strcmp(fmt, "none") == 0;
                levels[static_cast<std::size_t>(i)].start = int_attr(child(l, "start"), "val", 1);
            }
            abstract[int_attr(a, "abstractNumId", -1)] = levels;
        }
        for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
            if (!is(n, "num")) continue;
            auto it = abstract.find(int_attr(child(n, "abstractNumId"), "val", -1));
            if (it == abstract.end()) continue;
            instance in;
            in.levels = it->second;
            for (pugi::xml_node o = n.first_child(); o; o = o.next_sibling())
                if (is(o, "lvlOverride")) {
                    const int i = int_attr(o, "ilvl", -1);
                    if (i >= 0 && i <= 8)
                        if (auto so = child(o, "startOverride"))
                            in.levels[static_cast<std::size_t>(i)].start = int_attr(so, "val", 1);
                }
            nums_[int_attr(n, "numId", -1)] = in;
        }
    }

    /// The counters of one document's lists, by numId and level.
    using counters = std::unordered_map<int, std::array<int, 9>>;

    /// A paragraph numbered (numId, ilvl): sets its list level and number;
    /// false when the numbering does not exist or shows nothing (numId 0, "none").
    bool item(int num_id, int ilvl, document_line& line, counters& count) const {
        if (num_id <= 0) return false;
        ilvl = std::clamp(ilvl, 0, 8);
        auto it = nums_.find(num_id);
        if (it == nums_.end()) {
            line.list_level = ilvl + 1;  // numbering.xml lost: still an item
            return true;
        }
        const level& lv = it->second.levels[static_cast<std::size_t>(ilvl)];
        if (lv.none) return false;
        line.list_level = ilvl + 1;
        auto& cs = count[num_id];
        // a level's counter restarts when a shallower level advances
        for (int k = ilvl + 1; k < 9; ++k) cs[static_cast<std::size_t>(k)] = 0;
        int& c = cs[static_cast<std::size_t>(ilvl)];
        c = c == 0 ? lv.start : c + 1;
        line.number = lv.bullet ? 0 : std::max(c, 1);
        return true;
    }

private:
    struct level {
        bool bullet = true, none = false;
        int start = 1;
    };
    struct instance {
        std::array<level, 9> levels{};
    };
    std::unordered_map<int, instance> nums_;
};

// ----------------------------------------------------- definitions cache

/// Documents made from one template share their styles.xml and numbering.xml
/// byte for byte (an employer's postings): their parsed definitions are kept,
/// keyed by the part's CRC-32 and size from the zip directory, so that a batch
/// inflates and parses them once. Bounded, shared between threads.
template <class Definitions>
class definitions_cache {
public:
    std::shared_ptr<const Definitions> find(std::uint64_t key) {
        const std::lock_guard<std::mutex> lock(mutex_);
        for (auto& e : entries_)
            if (e.key == key) {
                e.used = ++clock_;
                return e.value;
            }
        return nullptr;
    }
    void put(std::uint64_t key, std::shared_ptr<const Definitions> value) {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (entries_.size() < 8) {
            entries_.push_back({key, std::move(value), ++clock_});
            return;
        }
        auto oldest = std::min_element(entries_.begin(), entries_.end(),
                                       [](const entry& a, const entry& b) { return a.used < b.used; });
        *oldest = {key, std::move(value), ++clock_};
    }

private:
    struct entry {
        std::uint64_t key;
        std::shared_ptr<const Definitions> value;
        std::uint64_t used;
    };
    std::mutex mutex_;
    std::vector<entry> entries_;
    std::uint64_t clock_ = 0;
};

template <class Definitions>
std::shared_ptr<const Definitions> load_definitions(package& pkg, const std::string& name, const char* part,
                                                    definitions_cache<Definitions>& cache) {
    const auto key = pkg.fingerprint(part);
    if (key)
        if (auto hit = cache.find(*key)) return hit;
    auto defs = std::make_shared<Definitions>();
    std::string xml = pkg.read(part);
    const auto d = parse_xml(xml, name, part);
    defs->load(d.document_element());
    if (key) cache.put(*key, defs);
    return defs;
}

definitions_cache<styles>& styles_cache() {
    static definitions_cache<styles> c;
    return c;
}
definitions_cache<numbering>& numbering_cache() {
    static definitions_cache<numbering> c;
    return c;
}

// ------------------------------------------------------------ paragraphs

struct cell_place {
    std::uint32_t table = 0, row = 0, column = 0;
};

class reader {
public:
    reader(package& pkg, const std::string& name) : pkg_(pkg), name_(name) {}

    posting_document run() {
        if (!pkg_.has("word/document.xml")) {
            const std::string what = pkg_.has("[Content_Types].xml")
                                         ? "an Office package without word/document.xml (a workbook or a slide show?)"
                                         : "a zip archive without word/document.xml";
            throw error(errc::unknown_format, name_ + ": not a Word document: " + what);
        }
        const std::string main = "word/document.xml";
        load_relationships(main);
        if (pkg_.has("word/styles.xml")) styles_ = load_definitions(pkg_, name_, "word/styles.xml", styles_cache());
        if (pkg_.has("word/numbering.xml"))
            numbering_ = load_definitions(pkg_, name_, "word/numbering.xml", numbering_cache());
        const std::string xml = pkg_.read(main);
        const auto d = parse_xml(xml, name_, main);
        const pugi::xml_node body = child(d.document_element(), "body");
        if (!body) throw error(errc::unknown_format, name_ + ": not a Word document: " + main + " has no body");
        // headers and footers: page furniture, read once each
        for (const auto& [id, rel] : rels_)
            if (rel.kind == "header" || rel.kind == "footer") furniture_parts_.push_back(rel.target);
        std::sort(furniture_parts_.begin(), furniture_parts_.end());
        furniture_parts_.erase(std::unique(furniture_parts_.begin(), furniture_parts_.end()), furniture_parts_.end());
        for (const auto& part : furniture_parts_) read_furniture(part);
        current_rels_ = &rels_;
        blocks(body, {});
        if (pkg_.has("docProps/core.xml")) {
            const std::string core = pkg_.read("docProps/core.xml");
            const auto c = parse_xml(core, name_, "docProps/core.xml");
            if (auto t = child(c.document_element(), "title")) doc_.title = t.text().get();
        }
        return std::move(doc_);
    }

private:
    struct relationship {
        std::string kind;    // last segment of the type: "hyperlink", "header"…
        std::string target;  // a part name, or an external address
    };
    using rel_map = std::unordered_map<std::string, relationship>;

    rel_map read_relationships(const std::string& part) {
        rel_map out;
        const std::size_t slash = part.rfind('/');
        const std::string rels_part = (slash == std::string::npos ? std::string() : part.substr(0, slash + 1)) +
                                      "_rels/" + part.substr(slash == std::string::npos ? 0 : slash + 1) + ".rels";
        if (!pkg_.has(rels_part)) return out;
        const std::string xml = pkg_.read(rels_part);
        const auto d = parse_xml(xml, name_, rels_part);
        for (pugi::xml_node r = d.document_element().first_child(); r; r = r.next_sibling()) {
            if (!is(r, "Relationship")) continue;
            const char* id = attr(r, "Id");
            const char* type = attr(r, "Type");
            const char* target = attr(r, "Target");
            const char* mode = attr(r, "TargetMode");
            if (!id || !type || !target) continue;
            relationship rel;
            const std::string t = type;
            rel.kind = t.substr(t.rfind('/') + 1);
            const bool external = mode && std::strcmp(mode, "External") == 0;
            if (external) {
                rel.target = target;
            } else {
                rel.target = pkg_.resolve(part, target);  // throws when it leaves the package
                if ((rel.kind == "header" || rel.kind == "footer") && !pkg_.has(rel.target))
                    throw error(errc::unknown_format, name_ + ": not a readable Word document: its " + rel.kind + " " +
                                                          rel.target + " is missing");
            }
            out.emplace(id, std::move(rel));
        }
        return out;
    }
    void load_relationships(const std::string& part) { rels_ = read_relationships(part); }

    void read_furniture(const std::string& part) {
        const std::string xml = pkg_.read(part);
        const auto d = parse_xml(xml, name_, part);
        rel_map rels = read_relationships(part);
        current_rels_ = &rels;
        furniture_ = true;
        blocks(d.document_element(), {});
        furniture_ = false;
        current_rels_ = &rels_;
    }

    /// Block-level content: paragraphs, tables, content controls, tracked insertions.
    void blocks(const pugi::xml_node& parent, cell_place at, int depth = 0) {
        if (depth > 32) return;  // nesting beyond any real document: ignored rather than recursed into
        for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
            if (is(n, "p")) {
                paragraph(n, at);
            } else if (is(n, "tbl")) {
                if (at.table == 0) {
                    cell_place t{++tables_, 0, 0};
                    table(n, t, depth, false);
                } else {
                    table(n, at, depth, true);  // a table in a cell: its text belongs to that cell
                }
            } else if (is(n, "sdt")) {
                blocks(child(n, "sdtContent"), at, depth + 1);
            } else if (is(n, "customXml") || is(n, "ins") || is(n, "moveTo") || is(n, "smartTag")) {
                blocks(n, at, depth + 1);
            } else if (is(n, "AlternateContent")) {
                if (auto c = child(n, "Choice")) blocks(c, at, depth + 1);
            }
        }
    }

    void table(const pugi::xml_node& tbl, cell_place base, int depth, bool nested) {
        std::uint32_t row = 0;
        auto rows = [&](const pugi::xml_node& parent, auto&& self) -> void {
            for (pugi::xml_node tr = parent.first_child(); tr; tr = tr.next_sibling()) {
                if (is(tr, "sdt")) {
                    self(child(tr, "sdtContent"), self);
                    continue;
                }
                if (!is(tr, "tr")) continue;
                std::uint32_t column = 0;
                for (pugi::xml_node tc = tr.first_child(); tc; tc = tc.next_sibling()) {
                    pugi::xml_node cell = tc;
                    if (is(tc, "sdt")) cell = child(child(tc, "sdtContent"), "tc");
                    if (!cell || !is(cell, "tc")) continue;
                    const pugi::xml_node pr = child(cell, "tcPr");
                    const int span = std::clamp(int_attr(child(pr, "gridSpan"), "val", 1), 1, 64);
                    cell_place at = nested ? base : cell_place{base.table, row, column};
                    blocks(cell, at, depth + 1);
                    column += static_cast<std::uint32_t>(span);
                }
                ++row;
            }
        };
        rows(tbl, rows);
    }

    void paragraph(const pugi::xml_node& p, cell_place at) {
        if (++paragraphs_ > max_paragraphs)
            throw error(errc::limit_exceeded,
                        name_ + ": more than " + std::to_string(max_paragraphs) + " paragraphs: not a posting");
        document_line line;
        line.table = at.table;
        line.row = at.row;
        line.column = at.column;
        line.furniture = furniture_;
        std::string style_id;
        const pugi::xml_node ppr = child(p, "pPr");
        int num_id = -1, ilvl = 0;
        if (ppr) {
            if (auto ps = child(ppr, "pStyle"))
                if (const char* v = attr(ps, "val")) style_id = v;
            if (auto np = child(ppr, "numPr")) {
                num_id = int_attr(child(np, "numId"), "val", -1);
                ilvl = int_attr(child(np, "ilvl"), "val", 0);
            }
            if (auto o = child(ppr, "outlineLvl")) {
                const int v = int_attr(o, "val", 9);
                if (v >= 0 && v < 9) line.heading = std::min(v + 1, 6);
            }
        }
        if (line.heading == 0) line.heading = styles_->heading(style_id);
        if (num_id < 0) {
            const auto [n, l] = styles_->numbering(style_id);
            num_id = n;
            if (n >= 0) ilvl = l;
        }
        if (num_id > 0) numbering_->item(num_id, ilvl, line, counters_);
        para_bold_ = styles_->bold(style_id).value_or(styles_->default_bold());
        field_depth_ = 0;
        std::vector<pugi::xml_node> boxes;
        inline_content(p, line, boxes, 0);
        close_bold(line);
        if (line.list_level > 0) line.heading = 0;  // a numbered heading is a heading only in outline view
        doc_.lines.push_back(std::move(line));
        // text boxes anchored in the paragraph: their paragraphs follow it
        for (const auto& b : boxes) blocks(b, at, 1);
    }

    void inline_content(const pugi::xml_node& parent, document_line& line, std::vector<pugi::xml_node>& boxes,
                        int depth) {
        if (depth > 32) return;
        for (pugi::xml_node n = parent.first_child(); n; n = n.next_sibling()) {
            if (is(n, "r")) {
                run(n, line, boxes);
            } else if (is(n, "hyperlink")) {
                std::size_t slot = std::string::npos;
                if (const char* id = attr(n, "id")) {
                    auto it = current_rels_->find(id);
                    if (it != current_rels_->end() && it->second.kind == "hyperlink")
                        slot = add_link(line, it->second.target);
                }
                const std::size_t from = line.text.size();
                inline_content(n, line, boxes, depth + 1);
                // the words the link is attached to
                if (slot != std::string::npos) {
                    if (line.link_texts.size() <= slot) line.link_texts.resize(slot + 1);
                    if (line.link_texts[slot].empty())
                        line.link_texts[slot] = text::squeeze_space(std::string_view(line.text).substr(from));
                }
            } else if (is(n, "fldSimple")) {
                if (const char* instr = attr(n, "instr")) field_instruction(instr, line);
                inline_content(n, line, boxes, depth + 1);
            } else if (is(n, "ins") || is(n, "moveTo") || is(n, "smartTag") || is(n, "customXml") || is(n, "bdo") ||
                       is(n, "dir")) {
                inline_content(n, line, boxes, depth + 1);
            } else if (is(n, "sdt")) {
                inline_content(child(n, "sdtContent"), line, boxes, depth + 1);
            } else if (is(n, "AlternateContent")) {
                if (auto c = child(n, "Choice")) inline_content(c, line, boxes, depth + 1);
            }
            // w:del, w:moveFrom (deleted text), w:proofErr, w:bookmark*, w:commentRangeStart…: nothing to read
        }
    }

    void run(const pugi::xml_node& r, document_line& line, std::vector<pugi::xml_node>& boxes) {
        bool bold = para_bold_;
        if (const pugi::xml_node rpr = child(r, "rPr")) {
            if (auto rs = child(rpr, "rStyle"))
                if (const char* v = attr(rs, "val"))
                    if (auto b = styles_->bold(v)) bold = *b;
            if (auto b = on_off(rpr, "b")) bold = *b;
            if (on_off(rpr, "vanish").value_or(false)) return;  // hidden text
        }
        for (pugi::xml_node n = r.first_child(); n; n = n.next_sibling()) {
            if (is(n, "fldChar")) {
                const char* t = attr(n, "fldCharType");
                if (!t) continue;
                if (std::strcmp(t, "begin") == 0) {
                    ++field_depth_;
                    in_instruction_ = true;
                } else if (std::strcmp(t, "separate") == 0) {
                    in_instruction_ = false;
                } else if (std::strcmp(t, "end") == 0) {
                    field_depth_ = std::max(field_depth_ - 1, 0);
                    in_instruction_ = false;
                }
                continue;
            }
            if (is(n, "instrText")) {
                field_instruction(n.text().get(), line);
                continue;
            }
            if (in_instruction_) continue;  // the field's code, not its result
            if (is(n, "t")) {
                add(line, n.text().get(), bold);
            } else if (is(n, "tab") || is(n, "ptab")) {
                add(line, "\t", bold);
            } else if (is(n, "br") || is(n, "cr")) {
                add(line, "\n", bold);  // a manual line break: the parser reads the lines after it as text
            } else if (is(n, "noBreakHyphen")) {
                add(line, "\u2011", bold);
            } else if (is(n, "sym")) {
                symbol(n, line, bold);
            } else if (is(n, "drawing") || is(n, "pict") || is(n, "AlternateContent")) {
                collect_text_boxes(n, boxes, 0);
            }
            // w:softHyphen: an optional break, no character; w:delText: deleted
        }
    }

    void symbol(const pugi::xml_node& n, document_line& line, bool bold) {
        const char* c = attr(n, "char");
        if (!c) return;
        const unsigned long v = std::strtoul(c, nullptr, 16);
        // Symbol and Wingdings bullets (F0B7, F0A7, F0D8…) are bullets; others are kept as their code point
        if ((v >= 0xF000 && v <= 0xF0FF) || v == 0x2022) {
            if (line.text.empty() || line.text.find_first_not_of(" \t") == std::string::npos) {
                line.text.clear();
                if (line.list_level == 0) line.list_level = 1;
                return;
            }
            add(line, "\u2022", bold);
            return;
        }
        if (v > 0 && v < 0x110000 && !(v >= 0xD800 && v <= 0xDFFF)) {
            std::string u;
            utf8::append(u, static_cast<char32_t>(v));
            add(line, u, bold);
        }
    }

    void collect_text_boxes(const pugi::xml_node& n, std::vector<pugi::xml_node>& boxes, int depth) {
        if (depth > 16) return;
        for (pugi::xml_node c = n.first_child(); c; c = c.next_sibling()) {
            if (is(c, "txbxContent")) {
                boxes.push_back(c);
            } else if (is(c, "AlternateContent")) {
                if (auto ch = child(c, "Choice")) collect_text_boxes(ch, boxes, depth + 1);
            } else {
                collect_text_boxes(c, boxes, depth + 1);
            }
        }
    }

    /// HYPERLINK "https://…" fields carry their target in the instruction.
    void field_instruction(std::string_view instr, document_line& line) {
        const std::size_t k = instr.find("HYPERLINK");
        if (k == std::string_view::npos) return;
        const std::size_t q = instr.find('"', k);
        if (q == std::string_view::npos) return;
        const std::size_t e = instr.find('"', q + 1);
        if (e == std::string_view::npos) return;
        (void)add_link(line, std::string(instr.substr(q + 1, e - q - 1)));
    }

    // The index of `target` in the line's links, added when new (npos for an empty target).
    static std::size_t add_link(document_line& line, std::string target) {
        if (target.empty()) return std::string::npos;
        for (std::size_t i = 0; i < line.links.size(); ++i)
            if (line.links[i] == target) return i;
        line.links.push_back(std::move(target));
        return line.links.size() - 1;
    }

    void add(document_line& line, std::string_view text, bool bold) {
        if (text.empty()) return;
        if (bold && !bold_open_) {
            bold_open_ = true;
            bold_from_ = static_cast<std::uint32_t>(line.text.size());
        } else if (!bold && bold_open_) {
            close_bold(line);
        }
        line.text.append(text);
    }
    void close_bold(document_line& line) {
        if (!bold_open_) return;
        bold_open_ = false;
        const auto end = static_cast<std::uint32_t>(line.text.size());
        if (end > bold_from_) line.bold.push_back({bold_from_, end});
    }

    package& pkg_;
    const std::string& name_;
    std::shared_ptr<const styles> styles_ = std::make_shared<styles>();
    std::shared_ptr<const numbering> numbering_ = std::make_shared<numbering>();
    numbering::counters counters_;
    rel_map rels_;
    const rel_map* current_rels_ = &rels_;
    std::vector<std::string> furniture_parts_;
    posting_document doc_;
    std::uint32_t tables_ = 0;
    std::size_t paragraphs_ = 0;
    bool furniture_ = false;
    bool para_bold_ = false;
    bool bold_open_ = false;
    std::uint32_t bold_from_ = 0;
    int field_depth_ = 0;
    bool in_instruction_ = false;
};

}  // namespace

posting_document read_word_document(std::string_view bytes, const std::string& name, const package_limits& limits) {
    package pkg(bytes, name, limits);
    reader r(pkg, name);
    return r.run();
}

bool looks_like_word_package(std::string_view head) noexcept {
    if (head.size() < 30 || head.substr(0, 4) != std::string_view("PK\x03\x04", 4)) return false;
    // the names in the first local headers: Word and LibreOffice write [Content_Types].xml and word/… first
    return head.find("word/") != std::string_view::npos;
}

}  // namespace offerkit::docx_plugin
