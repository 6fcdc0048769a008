// The build's fast paths give exactly what the general code they shortcut
// gives: the bundle's chunk writer (core/bundle_writer.hpp) against
// nlohmann-json's dump of the same tree; the code-block scan
// (highlight/code_blocks.hpp) against the blocks a render hands out, over
// md4c's spec files, our footnote examples, the sample blog and the move-in
// fixtures; the plain texts the content phase keeps for the search index
// against markdown_plain_text of each post, and the index built from them
// against the index built without them; post_text's one pass
// (core/post_text.hpp) against text_stats and first_paragraph apart, over
// the same documents; simple YAML front matter (build/yaml_simple.hpp)
// against yaml-cpp's tree.
#include <doctest/doctest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "build/content.hpp"
#include "build/front_matter.hpp"
#include "build/yaml_simple.hpp"
#include "core/bundle.hpp"
#include "core/bundle_writer.hpp"
#include "core/search_index.hpp"
#include "core/code_tokens.hpp"
#include "core/markdown.hpp"
#include "core/post_text.hpp"
#include "core/utf8_check.hpp"
#include "highlight/code_blocks.hpp"

namespace {

using json = nlohmann::json;

std::string dump(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

// Strings that take every branch of the escaper, valid UTF-8 or not.
std::vector<std::string> hard_strings() {
  std::vector<std::string> out = {
      "", "plain", "quote \" and backslash \\ and slash /", "tab\tnewline\ncr\rbs\bff\f",
      std::string("nul \0 here", 10), "\x01\x02\x1f\x7f", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80",
      "lone continuation \x80 end", "overlong \xC0\x80", "surrogate \xED\xA0\x80", "too high \xF4\x90\x80\x80",
      "cut \xE2\x82", "cut at end \xF0\x9F\x98", "\xF5\xFF", "eight ascii bytes then \xC3\xA9 and \x1b[0m",
      "```cpp\nint main() { return \"x\"[0]; }\n```\n", "\xEF\xBB\xBF bom"};
  std::string every;
  for (int c = 0; c < 256; ++c) every += static_cast<char>(c);
  out.push_back(every);
  return out;
}

std::string read_all(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// The examples' markdown of a file in md4c's spec format ("→" is a tab).
std::vector<std::string> spec_examples(const std::string& path) {
  const std::string fence = "```````````````````````````````` example\n";
  const std::string text = read_all(path);
  std::vector<std::string> out;
  for (size_t at = text.find(fence); at != std::string::npos; at = text.find(fence, at)) {
    at += fence.size();
    const size_t end = text.find("\n.\n", at);
    if (end == std::string::npos) break;
    std::string md = text.substr(at, end + 1 - at);
    for (size_t tab; (tab = md.find("\xE2\x86\x92")) != std::string::npos;) md.replace(tab, 3, "\t");
    out.push_back(md);
  }
  return out;
}

// The blocks as the renderer numbers them (highlight.cpp's old way).
struct Blocks : quire::CodeBlockWriter {
  std::vector<quire::highlight::FoundCodeBlock> found;
  void write(size_t, const quire::CodeBlock& block, quire::OutputBuffer&) override {
    found.push_back({std::string(block.lang), std::string(block.text)});
  }
};

// Whether the scan took `md` (it must then agree with the render).
bool scan_agrees(const std::string& md, const std::string& what) {
  Blocks rendered;
  quire::MarkdownOptions options;
  options.code = &rendered;
  quire::render_markdown(md, options);
  std::vector<quire::highlight::FoundCodeBlock> scanned;
  if (!quire::highlight::scan_code_blocks(md, scanned)) return false;
  bool same = scanned.size() == rendered.found.size();
  for (size_t i = 0; same && i < scanned.size(); ++i)
    same = scanned[i].lang == rendered.found[i].lang && scanned[i].text == rendered.found[i].text;
  CHECK_MESSAGE(same, what << ": the scan's " << scanned.size() << " blocks differ from the render's "
                           << rendered.found.size() << "\n" << md);
  return true;
}

// Every document the fast paths are checked over: md4c's spec files, our
// markdown examples, the sample blog and the fixtures.
std::vector<std::pair<std::string, std::string>> all_documents() {
  std::vector<std::pair<std::string, std::string>> out;
  for (const char* file : {"spec.txt", "tables.txt", "strikethrough.txt", "tasklists.txt"}) {
    const std::vector<std::string> examples = spec_examples(std::string(MD4C_ROOT) + "/test/" + file);
    for (size_t i = 0; i < examples.size(); ++i) out.emplace_back(std::string(file) + " #" + std::to_string(i + 1), examples[i]);
  }
  for (const char* file : {"footnotes.txt", "headings.txt"}) {
    const std::vector<std::string> examples = spec_examples(std::string(QUIRE_SOURCE_DIR) + "/tests/markdown/" + file);
    for (size_t i = 0; i < examples.size(); ++i) out.emplace_back(std::string(file) + " #" + std::to_string(i + 1), examples[i]);
  }
  for (const char* dir : {"content", "tests/fixtures"})
    for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(QUIRE_SOURCE_DIR) + "/" + dir))
      if (e.is_regular_file() && (e.path().extension() == ".md" || e.path().extension() == ".markdown"))
        out.emplace_back(e.path().string(), read_all(e.path()));
  return out;
}

// The plain text renderer's whitespace rule, byte by byte (as it was).
std::string collapse_bytewise(std::string_view text) {
  std::string out;
  bool space = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// yaml-cpp's tree as front_matter.cpp turns it into FrontValue (its from_yaml).
quire::FrontValue yaml_cpp_tree(const YAML::Node& n, int line_offset) {
  quire::FrontValue v;
  v.line = n.Mark().line < 0 ? 0 : n.Mark().line + line_offset;
  if (n.IsScalar()) {
    v.kind = quire::FrontValue::Kind::Scalar;
    v.text = n.Scalar();
  } else if (n.IsSequence()) {
    v.kind = quire::FrontValue::Kind::List;
    for (const auto& item : n) v.items.push_back(yaml_cpp_tree(item, line_offset));
  } else if (n.IsMap()) {
    v.kind = quire::FrontValue::Kind::Map;
    for (const auto& kv : n)
      v.entries.push_back({kv.first.Scalar(), kv.first.Mark().line + line_offset, yaml_cpp_tree(kv.second, line_offset)});
  }
  return v;
}

bool same_tree(const quire::FrontValue& a, const quire::FrontValue& b) {
  if (a.kind != b.kind || a.text != b.text || a.line != b.line || a.items.size() != b.items.size() ||
      a.entries.size() != b.entries.size())
    return false;
  for (size_t i = 0; i < a.items.size(); ++i)
    if (!same_tree(a.items[i], b.items[i])) return false;
  for (size_t i = 0; i < a.entries.size(); ++i)
    if (a.entries[i].key != b.entries[i].key || a.entries[i].line != b.entries[i].line ||
        !same_tree(a.entries[i].value, b.entries[i].value))
      return false;
  return true;
}

// Whether the simple reader took `yaml` (it must then agree with yaml-cpp).
bool simple_yaml_agrees(const std::string& yaml) {
  quire::FrontValue mine;
  if (!quire::parse_simple_yaml(yaml, 2, mine)) return false;
  quire::FrontValue theirs;
  try {
    theirs = yaml_cpp_tree(YAML::Load(yaml), 2);
  } catch (const YAML::Exception& e) {
    FAIL("yaml-cpp refuses what the simple reader took: " << e.what() << "\n" << yaml);
  }
  CHECK_MESSAGE(same_tree(mine, theirs), "the trees differ:\n" << yaml);
  return true;
}

}  // namespace

TEST_SUITE("fastpaths") {
  TEST_CASE("simple YAML front matter gives yaml-cpp's tree, or is declined") {
    // As bench/generate.mjs and most blogs write it.
    CHECK(simple_yaml_agrees("title: \"Dolor sit\"\ndate: 2015-01-01T03:12:00+00:00\ntags: [cpp, wasm, web]\n"));
    CHECK(simple_yaml_agrees("title: Plain words here\ndraft: true\nslug: a-b_c.d\ntags: []\nsummary: 'Single'\n"));
    CHECK(simple_yaml_agrees("title: x\ntitle: y\nurl: https://example.com/a?b=c\nn: 3.5\nk: yes"));
    CHECK(simple_yaml_agrees("a: [ one ,two ]\nb: \"\"\nc: ''\n"));
    // Declined: all of these go to yaml-cpp.
    for (const char* yaml : {"", "\n", "title: ~\n", "title: null\n", "title:\n", "title:  x\n", "title: x \n",
                             "title: x # note\n", "# c\ntitle: x\n", "title: x\n\ndate: y\n", "title: \"a\\\"b\"\n",
                             "title: 'it''s'\n", "title: &a x\n", "title: *a\n", "title: !!str x\n", "title: |\n  x\n",
                             "title: >\n  x\n", "tags:\n  - a\n", "tags: [a, [b]]\n", "tags: [a,]\n", "tags: [a, b\n",
                             "tags: {a: b}\n", "- a\n", "1: x\n", "title: -x\n", "title: x:\n", "title:\tx\n",
                             "title: caf\xC3\xA9\n", "title: \"caf\xC3\xA9\"\n", "t\xC3\xA9: x\n", "<<: *d\n",
                             "title: \"x\"y\n", "title: x\r\n", "d: x: y\n", "? a\n: b\n", "%YAML 1.2\n---\na: b\n", "tags: [ ]\n"})
      CHECK_MESSAGE(!simple_yaml_agrees(yaml), yaml);
    // Every post's front matter among the sample blog and the fixtures.
    size_t taken = 0, files = 0;
    for (const char* dir : {"content", "tests/fixtures"})
      for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(QUIRE_SOURCE_DIR) + "/" + dir))
        if (e.is_regular_file() && (e.path().extension() == ".md" || e.path().extension() == ".markdown")) {
          const std::string text = read_all(e.path());
          if (text.rfind("---\n", 0) != 0) continue;
          const size_t close = text.find("\n---\n", 3);
          if (close == std::string::npos) continue;
          ++files;
          bool ok = false;
          try {
            YAML::Load(text.substr(4, close - 3));
            ok = true;
          } catch (const YAML::Exception&) {
          }
          if (ok && simple_yaml_agrees(text.substr(4, close - 3))) ++taken;
        }
    MESSAGE("the simple reader took " << taken << " of " << files << " front matters");
    CHECK(files > 20);
    CHECK(taken > 0);
  }

  TEST_CASE("post_text's one pass gives text_stats and first_paragraph") {
    std::vector<std::pair<std::string, std::string>> docs = all_documents();
    REQUIRE(docs.size() > 700);
    // Two paragraphs, the first after other blocks; notes; CJK; a marker-free summary with a reference.
    docs.emplace_back("mixed", "# T\n\n```\ncode\n```\n\nFirst[^1] para\ngraph.\n\nSecond.\n\n[^1]: Note.\n");
    docs.emplace_back("cjk", "東京都 に 行く。\u3000Word word\n\n次の段落。\n");
    docs.emplace_back("image first", "![a](b.png) text\n\nThe summary.\n\nMore.\n");
    for (const auto& doc : docs) {  // no structured binding: clang 14 refuses one used in doctest's lambdas
      const std::string& what = doc.first;
      const std::string& md = doc.second;
      const quire::PostText both = quire::post_text(md, true);
      const quire::TextStats stats = quire::text_stats(md);
      CHECK_MESSAGE(both.stats.plain_text == stats.plain_text, what);
      CHECK_MESSAGE(both.stats.words == stats.words, what);
      CHECK_MESSAGE(both.stats.cjk_chars == stats.cjk_chars, what);
      CHECK_MESSAGE(both.stats.reading_minutes == stats.reading_minutes, what);
      CHECK_MESSAGE(both.first_paragraph == quire::first_paragraph(md), what);
      CHECK(quire::post_text(md, false).first_paragraph.empty());
      CHECK_MESSAGE(stats.plain_text == quire::markdown_plain_text(md), what);
    }
    CHECK(quire::post_text(docs[docs.size() - 3].second, true).first_paragraph == "First para\ngraph.");
    // The code blocks it vouches for are the render's.
    size_t taken = 0, declined = 0;
    auto code_agrees = [&](const std::string& md, const std::string& what) {
      const quire::PostText t = quire::post_text(md, false);
      if (!t.code_found) {
        CHECK(t.code.empty());
        return false;
      }
      Blocks rendered;
      quire::MarkdownOptions options;
      options.code = &rendered;
      quire::render_markdown(md, options);
      bool same = t.code.size() == rendered.found.size();
      for (size_t i = 0; same && i < t.code.size(); ++i)
        same = t.code[i].lang == rendered.found[i].lang && t.code[i].text == rendered.found[i].text;
      CHECK_MESSAGE(same, what << ": the pass's " << t.code.size() << " blocks differ from the render's "
                               << rendered.found.size() << "\n" << md);
      return true;
    };
    for (const auto& [what, md] : docs) ++(code_agrees(md, what) ? taken : declined);
    MESSAGE("post_text vouched for the code of " << taken << " documents, declined " << declined);
    CHECK(taken > 4 * declined);
    const std::string post =
        "Text[^1] and `x[^2]`.\n\n```cpp\nint a[2];\n```\n\n    indented\n\n- item\n\n  ~~~py\n  x = 1\n  ~~~\n\n"
        "More[^2].\n\n[^1]: One.\n[^2]: Two.\n";
    CHECK(code_agrees(post, "generated-like post"));
    CHECK(quire::post_text(post, false).code.size() == 3);
    CHECK(code_agrees("[^1]: Note.\n\n```cpp\nint x;\n```\n", "definition first, block in the body"));
    // Declined: a note's own code (fenced, indented), a reference in code or
    // in the language, an entity in the language, invalid UTF-8, NUL, a BOM.
    CHECK_FALSE(code_agrees("A[^1].\n\n[^1]: Note.\n\n    ```cpp\n    int x;\n    ```\n", "note's code"));
    CHECK_FALSE(code_agrees("A[^1].\n\n[^1]: Note.\n\n        int x;\n", "note's indented code"));
    CHECK_FALSE(code_agrees("A[^1].\n\n```cpp\nx[^1];\n```\n\n[^1]: N.\n", "reference in code"));
    CHECK_FALSE(code_agrees("```cpp\nx[^1];\n```\n", "undefined reference in code"));
    CHECK_FALSE(code_agrees("A[^1].\n\n```c[^1]\nx;\n```\n\n[^1]: N.\n", "reference in the language"));
    CHECK_FALSE(code_agrees("```c&amp;\nx;\n```\n", "entity in the language"));
    CHECK_FALSE(code_agrees("```cpp\n\xC3(\n```\n", "invalid UTF-8"));
    CHECK_FALSE(code_agrees(std::string("```cpp\n\0\n```\n", 13), "NUL"));
    CHECK_FALSE(code_agrees("\xEF\xBB\xBF```cpp\nx\n```\n", "BOM"));
    CHECK(quire::post_text(docs[docs.size() - 1].second, true).first_paragraph == "The summary.");
    const quire::TextStats cjk = quire::text_stats(docs[docs.size() - 2].second);
    CHECK(cjk.cjk_chars == 10);  // 東京都 に 行く 次の段落
    CHECK(cjk.words == 10 + 4);  // and 。 Word word 。
  }

  TEST_CASE("collapse_whitespace is the byte-by-byte rule") {
    std::vector<std::string> texts = hard_strings();
    for (const std::string& t : std::vector<std::string>{" a  b\t\nc ", "\v\f\r", "x", " ", "a\x0b\x0c b", "\xE3\x80\x80 a"})
      texts.push_back(t);
    for (const auto& doc : all_documents()) texts.push_back(doc.second);
    for (const std::string& t : texts) CHECK(quire::collapse_whitespace(t) == collapse_bytewise(t));
  }

  TEST_CASE("the plain texts kept from reading are each post's, in the bundle's order, and give the same index") {
    for (const char* dir : {"content"}) {
      quire::ContentResult r = quire::load_content(std::string(QUIRE_SOURCE_DIR) + "/" + dir, {});
      REQUIRE(r.ok());
      REQUIRE(r.plain_texts.size() == r.bundle.posts.size());
      size_t kept = 0;
      for (size_t i = 0; i < r.bundle.posts.size(); ++i) {
        if (r.plain_texts[i].empty()) continue;
        ++kept;
        CHECK_MESSAGE(r.plain_texts[i] == quire::markdown_plain_text(r.bundle.posts[i].body), dir << " post " << i);
      }
      CHECK(kept > 0);
      const quire::SearchFiles with = quire::write_search_index(r.bundle, quire::kShardBytes, &r.plain_texts);
      const quire::SearchFiles without = quire::write_search_index(r.bundle);
      CHECK(with.boundary.bytes == without.boundary.bytes);
      REQUIRE(with.shards.size() == without.shards.size());
      for (size_t i = 0; i < with.shards.size(); ++i) CHECK(with.shards[i].bytes == without.shards[i].bytes);
    }
  }

  TEST_CASE("scan_code_blocks finds the render's blocks, or declines") {
    size_t taken = 0, declined = 0;
    auto check = [&](const std::string& md, const std::string& what) { ++(scan_agrees(md, what) ? taken : declined); };
    for (const char* file : {"spec.txt", "tables.txt", "strikethrough.txt", "tasklists.txt"}) {
      const std::vector<std::string> examples = spec_examples(std::string(MD4C_ROOT) + "/test/" + file);
      REQUIRE(!examples.empty());
      for (size_t i = 0; i < examples.size(); ++i) check(examples[i], std::string(file) + " #" + std::to_string(i + 1));
    }
    for (const char* file : {"footnotes.txt", "headings.txt"}) {
      const std::vector<std::string> examples = spec_examples(std::string(QUIRE_SOURCE_DIR) + "/tests/markdown/" + file);
      REQUIRE(!examples.empty());
      for (size_t i = 0; i < examples.size(); ++i) check(examples[i], std::string(file) + " #" + std::to_string(i + 1));
    }
    size_t files = 0;
    for (const char* dir : {"content", "tests/fixtures"})
      for (const auto& e : std::filesystem::recursive_directory_iterator(std::string(QUIRE_SOURCE_DIR) + "/" + dir))
        if (e.is_regular_file() && (e.path().extension() == ".md" || e.path().extension() == ".markdown")) {
          check(read_all(e.path()), e.path().string());
          ++files;
        }
    CHECK(files > 20);
    // Footnotes as bench/generate.mjs writes them: references in the text,
    // definitions after the last code block.
    const std::string post =
        "Text[^1] and `x[^2]`.\n\n```cpp\nint a[2];\n```\n\n    indented\n\n- item\n\n  ~~~py\n  x = 1\n  ~~~\n\n"
        "More[^2].\n\n[^1]: One.\n[^2]: Two.\n";
    CHECK(scan_agrees(post, "generated-like post"));
    // Declined: a block after a definition (a note's own code), a reference
    // in code, an entity in the language, invalid UTF-8, NUL, a BOM.
    CHECK_FALSE(scan_agrees("A[^1].\n\n[^1]: Note.\n\n    ```cpp\n    int x;\n    ```\n", "note's code"));
    CHECK_FALSE(scan_agrees("[^1]: Note.\n\n```cpp\nint x;\n```\n", "definition first"));
    CHECK_FALSE(scan_agrees("```cpp\nx[^1];\n```\n", "reference in code"));
    CHECK_FALSE(scan_agrees("```c&amp;\nx;\n```\n", "entity in the language"));
    CHECK_FALSE(scan_agrees("```cpp\n\xC3(\n```\n", "invalid UTF-8"));
    CHECK_FALSE(scan_agrees(std::string("```cpp\n\0\n```\n", 13), "NUL"));
    CHECK_FALSE(scan_agrees("\xEF\xBB\xBF```cpp\nx\n```\n", "BOM"));
    MESSAGE("scan took " << taken << " documents, declined " << declined);
    CHECK(taken > declined);
  }

  TEST_CASE("one UTF-8 check, two rules: the JSON writer's (NUL, up to U+10FFFF) and the renderer's (neither)") {
    struct Case {
      std::string text;
      bool json, renderer;
    };
    const std::string nul_in_a_word("abcdefg\0hijklmnop", 18), nul_after("\xC3\xA9\0", 3);
    const Case cases[] = {
        {"", true, true},
        {"plain ASCII, more than eight bytes", true, true},
        {"caf\xC3\xA9 \xE6\x97\xA5 \xF0\x9F\x98\x80", true, true},
        {nul_in_a_word, true, false},
        {nul_after, true, false},
        {"\xF3\xBF\xBF\xBF", true, true},                        // U+FFFFF
        {"\xF4\x80\x80\x80", true, false},                       // U+100000
        {"abcdefgh\xF4\x8F\xBF\xBF", true, false},               // U+10FFFF
        {"\xF4\x90\x80\x80", false, false},                      // past U+10FFFF
        {"\xED\xA0\x80", false, false},                           // a surrogate
        {"\xC0\xAF", false, false},                                // overlong
        {"\xE0\x80\xAF", false, false},                           // overlong
        {"abc\xE6\x97", false, false},                             // truncated
        {"\x80", false, false},                                     // a lone continuation
        {"\xF5\x80\x80\x80", false, false},
    };
    for (const Case& c : cases) {
      CAPTURE(c.text);
      CHECK(quire::is_utf8(c.text, quire::kJsonUtf8) == c.json);
      CHECK(quire::is_utf8(c.text, quire::kRendererUtf8) == c.renderer);
      // Each caller keeps its rule: the writer gives nlohmann-json's bytes,
      // the code-block scan declines what the renderer would repair.
      std::string mine;
      quire::append_json_string(mine, c.text);
      CHECK(mine == dump(json(c.text)));
      if (!c.renderer) CHECK_FALSE(scan_agrees("```cpp\n" + c.text + "\n```\n", "not the renderer's"));
    }
  }

  TEST_CASE("append_json_string writes nlohmann-json's bytes, valid UTF-8 or not") {
    for (const std::string& s : hard_strings()) {
      std::string mine = "x";
      quire::append_json_string(mine, s);
      CHECK(mine == "x" + dump(json(s)));
    }
  }

  TEST_CASE("write_chunk_json writes the tree bundle.cpp built, code arrays of every kind") {
    const std::vector<std::string> hard = hard_strings();
    const std::vector<std::string> codes = {
        "", "[\"3k2\"]", "[\"3k2\",\"\",\"5s1.2c\"]", "[ \"3k2\" , \"1\" ]", "[]", "{}", "not json", "[1,2]",
        "[\"a\\\"b\"]", "[\"a\",]", "[\"\xC3\xA9\"]", "[\"\"]", "[\"x\"", "[\"x\"]]"};
    std::vector<quire::Post> posts(hard.size() + codes.size());
    for (size_t i = 0; i < posts.size(); ++i) {
      posts[i].slug = "post-" + std::to_string(i) + (i < hard.size() ? hard[i] : "");
      posts[i].body = i < hard.size() ? hard[i] : "body " + std::to_string(i);
      posts[i].code_json = i >= hard.size() ? codes[i - hard.size()] : i % 3 == 0 ? "[\"2k\"]" : "";
    }
    std::vector<const quire::Post*> chunk;
    json bodies = json::array();
    for (const quire::Post& p : posts) {
      chunk.push_back(&p);
      json entry = {{"slug", p.slug.str()}, {"body", p.body.str()}};  // bundle.cpp's tree, as it was
      if (!p.code_json.empty()) {
        json code = json::parse(p.code_json, nullptr, false);
        if (code.is_array() && !code.empty()) entry["code"] = std::move(code);
      }
      bodies.push_back(std::move(entry));
    }
    const std::string expected =
        dump({{"format", quire::kChunkFormat}, {"version", quire::kChunkVersion}, {"posts", std::move(bodies)}});
    CHECK(quire::write_chunk_json(chunk) == expected);
    CHECK(quire::write_chunk_json({}) == dump({{"format", quire::kChunkFormat}, {"version", quire::kChunkVersion},
                                               {"posts", json::array()}}));
  }
}
