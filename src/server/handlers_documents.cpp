// Documents: the list, one document for reading, upload through the importers, delete.

#include <filesystem>
#include <fstream>

#include "core/temp_folder.hpp"
#include "server/handlers.hpp"
#include "services/document_overview.hpp"
#include "services/document_view.hpp"
#include "services/import_service.hpp"
#include "services/lookup.hpp"

namespace thematica::server {
namespace {

// Uploaded files go to a private folder, removed with everything in it when it goes out of
// scope: the importers read files by path, as from the CLI.
class UploadFolder {
 public:
  Result<std::string> write(const UploadedFile& file) const {
    // Only the file name counts: a name with folders in it must not write outside the folder.
    std::string name = std::filesystem::path(file.name).filename().string();
    if (name.empty() || name == "." || name == "..") {
      return failf(ErrorKind::kInvalidInput, "an uploaded file has no usable name ('{}')",
                   file.name);
    }
    TRY(target, folder_.file(name));
    std::ofstream out(target, std::ios::binary);
    out.write(file.content.data(), static_cast<std::streamsize>(file.content.size()));
    if (!out) return failf(ErrorKind::kIo, "cannot write the upload '{}'", name);
    return target;
  }

 private:
  TempFolder folder_{"thematica-upload"};
};

}  // namespace

Result<Reply> get_documents(Store& store, const ApiRequest&) {
  TRY(documents, document_overview(store));
  TRY(groups, list_groups(store));
  return ok(Json{{"documents", documents}, {"groups", groups}});
}

Result<Reply> get_document(Store& store, const ApiRequest& request) {
  TRY(id, request.id(0));
  TRY(view, document_view(store, id));
  return ok(Json(view));
}

Result<Reply> upload_documents(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  if (request.files.empty()) {
    return fail(ErrorKind::kInvalidInput, "send the files to import as multipart form data");
  }
  UploadFolder folder;
  std::vector<std::string> paths;
  for (const auto& file : request.files) {
    TRY(path, folder.write(file));
    paths.push_back(std::move(path));
  }
  ImportOptions options;
  options.group = request.param("group");
  if (options.group && options.group->empty()) options.group.reset();
  options.keep_going = true;
  TRY(report, import_documents(ServiceContext{store, coder}, paths, options));
  Json json(report);
  // The browser knows its files by name, not by our temporary path.
  for (auto& d : json["documents"]) d["path"] = std::filesystem::path(d["path"]).filename();
  for (auto& f : json["refused"]) f["path"] = std::filesystem::path(f["path"]).filename();
  return ok(std::move(json), 201);
}

Result<Reply> delete_document(Store& store, const ApiRequest& request) {
  TRY(coder, request.require_coder());
  TRY(id, request.id(0));
  TRY(document, require_document_id(store, id));
  TRY(event, thematica::delete_document(ServiceContext{store, coder}, document.name));
  return event_reply(event);
}

}  // namespace thematica::server
