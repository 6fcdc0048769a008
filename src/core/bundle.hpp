// The bundle: the contract between `quire build` and the browser.
//
// One versioned JSON document (schema below, read and written only here):
// {"format": "quire-bundle", "version": 1,
//  "site": {"title", "description", "author", "url", "base_path", "language",
//           "posts_per_page", "date_format", "unsafe_html", "feed_entries",
//           "permalink", "categories", "smart_punctuation", "toc_min_headings", "math", "hard_breaks",
//           "menu"?: [..] (pages.hpp)},
//  "pages"?: [..] (pages.hpp),
//  "chunks"?: ["chunks/<hash>.json", ..],
//  "search"?: "search/index-<hash>.bin" (the search index's boundary file,
//             relative to the bundle: search_index.hpp; a bundle without it
//             is searched by scanning its texts, search.hpp),
//  "posts": [{"slug", "title", "date", "updated"?, "tags": [..], "summary",
//             "body"?, "chunk"?: <index into chunks>, "minutes"?: <reading
//             time, written for every post>, "params"?: {..},
//             "permalink"?: <the post's path under base_path>,
//             "aliases"?: [<old paths that redirect to it>, ..],
//             "categories"?: [..] (categories.hpp: when site.categories),
//             "code"?: ["<token runs>", ..],
//             "images"?: "<w> <h> <src>\n.." (core/image_sizes.hpp)}]}
//            newest first
// "code": build-time syntax highlighting of the body's code blocks, one
// string per block (schema and validation in src/core/code_tokens.hpp); it
// travels with the body (in the split form, in the body's chunk).
// A post without "body" is valid: a split bundle may load bodies later.
//
// The split form (a large blog): the bundle is an index, every post without
// "body" but with "chunk" and "minutes"; the bodies are in content-hashed
// chunk files (paths relative to the bundle's URL), cacheable forever:
// {"format": "quire-chunk", "version": 1,
//  "posts": [{"slug", "body", "code"?}, ..]}
// A reader that does not know "chunks" still reads the index (bodies absent).
//
// The sharded form (versions 2 and 3, core/post_shards.hpp): a large blog ships
// no "posts" at all in the bundle, but "index" (each tag's, category's and
// month's posts, in a compact text), "slugs" (which post a slug, a post
// path or an alias is, by hash) and "shards" (content-hashed files of
// posts' entries as above, without bodies), so that a view fetches only the
// shards of the posts it shows. Version 3 is version 2 with slug files that
// give each post's date and title too ("quire-slugs 3"). An older reader
// refuses a newer version ("newer than this Quire supports"); this one reads
// versions 1, 2 and 3, and writes 3 (sharded) or 1.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/dates.hpp"
#include "core/permalink.hpp"
#include "core/sanitize.hpp"

namespace quire {

// The newest bundle version this Quire reads (and writes, for the sharded
// form); a bundle of one file or of index + chunks is written as version 1,
// which every Quire since the first reads.
inline constexpr int kBundleVersion = 3;
// A shard of posts' "version" (post_shards.hpp), the same in bundle
// versions 2 and 3.
inline constexpr int kPostShardVersion = 2;
inline constexpr int kFirstBundleVersion = 1;
// The bundle's "format" field, which says it is a Quire bundle.
inline constexpr const char* kBundleFormat = "quire-bundle";
// A chunk's "format" field, and the newest chunk version read.
inline constexpr const char* kChunkFormat = "quire-chunk";
inline constexpr int kChunkVersion = 1;

// A header navigation entry (pages.hpp): kind is "page", "tag", "path" or
// "url", target the page's slug, the tag, the path or the URL.
struct MenuEntry {
  std::string title;
  std::string kind;
  std::string target;
};

struct Site {
  std::string title = "Untitled blog";
  std::string description;
  std::string author;
  std::string url;              // absolute base URL, no trailing slash
  std::string base_path = "/";  // path prefix of every route, '/'-terminated
  std::string language = "en";
  int posts_per_page = 10;
  std::string date_format = kDefaultDateFormat;
  bool unsafe_html = false;
  // Hosts raw HTML's iframes may come from, space separated (core/sanitize.hpp).
  std::string iframe_hosts{kDefaultIframeHosts};
  int feed_entries = 20;        // newest posts in each Atom/JSON feed
  std::string permalink = kDefaultPermalink;  // where posts live (permalink.hpp)
  // Typographic quotes, dashes and ellipses in posts (smart_punctuation.hpp).
  bool smart_punctuation = true;
  // Every line break inside a paragraph of a post or page is a <br>
  // (MarkdownOptions::hard_breaks).
  bool hard_breaks = false;
  // A table of contents on posts with at least this many headings (toc.hpp);
  // 0: only where front matter says `toc: true`.
  int toc_min_headings = 0;
  // TeX between dollars in every post (core/math.hpp); false: only in
  // posts whose front matter says `math: true`.
  bool math = false;
  std::vector<MenuEntry> menu;  // empty: the default menu (pages.hpp)
  // Categories are a taxonomy of their own, with pages under /categories/
  // (categories.hpp); false: the build merges them into the tags.
  bool categories = false;
  // Build only (not in the bundle): split into index + chunks above this
  // many posts; 0 never splits.
  int split_bundle_over = 500;
  // Build only: the IANA time zone post dates are placed in (post_dates.hpp).
  std::string timezone;
  // Build only: posts dated after the build's time are published, as with
  // `quire build --future` (Jekyll's `future: true`, Hugo's buildFuture).
  bool future = false;
  // Build only: where the old engine's feeds were (Hugo's index.xml, Zola's
  // atom.xml), under base_path, without the leading '/': each gets a copy
  // of the site's feed (build/url_keys.hpp, build/feeds.hpp).
  std::vector<std::string> old_feeds;
  // Build only: site.yaml `redirects`, old addresses no post or page had
  // (a theme's /archives/, a taxonomy's term page) and where each went:
  // `from` under base_path in normal form without the leading '/'
  // ("archives/"), `to` a path as written ("/archive/"), `line` its line in
  // site.yaml (build/url_keys.hpp, build/redirects.hpp).
  struct Redirect {
    std::string from, to;
    int line = 0;
  };
  std::vector<Redirect> redirects;
};

// A post's text (slug, title, dates, tags, summary, body): its own string,
// or, in a loaded bundle, a view of the bundle's bytes as JSON wrote them
// (no copy at load), decoded on first use when it holds escapes (the
// loader decodes all but summary and body at once). That first use writes
// the decoding: a loaded bundle's texts are not for several threads at
// once (the build, which renders on several, makes its posts itself).
class Text {
 public:
  Text() = default;
  Text(std::string text) : text_(std::move(text)) {}
  Text& operator=(std::string text) {
    text_ = std::move(text);
    raw_ = nullptr;
    return *this;
  }
  // A JSON string's contents as written (valid: the loader checked them).
  static Text json(const char* data, size_t size, bool escaped) {
    Text t;
    t.raw_ = data;
    t.raw_size_ = size;
    t.escaped_ = escaped;
    return t;
  }

  std::string_view view() const {
    if (raw_ && escaped_) decode();
    return raw_ ? std::string_view(raw_, raw_size_) : std::string_view(text_);
  }
  operator std::string_view() const { return view(); }
  std::string str() const { return std::string(view()); }
  bool empty() const { return raw_ ? raw_size_ == 0 : text_.empty(); }  // an escape is never empty

  friend std::string operator+(std::string a, const Text& b) { return a.append(b.view()); }
  friend std::string operator+(const char* a, const Text& b) { return std::string(a).append(b.view()); }

  friend bool operator==(const Text& a, const Text& b) { return a.view() == b.view(); }
  friend bool operator==(const Text& a, std::string_view b) { return a.view() == b; }
  friend bool operator==(const Text& a, const std::string& b) { return a.view() == b; }
  friend bool operator==(const Text& a, const char* b) { return a.view() == b; }
  template <class T>
  friend bool operator!=(const Text& a, const T& b) { return !(a == b); }

 private:
  void decode() const;  // escaped raw_ -> text_ (raw_ becomes null)

  mutable std::string text_;
  mutable const char* raw_ = nullptr;  // null: text_ is the text
  mutable size_t raw_size_ = 0;
  bool escaped_ = false;
};

// A loaded bundle's posts view its bytes for every text (no allocation per
// string: the split index of a large blog loads faster than JSON.parse);
// slug, title, dates and tags with escapes are decoded at load.
struct Post {
  Text slug;
  Text title;
  Text date;            // as written (ISO 8601)
  DateTime when;        // parsed date
  Text updated;         // optional, as written
  std::vector<Text> tags;  // one per tag slug: "Rust" and "rust" are one
                           // tag, spelled as first written
  std::vector<Text> authors;  // the post's own (none: the site's author)
  Text summary;         // markdown
  Text body;            // markdown
  bool has_body = false;
  int chunk = -1;       // split form: index into Bundle::chunks holding the body
  int minutes = 0;      // reading time; 0: not known yet (computed from body)
  std::string params_json;  // unknown front-matter keys, as a JSON object (as
                            // written in a loaded bundle: valid, not normalised)
  // URLs (permalink.hpp). permalink: the post's own path, replacing the
  // site's pattern (the build stores it expanded); aliases: old paths that
  // redirect to the post. path: derived by index(), in normal form.
  Text permalink;
  std::vector<Text> aliases;
  std::string path;
  std::vector<std::string> categories;  // for :categories (build), and, when
                                        // site.categories, in the bundle
                                        // (categories.hpp)
  Text images;              // "images": its images' sizes (core/image_sizes.hpp)
  std::string code_json;    // "code": the body's token runs, a JSON array as
                            // written (checked when replayed: code_tokens.hpp)
  bool stub = false;  // sharded form: only the slug is known until the
                      // post's shard is added (core/post_shards.hpp)
  bool brief = false;  // a stub whose date and title its slug file gave
                       // (enough for a list of titles: post_shards.hpp)
};

struct TagInfo {
  std::string name;   // as authors wrote it
  std::string slug;   // URL segment
  std::vector<size_t> posts;  // indices into Bundle::posts, newest first
  bool category = false;      // one of Bundle::categories (categories.hpp)
};

struct MonthInfo {
  int year = 0, month = 0;
  std::vector<size_t> posts;  // newest first
};

struct SearchIndex;  // core/search_index.hpp

struct Bundle {
  Site site;
  std::vector<Post> posts;  // newest first
  std::vector<Post> pages;  // content/pages (pages.hpp), in file name order
  std::vector<std::string> chunks;  // split form: chunk paths, relative to the bundle
  std::shared_ptr<const char> source;  // a loaded bundle's bytes, that texts may view
  // Sharded form (core/post_shards.hpp): shard paths (relative to the
  // bundle), oldest posts first, `shard_posts` posts each; the bytes of
  // the shards added, which their posts' texts view.
  std::vector<std::string> shards;
  size_t shard_posts = 0;
  std::vector<std::string> slug_files;  // "slugs": which post each slug is, by hash
  std::vector<bool> slug_files_added;
  bool slug_paths = false;  // the slug files key posts by path too (post_shards.hpp)
  bool slug_briefs = true;  // the slug files give dates and titles (version 3; not 2)
  std::vector<std::shared_ptr<const char>> shard_sources;
  std::string search;  // the search index's boundary file ("search"), or ""
  std::shared_ptr<SearchIndex> search_index;  // its files as added (add_search_file)
  // Derived by index(): tags by slug, months newest first, and posts by
  // slug: an open-addressing hash table of indices into posts (size a power
  // of two, at most half full; kNoPost where empty).
  std::vector<TagInfo> tags;
  std::vector<TagInfo> categories;  // when site.categories (categories.hpp)
  std::vector<MonthInfo> months;
  bool mixed_offsets = false;  // posts' dates carry different UTC offsets (date-only ones aside)
  static constexpr uint32_t kNoPost = UINT32_MAX;
  std::vector<uint32_t> slug_table;
  size_t indexed_posts = 0;  // posts.size() when index() last ran
  // Derived by index(): every post path and alias (normal form, see
  // permalink.hpp), sorted by path; post is an index into posts, with
  // kAlias set for an alias.
  struct PathEntry {
    std::string path;
    uint32_t post;
  };
  static constexpr uint32_t kAlias = 0x80000000u;
  static constexpr uint32_t kPage = 0x40000000u;  // an index into pages
  std::vector<PathEntry> paths;

  // Sorts posts newest first and rebuilds tags, months and slug_table;
  // drops a post's tags whose slug an earlier one of its tags has.
  void index();
  // The chunk path a post's body is in, when the body is not loaded yet
  // (a stub's: its shard, post_shards.hpp).
  const std::string* missing_chunk(const Post& post) const;
  const Post* find_post(std::string_view slug) const;
  // The post (or page) at a normal path (permalink.hpp), or null; `alias`
  // says whether the path is one of its aliases, `page` whether it is a page.
  const Post* find_path(std::string_view normal, bool* alias = nullptr, bool* page = nullptr) const;
  const Post* find_page(std::string_view slug) const;
  const TagInfo* find_tag(std::string_view slug) const;
  // A category by slug, or a tag (`category` false): categories.cpp.
  const TagInfo* find_term(bool category, std::string_view slug) const;
  const MonthInfo* find_month(int year, int month) const;
};

struct LoadResult {
  bool ok = false;
  std::string code;     // "parse", "format", "version", "schema"
  std::string message;  // names the JSON path: "posts[3].date: expected string"
  Bundle bundle;
};

// Loads, validates and indexes a bundle from its bytes, in one pass with no
// JSON DOM. Never throws. A problem gives the first one in the schema's
// order (syntax, format, version, site, chunks, posts; fields as listed
// above), whatever the order of the keys; nothing is half-loaded.
LoadResult load_bundle(std::string_view bytes);
// The same without copying the bytes: the bundle keeps them (the WASM
// module hands over its input buffer).
LoadResult load_bundle(std::shared_ptr<const char> bytes, size_t size);

struct ChunkResult {
  bool ok = false;
  std::string code;     // "parse", "format", "version", "schema"
  std::string message;
  int bodies = 0;       // bodies added
};

// Adds the bodies of a chunk file to a loaded bundle (posts that already
// have a body keep it). Nothing is changed unless the whole chunk is valid.
ChunkResult add_chunk(Bundle& bundle, std::string_view bytes);

// Reads one JSON string (its quotes included, nothing around them) as the
// bundle's strings are read: escapes decoded, UTF-8 checked. False when it
// is not one (post_shards.hpp's slug files write titles so).
bool read_json_string(std::string_view quoted, std::string& out);

// Reads the entries of a shard of posts (core/post_shards.hpp): a document
// {"format": `format`, "version": 2, "from": <n>, "posts": [..]} whose
// posts have the schema above, but "chunk" the chunk's path. The result's
// bundle holds the posts as read (not indexed), viewing `bytes` (kept in
// its `source`); `from` is "from", `chunks` each post's chunk path ("" for
// none; as many as the posts up to the last that has one).
LoadResult read_post_entries(std::shared_ptr<const char> bytes, size_t size, const char* format, int64_t& from,
                             std::vector<std::string>& chunks);
// Bundle::slug_table for `posts` as they are; `duplicate` is the first post
// whose slug an earlier one (`first`) has (SIZE_MAX: none).
std::vector<uint32_t> slug_table_of(const std::vector<Post>& posts, size_t& duplicate, size_t& first);
// Adds posts[i]'s slug to a slug table made for all the posts (a sharded
// bundle learns them as files arrive); false when another post has it.
bool insert_slug(Bundle& bundle, size_t i);

// Writes the bundle (the native build's side of the contract).
// `search`: the search index's boundary file, when it is not b.search yet.
std::string write_bundle_json(const Bundle& bundle, std::string_view search = {});

struct SplitBundle {
  std::string index;  // the bundle, without bodies
  struct Chunk {
    std::string path;  // chunk_dir + <content hash> + ".json" (a shard of
                       // posts: chunk_dir + "posts-" + <hash> + ".json")
    std::string json;
  };
  std::vector<Chunk> chunks;
};

// Writes the split form: chunks of `posts_per_chunk` consecutive posts,
// counted from the oldest, so that a new post changes only the newest chunk;
// sharded (version 3, post_shards.hpp) when shardable(), the shards among
// the chunk files.
inline constexpr size_t kPostsPerChunk = 8;
// `shard_posts`: posts a shard (post_shards.hpp); 0 writes version 1's
// split form. 64: a home page's posts in one shard of ~11 KB gzip.
inline constexpr size_t kPostsPerShard = 64;
SplitBundle write_split_bundle(const Bundle& bundle, std::string_view chunk_dir, size_t posts_per_chunk = kPostsPerChunk,
                               std::string_view search = {}, size_t shard_posts = kPostsPerShard);

// A tag's URL segment: slugify() after spelling out '+' and '#', so that
// "C++", "C#" and "C" get distinct pages ("c-plus-plus", "c-sharp", "c").
std::string tag_slug(std::string_view tag);

// A post's reading time: computed once (build) or carried in the bundle,
// else from its body (text_stats); 0 when neither is there.
int reading_minutes(const Post& post);

// Site field checks shared by the loader and the build.
bool valid_slug(std::string_view slug);
// base_path: '/', or segments of ASCII letters, digits, '-', '.', '_' and
// '~' between slashes, none of them "." or "..".
bool valid_base_path(std::string_view path);
// What authors are told when valid_base_path refuses theirs.
inline constexpr const char* kBasePathExpectation =
    "a path like /blog/ (ASCII letters, digits, '-', '.', '_' or '~' between slashes)";
// site.url: an absolute http(s) URL (no spaces, quotes, '<', '>', control
// characters), or "" for none. It goes into canonical links, feeds and
// JSON-LD, so a bundle must not bring a javascript: one.
bool valid_site_url(std::string_view url);
// A chunk path: relative, no "..", letters, digits, '-', '_', '.', '/'.
bool valid_chunk_path(std::string_view path);

}  // namespace quire
