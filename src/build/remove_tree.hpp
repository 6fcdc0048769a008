// Removing a previous output once the new one is in place (fsutil.hpp's
// swap_into_place). A 10,000-post output is about 28,000 folders and
// files, and deleting one waits on the disk: on a disk mounted with
// `discard` and no journal (this project's build machine), ext4 trims each
// freed extent before unlink returns, so one thread deleting the old
// output took 2-65 s of a rebuild, most of it waiting. Several threads
// keep several deletions in flight: the tree is cut into the entries of
// its top folders (a page's folder each, at most), removed on threads of
// their own, then what is left. Symbolic links are removed, never
// followed. Only ever called on a folder the build itself moved aside.
#pragma once

#include <filesystem>
#include <system_error>

namespace quire {

// Removes `dir` and everything under it, like std::filesystem::remove_all,
// on up to `threads` threads. `ec` holds the first error met, if any.
void remove_tree(const std::filesystem::path& dir, size_t threads, std::error_code& ec);

}  // namespace quire
