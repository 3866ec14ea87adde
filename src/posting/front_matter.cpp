// posting/front_matter.cpp — see front_matter.hpp.
#include "posting/front_matter.hpp"

#include <yaml-cpp/yaml.h>

namespace offerkit::posting {

namespace {
std::string_view line_at(std::string_view text, std::size_t pos, std::size_t& next) {
    std::size_t e = text.find('\n', pos);
    if (e == std::string_view::npos) e = text.size();
    next = e < text.size() ? e + 1 : e;
    std::string_view l = text.substr(pos, e - pos);
    if (!l.empty() && l.back() == '\r') l.remove_suffix(1);
    while (!l.empty() && (l.back() == ' ' || l.back() == '\t')) l.remove_suffix(1);
    return l;
}
}  // namespace

front_matter read_front_matter(std::string_view text, const std::string& source_name, diagnostics& diags) {
    front_matter fm;
    std::size_t next = 0;
    if (line_at(text, 0, next) != "---") return fm;
    const std::size_t yaml_begin = next;
    std::size_t pos = next, line_no = 2;
    while (pos < text.size()) {
        std::size_t after = 0;
        const std::string_view l = line_at(text, pos, after);
        if (l == "---" || l == "...") {
            fm.present = true;
            fm.body_offset = after;
            fm.body_first_line = line_no + 1;
            const std::string yaml(text.substr(yaml_begin, pos - yaml_begin));
            try {
                const YAML::Node root = YAML::Load(yaml);
                if (root.IsMap()) {
                    for (const auto& kv : root) {
                        if (!kv.second.IsScalar()) continue;
                        fm.values.emplace_back(kv.first.as<std::string>(), kv.second.as<std::string>());
                    }
                }
            } catch (const YAML::Exception& e) {
                std::size_t at = 2;
                if (e.mark.line >= 0) at += static_cast<std::size_t>(e.mark.line);
                diags.warn({source_name, at, 0, {}},
                           "the YAML front matter cannot be read (" + e.msg + "); it is ignored");
            }
            return fm;
        }
        pos = after;
        ++line_no;
    }
    return fm;  // no closing line: not front matter
}

}  // namespace offerkit::posting
