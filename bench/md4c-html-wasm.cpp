// md4c's own HTML renderer (md4c-html) as a WebAssembly module of its own,
// for the markdown benchmark only (bench/markdown.mjs): the same md4c build
// and parser flags as Quire's core, without Quire's renderer (footnotes,
// heading ids, the URL policy, raw HTML left out). It shows what md4c in
// WebAssembly renders on this machine before any of Quire's features.
//
// Exports: input(size) -> where to write `size` bytes of markdown;
// render(size) -> where the HTML lies; output_size() -> its length.
#include <md4c-html.h>

#include <cstddef>
#include <vector>

#include "core/markdown.hpp"

namespace {

std::vector<char> input_buffer;
std::vector<char> output_buffer;

void append(const MD_CHAR* text, MD_SIZE size, void*) {
  output_buffer.insert(output_buffer.end(), text, text + size);
}

}  // namespace

extern "C" {

__attribute__((export_name("input"))) char* input(std::size_t size) {
  if (input_buffer.size() < size) input_buffer.resize(size);
  return input_buffer.data();
}

__attribute__((export_name("render"))) const char* render(std::size_t size) {
  output_buffer.clear();
  output_buffer.reserve(size + size / 4);
  md_html(input_buffer.data(), static_cast<MD_SIZE>(size), append, nullptr,
          quire::markdown_parser_flags(), 0);
  return output_buffer.data();
}

__attribute__((export_name("output_size"))) std::size_t output_size() {
  return output_buffer.size();
}

}
