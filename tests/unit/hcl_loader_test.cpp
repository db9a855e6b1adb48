// Terraform HCL loader: resource blocks to Values with exact spans, unknowns with refs,
// strings and heredocs, syntax errors, binary input and hostile nesting/size.
#include <doctest/doctest.h>

#include <string>

#include "terraform/hcl_loader.hpp"
#include "terraform/hcl_text.hpp"

using iacscan::DiagnosticCode;
using iacscan::detail::FileId;
using iacscan::detail::load_terraform_file;
using iacscan::detail::LoadedFile;
using iacscan::detail::Range;
using iacscan::detail::Resource;
using iacscan::detail::SourceFile;
using iacscan::detail::SourceFormat;
using iacscan::detail::SourceKind;
using iacscan::detail::Value;

namespace {

constexpr FileId kFile = 7;

SourceFile tf(std::string content) {
  SourceFile file;
  file.id = kFile;
  file.path = "modules/net/main.tf";
  file.kind = SourceKind::terraform_hcl;
  file.content = std::move(content);
  return file;
}

LoadedFile load(std::string content) {
  return load_terraform_file(tf(std::move(content)), "modules/net");
}

// The attributes of the only resource in `content`.
Value attributes(std::string content) {
  LoadedFile loaded = load(std::move(content));
  REQUIRE(loaded.diagnostics.empty());
  REQUIRE(loaded.resources.size() == 1);
  return loaded.resources[0].attributes;
}

// `body` wrapped in one resource block (its first line is line 2).
Value attributes_of_body(const std::string& body) {
  return attributes("resource \"t\" \"n\" {\n" + body + "}\n");
}

const Value& at(const Value& map, std::string_view key) {
  const Value* value = map.find(key);
  REQUIRE_MESSAGE(value != nullptr, "missing key ", std::string(key));
  return *value;
}

Range range(std::uint32_t l1, std::uint32_t c1, std::uint32_t l2, std::uint32_t c2) {
  return Range{l1, c1, l2, c2};
}

using Refs = std::vector<std::string>;

}  // namespace

TEST_CASE("hcl: resource with literal attributes and a nested block, with exact spans") {
  LoadedFile loaded = load(
      "resource \"aws_s3_bucket\" \"logs\" {\n"  // 1
      "  bucket = \"my-logs\"\n"                 // 2
      "  force_destroy = true\n"                 // 3
      "  versioning {\n"                         // 4
      "    enabled = false\n"                    // 5
      "  }\n"                                    // 6
      "}\n");                                    // 7
  CHECK(loaded.is_iac);
  CHECK(loaded.diagnostics.empty());
  REQUIRE(loaded.resources.size() == 1);
  const Resource& r = loaded.resources[0];
  CHECK(r.format == SourceFormat::terraform);
  CHECK(r.scope == "modules/net");
  CHECK(r.native_type == "aws_s3_bucket");
  CHECK(r.address == "aws_s3_bucket.logs");
  CHECK(r.span.file == kFile);
  CHECK(r.span.range == range(1, 1, 7, 1));
  CHECK(r.name_span.range == range(1, 10, 1, 31));

  const Value& attrs = r.attributes;
  REQUIRE(attrs.is_map());
  REQUIRE(attrs.entries().size() == 3);
  CHECK(attrs.entries()[0].key == "bucket");
  CHECK(attrs.entries()[0].key_span.range == range(2, 3, 2, 8));
  CHECK(attrs.entries()[0].key_span.file == kFile);
  const Value& bucket = at(attrs, "bucket");
  CHECK(bucket.is_string());
  CHECK(bucket.text() == "my-logs");
  CHECK(bucket.span.file == kFile);
  CHECK(bucket.span.range == range(2, 12, 2, 20));
  CHECK(bucket.refs.empty());

  const Value& destroy = at(attrs, "force_destroy");
  CHECK(destroy.is_bool());
  CHECK(destroy.as_bool());
  CHECK(destroy.span.range == range(3, 19, 3, 22));

  CHECK(attrs.entries()[2].key == "versioning");
  CHECK(attrs.entries()[2].key_span.range == range(4, 3, 4, 12));
  const Value& versioning = at(attrs, "versioning");
  REQUIRE(versioning.is_list());
  REQUIRE(versioning.items().size() == 1);
  CHECK(versioning.span.range == range(4, 3, 6, 3));
  const Value& block = versioning.items()[0];
  REQUIRE(block.is_map());
  CHECK(block.span.range == range(4, 3, 6, 3));
  const Value& enabled = at(block, "enabled");
  CHECK(enabled.is_bool());
  CHECK_FALSE(enabled.as_bool());
  CHECK(enabled.span.range == range(5, 15, 5, 19));
  CHECK(attrs.is_fully_known());
}

TEST_CASE("hcl: repeated nested blocks become one list in source order") {
  Value attrs = attributes_of_body(
      "  ingress {\n"                   // 2
      "    from_port = 443\n"           // 3
      "  }\n"                           // 4
      "  name = \"web\"\n"              // 5
      "  ingress { from_port = 80 }\n"  // 6
      "  lifecycle {}\n");              // 7
  REQUIRE(attrs.entries().size() == 3);
  CHECK(attrs.entries()[0].key == "ingress");
  const Value& ingress = at(attrs, "ingress");
  REQUIRE(ingress.is_list());
  REQUIRE(ingress.items().size() == 2);
  CHECK(ingress.span.range == range(2, 3, 4, 3));  // the first block
  CHECK(at(ingress.items()[0], "from_port").as_number() == 443);
  CHECK(at(ingress.items()[1], "from_port").as_number() == 80);
  CHECK(ingress.items()[1].span.range == range(6, 3, 6, 28));
  const Value& lifecycle = at(attrs, "lifecycle");
  REQUIRE(lifecycle.items().size() == 1);
  CHECK(lifecycle.items()[0].entries().empty());
}

TEST_CASE("hcl: dynamic blocks make the whole entry unknown with their for_each refs") {
  Value attrs = attributes_of_body(
      "  ingress { from_port = 22 }\n"
      "  dynamic \"ingress\" {\n"
      "    for_each = var.rules\n"
      "    content { from_port = ingress.value.port }\n"
      "  }\n"
      "  dynamic \"egress\" {\n"
      "    for_each = [1]\n"
      "    content {}\n"
      "  }\n");
  const Value& ingress = at(attrs, "ingress");
  CHECK(ingress.is_unknown());
  CHECK(ingress.text() == "dynamic block \"ingress\"");
  CHECK(ingress.refs == Refs{"var.rules"});
  CHECK(ingress.span.range == range(3, 3, 6, 3));
  const Value& egress = at(attrs, "egress");
  CHECK(egress.is_unknown());
  CHECK(egress.refs.empty());
  CHECK(attrs.entries()[1].key_span.range == range(7, 11, 7, 18));  // the "egress" label
}

TEST_CASE("hcl: references are unknown and carry the addresses they traverse") {
  Value attrs = attributes_of_body(
      "  a = aws_s3_bucket.logs.id\n"
      "  b = data.aws_iam_policy_document.p.json\n"
      "  c = module.m.out\n"
      "  d = var.v\n"
      "  e = local.l\n"
      "  f = each.value\n"
      "  g = count.index + path.module + self.x + terraform.workspace\n"
      "  h = [for k, v in var.m : v.x if k != local.skip]\n"
      "  i = merge(local.b, local.a, { x = aws_kms_key.k[0].arn }, local.a)\n"
      "  j = aws_instance.web[*].id\n"
      "  k = var.on ? aws_iam_role.r.arn : null\n"
      "  l = { for name, cfg in var.m : name => cfg.size }\n"
      "  m = \"%{ for s in var.list }${s.id}%{ endfor }\"\n");
  auto refs = [&](std::string_view key) {
    const Value& v = at(attrs, key);
    CHECK(v.is_unknown());
    return v.refs;
  };
  CHECK(refs("a") == Refs{"aws_s3_bucket.logs"});
  CHECK(at(attrs, "a").text() == "reference: aws_s3_bucket.logs.id");
  CHECK(at(attrs, "a").span.range == range(2, 7, 2, 27));
  CHECK(refs("b") == Refs{"data.aws_iam_policy_document.p"});
  CHECK(refs("c") == Refs{"module.m"});
  CHECK(refs("d") == Refs{"var.v"});
  CHECK(refs("e") == Refs{"local.l"});
  CHECK(refs("f").empty());
  CHECK(refs("g").empty());
  CHECK(refs("h") == Refs{"local.skip", "var.m"});
  CHECK(at(attrs, "h").text().rfind("for expression: ", 0) == 0);
  CHECK(refs("i") == Refs{"aws_kms_key.k", "local.a", "local.b"});
  CHECK(at(attrs, "i").text().rfind("function call: merge(", 0) == 0);
  CHECK(refs("j") == Refs{"aws_instance.web"});
  CHECK(refs("k") == Refs{"aws_iam_role.r", "var.on"});
  CHECK(refs("l") == Refs{"var.m"});
  CHECK(refs("m") == Refs{"var.list"});
}

TEST_CASE("hcl: known containers hold unknown elements; the element has the refs") {
  Value attrs =
      attributes_of_body("  ids = [\"a\", aws_vpc.main.id]\n  tags = { Name = var.name }\n");
  const Value& ids = at(attrs, "ids");
  REQUIRE(ids.is_list());
  CHECK(ids.refs.empty());
  CHECK(ids.items()[0].text() == "a");
  CHECK(ids.items()[1].is_unknown());
  CHECK(ids.items()[1].refs == Refs{"aws_vpc.main"});
  CHECK_FALSE(ids.is_fully_known());
  const Value& tags = at(attrs, "tags");
  REQUIRE(tags.is_map());
  CHECK(tags.refs.empty());
  CHECK(at(tags, "Name").refs == Refs{"var.name"});
}

TEST_CASE("hcl: interpolated strings are unknown, escaped template markers are literal") {
  Value attrs = attributes_of_body(
      "  a = \"${var.env}-logs\"\n"
      "  b = \"literal $${not} %%{ also }\"\n"
      "  c = \"%{ if var.x }y%{ endif }\"\n"
      "  d = \"\"\n");
  const Value& a = at(attrs, "a");
  CHECK(a.is_unknown());
  CHECK(a.text() == "template: \"${var.env}-logs\"");
  CHECK(a.refs == Refs{"var.env"});
  CHECK(at(attrs, "b").text() == "literal ${not} %{ also }");
  CHECK(at(attrs, "c").is_unknown());
  CHECK(at(attrs, "c").refs == Refs{"var.x"});
  CHECK(at(attrs, "d").is_string());
  CHECK(at(attrs, "d").text().empty());
}

TEST_CASE("hcl: string escapes are decoded") {
  Value attrs = attributes_of_body(
      "  s = \"tab\\there\\nquote\\\" back\\\\ \\u00e9 \\U0001F600 cr\\r\"\n"
      "  edges = \"  padded  \"\n");
  CHECK(at(attrs, "s").text() == "tab\there\nquote\" back\\ \xC3\xA9 \xF0\x9F\x98\x80 cr\r");
  CHECK(at(attrs, "edges").text() == "  padded  ");
}

TEST_CASE("hcl: heredocs") {
  Value attrs = attributes_of_body(
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
      "${var.policy}\n"
      "EOT\n");
  const Value& flush = at(attrs, "flush");
  CHECK(flush.text() == "{\n  \"a\": 1\n\n}\n");
  CHECK(flush.span.range == range(2, 11, 7, 7));
  CHECK(at(attrs, "plain").text() == "  kept \\n as is ${x}\n");
  CHECK(at(attrs, "empty").is_string());
  CHECK(at(attrs, "empty").text().empty());
  CHECK(at(attrs, "interp").is_unknown());
  CHECK(at(attrs, "interp").refs == Refs{"var.policy"});
}

TEST_CASE("hcl: numbers keep their written text") {
  Value attrs = attributes_of_body(
      "  a = 443\n  b = 0.5\n  c = 1.5e3\n  d = -1\n  e = 007\n  f = (42)\n  g = 1 + 2\n");
  auto check_number = [&](std::string_view key, double value, std::string_view text) {
    const Value& v = at(attrs, key);
    REQUIRE(v.is_number());
    CHECK(v.as_number() == value);
    CHECK(v.text() == text);
  };
  check_number("a", 443, "443");
  check_number("b", 0.5, "0.5");
  check_number("c", 1500, "1.5e3");
  check_number("d", -1, "-1");
  CHECK(at(attrs, "d").span.range == range(5, 7, 5, 8));
  check_number("e", 7, "007");
  check_number("f", 42, "42");
  CHECK(at(attrs, "f").span.range == range(7, 7, 7, 10));  // the parentheses included
  CHECK(at(attrs, "g").is_unknown());
  CHECK(at(attrs, "g").text() == "operation: 1 + 2");
}

TEST_CASE("hcl: tuples, objects, null and duplicate names") {
  Value attrs = attributes_of_body(
      "  list = [1, \"two\", [true, null], {}]\n"
      "  obj = { a = 1, \"b-c\" = [2], d: { e = \"f\" }, a = 3 }\n"
      "  computed = { (var.k) = 1 }\n"
      "  traversal_key = { var.k = 1 }\n"
      "  dup = 1\n"
      "  dup = \"last\"\n"
      "  nothing = null\n");
  const Value& list = at(attrs, "list");
  REQUIRE(list.items().size() == 4);
  CHECK(list.items()[0].as_number() == 1);
  CHECK(list.items()[1].text() == "two");
  CHECK(list.items()[2].items()[0].as_bool());
  CHECK(list.items()[2].items()[1].is_null());
  CHECK(list.items()[2].items()[1].span.range == range(2, 28, 2, 31));
  CHECK(list.items()[3].is_map());

  const Value& obj = at(attrs, "obj");
  REQUIRE(obj.is_map());
  REQUIRE(obj.entries().size() == 3);
  CHECK(obj.entries()[0].key == "a");
  CHECK(at(obj, "a").as_number() == 3);  // the last of the duplicates
  CHECK(obj.entries()[1].key == "b-c");
  CHECK(obj.entries()[1].key_span.range == range(3, 18, 3, 22));
  CHECK(at(at(obj, "d"), "e").text() == "f");

  const Value& computed = at(attrs, "computed");
  CHECK(computed.is_unknown());
  CHECK(computed.text() == "object with computed key: { (var.k) = 1 }");
  CHECK(computed.refs == Refs{"var.k"});
  CHECK(at(attrs, "traversal_key").is_unknown());

  CHECK(at(attrs, "dup").text() == "last");
  CHECK(at(attrs, "nothing").is_null());
  CHECK(at(attrs, "nothing").span.valid());
}

TEST_CASE("hcl: only resource blocks with two labels are loaded") {
  LoadedFile loaded = load(
      "variable \"v\" { default = 1 }\n"
      "locals { l = 2 }\n"
      "data \"aws_caller_identity\" \"me\" {}\n"
      "module \"m\" { source = \"./m\" }\n"
      "resource \"aws_vpc\" \"main\" {}\n"
      "resource \"only_one_label\" {}\n"
      "resource aws_subnet bare { cidr_block = \"10.0.0.0/24\" }\n"
      "output \"o\" { value = 1 }\n");
  CHECK(loaded.diagnostics.empty());
  REQUIRE(loaded.resources.size() == 2);
  CHECK(loaded.resources[0].address == "aws_vpc.main");
  CHECK(loaded.resources[0].attributes.entries().empty());
  CHECK(loaded.resources[1].address == "aws_subnet.bare");
  CHECK(loaded.resources[1].name_span.range == range(7, 10, 7, 24));
}

TEST_CASE("hcl: a syntax error gives one diagnostic and the good blocks still load") {
  LoadedFile loaded = load(
      "resource \"aws_vpc\" \"a\" {\n"       // 1
      "  cidr_block = \"10.0.0.0/16\"\n"     // 2
      "}\n"                                  // 3
      "resource \"aws_vpc\" \"broken\" {\n"  // 4
      "  cidr_block = \n"                    // 5
      "}\n"                                  // 6
      "resource \"aws_vpc\" \"c\" {\n"       // 7
      "  enable_dns_support = true\n"        // 8
      "}\n");
  REQUIRE(loaded.diagnostics.size() == 1);
  const auto& d = loaded.diagnostics[0];
  CHECK(d.code == DiagnosticCode::parse_error);
  // Tree-sitter reads the "}" on line 6 as closing an object whose "{" is missing.
  CHECK(d.message == "syntax error: missing \"{\"");
  CHECK(d.location.path == "modules/net/main.tf");
  CHECK(d.location.start_line == 6);
  CHECK(d.location.start_column == 1);
  CHECK(d.location.end_line == 6);
  CHECK(d.location.end_column == 1);
  // Its recovery nests the next resource inside the broken one; it is loaded all the same.
  REQUIRE(loaded.resources.size() == 2);
  CHECK(loaded.resources[0].address == "aws_vpc.a");
  CHECK(loaded.resources[1].address == "aws_vpc.c");
}

TEST_CASE("hcl: missing and stray closing braces are reported where they are") {
  LoadedFile missing = load("resource \"a\" \"b\" {\n  x = [1, 2\n}\n");
  REQUIRE(missing.diagnostics.size() == 1);
  CHECK(missing.diagnostics[0].message == "syntax error: missing \"]\"");
  CHECK(missing.diagnostics[0].location.start_line == 3);
  CHECK(missing.diagnostics[0].location.start_column == 1);
  CHECK(missing.resources.empty());

  LoadedFile unterminated = load("resource \"a\" \"b\" {\n  x = 1\n");
  REQUIRE(unterminated.diagnostics.size() == 1);
  CHECK(unterminated.diagnostics[0].message == "syntax error: missing \"}\"");

  LoadedFile stray = load("resource \"a\" \"b\" {\n}\n}\nresource \"c\" \"d\" { y = 2 }\n");
  REQUIRE(stray.diagnostics.size() == 1);
  CHECK(stray.diagnostics[0].message == "syntax error: unexpected \"}\"");
  CHECK(stray.diagnostics[0].location.start_line == 3);
  CHECK(stray.diagnostics[0].location.start_column == 1);
  CHECK(stray.diagnostics[0].location.end_line == 3);  // not the whole swallowed stretch
  CHECK(stray.diagnostics[0].location.end_column == 1);
  // The parser swallowed the last resource into the error; it is recovered.
  REQUIRE(stray.resources.size() == 2);
  CHECK(stray.resources[1].address == "c.d");
  CHECK(stray.resources[1].span.range == range(4, 1, 4, 26));
  CHECK(at(stray.resources[1].attributes, "y").span.range == range(4, 24, 4, 24));

  LoadedFile bad_escape = load("resource \"a\" \"b\" {\n  x = \"\\q\"\n}\n");
  REQUIRE(bad_escape.diagnostics.size() == 1);
  CHECK(bad_escape.diagnostics[0].location.start_line == 2);
  CHECK(bad_escape.resources.empty());
}

TEST_CASE("hcl: binary and non-UTF-8 input is one diagnostic and no resources") {
  for (std::string content :
       {std::string("resource \"a\" \"b\" {}\n\0\x01", 22),
        std::string("resource \"a\" \"b\" { x = \"\xC3\x28\" }\n"), std::string("\xED\xA0\x80")}) {
    LoadedFile loaded = load(content);
    CHECK(loaded.is_iac);
    CHECK(loaded.resources.empty());
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].code == DiagnosticCode::parse_error);
    CHECK(loaded.diagnostics[0].message == "binary or non-UTF-8 file");
    CHECK_FALSE(loaded.diagnostics[0].location.has_position());
  }
  CHECK(load("").diagnostics.empty());
  CHECK(load("# only a comment\n").resources.empty());
}

TEST_CASE("hcl: 30,000-deep nesting is cut at the depth limit without crashing") {
  constexpr std::size_t kDepth = 30000;
  std::string text = "resource \"a\" \"b\" {\n  ok = 1\n  x = ";
  text.append(kDepth, '[');
  text.append(kDepth, ']');
  text += "\n}\n";
  LoadedFile loaded = load(text);
  REQUIRE(loaded.resources.size() == 1);
  REQUIRE(loaded.diagnostics.size() == 1);
  CHECK(loaded.diagnostics[0].code == DiagnosticCode::limit_exceeded);
  CHECK(loaded.diagnostics[0].message.find("line 3") != std::string::npos);
  const Value& attrs = loaded.resources[0].attributes;
  CHECK(at(attrs, "ok").as_number() == 1);
  const Value* v = &at(attrs, "x");
  int levels = 0;
  while (v->is_list() && v->items().size() == 1) {
    v = &v->items()[0];
    ++levels;
  }
  CHECK(v->is_unknown());
  CHECK(levels > 150);
  CHECK(levels < 250);

  // Deep nesting inside a non-literal expression: references are still collected.
  std::string call = "resource \"a\" \"b\" {\n  x = f(";
  call.append(kDepth, '[');
  call += "var.deep";
  call.append(kDepth, ']');
  call += ")\n}\n";
  LoadedFile deep_call = load(call);
  REQUIRE(deep_call.resources.size() == 1);
  CHECK(at(deep_call.resources[0].attributes, "x").refs == Refs{"var.deep"});
}

TEST_CASE("hcl: a 1 MB file of many resources loads completely") {
  std::string text;
  std::size_t count = 0;
  while (text.size() < 1024u * 1024) {
    std::string n = std::to_string(count++);
    text += "resource \"aws_s3_bucket\" \"b" + n + "\" {\n  bucket = \"bucket-" + n +
            "\"\n  acl    = \"private\"\n  tags = { Name = \"b" + n +
            "\", Team = var.team }\n  versioning {\n    enabled = true\n  }\n}\n\n";
  }
  LoadedFile loaded = load(text);
  CHECK(loaded.diagnostics.empty());
  REQUIRE(loaded.resources.size() == count);
  const Resource& last = loaded.resources.back();
  CHECK(last.address == "aws_s3_bucket.b" + std::to_string(count - 1));
  CHECK(at(last.attributes, "bucket").text() == "bucket-" + std::to_string(count - 1));
  CHECK(last.span.range.start_line == 9 * (count - 1) + 1);
}

TEST_CASE("hcl: a large body with many attributes keeps the last of duplicates") {
  std::string body;
  for (int i = 0; i < 2000; ++i)
    body += "  a" + std::to_string(i % 1000) + " = " + std::to_string(i) + "\n";
  Value attrs = attributes_of_body(body);
  REQUIRE(attrs.entries().size() == 1000);
  CHECK(at(attrs, "a0").as_number() == 1000);
  CHECK(at(attrs, "a999").as_number() == 1999);
}

TEST_CASE("hcl text: escapes, heredoc indentation and excerpts") {
  using iacscan::detail::hcl::decode_heredoc;
  using iacscan::detail::hcl::decode_quoted;
  CHECK(decode_quoted("\\q \\u12 \\") == "\\q \\u12 \\");  // not escapes: kept as written
  CHECK(decode_quoted("\\uD800") == "\xEF\xBF\xBD");       // a surrogate is no character
  CHECK(decode_quoted("$$ %% $${") == "$$ %% ${");
  using iacscan::detail::hcl::excerpt;
  CHECK(decode_heredoc("    a\n      b\n", true) == "a\n  b\n");
  CHECK(decode_heredoc("\ta\n\t\tb\n", true) == "a\n\tb\n");
  CHECK(decode_heredoc("  a\n  \n  b\n", true) == "a\n  \nb\n");  // blank lines as written
  CHECK(decode_heredoc("  a\n", false) == "  a\n");
  CHECK(excerpt("a\n   b") == "a b");
  std::string long_text(100, 'x');
  CHECK(excerpt(long_text).size() == 63);
  CHECK(excerpt("\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9\xC3\xA9");  // cut only between characters
  CHECK(excerpt("\xC3\xA9\xC3\xA9\xC3\xA9", 3) == "\xC3\xA9\xC3\xA9...");
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
