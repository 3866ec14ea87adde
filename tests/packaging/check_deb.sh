#!/usr/bin/env bash
# Builds the Debian package with CPack, checks its metadata, and — as root —
# installs it, runs `offerkit --version` and one conversion, and removes it.
set -euo pipefail
build=$1 src=$2
work=$(mktemp -d /tmp/offerkit-deb-XXXXXX)
installed=0
cleanup() {
  if [ $installed = 1 ]; then dpkg -r offerkit >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
(cd "$build" && cpack -G DEB -B "$work" >/dev/null)
deb=$(ls "$work"/offerkit_*.deb)
info=$(dpkg-deb -I "$deb")
echo "$info" | grep -E '^ (Package|Version|Depends):'
echo "$info" | grep -q '^ Package: offerkit$'
for dep in libboost-json1.81.0 libutf8proc2 libyaml-cpp0.7; do
  echo "$info" | grep '^ Depends:' | grep -q "$dep" || { echo "Depends lacks $dep" >&2; exit 1; }
done
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/offerkit offerkit/plugins/offerkit-json.so include/offerkit/job_offer.hpp \
         cmake/offerkit/offerkitConfig.cmake pkgconfig/offerkit.pc schema/job-offer-1.schema.json; do
  echo "$contents" | grep -q -- "$f" || { echo "package lacks $f" >&2; exit 1; }
done
if [ "$(id -u)" != 0 ]; then
  echo "SKIPPED: installing the package needs root"
  echo "deb: 1 passed, 0 failed"
  exit 0
fi
if dpkg -s offerkit >/dev/null 2>&1; then echo "offerkit is already installed here; not touching it" >&2; exit 1; fi
dpkg -i "$deb" >/dev/null
installed=1
/usr/bin/offerkit --version
printf '{"reference":"9001-26-0001/SR","title":"Agent d’accueil","employer":"Ville de Nouméa","deadline":"2026-12-01"}\n' > "$work/in.jsonl"
env -u OFFERKIT_PLUGIN_PATH /usr/bin/offerkit convert "$work/in.jsonl" --to json -o "$work/out.json" --quiet
grep -q '"title": "Agent d’accueil"' "$work/out.json"
env -u OFFERKIT_PLUGIN_PATH /usr/bin/offerkit plugins | grep -q '^json .*/usr/lib.*/offerkit/plugins/offerkit-json.so'
echo "deb: 1 passed, 0 failed"
