#include "core/image_sizes.hpp"

#include <algorithm>

namespace quire {
namespace {

// A whole number 1..kMaxImageSide from `at` up to a space; false otherwise.
bool read_side(std::string_view line, std::size_t& at, unsigned& out) {
  unsigned v = 0;
  const std::size_t start = at;
  while (at < line.size() && line[at] >= '0' && line[at] <= '9') {
    v = v * 10 + static_cast<unsigned>(line[at] - '0');
    if (v > kMaxImageSide) return false;
    ++at;
  }
  if (at == start || v == 0 || at >= line.size() || line[at] != ' ') return false;
  ++at;
  out = v;
  return true;
}

}  // namespace

ImageSizes::ImageSizes(std::string_view text) {
  while (!text.empty()) {
    const std::size_t end = std::min(text.find('\n'), text.size());
    const std::string_view line = text.substr(0, end);
    text.remove_prefix(std::min(end + 1, text.size()));
    std::size_t at = 0;
    Entry e;
    if (read_side(line, at, e.size.width) && read_side(line, at, e.size.height) && at < line.size()) {
      e.src = line.substr(at);
      entries_.push_back(e);
    }
  }
}

const ImageSize* ImageSizes::find(std::string_view src) const {
  for (const Entry& e : entries_)
    if (e.src == src) return &e.size;
  return nullptr;
}

void append_image_size(std::string& out, std::string_view src, ImageSize size) {
  out += std::to_string(size.width);
  out += ' ';
  out += std::to_string(size.height);
  out += ' ';
  out += src;
  out += '\n';
}

}  // namespace quire
