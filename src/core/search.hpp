// Search over a loaded bundle's posts (the Search view lists what it finds).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.hpp"

namespace quire {

// A query's words, as searched: split at whitespace, case folded
// (fold_case: ASCII, Latin-1, Latin Extended-A and Additional, Greek,
// Cyrillic, Armenian, Georgian, full-width Latin; never a letter into
// ASCII, so "Waſſer" finds "waſſer", not "wasser"), each kept once, in the
// order written. A query is cut, the same way for every reader, to its
// first kMaxSearchWords distinct words, each to its first
// kMaxSearchWordBytes bytes (whole characters): a link of thousands of
// words costs no more than one of 32.
inline constexpr size_t kMaxSearchWords = 32;
inline constexpr size_t kMaxSearchWordBytes = 256;
struct SearchWords {
  std::vector<std::string> words;
  bool dropped = false;    // words were left out (past kMaxSearchWords)
  bool shortened = false;  // a word was cut to kMaxSearchWordBytes
};
SearchWords search_words(std::string_view query);

// Posts holding every word of the query, in any case, in title, tags or
// summary, or in the body when the bundle holds every body (the single
// form); newest first. A split bundle is searched without bodies whichever
// chunks happen to be loaded, so that a search link shows the same posts to
// every reader.
std::vector<size_t> search_posts(const Bundle& bundle, const SearchWords& query);
std::vector<size_t> search_posts(const Bundle& bundle, std::string_view query);

// Search results listed a page (every hit is counted). Each hit shows its
// post's title, date, tags and a snippet of its summary, which a sharded
// bundle keeps in the post's shard, and ranked hits lie scattered over the
// years: at 10,000 posts a page of 50 fetched about 45 shards before it
// could show, 20 about 17, 10 about 9 (each request costs, not its bytes;
// 10 instead of 20 showed the page about 50 ms sooner, issue 19.4). Ten is
// what web and site searches show first; the rest are a link away
// (&page=2).
inline constexpr size_t kSearchHitsPerPage = 10;

}  // namespace quire
