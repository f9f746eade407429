#include "core/allocator.hpp"

#include <dlfcn.h>
#include <malloc.h>
#include <sys/types.h>

#include <cstddef>
#include <initializer_list>
#include <string>

namespace thematica {

void keep_freed_memory_for_reuse() {
  // glibc: every block comes from the heap (it would map blocks above 32 MiB afresh each time,
  // such as a large retrieval's result), and up to 512 MiB of free heap is kept before trimming.
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);

  // jemalloc, which the programs link (CMakeLists.txt; the tests keep glibc's allocator, so it is
  // looked up rather than linked here): by default it hands freed pages back to the kernel over
  // ten seconds, and at once for blocks of 8 MiB and more, so each retrieval of 100,000 segments
  // faulted its memory in again (142-152 ms against 108-113 ms keeping it, bench/README.md).
  using Mallctl = int (*)(const char*, void*, std::size_t*, void*, std::size_t);
  auto mallctl = reinterpret_cast<Mallctl>(dlsym(RTLD_DEFAULT, "mallctl"));
  if (mallctl == nullptr) return;
  ssize_t never = -1;
  // The default for arenas made from now on, then each arena made already.
  (void)mallctl("arenas.dirty_decay_ms", nullptr, nullptr, &never, sizeof never);
  (void)mallctl("arenas.muzzy_decay_ms", nullptr, nullptr, &never, sizeof never);
  unsigned arenas = 0;
  std::size_t size = sizeof arenas;
  if (mallctl("arenas.narenas", &arenas, &size, nullptr, 0) != 0) return;
  for (unsigned i = 0; i < arenas; ++i) {
    for (const char* kind : {"dirty", "muzzy"}) {
      std::string setting = "arena." + std::to_string(i) + "." + kind + "_decay_ms";
      (void)mallctl(setting.c_str(), nullptr, nullptr, &never, sizeof never);
    }
  }
}

}  // namespace thematica
