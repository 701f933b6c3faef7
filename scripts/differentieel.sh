#!/usr/bin/env bash
# Differential test: proof that a change did not change any output (issue 13, item 6).
#
# Runs an old and a new patz-calc binary on the same inputs and compares, byte for byte, the
# stdout, stderr, exit status and every file written with -o (an .xlsx or .docx part by part, after
# unzip) of every command in every format:
#
#   bash scripts/differentieel.sh [--oud REV | --oud-bin PAD] [--nieuw-bin PAD] [--snel]
#                                 [--n N] [--steekproef K] [--gegenereerd MAP] [--rapport MAP]
#                                 [--filter GLOB] [--streng] [-j P]
#
#   --oud REV          old = this git revision, built with `cargo build --release --locked` in a
#                      temporary `git worktree`, into a cache outside the repository
#                      ($PATZ_DIFF_CACHE, default ~/.cache/patz-calc-differentieel/<commit>);
#                      a binary already cached for that commit is reused. Default: the newest
#                      tag, else HEAD (then it compares the working tree with the last commit).
#   --oud-bin PAD      old = this binary (nothing is built).
#   --nieuw-bin PAD    new = this binary; default: the working tree's release build
#                      (`cargo build --release --locked`, in $CARGO_TARGET_DIR or target/).
#   --snel             500 generated scenarios and a sample of 10 instead of 10,000 and 100.
#   --n N              number of generated scenarios (default 10000).
#   --steekproef K     how many of the generated scenarios get the per-file commands (default
#                      50, spread evenly); batch and compare always cover all N.
#   --gegenereerd MAP  use the scenarios (*.toml, recursively) already in MAP instead of
#                      generating them (then no `cargo` is needed for the generator).
#   --rapport MAP      where the report goes (default: a new folder under /tmp, printed).
#   --filter GLOB      run only the cases whose command matches GLOB (e.g. 'cost *').
#   --streng           listed expected differences count as differences too.
#   -j P               parallel runs (default 2, via xargs -P).
#
# Inputs: scenarios/*.toml (with the CSVs in scenarios/ for monitor and payout),
# tests/corpus/*.toml, tests/fixtures/**/*.toml (with tests/fixtures/monitor/*.csv), every
# trycmd case in tests/cmd/*.toml (its args and fs.cwd, run with both binaries), and N scenarios
# from `examples/genereer_scenarios` (batch, batch --per-jaar and compare over all of them, the
# per-file commands on an even sample). Commands: cost, impact, offers, business-case, explain
# (also --jaar/--groep/--post), check, batch (+ --per-jaar, --waarschuwingen), compare, sweep,
# sensitivity, solve (falling and rising), simulate (200 iterations, --seed 7, also --draws),
# monitor (every --onderdeel), payout (kwartaal/jaar, plan and registrations), report (HTML),
# export (xlsx), init, --help/--version/completions/manpage; each in table, csv, csv-nl and json
# where it applies, on stdout and with -o to a file (a bad input from tests/corpus once per
# command). A full run is about 5,000 cases (10,000 processes): about 15 minutes on 2 cores
# shared with other work, --snel about 8.
#
# Output: a summary on stdout (runs, identical, differing, expected, per class) and, in the
# report folder, samenvatting.txt, gevallen.tsv (every case: id, result, command) and for each
# difference verschillen/<id>.txt with the command and the head of `diff -u` of each stream.
# Expected, accepted differences (the exactness fixes and range errors of issue 13/12) are listed
# in scripts/verwachte-verschillen.txt as `GLOB | reason`; a difference whose command matches a
# GLOB is counted under that reason, not as a regression. `[stderr: ERE] GLOB | reason` counts
# only a difference in stderr alone whose every added or removed line matches the extended regex
# ERE (a new or reworded warning), so stdout, files, exit status and other messages stay checked;
# `[oud onleesbaar] GLOB | reason` only a run where the old binary refused the input (exit 2) and
# the new one did not (a file in syntax the old release does not know).
#
# Exit status: 0 when every run is identical or an expected difference (with --streng: only
# when every run is identical), 1 when there is an unexpected difference, 2 on a usage or build
# error. Needs bash, coreutils, diff, unzip, git, cargo (no cargo with --oud-bin, --nieuw-bin and
# --gegenereerd).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
oud_rev=""
oud_bin=""
nieuw_bin=""
n=10000
steekproef=50
gegenereerd=""
rapport=""
filter="*"
streng=0
jobs=2

fout() { echo "differentieel.sh: $*" >&2; exit 2; }
while [ $# -gt 0 ]; do
  case "$1" in
    --oud) oud_rev="${2:?--oud vraagt een revisie}"; shift 2 ;;
    --oud-bin) oud_bin="${2:?--oud-bin vraagt een pad}"; shift 2 ;;
    --nieuw-bin) nieuw_bin="${2:?--nieuw-bin vraagt een pad}"; shift 2 ;;
    --snel) n=500; steekproef=10; shift ;;
    --n) n="${2:?--n vraagt een aantal}"; shift 2 ;;
    --steekproef) steekproef="${2:?--steekproef vraagt een aantal}"; shift 2 ;;
    --gegenereerd) gegenereerd="${2:?--gegenereerd vraagt een map}"; shift 2 ;;
    --rapport) rapport="${2:?--rapport vraagt een map}"; shift 2 ;;
    --filter) filter="${2:?--filter vraagt een patroon}"; shift 2 ;;
    --streng) streng=1; shift ;;
    -j) jobs="${2:?-j vraagt een aantal}"; shift 2 ;;
    -h|--help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) fout "onbekende optie: $1 (zie --help)" ;;
  esac
done
[ -n "$oud_rev" ] && [ -n "$oud_bin" ] && fout "geef --oud of --oud-bin, niet allebei"
[[ "$n" =~ ^[0-9]+$ && "$steekproef" =~ ^[0-9]+$ && "$jobs" =~ ^[1-9][0-9]*$ ]] \
  || fout "--n, --steekproef en -j vragen een geheel getal"

work="$(mktemp -d "${TMPDIR:-/tmp}/patz-diff.XXXXXX")"
oud_wt=""
opruimen() {
  if [ -n "$oud_wt" ]; then git -C "$root" worktree remove --force "$oud_wt" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap opruimen EXIT
trap 'exit 130' INT TERM
if [ -z "$rapport" ]; then rapport="$(mktemp -d "${TMPDIR:-/tmp}/patz-diff-rapport.XXXXXX")"; fi
mkdir -p "$rapport"
rm -rf "$rapport/verschillen"
mkdir -p "$rapport/verschillen"
rapport="$(cd "$rapport" && pwd)"

# ---------------------------------------------------------------------------------------------
# The two binaries, each copied to <side>/patz-calc (clap shows argv[0]'s name in its usage).

target_dir="${CARGO_TARGET_DIR:-$root/target}"
case "$target_dir" in /*) ;; *) target_dir="$root/$target_dir" ;; esac

if [ -z "$oud_bin" ]; then
  if [ -z "$oud_rev" ]; then
    oud_rev="$(git -C "$root" describe --tags --abbrev=0 2>/dev/null || echo HEAD)"
  fi
  commit="$(git -C "$root" rev-parse --verify --quiet "$oud_rev^{commit}")" \
    || fout "onbekende revisie: $oud_rev"
  cache="${PATZ_DIFF_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/patz-calc-differentieel}"
  oud_bin="$cache/$commit/patz-calc"
  if [ -x "$oud_bin" ]; then
    echo "oud: $oud_rev ($commit), uit de cache $oud_bin"
  else
    echo "oud: $oud_rev ($commit), bouwen in een tijdelijke worktree …"
    oud_wt="$work/oud-bron"
    git -C "$root" worktree add --detach --quiet "$oud_wt" "$commit"
    (cd "$oud_wt" && CARGO_TARGET_DIR="$cache/target" cargo build --release --locked --quiet \
      --bin patz-calc) || fout "het bouwen van $oud_rev mislukte"
    mkdir -p "$cache/$commit"
    cp "$cache/target/release/patz-calc" "$oud_bin.tmp"
    mv "$oud_bin.tmp" "$oud_bin"
    git -C "$root" worktree remove --force "$oud_wt"
    oud_wt=""
  fi
else
  echo "oud: $oud_bin"
fi
if [ -z "$nieuw_bin" ]; then
  echo "nieuw: de werkboom ($root), cargo build --release --locked …"
  (cd "$root" && cargo build --release --locked --quiet --bin patz-calc) \
    || fout "het bouwen van de werkboom mislukte"
  nieuw_bin="$target_dir/release/patz-calc"
else
  echo "nieuw: $nieuw_bin"
fi
[ -x "$oud_bin" ] || fout "geen uitvoerbaar bestand: $oud_bin"
[ -x "$nieuw_bin" ] || fout "geen uitvoerbaar bestand: $nieuw_bin"
mkdir -p "$work/oud" "$work/nieuw" "$work/uit" "$work/res"
cp "$oud_bin" "$work/oud/patz-calc"
cp "$nieuw_bin" "$work/nieuw/patz-calc"

# ---------------------------------------------------------------------------------------------
# Generated scenarios: in $work/gen, run with cwd $work so that messages show `gen/…`.

if [ -n "$gegenereerd" ]; then
  [ -d "$gegenereerd" ] || fout "geen map: $gegenereerd"
  cp -r "$gegenereerd" "$work/gen"
elif [ "$n" -gt 0 ]; then
  (cd "$root" && cargo build --release --locked --quiet --example genereer_scenarios) \
    || fout "het bouwen van examples/genereer_scenarios mislukte"
  "$target_dir/release/examples/genereer_scenarios" "$work/gen" "$n" >/dev/null
else
  mkdir -p "$work/gen"
fi
mapfile -t gen_all < <(cd "$work" && find gen -name '*.toml' -type f | LC_ALL=C sort)
n_gen=${#gen_all[@]}
gen_sample=()
if [ "$n_gen" -gt 0 ] && [ "$steekproef" -gt 0 ]; then
  stap=$(( n_gen / steekproef )); [ "$stap" -ge 1 ] || stap=1
  for ((i = 0; i < n_gen && ${#gen_sample[@]} < steekproef; i += stap)); do
    gen_sample+=("${gen_all[$i]}")
  done
fi

# ---------------------------------------------------------------------------------------------
# The cases: one line each, "id<TAB>cwd<TAB>command as shown<TAB>arguments (printf %q)".
# @UIT@ in an argument is an output file path, the same for both binaries; as cwd, an empty
# folder of its own (for `init` without a file name), its files compared as well.

cases="$work/gevallen"
: >"$cases"
teller=0
geval() { # cwd, arguments...
  local cwd="$1"; shift
  local shown="$*" quoted
  shown="${shown//@UIT@/UIT}"
  # shellcheck disable=SC2053
  [[ "$shown" == $filter ]] || return 0
  quoted=""
  [ $# -eq 0 ] || quoted="$(printf '%q ' "$@")"
  teller=$((teller + 1))
  printf '%05d\t%s\t%s\t%s\n' "$teller" "$cwd" "$shown" "$quoted" >>"$cases"
}
formats=("--format table" "--format csv" "--format csv --csv-nl" "--format json")
in_formaten() { # cwd, arguments...: the arguments in each format, on stdout and with -o
  local cwd="$1"; shift
  local f
  for f in "${formats[@]}"; do
    # shellcheck disable=SC2086
    geval "$cwd" "$@" $f
  done
  geval "$cwd" "$@" --csv-nl -o @UIT@.csv
  geval "$cwd" "$@" -o @UIT@.json
}
per_bestand() { # cwd, file: every command that reads one scenario, every format, -o too
  local cwd="$1" f="$2" c
  for c in cost impact offers business-case explain; do in_formaten "$cwd" "$c" "$f"; done
  geval "$cwd" check "$f"
  in_formaten "$cwd" sweep "$f" --set uurtarieven.huisarts=100..130:10
  in_formaten "$cwd" sensitivity "$f"
  in_formaten "$cwd" solve "$f" --parameter uurtarieven.huisarts --doel netto=0
  in_formaten "$cwd" solve "$f" --parameter uurtarieven.huisarts --doel kostendekkend_tarief=5
  in_formaten "$cwd" simulate "$f" --iteraties 200 --seed 7
  geval "$cwd" simulate "$f" --iteraties 50 --seed 3 --draws @UIT@.csv --format json
  in_formaten "$cwd" payout "$f"
  geval "$cwd" report "$f" -o @UIT@.html
  geval "$cwd" export "$f" -o @UIT@.xlsx
}
per_fout_bestand() { # cwd, file: a bad input through every command once (errors do not
  # depend on the format), and an -o that must not be written
  local cwd="$1" f="$2" c
  for c in cost impact offers business-case explain check payout sensitivity; do
    geval "$cwd" "$c" "$f"
  done
  geval "$cwd" cost "$f" --format json
  geval "$cwd" cost "$f" -o @UIT@.csv
  geval "$cwd" sweep "$f" --set uurtarieven.huisarts=100..130:10
  geval "$cwd" solve "$f" --parameter uurtarieven.huisarts --doel netto=0
  geval "$cwd" simulate "$f" --iteraties 20 --seed 7
  geval "$cwd" report "$f" -o @UIT@.html
  geval "$cwd" export "$f" -o @UIT@.xlsx
}
per_steekproef_bestand() { # cwd, file: a generated scenario (no [[onzekerheid]])
  local cwd="$1" f="$2" c
  for c in cost impact offers business-case explain; do
    for fm in "${formats[@]}"; do
      # shellcheck disable=SC2086
      geval "$cwd" "$c" "$f" $fm
    done
  done
  geval "$cwd" cost "$f" -o @UIT@.json
  geval "$cwd" check "$f"
  geval "$cwd" sweep "$f" --set uurtarieven.huisarts=100..130:10 --format csv
  geval "$cwd" solve "$f" --parameter uurtarieven.huisarts --doel netto=0 --format json
  geval "$cwd" solve "$f" --parameter uurtarieven.huisarts --doel kostendekkend_tarief=5
  geval "$cwd" payout "$f" --format csv
  geval "$cwd" report "$f" -o @UIT@.html
  geval "$cwd" export "$f" -o @UIT@.xlsx
}
per_map() { # cwd, name of the set, files...: batch and compare over a set of files
  local cwd="$1" naam="$2"; shift 2
  [ $# -gt 0 ] || return 0
  printf '%s\n' "$@" >"$work/lijst-$naam"
  in_formaten "$cwd" batch "$@"
  in_formaten "$cwd" batch --per-jaar "$@"
  geval "$cwd" batch --waarschuwingen "$@"
  [ $# -ge 2 ] && in_formaten "$cwd" compare "$@"
  return 0
}

cd "$root"
shipped=(scenarios/*.toml)
mapfile -t corpus < <(find tests/corpus -maxdepth 1 -name '*.toml' -type f | LC_ALL=C sort)
mapfile -t fixtures < <(find tests/fixtures -name '*.toml' -type f | LC_ALL=C sort)
for f in "${shipped[@]}" "${fixtures[@]}"; do per_bestand "$root" "$f"; done
for f in "${corpus[@]}"; do per_fout_bestand "$root" "$f"; done
per_map "$root" scenarios "${shipped[@]}"
geval "$root" batch scenarios
geval "$root" batch tests/corpus --format csv
per_map "$root" corpus "${corpus[@]}"
per_map "$root" fixtures "${fixtures[@]}"
geval "$root" compare --reference scenarios/grote-regio.toml "${shipped[@]}"

# Hand-picked cases on the shipped scenarios.
for a in "--jaar 2027" "--post overhead" "--post kostendekkend_tarief" "--post vermeden_kosten" \
  "--groep Oost" "--jaar 2028 --groep Centrum\ Noord"; do
  eval "extra=($a)"
  in_formaten "$root" explain scenarios/grote-regio.toml "${extra[@]}"
done
in_formaten "$root" explain scenarios/kleine-regio.toml --groep "Stad Zuid"
in_formaten "$root" cost scenarios/kleine-regio.toml \
  --set ondersteuning.ict_per_groep=1000000000000000000000044.665 \
  --set indexatie.kosten_percentage_per_jaar=3 --set scenario.looptijd_jaren=2
in_formaten "$root" cost scenarios/grote-regio.toml --set uurtarieven.huisarts=120 \
  --set "groep[2].deelnemers.huisarts=8"
geval "$root" --set uurtarieven.huisarts=120 cost scenarios/grote-regio.toml
in_formaten "$root" simulate scenarios/grote-regio.toml --iteraties 1 \
  --set ondersteuning.projectleiding_uurtarief=2195312500
in_formaten "$root" simulate scenarios/grote-regio.toml --iteraties 1 \
  --set indexatie.kosten_percentage_per_jaar=100 --set scenario.looptijd_jaren=30
in_formaten "$root" solve scenarios/grote-regio.toml --parameter werkwijze.bijeenkomsten_per_jaar \
  --doel netto=0
in_formaten "$root" solve scenarios/grote-regio.toml \
  --parameter indicator.ic_opname.reductie_percentage --doel netto=0
for u in netto te_financieren kostendekkend_tarief vermeden_kosten; do
  in_formaten "$root" sensitivity scenarios/grote-regio.toml --uitkomst "$u"
done
in_formaten "$root" sensitivity tests/fixtures/onzekerheid/basis.toml
geval "$root" simulate scenarios/grote-regio.toml --iteraties 300 --seed 11 --draws -
geval "$root" simulate scenarios/grote-regio.toml --iteraties 0
geval "$root" simulate scenarios/grote-regio.toml --iteraties 1000001
in_formaten "$root" sweep scenarios/grote-regio.toml --set werkwijze.bijeenkomsten_per_jaar=4..8:1 \
  --set uurtarieven.huisarts=120

# monitor and payout with registrations.
mon_g=(scenarios/grote-regio.toml --bijeenkomsten scenarios/grote-regio-bijeenkomsten.csv)
ind_g=(--indicatoren scenarios/grote-regio-indicatoren.csv)
mon_f=(tests/fixtures/monitor/regio.toml --bijeenkomsten)
for d in verantwoording aanwezigheid signalen indicatoren; do
  in_formaten "$root" monitor "${mon_g[@]}" "${ind_g[@]}" --onderdeel "$d"
done
in_formaten "$root" monitor "${mon_g[@]}"
for csv in tests/fixtures/monitor/*.csv; do
  in_formaten "$root" monitor "${mon_f[@]}" "$csv"
  in_formaten "$root" monitor "${mon_f[@]}" "$csv" --indicatoren tests/fixtures/monitor/indicatoren.csv
  in_formaten "$root" payout tests/fixtures/monitor/regio.toml --bijeenkomsten "$csv"
done
for f in tests/fixtures/monitor/consulent-elders.toml tests/fixtures/monitor/zonder-impact.toml; do
  in_formaten "$root" monitor "$f" --bijeenkomsten tests/fixtures/monitor/noord-2026.csv \
    --indicatoren tests/fixtures/monitor/indicatoren.csv
done
for p in kwartaal jaar; do
  in_formaten "$root" payout "${mon_g[@]}" --per "$p"
  in_formaten "$root" payout scenarios/grote-regio.toml --per "$p"
done
geval "$root" monitor scenarios/grote-regio.toml
geval "$root" monitor scenarios/kleine-regio.toml --bijeenkomsten scenarios/grote-regio-bijeenkomsten.csv

# declare, settle and annual-report with counts of insured and registrations of meetings.
afr=tests/fixtures/monitor/afrekening.toml
afr_x=tests/fixtures/monitor/afrekening-extra.toml
tel=(--verzekerden tests/fixtures/monitor/verzekerden-2026.csv)
tel_x=(--verzekerden tests/fixtures/monitor/afrekening-extra-verzekerden.csv)
bij=(--bijeenkomsten tests/fixtures/monitor/noord-2026.csv)
bij_x=(--bijeenkomsten tests/fixtures/monitor/afrekening-extra-bijeenkomsten.csv)
ind=(--indicatoren tests/fixtures/monitor/indicatoren.csv)
for p in kwartaal jaar; do
  in_formaten "$root" declare "$afr" "${tel[@]}" --per "$p"
  in_formaten "$root" declare "$afr_x" "${tel_x[@]}" --per "$p"
done
in_formaten "$root" settle "$afr" "${tel[@]}" "${bij[@]}"
in_formaten "$root" settle "$afr_x" "${tel_x[@]}" "${bij_x[@]}"
geval "$root" declare "$afr"
geval "$root" settle "$afr" "${tel[@]}"
geval "$root" declare "$afr" --verzekerden tests/fixtures/monitor/noord-2026.csv
for uit in html docx pdf; do
  geval "$root" annual-report "$afr" "${bij[@]}" "${ind[@]}" "${tel[@]}" -o "@UIT@.$uit"
done
geval "$root" annual-report "$afr_x" "${bij_x[@]}" "${tel_x[@]}" -o @UIT@.html

# Documents, init, help.
geval "$root" report scenarios/grote-regio.toml -o -
for f in "${shipped[@]}"; do geval "$root" report "$f" -o @UIT@.docx; done
geval "$root" report scenarios/grote-regio.toml -o @UIT@.pdf
geval "$root" report scenarios/grote-regio.toml -o @UIT@.html --set uurtarieven.huisarts=130
geval "$root" export scenarios/grote-regio.toml -o @UIT@.xlsx --set uurtarieven.huisarts=130
geval "$root" init -
geval @UIT@ init
geval @UIT@
geval "$root" init @UIT@.toml
geval "$root" init @UIT@.toml --set uurtarieven.huisarts=130
geval "$root" init scenarios/kleine-regio.toml
geval "$root" --help
geval "$root" --version
geval "$root" manpage
for s in bash zsh fish elvish powershell; do geval "$root" completions "$s"; done
for c in check cost impact offers business-case explain batch compare sweep sensitivity solve \
  simulate monitor payout declare settle annual-report report export init; do
  geval "$root" "$c" --help
  [ "$c" = init ] || geval "$root" "$c"
done
geval "$root" cost scenarios/kleine-regio.toml --format xml
geval "$root" cost scenarios/kleine-regio.toml --set bestaat.niet=1
geval "$root" bereken scenarios/kleine-regio.toml

# The trycmd cases: their args, run in their fs.cwd (relative to the case file).
toml_args() { # file: prints the arguments of `args = [...]`, one per line (NUL-free)
  local s arg
  s="$(awk '/^args *= *\[/ { on = 1 } on { printf "%s ", $0 } on && /\] *$/ { exit }' "$1")"
  s="${s#*[}"
  s="${s%]*}"
  while [[ "$s" =~ ^[[:space:],]*\"(([^\"\\]|\\.)*)\" ]]; do
    arg="${BASH_REMATCH[1]}"
    s="${s:${#BASH_REMATCH[0]}}"
    arg="${arg//\\\"/\"}"
    arg="${arg//\\\\/\\}"
    printf '%s\n' "$arg"
  done
}
for t in tests/cmd/*.toml; do
  cwd="$(sed -n 's/^fs\.cwd *= *"\(.*\)"/\1/p' "$t")"
  cwd="$(cd "$(dirname "$t")/${cwd:-.}" && pwd)"
  mapfile -t targs < <(toml_args "$t")
  geval "$cwd" "${targs[@]}"
done

# The generated scenarios: batch and compare over all, the per-file commands on the sample.
if [ "$n_gen" -gt 0 ]; then
  in_formaten "$work" batch gen
  in_formaten "$work" batch --per-jaar gen
  for ((i = 0; i < n_gen; i += 100)); do
    chunk=("${gen_all[@]:i:100}")
    [ ${#chunk[@]} -ge 2 ] || continue
    geval "$work" compare "${chunk[@]}" --format csv
    geval "$work" compare "${chunk[@]}" --format json
  done
  for ((i = 0; i < n_gen; i += 1000)); do
    chunk=("${gen_all[@]:i:10}")
    [ ${#chunk[@]} -ge 2 ] || continue
    in_formaten "$work" compare "${chunk[@]}"
  done
  for f in "${gen_sample[@]}"; do per_steekproef_bestand "$work" "$f"; done
fi
n_cases=$(wc -l <"$cases")
echo "invoer: ${#shipped[@]} voorbeeldscenario's, ${#corpus[@]} corpus, ${#fixtures[@]} fixtures, $(ls tests/cmd/*.toml | wc -l) trycmd-gevallen, $n_gen gegenereerd (per-bestand-opdrachten op een steekproef van ${#gen_sample[@]}: elke $(( n_gen / (${#gen_sample[@]} > 0 ? ${#gen_sample[@]} : 1) ))e, vanaf ${gen_sample[0]:-geen})"
echo "$n_cases gevallen, elk met beide binaries; $jobs tegelijk …"

# ---------------------------------------------------------------------------------------------
# Running and comparing one case (in a child bash started by xargs).

draai() { # one line of $cases
  local id cwd shown quoted
  IFS=$'\t' read -r id cwd shown quoted <<<"$1"
  local -a args
  eval "args=($quoted)"
  local d="$W/uit/$id" o="$W/o/$id" kant i met_uit=0 rc_oud=0 rc_nieuw=0
  [[ "$quoted$cwd" == *@UIT@* ]] && met_uit=1
  mkdir -p "$d"
  for kant in oud nieuw; do
    local -a a=()
    if [ "$met_uit" = 1 ]; then
      rm -rf "$o"
      mkdir -p "$o"
      for i in "${args[@]}"; do a+=("${i//@UIT@/$o/uit}"); done
    else
      a=("${args[@]}")
    fi
    local rc=0 in="$cwd"
    [ "$cwd" = @UIT@ ] && in="$o"
    (cd "$in" && exec timeout 300 "$W/$kant/patz-calc" "${a[@]}") \
      >"$d/$kant.stdout" 2>"$d/$kant.stderr" </dev/null || rc=$?
    if [ "$kant" = oud ]; then rc_oud=$rc; else rc_nieuw=$rc; fi
    # A panic names the thread's id, which differs between two runs of the same binary.
    if grep -q "^thread '.*' ([0-9]*) panicked" "$d/$kant.stderr"; then
      sed -i "s/^\(thread '.*'\) ([0-9]*) panicked/\1 panicked/" "$d/$kant.stderr"
    fi
    if [ "$met_uit" = 1 ]; then
      mkdir -p "$d/$kant.bestanden"
      mv "$o"/* "$o"/.[!.]* "$d/$kant.bestanden/" 2>/dev/null || true
    fi
  done
  [ "$met_uit" = 1 ] && rm -rf "$o"
  echo "$rc_oud" >"$d/oud.rc"
  echo "$rc_nieuw" >"$d/nieuw.rc"
  local verschil="" s
  [ "$rc_oud" = "$rc_nieuw" ] || verschil+=" rc"
  for s in stdout stderr; do
    cmp -s "$d/oud.$s" "$d/nieuw.$s" || verschil+=" $s"
  done
  local fo fn namen=""
  if [ "$met_uit" = 1 ]; then
    namen="$( (cd "$d/oud.bestanden" && ls -A; cd "$d/nieuw.bestanden" && ls -A) | LC_ALL=C sort -u)"
  fi
  for s in $namen; do
    fo="$d/oud.bestanden/$s"; fn="$d/nieuw.bestanden/$s"
    if [ ! -e "$fo" ] || [ ! -e "$fn" ]; then verschil+=" bestand:$s"; continue; fi
    cmp -s "$fo" "$fn" && continue
    case "$s" in
      *.xlsx | *.docx)
        mkdir -p "$d/zip.oud" "$d/zip.nieuw"
        if unzip -qq -o "$fo" -d "$d/zip.oud" 2>/dev/null && unzip -qq -o "$fn" -d "$d/zip.nieuw" 2>/dev/null \
          && diff <(unzip -Z1 "$fo") <(unzip -Z1 "$fn") >/dev/null && diff -r -q "$d/zip.oud" "$d/zip.nieuw" >/dev/null; then
          : # same parts in the same order: only the zip container differs
        else
          verschil+=" bestand:$s"
        fi ;;
      *) verschil+=" bestand:$s" ;;
    esac
  done
  if [ -z "$verschil" ]; then
    printf 'gelijk\t%s\n' "$id"
    rm -rf "$d"
    return 0
  fi
  local r="$RAPPORT/verschillen/$id.txt"
  {
    echo "geval $id: patz-calc $shown"
    echo "map: $cwd"
    echo "verschilt in:$verschil"
    echo "afsluitcode oud $(cat "$d/oud.rc"), nieuw $(cat "$d/nieuw.rc")"
    for s in stdout stderr; do
      if ! cmp -s "$d/oud.$s" "$d/nieuw.$s"; then
        echo; echo "--- $s (oud → nieuw), begin van diff -u:"
        diff -u --label "oud/$s" --label "nieuw/$s" "$d/oud.$s" "$d/nieuw.$s" | head -n 40 || true
      fi
    done
    for s in $namen; do
      fo="$d/oud.bestanden/$s"; fn="$d/nieuw.bestanden/$s"
      [[ " $verschil " == *" bestand:$s "* ]] || continue
      echo; echo "--- bestand ${s/uit/UIT} (oud → nieuw):"
      if [ ! -e "$fo" ] || [ ! -e "$fn" ]; then
        [ -e "$fo" ] && echo "alleen oud schreef het" || echo "alleen nieuw schreef het"
      elif [[ "$s" == *.xlsx || "$s" == *.docx ]]; then
        diff <(unzip -Z1 "$fo" 2>&1) <(unzip -Z1 "$fn" 2>&1) | head -n 10 || true
        # Each differing part, its XML one tag per line (the parts are one long line).
        local deel
        (cd "$d/zip.oud" && find . -type f; cd "$d/zip.nieuw" && find . -type f) | LC_ALL=C sort -u \
          | while IFS= read -r deel; do
            cmp -s "$d/zip.oud/$deel" "$d/zip.nieuw/$deel" && continue
            echo "deel ${deel#./}:"
            diff -u --label "oud/${deel#./}" --label "nieuw/${deel#./}" \
              <(sed 's/></>\n</g' "$d/zip.oud/$deel" 2>&1) <(sed 's/></>\n</g' "$d/zip.nieuw/$deel" 2>&1) \
              | cut -c 1-300 | head -n 30 || true
          done
      else
        diff -u --label "oud/$s" --label "nieuw/$s" "$fo" "$fn" | cut -c 1-300 | head -n 40 || true
      fi
    done
  } >"$r" 2>&1
  printf 'verschil\t%s\n' "$id"
  # Both stderrs are kept for the `[stderr: ERE]` entries of the list.
  mkdir -p "$W/stderr"
  mv "$d/oud.stderr" "$W/stderr/$id.oud"
  mv "$d/nieuw.stderr" "$W/stderr/$id.nieuw"
  rm -rf "$d"
}
export -f draai
export W="$work" RAPPORT="$rapport"
# Backtraces differ between builds and are not output of the program.
export RUST_BACKTRACE=0
unset RUST_LIB_BACKTRACE

start=$SECONDS
xargs -a "$cases" -d '\n' -n 25 -P "$jobs" bash -c 'set -uo pipefail; for l in "$@"; do draai "$l"; done' _ \
  >"$work/uitslag" || true
duur=$((SECONDS - start))

# ---------------------------------------------------------------------------------------------
# Summary: each difference is expected (a GLOB in verwachte-verschillen.txt) or not.

verwacht_bestand="$root/scripts/verwachte-verschillen.txt"
pats=(); redenen=(); alleen=()
if [ -f "$verwacht_bestand" ]; then
  while IFS= read -r regel || [ -n "$regel" ]; do
    [[ "$regel" =~ ^[[:space:]]*(#|$) ]] && continue
    [[ "$regel" == *" | "* ]] || { echo "waarschuwing: regel zonder ' | ' in $verwacht_bestand: $regel" >&2; continue; }
    pat="${regel%% | *}"
    # `[stderr: ERE] GLOB`: expected only when stderr is the one stream that differs and every
    # line that the change adds or removes there matches the extended regex ERE;
    # `[oud onleesbaar] GLOB`: only when the old binary refused the input (exit 2) and the new
    # one did not (an input in syntax the old release does not know).
    if [[ "$pat" =~ ^\[stderr:\ ([^]]+)\]\ (.*)$ ]]; then
      alleen+=("stderr:${BASH_REMATCH[1]}"); pat="${BASH_REMATCH[2]}"
    elif [[ "$pat" == "[oud onleesbaar] "* ]]; then alleen+=(onleesbaar); pat="${pat#\[oud onleesbaar\] }"
    else alleen+=(""); fi
    pats+=("$pat")
    redenen+=("${regel#* | }")
  done <"$verwacht_bestand"
fi
declare -A uitslag=() per_reden=()
while IFS=$'\t' read -r u id; do uitslag[$id]="$u"; done <"$work/uitslag"
gelijk=0; verschil=0; verwacht=0; ontbreekt=0
: >"$rapport/gevallen.tsv"
onverwacht_lijst="$work/onverwacht"; : >"$onverwacht_lijst"
while IFS=$'\t' read -r id cwd shown _; do
  u="${uitslag[$id]:-niet gedraaid}"
  if [ "$u" = verschil ]; then
    klasse=""
    for k in "${!pats[@]}"; do
      # shellcheck disable=SC2053
      [[ "$shown" == ${pats[$k]} ]] || continue
      if [[ "${alleen[$k]}" == stderr:* ]]; then
        stroom="$(sed -n 's/^verschilt in: *//p' "$rapport/verschillen/$id.txt" | head -n 1)"
        [ "$stroom" = stderr ] || continue
        # A changed line that the ERE does not describe: not this difference.
        [ -f "$work/stderr/$id.oud" ] && [ -f "$work/stderr/$id.nieuw" ] || continue
        if { diff "$work/stderr/$id.oud" "$work/stderr/$id.nieuw" || true; } \
          | grep -E '^[<>]' | grep -Evq -- "${alleen[$k]#stderr:}"; then
          continue
        fi
      elif [ "${alleen[$k]}" = onleesbaar ]; then
        grep -q '^afsluitcode oud 2, nieuw [013]$' "$rapport/verschillen/$id.txt" || continue
      fi
      klasse="${redenen[$k]}"; break
    done
    if [ -n "$klasse" ] && [ "$streng" = 0 ]; then
      u="verwacht"; verwacht=$((verwacht + 1))
      per_reden[$klasse]=$(( ${per_reden[$klasse]:-0} + 1 ))
      mv "$rapport/verschillen/$id.txt" "$rapport/verschillen/$id.verwacht.txt"
    else
      verschil=$((verschil + 1))
      [ -n "$klasse" ] && per_reden["(streng) $klasse"]=$(( ${per_reden["(streng) $klasse"]:-0} + 1 ))
      printf '%s\t%s\n' "$id" "$shown" >>"$onverwacht_lijst"
    fi
  elif [ "$u" = gelijk ]; then
    gelijk=$((gelijk + 1))
  else
    ontbreekt=$((ontbreekt + 1))
    printf '%s\t%s\n' "$id" "$shown (niet gedraaid)" >>"$onverwacht_lijst"
  fi
  printf '%s\t%s\t%s\n' "$id" "$u" "$shown" >>"$rapport/gevallen.tsv"
done <"$cases"

{
  echo "differentieel: oud $oud_bin, nieuw $nieuw_bin"
  echo "invoer: ${#shipped[@]} voorbeeldscenario's, ${#corpus[@]} corpus, ${#fixtures[@]} fixtures, trycmd, $n_gen gegenereerd, steekproef ${#gen_sample[@]}"
  echo "gevallen: $n_cases (elk oud en nieuw: $((2 * n_cases)) processen) in ${duur} s"
  echo "gelijk: $gelijk"
  echo "verwachte verschillen: $verwacht"
  for k in "${!per_reden[@]}"; do echo "  ${per_reden[$k]}× $k"; done | LC_ALL=C sort
  echo "onverwachte verschillen: $((verschil + ontbreekt))"
  if [ -s "$onverwacht_lijst" ]; then
    head -n 30 "$onverwacht_lijst" | sed 's/^/  /'
    [ "$(wc -l <"$onverwacht_lijst")" -le 30 ] || echo "  … (alle: $rapport/gevallen.tsv)"
  fi
  for k in "${!pats[@]}"; do
    [ "$filter" = "*" ] || break
    [ -n "${per_reden[${redenen[$k]}]:-}${per_reden["(streng) ${redenen[$k]}"]:-}" ] \
      || echo "ongebruikt patroon in verwachte-verschillen.txt: ${pats[$k]}"
  done
  echo "rapport: $rapport (verschillen/<id>.txt)"
} | tee "$rapport/samenvatting.txt"

[ $((verschil + ontbreekt)) -eq 0 ]
