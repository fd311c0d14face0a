// Transparent huge pages for the memory every start-up touches, in the static `minipy` binary.
//
// On the VMs minipy is measured on, the first touch of a 4 KiB anonymous page costs 10-15 µs
// (the host backs the page on demand), while a whole 2 MiB transparent huge page costs about
// 150 µs. `minipy -c pass` touched about 200 pages of collector heap and 50 of static data, so:
//
// - The collector's heap lives in a 2 MiB-aligned arena advised MADV_HUGEPAGE. The link wraps
//   mmap (-Wl,--wrap=mmap, CMakeLists.txt): plain anonymous read-write mappings (the
//   collector's heap and its tables) are carved from the arena until it is full; every other
//   call goes to the real mmap.
// - minipy's and the collector's zero-initialised static data sit in one 2 MiB-aligned
//   section (huge_pages.ld), advised before the first static constructor writes to it.
//
// Where the kernel has transparent huge pages off, the advice is ignored and nothing changes.
#include <sys/mman.h>

#include <atomic>
#include <cstddef>
#include <cstdint>

extern "C" void* __real_mmap(void* addr, size_t len, int prot, int flags, int fd, off_t off);

// Bounds of the section huge_pages.ld defines.
extern "C" char minipy_bss_start[], minipy_bss_end[];

namespace {

constexpr size_t kHugePage = size_t{2} << 20;
// Address space only: pages the collector never uses are never touched.
constexpr size_t kArenaBytes = size_t{8} << 20;

std::atomic<uintptr_t> arena_next{0};
uintptr_t arena_end = 0;
std::atomic<bool> arena_tried{false};

void reserve_arena() {
  void* raw = __real_mmap(nullptr, kArenaBytes + kHugePage, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (raw == MAP_FAILED) return;
  auto raw_start = reinterpret_cast<uintptr_t>(raw);
  uintptr_t start = (raw_start + kHugePage - 1) & ~(kHugePage - 1);
  uintptr_t raw_end = raw_start + kArenaBytes + kHugePage;
  if (start > raw_start) munmap(raw, start - raw_start);
  if (raw_end > start + kArenaBytes) munmap(reinterpret_cast<void*>(start + kArenaBytes), raw_end - start - kArenaBytes);
  madvise(reinterpret_cast<void*>(start), kArenaBytes, MADV_HUGEPAGE);
  arena_end = start + kArenaBytes;
  arena_next.store(start, std::memory_order_release);
}

// Runs from .preinit_array: after the C library's own start-up, before any constructor.
void advise_static_data(int, char**, char**) {
  madvise(minipy_bss_start, static_cast<size_t>(minipy_bss_end - minipy_bss_start), MADV_HUGEPAGE);
}

[[gnu::used, gnu::section(".preinit_array")]] void (*const advise_static_data_entry)(int, char**, char**) =
    advise_static_data;

}  // namespace

extern "C" void* __wrap_mmap(void* addr, size_t len, int prot, int flags, int fd, off_t off) {
  bool plain_anonymous = fd == -1 && flags == (MAP_PRIVATE | MAP_ANONYMOUS) && prot == (PROT_READ | PROT_WRITE) &&
                         len % 4096 == 0;
  if (plain_anonymous) {
    if (!arena_tried.exchange(true)) reserve_arena();
    uintptr_t next = arena_next.load(std::memory_order_acquire);
    while (next != 0 && next + len <= arena_end) {
      if (arena_next.compare_exchange_weak(next, next + len)) return reinterpret_cast<void*>(next);
    }
  }
  return __real_mmap(addr, len, prot, flags, fd, off);
}
