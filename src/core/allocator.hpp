#pragma once
// Process-wide allocator settings. Retrievals and reports build large, short-lived result sets;
// by default the allocator (glibc's, or jemalloc in the programs) hands that memory back to the
// kernel after each one and takes page faults to get it back on the next. Keeping it made
// repeated retrievals about twice as fast with glibc, and a quarter faster with jemalloc (see
// bench/README.md). Call once, early in main().

namespace thematica {

void keep_freed_memory_for_reuse();

}  // namespace thematica
