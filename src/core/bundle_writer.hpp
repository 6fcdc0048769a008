// Writing the bundle's largest documents without building a JSON tree.
//
// A split bundle's chunks hold every post's body: at 10,000 posts some 60 MB
// of JSON, which nlohmann-json would copy into a tree and escape byte by
// byte. These functions write the same document straight into a string:
// the bytes are exactly those of nlohmann-json's dump() of the tree that
// bundle.cpp built before (compact, keys in sorted order, UTF-8 kept as it
// is, control characters escaped, invalid UTF-8 replaced), which the tests
// check against nlohmann-json itself. Anything unusual (invalid UTF-8, a
// "code" array not written by the build) goes through nlohmann-json, so the
// fast path never has to guess.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace quire {

struct Post;

// Appends `s` as a JSON string (quotes included), as nlohmann-json's dump()
// with error_handler_t::replace writes it.
void append_json_string(std::string& out, std::string_view s);

// A chunk document (bundle.hpp's kChunkFormat): {"format":..,"posts":[{"body":
// ..,"code":..,"slug":..},..],"version":..} for `posts` in this order.
std::string write_chunk_json(const std::vector<const Post*>& posts);

}  // namespace quire
