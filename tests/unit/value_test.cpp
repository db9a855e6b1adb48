// Value: construction, lookup and the fully-known test.
#include <doctest/doctest.h>

#include "value/value.hpp"

using iacscan::detail::Value;

TEST_CASE("map lookup and replacement keep source order") {
  Value m = Value::map({});
  m.set("a", Value::string("x"));
  m.set("b", Value::number(1, "1"));
  m.set("a", Value::string("y"));
  REQUIRE(m.entries().size() == 2);
  CHECK(m.entries()[0].key == "a");
  CHECK(m.find("a")->text() == "y");
  CHECK(m.find("missing") == nullptr);
  CHECK(Value::string("s").find("a") == nullptr);
}

TEST_CASE("an unknown anywhere inside makes a value not fully known") {
  Value list = Value::list({Value::string("a"), Value::map({})});
  CHECK(list.is_fully_known());
  list.items()[1].set("k", Value::unknown("var.x"));
  CHECK_FALSE(list.is_fully_known());
  CHECK(Value::unknown("r").to_display_string() == "(unknown)");
  CHECK(Value::number(10, "010").to_display_string() == "010");
}
