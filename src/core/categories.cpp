#include "core/categories.hpp"

#include <algorithm>

namespace quire {

void index_categories(Bundle& b) {
  b.categories.clear();
  if (!b.site.categories) return;
  // A blog has tens of categories: a linear look-up, and an insertion sort
  // below, keep hash tables and std::sort out of the WASM module.
  for (size_t i = 0; i < b.posts.size(); ++i) {
    std::vector<std::string>& own = b.posts[i].categories;
    size_t kept = 0;
    for (size_t k = 0; k < own.size(); ++k) {
      std::string slug = tag_slug(own[k]);
      if (slug.empty()) continue;
      size_t at = 0;
      while (at < b.categories.size() && b.categories[at].slug != slug) ++at;
      if (at == b.categories.size()) b.categories.push_back(TagInfo{own[k], std::move(slug), {}, true});
      std::vector<size_t>& posts = b.categories[at].posts;
      if (!posts.empty() && posts.back() == i) continue;  // this post's again ("Code", "code")
      posts.push_back(i);
      if (kept != k) own[kept] = std::move(own[k]);
      ++kept;
    }
    own.resize(kept);
  }
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
