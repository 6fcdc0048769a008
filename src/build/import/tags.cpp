// Template tags in a text: finding them outside code, the closing tag of a
// pair, and what the converted ones become (fences, figures, embeds).
#include <algorithm>
#include <cctype>
#include <cstring>
#include <map>
#include <optional>
#include <regex>
#include <set>

#include "build/import/common.hpp"
#include "build/import/template_syntax.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"

namespace quire::import {

namespace {

// What find_closing() found in the text rewrite_tags() is working on, by
// opener and name: closers are not nested, so a search that found its
// closer at `at` finds the same one from anywhere in [from, at], and one
// that failed fails from anywhere after. Without it, every unclosed
// "{{< highlight go >}}" (or "{% raw %}") searched every tag after it:
// 12,000 of them took 7.6 s. Valid while rewrite_tags() has that text (a
// handler only ever searches the text it was given); nested calls (an
// include's text) keep their own.
struct ClosingMemo {
  struct Found {
    size_t from;
    size_t at;  // npos: none at or after `from`
    size_t close_end;
  };
  std::string_view text;
  std::map<std::string, Found, std::less<>> found;  // by opener + ' ' + name
  std::map<std::string, std::vector<size_t>, std::less<>> occurrences;  // by needle
};
thread_local ClosingMemo* closing_memo = nullptr;

}  // namespace

namespace {
std::string close_of(const std::string& open) {
  if (open == "{{<") return ">}}";
  if (open == "{{%") return "%}}";
  if (open == "{{") return "}}";
  return "%}";
}

// The tag starting at i (not in code), if any.
bool tag_at(std::string_view text, size_t i, Tag& t) {
  if (text[i] != '{' || i + 1 >= text.size()) return false;
  if (text.substr(i, 3) == "{{<") t.open = "{{<";
  else if (text.substr(i, 3) == "{{%") t.open = "{{%";
  else if (text.substr(i, 2) == "{{") t.open = "{{";
  else if (text.substr(i, 2) == "{%") t.open = "{%";
  else return false;
  const std::string close = close_of(t.open);
  constexpr size_t kReach = 2000;
  const size_t from = i + t.open.size();
  const size_t at = text.substr(from, kReach).find(close);
  if (at == std::string_view::npos) return false;
  t.begin = i;
  t.end = from + at + close.size();
  std::string inner = trim(text.substr(from, at));
  if (t.open == "{%" || t.open == "{{") {  // Liquid's whitespace control
    if (!inner.empty() && inner.front() == '-') inner = trim(inner.substr(1));
    if (!inner.empty() && inner.back() == '-') inner = trim(inner.substr(0, inner.size() - 1));
  }
  t.inner = inner;
  return true;
}
}  // namespace

namespace {
// find_closing() without the memo.
size_t find_closing_from(std::string_view text, size_t from, std::string_view open, std::string_view name,
                         size_t& close_end) {
  for (size_t p = text.find(open, from); p != std::string_view::npos; p = text.find(open, p + 1)) {
    Tag t;
    if (!tag_at(text, p, t) || t.open != open) continue;
    std::string inner = t.inner;
    // Hugo reads {{< / highlight >}} as {{< /highlight >}}
    if (inner.size() > 1 && inner[0] == '/' && (inner[1] == ' ' || inner[1] == '\t'))
      inner = "/" + trim(inner.substr(1));
    if (inner.substr(0, name.size()) == name &&
        (inner.size() == name.size() || inner[name.size()] == ' ')) {
      close_end = t.end;
      return p;
    }
  }
  return std::string_view::npos;
}
}  // namespace

std::string rewrite_tags(std::string_view text, int first_line, const std::string& file, Run& run,
                         const TagHandler& handle) {
  ClosingMemo memo{text, {}, {}};
  ClosingMemo* const outer_memo = closing_memo;
  closing_memo = &memo;
  struct Restore {
    ClosingMemo* outer;
    ~Restore() { closing_memo = outer; }
  } restore{outer_memo};
  std::vector<bool> code = code_bytes(text);
  size_t code_from = 0;  // where `code` starts in text (it is remade after a tag that took fences in)
  int remaps = 0;
  std::string out;
  out.reserve(text.size());
  int line = first_line;
  size_t i = 0;
  while (i < text.size()) {
    Tag t;
    if (code[i - code_from] || !tag_at(text, i, t)) {
      if (text[i] == '\n') ++line;
      out += text[i++];
      continue;
    }
    TagResult r = handle(text, t);
    if (r.converted) {
      out += r.replacement;
      if (!r.construct.empty()) run.count(r.construct);
    } else {
      run.note(file, line, excerpt_of(text.substr(t.begin, t.end - t.begin), 60) + ": " + r.reason);
      out.append(text.substr(t.begin, t.end - t.begin));
    }
    line += static_cast<int>(std::count(text.begin() + static_cast<long>(t.begin), text.begin() + static_cast<long>(t.end), '\n'));
    // A converted tag that took text with fence marks in (a highlight
    // shortcode whose code holds ```): those marks were never fences, so
    // what follows is mapped afresh, at most kRemaps times: each remap
    // reads the rest of the text, so thousands of such tags were quadratic
    // (12,000: 4 s); a real post has a few.
    constexpr int kRemaps = 64;
    const std::string_view taken = text.substr(t.begin, t.end - t.begin);
    // So with a tag that took a dollar in (Wowchemy's {{< math >}}$x${{< /math >}}
    // across lines): the map had paired the dollar with one after the tag,
    // taking the next {{< math >}} on the line for TeX (EckoTan0804's).
    const bool unpaired_dollar = taken.find('$') != std::string_view::npos && t.end < text.size() && code[t.end - code_from];
    if (r.converted && remaps < kRemaps &&
        (taken.find("```") != std::string_view::npos || taken.find("~~~") != std::string_view::npos || unpaired_dollar)) {
      ++remaps;
      code = code_bytes(text.substr(t.end));
      code_from = t.end;
    }
    i = t.end;
  }
  return out;
}

size_t find_closing(std::string_view text, size_t from, std::string_view open, std::string_view name,
                    size_t& close_end) {
  if (closing_memo == nullptr || closing_memo->text.data() != text.data() || closing_memo->text.size() != text.size())
    return find_closing_from(text, from, open, name, close_end);
  std::string key(open);
  key += ' ';
  key += name;
  const auto known = closing_memo->found.find(key);
  if (known != closing_memo->found.end() && from >= known->second.from &&
      (known->second.at == std::string_view::npos || from <= known->second.at)) {
    if (known->second.at != std::string_view::npos) close_end = known->second.close_end;
    return known->second.at;
  }
  size_t end = 0;
  const size_t at = find_closing_from(text, from, open, name, end);
  if (at != std::string_view::npos) close_end = end;
  closing_memo->found[key] = {from, at, end};
  return at;
}

const std::vector<size_t>& occurrences(std::string_view text, std::string_view needle) {
  const auto all = [&](std::vector<size_t>& out) {
    out.clear();
    for (size_t p = text.find(needle); p != std::string_view::npos; p = text.find(needle, p + 1)) out.push_back(p);
  };
  if (closing_memo == nullptr || closing_memo->text.data() != text.data() || closing_memo->text.size() != text.size()) {
    thread_local std::vector<size_t> found;
    all(found);
    return found;
  }
  const auto known = closing_memo->occurrences.find(needle);
  if (known != closing_memo->occurrences.end()) return known->second;
  std::vector<size_t>& found = closing_memo->occurrences[std::string(needle)];
  all(found);
  return found;
}

size_t find_after(std::string_view text, size_t from, std::string_view needle) {
  const std::vector<size_t>& at = occurrences(text, needle);
  const auto it = std::lower_bound(at.begin(), at.end(), from);
  return it == at.end() ? std::string_view::npos : *it;
}

size_t rfind_before(std::string_view text, size_t end, std::string_view needle) {
  const std::vector<size_t>& at = occurrences(text, needle);
  // The last one lying wholly before `end`.
  auto it = std::upper_bound(at.begin(), at.end(), end < needle.size() ? 0 : end - needle.size());
  if (end < needle.size() || it == at.begin()) return std::string_view::npos;
  return *--it;
}

std::string fenced_block(std::string_view code, const std::string& info, bool at_line_start) {
  // Every blank line before the code goes, as Hugo's highlight and Jekyll's
  // trimmed them before counting hl_lines (dmerejkowsky's marked lines were
  // one off).
  while (!code.empty() && (code.front() == '\n' || code.front() == '\r')) code.remove_prefix(1);
  while (!code.empty() && (code.back() == '\n' || code.back() == ' ' || code.back() == '\t')) code.remove_suffix(1);
  size_t longest = 0;
  for (size_t i = 0; i < code.size();) {
    size_t n = 0;
    while (i + n < code.size() && code[i + n] == '`') ++n;
    longest = std::max(longest, n);
    i += n ? n : 1;
  }
  const std::string fence(std::max<size_t>(3, longest + 1), '`');
  return std::string(at_line_start ? "" : "\n") + fence + info + "\n" + std::string(code) + "\n" + fence;
}

std::string fence_paired(std::string_view text, Tag& t, size_t close, size_t close_end, const std::string& info,
                         bool line_start) {
  std::string out = fenced_block(text.substr(t.end, close - t.end), info, line_start);
  if (close_end < text.size() && text[close_end] != '\n') out += "\n";
  t.end = close_end;
  return out;
}

std::string emphasis_line(const std::string& text) {
  std::string out = "*";
  for (const char c : text) {
    if (c == '\n' || c == '\r') {
      out += ' ';
      continue;
    }
    if (std::strchr("\\`*_[]<>#!|~&", c) != nullptr) out += '\\';
    out += c;
  }
  return out + "*";
}

std::string figure_markdown(const std::string& src, const std::string& alt, const std::string& caption,
                            const std::string& link) {
  std::string a;
  for (char c : alt) {
    if (c == '[' || c == ']' || c == '\\') a += '\\';
    a += c;
  }
  const std::string target = src.find_first_of(" ()") != std::string::npos ? "<" + src + ">" : src;
  std::string img = "![" + a + "](" + target + ")";
  if (!link.empty()) img = "[" + img + "](" + link + ")";
  if (caption.empty()) return img;
  // The caption as a paragraph of its own: markdown inside it works, and
  // where raw HTML is left out the image and caption still show.
  return "<figure>\n\n" + img + "\n\n<figcaption>\n\n" + caption + "\n\n</figcaption>\n</figure>";
}

std::string markdown_literal(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (std::strchr("\\`*_{}[]<>()#+-.!|~", c) && c != '\0') out += '\\';
    out += c;
  }
  return out;
}

std::string link_card(const Args& args) {
  auto web = [](const std::string& v) {
    return (v.rfind("https://", 0) == 0 || v.rfind("http://", 0) == 0 || (v.size() > 1 && v[0] == '/' && v[1] != '/')) &&
           v.find_first_of(" <>\"'`") == std::string::npos;
  };
  std::string url, label, note;
  for (const char* k : {"url", "href", "link"})
    if (url.empty() && web(args.get(k))) url = args.get(k);
  for (const std::string& w : args.words)
    if (url.empty() && web(w)) url = w;
  if (url.empty()) return {};
  for (const char* k : {"name", "title", "text", "label"})
    if (label.empty()) label = trim(args.get(k));
  for (const char* k : {"des", "desc", "description", "summary", "intro"})
    if (note.empty()) note = trim(args.get(k));
  for (const std::string& w : args.words)
    if (label.empty() && w != url && !trim(w).empty()) label = trim(w);
  if (label.empty()) std::swap(label, note);
  if (label.empty()) label = url;
  auto escaped = [](const std::string& t) {
    std::string o;
    for (char c : t) {
      if (c == '\n') { o += ' '; continue; }
      if (c == '[' || c == ']' || c == '\\' || c == '*' || c == '_' || c == '<' || c == '`') o += '\\';
      o += c;
    }
    return o;
  };
  const std::string target = url.find_first_of("()") != std::string::npos ? "<" + url + ">" : url;
  return "[" + escaped(label) + "](" + target + ")" + (note.empty() ? "" : " — " + escaped(note));
}

bool video_id_ok(const std::string& id, bool vimeo) {
  bool ok = !id.empty();
  for (char c : id)
    ok = ok && (vimeo ? std::isdigit(static_cast<unsigned char>(c)) != 0
                      : std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_');
  return ok;
}

std::string youtube_iframe(const std::string& id) {
  return "<iframe src=\"https://www.youtube-nocookie.com/embed/" + id +
         "\" class=\"video\" title=\"YouTube video\" loading=\"lazy\" allowfullscreen></iframe>";
}

std::string fence_options(const std::vector<std::pair<std::string, std::string>>& options) {
  std::string out;
  for (const auto& [k, v] : options) {
    if (!out.empty()) out += ",";
    const std::string value = trim(v);
    out += k + (v.empty() && k.find('=') == std::string::npos ? "" : "=") +
           (value.find_first_of(" \t") != std::string::npos && value.front() != '[' ? "[" + value + "]" : value);
  }
  return out;
}

std::vector<std::pair<std::string, std::string>> split_options(std::string_view options) {
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t p = 0; p <= options.size();) {
    size_t comma = options.find(',', p);
    if (comma == std::string_view::npos) comma = options.size();
    const std::string part = trim(options.substr(p, comma - p));
    const size_t eq = part.find('=');
    if (!part.empty()) {
      std::string value = eq == std::string::npos ? "" : trim(std::string_view(part).substr(eq + 1));
      if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
        value = value.substr(1, value.size() - 2);
      out.push_back({trim(std::string_view(part).substr(0, eq)), value});
    }
    p = comma + 1;
  }
  return out;
}

std::string heading_attributes(Run& run, const std::string& text, int first_line, const std::string& file) {
  const std::vector<bool> code = code_bytes(text);
  std::string out;
  int line = first_line;
  for (size_t pos = 0; pos < text.size();) {
    size_t e = text.find('\n', pos);
    const size_t next = e == std::string::npos ? text.size() : e + 1;
    if (e == std::string::npos) e = text.size();
    std::string l = text.substr(pos, e - pos);
    const size_t hashes = l.find_first_not_of('#');
    const size_t last = l.find_last_not_of(" \t\r");
    // {#id .class key=v} or {.class} (goldmark's, tabi's headings): the id
    // checked against Quire's, the rest the theme's looks.
    const size_t open = l.rfind('{');
    if (!code[pos] && hashes >= 1 && hashes <= 6 && hashes < l.size() && l[hashes] == ' ' && last != std::string::npos &&
        l[last] == '}' && open != std::string::npos && open > hashes && open + 1 < last &&
        (l[open + 1] == '#' || l[open + 1] == '.') && l.find('}', open) == last) {
      const std::string attr = l.substr(open + 1, last - open - 1);  // "#id .class key=v"
      std::string id;
      for (size_t t = 0; t < attr.size();) {
        const size_t end = std::min(attr.find_first_of(" \t", t), attr.size());
        if (attr[t] == '#') id = attr.substr(t + 1, end - t - 1);
        t = attr.find_first_not_of(" \t", end);
        if (t == std::string::npos) break;
      }
      std::string heading = l.substr(0, open);
      while (!heading.empty() && (heading.back() == ' ' || heading.back() == '\t')) heading.pop_back();
      // The id Quire's renderer gives the heading: its text's slug.
      const std::string auto_id = slugify(trim(markdown_plain_text(trim(heading.substr(hashes)))));
      if (attr.find_first_of("{}") == std::string::npos && (attr[0] == '.' || !id.empty())) {
        l = heading;
        const bool plain_id = !id.empty() && id.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:") ==
                                                 std::string::npos;
        if (!id.empty() && id != auto_id && plain_id && !is_footnote_id(id)) {
          // Another id than Quire's (jeffellin's {#spring-security} on a
          // heading with a link and HTML in it): kept, as an anchor in the
          // heading, so that links to #id still land there.
          l = heading.substr(0, hashes + 1) + "<span id=\"" + id + "\"></span>" + heading.substr(hashes + 1);
          run.count("heading {#id} other than Quire's (kept as an anchor in the heading)");
        } else {
          run.count(id.empty() ? "heading {.class} (the theme's looks)" : "heading {#id}");
          if (!id.empty() && id != auto_id)
            run.note(file, line, "heading id {#" + id + "} removed: the heading's id is now \"" + auto_id +
                                     "\"; links to #" + id + " need it");
        }
      }
    }
    out += l;
    if (e < text.size()) out += '\n';
    pos = next;
    ++line;
  }
  return out;
}

std::string github_alerts(Run& run, const std::string& text) {
  if (text.find("[!") == std::string::npos) return text;
  const std::vector<bool> code = code_bytes(text);
  std::string out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t e = text.find('\n', pos);
    if (e == std::string::npos) e = text.size();
    std::string_view l(text.data() + pos, e - pos);
    size_t i = 0;
    while (i < l.size() && i < 3 && l[i] == ' ') ++i;
    std::string type, title;
    // "> [!TYPE]" then an optional fold sign (+ or -) and a title.
    if (!code[pos] && i < l.size() && l[i] == '>') {
      size_t k = i + 1;
      if (k < l.size() && l[k] == ' ') ++k;
      if (l.compare(k, 2, "[!") == 0) {
        const size_t close = l.find(']', k);
        const std::string_view name = close == std::string_view::npos ? std::string_view() : l.substr(k + 2, close - k - 2);
        if (!name.empty() && name.size() <= 20 &&
            std::all_of(name.begin(), name.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '-'; })) {
          for (char c : name) type += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
          size_t t = close + 1;
          if (t < l.size() && (l[t] == '+' || l[t] == '-')) ++t;
          while (t < l.size() && l[t] == ' ') ++t;
          title = std::string(l.substr(t));
        }
      }
    }
    if (type.empty()) {
      out.append(l);
      if (e < text.size()) out += '\n';
      pos = e + 1;
      continue;
    }
    // The blockquote's other lines, each without its first "> ".
    std::string body;
    size_t next = e + 1;
    while (next < text.size()) {
      size_t ne = text.find('\n', next);
      if (ne == std::string::npos) ne = text.size();
      std::string_view bl(text.data() + next, ne - next);
      size_t j = 0;
      while (j < bl.size() && j < 3 && bl[j] == ' ') ++j;
      if (j >= bl.size() || bl[j] != '>') break;
      ++j;
      if (j < bl.size() && bl[j] == ' ') ++j;
      body.append(bl.substr(j));
      body += '\n';
      next = ne + 1;
    }
    std::string kind = type;
    kind[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(kind[0])));
    out += callout_open(type, type, title.empty() ? kind : title);
    out += body;
    out += callout_close();
    run.count("alert (> [!NOTE]) as a callout");
    if (next <= text.size()) {
      out += '\n';
      // A line right after the quote would be read as part of the div's HTML block.
      if (next < text.size() && text[next] != '\n') out += '\n';
    }
    pos = next;
  }
  return out;
}

namespace {

// The text after a definition line's ": " (up to 3 spaces before the colon,
// a space or tab after it), or nullopt.
std::optional<std::string_view> definition_text(std::string_view l) {
  size_t i = 0;
  while (i < l.size() && i < 3 && l[i] == ' ') ++i;
  if (i + 1 >= l.size() || l[i] != ':' || (l[i + 1] != ' ' && l[i + 1] != '\t')) return std::nullopt;
  i += 2;
  while (i < l.size() && (l[i] == ' ' || l[i] == '\t')) ++i;
  return l.substr(i);
}

bool blank(std::string_view l) { return l.find_first_not_of(" \t\r") == std::string_view::npos; }

// A line that can be a term: text at the margin, not a block of its own.
bool term_line(std::string_view l) {
  if (blank(l) || l[0] == ' ' || l[0] == '\t') return false;
  static constexpr std::string_view kBlockStarts[] = {"#", ">", "- ", "* ", "+ ", "|", "<", "```", "~~~", ":"};
  for (std::string_view s : kBlockStarts)
    if (l.compare(0, s.size(), s) == 0) return false;
  return !(std::isdigit(static_cast<unsigned char>(l[0])) && l.find(". ") != std::string_view::npos &&
           l.find_first_not_of("0123456789") == l.find(". "));
}

std::string inline_html(std::string_view markdown) {
  std::string html = render_markdown(markdown);
  if (html.compare(0, 3, "<p>") == 0 && html.size() >= 8 && html.compare(html.size() - 5, 5, "</p>\n") == 0)
    html = html.substr(3, html.size() - 8);
  while (!html.empty() && html.back() == '\n') html.pop_back();
  return html;
}

}  // namespace

std::string definition_lists(Run& run, const std::string& text) {
  if (text.find("\n:") == std::string::npos && text.find("\n :") == std::string::npos) return text;
  const std::vector<bool> code = code_bytes(text);
  std::vector<std::pair<size_t, std::string_view>> lines;  // (offset, text)
  for (size_t pos = 0; pos <= text.size();) {
    size_t e = text.find('\n', pos);
    if (e == std::string::npos) e = text.size();
    lines.push_back({pos, std::string_view(text).substr(pos, e - pos)});
    pos = e + 1;
  }
  // A line of a code block (its newline is code too; an inline span's is not).
  const auto in_code = [&](size_t k) {
    const size_t at = lines[k].first + lines[k].second.size();
    return at < code.size() ? code[at] : lines[k].first < code.size() && code[lines[k].first];
  };
  // The definition line that makes line k a term (k+1, or k+2 past one blank line), or 0.
  const auto definition_after = [&](size_t k) -> size_t {
    if (k >= lines.size() || in_code(k) || !term_line(lines[k].second)) return 0;
    size_t d = k + 1;
    if (d < lines.size() && blank(lines[d].second)) ++d;
    return d < lines.size() && !in_code(d) && definition_text(lines[d].second) ? d : 0;
  };
  std::string out;
  size_t k = 0;
  const auto emit = [&](std::string_view s) { out.append(s); out += '\n'; };
  while (k < lines.size()) {
    const bool after_blank = k == 0 || blank(lines[k - 1].second);
    size_t d = after_blank ? definition_after(k) : 0;
    if (d == 0) {
      out.append(lines[k].second);
      if (k + 1 < lines.size()) out += '\n';
      ++k;
      continue;
    }
    emit("<dl>");
    while (d != 0) {
      emit("<dt>" + inline_html(lines[k].second) + "</dt>");
      k = d;
      // Its definitions: each ": " line, the lines that continue it, and
      // paragraphs after a blank line indented under it.
      while (k < lines.size() && !in_code(k) && definition_text(lines[k].second)) {
        std::string body(*definition_text(lines[k].second));
        ++k;
        while (k < lines.size()) {
          const std::string_view l = lines[k].second;
          if (!blank(l) && !definition_text(l) && !definition_after(k)) {
            body += '\n';
            body += trim(l);
            ++k;
          } else if (blank(l) && k + 1 < lines.size() && lines[k + 1].second.compare(0, 2, "  ") == 0 &&
                     !blank(lines[k + 1].second)) {
            body += "\n\n";
            body += trim(lines[k + 1].second);
            k += 2;
          } else {
            break;
          }
        }
        emit("<dd>\n\n" + body + "\n\n</dd>");
        if (k < lines.size() && blank(lines[k].second) && k + 1 < lines.size() && definition_text(lines[k + 1].second)) ++k;
      }
      // Another term of the same list?
      size_t next = k;
      while (next < lines.size() && blank(lines[next].second)) ++next;
      d = next > k || next == k ? definition_after(next) : 0;
      if (d != 0) k = next;
    }
    emit("</dl>");
    if (k < lines.size() && !blank(lines[k].second)) out += '\n';  // the HTML block ends at a blank line
    run.count("definition list (as <dl>)");
  }
  return out;
}

std::string gist_link(const std::string& path, const std::string& file) {
  std::string anchor;  // GitHub's anchor of a gist's file: "hello.rb" -> "hello-rb"
  for (char c : file) anchor += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '-';
  return "[gist " + path + (file.empty() ? "" : " (" + file + ")") + "](https://gist.github.com/" + path +
         (file.empty() ? "" : "#file-" + anchor) + ")";
}

std::string gist_scripts(Run& run, const std::string& text) {
  if (text.find("gist.github.com/") == std::string::npos) return text;
  static const std::regex script(
      R"re(^[ \t]*<script\s+(?:type=["']text/javascript["']\s+)?src=["'](?:https?:)?//gist\.github\.com/((?:[A-Za-z0-9_-]+/)?[0-9A-Fa-f]+)\.js(?:\?file=([^"'&<>\s]+))?["']\s*(?:type=["']text/javascript["']\s*)?>\s*</script>[ \t]*$)re");
  return map_lines_outside_code(text, [&](std::string_view line) -> std::optional<std::string> {
    std::match_results<std::string_view::const_iterator> m;
    if (line.size() >= 400 || line.find("gist.github.com/") == std::string_view::npos ||
        !std::regex_match(line.begin(), line.end(), m, script))
      return std::nullopt;
    run.count(std::string("a gist's <script> embed ") + kGistLinkNote);
    return gist_link(m[1].str(), m[2].str());
  });
}

std::string codepen_embeds(Run& run, const std::string& text) {
  if (text.find("codepen") == std::string::npos) return text;
  static const std::regex attribute(R"re(([A-Za-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'))re");
  static const std::regex script(R"re(^[ \t]*<script[^>]*\bsrc=["'](?:https?:)?//(?:cpwebassets|static|assets)\.codepen\.io/assets/embed/ei\.js["'][^>]*>\s*</script>[ \t]*$)re");
  // A user's or pen's name: letters, digits, '-' and '_' (it goes into the iframe's URL).
  const auto plain = [](const std::string& s) {
    return !s.empty() && s.size() <= 64 && std::all_of(s.begin(), s.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_';
    });
  };
  const std::vector<bool> code = code_bytes(text);
  std::string out;
  size_t pos = 0;
  bool converted = false;
  for (size_t at = text.find("<p "); at != std::string::npos; at = text.find("<p ", at + 3)) {
    const size_t tag_end = text.find('>', at);
    if (tag_end == std::string::npos) break;
    const size_t close = text.find("</p>", tag_end);
    if (code[at] || close == std::string::npos || at < pos) continue;
    const std::string tag = text.substr(at, tag_end - at);
    std::map<std::string, std::string> attrs;
    for (std::sregex_iterator m(tag.begin(), tag.end(), attribute), e; m != e; ++m)
      attrs[ascii_lower((*m)[1].str())] = (*m)[2].matched ? (*m)[2].str() : (*m)[3].str();
    const std::string& user = attrs["data-user"];
    const std::string& hash = attrs["data-slug-hash"];
    if ((" " + attrs["class"] + " ").find(" codepen ") == std::string::npos || !plain(user) || !plain(hash)) continue;
    std::string height = attrs["data-height"];
    if (height.empty() || height.size() > 4 || height.find_first_not_of("0123456789") != std::string::npos) height = "300";
    std::string tab = attrs["data-default-tab"];
    if (tab.find_first_not_of("abcdefghijklmnopqrstuvwxyz,") != std::string::npos || tab.empty()) tab = "result";
    const std::string pen = decode_entities(attrs["data-pen-title"]);
    const std::string title = pen.empty() ? "CodePen demo" : "CodePen: " + pen;
    out.append(text, pos, at - pos);
    out += "<iframe src=\"https://codepen.io/" + user + "/embed/" + hash + "?default-tab=" + tab + "\" width=\"100%\" height=\"" +
           height + "\" title=\"" + escape_html(title) + "\" loading=\"lazy\" allowfullscreen></iframe>";
    pos = close + 4;
    converted = true;
    run.count("a CodePen embed (<p class=\"codepen\"> and CodePen's script) as CodePen's iframe");
  }
  if (!converted) return text;
  out.append(text, pos, std::string::npos);
  // CodePen's script, once the pens it drew are iframes: nothing left for it to do.
  return map_lines_outside_code(out, [&](std::string_view line) -> std::optional<std::string> {
    if (line.size() >= 400 || line.find("codepen.io/assets/embed/ei.js") == std::string_view::npos ||
        !std::regex_match(line.begin(), line.end(), script))
      return std::nullopt;
    return std::string();
  });
}

std::string vimeo_iframe(const std::string& id) {
  return "<iframe src=\"https://player.vimeo.com/video/" + id +
         "\" class=\"video\" title=\"Vimeo video\" loading=\"lazy\" allowfullscreen></iframe>";
}

bool is_callout(const std::string& name) {
  static const std::set<std::string> kCallouts = {"notice", "note", "tip", "tips", "warning", "info", "alert", "hint",
                                                  "callout", "admonition", "caution", "important", "danger", "attention",
                                                  "aside", "box", "highlight-box", "warn", "success", "error", "tldr", "sidebar", "question"};
  return kCallouts.count(name) > 0;
}

namespace {
std::string class_word(const std::string& s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}
}  // namespace

std::string callout_open(const std::string& name, const std::string& kind, const std::string& title) {
  std::string cls = "callout callout-" + class_word(name);
  if (!class_word(kind).empty() && class_word(kind) != class_word(name)) cls += " " + class_word(kind);
  std::string label = !title.empty() ? title : kind;
  if (!label.empty() && title.empty()) label[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(label[0])));
  return "<div class=\"" + cls + "\">\n\n" + (label.empty() ? "" : "**" + escape_html(label) + "**\n\n");
}

std::string callout_close() { return "\n\n</div>"; }

std::string details_open(const std::string& summary) {
  return "<details>\n<summary>" + escape_html(summary.empty() ? "Details" : summary) + "</summary>\n\n";
}

std::string details_close() { return "\n\n</details>"; }

std::string Args::get(const std::string& key) const {
  for (const auto& [k, v] : named)
    if (k == key) return v;
  return "";
}

Args parse_args(std::string_view s) {
  Args a;
  size_t i = 0;
  auto read_value = [&](std::string& out) {
    if (i < s.size() && (s[i] == '"' || s[i] == '\'' || s[i] == '`')) {
      const char q = s[i++];
      while (i < s.size() && s[i] != q) {
        // "a \"b\"", and Nunjucks' 'Chrome\'s' (clhenrick's alt texts; another
        // backslash in single quotes, a Windows path, is text)
        if (s[i] == '\\' && i + 1 < s.size() && (q == '"' || (q == '\'' && (s[i + 1] == '\'' || s[i + 1] == '\\')))) ++i;
        out += s[i++];
      }
      ++i;
    } else {
      while (i < s.size() && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != ',') out += s[i++];
    }
  };
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == ',')) ++i;
    if (i >= s.size()) break;
    // key= ?
    size_t k = i;
    while (k < s.size() && (std::isalnum(static_cast<unsigned char>(s[k])) || s[k] == '_' || s[k] == '-')) ++k;
    // spaces around '=' too (Zola's grammar skips them: figure(src = "x.png"), BD103's 5 figures)
    size_t eq = k;
    while (eq < s.size() && (s[eq] == ' ' || s[eq] == '\t')) ++eq;
    if (k > i && eq < s.size() && s[eq] == '=' && (eq + 1 >= s.size() || s[eq + 1] != '=')) {
      std::string key(s.substr(i, k - i)), value;
      i = eq + 1;
      while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
      read_value(value);
      a.named.emplace_back(key, value);
    } else {
      std::string w;
      read_value(w);
      a.words.push_back(w);
    }
  }
  return a;
}

bool is_image_path(const std::string& path) {
  std::string lower = path.substr(0, path.find_first_of("?#"));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  // An image URL with its format in the query (Twitter's
  // pbs.twimg.com/media/x?format=jpg&name=small): the format's extension.
  if (const size_t q = path.find('?'); q != std::string::npos) {
    const size_t f = path.find("format=", q);
    if (f != std::string::npos && (path[f - 1] == '?' || path[f - 1] == '&')) {
      const size_t end = path.find_first_of("&#", f);
      lower += "." + path.substr(f + 7, end == std::string::npos ? std::string::npos : end - f - 7);
      for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
  }
  for (const char* ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".avif"})
    if (lower.size() > std::strlen(ext) && lower.compare(lower.size() - std::strlen(ext), std::string::npos, ext) == 0)
      return true;
  return false;
}

}  // namespace quire::import
