#pragma once
// Assigning documents to coders for independent double coding, and seeing how far each has got.

#include <cstdint>
#include <string>
#include <vector>

#include "services/context.hpp"

namespace thematica {

struct AssignRequest {
  std::string coder;  // created on first use
  std::vector<std::string> documents;
  std::vector<std::string> groups;  // every document of these groups
  bool remove = false;              // take the documents off the coder's list instead
};

// One change. Errors: kInvalidInput for an empty coder name or no documents named; kNotFound for
// an unknown document or group.
Result<Event> assign_documents(const ServiceContext& ctx, const AssignRequest& request);

struct AssignedDocument {
  std::string document;
  std::int64_t codings = 0;  // the coder's own codings in it
};

struct CoderAssignments {
  std::string coder;
  std::vector<AssignedDocument> documents;  // in project order
};

// Coders with at least one assigned document, by name.
Result<std::vector<CoderAssignments>> list_assignments(Store& store);

}  // namespace thematica
