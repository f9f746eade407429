#include "core/allocator.hpp"

#include <malloc.h>

namespace thematica {

void keep_freed_memory_for_reuse() {
  // Blocks up to glibc's largest mmap threshold (32 MiB) come from the heap and are reused;
  // up to 512 MiB of free heap is kept before trimming.
  mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
  mallopt(M_TRIM_THRESHOLD, 512 * 1024 * 1024);
}

}  // namespace thematica
