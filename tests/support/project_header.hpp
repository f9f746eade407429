#pragma once
// What a project file's SQLite header says, read from disk rather than asked of the code under
// test.

#include <fstream>
#include <string>

namespace thematica::testing {

// The journal the file is set to use (header byte 18): 1 for a rollback journal, 2 for the
// write-ahead log.
inline int journal_in_header(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  file.seekg(18);
  return file.get();
}

}  // namespace thematica::testing
