#include "engine/deployment_account.hpp"

#include <optional>
#include <string_view>

#include "engine/org_accounts.hpp"
#include "graph/resource_graph.hpp"

namespace iacscan::detail {
namespace {

using predicates::account_named_by;
using predicates::NamedAccount;

DeploymentAccounts unknown_accounts(std::string why) {
  DeploymentAccounts out;
  out.known = Truth::unknown;
  out.source = std::move(why);
  return out;
}

DeploymentAccounts unstated_accounts(std::string why) {
  DeploymentAccounts out;
  out.source = std::move(why);
  return out;
}

// "module.a.module.b." → "module.a.": the module that called this one.
std::string parent_prefix(const std::string& prefix) {
  if (prefix.empty()) return prefix;
  const std::size_t last = prefix.rfind(".module.", prefix.size() - 2);
  return last == std::string::npos ? std::string() : prefix.substr(0, last + 1);
}

// The provider configuration name a resource uses: "aws" or "aws.<alias>".
std::string provider_name(const Resource& r) {
  if (!r.provider.empty()) return r.provider;
  const std::size_t underscore = r.native_type.find('_');
  return underscore == std::string::npos ? r.native_type : r.native_type.substr(0, underscore);
}

const Resource* find_provider(const ResourceGraph& graph, const std::string& scope,
                              const std::string& address) {
  for (std::size_t i : graph.of_kind(scope, "terraform_provider")) {
    if (graph.resources[i].address == address) return &graph.resources[i];
  }
  return nullptr;
}

// The last element of a repeated block (role chaining assumes each role in turn), or the
// block itself.
const Value* last_block(const Value* block) {
  if (block == nullptr || !block->is_list()) return block;
  return block->items().empty() ? nullptr : &block->items().back();
}

// What one provider configuration says about its account.
DeploymentAccounts provider_accounts(const Resource& provider) {
  const std::string name = provider.address.substr(provider.address.rfind("provider.") + 9);
  for (const char* block_name : {"assume_role", "assume_role_with_web_identity"}) {
    const Value* block = last_block(provider.attributes.find(block_name));
    if (block == nullptr) continue;
    if (block->is_unknown())
      return unknown_accounts("the role provider " + name + " assumes is unknown");
    const Value* arn = block->find("role_arn");
    if (arn == nullptr) continue;
    std::string_view text;
    if (arn->is_string()) {
      text = arn->text();
    } else if (arn->is_unknown() && arn->encoded) {
      text = arn->encoded->partial_text;
    } else {
      return unknown_accounts("the role provider " + name + " assumes is unknown");
    }
    const NamedAccount named = account_named_by(text);
    if (named.state != NamedAccount::State::known)
      return unknown_accounts("the account of the role provider " + name + " assumes is unknown");
    DeploymentAccounts out;
    out.known = Truth::true_;
    out.accounts.push_back(named.id);
    out.source = "provider " + name + " assumes a role in " + named.id;
    return out;
  }
  const Value* allowed = provider.attributes.find("allowed_account_ids");
  if (allowed == nullptr || allowed->is_null())
    return unstated_accounts("provider " + name + " does not name its account");
  if (!allowed->is_list() || !allowed->is_fully_known())
    return unknown_accounts("the allowed_account_ids of provider " + name + " are unknown");
  DeploymentAccounts out;
  for (const Value& item : allowed->items()) {
    if (!item.is_string() && !item.is_number())
      return unknown_accounts("the allowed_account_ids of provider " + name + " are unknown");
    out.accounts.push_back(item.text());
  }
  if (out.accounts.empty())
    return unstated_accounts("provider " + name + " does not name its account");
  out.known = Truth::true_;
  out.source = "provider " + name + " allows only " + out.accounts.front();
  for (std::size_t i = 1; i < out.accounts.size(); ++i) out.source += ", " + out.accounts[i];
  return out;
}

DeploymentAccounts terraform_accounts(const Resource& r, const ResourceGraph& graph) {
  const ProviderConfigurations providers = provider_configurations(r, graph);
  if (providers.own) return provider_accounts(*providers.own);
  // Decided only when every configuration the resource may receive agrees.
  std::optional<DeploymentAccounts> agreed;
  for (const Resource* p : providers.inherited) {
    DeploymentAccounts accounts = provider_accounts(*p);
    if (accounts.known == Truth::unknown) return accounts;
    if (agreed && (agreed->known != accounts.known || agreed->accounts != accounts.accounts))
      return unknown_accounts("which configuration of provider " + providers.name +
                              " the module receives is unknown");
    if (!agreed) agreed = std::move(accounts);
  }
  if (!agreed) return unstated_accounts("provider " + providers.name + " is not configured");
  return *agreed;
}

DeploymentAccounts cloudformation_accounts(const ScanOptions* options) {
  if (options != nullptr) {
    auto given = options->cloudformation_parameters.find("AWS::AccountId");
    if (given != options->cloudformation_parameters.end() &&
        predicates::is_account_id(given->second)) {
      DeploymentAccounts out;
      out.known = Truth::true_;
      out.accounts.push_back(given->second);
      out.source = "the stack's account (AWS::AccountId) is " + given->second;
      return out;
    }
  }
  return unstated_accounts("a CloudFormation template does not name its account");
}

}  // namespace

std::string module_prefix(const Resource& r) {
  const std::string marker = r.native_type + ".";
  std::size_t at = std::string::npos;
  for (std::size_t pos = r.address.find(marker); pos != std::string::npos;
       pos = r.address.find(marker, pos + 1)) {
    if (pos == 0 || r.address[pos - 1] == '.') at = pos;
  }
  return at == std::string::npos ? std::string() : r.address.substr(0, at);
}

ProviderConfigurations provider_configurations(const Resource& r, const ResourceGraph& graph) {
  ProviderConfigurations out;
  out.name = provider_name(r);
  const std::string own_prefix = module_prefix(r);
  out.own = find_provider(graph, r.scope, own_prefix + "provider." + out.name);
  if (out.own || own_prefix.empty()) return out;
  const std::string local = out.name.substr(0, out.name.find('.'));
  for (std::string prefix = parent_prefix(own_prefix);; prefix = parent_prefix(prefix)) {
    const std::string level = prefix + "provider.";
    for (std::size_t i : graph.of_kind(r.scope, "terraform_provider")) {
      const Resource& p = graph.resources[i];
      if (!p.address.starts_with(level)) continue;  // another module's configuration
      const std::string_view configured = std::string_view(p.address).substr(level.size());
      if (configured.substr(0, configured.find('.')) != local) continue;  // "awscc", "google"
      out.inherited.push_back(&p);
    }
    if (prefix.empty()) break;
  }
  return out;
}

DeploymentAccounts deployment_accounts(const Resource& resource, const ResourceGraph* graph,
                                       const ScanOptions* options) {
  switch (resource.format) {
    case SourceFormat::cloudformation:
      return cloudformation_accounts(options);
    case SourceFormat::terraform:
      if (graph == nullptr) return unknown_accounts("the provider configurations are not known");
      return terraform_accounts(resource, *graph);
    case SourceFormat::policy_file:
      break;
  }
  return unstated_accounts("a policy file is not deployed to an account");
}

}  // namespace iacscan::detail
