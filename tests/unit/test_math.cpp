// Math moved in (src/build/import/math.cpp) and built (core/math.hpp): the
// four engines' ways of saying a page or a site has math, MathJax's
// delimiters, and the built pages' math spans. Blogs shaped like the real
// ones: a Jekyll blog with `mathjax: true` per post and kramdown's \\( \\),
// a Hugo blog whose config turns goldmark's passthrough on, a Zola blog with
// `[extra] katex = true`, an Eleventy blog using markdown-it-katex.
#include <doctest/doctest.h>

#include "content_support.hpp"
#include "text_match.hpp"

#include <filesystem>
#include <string>

#include "build/content.hpp"
#include "build/import/common.hpp"
#include "build/import/import.hpp"
#include "core/router.hpp"
#include "core/views.hpp"

namespace fs = std::filesystem;
using quire::testing::all;
using quire::testing::read_text;
using quire::testing::TempDir;
using quire_test::has;

namespace {

// Imports `src` as `engine` into `dest`, builds it and renders the post `slug`.
std::string imported_post(quire::Engine engine, const fs::path& src, const fs::path& dest, const std::string& slug) {
  const quire::ImportReport r = quire::import_blog(engine, src, dest, {});
  REQUIRE_MESSAGE(r.ok(), all(r.not_converted));
  const quire::ContentResult built = quire::load_content(dest, {});
  REQUIRE_MESSAGE(built.ok(), all(built.errors));
  const quire::Post* p = built.bundle.find_post(slug);
  REQUIRE_MESSAGE(p, slug);
  return quire::render_view(built.bundle, quire::post_route(*p)).html;
}

}  // namespace

TEST_SUITE("math") {

TEST_CASE("MathJax's delimiters become dollars outside code; other backslashes stay") {
  using quire::import::math_delimiters;
  CHECK(math_delimiters("Inline \\(a^2\\) and kramdown's \\\\(b\\\\).") == "Inline $a^2$ and kramdown's $b$.");
  CHECK(math_delimiters("\\[\nx = \\frac{1}{2}\n\\]\n") == "$$\nx = \\frac{1}{2}\n$$\n");
  CHECK(math_delimiters("`\\(code\\)` and\n\n```\n\\[x\\]\n```\n") == "`\\(code\\)` and\n\n```\n\\[x\\]\n```\n");
  CHECK(math_delimiters("An escaped \\( paren.\n\nLater \\) one.") == "An escaped \\( paren.\n\nLater \\) one.");
  CHECK(math_delimiters("\\[a\\) mixed") == "\\[a\\) mixed");
  CHECK(math_delimiters("[link](x) \\* star") == "[link](x) \\* star");
  // Spaces inside MathJax's inline delimiters are MathJax's to ignore;
  // "$ " is no math here (karpathy.github.io showed "$ \sum_i ... $").
  CHECK(math_delimiters("The loss \\( \\sum x \\) and \\(\ty\n\\).") == "The loss $\\sum x$ and $y$.");
  CHECK(math_delimiters("\\[ x \\]") == "$$ x $$");
}

TEST_CASE("kramdown read TeX between \\\\( \\\\) as markdown: its escapes are undone there, not in $$") {
  using quire::import::math_delimiters;
  CHECK(math_delimiters("The loss \\\\( \\sum\\_i \\log p(y\\_i \\mid x\\_i) \\\\) and \\\\(y\\_i\\\\).", true) ==
        "The loss $\\sum_i \\log p(y_i \\mid x_i)$ and $y_i$.");
  // kramdown gave MathJax \\ for \\\\ (a TeX line break) and * for \*; \, (a thin space) and \$ are no escapes.
  CHECK(math_delimiters("\\\\[a \\\\\\\\ b\\* \\, \\$\\\\]", true) == "$$a \\\\ b* \\, \\$$$");
  // Not kramdown, or not its \\( form: left as written.
  CHECK(math_delimiters("\\\\(y\\_i\\\\)") == "$y\\_i$");
  CHECK(math_delimiters("\\(y\\_i\\)", true) == "$y\\_i$");
}

TEST_CASE("kramdown's $$ among text is inline math, alone on its lines display math") {
  using quire::import::kramdown_inline_math;
  CHECK(kramdown_inline_math("Let $$x^2$$ and $$y$$ be.\n") == "Let $x^2$ and $y$ be.\n");
  CHECK(kramdown_inline_math("$$x^2$$\n\n> $$y$$\n") == "$$x^2$$\n\n> $$y$$\n");
  CHECK(kramdown_inline_math("$$\na $$b$$\n") == "$$\na $$b$$\n");
  CHECK(kramdown_inline_math("`$$x$$` in code\n") == "`$$x$$` in code\n");
}

TEST_CASE("markdown's escapes inside TeX are undone for engines whose markdown ran first") {
  using quire::import::unescape_math;
  CHECK(unescape_math("$\\sum\\_{k=1}^N X\\_{ij} \\\\ a\\*b$ and \\_x\\_ out") ==
        "$\\sum_{k=1}^N X_{ij} \\ a*b$ and \\_x\\_ out");
  CHECK(unescape_math("$$\na \\\\\nb\n$$\n") == "$$\na \\\nb\n$$\n");
  CHECK(unescape_math("`$a\\_b$`") == "`$a\\_b$`");
  CHECK(unescape_math("$\\alpha\\,\\beta$") == "$\\alpha,\\beta$");  // markdown gave MathJax ","
}

TEST_CASE("a Hugo post with MathJax and markdown escapes in its TeX (no passthrough): the TeX MathJax read") {
  TempDir dir;
  dir.write("src/config.toml", "title = \"Opt\"\n[params]\nmath = true\n");
  dir.write("src/content/post/pool.md", "---\ntitle: Pool\ndate: 2019-01-01\n---\n$V = \\sum\\_{k=1}^N V\\_k$\n");
  CHECK(has(imported_post(quire::Engine::hugo, dir.path / "src", dir.path / "out", "pool"),
            "<span class=\"math\">V = \\sum_{k=1}^N V_k</span>"));
}

TEST_CASE("TeX between dollars is told from prices and shell variables") {
  using quire::import::has_tex_math;
  CHECK(has_tex_math("* Gamma: $\\Gamma(x)=\\int^\\infty_0 e^{-t}dt$\n"));
  CHECK(has_tex_math("Then $x^{2}$ grows."));
  CHECK(has_tex_math("$$\na + b\n$$\n"));
  CHECK_FALSE(has_tex_math("It costs $5 or $10."));
  CHECK_FALSE(has_tex_math("Set $HOME and $PATH, then $ echo hi."));
  CHECK_FALSE(has_tex_math("`$\\frac{a}{b}$` is code\n\n```\n$$\nx\n$$\n```\n"));
  CHECK_FALSE(has_tex_math("Plain $x$ alone."));
  // A WordPress export's <pre> and a shell's $'...\n...' are no TeX.
  CHECK_FALSE(has_tex_math("<pre>echo $'a\\nRewriteCond (.*)$ x</pre>\n"));
  CHECK_FALSE(has_tex_math("Run echo $'a\\nRewriteCond (.*)$ x"));
}

TEST_CASE("a Hugo post whose theme loads KaTeX everywhere (no switch anywhere): its TeX is math") {
  TempDir dir;
  dir.write("src/config.toml", "title = \"Notes\"\ntheme = \"ztyblog\"\n");
  dir.write("src/content/blog/gamma.md", "---\ntitle: Gamma\ndate: 2018-11-15\n---\n* $\\Gamma(n+1)=n!$ and $a*b*c$\n");
  dir.write("src/content/blog/money.md", "---\ntitle: Money\ndate: 2018-11-16\n---\nFrom $5 to *$10*.\n");
  const std::string gamma = imported_post(quire::Engine::hugo, dir.path / "src", dir.path / "out", "gamma");
  CHECK(has(gamma, "<span class=\"math\">\\Gamma(n+1)=n!</span> and <span class=\"math\">a*b*c</span>"));
  CHECK(has(imported_post(quire::Engine::hugo, dir.path / "src", dir.path / "out2", "money"), "From $5 to <em>$10</em>."));
}

TEST_CASE("a theme's math switch in the text: Blowfish's {{< katex >}}, Hugo Blox's {{< math >}}, Jekyll's include") {
  TempDir dir;
  dir.write("hugo/config.toml", "title = \"B\"\ntheme = \"blowfish\"\n");
  dir.write("hugo/content/posts/ratio.md", "---\ntitle: Ratio\ndate: 2023-01-01\n---\n{{< katex >}}\nThe ratio \\(\\varphi\\) is $1.618$.\n");
  dir.write("hugo/content/posts/blox.md",
            "---\ntitle: Blox\ndate: 2023-01-02\n---\n{{< math >}}\n$$\nf(k;p_0^*) = p_0^* \\\\ 1-p_0^*\n$$\n{{< /math >}}\n");
  const std::string ratio = imported_post(quire::Engine::hugo, dir.path / "hugo", dir.path / "hout", "ratio");
  CHECK(has(ratio, "The ratio <span class=\"math\">\\varphi</span> is <span class=\"math\">1.618</span>."));
  CHECK_FALSE(has(ratio, "katex"));
  const quire::ContentResult built = quire::load_content(dir.path / "hout", {});
  const std::string blox = quire::render_view(built.bundle, quire::post_route(*built.bundle.find_post("blox"))).html;
  CHECK(has(blox, "<span class=\"math display\">f(k;p_0^*) = p_0^* \\\\ 1-p_0^* </span>"));
  CHECK_FALSE(has(blox, "{{"));
  dir.write("jekyll/_config.yml", "title: J\n");
  dir.write("jekyll/_posts/2023-02-02-pi.md", "---\ntitle: Pi\n---\n{% include mathjax.html %}\nSo $x_1$ it is.\n");
  CHECK(has(imported_post(quire::Engine::jekyll, dir.path / "jekyll", dir.path / "jout", "pi"),
            "So <span class=\"math\">x_1</span> it is."));
}

TEST_CASE("a paired katex shortcode around TeX, inline and display (simonrw's Hugo blog)") {
  TempDir dir;
  dir.write("src/config.toml", "title = \"S\"\n");
  dir.write("src/content/posts/elegance.md",
            "---\ntitle: Elegance\ndate: 2020-04-27\n---\nNewton:\n\n{{< katex display >}}\nF = G \\frac{m_1 m_2}{r^2}\n{{< /katex >}}\n\n"
            "where {{< katex >}}F{{< /katex >}} is force and {{<katex>}}m\\_1{{</katex>}} a mass.\n");
  const std::string html = imported_post(quire::Engine::hugo, dir.path / "src", dir.path / "out", "elegance");
  CHECK(has(html, "<span class=\"math display\">F = G \\frac{m_1 m_2}{r^2} </span>"));
  CHECK(has(html, "where <span class=\"math\">F</span> is force and <span class=\"math\">m\\_1</span> a mass."));
  CHECK_FALSE(has(read_text(dir.path / "out/posts/elegance.md"), "katex"));
}

TEST_CASE("front matter and config switches themes read as math") {
  using quire::import::config_math;
  using quire::import::is_math_key;
  using quire::import::math_value;
  using quire::import::ojson;
  for (const char* k : {"math", "mathjax", "MathJax", "katex", "use_math", "usemathjax", "enableMathJax", "hasMath"})
    CHECK_MESSAGE(is_math_key(k), k);
  CHECK_FALSE(is_math_key("mathematics"));
  CHECK(math_value(ojson(true)) == true);
  CHECK(math_value(ojson("katex")) == true);
  CHECK(math_value(ojson("false")) == false);
  CHECK(math_value(ojson::parse(R"({"enable": true})")) == true);
  CHECK_FALSE(math_value(ojson("sometimes")).has_value());
  CHECK(config_math(ojson::parse(R"({"params": {"math": true}})")));
  CHECK(config_math(ojson::parse(R"({"params": {"features": {"math": {"enable": true}}}})")));
  CHECK(config_math(ojson::parse(R"({"markup": {"goldmark": {"extensions": {"passthrough": {"enable": true}}}}})")));
  CHECK(config_math(ojson::parse(R"({"extra": {"katex": true}})")));
  CHECK_FALSE(config_math(ojson::parse(R"({"params": {"math": {"enable": false}}})")));
  CHECK_FALSE(config_math(ojson::parse(R"({"kramdown": {"math_engine": "mathjax"}})")));  // kramdown's default
  CHECK_FALSE(config_math(ojson::parse(R"({"defaults": [{"values": {"mathjax": true}}]})")));
}

TEST_CASE("a Jekyll post with mathjax: true and kramdown's \\\\( \\\\) shows math; one without keeps its dollars") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/_config.yml", "title: Notes\nkramdown:\n  math_engine: mathjax\n");
  dir.write("src/_posts/2020-03-01-proof.md",
            "---\ntitle: A proof\nmathjax: true\n---\nLet \\\\(x_1*x_2\\\\) be given, and $$n^2$$ too.\n\n"
            "$$\n\\begin{aligned}\na &= b \\\\\n\nc &= d\n\\end{aligned}\n$$\n");
  dir.write("src/_posts/2020-03-02-shopping.md", "---\ntitle: Shopping\n---\nApples cost $2 and *pears* $3.\n");
  const std::string proof = imported_post(quire::Engine::jekyll, src, dest, "proof");
  CHECK(has(read_text(dest / "posts/2020-03-01-proof.md"), "math: true"));
  CHECK(has(proof, "<span class=\"math\">x_1*x_2</span>"));
  CHECK(has(proof, "and <span class=\"math\">n^2</span> too."));  // kramdown: $$ among text is inline
  CHECK(has(proof, "<span class=\"math display\">\\begin{aligned} a &amp;= b \\\\ c &amp;= d \\end{aligned} </span>"));
  CHECK_FALSE(has(read_text(dest / "site.yaml"), "math"));
  const quire::ContentResult built = quire::load_content(dest, {});
  const std::string shopping = quire::render_view(built.bundle, quire::post_route(*built.bundle.find_post("shopping"))).html;
  CHECK(has(shopping, "Apples cost $2 and <em>pears</em> $3."));
  CHECK(fs::exists(dest / "posts"));
}

TEST_CASE("a Jekyll post's \\\\( \\\\) with spaces inside and kramdown escapes in the TeX: the math MathJax showed") {
  // karpathy.github.io, 2016-05-31-rl.markdown: "$ \\sum_i ... $" showed as text, y\\_i with its backslash.
  TempDir dir;
  dir.write("src/_config.yml", "title: K\n");
  dir.write("src/_posts/2016-05-31-rl.markdown",
            "---\ntitle: RL\nmathjax: true\n---\nThe loss \\\\( \\sum\\_i \\log p(y\\_i \\mid x\\_i) \\\\) and \\\\(y\\_i\\\\).\n");
  const std::string rl = imported_post(quire::Engine::jekyll, dir.path / "src", dir.path / "blog", "rl");
  CHECK(has(rl, "The loss <span class=\"math\">\\sum_i \\log p(y_i \\mid x_i)</span> and <span class=\"math\">y_i</span>."));
}

TEST_CASE("a Hugo blog with goldmark's passthrough: every post's \\( \\) and \\[ \\] are math, math: false opts out") {
  TempDir dir;
  const fs::path src = dir.path / "src", dest = dir.path / "blog";
  dir.write("src/hugo.toml", "title = \"Lab\"\nbaseURL = \"https://lab.example/\"\n"
                             "[markup.goldmark.extensions.passthrough]\nenable = true\n"
                             "[markup.goldmark.extensions.passthrough.delimiters]\nblock = [['\\[', '\\]'], ['$$', '$$']]\n"
                             "inline = [['\\(', '\\)']]\n");
  dir.write("src/content/posts/entropy.md",
            "---\ntitle: Entropy\ndate: 2021-05-01\n---\nWith \\(H = -\\sum p_i \\log p_i\\):\n\n\\[\nH \\le \\log n\n\\]\n");
  dir.write("src/content/posts/prices.md", "---\ntitle: Prices\ndate: 2021-05-02\nmath: false\n---\nFrom $5 to $10.\n");
  const std::string entropy = imported_post(quire::Engine::hugo, src, dest, "entropy");
  CHECK(has(read_text(dest / "site.yaml"), "math: true"));
  CHECK(has(entropy, "<span class=\"math\">H = -\\sum p_i \\log p_i</span>"));
  CHECK(has(entropy, "<span class=\"math display\">H \\le \\log n </span>"));
  const std::string prices = imported_post(quire::Engine::hugo, src, dir.path / "again", "prices");
  CHECK(has(prices, "From $5 to $10."));
}

TEST_CASE("Zola's extra.katex and Eleventy's markdown-it-katex make the whole site's TeX math") {
  TempDir dir;
  dir.write("zola/config.toml", "title = \"Z\"\nbase_url = \"https://z.example\"\n[extra]\nkatex = true\n");
  dir.write("zola/content/posts/_index.md", "+++\nsort_by = \"date\"\n+++\n");
  dir.write("zola/content/posts/euler.md", "+++\ntitle = \"Euler\"\ndate = 2022-01-01\n+++\n$e^{i\\pi}+1=0$\n");
  CHECK(has(imported_post(quire::Engine::zola, dir.path / "zola", dir.path / "zout", "euler"),
            "<span class=\"math\">e^{i\\pi}+1=0</span>"));
  dir.write("eleventy/.eleventy.js", "const mdKatex = require(\"@iktakahiro/markdown-it-katex\");\n"
                                     "module.exports = (c) => { c.setLibrary('md', require('markdown-it')().use(mdKatex)); };\n");
  dir.write("eleventy/posts/gauss.md", "---\ntitle: Gauss\ndate: 2022-02-02\ntags: post\n---\n$\\int e^{-x^2} dx = \\sqrt{\\pi}$\n");
  CHECK(has(imported_post(quire::Engine::eleventy, dir.path / "eleventy", dir.path / "eout", "gauss"),
            "<span class=\"math\">\\int e^{-x^2} dx = \\sqrt{\\pi}</span>"));
}

}  // TEST_SUITE
