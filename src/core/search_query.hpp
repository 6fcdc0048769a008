// Queries over the search index (search_index.hpp): what a reader types in
// the search box, turned into ranked posts.
//
// Syntax: words (every one required, AND), the last word also as a prefix
// while it is being typed (no space after it; at least 2 characters;
// completions from at most kPrefixShards shards), "quoted phrases" (words
// in that order, checked against the post's text: title, summary, and the
// body, whose chunk a split blog then needs), -excluded words, tag:name
// (posts with that tag; several combine like /tags/a+b/), category:name
// (when the site keeps categories apart, categories.hpp). A word of 5 or
// more characters that the index does not hold is matched with one typo
// (insert, delete, change, swap): the likeliest such word, and the results
// say "Showing results for" it. A typo after the first character is looked
// for in that letter's shards; one in the first character in the typo
// shards (search_index.hpp), by the word's rest, then the word found is
// read from its shard. Ranking: BM25 (the index's saturated,
// length-normalised term weights times each word's idf) plus boosts for a
// word in the title, a tag or a heading; completions and corrections count
// a little less than the word typed. At most kMaxSearchWords words.
//
// A run first says which files it needs (the boundary file, then shards,
// then chunks for phrases): the caller adds them (add_search_file,
// add_chunk) and runs again; the results are the same whoever runs it.
// A bundle without an index (older builds, or one built in memory) is
// searched by scanning texts as before (search.hpp), newest first.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.hpp"

namespace quire {

inline constexpr size_t kPrefixShards = 4;
inline constexpr size_t kPrefixTerms = 64;  // completions kept, most frequent first
inline constexpr size_t kTypoMinChars = 5;

struct SearchMark {
  std::string term;     // a folded term (search_text.hpp)
  bool prefix = false;  // any term starting with it
};

struct SearchRun {
  std::vector<std::string> needs;  // files to add first (relative to the bundle)
  std::vector<size_t> hits;        // posts, best first
  std::vector<SearchMark> marks;   // what to mark in snippets
  std::string corrected;           // the query as corrected for a typo, or ""
  bool dropped = false;            // words past kMaxSearchWords were left out
  bool indexed = false;            // ranked from the index (else the text scan)
};

SearchRun run_search(const Bundle& bundle, std::string_view query);

// The posts whose slugs and titles are nearest a path that does not exist
// (the 404 view), best first, at most `limit`; and the words of the path.
struct NearPosts {
  std::string words;          // the path's words, for the search box
  std::vector<size_t> posts;
};
NearPosts near_posts(const Bundle& bundle, std::string_view path, size_t limit = 5);

}  // namespace quire
