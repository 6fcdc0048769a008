// Local links that lead nowhere (build only; warnings, never errors): a
// post's or page's images and links into its own site ("/cat.png",
// "diagram.svg", "/notes/talk.pdf", "/about/") that no file of the output
// answers, neither one the build writes (a page, a redirect, a feed, the
// app's) nor one it copies (content/static/, a page bundle's files). A blog
// moved in whose images a bundler had put at the site's root, outside the
// old engine (css-irl's package.json copied src/images/* there), lost 320
// of them without a word.
//
// The post is read as the reader gets it: its markdown rendered (its raw
// HTML through the allow-list already), every href and src of its tags
// (url_attributes.hpp), its summary aside. URLs with a scheme, "//host",
// and "#x" or "?q" alone are not the site's; a root-relative URL is under
// base_path (the renderer put it there), a relative one is resolved against
// the page's own folder, as a browser does; queries and fragments aside,
// percent-escapes decoded, as a host looks the file up. The addresses that
// answer are gathered once into a set (no file system look-up a link): a
// folder answers for its index.html and a path without its slash for the
// folder. An address the router reads that is no file (a tag combination,
// /tags/a+b/, that the app renders) is asked of the bundle.
//
// One warning a file, at the line of its first such link (found in the
// file's text), naming the first few.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "build/content.hpp"
#include "build/discover.hpp"
#include "core/bundle.hpp"

namespace quire {

// Each such warning starts so: "local links: 2 lead to no file or page of
// the built site: image /cat.png (line 8), link /notes/ (line 12)".
inline constexpr const char* kLocalLinksWarning = "local links: ";

// `post_sources` and `page_sources`: the file of each bundle.posts[i] and
// bundle.pages[i] ("" when not known: not checked).
void check_local_links(const Bundle& bundle, const std::filesystem::path& static_dir,
                       const std::vector<PostFile>& post_files, const std::vector<std::string>& post_sources,
                       const std::vector<std::string>& page_sources, std::vector<Diagnostic>& warnings);

}  // namespace quire
