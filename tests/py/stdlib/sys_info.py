# sys's number facts, interpreter paths and options (values that CPython 3.11 and minipy share).
import subprocess
import sys

print(sys.float_info)
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.mant_dig, sys.float_info[8])
print(sys.int_info)
h = sys.hash_info
print(h.width, h.modulus, h.inf, h.nan, h.imag, h.hash_bits, h.cutoff)
print(hash(float('inf')) == h.inf, hash(1j) == h.imag, hash(2**61 - 1), hash(-1))
print(sys.float_repr_style, sys.base_prefix == sys.prefix, sys.base_exec_prefix == sys.exec_prefix)
print(sys.abiflags, sys.platlibdir, sys.pycache_prefix)
print(all(name in sys.builtin_module_names for name in ('sys', 'builtins')),
      list(sys.builtin_module_names) == sorted(sys.builtin_module_names))
r = subprocess.run([sys.executable, '-X', 'foo=1', '-X', 'bar', '-c', 'import sys; print(sys._xoptions)'],
                   capture_output=True, text=True)
print(r.stdout.strip(), sys._xoptions)
