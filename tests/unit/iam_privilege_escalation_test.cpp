// Privilege-escalation paths: the table, which grants complete a path, what a Deny takes
// away, resources that reach (or not) the resource an attacker needs, unknown parts, spans.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "iam/admin_access.hpp"
#include "iam/privilege_escalation.hpp"
#include "iam_test_support.hpp"

using iacscan::detail::Truth;
using iacscan::detail::iam::escalation_paths;
using iacscan::detail::iam::EscalationAnalyzer;
using iacscan::detail::iam::EscalationHit;
using iacscan::detail::iam::EscalationPath;
using iacscan::detail::iam::Policy;
using iacscan::testing::iam_catalog;
using iacscan::testing::policy_from_json;
using iacscan::testing::policy_from_string;
using iacscan::testing::with_unknowns;

namespace {

const EscalationAnalyzer& analyzer() {
  static const EscalationAnalyzer instance(iam_catalog());
  return instance;
}

std::vector<EscalationHit> analyze(const std::string& statements) {
  return analyzer().analyze(
      policy_from_json(R"({"Version": "2012-10-17", "Statement": [)" + statements + "]}"));
}

// The truth of one path in the hits (False when it is absent).
Truth path_truth(const std::vector<EscalationHit>& hits, std::string_view id) {
  for (const EscalationHit& hit : hits)
    if (hit.path->id == id) return hit.truth;
  return Truth::false_;
}

std::set<std::string> ids(const std::vector<EscalationHit>& hits) {
  std::set<std::string> out;
  for (const EscalationHit& hit : hits) out.insert(std::string(hit.path->id));
  return out;
}

}  // namespace

TEST_CASE("iam escalation: the path table") {
  const auto paths = escalation_paths();
  CHECK(paths.size() >= 29);
  std::set<std::string_view> seen;
  for (const EscalationPath& path : paths) {
    INFO(path.id);
    CHECK(seen.insert(path.id).second);
    CHECK(path.action_count() >= 1);
    CHECK(path.reference.starts_with("https://"));
    CHECK_FALSE(path.description.empty());
    // Every action is one the IAM data knows: a typo would make the path unreachable.
    for (std::size_t i = 0; i < path.action_count(); ++i) {
      INFO(path.actions[i]);
      // An action may name the one resource type the attack needs: "ssm:SendCommand/instance".
      const std::string_view action = path.actions[i].substr(0, path.actions[i].find('/'));
      CHECK(iam_catalog().find(action).has_value());
    }
  }
  CHECK(
      std::is_sorted(paths.begin(), paths.end(),
                     [](const EscalationPath& a, const EscalationPath& b) { return a.id < b.id; }));
  for (const char* required : {"iam-create-policy-version",
                               "iam-set-default-policy-version",
                               "iam-create-access-key",
                               "iam-create-login-profile",
                               "iam-update-login-profile",
                               "iam-attach-user-policy",
                               "iam-attach-group-policy",
                               "iam-attach-role-policy",
                               "iam-put-user-policy",
                               "iam-put-group-policy",
                               "iam-put-role-policy",
                               "iam-add-user-to-group",
                               "iam-update-assume-role-policy",
                               "lambda-create-function-invoke-pass-role",
                               "lambda-create-function-event-source-pass-role",
                               "lambda-update-function-code",
                               "ec2-run-instances-pass-role",
                               "cloudformation-create-stack-pass-role",
                               "glue-create-dev-endpoint-pass-role",
                               "glue-update-dev-endpoint",
                               "datapipeline-create-pipeline-pass-role",
                               "codestar-create-project-pass-role",
                               "sagemaker-create-presigned-notebook-url",
                               "sagemaker-create-notebook-pass-role",
                               "ssm-send-command",
                               "ssm-start-session",
                               "ec2-instance-connect-send-ssh-public-key",
                               "ecs-run-task-pass-role"}) {
    INFO(required);
    CHECK(seen.count(required) == 1);
  }
}

TEST_CASE("iam escalation: single-action paths") {
  const auto hits =
      analyze(R"({"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": "*"})");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].path->id == "iam-create-policy-version");
  CHECK(hits[0].truth == Truth::true_);
  REQUIRE(hits[0].steps.size() == 1);
  CHECK(hits[0].steps[0].grants.size() == 1);
  CHECK(hits[0].statement_index == 0);

  CHECK(ids(analyze(R"({"Effect": "Allow", "Action": "ssm:StartSession", "Resource": "*"})")) ==
        std::set<std::string>{"ssm-start-session"});
}

TEST_CASE("iam escalation: every step must be granted") {
  CHECK(path_truth(analyze(R"({"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*"})"),
                   "ec2-run-instances-pass-role") == Truth::false_);
  // Steps may come from different statements.
  const auto hits = analyze(R"(
    {"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*"},
    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "arn:aws:iam::111122223333:role/*"})");
  CHECK(path_truth(hits, "ec2-run-instances-pass-role") == Truth::true_);
  CHECK(path_truth(hits, "lambda-create-function-invoke-pass-role") == Truth::false_);
}

TEST_CASE("iam escalation: wildcards and NotAction grant steps") {
  const auto all = analyze(R"({"Effect": "Allow", "Action": "*", "Resource": "*"})");
  CHECK(all.size() == escalation_paths().size());
  for (const EscalationHit& hit : all) CHECK(hit.truth == Truth::true_);

  const auto iam_only = ids(analyze(R"({"Effect": "Allow", "Action": "iam:*", "Resource": "*"})"));
  CHECK(iam_only.count("iam-put-user-policy") == 1);
  CHECK(iam_only.count("ec2-run-instances-pass-role") == 0);

  const auto not_action =
      ids(analyze(R"({"Effect": "Allow", "NotAction": ["iam:*", "sts:*"], "Resource": "*"})"));
  CHECK(not_action.count("lambda-update-function-code") == 1);
  CHECK(not_action.count("iam-put-user-policy") == 0);
  CHECK(not_action.count("ec2-run-instances-pass-role") == 0);  // no iam:PassRole
}

TEST_CASE("iam escalation: which resources reach the target") {
  const auto on = [](const std::string& resource) {
    return path_truth(
        analyze(R"({"Effect": "Allow", "Action": "iam:CreatePolicyVersion", "Resource": )" +
                resource + "}"),
        "iam-create-policy-version");
  };
  CHECK(on(R"("*")") == Truth::true_);
  CHECK(on(R"("arn:aws:iam::*:policy/*")") == Truth::true_);
  CHECK(on(R"("arn:aws:iam::111122223333:policy/team-*")") == Truth::true_);
  CHECK(on(R"("arn:aws:iam::111122223333:policy/ReadOnly")") == Truth::false_);
  CHECK(on(R"("arn:aws:s3:::*")") == Truth::false_);
  CHECK(on(R"(["arn:aws:s3:::*", "arn:*:iam::*:*"])") == Truth::true_);
  // An action that takes no resource ARN is reached only by "*".
  CHECK(
      path_truth(analyze(R"({"Effect": "Allow", "Action": ["iam:PassRole", "lambda:CreateFunction",
      "lambda:CreateEventSourceMapping"], "Resource": "arn:*"})"),
                 "lambda-create-function-event-source-pass-role") == Truth::false_);
}

TEST_CASE("iam escalation: a wildcard ARN reaches only the action's resource types") {
  // iam:AddUserToGroup acts on a group: arn:${Partition}:iam::${Account}:group/${GroupName...}.
  const auto add_to_group = [](const std::string& resource) {
    return path_truth(
        analyze(R"({"Effect": "Allow", "Action": "iam:AddUserToGroup", "Resource": )" + resource +
                "}"),
        "iam-add-user-to-group");
  };
  CHECK(add_to_group(R"("arn:aws:iam::*:role/*")") == Truth::false_);
  CHECK(add_to_group(R"("arn:aws:iam::*:user/*")") == Truth::false_);
  CHECK(add_to_group(R"(["arn:aws:iam::*:role/*", "arn:aws:iam::*:policy/*"])") == Truth::false_);
  CHECK(add_to_group(R"("arn:aws:iam::*:group/*")") == Truth::true_);
  CHECK(add_to_group(R"("arn:aws:iam::111122223333:group/admins-*")") == Truth::true_);
  CHECK(add_to_group(R"("arn:aws:iam::*:gr*")") == Truth::true_);
  CHECK(add_to_group(R"("arn:aws:iam::*:*")") == Truth::true_);
  CHECK(add_to_group(R"("arn:aws:iam::*:${aws:PrincipalTag/kind}/*")") == Truth::true_);
  CHECK(add_to_group(R"("*")") == Truth::true_);
  // Fewer than five colons: the star may span the account and the resource part.
  CHECK(add_to_group(R"("arn:aws:iam::*")") == Truth::true_);
  // The resource part of an ARN is case-sensitive.
  CHECK(add_to_group(R"("arn:aws:iam::*:Group/*")") == Truth::false_);

  // iam:PassRole acts on roles; a user wildcard does not reach one.
  const std::string run_instances =
      R"({"Effect": "Allow", "Action": "ec2:RunInstances", "Resource": "*"},)";
  CHECK(path_truth(analyze(run_instances + R"({"Effect": "Allow", "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::*:user/*"})"),
                   "ec2-run-instances-pass-role") == Truth::false_);
  CHECK(path_truth(analyze(run_instances + R"({"Effect": "Allow", "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::*:role/service-*"})"),
                   "ec2-run-instances-pass-role") == Truth::true_);
  // A Deny on roles takes nothing away from an action on groups.
  CHECK(path_truth(analyze(R"({"Effect": "Allow", "Action": "*", "Resource": "*"},
      {"Effect": "Deny", "Action": "iam:AddUserToGroup", "Resource": "arn:aws:iam::*:role/*"})"),
                   "iam-add-user-to-group") == Truth::true_);

  // iam:PassRole on every role: a NotResource naming users takes no role away.
  const auto pass_role_on_all = [](const std::string& statement) {
    return iacscan::detail::iam::overall_truth(iacscan::detail::iam::find_pass_role_on_all(
        policy_from_json(R"({"Version": "2012-10-17", "Statement": [)" + statement + "]}"),
        iam_catalog()));
  };
  CHECK(pass_role_on_all(R"({"Effect": "Allow", "Action": "iam:PassRole",
      "NotResource": "arn:aws:iam::*:user/*"})") == Truth::true_);
  CHECK(pass_role_on_all(R"({"Effect": "Allow", "Action": "iam:PassRole",
      "NotResource": "arn:aws:iam::*:role/admin-*"})") == Truth::false_);
}

TEST_CASE("iam escalation: a resource scoped to the caller reaches no other user") {
  // AWS's "manage your own credentials" policy.
  CHECK(analyze(R"({"Effect": "Allow", "Action": ["iam:CreateAccessKey", "iam:UpdateAccessKey",
      "iam:DeleteAccessKey", "iam:CreateLoginProfile", "iam:UpdateLoginProfile",
      "iam:ChangePassword", "iam:GetUser"], "Resource": "arn:aws:iam::*:user/${aws:username}"})")
            .empty());
  const auto create_key = [](const std::string& resource) {
    return path_truth(
        analyze(R"({"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": )" + resource +
                "}"),
        "iam-create-access-key");
  };
  CHECK(create_key(R"("arn:aws:iam::*:user/*/${aws:userid}")") == Truth::false_);
  CHECK(create_key(R"("arn:aws:iam::*:user/${AWS:UserName}")") == Truth::false_);
  // A wildcard beside the variable matches other users too: "alice" and "alice-admin".
  CHECK(create_key(R"("arn:aws:iam::*:user/${aws:username}*")") == Truth::true_);
  CHECK(create_key(R"("arn:aws:iam::*:user/*${aws:username}")") == Truth::true_);
  CHECK(create_key(R"("arn:aws:iam::*:user/${aws:PrincipalTag/team}-*")") == Truth::true_);
  // Everything but the caller's own user.
  CHECK(path_truth(analyze(R"({"Effect": "Allow", "Action": "iam:CreateAccessKey",
      "NotResource": "arn:aws:iam::*:user/${aws:username}"})"),
                   "iam-create-access-key") == Truth::true_);
  // A Deny of the caller's own user leaves the others; a Deny of everyone else takes them away.
  const std::string allow_all = R"({"Effect": "Allow", "Action": "*", "Resource": "*"},)";
  CHECK(path_truth(analyze(allow_all + R"({"Effect": "Deny", "Action": "iam:CreateAccessKey",
      "Resource": "arn:aws:iam::*:user/${aws:username}"})"),
                   "iam-create-access-key") == Truth::true_);
  CHECK(path_truth(analyze(allow_all + R"({"Effect": "Deny", "Action": "iam:CreateAccessKey",
      "NotResource": "arn:aws:iam::*:user/${aws:username}"})"),
                   "iam-create-access-key") == Truth::false_);
  // Changing one's own user's permissions is the escalation itself.
  const auto self = analyze(R"({"Effect": "Allow", "Action": ["iam:AttachUserPolicy",
      "iam:PutUserPolicy"], "Resource": "arn:aws:iam::*:user/${aws:username}"})");
  CHECK(path_truth(self, "iam-attach-user-policy") == Truth::true_);
  CHECK(path_truth(self, "iam-put-user-policy") == Truth::true_);
}

TEST_CASE("iam escalation: Deny statements take steps away") {
  const std::string allow_all = R"({"Effect": "Allow", "Action": "*", "Resource": "*"},)";
  const auto denied =
      analyze(allow_all + R"({"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*"})");
  CHECK(path_truth(denied, "ec2-run-instances-pass-role") == Truth::false_);
  CHECK(path_truth(denied, "iam-put-user-policy") == Truth::true_);

  // A conditional Deny leaves the requests it does not match allowed.
  CHECK(path_truth(
            analyze(allow_all + R"({"Effect": "Deny", "Action": "iam:PassRole", "Resource": "*",
      "Condition": {"Bool": {"aws:MultiFactorAuthPresent": "false"}}})"),
            "ec2-run-instances-pass-role") == Truth::true_);
  // A Deny on a wildcard ARN of the service may or may not cover every role.
  CHECK(path_truth(analyze(allow_all + R"({"Effect": "Deny", "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::*:role/*"})"),
                   "ec2-run-instances-pass-role") == Truth::unknown);
  // One on a specific role leaves the others.
  CHECK(path_truth(analyze(allow_all + R"({"Effect": "Deny", "Action": "iam:PassRole",
      "Resource": "arn:aws:iam::111122223333:role/Admin"})"),
                   "ec2-run-instances-pass-role") == Truth::true_);
  // Deny NotAction: everything but the listed actions is denied.
  CHECK(analyze(allow_all + R"({"Effect": "Deny", "NotAction": "s3:*", "Resource": "*"})").empty());
}

TEST_CASE("iam escalation: conditional grants do not count") {
  CHECK(analyze(R"({"Effect": "Allow", "Action": "iam:AttachUserPolicy", "Resource": "*",
      "Condition": {"ArnEquals": {"iam:PolicyARN": "arn:aws:iam::aws:policy/ReadOnlyAccess"}}})")
            .empty());
}

TEST_CASE("iam escalation: unknown parts") {
  const auto from = [](const std::string& text) {
    return analyzer().analyze(policy_from_string(with_unknowns(text)));
  };
  const auto unknown_action =
      from(R"({"Statement": [{"Effect": "Allow", "Action": "<?>", "Resource": "*"}]})");
  CHECK(unknown_action.size() == escalation_paths().size());
  for (const EscalationHit& hit : unknown_action) CHECK(hit.truth == Truth::unknown);

  // "iam:Put<?>" could be iam:PutUserPolicy, never iam:CreateAccessKey.
  const auto put =
      from(R"({"Statement": [{"Effect": "Allow", "Action": "iam:Put<?>", "Resource": "*"}]})");
  CHECK(path_truth(put, "iam-put-user-policy") == Truth::unknown);
  CHECK(path_truth(put, "iam-create-access-key") == Truth::false_);

  // A known grant beside an unknown statement is still a definite path.
  const auto mixed = from(R"({"Statement": [
    {"Effect": "<?>", "Action": "<?>", "Resource": "<?>"},
    {"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "*"}]})");
  CHECK(path_truth(mixed, "iam-create-access-key") == Truth::true_);
  CHECK(path_truth(mixed, "iam-put-user-policy") == Truth::unknown);

  // An unknown resource.
  CHECK(
      path_truth(
          from(
              R"({"Statement": [{"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "<?>"}]})"),
          "iam-create-access-key") == Truth::unknown);
  CHECK(
      path_truth(
          from(
              R"({"Statement": [{"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "arn:aws:s3:::<?>"}]})"),
          "iam-create-access-key") == Truth::false_);
  // A Deny with an unknown action may take the step away.
  CHECK(
      path_truth(
          from(
              R"({"Statement": [{"Effect": "Allow", "Action": "iam:CreateAccessKey", "Resource": "*"},
      {"Effect": "Deny", "Action": "iam:<?>", "Resource": "*"}]})"),
          "iam-create-access-key") == Truth::unknown);
}

TEST_CASE("iam escalation: a hit points at the granting statement") {
  const Policy p = policy_from_json(R"({
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:GetObject",
      "Resource": "*"
    },
    {
      "Effect": "Allow",
      "Action": [
        "iam:PutRolePolicy"
      ],
      "Resource": "*"
    }
  ]
})");
  const auto hits = analyzer().analyze(p);
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].statement_index == 1);
  CHECK(hits[0].span.range.start_line == 9);
  CHECK(hits[0].steps[0].grants[0].element_span.range.start_line == 11);
}

TEST_CASE("iam escalation: a large policy") {
  // Many statements of many patterns: expansion is per pattern, steps are set lookups.
  std::string statements;
  for (int i = 0; i < 300; ++i) {
    if (i > 0) statements += ",";
    statements += R"({"Effect": "Allow", "Action": ["s3:Get*", "ec2:Describe*", "kms:*", "logs:*",
        "cloudwatch:Put*", "dynamodb:*Item*", "sqs:Send*"], "Resource": "arn:aws:s3:::bucket-)" +
                  std::to_string(i) + R"(/*"})";
  }
  CHECK(analyze(statements).empty());
}
