#include "core/bundle.hpp"

#include <algorithm>
#include <iterator>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <map>
#include <optional>
#include <nlohmann/json.hpp>

#include "core/html.hpp"
#include "core/markdown.hpp"

namespace quire {
namespace {

using json = nlohmann::json;

// The site fields of the bundle schema (the streaming reader's list; the
// checked reader names them one by one in Reader::site).
constexpr const char* kSiteFields[] = {"title",          "description", "author",      "url",
                                       "base_path",      "language",    "posts_per_page", "date_format",
                                       "unsafe_html",    "feed_entries"};

struct Reader {
  std::string error;  // first problem found, with its JSON path

  bool fail(const std::string& path, const std::string& problem) {
    if (error.empty()) error = path + ": " + problem;
    return false;
  }

  const json* field(const json& obj, const char* key) {
    auto it = obj.find(key);
    return it == obj.end() || it->is_null() ? nullptr : &*it;
  }

  bool string(const json& obj, const std::string& path, const char* key, std::string& out,
              bool required) {
    const json* v = field(obj, key);
    if (!v) return required ? fail(path + "." + key, "missing (expected string)") : true;
    if (!v->is_string()) return fail(path + "." + key, std::string("expected string, got ") + v->type_name());
    out = sanitize_utf8(v->get_ref<const std::string&>());
    return true;
  }

  bool integer(const json& obj, const std::string& path, const char* key, int& out, int lo, int hi) {
    const json* v = field(obj, key);
    if (!v) return true;
    if (!v->is_number_integer())
      return fail(path + "." + key, std::string("expected integer, got ") + v->type_name());
    auto n = v->get<int64_t>();
    if (n < lo || n > hi)
      return fail(path + "." + key, "expected " + std::to_string(lo) + ".." + std::to_string(hi) +
                                        ", got " + std::to_string(n));
    out = static_cast<int>(n);
    return true;
  }

  bool boolean(const json& obj, const std::string& path, const char* key, bool& out) {
    const json* v = field(obj, key);
    if (!v) return true;
    if (!v->is_boolean()) return fail(path + "." + key, std::string("expected boolean, got ") + v->type_name());
    out = v->get<bool>();
    return true;
  }

  bool site(const json& j, Site& s) {
    if (!j.is_object()) return fail("site", std::string("expected object, got ") + j.type_name());
    bool ok = string(j, "site", "title", s.title, false) &&
              string(j, "site", "description", s.description, false) &&
              string(j, "site", "author", s.author, false) &&
              string(j, "site", "url", s.url, false) &&
              string(j, "site", "base_path", s.base_path, false) &&
              string(j, "site", "language", s.language, false) &&
              integer(j, "site", "posts_per_page", s.posts_per_page, 1, 1000) &&
              string(j, "site", "date_format", s.date_format, false) &&
              boolean(j, "site", "unsafe_html", s.unsafe_html) &&
              integer(j, "site", "feed_entries", s.feed_entries, 1, 1000);
    if (!ok) return false;
    if (!valid_base_path(s.base_path))
      return fail("site.base_path", "expected a path starting and ending with '/', got \"" + s.base_path + "\"");
    while (!s.url.empty() && s.url.back() == '/') s.url.pop_back();
    return true;
  }

  bool post(const json& j, const std::string& path, Post& p) {
    if (!j.is_object()) return fail(path, std::string("expected object, got ") + j.type_name());
    if (!string(j, path, "slug", p.slug, true) || !string(j, path, "title", p.title, true) ||
        !string(j, path, "date", p.date, true) || !string(j, path, "updated", p.updated, false) ||
        !string(j, path, "summary", p.summary, false))
      return false;
    if (!valid_slug(p.slug))
      return fail(path + ".slug", "expected letters, digits, '-', '_' or '.', got \"" + p.slug + "\"");
    if (p.title.empty()) return fail(path + ".title", "must not be empty");
    auto when = parse_date(p.date);
    if (!when) return fail(path + ".date", std::string("expected ") + kDateExpectation + ", got \"" + p.date + "\"");
    p.when = *when;
    if (!p.updated.empty() && !parse_date(p.updated))
      return fail(path + ".updated", std::string("expected ") + kDateExpectation + ", got \"" + p.updated + "\"");
    if (const json* body = field(j, "body")) {
      if (!body->is_string()) return fail(path + ".body", std::string("expected string, got ") + body->type_name());
      p.body = sanitize_utf8(body->get_ref<const std::string&>());
      p.has_body = true;
    }
    if (const json* tags = field(j, "tags")) {
      if (!tags->is_array()) return fail(path + ".tags", std::string("expected array, got ") + tags->type_name());
      for (size_t i = 0; i < tags->size(); ++i) {
        const json& t = (*tags)[i];
        std::string tpath = path + ".tags[" + std::to_string(i) + "]";
        if (!t.is_string()) return fail(tpath, std::string("expected string, got ") + t.type_name());
        std::string tag = sanitize_utf8(t.get_ref<const std::string&>());
        if (tag_slug(tag).empty()) return fail(tpath, "expected a tag with a letter or digit, got \"" + tag + "\"");
        if (std::find(p.tags.begin(), p.tags.end(), tag) == p.tags.end()) p.tags.push_back(tag);
      }
    }
    if (const json* params = field(j, "params")) {
      if (!params->is_object()) return fail(path + ".params", std::string("expected object, got ") + params->type_name());
      p.params_json = params->dump(-1, ' ', false, json::error_handler_t::replace);
    }
    if (field(j, "chunk") && chunks == 0)
      return fail(path + ".chunk", "refers to a chunk, but the bundle has no \"chunks\"");
    if (!integer(j, path, "chunk", p.chunk, 0, static_cast<int>(chunks) - 1) ||
        !integer(j, path, "minutes", p.minutes, 1, 100000))
      return false;
    return true;
  }

  bool chunk_list(const json& j, std::vector<std::string>& out) {
    if (!j.is_array()) return fail("chunks", std::string("expected array, got ") + j.type_name());
    for (size_t i = 0; i < j.size(); ++i) {
      std::string cpath = "chunks[" + std::to_string(i) + "]";
      if (!j[i].is_string()) return fail(cpath, std::string("expected string, got ") + j[i].type_name());
      const std::string& c = j[i].get_ref<const std::string&>();
      if (!valid_chunk_path(c))
        return fail(cpath, "expected a relative path of letters, digits, '-', '_', '.' and '/', got \"" +
                               sanitize_utf8(c) + "\"");
      out.push_back(c);
    }
    chunks = out.size();
    return true;
  }

  size_t chunks = 0;  // how many the bundle lists
};

// The fast path's tokenizer: feeds a FastReader the events of
// nlohmann::json::sax_parse, faster, because a string without escapes is
// scanned as a run and copied once (nlohmann's lexer copies byte by byte).
// It accepts exactly JSON (RFC 8259, UTF-8 as RFC 3629, surrogates paired);
// on anything else it stops, and the checked path words the error. Nesting
// is kept on a heap stack, so no input can overflow the call stack.
class Scanner {
 public:
  explicit Scanner(std::string_view in) : p_(in.data()), end_(in.data() + in.size()) {}

  template <class Handler>
  bool run(Handler& h) {
    std::vector<char> open;  // '{' or '[' of each enclosing container
    bool want_key = false;
    for (;;) {
      skip_space();
      if (want_key) {
        if (!string() || !h.key(text_)) return false;
        skip_space();
        if (p_ == end_ || *p_ != ':') return false;
        ++p_;
        skip_space();
        want_key = false;
      }
      // A value.
      if (p_ == end_) return false;
      bool ok = true;
      switch (*p_) {
        case '{':
          ++p_;
          if (!h.start_object(std::size_t(-1))) return false;
          skip_space();
          if (p_ != end_ && *p_ == '}') {
            ++p_;
            ok = h.end_object();
            break;
          }
          open.push_back('{');
          want_key = true;
          continue;
        case '[':
          ++p_;
          if (!h.start_array(std::size_t(-1))) return false;
          skip_space();
          if (p_ != end_ && *p_ == ']') {
            ++p_;
            ok = h.end_array();
            break;
          }
          open.push_back('[');
          continue;
        case '"': ok = string() && h.string(text_); break;
        case 't': ok = literal("true") && h.boolean(true); break;
        case 'f': ok = literal("false") && h.boolean(false); break;
        case 'n': ok = literal("null") && h.null(); break;
        default: ok = number(h); break;
      }
      if (!ok) return false;
      // After a value: a comma, or the end of containers.
      for (;;) {
        skip_space();
        if (open.empty()) return p_ == end_;
        if (p_ == end_) return false;
        char c = *p_++;
        if (c == ',') {
          want_key = open.back() == '{';
          break;
        }
        if (c != (open.back() == '{' ? '}' : ']')) return false;
        bool closed = open.back() == '{' ? h.end_object() : h.end_array();
        open.pop_back();
        if (!closed) return false;
      }
    }
  }

 private:
  void skip_space() {
    while (p_ != end_ && (*p_ == ' ' || *p_ == '\n' || *p_ == '\r' || *p_ == '\t')) ++p_;
  }

  bool literal(std::string_view word) {
    if (static_cast<size_t>(end_ - p_) < word.size() || std::string_view(p_, word.size()) != word) return false;
    p_ += word.size();
    return true;
  }

  static bool in(unsigned char c, unsigned char lo, unsigned char hi) { return c >= lo && c <= hi; }

  // One UTF-8 sequence starting with a byte >= 0x80; false if ill-formed.
  bool utf8() {
    auto at = [this](long k) { return static_cast<unsigned char>(p_[k]); };
    unsigned char c = at(0);
    long left = end_ - p_;
    if (in(c, 0xC2, 0xDF)) {
      if (left < 2 || !in(at(1), 0x80, 0xBF)) return false;
      p_ += 2;
      return true;
    }
    if (in(c, 0xE0, 0xEF)) {
      unsigned char lo = c == 0xE0 ? 0xA0 : 0x80, hi = c == 0xED ? 0x9F : 0xBF;
      if (left < 3 || !in(at(1), lo, hi) || !in(at(2), 0x80, 0xBF)) return false;
      p_ += 3;
      return true;
    }
    if (in(c, 0xF0, 0xF4)) {
      unsigned char lo = c == 0xF0 ? 0x90 : 0x80, hi = c == 0xF4 ? 0x8F : 0xBF;
      if (left < 4 || !in(at(1), lo, hi) || !in(at(2), 0x80, 0xBF) || !in(at(3), 0x80, 0xBF)) return false;
      p_ += 4;
      return true;
    }
    return false;
  }

  bool hex4(unsigned& out) {
    if (end_ - p_ < 4) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      char c = *p_++;
      unsigned d = c >= '0' && c <= '9' ? unsigned(c - '0') : c >= 'a' && c <= 'f' ? unsigned(c - 'a' + 10)
                 : c >= 'A' && c <= 'F' ? unsigned(c - 'A' + 10) : 16u;
      if (d == 16) return false;
      out = out * 16 + d;
    }
    return true;
  }

  // A string at p_ (its opening quote) into text_.
  bool string() {
    if (p_ == end_ || *p_ != '"') return false;
    ++p_;
    text_.clear();
    const char* run = p_;
    for (;;) {
      while (p_ != end_) {
        auto c = static_cast<unsigned char>(*p_);
        if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80) break;
        ++p_;
      }
      if (p_ == end_) return false;
      auto c = static_cast<unsigned char>(*p_);
      if (c == '"') {
        text_.append(run, p_);
        ++p_;
        return true;
      }
      if (c < 0x20) return false;
      if (c >= 0x80) {
        if (!utf8()) return false;
        continue;
      }
      text_.append(run, p_);
      if (++p_ == end_) return false;
      switch (*p_++) {
        case '"': text_ += '"'; break;
        case '\\': text_ += '\\'; break;
        case '/': text_ += '/'; break;
        case 'b': text_ += '\b'; break;
        case 'f': text_ += '\f'; break;
        case 'n': text_ += '\n'; break;
        case 'r': text_ += '\r'; break;
        case 't': text_ += '\t'; break;
        case 'u': {
          unsigned cp = 0;
          if (!hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a lone low surrogate
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            unsigned low = 0;
            if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u') return false;
            p_ += 2;
            if (!hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          append_utf8(text_, cp);
          break;
        }
        default: return false;
      }
      run = p_;
    }
  }

  // A number, delivered as nlohmann does: a non-negative integer as
  // unsigned, a negative one as signed, anything else (or too large) as
  // a double.
  template <class Handler>
  bool number(Handler& h) {
    const char* start = p_;
    bool negative = p_ != end_ && *p_ == '-';
    if (negative) ++p_;
    auto digit = [this] { return p_ != end_ && *p_ >= '0' && *p_ <= '9'; };
    if (!digit()) return false;
    if (*p_ == '0') ++p_;
    else while (digit()) ++p_;
    bool is_float = false;
    if (p_ != end_ && *p_ == '.') {
      ++p_;
      if (!digit()) return false;
      while (digit()) ++p_;
      is_float = true;
    }
    if (p_ != end_ && (*p_ == 'e' || *p_ == 'E')) {
      ++p_;
      if (p_ != end_ && (*p_ == '+' || *p_ == '-')) ++p_;
      if (!digit()) return false;
      while (digit()) ++p_;
      is_float = true;
    }
    if (!is_float) {
      uint64_t v = 0;
      bool overflow = false;
      for (const char* d = start + (negative ? 1 : 0); d != p_; ++d) {
        unsigned digit_value = static_cast<unsigned>(*d - '0');
        if (v > (UINT64_MAX - digit_value) / 10) overflow = true;
        v = v * 10 + digit_value;
      }
      if (!overflow && !negative) return h.number_unsigned(v);
      if (!overflow && v <= uint64_t(INT64_MAX) + 1)
        return h.number_integer(v == uint64_t(INT64_MAX) + 1 ? INT64_MIN : -static_cast<int64_t>(v));
    }
    text_.assign(start, p_);
    double v = std::strtod(text_.c_str(), nullptr);
    if (!std::isfinite(v)) return false;  // nlohmann: "number overflow"
    return h.number_float(v, text_);
  }

  const char* p_;
  const char* end_;
  std::string text_;  // the current string, key or number
};

// The fast path of load_bundle(): a SAX reader writing straight into the
// Bundle, with no JSON DOM. It accepts only what Reader (above) accepts and
// gives up on anything else (any schema problem, a duplicate key): then the
// checked path reads the document again and words the error, so every
// message has one source. Valid bundles, the common case, never build a DOM.
class FastReader {
 public:
  using number_integer_t = json::number_integer_t;
  using number_unsigned_t = json::number_unsigned_t;
  using number_float_t = json::number_float_t;
  using string_t = json::string_t;
  using binary_t = json::binary_t;

  explicit FastReader(Bundle& b) : b_(b) {}

  // True when the document is a valid bundle (then b_ holds it, unindexed).
  bool finish() {
    if (gave_up_ || !format_ || !version_ || !site_ || !posts_) return false;
    for (const Post& p : b_.posts)
      if (p.chunk >= static_cast<int>(b_.chunks.size())) return false;
    std::vector<size_t> order(b_.posts.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [this](size_t x, size_t y) { return b_.posts[x].slug < b_.posts[y].slug; });
    for (size_t i = 1; i < order.size(); ++i)
      if (b_.posts[order[i]].slug == b_.posts[order[i - 1]].slug) return false;  // duplicate
    return true;
  }

  bool null() { return scalar(Kind::Null); }
  bool boolean(bool v) {
    flag_ = v;
    return scalar(Kind::Bool);
  }
  bool number_integer(number_integer_t v) {
    int_ = v;
    return scalar(Kind::Int);
  }
  bool number_unsigned(number_unsigned_t v) {
    if (in_params()) return params_->number_unsigned(v);
    int_ = v > static_cast<number_unsigned_t>(INT64_MAX) ? INT64_MAX : static_cast<int64_t>(v);
    return scalar(Kind::Int);
  }
  bool number_float(number_float_t v, const string_t& raw) {
    if (in_params()) return params_->number_float(v, raw);
    return scalar(Kind::Other);
  }
  bool string(string_t& v) {
    str_ = &v;
    return scalar(Kind::String);
  }
  bool binary(binary_t&) { return give_up(); }

  bool start_object(std::size_t n) {
    if (in_params()) return ++params_depth_, params_->start_object(n);
    if (skip_) return ++skip_, true;
    switch (at_) {
      case At::Start: at_ = At::Top; return true;
      case At::TopValue:
        if (key_ == "site") return seen(site_) && (at_ = At::Site, true);
        if (known_top()) return give_up();
        skip_ = 1;
        at_ = At::Top;
        return true;
      case At::Posts:
        b_.posts.emplace_back();
        fields_ = 0;
        at_ = At::Post;
        return true;
      case At::PostValue:
        if (key_ == "params") {
          if (!seen_field(kParams)) return false;
          params_value_ = json();
          params_.emplace(params_value_, false);
          params_depth_ = 1;
          return params_->start_object(n);
        }
        if (known_post()) return give_up();
        skip_ = 1;
        at_ = At::Post;
        return true;
      case At::SiteValue:
        if (known_site()) return give_up();
        skip_ = 1;
        at_ = At::Site;
        return true;
      default: return give_up();
    }
  }
  bool end_object() {
    if (in_params()) {
      if (!params_->end_object()) return give_up();
      if (--params_depth_ == 0) {
        b_.posts.back().params_json = params_value_.dump(-1, ' ', false, json::error_handler_t::replace);
        params_.reset();
        at_ = At::Post;
      }
      return true;
    }
    if (skip_) return --skip_, true;
    switch (at_) {
      case At::Top: at_ = At::End; return true;
      case At::Site: at_ = At::Top; return end_site();
      case At::Post: at_ = At::Posts; return end_post();
      default: return give_up();
    }
  }
  bool start_array(std::size_t n) {
    if (in_params()) return ++params_depth_, params_->start_array(n);
    if (skip_) return ++skip_, true;
    switch (at_) {
      case At::TopValue:
        if (key_ == "posts") return seen(posts_) && (at_ = At::Posts, true);
        if (key_ == "chunks") return seen(chunks_) && (at_ = At::Chunks, true);
        if (known_top()) return give_up();
        skip_ = 1;
        at_ = At::Top;
        return true;
      case At::PostValue:
        if (key_ == "tags") return seen_field(kTags) && (at_ = At::Tags, true);
        if (known_post()) return give_up();
        skip_ = 1;
        at_ = At::Post;
        return true;
      case At::SiteValue:
        if (known_site()) return give_up();
        skip_ = 1;
        at_ = At::Site;
        return true;
      default: return give_up();
    }
  }
  bool end_array() {
    if (in_params()) {
      --params_depth_;
      return params_->end_array();
    }
    if (skip_) return --skip_, true;
    switch (at_) {
      case At::Posts: at_ = At::Top; return true;
      case At::Chunks: at_ = At::Top; return true;
      case At::Tags: at_ = At::Post; return true;
      default: return give_up();
    }
  }
  bool key(string_t& k) {
    if (in_params()) return params_->key(k);
    if (skip_) return true;
    key_ = std::move(k);
    switch (at_) {
      case At::Top: at_ = At::TopValue; return true;
      case At::Site: at_ = At::SiteValue; return true;
      case At::Post: at_ = At::PostValue; return true;
      default: return give_up();
    }
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) { return give_up(); }

 private:
  enum class At { Start, Top, TopValue, Site, SiteValue, Posts, Post, PostValue, Tags, Chunks, End };
  enum class Kind { Null, Bool, Int, String, Other };
  enum Field : unsigned {
    kSlug = 1, kTitle = 2, kDate = 4, kUpdated = 8, kSummary = 16, kBody = 32, kTags = 64,
    kParams = 128, kChunk = 256, kMinutes = 512
  };

  bool give_up() {
    gave_up_ = true;
    return false;  // stops the parser
  }
  bool seen(bool& flag) {
    if (flag) return give_up();  // a duplicate key: let the checked path decide
    flag = true;
    return true;
  }
  bool seen_field(unsigned f) {
    if (fields_ & f) return give_up();
    fields_ |= f;
    return true;
  }
  bool in_params() const { return params_depth_ > 0; }
  bool known_top() const { return key_ == "format" || key_ == "version" || key_ == "site" || key_ == "posts" || key_ == "chunks"; }
  bool known_site() const { return site_index() < std::size(kSiteFields); }
  bool known_post() const {
    for (const char* k : {"slug", "title", "date", "updated", "summary", "body", "tags", "params", "chunk", "minutes"})
      if (key_ == k) return true;
    return false;
  }

  // Moves a parsed string into place; the parser has checked its UTF-8, so
  // only NUL bytes (from \u0000) still need sanitize_utf8().
  void take(std::string& out) {
    if (std::memchr(str_->data(), 0, str_->size())) out = sanitize_utf8(*str_);
    else out = std::move(*str_);
  }

  bool scalar(Kind kind) {
    if (in_params()) {
      return kind == Kind::Null ? params_->null()
             : kind == Kind::Bool ? params_->boolean(flag_)
             : kind == Kind::Int ? params_->number_integer(int_)
             : params_->string(*str_);
    }
    if (skip_) return true;
    switch (at_) {
      case At::TopValue: at_ = At::Top; return top_scalar(kind);
      case At::SiteValue: at_ = At::Site; return site_scalar(kind);
      case At::PostValue: at_ = At::Post; return post_scalar(kind);
      case At::Tags: return kind == Kind::String ? add_tag() : give_up();
      case At::Chunks:
        if (kind != Kind::String || !valid_chunk_path(*str_)) return give_up();
        b_.chunks.push_back(std::move(*str_));
        return true;
      default: return give_up();
    }
  }

  bool top_scalar(Kind kind) {
    if (key_ == "format") {
      if (!seen(format_)) return false;
      return kind == Kind::String && *str_ == "quire-bundle" ? true : give_up();
    }
    if (key_ == "version") {
      if (!seen(version_)) return false;
      return kind == Kind::Int && int_ >= 1 && int_ <= kBundleVersion ? true : give_up();
    }
    if (key_ == "chunks" && kind == Kind::Null) return seen(chunks_);
    return known_top() ? give_up() : true;  // "site"/"posts" must be containers
  }

  bool site_scalar(Kind kind) {
    Site& s = b_.site;
    if (!known_site()) return true;
    unsigned bit = 1u << site_index();
    if (site_fields_ & bit) return give_up();
    site_fields_ |= bit;
    if (kind == Kind::Null) return true;
    if (key_ == "posts_per_page" || key_ == "feed_entries") {
      if (kind != Kind::Int || int_ < 1 || int_ > 1000) return give_up();
      (key_ == "posts_per_page" ? s.posts_per_page : s.feed_entries) = static_cast<int>(int_);
      return true;
    }
    if (key_ == "unsafe_html") {
      if (kind != Kind::Bool) return give_up();
      s.unsafe_html = flag_;
      return true;
    }
    if (kind != Kind::String) return give_up();
    std::string& out = key_ == "title" ? s.title : key_ == "description" ? s.description
                       : key_ == "author" ? s.author : key_ == "url" ? s.url
                       : key_ == "base_path" ? s.base_path : key_ == "language" ? s.language : s.date_format;
    take(out);
    return true;
  }
  unsigned site_index() const {
    unsigned i = 0;
    for (const char* k : kSiteFields) {
      if (key_ == k) return i;
      ++i;
    }
    return i;
  }
  bool end_site() {
    if (!valid_base_path(b_.site.base_path)) return give_up();
    std::string& url = b_.site.url;
    while (!url.empty() && url.back() == '/') url.pop_back();
    return true;
  }

  bool post_scalar(Kind kind) {
    Post& p = b_.posts.back();
    struct Slot { const char* key; unsigned bit; std::string* out; };
    const Slot strings[] = {{"slug", kSlug, &p.slug}, {"title", kTitle, &p.title}, {"date", kDate, &p.date},
                            {"updated", kUpdated, &p.updated}, {"summary", kSummary, &p.summary},
                            {"body", kBody, &p.body}};
    for (const Slot& slot : strings) {
      if (key_ != slot.key) continue;
      if (!seen_field(slot.bit)) return false;
      if (kind == Kind::Null) {
        fields_ &= ~slot.bit;  // null is absent
        return true;
      }
      if (kind != Kind::String) return give_up();
      take(*slot.out);
      if (slot.bit == kBody) p.has_body = true;
      return true;
    }
    if (key_ == "chunk" || key_ == "minutes") {
      bool chunk = key_ == "chunk";
      if (!seen_field(chunk ? kChunk : kMinutes)) return false;
      if (kind == Kind::Null) return true;
      if (kind != Kind::Int) return give_up();
      if (chunk ? int_ < 0 || int_ > INT32_MAX : int_ < 1 || int_ > 100000) return give_up();
      (chunk ? p.chunk : p.minutes) = static_cast<int>(int_);
      return true;
    }
    if (key_ == "tags" || key_ == "params") {
      if (!seen_field(key_ == "tags" ? kTags : kParams)) return false;
      return kind == Kind::Null ? true : give_up();
    }
    return true;  // unknown key: ignored
  }

  bool add_tag() {
    Post& p = b_.posts.back();
    std::string tag;
    take(tag);
    if (tag_slug(tag).empty()) return give_up();
    if (std::find(p.tags.begin(), p.tags.end(), tag) == p.tags.end()) p.tags.push_back(std::move(tag));
    return true;
  }

  bool end_post() {
    Post& p = b_.posts.back();
    if ((fields_ & (kSlug | kTitle | kDate)) != (kSlug | kTitle | kDate)) return give_up();
    if (!valid_slug(p.slug) || p.title.empty()) return give_up();
    auto when = parse_date(p.date);
    if (!when) return give_up();
    p.when = *when;
    if (!p.updated.empty() && !parse_date(p.updated)) return give_up();
    return true;
  }

  Bundle& b_;
  At at_ = At::Start;
  std::string key_;
  int skip_ = 0;  // depth inside an ignored value
  bool gave_up_ = false, format_ = false, version_ = false, site_ = false, posts_ = false, chunks_ = false;
  unsigned site_fields_ = 0, fields_ = 0;
  // The scalar being delivered.
  bool flag_ = false;
  int64_t int_ = 0;
  string_t* str_ = nullptr;
  // A post's "params" object is built as a DOM (small) and dumped.
  json params_value_;
  std::optional<nlohmann::detail::json_sax_dom_parser<json>> params_;
  int params_depth_ = 0;
};

}  // namespace

std::string tag_slug(std::string_view tag) {
  std::string spelled;
  for (char c : tag) {
    if (c == '+') spelled += " plus ";
    else if (c == '#') spelled += " sharp ";
    else spelled += c;
  }
  return slugify(spelled);
}

int reading_minutes(const Post& post) {
  if (post.minutes > 0) return post.minutes;
  return post.has_body ? text_stats(post.body).reading_minutes : 0;
}

bool valid_slug(std::string_view slug) {
  if (slug.empty() || slug.size() > 200 || slug == "." || slug == "..") return false;
  for (char c : slug) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

bool valid_base_path(std::string_view p) {
  if (p.empty() || p.front() != '/' || p.back() != '/') return false;
  if (p.find("//") != std::string_view::npos) return false;
  for (char c : p)
    if (static_cast<unsigned char>(c) <= ' ' || c == '"' || c == '<' || c == '>' || c == '\\' ||
        c == '?' || c == '#')
      return false;
  return true;
}

bool valid_chunk_path(std::string_view p) {
  if (p.empty() || p.size() > 200 || p.front() == '/' || p.find("..") != std::string_view::npos ||
      p.find("//") != std::string_view::npos)
    return false;
  for (char c : p) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
              c == '_' || c == '.' || c == '/';
    if (!ok) return false;
  }
  return true;
}

LoadResult load_bundle(std::string_view bytes) {
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  LoadResult r;
  FastReader fast(r.bundle);
  if (Scanner(bytes).run(fast) && fast.finish()) {
    r.bundle.index();
    r.ok = true;
    return r;
  }
  return load_bundle_checked(bytes);  // words the problem
}

LoadResult load_bundle_checked(std::string_view bytes) {
  LoadResult r;
  auto fail = [&r](const char* code, std::string message) {
    r.ok = false;
    r.code = code;
    r.message = std::move(message);
    r.bundle = Bundle{};
    return std::move(r);
  };
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") bytes.remove_prefix(3);
  json doc = json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (doc.is_discarded()) {
    // Re-run with a SAX parser that records where parsing stopped.
    struct Where : nlohmann::json_sax<json> {
      std::size_t position = 0;
      std::string what;
      bool null() override { return true; }
      bool boolean(bool) override { return true; }
      bool number_integer(number_integer_t) override { return true; }
      bool number_unsigned(number_unsigned_t) override { return true; }
      bool number_float(number_float_t, const string_t&) override { return true; }
      bool string(string_t&) override { return true; }
      bool binary(binary_t&) override { return true; }
      bool start_object(std::size_t) override { return true; }
      bool key(string_t&) override { return true; }
      bool end_object() override { return true; }
      bool start_array(std::size_t) override { return true; }
      bool end_array() override { return true; }
      bool parse_error(std::size_t pos, const std::string&, const nlohmann::detail::exception& e) override {
        position = pos;
        // "[json.exception.parse_error.101] parse error at line 1, column 9:
        // syntax error while parsing value - invalid literal; last read: 'x'"
        std::string_view w = e.what();
        size_t dash = w.find(" - ");
        if (dash != std::string_view::npos) w.remove_prefix(dash + 3);
        what = sanitize_utf8(w.substr(0, 200));
        return false;
      }
    } where;
    json::sax_parse(bytes.begin(), bytes.end(), &where, nlohmann::detail::input_format_t::json, false);
    return fail("parse", "not valid JSON (syntax error at byte " + std::to_string(where.position) +
                             (where.what.empty() ? "" : ": " + where.what) + ")");
  }
  if (!doc.is_object()) return fail("format", std::string("expected a JSON object, got ") + doc.type_name());
  auto format = doc.find("format");
  if (format == doc.end() || !format->is_string() || format->get_ref<const std::string&>() != "quire-bundle")
    return fail("format", "format: expected \"quire-bundle\" (is this a Quire bundle?)");
  auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer())
    return fail("schema", "version: expected integer");
  int64_t v = version->get<int64_t>();
  if (v > kBundleVersion)
    return fail("version", "version: bundle version " + std::to_string(v) +
                               " is newer than this Quire supports (" + std::to_string(kBundleVersion) +
                               "); upgrade Quire");
  if (v < 1) return fail("version", "version: expected 1, got " + std::to_string(v));

  Reader reader;
  Bundle& b = r.bundle;
  auto site = doc.find("site");
  if (site == doc.end()) return fail("schema", "site: missing (expected object)");
  if (!reader.site(*site, b.site)) return fail("schema", reader.error);
  auto chunks = doc.find("chunks");
  if (chunks != doc.end() && !chunks->is_null() && !reader.chunk_list(*chunks, b.chunks))
    return fail("schema", reader.error);
  auto posts = doc.find("posts");
  if (posts == doc.end()) return fail("schema", "posts: missing (expected array)");
  if (!posts->is_array()) return fail("schema", std::string("posts: expected array, got ") + posts->type_name());
  b.posts.resize(posts->size());
  std::map<std::string_view, size_t> seen;
  for (size_t i = 0; i < posts->size(); ++i) {
    std::string path = "posts[" + std::to_string(i) + "]";
    if (!reader.post((*posts)[i], path, b.posts[i])) return fail("schema", reader.error);
    auto [it, fresh] = seen.emplace(b.posts[i].slug, i);
    if (!fresh)
      return fail("schema", path + ".slug: duplicate \"" + b.posts[i].slug + "\" (also posts[" +
                                std::to_string(it->second) + "])");
  }
  b.index();
  r.ok = true;
  return r;
}

void Bundle::index() {
  std::stable_sort(posts.begin(), posts.end(), [](const Post& a, const Post& b) {
    return a.when.epoch_seconds() > b.when.epoch_seconds();
  });
  tags.clear();
  months.clear();
  std::map<std::string, size_t> tag_at;  // slug -> index in tags
  for (size_t i = 0; i < posts.size(); ++i) {
    for (const std::string& t : posts[i].tags) {
      std::string s = tag_slug(t);
      auto [it, fresh] = tag_at.emplace(s, tags.size());
      if (fresh) tags.push_back(TagInfo{t, s, {}});
      auto& list = tags[it->second].posts;
      if (list.empty() || list.back() != i) list.push_back(i);
    }
    const DateTime& w = posts[i].when;
    if (months.empty() || months.back().year != w.year || months.back().month != w.month) {
      // Posts are sorted by instant; a month seen before (offsets) is merged.
      auto m = std::find_if(months.begin(), months.end(),
                            [&](const MonthInfo& x) { return x.year == w.year && x.month == w.month; });
      if (m == months.end()) {
        months.push_back(MonthInfo{w.year, w.month, {i}});
        continue;
      }
      m->posts.push_back(i);
      continue;
    }
    months.back().posts.push_back(i);
  }
  std::sort(tags.begin(), tags.end(), [](const TagInfo& a, const TagInfo& b) { return a.slug < b.slug; });
  by_slug.resize(posts.size());
  for (size_t i = 0; i < posts.size(); ++i) by_slug[i] = i;
  std::sort(by_slug.begin(), by_slug.end(), [this](size_t a, size_t b) { return posts[a].slug < posts[b].slug; });
  std::stable_sort(months.begin(), months.end(), [](const MonthInfo& a, const MonthInfo& b) {
    return a.year != b.year ? a.year > b.year : a.month > b.month;
  });
}

const Post* Bundle::find_post(std::string_view slug) const {
  if (by_slug.size() != posts.size()) {  // not indexed (yet)
    for (const Post& p : posts)
      if (p.slug == slug) return &p;
    return nullptr;
  }
  auto it = std::lower_bound(by_slug.begin(), by_slug.end(), slug,
                             [this](size_t i, std::string_view s) { return posts[i].slug < s; });
  return it != by_slug.end() && posts[*it].slug == slug ? &posts[*it] : nullptr;
}

const std::string* Bundle::missing_chunk(const Post& p) const {
  if (p.has_body || p.chunk < 0 || static_cast<size_t>(p.chunk) >= chunks.size()) return nullptr;
  return &chunks[static_cast<size_t>(p.chunk)];
}

ChunkResult add_chunk(Bundle& b, std::string_view bytes) {
  ChunkResult r;
  auto fail = [&r](const char* code, std::string message) {
    r.code = code;
    r.message = std::move(message);
    return r;
  };
  json doc = json::parse(bytes.begin(), bytes.end(), nullptr, false);
  if (doc.is_discarded()) return fail("parse", "not valid JSON");
  if (!doc.is_object()) return fail("format", std::string("expected a JSON object, got ") + doc.type_name());
  auto format = doc.find("format");
  if (format == doc.end() || !format->is_string() || format->get_ref<const std::string&>() != "quire-chunk")
    return fail("format", "format: expected \"quire-chunk\"");
  auto version = doc.find("version");
  if (version == doc.end() || !version->is_number_integer() || version->get<int64_t>() < 1)
    return fail("schema", "version: expected integer");
  if (version->get<int64_t>() > kBundleVersion)
    return fail("version", "version: chunk version " + std::to_string(version->get<int64_t>()) +
                               " is newer than this Quire supports; upgrade Quire");
  auto posts = doc.find("posts");
  if (posts == doc.end() || !posts->is_array()) return fail("schema", "posts: expected array");
  std::vector<std::pair<Post*, std::string>> bodies;
  for (size_t i = 0; i < posts->size(); ++i) {
    const json& j = (*posts)[i];
    std::string path = "posts[" + std::to_string(i) + "]";
    if (!j.is_object()) return fail("schema", path + ": expected object, got " + j.type_name());
    auto slug = j.find("slug");
    auto body = j.find("body");
    if (slug == j.end() || !slug->is_string()) return fail("schema", path + ".slug: expected string");
    if (body == j.end() || !body->is_string()) return fail("schema", path + ".body: expected string");
    const Post* p = b.find_post(slug->get_ref<const std::string&>());
    if (!p) return fail("schema", path + ".slug: no post \"" + sanitize_utf8(slug->get_ref<const std::string&>()) +
                                      "\" in the bundle");
    bodies.emplace_back(const_cast<Post*>(p), sanitize_utf8(body->get_ref<const std::string&>()));
  }
  for (auto& [p, text] : bodies) {
    if (p->has_body) continue;
    p->body = std::move(text);
    p->has_body = true;
    ++r.bodies;
  }
  r.ok = true;
  return r;
}

const TagInfo* Bundle::find_tag(std::string_view slug) const {
  auto it = std::lower_bound(tags.begin(), tags.end(), slug,
                             [](const TagInfo& t, std::string_view s) { return t.slug < s; });
  return it != tags.end() && it->slug == slug ? &*it : nullptr;
}

const MonthInfo* Bundle::find_month(int year, int month) const {
  for (const MonthInfo& m : months)
    if (m.year == year && m.month == month) return &m;
  return nullptr;
}

namespace {

json site_json(const Site& s) {
  return {{"title", s.title},
          {"description", s.description},
          {"author", s.author},
          {"url", s.url},
          {"base_path", s.base_path},
          {"language", s.language},
          {"posts_per_page", s.posts_per_page},
          {"date_format", s.date_format},
          {"unsafe_html", s.unsafe_html},
          {"feed_entries", s.feed_entries}};
}

// A post's entry; without its body when `chunk` >= 0 (the split form).
json post_json(const Post& p, int chunk) {
  json j = {{"slug", p.slug}, {"title", p.title}, {"date", p.date}, {"tags", p.tags}, {"summary", p.summary}};
  if (!p.updated.empty()) j["updated"] = p.updated;
  // Reading time travels with every post, so that lists never parse bodies.
  if (int minutes = reading_minutes(p)) j["minutes"] = minutes;
  if (chunk >= 0) j["chunk"] = chunk;
  else if (p.has_body) j["body"] = p.body;
  if (!p.params_json.empty()) {
    json params = json::parse(p.params_json, nullptr, false);
    if (params.is_object()) j["params"] = std::move(params);
  }
  return j;
}

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// FNV-1a, 64 bits, as hex: names a chunk by its content (not a security hash:
// it only has to change when the content does).
std::string content_hash(std::string_view data) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : data) {
    h ^= c;
    h *= 1099511628211ull;
  }
  static const char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = digits[h & 15];
  return out;
}

}  // namespace

SplitBundle write_split_bundle(const Bundle& b, std::string_view chunk_dir, size_t per_chunk) {
  SplitBundle out;
  per_chunk = std::max<size_t>(1, per_chunk);
  const size_t n = b.posts.size();
  std::vector<int> chunk_of(n, -1);
  // Posts are newest first; chunk k holds the k-th group counted from the oldest.
  for (size_t start = 0; start < n; start += per_chunk) {
    json bodies = json::array();
    for (size_t k = start; k < std::min(n, start + per_chunk); ++k) {
      const Post& p = b.posts[n - 1 - k];
      chunk_of[n - 1 - k] = static_cast<int>(out.chunks.size());
      bodies.push_back({{"slug", p.slug}, {"body", p.body}});
    }
    std::string text = dump({{"format", "quire-chunk"}, {"version", kBundleVersion}, {"posts", std::move(bodies)}});
    std::string path = std::string(chunk_dir) + content_hash(text) + ".json";
    out.chunks.push_back({std::move(path), std::move(text)});
  }
  json chunks = json::array();
  for (const auto& c : out.chunks) chunks.push_back(c.path);
  json posts = json::array();
  for (size_t i = 0; i < n; ++i) posts.push_back(post_json(b.posts[i], chunk_of[i]));
  out.index = dump({{"format", "quire-bundle"}, {"version", kBundleVersion}, {"site", site_json(b.site)},
                    {"chunks", std::move(chunks)}, {"posts", std::move(posts)}});
  return out;
}

std::string write_bundle_json(const Bundle& b) {
  json posts = json::array();
  for (const Post& p : b.posts) posts.push_back(post_json(p, -1));
  return dump({{"format", "quire-bundle"}, {"version", kBundleVersion}, {"site", site_json(b.site)},
               {"posts", std::move(posts)}});
}

}  // namespace quire
