#include "services/project_agreement.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "services/lookup.hpp"
#include "stats/kappa.hpp"
#include "stats/weights.hpp"

namespace thematica {
namespace {

struct Selection {
  std::vector<Coder> coders;
  std::vector<Document> documents;  // compared, in project order
  std::vector<Id> code_ids;
  Codebook codebook{{}};
  std::vector<CodingSpan> codings;  // of the compared coders in the compared documents
};

Status check_options(const ProjectAgreementOptions& options) {
  if (options.coders.size() < 2) {
    return fail(ErrorKind::kInvalidInput,
                "agreement needs two or more coders: name them with --coders A,B");
  }
  if (options.coders.size() > kMaxPresenceCoders) {
    return failf(ErrorKind::kInvalidInput, "at most {} coders can be compared at once",
                 kMaxPresenceCoders);
  }
  if (!(options.min_overlap > 0 && options.min_overlap <= 1)) {
    return failf(ErrorKind::kInvalidInput, "the overlap must be above 0% and at most 100%, not {}%",
                 options.min_overlap * 100);
  }
  if (options.bootstrap && options.bootstrap->samples == 0) {
    return fail(ErrorKind::kInvalidInput, "bootstrap samples must be > 0");
  }
  return {};
}

Result<std::vector<Coder>> resolve_coders(Store& store, const std::vector<std::string>& names) {
  std::vector<Coder> out;
  for (const auto& name : names) {
    TRY(coder, require_coder(store, name));
    if (std::any_of(out.begin(), out.end(), [&](const Coder& c) { return c.id == coder.id; })) {
      return failf(ErrorKind::kInvalidInput, "coder '{}' is named twice", name);
    }
    out.push_back(std::move(coder));
  }
  return out;
}

Result<std::vector<Document>> resolve_documents(Store& store,
                                                const ProjectAgreementOptions& options) {
  TRY(all, store.documents());
  if (options.documents.empty() && options.groups.empty()) return all;
  std::set<Id> wanted;
  for (const auto& name : options.documents) {
    TRY(document, require_document(store, name));
    wanted.insert(document.id);
  }
  TRY(members, store.group_members());
  for (const auto& name : options.groups) {
    TRY(group, require_group(store, name));
    for (const auto& m : members) {
      if (m.group_id == group.id) wanted.insert(m.document_id);
    }
  }
  std::erase_if(all, [&](const Document& d) { return !wanted.contains(d.id); });
  return all;
}

// Keeps the documents every coder coded (any code) and reports the others.
Status keep_documents_all_coded(Selection& s, ProjectAgreement& out) {
  std::unordered_map<Id, std::uint64_t> coded_by;  // document: a bit for each coder
  std::unordered_map<Id, std::size_t> coder_index;
  for (std::size_t i = 0; i < s.coders.size(); ++i) coder_index.emplace(s.coders[i].id, i);
  for (const auto& c : s.codings) {
    coded_by[c.document_id] |= std::uint64_t{1} << coder_index.at(c.coder_id);
  }
  std::vector<Document> kept;
  for (auto& d : s.documents) {
    std::vector<std::string> missing;
    for (std::size_t i = 0; i < s.coders.size(); ++i) {
      if ((coded_by[d.id] >> i & 1) == 0) missing.push_back(s.coders[i].name);
    }
    if (missing.empty()) {
      kept.push_back(std::move(d));
    } else if (missing.size() == s.coders.size()) {
      out.excluded.push_back({d.name, kCodedByNone});
    } else {
      out.excluded.push_back({d.name, fmt::format("not coded by {}", fmt::join(missing, ", "))});
    }
  }
  s.documents = std::move(kept);
  std::set<Id> compared;
  for (const auto& d : s.documents) compared.insert(d.id);
  std::erase_if(s.codings, [&](const CodingSpan& c) { return !compared.contains(c.document_id); });
  if (!s.documents.empty()) return {};
  return fail(ErrorKind::kInvalidInput,
              "no document was coded by all the coders compared, so there is nothing to compare; "
              "see 'thematica freq --by coder' for who coded what");
}

Status resolve_codes(const ProjectAgreementOptions& options, Selection& s) {
  if (!options.codes.empty()) {
    for (const auto& path : options.codes) {
      TRY(code, s.codebook.resolve(path));
      if (std::find(s.code_ids.begin(), s.code_ids.end(), code->id) == s.code_ids.end()) {
        s.code_ids.push_back(code->id);
      }
    }
    return {};
  }
  std::set<Id> applied;
  for (const auto& c : s.codings) applied.insert(c.code_id);
  for (const Code* code : s.codebook.in_tree_order()) {
    if (applied.contains(code->id)) s.code_ids.push_back(code->id);
  }
  if (!s.code_ids.empty()) return {};
  return fail(ErrorKind::kInvalidInput, "the coders applied no code in the compared documents");
}

Result<Selection> select(Store& store, const ProjectAgreementOptions& options,
                         ProjectAgreement& out) {
  Selection s;
  TRY(coders, resolve_coders(store, options.coders));
  s.coders = std::move(coders);
  TRY(documents, resolve_documents(store, options));
  s.documents = std::move(documents);
  CodingFilter filter;
  for (const auto& c : s.coders) filter.coder_ids.push_back(c.id);
  for (const auto& d : s.documents) filter.document_ids.push_back(d.id);
  if (s.documents.empty()) return fail(ErrorKind::kInvalidInput, "the selection has no documents");
  TRY(codings, store.coding_spans(filter));
  s.codings = std::move(codings);
  TRY_STATUS(keep_documents_all_coded(s, out));
  TRY(codebook, load_codebook(store));
  s.codebook = std::move(codebook);
  TRY_STATUS(resolve_codes(options, s));
  return s;
}

// Index maps from ids to the positions AgreementData uses.
template <typename T>
std::unordered_map<Id, std::uint32_t> index_of(const std::vector<T>& items) {
  std::unordered_map<Id, std::uint32_t> out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out.emplace(items[i].id, static_cast<std::uint32_t>(i));
  }
  return out;
}

AgreementData agreement_data(const Selection& s) {
  AgreementData data;
  data.coders = s.coders.size();
  data.codes = s.code_ids.size();
  for (const auto& d : s.documents)
    data.document_lengths.push_back(static_cast<std::int64_t>(d.length));
  auto document = index_of(s.documents);
  auto coder = index_of(s.coders);
  std::unordered_map<Id, std::uint32_t> code;
  for (std::size_t i = 0; i < s.code_ids.size(); ++i) {
    code.emplace(s.code_ids[i], static_cast<std::uint32_t>(i));
  }
  for (const auto& c : s.codings) {
    auto d = document.find(c.document_id);
    auto k = code.find(c.code_id);
    if (d == document.end()) continue;
    data.spans.push_back({d->second, k == code.end() ? kOtherCode : k->second, coder.at(c.coder_id),
                          static_cast<std::int64_t>(c.range.start),
                          static_cast<std::int64_t>(c.range.end)});
  }
  return data;
}

// Turn units: the turns of analysed speakers. Documents without any are left out and reported.
Result<std::vector<Utterance>> select_turns(Store& store, Selection& s, ProjectAgreement& out) {
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
  if (!s.documents.empty()) return utterances;
  return fail(ErrorKind::kInvalidInput,
              "none of the compared documents has speaker turns; use --unit segment or "
              "character for documents that are not transcripts");
}

void add_turns(const Selection& s, const std::vector<Utterance>& turns, AgreementData& data) {
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
  auto tables = presence_by_code(data, options.unit, options.min_overlap);
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
  TRY_STATUS(check_options(options));
  ProjectAgreement out;
  out.options = options;
  TRY(s, select(store, options, out));
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
