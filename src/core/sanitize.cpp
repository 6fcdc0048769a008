// The allow-list and the canonical form's check (contract in sanitize.hpp).
#include "core/sanitize.hpp"

#include <algorithm>

#include "core/markdown.hpp"

namespace quire {

namespace {

constexpr std::string_view kEscapes[][2] = {
    {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&#10;", "\n"}};

constexpr AttrKind kUrl = AttrKind::url, kText = AttrKind::text, kNumber = AttrKind::number,
                   kLength = AttrKind::length, kBoolean = AttrKind::boolean, kToken = AttrKind::token;
constexpr AttrRule kCite{"cite", kUrl, {}};
constexpr AttrRule kWidth{"width", kLength, {}};
constexpr AttrRule kHeight{"height", kLength, {}};
constexpr AttrRule kSrc{"src", kUrl, {}};
constexpr AttrRule kSrcset{"srcset", AttrKind::srcset, {}};
constexpr AttrRule kSizes{"sizes", kText, {}};
constexpr AttrRule kCellAlign{"align", kToken, "left center right justify"};
constexpr AttrRule kPreload{"preload", kToken, "none metadata auto"};
constexpr AttrRule kSpan{"span", kNumber, {}};
constexpr AttrRule kLoading{"loading", kToken, "lazy eager"};

constexpr AttrRule kA[] = {{"href", kUrl, {}}, {"target", kToken, "_blank"},
                           {"rel", AttrKind::token_list,
                            "noopener noreferrer nofollow ugc sponsored external me author license tag help prev next"},
                           {"name", AttrKind::id, {}}};
constexpr AttrRule kAudio[] = {kSrc, {"controls", kBoolean, {}}, {"loop", kBoolean, {}}, {"muted", kBoolean, {}}, kPreload};
constexpr AttrRule kQuote[] = {kCite};
constexpr AttrRule kCol[] = {kSpan, kCellAlign};
constexpr AttrRule kColgroup[] = {kSpan};
constexpr AttrRule kEdit[] = {kCite, {"datetime", kText, {}}};
constexpr AttrRule kDetails[] = {{"open", kBoolean, {}}};
// An embed's allow (YouTube's, Vimeo's, Spotify's codes): the features a
// media player asks for, none that reach the reader's camera, microphone,
// location or payments.
constexpr AttrRule kIframe[] = {{"src", AttrKind::iframe_src, {}}, kWidth, kHeight, {"allowfullscreen", kBoolean, {}},
                                {"allow", AttrKind::permissions,
                                 "accelerometer autoplay clipboard-write encrypted-media fullscreen gyroscope "
                                 "picture-in-picture web-share"},
                                kLoading,
                                {"referrerpolicy", kToken,
                                 "no-referrer no-referrer-when-downgrade origin origin-when-cross-origin "
                                 "same-origin strict-origin strict-origin-when-cross-origin"}};
constexpr AttrRule kImg[] = {kSrc, kSrcset, kSizes, {"alt", kText, {}}, kWidth, kHeight, kLoading,
                             {"decoding", kToken, "async sync auto"}};
constexpr AttrRule kBlockAlign[] = {kCellAlign};
constexpr AttrRule kLi[] = {{"value", kNumber, {}}};
constexpr AttrRule kOl[] = {{"start", kNumber, {}}, {"reversed", kBoolean, {}}, {"type", kToken, "1 a A i I"}};
constexpr AttrRule kSource[] = {kSrc, kSrcset, kSizes, {"media", kText, {}}, {"type", kText, {}}, kWidth, kHeight};
constexpr AttrRule kTd[] = {{"colspan", kNumber, {}}, {"rowspan", kNumber, {}}, kCellAlign};
constexpr AttrRule kTh[] = {{"colspan", kNumber, {}}, {"rowspan", kNumber, {}}, kCellAlign,
                            {"scope", kToken, "row col rowgroup colgroup"}};
constexpr AttrRule kTime[] = {{"datetime", kText, {}}};
constexpr AttrRule kTrack[] = {kSrc, {"kind", kToken, "subtitles captions descriptions chapters metadata"},
                               {"srclang", kText, {}}, {"label", kText, {}}, {"default", kBoolean, {}}};
constexpr AttrRule kVideo[] = {kSrc, {"poster", kUrl, {}}, kWidth, kHeight, {"controls", kBoolean, {}},
                               {"loop", kBoolean, {}}, {"muted", kBoolean, {}}, {"playsinline", kBoolean, {}}, kPreload};

template <std::size_t N>
constexpr ElementRule with(std::string_view name, const AttrRule (&own)[N], bool is_void = false) {
  return {name, is_void, own, N};
}
constexpr ElementRule plain(std::string_view name, bool is_void = false) { return {name, is_void, nullptr, 0}; }

// Sorted by name (find_element_rule searches it).
constexpr ElementRule kElementRules[] = {
    with("a", kA), plain("abbr"), with("audio", kAudio), plain("b"), with("blockquote", kQuote), plain("br", true),
    plain("caption"), plain("cite"), plain("code"), with("col", kCol, true), with("colgroup", kColgroup),
    plain("dd"), with("del", kEdit), with("details", kDetails), plain("dfn"), with("div", kBlockAlign),
    plain("dl"), plain("dt"), plain("em"), plain("figcaption"), plain("figure"), with("h1", kBlockAlign),
    with("h2", kBlockAlign), with("h3", kBlockAlign), with("h4", kBlockAlign), with("h5", kBlockAlign),
    with("h6", kBlockAlign), plain("hr", true), plain("i"), with("iframe", kIframe),
    with("img", kImg, true), with("ins", kEdit), plain("kbd"), with("li", kLi), plain("mark"), with("ol", kOl),
    with("p", kBlockAlign), plain("picture"), plain("pre"), with("q", kQuote), plain("rp"), plain("rt"), plain("ruby"),
    plain("s"), plain("samp"),
    plain("small"),
    with("source", kSource, true), plain("span"), plain("strong"), plain("sub"), plain("summary"), plain("sup"),
    plain("table"), plain("tbody"), with("td", kTd), plain("tfoot"), with("th", kTh), plain("thead"),
    with("time", kTime), plain("tr"), with("track", kTrack, true), plain("u"), plain("ul"), plain("var"),
    with("video", kVideo), plain("wbr", true),
};

constexpr std::size_t kNoOpen = static_cast<std::size_t>(-1);

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Whether `word` is one of the space-separated `words`.
bool one_of(std::string_view word, std::string_view words) {
  while (!words.empty()) {
    const std::size_t space = std::min(words.find(' '), words.size());
    if (words.substr(0, space) == word) return true;
    words.remove_prefix(std::min(words.size(), space + 1));
  }
  return false;
}

// Words joined by single spaces, each passing `ok`.
template <typename Ok>
bool word_list(std::string_view value, Ok&& ok) {
  if (value.empty()) return false;
  while (true) {
    const std::size_t space = std::min(value.find(' '), value.size());
    if (space == 0 || !ok(value.substr(0, space))) return false;
    if (space == value.size()) return true;
    value.remove_prefix(space + 1);
  }
}

bool has_control(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}

bool valid_srcset(std::string_view value) {
  if (value.empty()) return false;
  while (true) {
    const std::size_t comma = std::min(value.find(", "), value.size());
    std::string_view candidate = value.substr(0, comma);
    const std::size_t space = std::min(candidate.find(' '), candidate.size());
    const std::string_view url = candidate.substr(0, space);
    if (url.empty() || url.front() == ',' || url.back() == ',' || !is_allowed_url(url)) return false;
    if (space < candidate.size()) {
      std::string_view d = candidate.substr(space + 1);
      if (d.size() < 2 || (d.back() != 'w' && d.back() != 'x')) return false;
      d.remove_suffix(1);
      const std::size_t dot = d.find('.');
      const std::string_view whole = d.substr(0, dot);
      const std::string_view part = dot == std::string_view::npos ? std::string_view() : d.substr(dot + 1);
      auto digits = [](std::string_view s) { return !s.empty() && std::all_of(s.begin(), s.end(), is_digit); };
      if (!digits(whole) || (dot != std::string_view::npos && !digits(part))) return false;
    }
    if (comma == value.size()) return true;
    value.remove_prefix(comma + 2);
  }
}

// AttrKind::id (contract in sanitize.hpp).
bool valid_id(std::string_view value) {
  if (value.empty() || value.size() > 100) return false;
  // ASCII letters, and any byte of a UTF-8 sequence: letters of other
  // scripts (<span id="概述">, a Chinese blog's own table of contents)
  const auto letter = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0x80;
  };
  if (!letter(value.front()) && !is_digit(value.front()) && value.front() != '_') return false;
  const bool chars = std::all_of(value.begin(), value.end(), [&](char c) {
    return letter(c) || is_digit(c) || c == '_' || c == '-' || c == ':' || c == '.';
  });
  return chars && !is_chrome_id(value) && !is_footnote_id(value);
}

bool valid_iframe_src(std::string_view value, std::string_view hosts) {
  constexpr std::string_view scheme = "https://";
  if (value.substr(0, scheme.size()) != scheme) return false;
  const std::string_view rest = value.substr(scheme.size());
  const std::string_view host = rest.substr(0, std::min(rest.find_first_of("/?#"), rest.size()));
  return !host.empty() && value.find(' ') == std::string_view::npos && one_of(host, hosts);
}

}  // namespace

const ElementRule* find_element_rule(std::string_view name) {
  const auto it = std::lower_bound(std::begin(kElementRules), std::end(kElementRules), name,
                                   [](const ElementRule& r, std::string_view n) { return r.name < n; });
  return it != std::end(kElementRules) && it->name == name ? &*it : nullptr;
}

std::size_t find_attribute_rule(const ElementRule& rule, std::string_view name) {
  for (std::size_t i = 0; i < rule.attribute_count(); ++i)
    if (rule.attribute(i).name == name) return i;
  return std::string_view::npos;
}

bool valid_attribute_value(const AttrRule& rule, std::string_view value, std::string_view iframe_hosts) {
  if (has_control(value)) return false;
  switch (rule.kind) {
    case AttrKind::text: return true;
    case AttrKind::url: return is_allowed_url(value);
    case AttrKind::srcset: return valid_srcset(value);
    case AttrKind::number:
      return !value.empty() && value.size() <= 5 && std::all_of(value.begin(), value.end(), is_digit);
    case AttrKind::length: {
      if (!value.empty() && value.back() == '%') value.remove_suffix(1);
      return !value.empty() && value.size() <= 5 && std::all_of(value.begin(), value.end(), is_digit);
    }
    case AttrKind::token: return one_of(value, rule.tokens);
    case AttrKind::token_list:
      return word_list(value, [&](std::string_view w) { return one_of(w, rule.tokens); });
    case AttrKind::classes:
      return word_list(value, [](std::string_view w) {
        return std::all_of(w.begin(), w.end(), [](char c) {
          return is_digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '-' || c == '_';
        });
      });
    case AttrKind::iframe_src: return valid_iframe_src(value, iframe_hosts);
    case AttrKind::boolean: return value.empty();
    case AttrKind::id: return valid_id(value);
    case AttrKind::permissions:
      // "a; b": each an allowed feature, no origins.
      while (true) {
        const std::size_t end = std::min(value.find(';'), value.size());
        if (!one_of(value.substr(0, end), rule.tokens)) return false;
        if (end == value.size()) return true;
        if (value.substr(end, 2) != "; ") return false;
        value.remove_prefix(end + 2);
      }
  }
  return false;
}

void append_canonical_escaped(std::string& out, std::string_view decoded) {
  for (const char c : decoded) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c; break;
    }
  }
}

std::string decode_canonical(std::string_view escaped) {
  std::string out;
  for (std::size_t i = 0; i < escaped.size(); ++i) {
    if (escaped[i] != '&') {
      out += escaped[i];
      continue;
    }
    for (const auto& e : kEscapes) {
      if (escaped.substr(i, e[0].size()) == e[0]) {
        out += e[1];
        i += e[0].size() - 1;
        break;
      }
    }
  }
  return out;
}

namespace {

// '&' starting one of our escapes: its length, else 0.
std::size_t escape_at(std::string_view s, std::size_t i) {
  for (const auto& e : kEscapes)
    if (s.substr(i, e[0].size()) == e[0]) return e[0].size();
  return 0;
}

// Escaped text up to `stop` (or the end): the offset where it ends, npos if
// it holds a byte it may not.
std::size_t canonical_run(std::string_view s, std::size_t i, char stop) {
  while (i < s.size() && s[i] != stop) {
    const char c = s[i];
    if (c == '<' || c == '>' || (stop == '"' && (c == '\n' || c == '\r'))) return std::string_view::npos;
    if (c == '&') {
      const std::size_t n = escape_at(s, i);
      if (n == 0) return std::string_view::npos;
      i += n;
    } else {
      ++i;
    }
  }
  return i;
}

std::size_t name_end(std::string_view s, std::size_t i) {
  while (i < s.size() && ((s[i] >= 'a' && s[i] <= 'z') || is_digit(s[i]) || s[i] == '-')) ++i;
  return i;
}

}  // namespace

bool parse_canonical_html(std::string_view s, std::string_view iframe_hosts, std::vector<CanonicalToken>& out,
                          std::vector<CanonicalAttribute>& attributes) {
  out.clear();
  attributes.clear();
  std::size_t i = 0;
  while (i < s.size()) {
    if (s[i] != '<') {
      const std::size_t end = canonical_run(s, i, '<');
      if (end == std::string_view::npos) return false;
      out.push_back({CanonicalToken::Kind::text, s.substr(i, end - i), nullptr, 0, 0});
      i = end;
      continue;
    }
    const bool closing = i + 1 < s.size() && s[i + 1] == '/';
    const std::size_t name_at = i + (closing ? 2 : 1);
    const std::size_t name_stop = name_end(s, name_at);
    const ElementRule* element = find_element_rule(s.substr(name_at, name_stop - name_at));
    if (!element || name_stop == name_at) return false;
    i = name_stop;
    if (closing) {
      if (element->is_void || i >= s.size() || s[i] != '>') return false;
      out.push_back({CanonicalToken::Kind::end, {}, element, 0, 0});
      ++i;
      continue;
    }
    CanonicalToken tag{CanonicalToken::Kind::start, {}, element, attributes.size(), 0};
    const AttrRule* rel = nullptr;  // <a>'s checks below
    std::string_view rel_value;
    bool target = false;
    std::size_t next_rule = 0;
    while (i < s.size() && s[i] == ' ') {
      const std::size_t attr_at = i + 1;
      const std::size_t attr_stop = name_end(s, attr_at);
      const std::size_t index = find_attribute_rule(*element, s.substr(attr_at, attr_stop - attr_at));
      if (index == std::string_view::npos || index < next_rule) return false;  // unknown, repeated or out of order
      next_rule = index + 1;
      if (s.substr(attr_stop, 2) != "=\"") return false;
      const std::size_t value_at = attr_stop + 2;
      const std::size_t value_end = canonical_run(s, value_at, '"');
      if (value_end == std::string_view::npos || value_end >= s.size()) return false;
      const AttrRule& rule = element->attribute(index);
      const std::string_view value = s.substr(value_at, value_end - value_at);
      if (!valid_attribute_value(rule, decode_canonical(value), iframe_hosts)) return false;
      attributes.push_back({&rule, value});
      ++tag.attribute_count;
      if (rule.name == "rel") rel = &rule, rel_value = value;
      if (rule.name == "target") target = true;
      i = value_end + 1;
    }
    if (i >= s.size() || s[i] != '>') return false;
    ++i;
    // A new window never gets this page as its opener.
    if (target && (!rel || !one_of("noopener", rel_value))) return false;
    if (element->name == "iframe") {  // never open: its content would be raw text
      if (s.substr(i, 9) != "</iframe>") return false;
      if (tag.attribute_count == 0 || attributes[tag.first_attribute].rule->kind != AttrKind::iframe_src) return false;
      i += 9;
    }
    out.push_back(std::move(tag));
  }
  return true;
}

void RawHtmlFilter::put(std::string_view piece, OutputBuffer& out) {
  // md4c ends each line of an HTML block with a piece "\n" of its own: a
  // refused line goes with its end.
  const bool line_end_of_refused = refused_last_ && piece == "\n";
  refused_last_ = false;
  if (line_end_of_refused) return;
  if (!parse_canonical_html(piece, policy_.iframe_hosts, tokens_, attributes_)) {
    if (policy_.refused) ++*policy_.refused;
    refused_last_ = true;
    return;
  }
  const std::size_t floor = scopes_.empty() ? 0 : scopes_.back();
  for (const CanonicalToken& t : tokens_) {
    switch (t.kind) {
      case CanonicalToken::Kind::text: out += t.text; break;
      case CanonicalToken::Kind::start: {
        out += '<';
        out += t.element->name;
        for (std::size_t a = t.first_attribute; a < t.first_attribute + t.attribute_count; ++a) {
          const AttrRule* rule = attributes_[a].rule;
          const std::string_view value = attributes_[a].value;
          out += ' ';
          out += rule->name;
          out += "=\"";
          if (rule->kind == AttrKind::url || rule->kind == AttrKind::iframe_src) {
            write_url_(url_context_, out, decode_canonical(value));
          } else if (rule->kind == AttrKind::srcset) {
            scratch_ = decode_canonical(value);
            std::string_view rest = scratch_;
            while (true) {
              const std::size_t comma = std::min(rest.find(", "), rest.size());
              const std::string_view candidate = rest.substr(0, comma);
              const std::size_t space = std::min(candidate.find(' '), candidate.size());
              write_url_(url_context_, out, candidate.substr(0, space));
              out += candidate.substr(space);
              if (comma == rest.size()) break;
              out += ", ";
              rest.remove_prefix(comma + 2);
            }
          } else {
            out += value;
          }
          out += '"';
        }
        out += '>';
        if (t.element->name == "iframe") out += "</iframe>";
        else if (!t.element->is_void) open_.push(t.element);
        break;
      }
      case CanonicalToken::Kind::end: {
        // Only what this scope opened; an end tag with nothing to close goes.
        for (std::size_t n = open_.to_close(t.element, floor); n > 0; --n) pop_open(out);
        break;
      }
    }
  }
}

void RawHtmlFilter::close_down_to(std::size_t floor, OutputBuffer& out) {
  while (open_.size() > floor) pop_open(out);
}

void RawHtmlFilter::pop_open(OutputBuffer& out) {
  out += "</";
  out += open_.pop()->name;
  out += '>';
}

void OpenElements::push(const ElementRule* element) {
  const std::size_t kind = static_cast<std::size_t>(element - kElementRules);
  if (innermost_.empty()) innermost_.assign(std::size(kElementRules), kNoOpen);
  open_.push_back({element, innermost_[kind]});
  innermost_[kind] = open_.size() - 1;
}

const ElementRule* OpenElements::pop() {
  const Open top = open_.back();
  innermost_[static_cast<std::size_t>(top.element - kElementRules)] = top.below_same;
  open_.pop_back();
  return top.element;
}

std::size_t OpenElements::to_close(const ElementRule* element, std::size_t floor) const {
  const std::size_t kind = static_cast<std::size_t>(element - kElementRules);
  const std::size_t at = kind < innermost_.size() ? innermost_[kind] : kNoOpen;
  return at == kNoOpen || at < floor ? 0 : open_.size() - at;
}

}  // namespace quire
