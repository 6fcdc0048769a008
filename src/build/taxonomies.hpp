// Which taxonomies a site has, as site.yaml says it, and what the build does
// with a post's categories (core/categories.hpp). Accepted in site.yaml:
//   taxonomies: [tags, categories]        a list of names (Quire, Eleventy)
//   taxonomies: {tag: tags, category: categories}   Hugo's map (either side)
//   taxonomies: [{name: tags}, {name: categories}]  Zola's list of tables
//   categories: taxonomy | tags           Quire's short form (tags: merged)
// "categories" among them sets Site::categories: categories get their own
// pages under /categories/. Otherwise (the default) merge_categories() adds
// a post's categories to its tags, as before. Another taxonomy name (Hugo's
// "series", say) is a warning: its terms stay in the post's params.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "build/content.hpp"
#include "core/bundle.hpp"

namespace quire {

// True when `key` is site.yaml's taxonomies or categories (read, problems
// reported at their line). `line_offset`: the file line of the YAML's line 0.
bool read_site_taxonomy_key(const std::string& key, const YAML::Node& value, const std::string& file, int line_offset,
                            Site& site, std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings);

// The post's categories added to its tags (a category whose tag_slug() a tag
// has is not added twice), for a site without categories of their own.
void merge_categories(Post& post);

}  // namespace quire
