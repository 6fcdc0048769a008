#include "core/entities.hpp"

#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/html.hpp"

namespace quire {
namespace entity_table {
// Generated from md4c's entity.c (cmake/entities.cmake, which describes the
// format): names, and their code points as LEB128 deltas, in code point order.
extern const std::size_t kCount;
extern const char kNames[];
extern const unsigned char kCodes[];
}  // namespace entity_table

namespace {

const char* sorting_names = nullptr;  // EntityIndex's names, while it sorts them

// The names and their UTF-8 texts, decoded by one pass over the tables on
// first use (cheaper than shipping them whole in the module), then sorted
// by name.
class EntityIndex {
 public:
  EntityIndex() {
    entries_.reserve(entity_table::kCount);
    const char* name = entity_table::kNames;
    const unsigned char* code = entity_table::kCodes;
    char32_t first = 0;
    for (std::size_t i = 0; i < entity_table::kCount; ++i) {
      Entry e;
      e.name_at = static_cast<std::uint32_t>(names_.size());
      while (static_cast<unsigned char>(*name) >= 0x20) names_ += *name++;
      if (*name++ == '\001') names_ += ';';
      e.name_size = static_cast<std::uint32_t>(names_.size()) - e.name_at;
      first += leb128(code);
      const char32_t second = leb128(code);
      e.text_at = static_cast<std::uint32_t>(texts_.size());
      append_utf8(texts_, first);
      if (second) append_utf8(texts_, second);
      e.text_size = static_cast<std::uint32_t>(texts_.size()) - e.text_at;
      entries_.push_back(e);
    }
    // qsort, not std::sort: md4c links it anyway, where std::sort's
    // instantiation was 1.3 KB gzip of the WASM module. Only the thread that
    // constructs the index (a static's initialisation) reads sorting_names.
    sorting_names = names_.data();
    std::qsort(entries_.data(), entries_.size(), sizeof(Entry), [](const void* a, const void* b) {
      const Entry& x = *static_cast<const Entry*>(a);
      const Entry& y = *static_cast<const Entry*>(b);
      return std::string_view(sorting_names + x.name_at, x.name_size)
          .compare(std::string_view(sorting_names + y.name_at, y.name_size));
    });
  }

  std::size_t size() const { return entries_.size(); }

  // Binary search: the table is sorted by name.
  std::string_view find(std::string_view name) const {
    std::size_t lo = 0, hi = entries_.size();
    while (lo < hi) {
      const std::size_t mid = lo + (hi - lo) / 2;
      const Entry& e = entries_[mid];
      const int c = name.compare(name_of(e));
      if (c == 0) return std::string_view(texts_.data() + e.text_at, e.text_size);
      if (c < 0) hi = mid; else lo = mid + 1;
    }
    return {};
  }

 private:
  struct Entry {
    std::uint32_t name_at, name_size;  // in names_
    std::uint32_t text_at, text_size;  // in texts_
  };

  static char32_t leb128(const unsigned char*& p) {
    char32_t v = 0;
    for (unsigned shift = 0;; shift += 7) {
      const unsigned char b = *p++;
      v |= char32_t(b & 0x7F) << shift;
      if (!(b & 0x80)) return v;
    }
  }
  std::string_view name_of(const Entry& e) const { return {names_.data() + e.name_at, e.name_size}; }

  std::string names_;
  std::string texts_;
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
