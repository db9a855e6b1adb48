// Terraform built-in functions, part 2: encoding, hash, network, regex, filesystem and time
// groups, called through the registry. Expected values come from the RFCs (digests, UUIDs)
// and from Terraform's documentation examples.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "terraform/functions.hpp"
#include "terraform/value_ops.hpp"

using iacscan::detail::Span;
using iacscan::detail::Value;
namespace tf = iacscan::detail::tf;

namespace {

// Files from a map; templates "render" by substituting ${name} with string variables.
struct FakeFiles : tf::FunctionEnvironment {
  std::map<std::string, std::string, std::less<>> files;
  std::optional<std::string> read_file(std::string_view path, std::string& error) override {
    auto it = files.find(path);
    if (it != files.end()) return it->second;
    error = "no file " + std::string(path) + " in the scanned tree";
    return std::nullopt;
  }
  bool file_exists(std::string_view path) override { return files.find(path) != files.end(); }
  Value render_template(std::string_view text, const Value& variables, const Span& span) override {
    std::string out(text);
    for (const Value::Entry& e : variables.entries()) {
      const std::string marker = "${" + e.key + "}";
      for (auto at = out.find(marker); at != std::string::npos; at = out.find(marker))
        out.replace(at, marker.size(), e.value.is_string() ? e.value.text() : "?");
    }
    return Value::string(out, span);
  }
};

FakeFiles& files() {
  static FakeFiles env;
  return env;
}

Value call(std::string_view name, std::vector<Value> args) {
  return tf::call_function(name, std::move(args), Span{}, files());
}
Value s(std::string text) {
  return Value::string(std::move(text));
}
Value n(double number) {
  return tf::make_number(number);
}
Value l(Value::List items) {
  return Value::list(std::move(items));
}
Value m(std::vector<std::pair<std::string, Value>> entries) {
  Value map = Value::map({});
  for (auto& [key, value] : entries) map.set(key, std::move(value));
  return map;
}

// Compact rendering: strings bare at the top level and quoted inside, [a, b] lists,
// {k=v} maps, ?reason for unknowns, !message for errors.
std::string show(const Value& v, bool top = true) {
  if (tf::is_error(v)) return "!" + v.text().substr(7);
  switch (v.kind()) {
    case Value::Kind::null:
      return "null";
    case Value::Kind::boolean:
      return v.as_bool() ? "true" : "false";
    case Value::Kind::number:
      return tf::format_number(v.as_number());
    case Value::Kind::string:
      return top ? v.text() : "\"" + v.text() + "\"";
    case Value::Kind::unknown:
      return "?" + v.text();
    case Value::Kind::list: {
      std::string out = "[";
      for (const Value& item : v.items()) out += (out.size() > 1 ? ", " : "") + show(item, false);
      return out + "]";
    }
    case Value::Kind::map: {
      std::string out = "{";
      for (const auto& e : v.entries())
        out += (out.size() > 1 ? ", " : "") + e.key + "=" + show(e.value, false);
      return out + "}";
    }
  }
  return "";
}

std::string run(std::string_view name, std::vector<Value> args) {
  return show(call(name, std::move(args)));
}
std::string run(std::string_view name, std::string arg) {
  return run(name, {s(std::move(arg))});
}

}  // namespace

TEST_CASE("tf functions more: digests match the RFC and FIPS test vectors") {
  const std::string abc = "abc";
  const std::string two_blocks = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
  CHECK(run("md5", "") == "d41d8cd98f00b204e9800998ecf8427e");
  CHECK(run("md5", "message digest") == "f96b697d7cb7938d525a2f31aaf161d0");
  CHECK(run("md5", abc) == "900150983cd24fb0d6963f7d28e17f72");
  CHECK(run("sha1", abc) == "a9993e364706816aba3e25717850c26c9cd0d89d");
  CHECK(run("sha1", two_blocks) == "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
  CHECK(run("sha256", abc) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(run("sha256", two_blocks) ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(run("sha512", abc) ==
        "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a2192992a274fc1a836ba3c2"
        "3a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  CHECK(run("sha512",
            "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjk"
            "lmnopqklmnopqrlmnopqrsmnopqrstnopqrstu") ==
        "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018501d289e4900f7e4331b99d"
        "ec4b5433ac7d329eeb6dd26545e96e55b874be909");
  CHECK(run("base64sha256", "hello world") == "uU0nuZNNPgilLlLX2n2r+sSE7+N6U4DukIj3rOLvzek=");
  CHECK(run("base64sha512", "hello world") ==
        "MJ7MSJwS1utMxA9QyQLytNDtd+5RGnx6m808qG1M2G+YndNbxf9JlnDaNCVbRbDP2DDoH2Bdz33FVC6TrpzXbw==");
  CHECK(run("md5", {n(12)}) == "c20ad4d76fe97759aa27a0c99bff6710");  // the string "12"
}

TEST_CASE("tf functions more: uuid, uuidv5 and bcrypt") {
  CHECK(run("uuidv5", {s("dns"), s("www.terraform.io")}) == "a5008fae-b28c-5ba5-96cd-82b4c53552d6");
  CHECK(run("uuidv5", {s("url"), s("https://www.terraform.io/")}) ==
        "9db6f67c-dd95-5ea0-aa5b-e70e5c5f7cf5");
  CHECK(run("uuidv5", {s("oid"), s("1.3.6.1.4")}) == "af9d40a5-7a36-5c07-b23a-851cd99fbfa5");
  CHECK(run("uuidv5", {s("x500"), s("CN=Example,C=GB")}) == "84e09961-4aa4-57f8-95b7-03edb1073253");
  CHECK(run("uuidv5", {s("{6ba7b810-9dad-11d1-80b4-00c04fd430c8}"), s("example")}) ==
        "7cb48787-6d91-5b9f-bc60-f30298ea5736");
  CHECK(run("uuidv5", {s("6ba7b8109dad11d180b400c04fd430c8"), s("example")}) ==
        "7cb48787-6d91-5b9f-bc60-f30298ea5736");
  CHECK(run("uuidv5", {s("nope"), s("x")}) ==
        "!uuidv5: uuidv5() doesn't support namespace nope (invalid UUID length: 4)");
  const Value random = call("uuid", {});
  CHECK(random.is_unknown());
  CHECK_FALSE(tf::is_error(random));
  CHECK(call("bcrypt", {s("secret")}).is_unknown());
  CHECK(tf::is_error(call("bcrypt", {s("secret"), n(40)})));
}

TEST_CASE("tf functions more: jsonencode sorts keys and escapes as Go does") {
  CHECK(run("jsonencode", {m({{"hello", s("world")}})}) == R"({"hello":"world"})");
  CHECK(run("jsonencode",
            {m({{"b", n(1)}, {"a", l({n(1.5), Value::null(), Value::boolean(true)})}})}) ==
        R"({"a":[1.5,null,true],"b":1})");
  CHECK(run("jsonencode", {s("<a href=\"x\">&</a>\n\t\x01")}) ==
        R"("\u003ca href=\"x\"\u003e\u0026\u003c/a\u003e\n\t\u0001")");
  CHECK(run("jsonencode", {s("\xE2\x80\xA8 caf\xC3\xA9 \xFF")}) == R"("\u2028 café \ufffd")");
  CHECK(run("jsonencode", {n(1e21)}) == "1000000000000000000000");
  CHECK(run("jsonencode", {n(0.0000001)}) == "0.0000001");
  CHECK(run("jsonencode", {Value::null()}) == "null");
  CHECK(run("jsonencode", {l({})}) == "[]");
  CHECK(call("jsonencode", {Value::unknown("var.x")}).is_unknown());
}

TEST_CASE("tf functions more: jsondecode and yamldecode give sorted values at the call") {
  Span at;
  at.file = 3;
  at.range = {4, 5, 4, 30};
  const Value decoded =
      tf::call_function("jsondecode", {s(R"({"z": [1, "x"], "a": {"k": null}})")}, at, files());
  CHECK(show(decoded) == R"({a={k=null}, z=[1, "x"]})");
  CHECK(decoded.span == at);
  CHECK(decoded.entries()[1].value.items()[1].span == at);
  CHECK(decoded.entries()[0].key_span == at);
  CHECK(run("jsondecode", "[1,").rfind("!jsondecode: ", 0) == 0);
  CHECK(run("jsondecode", R"({"a": 1, "a": 2})").rfind("!jsondecode: duplicate", 0) == 0);
  CHECK(run("yamldecode", "b: [1, true]\na: hello\n") == R"({a="hello", b=[1, true]})");
  CHECK(run("yamldecode", "") == "null");
  CHECK(run("yamldecode", "a: [").rfind("!yamldecode: ", 0) == 0);
}

TEST_CASE("tf functions more: yamlencode follows Terraform's emitter layout") {
  CHECK(run("yamlencode", {m({{"c", s("d")}, {"a", s("b")}})}) == "\"a\": \"b\"\n\"c\": \"d\"\n");
  CHECK(run("yamlencode", {m({{"foo", l({n(1), n(2), n(3)})}, {"bar", s("baz")}})}) ==
        "\"bar\": \"baz\"\n\"foo\":\n- 1\n- 2\n- 3\n");
  CHECK(run("yamlencode", {m({{"foo", l({n(1), m({{"a", s("b")}, {"c", s("d")}}), n(3)})},
                              {"bar", s("baz")}})}) ==
        "\"bar\": \"baz\"\n\"foo\":\n- 1\n- \"a\": \"b\"\n  \"c\": \"d\"\n- 3\n");
  CHECK(run("yamlencode", {Value::boolean(true)}) == "true\n...\n");
  CHECK(run("yamlencode", {s("hello")}) == "\"hello\"\n");
  CHECK(run("yamlencode", {m({})}) == "{}\n");
  CHECK(run("yamlencode", {m({{"e", l({})}, {"n", Value::null()}, {"x", m({{"y", n(0.5)}})}})}) ==
        "\"e\": []\n\"n\": null\n\"x\":\n  \"y\": 0.5\n");
  CHECK(run("yamlencode", {m({{"script", s("line one\nline two\n")}})}) ==
        "\"script\": |\n  line one\n  line two\n");
  CHECK(run("yamlencode", {l({s("a\nb"), s("tab\there"), s("trailing \nspace")})}) ==
        "- |-\n  a\n  b\n- \"tab\\there\"\n- \"trailing \\nspace\"\n");
  // Long double-quoted strings fold after column 80 (opentofu/opentofu#4433 shows the same).
  const std::string command =
      "mkdir -p /app/storage/database /app/storage/framework/cache/data "
      "/app/storage/framework/sessions /app/storage/framework/views /app/storage/logs";
  CHECK(run("yamlencode", {m({{"command", s(command)}})}) ==
        "\"command\": \"mkdir -p /app/storage/database /app/storage/framework/cache/data "
        "/app/storage/framework/sessions\n  /app/storage/framework/views /app/storage/logs\"\n");
}

TEST_CASE("tf functions more: base64, urlencode, text encodings") {
  CHECK(run("base64encode", "Hello World") == "SGVsbG8gV29ybGQ=");
  CHECK(run("base64decode", "SGVsbG8gV29ybGQ=") == "Hello World");
  CHECK(run("base64decode", "SGVsbG8g\nV29ybGQ=") == "Hello World");
  CHECK(run("base64decode", "SGVsbG8") == "!base64decode: failed to decode base64 data SGVsbG8");
  CHECK(run("base64decode", "/w==") ==
        "!base64decode: the result of decoding the provided string is not valid UTF-8");
  CHECK(call("base64gzip", {s("x")}).is_unknown());
  CHECK(run("urlencode", "Hello World!") == "Hello+World%21");
  CHECK(run("urlencode", "\xE2\x98\x83") == "%E2%98%83");
  CHECK(run("urlencode", "foo:bar@localhost?foo=bar&bar=baz") ==
        "foo%3Abar%40localhost%3Ffoo%3Dbar%26bar%3Dbaz");
  CHECK(run("textencodebase64", {s("Hello World"), s("UTF-16LE")}) ==
        "SABlAGwAbABvACAAVwBvAHIAbABkAA==");
  CHECK(run("textdecodebase64", {s("SABlAGwAbABvACAAVwBvAHIAbABkAA=="), s("utf-16le")}) ==
        "Hello World");
  CHECK(run("textencodebase64", {s("caf\xC3\xA9"), s("latin1")}) == "Y2Fm6Q==");
  CHECK(run("textdecodebase64", {s("Y2Fm6Q=="), s("ISO-8859-1")}) == "caf\xC3\xA9");
  CHECK(run("textencodebase64", {s("\xE2\x98\x83"), s("ISO-8859-1")}) ==
        "!textencodebase64: the given string contains characters that cannot be represented in "
        "ISO-8859-1");
  CHECK(call("textencodebase64", {s("x"), s("windows-1252")}).is_unknown());
}

TEST_CASE("tf functions more: csvdecode") {
  CHECK(run("csvdecode", "a,b,c\n1,2,3\n4,5,6") ==
        R"([{a="1", b="2", c="3"}, {a="4", b="5", c="6"}])");
  CHECK(run("csvdecode", "name,note\r\n\r\nx,\"say \"\"hi\"\",\nthen\"\r\n") ==
        "[{name=\"x\", note=\"say \"hi\",\nthen\"}]");
  CHECK(run("csvdecode", "a,b\n") == "[]");
  CHECK(run("csvdecode", "") == "!csvdecode: missing header line");
  CHECK(run("csvdecode", "a,a\n1,2") == "!csvdecode: duplicate column name \"a\"");
  CHECK(run("csvdecode", "a,b\n1,2\n3") ==
        "!csvdecode: CSV parse error on line 3: wrong number of fields");
  CHECK(run("csvdecode", "a\nx\"y") ==
        "!csvdecode: CSV parse error on line 2: bare \" in non-quoted-field");
}

TEST_CASE("tf functions more: cidr functions, Terraform's documented examples") {
  CHECK(run("cidrsubnet", {s("172.16.0.0/12"), n(4), n(2)}) == "172.18.0.0/16");
  CHECK(run("cidrsubnet", {s("10.1.2.0/24"), n(4), n(15)}) == "10.1.2.240/28");
  CHECK(run("cidrsubnet", {s("fd00:fd12:3456:7890::/56"), n(16), n(162)}) ==
        "fd00:fd12:3456:7800:a200::/72");
  CHECK(run("cidrhost", {s("10.12.112.0/20"), n(16)}) == "10.12.112.16");
  CHECK(run("cidrhost", {s("10.12.112.0/20"), n(268)}) == "10.12.113.12");
  CHECK(run("cidrhost", {s("10.12.112.0/20"), n(-1)}) == "10.12.127.255");
  CHECK(run("cidrhost", {s("fd00:fd12:3456:7890:00a2::/72"), n(34)}) == "fd00:fd12:3456:7890::22");
  CHECK(run("cidrnetmask", "172.16.0.0/12") == "255.240.0.0");
  CHECK(run("cidrsubnets", {s("10.1.0.0/16"), n(4), n(4), n(8), n(4)}) ==
        R"(["10.1.0.0/20", "10.1.16.0/20", "10.1.32.0/24", "10.1.48.0/20"])");
  CHECK(run("cidrsubnets", {s("fd00:fd12:3456:7890::/56"), n(16), n(16), n(16), n(32)}) ==
        R"(["fd00:fd12:3456:7800::/72", "fd00:fd12:3456:7800:100::/72", )"
        R"("fd00:fd12:3456:7800:200::/72", "fd00:fd12:3456:7800:300::/88"])");
  CHECK(run("cidrsubnets", {s("10.0.0.0/8")}) == "[]");
  CHECK(run("cidrsubnet", {s("::ffff:10.0.0.0/120"), n(4), n(1)}) == "10.0.0.16/28");
  CHECK(run("cidrhost", {s("2001:db8::/64"), n(0)}) == "2001:db8::");
  CHECK(run("cidrhost", {s("::/0"), n(1)}) == "::1");
}

TEST_CASE("tf functions more: cidr errors") {
  CHECK(run("cidrsubnet", {s("10.0.0.0/33"), n(1), n(0)}) ==
        "!cidrsubnet: invalid CIDR expression: invalid CIDR address: 10.0.0.0/33");
  CHECK(run("cidrsubnet", {s("10.256.0.0/8"), n(1), n(0)}).rfind("!cidrsubnet: invalid CIDR", 0) ==
        0);
  CHECK(run("cidrsubnet", {s("10.0.0.0/30"), n(3), n(0)}) ==
        "!cidrsubnet: insufficient address space to extend prefix of 30 by 3");
  CHECK(run("cidrsubnet", {s("10.0.0.0/24"), n(2), n(4)}) ==
        "!cidrsubnet: prefix extension of 2 does not accommodate a subnet numbered 4");
  CHECK(run("cidrhost", {s("10.0.0.0/30"), n(4)}) ==
        "!cidrhost: prefix of 30 does not accommodate a host numbered 4");
  CHECK(run("cidrnetmask", "fd00::/8") ==
        "!cidrnetmask: IPv6 addresses cannot have a netmask: fd00::/8");
  CHECK(
      run("cidrsubnets", {s("10.0.0.0/30"), n(1), n(1), n(1)}) ==
      "!cidrsubnets: argument 4: not enough remaining address space for a subnet with a prefix of "
      "31 bits after 10.0.0.2/31");
  CHECK(run("cidrsubnets", {s("10.0.0.0/8"), n(0)}) ==
        "!cidrsubnets: argument 2: must extend prefix by at least one bit");
  CHECK(run("cidrsubnets", {s("10.0.0.0/8"), n(25)}) ==
        "!cidrsubnets: argument 2: would extend prefix to 33 bits, which is too long for an IPv4 "
        "address");
}

TEST_CASE("tf functions more: regex and regexall result shapes") {
  CHECK(run("regex", {s("[a-z]+"), s("53453453.345345aaabbbccc23454")}) == "aaabbbccc");
  CHECK(run("regex", {s(R"((\d\d\d\d)-(\d\d)-(\d\d))"), s("2019-02-01")}) ==
        R"(["2019", "02", "01"])");
  CHECK(run("regex", {s("^(?:(?P<scheme>[^:/?#]+):)?(?://(?P<authority>[^/?#]*))?"),
                      s("https://terraform.io/docs/")}) ==
        R"({authority="terraform.io", scheme="https"})");
  CHECK(run("regex", {s("(?<year>\\d+)"), s("in 2024")}) == R"({year="2024"})");
  CHECK(run("regex", {s("a(b)?"), s("a")}) == "[null]");
  CHECK(run("regex", {s("x"), s("abc")}) ==
        "!regex: pattern did not match any part of the given string");
  CHECK(run("regex", {s("(?P<a>x)(y)"), s("xy")}) ==
        "!regex: invalid regexp pattern: cannot mix both named and unnamed capture groups");
  CHECK(run("regex", {s("("), s("x")}).rfind("!regex: invalid regexp pattern: ", 0) == 0);
  CHECK(run("regexall", {s("[a-z]+"), s("1234abcd5678efgh9")}) == R"(["abcd", "efgh"])");
  CHECK(run("regexall", {s("[a-z]+"), s("123456789")}) == "[]");
  CHECK(run("regexall", {s("(\\w)=(\\d)"), s("a=1 b=2")}) == R"([["a", "1"], ["b", "2"]])");
  // Go's FindAll: no empty match right after a match, one step forward after an empty one.
  CHECK(run("regexall", {s("a*"), s("baaac")}) == R"(["", "aaa", ""])");
}

TEST_CASE("tf functions more: file functions read through the environment") {
  FakeFiles& env = files();
  env.files["conf/body.txt"] = "file body\n";
  env.files["conf/binary"] = std::string("\xFF\x00", 2);
  env.files["conf/greeting.tpl"] = "hello ${name} from ${place}";
  CHECK(run("file", "conf/body.txt") == "file body\n");
  CHECK(run("file", "conf/missing") == "!file: no file conf/missing in the scanned tree");
  CHECK(run("file", "conf/binary").rfind("!file: contents of conf/binary are not valid UTF-8", 0) ==
        0);
  CHECK(run("fileexists", "conf/body.txt") == "true");
  CHECK(run("fileexists", "conf/nope") == "false");
  CHECK(run("filebase64", "conf/body.txt") == "ZmlsZSBib2R5Cg==");
  CHECK(run("filebase64", "conf/binary") == "/wA=");
  CHECK(run("filemd5", "conf/body.txt") == "d315c128674114287c5f1aeed4309e2e");
  CHECK(run("filesha256", "conf/body.txt") ==
        "94dda0ed4b1c44a08e3ef62b978ddd97258b6e3016696ea645e176730091e885");
  CHECK(run("templatefile",
            {s("conf/greeting.tpl"), m({{"name", s("bob")}, {"place", s("home")}})}) ==
        "hello bob from home");
  CHECK(run("templatefile", {s("conf/greeting.tpl"), m({{"1bad", s("x")}})})
            .rfind("!templatefile: invalid template variable name \"1bad\"", 0) == 0);
  CHECK(run("templatefile", {s("conf/missing"), m({})}) ==
        "!templatefile: no file conf/missing in the scanned tree");
  CHECK(call("templatefile", {s("conf/greeting.tpl"), Value::unknown("var.vars")}).is_unknown());
  CHECK(call("fileset", {s("."), s("*.tf")}).is_unknown());
}

TEST_CASE("tf functions more: path functions") {
  CHECK(run("basename", "foo/bar/baz.txt") == "baz.txt");
  CHECK(run("basename", "/foo/bar/") == "bar");
  CHECK(run("basename", "") == ".");
  CHECK(run("dirname", "foo/bar/baz.txt") == "foo/bar");
  CHECK(run("dirname", "baz.txt") == ".");
  CHECK(run("dirname", "/foo//bar/../baz") == "/foo");
  CHECK(run("abspath", "/a/./b/../c") == "/a/c");
  CHECK(call("abspath", {s("modules/x")}).is_unknown());
  CHECK(run("pathexpand", "/etc/x") == "/etc/x");
  CHECK(call("pathexpand", {s("~/.ssh/id_rsa")}).is_unknown());
  CHECK(run("pathexpand", "~bob/x") == "!pathexpand: cannot expand user-specific home dir");
}

TEST_CASE("tf functions more: formatdate, timeadd, timecmp, timestamp") {
  CHECK(run("formatdate", {s("DD MMM YYYY hh:mm ZZZ"), s("2018-01-02T23:12:01Z")}) ==
        "02 Jan 2018 23:12 UTC");
  CHECK(run("formatdate", {s("EEEE, DD-MMM-YY hh:mm:ss ZZZ"), s("2018-01-02T23:12:01Z")}) ==
        "Tuesday, 02-Jan-18 23:12:01 UTC");
  CHECK(run("formatdate", {s("EEE, DD MMM YYYY hh:mm:ss ZZZ"), s("2018-01-02T23:12:01-08:00")}) ==
        "Tue, 02 Jan 2018 23:12:01 -0800");
  CHECK(run("formatdate", {s("MMM DD, YYYY"), s("2018-01-02T23:12:01Z")}) == "Jan 02, 2018");
  CHECK(run("formatdate", {s("HH:mmaa"), s("2018-01-02T23:12:01Z")}) == "11:12pm");
  CHECK(run("formatdate", {s("YYYY-MM-DD'T'hh:mm:ssZ"), s("2006-01-02T15:04:05Z")}) ==
        "2006-01-02T15:04:05Z");
  CHECK(run("formatdate", {s("h 'o''clock' Z ZZZZZ"), s("2024-02-29T05:00:00.5+05:30")}) ==
        "5 o'clock +05:30 +05:30");
  CHECK(run("formatdate", {s("YYYYY"), s("2018-01-02T23:12:01Z")}) ==
        "!formatdate: invalid date format verb \"YYYYY\": year must either be \"YY\" or \"YYYY\"");
  CHECK(run("formatdate", {s("'blah"), s("2018-01-02T23:12:01Z")}) ==
        "!formatdate: unterminated literal '");
  CHECK(run("formatdate", {s("Q"), s("2018-01-02T23:12:01Z")}) ==
        "!formatdate: invalid date format verb \"Q\"");
  CHECK(run("formatdate", {s("YYYY"), s("2018-02-30T00:00:00Z")})
            .rfind("!formatdate: not a valid RFC3339", 0) == 0);
  CHECK(run("formatdate", {s("YYYY"), s("2018-01-02 00:00:00Z")}) ==
        "!formatdate: not a valid RFC3339 timestamp: missing required time introducer 'T'");
  CHECK(run("timeadd", {s("2017-11-22T00:00:00Z"), s("10m")}) == "2017-11-22T00:10:00Z");
  CHECK(run("timeadd", {s("2017-11-22T00:00:00Z"), s("-1h30m")}) == "2017-11-21T22:30:00Z");
  CHECK(run("timeadd", {s("2024-02-28T23:00:00+01:00"), s("1.5h")}) == "2024-02-29T00:30:00+01:00");
  CHECK(run("timeadd", {s("1999-12-31T23:59:59.9Z"), s("100ms")}) == "2000-01-01T00:00:00Z");
  CHECK(run("timeadd", {s("2017-11-22T00:00:00Z"), s("10x")}) ==
        "!timeadd: time: unknown unit \"x\" in duration \"10x\"");
  CHECK(run("timeadd", {s("2017-11-22T00:00:00Z"), s("10")}) ==
        "!timeadd: time: missing unit in duration \"10\"");
  CHECK(run("timecmp", {s("2017-11-22T00:00:00Z"), s("2017-11-22T01:00:00+01:00")}) == "0");
  CHECK(run("timecmp", {s("2017-11-22T00:00:00Z"), s("2017-11-22T00:00:00.1Z")}) == "-1");
  CHECK(run("timecmp", {s("2018-01-01T02:00:00Z"), s("2017-12-31T23:00:00-02:00")}) == "1");
  CHECK(call("timestamp", {}).is_unknown());
  CHECK_FALSE(tf::is_error(call("plantimestamp", {})));
}
