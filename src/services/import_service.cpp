#include "services/import_service.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "core/text.hpp"
#include "ingest/readers.hpp"
#include "services/documents.hpp"
#include "services/lookup.hpp"
#include "services/transcripts.hpp"
#include "services/wording.hpp"

namespace thematica {
namespace {

namespace fs = std::filesystem;

struct PlannedFile {
  std::string path;
  std::optional<std::string> group;  // the sub-folder it was found in
};

bool is_hidden(const fs::path& relative) {
  return std::any_of(relative.begin(), relative.end(),
                     [](const fs::path& part) { return part.string().starts_with('.'); });
}

Status plan_folder(const fs::path& folder, std::vector<PlannedFile>& planned,
                   std::vector<std::string>& skipped) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file(ec) && !is_hidden(fs::relative(it->path(), folder, ec))) {
      files.push_back(it->path());
    }
  }
  if (ec) return fail(ErrorKind::kIo, "cannot list the folder (" + ec.message() + ")", folder);
  std::sort(files.begin(), files.end());
  std::size_t before = planned.size();
  for (const auto& file : files) {
    if (!has_document_extension(file.string())) {
      skipped.push_back(file.string());
      continue;
    }
    std::string group = fs::relative(file.parent_path(), folder, ec).generic_string();
    planned.push_back(PlannedFile{file.string(), group == "." || group.empty()
                                                     ? std::nullopt
                                                     : std::optional<std::string>(group)});
  }
  if (planned.size() == before) {
    return fail(ErrorKind::kInvalidInput,
                "the folder holds no file Thematica reads (.txt, .vtt, .srt, .docx, .odt, .pdf, "
                ".html, .md)",
                folder.string());
  }
  return {};
}

Result<std::vector<PlannedFile>> plan(const std::vector<std::string>& paths,
                                      std::vector<std::string>& skipped) {
  std::vector<PlannedFile> planned;
  for (const auto& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      TRY_STATUS(plan_folder(path, planned, skipped));
    } else {
      planned.push_back(PlannedFile{path, std::nullopt});
    }
  }
  return planned;
}

Error located(Error e, const std::string& path) {
  if (e.where.empty()) e.where = path;
  return e;
}

// Reads one file. Every failure here is the file's: the caller may refuse it and go on.
Result<Extraction> read_one(const PlannedFile& file, const ImportOptions& options) {
  auto reader = choose_reader(file.path, options.kind);
  if (!reader) return tl::unexpected(located(reader.error(), file.path));
  auto extraction = read_document_file(file.path, *reader, options.kind.has_value(), options.read);
  if (!extraction) return tl::unexpected(located(extraction.error(), file.path));
  return extraction;
}

// Adds a read file to the project. Only a name conflict is the file's failure (the store is then
// unchanged); any other error is the project's and ends the whole import.
Result<ImportedDocument> store_one(Store& store, const PlannedFile& file,
                                   const Extraction& extraction, const ImportOptions& options) {
  TRY(text, Text::from_utf8(extraction.text));
  ImportedDocument imported;
  imported.path = file.path;
  imported.reader = extraction.reader;
  imported.encoding = extraction.encoding;
  imported.encoding_guessed = extraction.encoding_guessed;
  imported.warnings = extraction.warnings;
  imported.pages = extraction.page_starts.size();
  Document doc;
  doc.name = options.name.value_or(fs::path(file.path).stem().string());
  doc.kind = extraction.transcript ? "transcript" : extraction.reader == "pdf" ? "pdf" : "text";
  doc.original_name = fs::path(file.path).filename().string();
  auto stored = add_document(store, std::move(doc), text);
  if (!stored) return tl::unexpected(located(stored.error(), file.path));
  imported.document = std::move(*stored);
  if (extraction.transcript) {
    TRY(recorded, record_transcript(store, imported.document.id, *extraction.transcript));
    imported.turns = recorded.turns;
    imported.speakers = recorded.speakers;
  }
  if (!extraction.page_starts.empty()) {
    TRY_STATUS(store.insert_page_starts(imported.document.id, extraction.page_starts));
  }
  return imported;
}

class GroupCache {
 public:
  explicit GroupCache(Store& store) : store_(store) {}
  Status add(const std::string& group, Id document_id) {
    auto found = ids_.find(group);
    if (found == ids_.end()) {
      TRY(g, ensure_group(store_, group));
      found = ids_.emplace(group, g.id).first;
    }
    TRY_STATUS(store_.add_to_group(found->second, document_id));
    return {};
  }

 private:
  Store& store_;
  std::map<std::string, Id> ids_;
};

}  // namespace

Result<ImportReport> import_documents(const ServiceContext& ctx,
                                      const std::vector<std::string>& paths,
                                      const ImportOptions& options) {
  if (paths.empty()) return fail(ErrorKind::kInvalidInput, "name at least one file to import");
  ImportReport report;
  TRY(planned, plan(paths, report.skipped));
  if (options.name && planned.size() > 1) {
    return fail(ErrorKind::kInvalidInput,
                "--name names a single document; import the files one by one to name each");
  }
  auto event = ctx.store.change("document.import", ctx.actor, [&]() -> Result<std::string> {
    GroupCache groups(ctx.store);
    for (std::size_t i = 0; i < planned.size(); ++i) {
      auto read = read_one(planned[i], options);
      auto doc = read ? store_one(ctx.store, planned[i], *read, options)
                      : Result<ImportedDocument>(tl::unexpected(read.error()));
      bool refused = !read || (!doc && doc.error().kind == ErrorKind::kConflict);
      if (!doc && refused && options.keep_going) {
        report.refused.push_back(RefusedFile{planned[i].path, doc.error()});
      } else if (!doc) {
        return tl::unexpected(doc.error());
      } else {
        Id id = doc->document.id;
        if (options.group) TRY_STATUS(groups.add(*options.group, id));
        if (planned[i].group) TRY_STATUS(groups.add(*planned[i].group, id));
        report.documents.push_back(std::move(*doc));
      }
      if (options.progress) options.progress(i + 1, planned.size());
    }
    if (report.documents.empty()) {
      return fail(ErrorKind::kInvalidInput,
                  fmt::format("none of the {} could be imported; the first refusal: {}",
                              count_of(static_cast<std::int64_t>(planned.size()), "file"),
                              report.refused.front().error.describe()));
    }
    if (report.documents.size() == 1) {
      return fmt::format("imported '{}'", report.documents[0].document.name);
    }
    return "imported " + count_of(static_cast<std::int64_t>(report.documents.size()), "document");
  });
  if (!event) return tl::unexpected(event.error());
  return report;
}

}  // namespace thematica
