// An SCP's size against the AWS Organizations quota "Maximum size of a policy document"
// (service control policies: 5,120 characters; AWS Organizations User Guide, "Quotas and
// service limits for AWS Organizations",
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html).
// That page notes that the console removes the white space outside quotation marks before
// saving, while a policy saved through the API, the CLI or an SDK is saved and counted
// exactly as provided; the SCP syntax page adds that all characters count. CloudFormation
// and Terraform deploy through the API, so the size as written is what an IaC policy is held
// to, and the minified size is what it could shrink to. Sizes are bytes (document_size.hpp
// explains why bytes rather than characters).
//
//  - A policy read from text (a standalone file's text, a Terraform heredoc, file() or
//    jsonencode string; Policy::source_text) is counted on that text.
//  - A policy that came as a structure (a CloudFormation object, a Terraform jsonencode whose
//    string is unknown) is counted on its compact re-serialisation, which is what the
//    deployment sends: raw and minified are equal.
//  - A document with unknown parts has an unknown size, but a lower bound: in text (with
//    kUnknownMarker where a part known only after apply goes) each unknown part may be empty,
//    so the known text is the bound; in a structure every unknown value counts at its smallest
//    size (document_size.hpp: its smallest candidate, or nothing, entry and separator
//    included, when it could be AWS::NoValue). A lower bound over the limit is still a
//    definite finding (scp-too-large, scp-too-large-as-written); one within it leaves the
//    size unknown, without a near-limit warning, since only the unknown parts could cross.
// Issue codes: scp-too-large (error: over the limit even minified), scp-too-large-as-written
// (error: over as written, within once minified), scp-near-size-limit (warning: within, but
// at 90% of the limit or more).
#pragma once

#include <cstddef>
#include <optional>

#include "engine/truth.hpp"
#include "iam/policy.hpp"
#include "iam/policy_issue.hpp"

namespace iacscan::detail::iam {

inline constexpr std::size_t kScpSizeLimit = 5120;

struct ScpSizeOptions {
  std::size_t limit = kScpSizeLimit;
  unsigned near_percent = 90;  // "near the limit" from this share of it
};

struct ScpSize {
  std::optional<std::size_t> raw;       // as written; nullopt when unknown
  std::optional<std::size_t> minified;  // whitespace outside strings removed
  std::size_t raw_at_least = 0;         // lower bounds, equal to the sizes when known
  std::size_t minified_at_least = 0;
  bool from_text = false;  // counted on source text rather than a re-serialised structure
  std::size_t limit = kScpSizeLimit;
  Truth exceeds = Truth::false_;           // raw > limit
  Truth exceeds_minified = Truth::false_;  // minified > limit
  Truth near_limit = Truth::false_;        // within the limit and at near_percent or more
};

// `document` is the value the policy was read from (read_policy's argument): its structure
// is re-serialised when the policy has no source text.
ScpSize measure_scp_size(const Policy& policy, const Value& document,
                         const ScpSizeOptions& options = {});

// The definite issues of a measurement, at `span` (the document).
PolicyIssues scp_size_issues(const ScpSize& size, Span span);

}  // namespace iacscan::detail::iam
