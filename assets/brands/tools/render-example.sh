#!/bin/sh
# Renders the example flyer of docs/pdf.md: the fictional sample offer with the
# example brand (picked by its employer from assets/brands), page 1 as a PNG.
#   assets/brands/tools/render-example.sh BUILD_DIR
set -eu
build=${1:?usage: render-example.sh BUILD_DIR}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$build/bin/offerkit" convert --quiet --to pdf --brands-dir "$root/assets/brands" -o "$out" "$here/sample-offer.json"
pdftoppm -png -r 80 -f 1 -l 1 -singlefile "$out/ALP-26-0117_RH.pdf" "$root/docs/images/flyer-example"
echo "wrote $root/docs/images/flyer-example.png"
