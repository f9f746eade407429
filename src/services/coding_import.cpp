#include "services/coding_import.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <fmt/ranges.h>

#include "core/ascii.hpp"
#include "core/csv.hpp"
#include "services/coding_service.hpp"
#include "services/lookup.hpp"
#include "services/wording.hpp"

namespace thematica {
namespace {

enum Column : std::size_t {
  kDocument,
  kCode,
  kQuote,
  kNth,
  kCoder,
  kComment,
  kImportant,
  kRepresentative,
  kColumnCount
};
constexpr std::array<std::string_view, kColumnCount> kColumnNames = {
    "document", "code", "quote", "nth", "coder", "comment", "important", "representative"};

using ColumnPlaces = std::array<std::optional<std::size_t>, kColumnCount>;

Result<ColumnPlaces> read_header(const CsvRow& header) {
  ColumnPlaces places;
  for (std::size_t i = 0; i < header.size(); ++i) {
    std::string name = ascii_lower(header[i]);
    auto known = std::find(kColumnNames.begin(), kColumnNames.end(), name);
    if (known == kColumnNames.end()) {
      return failf(ErrorKind::kInvalidInput,
                   "the codings CSV has an unknown column '{}'; the columns are {}", header[i],
                   fmt::join(kColumnNames, ", "));
    }
    places[static_cast<std::size_t>(known - kColumnNames.begin())] = i;
  }
  for (Column required : {kDocument, kCode, kQuote}) {
    if (!places[required]) {
      return failf(ErrorKind::kInvalidInput,
                   "the codings CSV needs a header row with the columns document, code and quote "
                   "(missing: {})",
                   kColumnNames[required]);
    }
  }
  return places;
}

Result<bool> parse_flag(const std::string& cell, Column column) {
  std::string value = ascii_lower(cell);
  if (value.empty() || value == "no" || value == "false" || value == "0") return false;
  if (value == "yes" || value == "true" || value == "1") return true;
  return failf(ErrorKind::kInvalidInput, "{} must be yes or no, not '{}'", kColumnNames[column],
               cell);
}

Result<std::optional<int>> parse_nth(const std::string& cell) {
  if (cell.empty()) return std::optional<int>();
  int value = 0;
  auto [end, error] = std::from_chars(cell.data(), cell.data() + cell.size(), value);
  if (error != std::errc() || end != cell.data() + cell.size() || value < 1) {
    return failf(ErrorKind::kInvalidInput, "nth must be a whole number from 1, not '{}'", cell);
  }
  return std::optional<int>(value);
}

// One row as apply_coding would take it from the command line.
Result<CodingRequest> read_row(const CsvRow& row, const ColumnPlaces& places,
                               const std::string& default_coder) {
  auto cell = [&](Column c) -> std::string {
    return places[c] && *places[c] < row.size() ? row[*places[c]] : std::string();
  };
  CodingRequest request;
  request.document = cell(kDocument);
  request.code = cell(kCode);
  request.coder = cell(kCoder).empty() ? default_coder : cell(kCoder);
  if (request.coder.empty()) {
    return fail(ErrorKind::kInvalidInput, "no coder: fill the coder column or give --coder NAME");
  }
  request.passage.quote = cell(kQuote);
  TRY(nth, parse_nth(cell(kNth)));
  request.passage.nth = nth;
  request.comment = cell(kComment);
  TRY(important, parse_flag(cell(kImportant), kImportant));
  TRY(representative, parse_flag(cell(kRepresentative), kRepresentative));
  request.important = important;
  request.representative = representative;
  return request;
}

}  // namespace

Result<CodingImport> import_codings_csv(const ServiceContext& ctx, const std::string& csv,
                                        const std::string& default_coder) {
  TRY(rows, parse_csv(csv));
  if (rows.empty()) return fail(ErrorKind::kInvalidInput, "the codings CSV is empty");
  TRY(places, read_header(rows[0]));
  if (rows.size() < 2) return fail(ErrorKind::kInvalidInput, "the codings CSV has no codings");
  CodingImport report;
  auto event = ctx.store.change("coding.import", ctx.actor, [&]() -> Result<std::string> {
    TRY(book, load_codebook(ctx.store));
    for (std::size_t r = 1; r < rows.size(); ++r) {
      auto applied = read_row(rows[r], places, default_coder).and_then([&](CodingRequest request) {
        return add_coding(ctx.store, book, request).map([&](const Coding&) {
          ++report.by_coder[request.coder];
        });
      });
      if (!applied) {
        Error e = applied.error();
        e.message = fmt::format("codings CSV row {}: {}", r + 1, e.message);
        return tl::unexpected(e);
      }
      ++report.codings;
    }
    std::vector<std::string> coders;
    for (const auto& [coder, count] : report.by_coder) {
      coders.push_back(fmt::format("{} {}", coder, count));
    }
    return fmt::format("imported {} ({})", count_of(report.codings, "coding"),
                       fmt::join(coders, ", "));
  });
  if (!event) return tl::unexpected(event.error());
  report.event = *event;
  return report;
}

}  // namespace thematica
