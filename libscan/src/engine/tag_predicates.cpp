// Tags and names: the organization's required tags, and names that say what a resource is for.
#include <re2/re2.h>

#include <algorithm>

#include "engine/deployment_account.hpp"
#include "engine/org_accounts.hpp"
#include "engine/org_config_predicates.hpp"
#include "engine/predicate_support.hpp"
#include "engine/resource_tags.hpp"
#include "graph/resource_graph.hpp"

namespace iacscan::detail::predicates {
namespace {

// Whether a Terraform provider configuration's default_tags carry `key`.
Truth default_tags_carry(const Resource& provider, const std::string& key) {
  const Value* block = provider.attributes.find("default_tags");
  if (block && block->is_list()) block = block->items().empty() ? nullptr : &block->items().front();
  if (block == nullptr || block->is_null()) return Truth::false_;
  if (block->is_unknown()) return Truth::unknown;
  const Value* tags = block->find("tags");
  if (tags == nullptr || tags->is_null()) return Truth::false_;
  if (!tags->is_map()) return Truth::unknown;
  return truth_of(tags->find(key) != nullptr);
}

// Whether the provider configuration a Terraform resource uses adds `key` by default. When
// the configuration is implicit (a module scanned without its caller, whose provider block
// carries the defaults), nobody knows.
Truth provider_adds(const PredicateInput& input, const std::string& key) {
  if (input.resource.format != SourceFormat::terraform) return Truth::false_;
  if (input.context == nullptr || input.context->graph == nullptr) return Truth::unknown;
  const ProviderConfigurations providers =
      provider_configurations(input.resource, *input.context->graph);
  if (providers.own) return default_tags_carry(*providers.own, key);
  if (providers.inherited.empty()) return Truth::unknown;
  // The module receives one of them: decided when they all agree.
  const Truth first = default_tags_carry(*providers.inherited.front(), key);
  for (const Resource* p : providers.inherited)
    if (default_tags_carry(*p, key) != first) return Truth::unknown;
  return first;
}

// SAM generates an execution role "<Function>Role" from a serverless function and gives it the
// function's tags, which the loader does not copy: the function's own verdict covers both.
bool generated_by_sam(const PredicateInput& input) {
  const Resource& r = input.resource;
  if (r.format != SourceFormat::cloudformation || !r.address.ends_with("Role") ||
      input.context == nullptr || input.context->graph == nullptr)
    return false;
  const ResourceGraph& graph = *input.context->graph;
  const std::string owner = r.address.substr(0, r.address.size() - 4);
  for (std::size_t i : graph.resolve(r.scope, owner)) {
    const Resource& candidate = graph.resources[i];
    if (candidate.native_type.starts_with("AWS::Serverless::") &&
        candidate.name_span == r.name_span)
      return true;
  }
  return false;
}

// The name the resource's author chose: the CloudFormation logical id, or the Terraform
// resource name with its instance key ("private[0]"), without the modules it sits in, whose
// names say nothing about this resource.
std::string_view own_name(const Resource& r) {
  const std::string_view address = r.address;
  const std::string prefix = module_prefix(r) + r.native_type + ".";
  return address.starts_with(prefix) ? address.substr(prefix.size()) : address;
}

std::string joined(const std::vector<std::string>& keys) {
  std::string out;
  for (const std::string& k : keys) out += (out.empty() ? "" : ", ") + k;
  return out;
}

}  // namespace

Outcome required_tags_missing(const PredicateInput& input) {
  const OrganizationFacts* facts = organization_facts(input);
  if (facts == nullptr) return undecided({}, {}, "the required tags are not configured");
  if (!is_taggable_type(input.resource.native_type) || input.resource.folded ||
      generated_by_sam(input))
    return Outcome{};
  const TagSet tags = resource_tags(input.resource);
  const std::string attribute =
      input.resource.format == SourceFormat::cloudformation ? "Tags" : "tags";
  std::vector<std::string> missing;
  bool undecided_key = false;
  for (const std::string& key : facts->required_tags) {
    if (std::find(tags.keys.begin(), tags.keys.end(), key) != tags.keys.end()) continue;
    const Truth by_default = provider_adds(input, key);
    if (by_default == Truth::true_) continue;
    if (tags.unknown || by_default == Truth::unknown) {
      undecided_key = true;
      continue;
    }
    missing.push_back(key);
  }
  if (!missing.empty()) {
    const Span at = tags.written ? tags.written->span : Span{};
    return found(attribute, at, joined(missing));
  }
  if (!undecided_key) return Outcome{};
  const Span at = tags.unknown_part ? tags.unknown_part->span : Span{};
  return undecided(attribute, at,
                   tags.unknown ? "the resource's tags are unknown"
                                : "the provider configuration's default tags are unknown");
}

std::string name_pattern_argument(const Value& arguments) {
  for (const Value::Entry& e : arguments.entries()) {
    if (e.key != "pattern") return "unknown argument \"" + e.key + "\"";
    if (!e.value.is_string() || e.value.text().empty())
      return "pattern must be an RE2 regular expression";
    RE2 re(e.value.text(), RE2::Quiet);
    if (!re.ok()) return "pattern is not a valid RE2 regular expression: " + re.error();
  }
  return arguments.find("pattern") ? "" : "needs pattern: an RE2 regular expression";
}

Outcome resource_name_matches(const PredicateInput& input) {
  // Compiled on each call: the predicate guards a few resource kinds, and a cache keyed by
  // pattern would need locking across the evaluation threads.
  const RE2 pattern(input.arguments.find("pattern")->text(), RE2::Quiet);
  Outcome o;
  const Value* name_tag = tag_value(input.resource, "Name");
  const std::string_view name = own_name(input.resource);
  if (RE2::PartialMatch(name, pattern)) {
    o.truth = Truth::true_;
    o.detail = std::string(name);
  } else if (name_tag && RE2::PartialMatch(name_tag->text(), pattern)) {
    o.truth = Truth::true_;
    o.detail = name_tag->text();
  }
  return o;
}

}  // namespace iacscan::detail::predicates
