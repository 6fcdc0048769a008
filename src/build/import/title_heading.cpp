// A body that opens with its title as a heading (common.hpp,
// title_from_heading): Jekyll's and Eleventy's layouts often show no title,
// so posts start with `{{ page.title }}` over `====`, or `# About`. And the
// tags a post's own front matter answers (item_tag): its title, toc, a
// Minimal Mistakes gallery of its images, the text of another key.
#include <regex>

#include "build/import/common.hpp"

namespace quire::import {

namespace {

// `{{ page.title }}` (Jekyll, Eleventy) or `{{ title }}` (Eleventy), as
// the whole text.
bool is_title_value(const std::string& s, Engine engine) {
  static const std::regex page_title(R"(\{\{-?\s*page\.title\s*-?\}\})");
  static const std::regex title(R"(\{\{-?\s*title\s*-?\}\})");
  return std::regex_match(s, page_title) || (engine == Engine::eleventy && std::regex_match(s, title));
}

}  // namespace

void title_from_heading(Run& run, Item& item) {
  // Hugo's and Zola's themes show the front matter's title: a first
  // heading beside one is the text's own; without one, it is the title
  // (AntoniosBarotsis's "# Hello there!" had become "Main").
  const bool layouts_without_title = run.engine == Engine::jekyll || run.engine == Engine::eleventy;
  if (!layouts_without_title && (run.engine != Engine::hugo && run.engine != Engine::zola)) return;
  if (!layouts_without_title && item.out.contains("title")) return;
  std::string& body = item.body;
  // The first line with text, and the one after it.
  size_t at = 0;
  int skipped = 0;
  while (at < body.size()) {
    const size_t e = body.find('\n', at);
    if (trim(std::string_view(body).substr(at, (e == std::string::npos ? body.size() : e) - at)) != "") break;
    if (e == std::string::npos) return;
    at = e + 1;
    ++skipped;
  }
  auto line_end = [&](size_t p) { const size_t e = body.find('\n', p); return e == std::string::npos ? body.size() : e; };
  const size_t e1 = line_end(at);
  const std::string first(body, at, e1 - at);
  std::string heading;
  size_t heading_end = 0;  // just past the heading's last line
  int lines = 0;
  if (first.size() > 2 && first[0] == '#' && first[1] == ' ') {  // # Heading (#) ?
    heading = trim(first.substr(2));
    while (!heading.empty() && heading.back() == '#') heading.pop_back();
    heading = trim(heading);
    heading_end = e1;
    lines = 1;
  } else if (e1 < body.size()) {  // Heading over ====
    const size_t e2 = line_end(e1 + 1);
    const std::string under = trim(std::string_view(body).substr(e1 + 1, e2 - e1 - 1));
    if (!under.empty() && under.find_first_not_of('=') == std::string::npos && first.find_first_not_of(" ") < 4) {
      heading = trim(first);
      heading_end = e2;
      lines = 2;
    }
  }
  const bool has_title = item.out.contains("title") && item.out["title"].is_string();
  const std::string title = has_title ? item.out["title"].get<std::string>() : "";
  if (!heading.empty()) {
    if (!has_title && !is_title_value(heading, run.engine)) {
      item.out["title"] = heading;
      run.count("a first heading made the title");
    } else if (has_title && (heading == title || is_title_value(heading, run.engine))) {
      run.count("a first heading repeating the title removed");
    } else {
      heading.clear();
    }
    if (!heading.empty()) {
      body.erase(0, heading_end < body.size() ? heading_end + 1 : body.size());
      item.body_line += skipped + lines;
    }
  }
}

// {{ page.description }} (Jekyll, Eleventy) or {{ description }} (Eleventy):
// the text the post's front matter gives that key (not a date, which the
// old engine formatted, nor one computed there).
TagResult front_value(const Run& run, const Item& item, const Tag& t) {
  TagResult r;
  if (t.open != "{{" || (run.engine != Engine::jekyll && run.engine != Engine::eleventy)) return r;
  std::string key = t.inner;
  if (key.rfind("page.", 0) == 0) key = key.substr(5);
  else if (run.engine != Engine::eleventy) return r;
  if (key.empty() || key.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != std::string::npos ||
      key == "date" || key == "url" || key == "content" || key == "excerpt" || key == "layout" || key == "permalink" ||
      !item.in.contains(key) || !item.in[key].is_string())
    return r;
  const std::string value = item.in[key].get<std::string>();
  if (value.find("{{") != std::string::npos || value.find("{%") != std::string::npos) return r;
  r.converted = true;
  r.replacement = value;
  r.construct = "{{ page.<key> }} (the front matter's text)";
  return r;
}

TagResult title_value(const Run& run, const Item& item, const Tag& t) {
  TagResult r;
  if (t.open != "{{" || !item.out.contains("title") || !item.out["title"].is_string()) return r;
  if (t.inner != "page.title" && !(t.inner == "title" && run.engine == Engine::eleventy)) return r;
  if (run.engine != Engine::jekyll && run.engine != Engine::eleventy) return r;
  r.converted = true;
  r.replacement = item.out["title"].get<std::string>();
  r.construct = "{{ page.title }} (the title's text)";
  return r;
}

TagResult toc_marker(const Run& run, Item& item, const Tag& t) {
  TagResult r;
  // Hugo's theme shortcode {{< toc >}} (Wowchemy, PaperMod...), Minimal
  // Mistakes' {% include toc %}: Quire's own table of contents, above the text.
  const bool hugo = (t.open == "{{<" || t.open == "{{%") && t.inner == "toc" && run.engine == Engine::hugo;
  // Compiled once: this runs for every Liquid tag of every post.
  static const std::regex include_toc(R"(include\s+"?toc(\.html)?"?(\s.*)?)");
  const bool liquid = t.open == "{%" && (run.engine == Engine::jekyll || run.engine == Engine::eleventy) &&
                      t.inner.rfind("include", 0) == 0 && std::regex_match(t.inner, include_toc);
  if (!hugo && !liquid) return r;
  item.out["toc"] = true;
  r.converted = true;
  r.construct = t.open + " " + (hugo ? "toc" : "include toc") + " " + (t.open == "{%" ? "%}" : t.open == "{{<" ? ">}}" : "%}}") +
                " (as toc: true)";
  return r;
}

// Minimal Mistakes' {% include gallery id="x" caption="..." %}: the images
// the post's front matter lists under x (gallery when no id), each
// {image_path, url, alt, title}: the image (image_path, else url) linked
// to its full size (url), the caption under them.
TagResult gallery_include(const Run& run, const Item& item, const Tag& t) {
  TagResult r;
  static const std::regex gallery(R"(include\s+"?gallery(\.html)?"?(\s[\s\S]*)?)");
  std::smatch m;
  if (t.open != "{%" || run.engine != Engine::jekyll || !std::regex_match(t.inner, m, gallery)) return r;
  const Args args = parse_args(m[2].str());
  const std::string id = args.get("id").empty() ? "gallery" : args.get("id");
  if (!item.in.contains(id) || !item.in[id].is_array() || item.in[id].empty()) {
    r.reason = "gallery: the post's front matter has no list \"" + id + "\" of images";
    return r;
  }
  auto text = [](const ojson& o, const char* k) {
    return o.is_object() && o.contains(k) && o[k].is_string() ? o[k].get<std::string>() : std::string();
  };
  std::string out;
  for (const ojson& image : item.in[id]) {
    const std::string full = text(image, "url"), shown = text(image, "image_path").empty() ? full : text(image, "image_path");
    if (shown.empty() || shown.find_first_of(" ()<>\n") != std::string::npos ||
        full.find_first_of(" ()<>\n") != std::string::npos)
      continue;
    std::string alt = text(image, "alt"), title = text(image, "title");
    for (std::string* s : {&alt, &title})
      for (char& c : *s)
        if (c == '[' || c == ']' || c == '"' || c == '\n') c = ' ';
    const std::string img = "![" + alt + "](" + shown + (title.empty() ? "" : " \"" + title + "\"") + ")";
    out += (out.empty() ? "" : "\n") + (full.empty() ? img : "[" + img + "](" + full + ")");
  }
  if (out.empty()) {
    r.reason = "gallery: no image in the front matter's list \"" + id + "\"";
    return r;
  }
  if (!args.get("caption").empty()) out += "\n\n*" + trim(args.get("caption")) + "*";
  r.converted = true;
  r.replacement = out;
  r.construct = "{% include gallery %} (the front matter's images)";
  return r;
}

TagResult item_tag(const Run& run, Item& item, std::string_view text, Tag& t) {
  TagResult r = title_value(run, item, t);
  if (!r.converted) r = toc_marker(run, item, t);
  if (!r.converted) r = gallery_include(run, item, t);
  if (!r.converted) r = front_value(run, item, t);
  return r.converted ? r : math_marker(run, item, text, t);  // math.cpp
}

}  // namespace quire::import
