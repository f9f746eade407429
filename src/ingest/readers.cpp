#include "ingest/readers.hpp"

#include <algorithm>
#include <array>
#include <filesystem>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "ingest/docx_reader.hpp"
#include "ingest/encoding.hpp"
#include "ingest/html_reader.hpp"
#include "ingest/markdown_reader.hpp"
#include "ingest/odt_reader.hpp"
#include "ingest/pdf_reader.hpp"
#include "ingest/speaker_text_reader.hpp"
#include "ingest/srt_reader.hpp"
#include "ingest/vtt_reader.hpp"

namespace thematica {
namespace {

constexpr std::array<std::string_view, 9> kReaders = {
    "text", "speaker-text", "webvtt", "srt", "docx", "odt", "pdf", "html", "markdown"};

// A binary format saved under a text name gets a message that says what it really is.
Status refuse_disguised_binary(std::string_view bytes) {
  if (bytes.starts_with("%PDF-")) {
    return fail(ErrorKind::kInvalidInput,
                "this is a PDF file with a text extension; rename it to .pdf or use --kind pdf");
  }
  if (bytes.starts_with("PK\x03\x04")) {
    return fail(ErrorKind::kInvalidInput,
                "this is a zip file (DOCX, ODT, XLSX?) with a text extension; rename it or use "
                "--kind docx / --kind odt");
  }
  return {};
}

Result<Extraction> read_text_based(std::string_view bytes, const std::string& reader,
                                   const ReadOptions& options) {
  TRY_STATUS(refuse_disguised_binary(bytes));
  TRY(decoded, decode_text(bytes, options.encoding));
  std::string text = normalise_line_endings(decoded.utf8);
  Extraction out;
  if (reader == "html") {
    TRY(html, read_html(text));
    out = std::move(html);
  } else if (reader == "markdown") {
    TRY(markdown, read_markdown(text));
    out = std::move(markdown);
  } else if (reader == "webvtt" || reader == "srt") {
    TRY(cues, reader == "srt" ? read_srt_cues(text) : read_vtt_cues(text));
    TRY(transcript, assemble_transcript(cues, reader));
    out.reader = reader;
    out.text = transcript.text;
    out.transcript = std::move(transcript);
  } else {
    out.reader = reader;
    out.text = std::move(text);
  }
  out.encoding = decoded.encoding;
  out.encoding_guessed = decoded.guessed;
  return out;
}

// Reads speaker turns out of a document's text, when it is made of them.
Status find_speaker_turns(Extraction& doc, bool forced, const ReadOptions& options) {
  if (doc.transcript || doc.reader == "html") return {};
  std::optional<SpeakerPattern> pattern;
  if (options.speaker_pattern) {
    TRY(compiled, SpeakerPattern::compile(*options.speaker_pattern));
    pattern = std::move(compiled);
  } else if (doc.reader != "speaker-text" && (forced || !looks_like_speaker_text(doc.text))) {
    return {};
  }
  TRY(cues, read_speaker_text_cues(doc.text, pattern ? &*pattern : nullptr));
  TRY(transcript, assemble_transcript(cues, doc.reader == "text" ? "speaker-text" : doc.reader));
  doc.reader = transcript.reader;
  doc.text = transcript.text;
  doc.page_starts.clear();  // the turns are laid out anew; pages no longer line up
  doc.transcript = std::move(transcript);
  return {};
}

tl::unexpected<Error> empty_file() {
  return fail(ErrorKind::kInvalidInput, "the file is empty; there is nothing to import");
}

// Runs the reader on the file: pdftotext reads a PDF itself, the others get its bytes.
Result<Extraction> read_with(const std::string& path, const std::string& reader,
                             const ReadOptions& options) {
  if (reader == "pdf") {
    TRY(size, check_file(path, options.max_bytes));
    if (size == 0) return empty_file();
    return read_pdf(path, options);
  }
  TRY(bytes, read_file_bytes(path, options.max_bytes));
  if (bytes.empty() || bytes == "\xEF\xBB\xBF") return empty_file();
  if (reader == "docx") return read_docx(bytes, options);
  if (reader == "odt") return read_odt(bytes, options);
  return read_text_based(bytes, reader, options);
}

}  // namespace

std::string lower_extension(const std::string& path) {
  return ascii_lower(std::filesystem::path(path).extension().string());
}

bool has_document_extension(const std::string& path) {
  std::string ext = lower_extension(path);
  return ext == ".txt" || (choose_reader(path, std::nullopt).value_or("text") != "text");
}

Result<std::string> choose_reader(const std::string& path, const std::optional<std::string>& kind) {
  if (kind) {
    if (std::find(kReaders.begin(), kReaders.end(), *kind) != kReaders.end()) return *kind;
    return failf(ErrorKind::kInvalidInput,
                 "unknown --kind '{}'; use text, speaker-text, webvtt, srt, docx, odt, pdf, html "
                 "or markdown",
                 *kind);
  }
  std::string ext = lower_extension(path);
  if (ext == ".vtt") return std::string("webvtt");
  if (ext == ".srt") return std::string("srt");
  if (ext == ".docx") return std::string("docx");
  if (ext == ".odt") return std::string("odt");
  if (ext == ".pdf") return std::string("pdf");
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return std::string("html");
  if (ext == ".md" || ext == ".markdown") return std::string("markdown");
  return std::string("text");
}

Result<Extraction> read_document_file(const std::string& path, const std::string& reader,
                                      bool forced, const ReadOptions& options) {
  TRY(doc, read_with(path, reader, options));
  TRY_STATUS(find_speaker_turns(doc, forced, options));
  return doc;
}

}  // namespace thematica
