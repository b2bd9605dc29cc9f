#!/usr/bin/env bash
# Installs the real peers the interop tests talk to, when missing: SIPp, FreeRADIUS, socat, a stock
# telnet client, expect, rsyslog, plus the reference DTMF detectors and the audio tools the prompt and
# DSP tests use. Debian packages only; needs root (CI runs as root).
set -euo pipefail

declare -A need=(
  [sipp]=sip-tester
  [freeradius]=freeradius
  [socat]=socat
  [telnet]=inetutils-telnet
  [expect]=expect
  [rsyslogd]=rsyslog
  [multimon-ng]=multimon-ng
  [sox]=sox
  [espeak-ng]=espeak-ng
)
missing=()
for cmd in "${!need[@]}"; do
  command -v "$cmd" >/dev/null 2>&1 || [ -x "/usr/sbin/$cmd" ] || missing+=("${need[$cmd]}")
done
# spandsp's headers and library, for the dtmf_rx reference detector the DSP comparison builds
# (Debian installs spandsp.h under the multiarch include directory, e.g. /usr/include/x86_64-linux-gnu)
compgen -G "/usr/include/spandsp.h" >/dev/null || compgen -G "/usr/include/*/spandsp.h" >/dev/null || missing+=(libspandsp-dev)
command -v gcc >/dev/null 2>&1 || missing+=(gcc)
# the expect tests fetch text through telnet from the gateway; nothing else is needed

if [ ${#missing[@]} -eq 0 ]; then
  echo "install-test-peers: all test peers present"
  exit 0
fi
echo "install-test-peers: installing ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-peers: not root; install these Debian packages by hand: ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -q
apt-get install -y -q --no-install-recommends "${missing[@]}"
# the packaged daemons must not run as services: the tests start their own instances on loopback
for svc in freeradius rsyslog; do
  (command -v systemctl >/dev/null 2>&1 && systemctl stop "$svc" >/dev/null 2>&1) || true
  (command -v service >/dev/null 2>&1 && service "$svc" stop >/dev/null 2>&1) || true
done
