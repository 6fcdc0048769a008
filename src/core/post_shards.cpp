#include "core/post_shards.hpp"

#include <algorithm>
#include <cstring>
#include <memory>

#include "core/permalink.hpp"

namespace quire {
namespace {

// Reads the index's lines and words; every problem names the line.
class IndexReader {
 public:
  explicit IndexReader(std::string_view text) : text_(text) {}

  bool next_line() {
    if (pos_ > text_.size()) return false;
    size_t end = text_.find('\n', pos_);
    if (end == std::string_view::npos) end = text_.size();
    line_ = text_.substr(pos_, end - pos_);
    pos_ = end + 1;
    ++number_;
    return true;
  }
  bool at_end() const { return pos_ > text_.size(); }
  std::string_view line() const { return line_; }
  size_t number() const { return number_; }

  // The next space-separated word of the line ("" at its end).
  std::string_view word() {
    size_t end = line_.find(' ');
    std::string_view w = line_.substr(0, end);
    line_ = end == std::string_view::npos ? std::string_view() : line_.substr(end + 1);
    return w;
  }
  bool count(size_t& out, size_t max) {
    std::string_view w = word();
    if (w.empty() || w.size() > 9) return false;
    size_t v = 0;
    for (char c : w) {
      if (c < '0' || c > '9') return false;
      v = v * 10 + static_cast<size_t>(c - '0');
    }
    if (v > max) return false;
    out = v;
    return true;
  }
  std::string where() const { return "line " + std::to_string(number_) + ": "; }

 private:
  std::string_view text_;
  size_t pos_ = 0;
  std::string_view line_;
  size_t number_ = 0;
};

// A list of post indices, ascending: its count, then one word of digits
// for the first index + 1 and each one's distance to the one before
// (both >= 1): v - 1 in groups of 5 bits, high first, every group but the
// last from kMore, the last from kLast (most take one character: gzip
// makes ~6 bits of it; decimal gaps took twice that).
constexpr char kLast[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";
constexpr char kMore[] = "abcdefghijklmnopqrstuvwxyz6789+/";

// A character's digit: 0..31 from kLast, 32..63 from kMore, else -1.
struct Digits {
  signed char of[256];
  Digits() {
    for (signed char& d : of) d = -1;
    for (int i = 0; i < 32; ++i) {
      of[static_cast<unsigned char>(kLast[i])] = static_cast<signed char>(i);
      of[static_cast<unsigned char>(kMore[i])] = static_cast<signed char>(32 + i);
    }
  }
};

bool read_list(IndexReader& in, size_t n, std::vector<size_t>& out) {
  size_t count = 0;
  if (!in.count(count, n)) return false;
  std::string_view digits = in.word();
  out.clear();
  out.reserve(std::min(count, digits.size()));
  static const Digits table;
  size_t v = 0, groups = 0;
  for (char c : digits) {
    int d = table.of[static_cast<unsigned char>(c)];
    if (d < 0) return false;
    const bool last = d < 32;
    d &= 31;
    if (++groups > 5) return false;  // beyond any index
    v = v * 32 + static_cast<size_t>(d);
    if (!last) continue;
    const size_t at = (out.empty() ? 0 : out.back() + 1) + v;  // first: v is the index
    if (at >= n || out.size() == count) return false;
    out.push_back(at);
    v = 0;
    groups = 0;
  }
  return groups == 0 && out.size() == count;
}

void write_list(std::string& out, const std::vector<size_t>& posts) {
  out += std::to_string(posts.size()) + " ";
  for (size_t k = 0; k < posts.size(); ++k) {
    size_t v = k ? posts[k] - posts[k - 1] - 1 : posts[k];
    char groups[8];
    int g = 0;
    do {
      groups[g++] = static_cast<char>(v % 32);
      v /= 32;
    } while (v);
    while (g-- > 1) out += kMore[static_cast<size_t>(groups[g])];
    out += kLast[static_cast<size_t>(groups[0])];
  }
}

}  // namespace

std::string read_post_index(Bundle& b, std::string_view text) {
  IndexReader in(text);
  size_t n = 0, per = 0, mixed = 0;
  // (Bounds that keep a hostile bundle from asking for gigabytes: a post
  // is ~0.5 KB in memory before its shard arrives.)
  if (!in.next_line() || !in.count(n, 1000000) || !in.count(per, 1000) || !in.count(mixed, 1) ||
      !in.line().empty())
    return in.where() + "expected \"<posts: at most 1000000> <posts per shard: at most 1000> <0|1>\"";
  if (per == 0 && n > 0) return in.where() + "expected at least 1 post per shard";
  const size_t shards = per ? (n + per - 1) / per : 0;
  if (b.shards.size() != shards)
    return "names " + std::to_string(shards) + " shards for " + std::to_string(n) + " posts, \"shards\" has " +
           std::to_string(b.shards.size());
  if (n > 0 && b.slug_files.empty()) return "\"slugs\" names no file for " + std::to_string(n) + " posts";
  std::vector<TagInfo> tags, categories;
  std::vector<MonthInfo> months;
  while (in.next_line()) {
    if (in.line().empty() && in.at_end()) break;
    std::string_view kind = in.word();
    if (kind == "t" || kind == "c") {
      TagInfo t;
      t.category = kind == "c";
      t.slug = std::string(in.word());
      if (!read_list(in, n, t.posts) || t.posts.empty())
        return in.where() + "expected \"" + std::string(kind) + " <slug> <count> <posts> <name>\"";
      t.name = std::string(in.line());
      std::vector<TagInfo>& list = t.category ? categories : tags;
      if (t.slug.empty() || t.slug != tag_slug(t.name))
        return in.where() + "the slug \"" + t.slug + "\" is not the name's (\"" + t.name + "\")";
      if (!list.empty() && !(list.back().slug < t.slug)) return in.where() + "not in slug order";
      list.push_back(std::move(t));
    } else if (kind == "m") {
      MonthInfo m;
      size_t year = 0, month = 0;
      if (!in.count(year, 9999) || !in.count(month, 12) || month == 0 || !read_list(in, n, m.posts) ||
          m.posts.empty() || !in.line().empty())
        return in.where() + "expected \"m <year> <month> <count> <posts>\"";
      m.year = static_cast<int>(year);
      m.month = static_cast<int>(month);
      if (!months.empty() && (months.back().year < m.year || (months.back().year == m.year && months.back().month <= m.month)))
        return in.where() + "months not newest first";
      months.push_back(std::move(m));
    } else {
      return in.where() + "expected a line starting t, c or m";
    }
  }
  b.posts.clear();
  b.posts.resize(n);  // default-constructed (a copy of one per post was slower)
  for (Post& p : b.posts) p.stub = true;
  b.shard_posts = per;
  size_t size = 16;
  while (size < 2 * n) size *= 2;
  b.slug_table.assign(size, Bundle::kNoPost);  // slugs arrive with slug files and shards (insert_slug)
  b.slug_files_added.assign(b.slug_files.size(), false);
  b.indexed_posts = n;
  b.tags = std::move(tags);
  b.categories = std::move(categories);
  b.months = std::move(months);
  b.mixed_offsets = mixed == 1;
  return {};
}

size_t slug_file_of(std::string_view slug, size_t files) {
  uint32_t h = 2166136261u;
  for (unsigned char c : slug) h = (h ^ c) * 16777619u;
  return files ? h % files : 0;
}

const std::string* missing_slug_file(const Bundle& b, std::string_view slug) {
  if (b.slug_files.empty() || !valid_slug(slug)) return nullptr;
  const size_t k = slug_file_of(slug, b.slug_files.size());
  return k < b.slug_files_added.size() && !b.slug_files_added[k] ? &b.slug_files[k] : nullptr;
}

ChunkResult add_slug_file(Bundle& b, std::string_view path, std::string_view bytes) {
  ChunkResult r;
  auto at = std::find(b.slug_files.begin(), b.slug_files.end(), path);
  if (at == b.slug_files.end()) return r.code = "schema", r.message = "not a slug file of this bundle", r;
  const size_t k = static_cast<size_t>(at - b.slug_files.begin());
  IndexReader in(bytes);
  if (!in.next_line() || in.line() != kSlugFileHeader)
    return r.code = "format", r.message = std::string("line 1: expected \"") + kSlugFileHeader + "\"", r;
  const size_t n = b.posts.size();
  std::vector<std::pair<size_t, std::string_view>> found;
  while (in.next_line()) {
    if (in.line().empty() && in.at_end()) break;
    size_t pos = 0;
    if (!in.count(pos, n ? n - 1 : 0) || n == 0)
      return r.code = "schema", r.message = in.where() + "expected \"<position> <slug>\" (a position below " +
                                            std::to_string(n) + ")", r;
    std::string_view slug = in.line();
    if (!valid_slug(slug) || slug_file_of(slug, b.slug_files.size()) != k)
      return r.code = "schema", r.message = in.where() + "the slug \"" + std::string(slug) + "\" does not belong here", r;
    const Post& p = b.posts[n - 1 - pos];
    if (!p.slug.empty() && p.slug != slug)
      return r.code = "schema", r.message = in.where() + "position " + std::to_string(pos) + " is \"" + p.slug.str() +
                                            "\", not \"" + std::string(slug) + "\"", r;
    found.emplace_back(n - 1 - pos, slug);
  }
  // Checked whole before anything changes: a slug given twice, or taken.
  for (size_t j = 0; j < found.size(); ++j)
    for (size_t i = 0; i < j; ++i)
      if (found[i].second == found[j].second || found[i].first == found[j].first)
        return r.code = "schema", r.message = "\"" + std::string(found[j].second) + "\" given twice", r;
  for (const auto& [i, slug] : found)
    if (const Post* other = b.find_post(slug); other && other != &b.posts[i])
      return r.code = "schema", r.message = "\"" + std::string(slug) + "\" is another post's slug", r;
  for (const auto& [i, slug] : found) {
    Post& p = b.posts[i];
    if (p.slug.empty()) {
      p.slug = std::string(slug);
      insert_slug(b, i);
      ++r.bodies;
    }
  }
  b.slug_files_added[k] = true;
  r.ok = true;
  return r;
}

const std::string* shard_of(const Bundle& b, size_t i) {
  if (b.shard_posts == 0 || i >= b.posts.size()) return nullptr;
  const size_t k = (b.posts.size() - 1 - i) / b.shard_posts;
  return k < b.shards.size() ? &b.shards[k] : nullptr;
}

std::string missing_shards(const Bundle& b, const std::vector<size_t>& posts) {
  std::vector<const std::string*> seen;
  std::string out;
  for (size_t i : posts) {
    if (i >= b.posts.size() || post_loaded(b, i)) continue;
    const std::string* s = shard_of(b, i);
    if (!s || std::find(seen.begin(), seen.end(), s) != seen.end()) continue;
    seen.push_back(s);
    out += (out.empty() ? "" : "\n") + *s;
  }
  return out;
}

ChunkResult add_post_shard(Bundle& b, std::string_view path, std::string_view bytes) {
  ChunkResult r;
  auto fail = [&r](const char* code, std::string message) {
    r.code = code;
    r.message = std::move(message);
    return r;
  };
  auto at = std::find(b.shards.begin(), b.shards.end(), path);
  if (at == b.shards.end()) return fail("schema", "not a shard of this bundle");
  const size_t k = static_cast<size_t>(at - b.shards.begin());
  const size_t n = b.posts.size();
  // Its posts, newest first: indices [first, last].
  const size_t last = n - 1 - k * b.shard_posts;
  const size_t first = n - std::min(n, (k + 1) * b.shard_posts);
  std::shared_ptr<char> copy(new char[std::max<size_t>(1, bytes.size())], std::default_delete<char[]>());
  if (!bytes.empty()) std::memcpy(copy.get(), bytes.data(), bytes.size());
  int64_t from = -1;
  std::vector<std::string> chunks;
  LoadResult read = read_post_entries(copy, bytes.size(), kPostShardFormat, from, chunks);
  if (!read.ok) return fail(read.code.c_str(), read.message);
  if (static_cast<uint64_t>(from) != k * b.shard_posts)
    return fail("schema", "from: expected " + std::to_string(k * b.shard_posts) + " (this shard's place), got " +
                              std::to_string(from));
  std::vector<Post>& got = read.bundle.posts;
  if (got.size() != last - first + 1)
    return fail("schema", "posts: expected " + std::to_string(last - first + 1) + " posts, got " +
                              std::to_string(got.size()));
  for (size_t j = 0; j < got.size(); ++j) {
    const Post& known = b.posts[first + j];
    if (!known.slug.empty() && got[j].slug != known.slug)
      return fail("schema", "posts[" + std::to_string(j) + "].slug: expected \"" + known.slug.str() +
                                "\" (the post there, by its slug file), got \"" + got[j].slug.str() + "\"");
    if (known.slug.empty())
      if (const Post* other = b.find_post(got[j].slug); other && other != &known)
        return fail("schema", "posts[" + std::to_string(j) + "].slug: \"" + got[j].slug.str() +
                                  "\" is another post's");
  }
  for (size_t j = 0; j < got.size(); ++j) {
    Post& p = b.posts[first + j];
    if (!p.stub) continue;
    const bool known = !p.slug.empty();
    p = std::move(got[j]);
    if (j < chunks.size() && !chunks[j].empty()) {  // its chunk, by path: the bundle's list grows
      size_t c = b.chunks.size();
      while (c > 0 && b.chunks[c - 1] != chunks[j]) --c;  // neighbours share chunks: found near the end
      if (c == 0) b.chunks.push_back(chunks[j]), c = b.chunks.size();
      p.chunk = static_cast<int>(c - 1);
    }
    p.stub = false;
    if (!known) insert_slug(b, first + j);
    ++r.bodies;
  }
  b.shard_sources.push_back(std::move(read.bundle.source));
  r.ok = true;
  return r;
}

ChunkResult add_post_file(Bundle& b, std::string_view path, std::string_view bytes) {
  if (std::find(b.shards.begin(), b.shards.end(), path) != b.shards.end()) return add_post_shard(b, path, bytes);
  if (std::find(b.slug_files.begin(), b.slug_files.end(), path) != b.slug_files.end())
    return add_slug_file(b, path, bytes);
  return add_chunk(b, bytes);
}

bool shardable(const Bundle& b) {
  if (b.site.permalink != kDefaultPermalink) return false;
  for (const Post& p : b.posts)
    if (!p.permalink.empty() || !p.aliases.empty()) return false;
  for (const std::vector<TagInfo>* list : {&b.tags, &b.categories})
    for (const TagInfo& t : *list)
      if (t.name.find('\n') != std::string::npos || t.slug.find(' ') != std::string::npos) return false;
  return true;
}

std::string write_post_index(const Bundle& b, size_t per) {
  std::string out = std::to_string(b.posts.size()) + " " + std::to_string(per) + " " + (b.mixed_offsets ? "1" : "0");
  for (const std::vector<TagInfo>* list : {&b.tags, &b.categories})
    for (const TagInfo& t : *list) {
      if (t.posts.empty()) continue;
      out += list == &b.tags ? "\nt " : "\nc ";
      out += t.slug + " ";
      write_list(out, t.posts);
      out += " " + t.name;
    }
  for (const MonthInfo& m : b.months) {
    out += "\nm " + std::to_string(m.year) + " " + std::to_string(m.month) + " ";
    write_list(out, m.posts);
  }
  return out;
}

std::vector<std::string> write_slug_files(const Bundle& b) {
  const size_t n = b.posts.size();
  std::vector<std::string> files(std::max<size_t>(1, (n + kSlugsPerFile - 1) / kSlugsPerFile),
                                 std::string(kSlugFileHeader));
  for (size_t pos = 0; pos < n; ++pos) {  // from the oldest: a new post adds a line
    const Text& slug = b.posts[n - 1 - pos].slug;
    std::string& f = files[slug_file_of(slug, files.size())];
    f += "\n" + std::to_string(pos) + " " + slug.str();
  }
  return files;
}

}  // namespace quire
