#!/usr/bin/env bash
# bench.sh -- gongkai against Hugo and the cmark-gfm floor, on generated corpora.
#
# usage: Benchmarks/bench.sh [SIZES...] [--runs N] [--hugo-max M]
#   SIZES      record counts (default: 1000 10000); 100000 works too (~2.2 GB corpus)
#   --runs N   rounds per size (default 5)
#   --hugo-max Hugo runs only for sizes <= M (default 10000: at 100k records Hugo needs
#              more memory than a small machine has; gongkai and the floor still run)
#
# For each size: generates Benchmarks/corpora/corpus-N with ../shared/bench/make-corpus.py
# (seed 1) if it is missing, makes a project Benchmarks/corpora/site-N whose Content/records
# links to it, builds gongkai in release, then runs N rounds of
#   gongkai (cold: fresh output folder) → Hugo (shared/bench/hugo/run-hugo.sh, one run)
#   → cmark floor (shared/bench/floor/run-floor.sh, one run, HTML written to disk)
# so that all three see the same machine load. Wall time and peak RSS come from GNU time.
# Prints a table of min/median wall time, the ratios and peak RSS, and gongkai's --stats
# of its fastest run. Raw lines go to Benchmarks/results/bench-<date>.log.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(dirname "$here")
shared=$repo/../shared/bench
runs=5
hugo_max=10000
sizes=()
while [ $# -gt 0 ]; do
  case $1 in
    --runs) runs=$2; shift 2 ;;
    --hugo-max) hugo_max=$2; shift 2 ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -gt 0 ] || sizes=(1000 10000)

mkdir -p "$here/corpora" "$here/results"
log=$here/results/bench-$(date +%Y%m%d-%H%M%S).log
work=$(mktemp -d /tmp/gongkai-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

(cd "$repo" && swift build -c release >&2)
bin=$repo/.build/release/gongkai
# Cold builds: an incremental cache, once gongkai has one, must not be used.
clean=()
if "$bin" build --help 2>&1 | grep -q -- '--clean'; then clean=(--clean); fi

# min and median of the numbers on stdin, printed as "min median".
min_median() {
  sort -g | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%s %s\n", v[1], m }'
}
field() { sed -n "s/.* $1=\([0-9.]*\).*/\1/p" | head -1; }

rows=()
for n in "${sizes[@]}"; do
  corpus=$here/corpora/corpus-$n
  if [ ! -d "$corpus" ]; then
    python3 "$shared/make-corpus.py" --records "$n" --seed 1 --out "$corpus.tmp" >&2
    mv "$corpus.tmp" "$corpus"
  fi
  site=$here/corpora/site-$n
  mkdir -p "$site/Content"
  ln -sfn "../../corpus-$n" "$site/Content/records"
  out=$work/out-$n
  trash=$here/results/trash-$n
  mkdir -p "$trash"
  : > "$work/g-$n"; : > "$work/h-$n"; : > "$work/f-$n"
  for r in $(seq 1 "$runs"); do
    # Outputs of earlier runs are moved aside, not deleted: ext4 without a journal (as here)
    # skips inodes freed in the last minute when it allocates, so deleting thousands of
    # files just before a build makes every file it creates slower. All three tools start
    # with no deletions behind them; the trash goes at the end of the size.
    for old in "$out" "$shared/hugo/site/public" "$work/floor-$n"; do
      if [ -e "$old" ]; then mv "$old" "$trash/$(date +%s%N)"; fi
    done
    sync
    # The corpus is read back into the page cache first: this machine reclaims pages idle for
    # a while, and a build that reads 2 GB of records from disk measures the disk, not itself.
    find -L "$corpus" -type f -exec cat {} + > /dev/null
    t0=$(date +%s.%N)
    /usr/bin/time -v -o "$work/time" "$bin" build --root "$site" --output "$out" --stats "${clean[@]}" \
      > "$work/stats-$n-$r" 2>&1
    t1=$(date +%s.%N)
    wall=$(echo "$t1 - $t0" | bc -l)
    rss=$(awk -F': ' '/Maximum resident set size/{print int($2 / 1024)}' "$work/time")
    echo "$wall $rss $r" >> "$work/g-$n"
    echo "size=$n run=$r gongkai wall_s=$wall max_rss_mb=$rss" | tee -a "$log" >&2

    if [ "$n" -le "$hugo_max" ]; then
      line=$("$shared/hugo/run-hugo.sh" "$corpus" 1 2>/dev/null | grep '^run 1:')
      echo "$(field wall_s <<< "$line") $(field max_rss_mb <<< "$line")" >> "$work/h-$n"
      echo "size=$n run=$r hugo $line" | tee -a "$log" >&2
    fi

    line=$(FLOOR_OUT=$work/floor-$n "$shared/floor/run-floor.sh" "$corpus" 1 2>/dev/null | grep '^FLOOR jobs=2')
    field min_s <<< "$line" >> "$work/f-$n"
    echo "size=$n run=$r floor $line" | tee -a "$log" >&2
  done
  for old in "$out" "$work/floor-$n"; do [ -e "$old" ] && mv "$old" "$trash/$(date +%s%N)"; done
  rm -rf "$trash"

  read -r gmin gmed < <(cut -d' ' -f1 "$work/g-$n" | min_median)
  grss=$(cut -d' ' -f2 "$work/g-$n" | sort -n | tail -1)
  read -r fmin fmed < <(min_median < "$work/f-$n")
  if [ -s "$work/h-$n" ]; then
    read -r hmin hmed < <(cut -d' ' -f1 "$work/h-$n" | min_median)
    hrss=$(cut -d' ' -f2 "$work/h-$n" | sort -n | tail -1)
    # Also the median of each round's own ratio: the two ran back to back, so it cancels
    # most of the machine's drift between rounds.
    read -r _ paired < <(paste -d' ' "$work/g-$n" "$work/h-$n" | awk '{ print $1 / $4 }' | min_median)
    hugo=$(printf '%6.2f / %6.2f | %5.3f / %5.3f | %5.3f | %6s' "$hmin" "$hmed" \
      "$(echo "$gmin / $hmin" | bc -l)" "$(echo "$gmed / $hmed" | bc -l)" "$paired" "$hrss")
  else
    hugo=$(printf '%15s | %13s | %5s | %6s' "not run" "-" "-" "-")
  fi
  rows+=("$(printf '%7d | %6.2f / %6.2f | %s | %6s | %5.3f / %5.3f | %5.2f / %5.2f' "$n" "$gmin" "$gmed" "$hugo" "$grss" \
    "$fmin" "$fmed" "$(echo "$gmin / $fmin" | bc -l)" "$(echo "$gmed / $fmed" | bc -l)")")

  fastest=$(sort -g "$work/g-$n" | head -1 | cut -d' ' -f3)
  { echo; echo "gongkai --stats, fastest run at $n records:"; cat "$work/stats-$n-$fastest"; } | tee -a "$log"
  # Let the freed inodes age before the next size (see above).
  if [ "$n" != "${sizes[-1]}" ]; then sync; sleep 60; fi
done

{
  echo
  echo "records | gongkai min / med s | Hugo min / med s | g÷h min / med | g÷h per round, med | Hugo RSS MB | gongkai RSS MB | floor min / med s | g÷floor min / med"
  printf '%s\n' "${rows[@]}"
} | tee -a "$log"
echo "(log: ${log#"$repo"/})"
