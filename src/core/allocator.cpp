#include "core/allocator.hpp"

#include <malloc.h>

namespace thematica {

void keep_freed_memory_for_reuse() {
  // Every block comes from the heap (glibc would map blocks above 32 MiB afresh each time, such
  // as a large retrieval's result), and up to 512 MiB of free heap is kept before trimming.
  mallopt(M_MMAP_MAX, 0);
  mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
}

}  // namespace thematica
