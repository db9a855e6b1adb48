// data "aws_iam_policy_document": the IAM policy the AWS provider renders from the block,
// kept as a positioned Value tree so rules can judge each statement and point at the HCL
// that wrote it, plus the JSON text of its `json` / `minified_json` attributes.
#pragma once

#include "value/value.hpp"

namespace iacscan::detail::tf {

// The document data.aws_iam_policy_document.<name>.json holds, as a Value map in the
// provider's key order: Version, Id, Statement; each statement Sid, Effect, Action,
// NotAction, Resource, NotResource, Principal, NotPrincipal, Condition. Keys the provider
// leaves out (an empty Sid, no actions, no statements at all) are left out here too.
//
// `body` is the evaluated block: attributes by name (version, policy_id,
// source_policy_documents, override_policy_documents, and the deprecated source_json /
// override_json), nested blocks as lists of maps ("statement", and inside it "principals",
// "not_principals", "condition").
//
// Unknown parts stay unknown where they are, so the known rest can still be judged. Only an
// unknown source or override document makes the whole result unknown, since it may replace
// any statement. What the provider refuses (a source document that is not a policy,
// duplicate Sids, "&{" in a 2008-10-17 document) gives an error value (value_ops.hpp), in
// place of the part it concerns or of the whole document.
Value render_policy_document(const Value& body, const Span& block_span);

enum class PolicyJsonLayout {
  minified,  // the provider's `minified_json`
  indented,  // the provider's `json`: two-space indent
};

// `document` (from render_policy_document) as JSON text, written byte for byte as the
// provider writes it (Go's encoding/json: map order kept, <, > and & escaped). The string
// carries the refs of every part. Unknown, with those refs, when any part is unknown; the
// error itself when any part is an error.
Value policy_document_json(const Value& document, const Span& span,
                           PolicyJsonLayout layout = PolicyJsonLayout::minified);

}  // namespace iacscan::detail::tf
