#!/usr/bin/env bash
# Builds the Debian package with CPack, checks its metadata, and — as root —
# installs it, runs `offerkit --version` and one conversion, and removes it.
set -euo pipefail
build=$1 src=$2
work=$(mktemp -d /tmp/offerkit-deb-XXXXXX)
installed=0
cleanup() {
  [ "$BASHPID" = "$$" ] || return 0   # not in subshells
  if [ $installed = 1 ]; then dpkg --purge offerkit >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
(cd "$build" && cpack -G DEB -B "$work" >/dev/null)
deb=$(ls "$work"/offerkit_*.deb)
info=$(dpkg-deb -I "$deb")
echo "$info" | grep -E '^ (Package|Version|Depends):'
echo "$info" | grep -q '^ Package: offerkit$'
# Every shared library that a packaged binary needs comes from a package in Depends.
depends=$(echo "$info" | grep '^ Depends:')
dpkg-deb -x "$deb" "$work/root"
checked=0
ldconfig -p > "$work/ldcache"
while IFS= read -r elf; do
  for lib in $(objdump -p "$elf" | awk '/NEEDED/ {print $2}'); do
    case $lib in libofferkit*) continue ;; esac
    path=$(awk -v l="$lib" '$1 == l {print $NF; exit}' "$work/ldcache")
    [ -n "$path" ] || { echo "cannot resolve $lib needed by $elf" >&2; exit 1; }
    pkg=$(dpkg -S "$(readlink -f "$path")" 2>/dev/null | sed -n '1s/:.*//p' || true)
    [ -n "$pkg" ] || pkg=$(dpkg -S "$path" 2>/dev/null | sed -n '1s/:.*//p' || true)
    [ -n "$pkg" ] || { echo "no package owns $path (needed by $elf)" >&2; exit 1; }
    echo "$depends" | grep -q "[ ,]$pkg[ ,(]\|[ ,]$pkg\$" || { echo "Depends lacks $pkg (for $lib, needed by ${elf#$work/root})" >&2; exit 1; }
    checked=$((checked + 1))
  done
done < <(find "$work/root" -type f \( -name '*.so*' -o -path '*/bin/*' \))
[ $checked -gt 0 ] || { echo "no shared library dependency checked" >&2; exit 1; }
contents=$(dpkg-deb -c "$deb")
for f in ./usr/bin/offerkit offerkit/plugins/offerkit-json.so include/offerkit/job_offer.hpp \
         cmake/offerkit/offerkitConfig.cmake pkgconfig/offerkit.pc schema/job-offer-1.schema.json \
         doc/offerkit/copyright doc/offerkit/LICENSE doc/offerkit/THIRD-PARTY-NOTICES.md doc/offerkit/job-offer-v1.md; do
  echo "$contents" | grep -q -- "$f" || { echo "package lacks $f" >&2; exit 1; }
done
# The copyright file names offerkit's licence and the bundled font's.
dpkg-deb --fsys-tarfile "$deb" | tar -xO ./usr/share/doc/offerkit/copyright > "$work/copyright"
grep -q '^License: Expat' "$work/copyright" && grep -q '^License: Bitstream-Vera' "$work/copyright" \
  && grep -q 'Permission is hereby granted' "$work/copyright" || { echo "debian copyright file incomplete" >&2; exit 1; }
if [ "$(id -u)" != 0 ]; then
  # Exit 77: CTest shows a skip (SKIP_RETURN_CODE), never a pass.
  echo "SKIPPED: installing the package needs root; the package was built and its metadata checked"
  exit 77
fi
if dpkg-query -W -f="${Status}" offerkit 2>/dev/null | grep -q "install ok installed"; then echo "offerkit is already installed here; not touching it" >&2; exit 1; fi
dpkg -i "$deb" >/dev/null
installed=1
/usr/bin/offerkit --version
printf '{"reference":"9001-26-0001/SR","title":"Agent d’accueil","employer":"Ville de Nouméa","deadline":"2026-12-01"}\n' > "$work/in.jsonl"
env -u OFFERKIT_PLUGIN_PATH /usr/bin/offerkit convert "$work/in.jsonl" --to json -o "$work/out.json" --quiet
grep -q '"title": "Agent d’accueil"' "$work/out.json"
env -u OFFERKIT_PLUGIN_PATH /usr/bin/offerkit plugins | grep '^json .*/usr/lib.*/offerkit/plugins/offerkit-json.so' >/dev/null
echo "deb: 1 passed, 0 failed"
