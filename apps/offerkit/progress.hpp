// Progress on standard error for long batches, only when it is a terminal.
#pragma once

#include <unistd.h>
#include <chrono>
#include <cstdio>
#include <string>

namespace offerkit::cli {

class progress {
public:
    explicit progress(bool quiet, std::size_t inputs) : enabled_(!quiet && ::isatty(STDERR_FILENO)), inputs_(inputs) {}
    ~progress() { clear(); }

    /// Called after each offer; redraws at most ten times a second.
    void update(std::size_t done, std::size_t input_index) {
        if (!enabled_) return;
        const auto now = clock::now();
        if (now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        const double rate = seconds > 0 ? static_cast<double>(done) / seconds : 0;
        std::fprintf(stderr, "\r\033[Koffers: %zu done, %.0f/s, input %zu/%zu", done, rate, input_index + 1, inputs_);
        std::fflush(stderr);
        drawn_ = true;
    }
    /// Removes the progress line before other output.
    void clear() {
        if (!drawn_) return;
        std::fputs("\r\033[K", stderr);
        drawn_ = false;
    }

private:
    using clock = std::chrono::steady_clock;
    bool enabled_;
    std::size_t inputs_;
    bool drawn_ = false;
    clock::time_point start_ = clock::now(), last_ = clock::now();
};

}  // namespace offerkit::cli
