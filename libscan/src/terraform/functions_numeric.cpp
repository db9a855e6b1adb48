// Numeric functions. Terraform numbers are arbitrary precision; Values hold doubles, which
// is exact for every integer a configuration plausibly contains (below 2^53).
#include <algorithm>
#include <cmath>
#include <string>

#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"

namespace iacscan::detail::tf {
namespace {

Value min(FunctionCall& call) {
  double result = expect_number(call, 0);
  for (std::size_t i = 1; i < call.args.size(); ++i)
    result = std::min(result, expect_number(call, i));
  return make_number(result);
}

Value max(FunctionCall& call) {
  double result = expect_number(call, 0);
  for (std::size_t i = 1; i < call.args.size(); ++i)
    result = std::max(result, expect_number(call, i));
  return make_number(result);
}

Value sum(FunctionCall& call) {
  const Value::List& list = expect_list(call, 0);
  if (list.empty()) fail("cannot sum an empty list");
  double total = 0;
  for (const Value& item : list) {
    if (item.is_null()) fail("argument must be list, set, or tuple of number values");
    auto number = to_number(item);
    if (!number) fail("argument must be list, set, or tuple of number values");
    total += *number;
  }
  return make_number(decimal_tidy(total));
}

Value abs(FunctionCall& call) {
  return make_number(std::fabs(expect_number(call, 0)));
}
Value ceil(FunctionCall& call) {
  return make_number(std::ceil(expect_number(call, 0)));
}
Value floor(FunctionCall& call) {
  return make_number(std::floor(expect_number(call, 0)));
}

Value log(FunctionCall& call) {
  const double number = expect_number(call, 0);
  const double base = expect_number(call, 1);
  return make_number(decimal_tidy(std::log(number) / std::log(base)));
}

Value pow(FunctionCall& call) {
  return make_number(std::pow(expect_number(call, 0), expect_number(call, 1)));
}

Value signum(FunctionCall& call) {
  const double number = expect_number(call, 0);
  return make_number(number > 0 ? 1 : number < 0 ? -1 : 0);
}

// The value of digit `c`: 0-9, then a-z; above base 36 A-Z are 36-61, below they repeat
// a-z (Go's big.Int parsing, which Terraform uses).
int digit_value(char c, int base) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + (base <= 36 ? 10 : 36);
  return 99;
}

Value parseint(FunctionCall& call) {
  const std::string text = expect_string(call, 0);
  const std::int64_t base = expect_integer(call, 1);
  if (base < 2 || base > 62) fail("base must be a whole number between 2 and 62 inclusive");
  std::string_view digits = text;
  const bool negative = !digits.empty() && digits.front() == '-';
  if (!digits.empty() && (digits.front() == '-' || digits.front() == '+')) digits.remove_prefix(1);
  if (digits.empty())
    fail("cannot parse \"" + text + "\" as a base " + std::to_string(base) + " integer");
  double value = 0;
  for (char c : digits) {
    const int digit = digit_value(c, static_cast<int>(base));
    if (digit >= base)
      fail("cannot parse \"" + text + "\" as a base " + std::to_string(base) + " integer");
    value = value * static_cast<double>(base) + digit;
  }
  return make_number(negative ? -value : value);
}

}  // namespace

std::vector<FunctionSpec> numeric_functions() {
  return {
      {"abs", abs, 1, 1, false},           {"ceil", ceil, 1, 1, false},
      {"floor", floor, 1, 1, false},       {"log", log, 2, 2, false},
      {"max", max, 1, -1, false},          {"min", min, 1, -1, false},
      {"parseint", parseint, 2, 2, false}, {"pow", pow, 2, 2, false},
      {"signum", signum, 1, 1, false},     {"sum", sum, 1, 1, false},
  };
}

}  // namespace iacscan::detail::tf
