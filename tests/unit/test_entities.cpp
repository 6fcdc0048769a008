// Tests for src/core/entities.hpp: the compact named-entity table generated
// from md4c's entity.c must hold exactly entity.c's entries, decoding to the
// same text as md4c's own entity_lookup().
#include <doctest/doctest.h>

extern "C" {
#include <entity.h>
}

#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "core/entities.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"

namespace {

// The names in the fetched md4c's entity.c, read independently of the
// generator ("&AElig;", ... as written there).
std::vector<std::string> md4c_entity_names() {
  std::ifstream in(std::string(MD4C_ROOT) + "/src/entity.c");
  std::ostringstream text;
  text << in.rdbuf();
  const std::string s = text.str();
  std::vector<std::string> names;
  const std::regex entry(R"re(\{ "(&[A-Za-z0-9]+;?)", \{ [0-9]+, [0-9]+ \} \})re");
  for (std::sregex_iterator it(s.begin(), s.end(), entry), end; it != end; ++it) names.push_back((*it)[1]);
  return names;
}

// What md4c-html would append for a name: the UTF-8 of its code points.
std::string md4c_text(const std::string& name) {
  const struct entity* e = entity_lookup(name.c_str(), name.size());
  REQUIRE(e != nullptr);
  std::string out;
  quire::append_utf8(out, e->codepoints[0]);
  if (e->codepoints[1] != 0) quire::append_utf8(out, e->codepoints[1]);
  return out;
}

}  // namespace

TEST_SUITE("entities") {
  TEST_CASE("the table holds as many names as md4c's entity.c") {
    const std::vector<std::string> names = md4c_entity_names();
    CHECK(names.size() > 2000);
    CHECK(quire::named_entity_count() == names.size());
  }

  TEST_CASE("every name of md4c's entity.c decodes to the same text as md4c's lookup") {
    std::size_t mismatches = 0;
    for (const std::string& name : md4c_entity_names()) {
      if (quire::named_entity_text(name) != md4c_text(name)) {
        ++mismatches;
        MESSAGE("differs: " << name);
      }
    }
    CHECK(mismatches == 0);
  }

  TEST_CASE("common entities decode to their characters") {
    CHECK(quire::named_entity_text("&amp;") == "&");
    CHECK(quire::named_entity_text("&lt;") == "<");
    CHECK(quire::named_entity_text("&nbsp;") == "\xC2\xA0");
    CHECK(quire::named_entity_text("&eacute;") == "\xC3\xA9");
    CHECK(quire::named_entity_text("&AElig;") == "\xC3\x86");    // the first name
    CHECK(quire::named_entity_text("&zwnj;") == "\xE2\x80\x8C");  // the last
    CHECK(quire::named_entity_text("&Afr;") == "\xF0\x9D\x94\x84");  // outside the BMP
    CHECK(quire::named_entity_text("&NewLine;") == "\n");
    CHECK(quire::named_entity_text("&nvlt;") == "<\xE2\x83\x92");  // two code points
  }

  TEST_CASE("unknown or malformed names decode to nothing") {
    CHECK(quire::named_entity_text("&bogus;").empty());
    CHECK(quire::named_entity_text("&amp").empty());  // md4c only has "&amp;"
    CHECK(quire::named_entity_text("&AMP").empty());
    CHECK(quire::named_entity_text("&ampx;").empty());
    CHECK(quire::named_entity_text("amp;").empty());
    CHECK(quire::named_entity_text("&").empty());
    CHECK(quire::named_entity_text("").empty());
  }

  TEST_CASE("an unknown entity stays text in rendered markdown") {
    CHECK(quire::render_markdown("&bogus; &copy; &Afr;") == "<p>&amp;bogus; \xC2\xA9 \xF0\x9D\x94\x84</p>\n");
  }
}
