#include "core/pages.hpp"

#include <nlohmann/json.hpp>

#include "core/bundle.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/router.hpp"
#include "core/views.hpp"

namespace quire {
namespace {

using json = nlohmann::json;

const char* const kMenuKinds[] = {"page", "tag", "path", "url"};

std::string type_of(const json& j) {
  return j.is_string() ? "string" : j.is_number() ? "number" : j.is_object() ? "object" : j.is_array() ? "array"
         : j.is_boolean() ? "boolean" : "null";
}

// A string field: "" when fine (absent is fine unless required).
std::string text_field(const json& o, const char* key, bool required, std::string& out) {
  auto it = o.find(key);
  if (it == o.end() || it->is_null()) return required ? std::string(key) + ": missing (expected string)" : "";
  if (!it->is_string()) return std::string(key) + ": expected string, got " + type_of(*it);
  out = it->get<std::string>();
  return {};
}

}  // namespace

std::string read_pages(std::string_view text, std::vector<Post>& pages) {
  pages.clear();
  if (text.empty()) return {};
  json a = json::parse(text.begin(), text.end(), nullptr, false);
  if (a.is_null()) return {};
  if (!a.is_array()) return "pages: expected array, got " + type_of(a);
  for (size_t i = 0; i < a.size(); ++i) {
    const std::string at = "pages[" + std::to_string(i) + "]";
    if (!a[i].is_object()) return at + ": expected object, got " + type_of(a[i]);
    Post p;
    std::string slug, title, body, date, permalink;
    for (auto [key, out, required] : {std::tuple{"slug", &slug, true}, {"title", &title, true},
                                      {"body", &body, false}, {"date", &date, false},
                                      {"permalink", &permalink, false}})
      if (std::string why = text_field(a[i], key, required, *out); !why.empty()) return at + "." + why;
    if (!valid_slug(slug)) return at + ".slug: expected letters, digits, '-', '_' or '.', got \"" + slug + "\"";
    if (!permalink.empty() && permalink[0] != '/')
      return at + ".permalink: expected a path starting with '/', got \"" + permalink + "\"";
    if (!date.empty()) {
      auto when = parse_date(date);
      if (!when) return at + ".date: expected " + std::string(kDateExpectation) + ", got \"" + date + "\"";
      p.when = *when;
    }
    p.slug = std::move(slug);
    p.title = std::move(title);
    p.body = std::move(body);
    p.has_body = true;
    p.date = std::move(date);
    p.permalink = std::move(permalink);
    pages.push_back(std::move(p));
  }
  return {};
}

std::string menu_entry_problem(const MenuEntry& e) {
  if (e.title.empty()) return "title: missing (the text the header shows)";
  for (const char* k : kMenuKinds)
    if (e.kind == k) {
      if (e.target.empty()) return e.kind + ": empty";
      if (e.kind == "path" && e.target[0] != '/') return "path: expected a path starting with '/', got \"" + e.target + "\"";
      if (e.kind == "url" && e.target.rfind("https://", 0) != 0 && e.target.rfind("http://", 0) != 0 &&
          e.target.rfind("mailto:", 0) != 0)
        return "url: expected an http(s) or mailto: URL, got \"" + e.target + "\"";
      return {};
    }
  return "expected one of page, tag, path or url";
}

std::string read_menu(std::string_view text, std::vector<MenuEntry>& menu) {
  menu.clear();
  if (text.empty()) return {};
  json a = json::parse(text.begin(), text.end(), nullptr, false);
  if (a.is_null()) return {};
  if (!a.is_array()) return "menu: expected array, got " + type_of(a);
  for (size_t i = 0; i < a.size(); ++i) {
    const std::string at = "menu[" + std::to_string(i) + "]";
    if (!a[i].is_object()) return at + ": expected object, got " + type_of(a[i]);
    MenuEntry e;
    if (std::string why = text_field(a[i], "title", true, e.title); !why.empty()) return at + "." + why;
    for (const char* k : kMenuKinds)
      if (a[i].contains(k)) {
        e.kind = k;
        if (std::string why = text_field(a[i], k, true, e.target); !why.empty()) return at + "." + why;
        break;
      }
    if (std::string why = menu_entry_problem(e); !why.empty()) return at + ": " + why;
    menu.push_back(std::move(e));
  }
  return {};
}

void write_pages(json& doc, const Bundle& b) {
  if (b.pages.empty()) return;
  json a = json::array();
  for (const Post& p : b.pages) {
    json j = {{"slug", p.slug.str()}, {"title", p.title.str()}, {"body", p.body.str()}};
    if (!p.date.empty()) j["date"] = p.date.str();
    if (!p.permalink.empty()) j["permalink"] = p.permalink.str();
    a.push_back(std::move(j));
  }
  doc["pages"] = std::move(a);
}

void write_menu(json& site, const Site& s) {
  if (s.menu.empty()) return;
  json a = json::array();
  for (const MenuEntry& e : s.menu) a.push_back({{"title", e.title}, {e.kind, e.target}});
  site["menu"] = std::move(a);
}

bool render_page_view(const Bundle& b, std::string_view slug, View& v) {
  const Post* p = b.find_page(slug);
  if (!p) return false;
  v.kind = RouteKind::Page;
  v.status = 200;
  v.title = p->title.str() + " — " + b.site.title;
  v.path = route_path(page_route(*p), b.site.base_path);
  v.description = markdown_plain_text(first_paragraph(p->body));
  MarkdownOptions o;
  o.unsafe_html = b.site.unsafe_html;
  o.base_path = b.site.base_path;
  Html h;
  h.raw("<article class=\"page\" data-page=\"").text(p->slug).raw("\">\n<header class=\"post-header\">\n<h1>")
      .text(p->title).raw("</h1>\n</header>\n<div class=\"post-body\">\n").raw(render_markdown(p->body, o))
      .raw("</div>\n</article>\n");
  v.html = h.take();
  return true;
}

void render_menu(Html& h, const Bundle& b, const View& view, std::string_view section) {
  const Site& site = b.site;
  auto item = [&](std::string_view label, const std::string& href, bool current, bool in_section) {
    h.raw("<li><a href=\"").text(href).raw("\"");
    if (current) h.raw(" aria-current=\"page\"");
    else if (in_section) h.raw(" aria-current=\"true\"");
    h.raw(">").text(label).raw("</a></li>\n");
  };
  if (site.menu.empty()) {  // the default menu
    struct Item { const char* section; const char* label; Route route; };
    const Item items[] = {{"home", "Home", home_route()},
                          {"tags", "Tags", route_of(RouteKind::TagsIndex)},
                          {"archive", "Archive", route_of(RouteKind::ArchiveIndex)},
                          {"search", "Search", route_of(RouteKind::Search)}};
    for (const Item& it : items) {
      std::string href = route_path(it.route, site.base_path);
      const bool in = section == it.section;
      item(it.label, href, in && href == view.path, in);
    }
    return;
  }
  for (const MenuEntry& e : site.menu) {
    std::string href;
    if (e.kind == "page") {
      const Post* p = b.find_page(e.target);
      href = p ? route_path(page_route(*p), site.base_path) : site.base_path + e.target + "/";
    } else if (e.kind == "tag") {
      href = route_path(tag_route(tag_slug(e.target)), site.base_path);
    } else if (e.kind == "path") {
      href = site.base_path + (e.target.empty() ? std::string() : e.target.substr(1));
    } else {
      href = e.target;
    }
    item(e.title, href, href == view.path, false);
  }
}

}  // namespace quire
