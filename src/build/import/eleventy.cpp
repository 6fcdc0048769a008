// Eleventy: .eleventy.js or eleventy.config.{js,mjs,cjs} (read, not run:
// dir.input, dir.data, pathPrefix and addPassthroughCopy paths, with their
// targets, are picked out of the text), site data in <data>/metadata.json
// (or site.json, .yaml, or a .js data file: js_literal.hpp), posts as the
// markdown files in a folder named posts, post, blog or articles (a
// folder's data file <dir>/<dir>.json or <dir>.11tydata.{json,js} with
// "tags" names a collection, not a topic: those tags are dropped; a post
// in <x>/index.md or <x>/<x>.md is a folder with its images), other
// markdown files with front matter as pages. Markdown in Eleventy goes
// through Liquid (or Nunjucks) first: the same tags as Jekyll's are
// converted. Links to a post's source file (href="/blog/x.md", as
// Eleventy's InputPathToUrl plugin allows) become its new URL.
#include <algorithm>
#include <regex>
#include <set>

#include "build/fsutil.hpp"
#include "build/import/common.hpp"
#include "build/import/js_literal.hpp"

namespace quire::import {

namespace {

const std::set<std::string> kPostFolders = {"posts", "post", "blog", "articles"};

struct Config {
  std::string input = ".";
  std::string data = "_data";  // relative to input
  std::string path_prefix;
  std::vector<std::string> feeds;  // the RSS plugin's outputPath
  // A path copied as it is, and where (relative to the site; empty: the
  // same path relative to input).
  std::vector<std::pair<std::string, std::string>> passthrough;
};

Config read_config(Run& run) {
  Config cfg;
  std::string text;
  for (const char* name : {".eleventy.js", "eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs"})
    if (read_file(run.src / name, text)) break;
  if (text.empty()) return cfg;
  std::smatch m;
  if (std::regex_search(text, m, std::regex(R"(input\s*:\s*["'`]([^"'`]+)["'`])"))) cfg.input = m[1];
  if (std::regex_search(text, m, std::regex(R"(\bdata\s*:\s*["'`]([^"'`]+)["'`])"))) cfg.data = m[1];
  if (std::regex_search(text, m, std::regex(R"(pathPrefix\s*:\s*["'`]([^"'`]+)["'`])"))) cfg.path_prefix = m[1];
  const std::regex copy(R"(addPassthroughCopy\(\s*["'`]([^"'`]+)["'`])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), copy); it != std::sregex_iterator(); ++it)
    cfg.passthrough.push_back({(*it)[1], ""});
  const std::regex feed(R"(outputPath\s*:\s*["'`]([^"'`]+\.(xml|json))["'`])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), feed); it != std::sregex_iterator(); ++it)
    cfg.feeds.push_back((*it)[1].str()[0] == '/' ? (*it)[1].str() : "/" + (*it)[1].str());
  // addPassthroughCopy({ "from": "to" }): copied to "to", relative to the site
  const std::regex copy_map(R"(addPassthroughCopy\(\s*\{([^}]*)\})");
  const std::regex pair(R"(["'`]?([A-Za-z0-9_./*-]+)["'`]?\s*:\s*["'`]([^"'`]*)["'`])");
  for (auto it = std::sregex_iterator(text.begin(), text.end(), copy_map); it != std::sregex_iterator(); ++it) {
    const std::string body = (*it)[1];
    for (auto k = std::sregex_iterator(body.begin(), body.end(), pair); k != std::sregex_iterator(); ++k) {
      std::string to = (*k)[2];
      while (!to.empty() && (to[0] == '/' || to.rfind("./", 0) == 0)) to.erase(0, to[0] == '/' ? 1 : 2);
      cfg.passthrough.push_back({(*k)[1], to.empty() ? "." : to});
    }
  }
  return cfg;
}

// A data file: JSON or YAML, or JavaScript (js_literal.hpp). False
// without a note when there is no such file.
bool read_data_file(Run& run, const fs::path& file, ojson& out) {
  std::string text, error;
  int line = 0;
  if (!read_file(file, text)) return false;
  const std::string ext = file.extension().string();
  if (ext == ".js" || ext == ".cjs" || ext == ".mjs") {
    if (!parse_js_data_file(text, out, error, line)) {
      run.note(run.shown(file), line, error + "; not converted");
      out = ojson::object();
    }
  } else if (!parse_yaml(text, out, error, line)) {
    run.note(run.shown(file), line + 1, error + "; not converted");
    out = ojson::object();
  }
  return true;
}

void read_metadata(Run& run, const fs::path& input, ojson& site, const Config& cfg) {
  ojson m;
  fs::path file;
  const fs::path data = (input / cfg.data).lexically_normal();
  for (const char* name : {"metadata.json", "site.json", "metadata.yaml", "site.yaml", "metadata.js", "site.js",
                           "metadata.cjs", "site.cjs", "metadata.mjs", "site.mjs"}) {
    if (!read_data_file(run, data / name, m)) continue;
    file = data / name;
    break;
  }
  auto str = [&](const char* k) { return m.is_object() && m.contains(k) && m[k].is_string() ? m[k].get<std::string>() : std::string(); };
  if (!str("title").empty()) site["title"] = str("title");
  if (!str("description").empty()) site["description"] = str("description");
  if (m.is_object() && m.contains("author")) {
    if (m["author"].is_string()) site["author"] = m["author"];
    else if (m["author"].is_object() && m["author"].contains("name")) site["author"] = m["author"]["name"];
  }
  std::string base = cfg.path_prefix;
  std::string url;  // metadata.url, or as starters and blogs spell it
  for (const char* k : {"url", "baseUrl", "baseURL", "base_url", "siteUrl", "siteURL", "site_url"})
    if (url.empty()) url = str(k);
  set_url(run, site, url, base, run.shown(file.empty() ? data / "metadata.json" : file));
  const std::string lang = str("language");
  if (!lang.empty()) site["language"] = lang.substr(0, lang.find_first_of("-_"));
  if (file.empty()) run.note(run.shown(data / "metadata.json"), 0, "missing: no site settings to convert");
}

// Tags a folder's data file gives every post in it: collection names.
std::set<std::string> collection_tags(Run& run, const fs::path& dir) {
  std::set<std::string> out;
  const std::string name = dir.filename().string();
  for (const std::string& f : {name + ".json", name + ".11tydata.json", name + ".11tydata.js", name + ".11tydata.cjs",
                               name + ".11tydata.mjs"}) {
    ojson data;
    if (!read_data_file(run, dir / f, data) || !data.is_object() || !data.contains("tags")) continue;
    for (const std::string& t : string_list(data["tags"], false)) out.insert(t);
  }
  return out;
}

// href="/blog/x.md" and [x](../x.md#part) naming a post's or page's source
// file, from the site's input folder or the linking file's: its new URL.
std::string link_source_files(const Run& run, const Item& from, const fs::path& input, const std::string& body) {
  static const std::regex link(R"re((\]\(\s*<?|href\s*=\s*["']?)([^)"'\s>#?]+\.md)(#[^)"'\s>]*)?)re");
  std::string out;
  size_t last = 0;
  for (auto it = std::sregex_iterator(body.begin(), body.end(), link); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    const std::string target = m[2];
    if (target.find("://") != std::string::npos) continue;
    // from the input folder, else (relative) from the linking file's or the input folder
    const fs::path p = target[0] == '/' ? (input / target.substr(1)).lexically_normal()
                                        : (from.source.parent_path() / target).lexically_normal();
    const fs::path q = (input / (target[0] == '/' ? target.substr(1) : target)).lexically_normal();
    const Item* to = nullptr;
    for (const Item& item : run.items)
      if (item.source == p) to = &item;
    for (const Item& item : run.items)
      if (!to && item.source == q) to = &item;
    if (!to) continue;
    out.append(body, last, static_cast<size_t>(m.position(2)) - last);
    out += run.url_of(*to);
    last = static_cast<size_t>(m.position(2) + m.length(2));
  }
  if (last == 0) return body;
  out.append(body, last, std::string::npos);
  return out;
}

}  // namespace

void read_eleventy(Run& run, ojson& site) {
  const Config cfg = read_config(run);
  const fs::path input = (run.src / cfg.input).lexically_normal();
  read_metadata(run, input, site, cfg);
  for (const std::string& f : cfg.feeds) add_old_feed(site, f);
  std::error_code ec;
  std::vector<fs::path> files;
  for (const fs::path& f : files_under(run, input, [](const fs::path& p) {
         const std::string n = p.filename().string();
         return n[0] == '.' || n[0] == '_' || n == "node_modules";
       }))
    if (f.extension() == ".md") files.push_back(f);
  std::map<fs::path, std::set<std::string>> dropped_tags;
  for (const fs::path& f : files) {
    const fs::path rel = f.lexically_relative(input);
    if (rel == "README.md" || rel.filename() == "README.md") continue;
    fs::path posts_dir;
    for (fs::path p = rel.parent_path(); !p.empty(); p = p.parent_path())
      if (kPostFolders.count(p.filename().string())) posts_dir = p;
    Item item;
    item.source = f;
    item.shown = run.shown(f);
    item.page = posts_dir.empty();
    if (item.page && rel.parent_path().empty() && rel.stem() == "index") {
      run.note(item.shown, 0, "the home page: Quire makes its own; not converted");
      continue;
    }
    // Eleventy publishes <x>/index.md and <x>/<x>.md at <x>/
    item.bundle = !item.page && (f.filename() == "index.md" || f.stem() == f.parent_path().filename()) &&
                  f.parent_path() != input / posts_dir;
    const std::string base = item.bundle ? f.parent_path().filename().string() : f.stem().string();
    item.name = item.bundle ? base : base + ".md";
    item.keys = {rel.generic_string(), "/" + rel.generic_string(), base};
    if (!item.page) {  // Eleventy publishes posts/x.md at /posts/x/
      item.section = (item.bundle ? rel.parent_path().parent_path() : rel.parent_path()).generic_string();
      item.old_name = base;
    }
    if (item.bundle)
      for (const fs::path& g : files_under(run, f.parent_path()))
        if (g != f) item.bundle_files.push_back(g);
    if (!item.page) dropped_tags[f] = collection_tags(run, input / posts_dir);
    run.items.push_back(item);
  }
  convert_items(run, [&](std::string_view text, Tag& t) { return liquid_tag(run, text, t); });
  for (Item& item : run.items) {
    item.body = link_source_files(run, item, input, strip_raw_in_code(run, item.body));
    const auto& drop = dropped_tags[item.source];
    if (item.out.contains("tags") && !drop.empty()) {
      ojson kept = ojson::array();
      for (const auto& t : item.out["tags"])
        if (!drop.count(t.get<std::string>())) kept.push_back(t);
      if (kept.empty()) item.out.erase("tags");
      else item.out["tags"] = kept;
    }
  }
  for (const auto& [p, to] : cfg.passthrough) {
    const fs::path from = (run.src / p).lexically_normal();
    if (!fs::exists(from, ec)) continue;
    const fs::path rel = !to.empty() ? fs::path(to)
                       : from.lexically_relative(input).string().rfind("..", 0) == 0 ? from.lexically_relative(run.src)
                                                                                      : from.lexically_relative(input);
    copy_tree(run, from, (run.dest / "static" / rel).lexically_normal(), run.report.static_files);
  }
}

}  // namespace quire::import
