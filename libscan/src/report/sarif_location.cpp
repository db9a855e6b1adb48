#include "report/sarif_location.hpp"

#include <algorithm>
#include <cstdint>
#include <string>

#include "report/text_report.hpp"

namespace iacscan::detail {
namespace {

bool is_unreserved(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '.' || c == '_' || c == '~';
}

// Byte by byte, so spaces, '%', '#', ':' and non-ASCII all survive as a valid URI reference.
std::string percent_encode(std::string_view path) {
  static constexpr std::string_view kHex = "0123456789ABCDEF";
  std::string out;
  for (char c : path) {
    if (is_unreserved(c) || c == '/') {
      out += c;
      continue;
    }
    const auto byte = static_cast<unsigned char>(c);
    out += '%';
    out += kHex[byte >> 4];
    out += kHex[byte & 0xFu];
  }
  return out;
}

const std::string* excerpt_line(const Excerpt& excerpt, std::uint32_t number) {
  if (excerpt.first_line == 0 || number < excerpt.first_line) return nullptr;
  const std::size_t index = number - excerpt.first_line;
  return index < excerpt.lines.size() ? &excerpt.lines[index] : nullptr;
}

// UTF-16 code units in the first `bytes` bytes of `line` (SARIF's default column unit).
// An invalid byte counts as one unit (it reads as U+FFFD); bytes past the end count one each.
std::uint32_t utf16_units(std::string_view line, std::size_t bytes) {
  std::size_t units = 0;
  const std::size_t stop = std::min(bytes, line.size());
  for (std::size_t pos = 0; pos < stop;) {
    char32_t cp = 0;
    const std::size_t length = decode_utf8(line, pos, cp);
    units += length != 0 && cp >= 0x10000 ? 2 : 1;
    pos += std::max<std::size_t>(length, 1);
  }
  if (bytes > line.size()) units += bytes - line.size();
  return static_cast<std::uint32_t>(units);
}

// Offset just past the character that contains byte `last` (an inclusive end column may
// name the first byte of a multi-byte character).
std::size_t end_of_character(std::string_view line, std::size_t last) {
  std::size_t end = last + 1;
  while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0u) == 0x80u) ++end;
  return end;
}

// The text of lines [first, last] of the excerpt, from byte `start` of the first line to
// byte `end` (exclusive) of the last; nullopt when the excerpt lacks one of those lines.
std::optional<std::string> excerpt_text(const Excerpt& excerpt, std::uint32_t first,
                                        std::uint32_t last, std::size_t start, std::size_t end) {
  std::string text;
  for (std::uint32_t number = first; number <= last; ++number) {
    const std::string* line = excerpt_line(excerpt, number);
    if (line == nullptr) return std::nullopt;
    std::string_view part = *line;
    if (number == last) part = part.substr(0, std::min(end, part.size()));
    if (number == first) part = part.substr(std::min(start, part.size()));
    if (number != first) text += '\n';
    text += part;
  }
  return text;
}

}  // namespace

SarifJson sarif_artifact_location(std::string_view path) {
  SarifJson artifact = SarifJson::object();
  if (path.starts_with('/')) {
    artifact["uri"] = "file://" + percent_encode(path);
  } else {
    artifact["uri"] = percent_encode(path);
    artifact["uriBaseId"] = kSarifSourceRoot;
  }
  return artifact;
}

SarifJson sarif_region(const Location& location, const Excerpt& excerpt) {
  const std::uint32_t end_line = std::max(location.end_line, location.start_line);
  const std::string* first = excerpt_line(excerpt, location.start_line);
  const std::string* last = excerpt_line(excerpt, end_line);
  std::size_t start_byte = 0;
  std::size_t end_byte = std::string::npos;
  std::uint32_t start_column = 0;

  SarifJson json = SarifJson::object();
  json["startLine"] = location.start_line;
  if (location.start_column != 0) {
    start_byte = location.start_column - 1;
    start_column = first != nullptr ? utf16_units(*first, start_byte) + 1 : location.start_column;
    json["startColumn"] = start_column;
  }
  json["endLine"] = end_line;
  if (location.end_column != 0) {
    end_byte = last != nullptr ? end_of_character(*last, location.end_column - 1)
                               : std::size_t{location.end_column};
    std::uint32_t end_column =
        last != nullptr ? utf16_units(*last, end_byte) + 1 : location.end_column + 1;
    // An inverted range would make the log invalid; shrink it to an insertion point instead.
    if (end_line == location.start_line) end_column = std::max(end_column, start_column);
    json["endColumn"] = end_column;
  }
  const auto snippet = excerpt_text(excerpt, location.start_line, end_line, start_byte, end_byte);
  if (snippet && !snippet->empty()) json["snippet"] = SarifJson{{"text", *snippet}};
  return json;
}

std::optional<SarifJson> sarif_context_region(const Location& location, const Excerpt& excerpt) {
  const std::uint32_t end_line = std::max(location.end_line, location.start_line);
  if (excerpt.first_line == 0 || excerpt.first_line >= location.start_line) return std::nullopt;
  const auto text = excerpt_text(excerpt, excerpt.first_line, end_line, 0, std::string::npos);
  if (!text) return std::nullopt;
  return SarifJson{
      {"startLine", excerpt.first_line}, {"endLine", end_line}, {"snippet", {{"text", *text}}}};
}

SarifJson sarif_physical_location(const Location& location, const Excerpt& excerpt) {
  SarifJson physical = SarifJson::object();
  physical["artifactLocation"] = sarif_artifact_location(location.path);
  if (!location.has_position()) {
    physical["region"] = SarifJson{{"startLine", 1}};
    return physical;
  }
  physical["region"] = sarif_region(location, excerpt);
  if (auto context = sarif_context_region(location, excerpt)) physical["contextRegion"] = *context;
  return physical;
}

}  // namespace iacscan::detail
