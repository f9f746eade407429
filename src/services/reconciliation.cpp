#include "services/reconciliation.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "analysis/agreement_units.hpp"
#include "analysis/disagreements.hpp"
#include "core/text.hpp"
#include "services/lookup.hpp"

namespace thematica {
namespace {

// Document texts, loaded once each.
class Texts {
 public:
  explicit Texts(Store& store) : store_(store) {}
  Result<const Text*> of(Id document_id) {
    auto found = texts_.find(document_id);
    if (found != texts_.end()) return &found->second;
    TRY(utf8, store_.document_text(document_id));
    TRY(text, Text::from_utf8(std::move(utf8)));
    return &texts_.emplace(document_id, std::move(text)).first->second;
  }

 private:
  Store& store_;
  std::map<Id, Text> texts_;
};

std::string slice(const Text& text, std::int64_t start, std::int64_t end) {
  auto length = static_cast<std::int64_t>(text.length());
  start = std::clamp<std::int64_t>(start, 0, length);
  end = std::clamp<std::int64_t>(end, start, length);
  return std::string(
      text.slice(Range{static_cast<std::uint64_t>(start), static_cast<std::uint64_t>(end)}));
}

bool same_passage(const ReconciliationDecision& d, const DisagreementItem& item,
                  const std::vector<std::string>& coders) {
  return d.document_id == item.document_id && d.code_id == item.code_id &&
         d.passage.start == item.passage.start && d.passage.end == item.passage.end &&
         d.coders == coders;
}

Result<DisagreementItem> describe(const Disagreement& d, const ScopedCodings& s, Texts& texts,
                                  std::uint64_t context) {
  DisagreementItem item;
  const Document& document = s.documents[d.document];
  item.document_id = document.id;
  item.document = document.name;
  item.code_id = s.code_ids[d.code];
  item.code = s.codebook.path_of(item.code_id);
  item.passage = Range{static_cast<std::uint64_t>(d.start), static_cast<std::uint64_t>(d.end)};
  item.kind = disagreement_kind_name(d.kind);
  for (std::size_t c = 0; c < s.coders.size(); ++c) {
    (d.applied >> c & 1 ? item.applied_by : item.not_applied_by).push_back(s.coders[c].name);
  }
  TRY(text, texts.of(document.id));
  auto margin = static_cast<std::int64_t>(context);
  item.before = slice(*text, d.start - margin, d.start);
  item.text = slice(*text, d.start, d.end);
  item.after = slice(*text, d.end, d.end + margin);
  auto coder_names = index_of(s.coders);
  for (auto i : d.spans) {
    const CodingSpan& coding = s.codings[i];
    item.versions.push_back({coding.id, s.coders[coder_names.at(coding.coder_id)].name,
                             s.codebook.path_of(coding.code_id), coding.range,
                             std::string(text->slice(coding.range))});
  }
  return item;
}

std::vector<std::string> names_of(const std::vector<Coder>& coders) {
  std::vector<std::string> out(coders.size());
  std::transform(coders.begin(), coders.end(), out.begin(), [](const Coder& c) { return c.name; });
  return out;
}

// Disagreement `number` (from 1), described, with the team's decision on it if there is one.
Result<DisagreementItem> numbered_item(const Disagreement& d, std::size_t number,
                                       const ScopedCodings& s,
                                       const std::vector<ReconciliationDecision>& decisions,
                                       Texts& texts, std::uint64_t context) {
  TRY(item, describe(d, s, texts, context));
  item.number = number;
  auto coders = names_of(s.coders);
  for (const auto& decision : decisions) {
    if (same_passage(decision, item, coders)) item.decision = decision;
  }
  return item;
}

// The ranges the decision gives the consensus coder.
Result<std::vector<Range>> decided_ranges(const DisagreementItem& item,
                                          const ReconcileRequest& request) {
  std::vector<Range> out;
  auto add = [&](const Range& r) {
    if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  };
  switch (request.resolution) {
    case Resolution::kTake:
      for (const auto& v : item.versions) {
        if (v.coder == request.take && v.code == item.code) add(v.range);
      }
      break;
    case Resolution::kBoth:
      for (const auto& v : item.versions) {
        if (v.code == item.code) add(v.range);
      }
      break;
    case Resolution::kAdjust:
      if (!request.range) {
        return fail(ErrorKind::kInvalidInput,
                    "adjusting needs the consensus range: --range START:END");
      }
      add(*request.range);
      break;
    case Resolution::kDiscard:
      break;
  }
  return out;
}

Status check_consensus(const AgreementScope& scope, const std::string& consensus) {
  if (std::find(scope.coders.begin(), scope.coders.end(), consensus) == scope.coders.end()) {
    return {};
  }
  return failf(ErrorKind::kInvalidInput,
               "the consensus coder '{}' is one of the coders compared; name another with "
               "--consensus",
               consensus);
}

Status check_request(const ReconcileRequest& request) {
  const auto& coders = request.scope.coders;
  TRY_STATUS(check_consensus(request.scope, request.consensus));
  if (request.resolution == Resolution::kTake &&
      std::find(coders.begin(), coders.end(), request.take) == coders.end()) {
    return failf(ErrorKind::kInvalidInput,
                 "--take must name one of the coders compared ({}), not '{}'",
                 fmt::join(coders, ", "), request.take);
  }
  return {};
}

Result<DisagreementItem> find_item(Store& store, const ReconcileRequest& request) {
  TRY(s, select_scope(store, request.scope));
  auto found = disagreements(agreement_data(s), request.scope.min_overlap);
  if (request.item == 0 || request.item > found.size()) {
    return failf(ErrorKind::kNotFound,
                 "no disagreement {} (there are {}); 'thematica agree disagreements' lists them",
                 request.item, found.size());
  }
  TRY(decisions, store.decisions());
  // Only this item's document text is read.
  Texts texts(store);
  TRY(item, numbered_item(found[request.item - 1], request.item, s, decisions, texts, 0));
  if (item.decision) {
    const auto& d = *item.decision;
    return failf(ErrorKind::kConflict,
                 "disagreement {} was decided already ({}{}, by {} at {}); 'thematica undo' "
                 "reverts the last decision",
                 request.item, d.decision, d.taken.empty() ? "" : " " + d.taken, d.actor, d.time);
  }
  return item;
}

std::string describe_decision(const DisagreementItem& item, const ReconcileRequest& request,
                              std::size_t codings) {
  std::string what =
      request.resolution == Resolution::kTake   ? fmt::format("took {}'s version", request.take)
      : request.resolution == Resolution::kBoth ? "kept every coder's version"
      : request.resolution == Resolution::kAdjust
          ? fmt::format("adjusted to [{}:{})", request.range->start, request.range->end)
          : "discarded";
  return fmt::format("disagreement {} ({} in {} [{}:{}), {}): {}; {} coding{} for {}", request.item,
                     item.code, item.document, item.passage.start, item.passage.end, item.kind,
                     what, codings, codings == 1 ? "" : "s", request.consensus);
}

}  // namespace

const char* resolution_name(Resolution resolution) {
  switch (resolution) {
    case Resolution::kTake:
      return "take";
    case Resolution::kBoth:
      return "both";
    case Resolution::kAdjust:
      return "adjust";
    case Resolution::kDiscard:
      return "discard";
  }
  return "take";
}

Result<Event> reconcile(const ServiceContext& ctx, const ReconcileRequest& request) {
  TRY_STATUS(check_request(request));
  TRY(item, find_item(ctx.store, request));
  TRY(ranges, decided_ranges(item, request));
  return ctx.store.change("agreement.reconcile", ctx.actor, [&]() -> Result<std::string> {
    TRY(consensus, ensure_coder(ctx.store, request.consensus));
    std::size_t added = 0;
    for (const auto& range : ranges) {
      Coding coding;
      coding.document_id = item.document_id;
      coding.code_id = item.code_id;
      coding.coder_id = consensus.id;
      coding.range = range;
      auto inserted = ctx.store.insert_coding(coding);
      // The consensus coder may hold it already (from an earlier decision): nothing to add.
      if (!inserted && inserted.error().kind != ErrorKind::kConflict) {
        return tl::unexpected(inserted.error());
      }
      added += inserted ? 1 : 0;
    }
    ReconciliationDecision decision;
    decision.actor = ctx.actor;
    decision.document_id = item.document_id;
    decision.code_id = item.code_id;
    decision.passage = item.passage;
    decision.coders = request.scope.coders;
    decision.consensus_coder_id = consensus.id;
    decision.kind = item.kind;
    decision.decision = resolution_name(request.resolution);
    decision.taken = request.resolution == Resolution::kTake ? request.take : "";
    decision.memo = request.memo;
    TRY_STATUS(ctx.store.insert_decision(decision).map([](Id) {}));
    return describe_decision(item, request, added);
  });
}

Result<Event> adopt_agreed_codings(const ServiceContext& ctx, const AgreementScope& scope,
                                   const std::string& consensus_name) {
  TRY_STATUS(check_consensus(scope, consensus_name));
  TRY(s, select_scope(ctx.store, scope));
  auto data = agreement_data(s);
  std::uint64_t everyone = (std::uint64_t{1} << data.coders) - 1;
  std::vector<std::size_t> agreed;  // the first coder's codings of codes all coders applied
  for (const auto& p : passages(data, scope.min_overlap)) {
    std::map<std::uint32_t, std::uint64_t> applied;
    for (auto i : p.spans) {
      if (data.spans[i].code < data.codes) {
        applied[data.spans[i].code] |= std::uint64_t{1} << data.spans[i].coder;
      }
    }
    for (auto i : p.spans) {
      const auto& span = data.spans[i];
      if (span.coder == 0 && span.code < data.codes && applied[span.code] == everyone) {
        agreed.push_back(i);
      }
    }
  }
  return ctx.store.change("agreement.adopt", ctx.actor, [&]() -> Result<std::string> {
    TRY(consensus, ensure_coder(ctx.store, consensus_name));
    std::vector<NewCoding> codings(agreed.size());
    for (std::size_t k = 0; k < agreed.size(); ++k) {
      const auto& from = s.codings[agreed[k]];
      codings[k].document_id = from.document_id;
      codings[k].code_id = from.code_id;
      codings[k].coder_id = consensus.id;
      codings[k].range = from.range;
    }
    TRY(added, ctx.store.insert_codings(codings));
    return fmt::format("{} agreed coding{} of {} copied to {} ({} there already)", added,
                       added == 1 ? "" : "s", fmt::join(scope.coders, " and "), consensus_name,
                       static_cast<std::int64_t>(agreed.size()) - added);
  });
}

Result<DisagreementList> list_disagreements(Store& store, const AgreementScope& scope,
                                            std::uint64_t context) {
  TRY(s, select_scope(store, scope));
  auto data = agreement_data(s);
  TRY(decisions, store.decisions());
  DisagreementList out;
  out.coders = names_of(s.coders);
  out.documents = s.documents.size();
  out.excluded = s.excluded;
  Texts texts(store);
  for (const auto& d : disagreements(data, scope.min_overlap)) {
    TRY(item, numbered_item(d, out.items.size() + 1, s, decisions, texts, context));
    out.decided += item.decision ? 1 : 0;
    out.items.push_back(std::move(item));
  }
  return out;
}

}  // namespace thematica
