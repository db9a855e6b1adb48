#include "iam/ai_opt_out.hpp"

#include <algorithm>
#include <array>

#include "iam/ascii_case.hpp"
#include "iam/document_size.hpp"
#include "iam/policy.hpp"

namespace iacscan::detail::iam {
namespace {

constexpr std::string_view kAssign = "@@assign";
constexpr std::string_view kChildOperators = "@@operators_allowed_for_child_policies";

bool is_known_operator(std::string_view key) {
  static constexpr std::array<std::string_view, 4> kOperators = {
      "@@append", "@@assign", "@@operators_allowed_for_child_policies", "@@remove"};
  return std::find(kOperators.begin(), kOperators.end(), key) != kOperators.end();
}

bool is_child_operator_value(std::string_view value) {
  static constexpr std::array<std::string_view, 5> kValues = {"@@all", "@@append", "@@assign",
                                                              "@@none", "@@remove"};
  return std::find(kValues.begin(), kValues.end(), value) != kValues.end();
}

class Reader {
 public:
  explicit Reader(AiOptOutPolicy& out) : out_(out) {}

  void read_root(const Value& root) {
    for (const Value::Entry& entry : root.entries()) {
      if (entry.key == "services") continue;
      if (entry.key == "Statement" || entry.key == "Version")
        issue("iam-syntax",
              "\"" + entry.key +
                  "\" is IAM policy syntax; an AI services opt-out policy has only a "
                  "\"services\" element",
              entry.key_span);
      else
        issue("unexpected-element", "unexpected element \"" + entry.key + "\"", entry.key_span);
    }
    const Value* services = root.find("services");
    if (services == nullptr) {
      issue("missing-services", "the policy has no \"services\" element", root.span);
      return;
    }
    if (services->is_unknown()) {
      out_.unknown = true;
      return;
    }
    if (!services->is_map()) {
      issue("invalid-services", "\"services\" must be an object", services->span);
      return;
    }
    std::vector<std::string> inherited;
    bool inherited_unknown = false;
    if (const Value* ops = services->find(kChildOperators))
      read_child_operators(*ops, inherited, inherited_unknown);
    for (const Value::Entry& entry : services->entries()) {
      if (entry.key.starts_with("@@")) {
        if (!is_known_operator(entry.key))
          issue("unknown-operator", "unknown operator \"" + entry.key + "\"", entry.key_span);
        continue;
      }
      read_service(entry, inherited, inherited_unknown);
    }
  }

 private:
  void issue(std::string code, std::string message, const Span& span,
             IssueLevel level = IssueLevel::error) {
    out_.issues.push_back({std::move(code), std::move(message), span, level});
  }

  void read_child_operators(const Value& v, std::vector<std::string>& into, bool& unknown) {
    into.clear();
    if (v.is_unknown()) {
      unknown = true;
      return;
    }
    if (!v.is_list()) {
      issue("invalid-operator-value", std::string(kChildOperators) + " must be a list", v.span);
      return;
    }
    for (const Value& item : v.items()) {
      if (item.is_unknown()) {
        unknown = true;
        continue;
      }
      if (!item.is_string() || !is_child_operator_value(item.text())) {
        issue("invalid-operator-value",
              "\"" + item.to_display_string() +
                  "\" is not one of @@all, @@none, @@assign, @@append, @@remove",
              item.span);
        continue;
      }
      into.push_back(item.text());
    }
  }

  void read_service(const Value::Entry& entry, const std::vector<std::string>& inherited,
                    bool inherited_unknown) {
    AiOptOutSetting setting;
    setting.service = entry.key;
    setting.service_span = entry.key_span;
    setting.child_operators = inherited;
    setting.child_operators_unknown = inherited_unknown;
    const auto& keys = ai_opt_out_service_keys();
    if (!std::binary_search(keys.begin(), keys.end(), std::string_view(entry.key)))
      issue("unknown-service",
            "\"" + entry.key + "\" is not a service key AWS documents for AI opt-out policies",
            entry.key_span, IssueLevel::warning);
    const Value& body = entry.value;
    if (body.is_unknown()) {
      setting.assigned_unknown = true;
      out_.services.push_back(std::move(setting));
      return;
    }
    if (!body.is_map()) {
      issue("invalid-service", "the entry of \"" + entry.key + "\" must be an object", body.span);
      return;
    }
    if (const Value* ops = body.find(kChildOperators))
      read_child_operators(*ops, setting.child_operators, setting.child_operators_unknown);
    for (const Value::Entry& inner : body.entries()) {
      if (inner.key == "opt_out_policy" || inner.key == kChildOperators) continue;
      issue("unexpected-element",
            "unexpected element \"" + inner.key + "\" (expected \"opt_out_policy\")",
            inner.key_span);
    }
    if (const Value* policy = body.find("opt_out_policy")) read_opt_out(*policy, setting);
    out_.services.push_back(std::move(setting));
  }

  void read_opt_out(const Value& policy, AiOptOutSetting& setting) {
    if (policy.is_unknown()) {
      setting.assigned_unknown = true;
      return;
    }
    if (!policy.is_map()) {
      issue("invalid-service", "\"opt_out_policy\" must be an object", policy.span);
      return;
    }
    for (const Value::Entry& e : policy.entries())
      if (!is_known_operator(e.key))
        issue("unknown-operator", "unknown operator \"" + e.key + "\" in opt_out_policy",
              e.key_span);
    if (const Value* ops = policy.find(kChildOperators))
      read_child_operators(*ops, setting.child_operators, setting.child_operators_unknown);
    const Value* assign = policy.find(kAssign);
    if (assign == nullptr) return;
    setting.has_assign = true;
    setting.assigned_span = assign->span;
    if (assign->is_unknown()) {
      setting.assigned_unknown = true;
      return;
    }
    setting.assigned = assign->is_string() ? assign->text() : assign->to_display_string();
    if (assign->is_string() && (setting.assigned == "optOut" || setting.assigned == "optIn"))
      return;
    const bool case_only =
        ascii_iequals(setting.assigned, "optOut") || ascii_iequals(setting.assigned, "optIn");
    issue("invalid-value",
          "\"" + setting.assigned + "\" is not \"optOut\" or \"optIn\"" +
              (case_only ? " (the values are case-sensitive)" : ""),
          assign->span);
  }

  AiOptOutPolicy& out_;
};

}  // namespace

bool AiOptOutSetting::locked() const {
  return !child_operators_unknown && child_operators.size() == 1 &&
         child_operators.front() == "@@none";
}

const AiOptOutSetting* AiOptOutPolicy::find(std::string_view service) const {
  for (const AiOptOutSetting& s : services)
    if (s.service == service) return &s;
  return nullptr;
}

AiOptOutPolicy read_ai_opt_out_policy(const Value& document) {
  AiOptOutPolicy out;
  out.span = document.span;
  const DecodedDocument decoded = decode_document(document);
  if (decoded.unknown) {
    out.unknown = true;
    return out;
  }
  if (decoded.malformed) {
    out.issues.push_back(
        {"malformed", decoded.malformed_reason, decoded.malformed_span, IssueLevel::error});
    return out;
  }
  const Value& root = *decoded.get();
  Reader(out).read_root(root);
  if (!decoded.text.empty()) {
    if (decoded.text.find(kUnknownMarker) == std::string::npos) out.size = decoded.text.size();
  } else {
    out.size = minified_size(root);
  }
  if (out.size && *out.size > kAiOptOutMaxSize)
    out.issues.push_back({"size-limit",
                          "the policy is " + std::to_string(*out.size) +
                              " characters; AWS allows " + std::to_string(kAiOptOutMaxSize),
                          document.span, IssueLevel::error});
  return out;
}

}  // namespace iacscan::detail::iam
