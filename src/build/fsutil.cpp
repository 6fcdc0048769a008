#include "build/fsutil.hpp"

#include <fstream>
#include <sstream>
#include <unistd.h>

namespace quire {
namespace fs = std::filesystem;

bool read_file(const fs::path& path, std::string& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::ostringstream ss;
  ss << in.rdbuf();
  out = ss.str();
  return !in.bad();
}

bool write_file(const fs::path& path, std::string_view data, std::string& error) {
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (ec) {
    error = path.parent_path().string() + ": " + ec.message();
    return false;
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(data.data(), static_cast<std::streamsize>(data.size()));
  out.close();
  if (!out) {
    error = path.string() + ": write failed";
    return false;
  }
  return true;
}

bool copy_tree(const fs::path& from, const fs::path& to, size_t& bytes, std::string& error) {
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(from, ec); !ec && it != fs::recursive_directory_iterator();
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    fs::path dest = to / fs::relative(it->path(), from);
    fs::create_directories(dest.parent_path(), ec);
    if (!ec) fs::copy_file(it->path(), dest, fs::copy_options::overwrite_existing, ec);
    if (ec) break;
    bytes += static_cast<size_t>(it->file_size());
  }
  if (ec) {
    error = from.string() + ": " + ec.message();
    return false;
  }
  return true;
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
  if (had_target) fs::remove_all(old, ec);
  return true;
}

}  // namespace quire
