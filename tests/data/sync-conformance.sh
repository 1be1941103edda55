#!/usr/bin/env bash
# Re-copies the team's conformance data into tests/data/conformance, whole and byte for byte.
# usage: tests/data/sync-conformance.sh [SOURCE]   (SOURCE defaults to ../shared/conformance beside the repository)
# Fails if SOURCE is missing or lacks mtail/ or grok/; prints what changed (git status of the copy).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
src=${1:-$repo/../shared/conformance}
for part in mtail grok; do
  [[ -d "$src/$part" ]] || { echo "sync-conformance: no $src/$part (give the conformance directory as the first argument)" >&2; exit 1; }
done
src=$(cd "$src" && pwd)
dest=$here/conformance
tmp=$(mktemp -d "$here/.conformance.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
cp -R "$src/mtail" "$src/grok" "$tmp/"
chmod -R u+rwX,go+rX "$tmp"
rm -rf "$dest"
mv "$tmp" "$dest"
trap - EXIT
diff -r "$src" "$dest" >/dev/null || { echo "sync-conformance: the copy differs from $src" >&2; exit 1; }
echo "sync-conformance: copied $src to tests/data/conformance"
git -C "$repo" status --short -- tests/data/conformance || true
