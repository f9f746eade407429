#include "services/qdc_exchange.hpp"

#include <algorithm>
#include <array>
#include <map>

#include "core/ascii.hpp"
#include "core/code_path.hpp"
#include "core/colour.hpp"
#include "interop/qdc.hpp"
#include "services/lookup.hpp"
#include "services/wording.hpp"

namespace thematica {
namespace {

// The labels that carry a description's fields inside one REFI-QDA Description.
constexpr std::array<std::string_view, 3> kLabels = {
    "When to use: ", "When not to use: ", "Example: "};

std::string join_description(const CodeDescription& d) {
  std::string out = d.definition;
  const std::array<const std::string*, 3> fields = {&d.when_to_use, &d.when_not_to_use, &d.example};
  for (std::size_t i = 0; i < fields.size(); ++i) {
    if (fields[i]->empty()) continue;
    out += (out.empty() ? "" : "\n\n") + std::string(kLabels[i]) + *fields[i];
  }
  return out;
}

// Reads back what join_description wrote; any other text is the definition.
CodeDescription split_description(const std::string& text) {
  CodeDescription d;
  std::array<std::string*, 3> fields = {&d.when_to_use, &d.when_not_to_use, &d.example};
  std::size_t end = text.size();
  for (std::size_t i = kLabels.size(); i-- > 0;) {
    std::string marker = "\n\n" + std::string(kLabels[i]);
    auto at = text.rfind(marker, end);
    if (at != std::string::npos && at < end) {
      *fields[i] = text.substr(at + marker.size(), end - at - marker.size());
      end = at;
    } else if (text.starts_with(kLabels[i]) && end == text.size()) {
      *fields[i] = text.substr(kLabels[i].size());
      end = 0;
    }
  }
  d.definition = text.substr(0, end);
  return d;
}

class CodeImporter {
 public:
  CodeImporter(Store& store, QdcImport& report) : store_(store), report_(report) {}

  Status load() {
    TRY(codes, store_.codes());
    count_ = codes.size();
    for (const auto& c : codes) {
      by_guid_[ascii_lower(c.guid)] = c.id;
      by_place_[{c.parent_id, ascii_lower(c.name)}] = c.id;
    }
    return {};
  }

  Status add(const QdcCode& code, std::optional<Id> parent, const std::string& parent_path) {
    std::string path = parent_path.empty() ? format_code_path({code.name})
                                           : parent_path + "/" + format_code_path({code.name});
    if (!code.codable) report_.not_codable.push_back(path);
    std::optional<Id> id;
    if (auto g = by_guid_.find(code.guid); g != by_guid_.end()) {
      id = g->second;
    } else if (auto p = by_place_.find({parent, ascii_lower(code.name)}); p != by_place_.end()) {
      id = p->second;
    }
    if (id) {
      ++report_.matched;
      by_guid_[code.guid] = *id;
    } else {
      auto checked = check_code_name(code.name);
      if (!checked) return fail(ErrorKind::kInvalidInput, checked.error().message, path);
      Code made;
      made.guid = code.guid;
      made.parent_id = parent;
      made.name = code.name;
      made.colour = code.colour.empty() ? palette_colour(count_) : code.colour;
      made.description = split_description(code.description);
      TRY(inserted, store_.insert_code(made));
      id = inserted;
      by_guid_[code.guid] = inserted;
      ++count_;
      ++report_.added;
    }
    for (const auto& child : code.children) TRY_STATUS(add(child, id, path));
    return {};
  }

  const std::map<std::string, Id>& codes_by_guid() const { return by_guid_; }

 private:
  Store& store_;
  QdcImport& report_;
  std::size_t count_ = 0;
  std::map<std::string, Id> by_guid_;
  std::map<std::pair<std::optional<Id>, std::string>, Id> by_place_;
};

QdcCode to_qdc(const Codebook& book, const Code& code) {
  QdcCode out{
      ascii_lower(code.guid), code.name, code.colour, join_description(code.description), true, {}};
  for (Id child : book.children_of(code.id))
    out.children.push_back(to_qdc(book, *book.find(child)));
  return out;
}

}  // namespace

Status add_code_sets(Store& store, const std::vector<QdcSet>& sets,
                     const std::map<std::string, Id>& codes, QdcImport& report) {
  TRY(existing, store.code_sets());
  for (const auto& set : sets) {
    std::vector<Id> members;
    for (const auto& guid : set.members) {
      if (auto code = codes.find(guid); code != codes.end()) members.push_back(code->second);
    }
    auto found = std::find_if(existing.begin(), existing.end(), [&](const CodeSet& s) {
      return iequals_ascii(s.guid, set.guid) || iequals_ascii(s.name, set.name);
    });
    if (found != existing.end()) {
      TRY_STATUS(store.add_to_code_set(found->id, members));
      ++report.sets_matched;
    } else {
      CodeSet made{0, set.guid, set.name, set.description, members};
      TRY(id, store.insert_code_set(made));
      made.id = id;
      existing.push_back(std::move(made));  // a later set of the same name extends this one
      ++report.sets_added;
    }
  }
  return {};
}

Result<std::map<std::string, Id>> add_codebook(Store& store, const QdcCodebook& codebook,
                                               QdcImport& report) {
  CodeImporter importer(store, report);
  TRY_STATUS(importer.load());
  for (const auto& code : codebook.codes) TRY_STATUS(importer.add(code, std::nullopt, ""));
  TRY_STATUS(add_code_sets(store, codebook.sets, importer.codes_by_guid(), report));
  return importer.codes_by_guid();
}

Result<QdcImport> import_codebook_qdc(const ServiceContext& ctx, const std::string& xml) {
  TRY(codebook, parse_qdc(xml));
  QdcImport report;
  auto event = ctx.store.change("codebook.import", ctx.actor, [&]() -> Result<std::string> {
    TRY_STATUS(add_codebook(ctx.store, codebook, report));
    return fmt::format("imported a REFI-QDA codebook: {} added, {} already there",
                       count_of(report.added, "code"), report.matched);
  });
  if (!event) return tl::unexpected(event.error());
  report.event = *event;
  return report;
}

Result<QdcCodebook> codebook_for_exchange(Store& store) {
  TRY(book, load_codebook(store));
  QdcCodebook out;
  out.origin = "Thematica";
  for (Id id : book.children_of(std::nullopt)) out.codes.push_back(to_qdc(book, *book.find(id)));
  TRY(sets, store.code_sets());
  for (const auto& set : sets) {
    QdcSet s{ascii_lower(set.guid), set.name, set.description, {}};
    for (Id id : set.code_ids) s.members.push_back(ascii_lower(book.find(id)->guid));
    out.sets.push_back(std::move(s));
  }
  return out;
}

Result<std::string> export_codebook_qdc(Store& store) {
  TRY(out, codebook_for_exchange(store));
  if (out.codes.empty()) {
    return fail(ErrorKind::kInvalidInput,
                "the codebook is empty; a REFI-QDA codebook needs at least one code");
  }
  return write_qdc(out);
}

}  // namespace thematica
