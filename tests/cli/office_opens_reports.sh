#!/usr/bin/env bash
# The reports we write open in a real office suite: LibreOffice converts them to PDF, and the PDF's
# text holds the tables' captions and quotes. The pages are rendered to PNG in ARTEFACTS (when
# set) for a person to look at. Usage: office_opens_reports.sh EXAMPLES_DIR THEMATICA [ARTEFACTS]
set -euo pipefail
examples=$1
thematica=$2
artefacts=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
cp "$examples"/fg-students-zoom.vtt "$examples"/fg-tutors-teams.vtt .

t() { "$thematica" -p study.thematica "$@" >/dev/null; }
t init
t import fg-students-zoom.vtt fg-tutors-teams.vtt
t cases set "Student A" role=MS
t cases set "Student B" role=MS
t cases set "Tutor 3 (Guest)" role=SGA
t codes add "Facilitators/Role models" --definition "Seeing a senior clinician act with compassion"
t codes add "Barriers/Time"
t code --doc fg-students-zoom --code "Facilitators/Role models" --coder alice \
  --text "the registrar sat on the edge of the bed and waited until the patient had finished"
t code --doc fg-tutors-teams --code "Facilitators/Role models" --text "They copy what we do" --coder alice
t code --doc fg-students-zoom --code "Barriers/Time" --text "we rushed through the ward round" --coder alice
report_as() {
  t report themes --codes Facilitators --codes Barriers --group-by role --speaker-ids \
    --label "MS=medical student" --label "SGA=small-group advisor" --format "$1" -o "$2"
}
report_as docx themes.docx
report_as xlsx workbook.xlsx
t report cooccurrence --codes Facilitators --codes Barriers --within turn --format docx -o meet.docx
t report matrix --codes Facilitators --codes Barriers --by document --count segments --format docx \
  -o portrait.docx

# LibreOffice keeps its profile in a folder of our own, so a user's running instance is not used.
libreoffice -env:UserInstallation="file://$work/profile" --headless --convert-to pdf \
  --outdir pdf themes.docx workbook.xlsx meet.docx portrait.docx >convert.log 2>&1 || { cat convert.log; exit 1; }
for f in themes workbook meet portrait; do
  [ -s pdf/$f.pdf ] || { echo "LibreOffice made no PDF of $f"; cat convert.log; exit 1; }
  # The text with every run of spaces and line breaks made one space, as a reader reads it.
  pdftotext pdf/$f.pdf - | tr -s ' \n' '  ' >$f.txt
done
expect_in() {
  grep -qF -- "$2" "$1.txt" || { echo "not in $1's PDF: $2"; cat "$1.txt"; exit 1; }
}
expect() { expect_in themes "$1"; }
expect "Themes and representative quotes"
expect "MS = medical student (n = 2); SGA = small-group advisor (n = 1)"
expect "Table 1. Themes and representative quotes: role: MS"
expect "Table 2. Themes and representative quotes: role: SGA"
# Table cells come out of the PDF in layout order, long ones broken over lines: short phrases.
expect "Theme Participants Segments"
expect "Representative quotes"
expect "“we rushed through the ward round” (MS, Student B;"
expect "“They copy what we do” (SGA, Tutor 3 (Guest);"
expect "Time 0 0 No coded segments."
# The themes-by-group matrix closes the report.
expect "Table 3. Themes by role: participants who mentioned each theme"
expect "MS (n = 2)"
expect "SGA (n = 1)"
expect "Fisher's exact, p = 1.000"
expect "Figure 1. Share of each role's participants that mention each theme"
pages=$(pdfinfo pdf/themes.pdf | awk '/^Pages:/ { print $2 }')
[ "$pages" = 2 ] || { echo "expected 2 pages (tables, then the matrix and its chart), LibreOffice made $pages"; exit 1; }

if [ -n "$artefacts" ]; then
  mkdir -p "$artefacts"
  pdftoppm -r 80 -png pdf/themes.pdf "$artefacts/themes"
  pdftoppm -r 80 -png pdf/workbook.pdf "$artefacts/workbook"
  pdftoppm -r 80 -png pdf/meet.pdf "$artefacts/meet"
  pdftoppm -r 80 -png pdf/portrait.pdf "$artefacts/portrait"
fi
# The workbook: a sheet per group, the matrix with its chart, the methods.
expect_in workbook "Table 1. Themes and representative quotes: role: MS"
expect_in workbook "Table 2. Themes and representative quotes: role: SGA"
expect_in workbook "They copy what we do"
expect_in workbook "Table 3. Themes by role: participants who mentioned each theme"
expect_in workbook "Fisher's exact, p = 1.000"
expect_in workbook "MS = medical student (n = 2)"
# Themes that meet: the table and the heatmap's caption.
expect_in meet "Table 1. Themes that meet: coded segments in the same speaker turn"
expect_in meet "Time 1 0 (0%) 0 (0%)"
expect_in meet "Figure 1. Themes that meet: coded segments in the same speaker turn"
expect_in portrait "Figure 1. Themes in each document: coded segments"
echo "LibreOffice opened themes.docx ($pages pages), workbook.xlsx, meet.docx and portrait.docx"
