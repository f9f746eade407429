#include "services/codebook_service.hpp"

#include <algorithm>
#include <map>

#include "core/code_path.hpp"
#include "core/colour.hpp"
#include "core/csv.hpp"
#include "services/lookup.hpp"
#include "services/wording.hpp"

namespace thematica {
namespace {

Status apply_edits(Code& code, const CodeEdits& edits) {
  if (edits.colour) {
    TRY(colour, parse_colour(*edits.colour));
    code.colour = colour;
  }
  if (edits.definition) code.description.definition = *edits.definition;
  if (edits.when_to_use) code.description.when_to_use = *edits.when_to_use;
  if (edits.when_not_to_use) code.description.when_not_to_use = *edits.when_not_to_use;
  if (edits.example) code.description.example = *edits.example;
  return {};
}

// Creates each missing level of `names`; returns the leaf's id and how many codes were created.
Result<std::pair<Id, int>> create_path(Store& store, const std::vector<std::string>& names,
                                       const CodeEdits& leaf_edits) {
  std::optional<Id> parent;
  int created = 0;
  for (std::size_t i = 0; i < names.size(); ++i) {
    TRY(book, load_codebook(store));
    if (const Code* existing = book.child(parent, names[i])) {
      parent = existing->id;
      continue;
    }
    Code code;
    code.parent_id = parent;
    code.name = names[i];
    code.colour = palette_colour(book.codes().size());
    if (i + 1 == names.size()) TRY_STATUS(apply_edits(code, leaf_edits));
    TRY(id, store.insert_code(code));
    parent = id;
    ++created;
  }
  return std::pair{*parent, created};
}

Result<std::pair<Codebook, Code>> resolve(Store& store, const std::string& path) {
  TRY(book, load_codebook(store));
  TRY(code, book.resolve(path));
  Code copy = *code;
  return std::pair{std::move(book), copy};
}

Result<std::int64_t> branch_codings(Store& store, const Codebook& book, Id id) {
  return store.count_codings(CodingFilter{book.subtree(id), {}, {}});
}

}  // namespace

Result<Event> add_code(const ServiceContext& ctx, const std::string& path, const CodeEdits& edits) {
  TRY(names, parse_code_path(path));
  return ctx.store.change("code.add", ctx.actor, [&]() -> Result<std::string> {
    TRY(book, load_codebook(ctx.store));
    if (book.resolve(path)) {
      return failf(ErrorKind::kConflict, "code '{}' already exists", format_code_path(names));
    }
    TRY(made, create_path(ctx.store, names, edits));
    return fmt::format("added code '{}'{}", format_code_path(names),
                       made.second > 1 ? fmt::format(" ({} levels new)", made.second) : "");
  });
}

Result<Event> edit_code(const ServiceContext& ctx, const std::string& path,
                        const CodeEdits& edits) {
  return ctx.store.change("code.edit", ctx.actor, [&]() -> Result<std::string> {
    TRY(found, resolve(ctx.store, path));
    Code code = found.second;
    TRY_STATUS(apply_edits(code, edits));
    TRY_STATUS(ctx.store.update_code(code));
    return fmt::format("edited code '{}'", found.first.path_of(code.id));
  });
}

Result<Event> rename_code(const ServiceContext& ctx, const std::string& path,
                          const std::string& new_name) {
  TRY_STATUS(check_code_name(new_name));
  return ctx.store.change("code.rename", ctx.actor, [&]() -> Result<std::string> {
    TRY(found, resolve(ctx.store, path));
    Code code = found.second;
    std::string old_path = found.first.path_of(code.id);
    code.name = new_name;
    TRY_STATUS(ctx.store.update_code(code));
    return fmt::format("renamed code '{}' to '{}'", old_path, new_name);
  });
}

Result<Event> move_code(const ServiceContext& ctx, const std::string& path,
                        const std::string& new_parent) {
  return ctx.store.change("code.move", ctx.actor, [&]() -> Result<std::string> {
    TRY(found, resolve(ctx.store, path));
    auto& [book, code] = found;
    std::optional<Id> parent;
    if (!new_parent.empty()) {
      TRY(target, book.resolve(new_parent));
      parent = target->id;
    }
    TRY_STATUS(book.check_move(code.id, parent));
    std::string old_path = book.path_of(code.id);
    code.parent_id = parent;
    TRY_STATUS(ctx.store.update_code(code));
    return fmt::format("moved code '{}' to {}", old_path,
                       parent ? "'" + book.path_of(*parent) + "'" : "the top level");
  });
}

Result<Event> merge_codes(const ServiceContext& ctx, const std::string& source,
                          const std::string& target) {
  return ctx.store.change("code.merge", ctx.actor, [&]() -> Result<std::string> {
    TRY(book, load_codebook(ctx.store));
    TRY(from, book.resolve(source));
    TRY(to, book.resolve(target));
    if (from->id == to->id)
      return fail(ErrorKind::kInvalidInput, "cannot merge a code into itself");
    TRY_STATUS(book.check_move(from->id, to->id));
    for (Id kid : book.children_of(from->id)) {
      Code child = *book.find(kid);
      child.parent_id = to->id;
      TRY_STATUS(ctx.store.update_code(child));
    }
    TRY(moved, ctx.store.move_codings(from->id, to->id));
    TRY_STATUS(ctx.store.delete_code(from->id));
    std::string dropped =
        moved.second > 0 ? ", " + count_of(moved.second, "duplicate") + " dropped" : "";
    return fmt::format("merged '{}' into '{}' ({} moved{})", book.path_of(from->id),
                       book.path_of(to->id), count_of(moved.first, "coding"), dropped);
  });
}

Result<Event> delete_code(const ServiceContext& ctx, const std::string& path, bool force) {
  return ctx.store.change("code.delete", ctx.actor, [&]() -> Result<std::string> {
    TRY(found, resolve(ctx.store, path));
    const auto& [book, code] = found;
    std::vector<Id> branch = book.subtree(code.id);
    TRY(codings, branch_codings(ctx.store, book, code.id));
    if (!force && (codings > 0 || branch.size() > 1)) {
      return failf(ErrorKind::kConflict,
                   "code '{}' has {} and {}; merge it into another code, or delete them too "
                   "with --force",
                   book.path_of(code.id), count_of(codings, "coding"),
                   count_of(static_cast<std::int64_t>(branch.size()) - 1, "sub-code"));
    }
    if (codings > 0) {
      TRY(all, ctx.store.codings(CodingFilter{branch, {}, {}}));
      for (const auto& c : all) TRY_STATUS(ctx.store.delete_coding(c.id));
    }
    // Children before parents, so no code is ever left pointing at a deleted parent.
    for (auto it = branch.rbegin(); it != branch.rend(); ++it) {
      TRY_STATUS(ctx.store.delete_code(*it));
    }
    return fmt::format("deleted code '{}' ({}, {})", book.path_of(code.id),
                       count_of(static_cast<std::int64_t>(branch.size()), "code"),
                       count_of(codings, "coding"));
  });
}

Result<std::vector<CodeSummary>> list_codes(Store& store) {
  TRY(book, load_codebook(store));
  TRY(freq, store.frequencies(FrequencyAxis::kDocument, false));
  std::map<Id, std::int64_t> own;
  for (const auto& cell : freq) own[cell.code_id] += cell.count;
  std::vector<CodeSummary> out;
  for (const Code* code : book.in_tree_order()) {
    CodeSummary s{*code, book.path_of(code->id), book.depth_of(code->id), own[code->id], 0};
    for (Id id : book.subtree(code->id)) s.codings_in_branch += own[id];
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::string> export_codebook_csv(Store& store) {
  TRY(codes, list_codes(store));
  std::string out =
      format_csv_row({"path", "colour", "definition", "when_to_use", "when_not_to_use", "example"});
  for (const auto& s : codes) {
    const auto& d = s.code.description;
    out += format_csv_row({spreadsheet_safe(s.path), s.code.colour, spreadsheet_safe(d.definition),
                           spreadsheet_safe(d.when_to_use), spreadsheet_safe(d.when_not_to_use),
                           spreadsheet_safe(d.example)});
  }
  return out;
}

Result<std::vector<report::CodebookEntry>> codebook_entries(Store& store) {
  TRY(codes, list_codes(store));
  std::vector<report::CodebookEntry> out;
  out.reserve(codes.size());
  for (auto& s : codes) {
    out.push_back({s.path, s.code.name, s.code.colour, s.depth, std::move(s.code.description)});
  }
  return out;
}

Result<CodebookImport> import_codebook_csv(const ServiceContext& ctx, const std::string& csv) {
  TRY(rows, parse_csv(csv));
  if (rows.empty()) return fail(ErrorKind::kInvalidInput, "the codebook CSV is empty");
  static const std::vector<std::string> kColumns = {"path",        "colour",          "definition",
                                                    "when_to_use", "when_not_to_use", "example"};
  std::vector<int> column(kColumns.size(), -1);
  for (std::size_t i = 0; i < rows[0].size(); ++i) {
    auto it = std::find(kColumns.begin(), kColumns.end(), rows[0][i]);
    if (it != kColumns.end())
      column[static_cast<std::size_t>(it - kColumns.begin())] = static_cast<int>(i);
  }
  if (column[0] < 0) {
    return fail(ErrorKind::kInvalidInput,
                "the codebook CSV needs a header row with a 'path' column (and optionally colour, "
                "definition, when_to_use, when_not_to_use, example)");
  }
  CodebookImport report;
  auto event = ctx.store.change("codebook.import", ctx.actor, [&]() -> Result<std::string> {
    for (std::size_t r = 1; r < rows.size(); ++r) {
      auto cell = [&](std::size_t c) -> std::optional<std::string> {
        int at = column[c];
        if (at < 0 || static_cast<std::size_t>(at) >= rows[r].size() || rows[r][at].empty()) {
          return std::nullopt;
        }
        return spreadsheet_unsafe(rows[r][static_cast<std::size_t>(at)]);
      };
      CodeEdits edits{cell(1), cell(2), cell(3), cell(4), cell(5)};
      auto located = [&](Error e) {
        e.message = fmt::format("codebook CSV row {}: {}", r + 1, e.message);
        return tl::unexpected(e);
      };
      auto names = parse_code_path(cell(0).value_or(""));
      if (!names) return located(names.error());
      TRY(book, load_codebook(ctx.store));
      if (auto existing = book.resolve(cell(0).value_or(""))) {
        Code code = **existing;
        if (auto edited = apply_edits(code, edits); !edited) return located(edited.error());
        TRY_STATUS(ctx.store.update_code(code));
        ++report.updated;
        continue;
      }
      auto made = create_path(ctx.store, *names, edits);
      if (!made) return located(made.error());
      report.added += made->second;
    }
    return fmt::format("imported a codebook: {} codes added, {} updated", report.added,
                       report.updated);
  });
  if (!event) return tl::unexpected(event.error());
  report.event = *event;
  return report;
}

}  // namespace thematica
