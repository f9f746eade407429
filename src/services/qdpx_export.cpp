#include "services/qdpx_export.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/sha256.hpp"
#include "interop/offset_counting.hpp"
#include "interop/qde.hpp"
#include "interop/zip_writer.hpp"
#include "services/qdc_exchange.hpp"
#include "services/wording.hpp"

namespace thematica {
namespace {

// A GUID that depends only on `key` (RFC 9562 version 8), so an unchanged project exports the
// same selection GUIDs every time.
std::string derived_guid(std::string_view key) {
  std::string h = sha256_hex(key).substr(0, 32);
  h[12] = '8';
  h[16] = "89ab"[(h[16] - '0') & 3];
  return fmt::format("{}-{}-{}-{}-{}", h.substr(0, 8), h.substr(8, 4), h.substr(12, 4),
                     h.substr(16, 4), h.substr(20, 12));
}

// The text as the file holds it, and positions counted as the profile says.
class ProfileText {
 public:
  ProfileText(const std::string& text, QdpxProfile profile)
      : bytes_(profile == QdpxProfile::kMaxqda ? with_crlf(text) : text),
        map_(bytes_, Counting{profile == QdpxProfile::kNvivo, profile == QdpxProfile::kMaxqda}) {}

  const std::string& bytes() const { return bytes_; }
  std::uint64_t units(std::uint64_t code_point) const {
    auto before = static_cast<std::uint64_t>(
        std::lower_bound(lone_lf_.begin(), lone_lf_.end(), code_point) - lone_lf_.begin());
    return map_.to_units(code_point + before);
  }

 private:
  // Every LF not already after a CR becomes CRLF; lone_lf_ records where (in code points).
  std::string with_crlf(const std::string& text) {
    std::string out;
    out.reserve(text.size() + text.size() / 32);
    std::uint64_t cp = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (c == '\n' && (i == 0 || text[i - 1] != '\r')) {
        lone_lf_.push_back(cp);
        out += '\r';
      }
      out += c;
      if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++cp;
    }
    return out;
  }

  std::vector<std::uint64_t> lone_lf_;
  std::string bytes_;
  PositionMap map_;
};

std::string refi_type(const Variable& v, const std::vector<CaseValue>& values) {
  switch (v.type) {
    case VariableType::kBoolean:
      return "Boolean";
    case VariableType::kDate:
      return "Date";
    case VariableType::kNumber: {
      // xsd:decimal: digits with an optional sign and point, no exponent.
      bool decimal = std::all_of(values.begin(), values.end(), [&](const CaseValue& cv) {
        return cv.variable_id != v.id ||
               (!cv.value.empty() &&
                cv.value.find_first_not_of("+-.0123456789") == std::string::npos);
      });
      return decimal ? "Float" : "Text";
    }
    case VariableType::kText:
    case VariableType::kCategory:
      break;
  }
  return "Text";
}

class Exporter {
 public:
  Exporter(Store& store, QdpxProfile profile, QdpxExportReport& report)
      : store_(store), profile_(profile), report_(report) {}

  Status run(const std::string& path) {
    TRY(zip, ZipWriter::create(path));
    TRY_STATUS(build_head(path));
    QdeWriter writer(project_);
    TRY_STATUS(zip.begin("project.qde"));
    for (const auto& doc : docs_) {
      TRY(source, document_source(doc, zip));
      writer.source(source);
      TRY_STATUS(zip.append(writer.take()));
    }
    TRY_STATUS(zip.append(writer.finish()));
    TRY_STATUS(zip.commit());
    if (important_ > 0) {
      report_.not_written.push_back(fmt::format("{} flagged important: REFI-QDA has no such flag",
                                                count_of(important_, "coding")));
    }
    if (representative_ > 0) {
      report_.not_written.push_back(
          fmt::format("{} marked as representative quotes: REFI-QDA has no such mark",
                      count_of(representative_, "coding")));
    }
    return zip.finish();
  }

 private:
  Status build_head(const std::string& path) {
    project_.name = std::filesystem::path(path).stem().string();
    project_.origin = "Thematica";
    TRY(docs, store_.documents());
    docs_ = std::move(docs);
    for (const auto& d : docs_) doc_guid_[d.id] = d.guid;
    TRY(coders, store_.coders());
    for (const auto& c : coders) {
      project_.users.push_back(QdeUser{c.guid, c.name});
      coder_guid_[c.id] = c.guid;
    }
    TRY(codebook, codebook_for_exchange(store_));
    project_.codes = std::move(codebook.codes);
    TRY(codes, store_.codes());
    for (const auto& c : codes) code_guid_[c.id] = c.guid;
    TRY_STATUS(add_cases_and_variables());
    TRY_STATUS(add_memos());
    TRY_STATUS(add_sets(codebook.sets));
    return add_kept_aside();
  }

  Status add_cases_and_variables() {
    TRY(variables, store_.variables());
    TRY(values, store_.case_values());
    std::map<Id, const Variable*> by_id;
    for (const auto& v : variables) {
      project_.variables.push_back(QdeVariable{v.guid, v.name, refi_type(v, values), {}});
      by_id[v.id] = &v;
      if (v.type == VariableType::kCategory) {
        report_.not_written.push_back(fmt::format(
            "variable '{}' is a category variable; REFI-QDA has none, so it is written as text",
            v.name));
      }
    }
    std::map<std::string, std::string> type_of;
    for (const auto& v : project_.variables) type_of[v.guid] = v.type;
    TRY(cases, store_.cases());
    TRY(links, store_.case_links());
    for (const auto& c : cases) {
      QdeCase out;
      out.guid = c.guid;
      out.name = c.name;
      out.description = c.description;
      for (const auto& cv : values) {
        if (cv.case_id != c.id) continue;
        const Variable& v = *by_id.at(cv.variable_id);
        out.values.push_back(QdeValue{v.guid, type_of[v.guid], cv.value});
      }
      for (const auto& link : links) {
        if (link.case_id != c.id) continue;
        if (!link.range) {
          out.source_refs.push_back(doc_guid_[link.document_id]);
          continue;
        }
        std::string selection = selection_guid(doc_guid_[link.document_id], *link.range);
        out.selection_refs.push_back(selection);
        linked_spans_[link.document_id].insert({link.range->start, link.range->end});
      }
      project_.cases.push_back(std::move(out));
    }
    return {};
  }

  static std::string selection_guid(const std::string& document_guid, const Range& range) {
    return derived_guid(fmt::format("{}:{}:{}", document_guid, range.start, range.end));
  }

  Status add_memos() {
    TRY(memos, store_.memos());
    for (const auto& m : memos) {
      QdeNote note;
      note.guid = m.guid;
      note.inline_text = m.text;
      note.user_guid = coder_guid_[m.coder_id];
      note.created_at = m.created_at;
      project_.notes.push_back(std::move(note));
      std::string target;
      if (m.target == MemoTarget::kDocument) target = doc_guid_[*m.target_id];
      if (m.target == MemoTarget::kCode) target = code_guid_[*m.target_id];
      if (m.target == MemoTarget::kCoding) {
        TRY(coding, store_.find_coding(*m.target_id));
        if (coding) target = coding->guid;
      }
      project_.note_refs.push_back(QdeNoteRef{target, m.guid, 0});
      ++report_.memos;
    }
    return {};
  }

  Status add_sets(const std::vector<QdcSet>& code_sets) {
    for (const auto& s : code_sets) {
      project_.sets.push_back(QdeSet{s.guid, s.name, s.description, s.members, {}, {}, 0});
    }
    TRY(groups, store_.groups());
    TRY(members, store_.group_members());
    for (const auto& g : groups) {
      QdeSet set{g.guid, g.name, {}, {}, {}, {}, 0};
      for (const auto& m : members) {
        if (m.group_id == g.id) set.member_sources.push_back(doc_guid_[m.document_id]);
      }
      project_.sets.push_back(std::move(set));
    }
    return {};
  }

  // Links and graphs go back into the file; regions and media whose files the project does not
  // hold cannot, and the user is told.
  Status add_kept_aside() {
    TRY(kept, store_.kept_aside());
    for (auto& k : kept) {
      if (k.element == "Link" || k.element == "Graph") {
        project_.kept_aside.push_back(
            QdeKeptAside{k.element, k.guid, k.name, k.owner_guid, k.xml, 0});
      } else {
        report_.not_written.push_back(
            fmt::format("{}{}: kept from an import, but its file is not in the project", k.element,
                        k.name.empty() ? std::string() : " '" + k.name + "'"));
      }
    }
    return {};
  }

  Result<QdeTextSource> document_source(const Document& doc, ZipWriter& zip) {
    TRY(raw, store_.document_text(doc.id));
    TRY(text, Text::from_utf8(std::move(raw)));
    ProfileText file(text.utf8(), profile_);
    QdeTextSource source;
    source.guid = doc.guid;
    source.name = doc.name;
    source.plain_path = fmt::format("internal://{}.txt", doc.guid);
    TRY(codings, store_.codings(CodingFilter{{}, {}, {doc.id}}));
    std::map<std::pair<std::uint64_t, std::uint64_t>, QdeSelection> by_span;
    for (const auto& c : codings) {
      QdeSelection& sel = span(by_span, doc, text, file, c.range);
      if (sel.description.empty()) sel.description = c.comment;
      sel.codings.push_back(
          QdeCoding{c.guid, code_guid_[c.code_id], coder_guid_[c.coder_id], c.created_at, 0});
      important_ += c.important ? 1 : 0;
      representative_ += c.representative ? 1 : 0;
    }
    for (const auto& [start, end] : linked_spans_[doc.id]) {
      span(by_span, doc, text, file, Range{start, end});
    }
    for (auto& [key, sel] : by_span) source.selections.push_back(std::move(sel));
    report_.codings += static_cast<std::int64_t>(codings.size());
    ++report_.documents;
    TRY_STATUS(zip.add(fmt::format("sources/{}.txt", doc.guid), file.bytes()));
    return source;
  }

  QdeSelection& span(std::map<std::pair<std::uint64_t, std::uint64_t>, QdeSelection>& by_span,
                     const Document& doc, const Text& text, const ProfileText& file,
                     const Range& range) {
    auto [it, added] = by_span.try_emplace({range.start, range.end});
    if (added) {
      QdeSelection& sel = it->second;
      sel.guid = selection_guid(doc.guid, range);
      sel.name = std::string(text.slice(range));
      sel.start = file.units(range.start);
      sel.end = file.units(range.end);
    }
    return it->second;
  }

  Store& store_;
  QdpxProfile profile_;
  QdpxExportReport& report_;
  QdeProject project_;
  std::vector<Document> docs_;
  std::map<Id, std::string> doc_guid_;
  std::map<Id, std::string> coder_guid_;
  std::map<Id, std::string> code_guid_;
  std::map<Id, std::set<std::pair<std::uint64_t, std::uint64_t>>> linked_spans_;
  std::int64_t important_ = 0;
  std::int64_t representative_ = 0;
};

}  // namespace

Result<QdpxProfile> parse_qdpx_profile(const std::string& name) {
  if (name == "standard") return QdpxProfile::kStandard;
  if (name == "nvivo") return QdpxProfile::kNvivo;
  if (name == "maxqda") return QdpxProfile::kMaxqda;
  return failf(ErrorKind::kInvalidInput,
               "unknown profile '{}': use standard (code points, as the REFI-QDA standard says), "
               "nvivo (UTF-16 units) or maxqda (CRLF line ends counted as one)",
               name);
}

Result<QdpxExportReport> export_qdpx(Store& store, const std::string& path, QdpxProfile profile) {
  QdpxExportReport report;
  Exporter exporter(store, profile, report);
  TRY_STATUS(exporter.run(path));
  return report;
}

}  // namespace thematica
