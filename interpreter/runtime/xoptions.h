// -X options from the command line (sys._xoptions): "-X trace=out.json" is {"trace": "out.json"},
// a bare "-X name" maps to True.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace minipy {

void add_xoption(const std::string& option);
// The value of -X name=value ("" for a bare -X name), or nullopt when not given.
std::optional<std::string> xoption(const std::string& name);
const std::vector<std::pair<std::string, std::optional<std::string>>>& all_xoptions();

}  // namespace minipy
