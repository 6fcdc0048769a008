// The `quire` command: build, check, render, new.
// Exit codes: 0 ok, 1 content errors, 2 usage (and I/O failures).
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <iterator>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "build/build_timings.hpp"
#include "build/content.hpp"
#include "build/link_check.hpp"
#include "build/fsutil.hpp"
#include "build/import/import.hpp"
#include "build/site_writer.hpp"
#include "core/code_tokens.hpp"
#include "core/html.hpp"
#include "core/markdown.hpp"
#include "highlight/highlight.hpp"

namespace fs = std::filesystem;

namespace {

constexpr int kOk = 0, kContentErrors = 1, kUsage = 2;
// Progress: a line every kProgressEvery pages on a terminal, or when a build
// has more than kQuietPages pages.
constexpr size_t kProgressEvery = 1000, kQuietPages = 2000;

const char* kUsageText =
    "usage: quire <command> [options]\n"
    "\n"
    "commands:\n"
    "  build [content-dir] [-o out-dir] [--drafts] [--future] [--timings]\n"
    "        build the site (default: content -> dist); --timings prints the wall-clock\n"
    "        and CPU time of each phase on stderr\n"
    "  check [content-dir] [--drafts] [--future]\n"
    "        validate content without writing anything\n"
    "  render [--unsafe-html] [--highlight] [--bench N]\n"
    "        markdown on stdin -> HTML on stdout (the browser's renderer);\n"
    "        --highlight highlights code blocks as `quire build` does for posts\n"
    "        --bench N renders N times the NUL-separated documents on stdin and\n"
    "        prints {\"bytes\", \"seconds\", \"cpu_seconds\"} instead (bench/markdown.mjs)\n"
    "  new \"Post title\" [content-dir]\n"
    "        create content/posts/YYYY-MM-DD-post-title.md\n"
    "  import jekyll|hugo|zola|eleventy SRC [content-dir] [--force]\n"
    "        convert a blog folder into Quire content (default: content), reporting\n"
    "        every construct it could not convert with file:line; SRC is never changed\n"
    "  help, --help     this text\n"
    "  version, --version\n"
    "\n"
    "exit codes: 0 ok, 1 content errors, 2 usage or I/O error\n";

int usage(const std::string& problem) {
  std::cerr << "quire: " << problem << "\n\n" << kUsageText;
  return kUsage;
}

// QUIRE_WEB_DIR / QUIRE_WASM_DIR override where the app's files come from.
fs::path dir_from_env(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v && *v ? fs::path(v) : fs::path(fallback);
}

struct Args {
  std::vector<std::string> positional;
  std::string out = "dist";
  bool drafts = false, future = false, unsafe_html = false, force = false;
  long bench_rounds = 0;  // render --bench N
  bool highlight = false;  // render --highlight
  bool timings = false;    // build --timings
};

bool parse_args(const std::vector<std::string>& argv, Args& a, std::string& problem) {
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& s = argv[i];
    if (s == "-o" || s == "--out") {
      if (i + 1 >= argv.size()) { problem = s + " needs a directory"; return false; }
      a.out = argv[++i];
    } else if (s == "--drafts") { a.drafts = true;
    } else if (s == "--future") { a.future = true;
    } else if (s == "--unsafe-html") { a.unsafe_html = true;
    } else if (s == "--force") { a.force = true;
    } else if (s == "--highlight") { a.highlight = true;
    } else if (s == "--timings") { a.timings = true;
    } else if (s == "--bench") {
      if (i + 1 >= argv.size() || std::atol(argv[i + 1].c_str()) < 1) { problem = "--bench needs a count"; return false; }
      a.bench_rounds = std::atol(argv[++i].c_str());
    } else if (!s.empty() && s[0] == '-') { problem = "unknown option " + s; return false;
    } else { a.positional.push_back(s); }
  }
  return true;
}

quire::ContentResult load(const Args& a) {
  quire::ContentOptions o;
  o.drafts = a.drafts;
  o.future = a.future;
  o.now = static_cast<int64_t>(std::time(nullptr));
  fs::path dir = a.positional.empty() ? fs::path("content") : fs::path(a.positional[0]);
  quire::ContentResult r = quire::load_content(dir, o);
  for (const auto& w : r.warnings) std::cerr << w.str() << " (warning)\n";
  // Raw HTML the allow-list removed (a blog moved in with its <svg> and
  // <style>): once, the setting that keeps it, for an author who trusts it.
  const auto raw = std::count_if(r.warnings.begin(), r.warnings.end(),
                                 [](const quire::Diagnostic& w) { return w.message.rfind("raw HTML: ", 0) == 0; });
  if (raw > 0)
    std::cerr << "quire: raw HTML was removed from " << raw << (raw == 1 ? " file" : " files")
              << " (above); unsafe_html: true in site.yaml keeps it as written, for HTML you trust\n";
  // Images and links to nothing (build/link_check.hpp): once, where their
  // files go.
  const auto nowhere = std::count_if(r.warnings.begin(), r.warnings.end(), [](const quire::Diagnostic& w) {
    return w.message.rfind(quire::kLocalLinksWarning, 0) == 0;
  });
  if (nowhere > 0)
    std::cerr << "quire: images or links in " << nowhere << (nowhere == 1 ? " file" : " files")
              << " lead nowhere (above); a file named from the site's root goes in static/ (static/images/a.png is "
                 "/images/a.png), a bundle post's beside its index.md\n";
  for (const auto& e : r.errors) std::cerr << e.str() << "\n";
  if (!r.ok()) std::cerr << "quire: " << r.errors.size() << (r.errors.size() == 1 ? " error" : " errors") << "\n";
  return r;
}

std::string summary_line(const quire::ContentResult& r) {
  std::string s = std::to_string(r.bundle.posts.size()) + " posts, " + std::to_string(r.bundle.tags.size()) +
                  " tags, " + std::to_string(r.bundle.months.size()) + " months";
  if (r.bundle.site.categories)  // categories apart (core/categories.hpp)
    s.insert(s.find(" tags, ") + 7, std::to_string(r.bundle.categories.size()) + " categories, ");
  auto count = [](size_t n, const char* one, const char* many) { return std::to_string(n) + (n == 1 ? one : many); };
  if (r.skipped_drafts) s += ", " + count(r.skipped_drafts, " draft", " drafts") + " left out";
  if (r.skipped_future) s += ", " + count(r.skipped_future, " future post", " future posts") + " left out";
  return s;
}

int cmd_build(const Args& a) {
  if (a.positional.size() > 1) return usage("build takes one content directory");
  auto start = std::chrono::steady_clock::now();
  quire::BuildTimings timings;
  timings.mark("content");
  quire::ContentResult r = load(a);
  if (!r.ok()) {
    std::cerr << "quire: nothing written; " << a.out << " is unchanged\n";
    return kContentErrors;
  }
  fs::path content = a.positional.empty() ? fs::path("content") : fs::path(a.positional[0]);
  quire::WriteOptions o;
  o.out_dir = a.out;
  o.web_dir = dir_from_env("QUIRE_WEB_DIR", QUIRE_DEFAULT_WEB_DIR);
  o.wasm_dir = dir_from_env("QUIRE_WASM_DIR", QUIRE_DEFAULT_WASM_DIR);
  o.math_dir = dir_from_env("QUIRE_MATH_DIR", QUIRE_DEFAULT_MATH_DIR);
  o.diagram_dir = dir_from_env("QUIRE_DIAGRAM_DIR", QUIRE_DEFAULT_DIAGRAM_DIR);
  o.static_dir = content / "static";
  o.post_files = r.post_files;
  o.timings = &timings;
  o.plain_texts = &r.plain_texts;
  // A long build says how far it is: on a terminal, or for a big site.
  const bool tty = ::isatty(STDERR_FILENO) != 0;
  size_t shown = 0;
  auto progress = [tty, &shown](size_t done, size_t total) {
    if ((!tty && total <= kQuietPages) || total < kProgressEvery) return;
    if (done < shown + kProgressEvery && done != total) return;
    shown = done;
    std::cerr << "quire: " << done << "/" << total << " pages" << (tty ? "\r" : "\n") << std::flush;
    if (tty && done == total) std::cerr << "\n";
  };
  quire::WriteStats stats;
  std::string error;
  if (!quire::write_site(r.bundle, o, stats, error, progress)) {
    std::cerr << "quire: build failed: " << error << "\nquire: " << a.out << " is unchanged\n";
    return kUsage;
  }
  timings.finish();
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  char tail[128];
  std::snprintf(tail, sizeof tail, "%zu pages, %zu files, %.1f KB in %.2f s", stats.pages, stats.files,
                static_cast<double>(stats.bytes) / 1024.0, secs);
  std::cout << "quire: built " << a.out << ": " << summary_line(r) << "; " << tail << "\n";
  // For benchmarks: how long the search index took, of the whole build.
  if (std::getenv("QUIRE_TIMINGS")) std::cerr << "quire: search index " << stats.search_seconds << " s\n";
  if (a.timings) std::cerr << "quire: timings\n" << timings.table();
  return kOk;
}

int cmd_check(const Args& a) {
  if (a.positional.size() > 1) return usage("check takes one content directory");
  quire::ContentResult r = load(a);
  if (!r.ok()) return kContentErrors;
  std::cout << "quire: ok: " << summary_line(r) << "\n";
  return kOk;
}

// Times rendering each NUL-separated document of `input`, `rounds` times,
// in this process: what native md4c costs without process start-up.
// With build-time highlighting (`render --highlight`): tokens for `markdown`
// computed and replayed, as `quire build` and the bundle do for a post.
std::string render_highlighted(const std::string& markdown, quire::MarkdownOptions o) {
  const std::string code = quire::highlight::highlight_markdown(markdown);
  quire::TokenReplay replay(code);  // views `code`
  o.code = &replay;
  return quire::render_markdown(markdown, o);
}

int bench_render(const std::string& input, const quire::MarkdownOptions& o, long rounds, bool highlight) {
  std::vector<std::string> docs;
  for (size_t pos = 0; pos <= input.size();) {
    size_t end = input.find('\0', pos);
    if (end == std::string::npos) end = input.size();
    docs.push_back(input.substr(pos, end - pos));
    pos = end + 1;
  }
  size_t out = 0, bytes = 0;
  auto start = std::chrono::steady_clock::now();
  std::clock_t cpu_start = std::clock();  // CPU time: robust on a busy machine
  for (long r = 0; r < rounds; ++r)
    for (const std::string& d : docs) {
      out += (highlight ? render_highlighted(d, o) : quire::render_markdown(d, o)).size();
      bytes += d.size();
    }
  double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::cout << "{\"bytes\": " << bytes << ", \"seconds\": " << secs << ", \"cpu_seconds\": " << cpu
            << ", \"html_bytes\": " << out << "}\n";
  return kOk;
}

int cmd_render(const Args& a) {
  if (!a.positional.empty()) return usage("render reads markdown from stdin and takes no arguments");
  std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  quire::MarkdownOptions o;
  o.unsafe_html = a.unsafe_html;
  if (a.bench_rounds > 0) return bench_render(input, o, a.bench_rounds, a.highlight);
  std::cout << (a.highlight ? render_highlighted(input, o) : quire::render_markdown(input, o));
  return std::cout ? kOk : kUsage;
}

// A new post's file slug: the title's letters and digits in ASCII, common
// Latin accents folded (é -> e, ß -> ss), at most kNewSlugMax characters.
// valid_slug() takes ASCII only, so a title with nothing of that (say, in
// Japanese) gets "post", "post-2", ..., whichever no post in `dir` has.
std::string new_post_slug(const std::string& title, const fs::path& dir) {
  // U+00C0..U+017F (Latin-1 letters, Latin Extended-A) in ASCII; a digit
  // stands for two letters, a space for a symbol (× ÷).
  static constexpr std::string_view kFold =
      "aaaaaa1ceeeeiiiidnooooo ouuuuy23aaaaaa1ceeeeiiiidnooooo ouuuuy2y"
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii55jjkkkllllllllllnnnnnnnnnoooooo44rrrrrrssssssss"
      "ttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  static constexpr std::string_view kPairs[] = {"ae", "th", "ss", "oe", "ij"};
  constexpr size_t kNewSlugMax = 80;
  std::string ascii;
  for (size_t i = 0; i < title.size();) {
    const quire::DecodedChar d = quire::decode_utf8(title, i);
    i += d.length;
    const char32_t cp = d.cp;
    if (cp < 0x80) {
      ascii += static_cast<char>(cp);
    } else if (cp >= 0x300 && cp < 0x370) {
      // a combining accent (a decomposed é): dropped
    } else {  // folded, or (any other character, invalid bytes) a word break
      const char f = cp >= 0xC0 && cp - 0xC0 < kFold.size() ? kFold[cp - 0xC0] : ' ';
      if (f >= '1' && f <= '5') ascii += kPairs[f - '1'];
      else ascii += f;
    }
  }
  std::string slug = quire::slugify(ascii);
  if (slug.size() > kNewSlugMax) {
    const size_t dash = slug.rfind('-', kNewSlugMax);  // cut between words
    slug.resize(dash == std::string::npos ? kNewSlugMax : dash);
  }
  if (!slug.empty() && quire::valid_slug(slug)) return slug;
  std::set<std::string> taken;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".md") taken.insert(quire::default_slug(e.path().filename().string()));
  slug = "post";
  for (int n = 2; taken.count(slug); ++n) slug = "post-" + std::to_string(n);
  return slug;
}

int cmd_new(const Args& a) {
  if (a.positional.empty() || a.positional.size() > 2) return usage("new needs a title: quire new \"Post title\"");
  const std::string& title = a.positional[0];
  fs::path dir = (a.positional.size() > 1 ? fs::path(a.positional[1]) : fs::path("content")) / "posts";
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char day[16], stamp[40];
  std::strftime(day, sizeof day, "%Y-%m-%d", &local);
  std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S%z", &local);
  std::string iso(stamp);
  if (iso.size() > 5) iso.insert(iso.size() - 2, ":");  // +0100 -> +01:00
  fs::path file = dir / (std::string(day) + "-" + new_post_slug(title, dir) + ".md");
  if (fs::exists(file)) {
    std::cerr << "quire: " << file.string() << " already exists\n";
    return kUsage;
  }
  std::string escaped;
  for (char c : title) {
    if (c == '"' || c == '\\') escaped += '\\';
    escaped += c;
  }
  std::string text = "---\ntitle: \"" + escaped + "\"\ndate: " + iso + "\ntags: []\n---\n\nWrite here.\n";
  std::string error;
  if (!quire::write_file(file, text, error)) {
    std::cerr << "quire: " << error << "\n";
    return kUsage;
  }
  std::cout << file.string() << "\n";
  return kOk;
}

int cmd_import(const Args& a) {
  if (a.positional.size() < 2 || a.positional.size() > 3)
    return usage("import needs an engine and a folder: quire import jekyll|hugo|zola|eleventy SRC [content-dir]");
  const auto engine = quire::engine_named(a.positional[0]);
  if (!engine) return usage("import: unknown engine \"" + a.positional[0] + "\" (jekyll, hugo, zola or eleventy)");
  const fs::path src = a.positional[1], dest = a.positional.size() > 2 ? fs::path(a.positional[2]) : fs::path("content");
  quire::ImportOptions o;
  o.force = a.force;
  const quire::ImportReport r = quire::import_blog(*engine, src, dest, o);
  for (const auto& e : r.errors) std::cerr << "quire: " << e.str() << "\n";
  if (!r.ok()) return kUsage;
  std::cout << "quire: imported " << quire::engine_name(*engine) << " blog " << src.string() << " into "
            << dest.string() << "\n" << r.str();
  return kOk;
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) return usage("no command given");
  std::string command = args[0];
  args.erase(args.begin());
  if (command == "help" || command == "--help" || command == "-h") {
    std::cout << kUsageText;
    return kOk;
  }
  if (command == "version" || command == "--version") {
    std::cout << "quire " << QUIRE_VERSION << "\n";
    return kOk;
  }
  Args a;
  std::string problem;
  if (!parse_args(args, a, problem)) return usage(problem);
  if (command == "build") return cmd_build(a);
  if (command == "check") return cmd_check(a);
  if (command == "render") return cmd_render(a);
  if (command == "new") return cmd_new(a);
  if (command == "import") return cmd_import(a);
  return usage("unknown command \"" + command + "\"");
}
