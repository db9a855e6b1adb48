// CloudFormation intrinsic functions on known and unknown inputs: Fn::Sub (every placeholder
// kind, both forms), Join, Select, Split, Base64, FindInMap, GetAZs, Cidr, ImportValue,
// Length, ToJsonString, Transform, and malformed arguments.
#include <doctest/doctest.h>

#include <string>
#include <variant>

#include "cfn_test_support.hpp"
#include "cloudformation/cidr.hpp"

using iacscan::detail::cidr_subnets;
using iacscan::detail::LoadedFile;
using iacscan::detail::Value;
using iacscan::testing::given;
using iacscan::testing::load_template;
using iacscan::testing::property;
using iacscan::testing::warnings_of;
using iacscan::testing::where;

namespace {

std::vector<std::string> texts(const Value& list) {
  std::vector<std::string> out;
  for (const Value& item : list.items()) out.push_back(item.text());
  return out;
}

std::vector<std::string> subnets(std::string_view block, unsigned count, unsigned bits) {
  auto result = cidr_subnets(block, count, bits);
  if (const auto* error = std::get_if<std::string>(&result)) return {"error: " + *error};
  return std::get<std::vector<std::string>>(result);
}

}  // namespace

TEST_CASE("cfn Fn::Sub: every kind of placeholder") {
  const std::string text =
      "Parameters:\n"                                               // 1
      "  App: {Type: String, Default: shop}\n"                      // 2
      "Resources:\n"                                                // 3
      "  Logs:\n"                                                   // 4
      "    Type: AWS::S3::Bucket\n"                                 // 5
      "    Properties: {BucketName: !Sub '${App}-logs'}\n"          // 6
      "  Queue:\n"                                                  // 7
      "    Type: AWS::SQS::Queue\n"                                 // 8
      "  R:\n"                                                      // 9
      "    Type: AWS::Test::Thing\n"                                // 10
      "    Properties:\n"                                           // 11
      "      Param: !Sub '${App}-x'\n"                              // 12
      "      Literal: !Sub '${!App} and ${! Spaced} cost $5 {}'\n"  // 13
      "      Resource: !Sub 's3://${Logs}/${ App }'\n"              // 14
      "      Region: !Sub '${AWS::Region}-${App}'\n"                // 15
      "      Attr: !Sub '${Queue.Arn}'\n"                           // 16
      "      Vars: !Sub ['${Name}.${Domain}', {Name: !Ref App, Domain: example.com, Unused: !Ref "
      "Queue}]\n"                          // 17
      "      NoVars: !Sub ['${App}']\n"    // 18
      "      Unclosed: !Sub 'a-${App'\n";  // 19
  SUBCASE("known inputs") {
    const LoadedFile loaded = load_template(text, given({{"AWS::Region", "eu-west-1"}}));
    CHECK(loaded.diagnostics.empty());
    const Value& param = property(loaded, "R", "Param");
    CHECK(param.text() == "shop-x");
    CHECK(where(param.span) == "12:14-12:28");
    CHECK(property(loaded, "R", "Literal").text() == "${App} and ${ Spaced} cost $5 {}");
    const Value& resource = property(loaded, "R", "Resource");
    CHECK(resource.text() == "s3://shop-logs/shop");  // Ref of a bucket is its BucketName
    CHECK(resource.refs == std::vector<std::string>{"Logs"});
    CHECK(property(loaded, "R", "Region").text() == "eu-west-1-shop");
    CHECK(property(loaded, "R", "Vars").text() == "shop.example.com");
    CHECK(property(loaded, "R", "Vars").refs.empty());  // the unused variable adds nothing
    CHECK(property(loaded, "R", "NoVars").text() == "shop");
    CHECK(property(loaded, "R", "Unclosed").text() == "a-${App");
  }
  SUBCASE("an unknown piece makes the whole string unknown, and keeps every ref") {
    const LoadedFile loaded = load_template(text);
    const Value& region = property(loaded, "R", "Region");
    CHECK(region.is_unknown());
    CHECK(region.text() ==
          "Fn::Sub: ${AWS::Region} is unknown: pseudo parameter AWS::Region is known only at "
          "deployment");
    const Value& attr = property(loaded, "R", "Attr");
    CHECK(attr.is_unknown());
    CHECK(attr.refs == std::vector<std::string>{"Queue"});
    CHECK(where(attr.span) == "16:13-16:31");
  }
}

TEST_CASE("cfn Fn::Join, Fn::Select, Fn::Split, Fn::Length") {
  const LoadedFile loaded = load_template(
      "Parameters:\n"
      "  Names: {Type: CommaDelimitedList, Default: 'a,b,c'}\n"
      "Resources:\n"
      "  Q: {Type: AWS::SQS::Queue}\n"
      "  R:\n"
      "    Type: AWS::Test::Thing\n"
      "    Properties:\n"
      "      Joined: !Join ['-', [x, 1, true, !Ref AWS::NoValue, y]]\n"
      "      JoinedParam: !Join ['', !Ref Names]\n"
      "      JoinedUnknown: !Join [':', [a, !Ref Q]]\n"
      "      Selected: !Select ['2', !Ref Names]\n"
      "      SelectedLiteral: !Select [0, [first, !Ref Q]]\n"
      "      SelectedUnknown: !Select [0, !GetAZs '']\n"
      "      StackSuffix: !Select [2, !Split ['/', !Ref AWS::StackId]]\n"
      "      Parts: !Split [',', 'a,,b']\n"
      "      Length: !Length [a, b, c]\n"
      "      LengthParam: {'Fn::Length': !Ref Names}\n");
  CHECK(loaded.diagnostics.empty());
  CHECK(property(loaded, "R", "Joined").text() == "x-1-true-y");
  CHECK(property(loaded, "R", "JoinedParam").text() == "abc");
  const Value& unknown = property(loaded, "R", "JoinedUnknown");
  CHECK(unknown.is_unknown());
  CHECK(unknown.refs == std::vector<std::string>{"Q"});
  CHECK(property(loaded, "R", "Selected").text() == "c");
  const Value& literal = property(loaded, "R", "SelectedLiteral");
  CHECK(literal.text() == "first");
  CHECK(literal.refs.empty());  // the other element's ref does not flow into this one
  CHECK(property(loaded, "R", "SelectedUnknown").is_unknown());
  CHECK(property(loaded, "R", "StackSuffix").is_unknown());
  CHECK(texts(property(loaded, "R", "Parts")) == std::vector<std::string>{"a", "", "b"});
  CHECK(property(loaded, "R", "Length").as_number() == 3);
  CHECK(property(loaded, "R", "LengthParam").as_number() == 3);
}

TEST_CASE("cfn Fn::Base64, Fn::ToJsonString, Fn::GetAZs, Fn::ImportValue, Fn::Transform") {
  const LoadedFile loaded = load_template(
      "Resources:\n"
      "  R:\n"
      "    Type: AWS::Test::Thing\n"
      "    Properties:\n"
      "      B64: !Base64 'hello!'\n"
      "      B64Short: !Base64 ab\n"
      "      B64Unknown: !Base64 {'Fn::Sub': '${AWS::StackName}'}\n"
      "      Json: {'Fn::ToJsonString': {a: [1, 'x\"y'], b: {c: true}}}\n"
      "      Zones: !GetAZs ''\n"
      "      Import: !ImportValue shared-vpc\n"
      "      Macro: {'Fn::Transform': {Name: AWS::Include, Parameters: {Location: s3://x}}}\n");
  CHECK(loaded.diagnostics.empty());
  CHECK(property(loaded, "R", "B64").text() == "aGVsbG8h");
  CHECK(property(loaded, "R", "B64Short").text() == "YWI=");
  CHECK(property(loaded, "R", "B64Unknown").is_unknown());
  CHECK(property(loaded, "R", "Json").text() == "{\"a\":[1,\"x\\\"y\"],\"b\":{\"c\":true}}");
  CHECK(property(loaded, "R", "Zones").text() ==
        "the availability zones of the stack's region are known only at deployment");
  CHECK(property(loaded, "R", "Import").text() ==
        "Fn::ImportValue of \"shared-vpc\", an export of another stack");
  CHECK(property(loaded, "R", "Macro").text() ==
        "Fn::Transform: the output of AWS::Include is known only at deployment");
}

TEST_CASE("cfn Fn::GetAZs stays unknown when the region is given") {
  const LoadedFile loaded = load_template(
      "Resources:\n  R:\n    Type: AWS::Test::Thing\n    Properties:\n"
      "      Zone: !Select [0, !GetAZs {Ref: 'AWS::Region'}]\n",
      given({{"AWS::Region", "eu-west-1"}}));
  CHECK(property(loaded, "R", "Zone").text() ==
        "Fn::Select from an unknown value: the availability zones of region eu-west-1 are known "
        "only at deployment");
}

TEST_CASE("cfn Fn::FindInMap: the value, placed at the call, with the mapping entry as origin") {
  const std::string text =
      "Parameters:\n"                                                          // 1
      "  Env: {Type: String, Default: prod}\n"                                 // 2
      "  Free: {Type: String}\n"                                               // 3
      "Mappings:\n"                                                            // 4
      "  Settings:\n"                                                          // 5
      "    prod: {Acl: Private, Zones: [a, b]}\n"                              // 6
      "    dev: {Acl: PublicRead}\n"                                           // 7
      "Resources:\n"                                                           // 8
      "  R:\n"                                                                 // 9
      "    Type: AWS::Test::Thing\n"                                           // 10
      "    Properties:\n"                                                      // 11
      "      Acl: !FindInMap [Settings, !Ref Env, Acl]\n"                      // 12
      "      Zones: !FindInMap [Settings, prod, Zones]\n"                      // 13
      "      Fallback: !FindInMap [Settings, test, Acl, {DefaultValue: x}]\n"  // 14
      "      ByFree: !FindInMap [Settings, !Ref Free, Acl]\n"                  // 15
      "      Missing: !FindInMap [Settings, test, Acl]\n";                     // 16
  const LoadedFile loaded = load_template(text);
  const Value& acl = property(loaded, "R", "Acl");
  CHECK(acl.text() == "Private");
  CHECK(where(acl.span) == "12:12-12:47");
  REQUIRE(acl.origin != nullptr);
  CHECK(where(acl.origin->span) == "6:17-6:23");
  CHECK(acl.origin->note == "Mappings.Settings.prod.Acl");
  const Value& zones = property(loaded, "R", "Zones");
  CHECK(texts(zones) == std::vector<std::string>{"a", "b"});
  CHECK(where(zones.items()[1].origin->span) == "6:37-6:37");
  CHECK(where(zones.items()[1].span) == "13:14-13:47");
  CHECK(property(loaded, "R", "Fallback").text() == "x");
  const Value& by_free = property(loaded, "R", "ByFree");
  CHECK(by_free.is_unknown());
  REQUIRE(by_free.candidates != nullptr);
  CHECK(texts(Value::list(*by_free.candidates)) ==
        std::vector<std::string>{"Private", "PublicRead"});
  CHECK(property(loaded, "R", "Missing").is_unknown());
  CHECK(warnings_of(loaded) ==
        std::vector<std::string>{
            "16: Fn::FindInMap: Mappings.Settings.test.Acl does not exist; the value is unknown"});
}

TEST_CASE("cfn Fn::Cidr in templates") {
  const LoadedFile loaded = load_template(
      "Parameters:\n"
      "  Block: {Type: String, Default: 10.0.0.0/16}\n"
      "Resources:\n"
      "  Vpc: {Type: AWS::EC2::VPC}\n"
      "  R:\n"
      "    Type: AWS::Test::Thing\n"
      "    Properties:\n"
      "      V4: !Cidr [!Ref Block, 3, 8]\n"
      "      Second: !Select [1, !Cidr ['192.168.0.0/24', '6', '5']]\n"
      "      V6: !Cidr ['2001:db8::/56', 2, 64]\n"
      "      FromVpc: !Select [0, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 1, 64]]\n"
      "      TooMany: !Cidr [10.0.0.0/24, 5, 7]\n");
  CHECK(texts(property(loaded, "R", "V4")) ==
        std::vector<std::string>{"10.0.0.0/24", "10.0.1.0/24", "10.0.2.0/24"});
  CHECK(property(loaded, "R", "Second").text() == "192.168.0.32/27");
  CHECK(texts(property(loaded, "R", "V6")) ==
        std::vector<std::string>{"2001:db8::/64", "2001:db8:0:1::/64"});
  const Value& from_vpc = property(loaded, "R", "FromVpc");
  CHECK(from_vpc.is_unknown());
  CHECK(from_vpc.refs == std::vector<std::string>{"Vpc"});
  CHECK(property(loaded, "R", "TooMany").is_unknown());
  CHECK(warnings_of(loaded) ==
        std::vector<std::string>{
            "12: Fn::Cidr: a /24 holds only 2 subnets of 7 bits; the value is unknown"});
}

TEST_CASE("cfn Fn::Cidr arithmetic") {
  CHECK(subnets("10.0.0.0/16", 2, 8) == std::vector<std::string>{"10.0.0.0/24", "10.0.1.0/24"});
  CHECK(subnets("10.0.7.9/16", 1, 12) == std::vector<std::string>{"10.0.0.0/20"});  // masked
  CHECK(subnets("10.1.0.0/16", 2, 16) ==
        std::vector<std::string>{"error: a /16 holds only 1 subnets of 16 bits"});
  CHECK(subnets("0.0.0.0/0", 2, 31) == std::vector<std::string>{"0.0.0.0/1", "128.0.0.0/1"});
  CHECK(subnets("10.0.0.0/30", 4, 0) ==
        std::vector<std::string>{"10.0.0.0/32", "10.0.0.1/32", "10.0.0.2/32", "10.0.0.3/32"});
  CHECK(subnets("2001:db8:1234:ff00::/56", 3, 64) ==
        std::vector<std::string>{"2001:db8:1234:ff00::/64", "2001:db8:1234:ff01::/64",
                                 "2001:db8:1234:ff02::/64"});
  CHECK(subnets("::/0", 2, 127) == std::vector<std::string>{"::/1", "8000::/1"});
  CHECK(subnets("2001:db8::/64", 2, 60) ==
        std::vector<std::string>{"2001:db8::/68", "2001:db8:0:0:1000::/68"});
  CHECK(subnets("::ffff:10.0.0.0/120", 2, 4).size() == 2);  // embedded IPv4 notation parses
  CHECK(subnets("fe80:0:0:0:0:0:0:0/64", 1, 64) == std::vector<std::string>{"fe80::/64"});
  CHECK(subnets("10.0.0/16", 1, 8) ==
        std::vector<std::string>{"error: \"10.0.0\" is not an IP address"});
  CHECK(subnets("10.0.0.256/16", 1, 8).front().starts_with("error"));
  CHECK(subnets("2001:db8:::/56", 1, 8).front().starts_with("error"));
  CHECK(subnets("1:2:3:4:5:6:7:8:9/56", 1, 8).front().starts_with("error"));
  CHECK(subnets("10.0.0.0", 1, 8) == std::vector<std::string>{"error: the block has no /prefix"});
  CHECK(subnets("10.0.0.0/33", 1, 8) ==
        std::vector<std::string>{"error: the block's prefix length is invalid"});
  CHECK(subnets("10.0.0.0/24", 1, 9) ==
        std::vector<std::string>{"error: subnets of 9 bits do not fit in a /24"});
  CHECK(subnets("10.0.0.0/8", 0, 8) ==
        std::vector<std::string>{"error: the count must be between 1 and 256"});
  CHECK(subnets("10.0.0.0/8", 256, 8).size() == 256);
}

TEST_CASE("cfn intrinsics: malformed arguments give unknowns and warnings naming the line") {
  const LoadedFile loaded = load_template(
      "Resources:\n"                                      // 1
      "  R:\n"                                            // 2
      "    Type: AWS::Test::Thing\n"                      // 3
      "    Properties:\n"                                 // 4
      "      A: !Join [a, b, c]\n"                        // 5
      "      B: !Select [5, [a, b]]\n"                    // 6
      "      C: !Sub 42\n"                                // 7
      "      D: !GetAtt Nothing\n"                        // 8
      "      E: !If [a, b]\n"                             // 9
      "      F: !Ref [x]\n"                               // 10
      "      G: !Select [-1, [a]]\n"                      // 11
      "      H: !Base64 [a]\n"                            // 12
      "      I: !Join ['', [a, [b]]]\n"                   // 13
      "      J: !FindInMap [Missing, a, b]\n"             // 14
      "      K: !Split ['', abc]\n"                       // 15
      "      L: !Ref Undeclared\n"                        // 16
      "      M: !Length notalist\n"                       // 17
      "      N: !Sub ['${X}', {X: !Ref AWS::NoValue}]\n"  // 18
      "      O: !Sub '${AWS::NoValue}'\n"                 // 19
      "      P: {'Fn::Unheard': [!Ref R]}\n");            // 20
  for (const Value::Entry& e : loaded.resources[0].attributes.entries()) {
    INFO(e.key);
    CHECK(e.value.is_unknown());
  }
  CHECK(loaded.resources[0].attributes.entries().size() == 16);
  const std::vector<std::string> expected = {
      "5: Fn::Join takes [delimiter, list]; the value is unknown",
      "6: Fn::Select: index 5 is out of range for a list of 2; the value is unknown",
      "7: Fn::Sub takes a string or [string, {name: value}]; the value is unknown",
      "8: Fn::GetAtt takes [resource, attribute] or \"resource.attribute\"; the value is unknown",
      "9: Fn::If takes [condition name, value if true, value if false]; the value is unknown",
      "10: Ref takes the name of a parameter or resource; the value is unknown",
      "11: Fn::Select takes a whole-number index and a list; the value is unknown",
      "12: Fn::Base64 takes a string; the value is unknown",
      "13: Fn::Join: element 1 is a list or map; the value is unknown",
      "14: Fn::FindInMap: Mappings.Missing.a.b does not exist; the value is unknown",
      "15: Fn::Split takes a non-empty delimiter and a string; the value is unknown",
      "16: Ref to \"Undeclared\", which the template does not declare; the value is unknown",
      "17: Fn::Length takes a list; the value is unknown",
      "18: Fn::Sub cannot take AWS::NoValue as an argument; the value is unknown",
      "19: AWS::NoValue can only remove a property or list element; the value is unknown",
  };
  CHECK(warnings_of(loaded) == expected);
  CHECK(loaded.resources[0].attributes.find("P")->text() ==
        "Fn::Unheard is not evaluated by iacscan");
}
