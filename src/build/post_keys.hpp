// A post's front-matter keys, as Quire and the other engines name them,
// read from the FrontValue tree (YAML and TOML alike) into a Post. Each key
// has one reading: title, date (through post_dates.hpp), updated (also
// lastmod, last_modified_at), slug, summary (else description, else
// excerpt), draft (and Jekyll's published: false), tags and categories
// (a list, or a string of words separated by spaces as Jekyll reads it;
// Zola's [taxonomies] tags/categories read as tags and categories; the
// categories are kept apart in Post::categories: see build/taxonomies.hpp),
// author (text, or a map with name) and authors (a list of either),
// image (text, or a map with path, src, url or feature) and images (the
// first): the social image, kept as params.image. A known key with the
// wrong type is an error at its line; permalink, aliases and redirect_from
// go to url_keys.hpp (the route table's); any other key is
// kept in params, with a warning and a hint when it looks like a known
// key's typo.
#pragma once

#include <string>
#include <vector>

#include "build/content.hpp"
#include "build/front_matter.hpp"

namespace quire {

struct PostKeysRead {
  bool has_title = false;
  bool has_date = false;
};

void read_post_keys(const FrontValue& root, const std::string& file, const std::string& time_zone,
                    ParsedPost& out, PostKeysRead& read, std::vector<Diagnostic>& errors,
                    std::vector<Diagnostic>& warnings);

// Edit distance (Levenshtein, a swap of neighbours counting one), for "did
// you mean" hints.
size_t edit_distance(std::string_view a, std::string_view b);

}  // namespace quire
