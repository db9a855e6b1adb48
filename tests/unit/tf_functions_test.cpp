// Terraform built-in functions (string, collection, numeric, conversion groups) and the
// registry's calling rules: argument counts, unknown and error arguments, spans and refs.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "terraform/functions.hpp"
#include "terraform/value_ops.hpp"

using iacscan::detail::Span;
using iacscan::detail::Value;
namespace tf = iacscan::detail::tf;

namespace {

struct NoFiles : tf::FunctionEnvironment {
  std::optional<std::string> read_file(std::string_view, std::string& error) override {
    error = "no files in these tests";
    return std::nullopt;
  }
  bool file_exists(std::string_view) override { return false; }
  Value render_template(std::string_view, const Value&, const Span& span) override {
    return Value::unknown("no templates", span);
  }
};

Value call(std::string_view name, std::vector<Value> args, Span span = {}) {
  NoFiles env;
  return tf::call_function(name, std::move(args), span, env);
}

Value s(std::string text) {
  return Value::string(std::move(text));
}
Value n(double number) {
  return tf::make_number(number);
}
Value b(bool flag) {
  return Value::boolean(flag);
}
Value l(Value::List items) {
  return Value::list(std::move(items));
}
Value m(std::vector<std::pair<std::string, Value>> entries) {
  Value map = Value::map({});
  for (auto& [key, value] : entries) map.set(key, std::move(value));
  return map;
}
Value unknown() {
  return Value::unknown("var.x");
}

// Compact rendering for assertions: "a" for strings, [..] lists, {k=v} maps, ? unknown,
// !message errors.
std::string show(const Value& v) {
  if (tf::is_error(v)) return "!" + v.text().substr(7);
  switch (v.kind()) {
    case Value::Kind::null:
      return "null";
    case Value::Kind::boolean:
      return v.as_bool() ? "true" : "false";
    case Value::Kind::number:
      return v.text();
    case Value::Kind::string:
      return "\"" + v.text() + "\"";
    case Value::Kind::unknown:
      return "?";
    case Value::Kind::list: {
      std::string out = "[";
      for (std::size_t i = 0; i < v.items().size(); ++i) out += (i ? "," : "") + show(v.items()[i]);
      return out + "]";
    }
    case Value::Kind::map: {
      std::string out = "{";
      for (std::size_t i = 0; i < v.entries().size(); ++i)
        out += (i ? "," : "") + v.entries()[i].key + "=" + show(v.entries()[i].value);
      return out + "}";
    }
  }
  return "";
}

std::string run(std::string_view name, std::vector<Value> args) {
  return show(call(name, std::move(args)));
}

bool is_error_result(std::string_view name, std::vector<Value> args) {
  return tf::is_error(call(name, std::move(args)));
}

}  // namespace

TEST_CASE("tf functions: the registry is sorted, unique and complete for these groups") {
  const auto names = tf::function_names();
  for (std::size_t i = 1; i < names.size(); ++i) CHECK(names[i - 1] < names[i]);
  for (std::string_view name : {"format",      "formatlist",   "join",        "split",
                                "replace",     "lower",        "upper",       "title",
                                "substr",      "trim",         "trimprefix",  "trimsuffix",
                                "trimspace",   "chomp",        "indent",      "strrev",
                                "startswith",  "endswith",     "strcontains", "merge",
                                "concat",      "lookup",       "element",     "length",
                                "coalesce",    "coalescelist", "compact",     "contains",
                                "distinct",    "flatten",      "keys",        "values",
                                "zipmap",      "range",        "one",         "reverse",
                                "sort",        "slice",        "index",       "chunklist",
                                "alltrue",     "anytrue",      "setunion",    "setintersection",
                                "setsubtract", "setproduct",   "transpose",   "matchkeys",
                                "min",         "max",          "sum",         "abs",
                                "ceil",        "floor",        "log",         "pow",
                                "signum",      "parseint",     "tostring",    "tonumber",
                                "tobool",      "tolist",       "toset",       "tomap",
                                "sensitive",   "nonsensitive", "type"}) {
    INFO(name);
    CHECK(tf::find_function(name) != nullptr);
  }
  CHECK(tf::find_function("nosuch") == nullptr);
  CHECK(tf::find_function("try") == nullptr);  // the evaluator's
}

TEST_CASE("tf functions: calling rules") {
  const Span span{3, {2, 5, 2, 20}};
  Value result = call("upper", {s("a")}, span);
  CHECK(result.span == span);

  CHECK(run("nosuch", {}) == "!call to unknown function \"nosuch\"");
  CHECK(run("upper", {}) == "!upper: expected 1 argument, got 0");
  CHECK(run("lookup", {m({})}) == "!lookup: expected 2 to 3 arguments, got 1");
  CHECK(run("core::upper", {s("a")}) == "\"A\"");

  Value provider = call("provider::aws::arn_parse", {s("arn:aws:s3:::b")});
  CHECK(provider.is_unknown());
  CHECK_FALSE(tf::is_error(provider));
  CHECK(provider.text() == "provider function");

  // Unknown arguments make the result unknown, not an error; errors propagate.
  Value unknown_result = call("upper", {unknown()});
  CHECK(unknown_result.is_unknown());
  CHECK_FALSE(tf::is_error(unknown_result));
  CHECK(run("join", {s(","), l({s("a"), unknown()})}) == "?");
  Value failed = call("upper", {l({tf::error_value("inner failure")})}, span);
  CHECK(show(failed) == "!inner failure");
  CHECK(failed.span == span);

  // The result carries the refs of every argument, and its own.
  Value bucket = s("logs");
  bucket.refs = {"aws_s3_bucket.logs"};
  Value other = l({s("x")});
  other.refs = {"aws_s3_bucket.a"};
  Value joined = call("format", {s("%s-%s"), bucket, s("y")});
  CHECK(joined.refs == std::vector<std::string>{"aws_s3_bucket.logs"});
  Value element_with_ref = s("e");
  element_with_ref.refs = {"aws_iam_role.r"};
  Value looked = call("element", {l({element_with_ref}), n(0)});
  CHECK(looked.refs == std::vector<std::string>{"aws_iam_role.r"});
  Value concatenated = call("concat", {other, l({bucket})});
  // Only the arguments' own refs: an element's refs stay on the element.
  CHECK(concatenated.refs == std::vector<std::string>{"aws_s3_bucket.a"});
  CHECK(concatenated.items()[1].refs == std::vector<std::string>{"aws_s3_bucket.logs"});
}

TEST_CASE("tf functions: format") {
  CHECK(run("format", {s("Hello, %s!"), s("Ander")}) == "\"Hello, Ander!\"");
  CHECK(run("format", {s("%d lights"), n(4)}) == "\"4 lights\"");
  CHECK(run("format", {s("%d"), s("12")}) == "\"12\"");
  CHECK(run("format", {s("%5d|%-5d|%05d|%+d"), n(42), n(42), n(-42), n(7)}) ==
        "\"   42|42   |-0042|+7\"");
  CHECK(run("format", {s("%.2f %f %8.3f"), n(3.14159), n(1.5), n(-2.25)}) ==
        "\"3.14 1.500000   -2.250\"");
  CHECK(run("format", {s("%x %X %o %b %#x"), n(255), n(255), n(8), n(5), n(255)}) ==
        "\"ff FF 10 101 0xff\"");
  CHECK(run("format", {s("%e %g %g %g"), n(1234.5), n(0.5), n(1234567), n(100)}) ==
        "\"1.234500e+03 0.5 1.234567e+06 100\"");
  CHECK(run("format", {s("%q"), s("a\"b<")}) == "\"\"a\\\"b\\u003c\"\"");
  CHECK(run("format", {s("%v %v %v %v"), s("x"), n(1.5), b(true), Value::null()}) ==
        "\"x 1.5 true null\"");
  CHECK(run("format", {s("%v"), m({{"b", n(1)}, {"a", l({s("x")})}})}) ==
        "\"{\"a\":[\"x\"],\"b\":1}\"");
  CHECK(run("format", {s("%#v"), s("hello")}) == "\"\"hello\"\"");
  CHECK(run("format", {s("%t %%"), s("true")}) == "\"true %\"");
  CHECK(run("format", {s("%.3s|%6s|%-4s|"), s("héllo"), s("né"), s("a")}) ==
        "\"hél|    né|a   |\"");
  CHECK(run("format", {s("%[2]s %[1]s %s"), s("a"), s("b")}) == "\"b a b\"");
  CHECK(run("format", {s("plain")}) == "\"plain\"");

  CHECK(is_error_result("format", {s("%d"), n(1.5)}));
  CHECK(is_error_result("format", {s("%s %s"), s("a")}));
  CHECK(is_error_result("format", {s("%s"), s("a"), s("b")}));
  CHECK(is_error_result("format", {s("%s"), Value::null()}));
  CHECK(is_error_result("format", {s("%d"), s("abc")}));
  CHECK(is_error_result("format", {s("%z"), s("a")}));
  CHECK(is_error_result("format", {s("50%")}));
  CHECK(run("format", {s("%s"), unknown()}) == "?");
}

TEST_CASE("tf functions: formatlist") {
  CHECK(run("formatlist", {s("%s-%s"), l({s("a"), s("b")}), s("x")}) == "[\"a-x\",\"b-x\"]");
  CHECK(run("formatlist", {s("%s=%d"), l({s("a"), s("b")}), l({n(1), n(2)})}) ==
        "[\"a=1\",\"b=2\"]");
  CHECK(run("formatlist", {s("%s"), s("one")}) == "[\"one\"]");
  CHECK(run("formatlist", {s("%s"), l({})}) == "[]");
  CHECK(run("formatlist", {s("%s"), l({s("a"), unknown()})}) == "[\"a\",?]");
  CHECK(run("formatlist", {s("%s"), unknown()}) == "?");
  CHECK(is_error_result("formatlist", {s("%s%s"), l({s("a")}), l({s("a"), s("b")})}));
}

TEST_CASE("tf functions: join, split, replace") {
  CHECK(run("join", {s(", "), l({s("a"), s("b")}), l({s("c")})}) == "\"a, b, c\"");
  CHECK(run("join", {s("-"), l({n(1), b(true)})}) == "\"1-true\"");
  CHECK(run("join", {s("-"), l({})}) == "\"\"");
  CHECK(is_error_result("join", {s("-"), l({s("a"), Value::null()})}));
  CHECK(is_error_result("join", {s("-")}));

  CHECK(run("split", {s(","), s("a,b,,c")}) == "[\"a\",\"b\",\"\",\"c\"]");
  CHECK(run("split", {s(","), s("")}) == "[\"\"]");
  CHECK(run("split", {s(""), s("hé")}) == "[\"h\",\"é\"]");

  CHECK(run("replace", {s("1 + 2 + 3"), s("+"), s("-")}) == "\"1 - 2 - 3\"");
  CHECK(run("replace", {s("hello world"), s("/w.*d/"), s("everybody")}) == "\"hello everybody\"");
  CHECK(run("replace", {s("a-b-c"), s("/(\\w)-/"), s("${1}_")}) == "\"a_b_c\"");
  // As in Go, "$1_" names group "1_", which does not exist, so it expands to nothing.
  CHECK(run("replace", {s("a-b-c"), s("/(\\w)-/"), s("$1_")}) == "\"c\"");
  CHECK(run("replace", {s("ab"), s("/(?P<x>a)/"), s("[${x}]$$")}) == "\"[a]$b\"");
  CHECK(run("replace", {s("abc"), s("/x*/"), s("-")}) == "\"-a-b-c-\"");
  CHECK(run("replace", {s("ab"), s(""), s(".")}) == "\".a.b.\"");
  CHECK(run("replace", {s("a/b"), s("/"), s("|")}) == "\"a|b\"");
  CHECK(is_error_result("replace", {s("a"), s("/(/"), s("x")}));
}

TEST_CASE("tf functions: case, trimming and other string functions") {
  CHECK(run("lower", {s("HeLLo ÀÉ Ω Ж")}) == "\"hello àé ω ж\"");
  CHECK(run("upper", {s("hello àé ω ж")}) == "\"HELLO ÀÉ Ω Ж\"");
  CHECK(run("upper", {n(5)}) == "\"5\"");
  CHECK(run("title", {s("hello world-wide web_site")}) == "\"Hello World-Wide Web_site\"");

  CHECK(run("substr", {s("hello world"), n(1), n(4)}) == "\"ello\"");
  CHECK(run("substr", {s("hello world"), n(-5), n(-1)}) == "\"world\"");
  CHECK(run("substr", {s("héllo"), n(1), n(2)}) == "\"él\"");
  CHECK(run("substr", {s("abc"), n(5), n(2)}) == "\"\"");
  CHECK(run("substr", {s("abc"), n(1), n(100)}) == "\"bc\"");
  CHECK(run("substr", {s("abc"), n(-10), n(2)}) == "\"ab\"");
  CHECK(is_error_result("substr", {s("abc"), n(0.5), n(1)}));

  CHECK(run("trim", {s("?!hello?!"), s("!?")}) == "\"hello\"");
  CHECK(run("trim", {s("xx"), s("x")}) == "\"\"");
  CHECK(run("trimprefix", {s("helloworld"), s("hello")}) == "\"world\"");
  CHECK(run("trimsuffix", {s("helloworld"), s("world")}) == "\"hello\"");
  CHECK(run("trimsuffix", {s("hello"), s("x")}) == "\"hello\"");
  CHECK(run("trimspace", {s("  \thello\n\u00a0")}) == "\"hello\"");
  CHECK(run("chomp", {s("hello\r\n\n")}) == "\"hello\"");
  CHECK(run("indent", {n(2), s("a\nb\n")}) == "\"a\n  b\n  \"");
  CHECK(run("strrev", {s("héllo")}) == "\"olléh\"");
  CHECK(run("startswith", {s("hello"), s("he")}) == "true");
  CHECK(run("endswith", {s("hello"), s("he")}) == "false");
  CHECK(run("strcontains", {s("hello"), s("ll")}) == "true");
  CHECK(is_error_result("upper", {l({})}));
  CHECK(is_error_result("upper", {Value::null()}));
}

TEST_CASE("tf functions: maps") {
  CHECK(run("merge", {m({{"b", n(1)}, {"a", n(2)}}), Value::null(), m({{"b", n(3)}})}) ==
        "{a=2,b=3}");
  CHECK(run("merge", {}) == "{}");
  CHECK(run("merge", {m({{"a", unknown()}})}) == "{a=?}");
  CHECK(run("merge", {m({{"a", n(1)}}), unknown()}) == "?");
  CHECK(is_error_result("merge", {l({})}));

  CHECK(run("lookup", {m({{"a", s("x")}}), s("a")}) == "\"x\"");
  CHECK(run("lookup", {m({{"a", s("x")}}), s("b"), s("d")}) == "\"d\"");
  CHECK(run("lookup", {m({{"a", unknown()}}), s("a")}) == "?");
  CHECK(run("lookup", {unknown(), s("a"), s("d")}) == "?");
  CHECK(is_error_result("lookup", {m({{"a", s("x")}}), s("b")}));

  CHECK(run("keys", {m({{"b", n(1)}, {"a", unknown()}})}) == "[\"a\",\"b\"]");
  CHECK(run("values", {m({{"b", n(1)}, {"a", n(2)}})}) == "[2,1]");
  CHECK(run("zipmap", {l({s("b"), s("a")}), l({n(1), n(2)})}) == "{a=2,b=1}");
  CHECK(is_error_result("zipmap", {l({s("a")}), l({})}));
  CHECK(run("transpose", {m({{"a", l({s("1"), s("2")})}, {"b", l({s("2"), s("3")})}})}) ==
        "{1=[\"a\"],2=[\"a\",\"b\"],3=[\"b\"]}");
}

TEST_CASE("tf functions: length and coalesce decide with unknowns") {
  CHECK(run("length", {l({unknown(), s("a")})}) == "2");
  CHECK(run("length", {unknown()}) == "?");
  CHECK(run("length", {s("héllo")}) == "5");
  CHECK(run("length", {m({{"a", n(1)}})}) == "1");
  CHECK(is_error_result("length", {n(5)}));
  CHECK(is_error_result("length", {Value::null()}));

  CHECK(run("coalesce", {Value::null(), s("x"), unknown()}) == "\"x\"");
  CHECK(run("coalesce", {unknown(), s("x")}) == "?");
  CHECK(run("coalesce", {s(""), s("b")}) == "\"b\"");
  CHECK(run("coalesce", {n(1), s("b")}) == "\"1\"");
  CHECK(run("coalesce", {n(1), n(2)}) == "1");
  CHECK(is_error_result("coalesce", {Value::null(), s("")}));

  CHECK(run("coalescelist", {l({}), l({s("a")}), unknown()}) == "[\"a\"]");
  CHECK(run("coalescelist", {unknown(), l({s("a")})}) == "?");
  CHECK(is_error_result("coalescelist", {l({}), l({})}));
}

TEST_CASE("tf functions: lists") {
  CHECK(run("concat", {l({s("a")}), l({s("b"), unknown()})}) == "[\"a\",\"b\",?]");
  CHECK(run("concat", {l({s("a")}), unknown()}) == "?");
  CHECK(run("element", {l({s("a"), s("b"), s("c")}), n(4)}) == "\"b\"");
  CHECK(run("element", {l({unknown(), s("b")}), n(1)}) == "\"b\"");
  CHECK(is_error_result("element", {l({}), n(0)}));
  CHECK(is_error_result("element", {l({s("a")}), n(-1)}));

  CHECK(run("compact", {l({s("a"), s(""), Value::null(), s("b")})}) == "[\"a\",\"b\"]");
  CHECK(run("contains", {l({s("a"), s("b")}), s("b")}) == "true");
  CHECK(run("contains", {l({n(1)}), s("1")}) == "false");
  CHECK(run("distinct", {l({s("b"), s("a"), s("b")})}) == "[\"b\",\"a\"]");
  CHECK(run("flatten", {l({l({s("a"), l({s("b")})}), l({}), s("c")})}) == "[\"a\",\"b\",\"c\"]");
  CHECK(run("one", {l({})}) == "null");
  CHECK(run("one", {l({s("a")})}) == "\"a\"");
  CHECK(is_error_result("one", {l({s("a"), s("b")})}));
  CHECK(run("reverse", {l({n(1), n(2), unknown()})}) == "[?,2,1]");
  CHECK(run("sort", {l({s("b"), s("a"), s("C")})}) == "[\"C\",\"a\",\"b\"]");
  CHECK(run("sort", {l({n(10), n(9)})}) == "[\"10\",\"9\"]");
  CHECK(run("slice", {l({s("a"), s("b"), s("c")}), n(1), n(3)}) == "[\"b\",\"c\"]");
  CHECK(run("slice", {l({s("a")}), n(1), n(1)}) == "[]");
  CHECK(is_error_result("slice", {l({s("a")}), n(0), n(2)}));
  CHECK(is_error_result("slice", {l({s("a"), s("b")}), n(2), n(1)}));
  CHECK(run("index", {l({s("a"), s("b")}), s("b")}) == "1");
  CHECK(is_error_result("index", {l({s("a")}), s("z")}));
  CHECK(run("chunklist", {l({n(1), n(2), n(3)}), n(2)}) == "[[1,2],[3]]");
  CHECK(run("chunklist", {l({n(1)}), n(0)}) == "[[1]]");
  CHECK(run("alltrue", {l({b(true), s("true")})}) == "true");
  CHECK(run("alltrue", {l({})}) == "true");
  CHECK(run("anytrue", {l({b(false), Value::null()})}) == "false");
  CHECK(run("anytrue", {l({b(false), b(true)})}) == "true");
  CHECK(run("matchkeys", {l({s("i1"), s("i2"), s("i3")}), l({s("a"), s("b"), s("a")}),
                          l({s("a")})}) == "[\"i1\",\"i3\"]");
  CHECK(is_error_result("matchkeys", {l({s("i1")}), l({}), l({})}));
}

TEST_CASE("tf functions: range") {
  CHECK(run("range", {n(3)}) == "[0,1,2]");
  CHECK(run("range", {n(1), n(4)}) == "[1,2,3]");
  CHECK(run("range", {n(4), n(1)}) == "[4,3,2]");
  CHECK(run("range", {n(1), n(2), n(0.5)}) == "[1,1.5]");
  CHECK(run("range", {n(10), n(0), n(-5)}) == "[10,5]");
  CHECK(run("range", {n(0)}) == "[]");
  CHECK(run("range", {n(0), n(0.5), n(0.1)}) == "[0,0.1,0.2,0.3,0.4]");
  CHECK(is_error_result("range", {n(0), n(5), n(0)}));
  CHECK(is_error_result("range", {n(0), n(5), n(-1)}));
  CHECK(is_error_result("range", {n(5), n(0), n(1)}));
  CHECK(call("range", {n(1024)}).items().size() == 1024);
  CHECK(is_error_result("range", {n(1025)}));
}

TEST_CASE("tf functions: sets") {
  CHECK(run("setunion", {l({s("b"), s("a")}), l({s("c"), s("a")})}) == "[\"a\",\"b\",\"c\"]");
  CHECK(run("setintersection", {l({s("a"), s("b")}), l({s("b"), s("c")})}) == "[\"b\"]");
  CHECK(run("setsubtract", {l({s("a"), s("b"), s("c")}), l({s("a")})}) == "[\"b\",\"c\"]");
  CHECK(run("setproduct", {l({s("a"), s("b")}), l({n(1), n(2)})}) ==
        "[[\"a\",1],[\"a\",2],[\"b\",1],[\"b\",2]]");
  CHECK(run("setproduct", {l({s("a")}), l({})}) == "[]");
  CHECK(is_error_result("setproduct", {l({s("a")})}));
}

TEST_CASE("tf functions: numbers") {
  CHECK(run("min", {n(3), n(1), s("2")}) == "1");
  CHECK(run("max", {n(3), n(1), n(2)}) == "3");
  CHECK(is_error_result("max", {}));
  CHECK(run("sum", {l({n(1), n(2.5), s("3")})}) == "6.5");
  CHECK(is_error_result("sum", {l({})}));
  CHECK(run("sum", {l({n(0.1), n(0.2)})}) == "0.3");
  CHECK(run("abs", {n(-2.5)}) == "2.5");
  CHECK(run("ceil", {n(4.1)}) == "5");
  CHECK(run("floor", {n(-4.1)}) == "-5");
  CHECK(run("log", {n(16), n(2)}) == "4");
  CHECK(run("log", {n(1000), n(10)}) == "3");
  CHECK(run("pow", {n(3), n(2)}) == "9");
  CHECK(run("signum", {n(-7)}) == "-1");
  CHECK(run("signum", {n(0)}) == "0");
  CHECK(run("parseint", {s("100"), n(10)}) == "100");
  CHECK(run("parseint", {s("FF"), n(16)}) == "255");
  CHECK(run("parseint", {s("-1010"), n(2)}) == "-10");
  CHECK(run("parseint", {s("zZ"), n(62)}) == "2231");
  CHECK(is_error_result("parseint", {s("12"), n(1)}));
  CHECK(is_error_result("parseint", {s("2"), n(2)}));
  CHECK(is_error_result("parseint", {s("0x10"), n(16)}));
  CHECK(is_error_result("abs", {s("x")}));
}

TEST_CASE("tf functions: conversions") {
  CHECK(run("tostring", {n(1.5)}) == "\"1.5\"");
  CHECK(run("tostring", {b(false)}) == "\"false\"");
  CHECK(run("tostring", {Value::null()}) == "null");
  CHECK(is_error_result("tostring", {l({})}));
  CHECK(run("tonumber", {s("42")}) == "42");
  CHECK(is_error_result("tonumber", {s("nope")}));
  CHECK(run("tobool", {s("true")}) == "true");
  CHECK(is_error_result("tobool", {s("yes")}));
  CHECK(run("tolist", {l({s("a"), n(1), b(true)})}) == "[\"a\",\"1\",\"true\"]");
  CHECK(run("tolist", {l({unknown(), s("a")})}) == "[?,\"a\"]");
  CHECK(is_error_result("tolist", {l({n(1), b(true)})}));
  CHECK(run("toset", {l({s("b"), s("a"), s("b")})}) == "[\"a\",\"b\"]");
  CHECK(run("tomap", {m({{"b", n(1)}, {"a", s("x")}})}) == "{a=\"x\",b=\"1\"}");
  CHECK(run("sensitive", {unknown()}) == "?");
  CHECK(run("nonsensitive", {s("a")}) == "\"a\"");
  CHECK(call("type", {s("a")}).is_unknown());
}
