// Micro-benchmarks of the VM's hot paths, driven through the public API the way the CLI does:
// each benchmark compiles a small Python module once (defining `work(n)`), then times a code
// object that calls `work(kLoop)`, so one iteration is kLoop trips round the measured operation.
#include "benchmarks/micro/bench_support.h"

namespace minipy {
namespace {

constexpr int kLoop = 1000;

void run_snippet(benchmark::State& state, const char* setup) {
  bench_run_snippet(state, setup, kLoop);
}

// Loop, integer add and compare: the cost of dispatching a handful of simple opcodes.
void BM_DispatchLoop(benchmark::State& state) {
  run_snippet(state,
              "def work(n):\n"
              "    i = 0\n"
              "    t = 0\n"
              "    while i < n:\n"
              "        t = t + i\n"
              "        i += 1\n"
              "    return t\n");
}
BENCHMARK(BM_DispatchLoop);

// A call to a two-argument Python function and its return.
void BM_PythonCall(benchmark::State& state) {
  run_snippet(state,
              "def add(a, b):\n"
              "    return a + b\n"
              "def work(n):\n"
              "    t = 0\n"
              "    for i in range(n):\n"
              "        t = add(t, i)\n"
              "    return t\n");
}
BENCHMARK(BM_PythonCall);

// Instance attribute loads (instance dict) and a class attribute load (through the type).
void BM_AttributeLoad(benchmark::State& state) {
  run_snippet(state,
              "class P:\n"
              "    k = 3\n"
              "    def __init__(self):\n"
              "        self.x = 1\n"
              "        self.y = 2\n"
              "def work(n):\n"
              "    p = P()\n"
              "    t = 0\n"
              "    for i in range(n):\n"
              "        t += p.x + p.y + p.k\n"
              "    return t\n");
}
BENCHMARK(BM_AttributeLoad);

// Subscript store and load on a dict with string keys.
void BM_DictGetSet(benchmark::State& state) {
  run_snippet(state,
              "KEYS = ['k%d' % i for i in range(64)]\n"
              "def work(n):\n"
              "    d = {}\n"
              "    keys = KEYS\n"
              "    for i in range(n):\n"
              "        k = keys[i & 63]\n"
              "        d[k] = d.get(k, 0) + 1\n"
              "    return d\n");
}
BENCHMARK(BM_DictGetSet);

// obj.method(arg): the load-method/call pair that must not build a bound method.
void BM_MethodCall(benchmark::State& state) {
  run_snippet(state,
              "class C:\n"
              "    def __init__(self):\n"
              "        self.v = 0\n"
              "    def bump(self, d):\n"
              "        self.v += d\n"
              "def work(n):\n"
              "    c = C()\n"
              "    for i in range(n):\n"
              "        c.bump(1)\n"
              "    return c.v\n");
}
BENCHMARK(BM_MethodCall);

// Float arithmetic with a float result per operation (allocation of float objects).
void BM_FloatArith(benchmark::State& state) {
  run_snippet(state,
              "def work(n):\n"
              "    x = 0.0\n"
              "    for i in range(n):\n"
              "        x = x * 0.5 + 1.25\n"
              "    return x\n");
}
BENCHMARK(BM_FloatArith);

// nbody's inner statement: float attributes read and updated in place on an instance.
void BM_FloatAttrUpdate(benchmark::State& state) {
  run_snippet(state,
              "class B:\n"
              "    def __init__(self):\n"
              "        self.x = 0.0\n"
              "        self.vx = 0.5\n"
              "def work(n):\n"
              "    b = B()\n"
              "    dt = 0.01\n"
              "    for i in range(n):\n"
              "        b.x += dt * b.vx\n"
              "    return b.x\n");
}
BENCHMARK(BM_FloatAttrUpdate);

// `await` of a coroutine that returns at once: coroutine creation, frame setup, SEND, return.
void BM_AwaitCoroutine(benchmark::State& state) {
  run_snippet(state,
              "async def leaf(x):\n"
              "    return x + 1\n"
              "async def body(n):\n"
              "    t = 0\n"
              "    for i in range(n):\n"
              "        t = await leaf(t)\n"
              "    return t\n"
              "def work(n):\n"
              "    try:\n"
              "        body(n).send(None)\n"
              "    except StopIteration as e:\n"
              "        return e.value\n");
}
BENCHMARK(BM_AwaitCoroutine);

}  // namespace
}  // namespace minipy
