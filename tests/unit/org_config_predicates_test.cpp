// Org-config predicates: account names in principals and ARNs, where Terraform resources are
// deployed, trust outside the organization, third parties without an external id, required
// tags, image sources, private subnet names, and the two whole-set controls (the security
// audit role, delegation to the security account). Predicates are judged through the built-in
// rules that call them, in an organization set up like tests/fixtures/example-organization.
#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "engine/org_accounts.hpp"
#include "engine/org_config_predicates.hpp"
#include "engine/resource_tags.hpp"
#include "iacscan/iacscan.hpp"

using namespace iacscan::detail;
using namespace iacscan::detail::predicates;

namespace {

iacscan::ScanOptions organization_options() {
  iacscan::ScanOptions options;
  options.jobs = 1;
  options.account_rules = true;
  iacscan::OrganizationFacts& o = options.organization;
  o.management_account = "111111111111";
  o.security_account = "222222222222";
  o.log_archive_account = "333333333333";
  o.identity_account = "444444444444";
  o.accounts = {"555555555555", "666666666666"};
  o.trusted_accounts = {"999999999999"};
  o.required_tags = {"owner"};
  o.approved_ami_owners = {"amazon"};
  o.ou_roles = {{"ou-abcd-11111111", {"workload"}}};
  return options;
}

struct Hit {
  unsigned line = 0;
  std::string message;
  bool review = false;
};

// The findings of one rule when `files` are scanned with `options`.
std::vector<Hit> findings_of(const std::string& rule,
                             const std::vector<iacscan::SourceBuffer>& files,
                             const iacscan::ScanOptions& options = organization_options()) {
  auto scanner = iacscan::Scanner::create(options);
  // The message is built even when the check passes (doctest -s): only read the error then.
  REQUIRE_MESSAGE(scanner.has_value(), (scanner ? std::string() : scanner.error().message));
  auto result = scanner->scan_buffers(files);
  REQUIRE(result.has_value());
  std::string diagnostics;
  for (const iacscan::Diagnostic& d : result->diagnostics) diagnostics += d.message + "\n";
  CHECK_MESSAGE(diagnostics.empty(), diagnostics);
  std::vector<Hit> out;
  for (const iacscan::Finding& f : result->findings) {
    if (f.rule_id != rule) continue;
    out.push_back({f.location.start_line, f.message, f.kind == iacscan::FindingKind::review});
  }
  return out;
}

std::vector<Hit> findings_of(const std::string& rule, const std::string& path,
                             const std::string& code,
                             const iacscan::ScanOptions& options = organization_options()) {
  return findings_of(rule, {{path, code}}, options);
}

}  // namespace

TEST_CASE("account_named_by reads account ids and the account field of ARNs") {
  using State = NamedAccount::State;
  CHECK(account_named_by("123456789012").id == "123456789012");
  CHECK(account_named_by("arn:aws:iam::123456789012:root").id == "123456789012");
  CHECK(account_named_by("arn:aws-us-gov:sts::123456789012:assumed-role/r/s").id == "123456789012");
  CHECK(account_named_by("arn:aws:iam::*:root").state == State::none);
  CHECK(account_named_by("arn:aws:iam::aws:policy/ReadOnlyAccess").state == State::none);
  CHECK(account_named_by("*").state == State::none);
  CHECK(account_named_by("lambda.amazonaws.com").state == State::none);
  CHECK(account_named_by("12345678901").state == State::none);
  const std::string templated = "arn:aws:iam::" + std::string(kUnknownMarker) + ":root";
  CHECK(account_named_by(templated).state == State::unknown);
  CHECK(account_named_by(templated).only_account_unknown);
  CHECK_FALSE(account_named_by(kUnknownMarker).only_account_unknown);
  const std::string role_templated =
      "arn:aws:iam::123456789012:role/" + std::string(kUnknownMarker);
  CHECK(account_named_by(role_templated).id == "123456789012");
  CHECK(account_named_by(kUnknownMarker).state == State::unknown);
}

TEST_CASE("organization accounts, trusted accounts and AWS service accounts") {
  const iacscan::OrganizationFacts facts = organization_options().organization;
  CHECK(is_organization_account(facts, "111111111111"));
  CHECK(is_organization_account(facts, "666666666666"));
  CHECK_FALSE(is_organization_account(facts, "999999999999"));
  CHECK(is_trusted_account(facts, "999999999999"));
  CHECK(is_aws_service_account("127311923021"));  // ELB log delivery, us-east-1
  CHECK_FALSE(is_aws_service_account("123456789012"));
  CHECK(account_of_role(facts, "log_archive") == "333333333333");
  CHECK(account_of_role(facts, "workload").empty());
}

TEST_CASE("taggable types and the tags a resource writes") {
  CHECK(is_taggable_type("aws_s3_bucket"));
  CHECK(is_taggable_type("AWS::Serverless::Function"));
  CHECK_FALSE(is_taggable_type("aws_s3_bucket_versioning"));
  CHECK_FALSE(is_taggable_type("AWS::IAM::AccessKey"));
  Resource cfn;
  cfn.format = SourceFormat::cloudformation;
  Value entry = Value::map({});
  entry.set("Key", Value::string("owner"));
  entry.set("Value", Value::string("team"));
  cfn.attributes.set("Tags", Value::list({entry, Value::unknown("a tag known later")}));
  const TagSet tags = resource_tags(cfn);
  CHECK(tags.keys == std::vector<std::string>{"owner"});
  CHECK(tags.unknown);
  CHECK(tag_value(cfn, "owner")->text() == "team");
}

TEST_CASE("predicates that need the organization's facts are undecided without a scan") {
  Resource r;
  r.native_type = "aws_s3_bucket";
  const Value no_arguments = Value::map({});
  CHECK(required_tags_missing(PredicateInput{r, r.attributes, no_arguments}).truth ==
        Truth::unknown);
  CHECK(account_trust_outside_organization(PredicateInput{r, r.attributes, no_arguments}).truth ==
        Truth::unknown);
  Value role = Value::map({});
  role.set("role", Value::string("identity"));
  CHECK(account_role_argument(role).empty());
  role.set("role", Value::string("workload"));
  CHECK_FALSE(account_role_argument(role).empty());
  Value pattern = Value::map({});
  pattern.set("pattern", Value::string("(unclosed"));
  CHECK_FALSE(name_pattern_argument(pattern).empty());
}

TEST_CASE("where a Terraform resource is deployed: its provider configuration") {
  const std::string rule = "iam-user-outside-identity-account";
  SUBCASE("allowed_account_ids names the account") {
    const auto hits = findings_of(rule, "main.tf", R"(
provider "aws" {
  allowed_account_ids = ["555555555555"]
}
resource "aws_iam_user" "ci" {
  name = "ci"
}
)");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 5);
    CHECK(hits[0].message.find("555555555555") != std::string::npos);
  }
  SUBCASE("the identity account itself") {
    CHECK(findings_of(rule, "main.tf", R"(
provider "aws" {
  assume_role {
    role_arn = "arn:aws:iam::444444444444:role/admin"
  }
}
resource "aws_iam_user" "ci" {
  name = "ci"
}
)")
              .empty());
  }
  SUBCASE("several allowed accounts including the identity account: undecided") {
    CHECK(findings_of(rule, "main.tf", R"(
provider "aws" {
  allowed_account_ids = ["444444444444", "555555555555"]
}
resource "aws_iam_user" "ci" {
  name = "ci"
}
)")
              .empty());
  }
  SUBCASE("no provider configuration: undecided") {
    CHECK(findings_of(rule, "main.tf", "resource \"aws_iam_user\" \"ci\" {\n  name = \"ci\"\n}\n")
              .empty());
  }
  SUBCASE("a child module inherits the caller's configuration when all of them agree") {
    const std::vector<iacscan::SourceBuffer> files = {
        {"root/main.tf", R"(
provider "aws" {
  allowed_account_ids = ["555555555555"]
}
module "users" {
  source = "./users"
}
)"},
        {"root/users/main.tf", "resource \"aws_iam_user\" \"ci\" {\n  name = \"ci\"\n}\n"},
    };
    CHECK(findings_of(rule, files).size() == 1);
    std::vector<iacscan::SourceBuffer> ambiguous = files;
    ambiguous[0].content += R"(
provider "aws" {
  alias               = "identity"
  allowed_account_ids = ["444444444444"]
}
)";
    CHECK(findings_of(rule, ambiguous).empty());
  }
  SUBCASE("CloudFormation: known through the AWS::AccountId parameter only") {
    const std::string cfn = "Resources:\n  Ci:\n    Type: AWS::IAM::User\n";
    CHECK(findings_of(rule, "template.yaml", cfn).empty());
    iacscan::ScanOptions options = organization_options();
    options.cloudformation_parameters["AWS::AccountId"] = "666666666666";
    CHECK(findings_of(rule, "template.yaml", cfn, options).size() == 1);
  }
}

TEST_CASE("management account: governance resources pass, others are reported") {
  const auto hits = findings_of("mgmt-account-no-workloads", "main.tf", R"(
variable "name" {
  default = "x"
}
provider "aws" {
  allowed_account_ids = ["111111111111"]
}
resource "aws_organizations_account" "prod" {
  name  = "prod"
  email = "aws-prod@example.com"
}
resource "aws_iam_role" "automation" {
  assume_role_policy = "{}"
}
resource "aws_sqs_queue" "jobs" {
  name = var.name
}
)");
  REQUIRE(hits.size() == 1);
  CHECK(hits[0].line == 15);
}

TEST_CASE("trust outside the organization") {
  const std::string rule = "cross-account-trust-unknown-account";
  SUBCASE("a stranger in a bucket policy, an ELB log writer next to it") {
    const auto hits = findings_of(rule, "main.tf", R"(
resource "aws_s3_bucket_policy" "logs" {
  bucket = "logs"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      { Effect = "Allow", Principal = { AWS = "arn:aws:iam::127311923021:root" }, Action = "s3:PutObject", Resource = "*" },
      { Effect = "Allow", Principal = { AWS = "123456789012" }, Action = "s3:GetObject", Resource = "*" },
    ]
  })
}
)");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 8);
    CHECK(hits[0].message.find("123456789012") != std::string::npos);
  }
  SUBCASE("a Deny naming a stranger lets nobody in") {
    CHECK(findings_of(rule, "main.tf", R"(
resource "aws_sqs_queue" "q" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Deny", Principal = { AWS = "123456789012" }, Action = "sqs:*", Resource = "*" }]
  })
}
)")
              .empty());
  }
  SUBCASE("an account in a condition of a service principal's statement") {
    CHECK(findings_of(rule, "main.tf", R"(
resource "aws_sns_topic" "t" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect = "Allow", Principal = { Service = "events.amazonaws.com" }, Action = "sns:Publish", Resource = "*"
      Condition = { StringEquals = { "aws:SourceAccount" = "123456789012" } }
    }]
  })
}
)")
              .size() == 1);
  }
  SUBCASE("unknown principals are reported for review on request") {
    iacscan::ScanOptions options = organization_options();
    options.report_unknowns = true;
    const auto hits = findings_of(rule, "main.tf", R"(
variable "peer" {}
resource "aws_kms_key" "k" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = var.peer }, Action = "kms:*", Resource = "*" }]
  })
}
)",
                                  options);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].review);
  }
  SUBCASE("an ARN whose account is known only at deployment is the policy's own account") {
    iacscan::ScanOptions options = organization_options();
    options.report_unknowns = true;
    CHECK(findings_of(rule, "template.yaml", R"(Resources:
  Key:
    Type: AWS::KMS::Key
    Properties:
      KeyPolicy:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"}
            Action: kms:*
            Resource: "*"
)",
                      options)
              .empty());
  }
}

TEST_CASE("third parties without an external id") {
  const std::string rule = "iam-trust-third-party-no-externalid";
  const std::string stranger = R"(
resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "123456789012" }, Action = "sts:AssumeRole" }]
  })
}
)";
  CHECK(findings_of(rule, "main.tf", stranger).size() == 1);
  // Without the list of the company's accounts, only declared third parties are third parties.
  iacscan::ScanOptions options = organization_options();
  options.organization.accounts.clear();
  CHECK(findings_of(rule, "main.tf", stranger, options).empty());
  CHECK(findings_of(rule, "main.tf", R"(
resource "aws_iam_role" "r" {
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "arn:aws:iam::666666666666:root" }, Action = "sts:AssumeRole" }]
  })
}
)")
            .empty());
}

TEST_CASE("required tags: default tags, modules scanned alone, SAM execution roles") {
  const std::string rule = "resource-required-tags";
  SUBCASE("a module without a provider configuration may get default tags from its caller") {
    CHECK(findings_of(rule, "main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n").empty());
  }
  SUBCASE("the caller's default tags reach a child module") {
    const std::vector<iacscan::SourceBuffer> files = {
        {"root/main.tf", R"(
provider "aws" {
  default_tags {
    tags = { owner = "team" }
  }
}
module "data" {
  source = "./data"
}
)"},
        {"root/data/main.tf", "resource \"aws_s3_bucket\" \"b\" {}\n"},
    };
    CHECK(findings_of(rule, files).empty());
  }
  SUBCASE("untaggable types are not judged") {
    CHECK(findings_of(rule, "main.tf", R"(
provider "aws" {}
resource "aws_s3_bucket_versioning" "v" {
  bucket = "b"
  versioning_configuration {
    status = "Enabled"
  }
}
)")
              .empty());
  }
  SUBCASE("the role SAM generates for a function is covered by the function") {
    const auto hits = findings_of(rule, "template.yaml", R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Worker:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: app.handler
      CodeUri: src/
)");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 3);
  }
}

TEST_CASE("image sources: public SSM parameters of approved and other publishers") {
  const std::string rule = "ami-source-allowlisted";
  const std::string canonical = R"(resource "aws_instance" "i" {
  ami           = "resolve:ssm:/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id"
  instance_type = "t3.micro"
}
)";
  CHECK(findings_of(rule, "main.tf", canonical).size() == 1);
  iacscan::ScanOptions options = organization_options();
  options.organization.approved_ami_owners.push_back("099720109477");
  CHECK(findings_of(rule, "main.tf", canonical, options).empty());
}

TEST_CASE("private subnets: names, Name tags, route tables through several resources") {
  const std::string rule = "private-subnet-igw-route";
  const std::string subnet_named = R"(
resource "aws_internet_gateway" "gw" {
  vpc_id = "vpc-1"
}
resource "aws_subnet" "db" {
  vpc_id     = "vpc-1"
  cidr_block = "10.0.2.0/24"
  tags       = { Name = NAME }
}
resource "aws_route_table" "rt" {
  vpc_id = "vpc-1"
}
resource "aws_route" "default" {
  route_table_id         = aws_route_table.rt.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.gw.id
}
resource "aws_route_table_association" "a" {
  subnet_id      = aws_subnet.db.id
  route_table_id = aws_route_table.rt.id
}
)";
  auto with_name = [&](const std::string& name) {
    std::string code = subnet_named;
    code.replace(code.find("NAME"), 4, "\"" + name + "\"");
    return code;
  };
  CHECK(findings_of(rule, "main.tf", with_name("Private-DB-a")).size() == 1);
  CHECK(findings_of(rule, "main.tf", with_name("public-a")).empty());
}

TEST_CASE("security audit role: what makes a role the audit role") {
  const std::string rule = "security-audit-role";
  auto role = [](const std::string& extra) {
    return R"(
resource "aws_iam_role" "audit" {
  name = "audit"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Principal = { AWS = "222222222222" }, Action = "sts:AssumeRole" }]
  })
}
)" + extra;
  };
  SUBCASE("ReadOnlyAccess attached by name, a read-only customer policy attached") {
    CHECK(findings_of(rule, "main.tf", role(R"(
resource "aws_iam_policy_attachment" "read" {
  name       = "read"
  roles      = ["audit"]
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}
resource "aws_iam_policy" "cases" {
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "support:Describe*", Resource = "*" }]
  })
}
resource "aws_iam_role_policy_attachment" "cases" {
  role       = aws_iam_role.audit.name
  policy_arn = aws_iam_policy.cases.arn
}
)"))
              .empty());
  }
  SUBCASE("no audit policy attached at all") {
    const auto hits = findings_of(rule, "main.tf", role(""));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].message.find("attaches none of") != std::string::npos);
  }
  SUBCASE("another managed policy attached") {
    const auto hits = findings_of(rule, "main.tf", role(R"(
resource "aws_iam_role_policy_attachment" "audit" {
  role       = aws_iam_role.audit.name
  policy_arn = "arn:aws:iam::aws:policy/SecurityAudit"
}
resource "aws_iam_role_policy_attachment" "power" {
  role       = aws_iam_role.audit.name
  policy_arn = "arn:aws:iam::aws:policy/PowerUserAccess"
}
)"));
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 16);
  }
  SUBCASE("account rules off: not judged") {
    iacscan::ScanOptions options = organization_options();
    options.account_rules = false;
    CHECK(findings_of(rule, "main.tf", role(""), options).empty());
  }
}

TEST_CASE("delegation to the security account: every security delegation counts") {
  const std::string rule = "org-security-account-delegated-admin";
  SUBCASE("a service outside the security services does not count") {
    const auto hits = findings_of(rule, "main.tf", R"(
resource "aws_organizations_delegated_administrator" "ipam" {
  account_id        = "555555555555"
  service_principal = "ipam.amazonaws.com"
}
)");
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].line == 0);
  }
  SUBCASE("an unknown delegate leaves the control undecided") {
    iacscan::ScanOptions options = organization_options();
    options.report_unknowns = true;
    const auto hits = findings_of(rule, "main.tf", R"(
variable "delegate" {}
resource "aws_securityhub_organization_admin_account" "this" {
  admin_account_id = "222222222222"
}
resource "aws_organizations_delegated_administrator" "aa" {
  account_id        = var.delegate
  service_principal = "access-analyzer.amazonaws.com"
}
)",
                                  options);
    REQUIRE(hits.size() == 1);
    CHECK(hits[0].review);
  }
}
