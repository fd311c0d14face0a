#include "runtime/source_lines.h"

#include <map>
#include <mutex>
#include <vector>

#include "runtime/embedded_stdlib.h"
#include "runtime/file_read.h"

namespace minipy {

namespace {

std::mutex cache_mutex;

std::map<std::string, std::vector<std::string>, std::less<>>& cache() {
  static std::map<std::string, std::vector<std::string>, std::less<>> files;
  return files;
}

std::vector<std::string> split_lines(std::string_view text) {
  std::vector<std::string> lines;
  size_t start = 0;
  while (start < text.size()) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    lines.emplace_back(text.substr(start, nl - start));
    start = nl + 1;
  }
  return lines;
}

std::vector<std::string> load(std::string_view filename) {
  constexpr std::string_view frozen = "<frozen ";
  if (filename.substr(0, frozen.size()) == frozen) {
    for (size_t i = 0; i < kEmbeddedModuleCount; ++i) {
      if (filename == kEmbeddedModules[i].filename) {
        return split_lines(std::string_view(kEmbeddedModules[i].source, kEmbeddedModules[i].size));
      }
    }
    return {};
  }
  std::string text;
  if (!read_file(std::string(filename), &text)) return {};
  return split_lines(text);
}

}  // namespace

std::string source_line(std::string_view filename, int64_t lineno) {
  std::lock_guard<std::mutex> lock(cache_mutex);
  auto it = cache().find(filename);
  if (it == cache().end()) it = cache().emplace(std::string(filename), load(filename)).first;
  if (lineno < 1 || lineno > static_cast<int64_t>(it->second.size())) return std::string();
  std::string line = it->second[lineno - 1];
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

}  // namespace minipy
