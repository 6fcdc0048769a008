#include "core/toc.hpp"

#include <algorithm>
#include <string_view>

#include "core/html.hpp"
#include "core/math.hpp"  // params_flag

namespace quire {


std::string table_of_contents(const Site& site, const Post& post, const std::vector<HeadingEntry>& headings) {
  if (headings.empty()) return {};
  int top = 6;
  for (const HeadingEntry& h : headings) top = std::min(top, h.level);
  const auto listed = [top](const HeadingEntry& h) { return h.level <= top + 1; };
  const long count = std::count_if(headings.begin(), headings.end(), listed);
  const int wanted = params_flag(post, "toc");  // front matter's `toc`
  if (wanted == 0) return {};
  if (wanted < 0 && (site.toc_min_headings <= 0 || count < site.toc_min_headings)) return {};
  Html h;
  h.raw("<nav class=\"toc\" aria-labelledby=\"quire-toc\">\n<h2 id=\"quire-toc\">Contents</h2>\n<ol>\n");
  bool item_open = false, sub_open = false;
  for (const HeadingEntry& e : headings) {
    if (!listed(e)) continue;
    const bool sub = e.level > top && item_open;  // a sub-heading before any heading is listed as one
    if (sub) {
      if (!sub_open) h.raw("\n<ol>\n");
      sub_open = true;
    } else {
      if (sub_open) h.raw("</ol>\n");
      if (item_open) h.raw("</li>\n");
      sub_open = false;
      item_open = true;
    }
    h.raw("<li><a href=\"#").raw(e.id).raw("\">").text(e.text).raw("</a>");
    if (sub) h.raw("</li>\n");
  }
  if (sub_open) h.raw("</ol>\n");
  if (item_open) h.raw("</li>\n");
  h.raw("</ol>\n</nav>\n");
  return h.take();
}

}  // namespace quire
