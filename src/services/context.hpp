#pragma once
// What every use case needs: the project's store and who is acting (named in the change log).

#include <string>

#include "store/store.hpp"

namespace thematica {

struct ServiceContext {
  Store& store;
  std::string actor;  // the coder name changes are logged under
};

}  // namespace thematica
