// Where a build's new folders land on disk. A build writes its whole
// output (at 10,000 posts about 28,000 new folders and files) into a new
// staging folder (site_writer.hpp). On ext2/3/4 a new folder goes in its
// parent's block group or one near it, a file in its folder's, and the
// allocator scans that group's free inodes from the first; without a
// journal it skips, one at a time, each one freed within the last minute
// (fs/ext4/ialloc.c, recently_deleted: 60 s, 360 s while its inode table
// block is unwritten). Beside folders where files are deleted (the
// previous output, other builds, tests) that scan took 1-3 s of system
// time of a 10,000-post build. Marked a "top directory" (FS_TOPDIR_FL,
// chattr +T), the staging folder has each of its subfolders placed as
// folders under the root are: in a group with few folders and more free
// inodes than average, away from that churn; their files and subfolders
// follow them. The mark comes off before the staging folder becomes the
// output, so the output carries no attribute of the build's. Where the
// file system has no such flag, or refuses it, nothing changes: the calls
// report false and the build goes on. The files written are the same.
#pragma once

#include <filesystem>

namespace quire {

// Sets (`on`) or clears the top-directory mark of folder `dir`. True when
// the mark is now as asked (false: not supported here, or refused).
bool mark_top_directory(const std::filesystem::path& dir, bool on);

// True when folder `dir` carries the mark.
bool is_top_directory(const std::filesystem::path& dir);

}  // namespace quire
