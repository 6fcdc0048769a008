#include "build/output_dir.hpp"

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/bundle.hpp"
#include "core/views.hpp"

namespace quire {
namespace fs = std::filesystem;

namespace {

// True when `inner` is `outer` or lies below it (both canonical).
bool within(const fs::path& inner, const fs::path& outer) {
  auto in = inner.begin(), out = outer.begin();
  for (; out != outer.end() && !out->empty(); ++in, ++out)
    if (in == inner.end() || *in != *out) return false;
  return true;
}

fs::path canonical_or_self(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return ec ? p : c;
}

// Reads a JSON document only as far as its top-level "format" string.
class FormatProbe : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::string format;
  bool null() override { return value(); }
  bool boolean(bool) override { return value(); }
  bool number_integer(number_integer_t) override { return value(); }
  bool number_unsigned(number_unsigned_t) override { return value(); }
  bool number_float(number_float_t, const string_t&) override { return value(); }
  bool binary(binary_t&) override { return value(); }
  bool string(string_t& s) override {
    if (!at_format_) return value();
    format = s;
    return false;  // found: stop reading
  }
  bool start_object(std::size_t) override { return open(); }
  bool end_object() override { return close(); }
  bool start_array(std::size_t) override { return open(); }
  bool end_array() override { return close(); }
  bool key(string_t& k) override {
    at_format_ = depth_ == 1 && k == "format";
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception&) override { return false; }

 private:
  bool value() { return !at_format_; }  // a format that is not a string: stop
  bool open() {
    ++depth_;
    return !at_format_;
  }
  bool close() {
    --depth_;
    return true;
  }
  int depth_ = 0;
  bool at_format_ = false;
};

const char* const kReplacedWhole = " (a build replaces its output folder as a whole)";

}  // namespace

bool is_quire_build(const fs::path& dir) {
  std::ifstream in(dir / kBundleFile, std::ios::binary);
  if (!in) return false;
  FormatProbe probe;
  nlohmann::json::sax_parse(in, &probe);
  return probe.format == kBundleFormat;
}

bool check_output_dir(const fs::path& out_dir, const fs::path& content_dir, fs::path& target, std::string& error) {
  if (out_dir.empty()) {
    error = "no output folder given; name one with -o, e.g. -o dist";
    return false;
  }
  std::error_code ec;
  // "dist/" ends in an empty name and "dist/." in a dot: both name dist.
  target = fs::absolute(out_dir, ec).lexically_normal();
  if (!target.has_filename()) target = target.parent_path();
  if (ec || !target.has_filename()) {
    error = out_dir.string() + ": cannot be the output folder" + kReplacedWhole + "; name a folder of its own, e.g. -o dist";
    return false;
  }
  const fs::path real = canonical_or_self(target);
  const fs::path cwd = canonical_or_self(fs::current_path(ec));
  if (!ec && within(cwd, real)) {
    error = target.string() + ": the output folder may not be the current folder or one of its parents" +
            kReplacedWhole + "; name a folder of its own, e.g. -o dist";
    return false;
  }
  if (!content_dir.empty()) {
    const fs::path content = canonical_or_self(fs::absolute(content_dir, ec));
    // Replacing the output as a whole would delete the content with it, or
    // write into what the build reads and the dev server watches (a build
    // inside it would start the next one).
    const char* problem = real == content          ? "is the content folder"
                          : within(content, real) ? "holds the content folder"
                          : within(real, content) ? "lies inside the content folder"
                                                  : nullptr;
    if (problem) {
      error = target.string() + ": the output folder " + problem + " " + content.string() +
              (real == content || within(content, real) ? kReplacedWhole
                                                        : " (the build reads it, and npm start rebuilds on every change in it)") +
              "; pick a folder outside it, e.g. -o dist beside the content folder";
      return false;
    }
  }
  fs::file_status status = fs::status(target, ec);
  if (!fs::exists(status)) return true;
  if (!fs::is_directory(status)) {
    error = target.string() + ": exists and is not a folder; pick another output folder with -o";
    return false;
  }
  if (!fs::is_empty(target, ec) && !is_quire_build(target)) {
    error = target.string() + ": not empty and not a previous Quire build (it has no Quire " + kBundleFile +
            "), and a build replaces its output folder as a whole, deleting what is in it; pick another output "
            "folder with -o, or empty this one";
    return false;
  }
  return true;
}

}  // namespace quire
