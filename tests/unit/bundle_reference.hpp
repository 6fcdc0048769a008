// The bundle loader as it was first written, on nlohmann-json's DOM: a
// reference for tests only (the product's loader, src/core/bundle.cpp,
// streams without a JSON library). Both must accept and refuse the same
// documents, with the same bundle or the same schema error.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/bundle.hpp"
#include "core/html.hpp"

namespace reference {

using json = nlohmann::json;
using namespace quire;

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

  template <class Out>  // std::string or Text
  bool string(const json& obj, const std::string& path, const char* key, Out& out, bool required) {
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
      return fail("site.base_path", std::string("expected ") + kBasePathExpectation + ", got \"" + s.base_path + "\"");
    if (!valid_site_url(s.url))
      return fail("site.url", "expected an absolute http(s) URL like https://example.com, or none, got \"" + s.url + "\"");
    while (!s.url.empty() && s.url.back() == '/') s.url.pop_back();
    return true;
  }

  bool post(const json& j, const std::string& path, Post& p) {
    if (!j.is_object()) return fail(path, std::string("expected object, got ") + j.type_name());
    std::string summary;
    if (!string(j, path, "slug", p.slug, true) || !string(j, path, "title", p.title, true) ||
        !string(j, path, "date", p.date, true) || !string(j, path, "updated", p.updated, false) ||
        !string(j, path, "summary", summary, false))
      return false;
    p.summary = summary;
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
        if (std::none_of(p.tags.begin(), p.tags.end(), [&](const Text& kept) { return tag_slug(kept) == tag_slug(tag); }))
          p.tags.push_back(tag);
      }
    }
    if (const json* authors = field(j, "authors")) {
      if (!authors->is_array())
        return fail(path + ".authors", std::string("expected array, got ") + authors->type_name());
      for (size_t i = 0; i < authors->size(); ++i) {
        const json& a = (*authors)[i];
        if (!a.is_string())
          return fail(path + ".authors[" + std::to_string(i) + "]", std::string("expected string, got ") + a.type_name());
        p.authors.push_back(sanitize_utf8(a.get_ref<const std::string&>()));
      }
    }
    if (const json* params = field(j, "params")) {
      if (!params->is_object()) return fail(path + ".params", std::string("expected object, got ") + params->type_name());
      p.params_json = params->dump(-1, ' ', false, json::error_handler_t::replace);
    }
    if (field(j, "chunk") && chunks == 0)
      return fail(path + ".chunk", "refers to a chunk, but the bundle has no \"chunks\"");
    if (!integer(j, path, "chunk", p.chunk, 0, static_cast<int>(chunks) - 1) ||
        !integer(j, path, "minutes", p.minutes, 1, 100000))
      return false;
    return true;
  }

  bool chunk_list(const json& j, std::vector<std::string>& out) {
    if (!j.is_array()) return fail("chunks", std::string("expected array, got ") + j.type_name());
    for (size_t i = 0; i < j.size(); ++i) {
      std::string cpath = "chunks[" + std::to_string(i) + "]";
      if (!j[i].is_string()) return fail(cpath, std::string("expected string, got ") + j[i].type_name());
      const std::string& c = j[i].get_ref<const std::string&>();
      if (!valid_chunk_path(c))
        return fail(cpath, "expected a relative path of letters, digits, '-', '_', '.' and '/', got \"" +
                               sanitize_utf8(c) + "\"");
      out.push_back(c);
    }
    chunks = out.size();
    return true;
  }

  size_t chunks = 0;  // how many the bundle lists
};

inline LoadResult load_bundle(std::string_view bytes) {
  LoadResult r;
  auto fail = [&r](const char* code, std::string message) {
    r.ok = false;
    r.code = code;
    r.message = std::move(message);
    r.bundle = Bundle{};
    return std::move(r);
  };
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  // nlohmann-json's lexer reads a NUL byte as the end of the input (a valid
  // document, NUL, garbage: accepted). JSON has no place for one (inside a
  // string it must be escaped), so a NUL anywhere is a syntax error.
  if (const size_t nul = bytes.find('\0'); nul != std::string_view::npos)
    return fail("parse", "not valid JSON (syntax error at byte " + std::to_string(nul) + ": a NUL byte)");
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
  // The sharded form (version 2's "index", "shards", "slugs") is not
  // modelled here: such a bundle gets the code "unmodelled" and callers
  // compare nothing. Version 1 does not define these keys: skipped.
  if (v >= 2 && (doc.contains("index") || doc.contains("shards") || doc.contains("slugs")))
    return fail("unmodelled", "the sharded form is not modelled by the reference");

  Reader reader;
  Bundle& b = r.bundle;
  auto site = doc.find("site");
  if (site == doc.end()) return fail("schema", "site: missing (expected object)");
  if (!reader.site(*site, b.site)) return fail("schema", reader.error);
  auto chunks = doc.find("chunks");
  if (chunks != doc.end() && !chunks->is_null() && !reader.chunk_list(*chunks, b.chunks))
    return fail("schema", reader.error);
  auto search = doc.find("search");  // the search index's boundary file
  if (search != doc.end()) {
    if (!search->is_string()) return fail("schema", std::string("search: expected string, got ") + search->type_name());
    const std::string& s = search->get_ref<const std::string&>();
    if (!valid_chunk_path(s)) return fail("schema", "search: expected a relative path, got \"" + sanitize_utf8(s) + "\"");
    b.search = s;
  }
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


}  // namespace reference
