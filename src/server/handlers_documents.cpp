// Documents: the list, one document for reading, upload through the importers, delete.

#include <filesystem>
#include <fstream>

#include "server/handlers.hpp"
#include "services/document_overview.hpp"
#include "services/document_view.hpp"
#include "services/import_service.hpp"
#include "services/lookup.hpp"

namespace thematica::server {
namespace {

// A private folder for uploaded files, removed with everything in it when it goes out of scope:
// the importers read files by path, as from the CLI.
class UploadFolder {
 public:
  UploadFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "thematica-upload-XXXXXX");
    if (mkdtemp(pattern.data()) != nullptr) path_ = pattern;
  }
  ~UploadFolder() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
  }
  UploadFolder(const UploadFolder&) = delete;
  UploadFolder& operator=(const UploadFolder&) = delete;

  Result<std::string> write(const UploadedFile& file) const {
    if (path_.empty()) return fail(ErrorKind::kIo, "cannot create a temporary folder for uploads");
    // Only the file name counts: a name with folders in it must not write outside the folder.
    std::string name = std::filesystem::path(file.name).filename().string();
    if (name.empty() || name == "." || name == "..") {
      return failf(ErrorKind::kInvalidInput, "an uploaded file has no usable name ('{}')",
                   file.name);
    }
    std::string target = (std::filesystem::path(path_) / name).string();
    std::ofstream out(target, std::ios::binary);
    out.write(file.content.data(), static_cast<std::streamsize>(file.content.size()));
    if (!out) return failf(ErrorKind::kIo, "cannot write the upload '{}'", name);
    return target;
  }

 private:
  std::string path_;
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
