// What a policy analysis (admin_access.hpp, public_principal.hpp, privilege_escalation.hpp)
// reports: one hit per statement that decides the answer, three-valued. A hit is True when
// the known parts of the policy decide it and Unknown when it hangs on an unknown value (a
// Terraform reference known only after apply); statements that decide nothing give no hit.
// So an answer is True as soon as one hit is, whatever else is unknown.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/truth.hpp"
#include "value/value.hpp"

namespace iacscan::detail::iam {

// Statement index of a hit that belongs to the policy as a whole (the document or its
// Statement element is unknown).
inline constexpr std::size_t kWholePolicy = static_cast<std::size_t>(-1);

struct AnalysisHit {
  std::size_t statement_index = kWholePolicy;
  Span span;          // the statement: where a finding points
  Span element_span;  // the element that decided it (the "*" action, the principal)
  std::string detail;
  Truth truth = Truth::true_;  // true_ or unknown, never false_
};

// True when a hit is, else Unknown when a hit is, else False.
inline Truth overall_truth(const std::vector<AnalysisHit>& hits) {
  Truth result = Truth::false_;
  for (const AnalysisHit& hit : hits) result = truth_or(result, hit.truth);
  return result;
}

}  // namespace iacscan::detail::iam
