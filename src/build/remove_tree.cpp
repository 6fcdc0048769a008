#include "build/remove_tree.hpp"

#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>
#include <vector>

namespace quire {
namespace fs = std::filesystem;

void remove_tree(const fs::path& dir, size_t threads, std::error_code& ec) {
  ec.clear();
  // The pieces: each entry of each top folder, and each top file or link.
  std::vector<fs::path> pieces;
  std::error_code walk;
  for (auto top = fs::directory_iterator(dir, walk); !walk && top != fs::directory_iterator(); top.increment(walk)) {
    std::error_code kind;
    if (!top->is_symlink(kind) && top->is_directory(kind)) {
      std::error_code inner;
      for (auto it = fs::directory_iterator(top->path(), inner); !inner && it != fs::directory_iterator();
           it.increment(inner))
        pieces.push_back(it->path());
    } else {
      pieces.push_back(top->path());
    }
  }
  std::atomic<size_t> next{0};
  std::mutex mutex;  // guards ec
  auto work = [&] {
    for (size_t i; (i = next++) < pieces.size();) {
      std::error_code e;
      fs::remove_all(pieces[i], e);
      if (e) {
        std::lock_guard<std::mutex> lock(mutex);
        if (!ec) ec = e;
      }
    }
  };
  std::vector<std::thread> pool;
  for (size_t t = 1; t < std::min(threads, pieces.size()); ++t) pool.emplace_back(work);
  work();
  for (std::thread& t : pool) t.join();
  std::error_code rest;
  fs::remove_all(dir, rest);  // the emptied folders, and anything a failure left
  if (rest && !ec) ec = rest;
}

}  // namespace quire
