#include "build/post_keys.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <nlohmann/json.hpp>

#include "build/file_dates.hpp"
#include "build/post_dates.hpp"
#include "build/url_keys.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"

namespace quire {
namespace {

using json = nlohmann::json;

// Keys read here (and the hints' candidates).
const char* const kPostKeys[] = {"title", "date", "updated", "lastmod", "last_modified_at", "tags", "categories",
                                 "summary", "description", "excerpt", "slug", "draft", "published", "author", "category",
                                 "authors", "image", "images", "taxonomies", "toc", "math",
                                 // read by url_keys.hpp
                                 "permalink", "aliases", "redirect_from"};

json to_json(const FrontValue& v) {
  switch (v.kind) {
    case FrontValue::Kind::Scalar: return sanitize_utf8(v.text);
    case FrontValue::Kind::List: {
      json a = json::array();
      for (const FrontValue& item : v.items) a.push_back(to_json(item));
      return a;
    }
    case FrontValue::Kind::Map: {
      json o = json::object();
      for (const FrontValue::Entry& e : v.entries) o[sanitize_utf8(e.key)] = to_json(e.value);
      return o;
    }
    default: return nullptr;
  }
}

struct Reader {
  const std::string& file;
  const std::string& zone;
  std::vector<Diagnostic>& errors;
  std::vector<Diagnostic>& warnings;

  void error(int line, std::string msg) { errors.push_back({file, line, std::move(msg)}); }

  // A single text value; an empty one is reported at the key's line.
  bool scalar(const FrontValue::Entry& e, std::string& out) {
    const FrontValue& v = e.value;
    if (v.is_null()) {
      if (v.line == e.line)
        error(e.line, e.key + ": no value (YAML reads ~ and null, in any case, as none; quote the word if you mean it)");
      else
        error(e.line, e.key + ": empty (write its value after \"" + e.key + ":\")");
      return false;
    }
    if (!v.is_scalar()) {
      error(v.line, e.key + ": expected a single value (text), got a " + v.kind_name());
      return false;
    }
    out = sanitize_utf8(v.text);
    return true;
  }
  bool boolean(const FrontValue::Entry& e, bool& out) {
    std::string s;
    if (!scalar(e, s)) return false;
    if (s == "true" || s == "yes" || s == "on" || s == "True" || s == "TRUE") { out = true; return true; }
    if (s == "false" || s == "no" || s == "off" || s == "False" || s == "FALSE") { out = false; return true; }
    error(e.value.line, e.key + ": expected true or false, got \"" + s + "\"");
    return false;
  }
  bool date(const FrontValue::Entry& e, Text& out) {
    std::string s, problem;
    if (!scalar(e, s)) return false;
    if (is_file_date_keyword(s)) {  // Eleventy's "Created", "git Last Modified"...: file_dates.hpp
      const std::optional<FileDate> d = file_date(s, file);
      if (!d) {
        error(e.value.line, e.key + ": " + s + ": cannot read the file's times");
        return false;
      }
      if (!d->stable)
        warnings.push_back({file, e.value.line, e.key + ": " + s + " gives " + d->iso + " (" + d->source +
                                                    "), which changes when the file is copied or checked out again: "
                                                    "write the date"});
      s = d->iso;
    }
    std::optional<std::string> d = normalize_post_date(s, zone, problem);
    if (!d) {
      error(e.value.line, e.key + ": " + problem);
      return false;
    }
    out = *d;
    return true;
  }
  // Words: a list of texts, or one text of words separated by spaces
  // (Jekyll's "tags: ruby rails"). Each with its line.
  void words(const FrontValue::Entry& e, const FrontValue& v, std::vector<std::pair<std::string, int>>& out) {
    if (v.is_null()) return;
    if (v.is_scalar()) {
      size_t at = 0;
      const std::string s = sanitize_utf8(v.text);
      while ((at = s.find_first_not_of(" \t", at)) != std::string::npos) {
        size_t end = std::min(s.size(), s.find_first_of(" \t", at));
        out.push_back({s.substr(at, end - at), v.line});
        at = end;
      }
    } else if (v.is_list()) {
      for (const FrontValue& t : v.items) {
        if (!t.is_scalar()) {
          error(t.line, e.key + ": expected a list of words, got a nested " + std::string(t.kind_name()));
          continue;
        }
        out.push_back({sanitize_utf8(t.text), t.line});
      }
    } else {
      error(v.line, e.key + ": expected a list like [guide, markdown]");
    }
  }
  // A person: text, or a map with name.
  bool person(const std::string& key, const FrontValue& v, std::vector<Text>& out) {
    if (v.is_scalar() && !v.text.empty()) {
      out.push_back(sanitize_utf8(v.text));
      return true;
    }
    if (v.is_scalar()) {  // authors = [""], a theme's placeholder: nobody to name
      warnings.push_back({file, v.line, key + ": an empty name; left out"});
      return true;
    }
    if (v.is_map()) {
      const FrontValue* name = v.find("name");
      if (name && name->is_scalar() && !name->text.empty()) {
        out.push_back(sanitize_utf8(name->text));
        return true;
      }
    }
    error(v.line, key + ": expected a name, or a map with name:, got a " + std::string(v.kind_name()));
    return false;
  }
  // An image: text, or a map with path, src, url or feature.
  bool image(const std::string& key, const FrontValue& v, std::string& out) {
    if (v.is_scalar()) {
      out = sanitize_utf8(v.text);
      return true;
    }
    if (v.is_map())
      for (const char* k : {"path", "src", "url", "feature"})
        if (const FrontValue* p = v.find(k); p && p->is_scalar()) {
          out = sanitize_utf8(p->text);
          return true;
        }
    if (v.is_map()) {  // Wowchemy's {caption, focal_point}: it names no image (its image is featured.*)
      warnings.push_back({file, v.line, key + ": a map with no path:, src:, url: or feature: names no image; no image"});
      return false;
    }
    error(v.line, key + ": expected an image path or URL, or a map with path:, src:, url: or feature:, got a " +
                      std::string(v.kind_name()));
    return false;
  }
};

}  // namespace

size_t edit_distance(std::string_view a, std::string_view b) {
  // Optimal string alignment: Levenshtein plus a swap of two neighbours as
  // one edit ("titel" is one from "title").
  std::vector<std::vector<size_t>> d(a.size() + 1, std::vector<size_t>(b.size() + 1));
  for (size_t i = 0; i <= a.size(); ++i) d[i][0] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[0][j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  return d[a.size()][b.size()];
}

void read_post_keys(const FrontValue& root, const std::string& file, const std::string& zone, ParsedPost& r,
                    PostKeysRead& read, std::vector<Diagnostic>& errors, std::vector<Diagnostic>& warnings) {
  Reader rd{file, zone, errors, warnings};
  Post& p = r.post;
  json params = json::object();
  std::map<std::string, int> key_lines;
  std::vector<std::pair<std::string, int>> tags, categories;
  std::string summary, description, excerpt, image;
  bool has_updated_key = false;
  for (const FrontValue::Entry& e : root.entries) {
    const std::string& key = e.key;
    const FrontValue& v = e.value;
    auto [seen, fresh] = key_lines.emplace(key, e.line);
    if (!fresh) {
      rd.error(e.line, "\"" + key + "\" given twice (first on line " + std::to_string(seen->second) + ")");
      continue;
    }
    if (key == "permalink" && v.is_scalar() && v.text == "false") {  // Eleventy: not published
      r.draft = true;
      warnings.push_back({file, e.line, "permalink: false (Eleventy writes no page for it): kept out like a draft"});
      continue;
    }
    if (key == "permalink" && v.is_scalar() &&
        (v.text.find("{{") != std::string::npos || v.text.find("{%") != std::string::npos)) {
      warnings.push_back({file, e.line, "permalink: \"" + sanitize_utf8(v.text) +
                                            "\" is a template of the old engine; left out (the site's pattern "
                                            "places the post; write its path, or add its old URL to aliases:)"});
      continue;
    }
    if (read_post_url_key(e, file, p, errors)) continue;  // permalink, aliases, redirect_from: url_keys.hpp
    if (key == "title") {
      read.has_title = true;
      std::string t;
      if (rd.scalar(e, t)) {
        p.title = t;
        if (t.empty()) rd.error(v.line, "title: must not be empty");
      }
    } else if (key == "date") {
      read.has_date = true;
      if (rd.date(e, p.date)) p.when = *parse_date(p.date);
    } else if (key == "updated" || key == "lastmod" || key == "last_modified_at") {
      Text t;
      if (rd.date(e, t) && (!has_updated_key || key == "updated")) p.updated = t.str();
      has_updated_key = true;
    } else if (key == "slug") {
      r.slug_line = e.line;
      std::string s;
      if (rd.scalar(e, s)) {
        p.slug = s;
        if (!valid_slug(s)) rd.error(v.line, "slug: expected letters, digits, '-', '_' or '.', got \"" + s + "\"");
      }
    } else if (key == "summary") {
      rd.scalar(e, summary);
    } else if (key == "description") {
      rd.scalar(e, description);
    } else if (key == "excerpt") {
      rd.scalar(e, excerpt);
    } else if (key == "draft") {
      rd.boolean(e, r.draft);
    } else if (key == "toc" || key == "math") {  // core/toc.hpp, core/math.hpp: kept in params
      bool on = false;
      if (rd.boolean(e, on)) params[key] = on;
    } else if (key == "published") {  // Jekyll: published: false keeps a post out
      bool published = true;
      if (rd.boolean(e, published) && !published) r.draft = true;
    } else if (key == "tags") {
      rd.words(e, v, tags);
    } else if (key == "categories" || key == "category") {  // Jekyll reads both
      rd.words(e, v, categories);
    } else if (key == "taxonomies") {  // Zola: [taxonomies] tags = [...], categories = [...]
      if (!v.is_map()) {
        rd.error(v.line, "taxonomies: expected a table like [taxonomies] with tags = [...]");
        continue;
      }
      json others = json::object();
      for (const FrontValue::Entry& t : v.entries) {
        if (t.key == "tags") rd.words(t, t.value, tags);
        else if (t.key == "categories") rd.words(t, t.value, categories);
        else others[t.key] = to_json(t.value);
      }
      if (!others.empty()) params["taxonomies"] = std::move(others);
    } else if (key == "author" || key == "authors") {
      if (v.is_list()) {
        for (const FrontValue& a : v.items) rd.person(key, a, p.authors);
      } else if (!v.is_null()) {
        rd.person(key, v, p.authors);
      }
    } else if (key == "image") {
      std::string s;
      if (rd.image(key, v, s)) image = s;
    } else if (key == "images") {
      if (v.is_list()) {
        if (!v.items.empty()) {
          std::string s;
          if (rd.image(key, v.items[0], s) && image.empty()) image = s;
        }
      } else {
        std::string s;
        if (rd.image(key, v, s) && image.empty()) image = s;
      }
    } else {
      params[sanitize_utf8(key)] = to_json(v);  // unknown keys are kept, not fatal
      // A typo is a hint's worth; another engine's or theme's own key near a
      // short one ("math", "name" for "date") is not: the edits must change
      // less than half the key.
      for (const char* known : kPostKeys)
        if (const size_t d = edit_distance(key, known); d <= 2 && key.size() > 2 && 2 * d < key.size()) {
          warnings.push_back({file, e.line, "unknown key \"" + key + "\" kept in params (did you mean \"" +
                                                std::string(known) + "\"?)"});
          break;
        }
    }
  }
  // One tag per tag page: "C++" after "c++" is the same tag, kept as first
  // spelled; the same for categories (which parse_post merges into the tags
  // unless the site keeps them apart: build/taxonomies.hpp).
  for (const auto* list : {&tags, &categories}) {
    std::set<std::string> slugs;
    for (const auto& [name, line] : *list) {
      if (slugify(name).empty()) {
        rd.error(line, std::string(list == &tags ? "tags" : "categories") + ": \"" + name +
                           "\" needs at least one letter or digit");
        continue;
      }
      if (!slugs.insert(tag_slug(name)).second) continue;
      if (list == &tags) p.tags.push_back(name);
      else p.categories.push_back(name);
    }
  }
  // The meta description: page.cpp takes params.description when the post
  // has a summary of its own, else the summary's text.
  if (!summary.empty() && !description.empty()) params["description"] = description;
  if (summary.empty()) summary = !description.empty() ? description : excerpt;
  if (!summary.empty()) p.summary = std::move(summary);
  if (!image.empty()) params["image"] = image;  // what page.cpp's post_image reads
  if (!params.empty()) p.params_json = params.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace quire
