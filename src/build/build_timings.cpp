#include "build/build_timings.hpp"

#include <sys/resource.h>

#include <cstdio>

namespace quire {

namespace {

double process_cpu_seconds() {
  rusage u{};
  ::getrusage(RUSAGE_SELF, &u);
  auto secs = [](const timeval& t) { return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_usec) / 1e6; };
  return secs(u.ru_utime) + secs(u.ru_stime);
}

}  // namespace

BuildTimings::BuildTimings() : wall_start_(std::chrono::steady_clock::now()), cpu_start_(process_cpu_seconds()) {}

void BuildTimings::mark(std::string name) {
  const auto now = std::chrono::steady_clock::now();
  const double cpu = process_cpu_seconds();
  if (!current_.empty())
    phases_.push_back({current_, std::chrono::duration<double>(now - wall_start_).count(), cpu - cpu_start_});
  current_ = std::move(name);
  wall_start_ = now;
  cpu_start_ = cpu;
}

std::string BuildTimings::table() const {
  std::string out;
  double wall = 0, cpu = 0;
  char line[160];
  for (const PhaseTime& p : phases_) {
    std::snprintf(line, sizeof line, "  %-16s %7.3f s wall %7.3f s cpu\n", p.name.c_str(), p.wall, p.cpu);
    out += line;
    wall += p.wall;
    cpu += p.cpu;
  }
  std::snprintf(line, sizeof line, "  %-16s %7.3f s wall %7.3f s cpu\n", "total", wall, cpu);
  return out + line;
}

}  // namespace quire
