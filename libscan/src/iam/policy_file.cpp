#include "iam/policy_file.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <memory>

#include "iam/ascii_case.hpp"
#include "source/path_glob.hpp"

namespace iacscan::detail::iam {
namespace {

// "service-control-policies" → "servicecontrolpolicies"; tokens split on everything else.
std::string alphanumerics(std::string_view s) {
  std::string out;
  for (char c : s)
    if (std::isalnum(static_cast<unsigned char>(c)))
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::vector<std::string> tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string current;
  for (char c : s) {
    if (std::isalnum(static_cast<unsigned char>(c))) {
      current += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (!current.empty()) {
      out.push_back(std::move(current));
      current.clear();
    }
  }
  if (!current.empty()) out.push_back(std::move(current));
  return out;
}

bool has_token(const std::vector<std::string>& list, std::initializer_list<std::string_view> any) {
  return std::any_of(list.begin(), list.end(), [&](const std::string& t) {
    return std::find(any.begin(), any.end(), t) != any.end();
  });
}

bool contains(std::string_view haystack, std::initializer_list<std::string_view> any) {
  return std::any_of(any.begin(), any.end(), [&](std::string_view n) {
    return haystack.find(n) != std::string_view::npos;
  });
}

std::optional<PolicyType> organization_type_of_name(std::string_view segment) {
  const std::vector<std::string> words = tokens(segment);
  const std::string joined = alphanumerics(segment);
  if (has_token(words, {"scp", "scps"}) || contains(joined, {"servicecontrolpolic"}))
    return PolicyType::scp;
  if (has_token(words, {"rcp", "rcps"}) || contains(joined, {"resourcecontrolpolic"}))
    return PolicyType::rcp;
  if (contains(joined, {"aioptout", "aiservicesoptout", "aiservicesoptout"}))
    return PolicyType::ai_opt_out;
  return std::nullopt;
}

std::optional<PolicyType> other_type_of_name(std::string_view segment) {
  const std::string joined = alphanumerics(segment);
  if (contains(joined, {"trustpolic", "assumerolepolic"})) return PolicyType::trust;
  if (contains(joined, {"endpointpolic"})) return PolicyType::endpoint;
  if (contains(joined, {"resourcepolic", "bucketpolic", "keypolic", "queuepolic", "topicpolic",
                        "repositorypolic", "secretpolic"}))
    return PolicyType::resource;
  if (contains(joined,
               {"identitypolic", "permissionsboundar", "rolepolic", "userpolic", "grouppolic"}))
    return PolicyType::identity;
  return std::nullopt;
}

std::vector<std::string_view> segments_nearest_first(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t end = path.size();
  // The file name counts without its extension.
  const std::size_t slash = path.rfind('/');
  const std::size_t dot = path.rfind('.');
  if (dot != std::string_view::npos && (slash == std::string_view::npos || dot > slash)) end = dot;
  while (true) {
    const std::size_t start = path.rfind('/', end == 0 ? 0 : end - 1);
    const std::size_t from = start == std::string_view::npos ? 0 : start + 1;
    if (end > from) out.push_back(path.substr(from, end - from));
    if (start == std::string_view::npos || start == 0) break;
    end = start;
  }
  return out;
}

const Value* string_field(const Value& map, std::string_view key) {
  const Value* v = map.find(key);
  return v != nullptr && v->is_string() ? v : nullptr;
}

std::string text_of(const Value* v) {
  return v != nullptr && v->is_string() ? v->text() : "";
}

bool is_policy_document(const Value& v) {
  if (v.is_string()) return v.text().find("Statement") != std::string::npos;
  return v.is_map() && v.find("Statement") != nullptr;
}

bool is_ai_opt_out_document(const Value& v) {
  if (!v.is_map()) return false;
  const Value* services = v.find("services");
  return services != nullptr && services->is_map();
}

// The AWS CLI's output (and input) shapes that carry a policy. Fills `found` and says whether
// the shape decided the type by itself.
std::optional<PolicyFileClass> cli_shape(const Value& root) {
  PolicyFileClass found;
  // organizations describe-policy: {"Policy": {"PolicySummary": {..., "Type"}, "Content"}}
  if (const Value* policy = root.find("Policy"); policy != nullptr && policy->is_map()) {
    const Value* summary = policy->find("PolicySummary");
    const Value* content = policy->find("Content");
    if (summary != nullptr && summary->is_map() && content != nullptr) {
      found.organizations_type = text_of(summary->find("Type"));
      found.name = text_of(summary->find("Name"));
      found.document = content;
      found.decided_by = ClassifiedBy::type_field;
      return found;
    }
  }
  // organizations create-policy --cli-input-json: {"Content", "Name", "Type", ...}
  if (const Value* content = root.find("Content");
      content != nullptr && string_field(root, "Type")) {
    found.organizations_type = root.find("Type")->text();
    found.name = text_of(root.find("Name"));
    found.document = content;
    found.decided_by = ClassifiedBy::type_field;
    return found;
  }
  found.decided_by = ClassifiedBy::cli_shape;
  // iam get-policy-version: {"PolicyVersion": {"Document": ...}}
  if (const Value* version = root.find("PolicyVersion"); version != nullptr && version->is_map()) {
    if (const Value* doc = version->find("Document")) {
      found.type = PolicyType::identity;
      found.document = doc;
      return found;
    }
  }
  // iam get-role: {"Role": {"AssumeRolePolicyDocument": ...}}
  if (const Value* role = root.find("Role"); role != nullptr && role->is_map()) {
    if (const Value* doc = role->find("AssumeRolePolicyDocument")) {
      found.type = PolicyType::trust;
      found.document = doc;
      found.name = text_of(role->find("RoleName"));
      return found;
    }
  }
  // iam get-role-policy / get-user-policy / get-group-policy
  if (const Value* doc = root.find("PolicyDocument");
      doc != nullptr && root.find("PolicyName") != nullptr) {
    found.type = PolicyType::identity;
    found.document = doc;
    found.name = text_of(root.find("PolicyName"));
    return found;
  }
  // s3api get-bucket-policy, kms get-key-policy, lambda get-policy: {"Policy": "<json>"}
  if (const Value* policy = string_field(root, "Policy")) {
    found.type = PolicyType::resource;
    found.document = policy;
    return found;
  }
  // ecr get-repository-policy: {"policyText": "<json>"}; secretsmanager get-resource-policy
  for (std::string_view key : {"policyText", "ResourcePolicy"}) {
    if (const Value* text = string_field(root, key)) {
      found.type = PolicyType::resource;
      found.document = text;
      return found;
    }
  }
  return std::nullopt;
}

bool is_assume_role_action(std::string_view action) {
  const std::string lower = ascii_lowercase(action);
  return lower.starts_with("sts:assumerole") || lower == "sts:tagsession" ||
         lower == "sts:setsourceidentity" || lower == "sts:setcontext";
}

// Content heuristics, the last resort. A principal means a resource policy, or a trust policy
// when every action is an sts:AssumeRole*; without one, a document of Deny statements only is
// taken for an SCP (guardrails deny; identity policies mostly allow), anything else for an
// identity policy.
PolicyType type_from_content(const Value& document) {
  if (is_ai_opt_out_document(document)) return PolicyType::ai_opt_out;
  const Policy policy = read_policy(document);
  bool any_principal = false, all_assume_role = true, all_deny = !policy.statements.empty();
  for (const Statement& s : policy.statements) {
    if (s.principal.present || s.not_principal.present) any_principal = true;
    if (s.effect != Effect::deny) all_deny = false;
    if (s.action.items.empty()) all_assume_role = false;
    for (const Element& a : s.action.items)
      if (a.unknown || !is_assume_role_action(a.text)) all_assume_role = false;
  }
  if (any_principal) return all_assume_role ? PolicyType::trust : PolicyType::resource;
  return all_deny ? PolicyType::scp : PolicyType::identity;
}

// A standalone file can be a template Terraform fills in (templatefile("policy.json.tpl",
// ...)): "${effect}" is a placeholder, unknown until rendered. IAM's own policy variables
// always name a namespace ("${aws:username}", "${saml:sub}") or are the escapes ${*}, ${?},
// ${$}, so a "${name}" without a colon is taken for a placeholder.
// Documentation and example policies write what the reader fills in as "<my-vpc>",
// "<ACCOUNT_ID>": no IAM element value contains angle brackets, so a "<name>" is a placeholder
// too, unknown rather than a malformed CIDR or ARN.
bool replace_angle_placeholders(std::string& text) {
  bool replaced = false;
  std::size_t at = 0;
  while ((at = text.find('<', at)) != std::string::npos) {
    std::size_t end = at + 1;
    while (end < text.size() && (std::isalnum(static_cast<unsigned char>(text[end])) ||
                                 text[end] == '-' || text[end] == '_' || text[end] == '.'))
      ++end;
    const bool placeholder = end < text.size() && text[end] == '>' && end > at + 1 &&
                             std::isalpha(static_cast<unsigned char>(text[at + 1]));
    if (!placeholder) {
      ++at;
      continue;
    }
    text.replace(at, end - at + 1, kUnknownMarker);
    at += kUnknownMarker.size();
    replaced = true;
  }
  return replaced;
}

bool replace_placeholders(std::string& text) {
  bool replaced = false;
  std::size_t at = 0;
  while ((at = text.find("${", at)) != std::string::npos) {
    const std::size_t close = text.find('}', at + 2);
    if (close == std::string::npos) break;
    const std::string_view name(text.data() + at + 2, close - at - 2);
    const bool placeholder = !name.empty() && name.find(':') == std::string_view::npos &&
                             name != "*" && name != "?" && name != "$";
    if (!placeholder) {
      at = close + 1;
      continue;
    }
    text.replace(at, close - at + 1, kUnknownMarker);
    at += kUnknownMarker.size();
    replaced = true;
  }
  return replace_angle_placeholders(text) || replaced;
}

void mark_template_placeholders(Value& v) {
  if (v.is_string() &&
      (v.text().find("${") != std::string::npos || v.text().find('<') != std::string::npos)) {
    std::string text = v.text();
    if (replace_placeholders(text)) {
      Value marked = Value::string(std::move(text), v.span);
      marked.refs = std::move(v.refs);
      v = std::move(marked);
    }
    return;
  }
  for (Value& item : v.items()) mark_template_placeholders(item);
  for (Value::Entry& entry : v.entries()) mark_template_placeholders(entry.value);
}

}  // namespace

std::string_view classified_by_name(ClassifiedBy by) {
  switch (by) {
    case ClassifiedBy::config:
      return "config";
    case ClassifiedBy::type_field:
      return "type-field";
    case ClassifiedBy::cli_shape:
      return "cli-shape";
    case ClassifiedBy::path_name:
      return "path-name";
    case ClassifiedBy::content:
      return "content";
  }
  return "content";
}

std::optional<PolicyType> parse_policy_type(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, PolicyType>, 7> kNames = {{
      {"ai-opt-out", PolicyType::ai_opt_out},
      {"endpoint", PolicyType::endpoint},
      {"identity", PolicyType::identity},
      {"rcp", PolicyType::rcp},
      {"resource", PolicyType::resource},
      {"scp", PolicyType::scp},
      {"trust", PolicyType::trust},
  }};
  for (const auto& [text, type] : kNames)
    if (text == name) return type;
  return std::nullopt;
}

std::optional<PolicyType> organizations_policy_type(std::string_view type) {
  if (type == "SERVICE_CONTROL_POLICY") return PolicyType::scp;
  if (type == "RESOURCE_CONTROL_POLICY") return PolicyType::rcp;
  if (type == "AISERVICES_OPT_OUT_POLICY") return PolicyType::ai_opt_out;
  return std::nullopt;
}

std::string policy_file_native_type(PolicyType type) {
  switch (type) {
    case PolicyType::identity:
      return "PolicyFile::Identity";
    case PolicyType::trust:
      return "PolicyFile::Trust";
    case PolicyType::resource:
      return "PolicyFile::Resource";
    case PolicyType::endpoint:
      return "PolicyFile::Endpoint";
    case PolicyType::scp:
      return "PolicyFile::SCP";
    case PolicyType::rcp:
      return "PolicyFile::RCP";
    case PolicyType::ai_opt_out:
      return "PolicyFile::AiOptOut";
  }
  return "PolicyFile::Identity";
}

std::optional<PolicyType> policy_type_from_path(std::string_view path) {
  const std::vector<std::string_view> segments = segments_nearest_first(path);
  auto type_of = [](std::string_view segment) {
    if (auto type = organization_type_of_name(segment)) return type;
    return other_type_of_name(segment);
  };
  // Folders first, nearest first: a folder groups policies of one kind, while a file name in
  // it often names the resource a policy protects ("sns_topic_policy.json" among RCPs).
  for (std::size_t i = 1; i < segments.size(); ++i)
    if (auto type = type_of(segments[i])) return type;
  if (!segments.empty()) return type_of(segments.front());
  return std::nullopt;
}

std::optional<PolicyFileClass> classify_policy_file(std::string_view path, const Value& root,
                                                    const PolicyFileRules& rules) {
  if (!root.is_map()) return std::nullopt;
  std::optional<PolicyType> configured;
  for (const auto& [glob, type] : rules.globs) {
    if (path_glob_match(glob, path)) {
      configured = type;
      break;
    }
  }
  PolicyFileClass result;
  if (std::optional<PolicyFileClass> shape = cli_shape(root)) {
    result = *shape;
    if (shape->decided_by == ClassifiedBy::type_field) {
      auto type = organizations_policy_type(shape->organizations_type);
      if (!type) return std::nullopt;  // a tag or backup policy: not ours
      result.type = *type;
    }
  } else if (is_policy_document(root) || is_ai_opt_out_document(root)) {
    result.document = &root;
    if (auto by_path = policy_type_from_path(path)) {
      result.type = *by_path;
      result.decided_by = ClassifiedBy::path_name;
    } else {
      result.type = type_from_content(root);
      result.decided_by = ClassifiedBy::content;
    }
  } else {
    return std::nullopt;
  }
  if (configured) {
    result.type = *configured;
    result.decided_by = ClassifiedBy::config;
  }
  return result;
}

bool text_looks_like_policy(std::string_view path, std::string_view text,
                            const PolicyFileRules& rules) {
  for (const auto& entry : rules.globs)
    if (path_glob_match(entry.first, path)) return true;
  if (text.find("\"Statement\"") != std::string_view::npos &&
      text.find("\"Effect\"") != std::string_view::npos)
    return true;
  return policy_type_from_path(path).has_value() &&
         (text.find("Statement") != std::string_view::npos ||
          text.find("@@assign") != std::string_view::npos);
}

LoadedFile load_policy_file(const SourceFile& file, const Value& root,
                            const PolicyFileRules& rules) {
  LoadedFile loaded;
  std::optional<PolicyFileClass> found = classify_policy_file(file.path, root, rules);
  if (!found || found->document == nullptr) return loaded;
  loaded.is_iac = true;
  Resource resource;
  resource.format = SourceFormat::policy_file;
  resource.scope = file.path;
  resource.native_type = policy_file_native_type(found->type);
  resource.address = file.path;
  resource.span = root.span;
  resource.name_span = found->document->span;
  Value attributes = Value::map({}, root.span);
  if (found->document == &root) {
    // The file is the policy: keep its text beside the structure, since AWS counts an SCP's
    // size on the text as written.
    Value document = Value::string(file.content, root.span);
    auto encoded = std::make_shared<EncodedText>();
    Value structure = root;
    mark_template_placeholders(structure);
    encoded->structure = std::make_shared<const Value>(std::move(structure));
    document.encoded = std::move(encoded);
    attributes.set("Document", std::move(document), root.span);
  } else {
    attributes.set("Document", *found->document, found->document->span);
  }
  attributes.set("PolicyType", Value::string(std::string(policy_type_name(found->type))));
  attributes.set("ClassifiedBy", Value::string(std::string(classified_by_name(found->decided_by))));
  if (!found->name.empty()) attributes.set("Name", Value::string(found->name));
  if (!found->organizations_type.empty())
    attributes.set("Type", Value::string(found->organizations_type));
  resource.attributes = std::move(attributes);
  loaded.resources.push_back(std::move(resource));
  return loaded;
}

}  // namespace iacscan::detail::iam
