// Go encoding/csv's record syntax (RFC 4180 with its leniencies), see csv_reader.hpp.
#include "terraform/csv_reader.hpp"

namespace iacscan::detail::tf {

void CsvReader::error(std::string message) const {
  throw CsvSyntaxError{line_, std::move(message)};
}

// The next line with its "\n"; a "\r\n" ending reads as "\n", a final lone "\r" is dropped.
bool CsvReader::next_line(std::string& line) {
  if (position_ >= text_.size()) return false;
  std::size_t end = text_.find('\n', position_);
  end = end == std::string_view::npos ? text_.size() : end + 1;
  line.assign(text_.substr(position_, end - position_));
  position_ = end;
  ++line_;
  if (line.ends_with("\r\n")) {
    line.erase(line.size() - 2);
    line += '\n';
  } else if (line.ends_with('\r') && position_ == text_.size()) {
    line.pop_back();
  }
  return true;
}

std::optional<std::vector<std::string>> CsvReader::next_record() {
  std::string line;
  do {
    if (!next_line(line)) return std::nullopt;
  } while (line == "\n");
  record_line_ = line_;
  std::vector<std::string> fields;
  std::size_t i = 0;
  while (true) {
    std::string field;
    if (i < line.size() && line[i] == '"') {
      // Quoted: up to the closing quote, reading on into later lines if needed.
      ++i;
      while (true) {
        const std::size_t quote = line.find('"', i);
        if (quote == std::string::npos) {
          field.append(line, i);
          if (!next_line(line)) error("extraneous or missing \" in quoted-field");
          i = 0;
          continue;
        }
        field.append(line, i, quote - i);
        i = quote + 1;
        if (i < line.size() && line[i] == '"') {
          field += '"';
          ++i;
        } else if (i < line.size() && line[i] == ',') {
          ++i;
          break;
        } else if (i >= line.size() || line[i] == '\n') {
          fields.push_back(std::move(field));
          return fields;
        } else {
          error("extraneous or missing \" in quoted-field");
        }
      }
      fields.push_back(std::move(field));
      continue;
    }
    const std::size_t comma = line.find(',', i);
    std::size_t end = comma == std::string::npos ? line.size() : comma;
    if (comma == std::string::npos && end > i && line[end - 1] == '\n') --end;
    field = line.substr(i, end - i);
    if (field.find('"') != std::string::npos) error("bare \" in non-quoted-field");
    fields.push_back(std::move(field));
    if (comma == std::string::npos) return fields;
    i = comma + 1;
  }
}

}  // namespace iacscan::detail::tf
