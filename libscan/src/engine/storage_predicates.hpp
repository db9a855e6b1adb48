// Predicates for storage rules (S3, DynamoDB, KMS): conditions that decide whether a rule applies
// at all and must not move the finding. A declarative test on a present value becomes the
// finding's location; these point nowhere, so the finding stays on the value that decided it
// or, when that is absent, on the resource.
//
// A provider-v4 split resource whose bucket is not in the scan is judged as a bucket on its own;
// rules about a setting the bucket lacks ("no versioning", "no access logging") must not blame
// such a resource for what only the bucket could say, so they ask whether the judged resource
// is the bucket itself.
#pragma once

#include <string>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// True when the judged resource's native type is one of `with: {in: [...]}`. Never unknown;
// it points nowhere, so the finding points where the rule's other conditions say.
Outcome native_type_in(const PredicateInput& input);
std::string native_type_in_arguments(const Value& arguments);

// True when a KMS key (canonical aws.kms.key attributes) can rotate automatically: a symmetric
// encryption key (key_spec absent or SYMMETRIC_DEFAULT) whose material KMS generates (origin
// absent or AWS_KMS) outside a custom key store. Unknown when one of these is unknown. Like
// native-type-in it points nowhere: the rule's rotation setting (or the key) is the finding.
Outcome kms_key_rotatable(const PredicateInput& input);

}  // namespace iacscan::detail::predicates
