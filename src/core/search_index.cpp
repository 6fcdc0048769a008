#include "core/search_index.hpp"

#include <algorithm>
#include <atomic>
#include <cstring>
#include <thread>

#include "core/bundle.hpp"
#include "core/markdown.hpp"
#include "core/search_query.hpp"
#include "core/search_text.hpp"

namespace quire {
namespace {

constexpr char kBoundaryMagic[] = "QSI";
constexpr char kShardMagic[] = "QSS";
constexpr char kTypoMagic[] = "QST";
constexpr size_t kHashBytes = 8;

// Reads bytes, never past the end: a failed read sets `bad` and returns 0.
struct Cursor {
  std::string_view s;
  size_t at = 0;
  bool bad = false;
  uint32_t varint() {
    uint32_t v = 0;
    for (int shift = 0; shift < 35; shift += 7) {
      if (at >= s.size()) break;
      const auto b = static_cast<unsigned char>(s[at++]);
      if (shift == 28 && b > 0x0F) break;  // more than 32 bits
      v |= static_cast<uint32_t>(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
    bad = true;
    return 0;
  }
  std::string_view bytes(size_t n) {
    if (bad || n > s.size() - at) {
      bad = true;
      return {};
    }
    std::string_view out = s.substr(at, n);
    at += n;
    return out;
  }
  bool done() const { return at == s.size(); }
};

void put_varint(std::string& out, uint32_t v) {
  while (v >= 0x80) {
    out += static_cast<char>((v & 0x7F) | 0x80);
    v >>= 7;
  }
  out += static_cast<char>(v);
}

SearchFileResult fail(std::string_view path, const std::string& what) {
  return {false, "search-index", std::string(path) + ": " + what};
}

// Checks a file's magic and version.
bool header(Cursor& c, const char* magic, std::string_view path, SearchFileResult& r) {
  const std::string_view m = c.bytes(3);
  if (c.bad || m != magic) {
    r = fail(path, std::string("not a search ") +
                       (magic == kBoundaryMagic ? "index" : magic == kShardMagic ? "shard" : "typo shard") + " file");
    return false;
  }
  const std::string_view v = c.bytes(1);
  if (c.bad || static_cast<uint8_t>(v[0]) != kSearchIndexVersion) {
    r = fail(path, "search index version " + std::to_string(c.bad ? 0 : static_cast<uint8_t>(v[0])) +
                       ", this Quire reads version " + std::to_string(kSearchIndexVersion) +
                       " (rebuild the site with this Quire)");
    return false;
  }
  return true;
}

// A front-coded term: shared prefix length and suffix after `previous`.
bool read_term(Cursor& c, const std::string& previous, std::string& out) {
  const uint32_t shared = c.varint(), suffix = c.varint();
  if (c.bad || shared > previous.size() || suffix > kMaxTermBytes * 2) return false;
  const std::string_view s = c.bytes(suffix);
  if (c.bad) return false;
  out.assign(previous, 0, shared);
  out.append(s);
  return true;
}

void put_term(std::string& out, std::string_view previous, std::string_view term) {
  size_t shared = 0;
  while (shared < previous.size() && shared < term.size() && previous[shared] == term[shared]) ++shared;
  put_varint(out, static_cast<uint32_t>(shared));
  put_varint(out, static_cast<uint32_t>(term.size() - shared));
  out.append(term.substr(shared));
}

std::string hex_of(std::string_view raw) {
  static const char digits[] = "0123456789abcdef";
  std::string out;
  for (char ch : raw) {
    const auto b = static_cast<unsigned char>(ch);
    out += digits[b >> 4];
    out += digits[b & 15];
  }
  return out;
}

// FNV-1a, 64 bits: names a file by its content.
std::string hash_bytes(std::string_view data) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  std::string raw(kHashBytes, '\0');
  for (size_t i = 0; i < kHashBytes; ++i) raw[i] = static_cast<char>(h >> (56 - 8 * i));
  return raw;
}

}  // namespace

const SearchShard::Term* SearchShard::find(std::string_view term) const {
  auto it = std::lower_bound(terms.begin(), terms.end(), term,
                             [](const Term& t, std::string_view v) { return std::string_view(t.text) < v; });
  return it != terms.end() && it->text == term ? &*it : nullptr;
}

std::pair<const SearchShard::Term*, const SearchShard::Term*> SearchShard::range(std::string_view from,
                                                                                std::string_view to) const {
  auto less = [](const Term& t, std::string_view v) { return std::string_view(t.text) < v; };
  auto first = std::lower_bound(terms.begin(), terms.end(), from, less);
  auto last = to.empty() ? terms.end() : std::lower_bound(first, terms.end(), to, less);
  return {terms.data() + (first - terms.begin()), terms.data() + (last - terms.begin())};
}

void SearchShard::decode(const Term& t, std::vector<Posting>& out) const {
  // The posts' deltas, then their bytes (checked at load: df of each).
  Cursor c{std::string_view(postings).substr(t.offset, t.size)};
  const size_t first = out.size();
  uint32_t post = 0;
  for (uint32_t k = 0; k < t.df; ++k) {
    const uint32_t delta = c.varint();
    if (c.bad) return;
    post = k == 0 ? delta : post + delta;
    out.push_back({post, 0, 0});
  }
  const std::string_view bytes = c.bytes(t.df);
  if (c.bad) return;
  for (uint32_t k = 0; k < t.df; ++k) {
    const auto byte = static_cast<uint8_t>(bytes[k]);
    out[first + k].weight = static_cast<uint8_t>(byte >> 3);
    out[first + k].fields = static_cast<uint8_t>(byte & 7);
  }
}

size_t SearchIndex::shard_for(std::string_view term) const {
  auto it = std::upper_bound(shards.begin(), shards.end(), term,
                             [](std::string_view v, const ShardRef& s) { return v < std::string_view(s.first); });
  return it == shards.begin() ? 0 : static_cast<size_t>(it - shards.begin() - 1);
}

size_t SearchIndex::typo_shard_for(std::string_view key) const {
  if (typo_shards.empty()) return 0;
  auto it = std::upper_bound(typo_shards.begin(), typo_shards.end(), key,
                             [](std::string_view v, const TypoRef& s) { return v < std::string_view(s.first); });
  return it == typo_shards.begin() ? 0 : static_cast<size_t>(it - typo_shards.begin() - 1);
}

std::string typo_key(std::string_view term) {
  size_t n = term.empty() ? 0 : 1;
  while (n < term.size() && (static_cast<unsigned char>(term[n]) & 0xC0) == 0x80) ++n;
  std::string key(term.substr(n));
  key += '\0';
  key.append(term.substr(0, n));
  return key;
}

void TypoShard::terms_with_rest(std::string_view rest, std::vector<std::pair<std::string, uint32_t>>& out) const {
  std::string from(rest);
  from += '\0';
  auto it = std::lower_bound(entries.begin(), entries.end(), from,
                             [](const Entry& e, const std::string& v) { return e.key < v; });
  for (; it != entries.end() && it->key.compare(0, from.size(), from) == 0; ++it)
    out.emplace_back(it->key.substr(from.size()) + std::string(rest), it->df);
}

namespace {

// Reads shard references (first term or key, hash) into `refs`.
template <class Ref>
bool read_refs(Cursor& c, const std::string& dir, size_t bytes, std::vector<Ref>& refs, bool allow_none,
               std::string_view path, SearchFileResult& r) {
  const uint32_t count = c.varint();
  if (c.bad || (count == 0 && !allow_none) || count > bytes) {
    r = fail(path, "bad shard count " + std::to_string(count));
    return false;
  }
  refs.resize(count);
  std::string previous;
  for (uint32_t i = 0; i < count; ++i) {
    if (!read_term(c, previous, refs[i].first)) {
      r = fail(path, "shard " + std::to_string(i) + ": bad first term");
      return false;
    }
    if (i > 0 && !(previous < refs[i].first)) {
      r = fail(path, "shard " + std::to_string(i) + ": out of order");
      return false;
    }
    const std::string_view hash = c.bytes(kHashBytes);
    if (c.bad) {
      r = fail(path, "shard " + std::to_string(i) + ": cut short");
      return false;
    }
    refs[i].path = dir + hex_of(hash) + ".bin";
    previous = refs[i].first;
  }
  return true;
}

}  // namespace

SearchFileResult read_search_boundary(std::string_view bytes, SearchIndex& index) {
  SearchFileResult r;
  Cursor c{bytes};
  const std::string& path = index.path;
  if (!header(c, kBoundaryMagic, path, r)) return r;
  const uint32_t posts = c.varint();
  const uint32_t dir_size = c.varint();
  const std::string dir(c.bytes(dir_size));
  if (c.bad) return fail(path, "cut short in its header");
  if (!valid_chunk_path(dir + "x")) return fail(path, "bad shard folder");
  std::vector<SearchIndex::ShardRef> shards;
  std::vector<SearchIndex::TypoRef> typos;
  if (!read_refs(c, dir, bytes.size(), shards, false, path, r)) return r;
  if (!read_refs(c, dir, bytes.size(), typos, true, path, r)) return r;
  if (!c.done()) return fail(path, "bytes after the last shard");
  index.posts = posts;
  index.shards = std::move(shards);
  index.typo_shards = std::move(typos);
  index.loaded = true;
  r.ok = true;
  return r;
}

SearchFileResult read_search_shard(std::string_view bytes, uint32_t posts, SearchShard& out, std::string_view path) {
  SearchFileResult r;
  Cursor c{bytes};
  if (!header(c, kShardMagic, path, r)) return r;
  const uint32_t count = c.varint();
  if (c.bad || count > bytes.size()) return fail(path, "bad term count");
  SearchShard shard;
  shard.terms.resize(count);
  std::string previous;
  uint64_t total = 0;
  for (uint32_t i = 0; i < count; ++i) {
    SearchShard::Term& t = shard.terms[i];
    if (!read_term(c, previous, t.text) || t.text.empty()) return fail(path, "term " + std::to_string(i) + ": bad term");
    if (i > 0 && !(previous < t.text)) return fail(path, "term " + std::to_string(i) + ": out of order");
    t.df = c.varint();
    t.size = c.varint();
    if (c.bad) return fail(path, "term " + std::to_string(i) + ": cut short");
    t.offset = static_cast<uint32_t>(total);
    total += t.size;
    previous = t.text;
  }
  if (total != bytes.size() - c.at) return fail(path, "postings size does not match the terms");
  shard.postings = std::string(bytes.substr(c.at));
  // Every posting checked now, so that queries need not.
  for (const SearchShard::Term& t : shard.terms) {
    Cursor p{std::string_view(shard.postings).substr(t.offset, t.size)};
    uint64_t post = 0;
    for (uint32_t k = 0; k < t.df; ++k) {
      const uint32_t delta = p.varint();
      if (k > 0 && delta == 0) p.bad = true;
      post = k == 0 ? delta : post + delta;
      if (p.bad || post >= posts) return fail(path, "term \"" + t.text + "\": bad postings");
    }
    p.bytes(t.df);
    if (p.bad) return fail(path, "term \"" + t.text + "\": bad postings");
    if (!p.done()) return fail(path, "term \"" + t.text + "\": postings longer than its count");
  }
  out = std::move(shard);
  r.ok = true;
  return r;
}

SearchFileResult read_typo_shard(std::string_view bytes, TypoShard& out, std::string_view path) {
  SearchFileResult r;
  Cursor c{bytes};
  if (!header(c, kTypoMagic, path, r)) return r;
  const uint32_t count = c.varint();
  if (c.bad || count > bytes.size()) return fail(path, "bad key count");
  TypoShard shard;
  shard.entries.resize(count);
  std::string previous;
  for (uint32_t i = 0; i < count; ++i) {
    TypoShard::Entry& e = shard.entries[i];
    if (!read_term(c, previous, e.key) || e.key.find('\0') == std::string::npos)
      return fail(path, "key " + std::to_string(i) + ": bad key");
    if (i > 0 && !(previous < e.key)) return fail(path, "key " + std::to_string(i) + ": out of order");
    e.df = c.varint();
    if (c.bad) return fail(path, "key " + std::to_string(i) + ": cut short");
    previous = e.key;
  }
  if (!c.done()) return fail(path, "bytes after the last key");
  out = std::move(shard);
  r.ok = true;
  return r;
}

bool is_search_file(const Bundle& b, std::string_view path) {
  if (b.search.empty()) return false;
  if (path == b.search) return true;
  if (!b.search_index) return false;
  for (const SearchIndex::ShardRef& s : b.search_index->shards)
    if (s.path == path) return true;
  for (const SearchIndex::TypoRef& s : b.search_index->typo_shards)
    if (s.path == path) return true;
  return false;
}

SearchFileResult add_search_file(Bundle& b, std::string_view path, std::string_view bytes) {
  if (!b.search.empty() && path == b.search) {
    auto index = std::make_shared<SearchIndex>();
    index->path = b.search;
    SearchFileResult r = read_search_boundary(bytes, *index);
    if (r.ok && index->posts != b.posts.size())
      r = fail(path, "indexes " + std::to_string(index->posts) + " posts, the bundle has " +
                         std::to_string(b.posts.size()) + " (a stale index?)");
    if (r.ok) b.search_index = std::move(index);
    return r;
  }
  if (b.search_index)
    for (SearchIndex::ShardRef& s : b.search_index->shards) {
      if (s.path != path) continue;
      auto shard = std::make_unique<SearchShard>();
      SearchFileResult r = read_search_shard(bytes, b.search_index->posts, *shard, path);
      if (r.ok) s.shard = std::move(shard);
      return r;
    }
  if (b.search_index)
    for (SearchIndex::TypoRef& s : b.search_index->typo_shards) {
      if (s.path != path) continue;
      auto shard = std::make_unique<TypoShard>();
      SearchFileResult r = read_typo_shard(bytes, *shard, path);
      if (r.ok) s.shard = std::move(shard);
      return r;
    }
  return fail(path, "not a search file of this bundle");
}

namespace {

// Terms interned: each distinct term once, in one block of characters, with
// an open-addressing table of ids (the index writer looks a term up once per
// occurrence: no string made, no node allocated).
class TermTable {
 public:
  uint32_t intern(std::string_view term) {
    if (4 * (size() + 1) > 3 * slots_.size()) grow();
    const uint64_t h = hash(term);
    const uint64_t tag = h >> 32 << 32;
    for (size_t at = h & (slots_.size() - 1);; at = (at + 1) & (slots_.size() - 1)) {
      const uint64_t slot = slots_[at];
      const auto id = static_cast<uint32_t>(slot);
      if (id == 0) {
        slots_[at] = tag | (size() + 1);
        hashes_.push_back(h);
        offsets_.push_back(static_cast<uint32_t>(chars_.size()));
        chars_.append(term);
        return static_cast<uint32_t>(size() - 1);
      }
      if ((slot & ~uint64_t{0xFFFFFFFF}) == tag && same(id - 1, term)) return id - 1;
    }
  }
  size_t size() const { return hashes_.size(); }
  std::string_view name(uint32_t id) const {
    const uint32_t end = id + 1 < offsets_.size() ? offsets_[id + 1] : static_cast<uint32_t>(chars_.size());
    return std::string_view(chars_).substr(offsets_[id], end - offsets_[id]);
  }

 private:
  // Eight bytes at a time (the table sees every word of every post; a
  // byte-at-a-time hash was a fifth of the index's time).
  static uint64_t hash(std::string_view s) {
    constexpr uint64_t k = 0xBF58476D1CE4E5B9ull;
    uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
    const char* p = s.data();
    size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ w) * k;
      h ^= h >> 31;
    }
    if (n) {
      uint64_t w = 0;
      for (size_t b = 0; b < n; ++b) w |= uint64_t{static_cast<unsigned char>(p[b])} << (8 * b);
      h = (h ^ w) * k;
      h ^= h >> 31;
    }
    h *= 0x94D049BB133111EBull;
    return h ^ (h >> 32);
  }
  // Compared in line: terms are a few bytes, and a call to memcmp per
  // occurrence cost more than the comparison.
  bool same(uint32_t id, std::string_view term) const {
    const uint32_t begin = offsets_[id];
    const uint32_t end = id + 1 < offsets_.size() ? offsets_[id + 1] : static_cast<uint32_t>(chars_.size());
    if (end - begin != term.size()) return false;
    const char* a = chars_.data() + begin;
    for (size_t b = 0; b < term.size(); ++b)
      if (a[b] != term[b]) return false;
    return true;
  }
  void grow() {
    std::vector<uint64_t> slots(slots_.empty() ? 1024 : slots_.size() * 2, 0);
    for (uint32_t id = 0; id < size(); ++id)
      for (size_t at = hashes_[id] & (slots.size() - 1);; at = (at + 1) & (slots.size() - 1))
        if (slots[at] == 0) {
          slots[at] = (hashes_[id] >> 32 << 32) | (id + 1);
          break;
        }
    slots_ = std::move(slots);
  }
  std::vector<uint64_t> slots_;  // the hash's high half << 32 | id + 1; 0 empty
  std::vector<uint64_t> hashes_;
  std::vector<uint32_t> offsets_;
  std::string chars_;
};

// What one thread reads: its terms, and per post it read the (term, tf,
// fields) entries, each term once.
struct IndexWorker final : SearchTermSink {
  TermTable terms;
  std::vector<uint32_t> tf;      // per term id, for the post being read
  std::vector<uint8_t> fields;   // per term id; bit 7: seen in this post
  std::vector<uint32_t> touched;  // term ids seen in this post
  uint8_t field = 0;              // of the text being read
  uint32_t count = 0;             // its terms

  void term(std::string_view t, uint32_t, uint32_t) override {
    const uint32_t id = terms.intern(t);
    if (id >= tf.size()) {
      tf.resize(terms.size() * 2, 0);
      fields.resize(terms.size() * 2, 0);
    }
    if (!(fields[id] & 0x80)) {
      fields[id] = 0x80;
      touched.push_back(id);
    }
    fields[id] |= field;
    tf[id] += field == 0;
    ++count;
  }
  size_t read(std::string_view text, uint8_t f) {
    field = f;
    count = 0;
    search_terms(text, *this);
    return count;
  }
};

// A post's entries: term id (of its worker) << 32 | tf << 8 | fields.
struct PostEntries {
  uint32_t worker = 0;
  uint32_t length = 0;  // body terms
  std::vector<uint64_t> entries;
};

void index_post(const Post& p, bool categories, const std::string* plain, IndexWorker& w, PostEntries& out) {
  w.read(p.title, kInTitle);
  for (const Text& tag : p.tags) w.read(tag, kInTag);
  // Categories kept apart from the tags (categories.hpp) count as tags;
  // merged, they are among the tags already.
  if (categories)
    for (const std::string& c : p.categories) w.read(c, kInTag);
  // ATX headings ("## Text"), read from the markdown's lines.
  const std::string_view body = p.body;
  for (size_t at = 0; at < body.size();) {
    size_t end = body.find('\n', at);
    if (end == std::string_view::npos) end = body.size();
    std::string_view line = body.substr(at, end - at);
    size_t hashes = 0;
    while (hashes < line.size() && hashes < 7 && line[hashes] == '#') ++hashes;
    if (hashes >= 1 && hashes <= 6 && (line.size() == hashes || line[hashes] == ' ')) w.read(line.substr(hashes), kInHeading);
    at = end + 1;
  }
  std::string computed;
  if (!plain || plain->empty()) computed = markdown_plain_text(body);
  const std::string& text = plain && !plain->empty() ? *plain : computed;
  size_t length = w.read(text, 0);
  // The summary, unless the body holds it (as written: the default
  // summary is the body's first paragraph; else as plain text).
  const std::string_view summary_md = p.summary;
  if (!summary_md.empty() && body.find(summary_md) == std::string_view::npos) {
    const std::string summary = markdown_plain_text(summary_md);
    if (!summary.empty() && text.find(summary) == std::string::npos) length += w.read(summary, 0);
  }
  out.length = static_cast<uint32_t>(length);
  out.entries.reserve(w.touched.size());
  for (uint32_t id : w.touched) {
    out.entries.push_back(uint64_t{id} << 32 | uint64_t{std::min<uint32_t>(w.tf[id], 0xFFFFFF)} << 8 |
                          (w.fields[id] & 0x7F));
    w.tf[id] = 0;
    w.fields[id] = 0;
  }
  w.touched.clear();
}

}  // namespace

SearchFiles write_search_index(const Bundle& b, size_t shard_bytes, const std::vector<std::string>* plain_texts) {
  // Every post read once, on several threads (the plain text of every body
  // is most of the work), each thread with its own term table.
  const size_t n = b.posts.size();
  std::vector<PostEntries> per_post(n);
  const size_t threads = n < 64 ? 1 : std::max(1u, std::min(8u, std::thread::hardware_concurrency()));
  std::vector<IndexWorker> workers(threads);
  std::atomic<size_t> cursor{0};
  auto work = [&](uint32_t w) {
    for (size_t i; (i = cursor.fetch_add(1)) < n;) {
      per_post[i].worker = w;
      const std::string* plain = plain_texts && i < plain_texts->size() ? &(*plain_texts)[i] : nullptr;
      index_post(b.posts[i], b.site.categories, plain, workers[w], per_post[i]);
    }
  };
  std::vector<std::thread> pool;
  for (uint32_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
  work(0);
  for (std::thread& t : pool) t.join();

  // One table of every term; each worker's ids mapped to it.
  TermTable all;
  std::vector<std::vector<uint32_t>> global(threads);
  for (size_t w = 0; w < threads; ++w) {
    global[w].resize(workers[w].terms.size());
    for (uint32_t id = 0; id < global[w].size(); ++id) global[w][id] = all.intern(workers[w].terms.name(id));
  }
  // Postings laid out by term (a counting sort), posts ascending within each.
  const size_t term_count = all.size();
  std::vector<uint32_t> start(term_count + 1, 0);
  uint64_t total_length = 0;
  for (const PostEntries& p : per_post) {
    total_length += p.length;
    for (uint64_t e : p.entries) ++start[global[p.worker][e >> 32] + 1];
  }
  for (size_t t = 0; t < term_count; ++t) start[t + 1] += start[t];
  std::vector<uint32_t> fill(start.begin(), start.end() - 1);
  std::vector<uint32_t> post_of(start[term_count]);
  std::vector<uint8_t> byte_of(start[term_count]);
  const double average = n == 0 ? 1.0 : std::max(1.0, double(total_length) / double(n));
  constexpr double k1 = 1.2, bb = 0.75;
  for (size_t i = 0; i < n; ++i) {
    PostEntries& p = per_post[i];
    const double norm = k1 * (1 - bb + bb * double(p.length) / average);
    for (uint64_t e : p.entries) {
      const double tf = double((e >> 8) & 0xFFFFFF);
      const int weight = std::min(31, static_cast<int>(8 * tf * (k1 + 1) / (tf + norm) + 0.5));
      const uint32_t at = fill[global[p.worker][e >> 32]]++;
      post_of[at] = static_cast<uint32_t>(i);
      byte_of[at] = static_cast<uint8_t>(weight << 3 | (e & 7));
    }
    std::vector<uint64_t>().swap(p.entries);
  }
  std::vector<uint32_t> order(term_count);
  for (uint32_t k = 0; k < order.size(); ++k) order[k] = k;
  std::sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) { return all.name(x) < all.name(y); });

  SearchFiles out;
  std::string boundary(kBoundaryMagic);
  boundary += static_cast<char>(kSearchIndexVersion);
  put_varint(boundary, static_cast<uint32_t>(n));
  put_varint(boundary, static_cast<uint32_t>(std::string_view(kSearchDir).size()));
  boundary += kSearchDir;
  std::string refs, previous_first, dict, blob;
  uint32_t shard_count = 0;
  size_t next = 0;
  do {  // at least one shard, even for no terms
    dict.clear();
    blob.clear();
    std::string_view previous;
    uint32_t count = 0;
    const std::string first(next < order.size() ? all.name(order[next]) : std::string_view());
    while (next < order.size() && (count == 0 || dict.size() + blob.size() < shard_bytes)) {
      const uint32_t term = order[next++];
      const size_t before = blob.size();
      for (uint32_t k = start[term]; k < start[term + 1]; ++k)
        put_varint(blob, k == start[term] ? post_of[k] : post_of[k] - post_of[k - 1]);
      blob.append(reinterpret_cast<const char*>(byte_of.data() + start[term]), start[term + 1] - start[term]);
      const std::string_view name = all.name(term);
      put_term(dict, previous, name);
      put_varint(dict, start[term + 1] - start[term]);
      put_varint(dict, static_cast<uint32_t>(blob.size() - before));
      previous = name;
      ++count;
    }
    std::string shard;
    shard.reserve(8 + dict.size() + blob.size());
    shard += kShardMagic;
    shard += static_cast<char>(kSearchIndexVersion);
    put_varint(shard, count);
    shard += dict;
    shard += blob;
    const std::string hash = hash_bytes(shard);
    put_term(refs, previous_first, first);
    refs += hash;
    previous_first = first;
    ++shard_count;
    out.shards.push_back({std::string(kSearchDir) + hex_of(hash) + ".bin", std::move(shard)});
  } while (next < order.size());
  put_varint(boundary, shard_count);
  boundary += refs;
  // Typo shards: long terms keyed by all but their first character.
  std::vector<std::pair<std::string, uint32_t>> keys;
  for (uint32_t t = 0; t < term_count; ++t)
    if (term_chars(all.name(t)) >= kTypoMinChars) keys.emplace_back(typo_key(all.name(t)), start[t + 1] - start[t]);
  std::sort(keys.begin(), keys.end());
  refs.clear();
  previous_first.clear();
  shard_count = 0;
  for (size_t k = 0; k < keys.size();) {
    dict.clear();
    std::string_view previous;
    const size_t first = k;
    for (; k < keys.size() && (k == first || dict.size() < shard_bytes); ++k) {
      put_term(dict, previous, keys[k].first);
      put_varint(dict, keys[k].second);
      previous = keys[k].first;
    }
    std::string shard(kTypoMagic);
    shard += static_cast<char>(kSearchIndexVersion);
    put_varint(shard, static_cast<uint32_t>(k - first));
    shard += dict;
    const std::string hash = hash_bytes(shard);
    put_term(refs, previous_first, keys[first].first);
    refs += hash;
    previous_first = keys[first].first;
    ++shard_count;
    out.typo_shards.push_back({std::string(kSearchDir) + hex_of(hash) + ".bin", std::move(shard)});
  }
  put_varint(boundary, shard_count);
  boundary += refs;
  out.boundary.path = std::string(kSearchDir) + "index-" + hex_of(hash_bytes(boundary)) + ".bin";
  out.boundary.bytes = std::move(boundary);
  return out;
}

void attach_search_index(Bundle& b, const SearchFiles& files) {
  b.search = files.boundary.path;
  b.search_index.reset();
  add_search_file(b, files.boundary.path, files.boundary.bytes);
  for (const SearchFile& f : files.shards) add_search_file(b, f.path, f.bytes);
  for (const SearchFile& f : files.typo_shards) add_search_file(b, f.path, f.bytes);
}

}  // namespace quire
