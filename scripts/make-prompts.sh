#!/usr/bin/env bash
# Makes the English prompts bundled in ivr-prompts from text, with espeak-ng (speech) and sox
# (resample to 8 kHz mono, G.711 mu-law, Sun/NeXT .au container). The generated .au files are
# committed, so the build never needs espeak-ng; re-run this after changing a text.
#
#   scripts/make-prompts.sh [OUTDIR]     (default: ivr-prompts/src/main/resources/org/tollgate/ivrprompts/bundled)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-ivr-prompts/src/main/resources/org/tollgate/ivrprompts/bundled}
voice=${PROMPT_VOICE:-en-us}
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# name|text   (names of the seed's Cisco prompts, then the ones the auth package plays)
while IFS='|' read -r name text; do
  [ -z "$name" ] && continue
  espeak-ng -v "$voice" -s 150 -w "$tmp/$name.wav" "$text"
  # -3 dBFS peak normalisation, 8 kHz mono mu-law .au; no dither so the output is reproducible
  sox -D "$tmp/$name.wav" -r 8000 -c 1 -e mu-law -b 8 "$out/$name.au" norm -3
  echo "make-prompts: $out/$name.au: $text"
done <<'PROMPTS'
en_bacd_welcome|Thank you for calling.
en_bacd_enter_dest|Please enter the extension number you want to reach.
en_enter_auth_code|Please enter your authorization code, followed by the pound key.
en_enter_password|Please enter your password, followed by the pound key.
en_invalid_code_try_again|That code is not valid. Please try again.
en_goodbye|Goodbye.
PROMPTS
