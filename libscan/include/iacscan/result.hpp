// Result<T>: a value or an Error, for failures caused by the environment or by user input
// (unreadable paths, bad options, invalid policy files). Shaped like std::expected so it can
// become one when the project moves to C++23. Exceptions never cross the public API (short of
// std::bad_alloc); a bug inside the library surfaces as ErrorCode::internal.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "iacscan/location.hpp"

namespace iacscan {

enum class ErrorCode {
  io,              // a path could not be read
  invalid_option,  // a ScanOptions field, configuration file or baseline is invalid
  invalid_policy,  // a policy file failed to load or validate
  internal,        // a bug: please report it
};

struct Error {
  ErrorCode code = ErrorCode::internal;
  std::string message;
  Location location;  // empty path when the error is not tied to a file
};

// Owns its value or its Error. Check has_value() (or the bool conversion) before value():
// value() of an Error, like error() of a value, throws std::bad_variant_access.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool has_value() const noexcept { return state_.index() == 0; }
  explicit operator bool() const noexcept { return has_value(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const& { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace iacscan
