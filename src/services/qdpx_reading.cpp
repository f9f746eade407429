#include "services/qdpx_reading.hpp"

#include <algorithm>
#include <limits>

#include "core/sha256.hpp"

namespace thematica {
namespace {

// Sources waiting between the two threads: enough to ride out either thread's uneven pace (a
// profile of 1,000 sources showed each thread busy for a second or two while the other waited,
// with 8 here: 15.8 s against 13.2 s with 64), few enough that a project's texts are never all
// in memory at once (64 sources of 100 kB with their selections: tens of MB).
constexpr std::size_t kSourcesInFlight = 64;

// The source's text, byte for byte as the file has it, so that positions keep pointing where the
// exporting program meant.
Result<Text> read_text(QdpxContainer& container, const QdeTextSource& source,
                       std::string_view base_path) {
  std::string bytes;
  if (!source.plain_path.empty()) {
    TRY(read, container.read_source(source.plain_path, base_path));
    bytes = std::move(read);
  } else if (source.inline_text) {
    bytes = *source.inline_text;
  } else {
    return failf(ErrorKind::kInvalidInput,
                 "'{}' has no plain text (no plainTextPath and no PlainTextContent)", source.name);
  }
  auto text = Text::from_utf8(without_bom(std::move(bytes)));
  if (!text) {
    return failf(ErrorKind::kInvalidInput, "the text of '{}' is not UTF-8 ({})", source.name,
                 text.error().message);
  }
  return std::move(*text);
}

// What each selection located by position says it selects: the evidence for the counting.
std::vector<SelectionClaim> claims_of(const QdeTextSource& source) {
  std::vector<SelectionClaim> claims;
  claims.reserve(source.selections.size());
  for (const auto& sel : source.selections) {
    if (sel.from_sync.empty()) {
      claims.push_back(SelectionClaim{sel.start, sel.end,
                                      sel.name ? std::string_view(*sel.name) : std::string_view()});
    }
  }
  return claims;
}

}  // namespace

std::string without_bom(std::string bytes) {
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (std::string_view(bytes).starts_with(kBom)) bytes.erase(0, kBom.size());
  return bytes;
}

QdpxReading::QdpxReading(QdpxContainer& container, QdpxContainer::Pieces pieces)
    : container_(container),
      handover_(kSourcesInFlight),
      spent_(std::numeric_limits<std::size_t>::max()) {
  thread_ = std::thread([this, pieces = std::move(pieces)] { read_all(pieces); });
}

QdpxReading::~QdpxReading() {
  cancel();
  if (thread_.joinable()) thread_.join();
}

void QdpxReading::read_all(const QdpxContainer::Pieces& pieces) {
  auto project = parse_qde(pieces, [&](const QdeProject& so_far, QdeTextSource&& source) -> Status {
    while (spent_.try_take()) {
    }
    if (!handover_.put(read(so_far, std::move(source)))) {
      return fail(ErrorKind::kInternal, "the import stopped before the file was read");
    }
    return {};
  });
  places_.seal();
  outcome_ = std::move(project);
  handover_.close();
}

std::optional<ReadSource> QdpxReading::next() { return handover_.take(); }

void QdpxReading::give_back(ReadSource&& spent) { spent_.put(std::move(spent)); }

void QdpxReading::cancel() { handover_.cancel(); }

Result<QdeProject> QdpxReading::finish() {
  if (thread_.joinable()) thread_.join();
  if (!outcome_) return fail(ErrorKind::kInternal, "the project file was not read (this is a bug)");
  return std::move(*outcome_);
}

ReadSource QdpxReading::read(const QdeProject& so_far, QdeTextSource&& source) {
  ReadSource out;
  out.ordinal = sources_read_++;
  // The project as read so far: everything before the sources (each source is taken out of it
  // before the sink sees it), copied because the parser goes on adding to it.
  if (out.ordinal == 0) out.head = std::make_shared<const QdeProject>(so_far);
  out.text = read_text(container_, source, so_far.base_path);
  if (out.text) {
    const Text& text = *out.text;
    out.sha256 = sha256_hex(text.utf8());
    out.choice = choose_counting(text, claims_of(source), default_counting(so_far.origin));
    PositionMap map(text.utf8(), out.choice.counting);
    read_sync_points(source, map, out);
    locate_selections(source, map, out);
  }
  out.source = std::move(source);
  return out;
}

// Sync points become transcript turns without speakers: each from its point to the next.
void QdpxReading::read_sync_points(QdeTextSource& source, const PositionMap& map, ReadSource& out) {
  auto& points = source.sync_points;
  std::sort(points.begin(), points.end(),
            [](const auto& a, const auto& b) { return a.position < b.position; });
  for (std::size_t i = 0; i < points.size(); ++i) {
    auto start = map.to_code_point(points[i].position);
    auto end = i + 1 < points.size() ? map.to_code_point(points[i + 1].position)
                                     : map.to_code_point(map.length_in_units());
    if (!start || !end) {
      out.sync_problems.push_back(fmt::format("{} lies outside its transcript", points[i].guid));
      continue;
    }
    sync_positions_[points[i].guid] = *start;
    if (*end <= *start) continue;
    Utterance u;
    u.position = static_cast<int>(out.turns.size());
    u.start_ms = points[i].time_ms;
    if (i + 1 < points.size()) u.end_ms = points[i + 1].time_ms;
    u.range = Range{*start, *end};
    out.turns.push_back(std::move(u));
  }
}

void QdpxReading::locate_selections(QdeTextSource& source, const PositionMap& map,
                                    ReadSource& out) {
  out.located.reserve(source.selections.size());
  for (auto& sel : source.selections) {
    LocatedSelection& located = out.located.emplace_back();
    std::optional<std::uint64_t> start, end;
    if (!sel.from_sync.empty()) {
      auto from = sync_positions_.find(sel.from_sync);
      auto to = sync_positions_.find(sel.to_sync);
      if (from == sync_positions_.end() || to == sync_positions_.end()) {
        located.element = "TranscriptSelection";
        located.problem = "names a sync point its transcript does not have";
        continue;
      }
      start = from->second;
      end = to->second;
    } else {
      start = map.to_code_point(sel.start);
      end = map.to_code_point(sel.end);
    }
    if (!start || !end || *end < *start) {
      located.element = "PlainTextSelection";
      located.problem = fmt::format("{}:{} lies outside the text of '{}' ({} positions long)",
                                    sel.start, sel.end, source.name, map.length_in_units());
      continue;
    }
    located.range = Range{*start, *end};
    if (*end > *start) {
      if (auto key = guid_bytes(sel.guid)) {
        places_.add(*key,
                    SelectionPlace{
                        out.ordinal, *located.range,
                        sel.codings.empty() ? std::nullopt : guid_bytes(sel.codings.front().guid)});
      }
    }
    // The selected text served its purpose; freed here rather than on the storing thread.
    sel.name.reset();
  }
}

void SelectionPlaces::seal() {
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.guid.bytes < b.guid.bytes; });
  // Of equal GUIDs (side by side now, in the order added) keep the last.
  auto same = [](const Entry& a, const Entry& b) { return a.guid == b.guid; };
  if (std::adjacent_find(entries_.begin(), entries_.end(), same) == entries_.end()) return;
  std::vector<Entry> kept;
  kept.reserve(entries_.size());
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    if (i + 1 < entries_.size() && entries_[i].guid == entries_[i + 1].guid) continue;
    kept.push_back(entries_[i]);
  }
  entries_ = std::move(kept);
}

const SelectionPlace* SelectionPlaces::find(const GuidBytes& guid) const {
  auto at =
      std::lower_bound(entries_.begin(), entries_.end(), guid,
                       [](const Entry& e, const GuidBytes& g) { return e.guid.bytes < g.bytes; });
  return at != entries_.end() && at->guid == guid ? &at->place : nullptr;
}

}  // namespace thematica
