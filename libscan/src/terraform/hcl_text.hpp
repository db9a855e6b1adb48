// Text-level HCL rules that need no syntax tree: string escapes, heredoc indentation,
// input validation, positions and short excerpts for messages. Pure functions, easy to test.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "value/value.hpp"

namespace iacscan::detail::hcl {

// The value of a quoted string's body (the bytes between the quotes): decodes the escapes
// \n \r \t \" \\ \uXXXX \UXXXXXXXX and the template escapes $${ and %%{. Unknown escapes
// stay as written.
std::string decode_quoted(std::string_view body);

// The value of a heredoc's lines (the bytes after the opening line, up to the line of the
// closing marker). Backslashes are literal in heredocs; only $${ and %%{ are escapes.
// `flush` (<<-) removes the smallest leading whitespace of the non-blank lines, as Terraform.
std::string decode_heredoc(std::string_view lines, bool flush);

// True when `text` is valid UTF-8 without NUL bytes: anything else is not an HCL file.
bool is_text(std::string_view text) noexcept;

// `text` on one line (whitespace runs collapsed) and cut to about `max_bytes` on a character
// boundary, with "..." when cut: source quoted in messages.
std::string excerpt(std::string_view text, std::size_t max_bytes = 60);

// A byte range as tree-sitter reports it: 0-based rows and byte columns, exclusive end.
struct TextRange {
  std::uint32_t begin_byte = 0;
  std::uint32_t end_byte = 0;
  std::uint32_t start_row = 0;
  std::uint32_t start_column = 0;
  std::uint32_t end_row = 0;
  std::uint32_t end_column = 0;
};

// The same range as a Span: 1-based, end inclusive. A range ending at column 0 ends on the
// previous line's last byte (its newline); an empty range is the point where it starts.
Span make_span(std::string_view source, FileId file, const TextRange& range) noexcept;

}  // namespace iacscan::detail::hcl
