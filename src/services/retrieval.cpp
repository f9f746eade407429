#include "services/retrieval.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <span>
#include <unordered_map>
#include <unordered_set>

#include "analysis/code_overlap.hpp"
#include "core/csv.hpp"
#include "core/utf8.hpp"
#include "services/lookup.hpp"

namespace thematica {
namespace {

// The ids each code named stands for: itself, or its whole branch.
Result<std::vector<std::vector<Id>>> resolve_codes(const SegmentQuery& q, const Codebook& book) {
  std::vector<std::vector<Id>> groups;
  for (const auto& path : q.codes) {
    TRY(code, book.resolve(path));
    groups.push_back(q.include_subcodes ? book.subtree(code->id) : std::vector<Id>{code->id});
  }
  return groups;
}

void keep_overlapping(std::vector<Coding>& codings, const std::vector<std::vector<Id>>& groups) {
  auto keep = overlapping_every_code(codings, groups);
  std::size_t i = 0;
  std::erase_if(codings, [&](const Coding&) { return !keep[i++]; });
}

Result<std::vector<Id>> resolve_documents(Store& store, const SegmentQuery& q) {
  std::vector<Id> ids;
  for (const auto& name : q.documents) {
    TRY(doc, require_document(store, name));
    ids.push_back(doc.id);
  }
  if (!q.group) return ids;
  TRY(group, require_group(store, *q.group));
  TRY(members, store.group_members());
  std::set<Id> in_group;
  for (const auto& m : members) {
    if (m.group_id == group.id) in_group.insert(m.document_id);
  }
  if (ids.empty()) return std::vector<Id>(in_group.begin(), in_group.end());
  std::erase_if(ids, [&](Id id) { return !in_group.contains(id); });
  if (ids.empty()) ids.push_back(-1);  // nothing can match; an empty list would mean "any"
  return ids;
}

// The case links whose case has every value in `where`.
Result<std::vector<CaseLink>> matching_links(Store& store, const SegmentQuery& q) {
  TRY(values, store.case_values());
  std::map<Id, int> satisfied;  // case id -> number of conditions met
  for (const auto& [name, raw] : q.where) {
    TRY(variable, require_variable(store, name));
    TRY(wanted, canonical_value(variable, raw));
    for (const auto& v : values) {
      if (v.variable_id == variable.id && v.value == wanted) ++satisfied[v.case_id];
    }
  }
  TRY(links, store.case_links());
  std::erase_if(links, [&](const CaseLink& link) {
    auto it = satisfied.find(link.case_id);
    return it == satisfied.end() || it->second != static_cast<int>(q.where.size());
  });
  return links;
}

bool belongs_to_links(const Coding& c, const std::vector<CaseLink>& links) {
  return std::any_of(links.begin(), links.end(), [&](const CaseLink& link) {
    return link.document_id == c.document_id && (!link.range || link.range->overlaps(c.range));
  });
}

// Appends the segments of `codings` (all of one document) with their text and `context` code
// points on each side, reading only those bytes of the document.
Status read_segment_texts(Store& store, std::span<Coding> codings, std::uint64_t context,
                          std::vector<Segment>& out) {
  // A code point takes at most four bytes, so this much around a segment holds its context.
  std::uint64_t margin = context * 4;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> spans;
  spans.reserve(codings.size());
  for (const Coding& c : codings) {
    spans.emplace_back(c.byte_start > margin ? c.byte_start - margin : 0, c.byte_end + margin);
  }
  TRY(texts, store.read_text_spans(codings.front().document_id, spans));
  for (std::size_t i = 0; i < codings.size(); ++i) {
    Segment s;
    if (context == 0) {
      s.text = std::move(texts[i]);  // the span is exactly the segment
    } else {
      std::string_view bytes = texts[i];
      std::size_t lead = codings[i].byte_start - spans[i].first;
      std::size_t length = codings[i].byte_end - codings[i].byte_start;
      s.text = std::string(bytes.substr(lead, length));
      s.before = std::string(last_code_points(bytes.substr(0, lead), context));
      s.after = std::string(first_code_points(bytes.substr(lead + length), context));
    }
    s.coding = std::move(codings[i]);
    out.push_back(std::move(s));
  }
  return {};
}

// Removes codings lying inside a turn of a speaker left out of analysis (an interviewer).
Status drop_unanalysed_turns(Store& store, std::vector<Coding>& codings) {
  TRY(cases, store.cases());
  std::unordered_set<Id> left_out;
  for (const auto& c : cases) {
    if (!c.analysed) left_out.insert(c.id);
  }
  if (left_out.empty() || codings.empty()) return {};
  std::vector<Id> docs;
  for (const auto& c : codings) {
    if (docs.empty() || docs.back() != c.document_id) docs.push_back(c.document_id);
  }
  TRY(turns, store.utterances(docs));
  std::unordered_map<Id, std::vector<Range>> skipped;  // per document, in text order
  for (const auto& u : turns) {
    if (u.case_id && left_out.contains(*u.case_id)) skipped[u.document_id].push_back(u.range);
  }
  std::erase_if(codings, [&](const Coding& c) {
    const auto& ranges = skipped[c.document_id];
    auto after = std::upper_bound(ranges.begin(), ranges.end(), c.range.start,
                                  [](std::uint64_t at, const Range& r) { return at < r.start; });
    return after != ranges.begin() && c.range.end <= std::prev(after)->end;
  });
  return {};
}

using CaseValues = std::vector<std::pair<std::string, std::string>>;

// Every case's variable values, by variable name.
Result<std::unordered_map<Id, CaseValues>> case_values_by_case(Store& store) {
  TRY(variables, store.variables());
  TRY(values, store.case_values());
  std::unordered_map<Id, std::string> names;
  for (const auto& v : variables) names[v.id] = v.name;
  std::unordered_map<Id, CaseValues> out;
  for (const auto& v : values) out[v.case_id].emplace_back(names[v.variable_id], v.value);
  for (auto& [id, list] : out) std::sort(list.begin(), list.end());
  return out;
}

// Sets Segment::page for segments of paginated documents (`segments` is sorted by document).
Status find_pages(Store& store, std::vector<Segment>& segments) {
  std::optional<Id> doc;
  std::vector<std::uint64_t> starts;
  for (auto& s : segments) {
    if (doc != s.coding.document_id) {
      doc = s.coding.document_id;
      TRY(found, store.page_starts(*doc));
      starts = std::move(found);
    }
    if (starts.empty()) continue;
    auto after = std::upper_bound(starts.begin(), starts.end(), s.coding.range.start);
    s.page = static_cast<int>(after - starts.begin());
  }
  return {};
}

// Fills Segment::speakers from the turns each segment overlaps (and Segment::turn from the first
// of them); a speaker is named by its case (which the user may have renamed) or else by the label
// in the file.
// A segment's speakers are those of the turns it overlaps; in a document without turns that is
// linked as a whole to exactly one case (an interview, an essay), that case is the speaker.
Status name_speakers(Store& store, std::vector<Segment>& segments) {
  std::vector<Id> docs;
  for (const auto& s : segments) {
    if (docs.empty() || docs.back() != s.coding.document_id) docs.push_back(s.coding.document_id);
  }
  if (docs.empty()) return {};
  TRY(turns, store.utterances(docs));
  TRY(links, store.whole_document_links());
  std::unordered_map<Id, std::vector<Id>> whole_document_cases;
  for (const auto& link : links) whole_document_cases[link.document_id].push_back(link.case_id);
  if (turns.empty() && whole_document_cases.empty()) return {};
  TRY(cases, store.cases());
  std::unordered_map<Id, std::string> case_names;
  for (const auto& c : cases) case_names[c.id] = c.name;
  TRY(values, case_values_by_case(store));
  std::unordered_map<Id, std::vector<const Utterance*>> by_document;
  for (const auto& u : turns) by_document[u.document_id].push_back(&u);
  for (auto& s : segments) {
    const auto& doc_turns = by_document[s.coding.document_id];
    if (doc_turns.empty()) {
      auto linked = whole_document_cases.find(s.coding.document_id);
      if (linked != whole_document_cases.end() && linked->second.size() == 1) {
        Id case_id = linked->second.front();
        s.speakers.push_back(case_names[case_id]);
        s.speaker_values.push_back(values[case_id]);
      }
      continue;
    }
    // Turns are in text order and do not overlap: start at the first that ends after the
    // segment's start.
    auto first = std::partition_point(doc_turns.begin(), doc_turns.end(), [&](const Utterance* u) {
      return u->range.end <= s.coding.range.start;
    });
    for (auto it = first; it != doc_turns.end(); ++it) {
      const Utterance* u = *it;
      if (u->range.start >= s.coding.range.end) break;
      if (!u->range.overlaps(s.coding.range)) continue;
      if (!s.turn) {
        s.turn = u->position;
        s.turn_start_ms = u->start_ms;
      }
      if (u->speaker_label.empty()) continue;
      std::string name = u->case_id ? case_names[*u->case_id] : u->speaker_label;
      if (std::find(s.speakers.begin(), s.speakers.end(), name) == s.speakers.end()) {
        s.speakers.push_back(std::move(name));
        s.speaker_values.push_back(u->case_id ? values[*u->case_id] : CaseValues{});
      }
    }
  }
  return {};
}

}  // namespace

Result<std::vector<Segment>> find_segments(Store& store, const SegmentQuery& q) {
  TRY(book, load_codebook(store));
  CodingFilter filter;
  TRY(code_groups, resolve_codes(q, book));
  for (const auto& group : code_groups) {
    filter.code_ids.insert(filter.code_ids.end(), group.begin(), group.end());
  }
  for (const auto& name : q.coders) {
    TRY(coder, require_coder(store, name));
    filter.coder_ids.push_back(coder.id);
  }
  TRY(doc_ids, resolve_documents(store, q));
  filter.document_ids = std::move(doc_ids);
  TRY(codings, store.codings(filter));
  if (q.overlapping && code_groups.size() > 1) keep_overlapping(codings, code_groups);
  if (!q.where.empty()) {
    TRY(links, matching_links(store, q));
    std::erase_if(codings, [&](const Coding& c) { return !belongs_to_links(c, links); });
  }
  if (!q.all_speakers) TRY_STATUS(drop_unanalysed_turns(store, codings));

  TRY(docs, store.documents());
  TRY(coders, store.coders());
  std::unordered_map<Id, std::string> doc_names, coder_names, code_paths;
  for (const auto& d : docs) doc_names[d.id] = d.name;
  for (const auto& c : coders) coder_names[c.id] = c.name;
  for (const auto& c : book.codes()) code_paths[c.id] = book.path_of(c.id);

  std::vector<Segment> out;
  out.reserve(codings.size());
  // Codings come sorted by document: read each document's spans in one go.
  for (std::size_t first = 0; first < codings.size();) {
    std::size_t last = first;
    while (last < codings.size() && codings[last].document_id == codings[first].document_id) {
      ++last;
    }
    TRY_STATUS(
        read_segment_texts(store, std::span(codings).subspan(first, last - first), q.context, out));
    first = last;
  }
  for (auto& s : out) {
    s.document = doc_names[s.coding.document_id];
    s.code = code_paths[s.coding.code_id];
    s.coder = coder_names[s.coding.coder_id];
  }
  TRY_STATUS(name_speakers(store, out));
  TRY_STATUS(find_pages(store, out));
  return out;
}

Result<FrequencyTable> code_frequencies(Store& store, FrequencyAxis axis, bool all_speakers) {
  TRY(book, load_codebook(store));
  TRY(cells, store.frequencies(axis, !all_speakers));
  FrequencyTable table;
  table.axis = axis;
  std::unordered_map<Id, std::size_t> column_of;
  if (axis == FrequencyAxis::kDocument) {
    TRY(docs, store.documents());
    for (const auto& d : docs) {
      column_of[d.id] = table.columns.size();
      table.columns.push_back(d.name);
    }
  } else {
    TRY(coders, store.coders());
    for (const auto& c : coders) {
      column_of[c.id] = table.columns.size();
      table.columns.push_back(c.name);
    }
  }
  std::unordered_map<Id, std::size_t> row_of;
  for (const Code* code : book.in_tree_order()) {
    row_of[code->id] = table.rows.size();
    table.rows.push_back(
        {book.path_of(code->id), std::vector<std::int64_t>(table.columns.size()), 0});
  }
  for (const auto& cell : cells) {
    auto& row = table.rows[row_of.at(cell.code_id)];
    row.counts[column_of.at(cell.other_id)] += cell.count;
    row.total += cell.count;
  }
  return table;
}

namespace {

std::string speaker_values_text(const Segment& s) {
  std::string out;
  for (std::size_t i = 0; i < s.speaker_values.size(); ++i) {
    if (i > 0) out += " | ";
    for (std::size_t k = 0; k < s.speaker_values[i].size(); ++k) {
      if (k > 0) out += "; ";
      out += s.speaker_values[i][k].first + "=" + s.speaker_values[i][k].second;
    }
  }
  return out;
}

std::string joined(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) out += (i > 0 ? separator : "") + items[i];
  return out;
}

}  // namespace

std::string segments_csv(const std::vector<Segment>& segments) {
  std::string out =
      format_csv_row({"id", "document", "code", "coder", "start", "end", "speakers",
                      "speaker_values", "text", "comment", "important", "representative"});
  for (const auto& s : segments) {
    out += format_csv_row({std::to_string(s.coding.id), s.document, s.code, s.coder,
                           std::to_string(s.coding.range.start), std::to_string(s.coding.range.end),
                           joined(s.speakers, " | "), speaker_values_text(s), s.text,
                           s.coding.comment, s.coding.important ? "true" : "false",
                           s.coding.representative ? "true" : "false"});
  }
  return out;
}

}  // namespace thematica
