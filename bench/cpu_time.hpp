// The process's CPU time, for benchmarks' per-CPU-second counters (the fair
// figure on a machine shared with other work).
#pragma once

#include <ctime>

namespace offerkit::bench {

inline double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

}  // namespace offerkit::bench
