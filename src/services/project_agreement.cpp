#include "services/project_agreement.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "stats/kappa.hpp"
#include "stats/weights.hpp"

namespace thematica {
namespace {

// Turn units: the turns of analysed speakers. Documents without any are left out and reported.
Result<std::vector<Utterance>> select_turns(Store& store, ScopedCodings& s, ProjectAgreement& out) {
  std::vector<Id> ids;
  for (const auto& d : s.documents) ids.push_back(d.id);
  TRY(utterances, store.utterances(ids));
  TRY(cases, store.cases());
  std::set<Id> left_out, with_turns;
  for (const auto& c : cases) {
    if (!c.analysed) left_out.insert(c.id);
  }
  std::erase_if(utterances, [&](const Utterance& u) {
    bool skip = u.case_id && left_out.contains(*u.case_id);
    out.turns_left_out += skip ? 1 : 0;
    if (!skip) with_turns.insert(u.document_id);
    return skip;
  });
  std::erase_if(s.documents, [&](const Document& d) {
    if (with_turns.contains(d.id)) return false;
    out.excluded.push_back({d.name, "no speaker turns to compare"});
    return true;
  });
  std::erase_if(s.codings,
                [&](const CodingSpan& c) { return !with_turns.contains(c.document_id); });
  if (!s.documents.empty()) return utterances;
  return fail(ErrorKind::kInvalidInput,
              "none of the compared documents has speaker turns; use --unit segment or "
              "character for documents that are not transcripts");
}

void add_turns(const ScopedCodings& s, const std::vector<Utterance>& turns, AgreementData& data) {
  auto document = index_of(s.documents);
  for (const auto& u : turns) {
    data.turns.push_back({document.at(u.document_id), static_cast<std::int64_t>(u.range.start),
                          static_cast<std::int64_t>(u.range.end)});
  }
}

void fill_presence(const PresenceTable& table, const ProjectAgreementOptions& options,
                   CodeAgreement& row) {
  row.units = table.units();
  row.units_coded = table.present_units().size();
  row.units_all_coded = table.units_all_present();
  auto coincidences = table.coincidences();
  row.alpha = krippendorff_alpha(coincidences, Level::kNominal);
  if (row.alpha.value && options.bootstrap) {
    auto interval = bootstrap_alpha(coincidences, Level::kNominal, *options.bootstrap);
    if (interval) row.interval = std::move(*interval);
  }
  row.percent = percent_agreement(table);
  if (table.coders() == 2) {
    row.kappa = cohen_kappa(table.crosstab(), agreement_weights(Weighting::kIdentity, {0, 1}));
  }
}

void fill_unitizing(const Continuum& continuum, CodeAgreement& row) {
  auto result = unitizing_agreement(continuum);
  row.units = 0;
  for (const auto& coder : continuum.coders) row.units += coder.size();
  row.units_coded = row.units;
  // Only the checks on overlapping segments can fail, and the continua are merged first.
  row.alpha = result ? result->u_alpha : undefined_coefficient(result.error().message, row.units);
}

void count_codings(const AgreementData& data, std::vector<CodeAgreement>& rows,
                   CodeAgreement& pooled) {
  for (auto& row : rows) row.codings.assign(data.coders, 0);
  pooled.codings.assign(data.coders, 0);
  for (const auto& s : data.spans) {
    if (s.code >= rows.size()) continue;
    ++rows[s.code].codings[s.coder];
    ++pooled.codings[s.coder];
  }
}

void compute(const AgreementData& data, const ProjectAgreementOptions& options,
             std::vector<CodeAgreement>& rows, CodeAgreement& pooled) {
  count_codings(data, rows, pooled);
  if (options.unit == AgreementUnit::kCharacter) {
    auto continua = continua_by_code(data);
    for (std::size_t c = 0; c < rows.size(); ++c) fill_unitizing(continua[c], rows[c]);
    fill_unitizing(any_code_continuum(data), pooled);
    return;
  }
  auto tables = presence_by_code(data, options.unit, options.scope.min_overlap);
  PresenceTable all(data.coders);
  for (std::size_t c = 0; c < rows.size(); ++c) {
    fill_presence(tables[c], options, rows[c]);
    all.append(tables[c]);
  }
  fill_presence(all, options, pooled);
}

void explain_unused_codes(std::vector<CodeAgreement>& rows) {
  for (auto& row : rows) {
    bool applied =
        std::any_of(row.codings.begin(), row.codings.end(), [](std::int64_t n) { return n > 0; });
    if (!applied) {
      row.alpha = undefined_coefficient(
          "no compared coder applied this code in the compared documents", row.units);
      row.interval.reset();
    }
  }
}

}  // namespace

Result<AgreementUnit> parse_agreement_unit(const std::string& name) {
  if (name == "document") return AgreementUnit::kDocument;
  if (name == "segment") return AgreementUnit::kSegment;
  if (name == "character") return AgreementUnit::kCharacter;
  if (name == "turn") return AgreementUnit::kTurn;
  return failf(ErrorKind::kInvalidInput,
               "unknown unit '{}': use document, segment, character or turn", name);
}

const char* agreement_unit_name(AgreementUnit unit) {
  switch (unit) {
    case AgreementUnit::kDocument:
      return "document";
    case AgreementUnit::kSegment:
      return "segment";
    case AgreementUnit::kCharacter:
      return "character";
    case AgreementUnit::kTurn:
      return "turn";
  }
  return "segment";
}

Result<ProjectAgreement> project_agreement(Store& store, const ProjectAgreementOptions& options) {
  if (options.bootstrap && options.bootstrap->samples == 0) {
    return fail(ErrorKind::kInvalidInput, "bootstrap samples must be > 0");
  }
  ProjectAgreement out;
  out.options = options;
  TRY(s, select_scope(store, options.scope));
  out.excluded = s.excluded;
  std::vector<Utterance> turns;
  if (options.unit == AgreementUnit::kTurn) {
    TRY(selected, select_turns(store, s, out));
    turns = std::move(selected);
  }
  auto data = agreement_data(s);
  add_turns(s, turns, data);
  for (const auto& c : s.coders) out.coders.push_back(c.name);
  for (const auto& d : s.documents) out.documents.push_back(d.name);
  for (Id id : s.code_ids) {
    CodeAgreement row;
    row.code_id = id;
    row.code = s.codebook.path_of(id);
    out.codes.push_back(std::move(row));
  }
  out.pooled.code = "(pooled)";
  compute(data, options, out.codes, out.pooled);
  explain_unused_codes(out.codes);
  return out;
}

std::string alpha_reading(double alpha, const char* name) {
  const char* reading = alpha >= 0.8     ? "at or above .800: reliable"
                        : alpha >= 0.667 ? "between .667 and .800: tentative conclusions only"
                                         : "below .667: not reliable";
  return fmt::format(
      "{} = {:.3f} is {} (thresholds from Krippendorff 2004, Content Analysis, 2nd ed., p. 241)",
      name, alpha, reading);
}

}  // namespace thematica
