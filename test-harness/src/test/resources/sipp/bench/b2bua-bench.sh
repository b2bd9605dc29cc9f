#!/bin/bash
# SIP benchmark (issue 5): SIPp UAC -> SIPp UAS directly, then SIPp UAC -> tollgate -> SIPp UAS, same run.
# usage: b2bua-bench.sh "TARGET RATE CALLS" ...
#   TARGET 127.0.0.1:16071 = a SIPp UAS directly, 127.0.0.1:15060 = tollgate (b2bua-bench.cfg: dial-peer 100
#   points at a second SIPp UAS on 16070).
# The gateway is started with the checkout's own launcher (`./tollgate run`, found relative to this script),
# so it runs with the JVM options the product ships with; TOLLGATE_JAVA_OPTS adds diagnostics (e.g.
# -Xlog:gc:file=gc.log) without replacing them. Each step prints the gateway process's CPU time
# (utime+stime from /proc/PID/stat) per successful call and the load average.
# Environment: WORK (scratch directory, default /tmp/tollgate-sip-bench), WARMUP and WARMUP_RATE (warm-up
# calls through the gateway before the steps, default 10000 at 500 cps: the JIT compiles the RI, H2 and
# the call path for tens of seconds; with 1500 calls the C2 compiler still took a fifth of the CPU in the
# measured steps), SETTLE (seconds to wait after each step before reading the CPU time, default 0; 40 lets the
# RFC 3261 transaction timers of the step's calls (up to 32 s) expire inside the measurement), THREADS (non-empty:
# also the CPU time per successful call of each gateway thread group), ROOT (checkout, default: the one holding this script).
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT=${ROOT:-$(cd "$HERE/../../../../../.." && pwd)}
WORK=${WORK:-/tmp/tollgate-sip-bench}
WARMUP=${WARMUP:-10000}
WARMUP_RATE=${WARMUP_RATE:-500}
SETTLE=${SETTLE:-0}
[ -x "$ROOT/tollgate" ] || { echo "no launcher at $ROOT/tollgate" >&2; exit 2; }
mkdir -p "$WORK" && cd "$WORK"
rm -rf data; mkdir -p data
TICK=$(getconf CLK_TCK)
cpu_ticks() { # utime + stime of process $1 (fields 14 and 15; the command name may contain spaces)
  sed 's/^.*) //' "/proc/$1/stat" | awk '{print $12 + $13}'
}
thread_ticks() { # "ticks name" per thread name of process $1 (digits in names folded to #)
  for t in /proc/$1/task/*; do
    printf '%s|%s\n' "$(cat "$t/comm" 2>/dev/null)" "$(sed 's/^.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}')"
  done | awk -F'|' '{g = $1; gsub(/[0-9]+/, "#", g); a[g] += $2} END {for (k in a) print a[k], k}'
}
echo "ROOT $ROOT HEAD $(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null)"
"$ROOT/tollgate" run --config "$HERE/b2bua-bench.cfg" --sip-port 15060 \
  --no-console --telnet-port 0 --ssh-port 0 --http-port 0 --data-dir data > gw.log 2>&1 &
GW=$!
sipp -sn uas -i 127.0.0.1 -p 16070 -mp 26000 -nostdin > /dev/null 2>&1 &
U1=$!
sipp -sn uas -i 127.0.0.1 -p 16071 -mp 26100 -nostdin > /dev/null 2>&1 &
U2=$!
trap 'kill $GW $U1 $U2 2>/dev/null' EXIT
# (the launcher first rebuilds the distribution when sources changed)
for _ in $(seq 1 600); do grep -q "SIP listening" gw.log 2>/dev/null && break; kill -0 $GW 2>/dev/null || break; sleep 0.5; done
grep -q "SIP listening" gw.log || { echo "gateway did not start, see $WORK/gw.log" >&2; exit 2; }
echo "gateway pid $GW: $(tr '\0' ' ' < /proc/$GW/cmdline | cut -c1-400)"
# warm-up through the gateway (JIT), not measured
if [ "$WARMUP" -gt 0 ]; then
  sipp -sn uac -s 5551000 -i 127.0.0.1 -p 16080 -mp 26200 -r "$WARMUP_RATE" -m "$WARMUP" -nostdin -timeout 120s \
    127.0.0.1:15060 > warmup.out 2>&1
  echo "warm-up exit $?"
fi
# steps: "target rate calls" ...
n=0
for step in "$@"; do
  set -- $step
  t=$1; r=$2; m=$3
  n=$((n + 1))
  c0=$(cpu_ticks $GW); s0=$(date +%s.%N); thread_ticks $GW > "threads$n.before"
  sipp -sn uac -s 5551000 -i 127.0.0.1 -p 16080 -mp 26200 -r "$r" -m "$m" -nostdin -timeout 120s "$t" \
    -trace_stat -stf "stat$n.csv" > "uac$n.out" 2>&1
  rc=$?
  s1=$(date +%s.%N)
  sleep "$SETTLE"
  c1=$(cpu_ticks $GW); thread_ticks $GW > "threads$n.after"
  ok=$(sed -n 's/^ *Successful call *| *[0-9]* *| *\([0-9]*\).*/\1/p' "uac$n.out" | tail -1)
  echo "== step $n: $t offered $r cps, $m calls: exit $rc, $(awk -v a="$s0" -v b="$s1" 'BEGIN{printf "%.1f", b-a}') s," \
    "load $(cut -d' ' -f1-3 /proc/loadavg)"
  grep -E "Successful call|Failed call|Call Rate" "uac$n.out" | tail -3
  grep -E "503" "uac$n.out" | head -1
  echo "   gateway CPU $(( (c1 - c0) * 1000 / TICK )) ms; per successful call:" \
    "$(awk -v d=$((c1 - c0)) -v k="$TICK" -v ok="${ok:-0}" 'BEGIN{ if (ok > 0) printf "%.0f us", d / k * 1e6 / ok; else print "-" }')"
  if [ -n "${THREADS:-}" ] && [ "${ok:-0}" -gt 0 ]; then # per thread, CPU-us per successful call
    awk -v ok="$ok" -v k="$TICK" 'NR == FNR {b[substr($0, index($0, " ") + 1)] = $1; next}
      {name = substr($0, index($0, " ") + 1); d = $1 - b[name]; if (d > 0) printf "     %6.0f us  %s\n", d / k * 1e6 / ok, name}' \
      "threads$n.before" "threads$n.after" | sort -rn | head -12
  fi
done
kill $GW $U1 $U2 2>/dev/null; wait 2>/dev/null
trap - EXIT
echo "gateway log: $WORK/gw.log"
