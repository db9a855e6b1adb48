// CSV records as Go's encoding/csv reads them with its defaults, which is what Terraform's
// csvdecode uses: comma-separated, blank lines skipped, quoted fields may span lines and
// hold "" for a quote, a quote inside an unquoted field is an error. Private to csvdecode.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iacscan::detail::tf {

// Malformed CSV: the 1-based line where reading stopped and Go's wording of the problem.
struct CsvSyntaxError {
  int line = 0;
  std::string message;
};

class CsvReader {
 public:
  explicit CsvReader(std::string_view text) : text_(text) {}

  // The next record's fields; nullopt at the end of the text. Throws CsvSyntaxError.
  std::optional<std::vector<std::string>> next_record();
  // The line the last record started on, for messages about the record as a whole.
  int record_line() const { return record_line_; }

 private:
  bool next_line(std::string& line);
  [[noreturn]] void error(std::string message) const;

  std::string_view text_;
  std::size_t position_ = 0;
  int line_ = 0;
  int record_line_ = 0;
};

}  // namespace iacscan::detail::tf
