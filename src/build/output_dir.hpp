// Which folder a build may write to. The build replaces its output folder
// as a whole (see site_writer.hpp), so the folder named with -o must be one
// that holds nothing of the author's: not the content folder, not a folder
// around it or inside it, not the current folder or one of its parents, and
// either missing, empty, or a previous Quire build.
#pragma once

#include <filesystem>
#include <string>

namespace quire {

// The output folder as given, absolute and normalised: "dist/" and "dist/."
// name dist itself. False, with `error` naming the folder and saying what to
// do, when it may not be replaced. `content_dir` may be empty (no check).
bool check_output_dir(const std::filesystem::path& out_dir, const std::filesystem::path& content_dir,
                      std::filesystem::path& target, std::string& error);

// True when `dir` holds a previous Quire build: its bundle.json is a
// Quire bundle (format "quire-bundle"). Reads the bundle only up to that field.
bool is_quire_build(const std::filesystem::path& dir);

}  // namespace quire
