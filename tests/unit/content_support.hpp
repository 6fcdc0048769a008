// What the content-side suites (content, engines, pages, permalink) share:
// a scratch folder and diagnostics as text.
#pragma once

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "build/content.hpp"
#include "build/fsutil.hpp"

namespace quire::testing {

// A scratch directory removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("quire-test-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  void write(const std::string& rel, const std::string& text) const {
    std::string error;
    REQUIRE(quire::write_file(path / rel, text, error));
  }
  static inline int n = 0;
};

// Diagnostics one a line, as the CLI prints them.
inline std::string all(const std::vector<quire::Diagnostic>& ds) {
  std::string s;
  for (const auto& d : ds) s += d.str() + "\n";
  return s;
}

// A file's text ("" when it cannot be read).
inline std::string read_text(const std::filesystem::path& p) {
  std::string text;
  if (!quire::read_file(p, text)) text.clear();
  return text;
}

}  // namespace quire::testing
