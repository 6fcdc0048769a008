#include "core/post_shards.hpp"

#include <algorithm>
#include <cstring>
#include <memory>
#include <optional>

#include "core/bundle_writer.hpp"
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

// Adds `path` (normal form) to the sorted path table for `entry` (an
// index into posts, kAlias for an alias) unless it is there (checked
// before: then it is the same post's).
void insert_path(Bundle& b, std::string_view path, uint32_t entry) {
  auto it = std::lower_bound(b.paths.begin(), b.paths.end(), path,
                             [](const Bundle::PathEntry& e, std::string_view p) { return e.path < p; });
  if (it != b.paths.end() && it->path == path) return;
  b.paths.insert(it, Bundle::PathEntry{std::string(path), entry});
}

// Whether `path` is free for post `i` (no other post or page has it).
bool path_free(const Bundle& b, std::string_view path, size_t i) {
  bool page = false;
  const Post* at = b.find_path(path, nullptr, &page);
  return !at || (!page && at == &b.posts[i]);
}

}  // namespace

std::string read_post_index(Bundle& b, std::string_view text) {
  IndexReader in(text);
  size_t n = 0, per = 0, mixed = 0, with_paths = 0;
  // (Bounds that keep a hostile bundle from asking for gigabytes: a post
  // is ~0.5 KB in memory before its shard arrives.)
  if (!in.next_line() || !in.count(n, 1000000) || !in.count(per, 1000) || !in.count(mixed, 1) ||
      (!in.line().empty() && !in.count(with_paths, 1)) || !in.line().empty())
    return in.where() + "expected \"<posts: at most 1000000> <posts per shard: at most 1000> <0|1> [<0|1>]\"";
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
  b.slug_paths = with_paths == 1;
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

std::string missing_slug_files_for_near(const Bundle& b) {
  std::string out;
  if (b.slug_files.size() > kNearSlugFiles) return out;
  for (size_t k = 0; k < b.slug_files.size(); ++k)
    if (k >= b.slug_files_added.size() || !b.slug_files_added[k]) out += (out.empty() ? "" : "\n") + b.slug_files[k];
  return out;
}

const std::string* missing_path_file(const Bundle& b, std::string_view asked) {
  if (!b.slug_paths || b.slug_files.empty() || b.posts.empty()) return nullptr;
  std::string_view base = b.site.base_path.empty() ? std::string_view("/") : std::string_view(b.site.base_path);
  asked = asked.substr(0, asked.find_first_of("?#"));
  if (asked.substr(0, base.size()) != base) return nullptr;
  bool ok = true;
  const std::string normal = normal_path(asked.substr(base.size()), true, &ok);  // as the router reads it
  if (!ok || normal.empty()) return nullptr;
  const size_t k = slug_file_of(normal, b.slug_files.size());
  return k < b.slug_files_added.size() && !b.slug_files_added[k] ? &b.slug_files[k] : nullptr;
}

ChunkResult add_slug_file(Bundle& b, std::string_view path, std::string_view bytes) {
  ChunkResult r;
  auto at = std::find(b.slug_files.begin(), b.slug_files.end(), path);
  if (at == b.slug_files.end()) return r.code = "schema", r.message = "not a slug file of this bundle", r;
  const size_t k = static_cast<size_t>(at - b.slug_files.begin());
  IndexReader in(bytes);
  const char* header = b.slug_briefs ? kSlugFileHeader : kSlugFileHeaderV2;
  if (!in.next_line() || in.line() != header)
    return r.code = "format", r.message = std::string("line 1: expected \"") + header + "\"", r;
  const size_t n = b.posts.size();
  struct Line {
    size_t post;
    std::string_view slug, path;  // path: "" for a slug's line
    bool alias;
    std::string_view date;  // the "=" line after it (version 3)
    DateTime when;
    std::string title;
  };
  std::vector<Line> found;
  auto fail = [&r](std::string message) {
    r.code = "schema";
    r.message = std::move(message);
    return r;
  };
  while (in.next_line()) {
    if (in.line().empty() && in.at_end()) break;
    if (b.slug_briefs && !found.empty() && !found.back().alias && found.back().date.empty()) {
      // The "=" line of the line above.
      const std::string_view l = in.line();
      const size_t tab = l.size() > 2 ? l.find('\t', 2) : std::string_view::npos;
      if (l.substr(0, 2) != "= " || tab == std::string_view::npos)
        return fail(in.where() + "expected \"= <date><tab><title>\" (the post's on the line above)");
      Line& post = found.back();
      post.date = l.substr(2, tab - 2);
      if (!read_json_string(l.substr(tab + 1), post.title) || post.title.empty())
        return fail(in.where() + "expected the title as a JSON string, not empty");
      const std::optional<DateTime> when = parse_date(post.date);
      if (!when) return fail(in.where() + "expected a date, got \"" + std::string(post.date) + "\"");
      post.when = *when;
      continue;
    }
    size_t pos = 0;
    if (!in.count(pos, n ? n - 1 : 0) || n == 0)
      return fail(in.where() + "expected \"<position> <slug>\" (a position below " + std::to_string(n) + ")");
    const std::string_view rest = in.line();
    const size_t space = rest.find(' ');
    const bool has_path = space != std::string_view::npos;
    Line line{n - 1 - pos, rest.substr(0, space), {}, false, {}, {}, {}};
    if (has_path) {  // "/<path>" or ">/<path>", to the end of the line
      std::string_view where = rest.substr(space + 1);
      line.alias = !where.empty() && where[0] == '>';
      if (line.alias) where.remove_prefix(1);
      if (where.size() < 2 || where[0] != '/')
        return fail(in.where() + "expected \"<position> <slug> /<path>\" or \"<position> <slug> >/<path>\"");
      line.path = where.substr(1);
    }
    const std::string_view slug = line.slug;
    const size_t files = b.slug_files.size();
    const bool here = line.alias ? slug_file_of(line.path, files) == k
                                 : slug_file_of(slug, files) == k || (has_path && slug_file_of(line.path, files) == k);
    if (!valid_slug(slug) || (!has_path && !here))
      return fail(in.where() + "the slug \"" + std::string(slug) + "\" does not belong here");
    if (!here) return fail(in.where() + "the path /" + std::string(line.path) + " does not belong here");
    const Post& p = b.posts[line.post];
    if (!p.slug.empty() && p.slug != slug)
      return fail(in.where() + "position " + std::to_string(pos) + " is \"" + p.slug.str() + "\", not \"" +
                  std::string(slug) + "\"");
    if (has_path && !line.alias && (!p.stub || !p.path.empty()) && p.path != line.path)
      return fail(in.where() + "position " + std::to_string(pos) + " is at /" + p.path + ", not /" +
                  std::string(line.path));
    found.push_back(line);
  }
  if (b.slug_briefs && !found.empty() && !found.back().alias && found.back().date.empty())
    return fail(in.where() + "expected \"= <date><tab><title>\" (the post's on the line above)");
  // Checked whole before anything changes: a slug, path or post given
  // twice, or taken.
  for (size_t j = 0; j < found.size(); ++j)
    for (size_t i = 0; i < j; ++i) {
      const Line &a = found[i], &c = found[j];
      const bool twice = (a.slug == c.slug) != (a.post == c.post) || (!a.path.empty() && a.path == c.path) ||
                         (a.path.empty() && c.path.empty() && a.slug == c.slug) ||
                         (!a.path.empty() && !c.path.empty() && !a.alias && !c.alias && a.post == c.post);
      if (twice)
        return fail("\"" + std::string(c.path.empty() ? c.slug : c.path) + "\" given twice");
    }
  for (const Line& l : found) {
    if (const Post* other = b.find_post(l.slug); other && other != &b.posts[l.post])
      return fail("\"" + std::string(l.slug) + "\" is another post's slug");
    if (!l.path.empty() && !path_free(b, l.path, l.post))
      return fail("/" + std::string(l.path) + " is another post's or page's path");
  }
  for (const Line& l : found) {
    Post& p = b.posts[l.post];
    if (p.slug.empty()) {
      p.slug = std::string(l.slug);
      insert_slug(b, l.post);
      ++r.bodies;
    }
    if (p.stub && !p.brief && !l.date.empty()) {
      p.date = std::string(l.date);
      p.when = l.when;
      p.title = l.title;
      p.brief = true;
    }
    if (l.path.empty()) continue;
    if (!l.alias && p.stub) p.path = std::string(l.path);
    insert_path(b, l.path, static_cast<uint32_t>(l.post) | (l.alias ? Bundle::kAlias : 0));
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
  // Where each post lives (its permalink, or the site's pattern) and its
  // aliases: the paths its slug file gave, and no other post's or page's.
  std::vector<std::pair<std::string, uint32_t>> paths;  // normal form, index (kAlias for an alias)
  for (size_t j = 0; j < got.size(); ++j) {
    const size_t i = first + j;
    if (!b.posts[i].stub) continue;
    std::string own = derive_post_path(b.site.permalink, got[j]);
    const std::string& given = b.posts[i].path;
    if (!given.empty() && own != given)
      return fail("schema", "posts[" + std::to_string(j) + "]: at /" + own + ", its slug file says /" + given);
    if (!own.empty()) paths.emplace_back(std::move(own), static_cast<uint32_t>(i));
    for (const Text& a : got[j].aliases) paths.emplace_back(normal_path(a, false), static_cast<uint32_t>(i) | Bundle::kAlias);
  }
  for (size_t x = 0; x < paths.size(); ++x) {
    const size_t i = paths[x].second & ~Bundle::kAlias;
    bool taken = !path_free(b, paths[x].first, i);
    for (size_t y = 0; y < x && !taken; ++y) taken = paths[y].first == paths[x].first;
    if (taken) return fail("schema", "posts[" + std::to_string(i - first) + "]: /" + paths[x].first + " is taken");
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
    p.path = derive_post_path(b.site.permalink, p);
    if (!known) insert_slug(b, first + j);
    ++r.bodies;
  }
  for (const auto& [where, entry] : paths) insert_path(b, where, entry);
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

bool has_post_paths(const Bundle& b) {
  if (b.site.permalink != kDefaultPermalink) return true;
  for (const Post& p : b.posts)
    if (!p.permalink.empty() || !p.aliases.empty()) return true;
  return false;
}

bool shardable(const Bundle& b) {
  for (const Post& p : b.posts) {  // a path is a slug file's line
    if (p.permalink.view().find('\n') != std::string_view::npos) return false;
    for (const Text& a : p.aliases)
      if (a.view().find('\n') != std::string_view::npos) return false;
  }
  for (const std::vector<TagInfo>* list : {&b.tags, &b.categories})
    for (const TagInfo& t : *list)
      if (t.name.find('\n') != std::string::npos || t.slug.find(' ') != std::string::npos) return false;
  return true;
}

std::string write_post_index(const Bundle& b, size_t per) {
  std::string out = std::to_string(b.posts.size()) + " " + std::to_string(per) + " " + (b.mixed_offsets ? "1" : "0");
  if (has_post_paths(b)) out += " 1";
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
  std::vector<std::string> own(n);  // each post's path ("": posts/<slug>/)
  size_t lines = n;                 // at most: a slug's, a path's, each alias's
  for (size_t i = 0; i < n; ++i) {
    own[i] = derive_post_path(b.site.permalink, b.posts[i]);
    lines += (own[i].empty() ? 0 : 1) + b.posts[i].aliases.size();
  }
  std::vector<std::string> files(std::max<size_t>(1, (lines + kSlugsPerFile - 1) / kSlugsPerFile),
                                 std::string(kSlugFileHeader));
  auto file = [&files](std::string_view key) -> std::string& { return files[slug_file_of(key, files.size())]; };
  for (size_t pos = 0; pos < n; ++pos) {  // from the oldest: a new post adds lines
    const Post& p = b.posts[n - 1 - pos];
    const std::string head = "\n" + std::to_string(pos) + " " + p.slug.str();
    std::string brief = "\n= " + p.date.str() + "\t";  // its date and title
    append_json_string(brief, p.title);
    const std::string& path = own[n - 1 - pos];
    if (path.empty()) {
      file(p.slug) += head + brief;
    } else {
      file(p.slug) += head + " /" + path + brief;
      if (&file(path) != &file(p.slug)) file(path) += head + " /" + path + brief;
    }
    for (const Text& a : p.aliases) {
      const std::string alias = normal_path(a, false);
      file(alias) += head + " >/" + alias;
    }
  }
  return files;
}

}  // namespace quire
