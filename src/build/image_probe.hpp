// Image probing: the intrinsic size of a post's local images, read from the
// files' headers at build time, for core/image_sizes.hpp (width and height
// on <img>, so that pages do not shift as images load).
//
// Formats: PNG (IHDR), GIF (logical screen), JPEG (the first SOFn marker),
// WebP (VP8, VP8L and VP8X chunks), AVIF (the ispe property of the ISO-BMFF
// meta box, first one found, rotation ignored), SVG (the root element's
// width and height in px or unitless, else its viewBox). Every reader works
// on bytes that may be truncated or hostile: bounds are checked at each
// read, nothing loops without advancing, and a header that does not read
// gives no size (std::nullopt), never a guess. Sizes are 1..kMaxImageSide.
//
// Which files: an image's src as the markdown writes it. Root-relative
// ("/images/a.png", or under base_path "/blog/images/a.png") is looked up
// in content/static; relative ("a.png", "./img/a.png") among the post's own
// page-bundle files. URLs with a scheme, "//host", queries aside, and files
// that do not exist get no size (the browser sizes them as before).
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "build/discover.hpp"
#include "core/image_sizes.hpp"

namespace quire {

// The size in an image file's bytes (its first bytes may be enough).
std::optional<ImageSize> probe_image(std::string_view bytes);

// The "images" text of core/image_sizes.hpp for a post's markdown: each
// local image it shows whose size can be read, once.
std::string read_image_sizes(std::string_view markdown, const std::filesystem::path& static_dir,
                             const std::vector<PostFile>& post_files, std::string_view base_path);

}  // namespace quire
