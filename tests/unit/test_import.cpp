// quire import: each conversion, text in -> text out, and the build's
// warning for template syntax left in a post.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "build/content.hpp"
#include "build/import/common.hpp"
#include "build/import/import.hpp"
#include "build/import/js_literal.hpp"
#include "build/import/template_syntax.hpp"
#include "build/toml_guard.hpp"
#include "build/yaml_guard.hpp"
#include "core/code_tokens.hpp"
#include "core/router.hpp"
#include "core/markdown.hpp"

namespace fs = std::filesystem;
using namespace quire;
using namespace quire::import;

namespace {

struct Fixture {
  ImportReport report;
  Run run;
  explicit Fixture(Engine e, std::string permalink = "")
      : run{e, fs::path("src"), fs::path("dest"), report, std::move(permalink), "", {}, "", {}, {}, {}, "en", {}, {}, false} {}

  // A post the links can point at.
  void add_post(const std::string& slug, const std::string& date, std::vector<std::string> keys) {
    Item item;
    item.slug = slug;
    item.out["date"] = date;
    item.keys = std::move(keys);
    run.items.push_back(item);
  }
  std::string liquid(const std::string& text) {
    std::string out = rewrite_tags(text, 1, "p.md", run, [&](std::string_view t, Tag& tag) { return liquid_tag(run, t, tag); });
    out = strip_raw_in_code(run, out);
    return remove_kramdown_ial(run, out, 1, "p.md");
  }
  std::string hugo(const std::string& text) {
    return rewrite_tags(text, 1, "p.md", run, [&](std::string_view t, Tag& tag) { return hugo_shortcode(run, t, tag); });
  }
  std::string zola(const std::string& text) {
    std::string out = rewrite_tags(text, 1, "p.md", run, [&](std::string_view t, Tag& tag) { return zola_shortcode(run, t, tag); });
    return zola_links(run, out, 1, "p.md");
  }
  std::string notes() const {
    std::string s;
    for (const Diagnostic& d : report.not_converted) s += d.str() + "\n";
    return s;
  }
};

}  // namespace

TEST_SUITE("import") {

TEST_CASE("dates as the engines write them become ISO 8601, keeping the offset") {
  SUBCASE("valid input") {
    CHECK(iso_date("2016-10-06 11:10:38 -0700") == "2016-10-06T11:10:38-07:00");
    CHECK(iso_date("2016-10-06 11:10 +05:30") == "2016-10-06T11:10:00+05:30");
    CHECK(iso_date("2021-03-02T07:15:00+01:00") == "2021-03-02T07:15:00+01:00");
    CHECK(iso_date("2021-03-02T07:15:00.123Z") == "2021-03-02T07:15:00Z");
    CHECK(iso_date("2021-03-02 9:05") == "2021-03-02T09:05:00");
    // Ruby's Time#to_s of old, date(1)'s (hepplerj's 17 posts; checked with Ruby's Time.parse)
    CHECK(iso_date("Sat May 05 17:44:58 -0500 2011") == "2011-05-05T17:44:58-05:00");
    CHECK(iso_date("Sat May 05 17:44:58 UTC 2011") == "2011-05-05T17:44:58Z");
    CHECK(iso_date("Mon Jan 02 09:05:00 2012") == "2012-01-02T09:05:00");
    CHECK(iso_date("May 5 17:44 2011") == "2011-05-05T17:44:00");
    CHECK_FALSE(iso_date("Sat May 05 17:44:58 -0500"));
    CHECK(iso_date("2021-03-02") == "2021-03-02");
    CHECK(iso_date("2019-04-09 08:00:00 PST") == "2019-04-09T08:00:00-08:00");
    CHECK(iso_date("2019-07-09 08:00 EDT") == "2019-07-09T08:00:00-04:00");
    CHECK(iso_date("2019-4-9") == "2019-04-09");
    CHECK(iso_date("2019-4-19 9:05 +0100") == "2019-04-19T09:05:00+01:00");
    // Hugo's and Ruby's other layouts (a real Hugo blog's "23 March 2020")
    CHECK(iso_date("23 March 2020") == "2020-03-23");
    CHECK(iso_date("26 Mar 2018") == "2018-03-26");
    CHECK(iso_date("March 5, 2021") == "2021-03-05");
    CHECK(iso_date("Sep 30 2019 14:05") == "2019-09-30T14:05:00");
    CHECK(iso_date("Mon, 02 Jan 2006 15:04:05 -0700") == "2006-01-02T15:04:05-07:00");
    CHECK(iso_date("2020/03/23") == "2020-03-23");
    // A 12-hour clock and a zero-led hour, as Ruby's Time.parse reads them (edburns's).
    CHECK(iso_date("2005-03-04 6:39:00 AM") == "2005-03-04T06:39:00");
    CHECK(iso_date("2005-03-04 12:05 am") == "2005-03-04T00:05:00");
    CHECK(iso_date("2005-03-04 12:05 PM -0500") == "2005-03-04T12:05:00-05:00");
    CHECK(iso_date("2005-03-04 7:30 pm") == "2005-03-04T19:30:00");
    CHECK(iso_date("2017-05-02 011:00 -0600") == "2017-05-02T11:00:00-06:00");
  }
  SUBCASE("invalid input") {
    CHECK_FALSE(iso_date("Last Modified"));
    CHECK_FALSE(iso_date("2021-02-30"));
    CHECK_FALSE(iso_date("2021-03-02 noon"));
    CHECK_FALSE(iso_date("2021-03-02T07:15:00 +7"));
    CHECK_FALSE(iso_date("2021-03-02 07:15 IST"));  // India, Israel or Ireland: not guessed
    CHECK_FALSE(iso_date("2019-4-9x"));
    CHECK_FALSE(iso_date("31 February 2020"));
    CHECK_FALSE(iso_date("March madness 2020"));
    CHECK_FALSE(iso_date("5 Marbles 2020x"));
    CHECK_FALSE(iso_date("2005-03-04 13:05 PM"));
    CHECK_FALSE(iso_date("2005-03-04 6:39 AMX"));
  }
}

TEST_CASE("TOML front matter with Zola's taxonomies becomes Quire's YAML") {
  const SourceDoc doc = split_front_matter(
      "\n+++\ntitle = \"Spring\"\ndate = 2021-05-01T09:30:00-04:00\nupdated = 2021-05-02\n"
      "[taxonomies]\ntags = [\"garden\", \"spring\"]\ncategories = [\"journal\"]\n[extra]\nmood = \"calm\"\n+++\nText.\n");
  REQUIRE(doc.format == "toml");
  CHECK(doc.front_line == 3);
  CHECK(doc.body == "Text.\n");
  Fixture f(Engine::zola);
  Item item;
  std::string error;
  int line = 0;
  REQUIRE(parse_front(doc, item.in, error, line));
  convert_front(f.run, item);
  item.slug = "spring";
  finish_front(f.run, item, "");
  CHECK(yaml_front_matter(item.out) ==
        "---\ntitle: \"Spring\"\ndate: 2021-05-01T09:30:00-04:00\nupdated: 2021-05-02\n"
        "tags: [\"garden\",\"spring\"]\ncategories: [\"journal\"]\n---\n");
  CHECK(f.report.keys_left_out.at("extra") == 1);
}

TEST_CASE("Jekyll's front matter: space-separated categories, published: false, title from the file name") {
  Fixture f(Engine::jekyll);
  Item item;
  std::string error;
  int line = 0;
  REQUIRE(parse_yaml("layout: post\ncategories: notes tools\ntags: [a, \"#\"]\npublished: false\n"
                     "date: 2016-10-06 11:10:38 -0700\nredirect_from: /old/\n",
                     item.in, error, line));
  convert_front(f.run, item);
  item.slug = "my-first-post";
  finish_front(f.run, item, "2016-10-06");
  CHECK(yaml_front_matter(item.out) ==
        "---\ntitle: \"My First Post\"\ndate: 2016-10-06T11:10:38-07:00\ndraft: true\nredirect_from: [\"/old/\"]\n"
        "tags: [\"a\"]\ncategories: [\"notes\",\"tools\"]\n---\n");
  CHECK(f.notes().find("tags: \"#\" has no letter or digit") != std::string::npos);
}

TEST_CASE("a file name Quire would refuse as a slug gets a slug: written, and reported") {
  Fixture f(Engine::hugo);
  Item item;
  item.shown = "content/posts/My Post.md";
  item.slug = "My Post";
  item.out["date"] = "2020-01-01";
  finish_front(f.run, item, "");
  CHECK(item.out["slug"] == "my-post");
  // Counted, not listed to check by hand (the slug key says it).
  CHECK(f.notes() == "content/posts/My Post.md: no title; \"My Post\" made from the file name\n");
  CHECK(f.run.report.converted.count("a file name's slug Quire refuses (spaces, another script) written as an ASCII slug key") == 1);
}

TEST_CASE("Liquid: highlight becomes a fenced block, linenos kept as a fence option") {
  Fixture f(Engine::jekyll);
  CHECK(f.liquid("Before.\n\n{% highlight ruby linenos %}\ndef a\n  1\nend\n{% endhighlight %}\n\nAfter.\n") ==
        "Before.\n\n```ruby {linenos=true}\ndef a\n  1\nend\n```\n\nAfter.\n");
  // Nunjucks' quoted language, and code holding a fence of its own.
  CHECK(f.liquid("{%- highlight \"md\" -%}\n```\nx\n```\n{%- endhighlight -%}\n") == "````md\n```\nx\n```\n````\n");
  CHECK(f.report.converted.at("{% highlight %}") == 2);
  // jekyll-mermaid's tag: a block Quire draws
  CHECK(f.liquid("{% mermaid %}\ngraph TD\n  A --> B\n{% endmermaid %}\n") == "```mermaid\ngraph TD\n  A --> B\n```\n");
  CHECK(f.report.converted.at("{% mermaid %}") == 1);
}

TEST_CASE("Liquid: raw is removed and its text kept as it is, in code too") {
  Fixture f(Engine::jekyll);
  CHECK(f.liquid("{% raw %}{{ page.title }}{% endraw %} here\n") == "{{ page.title }} here\n");
  CHECK(f.liquid("```liquid\n{% raw %}\n{{ page.title }}\n{% endraw %}\n```\n") == "```liquid\n{{ page.title }}\n```\n");
  CHECK(f.report.not_converted.empty());
}

TEST_CASE("Liquid: the site's root becomes root-relative, post_url and link the post's new URL") {
  SUBCASE("with the site's permalink pattern") {
    Fixture f(Engine::jekyll, "/:categories/:year/:month/:day/:title/");
    f.add_post("pi-day", "2019-03-14", {"2019/2019-03-14-pi-day", "2019-03-14-pi-day", "_posts/2019/2019-03-14-pi-day.md"});
    f.run.items[0].categories = {"Math"};
    CHECK(f.liquid("![x]({{ site.url }}{{ site.baseurl }}/a.png) [p]({{ site.baseurl }}{% post_url 2019/2019-03-14-pi-day %})\n") ==
          "![x](/a.png) [p](/math/2019/03/14/pi-day/)\n");
    CHECK(f.liquid("[p]({% link _posts/2019/2019-03-14-pi-day.md %}) {{ '/b.css' | relative_url }}\n") ==
          "[p](/math/2019/03/14/pi-day/) /b.css\n");
    // Under the site's root with or without a leading '/', as Jekyll's
    // ensure_leading_slash (askjarv's 6 images); an absolute URL as it is.
    CHECK(f.liquid("![a]({{ \"images/a.png\" | relative_url }}) ![b]({{ 'b.png' | absolute_url }}) "
                   "![c]({{ 'https://e.org/c.png' | relative_url }}) [d]({{ site.baseurl | relative_url }}/d/)\n") ==
          "![a](/images/a.png) ![b](/b.png) ![c](https://e.org/c.png) [d](/d/)\n");
  }
  SUBCASE("alone, the site's root stands for the site") {
    Fixture f(Engine::jekyll);
    CHECK(f.liquid("[home]({{ site.baseurl }}) at {{ site.url }}.\n") == "[home](/) at /.\n");
    f.run.site_url = "https://notes.example/blog/";
    CHECK(f.liquid("Visit {{ site.url }} today.\n") == "Visit https://notes.example/blog/ today.\n");
  }
  SUBCASE("by default") {
    Fixture f(Engine::jekyll);
    f.add_post("pi-day", "2019-03-14", {"2019-03-14-pi-day"});
    CHECK(f.liquid("{% post_url 2019-03-14-pi-day %}\n") == "/posts/pi-day/\n");
    // A leading slash, which Jekyll ignores (made-mistakes' 203 links)
    CHECK(f.liquid("[p]({% post_url /2019-03-14-pi-day %})\n") == "[p](/posts/pi-day/)\n");
  }
  SUBCASE("a post that is not there is reported") {
    Fixture f(Engine::jekyll);
    CHECK(f.liquid("x\n{% post_url 2000-01-01-gone %}\n") == "x\n{% post_url 2000-01-01-gone %}\n");
    CHECK(f.notes() == "p.md:2: {% post_url 2000-01-01-gone %}: no post \"2000-01-01-gone\" in the source\n");
  }
}

TEST_CASE("Liquid: include figure becomes an image, with a caption a <figure>; other includes are reported") {
  Fixture f(Engine::jekyll);
  CHECK(f.liquid("{% include figure image_path=\"/i/a.png\" alt=\"An [a]\" %}\n") == "![An \\[a\\]](/i/a.png)\n");
  CHECK(f.liquid("{% include figure.html image_path=\"{{ site.baseurl }}/i/a.png\" alt=\"A\" caption=\"Cap *it*\" %}\n") ==
        "<figure>\n\n![A](/i/a.png)\n\n<figcaption>\n\nCap *it*\n\n</figcaption>\n</figure>\n");
  CHECK(f.liquid("a\n\n{% include note.html text=\"x\" %}\n") == "a\n\n{% include note.html text=\"x\" %}\n");
  CHECK(f.notes().find("p.md:3: {% include note.html text=\"x\" %}: include of a template") == 0);
  // jekyll-include-cache's include_cached is an include (made-mistakes' 917)
  CHECK(f.liquid("{% include_cached figure image_path=\"/i/b.png\" alt=\"B\" %}\n") == "![B](/i/b.png)\n");
}

TEST_CASE("Liquid: the themes' video and audio includes become players (Chirpy's embed/, Minimal Mistakes' video, al-folio's video.liquid)") {
  Fixture f(Engine::jekyll);
  CHECK(f.liquid("{% include embed/youtube.html id='Ab_c-1?start=1631' title='t' %}\n") ==
        "<iframe src=\"https://www.youtube-nocookie.com/embed/Ab_c-1?start=1631\" class=\"video\" title=\"YouTube video\" loading=\"lazy\" allowfullscreen></iframe>\n");
  CHECK(f.liquid("{% include video id=\"RuY-JRvlcKk\" provider=\"youtube\" %}\n") ==
        "<iframe src=\"https://www.youtube-nocookie.com/embed/RuY-JRvlcKk\" class=\"video\" title=\"YouTube video\" loading=\"lazy\" allowfullscreen></iframe>\n");
  CHECK(f.liquid("{% include embed/vimeo.html id='12345' %}\n") ==
        "<iframe src=\"https://player.vimeo.com/video/12345\" class=\"video\" title=\"Vimeo video\" loading=\"lazy\" allowfullscreen></iframe>\n");
  CHECK(f.liquid("{% include embed/video.html src=\"/media/a b.mp4\" title=\"Demo\" %}\n") ==
        "<video src=\"/media/a%20b.mp4\" controls></video><br><em>Demo</em>\n");
  CHECK(f.liquid("{% include video.liquid path=\"assets/video/x.mp4\" class=\"img-fluid\" controls=true %}\n") ==
        "<video src=\"/assets/video/x.mp4\" controls></video>\n");
  CHECK(f.liquid("{% include embed/audio.html src='/a.mp3' %}\n") == "<audio src=\"/a.mp3\" controls></audio>\n");
  // No video id or a template in the path: reported, left as it is
  CHECK(f.liquid("{% include embed/youtube.html id='a b' %}\n") == "{% include embed/youtube.html id='a b' %}\n");
  CHECK(f.liquid("{% include embed/video.html src='{URL}' %}\n") == "{% include embed/video.html src='{URL}' %}\n");
  CHECK(f.report.converted.at("{% include <video or audio> %} (a theme's player)") == 6);
  CHECK(f.notes().find("include of a template (embed/youtube.html)") != std::string::npos);
}

TEST_CASE("Liquid: kramdown span attribute lists inside a line (a link's {:target=\"_blank\"}) are removed, not shown") {
  Fixture f(Engine::jekyll);
  CHECK(f.liquid("Using [mermaid](https://m.example/){:target=\"\\_blank\"} and [b](/b){:target=\"_blank\" rel=\"noopener\"}.\n") ==
        "Using [mermaid](https://m.example/) and [b](/b).\n");
  CHECK(f.liquid("![a](a.png){: width='100%' }caption **b**{: .x} `/a/b`{: .filepath} text\n") == "![a](a.png)caption **b** `/a/b` text\n");
  CHECK(f.report.converted.at("kramdown attribute list on a link or span ({:target=\"_blank\"}, {: .filepath}): dropped") == 5);
  CHECK(f.liquid("See [the docs](https://d.example){:target=\"_blank\" rel=\"noopener noreferrer\"}\n") == "See [the docs](https://d.example)\n");
  CHECK(f.report.converted.at("kramdown attribute list on a link or span ({:target=\"_blank\"}, {: .filepath}): dropped") == 6);
  CHECK(f.notes().empty());
  // In code, or not after a span element: left as it is
  CHECK(f.liquid("`[a](b){:target=\"_blank\"}` and word{: .x} and {::nomarkdown}\n") ==
        "`[a](b){:target=\"_blank\"}` and word{: .x} and {::nomarkdown}\n");
}

TEST_CASE("Liquid: kramdown attribute lists are removed and reported") {
  Fixture f(Engine::jekyll);
  CHECK(f.liquid("A lead.\n{: .lead}\n\n![x](y.png){: .center}\n\n* TOC\n{:toc}\n\nText.\n") ==
        "A lead.\n\n![x](y.png)\n\n\nText.\n");
  CHECK(f.notes() ==
        "p.md:2: kramdown attribute list \"{: .lead}\" removed\n"
        "p.md:7: kramdown table of contents \"{:toc}\" removed (toc: true gives Quire's)\n");
  // Layout only (.center, alignment, style, width): counted, not a line each
  CHECK(f.report.converted.at("kramdown attribute list of layout only ({: .align-center}, style, width): dropped") == 1);
}

TEST_CASE("Liquid: a capture at the very start of a post, shown by markdownify") {
  Fixture f(Engine::jekyll);
  CHECK(f.liquid("{% capture x %}\n**Hi**\n{% endcapture %}\n{{ x | markdownify }}\nEnd.\n") == "**Hi**\n\nEnd.\n");
  CHECK(f.notes().empty());
}

TEST_CASE("Liquid: Minimal Mistakes' {: .notice--info} and Chirpy's {: .prompt-tip} make callouts") {
  Fixture f(Engine::jekyll);
  CHECK(f.liquid("Intro.\n\n**Note:** read *this*\nfirst.\n{: .notice--info}\n\n> Use `x`.\n> Really.\n{: .prompt-tip }\n\n"
                 "![a](a.png)\n{: .align-center width=\"80%\"}\n\n![b](b.png)\n{: style=\"text-align: center;\"}\n") ==
        "Intro.\n\n<div class=\"callout callout-info\">\n\n**Note:** read *this*\nfirst.\n\n</div>\n\n"
        "<div class=\"callout callout-tip\">\n\nUse `x`.\nReally.\n\n</div>\n\n![a](a.png)\n\n![b](b.png)\n");
  CHECK(f.notes().empty());
  CHECK(f.report.converted.at("kramdown {: .notice--*} or {: .prompt-*} (as a callout)") == 2);
  CHECK(f.report.converted.at("kramdown attribute list of layout only ({: .align-center}, style, width): dropped") == 2);
}

TEST_CASE("Text in fenced, indented and inline code is never changed") {
  Fixture f(Engine::jekyll);
  const std::string code =
      "```\n{{ site.url }} {% post_url x %}\n```\n\n    {% highlight ruby %}\n\nIn `{{ site.baseurl }}` and ``{% x %}``.\n"
      "~~~~\n{: .lead}\n~~~~\n";
  CHECK(f.liquid(code) == code);
  CHECK(f.report.not_converted.empty());
  Fixture h(Engine::hugo);
  const std::string hugo_code = "```go-html-template\n{{< figure src=\"a.png\" >}}\n```\n";
  CHECK(h.hugo(hugo_code) == hugo_code);
}

TEST_CASE("Text indented under a list item is the item's, not code: its Liquid is converted; code needs 4 more columns") {
  // A Minimal Mistakes newsletter: "1. [link](...)" then, after a blank
  // line, "    ![Seashore]({{ site.url }}{{ site.baseurl }}/a.jpg)".
  Fixture f(Engine::jekyll);
  CHECK(f.liquid("1. [Seashore](https://r.example)\n    \n    ![S]({{ site.url }}{{ site.baseurl }}/a.jpg)\n") ==
        "1. [Seashore](https://r.example)\n    \n    ![S](/a.jpg)\n");
  CHECK(f.liquid("- item\n\n      {{ site.url }} in code\n") == "- item\n\n      {{ site.url }} in code\n");
  // The list ended: indented text after it is code again
  CHECK(f.liquid("- item\n\nText.\n\n    {{ site.url }}\n") == "- item\n\nText.\n\n    {{ site.url }}\n");
  CHECK(code_bytes("1. a\n\n   b `c`\n")[12] == true);
  CHECK(code_bytes("1. a\n\n   b `c`\n")[9] == false);
}

TEST_CASE("Hugo shortcodes: highlight, figure, ref/relref, youtube, gist, in both forms") {
  Fixture f(Engine::hugo, "/:year/:month/:slug/");
  f.add_post("first-light", "2021-03-02", {"first-light.md", "posts/first-light.md", "posts/first-light"});
  CHECK(f.hugo("{{< highlight go \"linenos=table,hl_lines=2\" >}}\nfunc a() {}\n{{< /highlight >}}\n") ==
        "```go {linenos=table,hl_lines=2}\nfunc a() {}\n```\n");
  CHECK(f.hugo("{{% highlight sh %}}ls{{% /highlight %}}\n") == "```sh\nls\n```\n");
  // Hugo reads a closing tag with a space after the slash too (a real blog wrote it so)
  CHECK(f.hugo("{{< highlight cs >}}\nint a;\n{{< / highlight >}}\n") == "```cs\nint a;\n```\n");
  // A theme's diagram shortcode: a block Quire draws (web/diagrams.js)
  CHECK(f.hugo("{{< mermaid >}}\ngraph TD\n  A --> B\n{{< /mermaid >}}\n") == "```mermaid\ngraph TD\n  A --> B\n```\n");
  CHECK(f.hugo("{{< mermaid align=\"center\" >}}\ngraph LR\n  A --> B\n{{< /mermaid >}}\nText.\n") ==
        "```mermaid\ngraph LR\n  A --> B\n```\nText.\n");
  // Ad slots are dropped (mosuke5's {{< horizontal_ad >}}); a name merely holding "ad" is not one
  CHECK(f.hugo("A\n\n{{< horizontal_ad >}}\n\nB {{< adsense >}}\n") == "A\n\n\n\nB \n");
  CHECK(f.hugo("{{< loader_ad >}}{{< sidebar-ads >}}x") == "x");
  // A theme's repository card (PaperMod sites): a link
  CHECK(f.hugo("See {{< github title=\"trazyn/ieaseMusic\" >}} here.\n") ==
        "See [trazyn/ieaseMusic](https://github.com/trazyn/ieaseMusic) here.\n");
  // A site's own paired code shortcode (maku77's Hugo module: 3,892 of them)
  CHECK(f.hugo("Text:\n\n{{< code lang=\"ruby\" title=\"Vagrantfile (*DHCP*)\" hl_lines=\"2\" >}}\na = 1\nb = 2\n{{< /code >}}\n\nMore.\n") ==
        "Text:\n\n*Vagrantfile (\\*DHCP\\*)*\n```ruby {hl_lines=2}\na = 1\nb = 2\n```\n\nMore.\n");
  CHECK(f.hugo("{{< code title=\"out\" >}}\n$ ls\n{{< /code >}}\n") == "*out*\n```\n$ ls\n```\n");
  CHECK(f.hugo("{{< codeblock go >}}\nx()\n{{< /codeblock >}}\n") == "```go\nx()\n```\n");
  // Positional options after the language, as Hugo's highlight takes them (henriksommerfeld's)
  CHECK(f.hugo("{{<code groovy \"linenos=false, hl_lines=4\">}}\nx()\n{{</code>}}\n") == "```groovy {linenos=false,hl_lines=4}\nx()\n```\n");
  CHECK(f.hugo("{{< figure src=\"/a.png\" alt=\"A\" >}}\n") == "![A](/a.png)\n");
  CHECK(f.hugo("{{< figure src=\"a b.png\" title=\"T\" link=\"/big.png\" >}}") ==
        "<figure>\n\n[![](<a b.png>)](/big.png)\n\n<figcaption>\n\nT\n\n</figcaption>\n</figure>");
  CHECK(f.hugo("[a]({{< ref \"first-light.md\" >}}) [b]({{< relref \"posts/first-light#part\" >}})") ==
        "[a](/2021/03/first-light/) [b](/2021/03/first-light/#part)");
  CHECK(f.hugo("{{< youtube id=\"dQw4w9WgXcQ\" >}}") ==
        "<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\" class=\"video\" title=\"YouTube video\" loading=\"lazy\" "
        "allowfullscreen></iframe>");
  CHECK(f.hugo("{{< gist spf13 7896402 \"img.html\" >}}") ==
        "[gist spf13/7896402 (img.html)](https://gist.github.com/spf13/7896402#file-img-html)");
  CHECK(f.report.not_converted.empty());
}

TEST_CASE("Hugo: shortcodes without an equivalent are reported at their line and left; Go syntax is Hugo text") {
  Fixture f(Engine::hugo);
  CHECK(f.hugo("a\n\n{{< newsletter user=\"x\" id=\"1\" >}}\n{{% tabs %}}\nn\n{{% /tabs %}}\n{{ not a template }}\n") ==
        "a\n\n{{< newsletter user=\"x\" id=\"1\" >}}\n{{% tabs %}}\nn\n{{% /tabs %}}\n{{ not a template }}\n");
  CHECK(f.notes() ==
        "p.md:3: {{< newsletter user=\"x\" id=\"1\" >}}: shortcode \"newsletter\" (a template of the theme or site): no equivalent, "
        "rewrite it by hand\n"
        "p.md:4: {{% tabs %}}: shortcode \"tabs\" (a template of the theme or site): no equivalent, rewrite it by hand\n");
  CHECK(f.hugo("{{</* figure src=\"x\" */>}}") == "{{< figure src=\"x\" >}}");
}

TEST_CASE("Zola: @/ links become the post's new URL; shortcodes are reported") {
  Fixture f(Engine::zola);
  f.add_post("summer", "2021-07-15", {"blog/summer.md"});
  CHECK(f.zola("[s](@/blog/summer.md#heat) `[c](@/blog/summer.md)`\n\n{{ map(id=\"x\") }}\n") ==
        "[s](/posts/summer/#heat) `[c](@/blog/summer.md)`\n\n{{ map(id=\"x\") }}\n");
  CHECK(f.notes() == "p.md:3: {{ map(id=\"x\") }}: Zola shortcode map() (a template of the site): no equivalent, "
                     "rewrite it by hand\n");
  // The shortcodes every theme has its own copy of: an image, a figure, a video.
  CHECK(f.zola("{{ youtube(id=\"x\") }}\n") ==
        "<iframe src=\"https://www.youtube-nocookie.com/embed/x\" class=\"video\" title=\"YouTube video\" loading=\"lazy\" allowfullscreen></iframe>\n");
  CHECK(f.zola("{{ image(src=\"/a.png\", alt=\"An owl\", position=\"left\") }}\n") ==
        f.hugo("{{< figure src=\"/a.png\" alt=\"An owl\" >}}\n"));
  // (with an alt: Hugo's figure without one takes the caption)
  CHECK(f.zola("{{ figure(src=\"b.jpg\", caption=\"Night\", alt=\"N\") }}\n") ==
        f.hugo("{{< figure src=\"b.jpg\" caption=\"Night\" alt=\"N\" >}}\n"));
  // Spaces around '=', which Zola's grammar allows (BD103's 5 figures)
  CHECK(f.zola("{{ figure(src = \"b.jpg\", caption = \"Night\", alt = \"N\") }}\n") ==
        f.hugo("{{< figure src=\"b.jpg\" caption=\"Night\" alt=\"N\" >}}\n"));
  // img= naming the post folder's file (msmithstubbs's figure(img=...), reported in 9 notes)
  CHECK(f.zola("{{ figure(img=\"tunnel.png\", alt=\"A tunnel\") }}\n") == f.hugo("{{< figure src=\"tunnel.png\" alt=\"A tunnel\" >}}\n"));
}

TEST_CASE("permalink patterns give the post's new URL, by the core's rule") {
  Fixture f(Engine::jekyll);
  Item item;
  item.slug = "hello";
  item.out["date"] = "2016-01-05T10:00:00+01:00";
  item.categories = {"News", "misc"};
  CHECK(expand_pattern(f.run, quire_pattern("/:categories/:year/:month/:day/:title:output_ext", "posts"), item) ==
        "/news/misc/2016/01/05/hello.html");
  CHECK(expand_pattern(f.run, "/:year/:i_month/:slug/", item) == "/2016/1/hello/");
  CHECK(expand_pattern(f.run, "/:year/:slug/", item, "other") == "/2016/other/");
  item.categories.clear();
  CHECK(expand_pattern(f.run, "/:categories/:title/", item) == "/hello/");
  // The date in the site's time zone, where the build places it (Jekyll
  // does the same): 02:00 in Paris is the evening before in Los Angeles.
  item.out["date"] = "2016-01-05T02:00:00+01:00";
  CHECK(expand_pattern(f.run, "/:year/:month/:day/:slug/", item) == "/2016/01/05/hello/");
  f.run.timezone = "America/Los_Angeles";
  CHECK(expand_pattern(f.run, "/:year/:month/:day/:slug/", item) == "/2016/01/04/hello/");
  CHECK(quire_pattern("/:sections/:contentbasename/", "blog") == "/blog/:slug/");
  // A post's own permalink and a page's slug, in the core's normal form.
  item.out["permalink"] = "/café//x";
  CHECK(f.run.url_of(item) == "/caf%C3%A9/x/");
}

TEST_CASE("Eleventy: a permalink made of page.fileSlug is the post's old URL, kept as its permalink") {
  Fixture f(Engine::eleventy);
  Item item;
  item.source = "src/posts/2022-03-03-third-evening.md";
  item.in["permalink"] = "/{{ page.fileSlug }}/";
  convert_front(f.run, item);
  CHECK(item.out["permalink"] == "/third-evening/");
  CHECK(f.notes().empty());
  Item other;
  other.source = "src/posts/x.md";
  other.in["permalink"] = "/{{page.fileSlug}}/{{ title | slugify }}/";
  convert_front(f.run, other);
  CHECK_FALSE(other.out.contains("permalink"));
  CHECK(f.notes().find("is computed by the old engine") != std::string::npos);
  // Eleventy's slugify as @sindresorhus/slugify made it (mkohler.dev's 3 posts); its older slug filter as simov's.
  Item german;
  german.source = "src/posts/x.md";
  german.in["title"] = "Leitlinien f\u00fcr 2016: 28th & 29th, Gr\u00f6\u00dfe";
  german.in["permalink"] = "/blog/{{ title | slugify }}/";
  convert_front(f.run, german);
  CHECK(german.out["permalink"] == "/blog/leitlinien-fuer-2016-28th-and-29th-groesse/");
  Item old;
  old.source = "src/posts/y.md";
  old.in["title"] = "A & B";
  old.in["permalink"] = "/{{ title | slug }}/";
  convert_front(f.run, old);
  CHECK(old.out["permalink"] == "/a-and-b/");
  // A date filter's format, and default: (allenpike.com's 435 posts at /2017/two-spies/)
  Item dated;
  dated.source = "src/posts/2017-01-05-spies.md";
  dated.in["slug"] = "two-spies";
  dated.in["permalink"] = "/{{ page.date | date: '%Y' }}/{{ slug | default: page.fileSlug }}/index.html";
  convert_front(f.run, dated);
  CHECK(dated.out["permalink"] == "/:year/two-spies/index.html");
  Item plain;
  plain.source = "src/posts/2002-04-07-xbox.md";
  plain.in["permalink"] = "/{{ page.date | date: \"yyyy/LL\" }}/{{ slug | default: page.fileSlug }}/";
  convert_front(f.run, plain);
  CHECK(plain.out["permalink"] == "/:year/:month/xbox/");
  // One the import cannot read keeps no alias at Eleventy's default address
  Item unknown;
  unknown.source = "src/posts/z.md";
  unknown.in["permalink"] = "/{{ page.date | myFilter }}/z/";
  convert_front(f.run, unknown);
  CHECK(unknown.old_url_unknown);
  // A filter of the site's own formatting the date (henrik's slugDate: 346 posts at /2006/07/x/)
  f.run.eleventy_date_filters["slugDate"] = "y/MM";
  f.run.eleventy_date_filters["dayPath"] = "yyyy/M/d";
  f.run.eleventy_date_filters["monthName"] = "yyyy/MMM";
  Item own;
  own.source = "src/posts/2006-07-16-one.md";
  own.in["permalink"] = "/{{ page.date | slugDate }}/{{ page.fileSlug }}/index.html";
  convert_front(f.run, own);
  CHECK(own.out["permalink"] == "/:year/:month/one/index.html");
  Item days;
  days.source = "src/posts/2006-07-16-two.md";
  days.in["permalink"] = "/{{ page.date | dayPath }}/two/";
  convert_front(f.run, days);
  CHECK(days.out["permalink"] == "/:year/:i_month/:i_day/two/");
  Item named;  // a month's name is no token: left to the old engine, said
  named.source = "src/posts/2006-07-16-three.md";
  named.in["permalink"] = "/{{ page.date | monthName }}/three/";
  convert_front(f.run, named);
  CHECK(named.old_url_unknown);
}


TEST_CASE("template syntax outside code is found with its line") {
  const auto found = find_template_syntax(
      "Intro {{ site.url }}.\n\n```\n{% raw %}\n```\n\n    {{ indented }}\n\n`{{< inline >}}` and\n{{< figure src=\"a\" >}}\n"
      "Just {braces} and {{ unclosed.\n");
  REQUIRE(found.size() == 2);
  CHECK(found[0].line == 1);
  CHECK(found[0].snippet == "{{ site.url }}");
  CHECK(found[1].line == 10);
  CHECK(found[1].snippet == "{{< figure src=\"a\" >}}");
}

TEST_CASE("TeX math's braces are no template; dollars as prices are text") {
  const auto found = find_template_syntax(
      "Stirling: $\\left\\{{n \\atop m}\\right\\}$ and\n\n$$\nx = {{h_i}}\n$$\n\n"
      "It costs $5 {{ site.price }} and $10.\nA \\$ sign {{ a }} then $b$.\n");
  REQUIRE(found.size() == 2);
  CHECK(found[0].snippet == "{{ site.price }}");
  CHECK(found[0].line == 7);
  CHECK(found[1].snippet == "{{ a }}");
  CHECK(found[1].line == 8);
}

TEST_CASE("the build warns at file:line for template syntax left in a post") {
  std::vector<Diagnostic> errors, warnings;
  ParsedPost p = parse_post("---\ntitle: T\ndate: 2020-01-01\n---\nText.\n\n{% highlight ruby %}\nx\n{% endhighlight %}\n",
                            "posts/t.md", errors, warnings);
  CHECK(p.ok);
  REQUIRE(warnings.size() == 2);
  CHECK(warnings[0].str() == "posts/t.md:7: " + template_syntax_warning({7, "{% highlight ruby %}"}));
  CHECK(warnings[1].line == 9);
}

namespace {
std::string read_text(const fs::path& p) {
  std::ifstream in(p);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}
}  // namespace

TEST_CASE("old default URLs that the new ones do not keep become aliases (Zola and Jekyll fixtures)") {
  const fs::path tmp = fs::temp_directory_path() / "quire-import-aliases";
  fs::remove_all(tmp);
  ImportReport r = import_blog(Engine::zola, fs::path(QUIRE_SOURCE_DIR) / "tests/fixtures/zola", tmp / "zola", {});
  REQUIRE(r.ok());
  CHECK(read_text(tmp / "zola/posts/summer.md").find("aliases: [\"/blog/summer/\"]\n") != std::string::npos);
  CHECK(read_text(tmp / "zola/posts/2021-05-01-spring-notes.md").find("aliases: [\"/blog/spring-notes/\"]\n") !=
        std::string::npos);
  CHECK(read_text(tmp / "zola/posts/autumn/index.md").find("aliases: [\"/blog/fall/\",\"/blog/autumn/\"]\n") !=
        std::string::npos);
  CHECK(read_text(tmp / "zola/posts/winter.md").find("aliases: [\"/blog/winter/\"]\n") != std::string::npos);
  CHECK(r.converted.at("old URL kept as an alias") == 4);
  // The Jekyll fixture's site pattern is carried over: no alias needed,
  // but for the post whose name Quire cannot take as a slug (café-notes).
  r = import_blog(Engine::jekyll, fs::path(QUIRE_SOURCE_DIR) / "tests/fixtures/jekyll", tmp / "jekyll", {});
  REQUIRE(r.ok());
  CHECK(r.converted.at("old URL kept as an alias") == 1);
  CHECK(read_text(tmp / "jekyll/posts/2021-05-05-café-notes.md").find("aliases: [\"/2021/05/05/café-notes/\"]") !=
        std::string::npos);
  CHECK(read_text(tmp / "jekyll/posts/2019-03-14-pi-day.md").find("aliases") == std::string::npos);
  fs::remove_all(tmp);
}

TEST_CASE("Hugo under [permalinks]: the URL Hugo gave a post (its :title, :slug, :filename) becomes an alias") {
  const fs::path tmp = fs::temp_directory_path() / "quire-import-hugo-permalinks";
  fs::remove_all(tmp);
  fs::create_directories(tmp / "blog/content/posts");
  std::ofstream(tmp / "blog/hugo.toml") << "[permalinks]\nposts = \"/:year/:title/:filename/\"\n";
  std::ofstream(tmp / "blog/content/posts/a-file.md") << "---\ntitle: Hello World\ndate: 2021-05-06\nslug: own\n---\nHi.\n";
  ImportReport r = import_blog(Engine::hugo, tmp / "blog", tmp / "out", {});
  REQUIRE(r.ok());
  // Quire's :title and :filename are the slug: /2021/own/own/; Hugo's were
  // the title and the file's name.
  CHECK(read_text(tmp / "out/posts/a-file.md").find("aliases: [\"/2021/hello-world/a-file/\"]\n") != std::string::npos);
  fs::remove_all(tmp);
}

TEST_CASE("a site pattern the core cannot read is reported, not written to site.yaml for the build to refuse") {
  const fs::path tmp = fs::temp_directory_path() / "quire-import-ordinal";
  fs::remove_all(tmp);
  fs::create_directories(tmp / "blog/_posts");
  std::ofstream(tmp / "blog/_config.yml") << "title: T\npermalink: ordinal\n";
  std::ofstream(tmp / "blog/_posts/2020-01-02-a.md") << "---\ntitle: A\n---\nA.\n";
  ImportReport r = import_blog(Engine::jekyll, tmp / "blog", tmp / "out", {});
  REQUIRE(r.ok());
  std::string notes;
  for (const Diagnostic& d : r.not_converted) notes += d.str() + "\n";
  CHECK(notes.find("_config.yml: permalink \"/:categories/:year/:y_day/:title.html\": unknown token \":y_day\"") !=
        std::string::npos);
  CHECK(notes.find("not carried over") != std::string::npos);
  CHECK(read_text(tmp / "out/site.yaml").find("permalink") == std::string::npos);
  // Neither is Jekyll's default date URL given as the old one.
  CHECK(read_text(tmp / "out/posts/2020-01-02-a.md").find("aliases") == std::string::npos);
  fs::remove_all(tmp);
}

TEST_CASE("import refuses a content folder that is not empty, or inside the blog, and writes nothing") {
  const fs::path tmp = fs::temp_directory_path() / "quire-import-unit";
  fs::remove_all(tmp);
  fs::create_directories(tmp / "blog" / "_posts");
  fs::create_directories(tmp / "full");
  std::ofstream(tmp / "full" / "keep.txt") << "mine";
  std::ofstream(tmp / "blog" / "_posts" / "2020-01-01-a.md") << "---\ntitle: A\n---\nA.\n";
  ImportReport r = import_blog(Engine::jekyll, tmp / "blog", tmp / "full", {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].message.find("not empty") != std::string::npos);
  r = import_blog(Engine::jekyll, tmp / "blog", tmp / "blog" / "content", {});
  REQUIRE_FALSE(r.ok());
  CHECK(r.errors[0].message.find("never writes into the blog it reads") != std::string::npos);
  CHECK_FALSE(fs::exists(tmp / "blog" / "content"));
  r = import_blog(Engine::jekyll, tmp / "blog", tmp / "full", {true});
  CHECK(r.ok());
  CHECK(fs::exists(tmp / "full" / "keep.txt"));
  CHECK(fs::exists(tmp / "full" / "posts" / "2020-01-01-a.md"));
  fs::remove_all(tmp);
}

// A blog made of (path, text) files in a fresh temporary folder, imported;
// what the import wrote is read back by path.
struct Blog {
  fs::path root;
  ImportReport report;
  Blog(const std::string& name, const std::vector<std::pair<std::string, std::string>>& files)
      : root(fs::temp_directory_path() / ("quire-import-" + name)) {
    fs::remove_all(root);
    for (const auto& [path, text] : files) {
      fs::create_directories((root / "blog" / path).parent_path());
      std::ofstream(root / "blog" / path, std::ios::binary) << text;
    }
  }
  ~Blog() { fs::remove_all(root); }
  ImportReport& import(Engine e) {
    report = import_blog(e, root / "blog", root / "out", {});
    return report;
  }
  std::string out(const std::string& path) const { return read_text(root / "out" / path); }
  bool wrote(const std::string& path) const { return fs::exists(root / "out" / path); }
  std::string notes() const {
    std::string s;
    for (const Diagnostic& d : report.not_converted) s += d.str() + "\n";
    return s;
  }
};

// Whether `text` holds `part`.
bool holds(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST_CASE("markdown files by any of the engines' extensions, in any case, are posts; other content files are named") {
  SUBCASE("Jekyll") {
    Blog b("ext-jekyll", {{"_config.yml", "title: T\n"},
                          {"_posts/2020-01-01-upper.MD", "---\ntitle: Upper\n---\nA.\n"},
                          {"_posts/2020-01-02-mdown.mdown", "---\ntitle: Mdown\n---\nB.\n"},
                          {"_posts/2020-01-03-mkd.mkd", "---\ntitle: Mkd\n---\nC.\n"},
                          {"_posts/2020-01-04-text.txt", "---\ntitle: Txt\n---\nD.\n"},
                          {"_posts/2020-01-05-page.html", "---\ntitle: Html\n---\n<p>E</p>\n"},
                          {"_posts/2020-01-06-tpl.html", "---\ntitle: Tpl\n---\n<p>{{ paginator.next_page }}</p>\n"},
                          // Only values the conversion answers: no template (hepplerj's projects.html)
                          {"_posts/2020-01-07-titled.html", "---\ntitle: Titled\n---\n<h1>{{ page.title }}</h1>\n<p>At {{ site.baseurl }}/x</p>\n"}});
    REQUIRE(b.import(Engine::jekyll).ok());
    CHECK(b.report.posts == 5);  // 2020-01-05-page.html, in HTML with no Liquid, and 07, too
    CHECK(holds(b.out("posts/2020-01-07-titled.md"), "<h1>Titled</h1>"));
    CHECK(b.out("posts/2020-01-01-upper.md").find("title: \"Upper\"") != std::string::npos);
    CHECK(b.wrote("posts/2020-01-02-mdown.md"));
    CHECK(b.wrote("posts/2020-01-03-mkd.md"));
    CHECK(b.notes().find("_posts/2020-01-04-text.txt:1: a post in a format Quire does not read") != std::string::npos);
    CHECK(b.out("posts/2020-01-05-page.md").find("<p>E</p>") != std::string::npos);
    CHECK(b.notes().find("_posts/2020-01-06-tpl.html:1: a post in HTML") != std::string::npos);
  }
  SUBCASE("Jekyll's markdown_ext") {
    Blog b("ext-jekyll-config", {{"_config.yml", "markdown_ext: \"md,txt\"\n"},
                                 {"_posts/2020-01-04-text.txt", "---\ntitle: Txt\n---\nD.\n"}});
    REQUIRE(b.import(Engine::jekyll).ok());
    CHECK(b.wrote("posts/2020-01-04-text.md"));
  }
  SUBCASE("Hugo") {
    Blog b("ext-hugo", {{"hugo.toml", "title = 'T'\n"},
                        {"content/posts/Upper.MD", "---\ntitle: Upper\ndate: 2020-01-01\n---\nA.\n"},
                        {"content/posts/long.markdown", "---\ntitle: Long\ndate: 2020-01-02\n---\nB.\n"},
                        {"content/posts/bundle/index.markdown", "---\ntitle: Bundle\ndate: 2020-01-03\n---\n![](a.png)\n"},
                        {"content/posts/bundle/a.png", "PNG"},
                        {"content/posts/page.html", "---\ntitle: Html\ndate: 2020-01-04\n---\n<p>E</p>\n"},
                        {"content/posts/tpl.html", "---\ntitle: Tpl\ndate: 2020-01-05\n---\n<p>{{ .Title }}</p>\n"},
                        // blogdown's rendered .Rmd: TeX braces, no template (harlecin's hugo-site)
                        {"content/posts/control.html", "---\ntitle: \"Stochastic control\"\ndate: 2018-08-29T14:41:14-05:00\n---\n\n"
                                                       "<p>Dynkin:</p>\n<span class=\"math display\">\\[\\underbrace{\\int_t^{t+h}V_{tt}d[s]}_{{=0 \\text{ cont.}}}\\]</span>\n"}});
    REQUIRE(b.import(Engine::hugo).ok());
    CHECK(b.report.posts == 6);  // page.html, control.html and tpl.html, in HTML, too
    CHECK(b.out("posts/control.md").find("_{{=0 \\text{ cont.}}}") != std::string::npos);
    CHECK(b.notes().find("control.html") == std::string::npos);
    CHECK(b.report.bundles == 1);
    CHECK(b.wrote("posts/bundle/index.md"));
    CHECK(b.wrote("posts/bundle/a.png"));
    CHECK(b.wrote("posts/long.md"));
    // Hugo lowercased the path it made of the name: that is the old URL.
    CHECK(b.out("posts/Upper.md").find("aliases: [\"/posts/upper/\"]") != std::string::npos);
    CHECK_FALSE(b.wrote("static/posts/Upper.MD"));
    CHECK_FALSE(b.wrote("static/posts/page.html"));
    CHECK(b.out("posts/page.md").find("<p>E</p>") != std::string::npos);
    // Hugo never ran Go template text in content: shown as it was (the build warns of it)
    CHECK(holds(b.out("posts/tpl.md"), "<p>{{ .Title }}</p>"));
  }
  SUBCASE("Eleventy") {
    Blog b("ext-eleventy", {{"posts/upper.Markdown", "---\ntitle: Upper\ndate: 2020-01-01\n---\nA.\n"},
                            {"posts/tpl.njk", "---\ntitle: Njk\ndate: 2020-01-02\n---\n<p>{{ title }}</p>\n"},
                            {"posts/tpl2.liquid", "---\ntitle: Liq\ndate: 2020-01-03\n---\n<p>x</p>\n"}});
    REQUIRE(b.import(Engine::eleventy).ok());
    CHECK(b.report.posts == 1);
    CHECK(b.wrote("posts/upper.md"));
    CHECK(b.notes().find("posts/tpl.njk:1: a post in Nunjucks") != std::string::npos);
    CHECK(b.notes().find("posts/tpl2.liquid:1: a post in Liquid") != std::string::npos);
  }
}

TEST_CASE("Jekyll: a defaults permalink for pages (by path or type: pages) gives an included folder's pages their old address") {
  // WoojinJeonkr: _pages/tools.md was at /tools.html (defaults path _pages, /:basename:output_ext), moved to /_pages/tools/.
  Blog j("jekyll-page-defaults", {{"_config.yml", "title: W\npermalink: pretty\ninclude: [_pages]\ndefaults:\n"
                                                  "  - scope:\n      path: \"_pages\"\n    values:\n      permalink: /:basename:output_ext\n"
                                                  "  - scope:\n      path: \"_posts\"\n    values:\n      comments: true\n"},
                                  {"_pages/tools.md", "---\ntitle: Tools\n---\nMy tools.\n"},
                                  {"about.md", "---\ntitle: About\n---\nMe.\n"},
                                  {"_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("pages/pages-tools.md"), "permalink: \"/tools.html\""));
  CHECK_FALSE(holds(j.out("pages/about.md"), "tools"));  // not under _pages: as before
  CHECK(quire::load_content(j.root / "out", {}).ok());
}

TEST_CASE("Jekyll: collections Jekyll published become pages at their old URLs; posts' permalink from collections or defaults") {
  SUBCASE("collections") {
    Blog b("jekyll-collections", {{"_config.yml", "collections:\n  recipes:\n    output: true\n    permalink: /recipes/:name/\n"
                                                  "  notes:\n    output: true\n  staff:\n    output: false\n"},
                                  {"_recipes/Pancakes.md", "---\ntitle: Pancakes\n---\nFlour.\n"},
                                  {"_notes/deep/one.md", "---\ntitle: One\n---\nNote.\n"},
                                  {"_staff/ann.md", "---\nname: Ann\n---\nAnn.\n"}});
    REQUIRE(b.import(Engine::jekyll).ok());
    CHECK(b.report.pages == 2);
    CHECK(b.out("pages/recipes-Pancakes.md").find("permalink: \"/recipes/pancakes/\"") != std::string::npos);
    CHECK(b.out("pages/notes-deep-one.md").find("permalink: \"/notes/deep/one.html\"") != std::string::npos);
    CHECK(b.notes().find("_staff: collection staff: 1 document(s) Jekyll did not publish") != std::string::npos);
  }
  SUBCASE("the posts collection's permalink") {
    Blog b("jekyll-posts-collection", {{"_config.yml", "permalink: date\ncollections:\n  posts:\n    permalink: /blog/:title/\n"},
                                       {"_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA.\n"}});
    REQUIRE(b.import(Engine::jekyll).ok());
    CHECK(b.out("site.yaml").find("permalink: \"/blog/:title/\"") != std::string::npos);
  }
  SUBCASE("front matter defaults for posts") {
    Blog b("jekyll-defaults", {{"_config.yml", "defaults:\n  - scope:\n      path: \"\"\n      type: posts\n    values:\n"
                                               "      layout: post\n      permalink: /:year/:title/\n      author: Ann\n"
                                               "  - scope:\n      path: \"\"\n      type: pages\n    values:\n      author: Bob\n"},
                               {"_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA.\n"},
                               {"_posts/2020-01-02-b.md", "---\ntitle: B\nauthor: Cy\n---\nB.\n"}});
    REQUIRE(b.import(Engine::jekyll).ok());
    CHECK(b.out("site.yaml").find("permalink: \"/:year/:title/\"") != std::string::npos);
    CHECK(b.out("posts/2020-01-01-a.md").find("author: \"Ann\"") != std::string::npos);
    CHECK(b.out("posts/2020-01-02-b.md").find("author: \"Cy\"") != std::string::npos);
    CHECK(b.report.keys_left_out.count("layout") == 0);
  }
}

TEST_CASE("a file name with accents or another script gets an ASCII slug; its old URL, as it was, an alias") {
  CHECK(ascii_slug("café-crème") == "cafe-creme");
  CHECK(ascii_slug("Łódź Straße Œuvre") == "lodz-strasse-oeuvre");
  // Other scripts transliterated, as Zola's default slugs (deunicode) read
  // them: a Zola blog's old /blog/ai-hui-tong-rong-ma/ is its new slug too
  CHECK(ascii_slug("AI 会“通融”吗？") == "ai-hui-tong-rong-ma");
  CHECK(ascii_slug("日本語のテキスト") == "ri-ben-yu-notekisuto");
  CHECK(ascii_slug("Привет мир") == "privet-mir");
  CHECK(ascii_slug("Ελληνικά") == "ellenika");
  // Nothing with a Latin form: a hash, the same for the same text
  CHECK(ascii_slug("😀🎉") == ascii_slug("😀🎉"));
  CHECK(ascii_slug("😀🎉").rfind("post-", 0) == 0);
  CHECK(ascii_slug("😀🎉") != ascii_slug("🎉😀"));
  Blog j("slug-jekyll", {{"_config.yml", "permalink: /:year/:title/\n"},
                         {"_posts/2020-01-01-café-crème.md", "---\ntitle: Café\n---\nA.\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string post = j.out("posts/2020-01-01-café-crème.md");
  CHECK(post.find("slug: \"cafe-creme\"") != std::string::npos);
  CHECK(post.find("aliases: [\"/2020/café-crème/\"]") != std::string::npos);
  Blog h("slug-hugo", {{"hugo.toml", "title = 'T'\n"},
                       {"content/posts/größe.md", "---\ntitle: Größe\ndate: 2020-01-01\n---\nA.\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string hpost = h.out("posts/größe.md");
  CHECK(hpost.find("slug: \"grosse\"") != std::string::npos);
  CHECK(hpost.find("aliases: [\"/posts/größe/\"]") != std::string::npos);
}

TEST_CASE("Eleventy: a post's images named relative to its file (./images/x.jpg, beside it) move in with it, the post a folder") {
  // kpwags: {% image "./images/x.jpg" %} in 88 posts of 2024-2026, read by eleventy-img from beside the source; 117 images lost.
  Blog b("eleventy-beside", {{"src/posts/2026/2026-06-04-button.md", "---\ntitle: Button\ndate: 2026-06-04\n---\n"
                                                                    "![A button](./images/button.jpg)\n\n<img src=\"images/spin.png\" alt=\"S\">\n\n"
                                                                    "![gone](./images/none.jpg) `![code](./images/code.jpg)`\n"},
                             {"src/posts/2026/images/button.jpg", "JPG"},
                             {"src/posts/2026/images/spin.png", "PNG"},
                             {"src/posts/2026/images/code.jpg", "JPG"},
                             {"src/posts/2026/images/other.jpg", "JPG"},
                             {"src/posts/2026/2026-06-05-plain.md", "---\ntitle: Plain\ndate: 2026-06-05\n---\nNo image.\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.wrote("posts/2026-06-04-button/index.md"));
  CHECK(b.wrote("posts/2026-06-04-button/images/button.jpg"));
  CHECK(b.wrote("posts/2026-06-04-button/images/spin.png"));
  CHECK_FALSE(b.wrote("posts/2026-06-04-button/images/code.jpg"));   // named in code only
  CHECK_FALSE(b.wrote("posts/2026-06-04-button/images/other.jpg"));  // named by no post
  CHECK(b.wrote("posts/2026-06-05-plain.md"));
  const auto built = quire::load_content(b.root / "out", {});
  CHECK_MESSAGE(built.errors.empty(), (built.errors.empty() ? std::string() : built.errors[0].str()));
}

TEST_CASE("Zola: an image shortcode's path= is searched as Zola did, from content/ and static/ (the post's own file by its name)") {
  // guochenmeinian's resize_image(path="blogs/guitar/MajorShape.png"): 9 images pointed nowhere, a post of charts blank.
  Blog z("zola-resize-path", {{"config.toml", "base_url = 'https://g.example'\ntitle = 'G'\n"},
                              {"content/blog/_index.md", "+++\nsort_by = 'date'\n+++\n"},
                              {"content/blog/b/index.md", "+++\ntitle = 'Chords'\ndate = 2024-01-02\n+++\n"
                                                          "{{ resize_image(path=\"blog/b/chart.png\", width=650, op=\"fit\") }}\n\n"
                                                          "{{ resize_image(path=\"img/c.png\") }}\n\n{{ resize_image(path=\"static/img/c.png\") }}\n"},
                              {"content/blog/b/chart.png", "PNG"},
                              {"static/img/c.png", "PNG"}});
  REQUIRE(z.import(Engine::zola).ok());
  const std::string post = z.out("posts/b/index.md");
  CAPTURE(post);
  CHECK(holds(post, "![](chart.png)"));
  CHECK(holds(post, "![](/img/c.png)\n\n![](/img/c.png)"));
  CHECK(z.wrote("posts/b/chart.png"));
}

TEST_CASE("Eleventy: collections from a config module's folder (index.js), a feed over a glob collection of the posts, lists paginated in blog/") {
  // cassey-on-eleventy: require("./config/collections") (its index.js) made the TIL collection, 113 notes became
  // pages in no list; its feed over collections.rss (a glob of posts/) was dropped as "no post is in that
  // collection"; pages/blog/tags.njk (paginated over the tags) and maxx's blog/index.liquid (over the posts)
  // were "posts in Nunjucks/Liquid", their 51 and 7 addresses lost.
  Blog b("eleventy-collections-module",
         {{".eleventy.js", "const collections = require(\"./config/collections\");\nmodule.exports = function (c) {\n"
                           "  c.addCollection(\"rss\", (api) => api.getFilteredByGlob(\"posts/*.md\"));\n"
                           "  collections(c);\n  return { dir: { input: \"./\" } };\n};\n"},
          {"config/collections/index.js", "module.exports = (c) => { c.addCollection(\"til\", (api) => api.getFilteredByGlob(\"til/*.md\")); };\n"},
          {"posts/hello.md", "---\ntitle: Hello\ndate: 2020-01-01\ntags: [bikes]\n---\nHi\n"},
          {"til/2019-02-07-git-bisect.md", "---\ntitle: Git bisect\ndate: 2019-02-07\n---\nBisect.\n"},
          {"feed/feed.njk", "---\npermalink: feed/feed.xml\neleventyExcludeFromCollections: true\n---\n<?xml version=\"1.0\"?>\n"
                            "<feed>{%- for post in collections.rss %}<entry></entry>{%- endfor %}</feed>\n"},
          {"blog/tags.njk", "---\npagination:\n  data: collections\n  size: 1\n  alias: tag\npermalink: /blog/tags/{{ tag | slugify }}/\n---\n"
                            "{% for post in collections[tag] %}{{ post.data.title }}{% endfor %}\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.posts == 2);
  CHECK(b.report.pages == 0);
  const std::string site = b.out("site.yaml");
  CAPTURE(site);
  CHECK(holds(site, "old_feeds: [\"/feed/feed.xml\"]"));
  CHECK(holds(site, "\"/blog/tags/bikes/\": \"/tags/bikes/\""));
  CHECK_FALSE(holds(b.notes(), "a post in Nunjucks"));
  CHECK(quire::load_content(b.root / "out", {}).ok());
}

TEST_CASE("Eleventy 2 and later: an indented block was text (markdown-it's code rule off), not code") {
  const std::string post =
      "---\ntitle: P\ndate: 2023-01-01\n---\n<div class=\"grid\">\n\n    <img src=\"/a.png\" alt=\"A\">\n\n</div>\n\n"
      "- item\n\n        nested text\n\n```\n    fenced stays\n```\n\n\tTabbed line\n\n    {% raw %}<b>{{ x }}</b>{% endraw %}\n";
  Blog b("eleventy-no-indented-code", {{"package.json", "{\"devDependencies\": {\"@11ty/eleventy\": \"^2.0.1\"}}"},
                                       {"posts/p.md", post}});
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string out = b.out("posts/p.md");
  CHECK(holds(out, "\n<img src=\"/a.png\" alt=\"A\">\n"));
  CHECK(holds(out, "- item\n\n  nested text\n"));  // in the item, no longer code in it
  CHECK(holds(out, "```\n    fenced stays\n```"));
  CHECK(holds(out, "\nTabbed line\n"));
  CHECK(holds(out, "\n<b>{{ x }}</b>\n"));  // Nunjucks took the raw markers out (bradfrost's)
  CHECK(holds(render_markdown(out.substr(out.find("\n---\n") + 5)), "<img src=\"/a.png\" alt=\"A\">"));
  CHECK_FALSE(holds(render_markdown(out.substr(out.find("\n---\n") + 5)), "&lt;img"));
  // Eleventy 1 kept indented code, unless its config turned it off; 3 with it turned back on keeps it too.
  for (const auto& [package_text, config_text, kept] : std::vector<std::tuple<std::string, std::string, bool>>{
           {"{\"dependencies\": {\"@11ty/eleventy\": \"1.0.2\"}}", "", true},
           {"{\"dependencies\": {\"@11ty/eleventy\": \"~1.0.0\"}}", "module.exports = c => { c.setLibrary('md', require('markdown-it')({html: true}).disable('code')); };\n", false},
           {"{\"dependencies\": {\"@11ty/eleventy\": \"^3.0.0\"}}", "export default c => { c.amendLibrary('md', md => md.enable(\"code\")); };\n", true},
           {"", "", true}}) {
    const std::string& package = package_text;  // (structured bindings: no capture before C++20)
    const std::string& config = config_text;
    std::vector<std::pair<std::string, std::string>> files = {{"posts/p.md", post}};
    if (!package.empty()) files.push_back({"package.json", package});
    if (!config.empty()) files.push_back({"eleventy.config.js", config});
    Blog v("eleventy-indented-code-version", files);
    REQUIRE(v.import(Engine::eleventy).ok());
    CAPTURE(package);
    CAPTURE(config);
    CHECK(holds(v.out("posts/p.md"), "\n    <img src=") == kept);
  }
}

TEST_CASE("Eleventy: a posts folder's data file gives its permalink and keys; its tags are collection names") {
  Blog b("eleventy-folder-data",
         {{"src/posts/posts.json", "{\"layout\": \"post.njk\", \"tags\": \"posts\", \"author\": \"Ela\","
                                   " \"permalink\": \"/blog/{{ page.fileSlug }}/\"}"},
          {".eleventy.js", "module.exports = () => ({ dir: { input: \"src\" } });\n"},
          {"src/posts/first.md", "---\ntitle: First\ndate: 2020-01-01\ntags: [posts, js]\n---\nA.\n"},
          {"src/posts/own.md", "---\ntitle: Own Way\ndate: 2020-01-02\npermalink: \"/{{ title | slugify }}/\"\n---\nB.\n"},
          {"src/posts/stem.md", "---\ntitle: Stem\ndate: 2020-01-04\npermalink: \"{{ page.filePathStem }}/index.html\"\n---\nS.\n"},
          {"src/blog/blog.11tydata.js", "module.exports = { tags: 'posts' };\n"},
          {"src/blog/third.md", "---\ntitle: Third\ndate: 2020-01-03\n---\nC.\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string first = b.out("posts/first.md");
  CHECK(first.find("permalink: \"/blog/first/\"") != std::string::npos);
  CHECK(first.find("author: \"Ela\"") != std::string::npos);
  CHECK(first.find("tags: [\"js\"]") != std::string::npos);
  CHECK(b.out("posts/own.md").find("permalink: \"/own-way/\"") != std::string::npos);
  CHECK(b.out("posts/stem.md").find("permalink: \"/posts/stem/index.html\"") != std::string::npos);
  CHECK(b.out("posts/third.md").find("tags") == std::string::npos);  // blog.11tydata.js: read, not run
  // No data file names "post" there, but Eleventy's base blog keeps it (and
  // posts, nav, all) off its tag pages: a collection, not a topic.
  Blog c("eleventy-post-tag", {{"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [post, node]\n---\nA.\n"},
                               {"posts/b.md", "---\ntitle: B\ndate: 2020-01-02\ntags: post\n---\nB.\n"}});
  REQUIRE(c.import(Engine::eleventy).ok());
  CHECK(c.out("posts/a.md").find("tags: [\"node\"]") != std::string::npos);
  CHECK(c.out("posts/b.md").find("tags") == std::string::npos);
}

TEST_CASE("Eleventy: a post in plain HTML is a post, its HTML its text; one with template tags is named") {
  // clottman's 24 posts in posts/*.html, none with a template tag.
  Blog b("eleventy-html-posts", {{"posts/posts.json", "{ \"permalink\": \"/{{ page.fileSlug }}/\", \"tags\": \"posts\" }"},
                                 {"posts/lunches.html", "---\ntitle: Lunches\ndate: 2016-03-21\n---\n  <p>Hempseed.</p>\n<h4>Sweet</h4>\n"},
                                 {"posts/tpl.html", "---\ntitle: Tpl\ndate: 2016-03-22\n---\n<p>{{ title }}</p>\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.posts == 1);
  const std::string post = b.out("posts/lunches.md");
  CHECK(holds(post, "permalink: \"/lunches/\""));
  CHECK(holds(post, "\n<p>Hempseed.</p>\n<h4>Sweet</h4>"));
  CHECK(holds(b.notes(), "posts/tpl.html:1: a post in HTML"));
}

TEST_CASE("Eleventy: a page in plain HTML is a page; a post in WebC or an .11ty.js template is named, not dropped") {
  // kpwags: about.html, uses.html (no {{ or {%) were named templates; 3 posts in .webc vanished without a word.
  Blog e("eleventy-html-pages", {{"eleventy.config.js", "module.exports = function () {};\n"},
                                 {"about.html", "---\ntitle: About\n---\n<p>Hi, I am Keith.</p>\n"},
                                 {"uses.html", "---\ntitle: Uses\n---\n{% for g in gear %}<p>{{ g }}</p>{% endfor %}\n"},
                                 {"posts/hello.md", "---\ntitle: Hello\ndate: 2022-01-01\n---\nHi\n"},
                                 {"posts/books.webc", "---\ntitle: Books\ndate: 2022-01-19\n---\n<p>Books</p>\n"},
                                 {"posts/stats.11ty.js", "module.exports = { data: { title: 'Stats' }, render: () => '' };\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(e.report.posts == 1);
  CHECK(holds(e.out("pages/about.md"), "<p>Hi, I am Keith.</p>"));
  CHECK_FALSE(e.wrote("pages/uses.md"));  // a template: named
  CAPTURE(e.notes());
  CHECK(holds(e.notes(), "uses.html:1: a page in HTML (it has front matter): not converted"));
  CHECK(holds(e.notes(), "posts/books.webc:1: a post in WebC: Quire reads markdown only"));
  CHECK(holds(e.notes(), "posts/stats.11ty.js"));
}

TEST_CASE("Eleventy: files its ignores and templateFormats kept out are not imported, and said") {
  // musikele's AGENTS.md (ignores.add) was published at /AGENTS/; henrik's
  // posts/*.markdown beside templateFormats ["njk", "md"], dated today.
  Blog b("eleventy-ignores",
         {{".eleventy.js", "module.exports = function (c) {\n  c.ignores.add(\"NOTES.md\");\n"
                           "  return { templateFormats: [\"md\", \"njk\"] };\n};\n"},
          {".eleventyignore", "# not yet\ndrafts/\nposts/secret.md\n"},
          {".gitignore", "node_modules\nposts/*.tmp.md\n"},
          {"NOTES.md", "---\ntitle: Notes\n---\nN.\n"},
          {"drafts/wip.md", "---\ntitle: Wip\ndate: 2020-01-01\n---\nW.\n"},
          {"drafts/deeper/wip2.md", "---\ntitle: Wip2\ndate: 2020-01-01\n---\nW.\n"},
          {"posts/secret.md", "---\ntitle: Secret\ndate: 2020-01-02\n---\nS.\n"},
          {"posts/scratch.tmp.md", "---\ntitle: Scratch\ndate: 2020-01-02\n---\nS.\n"},
          {"posts/deep/x.tmp.md", "---\ntitle: Deep\ndate: 2020-01-02\n---\nD.\n"},  // "*" stays in its folder
          {"posts/old.markdown", "---\ntitle: Old\n---\nO.\n"},
          {"posts/public.md", "---\ntitle: Public\ndate: 2020-01-03\n---\nP.\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.posts == 2);
  CHECK(b.report.pages == 0);
  CHECK(b.wrote("posts/public.md"));
  CHECK(b.wrote("posts/x.tmp.md"));
  CHECK(holds(b.notes(), ".eleventyignore:2: drafts/**: 2 file(s) Eleventy never read as templates (drafts/deeper/wip2.md, drafts/wip.md)"));
  CHECK(holds(b.notes(), ".eleventyignore:3: posts/secret.md: 1 file(s)"));
  CHECK(holds(b.notes(), ".gitignore:2: posts/*.tmp.md: 1 file(s) Eleventy never read as templates (posts/scratch.tmp.md)"));
  CHECK(holds(b.notes(), ".eleventy.js: NOTES.md: 1 file(s)"));
  CHECK(holds(b.notes(), ".eleventy.js: templateFormats [md, njk]: 1 file(s) Eleventy never read as templates (posts/old.markdown)"));
  // setUseGitIgnore(false): .gitignore is no ignore of Eleventy's
  Blog c("eleventy-no-gitignore", {{".eleventy.js", "module.exports = c => { c.setUseGitIgnore(false); };\n"},
                                   {".gitignore", "posts/a.md\n"},
                                   {"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\nA.\n"}});
  REQUIRE(c.import(Engine::eleventy).ok());
  CHECK(c.report.posts == 1);
}

TEST_CASE("Eleventy: a date filter whose call chain breaks across lines is read") {
  // henrik's slugDate: `DateTime.fromJSDate(d, { zone: "utc" }).` then
  // `toFormat("y/MM")` on the next line; his 345 posts lost their /2006/07/x/.
  Blog e("eleventy-chain-newline",
         {{".eleventy.js", "const { DateTime } = require(\"luxon\");\nmodule.exports = function (c) {\n"
                           "  c.addFilter(\"slugDate\", dateObj => {\n    return DateTime.fromJSDate(dateObj, { zone: \"utc\" }).\n"
                           "      toFormat(\"y/MM\");\n  });\n"
                           "  c.addFilter(\"humanDate\", d => DateTime.fromJSDate(d)\n    .toFormat(\"LLLL d, y\"));\n"
                           "  return { dir: { input: \"src\" } };\n};\n"},
          {"src/_includes/layouts/post.njk", "---\npermalink: \"/{{ page.date | slugDate }}/{{ page.fileSlug }}/index.html\"\n---\n{{ content }}\n"},
          {"src/posts/posts.11tydata.json", "{ \"layout\": \"layouts/post.njk\" }"},
          {"src/posts/2006-07-16-hello.md", "---\ntitle: Hello\n---\nHello.\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(holds(e.out("posts/2006-07-16-hello.md"), "permalink: \"/:year/:month/hello/index.html\""));
}

TEST_CASE("Eleventy: a date filter written from the date's parts is read; a layout's permalink is said at its line") {
  // musikele's toISODate (97 of 249 posts at /2017/01/02/x.html).
  Blog e("eleventy-date-parts",
         {{"eleventy.config.js", "export default async function (c) {\n"
                                 "  c.addFilter('toISODate', (dateObj) => {\n"
                                 "    const year = dateObj.getFullYear();\n"
                                 "    const month = String(dateObj.getMonth() + 1).padStart(2, '0');\n"
                                 "    const day = String(dateObj.getDate()).padStart(2, '0');\n"
                                 "    return `${year}/${month}/${day}`;\n  });\n"
                                 "  c.addFilter('weekday', (d) => { const w = d.getDay(); return `${w}`; });\n"
                                 "  c.addCollection('posts', (c) => c.getFilteredByGlob('_posts/**/*.md'));\n}\n"},
          {"_includes/post.njk", "---\npermalink: \"/{{ page.date | toISODate }}/{{page.fileSlug }}.html\"\n---\n{{ content }}\n"},
          {"_includes/week.njk", "---\ntitle: x\npermalink: \"/{{ page.date | weekday }}/{{ page.fileSlug }}/\"\n---\n{{ content }}\n"},
          {"_posts/2017-01-02-hello.md", "---\ntitle: Hello\nlayout: post\n---\nHello.\n"},
          {"_posts/2017-01-03-week.md", "---\ntitle: Week\nlayout: week\n---\nW.\n"},
          {"_posts/2017-05-22-empty.md", "---\ntitle: Empty\nlayout: post\npermalink: \"\"\n---\nE.\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(holds(e.out("posts/2017-01-02-hello.md"), "permalink: \"/:year/:month/:day/hello.html\""));
  CHECK(holds(e.notes(), "_includes/week.njk:3: permalink: \"/{{ page.date | weekday }}/week/\" is computed by the old engine"));
  CHECK_FALSE(holds(e.notes(), "2017-05-22-empty.md"));  // "": Eleventy's default address, kept as an alias
  CHECK(holds(e.out("posts/2017-05-22-empty.md"), "/_posts/2017-05-22-empty/"));
}

TEST_CASE("Eleventy: the key a template writing Netlify's /_redirects reads holds the posts' old addresses") {
  // clottman's redirectsFrom: ~63 posts, 90 old addresses.
  Blog e("eleventy-netlify-redirects",
         {{"pages/_redirects.njk", "---\npermalink: /_redirects\neleventyExcludeFromCollections: true\n---\n/posts /blog 301\n"
                                   "{%- for page in collections.all -%}\n  {%- if page.url and page.data.redirectsFrom %}\n"
                                   "{{ page.data.redirectsFrom }}  {{ page.url }}\n  {%- endif -%}\n{%- endfor -%}\n"},
          {"posts/posts.json", "{ \"permalink\": \"/{{ page.fileSlug }}/\", \"tags\": \"posts\" }"},
          {"posts/advice.md", "---\ntitle: Advice\ndate: 2020-03-31\nredirectsFrom: \"/posts/2020-03-31-advice/\"\n---\nA.\n"},
          {"posts/veg.md", "---\ntitle: Veg\ndate: 2019-04-23\nredirectsFrom: [/2019/04/23/veg.html, /posts/2019-04-23-veg/]\n---\nV.\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(holds(e.out("posts/advice.md"), "redirect_from: [\"/posts/2020-03-31-advice/\"]"));
  CHECK(holds(e.out("posts/veg.md"), "/2019/04/23/veg.html"));
  CHECK(holds(e.out("posts/veg.md"), "/posts/2019-04-23-veg/"));
  CHECK(holds(e.notes(), "pages/_redirects.njk:1: Netlify's /_redirects, written from the pages' redirectsFrom"));
  CHECK(e.report.keys_left_out.count("redirectsFrom") == 0);
}

TEST_CASE("Eleventy: feed templates with ---json front matter or the site data's path keep their address") {
  // henrik's atom.xml (---json, its metadata the site's url); the base
  // blog's "{{ metadata.feed.path | url }}" (maxx1128's /rss.xml).
  Blog e("eleventy-json-feed",
         {{"feed.njk", "---json\n{\n  \"permalink\": \"atom.xml\",\n  \"metadata\": { \"title\": \"B\", \"url\": \"https://example.com/\" }\n}\n---\n"
                       "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>\n"},
          {"posts/hello.md", "---\ntitle: Hello\ndate: 2020-01-01\n---\nH.\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(holds(e.out("site.yaml"), "old_feeds: [\"/atom.xml\"]"));
  CHECK(holds(e.out("site.yaml"), "url: \"https://example.com\""));
  Blog m("eleventy-metadata-feed",
         {{"_data/metadata.json", "{ \"title\": \"B\", \"url\": \"https://example.com\", \"feed\": { \"path\": \"/rss.xml\" } }"},
          {"feed/feed.njk", "---\npermalink: \"{{ metadata.feed.path | url }}\"\n---\n<?xml version=\"1.0\"?>\n<feed></feed>\n"},
          {"posts/hello.md", "---\ntitle: Hello\ndate: 2020-01-01\n---\nH.\n"}});
  REQUIRE(m.import(Engine::eleventy).ok());
  CHECK(holds(m.out("site.yaml"), "old_feeds: [\"/rss.xml\"]"));
  CHECK(holds(m.notes(), "feed/feed.njk:1: a feed template"));
}

TEST_CASE("Eleventy: the base blog v9's ---js list and tag pages redirect to Quire's") {
  // bradfrost's blog.njk and tag-pages.njk (---js front matter) were dropped without a word; its link pages' tags lost their pages.
  Blog b("eleventy-js-front-lists",
         {{"blog.njk", "---js\nconst eleventyNavigation = {\n\tkey: \"Archive\",\n\torder: 2\n};\n---\n<h1>Archive</h1>\n{% set postslist = collections.posts %}\n"},
          {"tag-pages.njk", "---js\nconst pagination = {\n\tdata: \"collections\",\n\tsize: 1,\n\talias: \"tag\",\n};\nconst eleventyComputed = {\n"
                                    "\tpermalink: function(data) {\n\t\treturn `/tags/${this.slugify(data.tag)}/`;\n\t}\n};\n---\n<h1>{{ tag }}</h1>\n"},
          {"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [css]\n---\nA\n"},
          {"about.md", "---\ntitle: About\ntags: [skifree]\n---\nMe\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string site = b.out("site.yaml");
  CHECK(holds(site, "\"/blog/\": \"/archive/\""));
  CHECK(holds(site, "\"/tags/skifree/\": \"/tags/\""));
  CHECK_FALSE(holds(site, "\"/tags/css/\""));  // Quire's own
  CHECK(holds(b.notes(), "blog.njk:1: a page in Nunjucks"));
}

TEST_CASE("Eleventy: where the config names a posts collection by glob, an undated file of its other collections is a page, not a post") {
  // slifty's projects collection: 13 undated project pages became posts dated the import's day.
  Blog b("eleventy-named-posts-collection",
         {{".eleventy.js", "module.exports = function (cfg) {\n  cfg.addCollection(\"posts\", api => api.getFilteredByGlob(\"src/posts/**/*.md\"));\n"
                           "  cfg.addCollection(\"projects\", api => api.getFilteredByGlob(\"src/projects/**/*.md\"));\n"
                           "  cfg.addCollection(\"notes\", api => api.getFilteredByGlob(\"src/notes/*.md\"));\n  return { dir: { input: \"src\" } };\n};\n"},
          {"src/posts/2010-07-03-hello.md", "---\ntitle: Hello\n---\nH\n"},
          {"src/projects/civomega.md", "---\ntitle: CivOmega\n---\nA project page.\n"},
          // dated, another collection's entry is a post still (maxboeck's notes)
          {"src/notes/a-note.md", "---\ntitle: A note\ndate: 2020-02-02\n---\nN\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.posts == 2);
  CHECK(b.wrote("posts/2010-07-03-hello.md"));
  CHECK(b.wrote("posts/a-note.md"));
  CHECK(b.wrote("pages/civomega.md"));
}

TEST_CASE("Eleventy: without a site data file, the report names its folder, not a file that is not there") {
  Blog b("eleventy-no-data", {{"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\nA\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(holds(b.notes(), "_data: no site data file (metadata.json, site.json, meta.js...)"));
  CHECK_FALSE(holds(b.notes(), "metadata.json: missing"));
}

TEST_CASE("Eleventy: eleventy-plugin-footnotes' footnoteref is a markdown footnote") {
  Blog b("eleventy-footnoteref", {{"posts/notes.md", "---\ntitle: Notes\ndate: 2023-08-03\n---\nA great read that "
                                                     "{% footnoteref \"up-to-speed\" \"The other 28% later.\" %}helped me{% endfootnoteref %} a lot.\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string post = b.out("posts/notes.md");
  CHECK(holds(post, "that helped me[^up-to-speed] a lot.\n"));
  CHECK(holds(post, "\n[^up-to-speed]: The other 28% later.\n"));
  CHECK(holds(render_markdown(post.substr(post.find("\n---\n") + 5)), "The other 28% later."));
}

TEST_CASE("Eleventy: a paginated list of the posts and mixed-case term pages redirect to Quire's") {
  // mbarker84's index.md (size 2: /1/ ... /22/) and /tags/{{ tag|replace(' ', '-') }}/ (/tags/Vue/); musikele's /archives/pageN/.
  std::vector<std::pair<std::string, std::string>> files = {
      {"index.md", "---\npagination:\n  data: collections.post\n  size: 2\n---\n{% for p in pagination.items %}{{ p.data.title }}{% endfor %}\n"},
      {"archives.njk", "---\npagination:\n  data: collections.post\n  size: 3\npermalink: /archives/page{{ pagination.pageNumber + 1 }}/\n---\nx\n"},
      {"tags.njk", "---\npagination:\n  data: collections\n  size: 1\n  alias: tag\npermalink: /tags/{{ tag|replace(' ', '-') }}/\n---\n{{ tag }}\n"},
      {"posts/posts.json", "{ \"tags\": \"post\" }"}};
  for (int i = 1; i <= 25; ++i)
    files.push_back({"posts/p" + std::to_string(i) + ".md", std::string("---\ntitle: P\ndate: 2020-01-") + (i < 10 ? "0" : "") + std::to_string(i) + "\ntags: [Vue, Blog Month]\n---\nP\n"});
  Blog b("eleventy-paged-lists", files);
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string site = b.out("site.yaml");
  CHECK(holds(site, "\"/1/\": \"/\""));
  CHECK(holds(site, "\"/6/\": \"/page/2/\""));   // posts 13-14: Quire's second page of 10
  CHECK(holds(site, "\"/12/\": \"/page/3/\""));
  CHECK_FALSE(holds(site, "\"/13/\""));
  CHECK(holds(site, "\"/archives/page2/\": \"/\""));
  CHECK(holds(site, "\"/archives/page9/\": \"/page/3/\""));
  CHECK_FALSE(holds(site, "\"/archives/page1/\""));
  CHECK(holds(site, "\"/tags/Vue/\": \"/tags/vue/\""));
  CHECK(holds(site, "\"/tags/Blog-Month/\": \"/tags/blog-month/\""));
  CHECK(quire::load_content(b.root / "out", {}).ok());
}

TEST_CASE("Eleventy: a paginated list whose later pages' permalink is inside {% if pagination.pageNumber > 0 %} redirects them") {
  // musikele's /archives/page2/ .. /page25/ and bergia's /post/page/N/ were lost without a word.
  std::vector<std::pair<std::string, std::string>> files = {
      {"index.njk", "---\npagination:\n  data: collections.post\n  size: 3\n"
                    "permalink: \"/{% if pagination.pageNumber > 0 %}archives/page{{ pagination.pageNumber + 1 }}/{% endif %}\"\n---\nx\n"},
      {"post.njk", "---\npagination:\n  data: collections.post\n  size: 5\n"
                   "permalink: \"/post/{% if pagination.pageNumber %}page/{{ pagination.pageNumber + 1 }}/{% else %}all/{% endif %}\"\n---\nx\n"},
      {"posts/posts.json", "{ \"tags\": \"post\" }"}};
  for (int i = 1; i <= 25; ++i)
    files.push_back({"posts/p" + std::to_string(i) + ".md", std::string("---\ntitle: P\ndate: 2020-01-") + (i < 10 ? "0" : "") + std::to_string(i) + "\n---\nP\n"});
  Blog b("eleventy-paged-if", files);
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string site = b.out("site.yaml");
  CAPTURE(site);
  CHECK(holds(site, "\"/archives/page2/\": \"/\""));
  CHECK(holds(site, "\"/archives/page9/\": \"/page/3/\""));
  CHECK(holds(site, "\"/post/page/2/\": \"/\""));
  CHECK(holds(site, "\"/post/page/5/\": \"/page/3/\""));
  CHECK(quire::load_content(b.root / "out", {}).ok());
}

TEST_CASE("Eleventy: a shortcode the config defines as a template literal of its parameters is filled in") {
  // henrik's filename (50 pages) and mbarker84's hotlink (15 posts) showed as {% ... %} text.
  Blog b("eleventy-config-shortcodes",
         {{".eleventy.js", "module.exports = function(c) {\n  c.addShortcode(\"filename\", filename => {\n    // The newlines avoid breaking Markdown.\n"
                           "    return `<div class=\"code-filename\">${filename}</div>\\n\\n`;\n  });\n"
                           "  c.addShortcode('hotlink', (url, title, target = '_blank') => {\n    return `<a href=\"${url}\" target=${target}>${title}</a>`\n  });\n"
                           "  c.addShortcode('now', () => `${new Date().getFullYear()}`);\n};\n"},
          {"posts/tips.md", "---\ntitle: Tips\ndate: 2012-07-22\n---\n{% filename \"la.yml\" %}\nRead {% hotlink 'https://example.com/a', 'the article' %} now. {% now %}\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string post = b.out("posts/tips.md");
  CHECK(holds(post, "<div class=\"code-filename\">la.yml</div>\n\n"));
  CHECK(holds(post, "Read <a href=\"https://example.com/a\" target=_blank>the article</a> now."));
  CHECK(holds(b.notes(), "{% now %}"));  // code of its own: not run, reported
}

TEST_CASE("Eleventy: a post with no date is dated by the first YYYY-MM-DD in its path") {
  Blog b("eleventy-date-in-path", {{"posts/2019-06-01.md", "---\ntitle: A\n---\nA\n"},
                                   {"posts/2019-05-01/index.md", "---\ntitle: B\n---\nB\n"},
                                   {"posts/note-2017-01-02.md", "---\ntitle: C\n---\nC\n"},
                                   {"posts/2016-02-30-x.md", "---\ntitle: D\ndate: 2015-01-01\n---\nD\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  std::string all;
  for (const auto& e : fs::recursive_directory_iterator(b.root / "out/posts"))
    if (e.is_regular_file()) all += read_text(e.path());
  CHECK(holds(all, "date: 2019-06-01"));
  CHECK(holds(all, "date: 2019-05-01"));
  CHECK(holds(all, "date: 2017-01-02"));
  CHECK(holds(all, "date: 2015-01-01"));
}

TEST_CASE("Eleventy: a post kept out of collections is published in no list: a page at its old address") {
  Blog b("eleventy-excluded", {{"blog/hidden.md", "---\ntitle: Hidden\ndate: 2020-01-01\neleventyExcludeFromCollections: true\n---\nA.\n"},
                               {"blog/shown.md", "---\ntitle: Shown\ndate: 2020-01-02\n---\nB.\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.posts == 1);
  CHECK(b.report.pages == 1);
  CHECK(b.out("pages/hidden.md").find("permalink: \"/blog/hidden/\"") != std::string::npos);
  CHECK(b.out("pages/hidden.md").find("aliases") == std::string::npos);
  CHECK(b.notes().find("blog/hidden.md: eleventyExcludeFromCollections: in no list of posts; imported as a page at /blog/hidden/") !=
        std::string::npos);
}

TEST_CASE("kramdown: markdown=\"1\" blocks read their markdown, comments stay hidden, nomarkdown's HTML stays, {:toc} is toc: true") {
  Fixture f(Engine::jekyll);
  CHECK(f.liquid("<div class=\"note\" markdown=\"1\">\n**Bold**\n<div>\ninner\n</div>\n</div>\n\nAfter.\n") ==
        "<div class=\"note\">\n\n**Bold**\n<div>\ninner\n</div>\n\n</div>\n\nAfter.\n");
  CHECK(f.liquid("A\n{::comment}\nsecret\n{:/comment}\nB\n") == "A\nB\n");
  CHECK(f.liquid("A\n{::comment}hidden{:/comment}\nB\n") == "A\nB\n");
  CHECK(f.liquid("{::nomarkdown}\n<b>x</b>\n{:/nomarkdown}\n") == "<b>x</b>\n");
  CHECK(f.liquid("```\n<div markdown=\"1\">\n{::comment}\n```\n") == "```\n<div markdown=\"1\">\n{::comment}\n```\n");
  CHECK(f.notes().empty());
  Blog b("kramdown-toc", {{"_config.yml", "title: T\n"},
                          {"_posts/2020-01-01-a.md", "---\ntitle: A\n---\n* TOC\n{:toc}\n\n## One\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(b.out("posts/2020-01-01-a.md").find("toc: true") != std::string::npos);
  CHECK(b.out("posts/2020-01-01-a.md").find("TOC") == std::string::npos);
}

TEST_CASE("callout shortcodes become a div around their markdown; vimeo, tweet, details, Zola's youtube have equivalents") {
  Fixture f(Engine::hugo);
  CHECK(f.hugo("{{% notice info %}}\nSome **text** and {{< ref \"#x\" >}}.\n{{% /notice %}}\n") ==
        "<div class=\"callout callout-notice info\">\n\n**Info**\n\n\nSome **text** and #x.\n\n\n</div>\n");
  CHECK(f.hugo("{{< admonition type=\"tip\" title=\"Do <this>\" >}}\nA\n{{< /admonition >}}") ==
        "<div class=\"callout callout-admonition tip\">\n\n**Do &lt;this&gt;**\n\n\nA\n\n\n</div>");
  CHECK(f.hugo("{{< details summary=\"More\" >}}\nB\n{{< /details >}}") ==
        "<details>\n<summary>More</summary>\n\n\nB\n\n\n</details>");
  CHECK(f.hugo("{{< vimeo 146022717 >}}") ==
        "<iframe src=\"https://player.vimeo.com/video/146022717\" class=\"video\" title=\"Vimeo video\" loading=\"lazy\" allowfullscreen></iframe>");
  CHECK(f.hugo("{{< tweet user=\"jack\" id=\"20\" >}}") == "[Post by @jack on X](https://x.com/jack/status/20)");
  CHECK(f.hugo("{{< tweet 20 >}}") == "[Post on X](https://x.com/i/web/status/20)");
  CHECK(f.notes().empty());
  Fixture z(Engine::zola);
  CHECK(z.zola("{{ youtube(id=\"dQw4w9WgXcQ\", autoplay=true) }}") == youtube_iframe("dQw4w9WgXcQ"));
  CHECK(z.zola("{% note(title=\"Heads up\") %}\nA *note*.\n{% end %}\nAfter.\n") ==
        "<div class=\"callout callout-note\">\n\n**Heads up**\n\nA *note*.\n\n</div>\nAfter.\n");
  CHECK(z.notes().empty());
  CHECK(zola_unescape_shortcodes(z.run, "```\n{{/* youtube(id=\"x\") */}}\n```\n") == "```\n{{ youtube(id=\"x\") }}\n```\n");
}

TEST_CASE("a highlight shortcode whose code holds ``` lines does not hide the shortcodes after it") {
  Fixture f(Engine::hugo);
  CHECK(f.hugo("{{< highlight go >}}\nmain()\n```\n\n```go\nlib()\n{{< / highlight >}}\n\nText.\n\n"
               "{{< highlight go >}}\ntype Int int\n{{< / highlight >}}\n") ==
        "````go\nmain()\n```\n\n```go\nlib()\n````\n\nText.\n\n```go\ntype Int int\n```\n");
  CHECK(f.notes().empty());
}

TEST_CASE("thousands of unclosed paired tags are kept and reported, in linear time") {
  // Each unclosed opener searched every tag after it for its closer (12,000
  // took 7.6 s natively: minutes under the sanitizers); the closer searches
  // remember what they found, so each is answered once.
  const auto repeat = [](const std::string& s, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += s;
    return out;
  };
  Fixture h(Engine::hugo);
  const std::string hugo_text = repeat("{{< highlight go >}}\nx\n", 20000);
  CHECK(h.hugo(hugo_text) == hugo_text);
  CHECK(h.report.not_converted.size() == 20000);
  Fixture j(Engine::jekyll);
  const std::string liquid_text = repeat("{% highlight go %}\nx\n", 20000);
  CHECK(j.liquid(liquid_text) == liquid_text);
  // Stray closers and captured values: each looked back over all the text
  // before it (12,000 took seconds); now the tags' words are found once.
  Fixture c(Engine::jekyll);
  const std::string stray = repeat("{% endcapture %}x\n", 20000);
  CHECK(c.liquid(stray) == stray);
  Fixture v(Engine::jekyll);
  const std::string shown = v.liquid("{% capture y %}\n**Hi**\n{% endcapture %}\n" + repeat("{{ x }}\n", 20000) +
                                     "{{ y | markdownify }}\n");
  CHECK(shown.find("**Hi**\n{{ x }}\n") == 0);
  CHECK(shown.find("markdownify") == std::string::npos);
  // Closers found again from later openers: the memo answers as a search.
  Fixture k(Engine::hugo);
  CHECK(k.hugo("{{< highlight go >}}\na\n{{< highlight go >}}\nb\n{{< /highlight >}}\n{{< highlight go >}}\nc\n{{< /highlight >}}\n") ==
        "```go\na\n{{< highlight go >}}\nb\n```\n```go\nc\n```\n");
}

TEST_CASE("a theme's own link shortcodes become links; one with no web address, or paired, stays reported") {
  Fixture f(Engine::hugo);
  CHECK(f.hugo("### Friends\n{{< friend name=\"Ann [A]\" url=\"https://a.example\" des=\"Cats *and* dogs\" src=\"https://a.example/me.png\" >}}\n"
               "{{< friend des=\"Only words\" url=\"http://b.example/x_(y)\" >}}\n") ==
        "### Friends\n- [Ann \\[A\\]](https://a.example) — Cats \\*and\\* dogs\n- [Only words](<http://b.example/x_(y)>)\n");
  CHECK(f.hugo("See {{< link \"Docs\" \"https://d.example\" >}} now, {{< douban \"https://book.example/1/\" >}}.\n") ==
        "See [Docs](https://d.example) now, [https://book.example/1/](https://book.example/1/).\n");
  CHECK(f.notes().empty());
  CHECK(f.hugo("{{< movies >}}\n{{< card url=\"javascript:alert(1)\" >}}\n{{< bookmark url=\"https://x.example\" >}}in{{< /bookmark >}}\n") ==
        "{{< movies >}}\n{{< card url=\"javascript:alert(1)\" >}}\n{{< bookmark url=\"https://x.example\" >}}in{{< /bookmark >}}\n");
  CHECK(f.notes().find("shortcode \"bookmark\"") != std::string::npos);
}

TEST_CASE("a heading's {#id} attribute is removed; one other than Quire's id is kept as an anchor in the heading") {
  // jeffellin's 7 headings with a link and HTML in them: #spring-security links broke.
  Fixture f(Engine::hugo);
  CHECK(heading_attributes(f.run, "## Set up {#set-up}\n### Other words {#custom .wide}\n```\n## Code {#x}\n```\nText {#y}\n"
                                  "## [<span class=\"octicon\"></span>](#spring-security){.anchor}Spring Security {#spring-security}\n"
                                  "## Plain <em>html</em> {#plain-html}\n## Odd {#a\"b}\n", 1, "p.md") ==
        "## Set up\n### <span id=\"custom\"></span>Other words\n```\n## Code {#x}\n```\nText {#y}\n"
        "## <span id=\"spring-security\"></span>[<span class=\"octicon\"></span>](#spring-security){.anchor}Spring Security\n"
        "## Plain <em>html</em>\n## Odd\n");
  CHECK(f.notes() == "p.md:9: heading id {#a\"b} removed: the heading's id is now \"odd\"; links to #a\"b need it\n");
  const std::string html = render_markdown("## <span id=\"custom\"></span>Other words\n");
  CHECK(holds(html, "<span id=\"custom\"></span>"));
  CHECK(holds(html, "id=\"other-words\""));
}

TEST_CASE("a theme's cover image (PaperMod's cover.image, featured_image, header.image) becomes image") {
  Blog b("cover-image", {{"hugo.toml", "title = 'T'\n"},
                         {"content/posts/a/index.md", "+++\ntitle = 'A'\ndate = 2020-01-01\n[cover]\nimage = 'c.jpg'\nalt = 'x'\n+++\nA\n"},
                         {"content/posts/a/c.jpg", "JPG"},
                         {"content/posts/b.md", "---\ntitle: B\ndate: 2020-01-02\nfeatured_image: /img/b.png\n---\nB\n"},
                         {"content/posts/c.md", "---\ntitle: C\ndate: 2020-01-03\nimage: own.png\nthumbnail: t.png\n---\nC\n"}});
  REQUIRE(b.import(Engine::hugo).ok());
  CHECK(b.out("posts/a/index.md").find("image: \"c.jpg\"") != std::string::npos);
  CHECK(b.out("posts/b.md").find("image: \"/img/b.png\"") != std::string::npos);
  CHECK(b.out("posts/c.md").find("image: \"own.png\"") != std::string::npos);
  CHECK(b.out("posts/c.md").find("t.png") == std::string::npos);
  CHECK(b.report.keys_left_out.count("cover") == 0);
  CHECK(b.report.keys_left_out.at("thumbnail") == 1);
}

// hh54188's jekyll-blog (HPSTR): image: {feature: abstract-3.jpg} on 119
// posts, which its head.html read as {{ site.url }}/images/{{ page.image.feature }};
// resolved against the post, every og:image was dead.
TEST_CASE("Jekyll: a post's image by its bare file name is under the folder the theme's templates put before it") {
  Blog b("jekyll-image-feature",
         {{"_config.yml", "title: T\n"},
          {"_includes/head.html", "{% if page.image.feature %}<meta name=\"twitter:image\" content=\"{{ site.url }}/images/{{ page.image.feature }}\">{% endif %}\n"},
          {"images/abstract-3.jpg", "JPG"},
          {"_posts/2020-01-01-cover.md", "---\ntitle: Cover\nimage:\n  feature: abstract-3.jpg\n---\nA\n"},
          {"_posts/2020-01-02-missing.md", "---\ntitle: Missing\nimage:\n  feature: nowhere.jpg\n---\nB\n"},
          {"_posts/2020-01-03-path.md", "---\ntitle: Path\nimage:\n  feature: /assets/x.jpg\n---\nC\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(holds(b.out("posts/2020-01-01-cover.md"), "image: \"/images/abstract-3.jpg\""));
  CHECK(holds(b.out("posts/2020-01-02-missing.md"), "image: \"nowhere.jpg\""));  // not there: as written
  CHECK(holds(b.out("posts/2020-01-03-path.md"), "image: \"/assets/x.jpg\""));
  CHECK(b.report.converted.at("a post's image by its file name, under /images/ as the theme's templates put it") == 1);
}

TEST_CASE("Liquid: a site's own image include with one image argument becomes a figure; other includes are reported") {
  Fixture f(Engine::jekyll);
  CHECK(f.liquid("{% include image.html url=\"/assets/a.png\" description=\"A cat\" %}\n") ==
        figure_markdown("/assets/a.png", "A cat", "A cat", "") + "\n");
  CHECK(f.liquid("{% include img.html src=\"{{ site.baseurl }}/b.JPG?v=2\" %}") == figure_markdown("/b.JPG?v=2", "", "", ""));
  CHECK(f.notes().empty());
  CHECK(f.liquid("{% include note.html content=\"Read **this**.\" %}\n") ==
        "<div class=\"callout callout-note\">\n\nRead **this**.\n\n</div>\n");
  CHECK(f.notes().empty());
  CHECK(f.liquid("{% include newsletter.html url=\"/a.png\" %}") == "{% include newsletter.html url=\"/a.png\" %}");
  CHECK(f.notes().find("include of a template (newsletter.html)") != std::string::npos);
}

// mincong-h's blog: {% include book-git-pro.html %}, a banner of plain HTML,
// was left as its tag under 11 posts.
TEST_CASE("Jekyll: an include of plain HTML alone on its line is its HTML; one with Liquid or a script is reported") {
  Blog b("jekyll-html-include",
         {{"_config.yml", "title: T\n"},
          {"_includes/book.html", "<hr class=\"book\">\n<div class=\"book\">\n  <a href=\"https://amzn.to/x\">\n    <img src=\"/assets/git.jpg\" alt=\"Pro Git\">\n  </a>\n\n"
                                  "  <p>On Amazon.</p>\n  <pre>\n  a\n\n  b\n  </pre>\n</div>\n"},
          {"_includes/ad.html", "<div><script src=\"https://ads.example/x.js\"></script></div>\n"},
          {"_includes/liquid.html", "<p>{{ include.text }}</p>\n"},
          {"_posts/2020-01-01-git.md", "---\ntitle: Git\n---\nText.\n\n{% include book.html %}\n\n## Next\n\nSee {% include book.html %} inline.\n\n"
                                       "{% include ad.html %}\n\n{% include liquid.html %}\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  const std::string post = b.out("posts/2020-01-01-git.md");
  // HTML blocks for CommonMark, as kramdown read it: no blank line, no indentation (but in <pre>)
  CHECK(holds(post, "Text.\n\n\n<hr class=\"book\">\n<div class=\"book\">\n<a href=\"https://amzn.to/x\">\n<img src=\"/assets/git.jpg\" alt=\"Pro Git\">\n"
                    "</a>\n<p>On Amazon.</p>\n\n<pre>\n  a\n\n  b\n  </pre>\n</div>\n\n\n## Next"));  // (the <pre> set apart: its blank line)
  CHECK(b.report.converted.at("{% include <HTML file> %} (the site's own include of plain HTML: its HTML)") == 1);
  CHECK(holds(post, "See {% include book.html %} inline."));
  CHECK(holds(b.notes(), "include of a template (ad.html)"));
  CHECK(holds(b.notes(), "include of a template (liquid.html)"));
  CHECK(holds(b.notes(), "include of a template (book.html)"));  // within a line
}

TEST_CASE("Eleventy: a post in a folder of its name is a bundle: its images come along, its old URL is the folder's") {
  Blog b("eleventy-same-name", {{"content/blog/blog.11tydata.json", "{\"tags\": [\"posts\"]}"},
                                {".eleventy.js", "module.exports = () => ({ dir: { input: 'content' } });\n"},
                                {"content/blog/fourthpost/fourthpost.md",
                                 "---\ntitle: Fourth\ndate: 2020-01-04\n---\n{% image \"./possum.png\", \"A possum\" %}\n"},
                                {"content/blog/fourthpost/possum.png", "PNG"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.bundles == 1);
  CHECK(b.wrote("posts/fourthpost/index.md"));
  CHECK(b.wrote("posts/fourthpost/possum.png"));
  const std::string post = b.out("posts/fourthpost/index.md");
  CHECK(post.find("aliases: [\"/blog/fourthpost/\"]") != std::string::npos);
  CHECK(post.find("![A possum](./possum.png)") != std::string::npos);
}

TEST_CASE("Eleventy: a folder's eleventyComputed permalink (\"/blog/{{ slug }}/index.html\") is the posts' old address") {
  // sadanand-singh's blog: src/blog/blog.11tydata.json, posts in year folders.
  Blog b("eleventy-computed-permalink",
         {{".eleventy.js", "module.exports = () => ({ dir: { input: 'src' } });\n"},
          {"src/blog/blog.11tydata.json",
           "{\"layout\": \"posts\", \"tags\": [], \"eleventyComputed\": {\"sitemap\": {\"priority\": 0.75},"
           " \"permalink\": \"/blog/{{ slug }}/index.html\"}}"},
          {"src/blog/2017/2017-07-22-tree-based-models/index.md",
           "---\ntitle: 'A Practical Guide to Tree Based Learning Algorithms'\ndate: 2017-07-22\nslug: tree-based-models\n---\nTrees.\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.posts == 1);
  const std::string post = b.out("posts/2017-07-22-tree-based-models/index.md");
  CHECK(post.find("/blog/tree-based-models/") != std::string::npos);
  CHECK(post.find("/blog/2017/") == std::string::npos);
}

TEST_CASE("Eleventy: a page with permalink / is the home page, left out; an old address with '#' in a folder's name gets no alias") {
  // A Chinese blog's shape: src/pages/index.md (permalink: /) and a post
  // folder "[Vue] #tips"; both made the build fail.
  Blog b("eleventy-home-hash", {{"eleventy.config.js", "export default function () { return { dir: { input: 'src' } } }\n"},
                                {"src/pages/index.md", "---\nlayout: home.njk\npermalink: /\n---\n"},
                                {"src/posts/Vue/[Vue] #tips/index.md", "---\ntitle: Tips\ndate: 2021-01-01\n---\nA\n"},
                                {"src/posts/Vue/plain/index.md", "---\ntitle: Plain\ndate: 2021-01-02\n---\nB\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.posts == 2);
  CHECK(b.report.pages == 0);
  CHECK(b.notes().find("src/pages/index.md: the home page (at /): Quire makes its own; not converted") != std::string::npos);
  CHECK(b.notes().find("its old address /posts/Vue/[Vue] #tips/ has a '?' or '#'") != std::string::npos);
  CHECK(b.out("posts/vue-tips/index.md").find("aliases") == std::string::npos);
  CHECK(b.out("posts/plain/index.md").find("aliases: [\"/posts/Vue/plain/\"]") != std::string::npos);
}

TEST_CASE("Eleventy: a post in Nunjucks with its text in {% markdown %} blocks is a post: the blocks' markdown, the HTML around it, {% codeblock %} fenced") {
  // A blog moved from Drupal: posts/*.njk, markdownTemplateEngine njk.
  Blog b("eleventy-njk-markdown",
         {{"eleventy.js", "module.exports = () => ({ dir: { input: 'src/site' }, markdownTemplateEngine: 'njk' });\n"},
          {"src/site/posts/20130321-spam.njk",
           "---\ntitle: Cutting spam\ndate: 2013-03-21\ntags: posts\n---\n\n{% markdown %}\n\n    Append to **main.cf**:\n\n"
           "    - one\n    - two\n{% endmarkdown %}\n  <figure><img src=\"/a.png\" alt=\"A\"></figure>\n"
           "{%- markdown -%}\nThen:\n\n{% codeblock 'html' -%}\n<p>{{ x }}</p>\n{%- endcodeblock %}\n{% endmarkdown %}\n"},
          {"src/site/posts/20140101-grid.njk", "---\ntitle: Grid\ndate: 2014-01-01\n---\n{% for a in albums %}{{ a }}{% endfor %}\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.posts == 1);
  const std::string post = b.out("posts/20130321-spam.md");
  CHECK(post.find("title: \"Cutting spam\"") != std::string::npos);
  CHECK(post.find("\nAppend to **main.cf**:\n\n- one\n- two\n") != std::string::npos);
  CHECK(post.find("\n<figure><img src=\"/a.png\" alt=\"A\"></figure>\n") != std::string::npos);
  CHECK(post.find("```html\n<p>{{ x }}</p>\n```") != std::string::npos);
  CHECK(post.find("markdown %}") == std::string::npos);
  CHECK(b.notes().find("posts/20140101-grid.njk:1: a post in Nunjucks: Quire reads markdown only") != std::string::npos);
}

TEST_CASE("Eleventy: passthrough globs copy their folder's files; the config's last dir.input is the one (an earlier return inside a callback)") {
  Blog b("eleventy-globs",
         {{".eleventy.js", "module.exports = function (c) {\n  c.addCollection('p', function () { return { dir: { input: '.' } } })\n"
                           "  c.addPassthroughCopy('src/assets/images/**/*')\n  c.addPassthroughCopy('src/*.png')\n"
                           "  c.addPassthroughCopy('src/{a,b}/*')\n  return { dir: { input: 'src' } }\n}\n"},
          {"src/assets/images/2024/05/stages.png", "PNG"},
          {"src/logo.png", "LOGO"},
          {"src/index.njk", "---\ntitle: Home\n---\n"},
          {"src/a/x.txt", "X"},
          {"docs/notes.md", "---\ntitle: Notes\n---\nN\n"},
          {"src/posts/a.md", "---\ntitle: A\ndate: 2024-05-05\n---\n![s](/assets/images/2024/05/stages.png)\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.posts == 1);
  CHECK(b.report.pages == 0);  // docs/ is outside src/
  CHECK(b.out("static/assets/images/2024/05/stages.png") == "PNG");
  CHECK(b.out("static/logo.png") == "LOGO");
  CHECK_FALSE(b.wrote("static/index.njk"));
  CHECK_FALSE(b.wrote("static/a/x.txt"));
  // A page written as a template is named, not dropped without a word
  CHECK(b.notes().find("index.njk:1: a page in Nunjucks (it has front matter): not converted") != std::string::npos);
}

TEST_CASE("an untitled note named by its timestamp takes its text's first words as its title") {
  // drivet's microblog: 471 notes like src/posts/feed/2015/20150402165128.md
  Blog b("eleventy-notes",
         {{".eleventy.js", "module.exports = function () { return { dir: { input: 'src' } }; };\n"},
          {"src/posts/feed/20150402165128.md", "---\ndate: 2015-04-02T20:04:28.000Z\n---\n\n  Hello *Twitter*! #myfirstTweet\n"},
          {"src/posts/feed/20150503112559.md",
           "---\ndate: 2015-05-03\n---\nSo, I apparently have to add a mobile number to my twitter account before I can do anything.\n"},
          {"src/posts/feed/20150503112600.md", "---\ndate: 2015-05-03\n---\n"},
          {"src/posts/named-post.md", "---\ndate: 2015-05-04\n---\nText.\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.out("posts/20150402165128.md").find("title: \"Hello Twitter! #myfirstTweet\"") != std::string::npos);
  CHECK(b.out("posts/20150503112559.md").find("title: \"So, I apparently have to add a mobile number to my twitter\u2026\"") !=
        std::string::npos);
  CHECK(b.out("posts/20150503112600.md").find("title: \"20150503112600\"") != std::string::npos);  // no text: the name
  CHECK(b.out("posts/named-post.md").find("title: \"Named Post\"") != std::string::npos);        // words in the name: those
  CHECK(b.notes().find("20150402165128.md: no title; \"Hello Twitter! #myfirstTweet\" made from the text's first words") !=
        std::string::npos);
}

TEST_CASE("Eleventy: paths copied one by one from a list (forEach, for...of) are passthrough copies") {
  // As johnwargo's .eleventy.js does it (949 images were missing).
  Blog b("eleventy-foreach",
         {{".eleventy.js", "module.exports = function (eleventyConfig) {\n  [\n    'src/assets/',\n    'src/images/'\n  ].forEach((path) => {\n"
                           "    eleventyConfig.addPassthroughCopy(path);\n  });\n  for (const p of [\"src/files/\"]) eleventyConfig.addPassthroughCopy(p);\n"
                           "  return { dir: { input: 'src' } };\n};\n"},
          {"src/images/2013/a.png", "PNG"},
          {"src/assets/site.css", "CSS"},
          {"src/files/a.pdf", "PDF"},
          {"src/posts/a.md", "---\ntitle: A\ndate: 2013-05-05\nheaderImage:\n---\n![a](/images/2013/a.png)\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.posts == 1);
  CHECK(b.out("static/images/2013/a.png") == "PNG");
  CHECK(b.out("static/assets/site.css") == "CSS");
  CHECK(b.out("static/files/a.pdf") == "PDF");
  CHECK(b.report.keys_left_out.count("headerImage") == 0);  // empty: nothing left out
}

TEST_CASE("Zola: a theme's katex shortcode is math, its TeX as written; katex_enable is the site's math") {
  // divinerapier's even theme: about 60 formulas showed as {% katex(block=true) %}, a "=" line made the TeX a heading.
  Blog z("zola-katex", {{"config.toml", "base_url = \"https://e.org\"\ntitle = \"M\"\ntheme = \"even\"\n[extra]\nkatex_enable = true\n"},
                        {"content/blog/_index.md", "+++\nsort_by = \"date\"\n+++\n"},
                        {"content/blog/v.md", "+++\ntitle = \"V\"\ndate = 2022-03-28\n+++\nA vector {{ katex(body=\"\\vec{AB}=B-A\") }} has a length.\n\n"
                                         "{% katex(block=true) %}\nx\\prime \\\\\n\\{y\\}\n=\n\\begin{bmatrix} A \\end{bmatrix}\n{% end %}\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.out("site.yaml"), "math: true"));
  const std::string post = z.out("posts/v.md");
  CAPTURE(post);
  CHECK(holds(post, "A vector $\\vec{AB}=B-A$ has a length."));
  CHECK(holds(post, "$$\nx\\prime \\\\\n\\{y\\}\n=\n\\begin{bmatrix} A \\end{bmatrix}\n$$"));
  CHECK_FALSE(holds(post, "katex"));
}

TEST_CASE("Zola: the old URL of a file name with capitals, spaces or accents is the slug Zola made of it") {
  Blog b("zola-slugified", {{"config.toml", "base_url = 'https://z.example'\n"},
                            {"content/blog/My Café Trip.md", "+++\ntitle = 'Trip'\ndate = 2021-01-01\n+++\nA\n"}});
  REQUIRE(b.import(Engine::zola).ok());
  const std::string post = b.out("posts/My Café Trip.md");
  CHECK(post.find("slug: \"my-cafe-trip\"") != std::string::npos);
  CHECK(post.find("aliases: [\"/blog/my-cafe-trip/\"]") != std::string::npos);
}

TEST_CASE("Hugo: a site pattern naming posts by :title keeps them at the title's address, whatever their slug key says") {
  // Mic92/blog: posts = '/:year/:month/:day/:title/' and slug = "2013/04/27/..." (Octopress):
  // Hugo's :title ignored the slug; the posts moved and kept only an alias.
  Blog b("hugo-title-pattern", {{"config.yaml", "title: M\npermalinks:\n  posts: /:year/:month/:day/:title/\n"},
                                {"content/posts/backups.md", "---\ntitle: Automated Backups for Chef Server\ndate: 2013-04-27\n"
                                                             "slug: \"2013/04/27/automated-backups-for-chef-server\"\n---\nA\n"},
                                {"content/posts/other-file.md", "---\ntitle: Another Post\ndate: 2014-01-02\n---\nB\n"}});
  REQUIRE(b.import(Engine::hugo).ok());
  const std::string backups = b.out("posts/backups.md"), other = b.out("posts/other-file.md");
  CHECK(backups.find("slug: \"automated-backups-for-chef-server\"") != std::string::npos);
  CHECK(backups.find("aliases") == std::string::npos);  // where it was: nothing to redirect
  CHECK(other.find("slug: \"another-post\"") != std::string::npos);
  CHECK(other.find("aliases") == std::string::npos);
  const quire::ContentResult built = quire::load_content(b.root / "out", {});
  REQUIRE(built.ok());
  CHECK(quire::parse_route("/2013/04/27/automated-backups-for-chef-server/", built.bundle).kind == quire::RouteKind::Post);
  CHECK(quire::parse_route("/2014/01/02/another-post/", built.bundle).kind == quire::RouteKind::Post);
}

TEST_CASE("Eleventy with markdown-it-attrs: {.class} after a span, ending a line or on a line of its own is dropped, never text") {
  const std::string post = "---\ntitle: About\ndate: 2020-01-01\n---\n![Me](/photo.jpg){.profile-photo .float .right}\n\n"
                           "A [link](https://a.example){target=\"_blank\" rel=noopener} in it.\n\nLead text.\n{.lead}\n\n"
                           "Ends here {#end data-x='1 2'}\n\nA set {a, b} stays, as does `code {.x}` and {not attrs}.\n";
  Blog with("eleventy-attrs", {{"eleventy.config.js", "const attrs = require('markdown-it-attrs');\n"}, {"posts/about.md", post}});
  REQUIRE(with.import(Engine::eleventy).ok());
  const std::string out = with.out("posts/about.md");
  CHECK(holds(out, "![Me](/photo.jpg)\n\nA [link](https://a.example) in it.\n\nLead text.\n\nEnds here\n\n"));
  CHECK(holds(out, "A set {a, b} stays, as does `code {.x}` and {not attrs}."));
  CHECK(with.report.converted.at("attribute block ({.class #id}, markdown-it-attrs' or goldmark's): dropped") == 1);
  Blog without("eleventy-no-attrs", {{"posts/about.md", post}});
  REQUIRE(without.import(Engine::eleventy).ok());
  CHECK(holds(without.out("posts/about.md"), "![Me](/photo.jpg){.profile-photo .float .right}"));
}

TEST_CASE("Zola: a slug key and a file name with underscores are slugified as Zola did ([slugify] paths)") {
  // mxdzs0612: slug = "rust_learn_note_adv_1" was at /blog/rust/rust-learn-note-adv-1/.
  const std::vector<std::pair<std::string, std::string>> posts = {
      {"content/blog/one.md", "+++\ntitle = 'One'\ndate = 2024-01-02\nslug = \"My_First_Post\"\n+++\nSee [three](../third-post/).\n"},
      {"content/blog/third_post.md", "+++\ntitle = 'Three'\ndate = 2024-01-03\n+++\nC\n"}};
  SUBCASE("on, the default") {
    auto files = posts;
    files.push_back({"config.toml", "base_url = 'https://z.example'\n"});
    Blog b("zola-slug-on", files);
    REQUIRE(b.import(Engine::zola).ok());
    const std::string one = b.out("posts/one.md"), three = b.out("posts/third_post.md");
    CHECK(holds(one, "slug: \"my-first-post\""));
    CHECK(holds(one, "aliases: [\"/blog/my-first-post/\"]"));
    CHECK(holds(three, "slug: \"third-post\""));
    CHECK(holds(three, "aliases: [\"/blog/third-post/\"]"));
    // The post keeps Zola's name: the author's relative link between posts still leads to it.
    const quire::ContentResult built = quire::load_content(b.root / "out", {});
    REQUIRE_MESSAGE(built.ok(), (built.errors.empty() ? std::string() : built.errors[0].message));
    CHECK(built.bundle.find_post("third-post"));
    CHECK(built.bundle.find_post("my-first-post"));
  }
  SUBCASE("off: the names as they were") {
    auto files = posts;
    files.push_back({"config.toml", "base_url = 'https://z.example'\n[slugify]\npaths = \"off\"\n"});
    Blog b("zola-slug-off", files);
    REQUIRE(b.import(Engine::zola).ok());
    CHECK(holds(b.out("posts/third_post.md"), "aliases: [\"/blog/third_post/\"]"));
    CHECK_FALSE(holds(b.out("posts/third_post.md"), "slug:"));
  }
}

TEST_CASE("attribute blocks of headings ({.class}) and goldmark's block attributes are the theme's looks, not text") {
  // osc.garden (tabi): "#### [Docs](...) {.centered-text}" showed its braces and took them into its id.
  Blog z("zola-heading-class", {{"config.toml", "base_url = 'https://z.example'\n"},
                                {"content/blog/a.md", "+++\ntitle = 'A'\ndate = 2024-01-01\n+++\n#### [Docs](https://d.example) {.centered-text}\n\n"
                                                      "## Setup {#setup .wide}\n\nA set {.not-a-heading} stays.\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  const std::string a = z.out("posts/a.md");
  CHECK(holds(a, "#### [Docs](https://d.example)\n\n## Setup\n\nA set {.not-a-heading} stays."));
  CHECK(z.report.converted.at("heading {.class} (the theme's looks)") == 1);
  // Hugo with goldmark's block attributes on: "{.note}" under a paragraph.
  Blog h("hugo-block-attributes", {{"hugo.toml", "title = 'H'\n[markup.goldmark.parser.attribute]\nblock = true\n"},
                                   {"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\nA note.\n{.note}\n\nA {.x} in text.\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("posts/a.md"), "A note.\n\nA {.x} in text."));
  Blog off("hugo-block-attributes-off", {{"hugo.toml", "title = 'H'\n"},
                                         {"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\nA note.\n{.note}\n"}});
  REQUIRE(off.import(Engine::hugo).ok());
  CHECK(holds(off.out("posts/a.md"), "A note.\n{.note}"));  // goldmark showed it as text too
}

TEST_CASE("Jekyll: a collection's documents in HTML and its other files move in, where Jekyll wrote them") {
  // kenners's _talks: two slide decks in .html and their images were left out without a word.
  Blog j("jekyll-collection-files", {{"_config.yml", "title: T\ncollections:\n  talks:\n    output: true\n    permalink: /:collection/:path/\n"
                                                    "  notes:\n    output: false\n"},
                                     {"_posts/2020-01-01-p.md", "---\ntitle: P\n---\nP\n"},
                                     {"_talks/slides-a.html", "---\ntitle: Slides A\n---\n<p>Hello <img src=\"homer.png\" alt=\"Homer\"></p>\n"},
                                     {"_talks/slides-a/homer.png", "PNG"},
                                     {"_talks/liquid.html", "---\ntitle: L\n---\n{% for x in site.talks %}{{ x.title }}{% endfor %}\n"},
                                     {"_notes/n.md", "---\ntitle: N\n---\nN\n"}, {"_notes/n.png", "PNG"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string page = j.out("pages/talks-slides-a.md");
  CHECK(holds(page, "permalink: \"/talks/slides-a/\""));
  CHECK(holds(page, "<img src=\"homer.png\" alt=\"Homer\">"));
  CHECK(j.wrote("static/talks/slides-a/homer.png"));
  CHECK_FALSE(j.wrote("pages/talks-liquid.md"));  // a template: reported
  CHECK(holds(j.notes(), "_talks/liquid.html: collection talks: a document in HTML with Liquid: not converted"));
  CHECK_FALSE(j.wrote("static/notes/n.png"));  // a collection Jekyll did not write
}

TEST_CASE("Jekyll: a collection's permalink by :slug and :title: the document's slug key, else its name") {
  // naxoc's /sektion/:slug/: 6 pages lost their addresses.
  Blog b("jekyll-collection-slug", {{"_config.yml", "collections:\n  sektioner:\n    output: true\n    permalink: /sektion/:slug/\n"
                                                    "  notes:\n    output: true\n    permalink: /notes/:title/\n"},
                                    {"_sektioner/Musik Ting.md", "---\ntitle: M\n---\nM\n"},
                                    {"_sektioner/livet.md", "---\ntitle: L\nslug: Mit Liv\n---\nL\n"},
                                    {"_notes/My Note.md", "---\ntitle: N\n---\nN\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  std::string all;
  for (const auto& e : fs::directory_iterator(b.root / "out/pages")) all += read_text(e.path());
  CHECK(holds(all, "permalink: \"/sektion/musik-ting/\""));
  CHECK(holds(all, "permalink: \"/sektion/mit-liv/\""));
  CHECK(holds(all, "permalink: \"/notes/My-Note/\""));
}

TEST_CASE("Import: a percent-encoded permalink is the address decoded, as the old engine wrote its folder") {
  // rtaibah's WordPress export: /2010/10/20/%c9%b9o%c9%b9-l/ was served from 2010/10/20/ɹoɹ-l/.
  Blog b("jekyll-percent-permalink", {{"_config.yml", "title: T\n"},
                                      {"_posts/2010-10-20-mirror.md", "---\ntitle: Mirror\npermalink: /2010/10/20/%c9%b9o%c9%b9-l/\n---\nM\n"},
                                      {"_posts/2010-10-21-odd.md", "---\ntitle: Odd\npermalink: /2010/10/21/100%25-sure/\n---\nO\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(holds(b.out("posts/2010-10-20-mirror.md"), "permalink: \"/2010/10/20/\xc9\xb9o\xc9\xb9-l/\""));
  CHECK(holds(b.out("posts/2010-10-21-odd.md"), "permalink: \"/2010/10/21/100%25-sure/\""));  // a '%' of its own stays encoded
}

TEST_CASE("jekyll_url: placeholders in turn, a leading '/', no empty segments; a value holding its own placeholder ends") {
  CHECK(jekyll_url("tag/:name/", {{":name", "web-dev"}}) == "/tag/web-dev/");
  CHECK(jekyll_url("/:basename:output_ext", {{":basename", "tools"}, {":output_ext", ".html"}}) == "/tools.html");
  CHECK(jekyll_url("/:path//:basename/", {{":path", "/_pages/"}, {":basename", "a"}}) == "/_pages/a/");
  // a tag named ":name" (the replacement once looked again from the start, without end)
  CHECK(jekyll_url("/tag/:name/", {{":name", "x:name"}}) == "/tag/x:name/");
}

TEST_CASE("Jekyll's :title slug: punctuation beyond ASCII is a '-' as ASCII's is (checked with Jekyll's Utils.slugify)") {
  CHECK(jekyll_title_slug("fix-\u201cfailed-to-start-session\u201d-at-login-in-ubuntu-16.04") == "fix-failed-to-start-session-at-login-in-ubuntu-16.04");
  CHECK(jekyll_title_slug("caf\u00e9\u2014na\u00efve \u65e5\u672c\u8a9e") == "caf\u00e9-na\u00efve-\u65e5\u672c\u8a9e");
  CHECK(jekyll_title_slug("Two  spaces, (and) more!") == "Two-spaces,-(and)-more!");
}

TEST_CASE("Jekyll: old addresses as Jekyll wrote them: categories \"web, spring\" keep the comma, dots before a '/' go; a user's GitHub Pages address") {
  // hellojunho: /web,/spring/WEB-STOMP란/ and /python/Python-Python-Traceback/ (from "Traceback..?.md") had nothing,
  // and with url commented out (GitHub Pages gave site.url) no feed or sitemap was written.
  Blog j("jekyll-url-quirks", {{"_config.yml", "title: T\nurl: # \"https://me.github.io\"\npermalink: /:categories/:title/\n"},
                               {".git/config", "[remote \"origin\"]\n\turl = git@github.com:Me/me.github.io.git\n"},
                               {"_posts/2023-08-28-[WEB] STOMP.md", "---\ntitle: STOMP\ncategories: web, spring\n---\nS\n"},
                               {"_posts/2024-04-09-[Python] Traceback..?.md", "---\ntitle: Traceback\ncategories: python\n---\nT\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("posts/2023-08-28-[WEB] STOMP.md"), "\"/web,/spring/WEB-STOMP/\""));
  CHECK(holds(j.out("posts/2023-08-28-[WEB] STOMP.md"), "categories: [\"web\",\"spring\"]"));  // the terms without the comma
  CHECK(holds(j.out("posts/2024-04-09-[Python] Traceback..?.md"), "\"/python/Python-Traceback/\""));
  CHECK(holds(j.out("site.yaml"), "url: \"https://me.github.io\""));
  CHECK(holds(j.notes(), "GitHub Pages' address"));
  CHECK(quire::load_content(j.root / "out", {}).ok());
}

TEST_CASE("Jekyll: HTML in a title or an author, which Jekyll's layouts printed as HTML, is its text") {
  // bairblog: 12 titles ("BADGR:<br>The Berkeley <i>Autonomous</i> Robot") and 137 authors (a link) showed as markup.
  Blog j("jekyll-html-title", {{"_config.yml", "title: T\n"},
                               {"_posts/2020-03-12-badgr.md", "---\ntitle: \"BADGR:<br>The Berkeley <i>Autonomous</i> Robot &amp; more\"\n"
                                                              "author: <a href=\"https://example.org/~greg/\">Greg Kahn</a>\n---\nHello.\n"},
                               {"_posts/2020-03-13-plain.md", "---\ntitle: \"a < b, x>y\"\nauthor: [\"<b>Ann</b>\", Bo]\n---\nHi.\n"},
                               {"_posts/2020-03-14-words.md", "---\ntitle: \"Rust's Option<T> and the <dialog> element\"\n---\nW.\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("posts/2020-03-12-badgr.md"), "title: \"BADGR: The Berkeley Autonomous Robot & more\""));
  CHECK(holds(j.out("posts/2020-03-12-badgr.md"), "author: \"Greg Kahn\""));
  CHECK(holds(j.out("posts/2020-03-13-plain.md"), "title: \"a < b, x>y\""));  // no tag in it: as written
  CHECK(holds(j.out("posts/2020-03-13-plain.md"), "author: [\"Ann\",\"Bo\"]"));
  CHECK(holds(j.out("posts/2020-03-14-words.md"), "title: \"Rust's Option<T> and the <dialog> element\""));  // words, no inline tags
}

TEST_CASE("Jekyll with Octopress: its category pages and feeds under category_dir and its pages under pagination_dir are kept") {
  // bbatsov: 46 /articles/categories/<c>/ pages, their 46 atom.xml feeds and /articles/page/N/ went 404.
  Blog j("jekyll-octopress-categories", {{"_config.yml", "url: http://e.org\ntitle: O\nsource: source\ncategory_dir: blog/categories\n"
                                                        "pagination_dir: blog\npaginate: 1\n"},
                                         {"source/_posts/2012-01-01-a.markdown", "---\ntitle: A\ndate: 2012-01-01 10:00\ncategories: [Emacs, Common Lisp]\n---\nA\n"},
                                         {"source/_posts/2012-02-01-b.markdown", "---\ntitle: B\ndate: 2012-02-01 10:00\ncategories: [Ruby]\n---\nB\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string site = j.out("site.yaml");
  CAPTURE(site);
  CHECK(holds(site, "\"/blog/categories/common-lisp/\": \"/tags/common-lisp/\""));
  CHECK(holds(site, "\"/blog/categories/ruby/\": \"/tags/ruby/\""));
  CHECK(holds(site, "\"/blog/categories/:tag/atom.xml\""));
  CHECK(holds(site, "\"/blog/page/2/\": \"/page/2/\""));
  CHECK_FALSE(holds(site, "\"/page2/\""));
  const auto built = quire::load_content(j.root / "out", {});
  CHECK_MESSAGE(built.errors.empty(), (built.errors.empty() ? std::string() : built.errors[0].str()));
}

TEST_CASE("Jekyll: a page listing one category's or tag's posts redirects to that term's page, not the home") {
  // hellojunho's 17 Minimal Mistakes pages /categories/<x> ({% assign posts = site.categories.ai %}) went to /.
  Blog j("jekyll-term-list", {{"_config.yml", "title: T\ninclude: [_pages]\n"},
                              {"_posts/2023-01-14-bot.md", "---\ntitle: Bot\ncategories: [ai]\ntags: [Web Dev]\n---\nB\n"},
                              {"_pages/category-ai.md", "---\ntitle: AI\nlayout: archive\npermalink: categories/ai\n---\n"
                                                        "{% assign posts = site.categories.ai %}\n{% for post in posts %}{{ post.title }}{% endfor %}\n"},
                              {"tag-web.html", "---\ntitle: Web\npermalink: /tag/web/\n---\n"
                                               "{% for post in site.tags[\"Web Dev\"] %}<a href=\"{{ post.url }}\">{{ post.title }}</a>{% endfor %}\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string site = j.out("site.yaml");
  CAPTURE(site);
  CHECK(holds(site, "\"/categories/ai\": \"/tags/ai/\""));
  CHECK(holds(site, "\"/tag/web/\": \"/tags/web-dev/\""));
}

TEST_CASE("Jekyll: a markdown page listing the posts in Liquid is Quire's list; an include's image path may end in a space") {
  // rtaibah's blog/index.md (jekyll-paginate-v2) showed its loop as text; 9 of its image includes had url="/x.jpg ".
  Blog b("jekyll-list-page-md", {{"_config.yml", "permalink: pretty\n"},
                                 {"_includes/image.html", "<img src=\"{{ include.url }}\" alt=\"{{ include.description }}\">"},
                                 {"blog/index.md", "---\nlayout: page\ntitle: Blog\npagination:\n  enabled: true\n---\n"
                                                   "{% for post in paginator.posts %}\n  <li>{{ post.title }}</li>\n{% endfor %}\n"},
                                 {"lifestream.md", "---\ntitle: Stream\n---\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n"},
                                 {"_posts/2020-01-01-one.md", "---\ntitle: One\n---\n{% include image.html url=\"/img/a.jpg \" description=\"A photo\" %}\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK_FALSE(b.wrote("pages/index.md"));
  CHECK_FALSE(b.wrote("pages/lifestream.md"));
  CHECK(holds(b.out("site.yaml"), "\"/blog/\": \"/archive/\""));
  CHECK(holds(b.out("site.yaml"), "\"/lifestream/\": \"/\""));
  CHECK(holds(b.notes(), "blog/index.md: a page listing the posts in Liquid"));
  CHECK(holds(b.out("posts/2020-01-01-one.md"), "![A photo](/img/a.jpg)"));
}

TEST_CASE("Jekyll: a nested setting of the config ({{ site.author.email }}) is its text") {
  Blog b("jekyll-nested-setting", {{"_config.yml", "title: T\nauthor:\n  name: Lee\n  email: lee@example.com\n  social:\n    linkedin: lee-dev\n"},
                                   {"contact.md", "---\ntitle: Contact\n---\n[{{ site.author.email }}](mailto:{{site.author.email}}), "
                                                  "[in](https://linkedin.com/in/{{ site.author.social.linkedin }}) {{ site.author }}\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  const std::string page = b.out("pages/contact.md");
  CHECK(holds(page, "[lee@example.com](mailto:lee@example.com)"));
  CHECK(holds(page, "(https://linkedin.com/in/lee-dev)"));
  CHECK(holds(b.notes(), "{{ site.author }}"));  // an object, not text: reported
}

TEST_CASE("Jekyll: a feed template's report line says where Quire's feed is, and that it needs a url") {
  // chrisanthropic's feed.xml: the report promised a copy that a site without url never gets.
  Blog b("jekyll-feed-template-note", {{"_config.yml", "title: T\n"},
                                       {"feed.xml", "---\nlayout: null\n---\n<feed></feed>\n"},
                                       {"atom.xml", "---\nlayout: null\n---\n<feed></feed>\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(holds(b.notes(), "feed.xml: a feed template: Quire writes its own feed at this address, once site.yaml has a url"));
  CHECK(holds(b.notes(), "atom.xml: a feed template: Quire writes its own feed, and a copy of it here (old_feeds in site.yaml), once"));
  Blog u("jekyll-feed-template-url", {{"_config.yml", "title: T\nurl: https://j.example\n"}, {"atom.xml", "---\nlayout: null\n---\n<feed></feed>\n"}});
  REQUIRE(u.import(Engine::jekyll).ok());
  CHECK(holds(u.notes(), "a copy of it here (old_feeds in site.yaml)\n"));
}

TEST_CASE("Jekyll: a path in url is no base path (only baseurl moves a Jekyll site)") {
  // Moo64c's url "https://moo64c.github.io/about": base_path /about/ had broken every link of the site.
  Blog b("jekyll-url-path", {{"_config.yml", "title: T\nurl: \"https://moo64c.github.io/about\"\n"},
                             {"_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK_FALSE(holds(b.out("site.yaml"), "base_path"));
  CHECK(holds(b.out("site.yaml"), "url: \"https://moo64c.github.io\""));
  CHECK(holds(b.notes(), "has a path Jekyll does not serve the site under (only baseurl moves it): the site is at the root"));
  Blog c("jekyll-url-path-baseurl", {{"_config.yml", "url: \"https://e.org/x\"\nbaseurl: /blog\n"}});
  REQUIRE(c.import(Engine::jekyll).ok());
  CHECK(holds(c.out("site.yaml"), "base_path: \"/blog/\""));
}

TEST_CASE("Jekyll: published: \"false\", quoted, is a string Jekyll read as true: published") {
  Blog b("jekyll-published-string", {{"_config.yml", "title: T\n"},
                                     {"_posts/2020-01-01-strpub.md", "---\ntitle: S\npublished: \"false\"\n---\nS\n"},
                                     {"_posts/2020-01-02-off.md", "---\ntitle: O\npublished: false\n---\nO\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK_FALSE(holds(b.out("posts/2020-01-01-strpub.md"), "draft"));
  CHECK(holds(b.out("posts/2020-01-02-off.md"), "draft: true"));
}

TEST_CASE("Jekyll: a hand-made category page redirects to Quire's tag page when categories are tags") {
  // nithinbekal's categories/ruby.md (layout: category): Quire writes no /categories/ruby/, so 30 addresses were lost.
  Blog b("jekyll-category-page", {{"_config.yml", "permalink: /posts/:title/\n"},
                                  {"categories/ruby.md", "---\ntitle: Ruby\nlayout: category\ncategory: ruby\n---\n"},
                                  {"_posts/2023-12-17-ruby-3-3.md", "---\ntitle: Ruby 3.3\ncategories: ruby\n---\nNew.\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(holds(b.out("site.yaml"), "\"/categories/ruby/\": \"/tags/ruby/\""));
  const quire::ContentResult built = quire::load_content(b.root / "out", {});
  CHECK(built.ok());
}

// mincong-h's blog (TeXt): 13 category pages of a collection, left out for
// Quire's, took their redirect_from (/categories/git/...) with them.
TEST_CASE("Jekyll: a theme's page left out for Quire's own keeps its redirect_from as redirects to Quire's list") {
  Blog b("jekyll-category-redirect-from",
         {{"_config.yml", "permalink: /:year/:month/:day/:title/\nplugins: [jekyll-redirect-from]\n"
                          "collections:\n  displayed_en_categories:\n    permalink: /en/categories/:name/\n    output: true\n"},
          {"_displayed_en_categories/git.md", "---\nlayout: category\ntitle: Git\ncategory: git\nredirect_from:\n  - /categories/git/\n  - old-git/\n---\n"},
          {"en/archive.html", "---\nlayout: archive\nredirect_from:\n  - /archive/\n  - /posts-by-date/\n---\n"},
          {"tags.md", "---\nlayout: page\ntitle: Tags\npermalink: /tags/\nredirect_from: /all-tags/\n---\nAll tags: {{ site.tags }}\n"},
          {"_posts/2020-01-01-git-post.md", "---\ntitle: A git post\ncategories: [git]\n---\nok\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  const std::string site = b.out("site.yaml");
  CHECK(holds(site, "\"/en/categories/git/\": \"/tags/git/\""));
  CHECK(holds(site, "\"/categories/git/\": \"/tags/git/\""));
  CHECK(holds(site, "\"/old-git/\": \"/tags/git/\""));
  CHECK(holds(site, "\"/posts-by-date/\": \"/archive/\""));
  CHECK_FALSE(holds(site, "\"/archive/\":"));  // Quire's own
  CHECK(holds(site, "\"/all-tags/\": \"/tags/\""));
  CHECK(holds(b.notes(), "_displayed_en_categories/git.md: a theme's category page (layout: category): Quire writes its own; not converted; "
                         "its redirect_from or aliases (2) redirect to /tags/git/"));
  const quire::ContentResult built = quire::load_content(b.root / "out", {});
  CHECK(built.ok());
}

TEST_CASE("Jekyll: jekyll-archives' tag, category and date pages redirect to Quire's") {
  // The plugin's pages were not in the repository, only its settings: every
  // /tag/<name>/ and /2020/01/ of such a blog was lost.
  Blog b("jekyll-archives", {{"_config.yml", "title: T\nplugins:\n  - jekyll-archives\njekyll-archives:\n  enabled: [tags, categories, month, year]\n"
                                              "  layout: archive\n  permalinks:\n    tag: /tags/:name/\n    category: '/blog/:name/'\n    year: '/:year/'\n"},
                             {"_posts/2020-01-02-a.md", "---\ntitle: A\ntags: [C++ Tips, web]\ncategories: Misc Notes\n---\nA\n"},
                             {"_posts/2021-03-04-b.md", "---\ntitle: B\ntags: [web]\n---\nB\n"},
                             {"_posts/2022-05-06-c.md", "---\ntitle: C\ntags: [hidden]\npublished: false\n---\nC\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  const std::string site = b.out("site.yaml");
  CHECK(holds(site, "\"/tags/c-tips/\": \"/tags/c-plus-plus-tips/\""));  // Jekyll's slug, then Quire's
  CHECK_FALSE(holds(site, "\"/tags/web/\""));                                  // Quire's own address
  CHECK(holds(site, "\"/blog/misc/\": \"/tags/misc/\""));                 // categories are tags here
  CHECK(holds(site, "\"/blog/notes/\": \"/tags/notes/\""));
  CHECK(holds(site, "\"/2020/01/\": \"/archive/2020/01/\""));
  CHECK(holds(site, "\"/2021/03/\": \"/archive/2021/03/\""));
  CHECK(holds(site, "\"/2020/\": \"/archive/\""));
  CHECK_FALSE(holds(site, "/2022/"));   // an unpublished post's month
  CHECK_FALSE(holds(site, "hidden"));
  CHECK(holds(b.notes(), "jekyll-archives' pages (4 kinds): not converted"));
  // Settings enabling nothing made nothing.
  Blog n("jekyll-archives-off", {{"_config.yml", "title: T\nplugins: [jekyll-archives]\njekyll-archives:\n  layout: archive\n"},
                                 {"_posts/2020-01-02-a.md", "---\ntitle: A\ntags: [web]\n---\nA\n"}});
  REQUIRE(n.import(Engine::jekyll).ok());
  CHECK_FALSE(holds(n.out("site.yaml"), "/2020/01/"));
  // In the Gemfile, all enabled, default permalinks.
  Blog g("jekyll-archives-gem", {{"_config.yml", "title: T\njekyll-archives:\n  enabled: all\n"},
                                 {"Gemfile", "group :jekyll_plugins do\n  gem 'jekyll-archives'\nend\n"},
                                 {"_posts/2020-01-02-a.md", "---\ntitle: A\ntags: [Web Dev]\n---\nA\n"}});
  REQUIRE(g.import(Engine::jekyll).ok());
  CHECK(holds(g.out("site.yaml"), "\"/tag/web-dev/\": \"/tags/web-dev/\""));
  CHECK(holds(g.out("site.yaml"), "\"/2020/01/02/\": \"/archive/2020/01/\""));
}

// Bimlibik's Chirpy blog: `theme: jekyll-theme-chirpy` (whose gem depends on
// jekyll-archives) and no plugins list; its 20 /categories/<name>/ pages
// had no redirect.
TEST_CASE("Jekyll: jekyll-archives brought by a theme gem, a gemspec, or enabled by its settings alone is on") {
  const std::string settings = "jekyll-archives:\n  enabled: [categories, tags]\n  permalinks:\n    tag: /tags/:name/\n    category: /categories/:name/\n";
  const std::pair<std::string, std::string> post = {"_posts/2021-10-09-kotlin.md", "---\ntitle: K\ncategories: [Kotlin, Collections]\n---\nA\n"};
  SUBCASE("Chirpy's theme gem") {
    Blog b("archives-chirpy", {{"_config.yml", "title: T\ntheme: jekyll-theme-chirpy\n" + settings}, post});
    REQUIRE(b.import(Engine::jekyll).ok());
    CHECK(holds(b.out("site.yaml"), "\"/categories/kotlin/\": \"/tags/kotlin/\""));
    CHECK(holds(b.out("site.yaml"), "\"/categories/collections/\": \"/tags/collections/\""));
    CHECK_FALSE(holds(b.notes(), "taken as on"));
  }
  SUBCASE("the blog's own gemspec, by the Gemfile's gemspec line") {
    Blog b("archives-gemspec", {{"_config.yml", "title: T\n" + settings},
                                {"Gemfile", "source \"https://rubygems.org\"\n\ngemspec\n"},
                                {"my-theme.gemspec", "Gem::Specification.new do |spec|\n  spec.add_runtime_dependency \"jekyll-archives\", \"~> 2.2\"\nend\n"},
                                post});
    REQUIRE(b.import(Engine::jekyll).ok());
    CHECK(holds(b.out("site.yaml"), "\"/categories/kotlin/\": \"/tags/kotlin/\""));
    CHECK_FALSE(holds(b.notes(), "taken as on"));
  }
  SUBCASE("its settings alone") {
    Blog b("archives-settings", {{"_config.yml", "title: T\ntheme: some-theme\n" + settings}, post});
    REQUIRE(b.import(Engine::jekyll).ok());
    CHECK(holds(b.out("site.yaml"), "\"/categories/kotlin/\": \"/tags/kotlin/\""));
    CHECK(holds(b.notes(), "_config.yml: jekyll-archives is in no plugins list nor Gemfile, but its settings enable pages: taken as on"));
  }
}

TEST_CASE("Jekyll: a folder the config's include: names (Minimal Mistakes' _pages) is read; other _folders are not") {
  // zouyongzou (Minimal Mistakes): _pages/about.md at /about/ and 7 more pages were lost without a word.
  Blog b("jekyll-include", {{"_config.yml", "title: T\ninclude:\n  - _pages\n"},
                            {"_posts/2020-01-01-p.md", "---\ntitle: P\n---\nP\n"},
                            {"_pages/about.md", "---\ntitle: About\npermalink: /about/\n---\nAbout me.\n"},
                            {"_notes/n.md", "---\ntitle: N\n---\nN\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(b.report.pages == 1);
  CHECK(holds(b.out("pages/pages-about.md"), "permalink: \"/about/\""));
  CHECK_FALSE(b.wrote("pages/notes-n.md"));
}

TEST_CASE("Jekyll: defaults: by a collection's type give its documents' permalink (Chirpy's tabs at /:title/)") {
  // b3nk4n (Chirpy): _tabs/about.md was at /about/, imported at /tabs/about.html with no redirect.
  Blog b("jekyll-tabs", {{"_config.yml", "title: T\ncollections:\n  tabs:\n    output: true\n"
                                         "defaults:\n  - scope:\n      path: ''\n      type: tabs\n    values:\n      layout: page\n      permalink: /:title/\n"},
                         {"_posts/2020-01-01-p.md", "---\ntitle: P\n---\nP\n"},
                         {"_tabs/about.md", "---\ntitle: About\n---\nAbout me.\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(holds(b.out("pages/tabs-about.md"), "permalink: \"/about/\""));
}

TEST_CASE("Hugo: the old address of a file name in another script drops its punctuation, as Hugo's path did") {
  // mr110825 (Blowfish): "ウルトララーニングとは？.md" was at /posts/ウルトララーニングとは/.
  Blog b("hugo-unicode-punct", {{"hugo.toml", "title = 'H'\n"},
                                {"content/posts/ウルトララーニングとは？.md", "---\ntitle: U\ndate: 2020-01-01\n---\nA\n"},
                                {"content/posts/独自ドメインを設定する（Route53・ACM）.md", "---\ntitle: D\ndate: 2020-01-02\n---\nB\n"}});
  REQUIRE(b.import(Engine::hugo).ok());
  CHECK(holds(b.out("posts/ウルトララーニングとは？.md"), "aliases: [\"/posts/ウルトララーニングとは/\"]"));
  CHECK(holds(b.out("posts/独自ドメインを設定する（Route53・ACM）.md"), "aliases: [\"/posts/独自ドメインを設定するroute53acm/\"]"));
}

TEST_CASE("Eleventy: the permalink in the posts' layout's front matter (the data cascade) gives their old addresses") {
  // schneyra: _layouts/article.njk had permalink: articles/{{ title | slugify }}/index.html; 23 aliases were wrong.
  Blog b("eleventy-layout-permalink", {{".eleventy.js", "module.exports = () => ({ dir: { input: 'website', layouts: '_layouts' } });\n"},
                                       {"website/_layouts/article.njk", "---\nlayout: base\n---\n{{ content | safe }}\n"},
                                       {"website/_layouts/base.njk", "---\npermalink: articles/{{ title | slugify }}/index.html\n---\n<main>{{ content | safe }}</main>\n"},
                                       {"website/articles/articles.json", "{ \"layout\": \"article\", \"tags\": [\"articles\"] }\n"},
                                       {"website/articles/01-welcome.md", "---\ntitle: Welcome to My New Website\ndate: 2020-03-15\n---\nHello.\n"},
                                       {"website/articles/02-own.md", "---\ntitle: Own\ndate: 2020-03-16\npermalink: /own/\n---\nMine.\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(holds(b.out("posts/01-welcome.md"), "/articles/welcome-to-my-new-website/"));
  CHECK(holds(b.out("posts/02-own.md"), "permalink: \"/own/\""));  // its own wins
}

TEST_CASE("the report's excerpts are cut at a character's start, never inside one") {
  // osc.garden: a Japanese or Greek letter split at byte 60 made import.log invalid UTF-8.
  std::string e;
  for (int i = 0; i < 40; ++i) e += "é";
  CHECK(quire::excerpt_of("x" + e, 60) == "x" + e.substr(0, 58) + "…");
  CHECK(quire::excerpt_of("{{ a\nb }}", 60) == "{{ a b }}");
  Blog b("report-utf8", {{"config.toml", "base_url = 'https://z.example'\n"},
                         {"content/blog/a.md", "+++\ntitle = 'A'\ndate = 2024-01-02\n+++\n{{ lyric(text=\"xy" + e + "\") }}\n"}});
  REQUIRE(b.import(Engine::zola).ok());
  const std::string notes = b.notes();
  CHECK(holds(notes, "{{ lyric(text=\"xy" + e.substr(0, 2 * 21) + "…"));  // 17 + 42 bytes: byte 60 is inside an é
}

TEST_CASE("Jekyll: a tag or category list keeps its items whole; a string of them is split at spaces") {
  // b3nk4n (Chirpy): categories: [Software Engineering] became "Software" and "Engineering", 80 junk tags in 44 posts.
  Blog b("jekyll-list-items", {{"_config.yml", "title: T\n"},
                               {"_posts/2024-11-27-a.md", "---\ntitle: A\ncategories: [Software Engineering]\ntags: [windows, windows phone]\n---\nA\n"},
                               {"_posts/2024-11-28-b.md", "---\ntitle: B\ntags:\n  - machine learning\ncategories: jekyll update\n---\nB\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  const std::string a = b.out("posts/2024-11-27-a.md"), c = b.out("posts/2024-11-28-b.md");
  CHECK(holds(a, "\"windows phone\""));
  CHECK(holds(a, "Software Engineering"));
  CHECK_FALSE(holds(a, "\"phone\""));
  CHECK(holds(c, "\"machine learning\""));
  CHECK(holds(c, "\"jekyll\""));   // a string: Jekyll split it
  CHECK(holds(c, "\"update\""));
}

TEST_CASE("Zola: a page file beside a post's index.md is a page at the address Zola gave it, not one of the post's files") {
  // wezm.net: posts/2020/100-rust-binaries/page2.md was copied as a raw file, and @/ links to it said "no such page".
  Blog b("zola-bundle-page", {{"config.toml", "base_url = 'https://z.example'\n"},
                              {"content/posts/_index.md", "+++\nsort_by = 'date'\n+++\n"},
                              {"content/posts/big/index.md", "+++\ntitle = 'Big'\ndate = 2020-01-01\n+++\nSee [page 2](@/posts/big/Page_2.md).\n"},
                              {"content/posts/big/Page_2.md", "+++\ntitle = 'Big, page 2'\ndate = 2020-01-02\n+++\nSecond page.\n"},
                              {"content/posts/big/photo.png", "PNG"}});
  REQUIRE(b.import(Engine::zola).ok());
  CHECK(b.report.posts == 1);
  CHECK(b.report.pages == 1);
  CHECK(holds(b.out("pages/big-page-2.md"), "permalink: \"/posts/big/page-2/\""));
  CHECK(holds(b.out("posts/big/index.md"), "See [page 2](/posts/big/page-2/)."));
  CHECK(b.wrote("posts/big/photo.png"));
  CHECK_FALSE(b.wrote("posts/big/Page_2.md"));
  CHECK_FALSE(holds(b.notes(), "no such page"));
}

TEST_CASE("straight quotes stay straight where the old engine kept them: Zola and Eleventy unless turned on") {
  SUBCASE("Zola: [markdown] smart_punctuation is off by default") {
    Blog off("zola-smart-off", {{"config.toml", "base_url = 'https://z.example'\n"},
                                {"content/blog/a.md", "+++\ntitle = 'A'\ndate = 2024-01-02\n+++\n\"Hi\"\n"}});
    REQUIRE(off.import(Engine::zola).ok());
    CHECK(holds(off.out("site.yaml"), "smart_punctuation: false"));
    Blog on("zola-smart-on", {{"config.toml", "base_url = 'https://z.example'\n[markdown]\nsmart_punctuation = true\n"},
                              {"content/blog/a.md", "+++\ntitle = 'A'\ndate = 2024-01-02\n+++\n\"Hi\"\n"}});
    REQUIRE(on.import(Engine::zola).ok());
    CHECK_FALSE(holds(on.out("site.yaml"), "smart_punctuation"));
  }
  SUBCASE("Eleventy: markdown-it's typographer is off unless the config sets it") {
    Blog off("eleventy-smart-off", {{"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n\"Hi\"\n"}});
    REQUIRE(off.import(Engine::eleventy).ok());
    CHECK(holds(off.out("site.yaml"), "smart_punctuation: false"));
    Blog on("eleventy-smart-on", {{"eleventy.config.ts", "import markdownIt from 'markdown-it';\n"
                                                          "export default (c) => { c.setLibrary('md', markdownIt({ html: true, typographer: true })); };\n"},
                                  {"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n\"Hi\"\n"}});
    REQUIRE(on.import(Engine::eleventy).ok());
    CHECK_FALSE(holds(on.out("site.yaml"), "smart_punctuation"));
    // A shortcode's own instance is not the site's (kpwags's note shortcode): quotes stayed straight.
    Blog own("eleventy-smart-shortcode", {{"eleventy.config.js", "import MarkdownIt from 'markdown-it';\nexport default function (c) {\n"
                                                                  "  c.addPairedShortcode('note', (t) => new MarkdownIt({ typographer: true }).renderInline(t));\n}\n"},
                                          {"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n\"Hi\"\n"}});
    REQUIRE(own.import(Engine::eleventy).ok());
    CHECK(holds(own.out("site.yaml"), "smart_punctuation: false"));
  }
}

TEST_CASE("line breaks that were <br>: markdown-it's breaks, goldmark's hardWraps, kramdown's hard_wrap make site.yaml hard_breaks") {
  const std::string post = "---\ntitle: A\ndate: 2020-01-01\n---\nRoses\nviolets\n";
  Blog eleventy("breaks-eleventy", {{".eleventy.js", "const md = require('markdown-it');\n"
                                                      "module.exports = (c) => { c.setLibrary('md', md({ html: true, breaks: true })); };\n"},
                                     {"posts/a.md", post}});
  REQUIRE(eleventy.import(Engine::eleventy).ok());
  CHECK(holds(eleventy.out("site.yaml"), "hard_breaks: true"));
  Blog hugo("breaks-hugo", {{"hugo.toml", "title = 'H'\n[markup.goldmark.renderer]\nhardWraps = true\nunsafe = true\n"},
                           {"content/posts/a.md", post}});
  REQUIRE(hugo.import(Engine::hugo).ok());
  CHECK(holds(hugo.out("site.yaml"), "hard_breaks: true"));
  Blog jekyll("breaks-jekyll", {{"_config.yml", "title: J\nkramdown:\n  input: GFM\n  hard_wrap: true\n"},
                               {"_posts/2020-01-01-a.md", post}});
  REQUIRE(jekyll.import(Engine::jekyll).ok());
  CHECK(holds(jekyll.out("site.yaml"), "hard_breaks: true"));
  // The options in a module another module re-exports, each import relative to its own file
  // (cyberweekly's Eleventy Excellent layout: 1,470 <br> of 207 posts).
  Blog nested("breaks-nested", {{"eleventy.config.js", "import plugins from './src/_config/plugins.js';\n"
                                                        "export default (c) => { c.setLibrary('md', plugins.markdownLib); return { dir: { input: 'src' } }; };\n"},
                                 {"src/_config/plugins.js", "import { markdownLib } from './plugins/markdown.js';\nexport default { markdownLib };\n"},
                                 {"src/_config/plugins/markdown.js", "export const markdownLib = markdownIt({ breaks: true, typographer: true });\n"},
                                 {"src/posts/a.md", post}});
  REQUIRE(nested.import(Engine::eleventy).ok());
  CHECK(holds(nested.out("site.yaml"), "hard_breaks: true"));
  CHECK_FALSE(holds(nested.out("site.yaml"), "smart_punctuation"));
  // Off where the engine's default was: no key.
  Blog plain("breaks-off", {{".eleventy.js", "// md({ breaks: true }) was tried once\nmodule.exports = (c) => { c.setLibrary('md', md({ breaks: false })); };\n"},
                            {"posts/a.md", post}});
  REQUIRE(plain.import(Engine::eleventy).ok());
  CHECK_FALSE(holds(plain.out("site.yaml"), "hard_breaks"));
}

TEST_CASE("Eleventy: a commented-out line of the config is no setting (raniz.blog's // pathPrefix)") {
  Blog b("eleventy-comments", {{".eleventy.js", "module.exports = function (c) {\n"
                                                "  c.addPassthroughCopy('img'); // and 'old/'\n"
                                                "  /* c.addPassthroughCopy('old');\n     c.addPassthroughCopy('older'); */\n"
                                                "  const re = /https?:\\/\\//; const url = 'https://x.org/a';\n"
                                                "  return {\n    // pathPrefix: \"/subfolder/\",\n    dir: { input: 'src' },\n  };\n};\n"},
                               {"src/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\nA\n"},
                               {"src/img/x.png", "PNG"}, {"src/old/y.png", "PNG"}, {"old/y.png", "PNG"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.posts == 1);  // dir.input after the regular expression and the comment was read
  CHECK_FALSE(holds(b.out("site.yaml"), "base_path"));
  CHECK_FALSE(holds(b.out("site.yaml"), "subfolder"));
  CHECK_FALSE(b.wrote("static/old/y.png"));
  CHECK_FALSE(b.wrote("static/y.png"));
}

TEST_CASE("npm_slugify: the slugify package's slug, as Eleventy permalink functions made it") {
  CHECK(npm_slugify("Save Chromium Profile to Ramdisk") == "save-chromium-profile-to-ramdisk");
  CHECK(npm_slugify("Don't panic: it's  fine!") == "don't-panic:-it's-fine!");
  CHECK(npm_slugify("Crème brûlée & tea -- at 5% / day") == "creme-brulee-and-tea-at-5percent-day");
  CHECK(npm_slugify("日本語") == "");
}

TEST_CASE("js_without_comments: comments become spaces; strings, templates and regular expressions stay whole") {
  using quire::import::js_without_comments;
  CHECK(js_without_comments("a // b\nc") == "a     \nc");
  CHECK(js_without_comments("a /* b\n c */ d") == "a     \n      d");
  CHECK(js_without_comments("u = 'https://x.org' // c") == "u = 'https://x.org'     ");
  CHECK(js_without_comments("t = `//${ '/*' + `//` }//` // c") == "t = `//${ '/*' + `//` }//`     ");
  CHECK(js_without_comments("r = s.replace(/\\/\\//g, '/') // c") == "r = s.replace(/\\/\\//g, '/')     ");
  CHECK(js_without_comments("x = a / b // c") == "x = a / b     ");
  CHECK(js_without_comments("r = /[/]/.test(s) // c") == "r = /[/]/.test(s)     ");
  CHECK(js_without_comments("s = 'it\\'s // no'") == "s = 'it\\'s // no'");
}

TEST_CASE("a post with a line of 300 KB (a data: image, a draw.io embed) imports: the patterns' recursion has the stack it needs") {
  // DrMaemi's 37 posts with draw.io <div data-mxgraph="..."> lines up to 129 KB crashed the import (a stack overflow in std::regex).
  const std::string big(300000, 'A');
  const std::string body = "Intro.\n\n![x](data:image/png;base64," + big + ")\n\n<div class=\"mxgraph\" data-mxgraph=\"" + big +
                           "\">y</div>\nText after.\n\n[l](../" + big + ".png)\n";
  Blog j("long-line-jekyll", {{"_config.yml", "title: J\ntheme: jekyll-theme-chirpy\n"}, {"_posts/2020-01-01-a.md", "---\ntitle: A\n---\n" + body}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("posts/2020-01-01-a.md"), "data:image/png;base64,AAAA"));
  Blog d("eleventy-day-past-end", {{"eleventy.config.js", "export default function (c) {}\n"},
                                  {"posts/course.md", "---\ntitle: C\ndate: 2021-06-31\n---\nC\n"}});
  REQUIRE(d.import(Engine::eleventy).ok());
  CHECK(holds(d.out("posts/course.md"), "date: 2021-07-01"));  // clhenrick's post was dated the day of the import
  CHECK(holds(d.notes(), "has no such day; 2021-07-01, as JavaScript read it"));
  Blog e("long-line-eleventy", {{"eleventy.config.js", "export default function (c) {}\n"}, {"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n" + body}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(e.report.posts == 1);
}

TEST_CASE("Jekyll: a nested folder's categories in the folders' order; an exclude: with a leading slash is from the site's root") {
  // DrMaemi: 223 posts at /cpp/algorithm/x/ for Jekyll's /algorithm/cpp/x/; Minimal Mistakes' "- /docs" let 69 demo posts in.
  Blog j("jekyll-nested-cats", {{"_config.yml", "title: J\npermalink: /:categories/:title/\nexclude:\n  - /docs\n  - test/\n"},
                                {"Algorithm/Cpp/_posts/2021-01-01-queue.md", "---\ntitle: Q\ncategories: [ds]\n---\nQ\n"},
                                {"docs/_posts/2020-01-01-demo.md", "---\ntitle: Demo\n---\nD\n"},
                                {"test/_posts/2020-01-02-demo.md", "---\ntitle: Demo 2\n---\nD\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(j.report.posts == 1);
  CHECK(holds(j.out("posts/2021-01-01-queue.md"), "categories: [\"Algorithm\",\"Cpp\",\"ds\"]"));
}

TEST_CASE("Jekyll: exclude: entries are globs whose * crosses folders, or beginnings of paths, as Jekyll reads them") {
  // umitsarioz's "*.gemspec" and "*.sh": its deploy script and gemspec were published.
  Blog j("jekyll-exclude-globs", {{"_config.yml", "title: J\nexclude: [\"*.gemspec\", \"*.sh\", \"tools/\", draft, \"notes-[0-9].txt\"]\n"},
                                  {"_posts/2021-01-01-a.md", "---\ntitle: A\n---\nA\n"},
                                  {"deploy.sh", "echo secret\n"}, {"scripts/ci/build.sh", "make\n"},
                                  {"theme.gemspec", "spec\n"}, {"tools/x.txt", "x\n"}, {"toolsy.txt", "kept\n"},
                                  {"drafts-old.txt", "out\n"}, {"notes-1.txt", "out\n"}, {"notes-x.txt", "kept\n"},
                                  {"assets/app.js", "kept\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(j.report.posts == 1);
  for (const char* gone : {"deploy.sh", "scripts/ci/build.sh", "theme.gemspec", "tools/x.txt", "drafts-old.txt", "notes-1.txt"}) {
    CAPTURE(gone);
    CHECK_FALSE(j.wrote(std::string("static/") + gone));
  }
  for (const char* kept : {"toolsy.txt", "notes-x.txt", "assets/app.js"}) {
    CAPTURE(kept);
    CHECK(j.wrote(std::string("static/") + kept));
  }
}

TEST_CASE("Jekyll with Octopress: ``` lang caption [url [link text]] keeps its caption above the code") {
  // bbatsov's file names above his snippets (its plugins/backtick_code_block.rb) were dropped.
  Blog j("jekyll-octopress-fences", {{"_config.yml", "title: O\nsource: source\n"},
                                     {"plugins/backtick_code_block.rb", "module BacktickCodeBlock; end\n"},
                                     {"source/_posts/2011-10-30-cw.md", "---\ntitle: C\n---\n``` ruby config/initializers/carrierwave.rb\nx = 1\n```\n\n"
                                                                        "``` js app.js https://e.org/app.js source\ny()\n```\n\n```\n``` not a fence's info inside\n```\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string post = j.out("posts/2011-10-30-cw.md");
  CAPTURE(post);
  CHECK(holds(post, "*config/initializers/carrierwave.rb*\n```ruby\nx = 1\n```"));
  CHECK(holds(post, "*app.js* [source](<https://e.org/app.js>)\n```js\ny()\n```"));
  CHECK(holds(post, "```\n``` not a fence's info inside\n```"));
}

TEST_CASE("Jekyll with Chirpy: an italic line right under an image is its caption (a figure)") {
  // umitsarioz's 27 captions sat beside their images as italic text.
  Blog c("jekyll-chirpy-captions", {{"_config.yml", "theme: jekyll-theme-chirpy\ntitle: C\n"},
                                    {"_posts/2023-06-17-k.md", "---\ntitle: K\n---\n![working](/img/k.png)\n_K-means \"step\" by step_\n\n"
                                                               "![w](/img/w.png){: width=\"700\" }\n*Second*\n\n![t](/img/t.png \"Own\")\n_kept apart_\n\n"
                                                               "![a](/img/a.png)\n\n_not a caption: a blank line between_\n\n    ![c](/img/c.png)\n    _code_\n"}});
  REQUIRE(c.import(Engine::jekyll).ok());
  const std::string post = c.out("posts/2023-06-17-k.md");
  CAPTURE(post);
  CHECK(holds(post, "![working](/img/k.png \"K-means \\\"step\\\" by step\")\n\n"));
  CHECK(holds(post, "![w](/img/w.png \"Second\")"));
  CHECK(holds(post, "![t](/img/t.png \"Own\")\n_kept apart_"));  // a title of its own: left as it is
  CHECK(holds(post, "![a](/img/a.png)\n\n_not a caption: a blank line between_"));
  CHECK(holds(post, "    ![c](/img/c.png)\n    _code_"));
}

TEST_CASE("Jekyll with Chirpy: a post's relative images were under its media_subpath, else the site's root") {
  // ounols's 3 images and a cover.
  Blog c("jekyll-chirpy-media", {{"_config.yml", "theme: jekyll-theme-chirpy\ntitle: C\n"},
                                 {"_posts/2019-08-09-start.md", "---\ntitle: S\nmedia_subpath: /assets/img/post2\nimage:\n  path: build.png\n---\n"
                                                                "![b](build.png) <img src=\"x/y.png\"> ![r](/root.png) ![w](https://e.org/w.png)\n\n    ![c](code.png)\n"},
                                 {"_posts/2021-06-27-engine.md", "---\ntitle: E\n---\n![](media/engine/shot.png)\n"}});
  REQUIRE(c.import(Engine::jekyll).ok());
  const std::string start = c.out("posts/2019-08-09-start.md");
  CHECK(holds(start, "image: \"/assets/img/post2/build.png\""));
  CHECK(holds(start, "![b](/assets/img/post2/build.png) <img src=\"/assets/img/post2/x/y.png\"> ![r](/root.png) ![w](https://e.org/w.png)"));
  CHECK(holds(start, "    ![c](code.png)"));
  CHECK(holds(c.out("posts/2021-06-27-engine.md"), "![](/media/engine/shot.png)"));
  CHECK(c.report.keys_left_out.count("media_subpath") == 0);  // used, not left out
  // Set for every post through defaults.
  Blog d("jekyll-chirpy-defaults", {{"_config.yml", "theme: jekyll-theme-chirpy\ntitle: C\ndefaults:\n  - scope:\n      path: \"\"\n"
                                                    "      type: posts\n    values:\n      layout: post\n      media_subpath: /img/posts\n"},
                                    {"_posts/2021-06-27-engine.md", "---\ntitle: E\n---\n![](shot.png)\n"}});
  REQUIRE(d.import(Engine::jekyll).ok());
  CHECK(holds(d.out("posts/2021-06-27-engine.md"), "![](/img/posts/shot.png)"));
  CHECK(d.report.keys_left_out.count("media_subpath") == 0);
  Blog plain("jekyll-not-chirpy", {{"_config.yml", "title: P\n"}, {"_posts/2021-06-27-engine.md", "---\ntitle: E\n---\n![](media/shot.png)\n"}});
  REQUIRE(plain.import(Engine::jekyll).ok());
  CHECK(holds(plain.out("posts/2021-06-27-engine.md"), "![](media/shot.png)"));
}

TEST_CASE("Jekyll: an HTML post with front matter only is a post with no text, as an empty .md one") {
  // edburns's 2 posts Jekyll published ("a post in HTML: not converted").
  Blog j("jekyll-empty-html", {{"_config.yml", "title: J\n"},
                               {"_posts/2006-03-27-survey.html", "---\nlayout: post\ntitle: \"Survey\"\ndate: 2006-03-27 4:22:00 -0500\n---\n\n"},
                               {"_posts/2006-03-28-tpl.html", "---\ntitle: T\n---\n{% include x.html %}\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(j.report.posts == 1);
  CHECK(holds(j.out("posts/2006-03-27-survey.md"), "title: \"Survey\""));
  CHECK(holds(j.notes(), "2006-03-28-tpl.html:1: a post in HTML"));
}

TEST_CASE("Jekyll: under a :slug pattern, the slug is Jekyll's default slugify of the name or slug key: lower case, '-' between words") {
  // askjarv's fortra_fim_mcp_ai.md was at /posts/fortra-fim-mcp-ai.html.
  Blog j("jekyll-slug-pattern", {{"_config.yml", "title: J\npermalink: /posts/:slug.html\n"},
                                 {"_posts/2024-01-02-My_Post_Name.md", "---\ntitle: A\n---\nA\n"},
                                 {"_posts/2024-01-03-b.md", "---\ntitle: B\nslug: Own Slug!\n---\nB\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("posts/2024-01-02-My_Post_Name.md"), "slug: \"my-post-name\""));
  CHECK(holds(j.out("posts/2024-01-03-b.md"), "slug: \"own-slug\""));
  CHECK(holds(j.out("site.yaml"), "permalink: \"/posts/:slug.html\""));
  // Under :title, the name's case stays (Jekyll's pretty mode, cased).
  Blog t("jekyll-title-pattern", {{"_config.yml", "title: J\npermalink: /:year/:title/\n"},
                                  {"_posts/2024-01-02-My_Post_Name.md", "---\ntitle: A\n---\nA\n"}});
  REQUIRE(t.import(Engine::jekyll).ok());
  CHECK_FALSE(holds(t.out("posts/2024-01-02-My_Post_Name.md"), "my-post-name"));
}

TEST_CASE("Jekyll: :title is the name slugified as Jekyll did; a name's impossible date takes the front matter's, rolled over as Ruby did") {
  // analist0's 9 and marcialwushu's 1 old addresses ("a---b", "two  spaces"); marcialwushu's 2 posts made drafts.
  Blog j("jekyll-pretty-title", {{"_config.yml", "title: J\npermalink: /:year/:month/:day/:title/\n"},
                                 {"_posts/2025-11-10-network-developments---195433-1.md", "---\ntitle: N\n---\nN\n"},
                                 {"_posts/2017-12-11-two  spaces here.md", "---\ntitle: T\n---\nT\n"},
                                 {"_posts/2018-25-11-hospital.md", "---\ntitle: H\ndate: 2018-11-25 23:08:31 -0200\n---\nH\n"},
                                 {"_posts/2020-02-30-chaos.md", "---\ntitle: C\ndate: 2020-02-30 17:59:38 -0200\n---\nC\n"},
                                 {"_posts/2021-13-40-nodate.md", "---\ntitle: X\n---\nX\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("posts/2025-11-10-network-developments---195433-1.md"), "slug: \"network-developments-195433-1\""));
  CHECK(holds(j.out("posts/2017-12-11-two  spaces here.md"), "slug: \"two-spaces-here\""));
  CHECK(holds(j.out("posts/2018-11-25-hospital.md"), "slug: \"hospital\""));
  CHECK_FALSE(holds(j.out("posts/2018-11-25-hospital.md"), "draft"));
  CHECK(holds(j.out("posts/2020-03-01-chaos.md"), "date: 2020-03-01T17:59:38-02:00"));
  CHECK_FALSE(holds(j.out("posts/2020-03-01-chaos.md"), "draft"));
  CHECK(holds(j.notes(), "2020-02-30-chaos.md:3: date: \"2020-02-30 17:59:38 -0200\" has no such day; 2020-03-01"));
  CHECK(holds(j.out("posts/2021-13-40-nodate.md"), "draft: true"));  // no date at all: Jekyll never published it
}

TEST_CASE("Jekyll: the site's or a post's excerpt_separator becomes <!--more-->, never in code") {
  Blog b("jekyll-excerpt", {{"_config.yml", "excerpt_separator: <!-- more -->\n"},
                            {"_posts/2020-01-01-a.md", "---\ntitle: A\n---\n`<!-- more -->`\n\nIntro.\n<!-- more -->\nRest.\n"},
                            {"_posts/2020-01-02-b.md", "---\ntitle: B\nexcerpt_separator: \"--cut--\"\n---\nIntro.\n\n--cut--\n\nRest.\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(b.out("posts/2020-01-01-a.md").find("`<!-- more -->`\n\nIntro.\n<!--more-->\nRest.") != std::string::npos);
  CHECK(b.out("posts/2020-01-02-b.md").find("Intro.\n\n<!--more-->\n\nRest.") != std::string::npos);
  CHECK(b.report.keys_left_out.at("excerpt_separator") == 1);
}

TEST_CASE("a post's own permalink pattern in Jekyll's tokens is carried over; one the core cannot read is reported") {
  Blog b("own-permalink", {{"_config.yml", "title: T\n"},
                           {"_posts/2020-01-01-a.md", "---\ntitle: A\npermalink: /notes/:year/:title:output_ext\n---\nA\n"},
                           {"_posts/2020-01-02-b.md", "---\ntitle: B\npermalink: /:year/:y_day/:title/\n---\nB\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(b.out("posts/2020-01-01-a.md").find("permalink: \"/notes/:year/:title.html\"") != std::string::npos);
  CHECK(b.out("posts/2020-01-02-b.md").find("permalink") == std::string::npos);
  CHECK(b.notes().find("2020-01-02-b.md:3: permalink: \"/:year/:y_day/:title/\": unknown token") != std::string::npos);
}

TEST_CASE("a site's own taxonomies (Hugo's series) join the tags; Zola's authors taxonomy gives the authors") {
  Blog h("hugo-series", {{"hugo.toml", "[taxonomies]\ntag = 'tags'\nseries = 'series'\n"},
                         {"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [go]\nseries: [learning-go]\n---\nA\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.out("posts/a.md").find("tags: [\"go\",\"learning-go\"]") != std::string::npos);
  CHECK(h.report.keys_left_out.count("series") == 0);
  Blog z("zola-authors", {{"config.toml", "base_url = 'https://z.example'\ntaxonomies = [{name = 'tags'}, {name = 'authors'}, {name = 'series'}]\n"},
                          {"content/blog/a.md", "+++\ntitle = 'A'\ndate = 2021-01-01\n[taxonomies]\nauthors = ['Zed']\nseries = ['Rust']\n+++\nA\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  const std::string post = z.out("posts/a.md");
  CHECK(post.find("authors: [\"Zed\"]") != std::string::npos);
  CHECK(post.find("tags: [\"Rust\"]") != std::string::npos);
  CHECK(z.report.keys_left_out.empty());
}

TEST_CASE("Hugo and Zola posts without a date get Hugo's fallback (lastmod) or the file's time, reported; never a failed build") {
  Blog h("hugo-no-date", {{"hugo.toml", "title = 'T'\n"},
                          {"content/posts/a.md", "---\ntitle: A\nlastmod: 2020-03-04T05:06:07Z\n---\nA\n"},
                          {"content/posts/b.md", "---\ntitle: B\n---\nB\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.out("posts/a.md").find("date: 2020-03-04T05:06:07Z\n") != std::string::npos);
  CHECK(h.out("posts/b.md").find("\ndate: ") != std::string::npos);
  CHECK(h.notes().find("posts/a.md: no date: Hugo's fallback, its lastmod") != std::string::npos);
  CHECK(h.notes().find("posts/b.md: no date in the front matter or the file name: the file's time") != std::string::npos);
  Blog z("zola-no-date", {{"config.toml", "base_url = 'https://z.example'\n"},
                          {"content/blog/c.md", "+++\ntitle = 'C'\n+++\nC\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(z.out("posts/c.md").find("\ndate: ") != std::string::npos);
  // A file with no front matter at all in posts/ (steveshogren's papers_we_love_page2.md, a list of links,
  // became the newest post of the day of the import; Hugo had dated it year 1): a page at its address.
  Blog n("hugo-no-front", {{"hugo.toml", "title = 'T'\n"},
                           {"content/post/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\nA\n"},
                           {"content/post/links_page2.md", "* [one](https://e.org/1)\n* [two](https://e.org/2)\n"}});
  REQUIRE(n.import(Engine::hugo).ok());
  CHECK(n.report.posts == 1);
  CHECK(holds(n.out("pages/links_page2.md"), "permalink: \"/post/links_page2/\""));
}

TEST_CASE("Hugo and Zola: an undated file among dated ones, in a section not named like a blog, is a page at its address, not the newest post") {
  // harryho's 11 Hugo notes and not-matthias's 11 Zola project cards were dated at the clone's time.
  Blog h("hugo-undated-note", {{"hugo.toml", "title = 'T'\n"},
                               {"content/hacks/git-notes.md", "+++\ntitle = 'Git'\ndate = '2018-03-01'\n+++\nDated.\n"},
                               {"content/hacks/docker-note.md", "+++\ntitle = 'Docker'\n+++\nUndated.\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.posts == 1);
  CHECK(h.wrote("posts/git-notes.md"));
  CHECK(holds(h.out("pages/docker-note.md"), "permalink: \"/hacks/docker-note/\""));
  CHECK_FALSE(holds(h.out("pages/docker-note.md"), "date:"));
  Blog z("zola-weight-cards", {{"config.toml", "base_url = 'https://z.example'\n"},
                               {"content/projects/_index.md", "+++\ntitle = 'Projects'\nsort_by = 'weight'\n+++\n"},
                               {"content/projects/fcg.md", "+++\ntitle = 'fcg'\ndate = 2021-05-01\n+++\nDated.\n"},
                               {"content/projects/apollo.md", "+++\ntitle = 'apollo'\nweight = 1\n+++\nUndated.\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.out("pages/apollo.md"), "permalink: \"/projects/apollo/\""));
  CHECK_FALSE(z.wrote("posts/apollo.md"));
}

TEST_CASE("a moved post's link to a file relative to its old address points at the file from the root") {
  // rust-embedded's Zola root posts at /x/ moved to /posts/x/; ../ferris.png had been /ferris.png (3 images).
  Blog z("zola-root-relative-asset", {{"config.toml", "base_url = 'https://z.example'\n"},
                                      {"content/_index.md", "+++\nsort_by = 'date'\n+++\n"},
                                      {"content/2024-01-09-hal.md", "+++\ntitle = 'HAL'\n+++\n![f](../ferris.png) [n](../news/)\n\n[shot]: ../shot.png\n"},
                                      {"content/2018-10-28-news.md", "+++\ntitle = 'News'\n+++\nNews.\n"},
                                      {"content/ferris.png", "PNG"}, {"static/shot.png", "PNG"}});
  REQUIRE(z.import(Engine::zola).ok());
  const std::string hal = z.out("posts/2024-01-09-hal.md");
  CHECK(holds(hal, "![f](/ferris.png) [n](../news/)"));  // a link to a post stays: the posts moved together
  CHECK(holds(hal, "[shot]: /shot.png"));
}

TEST_CASE("Hugo: a leaf bundle whose text is index.html is a bundle like index.md's, at its folder's address with its files") {
  // JeffersGlass's WordPress export: 104 posts at /posts/index-N/, their images apart from them.
  Blog h("hugo-html-bundle", {{"hugo.toml", "title = 'T'\n"},
                              {"content/post/first-trip/index.html",
                               "---\ntitle: First trip\ndate: 2020-07-13\n---\n<p>Look:</p>\n<p><img src=\"scope.png\" alt=\"scope\"></p>\n"},
                              {"content/post/first-trip/scope.png", "PNG"},
                              {"content/post/second-trip/index.html", "---\ntitle: Second trip\ndate: 2020-07-14\n---\n<p>Again.</p>\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.posts == 2);
  CHECK(h.wrote("posts/first-trip/index.md"));
  CHECK(h.wrote("posts/first-trip/scope.png"));
  CHECK(holds(h.out("posts/first-trip/index.md"), "aliases: [\"/post/first-trip/\"]"));
  CHECK(holds(h.out("posts/first-trip/index.md"), "<img src=\"scope.png\" alt=\"scope\">"));
  CHECK(h.wrote("posts/second-trip/index.md"));
  CHECK_FALSE(h.wrote("posts/index.md"));
}

TEST_CASE("Hugo: an alias without a leading slash is relative to the page's folder") {
  Blog h("hugo-relative-alias", {{"hugo.toml", "title = 'T'\n"},
                                 {"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\naliases: [old-a, ../b/c/, /root/]\n---\nA\n"},
                                 {"content/about.md", "---\ntitle: About\naliases: [me]\n---\nMe\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.out("posts/a.md").find("aliases: [\"/posts/old-a\",\"/b/c/\",\"/root/\"]") != std::string::npos);
  CHECK(h.out("pages/about.md").find("aliases: [\"/me\"]") != std::string::npos);
  // From the page's own address under a permalink pattern (/2020/renamed/: /2020/old-name, as Hugo 0.111 wrote it).
  Blog p("hugo-relative-alias-permalink", {{"hugo.toml", "title = 'T'\n[permalinks]\nposts = '/:year/:slug/'\n"},
                                           {"content/posts/renamed.md", "---\ntitle: Renamed\ndate: 2020-01-01\naliases: [old-name]\n---\nR\n"}});
  REQUIRE(p.import(Engine::hugo).ok());
  CHECK(holds(p.out("posts/renamed.md"), "aliases: [\"/2020/old-name\"]"));
}

TEST_CASE("Hugo: the built-in param shortcode is the page's param, else the site's; figure's title is in its caption") {
  Blog h("hugo-param-figure", {{"hugo.toml", "baseURL = 'https://h.example/'\n[params]\nAuthor = 'Jane'\n"},
                               {"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\nmood: calm\n---\nBy {{< param author >}}, {{< param \"mood\" >}}. {{< param nope >}}\n\n"
                                                      "{{< figure src=\"/img/a.png\" title=\"Fig title\" caption=\"A caption\" >}}\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string a = h.out("posts/a.md");
  CHECK(holds(a, "By Jane, calm."));
  CHECK(holds(a, "**Fig title**\n\nA caption"));
  CHECK(holds(h.notes(), "param \"nope\": no such param"));
}

TEST_CASE("Hugo: ref finds a page in any case, and a term's page") {
  // rtdevx's 64 pages showed {{< ref "11-s3" >}} (its bundle 11-S3/) and refs to tags/ and series/ as text.
  Blog h("hugo-ref-case-term", {{"hugo.toml", "baseURL = 'https://h.example/'\n[taxonomies]\ntag = 'tags'\nseries = 'series'\n"},
                                {"content/posts/11-S3/index.md", "---\ntitle: S3\ndate: 2020-01-01\ntags: [S3]\nseries: [AWS Course]\n---\nS\n"},
                                {"content/posts/b.md", "---\ntitle: B\ndate: 2020-01-02\n---\n[S3]({{< ref \"11-s3\" >}}), [v]({{< ref \"11-s3/#versioning\" >}}), "
                                                       "[t]({{< ref \"tags/s3\" >}}), [s]({{< ref \"/series/aws-course/\" >}}), [all]({{< ref \"tags\" >}})\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string b = h.out("posts/b.md");
  CHECK(holds(b, "[S3](/posts/11-S3/)"));
  CHECK(holds(b, "[v](/posts/11-S3/#versioning)"));
  CHECK(holds(b, "[t](/tags/s3/)"));
  CHECK(holds(b, "[s](/tags/aws-course/)"));
  CHECK(holds(b, "[all](/tags/)"));
  CHECK_FALSE(holds(b, "{{<"));
}

TEST_CASE("Hugo: ref/relref with a path relative to the linking page finds that file, even where another has its name") {
  // EckoTan0804's Wowchemy notes: {{< relref "../../machine-learning/ml-fundamentals/evaluation.md" >}}
  // where object-detection/ has an evaluation.md too (by name alone: two, so none).
  Blog h("hugo-relref-relative",
         {{"hugo.toml", "title = 'T'\n"},
          {"content/ml/fundamentals/evaluation.md", "---\ntitle: Eval\ndate: 2020-01-01\n---\nE\n"},
          {"content/cv/detection/evaluation.md", "---\ntitle: Det eval\ndate: 2020-01-02\n---\nD\n"},
          {"content/cv/detection/yolo/index.md", "---\ntitle: Yolo\ndate: 2020-01-03\n---\nY\n"},
          {"content/cv/lecture/faces.md",
           "---\ntitle: Faces\ndate: 2020-01-04\n---\n[a]({{< relref \"../../ml/fundamentals/evaluation.md\" >}}) "
           "[b]({{< relref \"../detection/evaluation.md#map\" >}}) [c]({{< ref \"../detection/yolo/index.md\" >}}) "
           "[d]({{< relref \"../detection/yolo\" >}}) [e]({{< relref \"../detection/Evaluation#map\" >}})\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string faces = h.out("posts/faces.md");
  INFO(faces, h.notes());
  // The two evaluation posts got slugs evaluation and evaluation-2 (which is
  // which is the import's order): each link names its own.
  const bool ml_first = h.out("posts/evaluation.md").find("title: \"Eval\"") != std::string::npos;
  const std::string ml = ml_first ? "/posts/evaluation/" : "/posts/evaluation-2/";
  const std::string detection = ml_first ? "/posts/evaluation-2/" : "/posts/evaluation/";
  CHECK(faces.find("[a](" + ml + ")") != std::string::npos);
  CHECK(faces.find("[b](" + detection + "#map)") != std::string::npos);
  CHECK(faces.find("[c](/posts/yolo/)") != std::string::npos);
  CHECK(faces.find("[d](/posts/yolo/)") != std::string::npos);
  // Hugo's page index ignores case and the extension
  CHECK(faces.find("[e](" + detection + "#map)") != std::string::npos);
  CHECK(h.notes().find("no page") == std::string::npos);
}

TEST_CASE("Hugo: a section's [permalinks] pattern is the site's only if that section holds at least half the posts") {
  // EckoTan0804's Wowchemy site: permalinks event = "/talk/:slug/", three
  // talks, hundreds of notes under ai/ and notes/ (Hugo's default there).
  std::vector<std::pair<std::string, std::string>> files = {
      {"config/_default/config.yaml", "title: T\npermalinks:\n  event: \"/talk/:slug/\"\n"},
      {"content/event/t1.md", "---\ntitle: T1\ndate: 2020-01-01\n---\nT\n"}};
  for (int i = 0; i < 3; ++i)
    files.push_back({"content/notes/n" + std::to_string(i) + ".md",
                     "---\ntitle: N\ndate: 2020-02-0" + std::to_string(i + 1) + "\n---\nN\n"});
  Blog h("hugo-minority-permalink", files);
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.out("site.yaml").find("/talk/") == std::string::npos);
  CHECK(h.out("posts/n0.md").find("aliases: [\"/notes/n0/\"]") != std::string::npos);
  // A posts/post/blog pattern of a section with no posts is not the site's (morvencao's post = "/blog/:title/", posts in posts/).
  Blog e("hugo-empty-section-permalink", {{"hugo.toml", "title = 'T'\n[permalinks]\npost = '/blog/:title/'\n"},
                                          {"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\nA\n"}});
  REQUIRE(e.import(Engine::hugo).ok());
  CHECK_FALSE(holds(e.out("site.yaml"), "\npermalink:"));
  CHECK_FALSE(holds(e.out("posts/a.md"), "aliases"));
  // The same pattern over most of the posts is the site's
  files.push_back({"content/event/t2.md", "---\ntitle: T2\ndate: 2020-01-02\n---\nT\n"});
  files.push_back({"content/event/t3.md", "---\ntitle: T3\ndate: 2020-01-03\n---\nT\n"});
  Blog most("hugo-majority-permalink", files);
  REQUIRE(most.import(Engine::hugo).ok());
  CHECK(most.out("site.yaml").find("permalink: \"/talk/:slug/\"") != std::string::npos);
}

TEST_CASE("site.yaml redirects: the old engine's term pages, taxonomies merged into the tags, section lists and theme archives") {
  // fabriceT's /categories/systeme/ (Zola slugified the term), ad2ien's /location/toulouse/, Chirpy's /archives/.
  Blog z("zola-term-redirects", {{"config.toml", "base_url = 'https://z.example'\ntaxonomies = [{name = 'tags'}, {name = 'categories'}, {name = 'location'}]\n"},
                                 {"content/blog/a.md", "+++\ntitle = 'A'\ndate = 2024-01-02\n[taxonomies]\ntags = ['Sécurité', 'rust']\n"
                                                       "categories = ['Système']\nlocation = ['Toulouse']\n+++\nA\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  const std::string site = z.out("site.yaml");
  CHECK(holds(site, "redirects:\n"));
  CHECK(holds(site, "  \"/tags/securite/\": \"/tags/sécurité/\"\n"));
  CHECK(holds(site, "  \"/categories/systeme/\": \"/categories/système/\"\n"));
  CHECK(holds(site, "  \"/location/toulouse/\": \"/tags/toulouse/\"\n"));
  CHECK(holds(site, "  \"/location/\": \"/tags/\"\n"));
  CHECK(holds(site, "  \"/blog/\": \"/\"\n"));
  CHECK_FALSE(holds(site, "\"/tags/rust/\""));  // the same address: nothing to redirect
  // The build takes them: none from an address the blog has.
  const auto built = quire::load_content(z.root / "out", {});
  CHECK_MESSAGE(built.errors.empty(), (built.errors.empty() ? std::string() : built.errors[0].str()));
  Blog j("jekyll-archives-redirect", {{"_config.yml", "title: J\ncollections:\n  tabs:\n    output: true\n    permalink: /:title/\n"},
                                      {"_tabs/archives.md", "---\nlayout: archives\ntitle: Archives\n---\n"},
                                      {"_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("site.yaml"), "  \"/archives/\": \"/archive/\"\n"));
  // jekyll-paginate's pages of the home (dszakallas's /blog/page2/): Quire's, as many posts a page
  Blog p("jekyll-paginate-redirects", {{"_config.yml", "title: P\npaginate: 1\npaginate_path: /blog/page:num/\n"},
                                       {"_posts/2020-01-01-a.md", "---\ntitle: A\n---\nA\n"},
                                       {"_posts/2020-01-02-b.md", "---\ntitle: B\n---\nB\n"},
                                       {"_posts/2020-01-03-c.md", "---\ntitle: C\n---\nC\n"}});
  REQUIRE(p.import(Engine::jekyll).ok());
  CHECK(holds(p.out("site.yaml"), "posts_per_page: 1"));
  CHECK(holds(p.out("site.yaml"), "  \"/blog/page2/\": \"/page/2/\"\n  \"/blog/page3/\": \"/page/3/\"\n"));
  CHECK_FALSE(holds(p.out("site.yaml"), "page4"));
  const auto paged = quire::load_content(p.root / "out", {});
  CHECK_MESSAGE(paged.errors.empty(), (paged.errors.empty() ? std::string() : paged.errors[0].str()));
  // By their layout: TeXt's all.html, Minimal Mistakes' year and category archives (DrMaemi's /categories/ was an empty page).
  Blog m("jekyll-theme-lists", {{"_config.yml", "title: M\ninclude: [_pages]\n"},
                                {"_posts/2020-01-01-a.md", "---\ntitle: A\ncategories: [c]\n---\nA\n"},
                                {"all.html", "---\nlayout: archive\n---\n"},
                                {"_pages/year-archive.md", "---\ntitle: Posts by Year\nlayout: posts\npermalink: /year-archive/\n---\n"},
                                {"_pages/category-archive.md", "---\ntitle: Posts by Category\nlayout: categories\npermalink: /categories/\n---\n"},
                                // TeXt's page of one category (mincong-h's /cn/categories/build/); and one no post has
                                {"_pages/c.md", "---\nlayout: category\ncategory: c\npermalink: /cn/categories/c/\n---\n"},
                                {"_pages/gone.md", "---\nlayout: category\ncategory: gone\npermalink: /cn/categories/gone/\n---\n"},
                                // Liquid pages named as lists that loop over the posts (mildronize's /blog/); another name is no list
                                {"blog/index.html", "---\nlayout: default\ntitle: Blog\n---\n{% for post in paginator.posts %}<a href=\"{{ post.url }}\">x</a>{% endfor %}\n"},
                                {"search-data.json.html", "---\nlayout: null\n---\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n"},
                                // another name in a layout (bairblog's /future/): the home, which lists the posts
                                {"future.html", "---\nlayout: default\npermalink: /future/\n---\n{% for post in site.posts %}{{ post.title }}{% endfor %}\n"},
                                // a tag's own page at Quire's address for it: no redirect (mincong-h's build failed on one)
                                {"_pages/tag-c.md", "---\nlayout: tags\npermalink: /tags/c/\n---\n"}});
  REQUIRE(m.import(Engine::jekyll).ok());
  const std::string lists = m.out("site.yaml");
  CHECK(holds(lists, "  \"/all.html\": \"/archive/\"\n"));
  CHECK(holds(lists, "  \"/year-archive/\": \"/archive/\"\n"));
  CHECK(holds(lists, "  \"/categories/\": \"/tags/\"\n"));
  CHECK(holds(lists, "  \"/cn/categories/c/\": \"/tags/c/\"\n"));
  CHECK(holds(lists, "  \"/blog/\": \"/archive/\"\n"));
  CHECK_FALSE(holds(lists, "search-data"));
  CHECK(holds(lists, "  \"/future/\": \"/\"\n"));
  CHECK(holds(lists, "  \"/cn/categories/gone/\": \"/tags/\"\n"));
  CHECK_FALSE(holds(lists, "\"/tags/c/\": "));
  const auto built_lists = quire::load_content(m.root / "out", {});
  CHECK_MESSAGE(built_lists.errors.empty(), (built_lists.errors.empty() ? std::string() : built_lists.errors[0].str()));
  CHECK_FALSE(m.wrote("pages/category-archive.md"));
  CHECK_FALSE(m.wrote("pages/year-archive.md"));
}

TEST_CASE("Hugo: defaultContentLanguageInSubdir put every old address under the language's code; the aliases keep it") {
  // hawkeye-xb's blog: 0 of 67 old URLs (all /zh/...) were kept.
  Blog h("hugo-lang-subdir", {{"hugo.toml", "title = 'T'\ndefaultContentLanguage = 'zh'\ndefaultContentLanguageInSubdir = true\n"
                                            "[languages.zh]\ncontentDir = 'content/zh'\n[languages.en]\ncontentDir = 'content/en'\n"},
                              {"content/zh/posts/Cloudflare.md", "---\ntitle: C\ndate: 2026-04-14\n---\nText.\n"},
                              {"content/zh/about.md", "---\ntitle: About\n---\nMe.\n"},
                              {"content/en/posts/Cloudflare.md", "---\ntitle: C\ndate: 2026-04-14\n---\nText.\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.posts == 1);
  CHECK(holds(h.out("posts/Cloudflare.md"), "aliases: [\"/zh/posts/cloudflare/\",\"/en/posts/cloudflare/\"]"));  // and its translation's
  CHECK(holds(h.out("pages/about.md"), "aliases: [\"/zh/about/\"]"));
  CHECK(holds(h.out("site.yaml"), "  \"/zh/\": \"/\"\n"));
  CHECK(holds(h.out("site.yaml"), "  \"/zh/posts/\": \"/\"\n"));
  // The default language's title is the site's (hyhforevertop's config/_default/languages.zh-cn.toml)
  Blog t("hugo-lang-title", {{"config/_default/hugo.toml", "title = 'My New Hugo Site'\ndefaultContentLanguage = 'zh-cn'\n"},
                             {"config/_default/languages.toml", "[zh-cn]\ntitle = \"HYH's Blog\"\n"},
                             {"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\nA\n"}});
  REQUIRE(t.import(Engine::hugo).ok());
  CHECK(holds(t.out("site.yaml"), "title: \"HYH's Blog\""));
  Blog plain("hugo-lang-root", {{"hugo.toml", "title = 'T'\ndefaultContentLanguage = 'zh'\n"},
                                {"content/posts/Cloudflare.md", "---\ntitle: C\ndate: 2026-04-14\n---\nText.\n"}});
  REQUIRE(plain.import(Engine::hugo).ok());
  CHECK(plain.wrote("posts/Cloudflare.md"));
  CHECK_FALSE(holds(plain.out("posts/Cloudflare.md"), "/zh/"));
}

TEST_CASE("Zola and Hugo: a post only in another language is imported, its old address under the language's code") {
  // ad2ien's 2 posts only in French were dropped as translations.
  Blog z("zola-only-french", {{"config.toml", "base_url = 'https://z.example'\ndefault_language = 'en'\n[languages.fr]\n[languages.de]\n"},
                              {"content/blog/2020-04-01-witches.md", "+++\ntitle = 'W'\n+++\nW\n"},
                              {"content/blog/2020-04-01-witches.fr.md", "+++\ntitle = 'S'\n+++\nS\n"},
                              {"content/blog/2024-04-21-passwords.fr.md", "+++\ntitle = 'Mots de passe'\n+++\nP\n"},
                              // In two other languages: the first by code is the post.
                              {"content/blog/2024-05-01-rivers.fr.md", "+++\ntitle = 'Fleuves'\n+++\nF\n"},
                              {"content/blog/2024-05-01-rivers.de.md", "+++\ntitle = 'Flüsse'\n+++\nD\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(z.report.posts == 3);
  CHECK(holds(z.out("posts/2024-05-01-rivers.md"), "title: \"Flüsse\""));
  CHECK(holds(z.out("posts/2024-05-01-rivers.md"), "aliases: [\"/de/blog/rivers/\"]"));
  CHECK(holds(z.notes(), "2024-05-01-rivers.fr.md: a translation (fr): not imported"));
  CHECK(holds(z.out("posts/2024-04-21-passwords.md"), "aliases: [\"/fr/blog/passwords/\"]"));
  CHECK(holds(z.notes(), "2024-04-21-passwords.fr.md: only in fr (no en version): imported as a post"));
  CHECK(holds(z.notes(), "2020-04-01-witches.fr.md: a translation (fr): not imported"));
  CHECK_FALSE(z.wrote("posts/2020-04-01-witches-2.md"));
}

TEST_CASE("Zola and Hugo: an authors taxonomy's pages redirect to the home, where Quire has no author pages") {
  Blog z("zola-authors", {{"config.toml", "base_url = 'https://z.example'\ntaxonomies = [{name = 'tags'}, {name = 'authors'}]\n"},
                          {"content/blog/a.md", "+++\ntitle = 'A'\ndate = 2021-01-01\n[taxonomies]\nauthors = ['Jane Doe']\n+++\nA\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.out("site.yaml"), "\"/authors/jane-doe/\": \"/\""));
  CHECK(holds(z.out("posts/a.md"), "Jane Doe"));
  Blog h("hugo-authors", {{"hugo.toml", "baseURL = 'https://h.example/'\n[taxonomies]\ntag = 'tags'\nauthor = 'authors'\n"},
                          {"content/posts/a.md", "---\ntitle: A\ndate: 2021-01-01\ntags: [x]\nauthors: [Jane Doe]\n---\nA\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("site.yaml"), "\"/authors/\": \"/\""));
  CHECK(holds(h.out("site.yaml"), "\"/authors/jane-doe/\": \"/\""));
  CHECK_FALSE(holds(h.out("site.yaml"), "/authors/:tag/"));
  CHECK_FALSE(holds(h.out("posts/a.md"), "tags: [\"x\",\"Jane Doe\"]"));
}

TEST_CASE("Zola and Hugo: a paginated section's pages redirect to the home's page with the same posts' place") {
  std::vector<std::pair<std::string, std::string>> files = {{"config.toml", "base_url = 'https://z.example'\n"},
                                                            {"content/blog/_index.md", "+++\ntitle = 'Blog'\nsort_by = 'date'\npaginate_by = 2\n+++\n"}};
  for (int i = 1; i <= 5; ++i)
    files.push_back({"content/blog/p" + std::to_string(i) + ".md", "+++\ntitle = 'P'\ndate = 2021-01-0" + std::to_string(i) + "\n+++\nP\n"});
  Blog z("zola-section-pages", files);
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.out("site.yaml"), "\"/blog/page/2/\": \"/page/2/\""));
  CHECK(holds(z.out("site.yaml"), "\"/blog/page/3/\": \"/page/3/\""));
  CHECK_FALSE(holds(z.out("site.yaml"), "/blog/page/4/"));
  std::vector<std::pair<std::string, std::string>> hfiles = {{"hugo.toml", "baseURL = 'https://h.example/'\npaginate = 2\n"}};
  for (int i = 1; i <= 5; ++i)
    hfiles.push_back({"content/Posts/p" + std::to_string(i) + ".md", "---\ntitle: P\ndate: 2021-01-0" + std::to_string(i) + "\n---\nP\n"});
  Blog h("hugo-section-pages", hfiles);
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("site.yaml"), "\"/posts/page/3/\": \"/page/3/\""));
  CHECK(quire::load_content(h.root / "out", {}).ok());
}

TEST_CASE("Zola: a moved post's relative link to its old section's list goes to the home") {
  // c-git's rust/refs.md: <a href="../index.html"> and [x](../) from /rust/refs/ pointed at /posts/ once moved.
  Blog z("zola-relative-section", {{"config.toml", "base_url = 'https://z.example'\n"},
                                   {"content/rust/_index.md", "+++\ntitle = 'Rust'\n+++\n"},
                                   {"content/rust/refs.md", "+++\ntitle = 'Refs'\ndate = 2021-01-01\n+++\nSee [the section](../) and <a href=\"../index.html\">it</a>, [other](../other/).\n"},
                                   {"content/rust/other.md", "+++\ntitle = 'Other'\ndate = 2021-01-02\n+++\nO\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  const std::string refs = z.out("posts/refs.md");
  CHECK(holds(refs, "[the section](/)"));
  CHECK(holds(refs, "<a href=\"/\">it</a>"));
  CHECK(holds(refs, "[other](../other/)"));  // both moved: it still finds it
}

TEST_CASE("Hugo and Zola: each term's old feed is kept by pattern in old_feeds") {
  Blog h("hugo-term-feeds", {{"hugo.toml", "baseURL = 'https://h.example/'\n"},
                             {"content/post/a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [Linux]\ncategories: [Tech]\n---\nA\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("site.yaml"), "\"/tags/:tag/index.xml\""));
  CHECK(holds(h.out("site.yaml"), "\"/categories/:category/index.xml\""));
  CHECK(quire::load_content(h.root / "out", {}).ok());
  Blog z("zola-term-feeds", {{"config.toml", "base_url = 'https://z.example'\ngenerate_feeds = true\ntaxonomies = [{name = 'tags', feed = true}]\n"},
                             {"content/blog/a.md", "+++\ntitle = 'A'\ndate = 2021-01-01\n[taxonomies]\ntags = ['Linux']\n+++\nA\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.out("site.yaml"), "old_feeds: [\"/atom.xml\",\"/tags/:tag/atom.xml\"]"));
}

TEST_CASE("Zola: links to a section by reference definition, a section of undated pages and a page's tags keep their addresses") {
  // sampsyo's cs6120 ([blog]: @/blog/_index.md showed as href="@/..."; /lesson/ lost), welpo's tabi (/projects/, 22 tag pages lost).
  Blog z("zola-sections-pages", {{"config.toml", "base_url = 'https://z.example'\ntaxonomies = [{name = 'tags'}]\n"},
                                 {"content/blog/_index.md", "+++\ntitle = 'Blog'\nsort_by = 'date'\n+++\n"},
                                 {"content/blog/post.md", "+++\ntitle = 'P'\ndate = 2021-01-01\n[taxonomies]\ntags = ['Rust']\n+++\nSee [the blog][b].\n\n[b]: @/blog/_index.md\n"},
                                 {"content/projects/_index.md", "+++\ntitle = 'Projects'\n+++\n"},
                                 {"content/projects/bunbu.md", "+++\ntitle = 'Bunbu'\n[taxonomies]\ntags = ['PWA', 'Rust']\n+++\nB\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.out("posts/post.md"), "[b]: /\n"));
  const std::string site = z.out("site.yaml");
  CHECK(holds(site, "\"/projects/\": \"/\""));
  CHECK(holds(site, "\"/tags/pwa/\": \"/tags/\""));
  CHECK_FALSE(holds(site, "\"/tags/rust/\""));  // Quire's own page
  CHECK(quire::load_content(z.root / "out", {}).ok());
}

TEST_CASE("Zola's root post's old name slugified; Hugo's permalink without a sign no address holds; a Jekyll page looping over a collection") {
  // jessearmand's content/2020-04-26-Freestyle-or-Racing.md was at /freestyle-or-racing/.
  Blog z("zola-root-post-slug", {{"config.toml", "base_url = 'https://z.example'\n"},
                                 {"content/_index.md", "+++\nsort_by = 'date'\n+++\n"},
                                 {"content/2020-04-26-Freestyle-or-Racing.md", "+++\ntitle = 'F'\ndate = 2020-04-26\n+++\nF\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.out("posts/2020-04-26-Freestyle-or-Racing.md"), "aliases: [\"/freestyle-or-racing/\"]"));
  // claire-codes' "/blog/:year-:month-:day-:title/`": Hugo wrote blog/2023-10-01-blogtober-2023/.
  Blog h("hugo-permalink-backtick", {{"config.toml", "baseURL = 'https://h.example/'\n[permalinks]\nblog = \"/blog/:year-:month-:day-:title/`\"\n"},
                                     {"content/blog/b.md", "---\ntitle: Blogtober 2023\ndate: 2023-10-01\n---\nB\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("site.yaml"), "permalink: \"/blog/:year-:month-:day-:title/\"\n"));
  // haijunsu's lintcode-tags.md loops over a collection: a list page, not its loop as text.
  Blog j("jekyll-collection-loop", {{"_config.yml", "collections:\n  lintcodes:\n    output: true\n"},
                                    {"lintcode-tags.md", "---\ntitle: Tags\n---\n{% for post in site.lintcodes %}[{{ post.title }}]({{ post.url }}){% endfor %}\n"},
                                    {"projects.md", "---\ntitle: Projects\n---\nMine:\n{% for p in site.data.projects %}{{ p.name }}{% endfor %}\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK_FALSE(j.wrote("pages/lintcode-tags.md"));
  CHECK(holds(j.notes(), "lintcode-tags.md: a page listing the posts in Liquid"));
  CHECK(j.wrote("pages/projects.md"));  // over _data: a page of its own, its loop reported
}

TEST_CASE("Hugo and Zola: a page at the content's root keeps the address the old engine made of its name") {
  // c-git's Zola featured_projects.md was at /featured-projects/, About_Me.md at /about-me/.
  Blog z("zola-root-page-name", {{"config.toml", "base_url = 'https://z.example'\n"},
                                 {"content/featured_projects.md", "+++\ntitle = 'Projects'\n+++\nP\n"},
                                 {"content/About_Me.md", "+++\ntitle = 'Me'\n+++\nM\n"},
                                 {"content/own.md", "+++\ntitle = 'Own'\nslug = 'mine'\n+++\nO\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.out("pages/featured_projects.md"), "permalink: \"/featured-projects/\""));
  CHECK(holds(z.out("pages/About_Me.md"), "permalink: \"/about-me/\""));
  CHECK_FALSE(holds(z.out("pages/own.md"), "permalink"));
  Blog h("hugo-root-page-name", {{"hugo.toml", "baseURL = 'https://h.example/'\n"},
                                 {"content/About_Me.md", "---\ntitle: Me\n---\nM\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("pages/About_Me.md"), "permalink: \"/about_me/\""));
}

TEST_CASE("Hugo: a publishDate still to come or an expiryDate passed was not published: imported as a draft") {
  Blog h("hugo-publish-expiry", {{"hugo.toml", "baseURL = 'https://h.example/'\n"},
                                 {"content/posts/scheduled.md", "---\ntitle: S\ndate: 2020-01-01\npublishDate: 2099-01-01\n---\nS\n"},
                                 {"content/posts/expired.md", "---\ntitle: E\ndate: 2020-01-01\nexpiryDate: 2021-01-01\n---\nE\n"},
                                 {"content/posts/live.md", "---\ntitle: L\ndate: 2020-01-01\nexpiryDate: 2099-01-01\npublishDate: 2019-01-01\n---\nL\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("posts/scheduled.md"), "draft: true"));
  CHECK(holds(h.out("posts/scheduled.md"), "date: 2020-01-01"));
  CHECK(holds(h.out("posts/expired.md"), "draft: true"));
  CHECK_FALSE(holds(h.out("posts/live.md"), "draft"));
  CHECK(holds(h.notes(), "posts/scheduled.md:4: publishdate: 2099-01-01 is still to come; Hugo did not publish it"));
  CHECK(holds(h.notes(), "posts/expired.md:4: expirydate: 2021-01-01 has passed"));
  Blog f("hugo-build-future", {{"hugo.toml", "baseURL = 'https://h.example/'\nbuildFuture = true\nbuildExpired = true\n"},
                               {"content/posts/scheduled.md", "---\ntitle: S\ndate: 2020-01-01\npublishDate: 2099-01-01\n---\nS\n"},
                               {"content/posts/expired.md", "---\ntitle: E\ndate: 2020-01-01\nexpiryDate: 2021-01-01\n---\nE\n"}});
  REQUIRE(f.import(Engine::hugo).ok());
  CHECK_FALSE(holds(f.out("posts/scheduled.md"), "draft"));
  CHECK_FALSE(holds(f.out("posts/expired.md"), "draft"));
  CHECK(holds(f.out("site.yaml"), "future: true"));  // a post dated after the build is published too
  CHECK_FALSE(holds(h.out("site.yaml"), "future:"));
}

TEST_CASE("Hugo: a config directory's hugo.toml and config.toml are both read") {
  // rtdevx's [taxonomies] series was in config/_default/config.toml beside hugo.toml: 65 posts' series lost.
  Blog h("hugo-config-dir-both", {{"config/_default/hugo.toml", "baseURL = 'https://h.example/'\ntitle = 'T'\n"},
                                  {"config/_default/config.toml", "[taxonomies]\nseries = 'series'\ntag = 'tags'\n"},
                                  {"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\nseries: [AWS Course]\n---\nA\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("site.yaml"), "title: \"T\""));
  CHECK(holds(h.out("site.yaml"), "\"/series/aws-course/\": \"/tags/aws-course/\""));
  CHECK(holds(h.out("posts/a.md"), "AWS Course"));
}

TEST_CASE("Hugo: a permalink key (Hugo reads none) is left out; a name dated 2023-4-11- is written padded, its address Hugo's") {
  // jeffellin's WordPress permalink: keys moved 11 posts off their Hugo
  // addresses; 2023-4-11-x.md kept its date in its slug.
  Blog h("hugo-permalink-key", {{"hugo.toml", "baseURL = 'https://h.example/'\n[permalinks]\npost = '/:year/:month/:day/:slug/'\n"},
                                {"content/post/2018-03-15-spring-intializer.md",
                                 "---\ntitle: Spring Initializer\ndate: 2018-03-15T19:27:22+00:00\npermalink: /2018/03/15/spring-intializer/\n---\nB\n"},
                                {"content/post/2023-4-11-crossplane-details.md", "---\ntitle: Crossplane Details\ndate: 2023-11-05\n---\nB\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.keys_left_out["permalink"] == 1);
  CHECK_FALSE(holds(h.out("posts/2018-03-15-spring-intializer.md"), "permalink"));
  CHECK(holds(h.out("posts/2018-03-15-spring-intializer.md"), "slug: \"spring-initializer\""));
  CHECK(h.wrote("posts/2023-04-11-crossplane-details.md"));
  const quire::ContentResult built = quire::load_content(h.root / "out", {});
  REQUIRE(built.ok());
  CHECK(quire::parse_route("/2023/11/05/crossplane-details/", built.bundle).kind == quire::RouteKind::Post);
  CHECK(quire::parse_route("/2018/03/15/spring-initializer/", built.bundle).kind == quire::RouteKind::Post);
}

TEST_CASE("Hugo: folder and file names in addresses as Hugo made them: lower case, one '-' for a run of spaces and dropped signs") {
  // rtdevx's "Training/SRE & IaC/" was /posts/training/sre-iac/, chr1sc2y's
  // "C++ coroutine - function.md" c++-coroutine-function; zhengzangw's
  // undated notes/Deep Learning/x.md /notes/deep-learning/x/.
  Blog h("hugo-path-names", {{"hugo.toml", "baseURL = 'https://h.example/'\n"},
                             {"content/posts/Training/_index.md", "---\ntitle: Training\n---\n"},
                             {"content/posts/Training/SRE & IaC/_index.md", "---\ntitle: SRE\n---\n"},
                             {"content/posts/Training/SRE & IaC/state/index.md", "---\ntitle: State\ndate: 2020-01-01\n---\nS\n"},
                             {"content/posts/C++ coroutine - function.md", "---\ntitle: Co\ndate: 2020-01-02\n---\nC\n"},
                             {"content/notes/Deep Learning/Intro Notes.md", "---\ntitle: Intro\n---\nI\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("posts/state/index.md"), "\"/posts/training/sre-iac/state/\""));
  CHECK(holds(h.out("posts/C++ coroutine - function.md"), "\"/posts/c++-coroutine-function/\""));
  const std::string site = h.out("site.yaml");
  CHECK(holds(site, "\"/posts/training/\": \"/\""));
  CHECK(holds(site, "\"/posts/training/sre-iac/\": \"/\""));
  CHECK(holds(site, "\"/posts/training/sre-iac/index.xml\""));
  CHECK_FALSE(holds(site, "Training"));
  CHECK(holds(h.out("pages/Intro Notes.md"), "permalink: \"/notes/deep-learning/intro-notes/\""));
}

TEST_CASE("Hugo: a section's folder with an index.html copied as it was gets no redirect over it") {
  // soulshake's content/docs/index.html (no front matter) beside docs/*.md:
  // the section's redirect to the home wrote over it and the build failed.
  Blog h("hugo-static-index", {{"hugo.toml", "baseURL = 'https://h.example/'\n"},
                               {"content/docs/index.html", "mraaaa\n"},
                               {"content/docs/news.md", "---\ntitle: News\ndate: 2017-01-01\n---\nN\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.wrote("static/docs/index.html"));
  CHECK_FALSE(holds(h.out("site.yaml"), "\"/docs/\": \"/\""));
  CHECK(holds(h.out("site.yaml"), "old_feeds"));  // the rest as before
}

TEST_CASE("Hugo and Zola: a bundle only in other languages is imported with its files, its old address under the language's code") {
  // x/index.fr.md with no x/index.md was dropped as a translation, its
  // images copied as loose static files.
  Blog h("hugo-bundle-only-french", {{"hugo.toml", "baseURL = 'https://h.example/'\ndefaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n[languages.de]\nweight = 3\n"},
                                     {"content/posts/trip/index.fr.md", "---\ntitle: Voyage\ndate: 2020-01-02\n---\n![](a.png)\n"},
                                     {"content/posts/trip/a.png", "PNG"},
                                     {"content/posts/rivers/index.fr.md", "---\ntitle: Fleuves\ndate: 2020-01-03\n---\nF\n"},
                                     {"content/posts/rivers/index.de.md", "---\ntitle: Flüsse\ndate: 2020-01-03\n---\nD\n"},
                                     {"content/posts/home/index.md", "---\ntitle: Home\ndate: 2020-01-04\n---\nH\n"},
                                     {"content/posts/home/index.fr.md", "---\ntitle: Maison\ndate: 2020-01-04\n---\nM\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.posts == 3);
  CHECK(holds(h.out("posts/trip/index.md"), "title: \"Voyage\""));
  CHECK(holds(h.out("posts/trip/index.md"), "/fr/posts/trip/"));
  CHECK(h.wrote("posts/trip/a.png"));
  CHECK_FALSE(h.wrote("static/posts/trip/a.png"));
  CHECK(holds(h.out("posts/rivers/index.md"), "title: \"Flüsse\""));  // de before fr by code
  CHECK(holds(h.notes(), "posts/rivers/index.fr.md: a translation (fr): not imported"));
  CHECK(holds(h.notes(), "posts/trip/index.fr.md: only in fr (no en version): imported as a post"));
  CHECK(holds(h.out("posts/home/index.md"), "title: \"Home\""));
  CHECK(holds(h.notes(), "posts/home/index.fr.md: a translation (fr): not imported"));
  Blog z("zola-bundle-only-french", {{"config.toml", "base_url = 'https://z.example'\ndefault_language = 'en'\n[languages.fr]\n"},
                                     {"content/blog/trip/index.fr.md", "+++\ntitle = 'Voyage'\ndate = 2021-01-01\n+++\n![](a.png)\n"},
                                     {"content/blog/trip/a.png", "PNG"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(z.report.posts == 1);
  CHECK(holds(z.out("posts/trip/index.md"), "/fr/blog/trip/"));
  CHECK(z.wrote("posts/trip/a.png"));
}

TEST_CASE("Hugo and Zola: the default language's post.en.md is the post; other languages' translations are named, not imported") {
  Blog h("hugo-languages", {{"hugo.toml", "defaultContentLanguage = 'en'\n[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"},
                            {"content/posts/hello.en.md", "---\ntitle: Hello\ndate: 2020-01-01\n---\nHi {{< ref \"posts/trip/index.md\" >}}\n"},
                            {"content/posts/hello.fr.md", "---\ntitle: Bonjour\ndate: 2020-01-01\n---\nSalut\n"},
                            {"content/posts/trip/index.en.md", "---\ntitle: Trip\ndate: 2020-01-02\n---\n![](a.png)\n"},
                            {"content/posts/trip/index.fr.md", "---\ntitle: Voyage\ndate: 2020-01-02\n---\n![](a.png)\n"},
                            {"content/posts/trip/a.png", "PNG"},
                            {"content/posts/v1.2.md", "---\ntitle: Version\ndate: 2020-01-03\n---\nV\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.posts == 3);
  CHECK(h.out("posts/hello.md").find("title: \"Hello\"") != std::string::npos);
  CHECK(h.out("posts/hello.md").find("slug") == std::string::npos);
  CHECK(h.out("posts/hello.md").find("Hi /posts/trip/") != std::string::npos);
  CHECK(h.wrote("posts/trip/index.md"));
  CHECK(h.wrote("posts/trip/a.png"));
  CHECK_FALSE(h.wrote("posts/trip/index.fr.md"));
  CHECK(h.wrote("posts/v1.2.md"));  // ".2" is no language of the site
  CHECK(h.notes().find("posts/hello.fr.md: a translation (fr): not imported") != std::string::npos);
  CHECK(h.notes().find("posts/trip/index.fr.md: a translation (fr): not imported") != std::string::npos);
  // Their addresses redirect to the original (xiaoquqi's 31 /en/ and /es/ addresses).
  CHECK(holds(h.out("posts/hello.md"), "\"/fr/posts/hello/\""));
  CHECK(holds(h.out("posts/trip/index.md"), "\"/fr/posts/trip/\""));
  Blog z("zola-languages", {{"config.toml", "base_url = 'https://z.example'\ndefault_language = 'en'\n[languages.de]\ntitle = 'x'\n"},
                            {"content/blog/a.md", "+++\ntitle = 'A'\ndate = 2021-01-01\n+++\nA\n"},
                            {"content/blog/a.de.md", "+++\ntitle = 'A de'\ndate = 2021-01-01\n+++\nA\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(z.report.posts == 1);
  CHECK(z.notes().find("blog/a.de.md: a translation (de): not imported") != std::string::npos);
}

TEST_CASE("Hugo: a default language sorting after another (fr, with x.fr.md beside x.en.md): x.fr.md is the post, x.en.md its translation; the blog's language is fr") {
  // jhanos: x.en.md was "only in en", took the French post's address, and the French post moved to x-2 with no alias.
  Blog h("hugo-default-fr", {{"hugo.toml", "baseURL = 'https://j.example/'\nlanguageCode = 'en-us'\ndefaultContentLanguage = 'fr'\n"
                                           "[languages.en]\nweight = 1\n[languages.fr]\nweight = 2\n"},
                             {"content/posts/bonjour.en.md", "---\ntitle: Hello\ndate: 2020-01-01\n---\nHi\n"},
                             {"content/posts/bonjour.fr.md", "---\ntitle: Bonjour\ndate: 2020-01-01\n---\nSalut\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.posts == 1);
  CHECK(holds(h.out("posts/bonjour.md"), "title: \"Bonjour\""));
  CHECK(holds(h.out("posts/bonjour.md"), "\"/en/posts/bonjour/\""));
  CHECK(holds(h.notes(), "posts/bonjour.en.md: a translation (en): not imported"));
  CHECK(holds(h.out("site.yaml"), "language: \"fr\""));
}

TEST_CASE("Hugo: a translation under a pattern of :slug or :title was at its own title's address; its language's lists and feeds redirect") {
  // bpugh's Spanish posts were at /es/blog/<their own title>/ (a 404: the alias used the English title's), and
  // /es/categories/, /es/index.xml had nothing.
  Blog h("hugo-translation-title", {{"hugo.toml", "baseURL = 'https://b.example/'\ntitle = 'B'\n[permalinks]\nposts = '/blog/:slug/'\n"
                                                  "[languages.en]\nweight = 1\n[languages.es]\nweight = 2\n"},
                                    {"content/posts/git.md", "---\ntitle: Git config settings\ndate: 2020-01-01\n---\nHi\n"},
                                    {"content/posts/git.es.md", "---\ntitle: Configuraciones de Git\ndate: 2020-01-01\n---\nHola\n"},
                                    {"content/posts/merge.md", "---\ntitle: Merge\ndate: 2020-01-02\n---\nM\n"},
                                    {"content/posts/merge.es.md", "---\ntitle: Fusión\nslug: fusion-de-ramas\ndate: 2020-01-02\n---\nF\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("posts/git.md"), "\"/es/blog/configuraciones-de-git/\""));
  CHECK(holds(h.out("posts/git.md"), "\"/es/blog/git-config-settings/\""));  // and the original's, as before
  CHECK(holds(h.out("posts/merge.md"), "\"/es/blog/fusion-de-ramas/\""));
  const std::string site = h.out("site.yaml");
  CAPTURE(site);
  CHECK(holds(site, "\"/es/categories/\": \"/categories/\""));
  CHECK(holds(site, "\"/es/index.xml\""));
  CHECK(holds(site, "\"/es/tags/index.xml\""));
  CHECK(quire::load_content(h.root / "out", {}).ok());
}

TEST_CASE("Import: YAML's 8-bit escapes in front matter are their characters (\\_ a no-break space), not U+FFFD") {
  // jonnung's "Elasticsearch 검색(\_search) API" title showed "�search".
  Blog h("import-yaml-nbsp", {{"hugo.toml", "title = 'J'\n"},
                              {"content/posts/es.md", "---\ntitle: \"검색(\\_search) caf\\xE9\"\ndate: 2018-05-08\n---\nx\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("posts/es.md"), "title: \"검색(\xC2\xA0search) caf\xC3\xA9\""));
}

TEST_CASE("Hugo: languages by folder (contentDir per language): the default language's folder is the blog at the root, its title the site's") {
  // A Japanese blog's shape: content/ja/entry/2015/08/13/x.md served at
  // /entry/2015/08/13/x/, an English folder beside it, the title only in
  // [languages.ja].
  Blog h("hugo-lang-dirs", {{"config.yaml", "baseURL: 'https://b.example'\ndefaultContentLanguage: ja\nlanguages:\n  ja:\n"
                                            "    contentDir: content/ja/\n    title: Lab\n    params:\n      description: Notes\n"
                                            "  en:\n    contentDir: content/en/\n    title: Lab EN\n"},
                            {"content/ja/entry/2015/08/13/vnc.md", "---\ntitle: VNC\ndate: 2015-08-13\n---\nA\n"},
                            {"content/ja/about.md", "---\ntitle: About\n---\nMe\n"},
                            {"content/en/entry/2022/07/24/cks.md", "---\ntitle: CKS\ndate: 2022-07-24\n---\nB\n"},
                            {"content/en/entry/2015/08/13/vnc.md", "---\ntitle: VNC (en)\ndate: 2015-08-13\n---\nA\n"},
                            // translated under another name, linked by translationKey
                            {"content/ja/entry/2016/01/01/nihongo.md", "---\ntitle: N\ndate: 2016-01-01\ntranslationKey: lang\n---\nN\n"},
                            {"content/en/entry/2016/01/01/language.md", "---\ntitle: L\ndate: 2016-01-01\ntranslationKey: \"lang\"\n---\nL\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK_FALSE(h.wrote("posts/language.md"));  // a translation, not a second post
  // The English folder's post of its own is one of the blog's (mosuke's two English-only
  // posts were left out), its old address under /en/; a translation redirects to its original.
  CHECK(h.report.posts == 3);
  CHECK(holds(h.out("posts/vnc.md"), "aliases: [\"/entry/2015/08/13/vnc/\",\"/en/entry/2015/08/13/vnc/\"]"));
  CHECK(holds(h.out("posts/cks.md"), "aliases: [\"/en/entry/2022/07/24/cks/\"]"));
  CHECK(holds(h.notes(), "content/en/entry/2022/07/24/cks.md: only in en (no ja version): imported"));
  CHECK(h.out("pages/about.md").find("title: \"About\"") != std::string::npos);
  CHECK(h.out("site.yaml").find("title: \"Lab\"") != std::string::npos);
  CHECK(h.out("site.yaml").find("description: \"Notes\"") != std::string::npos);
  CHECK(h.out("site.yaml").find("/ja/index.xml") == std::string::npos);
  CHECK_FALSE(holds(h.notes(), "vnc.md"));
  const auto built = quire::load_content(h.root / "out", {});
  CHECK_MESSAGE(built.errors.empty(), (built.errors.empty() ? std::string() : built.errors[0].str()));
}

TEST_CASE("Zola: a home section titled like a page (\"Home\") does not title the site: its host does, said") {
  // hegdenu.net's site name was in its base template; its _index.md said "Home".
  Blog z("zola-home-title", {{"config.toml", "base_url = 'https://www.hegdenu.net/'\n"},
                             {"content/_index.md", "+++\ntitle = 'Home'\ndescription = 'Notes'\n+++\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.out("site.yaml"), "title: \"hegdenu.net\""));
  CHECK(holds(z.out("site.yaml"), "description: \"Notes\""));
  CHECK(holds(z.notes(), "title: \"Home\" names the home page, not the site"));
  Blog r("zola-home-title-kept", {{"config.toml", "base_url = 'https://r.example/'\n"},
                                  {"content/_index.md", "+++\ntitle = 'Rust Blog'\n+++\n"}});
  REQUIRE(r.import(Engine::zola).ok());
  CHECK(holds(r.out("site.yaml"), "title: \"Rust Blog\""));
}

TEST_CASE("Hugo: links naming a content file are its page's address; without the extension, where the site's link hook looked pages up") {
  // Rainboylvx's 197 [← P08](./p08) under hugo-dead-simple's render-link (GetPage) and 11 .md links.
  Blog h("hugo-page-links", {{"hugo.toml", "title = 'H'\nbaseURL = 'https://h.example/'\ntheme = 't'\n"},
                             {"themes/t/layouts/_default/_markup/render-link.html",
                              "{{- $url := .Destination -}}{{- with .Page.GetPage $url -}}{{- $url = .RelPermalink -}}{{- end -}}<a href=\"{{ $url }}\">{{ .Text }}</a>"},
                             {"content/posts/p08.md", "---\ntitle: P08\ndate: 2020-01-01\n---\nEight\n"},
                             {"content/posts/p09.md", "---\ntitle: P09\ndate: 2020-01-02\n---\n"
                                                      "[prev](./p08) [md](p08.md#x) [img](./p08.png) [none](./p07) `[code](./p08)`\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("posts/p09.md"), "[prev](/posts/p08/) [md](/posts/p08/#x) [img](./p08.png) [none](./p07) `[code](./p08)`"));
  Blog plain("hugo-page-links-no-hook", {{"hugo.toml", "title = 'H'\nbaseURL = 'https://h.example/'\n"},
                                         {"content/posts/p08.md", "---\ntitle: P08\ndate: 2020-01-01\n---\nEight\n"},
                                         {"content/posts/p09.md", "---\ntitle: P09\ndate: 2020-01-02\n---\n[prev](./p08) [md](p08.md)\n"}});
  REQUIRE(plain.import(Engine::hugo).ok());
  CHECK(holds(plain.out("posts/p09.md"), "[prev](./p08) [md](/posts/p08/)"));
}

TEST_CASE("Hugo: a moved post's link to another post relative to its old address is that post's new address") {
  // bigshans's [诗](../诗) from /post/备忘录/ (now /posts/bei-wang-lu/) to the poem, now /posts/shi/.
  Blog h("hugo-relative-post-links", {{"hugo.toml", "title = 'H'\nbaseURL = 'https://h.example/'\n"},
                                      {"content/post/备忘录.md", "---\ntitle: Memo\ndate: 2020-01-01\n---\n"
                                                                 "[poem](../诗) [again](../诗/#top) [none](../nothing) [file](../a.png)\n"},
                                      {"content/post/诗.md", "---\ntitle: Poem\ndate: 2020-01-02\n---\nVerse\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string memo = h.out("posts/备忘录.md");
  CHECK(holds(memo, "[poem](/posts/shi/) [again](/posts/shi/#top) [none](../nothing) [file](../a.png)"));
}

TEST_CASE("Zola: the site's own shortcode of plain text is its text, one showing its body as code a code block, one with a web address a link") {
  // AntoniosBarotsis's shrug (3) and tweets (7), hegdenu's traces (13).
  Blog z("zola-site-shortcodes", {{"config.toml", "base_url = 'https://z.example'\ntitle = 'Z'\n"},
                                  {"templates/shortcodes/shrug.html", "¯\\_(ツ)_/¯"},
                                  {"templates/shortcodes/note.md", "**Note:** mine.\n"},
                                  {"templates/shortcodes/tweet.html", "<blockquote><a href=\"{{ url }}\"></a></blockquote>"},
                                  {"templates/shortcodes/traces.md", "<pre><code>{{ body }}</code></pre>\n"},
                                  {"templates/shortcodes/clock.html", "<p>{{ now() }}</p>"},
                                  {"content/posts/_index.md", "+++\nsort_by = 'date'\n+++\n"},
                                  {"content/posts/a.md", "+++\ntitle = 'A'\ndate = 2023-01-02\n+++\n"
                                                         "Oh well {{ shrug() }} anyway. {{ note() }}\n\n"
                                                         "{{ tweet(url=\"https://twitter.com/x/status/1\") }}\n\n"
                                                         "{% traces() %}\nINFO a <b> ```x```\n{% end %}\n\n{{ clock() }}\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  const std::string a = z.out("posts/a.md");
  CHECK(holds(a, "Oh well ¯\\\\\\_\\(ツ\\)\\_/¯ anyway. **Note:** mine."));
  CHECK(holds(a, "[https://twitter.com/x/status/1](https://twitter.com/x/status/1)"));
  CHECK(holds(a, "\n````\nINFO a <b> ```x```\n````\n"));
  CHECK(holds(z.notes(), "clock()"));  // Tera in it: reported
  const std::string html = quire::render_markdown("Oh well ¯\\\\\\_\\(ツ\\)\\_/¯ anyway.");
  CHECK(holds(html, "Oh well ¯\\_(ツ)_/¯ anyway."));
}

TEST_CASE("Hugo: the site's own shortcode around markdown that also shows a heading or an image is reported, not converted to its text") {
  // orf's image-sidebar: 3 posts lost 10 images and their headings, and the report said "converted".
  Blog h("hugo-wrapper-shows-more",
         {{"hugo.toml", "baseURL = 'https://o.example/'\ntitle = 'O'\n"},
          {"layouts/shortcodes/image-sidebar.html",
           "{{ if (.Get \"content-title\") }}<h3>{{ .Get \"content-title\" }}</h3>{{ end }}\n<div class=\"columns\">\n"
           "  <figure>{{ $img := .Page.Resources.GetMatch (.Get \"name\") }}<img src='{{ $img.RelPermalink }}'/></figure>\n"
           "  <div class=\"column\">{{ with .Inner }}{{ . | markdownify | safeHTML }}{{ end }}</div>\n</div>\n"},
          {"layouts/shortcodes/aside.html", "<aside class=\"{{ .Get 0 }}\">{{- .Inner | markdownify -}}</aside>\n"},
          {"content/posts/trip/index.md", "---\ntitle: Trip\ndate: 2022-11-16\n---\nIntro.\n\n"
                                          "{{< image-sidebar name=photo.png content-title=\"The Leak\" >}}\nBeside the photo.\n{{< /image-sidebar >}}\n\n"
                                          "{{< aside note >}}\nAn aside.\n{{< /aside >}}\n"},
          {"content/posts/trip/photo.png", "png"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.notes(), "index.md:7: {{< image-sidebar"));
  CHECK_FALSE(holds(h.notes(), "aside"));  // a class from a parameter: markup around the text
  CHECK(holds(h.out("posts/trip/index.md"), "\nAn aside.\n"));
}

TEST_CASE("Hugo: the site's own shortcode of plain HTML (a series' list of links) becomes its HTML; one with Go template stays reported") {
  Blog h("hugo-static-shortcode",
         {{"config.yaml", "baseURL: 'https://b.example'\ntheme: t\n"},
          {"layouts/shortcodes/series.html", "<hr>\n<h5>Series</h5>\n<ul>\n<li><a href=\"/entry/2020/05/10/one/\">One</a></li>\n</ul>\n<hr>\n"},
          {"themes/t/layouts/shortcodes/badge.html", "<span class=\"badge\">new</span>"},
          {"themes/t/layouts/shortcodes/ad.html", "<div>{{ .Site.Params.ad }}</div>"},
          {"themes/t/layouts/shortcodes/banner.html", "<ins class=\"adsbygoogle\"></ins>\n<script>push()</script>\n"},
          {"themes/t/layouts/shortcodes/table.html", "{{ $t := printf \"<table %s>\" .Params }}\n{{ (replace (.Inner | markdownify) \"<table>\" $t) | safeHTML }}\n"},
          {"content/posts/one.md", "---\ntitle: One\ndate: 2020-05-10\n---\n{{< series >}}\nHello {{< badge >}} there.\n\n{{< ad >}}\n\n{{< banner >}}\n\n"
                                   "{{< table class=\"table\" >}}\n|a|b|\n|-|-|\n|1|{{< badge >}}|\n{{</ table >}}\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string one = h.out("posts/one.md");
  CHECK(one.find("\n\n<hr>\n<h5>Series</h5>\n<ul>\n<li><a href=\"/entry/2020/05/10/one/\">One</a></li>\n</ul>\n<hr>\n\nHello <span class=\"badge\">new</span> there.") !=
        std::string::npos);
  CHECK(one.find("{{< ad >}}") == std::string::npos);  // an ad slot: dropped, nothing of the post's in it
  CHECK(h.notes().find("{{< ad >}}") == std::string::npos);
  CHECK(h.notes().find("{{< banner >}}: shortcode \"banner\"") != std::string::npos);  // an ad's script: not inlined
  // Around markdown ({{ .Inner | markdownify }}): the table is the post's
  CHECK(one.find("\n\n|a|b|\n|-|-|\n|1|<span class=\"badge\">new</span>|\n\n") != std::string::npos);
  // Hugo 0.146's layouts/_shortcodes/, and a markdown template (brycewray's disclaimer in 64 posts).
  Blog n("hugo-underscore-shortcodes",
         {{"hugo.yaml", "baseURL: 'https://b.example'\n"},
          {"layouts/_shortcodes/palette.html", "<div class=\"palette\">colours</div>\n"},
          {"layouts/_shortcodes/disclaimer.md", "**Note:** opinions are my own.\n"},
          {"content/posts/two.md", "---\ntitle: Two\ndate: 2020-05-11\n---\n{{% disclaimer %}}\n\nText.\n\n{{< palette >}}\n"}});
  REQUIRE(n.import(Engine::hugo).ok());
  CHECK(holds(n.out("posts/two.md"), "**Note:** opinions are my own."));
  CHECK(holds(n.out("posts/two.md"), "<div class=\"palette\">colours</div>"));
  CHECK(n.report.not_converted.empty());
  CHECK(one.find("table >}}") == std::string::npos);
}

TEST_CASE("Hugo: the site's own shortcode of HTML with .Inner, .Get and a page resource renders as Hugo rendered it") {
  // henrikssommerfeld: 146 post-image figures and 9 abbreviations showed as "{{}}" (the allow-list took the rest).
  Blog h("hugo-inner-shortcodes",
         {{"hugo.toml", "baseURL = 'https://b.example'\n"},
          {"layouts/shortcodes/API.html", "{{.Inner}}<abbr title=\"Application Programming Interface\">API</abbr>{{- \"\" -}}\n"},
          {"layouts/shortcodes/post-image.html", "{{ $image := .Page.Resources.GetMatch (.Get \"image\") }}\n"
                                                 "<figure><img src=\"{{ $image.RelPermalink }}\" alt=\"{{ .Get \"alt\" }}\"><figcaption>{{ .Inner }}</figcaption></figure>\n"},
          {"layouts/shortcodes/kbd.html", "<kbd>{{ .Get 0 }}</kbd>"},
          {"layouts/shortcodes/maybe.html", "{{ if .Get \"x\" }}<b>{{ .Get \"x\" }}</b>{{ end }}"},
          {"content/posts/trip/index.md", "---\ntitle: Trip\ndate: 2020-01-02\n---\nAn {{<API />}} in Go; press {{< kbd \"Ctrl & C\" >}}.\n\n"
                                          "{{<post-image image=\"a.png\" alt=\"A \\\"boat\\\"\">}}\nThe boat at dawn\n{{</post-image>}}\n\n{{< maybe x=\"1\" >}}\n"},
          {"content/posts/trip/a.png", "PNG"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string trip = h.out("posts/trip/index.md");
  CAPTURE(trip);
  CHECK(holds(trip, "An <abbr title=\"Application Programming Interface\">API</abbr> in Go; press <kbd>Ctrl &amp; C</kbd>."));
  CHECK(holds(trip, "\n<figure><img src=\"a.png\" alt=\"A &quot;boat&quot;\"><figcaption>The boat at dawn</figcaption></figure>\n"));
  CHECK(holds(h.notes(), "{{< maybe x=\"1\" >}}: shortcode \"maybe\""));  // an if: not run, reported
}

TEST_CASE("Hugo: a taxonomy named archive keeps its year pages as redirects (Quire writes months there, no year)") {
  // mosuke's /archive/2014/ ... /archive/2026/ went 404; its terms are tags.
  Blog h("hugo-archive-taxonomy", {{"hugo.toml", "baseURL = 'https://e.org/'\ntitle = 'R'\n[taxonomies]\n  category = 'categories'\n  archive = 'archive'\n"},
                                   {"content/posts/old.md", "+++\ntitle = 'Old'\ndate = '2014-05-01T10:00:00+09:00'\narchive = ['2014']\n+++\nHello.\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string site = h.out("site.yaml");
  CAPTURE(site);
  CHECK(holds(site, "\"/archive/2014/\": \"/tags/2014/\""));
  const auto built = quire::load_content(h.root / "out", {});
  CHECK_MESSAGE(built.errors.empty(), (built.errors.empty() ? std::string() : built.errors[0].str()));
}

TEST_CASE("Hugo: {{< / alert >}} (a space after the slash) closes the callout as {{< /alert >}} does") {
  Fixture f(Engine::hugo);
  const std::string out = f.hugo("{{< alert >}}\nNotes.\n{{< / alert >}}\n\nText.\n");
  CHECK(out.find("/ alert") == std::string::npos);
  CHECK(out.find("</div>") != std::string::npos);
}

TEST_CASE("Hugo: an image a post names by /img/a.png that lives in assets/img/ (a theme's render hook finds it there) is copied to static/") {
  Blog h("hugo-assets-images", {{"hugo.toml", "title = 'T'\n"},
                                {"assets/img/aws%20.png", "PNG1"},
                                {"assets/img/b.png", "PNG2"},
                                {"assets/css/main.css", "body{}"},
                                {"static/img/b.png", "STATIC"},
                                {"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n![x](/img/aws%2520.png)\n<img src=\"/img/b.png\">\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.out("static/img/aws%20.png") == "PNG1");
  CHECK(h.out("static/img/b.png") == "STATIC");  // static/ has its own: kept
  CHECK_FALSE(h.wrote("static/css/main.css"));
  CHECK(h.report.converted.at("an image from assets/ (Hugo's global resources) copied to static/") == 1);
}

TEST_CASE("Liquid: al-folio's figure.liquid path relative to the site's root becomes root-relative when the site has the file") {
  Blog b("alfolio-figure", {{"_config.yml", "title: T\n"},
                            {"assets/img/rhino.png", "PNG"},
                            {"_posts/2018-12-22-distill.md",
                             "---\ntitle: D\n---\n{% include figure.liquid loading=\"eager\" path=\"assets/img/rhino.png\" class=\"img-fluid\" %}\n\n"
                             "{% include figure.liquid path=\"assets/img/none.png\" %}\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  const std::string post = b.out("posts/2018-12-22-distill.md");
  CHECK(post.find("](/assets/img/rhino.png)") != std::string::npos);
  CHECK(post.find("](assets/img/none.png)") != std::string::npos);
}

TEST_CASE("Zola and Hugo: a site in a folder of the repository (blog/ with its config and content/) is read from there") {
  Blog z("zola-subfolder", {{"flake.nix", "{}"},
                            {"blog/config.toml", "base_url = 'https://z.example'\ntitle = 'Z'\n"},
                            {"blog/content/posts/a.md", "+++\ntitle = 'A'\ndate = 2021-01-01\n+++\nA\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(z.report.posts == 1);
  CHECK(z.out("site.yaml").find("title: \"Z\"") != std::string::npos);
  CHECK(z.notes().find("blog: the site is in this folder (its config and content/): read from here") != std::string::npos);
  // Two candidates: which one is not guessed
  Blog h("hugo-two-subfolders", {{"a/hugo.toml", "title = 'A'\n"}, {"a/content/posts/a.md", "---\ntitle: A\ndate: 2021-01-01\n---\nA\n"},
                                 {"b/hugo.toml", "title = 'B'\n"}, {"b/content/posts/b.md", "---\ntitle: B\ndate: 2021-01-01\n---\nB\n"}});
  CHECK_FALSE(h.import(Engine::hugo).ok());
}

TEST_CASE("Hugo, the Stack theme's page/ section: pages at their [permalinks] page address; its search and archives pages are Quire's own") {
  Blog h("hugo-stack-pages",
         {{"config/_default/config.toml", "baseURL = 'https://s.example'\ndefaultContentLanguage = 'zh'\n"},
          {"config/_default/permalinks.toml", "post = '/p/:slug/'\npage = '/:slug/'\n"},
          {"config/_default/languages.toml", "[zh]\ncontentDir = 'content/zh'\ntitle = 'Z'\n[en]\ncontentDir = 'content/en'\n"},
          {"content/zh/page/search/index.md", "---\ntitle: Search\nslug: search\nlayout: search\n---\n"},
          {"content/zh/page/archives/index.md", "---\ntitle: Archives\ndate: 2026-08-12\nlayout: archives\nslug: archives\n---\n"},
          {"content/zh/page/links/index.md", "---\ntitle: Links\nslug: links\n---\nFriends.\n"},
          {"content/zh/post/hello/index.md", "---\ntitle: Hello\ndate: 2024-01-01\nslug: hello\n---\nHi\n"},
          {"content/en/post/hello/index.md", "---\ntitle: Hello EN\ndate: 2024-01-01\n---\nHi\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.posts == 1);
  CHECK(h.report.pages == 1);
  CHECK(h.out("pages/links.md").find("permalink: \"/links/\"") != std::string::npos);  // a page bundle: a page, its files in static/links/
  CHECK(h.notes().find("page/search/index.md: a theme's search page (layout: search): Quire writes its own") != std::string::npos);
  CHECK(h.notes().find("page/archives/index.md: a theme's archives page (layout: archives)") != std::string::npos);
  CHECK(h.out("posts/hello/index.md").find("aliases: [\"/p/hello/\"]") == std::string::npos);  // /p/:slug/ is the site's pattern
}

TEST_CASE("Jekyll: a WordPress export's author map {display_name, login, email} becomes the author's name") {
  Blog b("jekyll-wp-author", {{"_config.yml", "title: T\n"},
                              {"_posts/2012-01-09-thesis.md", "---\ntitle: Thesis\nauthor:\n  display_name: Albert\n  login: albert\n  email: a@b.example\n---\nText\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(b.out("posts/2012-01-09-thesis.md").find("author: \"Albert\"") != std::string::npos);
}

TEST_CASE("Hugo: content/categories/<term>/_index.<default language>.md is a term's page, not a page of its own; /categories/index.xml is the taxonomy's feed") {
  // The FixIt theme author's blog: defaultContentLanguage = "zh-cn" with
  // no [languages] table, term pages with text.
  Blog h("hugo-term-pages", {{"config/_default/hugo.toml", "baseURL = 'https://l.example'\ndefaultContentLanguage = 'zh-cn'\n"},
                             {"content/categories/thoughts/_index.zh-cn.md", "---\ntitle: Thoughts\n---\nMy thoughts.\n"},
                             {"content/posts/a.zh-cn.md", "---\ntitle: A\ndate: 2024-01-01\ncategories: [thoughts]\n---\nA\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.posts == 1);
  CHECK(h.report.pages == 0);
  CHECK(h.wrote("posts/a.md"));
  // Hugo's feed of the taxonomy's list (orf's /categories/index.xml, /tags/index.xml): the blog's feed there
  CHECK(holds(h.out("site.yaml"), "\"/categories/index.xml\""));
  CHECK(h.notes().find("categories/thoughts/_index.zh-cn.md: at /categories/thoughts/, which is the category pages") != std::string::npos);
  CHECK(quire::load_content(h.root / "out", {}).ok());
}

TEST_CASE("Hugo: an image path relative to a post that static/ has (images/a.jpg, ../../static/images/b.png) becomes root-relative") {
  Blog h("hugo-relative-static", {{"hugo.toml", "title = 'T'\n[permalinks]\nposts = '/:year/:month/:day/:slug/'\n"},
                                  {"static/images/weread.jpg", "JPG"},
                                  {"static/images/b.png", "PNG"},
                                  {"content/posts/2023/my2022.md",
                                   "---\ntitle: 2022\ndate: 2023-01-27\n---\n![w](images/weread.jpg) ![b](../../../static/images/b.png)\n"
                                   "![n](images/none.jpg) `![c](images/weread.jpg)`\n"},
                                  {"content/posts/trip/index.md", "---\ntitle: Trip\ndate: 2023-01-28\n---\n![t](images/weread.jpg)\n"},
                                  {"content/posts/trip/images/weread.jpg", "OWN"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string post = h.out("posts/my2022.md");
  CHECK(post.find("![w](/images/weread.jpg) ![b](/images/b.png)\n![n](images/none.jpg) `![c](images/weread.jpg)`") != std::string::npos);
  CHECK(h.out("posts/trip/index.md").find("![t](images/weread.jpg)") != std::string::npos);  // the bundle's own
}

TEST_CASE("Hugo: without defaultContentLanguage in the config read, index.en.md beside index.md stays a file of the bundle, not a second post") {
  // A Blowfish blog whose root hugo.toml has only languageCode = 'zh-tw'.
  Blog h("hugo-implicit-en", {{"hugo.toml", "baseURL = 'https://j.example'\nlanguageCode = 'zh-tw'\n"},
                              {"content/posts/new/index.md", "---\ntitle: A\ndate: 2025-11-03\n---\nA\n"},
                              {"content/posts/new/index.en.md", "---\ntitle: A en\ndate: 2025-11-03\n---\nA\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.posts == 1);
}

TEST_CASE("Hugo: the root's hugo.toml and config/_default/ are both read (the directory's keys set over the root's, table by table, as Hugo's allconfig does), languages.<code>.toml as [languages.<code>]") {
  // Blowfish's layout: a two-line root hugo.toml, the rest in config/_default/.
  Blog h("hugo-merged-config",
         {{"hugo.toml", "baseURL = 'https://j.example'\nlanguageCode = 'zh-tw'\n[params]\ndescription = 'Notes on things'\n"},
          {"config/_default/hugo.toml", "baseURL = 'https://other.example'\ndefaultContentLanguage = 'zh-tw'\n"},
          {"config/_default/params.toml", "mainSections = ['posts']\n"},
          {"config/_default/languages.zh-tw.toml", "languageCode = 'zh-tw'\ntitle = 'JYu notes'\n"},
          {"config/_default/languages.en.toml", "languageCode = 'en'\ntitle = 'JYu EN'\n"},
          {"config/_default/params.en.toml", "description = 'EN only'\n"},
          {"content/posts/new/index.md", "---\ntitle: A\ndate: 2025-11-03\n---\nA\n"},
          {"content/posts/new/index.en.md", "---\ntitle: A en\ndate: 2025-11-03\n---\nA\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.posts == 1);
  const std::string site = h.out("site.yaml");
  CHECK(site.find("title: \"JYu notes\"") != std::string::npos);
  CHECK(site.find("url: \"https://other.example\"") != std::string::npos);  // config/_default/ wins
  CHECK(site.find("Notes on things") != std::string::npos);  // the root's [params] merged with params.toml
  CHECK(site.find("EN only") == std::string::npos);
  CHECK(h.notes().find("posts/new/index.en.md: a translation (en): not imported") != std::string::npos);
}

TEST_CASE("Hugo: a date's own offset gives the old URL's year and month (timeZone only places dates without one)") {
  Blog h("hugo-offset", {{"hugo.toml", "timeZone = 'Europe/Berlin'\n[permalinks]\nposts = '/:year/:month/:slug/'\n"},
                         {"content/posts/late.md", "---\ntitle: Late\ndate: 2020-09-30T20:00:00-07:00\n---\nA\n"},
                         {"content/posts/local.md", "---\ntitle: Local\ndate: 2020-09-30T23:30:00\n---\nB\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  // Hugo: /2020/09/late/; Quire places the date in Berlin (October 1st, 05:00).
  CHECK(h.out("posts/late.md").find("aliases: [\"/2020/09/late/\"]") != std::string::npos);
  CHECK(h.out("posts/local.md").find("aliases") == std::string::npos);
}

TEST_CASE("Zola: links to the home page or a section's list (@/_index.md, @/blog/_index.md) lead to the home page") {
  Fixture z(Engine::zola);
  CHECK(z.zola("[home](@/_index.md) and [all posts](@/blog/_index.md#top)\n") == "[home](/) and [all posts](/#top)\n");
  CHECK(z.notes().empty());
}

TEST_CASE("kramdown's parse_block_html (config or {::options}): markdown inside block HTML is read") {
  Fixture f(Engine::jekyll);
  CHECK(f.liquid("{::options parse_block_html=\"true\" /}\n<div class=\"box\">\n**Bold**\n</div>\n<span>x</span>\n") ==
        "<div class=\"box\">\n\n**Bold**\n\n</div>\n<span>x</span>\n");
  CHECK(f.notes().empty());
  Blog b("jekyll-parse-block-html", {{"_config.yml", "kramdown:\n  input: GFM\n  parse_block_html: true\n"},
                                     {"_posts/2020-01-01-a.md", "---\ntitle: A\n---\n<details>\n<summary>More</summary>\n*hidden*\n</details>\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(b.out("posts/2020-01-01-a.md").find("<details>\n\n<summary>More</summary>\n\n*hidden*\n\n</details>") != std::string::npos);
}

TEST_CASE("Hugo's rawhtml shortcodes keep their HTML; Liquid's vimeo and twitter tags have equivalents") {
  Fixture h(Engine::hugo);
  CHECK(h.hugo("{{< rawhtml >}}\n<div class=\"x\">Hi</div>\n{{< /rawhtml >}}\n") == "\n<div class=\"x\">Hi</div>\n\n");
  CHECK(h.notes().empty());
  Fixture j(Engine::jekyll);
  CHECK(j.liquid("{% vimeo 146022717 %}") == vimeo_iframe("146022717"));
  CHECK(j.liquid("{% twitter https://twitter.com/jack/status/20 %}") == "[Post on X](https://twitter.com/jack/status/20)");
  CHECK(j.notes().empty());
}

TEST_CASE("Eleventy's base blog v9: data in ../_data as JavaScript, a passthrough map {\"./public/\": \"/\"}") {
  Blog b("eleventy-v9", {{"eleventy.config.js", "export default async function(c) {\n  c.addPassthroughCopy({ \"./public/\": \"/\", \"./x/a.txt\": \"b/\" });\n};\n"
                                                "export const config = { dir: { input: \"content\", includes: \"../_includes\", data: \"../_data\" } };\n"},
                         {"_data/metadata.js", "export default {\n  title: \"Base Blog\",\n  url: \"https://example.com/\",\n  language: \"en\",\n"
                                               "  author: { name: \"Your Name\", email: \"y@example.com\" }\n}\n"},
                         {"public/img/logo.png", "PNG"},
                         {"x/a.txt", "A"},
                         {"content/blog/firstpost.md", "---\ntitle: First\ndate: 2018-05-01\n---\nA\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string site = b.out("site.yaml");
  CHECK(site.find("title: \"Base Blog\"") != std::string::npos);
  CHECK(site.find("url: \"https://example.com\"") != std::string::npos);
  CHECK(site.find("author: \"Your Name\"") != std::string::npos);
  CHECK(b.wrote("static/img/logo.png"));
  CHECK(b.wrote("static/b/a.txt"));
  CHECK_FALSE(b.wrote("static/public/img/logo.png"));
}

TEST_CASE("Jekyll: a post named YYYY-M-D-title is dated and slugged as Jekyll did; one without a date in its name a draft") {
  Blog b("jekyll-names", {{"_config.yml", "permalink: /:year/:month/:day/:title/\n"},
                          {"_posts/2019-4-9-short.md", "---\ntitle: Short\n---\nA\n"},
                          {"_posts/no-date.md", "---\ntitle: No date\ndate: 2020-01-01\n---\nB\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  const std::string s = b.out("posts/2019-04-09-short.md");  // the build reads the date from the name
  CHECK(s.find("date: 2019-04-09\n") != std::string::npos);
  CHECK(s.find("slug") == std::string::npos);  // "short", from the name
  CHECK(b.out("posts/no-date.md").find("draft: true") != std::string::npos);
  CHECK(b.notes().find("_posts/no-date.md: no YYYY-MM-DD- date in its name: Jekyll did not publish it") != std::string::npos);
  std::string ymd;
  size_t prefix = 0;
  CHECK(file_date("2019-4-9-short", ymd, &prefix));
  CHECK(ymd == "2019-04-09");
  CHECK(prefix == 9);
  CHECK_FALSE(file_date("2019-13-01-x", ymd));
  CHECK_FALSE(file_date("201-01-01-x", ymd));
}

TEST_CASE("highlight options with a list of lines (hl_lines=8 15-17) stay whole in the fence") {
  Fixture h(Engine::hugo);
  CHECK(h.hugo("{{< highlight go \"linenos=table,hl_lines=8 15-17,linenostart=3\" >}}\nx\n{{< /highlight >}}") ==
        "```go {linenos=table,hl_lines=[8 15-17],linenostart=3}\nx\n```");
  Fixture j(Engine::jekyll);
  CHECK(j.liquid("{% highlight ruby linenos hl_lines=\"2 3\" %}\nx\n{% endhighlight %}") ==
        "```ruby {linenos=true,hl_lines=[2 3]}\nx\n```");
}

TEST_CASE("posts sharing a slug get their own, the old URL of each kept; an empty title or unclosed front matter is reported") {
  Blog b("same-slug", {{"_config.yml", "permalink: /:year/:month/:day/:title/\n"},
                       {"_posts/2015-01-01-update.md", "---\ntitle: Update\n---\nA\n"},
                       {"_posts/2016-01-01-update.md", "---\ntitle: Update again\n---\nB\n"},
                       {"_posts/2017-01-01-other.md", "---\ntitle: Other\nslug: update\n---\nSee {% post_url 2016-01-01-update %}\n"},
                       {"_posts/2018-01-01-empty.md", "---\ntitle: \"\"\ndescription:\n---\nC\n"},
                       {"_posts/2019-01-01-open.md", "---\ntitle: Open\nNo closing fence.\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(b.out("posts/2015-01-01-update.md").find("slug") == std::string::npos);
  const std::string second = b.out("posts/2016-01-01-update.md");
  CHECK(second.find("slug: \"update-2\"") != std::string::npos);
  CHECK(second.find("aliases: [\"/2016/01/01/update/\"]") != std::string::npos);
  const std::string third = b.out("posts/2017-01-01-other.md");
  CHECK(third.find("slug: \"update-3\"") != std::string::npos);
  CHECK(third.find("See /2016/01/01/update-2/") != std::string::npos);  // links follow the new slug
  CHECK(b.notes().find("2016-01-01-update.md: slug \"update\" is also") != std::string::npos);
  CHECK(b.out("posts/2018-01-01-empty.md").find("title: \"Empty\"") != std::string::npos);
  CHECK(b.notes().find("2018-01-01-empty.md:2: title: empty; one is made from the file name") != std::string::npos);
  // "description:" with nothing after it is no value: nothing to report (johnwargo's 406 posts)
  CHECK(b.notes().find("description") == std::string::npos);
  CHECK(b.notes().find("2019-01-01-open.md:1: front matter opened by \"---\" is never closed") != std::string::npos);
}

// hh54188's jekyll-blog: four drafts in _drafts/ named as published posts
// in _posts/ kept the slug, and the published posts became "-2", their old
// addresses lost.
TEST_CASE("Jekyll: a draft sharing a published post's name or old address yields it; the post keeps its address") {
  Blog b("draft-slug", {{"_config.yml", "permalink: /:title/\n"},
                        {"_drafts/2018-06-24-token.md", "---\ntitle: Old draft\n---\nDraft.\n"},
                        {"_drafts/moved.md", "---\ntitle: Moved draft\npermalink: /old-home/\n---\nDraft.\n"},
                        {"_posts/2018-06-24-token.md", "---\ntitle: Published\n---\nLive post.\n"},
                        {"_posts/2019-01-01-home.md", "---\ntitle: Home\nredirect_from: /old-home/\n---\nLive.\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  const std::string post = b.out("posts/2018-06-24-token.md");
  CHECK(holds(post, "title: \"Published\""));
  CHECK(!holds(post, "slug"));  // at /token/, as it was
  const std::string draft = b.out("posts/2018-06-24-token-2.md");
  CHECK(holds(draft, "draft: true"));
  CHECK(holds(draft, "slug: \"token-2\""));
  CHECK(!holds(draft, "aliases"));  // never published: no old address
  CHECK(holds(b.notes(), "_drafts/2018-06-24-token.md: slug \"token\" is also"));
  CHECK(holds(b.out("posts/2019-01-01-home.md"), "redirect_from: [\"/old-home/\"]"));
  CHECK(!holds(b.out("posts/moved.md"), "/old-home/"));
  CHECK(holds(b.notes(), "_drafts/moved.md: permalink \"/old-home/\" is also"));
}

// The tester's Jekyll blog of future: true: the import said nothing and the
// build left its post dated 2030 out.
TEST_CASE("Jekyll: future: true in the config is site.yaml's future: true") {
  Blog b("jekyll-future", {{"_config.yml", "title: T\nfuture: true\n"},
                           {"_posts/2020-01-01-now.md", "---\ntitle: Now\n---\nA\n"},
                           {"_posts/2030-01-01-later.md", "---\ntitle: Later\n---\nB\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(holds(b.out("site.yaml"), "future: true"));
  quire::ContentOptions o;
  o.now = 1700000000;  // 2023-11-14: the 2030 post is still to come
  const quire::ContentResult built = quire::load_content(b.root / "out", o);
  REQUIRE(built.ok());
  CHECK(built.bundle.posts.size() == 2);
  Blog n("jekyll-no-future", {{"_config.yml", "title: T\nfuture: false\n"}, {"_posts/2020-01-01-now.md", "---\ntitle: Now\n---\nA\n"}});
  REQUIRE(n.import(Engine::jekyll).ok());
  CHECK_FALSE(holds(n.out("site.yaml"), "future:"));
}

// levinxo's blog, permalink: /archive/:title: Jekyll wrote archive/x.html,
// answered at /archive/x and at /archive/x.html; the file's address was lost.
TEST_CASE("Jekyll: under a pattern with no trailing slash, a post's old file address x.html is an alias") {
  Blog b("jekyll-no-slash", {{"_config.yml", "title: T\npermalink: /archive/:title\n"},
                             {"_posts/2012-10-26-hello-world.md", "---\ntitle: Hello\n---\nA\n"},
                             {"_posts/2012-10-27-moved.md", "---\ntitle: Moved\npermalink: /moved/\n---\nB\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(holds(b.out("posts/2012-10-26-hello-world.md"), "aliases: [\"/archive/hello-world.html\"]"));
  CHECK_FALSE(holds(b.out("posts/2012-10-27-moved.md"), "aliases"));
  Blog s("jekyll-slash", {{"_config.yml", "title: T\npermalink: /archive/:title/\n"}, {"_posts/2012-10-26-hello-world.md", "---\ntitle: Hello\n---\nA\n"}});
  REQUIRE(s.import(Engine::jekyll).ok());
  CHECK_FALSE(holds(s.out("posts/2012-10-26-hello-world.md"), "aliases"));
  CHECK(quire::load_content(b.root / "out", {}).ok());
}

TEST_CASE("Eleventy: posts in _posts/<year>/ (a blog moved from Jekyll) and in a folder an addCollection filters by inputPath are posts") {
  Blog b("eleventy-underscore", {{".eleventy.js", "module.exports = function (c) {\n"
                                                  "  c.addCollection(\"archive\", (col) => col.getAll().filter((item) => item.inputPath.startsWith(\"./content/archive/\")));\n"
                                                  "  return { dir: { input: \"content\", output: \"_site\" } };\n};\n"},
                                 {"content/_posts/2023/2023-08-18-nice.md", "---\ntitle: Nice\ndate: \"2023-08-18T12:00:00-08:00\"\ntags: post\n---\nA\n"},
                                 {"content/_posts/2014/2014-01-02-old.md", "---\ntitle: Old\ndate: 2014-01-02\ntags: post\n---\nB\n"},
                                 {"content/archive/2011-06-29-kia-ora/index.md", "---\ntitle: Kia Ora\ndate: \"2011-06-29T06:05:14+00:00\"\nslug: \"/2011/06/29/kia-ora/\"\ntags:\n  - Wordpress\n---\nC\n"},
                                 {"content/archive/archive.json", "{ \"tags\": \"[archive]\", \"permalink\": \"{{slug}}/index.html\" }\n"},
                                 {"content/_posts/_posts.11tydata.js", "const { DateTime } = require(\"luxon\");\nmodule.exports = {\n  permalink: function(data) {\n"
                                                                       "    const dt = DateTime.fromJSDate(data.date);\n    if (!dt.isValid) {\n      return `/${data.page.fileSlug}/`;\n    }\n"
                                                                       "    const year = dt.year;\n    const month = String(dt.month).padStart(2, '0');\n    const day = String(dt.day).padStart(2, '0');\n"
                                                                       "    return `/${year}/${month}/${day}/${data.page.fileSlug}/`;\n  }\n};\n"},
                                 {"content/_includes/note.md", "---\ntitle: Partial\n---\nD\n"},
                                 {"content/_site/index.md", "---\ntitle: Built\n---\nE\n"},
                                 {"content/archive/index.md", "---\nlayout: layouts/archive.njk\ntitle: Archives\nslug: \"archive/\"\n---\nThe old archive.\n"},
                                 {"content/about.md", "---\ntitle: About\n---\nF\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.report.posts == 3);
  CHECK(b.notes().find("archive/index.md: the list of the posts in archive/: Quire makes its own lists") != std::string::npos);
  CHECK(b.report.pages == 1);  // about.md; not the include nor the output
  // the folder's permalink function, as its pattern: the old URLs /2023/08/18/nice/
  CHECK(b.out("posts/2023-08-18-nice.md").find("permalink: \"/:year/:month/:day/:slug/\"") != std::string::npos);
  CHECK(b.wrote("posts/2014-01-02-old.md"));
  const std::string kia = b.out("posts/2011-06-29-kia-ora/index.md");
  CHECK(kia.find("tags: [\"Wordpress\"]") != std::string::npos);
  CHECK(kia.find("date: 2011-06-29T06:05:14") != std::string::npos);
  CHECK(kia.find("/2011/06/29/kia-ora/") != std::string::npos);  // "{{slug}}/index.html" with its slug: the old URL
  CHECK(kia.find("{{") == std::string::npos);
}

TEST_CASE("Eleventy: a folder's TypeScript data file whose permalink is an arrow returning a template literal gives the posts' old URLs") {
  Blog b("eleventy-arrow", {{"posts/posts.11tydata.ts", "export default {\n  tags: ['post'],\n"
                                                        "  permalink: (data: any) => `/blog/${data?.page?.fileSlug}/`,\n};\n"},
                            {"posts/hard-links.md", "---\ntitle: Hard links\ndate: 2019-08-12\n---\nA\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(holds(b.out("posts/hard-links.md"), "permalink: \"/blog/:slug/\""));
}

TEST_CASE("Jekyll: a timezone no tz database has (\"CN\") is left out with a note; any file with front matter (Chirpy's app.js) is a template, not a static file") {
  Blog b("jekyll-tz-templates", {{"_config.yml", "timezone: CN\n"},
                                 {"_posts/2014-11-04-tricks.md", "---\ntitle: Tricks\n---\nA\n"},
                                 {"app.js", "---\nlayout: compress\n---\nnavigator.serviceWorker.register('{{ \"/sw.js\" | relative_url }}');\n"},
                                 {"assets/site.js", "console.log(1);\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(b.out("site.yaml").find("timezone") == std::string::npos);
  CHECK(b.notes().find("timezone: \"CN\" is no zone of the tz database") != std::string::npos);
  CHECK_FALSE(b.wrote("static/app.js"));
  CHECK(b.notes().find("app.js: a Liquid template") != std::string::npos);
  CHECK(b.wrote("static/assets/site.js"));
}

TEST_CASE("Eleventy: the site's own image shortcodes {% figure \"./a.png\", \"Caption\", [320, 720] %} and {% figureElement 'a.png', 'Caption' %} are figures") {
  Fixture e(Engine::eleventy);
  const std::string out = e.liquid("{% figure \"./ollama.png\", \"The Ollama menu bar icon\", [320, 720, 1024] %}\n");
  CHECK(out.find("ollama.png") != std::string::npos);
  CHECK(out.find("The Ollama menu bar icon") != std::string::npos);
  CHECK(out.find("{%") == std::string::npos);
  CHECK(out.find("320") == std::string::npos);
  const std::string el = e.liquid("{% figureElement 'tests.png', 'Screenshot of the test runner.' %}\n");
  CHECK(el.find("tests.png") != std::string::npos);
  // Nunjucks' escaped quote in a single-quoted argument (clhenrick's "Google Chrome's" alt texts)
  CHECK(holds(e.liquid("{% figureElement 'chrome.png', 'Screenshot of Google Chrome\\'s menu' %}\n"), "Screenshot of Google Chrome's menu"));
  CHECK(parse_args("'C:\\dir\\x' \"a \\\"b\\\"\"").words == std::vector<std::string>{"C:\\dir\\x", "a \"b\""});
  CHECK(el.find("{%") == std::string::npos);
  CHECK(e.notes().empty());
  // Nunjucks' {% verbatim %}: Liquid's raw, its text as it is
  CHECK(e.liquid("Like:\n\n{% verbatim %}\n```twig\n{% if tags %}x{% endif %}\n```\n{% endverbatim %}\n") ==
        "Like:\n\n\n```twig\n{% if tags %}x{% endif %}\n```\n\n");
}

TEST_CASE("Jekyll: a date with a two-digit year (\"12-10-15 10:36:30\") is read as Ruby reads it, 2012-10-15") {
  // noamross's jekyll-site: 65 posts written so, the file's date not the post's.
  Blog b("jekyll-two-digit-year",
         {{"_config.yml", "title: T\npermalink: /blog/:year/:i_month/:i_day/:title.html\n"},
          {"_posts/2012-10-18-ecological-stoichiometry--first-readings.md",
           "---\nlayout: post\ntitle: \"Ecological Stoichiometry: Back to Basics with Elser\"\ndate: 12-10-15 10:36:30\n---\nOur course.\n"},
          {"_posts/2014-10-07-levyplyr.md", "---\ntitle: Plyr\ndate: 14-10-08 016:55:00\n---\nA\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(b.out("posts/2012-10-18-ecological-stoichiometry--first-readings.md").find("date: 2012-10-15T10:36:30") != std::string::npos);
  CHECK(b.notes().find("first-readings.md:4: date") == std::string::npos);
  // an hour led by a zero, as Ruby's Time.parse reads it (checked with ruby 3.1: 16:55)
  CHECK(holds(b.out("posts/2014-10-07-levyplyr.md"), "date: 2014-10-08T16:55:00"));
}

TEST_CASE("Eleventy: a site's own {% fig \"url\", \"Caption\" %} shortcode is a figure, its paired {% info %}...{% endinfo %} a callout") {
  // As sadanand-singh's blog writes them (lib/shortcodes/*.js).
  Fixture e(Engine::eleventy);
  const std::string fig = e.liquid(
      "{% fig \"https://res.cloudinary.com/sadanandsingh/image/upload/v1555791764/comet/cats-dogs_e4eb3v.png\" %}\n\n"
      "{% fig \"https://res.cloudinary.com/sadanandsingh/image/upload/v1555803192/comet/exp_list_dhgqxu.png\", \"Status of All Experiments\" %}\n");
  CHECK(fig.find("cats-dogs_e4eb3v.png") != std::string::npos);
  CHECK(fig.find("exp_list_dhgqxu.png") != std::string::npos);
  CHECK(fig.find("Status of All Experiments") != std::string::npos);
  CHECK(fig.find("{%") == std::string::npos);
  // Twitter's image URLs name their format in the query
  const std::string tw = e.liquid("{% fig \"https://pbs.twimg.com/media/EQbAMUxUYAAvXec?format=jpg&name=small\", \"Joke is on Us my Friends!\" %}\n");
  CHECK(tw.find("(https://pbs.twimg.com/media/EQbAMUxUYAAvXec?format=jpg&name=small)") != std::string::npos);
  CHECK(tw.find("{%") == std::string::npos);
  const std::string info = e.liquid("Before.\n\n{% info %}\nUse **btrfs** subvolumes.\n{% endinfo %}\n\n{% warning %}\nBack up first.\n{% endwarning %}\n");
  CHECK(info.find("{%") == std::string::npos);
  CHECK(info.find("<div class=\"callout callout-info\">") != std::string::npos);
  CHECK(info.find("<div class=\"callout callout-warning\">") != std::string::npos);
  CHECK(info.find("Use **btrfs** subvolumes.") != std::string::npos);
  const std::string tldr = e.liquid("{% tldr %}\nDual boot works.\n{% endtldr %}\n");
  CHECK(tldr.find("<div class=\"callout callout-tldr\">") == 0);
  CHECK(tldr.find("Dual boot works.\n\n\n</div>") != std::string::npos);
  CHECK(info.find("</div>") != std::string::npos);
  CHECK(e.notes().empty());
  // Its layout shortcodes around figures side by side: divs, the figures kept.
  const std::string cols = e.liquid(
      "experiments:\n\n{% columns %}\n  {% cols %}\n    {% fig \"https://res.cloudinary.com/s/exp_list_dhgqxu.png\", \"Status\" %}\n"
      "  {% endcols %}\n  {% cols %}\n    {% fig \"https://res.cloudinary.com/s/exp_charts_qywcey.png\", \"Progress\" %}\n"
      "  {% endcols %}\n{% endcolumns %}\n");
  CHECK(cols.find("{%") == std::string::npos);
  CHECK(cols.find("<div class=\"columns\">\n  <div class=\"cols\">\n    <figure>") != std::string::npos);
  CHECK(cols.find("exp_charts_qywcey.png") != std::string::npos);
  CHECK(cols.find("  </div>\n</div>") != std::string::npos);
  CHECK(e.notes().empty());
}

TEST_CASE("Eleventy: a site's own YouTube shortcode, the render plugin's renderTemplate, a titled sidebar") {
  // As kpwags' and johnwargo's blogs write them.
  Fixture e(Engine::eleventy);
  const std::string yt = e.liquid("Song:\n\n{% youTubeEmbed \"dQw4w9WgXcQ\" \"Artist - Title\" %}\n\n"
                                  "{% youtubeVideo \"https://www.youtube.com/watch?v=aqz-KE-bpKQ&t=3\" %}\n");
  CHECK(yt.find("https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ") != std::string::npos);
  CHECK(yt.find("https://www.youtube-nocookie.com/embed/aqz-KE-bpKQ") != std::string::npos);
  CHECK(yt.find("{%") == std::string::npos);
  const std::string rt = e.liquid("{% renderTemplate \"md\" %}\nSome *markdown*.\n{% endrenderTemplate %}\n");
  CHECK(rt.find("Some *markdown*.") != std::string::npos);
  CHECK(rt.find("{%") == std::string::npos);
  const std::string sb = e.liquid("{% sidebar \"What It Means\" %}\nA paragraph.\n{% endsidebar %}\n");
  CHECK(sb.find("<div class=\"callout callout-sidebar\">") == 0);
  CHECK(sb.find("**What It Means**") != std::string::npos);
  CHECK(sb.find("A paragraph.") != std::string::npos);
  CHECK(e.notes().empty());
}

TEST_CASE("Hugo: Wowchemy's spoiler and hl, and a site's own image shortcode with src= ({{< imageFull src=... title=... caption=... >}})") {
  Fixture h(Engine::hugo);
  const std::string sp = h.hugo("{{< spoiler text=\"Beispiel\" >}}\nSome **answer**.\n{{< /spoiler >}}");
  CHECK(sp.find("<details>") != std::string::npos);
  CHECK(sp.find("Beispiel") != std::string::npos);
  CHECK(sp.find("</details>") != std::string::npos);
  CHECK(sp.find("{{<") == std::string::npos);
  CHECK(h.hugo("These are **{{< hl >}}gradients{{< /hl >}}** here") == "These are **<mark>gradients</mark>** here");
  // hugo-theme-even's fold and question (ouuan's posts), maku77's accordion
  const std::string fold = h.hugo("{{% fold \"Why?\" %}}\nBecause.\n{{% /fold %}}\n\n{{< accordion title=\"Output\" >}}\nok\n{{< /accordion >}}\n"
                                  "\n{{% question %}}\nFind $x$.\n{{% /question %}}\n");
  CHECK(fold.find("<details>\n<summary>Why?</summary>") != std::string::npos);
  CHECK(fold.find("<summary>Output</summary>") != std::string::npos);
  CHECK(fold.find("<div class=\"callout callout-question\">") != std::string::npos);
  CHECK(fold.find("{{") == std::string::npos);
  Fixture unpaired(Engine::hugo);
  CHECK(unpaired.hugo("{{< loader >}}").find("{{< loader >}}") != std::string::npos);  // "ad" inside a word: no ad slot
  CHECK(unpaired.hugo("{{% fold \"No end\" %}}\nx\n").find("{{% fold") != std::string::npos);  // left, reported
  CHECK(unpaired.notes().find("no closing /fold") != std::string::npos);
  const std::string img = h.hugo("{{< imageFull src=\"/images/posts/junior-dev.jpg\" title=\"junior developer\" caption=\"Keep asking\" border=\"false\" >}}");
  CHECK(img.find("/images/posts/junior-dev.jpg") != std::string::npos);
  CHECK(img.find("junior developer") != std::string::npos);
  CHECK(img.find("Keep asking") != std::string::npos);
  CHECK(img.find("{{<") == std::string::npos);
  CHECK(h.hugo("Read {{% staticref \"uploads/SI_Ub6.pdf\" \"newtab\" %}}Übungsblatt 6{{% /staticref %}}, Aufgabe 1") ==
        "Read [Übungsblatt 6](/uploads/SI_Ub6.pdf), Aufgabe 1");
  CHECK(h.hugo("{{% staticref \"uploads/algo(slide).pdf\" %}}Slides{{% /staticref %}}") == "[Slides](</uploads/algo(slide).pdf>)");
  CHECK(h.notes().empty());
}

TEST_CASE("Zola: the site's own body shortcode rendering {{ body | markdown }} keeps its body ({% codeblock(name=\"bash\") %}```bash...```{% end %})") {
  Blog b("zola-wrapper", {{"config.toml", "base_url = \"https://example.com\"\ntitle = \"T\"\n"},
                          {"templates/shortcodes/codeblock.html", "<div class=\"codeblock-with-filename\">\n  <div class=\"filename\">{{ name }}</div>\n  {{ body | markdown | safe }}\n</div>\n"},
                          {"templates/shortcodes/chart.html", "<div id=\"{{ id }}\"></div>\n"},
                          {"content/posts/_index.md", "+++\nsort_by = \"date\"\n+++\n"},
                          {"content/posts/bench.md", "+++\ntitle = \"Bench\"\ndate = 2024-01-02\n+++\nRun:\n\n{% codeblock(name=\"bash\") %}\n```bash\npython bench.py --limit 10\n```\n{% end %}\n\nDone.\n"}});
  REQUIRE(b.import(Engine::zola).ok());
  const std::string post = b.out("posts/bench.md");
  CHECK(post.find("```bash\npython bench.py --limit 10\n```") != std::string::npos);
  CHECK(post.find("{% codeblock") == std::string::npos);
  CHECK(post.find("{% end %}") == std::string::npos);
  Fixture z(Engine::zola);  // a theme's quote(author=): a blockquote with its source
  CHECK(z.zola("A\n\n{% quote(author=\"Sykes + Sturtevant, 1999\") %}\nThe new pressure drop\nis squared.\n{% end %}\n\nB") ==
        "A\n\n> The new pressure drop\n> is squared.\n>\n> — Sykes + Sturtevant, 1999\n\nB");
  CHECK(z.zola("{% quote(footer=\"[Horseless Carriages](https://koomen.dev/)\") %}\nA new technology.\n{% end %}") ==
        "> A new technology.\n>\n> — [Horseless Carriages](https://koomen.dev/)");
}

TEST_CASE("Eleventy: a config split in modules (require(\"./eleventy/config/passthrough\")) is read; a folder post's image named from the project's root is named from its folder") {
  Blog b("eleventy-modules", {{".eleventy.js", "const configurePassthrough = require(\"./eleventy/config/passthrough\");\n"
                                               "module.exports = async function (c) {\n  configurePassthrough(c);\n"
                                               "  return { dir: { input: \"src\", output: \"_site\" } };\n};\n"},
                              {"eleventy/config/passthrough.js", "function configurePassthrough(eleventyConfig) {\n"
                                                                 "  eleventyConfig.addPassthroughCopy({ \"src/assets\": \"assets\" });\n}\n"
                                                                 "module.exports = configurePassthrough;\n"},
                              {"src/assets/images/2023/10/cert.png", "PNG"},
                              {"src/posts/2023-10-03-nice.md", "---\ntitle: Nice\ndate: 2023-10-03\n---\n![Cert](/assets/images/2023/10/cert.png)\n"},
                              {"src/posts/07-cypress/index.md", "---\ntitle: Cypress\ndate: 2020-05-01\n---\n"
                                                                "{% figureElement 'src/posts/07-cypress/first.png', 'The first tests.' %}\n\n"
                                                                "![Second](src/posts/07-cypress/second.png)\n"},
                              {"src/posts/07-cypress/first.png", "PNG"},
                              {"src/posts/07-cypress/second.png", "PNG"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.wrote("static/assets/images/2023/10/cert.png"));
  const std::string post = b.out("posts/07-cypress/index.md");
  CHECK(post.find("(first.png") != std::string::npos);
  CHECK(post.find("](second.png)") != std::string::npos);
  CHECK(post.find("src/posts/") == std::string::npos);
  CHECK(b.wrote("posts/07-cypress/first.png"));
}

TEST_CASE("Jekyll: source: project in _config.yml is the site's folder: its static files at the root, the build's own files beside it left out") {
  Blog b("jekyll-source", {{"_config.yml", "title: Aesinv\nsource: project\ndestination: _dist\n"},
                           {"gulpfile.js", "require('gulp');\n"},
                           {"project/_posts/2016-06-10-respawn.md", "---\ntitle: Respawn\n---\n![Respawn](/img/game-respawn/screen.png)\n"},
                           {"project/img/game-respawn/screen.png", "PNG"},
                           {"project/about.md", "---\ntitle: About\n---\nMe.\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(b.report.posts == 1);
  CHECK(b.report.pages == 1);
  CHECK(b.wrote("static/img/game-respawn/screen.png"));
  CHECK_FALSE(b.wrote("static/project/img/game-respawn/screen.png"));
  CHECK_FALSE(b.wrote("static/gulpfile.js"));
}

TEST_CASE("Jekyll: Minimal Mistakes' {% include gallery id=... caption=... %} shows the front matter's images, linked to their full size") {
  Blog b("jekyll-gallery", {{"_config.yml", "title: G\n"},
                            {"_posts/2010-09-09-post-gallery.md", "---\ntitle: \"Post: Gallery\"\n"
                                                                  "gallery:\n  - url: /assets/images/g-1.jpg\n    image_path: /assets/images/g-1-th.jpg\n"
                                                                  "    alt: \"placeholder image 1\"\n    title: \"Image 1 title caption\"\n"
                                                                  "  - url: /assets/images/g-2.jpg\n    alt: \"placeholder image 2\"\n"
                                                                  "gallery2:\n  - url: https://example.com/a.jpg\n    image_path: https://example.com/a-th.jpg\n    alt: \"A\"\n---\n"
                                                                  "Intro.\n\n{% include gallery caption=\"This is a sample gallery with **Markdown support**.\" %}\n\n"
                                                                  "{% include gallery id=\"gallery2\" %}\n\n{% include gallery id=\"nothing\" %}\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  const std::string post = b.out("posts/2010-09-09-post-gallery.md");
  CHECK(post.find("[![placeholder image 1](/assets/images/g-1-th.jpg \"Image 1 title caption\")](/assets/images/g-1.jpg)\n"
                  "[![placeholder image 2](/assets/images/g-2.jpg)](/assets/images/g-2.jpg)\n\n"
                  "*This is a sample gallery with **Markdown support**.*") != std::string::npos);
  CHECK(post.find("[![A](https://example.com/a-th.jpg)](https://example.com/a.jpg)") != std::string::npos);
  CHECK(post.find("{% include gallery %}") == std::string::npos);
  CHECK(post.find("{% include gallery caption") == std::string::npos);
  CHECK(b.notes().find("{% include gallery id=\"nothing\" %}") != std::string::npos);  // no such list: named
}

TEST_CASE("Eleventy's {{ description }} and Jekyll's {{ page.description }} in a post are the front matter's text") {
  Blog e("eleventy-front-value", {{".eleventy.js", "module.exports = function () { return { dir: { input: \"src\" } }; };\n"},
                                  {"src/posts/2018-05-11-back-to-static.md", "---\ntitle: Back to static\n"
                                                                              "description: Towards the beginning of the year I had migrated.\n---\n"
                                                                              "{{ description }}\n\nAround that time, {{ date }}.\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  const std::string post = e.out("posts/2018-05-11-back-to-static.md");
  CHECK(post.find("\nTowards the beginning of the year I had migrated.\n\nAround that time") != std::string::npos);
  CHECK(post.find("{{ description }}") == std::string::npos);
  CHECK(post.find("{{ date }}") != std::string::npos);  // a date the old engine formatted: left, and reported
  Blog j("jekyll-front-value", {{"_config.yml", "title: J\n"},
                                {"_posts/2020-01-01-x.md", "---\ntitle: X\nsubtitle: A short one\n---\n> {{ page.subtitle }}\n\n{{ subtitle }}\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string x = j.out("posts/2020-01-01-x.md");
  CHECK(x.find("> A short one\n") != std::string::npos);
  CHECK(x.find("{{ subtitle }}") != std::string::npos);  // Liquid's bare name is no page key in Jekyll
}

TEST_CASE("Hugo: a page bundle outside the posts (content/about/index.md) is a page at its address, its files beside it in static/") {
  // AppleGamer22: pages/about/index.md was written, which the build never reads: the About page was lost without a word.
  Blog h("hugo-about-bundle", {{"hugo.toml", "baseURL = 'https://example.org/'\ntitle = 'T'\n"},
                               {"content/about/index.md", "---\ntitle: About\n---\n![me](me.png)\n"},
                               {"content/about/me.png", "PNG"},
                               {"content/posts/first.md", "---\ntitle: First\ndate: 2020-01-02\n---\nHi\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.pages == 1);
  CHECK(h.wrote("pages/about.md"));
  CHECK_FALSE(h.wrote("pages/about/index.md"));
  CHECK(h.wrote("static/about/me.png"));
  const quire::ContentResult built = quire::load_content(h.root / "out", {});
  REQUIRE(built.ok());
  REQUIRE(built.bundle.pages.size() == 1);
  CHECK(built.bundle.pages[0].slug == "about");
}

TEST_CASE("Hugo: build options: render: never (or headless) is left out, list: never is a page at its address") {
  // AppleGamer22's Congo talks (build: {render: never}) and moved stubs (build: {list: never}) were posts, in the feed.
  Blog h("hugo-build-options", {{"hugo.toml", "baseURL = 'https://example.org/'\ntitle = 'T'\n"},
                                {"content/posts/real.md", "---\ntitle: Real\ndate: 2020-01-02\n---\nBody.\n"},
                                {"content/posts/moved.md", "---\ntitle: Moved\nbuild: {list: never}\n---\nMoved to [here](/posts/real/).\n"},
                                {"content/posts/talk.md", "---\ntitle: Talk\ndate: 2021-03-04\nbuild: {render: never}\n---\n"},
                                {"content/posts/hidden.md", "+++\ntitle = 'Hidden'\ndate = 2021-05-06\n[_build]\nrender = false\nlist = false\n+++\nsecret\n"},
                                {"content/posts/parts/index.md", "---\nheadless: true\n---\n"},
                                {"content/posts/parts/one.md", "---\ntitle: One\n---\nPart\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(h.report.posts == 1);
  CHECK(h.wrote("posts/real.md"));
  CHECK_FALSE(h.wrote("posts/talk.md"));
  CHECK_FALSE(h.wrote("posts/hidden.md"));
  CHECK_FALSE(h.wrote("posts/parts/index.md"));
  const std::string moved = h.out("pages/moved.md");
  CHECK(holds(moved, "permalink: \"/posts/moved/\""));
  CHECK_FALSE(holds(moved, "date:"));  // no file time made up for it
  CHECK(holds(h.notes(), "talk.md: build: render: never (Hugo wrote no page for it): left out"));
  CHECK(holds(h.notes(), "parts/index.md: headless: true (Hugo wrote no page for it): left out"));
}

TEST_CASE("Hugo's old addresses: :sections is every nested section, paths lowercased, :title urlized, a page's slug with folders") {
  // yihui.org and apreshill: 27 old addresses were missing.
  Blog h("hugo-old-urls", {{"hugo.yaml", "baseURL: https://example.org/\ntitle: T\npermalinks:\n  cn: /:sections/:year/:month/:slug/\n"
                                          "  blog: /blog/:year-:month-:title/\n"},
                           {"content/blog/quarto.md", "---\ntitle: \"We don't  talk about Quarto!\"\ndate: 2022-04-04\n---\nQ\n"},
                           {"content/cn/2017-02-26-formatR.md", "---\ntitle: Mixed\ndate: 2017-02-26\nslug: formatR\n---\nM\n"},
                           {"content/cn/kids/2022-02-15-finals.md", "---\ntitle: Finals\ndate: 2022-02-15\nslug: finals\n---\nF\n"},
                           {"content/cn/kids/_index.md", "---\ntitle: Kids\n---\n"},
                           {"content/en-about.md", "---\ntitle: About\nslug: en/About\n---\nSee [vitae](../vitae/).\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("site.yaml"), "permalink: \"/blog/:year-:month-:title/\""));
  CHECK(holds(h.out("posts/quarto.md"), "slug: \"we-dont-talk-about-quarto\""));  // where Hugo put it: no alias needed
  CHECK(holds(h.out("posts/2017-02-26-formatR.md"), "\"/cn/2017/02/formatr/\""));
  CHECK(holds(h.out("posts/2022-02-15-finals.md"), "\"/cn/kids/2022/02/finals/\""));
  CHECK(holds(h.out("pages/en-about.md"), "permalink: \"/en/about/\""));
  CHECK_FALSE(holds(h.notes(), "en/About"));
  Blog kept("hugo-keep-case", {{"hugo.toml", "baseURL = 'https://example.org/'\ntitle = 'T'\ndisablePathToLower = true\n"
                                             "[permalinks]\ncn = '/:sections/:slug/'\n"},
                               {"content/cn/a.md", "---\ntitle: A\ndate: 2017-02-26\nslug: formatR\n---\nM\n"}});
  REQUIRE(kept.import(Engine::hugo).ok());
  CHECK(holds(kept.out("site.yaml"), "permalink: \"/cn/:slug/\""));
  CHECK_FALSE(holds(kept.out("posts/a.md"), "formatr"));  // at /cn/formatR/ as Hugo left it: no lowercase alias
}

TEST_CASE("Zola: paths_keep_dates keeps the date in the old address; ignored_content is not read; a theme's archive template page and year-0 dates") {
  // syncoda: every dated post's alias was an address Zola never wrote. jim60105 (Duckquill): archive.md, dated 0000-01-01,
  // was an empty post in year 0, and README.md, which ignored_content names, a page.
  Blog z("zola-keep-dates", {{"config.toml", "base_url = 'https://example.com'\ntitle = 'B'\n"
                                             "ignored_content = ['**/content/README.md', '*.{txt,xlsx}']\n[slugify]\npaths = 'safe'\npaths_keep_dates = true\n"},
                             {"content/_index.md", "+++\nsort_by = 'date'\n+++\n"},
                             {"content/posts/_index.md", "+++\nsort_by = 'date'\n+++\n"},
                             {"content/posts/2023-10-16-updater_fix.md", "+++\ntitle = 'Updater fix'\n+++\nText.\n"},
                             {"content/first.md", "+++\ntitle = 'First'\ndate = 2024-05-01\n+++\nHello.\n"},
                             {"content/archive.md", "+++\ntitle = 'Archive'\ndate = '0000-01-01T00:00:00.000Z'\ntemplate = 'archive.html'\n+++\n"},
                             {"content/privacy.md", "+++\ntitle = 'Privacy'\ndate = '0000-01-01T00:00:00.000Z'\n+++\nNo cookies.\n"},
                             {"content/README.md", "Notes for me.\n"},
                             {"content/words.txt", "cspell\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.out("posts/2023-10-16-updater_fix.md"), "aliases: [\"/posts/2023-10-16-updater_fix/\"]"));
  // A name the import slugifies (dots), under paths = "on": the date stays in the old address (BD103's).
  Blog d("zola-keep-dates-dots", {{"config.toml", "base_url = 'https://example.com'\n[slugify]\npaths_keep_dates = true\n"},
                                  {"content/blog/2025-03-19-lint-v0.2.0.md", "+++\ntitle = 'Lint'\n+++\nText.\n"}});
  REQUIRE(d.import(Engine::zola).ok());
  CHECK(holds(d.out("posts/2025-03-19-lint-v0.2.0.md"), "aliases: [\"/blog/2025-03-19-lint-v0-2-0/\"]"));
  CHECK_FALSE(z.wrote("posts/archive.md"));
  CHECK_FALSE(z.wrote("pages/archive.md"));
  CHECK(holds(z.notes(), "archive.md: a theme's archive page (template: archive.html)"));
  const std::string privacy = z.out("pages/privacy.md");
  CHECK(holds(privacy, "permalink: \"/privacy/\""));
  CHECK_FALSE(holds(privacy, "date:"));
  CHECK_FALSE(z.wrote("pages/README.md"));
  CHECK_FALSE(z.wrote("static/words.txt"));
  CHECK(z.report.posts == 2);
}

TEST_CASE("glob_match and hugo_urlize, as Zola's globset and Hugo's urlize") {
  using quire::import::glob_match;
  CHECK(glob_match("**/content/README.md", "/home/a/site/content/README.md"));
  CHECK_FALSE(glob_match("**/content/README.md", "/home/a/site/content/posts/README.md.bak"));
  CHECK(glob_match("*.{txt,xlsx}", "/x/y.xlsx"));
  CHECK(glob_match("*.[ch]", "/x/y.h"));
  CHECK_FALSE(glob_match("*.[!ch]", "/x/y.h"));
  CHECK(glob_match("a?c", "abc"));
  CHECK_FALSE(glob_match("a?c", "ac"));
  using quire::import::hugo_urlize;
  CHECK(hugo_urlize("We don't  talk about Quarto!") == "we-dont-talk-about-quarto");
  CHECK(hugo_urlize("It's Time for TLS 1.2") == "its-time-for-tls-1.2");
  CHECK(hugo_urlize("S/MIME - a  guide") == "s/mime-a-guide");
  // Go's IsLetter/IsDigit/IsMark (chroju's 技術・勉強全般 was at /categories/技術勉強全般/; 比尔·阿克曼, an emoji)
  CHECK(hugo_urlize("技術・勉強全般") == "技術勉強全般");
  CHECK(hugo_urlize("比尔·阿克曼") == "比尔阿克曼");
  CHECK(hugo_urlize("Café ☕ à Paris") == "café-à-paris");
  CHECK(hugo_path("技術・勉強全般") == "技術勉強全般");
  CHECK(hugo_urlize("Événements") == "événements");  // Go's strings.ToLower: every letter (Jibec's /fr/categories/événements/)
  CHECK(hugo_urlize("Ärger Über") == "ärger-über");
  CHECK(hugo_urlize("Événements", false) == "Événements");
  CHECK(hugo_urlize("C++ (fast)") == "c++-fast");
  CHECK(hugo_urlize("日本語：テスト") == "日本語テスト");
}

TEST_CASE("Eleventy: a permalink function in folder data (an arrow with a date helper, eleventyComputed's function) gives the posts' pattern; one it cannot follow is said") {
  // jameshfisher's 566 posts and chriskirknielsen's 24 lost their old addresses without a word.
  Blog a("eleventy-permalink-fn", {{"eleventy.config.js", "export default function (eleventyConfig) {}\n"},
                                   {"posts/2024-03-01-hello.md", "---\ntitle: Hello\n---\nHi.\n"},
                                   {"posts/posts.11tydata.js",
                                    "function formatDate(date) { return date.toISOString().slice(0, 10).replace(/-/g, \"/\"); }\n"
                                    "export default { tags: [\"posts\"], permalink: (data) => `/${formatDate(data.page.date)}/${data.page.fileSlug}/index.html` };\n"}});
  REQUIRE(a.import(Engine::eleventy).ok());
  CHECK(holds(a.out("posts/2024-03-01-hello.md"), "permalink: \"/:year/:month/:day/:slug/\""));
  Blog c("eleventy-computed-fn", {{".eleventy.js", "module.exports = function () { return { dir: { input: 'src' } }; };\n"},
                                  {"src/blog/hello.md", "---\ntitle: Hello\ndate: 2024-03-01\n---\nHi.\n"},
                                  {"src/blog/blog.11tydata.js",
                                   "module.exports = { eleventyComputed: { permalink: function (data) { return `blog/${this.slug(data.slug || data.page.fileSlug)}/index.html`; } } };\n"}});
  REQUIRE(c.import(Engine::eleventy).ok());
  CHECK(holds(c.out("posts/hello.md"), "permalink: \"/blog/:slug/\""));
  Blog u("eleventy-permalink-unknown", {{"eleventy.config.js", "export default function () {}\n"},
                                       {"posts/hello.md", "---\ntitle: Hello\ndate: 2024-03-01\n---\nHi.\n"},
                                       {"posts/posts.11tydata.js", "export default { permalink: (data) => `/${data.lang}/${data.page.fileSlug}/` };\n"}});
  REQUIRE(u.import(Engine::eleventy).ok());
  CHECK(holds(u.notes(), "posts.11tydata.js: permalink: a function of the post's data the import cannot follow"));
  // The posts were never at Eleventy's default address either: no alias
  // for it (raniz.blog's and benji's 1,117 "old URLs kept" were all wrong).
  CHECK_FALSE(holds(u.out("posts/hello.md"), "aliases"));
  CHECK(u.report.converted.count("old URL kept as an alias") == 0);
  // The day inline, before an underscore (raniz.blog's 37 posts at /2023-03-09_tdd-bowling/).
  Blog r("eleventy-permalink-iso-day", {{".eleventy.js", "module.exports = () => ({ dir: { input: 'src' } });\n"},
                                        {"src/posts/2023/tdd/index.md", "---\ntitle: TDD\ndate: 2023-03-09\n---\nHi.\n"},
                                        {"src/posts/posts.11tydata.js",
                                         "module.exports = { eleventyComputed: { permalink: (data) => "
                                         "`${data.page.date.toISOString().slice(0, 10)}_${data.page.fileSlug}/index.html` } };\n"}});
  REQUIRE(r.import(Engine::eleventy).ok());
  CHECK(holds(r.out("posts/tdd/index.md"), "permalink: \"/:year-:month-:day_:slug/\""));
  CHECK_FALSE(holds(r.notes(), "cannot follow"));
  // Locals, the date split into folders and the title made a slug by the slugify package
  // (equk's 139 posts: 12 had kept their address); an empty slug: key is none.
  Blog e("eleventy-permalink-title", {{"eleventy.config.js", "export default function () { return { dir: { input: 'src' } }; }\n"},
                                      {"src/posts/posts.11tydata.js",
                                       "import slugify from 'slugify'\nexport default { eleventyComputed: {\n  permalink(data) {\n"
                                       "    if (data.permalink) { return data.permalink }\n    const { date } = data.page\n"
                                       "    const dateURL = date.toISOString().split('T')[0].split('-').join('/')\n"
                                       "    const titleSlug = slugify(data.title, { lower: true })\n    return `${dateURL}/${titleSlug}/`\n  } } }\n"},
                                      {"src/posts/2023-07-13-live.md", "---\ntitle: 11ty Site Now Live\nslug:\ndate: 2023-07-13\n---\nA\n"},
                                      {"src/posts/2020-01-02-panic.md", "---\ntitle: \"Don't panic!\"\ndate: 2020-01-02\n---\nB\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  const std::string live = e.out("posts/2023-07-13-live.md");
  CHECK(holds(live, "slug: \"11ty-site-now-live\""));
  CHECK(holds(live, "permalink: \"/:year/:month/:day/:title/\""));
  const std::string panic = e.out("posts/2020-01-02-panic.md");
  CHECK(holds(panic, "slug: \"don-t-panic\""));
  CHECK(holds(panic, "aliases: [\"/2020/01/02/don't-panic!/\"]"));
}

TEST_CASE("Eleventy: an image named from the post's source folder is at its passthrough copy's address") {
  // equk's 43 images (../_media/images/a.png, resolved from src/posts/ by its image plugin).
  Blog b("eleventy-source-relative", {{"eleventy.config.js", "export default function (c) { c.addPassthroughCopy({ './src/_media/images': '/media/images' });\n"
                                                              "  return { dir: { input: 'src' } }; }\n"},
                                      {"src/posts/2023-07-13-live.md", "---\ntitle: Live\n---\n![a](../_media/images/a.png) <img src=\"../../src/_media/images/2011/b.jpg\"> [c](../_media/missing.png)\n"},
                                      {"src/_media/images/a.png", "PNG"}, {"src/_media/images/2011/b.jpg", "JPG"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(b.wrote("static/media/images/a.png"));
  CHECK(holds(b.out("posts/2023-07-13-live.md"), "![a](/media/images/a.png) <img src=\"/media/images/2011/b.jpg\"> [c](../_media/missing.png)"));
}

TEST_CASE("Eleventy: a template's tag pages and the base blog's archive get redirects to Quire's") {
  // allenpike's /series/<tag>/ (21 pages) and /series/; ahl's and clhenrick's /blog/ archive.
  Blog b("eleventy-list-redirects", {{"eleventy.config.js", "export default function (c) {}\n"},
                                     {"series.njk", "---\npagination:\n  data: collections\n  size: 1\n  alias: tag\n"
                                                    "permalink: /series/{{ tag | slugify }}/\n---\n<h1>{{ tag }}</h1>\n"},
                                     {"blog.njk", "---\nlayout: base\n---\n{% set postslist = collections.posts %}\n{% include 'postslist.njk' %}\n"},
                                     {"feed.njk", "---\npermalink: /feed.xml\n---\n{% for post in collections.posts %}{% endfor %}\n"},
                                     // billhorsman's Netlify file listing the posts: a file, no page
                                     {"redirects.njk", "---\npermalink: /_redirects\n---\n{% for post in collections.posts %}{% endfor %}\n"},
                                     {"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [posts, Für Alle, podcasts]\n---\nA\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string site = b.out("site.yaml");
  CHECK(holds(site, "  \"/blog/\": \"/archive/\"\n"));
  CHECK(holds(site, "  \"/series/\": \"/tags/\"\n"));
  CHECK(holds(site, "  \"/series/podcasts/\": \"/tags/podcasts/\"\n"));
  CHECK(holds(site, "  \"/series/fuer-alle/\": \"/tags/für-alle/\"\n"));
  CHECK_FALSE(holds(site, "/series/posts/"));  // a collection, no tag of a post's
  CHECK_FALSE(holds(site, "feed.xml\": "));
  CHECK_FALSE(holds(site, "_redirects"));
  const auto built = quire::load_content(b.root / "out", {});
  CHECK_MESSAGE(built.errors.empty(), (built.errors.empty() ? std::string() : built.errors[0].str()));
}

TEST_CASE("Eleventy: tag pages by the older slug filter were at addresses keeping _ and . (simov's slugify)") {
  // henrik's /tag/acts_as_solr/, /tag/pages.app/, /tag/simple_form/: redirects had gone to /tag/simple-form/.
  Blog b("eleventy-slug-filter", {{"eleventy.config.js", "export default function (c) {}\n"},
                                  {"tag.njk", "---\npagination:\n  data: collections\n  size: 1\n  alias: tag\n"
                                              "permalink: /tag/{{ tag | slug }}/\n---\n{{ tag }}\n"},
                                  {"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [simple_form, Node.js, C++ & Rust, Café Crème]\n---\nA\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string site = b.out("site.yaml");
  CAPTURE(site);
  CHECK(holds(site, "  \"/tag/simple_form/\": \"/tags/simple-form/\"\n"));
  CHECK(holds(site, "  \"/tag/node.js/\": \"/tags/node-js/\"\n"));
  CHECK(holds(site, "  \"/tag/c++-and-rust/\": \"/tags/"));
  CHECK(holds(site, "  \"/tag/cafe-creme/\": \"/tags/"));
  const auto built = quire::load_content(b.root / "out", {});
  CHECK_MESSAGE(built.errors.empty(), (built.errors.empty() ? std::string() : built.errors[0].str()));
}

TEST_CASE("Eleventy: tag pages by the site's own filter redirect as slugify would name them, and that is said") {
  // kpwags's 959 /tag/x/ pages ({{ tag | tagUrlSlug }}) were lost without a warning.
  Blog b("eleventy-own-tag-filter", {{"eleventy.config.js", "export default function (c) { c.addFilter('tagUrlSlug', (t) => t.toLowerCase()); }\n"},
                                     {"tag.njk", "---\npagination:\n  data: collections\n  size: 1\n  alias: tag\n"
                                                 "permalink: /tag/{{ tag | tagUrlSlug }}/\n---\n{{ tag }}\n"},
                                     {"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [unit testing]\n---\nA\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK(holds(b.out("site.yaml"), "  \"/tag/unit-testing/\": \"/tags/unit-testing/\"\n"));
  CHECK(holds(b.notes(), "tag.njk: tag pages at /tag/{{ tag | tagUrlSlug }}/: the site's own filter tagUrlSlug is not run"));
}

TEST_CASE("Eleventy with eleventy-plugin-youtube-embed: a YouTube URL alone on its line is the player") {
  // ahl's 20 videos in 5 posts were links.
  Blog b("eleventy-youtube-embed", {{"eleventy.config.js", "import embedYouTube from 'eleventy-plugin-youtube-embed';\n"
                                                            "export default function (c) { c.addPlugin(embedYouTube); }\n"},
                                    {"posts/talks.md", "---\ntitle: Talks\ndate: 2024-04-30\n---\nAll recorded:\n\nhttps://youtu.be/8jBu1A-ol-Q\n\n"
                                                       "See https://www.youtube.com/watch?v=J10nd1UdSys too.\n\n    https://youtu.be/8jBu1A-ol-Q\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string talks = b.out("posts/talks.md");
  CHECK(holds(talks, "\n\n<iframe src=\"https://www.youtube-nocookie.com/embed/8jBu1A-ol-Q\""));
  CHECK(holds(talks, "See https://www.youtube.com/watch?v=J10nd1UdSys too."));  // in a sentence: a link, as the plugin left it
  CHECK(holds(talks, "    https://youtu.be/8jBu1A-ol-Q\n"));  // code
}

TEST_CASE("Eleventy and Jekyll: the hosts of the posts' iframes join the build's own in site.yaml's iframe_hosts, said in the report") {
  // mbarker84's css-irl: 35 CodePen demos (<iframe src="//codepen.io/...">) vanished, the build keeping iframes from
  // YouTube and Vimeo only, and no iframe_hosts was written.
  Blog e("eleventy-iframe-hosts", {{".eleventy.js", "module.exports = function () { return { dir: { input: \"src\" } } }\n"},
                                   {"src/posts/demo.md", "---\ntitle: Grid demo\ndate: 2020-05-01\n---\n\n"
                                                         "<iframe height=\"300\" src=\"https://codepen.io/someone/embed/abcdEF?default-tab=result\"></iframe>\n\n"
                                                         "<IFRAME src='//CodePen.io/b/embed/x'></IFRAME>\n\n"
                                                         "<iframe src=\"https://www.youtube.com/embed/x\"></iframe>\n\n"
                                                         "<iframe src=\"http://plain.example/x\"></iframe>\n\n"
                                                         "```html\n<iframe src=\"https://in-code.example/\"></iframe>\n```\n"},
                                   {"src/posts/deck.md", "---\ntitle: Deck\ndate: 2020-06-01\n---\n"
                                                         "<iframe src=\"https://www.slideshare.net/slideshow/embed_code/1\" width=\"500\"></iframe>\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(holds(e.out("site.yaml"), "\niframe_hosts: [\"www.youtube-nocookie.com\",\"www.youtube.com\",\"player.vimeo.com\","
                                  "\"codepen.io\",\"www.slideshare.net\"]\n"));
  CHECK(e.report.converted["an iframe from codepen.io: its host added to site.yaml's iframe_hosts, beside the build's own "
                           "(YouTube's, Vimeo's); take it out there to refuse it"] == 2);
  CHECK(e.report.converted["an iframe from www.slideshare.net: its host added to site.yaml's iframe_hosts, beside the "
                           "build's own (YouTube's, Vimeo's); take it out there to refuse it"] == 1);
  const std::string yaml = e.out("site.yaml");
  CHECK_FALSE(holds(yaml, "plain.example"));  // http: not what the build loads it over
  CHECK_FALSE(holds(yaml, "in-code.example"));
  // The build reads the list and keeps the demos.
  quire::Site site;
  std::vector<Diagnostic> errors, warnings;
  quire::parse_site_yaml(yaml, "site.yaml", site, errors, warnings);
  CHECK(errors.empty());
  CHECK(site.iframe_hosts == std::string(quire::kDefaultIframeHosts) + " codepen.io www.slideshare.net");

  // Only the build's own hosts: no iframe_hosts.
  Blog j("jekyll-iframe-hosts", {{"_config.yml", "title: T\n"},
                                 {"_posts/2020-01-01-v.md", "---\ntitle: V\n---\n<iframe src=\"https://player.vimeo.com/video/1\"></iframe>\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK_FALSE(holds(j.out("site.yaml"), "iframe_hosts"));
}

TEST_CASE("Eleventy: a cover key holding text is the description, not an image; redirectFrom lists old addresses") {
  // clhenrick's 25 teasers became broken og:images; its redirectFrom (about 40 old URLs) was left out.
  Blog b("eleventy-teaser-redirects", {{"eleventy.config.js", "export default function (c) {}\n"},
                                       {"posts/oklch.md", "---\ntitle: OKLCH\ndate: 2024-09-01\n"
                                                          "teaser: \"Creating color palettes in CSS.\"\n"
                                                          "redirectFrom: [/oklch.html, /oklch/]\n---\nBody.\n"},
                                       {"posts/photo.md", "---\ntitle: Photo\ndate: 2024-09-02\nteaser: /img/my photo.jpg\n---\nBody.\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string oklch = b.out("posts/oklch.md");
  CHECK(holds(oklch, "description: \"Creating color palettes in CSS.\""));
  CHECK_FALSE(holds(oklch, "image:"));
  CHECK(holds(oklch, "redirect_from: [\"/oklch.html\",\"/oklch/\"]"));
  CHECK(holds(b.out("posts/photo.md"), "image: \"/img/my photo.jpg\""));
}

TEST_CASE("Eleventy: a folder data value with template syntax is left out and said, not shown under every post") {
  // baptiste-roullin's 111 posts showed "by {{ meta.author }}".
  Blog b("eleventy-data-template", {{"eleventy.config.js", "export default function () { return { dir: { input: 'src' } }; }\n"},
                                    {"src/posts/posts.11tydata.js", "export default { layout: 'post', author: '{{ meta.author }}', lang: 'fr' };\n"},
                                    {"src/posts/2012-05-30-aero.md", "---\ntitle: Aero\n---\nText.\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK_FALSE(holds(b.out("posts/2012-05-30-aero.md"), "meta.author"));
  CHECK(holds(b.notes(), "posts.11tydata.js: author: {{ meta.author }}: template syntax in a data value"));
}

TEST_CASE("Eleventy: dir.input named by a constant; a permalink with another front-matter value and slugify") {
  // chriskirknielsen: const rootDir = 'src' ... input: rootDir; the site's title, url and author were lost.
  Blog d("eleventy-dir-const", {{".eleventy.js", "const rootDir = 'src';\nmodule.exports = function () { return { dir: { input: rootDir, output: '_site' } }; };\n"},
                                {"src/_data/metadata.json", "{ \"title\": \"My Blog\", \"url\": \"https://example.com/\", \"author\": { \"name\": \"Ann\" } }\n"},
                                {"src/posts/hello.md", "---\ntitle: Hello\ndate: 2024-03-01\ntags: [post]\n---\nHi.\n"}});
  REQUIRE(d.import(Engine::eleventy).ok());
  CHECK(holds(d.out("site.yaml"), "title: \"My Blog\""));
  CHECK(holds(d.out("site.yaml"), "url: \"https://example.com\""));
  CHECK_FALSE(holds(d.out("posts/hello.md"), "/src/"));
  // _data/meta.js naming the site `name` (allenpike's: its site.yaml had no title or url)
  Blog m("eleventy-meta-js", {{"eleventy.config.js", "module.exports = function () {};\n"},
                              {"_data/meta.js", "module.exports = {\n  name: \"Allen Pike\",\n  url: \"https://allenpike.com\",\n};\n"},
                              {"posts/hello.md", "---\ntitle: Hello\ndate: 2024-03-01\n---\nHi.\n"}});
  REQUIRE(m.import(Engine::eleventy).ok());
  CHECK(holds(m.out("site.yaml"), "title: \"Allen Pike\""));
  CHECK(holds(m.out("site.yaml"), "url: \"https://allenpike.com\""));
  // Named exports (the Eleventy Excellent starter's meta.js, cyberweekly's "Untitled blog")
  Blog x("eleventy-meta-named", {{"eleventy.config.js", "export default function () { return { dir: { input: 'src' } }; }\n"},
                                 {"src/_data/meta.js", "export const url = process.env.URL || 'https://cyberweekly.net';\n"
                                                       "export const siteName = 'Cyberweekly';\nexport const siteDescription = 'A weekly roundup';\n"
                                                       "export const author = {\n  name: 'Michael', // the author\n};\n"},
                                 {"src/posts/hello.md", "---\ntitle: Hello\ndate: 2024-03-01\n---\nHi.\n"}});
  REQUIRE(x.import(Engine::eleventy).ok());
  CHECK(holds(x.out("site.yaml"), "title: \"Cyberweekly\""));
  CHECK(holds(x.out("site.yaml"), "description: \"A weekly roundup\""));
  CHECK(holds(x.out("site.yaml"), "author: \"Michael\""));
  CHECK_FALSE(holds(x.notes(), "meta.js"));
  // fromjason: "/p/{{ sub | slugify }}/{{ title | slugify }}/" with sub: notebook in each post.
  Blog f("eleventy-permalink-value", {{"eleventy.config.js", "export default function (c) {}\n"},
                                      {"posts/posts.11tydata.json", "{ \"tags\": [\"posts\"], \"permalink\": \"/p/{{ sub | slugify }}/{{ title | slugify }}/\" }\n"},
                                      {"posts/hello.md", "---\ntitle: Hello World\ndate: 2024-03-01\nsub: Note Book\n---\nHi.\n"}});
  REQUIRE(f.import(Engine::eleventy).ok());
  CHECK(holds(f.out("posts/hello.md"), "permalink: \"/p/note-book/hello-world/\""));
}

TEST_CASE("Jekyll: a block element whole on its line ends there, as kramdown's HTML block did: the caption under it is markdown") {
  // MrBlahhhh (TeXt): "*Drone chase.*" under a <div><iframe ...></iframe></div> line showed with its asterisks.
  Blog j("jekyll-div-line", {{"_config.yml", "title: T\n"},
                             {"_posts/2020-01-02-caption.md", "---\ntitle: Caption\n---\n"
                                                              "<div><iframe src=\"https://www.youtube-nocookie.com/embed/x\"></iframe></div>\n*Drone chase.*\n\n"
                                                              "<div class=\"a\">\n*kept inside*\n</div>\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string post = j.out("posts/2020-01-02-caption.md");
  CHECK(holds(post, "</iframe></div>\n\n*Drone chase.*\n"));
  CHECK(holds(post, "<div class=\"a\">\n*kept inside*\n</div>"));  // not whole on its line: as it was
}

TEST_CASE("YAML front matter with a quote that never closes is an error at its line, in the import and in the build") {
  // yaml-cpp read `title: "unterminated` to the end, the next keys in the title; Psych (Jekyll) refuses it.
  CHECK(unclosed_quote_line("title: \"unterminated\ntags: [a, b\n") == 0);
  CHECK(unclosed_quote_line("a: 1\nb: 'it''s\n") == 1);
  CHECK(unclosed_quote_line("title: \"two\n  lines\"\ntags: ['a', \"b\"]\n") == -1);
  CHECK(unclosed_quote_line("title: Don't stop\nsummary: |\n  \"quoted\n  text\nx: 1 # it's a comment\n") == -1);
  CHECK(unclosed_quote_line("list:\n  - \"a\\\"b\"\n  - 'c'\n") == -1);
  // jplummer's and benbalter's: a quote inside a plain text, a comma after it (Psych reads it as text)
  CHECK(unclosed_quote_line("description: I blurted out \"supportive,\" not having\ntitle: it 'b,' c\n") == -1);
  CHECK(unclosed_quote_line("tags: [a, \"b, c\",\n  'd']\nx: {k: \"v\", w: 'open}\n") == 2);
  Blog j("jekyll-unclosed-quote", {{"_config.yml", "title: T\n"},
                                   {"_posts/2020-01-01-bad.md", "---\ntitle: \"unterminated\ntags: [a, b\n---\nx\n"}});
  j.import(Engine::jekyll);
  CHECK(holds(j.notes(), "2020-01-01-bad.md:2: invalid YAML: a quoted text opens on this line and never closes"));
  std::vector<Diagnostic> errors, warnings;
  quire::parse_post("---\ntitle: ok\ndescription: \"open\ndate: 2020-01-01\n---\nx\n", "content/posts/x.md", errors, warnings, {});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 3);
}

TEST_CASE("a link to another post's bundled file, by the old address or by the source's relative path, follows the file to its post's new folder") {
  // jim60105 (Zola): 30 images of other posts' folders broke; AppleGamer22 (Hugo): a gif of a bundle that moved.
  Blog z("zola-cross-post-asset", {{"config.toml", "base_url = 'https://example.com'\ntitle = 'Blog'\n"},
                                   {"content/_index.md", "+++\nsort_by = 'date'\n+++\n"},
                                   {"content/Koikatu/_index.md", "+++\ntransparent = true\n+++\n"},
                                   {"content/Livestream/_index.md", "+++\ntransparent = true\n+++\n"},
                                   {"content/Koikatu/guide/index.md", "+++\ntitle = 'Guide'\ndate = 2020-01-01\n+++\n![shot](1.png)\n"},
                                   {"content/Koikatu/guide/1.png", "PNG"},
                                   {"content/Livestream/install/index.md",
                                    "+++\ntitle = 'Install'\ndate = 2020-02-01\n+++\nAbsolute: ![a](/Koikatu/guide/1.png)\n\n"
                                    "Relative: ![b](../../Koikatu/guide/1.png \"B\")\n\n<img src=\"/Koikatu/guide/1.png\">\n\n`![c](/Koikatu/guide/1.png)`\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  const std::string install = z.out("posts/install/index.md");
  CHECK(holds(install, "![a](/posts/guide/1.png)"));
  CHECK(holds(install, "![b](/posts/guide/1.png \"B\")"));
  CHECK(holds(install, "<img src=\"/posts/guide/1.png\">"));
  CHECK(holds(install, "`![c](/Koikatu/guide/1.png)`"));  // code: as it was
  CHECK(holds(z.out("posts/guide/index.md"), "![shot](1.png)"));  // its own file: relative still
  CHECK(z.wrote("posts/guide/1.png"));
}

TEST_CASE("Eleventy and Jekyll: {% raw %} markers glued to a code fence go before the fence is read, so the text after the code converts") {
  // chriskirknielsen: "{% endraw %}```" closed no fence, and the callouts after it showed as {% callout %}.
  Blog e("eleventy-endraw-fence", {{"eleventy.config.js", "export default function (c) {\n  c.addPairedShortcode(\"callout\", (content) => `<div class=\"callout\">${content}</div>`);\n}\n"},
                                   {"posts/hello.md", "---\ntitle: Hello\ndate: 2024-03-01\n---\nBefore.\n\n```njk{% raw %}\n{{ post.title }}\n{% endraw %}```\n\n"
                                                      "{% callout %}A note after the code.{% endcallout %}\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  const std::string post = e.out("posts/hello.md");
  CHECK(holds(post, "```njk\n{{ post.title }}\n```\n"));
  CHECK_FALSE(holds(post, "{% callout %}"));
  CHECK(holds(post, "A note after the code."));
}

TEST_CASE("Hugo: :slug without a slug key is the title made a URL (accents removed under removePathAccents): the post stays where Hugo put it") {
  // poolp.org: 102 bundles named by date moved to /posts/2019-12-01/2019-12-01/; fljdin: /les-types-hierarchiques/ broke.
  Blog h("hugo-slug-title", {{"hugo.toml", "baseURL = 'https://example.org/'\ntitle = 'T'\n[permalinks]\nposts = '/posts/:year-:month-:day/:slug/'\n"},
                             {"content/posts/2019-12-01/index.md", "---\ntitle: SPF-aware greylisting and filter-greylist\ndate: 2019-12-01\n---\nText\n"},
                             {"content/posts/own.md", "---\ntitle: Own Slug\nslug: mine\ndate: 2019-12-02\n---\nText\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string bundle = h.out("posts/2019-12-01/index.md");
  CHECK(holds(bundle, "slug: \"spf-aware-greylisting-and-filter-greylist\""));
  CHECK_FALSE(holds(bundle, "aliases"));
  CHECK(holds(h.out("posts/own.md"), "slug: \"mine\""));
  Blog a("hugo-remove-accents", {{"hugo.yaml", "baseURL: https://example.org/\ntitle: T\nremovePathAccents: true\npermalinks:\n  posts: /:year/:month/:day/:slug/\n"},
                                 {"content/posts/types.md", "---\ntitle: \"Les types hiérarchiques\"\ndate: 2024-09-19\n---\nBody.\n"}});
  REQUIRE(a.import(Engine::hugo).ok());
  CHECK(holds(a.out("posts/types.md"), "slug: \"les-types-hierarchiques\""));
}

TEST_CASE("a post's permalink at an address Quire writes (permalink: tags) is left out; a Zola feed at /feed.xml is Quire's own") {
  // miklb's 581-post Jekyll blog and blog.rust-lang.org (Zola) imported, then failed to build.
  Blog j("jekyll-permalink-tags", {{"_config.yml", "title: T\n"},
                                   {"_posts/2006-04-30-tags.markdown", "---\ntitle: Tags\npermalink: tags\n---\n"},
                                   {"_posts/2006-05-01-x.md", "---\ntitle: X\n---\nx\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK_FALSE(holds(j.out("posts/2006-04-30-tags.md"), "permalink"));
  CHECK(holds(j.notes(), "permalink: \"tags\" is the tag pages /tags/ Quire writes itself"));
  CHECK(quire::load_content(j.root / "out", {}).ok());
  Blog z("zola-feed-xml", {{"config.toml", "base_url = 'https://z.example'\ntitle = 'Z'\ngenerate_feeds = true\nfeed_filenames = ['feed.xml', 'releases.json']\n"},
                           {"content/_index.md", "+++\nsort_by = 'date'\n+++\n"},
                           {"content/a.md", "+++\ntitle = 'A'\ndate = 2020-01-01\n+++\nA\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.out("site.yaml"), "old_feeds: [\"/releases.json\"]"));
  CHECK(quire::load_content(z.root / "out", {}).ok());
}

TEST_CASE("Eleventy: the config's own date filters are read with their format") {
  Blog e("eleventy-own-date-filter",
         {{".eleventy.js", "const { DateTime } = require('luxon');\nmodule.exports = function (c) {\n"
                           "  c.addFilter('slugDate', (d) => DateTime.fromJSDate(d, { zone: 'utc' }).toFormat('y/MM'));\n"
                           "  c.addFilter('two', (d, f) => DateTime.fromJSDate(d).toFormat(f));\n"
                           "  c.addNunjucksFilter(\"readable\", function (d) { return dayjs(d).format(\"D MMMM YYYY\"); });\n"
                           "  return { dir: { input: 'site' } };\n};\n"},
          {"site/_includes/post.njk", "---\npermalink: \"/{{ page.date | slugDate }}/{{ page.fileSlug }}/index.html\"\n---\n{{ content }}\n"},
          {"site/posts/posts.json", "{ \"layout\": \"post.njk\" }"},
          {"site/posts/2006-07-16-one.md", "---\ntitle: One\n---\nOne\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(holds(e.out("posts/2006-07-16-one.md"), "permalink: \"/:year/:month/one/index.html\""));
}

TEST_CASE("Eleventy: a page per term over the config's collection of terms with urls redirects its old pages to Quire's") {
  // LJWatson's tags.md and categories.md at /tag/<x>/ and /category/<x>/ (32 tags; 12 links).
  Blog e("eleventy-term-urls",
         {{"eleventy.config.js", "import slugify from 'slugify';\nexport default config => {\n"
                                 "  config.addCollection('tags', c => { const items = [];\n"
                                 "    c.getAll().forEach(item => (item.data.tags || []).forEach(t => items.push(t)));\n"
                                 "    return [...new Set(items)].map(item => ({ text: item, url: `/tag/${slugify(item.toLowerCase())}` })); });\n"
                                 "  config.addCollection('categories', c => { const items = [];\n"
                                 "    c.getAll().forEach(item => (item.data.categories || []).forEach(t => items.push(t)));\n"
                                 "    return [...new Set(items)].map(item => ({ text: item, url: `/category/${slugify(item.toLowerCase())}` })); });\n"
                                 "  return { dir: { input: 'src' } };\n};\n"},
          {"src/tags.md", "---\ntitle: Tag Archive\npagination:\n  data: collections.tags\n  size: 1\n  alias: taxonomy\n"
                          "permalink: '{{ taxonomy.url }}/index.html'\n---\n"},
          {"src/categories.md", "---\ntitle: Categories\npagination:\n  data: collections.categories\n  size: 1\n  alias: cat\n"
                                "permalink: '{{ cat.url }}/index.html'\n---\n"},
          {"src/posts/2009-02-01-a.md", "---\ntitle: A\ntags: [\"Web Standards\"]\ncategories: [Recipe Book]\n---\nA\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  const std::string site = e.out("site.yaml");
  CHECK(holds(site, "\"/tag/web-standards/\": \"/tags/web-standards/\""));
  CHECK(holds(site, "\"/category/recipe-book/\": \"/tags/recipe-book/\""));
  CHECK_FALSE(e.wrote("pages/tags.md"));
  CHECK(holds(e.notes(), "tags.md: a page per term (/tag/...)"));
  CHECK(quire::load_content(e.root / "out", {}).ok());
}

TEST_CASE("Eleventy: a feed written by hand as a template is an old feed, where Eleventy wrote it") {
  // allenpike's feed/index.html and atom/index.html (Atom by hand, no plugin).
  Blog e("eleventy-feed-templates", {{".eleventy.js", "module.exports = function () {};\n"},
                                     {"feed/index.html", "---\neleventyExcludeFromCollections: true\n---\n<?xml version=\"1.0\"?>\n"
                                                         "<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>{{ site.title }}</title></feed>\n"},
                                     {"rss.njk", "---\npermalink: rss.xml\n---\n\n<?xml version=\"1.0\"?><rss version=\"2.0\"></rss>\n"},
                                     {"about.njk", "---\ntitle: About\n---\n<h1>About</h1>\n"},
                                     {"posts/2020-01-01-a.md", "---\ntitle: A\n---\nA\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(holds(e.out("site.yaml"), "old_feeds: [\"/feed/\",\"/rss.xml\"]"));
  CHECK(holds(e.notes(), "feed/index.html:1: a feed template"));
  CHECK(holds(e.notes(), "about.njk:1: a page in Nunjucks"));
  CHECK(quire::load_content(e.root / "out", {}).ok());
}

TEST_CASE("Eleventy: a dated index (posts/x/2017-03-08-index.md) is a bundle whose fileSlug is its folder; the config --config names; collections by any glob") {
  // maxboeck: 51 posts at /blog/index/ (then index-2...), their media lost; 49 notes pages.
  Blog m("eleventy-dated-index", {{"eleventy.config.js", "const CONTENT_GLOBS = { notes: 'src/notes/*.md' };\n"
                                                         "export default function (c) {\n  c.addCollection('notes', (k) => k.getFilteredByGlob(CONTENT_GLOBS.notes));\n"
                                                         "  return { dir: { input: 'src' } };\n}\n"},
                                  {"src/posts/posts.json", "{ \"permalink\": \"blog/{{ page.fileSlug }}/index.html\" }\n"},
                                  {"src/posts/first-post/2017-03-08-index.md", "---\ntitle: First\n---\n![cat](cat.png)\n"},
                                  {"src/posts/first-post/cat.png", "PNG"},
                                  {"src/notes/2018-12-02.md", "---\ntitle: A note\ndate: 2018-12-02\n---\nN\n"}});
  REQUIRE(m.import(Engine::eleventy).ok());
  const std::string first = m.out("posts/first-post/index.md");
  CHECK(holds(first, "date: 2017-03-08"));
  CHECK(holds(first, "permalink: \"/blog/first-post/"));
  CHECK(m.wrote("posts/first-post/cat.png"));
  CHECK(m.wrote("posts/2018-12-02.md"));  // a post of the notes collection
  // alexcarpenter: `eleventy --config=_eleventy/config.js`, a ** glob
  Blog a("eleventy-config-flag", {{"package.json", "{ \"scripts\": { \"build\": \"eleventy --config=_eleventy/config.js\" } }\n"},
                                  {"_eleventy/config.js", "module.exports = function (c) {\n  c.addCollection('casts', (k) => k.getFilteredByGlob('**/screencasts/*.md'));\n"
                                                          "  return { dir: { input: 'src' } };\n};\n"},
                                  {"src/_data/site.json", "{}"},
                                  {"src/_data/metadata.json", "{ \"title\": \"Alex\", \"url\": \"https://a.example/\" }\n"},
                                  {"src/screencasts/2017-11-24-ratio.md", "---\ntitle: Ratio\ndate: 2017-11-24\n---\nR\n"}});
  REQUIRE(a.import(Engine::eleventy).ok());
  CHECK(holds(a.out("site.yaml"), "title: \"Alex\""));
  CHECK(a.wrote("posts/2017-11-24-ratio.md"));
  CHECK_FALSE(holds(a.out("posts/2017-11-24-ratio.md"), "/src/"));
}

TEST_CASE("Eleventy: draft: true is a draft only when the config reads drafts; else Eleventy published it") {
  // hawksworx: better-than-perfect.md, published by Eleventy, was left out.
  Blog h("eleventy-draft-key", {{"eleventy.config.js", "export default function (c) {}\n"},
                                {"posts/better.md", "---\ntitle: Better\ndate: 2020-01-01\ndraft: true\n---\nB\n"}});
  REQUIRE(h.import(Engine::eleventy).ok());
  CHECK_FALSE(holds(h.out("posts/better.md"), "draft"));
  Blog d("eleventy-draft-filter", {{"eleventy.config.js", "export default function (c) {\n  c.addCollection('posts', (k) => k.getFilteredByTag('posts').filter((p) => !p.data.draft));\n}\n"},
                                   {"posts/better.md", "---\ntitle: Better\ndate: 2020-01-01\ndraft: true\n---\nB\n"}});
  REQUIRE(d.import(Engine::eleventy).ok());
  CHECK(holds(d.out("posts/better.md"), "draft: true"));
}

TEST_CASE("Jekyll: old URL dates in UTC without a timezone; a collection's default address ends as the site's style; a <pre> with blank lines in an HTML block is set apart") {
  // bbejeck: 23:28 -0400 was at .../03/24/ (GitHub Pages builds in UTC). mincong: _cn/x.md was at /cn/x/ under permalink: /en/:title/.
  // springinpractice: 111 code listings in <div><pre> came out as paragraphs.
  Blog j("jekyll-utc-suffix-pre", {{"_config.yml", "title: T\npermalink: /en/:title/\ncollections:\n  cn:\n    output: true\n"},
                                   {"_posts/2014-03-23-migrated.markdown", "---\ntitle: Migrated\ndate: 2014-03-23 23:28:29 -0400\n---\nM\n"},
                                   {"_cn/settings.md", "---\ntitle: Settings\n---\nS\n"},
                                   {"_posts/2008-05-05-cart.markdown",
                                    "---\ntitle: Cart\n---\nIntro.\n\n<div>\n<span class=\"listing\">Code listing:</span>\n<pre>package a;\n\nclass B {\n\n}</pre>\n</div>\n\n"
                                    "<div><span>Two:</span><pre>x\n\ny</pre></div>\n\nAfter.\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("pages/cn-settings.md"), "permalink: \"/cn/settings/\""));
  const std::string cart = j.out("posts/2008-05-05-cart.md");
  CHECK(holds(cart, "<span class=\"listing\">Code listing:</span>\n\n<pre>package a;\n\nclass B {\n\n}</pre>\n</div>"));
  CHECK(holds(cart, "<div><span>Two:</span>\n\n<pre>x\n\ny</pre></div>"));
  const quire::ContentResult built = quire::load_content(j.root / "out", {});
  REQUIRE(built.ok());
  Blog u("jekyll-utc", {{"_config.yml", "title: T\n"},
                        {"_posts/2014-03-23-migrated.markdown", "---\ntitle: Migrated\ncategories: general\ndate: 2014-03-23 23:28:29 -0400\n---\nM\n"}});
  REQUIRE(u.import(Engine::jekyll).ok());
  CHECK(holds(u.out("posts/2014-03-23-migrated.md"), "\"/general/2014/03/24/migrated.html\""));
}

TEST_CASE("emoji shortcodes become emoji when the old engine turned them on (Hugo's enableEmoji, jemoji), outside code") {
  // jdheyburn and rolandsdev (Hugo), benbalter (jemoji): :heavy_check_mark: and :x: tables showed as text.
  Blog h("hugo-emoji", {{"hugo.toml", "baseURL = 'https://e.example/'\ntitle = 'E'\nenableEmoji = true\n"},
                        {"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n### Why it is breaking :triumph:\n\n"
                                               "Merged :white_check_mark: at 12:30:45, :not_an_emoji: stays. `:x:` in code.\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string a = h.out("posts/a.md");
  CHECK(holds(a, "### Why it is breaking \U0001F624\n"));
  CHECK(holds(a, "Merged \u2705 at 12:30:45, :not_an_emoji: stays. `:x:` in code."));
  Blog j("jekyll-jemoji", {{"_config.yml", "title: B\nplugins:\n  - jemoji\n"},
                           {"_posts/2015-11-18-tools.md", "---\ntitle: Tools\n---\n| Email | :x: | :heavy_check_mark: |\n\nShip it :ship:\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("posts/2015-11-18-tools.md"), "| Email | \u274C | \u2714\uFE0F |\n\nShip it \U0001F6A2"));
  Blog off("jekyll-no-emoji", {{"_config.yml", "title: B\n"},
                               {"_posts/2015-11-18-tools.md", "---\ntitle: Tools\n---\nShip it :ship:\n"}});
  REQUIRE(off.import(Engine::jekyll).ok());
  CHECK(holds(off.out("posts/2015-11-18-tools.md"), "Ship it :ship:"));  // GitHub Pages without jemoji showed the text
}

TEST_CASE("TOML with a character beyond ASCII outside strings and comments is an error at its line; in strings and comments it is text") {
  // toml++ 3.3 reaches __builtin_unreachable() for some of them after a value (the import fuzzer's, under UBSan).
  CHECK(quire::toml_stray_char_line("title = \"I \u2764\uFE0F Rust\"\n# \u2764\uFE0F\nx = '''a\n\uFE0F'''\ny = \"\"\"\u00e9\n\"\"\"\n") == -1);
  CHECK(quire::toml_stray_char_line("a = 1\ndate = 2021-01-0\u03e5\n") == 1);
  CHECK(quire::toml_stray_char_line("k\uFE0F = 1\n") == 0);
  CHECK(quire::toml_stray_char_line("a = \"open\nb = 1 \u00e9\n") == 1);  // an unclosed string ends at its line
  CHECK(quire::toml_stray_char_line("\xEF\xBB\xBFtitle = \"t\"\n") == -1);  // a byte-order mark
  std::vector<Diagnostic> errors, warnings;
  quire::parse_post("+++\ntitle = \"ok\"\ndate = 2021-01-0\u00e9\n+++\nbody\n", "content/posts/x.md", errors, warnings, {});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].line == 3);
  quire::parse_post("+++\ntitle = \"I \u2764\uFE0F Rust\"\ndate = 2020-01-01\n+++\nbody\n", "content/posts/x.md", errors, warnings, {});
  CHECK(errors.size() == 1);
}

TEST_CASE("Zola and Hugo: a post without a date whose path names one (2014/09/15/...) is a post of that date") {
  // blog.rust-lang.org: 751 posts dated only by path = "2014/09/15/Rust-1.0" (root sorted by permalink) were pages; 0 posts.
  Blog z("zola-path-date", {{"config.toml", "base_url = 'https://blog.example'\n"},
                            {"content/_index.md", "+++\ntitle = 'Rust Blog'\nsort_by = 'permalink'\n+++\n"},
                            {"content/Rust-1.0.md", "+++\npath = \"2014/09/15/Rust-1.0\"\ntitle = \"Rust 1.0\"\n+++\nR\n"},
                            {"content/inside-rust/_index.md", "+++\nsort_by = 'permalink'\n+++\n"},
                            {"content/inside-rust/pre.md", "+++\npath = \"inside-rust/2020/08/24/pre\"\ntitle = \"Pre\"\n+++\nP\n"},
                            {"content/about.md", "+++\npath = \"about\"\ntitle = \"About\"\n+++\nA\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(z.report.posts == 2);
  CHECK(holds(z.out("site.yaml"), "title: \"Rust Blog\""));  // the config has none: content/_index.md's
  CHECK(holds(z.out("posts/Rust-1.0.md"), "date: 2014-09-15"));
  CHECK(holds(z.out("posts/Rust-1.0.md"), "permalink: \"/2014/09/15/Rust-1.0/\""));
  CHECK(holds(z.out("posts/pre.md"), "date: 2020-08-24"));
  CHECK(z.wrote("pages/about.md"));
}

TEST_CASE("Jekyll: Ruby's one-digit dates and redirect_to; Eleventy: markdown-it-kbd and markdown-it-mark") {
  // miklb: date: 2016-6-30 1:0 (7 files); benbalter: three redirect_to posts were empty posts; alexcarpenter: [[caps lock]].
  Blog j("jekyll-ruby-dates", {{"_config.yml", "title: T\n"},
                               {"_posts/2016-06-03-forking-paths.md", "---\ntitle: A\ndate: 2016-6-30 1:0\n---\nx\n"},
                               {"_posts/2012-04-23-moved.md", "---\ntitle: Moved\nredirect_to: http://techcrunch.com/2012/04/22/x/\n---\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("posts/2016-06-03-forking-paths.md"), "date: 2016-06-30T01:00:00"));
  const std::string moved = j.out("pages/2012-04-23-moved.md");
  CHECK(holds(moved, "permalink: \"/2012/04/23/moved.html\""));
  CHECK(holds(moved, "This post has moved to [http://techcrunch.com/2012/04/22/x/](<http://techcrunch.com/2012/04/22/x/>)."));
  Blog e("eleventy-kbd-mark", {{"eleventy.config.js", "const md = require('markdown-it')().use(require('markdown-it-kbd')).use(require('markdown-it-mark'));\n"
                                                      "module.exports = (c) => { c.setLibrary('md', md); };\n"},
                               {"posts/keys.md", "---\ntitle: Keys\ndate: 2020-07-19\n---\nHold [[caps lock]] and [[h]]; ==important==. `[[code]]` and a == b == c.\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(holds(e.out("posts/keys.md"), "Hold <kbd>caps lock</kbd> and <kbd>h</kbd>; <mark>important</mark>. `[[code]]` and a == b == c."));
}

TEST_CASE("Eleventy: a passthrough list's {source: target} object maps; nothing outside the blog's folder is ever copied") {
  // bobmonsour: [..., { "src/assets/favicon/*": "/" }].forEach(addPassthroughCopy) copied the machine's / (etc, proc).
  Blog b("eleventy-passthrough-object", {{"eleventy.config.js", "export default function (c) {\n"
                                                                "  ['src/robots.txt', { 'src/assets/favicon/*': '/' }, '../outside'].forEach((p) => c.addPassthroughCopy(p));\n"
                                                                "  c.addPassthroughCopy('/');\n  return { dir: { input: 'src' } };\n}\n"},
                                         {"src/robots.txt", "User-agent: *\n"},
                                         {"src/assets/favicon/favicon.ico", "ICO"},
                                         {"src/posts/hello.md", "---\ntitle: Hello\ndate: 2020-01-01\n---\nHi\n"}});
  const quire::ImportReport& r = b.import(Engine::eleventy);
  REQUIRE(r.ok());
  CHECK(b.wrote("static/favicon.ico"));
  CHECK(b.wrote("static/robots.txt"));
  CHECK_FALSE(b.wrote("static/etc"));
  CHECK_FALSE(b.wrote("static/proc"));
  CHECK(r.static_files == 2);
  CHECK_FALSE(b.wrote("static/eleventy.config.js"));
}

TEST_CASE("Hugo and Zola: an untitled file's first heading is its title; a titled one keeps its heading. A name not in ASCII titles an untitled post as written") {
  // AntoniosBarotsis's "# Hello there!" had become "Main"; Rainboylvx's 汇编相关知识.md "Hui Bian Xiang Guan Zhi Shi".
  Blog z("zola-title-heading", {{"config.toml", "base_url = 'https://z.example'\ntitle = 'Z'\n"},
                                {"content/main.md", "+++\n+++\n\n# Hello there!\n\nWelcome.\n"},
                                {"content/posts/_index.md", "+++\nsort_by = 'date'\n+++\n"},
                                {"content/posts/p1.md", "+++\ndate = 2023-01-01\n+++\n# My heading title\n\nText.\n"},
                                {"content/posts/p2.md", "+++\ntitle = 'Own'\ndate = 2023-01-02\n+++\n# Own\n\nText.\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.out("pages/main.md"), "title: \"Hello there!\""));
  CHECK_FALSE(holds(z.out("pages/main.md"), "# Hello there!"));
  CHECK(holds(z.out("posts/p1.md"), "title: \"My heading title\""));
  CHECK(holds(z.out("posts/p2.md"), "# Own"));  // the theme showed both
  Blog h("hugo-own-name-title", {{"hugo.toml", "title = 'H'\nbaseURL = 'https://h.example/'\n"},
                                 {"content/blog/汇编相关知识.md", "---\ndate: 2023-01-01\n---\nText.\n"},
                                 {"content/blog/café-crème.md", "---\ndate: 2023-01-02\n---\nText.\n"},
                                 {"content/blog/plain-name.md", "---\ndate: 2023-01-03\n---\nText.\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string all = h.out("posts/汇编相关知识.md") + h.out("posts/café-crème.md") + h.out("posts/plain-name.md");
  CHECK(holds(all, "title: \"汇编相关知识\""));
  CHECK(holds(all, "title: \"Café Crème\""));
  CHECK(holds(all, "title: \"Plain Name\""));
}

TEST_CASE("Hugo: uglyURLs put pages, lists and terms at .html addresses; a nested section with its _index.md had a list and a feed") {
  // Rainboylvx's 184 posts and 25 pages were at /books/x/1.1.html; gopherine's /post/go/ and /post/rust/.
  Blog u("hugo-ugly-urls", {{"hugo.toml", "title = 'T'\nbaseURL = 'https://e.org/'\nuglyURLs = true\n"},
                            {"content/posts/first.md", "---\ntitle: First\ndate: 2023-01-01\ntags: [Go]\n---\nF\n"},
                            {"content/books/chapter.md", "---\ntitle: Chapter\ndate: 2023-01-02\n---\n![x](assets/x.png)\n"},
                            {"content/books/assets/x.png", "PNG"},
                            {"content/about.md", "---\ntitle: About\n---\nA\n"},
                            // undated among dated: a page where Hugo wrote it, its relative image found from there
                            {"content/books/notes.md", "---\ntitle: Notes\n---\n![n](notes/n.png)\n"},
                            {"content/books/notes/n.png", "PNG"},
                            {"content/links.md", "---\ntitle: Links\nurl: /links/\n---\nL\n"}});
  REQUIRE(u.import(Engine::hugo).ok());
  CHECK(holds(u.out("pages/notes.md"), "permalink: \"/books/notes.html\""));
  // A page with its own url was there, not at .html: no alias to itself (forecho's build failed)
  CHECK_FALSE(holds(u.out("pages/links.md"), "aliases"));
  CHECK(holds(u.out("posts/first.md"), "aliases: [\"/posts/first.html\"]"));
  CHECK(holds(u.out("posts/chapter.md"), "aliases: [\"/books/chapter.html\"]"));
  CHECK(holds(u.out("posts/chapter.md"), "![x](/books/assets/x.png)"));
  CHECK(holds(u.out("pages/about.md"), "aliases: [\"/about.html\"]"));
  const std::string site = u.out("site.yaml");
  for (const char* r : {"\"/books.html\": \"/\"", "\"/posts.html\": \"/\"", "\"/tags.html\": \"/tags/\"", "\"/tags/go.html\": \"/tags/go/\""}) {
    CAPTURE(r);
    CHECK(holds(site, r));
  }
  CHECK(quire::load_content(u.root / "out", {}).ok());
  Blog n("hugo-nested-sections", {{"hugo.toml", "title = 'T'\nbaseURL = 'https://e.org/'\n"},
                                  {"content/post/_index.md", "---\ntitle: Posts\n---\n"},
                                  {"content/post/go/_index.md", "---\ntitle: Go\n---\n"},
                                  {"content/post/go/a.md", "---\ntitle: A\ndate: 2023-01-01\n---\nA\n"},
                                  {"content/post/rust/b.md", "---\ntitle: B\ndate: 2023-01-02\n---\nB\n"}});
  REQUIRE(n.import(Engine::hugo).ok());
  const std::string nested = n.out("site.yaml");
  CHECK(holds(nested, "\"/post/\": \"/\""));
  CHECK(holds(nested, "\"/post/go/\": \"/\""));
  CHECK_FALSE(holds(nested, "/post/rust/\": "));  // no _index.md: a folder, not a section of its own
  CHECK(holds(nested, "\"/post/go/index.xml\""));
  CHECK_FALSE(holds(nested, "/post/rust/index.xml"));
}

TEST_CASE("Hugo: config/production over _default, buildDrafts, :slugorcontentbasename") {
  // Lruihao (FixIt): the real baseURL is in config/production; :slugorcontentbasename is the slug, else the file's name.
  // dmerejkowsky: buildDrafts: true published 16 drafts.
  Blog h("hugo-production", {{"config/_default/hugo.toml", "baseURL = 'http://localhost:1313/'\ntitle = 'L'\nbuildDrafts = true\n"},
                             {"config/_default/permalinks.toml", "[page]\nposts = 'posts/:slugorcontentbasename'\n"},
                             {"config/production/hugo.toml", "baseURL = 'https://real.example.com/'\n"},
                             {"content/posts/杨辉三角.md", "---\ntitle: Yang Hui\ndate: 2020-01-01\n---\nY\n"},
                             {"content/posts/draft.md", "---\ntitle: Draft\ndate: 2020-01-02\ndraft: true\n---\nD\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("site.yaml"), "url: \"https://real.example.com\""));
  CHECK_FALSE(holds(h.out("posts/draft.md"), "draft"));
  CHECK(holds(h.out("posts/杨辉三角.md"), "\"/posts/杨辉三角/\""));
}

TEST_CASE("Hugo: a slug key Quire rewrites keeps the address Hugo made of it as an alias") {
  // SunsetMkt: slug: 老王-杨绛 was at /post/老王-杨绛/, "Robert Rules_SCH" at /post/Robert-Rules_SCH/ (33 of 367 lost).
  Blog h("hugo-slug-alias", {{"hugo.toml", "baseURL = 'https://s.example/'\ntitle = 'S'\ndisablePathToLower = true\n[permalinks]\npost = '/post/:slug/'\n"},
                             {"content/post/rr.md", "---\ntitle: Rules\ndate: 2025-09-03\nslug: Robert Rules_SCH\n---\nx\n"},
                             {"content/post/lw/index.md", "---\ntitle: Lao Wang\ndate: 2025-09-02\nslug: 老王-杨绛\n---\ny\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("posts/rr.md"), "\"/post/Robert-Rules_SCH/\""));
  CHECK(holds(h.out("posts/lw/index.md"), "\"/post/老王-杨绛/\""));
}

TEST_CASE("Hugo: every list's page 1 again at <list>/page/1/, the terms' list's pages and the other languages' lists redirect") {
  // A crawl of real Hugo builds: ouuan 125 of 557 addresses had nothing (/page/1/, /tags/x/page/1/, /tags/page/2/),
  // henrik 101 of 325, jibec 66 of 154 (/fr/page/2/, /fr/tags/x/page/2/, /en/, /en/tags/x/).
  std::vector<std::pair<std::string, std::string>> files = {
      {"config.toml", "baseURL = 'https://j.example/'\ntitle = 'J'\npaginate = 2\ndefaultContentLanguage = 'fr'\n"
                      "defaultContentLanguageInSubdir = true\n[languages.fr]\nweight = 1\n[languages.en]\nweight = 2\n"},
      {"content/posts/a.en.md", "---\ntitle: A en\ndate: 2020-01-01\ntags: [Go]\n---\nA\n"}};
  for (int i = 1; i <= 5; ++i)
    files.push_back({"content/posts/p" + std::to_string(i) + ".md", "---\ntitle: P\ndate: 2020-01-0" + std::to_string(i) +
                                                                        "\ntags: [Go, T" + std::to_string(i) + "]\n---\nP\n"});
  files.push_back({"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-06\ntags: [Go]\n---\nA\n"});
  Blog h("hugo-page-one", files);
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string site = h.out("site.yaml");
  CAPTURE(site);
  CHECK(holds(site, "\"/fr/page/1/\": \"/\""));
  CHECK(holds(site, "\"/fr/page/2/\": \"/page/2/\""));
  CHECK(holds(site, "\"/fr/posts/page/1/\": \"/\""));
  CHECK(holds(site, "\"/fr/index.xml\""));  // the feeds in the language's folder too (Jibec's)
  CHECK(holds(site, "\"/fr/posts/index.xml\""));
  CHECK(holds(site, "\"/fr/tags/go/page/1/\": \"/tags/go/\""));
  CHECK(holds(site, "\"/fr/tags/go/page/3/\": \"/tags/go/page/3/\""));  // 6 posts, 2 a page
  CHECK_FALSE(holds(site, "\"/fr/tags/go/page/4/\""));
  CHECK(holds(site, "\"/fr/tags/page/3/\": \"/tags/\""));  // 6 terms, 2 a page
  CHECK_FALSE(holds(site, "\"/fr/tags/page/4/\""));
  // English: the translation's lists, not the French-only terms'
  CHECK(holds(site, "\"/en/\": \"/\""));
  CHECK(holds(site, "\"/en/page/1/\": \"/\""));
  CHECK(holds(site, "\"/en/posts/\": \"/\""));
  CHECK(holds(site, "\"/en/tags/go/\": \"/tags/go/\""));
  CHECK(holds(site, "\"/en/tags/go/page/1/\": \"/tags/go/\""));
  CHECK_FALSE(holds(site, "\"/en/tags/t1/\""));
  CHECK(quire::load_content(h.root / "out", {}).ok());

  // The default language at the root: its own pages are Quire's, page 1 of each is not.
  Blog r("hugo-page-one-root", {{"config.toml", "baseURL = 'https://r.example/'\ntitle = 'R'\npaginate = 1\ndefaultContentLanguage = 'ja'\n"
                                                "[languages.ja]\nweight = 1\n[languages.en]\nweight = 2\n"},
                                {"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [Go]\n---\nA\n"},
                                {"content/posts/b.md", "---\ntitle: B\ndate: 2020-01-02\ntags: [Go]\n---\nB\n"}});
  REQUIRE(r.import(Engine::hugo).ok());
  const std::string root = r.out("site.yaml");
  CAPTURE(root);
  CHECK(holds(root, "\"/page/1/\": \"/\""));
  CHECK(holds(root, "\"/tags/go/page/1/\": \"/tags/go/\""));
  CHECK(holds(root, "\"/tags/page/1/\": \"/tags/\""));
  CHECK(holds(root, "\"/posts/page/2/\": \"/page/2/\""));
  CHECK_FALSE(holds(root, "\"/page/2/\":"));  // Quire's own
  CHECK_FALSE(holds(root, "\"/tags/go/page/2/\":"));
  CHECK(holds(root, "\"/ja/\": \"/\""));
  CHECK(quire::load_content(r.root / "out", {}).ok());
}

TEST_CASE("Hugo: a section of its _index.md alone (outputs: [RSS]) keeps its feed's address") {
  // bpugh's "Everything feed" at /feed/index.xml, advertised on his Subscribe page, was a 404.
  Blog h("hugo-feed-section", {{"hugo.toml", "baseURL = 'https://b.example/'\ntitle = 'B'\n"},
                               {"content/feed/_index.md", "---\ntitle: Everything Feed\noutputs:\n  - RSS\n---\n"},
                               {"content/posts/hello.md", "---\ntitle: Hello\ndate: 2020-01-01\n---\nHi\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("site.yaml"), "\"/feed/index.xml\""));
  CHECK(quire::load_content(h.root / "out", {}).ok());
}

TEST_CASE("Hugo: a taxonomy's permalinks are its terms' old pages, redirected with their pages, their feeds kept") {
  // EckoTan0804 (Wowchemy's default tags: /tag/:slug/): ~460 /tag/ and /category/ addresses had nothing.
  Blog h("hugo-term-permalinks", {{"config.yaml", "baseURL: https://w.example/\ntitle: W\npaginate: 1\n"
                                                  "permalinks:\n  tags: /tag/:slug/\n  categories: /category/:slug/\n"},
                                  {"content/post/a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [Go]\ncategories: [Coding]\n---\nA\n"},
                                  {"content/post/b.md", "---\ntitle: B\ndate: 2020-01-02\ntags: [Go]\n---\nB\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string site = h.out("site.yaml");
  CHECK(holds(site, "\"/tag/go/\": \"/tags/go/\""));
  CHECK(holds(site, "\"/tag/go/page/2/\": \"/tags/go/\""));
  CHECK(holds(site, "\"/category/coding/\": \"/categories/coding/\""));
  CHECK(holds(site, "\"/tag/:tag/index.xml\""));
  CHECK(holds(site, "\"/category/:category/index.xml\""));
  CHECK_FALSE(holds(site, "/tags/:tag/index.xml"));
  CHECK_FALSE(holds(site, "\"/tag/\":"));  // no section of that name
}

TEST_CASE("Hugo: disablePathToLower keeps the terms' case in their old addresses; RSS baseName names the old feeds") {
  // SunsetMkt: /tags/AI/ (118 tags, 5 categories) and /post/feed.xml were 404.
  Blog h("hugo-path-case", {{"hugo.toml", "baseURL = 'https://s.example/'\ntitle = 'S'\ndisablePathToLower = true\n"
                                          "[outputFormats.RSS]\nbaseName = 'feed'\n"},
                            {"content/post/a.md", "---\ntitle: A\ndate: 2020-01-01\ntags: [AI]\ncategories: [Original]\n---\nA\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string site = h.out("site.yaml");
  CHECK(holds(site, "\"/tags/AI/\": \"/tags/ai/\""));
  CHECK(holds(site, "\"/categories/Original/\": \"/categories/original/\""));
  CHECK(holds(site, "\"/post/feed.xml\""));
  CHECK(holds(site, "\"/tags/:tag/feed.xml\""));  // Quire's own, and /tags/AI/feed.xml beside the redirect
  CHECK_FALSE(holds(site, "index.xml"));
}

TEST_CASE("Hugo: TOML front matter closed by +++ with text after it on the same line") {
  // preslavrachev: "+++##### Many thanks..." lost the post's date, title, tags and address.
  Blog h("hugo-close-same-line", {{"hugo.toml", "baseURL = 'https://p.example/'\ntitle = 'P'\n"},
                                  {"content/post/r.md", "+++\ndate = \"2019-08-27T15:00:00+00:00\"\ntitle = \"Reduce\"\n+++##### Many thanks\n\nBody.\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string r = h.out("posts/r.md");
  CHECK(holds(r, "title: \"Reduce\""));
  CHECK(holds(r, "date: 2019-08-27T15:00:00"));
  CHECK(holds(r, "---\n\n##### Many thanks\n\nBody."));
}

TEST_CASE("Hugo: urlize keeps '@' and drops emoji, in :title and :filename addresses") {
  // Jibec: "Locasprint N°5 @ Mozilla" was at /2017/04/locasprint-n5-@-mozilla/; preslavrachev's
  // mind-the-frog-🐸.md at /2019/08/23/mind-the-frog-/.
  Blog h("hugo-urlize-at", {{"hugo.toml", "baseURL = 'https://j.example/'\ntitle = 'J'\n[permalinks]\n"
                                          "articles = '/:year/:month/:title/'\npost = '/:year/:month/:day/:filename/'\n"},
                            {"content/articles/a.md", "---\ntitle: Locasprint N°5 @ Mozilla\ndate: 2017-04-19\n---\nA\n"},
                            {"content/articles/b.md", "---\ntitle: \"Pas suffisant 😏\"\ndate: 2016-12-13\n---\nB\n"},
                            {"content/post/mind-the-frog-🐸.md", "---\ntitle: Frog\ndate: 2019-08-23\n---\nF\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("posts/a.md"), "\"/2017/04/locasprint-n5-@-mozilla/\""));
  CHECK_FALSE(holds(h.out("posts/b.md"), "😏/"));
  CHECK(holds(h.out("posts/mind-the-frog-🐸.md"), "\"/2019/08/23/mind-the-frog-/\""));
  CHECK(quire::import::hugo_urlize("Flock @ Cracovie ✈") == "flock-@-cracovie");
}

TEST_CASE("Hugo: a page dated to come whose publishDate has passed was published") {
  // EckoTan0804: a Wowchemy talk dated 2030, publishDate 2017, was at /talk/example-talk/; Quire's build left it out.
  Blog h("hugo-publishdate-past", {{"hugo.toml", "baseURL = 'https://e.example/'\ntitle = 'E'\n"},
                                   {"content/post/talk.md", "---\ntitle: Talk\ndate: 2030-06-01\npublishDate: 2017-01-01\n---\nT\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string t = h.out("posts/talk.md");
  CHECK(holds(t, "date: 2017-01-01"));
  CHECK_FALSE(holds(t, "draft"));
  CHECK(holds(h.notes(), "Hugo published it"));
}

TEST_CASE("Hugo: a section of pages only had its list at the section's address") {
  // bheisler: content/about/about.md was at /about/about/, and /about/ listed it.
  Blog h("hugo-pages-section", {{"hugo.toml", "baseURL = 'https://b.example/'\ntitle = 'B'\n"},
                                {"content/about/about.md", "---\ntitle: About\n---\nMe.\n"},
                                {"content/post/p.md", "---\ntitle: P\ndate: 2020-01-01\n---\nP\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("site.yaml"), "\"/about/\": \"/about/about/\""));
}

TEST_CASE("Hugo: twitter and twitter_simple shortcodes, tweet's old names, as links to the post") {
  // preslavrachev: 5 {{<twitter "ID">}} shown as text.
  Blog h("hugo-twitter", {{"hugo.toml", "baseURL = 'https://p.example/'\ntitle = 'P'\n"},
                          {"content/post/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n{{<twitter \"697420917253668868\">}}\n\n"
                                                "{{< twitter_simple user=\"SanDiegoZoo\" id=\"1453110110599868418\" >}}\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string a = h.out("posts/a.md");
  CHECK(holds(a, "https://x.com/i/web/status/697420917253668868"));
  CHECK(holds(a, "https://x.com/SanDiegoZoo/status/1453110110599868418"));
  CHECK_FALSE(holds(h.notes(), "twitter"));
}

TEST_CASE("Hugo: a math shortcode on the line where a multi-line one closes is converted") {
  // EckoTan0804's wertekont_lin_sys.md:161: the second {{< math >}} stayed as text, counted converted.
  Blog h("hugo-math-second", {{"hugo.toml", "baseURL = 'https://e.example/'\ntitle = 'E'\n"},
                              {"content/post/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n"
                                                    "2. {{< math >}}$\\left\\{\n   x\n   \\right\\}${{< /math >}} in von {{< math >}}$C_{k}^x${{< /math >}} ein\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  const std::string a = h.out("posts/a.md");
  CHECK_FALSE(holds(a, "{{<"));
  CHECK(holds(a, "in von $C_{k}^x$ ein"));
}

TEST_CASE("Hugo: a translated page's and home's addresses redirect to the original") {
  // Larkspur-CY: links.en.md at /en/links/ and _index.en.md's /en/ had nothing, though the report said they redirect.
  Blog h("hugo-translated-page", {{"hugo.toml", "baseURL = 'https://l.example/'\ndefaultContentLanguage = 'zh'\n"
                                                "[languages.zh]\nweight = 1\n[languages.en]\nweight = 2\n"},
                                  {"content/links.md", "---\ntitle: 链接\n---\nL\n"},
                                  {"content/links.en.md", "---\ntitle: Links\n---\nL\n"},
                                  {"content/_index.en.md", "---\ntitle: Home\n---\n"},
                                  {"content/posts/first.md", "---\ntitle: F\ndate: 2020-01-01\n---\nF\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("pages/links.md"), "\"/en/links/\""));
  CHECK(holds(h.out("site.yaml"), "\"/en/\": \"/\""));
}

TEST_CASE("Hugo: a figure without alt takes its caption as plain text, as Hugo's figure did") {
  Blog h("hugo-figure-alt", {{"hugo.toml", "baseURL = 'https://f.example/'\ntitle = 'F'\n"},
                             {"content/post/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n{{< figure src=\"/a.png\" caption=\"A *sleepy* cat\" >}}\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  CHECK(holds(h.out("posts/a.md"), "![A sleepy cat](/a.png)"));
}

TEST_CASE("moving in, round 3: Hugo page/ pages kept, highlight's blank lines, Zola @/ reference definitions, kramdown $$ x $$, Jekyll title entities, [[toc]]") {
  Blog h("hugo-page-section", {{"hugo.toml", "baseURL = 'https://s.example/'\ntitle = 'S'\n"},
                               {"content/page/books.md", "---\ntitle: Books\n---\nMy books.\n"},
                               {"content/post/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n{{< highlight rust \"hl_lines=2\" >}}\n\n\nlet a = 1;\nlet b = 2;\n{{< /highlight >}}\n"}});
  REQUIRE(h.import(Engine::hugo).ok());
  // steveshogren's /page/books/: Quire's are /page/N/ only, the page keeps its address
  CHECK(holds(h.out("pages/books.md"), "permalink: \"/page/books/\""));
  CHECK(quire::load_content(h.root / "out", {}).ok());
  CHECK(holds(h.out("posts/a.md"), "```rust {hl_lines=2}\nlet a = 1;\nlet b = 2;\n```"));  // dmerejkowsky's
  Blog z("zola-ref-def", {{"config.toml", "base_url = 'https://z.example'\ntitle = 'Z'\n"},
                          {"content/_index.md", "+++\nsort_by = 'date'\n+++\n"},
                          {"content/target.md", "+++\ntitle = 'T'\ndate = 2020-01-01\n+++\nT\n"},
                          {"content/from.md", "+++\ntitle = 'F'\ndate = 2020-01-02\n+++\nSee [x] and [y].\n\n[x]:\n  @/target.md\n[y]: @/target.md#todo\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  const std::string from = z.out("posts/from.md");
  CHECK(holds(from, "[x]:\n  /posts/target/\n[y]: /posts/target/#todo\n"));  // grifferz's
  Blog j("jekyll-round3", {{"_config.yml", "title: J\n"},
                           {"_posts/2017-06-05-sets.md", "---\ntitle: 'What&#8217;s on your USB? &quot;Tools&quot; &amp; more'\n---\n"
                                                        "For a fixed set $$ B $$ the event $$ \\{Y \\in B\\} $$.\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string sets = j.out("posts/2017-06-05-sets.md");
  CHECK(holds(sets, "title: \"What\u2019s on your USB? \\\"Tools\\\" & more\""));  // anotherlab's 92
  CHECK(holds(sets, "For a fixed set $B$ the event $\\{Y \\in B\\}$."));  // agisga's 85
  Blog e("eleventy-toc", {{"eleventy.config.js", "const toc = require('markdown-it-table-of-contents');\nmodule.exports = (c) => {};\n"},
                          {"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n[[toc]]\n\n## One\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  const std::string a = e.out("posts/a.md");
  CHECK(holds(a, "toc: true"));
  CHECK_FALSE(holds(a, "[[toc]]"));
}

TEST_CASE("Eleventy: folder data merges from the posts' folder down to the post's own; images from the input root under the image transform") {
  // localghost: blog/posts/posts.json held the permalink of all 80 posts; its 174 /img/blog/ images were published
  // by eleventyImageTransformPlugin, not a passthrough copy.
  Blog l("eleventy-nested-data", {{"eleventy.config.js", "import { eleventyImageTransformPlugin } from '@11ty/eleventy-img';\n"
                                                         "export default function (c) { c.addPlugin(eleventyImageTransformPlugin); return { dir: { input: 'src' } }; }\n"},
                                  {"src/blog/blog.json", "{ \"layout\": \"post.njk\", \"author\": \"Sophie\" }\n"},
                                  {"src/blog/posts/posts.json", "{ \"permalink\": \"/blog/{{ title | slugify }}/index.html\" }\n"},
                                  {"src/blog/posts/2025-08-08-humans.md", "---\ntitle: This website is for humans\n---\n![A beetle](/img/beetle.png)\n"},
                                  {"src/img/beetle.png", "PNG"}});
  REQUIRE(l.import(Engine::eleventy).ok());
  const std::string post = l.out("posts/2025-08-08-humans.md");
  CHECK(holds(post, "permalink: \"/blog/this-website-is-for-humans/"));
  CHECK(holds(post, "author: \"Sophie\""));
  CHECK(l.wrote("static/img/beetle.png"));
}

TEST_CASE("Eleventy: an image named from the site's root that nothing copied there is the one file of its name in the blog") {
  // mbarker84's css-irl: package.json's `parcel build 'src/images/*'` put 320 images at the site's root, where the
  // posts name them (<img src="/cat.png">, srcset, ![dog](/dog.png)); none was copied and nothing said so.
  Blog c("eleventy-root-images", {{"package.json", "{ \"scripts\": { \"build\": \"parcel build src/images/* && npx @11ty/eleventy\" } }\n"},
                                  {".eleventy.js", "module.exports = function (c) { return { dir: { input: \"src\", output: \"dist\" } } }\n"},
                                  {"src/posts/hello.md", "---\ntitle: Hello\ndate: 2021-03-04\n---\n\n<img src=\"/cat.png\" alt=\"a cat\" "
                                                         "srcset=\"/cat_900.webp 900w, /cat_600.webp\">\n\n![dog](/dog.png?v=2)\n\n"
                                                         "![twice](/twice.png) ![none](/none.png)\n\n    <img src=\"/code.png\">\n"},
                                  {"src/images/cat.png", "PNG"},
                                  {"src/images/cat_900.webp", "WEBP"},
                                  {"src/images/cat_600.webp", "WEBP"},
                                  {"src/images/dog.png", "PNG"},
                                  {"src/images/code.png", "PNG"},
                                  {"src/images/twice.png", "PNG"},
                                  {"src/old/twice.png", "PNG"},
                                  {"node_modules/x/none.png", "PNG"},
                                  {"dist/none.png", "PNG"}});
  REQUIRE(c.import(Engine::eleventy).ok());
  for (const char* f : {"static/cat.png", "static/cat_900.webp", "static/cat_600.webp", "static/dog.png"}) CHECK(c.wrote(f));
  CHECK(c.report.static_files == 4);
  CHECK(c.report.converted["an image named from the site's root, where no folder the old engine copied had it (a bundler's "
                           "copy): the one file of its name in the blog copied to that address"] == 4);
  CHECK_FALSE(c.wrote("static/code.png"));  // in code: text, no image
  CHECK_FALSE(c.wrote("static/none.png"));  // the build says it leads nowhere
  CHECK_FALSE(c.wrote("static/twice.png"));
  CHECK(holds(c.notes(), "src/posts/hello.md:10: /twice.png: no such file among those copied, and 2 files of that name in the blog ("));
  CHECK(holds(c.notes(), "blog/src/images/twice.png, "));
  CHECK(holds(c.notes(), "blog/src/old/twice.png): not guessed; copy the right one to static/twice.png\n"));
}

TEST_CASE("Eleventy: a folder data file's Liquid permalink with {% if key %} takes the post's branch; a template listing a collection redirects") {
  // ThewBear: blog.json's "/blog/{% if slug %}{{ slug }}{% else %}{{ title | slugify }}{% endif %}/" was dropped
  // ("computed by the old engine", at each post's line 2): all 19 addresses lost; blog/index.njk (permalink: /blog/,
  // a loop over collections.all) was "a post in Nunjucks" and /blog/ was gone.
  Blog e("eleventy-dirdata-liquid-if", {{".eleventy.js", "module.exports = function(c){ return {dir:{input:\"src\"}}; };\n"},
                                        {"src/blog/blog.json", "{\n  \"layout\": \"post.njk\",\n  \"permalink\": \"/blog/{% if slug %}{{ slug }}{% else %}{{ title | slugify }}{% endif %}/\"\n}\n"},
                                        {"src/blog/2020-08-02-first-post.md", "---\ntitle: First post\n---\nW\n"},
                                        {"src/blog/2021-12-22-log4j.md", "---\ntitle: Log4j vulnerability\nslug: log4j-vulnerability-2021\n---\nB\n"},
                                        {"src/blog/index.njk", "---\nlayout: post.njk\ntitle: Blog\npermalink: /blog/\n---\n<ul>{%- for post in collections.all | reverse -%}"
                                                               "<li>{{ post.data.title }}</li>{%- endfor -%}</ul>\n"},
                                        {"src/notes/notes.json", "{\n  \"permalink\": \"/notes/{{ page.date | weird }}/\"\n}\n"},
                                        {"src/notes/n.md", "---\ntitle: N\ndate: 2020-01-01\n---\nN\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(holds(e.out("posts/2020-08-02-first-post.md"), "permalink: \"/blog/first-post/\""));
  CHECK(holds(e.out("posts/2021-12-22-log4j.md"), "permalink: \"/blog/log4j-vulnerability-2021/\""));
  CHECK_FALSE(holds(e.notes(), "a post in Nunjucks"));
  CHECK(holds(e.notes(), "src/blog/index.njk:1: a page in Nunjucks listing collections.all at /blog/"));
  CHECK(holds(e.out("site.yaml"), "\"/blog/\": \"/archive/\""));
  // A permalink still computed is said at the data file's line, not the post's.
  CHECK(holds(e.notes(), "src/notes/notes.json:2: permalink:"));
  CHECK_FALSE(holds(e.notes(), "n.md:2: permalink:"));
}

TEST_CASE("Eleventy: a page looping over a collection is Quire's list: the tag's page when the posts keep that tag, else the home") {
  // A markdown til.md with {% assign allTils = collections['til'] %} (its folder data's collection) was imported
  // verbatim, the raw Liquid loop shown to readers.
  Blog m("eleventy-md-collection-loop", {{".eleventy.js", "module.exports=function(c){return {dir:{input:\"src\"}};};\n"},
                                         {"src/posts/posts.json", "{\"tags\":[\"til\"]}\n"},
                                         {"src/posts/t1.md", "---\ntitle: Til 1\ndate: 2024-01-01\n---\nB\n"},
                                         {"src/til.md", "---\ntitle: Today I Learned\n---\n{% assign allTils = collections['til'] %}\n"
                                                        "{% for til in allTils | reverse %}\n## [{{til.data.title}}]({{til.page.url}})\n{% endfor %}\n"}});
  REQUIRE(m.import(Engine::eleventy).ok());
  CHECK_FALSE(m.wrote("pages/til.md"));
  CHECK(holds(m.notes(), "src/til.md:1: a page in markdown listing collections.til at /til/"));
  CHECK(holds(m.out("site.yaml"), "\"/til/\": \"/\""));
  // A Nunjucks til.njk at permalink: /til/ over collections.til, a tag its posts keep: "not converted", no redirect.
  Blog n("eleventy-njk-tag-list", {{"til.njk", "---\npermalink: /til/\n---\n<h1>TIL</h1>\n{% set postslist = collections.til %}\n{% include \"postslist.njk\" %}\n"},
                                   {"posts/posts.json", "{ \"tags\": [\"posts\"] }\n"},
                                   {"posts/t1.md", "---\ntitle: TIL 1\ndate: 2021-01-01\ntags:\n  - til\n---\nB\n"}});
  REQUIRE(n.import(Engine::eleventy).ok());
  CHECK(holds(n.out("site.yaml"), "\"/til/\": \"/tags/til/\""));
  CHECK(holds(n.notes(), "til.njk:1: a page in Nunjucks listing collections.til at /til/"));
}

TEST_CASE("Eleventy: a list or feed over a collection no post is in is said as such, not sent to the home or given the posts' feed") {
  // siakaramalegos' sia.codes: newsletter/newsletter.json gave its 20 issues the tag "newsletter", listed by
  // newsletter.njk at /newsletter/ with its own feed at /feed/news.xml. The issues became pages; the report said
  // "Quire's / lists them", /newsletter/ redirected to the home and /feed/news.xml was the posts' feed. Its
  // page-list.njk, a list of collections.all, became the home's /page/3/.
  std::vector<std::pair<std::string, std::string>> files = {{".eleventy.js", "module.exports = function () { return { dir: { input: \"src\" } } }\n"},
                                       {"src/_data/metadata.json", "{ \"title\": \"My blog\", \"url\": \"https://example.com\" }\n"},
                                       {"src/posts/posts.json", "{ \"tags\": [\"posts\"] }\n"},
                                       {"src/posts/a-post.md", "---\ntitle: A post\ndate: 2021-01-01\n---\nPost text.\n"},
                                       {"src/newsletter/newsletter.json", "{ \"tags\": [\"newsletter\"] }\n"},
                                       {"src/newsletter/issue-1.md", "---\ntitle: Issue 1\ndate: 2021-02-01\n---\nOne.\n"},
                                       {"src/newsletter-list.njk", "---\npermalink: /newsletter/\n---\n<ul>{% for n in collections.newsletter %}"
                                                                   "<li>{{ n.data.title }}</li>{% endfor %}</ul>\n"},
                                       {"src/news.njk", "---\npermalink: /feed/news.xml\neleventyExcludeFromCollections: true\n---\n"
                                                        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">"
                                                        "{%- for n in collections.newsletter %}<entry></entry>{% endfor %}</feed>\n"},
                                       {"src/feed.njk", "---\npermalink: /feed.atom\n---\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                                        "<feed xmlns=\"http://www.w3.org/2005/Atom\">{%- for p in collections.posts %}<entry></entry>{% endfor %}</feed>\n"},
                                       {"src/page-list.njk", "---\npagination:\n  data: collections.all\n  size: 20\n"
                                                             "permalink: /page-list/{% if pagination.pageNumber > 0 %}{{ pagination.pageNumber }}/{% endif %}\n---\n<table></table>\n"}};
  for (int day = 10; day < 35; ++day)  // enough for a second page of the list (and a third of the home)
    files.push_back({"src/posts/p" + std::to_string(day) + ".md", "---\ntitle: P\ndate: 2021-03-" + std::to_string(day - 9) + "\n---\nP.\n"});
  Blog s("eleventy-other-collection", files);
  REQUIRE(s.import(Engine::eleventy).ok());
  const std::string yaml = s.out("site.yaml");
  CHECK_FALSE(holds(yaml, "/newsletter/"));
  CHECK_FALSE(holds(yaml, "/feed/news.xml"));
  CHECK_FALSE(holds(yaml, "/page-list/"));
  CHECK(holds(yaml, "old_feeds: [\"/feed.atom\"]"));  // the posts' feed, where it was
  CHECK(holds(s.notes(), "src/newsletter-list.njk:1: a page in Nunjucks listing collections.newsletter at /newsletter/: not converted; "
                         "no post is in that collection (its files are pages here, which Quire lists nowhere), so nothing is at /newsletter/"));
  CHECK(holds(s.notes(), "src/news.njk:1: a feed template over collections.newsletter at /feed/news.xml: not converted; no post is in "
                         "that collection, and Quire's feeds are of posts, so nothing is at /feed/news.xml"));
  CHECK(s.wrote("pages/issue-1.md"));
}

TEST_CASE("Eleventy: a data file exporting a function that returns an object literal is read as that object; its permalink function's branches by category, its drafts kept") {
  // si/11ty: module.exports = () => { return { eleventyComputed: { permalink: (data) => ... } } }: only "not an object
  // literal" was said, 510 addresses lost, aliases Eleventy never served added, and drafts published.
  Blog e("eleventy-datafile-function",
         {{"posts/posts.11tydata.js",
           "function showDraft(data) {\n  const isDraft = \"draft\" in data && data.draft !== false;\n  return !isDraft;\n}\n"
           "module.exports = () => {\n  return {\n    eleventyComputed: {\n      permalink: (data) => {\n        if (!showDraft(data)) return false;\n"
           "        let primaryCategory = data.primaryCategory;\n        const slug = data.page.fileSlug;\n"
           "        if (primaryCategory) {\n          return `/${primaryCategory}/${slug}/`;\n        }\n        return `/${slug}/`;\n      },\n    },\n"
           "    tags: [\"posts\"],\n  };\n};\n"},
          {"posts/blog/2019/jomo.md", "---\ntitle: JOMO\ndate: 2019-01-21\ncategories: [blog]\n---\nB\n"},
          {"posts/blog/2019/draft-one.md", "---\ntitle: Draft\ndate: 2020-03-02\ndraft: true\ncategories: [blog]\n---\nD\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  const std::string post = e.out("posts/jomo.md");
  CHECK(holds(post, "permalink: \"/:categories/:slug/\""));
  CHECK_FALSE(holds(post, "aliases"));
  CHECK(holds(e.out("posts/draft-one.md"), "draft: true"));
  CHECK_FALSE(holds(e.notes(), "not an object literal"));
  // The function's object read without a config: the arrow's parenthesized object too.
  nlohmann::ordered_json data;
  std::string error;
  int line = 0;
  REQUIRE(parse_js_data_file("module.exports = async () => ({ layout: 'post.njk' });\n", data, error, line));
  CHECK(data["layout"] == "post.njk");
  CHECK_FALSE(parse_js_data_file("module.exports = () => fetchAll();\n", data, error, line));
}

TEST_CASE("Eleventy: a permalink function's ${this.slug(data.page.fileSlug)} is the file's name in lower case, spaces '-'; a page gets its own address") {
  // nathonius: projects/${this.slug(data.page.fileSlug)}.html: Quire wrote /projects/Alloy.html, and "Auto Class.md"
  // was called a collision with Alloy.md's and given no address of the old site's.
  const std::string fn = "export default {\n  eleventyComputed: {\n    permalink: function (data) {\n      if (data.permalink) {\n"
                         "        return data.permalink;\n      }\n      return `projects/${this.slug(data.page.fileSlug)}.html`;\n    },\n  },\n};\n";
  Blog e("eleventy-permalink-slug-filter", {{"eleventy.config.js", "export default function(c){ return {dir:{input:\"src\"}}; }\n"},
                                            {"src/projects/projects.11tydata.js", fn},
                                            {"src/projects/Auto Class.md", "---\ntitle: Auto Class\ndate: 2021-10-31\n---\n"},
                                            {"src/projects/Alloy.md", "---\ntitle: Alloy\ndate: 2018-06-07\n---\n"},
                                            {"src/posts/posts.11tydata.js", fn},
                                            {"src/posts/Big News.md", "---\ntitle: Big\ndate: 2020-01-01\n---\nB\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(holds(e.out("pages/Alloy.md"), "permalink: \"/projects/alloy.html\""));
  CHECK(holds(e.out("pages/Auto Class.md"), "permalink: \"/projects/auto-class.html\""));
  CHECK_FALSE(holds(e.notes(), "is also"));
  CHECK(holds(e.out("posts/Big News.md"), "slug: \"big-news\""));
}

TEST_CASE("Eleventy: a JSON Feed template is a feed: its address, from the site's data or written out, is an old feed") {
  // tydar: the base blog's feed/json.njk (permalink "{{ metadata.jsonfeed.path }}") was "a page in Nunjucks" and
  // /feed/feed.json had no copy.
  const std::string body = "{\n  \"version\": \"https://jsonfeed.org/version/1\",\n  \"title\": \"{{ metadata.title }}\",\n  \"items\": [\n"
                           "    {%- for post in collections.posts | reverse %}{ \"id\": \"{{ post.url }}\" }{%- endfor %}\n  ]\n}\n";
  Blog e("eleventy-json-feed", {{"_data/metadata.json", "{ \"title\": \"T\", \"url\": \"https://t.example/\", \"jsonfeed\": { \"path\": \"/feed/feed.json\" } }\n"},
                                {"feed/json.njk", "---\npermalink: \"{{ metadata.jsonfeed.path }}\"\neleventyExcludeFromCollections: true\n---\n" + body},
                                {"other/json.njk", "---\npermalink: /other/items.json\n---\n" + body},
                                {"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\nA\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK(holds(e.out("site.yaml"), "old_feeds: [\"/feed/feed.json\",\"/other/items.json\"]"));
  CHECK(holds(e.notes(), "feed/json.njk:1: a feed template"));
  CHECK_FALSE(holds(e.notes(), "a page in Nunjucks"));
}

TEST_CASE("Eleventy: a ---js permalink of the page number gives a paged list's and a paged feed's addresses") {
  // adnathanail: blog.njk at /blog/ and /blog/page/N/, rss.njk at /rss.xml and /rss/page/N.xml, by
  // `pageNumber === 0 ? "/blog/" : `/blog/page/${data.pagination.pageNumber + 1}/``: lost, and /blog/1/ -> /page/2/ made up.
  auto paged = [](const std::string& first, const std::string& later) {
    return "---js\nconst pagination = {\n\tdata: \"collections.posts\",\n\tsize: 2,\n\talias: \"postslist\",\n};\n"
           "const eleventyComputed = {\n\tpermalink: (data) =>\n\t\tdata.pagination.pageNumber === 0\n\t\t\t? \"" + first +
           "\"\n\t\t\t: `" + later + "`,\n};\n---\n";
  };
  std::vector<std::pair<std::string, std::string>> files = {
      {"blog.njk", paged("/blog/", "/blog/page/${data.pagination.pageNumber + 1}/") + "<h1>Blog</h1>\n{% include \"postslist.njk\" %}\n"},
      {"rss/rss.njk", paged("/rss.xml", "/rss/page/${data.pagination.pageNumber + 1}.xml") +
                          "{%- set metadataBase = metadata.url + \"/\" -%}\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n</feed>\n"}};
  for (int i = 1; i <= 3; ++i)
    files.push_back({"blog/p" + std::to_string(i) + ".md", "---\ntitle: P\ndate: 2024-01-0" + std::to_string(i) + "\n---\nB\n"});
  Blog e("eleventy-js-paged-permalink", files);
  REQUIRE(e.import(Engine::eleventy).ok());
  const std::string site = e.out("site.yaml");
  CHECK(holds(site, "old_feeds: [\"/rss.xml\"]"));
  CHECK(holds(site, "\"/blog/\": \"/archive/\""));
  CHECK(holds(site, "\"/blog/page/2/\":"));
  CHECK_FALSE(holds(site, "\"/blog/1/\""));
  CHECK_FALSE(holds(site, "/rss/rss/"));
}

TEST_CASE("Eleventy: {{ 'text' }} prints its string, \"}}\" in it too, as liquidjs does") {
  // A post showing a prompt template: {{ '{{name}}' }} (liquidjs prints {{name}}) was left wrapped on the page.
  Blog e("eleventy-string-output", {{"posts/a.md", "---\ntitle: Lit\ndate: 2024-01-01\n---\nOne line: {{ '{{name}}' }} done.\n\n"
                                                   "<pre>\n{{'Multi line\n{{question}} **Answer:**('}}\n</pre>\n\nAnd {{ \"x\" | upcase }}.\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  const std::string post = e.out("posts/a.md");
  CHECK(holds(post, "One line: {{name}} done."));
  CHECK(holds(post, "<pre>\nMulti line\n{{question}} **Answer:**(\n</pre>"));
  CHECK_FALSE(holds(e.notes(), "{{ '{{name"));
  CHECK(holds(post, "And {{ \"x\" | upcase }}."));  // a filter after it: not a plain string
}

TEST_CASE("Jekyll: TeX between single dollars loses kramdown's escapes, as kramdown read it as text; $$ kept raw") {
  // Huxpro: $\Sigma = \\{0, 1\\}$ reached MathJax as \{0, 1\}; Quire typeset \\ (a line break) and lost the braces.
  Blog j("jekyll-dollar-escapes", {{"_config.yml", "title: H\n"},
                                   {"_posts/2017-12-12-funcs.md", "---\ntitle: F\nmathjax: true\n---\n"
                                                                 "The alphabet $\\Sigma = \\\\{0, 1\\\\}$ and $\\Sigma^{\\*}$, a $$\\\\{x\\\\}$$ display.\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("posts/2017-12-12-funcs.md"), "The alphabet $\\Sigma = \\{0, 1\\}$ and $\\Sigma^{*}$, a $\\\\{x\\\\}$ display."));
}

TEST_CASE("Jekyll: an old address that is the page's own (redirect_from /resume beside permalink /resume/) is dropped, and the build takes it") {
  // maelfabien's _pages/resume.md, Minimal Mistakes' idiom: the import kept it and the whole build failed.
  Blog j("jekyll-redirect-self", {{"_config.yml", "title: M\n"},
                                  {"resume.md", "---\ntitle: Resume\npermalink: /resume/\nredirect_from:\n  - /resume\n  - /cv/\n---\nMy CV\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string page = j.out("pages/resume.md");
  CHECK(holds(page, "redirect_from: [\"/cv/\"]"));
  CHECK_FALSE(holds(page, "\"/resume\""));
  CHECK(quire::load_content(j.root / "out", {}).ok());
  // The build, given such a page all the same: its own URL, kept once.
  std::ofstream(j.root / "out" / "pages" / "cv.md") << "---\ntitle: CV\npermalink: /vitae/\naliases: [/vitae]\n---\nCV\n";
  const quire::ContentResult built = quire::load_content(j.root / "out", {});
  std::string errors;
  for (const Diagnostic& d : built.errors) errors += d.str() + "\n";
  CHECK_MESSAGE(built.ok(), errors);
}

TEST_CASE("Jekyll: a home index.html with no front matter is not copied over the build's home; a post that only redirects elsewhere says where") {
  // lilianweng's: a meta-refresh stub to the blog's new site; the build refused it (rc 2). Its 37 posts were stubs too.
  Blog j("jekyll-static-index", {{"_config.yml", "title: L\n"},
                                 {"index.html", "<meta http-equiv=\"Refresh\" content=\"0; url='https://lilianweng.github.io/'\" /><h1>Old home</h1>\n"},
                                 {"tags/index.html", "<p>All tags</p>\n"},
                                 {"about/index.html", "<p>About me</p>\n"},
                                 {"_posts/2017-06-21-overview.md", "<meta http-equiv=\"Refresh\" content=\"0; url='https://lilianweng.github.io/posts/2017-06-21-overview/'\" />\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK_FALSE(j.wrote("static/index.html"));
  CHECK_FALSE(j.wrote("static/tags/index.html"));
  CHECK(j.wrote("static/about/index.html"));
  CHECK(holds(j.notes(), "index.html: the home page, a redirect to https://lilianweng.github.io/ (another site): Quire writes its own page at this address; not copied"));
  CHECK(holds(j.notes(), "tags/index.html: /tags/'s page: Quire writes its own page at this address; not copied"));
  const std::string stub = j.out("pages/2017-06-21-overview.md");
  CHECK(holds(stub, "This post has moved to [https://lilianweng.github.io/posts/2017-06-21-overview/]"));
  CHECK(holds(stub, "permalink: \"/2017/06/21/overview.html\""));
  CHECK(quire::load_content(j.root / "out", {}).ok());
}

TEST_CASE("Jekyll: published: False, FALSE, no and off keep a post out as YAML 1.1 read them; True, yes and on publish it") {
  // jalammar's 4 `published: False` posts had gone live, each reported as "not a date".
  Blog j("jekyll-published-yaml11", {{"_config.yml", "title: J\n"},
                                     {"_posts/2020-01-01-a.md", "---\ntitle: A\npublished: False\n---\nA\n"},
                                     {"_posts/2020-01-02-b.md", "---\ntitle: B\npublished: FALSE\n---\nB\n"},
                                     {"_posts/2020-01-03-c.md", "---\ntitle: C\npublished: no\n---\nC\n"},
                                     {"_posts/2020-01-04-d.md", "---\ntitle: D\npublished: Off\n---\nD\n"},
                                     {"_posts/2020-01-05-e.md", "---\ntitle: E\npublished: True\n---\nE\n"},
                                     {"_posts/2020-01-06-f.md", "---\ntitle: F\npublished: yes\n---\nF\n"},
                                     {"_posts/2020-01-07-g.md", "---\ntitle: G\npublished: \"False\"\n---\nG\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  for (const char* hidden : {"a", "b", "c", "d"})
    CHECK_MESSAGE(holds(j.out(std::string("posts/2020-01-0") + (hidden[0] == 'a' ? "1" : hidden[0] == 'b' ? "2" : hidden[0] == 'c' ? "3" : "4") +
                              "-" + hidden + ".md"), "draft: true"), hidden);
  for (const char* shown : {"posts/2020-01-05-e.md", "posts/2020-01-06-f.md", "posts/2020-01-07-g.md"})
    CHECK_FALSE_MESSAGE(holds(j.out(shown), "draft"), shown);
  CHECK_FALSE(holds(j.notes(), "is not a date"));
}

TEST_CASE("Jekyll: jekyll-polyglot's translations are not posts of their own; their /<lang>/ addresses redirect to the original") {
  // JustinMaDev's 13 zh-CN translations had become "-2" posts in the English list, and /zh-CN/... had nothing.
  Blog j("jekyll-polyglot", {{"_config.yml", "title: J\npermalink: pretty\nlanguages: [\"en\", \"zh-CN\"]\ndefault_lang: \"en\"\n"},
                             {"_posts/2018-11-04-rvalue.md", "---\ntitle: Rvalue references\n---\nEnglish\n"},
                             {"_posts/zh-CN/2018-11-04-rvalue.md", "---\ntitle: 右值引用\nlang: zh-CN\n---\n中文\n"},
                             {"_posts/zh-CN/2018-12-01-only.md", "---\ntitle: 只有中文\nlang: zh-CN\n---\n中文\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(j.report.posts == 2);
  CHECK_FALSE(j.wrote("posts/2018-11-04-rvalue-2.md"));
  CHECK(holds(j.out("posts/2018-11-04-rvalue.md"), "aliases: [\"/zh-CN/2018/11/04/rvalue/\"]"));
  CHECK(holds(j.notes(), "_posts/zh-CN/2018-11-04-rvalue.md: a translation (zh-CN, jekyll-polyglot): not imported"));
  CHECK(holds(j.notes(), "_posts/zh-CN/2018-12-01-only.md: only in zh-CN"));
  CHECK(quire::load_content(j.root / "out", {}).ok());
}

TEST_CASE("Jekyll: a feed template at feed/index.html is a feed at /feed/; a paginated list elsewhere than the home redirects to it") {
  // lehrblogger's /feed/ and RickCogley's /articles/ had nothing at them.
  Blog j("jekyll-feed-dir", {{"_config.yml", "title: T\nurl: https://example.com\npaginate: 10\n"},
                             {"_posts/2020-01-01-hello.md", "---\ntitle: Hello\n---\nHi\n"},
                             {"feed/index.html", "---\nlayout: nil\n---\n<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                                                 "<feed xmlns=\"http://www.w3.org/2005/Atom\">\n{% for post in site.posts %}<entry/>{% endfor %}\n</feed>\n"},
                             {"articles/index.html", "---\nlayout: page\n---\n{% for post in paginator.posts %}<h2>{{ post.title }}</h2>{% endfor %}\n"},
                             {"about/index.html", "---\nlayout: page\n---\n{% for p in page.projects %}{{ p }}{% endfor %}\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string site = j.out("site.yaml");
  CHECK(holds(site, "old_feeds: [\"/feed/\"]"));
  CHECK(holds(site, "\"/articles/\": \"/\""));
  CHECK(holds(j.notes(), "feed/index.html: a feed template"));
  CHECK(holds(j.notes(), "articles/index.html: a Liquid template (it has front matter) listing posts: not converted, Quire's / lists them"));
  CHECK(holds(j.notes(), "about/index.html: a Liquid template (it has front matter): not converted, nothing is at /about/ now"));
}

TEST_CASE("Jekyll: Octopress's img, blockquote, pullquote, video and include_code tags become what they showed") {
  // RickCogley's ~100 pages showed {% img right ... %}, {% blockquote %} and the like as text.
  Blog j("octopress-tags", {{"_config.yml", "title: O\n"},
                            {"downloads/code/tz.py", "import time\nprint(time.tzname)\n"},
                            {"_posts/2020-01-01-tags.markdown",
                             "---\ntitle: Tags\n---\n"
                             "{% img right http://example.com/cat.jpg 300 'Click to view: a cat' 'Photo of a cat' %}\n\n"
                             "{% img /images/dog.png %}\n\n"
                             "{% blockquote Seth Godin http://sethgodin.typepad.com/x.html Welcome to Island Marketing %}\n"
                             "Every interaction is both *precious* and {% img /images/a.png %}.\n"
                             "{% endblockquote %}\n\n"
                             "{% blockquote %}\nNobody said it.\n{% endblockquote %}\n\n"
                             "{% pullquote %}\nSurround your paragraph. {\" This part is pulled out \"} And that is all.\n{% endpullquote %}\n\n"
                             "{% video http://example.com/v.mp4 640 320 http://example.com/poster.png %}\n\n"
                             "{% include_code Time zones tz.py %}\n\n"
                             "{% include_code missing.rb %}\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string post = j.out("posts/2020-01-01-tags.md");
  CHECK(holds(post, "<img class=\"right\" src=\"http://example.com/cat.jpg\" width=\"300\" title=\"Click to view: a cat\" alt=\"Photo of a cat\">"));
  CHECK(holds(post, "<img src=\"/images/dog.png\">"));
  CHECK(holds(post, "<blockquote>\n\n\nEvery interaction is both *precious* and <img src=\"/images/a.png\">.\n\n\n"
                    "— **Seth Godin**, [Welcome to Island Marketing](<http://sethgodin.typepad.com/x.html>)\n\n</blockquote>"));
  CHECK(holds(post, "<blockquote>\n\n\nNobody said it.\n\n\n</blockquote>"));
  CHECK(holds(post, "\nSurround your paragraph. This part is pulled out And that is all.\n"));
  CHECK(holds(post, "<video width=\"640\" height=\"320\" poster=\"http://example.com/poster.png\" preload=\"none\" controls>"
                    "<source src=\"http://example.com/v.mp4\"></video>"));
  CHECK(holds(post, "*Time zones*\n```py\nimport time\nprint(time.tzname)\n```"));
  CHECK(holds(j.notes(), "{% include_code missing.rb %}: Octopress's include_code: no file "));
  CHECK(holds(j.notes(), "downloads/code/missing.rb"));
  CHECK_FALSE(holds(post, "{% img"));
  CHECK_FALSE(holds(post, "blockquote %}"));
  CHECK_FALSE(holds(post, "pullquote"));
}

TEST_CASE("Jekyll: Octopress's codeblock title is a caption above the block, its file's extension the language") {
  // RickCogley's {% codeblock Confirm %} had become a fence of the language "Confirm"; 31 captions and links had gone.
  Blog j("octopress-codeblock", {{"_config.yml", "title: O\n"},
                                 {"_posts/2020-01-01-code.markdown",
                                  "---\ntitle: Code\n---\n"
                                  "{% codeblock Confirm %}\n$ sudo launchctl list\n{% endcodeblock %}\n\n"
                                  "{% codeblock Add to_fraction for floats fraction.rb %}\nclass Float\nend\n{% endcodeblock %}\n\n"
                                  "{% codeblock Timezone Lister lang:python https://example.com/tz.py Download it %}\nimport time\n{% endcodeblock %}\n\n"
                                  "{% codeblock ruby %}\nputs 1\n{% endcodeblock %}\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string post = j.out("posts/2020-01-01-code.md");
  CHECK(holds(post, "*Confirm*\n```\n$ sudo launchctl list\n```"));
  CHECK(holds(post, "*Add to\\_fraction for floats fraction.rb*\n```rb\nclass Float\nend\n```"));
  CHECK(holds(post, "*Timezone Lister* [Download it](<https://example.com/tz.py>)\n```python\nimport time\n```"));
  CHECK(holds(post, "```ruby\nputs 1\n```"));
}

TEST_CASE("Jekyll: {{ page.url }} in a post is its address") {
  // p-mckenzie's 12 in-page links went to <post>/%7B%7Bpage.url%7D%7D#log-in.
  Blog j("jekyll-page-url", {{"_config.yml", "title: P\npermalink: pretty\n"},
                             {"_posts/2021-04-19-checklist.md", "---\ntitle: Checklist\n---\n"
                                                                "Jump to [log in]({{page.url}}#log-in) or [register]({{ page.url | relative_url }}#register).\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("posts/2021-04-19-checklist.md"),
              "Jump to [log in](/2021/04/19/checklist/#log-in) or [register](/2021/04/19/checklist/#register)."));
  CHECK_FALSE(holds(j.notes(), "page.url"));
}

TEST_CASE("Jekyll: LICENSE.md and CHANGELOG.md with front matter are pages, as Jekyll published them; without, left out") {
  // mropert's /LICENSE/ (the blog's content licence) and /CHANGELOG/ were skipped without a word.
  Blog j("jekyll-license", {{"_config.yml", "title: M\npermalink: pretty\n"},
                            {"LICENSE.md", "---\ntitle: LICENSE\n---\nCC BY-NC-SA 4.0\n"},
                            {"CHANGELOG.md", "# v1\n"},
                            {"_posts/2020-01-01-hello.md", "---\ntitle: Hello\n---\nSee the [licence](/LICENSE/).\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  CHECK(holds(j.out("pages/LICENSE.md"), "CC BY-NC-SA 4.0"));
  CHECK_FALSE(j.wrote("pages/CHANGELOG.md"));
  CHECK_FALSE(j.wrote("static/CHANGELOG.md"));
}

TEST_CASE("Jekyll: Chirpy's layout-only attribute lists are dropped quietly; {: file=\"...\" } is a caption above its code") {
  // tis-starlight's 65 .nolineno and ~50 data-toc-skip lines were "not converted" warnings.
  Blog j("jekyll-chirpy-ial", {{"_config.yml", "title: C\n"},
                               {"_posts/2020-01-01-code.md", "---\ntitle: Code\n---\n## Setup\n{: data-toc-skip='' .mt-4 }\n\n"
                                                             "```shell\necho 1\n```\n{: .nolineno }\n\nSee:\n```yaml\nkey: value\n```\n"
                                                             "{: file=\"_config.yml\" .nolineno }\n"}});
  REQUIRE(j.import(Engine::jekyll).ok());
  const std::string post = j.out("posts/2020-01-01-code.md");
  CHECK(holds(post, "See:\n\n*\\_config.yml*\n```yaml\nkey: value\n```\n"));
  CHECK_FALSE(holds(post, "{:"));
  CHECK_FALSE(holds(j.notes(), "attribute list"));
}

TEST_CASE("a Zola post dated after today is said (Zola published it); Eleventy's empty permalink: is no construct") {
  // bytes-z: a til post dated 2034 (a typo) was live on the Zola site and silently left out of Quire's.
  Blog z("zola-future", {{"config.toml", "base_url = 'https://z.example'\ntitle = 'Z'\n"},
                         {"content/_index.md", "+++\nsort_by = 'date'\n+++\n"},
                         {"content/typo.md", "+++\ntitle = 'Typo'\ndate = 2099-02-08\n+++\nT\n"},
                         {"content/now.md", "+++\ntitle = 'Now'\ndate = 2020-02-08\n+++\nN\n"}});
  REQUIRE(z.import(Engine::zola).ok());
  CHECK(holds(z.notes(), "typo.md: dated 2099-02-08, after today: Zola published it"));
  CHECK_FALSE(holds(z.notes(), "now.md: dated"));
  // hawksworx: permalink: with no value, 12 posts reported as "computed by the old engine"
  Blog e("eleventy-null-permalink", {{"eleventy.config.js", "export default function () {}\n"},
                                     {"posts/a.md", "---\ntitle: A\ndate: 2020-01-01\npermalink:\n---\nA\n"}});
  REQUIRE(e.import(Engine::eleventy).ok());
  CHECK_FALSE(holds(e.notes(), "computed by the old engine"));
}

// nathonius (markdown-it-obsidian-callouts) and ants (markdown-it-admonitions):
// "> [!tip]" showed as text in a plain blockquote.
TEST_CASE("GitHub's and Obsidian's alerts become callouts, with their title; code and plain quotes stay") {
  Blog b("alerts", {{"eleventy.config.js", "export default function (c) {}\n"},
                    {"posts/a.md", "---\ntitle: A\ndate: 2024-01-01\n---\n> [!NOTE]\n> Useful *here*.\n>\n> More.\nAfter.\n\n"
                                   "> [!tip]- Fold me\n> Hidden.\n\n> Just a quote [!x]\n\n```\n> [!NOTE]\n```\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  const std::string post = b.out("posts/a.md");
  CHECK(holds(post, "<div class=\"callout callout-note\">\n\n**Note**\n\nUseful *here*.\n\nMore.\n\n\n</div>\n\nAfter.\n"));
  CHECK(holds(post, "<div class=\"callout callout-tip\">\n\n**Fold me**\n\nHidden.\n"));
  CHECK(holds(post, "> Just a quote [!x]\n"));
  CHECK(holds(post, "```\n> [!NOTE]\n```\n"));
  // And the built page shows a callout, not "[!NOTE]".
  const std::string html = quire::render_markdown("<div class=\"callout callout-note\">\n\n**Note**\n\nUseful.\n\n\n</div>\n\nAfter.\n");
  CHECK(holds(html, "<p>After.</p>"));
}

// welpo/tabi's 64 fences like ```toml,hl_lines=5-6 and ```toml,name=a.toml
// took "toml,hl_lines=5-6" for the language: not highlighted, options lost.
TEST_CASE("Zola: code fence annotations become Quire's fence options and a file name above the block") {
  Blog b("zola-fence-annotations", {{"config.toml", "base_url = \"https://z.example\"\ntitle = \"Z\"\n"},
                                    {"content/_index.md", "+++\n+++\n"},
                                    {"content/code.md", "+++\ntitle = \"C\"\ndate = 2024-01-01\n+++\n"
                                                        "```rust,linenos,hl_lines=1 3-4\nfn a() {}\n```\n\n"
                                                        "```toml,name=config.toml,hide_lines=2\na = 1\n```\n\n"
                                                        "````md\n```js,linenos\n````\n"}});
  REQUIRE(b.import(Engine::zola).ok());
  const std::string post = b.out("pages/code.md");
  CHECK(holds(post, "```rust {linenos=true,hl_lines=[1 3-4]}\nfn a() {}\n```"));
  CHECK(holds(post, "*config.toml*\n\n```toml\na = 1\n```"));
  CHECK(holds(post, "````md\n```js,linenos\n````"));  // inside a block: code
  const quire::CodeBlockOptions o = quire::parse_code_info("rust {linenos=true,hl_lines=[1 3-4]}");
  CHECK(o.line_numbers);
  CHECK(o.is_highlighted(3));
  CHECK_FALSE(o.is_highlighted(2));
}

// bobrocke's Zola posts (definition_list = true), and kramdown's and Hugo's
// goldmark's default: ": " lines showed as text.
TEST_CASE("Definition lists become <dl>: terms inline, definitions markdown; Zola only when its config asks") {
  const std::string md = "Intro.\n\nHugo\n: A *fast* engine.\n: Written in Go.\n\n`Zola`\n\n: Rust,\n  one binary.\n\n  Second paragraph.\n\nAfter.\n\n"
                         "```\nTerm\n: not a list\n```\n";
  Blog b("zola-dl", {{"config.toml", "base_url = \"https://z.example\"\n[markdown]\ndefinition_list = true\n"},
                     {"content/_index.md", "+++\n+++\n"},
                     {"content/d.md", "+++\ntitle = \"D\"\ndate = 2024-01-01\n+++\n" + md}});
  REQUIRE(b.import(Engine::zola).ok());
  const std::string page = b.out("pages/d.md");
  CHECK(holds(page, "Intro.\n\n<dl>\n<dt>Hugo</dt>\n<dd>\n\nA *fast* engine.\n\n</dd>\n<dd>\n\nWritten in Go.\n\n</dd>\n"
                    "<dt><code>Zola</code></dt>\n<dd>\n\nRust,\none binary.\n\nSecond paragraph.\n\n</dd>\n</dl>\n\nAfter.\n"));
  CHECK(holds(page, "```\nTerm\n: not a list\n```"));
  Blog n("zola-no-dl", {{"config.toml", "base_url = \"https://z.example\"\n"}, {"content/_index.md", "+++\n+++\n"},
                        {"content/d.md", "+++\ntitle = \"D\"\ndate = 2024-01-01\n+++\n" + md}});
  REQUIRE(n.import(Engine::zola).ok());
  CHECK(holds(n.out("pages/d.md"), "Hugo\n: A *fast* engine.\n"));
  // What the build shows for it.
  const std::string html = quire::render_markdown("<dl>\n<dt>Hugo</dt>\n<dd>\n\nA *fast* engine.\n\n</dd>\n</dl>\n\nAfter.\n");
  CHECK(holds(html, "<dd>\n<p>A <em>fast</em> engine.</p>\n</dd>"));
  CHECK(holds(html, "<p>After.</p>"));
}

TEST_CASE("Jekyll: kramdown's definition lists and GitHub's alerts too") {
  Blog b("jekyll-dl-alerts", {{"_config.yml", "title: T\n"},
                              {"_posts/2020-01-01-a.md", "---\ntitle: A\n---\nTerm\n: Its *definition*.\n\n> [!WARNING]\n> Careful.\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  const std::string post = b.out("posts/2020-01-01-a.md");
  CHECK(holds(post, "<dl>\n<dt>Term</dt>\n<dd>\n\nIts *definition*.\n\n</dd>\n</dl>\n"));
  CHECK(holds(post, "<div class=\"callout callout-warning\">\n\n**Warning**\n\nCareful.\n"));
}

// 3y3y3y-huaiji's LoveIt config names Hugo's own term addresses in
// [permalinks] (categories = "/categories/:slug/"): its terms' pages had been
// redirected onto Quire's own, and the build refused the whole blog.
TEST_CASE("Hugo: a taxonomy's [permalinks] at Quire's own term address redirects nothing") {
  std::vector<std::pair<std::string, std::string>> files = {
      {"hugo.toml", "title = 'H'\npaginate = 2\n[taxonomies]\ntag = 'tags'\ncategory = 'categories'\n"
                    "[permalinks]\ntags = '/tags/:slug/'\ncategories = '/categories/:slug/'\n"}};
  for (int i = 1; i <= 5; ++i)
    files.push_back({"content/posts/p" + std::to_string(i) + ".md",
                     "+++\ntitle = 'P" + std::to_string(i) + "'\ndate = 2024-01-0" + std::to_string(i) + "\ntags = ['Go']\ncategories = ['AI博客']\n+++\nP\n"});
  Blog b("hugo-term-permalinks-own", files);
  REQUIRE(b.import(Engine::hugo).ok());
  const std::string site = b.out("site.yaml");
  CAPTURE(site);
  CHECK_FALSE(holds(site, "/tags/go/page/2/"));
  CHECK_FALSE(holds(site, "\"/tags/go/\":"));
  CHECK_FALSE(holds(site, "\"/categories/ai博客/\":"));
  CHECK(holds(site, "\"/tags/go/page/1/\": \"/tags/go/\""));  // Hugo's alias of page 1, which Quire does not write
  CHECK(quire::load_content(b.root / "out", {}).ok());
}

// The import fuzzer's find: a post with permalink /about/ before the page
// about.md (no permalink of its own to drop): both at /about/, and the build
// refused the blog.
TEST_CASE("Two items at one address: the later one moves beside it even without a permalink to drop") {
  Blog b("jekyll-post-over-page", {{"_config.yml", "title: T\npermalink: pretty\n"},
                                   {"_posts/2020-01-02-a.md", "---\ntitle: A\npermalink: /about/\n---\nA\n"},
                                   {"about.md", "---\ntitle: About\n---\nMe\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(holds(b.notes(), "about.md: its address /about/ is also"));
  CHECK(holds(b.out("pages/about.md"), "permalink: \"/about-2/\""));
}

// benjifs's read notes kept an old address "read" (/read/), and the list
// page at /read/ got a redirect there too: the build refused the blog.
TEST_CASE("No site redirect from an address an item keeps as an old address of its own") {
  Blog b("eleventy-redirect-over-alias", {{"eleventy.config.js", "export default function (c) {}\n"},
                                          {"posts/a.md", "---\ntitle: A\ndate: 2024-01-01\nredirect_from: [\"read\"]\n---\nA\n"},
                                          {"read.md", "---\npermalink: /read/\n---\n{% for p in collections.read %}{{ p.data.title }}{% endfor %}\n"}});
  REQUIRE(b.import(Engine::eleventy).ok());
  CHECK_FALSE(holds(b.out("site.yaml"), "\"/read/\""));
}

// The import fuzzer's find: a {% highlight %} not at a line's start becomes
// a fenced block on lines of its own, and the attribute list below it was
// reported 2 lines late, past the file's end.
TEST_CASE("Jekyll: attribute lists are reported at the source's line after a tag adds lines") {
  Blog b("jekyll-ial-line", {{"_config.yml", "title: T\n"},
                             {"_posts/2020-01-02-a.md", "---\ntitle: A\n---\nSee {% highlight ruby %}\nputs 1\n{% endhighlight %}\n{: .lead}\n"}});
  REQUIRE(b.import(Engine::jekyll).ok());
  CHECK(holds(b.notes(), "2020-01-02-a.md:7: kramdown attribute list \"{: .lead}\" removed"));
  CHECK_FALSE(holds(b.out("posts/2020-01-02-a.md"), "{: .lead}"));
}


// `body` as a Jekyll post and as a Hugo post, each imported, then `check(blog, post)`.
template <typename Check>
void in_jekyll_and_hugo(const std::string& name, const std::string& body, Check&& check) {
  Blog j(name + "-jekyll", {{"_config.yml", "title: T\n"}, {"_posts/2020-01-01-a.md", "---\ntitle: A\n---\n" + body}});
  REQUIRE(j.import(Engine::jekyll).ok());
  check(j, j.out("posts/2020-01-01-a.md"));
  Blog h(name + "-hugo", {{"hugo.toml", "title = 'T'\n"}, {"content/posts/a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n" + body}});
  REQUIRE(h.import(Engine::hugo).ok());
  check(h, h.out("posts/a.md"));
}

TEST_CASE("A gist's <script> embed alone on its line becomes a link to the gist, in every engine; elsewhere it stays") {
  const std::string gists =
      "Code:\n\n<script src=\"https://gist.github.com/octocat/6cad326836d38bd3a7ae.js\"></script>\n\n"
      "  <script type=\"text/javascript\" src='//gist.github.com/1234abcd.js?file=hello.rb'></script>\n\n"
      "Inline <script src=\"https://gist.github.com/a/1.js\"></script> stays.\n\n"
      "```html\n<script src=\"https://gist.github.com/a/2.js\"></script>\n```\n";
  in_jekyll_and_hugo("gist", gists, [](Blog& b, const std::string& post) {
    CAPTURE(post);
    CHECK(holds(post, "Code:\n\n[gist octocat/6cad326836d38bd3a7ae](https://gist.github.com/octocat/6cad326836d38bd3a7ae)\n"));
    CHECK(holds(post, "\n[gist 1234abcd (hello.rb)](https://gist.github.com/1234abcd#file-hello-rb)\n"));
    CHECK(holds(post, "Inline <script src=\"https://gist.github.com/a/1.js\"></script> stays."));
    CHECK(holds(post, "```html\n<script src=\"https://gist.github.com/a/2.js\"></script>\n```"));
    const std::string said = "a gist's <script> embed (a link to the gist: its code is not in the post; paste it in as a code block to keep it)";
    REQUIRE(b.report.converted.count(said) == 1);
    CHECK(b.report.converted.at(said) == 2);
  });
}

TEST_CASE("CodePen's embed (<p class=\"codepen\"> and its script) becomes CodePen's iframe, its host carried; one without a user, or in code, stays") {
  const std::string pens =
      "<p class=\"codepen\" data-height=\"420\" data-default-tab=\"css,result\" data-slug-hash=\"abcXYZ\" data-user=\"someone\" "
      "data-pen-title=\"Grid &amp; &quot;demo&quot;\" style=\"height: 420px;\">\n"
      "  <span>See the Pen <a href=\"https://codepen.io/someone/pen/abcXYZ\">Grid</a> on CodePen.</span>\n</p>\n\n"
      "<p data-slug-hash='QWE' data-user='other' class='codepen'>Pen</p>\n"
      "<script async src=\"https://cpwebassets.codepen.io/assets/embed/ei.js\"></script>\n\n"
      "<p class=\"codepen\" data-slug-hash=\"nouser\">No user</p>\n\n"
      "```html\n<p class=\"codepen\" data-slug-hash=\"inCode\" data-user=\"u\">x</p>\n```\n";
  in_jekyll_and_hugo("codepen", pens, [](Blog& b, const std::string& post) {
    CAPTURE(post);
    CHECK(holds(post, "<iframe src=\"https://codepen.io/someone/embed/abcXYZ?default-tab=css,result\" width=\"100%\" height=\"420\" "
                      "title=\"CodePen: Grid &amp; &quot;demo&quot;\" loading=\"lazy\" allowfullscreen></iframe>\n"));
    CHECK(holds(post, "<iframe src=\"https://codepen.io/other/embed/QWE?default-tab=result\" width=\"100%\" height=\"300\" "
                      "title=\"CodePen demo\" loading=\"lazy\" allowfullscreen></iframe>\n"));
    CHECK_FALSE(holds(post, "ei.js"));
    CHECK_FALSE(holds(post, "See the Pen"));
    CHECK(holds(post, "<p class=\"codepen\" data-slug-hash=\"nouser\">No user</p>"));
    CHECK(holds(post, "```html\n<p class=\"codepen\" data-slug-hash=\"inCode\" data-user=\"u\">x</p>\n```"));
    CHECK(holds(b.out("site.yaml"), "\"codepen.io\""));
    const std::string said = "a CodePen embed (<p class=\"codepen\"> and CodePen's script) as CodePen's iframe";
    REQUIRE(b.report.converted.count(said) == 1);
    CHECK(b.report.converted.at(said) == 2);
  });
}

}  // TEST_SUITE
