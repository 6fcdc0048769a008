#include "build/pages_content.hpp"

#include <algorithm>

#include "build/fsutil.hpp"
#include "build/html_sanitizer.hpp"
#include "highlight/highlight.hpp"

namespace quire {
namespace fs = std::filesystem;

void load_pages(const fs::path& dir, Bundle& b, std::vector<std::string>& files, std::vector<Diagnostic>& errors,
                std::vector<Diagnostic>& warnings) {
  std::error_code ec;
  std::vector<fs::path> found;
  if (fs::is_directory(dir / "pages", ec))
    for (const auto& e : fs::directory_iterator(dir / "pages", ec)) {
      if (e.is_regular_file() && (e.path().extension() == ".md" || e.path().extension() == ".markdown"))
        found.push_back(e.path());
      else if (e.path().filename().string()[0] != '.')  // said, never lost without a word
        warnings.push_back({e.path().string(), 0, std::string(e.is_directory() ? "a folder" : "a file") +
                                                      " in pages/ that is no page: pages are pages/<name>.md; "
                                                      "their images go in static/ (static/<name>/ for /<name>/)"});
    }
  std::sort(found.begin(), found.end());
  for (const fs::path& f : found) {
    std::string text;
    if (!read_file(f, text)) {
      errors.push_back({f.string(), 0, "cannot read file"});
      continue;
    }
    std::vector<Diagnostic> own;
    PostSettings settings;
    settings.name = f.stem().string();  // the slug from the file name, whatever its extension
    settings.time_zone = b.site.timezone;
    settings.date_required = false;  // a page needs no date
    ParsedPost pp = parse_post(text, f.string(), own, warnings, settings);
    if (!own.empty()) {
      errors.insert(errors.end(), own.begin(), own.end());
      continue;
    }
    if (pp.draft) continue;
    // Raw HTML through the allow-list, as a post's (html_sanitizer.hpp).
    const std::string before = pp.post.body.str();
    sanitize_post_html(pp.post, b.site, f.string(), pp.body_line, warnings);
    if (pp.post.body.view() != before) pp.post.code_json = highlight::highlight_markdown(pp.post.body);
    b.pages.push_back(std::move(pp.post));
    files.push_back(f.string());
  }
  const std::string site_file = (dir / "site.yaml").string();
  for (const MenuEntry& e : b.site.menu) {
    if (e.kind != "page") continue;
    const bool there = std::any_of(b.pages.begin(), b.pages.end(), [&](const Post& p) { return p.slug == e.target; });
    if (!there)
      errors.push_back({site_file, 0, "menu: \"" + e.title + "\" names the page \"" + e.target +
                                          "\", which content/pages/ does not have (a file " + e.target + ".md)"});
  }
}

}  // namespace quire
