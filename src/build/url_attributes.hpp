// The URLs of an HTML fragment's start tags: each href, src and srcset
// attribute's value, as rendered markdown (or raw HTML kept as written)
// carries them.
// Text between tags is escaped by the renderer ('<' as &lt;), so every '<'
// left opens a tag, a comment or a declaration; comments, end tags and the
// text of raw-text elements (<script>, <style>..., which only unsafe_html
// lets through) are skipped whole, and so is code that looks like a tag.
// The feeds make these URLs absolute (feeds.hpp); the build checks that the
// local ones lead somewhere (link_check.hpp).
#pragma once

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace quire {

// Calls `visit` with each value's place in `html`: [value_at, value_end),
// quotes excluded, entities not decoded, and the element's and the
// attribute's names in lower case ("img", "srcset": a list of candidates,
// "a.png 2x, b.png 800w").
void for_each_url_attribute(
    std::string_view html,
    const std::function<void(std::string_view element, std::string_view attribute, size_t value_at, size_t value_end)>& visit);

// The URLs of a srcset value: each candidate's, its descriptor ("2x",
// "800w") aside ("/a.png 2x, /b.png" gives /a.png and /b.png).
std::vector<std::string> srcset_urls(std::string_view srcset);

}  // namespace quire
