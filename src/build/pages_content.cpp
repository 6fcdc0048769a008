#include "build/pages_content.hpp"

#include <algorithm>

#include "build/fsutil.hpp"

namespace quire {
namespace fs = std::filesystem;

void load_pages(const fs::path& dir, Bundle& b, std::vector<std::string>& files, std::vector<Diagnostic>& errors,
                std::vector<Diagnostic>& warnings) {
  std::error_code ec;
  std::vector<fs::path> found;
  if (fs::is_directory(dir / "pages", ec))
    for (const auto& e : fs::directory_iterator(dir / "pages", ec))
      if (e.is_regular_file() && (e.path().extension() == ".md" || e.path().extension() == ".markdown"))
        found.push_back(e.path());
  std::sort(found.begin(), found.end());
  for (const fs::path& f : found) {
    std::string text;
    if (!read_file(f, text)) {
      errors.push_back({f.string(), 0, "cannot read file"});
      continue;
    }
    std::vector<Diagnostic> own;
    ParsedPost pp = parse_post(text, f.string(), own, warnings);
    // A page needs no date.
    own.erase(std::remove_if(own.begin(), own.end(),
                             [](const Diagnostic& d) { return d.message.rfind("date: missing", 0) == 0; }),
              own.end());
    if (!own.empty()) {
      errors.insert(errors.end(), own.begin(), own.end());
      continue;
    }
    if (pp.draft) continue;
    // A slug from the file name, whatever its extension (.markdown too).
    if (pp.slug_line == 1 && !pp.post.slug.empty()) pp.post.slug = default_slug(f.stem().string() + ".md");
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
