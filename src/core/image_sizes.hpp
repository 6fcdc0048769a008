// Image sizes: the width and height of a post's local images, read at build
// time (build/image_probe.hpp reads the files) and carried in the bundle
// beside the body (a post's "images"), so that the core writes width and
// height on each <img> in the build's pages and in the browser alike
// (byte-identical), and the page does not shift as images arrive.
// Format, compact and read without a JSON parser: one line per image,
// "<width> <height> <src>\n", src as the markdown gives it (entities
// decoded, before base_path or any resolution), width and height whole
// numbers of CSS pixels from 1 to 100000. Lines that do not read so are
// ignored (a tampered bundle loses sizes, nothing else).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quire {

struct ImageSize {
  unsigned width = 0, height = 0;
};

class ImageSizes {
 public:
  ImageSizes() = default;
  // Views `text`, which must outlive this.
  explicit ImageSizes(std::string_view text);
  // The size of the image written as `src`, or null.
  const ImageSize* find(std::string_view src) const;
  bool empty() const { return entries_.empty(); }

 private:
  struct Entry {
    std::string_view src;
    ImageSize size;
  };
  std::vector<Entry> entries_;
};

inline constexpr unsigned kMaxImageSide = 100000;

// One line of the format above (src must not hold a line break).
void append_image_size(std::string& out, std::string_view src, ImageSize size);

}  // namespace quire
