// SAM expansion: Globals merge, generated execution roles (managed, inline and policy-template
// policies), implicit APIs, function URLs, state machine roles, and that SAM and plain
// resources reach the graph under the same kind with the same canonical values.
#include <doctest/doctest.h>

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "cloudformation/serverless.hpp"
#include "cloudformation/short_form_tags.hpp"
#include "cloudformation/template_loader.hpp"
#include "engine/policy_set.hpp"
#include "graph/resource_graph.hpp"
#include "test_support.hpp"
#include "value/yaml_reader.hpp"

using namespace iacscan::detail;

namespace {

constexpr FileId kFile = 0;

Value template_root(const std::string& text) {
  ReadResult read = read_yaml(text, kFile, cloudformation_tag_handler());
  REQUIRE(read.ok());
  return *read.value;
}

std::size_t declared_resources(const Value& root) {
  const Value* resources = root.find("Resources");
  return resources != nullptr ? resources->entries().size() : 0;
}

// Loads a template and expands it. Once the loader expands SAM itself it returns more resources
// than the template declares, and expanding again is skipped.
std::vector<Resource> load_sam(const std::string& text) {
  SourceFile file;
  file.id = kFile;
  file.path = "sam/template.yaml";
  file.content = text;
  LoadedFile loaded = load_cloudformation_file(file);
  REQUIRE(loaded.is_iac);
  const Value root = template_root(text);
  if (loaded.resources.size() == declared_resources(root))
    expand_serverless(loaded.resources, root);
  return std::move(loaded.resources);
}

const Resource& find(const std::vector<Resource>& resources, const std::string& address) {
  for (const Resource& r : resources) {
    if (r.address == address) return r;
  }
  FAIL("no resource " << address);
  throw std::logic_error("unreachable");
}

bool has(const std::vector<Resource>& resources, const std::string& address) {
  for (const Resource& r : resources) {
    if (r.address == address) return true;
  }
  return false;
}

const Value& at(const Value& value, const std::string& key) {
  const Value* child = value.find(key);
  INFO("key " << key);
  REQUIRE(child != nullptr);
  return *child;
}

std::vector<std::string> texts(const Value& list) {
  std::vector<std::string> out;
  if (list.is_string()) out.push_back(list.text());
  for (const Value& item : list.items()) out.push_back(item.is_string() ? item.text() : "?");
  return out;
}

// Values compared without their positions: scalars by text, unknowns as "(unknown)".
std::string render(const Value& v) {
  if (v.is_list()) {
    std::string out = "[";
    for (const Value& item : v.items()) out += render(item) + ",";
    return out + "]";
  }
  if (v.is_map()) {
    std::string out = "{";
    for (const Value::Entry& e : v.entries()) out += e.key + ":" + render(e.value) + ",";
    return out + "}";
  }
  return v.to_display_string();
}

const char* kFunctionTemplate = R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Runtime: python3.11
    Timeout: 10
    Environment:
      Variables:
        A: global-a
        B: global-b
    Layers: [arn:aws:lambda:us-east-1:123456789012:layer:global:1]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Handler: app.handler
      Runtime: python3.12
      Tracing: Active
      VpcConfig:
        SubnetIds: [subnet-1]
      Environment:
        Variables:
          B: local-b
          C: local-c
      Layers: [arn:aws:lambda:us-east-1:123456789012:layer:local:1]
      DeadLetterQueue:
        Type: SQS
        TargetArn: arn:aws:sqs:us-east-1:123456789012:dlq
      Policies:
        - AWSLambdaExecute
        - arn:aws:iam::123456789012:policy/Custom
        - Statement:
            - Effect: Allow
              Action: s3:GetObject
              Resource: '*'
        - S3ReadPolicy:
            BucketName: !Ref Bucket
        - SQSSendMessagePolicy:
            QueueName: jobs
        - EC2DescribePolicy: {}
        - AWSLambdaBasicExecutionRole
  Bare:
    Type: AWS::Serverless::Function
)";

}  // namespace

TEST_CASE("sam: templates without the SAM transform are left alone") {
  const std::string text = R"(Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
)";
  const Value root = template_root(text);
  CHECK_FALSE(is_serverless_template(root));
  SourceFile file;
  file.id = kFile;
  file.path = "plain.yaml";
  file.content = text;
  LoadedFile loaded = load_cloudformation_file(file);
  expand_serverless(loaded.resources, root);
  REQUIRE(loaded.resources.size() == 1);
  CHECK(loaded.resources[0].attributes.find("Role") == nullptr);
}

TEST_CASE("sam: the transform may be a string or one of a list") {
  CHECK(is_serverless_template(template_root("Transform: AWS::Serverless-2016-10-31\n")));
  CHECK(is_serverless_template(
      template_root("Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]\n")));
  CHECK_FALSE(is_serverless_template(template_root("Transform: AWS::LanguageExtensions\n")));
}

TEST_CASE("sam: Globals merge — scalars override, maps merge, lists concatenate") {
  const std::vector<Resource> resources = load_sam(kFunctionTemplate);
  const Resource& fn = find(resources, "Fn");
  CHECK(at(fn.attributes, "Runtime").text() == "python3.12");
  const Value& timeout = at(fn.attributes, "Timeout");
  CHECK(timeout.text() == "10");
  CHECK(timeout.span.range.start_line == 5);  // located in Globals
  const Value& variables = at(at(fn.attributes, "Environment"), "Variables");
  CHECK(at(variables, "A").text() == "global-a");
  CHECK(at(variables, "B").text() == "local-b");
  CHECK(at(variables, "C").text() == "local-c");
  CHECK(texts(at(fn.attributes, "Layers")) ==
        std::vector<std::string>{"arn:aws:lambda:us-east-1:123456789012:layer:global:1",
                                 "arn:aws:lambda:us-east-1:123456789012:layer:local:1"});

  const Resource& bare = find(resources, "Bare");
  CHECK(at(bare.attributes, "Runtime").text() == "python3.11");
  CHECK(at(at(at(bare.attributes, "Environment"), "Variables"), "B").text() == "global-b");
}

TEST_CASE("sam: intrinsic functions left in Globals are unknown, with their references") {
  const std::string text = R"(Transform: AWS::Serverless-2016-10-31
Parameters:
  Runtime:
    Type: String
Globals:
  Function:
    Runtime: !Ref Runtime
    Layers: [!Ref Shared]
Resources:
  Shared:
    Type: AWS::Serverless::LayerVersion
  Fn:
    Type: AWS::Serverless::Function
)";
  const std::vector<Resource> resources = load_sam(text);
  const Resource& fn = find(resources, "Fn");
  CHECK(at(fn.attributes, "Runtime").is_unknown());
  const Value& layer = at(fn.attributes, "Layers").items().at(0);
  CHECK(layer.is_unknown());
  CHECK(layer.refs == std::vector<std::string>{"Shared"});
}

TEST_CASE("sam: a function without Role gets the execution role SAM generates") {
  const std::vector<Resource> resources = load_sam(kFunctionTemplate);
  const Resource& fn = find(resources, "Fn");
  const Resource& role = find(resources, "FnRole");
  CHECK(role.native_type == "AWS::IAM::Role");
  CHECK(role.format == SourceFormat::cloudformation);
  CHECK(role.scope == fn.scope);
  CHECK(role.span == fn.span);
  CHECK(role.name_span == fn.name_span);

  SUBCASE("the function's Role refers to it") {
    const Value& arn = at(fn.attributes, "Role");
    CHECK(arn.is_unknown());
    CHECK(arn.refs == std::vector<std::string>{"FnRole"});
  }

  SUBCASE("trust policy for Lambda") {
    const Value& trust = at(role.attributes, "AssumeRolePolicyDocument");
    const Value& statement = at(trust, "Statement").items().at(0);
    CHECK(texts(at(at(statement, "Principal"), "Service")) ==
          std::vector<std::string>{"lambda.amazonaws.com"});
    CHECK(texts(at(statement, "Action")) == std::vector<std::string>{"sts:AssumeRole"});
    CHECK(trust.span == fn.span);
  }

  SUBCASE("managed policies: SAM's own, then Policies, de-duplicated") {
    const Value& managed = at(role.attributes, "ManagedPolicyArns");
    CHECK(texts(managed) ==
          std::vector<std::string>{
              "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
              "arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess",
              "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole",
              "arn:aws:iam::aws:policy/AWSLambdaExecute",
              "arn:aws:iam::123456789012:policy/Custom"});
    CHECK(managed.items()[0].span == fn.span);              // generated: the function
    CHECK(managed.items()[1].span.range.start_line == 19);  // Tracing
    CHECK(managed.items()[3].span.range.start_line == 31);  // the Policies entry
  }

  SUBCASE("inline policies: dead-letter queue, documents and policy templates") {
    const Value& policies = at(role.attributes, "Policies");
    REQUIRE(policies.items().size() == 5);
    std::vector<std::string> names;
    for (const Value& p : policies.items()) names.push_back(at(p, "PolicyName").text());
    CHECK(names == std::vector<std::string>{"DeadLetterQueuePolicy", "FnRolePolicy2",
                                            "FnRolePolicy3", "FnRolePolicy4", "FnRolePolicy5"});

    const Value& dlq = at(at(policies.items()[0], "PolicyDocument"), "Statement").items().at(0);
    CHECK(at(dlq, "Action").text() == "sqs:SendMessage");
    CHECK(at(dlq, "Resource").text() == "arn:aws:sqs:us-east-1:123456789012:dlq");

    const Value& document = at(policies.items()[1], "PolicyDocument");
    CHECK(document.span.range.start_line == 33);  // the inline document in the source
    CHECK(at(at(document, "Statement").items().at(0), "Action").text() == "s3:GetObject");

    const Value& s3_read = at(policies.items()[2], "PolicyDocument");
    CHECK(s3_read.span.range.start_line == 37);  // the template entry
    const Value& s3_statement = at(s3_read, "Statement").items().at(0);
    CHECK(at(s3_statement, "Effect").text() == "Allow");
    CHECK(texts(at(s3_statement, "Action")) ==
          std::vector<std::string>{"s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation",
                                   "s3:GetObjectVersion", "s3:GetLifecycleConfiguration"});
    const Value& s3_resources = at(s3_statement, "Resource");
    REQUIRE(s3_resources.items().size() == 2);
    CHECK(s3_resources.items()[0].is_unknown());
    CHECK(s3_resources.items()[0].refs == std::vector<std::string>{"Bucket"});

    const Value& sqs = at(at(policies.items()[3], "PolicyDocument"), "Statement").items().at(0);
    CHECK(texts(at(sqs, "Action")) == std::vector<std::string>{"sqs:SendMessage*"});
    CHECK(at(sqs, "Resource").is_unknown());

    const Value& unexpanded = at(policies.items()[4], "PolicyDocument");
    CHECK(unexpanded.is_unknown());
    CHECK(unexpanded.text().find("EC2DescribePolicy") != std::string::npos);
  }

  SUBCASE("a function without Policies gets the basic execution role only") {
    const Resource& bare_role = find(resources, "BareRole");
    CHECK(texts(at(bare_role.attributes, "ManagedPolicyArns")) ==
          std::vector<std::string>{
              "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"});
    CHECK(bare_role.attributes.find("Policies") == nullptr);
  }

  SUBCASE("generated resources follow their function") {
    std::vector<std::string> order;
    for (const Resource& r : resources) order.push_back(r.address);
    CHECK(order == std::vector<std::string>{"Bucket", "Fn", "FnRole", "Bare", "BareRole"});
  }
}

TEST_CASE("sam: Policies may be a single managed policy name") {
  const std::vector<Resource> resources = load_sam(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Macro:
    Type: AWS::Serverless::Function
    Properties:
      Policies: AmazonS3FullAccess
      PermissionsBoundary: arn:aws:iam::123456789012:policy/Boundary
      RolePath: /sam/
)");
  const Resource& role = find(resources, "MacroRole");
  CHECK(texts(at(role.attributes, "ManagedPolicyArns")) ==
        std::vector<std::string>{"arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
                                 "arn:aws:iam::aws:policy/AmazonS3FullAccess"});
  CHECK(at(role.attributes, "PermissionsBoundary").text() ==
        "arn:aws:iam::123456789012:policy/Boundary");
  CHECK(at(role.attributes, "Path").text() == "/sam/");
}

TEST_CASE("sam: a function with its own Role gets no generated role") {
  const std::vector<Resource> resources = load_sam(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/existing
      Policies: [AmazonS3FullAccess]
)");
  REQUIRE(resources.size() == 1);
  CHECK(at(resources[0].attributes, "Role").text() == "arn:aws:iam::123456789012:role/existing");
}

TEST_CASE("sam: Api and HttpApi events without an API imply one implicit API each") {
  const std::vector<Resource> resources = load_sam(R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Api:
    EndpointConfiguration:
      Type: REGIONAL
Resources:
  MyApi:
    Type: AWS::Serverless::Api
    Properties:
      StageName: prod
  First:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Get:
          Type: Api
          Properties: {Path: /a, Method: get}
        Http:
          Type: HttpApi
  Second:
    Type: AWS::Serverless::Function
    Properties:
      Events:
        Post:
          Type: Api
          Properties: {Path: /b, Method: post}
        Explicit:
          Type: Api
          Properties: {Path: /c, Method: get, RestApiId: !Ref MyApi}
        Queue:
          Type: SQS
          Properties: {Queue: arn:aws:sqs:us-east-1:123456789012:q}
)");
  int rest = 0;
  int http = 0;
  for (const Resource& r : resources) {
    rest += r.address == "ServerlessRestApi" ? 1 : 0;
    http += r.address == "ServerlessHttpApi" ? 1 : 0;
  }
  CHECK(rest == 1);
  CHECK(http == 1);
  const Resource& api = find(resources, "ServerlessRestApi");
  CHECK(api.native_type == "AWS::Serverless::Api");
  CHECK(api.name_span.range.start_line == 15);  // the first event that implies it
  CHECK(at(at(api.attributes, "EndpointConfiguration"), "Type").text() == "REGIONAL");
  CHECK(find(resources, "ServerlessHttpApi").native_type == "AWS::Serverless::HttpApi");
  // The explicit API got Globals too.
  CHECK(at(at(find(resources, "MyApi").attributes, "EndpointConfiguration"), "Type").text() ==
        "REGIONAL");
}

TEST_CASE("sam: FunctionUrlConfig becomes an AWS::Lambda::Url") {
  const std::vector<Resource> resources = load_sam(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      FunctionUrlConfig:
        AuthType: NONE
        Cors:
          AllowOrigins: ['*']
)");
  const Resource& url = find(resources, "FnUrl");
  CHECK(url.native_type == "AWS::Lambda::Url");
  CHECK(url.name_span.range.start_line == 6);
  const Value& auth = at(url.attributes, "AuthType");
  CHECK(auth.text() == "NONE");
  CHECK(auth.span.range.start_line == 7);
  CHECK(texts(at(at(url.attributes, "Cors"), "AllowOrigins")) == std::vector<std::string>{"*"});
  CHECK(at(url.attributes, "TargetFunctionArn").refs == std::vector<std::string>{"Fn"});
}

TEST_CASE("sam: a state machine without Role gets a Step Functions role") {
  const std::vector<Resource> resources = load_sam(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Flow:
    Type: AWS::Serverless::StateMachine
    Properties:
      Tracing:
        Enabled: true
      Policies:
        - LambdaInvokePolicy:
            FunctionName: worker
        - CloudWatchPutMetricPolicy: {}
  Owned:
    Type: AWS::Serverless::StateMachine
    Properties:
      Role: arn:aws:iam::123456789012:role/flow
)");
  const Resource& role = find(resources, "FlowRole");
  const Value& statement =
      at(at(role.attributes, "AssumeRolePolicyDocument"), "Statement").items().at(0);
  CHECK(texts(at(at(statement, "Principal"), "Service")) ==
        std::vector<std::string>{"states.amazonaws.com"});
  CHECK(texts(at(role.attributes, "ManagedPolicyArns")) ==
        std::vector<std::string>{"arn:aws:iam::aws:policy/AWSXrayWriteOnlyAccess"});
  const Value& policies = at(role.attributes, "Policies");
  REQUIRE(policies.items().size() == 2);
  const Value& invoke = at(at(policies.items()[0], "PolicyDocument"), "Statement").items().at(0);
  CHECK(texts(at(invoke, "Action")) == std::vector<std::string>{"lambda:InvokeFunction"});
  const Value& metrics = at(at(policies.items()[1], "PolicyDocument"), "Statement").items().at(0);
  CHECK(at(metrics, "Resource").text() == "*");
  CHECK(at(find(resources, "Flow").attributes, "Role").refs ==
        std::vector<std::string>{"FlowRole"});
  CHECK_FALSE(has(resources, "OwnedRole"));
}

TEST_CASE("sam: a declared resource with a generated id is kept, not duplicated") {
  const std::vector<Resource> resources = load_sam(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  FnRole:
    Type: AWS::IAM::Role
    Properties:
      RoleName: mine
  Fn:
    Type: AWS::Serverless::Function
)");
  REQUIRE(resources.size() == 2);
  CHECK(at(find(resources, "FnRole").attributes, "RoleName").text() == "mine");
}

TEST_CASE("sam: SAM and plain resources share kinds and canonical values") {
  auto policies = load_policies({});
  REQUIRE(policies.has_value());
  LoadedFile file;
  file.is_iac = true;
  file.resources = load_sam(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  SamFn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Tracing: Active
      Environment:
        Variables: {STAGE: prod, DEBUG: 'false'}
      VpcConfig:
        SubnetIds: [subnet-1, subnet-2]
      FunctionUrlConfig:
        AuthType: AWS_IAM
  PlainRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {}
  PlainFn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: nodejs20.x
      Handler: index.handler
      Role: !GetAtt PlainRole.Arn
      TracingConfig:
        Mode: Active
      Environment:
        Variables: {STAGE: prod, DEBUG: 'false'}
      VpcConfig:
        SubnetIds: [subnet-1, subnet-2]
  SamTable:
    Type: AWS::Serverless::SimpleTable
    Properties:
      SSESpecification: {SSEEnabled: true}
  PlainTable:
    Type: AWS::DynamoDB::Table
    Properties:
      SSESpecification: {SSEEnabled: true}
  SamHttp:
    Type: AWS::Serverless::HttpApi
    Properties: {DisableExecuteApiEndpoint: true}
  PlainHttp:
    Type: AWS::ApiGatewayV2::Api
    Properties: {DisableExecuteApiEndpoint: true, ProtocolType: HTTP}
  SamLayer:
    Type: AWS::Serverless::LayerVersion
    Properties: {CompatibleRuntimes: [nodejs20.x]}
  PlainLayer:
    Type: AWS::Lambda::LayerVersion
    Properties: {CompatibleRuntimes: [nodejs20.x]}
  SamFlow:
    Type: AWS::Serverless::StateMachine
    Properties: {Logging: {Level: ALL}}
  PlainFlow:
    Type: AWS::StepFunctions::StateMachine
    Properties: {LoggingConfiguration: {Level: ALL}}
  SamApi:
    Type: AWS::Serverless::Api
    Properties: {EndpointConfiguration: {Type: PRIVATE}}
  PlainApi:
    Type: AWS::ApiGateway::RestApi
    Properties: {EndpointConfiguration: {Types: [PRIVATE]}}
)");
  std::vector<LoadedFile> files{std::move(file)};
  const ResourceGraph graph = build_graph(files, policies.value().kinds);

  auto node = [&](const std::string& address) -> const Resource& {
    return find(graph.resources, address);
  };
  auto same = [&](const std::string& sam, const std::string& plain, const std::string& kind) {
    INFO(sam << " / " << plain);
    CHECK(node(sam).kind == kind);
    CHECK(node(plain).kind == kind);
  };
  same("SamFn", "PlainFn", "aws.lambda.function");
  same("SamFnRole", "PlainRole", "aws.iam.role");
  same("SamTable", "PlainTable", "aws.dynamodb.table");
  same("SamHttp", "PlainHttp", "aws.apigatewayv2.api");
  same("SamLayer", "PlainLayer", "aws.lambda.layer");
  same("SamFlow", "PlainFlow", "aws.stepfunctions.state_machine");
  same("SamApi", "PlainApi", "aws.apigateway.rest_api");
  CHECK(node("SamFnUrl").kind == "aws.lambda.function_url");
  CHECK(at(node("SamFnUrl").canonical, "auth_type").text() == "AWS_IAM");

  const Value& sam_fn = node("SamFn").canonical;
  const Value& plain_fn = node("PlainFn").canonical;
  for (const char* attribute :
       {"runtime", "handler", "tracing_mode", "environment_variables", "vpc_subnet_ids", "role"}) {
    INFO("attribute " << attribute);
    CHECK(render(at(sam_fn, attribute)) == render(at(plain_fn, attribute)));
  }
  CHECK(render(at(node("SamTable").canonical, "sse_enabled")) == "true");
  CHECK(render(at(node("SamTable").canonical, "sse_enabled")) ==
        render(at(node("PlainTable").canonical, "sse_enabled")));
  CHECK(render(at(node("SamFlow").canonical, "logging_level")) ==
        render(at(node("PlainFlow").canonical, "logging_level")));
  CHECK(render(at(node("SamHttp").canonical, "disable_execute_api_endpoint")) ==
        render(at(node("PlainHttp").canonical, "disable_execute_api_endpoint")));

  // The generated role's policies reach the canonical vocabulary too.
  const Value& role = node("SamFnRole").canonical;
  CHECK(texts(at(role, "managed_policy_arns")).size() == 3);

  // The function references its generated role: a graph edge.
  std::size_t fn_index = 0;
  std::size_t role_index = 0;
  for (std::size_t i = 0; i < graph.resources.size(); ++i) {
    if (graph.resources[i].address == "SamFn") fn_index = i;
    if (graph.resources[i].address == "SamFnRole") role_index = i;
  }
  CHECK(std::find(graph.edges.begin(), graph.edges.end(), Edge{fn_index, role_index, "Role"}) !=
        graph.edges.end());
}

TEST_CASE("sam: generated resources inherit the skips written on their SAM resource") {
  const Value root = template_root("Transform: AWS::Serverless-2016-10-31\n");
  Resource fn;
  fn.format = SourceFormat::cloudformation;
  fn.scope = "t.yaml";
  fn.native_type = "AWS::Serverless::Function";
  fn.address = "Fn";
  fn.skips.push_back(Skip{"iacscan", "some-rule", "reviewed", {}});
  Value url = Value::map({});
  url.set("AuthType", Value::string("NONE"));
  fn.attributes.set("FunctionUrlConfig", url);
  std::vector<Resource> resources{fn};
  expand_serverless(resources, root);
  REQUIRE(resources.size() == 3);
  for (const Resource& r : resources) {
    INFO(r.address);
    REQUIRE(r.skips.size() == 1);
    CHECK(r.skips[0].id == "some-rule");
  }
}
