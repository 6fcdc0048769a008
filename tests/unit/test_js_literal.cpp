// The JavaScript reader's skipping (src/build/import/js_literal.hpp): a
// computed value and a statement that is not a declaration are stepped over
// whole, with strings and comments in them read as strings and comments
// (their brackets, commas, semicolons and line breaks do not end anything),
// and what is not closed said with its line.
#include <doctest/doctest.h>

#include <string>

#include "build/import/js_literal.hpp"

namespace {

using ojson = nlohmann::ordered_json;

struct Read {
  bool ok;
  ojson out;
  std::string error;
  int line = 0;
};

Read front(const std::string& text) {
  Read r;
  r.ok = quire::import::parse_js_front(text, r.out, r.error, r.line);
  return r;
}

}  // namespace

TEST_SUITE("js_literal") {

TEST_CASE("a computed value ends at its comma or brace, not at one in its strings or comments") {
  const Read r = front(
      "{\n  a: f(\"x, y }\", 'z ] ;', `q ) ${g(\"}\")}`), // not the end, }\n"
      "  b: h(/* , } */ 1,\n    2),\n  c: 3,\n}\n");
  REQUIRE(r.ok);
  CHECK(quire::import::js_computed(r.out["a"]));
  CHECK(quire::import::js_computed(r.out["b"]));
  CHECK(r.out["c"] == 3);
  CHECK(r.out.size() == 3);
}

TEST_CASE("an environment variable with a literal fallback is the fallback; another is computed") {
  const Read r = front(
      "export const url = process.env.URL || 'https://cyberweekly.net';\n"
      "const base = process.env.BASE ?? \"/blog/\"\n"
      "const port = process.env.PORT || 8080\n"
      "const bare = process.env.URL\n"
      "const called = process.env.URL || f('x')\n"
      "const more = process.env.URL || 'a' + 'b'\n"
      "const none = process.env.URL || null\n");
  REQUIRE(r.ok);
  CHECK(r.out["url"] == "https://cyberweekly.net");
  CHECK(r.out["base"] == "/blog/");
  CHECK(r.out["port"] == 8080);
  for (const char* k : {"bare", "called", "more", "none"}) {
    CAPTURE(k);
    CHECK(quire::import::js_computed(r.out[k]));
  }
  Read data;
  data.ok = quire::import::parse_js_data_file("module.exports = {\n  url: process.env.SITE_URL || \"https://x.org\",\n  t: 'T',\n};\n",
                                              data.out, data.error, data.line);
  REQUIRE(data.ok);
  CHECK(data.out == ojson::parse(R"({"url":"https://x.org","t":"T"})"));
}

TEST_CASE("a computed declaration ends at a line starting the next declaration") {
  const Read r = front("const a = f(1)\n  + g(';')\nconst b = 'two'\nlet c = h(\"\\n\")\nvar d = 4\n");
  REQUIRE(r.ok);
  CHECK(quire::import::js_computed(r.out["a"]));
  CHECK(r.out["b"] == "two");
  CHECK(quire::import::js_computed(r.out["c"]));
  CHECK(r.out["d"] == 4);
}

TEST_CASE("a statement that is no declaration is skipped whole, strings and comments in it too") {
  const Read r = front(
      "import x from \"./a;b.js\";\nfunction f() {\n  const s = '}';\n  /* ; } */ return `;\n`;\n}\n"
      "// const hidden = 1;\nconst title = 'T';\n");
  REQUIRE(r.ok);
  CHECK(r.out == ojson::parse(R"({"title":"T"})"));
}

TEST_CASE("what is not closed is said, with its line") {
  SUBCASE("a string in a computed value") {
    const Read r = front("const a = 1;\nconst b = f(\"open);\n");
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("string not closed") != std::string::npos);
    CHECK(r.line == 3);  // the end of the text, where the string was still open
  }
  SUBCASE("a bracket in a computed value") {
    const Read r = front("{\n  a: f(1,\n  [2\n");
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("brackets not closed") != std::string::npos);
  }
  SUBCASE("a string in a skipped statement") {
    const Read r = front("const a = 1;\nfunction f() { return 'x; }\n");
    CHECK_FALSE(r.ok);
    CHECK(r.error.find("string not closed") != std::string::npos);
    CHECK(r.line == 3);  // the end of the text, where the string was still open
  }
}

}  // TEST_SUITE
