// YAML reader: spans from yaml-cpp marks, core-schema resolution, tags, aliases and limits.
#include <doctest/doctest.h>

#include <chrono>
#include <cmath>
#include <string>
#include <vector>

#include "test_support.hpp"
#include "value/yaml_reader.hpp"

using iacscan::detail::read_yaml;
using iacscan::detail::ReadLimits;
using iacscan::detail::ReadResult;
using iacscan::detail::Span;
using iacscan::detail::Value;
using iacscan::detail::YamlTagHandler;

using iacscan::testing::where;

namespace {

Value yaml_ok(const std::string& text, const YamlTagHandler& tags = {}) {
  ReadResult result = read_yaml(text, 3, tags);
  INFO("input: " << text);
  if (result.error) INFO("error: " << result.error->message);
  REQUIRE(result.ok());
  return *result.value;
}

std::string yaml_error(const std::string& text, const ReadLimits& limits = {}) {
  ReadResult result = read_yaml(text, 0, {}, limits);
  INFO("input: " << text);
  REQUIRE_FALSE(result.ok());
  REQUIRE(result.error);
  return std::to_string(result.error->line) + ":" + std::to_string(result.error->column) + " " +
         result.error->message;
}

std::string billion_laughs() {
  std::string text =
      "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    const char prev = static_cast<char>(c - 1);
    text += std::string{c} + ": &" + c + " [";
    for (int i = 0; i < 9; ++i) text += std::string{i ? "," : ""} + "*" + prev;
    text += "]\n";
  }
  return text;
}

}  // namespace

TEST_CASE("yaml reader: spans of block maps, sequences and scalars") {
  const Value root = yaml_ok(
      "Resources:\n"                 // 1
      "  Bucket:\n"                  // 2
      "    Type: AWS::S3::Bucket\n"  // 3
      "    Tags:\n"                  // 4
      "      - Key: env\n"           // 5
      "        Value: \"prod\"\n"    // 6
      "      - 'x'\n");              // 7
  CHECK(root.span.file == 3);
  CHECK(where(root.span) == "1:1-7:11");
  CHECK(where(root.entries()[0].key_span) == "1:1-1:9");
  const Value& bucket = *root.find("Resources")->find("Bucket");
  CHECK(where(root.find("Resources")->span) == "2:3-7:11");
  CHECK(where(root.find("Resources")->entries()[0].key_span) == "2:3-2:8");
  CHECK(where(bucket.span) == "3:5-7:11");
  CHECK(where(bucket.entries()[0].key_span) == "3:5-3:8");
  CHECK(where(bucket.find("Type")->span) == "3:11-3:25");
  const Value& tags = *bucket.find("Tags");
  CHECK(where(tags.span) == "5:7-7:11");
  CHECK(where(tags.items()[0].span) == "5:9-6:21");
  CHECK(where(tags.items()[0].find("Value")->span) == "6:16-6:21");
  CHECK(tags.items()[0].find("Value")->text() == "prod");
  CHECK(where(tags.items()[1].span) == "7:9-7:11");
}

TEST_CASE("yaml reader: spans of flow collections, block and multi-line scalars") {
  const Value root = yaml_ok(
      "flow: [a, {b: c}, [] ]  # trailing comment\n"  // 1
      "literal: |\n"                                  // 2
      "  line one\n"                                  // 3
      "\n"                                            // 4
      "  line three\n"                                // 5
      "folded: >-\n"                                  // 6
      "    text\n"                                    // 7
      "plain: words that\n"                           // 8
      "  continue here\n"                             // 9
      "single: 'it''s'\n"                             // 10
      "double: \"a\\\"b\"\n"                          // 11
      "empty:\n");                                    // 12
  const Value& flow = *root.find("flow");
  CHECK(where(flow.span) == "1:7-1:22");
  CHECK(where(flow.items()[1].span) == "1:11-1:16");
  CHECK(where(flow.items()[2].span) == "1:19-1:20");
  CHECK(where(root.find("literal")->span) == "2:10-5:12");
  CHECK(root.find("literal")->text() == "line one\n\nline three\n");
  CHECK(where(root.find("folded")->span) == "6:9-7:8");
  CHECK(root.find("folded")->text() == "text");
  CHECK(where(root.find("plain")->span) == "8:8-9:15");
  CHECK(root.find("plain")->text() == "words that continue here");
  CHECK(where(root.find("single")->span) == "10:9-10:15");
  CHECK(root.find("single")->text() == "it's");
  CHECK(where(root.find("double")->span) == "11:9-11:14");
  CHECK(root.find("empty")->is_null());
  CHECK(where(root.find("empty")->span) == "12:6-12:6");
  CHECK(where(root.span) == "1:1-12:6");
}

TEST_CASE("yaml reader: a BOM and CRLF line ends keep byte columns") {
  const Value root = yaml_ok("\xEF\xBB\xBFkey: value\r\nnext: [1]\r\n");
  CHECK(where(root.entries()[0].key_span) == "1:4-1:6");
  CHECK(where(root.find("key")->span) == "1:9-1:13");
  CHECK(root.find("key")->text() == "value");
  CHECK(where(root.find("next")->span) == "2:7-2:9");
}

TEST_CASE("yaml reader: plain scalars resolve per the YAML 1.2 core schema") {
  const Value root = yaml_ok(
      "n1: null\nn2: ~\nn3:\nn4: Null\n"
      "b1: true\nb2: False\nb3: TRUE\nb4: tRuE\n"
      "i1: 42\ni2: -7\ni3: 0x1F\ni4: 0o17\ni5: 012345678901\n"
      "f1: 1.5\nf2: -.5e2\nf3: .inf\nf4: -.Inf\nf5: .nan\nf6: 1e3\n"
      "s1: yes\ns2: 2012-10-17\ns3: \"123\"\ns4: '~'\ns5: !!str 5\ns6: 0x\ns7: 1.2.3\n"
      "s8: |\n  true\n");
  for (const char* key : {"n1", "n2", "n3", "n4"}) {
    INFO(key);
    CHECK(root.find(key)->is_null());
  }
  CHECK(root.find("b1")->as_bool());
  CHECK_FALSE(root.find("b2")->as_bool());
  CHECK(root.find("b3")->as_bool());
  CHECK(root.find("b4")->as_bool());
  CHECK(root.find("i1")->as_number() == 42);
  CHECK(root.find("i2")->as_number() == -7);
  CHECK(root.find("i3")->as_number() == 31);
  CHECK(root.find("i3")->text() == "0x1F");
  CHECK(root.find("i4")->as_number() == 15);
  CHECK(root.find("i5")->text() == "012345678901");
  CHECK(root.find("f1")->as_number() == 1.5);
  CHECK(root.find("f2")->as_number() == -50);
  CHECK(std::isinf(root.find("f3")->as_number()));
  CHECK(root.find("f4")->as_number() < 0);
  CHECK(std::isnan(root.find("f5")->as_number()));
  CHECK(root.find("f6")->as_number() == 1000);
  for (const char* key : {"s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"}) {
    INFO(key);
    CHECK(root.find(key)->is_string());
  }
  CHECK(root.find("s5")->text() == "5");
  CHECK(root.find("s8")->text() == "true\n");
}

TEST_CASE("yaml reader: tags reach the handler with the tagged node's span") {
  std::vector<std::string> seen;
  const YamlTagHandler wrap = [&](const std::string& tag, Value value, const Span& node) {
    seen.push_back(tag + " " + where(value.span) + " " + where(node));
    Value::Map entries;
    entries.push_back(Value::Entry{tag, node, std::move(value)});
    return Value::map(std::move(entries), node);
  };
  const Value root = yaml_ok(
      "a: !Ref Bucket\n"
      "b: !Sub\n"
      "  - x\n"
      "c: !!str plain\n"
      "d: !GetAZs ''\n",
      wrap);
  REQUIRE(seen.size() == 3);
  CHECK(seen[0] == "!Ref 1:9-1:14 1:4-1:14");
  CHECK(seen[1] == "!Sub 3:3-3:5 2:4-3:5");
  CHECK(seen[2] == "!GetAZs 5:12-5:13 5:4-5:13");
  CHECK(root.find("a")->find("!Ref")->text() == "Bucket");
  CHECK(root.find("c")->text() == "plain");

  // Without a handler tagged values stay as written.
  const Value plain = yaml_ok("a: !Ref Bucket\nb: !Custom [1]\n");
  CHECK(plain.find("a")->text() == "Bucket");
  CHECK(where(plain.find("a")->span) == "1:9-1:14");
  CHECK(plain.find("b")->is_list());
}

TEST_CASE("yaml reader: aliases expand for ordinary use") {
  const Value root = yaml_ok(
      "base: &base\n"
      "  size: 10\n"
      "  tags: &tags [a, b]\n"
      "copy: *base\n"
      "list: [*tags, *tags]\n"
      "&key name: *tags\n");
  const Value& base = *root.find("base");
  REQUIRE(base.is_map());
  CHECK(base.find("size")->as_number() == 10);
  CHECK(base.find("tags")->items().size() == 2);
  CHECK(where(base.span) == "2:3-3:20");
  const Value& copy = *root.find("copy");
  REQUIRE(copy.is_map());
  CHECK(copy.find("tags")->items()[1].text() == "b");
  CHECK(where(copy.span) == "4:7-4:11");                // where the alias is used
  CHECK(where(copy.find("size")->span) == "2:9-2:10");  // children: where written
  CHECK(root.find("list")->items()[1].items()[0].text() == "a");
  CHECK(root.find("name")->is_list());
  CHECK(root.find("name")->is_fully_known());
}

TEST_CASE("yaml reader: an alias bomb is refused quickly") {
  const auto started = std::chrono::steady_clock::now();
  const std::string error = yaml_error(billion_laughs());
  CHECK(error.find("alias expansion exceeds limit") != std::string::npos);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));

  ReadLimits tight;
  tight.max_alias_nodes = 5;
  CHECK(yaml_error("a: &a [1, 2, 3]\nb: *a\nc: *a\n", tight) ==
        "3:4 alias expansion exceeds limit of 5 nodes");
  CHECK(yaml_error("a: &a [1, *a]\n") == "1:11 alias refers to a node that contains it");
  CHECK(yaml_error("a: *missing\n") == "1:4 the referenced anchor is not defined");
}

TEST_CASE("yaml reader: deep nesting ends in an error, not a crash") {
  const auto started = std::chrono::steady_clock::now();
  CHECK(yaml_error(std::string(100'000, '[')).find("nesting too deep") != std::string::npos);
  std::string dashes;
  for (int i = 0; i < 100'000; ++i) dashes += "- ";
  CHECK(yaml_error(dashes + "x\n").find("nesting too deep") != std::string::npos);
  std::string flow_maps;
  for (int i = 0; i < 100'000; ++i) flow_maps += "{a: ";
  CHECK_FALSE(read_yaml(flow_maps, 0, {}).ok());
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));

  ReadLimits shallow;
  shallow.max_depth = 2;
  CHECK(read_yaml("a: [1]\n", 0, {}, shallow).ok());
  CHECK(yaml_error("a: [[1]]\n", shallow) == "1:5 nesting deeper than 2 levels");
}

TEST_CASE("yaml reader: malformed input names line and column") {
  CHECK(yaml_error("a: [1, 2\nb: 3\n") == "2:2 end of sequence flow not found");
  CHECK(yaml_error("Resources:\n  A:\n    Type: x\n   bad: 1\n") == "4:4 end of map not found");
  CHECK(yaml_error("a: b: c\n") == "1:5 illegal map value");
}

TEST_CASE("yaml reader: first document only, empty input, duplicate keys") {
  const Value first = yaml_ok("a: 1\n---\nb: [\n");
  CHECK(first.find("a") != nullptr);
  CHECK(first.find("b") == nullptr);
  CHECK(yaml_ok("").is_null());
  CHECK(yaml_ok("# only a comment\n").is_null());
  const Value dup = yaml_ok("a: 1\nb: 2\na: 3\n");
  REQUIRE(dup.entries().size() == 2);
  CHECK(dup.find("a")->as_number() == 3);
  CHECK(dup.entries()[1].key == "a");
}
