// Policy variables in Resource elements and condition values: ${aws:username},
// ${aws:PrincipalTag/team, 'default'}, and the escapes ${*}, ${?}, ${$} for a literal `*`, `?`
// and `$`. A substituted value is literal text: its `*` and `?` are not wildcards.
#pragma once

#include <cstdint>
#include <string_view>

#include "iam/iam_pattern.hpp"
#include "iam/request_context.hpp"

namespace iacscan::detail::iam {

enum class Resolution : std::uint8_t {
  resolved,
  // A variable names a key the request does not have (or a set-valued key) and there is no
  // default: IAM leaves the value unresolved, and it matches nothing, not even under a negated
  // operator (the same rule as @cloud-copilot/iam-simulate's). The pattern holds a wildcard `*`
  // in the variable's place, for callers that ask whether any value could have matched.
  no_value,
  unknown,  // a variable's key is unknown; trace.unknown_keys names it
};

struct ResolvedPattern {
  Resolution status = Resolution::resolved;
  Pattern pattern;
};

ResolvedPattern resolve_policy_variables(std::string_view text, const ContextLookup& context,
                                         const EvalOptions& options, EvalTrace& trace);

}  // namespace iacscan::detail::iam
