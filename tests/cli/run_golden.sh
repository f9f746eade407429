#!/usr/bin/env bash
# Runs one golden CLI case: every line of CASE/commands in a fresh folder holding examples/* and
# CASE/input/*, with `thematica` on PATH, and compares the transcript (command, output, exit code) with
# CASE/expected. Times and GUIDs are replaced by placeholders. UPDATE_GOLDEN=1 rewrites expected.
set -uo pipefail
case_dir=$(cd "$1" && pwd)
binary=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# The example study is available to every case; a case's own input files come on top.
cp -R "$(dirname "$0")/../../examples/." "$work/"
[ -d "$case_dir/input" ] && cp -R "$case_dir/input/." "$work/"
mkdir -p "$work/bin" && ln -s "$binary" "$work/bin/thematica"
export PATH="$work/bin:$PATH" THEMATICA_CODER=tester THEMATICA_BUSY_TIMEOUT_MS=200
unset THEMATICA_PROJECT THEMATICA_PROGRESS

actual="$work/.transcript"
: > "$actual"
cd "$work"
while IFS= read -r line || [ -n "$line" ]; do
  [ -z "$line" ] && continue
  if [[ "$line" == \#* ]]; then echo "$line" >> "$actual"; continue; fi
  echo "\$ $line" >> "$actual"
  bash -c "$line" >> "$actual" 2>&1
  echo "[exit $?]" >> "$actual"
done < "$case_dir/commands"

sed -E -i \
  -e 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z/<time>/g' \
  -e 's/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/<guid>/g' "$actual"

if [ "${UPDATE_GOLDEN:-}" = 1 ]; then
  cp "$actual" "$case_dir/expected"
  echo "updated $case_dir/expected"
  exit 0
fi
if ! diff -u "$case_dir/expected" "$actual"; then
  echo "golden case $(basename "$case_dir") differs (UPDATE_GOLDEN=1 rewrites it after review)"
  exit 1
fi
