#include "services/cases_service.hpp"

#include <algorithm>
#include <map>

#include "core/text.hpp"
#include "services/lookup.hpp"
#include "services/wording.hpp"

namespace thematica {
namespace {

Result<Case> ensure_case(Store& store, const std::string& name) {
  if (name.empty()) return fail(ErrorKind::kInvalidInput, "a case name cannot be empty");
  auto found = require_case(store, name);
  if (found || found.error().kind != ErrorKind::kNotFound) return found;
  return store.insert_case(name);
}

Result<Variable> ensure_variable(Store& store, const std::string& name, const std::string& value) {
  auto found = require_variable(store, name);
  if (found || found.error().kind != ErrorKind::kNotFound) return found;
  Variable v;
  v.name = name;
  v.type = infer_variable_type(value);
  return store.insert_variable(v);
}

}  // namespace

Result<Event> set_case_values(const ServiceContext& ctx, const std::string& case_name,
                              const std::vector<std::pair<std::string, std::string>>& values) {
  if (values.empty()) {
    return fail(ErrorKind::kInvalidInput, "give at least one variable=value, e.g. role=student");
  }
  return ctx.store.change("case.set", ctx.actor, [&]() -> Result<std::string> {
    TRY(kase, ensure_case(ctx.store, case_name));
    for (const auto& [name, raw] : values) {
      if (name.empty()) return fail(ErrorKind::kInvalidInput, "a variable name cannot be empty");
      if (raw.empty()) {
        TRY(variable, require_variable(ctx.store, name));
        TRY_STATUS(ctx.store.clear_case_value(kase.id, variable.id));
        continue;
      }
      TRY(variable, ensure_variable(ctx.store, name, raw));
      TRY(value, canonical_value(variable, raw));
      TRY_STATUS(ctx.store.set_case_value(CaseValue{kase.id, variable.id, value}));
    }
    return fmt::format("set {} on case '{}'",
                       count_of(static_cast<std::int64_t>(values.size()), "value"), kase.name);
  });
}

Result<Event> add_variable(const ServiceContext& ctx, const std::string& name, VariableType type,
                           const std::vector<std::string>& categories) {
  if (name.empty()) return fail(ErrorKind::kInvalidInput, "a variable name cannot be empty");
  if (type == VariableType::kCategory && categories.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "a category variable needs its categories, e.g. --categories MS,SGA,MCL");
  }
  if (type != VariableType::kCategory && !categories.empty()) {
    return fail(ErrorKind::kInvalidInput, "--categories goes with --type category");
  }
  return ctx.store.change("variable.add", ctx.actor, [&]() -> Result<std::string> {
    TRY_STATUS(ctx.store.insert_variable(Variable{0, {}, name, type, categories}));
    return fmt::format("added {} variable '{}'", variable_type_name(type), name);
  });
}

Result<Event> link_case(const ServiceContext& ctx, const std::string& case_name,
                        const std::string& document, const std::optional<Range>& range) {
  return ctx.store.change("case.link", ctx.actor, [&]() -> Result<std::string> {
    TRY(kase, ensure_case(ctx.store, case_name));
    TRY(doc, require_document(ctx.store, document));
    if (range) TRY_STATUS(check_range(*range, doc.length));
    TRY_STATUS(ctx.store.insert_case_link(CaseLink{kase.id, doc.id, range}));
    return fmt::format("linked case '{}' to '{}'{}", kase.name, doc.name,
                       range ? fmt::format(" {}:{}", range->start, range->end) : "");
  });
}

Result<Event> delete_case(const ServiceContext& ctx, const std::string& case_name) {
  return ctx.store.change("case.delete", ctx.actor, [&]() -> Result<std::string> {
    TRY(kase, require_case(ctx.store, case_name));
    TRY_STATUS(ctx.store.delete_case(kase.id));
    return fmt::format("deleted case '{}'", kase.name);
  });
}

Result<Event> rename_case(const ServiceContext& ctx, const std::string& case_name,
                          const std::string& new_name) {
  if (new_name.empty()) return fail(ErrorKind::kInvalidInput, "a case name cannot be empty");
  return ctx.store.change("case.rename", ctx.actor, [&]() -> Result<std::string> {
    TRY(kase, require_case(ctx.store, case_name));
    TRY_STATUS(ctx.store.rename_case(kase.id, new_name));
    return fmt::format("renamed case '{}' to '{}'", kase.name, new_name);
  });
}

Result<Event> merge_cases(const ServiceContext& ctx, const std::string& source,
                          const std::string& target) {
  return ctx.store.change("case.merge", ctx.actor, [&]() -> Result<std::string> {
    TRY(from, require_case(ctx.store, source));
    TRY(to, require_case(ctx.store, target));
    if (from.id == to.id) return fail(ErrorKind::kInvalidInput, "cannot merge a case into itself");
    TRY_STATUS(ctx.store.merge_cases(from.id, to.id));
    return fmt::format("merged case '{}' into '{}'", from.name, to.name);
  });
}

Result<Event> set_case_analysed(const ServiceContext& ctx, const std::string& case_name,
                                bool analysed) {
  return ctx.store.change("case.analysed", ctx.actor, [&]() -> Result<std::string> {
    TRY(kase, require_case(ctx.store, case_name));
    TRY_STATUS(ctx.store.set_case_analysed(kase.id, analysed));
    return analysed ? fmt::format("'{}' is analysed again", kase.name)
                    : fmt::format("left '{}' out of analysis", kase.name);
  });
}

Result<Event> split_case(const ServiceContext& ctx, const std::string& case_name,
                         const std::vector<std::string>& documents, const std::string& new_name) {
  if (documents.empty()) {
    return fail(ErrorKind::kInvalidInput, "name the documents whose turns move, with --doc");
  }
  return ctx.store.change("case.split", ctx.actor, [&]() -> Result<std::string> {
    TRY(from, require_case(ctx.store, case_name));
    std::vector<Id> doc_ids;
    for (const auto& name : documents) {
      TRY(doc, require_document(ctx.store, name));
      doc_ids.push_back(doc.id);
    }
    TRY(to, ctx.store.insert_case(new_name));
    TRY_STATUS(ctx.store.move_case_documents(from.id, to.id, doc_ids));
    return fmt::format("split '{}' from '{}' in {}", to.name, from.name,
                       count_of(static_cast<std::int64_t>(doc_ids.size()), "document"));
  });
}

Result<std::vector<CaseSummary>> list_cases(Store& store) {
  TRY(cases, store.cases());
  TRY(variables, store.variables());
  TRY(values, store.case_values());
  TRY(links, store.case_links());
  TRY(docs, store.documents());
  std::map<Id, std::string> var_names, doc_names;
  for (const auto& v : variables) var_names[v.id] = v.name;
  for (const auto& d : docs) doc_names[d.id] = d.name;
  std::vector<CaseSummary> out;
  for (const auto& c : cases) {
    CaseSummary s{c, {}, {}};
    for (const auto& v : values) {
      if (v.case_id == c.id) s.values.emplace_back(var_names[v.variable_id], v.value);
    }
    std::sort(s.values.begin(), s.values.end());
    for (const auto& l : links) {
      if (l.case_id == c.id) s.links.push_back({doc_names[l.document_id], l.range});
    }
    out.push_back(std::move(s));
  }
  return out;
}

Result<std::vector<Variable>> list_variables(Store& store) { return store.variables(); }

}  // namespace thematica
