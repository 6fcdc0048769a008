#include "core/bundle.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "core/html.hpp"
#include "core/markdown.hpp"

namespace quire {
namespace {

using json = nlohmann::json;

struct Reader {
  std::string error;  // first problem found, with its JSON path

  bool fail(const std::string& path, const std::string& problem) {
    if (error.empty()) error = path + ": " + problem;
    return false;
  }

  const json* field(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
  }

  bool string(const json& obj, const std::string& path, const char* key, std::string& out,
              bool required) {
    const json* v = field(obj, key);
    if (!v) return required ? fail(path + "." + key, "missing (expected string)") : true;
    if (!v->is_string()) return fail(path + "." + key, std::string("expected string, got ") + v->type_name());
    out = sanitize_utf8(v->get_ref<const std::string&>());
    return true;
  }

  bool integer(const json& obj, const std::string& path, const char* key, int& out, int lo, int hi) {
    const json* v = field(obj, key);
    if (!v) return true;
    if (!v->is_number_integer())
      return fail(path + "." + key, std::string("expected integer, got ") + v->type_name());
    auto n = v->get<int64_t>();
    if (n < lo || n > hi)
      return fail(path + "." + key, "expected " + std::to_string(lo) + ".." + std::to_string(hi) +
                                        ", got " + std::to_string(n));
    out = static_cast<int>(n);
    return true;
  }

  bool boolean(const json& obj, const std::string& path, const char* key, bool& out) {
    const json* v = field(obj, key);
    if (!v) return true;
    if (!v->is_boolean()) return fail(path + "." + key, std::string("expected boolean, got ") + v->type_name());
    out = v->get<bool>();
    return true;
  }

  bool site(const json& j, Site& s) {
    if (!j.is_object()) return fail("site", std::string("expected object, got ") + j.type_name());
    bool ok = string(j, "site", "title", s.title, false) &&
              string(j, "site", "description", s.description, false) &&
              string(j, "site", "author", s.author, false) &&
              string(j, "site", "url", s.url, false) &&
              string(j, "site", "base_path", s.base_path, false) &&
              string(j, "site", "language", s.language, false) &&
              integer(j, "site", "posts_per_page", s.posts_per_page, 1, 1000) &&
              string(j, "site", "date_format", s.date_format, false) &&
              boolean(j, "site", "unsafe_html", s.unsafe_html) &&
              integer(j, "site", "feed_entries", s.feed_entries, 1, 1000);
    if (!ok) return false;
    if (!valid_base_path(s.base_path))
      return fail("site.base_path", "expected a path starting and ending with '/', got \"" + s.base_path + "\"");
    while (!s.url.empty() && s.url.back() == '/') s.url.pop_back();
    return true;
  }

  bool post(const json& j, const std::string& path, Post& p) {
    if (!j.is_object()) return fail(path, std::string("expected object, got ") + j.type_name());
    if (!string(j, path, "slug", p.slug, true) || !string(j, path, "title", p.title, true) ||
        !string(j, path, "date", p.date, true) || !string(j, path, "updated", p.updated, false) ||
        !string(j, path, "summary", p.summary, false))
      return false;
    if (!valid_slug(p.slug))
      return fail(path + ".slug", "expected letters, digits, '-', '_' or '.', got \"" + p.slug + "\"");
    if (p.title.empty()) return fail(path + ".title", "must not be empty");
    auto when = parse_date(p.date);
    if (!when) return fail(path + ".date", std::string("expected ") + kDateExpectation + ", got \"" + p.date + "\"");
    p.when = *when;
    if (!p.updated.empty() && !parse_date(p.updated))
      return fail(path + ".updated", std::string("expected ") + kDateExpectation + ", got \"" + p.updated + "\"");
    if (const json* body = field(j, "body")) {
      if (!body->is_string()) return fail(path + ".body", std::string("expected string, got ") + body->type_name());
      p.body = sanitize_utf8(body->get_ref<const std::string&>());
      p.has_body = true;
    }
    if (const json* tags = field(j, "tags")) {
      if (!tags->is_array()) return fail(path + ".tags", std::string("expected array, got ") + tags->type_name());
      for (size_t i = 0; i < tags->size(); ++i) {
        const json& t = (*tags)[i];
        std::string tpath = path + ".tags[" + std::to_string(i) + "]";
        if (!t.is_string()) return fail(tpath, std::string("expected string, got ") + t.type_name());
        std::string tag = sanitize_utf8(t.get_ref<const std::string&>());
        if (tag_slug(tag).empty()) return fail(tpath, "expected a tag with a letter or digit, got \"" + tag + "\"");
        if (std::find(p.tags.begin(), p.tags.end(), tag) == p.tags.end()) p.tags.push_back(tag);
      }
    }
    if (const json* params = field(j, "params")) {
      if (!params->is_object()) return fail(path + ".params", std::string("expected object, got ") + params->type_name());
      p.params_json = params->dump(-1, ' ', false, json::error_handler_t::replace);
    }
    return true;
  }
};

}  // namespace

std::string tag_slug(std::string_view tag) {
  std::string spelled;
  for (char c : tag) {
    if (c == '+') spelled += " plus ";
    else if (c == '#') spelled += " sharp ";
    else spelled += c;
  }
  return slugify(spelled);
}

bool valid_slug(std::string_view slug) {
  if (slug.empty() || slug.size() > 200 || slug == "." || slug == "..") return false;
  for (char c : slug) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

bool valid_base_path(std::string_view p) {
  if (p.empty() || p.front() != '/' || p.back() != '/') return false;
  if (p.find("//") != std::string_view::npos) return false;
  for (char c : p)
    if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' ||
        c == '?' || c == '#')
      return false;
  return true;
}

LoadResult load_bundle(std::string_view bytes) {
  LoadResult r;
  auto fail = [&r](const char* code, std::string message) {
    r.ok = false;
    r.code = code;
    r.message = std::move(message);
    r.bundle = Bundle{};
    return std::move(r);
  };
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  json doc = json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (doc.is_discarded()) {
    // Re-run with a SAX parser that records where parsing stopped.
    struct Where : nlohmann::json_sax<json> {
      std::size_t position = 0;
      std::string what;
      bool null() override { return true; }
      bool boolean(bool) override { return true; }
      bool number_integer(number_integer_t) override { return true; }
      bool number_unsigned(number_unsigned_t) override { return true; }
      bool number_float(number_float_t, const string_t&) override { return true; }
      bool string(string_t&) override { return true; }
      bool binary(binary_t&) override { return true; }
      bool start_object(std::size_t) override { return true; }
      bool key(string_t&) override { return true; }
      bool end_object() override { return true; }
      bool start_array(std::size_t) override { return true; }
      bool end_array() override { return true; }
      bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& e) override {
        position = pos;
        // "[json.exception.parse_error.101] parse error at line 1, column 9:
        // syntax error while parsing value - invalid literal; last read: 'x'"
        std::string_view w = e.what();
        size_t dash = w.find(" - ");
        if (dash != std::string_view::npos) w.remove_prefix(dash + 3);
        what = sanitize_utf8(w.substr(0, 200));
        return false;
      }
    } where;
    json::sax_parse(bytes.begin(), bytes.end(), &where, nlohmann::detail::input_format_t::json, false);
    return fail("parse", "not valid JSON (syntax error at byte " + std::to_string(where.position) +
                             (where.what.empty() ? "" : ": " + where.what) + ")");
  }
  if (!doc.is_object()) return fail("format", std::string("expected a JSON object, got ") + doc.type_name());
  auto format = doc.find("format");
  if (format == doc.end() || !format->is_string() || format->get_ref<const std::string&>() != "quire-bundle")
    return fail("format", "format: expected \"quire-bundle\" (is this a Quire bundle?)");
  auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer())
    return fail("schema", "version: expected integer");
  int64_t v = version->get<int64_t>();
  if (v > kBundleVersion)
    return fail("version", "version: bundle version " + std::to_string(v) +
                               " is newer than this Quire supports (" + std::to_string(kBundleVersion) +
                               "); upgrade Quire");
  if (v < 1) return fail("version", "version: expected 1, got " + std::to_string(v));

  Reader reader;
  Bundle& b = r.bundle;
  auto site = doc.find("site");
  if (site == doc.end()) return fail("schema", "site: missing (expected object)");
  if (!reader.site(*site, b.site)) return fail("schema", reader.error);
  auto posts = doc.find("posts");
  if (posts == doc.end()) return fail("schema", "posts: missing (expected array)");
  if (!posts->is_array()) return fail("schema", std::string("posts: expected array, got ") + posts->type_name());
  b.posts.resize(posts->size());
  std::map<std::string_view, size_t> seen;
  for (size_t i = 0; i < posts->size(); ++i) {
    std::string path = "posts[" + std::to_string(i) + "]";
    if (!reader.post((*posts)[i], path, b.posts[i])) return fail("schema", reader.error);
    auto [it, fresh] = seen.emplace(b.posts[i].slug, i);
    if (!fresh)
      return fail("schema", path + ".slug: duplicate \"" + b.posts[i].slug + "\" (also posts[" +
                                std::to_string(it->second) + "])");
  }
  b.index();
  r.ok = true;
  return r;
}

void Bundle::index() {
  std::stable_sort(posts.begin(), posts.end(), [](const Post& a, const Post& b) {
    return a.when.epoch_seconds() > b.when.epoch_seconds();
  });
  tags.clear();
  months.clear();
  std::map<std::string, size_t> tag_at;  // slug -> index in tags
  for (size_t i = 0; i < posts.size(); ++i) {
    for (const std::string& t : posts[i].tags) {
      std::string s = tag_slug(t);
      auto [it, fresh] = tag_at.emplace(s, tags.size());
      if (fresh) tags.push_back(TagInfo{t, s, {}});
      auto& list = tags[it->second].posts;
      if (list.empty() || list.back() != i) list.push_back(i);
    }
    const DateTime& w = posts[i].when;
    if (months.empty() || months.back().year != w.year || months.back().month != w.month) {
      // Posts are sorted by instant; a month seen before (offsets) is merged.
      auto m = std::find_if(months.begin(), months.end(),
                            [&](const MonthInfo& x) { return x.year == w.year && x.month == w.month; });
      if (m == months.end()) {
        months.push_back(MonthInfo{w.year, w.month, {i}});
        continue;
      }
      m->posts.push_back(i);
      continue;
    }
    months.back().posts.push_back(i);
  }
  std::sort(tags.begin(), tags.end(), [](const TagInfo& a, const TagInfo& b) { return a.slug < b.slug; });
  by_slug.resize(posts.size());
  for (size_t i = 0; i < posts.size(); ++i) by_slug[i] = i;
  std::sort(by_slug.begin(), by_slug.end(), [this](size_t a, size_t b) { return posts[a].slug < posts[b].slug; });
  std::stable_sort(months.begin(), months.end(), [](const MonthInfo& a, const MonthInfo& b) {
    return a.year != b.year ? a.year > b.year : a.month > b.month;
  });
}

const Post* Bundle::find_post(std::string_view slug) const {
  if (by_slug.size() != posts.size()) {  // not indexed (yet)
    for (const Post& p : posts)
      if (p.slug == slug) return &p;
    return nullptr;
  }
  auto it = std::lower_bound(by_slug.begin(), by_slug.end(), slug,
                             [this](size_t i, std::string_view s) { return posts[i].slug < s; });
  return it != by_slug.end() && posts[*it].slug == slug ? &posts[*it] : nullptr;
}

const TagInfo* Bundle::find_tag(std::string_view slug) const {
  auto it = std::lower_bound(tags.begin(), tags.end(), slug,
                             [](const TagInfo& t, std::string_view s) { return t.slug < s; });
  return it != tags.end() && it->slug == slug ? &*it : nullptr;
}

const MonthInfo* Bundle::find_month(int year, int month) const {
  for (const MonthInfo& m : months)
    if (m.year == year && m.month == month) return &m;
  return nullptr;
}

std::string write_bundle_json(const Bundle& b) {
  json site = {{"title", b.site.title},
               {"description", b.site.description},
               {"author", b.site.author},
               {"url", b.site.url},
               {"base_path", b.site.base_path},
               {"language", b.site.language},
               {"posts_per_page", b.site.posts_per_page},
               {"date_format", b.site.date_format},
               {"unsafe_html", b.site.unsafe_html},
               {"feed_entries", b.site.feed_entries}};
  json posts = json::array();
  for (const Post& p : b.posts) {
    json j = {{"slug", p.slug}, {"title", p.title}, {"date", p.date}, {"tags", p.tags},
              {"summary", p.summary}};
    if (!p.updated.empty()) j["updated"] = p.updated;
    if (p.has_body) j["body"] = p.body;
    if (!p.params_json.empty()) {
      json params = json::parse(p.params_json, nullptr, false);
      if (params.is_object()) j["params"] = std::move(params);
    }
    posts.push_back(std::move(j));
  }
  json doc = {{"format", "quire-bundle"}, {"version", kBundleVersion}, {"site", std::move(site)},
              {"posts", std::move(posts)}};
  return doc.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace quire
