#include "capi/c_strings.hpp"

#include <cstdlib>
#include <cstring>

namespace iacscan::detail {

char* c_string_copy(std::string_view text) noexcept {
  auto* copy = static_cast<char*>(std::malloc(text.size() + 1));
  if (copy == nullptr) return nullptr;
  if (!text.empty()) std::memcpy(copy, text.data(), text.size());
  copy[text.size()] = '\0';
  return copy;
}

void set_c_error(char** error, std::string_view prefix, std::string_view detail) noexcept {
  if (error == nullptr) return;
  auto* message = static_cast<char*>(std::malloc(prefix.size() + detail.size() + 1));
  if (message != nullptr) {
    if (!prefix.empty()) std::memcpy(message, prefix.data(), prefix.size());
    if (!detail.empty()) std::memcpy(message + prefix.size(), detail.data(), detail.size());
    message[prefix.size() + detail.size()] = '\0';
  }
  *error = message;
}

}  // namespace iacscan::detail
