// SAM policy template expansion. The action lists are copied from
// aws/serverless-application-model samtranslator/policy_templates_data/policy_templates.json;
// resource ARNs keep SAM's patterns but become unknown values, because every pattern that is
// not "*" or the bare argument names ${AWS::Partition}, known only at deployment.
#include "cloudformation/sam_policy_templates.hpp"

#include <string>
#include <utility>
#include <vector>

namespace iacscan::detail {
namespace {

// Stands for the template's single argument inside a resource pattern.
constexpr std::string_view kArgument = "${argument}";

struct PolicyTemplate {
  std::string_view name;
  std::string_view parameter;  // the template's one parameter; empty when none
  std::vector<std::string_view> actions;
  bool action_is_list = true;  // policy_templates.json writes some as a bare string
  std::vector<std::string_view> resources;
  bool resource_is_list = false;
};

constexpr std::string_view kS3Bucket = "arn:${AWS::Partition}:s3:::${argument}";
constexpr std::string_view kS3Objects = "arn:${AWS::Partition}:s3:::${argument}/*";
constexpr std::string_view kDynamoTable =
    "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${argument}";
constexpr std::string_view kDynamoIndexes =
    "arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${argument}/index/*";
constexpr std::string_view kSqsQueue =
    "arn:${AWS::Partition}:sqs:${AWS::Region}:${AWS::AccountId}:${argument}";

const std::vector<PolicyTemplate>& policy_templates() {
  static const std::vector<PolicyTemplate> templates = {
      {"S3ReadPolicy",
       "BucketName",
       {"s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion",
        "s3:GetLifecycleConfiguration"},
       true,
       {kS3Bucket, kS3Objects},
       true},
      {"S3CrudPolicy",
       "BucketName",
       {"s3:GetObject", "s3:ListBucket", "s3:GetBucketLocation", "s3:GetObjectVersion",
        "s3:PutObject", "s3:PutObjectAcl", "s3:GetLifecycleConfiguration",
        "s3:PutLifecycleConfiguration", "s3:DeleteObject"},
       true,
       {kS3Bucket, kS3Objects},
       true},
      {"S3WritePolicy",
       "BucketName",
       {"s3:PutObject", "s3:PutObjectAcl", "s3:PutLifecycleConfiguration"},
       true,
       {kS3Bucket, kS3Objects},
       true},
      {"DynamoDBReadPolicy",
       "TableName",
       {"dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query", "dynamodb:BatchGetItem",
        "dynamodb:DescribeTable"},
       true,
       {kDynamoTable, kDynamoIndexes},
       true},
      {"DynamoDBCrudPolicy",
       "TableName",
       {"dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:PutItem", "dynamodb:Scan",
        "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem", "dynamodb:BatchGetItem",
        "dynamodb:DescribeTable", "dynamodb:ConditionCheckItem"},
       true,
       {kDynamoTable, kDynamoIndexes},
       true},
      {"DynamoDBWritePolicy",
       "TableName",
       {"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:BatchWriteItem"},
       true,
       {kDynamoTable, kDynamoIndexes},
       true},
      {"SQSPollerPolicy",
       "QueueName",
       {"sqs:ChangeMessageVisibility", "sqs:ChangeMessageVisibilityBatch", "sqs:DeleteMessage",
        "sqs:DeleteMessageBatch", "sqs:GetQueueAttributes", "sqs:ReceiveMessage"},
       true,
       {kSqsQueue},
       false},
      {"SQSSendMessagePolicy", "QueueName", {"sqs:SendMessage*"}, true, {kSqsQueue}, false},
      {"SNSPublishMessagePolicy",
       "TopicName",
       {"sns:Publish"},
       true,
       {"arn:${AWS::Partition}:sns:${AWS::Region}:${AWS::AccountId}:${argument}"},
       false},
      {"LambdaInvokePolicy",
       "FunctionName",
       {"lambda:InvokeFunction"},
       true,
       {"arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${argument}*"},
       false},
      {"KMSDecryptPolicy",
       "KeyId",
       {"kms:Decrypt"},
       false,
       {"arn:${AWS::Partition}:kms:${AWS::Region}:${AWS::AccountId}:key/${argument}"},
       false},
      {"AWSSecretsManagerGetSecretValuePolicy",
       "SecretArn",
       {"secretsmanager:GetSecretValue"},
       true,
       {kArgument},
       false},
      {"CloudWatchPutMetricPolicy", "", {"cloudwatch:PutMetricData"}, true, {"*"}, false},
      {"StepFunctionsExecutionPolicy",
       "StateMachineName",
       {"states:StartExecution"},
       true,
       {"arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:${argument}"},
       false},
      {"VPCAccessPolicy",
       "",
       {"ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface", "ec2:DescribeNetworkInterfaces",
        "ec2:DetachNetworkInterface"},
       true,
       {"*"},
       false},
  };
  return templates;
}

const PolicyTemplate* find_template(std::string_view name) {
  for (const PolicyTemplate& t : policy_templates()) {
    if (t.name == name) return &t;
  }
  return nullptr;
}

// The argument a pattern substitutes: the named parameter of a map, or the whole value when it
// is unknown (the parameters themselves could not be evaluated).
const Value* template_argument(const PolicyTemplate& t, const Value& arguments) {
  if (t.parameter.empty()) return nullptr;
  if (arguments.is_unknown()) return &arguments;
  return arguments.find(t.parameter);
}

Value render_resource(const PolicyTemplate& t, std::string_view pattern, const Value* argument,
                      const Span& span) {
  if (pattern == "*") return Value::string("*", span);
  if (pattern == kArgument && argument != nullptr) return *argument;
  std::string reason = std::string(t.name) + " resource " + std::string(pattern);
  reason += argument == nullptr ? " lacks its " + std::string(t.parameter) + " parameter"
                                : " depends on pseudo parameters known only at deployment";
  Value v = Value::unknown(std::move(reason), argument != nullptr ? argument->span : span);
  if (argument != nullptr) {
    v.refs = argument->refs;
    v.origin = argument->origin;
  }
  return v;
}

Value strings(const std::vector<std::string_view>& texts, bool as_list, const Span& span) {
  if (!as_list && texts.size() == 1) return Value::string(std::string(texts.front()), span);
  Value::List items;
  for (std::string_view text : texts) items.push_back(Value::string(std::string(text), span));
  return Value::list(std::move(items), span);
}

Value statement(const PolicyTemplate& t, const Value& arguments, const Span& span) {
  const Value* argument = template_argument(t, arguments);
  Value::List resources;
  for (std::string_view pattern : t.resources)
    resources.push_back(render_resource(t, pattern, argument, span));
  Value resource = t.resource_is_list || resources.size() != 1
                       ? Value::list(std::move(resources), span)
                       : std::move(resources.front());
  Value s = Value::map({}, span);
  s.set("Effect", Value::string("Allow", span));
  s.set("Action", strings(t.actions, t.action_is_list, span));
  s.set("Resource", std::move(resource));
  return s;
}

}  // namespace

std::optional<Value> expand_policy_template(std::string_view name, const Value& arguments,
                                            const Span& span) {
  const PolicyTemplate* t = find_template(name);
  if (t == nullptr) return std::nullopt;
  Value document = Value::map({}, span);
  document.set("Statement", Value::list({statement(*t, arguments, span)}, span));
  return document;
}

}  // namespace iacscan::detail
