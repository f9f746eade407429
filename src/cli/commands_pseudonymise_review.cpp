// 'pseudonymise review': see every suggestion in context, decide on it, add what was missed and
// choose pseudonyms, before anything is applied.

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "services/json_codec.hpp"
#include "services/pseudonymisation_review.hpp"

namespace thematica::cli {
namespace {

// What every review command reads: the list of known identifiers, and the key when one is given
// (a later pass keeps the pseudonyms of the earlier ones).
struct BasisArgs {
  std::string known;
  std::string brackets = "[]";
};

void add_basis_options(CLI::App& command, BasisArgs& args) {
  command.add_option("--known", args.known, "CSV of known identifiers: case,identifier[,category]");
  command.add_option("--brackets", args.brackets, "Around pseudonyms: [] () {} <> or \"\"")
      ->capture_default_str();
}

Result<ReviewBasis> review_basis(Cli& cli, Store& store, const BasisArgs& args) {
  ReviewBasis basis;
  basis.brackets = args.brackets;
  TRY(known, read_known(args.known));
  basis.known = std::move(known);
  if (!cli.globals.key_file.empty()) {
    TRY(access, cli.key_access());
    TRY(key, read_key(store, access));
    basis.key = std::move(key);
  }
  return basis;
}

std::string review_table(const Review& review) {
  std::vector<std::vector<std::string>> rows;
  rows.reserve(review.items.size());
  for (const auto& i : review.items) {
    rows.push_back({i.ref, std::string(review_status_name(i.status)),
                    std::string(category_name(i.category)), fmt::format("{:.2f}", i.confidence),
                    one_line(fmt::format("…{}[{}]{}…", i.before, i.text, i.after)), i.pseudonym});
  }
  std::string text =
      format_table({"ref", "status", "category", "confidence", "in context", "becomes"}, rows);
  text += fmt::format("{} pending, {} to replace, {} rejected\n", review.pending, review.to_replace,
                      review.rejected);
  for (const auto& d : review.changed_documents) {
    text += fmt::format(
        "'{}' changed since it was reviewed; its decisions do not count until you reset them "
        "('thematica pseudonymise review reset --doc \"{}\"')\n",
        d, d);
  }
  return text;
}

void define_list(CLI::App& command, Cli& cli) {
  struct Args {
    BasisArgs basis;
    std::vector<std::string> documents;
    std::vector<std::string> statuses;
  };
  auto args = std::make_shared<Args>();
  add_basis_options(command, args->basis);
  command.add_option("--doc", args->documents, "Only this document (repeatable)");
  command.add_option("--status", args->statuses,
                     "Only pending, accepted, rejected, added or covered (repeatable)");
  cli.on(&command, [&cli, args]() -> Status {
    TRY(store, cli.store());
    TRY(basis, review_basis(cli, *store, args->basis));
    TRY(review, review_pseudonyms(*store, basis, args->documents));
    for (const auto& s : args->statuses) {
      if (!review_status_from_name(s)) {
        return failf(ErrorKind::kInvalidInput,
                     "unknown status '{}': say pending, accepted, rejected, added or covered", s);
      }
    }
    if (!args->statuses.empty()) {
      std::erase_if(review.items, [&](const ReviewItem& i) {
        return std::find(args->statuses.begin(), args->statuses.end(),
                         review_status_name(i.status)) == args->statuses.end();
      });
    }
    cli.print(Json(review), review_table(review));
    return {};
  });
}

void define_decision(CLI::App& review, Cli& cli, const std::string& name,
                     const std::string& description, ReviewVerdict verdict) {
  struct Args {
    BasisArgs basis;
    ReviewSelection selection;
  };
  auto args = std::make_shared<Args>();
  auto* command = review.add_subcommand(name, description);
  add_basis_options(*command, args->basis);
  command->add_option("refs", args->selection.refs, "Suggestions, as the review lists them");
  command->add_option("--entity", args->selection.entity,
                      "Every mention of the entity shown as this pseudonym");
  command->add_flag("--pending", args->selection.pending, "Every pending suggestion");
  command
      ->add_option("--min-confidence", args->selection.min_confidence,
                   "With --pending: only those with at least this confidence")
      ->check(CLI::Range(0.0, 1.0));
  command
      ->add_option("--below", args->selection.below_confidence,
                   "With --pending: only those with less than this confidence")
      ->check(CLI::Range(0.0, 1.0));
  command->add_option("--doc", args->selection.documents, "Only in this document (repeatable)");
  cli.on(command, [&cli, args, verdict]() -> Status {
    TRY(ctx, cli.context());
    TRY(basis, review_basis(cli, ctx.store, args->basis));
    TRY(change, decide_review(ctx, basis, args->selection, verdict));
    cli.print(Json(change),
              change.changed == 0 ? std::string("nothing to change") : change.summary);
    return {};
  });
}

void define_add(CLI::App& review, Cli& cli) {
  struct Args {
    BasisArgs basis;
    std::string document, range, text, category;
    int nth = 0;
  };
  auto args = std::make_shared<Args>();
  auto* add = review.add_subcommand("add", "Add a span the detectors missed");
  add_basis_options(*add, args->basis);
  add->add_option("--doc", args->document, "The document")->required();
  auto* at = add->add_option("--at", args->range, "Where: START:END in code points");
  auto* text = add->add_option("--text", args->text, "Or the exact words");
  at->excludes(text);
  add->add_option("--nth", args->nth, "With --text: which occurrence (1-based)");
  add->add_option("--category", args->category, "person, place, institution, date, ... (guessed)");
  cli.on(add, [&cli, args]() -> Status {
    if (args->range.empty() == args->text.empty()) {
      return fail(ErrorKind::kInvalidInput, "say where the span is: --at START:END or --text");
    }
    std::optional<IdentifierCategory> category;
    if (!args->category.empty()) {
      category = category_from_name(args->category);
      if (!category) {
        return failf(ErrorKind::kInvalidInput,
                     "unknown category '{}' (person, place, institution, date, age, phone, "
                     "email, url, postcode, nhs_number, record_number)",
                     args->category);
      }
    }
    PassageRef where;
    if (!args->range.empty()) {
      TRY(range, parse_range(args->range));
      where.range = range;
    } else {
      where.quote = args->text;
      if (args->nth != 0) where.nth = args->nth;
    }
    TRY(ctx, cli.context());
    TRY(basis, review_basis(cli, ctx.store, args->basis));
    TRY(item, add_review_span(ctx, basis, args->document, where, category));
    cli.print(Json(item), fmt::format("added {} '{}' ({}), which becomes {}", item.ref, item.text,
                                      category_name(item.category), item.pseudonym));
    return {};
  });
}

void define_rename(CLI::App& review, Cli& cli) {
  struct Args {
    BasisArgs basis;
    std::string entity, pseudonym;
    bool reset = false;
  };
  auto args = std::make_shared<Args>();
  auto* rename = review.add_subcommand("rename", "Choose an entity's pseudonym");
  add_basis_options(*rename, args->basis);
  rename->add_option("entity", args->entity, "The pseudonym the review shows (\"[P03]\")")
      ->required();
  auto* to = rename->add_option("pseudonym", args->pseudonym, "Its new pseudonym (\"[Nurse 1]\")");
  auto* reset = rename->add_flag("--reset", args->reset, "Back to the pseudonym it was given");
  to->excludes(reset);
  cli.on(rename, [&cli, args]() -> Status {
    if (args->pseudonym.empty() && !args->reset) {
      return fail(ErrorKind::kInvalidInput, "say the new pseudonym, or --reset");
    }
    TRY(ctx, cli.context());
    TRY(basis, review_basis(cli, ctx.store, args->basis));
    TRY(change, choose_review_pseudonym(ctx, basis, args->entity, args->pseudonym));
    cli.print(Json(change), change.summary);
    return {};
  });
}

void define_reset(CLI::App& review, Cli& cli) {
  auto documents = std::make_shared<std::vector<std::string>>();
  auto* reset = review.add_subcommand("reset", "Forget decisions, to review again");
  reset->add_option("--doc", *documents,
                    "Only this document's (repeatable; else every decision and chosen pseudonym)");
  cli.on(reset, [&cli, documents]() -> Status {
    TRY(ctx, cli.context());
    TRY(change, reset_review(ctx, *documents));
    cli.print(Json(change), change.summary);
    return {};
  });
}

}  // namespace

void define_pseudonymise_review(CLI::App& cmd, Cli& cli) {
  auto* review = cmd.add_subcommand(
      "review", "See suggestions in context and decide on them; nothing changes until applied");
  define_list(*review, cli);
  define_decision(*review, cli, "accept", "Accept suggestions: they will be replaced",
                  ReviewVerdict::kAccept);
  define_decision(*review, cli, "reject", "Reject suggestions: they stay as written",
                  ReviewVerdict::kReject);
  define_decision(*review, cli, "undecide", "Take decisions back (and remove added spans)",
                  ReviewVerdict::kUndecided);
  define_add(*review, cli);
  define_rename(*review, cli);
  define_reset(*review, cli);
}

}  // namespace thematica::cli
