// Search over a loaded bundle's posts (the Search view lists what it finds).
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "core/bundle.hpp"

namespace quire {

// Posts matching every whitespace-separated term of the query (ASCII case-
// insensitive) in title, tags or summary, or in the body when the bundle
// holds every body (the single form); newest first. A split bundle is
// searched without bodies whichever chunks happen to be loaded, so that a
// search link shows the same posts to every reader.
std::vector<size_t> search_posts(const Bundle& bundle, std::string_view query);

// Search results listed a page (every hit is counted).
inline constexpr size_t kSearchHitsPerPage = 50;

}  // namespace quire
