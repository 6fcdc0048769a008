// Target "content": front matter and site.yaml (src/build/content.hpp). An
// input starting with "---" is a post (parse_post), anything else a
// site.yaml (parse_site_yaml). Checks: never a crash or an exception; every
// diagnostic names the file, has a line within the input and a message in
// valid UTF-8; a post or site the build accepts holds valid values (slug,
// title, date, base_path, ranges), and what the build then writes into the
// bundle, the browser's loader accepts with the same values.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "build/content.hpp"
#include "core/bundle.hpp"
#include "fuzz_check.hpp"

namespace {

using quire::fuzz::excerpt;
using quire::fuzz::valid_utf8;

const std::string kPostFile = "content/posts/2024-05-02-fuzz.md";
const std::string kSiteFile = "content/site.yaml";

void check_diagnostics(const std::vector<quire::Diagnostic>& list, const std::string& file, std::string_view input) {
  const int lines = static_cast<int>(std::count(input.begin(), input.end(), '\n') +
                                     std::count(input.begin(), input.end(), '\r')) + 1;
  for (const quire::Diagnostic& d : list) {
    FUZZ_CHECK(d.file == file, "a diagnostic names another file: " + d.file);
    FUZZ_CHECK(d.line >= 0 && d.line <= lines, "line " + std::to_string(d.line) + " of a " + std::to_string(lines) +
                                                   "-line input: " + excerpt(d.message));
    FUZZ_CHECK(!d.message.empty() && valid_utf8(d.message), "an empty or invalid UTF-8 message: " + excerpt(d.message));
  }
}

// The text a loaded bundle gives for `s`: NUL becomes U+FFFD there.
// Known (issue 20, item 6, being fixed on another branch): YAML escapes
// ("a\0b") let NUL into an accepted post, which the loader turns into
// U+FFFD; compared modulo that until the build refuses or replaces it.
std::string as_loaded(std::string_view s) {
  std::string out;
  for (const char c : s) {
    if (c == '\0') out += "\xEF\xBF\xBD";
    else out += c;
  }
  return out;
}

// The known YAML alias problem (issue 20, item 3, being fixed on another
// branch): `&a [*a]` recurses without end and nested aliases expand
// exponentially. Until aliases are refused or capped, a YAML text with both
// an anchor and an alias is not fuzzed.
bool has_anchor_and_alias(std::string_view yaml) {
  return yaml.find('&') != std::string_view::npos && yaml.find('*') != std::string_view::npos;
}

void fuzz_post(std::string_view input) {
  const size_t close = input.find("\n---", 3);
  if (has_anchor_and_alias(input.substr(0, close))) return;
  std::vector<quire::Diagnostic> errors, warnings;
  const quire::ParsedPost parsed = quire::parse_post(input, kPostFile, errors, warnings);
  check_diagnostics(errors, kPostFile, input);
  check_diagnostics(warnings, kPostFile, input);
  FUZZ_CHECK(parsed.ok == errors.empty(), "ok is " + std::string(parsed.ok ? "true" : "false") + " with " +
                                              std::to_string(errors.size()) + " errors");
  if (!parsed.ok) return;
  const quire::Post& p = parsed.post;
  FUZZ_CHECK(quire::valid_slug(p.slug), "accepted slug " + excerpt(p.slug.view()));
  FUZZ_CHECK(!p.title.empty(), "accepted an empty title");
  FUZZ_CHECK(quire::parse_date(p.date).has_value(), "accepted date " + excerpt(p.date.view()));
  FUZZ_CHECK(p.updated.empty() || quire::parse_date(p.updated).has_value(), "accepted updated " + excerpt(p.updated.view()));
  for (const std::string_view s : {p.title.view(), p.summary.view(), p.body.view()})
    FUZZ_CHECK(valid_utf8(s), "accepted text not valid UTF-8: " + excerpt(s));
  for (const quire::Text& t : p.tags) FUZZ_CHECK(!quire::tag_slug(t).empty(), "accepted tag " + excerpt(t.view()));

  quire::Bundle bundle;
  bundle.posts.push_back(p);
  bundle.index();
  const std::string json = quire::write_bundle_json(bundle);
  const quire::LoadResult loaded = quire::load_bundle(json);
  FUZZ_CHECK(loaded.ok, "the build accepts a post whose bundle the loader refuses: " + loaded.message +
                            "\n  " + excerpt(json));
  const quire::Post& q = loaded.bundle.posts.at(0);
  FUZZ_CHECK(q.slug == p.slug, "slug changed by the bundle");
  FUZZ_CHECK(q.title == as_loaded(p.title), "title changed by the bundle: " + excerpt(p.title.view()) + " vs " +
                                                  excerpt(q.title.view()));
  FUZZ_CHECK(q.date == p.date, "date changed by the bundle");
  FUZZ_CHECK(q.summary == as_loaded(p.summary), "summary changed by the bundle");
  FUZZ_CHECK(q.body == as_loaded(p.body), "body changed by the bundle");
  FUZZ_CHECK(q.tags.size() == p.tags.size(), "tags changed by the bundle");
}

void fuzz_site(std::string_view input) {
  if (has_anchor_and_alias(input)) return;
  std::vector<quire::Diagnostic> errors, warnings;
  quire::Site site;
  quire::parse_site_yaml(input, kSiteFile, site, errors, warnings);
  check_diagnostics(errors, kSiteFile, input);
  check_diagnostics(warnings, kSiteFile, input);
  if (!errors.empty()) return;
  FUZZ_CHECK(quire::valid_base_path(site.base_path), "accepted base_path " + excerpt(site.base_path));
  FUZZ_CHECK(site.posts_per_page >= 1 && site.posts_per_page <= 1000, "posts_per_page " + std::to_string(site.posts_per_page));
  FUZZ_CHECK(site.feed_entries >= 1 && site.feed_entries <= 1000, "feed_entries " + std::to_string(site.feed_entries));
  FUZZ_CHECK(site.split_bundle_over >= 0, "split_bundle_over " + std::to_string(site.split_bundle_over));
  for (const std::string& s : {site.title, site.description, site.author, site.url, site.language, site.date_format})
    FUZZ_CHECK(valid_utf8(s), "accepted site text not valid UTF-8: " + excerpt(s));

  quire::Bundle bundle;
  bundle.site = site;
  const std::string json = quire::write_bundle_json(bundle);
  const quire::LoadResult loaded = quire::load_bundle(json);
  FUZZ_CHECK(loaded.ok, "the build accepts a site.yaml whose bundle the loader refuses: " + loaded.message +
                            "\n  " + excerpt(json));
  const quire::Site& s = loaded.bundle.site;
  FUZZ_CHECK(s.title == as_loaded(site.title), "site title changed by the bundle");
  FUZZ_CHECK(s.url == site.url, "site url changed by the bundle: " + excerpt(site.url) + " vs " + excerpt(s.url));
  FUZZ_CHECK(s.base_path == site.base_path, "base_path changed by the bundle");
  FUZZ_CHECK(s.language == as_loaded(site.language), "language changed by the bundle");
  FUZZ_CHECK(s.date_format == as_loaded(site.date_format), "date_format changed by the bundle");
  FUZZ_CHECK(s.posts_per_page == site.posts_per_page && s.feed_entries == site.feed_entries &&
                 s.unsafe_html == site.unsafe_html,
             "site numbers changed by the bundle");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  if (input.substr(0, 3) == "---") fuzz_post(input);
  else fuzz_site(input);
  return 0;
}
