// The IAM policy model: one shape for every policy document iacscan reads (identity, trust and
// resource policies, SCPs and RCPs), whether it came from a standalone JSON file, a
// CloudFormation object, a Terraform jsonencode / heredoc / file() string or a rendered
// aws_iam_policy_document. Every element keeps its span, so a finding points at the statement
// or value that caused it; every element may be unknown (a Terraform reference known only
// after apply), and analyses treat unknown as "could be anything".
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "value/value.hpp"

namespace iacscan::detail::iam {

// What kind of document a policy is; decides which elements are allowed and how it is judged.
enum class PolicyType : std::uint8_t {
  identity,    // attached to a user, group or role (or a permissions boundary)
  trust,       // a role's AssumeRolePolicyDocument / assume_role_policy
  resource,    // attached to a resource (bucket, queue, key ...); needs a Principal
  endpoint,    // a VPC endpoint policy: a resource policy on the network path, whose callers
               // are inside the VPC by definition, so a "*" principal is not public
  scp,         // AWS Organizations service control policy
  rcp,         // AWS Organizations resource control policy
  ai_opt_out,  // AWS Organizations AI services opt-out policy (not IAM syntax)
};
std::string_view policy_type_name(PolicyType type);  // "identity", "trust", "endpoint", ...

// One scalar element: an action, a resource ARN, a principal, a condition value.
struct Element {
  std::string text;  // the string; numbers and booleans as written; unknown: empty
  Span span;
  bool unknown = false;
  bool is_string = true;  // false for a number, boolean, null, list or map where a string belongs
};

// An element that takes a string or a list of strings (Action, Resource, a principal type's
// value, a condition key's values).
struct ElementList {
  bool present = false;
  Span span;
  bool unknown = false;  // the whole element is unknown (its length too)
  std::vector<Element> items;
  bool was_list = false;  // written as a list rather than a single string

  bool has_unknown() const;
  bool contains_text(std::string_view text) const;  // an exact, known item
};

// Principal / NotPrincipal: "*" or a map of AWS / Service / Federated / CanonicalUser to a
// string or list.
struct PrincipalBlock {
  bool present = false;
  Span span;
  bool unknown = false;
  bool wildcard = false;  // Principal: "*"
  struct Entry {
    std::string type;  // as written: "AWS", "Service", "Federated", "CanonicalUser", ...
    Span type_span;
    ElementList values;
  };
  std::vector<Entry> entries;
  bool malformed = false;  // neither "*" nor a map
};

// Condition operators as IAM spells them, split into their parts.
struct ConditionOperator {
  std::string written;  // "ForAnyValue:StringLikeIfExists"
  std::string base;     // "StringLike"
  enum class SetQualifier : std::uint8_t {
    none,
    for_all_values,
    for_any_value
  } qualifier = SetQualifier::none;
  bool if_exists = false;
};
ConditionOperator parse_condition_operator(std::string_view written);

// One operator → key → values triple of a Condition block.
struct ConditionClause {
  ConditionOperator op;
  Span op_span;
  std::string key;  // as written; IAM compares keys case-insensitively
  Span key_span;
  ElementList values;
};

struct ConditionBlock {
  bool present = false;
  Span span;
  bool unknown = false;  // the block, an operator's map or a key's values are unknown as a whole
  bool malformed = false;
  std::vector<ConditionClause> clauses;
};

enum class Effect : std::uint8_t { allow, deny, missing, invalid, unknown };

struct Statement {
  std::size_t index = 0;  // position in the Statement list
  Span span;
  bool unknown = false;    // the statement as a whole is unknown
  bool malformed = false;  // not a map
  Element sid;
  bool has_sid = false;
  Effect effect = Effect::missing;
  Element effect_element;
  ElementList action, not_action, resource, not_resource;
  PrincipalBlock principal, not_principal;
  ConditionBlock condition;
  // Keys that are not IAM statement elements, with where they were written.
  std::vector<std::pair<std::string, Span>> unexpected_keys;
};

struct Policy {
  Span span;
  bool unknown = false;  // the document could not be read at all because it is unknown
  std::string unknown_reason;
  bool malformed = false;  // not a JSON object, or text that is not JSON
  std::string malformed_reason;
  Span malformed_span;
  Element version;
  bool has_version = false;
  Element id;
  bool has_id = false;
  bool has_statement = false;
  bool statement_unknown = false;  // the Statement element is unknown: more may exist
  Span statement_span;
  std::vector<Statement> statements;
  std::vector<std::pair<std::string, Span>> unexpected_keys;
  // The JSON text the policy was read from, when it was text (a standalone file, a Terraform
  // string): AWS counts an SCP's size on it. Empty when the policy was a structure.
  std::string source_text;
};

// A document held by a value, as a positioned map: the value itself (a map), the structure a
// Terraform string was encoded from (jsonencode, aws_iam_policy_document), or JSON text (a
// heredoc, file(), a CloudFormation string) parsed with its positions mapped into the string's
// span: a heredoc's lines map to the source lines, a quoted string to its line.
struct DecodedDocument {
  const Value* value = nullptr;  // not owned: inside the value given to decode_document
  std::optional<Value> parsed;   // owned: the parsed text
  std::string text;              // the JSON text, when the document came as (or with) text
  bool unknown = false;
  std::string unknown_reason;
  bool malformed = false;
  std::string malformed_reason;  // "the document is not valid JSON: ..."
  Span malformed_span;
  const Value* get() const { return parsed ? &*parsed : value; }
};
DecodedDocument decode_document(const Value& value);

// Reads a policy from a positioned value: a map (CloudFormation, JSON file, jsonencode's
// structure, a rendered aws_iam_policy_document) or a string holding JSON (a Terraform
// heredoc or file(), a CloudFormation string). Positions inside a string are mapped back into
// the string's span: a heredoc's lines map to the source lines, a quoted string to its line.
// Never throws.
Policy read_policy(const Value& value);

// The statement elements IAM knows, for validation.
bool is_statement_key(std::string_view key);

}  // namespace iacscan::detail::iam
