// File helpers for the native build: whole-file reads and writes, and the
// write-to-temporary-then-swap that keeps a previous output intact.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace quire {

bool read_file(const std::filesystem::path& path, std::string& out);
// Creates parent directories. False (with `error` set) on failure.
// `new_folder`: the file is likely the first in its folder (a page's
// index.html): the folder is made before the file is opened, one mkdir
// instead of a failed open and a walk up the path; the bytes written are
// the same either way.
bool write_file(const std::filesystem::path& path, std::string_view data, std::string& error,
                bool new_folder = false);
// Asked when a file of copy_tree's `from` (`rel`) finds its place in `to`
// taken (`taken`: the file itself, a folder there, or a file where it needs
// a folder; both relative). True overwrites it (a file only); false stops
// the copy with `error` set.
using PlaceTaken = std::function<bool(const std::filesystem::path& rel, const std::filesystem::path& taken,
                                      std::string& error)>;
// Copies a directory tree's regular files; counts files and bytes copied.
bool copy_tree(const std::filesystem::path& from, const std::filesystem::path& to, const PlaceTaken& taken,
               size_t& files, size_t& bytes, std::string& error);
// Threads for the build's parallel work: one a core, at most 8;
// QUIRE_JOBS=n sets the number.
size_t build_threads();

// Replaces `target` with `staged` (a sibling directory) as close to
// atomically as the file system allows; the old target is removed after.
// Which targets may be replaced is check_output_dir's (output_dir.hpp).
bool swap_into_place(const std::filesystem::path& staged, const std::filesystem::path& target, std::string& error);

}  // namespace quire
