// Front matter: reading YAML or TOML into JSON, dates to ISO 8601, the
// keys Quire reads, and writing it back as YAML.
#include "build/content.hpp"
#include "build/import/common.hpp"
#include "core/entities.hpp"
#include "core/html.hpp"
#include "build/toml_guard.hpp"
#include "build/yaml_guard.hpp"
#include "build/import/js_literal.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <ctime>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#define TOML_HEADER_ONLY 1
#include <toml++/toml.h>

#include "build/file_dates.hpp"
#include "build/fsutil.hpp"
#include "build/transliterate.hpp"
#include "build/json_front_matter.hpp"
#include "build/import/template_syntax.hpp"
#include "core/bundle.hpp"
#include "core/dates.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "core/post_text.hpp"
#include "core/permalink.hpp"

namespace quire::import {


namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// A value Jekyll's layouts printed as HTML ({{ page.title }}), as text:
// its tags out (<br> a space), its entities read; unchanged without a tag.
std::string html_as_text(const std::string& html) {
  // (inline tags only: "Option<T>" and "The <dialog> element" are words)
  static const std::regex tag(R"(<\/?(?:br|i|em|b|strong|a|span|code|sup|sub|small|u|s|del|mark|abbr|q)(?:\s[^<>]*)?\/?>)",
                              std::regex::icase);
  if (!std::regex_search(html, tag)) return html;
  static const std::regex line_break(R"(<br\s*\/?>)", std::regex::icase);
  std::string text = std::regex_replace(std::regex_replace(html, line_break, " "), tag, "");
  return collapse_whitespace(decode_entities(text));
}

ojson yaml_node(const YAML::Node& n) {
  if (n.IsSequence()) {
    ojson a = ojson::array();
    for (const auto& item : n) a.push_back(yaml_node(item));
    return a;
  }
  if (n.IsMap()) {
    // YAML's merge key (<<: *defaults, or a list of them): their keys where
    // the map has none of its own, as Ruby's YAML (Jekyll) reads it.
    ojson o = ojson::object();
    for (const auto& kv : n)
      if (kv.first.Scalar() != "<<") o[sanitize_utf8(kv.first.Scalar())] = yaml_node(kv.second);
    for (const auto& kv : n) {
      if (kv.first.Scalar() != "<<") continue;
      const ojson merged = yaml_node(kv.second);
      for (const ojson& m : merged.is_array() ? merged : ojson::array({merged}))
        if (m.is_object())
          for (const auto& [k, v] : m.items())
            if (!o.contains(k)) o[k] = v;
    }
    return o;
  }
  // A Latin-1 byte in an old post's front matter: U+FFFD, as the build
  // does in a text (JSON, and so the YAML written, holds UTF-8 only).
  if (n.IsScalar()) return sanitize_utf8(escaped_latin1_as_utf8(n.Scalar()));  // (yaml-cpp's "\_": yaml_guard.hpp)
  return nullptr;
}

std::string two(int v) {
  char b[8];
  std::snprintf(b, sizeof b, "%02d", v);
  return b;
}

std::string toml_date(const toml::date& d) { return std::to_string(d.year) + "-" + two(d.month) + "-" + two(d.day); }
std::string toml_time(const toml::time& t) { return two(t.hour) + ":" + two(t.minute) + ":" + two(t.second); }

ojson toml_node(const toml::node& n) {
  if (const auto* t = n.as_table()) {
    ojson o = ojson::object();
    for (const auto& [k, v] : *t) o[std::string(k.str())] = toml_node(v);
    return o;
  }
  if (const auto* a = n.as_array()) {
    ojson arr = ojson::array();
    for (const auto& v : *a) arr.push_back(toml_node(v));
    return arr;
  }
  if (const auto* s = n.as_string()) return s->get();
  if (const auto* i = n.as_integer()) return i->get();
  if (const auto* f = n.as_floating_point()) return f->get();
  if (const auto* b = n.as_boolean()) return b->get();
  if (const auto* d = n.as_date()) return toml_date(d->get());
  if (const auto* t = n.as_time()) return toml_time(t->get());
  if (const auto* dt = n.as_date_time()) {
    const toml::date_time& v = dt->get();
    std::string s = toml_date(v.date) + "T" + toml_time(v.time);
    if (v.offset) {
      const int m = v.offset->minutes;
      s += m < 0 ? "-" : "+";
      s += two(std::abs(m) / 60) + ":" + two(std::abs(m) % 60);
    }
    return s;
  }
  return nullptr;
}

// A value's string, for keys that want one.
std::optional<std::string> scalar(const ojson& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_number() || v.is_boolean()) return v.dump(-1, ' ', false, ojson::error_handler_t::replace);
  return std::nullopt;
}

// A plain YAML word as the boolean Jekyll's YAML 1.1 reader (Psych) made
// of it: yes, true, on and no, false, off in any case (jalammar's
// `published: False`); nothing for another word.
std::optional<bool> yaml11_bool(const ojson& v) {
  if (v.is_boolean()) return v.get<bool>();
  if (!v.is_string()) return std::nullopt;
  const std::string w = ascii_lower(v.get<std::string>());
  if (w == "true" || w == "yes" || w == "on") return true;
  if (w == "false" || w == "no" || w == "off") return false;
  return std::nullopt;
}

int line_of_key(const Item& item, const std::string& front, const std::string& key);
// Whether `key`'s value is written quoted on its line ("false", 'no'): a
// string to YAML, where the plain word is a boolean.
bool quoted_value(const Item& item, const std::string& front, const std::string& key) {
  const int line = line_of_key(item, front, key);
  size_t pos = 0;
  for (int l = item.front_line; l < line && pos != std::string::npos; ++l) pos = front.find('\n', pos), pos = pos == std::string::npos ? pos : pos + 1;
  if (pos == std::string::npos) return false;
  const std::string_view text(front.data() + pos, std::min(front.find('\n', pos), front.size()) - pos);
  const size_t colon = text.find(':');
  if (colon == std::string_view::npos) return false;
  const size_t at = text.find_first_not_of(" \t", colon + 1);
  return at != std::string_view::npos && (text[at] == '"' || text[at] == '\'');
}

// Where a key was written: its line in the item's front matter, or the
// file and line it came from (key_origin).
std::pair<std::string, int> key_at(const Item& item, const std::string& front, const std::string& key) {
  if (const auto o = item.key_origin.find(key); o != item.key_origin.end()) return o->second;
  return {item.shown, line_of_key(item, front, key)};
}

int line_of_key(const Item& item, const std::string& front, const std::string& key) {
  size_t pos = 0;
  int line = item.front_line;
  while (pos < front.size()) {
    size_t e = front.find('\n', pos);
    if (e == std::string::npos) e = front.size();
    std::string_view l(front.data() + pos, e - pos);
    size_t at = l.find_first_not_of(" \t{,");
    const bool quoted = at != std::string_view::npos && l[at] == '"';  // JSON: "key": ...
    if (quoted) ++at;
    // (in any case: Hugo's keys are read so, and kept lower case: publishDate)
    if (at != std::string_view::npos && at + key.size() <= l.size() &&
        std::equal(key.begin(), key.end(), l.begin() + static_cast<std::ptrdiff_t>(at),
                   [](char a, char b) { return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b)); }) &&
        (!quoted || l.substr(at + key.size(), 1) == "\"")) {
      std::string_view rest = l.substr(at + key.size() + (quoted ? 1 : 0));
      size_t r = rest.find_first_not_of(" \t");
      if (r != std::string_view::npos && (rest[r] == ':' || rest[r] == '=')) return line;
    }
    pos = e + 1;
    ++line;
  }
  return item.front_line;
}

}  // namespace

SourceDoc split_front_matter(std::string_view raw) {
  SourceDoc d;
  const std::string text = normalize_text(raw);
  size_t pos = 0;
  int line = 1;
  while (pos < text.size()) {  // blank lines before the fence
    size_t e = text.find('\n', pos);
    if (e == std::string::npos || trim(std::string_view(text).substr(pos, e - pos)) != "") break;
    pos = e + 1;
    ++line;
  }
  auto line_text = [&](size_t p) {
    size_t e = text.find('\n', p);
    return trim(std::string_view(text).substr(p, (e == std::string::npos ? text.size() : e) - p));
  };
  const std::string first = line_text(pos);
  if (!first.empty() && first[0] == '{') {  // Hugo's JSON front matter (build/json_front_matter.hpp)
    const size_t end = find_json_front(text, pos);
    if (end == std::string::npos) {
      d.body = text;
      return d;
    }
    d.format = "json";
    d.front = text.substr(pos, end - pos);
    d.front_line = line;
    size_t after = text.find('\n', end);
    d.body = after == std::string::npos ? std::string() : text.substr(after + 1);
    d.body_line = line + static_cast<int>(std::count(d.front.begin(), d.front.end(), '\n')) + 1;
    return d;
  }
  // Eleventy (gray-matter) names the language after the fence: ---js,
  // ---json, ---yaml; the closing fence is ---.
  static const std::pair<const char*, const char*> kNamed[] = {
      {"---js", "js"}, {"---javascript", "js"}, {"---json", "json"}, {"---yaml", "yaml"}, {"---yml", "yaml"}};
  std::string format, fence = first;
  for (const auto& [opening, name] : kNamed)
    if (first == opening) format = name, fence = "---";
  if (format.empty() && first != "---" && first != "+++") {
    d.body = text;
    return d;
  }
  d.format = !format.empty() ? format : first == "---" ? "yaml" : "toml";
  size_t p = text.find('\n', pos);
  if (p == std::string::npos) { d.format.clear(); d.body = text; return d; }
  ++p;
  const size_t front_begin = p;
  int l = line + 1;
  while (p < text.size()) {
    const std::string t = line_text(p);
    if (t == fence || (fence == "---" && t == "...")) {
      d.front = text.substr(front_begin, p - front_begin);
      d.front_line = line + 1;
      size_t e = text.find('\n', p);
      d.body = e == std::string::npos ? std::string() : text.substr(e + 1);
      d.body_line = l + 1;
      return d;
    }
    if (fence == "+++" && text.compare(p, 3, "+++") == 0) {
      // Hugo ends TOML front matter at a line starting with +++, and the
      // rest of that line starts the body (preslavrachev's
      // "+++##### Many thanks..." had lost its date, title and address).
      d.front = text.substr(front_begin, p - front_begin);
      d.front_line = line + 1;
      d.body = text.substr(p + 3);
      d.body_line = l;
      return d;
    }
    size_t e = text.find('\n', p);
    if (e == std::string::npos) break;
    p = e + 1;
    ++l;
  }
  d.format.clear();  // not closed: all body
  d.body = text;
  return d;
}

bool parse_yaml(std::string_view text, ojson& out, std::string& error, int& error_line) {
  if (const int open = unclosed_quote_line(text); open >= 0) {
    error = std::string("invalid YAML: ") + kUnclosedQuote;
    error_line = open;
    return false;
  }
  try {
    YAML::Node n = YAML::Load(std::string(text));
    out = n.IsMap() ? yaml_node(n) : ojson::object();
    if (n && !n.IsNull() && !n.IsMap()) { error = "expected keys and values"; error_line = 0; return false; }
    return true;
  } catch (const YAML::Exception& e) {
    error = "invalid YAML: " + e.msg;
    error_line = e.mark.line < 0 ? 0 : e.mark.line;
    return false;
  }
}

bool parse_toml(std::string_view text, ojson& out, std::string& error, int& error_line) {
  if (const int stray = toml_stray_char_line(text); stray >= 0) {
    error = std::string("invalid TOML: ") + kTomlStrayChar;
    error_line = stray;
    return false;
  }
  try {
    toml::table t = toml::parse(text);
    out = toml_node(t);
    return true;
  } catch (const toml::parse_error& e) {
    error = "invalid TOML: " + std::string(e.description());
    error_line = static_cast<int>(e.source().begin.line) - 1;
    return false;
  }
}

bool parse_json(std::string_view text, ojson& out, std::string& error, int& error_line) {
  try {
    out = ojson::parse(text.begin(), text.end());
  } catch (const ojson::parse_error& e) {
    error = std::string("invalid JSON: ") + e.what();
    const size_t at = std::min(text.size(), e.byte == 0 ? size_t(0) : e.byte - 1);
    error_line = static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(at), '\n'));
    return false;
  }
  if (!out.is_object()) {
    error = "expected keys and values";
    error_line = 0;
    out = ojson::object();
    return false;
  }
  return true;
}

bool parse_front(const SourceDoc& doc, ojson& out, std::string& error, int& error_line) {
  out = ojson::object();
  bool ok = doc.format == "toml" ? parse_toml(doc.front, out, error, error_line)
          : doc.format == "yaml" ? parse_yaml(doc.front, out, error, error_line)
          : doc.format == "json" ? parse_json(doc.front, out, error, error_line)
          : doc.format == "js"   ? parse_js_front(doc.front, out, error, error_line) || (--error_line, false)
                                 : true;
  if (!ok) error_line += doc.front_line;
  return ok;
}

namespace {
// "23 March 2020", "Mar 23, 2020", "Mon, 02 Jan 2006 15:04:05 -0700",
// "2020/03/23": dates Hugo's and Ruby's parsers read, as "2020-03-23" and
// the rest (a time, a zone) after it; the text unchanged otherwise.
std::string numeric_date(const std::string& s) {
  if (s.size() >= 10 && is_digit(s[0]) && is_digit(s[3]) && s[4] == '/' && s[7] == '/')
    return s.substr(0, 4) + "-" + s.substr(5, 2) + "-" + s.substr(8, 2) + s.substr(10);
  static const char* const kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"};
  std::vector<std::string> words;
  std::vector<size_t> ends;  // where each word ends in s
  size_t p = 0;
  while (words.size() < 4 && p < s.size()) {
    while (p < s.size() && (s[p] == ' ' || s[p] == ',')) ++p;
    const size_t b = p;
    while (p < s.size() && s[p] != ' ' && s[p] != ',') ++p;
    if (p > b) {
      words.push_back(s.substr(b, p - b));
      ends.push_back(p);
    }
  }
  auto month = [&](std::string w) {
    for (char& c : w) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (w.size() < 3) return 0;
    for (int m = 0; m < 12; ++m)
      if (w.compare(0, 3, kMonths[m]) == 0) return m + 1;
    return 0;
  };
  auto number = [](const std::string& w, size_t lo, size_t hi) {
    if (w.size() < lo || w.size() > hi) return -1;
    for (char c : w)
      if (!is_digit(c)) return -1;
    return std::stoi(w);
  };
  // Ruby's Time#to_s of old and date(1): "Sat May 05 17:44:58 -0500 2011",
  // the year last (hepplerj's 17 posts, from WordPress by way of Octopress).
  {
    std::vector<std::string> all;
    for (size_t b = 0; b < s.size();) {
      const size_t e = std::min(s.find(' ', b), s.size());
      if (e > b) all.push_back(s.substr(b, e - b));
      b = e + 1;
    }
    const size_t at = all.size() >= 5 && month(all[0]) == 0 ? 1 : 0;  // the weekday
    if (all.size() >= at + 4 && all.size() <= at + 5 && month(all[at]) && number(all[at + 1], 1, 2) > 0 &&
        all[at + 2].find(':') != std::string::npos && number(all.back(), 4, 4) > 0) {
      char buf[40];
      std::snprintf(buf, sizeof buf, "%04d-%02d-%02d ", number(all.back(), 4, 4), month(all[at]), number(all[at + 1], 1, 2));
      return buf + all[at + 2] + (all.size() == at + 5 ? " " + all[at + 3] : "");
    }
  }
  size_t first = words.size() == 4 && month(words[0]) == 0 && number(words[0], 1, 2) < 0 ? 1 : 0;  // "Mon, "
  if (words.size() < first + 3) return s;
  int d = -1, m = 0, y = -1;
  if ((m = month(words[first + 1])) && (d = number(words[first], 1, 2)) > 0) y = number(words[first + 2], 4, 4);
  else if ((m = month(words[first])) && (d = number(words[first + 1], 1, 2)) > 0) y = number(words[first + 2], 4, 4);
  if (y < 0 || d < 1 || d > 31 || m == 0) return s;
  const size_t rest = ends[first + 2];
  char buf[40];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
  return buf + s.substr(rest);
}
}  // namespace

std::optional<std::string> iso_date(std::string_view s0) {
  std::string s = numeric_date(trim(s0));
  // 2019-4-9: Ruby's and Go's parsers take one-digit months and days.
  if (s.size() >= 8 && s.size() > 4 && s[4] == '-' && is_digit(s[0]) && is_digit(s[1]) && is_digit(s[2]) && is_digit(s[3])) {
    size_t p = 5;
    std::string month, day;
    while (p < s.size() && is_digit(s[p]) && month.size() < 3) month += s[p++];
    if (p < s.size() && s[p] == '-' && (month.size() == 1 || month.size() == 2)) {
      ++p;
      while (p < s.size() && is_digit(s[p]) && day.size() < 3) day += s[p++];
      if ((day.size() == 1 || day.size() == 2) && (month.size() == 1 || day.size() == 1))
        s = s.substr(0, 5) + (month.size() == 1 ? "0" : "") + month + "-" + (day.size() == 1 ? "0" : "") + day + s.substr(p);
    }
  }
  if (s.size() < 10 || !parse_date(s.substr(0, 10))) return std::nullopt;
  std::string out = s.substr(0, 10);
  size_t p = 10;
  if (p == s.size()) return out;
  if (s[p] != 'T' && s[p] != 't' && s[p] != ' ') return std::nullopt;
  ++p;
  while (p < s.size() && s[p] == ' ') ++p;
  auto digits = [&](size_t at, size_t n) {
    if (at + n > s.size()) return false;
    for (size_t i = 0; i < n; ++i)
      if (!is_digit(s[at + i])) return false;
    return true;
  };
  std::string hh, mm, ss = "00";
  if (digits(p, 2) && p + 2 < s.size() && s[p + 2] == ':' && digits(p + 3, 2)) {
    hh = s.substr(p, 2);
    mm = s.substr(p + 3, 2);
    p += 5;
  } else if (digits(p, 1) && p + 1 < s.size() && s[p + 1] == ':' && digits(p + 2, 2)) {  // 9:05
    hh = "0" + s.substr(p, 1);
    mm = s.substr(p + 2, 2);
    p += 4;
  } else if (digits(p, 3) && s[p] == '0' && p + 3 < s.size() && s[p + 3] == ':' && digits(p + 4, 2)) {
    hh = s.substr(p + 1, 2);  // 011:00, a typo Ruby's Time.parse reads as 11:00 (edburns's)
    mm = s.substr(p + 4, 2);
    p += 6;
  } else {
    return std::nullopt;
  }
  if (p < s.size() && s[p] == ':' && digits(p + 1, 2)) {
    ss = s.substr(p + 1, 2);
    p += 3;
    if (p < s.size() && s[p] == '.') {
      ++p;
      while (p < s.size() && is_digit(s[p])) ++p;
    }
  }
  while (p < s.size() && s[p] == ' ') ++p;
  // 6:39:00 AM, 12:05 PM: a 12-hour clock, as Ruby's Time.parse reads it.
  if (p + 1 < s.size() && (s[p + 1] == 'M' || s[p + 1] == 'm') && std::strchr("AaPp", s[p]) &&
      (p + 2 == s.size() || s[p + 2] == ' ')) {
    int h = std::atoi(hh.c_str());
    if (h < 1 || h > 12) return std::nullopt;
    const bool pm = s[p] == 'P' || s[p] == 'p';
    h = (h % 12) + (pm ? 12 : 0);
    hh = std::string(1, static_cast<char>('0' + h / 10)) + static_cast<char>('0' + h % 10);
    p += 2;
    while (p < s.size() && s[p] == ' ') ++p;
  }
  out += "T" + hh + ":" + mm + ":" + ss;
  if (p < s.size()) {
    std::string rest = s.substr(p);
    // Zone abbreviations Ruby's Time.parse reads (Jekyll), with one meaning.
    static const std::map<std::string, std::string> kZones = {
        {"UT", "Z"}, {"EST", "-05:00"}, {"EDT", "-04:00"}, {"CST", "-06:00"}, {"CDT", "-05:00"}, {"MST", "-07:00"},
        {"MDT", "-06:00"}, {"PST", "-08:00"}, {"PDT", "-07:00"}, {"CET", "+01:00"}, {"CEST", "+02:00"},
        {"JST", "+09:00"}};
    if (rest == "Z" || rest == "z" || rest == "UTC" || rest == "GMT") {
      out += "Z";
    } else if (const auto zone = kZones.find(rest); zone != kZones.end()) {
      out += zone->second;
    } else if ((rest[0] == '+' || rest[0] == '-') && rest.size() >= 3) {
      std::string d;
      for (char c : rest.substr(1))
        if (is_digit(c)) d += c;
        else if (c != ':') return std::nullopt;
      if (d.size() == 2) d += "00";
      if (d.size() != 4) return std::nullopt;
      out += rest[0] + d.substr(0, 2) + ":" + d.substr(2);
    } else {
      return std::nullopt;
    }
  }
  if (!parse_date(out)) return std::nullopt;
  return out;
}

namespace {
// A value as YAML: dates and plain words as they are, the rest as JSON.
std::string yaml_value(const std::string& key, const ojson& v) {
  if (v.is_string()) {
    const std::string s = v.get<std::string>();
    if ((key == "date" || key == "updated") && iso_date(s) == s) return s;
  }
  return v.dump(-1, ' ', false, ojson::error_handler_t::replace);
}
}  // namespace

std::string yaml_front_matter(const ojson& front) {
  std::string out = "---\n";
  for (const auto& [k, v] : front.items()) out += k + ": " + yaml_value(k, v) + "\n";
  return out + "---\n";
}

std::vector<std::string> string_list(const ojson& v, bool split_words) {
  std::vector<std::string> out;
  // A list's items stay whole, "windows phone" too (Jekyll splits a string
  // only: pluralized_array_from_hash).
  auto add = [&](const std::string& s, bool whole) {
    if (!split_words || whole) {
      if (!trim(s).empty()) out.push_back(trim(s));
      return;
    }
    size_t p = 0;
    while (p < s.size()) {
      size_t b = s.find_first_not_of(" \t,", p);
      if (b == std::string::npos) break;
      size_t e = s.find_first_of(" \t,", b);
      if (e == std::string::npos) e = s.size();
      out.push_back(s.substr(b, e - b));
      p = e;
    }
  };
  if (v.is_array()) {
    for (const auto& x : v)
      if (auto s = scalar(x)) add(*s, true);
  } else if (auto s = scalar(v)) {
    add(*s, false);
  }
  return out;
}

namespace {
std::string lower_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  if (!ext.empty()) ext.erase(0, 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}
}  // namespace

bool markdown_file(const fs::path& p, const std::vector<std::string>& extra) {
  static const std::set<std::string> kMarkdown = {"md", "markdown", "mdown", "mkdn", "mkd", "markdn", "mdwn", "mdtxt", "mdtext"};
  const std::string ext = lower_extension(p);
  if (kMarkdown.count(ext)) return true;
  for (std::string e : extra) {
    for (char& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!e.empty() && e[0] == '.') e.erase(0, 1);
    if (!e.empty() && e == ext) return true;
  }
  return false;
}

std::string other_content_kind(const fs::path& p) {
  static const std::map<std::string, std::string> kKinds = {
      {"html", "HTML"}, {"htm", "HTML"}, {"njk", "Nunjucks"}, {"liquid", "Liquid"}, {"hbs", "Handlebars"},
      {"mustache", "Mustache"}, {"ejs", "EJS"}, {"haml", "Haml"}, {"pug", "Pug"}, {"textile", "Textile"},
      {"adoc", "AsciiDoc"}, {"asciidoc", "AsciiDoc"}, {"org", "Org"}, {"rst", "reStructuredText"},
      {"pandoc", "Pandoc"}, {"pdc", "Pandoc"}, {"ipynb", "Jupyter"}, {"webc", "WebC"}};
  // Eleventy's JavaScript templates (x.11ty.js): a .js file otherwise is no content.
  const std::string name = p.filename().string();
  for (const char* ext : {".11ty.js", ".11ty.cjs", ".11ty.mjs"})
    if (name.size() > std::strlen(ext) && name.compare(name.size() - std::strlen(ext), std::strlen(ext), ext) == 0)
      return "JavaScript (an Eleventy .11ty.js template)";
  const auto it = kKinds.find(lower_extension(p));
  return it == kKinds.end() ? std::string() : it->second;
}


std::string zola_path_slug(std::string_view name, std::string_view mode) {
  if (mode != "on") return std::string(name);
  const std::string ascii = latin_ascii(name);
  std::string out;
  bool dash = false;
  for (char c : ascii) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || (u >= 'A' && u <= 'Z')) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(u >= 'A' && u <= 'Z' ? u - 'A' + 'a' : u);
    } else {
      dash = true;
    }
  }
  return out;
}

std::string file_slug(const fs::path& p) {
  std::string stem = p.stem().string();
  std::string ymd;
  size_t prefix = 0;
  if (file_date(stem, ymd, &prefix) && stem.size() > prefix) stem = stem.substr(prefix);
  return stem;
}

bool file_date(const std::string& n, std::string& ymd, size_t* prefix) {
  // YYYY-MM-DD-, or as Jekyll's post names allow, one-digit months and
  // days (2019-4-9-title.md).
  size_t p = 0;
  auto digits = [&](size_t min, size_t max) {
    const size_t b = p;
    while (p < n.size() && p - b < max && is_digit(n[p])) ++p;
    return p - b >= min ? n.substr(b, p - b) : std::string();
  };
  const std::string y = digits(4, 4);
  if (y.empty() || p >= n.size() || n[p++] != '-') return false;
  const std::string m = digits(1, 2);
  if (m.empty() || p >= n.size() || n[p++] != '-') return false;
  const std::string d = digits(1, 2);
  if (d.empty() || p >= n.size() || !(n[p] == '-' || n[p] == '_')) return false;
  const std::string iso = y + "-" + (m.size() == 1 ? "0" : "") + m + "-" + (d.size() == 1 ? "0" : "") + d;
  if (!parse_date(iso)) return false;
  ymd = iso;
  if (prefix) *prefix = p + 1;
  return true;
}


std::string eleventy_slug_filter(const std::string& value, const std::string& filter) {
  // Eleventy's older slug filter: simov's slugify with lower: true, which
  // keeps _ . + ~ ( ) ' " ! : @ * (henrik's tags acts_as_solr, pages.app
  // and node.js were at /tag/acts_as_solr/, /tag/pages.app/, /tag/node.js/).
  if (filter == "slug-simov") return npm_slugify(value);
  if (filter == "replace-space") {  // replace(' ', '-'): the term as written, its spaces '-' (mbarker84's /tags/Vue/)
    std::string out = value;
    std::replace(out.begin(), out.end(), ' ', '-');
    return out;
  }
  // Eleventy's slugify (@sindresorhus/slugify): "&" is " and ", ♥
  // " love ", and German letters as German writes them without
  // (ü "ue", ß "ss"); its older slug filter (simov's): "&" "and".
  // mkohler.dev's "28th & 29th" and "für 2016" had moved.
  std::string spelled;
  static const std::pair<const char*, const char*> german[] = {
      {"\u00e4", "ae"}, {"\u00f6", "oe"}, {"\u00fc", "ue"}, {"\u00c4", "Ae"}, {"\u00d6", "Oe"}, {"\u00dc", "Ue"}, {"\u00df", "ss"}};
  for (size_t i = 0; i < value.size();) {
    bool replaced = false;
    if (value[i] == '&') spelled += " and ", replaced = true, i += 1;
    else if (filter == "slugify" && value.compare(i, 3, "\u2665") == 0) spelled += " love ", replaced = true, i += 3;
    for (const auto& [from, to] : german)
      if (!replaced && filter == "slugify" && value.compare(i, 2, from) == 0) spelled += to, replaced = true, i += 2;
    if (!replaced) spelled += value[i++];
  }
  return ascii_slug(spelled);
}

namespace {

// Eleventy's "{{ page.fileSlug }}" in a permalink (spaces optional): the
// file's name without extension and date, the folder's for an index file;
// "{{ title | slugify }}" (or slug): the title made a slug;
// "{{ page.filePathStem }}": the file's path under the input, without
// its extension; "{{ slug }}" (any key of the front matter, or of its
// folder's data file, whose value is text): that text.
// "{% if slug %}...{% else %}...{% endif %}" (ThewBear's blog.json): the
// branch the post's own value of that key chose (absent, null or false:
// the else; text: the if, as Liquid and Nunjucks both take non-empty text).
// Other template expressions are left for the caller to report.
std::string eleventy_file_slug(std::string text, const fs::path& source, const std::string& title,
                               const std::string& input_path, const ojson& front,
                               const std::map<std::string, std::string>& date_filters) {
  static const std::regex branch(R"(\{%-?\s*if\s+([A-Za-z_]\w*)\s*-?%\}((?:(?!\{%)[\s\S])*)(?:\{%-?\s*else\s*-?%\}((?:(?!\{%)[\s\S])*))?\{%-?\s*endif\s*-?%\})");
  for (std::smatch m; std::regex_search(text, m, branch);) {
    const std::string key = m[1];
    const ojson* v = front.is_object() && front.contains(key) ? &front[key] : nullptr;
    const bool absent = !v || v->is_null() || *v == false;
    if (!absent && !(v->is_string() && !v->get<std::string>().empty()) && *v != true) break;  // ("" or a number: the engines differ)
    text.replace(static_cast<size_t>(m.position(0)), static_cast<size_t>(m.length(0)), absent ? m[3].str() : m[2].str());
  }
  const std::string slug = source.stem() == "index" || file_slug(source) == "index" ? file_slug(source.parent_path()) : file_slug(source);
  for (size_t at = 0; (at = text.find("{{", at)) != std::string::npos;) {
    const size_t end = text.find("}}", at);
    if (end == std::string::npos) break;
    std::string inner = text.substr(at + 2, end - at - 2);
    inner.erase(0, inner.find_first_not_of(' '));
    inner.erase(inner.find_last_not_of(' ') + 1);
    // "name" or "name | slugify": the post's file slug, its path, its title
    // or another plain front-matter value (fromjason's {{ sub | slugify }}).
    std::string name = inner, filter;
    if (const size_t bar = inner.find('|'); bar != std::string::npos) {
      name = trim(std::string_view(inner).substr(0, bar));
      filter = trim(std::string_view(inner).substr(bar + 1));
    }
    // {{ slug | default: page.fileSlug }}: the key when the post has it,
    // else the other (allenpike.com's 435 posts).
    if (filter.rfind("default", 0) == 0) {
      std::string other = trim(std::string_view(filter).substr(std::min(filter.find_first_of(":("), filter.size())));
      if (!other.empty() && (other[0] == ':' || other[0] == '(')) other = trim(std::string_view(other).substr(1));
      if (!other.empty() && other.back() == ')') other.pop_back();
      const bool has = name != "permalink" && front.is_object() && front.contains(name) && front[name].is_string() &&
                       !trim(front[name].get<std::string>()).empty();
      if (!has) name = trim(other);
      filter.clear();
    }
    std::string value;
    bool known = true;
    // {{ page.date | date: '%Y/%m' }} (a site's date filter, strftime's
    // or luxon's letters): the date's tokens.
    // Or a filter of the site's own doing the same (date_filters).
    const auto own_filter = date_filters.find(filter);
    if ((name == "page.date" || name == "date") && (filter.rfind("date", 0) == 0 || filter.rfind("dateFormat", 0) == 0 ||
                                                     filter.rfind("formatDate", 0) == 0 || own_filter != date_filters.end())) {
      const size_t q = filter.find_first_of("'\"");
      const size_t qe = q == std::string::npos ? q : filter.find(filter[q], q + 1);
      std::string format = own_filter != date_filters.end() ? own_filter->second
                           : q == std::string::npos || qe == std::string::npos ? "" : filter.substr(q + 1, qe - q - 1);
      // A run of one letter (luxon's, dayjs's) or a %-letter (strftime's)
      // is a token as a whole ("MMM", a month's name, is none); luxon's y,
      // M, d and dayjs's D: the year, and the month and day without a
      // leading zero.
      static const std::pair<const char*, const char*> tokens[] = {{"%Y", ":year"}, {"%m", ":month"}, {"%d", ":day"},
                                                                   {"yyyy", ":year"}, {"LL", ":month"}, {"MM", ":month"},
                                                                   {"dd", ":day"}, {"YYYY", ":year"}, {"DD", ":day"},
                                                                   {"y", ":year"}, {"M", ":i_month"}, {"d", ":i_day"},
                                                                   {"D", ":i_day"}};
      std::string made;
      for (size_t i = 0; i < format.size();) {
        size_t n = 0;
        if (format[i] == '%') n = std::min<size_t>(2, format.size() - i);
        else if (std::isalpha(static_cast<unsigned char>(format[i])))
          while (i + n < format.size() && format[i + n] == format[i]) ++n;
        if (n == 0) {
          made += format[i++];
          continue;
        }
        const std::string run_of = format.substr(i, n);
        const auto* hit = std::find_if(std::begin(tokens), std::end(tokens), [&](const auto& t) { return run_of == t.first; });
        if (hit == std::end(tokens)) {
          made.clear();
          break;
        }
        made += hit->second;
        i += n;
      }
      if (!made.empty()) {
        text.replace(at, end + 2 - at, made);
        at += made.size();
        continue;
      }
    }
    if (name == "page.fileSlug") {
      value = slug;
    } else if (name == "page.filePathStem" && !input_path.empty()) {  // posts/first.md -> /posts/first
      const fs::path rel(input_path);
      value = "/" + (rel.parent_path() / rel.stem()).generic_string();
    } else if (name == "title" && !title.empty()) {
      value = title;
    } else if (!name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") == std::string::npos &&
               name != "permalink" && front.is_object() && front.contains(name) && front[name].is_string() &&
               front[name].get<std::string>().find_first_of("{}%") == std::string::npos) {
      value = front[name].get<std::string>();
    } else {
      known = false;
    }
    if (known && (filter == "slugify" || filter == "slug")) value = eleventy_slug_filter(value, filter);
    else if (known && !filter.empty()) known = false;  // another filter: the old engine's to compute
    if (!known) {
      at = end + 2;
      continue;
    }
    text.replace(at, end + 2 - at, value);
    at += value.size();
  }
  if (text.find("{{") == std::string::npos)  // "{{slug}}/index.html" with slug "/2011/06/29/x/": one slash
    for (size_t at; (at = text.find("//")) != std::string::npos;) text.erase(at, 1);
  return text;
}

// A theme's name for a post's cover or social image.
bool is_cover_key(const std::string& key) {
  static const std::set<std::string> keys = {
      "cover", "cover_image", "coverimage", "coverImage", "featured_image", "featuredImage", "featuredimage",
      "feature_image", "featureimage", "featureImage", "thumbnail", "banner", "header", "header-img",
      "header_image", "headerImage", "hero", "hero_image", "heroImage", "og_image", "ogImage", "social_image",
      "share_image", "teaser"};
  return keys.count(key) > 0;
}

// The image a front-matter value names: text, the first of a list, or a
// map's path (path, src, url, feature, image, teaser, overlay_image...);
// "" when it names none (a caption-only map, `featured: true`).
std::string image_value(const ojson& v) {
  if (v.is_string()) return trim(v.get<std::string>());
  if (v.is_array()) return v.empty() ? std::string() : image_value(v[0]);
  if (v.is_object())
    for (const char* k : {"path", "src", "url", "feature", "image", "filename", "teaser", "overlay_image", "og_image"})
      if (v.contains(k) && v[k].is_string() && !trim(v[k].get<std::string>()).empty()) return trim(v[k].get<std::string>());
  return {};
}

// Hugo's featured image of a page bundle with no `images:`: its first
// image resource named *feature*, else *cover* or *thumbnail* (Hugo's own
// opengraph template; Wowchemy's featured.jpg).
std::string hugo_bundle_image(const Item& item) {
  const fs::path dir = item.source.parent_path();
  for (const char* word : {"feature", "cover", "thumbnail"})
    for (const fs::path& f : item.bundle_files) {
      std::string name = f.filename().string(), ext = f.extension().string();
      for (std::string* s : {&name, &ext})
        for (char& c : *s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (name.find(word) == std::string::npos) continue;
      if (ext == ".jpg" || ext == ".jpeg" || ext == ".png" || ext == ".webp" || ext == ".gif" || ext == ".avif" ||
          ext == ".svg")
        return f.lexically_relative(dir).generic_string();
    }
  return {};
}

}  // namespace

// "&#8217;", "&#x2019;" and named references ("&rsquo;", "&amp;") as
// their characters; anything else as written.
std::string decode_entities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size();) {
    const size_t semi = s[i] == '&' ? s.find(';', i + 1) : std::string_view::npos;
    if (semi != std::string_view::npos && semi - i <= 32) {
      const std::string_view ref = s.substr(i, semi - i + 1);
      if (ref.size() > 3 && ref[1] == '#') {
        const bool hex = ref[2] == 'x' || ref[2] == 'X';
        const std::string digits(ref.substr(hex ? 3 : 2, ref.size() - (hex ? 4 : 3)));
        if (!digits.empty() && digits.size() <= 7 &&
            digits.find_first_not_of(hex ? "0123456789abcdefABCDEF" : "0123456789") == std::string::npos) {
          const unsigned long cp = std::stoul(digits, nullptr, hex ? 16 : 10);
          if (cp > 0 && cp <= 0x10FFFF && !(cp >= 0xD800 && cp <= 0xDFFF)) {
            append_utf8(out, static_cast<char32_t>(cp));
            i = semi + 1;
            continue;
          }
        }
      } else if (const std::string_view named = named_entity_text(ref); !named.empty()) {
        out += named;
        i = semi + 1;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

void convert_front(Run& run, Item& item) {
  // Hugo reads front matter keys in any case (Title, Date, Tags): lowered
  // here, a key already in lower case kept first.
  const ojson in = [&] {
    if (run.engine != Engine::hugo || !item.in.is_object()) return item.in;
    ojson lowered = ojson::object();
    for (const auto& [k, v] : item.in.items()) {
      std::string l = k;
      for (char& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (!lowered.contains(l) || l == k) lowered[l] = v;
    }
    return lowered;
  }();
  ojson& out = item.out;
  const std::string front_text = [&] {
    std::string t;
    read_file(item.source, t);
    return split_front_matter(t).front;
  }();
  const bool words = run.engine == Engine::jekyll;
  std::vector<std::string> tags, categories, url_categories;
  auto take_date = [&](const std::string& key, const std::string& as) {
    if (!in.contains(key) || out.contains(as)) return;
    auto s = scalar(in[key]);
    auto iso = s ? iso_date(*s) : std::nullopt;
    if (s && is_file_date_keyword(*s)) {  // Eleventy: "Created", "git Last Modified"... (file_dates.hpp)
      if (const std::optional<FileDate> d = quire::file_date(*s, item.source.string())) {
        iso = d->iso;
        run.note(item.shown, line_of_key(item, front_text, key),
                 key + ": " + *s + " written out as " + d->iso + " (" + d->source + ")" +
                     (d->stable ? "" : "; a file's time changes when it is copied: check it"));
      }
    }
    // Jekyll reads a date with Ruby's Time.parse: "12-10-15 10:36:30" is
    // 2012-10-15 (two-digit years below 69 are 20xx, the others 19xx).
    if (!iso && s && run.engine == Engine::jekyll && s->size() >= 8 && std::isdigit(static_cast<unsigned char>((*s)[0])) &&
        std::isdigit(static_cast<unsigned char>((*s)[1])) && (*s)[2] == '-' && (*s)[5] == '-' &&
        (s->size() == 8 || (*s)[8] == ' ' || (*s)[8] == 'T')) {
      iso = iso_date(((*s)[0] < '7' ? "20" : "19") + *s);
      if (iso) run.count("dates with a two-digit year (12-10-15, as Ruby reads it: 2012-10-15)");
    }
    // Ruby reads one-digit months, days, hours and minutes too (miklb's
    // "2016-6-30 1:0"): padded.
    if (!iso && s && (run.engine == Engine::jekyll || run.engine == Engine::eleventy)) {  // Ruby and JavaScript alike
      static const std::regex loose(R"(^(\d{4})-(\d{1,2})-(\d{1,2})(?:([ T])(\d{1,2}):(\d{1,2})(?::(\d{1,2}))?)?(\s*(?:[+-]\d{2}:?\d{2}|Z))?\s*$)");
      std::smatch m;
      if (std::regex_match(*s, m, loose)) {
        auto two = [](const std::string& d) { return d.size() == 1 ? "0" + d : d; };
        std::string padded = m[1].str() + "-" + two(m[2]) + "-" + two(m[3]);
        if (m[5].matched) padded += m[4].str() + two(m[5]) + ":" + two(m[6]) + (m[7].matched ? ":" + two(m[7]) : ":00");
        padded += m[8].str();
        iso = iso_date(padded);
        if (iso) run.count("dates with one-digit parts (2016-6-30 1:0, as Ruby reads them)");
        // A day past the month's end rolls over, as Ruby's Time.utc does
        // (marcialwushu's 2020-02-30 was published on March 1).
        int y = std::stoi(m[1].str()), mo = std::stoi(m[2].str()), d = std::stoi(m[3].str());
        if (!iso && mo >= 1 && mo <= 12 && d >= 29 && d <= 31) {
          static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
          const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
          const int in_month = kDays[mo - 1] + (mo == 2 && leap ? 1 : 0);
          if (d > in_month) {
            d -= in_month;
            if (++mo == 13) mo = 1, ++y;
            char day[48];
            std::snprintf(day, sizeof day, "%04d-%02d-%02d", y, mo, d);
            iso = iso_date(day + padded.substr(10));
            if (iso) run.note(item.shown, line_of_key(item, front_text, key),
                              key + ": \"" + *s + "\" has no such day; " + day + ", as " +
                                  (run.engine == Engine::jekyll ? "Ruby" : "JavaScript") + " read it");
          }
        }
      }
    }
    if (iso && iso->rfind("0000-", 0) == 0) {  // a theme's "no date" (Duckquill's pages): none
      run.count("a date in the year 0 (a theme's way of saying none) left out");
    } else if (iso) {
      out[as] = *iso;
    } else {
      run.note(item.shown, line_of_key(item, front_text, key),
               key + ": \"" + (s ? *s : in[key].dump(-1, ' ', false, ojson::error_handler_t::replace)) + "\" is not a date; left out (write " + kDateExpectation + ")");
    }
  };
  auto take_string = [&](const std::string& key, const std::string& as) {
    if (!in.contains(key) || out.contains(as)) return;
    if (auto s = scalar(in[key])) out[as] = *s;
    else if (in[key].is_null()) return;  // "description:" with nothing after it: no value, nothing lost
    else run.note(item.shown, line_of_key(item, front_text, key), key + ": expected text; left out");
  };
  for (const auto& [key, v] : in.items()) {
    if (key == "title") {
      if (const auto t = scalar(v); v.is_null() || (t && trim(*t).empty()))  // title: "" : the build refuses it; the file name gives one
        run.note(item.shown, line_of_key(item, front_text, key), "title: empty; one is made from the file name");
      else
        take_string("title", "title");
      // Jekyll printed a title as HTML: a WordPress export's "What&#8217;s"
      // read "What’s" there (anotherlab's 92 posts); Quire's titles are text.
      if (run.engine == Engine::jekyll && out.contains("title") && out["title"].is_string() &&
          out["title"].get<std::string>().find('&') != std::string::npos) {
        const std::string decoded = decode_entities(out["title"].get<std::string>());
        if (decoded != out["title"].get<std::string>()) run.count("HTML entities in a title (&#8217;), as Jekyll showed them");
        out["title"] = decoded;
      }
      // And its tags (bairblog's "BADGR:<br>The Berkeley <i>Autonomous</i>
      // Robot", 12 titles shown as markup): their text.
      if (run.engine == Engine::jekyll && out.contains("title") && out["title"].is_string())
        if (const std::string text = html_as_text(out["title"].get<std::string>()); text != out["title"].get<std::string>() && !text.empty()) {
          out["title"] = text;
          run.count("HTML in a title (<br>, <i>), which Jekyll's layouts printed: its text");
        }
    } else if (key == "date" || key == "publishDate" || key == "publishdate" || key == "pubdate" || key == "published_at" ||
               (key == "published" && !v.is_boolean() && scalar(v) != "true" && scalar(v) != "false" &&
                !(run.engine == Engine::jekyll && yaml11_bool(v)))) {
      take_date(key, "date");
    } else if (key == "lastmod" || key == "last_modified_at" || key == "updated" || key == "modified" ||
               key == "last_modified") {
      take_date(key, "updated");
    } else if (key == "draft" && run.engine == Engine::eleventy && !run.eleventy_drafts) {
      // hawksworx's better-than-perfect.md: Eleventy published it
      if (scalar(v) == std::string("true")) run.count("draft: true, which this Eleventy config never reads (published, as Eleventy did)");
    } else if (key == "draft" && run.drafts_published) {
      if (scalar(v) == std::string("true")) run.count("draft: true under buildDrafts: true (published, as Hugo did)");
    } else if (key == "published" && run.engine == Engine::jekyll && quoted_value(item, front_text, key)) {
      // published: "false", a string: Jekyll keeps out only false itself
      // (its publisher's data.fetch("published", true) == false): published.
      run.count("published: a quoted value, which Jekyll read as true (published)");
    } else if (key == "draft" || key == "published") {
      auto s = scalar(v);
      const bool b = run.engine == Engine::jekyll ? yaml11_bool(v).value_or(false) : s == std::string("true") || s == std::string("yes");
      if (key == "draft" ? b : !b) out["draft"] = true;
    } else if (key == "slug") {
      auto s = scalar(v);
      std::string slug = s ? trim(*s) : "";
      if (slug.empty()) continue;  // `slug:` with no value (equk's 139 posts): none, the file's name is
      // A Hugo page's slug with folders ("en/about" on content/en-about.md):
      // Hugo put the page there, so it keeps that address.
      if (run.engine == Engine::hugo && item.page && slug.find('/') != std::string::npos && !in.contains("url")) {
        std::string path = "/" + slug + "/";
        path = "/" + normal_path(run.hugo_lower ? ascii_lower(path) : path, false);
        if (permalink_problem(path).empty() && path.find(':') == std::string::npos) {
          out["permalink"] = path;
          run.count("a Hugo page's slug with folders (as its address)");
          continue;
        }
      }
      if (!valid_slug(slug)) {
        const std::string fixed = ascii_slug(slug);
        run.note(item.shown, line_of_key(item, front_text, key),
                 "slug: \"" + slug + "\" is not a Quire slug (letters, digits, '-', '_', '.'); written as \"" + fixed + "\"");
        slug = fixed;
      }
      if (!slug.empty()) out["slug"] = slug;
    } else if (key == "tags" || key == "tag") {
      for (auto& t : string_list(v, words)) tags.push_back(t), run.terms["tags"].insert(t);
    } else if (key == "categories" || key == "category") {
      for (auto& t : string_list(v, words)) categories.push_back(t), run.terms["categories"].insert(t);
      // Jekyll split the string at spaces only: its URLs kept the commas.
      if (words && v.is_string() && v.get<std::string>().find(',') != std::string::npos)
        for (std::istringstream words_of(v.get<std::string>()); !words_of.eof();)
          if (std::string c; words_of >> c) url_categories.push_back(c);
    } else if (key == "taxonomies" && v.is_object()) {
      for (const auto& [tax, terms] : v.items()) {
        if (tax == "tags") for (auto& t : string_list(terms, false)) tags.push_back(t), run.terms["tags"].insert(t);
        else if (tax == "categories") for (auto& t : string_list(terms, false)) categories.push_back(t), run.terms["categories"].insert(t);
        else if (tax == "authors" && !in.contains("authors") && !in.contains("author") && !string_list(terms, false).empty()) {
          out["authors"] = string_list(terms, false);  // Zola's authors taxonomy: the post's authors
          for (const std::string& a : string_list(terms, false)) run.terms["authors"].insert(a);
        }
        else if (run.extra_taxonomies.count(tax)) {
          for (auto& t : string_list(terms, false)) tags.push_back(t), run.terms[tax].insert(t);
          run.count("taxonomy " + tax + " (merged into tags)");
        } else ++run.report.keys_left_out["taxonomies." + tax];
      }
    } else if (key == "summary" || key == "description" || key == "excerpt") {
      take_string(key, key);
    } else if (key == "author" || key == "authors") {
      // Hugo's authors taxonomy ([taxonomies] author = "authors"): its pages, /authors/<name>/.
      if (key == "authors" && run.engine == Engine::hugo && run.extra_taxonomies.count("authors"))
        for (const std::string& a : string_list(v, false)) run.terms["authors"].insert(a);
      ojson names = v;
      // jekyll-import's WordPress author {display_name, login, email, url}:
      // its display name is the name.
      if (names.is_object() && !names.contains("name"))
        for (const char* k : {"display_name", "login"})
          if (names.contains(k) && names[k].is_string() && !trim(names[k].get<std::string>()).empty()) {
            names = names[k];
            run.count("author {display_name: ...} (WordPress' export) as its name");
            break;
          }
      if (names.is_array()) {  // authors = [""]: a theme's placeholder, nobody
        names = ojson::array();
        for (const ojson& a : v)
          if (!(a.is_string() && trim(a.get<std::string>()).empty()) && !a.is_null()) names.push_back(a);
      }
      // A link as the author (bairblog's 137 posts: <a href="...">Greg Kahn</a>): the name.
      if (run.engine == Engine::jekyll) {
        std::vector<ojson*> each;
        if (names.is_array()) for (ojson& name : names) each.push_back(&name);
        else each.push_back(&names);
        for (ojson* name : each) {
          if (!name->is_string()) continue;
          if (const std::string text = html_as_text(name->get<std::string>()); text != name->get<std::string>() && !text.empty()) {
            *name = text;
            run.count("HTML in an author (a link), which Jekyll's layouts printed: its text");
          }
        }
      }
      if (!names.is_null() && !(names.is_string() && trim(names.get<std::string>()).empty()) && !(names.is_array() && names.empty()))
        out[key] = names;
    } else if (key == "image" || key == "images") {
      // The post's own image wins over a theme's cover key (below); `image:`
      // with nothing after it, or Wowchemy's map of caption and focal point
      // (its image is the bundle's featured.*, see hugo_bundle_image): absent.
      if (const std::string img = image_value(v); !img.empty()) out["image"] = img;
      else if (!v.is_null() && !(v.is_string() && trim(v.get<std::string>()).empty())) ++run.report.keys_left_out[key];
    } else if (key == "toc" || key == "showtoc" || key == "ShowToc" || key == "showToc" || key == "catalog") {
      // A table of contents asked for: Quire's toc: true (PaperMod's
      // ShowToc, Hux's catalog); false keeps one out.
      const auto b = scalar(v);
      if (b && (*b == "true" || *b == "false")) out["toc"] = *b == "true";
      else ++run.report.keys_left_out[key];
    } else if (is_math_key(key)) {  // math.cpp: MathJax/KaTeX themes' switches
      if (const auto on = math_value(v)) out["math"] = *on;
      else ++run.report.keys_left_out[key];
    } else if (is_cover_key(key)) {
      // A theme's social/cover image: PaperMod's cover.image, Ghost's
      // feature_image, Minimal Mistakes' header.teaser, Hux's header-img...
      const bool own = (in.contains("image") && !image_value(in["image"]).empty()) ||
                       (in.contains("images") && !image_value(in["images"]).empty());
      const std::string img = image_value(v);
      // Text, not a path (clhenrick's `teaser: "Creating color palettes ..."`
      // under each title): the post's description where it has none.
      const bool prose = v.is_string() && img.find_first_of(" \t\n") != std::string::npos && !is_image_path(img) &&
                         img.find("://") == std::string::npos;
      if (prose) {
        if (!in.contains("description") && !in.contains("summary") && !in.contains("excerpt") && !out.contains("description")) {
          out["description"] = img;
          run.count("a theme's cover key holding text, not an image (as the description)");
        } else {
          ++run.report.keys_left_out[key];
        }
      } else if (!img.empty() && !own && !out.contains("image")) {
        out["image"] = img;
      } else if (!v.is_null()) {  // "headerImage:" with nothing after it: no image, nothing left out
        ++run.report.keys_left_out[key];
      }
    } else if ((key == "permalink" && run.engine != Engine::hugo && run.engine != Engine::zola) ||  // (a WordPress export's, which Hugo ignored: jeffellin's 11)
               (key == "url" && run.engine == Engine::hugo) ||
               (key == "path" && run.engine == Engine::zola)) {
      auto s = scalar(v);
      const auto where = key_at(item, front_text, key);
      if (s && run.engine == Engine::eleventy)
        *s = eleventy_file_slug(*s, item.source, in.contains("title") && in["title"].is_string() ? in["title"].get<std::string>() : "",
                                item.keys.empty() ? "" : item.keys[0], in, run.eleventy_date_filters);  // keys[0]: the path under Eleventy's input
      if (s && *s == "false" && run.engine == Engine::eleventy) {  // Eleventy writes no page for it
        out["draft"] = true;
        run.note(where.first, where.second, "permalink: false (not published by Eleventy): imported as a draft");
      } else if (v.is_null() || (run.engine == Engine::eleventy && s && trim(*s).empty())) {
        // `permalink:` with nothing after it (hawksworx's 12), or Eleventy's
        // `permalink: ""` (musikele's): the default address, no construct
      } else if (!s || s->find("{{") != std::string::npos || s->find("{%") != std::string::npos || *s == "false") {
        // Not at Eleventy's default address either: no alias for it.
        if (run.engine == Engine::eleventy) item.old_url_unknown = true;
        run.note(where.first, where.second,
                 key + ": " + (s ? "\"" + *s + "\"" : in[key].dump(-1, ' ', false, ojson::error_handler_t::replace)) + " is computed by the old engine; left out");
      } else {
        std::string p = *s;
        if (p.empty() || p[0] != '/') p = "/" + p;
        if (key == "path" && p.back() != '/') p += "/";
        // A WordPress export's percent-encoded address (rtaibah's
        // /2010/10/20/%c9%b9o%c9%b9-l/): the engines wrote the folder
        // decoded, and a server decodes the request so.
        if (p.find('%') != std::string::npos)
          if (const std::string decoded = percent_decode(p); decoded != p && sanitize_utf8(decoded) == decoded &&
                                                             decoded.find_first_of("?#%") == std::string::npos)
            p = decoded;
        if (run.engine == Engine::jekyll) p = quire_pattern(p, "posts");  // /:year/:title:output_ext
        const std::string normal = normal_path(p, true);
        // (a page at one is left out whole: builtin_page)
        const char* built = !item.page && p.find(':') == std::string::npos ? reserved_path(normal, run.category_pages) : nullptr;
        if (const std::string why = permalink_problem(p); !why.empty())
          run.note(where.first, where.second,
                   key + ": \"" + *s + "\": " + why + "; left out, the post gets the site's URL");
        else if (built)  // miklb's post at permalink: tags; the build refuses it
          run.note(where.first, where.second,
                   key + ": \"" + *s + "\" is " + built + " Quire writes itself; left out, it gets an address of its own");
        else
          out["permalink"] = p;
      }
    } else if (run.engine == Engine::hugo && run.extra_taxonomies.count(key)) {
      // Hugo: a taxonomy of the site's own (series...): its terms join the tags.
      for (auto& t : string_list(v, false)) tags.push_back(t), run.terms[key].insert(t);
      run.count("taxonomy " + key + " (merged into tags)");
    } else if (key == "aliases" || key == "redirect_from" || key == "redirectFrom" || run.alias_keys.count(key)) {  // redirectFrom: Eleventy sites' (clhenrick's _redirects)
      std::vector<std::string> list;
      for (std::string a : string_list(v, false)) {
        // "/blog/Ubisoft+DRM+too?": a browser asks for the path before '?'
        if (const size_t cut = a.find_first_of("?#"); cut != std::string::npos) {
          run.note(item.shown, line_of_key(item, front_text, key),
                   key + ": \"" + a + "\": what follows '" + a[cut] + "' never reaches a server; kept as \"" + a.substr(0, cut) + "\"");
          a.resize(cut);
        }
        if (!a.empty() && a != "/") list.push_back(a);
      }
      if (run.engine == Engine::hugo)  // Hugo: "old-name" is relative to the page's folder (/posts/old-name/)
        for (std::string& a : list)
          if (!a.empty() && a[0] != '/' && a.find("://") == std::string::npos) {
            const bool dir = a.back() == '/';
            std::string p = (fs::path("/" + item.section) / a).lexically_normal().generic_string();
            if (dir && (p.empty() || p.back() != '/')) p += '/';
            if (p.rfind("/..", 0) == 0) p = "/" + a;  // above the site's root: Hugo's own error; kept at the root
            item.relative_aliases.emplace_back(p, a);
            a = p;
          }
      if (!list.empty()) {  // one key however they were spelled
        ojson& all = out[key == "redirectFrom" || run.alias_keys.count(key) ? "redirect_from" : key];
        for (const std::string& a : list) all.push_back(a);
      }
    } else {
      ++run.report.keys_left_out[key];
    }
  }
  // Hugo published neither a page whose publishDate is still to come nor
  // one whose expiryDate has passed (unless buildFuture/buildExpired).
  if (run.engine == Engine::hugo && !out.contains("draft")) {
    const auto when = [&](std::initializer_list<const char*> keys) -> std::pair<std::string, std::string> {
      for (const char* k : keys)
        if (in.contains(k))
          if (const auto s = scalar(in[k]))
            if (const auto iso = iso_date(trim(*s))) return {k, *iso};
      return {};
    };
    const std::time_t t = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char now[32];
    std::strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%S", &tm);
    if (const auto [key, at] = when({"publishDate", "publishdate", "pubdate", "published"}); !run.hugo_future && !at.empty() && at > now) {
      out["draft"] = true;
      run.note(item.shown, line_of_key(item, front_text, key), key + ": " + at + " is still to come; Hugo did not publish it: imported as a draft");
    } else if (const auto [ekey, end] = when({"expiryDate", "expirydate", "unpublishdate"}); !run.hugo_expired && !end.empty() && end <= now) {
      out["draft"] = true;
      run.note(item.shown, line_of_key(item, front_text, ekey), ekey + ": " + end + " has passed; Hugo did not publish it: imported as a draft");
    } else if (const std::string date = out.contains("date") && out["date"].is_string() ? out["date"].get<std::string>() : "";
               !at.empty() && date > now && date != at) {
      // Hugo judges "future" by publishDate: a talk's page dated 2030 with
      // publishDate 2017 (Wowchemy's events: EckoTan0804's) was published;
      // Quire's build would leave a post dated 2030 out.
      run.note(item.shown, line_of_key(item, front_text, "date"), "date: " + date + " is still to come, but " + key + ": " + at +
                                                                     " had passed and Hugo published it: dated " + at);
      out["date"] = at;
    }
  }
  // Tags need a letter or digit; each kept once (as Quire's build keeps them).
  auto clean = [&](std::vector<std::string>& list, const char* what) {
    std::vector<std::string> kept;
    std::set<std::string> seen;
    for (const std::string& t : list) {
      if (slugify(t).empty()) {
        run.note(item.shown, line_of_key(item, front_text, what), std::string(what) + ": \"" + t + "\" has no letter or digit; left out");
        continue;
      }
      if (seen.insert(tag_slug(t)).second) kept.push_back(t);
    }
    list = kept;
  };
  clean(tags, "tags");
  clean(categories, "categories");
  if (!tags.empty()) out["tags"] = tags;
  if (!categories.empty()) out["categories"] = categories;
  item.categories = categories;
  item.url_categories = url_categories;
}

bool load_item(Run& run, Item& item) {
  std::string text;
  if (!read_file(item.source, text)) {
    run.report.errors.push_back({item.shown, 0, "cannot read file"});
    return false;
  }
  SourceDoc doc = split_front_matter(text);
  std::string error;
  int line = 0;
  const ojson preset = item.in;  // what the engine gave it before its own front matter (defaults, folder data)
  if (!parse_front(doc, item.in, error, line)) {
    run.note(item.shown, line, error + "; file not converted");
    return false;
  }
  if (preset.is_object())
    for (const auto& [k, v] : preset.items()) {
      if (!item.in.contains(k)) item.in[k] = v;
      else item.key_origin.erase(k);  // the file's own value, at its own line
    }
  if (doc.format.empty()) {
    // "---" (or "+++") opening a front matter that never closes: the file
    // is read as text, fence and keys included; say so.
    const std::string first = trim(std::string_view(doc.body).substr(0, doc.body.find('\n')));
    if (first == "---" || first == "+++")
      run.note(item.shown, 1, "front matter opened by \"" + first + "\" is never closed: read as the post's text; add the closing \"" +
                                  first + "\" and import again");
  }
  item.body = doc.body;
  item.front_line = doc.front_line;
  item.body_line = doc.body_line;
  return true;
}

namespace {
// An untitled note's first words as its title (a microblog's "Hello
// Twitter! #myfirstTweet", whose file is 20150402165128.md): at most 60
// bytes, cut between words, "…" when cut; "" when the text has none or
// template syntax.
std::string title_from_text(const std::string& body) {
  const std::string words = collapse_whitespace(markdown_plain_text(body));  // no space at either end
  if (words.empty() || words.find("{{") != std::string::npos || words.find("{%") != std::string::npos) return {};
  constexpr size_t kMax = 60;
  if (words.size() <= kMax) return words;
  size_t cut = words.rfind(' ', kMax);
  if (cut == std::string::npos || cut < kMax / 2) {
    cut = kMax;
    while (cut > 0 && (static_cast<unsigned char>(words[cut]) & 0xC0) == 0x80) --cut;  // a whole UTF-8 character
  }
  return words.substr(0, cut) + "\u2026";
}
}  // namespace

void finish_front(Run& run, Item& item, const std::string& ymd) {
  ojson& out = item.out;
  if (!valid_slug(item.slug)) {  // from a file name Quire would refuse ("My Post.md", "café.md")
    std::string fixed = ascii_slug(item.slug);
    if (fixed.find_first_not_of("0123456789-_") == std::string::npos && !item.section.empty()) {
      // "5-中间代码生成" leaves "5": its folder says which one ("compiler-5")
      const std::string folder = ascii_slug(fs::path(item.section).filename().string());
      if (folder.rfind("post-", 0) != 0) fixed = folder + "-" + fixed;
    }
    // Counted, not listed: nothing to check by hand (the slug is in the
    // post's front matter, its old address an alias); ouuan's 83 such lines
    // buried the report's 3 shortcodes to rewrite.
    run.count("a file name's slug Quire refuses (spaces, another script) written as an ASCII slug key");
    if (!out.contains("slug")) item.name_slug = item.slug;
    item.slug = fixed;
    out["slug"] = item.slug;
  }
  if (!out.contains("title") && item.slug.find_first_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string::npos) {
    // A file name of digits (a note's timestamp) makes no title: the text's first words do.
    if (const std::string title = title_from_text(item.body); !title.empty()) {
      out["title"] = title;
      run.note(item.shown, 0, "no title; \"" + title + "\" made from the text's first words");
    }
  }
  if (!out.contains("title")) {
    // The file's own name, as the old engine had it, where it is not ASCII
    // (汇编相关知识.md, café-crème.md: Jekyll's titles; the slug is its
    // transliteration, "hui-bian-..."); else the slug.
    std::string name = file_slug(item.bundle ? item.source.parent_path() : item.source);  // without its date
    if (const size_t dot = name.find('.'); dot != std::string::npos) name.resize(dot);  // x.fr
    const bool own_name = std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; });
    std::string title;
    bool start = true;
    for (char c : own_name ? name : item.slug) {
      if (c == '-' || c == '_') { title += ' '; start = true; continue; }
      title += start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
      start = false;
    }
    out["title"] = title.empty() ? std::string("Untitled") : title;
    if (run.engine != Engine::jekyll || item.page)  // Jekyll's own rule for posts: no need to say
      run.note(item.shown, 0, "no title; \"" + out["title"].get<std::string>() + "\" made from the file name");
  }
  if (!out.contains("date") && !item.page) {
    if (!ymd.empty()) {
      out["date"] = ymd;
    } else if (run.engine == Engine::eleventy) {  // Eleventy's default: the file's creation time
      if (const std::optional<FileDate> d = quire::file_date("Created", item.source.string())) {
        out["date"] = d->iso;
        run.note(item.shown, 0, "no date: Eleventy's default, " + d->source + ", written out as " + d->iso + "; check it");
      }
    } else if (run.engine == Engine::hugo && out.contains("updated")) {  // Hugo's date falls back to lastmod
      out["date"] = out["updated"];
      run.note(item.shown, 0, "no date: Hugo's fallback, its lastmod, written out as date: " + out["date"].get<std::string>());
    } else if (run.engine != Engine::jekyll) {
      // Hugo and Zola build a post without a date (Hugo dates it year 1,
      // Zola leaves it out of date-sorted lists); Quire needs one: the
      // file's time, said so.
      if (const std::optional<FileDate> d = quire::file_date("Last Modified", item.source.string())) {
        out["date"] = d->iso;
        run.note(item.shown, 0, "no date in the front matter or the file name: the file's time, " + d->iso +
                                    ", written out as its date; check it");
      } else {
        run.note(item.shown, 0, "no date in the front matter or the file name: add date: before building");
      }
    } else {
      run.note(item.shown, 0, "no date in the front matter or the file name: add date: before building");
    }
  }
  if (run.engine == Engine::hugo && item.bundle && !out.contains("image"))
    if (const std::string img = hugo_bundle_image(item); !img.empty()) {
      out["image"] = img;
      run.count("a bundle's " + img + " as its image (Hugo's featured image)");
    }
  ojson ordered = ojson::object();
  for (const char* k : {"title", "date"})
    if (out.contains(k)) ordered[k] = out[k];
  for (const auto& [k, v] : out.items())
    if (k != "title" && k != "date") ordered[k] = v;
  out = ordered;
}

}  // namespace quire::import
