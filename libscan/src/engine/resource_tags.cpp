#include "engine/resource_tags.hpp"

#include <algorithm>
#include <array>

namespace iacscan::detail {
namespace {

// Sorted. CloudFormation and Terraform types of the canonical kinds whose resources take tags.
constexpr auto kTaggableTypes = std::to_array<std::string_view>({
    "AWS::AccessAnalyzer::Analyzer",
    "AWS::ApiGateway::RestApi",
    "AWS::ApiGateway::Stage",
    "AWS::ApiGateway::UsagePlan",
    "AWS::ApiGatewayV2::Api",
    "AWS::ApiGatewayV2::Stage",
    "AWS::CloudFormation::StackSet",
    "AWS::CloudFront::Distribution",
    "AWS::CloudTrail::Trail",
    "AWS::DynamoDB::Table",
    "AWS::EC2::EIP",
    "AWS::EC2::Instance",
    "AWS::EC2::InternetGateway",
    "AWS::EC2::RouteTable",
    "AWS::EC2::SecurityGroup",
    "AWS::EC2::Subnet",
    "AWS::EC2::VPC",
    "AWS::EC2::Volume",
    "AWS::ECS::TaskDefinition",
    "AWS::EKS::Cluster",
    "AWS::ElasticLoadBalancing::LoadBalancer",
    "AWS::ElasticLoadBalancingV2::LoadBalancer",
    "AWS::Elasticsearch::Domain",
    "AWS::GuardDuty::Detector",
    "AWS::IAM::Role",
    "AWS::IAM::User",
    "AWS::KMS::Key",
    "AWS::Lambda::Function",
    "AWS::OpenSearchService::Domain",
    "AWS::Organizations::Account",
    "AWS::RAM::ResourceShare",
    "AWS::RDS::DBCluster",
    "AWS::RDS::DBInstance",
    "AWS::Redshift::Cluster",
    "AWS::S3::Bucket",
    "AWS::Serverless::Api",
    "AWS::Serverless::Function",
    "AWS::Serverless::HttpApi",
    "AWS::Serverless::SimpleTable",
    "AWS::Serverless::StateMachine",
    "AWS::StepFunctions::StateMachine",
    "aws_accessanalyzer_analyzer",
    "aws_alb",
    "aws_api_gateway_rest_api",
    "aws_api_gateway_stage",
    "aws_api_gateway_usage_plan",
    "aws_apigatewayv2_api",
    "aws_apigatewayv2_stage",
    "aws_cloudformation_stack_set",
    "aws_cloudfront_distribution",
    "aws_cloudtrail",
    "aws_db_instance",
    "aws_default_route_table",
    "aws_default_security_group",
    "aws_default_subnet",
    "aws_default_vpc",
    "aws_dynamodb_table",
    "aws_ebs_volume",
    "aws_ecs_task_definition",
    "aws_eip",
    "aws_eks_cluster",
    "aws_elasticsearch_domain",
    "aws_elb",
    "aws_flow_log",
    "aws_guardduty_detector",
    "aws_iam_role",
    "aws_iam_user",
    "aws_instance",
    "aws_internet_gateway",
    "aws_kms_key",
    "aws_lambda_function",
    "aws_launch_template",
    "aws_lb",
    "aws_opensearch_domain",
    "aws_organizations_account",
    "aws_ram_resource_share",
    "aws_rds_cluster",
    "aws_rds_cluster_instance",
    "aws_redshift_cluster",
    "aws_route_table",
    "aws_s3_bucket",
    "aws_security_group",
    "aws_sfn_state_machine",
    "aws_subnet",
    "aws_vpc",
    "aws_vpc_security_group_ingress_rule",
});

// The native attribute holding the tags.
const Value* tags_attribute(const Resource& r) {
  const bool cloudformation = r.format == SourceFormat::cloudformation;
  return r.attributes.find(cloudformation ? "Tags" : "tags");
}

}  // namespace

bool is_taggable_type(std::string_view native_type) {
  return std::binary_search(kTaggableTypes.begin(), kTaggableTypes.end(), native_type);
}

TagSet resource_tags(const Resource& resource) {
  TagSet out;
  const Value* tags = tags_attribute(resource);
  if (tags == nullptr || tags->is_null()) return out;
  out.written = tags;
  auto mark_unknown = [&](const Value* part) {
    out.unknown = true;
    if (!out.unknown_part) out.unknown_part = part;
  };
  if (tags->is_unknown()) {
    mark_unknown(tags);
  } else if (tags->is_map()) {  // Terraform, SAM and a few CloudFormation types
    for (const Value::Entry& e : tags->entries()) out.keys.push_back(e.key);
  } else if (tags->is_list()) {  // CloudFormation [{Key, Value}]
    for (const Value& item : tags->items()) {
      const Value* key = item.is_map() ? item.find("Key") : nullptr;
      if (item.is_unknown() || (key && key->is_unknown())) {
        mark_unknown(item.is_unknown() ? &item : key);
      } else if (key && (key->is_string() || key->is_number())) {
        out.keys.push_back(key->text());
      }
    }
  }
  return out;
}

const Value* tag_value(const Resource& resource, std::string_view key) {
  const Value* tags = tags_attribute(resource);
  if (tags == nullptr) return nullptr;
  if (tags->is_map()) {
    const Value* v = tags->find(key);
    return v && v->is_string() ? v : nullptr;
  }
  if (!tags->is_list()) return nullptr;
  for (const Value& item : tags->items()) {
    const Value* k = item.find("Key");
    const Value* v = item.find("Value");
    if (k && k->is_string() && k->text() == key && v && v->is_string()) return v;
  }
  return nullptr;
}

}  // namespace iacscan::detail
