// XSS corpus, natively: every vector of tests/xss/vectors.json goes into a
// bundle where it says (post body, title, tag, link URL, footnote label,
// front matter summary, site title/description); every view of that bundle
// and every whole document is then parsed as HTML (html_scan.hpp) and must
// hold no executable markup. The same corpus runs in Chromium in
// tests/e2e/xss.test.mjs.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "core/bundle.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/router.hpp"
#include "core/sanitize.hpp"
#include "build/html_sanitizer.hpp"
#include "core/smart_punctuation.hpp"
#include "core/views.hpp"
#include "core/widget.hpp"
#include "html_scan.hpp"

namespace {

using json = nlohmann::json;
using quire::testing::HtmlToken;

struct Vector {
  std::string id;
  std::string where;
  std::string payload;
};

std::vector<Vector> read_corpus() {
  std::ifstream in(std::string(QUIRE_SOURCE_DIR) + "/tests/xss/vectors.json", std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  const json doc = json::parse(s.str(), nullptr, false);
  std::vector<Vector> out;
  if (doc.is_discarded() || !doc.contains("vectors")) return out;
  for (const json& v : doc["vectors"])
    out.push_back({v["id"].get<std::string>(), v["where"].get<std::string>(), v["payload"].get<std::string>()});
  return out;
}

// How a link_url or footnote_label payload is used in a body.
std::string body_for(const Vector& v) {
  if (v.where == "body") return v.payload;
  if (v.where == "link_url")
    return "[link](" + v.payload + ") ![image](" + v.payload + ") [ref] <" + v.payload +
           ">\n\n[ref]: " + v.payload + "\n";
  if (v.where == "footnote_label")
    return "Text[^" + v.payload + "] more.\n\n[^" + v.payload + "]: The note.\n";
  return "A harmless body with a [link](/posts/other/) and a note[^1].\n\n[^1]: Note.\n";
}

// A bundle with the vector in place and a harmless second post.
std::string bundle_json(const Vector& v) {
  json site = {{"title", "XSS test site"}, {"description", "A site"}, {"url", "https://blog.example"}};
  if (v.where == "site_title") site["title"] = v.payload;
  if (v.where == "site_description") site["description"] = v.payload;
  json post = {{"slug", "vector"},
               {"title", v.where == "title" ? v.payload : "Vector " + v.id},
               {"date", "2024-05-02T10:00:00Z"},
               {"tags", json::array({"safe"})},
               {"summary", v.where == "summary" ? v.payload : "A summary."},
               {"body", body_for(v)}};
  if (v.where == "tag") post["tags"].push_back(v.payload);
  json other = {{"slug", "other"}, {"title", "Other"}, {"date", "2024-04-01T10:00:00Z"},
                {"tags", json::array({"safe"})}, {"summary", "Other summary."}, {"body", "Other body."}};
  return json{{"format", "quire-bundle"}, {"version", 1}, {"site", site}, {"posts", {post, other}}}.dump();
}

// Every route of the bundle, plus a search for the payload and a 404.
std::vector<std::string> routes_of(const quire::Bundle& b, const Vector& v) {
  std::vector<std::string> paths = {"/", "/tags/", "/archive/", "/search/", "/no/such/page/"};
  for (const quire::Post& p : b.posts) paths.push_back(quire::route_path(quire::post_route(p.slug)));
  for (const quire::TagInfo& t : b.tags) paths.push_back(quire::route_path(quire::tag_route(t.slug)));
  for (const quire::MonthInfo& m : b.months) paths.push_back(quire::route_path(quire::month_route(m.year, m.month)));
  quire::Route search = quire::route_of(quire::RouteKind::Search);
  search.query = v.payload;
  paths.push_back(quire::route_path(search));
  return paths;
}

bool valid_utf8(std::string_view s) { return quire::sanitize_utf8(s) == s; }

const std::set<std::string> kAllowedTags = {
    "html", "head", "meta", "title", "link", "script", "body", "div", "a", "header", "nav", "ul", "ol",
    "li", "main", "footer", "p", "h1", "h2", "h3", "h4", "h5", "h6", "article", "section", "time",
    "span", "strong", "em", "code", "pre", "blockquote", "hr", "br", "img", "table", "thead", "tbody",
    "tr", "th", "td", "del", "u", "input", "sup", "form", "label", "button", "noscript",
    "svg", "path", "circle"};  // the chrome's theme toggle icons
const std::set<std::string> kAllowedAttributes = {
    "href", "src", "alt", "title", "class", "id", "lang", "charset", "name", "content", "rel",
    "type", "as", "crossorigin", "datetime", "role", "tabindex", "start", "align", "disabled",
    "checked", "loading", "decoding", "action", "method", "for", "value", "autocomplete",
    "viewbox", "width", "height", "focusable", "d", "fill", "stroke", "stroke-width", "stroke-linecap",
    "stroke-linejoin", "cx", "cy", "r",  // the chrome's SVG icons
    "part",                                // the widget's ::part() names
    "placeholder",                         // the header's search box
    "fetchpriority",                       // 404.html's preloads of the core, at low priority
    "property"};                           // OpenGraph <meta property=...>
const std::set<std::string> kUrlAttributes = {"href", "src", "action", "formaction", "poster",
                                              "cite", "background", "data", "xlink:href"};

// The scheme a browser would see: leading/trailing C0 controls and spaces
// trimmed, tabs and newlines removed anywhere, lowercased.
std::string url_scheme(std::string_view value) {
  std::string cleaned;
  for (const char ch : value) {
    const auto c = static_cast<unsigned char>(ch);
    if (c <= 0x20 || c == 0x7F) continue;
    cleaned += ch;
  }
  const std::size_t colon = cleaned.find(':');
  if (colon == std::string::npos) return {};
  const std::string scheme = quire::testing::ascii_lowercase(cleaned.substr(0, colon));
  for (const char c : scheme)
    if (!quire::testing::is_ascii_alpha(c) && !quire::testing::is_ascii_digit(c) && c != '+' &&
        c != '-' && c != '.')
      return {};
  return scheme;
}

// Problems a browser would execute, in one HTML text. `base` is the site's
// base path: the document may load the app's module and the theme script
// from it (views.hpp's file names), and nothing else.
std::vector<std::string> executable_markup(const std::string& html, const std::string& base) {
  const std::string app_script = base + quire::kAppScriptFile;
  const std::string theme_script = base + quire::kThemeScriptFile;
  std::vector<std::string> problems;
  if (!valid_utf8(html)) problems.push_back("invalid UTF-8 in the output");
  const std::vector<HtmlToken> tokens = quire::testing::tokenize_html(html);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const HtmlToken& t = tokens[i];
    if (t.kind != HtmlToken::Kind::start_tag) continue;
    // The page's own elements, or raw HTML's allow-list (core/sanitize.hpp).
    const quire::ElementRule* raw = quire::find_element_rule(t.name);
    if (kAllowedTags.count(t.name) == 0 && !raw) problems.push_back("unexpected element <" + t.name + ">");
    if (t.name == "iframe") {
      const auto* src = quire::testing::find_attribute(t, "src");
      std::string host = src && src->value ? *src->value : std::string();
      host = host.rfind("https://", 0) == 0 ? host.substr(8, host.find_first_of("/?#", 8) - 8) : std::string();
      if (host.empty() || (" " + std::string(quire::kDefaultIframeHosts) + " ").find(" " + host + " ") == std::string::npos)
        problems.push_back("an iframe not from the default iframe_hosts");
      for (const char* bad : {"srcdoc", "sandbox", "allow"})
        if (quire::testing::find_attribute(t, bad)) problems.push_back(std::string("iframe ") + bad);
    }
    if (t.name == "script") {
      const auto* type = quire::testing::find_attribute(t, "type");
      const auto* src = quire::testing::find_attribute(t, "src");
      const bool app = !base.empty() && src &&
                       ((type && type->value == std::string("module") && src->value == app_script) ||
                        (!type && src->value == theme_script));
      const bool ld_json = type && type->value == std::string("application/ld+json");
      if (ld_json) {
        const std::string content = i + 1 < tokens.size() && tokens[i + 1].kind == HtmlToken::Kind::text
                                        ? tokens[i + 1].text : std::string();
        if (json::parse(content, nullptr, false).is_discarded())
          problems.push_back("JSON-LD that does not parse (broken out of?): " + content);
      } else if (!app) {
        problems.push_back("a <script> that is not one of the app's");
      }
    }
    for (const quire::testing::HtmlAttribute& a : t.attributes) {
      if (a.name.rfind("on", 0) == 0) problems.push_back("event handler attribute " + a.name + " on <" + t.name + ">");
      else if (a.name.rfind("aria-", 0) != 0 && a.name.rfind("data-", 0) != 0 && kAllowedAttributes.count(a.name) == 0 &&
               !(raw && quire::find_attribute_rule(*raw, a.name) != std::string_view::npos))
        problems.push_back("unexpected attribute '" + a.name + "' on <" + t.name + "> (quote breakout?)");
      if (a.value && a.quote != '"') problems.push_back("attribute " + a.name + " not double-quoted");
      if (a.name == "http-equiv") problems.push_back("meta http-equiv");
      if (a.value && (kUrlAttributes.count(a.name) != 0 || a.name == "srcset")) {
        // Every URL of a srcset (candidates split at commas, URL before the space).
        std::string_view rest = *a.value;
        do {
          const std::size_t comma = a.name == "srcset" ? std::min(rest.find(','), rest.size()) : rest.size();
          std::string_view url = rest.substr(0, comma);
          while (!url.empty() && url.front() == ' ') url.remove_prefix(1);
          if (a.name == "srcset") url = url.substr(0, url.find(' '));
          const std::string scheme = url_scheme(url);
          if (scheme == "javascript" || scheme == "vbscript" || scheme == "data")
            problems.push_back(a.name + "=\"" + *a.value + "\" on <" + t.name + ">");
          rest.remove_prefix(std::min(rest.size(), comma + 1));
        } while (!rest.empty());
      }
      if (t.name == "a" && a.name == "target" && !quire::testing::find_attribute(t, "rel"))
        problems.push_back("target without rel=noopener");
    }
  }
  return problems;
}

std::string join(const std::vector<std::string>& problems) {
  std::string out;
  for (const std::string& p : problems) out += p + "\n";
  return out;
}

// The decoded text of the first <tag> element of a document.
std::string element_text(const std::string& html, std::string_view tag) {
  const std::vector<HtmlToken> tokens = quire::testing::tokenize_html(html);
  for (std::size_t i = 0; i + 1 < tokens.size(); ++i)
    if (tokens[i].kind == HtmlToken::Kind::start_tag && tokens[i].name == tag &&
        tokens[i + 1].kind == HtmlToken::Kind::text)
      return quire::testing::decode_char_refs(tokens[i + 1].text);
  return {};
}

}  // namespace

TEST_SUITE("xss") {

TEST_CASE("the corpus has at least 60 vectors covering every place") {
  const std::vector<Vector> corpus = read_corpus();
  CHECK(corpus.size() >= 60);
  std::set<std::string> places;
  std::set<std::string> ids;
  for (const Vector& v : corpus) {
    places.insert(v.where);
    CHECK_MESSAGE(ids.insert(v.id).second, "duplicate id " << v.id);
  }
  CHECK(places == std::set<std::string>{"body", "title", "tag", "link_url", "footnote_label", "summary",
                                        "site_title", "site_description"});
}

TEST_CASE("no vector yields executable markup in any view or document") {
  const std::vector<Vector> corpus = read_corpus();
  REQUIRE(!corpus.empty());
  std::size_t pages = 0;
  for (const Vector& v : corpus) {
    CAPTURE(v.id);
    CAPTURE(v.payload);
    quire::LoadResult loaded = quire::load_bundle(bundle_json(v));
    REQUIRE_MESSAGE(loaded.ok, loaded.message);
    const quire::Bundle& b = loaded.bundle;
    for (const std::string& path : routes_of(b, v)) {
      CAPTURE(path);
      const quire::View view = quire::render_view(b, quire::parse_route(path, b.site.base_path));
      const std::string document = quire::render_document(b, view);
      ++pages;
      const std::vector<std::string> problems = executable_markup(document, b.site.base_path);
      CHECK_MESSAGE(problems.empty(), join(problems));
      // The view alone (what the app swaps in) is checked too.
      const std::vector<std::string> app_problems = executable_markup(quire::render_app(b, view), b.site.base_path);
      CHECK_MESSAGE(app_problems.empty(), join(app_problems));
      // The payload arrives as text, intact, where it is shown as text (a
      // title with the site's typographic quotes and dashes).
      if (v.where == "title" && path == "/posts/vector/")
        CHECK(element_text(document, "h1") == quire::smart_title(quire::sanitize_utf8(v.payload), b.site.smart_punctuation));
      if (v.where == "site_title")
        CHECK(element_text(document, "title").find(quire::sanitize_utf8(v.payload)) != std::string::npos);
    }
  }
  MESSAGE(corpus.size() << " vectors, " << pages << " documents checked");
}

TEST_CASE("no vector yields executable markup in any widget view") {
  std::size_t views = 0;
  for (const Vector& v : read_corpus()) {
    CAPTURE(v.id);
    quire::LoadResult loaded = quire::load_bundle(bundle_json(v));
    REQUIRE_MESSAGE(loaded.ok, loaded.message);
    std::vector<quire::WidgetRequest> requests;
    auto request = [&](const char* view) -> quire::WidgetRequest& {
      requests.emplace_back().view = view;
      return requests.back();
    };
    request("latest");
    request("archive");
    for (const quire::Post& p : loaded.bundle.posts) {
      quire::WidgetRequest& r = request("post");
      r.slug = p.slug;
      r.back = true;
    }
    for (const quire::TagInfo& t : loaded.bundle.tags) request("tag").tag = t.name;
    for (quire::WidgetRequest& r : requests) {
      r.id_prefix = "w1-";
      CAPTURE(r.view);
      const quire::WidgetView w = quire::render_widget(loaded.bundle, r);
      CHECK(w.status == 200);
      const std::vector<std::string> problems = executable_markup(w.html, "");
      CHECK_MESSAGE(problems.empty(), join(problems));
      ++views;
    }
  }
  MESSAGE(views << " widget views checked");
}

TEST_CASE("render_markdown alone neutralises every body and link vector, with unsafe_html off") {
  for (const Vector& v : read_corpus()) {
    if (v.where != "body" && v.where != "link_url" && v.where != "footnote_label" && v.where != "summary") continue;
    CAPTURE(v.id);
    const std::string html = quire::render_markdown(v.where == "summary" ? v.payload : body_for(v));
    const std::vector<std::string> problems = executable_markup(html, "");
    CHECK_MESSAGE(problems.empty(), join(problems));
  }
}

TEST_CASE("the build's sanitiser keeps every body vector inert, and its output is what the core passes") {
  std::size_t kept = 0;
  for (const Vector& v : read_corpus()) {
    if (v.where != "body") continue;
    CAPTURE(v.id);
    CAPTURE(v.payload);
    const quire::SanitizedMarkdown s = quire::sanitize_raw_html(v.payload, quire::kDefaultIframeHosts);
    CHECK(s.refused == 0);
    const std::string html = quire::render_markdown(s.markdown);
    const std::vector<std::string> problems = executable_markup(html, "");
    CHECK_MESSAGE(problems.empty(), join(problems));
    if (html.find('<') != std::string::npos) ++kept;
  }
  CHECK(kept >= 40);  // the vectors' harmless parts are kept, not everything dropped
}

TEST_CASE("the checker itself catches what it must") {
  CHECK(!executable_markup("<img src=\"/a.png\" srcset=\"/a.png 1x, javascript:alert(1) 2x\">", "").empty());
  CHECK(!executable_markup("<iframe src=\"https://www.youtube.com.evil.example/x\"></iframe>", "").empty());
  CHECK(!executable_markup("<iframe src=\"https://www.youtube.com/x\" srcdoc=\"x\"></iframe>", "").empty());
  CHECK(!executable_markup("<a href=\"/x\" target=\"_blank\">x</a>", "").empty());
  CHECK(!executable_markup("<p style=\"x\">x</p>", "").empty());
  CHECK(executable_markup("<iframe src=\"https://www.youtube.com/embed/x\"></iframe>", "").empty());
  // Every check must be able to fail.
  CHECK(!executable_markup("<p><script>alert(1)</script></p>", "/").empty());
  CHECK(!executable_markup("<script src=\"/evil.js\"></script>", "/").empty());
  CHECK(!executable_markup("<img src=\"x\" onerror=\"alert(1)\">", "").empty());
  CHECK(!executable_markup("<a href=\"java&#x09;script:alert(1)\">x</a>", "").empty());
  CHECK(!executable_markup("<a href=\" JAVASCRIPT:alert(1)\">x</a>", "").empty());
  CHECK(!executable_markup("<iframe src=\"data:text/html,x\"></iframe>", "").empty());
  CHECK(!executable_markup("<a title=\"x\" y=\"\" onmouseover=\"\">x</a>", "").empty());
  CHECK(!executable_markup("<a title=x>x</a>", "").empty());
  CHECK(!executable_markup("<script type=\"application/ld+json\">{\"a\": \"</script>", "").empty());
  CHECK(!executable_markup("<svg onload=alert(1)>", "").empty());
  CHECK(!executable_markup("\xFF", "").empty());
  CHECK(executable_markup("<a href=\"/ok\" class=\"x\" aria-label=\"y\">ok</a>", "").empty());
  CHECK(executable_markup("<script type=\"module\" src=\"/app.js\"></script>", "/").empty());
}

TEST_CASE("raw HTML vectors do run when unsafe_html is on, so the corpus is live") {
  // With the safety switch off the same checker flags them: the corpus
  // exercises the policy rather than being inert by construction.
  std::size_t live = 0;
  quire::MarkdownOptions unsafe;
  unsafe.unsafe_html = true;
  for (const Vector& v : read_corpus())
    if (v.where == "body" && !executable_markup(quire::render_markdown(v.payload, unsafe), "").empty()) ++live;
  CHECK(live >= 15);
}

}  // TEST_SUITE
