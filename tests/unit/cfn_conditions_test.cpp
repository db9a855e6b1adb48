// CloudFormation conditions: three-valued evaluation, resources left out by a false condition,
// Fn::If, AllowedValues in Fn::Equals, cycles, and linear time.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "cfn_test_support.hpp"

using iacscan::DiagnosticLevel;
using iacscan::detail::LoadedFile;
using iacscan::detail::Value;
using iacscan::testing::find_resource;
using iacscan::testing::given;
using iacscan::testing::load_template;
using iacscan::testing::property;
using iacscan::testing::resource_count;
using iacscan::testing::warnings_of;
using iacscan::testing::where;

namespace {

const char* const kEnvironmentTemplate =
    "Parameters:\n"                                                     // 1
    "  Env:\n"                                                          // 2
    "    Type: String\n"                                                // 3
    "  Tier:\n"                                                         // 4
    "    Type: String\n"                                                // 5
    "    Default: web\n"                                                // 6
    "Conditions:\n"                                                     // 7
    "  IsProd: !Equals [!Ref Env, prod]\n"                              // 8
    "  IsWeb: !Equals [!Ref Tier, web]\n"                               // 9
    "  IsNotWeb: !Not [!Condition IsWeb]\n"                             // 10
    "  ProdWeb: !And [!Condition IsProd, !Condition IsWeb]\n"           // 11
    "  ProdOrNotWeb: !Or [!Condition IsProd, !Condition IsNotWeb]\n"    // 12
    "  ProdAndNotWeb: !And [!Condition IsProd, !Condition IsNotWeb]\n"  // 13
    "  ProdOrWeb: !Or [!Condition IsProd, !Condition IsWeb]\n"          // 14
    "Resources:\n"                                                      // 15
    "  Always:\n"                                                       // 16
    "    Type: AWS::S3::Bucket\n"                                       // 17
    "  WebOnly:\n"                                                      // 18
    "    Type: AWS::S3::Bucket\n"                                       // 19
    "    Condition: IsWeb\n"                                            // 20
    "  NotWeb:\n"                                                       // 21
    "    Type: AWS::S3::Bucket\n"                                       // 22
    "    Condition: IsNotWeb\n"                                         // 23
    "  ProdOnly:\n"                                                     // 24
    "    Type: AWS::S3::Bucket\n"                                       // 25
    "    Condition: IsProd\n"                                           // 26
    "  ProdAndNotWebOnly:\n"                                            // 27
    "    Type: AWS::S3::Bucket\n"                                       // 28
    "    Condition: ProdAndNotWeb\n"                                    // 29
    "  Values:\n"                                                       // 30
    "    Type: AWS::Test::Thing\n"                                      // 31
    "    Properties:\n"                                                 // 32
    "      Web: !If [IsWeb, yes, no]\n"                                 // 33
    "      NotWeb: !If [IsNotWeb, yes, no]\n"                           // 34
    "      Prod: !If [IsProd, !Ref Always, !Ref WebOnly]\n"             // 35
    "      ProdOrNotWeb: !If [ProdOrNotWeb, yes, no]\n"                 // 36
    "      ProdOrWeb: !If [ProdOrWeb, yes, no]\n"                       // 37
    "      ProdWeb: !If [ProdWeb, yes, no]\n"                           // 38
    "      Gone: !If [IsWeb, !Ref AWS::NoValue, here]\n"                // 39
    "      Kept: !If [IsNotWeb, !Ref AWS::NoValue, here]\n"             // 40
    "      List: [a, !If [IsWeb, !Ref AWS::NoValue, b], c]\n";          // 41

}  // namespace

TEST_CASE("cfn conditions: false leaves a resource out, unknown keeps it") {
  const LoadedFile loaded = load_template(kEnvironmentTemplate);
  CHECK(loaded.diagnostics.empty());
  CHECK(find_resource(loaded, "Always") != nullptr);
  CHECK(find_resource(loaded, "WebOnly") != nullptr);            // true
  CHECK(find_resource(loaded, "NotWeb") == nullptr);             // false
  CHECK(find_resource(loaded, "ProdOnly") != nullptr);           // unknown
  CHECK(find_resource(loaded, "ProdAndNotWebOnly") == nullptr);  // unknown and false
}

TEST_CASE("cfn conditions: Fn::If takes the chosen branch, or is unknown") {
  const LoadedFile loaded = load_template(kEnvironmentTemplate);
  const Value& web = property(loaded, "Values", "Web");
  CHECK(web.text() == "yes");
  CHECK(where(web.span) == "33:24-33:26");  // the chosen literal
  CHECK(property(loaded, "Values", "NotWeb").text() == "no");
  CHECK(property(loaded, "Values", "ProdOrWeb").text() == "yes");  // unknown or true
  CHECK(property(loaded, "Values", "ProdOrNotWeb").is_unknown());  // unknown or false
  CHECK(property(loaded, "Values", "ProdWeb").is_unknown());       // unknown and true

  // Unknown: never a guess, but the refs of both branches, and both candidates.
  const Value& prod = property(loaded, "Values", "Prod");
  CHECK(prod.is_unknown());
  CHECK(prod.text() == "Fn::If on condition \"IsProd\", which is unknown before deployment");
  CHECK(where(prod.span) == "35:13-35:51");
  CHECK(prod.refs == std::vector<std::string>{"Always", "WebOnly"});
  const Value& prod_or_not_web = property(loaded, "Values", "ProdOrNotWeb");
  REQUIRE(prod_or_not_web.candidates != nullptr);
  CHECK(prod_or_not_web.candidates->size() == 2);

  // AWS::NoValue through Fn::If removes the property or the list element.
  CHECK(loaded.resources.back().attributes.find("Gone") == nullptr);
  CHECK(property(loaded, "Values", "Kept").text() == "here");
  const Value& list = property(loaded, "Values", "List");
  REQUIRE(list.items().size() == 2);
  CHECK(list.items()[1].text() == "c");
}

TEST_CASE("cfn conditions: given parameters decide them") {
  const LoadedFile prod = load_template(kEnvironmentTemplate, given({{"Env", "prod"}}));
  CHECK(find_resource(prod, "ProdOnly") != nullptr);
  CHECK(property(prod, "Values", "Prod").refs == std::vector<std::string>{"Always"});
  CHECK(property(prod, "Values", "ProdWeb").text() == "yes");
  const LoadedFile dev =
      load_template(kEnvironmentTemplate, given({{"Env", "dev"}, {"Tier", "db"}}));
  CHECK(find_resource(dev, "ProdOnly") == nullptr);
  CHECK(find_resource(dev, "WebOnly") == nullptr);
  CHECK(find_resource(dev, "NotWeb") != nullptr);
  CHECK(property(dev, "Values", "Prod").refs == std::vector<std::string>{"WebOnly"});
}

TEST_CASE("cfn conditions: AllowedValues settle an Fn::Equals on an unknown parameter") {
  const LoadedFile loaded = load_template(
      "Parameters:\n"
      "  Env: {Type: String, AllowedValues: [dev, test]}\n"
      "Conditions:\n"
      "  IsProd: !Equals [prod, !Ref Env]\n"
      "  IsDev: !Equals [!Ref Env, dev]\n"
      "Resources:\n"
      "  Prod: {Type: AWS::S3::Bucket, Condition: IsProd}\n"
      "  Dev: {Type: AWS::S3::Bucket, Condition: IsDev}\n");
  CHECK(find_resource(loaded, "Prod") == nullptr);
  CHECK(find_resource(loaded, "Dev") != nullptr);
}

TEST_CASE("cfn conditions: JSON spelling, FindInMap and Sub inside Fn::Equals") {
  const LoadedFile loaded = load_template(
      "{\"Mappings\": {\"Env\": {\"prod\": {\"Public\": \"yes\"}}},\n"
      " \"Conditions\": {\n"
      "  \"Public\": {\"Fn::Equals\": [{\"Fn::FindInMap\": [\"Env\", \"prod\", \"Public\"]}, "
      "\"yes\"]},\n"
      "  \"Named\": {\"Fn::Equals\": [{\"Fn::Sub\": \"a-${AWS::Region}\"}, \"a-eu-west-1\"]},\n"
      "  \"Both\": {\"Fn::And\": [{\"Condition\": \"Public\"}, {\"Condition\": \"Named\"}]}},\n"
      " \"Resources\": {\n"
      "  \"A\": {\"Type\": \"AWS::S3::Bucket\", \"Condition\": \"Both\"},\n"
      "  \"B\": {\"Type\": \"AWS::S3::Bucket\", \"Condition\": \"Public\"}}}\n",
      given({{"AWS::Region", "us-east-1"}}), "t.json");
  CHECK(find_resource(loaded, "A") == nullptr);
  CHECK(find_resource(loaded, "B") != nullptr);
}

TEST_CASE("cfn conditions: undeclared and malformed conditions are unknown, with a warning") {
  const LoadedFile loaded = load_template(
      "Conditions:\n"                                       // 1
      "  Broken: !Equals [only-one]\n"                      // 2
      "  Odd: !Join [',', [a]]\n"                           // 3
      "Resources:\n"                                        // 4
      "  A: {Type: AWS::S3::Bucket, Condition: Missing}\n"  // 5
      "  B: {Type: AWS::S3::Bucket, Condition: Broken}\n"   // 6
      "  C:\n"                                              // 7
      "    Type: AWS::Test::Thing\n"                        // 8
      "    Properties:\n"                                   // 9
      "      V: !If [Odd, a, b]\n");                        // 10
  CHECK(loaded.resources.size() == 3);
  CHECK(property(loaded, "C", "V").is_unknown());
  const std::vector<std::string> expected = {
      "2: Fn::Equals has the wrong number of arguments; it is unknown",
      "3: Fn::Join cannot be used in a condition; it is unknown",
      "5: condition \"Missing\" is not declared in Conditions; it is unknown"};
  CHECK(warnings_of(loaded) == expected);
  for (const auto& d : loaded.diagnostics) CHECK(d.level == DiagnosticLevel::warning);
}

TEST_CASE("cfn conditions: a cycle makes its members unknown, with one warning") {
  const LoadedFile loaded = load_template(
      "Conditions:\n"
      "  A: !And [!Condition B, !Equals [x, x]]\n"
      "  B: !Not [!Condition C]\n"
      "  C: !Or [!Condition A, !Equals [x, y]]\n"
      "  D: !Not [!Condition A]\n"
      "  Fine: !Equals [x, y]\n"
      "Resources:\n"
      "  InCycle: {Type: AWS::S3::Bucket, Condition: B}\n"
      "  AfterCycle: {Type: AWS::S3::Bucket, Condition: D}\n"
      "  Excluded: {Type: AWS::S3::Bucket, Condition: Fine}\n");
  CHECK(find_resource(loaded, "InCycle") != nullptr);
  CHECK(find_resource(loaded, "AfterCycle") != nullptr);
  CHECK(find_resource(loaded, "Excluded") == nullptr);
  const std::vector<std::string> expected = {
      "2: conditions refer to each other in a cycle (A -> B -> C -> A); they are unknown"};
  CHECK(warnings_of(loaded) == expected);
}

TEST_CASE("cfn conditions: linear time, however many conditions and however nested") {
  // 30 independent conditions, each on its own unknown parameter, and a chain in which every
  // condition uses the two before it: enumerating scenarios or re-evaluating would take
  // 2^30 or fib(60) steps.
  std::string text = "Parameters:\n";
  for (int i = 0; i < 30; ++i) text += "  P" + std::to_string(i) + ": {Type: String}\n";
  text += "Conditions:\n";
  for (int i = 0; i < 30; ++i) {
    text += "  C" + std::to_string(i) + ": !Equals [!Ref P" + std::to_string(i) + ", on]\n";
  }
  text += "  Chain0: !Condition C0\n  Chain1: !Condition C1\n";
  for (int i = 2; i < 60; ++i) {
    text += "  Chain" + std::to_string(i) + ": !Or [!Condition Chain" + std::to_string(i - 1) +
            ", !Condition Chain" + std::to_string(i - 2) + ", !Condition C" +
            std::to_string(i % 30) + "]\n";
  }
  text += "Resources:\n";
  for (int i = 0; i < 30; ++i) {
    text += "  B" + std::to_string(i) + ":\n    Type: AWS::S3::Bucket\n    Condition: C" +
            std::to_string(i) + "\n    Properties:\n      AccessControl: !If [Chain59, " +
            "!If [C" + std::to_string(i) + ", PublicRead, Private], Private]\n";
  }
  const auto started = std::chrono::steady_clock::now();
  const LoadedFile loaded = load_template(text);
  const auto elapsed = std::chrono::steady_clock::now() - started;
  CHECK(resource_count(loaded) == 30);
  CHECK(property(loaded, "B7", "AccessControl").is_unknown());
  CHECK(loaded.diagnostics.empty());
  // Milliseconds in an optimised build; generous for sanitizer builds.
  CHECK(elapsed < std::chrono::milliseconds(500));
}
