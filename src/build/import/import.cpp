#include "build/import/import.hpp"

#include <pthread.h>

#include <algorithm>

#include "build/import/common.hpp"

namespace quire {

namespace fs = std::filesystem;

std::optional<Engine> engine_named(const std::string& name) {
  if (name == "jekyll") return Engine::jekyll;
  if (name == "hugo") return Engine::hugo;
  if (name == "zola") return Engine::zola;
  if (name == "eleventy" || name == "11ty") return Engine::eleventy;
  return std::nullopt;
}

const char* engine_name(Engine e) {
  switch (e) {
    case Engine::jekyll: return "jekyll";
    case Engine::hugo: return "hugo";
    case Engine::zola: return "zola";
    case Engine::eleventy: return "eleventy";
    default: return "?";
  }
}

namespace {

// True when `inner` is `outer` or inside it.
bool within(const fs::path& inner, const fs::path& outer) {
  std::error_code ec;
  const fs::path a = fs::weakly_canonical(inner, ec), b = fs::weakly_canonical(outer, ec);
  const fs::path rel = a.lexically_relative(b);
  return !rel.empty() && rel.native().rfind("..", 0) != 0;
}

// Hugo's and Zola's site in a folder of the repository (blog/ beside a
// flake.nix, site/ in a monorepo): the one folder under `src` holding a
// config and content/, when `src` has no content/ itself; else `src`.
fs::path site_folder(Engine engine, const fs::path& src) {
  std::error_code ec;
  if ((engine != Engine::hugo && engine != Engine::zola) || fs::is_directory(src / "content", ec)) return src;
  std::vector<fs::path> found;
  for (auto it = fs::directory_iterator(src, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
    const fs::path d = it->path();
    if (!it->is_directory(ec) || d.filename().string()[0] == '.' || !fs::is_directory(d / "content", ec)) continue;
    for (const char* name : {"config.toml", "zola.toml", "hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json", "config.yaml",
                             "config.yml", "config.json", "config/_default"})
      if (fs::exists(d / name, ec)) {
        found.push_back(d);
        break;
      }
  }
  return found.size() == 1 ? found[0] : src;
}

}  // namespace

namespace {

ImportReport import_here(Engine engine, const fs::path& given, const fs::path& dest, const ImportOptions& options) {
  ImportReport report;
  std::error_code ec;
  if (!fs::is_directory(given, ec)) {
    report.errors.push_back({given.string(), 0, "not a folder (expected the " + std::string(engine_name(engine)) + " blog to import)"});
    return report;
  }
  const fs::path src = site_folder(engine, given);
  if (src != given)
    report.not_converted.push_back({src.lexically_normal().string(), 0, "the site is in this folder (its config and content/): read from here"});
  if (within(dest, given) || within(given, dest)) {
    report.errors.push_back({dest.string(), 0, "is " + std::string(within(dest, given) ? "inside" : "around") + " " +
                                                  given.string() + "; import never writes into the blog it reads: give another folder"});
    return report;
  }
  if (fs::exists(dest, ec) && !fs::is_directory(dest, ec)) {
    report.errors.push_back({dest.string(), 0, "not a folder"});
    return report;
  }
  if (fs::is_directory(dest, ec) && !fs::is_empty(dest, ec) && !options.force) {
    report.errors.push_back({dest.string(), 0, "not empty; import writes into a new or empty content folder (--force writes over its files)"});
    return report;
  }
  import::Run run{engine, src, dest, report, "", "", {}, "", {}, {}, {}, "en", {}, {}, false};
  import::ojson site = import::ojson::object();
  // A blog shaped as nobody foresaw must end in an error that says so,
  // never in an abort (the blog read is never written to).
  try {
    switch (engine) {
      case Engine::jekyll: import::read_jekyll(run, site); break;
      case Engine::hugo: import::read_hugo(run, site); break;
      case Engine::zola: import::read_zola(run, site); break;
      case Engine::eleventy: import::read_eleventy(run, site); break;
    }
    if (!report.ok()) return report;
    import::carry_math(run, site);
    import::carry_iframe_hosts(run, site);
    import::site_redirects(run, site);
    // site.yaml's keys in the order the README lists them.
    import::ojson ordered = import::ojson::object();
    for (const char* k : {"title", "description", "author", "url", "base_path", "language", "timezone",
                          "posts_per_page", "permalink", "taxonomies", "old_feeds", "smart_punctuation", "hard_breaks", "math", "iframe_hosts",
                          "future", "redirects"})
      if (site.contains(k)) ordered[k] = site[k];
    import::write_site(run, ordered);
    import::write_items(run);
    import::root_images_found_elsewhere(run);
  } catch (const std::exception& e) {
    report.errors.push_back({src.string(), 0, std::string("the import stopped on something it did not expect (") + e.what() +
                                                  "); " + dest.string() + " may be incomplete: please report this blog's shape"});
    return report;
  }
  std::stable_sort(report.not_converted.begin(), report.not_converted.end(),
                   [](const Diagnostic& a, const Diagnostic& b) { return a.file != b.file ? a.file < b.file : a.line < b.line; });
  return report;
}

}  // namespace

// The import reads blogs with std::regex, whose matcher (libstdc++)
// recurses once or twice a character: a 30 KB line of HTML, or a data: URI
// of an image in a post, overflowed the 8 MB main stack and the import
// crashed (DrMaemi's draw.io embeds). It runs on a thread of its own with
// 4 GiB of stack, which the system commits only as it is used; where such
// a thread cannot be made, on the caller's.
ImportReport import_blog(Engine engine, const fs::path& given, const fs::path& dest, const ImportOptions& options) {
  struct Job {
    Engine engine;
    const fs::path& given;
    const fs::path& dest;
    const ImportOptions& options;
    ImportReport report;
  } job{engine, given, dest, options, {}};
  pthread_attr_t attr;
  pthread_t thread;
  bool started = pthread_attr_init(&attr) == 0;
  if (started) {
    started = pthread_attr_setstacksize(&attr, std::size_t{4} << 30) == 0 &&
              pthread_create(&thread, &attr, [](void* p) -> void* {
                Job& j = *static_cast<Job*>(p);
                j.report = import_here(j.engine, j.given, j.dest, j.options);
                return nullptr;
              }, &job) == 0;
    pthread_attr_destroy(&attr);
  }
  if (!started) return import_here(engine, given, dest, options);
  pthread_join(thread, nullptr);
  return std::move(job.report);
}

std::string ImportReport::str() const {
  auto n = [](size_t v, const char* one, const char* many) { return std::to_string(v) + " " + (v == 1 ? one : many); };
  std::string out;
  out += "posts: " + std::to_string(posts);
  if (drafts || bundles) {
    out += " (";
    if (drafts) out += n(drafts, "draft", "drafts");
    if (drafts && bundles) out += ", ";
    if (bundles) out += n(bundles, "page bundle", "page bundles") + " with " + n(bundle_files, "file", "files");
    out += ")";
  }
  out += "\npages: " + std::to_string(pages) + "\nstatic files: " + std::to_string(static_files) + "\n";
  out += "site.yaml:";
  for (size_t i = 0; i < settings.size(); ++i) out += (i ? ", " : " ") + settings[i];
  if (settings.empty()) out += " (nothing to map)";
  out += "\nconverted:";
  bool first = true;
  for (const auto& [what, count] : converted) {
    out += std::string(first ? " " : ", ") + what + " ×" + std::to_string(count);
    first = false;
  }
  if (converted.empty()) out += " (no template constructs)";
  if (!keys_left_out.empty()) {
    out += "\nfront matter keys left out:";
    first = true;
    for (const auto& [key, count] : keys_left_out) {
      out += std::string(first ? " " : ", ") + key + " ×" + std::to_string(count);
      first = false;
    }
  }
  out += "\nnot converted: " + std::to_string(not_converted.size()) + (not_converted.empty() ? "\n" : " (check these by hand)\n");
  for (const Diagnostic& d : not_converted) out += "  " + d.str() + "\n";
  return sanitize_utf8(out);  // keys and file names are the source's bytes
}

}  // namespace quire
