// CloudFormation loading: short-form tags, template detection, resources with their
// properties evaluated, and how unreadable files are reported.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "cloudformation/short_form_tags.hpp"
#include "cloudformation/template_loader.hpp"
#include "test_support.hpp"
#include "value/yaml_reader.hpp"

using iacscan::DiagnosticCode;
using iacscan::detail::cloudformation_tag_handler;
using iacscan::detail::load_cloudformation_file;
using iacscan::detail::LoadedFile;
using iacscan::detail::read_yaml;
using iacscan::detail::ReadResult;
using iacscan::detail::Resource;
using iacscan::detail::SourceFile;
using iacscan::detail::SourceFormat;
using iacscan::detail::Span;
using iacscan::detail::Value;

using iacscan::testing::where;

namespace {

Value cfn_yaml(const std::string& text) {
  ReadResult result = read_yaml(text, 0, cloudformation_tag_handler());
  INFO("input: " << text);
  if (result.error) INFO("error: " << result.error->message);
  REQUIRE(result.ok());
  return *result.value;
}

LoadedFile load(const std::string& text, const std::string& path = "stack/template.yaml") {
  SourceFile file;
  file.id = 4;
  file.path = path;
  file.content = text;
  return load_cloudformation_file(file);
}

const Resource* resource(const LoadedFile& loaded, const std::string& address) {
  for (const Resource& r : loaded.resources) {
    if (r.address == address) return &r;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("cfn short forms: !Ref, !Condition and every Fn:: tag") {
  const Value ref = cfn_yaml("v: !Ref Bucket\n");
  const Value& call = *ref.find("v");
  REQUIRE(call.is_map());
  REQUIRE(call.entries().size() == 1);
  CHECK(call.entries()[0].key == "Ref");
  CHECK(call.find("Ref")->text() == "Bucket");
  CHECK(where(call.span) == "1:4-1:14");
  CHECK(where(call.entries()[0].key_span) == "1:4-1:14");
  CHECK(where(call.find("Ref")->span) == "1:9-1:14");

  CHECK(cfn_yaml("v: !Condition IsProd\n").find("v")->find("Condition")->text() == "IsProd");

  for (const char* name :
       {"Sub", "Join", "Select", "Split", "If", "Equals", "And", "Or", "Not", "FindInMap", "Base64",
        "Cidr", "ImportValue", "GetAZs", "Transform", "Length", "ToJsonString"}) {
    INFO(name);
    const Value doc = cfn_yaml(std::string{"v: !"} + name + " [a, b]\n");
    const Value* argument = doc.find("v")->find(std::string{"Fn::"} + name);
    REQUIRE(argument != nullptr);
    CHECK(argument->is_list());
  }
  // Unknown tags are left alone.
  CHECK(cfn_yaml("v: !Whatever x\n").find("v")->text() == "x");
}

TEST_CASE("cfn short forms: both !GetAtt forms") {
  const Value doc = cfn_yaml(
      "a: !GetAtt Bucket.Arn\n"
      "b: !GetAtt [Db, Endpoint.Address]\n"
      "c: !GetAtt \"Db.Endpoint.Port\"\n");
  const Value& a = *doc.find("a")->find("Fn::GetAtt");
  REQUIRE(a.is_list());
  CHECK(a.items()[0].text() == "Bucket");
  CHECK(a.items()[1].text() == "Arn");
  CHECK(where(a.items()[0].span) == "1:12-1:17");
  CHECK(where(a.items()[1].span) == "1:19-1:21");
  CHECK(where(doc.find("a")->span) == "1:4-1:21");
  const Value& b = *doc.find("b")->find("Fn::GetAtt");
  CHECK(b.items()[1].text() == "Endpoint.Address");
  const Value& c = *doc.find("c")->find("Fn::GetAtt");
  CHECK(c.items()[0].text() == "Db");
  CHECK(c.items()[1].text() == "Endpoint.Port");
  CHECK(where(c.items()[0].span) == "3:13-3:14");
}

TEST_CASE("cfn loader: template detection") {
  SUBCASE("AWSTemplateFormatVersion makes a template, even without resources") {
    const LoadedFile loaded = load("AWSTemplateFormatVersion: '2010-09-09'\nDescription: x\n");
    CHECK(loaded.is_iac);
    CHECK(loaded.resources.empty());
    CHECK(loaded.diagnostics.empty());
  }
  SUBCASE("Resources with AWS:: / Custom:: types") {
    CHECK(load("Resources:\n  Q:\n    Type: AWS::SQS::Queue\n").is_iac);
    CHECK(load("Resources:\n  Q:\n    Type: Custom::Thing\n").is_iac);
  }
  SUBCASE("a JSON template") {
    const LoadedFile loaded =
        load("{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}", "t.json");
    CHECK(loaded.is_iac);
    REQUIRE(loaded.resources.size() == 1);
    CHECK(where(loaded.resources[0].span) == "1:16-1:47");
  }
  SUBCASE("a Kubernetes manifest is not a template") {
    const LoadedFile loaded = load(
        "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n"
        "spec:\n  template:\n    spec:\n      containers:\n        - name: web\n"
        "          image: nginx\n---\napiVersion: v1\nkind: Service\n");
    CHECK_FALSE(loaded.is_iac);
    CHECK(loaded.diagnostics.empty());
  }
  SUBCASE("a buildspec is not a template") {
    const LoadedFile loaded = load(
        "version: 0.2\nphases:\n  build:\n    commands:\n      - make\n"
        "artifacts:\n  files:\n    - '**/*'\n");
    CHECK_FALSE(loaded.is_iac);
  }
  SUBCASE("package.json is not a template") {
    const LoadedFile loaded =
        load("{\n  \"name\": \"app\",\n  \"dependencies\": {\"left-pad\": \"1.0.0\"}\n}\n",
             "package.json");
    CHECK_FALSE(loaded.is_iac);
  }
  SUBCASE("Resources that are not AWS resources") {
    CHECK_FALSE(load("Resources:\n  images:\n    Type: png\n").is_iac);
  }
}

TEST_CASE("cfn loader: resources with spans and properties") {
  const LoadedFile loaded = load(
      "AWSTemplateFormatVersion: \"2010-09-09\"\n"                        // 1
      "Parameters:\n"                                                     // 2
      "  Env:\n"                                                          // 3
      "    Type: String\n"                                                // 4
      "    Default: prod\n"                                               // 5
      "  Name:\n"                                                         // 6
      "    Type: String\n"                                                // 7
      "Resources:\n"                                                      // 8
      "  Logs:\n"                                                         // 9
      "    Type: AWS::S3::Bucket\n"                                       // 10
      "  Data:\n"                                                         // 11
      "    Type: AWS::S3::Bucket\n"                                       // 12
      "    Properties:\n"                                                 // 13
      "      BucketName: !Ref Env\n"                                      // 14
      "      Owner: !Ref Name\n"                                          // 15
      "      Region: !Ref AWS::Region\n"                                  // 16
      "      LoggingConfiguration:\n"                                     // 17
      "        DestinationBucketName: !Ref Logs\n"                        // 18
      "      Acl: !Ref AWS::NoValue\n"                                    // 19
      "      Arn: !GetAtt Logs.Arn\n"                                     // 20
      "      Sub: !Sub 'arn:${Logs}/${Logs.Arn}/${!x}/${AWS::Region}'\n"  // 21
      "      Joined: !Join ['', [!Ref Logs, !Ref Env]]\n"                 // 22
      "      List: [a, !Ref AWS::NoValue, b]\n"                           // 23
      "  NoType:\n"                                                       // 24
      "    Properties: {}\n");                                            // 25
  REQUIRE(loaded.is_iac);
  CHECK(loaded.diagnostics.empty());
  // Two resources, then one pseudo-resource per parameter.
  REQUIRE(loaded.resources.size() == 4);
  CHECK(loaded.resources[2].native_type == "CloudFormation::Parameter");

  const Resource& logs = *resource(loaded, "Logs");
  CHECK(logs.format == SourceFormat::cloudformation);
  CHECK(logs.scope == "stack/template.yaml");
  CHECK(logs.native_type == "AWS::S3::Bucket");
  CHECK(where(logs.span) == "9:3-10:25");
  CHECK(where(logs.name_span) == "9:3-9:6");
  CHECK(logs.span.file == 4);
  CHECK(logs.attributes.is_map());
  CHECK(logs.attributes.entries().empty());

  const Resource& data = *resource(loaded, "Data");
  CHECK(where(data.span) == "11:3-23:37");
  const Value& p = data.attributes;
  // Ref to a parameter with a default: the default, located at the Ref, with the default's
  // place as its origin.
  const Value& name = *p.find("BucketName");
  CHECK(name.text() == "prod");
  CHECK(where(name.span) == "14:19-14:26");
  REQUIRE(name.origin != nullptr);
  CHECK(where(name.origin->span) == "5:14-5:17");
  CHECK(name.origin->note == "default of parameter \"Env\"");
  // Parameters without default and pseudo parameters are unknown.
  CHECK(p.find("Owner")->is_unknown());
  CHECK(p.find("Region")->is_unknown());
  CHECK(where(p.find("Region")->span) == "16:15-16:30");
  // Ref to a resource: unknown, but it remembers the resource.
  const Value& dest = *p.find("LoggingConfiguration")->find("DestinationBucketName");
  CHECK(dest.is_unknown());
  CHECK(dest.text() == "reference to resource Logs");
  REQUIRE(dest.refs.size() == 1);
  CHECK(dest.refs[0] == "Logs");
  // AWS::NoValue removes the property, and the list item.
  CHECK(p.find("Acl") == nullptr);
  REQUIRE(p.find("List")->items().size() == 2);
  CHECK(p.find("List")->items()[1].text() == "b");
  // GetAtt and other functions: unknown with refs.
  CHECK(p.find("Arn")->is_unknown());
  CHECK(p.find("Arn")->refs == std::vector<std::string>{"Logs"});
  CHECK(p.find("Sub")->text() == "Fn::Sub: ${Logs} is unknown: reference to resource Logs");
  CHECK(p.find("Sub")->refs == std::vector<std::string>{"Logs"});
  CHECK(where(p.find("Sub")->span) == "21:12-21:62");
  CHECK(p.find("Joined")->refs == std::vector<std::string>{"Logs"});
}

TEST_CASE("cfn loader: JSON templates use the same intrinsic handling") {
  const LoadedFile loaded = load(
      "{\n"
      "  \"Parameters\": {\"Size\": {\"Type\": \"Number\", \"Default\": 20}},\n"
      "  \"Resources\": {\n"
      "    \"Vol\": {\"Type\": \"AWS::EC2::Volume\", \"Properties\": {\n"
      "      \"Size\": {\"Ref\": \"Size\"},\n"
      "      \"Kms\": {\"Fn::GetAtt\": [\"Key\", \"Arn\"]},\n"
      "      \"Iops\": {\"Ref\": \"AWS::NoValue\"}}},\n"
      "    \"Key\": {\"Type\": \"AWS::KMS::Key\"}\n"
      "  }\n"
      "}\n",
      "vol.json");
  REQUIRE(loaded.is_iac);
  const Resource& vol = *resource(loaded, "Vol");
  CHECK(vol.attributes.find("Size")->as_number() == 20);
  CHECK(vol.attributes.find("Kms")->refs == std::vector<std::string>{"Key"});
  CHECK(where(vol.attributes.find("Kms")->span) == "6:14-6:43");
  CHECK(vol.attributes.find("Iops") == nullptr);
}

TEST_CASE("cfn loader: unreadable files") {
  SUBCASE("a malformed YAML template is a parse error with a line") {
    const LoadedFile loaded = load(
        "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n  A:\n    Type: AWS::SQS::Queue\n"
        "   Properties: {}\n");
    CHECK(loaded.is_iac);
    REQUIRE(loaded.diagnostics.size() == 1);
    const auto& d = loaded.diagnostics[0];
    CHECK(d.code == DiagnosticCode::parse_error);
    CHECK(d.message == "end of map not found");
    CHECK(d.location.path == "stack/template.yaml");
    CHECK(d.location.start_line == 5);
    CHECK(d.location.start_column == 4);
  }
  SUBCASE("a malformed JSON template") {
    const LoadedFile loaded = load(
        "{\n  \"Resources\": {\n    \"Q\": {\"Type\": \"AWS::SQS::Queue\"}\n    \"R\": {}\n}\n",
        "q.json");
    CHECK(loaded.is_iac);
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].message == "expected ',' or '}' after object member");
    CHECK(loaded.diagnostics[0].location.start_line == 4);
    CHECK(loaded.diagnostics[0].location.start_column == 5);
  }
  SUBCASE("a malformed file that is no template is silently skipped") {
    const LoadedFile loaded = load("key: [unclosed\nother: 1\n", "config.yaml");
    CHECK_FALSE(loaded.is_iac);
    CHECK(loaded.diagnostics.empty());
  }
  SUBCASE("binary content in a template") {
    std::string text = "Resources:\n  A:\n    Type: AWS::SQS::Queue\n";
    text += '\0';
    const LoadedFile loaded = load(text);
    CHECK(loaded.is_iac);
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].message == "binary or non-UTF-8 file");
    CHECK(loaded.diagnostics[0].location.start_line == 4);
  }
  SUBCASE("invalid UTF-8 in a JSON template, binary junk elsewhere") {
    CHECK(load("{\"AWSTemplateFormatVersion\": \"\xFF\"}", "t.json").diagnostics.size() == 1);
    const LoadedFile junk = load(std::string("\x89PNG\r\n\x1a\n\0\0", 10), "image.yaml");
    CHECK_FALSE(junk.is_iac);
    CHECK(junk.diagnostics.empty());
  }
  SUBCASE("an alias bomb in a template") {
    std::string bomb = "AWSTemplateFormatVersion: '2010-09-09'\na: &a [x,x,x,x,x,x,x,x,x,x]\n";
    for (char c = 'b'; c <= 'k'; ++c) {
      bomb += std::string{c} + ": &" + c + " [";
      for (int i = 0; i < 10; ++i)
        bomb += std::string{i ? "," : ""} + "*" + static_cast<char>(c - 1);
      bomb += "]\n";
    }
    const auto started = std::chrono::steady_clock::now();
    const LoadedFile loaded = load(bomb);
    CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(2));
    REQUIRE(loaded.diagnostics.size() == 1);
    CHECK(loaded.diagnostics[0].message.find("alias expansion exceeds limit") == 0);
  }
}

TEST_CASE("cfn loader: a large template loads quickly") {
  std::string text = "AWSTemplateFormatVersion: '2010-09-09'\nResources:\n";
  int count = 0;
  while (text.size() < 1'000'000) {
    const std::string id = "Queue" + std::to_string(count++);
    text += "  " + id + ":\n    Type: AWS::SQS::Queue\n    Properties:\n      QueueName: " + id +
            "\n      Tags:\n        - Key: team\n          Value: !Ref AWS::StackName\n";
  }
  const auto started = std::chrono::steady_clock::now();
  const LoadedFile loaded = load(text);
  CHECK(std::chrono::steady_clock::now() - started < std::chrono::seconds(10));
  CHECK(loaded.resources.size() == static_cast<std::size_t>(count));
}
