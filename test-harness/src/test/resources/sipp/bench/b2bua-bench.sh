#!/bin/bash
# SIP benchmark (issue 5): SIPp UAC -> SIPp UAS directly, then SIPp UAC -> tollgate -> SIPp UAS, same run.
# usage: b2bua-bench.sh "TARGET RATE CALLS" ...   (TARGET 127.0.0.1:16071 = SIPp UAS directly, 127.0.0.1:15060 = tollgate)
set -u
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK=${WORK:-/tmp/tollgate-sip-bench}
mkdir -p "$WORK" && cd "$WORK"
[ -f cp.txt ] || (cd /work/main && mvn -B -q -pl gateway dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt")
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
CP=${ROOT:-/work/main}/gateway/target/classes:$(cat cp.txt)
rm -rf data; mkdir -p data
$JAVA_HOME/bin/java -Xmx1g -cp $CP org.tollgate.gateway.Main run --config "$HERE/b2bua-bench.cfg" --sip-port 15060 \
  --no-console --telnet-port 0 --ssh-port 0 --http-port 0 --data-dir data > gw.log 2>&1 &
GW=$!
sipp -sn uas -i 127.0.0.1 -p 16070 -mp 26000 -nostdin > /dev/null 2>&1 &
U1=$!
sipp -sn uas -i 127.0.0.1 -p 16071 -mp 26100 -nostdin > /dev/null 2>&1 &
U2=$!
sleep 6
# warm-up through the gateway (JIT), not measured
sipp -sn uac -s 5551000 -i 127.0.0.1 -p 16080 -mp 26200 -r 100 -m 1500 -nostdin -timeout 60s 127.0.0.1:15060 > warmup.out 2>&1
echo "warm-up exit $?"
# steps: "target rate calls" ...
for step in "$@"; do
  set -- $step
  t=$1; r=$2; m=$3
  sipp -sn uac -s 5551000 -i 127.0.0.1 -p 16080 -mp 26200 -r $r -m $m -nostdin -timeout 120s $t > uac.out 2>&1
  rc=$?
  echo "== $t offered $r cps, $m calls: exit $rc"
  grep -E "Successful call|Failed call|Call Rate" uac.out | tail -3
  grep -E "^ +INVITE|503" uac.out | head -2
done
kill $GW $U1 $U2; wait 2>/dev/null
