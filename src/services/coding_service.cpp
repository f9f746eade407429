#include "services/coding_service.hpp"

#include <algorithm>

#include <fmt/ranges.h>

#include "core/text.hpp"
#include "core/utf8.hpp"
#include "services/lookup.hpp"

namespace thematica {
namespace {

Result<Range> locate_quote(const Text& text, const std::string& quote, std::optional<int> nth,
                           const std::string& document) {
  if (quote.empty()) return fail(ErrorKind::kInvalidInput, "the quote to code is empty");
  std::vector<std::uint64_t> starts = text.find_all(quote);
  if (starts.empty()) {
    return failf(ErrorKind::kInvalidInput,
                 "the quote is not in '{}'; it must match the text exactly (spaces, line breaks "
                 "and punctuation included); 'thematica search' finds approximate matches",
                 document);
  }
  TRY(quote_text, Text::from_utf8(quote));
  std::uint64_t length = quote_text.length();
  if (!nth && starts.size() > 1) {
    std::vector<std::uint64_t> shown = starts;
    shown.resize(std::min<std::size_t>(starts.size(), 10));
    return failf(ErrorKind::kInvalidInput,
                 "the quote occurs {} times in '{}' (at code points {}{}); add --nth 1..{} to "
                 "choose one, or use --range",
                 starts.size(), document, fmt::join(shown, ", "), starts.size() > 10 ? ", ..." : "",
                 starts.size());
  }
  int pick = nth.value_or(1);
  if (pick < 1 || static_cast<std::size_t>(pick) > starts.size()) {
    return failf(ErrorKind::kInvalidInput, "--nth {} is out of range: the quote occurs {} time{}",
                 pick, starts.size(), starts.size() == 1 ? "" : "s");
  }
  std::uint64_t start = starts[static_cast<std::size_t>(pick - 1)];
  return Range{start, start + length};
}

}  // namespace

Result<Range> locate_passage(const Text& text, const PassageRef& passage,
                             const std::string& document_name) {
  if (passage.range.has_value() == passage.quote.has_value()) {
    return fail(ErrorKind::kInvalidInput,
                "say where to code with either --range START:END or --text \"exact quote\"");
  }
  if (passage.quote) {
    TRY_STATUS(validate_utf8(*passage.quote));
    return locate_quote(text, *passage.quote, passage.nth, document_name);
  }
  if (passage.nth) return fail(ErrorKind::kInvalidInput, "--nth goes with --text, not --range");
  auto checked = check_range(*passage.range, text.length());
  if (!checked) {
    Error e = checked.error();
    e.message = fmt::format("'{}': {}", document_name, e.message);
    return tl::unexpected(e);
  }
  return *passage.range;
}

Result<Coding> add_coding(Store& store, const Codebook& book, const CodingRequest& request) {
  TRY(doc, require_document(store, request.document));
  TRY(code, book.resolve(request.code));
  TRY(text, store.text_index(doc.id));
  TRY(range, locate_passage(*text, request.passage, doc.name));
  TRY(coder, ensure_coder(store, request.coder));
  Coding coding;
  coding.document_id = doc.id;
  coding.code_id = code->id;
  coding.coder_id = coder.id;
  coding.range = range;
  coding.comment = request.comment;
  coding.important = request.important;
  coding.representative = request.representative;
  TRY(id, store.insert_coding(coding));
  coding.id = id;
  return coding;
}

Result<AppliedCoding> apply_coding(const ServiceContext& ctx, const CodingRequest& request) {
  Coding coding;
  auto event = ctx.store.change("coding.apply", request.coder, [&]() -> Result<std::string> {
    TRY(book, load_codebook(ctx.store));
    TRY(added, add_coding(ctx.store, book, request));
    coding = added;
    return fmt::format("coded '{}' {}:{} as '{}'", request.document, coding.range.start,
                       coding.range.end, book.path_of(coding.code_id));
  });
  if (!event) return tl::unexpected(event.error());
  TRY(stored, ctx.store.find_coding(coding.id));
  return AppliedCoding{*event, stored.value_or(coding)};
}

Result<Event> remove_coding(const ServiceContext& ctx, Id coding_id) {
  return ctx.store.change("coding.remove", ctx.actor, [&]() -> Result<std::string> {
    TRY(found, ctx.store.find_coding(coding_id));
    if (!found) {
      return failf(ErrorKind::kNotFound, "no coding #{}; 'thematica segments' shows coding ids",
                   coding_id);
    }
    TRY_STATUS(ctx.store.delete_coding(coding_id));
    return fmt::format("removed coding #{} ({}:{})", coding_id, found->range.start,
                       found->range.end);
  });
}

Result<Event> recode(const ServiceContext& ctx, const RecodeRequest& request) {
  return ctx.store.change("coding.recode", ctx.actor, [&]() -> Result<std::string> {
    TRY(found, ctx.store.find_coding(request.coding_id));
    if (!found) {
      return failf(ErrorKind::kNotFound, "no coding #{}; 'thematica segments' shows coding ids",
                   request.coding_id);
    }
    Coding coding = *found;
    std::vector<std::string> what;
    if (request.code) {
      TRY(book, load_codebook(ctx.store));
      TRY(code, book.resolve(*request.code));
      coding.code_id = code->id;
      what.push_back("code '" + book.path_of(code->id) + "'");
    }
    if (request.range) {
      TRY(docs, ctx.store.documents());
      auto doc = std::find_if(docs.begin(), docs.end(),
                              [&](const Document& d) { return d.id == coding.document_id; });
      TRY_STATUS(check_range(*request.range, doc->length));
      coding.range = *request.range;
      what.push_back(fmt::format("range {}:{}", coding.range.start, coding.range.end));
    }
    if (request.comment) {
      coding.comment = *request.comment;
      what.push_back("comment");
    }
    if (request.important) {
      coding.important = *request.important;
      what.push_back(coding.important ? "important" : "not important");
    }
    if (request.representative) {
      coding.representative = *request.representative;
      what.push_back(coding.representative ? "representative" : "not representative");
    }
    if (what.empty())
      return fail(ErrorKind::kInvalidInput,
                  "say what to change: --code, --range, --comment, "
                  "--important/--not-important or --representative/--not-representative");
    TRY_STATUS(ctx.store.update_coding(coding));
    return fmt::format("recoded #{}: {}", coding.id, fmt::join(what, ", "));
  });
}

}  // namespace thematica
