// The search index: a full-text index of every post, written by `quire
// build`, read by the core wherever it runs, fetched by the reader's
// browser a piece at a time.
//
// Three kinds of file, all content-addressed under search/ (cache forever):
// - the boundary file ("QSI", version byte): the number of posts, the
//   folder of the shards, and for each shard the first term it holds
//   (front-coded) and its name (8 bytes: <16 hex digits>.bin); then the
//   same for the typo shards;
// - shards ("QSS", version byte): a sorted word range of the dictionary,
//   front-coded (shared prefix, suffix, document frequency, postings
//   bytes), then the postings, per term: the indexes of the posts holding
//   it (delta-varint, ascending), then a byte per post (apart, so that
//   gzip finds the runs of each; about 10 % smaller): bits 7-3 the term's
//   weight in the body (BM25-saturated term frequency, length-normalised,
//   times 8: 0..31), bits 2-0 field flags (kInTitle, kInTag, kInHeading;
//   kInTag also for a category kept apart from the tags);
// - typo shards ("QST", version byte): every term of kTypoMinChars
//   (search_query.hpp) or more characters keyed by the term without its first character, so
//   that a typo in the first letter is found without reading the whole
//   dictionary: sorted keys "<rest>\0<first character>", front-coded, each
//   with the term's document frequency.
// A query loads the boundary file, then only the shards of its terms
// (search_query.hpp). The bundle names the boundary file ("search", a path
// relative to the bundle). A reader refuses a file of another version, and
// returns an error value, never reading past the end, for a corrupt one:
// everything is checked when a file is added, nothing when a query reads.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

struct Bundle;

inline constexpr uint8_t kSearchIndexVersion = 2;
inline constexpr uint8_t kInTitle = 1, kInTag = 2, kInHeading = 4;
// A shard is cut once its terms and postings pass this many bytes (a term's
// postings are never split: a very common word may make a larger shard).
inline constexpr size_t kShardBytes = 24 * 1024;
inline constexpr const char* kSearchDir = "search/";

struct Posting {
  uint32_t post;   // index into Bundle::posts
  uint8_t weight;  // 0..31
  uint8_t fields;  // kInTitle | kInTag | kInHeading
};

struct SearchShard {
  struct Term {
    std::string text;
    uint32_t df = 0;  // posts holding it
    uint32_t offset = 0, size = 0;  // its postings in `postings`
  };
  std::vector<Term> terms;  // sorted
  std::string postings;
  const Term* find(std::string_view term) const;
  // Terms in [from, to) (to empty: to the end), in order.
  std::pair<const Term*, const Term*> range(std::string_view from, std::string_view to) const;
  void decode(const Term& t, std::vector<Posting>& out) const;  // appends (checked at load)
};

// A typo shard: keys "<term without its first character>\0<that
// character>", sorted, each with the term's document frequency.
struct TypoShard {
  struct Entry {
    std::string key;
    uint32_t df = 0;
  };
  std::vector<Entry> entries;
  // The terms whose rest (all but the first character) is `rest`: appends
  // (term, df).
  void terms_with_rest(std::string_view rest, std::vector<std::pair<std::string, uint32_t>>& out) const;
};

// The typo key of a term: "<rest>\0<first character>".
std::string typo_key(std::string_view term);

struct SearchIndex {
  std::string path;  // the boundary file, relative to the bundle
  bool loaded = false;
  uint32_t posts = 0;
  struct ShardRef {
    std::string first;  // first term in it
    std::string path;   // relative to the bundle
    std::unique_ptr<SearchShard> shard;  // null until added
  };
  std::vector<ShardRef> shards;
  // The shard a term is in (or would be): the last whose first term <= it.
  size_t shard_for(std::string_view term) const;
  struct TypoRef {
    std::string first;  // first key in it
    std::string path;
    std::unique_ptr<TypoShard> shard;  // null until added
  };
  std::vector<TypoRef> typo_shards;  // none for an index without long terms
  // The typo shard a key is in (or would be); typo_shards.size() if none.
  size_t typo_shard_for(std::string_view key) const;
};

struct SearchFileResult {
  bool ok = false;
  std::string code;     // "search-index"
  std::string message;  // "<path>: <what was wrong>"
};

// Reads a boundary file into `index` (its path set), or a shard of it.
SearchFileResult read_search_boundary(std::string_view bytes, SearchIndex& index);
SearchFileResult read_search_shard(std::string_view bytes, uint32_t posts, SearchShard& out, std::string_view path);
SearchFileResult read_typo_shard(std::string_view bytes, TypoShard& out, std::string_view path);

// Whether `path` is one of the bundle's search files, and adds its bytes
// (the boundary file, or a shard the boundary file names).
bool is_search_file(const Bundle& bundle, std::string_view path);
SearchFileResult add_search_file(Bundle& bundle, std::string_view path, std::string_view bytes);

// Writing (the build): the files for a bundle holding every body.
struct SearchFile {
  std::string path;  // kSearchDir + name
  std::string bytes;
};
struct SearchFiles {
  SearchFile boundary;
  std::vector<SearchFile> shards;
  std::vector<SearchFile> typo_shards;
};
// `plain_texts`, when given: markdown_plain_text() of each post's body, in
// the posts' order (the build has them from reading time already); an
// empty one, or a missing vector, is computed here.
SearchFiles write_search_index(const Bundle& bundle, size_t shard_bytes = kShardBytes,
                               const std::vector<std::string>* plain_texts = nullptr);

// Sets the bundle's search path and adds every file (tests, and the build's
// own renders).
void attach_search_index(Bundle& bundle, const SearchFiles& files);

}  // namespace quire
