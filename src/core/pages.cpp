#include "core/pages.hpp"

#include <nlohmann/json.hpp>

#include "core/bundle.hpp"
#include "core/code_tokens.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/math.hpp"
#include "core/router.hpp"
#include "core/toc.hpp"
#include "core/views.hpp"

namespace quire {
namespace {

using json = nlohmann::json;  // writing only (native): the WASM module has no JSON DOM

const char* const kMenuKinds[] = {"page", "tag", "path", "url"};

// The loader hands over "pages" and "menu" as written, syntax checked: an
// array of objects. This reads such an array whose objects' values that
// matter are strings, decoding escapes; any other value is kept as its
// type's name, for the message. (A JSON DOM here would bring ~80 KB of
// parser into the WASM module.)
struct Field {
  std::string key;
  std::string value;    // a string's text
  const char* type;     // "string", "number", "object", ...
};
using Object = std::vector<Field>;

class FlatReader {
 public:
  explicit FlatReader(std::string_view s) : s_(s) {}

  // "" and the objects, or the problem (what `name` is instead of an array).
  std::string array(const std::string& name, std::vector<Object>& out, std::vector<const char*>& types) {
    space();
    if (i_ == s_.size() || peek() == 'n') return {};  // absent or null: none
    if (peek() != '[') return name + ": expected array, got " + type_here();
    ++i_;
    for (space(); peek() != ']' && i_ < s_.size(); space()) {
      if (peek() == ',') { ++i_; continue; }
      types.push_back(type_here());
      out.emplace_back();
      if (peek() != '{') { skip(); continue; }
      ++i_;
      for (space(); peek() != '}' && i_ < s_.size(); space()) {
        if (peek() == ',') { ++i_; continue; }
        Field f;
        f.key = string();
        space();
        ++i_;  // ':'
        space();
        f.type = type_here();
        if (peek() == '"') {
          f.value = string();
        } else {  // kept as written (a page's "code": token runs, checked when replayed)
          const size_t start = i_;
          skip();
          f.value = std::string(s_.substr(start, i_ - start));
        }
        out.back().push_back(std::move(f));
      }
      ++i_;  // '}'
    }
    return {};
  }

 private:
  char peek() const { return i_ < s_.size() ? s_[i_] : '\0'; }
  void space() {
    while (i_ < s_.size() && (s_[i_] == ' ' || s_[i_] == '\n' || s_[i_] == '\r' || s_[i_] == '\t')) ++i_;
  }
  const char* type_here() const {
    switch (peek()) {
      case '"': return "string";
      case '{': return "object";
      case '[': return "array";
      case 't': case 'f': return "boolean";
      case 'n': return "null";
      default: return "number";
    }
  }
  unsigned hex4() {
    unsigned v = 0;
    for (int k = 0; k < 4 && i_ < s_.size(); ++k, ++i_) {
      const char c = s_[i_];
      v = v * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
    }
    return v;
  }
  std::string string() {
    std::string out;
    ++i_;  // '"'
    while (i_ < s_.size() && s_[i_] != '"') {
      if (s_[i_] != '\\') { out += s_[i_++]; continue; }
      const char e = ++i_ < s_.size() ? s_[i_++] : '\\';
      switch (e) {
        case 'n': out += '\n'; break;
        case 't': out += '\t'; break;
        case 'r': out += '\r'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'u': {
          unsigned cp = hex4();
          if (cp >= 0xD800 && cp < 0xDC00 && s_.substr(i_, 2) == "\\u") {
            i_ += 2;
            const unsigned low = hex4();
            cp = low >= 0xDC00 && low < 0xE000 ? 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00) : kReplacementChar;
          }
          append_utf8(out, static_cast<char32_t>(cp));
          break;
        }
        default: out += e;  // '"', '\\', '/'
      }
    }
    ++i_;
    return out;
  }
  void skip() {  // a value (syntax already checked)
    if (peek() == '"') { string(); return; }
    int depth = 0;
    while (i_ < s_.size()) {
      const char c = s_[i_];
      if (c == '"') { string(); continue; }
      if (c == '[' || c == '{') ++depth;
      else if (c == ']' || c == '}') {
        if (depth == 0) return;
        if (--depth == 0) { ++i_; return; }
      } else if (depth == 0 && c == ',') {
        return;
      }
      ++i_;
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

const Field* field(const Object& o, std::string_view key) {
  const Field* found = nullptr;
  for (const Field& f : o)
    if (f.key == key) found = &f;  // the last one, as a JSON object has it
  return found;
}

// A string field: "" when fine (absent or null is fine unless required).
std::string text_field(const Object& o, const char* key, bool required, std::string& out) {
  const Field* f = field(o, key);
  if (!f || std::string_view(f->type) == "null") return required ? std::string(key) + ": missing (expected string)" : "";
  if (std::string_view(f->type) != "string") return std::string(key) + ": expected string, got " + f->type;
  out = f->value;
  return {};
}

}  // namespace

std::string read_pages(std::string_view text, std::vector<Post>& pages) {
  pages.clear();
  std::vector<Object> items;
  std::vector<const char*> types;
  if (std::string why = FlatReader(text).array("pages", items, types); !why.empty()) return why;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string at = "pages[" + std::to_string(i) + "]";
    if (std::string_view(types[i]) != "object") return at + ": expected object, got " + types[i];
    const Object& o = items[i];
    Post p;
    std::string slug, title, body, date, permalink;
    for (auto [key, out, required] : {std::tuple{"slug", &slug, true}, {"title", &title, true},
                                      {"body", &body, false}, {"date", &date, false},
                                      {"permalink", &permalink, false}})
      if (std::string why = text_field(o, key, required, *out); !why.empty()) return at + "." + why;
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
    if (const Field* code = field(o, "code"); code && std::string_view(code->type) == "array")
      p.code_json = code->value;  // build-time highlighting (code_tokens.hpp)
    if (const Field* params = field(o, "params"); params && std::string_view(params->type) == "object")
      p.params_json = params->value;  // toc, math (toc.hpp, math.hpp)
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
  std::vector<Object> items;
  std::vector<const char*> types;
  if (std::string why = FlatReader(text).array("menu", items, types); !why.empty()) return why;
  for (size_t i = 0; i < items.size(); ++i) {
    const std::string at = "menu[" + std::to_string(i) + "]";
    if (std::string_view(types[i]) != "object") return at + ": expected object, got " + types[i];
    MenuEntry e;
    if (std::string why = text_field(items[i], "title", true, e.title); !why.empty()) return at + "." + why;
    for (const char* k : kMenuKinds)
      if (field(items[i], k)) {
        e.kind = k;
        if (std::string why = text_field(items[i], k, true, e.target); !why.empty()) return at + "." + why;
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
    if (!p.params_json.empty() && p.params_json != "{}") {
      json params = json::parse(p.params_json, nullptr, false);
      if (params.is_object() && !params.empty()) j["params"] = std::move(params);
    }
    if (!p.code_json.empty()) {
      json code = json::parse(p.code_json, nullptr, false);
      if (code.is_array() && !code.empty()) j["code"] = std::move(code);
    }
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
  MarkdownOptions o = post_markdown_options(b.site, *p);
  TokenReplay tokens(p->code_json);  // build-time highlighting, as a post's
  o.code = &tokens;
  // A table of contents when the page's front matter asks for one (toc.hpp;
  // site.yaml's toc_min_headings is the posts').
  const bool toc = params_flag(*p, "toc") == 1;
  std::vector<HeadingEntry> headings;
  if (toc) o.headings = &headings;
  const std::string body = render_markdown(p->body, o);
  Html h;
  h.raw("<article class=\"page\" data-page=\"").text(p->slug).raw("\">\n<header class=\"post-header\">\n<h1>")
      .text(p->title).raw("</h1>\n</header>\n").raw(toc ? table_of_contents(b.site, *p, headings) : std::string())
      .raw("<div class=\"post-body\">\n").raw(body).raw("</div>\n</article>\n");
  v.html = h.take();
  return true;
}

const char* nav_section(RouteKind k) {
  switch (k) {
    case RouteKind::Home: return "home";
    case RouteKind::Post: return "post";  // in no section of the menu: a post is not Home
    case RouteKind::TagsIndex: case RouteKind::Tag: return "tags";
    case RouteKind::ArchiveIndex: case RouteKind::Month: return "archive";
    case RouteKind::Search: return "search";
    case RouteKind::Page: return "page";
    default: return "";
  }
}

void render_menu(Html& h, const Bundle& b, const View& view, std::string_view section) {
  const Site& site = b.site;
  auto item = [&](std::string_view label, const std::string& href, bool current, bool in_section) {
    h.raw("<li><a href=\"").text(href).raw("\"");
    if (current) h.raw(" aria-current=\"page\"");
    else if (in_section) h.raw(" aria-current=\"true\"");
    h.raw(">").text(label).raw("</a></li>\n");
  };
  if (site.menu.empty()) {  // the default menu; search is the header's own box (page.cpp)
    struct Item { const char* section; const char* label; Route route; };
    const Item items[] = {{"home", "Home", home_route()},
                          {"tags", "Tags", route_of(RouteKind::TagsIndex)},
                          {"categories", "Categories", terms_index_route(true)},  // categories.hpp
                          {"archive", "Archive", route_of(RouteKind::ArchiveIndex)}};
    for (const Item& it : items) {
      if (it.route.category && !site.categories) continue;
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
    bool in_section = false;
    if (e.kind == "path") {  // a section's first page: the whole section
      const Route r = parse_route(href, b);
      const bool first = (r.kind == RouteKind::Home && r.page == 1) || r.kind == RouteKind::TagsIndex ||
                         r.kind == RouteKind::ArchiveIndex || (r.kind == RouteKind::Search && r.query.empty());
      in_section = first && section == (r.category ? "categories" : nav_section(r.kind));
    }
    item(e.title, href, href == view.path, in_section);
  }
}

}  // namespace quire
