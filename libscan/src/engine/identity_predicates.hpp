// Predicates about identities: who may assume a role, and whose mailbox an account's root
// user belongs to.
#pragma once

#include <string>
#include <string_view>

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// A role trust policy with an Allow statement that lets an AWS service principal
// ({"Service": "lambda.amazonaws.com"}) call sts:AssumeRole: the role is a service role. Points
// at the service principal.
Outcome iam_trust_allows_service(const PredicateInput& input);

// The canonical attribute `attribute` (an ARN or a list of ARNs) names one of the AWS managed
// policies that make their holder an administrator or close to it: AdministratorAccess,
// PowerUserAccess, IAMFullAccess, in any partition. Points at the ARN. An ARN built around an
// unknown partition ("arn:${data.aws_partition.current.partition}:iam::aws:policy/...") is
// still judged.
Outcome iam_admin_managed_policy(const PredicateInput& input);

// The canonical attribute `attribute` is an address on a personal mail
// domain (gmail.com, outlook.com, yahoo.*, ...) rather than one the company controls. The
// finding points at the address. An address whose domain is known while its local part is not
// ("${var.env}-aws@gmail.com") is still judged.
Outcome email_personal_domain(const PredicateInput& input);

// Whether an ARN names AdministratorAccess, PowerUserAccess or IAMFullAccess. `arn` may hold
// kUnknownMarker where an unknown part (the partition) was.
bool is_admin_managed_policy_arn(std::string_view arn);

// Whether a mail domain (lowercase, no '@') is a personal mail provider's.
bool is_personal_mail_domain(std::string_view domain);

}  // namespace iacscan::detail::predicates
