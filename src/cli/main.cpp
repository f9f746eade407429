// thematica: the command-line front door. Everything it does goes through services/.

#include <exception>
#include <iostream>

#include "cli/app.hpp"
#include "core/allocator.hpp"

int main(int argc, char** argv) {
  thematica::keep_freed_memory_for_reuse();
  try {
    return thematica::cli::run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "error: internal error: " << e.what() << " (please report this)\n";
    return 1;
  }
}
