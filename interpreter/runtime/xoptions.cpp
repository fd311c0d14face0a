#include "runtime/xoptions.h"

namespace minipy {

namespace {
std::vector<std::pair<std::string, std::optional<std::string>>>& options() {
  static std::vector<std::pair<std::string, std::optional<std::string>>> all;
  return all;
}
}  // namespace

void add_xoption(const std::string& option) {
  size_t eq = option.find('=');
  if (eq == std::string::npos) {
    options().emplace_back(option, std::nullopt);
  } else {
    options().emplace_back(option.substr(0, eq), option.substr(eq + 1));
  }
}

std::optional<std::string> xoption(const std::string& name) {
  for (auto it = options().rbegin(); it != options().rend(); ++it) {
    if (it->first == name) return it->second ? *it->second : std::string();
  }
  return std::nullopt;
}

const std::vector<std::pair<std::string, std::optional<std::string>>>& all_xoptions() { return options(); }

}  // namespace minipy
