// The table of resource attributes that follow from properties, and their evaluation.
#include "cloudformation/resource_attributes.hpp"

#include <array>
#include <string_view>
#include <utility>

#include "cloudformation/evaluator.hpp"
#include "cloudformation/sub.hpp"
#include "cloudformation/value_ops.hpp"

namespace iacscan::detail {
namespace {

struct KnownAttribute {
  std::string_view type;
  std::string_view attribute;  // empty: Ref
  std::string_view property;   // the property it needs
  std::string_view format;     // empty: the property's value itself; else Fn::Sub syntax
};

constexpr std::array<KnownAttribute, 14> kKnownAttributes = {{
    {"AWS::S3::Bucket", "", "BucketName", ""},
    {"AWS::S3::Bucket", "Arn", "BucketName", "arn:${AWS::Partition}:s3:::${BucketName}"},
    {"AWS::IAM::Role", "", "RoleName", ""},
    {"AWS::IAM::User", "", "UserName", ""},
    {"AWS::IAM::Group", "", "GroupName", ""},
    {"AWS::IAM::InstanceProfile", "", "InstanceProfileName", ""},
    {"AWS::SQS::Queue", "QueueName", "QueueName", ""},
    {"AWS::SNS::Topic", "TopicName", "TopicName", ""},
    {"AWS::DynamoDB::Table", "", "TableName", ""},
    {"AWS::Lambda::Function", "", "FunctionName", ""},
    {"AWS::Logs::LogGroup", "", "LogGroupName", ""},
    {"AWS::KMS::Alias", "", "AliasName", ""},
    {"AWS::SSM::Parameter", "", "Name", ""},
    {"AWS::ECR::Repository", "", "RepositoryName", ""},
}};

const KnownAttribute* find_row(const std::string& type, const std::string& attribute) {
  for (const KnownAttribute& row : kKnownAttributes) {
    if (row.type == type && row.attribute == attribute) return &row;
  }
  return nullptr;
}

}  // namespace

std::optional<Value> known_resource_attribute(const std::string& type,
                                              const std::string& logical_id,
                                              const std::string& attribute, const Value& properties,
                                              const Span& use, TemplateEvaluator& evaluator) {
  const KnownAttribute* row = find_row(type, attribute);
  if (row == nullptr) return std::nullopt;
  const Value* property = properties.find(row->property);
  if (property == nullptr) return std::nullopt;
  if (row->format.empty()) {
    Value value = *property;
    give_origin(value, std::string{row->property} + " of resource \"" + logical_id + "\"");
    move_to(value, use);
    return value;
  }
  const auto resolve = [&](const std::string& name) {
    return name == row->property ? *property : evaluator.ref(name, use);
  };
  return substitute(row->format, resolve, use, "attribute \"" + logical_id + "." + attribute + "\"",
                    evaluator);
}

}  // namespace iacscan::detail
