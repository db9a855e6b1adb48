#include "engine/scp_guardrail_spec.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace iacscan::detail::predicates {
namespace {

constexpr std::string_view kPrefixFact = "organization.security_resource_prefix";
constexpr std::string_view kProtectedRolesFact = "organization.protected_role_arns";

constexpr std::array<std::string_view, 4> kAccountFacts = {
    "organization.identity_account",
    "organization.log_archive_account",
    "organization.management_account",
    "organization.security_account",
};

bool is_account_fact(std::string_view fact) {
  return std::find(kAccountFacts.begin(), kAccountFacts.end(), fact) != kAccountFacts.end();
}

// Reads the `with` map once for both uses: checking it at load time (no options: facts are
// only validated) and building the specification for a scan.
class SpecReader {
 public:
  explicit SpecReader(const ScanOptions* options) : options_(options) {}

  std::string read(const Value& with) {
    if (!with.is_map()) return "takes a map of arguments";
    for (const Value::Entry& e : with.entries()) {
      if (e.key == "deny" || e.key == "resource" || e.key == "context") continue;
      if (e.key == "ou_role") {
        if (!e.value.is_string() || e.value.text().empty()) return "ou_role must be a role name";
        spec_.ou_role = e.value.text();
      } else if (e.key == "exempt") {
        if (!e.value.is_list()) return "exempt must be a list of account facts";
        for (const Value& fact : e.value.items()) {
          if (!fact.is_string() || !is_account_fact(fact.text()))
            return "exempt takes organization.identity_account, security_account, "
                   "log_archive_account or management_account";
          spec_.exempt_facts.push_back(fact.text());
        }
      } else {
        return "unknown argument \"" + e.key + "\"";
      }
    }
    DenyProbe defaults;
    if (const Value* resource = with.find("resource")) {
      if (!resource->is_string() || resource->text().empty())
        return "resource must be a resource ARN pattern";
      defaults.resource = resource->text();
    }
    if (const Value* context = with.find("context")) {
      if (std::string error = read_context(*context, defaults); !error.empty()) return error;
    }
    const Value* deny = with.find("deny");
    if (deny == nullptr || !deny->is_list() || deny->items().empty())
      return "needs deny: the actions the SCPs must deny";
    for (const Value& entry : deny->items()) {
      Requirement requirement;
      if (const Value* any_of = entry.is_map() ? entry.find("any_of") : nullptr) {
        if (entry.entries().size() != 1) return "an any_of entry takes nothing else";
        if (!any_of->is_list() || any_of->items().empty())
          return "any_of must be a list of alternatives, each a list of entries";
        for (const Value& alternative : any_of->items()) {
          if (!alternative.is_list() || alternative.items().empty())
            return "each any_of alternative must be a non-empty list of entries";
          std::vector<DenyProbe> probes;
          for (const Value& item : alternative.items()) {
            if (std::string error = read_probe(item, defaults, probes); !error.empty())
              return error;
          }
          requirement.alternatives.push_back(std::move(probes));
        }
      } else {
        std::vector<DenyProbe> probes;
        if (std::string error = read_probe(entry, defaults, probes); !error.empty()) return error;
        requirement.alternatives.push_back(std::move(probes));
      }
      spec_.requirements.push_back(std::move(requirement));
    }
    return "";
  }

  GuardrailSpec& spec() { return spec_; }
  const std::string& missing_fact() const { return missing_fact_; }

 private:
  static std::string read_context(const Value& context, DenyProbe& into) {
    if (!context.is_map()) return "context must map condition keys to values";
    for (const Value::Entry& e : context.entries()) {
      std::vector<std::string> values;
      if (e.value.is_list()) {
        for (const Value& v : e.value.items()) {
          if (v.is_map() || v.is_list() || v.is_null() || v.is_unknown())
            return "context values must be strings";
          values.push_back(v.to_display_string());
        }
      } else if (e.value.is_map() || e.value.is_null() || e.value.is_unknown()) {
        return "context values must be strings";
      } else {
        values.push_back(e.value.to_display_string());
      }
      into.context[e.key] = std::move(values);
    }
    return "";
  }

  std::string read_probe(const Value& item, const DenyProbe& defaults,
                         std::vector<DenyProbe>& into) {
    DenyProbe probe = defaults;
    if (item.is_string()) {
      probe.action = item.text();
    } else if (item.is_map()) {
      for (const Value::Entry& e : item.entries()) {
        if (e.key == "action") {
          if (!e.value.is_string()) return "action must be a string";
          probe.action = e.value.text();
        } else if (e.key == "resource") {
          if (!e.value.is_string() || e.value.text().empty())
            return "resource must be a resource ARN pattern";
          probe.resource = e.value.text();
        } else if (e.key == "context") {
          if (std::string error = read_context(e.value, probe); !error.empty()) return error;
        } else {
          return "unknown key \"" + e.key + "\" in a deny entry";
        }
      }
    } else {
      return "a deny entry is an action or a map with action, resource and context";
    }
    if (probe.action.find(':') == std::string::npos || probe.action.find('*') != std::string::npos)
      return "\"" + probe.action + "\" is not an action (service:Name, no wildcards)";
    return expand_facts(std::move(probe), into);
  }

  // Fills in the organization facts a resource names; without options (load time) only checks
  // that the names are known.
  std::string expand_facts(DenyProbe probe, std::vector<DenyProbe>& into) {
    const std::size_t open = probe.resource.find('{');
    if (open == std::string::npos) {
      into.push_back(std::move(probe));
      return "";
    }
    const std::size_t close = probe.resource.find('}', open);
    if (close == std::string::npos) return "unbalanced { in resource \"" + probe.resource + "\"";
    const std::string fact = probe.resource.substr(open + 1, close - open - 1);
    if (fact != kPrefixFact && fact != kProtectedRolesFact)
      return "resource may name {" + std::string(kPrefixFact) + "} or {" +
             std::string(kProtectedRolesFact) + "}, not {" + fact + "}";
    if (options_ == nullptr) {
      into.push_back(std::move(probe));
      return "";
    }
    std::vector<std::string> values;
    if (fact == kPrefixFact && !options_->organization.security_resource_prefix.empty())
      values.push_back(options_->organization.security_resource_prefix);
    if (fact == kProtectedRolesFact) values = options_->organization.protected_role_arns;
    if (values.empty()) {
      if (missing_fact_.empty()) missing_fact_ = fact;
      return "";
    }
    for (const std::string& value : values) {
      DenyProbe one = probe;
      one.resource.replace(open, close - open + 1, value);
      into.push_back(std::move(one));
    }
    return "";
  }

  const ScanOptions* options_;
  GuardrailSpec spec_;
  std::string missing_fact_;
};

}  // namespace

std::string guardrail_arguments(const Value& with) {
  SpecReader reader(nullptr);
  return reader.read(with);
}

ResolvedSpec resolve_guardrail(const Value& with, const ScanOptions* options) {
  SpecReader reader(options);
  ResolvedSpec out;
  if (!reader.read(with).empty()) return out;  // refused at load time; nothing to judge
  out.spec = std::move(reader.spec());
  out.missing_fact = reader.missing_fact();
  return out;
}

std::string account_fact(const ScanOptions* options, const std::string& fact) {
  if (options == nullptr) return "";
  const OrganizationFacts& o = options->organization;
  if (fact == "organization.identity_account") return o.identity_account;
  if (fact == "organization.log_archive_account") return o.log_archive_account;
  if (fact == "organization.management_account") return o.management_account;
  if (fact == "organization.security_account") return o.security_account;
  return "";
}

std::string describe_probe(const DenyProbe& probe) {
  std::string out = probe.action;
  if (probe.resource != "*") out += " on " + probe.resource;
  std::string context;
  for (const auto& [key, values] : probe.context) {
    if (!context.empty()) context += ", ";
    context += key + "=";
    for (std::size_t i = 0; i < values.size(); ++i) context += (i ? "|" : "") + values[i];
  }
  if (!context.empty()) out += " (" + context + ")";
  return out;
}

}  // namespace iacscan::detail::predicates
