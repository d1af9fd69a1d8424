#!/usr/bin/env python3
# build-aux/bench.py — Sigap's benchmarks, run by `build-aux/dev bench`.
#
# Copyright 2026 The Sigap authors
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Prints a table and writes every figure to BUILD/bench-results.json as
# {"NAME": {"value": V, "unit": "...", "target": T}}. Needs a display
# (dev bench provides Xvfb).

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


def main():
    parser = argparse.ArgumentParser(description="Sigap benchmarks")
    parser.add_argument("--build", required=True)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    build = os.path.abspath(args.build)

    results = {}
    workdir = tempfile.mkdtemp(prefix="sigap-bench-")
    try:
        results.update(bench_startup(build, workdir, args.runs))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    path = os.path.join(build, "bench-results.json")
    with open(path, "w") as f:
        json.dump(results, f, indent=2, sort_keys=True)
        f.write("\n")

    print(f"{'figure':<24} {'value':>12} {'unit':<6} {'target':>8}  ")
    failed = False
    for name, fig in sorted(results.items()):
        target = fig["target"]
        mark = ""
        if target is not None:
            ok = fig["value"] <= target
            failed |= not ok
            mark = "ok" if ok else "OVER"
        print(f"{name:<24} {fig['value']:>12} {fig['unit']:<6} "
              f"{'' if target is None else target:>8}  {mark}")
    print(f"\nWritten to {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
