#!/usr/bin/env bash
# Consumer tests, run by CTest:
#   run.sh package BUILD_DIR SOURCE_DIR      install into a temporary prefix, build the
#                                            consumer and the third-party plugin against it,
#                                            use them with the installed CLI
#   run.sh subdirectory BUILD_DIR SOURCE_DIR build the consumer with add_subdirectory
# Checks the outputs with tools offerkit did not write (qpdf, openpyxl).
set -euo pipefail
# (grep without -q after a pipe: -q stops reading at the first match, and the
# writer, killed by SIGPIPE, would fail the pipeline)
# (grep without -q after a pipe: -q stops reading at the first match, and the
# writer, killed by SIGPIPE, would fail the pipeline)
mode=$1 build=$2 src=$3
work=$(mktemp -d /tmp/offerkit-consumer-XXXXXX)
trap 'rm -rf "$work"' EXIT
jobs=${OFFERKIT_JOBS:-2}
# pdf and xlsx when they are built (package mode: in the build tree; subdirectory: in the sources)
formats=(json titles)
for p in pdf xlsx; do
  if [ "$mode" = package ]; then [ -f "$build/lib/offerkit/plugins/offerkit-$p.so" ] && formats+=("$p")
  else [ -f "$src/plugins/$p/CMakeLists.txt" ] && formats+=("$p"); fi
done
has() { [[ " ${formats[*]} " == *" $1 "* ]]; }
py=/usr/bin/python3

check_outputs() {  # DIR
  local dir=$1
  grep -q '"reference": "9001-26-0900/SR"' "$dir/offer.json"
  grep -q $'9001-26-0900/SR\tDAF' "$dir/offer.txt"
  if has pdf; then
    qpdf --check "$dir/pdf/9001-26-0900_SR.pdf" >/dev/null
    pdftotext "$dir/pdf/9001-26-0900_SR.pdf" - | grep "Contrôleur(euse) de gestion" >/dev/null
  fi
  if has xlsx; then
    $py -c "import openpyxl,sys; wb=openpyxl.load_workbook(sys.argv[1]); assert len(wb.sheetnames)>=2, wb.sheetnames" "$dir/offer.xlsx"
  fi
}

case $mode in
package)
  cmake --install "$build" --prefix "$work/prefix" >/dev/null
  cmake -S "$src/tests/consumer" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
  cmake --build "$work/consumer" -j "$jobs" >/dev/null
  mkdir -p "$work/out"
  env -u OFFERKIT_PLUGIN_PATH "$work/consumer/consumer" "$work/out" "${formats[@]}"
  check_outputs "$work/out"

  # every installed target links: the static core and plugins, no module loaded
  static_out=$(env -u OFFERKIT_PLUGIN_PATH "$work/consumer/consumer_static" "$work/out")
  echo "$static_out"
  for p in json "${formats[@]}"; do
    case $p in titles) continue ;; esac
    echo "$static_out" | grep -q "^$p " || { echo "consumer_static wrote nothing for $p" >&2; exit 1; }
  done
  if has pdf; then qpdf --check "$work/out/pdf/9001-26-0901_SR.pdf" >/dev/null; fi
  if has xlsx; then $py -c "import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])" "$work/out/static-xlsx.xlsx"; fi

  # pkg-config knows the package, with the paths of this install (not of the configure step)
  pc="$work/prefix/lib/pkgconfig"
  version=$(PKG_CONFIG_PATH="$pc" pkg-config --modversion offerkit)
  "$work/prefix/bin/offerkit" --version | grep "^offerkit $version$" >/dev/null
  for v in prefix:. includedir:include libdir:lib; do
    got=$(PKG_CONFIG_PATH="$pc" pkg-config --variable=${v%%:*} offerkit)
    [ "$(readlink -f "$got")" = "$(readlink -f "$work/prefix/${v#*:}")" ] \
      || { echo "offerkit.pc: ${v%%:*}=$got does not follow the install prefix $work/prefix" >&2; exit 1; }
  done
  # the licence and the guides are installed
  for f in LICENSE THIRD-PARTY-NOTICES.md job-offer-v1.md reliability.md; do
    [ -f "$work/prefix/share/doc/offerkit/$f" ] || { echo "not installed: share/doc/offerkit/$f" >&2; exit 1; }
  done

  # a third-party plugin built out of tree, loaded by the installed CLI from OFFERKIT_PLUGIN_PATH
  cmake -S "$src/examples/custom_plugin" -B "$work/md" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
  cmake --build "$work/md" -j "$jobs" >/dev/null
  "$work/prefix/bin/offerkit" convert "$work/out/offer.json" --to json -o "$work/copy.json" --quiet
  OFFERKIT_PLUGIN_PATH="$work/md" "$work/prefix/bin/offerkit" plugins | grep "^markdown .*$work/md/offerkit-markdown.so" >/dev/null
  OFFERKIT_PLUGIN_PATH="$work/md" "$work/prefix/bin/offerkit" convert "$work/out/offer.json" --to markdown \
      --option heading-level=2 -o "$work/md-out" --quiet
  grep -q '^## DAF – Contrôleur(euse) de gestion' "$work/md-out/9001-26-0900_SR.md"
  # a third-party importer built out of tree, loaded by the installed CLI: found by its
  # extension, by its content (standard input), by --from; a bad row names its line
  cmake -S "$src/examples/custom_importer" -B "$work/tsv" -DCMAKE_PREFIX_PATH="$work/prefix" >/dev/null
  cmake --build "$work/tsv" -j "$jobs" >/dev/null
  OFFERKIT_PLUGIN_PATH="$work/tsv" "$work/prefix/bin/offerkit" plugins --readers \
    | grep "^tsv .*\.tsv .*module .*$work/tsv/offerkit-tsv.so" >/dev/null
  printf 'reference\ttitle\temployer\tdeadline\tmissions\n9001-26-0950/SR\tAgent(e) d’accueil\tCommune de Bourail\t2026-11-20\tAccueillir | Orienter\n9001-26-0951/SR\tJardinier(ère)\tCommune de Bourail\t20/11/2026\t\n9001-26-0952/SR\tComptable\tCommune de Bourail\t\t\n' > "$work/suivi.tsv"
  if OFFERKIT_PLUGIN_PATH="$work/tsv" "$work/prefix/bin/offerkit" convert "$work/suivi.tsv" --to json -o "$work/tsv.json" \
       --quiet 2>"$work/tsv.err"; then echo "tsv: a bad row was not refused" >&2; exit 1; fi
  grep -q "suivi.tsv:3: deadline: \"20/11/2026\" is not a date" "$work/tsv.err" || { cat "$work/tsv.err" >&2; exit 1; }
  [ ! -e "$work/tsv.json" ] || { echo "tsv: a file was written despite the error" >&2; exit 1; }
  OFFERKIT_PLUGIN_PATH="$work/tsv" "$work/prefix/bin/offerkit" convert "$work/suivi.tsv" --to json -o "$work/tsv.json" \
    --quiet --keep-going 2>/dev/null || true
  $py -c "
import json,sys
o=json.load(open(sys.argv[1]))
assert [x['reference'] for x in o]==['9001-26-0950/SR','9001-26-0952/SR'], o
assert o[0]['missions']==['Accueillir','Orienter'] and o[0]['deadline']=='2026-11-20', o[0]" "$work/tsv.json"
  OFFERKIT_PLUGIN_PATH="$work/tsv" "$work/prefix/bin/offerkit" convert - --to jsonl -o "$work/tsv-stdin.jsonl" --quiet \
    < <(head -2 "$work/suivi.tsv")
  grep -q '"reference":"9001-26-0950/SR"' "$work/tsv-stdin.jsonl"
  OFFERKIT_PLUGIN_PATH="$work/tsv" "$work/prefix/bin/offerkit" validate --from tsv - --quiet < <(head -2 "$work/suivi.tsv")
  # 1,000 offers with 64 file descriptors: no file stays open per offer
  $py -c "
import json,sys
o=json.load(open(sys.argv[1]))
with open(sys.argv[2],'w') as f:
    for i in range(1000):
        o['reference']='9001-26-%04d/SR' % i
        f.write(json.dumps(o, ensure_ascii=False)+'\\n')" "$work/out/offer.json" "$work/many.jsonl"
  (ulimit -n 64; OFFERKIT_PLUGIN_PATH="$work/md" "$work/prefix/bin/offerkit" convert "$work/many.jsonl" --to markdown \
      -o "$work/md-many" --quiet)
  [ "$(ls "$work/md-many" | wc -l)" = 1000 ] || { echo "markdown: not 1000 files" >&2; exit 1; }
  # without the variable the installed CLI does not know it
  if env -u OFFERKIT_PLUGIN_PATH "$work/prefix/bin/offerkit" convert "$work/out/offer.json" --to markdown -o "$work/x" --quiet 2>/dev/null; then
    echo "markdown plugin found without OFFERKIT_PLUGIN_PATH" >&2; exit 1
  fi
  ;;
subdirectory)
  cmake -S "$src/tests/consumer" -B "$work/consumer" -DOFFERKIT_CONSUMER_MODE=subdirectory \
        -DOFFERKIT_SOURCE_DIR="$src" >/dev/null
  cmake --build "$work/consumer" -j "$jobs" >/dev/null
  mkdir -p "$work/out"
  env -u OFFERKIT_PLUGIN_PATH "$work/consumer/consumer" "$work/out" "${formats[@]}"
  check_outputs "$work/out"
  ;;
esac
echo "consumer ($mode): 1 passed, 0 failed"
