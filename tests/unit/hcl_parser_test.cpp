// HCL native syntax to the Terraform AST (parse_hcl_file): exact spans, literals and their
// written text, strings and heredocs, syntax errors and their recovery, binary input and
// hostile nesting and size. Values are checked after evaluation with an empty scope, so the
// test reads what a configuration would see, not how the tree happens to be shaped.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "terraform/expr_evaluator.hpp"
#include "terraform/hcl_file_parser.hpp"
#include "terraform/hcl_text.hpp"
#include "terraform/value_ops.hpp"
#include "test_support.hpp"

using iacscan::DiagnosticCode;
using iacscan::detail::FileId;
using iacscan::detail::Range;
using iacscan::detail::SourceFile;
using iacscan::detail::SourceKind;
using iacscan::detail::Span;
using iacscan::detail::Value;
using iacscan::detail::tf::Attribute;
using iacscan::detail::tf::Block;
using iacscan::detail::tf::Body;
using iacscan::detail::tf::Expr;
using iacscan::detail::tf::File;
using iacscan::detail::tf::parse_hcl_file;

namespace {

constexpr FileId kFile = 7;

File parse(std::string content) {
  SourceFile file;
  file.id = kFile;
  file.path = "modules/net/main.tf";
  file.kind = SourceKind::terraform_hcl;
  file.content = std::move(content);
  return parse_hcl_file(file);
}

// A file that must parse without diagnostics.
File parse_clean(std::string content) {
  File file = parse(std::move(content));
  for (const auto& d : file.diagnostics) INFO(d.message);
  REQUIRE(file.diagnostics.empty());
  return file;
}

// `body` wrapped in one resource block (its first line is line 2); that block's body.
Body body_of(const std::string& body) {
  File file = parse_clean("resource \"t\" \"n\" {\n" + body + "}\n");
  REQUIRE(file.body.blocks.size() == 1);
  return file.body.blocks[0].body;
}

const Attribute& attr(const Body& body, std::string_view name) {
  const Attribute* a = body.attribute(name);
  REQUIRE_MESSAGE(a != nullptr, "missing attribute ", std::string(name));
  return *a;
}

// Names resolve to nothing: only self-contained expressions have a value here.
class NoNames final : public iacscan::detail::tf::Scope {
 public:
  Value resolve(std::span<const std::string_view> names, std::size_t&, const Span& span) override {
    return iacscan::detail::tf::error_value("no " + std::string(names[0]), span);
  }
  iacscan::detail::tf::FunctionEnvironment& functions() override { return files_; }

 private:
  class NoFiles final : public iacscan::detail::tf::FunctionEnvironment {
   public:
    std::optional<std::string> read_file(std::string_view, std::string& error) override {
      error = "no files";
      return std::nullopt;
    }
    bool file_exists(std::string_view) override { return false; }
    Value render_template(std::string_view, const Value&, const Span& span) override {
      return iacscan::detail::tf::error_value("no templates", span);
    }
  } files_;
};

Value value_of(const Expr& expr) {
  NoNames scope;
  iacscan::detail::tf::Evaluator evaluator(scope);
  return evaluator.evaluate(expr);
}

Value value_of(const Body& body, std::string_view name) {
  return value_of(attr(body, name).expr);
}

Range range(std::uint32_t l1, std::uint32_t c1, std::uint32_t l2, std::uint32_t c2) {
  return Range{l1, c1, l2, c2};
}

std::vector<std::string> labels_of(const File& file) {
  std::vector<std::string> out;
  for (const Block& b : file.body.blocks) {
    std::string joined = b.type;
    for (const std::string& l : b.labels) joined += " " + l;
    out.push_back(joined);
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("hcl parser: a block with literal attributes and a nested block, with exact spans") {
  File file = parse_clean(
      "resource \"aws_s3_bucket\" \"logs\" {\n"  // 1
      "  bucket = \"my-logs\"\n"                 // 2
      "  force_destroy = true\n"                 // 3
      "  versioning {\n"                         // 4
      "    enabled = false\n"                    // 5
      "  }\n"                                    // 6
      "}\n");                                    // 7
  CHECK(file.file == kFile);
  CHECK(file.path == "modules/net/main.tf");
  REQUIRE(file.body.blocks.size() == 1);
  CHECK(file.body.attributes.empty());
  const Block& r = file.body.blocks[0];
  CHECK(r.type == "resource");
  CHECK(r.labels == Strings{"aws_s3_bucket", "logs"});
  CHECK(r.span.file == kFile);
  CHECK(r.span.range == range(1, 1, 7, 1));
  CHECK(r.labels_span.range == range(1, 1, 1, 31));

  REQUIRE(r.body.attributes.size() == 2);
  const Attribute& bucket = r.body.attributes[0];
  CHECK(bucket.name == "bucket");
  CHECK(bucket.name_span.range == range(2, 3, 2, 8));
  CHECK(bucket.name_span.file == kFile);
  CHECK(bucket.span.range == range(2, 3, 2, 20));
  CHECK(bucket.expr.kind == Expr::Kind::literal);
  CHECK(bucket.expr.span.range == range(2, 12, 2, 20));
  const Value v = value_of(bucket.expr);
  CHECK(v.is_string());
  CHECK(v.text() == "my-logs");
  CHECK(v.span.file == kFile);
  CHECK(v.span.range == range(2, 12, 2, 20));

  const Value destroy = value_of(r.body, "force_destroy");
  CHECK(destroy.is_bool());
  CHECK(destroy.as_bool());
  CHECK(destroy.span.range == range(3, 19, 3, 22));

  REQUIRE(r.body.blocks.size() == 1);
  const Block& versioning = r.body.blocks[0];
  CHECK(versioning.type == "versioning");
  CHECK(versioning.labels.empty());
  CHECK(versioning.span.range == range(4, 3, 6, 3));
  CHECK(versioning.labels_span.range == range(4, 3, 4, 12));
  const Value enabled = value_of(versioning.body, "enabled");
  CHECK(enabled.is_bool());
  CHECK_FALSE(enabled.as_bool());
  CHECK(enabled.span.range == range(5, 15, 5, 19));
}

TEST_CASE("hcl parser: repeated nested blocks stay in source order; labels of both kinds") {
  File file = parse_clean(
      "resource aws_subnet bare {\n"      // 1
      "  ingress {\n"                     // 2
      "    from_port = 443\n"             // 3
      "  }\n"                             // 4
      "  name = \"web\"\n"                // 5
      "  ingress { from_port = 80 }\n"    // 6
      "  dynamic \"egress\" {\n"          // 7
      "    for_each = [1]\n"              // 8
      "    content {}\n"                  // 9
      "  }\n"                             // 10
      "}\n"                               // 11
      "variable \"v\" { default = 1 }\n"  // 12
      "locals { l = 2 }\n"                // 13
      "terraform {}\n"                    // 14
      "resource \"a\" \"b\" \"c\" {}\n"   // 15
      "top = 1\n");                       // 16
  CHECK(labels_of(file) ==
        Strings{"resource aws_subnet bare", "variable v", "locals", "terraform", "resource a b c"});
  CHECK(file.body.blocks[0].labels_span.range == range(1, 1, 1, 24));
  const Body& body = file.body.blocks[0].body;
  REQUIRE(body.blocks.size() == 3);
  CHECK(body.blocks[0].type == "ingress");
  CHECK(value_of(body.blocks[0].body, "from_port").as_number() == 443);
  CHECK(body.blocks[1].type == "ingress");
  CHECK(value_of(body.blocks[1].body, "from_port").as_number() == 80);
  CHECK(body.blocks[1].span.range == range(6, 3, 6, 28));
  CHECK(body.blocks[2].type == "dynamic");
  CHECK(body.blocks[2].labels == Strings{"egress"});
  CHECK(body.blocks[2].labels_span.range == range(7, 3, 7, 18));
  REQUIRE(body.blocks[2].body.blocks.size() == 1);
  CHECK(body.blocks[2].body.blocks[0].type == "content");
  REQUIRE(file.body.attributes.size() == 1);
  CHECK(file.body.attributes[0].name == "top");
}

TEST_CASE("hcl parser: a syntax error gives one diagnostic and the good blocks still load") {
  File file = parse(
      "resource \"aws_vpc\" \"a\" {\n"       // 1
      "  cidr_block = \"10.0.0.0/16\"\n"     // 2
      "}\n"                                  // 3
      "resource \"aws_vpc\" \"broken\" {\n"  // 4
      "  cidr_block = \n"                    // 5
      "}\n"                                  // 6
      "resource \"aws_vpc\" \"c\" {\n"       // 7
      "  enable_dns_support = true\n"        // 8
      "}\n");
  REQUIRE(file.diagnostics.size() == 1);
  const auto& d = file.diagnostics[0];
  CHECK(d.code == DiagnosticCode::parse_error);
  // Tree-sitter reads the "}" on line 6 as closing an object whose "{" is missing.
  CHECK(d.message == "syntax error: missing \"{\"");
  CHECK(d.location.path == "modules/net/main.tf");
  CHECK(d.location.start_line == 6);
  CHECK(d.location.start_column == 1);
  CHECK(d.location.end_line == 6);
  CHECK(d.location.end_column == 1);
  // Its recovery nests the next resource inside the broken one; it is loaded all the same.
  CHECK(labels_of(file) == Strings{"resource aws_vpc a", "resource aws_vpc c"});
  const Block& c = file.body.blocks[1];
  CHECK(c.span.range == range(7, 1, 9, 1));
  CHECK(value_of(c.body, "enable_dns_support").span.range == range(8, 24, 8, 27));
}

TEST_CASE("hcl parser: missing and stray closing braces are reported where they are") {
  File missing = parse("resource \"a\" \"b\" {\n  x = [1, 2\n}\n");
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].message == "syntax error: missing \"]\"");
  CHECK(missing.diagnostics[0].location.start_line == 3);
  CHECK(missing.diagnostics[0].location.start_column == 1);
  CHECK(missing.body.blocks.empty());

  File unterminated = parse("resource \"a\" \"b\" {\n  x = 1\n");
  REQUIRE(unterminated.diagnostics.size() == 1);
  CHECK(unterminated.diagnostics[0].message == "syntax error: missing \"}\"");

  File stray = parse("resource \"a\" \"b\" {\n}\n}\nresource \"c\" \"d\" { y = 2 }\n");
  REQUIRE(stray.diagnostics.size() == 1);
  CHECK(stray.diagnostics[0].message == "syntax error: unexpected \"}\"");
  CHECK(stray.diagnostics[0].location.start_line == 3);
  CHECK(stray.diagnostics[0].location.start_column == 1);
  CHECK(stray.diagnostics[0].location.end_line == 3);  // not the whole swallowed stretch
  CHECK(stray.diagnostics[0].location.end_column == 1);
  // The parser swallowed the last resource into the error; it is recovered.
  CHECK(labels_of(stray) == Strings{"resource a b", "resource c d"});
  CHECK(stray.body.blocks[1].span.range == range(4, 1, 4, 26));
  CHECK(value_of(stray.body.blocks[1].body, "y").span.range == range(4, 24, 4, 24));

  File bad_escape = parse("resource \"a\" \"b\" {\n  x = \"\\q\"\n}\n");
  REQUIRE(bad_escape.diagnostics.size() == 1);
  CHECK(bad_escape.diagnostics[0].code == DiagnosticCode::parse_error);
  CHECK(bad_escape.diagnostics[0].location.start_line == 2);
  CHECK(bad_escape.body.blocks.empty());

  File unclosed_string = parse("resource \"a\" \"b\" {\n  x = \"abc\n}\n");
  REQUIRE(unclosed_string.diagnostics.size() == 1);
  CHECK(unclosed_string.diagnostics[0].code == DiagnosticCode::parse_error);
  CHECK(unclosed_string.body.blocks.empty());
}

TEST_CASE("hcl parser: binary and non-UTF-8 input is one diagnostic and nothing else") {
  for (std::string content :
       {std::string("resource \"a\" \"b\" {}\n\0\x01", 22),
        std::string("resource \"a\" \"b\" { x = \"\xC3\x28\" }\n"), std::string("\xED\xA0\x80"),
        std::string("\xFF\xFE"
                    "r\0e\0s\0",
                    8)}) {
    File file = parse(content);
    CHECK(file.body.blocks.empty());
    CHECK(file.body.attributes.empty());
    REQUIRE(file.diagnostics.size() == 1);
    CHECK(file.diagnostics[0].code == DiagnosticCode::parse_error);
    CHECK(file.diagnostics[0].message == "binary or non-UTF-8 file");
    CHECK(file.diagnostics[0].location.path == "modules/net/main.tf");
    CHECK_FALSE(file.diagnostics[0].location.has_position());
  }
  CHECK(parse("").diagnostics.empty());
  CHECK(parse("").body.blocks.empty());
  File comment = parse("# only a comment\n// another\n/* and\n a block */\n");
  CHECK(comment.diagnostics.empty());
  CHECK(comment.body.blocks.empty());
  // UTF-8 text is fine, in strings and comments alike.
  File text = parse_clean("# caf\xC3\xA9\nresource \"a\" \"b\" {\n  x = \"\xE2\x82\xAC\"\n}\n");
  CHECK(value_of(text.body.blocks[0].body, "x").text() == "\xE2\x82\xAC");
}

TEST_CASE("hcl parser: 30,000-deep nesting is cut at the depth limit without crashing") {
  constexpr std::size_t kDepth = 30000;
  std::string text = "resource \"a\" \"b\" {\n  ok = 1\n  x = ";
  text.append(kDepth, '[');
  text.append(kDepth, ']');
  text += "\n}\n";
  File file = parse(text);
  REQUIRE(file.body.blocks.size() == 1);
  REQUIRE(file.diagnostics.size() == 1);
  CHECK(file.diagnostics[0].code == DiagnosticCode::limit_exceeded);
  CHECK(file.diagnostics[0].message.find("line 3") != std::string::npos);
  CHECK(file.diagnostics[0].location.start_line == 3);
  const Body& body = file.body.blocks[0].body;
  CHECK(value_of(body, "ok").as_number() == 1);
  const Value deep = value_of(body, "x");
  const Value* v = &deep;
  int levels = 0;
  while (v->is_list() && v->items().size() == 1) {
    v = &v->items()[0];
    ++levels;
  }
  CHECK(v->is_unknown());
  CHECK(levels > 50);
  CHECK(levels < 250);

  // Other shapes of deep nesting: calls, parentheses, objects, unary and binary operators,
  // templates and blocks.
  auto nested = [&](const std::string& open, const std::string& middle, const std::string& close) {
    std::string out;
    out.reserve(kDepth * (open.size() + close.size()) + middle.size());
    for (std::size_t i = 0; i < kDepth; ++i) out += open;
    out += middle;
    for (std::size_t i = 0; i < kDepth; ++i) out += close;
    return out;
  };
  const std::vector<std::string> hostile = {
      "resource \"a\" \"b\" {\n  x = " + nested("f(", "var.deep", ")") + "\n}\n",
      "resource \"a\" \"b\" {\n  x = " + nested("(", "1", ")") + "\n}\n",
      "resource \"a\" \"b\" {\n  x = " + nested("{a=", "1", "}") + "\n}\n",
      "resource \"a\" \"b\" {\n  x = " + nested("!", "true", "") + "\n}\n",
      "resource \"a\" \"b\" {\n  x = " + nested("-", "1", "") + "\n}\n",
      "resource \"a\" \"b\" {\n  x = 1" + nested(" + 1", "", "") + "\n}\n",
      "resource \"a\" \"b\" {\n  x = " + nested("true ? ", "1", " : 2") + "\n}\n",
      "resource \"a\" \"b\" {\n  x = " + nested("[for x in ", "[1]", " : x]") + "\n}\n",
      "resource \"a\" \"b\" {\n  x = y" + nested(".a", "", "") + "\n}\n",
      "resource \"a\" \"b\" {\n  x = y" + nested("[0]", "", "") + "\n}\n",
      "resource \"a\" \"b\" {\n  x = y[*]" + nested(".a", "", "") + "\n}\n",
      "resource \"a\" \"b\" {\n  x = y.*" + nested(".a", "", "[0]") + "\n}\n",
      "resource \"a\" \"b\" {\n" + nested("c {\n", "", "}\n") + "}\n",
  };
  for (const std::string& source : hostile) {
    INFO(source.substr(0, 40));
    File hostile_file = parse(source);
    REQUIRE(hostile_file.body.blocks.size() == 1);
    // Evaluating what was kept is bounded too.
    for (const Attribute& a : hostile_file.body.blocks[0].body.attributes) (void)value_of(a.expr);
    bool limited = false;
    for (const auto& d : hostile_file.diagnostics)
      if (d.code == DiagnosticCode::limit_exceeded) limited = true;
    CHECK(limited);
  }

  // Templates nested past what the grammar's scanner can track (about a hundred levels) are
  // a syntax error: reported, and nothing else breaks.
  File templates = parse("resource \"a\" \"b\" {\n  x = " + nested("\"${", "1", "}\"") + "\n}\n");
  REQUIRE(templates.diagnostics.size() == 1);
  CHECK(templates.diagnostics[0].code == DiagnosticCode::parse_error);
}

TEST_CASE("hcl parser: a 1 MB file of many resources loads completely") {
  std::string text;
  std::size_t count = 0;
  while (text.size() < 1024u * 1024) {
    std::string n = std::to_string(count++);
    text += "resource \"aws_s3_bucket\" \"b" + n + "\" {\n  bucket = \"bucket-" + n +
            "\"\n  acl    = \"private\"\n  tags = { Name = \"b" + n +
            "\", Team = var.team }\n  versioning {\n    enabled = true\n  }\n}\n\n";
  }
  File file = parse(text);
  CHECK(file.diagnostics.empty());
  REQUIRE(file.body.blocks.size() == count);
  const Block& last = file.body.blocks.back();
  CHECK(last.labels == Strings{"aws_s3_bucket", "b" + std::to_string(count - 1)});
  CHECK(value_of(last.body, "bucket").text() == "bucket-" + std::to_string(count - 1));
  CHECK(last.span.range.start_line == 9 * (count - 1) + 1);
}

TEST_CASE("hcl parser: duplicate attribute names keep the last value") {
  std::string body;
  for (int i = 0; i < 2000; ++i)
    body += "  a" + std::to_string(i % 1000) + " = " + std::to_string(i) + "\n";
  Body parsed = body_of(body);
  REQUIRE(parsed.attributes.size() == 1000);
  CHECK(value_of(parsed, "a0").as_number() == 1000);
  CHECK(value_of(parsed, "a0").span.range.start_line == 1002);
  CHECK(value_of(parsed, "a999").as_number() == 1999);
  CHECK(parsed.attributes[0].name == "a0");  // where the name was first written
}

// A quadratic duplicate-name check would take minutes here; ctest's timeout catches that.
TEST_CASE("hcl parser: a megabyte of distinct attributes in one block") {
  std::string wide;
  std::size_t n = 0;
  while (wide.size() < 1024u * 1024) wide += "  attribute_" + std::to_string(n++) + " = 1\n";
  Body big = body_of(wide);
  CHECK(big.attributes.size() == n);
}

TEST_CASE("hcl parser: string escapes are decoded") {
  Body body = body_of(
      "  s = \"tab\\there\\nquote\\\" back\\\\ \\u00e9 \\U0001F600 cr\\r\"\n"
      "  edges = \"  padded  \"\n"
      "  markers = \"literal $${not} %%{ also } $$ %% $\"\n"
      "  empty = \"\"\n");
  CHECK(value_of(body, "s").text() == "tab\there\nquote\" back\\ \xC3\xA9 \xF0\x9F\x98\x80 cr\r");
  CHECK(value_of(body, "edges").text() == "  padded  ");
  CHECK(value_of(body, "markers").text() == "literal ${not} %{ also } $$ %% $");
  CHECK(value_of(body, "empty").is_string());
  CHECK(value_of(body, "empty").text().empty());
  // Labels are strings too.
  File labels = parse_clean("resource \"a\\u0062\" \"c\\\"d\" {}\n");
  CHECK(labels.body.blocks[0].labels == Strings{"ab", "c\"d"});
}

TEST_CASE("hcl parser: heredocs") {
  Body body = body_of(
      "  flush = <<-EOT\n"  // 2
      "    {\n"
      "      \"a\": 1\n"
      "\n"
      "    }\n"
      "    EOT\n"  // 7
      "  plain = <<EOT\n"
      "  kept \\n as is $${x}\n"
      "  EOT\n"
      "  empty = <<EOT\n"
      "EOT\n"
      "  interp = <<EOT\n"
      "policy: ${upper(\"x\")}\n"
      "EOT\n"
      "  tabs = <<-EOT\n"
      "\t\tone\n"
      "\t\t\ttwo\n"
      "\tEOT\n"
      "  after = 1\n");
  const Value flush = value_of(body, "flush");
  CHECK(flush.text() == "{\n  \"a\": 1\n\n}\n");
  CHECK(flush.span.range == range(2, 11, 7, 7));
  CHECK(value_of(body, "plain").text() == "  kept \\n as is ${x}\n");
  CHECK(value_of(body, "empty").is_string());
  CHECK(value_of(body, "empty").text().empty());
  CHECK(value_of(body, "interp").text() == "policy: X\n");
  CHECK(attr(body, "interp").expr.kind == Expr::Kind::template_);
  CHECK(value_of(body, "tabs").text() == "one\n\ttwo\n");
  CHECK(value_of(body, "after").span.range.start_line == 20);
}

TEST_CASE("hcl parser: numbers keep their written text") {
  Body body = body_of(
      "  a = 443\n  b = 0.5\n  c = 1.5e3\n  d = -1\n  e = 007\n  f = (42)\n  g = 1 + 2\n"
      "  h = 1.5E-2\n  i = 123456789012345678901234567890\n");
  auto check_number = [&](std::string_view key, double value, std::string_view text) {
    INFO(key);
    const Value v = value_of(body, key);
    REQUIRE(v.is_number());
    CHECK(v.as_number() == value);
    CHECK(v.text() == text);
  };
  check_number("a", 443, "443");
  check_number("b", 0.5, "0.5");
  check_number("c", 1500, "1.5e3");
  check_number("d", -1, "-1");
  CHECK(value_of(body, "d").span.range == range(5, 7, 5, 8));
  check_number("e", 7, "007");
  check_number("f", 42, "42");
  CHECK(attr(body, "f").expr.span.range == range(7, 7, 7, 10));  // the parentheses included
  check_number("g", 3, "3");
  CHECK(attr(body, "g").expr.kind == Expr::Kind::binary);
  check_number("h", 1.5E-2, "1.5E-2");
  check_number("i", 123456789012345678901234567890.0, "123456789012345678901234567890");
}

TEST_CASE("hcl parser: tuples, objects, null and duplicate names") {
  Body body = body_of(
      "  list = [1, \"two\", [true, null], {}]\n"                    // 2
      "  obj = { a = 1, \"b-c\" = [2], d: { e = \"f\" }, a = 3 }\n"  // 3
      "  computed = { (\"k\") = 1 }\n"                               // 4
      "  trailing = [1, 2,]\n"                                       // 5
      "  multi = {\n    a = 1\n    b = 2\n  }\n"                     // 6-9
      "  dup = 1\n"                                                  // 10
      "  dup = \"last\"\n"                                           // 11
      "  nothing = null\n");                                         // 12
  const Value list = value_of(body, "list");
  REQUIRE(list.items().size() == 4);
  CHECK(list.items()[0].as_number() == 1);
  CHECK(list.items()[1].text() == "two");
  CHECK(list.items()[2].items()[0].as_bool());
  CHECK(list.items()[2].items()[1].is_null());
  CHECK(list.items()[2].items()[1].span.range == range(2, 28, 2, 31));
  CHECK(list.items()[3].is_map());
  CHECK(list.span.range == range(2, 10, 2, 37));

  const Value obj = value_of(body, "obj");
  REQUIRE(obj.is_map());
  REQUIRE(obj.entries().size() == 3);
  CHECK(obj.entries()[0].key == "a");
  CHECK(obj.find("a")->as_number() == 3);  // the last of the duplicates
  CHECK(obj.entries()[1].key == "b-c");
  CHECK(obj.entries()[1].key_span.range == range(3, 18, 3, 22));
  CHECK(obj.find("d")->find("e")->text() == "f");

  const Value computed = value_of(body, "computed");
  REQUIRE(computed.is_map());
  CHECK(computed.find("k")->as_number() == 1);
  CHECK(value_of(body, "trailing").items().size() == 2);
  CHECK(value_of(body, "multi").entries().size() == 2);

  // One attribute per name: the last one written.
  std::size_t dups = 0;
  for (const Attribute& a : body.attributes) dups += a.name == "dup";
  CHECK(dups == 1);
  CHECK(value_of(body, "dup").text() == "last");
  CHECK(attr(body, "dup").span.range.start_line == 11);
  CHECK(value_of(body, "nothing").is_null());
  CHECK(value_of(body, "nothing").span.range == range(12, 13, 12, 16));
}

TEST_CASE("hcl parser: expressions keep their shape") {
  Body body = body_of(
      "  ref = aws_s3_bucket.logs.id\n"
      "  idx = var.list[0].name\n"
      "  splat = aws_instance.web[*].id\n"
      "  call = merge(local.a, local.b...)\n"
      "  cond = var.on ? 1 : 2\n"
      "  for_obj = { for k, v in var.m : k => v... if v != null }\n");
  const Expr& ref = attr(body, "ref").expr;
  REQUIRE(ref.kind == Expr::Kind::get_attr);
  CHECK(ref.name == "id");
  REQUIRE(ref.children.size() == 1);
  CHECK(ref.children[0].kind == Expr::Kind::get_attr);
  CHECK(ref.children[0].name == "logs");
  CHECK(ref.children[0].children[0].kind == Expr::Kind::variable);
  CHECK(ref.children[0].children[0].name == "aws_s3_bucket");
  CHECK(ref.span.range == range(2, 9, 2, 29));

  const Expr& idx = attr(body, "idx").expr;
  REQUIRE(idx.kind == Expr::Kind::get_attr);
  CHECK(idx.children[0].kind == Expr::Kind::index);

  const Expr& splat = attr(body, "splat").expr;
  REQUIRE(splat.kind == Expr::Kind::splat);
  CHECK(splat.flag);
  REQUIRE(splat.children.size() == 2);
  CHECK(splat.children[1].kind == Expr::Kind::get_attr);
  CHECK(splat.children[1].name == "id");

  const Expr& call = attr(body, "call").expr;
  REQUIRE(call.kind == Expr::Kind::call);
  CHECK(call.name == "merge");
  CHECK(call.flag);
  CHECK(call.children.size() == 2);

  const Expr& cond = attr(body, "cond").expr;
  REQUIRE(cond.kind == Expr::Kind::conditional);
  CHECK(cond.children.size() == 3);

  const Expr& for_obj = attr(body, "for_obj").expr;
  REQUIRE(for_obj.kind == Expr::Kind::for_);
  CHECK(for_obj.flag);
  CHECK(for_obj.grouping);
  CHECK(for_obj.has_condition);
  CHECK(for_obj.name == "k");
  CHECK(for_obj.name2 == "v");
  CHECK(for_obj.children.size() == 4);
}

TEST_CASE("hcl parser: tfvars files are top-level attributes") {
  File file = parse_clean(
      "acl = \"public-read\"\n"
      "count = 3\n"
      "tags = {\n  team = \"x\"\n}\n");
  CHECK(file.body.blocks.empty());
  REQUIRE(file.body.attributes.size() == 3);
  CHECK(value_of(file.body, "acl").text() == "public-read");
  CHECK(value_of(file.body, "acl").span.range == range(1, 7, 1, 19));
  CHECK(value_of(file.body, "tags").find("team")->text() == "x");
}

TEST_CASE("hcl text: escapes, heredoc indentation and excerpts") {
  using iacscan::detail::hcl::decode_heredoc;
  using iacscan::detail::hcl::decode_quoted;
  using iacscan::detail::hcl::excerpt;
  CHECK(decode_quoted("\\q \\u12 \\") == "\\q \\u12 \\");  // not escapes: kept as written
  CHECK(decode_quoted("\\uD800") == "\xEF\xBF\xBD");       // a surrogate is no character
  CHECK(decode_quoted("$$ %% $${") == "$$ %% ${");
  CHECK(decode_heredoc("    a\n      b\n", true) == "a\n  b\n");
  CHECK(decode_heredoc("\ta\n\t\tb\n", true) == "a\n\tb\n");
  CHECK(decode_heredoc("  a\n  \n  b\n", true) == "a\n  \nb\n");  // blank lines as written
  CHECK(decode_heredoc("  a\n", false) == "  a\n");
  CHECK(excerpt("a\n   b") == "a b");
  std::string long_text(100, 'x');
  CHECK(excerpt(long_text).size() == 63);
  CHECK(excerpt("\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9\xC3\xA9");  // cut only between characters
  CHECK(excerpt("\xC3\xA9\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9\xC3\xA9...");
  using iacscan::detail::hcl::is_text;
  CHECK(is_text("plain"));
  CHECK(is_text(""));
  CHECK_FALSE(is_text(std::string("a\0b", 3)));
  CHECK_FALSE(is_text("\xC0\x80"));  // overlong
}

TEST_CASE("hcl text: tree-sitter ranges become 1-based inclusive spans") {
  using iacscan::detail::hcl::make_span;
  using iacscan::detail::hcl::TextRange;
  std::string_view source = "ab\ncd\n\nx";
  auto span = [&](TextRange r) { return make_span(source, kFile, r).range; };
  CHECK(span({0, 2, 0, 0, 0, 2}) == range(1, 1, 1, 2));  // "ab"
  CHECK(span({3, 6, 1, 0, 2, 0}) == range(2, 1, 2, 3));  // "cd\n" ends on its newline
  CHECK(span({0, 7, 0, 0, 3, 0}) == range(1, 1, 3, 1));  // ends on the empty line's newline
  CHECK(make_span("\nz", kFile, {0, 1, 0, 0, 1, 0}).range == range(1, 1, 1, 1));  // just "\n"
  CHECK(span({4, 4, 1, 1, 1, 1}) == range(2, 2, 2, 2));                           // empty: a point
  CHECK(make_span(source, kFile, {0, 2, 0, 0, 0, 2}).file == kFile);
}
