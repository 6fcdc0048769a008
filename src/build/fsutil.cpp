#include "build/fsutil.hpp"

#include "build/remove_tree.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <thread>
#include <sstream>
#include <unistd.h>

namespace quire {
namespace fs = std::filesystem;

bool read_file(const fs::path& path, std::string& out) {
  // Plain POSIX calls, sized by fstat (read until the end all the same: a
  // file may change while it is read): a build reads thousands of files.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  struct stat st {};
  out.clear();
  if (::fstat(fd, &st) == 0 && st.st_size > 0) out.reserve(static_cast<size_t>(st.st_size));
  char buffer[16384];
  for (;;) {
    const size_t room = out.capacity() - out.size();
    if (room >= sizeof buffer) {  // straight into the string
      const size_t at = out.size();
      out.resize(out.capacity());
      const ssize_t n = ::read(fd, out.data() + at, room);
      out.resize(at + static_cast<size_t>(std::max<ssize_t>(0, n)));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) break;
      if (n == 0) { ::close(fd); return true; }
      continue;
    }
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    if (n == 0) { ::close(fd); return true; }
    out.append(buffer, static_cast<size_t>(n));
  }
  ::close(fd);  // a read error (a directory: EISDIR)
  return false;
}

bool write_file(const fs::path& path, std::string_view data, std::string& error, bool new_folder) {
  // Plain POSIX calls, directories made only when the open says they are
  // missing (or, for a new folder, with one mkdir whose parent is there):
  // a build writes thousands of small files.
  bool made = false;
  if (new_folder) {
    const int r = ::mkdir(path.parent_path().c_str(), 0777);  // less the umask, as create_directories
    made = r == 0 || errno == EEXIST;
  }
  int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0 && errno == ENOENT && !made) {
    std::error_code ec;
    fs::create_directories(path.parent_path(), ec);
    if (ec) {
      error = path.parent_path().string() + ": " + ec.message();
      return false;
    }
    fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  }
  if (fd < 0) {
    error = path.string() + ": " + std::strerror(errno);
    return false;
  }
  const char* p = data.data();
  size_t left = data.size();
  while (left > 0) {
    ssize_t n = ::write(fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      error = path.string() + ": write failed: " + std::strerror(errno);
      ::close(fd);
      return false;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  if (::close(fd) != 0) {
    error = path.string() + ": write failed: " + std::strerror(errno);
    return false;
  }
  return true;
}

bool copy_tree(const fs::path& from, const fs::path& to, const PlaceTaken& taken, size_t& files, size_t& bytes,
               std::string& error) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(from, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const fs::path rel = it->path().lexically_relative(from);
    const fs::path dest = to / rel;
    // What is already where this file goes: the file itself, a folder in
    // its place, or a file where it needs a folder.
    fs::path clash;
    fs::path at = to;
    for (const fs::path& part : rel) {
      at /= part;
      fs::file_status s = fs::symlink_status(at, ec);
      if (!fs::exists(s)) break;
      if (at == dest || !fs::is_directory(s)) {
        clash = at.lexically_relative(to);
        break;
      }
    }
    ec.clear();
    if (!clash.empty()) {
      if (!taken(rel, clash, error)) return false;
      if (clash != rel || !fs::is_regular_file(dest, ec)) {
        error = (from / rel).string() + ": cannot replace " + clash.string() + ", which is not a file";
        return false;
      }
    }
    fs::create_directories(dest.parent_path(), ec);
    if (!ec) fs::copy_file(it->path(), dest, fs::copy_options::overwrite_existing, ec);
    if (ec) {
      error = (from / rel).string() + ": cannot copy to " + dest.string() + ": " + ec.message();
      return false;
    }
    ++files;
    bytes += static_cast<size_t>(it->file_size());
  }
  if (ec) {
    error = from.string() + ": " + ec.message();
    return false;
  }
  return true;
}

size_t build_threads() {
  size_t threads = std::min<size_t>(std::max(1u, std::thread::hardware_concurrency()), 8);
  if (const char* jobs = std::getenv("QUIRE_JOBS"); jobs && std::atoi(jobs) > 0)
    threads = static_cast<size_t>(std::atoi(jobs));
  return threads;
}

bool swap_into_place(const fs::path& staged, const fs::path& target, std::string& error) {
  std::error_code ec;
  fs::path old = target;
  old += ".old-" + std::to_string(::getpid());
  bool had_target = fs::exists(target, ec);
  if (had_target) {
    fs::rename(target, old, ec);
    if (ec) {
      error = "cannot move " + target.string() + " aside: " + ec.message();
      return false;
    }
  }
  fs::rename(staged, target, ec);
  if (ec) {
    error = "cannot move the new build into " + target.string() + ": " + ec.message();
    if (had_target) fs::rename(old, target, ec);  // put the previous output back
    return false;
  }
  // Deleting waits on the disk: several deletions in flight (remove_tree.hpp).
  if (had_target) remove_tree(old, 2 * build_threads(), ec);
  return true;
}

}  // namespace quire
