#include "core/entities.hpp"

namespace thematica {

const char* memo_target_name(MemoTarget target) {
  switch (target) {
    case MemoTarget::kProject:
      return "project";
    case MemoTarget::kDocument:
      return "document";
    case MemoTarget::kCode:
      return "code";
    case MemoTarget::kCoding:
      return "coding";
  }
  return "project";
}

}  // namespace thematica
