#!/usr/bin/env python3
"""How long `portico watch` takes from an editor's save to the changed page on disk.

Usage (from the repository root):

  swift build -c release                      # or: --scratch-path /tmp/build-bench
  python3 Benchmarks/watch_bench.py [--portico PATH] [--partners 20] [--requests 500]
                                    [--collections 2] [--edits 20] [--keep] [--workdir DIR]

  e.g. python3 Benchmarks/watch_bench.py --portico /tmp/build-bench/release/portico --requests 1000

What it does (python3 standard library only):

 1. generates a workspace with ../shared/bench/make_workspace.py (--partners, --requests
    per collection, --collections; the generator's other defaults), in a temporary folder;
 2. starts `portico watch WS --out OUT` (OUT outside WS) and times the initial full build
    (wall clock until the first `built …` line, and the duration that line reports);
    waits until the watcher is idle (the first multipartner build writes portico.lock into
    the workspace, which the watcher sees and rebuilds once);
 3. description edits (--edits times): changes one word of ONE request's description
    (a request every partner sees, a different one each time) to a unique token, saving like
    an editor (temporary file in the same folder, fsync, rename over), then polls that
    request's page in EVERY partner site every 2 ms until all show the token. The page is
    found beforehand by grepping one site's request pages for the request's current first
    sentence; after each edit one site is grepped for the token to confirm the polled page is
    the page that shows it;
 4. partner edits (--edits times): changes one partner's `name:` in partners/<slug>.yaml the
    same way and polls that partner's index.html until it shows the new name; then checks
    that no other partner's site was touched (file set, sizes and nanosecond mtimes);
 5. prints p50/p95/max for both, with a breakdown from watch's own output: when the
    `changed:` line appeared (inotify + the ~75 ms debounce) and the build duration the
    `built …` summary reports (and per-stage timings when the binary prints them with
    PORTICO_TIMINGS=1), plus the sizes, the load average and the git revision.

The default binary is .build/release/portico; without it the script stops with a hint to run
`swift build -c release` (or pass --build to have it run that for you).
Exit status: 0 when every edit was seen, 1 when an edit was missed or another site touched.
"""
import argparse
import html
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import shutil

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
GENERATOR = os.path.join(REPO, "..", "shared", "bench", "make_workspace.py")
POLL = 0.002  # seconds between two looks at the page files
EDIT_TIMEOUT = 60.0  # an edit not visible after this long counts as missed
BUILT = re.compile(r"^built .* in ([\d.]+) s")


class Child:
    """`portico watch` with both output streams read by threads, each line time-stamped."""

    def __init__(self, argv, env):
        self.started = time.monotonic()
        self.proc = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env,
                                     stdin=subprocess.DEVNULL)
        self.lock = threading.Lock()
        self.out, self.err = [], []  # [(monotonic time, line)]
        for stream, sink in ((self.proc.stdout, self.out), (self.proc.stderr, self.err)):
            threading.Thread(target=self._read, args=(stream, sink), daemon=True).start()

    def _read(self, stream, sink):
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace").rstrip("\n")
            with self.lock:
                sink.append((time.monotonic(), line))

    def lines(self, which="out", start=0):
        with self.lock:
            return list((self.out if which == "out" else self.err)[start:])

    def count(self, which="out"):
        with self.lock:
            return len(self.out if which == "out" else self.err)

    def wait_line(self, predicate, start=0, timeout=EDIT_TIMEOUT, which="out"):
        """The first (time, line) at index >= start matching predicate, waiting up to timeout."""
        deadline = time.monotonic() + timeout
        while True:
            for stamp, line in self.lines(which, start):
                if predicate(line):
                    return stamp, line
            if time.monotonic() > deadline or self.proc.poll() is not None:
                return None
            time.sleep(0.005)

    def wait_idle(self, quiet=1.5, timeout=120):
        """Waits until neither stream grew for `quiet` seconds."""
        deadline = time.monotonic() + timeout
        seen, since = (-1, -1), time.monotonic()
        while time.monotonic() < deadline and self.proc.poll() is None:
            now = (self.count("out"), self.count("err"))
            if now != seen:
                seen, since = now, time.monotonic()
            elif time.monotonic() - since >= quiet:
                return True
            time.sleep(0.05)
        return False

    def stop(self):
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
            try:
                return self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
                return "killed after 10 s"
        return self.proc.returncode


def editor_save(path, text):
    """Write a temporary file beside `path`, fsync it, rename it over `path`."""
    folder, name = os.path.split(path)
    tmp = os.path.join(folder, f".{name}.bench-tmp")
    with open(tmp, "w") as f:
        f.write(text)
        f.flush()
        os.fsync(f.fileno())
    os.rename(tmp, path)


def read(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return b""


def site_state(root):
    """relative path -> (size, mtime_ns) of every file under root."""
    state = {}
    for folder, _, files in os.walk(root):
        for name in files:
            full = os.path.join(folder, name)
            info = os.lstat(full)
            state[os.path.relpath(full, root)] = (info.st_size, info.st_mtime_ns)
    return state


def grep_site(root, needle, under="c"):
    """Relative paths of the HTML files under root/under whose bytes contain needle."""
    hits = []
    for folder, _, files in os.walk(os.path.join(root, under)):
        for name in files:
            if name.endswith(".html"):
                full = os.path.join(folder, name)
                if needle in read(full):
                    hits.append(os.path.relpath(full, root))
    return sorted(hits)


def requests_everyone_sees(collection):
    """(path of indices, item) for every request outside the internal and partner-only folders."""
    found = []

    def walk(items, trail, hidden):
        for i, item in enumerate(items):
            name = item.get("name", "")
            restricted = hidden or "INTERNALCANARY" in name or name.startswith("Beta ")
            if "item" in item:
                walk(item["item"], trail + [i], restricted)
            elif not restricted and isinstance(item.get("request", {}).get("description"), str):
                found.append((trail + [i], item))

    walk(collection["item"], [], False)
    return found


def percentiles(values):
    if not values:
        return "no data"
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, max(0, int(round(0.95 * len(ordered))) - 1))]
    return (f"p50 {statistics.median(ordered) * 1000:7.1f} ms   p95 {p95 * 1000:7.1f} ms   "
            f"max {ordered[-1] * 1000:7.1f} ms   (n={len(ordered)})")


def stage_summary(lines):
    """Median per stage over `timings: stage N ms, …` lines (PORTICO_TIMINGS=1), if any."""
    stages = {}
    for line in lines:
        if line.startswith("timings: "):
            for part in line[len("timings: "):].split(", "):
                m = re.match(r"(.+) ([\d.]+) ms$", part)
                if m:
                    stages.setdefault(m.group(1), []).append(float(m.group(2)))
    return ", ".join(f"{k} {statistics.median(v):.0f}" for k, v in stages.items())


def git_revision():
    try:
        return subprocess.run(["git", "-C", REPO, "describe", "--always", "--dirty"], capture_output=True,
                              text=True, timeout=10).stdout.strip() or "unknown"
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def build_line_after(child, start):
    """(time, seconds reported) of the first `built` line at index >= start, or None."""
    hit = child.wait_line(lambda l: BUILT.match(l) is not None, start, timeout=EDIT_TIMEOUT)
    return (hit[0], float(BUILT.match(hit[1]).group(1))) if hit else None


def main():
    ap = argparse.ArgumentParser(description="Time portico watch from save to published page.")
    ap.add_argument("--portico", help="the portico binary (default: .build/release/portico)")
    ap.add_argument("--build", action="store_true", help="run `swift build -c release` first when needed")
    ap.add_argument("--partners", type=int, default=20)
    ap.add_argument("--requests", type=int, default=500, help="requests per collection (try 1000 too)")
    ap.add_argument("--collections", type=int, default=2)
    ap.add_argument("--edits", type=int, default=20, help="edits of each kind")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--generator", default=GENERATOR, help="make_workspace.py")
    ap.add_argument("--workdir", help="folder for the workspace and output (default: a new temporary one)")
    ap.add_argument("--keep", action="store_true", help="keep the workspace and output afterwards")
    a = ap.parse_args()

    portico = a.portico or os.path.join(REPO, ".build", "release", "portico")
    if not os.access(portico, os.X_OK):
        if a.portico or not a.build:
            sys.exit(f"no portico binary at {portico}: run `swift build -c release` in {REPO} "
                     f"(or pass --build, or --portico PATH)")
        print("building portico in release: swift build -c release", flush=True)
        subprocess.run(["swift", "build", "-c", "release"], cwd=REPO, check=True)
    if not os.path.exists(a.generator):
        sys.exit(f"no workspace generator at {a.generator} (../shared/bench/make_workspace.py)")

    work = a.workdir or tempfile.mkdtemp(prefix="portico-watch-bench-")
    ws, out = os.path.join(work, "workspace"), os.path.join(work, "out")
    rng = random.Random(a.seed)
    child = None
    failures = []
    try:
        gen = subprocess.run([sys.executable, a.generator, ws, "--partners", str(a.partners),
                              "--requests", str(a.requests), "--collections", str(a.collections)],
                             capture_output=True, text=True, check=True)
        print(gen.stdout.strip())
        env = dict(os.environ, PORTICO_TIMINGS="1")
        child = Child([portico, "watch", ws, "--out", out], env)

        first = child.wait_line(lambda l: l.startswith("built ") or l.startswith("watching "), timeout=1800)
        if not first or not first[1].startswith("built "):
            sys.exit("the initial build failed:\n" + "\n".join(l for _, l in child.lines("err")[-20:]))
        initial_wall, initial_reported = first[0] - child.started, float(BUILT.match(first[1]).group(1))
        child.wait_idle()
        extra = [l for _, l in child.lines("out")[1:] if l.startswith("changed:") or l.startswith("built ")]

        slugs = sorted(os.listdir(os.path.join(ws, "partners")))
        slugs = [s[:-5] for s in slugs if s.endswith(".yaml")]
        sites = {s: os.path.join(out, s) for s in slugs}
        pages = sum(1 for _, _, fs in os.walk(sites[slugs[0]]) for f in fs if f.endswith(".html"))
        files = sum(len(fs) for _, _, fs in os.walk(out))
        size = sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(out) for f in fs)
        collections = sorted(os.path.join(ws, "collections", f) for f in os.listdir(os.path.join(ws, "collections")))

        # --- description edits -------------------------------------------------------
        documents = {path: json.load(open(path)) for path in collections}
        candidates = [(path, trail) for path in collections
                      for trail, _ in requests_everyone_sees(documents[path])]
        desc = {"visible": [], "changed": [], "built": [], "reported": [], "first_site": []}
        stages_from = child.count("err")
        for n, (path, trail) in enumerate(rng.sample(candidates, a.edits)):
            doc = documents[path]
            item = {"item": doc["item"]}
            for i in trail:
                item = item["item"][i]
            old = item["request"]["description"]
            first_sentence = old.split("\n", 1)[0].encode()
            located = [p for p in grep_site(sites[slugs[0]], first_sentence) if not p.endswith("index.html")]
            if len(located) > 1:  # a folder page may quote it too: keep the page titled with the request
                heading = f"<h1>{html.escape(item['name'], quote=False)}</h1>".encode()
                located = [p for p in located if heading in read(os.path.join(sites[slugs[0]], p))]
            if len(located) != 1:
                failures.append(f"description edit {n}: the request's page is ambiguous: {located}")
                continue
            page = located[0]
            token = f"Benchedit{n:03d}x{rng.randrange(10**6):06d}"
            word = old.split(" ", 1)
            item["request"]["description"] = token + " " + word[1]
            text = json.dumps(doc, indent=2)
            mark = child.count("out")
            editor_save(path, text)
            t0 = time.monotonic()
            pending, first_seen = {s: os.path.join(sites[s], page) for s in slugs}, None
            needle = token.encode()
            while pending and time.monotonic() - t0 < EDIT_TIMEOUT:
                for s in [s for s, p in pending.items() if needle in read(p)]:
                    del pending[s]
                    first_seen = first_seen or time.monotonic()
                if pending:
                    time.sleep(POLL)
            done = time.monotonic()
            if pending:
                failures.append(f"description edit {n}: not on {page} after {EDIT_TIMEOUT:.0f} s in "
                                f"{len(pending)} of {len(slugs)} sites")
                continue
            desc["visible"].append(done - t0)
            desc["first_site"].append(first_seen - t0)
            changed = child.wait_line(lambda l: l.startswith("changed:"), mark, timeout=5)
            built = build_line_after(child, mark)
            if changed:
                desc["changed"].append(changed[0] - t0)
            if built:
                desc["built"].append(built[0] - t0)
                desc["reported"].append(built[1])
            shown = grep_site(sites[slugs[-1]], needle)
            if page not in shown:
                failures.append(f"description edit {n}: the token shows on {shown}, not on {page}")
            child.wait_idle(quiet=0.3, timeout=30)
        desc_stages = stage_summary(l for _, l in child.lines("err", stages_from))

        # --- partner edits -----------------------------------------------------------
        part = {"visible": [], "changed": [], "built": [], "reported": []}
        touched_others = 0
        stages_from = child.count("err")
        for n in range(a.edits):
            slug = slugs[n % len(slugs)]
            path = os.path.join(ws, "partners", f"{slug}.yaml")
            lines = open(path).read().split("\n")
            token = f"Renamed{n:03d}x{rng.randrange(10**6):06d}"
            lines = [f"{l} {token}" if l.startswith("name:") else l for l in lines]
            others = {s: site_state(sites[s]) for s in slugs if s != slug}
            mark = child.count("out")
            index = os.path.join(sites[slug], "index.html")
            editor_save(path, "\n".join(lines))
            t0 = time.monotonic()
            needle = token.encode()
            while needle not in read(index) and time.monotonic() - t0 < EDIT_TIMEOUT:
                time.sleep(POLL)
            done = time.monotonic()
            if needle not in read(index):
                failures.append(f"partner edit {n} ({slug}): not shown after {EDIT_TIMEOUT:.0f} s")
                continue
            part["visible"].append(done - t0)
            changed = child.wait_line(lambda l: l.startswith("changed:"), mark, timeout=5)
            built = build_line_after(child, mark)
            if changed:
                part["changed"].append(changed[0] - t0)
            if built:
                part["built"].append(built[0] - t0)
                part["reported"].append(built[1])
            for s, before in others.items():
                after = site_state(sites[s])
                if after != before:
                    touched_others += 1
                    diff = sorted(k for k in set(after) | set(before) if after.get(k) != before.get(k))
                    failures.append(f"partner edit {n} ({slug}) touched {s}: {len(diff)} files, e.g. {diff[:3]}")
            child.wait_idle(quiet=0.3, timeout=30)
        part_stages = stage_summary(l for _, l in child.lines("err", stages_from))
        errors = [l for _, l in child.lines("err") if "error" in l]
    finally:
        status = child.stop() if child else None
        if not a.keep and not a.workdir:
            shutil.rmtree(work, ignore_errors=True)

    load = os.getloadavg()
    print()
    print(f"portico        {portico}  (revision {git_revision()})")
    print(f"machine        {os.cpu_count()} CPUs, load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")
    print(f"workspace      {a.partners} partners, {a.collections} collections x {a.requests} requests; "
          f"{pages} pages per partner site, {files} files / {size / 1e6:.1f} MB in all sites")
    print(f"initial build  {initial_wall:.2f} s wall (start to summary line), {initial_reported:.2f} s reported")
    if extra:
        print(f"after it       {' | '.join(extra)}")
    print()
    print(f"description edit -> page in all {len(slugs)} sites")
    print(f"  visible       {percentiles(desc['visible'])}")
    print(f"  first site    {percentiles(desc['first_site'])}")
    print(f"  changed: line {percentiles(desc['changed'])}   (inotify + debounce)")
    print(f"  built line    {percentiles(desc['built'])}")
    print(f"  build (own)   {percentiles(desc['reported'])}")
    if desc_stages:
        print(f"  stages (ms, median)  {desc_stages}")
    print(f"partner name edit -> that partner's index.html")
    print(f"  visible       {percentiles(part['visible'])}")
    print(f"  changed: line {percentiles(part['changed'])}   (inotify + debounce)")
    print(f"  built line    {percentiles(part['built'])}")
    print(f"  build (own)   {percentiles(part['reported'])}")
    if part_stages:
        print(f"  stages (ms, median)  {part_stages}")
    print(f"  other sites touched: {touched_others} (of {a.edits * (len(slugs) - 1)} checks)")
    if errors:
        print(f"watch printed {len(errors)} error line(s), e.g. {errors[:2]}")
    print(f"watch exit after SIGINT: {status}")
    if a.keep or a.workdir:
        print(f"kept {work}")
    for f in failures:
        print("FAILED:", f)
    return 1 if failures or status != 0 else 0


if __name__ == "__main__":
    sys.exit(main())
