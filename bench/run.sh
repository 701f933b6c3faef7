#!/usr/bin/env bash
# Speed and memory figures for the README's performance section (not part of `cargo test`).
#
#   bash bench/run.sh [N]        # N generated scenarios, default 10000
#
# Prints: the floor (read + parse every file with the toml crate, on all cores), `batch` over
# the same files (wall, CPU, peak memory) and their ratio, each the fastest of RUNS=5 runs taken
# in turns; peak memory of `batch` on a fifth of the files (memory must not grow with the number
# of files); whole-process times of `cost` and `business-case` on scenarios/grote-regio.toml;
# `report` and `export` of one generated scenario of 4,000 groups over 3 years (wall, CPU, peak
# memory; the documents must stay linear in the groups: under 1 s and 100 MB).
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

RUNS="${RUNS:-5}"
wall=0
best=""
keep_fastest() { # the figures of the last run ("wall user sys rss") when faster than $best
  local line
  line=$(cat "$work/time")
  if [ -z "$best" ] || awk -v a="${line%% *}" -v b="${best%% *}" 'BEGIN { exit !(a < b) }'; then
    best="$line"
  fi
}
report() { # label; prints the figures in $best and sets $wall
  read -r wall user sys rss <<<"$best"
  awk -v l="$1" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" \
    'BEGIN { printf "%-28s %6.2f s wall  %6.2f s cpu  %6d KB piek\n", l, w, u + s, r }'
}
measure() { # label, command...; the fastest of $RUNS runs
  local label="$1"; shift
  best=""
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >/dev/null 2>"$work/err" || true
    keep_fastest
  done
  report "$label"
}

# The floor and batch take turns, so that both meet the same state of the machine; the fastest
# run of each counts.
floor=""
best=""
for _ in $(seq "$RUNS"); do
  f=$(./target/release/examples/toml_floor "$work/s" | sed -E 's/.* in ([0-9.]+) s.*/\1/')
  if [ -z "$floor" ] || awk -v a="$f" -v b="$floor" 'BEGIN { exit !(a < b) }'; then floor="$f"; fi
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$bin" batch "$work/s" --format csv \
    >/dev/null 2>"$work/err" || true
  keep_fastest
done
printf '%-28s %6.2f s wall (snelste van %s)\n' "floor (toml-parse)" "$floor" "$RUNS"
report "batch --format csv"
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

# One scenario of 4,000 groups (3 years, three roles, two insurers, the six indicators).
groot="$work/4000-groepen.toml"
{
  printf 'formaat = 1\n\n[scenario]\nnaam = "Gegenereerd, 4000 groepen"\nstartjaar = 2026\n'
  printf 'looptijd_jaren = 3\nverzekerden = 67040000\n\n'
  printf '[uurtarieven]\nhuisarts = 116.35\nwijkverpleegkundige = 88.35\nconsulent = 125.50\n\n'
  printf '[werkwijze]\nbijeenkomsten_per_jaar = 6\nduur_uren = 1.5\nvoorbereiding_uren = 0.5\n'
  printf 'reistijd_uren = 0.25\nvoorzitter_uren = 1\ncoordinatie_uren_per_patient = 0.5\n'
  printf 'telefonische_ondersteuning_uren = 8\npatienten_per_jaar = 30\n\n'
  printf '[ondersteuning]\nict_per_groep = 450\nhuisvesting_per_bijeenkomst = 40\n'
  printf 'projectleiding_uren = 400\nprojectleiding_uurtarief = 95\nmonitoring_per_jaar = 2500\n'
  printf 'startkosten_per_nieuwe_groep = 1500\nscholing_per_nieuwe_deelnemer = 300\n'
  printf 'overhead_percentage = 5\n\n[indexatie]\nkosten_percentage_per_jaar = 3\n\n'
  printf '[[verzekeraar]]\nnaam = "A"\nmarktaandeel_percentage = 60\n\n'
  printf '[[verzekeraar]]\nnaam = "B"\nmarktaandeel_percentage = 30\n\n'
  printf '[[aanbod]]\nverzekeraar = "A"\nlabel = "A"\ntarief_per_verzekerde = 1.5\n\n'
  printf '[[aanbod]]\nverzekeraar = "B"\nlabel = "B"\ntarief_per_verzekerde = 1.4\n\n'
  printf '[impact]\naandeel_kanker_percentage = 41\ndisconteringsvoet_percentage = 3\n'
  for id in ziekenhuisopnames_meer_dan_1 ziekenhuisdagen_meer_dan_14 seh_bezoeken_meer_dan_1 \
    ic_opname overlijden_in_ziekenhuis chemotherapie; do
    printf '\n[[indicator]]\nid = "%s"\nbasis_percentage = 8\nreductie_percentage = 20\n' "$id"
    printf 'kosten_per_geval = 3000\nbron = "illustratief"\n'
  done
  awk 'BEGIN { for (g = 0; g < 4000; g++)
    printf "\n[[groep]]\nnaam = \"Groep %d\"\ndeelnemers = { huisarts = %d, wijkverpleegkundige = %d, consulent = 1 }\nstart = %d\nnieuw = %s\n",
      g, 4 + g % 7, 2 + g % 3, 2026 + g % 2, (g % 4 == 0) ? "true" : "false" }'
} >"$groot"
RUNS=3 measure "report, 4000 groepen" "$bin" report "$groot" -o "$work/rapport.html" --force
RUNS=3 measure "export, 4000 groepen" "$bin" export "$groot" -o "$work/werkmap.xlsx" --force
