# bench/lib.sh: what the corpus benchmarks share; sourced, not run.
#
# bench_args NAME RUNS HELP "$@": the options --bomay PATH, --corpus FILE
# and --runs N (default RUNS) into $bomay, $corpus and $runs; -h prints
# lines HELP (a sed range, "2,10") of the script; a temporary directory in
# $tmp, removed at exit.
bench_args() {
  local name=$1 help=$3
  here=$(cd "$(dirname "$0")/.." && pwd)
  bomay=$here/build/bomay
  corpus=$here/../shared/corpus/bench/news.jsonl
  runs=$2
  shift 3
  while [ $# -gt 0 ]; do
    case $1 in
      --bomay) bomay=$2; shift 2 ;;
      --corpus) corpus=$2; shift 2 ;;
      --runs) runs=$2; shift 2 ;;
      -h|--help) sed -n "${help}p" "$0"; exit 0 ;;
      *) echo "$name: unknown option $1" >&2; exit 2 ;;
    esac
  done
  [ -f "$corpus" ] || { echo "$name: no corpus $corpus" >&2; exit 2; }
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT
}

# best_of COMMAND: the best of $runs runs of a shell command by CPU time,
# as "cpu_s wall_s maxrss_kib"; the function before_run, when the script
# defines one, runs before each (untimed).
best_of() {
  local best="" cpu u s e m
  for _ in $(seq "$runs"); do
    if declare -F before_run >/dev/null; then before_run; fi
    /usr/bin/time -f '%U %S %e %M' -o "$tmp/t" bash -c "$1"
    read -r u s e m < <(tail -1 "$tmp/t")
    cpu=$(echo "$u + $s" | bc)
    if [ -z "$best" ] || [ "$(echo "$cpu < ${best%% *}" | bc)" = 1 ]; then
      best="$cpu $e $m"
    fi
  done
  echo "$best"
}
