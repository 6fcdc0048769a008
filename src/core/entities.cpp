#include "core/entities.hpp"

#include <cstdint>
#include <vector>

namespace quire {
namespace entity_table {
// Generated from md4c's entity.c (cmake/entities.cmake): per entry, sorted by
// name, the name without '&', a byte < 0x20 with the text's length, the text.
extern const std::size_t kCount;
extern const char kEntries[];
extern const std::size_t kSize;
}  // namespace entity_table

namespace {

struct Entry {
  std::string_view name;
  std::string_view text;
};

// Where each entry starts, found by one pass over the table on first use
// (cheaper than shipping the offsets in the module).
class EntityIndex {
 public:
  EntityIndex() {
    starts_.reserve(entity_table::kCount);
    for (std::size_t at = 0; at < entity_table::kSize;) {
      starts_.push_back(static_cast<std::uint32_t>(at));
      const Entry e = entry_at(at);
      at += e.name.size() + 1 + e.text.size();
    }
  }

  std::size_t size() const { return starts_.size(); }

  Entry operator[](std::size_t i) const { return entry_at(starts_[i]); }

 private:
  static Entry entry_at(std::size_t at) {
    const char* p = entity_table::kEntries + at;
    std::size_t n = 0;
    while (static_cast<unsigned char>(p[n]) >= 0x20) ++n;
    return {std::string_view(p, n), std::string_view(p + n + 1, static_cast<unsigned char>(p[n]))};
  }

  std::vector<std::uint32_t> starts_;
};

const EntityIndex& entity_index() {
  static const EntityIndex index;  // thread-safe initialisation (pages render on several threads)
  return index;
}

}  // namespace

std::string_view named_entity_text(std::string_view entity) {
  if (entity.size() < 2 || entity[0] != '&') return {};
  const std::string_view name = entity.substr(1);
  const EntityIndex& index = entity_index();
  std::size_t lo = 0, hi = index.size();
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const Entry e = index[mid];
    const int c = name.compare(e.name);
    if (c == 0) return e.text;
    if (c < 0) hi = mid; else lo = mid + 1;
  }
  return {};
}

std::size_t named_entity_count() { return entity_index().size(); }

}  // namespace quire
