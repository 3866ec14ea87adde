#include <offerkit/error.hpp>
#include <offerkit/output_file.hpp>
#include <offerkit/parallel_export.hpp>

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace offerkit {

namespace {

constexpr std::size_t queue_limit = 32;  // offers waiting per worker

struct work_item {
    job_offer offer;
    std::string stem;  // decided in input order by parallel_export::write
    std::string origin;
};

}  // namespace

struct parallel_export::impl {
    struct worker {
        std::unique_ptr<export_session> session;
        diagnostics diags;
        std::deque<work_item> queue;
        std::mutex m;
        std::condition_variable has_work, has_room;
        bool closing = false;
        std::thread thread;

        void run(parallel_export::impl& owner) {
            while (true) {
                work_item item;
                {
                    std::unique_lock lock(m);
                    has_work.wait(lock, [&] { return closing || !queue.empty(); });
                    if (queue.empty()) return;
                    item = std::move(queue.front());
                    queue.pop_front();
                }
                has_room.notify_one();
                try {
                    session->write_file(item.offer, item.stem);
                } catch (const std::exception& e) {
                    owner.record({std::move(item.origin), e.what()});
                } catch (...) {
                    owner.record({std::move(item.origin), "unknown exception from the exporter"});
                }
            }
        }
    };

    explicit impl(const exporter_info& format) : names(format.name, format.extension) {}

    std::vector<std::unique_ptr<worker>> workers;
    output_names names;     // the one owner of file names, used in input order
    diagnostics own_diags;  // renames
    std::size_t next_worker = 0;
    mutable std::mutex failures_mutex;
    std::vector<failure> failed;
    bool stopped = false;

    void record(failure f) {
        std::lock_guard lock(failures_mutex);
        failed.push_back(std::move(f));
    }

    void stop() noexcept {
        if (stopped) return;
        stopped = true;
        for (auto& w : workers) {
            {
                std::lock_guard lock(w->m);
                w->closing = true;
            }
            w->has_work.notify_one();
        }
        for (auto& w : workers)
            if (w->thread.joinable()) w->thread.join();
    }
};

parallel_export::parallel_export(const exporter& exp, const export_target& target, const option_map& options,
                                 unsigned jobs)
    : impl_(std::make_unique<impl>(exp.info())) {
    if (exp.layout(options) != output_layout::file_per_offer)
        throw error(errc::usage_error,
                    "parallel export needs a format that writes one file per offer; " + exp.info().name + " does not");
    jobs = std::max(1u, jobs);
    for (unsigned i = 0; i < jobs; ++i) {
        auto w = std::make_unique<impl::worker>();
        w->session = exp.begin(target, options, w->diags);
        impl_->workers.push_back(std::move(w));
    }
    for (auto& w : impl_->workers) w->thread = std::thread([&w, this] { w->run(*impl_); });
}

parallel_export::~parallel_export() { abandon(); }

void parallel_export::write(job_offer offer, std::string origin) {
    if (impl_->stopped) throw error(errc::usage_error, "parallel_export::write after wait() or finish()");
    // Names are decided here, in input order, so that the files are those of
    // a serial export whichever worker writes them.
    std::string stem = impl_->names.claim(offer.reference, impl_->own_diags);
    auto& w = *impl_->workers[impl_->next_worker];
    impl_->next_worker = (impl_->next_worker + 1) % impl_->workers.size();
    {
        std::unique_lock lock(w.m);
        w.has_room.wait(lock, [&] { return w.queue.size() < queue_limit; });
        w.queue.push_back({std::move(offer), std::move(stem), std::move(origin)});
    }
    w.has_work.notify_one();
}

std::vector<parallel_export::failure> parallel_export::failures() const {
    std::lock_guard lock(impl_->failures_mutex);
    return impl_->failed;
}

std::vector<std::filesystem::path> parallel_export::finish(diagnostics& diags) {
    impl_->stop();
    std::vector<std::filesystem::path> files;
    for (auto& w : impl_->workers) {
        auto some = w->session->finish();
        files.insert(files.end(), some.begin(), some.end());
    }
    diags.append(impl_->own_diags);
    // A warning that several workers give alike (a setting, not an offer: "no
    // brand names this employer") is shown once, as a serial export shows it.
    std::vector<diagnostic> seen;
    for (auto& w : impl_->workers)
        for (const auto& d : w->diags) {
            if (std::find(seen.begin(), seen.end(), d) != seen.end()) continue;
            seen.push_back(d);
            diags.add(d);
        }
    impl_->workers.clear();
    std::sort(files.begin(), files.end());
    return files;
}

void parallel_export::wait() noexcept { impl_->stop(); }

void parallel_export::abandon() noexcept {
    if (!impl_) return;
    impl_->stop();
    impl_->workers.clear();  // sessions destroyed without finish(): outputs discarded
}

unsigned parallel_export::jobs() const noexcept { return static_cast<unsigned>(impl_->workers.size()); }

}  // namespace offerkit
