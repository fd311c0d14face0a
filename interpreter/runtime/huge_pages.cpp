// Transparent huge pages for the memory every start-up touches, in the static `minipy` binary.
//
// On the VMs minipy is measured on, the first touch of a 4 KiB anonymous page costs 10-15 µs
// (the host backs the page on demand), while a whole 2 MiB transparent huge page costs about
// 150 µs. `minipy -c pass` touched about 200 pages of collector heap and 50 of static data, so:
//
// - minipy's and the collector's zero-initialised static data sit in one 2 MiB-aligned
//   section (huge_pages.ld), advised before the first static constructor writes to it.
// - The collector's heap comes from huge pages too. The link wraps mmap (-Wl,--wrap=mmap,
//   CMakeLists.txt): plain anonymous read-write mappings (the collector's heap and its tables)
//   are carved first from the unused rest of that section's huge page, then from a 2 MiB-aligned
//   arena advised MADV_HUGEPAGE, until it is full; every other call goes to the real mmap.
//   add_static_data_roots (runtime/memory.cpp) already keeps that rest out of the roots.
//
// Where the kernel has transparent huge pages off, the advice is ignored and nothing changes.
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <mutex>

extern "C" void* __real_mmap(void* addr, size_t len, int prot, int flags, int fd, off_t off);

// Bounds of the section huge_pages.ld defines.
extern "C" char minipy_bss_start[], minipy_bss_used_end[], minipy_bss_end[];

namespace {

constexpr size_t kHugePage = size_t{2} << 20;
constexpr size_t kPage = 4096;
// Address space only: pages the collector never uses are never touched.
constexpr size_t kArenaBytes = size_t{8} << 20;

// The region mappings are carved from: first the unused tail of the static-data section's huge
// page (start-up then touches one huge page, not two), then a reserved arena.
std::mutex arena_mutex;
uintptr_t arena_next = 0;
uintptr_t arena_end = 0;
enum class Region { None, StaticTail, Arena, Exhausted } region = Region::None;

uintptr_t round_up(uintptr_t p, size_t to) { return (p + to - 1) & ~(to - 1); }

void use_static_tail() {
  region = Region::StaticTail;
  arena_next = round_up(reinterpret_cast<uintptr_t>(minipy_bss_used_end), kPage);
  arena_end = reinterpret_cast<uintptr_t>(minipy_bss_end);
}

void reserve_arena() {
  region = Region::Exhausted;
  void* raw = __real_mmap(nullptr, kArenaBytes + kHugePage, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (raw == MAP_FAILED) return;
  auto raw_start = reinterpret_cast<uintptr_t>(raw);
  uintptr_t start = round_up(raw_start, kHugePage);
  uintptr_t raw_end = raw_start + kArenaBytes + kHugePage;
  if (start > raw_start) munmap(raw, start - raw_start);
  if (raw_end > start + kArenaBytes) munmap(reinterpret_cast<void*>(start + kArenaBytes), raw_end - start - kArenaBytes);
  madvise(reinterpret_cast<void*>(start), kArenaBytes, MADV_HUGEPAGE);
  region = Region::Arena;
  arena_next = start;
  arena_end = start + kArenaBytes;
}

// `len` bytes of zeroed memory from the current region, or null once the arena is used up.
void* carve(size_t len) {
  std::lock_guard<std::mutex> lock(arena_mutex);
  if (region == Region::None) use_static_tail();
  if (region == Region::StaticTail && arena_next + len > arena_end) reserve_arena();
  if (region == Region::Exhausted || arena_next + len > arena_end) return nullptr;
  uintptr_t p = arena_next;
  arena_next += len;
  return reinterpret_cast<void*>(p);
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
                         len % kPage == 0;
  if (plain_anonymous) {
    if (void* p = carve(len)) return p;
  }
  return __real_mmap(addr, len, prot, flags, fd, off);
}
