// The build's fast paths give exactly what the general code they shortcut
// gives: the bundle's chunk writer (core/bundle_writer.hpp) against
// nlohmann-json's dump of the same tree.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/bundle_writer.hpp"

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

}  // namespace

TEST_SUITE("fastpaths") {
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
