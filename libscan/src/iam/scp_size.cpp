#include "iam/scp_size.hpp"

#include <string>

#include "iam/document_size.hpp"

namespace iacscan::detail::iam {
namespace {

std::size_t count_markers(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t at = text.find(kUnknownMarker); at != std::string_view::npos;
       at = text.find(kUnknownMarker, at + kUnknownMarker.size()))
    ++n;
  return n;
}

// True above the limit, False within it; Unknown when only a lower bound is known and it is
// within.
Truth over(std::optional<std::size_t> size, std::size_t at_least, std::size_t limit) {
  if (at_least > limit) return Truth::true_;
  return size ? Truth::false_ : Truth::unknown;
}

}  // namespace

ScpSize measure_scp_size(const Policy& policy, const Value& document,
                         const ScpSizeOptions& options) {
  ScpSize size;
  size.limit = options.limit;
  if (!policy.source_text.empty()) {
    const std::string& text = policy.source_text;
    size.from_text = true;
    const std::size_t unknown_bytes = count_markers(text) * kUnknownMarker.size();
    size.raw_at_least = text.size() - unknown_bytes;
    size.minified_at_least = minified_size(text) - unknown_bytes;
    if (unknown_bytes == 0) {
      size.raw = size.raw_at_least;
      size.minified = size.minified_at_least;
    }
  } else if (!policy.unknown) {
    const DecodedDocument decoded = decode_document(document);
    if (const Value* structure = decoded.get()) {
      // What the deployment sends is the compact serialisation: raw and minified are one.
      const StructureSize compact = structure_size(*structure);
      size.raw_at_least = size.minified_at_least = compact.at_least;
      if (compact.known) size.raw = size.minified = compact.at_least;
    }
  }
  size.exceeds = over(size.raw, size.raw_at_least, options.limit);
  size.exceeds_minified = over(size.minified, size.minified_at_least, options.limit);
  const std::size_t near_from = options.limit * options.near_percent / 100;
  if (size.exceeds == Truth::false_)
    size.near_limit = truth_of(*size.raw >= near_from);
  else if (size.exceeds == Truth::unknown)
    size.near_limit = Truth::unknown;
  return size;
}

PolicyIssues scp_size_issues(const ScpSize& size, Span span) {
  PolicyIssues issues;
  const std::string limit = std::to_string(size.limit);
  if (size.exceeds_minified == Truth::true_) {
    issues.push_back({"scp-too-large",
                      "the SCP takes " + std::to_string(size.minified_at_least) +
                          (size.minified ? "" : " or more") +
                          " characters even without white space; the limit is " + limit,
                      span, IssueLevel::error});
  } else if (size.exceeds == Truth::true_) {
    std::string message = "the SCP takes " + std::to_string(size.raw_at_least) +
                          (size.raw ? "" : " or more") + " characters as written; the limit is " +
                          limit +
                          ", and AWS counts a policy deployed through its API (CloudFormation, "
                          "Terraform, the CLI) as written";
    if (size.minified)
      message += ": without white space it takes " + std::to_string(*size.minified);
    issues.push_back({"scp-too-large-as-written", std::move(message), span, IssueLevel::error});
  } else if (size.near_limit == Truth::true_) {
    issues.push_back(
        {"scp-near-size-limit",
         "the SCP takes " + std::to_string(*size.raw) + " of its " + limit + " characters", span,
         IssueLevel::warning});
  }
  return issues;
}

}  // namespace iacscan::detail::iam
