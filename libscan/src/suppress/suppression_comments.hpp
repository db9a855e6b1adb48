// Suppressions written as comments in Terraform and CloudFormation YAML sources:
//   # iacscan:ignore s3-bucket-public-acl,s3-bucket-logging Website bucket, reviewed in SEC-12
//   # iacscan:ignore s3-bucket-public-acl:exp:2027-01-31 Until the CDN migration lands
//   # iacscan:ignore-file secret-in-template Test fixtures with fake keys
// and, as a migration aid, the comments other scanners honour:
//   # checkov:skip=CKV_AWS_20:The bucket is a public website     (also bridgecrew:skip=)
//   # tfsec:ignore:aws-s3-no-public-access-with-acl:exp:2027-01-31  (also trivy:ignore:)
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace iacscan::detail {

// Which findings a comment covers.
enum class CommentScope {
  line,      // a comment after code: findings on that line (or of the resource declared there)
  next,      // a comment on a line of its own: findings on the next line that holds code
  resource,  // checkov's comments: every finding of the resource whose block holds the comment
  file,      // iacscan:ignore-file: every finding in the file
};

struct CommentRule {
  std::string id;       // as written: an iacscan id, "*", or the other tool's id
  std::string expires;  // "YYYY-MM-DD" as written (validated later); empty: none
};

struct SuppressionComment {
  std::string tool;  // "iacscan", "checkov", "tfsec" (trivy:ignore counts as tfsec)
  std::vector<CommentRule> rules;
  std::string reason;
  CommentScope scope = CommentScope::line;
  std::uint32_t line = 0;          // where the comment is
  std::uint32_t start_column = 0;  // the marker ("iacscan:ignore"), 1-based bytes
  std::uint32_t end_column = 0;    // the end of the comment's text, inclusive
  std::uint32_t target_line = 0;   // line / next: the line whose findings it covers
};

// Every suppression comment in a file's text, in order. `yaml`: only `#` opens a comment, and
// only at the start of a line or after a blank (YAML's rule); otherwise `#`, `//` and `/*` do
// (HCL).
std::vector<SuppressionComment> find_suppression_comments(std::string_view text, bool yaml);

}  // namespace iacscan::detail
