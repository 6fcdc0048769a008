#include "core/categories.hpp"

#include <algorithm>
#include <unordered_map>

namespace quire {

void index_categories(Bundle& b) {
  b.categories.clear();
  if (!b.site.categories) return;
  std::unordered_map<std::string, uint32_t> at;  // slug -> index in b.categories
  for (size_t i = 0; i < b.posts.size(); ++i) {
    std::vector<std::string>& own = b.posts[i].categories;
    std::vector<std::string> kept;
    std::vector<std::string> seen;  // this post's slugs
    for (std::string& name : own) {
      std::string slug = tag_slug(name);
      if (slug.empty() || std::find(seen.begin(), seen.end(), slug) != seen.end()) continue;
      seen.push_back(slug);
      auto [it, fresh] = at.emplace(slug, static_cast<uint32_t>(b.categories.size()));
      if (fresh) b.categories.push_back(TagInfo{name, slug, {}, true});
      b.categories[it->second].posts.push_back(i);
      kept.push_back(std::move(name));
    }
    own = std::move(kept);
  }
  // By slug: an insertion sort (a blog has tens of categories; no
  // std::sort instantiation in the WASM module).
  for (size_t i = 1; i < b.categories.size(); ++i)
    for (size_t j = i; j > 0 && b.categories[j].slug < b.categories[j - 1].slug; --j)
      std::swap(b.categories[j], b.categories[j - 1]);
}

const TagInfo* Bundle::find_term(bool category, std::string_view slug) const {
  if (!category) return find_tag(slug);
  auto it = std::lower_bound(categories.begin(), categories.end(), slug,
                             [](const TagInfo& t, std::string_view s) { return t.slug < s; });
  return it != categories.end() && it->slug == slug ? &*it : nullptr;
}

const TermWords& term_words(bool category) {
  static const TermWords tags{"Tags", "tag", "tags", "Posts tagged "};
  static const TermWords categories{"Categories", "category", "categories", "Posts in category "};
  return category ? categories : tags;
}

}  // namespace quire
