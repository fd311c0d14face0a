// The finalizer and weak-slot API of runtime/memory.h: finalizers are queued by the collector
// and run only at a safe point (run_pending_finalizers), once; weak slots clear when their
// object is collected; a chained finalizer stays first when a plain one is registered later.
// Objects are made in non-inlined helpers so no stale pointer to them stays in this frame; the
// collector is conservative, so the checks allow a few survivors.
#include <gtest/gtest.h>

#include <new>
#include <string>
#include <vector>

#include "objects/descriptors.h"
#include "objects/dict.h"
#include "objects/exceptions.h"
#include "objects/str.h"
#include "objects/type.h"
#include "runtime/errors.h"
#include "runtime/interpreter.h"
#include "runtime/memory.h"
#include "test_support.h"

namespace minipy {
namespace {

class MemoryTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ensure_interpreter(); }
  void SetUp() override {
    GC_gcollect();
    run_pending_finalizers();
  }
};

int g_finalized = 0;
void count_finalizer(Object*) { ++g_finalized; }

[[gnu::noinline]] void make_finalizable(int n) {
  for (int i = 0; i < n; ++i) register_finalizer(alloc_object(&object_type, sizeof(Object)), count_finalizer);
}

TEST_F(MemoryTest, FinalizersRunAtTheSafePointOnlyAndOnce) {
  g_finalized = 0;
  make_finalizable(100);
  GC_gcollect();
  EXPECT_EQ(g_finalized, 0);  // queued by the collector, not run inside it
  size_t ran = run_pending_finalizers();
  EXPECT_GE(g_finalized, 90);
  EXPECT_EQ(ran, static_cast<size_t>(g_finalized));
  int after_first = g_finalized;
  GC_gcollect();
  run_pending_finalizers();
  GC_gcollect();
  run_pending_finalizers();
  EXPECT_LE(g_finalized, 100);
  EXPECT_GE(g_finalized, after_first);
}

void raising_finalizer(Object*) { raise(&exc_ValueError, "from a finalizer"); }

[[gnu::noinline]] void make_raising(int n) {
  for (int i = 0; i < n; ++i) register_finalizer(alloc_object(&object_type, sizeof(Object)), raising_finalizer);
}

TEST_F(MemoryTest, AFinalizerErrorIsReportedAndThePendingExceptionKept) {
  make_raising(5);
  raise(&exc_KeyError, "pending");
  GC_gcollect();
  testing::internal::CaptureStderr();
  run_pending_finalizers();
  std::string err = testing::internal::GetCapturedStderr();
  EXPECT_NE(err.find("Exception ignored in: <object object at 0x"), std::string::npos);
  EXPECT_NE(err.find("ValueError: from a finalizer"), std::string::npos);
  EXPECT_TRUE(error_matches(&exc_KeyError));
  error_clear();
}

constexpr int kSlots = 64;
uintptr_t g_slots[kSlots];

[[gnu::noinline]] void fill_weak_slots() {
  for (int i = 0; i < kSlots; ++i) {
    Object* o = alloc_object(&object_type, sizeof(Object));
    g_slots[i] = hide_pointer(o);
    register_weak_slot(&g_slots[i], o);
  }
}

TEST_F(MemoryTest, WeakSlotsDoNotKeepObjectsAliveAndClearWhenCollected) {
  Object* kept = alloc_object(&object_type, sizeof(Object));
  uintptr_t kept_slot = hide_pointer(kept);
  register_weak_slot(&kept_slot, kept);
  fill_weak_slots();
  GC_gcollect();
  int cleared = 0;
  for (uintptr_t s : g_slots) cleared += s == 0;
  EXPECT_GE(cleared, kSlots - 6);
  EXPECT_EQ(weak_slot_get(&kept_slot), kept);
  for (int i = 0; i < kSlots; ++i) {
    if (g_slots[i]) unregister_weak_slot(&g_slots[i]);
  }
  unregister_weak_slot(&kept_slot);
}

// Null outside the test: an object the conservative scan kept alive may be finalized during a
// later test of the same process.
std::vector<int>* g_order = nullptr;

struct Link {
  FinalizerLink link;
};

void chained_head(void* obj, void* data) {
  if (g_order) g_order->push_back(1);
  auto* l = static_cast<FinalizerLink*>(data);
  if (l->next_fn) l->next_fn(obj, l->next_cd);
}

void plain_second(Object*) {
  if (g_order) g_order->push_back(2);
}

[[gnu::noinline]] void make_chained(int n) {
  for (int i = 0; i < n; ++i) {
    Object* o = alloc_object(&object_type, sizeof(Object));
    auto* l = static_cast<Link*>(gc_malloc(sizeof(Link)));
    register_chained_finalizer(o, chained_head, &l->link);
    register_finalizer(o, plain_second);  // goes behind the chain head, not instead of it
  }
}

TEST_F(MemoryTest, AChainedFinalizerStaysFirstWhenAPlainOneIsRegisteredLater) {
  std::vector<int> order;
  g_order = &order;
  make_chained(20);
  GC_gcollect();
  run_pending_finalizers();
  ASSERT_GE(order.size(), 30u);
  ASSERT_EQ(order.size() % 2, 0u);
  for (size_t i = 0; i < order.size(); i += 2) {
    EXPECT_EQ(order[i], 1);
    EXPECT_EQ(order[i + 1], 2);
  }
  g_order = nullptr;
}

// Native code that builds its result in a std::string the size of a program's request: when
// that allocation fails, the eval loop turns the C++ exception into MemoryError where the call
// was, which the program can catch; the frames above it carry on.
Value fail_allocation(Value, const Value*, size_t, Tuple*) { throw std::bad_alloc(); }
const MethodDef kFailAllocation = {"fail_allocation", fail_allocation, kMethodStatic};

std::string run_with_failing_allocation(const char* code) {
  Dict* g = dict_new();
  dict_set_cstr(g, "fail_allocation", builtin_function_new(&kFailAllocation, Value()));
  if (!run_source(code, "<test>", g)) {
    return std::string("!") + type_name(error_fetch());
  }
  Value r = dict_get_cstr(g, "result");
  return r && str_check(r) ? std::string(r.as<Str>()->view()) : "<no result>";
}

TEST_F(MemoryTest, ACppAllocationFailureIsAMemoryErrorWhereTheCallWas) {
  EXPECT_EQ(run_with_failing_allocation("def inner():\n"
                                        "    return fail_allocation()\n"
                                        "def outer():\n"
                                        "    try:\n"
                                        "        inner()\n"
                                        "    except MemoryError as e:\n"
                                        "        return 'caught in ' + e.__traceback__.tb_next.tb_frame.f_code.co_name\n"
                                        "result = outer() + ', then ' + str(sum(range(4)))\n"),
            "caught in inner, then 6");
  EXPECT_EQ(run_with_failing_allocation("fail_allocation()\n"), "!MemoryError");
}

}  // namespace
}  // namespace minipy
