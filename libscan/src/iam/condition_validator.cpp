#include "iam/condition_validator.hpp"

#include <optional>
#include <string>

#include "iam/condition_operators.hpp"
#include "iam/condition_values.hpp"
#include "iam/pattern_text.hpp"

namespace iacscan::detail::iam {
namespace {

bool is_base64(std::string_view text) {
  if (text.empty() || text.size() % 4 != 0) return false;
  std::size_t padding = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding > 0) return false;  // '=' only at the end
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '+' || c == '/';
    if (!ok) return false;
  }
  return padding <= 2;
}

// What a value of this family must look like; empty when it does.
std::string value_problem(OperatorFamily family, std::string_view value) {
  switch (family) {
    case OperatorFamily::numeric:
      return parse_iam_number(value) ? "" : "is not a number";
    case OperatorFamily::date:
      return parse_iam_date(value) ? "" : "is not an ISO 8601 date or a UNIX time";
    case OperatorFamily::boolean:
    case OperatorFamily::null:
      return parse_iam_bool(value) ? "" : "is neither true nor false";
    case OperatorFamily::ip_address:
      return parse_ip_range(value) ? "" : "is not an IP address or CIDR range";
    case OperatorFamily::arn:
      return value.starts_with("arn:") || only_wildcards(value) ? "" : "is not an ARN";
    case OperatorFamily::binary:
      return is_base64(value) ? "" : "is not base64";
    case OperatorFamily::string:
      return "";
  }
  return "";
}

std::string_view family_name(OperatorFamily family) {
  switch (family) {
    case OperatorFamily::string:
      return "String";
    case OperatorFamily::numeric:
      return "Numeric";
    case OperatorFamily::date:
      return "Date";
    case OperatorFamily::boolean:
      return "Bool";
    case OperatorFamily::binary:
      return "Binary";
    case OperatorFamily::ip_address:
      return "IpAddress";
    case OperatorFamily::arn:
      return "Arn";
    case OperatorFamily::null:
      return "Null";
  }
  return "String";
}

// Whether an operator family compares values of a key type sensibly.
bool family_fits(OperatorFamily family, ConditionValueType type) {
  switch (family) {
    case OperatorFamily::string:
    case OperatorFamily::arn:
      return type == ConditionValueType::string || type == ConditionValueType::arn;
    case OperatorFamily::numeric:
      return type == ConditionValueType::numeric;
    case OperatorFamily::date:
      return type == ConditionValueType::date;
    case OperatorFamily::boolean:
      return type == ConditionValueType::boolean;
    case OperatorFamily::ip_address:
      return type == ConditionValueType::ip_address;
    case OperatorFamily::binary:
      return type == ConditionValueType::binary;
    case OperatorFamily::null:
      return true;
  }
  return true;
}

// Keys of web-identity and SAML federation ("accounts.google.com:aud", "saml:sub") are
// named after the provider, not after a service the IAM data lists.
bool is_federation_key(std::string_view key) {
  const std::size_t colon = key.find(':');
  if (colon == std::string_view::npos) return false;
  const std::string_view prefix = key.substr(0, colon);
  return prefix.find('.') != std::string_view::npos || prefix == "saml" || prefix == "SAML";
}

void check_key(const ConditionClause& clause, std::optional<OperatorSpec> spec,
               const ActionCatalog& catalog, PolicyIssues& issues) {
  if (clause.key.find(kUnknownMarker) != std::string::npos || is_federation_key(clause.key)) return;
  const auto info = catalog.find_condition_key(clause.key);
  if (!info) {
    add_issue(issues, "unknown-condition-key",
              "condition key \"" + clause.key + "\" is not a key the IAM data knows",
              clause.key_span, IssueLevel::note);
    return;
  }
  if (clause.op.qualifier != ConditionOperator::SetQualifier::none && !info->type.multivalued)
    add_issue(issues, "set-operator-on-single-valued-key",
              clause.op.written + " on \"" + clause.key +
                  "\", which has one value per request: use the operator without the set qualifier",
              clause.op_span, IssueLevel::warning);
  if (spec && !family_fits(spec->family, info->type.value))
    add_issue(issues, "mismatched-condition-type",
              std::string(family_name(spec->family)) + " operator " + clause.op.written + " on \"" +
                  clause.key + "\", a " + std::string(condition_value_type_name(info->type.value)) +
                  " key",
              clause.op_span, IssueLevel::warning);
}

void check_values(const ConditionClause& clause, OperatorFamily family, PolicyIssues& issues) {
  if (clause.values.unknown) return;
  if (clause.values.items.empty()) {
    add_issue(issues, "empty-condition-values", "\"" + clause.key + "\" has no values",
              clause.values.span);
    return;
  }
  for (const Element& value : clause.values.items) {
    if (value.unknown) continue;
    if (!value.is_string) {
      add_issue(issues, "condition-value-type",
                "a value of \"" + clause.key + "\" must be a string, number or boolean",
                value.span);
      continue;
    }
    if (value.text.find("${") != std::string::npos) continue;
    const std::string problem = value_problem(family, value.text);
    if (!problem.empty())
      add_issue(issues, "condition-value-type",
                "\"" + value.text + "\" " + problem + " (" + clause.op.written + " on \"" +
                    clause.key + "\")",
                value.span);
  }
}

}  // namespace

void validate_condition(const ConditionBlock& condition, const ActionCatalog& catalog,
                        PolicyIssues& issues) {
  if (!condition.present) return;
  if (condition.malformed)
    add_issue(issues, "malformed-condition",
              "Condition must map operators to objects of condition keys and values",
              condition.span);
  for (std::size_t i = 0; i < condition.clauses.size(); ++i) {
    const ConditionClause& clause = condition.clauses[i];
    const std::optional<OperatorSpec> spec = find_condition_operator(clause.op.base);
    // The keys of one operator are consecutive clauses: judge the operator once.
    const bool new_operator = i == 0 || condition.clauses[i - 1].op_span != clause.op_span ||
                              condition.clauses[i - 1].op.written != clause.op.written;
    if (!spec) {
      if (new_operator)
        add_issue(issues, "unknown-condition-operator",
                  "\"" + clause.op.written + "\" is not an IAM condition operator", clause.op_span);
    } else {
      if (new_operator && spec->family == OperatorFamily::null && clause.op.if_exists)
        add_issue(issues, "if-exists-on-null", "the Null operator cannot take IfExists",
                  clause.op_span);
      check_values(clause, spec->family, issues);
    }
    check_key(clause, spec, catalog, issues);
  }
}

}  // namespace iacscan::detail::iam
