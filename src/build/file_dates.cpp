#include "build/file_dates.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <vector>

namespace quire {
namespace {

std::string iso_utc(int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A path as one shell word.
std::string shell_quoted(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

// Commit times (seconds) of the commits touching `file`, newest first; empty
// without git, outside a repository, or for a file never committed.
std::vector<int64_t> git_times(const std::string& file) {
  std::vector<int64_t> out;
  const std::filesystem::path p = std::filesystem::absolute(file);
  const std::string cmd = "git -C " + shell_quoted(p.parent_path().string()) + " log --follow --format=%ct -- " +
                          shell_quoted(p.filename().string()) + " 2>/dev/null";
  FILE* pipe = popen(cmd.c_str(), "r");
  if (!pipe) return out;
  char line[64];
  while (std::fgets(line, sizeof line, pipe)) {
    char* end = nullptr;
    const long long v = std::strtoll(line, &end, 10);
    if (end != line) out.push_back(v);
  }
  pclose(pipe);
  return out;
}

}  // namespace

bool is_file_date_keyword(std::string_view v) {
  return v == "Created" || v == "Last Modified" || v == "git Created" || v == "git Last Modified";
}

std::optional<FileDate> file_date(std::string_view keyword, const std::string& file) {
  const bool created = keyword == "Created" || keyword == "git Created";
  if (keyword.rfind("git ", 0) == 0) {
    const std::vector<int64_t> times = git_times(file);
    if (!times.empty()) return FileDate{iso_utc(created ? times.back() : times.front()), true, "git log"};
  }
  struct statx sx{};
  if (created && statx(AT_FDCWD, file.c_str(), 0, STATX_BTIME | STATX_MTIME, &sx) == 0 && (sx.stx_mask & STATX_BTIME))
    return FileDate{iso_utc(sx.stx_btime.tv_sec), false, "the file's creation time"};
  struct stat st{};
  if (stat(file.c_str(), &st) != 0) return std::nullopt;
  return FileDate{iso_utc(st.st_mtime), false, "the file's modification time"};
}

}  // namespace quire
