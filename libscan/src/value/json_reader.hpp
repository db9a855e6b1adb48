// Strict JSON (RFC 8259) reader that produces positioned Values, plus the result and limit
// types it shares with the YAML reader. Every value and every object key carries the exact
// span it was written at, so findings can point into JSON templates and policy documents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "value/value.hpp"

namespace iacscan::detail {

// Why a file could not be read, and where (1-based line, 1-based byte column).
struct ReadError {
  std::string message;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

// Exactly one of `value` and `error` is set. `warnings` are problems that did not stop the
// read (duplicate keys).
struct ReadResult {
  std::optional<Value> value;
  std::optional<ReadError> error;
  std::vector<ReadError> warnings;
  bool ok() const noexcept { return value.has_value(); }
  static ReadResult failed(ReadError e) {
    ReadResult r;
    r.error = std::move(e);
    return r;
  }
};

struct ReadLimits {
  // Deeper nesting is refused with a ReadError rather than risking the stack.
  std::uint32_t max_depth = 512;
  // YAML only: nodes that alias expansion may produce. 0 picks a budget from the input size
  // (see yaml_reader.hpp).
  std::size_t max_alias_nodes = 0;
};

ReadResult read_json(std::string_view text, FileId file, const ReadLimits& limits = {});

// Removes entries whose key occurs again later in the map, so the last one wins as in most
// JSON and YAML libraries, and records a warning at each later occurrence. Linear time; both
// readers call it once per finished map.
void drop_shadowed_keys(Value::Map& entries, std::vector<ReadError>& warnings);

// Length of the well-formed UTF-8 sequence at `pos` (1-4), or 0 when the bytes there are not
// valid UTF-8 (overlong forms, surrogates and code points above U+10FFFF are invalid).
std::size_t utf8_sequence_length(std::string_view text, std::size_t pos) noexcept;

// True when every byte of `text` belongs to a valid UTF-8 sequence (NUL included).
bool is_valid_utf8(std::string_view text) noexcept;

}  // namespace iacscan::detail
