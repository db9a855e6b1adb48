// Strings handed across the C boundary: allocated with malloc so that iacscan_string_free can
// release them whatever allocator the caller's language uses, and built without throwing.
#pragma once

#include <string_view>

namespace iacscan::detail {

// A NUL-terminated malloc'ed copy of `text`; nullptr when memory is exhausted.
char* c_string_copy(std::string_view text) noexcept;

// Sets *error (when `error` is not null) to a copy of prefix + detail; to nullptr when even
// that allocation fails.
void set_c_error(char** error, std::string_view prefix, std::string_view detail = {}) noexcept;

// The error out-parameter is cleared on entry, so that a caller may test it after success.
inline void clear_c_error(char** error) noexcept {
  if (error != nullptr) *error = nullptr;
}

}  // namespace iacscan::detail
