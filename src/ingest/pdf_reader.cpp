#include "ingest/pdf_reader.hpp"

#include <filesystem>

#include "core/text.hpp"
#include "ingest/subprocess.hpp"

namespace thematica {
namespace {

std::string_view trim_newlines(std::string_view page) {
  while (!page.empty() && (page.back() == '\n' || page.back() == ' ')) page.remove_suffix(1);
  while (!page.empty() && page.front() == '\n') page.remove_prefix(1);
  return page;
}

// An absolute path, so that a file name starting with '-' is never taken for an option.
std::string absolute(const std::string& path) { return std::filesystem::absolute(path).string(); }

}  // namespace

Result<Extraction> read_pdf(const std::string& path, const ReadOptions& options) {
  auto run = run_program({"pdftotext", "-enc", "UTF-8", "-eol", "unix", absolute(path), "-"},
                         options.max_bytes);
  if (!run && run.error().kind == ErrorKind::kUnsupported) {
    return fail(ErrorKind::kUnsupported,
                "PDF import needs the pdftotext program: install the Debian package "
                "poppler-utils (scripts/bootstrap does)");
  }
  if (!run) return tl::unexpected(run.error());
  if (run->exit_code == 3 ||
      (run->exit_code != 0 && run->err.find("assword") != std::string::npos)) {
    return fail(ErrorKind::kInvalidInput,
                "the PDF is password-protected or forbids copying its text; save an unprotected "
                "copy and import that");
  }
  if (run->exit_code != 0) {
    return fail(ErrorKind::kInvalidInput,
                "the PDF is damaged or not a PDF (pdftotext cannot read it)");
  }
  Extraction out;
  out.reader = "pdf";
  std::string_view all = run->out;
  std::uint64_t at = 0;
  std::size_t from = 0;
  while (from < all.size()) {
    auto feed = all.find('\f', from);
    std::string_view page = trim_newlines(
        all.substr(from, feed == std::string_view::npos ? std::string_view::npos : feed - from));
    from = feed == std::string_view::npos ? all.size() : feed + 1;
    if (feed == std::string_view::npos && page.empty()) break;  // after the last form feed
    if (!out.page_starts.empty()) {
      out.text += '\n';
      ++at;
    }
    out.page_starts.push_back(at);
    TRY(measured, Text::from_utf8(std::string(page) + '\n'));
    out.text += measured.utf8();
    at += measured.length();
  }
  if (out.text.find_first_not_of(" \t\n") == std::string::npos) {
    return fail(ErrorKind::kInvalidInput,
                "the PDF has no text (a scanned document?); run it through OCR first, then "
                "import the result");
  }
  return out;
}

}  // namespace thematica
