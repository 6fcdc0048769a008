#include <doctest/doctest.h>

#include <string>

#include "core/bundle.hpp"
#include "core/router.hpp"
#include "core/views.hpp"
#include "core/widget.hpp"

namespace {

// Five posts over three months; bodies differ so that chunks do.
quire::Bundle five_posts() {
  std::string posts;
  for (int i = 1; i <= 5; ++i) {
    if (i > 1) posts += ",";
    posts += R"({"slug":"p)" + std::to_string(i) + R"(","title":"Post )" + std::to_string(i) +
             R"(","date":"2024-0)" + std::to_string(1 + i / 2) + R"(-1)" + std::to_string(i) +
             R"(","tags":["t)" + std::to_string(i % 2) + R"("],"summary":"Summary )" + std::to_string(i) +
             R"(","body":"# Body )" + std::to_string(i) + R"(\n\nText of post )" + std::to_string(i) + R"(."})";
  }
  auto r = quire::load_bundle(R"({"format":"quire-bundle","version":1,"site":{"title":"S","posts_per_page":2},"posts":[)" + posts + "]}");
  REQUIRE_MESSAGE(r.ok, r.message);
  return r.bundle;
}

}  // namespace

TEST_SUITE("split") {
  TEST_CASE("a split bundle loads from its index alone and takes bodies from its chunks") {
    quire::Bundle full = five_posts();
    quire::SplitBundle split = quire::write_split_bundle(full, quire::kChunkDir, 2, {}, 0);  // version 1 (test_shards.cpp: 2)
    REQUIRE(split.chunks.size() == 3);  // 2 + 2 + 1
    for (const auto& c : split.chunks) {
      CHECK(c.path.rfind("chunks/", 0) == 0);
      CHECK(c.path.size() == std::string("chunks/").size() + 16 + 5);
    }
    auto r = quire::load_bundle(split.index);
    REQUIRE_MESSAGE(r.ok, r.message);
    quire::Bundle& b = r.bundle;
    REQUIRE(b.posts.size() == 5);
    REQUIRE(b.chunks.size() == 3);

    SUBCASE("the index has no bodies, but every post names its chunk and reading time") {
      for (const quire::Post& p : b.posts) {
        CHECK_FALSE(p.has_body);
        CHECK(p.body.empty());
        REQUIRE(b.missing_chunk(p) != nullptr);
        CHECK(p.minutes == 1);
      }
      CHECK(split.index.find("Text of post") == std::string::npos);
    }
    SUBCASE("every list view renders from the index and needs no chunk") {
      for (const char* path : {"/", "/page/2/", "/tags/", "/tags/t1/", "/archive/", "/archive/2024/02/",
                               "/search/?q=summary"}) {
        CAPTURE(path);
        quire::View v = quire::render_view(b, quire::parse_route(path));
        CHECK(v.status == 200);
        CHECK(v.needs.empty());
        if (v.kind == quire::RouteKind::Home) CHECK(v.html.find("1 min read") != std::string::npos);
      }
    }
    SUBCASE("a post view names exactly its chunk, and renders the body once that is added") {
      quire::View before = quire::render_view(b, quire::post_route("p3"));
      CHECK(before.status == 200);
      CHECK(before.html.find("Loading…") != std::string::npos);
      const std::string* chunk = b.missing_chunk(*b.find_post("p3"));
      REQUIRE(chunk);
      CHECK(before.needs == *chunk);
      CHECK(quire::chunk_needed(b, quire::post_route("p3")) == *chunk);
      CHECK(quire::chunk_needed(b, quire::home_route()).empty());

      const quire::SplitBundle::Chunk* file = nullptr;
      for (const auto& c : split.chunks)
        if (c.path == *chunk) file = &c;
      REQUIRE(file);
      quire::ChunkResult added = quire::add_chunk(b, file->json);
      REQUIRE_MESSAGE(added.ok, added.message);
      CHECK(added.bodies >= 1);
      quire::View after = quire::render_view(b, quire::post_route("p3"));
      CHECK(after.needs.empty());
      CHECK(after.html.find("Text of post 3.") != std::string::npos);
      CHECK(after.html.find("Loading…") == std::string::npos);
      CHECK(b.find_post("p3")->body == full.find_post("p3")->body);
    }
    SUBCASE("a widget's post view names its chunk, and renders the body once that is added") {
      quire::WidgetRequest req;
      req.view = "post";
      req.slug = "p2";
      req.bundle_base = "https://blog.example/";
      quire::WidgetView before = quire::render_widget(b, req);
      CHECK(before.status == 200);
      const std::string* chunk = b.missing_chunk(*b.find_post("p2"));
      REQUIRE(chunk);
      CHECK(before.needs == *chunk);
      CHECK(before.html.find("Text of post 2.") == std::string::npos);
      CHECK(before.html.find("https://blog.example/posts/p2/") != std::string::npos);
      CHECK(quire::render_widget(b, quire::WidgetRequest{}).needs.empty());  // lists need no chunk

      for (const auto& c : split.chunks)
        if (c.path == *chunk) REQUIRE(quire::add_chunk(b, c.json).ok);
      quire::WidgetView after = quire::render_widget(b, req);
      CHECK(after.needs.empty());
      CHECK(after.html.find("Text of post 2.") != std::string::npos);
    }
    SUBCASE("search looks at titles, tags and summaries alone, whichever chunks are loaded") {
      // "Text" is in every body and in no title, tag or summary.
      CHECK(quire::search_posts(full, "text").size() == 5);  // the single form holds every body
      CHECK(quire::search_posts(b, "text").empty());
      for (const auto& c : split.chunks) REQUIRE(quire::add_chunk(b, c.json).ok);
      CHECK(quire::search_posts(b, "text").empty());  // the same for every reader
      CHECK(quire::search_posts(b, "summary 3").size() == 1);
    }
    SUBCASE("after every chunk is added the bundle equals the single-file one") {
      for (const auto& c : split.chunks) REQUIRE(quire::add_chunk(b, c.json).ok);
      for (size_t i = 0; i < b.posts.size(); ++i) {
        CHECK(b.posts[i].slug == full.posts[i].slug);
        CHECK(b.posts[i].body == full.posts[i].body);
        CHECK(b.posts[i].has_body);
      }
      for (const char* path : {"/", "/posts/p1/", "/tags/t0/", "/archive/"})
        CHECK(quire::render_view(b, quire::parse_route(path)).html ==
              quire::render_view(full, quire::parse_route(path)).html);
    }
  }

  TEST_CASE("chunks are grouped from the oldest post, so a new post changes only the newest chunk") {
    quire::Bundle b = five_posts();
    quire::SplitBundle before = quire::write_split_bundle(b, "chunks/", 2, {}, 0);
    quire::Post newer = b.posts.front();
    newer.slug = "p6";
    newer.date = "2024-12-01";
    newer.when = *quire::parse_date(newer.date);
    b.posts.push_back(newer);
    b.index();
    quire::SplitBundle after = quire::write_split_bundle(b, "chunks/", 2, {}, 0);
    REQUIRE(after.chunks.size() == 3);
    CHECK(after.chunks[0].path == before.chunks[0].path);
    CHECK(after.chunks[1].path == before.chunks[1].path);
    CHECK(after.chunks[2].path != before.chunks[2].path);
  }

  TEST_CASE("malformed split bundles and chunks give an error naming the path") {
    const std::string head = R"({"format":"quire-bundle","version":1,"site":{},)";
    const std::string post = R"("slug":"a","title":"A","date":"2022-01-01")";
    struct Case {
      const char* name;
      std::string json;
      const char* message;
    };
    const Case cases[] = {
        {"chunks not an array", head + R"("chunks":"x","posts":[]})", "chunks: expected array, got string"},
        {"chunk path not a string", head + R"("chunks":[3],"posts":[]})", "chunks[0]: expected string, got number"},
        {"chunk path climbing out", head + R"("chunks":["../x.json"],"posts":[]})",
         "chunks[0]: expected a relative path"},
        {"absolute chunk path", head + R"("chunks":["/x.json"],"posts":[]})", "chunks[0]: expected a relative path"},
        {"chunk index out of range", head + R"("chunks":["c/a.json"],"posts":[{)" + post + R"(,"chunk":1}]})",
         "posts[0].chunk: expected 0..0, got 1"},
        {"chunk without chunks", head + R"("posts":[{)" + post + R"(,"chunk":0}]})",
         "posts[0].chunk: refers to a chunk, but the bundle has no \"chunks\""},
        {"chunk a string", head + R"("chunks":["c/a.json"],"posts":[{)" + post + R"(,"chunk":"0"}]})",
         "posts[0].chunk: expected integer, got string"},
        {"minutes zero", head + R"("posts":[{)" + post + R"(,"minutes":0}]})", "posts[0].minutes: expected 1..100000, got 0"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      auto r = quire::load_bundle(c.json);
      CHECK_FALSE(r.ok);
      CHECK(r.code == "schema");
      CHECK_MESSAGE(r.message.find(c.message) != std::string::npos, r.message);
    }
  }

  TEST_CASE("a bad chunk is refused whole and leaves the bundle as it was") {
    quire::Bundle full = five_posts();
    auto r = quire::load_bundle(quire::write_split_bundle(full, "chunks/", 8, {}, 0).index);
    REQUIRE(r.ok);
    quire::Bundle& b = r.bundle;
    struct Case {
      const char* name;
      std::string json;
      const char* code;
      const char* message;
    };
    const Case cases[] = {
        {"not JSON", "{", "parse", "not valid JSON"},
        {"a bundle, not a chunk", R"({"format":"quire-bundle","version":1,"posts":[]})", "format",
         "format: expected \"quire-chunk\""},
        {"newer version", R"({"format":"quire-chunk","version":2,"posts":[]})", "version", "newer than this Quire"},
        {"body missing", R"({"format":"quire-chunk","version":1,"posts":[{"slug":"p1"}]})", "schema",
         "posts[0].body: expected string"},
        {"unknown post after a good one",
         R"({"format":"quire-chunk","version":1,"posts":[{"slug":"p1","body":"x"},{"slug":"zz","body":"y"}]})",
         "schema", "posts[1].slug: no post \"zz\" in the bundle"},
    };
    for (const Case& c : cases) {
      CAPTURE(c.name);
      quire::ChunkResult added = quire::add_chunk(b, c.json);
      CHECK_FALSE(added.ok);
      CHECK(added.code == c.code);
      CHECK_MESSAGE(added.message.find(c.message) != std::string::npos, added.message);
      CHECK_FALSE(b.find_post("p1")->has_body);  // nothing half-added
    }
  }
}
