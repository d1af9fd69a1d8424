#!/usr/bin/env python3
# build-aux/bench.py — Sigap's benchmarks, run by `build-aux/dev bench`.
#
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints a table and writes every figure to BUILD/bench-results.json as
# {"NAME": {"value": V, "unit": "...", "target": T}}. The startup,
# calendar, inbox page and composer preview figures need a display (dev
# bench provides Xvfb); `--only sync` and `--only report` run without
# one, and `--only inbox` and `--only composer` without one give the
# inbox's search figures and the composer's text checks alone.

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

BENCH_COMPLAINTS = 100_000
BENCH_POSTS = 20_000
BENCH_SEED = 2025
# Samples of each calendar series (switches, frames).
CALENDAR_SAMPLES = 20
# Openings of the inbox page for each user, and moves of its list.
INBOX_OPEN_SAMPLES = 20
INBOX_SCROLL_MOVES = 300
# Runs of each report figure (one OPD's month, every OPD's).
REPORT_RUNS = 10
# Runs of the composer's checks (all five platforms each).
COMPOSER_RUNS = 500
# Keystrokes typed into the composer's preview, expanded and folded.
PREVIEW_KEYSTROKES = 50


def seed_database(build, path):
    """The benchmark regency, built once per build directory."""
    stamp = f"{path}.params"
    params = f"{BENCH_SEED} {BENCH_COMPLAINTS} {BENCH_POSTS}"
    if os.path.exists(path) and os.path.exists(stamp):
        with open(stamp) as f:
            if f.read() == params:
                return
    for suffix in ("", "-wal", "-shm", ".params"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    print(f"Seeding {BENCH_COMPLAINTS} complaints and {BENCH_POSTS} posts…",
          file=sys.stderr)
    subprocess.run([os.path.join(build, "src/server/sigap-server"), "seed-demo",
                    "--db", path, "--seed", str(BENCH_SEED),
                    "--complaints", str(BENCH_COMPLAINTS),
                    "--posts", str(BENCH_POSTS), "--user", "dinkes"],
                   check=True, stdout=subprocess.DEVNULL)
    with open(stamp, "w") as f:
        f.write(params)


def start_once(argv, env):
    """Starts a program that prints `first-frame-us T` (monotonic clock)
    after its first frame and quits. Returns (ms to first frame, peak RSS
    in KiB)."""
    start_us = time.monotonic_ns() // 1000
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    frame_us = None
    for line in proc.stdout:
        if line.startswith("first-frame-us "):
            frame_us = int(line.split()[1])
    _, status, rusage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if frame_us is None:
        raise RuntimeError(f"{argv[0]} exited ({proc.returncode}) before its first frame")
    return (frame_us - start_us) / 1000.0, rusage.ru_maxrss


def bench_startup(build, workdir, runs):
    db = os.path.join(build, "bench", "bench.db")
    os.makedirs(os.path.dirname(db), exist_ok=True)
    seed_database(build, db)

    env = dict(os.environ)
    env.update({
        "SIGAP_EXIT_AFTER_FIRST_FRAME": "1",
        "GSETTINGS_SCHEMA_DIR": os.path.join(build, "data"),
        "GSETTINGS_BACKEND": "memory",
        "XDG_DATA_HOME": os.path.join(workdir, "data"),
        "XDG_CONFIG_HOME": os.path.join(workdir, "config"),
        "XDG_CACHE_HOME": os.path.join(workdir, "cache"),
        "NO_AT_BRIDGE": "1",
        "GDK_BACKEND": "x11",
    })
    app = [os.path.join(build, "src/app/sigap"), "--database", db]
    bare = [os.path.join(build, "tests/bench/bare-window")]

    # One warm-up of each so both start from the same page cache.
    start_once(bare, env)
    start_once(app, env)

    app_ms, app_kib, bare_ms, bare_kib = [], [], [], []
    for _ in range(runs):
        ms, kib = start_once(bare, env)
        bare_ms.append(ms)
        bare_kib.append(kib)
        ms, kib = start_once(app, env)
        app_ms.append(ms)
        app_kib.append(kib)

    med = statistics.median
    return {
        "startup_app_ms": {"value": round(med(app_ms), 1), "unit": "ms", "target": None},
        "startup_bare_ms": {"value": round(med(bare_ms), 1), "unit": "ms", "target": None},
        "startup_ratio": {"value": round(med(app_ms) / med(bare_ms), 3), "unit": "ratio",
                          "target": 1.5},
        "startup_peak_app_kib": {"value": med(app_kib), "unit": "KiB", "target": None},
        "startup_peak_bare_kib": {"value": med(bare_kib), "unit": "KiB", "target": None},
        "startup_peak_ratio": {"value": round(med(app_kib) / med(bare_kib), 3),
                               "unit": "ratio", "target": 1.5},
    }


def percentile(samples, fraction):
    """The nearest-rank percentile of @samples."""
    ordered = sorted(samples)
    rank = max(1, round(fraction * len(ordered)))
    return ordered[rank - 1]


def bench_calendar(build, workdir):
    """The content calendar on the benchmark regency (tests/bench/calendar-bench.c):
    switching months and weeks, from the action until the new period is
    painted, and the frames of a month with 2,000 posts."""
    db = os.path.join(build, "bench", "bench.db")
    os.makedirs(os.path.dirname(db), exist_ok=True)
    seed_database(build, db)

    env = dict(os.environ)
    env.update({
        "GSETTINGS_SCHEMA_DIR": os.path.join(build, "data"),
        "GSETTINGS_BACKEND": "memory",
        "XDG_DATA_HOME": os.path.join(workdir, "data"),
        "XDG_CONFIG_HOME": os.path.join(workdir, "config"),
        "XDG_CACHE_HOME": os.path.join(workdir, "cache"),
        "TMPDIR": workdir,
        "GDK_BACKEND": "x11",
    })
    out = subprocess.run([os.path.join(build, "tests/bench/calendar-bench"), db, "dinkes",
                          str(CALENDAR_SAMPLES)],
                         env=env, check=True, capture_output=True, text=True).stdout
    series = {}
    for line in out.splitlines():
        name, _, rest = line.partition(" ")
        try:
            series[name] = [float(v) for v in rest.split()]
        except ValueError:
            print(line, file=sys.stderr)
    for name in ("switch_month_posts", "switch_week_posts", "frame_posts"):
        print(f"{name}: median {statistics.median(series[name]):g}", file=sys.stderr)

    def figure(name, fraction=0.5, target=None):
        value = percentile(series[name], fraction)
        return {"value": round(value, 1), "unit": "ms", "target": target}

    med = statistics.median
    worst = max(("switch_month", "switch_week"), key=lambda name: med(series[name]))
    return {
        # The slower of the two, month or week.
        "calendar_switch_ms": figure(worst, target=50),
        "calendar_switch_month_ms": figure("switch_month"),
        "calendar_switch_month_p90_ms": figure("switch_month", 0.9),
        "calendar_switch_week_ms": figure("switch_week"),
        "calendar_switch_week_p90_ms": figure("switch_week", 0.9),
        # A frame of the month with 2,000 posts laid out again (the window
        # resized), and its 90th percentile.
        "calendar_frame_ms": figure("frame", target=16),
        "calendar_frame_p90_ms": figure("frame", 0.9),
        # The same frame for a month without posts: the display's share.
        "calendar_frame_empty_ms": figure("frame_empty"),
        # A frame that snapshots every widget of the month again.
        "calendar_frame_full_ms": figure("frame_full"),
        # Switching to and from the month with 2,000 posts.
        "calendar_switch_2000_ms": figure("switch_heavy"),
    }


def read_series(out):
    """The lines `NAME V V …` of a benchmark's output, as lists of
    numbers; other lines go to stderr."""
    series = {}
    for line in out.splitlines():
        name, _, rest = line.partition(" ")
        try:
            series[name] = [float(v) for v in rest.split()]
        except ValueError:
            print(line, file=sys.stderr)
    return series


def bench_inbox_page(build, workdir, db):
    """The inbox page, SigapInboxPage, in a window on the benchmark regency
    (tests/bench/inbox-page-bench.c): opening it until its first rows are
    painted, and scrolling its list, each move until painted."""
    env = dict(os.environ)
    env.update({
        "GSETTINGS_SCHEMA_DIR": os.path.join(build, "data"),
        "GSETTINGS_BACKEND": "memory",
        "XDG_DATA_HOME": os.path.join(workdir, "data"),
        "XDG_CONFIG_HOME": os.path.join(workdir, "config"),
        "XDG_CACHE_HOME": os.path.join(workdir, "cache"),
        "TMPDIR": workdir,
        "GDK_BACKEND": "x11",
    })
    out = subprocess.run([os.path.join(build, "tests/bench/inbox-page-bench"), db,
                          str(INBOX_OPEN_SAMPLES), str(INBOX_SCROLL_MOVES)],
                         env=env, check=True, capture_output=True, text=True).stdout
    series = read_series(out)
    if series["open_complaints"][0] != BENCH_COMPLAINTS:
        raise RuntimeError(f"the inbox page held {series['open_complaints'][0]:g} complaints")
    for name in ("open_first", "open_opd_first", "open_opd_complaints", "scroll_rows_kept"):
        print(f"inbox {name}: {series[name][0]:g}", file=sys.stderr)
    for name in ("scroll_jump", "scroll_page", "scroll_wheel"):
        print(f"inbox {name}: {len(series[name])} moves, median "
              f"{statistics.median(series[name]):.1f} ms, worst {max(series[name]):.1f} ms",
              file=sys.stderr)

    def figure(value, target=None):
        return {"value": round(value, 1), "unit": "ms", "target": target}

    med = statistics.median
    return {
        # Opening the inbox of all 100,000 complaints (the verifikator's),
        # from setting its source until the frame with the first rows is
        # painted; its 90th percentile; and an OPD admin's inbox.
        "inbox_open_ms": figure(med(series["open"]), target=150),
        "inbox_open_p90_ms": figure(percentile(series["open"], 0.9)),
        "inbox_open_opd_ms": figure(med(series["open_opd"])),
        # Scrolling the list: the worst of the moves (jumps far into the
        # list, screenfuls, wheel steps), from the change of the scrolled
        # window's adjustment until painted; their 95th percentile; and
        # the worst that is not a jump.
        "inbox_scroll_worst_frame_ms": figure(max(series["scroll"]), target=16),
        "inbox_scroll_p95_ms": figure(percentile(series["scroll"], 0.95)),
        "inbox_scroll_worst_step_ms": figure(max(series["scroll_page"] +
                                                 series["scroll_wheel"])),
        # A frame that changes nothing: the display's share of each.
        "inbox_frame_idle_ms": figure(med(series["frame_idle"])),
    }


def bench_inbox(build, workdir):
    """Searching the complaint inbox of the benchmark regency
    (tests/bench/inbox-bench.c): about 200 searches typed a letter at a
    time through the inbox's list model, and the same searches on plain
    SQLite as the floor; the saved filters, alone and with searches.
    With a display, the inbox page too (bench_inbox_page): opening it,
    inbox_open_ms, and scrolling its list, inbox_scroll_worst_frame_ms."""
    db = os.path.join(build, "bench", "bench.db")
    os.makedirs(os.path.dirname(db), exist_ok=True)
    seed_database(build, db)

    out = subprocess.run([os.path.join(build, "tests/bench/inbox-bench"), db],
                         env=dict(os.environ, TMPDIR=workdir), check=True,
                         capture_output=True, text=True).stdout
    series = read_series(out)
    if series["complaints"][0] != BENCH_COMPLAINTS:
        raise RuntimeError(f"the inbox held {series['complaints'][0]:g} complaints")
    for name in ("search", "search_floor", "filter"):
        print(f"inbox {name}: {len(series[name])} samples, median "
              f"{statistics.median(series[name]):.2f} ms", file=sys.stderr)

    def figure(name, fraction, target=None):
        value = percentile(series[name], fraction)
        return {"value": round(value, 2), "unit": "ms", "target": target}

    results = {
        # A search as the user types, through the list model: the count
        # and the first 50 rows.
        "inbox_search_p95_ms": figure("search", 0.95, target=20),
        # The same searches, a plain FTS5 MATCH with LIMIT 50 and a count.
        "inbox_search_floor_p95_ms": figure("search_floor", 0.95),
        # The saved filters (late, due soon, not verified, mine), alone
        # and with searches.
        "inbox_filter_p95_ms": figure("filter", 0.95),
    }
    if os.environ.get("DISPLAY"):
        results.update(bench_inbox_page(build, workdir, db))
    else:
        print("inbox: no display, so no inbox page figures (run under "
              "build-aux/with-display, as `build-aux/dev bench` does)", file=sys.stderr)
    return results


def bench_report(build, workdir):
    """The monthly report's figures on the benchmark regency
    (tests/bench/report-bench.c): one OPD's last complete month, as the
    report wizard computes it, and every OPD's, the verifikator's recap;
    the median of REPORT_RUNS runs of each."""
    db = os.path.join(build, "bench", "bench.db")
    os.makedirs(os.path.dirname(db), exist_ok=True)
    seed_database(build, db)

    out = subprocess.run([os.path.join(build, "tests/bench/report-bench"), db,
                          str(REPORT_RUNS)],
                         env=dict(os.environ, TMPDIR=workdir), check=True,
                         capture_output=True, text=True).stdout
    series = read_series(out)
    print(f"report: {series['opds'][0]:g} OPDs", file=sys.stderr)

    def figure(name, target):
        return {"value": round(series[name][0], 1), "unit": "ms", "target": target}

    return {
        # sigap_report_figures_compute() for dinkes's last complete month.
        "report_month_ms": figure("report_month_ms", 100),
        # sigap_report_figures_compute_all() for the same month.
        "report_recap_ms": figure("report_recap_ms", 1000),
    }


def bench_composer(build):
    """The composer's text checks (tests/bench/composer-bench.c): a
    5,000-character post with links, hashtags and mentions checked for all
    five platforms, as on every keystroke; the median of COMPOSER_RUNS."""
    out = subprocess.run([os.path.join(build, "tests/bench/composer-bench"),
                          str(COMPOSER_RUNS)],
                         check=True, capture_output=True, text=True).stdout
    series = read_series(out)
    print(f"composer: {series['composer_chars'][0]:g} characters", file=sys.stderr)

    results = {
        # sigap_platform_rules_check() for every platform.
        "composer_validate_ms": {"value": round(series["composer_validate_ms"][0], 2),
                                 "unit": "ms", "target": 2},
    }
    if os.environ.get("DISPLAY"):
        results.update(bench_composer_preview(build))
    else:
        print("composer: no display, so no preview figures (run under "
              "build-aux/with-display, as `build-aux/dev bench` does)", file=sys.stderr)
    return results


def bench_composer_preview(build):
    """The composer's post preview, SigapPreviewCard, in a window
    (tests/bench/preview-bench.c): the same 5,000-character post typed a
    character at a time, each keystroke from sigap_preview_card_set_text()
    until the frame with the new text is painted; the median of
    PREVIEW_KEYSTROKES."""
    env = dict(os.environ)
    env.update({
        "GSETTINGS_BACKEND": "memory",
        "GDK_BACKEND": "x11",
    })
    out = subprocess.run([os.path.join(build, "tests/bench/preview-bench"),
                          str(PREVIEW_KEYSTROKES)],
                         env=env, check=True, capture_output=True, text=True).stdout
    series = read_series(out)
    med = statistics.median
    for name in ("keystroke", "keystroke_folded", "frame_idle"):
        print(f"composer preview {name}: {len(series[name])} samples, median "
              f"{med(series[name]):.1f} ms, worst {max(series[name]):.1f} ms", file=sys.stderr)

    def figure(value, target=None):
        return {"value": round(value, 1), "unit": "ms", "target": target}

    return {
        # A keystroke with the whole text shown (after "See more"): the
        # core's markup, the label laid out again and the frame painted;
        # within one frame at 60 Hz.
        "composer_preview_ms": figure(med(series["keystroke"]), target=16.7),
        "composer_preview_p90_ms": figure(percentile(series["keystroke"], 0.9)),
        # The same, the text folded as the feed first shows it.
        "composer_preview_folded_ms": figure(med(series["keystroke_folded"])),
    }


def start_server(build, db):
    """Runs `sigap-server serve` on loopback; returns (process, URL)."""
    proc = subprocess.Popen([os.path.join(build, "src/server/sigap-server"), "serve",
                             "--db", db, "--listen", "127.0.0.1:0"],
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            env=dict(os.environ, LC_ALL="C"))
    line = proc.stdout.readline().strip()
    prefix = "Listening on "
    if not line.startswith(prefix):
        proc.kill()
        raise RuntimeError(f"sigap-server did not start: {line!r}")
    return proc, line[len(prefix):].rstrip("/")


def bench_sync(build, workdir):
    """The first sync of 100,000 complaints into an empty desktop, against
    the same rows written by plain SQLite; then no-change pulls from 64
    connections."""
    seeded = os.path.join(build, "bench", "server.db")
    os.makedirs(os.path.dirname(seeded), exist_ok=True)
    stamp = f"{seeded}.params"
    params = f"{BENCH_SEED} {BENCH_COMPLAINTS} {BENCH_POSTS}"
    if not (os.path.exists(seeded) and os.path.exists(stamp)
            and open(stamp).read() == params):
        for suffix in ("", "-wal", "-shm", ".params"):
            if os.path.exists(seeded + suffix):
                os.remove(seeded + suffix)
        print(f"Seeding the server with {BENCH_COMPLAINTS} complaints…", file=sys.stderr)
        subprocess.run([os.path.join(build, "src/server/sigap-server"), "seed-demo",
                        "--db", seeded, "--seed", str(BENCH_SEED),
                        "--complaints", str(BENCH_COMPLAINTS),
                        "--posts", str(BENCH_POSTS)],
                       check=True, stdout=subprocess.DEVNULL)
        with open(stamp, "w") as f:
            f.write(params)

    # The server writes (tokens, the change log): serve a copy.
    db = os.path.join(workdir, "server.db")
    shutil.copyfile(seeded, db)
    server, url = start_server(build, db)
    try:
        out_dir = os.path.join(workdir, "sync-pull")
        os.makedirs(out_dir)
        out = subprocess.run([os.path.join(build, "tests/bench/sync-pull"), url,
                              "verifikator", "sigap-demo", out_dir],
                             check=True, capture_output=True, text=True).stdout
        fields = dict(line.split(" ", 1) for line in out.splitlines() if " " in line)
        sync_s = float(fields["sync_s"])
        bulk_s = float(fields["bulk_s"])
        if int(fields["complaints"]) != BENCH_COMPLAINTS:
            raise RuntimeError(f"the first sync brought {fields['complaints']} complaints")

        pulls = None
        wrk = shutil.which("wrk")
        if wrk is not None:
            target = f"{url}/api/v1/sync/pull?since={fields['cursor']}"
            res = subprocess.run([wrk, "-t", "2", "-c", "64", "-d", "10s", "--latency",
                                  "-H", f"Authorization: Bearer {fields['token']}", target],
                                 check=True, capture_output=True, text=True).stdout
            print(res, file=sys.stderr)
            for line in res.splitlines():
                if line.startswith("Requests/sec:"):
                    pulls = float(line.split()[1])
                if "Non-2xx" in line:
                    raise RuntimeError(f"no-change pulls failed: {line.strip()}")
    finally:
        server.terminate()
        server.wait()

    results = {
        "sync_first_pull_s": {"value": round(sync_s, 2), "unit": "s", "target": 10},
        "sync_bulk_insert_s": {"value": round(bulk_s, 3), "unit": "s", "target": None},
        "sync_first_pull_ratio": {"value": round(sync_s / bulk_s, 2), "unit": "ratio",
                                  "target": 4},
    }
    if pulls is not None:
        results["server_pulls_per_s"] = {"value": round(pulls), "unit": "req/s",
                                         "target": 5000}
    return results


def main():
    parser = argparse.ArgumentParser(description="Sigap benchmarks")
    parser.add_argument("--build", required=True)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--only", choices=("startup", "sync", "calendar", "inbox", "report",
                                            "composer"),
                        help="run one group of benchmarks (sync and report need no "
                        "display; inbox and composer without one give their search "
                        "figures and text checks alone)")
    args = parser.parse_args()
    build = os.path.abspath(args.build)

    results = {}
    workdir = tempfile.mkdtemp(prefix="sigap-bench-")
    try:
        if args.only in (None, "startup"):
            results.update(bench_startup(build, workdir, args.runs))
        if args.only in (None, "sync"):
            results.update(bench_sync(build, workdir))
        if args.only in (None, "calendar"):
            results.update(bench_calendar(build, workdir))
        if args.only in (None, "inbox"):
            results.update(bench_inbox(build, workdir))
        if args.only in (None, "report"):
            results.update(bench_report(build, workdir))
        if args.only in (None, "composer"):
            results.update(bench_composer(build))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    path = os.path.join(build, "bench-results.json")
    with open(path, "w") as f:
        json.dump(results, f, indent=2, sort_keys=True)
        f.write("\n")

    print(f"{'figure':<30} {'value':>12} {'unit':<6} {'target':>8}  ")
    failed = False
    for name, fig in sorted(results.items()):
        target = fig["target"]
        mark = ""
        if target is not None:
            # Rates (…/s) should reach their target; the rest stay under it.
            if fig["unit"].endswith("/s"):
                ok = fig["value"] >= target
            else:
                ok = fig["value"] <= target
            failed |= not ok
            mark = "ok" if ok else "OVER"
        print(f"{name:<30} {fig['value']:>12} {fig['unit']:<6} "
              f"{'' if target is None else target:>8}  {mark}")
    print(f"\nWritten to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
