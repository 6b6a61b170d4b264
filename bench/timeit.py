#!/usr/bin/env python3
"""Times shell commands side by side: rounds interleave the commands so machine noise hits
them alike; prints the median wall time of each and its ratio to the first.

Usage: timeit.py RUNS NAME=COMMAND [NAME=COMMAND ...]
Exit status 1 is accepted (linters exit 1 when they find something); any other failure of
the warm-up run stops the benchmark, so a command that breaks is never timed as a fast one.
Output is discarded.
"""
import statistics
import subprocess
import sys
import time


def main():
    runs = int(sys.argv[1])
    commands = [arg.split("=", 1) for arg in sys.argv[2:]]
    times = {name: [] for name, _ in commands}
    for name, cmd in commands:  # warm-up: file cache, JIT caches
        done = subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        if done.returncode not in (0, 1):
            sys.exit(f"{name} failed (exit {done.returncode}): {done.stderr.decode(errors='replace').strip()}")
    for _ in range(runs):
        for name, cmd in commands:
            start = time.perf_counter()
            subprocess.run(cmd, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[name].append(time.perf_counter() - start)
    base = statistics.median(times[commands[0][0]])
    print(f"{'command':<16} {'median s':>9} {'min s':>8} {'ratio':>8}   ({runs} runs each)")
    for name, _ in commands:
        med = statistics.median(times[name])
        print(f"{name:<16} {med:>9.3f} {min(times[name]):>8.3f} {med / base:>7.2f}x")


if __name__ == "__main__":
    main()
