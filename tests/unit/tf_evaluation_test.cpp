// Terraform source to resources, end to end: in-memory files are parsed and evaluated as the
// scan's Terraform stage does (parse_terraform_source, then evaluate_terraform), and the
// resulting resources and diagnostics are checked with exact values. Expressions, variables
// and their precedence, locals, count/for_each, dynamic blocks, references, modules,
// override files, policy documents, provenance and the file functions.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "source/discovery.hpp"
#include "terraform/configuration.hpp"
#include "terraform/value_ops.hpp"
#include "test_support.hpp"
#include "tf_test_support.hpp"

using iacscan::DiagnosticCode;
using iacscan::DiagnosticLevel;
using iacscan::detail::classify_by_name;
using iacscan::detail::FileId;
using iacscan::detail::LoadedFile;
using iacscan::detail::Resource;
using iacscan::detail::SourceFile;
using iacscan::detail::SourceKind;
using iacscan::detail::SourceSet;
using iacscan::detail::TerraformSettings;
using iacscan::detail::Value;
using iacscan::detail::tf::is_error;
using iacscan::testing::where;

using iacscan::testing::evaluate;
using iacscan::testing::evaluate_main;
using iacscan::testing::Evaluated;
using iacscan::testing::Files;

namespace {

using Strings = std::vector<std::string>;

// The value of `expr` as the attribute `v` of a resource, with `extra` configuration beside.
Value eval(const std::string& expr, const std::string& extra = "") {
  Evaluated e = evaluate_main("resource \"test_thing\" \"r\" {\n  v = " + expr + "\n}\n" + extra);
  INFO("expression: " << expr << "\ndiagnostics:\n" << e.diagnostics_text());
  return e.attr("test_thing.r", "v");
}

std::string quoted(const std::string& text) {
  std::string out = "\"";
  for (char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

// A compact, exact rendering of a value: strings quoted, numbers as their text, unknowns as
// (unknown), errors as (error).
std::string show(const Value& v) {
  switch (v.kind()) {
    case Value::Kind::null:
      return "null";
    case Value::Kind::boolean:
      return v.as_bool() ? "true" : "false";
    case Value::Kind::number:
      return v.text();
    case Value::Kind::string:
      return quoted(v.text());
    case Value::Kind::list: {
      std::string out = "[";
      for (std::size_t i = 0; i < v.items().size(); ++i)
        out += (i ? ", " : "") + show(v.items()[i]);
      return out + "]";
    }
    case Value::Kind::map: {
      std::string out = "{";
      for (std::size_t i = 0; i < v.entries().size(); ++i)
        out += (i ? ", " : "") + v.entries()[i].key + " = " + show(v.entries()[i].value);
      return out + "}";
    }
    case Value::Kind::unknown:
      return is_error(v) ? "(error)" : "(unknown)";
  }
  return "?";
}

std::string show_eval(const std::string& expr, const std::string& extra = "") {
  return show(eval(expr, extra));
}

// The display text of a span, "path:where".
std::string located(const Evaluated& e, const iacscan::detail::Span& span) {
  return e.path_of(span) + ":" + where(span);
}

}  // namespace

// --- expressions ---

TEST_CASE("tf eval: literals") {
  CHECK(show_eval("\"text\"") == "\"text\"");
  CHECK(show_eval("42") == "42");
  CHECK(show_eval("1.50") == "1.50");  // numbers keep their written text
  CHECK(show_eval("1.5e3") == "1.5e3");
  CHECK(eval("1.5e3").as_number() == 1500);
  CHECK(show_eval("true") == "true");
  CHECK(show_eval("false") == "false");
  CHECK(show_eval("null") == "null");
  CHECK(show_eval("[1, \"a\", [true], {}]") == "[1, \"a\", [true], {}]");
  CHECK(show_eval("{ a = 1, \"b-c\" = 2, d: 3 }") == "{a = 1, b-c = 2, d = 3}");
  CHECK(show_eval("[]") == "[]");
  CHECK(show_eval("\"\"") == "\"\"");
}

TEST_CASE("tf eval: string templates and escapes") {
  CHECK(show_eval("\"a ${\"x\"} b\"") == "\"a x b\"");  // spaces next to interpolations kept
  CHECK(show_eval("\"  ${\"x\"}  \"") == "\"  x  \"");
  CHECK(show_eval("\"${1 + 2}\"") == "3");  // a lone interpolation is the value itself
  CHECK(eval("\"${1 + 2}\"").is_number());
  CHECK(show_eval("\"n=${5}\"") == "\"n=5\"");
  CHECK(show_eval("\"${true}-${1.50}-${null == null}\"") == "\"true-1.5-true\"");
  CHECK(show_eval("\"$${x} %%{y} $$ %% $\"") == "\"${x} %{y} $$ %% $\"");
  CHECK(show_eval("\"tab\\tnl\\nq\\\"bs\\\\u\\u00e9\"") == "\"tab\tnl\\nq\\\"bs\\\\u\xC3\xA9\"");
  CHECK(show_eval("\"${local.a}${local.b}\"", "locals {\n  a = \"x\"\n  b = \"y\"\n}\n") ==
        "\"xy\"");
  CHECK(show_eval("\"a-${\"b-${\"c\"}\"}\"") == "\"a-b-c\"");  // nested templates
  // A list in a template is an error, null too.
  CHECK(show_eval("\"x${[1]}\"") == "(error)");
  CHECK(show_eval("\"x${null}\"") == "(error)");
}

TEST_CASE("tf eval: template directives with strip markers") {
  CHECK(show_eval("\"%{ if true }yes%{ else }no%{ endif }\"") == "\"yes\"");
  CHECK(show_eval("\"%{ if false }yes%{ else }no%{ endif }\"") == "\"no\"");
  CHECK(show_eval("\"%{ if false }yes%{ endif }\"") == "\"\"");
  CHECK(show_eval("\"<%{ if 1 == 1 } a %{ endif }>\"") == "\"< a >\"");
  CHECK(show_eval("\"a %{~ if true ~} b %{~ endif ~} c\"") == "\"abc\"");
  CHECK(show_eval("\"a %{ if true ~} b %{~ else ~} c %{~ endif } d\"") == "\"a b d\"");
  CHECK(show_eval("\"%{ for x in [\"a\", \"b\"] }${x},%{ endfor }\"") == "\"a,b,\"");
  CHECK(show_eval("\"%{ for k, v in { b = 2, a = 1 } }${k}=${v};%{ endfor }\"") ==
        "\"a=1;b=2;\"");  // objects iterate in key order
  CHECK(show_eval("\"%{ for i, x in [\"a\", \"b\"] }${i}${x} %{~ endfor }\"") == "\"0a1b\"");
  CHECK(show_eval("\"[ %{~ for x in [1, 2] ~} ${x} %{~ endfor ~} ]\"") == "\"[12]\"");
  CHECK(show_eval("\"${ \"a\" ~} b\"") == "\"ab\"");
  CHECK(show_eval("\"a ${~ \"b\" }\"") == "\"ab\"");
  // An unknown condition or collection makes the whole string unknown.
  CHECK(show_eval("\"%{ if var.unset }a%{ endif }\"", "variable \"unset\" {}\n") == "(unknown)");
  CHECK(show_eval("\"%{ for x in var.unset }a%{ endfor }\"", "variable \"unset\" {}\n") ==
        "(unknown)");
}

TEST_CASE("tf eval: heredocs with interpolation and directives") {
  CHECK(show_eval("<<EOT\nhello ${\"world\"}\n  kept \\n ${1 + 1}\nEOT\n") ==
        "\"hello world\\n  kept \\\\n 2\\n\"");
  CHECK(show_eval("<<-EOT\n    hello ${\"world\"}\n      indented\n    EOT\n") ==
        "\"hello world\\n  indented\\n\"");
  CHECK(show_eval("<<EOT\n%{ for x in [\"a\", \"b\"] ~}\n${x}\n%{ endfor ~}\nEOT\n") ==
        "\"a\\nb\\n\"");
  CHECK(show_eval("<<-EOT\n  %{~ if true ~}\n  yes\n  %{~ endif ~}\n  EOT\n") == "\"yes\"");
  CHECK(show_eval("<<EOT\nEOT\n") == "\"\"");
  CHECK(show_eval("<<EOT\n$${literal} %%{ also }\nEOT\n") == "\"${literal} %{ also }\\n\"");
  CHECK(show_eval("<<-EOT\n\t\tline ${\"x\"}\n\tEOT\n") == "\"line x\\n\"");
}

TEST_CASE("tf eval: operators and precedence") {
  CHECK(show_eval("1 + 2 * 3") == "7");
  CHECK(show_eval("(1 + 2) * 3") == "9");
  CHECK(show_eval("2 - 3 - 4") == "-5");  // left associative
  CHECK(show_eval("8 / 2 / 2") == "2");
  CHECK(show_eval("10 / 4") == "2.5");
  CHECK(show_eval("10 % 3") == "1");
  CHECK(show_eval("2 * 3 % 4") == "2");
  CHECK(show_eval("1 + 2 == 3") == "true");
  CHECK(show_eval("1 < 2 && 3 >= 3") == "true");
  CHECK(show_eval("2 <= 1 || 2 > 1") == "true");
  CHECK(show_eval("true || false && false") == "true");  // && binds tighter than ||
  CHECK(show_eval("!true || true") == "true");
  CHECK(show_eval("!(true || true)") == "false");
  CHECK(show_eval("!false && false") == "false");
  CHECK(show_eval("-3 + 5") == "2");
  CHECK(show_eval("-(2 + 3)") == "-5");
  CHECK(show_eval("- 2 * 3") == "-6");
  CHECK(show_eval("1 == 1.0") == "true");
  CHECK(show_eval("\"1\" == 1") == "false");  // no conversion for equality
  CHECK(show_eval("\"a\" != \"b\"") == "true");
  CHECK(show_eval("[1, [2]] == [1, [2]]") == "true");
  CHECK(show_eval("{ a = 1 } != { a = 2 }") == "true");
  CHECK(show_eval("null == null") == "true");
  CHECK(show_eval("\"5\" + 1") == "6");  // arithmetic converts numeric strings
  CHECK(show_eval("\"x\" + 1") == "(error)");
  CHECK(show_eval("1 / 0") == "(error)");
  CHECK(show_eval("1 + 2 * 3 - 4 / 2 > 4 == true") == "true");
}

TEST_CASE("tf eval: logical operators with unknowns") {
  const std::string unset = "variable \"unset\" { type = bool }\n";
  CHECK(show_eval("false && var.unset", unset) == "false");
  CHECK(show_eval("var.unset || true", unset) == "true");
  CHECK(show_eval("true && var.unset", unset) == "(unknown)");
  CHECK(show_eval("var.unset == true", unset) == "(unknown)");
  CHECK(show_eval("!var.unset", unset) == "(unknown)");
  // Comparing with null is decided by the top level alone.
  const std::string object = unset + "resource \"aws_s3_bucket\" \"b\" {}\n";
  CHECK(show_eval("{ arn = aws_s3_bucket.b.arn } != null", object) == "true");
  CHECK(show_eval("[var.unset] == null", object) == "false");
  CHECK(show_eval("null == null", object) == "true");
  CHECK(show_eval("var.unset == null", object) == "(unknown)");
  CHECK(show_eval("aws_s3_bucket.b.arn != null", object) == "(unknown)");
}

TEST_CASE("tf eval: conditionals") {
  CHECK(show_eval("true ? \"a\" : \"b\"") == "\"a\"");
  CHECK(show_eval("1 > 2 ? \"a\" : \"b\"") == "\"b\"");
  CHECK(show_eval("\"true\" ? 1 : 2") == "1");  // bool from string
  CHECK(show_eval("true ? false ? 1 : 2 : 3") == "2");
  CHECK(show_eval("false ? 1 : true ? 2 : 3") == "2");
  CHECK(show_eval("true ? 1 : 2 + 10") == "1");
  // An unknown condition: unknown, with both branches as candidates and every ref.
  const Value v = eval("var.unset ? \"public-read\" : aws_s3_bucket.b.bucket",
                       "variable \"unset\" {}\n"
                       "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"private\"\n}\n");
  CHECK(v.is_unknown());
  CHECK_FALSE(is_error(v));
  REQUIRE(v.candidates != nullptr);
  REQUIRE(v.candidates->size() == 2);
  CHECK(show((*v.candidates)[0]) == "\"public-read\"");
  CHECK(show((*v.candidates)[1]) == "\"private\"");
  CHECK(v.refs == Strings{"aws_s3_bucket.b"});
  // A branch that fails leaves no candidates.
  const Value failing = eval("var.unset ? 1 / 0 : 2", "variable \"unset\" {}\n");
  CHECK(failing.is_unknown());
  CHECK(failing.candidates == nullptr);
}

TEST_CASE("tf eval: for expressions") {
  CHECK(show_eval("[for s in [\"a\", \"b\"] : upper(s)]") == "[\"A\", \"B\"]");
  CHECK(show_eval("[for i, s in [\"a\", \"b\", \"c\"] : \"${i}${s}\" if i != 1]") ==
        "[\"0a\", \"2c\"]");
  CHECK(show_eval("{ for k, v in { a = 1, b = 2 } : v => k }") == "{1 = \"a\", 2 = \"b\"}");
  CHECK(show_eval("{ for s in [\"b\", \"a\"] : s => upper(s) }") == "{a = \"A\", b = \"B\"}");
  CHECK(show_eval("{ for s in [\"ab\", \"ac\", \"bd\"] : substr(s, 0, 1) => s... }") ==
        "{a = [\"ab\", \"ac\"], b = [\"bd\"]}");
  CHECK(show_eval("{ for s in [\"a\", \"a\"] : s => s }") == "(error)");  // duplicate key
  // Objects and maps iterate in lexical key order, whatever order they were written in.
  CHECK(show_eval("[for v in { b = 2, a = 1 } : v]") == "[1, 2]");
  CHECK(show_eval("[for k, v in { b = 2, a = 1 } : k]") == "[\"a\", \"b\"]");
  CHECK(show_eval("[for x in [] : x]") == "[]");
  CHECK(show_eval("[for x in [1, 2, 3] : x * 2 if x > 1]") == "[4, 6]");
  CHECK(show_eval("[for x in [[1, 2], [3]] : [for y in x : y + 1]]") == "[[2, 3], [4]]");
  CHECK(show_eval("[for x in var.unset : x]", "variable \"unset\" {}\n") == "(unknown)");
  CHECK(show_eval("[for x in 5 : x]") == "(error)");
}

TEST_CASE("tf eval: splats, indexes and attributes") {
  CHECK(show_eval("[{ a = 1 }, { a = 2 }][*].a") == "[1, 2]");
  CHECK(show_eval("[{ a = 1 }, { a = 2 }].*.a") == "[1, 2]");
  CHECK(show_eval("[{ a = { b = 1 } }, { a = { b = 2 } }][*].a.b") == "[1, 2]");
  CHECK(show_eval("[[1, 2], [3, 4]][*][0]") == "[1, 3]");
  CHECK(show_eval("[{ a = [1, 2] }, { a = [3, 4] }].*.a[0]") == "[1, 2]");  // legacy: index after
  CHECK(show_eval("{ a = 1 }[*].a") == "[1]");  // a single value splats as a list of it
  CHECK(show_eval("null[*]") == "[]");
  CHECK(show_eval("{ a = { b = [10, 20] } }.a.b[1]") == "20");
  CHECK(show_eval("{ a = 1 }[\"a\"]") == "1");
  CHECK(show_eval("[7, 8].1") == "8");  // legacy index
  CHECK(show_eval("[7, 8][\"1\"]") == "8");
  CHECK(show_eval("[1, 2, 3][5]") == "(error)");
  CHECK(show_eval("{ a = 1 }.b") == "(error)");
  CHECK(show_eval("local.m[\"k\"][0]", "locals {\n  m = { k = [\"x\"] }\n}\n") == "\"x\"");
}

TEST_CASE("tf eval: function calls") {
  CHECK(show_eval("upper(\"x\")") == "\"X\"");
  CHECK(show_eval("join(\",\", [\"a\", \"b\"])") == "\"a,b\"");
  CHECK(show_eval("max([1, 5, 3]...)") == "5");
  CHECK(show_eval("max(7, [1, 5, 3]...)") == "7");
  CHECK(show_eval("format(\"%s-%d\", \"a\", 3)") == "\"a-3\"");
  CHECK(show_eval("length(local.l)", "locals {\n  l = [1, 2, 3]\n}\n") == "3");
  CHECK(show_eval("concat([1], [2, 3])") == "[1, 2, 3]");
  CHECK(show_eval("lookup({ a = 1 }, \"b\", 0)") == "0");
  CHECK(show_eval("keys({ b = 1, a = 2 })") == "[\"a\", \"b\"]");
  CHECK(show_eval("jsonencode({ b = 1, a = [true] })") == "\"{\\\"a\\\":[true],\\\"b\\\":1}\"");
  CHECK(show_eval("no_such_function(1)") == "(error)");
  CHECK(show_eval("upper(\"a\", \"b\")") == "(error)");
  CHECK(show_eval("max(5...)") == "(error)");
  CHECK(show_eval("upper(var.unset)", "variable \"unset\" {}\n") == "(unknown)");
}

TEST_CASE("tf eval: try and can") {
  const std::string locals = "locals {\n  m = { a = \"x\" }\n}\nvariable \"unset\" {}\n";
  CHECK(show_eval("try(local.m.missing, \"fallback\")", locals) == "\"fallback\"");
  CHECK(show_eval("try(local.m.a, \"fallback\")", locals) == "\"x\"");
  CHECK(show_eval("try(local.m.missing, local.m.other, 1)", locals) == "1");
  CHECK(show_eval("can(local.m.missing)", locals) == "false");
  CHECK(show_eval("can(local.m.a)", locals) == "true");
  CHECK(show_eval("can(1 / 0)", locals) == "false");
  CHECK(show_eval("try(local.m.missing)", locals) == "(error)");
  // An unknown argument decides nothing yet.
  CHECK(show_eval("try(var.unset, \"x\")", locals) == "(unknown)");
  CHECK(show_eval("can(var.unset)", locals) == "(unknown)");
  const Value unknown = eval("try(var.unset, \"x\")", locals);
  CHECK_FALSE(is_error(unknown));
}

// --- variables ---

TEST_CASE("tf eval: variable defaults are converted to their type") {
  Evaluated e = evaluate_main(
      "variable \"n\" {\n  type = number\n  default = \"5\"\n}\n"
      "variable \"flag\" {\n  type = bool\n  default = \"true\"\n}\n"
      "variable \"s\" {\n  type = string\n  default = 12\n}\n"
      "variable \"strings\" {\n  type = list(string)\n  default = [1, true]\n}\n"
      "variable \"set\" {\n  type = set(string)\n  default = [\"b\", \"a\", \"b\"]\n}\n"
      "variable \"numbers\" {\n  type = map(number)\n  default = { a = \"1\" }\n}\n"
      "variable \"cfg\" {\n"
      "  type = object({\n"
      "    name = string\n"
      "    size = optional(number, 10)\n"
      "    tags = optional(map(string))\n"
      "    on   = optional(bool, true)\n"
      "  })\n"
      "  default = { name = \"x\", on = false, undeclared = 1 }\n"
      "}\n"
      "variable \"untyped\" {\n  default = \"5\"\n}\n"
      "resource \"t\" \"r\" {\n"
      "  n = var.n\n  flag = var.flag\n  s = var.s\n  strings = var.strings\n"
      "  set = var.set\n  numbers = var.numbers\n  cfg = var.cfg\n  untyped = var.untyped\n"
      "  sum = var.n + 1\n"
      "}\n");
  CHECK(e.out.diagnostics.empty());
  const Value& n = e.attr("t.r", "n");
  CHECK(n.is_number());
  CHECK(n.as_number() == 5);
  CHECK(show(n) == "5");
  CHECK(show(e.attr("t.r", "flag")) == "true");
  CHECK(show(e.attr("t.r", "s")) == "\"12\"");
  CHECK(show(e.attr("t.r", "strings")) == "[\"1\", \"true\"]");
  CHECK(show(e.attr("t.r", "set")) == "[\"a\", \"b\"]");
  CHECK(show(e.attr("t.r", "numbers")) == "{a = 1}");
  CHECK(e.attr("t.r", "numbers").find("a")->is_number());
  CHECK(show(e.attr("t.r", "cfg")) == "{name = \"x\", on = false, size = 10, tags = null}");
  CHECK(show(e.attr("t.r", "untyped")) == "\"5\"");
  CHECK(show(e.attr("t.r", "sum")) == "6");
}

TEST_CASE("tf eval: a variable with no value is unknown, never empty") {
  Evaluated e = evaluate_main(
      "variable \"acl\" {\n  type = string\n}\n"
      "variable \"nullable_default\" {\n  default = null\n}\n"
      "resource \"t\" \"r\" {\n  acl = var.acl\n  name = \"b-${var.acl}\"\n"
      "  n = var.nullable_default\n  undeclared = var.nope\n}\n");
  const Value& acl = e.attr("t.r", "acl");
  CHECK(acl.is_unknown());
  CHECK_FALSE(is_error(acl));
  CHECK(acl.text() == "variable \"acl\" has no value");
  CHECK(e.attr("t.r", "name").is_unknown());
  CHECK(show(e.attr("t.r", "n")) == "null");
  CHECK(e.attr("t.r", "undeclared").is_unknown());
}

TEST_CASE(
    "tf eval: variable values: defaults < tfvars < tfvars.json < auto.tfvars < files < -var") {
  namespace fs = std::filesystem;
  const fs::path var_file =
      fs::temp_directory_path() /
      ("iacscan-tf-eval-" +
       std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()) + ".tfvars");
  {
    std::ofstream out(var_file);
    out << "v5 = \"var-file\"\nv6 = \"var-file\"\n";
  }
  TerraformSettings settings;
  settings.variable_files = {var_file.string()};
  settings.variables = {{"v6", "cli"}};
  std::string declarations;
  for (int i = 0; i <= 6; ++i)
    declarations += "variable \"v" + std::to_string(i) + "\" {\n  default = \"default\"\n}\n";
  std::string uses = "resource \"t\" \"r\" {\n";
  for (int i = 0; i <= 6; ++i)
    uses += "  v" + std::to_string(i) + " = var.v" + std::to_string(i) + "\n";
  uses += "}\n";
  Evaluated e = evaluate(
      {
          {"main.tf", declarations + uses},
          {"b.auto.tfvars", "v4 = \"b.auto\"\nv5 = \"b.auto\"\nv6 = \"b.auto\"\n"},
          {"a.auto.tfvars.json",
           R"({"v3": "a.auto", "v4": "a.auto", "v5": "a.auto", "v6": "a.auto"})"},
          {"terraform.tfvars.json",
           R"({"v2": "tfvars.json", "v3": "tfvars.json", "v4": "tfvars.json", "v5": "tfvars.json", "v6": "tfvars.json"})"},
          {"terraform.tfvars",
           "v1 = \"tfvars\"\nv2 = \"tfvars\"\nv3 = \"tfvars\"\nv4 = \"tfvars\"\n"
           "v5 = \"tfvars\"\nv6 = \"tfvars\"\n"},
          {"other.tfvars", "v1 = \"not read: not an automatic file\"\n"},
      },
      settings);
  fs::remove(var_file);
  INFO(e.diagnostics_text());
  CHECK(e.out.diagnostics.empty());
  CHECK(show(e.attr("t.r", "v0")) == "\"default\"");
  CHECK(show(e.attr("t.r", "v1")) == "\"tfvars\"");
  CHECK(show(e.attr("t.r", "v2")) == "\"tfvars.json\"");
  CHECK(show(e.attr("t.r", "v3")) == "\"a.auto\"");
  CHECK(show(e.attr("t.r", "v4")) == "\"b.auto\"");
  CHECK(show(e.attr("t.r", "v5")) == "\"var-file\"");
  CHECK(show(e.attr("t.r", "v6")) == "\"cli\"");
}

TEST_CASE("tf eval: -var values of complex types are parsed as HCL; others stay strings") {
  TerraformSettings settings;
  settings.variables = {{"list", "[\"a\", \"b\"]"}, {"n", "5"}, {"s", "[x]"}};
  Evaluated e = evaluate({{"main.tf",
                           "variable \"list\" {\n  type = list(string)\n}\n"
                           "variable \"n\" {\n  type = number\n}\n"
                           "variable \"s\" {}\n"
                           "resource \"t\" \"r\" {\n  list = var.list\n  n = var.n\n"
                           "  s = var.s\n}\n"}},
                         settings);
  CHECK(show(e.attr("t.r", "list")) == "[\"a\", \"b\"]");
  CHECK(show(e.attr("t.r", "n")) == "5");
  CHECK(e.attr("t.r", "n").is_number());
  CHECK(show(e.attr("t.r", "s")) == "\"[x]\"");
}

TEST_CASE("tf eval: tfvars of a directory apply only to that root") {
  Evaluated e = evaluate({
      {"a/main.tf", "variable \"x\" {}\nresource \"t\" \"a\" {\n  x = var.x\n}\n"},
      {"a/terraform.tfvars", "x = \"for a\"\n"},
      {"b/main.tf", "variable \"x\" {}\nresource \"t\" \"b\" {\n  x = var.x\n}\n"},
  });
  CHECK(show(e.attr("t.a", "x")) == "\"for a\"");
  CHECK(e.attr("t.b", "x").is_unknown());
}

// --- locals ---

TEST_CASE("tf eval: locals in any order, across files") {
  Evaluated e = evaluate({
      {"main.tf",
       "locals {\n  a = local.b + 1\n  c = \"${local.name}-${local.a}\"\n}\n"
       "resource \"t\" \"r\" {\n  a = local.a\n  c = local.c\n}\n"},
      {"more.tf", "locals {\n  b = 2\n  name = upper(\"n\")\n}\n"},
  });
  CHECK(e.out.diagnostics.empty());
  CHECK(show(e.attr("t.r", "a")) == "3");
  CHECK(show(e.attr("t.r", "c")) == "\"N-3\"");
}

TEST_CASE("tf eval: a cycle of locals is a diagnostic and unknown, not a hang") {
  Evaluated e = evaluate_main(
      "locals {\n  a = local.b\n  b = \"${local.a}x\"\n  self = local.self\n"
      "  fine = 1\n}\n"
      "resource \"t\" \"r\" {\n  a = local.a\n  self = local.self\n  fine = local.fine\n}\n");
  CHECK(e.attr("t.r", "a").is_unknown());
  CHECK(e.attr("t.r", "self").is_unknown());
  CHECK(show(e.attr("t.r", "fine")) == "1");
  INFO(e.diagnostics_text());
  const auto cycles = e.diagnostics("depends on itself");
  REQUIRE(cycles.size() == 2);
  for (const auto* d : cycles) {
    CHECK(d->code == DiagnosticCode::invalid_template);
    CHECK(d->location.path == "main.tf");
    CHECK(d->location.has_position());
  }
  CHECK(e.diagnostics("local \"self\" depends on itself").size() == 1);
}

TEST_CASE("tf eval: an undeclared local is an error value") {
  CHECK(show_eval("local.nope") == "(error)");
}

// --- count and for_each ---

TEST_CASE("tf eval: count gives indexed instances with count.index") {
  Evaluated e = evaluate_main(
      "resource \"t\" \"none\" {\n  count = 0\n}\n"
      "resource \"t\" \"three\" {\n  count = 3\n  name = \"n-${count.index}\"\n"
      "  i = count.index\n}\n"
      "variable \"two\" {\n  default = \"2\"\n}\n"
      "resource \"t\" \"from_string\" {\n  count = var.two\n}\n"
      "resource \"t\" \"cond\" {\n  count = false ? 1 : 0\n}\n"
      "resource \"t\" \"use\" {\n  names = t.three[*].name\n  second = t.three[1].name\n"
      "  n = length(t.three)\n  none = t.none\n}\n");
  CHECK(e.addresses() == Strings{"t.three[0]", "t.three[1]", "t.three[2]", "t.from_string[0]",
                                 "t.from_string[1]", "t.use"});
  CHECK(show(e.attr("t.three[2]", "name")) == "\"n-2\"");
  CHECK(show(e.attr("t.three[0]", "i")) == "0");
  CHECK(e.resource("t.three[1]").attributes.find("count") == nullptr);
  CHECK(show(e.attr("t.use", "names")) == "[\"n-0\", \"n-1\", \"n-2\"]");
  CHECK(show(e.attr("t.use", "second")) == "\"n-1\"");
  CHECK(show(e.attr("t.use", "n")) == "3");
  CHECK(show(e.attr("t.use", "none")) == "[]");
  CHECK(e.out.diagnostics.empty());
}

TEST_CASE("tf eval: for_each over a map and a set, with quoted keys") {
  Evaluated e = evaluate_main(
      "resource \"t\" \"m\" {\n  for_each = { b = \"x\", \"a b\" = \"y\", \"q\\\"k\" = \"z\" }\n"
      "  key = each.key\n  value = each.value\n}\n"
      "resource \"t\" \"s\" {\n  for_each = toset([\"x\", \"y\", \"x\"])\n"
      "  key = each.key\n  value = each.value\n}\n"
      "resource \"t\" \"objects\" {\n"
      "  for_each = { web = { port = 80 }, db = { port = 5432 } }\n"
      "  port = each.value.port\n}\n"
      "resource \"t\" \"empty\" {\n  for_each = {}\n}\n"
      "resource \"t\" \"use\" {\n  b = t.m[\"b\"].value\n  keys = keys(t.m)\n"
      "  ports = [for k, o in t.objects : o.port]\n}\n");
  CHECK(e.out.diagnostics.empty());
  CHECK(show(e.attr("t.m[\"b\"]", "key")) == "\"b\"");
  CHECK(show(e.attr("t.m[\"b\"]", "value")) == "\"x\"");
  CHECK(show(e.attr("t.m[\"a b\"]", "value")) == "\"y\"");
  CHECK(show(e.attr("t.m[\"q\\\"k\"]", "key")) == "\"q\\\"k\"");
  CHECK(show(e.attr("t.s[\"x\"]", "value")) == "\"x\"");
  CHECK(show(e.attr("t.s[\"y\"]", "key")) == "\"y\"");
  CHECK(e.find("t.s[\"x\"]") != nullptr);
  CHECK(show(e.attr("t.objects[\"db\"]", "port")) == "5432");
  CHECK(show(e.attr("t.use", "b")) == "\"x\"");
  CHECK(show(e.attr("t.use", "keys")) == "[\"a b\", \"b\", \"q\\\"k\"]");
  CHECK(show(e.attr("t.use", "ports")) == "[5432, 80]");
  std::size_t sets = 0;
  for (const Resource& r : e.out.resources)
    if (r.address.rfind("t.s[", 0) == 0) ++sets;
  CHECK(sets == 2);
  for (const Resource& r : e.out.resources) CHECK(r.address.rfind("t.empty", 0) != 0);
}

TEST_CASE("tf eval: unknown count or for_each gives one stand-in instance") {
  Evaluated e = evaluate_main(
      "variable \"n\" {\n  type = number\n}\n"
      "variable \"names\" {\n  type = set(string)\n}\n"
      "resource \"t\" \"counted\" {\n  count = var.n\n  i = count.index\n  fixed = \"x\"\n}\n"
      "resource \"t\" \"each\" {\n  for_each = var.names\n  key = each.key\n"
      "  value = each.value\n}\n"
      "resource \"t\" \"use\" {\n  ids = t.counted[*].fixed\n  first = t.counted[0].fixed\n}\n");
  CHECK(e.addresses() == Strings{"t.counted", "t.each", "t.use"});
  CHECK(e.attr("t.counted", "i").is_unknown());
  CHECK(show(e.attr("t.counted", "fixed")) == "\"x\"");
  CHECK(e.attr("t.each", "key").is_unknown());
  CHECK(e.attr("t.each", "value").is_unknown());
  CHECK(e.attr("t.use", "ids").is_unknown());
  CHECK(e.attr("t.use", "ids").refs == Strings{"t.counted"});
  CHECK(e.attr("t.use", "first").is_unknown());
  CHECK(e.attr("t.use", "first").refs == Strings{"t.counted"});
  CHECK(e.out.diagnostics.empty());
}

TEST_CASE("tf eval: count over the instance limit is a diagnostic and one instance") {
  TerraformSettings settings;
  settings.max_instances = 10;
  Evaluated e = evaluate({{"main.tf",
                           "resource \"t\" \"big\" {\n  count = 11\n  i = count.index\n}\n"
                           "resource \"t\" \"ok\" {\n  count = 10\n}\n"
                           "resource \"t\" \"wide\" {\n  for_each = toset([for i in range(11) : "
                           "tostring(i)])\n}\n"}},
                         settings);
  CHECK(e.find("t.big") != nullptr);
  CHECK(e.find("t.big[0]") == nullptr);
  CHECK(e.attr("t.big", "i").is_unknown());
  CHECK(e.find("t.ok[9]") != nullptr);
  CHECK(e.find("t.wide") != nullptr);
  const auto over = e.diagnostics("over the limit");
  REQUIRE(over.size() == 2);
  CHECK(over[0]->code == DiagnosticCode::limit_exceeded);
  CHECK(over[0]->location.path == "main.tf");
  CHECK(over[0]->location.start_line == 1);
  CHECK(over[0]->message.find("count of 11") != std::string::npos);
}

// No timing assertion (speed is measured by iacscan-tf-bench); a hang or a quadratic blow-up
// is caught by ctest's timeout.
TEST_CASE("tf eval: a huge count is cut and a count of many instances expands") {
  Evaluated e = evaluate_main(
      "resource \"t\" \"huge\" {\n  count = 1000000000\n}\n"
      "resource \"t\" \"many\" {\n  count = 1000\n  name = \"n${count.index}\"\n}\n"
      "resource \"t\" \"use\" {\n  all = join(\",\", t.many[*].name)\n}\n");
  CHECK(e.find("t.huge") != nullptr);
  CHECK(e.find("t.many[999]") != nullptr);
  CHECK(e.attr("t.use", "all").text().size() == 4889);
  CHECK(e.diagnostics("over the limit").size() == 1);
}

// --- dynamic blocks ---

TEST_CASE("tf eval: dynamic blocks over known collections, with an iterator") {
  Evaluated e = evaluate_main(
      "locals {\n  rules = [{ port = 80, cidr = \"0.0.0.0/0\" }, { port = 443, cidr = "
      "\"10.0.0.0/8\" }]\n}\n"
      "resource \"t\" \"r\" {\n"
      "  ingress {\n    from_port = 22\n  }\n"
      "  dynamic \"ingress\" {\n    for_each = local.rules\n"
      "    content {\n      from_port = ingress.value.port\n      index = ingress.key\n"
      "      cidr_blocks = [ingress.value.cidr]\n    }\n  }\n"
      "  dynamic \"tag\" {\n    for_each = { b = 2, a = 1 }\n    iterator = t\n"
      "    content {\n      key = t.key\n      value = t.value\n    }\n  }\n"
      "  dynamic \"none\" {\n    for_each = []\n    content {}\n  }\n"
      "  dynamic \"outer\" {\n    for_each = [[1, 2]]\n"
      "    content {\n      dynamic \"inner\" {\n        for_each = outer.value\n"
      "        content {\n          n = inner.value * 10\n        }\n      }\n    }\n  }\n"
      "}\n");
  CHECK(e.out.diagnostics.empty());
  CHECK(show(e.attr("t.r", "ingress")) ==
        "[{from_port = 22}, {from_port = 80, index = 0, cidr_blocks = [\"0.0.0.0/0\"]}, "
        "{from_port = 443, index = 1, cidr_blocks = [\"10.0.0.0/8\"]}]");
  CHECK(show(e.attr("t.r", "tag")) == "[{key = \"a\", value = 1}, {key = \"b\", value = 2}]");
  CHECK(show(e.attr("t.r", "none")) == "[]");
  CHECK(show(e.attr("t.r", "outer")) == "[{inner = [{n = 10}, {n = 20}]}]");
}

TEST_CASE("tf eval: a dynamic block over an unknown collection is one unknown block") {
  Evaluated e = evaluate_main(
      "variable \"grants\" {}\n"
      "resource \"aws_s3_bucket\" \"other\" {}\n"
      "resource \"t\" \"r\" {\n"
      "  dynamic \"grant\" {\n    for_each = var.grants\n    content {\n"
      "      uri = grant.value\n    }\n  }\n"
      "  dynamic \"ref\" {\n    for_each = aws_s3_bucket.other.tags_all\n"
      "    content {\n      v = ref.value\n    }\n  }\n"
      "}\n");
  const Value& grant = e.attr("t.r", "grant");
  REQUIRE(grant.is_list());
  REQUIRE(grant.items().size() == 1);
  CHECK(grant.items()[0].is_unknown());
  const Value& ref = e.attr("t.r", "ref");
  REQUIRE(ref.items().size() == 1);
  CHECK(ref.items()[0].is_unknown());
  CHECK(ref.items()[0].refs == Strings{"aws_s3_bucket.other"});
}

// --- references ---

TEST_CASE("tf eval: references to resources: configured values known, others after apply") {
  Evaluated e = evaluate_main(
      "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n  tags = { team = \"x\" }\n}\n"
      "data \"aws_caller_identity\" \"me\" {}\n"
      "resource \"aws_s3_bucket_acl\" \"a\" {\n"
      "  bucket = aws_s3_bucket.b.bucket\n"
      "  arn = aws_s3_bucket.b.arn\n"
      "  team = aws_s3_bucket.b.tags.team\n"
      "  name = \"${aws_s3_bucket.b.bucket}-acl\"\n"
      "  account = data.aws_caller_identity.me.account_id\n"
      "  whole = aws_s3_bucket.b\n"
      "  undeclared = aws_s3_bucket.nope.id\n"
      "}\n");
  const Value& bucket = e.attr("aws_s3_bucket_acl.a", "bucket");
  CHECK(show(bucket) == "\"logs\"");
  CHECK(bucket.refs == Strings{"aws_s3_bucket.b"});
  const Value& arn = e.attr("aws_s3_bucket_acl.a", "arn");
  CHECK(arn.is_unknown());
  CHECK_FALSE(is_error(arn));
  CHECK(arn.refs == Strings{"aws_s3_bucket.b"});
  CHECK(arn.text().find("known only after apply") != std::string::npos);
  CHECK(show(e.attr("aws_s3_bucket_acl.a", "team")) == "\"x\"");
  CHECK(e.attr("aws_s3_bucket_acl.a", "team").refs == Strings{"aws_s3_bucket.b"});
  const Value& name = e.attr("aws_s3_bucket_acl.a", "name");
  CHECK(show(name) == "\"logs-acl\"");
  CHECK(name.refs == Strings{"aws_s3_bucket.b"});
  const Value& account = e.attr("aws_s3_bucket_acl.a", "account");
  CHECK(account.is_unknown());
  CHECK(account.refs == Strings{"data.aws_caller_identity.me"});
  CHECK(e.attr("aws_s3_bucket_acl.a", "whole").refs == Strings{"aws_s3_bucket.b"});
  CHECK(is_error(e.attr("aws_s3_bucket_acl.a", "undeclared")));
}

TEST_CASE("tf eval: a reference to one instance names that instance only") {
  Evaluated e = evaluate_main(
      "resource \"aws_s3_bucket\" \"c\" {\n  count = 2\n  bucket = \"c-${count.index}\"\n}\n"
      "resource \"aws_s3_bucket\" \"m\" {\n  for_each = toset([\"a\", \"b\"])\n"
      "  bucket = each.key\n}\n"
      "resource \"aws_s3_bucket_acl\" \"acl\" {\n  count = 2\n"
      "  bucket = aws_s3_bucket.c[count.index].id\n"
      "  name = aws_s3_bucket.c[count.index].bucket\n"
      "  by_key = aws_s3_bucket.m[\"b\"].id\n"
      "  all = aws_s3_bucket.c[*].id\n"
      "}\n");
  CHECK(e.attr("aws_s3_bucket_acl.acl[1]", "bucket").refs == Strings{"aws_s3_bucket.c[1]"});
  CHECK(show(e.attr("aws_s3_bucket_acl.acl[1]", "name")) == "\"c-1\"");
  CHECK(e.attr("aws_s3_bucket_acl.acl[1]", "name").refs == Strings{"aws_s3_bucket.c[1]"});
  CHECK(e.attr("aws_s3_bucket_acl.acl[0]", "by_key").refs == Strings{"aws_s3_bucket.m[\"b\"]"});
  const Value& all = e.attr("aws_s3_bucket_acl.acl[0]", "all");
  REQUIRE(all.is_list());
  CHECK(all.refs == Strings{"aws_s3_bucket.c"});
  REQUIRE(all.items().size() == 2);
  CHECK(all.items()[1].refs == Strings{"aws_s3_bucket.c[1]"});
}

TEST_CASE("tf eval: a resource referring to itself through another is cut, not followed") {
  Evaluated e = evaluate_main(
      "resource \"t\" \"a\" {\n  x = t.b.x\n}\n"
      "resource \"t\" \"b\" {\n  x = t.a.x\n}\n");
  CHECK(e.find("t.a") != nullptr);
  CHECK(e.find("t.b") != nullptr);
  CHECK_FALSE(e.diagnostics("depends on itself").empty());
}

TEST_CASE("tf eval: path, terraform.workspace and self") {
  Evaluated e = evaluate({
      {"main.tf",
       "module \"m\" {\n  source = \"./mod\"\n}\n"
       "resource \"t\" \"r\" {\n  module = path.module\n  root = path.root\n"
       "  ws = terraform.workspace\n  from_module = module.m.path\n}\n"},
      {"mod/main.tf", "output \"path\" {\n  value = path.module\n}\n"},
  });
  CHECK(show(e.attr("t.r", "module")) == "\".\"");
  CHECK(show(e.attr("t.r", "root")) == "\".\"");
  CHECK(show(e.attr("t.r", "ws")) == "\"default\"");
  CHECK(show(e.attr("t.r", "from_module")) == "\"mod\"");
}

TEST_CASE("tf eval: path.module is relative to the root even when the root is a subdirectory") {
  Evaluated e = evaluate({
      {"infra/main.tf",
       "module \"m\" {\n  source = \"./modules/m\"\n}\n"
       "resource \"t\" \"r\" {\n  module = path.module\n  root = path.root\n"
       "  from_module = module.m.path\n}\n"},
      {"infra/modules/m/main.tf", "output \"path\" {\n  value = path.module\n}\n"},
  });
  CHECK(show(e.attr("t.r", "module")) == "\".\"");
  CHECK(show(e.attr("t.r", "root")) == "\".\"");
  CHECK(show(e.attr("t.r", "from_module")) == "\"modules/m\"");
}

// --- file functions ---

TEST_CASE("tf eval: file and templatefile read in-memory buffers relative to the root") {
  const Files files = {
      {"infra/main.tf",
       "module \"m\" {\n  source = \"./mod\"\n}\n"
       "resource \"t\" \"r\" {\n  policy = file(\"${path.module}/policy.json\")\n"
       "  plain = file(\"policy.json\")\n"
       "  rendered = templatefile(\"${path.module}/greeting.tpl\", { name = \"you\", items = [1, "
       "2] })\n"
       "  missing = file(\"${path.module}/nope.txt\")\n"
       "  from_module = module.m.text\n"
       "}\n"},
      {"infra/policy.json", "{\"Version\": \"2012-10-17\"}\n"},
      {"infra/greeting.tpl", "Hello ${name}!%{ for i in items } ${i}%{ endfor }\n"},
      {"infra/mod/main.tf", "output \"text\" {\n  value = file(\"${path.module}/data.txt\")\n}\n"},
      {"infra/mod/data.txt", "module data"},
  };
  Evaluated e = evaluate(files);
  CHECK(show(e.attr("t.r", "policy")) == "\"{\\\"Version\\\": \\\"2012-10-17\\\"}\\n\"");
  CHECK(show(e.attr("t.r", "plain")) == "\"{\\\"Version\\\": \\\"2012-10-17\\\"}\\n\"");
  CHECK(show(e.attr("t.r", "rendered")) == "\"Hello you! 1 2\\n\"");
  CHECK(is_error(e.attr("t.r", "missing")));
  CHECK(show(e.attr("t.r", "from_module")) == "\"module data\"");
}

// --- modules ---

TEST_CASE("tf eval: a local module: inputs in, resources with addresses, outputs back") {
  Evaluated e = evaluate({
      {"main.tf",
       "module \"site\" {\n  source = \"./modules/site\"\n  name = \"web\"\n"
       "  acl = \"public-read\"\n}\n"
       "resource \"t\" \"use\" {\n  bucket = module.site.bucket\n  arn = module.site.arn\n"
       "  all = module.site\n}\n"},
      {"modules/site/main.tf",
       "variable \"name\" {}\n"
       "variable \"acl\" {\n  default = \"private\"\n}\n"
       "variable \"versioning\" {\n  default = true\n}\n"
       "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"${var.name}-bucket\"\n  acl = var.acl\n"
       "  versioned = var.versioning\n}\n"
       "output \"bucket\" {\n  value = aws_s3_bucket.b.bucket\n}\n"
       "output \"arn\" {\n  value = aws_s3_bucket.b.arn\n}\n"},
  });
  INFO(e.diagnostics_text());
  CHECK(e.out.diagnostics.empty());
  CHECK(e.addresses() == Strings{"t.use", "module.site.aws_s3_bucket.b"});
  const Resource& b = e.resource("module.site.aws_s3_bucket.b");
  CHECK(show(e.attr("module.site.aws_s3_bucket.b", "bucket")) == "\"web-bucket\"");
  CHECK(show(e.attr("module.site.aws_s3_bucket.b", "acl")) == "\"public-read\"");
  CHECK(show(e.attr("module.site.aws_s3_bucket.b", "versioned")) == "true");
  CHECK(b.scope == ".");
  CHECK(e.path_of(b.span) == "modules/site/main.tf");
  // The calling module block is the related location.
  REQUIRE(b.related.size() == 1);
  CHECK(b.related[0].note == "module \"site\" called here");
  CHECK(located(e, b.related[0].span) == "main.tf:1:1-1:13");

  const Value& bucket = e.attr("t.use", "bucket");
  CHECK(show(bucket) == "\"web-bucket\"");
  CHECK(bucket.refs == Strings{"module.site.aws_s3_bucket.b"});
  const Value& arn = e.attr("t.use", "arn");
  CHECK(arn.is_unknown());
  CHECK(arn.refs == Strings{"module.site.aws_s3_bucket.b"});
  CHECK(e.attr("t.use", "all").is_map());
}

TEST_CASE("tf eval: nested modules and their addresses") {
  Evaluated e = evaluate({
      {"main.tf",
       "module \"outer\" {\n  source = \"./outer\"\n  prefix = \"p\"\n}\n"
       "resource \"t\" \"use\" {\n  v = module.outer.deep\n}\n"},
      {"outer/main.tf",
       "variable \"prefix\" {}\n"
       "module \"inner\" {\n  source = \"../inner\"\n  name = \"${var.prefix}-inner\"\n}\n"
       "output \"deep\" {\n  value = module.inner.name\n}\n"},
      {"inner/main.tf",
       "variable \"name\" {}\n"
       "resource \"t\" \"leaf\" {\n  name = var.name\n}\n"
       "output \"name\" {\n  value = t.leaf.name\n}\n"},
  });
  INFO(e.diagnostics_text());
  CHECK(e.out.diagnostics.empty());
  const Resource& leaf = e.resource("module.outer.module.inner.t.leaf");
  CHECK(show(leaf.attributes.find("name") ? *leaf.attributes.find("name") : Value()) ==
        "\"p-inner\"");
  REQUIRE(leaf.related.size() == 2);
  CHECK(leaf.related[0].note == "module \"inner\" called here");
  CHECK(e.path_of(leaf.related[0].span) == "outer/main.tf");
  CHECK(leaf.related[1].note == "module \"outer\" called here");
  CHECK(e.path_of(leaf.related[1].span) == "main.tf");
  CHECK(show(e.attr("t.use", "v")) == "\"p-inner\"");
  CHECK(e.attr("t.use", "v").refs == Strings{"module.outer.module.inner.t.leaf"});
}

TEST_CASE("tf eval: count and for_each on module calls") {
  Evaluated e = evaluate({
      {"main.tf",
       "module \"c\" {\n  source = \"./mod\"\n  count = 2\n  name = \"c${count.index}\"\n}\n"
       "module \"e\" {\n  source = \"./mod\"\n  for_each = { a = \"x\", b = \"y\" }\n"
       "  name = \"${each.key}-${each.value}\"\n}\n"
       "module \"none\" {\n  source = \"./mod\"\n  count = 0\n  name = \"n\"\n}\n"
       "resource \"t\" \"use\" {\n  second = module.c[1].name\n  b = module.e[\"b\"].name\n"
       "  names = [for m in module.c : m.name]\n  wrong = module.c.name\n}\n"},
      {"mod/main.tf",
       "variable \"name\" {}\n"
       "resource \"t\" \"r\" {\n  name = var.name\n}\n"
       "output \"name\" {\n  value = t.r.name\n}\n"},
  });
  INFO(e.diagnostics_text());
  CHECK(e.out.diagnostics.empty());
  CHECK(show(e.attr("module.c[0].t.r", "name")) == "\"c0\"");
  CHECK(show(e.attr("module.c[1].t.r", "name")) == "\"c1\"");
  CHECK(show(e.attr("module.e[\"a\"].t.r", "name")) == "\"a-x\"");
  CHECK(show(e.attr("module.e[\"b\"].t.r", "name")) == "\"b-y\"");
  for (const Resource& r : e.out.resources) CHECK(r.address.rfind("module.none", 0) != 0);
  CHECK(show(e.attr("t.use", "second")) == "\"c1\"");
  CHECK(e.attr("t.use", "second").refs == Strings{"module.c[1].t.r"});
  CHECK(show(e.attr("t.use", "b")) == "\"b-y\"");
  CHECK(show(e.attr("t.use", "names")) == "[\"c0\", \"c1\"]");
  CHECK(is_error(e.attr("t.use", "wrong")));
}

TEST_CASE("tf eval: a module output that depends on an unknown module count is unknown") {
  Evaluated e = evaluate({
      {"main.tf",
       "variable \"n\" {\n  type = number\n}\n"
       "module \"c\" {\n  source = \"./mod\"\n  count = var.n\n}\n"
       "resource \"t\" \"use\" {\n  v = module.c[0].name\n}\n"},
      {"mod/main.tf",
       "resource \"t\" \"r\" {\n  name = \"fixed\"\n}\n"
       "output \"name\" {\n  value = t.r.name\n}\n"},
  });
  CHECK(e.find("module.c.t.r") != nullptr);
  CHECK(e.attr("t.use", "v").is_unknown());
}

TEST_CASE("tf eval: module cycles are reported and evaluation ends") {
  Evaluated cycle = evaluate({
      {"a/main.tf", "module \"b\" {\n  source = \"../b\"\n}\nresource \"t\" \"a\" {}\n"},
      {"b/main.tf", "module \"a\" {\n  source = \"../a\"\n}\nresource \"t\" \"b\" {}\n"},
  });
  INFO(cycle.diagnostics_text());
  CHECK_FALSE(cycle.diagnostics("calls itself").empty());
  CHECK(cycle.find("t.a") != nullptr);
  CHECK(cycle.find("module.b.t.b") != nullptr);

  Evaluated self =
      evaluate_main("module \"me\" {\n  source = \"./\"\n}\nresource \"t\" \"r\" {}\n");
  REQUIRE(self.diagnostics("calls itself").size() == 1);
  CHECK(self.diagnostics("calls itself")[0]->location.start_line == 1);
  CHECK(self.find("t.r") != nullptr);
}

TEST_CASE("tf eval: a missing local module and an uninstalled registry module are notes") {
  Evaluated e = evaluate_main(
      "module \"gone\" {\n  source = \"./not-here\"\n  x = 1\n}\n"
      "module \"vpc\" {\n  source = \"terraform-aws-modules/vpc/aws\"\n  version = \"5.0.0\"\n}\n"
      "resource \"t\" \"r\" {\n  gone = module.gone.out\n  vpc = module.vpc.vpc_id\n}\n");
  INFO(e.diagnostics_text());
  const auto gone = e.diagnostics("not-here");
  REQUIRE(gone.size() == 1);
  CHECK(gone[0]->code == DiagnosticCode::not_loaded);
  CHECK(gone[0]->level == DiagnosticLevel::note);
  CHECK(gone[0]->location.start_line == 1);
  const auto vpc = e.diagnostics("terraform-aws-modules/vpc/aws");
  REQUIRE(vpc.size() == 1);
  CHECK(vpc[0]->code == DiagnosticCode::not_loaded);
  CHECK(vpc[0]->level == DiagnosticLevel::note);
  CHECK(vpc[0]->location.start_line == 5);
  CHECK(e.out.diagnostics.size() == 2);
  CHECK(e.attr("t.r", "gone").is_unknown());
  CHECK_FALSE(is_error(e.attr("t.r", "gone")));
  CHECK(e.attr("t.r", "vpc").is_unknown());
  CHECK_FALSE(is_error(e.attr("t.r", "vpc")));
}

TEST_CASE("tf eval: module arguments see the caller's names; module variables its own") {
  Evaluated e = evaluate({
      {"main.tf",
       "locals {\n  env = \"prod\"\n}\n"
       "resource \"aws_kms_key\" \"k\" {\n  description = \"key\"\n}\n"
       "module \"m\" {\n  source = \"./mod\"\n  env = local.env\n  key = aws_kms_key.k.arn\n"
       "  description = aws_kms_key.k.description\n}\n"},
      {"mod/main.tf",
       "variable \"env\" {}\nvariable \"key\" {}\nvariable \"description\" {}\n"
       "locals {\n  env = \"module-${var.env}\"\n}\n"
       "resource \"t\" \"r\" {\n  env = local.env\n  key = var.key\n"
       "  description = var.description\n}\n"},
  });
  CHECK(show(e.attr("module.m.t.r", "env")) == "\"module-prod\"");
  CHECK(e.attr("module.m.t.r", "key").is_unknown());
  CHECK(e.attr("module.m.t.r", "key").refs == Strings{"aws_kms_key.k"});
  CHECK(show(e.attr("module.m.t.r", "description")) == "\"key\"");
  CHECK(e.attr("module.m.t.r", "description").refs == Strings{"aws_kms_key.k"});
}

// --- override files and mixed syntax ---

TEST_CASE("tf eval: override files merge attributes and replace nested blocks") {
  Evaluated e = evaluate({
      {"main.tf",
       "variable \"v\" {\n  default = \"original\"\n}\n"
       "locals {\n  l = \"original\"\n}\n"
       "resource \"t\" \"r\" {\n  a = 1\n  b = 2\n"
       "  nested {\n    x = 1\n  }\n  nested {\n    x = 2\n  }\n"
       "  other {\n    y = 1\n  }\n"
       "  v = var.v\n  l = local.l\n}\n"},
      {"override.tf",
       "variable \"v\" {\n  default = \"overridden\"\n}\n"
       "resource \"t\" \"r\" {\n  b = 3\n  nested {\n    x = 9\n  }\n}\n"},
      {"z_override.tf", "locals {\n  l = \"z\"\n}\nresource \"t\" \"r\" {\n  c = 4\n  b = 5\n}\n"},
  });
  INFO(e.diagnostics_text());
  CHECK(e.out.diagnostics.empty());
  REQUIRE(e.resources().size() == 1);
  CHECK(show(e.resource("t.r").attributes) ==
        "{a = 1, b = 5, v = \"overridden\", l = \"z\", c = 4, other = [{y = 1}], "
        "nested = [{x = 9}]}");
}

TEST_CASE("tf eval: .tf.json and .tf files form one module") {
  Evaluated e = evaluate({
      {"main.tf",
       "variable \"name\" {\n  default = \"mixed\"\n}\n"
       "locals {\n  suffix = \"-json\"\n}\n"},
      {"bucket.tf.json",
       R"({"resource": {"aws_s3_bucket": {"b": {"bucket": "${var.name}${local.suffix}",
           "count": 2, "tags": {"index": "${count.index}"}}}},
           "output": {"o": {"value": "${aws_s3_bucket.b[0].bucket}"}}})"},
      {"use.tf", "resource \"t\" \"use\" {\n  v = aws_s3_bucket.b[1].bucket\n}\n"},
  });
  INFO(e.diagnostics_text());
  CHECK(e.out.diagnostics.empty());
  CHECK(show(e.attr("aws_s3_bucket.b[0]", "bucket")) == "\"mixed-json\"");
  CHECK(show(e.attr("aws_s3_bucket.b[1]", "tags")) == "{index = 1}");
  CHECK(show(e.attr("t.use", "v")) == "\"mixed-json\"");
}

// --- policy documents ---

TEST_CASE("tf eval: aws_iam_policy_document renders into json for an aws_iam_policy") {
  Evaluated e = evaluate_main(
      "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"logs\"\n}\n"
      "data \"aws_iam_policy_document\" \"d\" {\n"
      "  statement {\n    sid = \"Read\"\n    actions = [\"s3:GetObject\"]\n"
      "    resources = [\"arn:aws:s3:::${aws_s3_bucket.b.bucket}/*\"]\n"
      "    principals {\n      type = \"AWS\"\n      identifiers = [\"*\"]\n    }\n  }\n}\n"
      "resource \"aws_iam_policy\" \"p\" {\n  policy = data.aws_iam_policy_document.d.json\n"
      "  minified = data.aws_iam_policy_document.d.minified_json\n}\n");
  INFO(e.diagnostics_text());
  const Value& policy = e.attr("aws_iam_policy.p", "policy");
  REQUIRE(policy.is_string());
  CHECK(policy.text() ==
        "{\n"
        "  \"Version\": \"2012-10-17\",\n"
        "  \"Statement\": [\n"
        "    {\n"
        "      \"Sid\": \"Read\",\n"
        "      \"Effect\": \"Allow\",\n"
        "      \"Action\": \"s3:GetObject\",\n"
        "      \"Resource\": \"arn:aws:s3:::logs/*\",\n"
        "      \"Principal\": {\n"
        "        \"AWS\": \"*\"\n"
        "      }\n"
        "    }\n"
        "  ]\n"
        "}");
  CHECK(policy.refs == Strings{"aws_s3_bucket.b", "data.aws_iam_policy_document.d"});
  const Value& minified = e.attr("aws_iam_policy.p", "minified");
  CHECK(minified.text() ==
        R"({"Version":"2012-10-17","Statement":[{"Sid":"Read","Effect":"Allow",)"
        R"("Action":"s3:GetObject","Resource":"arn:aws:s3:::logs/*","Principal":{"AWS":"*"}}]})");
}

TEST_CASE("tf eval: a policy document with an unknown part is unknown json") {
  Evaluated e = evaluate_main(
      "data \"aws_iam_policy_document\" \"d\" {\n"
      "  statement {\n    actions = [\"s3:GetObject\"]\n"
      "    resources = [aws_s3_bucket.b.arn]\n  }\n}\n"
      "resource \"aws_s3_bucket\" \"b\" {}\n"
      "resource \"aws_iam_policy\" \"p\" {\n  policy = data.aws_iam_policy_document.d.json\n}\n");
  const Value& policy = e.attr("aws_iam_policy.p", "policy");
  CHECK(policy.is_unknown());
  CHECK(policy.refs == Strings{"aws_s3_bucket.b", "data.aws_iam_policy_document.d"});
}

// --- provenance ---

TEST_CASE("tf eval: provenance of a variable default: used here, written there") {
  Evaluated e = evaluate_main(
      "variable \"acl\" {\n  default = \"public-read\"\n}\n"  // 1-3
      "resource \"aws_s3_bucket\" \"b\" {\n"                  // 4
      "  acl = var.acl\n"                                     // 5
      "  tags = { acl = \"${var.acl}\" }\n"                   // 6
      "}\n");
  const Value& acl = e.attr("aws_s3_bucket.b", "acl");
  CHECK(show(acl) == "\"public-read\"");
  CHECK(located(e, acl.span) == "main.tf:5:9-5:15");
  REQUIRE(acl.origin != nullptr);
  CHECK(acl.origin->note == "default of variable \"acl\"");
  CHECK(located(e, acl.origin->span) == "main.tf:2:13-2:25");
  const Value& tag = *e.attr("aws_s3_bucket.b", "tags").find("acl");
  CHECK(located(e, tag.span) == "main.tf:6:18-6:29");
}

TEST_CASE("tf eval: provenance of a tfvars value") {
  Evaluated e = evaluate({
      {"main.tf",
       "variable \"acl\" {\n  default = \"private\"\n}\n"
       "resource \"aws_s3_bucket\" \"b\" {\n  acl = var.acl\n}\n"},
      {"terraform.tfvars", "# the real value\nacl = \"public-read\"\n"},
  });
  const Value& acl = e.attr("aws_s3_bucket.b", "acl");
  CHECK(show(acl) == "\"public-read\"");
  CHECK(located(e, acl.span) == "main.tf:5:9-5:15");
  REQUIRE(acl.origin != nullptr);
  CHECK(acl.origin->note == "value of variable \"acl\" in terraform.tfvars");
  CHECK(located(e, acl.origin->span) == "terraform.tfvars:2:7-2:19");
}

TEST_CASE("tf eval: provenance of a module argument") {
  Evaluated e = evaluate({
      {"main.tf",
       "variable \"root_acl\" {\n  default = \"authenticated-read\"\n}\n"  // 1-3
       "module \"site\" {\n"                                               // 4
       "  source = \"./site\"\n"                                           // 5
       "  acl = \"public-read\"\n"                                         // 6
       "  from_root = var.root_acl\n"                                      // 7
       "}\n"},
      {"site/main.tf",
       "variable \"acl\" {}\n"
       "variable \"from_root\" {}\n"
       "variable \"defaulted\" {\n  default = \"private\"\n}\n"  // 3-5
       "resource \"aws_s3_bucket\" \"b\" {\n"                    // 6
       "  acl = var.acl\n"                                       // 7
       "  from_root = var.from_root\n"                           // 8
       "  defaulted = var.defaulted\n"                           // 9
       "}\n"},
  });
  const Value& acl = e.attr("module.site.aws_s3_bucket.b", "acl");
  CHECK(show(acl) == "\"public-read\"");
  CHECK(located(e, acl.span) == "site/main.tf:7:9-7:15");
  REQUIRE(acl.origin != nullptr);
  CHECK(acl.origin->note == "argument \"acl\" of the module call");
  CHECK(located(e, acl.origin->span) == "main.tf:6:9-6:21");  // the value itself
  // Passed through from the root's default: the default is where it was written.
  const Value& from_root = e.attr("module.site.aws_s3_bucket.b", "from_root");
  CHECK(show(from_root) == "\"authenticated-read\"");
  CHECK(located(e, from_root.span) == "site/main.tf:8:15-8:27");
  REQUIRE(from_root.origin != nullptr);
  CHECK(from_root.origin->note == "default of variable \"root_acl\"");
  CHECK(located(e, from_root.origin->span) == "main.tf:2:13-2:32");
  const Value& defaulted = e.attr("module.site.aws_s3_bucket.b", "defaulted");
  REQUIRE(defaulted.origin != nullptr);
  CHECK(defaulted.origin->note == "default of variable \"defaulted\"");
  CHECK(located(e, defaulted.origin->span) == "site/main.tf:4:13-4:21");
}

// --- resources as emitted ---

TEST_CASE("tf eval: resource spans, provider and meta-arguments") {
  Evaluated e = evaluate_main(
      "resource \"aws_s3_bucket\" \"b\" {\n"  // 1
      "  provider = aws.west\n"               // 2
      "  depends_on = [aws_kms_key.k]\n"      // 3
      "  bucket = \"x\"\n"                    // 4
      "  lifecycle {\n    prevent_destroy = true\n  }\n"
      "}\n"
      "resource \"aws_kms_key\" \"k\" {}\n");
  const Resource& b = e.resource("aws_s3_bucket.b");
  CHECK(b.native_type == "aws_s3_bucket");
  CHECK(b.scope == ".");
  CHECK(b.provider == "aws.west");
  CHECK(located(e, b.span) == "main.tf:1:1-8:1");
  CHECK(located(e, b.name_span) == "main.tf:1:1-1:28");
  CHECK(show(b.attributes) == "{bucket = \"x\"}");
  CHECK(b.related.empty());
}

TEST_CASE("tf eval: deep nesting of references and expressions does not hang or crash") {
  // A chain of 600 locals, each the next plus one.
  std::string chain = "locals {\n";
  for (int i = 0; i < 600; ++i)
    chain += "  l" + std::to_string(i) + " = local.l" + std::to_string(i + 1) + " + 1\n";
  chain += "  l600 = 0\n}\nresource \"t\" \"r\" {\n  shallow = local.l590\n  deep = local.l0\n}\n";
  Evaluated e = evaluate_main(chain);
  CHECK(show(e.attr("t.r", "shallow")) == "10");
  // Past the nesting limit: unknown with a diagnostic, never a stack overflow.
  CHECK(e.attr("t.r", "deep").is_unknown());
  CHECK_FALSE(e.diagnostics("nested more than").empty());

  std::string nested = "resource \"t\" \"r\" {\n  v = ";
  for (int i = 0; i < 150; ++i) nested += "[for x in ";
  nested += "[1]";
  for (int i = 0; i < 150; ++i) nested += " : x]";
  nested += "\n}\n";
  Evaluated deep = evaluate_main(nested);
  CHECK(deep.find("t.r") != nullptr);

  // Locals and resources that each wrap the next in nested tuples: every step is shallow,
  // together they would nest evaluation past any stack.
  std::string wrapped = "locals {\n";
  for (int i = 0; i < 255; ++i) {
    wrapped += "  l" + std::to_string(i) + " = " + std::string(60, '[') + " local.l" +
               std::to_string(i + 1) + " " + std::string(60, ']') + "\n";
  }
  wrapped += "  l255 = 1\n}\n";
  for (int i = 0; i < 255; ++i) {
    wrapped += "resource \"t\" \"r" + std::to_string(i) + "\" {\n  x = " + std::string(60, '[') +
               " t.r" + std::to_string(i + 1) + ".x " + std::string(60, ']') + "\n}\n";
  }
  wrapped += "resource \"t\" \"r255\" {\n  x = local.l0\n  y = flatten(local.l0)\n}\n";
  Evaluated chained = evaluate_main(wrapped);
  REQUIRE(chained.find("t.r0") != nullptr);
  CHECK_FALSE(chained.attr("t.r0", "x").is_fully_known());
  CHECK_FALSE(chained.attr("t.r255", "y").is_fully_known());
}

TEST_CASE("tf eval: chained for_each, conditional count and data sources with count") {
  Evaluated e = evaluate_main(
      "variable \"enabled\" {\n  default = true\n}\n"
      "resource \"aws_s3_bucket\" \"m\" {\n  for_each = toset([\"a\", \"b\"])\n"
      "  bucket = \"bucket-${each.key}\"\n}\n"
      "resource \"aws_s3_bucket_acl\" \"per\" {\n  for_each = aws_s3_bucket.m\n"
      "  bucket = each.value.id\n  name = each.value.bucket\n  key = each.key\n}\n"
      "resource \"t\" \"optional\" {\n  count = var.enabled ? 1 : 0\n}\n"
      "resource \"t\" \"disabled\" {\n  count = !var.enabled ? 1 : 0\n}\n"
      "data \"aws_s3_bucket\" \"d\" {\n  count = 2\n  bucket = \"d${count.index}\"\n}\n"
      "resource \"t\" \"use\" {\n  names = values(aws_s3_bucket.m)[*].bucket\n"
      "  data_name = data.aws_s3_bucket.d[1].bucket\n  data_arn = data.aws_s3_bucket.d[0].arn\n"
      "  optional = length(t.optional)\n}\n");
  INFO(e.diagnostics_text());
  CHECK(e.out.diagnostics.empty());
  const Value& bucket = e.attr("aws_s3_bucket_acl.per[\"b\"]", "bucket");
  CHECK(bucket.is_unknown());
  CHECK(bucket.refs == Strings{"aws_s3_bucket.m[\"b\"]"});
  CHECK(show(e.attr("aws_s3_bucket_acl.per[\"b\"]", "name")) == "\"bucket-b\"");
  CHECK(show(e.attr("aws_s3_bucket_acl.per[\"a\"]", "key")) == "\"a\"");
  CHECK(e.find("t.optional[0]") != nullptr);
  CHECK(e.find("t.disabled[0]") == nullptr);
  CHECK(show(e.attr("t.use", "names")) == "[\"bucket-a\", \"bucket-b\"]");
  CHECK(show(e.attr("t.use", "data_name")) == "\"d1\"");
  CHECK(e.attr("t.use", "data_name").refs == Strings{"data.aws_s3_bucket.d[1]"});
  CHECK(e.attr("t.use", "data_arn").is_unknown());
  CHECK(e.attr("t.use", "data_arn").refs == Strings{"data.aws_s3_bucket.d[0]"});
  CHECK(show(e.attr("t.use", "optional")) == "1");
  // Data sources are not resources of the graph.
  for (const Resource& r : e.out.resources) CHECK(r.address.rfind("data.", 0) != 0);
}

TEST_CASE("tf eval: module for_each over objects, and the whole module as a map") {
  Evaluated e = evaluate({
      {"main.tf",
       "module \"site\" {\n  source = \"./site\"\n"
       "  for_each = { blog = { acl = \"public-read\" }, docs = { acl = \"private\" } }\n"
       "  name = each.key\n  acl = each.value.acl\n}\n"
       "resource \"t\" \"use\" {\n  names = [for k, m in module.site : m.name]\n"
       "  keys = keys(module.site)\n}\n"},
      {"site/main.tf",
       "variable \"name\" {}\nvariable \"acl\" {}\n"
       "resource \"aws_s3_bucket\" \"b\" {\n  bucket = var.name\n  acl = var.acl\n}\n"
       "output \"name\" {\n  value = aws_s3_bucket.b.bucket\n}\n"},
  });
  INFO(e.diagnostics_text());
  CHECK(e.out.diagnostics.empty());
  CHECK(show(e.attr("module.site[\"blog\"].aws_s3_bucket.b", "acl")) == "\"public-read\"");
  CHECK(show(e.attr("module.site[\"docs\"].aws_s3_bucket.b", "acl")) == "\"private\"");
  CHECK(show(e.attr("t.use", "names")) == "[\"blog\", \"docs\"]");
  CHECK(show(e.attr("t.use", "keys")) == "[\"blog\", \"docs\"]");
  const Resource& blog = e.resource("module.site[\"blog\"].aws_s3_bucket.b");
  REQUIRE(blog.related.size() == 1);
  CHECK(blog.related[0].note == "module \"site\" called here");
}

TEST_CASE("tf eval: JSON override files and tfvars.json objects") {
  Evaluated e = evaluate({
      {"main.tf",
       "variable \"cfg\" {\n"
       "  type = object({\n"
       "    acl = string\n"
       "    tags = optional(map(string), {})\n"
       "    ports = optional(list(number), [\"80\"])\n"
       "    nested = optional(object({ on = optional(bool, true) }), {})\n"
       "  })\n"
       "}\n"
       "resource \"aws_s3_bucket\" \"b\" {\n  bucket = \"b\"\n  acl = var.cfg.acl\n"
       "  tags = var.cfg.tags\n  cfg = var.cfg\n  versioning {\n    enabled = false\n  }\n}\n"},
      {"main_override.tf.json",
       R"({"resource": {"aws_s3_bucket": {"b": {"bucket": "overridden"}}}})"},
      {"terraform.tfvars.json", R"({"cfg": {"acl": "public-read"}})"},
  });
  INFO(e.diagnostics_text());
  CHECK(e.out.diagnostics.empty());
  CHECK(show(e.attr("aws_s3_bucket.b", "bucket")) == "\"overridden\"");
  CHECK(show(e.attr("aws_s3_bucket.b", "acl")) == "\"public-read\"");
  CHECK(show(e.attr("aws_s3_bucket.b", "tags")) == "{}");
  CHECK(show(e.attr("aws_s3_bucket.b", "cfg")) ==
        "{acl = \"public-read\", nested = {on = true}, ports = [80], tags = {}}");
  CHECK(show(e.attr("aws_s3_bucket.b", "versioning")) == "[{enabled = false}]");
}

TEST_CASE("tf eval: a JSON override argument replaces a nested block of that name") {
  Evaluated e = evaluate({
      {"main.tf",
       "resource \"aws_s3_bucket\" \"b\" {\n  versioning {\n    enabled = false\n  }\n"
       "  tags = { a = \"1\" }\n}\n"},
      {"main_override.tf.json",
       R"({"resource": {"aws_s3_bucket": {"b": {"versioning": {"enabled": true}}}}})"},
      {"z_override.tf", "resource \"aws_s3_bucket\" \"b\" {\n  tags {\n    b = \"2\"\n  }\n}\n"},
  });
  INFO(e.diagnostics_text());
  // The object form of the JSON syntax (a schema would call it a block).
  CHECK(show(e.attr("aws_s3_bucket.b", "versioning")) == "{enabled = true}");
  // A block of the override replaces an argument of the same name.
  CHECK(show(e.attr("aws_s3_bucket.b", "tags")) == "[{b = \"2\"}]");
}

TEST_CASE("tf eval: outputs pass variables and nested module values through") {
  Evaluated e = evaluate({
      {"main.tf",
       "module \"a\" {\n  source = \"./a\"\n  in = \"x\"\n}\n"
       "module \"b\" {\n  source = \"./b\"\n  in = module.a.out\n}\n"
       "resource \"t\" \"use\" {\n  v = module.b.out\n  missing = module.a.nope\n}\n"},
      {"a/main.tf", "variable \"in\" {}\noutput \"out\" {\n  value = \"${var.in}-a\"\n}\n"},
      {"b/main.tf",
       "variable \"in\" {}\nresource \"t\" \"r\" {\n  v = var.in\n}\n"
       "output \"out\" {\n  value = \"${t.r.v}-b\"\n}\n"},
  });
  CHECK(show(e.attr("module.b.t.r", "v")) == "\"x-a\"");
  CHECK(show(e.attr("t.use", "v")) == "\"x-a-b\"");
  CHECK(e.attr("t.use", "v").refs == Strings{"module.b.t.r"});
  CHECK(is_error(e.attr("t.use", "missing")));
}

TEST_CASE("tf eval: null module arguments and nullable variables") {
  Evaluated e = evaluate({
      {"main.tf",
       "module \"m\" {\n  source = \"./m\"\n  strict = null\n  loose = null\n  number = "
       "\"7\"\n}\n"},
      {"m/main.tf",
       "variable \"strict\" {\n  default = \"private\"\n  nullable = false\n}\n"
       "variable \"loose\" {\n  default = \"private\"\n}\n"
       "variable \"number\" {\n  type = number\n}\n"
       "variable \"required\" {}\n"
       "resource \"t\" \"r\" {\n  strict = var.strict\n  loose = var.loose\n"
       "  number = var.number\n  required = var.required\n}\n"},
  });
  CHECK(show(e.attr("module.m.t.r", "strict")) == "\"private\"");
  CHECK(show(e.attr("module.m.t.r", "loose")) == "null");
  CHECK(show(e.attr("module.m.t.r", "number")) == "7");
  CHECK(e.attr("module.m.t.r", "number").is_number());
  CHECK(e.attr("module.m.t.r", "required").is_unknown());
  CHECK_FALSE(is_error(e.attr("module.m.t.r", "required")));
}

TEST_CASE("tf eval: a cycle through a module call is reported, not followed") {
  Evaluated e = evaluate({
      {"main.tf",
       "locals {\n  a = module.m.out\n}\n"
       "module \"m\" {\n  source = \"./m\"\n  in = local.a\n}\n"
       "resource \"t\" \"r\" {\n  a = local.a\n}\n"},
      {"m/main.tf", "variable \"in\" {}\noutput \"out\" {\n  value = var.in\n}\n"},
  });
  INFO(e.diagnostics_text());
  CHECK(e.attr("t.r", "a").is_unknown());
  CHECK_FALSE(e.diagnostics("depends on itself").empty());
}

TEST_CASE("tf eval: modules outside the root directory") {
  Evaluated e = evaluate({
      {"envs/prod/main.tf",
       "module \"shared\" {\n  source = \"../../shared\"\n  env = \"prod\"\n}\n"},
      {"envs/dev/main.tf",
       "module \"shared\" {\n  source = \"../../shared\"\n  env = \"dev\"\n}\n"},
      {"shared/main.tf",
       "variable \"env\" {}\n"
       "resource \"t\" \"r\" {\n  env = var.env\n  path = path.module\n"
       "  text = file(\"${path.module}/note.txt\")\n}\n"},
      {"shared/note.txt", "shared note"},
  });
  INFO(e.diagnostics_text());
  CHECK(e.out.diagnostics.empty());
  std::vector<std::string> seen;
  for (const Resource* real : e.resources()) {
    const Resource& r = *real;
    CHECK(r.address == "module.shared.t.r");
    const Value* env = r.attributes.find("env");
    REQUIRE(env != nullptr);
    seen.push_back(r.scope + ":" + env->text());
    CHECK(show(*r.attributes.find("path")) == "\"../../shared\"");
    CHECK(show(*r.attributes.find("text")) == "\"shared note\"");
  }
  std::sort(seen.begin(), seen.end());
  CHECK(seen == Strings{"envs/dev:dev", "envs/prod:prod"});
}

// Quadratic work here (duplicate checks, reference lookups) would take minutes; ctest's timeout
// catches that. References deeper than the nesting limit are cut, so the tail of the chain
// is known and its head unknown.
TEST_CASE("tf eval: a megabyte of resources referring to each other") {
  std::string text;
  std::size_t n = 0;
  while (text.size() < 1024u * 1024) {
    text += "resource \"t\" \"r" + std::to_string(n) + "\" {\n  v = t.r" + std::to_string(n + 1) +
            ".v\n}\n";
    ++n;
  }
  text += "resource \"t\" \"r" + std::to_string(n) + "\" {\n  v = 1\n}\n";
  Evaluated e = evaluate_main(text);
  CHECK(e.out.resources.size() == n + 1);
  CHECK(show(e.attr("t.r" + std::to_string(n - 5), "v")) == "1");
}

TEST_CASE("tf eval: an entry of a map from tfvars keeps its own line as origin") {
  Evaluated e = evaluate({
      {"main.tf",
       "variable \"teams\" {\n  type = map(string)\n}\n"
       "resource \"aws_s3_bucket\" \"b\" {\n  for_each = var.teams\n  acl = each.value\n}\n"},
      {"terraform.tfvars", "teams = {\n  a = \"private\"\n  b = \"public-read\"\n}\n"},
  });
  const Value& acl = e.attr("aws_s3_bucket.b[\"b\"]", "acl");
  CHECK(show(acl) == "\"public-read\"");
  REQUIRE(acl.origin != nullptr);
  CHECK(acl.origin->note == "value of variable \"teams\" in terraform.tfvars");
  CHECK(located(e, acl.origin->span) == "terraform.tfvars:3:7-3:19");
}
