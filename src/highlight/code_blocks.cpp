#include "highlight/code_blocks.hpp"

#include <md4c.h>

#include <cstdint>
#include <cstring>

#include "core/markdown.hpp"
#include "core/utf8_check.hpp"

namespace quire::highlight {

namespace {

// Valid UTF-8 without NUL and without U+100000 and above (the plane whose
// top the renderer's footnote sentinels use; a 0xF4 lead byte): what the
// renderer's input repair leaves as it is.
bool plain_source(std::string_view s) {
  return s.substr(0, 3) != "\xEF\xBB\xBF" && is_utf8(s, kRendererUtf8);
}

// The offset of the line holding the first "[^label]:" (something that may
// be a footnote definition, wherever it stands), or s.size().
size_t first_definition_line(std::string_view s) {
  for (size_t at = s.find("[^"); at != std::string_view::npos; at = s.find("[^", at + 2)) {
    const size_t close = s.find_first_of("]\n", at + 2);
    if (close == std::string_view::npos || s[close] != ']' || close + 1 >= s.size() || s[close + 1] != ':') continue;
    const size_t line = s.rfind('\n', at);
    return line == std::string_view::npos ? 0 : line + 1;
  }
  return s.size();
}

struct Scan {
  std::string_view source;
  size_t limit;  // every block's text must end at or before this offset
  std::vector<FoundCodeBlock>* out;
  bool in_code = false;
  bool any_text = false;  // some of the block's text lies in the source
  bool ok = true;
};

int enter_block(MD_BLOCKTYPE type, void* detail, void* data) {
  auto& scan = *static_cast<Scan*>(data);
  if (type != MD_BLOCK_CODE) return 0;
  const auto& code = *static_cast<const MD_BLOCK_CODE_DETAIL*>(detail);
  FoundCodeBlock block;
  if (code.lang.text != nullptr) {
    // The renderer decodes entities and escapes in the language; plain
    // text only here.
    if (code.lang.substr_offsets[1] != code.lang.size || code.lang.substr_types[0] != MD_TEXT_NORMAL) {
      scan.ok = false;
      return 1;
    }
    block.lang.assign(code.lang.text, code.lang.size);
  }
  scan.out->push_back(std::move(block));
  scan.in_code = true;
  scan.any_text = false;
  return 0;
}

int leave_block(MD_BLOCKTYPE type, void*, void* data) {
  auto& scan = *static_cast<Scan*>(data);
  if (type != MD_BLOCK_CODE) return 0;
  scan.in_code = false;
  const FoundCodeBlock& block = scan.out->back();
  // A block that cannot be placed before the first definition, or that
  // holds what the renderer would take for a footnote reference.
  if ((!scan.any_text && scan.limit < scan.source.size()) ||
      block.text.find("[^") != std::string::npos || block.lang.find("[^") != std::string::npos) {
    scan.ok = false;
    return 1;
  }
  return 0;
}

int span(MD_SPANTYPE, void*, void*) { return 0; }

int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size, void* data) {
  auto& scan = *static_cast<Scan*>(data);
  if (!scan.in_code) return 0;
  if (type != MD_TEXT_CODE) {  // the renderer gathers code text only
    scan.ok = false;
    return 1;
  }
  // Where this text lies: before the first definition, in the source.
  // md4c hands out line ends and tab padding from buffers of its own.
  const char* begin = scan.source.data();
  if (text >= begin && text + size <= begin + scan.source.size()) {
    if (text + size > begin + scan.limit) {
      scan.ok = false;
      return 1;
    }
    scan.any_text = true;
  } else if (std::string_view(text, size).find_first_not_of(" \n") != std::string_view::npos) {
    scan.ok = false;
    return 1;
  }
  scan.out->back().text.append(text, size);
  return 0;
}

}  // namespace

bool scan_code_blocks(std::string_view markdown, std::vector<FoundCodeBlock>& out) {
  out.clear();
  if (!plain_source(markdown)) return false;
  // md4c reads one byte past its input: hand it a NUL-terminated copy.
  const std::string source(markdown);
  Scan scan{source, first_definition_line(source), &out};
  MD_PARSER parser{};
  parser.abi_version = 0;
  parser.flags = markdown_parser_flags(source);
  parser.enter_block = enter_block;
  parser.leave_block = leave_block;
  parser.enter_span = span;
  parser.leave_span = span;
  parser.text = text;
  const int rc = md_parse(source.data(), static_cast<MD_SIZE>(source.size()), &parser, &scan);
  return rc == 0 && scan.ok;
}

}  // namespace quire::highlight
