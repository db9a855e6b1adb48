// SCP guardrail predicates of account rules: the SCP set judged per attachment target (the
// declared tree, root-only attachments, standalone files taken as one set), exceptions,
// NotAction, wildcards, allow lists, the management account, organization facts and unknowns;
// and the attachment predicates (FullAWSAccess detached, attachments per target, a policy
// attached to the root).
#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "cfn_test_support.hpp"
#include "engine/account_evaluator.hpp"
#include "engine/evaluator.hpp"
#include "engine/iam_predicates.hpp"
#include "engine/scp_attachment_predicates.hpp"
#include "engine/scp_guardrail_predicates.hpp"
#include "graph/resource_graph.hpp"
#include "iacscan/options.hpp"
#include "tf_test_support.hpp"
#include "value/json_reader.hpp"

using namespace iacscan::detail;
using namespace iacscan::detail::predicates;

namespace {

using Predicate = Outcome (*)(const PredicateInput&);

Value arguments(std::string_view json) {
  ReadResult read = read_json(json, 0);
  REQUIRE(read.ok());
  return std::move(*read.value);
}

// A scan's resources, judged as an account rule judges them: a stand-in subject, the whole
// graph and the options in the context.
struct Scanned {
  std::vector<Resource> resources;
  iacscan::ScanOptions options;
  PresenceEvidence evidence;

  Scanned& add(std::vector<Resource> more) {
    for (Resource& r : more) resources.push_back(std::move(r));
    return *this;
  }

  Outcome run(Predicate predicate, std::string_view with = "{}") {
    ResourceGraph graph;
    graph.resources = resources;
    Resource whole;
    whole.native_type = kScannedSetType;
    whole.address = "the scanned set";
    EvalContext context(&whole, &graph, kWholeSet);
    context.options = &options;
    context.evidence = &evidence;
    const Value with_value = arguments(with);
    return predicate(PredicateInput{whole, whole.canonical, with_value, &context});
  }

  Outcome guardrail(std::string_view with) { return run(scp_guardrail, with); }

  std::vector<std::string> met_addresses() const {
    std::vector<std::string> out;
    for (std::size_t i : evidence.met) out.push_back(resources[i].address);
    return out;
  }
};

Scanned terraform(const std::string& main_tf) {
  auto e = iacscan::testing::evaluate_main(main_tf);
  INFO(e.diagnostics_text());
  CHECK(e.out.diagnostics.empty());
  Scanned s;
  s.add(std::move(e.out.resources));
  return s;
}

Scanned cloudformation(const std::string& yaml) {
  Scanned s;
  s.add(iacscan::testing::load_template(yaml).resources);
  return s;
}

std::vector<Resource> scp_file(const std::string& path, const std::string& json) {
  SourceFile file;
  file.path = path;
  file.content = json;
  return load_cloudformation_file(file).resources;
}

std::string deny(std::string_view action, std::string_view extra = "") {
  return std::string(R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": )") +
         std::string(action) + R"(, "Resource": "*")" + std::string(extra) + "}]}";
}

constexpr std::string_view kLeave = R"({"deny": ["organizations:LeaveOrganization"]})";

// An organization with two OUs below the root; `attach` says where the deny-leave SCP goes.
std::string tf_tree(std::string_view attach_to, std::string_view content) {
  return std::string(R"(resource "aws_organizations_organization" "org" {
  feature_set = "ALL"
}
resource "aws_organizations_organizational_unit" "workloads" {
  name      = "workloads"
  parent_id = aws_organizations_organization.org.roots[0].id
}
resource "aws_organizations_organizational_unit" "sandbox" {
  name      = "sandbox"
  parent_id = aws_organizations_organization.org.roots[0].id
}
resource "aws_organizations_account" "app" {
  name      = "app"
  email     = "app@example.com"
  parent_id = aws_organizations_organizational_unit.workloads.id
}
resource "aws_organizations_policy" "guardrail" {
  name    = "guardrail"
  content = )") +
         std::string(content) + R"(
}
resource "aws_organizations_policy_attachment" "guardrail" {
  policy_id = aws_organizations_policy.guardrail.id
  target_id = )" +
         std::string(attach_to) + "\n}\n";
}

constexpr std::string_view kDenyLeaveJson =
    R"(jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "organizations:LeaveOrganization", Resource = "*" }] }))";

}  // namespace

TEST_CASE("scp-guardrail: a declared tree is judged at its leaves, through the root") {
  SUBCASE("attached to the root: every OU and account below has it") {
    Scanned s =
        terraform(tf_tree("aws_organizations_organization.org.roots[0].id", kDenyLeaveJson));
    const Outcome o = s.guardrail(kLeave);
    CHECK(o.truth == Truth::true_);
    CHECK(s.met_addresses() == std::vector<std::string>{"aws_organizations_policy.guardrail"});
  }
  SUBCASE("attached to one OU: the other OU lacks it, and the finding says where") {
    Scanned s =
        terraform(tf_tree("aws_organizations_organizational_unit.workloads.id", kDenyLeaveJson));
    const Outcome o = s.guardrail(kLeave);
    CHECK(o.truth == Truth::false_);
    CHECK(o.detail ==
          "aws_organizations_organizational_unit.sandbox: organizations:LeaveOrganization not "
          "denied");
    CHECK(o.span.range.start_line == 8);  // the sandbox OU's declaration
  }
  SUBCASE("attached to the account only: both OUs' other members are not covered") {
    Scanned s = terraform(tf_tree("aws_organizations_account.app.id", kDenyLeaveJson));
    const Outcome o = s.guardrail(kLeave);
    CHECK(o.truth == Truth::false_);
    CHECK(o.detail.find("sandbox") != std::string::npos);
    CHECK(o.detail.find("aws_organizations_account.app") == std::string::npos);
  }
}

TEST_CASE("scp-guardrail: root-only attachments and OUs named by literal id") {
  SUBCASE("the root is the only target: it is judged itself") {
    Scanned s = cloudformation(R"(Resources:
  Baseline:
    Type: AWS::Organizations::Policy
    Properties:
      Name: baseline
      Type: SERVICE_CONTROL_POLICY
      TargetIds: [r-a1b2]
      Content:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Action: iam:CreateUser
            Resource: "*"
)");
    const Outcome o = s.guardrail(kLeave);
    CHECK(o.truth == Truth::false_);
    CHECK(o.detail == "r-a1b2: organizations:LeaveOrganization not denied");
    CHECK(o.span.range.start_line == 7);  // the TargetIds entry
    CHECK(s.guardrail(R"({"deny": ["iam:CreateUser"]})").truth == Truth::true_);
  }
  SUBCASE("an OU whose parent is not declared still sits below the root") {
    Scanned s = cloudformation(R"(Resources:
  DenyLeave:
    Type: AWS::Organizations::Policy
    Properties:
      Name: deny-leave
      Type: SERVICE_CONTROL_POLICY
      TargetIds: [r-a1b2]
      Content:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Action: organizations:LeaveOrganization
            Resource: "*"
  ProtectTrail:
    Type: AWS::Organizations::Policy
    Properties:
      Name: protect-trail
      Type: SERVICE_CONTROL_POLICY
      TargetIds: [ou-abcd-11111111]
      Content:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Action: cloudtrail:StopLogging
            Resource: "*"
)");
    CHECK(s.guardrail(kLeave).truth == Truth::true_);
    // The trail is protected in the OU only; the root (with the OU below it) is not a leaf.
    CHECK(s.guardrail(R"({"deny": ["cloudtrail:StopLogging"]})").truth == Truth::true_);
  }
}

TEST_CASE("scp-guardrail: with nothing attached, the scanned SCP documents are one set") {
  Scanned s;
  s.add(scp_file("org/scps/leave.json", deny("\"organizations:LeaveOrganization\"")));
  s.add(scp_file("org/more/users.json", deny(R"(["iam:CreateUser", "iam:CreateAccessKey"])")));
  CHECK(s.guardrail(kLeave).truth == Truth::true_);
  CHECK(s.guardrail(R"({"deny": ["iam:CreateUser", "iam:CreateAccessKey"]})").truth ==
        Truth::true_);
  // Each action may come from a different document.
  CHECK(s.guardrail(R"({"deny": ["organizations:LeaveOrganization", "iam:CreateUser"]})").truth ==
        Truth::true_);
  const Outcome o = s.guardrail(R"({"deny": ["cloudtrail:StopLogging"]})");
  CHECK(o.truth == Truth::false_);
  CHECK(o.detail == "the scanned SCPs: cloudtrail:StopLogging not denied");
  CHECK_FALSE(o.span.valid());  // a missing control has no line of its own

  Scanned none = terraform(R"(resource "aws_s3_bucket" "b" {
  bucket = "b"
}
)");
  const Outcome empty = none.guardrail(kLeave);
  CHECK(empty.truth == Truth::false_);
  CHECK(empty.detail == "no SCP in the scanned set");
}

TEST_CASE("scp-guardrail: exceptions, NotAction, wildcards and allow lists count") {
  auto judge = [](const std::string& json) {
    Scanned s;
    s.add(scp_file("org/scps/p.json", json));
    return s.guardrail(kLeave).truth;
  };
  // A narrow exception, or even a weak one, is still the guardrail (scp-exception-weak says
  // whether it is narrow enough).
  CHECK(
      judge(deny(
          "\"organizations:LeaveOrganization\"",
          R"(, "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/OrgAdmin"}})")) ==
      Truth::true_);
  CHECK(judge(deny("\"organizations:LeaveOrganization\"",
                   R"(, "Condition": {"StringNotLike": {"aws:PrincipalArn": "*"}})")) ==
        Truth::true_);
  // A Deny that targets only some principals is no guardrail for the others.
  CHECK(
      judge(deny("\"organizations:LeaveOrganization\"",
                 R"(, "Condition": {"StringEquals": {"aws:PrincipalTag/team": "contractors"}})")) ==
      Truth::false_);
  CHECK(judge(deny("\"organizations:*\"")) == Truth::true_);
  CHECK(judge(deny("\"organizations:Leave*\"")) == Truth::true_);
  CHECK(judge(deny("\"*\"")) == Truth::true_);
  CHECK(judge(deny("\"organizations:Describe*\"")) == Truth::false_);
  CHECK(
      judge(
          R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": ["s3:*", "ec2:*"], "Resource": "*"}]})") ==
      Truth::true_);
  CHECK(
      judge(
          R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": ["organizations:*"], "Resource": "*"}]})") ==
      Truth::false_);
  // An allow list that leaves Organizations out denies it implicitly.
  CHECK(
      judge(
          R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "ec2:*"], "Resource": "*"}]})") ==
      Truth::true_);
}

TEST_CASE("scp-guardrail: an allow list on one OU covers that OU only") {
  Scanned s = cloudformation(R"(Resources:
  Sandbox:
    Type: AWS::Organizations::OrganizationalUnit
    Properties:
      Name: sandbox
      ParentId: r-ab12
  Workloads:
    Type: AWS::Organizations::OrganizationalUnit
    Properties:
      Name: workloads
      ParentId: r-ab12
  AllowList:
    Type: AWS::Organizations::Policy
    Properties:
      Name: allow-list
      Type: SERVICE_CONTROL_POLICY
      TargetIds: [!Ref Sandbox]
      Content:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: ["s3:*", "ec2:*"]
            Resource: "*"
)");
  const Outcome o = s.guardrail(kLeave);
  CHECK(o.truth == Truth::false_);
  CHECK(o.detail == "Workloads: organizations:LeaveOrganization not denied");
  CHECK(o.span.range.start_line == 7);
}

TEST_CASE("scp-guardrail: the management account is exempt, and accounts a rule exempts") {
  const std::string template_text = R"(Resources:
  Management:
    Type: AWS::Organizations::Policy
    Properties:
      Name: tag-only
      Type: SERVICE_CONTROL_POLICY
      TargetIds: ["111111111111", "444444444444"]
      Content:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Action: iam:DeleteAccountPasswordPolicy
            Resource: "*"
)";
  Scanned s = cloudformation(template_text);
  const std::string_view users =
      R"({"deny": ["iam:CreateUser"], "exempt": ["organization.identity_account"]})";
  // Without facts both accounts must have it.
  Outcome o = s.guardrail(users);
  CHECK(o.truth == Truth::false_);
  CHECK(o.detail ==
        "111111111111: iam:CreateUser not denied; 444444444444: iam:CreateUser not denied");
  s.options.organization.management_account = "111111111111";
  o = s.guardrail(users);
  CHECK(o.truth == Truth::false_);
  CHECK(o.detail == "444444444444: iam:CreateUser not denied");
  s.options.organization.identity_account = "444444444444";
  CHECK(s.guardrail(users).truth == Truth::true_);
}

TEST_CASE("scp-guardrail: unknowns leave the control undecided, never missing") {
  SUBCASE("a policy from a variable") {
    Scanned s = terraform(R"(variable "content" {}
resource "aws_organizations_policy" "baseline" {
  name    = "baseline"
  content = var.content
}
resource "aws_organizations_policy_attachment" "root" {
  policy_id = aws_organizations_policy.baseline.id
  target_id = "r-a1b2"
}
)");
    CHECK(s.guardrail(kLeave).truth == Truth::unknown);
  }
  SUBCASE("an attachment whose target is known only at deployment") {
    Scanned s = terraform(std::string(R"(variable "target" {}
resource "aws_organizations_policy" "tags" {
  name    = "tags"
  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "iam:DeleteRole", Resource = "*" }] })
}
resource "aws_organizations_policy_attachment" "tags" {
  policy_id = aws_organizations_policy.tags.id
  target_id = "ou-abcd-11111111"
}
resource "aws_organizations_policy" "leave" {
  name    = "leave"
  content = )") + std::string(kDenyLeaveJson) +
                          R"(
}
resource "aws_organizations_policy_attachment" "leave" {
  policy_id = aws_organizations_policy.leave.id
  target_id = var.target
}
)");
    const Outcome o = s.guardrail(kLeave);
    CHECK(o.truth == Truth::unknown);
    CHECK(o.detail.find("aws_organizations_policy_attachment.leave") != std::string::npos);
    // That attachment's policy could not add what it does not deny.
    CHECK(s.guardrail(R"({"deny": ["cloudtrail:StopLogging"]})").truth == Truth::false_);
  }
  SUBCASE("a Deny conditioned on a key the probe cannot know") {
    Scanned s;
    s.add(
        scp_file("org/scps/p.json",
                 deny("\"organizations:LeaveOrganization\"",
                      R"(, "Condition": {"StringEquals": {"aws:ResourceTag/guarded": "true"}})")));
    const Outcome o = s.guardrail(kLeave);
    CHECK(o.truth == Truth::unknown);
    CHECK(o.detail.find("aws:resourcetag/guarded") != std::string::npos);
  }
}

TEST_CASE("scp-guardrail: alternatives, resources and request context") {
  const std::string_view imdsv2 = R"({"deny": [{"any_of": [
      [{"action": "ec2:RunInstances", "resource": "arn:aws:ec2:*:*:instance/*",
        "context": {"ec2:MetadataHttpTokens": "optional"}}],
      [{"action": "ec2:DescribeInstances", "context": {"ec2:RoleDelivery": "1.0"}}]]}]})";
  auto judge = [&](const std::string& json) {
    Scanned s;
    s.add(scp_file("org/scps/p.json", json));
    return s.guardrail(imdsv2).truth;
  };
  CHECK(
      judge(
          R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ec2:RunInstances",
      "Resource": "arn:aws:ec2:*:*:instance/*",
      "Condition": {"StringNotEquals": {"ec2:MetadataHttpTokens": "required"}}}]})") ==
      Truth::true_);
  CHECK(
      judge(
          R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*",
      "Condition": {"NumericLessThan": {"ec2:RoleDelivery": "2.0"}}}]})") == Truth::true_);
  CHECK(
      judge(
          R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "ec2:RunInstances",
      "Resource": "arn:aws:ec2:*:*:volume/*"}]})") == Truth::false_);

  const std::string_view root_user = R"({"deny": ["ec2:RunInstances", "iam:CreateAccessKey"],
      "context": {"aws:PrincipalArn": "arn:aws:iam::123456789012:root"}})";
  Scanned s;
  s.add(scp_file(
      "org/scps/root.json",
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": ["s3:GetBucketPolicy", "s3:PutBucketPolicy"], "Resource": "*",
      "Condition": {"ArnLike": {"aws:PrincipalArn": "arn:aws:iam::*:root"}}}]})"));
  CHECK(s.guardrail(root_user).truth == Truth::true_);
  // The same Deny is no guardrail for an ordinary principal.
  CHECK(s.guardrail(kLeave).truth == Truth::false_);
}

TEST_CASE("scp-guardrail: OU roles and organization facts") {
  const std::string tree = R"(Resources:
  Dev:
    Type: AWS::Organizations::OrganizationalUnit
    Properties:
      Name: dev
      ParentId: r-a1b2
  Prod:
    Type: AWS::Organizations::OrganizationalUnit
    Properties:
      Name: prod
      ParentId: r-a1b2
  Guardrail:
    Type: AWS::Organizations::Policy
    Properties:
      Name: dev-guardrail
      Type: SERVICE_CONTROL_POLICY
      TargetIds: [!Ref Dev]
      Content:
        Version: "2012-10-17"
        Statement:
          - Effect: Deny
            Action: s3:PutAccountPublicAccessBlock
            Resource: "*"
)";
  const std::string_view dev = R"({"deny": ["s3:PutAccountPublicAccessBlock"], "ou_role": "dev"})";
  Scanned s = cloudformation(tree);
  CHECK(s.guardrail(dev).truth == Truth::unknown);   // no OU has the role
  s.options.organization.ou_roles["dev"] = {"dev"};  // by name
  CHECK(s.guardrail(dev).truth == Truth::true_);
  CHECK(s.guardrail(R"({"deny": ["s3:PutAccountPublicAccessBlock"]})").truth == Truth::false_);
  // An OU the configuration names that the scan does not declare gets only the root's SCPs.
  s.options.organization.ou_roles["ou-abcd-22222222"] = {"dev"};
  const Outcome o = s.guardrail(dev);
  CHECK(o.truth == Truth::false_);
  CHECK(o.detail == "ou-abcd-22222222: s3:PutAccountPublicAccessBlock not denied");

  Scanned roles;
  roles.add(scp_file("org/scps/roles.json",
                     R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny",
      "Action": ["iam:DeleteRole", "iam:PutRolePolicy"], "Resource": "arn:aws:iam::*:role/security-*",
      "Condition": {"ArnNotLike": {"aws:PrincipalArn": "arn:aws:iam::*:role/OrgAdmin"}}}]})"));
  const std::string_view protect =
      R"({"deny": ["iam:DeleteRole", "iam:PutRolePolicy"], "resource": "{organization.protected_role_arns}"})";
  CHECK(roles.guardrail(protect).truth == Truth::unknown);  // the fact is missing
  roles.options.organization.protected_role_arns = {"arn:aws:iam::*:role/security-*"};
  CHECK(roles.guardrail(protect).truth == Truth::true_);
  roles.options.organization.protected_role_arns.push_back("arn:aws:iam::*:role/incident-response");
  const Outcome missing = roles.guardrail(protect);
  CHECK(missing.truth == Truth::false_);
  CHECK(missing.detail.find("incident-response") != std::string::npos);
}

TEST_CASE("scp-guardrail: a region restriction is no guardrail where it leaves regions open") {
  Scanned s;
  s.add(scp_file(
      "org/scps/regions.json",
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": ["iam:*", "sts:*", "organizations:*"],
      "Resource": "*", "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1", "eu-central-1"]}}}]})"));
  const Outcome o = s.guardrail(R"({"deny": ["cloudtrail:StopLogging"]})");
  CHECK(o.truth == Truth::false_);
  CHECK(o.detail == "the scanned SCPs: cloudtrail:StopLogging not denied");
  // A guardrail that holds only outside some regions says where it does not.
  Scanned partial = terraform(R"(resource "aws_organizations_policy" "regions" {
  name    = "regions"
  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", NotAction = "iam:*", Resource = "*",
    Condition = { StringNotEquals = { "aws:RequestedRegion" = ["eu-west-1", "us-east-1"] } } }] })
}
resource "aws_organizations_policy" "trail" {
  name    = "trail"
  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "cloudtrail:StopLogging", Resource = "*",
    Condition = { StringNotEquals = { "aws:RequestedRegion" = ["us-east-1"] } } }] })
}
resource "aws_organizations_policy_attachment" "trail" {
  policy_id = aws_organizations_policy.trail.id
  target_id = "r-a1b2"
}
resource "aws_organizations_policy_attachment" "regions" {
  policy_id = aws_organizations_policy.regions.id
  target_id = "r-a1b2"
}
)");
  const Outcome where = partial.guardrail(R"({"deny": ["cloudtrail:StopLogging"]})");
  CHECK(where.truth == Truth::false_);
  CHECK(where.detail == "r-a1b2: cloudtrail:StopLogging in us-east-1 not denied");
  CHECK(s.run(scp_regions_restricted).truth == Truth::true_);
  s.options.organization.approved_regions = {"eu-west-1"};
  const Outcome unapproved = s.run(scp_regions_restricted);
  CHECK(unapproved.truth == Truth::false_);
  CHECK(unapproved.detail ==
        "the scanned SCPs: leaves eu-central-1 open, outside organization.approved_regions");

  Scanned plain;
  plain.add(scp_file("org/scps/leave.json", deny("\"ec2:RunInstances\"")));
  const Outcome everywhere = plain.run(scp_regions_restricted);
  CHECK(everywhere.truth == Truth::false_);  // denied everywhere, not by region
  CHECK(everywhere.detail.find("no region restriction") != std::string::npos);
}

TEST_CASE("scp-guardrail: documents taken as one set are alternatives, not a sum") {
  // Two region restrictions with different lists would deny everything everywhere if attached
  // together, but neither is a CloudTrail guardrail.
  Scanned s;
  s.add(scp_file(
      "org/scps/eu.json",
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*",
      "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["eu-west-1"]}}}]})"));
  s.add(scp_file(
      "org/scps/us.json",
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": "iam:*", "Resource": "*",
      "Condition": {"StringNotEquals": {"aws:RequestedRegion": ["us-east-1"]}}}]})"));
  CHECK(s.guardrail(R"({"deny": ["cloudtrail:StopLogging"]})").truth == Truth::false_);
  const Outcome regions = s.run(scp_regions_restricted);
  CHECK(regions.truth == Truth::true_);
  CHECK(s.met_addresses() == std::vector<std::string>{"org/scps/eu.json"});
  // With approved regions, the document that leaves only approved ones open is the proof.
  s.options.organization.approved_regions = {"us-east-1"};
  s.evidence = {};
  CHECK(s.run(scp_regions_restricted).truth == Truth::true_);
  CHECK(s.met_addresses() == std::vector<std::string>{"org/scps/us.json"});
}

TEST_CASE("scp-guardrail: the caller chooses the request's tags") {
  auto judge = [](const std::string& condition) {
    Scanned s;
    s.add(scp_file("org/scps/tags.json", deny("\"*\"", ", \"Condition\": " + condition)));
    return s.guardrail(kLeave).truth;
  };
  // Denied only when the request carries some tags: send none.
  CHECK(judge(R"({"ForAnyValue:StringLike": {"aws:TagKeys": ["dp:*", "team"]}})") == Truth::false_);
  // Denied only when it carries none: send one.
  CHECK(judge(R"({"Null": {"aws:TagKeys": "true"}})") == Truth::false_);
  // Denied whatever the tags.
  CHECK(judge(R"({"ForAllValues:StringLike": {"aws:TagKeys": ["*"]}})") == Truth::true_);
  // A resource's tags are not the caller's choice: still undecided.
  CHECK(judge(R"({"StringEquals": {"aws:ResourceTag/guarded": "true"}})") == Truth::unknown);
}

TEST_CASE("scp-services-restricted: the services outside the approved list are denied") {
  Scanned allow_list;
  allow_list.add(scp_file(
      "org/scps/allow.json",
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["s3:*", "ec2:*", "iam:*"], "Resource": "*"}]})"));
  CHECK(allow_list.run(scp_services_restricted).truth == Truth::unknown);  // needs the fact
  allow_list.options.organization.approved_services = {"s3", "ec2", "iam"};
  CHECK(allow_list.run(scp_services_restricted).truth == Truth::true_);
  allow_list.options.organization.approved_services = {"s3"};
  const Outcome wider = allow_list.run(scp_services_restricted);
  CHECK(wider.truth == Truth::false_);
  CHECK(wider.detail ==
        "the scanned SCPs: services outside organization.approved_services stay open: ec2, iam");

  Scanned deny_list;
  deny_list.add(scp_file(
      "org/scps/deny.json",
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "NotAction": ["s3:*", "ec2:*", "iam:*", "organizations:*"], "Resource": "*"}]})"));
  deny_list.options.organization.approved_services = {"s3", "ec2", "iam", "organizations"};
  CHECK(deny_list.run(scp_services_restricted).truth == Truth::true_);
  deny_list.options.organization.approved_services = {"s3", "ec2"};
  const Outcome o = deny_list.run(scp_services_restricted);
  CHECK(o.truth == Truth::false_);
  CHECK(o.detail ==
        "the scanned SCPs: services outside organization.approved_services stay open: iam, "
        "organizations");
}

TEST_CASE("scp-targets-keep-allow: FullAWSAccess detached where the code manages it") {
  const std::string managed = R"(resource "aws_organizations_organization" "org" {
  feature_set = "ALL"
}
resource "aws_organizations_organizational_unit" "sandbox" {
  name      = "sandbox"
  parent_id = aws_organizations_organization.org.roots[0].id
}
resource "aws_organizations_policy_attachment" "root_full" {
  policy_id = "p-FullAWSAccess"
  target_id = aws_organizations_organization.org.roots[0].id
}
resource "aws_organizations_policy" "guardrail" {
  name    = "guardrail"
  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Deny", Action = "iam:CreateUser", Resource = "*" }] })
}
resource "aws_organizations_policy_attachment" "sandbox" {
  policy_id = aws_organizations_policy.guardrail.id
  target_id = aws_organizations_organizational_unit.sandbox.id
}
)";
  Scanned s = terraform(managed);
  const Outcome o = s.run(scp_targets_keep_allow);
  CHECK(o.truth == Truth::false_);
  CHECK(o.detail == "aws_organizations_organizational_unit.sandbox (only guardrail, no Allow)");
  CHECK(o.span.range.start_line == 4);
  // The same SCP where nothing manages FullAWSAccess: AWS's default attachment stays.
  Scanned unmanaged = terraform(
      managed.substr(
          0, managed.find("resource \"aws_organizations_policy_attachment\" \"root_full\"")) +
      managed.substr(managed.find("resource \"aws_organizations_policy\" ")));
  CHECK(unmanaged.run(scp_targets_keep_allow).truth == Truth::true_);
  // An allow list keeps the target working.
  Scanned allow = terraform(managed + R"(resource "aws_organizations_policy" "allow" {
  name    = "allow"
  content = jsonencode({ Version = "2012-10-17", Statement = [{ Effect = "Allow", Action = "s3:*", Resource = "*" }] })
}
resource "aws_organizations_policy_attachment" "sandbox_allow" {
  policy_id = aws_organizations_policy.allow.id
  target_id = aws_organizations_organizational_unit.sandbox.id
}
)");
  CHECK(allow.run(scp_targets_keep_allow).truth == Truth::true_);
}

TEST_CASE("scp-attachments-within-limit: counts each target's SCPs with FullAWSAccess") {
  std::string tf;
  for (int i = 1; i <= 5; ++i) {
    const std::string n = std::to_string(i);
    tf += "resource \"aws_organizations_policy\" \"p" + n + "\" {\n  name    = \"p" + n +
          "\"\n  content = jsonencode({ Version = \"2012-10-17\", Statement = [{ Effect = "
          "\"Deny\", Action = \"iam:CreateUser\", Resource = \"*\" }] })\n}\n"
          "resource \"aws_organizations_policy_attachment\" \"a" +
          n + "\" {\n  policy_id = aws_organizations_policy.p" + n +
          ".id\n  target_id = \"ou-abcd-11111111\"\n}\n";
  }
  Scanned s = terraform(tf);
  const Outcome o = s.run(scp_attachments_within_limit);
  CHECK(o.truth == Truth::false_);
  CHECK(o.detail == "ou-abcd-11111111 (6 SCPs: FullAWSAccess, p1, p2, p3, p4, p5); the limit is 5");
  CHECK(o.span.range.start_line == 39);  // the fifth attachment's target_id: the sixth SCP
  CHECK(s.run(scp_attachments_within_limit, R"({"limit": 6})").truth == Truth::true_);
  s.options.scp_max_attachments = 10;  // configured: wins over the rule
  CHECK(s.run(scp_attachments_within_limit, R"({"limit": 3})").truth == Truth::true_);
}

TEST_CASE("org-policy-attached-to-root: an AI services opt-out policy on the root") {
  const std::string_view ai = R"({"type": "AISERVICES_OPT_OUT_POLICY"})";
  const std::string policy = R"(Resources:
  AiOptOut:
    Type: AWS::Organizations::Policy
    Properties:
      Name: ai-opt-out
      Type: AISERVICES_OPT_OUT_POLICY
      TargetIds: [TARGET]
      Content:
        services:
          default:
            opt_out_policy:
              "@@assign": optOut
)";
  auto with_target = [&](const std::string& target) {
    std::string text = policy;
    text.replace(text.find("TARGET"), 6, target);
    return cloudformation(text);
  };
  Scanned root = with_target("r-a1b2");
  CHECK(root.run(org_policy_attached_to_root, ai).truth == Truth::true_);
  CHECK(root.met_addresses() == std::vector<std::string>{"AiOptOut"});
  Scanned ou = with_target("ou-abcd-11111111");
  const Outcome o = ou.run(org_policy_attached_to_root, ai);
  CHECK(o.truth == Truth::false_);
  CHECK(o.detail == "AiOptOut is attached to ou-abcd-11111111, not to the root");
  CHECK(o.span.range.start_line == 7);
  // SCPs are not the type asked for.
  CHECK(root.run(org_policy_attached_to_root, R"({"type": "SERVICE_CONTROL_POLICY"})").truth ==
        Truth::false_);

  Scanned tf = terraform(R"(variable "target" {}
resource "aws_organizations_policy" "ai" {
  name    = "ai"
  type    = "AISERVICES_OPT_OUT_POLICY"
  content = jsonencode({ services = { default = { opt_out_policy = { "@@assign" = "optOut" } } } })
}
resource "aws_organizations_policy_attachment" "ai" {
  policy_id = aws_organizations_policy.ai.id
  target_id = var.target
}
)");
  CHECK(tf.run(org_policy_attached_to_root, ai).truth == Truth::unknown);
}

TEST_CASE("scp-size-limit and scp-invalid follow the configured limits") {
  std::string big = R"({"Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": [)";
  for (int i = 0; i < 40; ++i) big += std::string(i ? ", " : "") + "\"iam:CreateUser\"";
  big += R"(], "Resource": "*"}]})";
  std::vector<Resource> file = scp_file("org/scps/big.json", big);
  REQUIRE(file.size() == 1);
  Scanned s;
  s.add(file);
  auto judge_file = [&](Predicate p, std::string_view with) {
    ResourceGraph graph;
    graph.resources = s.resources;
    EvalContext context(&graph.resources[0], &graph, 0);
    context.options = &s.options;
    const Value with_value = arguments(with);
    return p(PredicateInput{graph.resources[0], graph.resources[0].canonical, with_value, &context})
        .truth;
  };
  CHECK(judge_file(scp_size_limit, "{}") == Truth::false_);
  s.options.scp_max_chars = 600;
  CHECK(judge_file(scp_size_limit, R"({"limit": 5120})") == Truth::true_);

  Scanned conditional;
  conditional.add(scp_file(
      "org/scps/allow.json",
      R"({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*", "Condition": {"Bool": {"aws:SecureTransport": "true"}}}]})"));
  s = conditional;
  CHECK(judge_file(scp_invalid, "{}") == Truth::false_);
  s.options.scp_syntax = "legacy";
  CHECK(judge_file(scp_invalid, "{}") == Truth::true_);
}
