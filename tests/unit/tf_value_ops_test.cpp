// Terraform value rules shared by the evaluator and the functions: number printing,
// conversions, equality, sets.
#include <doctest/doctest.h>

#include "terraform/value_ops.hpp"

using namespace iacscan::detail;
using namespace iacscan::detail::tf;

TEST_CASE("tf values: numbers print as Terraform prints them") {
  CHECK(format_number(3) == "3");
  CHECK(format_number(-12) == "-12");
  CHECK(format_number(1.5) == "1.5");
  CHECK(format_number(0.1 + 0.2) == "0.3");
  CHECK(format_number(1e18) == "1000000000000000000");
  CHECK(format_number(2.0 / 3.0) == "0.666666666666667");
}

TEST_CASE("tf values: conversions and equality") {
  CHECK(to_number(Value::string("5")) == 5);
  CHECK_FALSE(to_number(Value::string("five")).has_value());
  CHECK(to_bool(Value::string("true")) == true);
  CHECK(to_string(Value::boolean(false)) == "false");
  CHECK(values_equal(Value::number(1, "1"), Value::string("1")) == false);
  CHECK_FALSE(values_equal(Value::unknown("x"), Value::string("1")).has_value());
  CHECK(is_error(convert_to_number(Value::string("x"))));
  Value::List set = make_set({Value::string("b"), Value::string("a"), Value::string("b")});
  REQUIRE(set.size() == 2);
  CHECK(set[0].text() == "a");
}
