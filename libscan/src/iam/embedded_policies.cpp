#include "iam/embedded_policies.hpp"

#include <algorithm>
#include <array>
#include <optional>

#include "iam/policy_file.hpp"

namespace iacscan::detail::iam {
namespace {

// How a location's policy type is decided: fixed, or read from an Organizations policy type
// attribute (CloudFormation's required Type; Terraform's type, SERVICE_CONTROL_POLICY when
// absent).
enum class TypeFrom : std::uint8_t { fixed, organizations_cfn, organizations_tf };

struct Location {
  std::string_view native_type;
  std::string_view path;  // '.' separated; "*" walks every item of a list
  PolicyType type;
  TypeFrom type_from = TypeFrom::fixed;
  bool resource_implied = false;
};

constexpr PolicyType kIdentity = PolicyType::identity;
constexpr PolicyType kResource = PolicyType::resource;
constexpr PolicyType kTrust = PolicyType::trust;

// Sorted by native type (std::lower_bound); a type may have several rows, in output order.
// Property names: the CloudFormation resource reference and the Terraform AWS provider docs.
constexpr std::array kLocations = std::to_array<Location>({
    {"AWS::ApiGateway::RestApi", "Policy", kResource},
    {"AWS::Backup::BackupVault", "AccessPolicy", kResource},
    {"AWS::EC2::VPCEndpoint", "PolicyDocument", PolicyType::endpoint},
    {"AWS::ECR::Repository", "RepositoryPolicyText", kResource, TypeFrom::fixed, true},
    {"AWS::EFS::FileSystem", "FileSystemPolicy", kResource},
    {"AWS::Elasticsearch::Domain", "AccessPolicies", kResource},
    {"AWS::Glacier::Vault", "AccessPolicy", kResource},
    {"AWS::IAM::Group", "Policies.*.PolicyDocument", kIdentity},
    {"AWS::IAM::GroupPolicy", "PolicyDocument", kIdentity},
    {"AWS::IAM::ManagedPolicy", "PolicyDocument", kIdentity},
    {"AWS::IAM::Policy", "PolicyDocument", kIdentity},
    {"AWS::IAM::Role", "AssumeRolePolicyDocument", kTrust},
    {"AWS::IAM::Role", "Policies.*.PolicyDocument", kIdentity},
    {"AWS::IAM::RolePolicy", "PolicyDocument", kIdentity},
    {"AWS::IAM::User", "Policies.*.PolicyDocument", kIdentity},
    {"AWS::IAM::UserPolicy", "PolicyDocument", kIdentity},
    {"AWS::KMS::Key", "KeyPolicy", kResource},
    {"AWS::Logs::ResourcePolicy", "PolicyDocument", kResource},
    {"AWS::OpenSearchService::Domain", "AccessPolicies", kResource},
    {"AWS::Organizations::Policy", "Content", kIdentity, TypeFrom::organizations_cfn},
    {"AWS::S3::BucketPolicy", "PolicyDocument", kResource},
    {"AWS::SNS::TopicPolicy", "PolicyDocument", kResource},
    {"AWS::SQS::QueuePolicy", "PolicyDocument", kResource},
    {"AWS::SSO::PermissionSet", "InlinePolicy", kIdentity},
    {"AWS::SecretsManager::ResourcePolicy", "ResourcePolicy", kResource},
    {"PolicyFile::AiOptOut", "Document", PolicyType::ai_opt_out},
    {"PolicyFile::Endpoint", "Document", PolicyType::endpoint},
    {"PolicyFile::Identity", "Document", kIdentity},
    {"PolicyFile::RCP", "Document", PolicyType::rcp},
    {"PolicyFile::Resource", "Document", kResource},
    {"PolicyFile::SCP", "Document", PolicyType::scp},
    {"PolicyFile::Trust", "Document", kTrust},
    {"aws_api_gateway_rest_api", "policy", kResource},
    {"aws_api_gateway_rest_api_policy", "policy", kResource},
    {"aws_backup_vault_policy", "policy", kResource},
    {"aws_cloudwatch_log_resource_policy", "policy_document", kResource},
    {"aws_ecr_registry_policy", "policy", kResource},
    {"aws_ecr_repository_policy", "policy", kResource, TypeFrom::fixed, true},
    {"aws_efs_file_system_policy", "policy", kResource},
    {"aws_elasticsearch_domain", "access_policies", kResource},
    {"aws_elasticsearch_domain_policy", "access_policies", kResource},
    {"aws_glacier_vault", "access_policy", kResource},
    {"aws_iam_group_policy", "policy", kIdentity},
    {"aws_iam_policy", "policy", kIdentity},
    {"aws_iam_role", "assume_role_policy", kTrust},
    {"aws_iam_role", "inline_policy.*.policy", kIdentity},
    {"aws_iam_role_policy", "policy", kIdentity},
    {"aws_iam_user_policy", "policy", kIdentity},
    {"aws_kms_key", "policy", kResource},
    {"aws_kms_key_policy", "policy", kResource},
    {"aws_opensearch_domain", "access_policies", kResource},
    {"aws_opensearch_domain_policy", "access_policies", kResource},
    {"aws_organizations_policy", "content", kIdentity, TypeFrom::organizations_tf},
    {"aws_s3_bucket", "policy", kResource},
    {"aws_s3_bucket_policy", "policy", kResource},
    {"aws_secretsmanager_secret", "policy", kResource},
    {"aws_secretsmanager_secret_policy", "policy", kResource},
    {"aws_sns_topic", "policy", kResource},
    {"aws_sns_topic_policy", "policy", kResource},
    {"aws_sqs_queue", "policy", kResource},
    {"aws_sqs_queue_policy", "policy", kResource},
    {"aws_ssoadmin_permission_set_inline_policy", "inline_policy", kIdentity},
    {"aws_vpc_endpoint", "policy", PolicyType::endpoint},
    {"aws_vpc_endpoint_policy", "policy", PolicyType::endpoint},
});

static_assert(std::is_sorted(kLocations.begin(), kLocations.end(),
                             [](const Location& a, const Location& b) {
                               return a.native_type < b.native_type;
                             }));

std::optional<PolicyType> resolve_type(const Location& location, const Value& attributes) {
  if (location.type_from == TypeFrom::fixed) return location.type;
  const Value* type =
      attributes.find(location.type_from == TypeFrom::organizations_cfn ? "Type" : "type");
  if (type == nullptr) {
    if (location.type_from == TypeFrom::organizations_tf) return PolicyType::scp;
    return std::nullopt;
  }
  if (!type->is_string()) return std::nullopt;
  return organizations_policy_type(type->text());
}

// Walks `path` from `value`, appending each document found with its written path.
void collect(const Value& value, std::string_view path, std::string written, PolicyType type,
             bool resource_implied, std::vector<EmbeddedPolicy>& out) {
  if (path.empty()) {
    out.push_back({type, std::move(written), &value, resource_implied});
    return;
  }
  const std::size_t dot = path.find('.');
  const std::string_view head = path.substr(0, dot);
  const std::string_view rest = dot == std::string_view::npos ? "" : path.substr(dot + 1);
  if (head == "*") {
    if (!value.is_list()) return;  // an unknown list of inline policies: nothing to read
    for (std::size_t i = 0; i < value.items().size(); ++i)
      collect(value.items()[i], rest, written + "[" + std::to_string(i) + "]", type,
              resource_implied, out);
    return;
  }
  const Value* child = value.find(head);
  if (child == nullptr || child->is_null()) return;
  collect(*child, rest, written.empty() ? std::string(head) : written + "." + std::string(head),
          type, resource_implied, out);
}

auto rows_of(std::string_view native_type) {
  return std::equal_range(
      kLocations.begin(), kLocations.end(), Location{native_type, "", kIdentity},
      [](const Location& a, const Location& b) { return a.native_type < b.native_type; });
}

}  // namespace

std::vector<EmbeddedPolicy> find_policies(const Resource& resource) {
  std::vector<EmbeddedPolicy> found;
  const auto [first, last] = rows_of(resource.native_type);
  for (auto row = first; row != last; ++row) {
    if (row->path.empty()) continue;
    const std::optional<PolicyType> type = resolve_type(*row, resource.attributes);
    if (!type) continue;
    collect(resource.attributes, row->path, "", *type, row->resource_implied, found);
  }
  return found;
}

bool may_hold_policies(std::string_view native_type) {
  const auto [first, last] = rows_of(native_type);
  return first != last;
}

std::vector<std::string_view> policy_holding_types() {
  std::vector<std::string_view> types;
  for (const Location& row : kLocations)
    if (!row.path.empty() && (types.empty() || types.back() != row.native_type))
      types.push_back(row.native_type);
  return types;
}

}  // namespace iacscan::detail::iam
