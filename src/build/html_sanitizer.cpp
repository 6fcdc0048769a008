// Build-time raw HTML sanitiser on gumbo (contract in html_sanitizer.hpp).
#include "build/html_sanitizer.hpp"

#include <gumbo.h>
#include <md4c.h>

#include <algorithm>
#include <cctype>
#include <string>
#include <unordered_set>

#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/sanitize.hpp"

namespace quire {

namespace {

// Elements that go with their content: code, foreign markup, forms'
// option lists, the document's head. (svg and math are caught by namespace.)
bool dropped_with_content(std::string_view name) {
  static const std::unordered_set<std::string_view> names = {
      "script", "style", "template", "noscript", "textarea", "title", "xmp", "noembed", "noframes",
      "plaintext", "object", "embed", "applet", "select", "datalist", "head", "meta", "link", "base",
      "frameset", "frame", "iframe"};
  return names.count(name) != 0;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && static_cast<unsigned char>(s.front()) <= 0x20) s.remove_prefix(1);
  while (!s.empty() && static_cast<unsigned char>(s.back()) <= 0x20) s.remove_suffix(1);
  return s;
}

// Runs of whitespace as one space, trimmed.
std::string collapse_spaces(std::string_view s) {
  std::string out;
  for (const char c : trim(s)) {
    if (is_space(c)) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

// A URL as the browser reads it: ends trimmed, tabs and newlines removed.
std::string clean_url(std::string_view s) {
  std::string out;
  for (const char c : trim(s))
    if (c != '\t' && c != '\n' && c != '\r') out += c;
  return out;
}

// srcset's candidates (the HTML spec's parsing, simplified: descriptors are
// one word) as "url[ descriptor]" joined by ", ".
std::string clean_srcset(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
    if (i >= s.size()) break;
    std::size_t url_end = i;
    while (url_end < s.size() && !is_space(s[url_end])) ++url_end;
    std::string_view url = s.substr(i, url_end - i);
    std::string descriptor;
    i = url_end;
    if (!url.empty() && url.back() == ',') {
      while (!url.empty() && url.back() == ',') url.remove_suffix(1);
    } else {
      std::size_t end = s.find(',', i);
      if (end == std::string_view::npos) end = s.size();
      descriptor = collapse_spaces(s.substr(i, end - i));
      i = end;
    }
    if (url.empty()) continue;
    if (!out.empty()) out += ", ";
    out += url;
    if (!descriptor.empty()) out += " " + descriptor;
  }
  return out;
}

std::string clean_iframe_src(std::string_view s) {
  std::string url = clean_url(s);
  if (url.rfind("//", 0) == 0) url = "https:" + url;
  if (url.size() > 7 && std::equal(url.begin(), url.begin() + 7, "http://",
                                   [](char a, char b) { return ascii_lower(a) == b; }))
    url = "https://" + url.substr(7);
  const std::size_t host_at = url.find("://");
  if (host_at == std::string::npos) return url;
  for (std::size_t i = 0; i < host_at; ++i) url[i] = ascii_lower(url[i]);
  const std::size_t host_end = std::min(url.find_first_of("/?#", host_at + 3), url.size());
  for (std::size_t i = host_at + 3; i < host_end; ++i) url[i] = ascii_lower(url[i]);
  return url;
}

// An attribute not kept whose absence changes nothing a reader sees, so the
// report does not name it: frameborder="0" (or "no") on an iframe, which
// every YouTube and Vimeo embed code carries; the stylesheet draws no
// iframe border (web/style.css). Any other frameborder is named.
bool inert_attribute(std::string_view element, std::string_view attribute, std::string_view value) {
  if (element != "iframe" || attribute != "frameborder") return false;
  std::string v = collapse_spaces(value);
  for (char& c : v) c = ascii_lower(c);
  return v == "0" || v == "no";
}

// The value as written canonically, before it is checked.
std::string clean_value(const AttrRule& rule, std::string_view value) {
  switch (rule.kind) {
    case AttrKind::url: return clean_url(value);
    case AttrKind::srcset: return clean_srcset(value);
    case AttrKind::iframe_src: return clean_iframe_src(value);
    case AttrKind::permissions: {
      // allow="autoplay;  encrypted-media;" as "autoplay; encrypted-media".
      // A feature with an origin list stays as written, so that the check
      // refuses it (and says so) rather than widen or narrow it.
      std::string out;
      std::size_t at = 0;
      while (at <= value.size()) {
        const std::size_t end = std::min(value.find(';', at), value.size());
        const std::string item = collapse_spaces(value.substr(at, end - at));
        if (!item.empty()) out += (out.empty() ? "" : "; ") + item;
        at = end + 1;
      }
      return out;
    }
    case AttrKind::boolean: return {};
    case AttrKind::length: {
      // width="200px": browsers read the number before "px" (pixeleden's
      // images lost their width), so the canonical form is that number.
      std::string v = collapse_spaces(value);
      if (v.size() > 2 && (v.compare(v.size() - 2, 2, "px") == 0 || v.compare(v.size() - 2, 2, "PX") == 0)) {
        std::string number = v.substr(0, v.size() - 2);
        while (!number.empty() && number.back() == ' ') number.pop_back();
        if (!number.empty() && std::isdigit(static_cast<unsigned char>(number.back()))) v = number;
      }
      return v;
    }
    case AttrKind::text: {
      std::string out;
      for (const char c : value) {
        if (is_space(c)) out += ' ';
        else if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
      }
      return out;
    }
    default: return collapse_spaces(value);
  }
}

// A style attribute's harmless common cases as the attributes the
// allow-list has for them (sanitize.hpp: style itself is never kept):
// text-align where the element has `align`, a px or % width/height where it
// has `width`/`height`. Adds (rule index, value) pairs; whether every
// declaration was mapped.
bool style_as_attributes(const ElementRule& rule, std::string_view style,
                         std::vector<std::pair<std::size_t, std::string>>& out) {
  bool all = true;
  while (!style.empty()) {
    const std::size_t semi = std::min(style.find(';'), style.size());
    const std::string_view declaration = trim(style.substr(0, semi));
    style.remove_prefix(std::min(style.size(), semi + 1));
    if (declaration.empty()) continue;
    const std::size_t colon = declaration.find(':');
    std::string property, value;
    for (const char c : trim(declaration.substr(0, std::min(colon, declaration.size())))) property += ascii_lower(c);
    if (colon != std::string_view::npos)
      for (const char c : trim(declaration.substr(colon + 1))) value += ascii_lower(c);
    std::string attribute = property;
    if (property == "text-align") {
      attribute = "align";
    } else if (property == "width" || property == "height") {
      if (value.size() > 2 && value.compare(value.size() - 2, 2, "px") == 0) value.resize(value.size() - 2);
    } else {
      all = false;
      continue;
    }
    const std::size_t index = find_attribute_rule(rule, attribute);
    if (index == std::string_view::npos || !valid_attribute_value(rule.attribute(index), value, {})) {
      all = false;
      continue;
    }
    out.emplace_back(index, value);
  }
  return all;
}

std::string tag_name(const GumboNode* node) {
  const GumboElement& e = node->v.element;
  const char* known = gumbo_normalized_tagname(e.tag);
  if (known && *known) return known;
  GumboStringPiece original = e.original_tag;
  if (original.length == 0) return "?";
  gumbo_tag_from_original_text(&original);
  std::string name(original.data, original.length);
  for (char& c : name) c = ascii_lower(c);
  return name;
}

struct Event {
  std::size_t at;          // offset in the unit (after the context prefix)
  enum Kind { start, end, text } kind;
  const GumboNode* node;
};

// One pass over a document: md4c's callbacks, raw HTML pieces gathered into
// units and rewritten as they end.
class Pass {
 public:
  Pass(std::string_view source, std::string_view hosts, std::vector<RawHtmlRemoval>& removed)
      : src_(source), hosts_(hosts), removed_(removed) {}

  // The rewritten document; `changed` says whether it differs.
  std::string run(bool& changed) {
    // Footnote definitions ("[^1]: ...") are read as the core reads them,
    // not as link reference definitions: masked for md4c only.
    std::string masked(src_);
    mask_footnote_labels(masked);
    parsed_ = masked.data();
    MD_PARSER parser{};
    parser.flags = markdown_parser_flags(masked);
    parser.enter_block = [](MD_BLOCKTYPE t, void*, void* self) { return static_cast<Pass*>(self)->block(t, true); };
    parser.leave_block = [](MD_BLOCKTYPE t, void*, void* self) { return static_cast<Pass*>(self)->block(t, false); };
    parser.enter_span = [](MD_SPANTYPE, void*, void* self) { return static_cast<Pass*>(self)->span(true); };
    parser.leave_span = [](MD_SPANTYPE, void*, void* self) { return static_cast<Pass*>(self)->span(false); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* text, MD_SIZE size, void* self) {
      return static_cast<Pass*>(self)->text(t, text, size);
    };
    md_parse(masked.data(), static_cast<MD_SIZE>(masked.size()), &parser, this);
    flush();
    std::string out(src_);
    changed = !edits_.empty();
    for (auto it = edits_.rbegin(); it != edits_.rend(); ++it) out.replace(it->begin, it->end - it->begin, it->text);
    return out;
  }

 private:
  struct Segment {
    std::size_t begin, end;  // in the source
    std::size_t joined_at;   // where its text starts in joined_
    std::size_t indent;      // spaces md4c wrote before it (not in the segment)
  };
  struct Edit {
    std::size_t begin, end;
    std::string text;
  };

  static void mask_footnote_labels(std::string& s) {
    std::size_t line = 0;
    while (line < s.size()) {
      std::size_t i = line;
      while (i < s.size() && (s[i] == ' ' || s[i] == '>')) ++i;
      if (s.compare(i, 2, "[^") == 0) {
        const std::size_t close = s.find_first_of("]\n", i);
        if (close != std::string::npos && s[close] == ']' && close + 1 < s.size() && s[close + 1] == ':')
          std::fill(s.begin() + static_cast<long>(i), s.begin() + static_cast<long>(close + 2), 'x');
      }
      const std::size_t nl = s.find('\n', line);
      line = nl == std::string::npos ? s.size() : nl + 1;
    }
  }

  int block(MD_BLOCKTYPE type, bool enter) {
    flush();
    if (type == MD_BLOCK_HTML) return 0;
    if (enter) scopes_.push_back(open_.size());
    else close_scope();
    return 0;
  }
  int span(bool enter) {
    flush();
    if (enter) scopes_.push_back(open_.size());
    else close_scope();
    return 0;
  }
  void close_scope() {
    if (scopes_.empty()) return;
    while (open_.size() > scopes_.back()) open_.pop();
    scopes_.pop_back();
  }
  std::size_t floor() const { return scopes_.empty() ? 0 : scopes_.back(); }

  int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    if (type != MD_TEXT_HTML) {
      flush();
      return 0;
    }
    const std::string_view piece(text, size);
    if (text >= parsed_ && text + size <= parsed_ + src_.size()) {
      const auto begin = static_cast<std::size_t>(text - parsed_);
      // Another engine's shortcode left unconverted, {{<post-image a="b">}}:
      // its tag is no HTML but the shortcode's text, kept as text (escaped)
      // as the build's warning says, not removed as an unknown element
      // (which left "{{}}" on the page: henrikssommerfeld's Hugo posts).
      // (Its tag may go on over the next lines, up to its ">}}".)
      const size_t tag_end = src_.find(">}}", begin);
      if (piece.size() > 2 && piece[0] == '<' && begin >= 2 && src_.compare(begin - 2, 2, "{{") == 0 &&
          tag_end != std::string::npos && tag_end - begin < 1000 && src_.substr(begin, tag_end - begin).find("\n\n") == std::string::npos) {
        flush();
        edits_.push_back({begin, begin + 1, "\\<"});
        return 0;
      }
      segments_.push_back({begin, begin + size, joined_.size(), pending_indent_});
      // The same inside an HTML block's line ("{{</post-image>}}" after a
      // <p>): its '<' as text, so the shortcode is shown, not removed.
      std::string part(src_.substr(begin, size));
      for (size_t at = part.find("{{<"); at != std::string::npos; at = part.find("{{<", at + 6))
        if (part.find(">}}", at) != std::string::npos) part.replace(at + 2, 1, "&lt;");
      joined_ += part;
      pending_indent_ = 0;
    } else {  // md4c's own: a line's indentation, or its end
      joined_ += piece;
      const bool spaces = std::all_of(piece.begin(), piece.end(), [](char c) { return c == ' '; });
      pending_indent_ = spaces ? pending_indent_ + size : 0;
    }
    return 0;
  }

  // Follows canonical tokens' opening and closing, as the core does.
  void follow(const std::vector<CanonicalToken>& tokens) {
    for (const CanonicalToken& t : tokens) {
      if (t.kind == CanonicalToken::Kind::start && !t.element->is_void && t.element->name != "iframe")
        open_.push(t.element);
      if (t.kind == CanonicalToken::Kind::end) close(t.element, nullptr);
    }
  }

  // Closes `element` and what is open inside it (in this scope), writing
  // their end tags to `out` when given.
  void close(const ElementRule* element, std::string* out) {
    for (std::size_t n = open_.to_close(element, floor()); n > 0; --n) {
      const ElementRule* closed = open_.pop();
      if (out) *out += "</" + std::string(closed->name) + ">";
    }
  }

  std::size_t source_offset(std::size_t joined_offset) const {
    for (std::size_t i = segments_.size(); i-- > 0;)
      if (segments_[i].joined_at <= joined_offset)
        return std::min(segments_[i].end, segments_[i].begin + (joined_offset - segments_[i].joined_at));
    return segments_.empty() ? 0 : segments_.front().begin;
  }

  void remove(std::size_t unit_offset, std::string what) {
    removed_.push_back({source_offset(unit_offset), std::move(what)});
  }

  void flush() {
    if (!segments_.empty()) rewrite_unit();
    segments_.clear();
    joined_.clear();
    pending_indent_ = 0;
  }

  void rewrite_unit() {
    std::vector<CanonicalToken> tokens;
    std::vector<CanonicalAttribute> attributes;
    if (parse_canonical_html(joined_, hosts_, tokens, attributes)) {
      follow(tokens);
      return;
    }
    // The unit is parsed inside what raw HTML opened before it (a <td> in a
    // <table>): the 64 innermost elements at most. Each unit was parsed
    // after all of them, so thousands left open ("<details>&#" x 16,000:
    // 0.33 s, each unit behind a longer prefix) were quadratic.
    constexpr std::size_t kContext = 64;
    std::string prefix;
    for (std::size_t i = open_.size() > kContext ? open_.size() - kContext : 0; i < open_.size(); ++i)
      prefix += "<" + std::string(open_[i]->name) + ">";
    const std::string input = prefix + joined_;
    GumboOptions options = kGumboDefaultOptions;
    options.fragment_context = GUMBO_TAG_DIV;
    options.fragment_namespace = GUMBO_NAMESPACE_HTML;
    options.max_errors = 0;
    GumboOutput* parsed = gumbo_parse_with_options(&options, input.data(), input.size());
    std::vector<Event> events;
    collect(parsed->document, prefix.size(), events);
    std::stable_sort(events.begin(), events.end(), [](const Event& a, const Event& b) { return a.at < b.at; });
    std::string out;
    std::unordered_set<const GumboNode*> kept;
    std::size_t last_end = std::string::npos;
    for (const Event& ev : events) {
      switch (ev.kind) {
        case Event::start: start_tag(ev, out, kept); break;
        case Event::end: {
          if (ev.at == last_end) break;  // an element and its clones share one end tag
          last_end = ev.at;
          const bool from_context = ev.node->v.element.start_pos.offset < prefix.size();
          if (!kept.count(ev.node) && !from_context) break;
          if (const ElementRule* rule = find_element_rule(tag_name(ev.node))) close(rule, &out);
          break;
        }
        case Event::text: {
          const std::string_view text = ev.node->v.text.text;
          append_canonical_escaped(out, text);
          break;
        }
      }
    }
    gumbo_destroy_output(&options, parsed);
    place(std::move(out));
  }

  // Events in the unit (offsets past the context prefix), not descending
  // into what goes whole.
  void collect(const GumboNode* node, std::size_t skip, std::vector<Event>& events) {
    const auto below = [&](const GumboVector& children) {
      for (unsigned i = 0; i < children.length; ++i)
        collect(static_cast<const GumboNode*>(children.data[i]), skip, events);
    };
    switch (node->type) {
      case GUMBO_NODE_DOCUMENT: below(node->v.document.children); break;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE: {
        const GumboElement& e = node->v.element;
        const unsigned synthetic = GUMBO_INSERTION_BY_PARSER | GUMBO_INSERTION_RECONSTRUCTED_FORMATTING_ELEMENT |
                                   GUMBO_INSERTION_ADOPTION_AGENCY_CLONED;
        if (e.original_tag.length > 0 && !(node->parse_flags & synthetic) && e.start_pos.offset >= skip)
          events.push_back({e.start_pos.offset - skip, Event::start, node});
        if (e.original_end_tag.length > 0 && e.end_pos.offset >= skip)
          events.push_back({e.end_pos.offset - skip, Event::end, node});
        const bool whole = node->type == GUMBO_NODE_TEMPLATE || e.tag_namespace != GUMBO_NAMESPACE_HTML ||
                           dropped_with_content(tag_name(node));
        if (!whole) below(e.children);
        break;
      }
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_WHITESPACE:
      case GUMBO_NODE_CDATA:
        if (node->v.text.start_pos.offset >= skip) events.push_back({node->v.text.start_pos.offset - skip, Event::text, node});
        break;
      default: break;  // comments
    }
  }

  void start_tag(const Event& ev, std::string& out, std::unordered_set<const GumboNode*>& kept) {
    const GumboElement& e = ev.node->v.element;
    const std::string name = tag_name(ev.node);
    const std::string shown = "<" + name + ">";
    if (ev.node->type == GUMBO_NODE_TEMPLATE || e.tag_namespace != GUMBO_NAMESPACE_HTML ||
        (dropped_with_content(name) && name != "iframe")) {
      remove(ev.at, shown + " and its content");
      return;
    }
    const ElementRule* rule = find_element_rule(name);
    if (!rule) {
      remove(ev.at, shown + " tag (its text kept)");
      return;
    }
    if (name == "iframe") {
      // Refused by its src, it goes whole: one line that says which host
      // and where to allow it (css-irl's 35 CodePen demos were each "src
      // on <iframe> (value not allowed)" among its other attributes).
      std::string src;
      for (unsigned i = 0; i < e.attributes.length; ++i) {
        const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
        if (std::string_view(a->name) == "src") src = clean_iframe_src(a->value);
      }
      const std::size_t index = find_attribute_rule(*rule, "src");
      if (!valid_attribute_value(rule->attribute(index), src, hosts_)) {
        const std::string_view https = "https://";
        const std::string host =
            src.compare(0, https.size(), https) == 0 ? src.substr(https.size(), src.find_first_of("/?#", https.size()) - https.size()) : "";
        remove(ev.at, host.empty() ? shown + " (its src is no https URL; iframes come from the hosts of iframe_hosts in site.yaml)"
                                   : shown + " from " + host + " (add " + host + " to iframe_hosts in site.yaml to keep it)");
        return;
      }
    }
    std::vector<std::pair<std::size_t, std::string>> attributes;  // (rule index, value)
    std::vector<std::pair<std::size_t, std::string>> from_style;
    for (unsigned i = 0; i < e.attributes.length; ++i) {
      const auto* a = static_cast<const GumboAttribute*>(e.attributes.data[i]);
      const std::size_t index = find_attribute_rule(*rule, a->name);
      if (index == std::string_view::npos && std::string_view(a->name) == "style") {
        if (!style_as_attributes(*rule, a->value, from_style)) remove(ev.at, "style on " + shown);
        continue;
      }
      if (index == std::string_view::npos) {
        if (!inert_attribute(name, a->name, a->value)) remove(ev.at, std::string(a->name) + " on " + shown);
        continue;
      }
      std::string value = clean_value(rule->attribute(index), a->value);
      if (!valid_attribute_value(rule->attribute(index), value, hosts_)) {
        remove(ev.at, std::string(a->name) + " on " + shown + " (value not allowed)");
        continue;
      }
      attributes.emplace_back(index, std::move(value));
    }
    // An attribute written as such wins over the style's.
    for (auto& mapped : from_style)
      if (std::none_of(attributes.begin(), attributes.end(), [&](const auto& a) { return a.first == mapped.first; }))
        attributes.push_back(std::move(mapped));
    std::sort(attributes.begin(), attributes.end());
    const auto find = [&](std::string_view attr) {
      return std::find_if(attributes.begin(), attributes.end(),
                          [&](const auto& a) { return rule->attribute(a.first).name == attr; });
    };
    if (name == "a" && find("target") != attributes.end()) {
      const auto rel = find("rel");
      if (rel == attributes.end()) attributes.emplace_back(find_attribute_rule(*rule, "rel"), "noopener");
      else if ((" " + rel->second + " ").find(" noopener ") == std::string::npos) rel->second += " noopener";
      std::sort(attributes.begin(), attributes.end());
    }
    if ((name == "img" || name == "source") && find("src") == attributes.end() && find("srcset") == attributes.end()) {
      remove(ev.at, shown + " without an allowed src");
      return;
    }
    out += "<" + name;
    for (const auto& [index, value] : attributes) {
      out += " " + std::string(rule->attribute(index).name) + "=\"";
      append_canonical_escaped(out, value);
      out += "\"";
    }
    out += ">";
    if (name == "iframe") {
      out += "</iframe>";
      return;
    }
    kept.insert(ev.node);
    if (!rule->is_void) open_.push(rule);
  }

  // Puts a unit's canonical text where the unit was: each line break as the
  // source's own (with its container prefix: "> ", a list item's indent),
  // never a blank line (which would end the HTML block).
  void place(std::string out) {
    const Segment& first = segments_.front();
    const Segment& last = segments_.back();
    std::size_t lead = 0;  // md4c's indentation of the first line stays in the source
    while (lead < out.size() && is_space(out[lead])) ++lead;
    out.erase(0, lead);
    while (!out.empty() && is_space(out.back())) out.pop_back();
    std::string text;
    std::size_t line_start = 0, breaks = 0;
    for (std::size_t i = 0; i < out.size(); ++i) {
      if (out[i] != '\n') {
        text += out[i];
        continue;
      }
      const bool blank = std::all_of(text.begin() + static_cast<long>(line_start), text.end(),
                                     [](char c) { return c == ' ' || c == '\t'; });
      if (segments_.size() < 2 || blank) {
        text += "&#10;";
        continue;
      }
      const std::size_t k = std::min(breaks++, segments_.size() - 2);
      std::string_view gap = src_.substr(segments_[k].end, segments_[k + 1].begin - segments_[k].end);
      const std::size_t indent = segments_[k + 1].indent;
      if (gap.size() >= indent && gap.substr(gap.size() - indent).find_first_not_of(' ') == std::string_view::npos)
        gap.remove_suffix(indent);
      text += gap;
      line_start = text.size();
    }
    if (src_.substr(first.begin, last.end - first.begin) != text) edits_.push_back({first.begin, last.end, std::move(text)});
  }

  std::string_view src_;
  std::string_view hosts_;
  std::vector<RawHtmlRemoval>& removed_;
  const char* parsed_ = nullptr;
  OpenElements open_;
  std::vector<std::size_t> scopes_;
  std::vector<Segment> segments_;
  std::string joined_;
  std::size_t pending_indent_ = 0;
  std::vector<Edit> edits_;
};

// The line of each offset: the text's line breaks found once, then a
// binary search per offset (counting from the start for each of thousands
// of removals was quadratic).
class LineOf {
 public:
  LineOf(std::string_view text, int first_line) : first_line_(first_line) {
    for (std::size_t at = text.find('\n'); at != std::string_view::npos; at = text.find('\n', at + 1)) breaks_.push_back(at);
  }
  int operator()(std::size_t offset) const {
    return first_line_ + static_cast<int>(std::lower_bound(breaks_.begin(), breaks_.end(), offset) - breaks_.begin());
  }

 private:
  int first_line_;
  std::vector<std::size_t> breaks_;
};

}  // namespace

namespace {

// A footnote's continuation paragraphs ("[^1]: text", a blank line, then
// lines indented four columns) are indented code to md4c reading the whole
// post, but markdown of the note to the core, which cuts the definition out
// and removes the indentation (core/markdown.cpp's DefinitionCollector): so
// they are sanitised as the core will read them, dedented, then indented
// again. `removed` gets their offsets in `markdown`.
std::string sanitize_footnote_continuations(std::string_view markdown, std::string_view hosts,
                                            std::vector<RawHtmlRemoval>& removed) {
  auto line_end = [&](std::size_t at) { return std::min(markdown.size(), markdown.find('\n', at)); };
  auto blank = [&](std::size_t at) {
    const std::size_t e = line_end(at);
    return markdown.substr(at, e - at).find_first_not_of(" \t\r") == std::string_view::npos;
  };
  // Bytes of a line's indentation that make its first 4 columns, or npos when
  // it is indented less.
  auto indent4 = [&](std::size_t at) {
    std::size_t cols = 0, i = at;
    while (i < markdown.size() && cols < 4 && (markdown[i] == ' ' || markdown[i] == '\t')) {
      cols = markdown[i] == '\t' ? 4 : cols + 1;
      ++i;
    }
    return cols >= 4 ? i - at : std::string_view::npos;
  };
  std::string out;
  std::size_t copied = 0, at = 0;
  bool in_note = false, after_blank = false;
  while (at < markdown.size()) {
    std::size_t i = at;
    while (i < markdown.size() && i - at < 3 && markdown[i] == ' ') ++i;
    // "]:" looked for in the line only (a search to the end of the post
    // for each "[^" line was quadratic).
    if (markdown.compare(i, 2, "[^") == 0 && markdown.substr(i, line_end(at) - i).find("]:") != std::string_view::npos) {
      in_note = true;
      after_blank = false;
      at = line_end(at) + 1;
      continue;
    }
    if (!in_note) {
      at = line_end(at) + 1;
      continue;
    }
    if (blank(at)) {
      after_blank = true;
      at = line_end(at) + 1;
      continue;
    }
    if (!after_blank || indent4(at) == std::string_view::npos) {
      in_note = after_blank ? false : in_note;  // a lazy line continues the note's paragraph
      at = line_end(at) + 1;
      continue;
    }
    // The note's indented lines from here (blank lines between them too).
    const std::size_t start = at;
    std::size_t end = at;
    std::string dedented;
    std::vector<std::size_t> cut;  // bytes removed from each line
    for (std::size_t l = at; l < markdown.size();) {
      const std::size_t e = line_end(l);
      const std::size_t ind = indent4(l);
      if (!blank(l) && ind == std::string_view::npos) break;
      const std::size_t take = blank(l) ? e - l : ind;
      dedented.append(markdown.substr(l + take, e - l - take));
      dedented += '\n';
      cut.push_back(take);
      if (!blank(l)) end = std::min(markdown.size(), e + 1);
      l = e + 1;
    }
    at = end;
    in_note = false;
    if (dedented.find('<') == std::string::npos) continue;
    SanitizedMarkdown clean = sanitize_raw_html(dedented, hosts);
    if (clean.markdown == dedented) continue;
    for (const RawHtmlRemoval& r : clean.removed) removed.push_back({start + r.offset, r.what});
    out.append(markdown.substr(copied, start - copied));
    std::size_t from = 0;
    while (from < clean.markdown.size()) {
      const std::size_t e = std::min(clean.markdown.size(), clean.markdown.find('\n', from));
      if (e > from) out += "    ";
      out.append(clean.markdown, from, e - from);
      if (e < clean.markdown.size()) out += '\n';
      from = e + 1;
    }
    while (!out.empty() && out.back() == '\n') out.pop_back();
    out += '\n';
    copied = end;
  }
  if (copied == 0) return std::string(markdown);
  out.append(markdown.substr(copied));
  return out;
}

}  // namespace

SanitizedMarkdown sanitize_raw_html(std::string_view markdown, std::string_view iframe_hosts) {
  SanitizedMarkdown result;
  result.markdown = std::string(markdown);
  if (markdown.find('<') == std::string_view::npos) return result;
  std::vector<RawHtmlRemoval> in_notes;
  if (markdown.find("[^") != std::string_view::npos)
    result.markdown = sanitize_footnote_continuations(markdown, iframe_hosts, in_notes);
  // A rewrite can change how md4c reads what follows (a dropped tag's text
  // joins a paragraph): again until nothing changes.
  for (int pass = 0; pass < 4; ++pass) {
    bool changed = false;
    std::vector<RawHtmlRemoval> removed;
    std::string next = Pass(result.markdown, iframe_hosts, removed).run(changed);
    if (pass == 0) {
      result.removed = std::move(in_notes);
      result.removed.insert(result.removed.end(), removed.begin(), removed.end());
    }
    else
      for (RawHtmlRemoval& r : removed) result.removed.push_back({std::min(r.offset, markdown.size()), std::move(r.what)});
    result.markdown = std::move(next);
    if (!changed) break;
  }
  // What the core would still refuse (the check of the check).
  MarkdownOptions o;
  o.iframe_hosts = std::string(iframe_hosts);
  o.refused_raw_html = &result.refused;
  render_markdown(result.markdown, o);
  return result;
}

std::string join_iframe_hosts(const std::vector<std::string>& hosts, std::string& out) {
  std::string joined;
  for (const std::string& host : hosts) {
    std::string h;
    for (const char c : host) h += ascii_lower(c);
    const bool ok = !h.empty() && h.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789.-") == std::string::npos &&
                    h.front() != '.' && h.back() != '.';
    if (!ok) return "expected host names like www.youtube.com (no scheme, path or port), got \"" + host + "\"";
    if (!joined.empty()) joined += ' ';
    joined += h;
  }
  out = joined;
  return {};
}

void sanitize_post_html(Post& post, const Site& site, const std::string& file, int body_line,
                        std::vector<Diagnostic>& warnings) {
  if (site.unsafe_html) return;
  std::vector<std::pair<int, std::string>> removed;  // (line, what)
  std::size_t refused = 0;
  const std::string body(post.body.view());
  if (body.find('<') != std::string::npos) {
    SanitizedMarkdown s = sanitize_raw_html(body, site.iframe_hosts);
    const LineOf line_of(body, body_line);
    for (const RawHtmlRemoval& r : s.removed) removed.emplace_back(line_of(r.offset), r.what);
    refused += s.refused;
    post.body = std::move(s.markdown);
  }
  const std::string summary(post.summary.view());
  if (summary.find('<') != std::string::npos) {
    SanitizedMarkdown s = sanitize_raw_html(summary, site.iframe_hosts);
    // A summary taken from the body was reported with it.
    if (body.find(summary) == std::string::npos)
      for (const RawHtmlRemoval& r : s.removed) removed.emplace_back(0, "summary: " + r.what);
    refused += s.refused;
    post.summary = std::move(s.markdown);
  }
  if (removed.empty() && refused == 0) return;
  std::string message = "raw HTML: " + std::to_string(removed.size() + refused) + " removed (not on the allow-list): ";
  const std::size_t shown = std::min<std::size_t>(removed.size(), 8);
  for (std::size_t i = 0; i < shown; ++i) {
    if (i) message += "; ";
    message += removed[i].second;
    if (removed[i].first > 0) message += " (line " + std::to_string(removed[i].first) + ")";
  }
  if (removed.size() > shown) message += "; and " + std::to_string(removed.size() - shown) + " more";
  if (refused) message += std::string(shown ? "; " : "") + std::to_string(refused) + " piece(s) the build could not rewrite";
  warnings.push_back({file, removed.empty() ? body_line : std::max(removed.front().first, 1), message});
}

}  // namespace quire
