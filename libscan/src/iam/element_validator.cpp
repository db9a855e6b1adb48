#include "iam/element_validator.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "iam/pattern_text.hpp"
#include "iam/wildcard_match.hpp"

namespace iacscan::detail::iam {
namespace {

bool action_part_chars(std::string_view part) {
  return !part.empty() && std::all_of(part.begin(), part.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_' || c == '.' || c == '*' || c == '?';
  });
}

void check_action(const Element& item, const ActionCatalog& catalog, PolicyIssues& issues) {
  if (item.unknown) return;
  if (!item.is_string) {
    add_issue(issues, "invalid-action", "an action must be a string", item.span);
    return;
  }
  if (!is_well_formed_action(item.text)) {
    add_issue(issues, "malformed-action",
              "\"" + item.text +
                  "\" is not an action: write \"<service>:<action>\", e.g. "
                  "\"s3:GetObject\"",
              item.span);
    return;
  }
  if (only_wildcards(item.text) || !catalog.expand(item.text).empty()) return;
  const std::string_view service = std::string_view(item.text).substr(0, item.text.find(':'));
  if (!has_wildcard(service) && !catalog.is_known_service(service)) {
    add_issue(issues, "unknown-service",
              "\"" + std::string(service) + "\" is not a service prefix the IAM data knows",
              item.span, IssueLevel::warning);
    return;
  }
  add_issue(issues, "unknown-action", "\"" + item.text + "\" matches no action the IAM data knows",
            item.span, IssueLevel::warning);
}

bool is_well_formed_resource(std::string_view resource) {
  if (only_wildcards(resource) || resource.starts_with("${")) return true;
  if (!resource.starts_with("arn:")) return false;
  // arn:partition:service:region:account:resource; a wildcard may stand for the rest.
  return std::count(resource.begin(), resource.end(), ':') >= 5 || has_wildcard(resource);
}

}  // namespace

bool is_well_formed_action(std::string_view action) {
  if (only_wildcards(action)) return true;
  const std::size_t colon = action.find(':');
  if (colon == std::string_view::npos || action.find(':', colon + 1) != std::string_view::npos)
    return false;
  return action_part_chars(action.substr(0, colon)) && action_part_chars(action.substr(colon + 1));
}

void validate_actions(const ElementList& actions, const ActionCatalog& catalog,
                      PolicyIssues& issues) {
  if (!actions.present || actions.unknown) return;
  for (const Element& item : actions.items) check_action(item, catalog, issues);
}

void validate_resources(const ElementList& resources, PolicyIssues& issues) {
  if (!resources.present || resources.unknown) return;
  for (const Element& item : resources.items) {
    if (item.unknown) continue;
    if (!item.is_string)
      add_issue(issues, "invalid-resource", "a resource must be a string", item.span);
    else if (!is_well_formed_resource(item.text))
      add_issue(issues, "malformed-resource", "\"" + item.text + "\" is neither \"*\" nor an ARN",
                item.span);
  }
}

void validate_principal(const PrincipalBlock& principal, PolicyIssues& issues) {
  if (!principal.present || principal.unknown) return;
  if (principal.malformed) {
    add_issue(issues, "malformed-principal",
              "a principal must be \"*\" or an object such as {\"AWS\": \"arn:...\"}",
              principal.span);
    return;
  }
  static constexpr std::array<std::string_view, 4> kTypes = {"AWS", "CanonicalUser", "Federated",
                                                             "Service"};
  for (const PrincipalBlock::Entry& entry : principal.entries) {
    if (std::find(kTypes.begin(), kTypes.end(), entry.type) == kTypes.end())
      add_issue(
          issues, "unknown-principal-type",
          "\"" + entry.type + "\" is not a principal type (AWS, Service, Federated, CanonicalUser)",
          entry.type_span);
    if (entry.values.unknown) continue;
    for (const Element& value : entry.values.items)
      if (!value.unknown && !value.is_string)
        add_issue(issues, "invalid-principal", "a principal must be a string", value.span);
  }
}

}  // namespace iacscan::detail::iam
