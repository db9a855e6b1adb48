// starter_config: the file `iacscan init` writes. Every key is present with its default, or
// commented out with an example where the default is "not set" (the organization facts, rule
// settings), so that the file documents itself and applying it changes nothing.
#include "iacscan/config.hpp"

namespace iacscan {

std::string starter_config() {
  return R"yaml(# iacscan configuration (docs/configuration.md describes every key).
# iacscan finds this file by walking up from the scanned path to the repository's top;
# `--config FILE` names another one and `--no-config` ignores it. Flags given on the
# command line win over this file.
version: 1

# Run the account-scope rules in `iacscan scan` ("the scanned set defines no CloudTrail
# trail"). Leave false when this repository holds application code rather than the landing
# zone; `iacscan roadmap` always runs them.
account_rules: false

# Paths to leave out, as globs relative to the scanned path: `*` and `?` within a name, `**`
# for any number of directories; a glob without '/' matches file and directory names anywhere.
exclude:
#  - "examples/**"
#  - "**/*.bak"

# Facts about your AWS organization that the code cannot tell. Rules that need a fact stay
# silent until it is set; `iacscan roadmap` names the key each one waits for.
organization:
#  management_account: "111122223333"
#  security_account: "222233334444"
#  log_archive_account: "333344445555"
#  identity_account: "444455556666"   # the account that holds IAM users, if any
#  accounts: ["555566667777"]         # every other account the company owns
#  trusted_accounts: []               # vendors' accounts trusted on purpose
#  email_domains: [corp.example]      # domains of the root users' e-mail addresses
#  approved_regions: [eu-west-1, eu-central-1]
#  protected_role_arns: ["arn:aws:iam::*:role/security-*"]
#  admin_role_arns: ["arn:aws:iam::*:role/OrganizationAccountAccessRole"]
#  ou_roles:                          # OU id or name: workload, dev, prod, prebuilt-network,
#    Workloads: [workload, prod]      #   security, infrastructure
#    Sandbox: [dev]
#  required_tags: [owner, cost-center]
#  approved_ami_owners: [amazon]      # account ids, or amazon, aws-marketplace, self
#  approved_services: [s3, ec2, lambda]
#  security_resource_prefix: security-

# Per rule (ids as `iacscan rules` lists them): turn it off, or change its severity.
rules:
#  s3-bucket-access-logging: off
#  iam-user-defined: {severity: low}
#  suppression-without-reason: off   # accept suppressions that give no reason

# Findings accepted on purpose, each with a reason (and preferably an expiry date, after which
# the finding counts again). In the code itself, a comment does the same:
#   # iacscan:ignore s3-bucket-public-acl:exp:2027-01-31 Public website, approved in SEC-123
suppressions:
#  - rule: s3-bucket-public-acl      # a rule id, or "*" for every rule
#    paths: ["sites/**"]             # globs over scanned paths; none: everywhere
#    resources: [aws_s3_bucket.www]  # resource addresses, `*` as a wildcard; none: all
#    reason: Public website, approved in SEC-123
#    expires: 2027-01-31

limits:
  max_file_bytes: 20971520       # larger files are refused (also "20m", "512k")
  terraform_max_instances: 1000  # the largest count or for_each expanded
  scp_max_chars: 5120            # AWS Organizations' SCP size quota
  scp_max_attachments: 5         # SCPs attached to one root, OU or account
  scp_syntax: current            # current, or legacy (the SCP language before September 2025)

# More rule folders (relative to this file), loaded after the built-in rules.
policy_dirs: []

# The type of standalone policy files by glob, first match first: scp, rcp, identity,
# resource, endpoint, trust or ai-opt-out.
policy_types:
#  "org/scps/**": scp

terraform:
  var_files: []    # .tfvars files (relative to this file) for every root module
  variables: {}    # name: value, as `terraform plan -var`

cloudformation:
  parameter_files: []  # AWS CLI parameter files (relative to this file)
  parameters: {}       # Name: value, also pseudo parameters such as AWS::Region
)yaml";
}

}  // namespace iacscan
