// Target "highlight": build-time syntax highlighting (src/highlight) of any
// bytes in any built language: the tree-sitter grammars with our predicate
// evaluation, and the line rules of ours (diff, Dockerfile, INI). The first
// byte picks the language (every id, by its index in languages()), the rest
// is the code. Checks: no fault (ASan, UBSan), and the runs written are
// well formed for the code (decode_runs accepts them, as the core will when
// it replays them). Every 16th input is also read as a post's markdown body.
// A kept reproducer's first byte names its language by index, which a new
// language may shift: its file name says the language, and a unit test in
// tests/unit/test_highlight.cpp holds the case by name.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "core/code_tokens.hpp"
#include "highlight/highlight.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  static const auto languages = quire::highlight::languages();
  const std::string_view lang = languages[data[0] % languages.size()].id;
  const std::string code(reinterpret_cast<const char*>(data) + 1, size - 1);  // exactly its bytes on the heap
  const std::string runs = quire::highlight::highlight(lang, code);
  std::vector<quire::TokenRun> out;
  if (!runs.empty() && !quire::decode_runs(runs, code, out)) std::abort();
  if (data[0] % 16 == 0) {
    const std::string json = quire::highlight::highlight_markdown(code);
    std::vector<std::string_view> blocks;
    if (!json.empty() && !quire::parse_code_json(json, blocks)) std::abort();
  }
  return 0;
}
