// Three-valued logic for rule conditions: a test on an unknown value is Unknown, and Unknown
// never turns into True or False by accident (no findings from values we cannot know).
#pragma once

#include <cstdint>

namespace iacscan::detail {

enum class Truth : std::uint8_t { false_, true_, unknown };

constexpr Truth truth_of(bool b) noexcept {
  return b ? Truth::true_ : Truth::false_;
}

constexpr Truth truth_not(Truth t) noexcept {
  switch (t) {
    case Truth::true_:
      return Truth::false_;
    case Truth::false_:
      return Truth::true_;
    default:
      return Truth::unknown;
  }
}

// Kleene conjunction and disjunction: false (true) decides whatever the other side is.
constexpr Truth truth_and(Truth a, Truth b) noexcept {
  if (a == Truth::false_ || b == Truth::false_) return Truth::false_;
  if (a == Truth::unknown || b == Truth::unknown) return Truth::unknown;
  return Truth::true_;
}

constexpr Truth truth_or(Truth a, Truth b) noexcept {
  if (a == Truth::true_ || b == Truth::true_) return Truth::true_;
  if (a == Truth::unknown || b == Truth::unknown) return Truth::unknown;
  return Truth::false_;
}

}  // namespace iacscan::detail
