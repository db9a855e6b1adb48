// JSON reader: exact spans, escapes, numbers, strictness, error positions and limits.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <string>

#include "test_support.hpp"
#include "value/json_reader.hpp"

using iacscan::detail::read_json;
using iacscan::detail::ReadLimits;
using iacscan::detail::ReadResult;
using iacscan::detail::Span;
using iacscan::detail::Value;

using iacscan::testing::where;

namespace {

Value json_ok(const std::string& text) {
  ReadResult result = read_json(text, 7);
  INFO("input: " << text);
  if (result.error) INFO("error: " << result.error->message);
  REQUIRE(result.ok());
  return *result.value;
}

// "line:column message" of a failed read.
std::string json_error(const std::string& text) {
  ReadResult result = read_json(text, 0);
  INFO("input: " << text);
  REQUIRE_FALSE(result.ok());
  REQUIRE(result.error);
  return std::to_string(result.error->line) + ":" + std::to_string(result.error->column) + " " +
         result.error->message;
}

}  // namespace

TEST_CASE("json reader: spans of scalars, keys and collections") {
  const Value root = json_ok(
      "{\n"
      "  \"name\": \"logs\",\n"
      "  \"count\": 10,\n"
      "  \"tags\": [true, null],\n"
      "  \"nested\": {}\n"
      "}\n");
  REQUIRE(root.is_map());
  CHECK(root.span.file == 7);
  CHECK(where(root.span) == "1:1-6:1");
  REQUIRE(root.entries().size() == 4);
  CHECK(where(root.entries()[0].key_span) == "2:3-2:8");
  CHECK(where(root.find("name")->span) == "2:11-2:16");
  CHECK(where(root.entries()[1].key_span) == "3:3-3:9");
  CHECK(where(root.find("count")->span) == "3:12-3:13");
  const Value& tags = *root.find("tags");
  CHECK(where(tags.span) == "4:11-4:22");
  CHECK(where(tags.items()[0].span) == "4:12-4:15");
  CHECK(where(tags.items()[1].span) == "4:18-4:21");
  CHECK(tags.items()[1].is_null());
  CHECK(where(root.find("nested")->span) == "5:13-5:14");
}

TEST_CASE("json reader: CRLF line ends and a BOM keep byte columns") {
  const Value root = json_ok("\xEF\xBB\xBF{\"a\":\r\n [1]}");
  CHECK(where(root.span) == "1:4-2:5");
  CHECK(where(root.entries()[0].key_span) == "1:5-1:7");
  CHECK(where(root.find("a")->span) == "2:2-2:4");
}

TEST_CASE("json reader: string escapes decode to UTF-8") {
  CHECK(json_ok(R"("a\"b\\c\/d\b\f\n\r\t")").text() == "a\"b\\c/d\b\f\n\r\t");
  CHECK(json_ok(R"("caf\u00e9")").text() == "caf\xC3\xA9");
  CHECK(json_ok(R"("\u20AC")").text() == "\xE2\x82\xAC");
  CHECK(json_ok(R"("\ud83d\ude00")").text() == "\xF0\x9F\x98\x80");
  CHECK(json_ok(R"("\u0000")").text() == std::string(1, '\0'));
  CHECK(json_ok("\"raw \xC3\xA9\"").text() == "raw \xC3\xA9");
  // The span covers the text as written, escapes included.
  CHECK(where(json_ok(R"(  "\u00e9")").span) == "1:3-1:10");
}

TEST_CASE("json reader: numbers keep their source text") {
  const Value list =
      json_ok("[0, -0, 10, 1.5e3, 1E-2, -2.25, 123456789012, 1e999, -1e999, 1e-999]");
  const auto& n = list.items();
  CHECK(n[0].as_number() == 0);
  CHECK(n[1].text() == "-0");
  CHECK(n[2].as_number() == 10);
  CHECK(n[3].as_number() == 1500);
  CHECK(n[3].text() == "1.5e3");
  CHECK(n[4].as_number() == doctest::Approx(0.01));
  CHECK(n[5].as_number() == -2.25);
  CHECK(n[6].text() == "123456789012");
  CHECK(n[6].as_number() == 123456789012.0);
  CHECK(std::isinf(n[7].as_number()));
  CHECK(n[8].as_number() < 0);
  CHECK(n[9].as_number() == 0);
  CHECK(where(n[3].span) == "1:13-1:17");
}

TEST_CASE("json reader: literals") {
  const Value list = json_ok("[true,false,null]");
  CHECK(list.items()[0].as_bool());
  CHECK_FALSE(list.items()[1].as_bool());
  CHECK(list.items()[2].is_null());
  CHECK(json_ok(" \"x\" ").is_string());
}

TEST_CASE("json reader: duplicate keys, last one wins") {
  const Value small = json_ok(R"({"a": 1, "b": 2, "a": 3})");
  REQUIRE(small.entries().size() == 2);
  CHECK(small.entries()[0].key == "b");
  CHECK(small.find("a")->as_number() == 3);
  CHECK(where(small.entries()[1].key_span) == "1:18-1:20");

  std::string big = "{";
  for (int i = 0; i < 50; ++i)
    big += "\"k" + std::to_string(i % 10) + "\": " + std::to_string(i) + ",";
  big += "\"last\": true}";
  const Value many = json_ok(big);
  CHECK(many.entries().size() == 11);
  CHECK(many.find("k3")->as_number() == 43);
}

TEST_CASE("json reader: malformed input names line and column") {
  CHECK(json_error("{\"a\": 1 \"b\": 2}") == "1:9 expected ',' or '}' after object member");
  CHECK(json_error("{\n  \"a\": 1,\n}") == "3:1 trailing comma before '}'");
  CHECK(json_error("[1, 2,]") == "1:7 trailing comma before ']'");
  CHECK(json_error("[1 2]") == "1:4 expected ',' or ']' after array element");
  CHECK(json_error("{\"a\" 1}") == "1:6 expected ':' after object key");
  CHECK(json_error("{a: 1}") == "1:2 expected '\"' to start an object key");
  CHECK(json_error("// c\n{}") ==
        "1:1 unexpected character '/' (comments are not allowed in JSON)");
  CHECK(json_error("[01]") == "1:3 leading zeros are not allowed in numbers");
  CHECK(json_error("[1.]") == "1:4 expected a digit after '.' in number");
  CHECK(json_error("[-]") == "1:3 expected a digit after '-' in number");
  CHECK(json_error("[1e]") == "1:4 expected a digit in the exponent in number");
  CHECK(json_error("[.5]") == "1:2 unexpected character '.'");
  CHECK(json_error("\n  \"abc") == "2:3 unterminated string");
  CHECK(json_error(R"(["\x"])") == "1:3 invalid escape '\\x' in string");
  CHECK(json_error(R"(["\u12"])") == "1:3 invalid \\u escape: expected four hex digits");
  CHECK(json_error(R"(["\ud83d"])") ==
        "1:3 high surrogate in \\u escape is not followed by a low surrogate");
  CHECK(json_error(R"(["\ude00"])") == "1:3 unpaired low surrogate in \\u escape");
  CHECK(json_error("[\"a\tb\"]") == "1:4 control character 0x09 in string (it must be escaped)");
  CHECK(json_error("[\"\xC3\x28\"]") == "1:3 invalid UTF-8 in string");
  CHECK(json_error("") == "1:1 empty input: expected a JSON value");
  CHECK(json_error("{} {}") == "1:4 unexpected content after the top-level value");
  CHECK(json_error("[tru]") == "1:2 invalid literal (expected true, false or null)");
  CHECK(json_error("[1,") == "1:4 unexpected end of input");
  CHECK(json_error("{\"a\":") == "1:6 unexpected end of input");
  CHECK(json_error("{\"a\": [1\n") ==
        "2:1 unexpected end of input: expected ',' or ']' after array element");
  CHECK(json_error("{\"a\": 1") ==
        "1:8 unexpected end of input: expected ',' or '}' after object member");
  CHECK(json_error("[\x01]") == "1:2 unexpected byte 0x01");
}

TEST_CASE("json reader: nesting is limited, never a stack overflow") {
  const std::string ok = std::string(512, '[') + std::string(512, ']');
  CHECK(read_json(ok, 0).ok());
  const std::string too_deep = std::string(513, '[') + std::string(513, ']');
  CHECK(json_error(too_deep) == "1:513 nesting deeper than 512 levels");

  const auto started = std::chrono::steady_clock::now();
  CHECK(json_error(std::string(100'000, '[')) == "1:513 nesting deeper than 512 levels");
  CHECK(json_error(std::string(100'000, '{')) == "1:2 expected '\"' to start an object key");
  std::string objects;
  for (int i = 0; i < 100'000; ++i) objects += "{\"a\":";
  CHECK(json_error(objects) == "1:2561 nesting deeper than 512 levels");
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));

  ReadLimits shallow;
  shallow.max_depth = 2;
  CHECK(read_json("[[1]]", 0, shallow).ok());
  CHECK_FALSE(read_json("[[[1]]]", 0, shallow).ok());
}
