#include "build/taxonomies.hpp"

#include <set>

#include "core/html.hpp"

namespace quire {
namespace {

int line_of(const YAML::Node& n, int offset) { return n.Mark().line < 0 ? 0 : n.Mark().line + offset; }

}  // namespace

bool read_site_taxonomy_key(const std::string& key, const YAML::Node& v, const std::string& file, int offset,
                            Site& site, std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings) {
  if (key == "categories") {
    const std::string s = v.IsScalar() ? v.Scalar() : std::string();
    if (s == "taxonomy") site.categories = true;
    else if (s == "tags") site.categories = false;
    else
      errors.push_back({file, line_of(v, offset),
                        "categories: expected taxonomy (pages of their own, /categories/) or tags (merged into "
                        "the tags, the default), got " + (v.IsScalar() ? "\"" + sanitize_utf8(s) + "\"" : std::string("a list or map"))});
    return true;
  }
  if (key != "taxonomies") return false;
  // The names, with the node each comes from.
  std::vector<std::pair<std::string, YAML::Node>> names;
  bool bad = false;
  if (v.IsSequence()) {
    for (const YAML::Node& item : v) {
      if (item.IsScalar()) names.emplace_back(item.Scalar(), item);
      else if (item.IsMap() && item["name"] && item["name"].IsScalar()) names.emplace_back(item["name"].Scalar(), item);
      else bad = true;
    }
  } else if (v.IsMap()) {
    // Hugo: singular: plural. Either side naming categories counts.
    for (const auto& kv : v) {
      if (!kv.second.IsScalar()) { bad = true; continue; }
      names.emplace_back(kv.second.Scalar(), kv.first);
      if (kv.first.Scalar() == "category" && kv.second.Scalar() != "categories") names.emplace_back("categories", kv.first);
    }
  } else if (!v.IsNull()) {
    bad = true;
  }
  if (bad) {
    errors.push_back({file, line_of(v, offset),
                      "taxonomies: expected a list like [tags, categories] (or Hugo's {tag: tags, category: "
                      "categories})"});
    return true;
  }
  site.categories = false;
  for (const auto& [name, node] : names) {
    if (name == "categories") site.categories = true;
    else if (name != "tags")
      warnings.push_back({file, line_of(node, offset),
                          "taxonomies: \"" + sanitize_utf8(name) +
                              "\" has no pages of its own (Quire knows tags and categories); its terms stay in "
                              "each post's params"});
  }
  return true;
}

void merge_categories(Post& p) {
  std::set<std::string> slugs;
  for (const Text& t : p.tags) slugs.insert(tag_slug(t));
  for (const std::string& c : p.categories)
    if (slugs.insert(tag_slug(c)).second) p.tags.push_back(c);
}

}  // namespace quire
