#include "build/image_probe.hpp"

#include <cmath>
#include <cstdint>
#include <fstream>
#include <set>

#include "core/markdown.hpp"

namespace quire {
namespace fs = std::filesystem;
namespace {

// Bytes read from a file: enough for any header we read (a JPEG's frame
// header follows its metadata, which is rarely this long).
constexpr std::size_t kProbeBytes = 1 << 20;

std::optional<ImageSize> sized(std::uint64_t w, std::uint64_t h) {
  if (w == 0 || h == 0 || w > kMaxImageSide || h > kMaxImageSide) return std::nullopt;
  return ImageSize{static_cast<unsigned>(w), static_cast<unsigned>(h)};
}

std::uint32_t u8(std::string_view b, std::size_t at) { return static_cast<unsigned char>(b[at]); }
std::uint32_t be16(std::string_view b, std::size_t at) { return u8(b, at) << 8 | u8(b, at + 1); }
std::uint32_t le16(std::string_view b, std::size_t at) { return u8(b, at) | u8(b, at + 1) << 8; }
std::uint32_t le24(std::string_view b, std::size_t at) { return le16(b, at) | u8(b, at + 2) << 16; }
std::uint32_t be32(std::string_view b, std::size_t at) { return be16(b, at) << 16 | be16(b, at + 2); }

std::optional<ImageSize> png(std::string_view b) {
  if (b.size() < 24 || b.substr(12, 4) != "IHDR") return std::nullopt;
  return sized(be32(b, 16), be32(b, 20));
}

std::optional<ImageSize> gif(std::string_view b) {
  if (b.size() < 10) return std::nullopt;
  return sized(le16(b, 6), le16(b, 8));
}

// Segments from the start of image on, to the first frame header (SOF0..15
// but DHT C4, JPG C8 and DAC CC).
std::optional<ImageSize> jpeg(std::string_view b) {
  std::size_t i = 2;
  while (i + 4 <= b.size()) {
    if (u8(b, i) != 0xFF) return std::nullopt;
    const std::uint32_t marker = u8(b, i + 1);
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {  // no length
      i += 2;
      continue;
    }
    const std::uint32_t length = be16(b, i + 2);
    if (length < 2) return std::nullopt;
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      if (i + 9 > b.size()) return std::nullopt;
      return sized(be16(b, i + 7), be16(b, i + 5));  // precision, height, width
    }
    i += 2 + length;
  }
  return std::nullopt;
}

std::optional<ImageSize> webp(std::string_view b) {
  if (b.size() < 30) return std::nullopt;
  const std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8 ") {  // lossy: a key frame's start code, then 14-bit sides
    if (u8(b, 23) != 0x9D || u8(b, 24) != 0x01 || u8(b, 25) != 0x2A) return std::nullopt;
    return sized(le16(b, 26) & 0x3FFF, le16(b, 28) & 0x3FFF);
  }
  if (chunk == "VP8L") {  // lossless: signature 0x2F, then sides - 1 in 14 bits each
    if (u8(b, 20) != 0x2F) return std::nullopt;
    const std::uint32_t bits = le16(b, 21) | le16(b, 23) << 16;
    return sized((bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1);
  }
  if (chunk == "VP8X") return sized(le24(b, 24) + 1, le24(b, 27) + 1);  // extended: the canvas
  return std::nullopt;
}

// ISO-BMFF boxes in b[begin, end): the first "ispe" (image spatial extent)
// inside meta > iprp > ipco.
std::optional<ImageSize> ispe(std::string_view b, std::size_t begin, std::size_t end, int depth) {
  if (depth > 4) return std::nullopt;
  std::size_t i = begin;
  while (i + 8 <= end) {
    std::uint64_t size = be32(b, i);
    std::size_t header = 8;
    if (size == 1) {  // 64-bit size
      if (i + 16 > end) return std::nullopt;
      size = static_cast<std::uint64_t>(be32(b, i + 8)) << 32 | be32(b, i + 12);
      header = 16;
    } else if (size == 0) {  // to the end
      size = end - i;
    }
    if (size < header || size > end - i) return std::nullopt;
    const std::string_view type = b.substr(i + 4, 4);
    const std::size_t content = i + header, box_end = i + static_cast<std::size_t>(size);
    if (type == "ispe") {
      if (content + 12 > box_end) return std::nullopt;
      return sized(be32(b, content + 4), be32(b, content + 8));  // after version and flags
    }
    if (type == "meta" || type == "iprp" || type == "ipco") {
      const std::size_t inner = type == "meta" ? content + 4 : content;  // meta is a full box
      if (inner <= box_end)
        if (auto found = ispe(b, inner, box_end, depth + 1)) return found;
    }
    i = box_end;
  }
  return std::nullopt;
}

std::optional<ImageSize> avif(std::string_view b) {
  const std::size_t ftyp = be32(b, 0);
  if (ftyp < 16 || ftyp > b.size()) return std::nullopt;
  const std::string_view brands = b.substr(8, ftyp - 8);
  if (brands.find("avif") == std::string_view::npos && brands.find("avis") == std::string_view::npos)
    return std::nullopt;
  return ispe(b, 0, b.size(), 0);
}

// A length in CSS pixels: a number, unitless or "px". Others (%, em) are not
// read.
std::optional<double> svg_length(std::string_view v) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  if (v.size() > 2 && v.substr(v.size() - 2) == "px") v.remove_suffix(2);
  if (v.empty() || v.size() > 32) return std::nullopt;
  std::size_t digits = 0, dots = 0;
  for (const char c : v) {
    if (c >= '0' && c <= '9') ++digits;
    else if (c == '.') ++dots;
    else return std::nullopt;
  }
  if (digits == 0 || dots > 1) return std::nullopt;
  return std::stod(std::string(v));
}

// viewBox="min-x min-y width height": its width and height.
bool svg_view_box(std::string_view v, double& w, double& h) {
  double n[4];
  int count = 0;
  std::size_t i = 0;
  while (count < 4) {
    while (i < v.size() && (v[i] == ' ' || v[i] == ',' || v[i] == '\t' || v[i] == '\n')) ++i;
    const std::size_t start = i;
    if (i < v.size() && v[i] == '-') ++i;
    while (i < v.size() && ((v[i] >= '0' && v[i] <= '9') || v[i] == '.')) ++i;
    const std::string_view number = v.substr(start, i - start);
    if (number.empty() || number == "-" || number.size() > 32) return false;
    const auto value = svg_length(number.front() == '-' ? number.substr(1) : number);
    if (!value) return false;
    n[count++] = number.front() == '-' ? -*value : *value;
  }
  w = n[2];
  h = n[3];
  return w > 0 && h > 0;
}

std::optional<ImageSize> svg(std::string_view b) {
  std::size_t at = 0;
  for (;;) {  // the root element: "<svg" followed by a space, '/' or '>'
    at = b.find("<svg", at);
    if (at == std::string_view::npos || at + 4 >= b.size()) return std::nullopt;
    const char next = b[at + 4];
    if (next == ' ' || next == '\t' || next == '\n' || next == '\r' || next == '>' || next == '/') break;
    at += 4;
  }
  std::size_t i = at + 4;
  std::optional<double> width, height;
  double box_w = 0, box_h = 0;
  bool box = false;
  auto space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  while (i < b.size()) {
    while (i < b.size() && space(b[i])) ++i;
    if (i >= b.size() || b[i] == '>' || b[i] == '/') break;
    const std::size_t name_at = i;
    while (i < b.size() && !space(b[i]) && b[i] != '=' && b[i] != '>' && b[i] != '/') ++i;
    const std::string_view name = b.substr(name_at, i - name_at);
    while (i < b.size() && space(b[i])) ++i;
    if (i >= b.size() || b[i] != '=') continue;  // an attribute without a value
    ++i;
    while (i < b.size() && space(b[i])) ++i;
    if (i >= b.size() || (b[i] != '"' && b[i] != '\'')) return std::nullopt;
    const char quote = b[i++];
    const std::size_t close = b.find(quote, i);
    if (close == std::string_view::npos) return std::nullopt;
    const std::string_view value = b.substr(i, close - i);
    i = close + 1;
    if (name == "width") width = svg_length(value);
    else if (name == "height") height = svg_length(value);
    else if (name == "viewBox") box = svg_view_box(value, box_w, box_h);
  }
  double w = 0, h = 0;
  if (width && height) w = *width, h = *height;
  else if (box && width) w = *width, h = *width * box_h / box_w;
  else if (box && height) w = *height * box_w / box_h, h = *height;
  else if (box) w = box_w, h = box_h;
  if (!(w >= 0.5 && h >= 0.5 && w <= kMaxImageSide && h <= kMaxImageSide)) return std::nullopt;
  return sized(static_cast<std::uint64_t>(std::lround(w)), static_cast<std::uint64_t>(std::lround(h)));
}

bool starts(std::string_view b, std::string_view prefix) { return b.substr(0, prefix.size()) == prefix; }

// "%20" and the like decoded; false for a bad escape or a NUL.
bool percent_decode(std::string_view in, std::string& out) {
  auto hex = [](char c) {
    return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  };
  for (std::size_t i = 0; i < in.size(); ++i) {
    if (in[i] != '%') {
      out += in[i];
      continue;
    }
    if (i + 2 >= in.size() || hex(in[i + 1]) < 0 || hex(in[i + 2]) < 0) return false;
    const char c = static_cast<char>(hex(in[i + 1]) * 16 + hex(in[i + 2]));
    if (c == '\0') return false;
    out += c;
    i += 2;
  }
  return true;
}

// The file an image's src names, or an empty path.
fs::path local_file(std::string_view src, const fs::path& static_dir, const std::vector<PostFile>& post_files,
                    std::string_view base_path) {
  if (starts(src, "//")) return {};
  const std::size_t colon = src.find(':'), slash = src.find('/');
  if (colon != std::string_view::npos && (slash == std::string_view::npos || colon < slash)) return {};  // a scheme
  src = src.substr(0, src.find_first_of("?#"));
  std::string path;
  if (src.empty() || !percent_decode(src, path)) return {};
  // No way out of the folder: no ".." segment, no backslash.
  if (path.find('\\') != std::string::npos || path == ".." || starts(path, "../") ||
      path.find("/../") != std::string::npos || (path.size() >= 3 && path.substr(path.size() - 3) == "/.."))
    return {};
  if (path[0] == '/') {
    if (base_path.size() > 1 && starts(path, base_path)) path.erase(0, base_path.size() - 1);
    if (static_dir.empty()) return {};
    return static_dir / fs::path(path.substr(1));
  }
  while (starts(path, "./")) path.erase(0, 2);
  for (const PostFile& f : post_files)
    if (f.rel == path) return f.source;
  return {};
}

std::optional<ImageSize> probe_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::string bytes(kProbeBytes, '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  bytes.resize(static_cast<std::size_t>(in.gcount()));
  return probe_image(bytes);
}

}  // namespace

std::optional<ImageSize> probe_image(std::string_view b) {
  if (starts(b, "\x89PNG\r\n\x1A\n")) return png(b);
  if (starts(b, "GIF87a") || starts(b, "GIF89a")) return gif(b);
  if (starts(b, "\xFF\xD8")) return jpeg(b);
  if (starts(b, "RIFF") && b.size() >= 12 && b.substr(8, 4) == "WEBP") return webp(b);
  if (b.size() >= 12 && b.substr(4, 4) == "ftyp") return avif(b);
  // SVG: text, maybe after a BOM, an XML declaration, comments, a doctype.
  if (b.substr(0, 4096).find("<svg") != std::string_view::npos) return svg(b);
  return std::nullopt;
}

std::string read_image_sizes(std::string_view markdown, const fs::path& static_dir,
                             const std::vector<PostFile>& post_files, std::string_view base_path) {
  if (markdown.find("![") == std::string_view::npos) return {};  // no image: no render
  std::vector<std::string> sources;
  MarkdownOptions o;
  o.image_sources = &sources;
  render_markdown(markdown, o);
  std::string out;
  std::set<std::string> seen;
  for (const std::string& src : sources) {
    if (src.find('\n') != std::string::npos || !seen.insert(src).second) continue;
    const fs::path file = local_file(src, static_dir, post_files, base_path);
    if (file.empty()) continue;
    if (const auto size = probe_file(file)) append_image_size(out, src, *size);
  }
  return out;
}

}  // namespace quire
