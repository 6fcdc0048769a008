#include "build/inode_spread.hpp"

#include <fcntl.h>
#include <unistd.h>

#ifdef __linux__
#include <linux/fs.h>
#include <sys/ioctl.h>
#endif

namespace quire {

#ifdef __linux__
namespace {

// The folder's inode flags (an int, as ext4 and e2fsprogs' chattr read
// them), read and optionally changed through one descriptor.
bool with_flags(const std::filesystem::path& dir, int set, int clear, int* out) {
  const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) return false;
  int flags = 0;
  bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
  const int wanted = (flags | set) & ~clear;
  if (ok && wanted != flags) {
    ok = ::ioctl(fd, FS_IOC_SETFLAGS, &wanted) == 0;
    if (ok) flags = wanted;
  }
  ::close(fd);
  if (ok && out) *out = flags;
  return ok;
}

}  // namespace

bool mark_top_directory(const std::filesystem::path& dir, bool on) {
  int flags = 0;
  if (!with_flags(dir, on ? FS_TOPDIR_FL : 0, on ? 0 : FS_TOPDIR_FL, &flags)) return false;
  return ((flags & FS_TOPDIR_FL) != 0) == on;
}

bool is_top_directory(const std::filesystem::path& dir) {
  int flags = 0;
  return with_flags(dir, 0, 0, &flags) && (flags & FS_TOPDIR_FL) != 0;
}

#else

bool mark_top_directory(const std::filesystem::path&, bool) { return false; }
bool is_top_directory(const std::filesystem::path&) { return false; }

#endif

}  // namespace quire
