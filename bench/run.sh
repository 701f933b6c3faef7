#!/usr/bin/env bash
# Speed and memory figures for the README's performance section (not part of `cargo test`).
#
#   bash bench/run.sh [N]        # N generated scenarios, default 10000
#
# Prints: the floor (read + parse every file with the toml crate, on all cores), `batch` over
# the same files (wall, CPU, peak memory) and their ratio; peak memory of `batch` on a fifth of
# the files (memory must not grow with the number of files); whole-process times of `cost` and
# `business-case` on scenarios/grote-regio.toml.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-10000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cargo build --release --quiet --bin patz-calc --example genereer_scenarios --example toml_floor
bin=target/release/patz-calc
./target/release/examples/genereer_scenarios "$work/s" "$N" >/dev/null
echo "machine: $(nproc) cores; $N scenario's van 5-40 groepen in $work/s"

# Warm the page cache so that both runs read from memory.
cat $(find "$work/s" -name '*.toml') >/dev/null

wall=0
measure() { # label, command...; prints the figures and sets $wall
  local label="$1"; shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || true
  read -r wall user sys rss <"$work/time"
  awk -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { printf "%-28s %6.2f s wall  %6.2f s cpu  %6d KB piek\n", l, w, u + s, r }'
}

floor_line=$(./target/release/examples/toml_floor "$work/s")
floor=$(echo "$floor_line" | sed -E 's/.* in ([0-9.]+) s.*/\1/')
printf '%-28s %6.2f s wall\n' "floor (toml-parse)" "$floor"
measure "batch --format csv" "$bin" batch "$work/s" --format csv
awk -v b="$wall" -v f="$floor" 'BEGIN { printf "verhouding batch / floor: %.2f\n", b / f }'

small=$(find "$work/s" -mindepth 1 -maxdepth 1 -type d | sort | head -n $(( (N + 999) / 1000 / 5 > 0 ? (N + 999) / 1000 / 5 : 1 )))
measure "batch, een vijfde" "$bin" batch $small --format csv

for cmd in cost business-case; do
  start=$(date +%s%N)
  for _ in $(seq 100); do "$bin" "$cmd" scenarios/grote-regio.toml >/dev/null 2>&1; done
  end=$(date +%s%N)
  awk -v c="$cmd grote-regio" -v d="$((end - start))" \
    'BEGIN { printf "%-28s %6.2f ms per run (gemiddeld over 100, heel proces)\n", c, d / 100 / 1e6 }'
done
/usr/bin/time -f "cost grote-regio: %M KB piek" "$bin" cost scenarios/grote-regio.toml 2>&1 >/dev/null | tail -1
