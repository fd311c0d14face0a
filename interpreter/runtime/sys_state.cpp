#include "runtime/sys_state.h"

#include <atomic>

#include "runtime/thread_state.h"

namespace minipy {

namespace {
std::atomic<int> g_recursion_limit{1000};
}

SysConfig& sys_config() {
  static SysConfig config;
  return config;
}

int recursion_limit() { return g_recursion_limit.load(std::memory_order_relaxed); }

void set_recursion_limit(int limit) {
  g_recursion_limit.store(limit, std::memory_order_relaxed);
  for_each_thread([limit](ThreadState* ts) { ts->recursion_limit = limit; });
}

}  // namespace minipy
