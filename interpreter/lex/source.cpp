#include "lex/source.h"


#include "lex/unicode.h"

namespace minipy {

namespace {

enum class Encoding { Utf8, Latin1, Ascii };

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

// The encoding named in a PEP 263 comment line ("# -*- coding: latin-1 -*-"), or "" when the
// line is not a comment line or names none.  `line` excludes its newline.
std::string coding_spec(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
  if (i == line.size() || line[i] != '#') return "";
  for (std::size_t at = line.find("coding", i); at != std::string_view::npos;
       at = line.find("coding", at + 1)) {
    std::size_t t = at + 6;
    if (t >= line.size() || (line[t] != ':' && line[t] != '=')) continue;
    do {
      ++t;
    } while (t < line.size() && (line[t] == ' ' || line[t] == '\t'));
    std::size_t begin = t;
    while (t < line.size() && is_name_char(line[t])) ++t;
    if (t > begin) return std::string(line.substr(begin, t - begin));
  }
  return "";
}

// True when the line holds something other than blanks and a comment: then a coding
// declaration on the next line no longer counts.
bool has_code(std::string_view line) {
  for (char c : line) {
    if (c == '#') return false;
    if (c != ' ' && c != '\t' && c != '\f' && c != '\r') return true;
  }
  return false;
}

// CPython normalizes the common spellings of utf-8 and latin-1 before reporting them.
std::string normal_name(const std::string& spec) {
  std::string n;
  for (std::size_t i = 0; i < spec.size() && i < 12; ++i) {
    char c = spec[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    n += c == '_' ? '-' : c;
  }
  auto is_or_prefix = [&](std::string_view base) {
    return n == base || (n.size() > base.size() && n.compare(0, base.size(), base) == 0 &&
                         n[base.size()] == '-');
  };
  if (is_or_prefix("utf-8")) return "utf-8";
  if (is_or_prefix("latin-1") || is_or_prefix("iso-8859-1") || is_or_prefix("iso-latin-1")) {
    return "iso-8859-1";
  }
  return spec;
}

std::optional<Encoding> lookup_encoding(const std::string& name) {
  std::string n;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    n += c == '_' ? '-' : c;
  }
  if (n == "utf-8" || n == "utf8") return Encoding::Utf8;
  if (n == "iso-8859-1" || n == "iso8859-1" || n == "latin-1" || n == "latin1" || n == "latin" ||
      n == "l1" || n == "8859" || n == "cp819") {
    return Encoding::Latin1;
  }
  if (n == "ascii" || n == "us-ascii" || n == "646") return Encoding::Ascii;
  return std::nullopt;
}

SyntaxErrorInfo plain_error(std::string msg, std::string_view filename) {
  SyntaxErrorInfo e;
  e.kind = "SyntaxError";
  e.msg = std::move(msg);
  e.filename = std::string(filename);
  return e;
}

}  // namespace

std::optional<SyntaxErrorInfo> decode_source(std::string_view raw, std::string_view filename,
                                             bool append_newline, bool text_input,
                                             DecodedSource& out) {
  bool bom = !text_input && raw.substr(0, 3) == "\xEF\xBB\xBF";
  if (bom) raw.remove_prefix(3);

  // The declaration may sit on line 1, or on line 2 when line 1 is blank or a comment.
  std::string spec;
  std::size_t nl1 = raw.find('\n');
  std::string_view line1 = raw.substr(0, nl1);
  if (!text_input) spec = coding_spec(line1);
  if (!text_input && spec.empty() && nl1 != std::string_view::npos && !has_code(line1)) {
    std::string_view rest = raw.substr(nl1 + 1);
    spec = coding_spec(rest.substr(0, rest.find('\n')));
  }
  Encoding encoding = Encoding::Utf8;
  if (!spec.empty()) {
    std::string name = normal_name(spec);
    if (bom && name != "utf-8") {
      return plain_error("encoding problem: " + name + " with BOM", filename);
    }
    auto found = lookup_encoding(name);
    if (!found) return plain_error("encoding problem: " + name, filename);
    encoding = *found;
  }
  out.declared_encoding = bom || !spec.empty();

  std::string& text = out.text;
  text.clear();
  text.reserve(raw.size() + 1);
  int lineno = 1;
  for (std::size_t pos = 0; pos < raw.size();) {
    unsigned char c = static_cast<unsigned char>(raw[pos]);
    if (c == 0) {
      SyntaxErrorInfo e = plain_error("source code cannot contain null bytes", filename);
      e.lineno = e.end_lineno = lineno;
      return e;
    }
    if (c == '\r' || c == '\n') {
      text += '\n';
      pos += (c == '\r' && pos + 1 < raw.size() && raw[pos + 1] == '\n') ? 2 : 1;
      ++lineno;
    } else if (c < 0x80) {
      text += static_cast<char>(c);
      ++pos;
    } else if (encoding == Encoding::Latin1) {
      unicode::append_utf8(text, c);
      ++pos;
    } else {
      std::size_t start = pos;
      if (encoding == Encoding::Ascii || !unicode::decode_utf8(raw, pos)) {
        static constexpr char kHex[] = "0123456789abcdef";
        std::string msg = "Non-UTF-8 code starting with '\\x";
        msg += kHex[c >> 4];
        msg += kHex[c & 15];
        msg += "' in file " + std::string(filename) + " on line " + std::to_string(lineno) +
               ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
        return plain_error(std::move(msg), filename);
      }
      text.append(raw.substr(start, pos - start));
    }
  }
  // CPython's translate_newlines() drops the '\n' of a final "\r\n" and then, finding no
  // newline last, adds one: such a file gets an extra empty line (it shows in error texts).
  bool crlf_last = raw.size() >= 2 && raw.substr(raw.size() - 2) == "\r\n";
  if (append_newline && (text.empty() || text.back() != '\n' || crlf_last)) text += '\n';
  return std::nullopt;
}

}  // namespace minipy
