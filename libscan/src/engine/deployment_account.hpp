// Which AWS account a resource is deployed to, as far as the code says. Terraform says it in
// the provider configuration the resource uses: `allowed_account_ids` lists the accounts the
// provider refuses to leave, and an `assume_role` role ARN names the account it works in.
// A CloudFormation template never names its account; the stack's account is known only when
// the scan is given the AWS::AccountId pseudo parameter (--cfn-param AWS::AccountId=...).
#pragma once

#include <string>
#include <vector>

#include "engine/truth.hpp"
#include "graph/resource.hpp"
#include "iacscan/options.hpp"

namespace iacscan::detail {

struct ResourceGraph;

struct DeploymentAccounts {
  // true: `accounts` holds every account the resource may be deployed to (one, usually).
  // unknown: the code says it with a value known only at deployment (a variable).
  // false: the code does not say (the credentials Terraform runs with, the account a stack is
  // created in, decide): rules about accounts do not judge such resources.
  Truth known = Truth::false_;
  std::vector<std::string> accounts;
  // Where the accounts come from ("provider aws.mgmt allowed_account_ids"), or why they are
  // unknown; for messages.
  std::string source;
};

DeploymentAccounts deployment_accounts(const Resource& resource, const ResourceGraph* graph,
                                       const ScanOptions* options);

// "module.net.module.vpc." for "module.net.module.vpc.aws_subnet.a[0]": the Terraform module
// instance a resource was declared in; empty in the root module and for CloudFormation.
std::string module_prefix(const Resource& resource);

// The Terraform provider configurations (terraform_provider pseudo-resources) a resource may
// use: its own module's configuration when it declares the one the resource names; else, for
// a resource of a child module, every configuration of that provider in the modules that call
// it (the graph does not record which one a `providers` map passes). None when the
// configuration is implicit.
struct ProviderConfigurations {
  const Resource* own = nullptr;
  std::vector<const Resource*> inherited;
  std::string name;  // "aws", "aws.west"
};
ProviderConfigurations provider_configurations(const Resource& resource,
                                               const ResourceGraph& graph);

}  // namespace iacscan::detail
