#include "runtime/args.h"

#include <string>

#include "objects/str.h"
#include "objects/tuple.h"
#include "runtime/errors.h"

namespace minipy {

bool check_no_kwargs(const char* fname, Tuple* kwnames) {
  if (!kwnames || kwnames->size == 0) return true;
  raise(&exc_TypeError, std::string(fname) + "() takes no keyword arguments");
  return false;
}

bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  std::string f = fname;
  std::string given = std::to_string(nargs);
  if (min == max) {
    if (min == 0) {
      raise(&exc_TypeError, f + "() takes no arguments (" + given + " given)");
    } else if (min == 1) {
      raise(&exc_TypeError, f + "() takes exactly one argument (" + given + " given)");
    } else {
      raise(&exc_TypeError, f + " expected " + std::to_string(min) + " arguments, got " + given);
    }
  } else if (nargs < min) {
    raise(&exc_TypeError, f + " expected at least " + std::to_string(min) + " argument" +
                              (min == 1 ? "" : "s") + ", got " + given);
  } else {
    raise(&exc_TypeError, f + " expected at most " + std::to_string(max) + " argument" +
                              (max == 1 ? "" : "s") + ", got " + given);
  }
  return false;
}

bool bind_args(const Signature& sig, const Value* args, size_t nargs, Tuple* kwnames, Value* out) {
  const size_t n = sig.names.size();
  std::string f = sig.fname;
  if (nargs > sig.npositional) {
    raise(&exc_TypeError, f + "() takes at most " + std::to_string(sig.npositional) + " argument" +
                              (sig.npositional == 1 ? "" : "s") + " (" + std::to_string(nargs + (kwnames ? kwnames->size : 0)) + " given)");
    return false;
  }
  for (size_t i = 0; i < n; ++i) out[i] = Value();
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  if (kwnames) {
    for (int64_t k = 0; k < kwnames->size; ++k) {
      Str* key = (*kwnames)[k].as<Str>();
      size_t index = n;
      size_t i = 0;
      for (const char* name : sig.names) {
        if (key->view() == name) {
          index = i;
          break;
        }
        ++i;
      }
      if (index == n || index < sig.nposonly) {
        raise(&exc_TypeError, f + "() got an unexpected keyword argument '" + std::string(key->view()) + "'");
        return false;
      }
      if (out[index]) {
        raise(&exc_TypeError, "argument for " + f + "() given by name ('" + std::string(key->view()) +
                                  "') and position (" + std::to_string(index + 1) + ")");
        return false;
      }
      out[index] = args[nargs + k];
    }
  }
  size_t i = 0;
  for (const char* name : sig.names) {
    if (i >= sig.nrequired) break;
    if (!out[i]) {
      raise(&exc_TypeError, f + "() missing required argument '" + name + "' (pos " + std::to_string(i + 1) + ")");
      return false;
    }
    ++i;
  }
  return true;
}

}  // namespace minipy
