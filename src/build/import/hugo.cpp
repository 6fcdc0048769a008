// Hugo: hugo.{toml,yaml,json} or config.{toml,yaml,json} (or
// config/_default/), content/ with sections and page bundles, static/.
// Front matter in YAML or TOML. Shortcodes {{< name >}} and {{% name %}}:
// highlight, figure, ref/relref, youtube and gist have equivalents; the
// rest are reported. Go template syntax is not run inside content, so a
// {{ ... }} in a Hugo post is already text and stays as it is.
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "build/fsutil.hpp"
#include "build/import/common.hpp"
#include "build/import/template_syntax.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"

namespace quire::import {

namespace {

// `over`'s keys set in `c`, tables merged key by key (Hugo's SetParams).
void merge_over(ojson& c, const ojson& over) {
  if (!c.is_object() || !over.is_object()) {
    c = over;
    return;
  }
  for (const auto& [k, v] : over.items())
    if (c.contains(k) && c[k].is_object() && v.is_object()) merge_over(c[k], v);
    else c[k] = v;
}

// Hugo's config: the root's hugo.toml (or config.*), then config/_default/
// set over it (Hugo's allconfig loads the root's file, then sets the
// config directory's values over it, table by table: the directory's
// keys win), with the split files beside the latter: params.toml is its
// [params], permalinks.yaml its [permalinks], languages.en.toml its
// [languages.en]... config/production/ is read last, the same way.
bool read_config_file(Run& run, ojson& c, fs::path& shown) {
  // then config/production/ over both: `hugo` builds the production
  // environment (Lruihao's real baseURL is there, _default's is localhost)
  const fs::path dirs[] = {run.src, run.src / "config" / "_default", run.src / "config" / "production"};
  bool any = false, ok = true;
  std::error_code ec;
  for (const fs::path& dir : dirs) {
    static const char* const root_names[] = {"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.toml", "config.yaml", "config.yml", "config.json"};
    static const char* const dir_names[] = {"config.toml", "config.yaml", "config.yml", "config.json", "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"};
    for (const char* name : dir == run.src ? root_names : dir_names) {
      const fs::path f = dir / name;
      std::string text, error;
      int line = 0;
      if (!read_file(f, text)) continue;
      if (!any) shown = f;
      any = true;
      ojson read;
      if (!(f.extension() == ".toml" ? parse_toml(text, read, error, line) : parse_yaml(text, read, error, line))) {
        run.note(run.shown(f), line + 1, error + "; site settings not converted");
        ok = false;
      } else if (read.is_object()) {
        if (!c.is_object()) c = ojson::object();
        merge_over(c, read);
      }
      // The root's first file only; a config directory's all (rtdevx's
      // config/_default/ had hugo.toml and config.toml, its [taxonomies]
      // series in the latter): config.*, then hugo.* over it.
      if (dir == run.src) break;
    }
    if (dir == run.src || !fs::is_directory(dir, ec)) continue;
    std::vector<fs::path> parts;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) parts.push_back(it->path());
    std::sort(parts.begin(), parts.end());
    for (const fs::path& part : parts) {
      const std::string ext = part.extension().string(), stem = part.stem().string();
      if (ext != ".toml" && ext != ".yaml" && ext != ".yml" && ext != ".json") continue;
      const size_t dot = stem.find('.');
      const std::string key = stem.substr(0, dot), code = dot == std::string::npos ? "" : stem.substr(dot + 1);
      const bool known = key == "params" || key == "permalinks" || key == "taxonomies" || key == "languages" || key == "menus";
      if (!known || (!code.empty() && key != "languages")) continue;  // params.en.toml: a translation's
      std::string ptext, error;
      int line = 0;
      ojson value;
      if (!read_file(part, ptext)) continue;
      if (!(ext == ".toml" ? parse_toml(ptext, value, error, line) : parse_yaml(ptext, value, error, line))) {
        run.note(run.shown(part), line + 1, error + "; not converted");
        continue;
      }
      if (!any) shown = part;
      any = true;
      if (!c.is_object()) c = ojson::object();
      if (code.empty()) {
        if (!c.contains(key)) c[key] = ojson::object();
        merge_over(c[key], value);
      } else {  // languages.zh-tw.toml: [languages.zh-tw]
        if (!c.contains("languages") || !c["languages"].is_object()) c["languages"] = ojson::object();
        if (!c["languages"].contains(code)) c["languages"][code] = ojson::object();
        merge_over(c["languages"][code], value);
      }
    }
  }
  if (!any) run.note(run.shown(run.src / "hugo.toml"), 0, "missing (nor config.toml): no site settings to convert");
  return any && ok;
}

std::string get_str(const ojson& o, const char* key) {
  if (!o.is_object()) return "";
  for (const auto& [k, v] : o.items())  // Hugo's keys are case-insensitive
    if (v.is_string() && k.size() == std::string(key).size() &&
        std::equal(k.begin(), k.end(), key, [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
      return v.get<std::string>();
  return "";
}

const ojson* get_obj(const ojson& o, const char* key) {
  if (!o.is_object()) return nullptr;
  for (const auto& [k, v] : o.items())
    if (k.size() == std::string(key).size() &&
        std::equal(k.begin(), k.end(), key, [](char a, char b) { return std::tolower(a) == std::tolower(b); }))
      return &v;
  return nullptr;
}

// What the config says of old addresses that only read_hugo acts on.
struct HugoAddresses {
  // [permalinks] of a taxonomy (Wowchemy's tags = "/tag/:slug/"): where its
  // terms' pages were, by the taxonomy's name.
  std::map<std::string, std::string> term_permalinks;
  // The RSS feeds' file name ([outputFormats.RSS] baseName = "feed":
  // SunsetMkt's /post/feed.xml): index.xml unless it says otherwise.
  std::string feed_file = "index.xml";
};

void read_config(Run& run, ojson& site, std::string& content_dir, HugoAddresses& addresses) {
  ojson c;
  fs::path file;
  if (!read_config_file(run, c, file)) return;
  const std::string shown = run.shown(file);
  const ojson* params = get_obj(c, "params");
  const ojson empty = ojson::object();
  const ojson& p = params ? *params : empty;
  for (const auto& [k, v] : p.items())  // {{< param author >}}
    if (v.is_string() || v.is_number()) run.site_vars["params." + ascii_lower(k)] = v.is_string() ? v.get<std::string>() : v.dump();
  if (!get_str(c, "title").empty()) site["title"] = get_str(c, "title");
  if (config_math(c)) site["math"] = true;  // math.cpp
  if (hugo_passthrough(c)) site["math_raw"] = true;  // math.cpp; not a site.yaml key
  // goldmark's block attributes ([markup.goldmark.parser.attribute] block =
  // true): "{.note}" on the line after a paragraph was its looks, never
  // text (drop_markdown_attrs; not a site.yaml key).
  const ojson* attribute = &c;
  for (const char* k : {"markup", "goldmark", "parser", "attribute"})
    attribute = attribute && attribute->is_object() && attribute->contains(k) ? &(*attribute)[k] : nullptr;
  if (attribute && attribute->is_object() && attribute->contains("block") && (*attribute)["block"] == true)
    site["block_attributes"] = true;
  std::string description = get_str(p, "description");
  if (description.empty()) description = get_str(c, "description");
  if (!description.empty()) site["description"] = description;
  std::string author = get_str(p, "author");
  if (author.empty()) author = get_str(c, "author");
  for (const ojson* a : {get_obj(p, "author"), get_obj(c, "author")})
    if (author.empty() && a && a->is_object()) author = get_str(*a, "name");
  if (!author.empty()) site["author"] = author;
  set_url(run, site, get_str(c, "baseURL"), "", shown);
  std::string lang = get_str(c, "languageCode");
  // An explicit defaultContentLanguage of another language says what the posts are in.
  if (const std::string content_lang = get_str(c, "defaultContentLanguage");
      lang.empty() || (!content_lang.empty() && ascii_lower(content_lang.substr(0, content_lang.find_first_of("-_"))) !=
                                                    ascii_lower(lang.substr(0, lang.find_first_of("-_")))))
    if (!content_lang.empty()) lang = content_lang;
  if (!lang.empty()) site["language"] = lang.substr(0, lang.find_first_of("-_"));
  if (!get_str(c, "timeZone").empty()) site["timezone"] = run.timezone = get_str(c, "timeZone");
  const ojson* paginate = get_obj(c, "paginate");
  if (const ojson* pg = get_obj(c, "pagination")) paginate = get_obj(*pg, "pagerSize");
  if (paginate && (paginate->is_number_integer() || paginate->is_string())) {
    const int n = paginate->is_string() ? std::atoi(paginate->get<std::string>().c_str()) : paginate->get<int>();
    if (n >= 1 && n <= 1000) site["posts_per_page"] = run.hugo_paginate = n;
  }
  if (!get_str(c, "paginatePath").empty()) run.hugo_paginate_path = get_str(c, "paginatePath");
  if (const ojson* pg = get_obj(c, "pagination"); pg && !get_str(*pg, "path").empty()) run.hugo_paginate_path = get_str(*pg, "path");
  auto yes = [](const ojson* v) { return v && (*v == true || *v == "true"); };  // TOML's true, YAML's "true"
  if (yes(get_obj(c, "disablePathToLower"))) run.hugo_lower = false;
  if (yes(get_obj(c, "removePathAccents"))) run.hugo_remove_accents = true;
  if (yes(get_obj(c, "uglyURLs"))) run.hugo_ugly = true;
  if (yes(get_obj(c, "enableEmoji"))) run.emoji = true;  // :tada: as its emoji (emojify)
  if (yes(get_obj(c, "buildDrafts"))) run.drafts_published = true;  // dmerejkowsky's 16 posts
  if (yes(get_obj(c, "buildFuture"))) {  // posts dated after the build too: Quire's build publishes them so
    run.hugo_future = true;
    site["future"] = true;
  }
  if (yes(get_obj(c, "buildExpired"))) run.hugo_expired = true;
  // goldmark's [markup.goldmark.renderer] hardWraps: each line break in a
  // paragraph was a <br>.
  const ojson* renderer = &c;
  for (const char* k : {"markup", "goldmark", "renderer"}) renderer = renderer ? get_obj(*renderer, k) : nullptr;
  if (renderer && yes(get_obj(*renderer, "hardWraps"))) site["hard_breaks"] = true;
  if (const ojson* perm = get_obj(c, "permalinks"); perm && perm->is_object()) {
    // By section (content/<section>/); Hugo 0.120's [permalinks.page] too.
    const ojson* page = get_obj(*perm, "page");
    const ojson& table = page && page->is_object() ? *page : *perm;
    for (const auto& [section, pattern] : table.items())
      if (pattern.is_string()) {
        run.section_permalinks[section] = quire_pattern(pattern.get<std::string>(), section);
        run.hugo_patterns[section] = pattern.get<std::string>();
      }
  }
  // Hugo's taxonomies are tags and categories unless [taxonomies] says
  // otherwise; categories had pages of their own (/categories/<name>/).
  const ojson* tax = get_obj(c, "taxonomies");
  bool categories = !tax;
  if (tax && tax->is_object())
    for (const auto& [singular, plural] : tax->items()) {
      categories = categories || (plural.is_string() && plural.get<std::string>() == "categories");
      if (plural.is_string() && plural != "tags" && plural != "categories") run.extra_taxonomies.insert(plural.get<std::string>());
    }
  if (categories) site["taxonomies"] = ojson::array({"tags", "categories"});
  run.category_pages = categories;
  // A taxonomy's [permalinks] is its terms' pages, not a section's.
  std::set<std::string> taxonomies;
  if (!tax) taxonomies = {"tags", "categories"};
  else if (tax->is_object())
    for (const auto& [singular, plural] : tax->items())
      if (plural.is_string()) taxonomies.insert(plural.get<std::string>());
  // Each had its list (and its feed, its page/1/) with no term too: orf's
  // /categories/ of a blog with no category.
  for (const std::string& t : taxonomies) run.terms[t];
  for (auto it = run.section_permalinks.begin(); it != run.section_permalinks.end();) {
    const std::string& name = it->first;
    if (!taxonomies.count(name)) {
      ++it;
      continue;
    }
    addresses.term_permalinks[name] = run.hugo_patterns[name];
    run.hugo_patterns.erase(name);
    it = run.section_permalinks.erase(it);
  }
  if (const ojson* formats = get_obj(c, "outputFormats"))
    if (const ojson* rss = get_obj(*formats, "RSS"); rss && !get_str(*rss, "baseName").empty()) {
      const std::string base = get_str(*rss, "baseName");
      if (base.find_first_of("/:?# ") == std::string::npos) addresses.feed_file = base + ".xml";
    }
  if (!get_str(c, "contentDir").empty()) content_dir = get_str(c, "contentDir");
  if (!get_str(c, "defaultContentLanguage").empty()) {
    // Its code names its own files too (_index.zh-cn.md) with no [languages] table.
    run.default_language = get_str(c, "defaultContentLanguage");
    run.languages.insert(run.default_language);
  }
  if (yes(get_obj(c, "defaultContentLanguageInSubdir"))) {
    run.old_url_prefix = "/" + ascii_lower(run.default_language.empty() ? std::string("en") : run.default_language);
    run.count("defaultContentLanguageInSubdir: old addresses under " + run.old_url_prefix + "/");
  }
  if (const ojson* langs = get_obj(c, "languages"); langs && langs->is_object()) {
    for (const auto& [code, settings] : langs->items()) run.languages.insert(code);
    // Hugo's languages by folder ([languages.ja] contentDir = "content/ja",
    // title = "..."): the default language's folder is the blog, at the
    // site's root; the other languages' folders are translations.
    for (const auto& [code, settings] : langs->items()) {
      std::string dir = get_str(settings, "contentDir");
      while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
      if (code != run.default_language) {
        if (!dir.empty()) run.translation_dirs[run.src / dir] = code;
        continue;
      }
      if (!dir.empty()) content_dir = dir;
      // The default language's code is the blog's language (jhanos's French
      // blog kept the template's languageCode = "en-us" at the top).
      const std::string code_of_default = get_str(settings, "languageCode").empty() ? code : get_str(settings, "languageCode");
      site["language"] = ascii_lower(code_of_default.substr(0, code_of_default.find_first_of("-_")));
      // The default language's title is the site's, over the root's (Hugo
      // showed hyhforevertop's "HYH's Blog", not "My New Hugo Site").
      if (!get_str(settings, "title").empty()) site["title"] = get_str(settings, "title");
      const ojson* lp = get_obj(settings, "params");
      if (!site.contains("description") && lp && !get_str(*lp, "description").empty())
        site["description"] = get_str(*lp, "description");
    }
  }
}

bool at_line_start(std::string_view text, size_t pos) { return pos == 0 || text[pos - 1] == '\n'; }

std::string trim_copy(const std::string& s) {
  const size_t b = s.find_first_not_of(" \t\n");
  if (b == std::string::npos) return "";
  return s.substr(b, s.find_last_not_of(" \t\n") - b + 1);
}

// The site's (or its theme's) own shortcode template,
// layouts/_shortcodes/<name>.html (Hugo 0.146's folder) or
// layouts/shortcodes/, else a markdown one (<name>.md: its text is
// markdown), the site's first; nothing if none.
std::optional<std::string> shortcode_template(const Run& run, const std::string& name) {
  if (name.empty() || name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != std::string::npos)
    return std::nullopt;
  if (const auto known = run.shortcode_templates.find(name); known != run.shortcode_templates.end()) return known->second;
  std::optional<std::string>& found = run.shortcode_templates[name];
  for (const fs::path& root : site_and_themes(run))
    for (const char* ext : {".html", ".md"})
      for (const char* dir : {"_shortcodes", "shortcodes"}) {
        std::string text;
        if (!found && read_file(root / "layouts" / dir / (name + ext), text)) found = std::move(text);
      }
  return found;
}

// Its HTML when the template is plain HTML (a series' list of links, a
// banner): no Go template and no script (an ad) in it.
std::optional<std::string> static_shortcode(const Run& run, const std::string& name) {
  const std::optional<std::string> tpl = shortcode_template(run, name);
  return tpl ? plain_html_snippet(*tpl, false) : std::nullopt;
}

// What a site's shortcode template of HTML and a few plain actions
// renders: {{ .Inner }} (the text between the tags, as Hugo passes it:
// not escaped; | markdownify and | safeHTML change nothing here),
// {{ .Get "name" }} and {{ .Get 0 }} (escaped, as html/template does),
// {{ $x := .Get "name" }} then {{ $x }}, a page resource by a parameter
// ({{ $img := .Page.Resources.GetMatch (.Get "image") }}, then
// {{ $img.RelPermalink }}: the file beside the post, by the same relative
// name), "" and comments; {{- -}} trim. Anything else (if, range, with,
// functions) is a template Quire does not run: nullopt. henrikssommerfeld's
// 146 post-image figures and 9 abbreviations, of {{ .Inner }} and .Get.
std::optional<std::string> simple_shortcode(const std::string& tpl, const Args& args, const std::string& inner) {
  static const std::regex get(R"re(^\.Get\s+(?:"([\w-]+)"|(\d+))$)re");
  static const std::regex assign(R"re(^\$(\w+)\s*:?=\s*(.+)$)re");
  static const std::regex resource(R"re(^\.Page\.Resources\.(?:GetMatch|Get)\s+\(\s*(\.Get\s+(?:"[\w-]+"|\d+))\s*\)$)re");
  static const std::regex var_use(R"re(^\$(\w+)(?:\.(RelPermalink|Permalink))?$)re");
  static const std::regex inner_use(R"re(^\.Inner(?:\s*\|\s*(?:markdownify|safeHTML|\.Page\.RenderString))?$)re");
  std::map<std::string, std::string> vars;  // value, escaped when used
  auto get_value = [&](const std::smatch& m) -> std::optional<std::string> {
    if (m[1].matched) return args.get(m[1].str());
    const size_t i = static_cast<size_t>(std::stoul(m[2].str()));
    return i < args.words.size() ? args.words[i] : std::string();
  };
  std::string out;
  size_t at = 0;
  bool trim_next = false;
  while (at < tpl.size()) {
    const size_t open = tpl.find("{{", at);
    std::string textpart = tpl.substr(at, open == std::string::npos ? std::string::npos : open - at);
    if (trim_next) textpart.erase(0, std::min(textpart.find_first_not_of(" \t\r\n"), textpart.size()));
    trim_next = false;
    if (open == std::string::npos) {
      out += textpart;
      break;
    }
    const size_t close = tpl.find("}}", open + 2);
    if (close == std::string::npos) return std::nullopt;
    std::string action = tpl.substr(open + 2, close - open - 2);
    if (!action.empty() && action[0] == '-') {
      action.erase(0, 1);
      textpart.erase(textpart.find_last_not_of(" \t\r\n") == std::string::npos ? 0 : textpart.find_last_not_of(" \t\r\n") + 1);
    }
    if (!action.empty() && action.back() == '-') action.pop_back(), trim_next = true;
    out += textpart;
    action = trim_copy(action);
    at = close + 2;
    std::smatch m;
    if (action.empty() || action == "\"\"" || (action.size() >= 4 && action.rfind("/*", 0) == 0 && action.compare(action.size() - 2, 2, "*/") == 0))
      continue;
    if (std::regex_match(action, m, inner_use)) {
      out += inner;
    } else if (std::regex_match(action, m, get)) {
      out += escape_html(*get_value(m));
    } else if (std::regex_match(action, m, assign)) {
      const std::string name = m[1].str(), value = trim_copy(m[2].str());
      std::smatch v;
      if (std::regex_match(value, v, get)) vars[name] = *get_value(v);
      else if (std::regex_match(value, v, resource)) {
        const std::string call = v[1].str();
        std::smatch g;
        if (!std::regex_match(call, g, get)) return std::nullopt;
        vars[name] = *get_value(g);
      }
      else return std::nullopt;
    } else if (std::regex_match(action, m, var_use) && vars.count(m[1].str())) {
      out += escape_html(vars[m[1].str()]);
    } else {
      return std::nullopt;
    }
  }
  return trim_copy(out);
}

// A paired shortcode whose template renders its inner text as markdown
// in some HTML ({{ .Inner | markdownify }}, .Page.RenderString): the
// text is the post's.
bool markdown_wrapper(const Run& run, const std::string& name) {
  const std::optional<std::string> html = shortcode_template(run, name);
  if (!html || html->find(".Inner") == std::string::npos ||
      (html->find("markdownify") == std::string::npos && html->find("RenderString") == std::string::npos))
    return false;
  // Only markup around the text: what it shows besides (orf's image-sidebar:
  // a heading from a parameter, a bundle's image) would be lost, so such a
  // shortcode is reported, not "converted" to its text. Actions in a tag's
  // attributes (a class from .Get 0) and control actions are markup.
  const std::string& h = *html;
  bool in_tag = false;
  for (size_t i = 0; i < h.size(); ++i) {
    if (h.compare(i, 2, "{{") == 0) {
      const size_t end = h.find("}}", i + 2);
      if (end == std::string::npos) return false;
      std::string action = trim_copy(h.substr(i + 2, end - i - 2));
      if (!action.empty() && action[0] == '-') action = trim_copy(action.substr(1));
      if (!action.empty() && action.back() == '-') action = trim_copy(action.substr(0, action.size() - 1));
      const bool control = action.empty() || action.rfind("/*", 0) == 0 || action.rfind("if ", 0) == 0 || action.rfind("else", 0) == 0 ||
                           action == "end" || action.rfind("with ", 0) == 0 || action.rfind("$", 0) == 0;
      const bool inner = action.find(".Inner") != std::string::npos || action == "." || action.rfind(". |", 0) == 0 ||
                         action.rfind(".|", 0) == 0;
      if (!in_tag && !control && !inner) return false;  // a parameter, a resource, a page's value shown as text
      i = end + 1;
    } else if (h[i] == '<' && !in_tag) {
      in_tag = true;
      static const char* const kShows[] = {"<img", "<iframe", "<video", "<audio", "<svg", "<picture", "<object", "<embed", "<canvas"};
      for (const char* e : kShows)
        if (ascii_lower(h.substr(i, std::strlen(e))) == e) return false;
    } else if (h[i] == '>' && in_tag) {
      in_tag = false;
    } else if (!in_tag && !std::isspace(static_cast<unsigned char>(h[i]))) {
      return false;  // words of its own
    }
  }
  return true;
}

// A post's image named relative to nothing Hugo publishes beside it
// ("images/a.jpg" in a post at /2023/01/27/x/, "../../static/images/a.jpg"
// as an editor previews it), when static/ has the file: made root-relative.
void relative_static_images(Run& run) {
  std::error_code ec;
  for (Item& item : run.items) {
    if (item.bundle) continue;  // a bundle's images sit beside it
    std::string out;
    size_t from = 0;
    each_relative_ref(item.body, [&](size_t start, size_t end, const std::string& path) {
      std::string rel = path;
      while (rel.rfind("../", 0) == 0) rel = rel.substr(3);
      if (rel.rfind("static/", 0) == 0) rel = rel.substr(7);
      else if (rel.rfind("./", 0) == 0 || path.rfind("../", 0) == 0) return;
      const std::string file = percent_decode(rel.substr(0, rel.find_first_of("?#")));
      if (file.empty() || file.find("..") != std::string::npos || !fs::is_regular_file(run.src / "static" / file, ec) ||
          fs::exists(item.source.parent_path() / file, ec))
        return;
      out += item.body.substr(from, start - from) + "/" + rel;
      from = end;
      run.count("an image path relative to the post, found in static/ (made root-relative)");
    });
    if (from > 0) item.body = out + item.body.substr(from);
  }
}


}  // namespace

TagResult hugo_shortcode(Run& run, std::string_view text, Tag& t) {
  TagResult r;
  if (t.open == "{{" || t.open == "{%") {  // text in Hugo: left as it is
    r.converted = true;
    r.replacement = std::string(text.substr(t.begin, t.end - t.begin));
    return r;
  }
  std::string inner = t.inner;
  if (inner.size() >= 4 && inner.compare(0, 2, "/*") == 0 && inner.compare(inner.size() - 2, 2, "*/") == 0) {
    // {{</* figure */>}}: a shortcode shown, not run.
    r.converted = true;
    r.replacement = t.open + " " + trim_copy(inner.substr(2, inner.size() - 4)) + " " +
                    (t.open == "{{<" ? ">}}" : "%}}");
    r.construct = "escaped shortcode";
    return r;
  }
  if (inner.size() > 1 && inner[0] == '/' && (inner[1] == ' ' || inner[1] == '\t'))  // {{</ table >}} is {{< /table >}}
    inner = "/" + trim_copy(inner.substr(1));
  const size_t sp = inner.find_first_of(" \t\n");
  const std::string name = inner.substr(0, sp);
  const Args args = parse_args(sp == std::string::npos ? "" : std::string_view(inner).substr(sp));
  const std::string construct = t.open + " " + name + " " + (t.open == "{{<" ? ">}}" : "%}}");
  auto word = [&](size_t i, const char* key) {
    const std::string v = args.get(key);
    return !v.empty() ? v : i < args.words.size() ? args.words[i] : std::string();
  };
  // The sites' own "raw HTML" shortcodes ({{< rawhtml >}}<div>..</div>{{< /rawhtml >}}):
  // the HTML is the post's, kept through Quire's sanitizer.
  if (name == "rawhtml" || name == "/rawhtml" || name == "raw" || name == "/raw" || name == "html" || name == "/html" ||
      name == "unsafe" || name == "/unsafe" || name == "noop" || name == "/noop") {
    r.converted = true;
    r.construct = construct;
    return r;
  }
  // Wowchemy's {{% staticref "uploads/a.pdf" "newtab" %}}text{{% /staticref %}}:
  // a link to the file in static/.
  if (name == "staticref") {
    size_t close_end = 0;
    const size_t close = find_closing(text, t.end, t.open, "/staticref", close_end);
    const std::string path = word(0, "path");
    if (close == std::string_view::npos || path.empty() || path.find_first_of("<>\n") != std::string::npos) {
      r.reason = "staticref without a path or its {{% /staticref %}}";
      return r;
    }
    const std::string target = path.find("://") != std::string::npos || path[0] == '/' ? path : "/" + path;
    r.replacement = "[" + trim_copy(std::string(text.substr(t.end, close - t.end))) + "](" +
                    (target.find_first_of(" ()") != std::string::npos ? "<" + target + ">" : target) + ")";
    t.end = close_end;
    r.converted = true;
    r.construct = construct;
    return r;
  }
  // Wowchemy's (Hugo Blox's) own: {{< hl >}}text{{< /hl >}} is marked text.
  if (name == "hl" || name == "/hl") {
    r.converted = true;
    r.replacement = name == "hl" ? "<mark>" : "</mark>";
    r.construct = construct;
    return r;
  }
  // Folded text: Hugo Blox's details, Wowchemy's spoiler, the themes' fold
  // (hugo-theme-even's {{% fold "Title" %}}), collapse, expand, accordion.
  static const std::set<std::string> kFolds = {"details", "spoiler", "fold", "collapse", "expand", "toggle", "accordion"};
  if (name.size() > 1 && name[0] == '/' && (is_callout(name.substr(1)) || kFolds.count(name.substr(1)))) {
    r.converted = true;
    r.replacement = kFolds.count(name.substr(1)) ? details_close() : callout_close();
    r.construct = construct;
    return r;
  }
  if (is_callout(name)) {  // {{% notice info "Title" %}}...{{% /notice %}}: a div around its markdown
    r.converted = true;
    std::string title = args.get("title");
    if (title.empty() && args.words.size() > 1) title = args.words[1];
    r.replacement = callout_open(name, word(0, "type"), title);
    r.construct = construct;
    return r;
  }
  if (kFolds.count(name)) {  // Wowchemy's {{< spoiler text="Answer" >}}: a details
    size_t close_end = 0;
    if (name != "details" && name != "spoiler" &&
        find_closing(text, t.end, t.open, "/" + name, close_end) == std::string_view::npos) {
      r.reason = "no closing /" + name;
      return r;
    }
    r.converted = true;
    r.replacement = details_open(name == "spoiler" ? word(0, "text") : name == "details" ? word(0, "summary") : word(0, "title"));
    r.construct = construct;
    return r;
  }
  if (!name.empty() && name[0] == '/' && markdown_wrapper(run, name.substr(1))) {
    r.converted = true;
    r.construct = t.open + " " + name.substr(1) + " " + (t.open == "{{<" ? ">}}" : "%}}") +
                  " (the site's own shortcode around markdown: its text kept)";
    return r;
  }
  if (!name.empty() && name[0] == '/') {  // the end of a paired shortcode not converted: stays
    r.converted = true;
    r.replacement = std::string(text.substr(t.begin, t.end - t.begin));
    return r;
  }
  // A theme's diagram shortcode (LoveIt, DoIt, Learn, Docsy...): {{< mermaid >}}
  // graph TD ... {{< /mermaid >}}, a ```mermaid block Quire draws (web/diagrams.js).
  if (name == "mermaid") {
    size_t close_end = 0;
    const size_t close = find_closing(text, t.end, t.open, "/mermaid", close_end);
    if (close == std::string_view::npos) {
      r.reason = "no closing /mermaid";
      return r;
    }
    r.replacement = fence_paired(text, t, close, close_end, "mermaid", at_line_start(text, t.begin));
    r.converted = true;
    r.construct = construct;
    return r;
  }
  if (name == "highlight") {
    size_t close_end = 0;
    const size_t close = find_closing(text, t.end, t.open, "/highlight", close_end);
    if (close == std::string_view::npos) {
      r.reason = "no closing /highlight";
      return r;
    }
    std::string info = word(0, "lang");
    const std::string options = word(1, "options");
    if (!options.empty()) info += " {" + fence_options(split_options(options)) + "}";
    r.replacement = fence_paired(text, t, close, close_end, info, at_line_start(text, t.begin));
    r.converted = true;
    r.construct = construct;
    return r;
  }
  // A site's own code shortcode, paired: {{< code lang="ruby" title="Vagrantfile"
  // hl_lines="2" >}}...{{< /code >}} (maku77's Hugo module: 3,892 of them in
  // 2,138 posts; many themes have one). A fenced block; its title, if any, a
  // line of emphasis above it.
  if (name == "code" || name == "codeblock" || name == "code-block") {
    size_t close_end = 0;
    const size_t close = find_closing(text, t.end, t.open, "/" + name, close_end);
    if (close == std::string_view::npos) {
      r.reason = "no closing /" + name;
      return r;
    }
    std::string lang = args.get("lang");
    if (lang.empty()) lang = args.get("language");
    // Positional, as Hugo's highlight: {{< code groovy "linenos=false, hl_lines=4" >}}
    // (henriksommerfeld's wrapper of highlight: 9 blocks had lost their language).
    const bool highlight_options = args.words.size() == 2 && args.words[1].find('=') != std::string::npos;
    if (lang.empty() && (args.words.size() == 1 || highlight_options) && args.get("title").empty()) lang = args.words[0];
    if (lang.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789+#-_.") != std::string::npos)
      lang.clear();
    std::string info = lang;
    if (const std::string hl = args.get("hl_lines"); !hl.empty()) info += " {" + fence_options({{"hl_lines", hl}}) + "}";
    else if (highlight_options && !lang.empty()) info += " {" + fence_options(split_options(args.words[1])) + "}";
    std::string title = args.get("title");
    if (title.empty()) title = args.get("file");
    if (title.empty()) title = args.get("filename");
    const bool line_start = at_line_start(text, t.begin);
    r.replacement.clear();
    if (!title.empty()) r.replacement = std::string(line_start ? "" : "\n") + emphasis_line(title) + "\n";
    r.replacement += fence_paired(text, t, close, close_end, info, line_start || !title.empty());
    r.converted = true;
    r.construct = construct;
    return r;
  }
  // An ad slot ({{< horizontal_ad >}}, {{< adsense >}}, {{< in-article-ad >}}:
  // mosuke5's): no text of the post's; dropped, counted.
  if (name[0] != '/') {
    // The name's words, split at '_' and '-': "ad" or "ads" is one, or it holds "adsense".
    const std::string n = ascii_lower(name);
    bool is_ad = n.find("adsense") != std::string::npos;
    for (size_t b = 0; b <= n.size() && !is_ad;) {
      const size_t e = std::min(n.find_first_of("_-", b), n.size());
      is_ad = n.compare(b, e - b, "ad") == 0 || n.compare(b, e - b, "ads") == 0;
      b = e + 1;
    }
    if (is_ad) {
      r.converted = true;
      r.construct = construct + " (an ad slot: dropped)";
      return r;
    }
  }
  // A theme's GitHub repository card ({{< github title="owner/repo" >}},
  // PaperMod sites: liuchaowen's 28): a link to the repository.
  if (name == "github" || name == "github-card" || name == "ghcard" || name == "repo") {
    std::string repo = args.get("repo");
    if (repo.empty()) repo = args.get("title");
    if (repo.empty()) repo = args.get("name");
    if (repo.empty() && !args.words.empty()) repo = args.words[0];
    if (repo.rfind("https://github.com/", 0) == 0) repo = repo.substr(19);
    const size_t slash = repo.find('/');
    if (slash != std::string::npos && slash > 0 && slash + 1 < repo.size() && repo.find('/', slash + 1) == std::string::npos &&
        repo.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_./") == std::string::npos) {
      r.converted = true;
      r.replacement = "[" + repo + "](https://github.com/" + repo + ")";
      r.construct = construct;
      return r;
    }
  }
  if (name == "figure") {
    const std::string src = args.get("src");
    if (src.empty()) {
      r.reason = "figure without src";
      return r;
    }
    // Hugo's figcaption: the title as a heading, then the caption.
    std::string caption = args.get("caption");
    if (const std::string title = args.get("title"); !title.empty())
      caption = caption.empty() ? title : "**" + title + "**\n\n" + caption;
    // Hugo's figure without alt: its caption, markdownified then plainified.
    std::string alt = args.get("alt");
    if (alt.empty() && !args.get("caption").empty()) alt = trim_copy(markdown_plain_text(args.get("caption")));
    r.converted = true;
    r.replacement = figure_markdown(src, alt, caption, args.get("link"));
    r.construct = construct;
    return r;
  }
  // Hugo's built-in param: the page's own param, else the site's [params].
  if (name == "param") {
    const std::string key = word(0, "name");  // (in any case, as Hugo's keys)
    std::string value;
    if (run.converting && run.converting->in.is_object())
      for (const auto& [k, own] : run.converting->in.items())
        if (value.empty() && ascii_lower(k) == ascii_lower(key) && (own.is_string() || own.is_number()))
          value = own.is_string() ? own.get<std::string>() : own.dump();
    if (value.empty())
      if (const auto site = run.site_vars.find("params." + ascii_lower(key)); site != run.site_vars.end()) value = site->second;
    if (value.empty()) {
      r.reason = "param \"" + key + "\": no such param of the page's or the site's";
      return r;
    }
    r.converted = true;
    r.replacement = value;
    r.construct = construct;
    return r;
  }
  if (name == "ref" || name == "relref") {
    std::string target = word(0, "path");
    std::string fragment;
    if (const size_t hash = target.find('#'); hash != std::string::npos) {
      fragment = target.substr(hash);
      target.resize(hash);
    }
    if (target.empty() && !fragment.empty()) {
      r.converted = true;
      r.replacement = fragment;
      r.construct = construct;
      return r;
    }
    // Hugo looks beside the linking page first: "../x/evaluation.md" is
    // that one even where another evaluation.md exists elsewhere.
    const Item* item = run.converting ? run.find_beside(target, *run.converting) : nullptr;
    if (!item) item = run.find_file(target);
    // A term's page (ref "tags/s3", "series/aws-course"): Quire's tag page.
    std::string term = target;
    while (!term.empty() && term.front() == '/') term.erase(0, 1);
    while (!term.empty() && term.back() == '/') term.pop_back();
    const size_t slash = term.find('/');
    const std::string taxonomy = term.substr(0, slash);
    if (!item && (taxonomy == "tags" || taxonomy == "categories" || run.extra_taxonomies.count(taxonomy)) &&
        (slash == std::string::npos || term.find('/', slash + 1) == std::string::npos)) {
      const std::string root = taxonomy == "categories" && run.category_pages ? "/categories/" : "/tags/";
      r.converted = true;
      r.replacement = slash == std::string::npos ? root : root + tag_slug(term.substr(slash + 1)) + "/";
      r.replacement += fragment;
      r.construct = construct;
      return r;
    }
    if (!item) {
      r.reason = "no page \"" + target + "\" in content/";
      return r;
    }
    r.converted = true;
    r.replacement = run.url_of(*item) + fragment;
    r.construct = construct;
    return r;
  }
  if (name == "youtube") {
    const std::string id = word(0, "id");
    if (!video_id_ok(id, false)) {
      r.reason = "youtube without a video id";
      return r;
    }
    r.converted = true;
    r.replacement = youtube_iframe(id);
    r.construct = construct;
    return r;
  }
  if (name == "vimeo") {
    const std::string id = word(0, "id");
    if (!video_id_ok(id, true)) {
      r.reason = "vimeo without a video id";
      return r;
    }
    r.converted = true;
    r.replacement = vimeo_iframe(id);
    r.construct = construct;
    return r;
  }
  // (twitter and twitter_simple: Hugo's built-in names of tweet before 0.142)
  if (name == "tweet" || name == "twitter" || name == "twitter_simple" || name == "x" || name == "instagram") {
    // Embeds that run the network's script: a link to the post instead.
    const std::string id = name == "instagram" ? word(0, "id") : args.words.size() == 1 ? args.words[0] : word(1, "id");
    const std::string user = name == "instagram" || args.words.size() == 1 ? "" : word(0, "user");
    bool ok = !id.empty();
    for (char c : id) ok = ok && (std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-');
    if (!ok) {
      r.reason = name + " without a post id";
      return r;
    }
    r.converted = true;
    r.replacement = name == "instagram" ? "[Instagram post](https://www.instagram.com/p/" + id + "/)"
                                        : "[Post" + (user.empty() ? "" : " by @" + user) + " on X](https://x.com/" +
                                              (user.empty() ? "i/web" : user) + "/status/" + id + ")";
    r.construct = construct;
    return r;
  }
  if (name == "gist") {
    const std::string user = word(0, "user"), id = word(1, "id"), file = word(2, "file");
    if (user.empty() || id.empty()) {
      r.reason = "gist needs a user and an id";
      return r;
    }
    r.converted = true;
    r.replacement = gist_link(user + "/" + id, file);
    // Hugo embedded GitHub's script, which shows the code; Quire runs no
    // third-party script: say so (bheisler's 87 listings became links).
    r.construct = construct + " " + kGistLinkNote;
    return r;
  }
  if (const std::string link = link_card(args); !link.empty()) {
    // A theme's link card, not a paired shortcode: its link, kept readable.
    size_t close_end = 0;
    if (find_closing(text, t.end, t.open, "/" + name, close_end) == std::string_view::npos) {
      // Alone on its line (a list of friends' cards): an item of a list.
      const bool alone = (t.begin == 0 || text[t.begin - 1] == '\n') && (t.end == text.size() || text[t.end] == '\n');
      r.converted = true;
      r.replacement = alone ? "- " + link : link;
      r.construct = construct + " (a theme's shortcode with a web address: as a link)";
      return r;
    }
  }
  if (size_t close_end = 0; markdown_wrapper(run, name) &&
                            find_closing(text, t.end, t.open, "/" + name, close_end) != std::string_view::npos) {
    r.converted = true;
    r.construct = construct + " (the site's own shortcode around markdown: its text kept)";
    return r;
  }
  if (const std::optional<std::string> html = static_shortcode(run, name)) {
    // Its HTML in the post, as Hugo wrote it: alone on its line, a block.
    size_t close_end = 0;
    const bool alone = at_line_start(text, t.begin) && (t.end == text.size() || text[t.end] == '\n');
    if (find_closing(text, t.end, t.open, "/" + name, close_end) == std::string_view::npos &&
        (alone || html->find('\n') == std::string::npos)) {
      // {{< >}}'s output was never markdown: plain text keeps its
      // punctuation (¯\_(ツ)_/¯), as its HTML is kept.
      const std::string out = t.open == "{{<" && html->find('<') == std::string::npos ? markdown_literal(*html) : *html;
      r.converted = true;
      r.replacement = alone ? "\n" + out + "\n" : out;
      r.construct = construct + " (the site's own shortcode of plain HTML or markdown: its text)";
      return r;
    }
  }
  // The site's own shortcode of HTML and plain actions (simple_shortcode).
  if (const std::optional<std::string> tpl = shortcode_template(run, name); tpl && tpl->find("<script") == std::string::npos) {
    size_t close_end = 0;
    const size_t close = find_closing(text, t.end, t.open, "/" + name, close_end);
    const std::string between = close == std::string_view::npos ? std::string() : trim_copy(std::string(text.substr(t.end, close - t.end)));
    if (const std::optional<std::string> html = simple_shortcode(*tpl, args, between); html && !html->empty()) {
      const size_t end = close == std::string_view::npos ? t.end : close_end;
      const bool alone = at_line_start(text, t.begin) && (end == text.size() || text[end] == '\n');
      if (alone || html->find('\n') == std::string::npos) {
        r.converted = true;
        r.replacement = alone ? "\n" + *html + "\n" : *html;
        if (close != std::string_view::npos) t.end = close_end;
        r.construct = construct + " (the site's own shortcode of HTML and .Inner or .Get: its output)";
        return r;
      }
    }
  }
  // A site's own image shortcode ({{< imageFull src="/a.jpg" title="A" caption="B" >}},
  // {{< img src=... alt=... >}}), the figure Hugo's was: the image and its caption.
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  size_t paired_end = 0;
  if ((lower.find("image") != std::string::npos || lower.find("img") != std::string::npos ||
       lower.find("figure") != std::string::npos || lower.find("picture") != std::string::npos) &&
      is_image_path(args.get("src")) && find_closing(text, t.end, t.open, "/" + name, paired_end) == std::string_view::npos) {
    std::string alt = args.get("alt");
    if (alt.empty()) alt = args.get("title");
    r.converted = true;
    r.replacement = figure_markdown(args.get("src"), alt, args.get("caption"), args.get("link"));
    r.construct = t.open + " " + name + " src=... " + (t.open == "{{<" ? ">}}" : "%}}") + " (the site's own image shortcode)";
    return r;
  }
  r.reason = "shortcode \"" + name + "\" (a template of the theme or site): no equivalent, rewrite it by hand";
  return r;
}

// Whether the site's or a theme's link render hook looks each link up as
// a page (.Page.GetPage $url: Rainboylvx's hugo-dead-simple), so that a
// link naming a content file, [P08](./p08), went to that page.
bool link_hook_gets_pages(const Run& run) {
  for (const fs::path& root : site_and_themes(run))
    for (const char* hook : {"layouts/_default/_markup/render-link.html", "layouts/_markup/render-link.html"}) {
      std::string text;
      if (read_file(root / hook, text)) return text.find("GetPage") != std::string::npos;
    }
  return false;
}

// Links naming another post's or page's content file relative to the
// linking one ([x](../posts/first.md), [P08](./p08) under a link hook
// that looked pages up, [证明](防晒证明.md)): its new address. A link
// with a file's extension other than .md, and an address, stay.
void hugo_page_links(Run& run) {
  const bool hook = link_hook_gets_pages(run);
  std::map<fs::path, const Item*> by_source;
  for (const Item& item : run.items)
    if (!item.out.contains("draft")) by_source[item.source.lexically_normal()] = &item;
  for (Item& item : run.items) {
    if (item.body.find("](") == std::string::npos) continue;
    const std::vector<bool> code = code_bytes(item.body);
    std::string out;
    size_t last = 0;
    for (size_t at = item.body.find("]("); at != std::string::npos; at = item.body.find("](", at + 2)) {
      if (code[at]) continue;
      size_t b = at + 2;
      while (b < item.body.size() && (item.body[b] == ' ' || item.body[b] == '<')) ++b;
      size_t e = b;
      while (e < item.body.size() && !std::strchr(")\"' \t\n>#?", item.body[e])) ++e;
      const std::string target = percent_decode(item.body.substr(b, e - b));
      if (target.empty() || target[0] == '/' || target.find(':') != std::string::npos) continue;
      const std::string ext = fs::path(target).extension().string();
      const bool md = ext == ".md";
      if (!md && (!hook || (!ext.empty() && ext.find_first_of("0123456789") == std::string::npos && ext.size() <= 5)))
        continue;  // a file (.png, .pdf), or no hook to look pages up
      const fs::path base = item.source.parent_path() / target;
      std::vector<fs::path> tries = {base};
      if (!md) tries = {fs::path(base.string() + ".md"), base / "index.md", base / "_index.md"};
      const Item* to = nullptr;
      for (const fs::path& t : tries)
        if (const auto found = by_source.find(t.lexically_normal()); !to && found != by_source.end()) to = found->second;
      if (!to || to == &item) continue;
      out.append(item.body, last, b - last);
      out += run.url_of(*to);
      last = e;
      run.count(md ? "a link to a content file (.md) as its page's address"
                   : "a link naming a page, looked up by the site's link hook (GetPage), as its address");
    }
    if (last == 0) continue;
    out.append(item.body, last, std::string::npos);
    item.body = std::move(out);
  }
}

// A taxonomy's terms' old pages under its [permalinks] pattern
// ("/tag/:slug/": Wowchemy's default, EckoTan0804's ~460 addresses), with
// their pages (/tag/go/page/2/), redirected to Quire's term pages, and
// their feeds kept there.
void term_permalinks(Run& run, ojson& site, const HugoAddresses& addresses) {
  for (const auto& [taxonomy, written] : addresses.term_permalinks) {
    const auto terms = run.terms.find(taxonomy);
    if (terms == run.terms.end() || terms->second.empty() || taxonomy == "authors") continue;
    std::string pattern = written;
    if (pattern.empty() || pattern[0] != '/') pattern = "/" + pattern;
    if (pattern.back() != '/') pattern += '/';
    const char* token = pattern.find(":slug") != std::string::npos ? ":slug" : pattern.find(":title") != std::string::npos ? ":title" : nullptr;
    const size_t at = token ? pattern.find(token) : std::string::npos;
    if (!token || pattern.find(':', at + 1) != std::string::npos || pattern.find(':') != at) {
      run.note(run.shown(run.src / "hugo.toml"), 0, "permalinks: " + taxonomy + " = \"" + written +
                                                       "\": a pattern of other tokens than :slug; its terms' old pages not redirected");
      continue;
    }
    const bool own_pages = taxonomy == "categories" && run.category_pages;
    const std::string root = own_pages ? "/categories/" : "/tags/";
    std::map<std::string, size_t> posts;  // by term: its list's pages
    for (const Item& item : run.items)
      if (!item.out.contains("draft"))
        for (const char* k : {"tags", "categories"})
          if (item.out.contains(k) && item.out[k].is_array())
            for (const ojson& t : item.out[k])
              if (t.is_string()) ++posts[t.get<std::string>()];
    for (const std::string& term : terms->second) {
      std::string slug = hugo_urlize(term, run.hugo_lower);
      if (run.hugo_remove_accents) slug = remove_accents(slug);
      if (slug.empty()) continue;
      std::string from = pattern;
      from.replace(at, std::strlen(token), slug);
      from = run.old_url_prefix + from;
      const std::string to = root + tag_slug(term) + "/";
      if (from == to) continue;  // "/categories/:slug/": the term's old address is Quire's, its pages too
      run.redirects[from] = to;
      const size_t per = static_cast<size_t>(std::max(1, run.hugo_paginate));
      for (size_t n = 2; n <= (posts[term] + per - 1) / per && n <= 1000; ++n)
        run.redirects[from + run.hugo_paginate_path + "/" + std::to_string(n) + "/"] = to;
    }
    std::string feed = pattern;
    feed.replace(at, std::strlen(token), own_pages ? ":category" : ":tag");
    add_old_feed(site, run.old_url_prefix + feed + addresses.feed_file);
    run.count("a taxonomy's [permalinks] (its terms' old pages redirected to Quire's)");
  }
}

void read_hugo(Run& run, ojson& site) {
  std::string content_dir = "content";
  HugoAddresses addresses;
  read_config(run, site, content_dir, addresses);
  const fs::path content = run.src / content_dir;
  if (!fs::is_directory(content)) {
    run.report.errors.push_back({run.shown(content), 0, "missing: a Hugo site keeps its posts in content/"});
    return;
  }
  collect_content_dir(run, content, [&](const fs::path&, const ojson&) {});
  // The other languages' folders (contentDir): their translations redirect
  // to the originals, what only they have is imported (collect_content_dir).
  for (const auto& [dir, code] : run.translation_dirs)
    if (fs::is_directory(dir) && dir.lexically_normal() != content.lexically_normal()) {
      run.collecting_language = code;
      run.default_content = content;
      collect_content_dir(run, dir, [&](const fs::path&, const ojson&) {});
      run.collecting_language.clear();
    }
  // Hugo's RSS feeds: /index.xml, and each section's /<section>/index.xml
  // (a nested one's too: post/go/ with its _index.md).
  std::set<std::string> sections;
  for (const Item& item : run.items)
    if (!item.page)
      for (const std::string& s : list_sections(run, item.section)) sections.insert(hugo_path(s));
  // A section of its _index.md alone had its feed too (bpugh's content/feed/
  // with `outputs: [RSS]`: the "Everything feed" at /feed/index.xml).
  for (const std::string& s : run.section_lists) sections.insert(hugo_path(s));
  add_old_feed(site, "/" + addresses.feed_file);
  // Each section's list had pages, as the home's (/posts/page/2/); the
  // home's own are Quire's (but under a language's folder, /fr/page/2/).
  for (const Item& item : run.items)
    if (!item.page && run.hugo_paginate_path.find('/') == std::string::npos) {
      if (!run.hugo_ugly) run.section_pagination[""] = {run.hugo_paginate, run.hugo_paginate_path};
      for (const std::string& s : list_sections(run, item.section)) run.section_pagination[s] = {run.hugo_paginate, run.hugo_paginate_path};
    }
  // Each section's feed (one named page/ or tags/ is the build's own
  // address), and under defaultContentLanguageInSubdir the same in the
  // language's folder (Jibec's /fr/index.xml).
  for (const std::string& prefix : std::set<std::string>{"", run.old_url_prefix}) {
    if (!prefix.empty()) add_old_feed(site, prefix + "/" + addresses.feed_file);
    for (const std::string& s : sections)
      if (!s.empty() && s.find_first_of(" ?#") == std::string::npos) add_old_feed(site, prefix + "/" + s + "/" + addresses.feed_file);
  }
  if (run.permalink.empty() && !run.section_permalinks.empty()) {
    std::map<std::string, size_t> posts;
    size_t total = 0;
    for (const Item& item : run.items)
      if (!item.page) ++posts[item.section.substr(0, item.section.find('/'))], ++total;
    // The posts/post/blog pattern that has posts (morvencao's `post =
    // "/blog/:title/"` named no section of his: his 48 posts in posts/
    // had moved to /blog/), else the pattern of the section holding the
    // most posts with one (content/articles/, content/notes/...), if that
    // section holds at least half the posts (Wowchemy's event: "/talk/:slug/"
    // must not become the address of 400 lecture notes; they keep aliases).
    for (const char* section : {"posts", "post", "blog"})
      if (run.section_permalinks.count(section) && posts[section] > 0) {
        carry_pattern(run, site, run.section_permalinks[section], run.shown(run.src / "hugo.toml"));
        break;
      }
  }
  if (run.permalink.empty() && !run.section_permalinks.empty()) {
    std::map<std::string, size_t> posts;
    size_t total = 0;
    for (const Item& item : run.items)
      if (!item.page) ++posts[item.section.substr(0, item.section.find('/'))], ++total;
    std::string best;
    for (const auto& [section, n] : posts)
      if (run.section_permalinks.count(section) && (best.empty() || n > posts[best])) best = section;
    if (!best.empty() && posts[best] * 2 >= total)
      carry_pattern(run, site, run.section_permalinks[best], run.shown(run.src / "hugo.toml"));
  }
  // Each top section's files, before undated_as_pages makes pages of some
  // and forgets their section (below: a section left with pages only).
  std::map<std::string, std::set<fs::path>> section_files;
  for (const Item& item : run.items)
    if (!item.section.empty()) section_files[item.section.substr(0, item.section.find('/'))].insert(item.source);
  undated_as_pages(run);
  convert_items(run, [&](std::string_view text, Tag& t) { return hugo_shortcode(run, text, t); });
  // A section of pages only (bheisler's content/about/about.md at
  // /about/about/): Hugo listed them at /about/, which goes to its one page
  // (else the home, as a section's list does).
  for (const auto& [top, files] : section_files) {
    std::vector<const Item*> kept;
    bool posts = false;
    for (const Item& item : run.items)
      if (files.count(item.source) && !item.out.contains("draft")) {
        kept.push_back(&item);
        posts = posts || !item.page;
      }
    if (posts || kept.empty()) continue;
    const std::string from = run.old_url_prefix + "/" + hugo_path(top) + (run.hugo_ugly ? ".html" : "/");
    run.redirects.emplace(from, kept.size() == 1 ? percent_decode(run.url_of(*kept[0])) : "/");
    if (!run.hugo_ugly && run.hugo_paginate_path.find('/') == std::string::npos)  // and its page 1 again (/ranking/page/1/)
      run.redirects.emplace(from + run.hugo_paginate_path + "/1/", kept.size() == 1 ? percent_decode(run.url_of(*kept[0])) : "/");
  }
  // A page's translations (links.en.md at /en/links/) redirect to it, as a
  // post's do (convert_items); a home's or a section's (_index.en.md at
  // /en/, /en/posts/) to the home, a taxonomy's to Quire's list.
  for (Item& item : run.items)
    if (const auto t = run.translated.find(item.source); item.page && t != run.translated.end() && !item.out.contains("draft"))
      for (const std::string& code : t->second) add_alias(run, item, "/" + code + percent_decode(run.url_of(item)));
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(content, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.rfind("_index.", 0) != 0 || !markdown_file(it->path())) continue;
    const std::string code = fs::path(name).stem().extension().string();
    if (code.size() < 2 || !run.languages.count(code.substr(1)) || code.substr(1) == run.default_language) continue;
    const std::string dir = it->path().parent_path().lexically_relative(content).generic_string();
    const std::string section = dir == "." ? "" : hugo_path(dir);
    const std::string to = section == "categories" && run.category_pages ? "/categories/"
                           : section == "tags" || section == "categories" ? "/tags/" : "/";
    run.redirects.emplace("/" + ascii_lower(code.substr(1)) + (section.empty() ? "/" : "/" + section + "/"), to);
  }
  hugo_page_links(run);
  // Each term's feed, /tags/go/index.xml (bigshans' 229): Quire's term feed there.
  for (const auto& [taxonomy, terms] : run.terms) {
    const bool own_pages = taxonomy == "categories" && run.category_pages;
    // (no tag's feed for an author; where baseName is feed, /tags/:tag/feed.xml
    // is Quire's own, and a term's old address redirected holds it too:
    // SunsetMkt's /tags/AI/feed.xml)
    if (terms.empty() || taxonomy == "authors" || addresses.term_permalinks.count(taxonomy)) continue;
    add_old_feed(site, run.old_url_prefix + "/" + taxonomy + (own_pages ? "/:category/" : "/:tag/") + addresses.feed_file);
  }
  // A taxonomy's list had its feed (/tags/index.xml, the terms' own feed
  // in Hugo): the blog's feed there, as at each section's.
  for (const auto& [taxonomy, terms] : run.terms)
    if (taxonomy != "authors") add_old_feed(site, run.old_url_prefix + "/" + taxonomy + "/" + addresses.feed_file);
  // The other languages' feeds where they had posts (jhanos's /en/index.xml,
  // /en/posts/index.xml): the blog's. (Not each term's: a feed per tag per
  // language would be many copies of many feeds.)
  for (const auto& [prefix, items] : other_language_posts(run)) {
    add_old_feed(site, prefix + "/" + addresses.feed_file);
    for (const auto& [taxonomy, terms] : run.terms)
      if (taxonomy != "authors") add_old_feed(site, prefix + "/" + taxonomy + "/" + addresses.feed_file);
    for (const Item* item : items)
      for (const std::string& s : list_sections(run, item->section))
        if (!s.empty() && s.find_first_of(" ?#") == std::string::npos) add_old_feed(site, prefix + "/" + hugo_path(s) + "/" + addresses.feed_file);
  }
  term_permalinks(run, site, addresses);
  if (site.contains("block_attributes"))
    for (Item& item : run.items) item.body = drop_markdown_attrs(run, item.body, false);
  copy_tree(run, run.src / "static", run.dest / "static", run.report.static_files);
  relative_static_images(run);
  // Images a post names by a root path (/img/a.png) that Hugo found among
  // its global resources, assets/img/a.png (a theme's image render hook:
  // resources.Get), and static/ lacks.
  files_named_from_root(run, run.src / "assets", run.src / "static",
                        "an image from assets/ (Hugo's global resources) copied to static/");
  if (fs::is_directory(run.src / "assets"))
    run.note(run.shown(run.src / "assets"), 0, "Hugo Pipes input (the theme's CSS/JS): not copied");
}

}  // namespace quire::import
