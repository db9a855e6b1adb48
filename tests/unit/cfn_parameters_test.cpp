// CloudFormation parameters and pseudo parameters: defaults, given values (command line and
// parameter files), list types, AllowedValues, SSM parameter types, and where values came from.
#include <doctest/doctest.h>

#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>

#include "cfn_test_support.hpp"
#include "value/dynamic_reference.hpp"

using iacscan::ErrorCode;
using iacscan::ScanOptions;
using iacscan::detail::CloudFormationContext;
using iacscan::detail::dynamic_reference_service;
using iacscan::detail::is_dynamic_reference;
using iacscan::detail::LoadedFile;
using iacscan::detail::make_cloudformation_context;
using iacscan::detail::Value;
using iacscan::testing::given;
using iacscan::testing::load_template;
using iacscan::testing::property;
using iacscan::testing::where;

namespace {

const char* const kAclTemplate =
    "Parameters:\n"                     // 1
    "  Acl:\n"                          // 2
    "    Type: String\n"                // 3
    "    Default: Private\n"            // 4
    "Resources:\n"                      // 5
    "  Site:\n"                         // 6
    "    Type: AWS::S3::Bucket\n"       // 7
    "    Properties:\n"                 // 8
    "      AccessControl: !Ref Acl\n";  // 9

// A temporary file removed at the end of the test.
struct TempFile {
  explicit TempFile(const std::string& name, const std::string& content)
      : path((std::filesystem::temp_directory_path() /
              ("iacscan-params-" + std::to_string(::getpid()) + "-" + name))
                 .string()) {
    std::ofstream(path) << content;
  }
  ~TempFile() { std::remove(path.c_str()); }
  TempFile(const TempFile&) = delete;
  TempFile& operator=(const TempFile&) = delete;
  std::string path;
};

}  // namespace

TEST_CASE("cfn parameters: a default is used at the Ref, with the default as origin") {
  const LoadedFile loaded = load_template(kAclTemplate);
  const Value& acl = property(loaded, "Site", "AccessControl");
  CHECK(acl.text() == "Private");
  CHECK(where(acl.span) == "9:22-9:29");
  REQUIRE(acl.origin != nullptr);
  CHECK(where(acl.origin->span) == "4:14-4:20");
  CHECK(acl.origin->note == "default of parameter \"Acl\"");
  CHECK(loaded.diagnostics.empty());
}

TEST_CASE("cfn parameters: a given value wins over the default") {
  SUBCASE("on the command line") {
    const LoadedFile loaded = load_template(kAclTemplate, given({{"Acl", "PublicRead"}}));
    const Value& acl = property(loaded, "Site", "AccessControl");
    CHECK(acl.text() == "PublicRead");
    CHECK(where(acl.span) == "9:22-9:29");
    REQUIRE(acl.origin != nullptr);
    // A given value has no place in the template: the origin is the parameter's declaration.
    CHECK(where(acl.origin->span) == "2:3-2:5");
    CHECK(acl.origin->note == "value of parameter \"Acl\" given on the command line");
  }
  SUBCASE("in a parameters file") {
    CloudFormationContext context;
    context.parameters["Acl"] = {"PublicReadWrite", "in params.json", nullptr};
    const LoadedFile loaded = load_template(kAclTemplate, context);
    const Value& acl = property(loaded, "Site", "AccessControl");
    CHECK(acl.text() == "PublicReadWrite");
    CHECK(acl.origin->note == "value of parameter \"Acl\" in params.json");
  }
  SUBCASE("a value for a parameter the template does not declare changes nothing") {
    const LoadedFile loaded = load_template(kAclTemplate, given({{"Other", "x"}}));
    CHECK(property(loaded, "Site", "AccessControl").text() == "Private");
  }
}

TEST_CASE("cfn parameters: JSON templates") {
  const LoadedFile loaded = load_template(
      "{\n"
      "  \"Parameters\": {\"Acl\": {\"Type\": \"String\", \"Default\": \"PublicRead\"}},\n"
      "  \"Resources\": {\"B\": {\"Type\": \"AWS::S3::Bucket\", \"Properties\": {\n"
      "    \"AccessControl\": {\"Ref\": \"Acl\"}}}}\n"
      "}\n",
      {}, "t.json");
  const Value& acl = property(loaded, "B", "AccessControl");
  CHECK(acl.text() == "PublicRead");
  CHECK(where(acl.span) == "4:22-4:35");
  CHECK(where(acl.origin->span) == "2:55-2:66");
}

TEST_CASE("cfn parameters: list types become lists") {
  const std::string text =
      "Parameters:\n"
      "  Cidrs:\n"
      "    Type: CommaDelimitedList\n"
      "    Default: '10.0.0.0/8, 192.168.0.0/16 ,172.16.0.0/12'\n"
      "  Subnets:\n"
      "    Type: List<AWS::EC2::Subnet::Id>\n"
      "  Empty:\n"
      "    Type: CommaDelimitedList\n"
      "    Default: ''\n"
      "  Count:\n"
      "    Type: Number\n"
      "Resources:\n"
      "  R:\n"
      "    Type: AWS::Test::Thing\n"
      "    Properties:\n"
      "      Cidrs: !Ref Cidrs\n"
      "      Second: !Select [1, !Ref Cidrs]\n"
      "      Subnets: !Ref Subnets\n"
      "      Empty: !Ref Empty\n"
      "      Count: !Ref Count\n";
  const LoadedFile loaded =
      load_template(text, given({{"Subnets", "subnet-1,subnet-2"}, {"Count", " 3 "}}));
  const Value& cidrs = property(loaded, "R", "Cidrs");
  REQUIRE(cidrs.is_list());
  REQUIRE(cidrs.items().size() == 3);
  CHECK(cidrs.items()[1].text() == "192.168.0.0/16");
  CHECK(cidrs.items()[2].text() == "172.16.0.0/12");
  CHECK(where(cidrs.items()[1].span) == "16:14-16:23");
  CHECK(cidrs.items()[1].origin->note == "default of parameter \"Cidrs\"");
  CHECK(property(loaded, "R", "Second").text() == "192.168.0.0/16");
  const Value& subnets = property(loaded, "R", "Subnets");
  REQUIRE(subnets.items().size() == 2);
  CHECK(subnets.items()[0].text() == "subnet-1");
  CHECK(property(loaded, "R", "Empty").items().empty());
  const Value& count = property(loaded, "R", "Count");
  REQUIRE(count.is_number());
  CHECK(count.as_number() == 3);
}

TEST_CASE("cfn parameters: without a value, AllowedValues decide what is known") {
  const LoadedFile loaded = load_template(
      "Parameters:\n"
      "  Only:\n"
      "    Type: String\n"
      "    AllowedValues: [Private]\n"
      "  Two:\n"
      "    Type: String\n"
      "    AllowedValues: [Private, PublicRead]\n"
      "  Free:\n"
      "    Type: String\n"
      "Resources:\n"
      "  R:\n"
      "    Type: AWS::Test::Thing\n"
      "    Properties:\n"
      "      Only: !Ref Only\n"
      "      Two: !Ref Two\n"
      "      Free: !Ref Free\n");
  const Value& only = property(loaded, "R", "Only");
  CHECK(only.text() == "Private");
  CHECK(where(only.span) == "14:13-14:21");
  CHECK(where(only.origin->span) == "4:21-4:27");
  CHECK(only.origin->note == "only allowed value of parameter \"Only\"");
  const Value& two = property(loaded, "R", "Two");
  CHECK(two.is_unknown());
  REQUIRE(two.candidates != nullptr);
  REQUIRE(two.candidates->size() == 2);
  CHECK((*two.candidates)[1].text() == "PublicRead");
  const Value& free = property(loaded, "R", "Free");
  CHECK(free.is_unknown());
  CHECK(free.text() == "parameter \"Free\" has no default and no value was given");
  CHECK(free.candidates == nullptr);
}

TEST_CASE("cfn parameters: SSM parameter types are read at deployment") {
  const LoadedFile loaded = load_template(
      "Parameters:\n"
      "  Password:\n"
      "    Type: AWS::SSM::Parameter::Value<String>\n"
      "    Default: /prod/db/password\n"
      "Resources:\n"
      "  Db:\n"
      "    Type: AWS::RDS::DBInstance\n"
      "    Properties:\n"
      "      MasterUserPassword: !Ref Password\n");
  const Value& password = property(loaded, "Db", "MasterUserPassword");
  CHECK(is_dynamic_reference(password));
  CHECK(dynamic_reference_service(password) == "ssm");
  CHECK(password.text().find("/prod/db/password") != std::string::npos);
  CHECK(where(password.span) == "9:27-9:39");
}

TEST_CASE("cfn pseudo parameters: unknown unless given") {
  const std::string text =
      "Resources:\n"
      "  R:\n"
      "    Type: AWS::Test::Thing\n"
      "    Properties:\n"
      "      Region: !Ref AWS::Region\n"
      "      Account: !Ref AWS::AccountId\n"
      "      Partition: !Ref AWS::Partition\n"
      "      Suffix: !Ref AWS::URLSuffix\n"
      "      Stack: !Ref AWS::StackName\n"
      "      StackId: !Ref AWS::StackId\n"
      "      Topics: !Ref AWS::NotificationARNs\n";
  SUBCASE("nothing given") {
    const LoadedFile loaded = load_template(text);
    for (const char* key :
         {"Region", "Account", "Partition", "Suffix", "Stack", "StackId", "Topics"}) {
      INFO(key);
      CHECK(property(loaded, "R", key).is_unknown());
    }
    CHECK(property(loaded, "R", "Region").text() ==
          "pseudo parameter AWS::Region is known only at deployment");
    CHECK(loaded.diagnostics.empty());
  }
  SUBCASE("a region, from which partition and URL suffix follow") {
    const LoadedFile loaded = load_template(
        text, given({{"AWS::Region", "cn-north-1"}, {"AWS::NotificationARNs", "a, b"}}));
    const Value& region = property(loaded, "R", "Region");
    CHECK(region.text() == "cn-north-1");
    CHECK(where(region.span) == "5:15-5:30");
    CHECK(region.origin->note == "value of parameter \"AWS::Region\" given on the command line");
    CHECK(property(loaded, "R", "Partition").text() == "aws-cn");
    CHECK(property(loaded, "R", "Suffix").text() == "amazonaws.com.cn");
    CHECK(property(loaded, "R", "Account").is_unknown());
    REQUIRE(property(loaded, "R", "Topics").items().size() == 2);
    CHECK(property(loaded, "R", "Topics").items()[1].text() == "b");
  }
  SUBCASE("a given partition wins over the derived one") {
    const LoadedFile loaded =
        load_template(text, given({{"AWS::Region", "eu-west-1"}, {"AWS::Partition", "aws-x"}}));
    CHECK(property(loaded, "R", "Partition").text() == "aws-x");
  }
}

TEST_CASE("cfn parameters: parameter files, both shapes") {
  ScanOptions options;
  SUBCASE("the AWS CLI's list shape") {
    TempFile file("list.json",
                  "[{\"ParameterKey\": \"Acl\", \"ParameterValue\": \"PublicRead\"},\n"
                  " {\"ParameterKey\": \"Old\", \"UsePreviousValue\": true},\n"
                  " {\"ParameterKey\": \"Size\", \"ParameterValue\": 20}]\n");
    options.cloudformation_parameter_files = {file.path};
    const auto context = make_cloudformation_context(options);
    REQUIRE(context);
    CHECK(context->parameters.at("Acl").value == "PublicRead");
    CHECK(context->parameters.at("Acl").source == "in " + file.path);
    CHECK(context->parameters.at("Size").value == "20");
    CHECK_FALSE(context->parameters.contains("Old"));
  }
  SUBCASE("the {\"Parameters\": {...}} shape, in YAML too; later files and flags win") {
    TempFile first(
        "first.json",
        "{\"Parameters\": {\"Acl\": \"Private\", \"Env\": \"dev\", \"Zones\": [\"a\", \"b\"]}}");
    TempFile second("second.yaml", "Parameters:\n  Env: prod\n");
    options.cloudformation_parameter_files = {first.path, second.path};
    options.cloudformation_parameters = {{"Acl", "PublicRead"}};
    const auto context = make_cloudformation_context(options);
    REQUIRE(context);
    CHECK(context->parameters.at("Env").value == "prod");
    CHECK(context->parameters.at("Env").source == "in " + second.path);
    CHECK(context->parameters.at("Zones").value == "a,b");
    CHECK(context->parameters.at("Acl").value == "PublicRead");
    CHECK(context->parameters.at("Acl").source == "given on the command line");
  }
}

TEST_CASE("cfn parameters: a bad parameters file is an error naming it") {
  ScanOptions options;
  SUBCASE("malformed JSON") {
    TempFile file("bad.json", "{\"Parameters\": {\"Acl\": }\n");
    options.cloudformation_parameter_files = {file.path};
    const auto context = make_cloudformation_context(options);
    REQUIRE_FALSE(context);
    CHECK(context.error().code == ErrorCode::invalid_option);
    CHECK(context.error().message.find("parameters file " + file.path + ":1:") == 0);
    CHECK(context.error().location.path == file.path);
  }
  SUBCASE("neither shape") {
    TempFile file("shape.json", "{\"Acl\": \"Private\"}\n");
    options.cloudformation_parameter_files = {file.path};
    const auto context = make_cloudformation_context(options);
    REQUIRE_FALSE(context);
    CHECK(context.error().message.find("expected [{\"ParameterKey\"") != std::string::npos);
  }
  SUBCASE("an entry without a key, a value that is a map") {
    TempFile keyless("keyless.json", "[{\"ParameterValue\": \"x\"}]");
    options.cloudformation_parameter_files = {keyless.path};
    CHECK(make_cloudformation_context(options).error().message.find("ParameterKey") !=
          std::string::npos);
    TempFile nested("nested.json", "{\"Parameters\": {\"A\": {\"b\": 1}}}");
    options.cloudformation_parameter_files = {nested.path};
    CHECK(make_cloudformation_context(options).error().message.find("\"A\" must be") !=
          std::string::npos);
  }
  SUBCASE("a file that does not exist") {
    options.cloudformation_parameter_files = {"/nonexistent/params.json"};
    const auto context = make_cloudformation_context(options);
    REQUIRE_FALSE(context);
    CHECK(context.error().code == ErrorCode::io);
    CHECK(context.error().message == "cannot read parameters file /nonexistent/params.json");
  }
}
