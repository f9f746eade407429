// Commands that code text and retrieve what was coded.

#include <fmt/ranges.h>

#include "cli/commands.hpp"
#include "services/coding_import.hpp"
#include "services/coding_service.hpp"
#include "services/retrieval.hpp"
#include "services/search_service.hpp"

namespace thematica::cli {
namespace {

// " speaker: Student A [group=MS, year=3], Tutor 3"
std::string describe_speakers(const Segment& s) {
  if (s.speakers.empty()) return "";
  std::vector<std::string> named;
  for (std::size_t i = 0; i < s.speakers.size(); ++i) {
    std::vector<std::string> values;
    for (const auto& [name, value] : s.speaker_values[i])
      values.push_back(fmt::format("{}={}", name, value));
    named.push_back(values.empty()
                        ? s.speakers[i]
                        : fmt::format("{} [{}]", s.speakers[i], fmt::join(values, ", ")));
  }
  return fmt::format(" speaker: {}", fmt::join(named, ", "));
}

Result<std::optional<Range>> optional_range(const std::string& text) {
  if (text.empty()) return std::optional<Range>();
  TRY(range, parse_range(text));
  return std::optional<Range>(range);
}

}  // namespace

void define_code(CLI::App& cmd, Cli& cli) {
  struct Args {
    std::string doc, code, coder, range, text, comment;
    int nth = 0;
    bool important = false, representative = false;
  };
  auto args = std::make_shared<Args>();
  cmd.add_option("--doc", args->doc, "Document name")->required();
  cmd.add_option("--code", args->code, "Code path")->required();
  cmd.add_option("--coder", args->coder, "Coder (default: --coder before the command, or you)");
  auto* range = cmd.add_option("--range", args->range, "START:END in code points, end exclusive");
  auto* text = cmd.add_option("--text", args->text, "The exact quote to code");
  range->excludes(text);
  cmd.add_option("--nth", args->nth, "Which occurrence of --text (1-based)");
  cmd.add_option("--comment", args->comment, "A comment on the coding");
  cmd.add_flag("--important", args->important, "Flag the coding as important");
  cmd.add_flag("--representative", args->representative,
               "Mark it a representative quote of its code (reports take these first)");
  cli.on(&cmd, [&cli, args, text]() -> Status {
    TRY(ctx, cli.context());
    CodingRequest request;
    request.document = args->doc;
    request.code = args->code;
    request.coder = args->coder.empty() ? ctx.actor : args->coder;
    TRY(parsed, optional_range(args->range));
    request.passage.range = parsed;
    if (text->count() > 0) request.passage.quote = args->text;
    if (args->nth != 0) request.passage.nth = args->nth;
    request.comment = args->comment;
    request.important = args->important;
    request.representative = args->representative;
    TRY(applied, apply_coding(ctx, request));
    cli.print_event(applied.event, Json{{"coding",
                                         {{"id", applied.coding.id},
                                          {"guid", applied.coding.guid},
                                          {"start", applied.coding.range.start},
                                          {"end", applied.coding.range.end}}}});
    return {};
  });
}

void define_import_codings(CLI::App& cmd, Cli& cli) {
  struct Args {
    std::string file, coder;
  };
  auto args = std::make_shared<Args>();
  cmd.add_option("file", args->file, "CSV with document, code and quote columns")->required();
  cmd.add_option("--coder", args->coder,
                 "Coder of rows without a coder (default: --coder before the command, or you)");
  cli.on(&cmd, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    TRY(csv, read_input(args->file));
    TRY(report, import_codings_csv(ctx, csv, args->coder.empty() ? ctx.actor : args->coder));
    cli.print_event(report.event, Json{{"codings", report.codings}, {"coders", report.by_coder}});
    return {};
  });
}

void define_uncode(CLI::App& cmd, Cli& cli) {
  auto id = std::make_shared<Id>(0);
  cmd.add_option("coding", *id, "The coding's id (see 'segments')")->required();
  cli.on(&cmd, [&cli, id]() -> Status {
    TRY(ctx, cli.context());
    TRY(event, remove_coding(ctx, *id));
    cli.print_event(event);
    return {};
  });
}

void define_recode(CLI::App& cmd, Cli& cli) {
  struct Args {
    Id id = 0;
    std::string code, range, comment;
    bool important = false, not_important = false;
    bool representative = false, not_representative = false;
  };
  auto args = std::make_shared<Args>();
  cmd.add_option("coding", args->id, "The coding's id (see 'segments')")->required();
  auto* code = cmd.add_option("--code", args->code, "Move the coding to this code");
  cmd.add_option("--range", args->range, "New START:END");
  auto* comment = cmd.add_option("--comment", args->comment, "New comment");
  auto* yes = cmd.add_flag("--important", args->important, "Flag as important");
  auto* no = cmd.add_flag("--not-important", args->not_important, "Clear the flag");
  yes->excludes(no);
  auto* quote = cmd.add_flag("--representative", args->representative,
                             "Mark as a representative quote of its code");
  auto* not_quote =
      cmd.add_flag("--not-representative", args->not_representative, "Clear the mark");
  quote->excludes(not_quote);
  cli.on(&cmd, [&cli, args, code, comment]() -> Status {
    TRY(ctx, cli.context());
    RecodeRequest request;
    request.coding_id = args->id;
    if (code->count() > 0) request.code = args->code;
    TRY(parsed, optional_range(args->range));
    request.range = parsed;
    if (comment->count() > 0) request.comment = args->comment;
    if (args->important || args->not_important) request.important = args->important;
    if (args->representative || args->not_representative) {
      request.representative = args->representative;
    }
    TRY(event, recode(ctx, request));
    cli.print_event(event);
    return {};
  });
}

void define_segments(CLI::App& cmd, Cli& cli) {
  struct Args {
    SegmentQuery query;
    std::string group;
    std::vector<std::string> where;
  };
  auto args = std::make_shared<Args>();
  cmd.add_option("--code", args->query.codes, "Code path (repeatable)");
  cmd.add_flag("--subcodes", args->query.include_subcodes, "Include the codes' sub-codes");
  cmd.add_option("--coder", args->query.coders, "Only this coder (repeatable)");
  cmd.add_option("--doc", args->query.documents, "Only this document (repeatable)");
  cmd.add_option("--group", args->group, "Only documents of this group");
  cmd.add_option("--where", args->where, "Only cases with variable=value (repeatable)");
  cmd.add_option("--context", args->query.context, "Code points of context on each side");
  cmd.add_flag("--all-speakers", args->query.all_speakers,
               "Include codings in turns of speakers left out (cases exclude)");
  cli.on(&cmd, [&cli, args]() -> Status {
    TRY(store, cli.store());
    SegmentQuery query = args->query;
    if (!args->group.empty()) query.group = args->group;
    for (const auto& w : args->where) {
      TRY(pair, parse_assignment(w));
      query.where.push_back(pair);
    }
    TRY(segments, find_segments(*store, query));
    std::string text;
    for (const auto& s : segments) {
      std::string quote = query.context > 0 ? fmt::format("...{}[{}]{}...", one_line(s.before),
                                                          one_line(s.text), one_line(s.after))
                                            : one_line(s.text);
      text +=
          fmt::format("#{} {} [{}:{}] {} ({}){}{}\n  {}\n", s.coding.id, s.document,
                      s.coding.range.start, s.coding.range.end, s.code, s.coder,
                      s.page ? fmt::format(" page {}", *s.page) : "", describe_speakers(s), quote);
    }
    text += fmt::format("{} segment{}", segments.size(), segments.size() == 1 ? "" : "s");
    cli.print(Json(segments), text);
    return {};
  });
}

void define_freq(CLI::App& cmd, Cli& cli) {
  auto by = std::make_shared<std::string>("document");
  auto all_speakers = std::make_shared<bool>(false);
  cmd.add_option("--by", *by, "document or coder")->check(CLI::IsMember({"document", "coder"}));
  cmd.add_flag("--all-speakers", *all_speakers,
               "Count codings in turns of speakers left out (cases exclude)");
  cli.on(&cmd, [&cli, by, all_speakers]() -> Status {
    TRY(store, cli.store());
    FrequencyAxis axis = *by == "coder" ? FrequencyAxis::kCoder : FrequencyAxis::kDocument;
    TRY(table, code_frequencies(*store, axis, *all_speakers));
    std::vector<std::string> header{"code"};
    header.insert(header.end(), table.columns.begin(), table.columns.end());
    header.push_back("total");
    std::vector<std::vector<std::string>> rows;
    for (const auto& r : table.rows) {
      std::vector<std::string> row{r.code};
      for (auto n : r.counts) row.push_back(std::to_string(n));
      row.push_back(std::to_string(r.total));
      rows.push_back(std::move(row));
    }
    cli.print(Json(table), format_table(header, rows));
    return {};
  });
}

void define_search(CLI::App& cmd, Cli& cli) {
  struct Args {
    SearchQuery query;
    std::string code, coder;
  };
  auto args = std::make_shared<Args>();
  cmd.add_option("query", args->query.query,
                 "Words, \"a phrase\", prefix*, AND/OR/NOT, NEAR(a b, 5)")
      ->required();
  cmd.add_option("--limit", args->query.limit, "At most this many hits (default 100)");
  cmd.add_option("--context", args->query.context, "Code points of context (default 40)");
  cmd.add_option("--code", args->code, "Code every hit with this code");
  cmd.add_option("--coder", args->coder, "Coder for --code (default: you)");
  cli.on(&cmd, [&cli, args]() -> Status {
    TRY(ctx, cli.context());
    if (!args->code.empty()) {
      std::string coder = args->coder.empty() ? ctx.actor : args->coder;
      TRY(result, code_search_hits(ctx, args->query.query, args->code, coder));
      cli.print_event(result.event, Json{{"hits", result.hits}, {"coded", result.coded}});
      return {};
    }
    TRY(hits, search_text(ctx.store, args->query));
    std::string text;
    for (const auto& h : hits) {
      text += fmt::format("{} [{}:{}] ...{}[{}]{}...\n", h.document, h.range.start, h.range.end,
                          one_line(h.before), one_line(h.text), one_line(h.after));
    }
    text += fmt::format("{} hit{}", hits.size(), hits.size() == 1 ? "" : "s");
    cli.print(Json(hits), text);
    return {};
  });
}

}  // namespace thematica::cli
