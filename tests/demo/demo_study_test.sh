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
# The theme report the tutorial writes for the paper, read back cell by cell from the Word XML,
# and the README tour's Excel copy of the themes-by-group table.
python3 - "$work/tutorial/thematica-demo/themes.docx" "$work/tour/thematica-demo/themes.xlsx" <<'PY'
import re, sys, zipfile
import xml.etree.ElementTree as ET

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
S = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"

def expect(what, actual, wanted):
    if actual != wanted:
        sys.exit(f"FAIL: {what}: {actual!r}, expected {wanted!r}")

def text(element):
    return "".join(t.text or "" for t in element.iter(W + "t"))

body = ET.fromstring(zipfile.ZipFile(sys.argv[1]).read("word/document.xml")).find(W + "body")
captions = [text(p) for p in body.findall(W + "p") if text(p).startswith(("Table", "Figure"))]
expect("captions", captions, [
    "Table 1. Themes and representative quotes: group: MCL",
    "Table 2. Themes and representative quotes: group: MS",
    "Table 3. Themes and representative quotes: group: SGA",
    "Table 4. Themes by group: participants who mentioned each theme",
    "Figure 1. Share of each group's participants that mention each theme"])
tables = [[[["".join(text(p)) for p in tc.findall(W + "p")] for tc in tr.findall(W + "tc")]
           for tr in tbl.findall(W + "tr")] for tbl in body.findall(W + "tbl")]
expect("tables", len(tables), 4)
themes = ["Defining compassion", "More than empathy", "Felt in the body", "Can be cultivated",
          "Facilitators", "Self-care", "Life experiences", "Role models", "Barriers",
          "Time constraints", "Training culture and pedagogy", "Burnout and futility",
          "Disrespect and incivility"]
counts = {  # participants and segments per theme, by group table
    "MCL": [(4, 5), (1, 1), (1, 1), (3, 3), (3, 6), (1, 2), (2, 2), (2, 2), (4, 15), (1, 3),
            (3, 6), (2, 2), (2, 4)],
    "MS": [(5, 9), (2, 2), (2, 4), (3, 3), (5, 8), (2, 3), (2, 3), (2, 2), (4, 11), (2, 2),
           (2, 4), (2, 2), (2, 3)],
    "SGA": [(4, 6), (1, 1), (2, 2), (3, 3), (5, 9), (3, 3), (3, 3), (1, 3), (4, 11), (2, 2),
            (2, 3), (3, 3), (2, 3)]}
for table, group in zip(tables, ["MCL", "MS", "SGA"]):
    expect(f"{group} header", [c[0] for c in table[0]],
           ["Theme", "Participants", "Segments", "Representative quotes"])
    rows = table[1:]
    expect(f"{group} themes", [r[0][0] for r in rows], themes)
    expect(f"{group} counts", [(int(r[1][0]), int(r[2][0])) for r in rows], counts[group])
    for r in rows:
        quotes = [q for q in r[3] if q]
        top_level = r[0][0] in ("Defining compassion", "Facilitators", "Barriers")
        expect(f"{group} {r[0][0]}: quotes", len(quotes), 0 if top_level else min(2, r[2][0] and int(r[2][0])))
        for q in quotes:
            if not re.fullmatch(r"\u201c.+\u201d \(" + group + r"; fg-[a-z-]+, \d\d:\d\d\)", q, re.S):
                sys.exit(f"FAIL: {group} {r[0][0]}: a quote without its group tag: {q!r}")
expect("themes by group", [[c[0] for c in r] for r in tables[3]], [
    ["Theme", "MCL (n = 4)", "MS (n = 6)", "SGA (n = 5)", "Total", "Test"],
    ["Defining compassion", "4 (100%)", "5 (83%)", "4 (80%)", "13", "Fisher's exact, p = 1.000"],
    ["More than empathy", "1 (25%)", "2 (33%)", "1 (20%)", "4", "Fisher's exact, p = 1.000"],
    ["Felt in the body", "1 (25%)", "2 (33%)", "2 (40%)", "5", "Fisher's exact, p = 1.000"],
    ["Can be cultivated", "3 (75%)", "3 (50%)", "3 (60%)", "9", "Fisher's exact, p = .820"],
    ["Facilitators", "3 (75%)", "5 (83%)", "5 (100%)", "13", "Fisher's exact, p = .714"],
    ["Self-care", "1 (25%)", "2 (33%)", "3 (60%)", "6", "Fisher's exact, p = .660"],
    ["Life experiences", "2 (50%)", "2 (33%)", "3 (60%)", "7", "Fisher's exact, p = .814"],
    ["Role models", "2 (50%)", "2 (33%)", "1 (20%)", "5", "Fisher's exact, p = .800"],
    ["Barriers", "4 (100%)", "4 (67%)", "4 (80%)", "12", "Fisher's exact, p = .736"],
    ["Time constraints", "1 (25%)", "2 (33%)", "2 (40%)", "5", "Fisher's exact, p = 1.000"],
    ["Training culture and pedagogy", "3 (75%)", "2 (33%)", "2 (40%)", "7",
     "Fisher's exact, p = .549"],
    ["Burnout and futility", "2 (50%)", "2 (33%)", "3 (60%)", "7", "Fisher's exact, p = .814"],
    ["Disrespect and incivility", "2 (50%)", "2 (33%)", "2 (40%)", "6",
     "Fisher's exact, p = 1.000"]])

book = zipfile.ZipFile(sys.argv[2])
shared = [("".join(t.text or "" for t in si.iter(S + "t")))
          for si in ET.fromstring(book.read("xl/sharedStrings.xml")).findall(S + "si")]
sheets = [s.get("name") for s in ET.fromstring(book.read("xl/workbook.xml")).iter(S + "sheet")]
expect("sheets", sheets, ["MCL", "MS", "SGA", "Themes by group", "Methods"])
def cell(c):
    v = c.find(S + "v")
    if v is None:  # an inline string, or an empty cell
        return "".join(t.text or "" for t in c.iter(S + "t"))
    return shared[int(v.text)] if c.get("t") == "s" else float(v.text)
rows = [[cell(c) for c in r.findall(S + "c")]
        for r in ET.fromstring(book.read("xl/worksheets/sheet4.xml")).iter(S + "row")]
matrix = {r[0]: [r[2], r[5], r[8], r[11]] for r in rows[2:15]}
expect("Excel themes by group (participants per group, total)", matrix, {
    "Defining compassion": [4, 5, 4, 13], "More than empathy": [1, 2, 1, 4],
    "Felt in the body": [1, 2, 2, 5], "Can be cultivated": [3, 3, 3, 9],
    "Facilitators": [3, 5, 5, 13], "Self-care": [1, 2, 3, 6], "Life experiences": [2, 2, 3, 7],
    "Role models": [2, 2, 1, 5], "Barriers": [4, 4, 4, 12], "Time constraints": [1, 2, 2, 5],
    "Training culture and pedagogy": [3, 2, 2, 7], "Burnout and futility": [2, 2, 3, 7],
    "Disrespect and incivility": [2, 2, 2, 6]})
PY
# Pseudonymised after coding: every coding covers the same words, no original is left in the
# project or in any export (byte scans, archives opened), and the key restores every document.
cp "$work/a.thematica" "$work/p.thematica"
mkdir -p "$work/key"
printf 'the demo study passphrase\n' >"$work/key/pass.txt"
python3 - "$bin" "$work" "$repo/examples/demo-study/known.csv" <<'PY'
import json, re, sqlite3, subprocess, sys, zipfile

bin, work, known = sys.argv[1:]
project = f"{work}/p.thematica"
key = ["--key-file", f"{work}/key/study.key", "--passphrase-file", f"{work}/key/pass.txt"]

def thematica(*args):
    return subprocess.run([bin, "-p", project, *args], check=True, capture_output=True).stdout

def expect(what, actual, wanted):
    if actual != wanted:
        sys.exit(f"FAIL: {what}: {actual!r}, expected {wanted!r}")

def read():
    db = sqlite3.connect(project)
    texts = dict(db.execute("SELECT d.name, t.text FROM documents d "
                            "JOIN document_texts t ON t.document_id = d.id"))
    codings = {i: texts[d][s:e] for i, d, s, e in db.execute(
        "SELECT c.id, d.name, c.start_cp, c.end_cp FROM codings c "
        "JOIN documents d ON d.id = c.document_id")}
    db.close()
    return texts, codings

texts_before, quotes_before = read()
# Reviewed first: the weakest guesses rejected, the rest accepted, one pseudonym chosen.
review = ["pseudonymise", "review", "--known", known]
pending = json.loads(thematica("--json", *review))["pending"]
rejected = json.loads(thematica("--json", *review[:2], "reject", *review[2:], "--pending",
                                "--below", "0.5"))["changed"]
accepted = json.loads(thematica("--json", *review[:2], "accept", *review[2:], "--pending"))
expect("every suggestion decided", rejected + accepted["changed"], pending)
thematica(*review[:2], "rename", *review[2:], "[Institution B]", "[Teaching hospital]")
expect("texts unchanged until applied", read()[0], texts_before)
applied = json.loads(thematica("--json", "pseudonymise", "apply", "--known", known, *key))
expect("documents pseudonymised", applied["documents"], 4)
expect("spans replaced", applied["replaced"], accepted["changed"])
texts_after, quotes_after = read()
entities = json.loads(thematica("--json", "pseudonymise", "lookup", "--all", *key))
pseudonyms = sorted({e["pseudonym"] for e in entities}, key=len, reverse=True)
originals = sorted({o for e in entities for o in e["originals"]}, key=len, reverse=True)

def folded(text, words, whole):
    for w in words:
        pattern = re.escape(w)
        if whole:
            pattern = r"(?<![\w])" + pattern + r"(?![\w])"
        text = re.sub(pattern, "\u00a7", text)
    return text

expect("codings", sorted(quotes_after), sorted(quotes_before))
moved = [i for i in quotes_before
         if folded(quotes_before[i], originals, True) != folded(quotes_after[i], pseudonyms, False)]
expect("codings not covering the same words", moved, [])
expect("codings whose words were replaced",
       sum(quotes_before[i] != quotes_after[i] for i in quotes_before) > 0, True)

for name, text in texts_before.items():
    restored = thematica("pseudonymise", "restore", "--doc", name, *key).decode()
    expect(f"{name} restored", restored == text, True)

exports = {}
for n, (args, extension) in enumerate([
        (["export", "--format", "json"], "json"), (["export", "--format", "csv"], "csv"),
        (["export", "--format", "qdpx"], "qdpx"), (["codes", "export"], "qdc"),
        (["report", "themes", "--codes", "Facilitators", "--codes", "Barriers", "--group-by",
          "group", "--quotes", "3", "--format", "docx"], "docx"),
        (["report", "themes", "--codes", "Facilitators", "--group-by", "group", "--format",
          "xlsx"], "xlsx"),
        (["report", "matrix", "--codes", "Barriers", "--by", "group", "--format", "html"],
         "html")]):
    out = f"{work}/export-{n}.{extension}"
    thematica(*key, *args, *(["-o", out] if args[0] == "report" else [out]))
    if zipfile.is_zipfile(out):  # Word, Excel and REFI-QDA files: every part, unpacked
        with zipfile.ZipFile(out) as archive:
            exports[out] = b"".join(archive.read(m) for m in archive.namelist())
    else:
        with open(out, "rb") as f:
            exports[out] = f.read()
with open(project, "rb") as f:
    exports["the project file"] = f.read()
# Originals of three characters or more, as whole words (two-letter ones turn up by chance
# inside the search index's binary pages).
found = [(where, o) for o in originals if len(o) >= 3 for where, data in exports.items()
         if re.search(rb"(?<![A-Za-z0-9\x80-\xff])" + re.escape(o.encode())
                      + rb"(?![A-Za-z0-9\x80-\xff])", data)]
expect("originals left", found, [])
expect("originals looked for", len([o for o in originals if len(o) >= 3]) >= 40, True)
PY
echo "demo study: tutorial, tour, a deterministic project with the promised content and report, pseudonymised"
