#!/usr/bin/env bash
# Benchmark (not a test): clean, no-change, one-record-edit and one-template-edit builds of a
# generated corpus, with `gongkai build` and with `gongkai serve`, in release mode.
#
#   Benchmarks/incremental.sh [records]        # default 10000
#
# The corpus comes from ../shared/bench/make-corpus.py and is kept in Benchmarks/corpora/
# (gitignored); the project built from it is recreated on every run.
set -euo pipefail
cd "$(dirname "$0")/.."
records=${1:-10000}
corpus=Benchmarks/corpora/records-$records
project=Benchmarks/corpora/project-$records

if [ ! -d "$corpus" ]; then
  python3 ../shared/bench/make-corpus.py --records "$records" --out "$corpus"
fi
swift build -c release --product gongkai >/dev/null
gongkai="$(swift build -c release --show-bin-path)/gongkai"

rm -rf "$project"
mkdir -p "$project/Content"
cp -r "$corpus" "$project/Content/records"
cp -r Templates "$project/Templates"
record=$(ls "$project/Content/records" | sort | sed -n "$((records / 2))p")

now_ms() { date +%s%3N; }
# Runs `gongkai build` and prints its wall time and summary line.
timed_build() {
  local label=$1; shift
  local start end summary
  start=$(now_ms)
  summary=$("$gongkai" build --root "$project" "$@" 2>&1 | tail -1)
  end=$(now_ms)
  printf '%-34s %7d ms   %s\n' "$label" $((end - start)) "${summary#gongkai: }"
}

echo "== gongkai build, $records records ($(du -sh "$corpus" | cut -f1)) =="
timed_build "clean build (--clean)" --clean
timed_build "no-change rebuild"
echo "Benchmark edit $(date +%s%N)." >> "$project/Content/records/$record"
timed_build "one-record body edit"
echo "<!-- benchmark edit $(date +%s%N) -->" >> "$project/Templates/record-meta.mustache"
timed_build "one-template edit"

echo "== gongkai serve (in memory), edit → page served with the change =="
log=$(mktemp)
"$gongkai" serve --root "$project" --port 0 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 600); do grep -q "serving http" "$log" && break; sleep 0.1; done
grep "built:" "$log" | head -1 | sed 's/^gongkai: /initial build: /'
port=$(grep -o '127.0.0.1:[0-9]*' "$log" | head -1 | cut -d: -f2)
python3 - "$port" "$project" "$record" <<'PY'
import http.client, sys, time, pathlib
port, project, record = int(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
slug = record[:-3]
def fetch(path):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path)
    body = connection.getresponse().read().decode()
    connection.close()
    return body
def edit_and_wait(label, path, page, marker, runs=5):
    times = []
    for run in range(runs):
        token = f"{marker}{time.time_ns()}"
        start = time.perf_counter()
        with open(path, "a", encoding="utf-8") as f:
            f.write(f"\n{token}\n" if path.suffix == ".md" else f"<!-- {token} -->\n")
        while token not in fetch(page):
            time.sleep(0.002)
        times.append((time.perf_counter() - start) * 1000)
        time.sleep(0.3)
    times.sort()
    print(f"{label:34} median {times[len(times) // 2]:6.0f} ms  (min {times[0]:.0f}, max {times[-1]:.0f}, {runs} runs)")
record_path = project / "Content/records" / record
edit_and_wait("one-record edit → page served", record_path, f"/records/{slug}.html", "BenchmarkEdit")
edit_and_wait("one-template edit → page served", project / "Templates/record.mustache", f"/records/{slug}.html", "BenchmarkTemplate", runs=3)
PY
echo "server-side rebuild times (the time from a batch of changes to the new site in memory):"
grep "rebuilt:" "$log" | sed 's/^gongkai: /  /'
