// A sweep for superlinear time: random units of 1-4 atoms (markdown
// constructs, raw HTML, template tags), each repeated n and 4n times, run
// through the reader's functions (render, summary and plain text, search
// snippet and tokens), the build's raw HTML sanitizer, or the importers'
// tag rewriting (Hugo, Liquid, Zola handlers). A linear function takes
// about 4x as long at 4n; a unit taking over 8x (and over `--min` seconds
// at 4n) is printed, then checked again at 16n to tell noise from growth.
// bench/pathological.mjs keeps the inputs found this way as fixed cases.
//
//   build/native/quire-sweep reader|sanitize|import [--units N] [--n N] [--seed S] [--min SECONDS]
//                            [--unit TEXT]   only this unit (\n for a line break), timed at n, 4n, 16n
//
// Exit 0 always: it is a search, not a test. Output: one line per unit that
// grew, then "N units, M superlinear".
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "build/html_sanitizer.hpp"
#include "build/import/common.hpp"
#include "core/markdown.hpp"
#include "core/post_text.hpp"
#include "core/search_snippet.hpp"
#include "core/search_text.hpp"

namespace {

using Function = std::function<void(const std::string&)>;

double seconds(const Function& f, const std::string& input) {
  const auto t0 = std::chrono::steady_clock::now();
  f(input);
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

std::string repeat(const std::string& unit, int n) {
  std::string out;
  out.reserve(unit.size() * static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) out += unit;
  return out;
}

std::string shown(const std::string& unit) {
  std::string out;
  for (const char c : unit) out += c == '\n' ? "\\n" : c == '\t' ? "\\t" : std::string(1, c);
  return out;
}

const std::vector<std::string> kMarkdownAtoms = {
    "# ", "## x\n", "x\n===\n", "---\n", "- ", "* ", "+ ", "1. ", "1) ", "    - ", "> ", ">", "> - ", "    ", "\t",
    "```\n", "```", "~~~\n", "`", "``", "*", "**", "_", "__", "~", "~~", "[a](b)", "[a](", "](", "[a]", "[", "]",
    "(", ")", "[a]: /b\n", "![", "![a](b)", "[^1]", "[^1]: x\n", "[^", "$", "$$", "$$\n", "\\(", "\\[", "\"", "'",
    "--", "...", "&amp;", "&#", "&", ";", "<http://a.b>", "http://a.b", "www.a.b", "a@b.c", "<", ">", "\\", "\n",
    "\n\n", " ", "x", "\xC3\xA9", "{#id}", "{", "}", ":", "| a | b |\n", "|---|---|\n", "| ", " |", "<https://",
    "<!", "<?", "<![CDATA[", "]]>", "="};
const std::vector<std::string> kHtmlAtoms = {
    "<div>\n", "</div>\n", "<!--", "-->", "<details>", "<summary>x</summary>", "<span>", "</span>", "<b>", "<p>",
    "<pre>\n", "<table>", "<td>", "<a href=\"/x\">", "</a>", "<img src=\"a.png\">", "<br>", "<ul>", "<li>",
    "<script>", "</script>", "<style>", "<iframe src=\"https://www.youtube.com/embed/x\">", "</iframe>"};
const std::vector<std::string> kTemplateAtoms = {
    "{{<", "{{%", ">}}", "%}}", "{{< /x >}}", "{{< x >}}", "{%", "%}", "{{", "}}", "{% raw %}", "{% endraw %}",
    "{% highlight go %}", "{% endhighlight %}", "{{< highlight go >}}", "{{< /highlight >}}",
    "{{< figure src=\"a.png\" >}}", "{% include x.html %}", "{{ site.baseurl }}", "<!--more-->", "{: .c}",
    "{% comment %}", "{% endcomment %}", "{% if x %}", "{% endif %}", "{% for a in b %}", "{% endfor %}",
    "{{< ref \"x\" >}}", "{{< details \"t\" >}}", "{{< /details >}}", "{{/*", "*/}}", "{% capture x %}",
    "{% endcapture %}", "{{< youtube abc >}}", "{% youtube abc %}", "{{< notice note >}}", "{{< /notice >}}",
    "{% note %}", "{% endnote %}", "{{ page.x }}", "{% post_url x %}", "{% end %}", "{{ youtube(id=\"x\") }}",
    "{%-", "-%}", "```\n", "\n", "\n\n", "x", " ", "\"", "$$"};

}  // namespace

int main(int argc, char** argv) {
  using namespace quire;
  std::string mode = argc > 1 ? argv[1] : "";
  int units = 500, n = 4000;
  unsigned seed = 1;
  double min_seconds = 0.02;
  std::string only;
  for (int i = 2; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--units") units = std::atoi(argv[i + 1]);
    else if (flag == "--n") n = std::atoi(argv[i + 1]);
    else if (flag == "--seed") seed = static_cast<unsigned>(std::atoi(argv[i + 1]));
    else if (flag == "--min") min_seconds = std::atof(argv[i + 1]);
    else if (flag == "--unit") only = argv[i + 1];
  }

  std::vector<std::string> atoms;
  std::vector<std::pair<std::string, Function>> functions;
  MarkdownOptions options;
  options.math = options.smart_punctuation = options.figures = true;
  const std::vector<SearchMark> no_marks;
  // The importers' handlers, as quire import calls them (tests/unit/test_import.cpp's fixture).
  ImportReport report;
  import::Run hugo{Engine::hugo, "src", "dest", report, "", "", {}, "", {}, {}, {}, "en", {}, {}, false};
  import::Run jekyll{Engine::jekyll, "src", "dest", report, "", "", {}, "", {}, {}, {}, "en", {}, {}, false};
  import::Run zola{Engine::zola, "src", "dest", report, "", "", {}, "", {}, {}, {}, "en", {}, {}, false};
  if (mode == "reader") {
    atoms = kMarkdownAtoms;
    atoms.insert(atoms.end(), kHtmlAtoms.begin(), kHtmlAtoms.end());
    functions = {
        {"render", [&](const std::string& d) { (void)render_markdown(d, options); }},
        {"post_text", [&](const std::string& d) { (void)post_text(d, true); }},
        {"plain_text", [&](const std::string& d) { (void)markdown_plain_text(d, true); }},
        {"snippet", [&](const std::string& d) { (void)markdown_snippet(d, no_marks); }},
        {"tokens", [&](const std::string& d) { (void)search_tokens(d); }},
    };
  } else if (mode == "sanitize") {
    atoms = kHtmlAtoms;
    atoms.insert(atoms.end(), kMarkdownAtoms.begin(), kMarkdownAtoms.end());
    functions = {{"sanitize", [&](const std::string& d) { (void)sanitize_raw_html(d, kDefaultIframeHosts); }}};
  } else if (mode == "import") {
    atoms = kTemplateAtoms;
    const auto rewrite = [&](import::Run& run, auto handler) {
      return [&run, handler](const std::string& d) {
        (void)import::rewrite_tags(d, 1, "p.md", run, [&](std::string_view t, import::Tag& tag) { return handler(run, t, tag); });
        run.report.not_converted.clear();
      };
    };
    functions = {{"hugo", rewrite(hugo, import::hugo_shortcode)},
                 {"liquid", rewrite(jekyll, import::liquid_tag)},
                 {"zola", rewrite(zola, import::zola_shortcode)}};
  } else {
    std::fprintf(stderr, "usage: quire-sweep reader|sanitize|import [--units N] [--n N] [--seed S] [--min SECONDS]\n");
    return 2;
  }

  if (!only.empty()) {
    std::string unit;
    for (size_t i = 0; i < only.size(); ++i) {
      if (only[i] == '\\' && i + 1 < only.size() && only[i + 1] == 'n') {
        unit += '\n';
        ++i;
      } else {
        unit += only[i];
      }
    }
    for (const auto& [name, f] : functions) {
      std::printf("%-10s", name.c_str());
      for (const int m : {1, 4, 16}) std::printf("  %d: %.4f s", m * n, seconds(f, repeat(unit, m * n)));
      std::printf("\n");
    }
    return 0;
  }

  std::mt19937 rng(seed);
  int superlinear = 0;
  for (int u = 0; u < units; ++u) {
    std::string unit;
    for (int k = 1 + static_cast<int>(rng() % 4); k > 0; --k) unit += atoms[rng() % atoms.size()];
    const std::string small = repeat(unit, n), big = repeat(unit, 4 * n);
    for (const auto& [name, f] : functions) {
      const double a = seconds(f, small);
      const double b = seconds(f, big);
      if (b < min_seconds || b < 8 * a) continue;
      // Again at 16n: growth, not noise, grows again (unless 4n is slow
      // already: quadratic, 16n would take 16 times as long again).
      const double c = b > 1 ? 0 : seconds(f, repeat(unit, 16 * n));
      if (b <= 1 && c < 8 * b) continue;
      ++superlinear;
      std::printf("%-10s n %.4f s, 4n %.4f s, 16n %.4f s  unit \"%s\"\n", name.c_str(), a, b, c, shown(unit).c_str());
      std::fflush(stdout);
    }
  }
  std::printf("%d units, %d superlinear\n", units, superlinear);
  return 0;
}
