// Categories as a taxonomy of their own. Jekyll, Hugo and Zola blogs often
// file posts under `categories` as well as `tags`. By default the build
// merges a post's categories into its tags (one taxonomy, /tags/). When the
// site says so (site.yaml `taxonomies: [tags, categories]` or
// `categories: taxonomy`; Site::categories in the bundle), they stay apart:
// each post carries "categories" in the bundle, index_categories() derives
// Bundle::categories (TagInfo with category set, sorted by slug, posts
// newest first, one entry per tag_slug() as for tags), and the routes
// /categories/ and /categories/<c>/[page/<n>/] (router.hpp: RouteKind
// TagsIndex and Tag with Route::category) show them with the tag views, feeds
// and sitemap entries. A post's :categories permalink token reads
// Post::categories either way.
#pragma once

#include <string_view>

#include "core/bundle.hpp"

namespace quire {

// Rebuilds bundle.categories from the posts (in their current order); empty
// unless site.categories. Drops a post's categories whose slug an earlier one
// of its categories has, or that have no letter or digit.
void index_categories(Bundle& bundle);

// The words a taxonomy's views use: "Tags"/"Categories", "tag"/"category", ...
struct TermWords {
  const char* title;     // "Tags", "Categories"
  const char* one;       // "tag", "category"
  const char* many;      // "tags", "categories"
  const char* posts_in;  // "Posts tagged ", "Posts in category "
};
const TermWords& term_words(bool category);

}  // namespace quire
