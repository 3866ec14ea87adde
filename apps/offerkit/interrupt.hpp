// SIGINT, SIGTERM and SIGHUP in the middle of a batch: no temporary file may
// stay behind. The signals are blocked in every thread and taken by one
// thread with sigwait, which may then take locks and unlink files (a signal
// handler could not), removes every pending output, and ends the process with
// the signal's default action (so that the shell sees "killed by SIGINT").
#pragma once

#include <offerkit/output_file.hpp>

#include <pthread.h>
#include <unistd.h>
#include <atomic>
#include <csignal>
#include <cstring>
#include <thread>

namespace offerkit::cli {

/// Set once a signal is taken: the process is ending, by the signal's action.
inline std::atomic<bool>& interrupted() {
    static std::atomic<bool> flag{false};
    return flag;
}

/// The exit of main(): once interrupted, the signal thread ends the process
/// (exit status of the signal), so main waits for it instead of exiting 1.
inline int exit_unless_interrupted(int code) {
    while (interrupted()) ::pause();
    return code;
}

/// Call first in main(), before any thread starts (threads inherit the mask).
inline void remove_outputs_on_interrupt() {
    static sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    if (pthread_sigmask(SIG_BLOCK, &set, nullptr) != 0) return;
    std::thread([] {
        int sig = 0;
        if (sigwait(&set, &sig) != 0) return;
        interrupted() = true;
        offerkit::remove_pending_outputs(offerkit::after_removal::refuse_new_outputs);
        const char* name = sig == SIGINT ? "SIGINT" : sig == SIGTERM ? "SIGTERM" : "SIGHUP";
        const char* before = "\nofferkit: interrupted (";
        const char* after = "): stopped, no partial output left\n";
        [[maybe_unused]] auto n = ::write(STDERR_FILENO, before, std::strlen(before));
        n = ::write(STDERR_FILENO, name, std::strlen(name));
        n = ::write(STDERR_FILENO, after, std::strlen(after));
        std::signal(sig, SIG_DFL);
        sigset_t one;
        sigemptyset(&one);
        sigaddset(&one, sig);
        pthread_sigmask(SIG_UNBLOCK, &one, nullptr);
        ::raise(sig);
        ::_exit(128 + sig);
    }).detach();
}

}  // namespace offerkit::cli
