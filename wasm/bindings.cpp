// Embind bindings: marshal strings and bytes between JS and the core, and
// nothing else. Results are value objects ({ok, ...}); no C++ exception ever
// crosses into JS (the core does not throw). The facade is web/quire.js.
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <memory>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/markdown.hpp"
#include "core/router.hpp"
#include "core/views.hpp"
#include "core/widget.hpp"

namespace {

struct LoadOutcome {
  bool ok = false;
  int handle = -1;
  std::string code;
  std::string message;
  int posts = 0;
};

struct RenderOutcome {
  bool ok = false;
  int status = 0;
  std::string title;
  std::string path;         // canonical path of the view
  std::string description;
  std::string html;         // inside of #quire-app ("app") or of <main> ("main")
  std::string error;
};

// Bytes in: JS writes the bundle straight into this buffer through a memory
// view (no JS string decode), then calls loadBundle().
std::string g_input;
// Loaded bundles, by handle; a released slot becomes null.
std::vector<std::unique_ptr<quire::Bundle>> g_bundles;

emscripten::val prepareInput(size_t size) {
  g_input.assign(size, '\0');
  return emscripten::val(emscripten::typed_memory_view(g_input.size(),
                                                       reinterpret_cast<unsigned char*>(g_input.data())));
}

LoadOutcome loadBundle() {
  quire::LoadResult r = quire::load_bundle(g_input);
  std::string().swap(g_input);
  LoadOutcome out;
  out.ok = r.ok;
  out.code = r.code;
  out.message = r.message;
  if (r.ok) {
    out.posts = static_cast<int>(r.bundle.posts.size());
    g_bundles.push_back(std::make_unique<quire::Bundle>(std::move(r.bundle)));
    out.handle = static_cast<int>(g_bundles.size() - 1);
  }
  return out;
}

const quire::Bundle* bundle_at(int handle) {
  if (handle < 0 || static_cast<size_t>(handle) >= g_bundles.size()) return nullptr;
  return g_bundles[static_cast<size_t>(handle)].get();
}

RenderOutcome renderPath(int handle, const std::string& path, const std::string& part) {
  RenderOutcome out;
  const quire::Bundle* b = bundle_at(handle);
  if (!b) {
    out.error = "no bundle loaded with handle " + std::to_string(handle);
    return out;
  }
  quire::View v = quire::render_view(*b, quire::parse_route(path, b->site.base_path));
  out.ok = true;
  out.status = v.status;
  out.title = v.title;
  out.path = v.path;
  out.description = v.description;
  out.html = part == "main" ? std::move(v.html) : quire::render_app(*b, v);
  return out;
}

struct WidgetOutcome {
  bool ok = false;      // false: no such bundle (error says so)
  int status = 0;       // quire::WidgetView::status
  std::string error;
  std::string title;
  std::string html;
};

WidgetOutcome renderWidget(int handle, const quire::WidgetRequest& request) {
  WidgetOutcome out;
  const quire::Bundle* b = bundle_at(handle);
  if (!b) {
    out.error = "no bundle loaded with handle " + std::to_string(handle);
    return out;
  }
  quire::WidgetView v = quire::render_widget(*b, request);
  out.ok = true;
  out.status = v.status;
  out.error = std::move(v.error);
  out.title = std::move(v.title);
  out.html = std::move(v.html);
  return out;
}

void releaseBundle(int handle) {
  if (bundle_at(handle)) g_bundles[static_cast<size_t>(handle)].reset();
}

std::string renderMarkdown(const std::string& markdown, bool unsafe_html, const std::string& id_prefix) {
  quire::MarkdownOptions o;
  o.unsafe_html = unsafe_html;
  o.id_prefix = id_prefix;
  return quire::render_markdown(markdown, o);
}

int bundleVersion() { return quire::kBundleVersion; }

}  // namespace

EMSCRIPTEN_BINDINGS(quire) {
  using namespace emscripten;
  value_object<LoadOutcome>("LoadOutcome")
      .field("ok", &LoadOutcome::ok)
      .field("handle", &LoadOutcome::handle)
      .field("code", &LoadOutcome::code)
      .field("message", &LoadOutcome::message)
      .field("posts", &LoadOutcome::posts);
  value_object<RenderOutcome>("RenderOutcome")
      .field("ok", &RenderOutcome::ok)
      .field("status", &RenderOutcome::status)
      .field("title", &RenderOutcome::title)
      .field("path", &RenderOutcome::path)
      .field("description", &RenderOutcome::description)
      .field("html", &RenderOutcome::html)
      .field("error", &RenderOutcome::error);
  value_object<quire::WidgetRequest>("WidgetRequest")
      .field("view", &quire::WidgetRequest::view)
      .field("tag", &quire::WidgetRequest::tag)
      .field("month", &quire::WidgetRequest::month)
      .field("slug", &quire::WidgetRequest::slug)
      .field("limit", &quire::WidgetRequest::limit)
      .field("linkBase", &quire::WidgetRequest::link_base)
      .field("fallbackLinkBase", &quire::WidgetRequest::fallback_link_base)
      .field("idPrefix", &quire::WidgetRequest::id_prefix)
      .field("back", &quire::WidgetRequest::back);
  value_object<WidgetOutcome>("WidgetOutcome")
      .field("ok", &WidgetOutcome::ok)
      .field("status", &WidgetOutcome::status)
      .field("error", &WidgetOutcome::error)
      .field("title", &WidgetOutcome::title)
      .field("html", &WidgetOutcome::html);
  function("prepareInput", &prepareInput);
  function("loadBundle", &loadBundle);
  function("renderPath", &renderPath);
  function("renderWidget", &renderWidget);
  function("releaseBundle", &releaseBundle);
  function("renderMarkdown", &renderMarkdown);
  function("bundleVersion", &bundleVersion);
}
