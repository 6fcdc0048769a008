// Named HTML character references ("&amp;", "&nbsp;", ...): md4c's table
// (its entity.c, the WHATWG list), packed into two strings at build time by
// cmake/entities.cmake, so that the WASM module carries ~20 KB (7.4 KB gzip)
// for it instead of ~46 KB of names, pointers and code point pairs.
#pragma once

#include <cstddef>
#include <string_view>

namespace quire {

// The UTF-8 text of a named entity written with its '&' and ';' as md4c
// reports it ("&eacute;" -> "é"), or an empty view when the name is unknown
// (the caller keeps the entity as written).
std::string_view named_entity_text(std::string_view entity);

// How many names the table holds (md4c's entity.c, one per entry).
std::size_t named_entity_count();

}  // namespace quire
