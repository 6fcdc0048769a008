#include "core/entities.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace quire {
namespace entity_table {
// Generated from md4c's entity.c (cmake/entities.cmake, which describes the
// format): front-coded names, each followed by its UTF-8 text.
extern const std::size_t kCount;
extern const char kEntries[];
extern const std::size_t kSize;
}  // namespace entity_table

namespace {

// The names, whole, decoded by one pass over the table on first use
// (cheaper than shipping them whole in the module); texts stay in the table.
class EntityIndex {
 public:
  EntityIndex() {
    entries_.reserve(entity_table::kCount);
    std::string name;  // the previous entry's, without ';'
    const char* const table = entity_table::kEntries;
    for (std::size_t at = 0; at < entity_table::kSize;) {
      name.resize(static_cast<unsigned char>(table[at++]));
      while (static_cast<unsigned char>(table[at]) >= 0x20) name += table[at++];
      const unsigned char length = static_cast<unsigned char>(table[at++]);
      Entry e;
      e.name_at = static_cast<std::uint32_t>(names_.size());
      names_ += name;
      if (!(length & 0x10)) names_ += ';';
      e.name_size = static_cast<std::uint32_t>(names_.size()) - e.name_at;
      e.text_at = static_cast<std::uint32_t>(at);
      e.text_size = length & 0x0F;
      at += e.text_size;
      entries_.push_back(e);
    }
  }

  std::size_t size() const { return entries_.size(); }

  // Binary search: the table is sorted by name.
  std::string_view find(std::string_view name) const {
    std::size_t lo = 0, hi = entries_.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      const Entry& e = entries_[mid];
      const int c = name.compare(std::string_view(names_.data() + e.name_at, e.name_size));
      if (c == 0) return std::string_view(entity_table::kEntries + e.text_at, e.text_size);
      if (c < 0) hi = mid; else lo = mid + 1;
    }
    return {};
  }

 private:
  struct Entry {
    std::uint32_t name_at, name_size;  // in names_
    std::uint32_t text_at, text_size;  // in the table
  };
  std::string names_;
  std::vector<Entry> entries_;
};

const EntityIndex& entity_index() {
  static const EntityIndex index;  // thread-safe initialisation (pages render on several threads)
  return index;
}

}  // namespace

std::string_view named_entity_text(std::string_view entity) {
  if (entity.size() < 2 || entity[0] != '&') return {};
  return entity_index().find(entity.substr(1));
}

std::size_t named_entity_count() { return entity_index().size(); }

}  // namespace quire
