// What the engines share beyond front matter and tags: URLs of posts, the
// content folders of Hugo and Zola, walking and copying files, writing
// the result.
#include "build/import/common.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>
#include <map>
#include <regex>
#include <set>
#include <toml++/toml.h>

#include "build/fsutil.hpp"
#include "build/import/template_syntax.hpp"
#include "build/post_dates.hpp"
#include "build/transliterate.hpp"
#include "build/url_attributes.hpp"
#include "build/url_keys.hpp"
#include "core/bundle.hpp"
#include "core/dates.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/permalink.hpp"
#include "core/sanitize.hpp"

namespace quire::import {

namespace {
// A link's path resolved from the page at `url`; an address without its
// trailing '/' (below, with bundle_links).
std::string resolved(const std::string& url, const std::string& path);
std::string unslashed(std::string url);

}  // namespace

std::string jekyll_url(std::string_view pattern, const std::vector<std::pair<std::string, std::string>>& values) {
  std::string url(pattern);
  for (const auto& [key, value] : values)
    for (size_t at = url.find(key); at != std::string::npos; at = url.find(key, at + value.size())) url.replace(at, key.size(), value);
  std::string clean = "/";
  for (char c : url)
    if (c != '/' || clean.back() != '/') clean += c;
  return clean;
}

std::string hugo_path(const std::string& name) {
  // Hugo's MakePathSanitized (UnicodeSanitize, then lower case): letters,
  // digits, marks and ._-+~#/\@ stay, %XX too; a run of spaces is one '-',
  // none after a '-' (rtdevx's "SRE & IaC" was sre-iac, chr1sc2y's
  // "C++ coroutine - function" c++-coroutine-function); the rest goes
  // (？：（）・、 in a Japanese file name: mr110825's Blowfish blog).
  std::string out;
  bool prepend = false, was_hyphen = false;
  for (size_t i = 0; i < name.size();) {
    const unsigned char u = static_cast<unsigned char>(name[i]);
    size_t length = 1;
    bool allowed = false, space = false;
    if (u >= 0x80) {
      const DecodedChar d = decode_utf8(name, i);
      length = std::max<size_t>(d.length, 1);
      allowed = d.valid && go_letter_digit_or_mark(d.cp);
      space = d.valid && (d.cp == 0xA0 || d.cp == 0x3000 || (d.cp >= 0x2000 && d.cp <= 0x200A));
    } else {
      allowed = std::isalnum(u) || std::strchr("._-+~#/\\@", u) != nullptr ||
                (u == '%' && i + 2 < name.size() && std::isxdigit(static_cast<unsigned char>(name[i + 1])) &&
                 std::isxdigit(static_cast<unsigned char>(name[i + 2])));
      space = u == ' ' || u == '\t' || u == '\n' || u == '\r';
    }
    if (allowed) {
      was_hyphen = u == '-';
      if (prepend && !was_hyphen) out += '-';
      prepend = false;
      for (size_t k = 0; k < length; ++k) out += static_cast<char>(u < 0x80 ? std::tolower(u) : name[i + k]);
    } else if (space && !out.empty() && !was_hyphen) {
      prepend = true;
    }
    i += length;
  }
  return out;
}

std::string Run::shown(const fs::path& p) const { return p.lexically_normal().string(); }

std::string quire_pattern(std::string pattern, const std::string& section) {
  // A sign no address can hold (claire-codes' "/blog/:year-:month-:day-:title/`",
  // a typo's backtick Hugo left out): left out too.
  pattern.erase(std::remove_if(pattern.begin(), pattern.end(), [](char c) { return c == '`' || c == '"' || c == '<' || c == '>' || c == '\\' || c == '^' || c == '|' || c == ' '; }),
                pattern.end());
  const std::pair<const char*, std::string> swaps[] = {
      {":output_ext", ".html"}, {":slugorcontentbasename", ":slugorfilename"}, {":contentbasename", ":slug"},
      {":sections", section}, {":section", section}};
  for (const auto& [from, to] : swaps)
    for (size_t at; (at = pattern.find(from)) != std::string::npos;) pattern.replace(at, std::strlen(from), to);
  if (!pattern.empty() && pattern[0] != '/') pattern.insert(0, "/");  // Hugo's "posts/:year/:slug" is from the root
  return pattern;
}

bool carry_pattern(Run& run, ojson& site, const std::string& pattern, const std::string& file) {
  if (const std::string why = permalink_problem(pattern); !why.empty()) {
    run.note(file, 0, "permalink \"" + pattern + "\": " + why +
                          "; not carried over: posts get /posts/<slug>/, give them permalink: or aliases: to keep "
                          "their old URLs");
    return false;
  }
  bool names_post = false;  // else every post, or a day's, would get one address
  for (const char* t : {":slug", ":title", ":filename", ":slugorfilename"})
    names_post = names_post || pattern.find(t) != std::string::npos;
  if (!names_post) {
    run.note(file, 0, "permalink \"" + pattern + "\" names no post (:title or :slug); not carried over: posts get "
                      "/posts/<slug>/, give them permalink: or aliases: to keep their old URLs");
    return false;
  }
  run.permalink = pattern;
  site["permalink"] = pattern;
  return true;
}

std::string expand_pattern(const Run& run, std::string_view pattern, const Item& item, const std::string& slug,
                           bool own_offset, const std::string* zone, const std::vector<std::string>* categories) {
  Post post;
  post.slug = Text(slug.empty() ? item.slug : slug);
  if (item.out.contains("date") && item.out["date"].is_string()) {
    const std::string written = item.out["date"].get<std::string>();
    std::string problem;
    const bool has_offset = written.size() > 19 && (written.back() == 'Z' || written[written.size() - 6] == '+' ||
                                                     written[written.size() - 6] == '-');
    const std::optional<std::string> placed =
        own_offset && has_offset ? std::optional<std::string>(written)
                                 : normalize_post_date(written, zone ? *zone : run.timezone, problem);
    if (std::optional<DateTime> d = parse_date(placed ? *placed : written)) post.when = *d;
  }
  return "/" + encode_path(expand_permalink(pattern, post, categories ? *categories : item.categories));
}

const Item* Run::find_file(std::string target) const {
  if (const Item* i = find(target)) return i;
  while (target.size() > 1 && target.back() == '/') target.pop_back();
  while (!target.empty() && (target[0] == '/' || target.rfind("./", 0) == 0)) target.erase(0, target[0] == '/' ? 1 : 2);
  if (const Item* i = find(target)) return i;
  const fs::path p(target);
  std::string stem = p.stem().string();
  const std::string ext = p.extension().string();
  if (ext != ".md" && ext != ".markdown" && ext != ".html" && ext != ".mdown") stem = p.filename().string();
  // By name; for Hugo, whose page index is case-insensitive, in any case
  // when no name is the same (rtdevx's ref "11-s3" to its 11-S3/ bundle).
  for (const bool any_case : {false, engine == Engine::hugo}) {
    const Item* found = nullptr;
    for (const Item& i : items) {
      const std::string name = i.bundle ? i.source.parent_path().filename().string() : i.source.stem().string();
      if (any_case ? ascii_lower(name) != ascii_lower(stem) : name != stem) continue;
      if (found) return nullptr;  // two of that name: say so rather than guess
      found = &i;
    }
    if (found || !any_case) {
      if (found) return found;
      continue;
    }
  }
  return nullptr;
}

const Item* Run::find_beside(const std::string& target, const Item& from) const {
  if (target.empty() || target[0] == '/') return nullptr;
  std::string path = (from.source.parent_path() / target).lexically_normal().string();
  while (path.size() > 1 && path.back() == '/') path.pop_back();
  // As Hugo's page index: case-insensitive, the extension optional.
  auto lower = [](std::string t) {
    for (char& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t;
  };
  const std::string wanted = lower(path);
  for (const Item& i : items) {
    const fs::path source = i.source.lexically_normal();
    fs::path bare = source;
    bare.replace_extension();
    if (lower(source.string()) == wanted || lower(bare.string()) == wanted ||
        (i.bundle && lower(source.parent_path().string()) == wanted))
      return &i;
  }
  return nullptr;
}

std::string Run::url_of(const Item& item) const {
  if (item.out.contains("permalink") && item.out["permalink"].is_string()) {
    const std::string own = item.out["permalink"].get<std::string>();
    if (!item.page && own.find(':') != std::string::npos) return expand_pattern(*this, own, item);  // /:year/:slug/
    return "/" + encode_path(normal_path(own, false));
  }
  if (item.page) return "/" + encode_path(item.slug + "/");
  return expand_pattern(*this, permalink.empty() ? kDefaultPermalink : permalink, item);
}

void collect_content_dir(Run& run, const fs::path& content,
                         const std::function<void(const fs::path&, const ojson&)>& section) {
  const std::vector<fs::path> files =
      files_under(run, content, [&](const fs::path& p) {
        if (p.filename().string()[0] == '.' || run.translation_dirs.count(p)) return true;
        for (const std::string& g : run.ignored_content)
          if (glob_match(g, fs::absolute(p).lexically_normal().generic_string())) return true;
        return false;
      });
  // A file's language suffix when the site declares it ("fr" of post.fr.md),
  // and its name without the default language's (post.en.md -> post).
  auto language = [&](const fs::path& f) -> std::string {
    const std::string stem = f.stem().string();
    const size_t dot = stem.rfind('.');
    if (dot == std::string::npos || !markdown_file(f)) return "";
    const std::string code = stem.substr(dot + 1);
    return run.languages.count(code) ? code : "";
  };
  auto translation = [&](const fs::path& f) {
    const std::string code = language(f);
    return !code.empty() && code != run.default_language;
  };
  auto stem_of = [&](const fs::path& f) {
    const std::string stem = f.stem().string();
    return language(f).empty() ? stem : stem.substr(0, stem.rfind('.'));
  };
  std::set<fs::path> bundle_dirs;
  // Hugo's leaf bundle may have its text in HTML (JeffersGlass's WordPress
  // export: content/post/x/index.html beside its images).
  std::set<fs::path> html_index;
  if (run.engine == Engine::hugo)
    for (const fs::path& f : files)
      if (f.filename() == "index.html" && plain_html_page(f, false)) html_index.insert(f);
  auto index_file = [&](const fs::path& f) { return stem_of(f) == "index" && (markdown_file(f) || html_index.count(f)); };
  // A bundle only in other languages (x/index.fr.md, no x/index.md): the
  // first language's, by code, is the post (as for x.fr.md below).
  std::set<fs::path> default_index_dirs;
  std::map<fs::path, fs::path> other_index;  // folder -> its first other language's index
  for (const fs::path& f : files)
    if (index_file(f) && !translation(f)) default_index_dirs.insert(f.parent_path());
  for (const std::string& code : run.languages)
    for (const fs::path& f : files)
      if (index_file(f) && translation(f) && language(f) == code && !default_index_dirs.count(f.parent_path()))
        other_index.emplace(f.parent_path(), f);
  auto is_index = [&](const fs::path& f) {
    if (!index_file(f)) return false;
    if (!translation(f)) return true;
    const auto at = other_index.find(f.parent_path());
    return at != other_index.end() && at->second == f;
  };
  for (const fs::path& f : files)
    if (is_index(f)) bundle_dirs.insert(f.parent_path());
  auto bundle_of = [&](const fs::path& f) -> fs::path {
    for (fs::path d = f.parent_path(); d != content && !d.empty() && d != d.parent_path(); d = d.parent_path())
      if (bundle_dirs.count(d)) return d;
    return {};
  };
  // Zola renders every markdown file with front matter as a page, one
  // beside a post's index.md too (wezm's page2.md): at its folder's
  // address, in no list.
  auto zola_page_file = [&](const fs::path& f) {
    std::string text;
    return run.engine == Engine::zola && markdown_file(f) && !is_index(f) && read_file(f, text) &&
           !split_front_matter(text).format.empty();
  };
  std::map<fs::path, size_t> bundle_item;
  // A post only in another language (ad2ien's x.fr.md with no x.md) is
  // no translation: imported, its old address under /fr/.
  const std::set<fs::path> file_set(files.begin(), files.end());
  auto only_version = [&](const fs::path& f) {
    const std::string base = stem_of(f);
    if (is_index(f)) return true;  // a bundle only in other languages
    if (base == "index" || base == "_index" || !bundle_of(f).empty()) return false;
    // The default language's, as x.md or x.<default>.md (jhanos's x.fr.md beside x.en.md, fr the default)
    if (file_set.count(f.parent_path() / (base + f.extension().string())) ||
        file_set.count(f.parent_path() / (base + "." + run.default_language + f.extension().string())))
      return false;
    // In several other languages and not the default's (x.fr.md, x.de.md):
    // the first language's, by code, is the post, the others its
    // translations.
    for (const std::string& code : run.languages) {
      const fs::path other = f.parent_path() / (base + "." + code + f.extension().string());
      if (file_set.count(other)) return other == f;
    }
    return true;
  };
  // A translation's own title and slug key, for its old address (Hugo's :title, :slug).
  auto note_translation_name = [&](const fs::path& original, const fs::path& f, const std::string& code) {
    std::string text, error;
    int line = 0;
    ojson front;
    if (run.engine != Engine::hugo || !read_file(f, text) || !parse_front(split_front_matter(text), front, error, line) || !front.is_object())
      return;
    auto value = [&](const char* key) {
      for (const auto& [k, v] : front.items())
        if (ascii_lower(k) == key && v.is_string()) return trim(v.get<std::string>());
      return std::string();
    };
    run.translation_names[original].push_back({code, value("title"), value("slug")});
  };
  for (const fs::path& f : files) {
    const fs::path rel = f.lexically_relative(content);
    const bool md = markdown_file(f);
    std::string only_language;
    if (!run.collecting_language.empty()) {
      // Another language's folder (Hugo's contentDir): a file the default
      // language's folder has at the same place is its translation, whose
      // address redirects to it; any other is imported, its old address
      // under /<code>/ (mosuke's English-only posts were left out).
      fs::path original = run.default_content / rel;
      std::error_code ec;
      // Or, with a translationKey, the default language's file of the same key.
      static const std::regex key_line(R"re((?:^|\n)\s*"?translationKey"?\s*[:=]\s*["']?([^"'\n]+?)["']?\s*(?:\n|$))re");
      std::string text;
      std::smatch k;
      // (in the front matter: a post about Hugo may show the key in its text)
      std::string front;
      if (md && !fs::exists(original, ec) && read_file(f, text) && std::regex_search(front = split_front_matter(text).front, k, key_line)) {
        if (!run.translation_keys) {
          run.translation_keys.emplace();
          for (const fs::path& g : files_under(run, run.default_content))
            if (std::string t, gf; markdown_file(g) && read_file(g, t))
              if (std::smatch gk; std::regex_search(gf = split_front_matter(t).front, gk, key_line))
                run.translation_keys->emplace(trim(gk[1].str()), g);
        }
        if (const auto found = run.translation_keys->find(trim(k[1].str())); found != run.translation_keys->end()) original = found->second;
      }
      if (fs::exists(original, ec)) {
        if (md) run.translated[original].push_back(run.collecting_language);
        if (md) note_translation_name(original, f, run.collecting_language);
        continue;
      }
      if (md && bundle_of(f).empty() && stem_of(f) != "_index")
        run.note(run.shown(f), 0, "only in " + run.collecting_language + " (no " + run.default_language +
                                      " version): imported as a post of the blog, its old address under /" +
                                      run.collecting_language + "/");
      only_language = run.collecting_language;
    } else if (translation(f)) {
      if (only_version(f)) {
        only_language = language(f);
        run.note(run.shown(f), 0, "only in " + only_language + " (no " + run.default_language +
                                      " version): imported as a post of the blog, its old address under /" + only_language + "/");
      } else {
        run.note(run.shown(f), 0, "a translation (" + language(f) + "): not imported, a Quire blog has one language (" +
                                      run.default_language + "); its address redirects to the original");
        // Its original: x.md or x.<default>.md beside it (x/index.md for a bundle's).
        const std::string base = stem_of(f), ext = f.extension().string();
        for (const fs::path& original : {f.parent_path() / (base + ext), f.parent_path() / (base + "." + run.default_language + ext)})
          if (file_set.count(original)) {
            run.translated[original].push_back(language(f));
            note_translation_name(original, f, language(f));
          }
        continue;
      }
    }
    const fs::path bundle = bundle_of(f);
    if (!bundle.empty() && !(is_index(f) && f.parent_path() == bundle)) {
      if (zola_page_file(f)) {
        Item item;
        item.source = f;
        item.shown = run.shown(f);
        item.page = true;
        item.bundle_page = true;
        std::string slug = zola_path_slug(stem_of(f), run.zola_slugify);
        if (slug.empty()) slug = stem_of(f);
        item.name = bundle.filename().string() + "-" + slug + ".md";
        item.page_url = "/" + rel.parent_path().generic_string() + "/" + slug + "/";
        item.keys = {rel.generic_string(), "/" + rel.generic_string(), item.page_url};
        run.count("a page beside a post's index.md (a page at the address Zola gave it)");
        run.items.push_back(item);
      }
      continue;  // a bundle's file: taken with its index.md below
    }
    if (md && stem_of(f) == "_index") {
      run.section_lists.insert(rel.parent_path().generic_string());
      std::string text;
      read_file(f, text);
      SourceDoc doc = split_front_matter(text);
      ojson front;
      std::string error;
      int line = 0;
      parse_front(doc, front, error, line);
      section(rel.parent_path(), front);
      if (doc.body.find_first_not_of(" \n\t") == std::string::npos) continue;
      // A section with text and no posts under it (Hugo's branch bundle
      // "Work with me", Zola's section used as a page): a page at the
      // section's address. With posts, its text introduced their list.
      const std::string dir = f.parent_path().string() + "/";
      const bool lists_posts = std::any_of(files.begin(), files.end(), [&](const fs::path& g) {
        return g != f && markdown_file(g) && g.string().rfind(dir, 0) == 0 && !translation(g);
      });
      if (rel.parent_path().empty() || lists_posts) {
        run.note(run.shown(f), doc.body_line, "a section's list page with text of its own: not converted (Quire lists posts itself)");
        continue;
      }
      Item item;
      item.source = f;
      item.shown = run.shown(f);
      item.page = true;
      const std::string base = rel.parent_path().filename().string();
      item.name = base + ".md";
      item.page_url = "/" + rel.parent_path().generic_string() + "/";
      if (run.engine == Engine::hugo) item.page_url = hugo_path(item.page_url);
      item.keys = {rel.generic_string(), "/" + rel.generic_string(), rel.parent_path().generic_string(), item.page_url};
      run.count("a section's page with text and no posts (as a page at its address)");
      run.items.push_back(item);
      continue;
    }
    if (!md && !plain_html_page(f, run.engine != Engine::hugo)) {
      std::string text;
      const std::string kind = other_content_kind(f);
      if (!kind.empty() && read_file(f, text) && !split_front_matter(text).format.empty()) {
        // A page the old engine rendered (Hugo's .html, .adoc, .org...):
        // not a file to publish as it is, front matter and all.
        run.note(run.shown(f), 1, "a " + kind + " content file: Quire reads markdown only; not converted, rewrite it as .md");
        continue;
      }
      copy_tree(run, f, run.dest / "static" / rel, run.report.static_files);
      continue;
    }
    Item item;
    item.source = f;
    item.shown = run.shown(f);
    if (!only_language.empty()) item.old_url_prefix = "/" + only_language;
    const bool is_bundle = is_index(f);
    const fs::path where = is_bundle ? rel.parent_path() : rel;  // posts/x or posts/x.md
    item.page = where.parent_path().empty();
    item.bundle = is_bundle;
    const std::string base = is_bundle ? where.filename().string() : stem_of(f);
    item.name = is_bundle ? base : base + ".md";
    const std::string stem_path = (where.parent_path() / base).generic_string();
    item.keys = {rel.generic_string(), "/" + rel.generic_string(), stem_path, "/" + stem_path, base, base + ".md",
                 stem_path + ".md", "/" + stem_path + ".md"};  // posts/x.en.md is also posts/x.md
    if (is_bundle) {  // posts/x/index.en.md is also posts/x/index.md
      item.keys.push_back((where / "index.md").generic_string());
      item.keys.push_back("/" + (where / "index.md").generic_string());
    }
    if (!item.page) {
      item.section = where.parent_path().generic_string();
      // Zola drops a leading date from the name; Hugo keeps it.
      item.old_name = run.engine == Engine::zola && !run.zola_keep_dates ? file_slug(base + ".md") : base;
      if (run.engine == Engine::hugo) item.old_name = hugo_path(item.old_name);
      // Zola slugifies them ([slugify] paths = "on"): "My Café" -> "my-cafe",
      // "third_post" -> "third-post".
      if (run.engine == Engine::zola) {
        const std::string z = zola_path_slug(item.old_name, run.zola_slugify);
        if (!z.empty()) item.old_name = z;
      }
    }
    if (is_bundle) {
      for (const fs::path& g : files)
        if (g != f && g.string().rfind(f.parent_path().string() + "/", 0) == 0 && !translation(g) && !zola_page_file(g))
          item.bundle_files.push_back(g);
    }
    run.items.push_back(item);
  }
}

HugoBuild hugo_build(const ojson& in) {
  HugoBuild out;
  // YAML's scalars arrive as text ("false"), TOML's as booleans.
  auto is = [](const ojson& v, bool b, const char* word) {
    return (v.is_boolean() && v.get<bool>() == b) || (v.is_string() && v.get<std::string>() == word);
  };
  auto off = [&](const ojson& v, const char* never) {  // "never", or false as Hugo's first form had it
    return is(v, false, "false") || (v.is_string() && v.get<std::string>() == never);
  };
  if (in.contains("headless") && is(in["headless"], true, "true")) {
    out.render = out.list = false;
    out.headless = true;
  }
  for (const char* key : {"build", "_build"}) {
    if (!in.contains(key) || !in[key].is_object()) continue;
    const ojson& b = in[key];
    for (const auto& [k, v] : b.items()) {
      const std::string name = ascii_lower(k);  // TOML's keys as written: Render, render
      if (name == "render" && (off(v, "never") || (v.is_string() && v.get<std::string>() == "link"))) out.render = false;
      if (name == "list" && off(v, "never")) out.list = false;
    }
  }
  return out;
}

void convert_items(Run& run, const TagHandler& handle) {
  std::vector<Item> kept;
  for (Item& item : run.items) {
    if (!load_item(run, item)) continue;
    if (run.engine == Engine::jekyll || run.engine == Engine::eleventy) item.body = unglue_raw_fences(run, item.body);
    if (item.source.extension() == ".html") {  // a page written in HTML, no template in it: its HTML is its text
      item.body = html_as_markdown(item.body);
      run.count("a page written in HTML (its HTML kept as the text)");
    }
    if (item.source.extension() == ".njk") {
      item.body = njk_markdown_body(item.body);
      run.count("a post in Nunjucks with its text in {% markdown %} blocks (their text, the HTML around kept)");
    }
    convert_front(run, item);
    // Hugo's build options (`build`, before 0.145 `_build`) and headless
    // bundles: a page Hugo never rendered is left out; one it rendered and
    // listed nowhere (a "moved" stub, a talk's external link) is a page,
    // which Quire lists nowhere either, at the address it had.
    bool unlisted = false;
    if (run.engine == Engine::hugo) {
      const HugoBuild b = hugo_build(item.in);
      if (!b.render) {
        run.note(item.shown, 0, std::string(b.headless ? "headless: true" : "build: render: never") +
                                    " (Hugo wrote no page for it): left out");
        continue;
      }
      unlisted = !b.list && !item.page;
      item.page = item.page || unlisted;  // no date needed, none made up
    }
    // A page at the root (content/About_Me.md): where Hugo or Zola made
    // its address of the name (/about_me/, Zola's /about-me/: c-git's
    // featured_projects.md was at /featured-projects/).
    if (item.page && item.page_url.empty() && item.section.empty() && !item.out.contains("slug") &&
        (run.engine == Engine::hugo || run.engine == Engine::zola)) {
      const std::string name = item.bundle ? item.source.parent_path().filename().string() : fs::path(item.name).stem().string();
      const std::string made = run.engine == Engine::hugo ? hugo_path(name) : zola_path_slug(name, run.zola_slugify);
      if (!made.empty() && made != name && made.find('/') == std::string::npos) item.page_url = "/" + made + "/";
    }
    // (under Hugo's uglyURLs, where Hugo wrote it: /notes/x.html, so that
    // its relative links still find their files)
    if (!item.page_url.empty() && !item.out.contains("permalink"))
      item.out["permalink"] = run.hugo_ugly && !item.bundle ? ugly_url(item.page_url) : item.page_url;
    item.slug = item.out.contains("slug") ? item.out["slug"].get<std::string>()
              : item.bundle                ? item.source.parent_path().filename().string()
                                           : file_slug(fs::path(item.name));  // post.en.md: post
    if (item.bundle) {
      std::string d;
      size_t prefix = 0;
      if (file_date(item.slug, d, &prefix) && item.slug.size() > prefix) item.slug = item.slug.substr(prefix);
    }
    if (run.engine == Engine::eleventy && !item.page && item.out.contains("permalink") &&
        item.out["permalink"].is_string() && item.out["permalink"].get<std::string>().find(":title") != std::string::npos &&
        item.out.contains("title") && item.out["title"].is_string()) {
      // A permalink function naming the post by its title made a slug
      // (equk's slugify(data.title)): that slug; where Quire refuses it
      // ("don't-panic!"), an ASCII one, the old address an alias.
      const std::string old = npm_slugify(item.out["title"].get<std::string>());
      if (!old.empty()) {
        item.slug = valid_slug(old) ? old : ascii_slug(old);
        item.out["slug"] = item.slug;
        if (item.slug != old) {
          std::string pattern = item.out["permalink"].get<std::string>();
          for (size_t at; (at = pattern.find(":title")) != std::string::npos;) pattern.replace(at, 6, old);
          item.title_alias = pattern;
        }
        run.count("a permalink function's slugify(title) as the post's slug");
      }
    }
    if (run.engine == Engine::zola && !item.page) {
      // Zola slugified a slug key too ("my_first_post" was at my-first-post/):
      // the post keeps that name, so that the old address and the author's
      // relative links between posts (../my-first-post/) still find it.
      const std::string z = zola_path_slug(item.slug, run.zola_slugify);
      if (!z.empty() && z != item.slug && valid_slug(z)) {
        item.slug = z;
        item.out["slug"] = z;
      }
    }
    if (builtin_page(run, item)) continue;
    title_from_heading(run, item);
    std::string ymd;
    // a bundle's date in its folder's name, else its index's (2017-03-08-index.md)
    if (!item.bundle || !file_date(item.source.parent_path().filename().string(), ymd)) file_date(item.source.stem().string(), ymd);
    if (ymd.empty() && (run.engine == Engine::zola || run.engine == Engine::hugo)) {
      ymd = path_date(item.in);  // path = "2014/09/15/Rust-1.0"
      if (!ymd.empty()) run.count("a post's date from its path (2014/09/15/...)");
    }
    if (ymd.empty() && run.engine == Engine::eleventy && !item.in.contains("date")) {
      // Eleventy's: the first YYYY-MM-DD anywhere in the file's path
      // (posts/2019-05-01/index.md, note-2017-01-02.md), else the file's.
      static const std::regex dated(R"((\d{4}-\d{2}-\d{2}))");
      const std::string path = item.source.lexically_relative(run.src).generic_string();
      for (auto it = std::sregex_iterator(path.begin(), path.end(), dated); it != std::sregex_iterator() && ymd.empty(); ++it)
        if (parse_date((*it)[1].str())) ymd = (*it)[1].str();
      if (!ymd.empty()) run.count("a date from the file's path (Eleventy's)");
    }
    finish_front(run, item, ymd);
    if (!item.section.empty() || item.root_post) {
      // (a slug key of the front matter's; not one the import made of the
      // file's name, as Zola slugified it: BD103's 2025-03-19-bevy-lint-v0.2.0.md
      // was at /blog/2025-03-19-bevy-lint-v0-2-0/ under paths_keep_dates)
      const bool own_slug = item.out.contains("slug") && item.in.is_object() && item.in.contains("slug") &&
                            item.name_slug.empty() && run.engine != Engine::eleventy;
      const std::string section = run.engine == Engine::hugo ? hugo_path(item.section) : item.section;
      // Hugo's own slug key as Hugo made it a path (slug: "老王-杨绛" was at
      // /post/老王-杨绛/, "Robert Rules_SCH" at /post/Robert-Rules_SCH/:
      // SunsetMkt's 33), where Quire writes another (lao-wang-yang-jiang).
      std::string old_slug = item.slug;
      if (run.engine == Engine::hugo && own_slug && item.in["slug"].is_string())
        if (const std::string made = hugo_urlize(trim(item.in["slug"].get<std::string>()), run.hugo_lower);
            !made.empty() && made.find('/') == std::string::npos)
          old_slug = made;
      std::string old_url = (item.root_post ? "" : "/" + section) + "/" + (own_slug ? old_slug : item.old_name) + "/";
      std::map<std::string, std::string> translation_urls;  // by language: where a pattern of titles put it
      // Under Hugo's permalinks, :title is the title made a URL (Hugo's
      // urlize), :slug the post's slug or else that, :filename and
      // :slugorfilename the file's (bundle's) name; the core's rule reads
      // all four as the slug, so Hugo's values are put in first.
      // A section's own pattern (Hugo's [permalinks] by section), else none:
      // Hugo puts a section without one at /<section>/<name>/.
      const auto own = run.section_permalinks.find(item.section.substr(0, item.section.find('/')));
      if (run.engine == Engine::hugo && own != run.section_permalinks.end()) {
        std::string title = hugo_urlize(item.out.contains("title") && item.out["title"].is_string()
                                            ? item.out["title"].get<std::string>() : item.slug, run.hugo_lower);
        if (run.hugo_remove_accents) title = remove_accents(title);
        // The post's slug is that title where Hugo's pattern put it there, so
        // that it stays rather than moving and leaving an alias: a pattern
        // naming posts by :title alone (Mic92's /:year/:month/:day/:title/
        // with Octopress-style slug keys, which Hugo's :title ignores), or by
        // :slug for a post without a slug key (Hugo's :slug is then the
        // title: poolp.org's bundles named 2019-12-01/ were at
        // /posts/2019-12-01/spf-aware-greylisting.../).
        const std::string& site_pattern = own->second;
        const auto uses = [&](const char* token) { return site_pattern.find(token) != std::string::npos; };
        const bool by_title = uses(":title") && !uses(":slug") && !uses(":filename") && !uses(":contentbasename");
        const bool by_slug = uses(":slug") && !uses(":title") && !uses(":filename") && !own_slug && item.name_slug.empty() &&
                             !item.out.contains("slug") && item.out.contains("title");
        // (a title with what Quire refuses, Jibec's "Locasprint N°5 @ Mozilla"
        // at .../locasprint-n5-@-mozilla/: its ASCII slug, the address an alias)
        const std::string usable = valid_slug(title) ? title : ascii_slug(title);
        if (site_pattern == run.permalink && (by_title || by_slug) && valid_slug(usable) && usable != item.slug) {
          item.slug = usable;
          item.out["slug"] = usable;
          if (by_slug) run.count("Hugo's :slug of a post without a slug key (its title made a URL) as its slug");
        }
        std::string pattern = own->second;
        // :sections: all of the post's sections (cn/kids), not the first
        if (const std::string& raw = run.hugo_patterns[own->first]; raw.find(":sections") != std::string::npos)
          pattern = quire_pattern(raw, section);
        const std::pair<const char*, std::string> hugo[] = {
            {":slugorfilename", own_slug ? old_slug : item.old_name}, {":filename", item.old_name}, {":title", title}};
        for (const auto& [token, value] : hugo)
          for (size_t at; (at = pattern.find(token)) != std::string::npos;) pattern.replace(at, std::strlen(token), value);
        old_url = expand_pattern(run, pattern, item, own_slug ? old_slug : title, true);
        // A translation under a pattern of :title or :slug was at its own
        // title's (or slug's) address, not its original's.
        if (const auto names = run.translation_names.find(item.source);
            names != run.translation_names.end() && (uses(":title") || uses(":slug")))
          for (const Run::TranslationName& name : names->second) {
            std::string own_title = hugo_urlize(name.title.empty() ? title : name.title, run.hugo_lower);
            if (run.hugo_remove_accents) own_title = remove_accents(own_title);
            const std::string own_slug_value = name.slug.empty() ? own_title : hugo_urlize(name.slug, run.hugo_lower);
            std::string p = own->second;
            if (const std::string& raw = run.hugo_patterns[own->first]; raw.find(":sections") != std::string::npos)
              p = quire_pattern(raw, section);
            const std::pair<const char*, std::string> values[] = {
                {":slugorfilename", name.slug.empty() ? item.old_name : own_slug_value}, {":filename", item.old_name}, {":title", own_title}};
            for (const auto& [token, value] : values)
              for (size_t at; (at = p.find(token)) != std::string::npos;) p.replace(at, std::strlen(token), value);
            translation_urls[name.code] = expand_pattern(run, p, item, own_slug_value, true);
          }
      }
      if (run.engine == Engine::hugo && run.hugo_ugly) old_url = ugly_url(old_url);
      if (run.engine == Engine::hugo && run.hugo_lower) old_url = ascii_lower(old_url);  // slug: formatR was at .../formatr/
      if (run.engine == Engine::hugo && run.hugo_remove_accents)  // fljdin's /2024/09/19/les-types-hierarchiques/
        old_url = remove_accents(percent_decode(old_url));
      if (unlisted) {
        if (!item.out.contains("permalink")) item.out["permalink"] = percent_decode(old_url);
        item.out.erase("draft");
        run.count("build: list: never (published, in no list) as a page at its address");
        if (!item.old_url_prefix.empty() || !run.old_url_prefix.empty())
          add_alias(run, item, (item.old_url_prefix.empty() ? run.old_url_prefix : item.old_url_prefix) + percent_decode(old_url));
      } else {
        keep_old_url(run, item, (item.old_url_prefix.empty() ? run.old_url_prefix : item.old_url_prefix) + old_url);
      }
      // Its translations' addresses, /en/ before its own (xiaoquqi's 31).
      if (const auto t = run.translated.find(item.source); t != run.translated.end() && !item.out.contains("draft"))
        for (const std::string& code : t->second) {
          add_alias(run, item, "/" + code + percent_decode(old_url));
          if (const auto found = translation_urls.find(code); found != translation_urls.end()) {
            std::string url = found->second;
            if (run.hugo_ugly) url = ugly_url(url);
            if (run.hugo_lower) url = ascii_lower(url);
            if (run.hugo_remove_accents) url = remove_accents(percent_decode(url));
            if (url != old_url) add_alias(run, item, "/" + code + percent_decode(url));
          }
        }
      // Hugo's relative aliases from the page's address ("old-name" of
      // /2020/x/ is /2020/old-name), now that it is known.
      if (item.out.contains("aliases") && item.out["aliases"].is_array())
        for (const auto& [first, written] : item.relative_aliases) {
          std::string again = resolved(unslashed(percent_decode(old_url)), written);
          if (!written.empty() && written.back() == '/' && again.back() != '/') again += '/';
          if (again.rfind("/..", 0) == 0 || again == first) continue;
          for (ojson& a : item.out["aliases"])
            if (a == first) a = again;
        }
    }
    if (!item.title_alias.empty() && !item.out.contains("draft"))
      add_alias(run, item, percent_decode(expand_pattern(run, item.title_alias, item)));
    kept.push_back(std::move(item));
  }
  run.items = std::move(kept);
  unique_slugs(run);
  if (!run.old_url_prefix.empty() || run.hugo_ugly)  // Hugo's default language in its folder, or uglyURLs: its pages were there too
    for (Item& item : run.items)
      if (item.page && !item.out.contains("draft")) {
        const std::string url = percent_decode(run.url_of(item));
        // uglyURLs: the page moved from /x.html, and its relative links were from there (keep_old_url).
        if (run.hugo_ugly && !item.in.contains("url")) {
          if (const std::string old = run.old_url_prefix + ugly_url(url); old != url) {
            item.old_url = old;
            add_alias(run, item, old);
          }
        } else if (!run.old_url_prefix.empty()) {
          add_alias(run, item, run.old_url_prefix + url);
        }
      }
  for (Item& item : run.items) {
    const TagHandler with_title = [&](std::string_view text, Tag& t) {
      TagResult r = item_tag(run, item, text, t);
      return r.converted ? r : handle(text, t);
    };
    run.converting = &item;
    // Headings first: the tags' rewriting may add or remove lines, and the
    // report names the source's line.
    item.body = rewrite_tags(heading_attributes(run, item.body, item.body_line, item.shown), item.body_line,
                             item.shown, run, with_title);
    // After the tags: a shortcode's own text may hold a blockquote alert.
    item.body = github_alerts(run, item.body);
    item.body = codepen_embeds(run, gist_scripts(run, item.body));
    // Hugo's goldmark reads definition lists by default; Zola when asked.
    if (run.definition_lists || run.engine == Engine::hugo) item.body = definition_lists(run, item.body);
    if (run.emoji) item.body = emojify(run, item.body);
    run.converting = nullptr;
  }
}

// A page's HTML as markdown text: each line's indentation removed outside
// <pre> (indented after a blank line, CommonMark would read it as code),
// the HTML otherwise as it was.
bool plain_html_page(const fs::path& f, bool liquid, bool empty_ok) {
  std::string text;
  if (f.extension() != ".html" || !read_file(f, text)) return false;
  const SourceDoc doc = split_front_matter(text);
  if (doc.format.empty()) return false;
  if (doc.body.find_first_not_of(" \t\r\n") == std::string::npos) return empty_ok;
  for (const char* t : {"<html", "<!DOCTYPE", "<!doctype"})
    if (doc.body.find(t) != std::string::npos) return false;
  // Hugo renders an HTML content file as it does markdown: its shortcodes
  // are converted like a markdown post's (JeffersGlass's 55 WordPress
  // posts with {{< highlight >}} or {{< youtube >}}), and Go template text
  // was never run. Liquid in HTML was (Jekyll, Eleventy): a template.
  if (!liquid) return true;
  if (doc.body.find("{%") != std::string::npos) return false;
  // Values the conversion answers ({{ page.title }}, {{ site.baseurl }}:
  // hepplerj's projects.html, 96 lines of HTML around its title) make no
  // template of the page; any other value does.
  static const std::regex answered(R"(\{\{-?\s*(page\.title|page\.description|site\.[A-Za-z0-9_.]+)\s*(\|\s*(escape|relative_url|absolute_url|xml_escape)\s*)?-?\}\})");
  for (size_t at = doc.body.find("{{"); at != std::string::npos; at = doc.body.find("{{", at + 2)) {
    const size_t end = doc.body.find("}}", at);
    if (end == std::string::npos || end - at > 200 || !std::regex_match(doc.body.begin() + static_cast<std::ptrdiff_t>(at),
                                                                          doc.body.begin() + static_cast<std::ptrdiff_t>(end + 2), answered))
      return false;
  }
  return true;
}

std::optional<std::string> plain_html_snippet(const std::string& text, bool liquid) {
  if (text.find("{{") != std::string::npos || (liquid && text.find("{%") != std::string::npos) ||
      text.find("<script") != std::string::npos)
    return std::nullopt;
  std::string html = trim(text);
  if (html.empty()) return std::nullopt;
  return html;
}

std::string html_as_markdown(const std::string& html) {
  std::string out;
  bool pre = false;
  for (size_t p = 0; p < html.size();) {
    size_t e = html.find('\n', p);
    if (e == std::string::npos) e = html.size();
    std::string line = html.substr(p, e - p);
    if (!pre) line.erase(0, line.find_first_not_of(" \t") == std::string::npos ? line.size() : line.find_first_not_of(" \t"));
    if (line.find("<pre") != std::string::npos) pre = true;
    if (line.find("</pre>") != std::string::npos) pre = false;
    out += line;
    if (e < html.size()) out += '\n';
    p = e + 1;
  }
  return out;
}

void add_old_feed(ojson& site, const std::string& path) {
  bool categories = false;  // the site keeps category pages: /categories/ is the build's
  if (site.contains("taxonomies") && site["taxonomies"].is_array())
    for (const ojson& t : site["taxonomies"]) categories = categories || t == "categories";
  // (a term's feed, /tags/:tag/index.xml, is written beside the term's page)
  if (path.size() < 2 || (path.find(':') == std::string::npos && reserved_feed_path(path.substr(1), categories))) return;
  ojson& feeds = site["old_feeds"];
  if (!feeds.is_array()) feeds = ojson::array();
  for (const ojson& f : feeds)
    if (f == path) return;
  feeds.push_back(path);
}

const char* theme_list_page(const std::string& layout, bool category_pages) {
  if (layout == "search") return "/search/";
  if (layout == "archive" || layout == "archives" || layout == "posts" || layout == "year" || layout == "years") return "/archive/";
  if (layout == "tags" || layout == "tag") return "/tags/";
  if (layout == "categories" || layout == "category") return category_pages ? "/categories/" : "/tags/";
  return nullptr;
}

const char* list_page_target(const Run& run, const std::string& url, bool any) {
  std::string name = normal_path(url, false);
  while (!name.empty() && name.back() == '/') name.pop_back();
  name = ascii_lower(name.substr(name.rfind('/') == std::string::npos ? 0 : name.rfind('/') + 1));
  if (name.size() > 5 && name.compare(name.size() - 5, 5, ".html") == 0) name.resize(name.size() - 5);
  if (name == "blog" || name == "posts" || name == "archive" || name == "archives" || name == "all") return "/archive/";
  if (name == "categories" || name == "category") return run.category_pages ? "/categories/" : "/tags/";
  if (name == "tags" || name == "tag") return "/tags/";
  return any ? "/" : nullptr;
}

std::string redirect_old_addresses(Run& run, const ojson& old, const std::string& to) {
  size_t n = 0;
  for (const std::string& from : string_list(old, false)) {
    if (from.empty() || from.find("://") != std::string::npos) continue;
    run.redirects[run.old_url_prefix + percent_decode(from[0] == '/' ? from : "/" + from)] = to;
    ++n;
  }
  return n ? "; its redirect_from or aliases (" + std::to_string(n) + ") redirect to " + to : "";
}

bool builtin_page(Run& run, Item& item) {
  // Hugo's layout, Zola's template ("archive.html"): the theme's template
  // that rendered the page.
  const char* const key = item.in.is_object() && item.in.contains("layout") ? "layout"
                          : item.in.is_object() && item.in.contains("template") ? "template" : nullptr;
  if (!item.page && !key) return false;
  const std::string url = run.url_of(item);
  const bool text = item.body.find_first_not_of(" \t\n") != std::string::npos;
  std::string layout = key && item.in[key].is_string() ? item.in[key].get<std::string>() : "";
  layout = layout.substr(0, layout.rfind(".html") == std::string::npos ? std::string::npos : layout.rfind(".html"));
  // Its redirect_from and aliases lead where it stood: mincong-h's 13
  // category pages' /categories/git/... had nothing once they were left out.
  auto old_addresses_to = [&](const std::string& to) {
    std::string said;
    for (const char* k : {"aliases", "redirect_from"})
      if (item.out.contains(k)) said += redirect_old_addresses(run, item.out[k], to);
    return said;
  };
  if (const char* ours = text ? nullptr : theme_list_page(layout, run.category_pages)) {  // Hugo Stack's page/search/
    // Chirpy's /archives/, Minimal Mistakes' /year-archive/: readers and
    // search engines find Quire's; a term's own page (TeXt's layout:
    // category with category: build) its term's
    std::string to = ours;
    for (const char* k : {"tag", "category"})
      if ((layout == "tag" || layout == "category") && item.in.contains(k) && item.in[k].is_string())
        to += tag_slug(item.in[k].get<std::string>()) + "/";
    run.redirects[run.old_url_prefix + percent_decode(url)] = to;
    run.note(item.shown, 0, "a theme's " + layout + " page (" + key + ": " + item.in[key].get<std::string>() +
                                "): Quire writes its own; not converted" + old_addresses_to(to));
    return true;
  }
  if (!item.page) return false;
  if (url == "/" || url == "/index.html") {  // Eleventy's pages/index.md with permalink: /
    run.note(item.shown, 0, std::string("the home page (at ") + url + "): Quire makes its own; not converted" +
                                (text ? " (its text is not kept: put it on a page of its own)" : "") + old_addresses_to("/"));
    return true;
  }
  const char* built = url.size() > 1 ? reserved_path(url.substr(1), run.category_pages) : nullptr;
  if (!built) return false;
  // A page of its own under /page/ (Hugo's page section without a
  // [permalinks] page: steveshogren's /page/books/), where Quire numbers
  // the home's pages: kept, at /books/ instead.
  if (text && normal_path(url, true).rfind("page/", 0) == 0) {
    std::string name = normal_path(url, true).substr(5);
    while (!name.empty() && name.back() == '/') name.pop_back();
    if (!name.empty() && name.find('/') == std::string::npos &&
        !std::all_of(name.begin(), name.end(), [](char c) { return c >= '0' && c <= '9'; }) &&
        !reserved_path(name + "/", run.category_pages)) {
      item.out["permalink"] = "/" + name + "/";
      run.note(item.shown, 0, "its old address " + url + " is under /page/, " + built + " Quire numbers; kept at /" + name +
                                  "/ (no redirect from the old one)");
      return false;
    }
  }
  run.note(item.shown, 0, url == "/404.html"
               ? "the not-found page: Quire writes its own 404.html (with search and the nearest posts); not converted"
               : std::string("at ") + url + ", which is " + built + " Quire writes itself; not converted" +
                     (text ? " (its text is not kept: put it on a page of its own)" : "") + old_addresses_to(url));
  return true;
}

void undated_as_pages(Run& run) {
  // A file without a date is a page at its address, unless its section is
  // named like a blog (posts/, blog/: a post whose date was forgotten gets
  // the file's time, said: finish_front). Hugo dated it year 1, at the end
  // of its section's list; Zola listed it in no date-sorted section. The
  // file's time would make it the newest post after a clone (harryho's 11
  // notes, not-matthias's 11 project cards, among dated neighbours).
  // A file with no front matter at all (steveshogren's post/papers_we_love_page2.md,
  // a list of links) is no post whose date was forgotten: a page, even in post/.
  std::vector<bool> dated(run.items.size(), true), zero_date(run.items.size(), false), no_front(run.items.size(), false);
  for (size_t i = 0; i < run.items.size(); ++i) {
    const Item& item = run.items[i];
    if (item.page) continue;
    std::string text, error, ymd;
    ojson front;
    int line = 0;
    if (!read_file(item.source, text) || !parse_front(split_front_matter(text), front, error, line)) continue;
    no_front[i] = run.engine == Engine::hugo && split_front_matter(text).format.empty() && markdown_file(item.source);
    bool d = file_date(item.bundle ? item.source.parent_path().filename().string() : item.source.stem().string(), ymd);
    for (const auto& [k, v] : front.items()) {
      std::string key = k;
      for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if ((key == "path" || key == "url") && !path_date(front).empty()) d = true;
      if (key == "date" || key == "publishdate" || key == "pubdate" || key == "lastmod") {
        // A theme's way of keeping a page out of the blog's order (Duckquill's
        // archive, privacy policy and licence at 0000-01-01): a page, even
        // in a dated section.
        const std::string value = v.is_string() ? v.get<std::string>() : v.dump(-1, ' ', false, ojson::error_handler_t::replace);
        if (value.rfind("0000-", 0) == 0 || value.rfind("\"0000-", 0) == 0) zero_date[i] = true;
        else d = true;
      }
    }
    dated[i] = d;
  }
  for (size_t i = 0; i < run.items.size(); ++i) {
    Item& item = run.items[i];
    const std::string top = item.section.substr(0, item.section.find('/'));
    // Hugo's page/ section (the Stack theme's about, links, archives): pages, dated or not.
    const bool pages_section = run.engine == Engine::hugo && (top == "page" || top == "pages");
    if (!pages_section && !zero_date[i] &&
        (item.page || dated[i] || ((top == "posts" || top == "post" || top == "blog" || top == "articles") && !no_front[i])))
      continue;
    if (item.page) continue;
    item.page = true;
    item.page_url = (item.section.empty() ? "/" : "/" + item.section + "/") + item.old_name + "/";
    if (run.engine == Engine::hugo) item.page_url = hugo_path(item.page_url);  // zhengzangw's /notes/Deep Learning/
    if (const auto own = run.section_permalinks.find(top); pages_section && own != run.section_permalinks.end()) {
      // [permalinks] page = "/:slug/": the slug, else the file's name
      std::string slug = item.old_name, text, error;
      ojson front;
      int line = 0;
      if (read_file(item.source, text) && parse_front(split_front_matter(text), front, error, line) && front.contains("slug") &&
          front["slug"].is_string())
        slug = front["slug"].get<std::string>();
      std::string url = own->second;
      for (const char* token : {":slugorfilename", ":contentbasename", ":filename", ":slug", ":title"})
        for (size_t at; (at = url.find(token)) != std::string::npos;) url.replace(at, std::strlen(token), slug);
      if (url.find(':') == std::string::npos && !url.empty() && url[0] == '/') item.page_url = url;
    }
    item.section.clear();
    run.count("a section's file without a date kept as a page at its address");
  }
}

void unique_slugs(Run& run) {
  std::map<std::string, size_t> first;  // slug -> the item that has it
  std::set<std::string> taken;
  for (const Item& item : run.items)
    if (!item.page) taken.insert(item.slug);
  // Drafts after the published posts: a draft (never published by the
  // old engine) yields the slug, and so the address, to the post that was
  // (hh54188's _drafts/2018-06-24-token.md kept "token" and the published
  // _posts/2018-06-24-token.md lost its old address as "token-2").
  std::vector<size_t> order;
  for (const bool drafts : {false, true})
    for (size_t i = 0; i < run.items.size(); ++i)
      if (!run.items[i].page && run.items[i].out.contains("draft") == drafts) order.push_back(i);
  for (const size_t i : order) {
    Item& item = run.items[i];
    const auto [at, fresh] = first.try_emplace(item.slug, i);
    if (fresh) continue;
    const std::string before = run.url_of(item);
    const std::string other_url = run.url_of(run.items[at->second]);
    int n = 2;
    while (taken.count(item.slug + "-" + std::to_string(n))) ++n;
    const std::string slug = item.slug + "-" + std::to_string(n);
    run.note(item.shown, 0, "slug \"" + item.slug + "\" is also " + run.items[at->second].shown +
                                "'s, and Quire gives each post its own: written as slug: \"" + slug + "\"");
    item.slug = slug;
    item.out["slug"] = slug;
    taken.insert(slug);
    first.emplace(slug, i);
    // Its old address, when the old engine told the two apart (a date in
    // the pattern), now leads to it.
    // A draft had none.
    if (!run.permalink.empty() && before != other_url && !item.out.contains("draft")) keep_old_url(run, item, before);
  }
}

std::string jekyll_title_slug(std::string_view name) {
  std::string pretty;
  for (size_t i = 0; i < name.size();) {
    const char c = name[i];
    const unsigned char u = static_cast<unsigned char>(c);
    // Beyond ASCII, letters, marks and digits stay; punctuation and spaces
    // (haijunsu's “quotes”) are a '-' like ASCII's.
    const DecodedChar d = u >= 0x80 ? decode_utf8(name, i) : DecodedChar{};
    const size_t length = u >= 0x80 ? std::max<size_t>(d.length, 1) : 1;
    if (u >= 0x80 ? d.valid && !is_slug_separator(d.cp) : (std::isalnum(u) || std::strchr("._~!$&'()+,;=@", c) != nullptr))
      pretty.append(name.substr(i, length));
    else if (!pretty.empty() && pretty.back() != '-')
      pretty += '-';
    i += length;
  }
  while (!pretty.empty() && pretty.back() == '-') pretty.pop_back();
  return pretty;
}

std::string jekyll_default_slug(std::string_view name) {
  std::string out;
  for (char c : name) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (u >= 0x80 || std::isalnum(u)) out += static_cast<char>(u < 0x80 ? std::tolower(u) : u);
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::string section_address(const Run& run, const std::string& section) {
  if (run.engine == Engine::hugo) return hugo_path(section);
  std::string url;
  for (const auto& part : fs::path(section)) url += (url.empty() ? "" : "/") + zola_path_slug(part.string(), run.zola_slugify);
  return url;
}

std::map<std::string, std::vector<const Item*>> other_language_posts(const Run& run) {
  std::map<std::string, std::vector<const Item*>> by_language;
  for (const Item& item : run.items) {
    if (item.page || item.out.contains("draft")) continue;
    if (const auto t = run.translated.find(item.source); t != run.translated.end())
      for (const std::string& code : t->second) by_language["/" + ascii_lower(code)].push_back(&item);
    if (!item.old_url_prefix.empty()) by_language[item.old_url_prefix].push_back(&item);
  }
  by_language.erase(run.old_url_prefix);  // the default language's own folder
  return by_language;
}

namespace {

// Hugo's lists in the other languages' folders (/en/, /en/posts/,
// /en/tags/x/, /en/archive/2022/, and each one's page/1/) where those
// languages had posts, translations of the blog's or their own: the
// default language's lists. A multilingual site's default language had its
// folder's address too (/ja/, Hugo's redirect to /).
void hugo_language_lists(const Run& run, std::map<std::string, std::string>& wanted) {
  if (run.languages.size() > 1 && run.old_url_prefix.empty()) wanted.emplace("/" + ascii_lower(run.default_language) + "/", "/");
  const bool paged = run.hugo_paginate_path.find('/') == std::string::npos;
  auto list = [&](const std::string& from, const std::string& to) {
    wanted.emplace(from, to);
    if (paged) wanted.emplace(from + run.hugo_paginate_path + "/1/", to);
  };
  for (const auto& [prefix, items] : other_language_posts(run)) {
    list(prefix + "/", "/");
    for (const auto& [taxonomy, terms] : run.terms)  // each taxonomy's list, whatever the language's posts had
      if (taxonomy != "authors") list(prefix + "/" + taxonomy + "/", taxonomy == "categories" && run.category_pages ? "/categories/" : "/tags/");
    for (const Item* item : items) {
      for (const std::string& s : list_sections(run, item->section))
        if (!s.empty()) list(prefix + "/" + hugo_path(s) + "/", "/");
      for (const char* key : {"tags", "categories"}) {
        if (!item->out.contains(key) || !item->out[key].is_array()) continue;
        for (const ojson& t : item->out[key]) {
          if (!t.is_string()) continue;
          const std::string term = t.get<std::string>();
          // Its taxonomy's folder: the one that has the term (a site's archive = "archive" joins the tags)
          for (const auto& [taxonomy, terms] : run.terms) {
            if (taxonomy == "authors" || !terms.count(term)) continue;
            const std::string root = key[0] == 'c' && run.category_pages ? "/categories/" : "/tags/";
            std::string old = hugo_urlize(term, run.hugo_lower);
            if (run.hugo_remove_accents) old = remove_accents(old);
            list(prefix + "/" + taxonomy + "/", root);
            if (!old.empty()) list(prefix + "/" + taxonomy + "/" + old + "/", root + tag_slug(term) + "/");
          }
        }
      }
    }
  }
}

}  // namespace

void site_redirects(Run& run, ojson& site) {
  // The home's page that lists the post at `index` of the list (0 first):
  // where an old list's page of the same place redirects.
  const size_t per_page = site.contains("posts_per_page") && site["posts_per_page"].is_number_integer()
                              ? static_cast<size_t>(std::max(1, site["posts_per_page"].get<int>())) : 10;
  const auto home_page_for = [per_page](size_t index) {
    const size_t page = index / per_page + 1;
    return page == 1 ? std::string("/") : "/page/" + std::to_string(page) + "/";
  };
  // Addresses the blog will have: no redirect from them.
  std::set<std::string> taken = {"/"};
  // The slugs of the published posts' tag pages and category pages
  // (categories are tags unless they have pages of their own), with how
  // many posts each lists.
  std::map<std::string, size_t> live[2];
  // A published page's terms: Hugo and Zola made their pages (welpo's
  // tabi: 22 tags of its projects), Quire's tags are the posts'.
  std::set<std::string> page_terms;
  for (const Item& item : run.items) {
    if (item.out.contains("draft")) continue;
    std::set<std::string> counted[2];  // a post once a term, whatever lists it twice (tags: [Go, go])
    for (const char* k : {"tags", "categories"})
      if (item.out.contains(k) && item.out[k].is_array())
        for (const ojson& t : item.out[k]) {
          if (!t.is_string()) continue;
          const bool own = k[0] == 'c' && run.category_pages;
          if (item.page) page_terms.insert(tag_slug(t.get<std::string>()));
          else if (counted[own].insert(tag_slug(t.get<std::string>())).second) ++live[own][tag_slug(t.get<std::string>())];
        }
    taken.insert(percent_decode(run.url_of(item)));
    // Its old addresses too, as the build reads them ("read" is /read/:
    // benjifs's read notes kept one, and a list page's redirect there made
    // the build refuse the blog).
    for (const char* k : {"aliases", "redirect_from"})
      if (item.out.contains(k) && item.out[k].is_array())
        for (const ojson& a : item.out[k])
          if (a.is_string()) {
            taken.insert(percent_decode(a.get<std::string>()));
            taken.insert(normal_path(percent_decode(a.get<std::string>()), false));
          }
  }
  // A file copied as it was (a folder's index.html, soulshake's docs/ in
  // HTML beside its markdown): the build publishes it at its address.
  std::error_code ec;
  const fs::path statics = run.dest / "static";
  if (fs::is_directory(statics, ec))
    for (auto it = fs::recursive_directory_iterator(statics, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const fs::path rel = it->path().lexically_relative(statics);
      taken.insert("/" + rel.generic_string());
      if (rel.filename() == "index.html")
        taken.insert(rel.parent_path().empty() ? "/" : "/" + rel.parent_path().generic_string() + "/");
    }
  std::set<std::string> tag_pages;  // Quire's term pages the posts make
  for (const auto& [t, n] : live[0]) tag_pages.insert("/tags/" + t + "/");
  for (const auto& [t, n] : live[1]) tag_pages.insert("/categories/" + t + "/");
  std::map<std::string, std::string> wanted = run.redirects;
  if (run.engine == Engine::hugo || run.engine == Engine::zola) {
    for (const auto& [taxonomy, terms] : run.terms) {
      if (taxonomy == "authors") {
        // An author's page (/authors/jane-doe/): Quire has none; the home.
        wanted[run.old_url_prefix + "/authors/"] = "/";
        for (const std::string& name : terms) {
          const std::string old = run.engine == Engine::zola ? zola_path_slug(name, run.zola_slugify_taxonomies) : hugo_urlize(name);
          if (!old.empty()) wanted[run.old_url_prefix + "/authors/" + old + "/"] = "/";
        }
        continue;
      }
      const bool own_pages = taxonomy == "categories" && run.category_pages;
      const std::string quire_root = own_pages ? "/categories/" : "/tags/";
      const std::string old_root = run.old_url_prefix + "/" + taxonomy + "/";
      if (run.hugo_ugly) wanted[ugly_url(old_root)] = quire_root;  // /tags.html
      else if (old_root != quire_root) wanted[old_root] = quire_root;  // /series/ -> /tags/
      // Hugo's paged lists: each list's page 1 again at <list>/page/1/ (an
      // alias Hugo writes), the terms' lists paged too where a theme pages
      // them (/tags/page/2/; Quire's is one page). An address Hugo did not
      // write because the theme did not page that list costs a small file.
      const bool paged = run.engine == Engine::hugo && !run.hugo_ugly && run.hugo_paginate_path.find('/') == std::string::npos;
      const size_t per = static_cast<size_t>(std::max(1, run.hugo_paginate));
      if (paged)
        for (size_t n = 1; n <= std::max<size_t>(1, (terms.size() + per - 1) / per) && n <= 1000; ++n)  // (one page with none)
          wanted[old_root + run.hugo_paginate_path + "/" + std::to_string(n) + "/"] = quire_root;
      for (const std::string& term : terms) {
        // A draft's term had no page; a page's had, and goes to the list.
        const bool posts_have = live[own_pages].count(tag_slug(term)) > 0;
        if (!posts_have && !page_terms.count(tag_slug(term))) continue;
        const std::string quire = posts_have ? quire_root + tag_slug(term) + "/" : quire_root;
        if (posts_have) tag_pages.insert(quire);
        std::string old;
        if (run.engine == Engine::zola) {
          old = zola_path_slug(term, run.zola_slugify_taxonomies);
        } else {
          old = hugo_urlize(term, run.hugo_lower);  // disablePathToLower: SunsetMkt's /tags/AI/
          if (run.hugo_remove_accents) old = remove_accents(old);
        }
        if (old.empty()) continue;
        wanted[run.hugo_ugly ? old_root + old + ".html" : old_root + old + "/"] = quire;
        if (!paged) continue;
        // The term's pages: page 1 as the list; the others where Quire's
        // are not (another language's folder, /fr/tags/x/page/2/, or
        // another taxonomy's, /archive/2014/page/2/), to the same page.
        const std::string pages = old_root + old + "/" + run.hugo_paginate_path + "/";
        wanted[pages + "1/"] = quire;
        if (posts_have && pages != quire + "page/")
          for (size_t n = 2; n <= (live[own_pages][tag_slug(term)] + per - 1) / per && n <= 1000; ++n)
            wanted[pages + std::to_string(n) + "/"] = quire + "page/" + std::to_string(n) + "/";
      }
    }
    // A section with its _index.md whatever it held (a section of undated
    // pages, Zola's /projects/ of tabi, cs6120's /lesson/): the home, unless
    // a page is there.
    for (const std::string& s : run.section_lists) {
      if (s.empty()) continue;
      const std::string url = section_address(run, s);
      wanted.emplace(run.old_url_prefix + (run.hugo_ugly ? "/" + url + ".html" : "/" + url + "/"), "/");
      // and its page 1 again (ouuan's /ranking/page/1/)
      if (run.engine == Engine::hugo && !run.hugo_ugly && run.hugo_paginate_path.find('/') == std::string::npos)
        wanted.emplace(run.old_url_prefix + "/" + url + "/" + run.hugo_paginate_path + "/1/", "/");
    }
    // A paginated section's pages (Zola's /blog/page/2/, Hugo's
    // /posts/page/3/): the home's page with the same posts' place. Page 1
    // too: both engines wrote it as a redirect to the list (/page/1/).
    for (const auto& [section, pagination] : run.section_pagination) {
      const auto& [per, folder] = pagination;
      size_t posts = 0;
      for (const Item& item : run.items)
        posts += !item.page && !item.out.contains("draft") &&
                 (section.empty() || item.section == section || item.section.rfind(section + "/", 0) == 0);
      const size_t pages = per > 0 ? (posts + static_cast<size_t>(per) - 1) / static_cast<size_t>(per) : 0;
      const std::string base = run.old_url_prefix + (section.empty() ? "" : "/" + section_address(run, section)) + "/" + folder + "/";
      for (size_t n = 1; n <= pages && n <= 1000; ++n) {
        wanted.emplace(base + std::to_string(n) + "/", home_page_for((n - 1) * static_cast<size_t>(per)));
      }
    }
    // A section's list of posts (Hugo's /posts/, Zola's /blog/, a nested
    // one's with its _index.md, /post/go/): the home's.
    for (const Item& item : run.items)
      if (!item.page && !item.section.empty() && !item.out.contains("draft"))
        for (std::string s : list_sections(run, item.section)) {
          if (run.engine == Engine::hugo) s = hugo_path(s);  // /posts/Training/ was /posts/training/
          wanted[run.old_url_prefix + (run.hugo_ugly ? "/" + s + ".html" : "/" + s + "/")] = "/";
        }
    if (run.engine == Engine::hugo && !run.hugo_ugly) hugo_language_lists(run, wanted);
  }
  if (run.engine == Engine::eleventy)  // a template's tag pages (allenpike's /series/<tag>/)
    for (const Run::TermPages& pages : run.eleventy_term_pages) {
      const bool own = pages.taxonomy == "categories" && run.category_pages;
      const std::string root = own ? "/categories/" : "/tags/";
      if (pages.prefix != root) wanted[pages.prefix] = root;
      if (const auto terms = run.terms.find(pages.taxonomy); terms != run.terms.end())
        for (const std::string& term : terms->second) {
          // (a term only pages had: the tag list, as for Hugo's and Zola's)
          const bool posts_have = live[own].count(tag_slug(term)) > 0;
          if (!posts_have && !page_terms.count(tag_slug(term))) continue;
          const std::string old = pages.filter.empty() ? term : eleventy_slug_filter(term, pages.filter);
          if (!old.empty()) wanted[pages.prefix + old + "/"] = posts_have ? root + tag_slug(term) + "/" : root;
          if (posts_have) tag_pages.insert(root + tag_slug(term) + "/");
        }
    }
  // An Eleventy template's pages of the posts (/1/, /archives/page2/): the
  // home's page holding the same place.
  {
    size_t posts = 0;
    for (const Item& item : run.items) posts += !item.page && !item.out.contains("draft");
    for (const Run::PagedList& list : run.eleventy_paged_lists) {
      const size_t per = static_cast<size_t>(list.size), pages = (posts + per - 1) / per;
      for (size_t n = 1; n < pages && n <= 1000; ++n) {
        std::string from = list.pattern;
        from.replace(from.find("{n}"), 3, std::to_string(list.from_zero ? n : n + 1));
        wanted.emplace(from, home_page_for(n * per));
      }
    }
  }
  // jekyll-archives' term and date pages (/tag/<name>/, /2020/01/): Quire's.
  for (const auto& [type, archive_pattern] : run.jekyll_archives) {
    const std::string& pattern = archive_pattern;  // (a structured binding: no capture before C++20)
    auto expand = [&pattern](const std::vector<std::pair<std::string, std::string>>& values) { return jekyll_url(pattern, values); };
    if (type == "tag" || type == "category") {
      const bool own = type == "category" && run.category_pages;
      const std::string root = own ? "/categories/" : "/tags/";
      const auto terms = run.terms.find(type == "tag" ? "tags" : "categories");
      if (terms == run.terms.end()) continue;
      for (const std::string& term : terms->second) {
        if (!live[own].count(tag_slug(term))) continue;
        const std::string& mode = run.jekyll_archives_slug_mode;
        const std::string name = mode == "pretty" ? ascii_lower(jekyll_title_slug(term))
                                 : mode == "raw"  ? ascii_lower(term)
                                                  : jekyll_default_slug(term);
        if (!name.empty()) wanted[expand({{":name", name}, {":type", type}})] = root + tag_slug(term) + "/";
      }
      continue;
    }
    for (const Item& item : run.items) {
      if (item.page || item.out.contains("draft") || !item.out.contains("date") || !item.out["date"].is_string()) continue;
      const std::string d = item.out["date"].get<std::string>();
      if (d.size() < 10 || d[4] != '-' || d[7] != '-') continue;
      const std::string y = d.substr(0, 4), m = d.substr(5, 2);
      wanted[expand({{":year", y}, {":month", m}, {":day", d.substr(8, 2)}, {":type", type}})] =
          type == "year" ? "/archive/" : "/archive/" + y + "/" + m + "/";
    }
  }
  if (!run.old_url_prefix.empty()) wanted[run.old_url_prefix + "/"] = "/";
  ojson out = ojson::object();
  for (auto [from, to] : wanted) {
    // A term the posts do not have: its list, not a page Quire lacks.
    for (const char* root : {"/tags/", "/categories/"})
      if (to.rfind(root, 0) == 0 && to.size() > std::strlen(root) &&
          !tag_pages.count(to.substr(0, to.find('/', std::strlen(root)) + 1)))  // (a term page's page: /tags/go/page/2/)
        to = root;
    // (as the build reads it: /tags/index.html is /tags/, a redirect_from
    // written so must not take the tags' list)
    const std::string normal = from.find_first_of("?#") == std::string::npos ? "/" + normal_path(from, false) : from;
    const std::string path = normal.substr(1);
    if (from == to || normal == to || taken.count(from) || taken.count(normal_path(from, false)) || taken.count(normal) ||
        tag_pages.count(from) || tag_pages.count(normal) || from.find_first_of("?#") != std::string::npos)
      continue;
    // The build's own addresses (/tags/, /archive/2020/...): a term page of
    // a tag the posts have is Quire's; another under /tags/ is free.
    const char* built = reserved_path(path, run.category_pages);
    const bool term = (path.rfind("tags/", 0) == 0 && path.size() > 5) ||
                      (run.category_pages && path.rfind("categories/", 0) == 0 && path.size() > 11);
    // A year under /archive/ (a taxonomy named archive: mosuke's
    // /archive/2014/ ... /archive/2026/): Quire writes months there, no year.
    static const std::regex year(R"(archive/\d{4}/)");
    // The home's page 1 (/page/1/) is no page of Quire's, which has / only.
    if (built && !term && !std::regex_match(path, year) && path != "page/1/") continue;
    out[from] = to;
    run.count("an old address that was no post or page (a list, a term's page) redirected");
  }
  if (!out.empty()) site["redirects"] = out;
}

// The slugify package's slug of a title (simov's, `lower: true`: equk's
// permalink function): '&' "and", letters beyond ASCII as their Latin
// ones, each run of spaces and '-' one '-', what is not a word character
// or one of $*_+~.()'"!:@ dropped.
std::string npm_slugify(const std::string& title) {
  std::string spelled;
  for (char c : title) {
    if (c == '&') spelled += "and";
    else if (c == '$') spelled += "dollar";
    else if (c == '%') spelled += "percent";
    else if (c == '<') spelled += "less";
    else if (c == '>') spelled += "greater";
    else if (c == '|') spelled += "or";
    else spelled += c;
  }
  std::string kept;
  // Its map has letters of the Latin, Greek and Cyrillic scripts (below
  // U+0530); the others are dropped.
  std::string latin;
  for (size_t i = 0; i < spelled.size();) {
    const unsigned char lead = static_cast<unsigned char>(spelled[i]);
    const size_t n = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
    if (n <= 2) latin += spelled.substr(i, n);
    i += n;
  }
  for (char c : latin_ascii(latin)) {
    const unsigned char u = static_cast<unsigned char>(c);
    if (c == '-' || c == ' ' || c == '\t' || c == '\n') kept += ' ';
    else if (std::isalnum(u) || std::strchr("_$*+~.()'\"!:@", c)) kept += static_cast<char>(std::tolower(u));
  }
  std::string out;
  for (char c : kept) {
    if (c != ' ') out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

std::vector<fs::path> site_and_themes(const Run& run) {
  std::vector<fs::path> themes;
  std::error_code ec;
  for (auto it = fs::directory_iterator(run.src / "themes", ec); !ec && it != fs::directory_iterator(); it.increment(ec))
    themes.push_back(it->path());
  std::sort(themes.begin(), themes.end());
  themes.insert(themes.begin(), run.src);
  return themes;
}

std::string ugly_url(const std::string& url) {
  if (url.size() > 1 && url.back() == '/') return url.substr(0, url.size() - 1) + ".html";
  return url;
}

std::vector<std::string> list_sections(const Run& run, const std::string& section) {
  std::vector<std::string> out;
  for (size_t at = 0; at <= section.size(); ++at) {
    at = std::min(section.find('/', at), section.size());
    const std::string s = section.substr(0, at);
    if (!s.empty() && (out.empty() || run.section_lists.count(s))) out.push_back(s);
  }
  return out;
}

void keep_old_url(Run& run, Item& item, const std::string& encoded_url) {
  // An alias is written as the path it is on disk ("/2020/café/"), not
  // percent-encoded as a pattern expands.
  const std::string old_url = percent_decode(encoded_url);
  if (item.page || item.out.contains("draft") || item.out.contains("permalink") ||
      old_url == percent_decode(run.url_of(item)))
    return;  // a draft had no address; the others keep theirs
  if (item.old_url_unknown) return;
  item.old_url = old_url;  // its files were there too (bundle_links)
  add_alias(run, item, old_url);
}

void add_alias(Run& run, Item& item, const std::string& old_url) {
  if (const char* built = old_url.size() > 1 ? reserved_path(old_url.substr(1), run.category_pages) : nullptr) {
    run.note(item.shown, 0, "its old address " + old_url + " is " + built + " Quire writes itself; no redirect kept for it");
    return;
  }
  if (old_url.find_first_of("?#") != std::string::npos) {
    // A folder named "[Vue] #tips": its address had a %23 no redirect
    // page can be written for.
    run.note(item.shown, 0, "its old address " + old_url + " has a '?' or '#' in a folder or file name; no redirect kept for it");
    return;
  }
  ojson& aliases = item.out["aliases"];
  if (!aliases.is_array()) aliases = ojson::array();
  auto bare = [](std::string p) {  // "/post/x" and "/post/x/" are one address
    while (p.size() > 1 && p.back() == '/') p.pop_back();
    return p;
  };
  for (const auto& a : aliases)
    if (a.is_string() && bare(percent_decode(a.get<std::string>())) == bare(old_url)) return;
  aliases.push_back(old_url);
  run.count("old URL kept as an alias");
}

std::string path_date(const ojson& front) {
  static const std::regex dated(R"((?:^|/)(\d{4})/(\d{2})/(\d{2})(?:/|$))");
  for (const char* key : {"path", "url"}) {
    if (!front.is_object() || !front.contains(key) || !front[key].is_string()) continue;
    const std::string p = front[key].get<std::string>();
    std::smatch m;
    if (!std::regex_search(p, m, dated)) continue;
    const std::string ymd = m[1].str() + "-" + m[2].str() + "-" + m[3].str();
    if (iso_date(ymd)) return ymd;
  }
  return "";
}

std::string hugo_urlize(std::string_view title, bool lower) {
  std::string out;
  bool hyphen = false, was_hyphen = false;
  for (size_t i = 0; i < title.size();) {
    const DecodedChar d = decode_utf8(title, i);
    const unsigned char c = static_cast<unsigned char>(title[i]);
    const bool ascii = c < 0x80;
    const bool word = ascii ? std::isalnum(c) != 0 : d.valid && go_letter_digit_or_mark(d.cp);  // (chroju's 技術・勉強全般: ・ goes)
    const bool kept = word || (ascii && std::strchr("._/\\#+~-@", c) != nullptr && c != 0);
    if (kept) {
      if (hyphen && c != '-') out += '-';
      hyphen = false;
      if (!(out.empty() && !word && c != '_')) {
        out.append(title, i, ascii ? 1 : d.length);
        was_hyphen = c == '-';
      }
    } else if (!out.empty() && !was_hyphen && (c == ' ' || c == '\t' || c == '\n')) {
      hyphen = was_hyphen = true;
    }
    i += ascii ? 1 : std::max<size_t>(d.length, 1);
  }
  return lower ? unicode_lower(out) : out;  // Go's strings.ToLower: "Événements" -> "événements"
}

bool glob_match(std::string_view p, std::string_view t) {
  if (const size_t open = p.find('{'); open != std::string_view::npos) {  // {a,b}: each in turn
    const size_t close = p.find('}', open);
    if (close != std::string_view::npos) {
      const std::string_view head = p.substr(0, open), tail = p.substr(close + 1), alts = p.substr(open + 1, close - open - 1);
      for (size_t at = 0;;) {
        const size_t comma = std::min(alts.find(',', at), alts.size());
        if (glob_match(std::string(head) + std::string(alts.substr(at, comma - at)) + std::string(tail), t)) return true;
        if (comma == alts.size()) return false;
        at = comma + 1;
      }
    }
  }
  size_t pi = 0, ti = 0, star = std::string_view::npos, mark = 0;
  while (ti < t.size()) {
    if (pi < p.size() && p[pi] == '*') {
      while (pi < p.size() && p[pi] == '*') ++pi;
      star = pi;
      mark = ti;
      continue;
    }
    bool one = false;
    size_t next = pi + 1;
    if (pi < p.size() && p[pi] == '[') {
      const size_t close = p.find(']', pi + 2);
      if (close != std::string_view::npos) {
        const bool negate = p[pi + 1] == '!' || p[pi + 1] == '^';
        bool in = false;
        for (size_t k = pi + 1 + (negate ? 1 : 0); k < close; ++k) {
          if (k + 2 < close && p[k + 1] == '-') {
            in = in || (t[ti] >= p[k] && t[ti] <= p[k + 2]);
            k += 2;
          } else {
            in = in || t[ti] == p[k];
          }
        }
        one = in != negate;
        next = close + 1;
      }
    } else if (pi < p.size()) {
      one = p[pi] == '?' || p[pi] == t[ti];
    }
    if (one) {
      pi = next;
      ++ti;
    } else if (star != std::string_view::npos) {
      pi = star;
      ti = ++mark;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

std::vector<fs::path> files_under(Run& run, const fs::path& dir, const std::function<bool(const fs::path&)>& skip) {
  std::vector<fs::path> files;
  std::error_code ec;
  auto it = fs::recursive_directory_iterator(dir, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (skip && skip(it->path())) {
      if (it->is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (it->is_regular_file(ec)) files.push_back(it->path());
  }
  if (ec) run.note(run.shown(dir), 0, "cannot read the folder: " + ec.message() + "; what is in it is left out");
  std::sort(files.begin(), files.end());
  return files;
}

void files_named_from_root(Run& run, const fs::path& root, const fs::path& has, const std::string& construct) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) return;
  std::set<std::string> done;
  for (const Item& item : run.items) {
    const std::string& b = item.body;
    for (size_t p = 0; p < b.size(); ++p) {
      size_t start;
      if (b.compare(p, 3, "](/") == 0) start = p + 2;
      else if (b.compare(p, 6, "src=\"/") == 0) start = p + 5;
      else continue;
      const size_t end = b.find_first_of(")\" \n?#", start);
      if (end == std::string::npos) break;
      const std::string path = percent_decode(b.substr(start, end - start));
      p = end;
      if (path.size() < 2 || path[1] == '/' || path.find("..") != std::string::npos || !done.insert(path).second) continue;
      const fs::path rel = fs::path(path.substr(1));
      if (fs::exists(has / rel, ec) || fs::exists(run.dest / "static" / rel, ec) || !fs::is_regular_file(root / rel, ec)) continue;
      size_t copied = 0;
      copy_tree(run, root / rel, run.dest / "static" / rel, copied);
      run.report.static_files += copied;
      if (copied) run.count(construct);
    }
  }
}

void root_images_found_elsewhere(Run& run) {
  static const std::set<std::string> kImage = {".png", ".jpg", ".jpeg", ".gif", ".webp", ".avif", ".svg"};
  auto image = [&](const fs::path& p) { return kImage.count(ascii_lower(p.extension().string())) > 0; };
  std::string base = "/";  // the site's folder, which a root path may name already (/blog/a.png)
  if (const size_t scheme = run.site_url.find("://"); scheme != std::string::npos)
    if (const size_t slash = run.site_url.find('/', scheme + 3); slash != std::string::npos) base = run.site_url.substr(slash);
  // Folders of the posts' own files: a root path there is a bundle's file.
  std::set<std::string> bundle_folders;
  for (const Item& item : run.items)
    if (item.bundle && !item.page) bundle_folders.insert(percent_decode(run.url_of(item)));
  // (each folder above the path looked up: a set, not every bundle for every image of a big blog)
  auto under_bundle = [&](const std::string& path) {
    for (size_t slash = path.find('/', 1); slash != std::string::npos; slash = path.find('/', slash + 1))
      if (bundle_folders.count(path.substr(0, slash + 1))) return true;
    return false;
  };
  struct Missing {
    const Item* item;
    int line;
  };
  std::map<std::string, Missing> missing;  // by path under the site's folder ("images/cat.png")
  std::error_code ec;
  for (const Item& item : run.items) {
    const std::string& b = item.body;
    std::vector<bool> code;
    auto consider = [&](std::string path, size_t at) {
      path = percent_decode(path.substr(0, path.find_first_of("?#")));
      if (path.size() < 2 || path[0] != '/' || path[1] == '/' || path.find("..") != std::string::npos || !image(path)) return;
      if (code.empty()) code = code_bytes(b);
      if (code[at]) return;
      if (base.size() > 1 && path.rfind(base, 0) == 0) path.erase(0, base.size() - 1);
      if (missing.count(path.substr(1)) || under_bundle(path) || fs::exists(run.dest / "static" / fs::path(path.substr(1)), ec)) return;
      missing[path.substr(1)] = {&item, item.body_line + static_cast<int>(std::count(b.begin(), b.begin() + static_cast<long>(at), '\n'))};
    };
    for (size_t p = 0; p < b.size(); ++p) {
      if (b.compare(p, 3, "](/") == 0 || b.compare(p, 6, "src=\"/") == 0 || b.compare(p, 6, "src='/") == 0) {
        const size_t start = b[p] == ']' ? p + 2 : p + 5;
        const size_t end = b.find_first_of(")\"' \n", start);
        if (end == std::string::npos) break;
        consider(b.substr(start, end - start), p);
        p = end;
      } else if (b.compare(p, 8, "srcset=\"") == 0 || b.compare(p, 8, "srcset='") == 0) {
        // Candidates "/a.png 2x, /b.png 800w" (css-irl's 25 posts).
        const size_t close = b.find(b[p + 7], p + 8);
        if (close == std::string::npos) break;
        for (const std::string& url : srcset_urls(std::string_view(b).substr(p + 8, close - p - 8))) consider(url, p);
        p = close;
      }
    }
  }
  if (missing.empty()) return;
  // The blog's images by file name, once: its sources, not what tools or
  // the old build made (node_modules/, _site/, dist/, Hugo's and Zola's
  // public/ and resources/) nor hidden folders (.git).
  const bool public_is_output = run.engine == Engine::hugo || run.engine == Engine::zola;
  std::map<std::string, std::vector<fs::path>> by_name;
  for (const fs::path& f : files_under(run, run.src, [&](const fs::path& p) {
         const std::string n = p.filename().string();
         return (!n.empty() && n[0] == '.') || n == "node_modules" || n == "_site" || n == "dist" ||
                (public_is_output && (n == "public" || n == "resources"));
       }))
    if (image(f)) by_name[f.filename().string()].push_back(f);
  for (const auto& [rel, where] : missing) {
    const auto found = by_name.find(fs::path(rel).filename().string());
    if (found == by_name.end()) continue;  // the build names it (build/link_check.hpp)
    if (found->second.size() > 1) {
      std::string names;
      for (size_t k = 0; k < found->second.size() && k < 3; ++k) names += (k ? ", " : "") + run.shown(found->second[k]);
      run.note(where.item->shown, where.line, "/" + rel + ": no such file among those copied, and " +
                                                  std::to_string(found->second.size()) + " files of that name in the blog (" + names +
                                                  (found->second.size() > 3 ? "..." : "") + "): not guessed; copy the right one to static/" + rel);
      continue;
    }
    size_t copied = 0;
    copy_tree(run, found->second[0], run.dest / "static" / fs::path(rel), copied);
    run.report.static_files += copied;
    if (copied) run.count("an image named from the site's root, where no folder the old engine copied had it (a bundler's copy): the one file of its name in the blog copied to that address");
  }
}

void copy_tree(Run& run, const fs::path& from, const fs::path& to, size_t& counter,
               const std::function<bool(const fs::path&)>& skip) {
  std::error_code ec;
  // Only the blog's own files: a config's "/" or "../x" names the machine's
  // (bobmonsour's passthrough list once copied /etc and /proc).
  const fs::path inside = fs::absolute(from, ec).lexically_normal().lexically_relative(fs::absolute(run.src, ec).lexically_normal());
  if (inside.empty() || inside.string().rfind("..", 0) == 0) {
    run.note(run.shown(from), 0, "outside the blog's folder: not copied");
    return;
  }
  auto copy_one = [&](const fs::path& f, const fs::path& t) {
    if (t.lexically_relative(run.dest / "static") == "404.html") {  // a theme's static one
      run.note(run.shown(f), 0, "the not-found page: Quire writes its own 404.html (with search and the nearest posts); not copied");
      return;
    }
    fs::create_directories(t.parent_path(), ec);
    if (!fs::copy_file(f, t, fs::copy_options::overwrite_existing, ec)) {
      run.report.errors.push_back({t.string(), 0, "cannot write: " + ec.message()});
      return;
    }
    ++counter;
    const fs::path in_static = t.lexically_normal().lexically_relative((run.dest / "static").lexically_normal());
    if (!in_static.empty() && in_static.string().rfind("..", 0) != 0)
      run.static_urls[fs::absolute(f, ec).lexically_normal()] = "/" + in_static.generic_string();
  };
  if (fs::is_regular_file(from, ec)) {
    if (!skip || !skip(from)) copy_one(from, to);
    return;
  }
  if (!fs::is_directory(from, ec)) return;
  for (const fs::path& f : files_under(run, from, skip)) copy_one(f, to / f.lexically_relative(from));
}

namespace {

std::string url_key(const std::string& url) { return normal_path(percent_decode(url), false); }

// unique_urls' work for one group of items: their own addresses, then
// their aliases, each against those claimed before.
void claim_urls(Run& run, const std::vector<Item*>& order, std::map<std::string, const Item*>& owner) {
  for (Item* each : order) {
    Item& item = *each;
    const std::string url = run.url_of(item);
    if (const auto it = owner.find(url_key(url)); it != owner.end()) {
      const bool had = item.out.contains("permalink");
      const std::string permalink = had ? item.out["permalink"].dump(-1, ' ', false, ojson::error_handler_t::replace) : "";
      item.out.erase("permalink");
      // Its own address may be the other's too (a post at /about/, a page
      // about.md; or it had no permalink to drop): then the first free
      // "-2", "-3" beside it.
      if (std::string own = run.url_of(item); owner.count(url_key(own))) {
        if (own.size() > 1 && own.back() == '/') own.pop_back();
        int n = 2;
        while (owner.count(url_key(own + "-" + std::to_string(n) + "/"))) ++n;
        item.out["permalink"] = own + "-" + std::to_string(n) + "/";
      }
      run.note(item.shown, 0, (had ? "permalink " + permalink : "its address " + url) + " is also " + it->second->shown +
                                  "'s (the old engine wrote one over the other); " + (had ? "left out, it" : "it") +
                                  " gets " + run.url_of(item));
    }
    owner.emplace(url_key(run.url_of(item)), &item);
  }
  for (Item* each : order)
    for (const char* k : {"aliases", "redirect_from"}) {
      Item& item = *each;
      if (!item.out.contains(k) || !item.out[k].is_array()) continue;
      ojson kept = ojson::array();
      const std::string own = url_key(run.url_of(item));
      for (const ojson& a : item.out[k]) {
        if (!a.is_string()) continue;
        // Its own address in another spelling (permalink /resume/ and
        // redirect_from /resume, Minimal Mistakes' idiom): the page itself
        // answers there; the build refuses such an alias.
        if (url_key(a.get<std::string>()) == own) {
          run.count("an old address that is the page's own (it answers there itself)");
          continue;
        }
        const auto [it, fresh] = owner.emplace(url_key(a.get<std::string>()), &item);
        if (fresh || it->second == &item) kept.push_back(a);
        else run.note(item.shown, 0, std::string(k) + ": " + a.get<std::string>() + " is " + it->second->shown + "'s address too; left out");
      }
      if (kept.empty()) item.out.erase(k);
      else item.out[k] = kept;
    }
}

}  // namespace

// Two posts or pages with one permalink (a site that was imported into
// Jekyll twice: Jekyll wrote one of them over the other): the later one
// loses the permalink, keeping the address its pattern gives it; an alias
// that another item's address or an earlier alias holds is dropped. Each
// said. The build refuses a URL claimed twice.
void unique_urls(Run& run) {
  std::map<std::string, const Item*> owner;  // normal path -> item
  // Drafts after the others (`quire build --drafts` builds them too: a
  // draft copy of a post, with its permalink and redirect_from), and after
  // the others' old addresses too: a draft, never published, takes no
  // address a published post had.
  for (const bool drafts : {false, true}) {
    std::vector<Item*> order;
    for (Item& item : run.items)
      if (item.out.contains("draft") == drafts) order.push_back(&item);
    claim_urls(run, order, owner);
  }
}

namespace {

// Links to a page bundle's files from other posts, by the address the old
// engine gave them (/Koikatu/guide/1.png) or by the source's path
// (../../Koikatu/guide/1.png): the files moved with their post
// (/posts/guide/1.png), so the links follow (jim60105's 30 images,
// AppleGamer22's gif). A link to a post's own files stays relative. And
// links to files copied into static/ that the old engine resolved from
// elsewhere (an Eleventy post's source folder, a moved post's old
// address): the one scan of the posts' links, outside code.
// A link's path resolved from the page at `url`, as a browser does.
std::string resolved(const std::string& url, const std::string& path) {
  return (fs::path(url.substr(0, url.rfind('/') + 1)) / path).lexically_normal().generic_string();
}

// An address without its trailing '/' ("/" stays): /post/x/ and /post/x are one.
std::string unslashed(std::string url) {
  while (url.size() > 1 && url.back() == '/') url.pop_back();
  return url;
}

void bundle_links(Run& run) {
  std::map<std::string, std::string> by_old_url;  // "/Koikatu/guide/1.png" -> "/posts/guide/1.png"
  std::map<fs::path, std::pair<const Item*, std::string>> by_file;  // source file -> its item, new URL
  for (const Item& item : run.items) {
    if (!item.bundle || item.out.contains("draft")) continue;
    std::string folder = percent_decode(run.url_of(item));
    folder = folder.substr(0, folder.rfind('/') + 1);
    std::string old_folder = item.old_url.empty() ? "" : item.old_url.substr(0, item.old_url.rfind('/') + 1);
    const fs::path from = item.source.parent_path();
    for (const fs::path& f : item.bundle_files) {
      const std::string rel = f.lexically_relative(from).generic_string();
      by_file[f.lexically_normal()] = {&item, folder + rel};
      if (!old_folder.empty()) by_old_url[old_folder + rel] = folder + rel;
    }
  }
  // And a moved post's link to a static file relative to its old address
  // (a Zola root post at /x/ linking ../ferris.png, now at /posts/x/:
  // rust-embedded's 3 images), from the root.
  std::set<std::string> static_files;
  for (const auto& [source, url] : run.static_urls) static_files.insert(url);
  // And a moved post's link to another post relative to its old address
  // (bigshans's ../诗 from /post/备忘录/: the poem, now at /posts/shi/):
  // every post's old address (or its address, if it did not move), with
  // no trailing '/', and where it is now.
  std::map<std::string, std::pair<const Item*, std::string>> by_post_url;
  bool moved = false;
  for (const Item& item : run.items) {
    if (item.out.contains("draft")) continue;
    const std::string now = percent_decode(run.url_of(item));
    by_post_url[unslashed(item.old_url.empty() ? now : item.old_url)] = {&item, now};
    moved = moved || !item.old_url.empty();
  }
  std::set<std::string> section_urls;  // Hugo's and Zola's sections with an _index.md, as addresses
  for (const std::string& sec : run.section_lists)
    if (!sec.empty()) section_urls.insert(unslashed("/" + section_address(run, sec)));
  if (by_file.empty() && static_files.empty() && !moved) return;
  for (Item& item : run.items) {
    if (item.body.find("](") == std::string::npos && item.body.find("src=") == std::string::npos &&
        item.body.find("href=") == std::string::npos)
      continue;
    const std::vector<bool> code = code_bytes(item.body);
    std::string out;
    size_t copied = 0;
    auto consider = [&](size_t begin, size_t end) {  // the destination item.body[begin, end)
      const std::string dest = item.body.substr(begin, end - begin);
      if (dest.empty() || dest[0] == '#' || dest.find("://") != std::string::npos || dest.rfind("//", 0) == 0 ||
          dest.rfind("mailto:", 0) == 0 || dest.rfind("data:", 0) == 0)
        return;
      const size_t cut = dest.find_first_of("?#");
      const std::string path = percent_decode(dest.substr(0, cut)), tail = cut == std::string::npos ? "" : dest.substr(cut);
      std::string to;
      const char* what = "a link to another post's file by its old path (now where the file moved with its post)";
      if (path[0] == '/') {
        if (const auto it = by_old_url.find(path); it != by_old_url.end()) to = it->second;
      } else {
        const auto it = by_file.find((item.source.parent_path() / path).lexically_normal());
        if (it != by_file.end() && it->second.first != &item) to = it->second.second;
        // An Eleventy post's image named from its source folder
        // (`../_media/images/a.png`, as its image transform and a site's
        // image plugin resolved it): where the passthrough copy put it
        // (equk's 43 images).
        if (to.empty() && run.engine == Engine::eleventy && (path.rfind("./", 0) == 0 || path.rfind("../", 0) == 0)) {
          std::error_code ec;
          if (const auto copy = run.static_urls.find(fs::absolute(item.source.parent_path() / path, ec).lexically_normal());
              copy != run.static_urls.end()) {
            to = copy->second;
            what = "a file named from the post's source folder (../images/a.png) at its copy's address";
          }
        }
        if (to.empty() && !item.old_url.empty() && !item.bundle) {
          const std::string old = resolved(item.old_url, path);
          if (static_files.count(old)) {
            to = old;
            what = "a moved post's link to a file relative to its old address (now from the root)";
          }
        }
        if (to.empty() && !item.old_url.empty() && !by_file.count((item.source.parent_path() / path).lexically_normal())) {
          const auto post = by_post_url.find(unslashed(resolved(item.old_url, path)));
          // (unless it finds the post from where it is now too: both moved)
          if (post != by_post_url.end() && post->second.first != &item &&
              unslashed(resolved(percent_decode(run.url_of(item)), path)) != unslashed(post->second.second)) {
            to = post->second.second;
            what = "a moved post's link to another post relative to its old address (now the post's address)";
          }
        }
        if (to.empty() && !item.old_url.empty()) {
          // Or to its old section's list (c-git's ../index.html from
          // /rust/refs/), which the home now is.
          std::string old = resolved(item.old_url, path);
          if (old.size() >= 10 && old.compare(old.size() - 10, 10, "index.html") == 0) old.resize(old.size() - 10);
          if (section_urls.count(unslashed(old)) && unslashed(resolved(percent_decode(run.url_of(item)), path)) != unslashed(old)) {
            to = "/";
            what = "a moved post's link to its old section's list (now the home)";
          }
        }
      }
      if (to.empty()) return;
      out.append(item.body, copied, begin - copied);
      out += encode_path(to) + tail;
      copied = end;
      run.count(what);
    };
    for (size_t at = 0; at < item.body.size(); ++at) {
      if (code[at]) continue;
      size_t begin = std::string::npos, end = std::string::npos;
      if (item.body.compare(at, 2, "](") == 0) {
        begin = at + 2;
        if (begin < item.body.size() && item.body[begin] == '<') {
          ++begin;
          end = item.body.find('>', begin);
        } else {
          end = item.body.find_first_of(" \t\n)", begin);
        }
      } else if ((item.body.compare(at, 5, "src=\"") == 0 || item.body.compare(at, 6, "href=\"") == 0) &&
                 (at == 0 || item.body[at - 1] == ' ' || item.body[at - 1] == '\n')) {
        begin = item.body.find('"', at) + 1;
        end = item.body.find('"', begin);
      } else if (item.body[at] == '[' && (at == 0 || item.body[at - 1] == '\n')) {
        // a reference definition, "[shot]: ../a.png"
        const size_t close = item.body.find("]:", at);
        if (close != std::string::npos && item.body.find_first_of("\n[", at + 1) > close) {
          begin = item.body.find_first_not_of(" \t", close + 2);
          end = begin == std::string::npos ? begin : item.body.find_first_of(" \t\n", begin);
          if (end == std::string::npos && begin != std::string::npos) end = item.body.size();
        }
      }
      if (begin == std::string::npos || end == std::string::npos || end <= begin) continue;
      consider(begin, end);
      at = end;
    }
    if (copied) item.body = out + item.body.substr(copied);
  }
}

}  // namespace

void each_relative_ref(const std::string& body, const std::function<void(size_t, size_t, const std::string&)>& visit) {
  const std::vector<bool> code = code_bytes(body);
  for (size_t p = 0; p + 2 < body.size(); ++p) {
    size_t start;
    if (body.compare(p, 2, "](") == 0) start = p + 2;
    else if (body.compare(p, 5, "src=\"") == 0) start = p + 5;
    else continue;
    if (code[p]) continue;
    const size_t end = body.find_first_of(")\" \n", start);
    if (end == std::string::npos) return;
    const std::string path = body.substr(start, end - start);
    if (path.empty() || path[0] == '/' || path[0] == '#' || path.find(':') != std::string::npos) continue;
    visit(start, end, path);
  }
}

// A post's or page's image named relative to its file (Eleventy's image
// shortcode, {% image "./images/x.jpg" %}, which read it from beside the
// source: kpwags's 111 posts of 2024-2026), where that file is there and
// nothing else puts one: the post becomes a folder with those files
// beside it, where the relative address finds them. (Hugo's and Zola's
// files in content/ are published where they are, a section's own.)
void files_beside_as_bundles(Run& run) {
  if (run.engine != Engine::eleventy) return;
  std::error_code ec;
  for (Item& item : run.items) {
    if (item.bundle || !markdown_file(item.source)) continue;
    const fs::path from = item.source.parent_path();
    std::set<fs::path> found;
    each_relative_ref(item.body, [&](size_t, size_t, const std::string& written) {
      const std::string path = percent_decode(written.substr(0, written.find_first_of("?#")));
      const fs::path rel = fs::path(path).lexically_normal();
      if (rel.empty() || *rel.begin() == ".." || markdown_file(rel)) return;
      const fs::path file = from / rel;
      if (fs::is_regular_file(file, ec)) found.insert(file);
    });
    if (found.empty()) continue;
    item.bundle = true;
    item.bundle_files.assign(found.begin(), found.end());
    item.name = fs::path(item.name).stem().string();
    run.count("a post's or page's files named relative to it, beside its file (./images/x.jpg): a folder with them");
  }
}

void write_items(Run& run) {
  files_beside_as_bundles(run);
  unique_urls(run);
  bundle_links(run);
  std::set<std::string> taken[2];  // posts, pages
  size_t prefix_length = 0;
  // Drafts named after the others, as their slugs were given (unique_slugs):
  // a published post keeps its file's name, and so the slug it makes.
  for (const bool drafts : {false, true})
    for (Item& item : run.items) {
      if (item.out.contains("draft") != drafts) continue;
      std::string& name = item.name;
      // A page bundle (Hugo's content/about/index.md and its images): Quire's
      // pages are files, so the page is pages/about.md and its files go where
      // its address is (static/about/me.png is /about/me.png), where its
      // relative links find them.
      const bool page_bundle = item.page && item.bundle;
      if (page_bundle) name += ".md";
      // A post's name dated as Jekyll and Hugo allow (2023-4-11-x.md,
      // 2020-01-01_x.md): the build reads YYYY-MM-DD- only, so the date is
      // written so, or the slug kept it (jeffellin's 2 posts were at
      // /2023/11/05/2023-4-11-crossplane-connection-details/).
      if (std::string ymd; !item.page && file_date(name, ymd, &prefix_length) && (prefix_length != 11 || name[10] != '-'))
        name = ymd + "-" + name.substr(prefix_length);
      std::set<std::string>& used = taken[item.page ? 1 : 0];
      if (!used.insert(name).second) {
        const fs::path p(name);
        std::string stem = item.bundle && !page_bundle ? name : p.stem().string(),
                    ext = item.bundle && !page_bundle ? "" : p.extension().string();
        int n = 2;
        while (!used.insert(stem + "-" + std::to_string(n) + ext).second) ++n;
        run.note(item.shown, 0, "\"" + name + "\" is taken by another file; written as \"" + stem + "-" + std::to_string(n) + ext + "\"");
        name = stem + "-" + std::to_string(n) + ext;
      }
    }
  for (Item& item : run.items) {
    const std::string& name = item.name;
    const bool page_bundle = item.page && item.bundle;
    const fs::path dir = run.dest / (item.page ? "pages" : "posts");
    const fs::path file = item.bundle && !page_bundle ? dir / name / "index.md" : dir / name;
    const std::string ext = item.source.extension().string();  // a page in HTML is left as it was written
    std::string body = ext == ".html" || ext == ".htm" ? item.body : html_heading_blocks(run, item.body);
    if (!body.empty() && body.back() != '\n') body += '\n';
    std::string error;
    if (!write_file(file, yaml_front_matter(item.out) + (body.empty() || body[0] == '\n' ? "" : "\n") + body, error)) {
      run.report.errors.push_back({file.string(), 0, error});
      continue;
    }
    if (item.page) ++run.report.pages;
    else ++run.report.posts;
    if (!item.page && item.out.contains("draft")) ++run.report.drafts;
    if (item.bundle) {
      if (!item.page) ++run.report.bundles;
      const fs::path from = item.source.parent_path();
      fs::path to = dir / name;
      if (page_bundle) {
        std::string url = percent_decode(run.url_of(item));  // "/about/", or "/about.html"
        if (url.empty() || url.back() != '/') url = url.substr(0, url.rfind('/') + 1);
        to = run.dest / "static" / fs::path(url).relative_path();
      }
      for (const fs::path& f : item.bundle_files)
        copy_tree(run, f, to / f.lexically_relative(from), page_bundle ? run.report.static_files : run.report.bundle_files);
    }
  }
}

void carry_iframe_hosts(Run& run, ojson& site) {
  std::map<std::string, size_t> uses;  // hosts beyond the build's own: their iframes
  const std::string defaults(kDefaultIframeHosts);
  auto default_host = [&](const std::string& h) { return (" " + defaults + " ").find(" " + h + " ") != std::string::npos; };
  for (const Item& item : run.items) {
    const std::string lower = ascii_lower(item.body);
    std::vector<bool> code;
    for (size_t at = lower.find("<iframe"); at != std::string::npos; at = lower.find("<iframe", at + 7)) {
      const size_t end = lower.find('>', at);
      if (end == std::string::npos) break;
      if (code.empty()) code = code_bytes(item.body);
      if (code[at]) continue;
      // Its src: " src=" then a quoted or bare value, from https:// or // (https on an https site).
      const std::string tag = lower.substr(at, end - at);
      size_t src = std::string::npos;
      for (size_t k = tag.find("src"); k != std::string::npos; k = tag.find("src", k + 3))
        if (k > 0 && std::strchr(" \t\n", tag[k - 1]) && tag.find_first_not_of(" \t\n", k + 3) != std::string::npos &&
            tag[tag.find_first_not_of(" \t\n", k + 3)] == '=') {
          src = tag.find_first_not_of(" \t\n", tag.find('=', k) + 1);
          break;
        }
      if (src == std::string::npos) continue;
      if (tag[src] == '"' || tag[src] == '\'') ++src;
      std::string_view url = std::string_view(tag).substr(src);
      if (url.rfind("https://", 0) == 0) url.remove_prefix(8);
      else if (url.rfind("//", 0) == 0) url.remove_prefix(2);
      else continue;  // http: the build would load it over https, which its host may not serve
      const std::string host(url.substr(0, url.find_first_of("/?#\"' \t\n")));
      if (host.empty() || host.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") != std::string::npos ||
          host.front() == '.' || host.back() == '.' || default_host(host))
        continue;
      ++uses[host];
    }
  }
  if (uses.empty()) return;
  // The list replaces the build's own: those stay in it.
  ojson list = ojson::array();
  for (size_t at = 0; at < defaults.size();) {
    const size_t space = std::min(defaults.find(' ', at), defaults.size());
    list.push_back(defaults.substr(at, space - at));
    at = space + 1;
  }
  for (const auto& [host, count] : uses) {
    list.push_back(host);
    run.report.converted["an iframe from " + host + ": its host added to site.yaml's iframe_hosts, beside the build's own "
                         "(YouTube's, Vimeo's); take it out there to refuse it"] += count;
  }
  site["iframe_hosts"] = list;
}

void write_site(Run& run, const ojson& site) {
  std::string text = "# Converted by quire import " + std::string(engine_name(run.engine)) + " from " +
                     run.src.string() + "\n";
  for (const auto& [k, v] : site.items()) {
    // `author: name: ~` in a config: no value is no setting
    if (v.is_null() || (v.is_string() && trim(v.get<std::string>()).empty())) continue;
    if (v.is_object() && !v.empty()) {  // redirects: one a line
      text += k + ":\n";
      for (const auto& [from, to] : v.items())
        text += "  " + ojson(from).dump(-1, ' ', false, ojson::error_handler_t::replace) + ": " +
                to.dump(-1, ' ', false, ojson::error_handler_t::replace) + "\n";
    } else {
      text += k + ": " + v.dump(-1, ' ', false, ojson::error_handler_t::replace) + "\n";
    }
    run.report.settings.push_back(k);
  }
  std::string error;
  if (!write_file(run.dest / "site.yaml", text, error)) run.report.errors.push_back({(run.dest / "site.yaml").string(), 0, error});
}

void set_url(Run& run, ojson& site, const std::string& url, const std::string& base, const std::string& file) {
  std::string origin, path = "/";
  if (!url.empty() && !split_site_url(url, origin, path)) {
    run.note(file, 0, "url \"" + url + "\" is not an absolute http(s) URL with a host (the build's rule); left out of site.yaml");
    origin.clear();
    path = "/";
  }
  if (!base.empty()) path = base;
  if (path.empty() || path[0] != '/') path = "/" + path;
  if (path.back() != '/') path += '/';
  if (!origin.empty()) site["url"] = origin;
  if (!origin.empty()) run.site_url = origin + path;
  if (path != "/") {
    if (valid_base_path(path)) site["base_path"] = path;
    else run.note(file, 0, "base path \"" + path + "\" is not one Quire takes (" + std::string(kBasePathExpectation) + "); left out");
  }
}

std::string trim(std::string_view s) {
  const size_t b = s.find_first_not_of(" \t\n");
  if (b == std::string_view::npos) return "";
  const size_t e = s.find_last_not_of(" \t\n");
  return std::string(s.substr(b, e - b + 1));
}

namespace {

// An attribute block "{.a #b c=d e="f g"}": whether `s` (its braces
// included) is one.
bool attrs_block(std::string_view s) {
  if (s.size() < 3 || s.front() != '{' || s.back() != '}') return false;
  size_t i = 1, words = 0;
  const size_t end = s.size() - 1;
  auto name_char = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == ':'; };
  while (i < end) {
    if (s[i] == ' ' || s[i] == '\t') {
      ++i;
      continue;
    }
    if (s[i] == '.' || s[i] == '#') {
      const size_t from = ++i;
      while (i < end && name_char(s[i])) ++i;
      if (i == from) return false;
    } else {
      const size_t from = i;
      while (i < end && (name_char(s[i]) || s[i] == '.')) ++i;
      if (i == from || i >= end || s[i] != '=') return false;
      ++i;
      if (i < end && (s[i] == '"' || s[i] == '\'')) {
        const size_t close = s.find(s[i], i + 1);
        if (close == std::string_view::npos || close >= end) return false;
        i = close + 1;
      } else {
        const size_t from_value = i;
        while (i < end && s[i] != ' ' && s[i] != '\t' && s[i] != '"' && s[i] != '\'') ++i;
        if (i == from_value) return false;
      }
    }
    if (i < end && s[i] != ' ' && s[i] != '\t') return false;
    ++words;
  }
  return words > 0;
}

}  // namespace

std::string drop_markdown_attrs(Run& run, const std::string& text, bool spans) {
  if (text.find('{') == std::string::npos) return text;
  const std::vector<bool> code = code_bytes(text);
  std::string out;
  out.reserve(text.size());
  size_t dropped = 0;
  for (size_t pos = 0; pos < text.size();) {
    size_t e = text.find('\n', pos);
    if (e == std::string::npos) e = text.size();
    std::string line = text.substr(pos, e - pos);
    const size_t lead = line.find_first_not_of(" \t");
    const bool heading = lead != std::string::npos && line[lead] == '#';
    if (!heading && lead != std::string::npos && !code[pos + lead] && line[lead] == '{') {
      const size_t last = line.find_last_not_of(" \t\r");
      if (line[last] == '}' && attrs_block(std::string_view(line).substr(lead, last + 1 - lead))) {
        ++dropped;  // a line of its own: the block before it
        pos = e + 1;
        continue;
      }
    }
    std::string kept;
    size_t from = 0;
    for (size_t at = heading || !spans ? std::string::npos : line.find('{'); at != std::string::npos;
         at = line.find('{', at + 1)) {
      if (code[pos + at]) continue;
      const size_t close = line.find('}', at);
      if (close == std::string::npos || !attrs_block(std::string_view(line).substr(at, close + 1 - at))) continue;
      const bool span = at > 0 && std::strchr(")]*_`", line[at - 1]) != nullptr;
      const bool ends = line.find_first_not_of(" \t\r", close + 1) == std::string::npos;
      if (!span && !ends) continue;
      std::string before = line.substr(from, at - from);
      if (!span)
        while (!before.empty() && (before.back() == ' ' || before.back() == '\t')) before.pop_back();
      kept += before;
      from = close + 1;
      ++dropped;
      at = close;
    }
    if (from > 0) line = kept + line.substr(from);
    out += line;
    if (e < text.size()) out += '\n';
    pos = e + 1;
  }
  if (dropped) run.count("attribute block ({.class #id}, markdown-it-attrs' or goldmark's): dropped");
  return out;
}


}  // namespace quire::import
