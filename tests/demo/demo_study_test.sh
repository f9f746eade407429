#!/usr/bin/env bash
# The demo study: every command of docs/tutorial.md and of the README's tour passes as written;
# scripts/demo-study makes the same project every time; and the project holds what the tutorial
# promises (three focus groups of 4,000-7,000 words by role, two coders, their agreement).
# Usage: demo_study_test.sh path/to/thematica REPOSITORY
set -euo pipefail
bin=$(realpath "$1")
repo=$(realpath "$2")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() {
  echo "FAIL: $*" >&2
  exit 1
}

run_guide() {  # NAME, then run-tutorial's options
  local name=$1
  shift
  if ! "$repo/scripts/run-tutorial" "$bin" "$work/$name" "$@" >"$work/$name.log" 2>&1; then
    tail -n 40 "$work/$name.log" >&2
    fail "a command of the $name failed (above: the end of its output)"
  fi
}
run_guide tutorial
run_guide tour --doc "$repo/README.md" --from "the tour starts here" --until "the tour ends here"

# The same files make the same project: compare everything a researcher sees, ids and all.
for copy in a b; do
  "$repo/scripts/demo-study" "$bin" "$work/$copy.thematica" >/dev/null
  for what in "export --format csv -" "codes export -" "cases" "docs" "assignments"; do
    # shellcheck disable=SC2086
    "$bin" -p "$work/$copy.thematica" $what >>"$work/$copy.txt"
  done
done
cmp -s "$work/a.txt" "$work/b.txt" || fail "scripts/demo-study made two different projects"

export THEMATICA_PROJECT="$work/a.thematica"
python3 - "$bin" <<'PY'
import json, re, subprocess, sys

bin = sys.argv[1]

def thematica(*args):
    return subprocess.run([bin, *args], check=True, capture_output=True, text=True).stdout

def data(*args):
    return json.loads(thematica("--json", *args))

def expect(what, actual, wanted):
    if actual != wanted:
        sys.exit(f"FAIL: {what}: {actual!r}, expected {wanted!r}")

transcripts = ["fg-medical-students", "fg-small-group-advisors", "fg-curriculum-leaders"]
docs = data("docs")
expect("documents", [d["name"] for d in docs], transcripts + ["demographics-qualtrics Q6"])
expect("kinds", {d["name"]: d["kind"] for d in docs if d["name"] in transcripts},
       {name: "transcript" for name in transcripts})

cases = data("cases")
speakers = {c["name"] for c in cases}
# Words participants and the facilitator say, without the speaker labels.
words = {}
for name in transcripts:
    total = 0
    for line in thematica("docs", "show", name).splitlines():
        label, _, said = line.partition(": ")
        total += len((said if label in speakers else line).split())
    words[name] = total
expect("spoken words", words, {"fg-medical-students": 5796, "fg-small-group-advisors": 5069,
                                "fg-curriculum-leaders": 5130})
for name, n in words.items():
    if not 4000 <= n <= 7000:
        sys.exit(f"FAIL: {name} has {n} words, not 4,000-7,000")

groups = {}
for c in cases:
    if c["analysed"] and "group" in c["values"]:
        groups.setdefault(c["values"]["group"], []).append(c["name"])
expect("participants per group", {g: len(n) for g, n in groups.items()},
       {"MS": 6, "SGA": 5, "MCL": 4})
expect("left out", [c["name"] for c in cases if not c["analysed"]], ["Helen Marsh"])
students = [c for c in cases if c["values"].get("group") == "MS"]
expect("students with demographics", sum("Year of study" in c["values"] for c in students), 6)

freq = data("freq", "--by", "coder")
totals = [sum(row["counts"][i] for row in freq["rows"]) for i in range(len(freq["columns"]))]
expect("codings per coder", dict(zip(freq["columns"], totals)), {"nadia": 114, "owen": 111})
expect("assignments",
       {a["coder"]: [d["codings"] for d in a["documents"]] for a in data("assignments")},
       {"nadia": [38, 38, 38], "owen": [37, 37, 37]})

agreement = data("agree", "--coders", "nadia,owen", "--no-interval")
pooled = agreement["pooled"]
expect("pooled codings", pooled["codings"], [114, 111])
expect("passages both coded alike", pooled["units_all_coded"], 78)
expect("pooled alpha", round(pooled["alpha"]["value"], 4), 0.6649)
expect("codes compared", len(agreement["codes"]), 10)

starters = data("codes", "starters")
expect("starter codebooks", [s["name"] for s in starters],
       ["compassion-competencies", "shame-and-guilt", "sustaining-compassionate-care",
        "engagement-states", "facilitators-and-barriers"])
PY
echo "demo study: tutorial, tour, a deterministic project with the promised content"
