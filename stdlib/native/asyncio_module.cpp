// The _asyncio module: the native core of the asyncio package (see stdlib/native/asyncio.h).
#include "objects/dict.h"
#include "objects/dict.h"
#include "objects/module.h"
#include "objects/type.h"
#include "objects/type.h"
#include "objects/str.h"
#include "stdlib/native/asyncio.h"
#include "stdlib/native/native_modules.h"

namespace minipy {

namespace {

const MethodDef kFunctions[] = {
    {"_unfinished_tasks", asyncio_unfinished_tasks},
    {nullptr, nullptr},
};

}  // namespace

Value asyncio_module_create() {
  asyncio_future_types_init();
  asyncio_task_types_init();
  asyncio_handle_types_init();
  asyncio_loop_core_types_init();
  asyncio_transport_types_init();
  Module* m = module_new(intern("_asyncio"));
  module_add(m, "Future", Value(&future_type));
  module_add(m, "Task", Value(&task_type));
  module_add(m, "Handle", Value(&handle_type));
  module_add(m, "TimerHandle", Value(&timer_handle_type));
  module_add(m, "LoopCore", Value(&loop_core_type));
  module_add(m, "SocketTransportCore", Value(&socket_transport_type));
  module_add(m, "_current_tasks", Value(asyncio_current_tasks()));
  module_add_functions(m, kFunctions);
  return Value(m);
}

}  // namespace minipy
