#!/usr/bin/python3
"""The side-by-side measurement of issue 8, run by scripts/bench (see there and
docs/performance.md). Standard library only; run with Debian's /usr/bin/python3
(the peers need python3-reportlab, python3-xlsxwriter, python3-openpyxl).

    run_bench.py --build BUILD_DIR --work WORK_DIR [--quick] [--no-openpyxl]

Every job runs as a whole process (start-up, reading the JSON Lines corpus,
writing the files), pinned to CPU 0 with taskset when possible. Rates are
computed from the process's CPU time (user + system, from wait4), which is what
"per second on one core" means and is not inflated by other work on a shared
machine; the wall time is printed beside it in the log. Each job runs REPEAT
times and the fastest run counts.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
PY = "/usr/bin/python3"
PEERS = os.path.join(ROOT, "bench", "peers")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def taskset_prefix():
    ts = shutil.which("taskset")
    if ts and subprocess.run([ts, "-c", "0", "true"], capture_output=True).returncode == 0:
        return [ts, "-c", "0"]
    log("bench: taskset not usable: processes are not pinned to one CPU")
    return []


PIN = taskset_prefix()


class Run:
    def __init__(self, wall, user, sys_, rss_kib, out):
        self.wall, self.user, self.sys, self.rss_kib, self.out = wall, user, sys_, rss_kib, out

    @property
    def cpu(self):
        return self.user + self.sys

    @property
    def rss_mib(self):
        return self.rss_kib / 1024.0


def run_once(cmd, pin=True, before=None):
    if before:
        before()
    full = (PIN if pin else []) + cmd
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as errf:
        p = subprocess.Popen(full, stdout=subprocess.PIPE, stderr=errf)
        out = p.stdout.read()  # until the child closes it, then reap it with its rusage
        _, status, ru = os.wait4(p.pid, 0)
        p.stdout.close()
        errf.seek(0)
        err = errf.read()
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        log("bench: command failed (%d): %s\n%s" % (p.returncode, " ".join(full), err.decode(errors="replace")))
        raise SystemExit(1)
    r = Run(wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss, out.decode(errors="replace"))
    log("  %-70.70s cpu %7.3f s  wall %7.3f s  rss %6.1f MiB" % (" ".join(cmd), r.cpu, r.wall, r.rss_mib))
    return r


def best(cmd, repeat, pin=True, before=None):
    runs = [run_once(cmd, pin, before) for _ in range(repeat)]
    return min(runs, key=lambda r: r.cpu)


def best_wall(cmd, repeat, pin=True, before=None):
    runs = [run_once(cmd, pin, before) for _ in range(repeat)]
    return min(runs, key=lambda r: r.wall)


def fresh_dir(path):
    def make():
        shutil.rmtree(path, ignore_errors=True)
        os.makedirs(path)
    return make


def dir_stats(path, ext):
    files = [os.path.join(path, f) for f in os.listdir(path) if f.endswith(ext)]
    return len(files), sum(os.path.getsize(f) for f in files)


def pdf_pages(path):
    r = subprocess.run(["qpdf", "--show-npages", path], capture_output=True, text=True)
    return int(r.stdout.strip()) if r.returncode == 0 else None


def loadavg():
    with open("/proc/loadavg") as f:
        return " ".join(f.read().split()[:3])


def cpu_model():
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    return "unknown"


def cores_available(n, seconds=1.5):
    """CPU-seconds per wall second that n busy processes of this session get together: on
    an idle 2-core machine 2 busy processes get 2.0. Linux's autogroup scheduler shares the
    CPUs between sessions first, so on a shared machine a session may get far less."""
    pids = []
    for _ in range(n):
        pid = os.fork()
        if pid == 0:
            end = time.monotonic() + seconds
            while time.monotonic() < end:
                pass
            os._exit(0)
        pids.append(pid)
    total = 0.0
    for pid in pids:
        _, _, ru = os.wait4(pid, 0)
        total += ru.ru_utime + ru.ru_stime
    return total / seconds


def gbench(binary, filt, extra=()):
    """Runs a Google Benchmark program, returns its benchmarks by name."""
    cmd = PIN + [binary, "--benchmark_filter=" + filt, "--benchmark_format=json"] + list(extra)
    log("  " + " ".join(cmd[len(PIN):]))
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        log("bench: %s failed:\n%s" % (binary, r.stderr))
        return {}
    return {b["name"]: b for b in json.loads(r.stdout)["benchmarks"]}


# ---------------------------------------------------------------------------------------------
rows = []  # (job, ours, peer, ratio, target, verdict)


def fmt(v, unit, digits=0):
    if v is None:
        return "—"
    return ("{:,.%df}" % digits).format(v) + (" " + unit if unit else "")


def add(job, ours, peer, ratio, target, ok):
    verdict = ok if isinstance(ok, str) else "—" if ok is None else ("met" if ok else "MISSED")
    rows.append((job, ours, peer, ratio, target, verdict))


def table():
    head = ("job", "ours", "peer", "ratio", "target", "")
    widths = [max(len(str(r[i])) for r in rows + [head]) for i in range(len(head))]
    line = lambda r: "| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |"
    out = [line(head), "|" + "|".join("-" * (w + 2) for w in widths) + "|"]
    out += [line(r) for r in rows]
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", required=True)
    ap.add_argument("--work", required=True)
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--no-openpyxl", action="store_true")
    a = ap.parse_args()

    quick = a.quick
    n_flyers = 100 if quick else 500
    n_json = 5000 if quick else 20000
    n_book = 20000 if quick else 100000
    repeat = 1 if quick else 3
    bin_dir = os.path.join(a.build, "bin")
    ok = os.path.join(bin_dir, "offerkit")
    work = os.path.abspath(a.work)
    os.makedirs(work, exist_ok=True)
    env_note = []

    log("bench: machine: %d CPUs, %s; load average %s" % (os.cpu_count(), cpu_model(), loadavg()))
    load_start = loadavg()
    t_start = time.time()

    # -- corpora ----------------------------------------------------------------------------
    log("bench: corpora (bench/corpus.hpp, seed 42)")
    corpus = {}
    for name, n in (("flyers", n_flyers), ("json", n_json), ("workbook", n_book)):
        path = os.path.join(work, "corpus-%s-%d.jsonl" % (name, n))
        if not os.path.exists(path):
            subprocess.run([os.path.join(bin_dir, "offerkit_make_corpus"), str(n), "42", path], check=True,
                           stdout=subprocess.DEVNULL)
        corpus[name] = (path, n, os.path.getsize(path))
        log("  %s: %d offers, %.1f MB (%d bytes per offer)" % (path, n, corpus[name][2] / 1e6, corpus[name][2] // n))

    # -- flyers -----------------------------------------------------------------------------
    log("bench: flyers, one PDF per offer, one core")
    path, n, _ = corpus["flyers"]
    out_ours, out_peer = os.path.join(work, "flyers-ours"), os.path.join(work, "flyers-peer")
    ours = best([ok, "convert", path, "--to", "pdf", "-o", out_ours, "--jobs", "1", "--quiet"], repeat,
                before=fresh_dir(out_ours))
    count, size = dir_stats(out_ours, ".pdf")
    assert count == n, "offerkit wrote %d flyers for %d offers" % (count, n)
    peer = best([PY, os.path.join(PEERS, "flyers_reportlab.py"), path, out_peer], 1 if quick else 2,
                before=fresh_dir(out_peer))
    pcount, psize = dir_stats(out_peer, ".pdf")
    assert pcount == n, "the ReportLab peer wrote %d flyers for %d offers" % (pcount, n)
    r_ours, r_peer = n / ours.cpu, n / peer.cpu
    env_note.append("flyers by wall time (pinned, shared CPU): ours %.0f/s, ReportLab %.0f/s" % (n / ours.wall, n / peer.wall))
    add("flyers/s, %d separate PDFs, 1 core" % n, fmt(r_ours, "/s"), fmt(r_peer, "/s"),
        "%.1f×" % (r_ours / r_peer), "≥ 300/s and ≥ 4×", r_ours >= 300 and r_ours / r_peer >= 4)
    kb_ours, kb_peer = size / count / 1024, psize / pcount / 1024
    add("KB per flyer", fmt(kb_ours, "KB", 1), fmt(kb_peer, "KB", 1), "%.2f× the size" % (kb_ours / kb_peer),
        "≤ 30 KB", kb_ours <= 30)
    pages_ours = sum(pdf_pages(os.path.join(out_ours, f)) or 0 for f in sorted(os.listdir(out_ours))[:20])
    pages_peer = sum(pdf_pages(os.path.join(out_peer, f)) or 0 for f in sorted(os.listdir(out_peer))[:20])
    env_note.append("pages per flyer (first 20 files): ours %.2f, peer %.2f" % (pages_ours / 20, pages_peer / 20))
    flyer_wall_1 = ours.wall

    # -- booklet ----------------------------------------------------------------------------
    log("bench: booklet, one PDF for all offers, one core")
    booklet = os.path.join(work, "booklet-ours.pdf")
    ours = best([ok, "convert", path, "--to", "pdf", "--option", "booklet=true", "-o", booklet, "--quiet"], repeat)
    pages = pdf_pages(booklet)
    out_peer_b = os.path.join(work, "booklet-peer")
    peer = best([PY, os.path.join(PEERS, "flyers_reportlab.py"), path, out_peer_b, "--booklet"], 1,
                before=fresh_dir(out_peer_b))
    ppages = pdf_pages(os.path.join(out_peer_b, "booklet.pdf"))
    r_ours, r_peer = pages / ours.cpu, ppages / peer.cpu
    add("booklet pages/s (%d offers, %d pages)" % (n, pages), fmt(r_ours, "/s"), fmt(r_peer, "/s"),
        "%.1f×" % (r_ours / r_peer), "≥ 1,500/s", r_ours >= 1500)
    add("booklet KB per page", fmt(os.path.getsize(booklet) / pages / 1024, "KB", 1),
        fmt(os.path.getsize(os.path.join(out_peer_b, "booklet.pdf")) / ppages / 1024, "KB", 1), "", "", None)

    # -- flyers on two threads --------------------------------------------------------------
    log("bench: flyers, --jobs 2 against --jobs 1 (not pinned; wall time)")
    help_text = subprocess.run([ok, "convert", "--help"], capture_output=True, text=True).stdout
    if "--jobs" in help_text and os.cpu_count() >= 2:
        load_then = loadavg()
        avail = cores_available(2)
        one = best_wall([ok, "convert", path, "--to", "pdf", "-o", out_ours, "--jobs", "1", "--quiet"], repeat,
                        pin=False, before=fresh_dir(out_ours))
        two = best_wall([ok, "convert", path, "--to", "pdf", "-o", out_ours, "--jobs", "2", "--quiet"], repeat,
                        pin=False, before=fresh_dir(out_ours))
        measurable = avail >= 1.8
        add("flyers/s, 2 threads (wall) vs 1 thread", fmt(n / two.wall, "/s"), fmt(n / one.wall, "/s") + " (1 thread)",
            "%.2f×" % (one.wall / two.wall), "≥ 1.8×",
            (one.wall / two.wall >= 1.8) if measurable else "not measurable")
        # CPU time per flyer with 2 threads against 1: the cost of going parallel, whatever the load
        env_note.append("--jobs 2 on this machine: two busy processes of this session got %.2f cores together "
                        "just before (2.0 on an idle machine)%s; with --jobs 2 the CPU time per flyer is %.1f%% %s "
                        "than with --jobs 1, so two free cores would give at most about %.2f×"
                        % (avail, "" if measurable else ": the row cannot be measured here",
                           abs(two.cpu / one.cpu - 1) * 100, "more" if two.cpu >= one.cpu else "less",
                           2 * one.cpu / two.cpu))
        env_note.append("--jobs 2: CPU %.2f s for %d flyers (--jobs 1: %.2f s); the process got %.2f CPU-seconds per "
                        "second of wall time (2.0 = two whole cores); load average before: %s"
                        % (two.cpu, n, one.cpu, two.cpu / two.wall, load_then))
    else:
        env_note.append("offerkit convert has no --jobs: the two-thread row is not measured")

    # -- workbook ---------------------------------------------------------------------------
    log("bench: yearly workbook, one core")
    path, n, nbytes = corpus["workbook"]
    xo, xp, xq = (os.path.join(work, x) for x in ("workbook-ours.xlsx", "workbook-xlsxwriter.xlsx",
                                                 "workbook-openpyxl.xlsx"))
    # --stream: 100,000 offers exported as read, memory flat (the batch review would hold them all)
    ours = best([ok, "convert", path, "--to", "xlsx", "--year", "2026", "--as-of", "2027-01-05", "-o", xo,
                 "--stream", "--quiet"], 1 if quick else 2)
    peer = best([PY, os.path.join(PEERS, "workbook_xlsxwriter.py"), path, xp, "2026", "2027-01-05"], 1)
    r_ours, r_peer = n / ours.cpu, n / peer.cpu
    workbook = (n, nbytes, ours.cpu)
    peer_read = best([PY, os.path.join(PEERS, "workbook_xlsxwriter.py"), path, xp + ".unused", "2026", "2027-01-05",
                      "--read-only"], 1)
    env_note.append("workbook: the XlsxWriter peer spends %.1f of its %.1f CPU-seconds reading the JSON Lines "
                    "(json.loads); its workbook part alone: %.0f offers/s" % (peer_read.cpu, peer.cpu,
                                                                          n / max(peer.cpu - peer_read.cpu, 1e-9)))
    add("workbook offers/s, %s offers (whole process, from %.0f MB of JSONL)" % (fmt(n, ""), nbytes / 1e6), fmt(r_ours, "/s"),
        fmt(r_peer, "/s") + " (XlsxWriter)", "%.1f×" % (r_ours / r_peer), "≥ 35,000/s and ≥ 3×",
        r_ours >= 35000 and r_ours / r_peer >= 3)
    add("workbook peak RSS", fmt(ours.rss_mib, "MiB", 1), fmt(peer.rss_mib, "MiB", 1),
        "%.2f×" % (ours.rss_mib / peer.rss_mib), "≤ 256 MiB", ours.rss_mib <= 256)
    add("workbook file size", fmt(os.path.getsize(xo) / 2**20, "MiB", 1), fmt(os.path.getsize(xp) / 2**20, "MiB", 1),
        "%.2f×" % (os.path.getsize(xo) / os.path.getsize(xp)), "", None)
    if not a.no_openpyxl and not quick:
        q = best([PY, os.path.join(PEERS, "workbook_xlsxwriter.py"), path, xq, "2026", "2027-01-05", "--openpyxl"],
                 1)
        add("workbook offers/s vs openpyxl (write-only)", fmt(r_ours, "/s"), fmt(n / q.cpu, "/s") + " (openpyxl)",
            "%.1f×" % (r_ours / (n / q.cpu)), "", None)
        env_note.append("openpyxl peer: peak RSS %.1f MiB, file %.1f MiB"
                        % (q.rss_mib, os.path.getsize(xq) / 2**20))
    # the exporter alone, in process (bench_xlsx streams a pool of offers: no JSON reading)
    bx = gbench(os.path.join(bin_dir, "bench_xlsx"), "BM_xlsx_yearly/", ["--benchmark_min_time=0.01"] if quick else [])
    for name, b in bx.items():
        if "no_links" in name:
            continue
        add("workbook exporter alone (bench_xlsx, 100,000 offers)", fmt(b.get("offers_per_cpu_s"), "/s"), "—", "",
            "≥ 35,000/s", b.get("offers_per_cpu_s", 0) >= 35000)
        env_note.append("bench_xlsx %s: peak RSS %.1f MiB, file %.1f MiB" %
                        (name, b.get("peak_rss_MiB", 0), b.get("file_MiB", 0)))

    # -- JSON -------------------------------------------------------------------------------
    log("bench: JSON Lines read + write, one core")
    path, n, nbytes = corpus["json"]
    jo, jp = os.path.join(work, "roundtrip-ours.jsonl"), os.path.join(work, "roundtrip-peer.jsonl")
    ours = best([ok, "convert", path, "--to", "jsonl", "-o", jo, "--stream", "--quiet"], repeat)
    peer = best([PY, os.path.join(PEERS, "json_roundtrip.py"), path, jp], repeat)
    same = subprocess.run(["cmp", "-s", jo, jp]).returncode == 0 and subprocess.run(["cmp", "-s", jo, path]).returncode == 0
    env_note.append("JSON round trip: our output %s the input and the peer's output"
                    % ("is byte-identical to" if same else "DIFFERS from"))
    r_ours, r_peer = nbytes / 1e6 / ours.cpu, nbytes / 1e6 / peer.cpu
    add("JSON Lines read + write MB/s (%s offers, %.0f MB, whole process)" % (fmt(n, ""), nbytes / 1e6),
        fmt(r_ours, "MB/s"), fmt(r_peer, "MB/s") + " (python json)", "%.1f×" % (r_ours / r_peer), "≥ 250 MB/s",
        r_ours >= 250)
    bj = gbench(os.path.join(bin_dir, "bench_json"), "read_jsonl|write_jsonl|read_and_write_jsonl|baseline_boost_json_parse",
                ["--benchmark_min_time=0.05"] if quick else [])
    for name in ("read_jsonl", "write_jsonl"):
        if name in bj:
            env_note.append("bench_json %s: %.0f MB/s (CPU time, in process)" % (name, bj[name]["bytes_per_second"] / 1e6))
    if "read_jsonl" in bj:
        wn, wbytes, wcpu = workbook
        read_s = wbytes / bj["read_jsonl"]["bytes_per_second"]
        env_note.append("workbook: reading its %.0f MB of JSON Lines takes ours about %.1f of its %.1f CPU-seconds "
                        "(at the bench_json read rate); its workbook part alone: about %.0f offers/s"
                        % (wbytes / 1e6, read_s, wcpu, wn / max(wcpu - read_s, 1e-9)))
    if "read_and_write_jsonl" in bj:
        rw = bj["read_and_write_jsonl"]["bytes_per_second"] / 1e6
        base = bj.get("baseline_boost_json_parse", {}).get("bytes_per_second", 0) / 1e6
        add("JSON Lines read + write MB/s (bench_json, in process)", fmt(rw, "MB/s"),
            fmt(base, "MB/s") + " (Boost.JSON parse only)", "%.2f×" % (rw / base) if base else "", "≥ 250 MB/s",
            rw >= 250)

    # -- parser -----------------------------------------------------------------------------
    log("bench: posting parser")
    bp = gbench(os.path.join(bin_dir, "bench_parser"), "BM_ParsePostings|BM_ParseLargePosting/20",
                ["--benchmark_min_time=0.05"] if quick else [])
    if "BM_ParsePostings" in bp:
        mbs = bp["BM_ParsePostings"]["bytes_per_second"] / 1e6
        add("posting parser MB/s (bench_parser)", fmt(mbs, "MB/s", 1), "none", "", "≥ 50 MB/s", mbs >= 50)
    for name, b in bp.items():
        if name.startswith("BM_ParseLargePosting"):
            env_note.append("parser on one 20 MB posting: %.1f MB/s (linear if close to the row above)"
                            % (b["bytes_per_second"] / 1e6))

    # -- Word and PDF postings (issue 15) ---------------------------------------------------
    bd_bin = os.path.join(bin_dir, "bench_documents")
    if os.path.exists(bd_bin):
        log("bench: Word and PDF postings, one core")
        bd = gbench(bd_bin, "BM_Docx|BM_Pdf|BM_PdftotextThenParser", ["--benchmark_min_time=0.1"] if quick else [])
        base = bd.get("BM_PdftotextThenParser", {}).get("items_per_second")
        for name, label, target in (("BM_Docx", ".docx postings/s (bench_documents)", 1000),
                                    ("BM_Pdf", ".pdf postings/s (bench_documents)", 100)):
            v = bd.get(name, {}).get("items_per_second")
            add(label, fmt(v, "/s"), fmt(base, "/s") + " (pdftotext + our parser)",
                "%.1f×" % (v / base) if v and base else "", "≥ %s/s" % fmt(target, ""), bool(v and v >= target))
    else:
        log("bench: no bench_documents in this build (the docx or poppler plugin is left out)")

    # -- start-up ---------------------------------------------------------------------------
    log("bench: start-up, offerkit plugins")
    runs = 20 if quick else 50
    hf = shutil.which("hyperfine")
    if hf:
        jf = os.path.join(work, "startup.json")
        subprocess.run(PIN + [hf, "-N", "--warmup", "5", "--runs", str(runs), "--export-json", jf,
                              "%s plugins" % ok], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        res = json.load(open(jf))["results"][0]
        mean_ms, med_ms = res["mean"] * 1e3, res["median"] * 1e3
        how = "hyperfine, %d runs, mean (median %.1f ms)" % (runs, med_ms)
    else:
        times = []
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run(PIN + [ok, "plugins"], check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
        times.sort()
        mean_ms = sum(times) / len(times) * 1e3
        how = "loop of %d runs, mean (median %.1f ms)" % (runs, times[len(times) // 2] * 1e3)
    add("start-up: offerkit plugins (all 4 plugins loaded)", fmt(mean_ms, "ms", 1), "—", "", "< 20 ms",
        mean_ms < 20)
    env_note.append("start-up measured with " + how)

    # -- report -----------------------------------------------------------------------------
    print()
    print("offerkit performance, %s" % time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    print("machine: %d CPUs, %s; load average at start %s, at end %s; %s"
          % (os.cpu_count(), cpu_model(), load_start, loadavg(),
             "pinned to CPU 0 (taskset)" if PIN else "not pinned"))
    try:
        head = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"], capture_output=True,
                              text=True).stdout.strip()
        dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain", "--untracked-files=no"],
                               capture_output=True, text=True).stdout.strip()
        print("source: commit %s%s" % (head or "?", " + uncommitted changes" if dirty else ""))
    except OSError:
        pass
    version = subprocess.run([ok, "--version"], capture_output=True, text=True).stdout.strip().splitlines()
    print("our CLI: %s" % "; ".join(version))  # the second line names its allocator (OFFERKIT_CLI_MIMALLOC)
    print("rates per CPU second (user + system) of the whole process, best of %d; peers: %s"
          % (repeat, subprocess.run([PY, "--version"], capture_output=True, text=True).stdout.strip()))
    print()
    print(table())
    print()
    for note in env_note:
        print("- " + note)
    print("- total time %.0f s; work files in %s" % (time.time() - t_start, work))
    return 0


if __name__ == "__main__":
    sys.exit(main())
