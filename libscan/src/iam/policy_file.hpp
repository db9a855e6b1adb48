// Standalone policy files: a JSON file holding an SCP, RCP, AI services opt-out policy, or an
// identity, resource or trust policy, alone or in one of the AWS CLI's output shapes. Such a
// file becomes one pseudo-resource ("PolicyFile::SCP" ...) whose Document attribute is the
// policy, so rules judge it exactly like a policy inside a template.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "graph/loaded_file.hpp"
#include "iam/policy.hpp"
#include "source/source_file.hpp"

namespace iacscan::detail::iam {

// User-declared types: path globs (source/path_glob.hpp) to a type; the first match wins.
struct PolicyFileRules {
  std::vector<std::pair<std::string, PolicyType>> globs;
};

// What decided a file's type, in the order the deciders are tried.
enum class ClassifiedBy : std::uint8_t {
  config,      // a PolicyFileRules glob
  type_field,  // the `Type` of an AWS CLI output shape (describe-policy, create-policy input)
  cli_shape,   // an AWS CLI output shape whose command implies the type (get-role: trust)
  path_name,   // a conventional folder or file name ("scps/", "ai-opt-out.json")
  content,     // what the document contains
};
std::string_view classified_by_name(ClassifiedBy by);  // "config", "type-field", ...

struct PolicyFileClass {
  PolicyType type = PolicyType::identity;
  ClassifiedBy decided_by = ClassifiedBy::content;
  const Value* document = nullptr;  // inside the root given to classify_policy_file
  std::string name;                 // from the CLI shape, when it names the policy
  std::string organizations_type;   // "SERVICE_CONTROL_POLICY", from a Type field
};

// "scp", "rcp", "identity", "resource", "endpoint", "trust", "ai-opt-out" (as in
// configuration files).
std::optional<PolicyType> parse_policy_type(std::string_view name);
// AWS Organizations' policy type names: SERVICE_CONTROL_POLICY, RESOURCE_CONTROL_POLICY,
// AISERVICES_OPT_OUT_POLICY; other Organizations types (tag, backup ...) are not ours.
std::optional<PolicyType> organizations_policy_type(std::string_view type);
// The pseudo-resource type of a standalone file of this policy type ("PolicyFile::SCP").
std::string policy_file_native_type(PolicyType type);

// The type a conventional path name gives, if any: the nearest folder whose name says a type
// ("scps/", "service-control-policies/", "rcp", "ai-opt-out", "trust-policies",
// "vpc_endpoint_policies"), else the file name ("deny-leave.scp.json").
std::optional<PolicyType> policy_type_from_path(std::string_view path);

// Whether a root value is a policy file, and which kind, deciding in this order: config glob,
// a CLI shape's Type field, a CLI shape's command, the path's names, the content. nullopt for
// JSON that is not a policy (package.json) or an Organizations policy of another type.
std::optional<PolicyFileClass> classify_policy_file(std::string_view path, const Value& root,
                                                    const PolicyFileRules& rules);

// Whether an unreadable file should be reported as a broken policy rather than ignored.
bool text_looks_like_policy(std::string_view path, std::string_view text,
                            const PolicyFileRules& rules);

// The LoadedFile of a classified policy file (is_iac set, one resource); a LoadedFile with
// is_iac false when the root is not a policy.
LoadedFile load_policy_file(const SourceFile& file, const Value& root,
                            const PolicyFileRules& rules);

}  // namespace iacscan::detail::iam
