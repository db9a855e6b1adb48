// CloudFormation references between resources (edges, and values known from the referenced
// resource's properties), dynamic references, AWS::NoValue, suppression metadata, and the
// positions every evaluated value keeps.
#include <doctest/doctest.h>

#include <chrono>
#include <functional>
#include <string>

#include "cfn_test_support.hpp"
#include "graph/resource_graph.hpp"
#include "value/dynamic_reference.hpp"

using iacscan::detail::build_graph;
using iacscan::detail::dynamic_reference_service;
using iacscan::detail::Edge;
using iacscan::detail::is_dynamic_reference;
using iacscan::detail::KindCatalog;
using iacscan::detail::LoadedFile;
using iacscan::detail::Skip;
using iacscan::detail::Value;
using iacscan::testing::find_resource;
using iacscan::testing::given;
using iacscan::testing::load_template;
using iacscan::testing::property;
using iacscan::testing::resource_of;
using iacscan::testing::warnings_of;
using iacscan::testing::where;

TEST_CASE("cfn references: Ref and Fn::GetAtt known from the resource's own properties") {
  const std::string text =
      "Parameters:\n"                                  // 1
      "  Name: {Type: String, Default: assets}\n"      // 2
      "Resources:\n"                                   // 3
      "  Bucket:\n"                                    // 4
      "    Type: AWS::S3::Bucket\n"                    // 5
      "    Properties:\n"                              // 6
      "      BucketName: !Ref Name\n"                  // 7
      "  Literal:\n"                                   // 8
      "    Type: AWS::S3::Bucket\n"                    // 9
      "    Properties: {BucketName: literal-name}\n"   // 10
      "  Unnamed:\n"                                   // 11
      "    Type: AWS::S3::Bucket\n"                    // 12
      "  Role:\n"                                      // 13
      "    Type: AWS::IAM::Role\n"                     // 14
      "    Properties: {RoleName: deployer}\n"         // 15
      "  Queue:\n"                                     // 16
      "    Type: AWS::SQS::Queue\n"                    // 17
      "    Properties: {QueueName: jobs}\n"            // 18
      "  Topic:\n"                                     // 19
      "    Type: AWS::SNS::Topic\n"                    // 20
      "  R:\n"                                         // 21
      "    Type: AWS::Test::Thing\n"                   // 22
      "    Properties:\n"                              // 23
      "      BucketRef: !Ref Bucket\n"                 // 24
      "      LiteralRef: !Ref Literal\n"               // 25
      "      UnnamedRef: !Ref Unnamed\n"               // 26
      "      BucketArn: !GetAtt Bucket.Arn\n"          // 27
      "      RoleRef: !Ref Role\n"                     // 28
      "      RoleArn: !GetAtt Role.Arn\n"              // 29
      "      QueueRef: !Ref Queue\n"                   // 30
      "      QueueName: !GetAtt [Queue, QueueName]\n"  // 31
      "      TopicRef: !Ref Topic\n"                   // 32
      "      Nested: [{Target: !Ref Role}]\n";         // 33
  SUBCASE("nothing given") {
    const LoadedFile loaded = load_template(text);
    CHECK(loaded.diagnostics.empty());
    const Value& bucket = property(loaded, "R", "BucketRef");
    CHECK(bucket.text() == "assets");
    CHECK(bucket.refs == std::vector<std::string>{"Bucket"});
    CHECK(where(bucket.span) == "24:18-24:28");
    // The deepest origin wins: the parameter default the name came from.
    CHECK(bucket.origin->note == "default of parameter \"Name\"");
    const Value& literal = property(loaded, "R", "LiteralRef");
    CHECK(literal.text() == "literal-name");
    CHECK(where(literal.origin->span) == "10:30-10:41");
    CHECK(literal.origin->note == "BucketName of resource \"Literal\"");
    const Value& unnamed = property(loaded, "R", "UnnamedRef");
    CHECK(unnamed.is_unknown());
    CHECK(unnamed.text() == "reference to resource Unnamed");
    CHECK(unnamed.refs == std::vector<std::string>{"Unnamed"});
    const Value& arn = property(loaded, "R", "BucketArn");  // the partition is unknown
    CHECK(arn.is_unknown());
    CHECK(arn.refs == std::vector<std::string>{"Bucket"});
    CHECK(property(loaded, "R", "RoleRef").text() == "deployer");
    CHECK(property(loaded, "R", "RoleArn").is_unknown());
    CHECK(property(loaded, "R", "QueueRef").is_unknown());  // a queue's Ref is its URL
    CHECK(property(loaded, "R", "QueueName").text() == "jobs");
    CHECK(property(loaded, "R", "TopicRef").is_unknown());
    CHECK(property(loaded, "R", "Nested").items()[0].find("Target")->refs ==
          std::vector<std::string>{"Role"});
  }
  SUBCASE("with the partition known, the bucket ARN is known") {
    const LoadedFile loaded = load_template(text, given({{"AWS::Region", "us-gov-west-1"}}));
    const Value& arn = property(loaded, "R", "BucketArn");
    CHECK(arn.text() == "arn:aws-us-gov:s3:::assets");
    CHECK(arn.refs == std::vector<std::string>{"Bucket"});
    CHECK(where(arn.span) == "27:18-27:35");
  }
}

TEST_CASE("cfn references: resources referring to each other in a cycle") {
  const LoadedFile loaded = load_template(
      "Resources:\n"
      "  A:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Properties: {BucketName: !Sub '${B}-a'}\n"
      "  B:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Properties: {BucketName: !Sub '${A}-b', Self: !Ref B}\n");
  REQUIRE(loaded.resources.size() == 2);
  const Value& a = property(loaded, "A", "BucketName");
  CHECK(a.is_unknown());
  // A's name depends on B's, which depends on A's: the cycle shows in the refs.
  CHECK(a.refs == std::vector<std::string>{"A", "B"});
  CHECK(property(loaded, "B", "BucketName").is_unknown());
  CHECK(property(loaded, "B", "Self").refs == std::vector<std::string>{"B"});
}

TEST_CASE("cfn references: a resource left out by its condition") {
  const LoadedFile loaded = load_template(
      "Conditions:\n"
      "  Never: !Equals [a, b]\n"
      "Resources:\n"
      "  Gone:\n"
      "    Type: AWS::S3::Bucket\n"
      "    Condition: Never\n"
      "    Properties: {BucketName: gone}\n"
      "  R:\n"
      "    Type: AWS::Test::Thing\n"
      "    Properties: {Target: !Ref Gone, Guarded: !If [Never, !Ref Gone, !Ref AWS::NoValue]}\n");
  CHECK(find_resource(loaded, "Gone") == nullptr);
  const Value& target = property(loaded, "R", "Target");
  CHECK(target.is_unknown());
  CHECK(target.text() ==
        "Ref of resource \"Gone\": the resource's condition is false, so it does not exist");
  CHECK(resource_of(loaded, "R").attributes.find("Guarded") == nullptr);
}

TEST_CASE("cfn dynamic references are unknowns marked as such, never literals") {
  const LoadedFile loaded = load_template(
      "Parameters:\n"
      "  Secret: {Type: String}\n"
      "Resources:\n"
      "  Db:\n"
      "    Type: AWS::RDS::DBInstance\n"
      "    Properties:\n"
      "      A: '{{resolve:secretsmanager:prod/db:SecretString:password}}'\n"
      "      B: '{{resolve:ssm-secure:/db/password:3}}'\n"
      "      C: 'prefix-{{resolve:ssm:/app/name}}'\n"
      "      D: !Sub '{{resolve:secretsmanager:${Secret}:SecretString:password}}'\n"
      "      E: !Join ['', ['{{resolve:secretsmanager:', !Ref Secret, '}}']]\n"
      "      F: '{{resolve:vault:x}}'\n"
      "      G: [{Nested: '{{resolve:ssm:/a}}'}]\n"
      "      H: !Base64 '{{resolve:ssm:/a}}'\n");
  const auto service = [&](const char* key) {
    const Value& v = property(loaded, "Db", key);
    CHECK(is_dynamic_reference(v));
    return std::string{dynamic_reference_service(v)};
  };
  CHECK(service("A") == "secretsmanager");
  CHECK(property(loaded, "Db", "A").text() ==
        "dynamic reference to secretsmanager: "
        "{{resolve:secretsmanager:prod/db:SecretString:password}}");
  CHECK(where(property(loaded, "Db", "A").span) == "7:10-7:67");
  CHECK(service("B") == "ssm-secure");
  CHECK(service("C") == "ssm");
  CHECK(service("D") == "secretsmanager");
  CHECK(
      property(loaded, "Db", "D").text() ==
      "dynamic reference to secretsmanager: {{resolve:secretsmanager:...:SecretString:password}}");
  CHECK(service("E") == "secretsmanager");
  CHECK(property(loaded, "Db", "F").text() == "{{resolve:vault:x}}");  // not a dynamic reference
  CHECK_FALSE(is_dynamic_reference(property(loaded, "Db", "F")));
  CHECK(is_dynamic_reference(*property(loaded, "Db", "G").items()[0].find("Nested")));
  CHECK(service("H") == "ssm");
  CHECK_FALSE(is_dynamic_reference(Value::unknown("parameter \"x\" has no default")));
  CHECK_FALSE(is_dynamic_reference(Value::string("dynamic reference to ssm: x")));
}

TEST_CASE("cfn AWS::NoValue removes properties and list elements") {
  const LoadedFile loaded = load_template(
      "{\"Resources\": {\"R\": {\"Type\": \"AWS::Test::Thing\", \"Properties\": {\n"
      "  \"Gone\": {\"Ref\": \"AWS::NoValue\"},\n"
      "  \"List\": [\"a\", {\"Ref\": \"AWS::NoValue\"}, \"b\"],\n"
      "  \"Map\": {\"Inner\": {\"Ref\": \"AWS::NoValue\"}, \"Kept\": 1}}}}}\n",
      {}, "t.json");
  const Value& attributes = resource_of(loaded, "R").attributes;
  CHECK(attributes.find("Gone") == nullptr);
  CHECK(property(loaded, "R", "List").items().size() == 2);
  CHECK(property(loaded, "R", "Map").entries().size() == 1);
  CHECK(loaded.diagnostics.empty());
}

TEST_CASE("cfn suppression metadata is kept on the resource") {
  const LoadedFile loaded = load_template(
      "Resources:\n"                                                // 1
      "  Site:\n"                                                   // 2
      "    Type: AWS::S3::Bucket\n"                                 // 3
      "    Metadata:\n"                                             // 4
      "      iacscan:\n"                                            // 5
      "        skip:\n"                                             // 6
      "          - id: s3-bucket-public-acl\n"                      // 7
      "            reason: a public website, fronted by nothing\n"  // 8
      "          - id: s3-no-logging\n"                             // 9
      "          - reason: no id\n"                                 // 10
      "      checkov:\n"                                            // 11
      "        skip:\n"                                             // 12
      "          - {id: CKV_AWS_20, comment: public on purpose}\n"  // 13
      "      cfn_nag:\n"                                            // 14
      "        rules_to_suppress:\n"                                // 15
      "          - {id: W35, reason: no access logs}\n"             // 16
      "    Properties: {AccessControl: PublicRead}\n"               // 17
      "  Plain:\n"                                                  // 18
      "    Type: AWS::S3::Bucket\n"                                 // 19
      "    Metadata: {iacscan: {skip: not-a-list}}\n");             // 20
  const std::vector<Skip>& skips = resource_of(loaded, "Site").skips;
  REQUIRE(skips.size() == 4);
  CHECK(skips[0].tool == "iacscan");
  CHECK(skips[0].id == "s3-bucket-public-acl");
  CHECK(skips[0].reason == "a public website, fronted by nothing");
  CHECK(where(skips[0].span) == "7:13-8:56");
  CHECK(skips[1].id == "s3-no-logging");
  CHECK(skips[1].reason.empty());
  CHECK(skips[2].tool == "checkov");
  CHECK(skips[2].id == "CKV_AWS_20");
  CHECK(skips[2].reason == "public on purpose");
  CHECK(skips[3].tool == "cfn_nag");
  CHECK(skips[3].id == "W35");
  CHECK(skips[3].reason == "no access logs");
  CHECK(resource_of(loaded, "Plain").skips.empty());
  const std::vector<std::string> expected = {
      "10: an entry of Metadata.iacscan.skip has no id; it is ignored",
      "20: Metadata.iacscan.skip must be a list of {id, reason}; it is ignored"};
  CHECK(warnings_of(loaded) == expected);
}

TEST_CASE("cfn evaluation: every value keeps a position in the template") {
  const LoadedFile loaded = load_template(
      "Parameters:\n"
      "  Names: {Type: CommaDelimitedList, Default: 'a,b'}\n"
      "Mappings:\n"
      "  M: {k: {v: [1, {x: y}]}}\n"
      "Conditions:\n"
      "  C: !Equals [!Ref AWS::Region, x]\n"
      "Resources:\n"
      "  Q: {Type: AWS::SQS::Queue}\n"
      "  R:\n"
      "    Type: AWS::Test::Thing\n"
      "    Properties:\n"
      "      A: [!Ref Names, !FindInMap [M, k, v], !Sub 'x', !Join ['', [a]], !If [C, a, b]]\n"
      "      B: {x: !GetAtt Q.Arn, y: !Split [',', 'a,b'], z: !Cidr [10.0.0.0/8, 2, 8]}\n"
      "      C: !Select [0, !Ref Names]\n");
  std::function<void(const Value&)> check_spans = [&](const Value& v) {
    CHECK(v.span.valid());
    for (const Value& item : v.items()) check_spans(item);
    for (const Value::Entry& e : v.entries()) check_spans(e.value);
  };
  check_spans(resource_of(loaded, "R").attributes);
}

TEST_CASE("cfn evaluation: long chains written in reverse order neither overflow nor crawl") {
  // Each bucket is named after the next one, and each condition uses the next one: evaluated
  // in declaration order, every step goes one level deeper.
  constexpr int kLength = 3000;
  std::string text = "Conditions:\n";
  for (int i = 0; i < kLength; ++i) {
    text += "  C" + std::to_string(i) + ": " +
            (i + 1 < kLength ? "!Not [!Condition C" + std::to_string(i + 1) + "]\n"
                             : std::string{"!Equals [a, a]\n"});
  }
  text += "Resources:\n";
  for (int i = 0; i < kLength; ++i) {
    text += "  B" + std::to_string(i) + ":\n    Type: AWS::S3::Bucket\n    Properties:\n" +
            "      BucketName: " +
            (i + 1 < kLength ? "!Ref B" + std::to_string(i + 1) : std::string{"last"}) + "\n";
  }
  text += "  Guarded:\n    Type: AWS::S3::Bucket\n    Condition: C" + std::to_string(kLength - 2) +
          "\n";
  const auto started = std::chrono::steady_clock::now();
  const LoadedFile loaded = load_template(text);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(5));
  CHECK(loaded.resources.size() == kLength);  // C[kLength - 2] is false: Guarded is left out
  CHECK(property(loaded, "B" + std::to_string(kLength - 2), "BucketName").text() == "last");
  CHECK(property(loaded, "B0", "BucketName").is_unknown());  // beyond the nesting limit
  CHECK_FALSE(loaded.diagnostics.empty());
  for (const auto& d : loaded.diagnostics) CHECK(d.level == iacscan::DiagnosticLevel::warning);
}

TEST_CASE("cfn references become graph edges, through any intrinsic and unknown conditions") {
  std::vector<LoadedFile> files;
  files.push_back(load_template(
      "Parameters:\n"
      "  Env: {Type: String}\n"
      "Conditions:\n"
      "  IsProd: !Equals [!Ref Env, prod]\n"
      "  Never: !Equals [a, b]\n"
      "Resources:\n"
      "  Logs: {Type: AWS::S3::Bucket}\n"  // 0
      "  Key: {Type: AWS::KMS::Key}\n"     // 1
      "  Gone: {Type: AWS::SQS::Queue, Condition: Never}\n"
      "  Site:\n"  // 2
      "    Type: AWS::S3::Bucket\n"
      "    Properties:\n"
      "      LoggingConfiguration: {DestinationBucketName: !If [IsProd, !Ref Logs, !Ref Key]}\n"
      "      Tags: [{Key: k, Value: !Sub '${Key.Arn}-${Gone}'}]\n"));
  KindCatalog kinds;
  const auto graph = build_graph(files, kinds);
  REQUIRE(graph.resources.size() == 4);  // three resources, then parameter Env
  const std::vector<Edge> expected = {
      {2, 0, "LoggingConfiguration"}, {2, 1, "LoggingConfiguration"}, {2, 1, "Tags"}};
  CHECK(graph.edges == expected);
}
