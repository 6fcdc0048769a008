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

// One byte more than asked for: md4c 0.4.8 reads the byte after its input,
// which render() sets to NUL (the buffer is reused from call to call).
__attribute__((export_name("input"))) char* input(std::size_t size) {
  if (input_buffer.size() < size + 1) input_buffer.resize(size + 1);
  return input_buffer.data();
}

__attribute__((export_name("render"))) const char* render(std::size_t size) {
  output_buffer.clear();
  output_buffer.reserve(size + size / 4);
  input_buffer[size] = '\0';
  md_html(input_buffer.data(), static_cast<MD_SIZE>(size), append, nullptr,
          quire::markdown_parser_flags(), 0);
  return output_buffer.data();
}

__attribute__((export_name("output_size"))) std::size_t output_size() {
  return output_buffer.size();
}

}
