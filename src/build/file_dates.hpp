// Eleventy's date keywords: a post's `date:` may name where its date comes
// from instead of giving it. "Created" and "Last Modified" are the file's
// creation (birth, where the file system keeps it; else modification) and
// modification times; "git Created" and "git Last Modified" the first and
// last commit touching the file (`git log`), falling back to the file's
// times when git or the file's history is not there. A date from the file
// system is not stable (a fresh checkout or a copy changes it): callers warn
// and tell the author to write the date. The build reads them
// (post_keys.hpp) and `quire import eleventy` writes them out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace quire {

bool is_file_date_keyword(std::string_view value);

struct FileDate {
  std::string iso;       // "2022-01-10T08:30:00Z"
  bool stable = false;   // from git, not from the file system
  std::string source;    // "git log", "the file's creation time", ...
};

// The date `keyword` gives for `file`; nullopt when the file cannot be read.
std::optional<FileDate> file_date(std::string_view keyword, const std::string& file);

}  // namespace quire
