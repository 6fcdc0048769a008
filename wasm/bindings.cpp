// Embind bindings: marshal strings and bytes between JS and the core, and
// nothing else. Results are value objects ({ok, ...}); no C++ exception ever
// crosses into JS (the core does not throw). The facade is web/quire.js.
#include <emscripten/bind.h>
#include <emscripten/em_macros.h>
#include <emscripten/val.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "core/bundle.hpp"
#include "core/markdown.hpp"
#include "core/post_shards.hpp"
#include "core/router.hpp"
#include "core/search_index.hpp"
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
  std::string needs;        // split bundle: chunk to fetch (relative to the bundle), then render again
  bool moved = false;       // the path was an alias of the view's (path)
  std::string error;
};

// Bytes in: JS writes the bundle (or a chunk, or markdown) straight into
// this buffer through a memory view (no JS string decode), then calls
// loadBundle(), addFile() or renderMarkdownInput(). Not zero-filled: JS
// overwrites what it uses. One byte more than the capacity: the NUL that
// lets the renderer read markdown in place (MarkdownOptions::input_terminated).
struct Input {
  std::unique_ptr<char[]> data;
  size_t size = 0;      // bytes JS wrote (prepareInput) or may write (inputBuffer)
  size_t capacity = 0;

  void reserve(size_t n) {
    if (n <= capacity && data) return;
    data.reset(new char[n + 1]);
    capacity = n;
  }
  void release() {
    data.reset();
    size = capacity = 0;
  }
  std::string_view view() const { return {data.get(), size}; }
  emscripten::val memory_view() {
    return emscripten::val(emscripten::typed_memory_view(size, reinterpret_cast<unsigned char*>(data.get())));
  }
} g_input;
// Bytes out: renderMarkdownInput()'s HTML, read by JS through a memory view
// and decoded with TextDecoder (Embind's string return decodes in JS). The
// renderer writes here directly; the capacity is kept between renders.
quire::OutputBuffer g_output;
// Loaded bundles, by handle; a released slot becomes null.
std::vector<std::unique_ptr<quire::Bundle>> g_bundles;

// A view of `size` bytes for one bundle or chunk (freed after loading it).
emscripten::val prepareInput(size_t size) {
  g_input.reserve(size);
  g_input.size = size;
  return g_input.memory_view();
}

// Like prepareInput(), but keeps the buffer between calls (markdown is
// rendered often): a view of at least `size` bytes.
emscripten::val inputBuffer(size_t size) {
  g_input.reserve(std::max(size, g_input.capacity));
  g_input.size = g_input.capacity;
  return g_input.memory_view();
}

// Renders the first `length` bytes of the input buffer; returns a view of
// the HTML's bytes, valid until the next call into the module.
// The options are kept between renders: a fresh MarkdownOptions costs
// allocations (its iframe hosts string) on every call.
std::string_view render_input(size_t length, bool unsafe_html, std::string_view id_prefix) {
  static quire::MarkdownOptions& o = *new quire::MarkdownOptions();
  o.unsafe_html = unsafe_html;
  o.id_prefix.assign(id_prefix);
  o.input_terminated = true;
  length = std::min(length, g_input.size);
  if (!g_input.data) g_input.reserve(0);
  g_input.data[length] = '\0';
  return quire::render_markdown_into(g_output, std::string_view(g_input.data.get(), length), o);
}

emscripten::val renderMarkdownInput(size_t length, bool unsafe_html, const std::string& id_prefix) {
  const std::string_view html = render_input(length, unsafe_html, id_prefix);
  return emscripten::val(emscripten::typed_memory_view(html.size(), reinterpret_cast<const unsigned char*>(html.data())));
}

}  // namespace

// The markdown path of web/quire.js's renderMarkdownWith() as plain exports
// (Module._quire_input_at etc.), memory read and written through
// Module.HEAPU8: Embind's marshalling (the returned views, the id prefix's
// string) cost a few percent of rendering a post (bench/markdown.mjs). A
// document with an id prefix goes through renderMarkdownInput.
extern "C" {

// Where to write `size` bytes of markdown (inputBuffer() without the view).
EMSCRIPTEN_KEEPALIVE char* quire_input_at(size_t size) {
  g_input.reserve(std::max(size, g_input.capacity));
  g_input.size = g_input.capacity;
  return g_input.data.get();
}

// Renders the input's first `length` bytes; where the HTML lies
// (quire_output_size() bytes), valid until the next call into the module.
EMSCRIPTEN_KEEPALIVE const char* quire_render_input(size_t length, int unsafe_html) {
  return render_input(length, unsafe_html != 0, {}).data();
}

EMSCRIPTEN_KEEPALIVE size_t quire_output_size() { return g_output.size(); }

}  // extern "C"

namespace {

LoadOutcome loadBundle() {
  // The bundle keeps the buffer: its posts' markdown is read from it.
  std::shared_ptr<const char> bytes(g_input.data.release(), std::default_delete<char[]>());
  quire::LoadResult r = quire::load_bundle(std::move(bytes), g_input.size);
  g_input.release();
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

quire::Bundle* bundle_at(int handle) {
  if (handle < 0 || static_cast<size_t>(handle) >= g_bundles.size()) return nullptr;
  return g_bundles[static_cast<size_t>(handle)].get();
}

// Adds the file in the input buffer (see prepareInput) to a loaded bundle:
// a chunk of bodies, or one of its search index's files, by its path.
LoadOutcome addFile(int handle, const std::string& path) {
  LoadOutcome out;
  quire::Bundle* b = bundle_at(handle);
  if (!b) {
    out.code = "released";
    out.message = "no bundle loaded with handle " + std::to_string(handle);
    return out;
  }
  out.handle = handle;
  if (quire::is_search_file(*b, path)) {
    quire::SearchFileResult r = quire::add_search_file(*b, path, g_input.view());
    g_input.release();
    out.ok = r.ok;
    out.code = r.code;
    out.message = r.message;
    return out;
  }
  quire::ChunkResult r = quire::add_post_file(*b, path, g_input.view());  // a chunk, or a shard of posts
  g_input.release();
  out.ok = r.ok;
  out.code = r.code;
  out.message = r.message;
  out.posts = r.bodies;
  return out;
}

// The chunk a path's view would need (for prefetching), or "".
std::string chunkFor(int handle, const std::string& path) {
  const quire::Bundle* b = bundle_at(handle);
  return b ? quire::chunk_needed(*b, quire::parse_route(path, *b)) : std::string();
}

RenderOutcome renderPath(int handle, const std::string& path, const std::string& part) {
  RenderOutcome out;
  const quire::Bundle* b = bundle_at(handle);
  if (!b) {
    out.error = "no bundle loaded with handle " + std::to_string(handle);
    return out;
  }
  quire::View v = quire::render_view(*b, quire::parse_route(path, *b));
  out.ok = true;
  out.status = v.status;
  out.title = v.title;
  out.path = v.path;
  out.description = v.description;
  out.needs = v.needs;
  out.moved = v.moved;
  out.html = part == "main" ? std::move(v.html) : quire::render_app(*b, v);
  return out;
}

struct WidgetOutcome {
  bool ok = false;      // false: no such bundle (error says so)
  int status = 0;       // quire::WidgetView::status
  std::string error;
  std::string title;
  std::string html;
  std::string needs;    // quire::WidgetView::needs
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
  out.needs = std::move(v.needs);
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
      .field("moved", &RenderOutcome::moved)
      .field("html", &RenderOutcome::html)
      .field("needs", &RenderOutcome::needs)
      .field("error", &RenderOutcome::error);
  value_object<quire::WidgetRequest>("WidgetRequest")
      .field("view", &quire::WidgetRequest::view)
      .field("tag", &quire::WidgetRequest::tag)
      .field("category", &quire::WidgetRequest::category)
      .field("month", &quire::WidgetRequest::month)
      .field("slug", &quire::WidgetRequest::slug)
      .field("limit", &quire::WidgetRequest::limit)
      .field("linkBase", &quire::WidgetRequest::link_base)
      .field("bundleBase", &quire::WidgetRequest::bundle_base)
      .field("idPrefix", &quire::WidgetRequest::id_prefix)
      .field("back", &quire::WidgetRequest::back);
  value_object<WidgetOutcome>("WidgetOutcome")
      .field("ok", &WidgetOutcome::ok)
      .field("status", &WidgetOutcome::status)
      .field("error", &WidgetOutcome::error)
      .field("title", &WidgetOutcome::title)
      .field("html", &WidgetOutcome::html)
      .field("needs", &WidgetOutcome::needs);
  function("prepareInput", &prepareInput);
  function("inputBuffer", &inputBuffer);
  function("renderMarkdownInput", &renderMarkdownInput);
  function("loadBundle", &loadBundle);
  function("addFile", &addFile);
  function("chunkFor", &chunkFor);
  function("renderPath", &renderPath);
  function("renderWidget", &renderWidget);
  function("releaseBundle", &releaseBundle);
  function("renderMarkdown", &renderMarkdown);
  function("bundleVersion", &bundleVersion);
}
