// Post shards: the sharded form of a large blog's bundle (version 3), so
// that a view downloads only the posts it shows.
//
// Contract. The bundle carries no "posts" but "index", "shards" and "slugs".
// "index" is a text of lines ('\n'), numbers in decimal:
//   <posts> <shard_posts> <mixed_offsets: 0|1> [<paths: 0|1>]
//                                     paths 1 (absent: 0): posts live
//                                     elsewhere than posts/<slug>/ or have
//                                     aliases (a site pattern, a post's own
//                                     permalink: permalink.hpp)
//   t <slug> <count> <posts> <name>   a tag: its posts (indices, newest
//                                     first, one word: post_shards.cpp's
//                                     read_list), then its name as written
//                                     (to the end of the line); tags in
//                                     slug order
//   c ...                             a category, the same (categories.hpp)
//   m <year> <month> <count> <posts>  a month, newest first
// "shards": content-hashed files, shard k holding the posts k*shard_posts
// .. (k+1)*shard_posts - 1 counted from the oldest (a new post changes the
// newest shard only), newest first:
//   {"format": "quire-posts", "version": 2, "from": <k*shard_posts>, "posts": [..]}
// with the bundle's post schema (bundle.hpp), without "body" (the bodies
// are in chunks, as in the split form) and with "chunk" the path of the
// post's chunk (the bundle lists no chunks up front).
// "slugs": content-hashed text files saying which post a slug is, a slug in
// file slug_file_of() (a hash of its bytes), so that a link to a post finds
// it by fetching one small file, not every slug; with paths, the same for
// whatever the router matches (a post's path, an alias), keyed by the path
// in normal form (permalink.hpp):
//   quire-slugs 3
//   <position counted from the oldest> <slug>     one line a post (its slug)
//   <position> <slug> /<path>     a post's own path: in its slug's file and
//                                 its path's (instead of the line above)
//   <position> <slug> >/<path>    an alias of the post: in the alias's file
//   = <date><tab>"<title>"        after each line of the two first kinds:
//                                 the post's date (as written, ISO 8601;
//                                 it may hold a space, never a tab) and
//                                 title, a JSON string (as in the shard:
//                                 a line break in it is \n)
// (A version-2 bundle's slug files say "quire-slugs 2" and have no "="
// lines.) Loaded, every post is a stub (Post::stub: nothing known; once its
// slug file is added, its slug, and in version 3 its date and title, which
// a list of titles (a 404 view's nearest posts) shows without the shard:
// Post::brief) until its shard is added. A view that shows a
// stub names its shard in View::needs, a post view of an unknown slug its
// slug file; the app fetches them and renders again; the core never
// fetches. A path the router finds no view for (a post's path or alias
// not known yet, when the index says paths 1) names its slug file the same
// way; the path table (Bundle::paths) grows as slug files and shards
// arrive, and a shard's post takes the path its permalink gives.
#pragma once

#include <string>
#include <string_view>

#include "core/bundle.hpp"

namespace quire {

inline constexpr const char* kPostShardFormat = "quire-posts";
inline constexpr const char* kSlugFileHeader = "quire-slugs 3";
inline constexpr const char* kSlugFileHeaderV2 = "quire-slugs 2";  // a version-2 bundle's
// About this many slugs a slug file (~2-3 KB gzip).
inline constexpr size_t kSlugsPerFile = 250;
// A blog of at most this many slug files (about 2,000 posts) has its 404
// view's nearest posts looked for among all of them (the files not added,
// fetched in one more round; their dates and titles are enough to list
// them); a larger one among its path's file only, as the router loaded it.
inline constexpr size_t kNearSlugFiles = 8;

// Which of `files` slug files holds `slug` (FNV-1a of its bytes: the same on
// every machine).
size_t slug_file_of(std::string_view slug, size_t files);
// The slug file a post view of `slug` needs (null: none, or added).
const std::string* missing_slug_file(const Bundle& bundle, std::string_view slug);
// Every slug file not added yet, one a line, when there are at most
// kNearSlugFiles of them in all ("" otherwise).
std::string missing_slug_files_for_near(const Bundle& bundle);
// The slug file that says which post is at `asked` (a URL path, base_path
// included), when the bundle has paths (null: none, or added).
const std::string* missing_path_file(const Bundle& bundle, std::string_view asked);

// Reads "index" into a bundle whose shards are known: stubs for every post,
// the slug table, tags, categories, months. "" or the problem.
std::string read_post_index(Bundle& bundle, std::string_view index);

// Whether post `i` is loaded (not a stub).
inline bool post_loaded(const Bundle& bundle, size_t i) { return !bundle.posts[i].stub; }
// The shard holding post `i` (null: not a sharded bundle).
const std::string* shard_of(const Bundle& bundle, size_t i);
// The shards of `posts` (indices) not loaded yet, each once, one a line.
std::string missing_shards(const Bundle& bundle, const std::vector<size_t>& posts);

// Adds a shard (by its path in "shards") to the bundle; nothing changes
// unless the whole shard is valid and holds the posts the index puts there.
ChunkResult add_post_shard(Bundle& bundle, std::string_view path, std::string_view bytes);
// Adds a slug file (by its path in "slugs").
ChunkResult add_slug_file(Bundle& bundle, std::string_view path, std::string_view bytes);
// A shard, a slug file or a chunk of bodies, by its path.
ChunkResult add_post_file(Bundle& bundle, std::string_view path, std::string_view bytes);

// Build side: whether the bundle can be written sharded, whether its posts
// have paths (the index's 4th number), the index, and the slug files' texts.
bool shardable(const Bundle& bundle);
bool has_post_paths(const Bundle& bundle);
std::string write_post_index(const Bundle& bundle, size_t shard_posts);
std::vector<std::string> write_slug_files(const Bundle& bundle);

}  // namespace quire
