// Build timings: where `quire build`'s time goes, phase by phase. A phase
// ends when the next is marked; each records its wall-clock time and the
// process's CPU time (user + system, all threads) over it, so a parallel
// phase shows CPU above wall. Phases run one after another at the top level
// of a build (the threads of a phase join before the next is marked), which
// is what makes the process-wide CPU clock attributable. `quire build
// --timings` prints them (bench/build-speed.mjs shows them); marking costs a
// clock read and a getrusage call.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace quire {

struct PhaseTime {
  std::string name;
  double wall = 0;  // seconds
  double cpu = 0;   // seconds, all threads
};

class BuildTimings {
 public:
  BuildTimings();
  // Ends the current phase (if any) and starts one called `name`.
  void mark(std::string name);
  // Ends the current phase.
  void finish() { mark(std::string()); }
  const std::vector<PhaseTime>& phases() const { return phases_; }
  // "phase  wall s  cpu s" lines, and a total.
  std::string table() const;

 private:
  std::string current_;
  std::chrono::steady_clock::time_point wall_start_;
  double cpu_start_ = 0;
  std::vector<PhaseTime> phases_;
};

}  // namespace quire
