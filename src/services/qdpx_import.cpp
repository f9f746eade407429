#include "services/qdpx_import.hpp"

#include "core/guid.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>

#include "core/ascii.hpp"
#include "core/utf8.hpp"
#include "interop/qde.hpp"
#include "services/documents.hpp"
#include "services/lookup.hpp"
#include "services/qdc_exchange.hpp"
#include "services/qdpx_reading.hpp"
#include "services/wording.hpp"

namespace thematica {
namespace {

// Codings are inserted in batches this large: enough for the store's bulk path to pay off, small
// enough that a million codings never sit in memory at once.
constexpr std::size_t kCodingBatch = 200000;

const char* kind_name(QdeSourceKind kind) {
  switch (kind) {
    case QdeSourceKind::kPdf:
      return "pdf";
    case QdeSourceKind::kTranscript:
      return "transcript";
    case QdeSourceKind::kText:
      break;
  }
  return "text";
}

VariableType variable_type(std::string_view refi_type) {
  if (refi_type == "Boolean") return VariableType::kBoolean;
  if (refi_type == "Integer" || refi_type == "Float") return VariableType::kNumber;
  if (refi_type == "Date") return VariableType::kDate;
  return VariableType::kText;  // Text, and DateTime (kept as written)
}

class Importer {
 public:
  Importer(Store& store, QdpxContainer& container, const QdpxImportOptions& options,
           QdpxImportReport& report)
      : store_(store), container_(container), options_(options), report_(report) {}

  Status run() {
    TRY(next_piece, container_.read_qde());
    TRY_STATUS(load_project_state());
    TRY_STATUS(store_.begin_bulk_codings());
    QdpxReading reading(container_, std::move(next_piece));
    while (auto read = reading.next()) {
      if (auto added = add_source(*read); !added) {
        reading.cancel();
        return added;
      }
      reading.give_back(std::move(*read));
    }
    TRY(project, reading.finish());
    selections_ = reading.take_selection_places();
    TRY_STATUS(ensure_head(project));
    TRY_STATUS(flush_codings());
    TRY_STATUS(store_.end_bulk_codings());
    TRY_STATUS(add_case_links(project));
    TRY_STATUS(add_notes(project));
    TRY_STATUS(add_sets(project));
    return keep_aside(project);
  }

 private:
  // --- What the project already holds (for merging, and for unique names) ---
  Status load_project_state() {
    TRY(docs, store_.documents());
    for (auto& d : docs) {
      names_taken_.insert(ascii_lower(d.name));
      docs_by_hash_.emplace(d.sha256, d.id);
      docs_by_guid_.emplace(ascii_lower(d.guid), std::move(d));
    }
    TRY(coders, store_.coders());
    for (const auto& c : coders) {
      coders_by_name_[ascii_lower(c.name)] = c.id;
      coders_by_guid_[ascii_lower(c.guid)] = c.id;
    }
    return {};
  }

  // --- Users, codebook, variables and cases: everything before the sources ---
  Status ensure_head(const QdeProject& project) {
    if (head_done_) return {};
    head_done_ = true;
    report_.project_name = project.name;
    report_.origin = project.origin;
    base_path_ = project.base_path;
    TRY_STATUS(add_users(project));
    QdcImport codebook;
    TRY(codes, add_codebook(store_, QdcCodebook{project.origin, project.codes, {}}, codebook));
    codes_ = std::move(codes);
    report_.codes_added = codebook.added;
    report_.codes_matched = codebook.matched;
    for (const auto& path : codebook.not_codable) {
      report_.notes.push_back(
          fmt::format("code '{}' is a folder in the file (isCodable=\"false\"); "
                      "it is an ordinary code here",
                      path));
    }
    TRY_STATUS(add_variables(project));
    return add_cases(project);
  }

  Status add_users(const QdeProject& project) {
    for (const auto& user : project.users) {
      std::string name =
          user.name.empty() ? fmt::format("user {}", user.guid.substr(0, 8)) : user.name;
      if (auto g = coders_by_guid_.find(user.guid); g != coders_by_guid_.end()) {
        users_[user.guid] = g->second;
      } else if (auto n = coders_by_name_.find(ascii_lower(name)); n != coders_by_name_.end()) {
        users_[user.guid] = n->second;
      } else {
        TRY(coder, store_.insert_coder(name, user.guid));
        users_[user.guid] = coder.id;
        coders_by_name_[ascii_lower(name)] = coder.id;
        ++report_.coders_added;
      }
    }
    fallback_user_ = project.creating_user;
    if (fallback_user_.empty() && project.users.size() == 1) fallback_user_ = project.users[0].guid;
    return {};
  }

  // The coder for an element made by `user_guid` (or by whoever made what holds it).
  Result<Id> coder_for(std::initializer_list<std::string_view> user_guids) {
    for (auto guid : user_guids) {
      if (auto found = users_.find(guid); found != users_.end()) return found->second;
    }
    if (auto found = users_.find(fallback_user_); found != users_.end()) return found->second;
    if (!unattributed_) {
      std::string name =
          fmt::format("unattributed ({})", report_.origin.empty() ? "REFI-QDA" : report_.origin);
      TRY(coder, ensure_coder(store_, name));
      unattributed_ = coder.id;
      report_.notes.push_back(fmt::format(
          "codings and notes the file does not attribute to a user belong to the coder '{}'",
          name));
    }
    return *unattributed_;
  }

  Status add_variables(const QdeProject& project) {
    TRY(existing, store_.variables());
    for (const auto& v : project.variables) {
      auto same = std::find_if(existing.begin(), existing.end(),
                               [&](const Variable& e) { return iequals_ascii(e.name, v.name); });
      if (same != existing.end()) {
        variables_[v.guid] = *same;
        continue;
      }
      TRY(made, store_.insert_variable(Variable{0, v.guid, v.name, variable_type(v.type), {}}));
      variables_[v.guid] = made;
      existing.push_back(made);
      ++report_.variables;
    }
    return {};
  }

  // Sets a case's values; a value its variable cannot hold is skipped (or refuses the import).
  Status set_values(Id case_id, const std::vector<QdeValue>& values, std::size_t line) {
    for (const auto& value : values) {
      auto variable = variables_.find(value.variable_guid);
      if (variable == variables_.end()) {
        TRY_STATUS(problem(line, "VariableValue",
                           "names no variable of the file: " + value.variable_guid));
        continue;
      }
      auto canonical = canonical_value(variable->second, value.value);
      if (!canonical) {
        TRY_STATUS(problem(line, "VariableValue", canonical.error().message));
        continue;
      }
      TRY_STATUS(store_.set_case_value(CaseValue{case_id, variable->second.id, *canonical}));
    }
    return {};
  }

  Result<Id> ensure_case(const std::string& name, const std::string& guid) {
    TRY(found, store_.find_case(name));
    if (found) return found->id;
    TRY(made, store_.insert_case(name, guid));
    ++report_.cases;
    return made.id;
  }

  Status add_cases(const QdeProject& project) {
    for (const auto& c : project.cases) {
      if (!c.code_refs.empty()) {
        report_.notes.push_back(fmt::format(
            "line {}: case '{}' marks its members by {}; Thematica links cases to documents and "
            "spans instead, so those references are not kept",
            c.line, c.name, count_of(static_cast<std::int64_t>(c.code_refs.size()), "code")));
      }
      // MAXQDA's nameless cases carry a document's variables; they are named after it later.
      if (c.name.empty()) continue;
      TRY(id, ensure_case(c.name, c.guid));
      TRY_STATUS(set_values(id, c.values, c.line));
    }
    return {};
  }

  // --- Sources ---
  Status add_source(ReadSource& read) {
    if (read.head) TRY_STATUS(ensure_head(*read.head));
    document_of_source_.resize(read.ordinal + 1, 0);
    const QdeTextSource& source = read.source;
    if (!read.text) return problem(source.line, element_of(source), read.text.error().message);
    auto document = place_document(source, *read.text, read.sha256);
    if (!document) return problem(source.line, element_of(source), document.error().message);
    if (*document == 0) return {};  // a conflict, reported
    document_of_source_[read.ordinal] = *document;
    return add_selections(read, *document);
  }

  static std::string element_of(const QdeTextSource& source) {
    switch (source.kind) {
      case QdeSourceKind::kPdf:
        return "PDFSource";
      case QdeSourceKind::kTranscript:
        return "Transcript";
      case QdeSourceKind::kText:
        break;
    }
    return "TextSource";
  }

  std::string unique_name(std::string name) {
    if (name.empty()) name = "source";
    std::string candidate = name;
    for (int n = 2; names_taken_.contains(ascii_lower(candidate)); ++n) {
      candidate = fmt::format("{} ({})", name, n);
    }
    names_taken_.insert(ascii_lower(candidate));
    return candidate;
  }

  // The document the source's codings go to: a new one, or (merging) the same text already here.
  // 0 when the source conflicts with a document of the project.
  Result<Id> place_document(const QdeTextSource& source, const Text& text,
                            const std::string& hash) {
    if (auto same = docs_by_guid_.find(source.guid); same != docs_by_guid_.end()) {
      if (same->second.sha256 == hash && options_.merge) {
        ++report_.documents_matched;
        return same->second.id;
      }
      if (!options_.merge) {
        return failf(ErrorKind::kConflict,
                     "the project already holds this document ('{}', same GUID); to bring in "
                     "another copy's work, import with --merge",
                     same->second.name);
      }
      report_.conflicts.push_back(fmt::format(
          "'{}': the project's document '{}' has the same GUID but a different text; left out",
          source.name, same->second.name));
      return Id{0};
    }
    if (options_.merge) {
      if (auto same = docs_by_hash_.find(hash); same != docs_by_hash_.end()) {
        ++report_.documents_matched;
        return same->second;
      }
    }
    Document d;
    d.guid = source.guid;
    d.name =
        unique_name(source.name.empty() ? std::filesystem::path(source.plain_path).stem().string()
                                        : source.name);
    if (options_.merge && ascii_lower(d.name) != ascii_lower(source.name) && !source.name.empty()) {
      report_.conflicts.push_back(
          fmt::format("'{}': a different document of that name is in the project; added as '{}'",
                      source.name, d.name));
    }
    d.kind = kind_name(source.kind);
    d.original_name = source.plain_path.empty()
                          ? source.name
                          : std::filesystem::path(source.plain_path).filename().string();
    TRY(stored, add_document(store_, d, text, hash));
    docs_by_hash_.emplace(hash, stored.id);
    docs_by_guid_.emplace(source.guid, stored);
    ++report_.documents_added;
    if (!source.description.empty()) {
      TRY_STATUS(
          add_memo(MemoTarget::kDocument, stored.id, source.description, {source.user_guid}));
    }
    if (!source.values.empty()) {
      TRY(id, ensure_case(d.name, {}));
      TRY_STATUS(set_values(id, source.values, source.line));
      TRY_STATUS(store_.insert_case_link(CaseLink{id, stored.id, std::nullopt}));
    }
    return stored.id;
  }

  // Takes the codings' strings out of `read`: a million of them are moved, not copied.
  Status add_selections(ReadSource& read, Id document_id) {
    QdeTextSource& source = read.source;
    std::string name = docs_by_guid_.at(source.guid).name;
    report_.countings.push_back(fmt::format("{}: {}", name, describe(read.choice)));
    for (const auto& what : read.sync_problems) {
      TRY_STATUS(problem(source.line, "SyncPoint", what));
    }
    if (!read.turns.empty()) {
      for (auto& turn : read.turns) turn.document_id = document_id;
      TRY_STATUS(store_.insert_utterances(read.turns));
    }
    for (std::size_t i = 0; i < source.selections.size(); ++i) {
      TRY_STATUS(add_selection(source, source.selections[i], read.located[i], document_id));
    }
    for (auto& coding : source.codings) {
      TRY_STATUS(
          add_coding(coding, document_id, Range{0, read.text->length()}, "", source.user_guid));
    }
    return {};
  }

  Status add_selection(const QdeTextSource& source, QdeSelection& sel,
                       const LocatedSelection& located, Id document_id) {
    if (!located.range) return problem(sel.line, located.element, located.problem);
    const Range& range = *located.range;
    if (range.start == range.end) {
      report_.notes.push_back(
          fmt::format("line {}: an empty selection ({}) was left out", sel.line, range.start));
      return {};
    }
    if (sel.codings.empty() && !sel.description.empty()) {
      // A memo on a passage (MAXQDA, f4): kept as a document memo that says where it is.
      TRY_STATUS(add_memo(MemoTarget::kDocument, document_id,
                          fmt::format("[{}:{}] {}", range.start, range.end, sel.description),
                          {sel.user_guid, source.user_guid}));
    }
    for (auto& coding : sel.codings) {
      TRY_STATUS(add_coding(coding, document_id, range, sel.description, sel.user_guid));
    }
    return {};
  }

  // Moves the coding's GUID and time into the batch.
  Status add_coding(QdeCoding& coding, Id document_id, Range range, const std::string& comment,
                    const std::string& selection_user) {
    auto code = codes_.find(coding.code_guid);
    if (code == codes_.end()) {
      return problem(
          coding.line, "Coding",
          "names no code of the codebook: " +
              (coding.code_guid.empty() ? std::string("(no CodeRef)") : coding.code_guid));
    }
    TRY(coder, coder_for({coding.user_guid, selection_user}));
    pending_.push_back(NewCoding{document_id, code->second, coder, range, std::move(coding.guid),
                                 comment, std::move(coding.created_at)});
    if (pending_.size() >= kCodingBatch) return flush_codings();
    return {};
  }

  // Where a selection landed, when its source became (or matched) a document of the project.
  struct Landed {
    Id document_id = 0;
    const SelectionPlace* place = nullptr;
  };
  std::optional<Landed> selection(std::string_view guid) const {
    auto key = guid_bytes(guid);
    const SelectionPlace* place = key ? selections_.find(*key) : nullptr;
    if (place == nullptr) return std::nullopt;
    Id document =
        place->source < document_of_source_.size() ? document_of_source_[place->source] : 0;
    if (document == 0) return std::nullopt;
    return Landed{document, place};
  }

  Status flush_codings() {
    if (pending_.empty()) return {};
    TRY(inserted, store_.insert_codings(pending_));
    report_.codings_added += inserted;
    report_.codings_already += static_cast<std::int64_t>(pending_.size()) - inserted;
    pending_.clear();
    return {};
  }

  // --- What refers to sources: case links, notes, sets ---
  Status add_case_links(const QdeProject& project) {
    for (const auto& c : project.cases) {
      std::vector<CaseLink> links;
      std::optional<Id> case_id;
      if (!c.name.empty()) {
        TRY(found, store_.find_case(c.name));
        if (found) case_id = found->id;
      } else if (c.source_refs.size() == 1) {
        auto doc = docs_by_guid_.find(c.source_refs[0]);
        if (doc == docs_by_guid_.end()) continue;
        TRY(id, ensure_case(doc->second.name, c.guid));
        TRY_STATUS(set_values(id, c.values, c.line));
        case_id = id;
      }
      if (!case_id) continue;
      for (const auto& ref : c.source_refs) {
        if (auto doc = docs_by_guid_.find(ref); doc != docs_by_guid_.end()) {
          links.push_back(CaseLink{*case_id, doc->second.id, std::nullopt});
        }
      }
      for (const auto& ref : c.selection_refs) {
        if (auto sel = selection(ref)) {
          links.push_back(CaseLink{*case_id, sel->document_id, sel->place->range});
        }
      }
      TRY_STATUS(store_.insert_case_links(links));
    }
    return {};
  }

  Status add_memo(MemoTarget target, std::optional<Id> target_id, const std::string& text,
                  std::initializer_list<std::string_view> users) {
    TRY(coder, coder_for(users));
    Memo memo;
    memo.target = target;
    memo.target_id = target_id;
    memo.coder_id = coder;
    memo.text = text;
    TRY_STATUS(store_.insert_memo(memo));
    ++report_.memos;
    return {};
  }

  // Attaches a note to what `target` names; false when it names nothing memos can be on.
  Result<bool> attach(const std::string& target, const std::string& text, const std::string& user) {
    if (target.empty()) {
      TRY_STATUS(add_memo(MemoTarget::kProject, std::nullopt, text, {user}));
      return true;
    }
    if (auto code = codes_.find(target); code != codes_.end()) {
      TRY_STATUS(add_memo(MemoTarget::kCode, code->second, text, {user}));
      return true;
    }
    if (auto doc = docs_by_guid_.find(target); doc != docs_by_guid_.end()) {
      TRY_STATUS(add_memo(MemoTarget::kDocument, doc->second.id, text, {user}));
      return true;
    }
    std::string coding_guid = target;
    if (auto sel = selection(target)) {
      const SelectionPlace& place = *sel->place;
      if (!place.first_coding) {
        TRY_STATUS(add_memo(MemoTarget::kDocument, sel->document_id,
                            fmt::format("[{}:{}] {}", place.range.start, place.range.end, text),
                            {user}));
        return true;
      }
      coding_guid = guid_string(*place.first_coding);
    }
    TRY(coding, store_.find_coding_id(coding_guid));
    if (!coding) return false;
    TRY_STATUS(add_memo(MemoTarget::kCoding, *coding, text, {user}));
    return true;
  }

  Status add_notes(const QdeProject& project) {
    std::multimap<std::string, std::string> targets;  // note -> what it is attached to
    for (const auto& ref : project.note_refs) targets.emplace(ref.note_guid, ref.target_guid);
    for (const auto& link : project.links) {
      targets.emplace(link.origin_guid, link.target_guid);
      targets.emplace(link.target_guid, link.origin_guid);
    }
    for (const auto& note : project.notes) {
      std::string text;
      if (!note.plain_path.empty()) {
        auto read = container_.read_source(note.plain_path, base_path_);
        if (!read) {
          TRY_STATUS(problem(note.line, "Note", read.error().message));
          continue;
        }
        text = without_bom(std::move(*read));
      } else if (note.inline_text) {
        text = *note.inline_text;
      }
      if (!note.name.empty()) text.insert(0, note.name + "\n\n");
      if (!note.description.empty()) text += "\n\n" + note.description;
      if (!validate_utf8(text)) {
        TRY_STATUS(problem(note.line, "Note", "its text is not UTF-8"));
        continue;
      }
      bool attached = false;
      auto [from, to] = targets.equal_range(note.guid);
      for (auto it = from; it != to; ++it) {
        TRY(done, attach(it->second, text, note.user_guid));
        attached |= done;
      }
      if (!attached) TRY_STATUS(attach("", text, note.user_guid));
    }
    return {};
  }

  Status add_sets(const QdeProject& project) {
    TRY(groups, store_.groups());
    std::vector<QdcSet> code_sets;
    for (const auto& set : project.sets) {
      if (!set.member_notes.empty()) {
        report_.notes.push_back(
            fmt::format("line {}: set '{}' holds notes; only its codes and "
                        "documents are kept",
                        set.line, set.name));
      }
      if (!set.member_codes.empty()) {
        code_sets.push_back(QdcSet{set.guid, set.name, set.description, set.member_codes});
      }
      if (!set.member_sources.empty() || set.member_codes.empty()) {
        TRY_STATUS(add_group(set, groups));
      }
    }
    QdcImport added;
    TRY_STATUS(add_code_sets(store_, code_sets, codes_, added));
    report_.code_sets = added.sets_added;
    return {};
  }

  // A set of sources becomes a document group (ATLAS.ti exports its groups so).
  Status add_group(const QdeSet& set, std::vector<DocumentGroup>& groups) {
    auto same = std::find_if(groups.begin(), groups.end(), [&](const DocumentGroup& g) {
      return iequals_ascii(g.name, set.name);
    });
    Id group_id = 0;
    if (same != groups.end()) {
      group_id = same->id;
    } else {
      TRY(made, store_.insert_group(set.name, set.guid));
      group_id = made.id;
      groups.push_back(std::move(made));
      ++report_.groups;
    }
    for (const auto& guid : set.member_sources) {
      if (auto doc = docs_by_guid_.find(guid); doc != docs_by_guid_.end()) {
        TRY_STATUS(store_.add_to_group(group_id, doc->second.id));
      }
    }
    return {};
  }

  Status keep_aside(const QdeProject& project) {
    std::vector<KeptAside> items;
    for (const auto& k : project.kept_aside) {
      items.push_back(KeptAside{0, k.element, k.guid, k.name, k.owner_guid, k.xml});
      if (k.element == "Link") continue;  // links are read too; kept only to be written back
      report_.kept_aside.push_back(
          fmt::format("line {}: {}{}", k.line, k.element,
                      k.name.empty() ? std::string() : fmt::format(" '{}'", k.name)));
    }
    return store_.insert_kept_aside(items);
  }

  // Something invalid: refuses the import, or with keep_going is listed and skipped.
  Status problem(std::size_t line, std::string_view element, const std::string& what) {
    std::string message = fmt::format("line {}: <{}> {}", line, element, what);
    if (!options_.keep_going) return fail(ErrorKind::kInvalidInput, message);
    report_.skipped.push_back(std::move(message));
    return {};
  }

  Store& store_;
  QdpxContainer& container_;
  const QdpxImportOptions& options_;
  QdpxImportReport& report_;
  std::string base_path_;
  bool head_done_ = false;
  std::map<std::string, Id, std::less<>> users_;  // user GUID -> coder
  std::string fallback_user_;
  std::optional<Id> unattributed_;
  std::map<std::string, Id> coders_by_name_;
  std::map<std::string, Id> coders_by_guid_;
  std::map<std::string, Id> codes_;
  std::map<std::string, Variable> variables_;
  std::map<std::string, Document> docs_by_guid_;
  std::map<std::string, Id> docs_by_hash_;
  std::set<std::string> names_taken_;
  SelectionPlaces selections_;          // filled once the sources are read
  std::vector<Id> document_of_source_;  // by ReadSource::ordinal; 0 when it was left out
  std::vector<NewCoding> pending_;
};

std::string summary(const QdpxImportReport& r) {
  return fmt::format("imported REFI-QDA project '{}'{}: {}, {}, {}, {}", r.project_name,
                     r.origin.empty() ? std::string() : " from " + r.origin,
                     count_of(r.documents_added, "document"), count_of(r.codings_added, "coding"),
                     count_of(r.codes_added, "new code"), count_of(r.memos, "memo"));
}

}  // namespace

Result<QdpxImportReport> import_qdpx(const ServiceContext& ctx, const std::string& path,
                                     const QdpxImportOptions& options) {
  TRY(container, QdpxContainer::open(path, options.max_bytes));
  QdpxImportReport report;
  TRY_STATUS(ctx.store.prepare_bulk_load());
  auto event = ctx.store.change(options.merge ? "project.merge" : "project.import", ctx.actor,
                                [&]() -> Result<std::string> {
                                  Importer importer(ctx.store, container, options, report);
                                  TRY_STATUS(importer.run());
                                  return summary(report);
                                });
  if (!event) return tl::unexpected(event.error());
  report.event = *event;
  return report;
}

}  // namespace thematica
