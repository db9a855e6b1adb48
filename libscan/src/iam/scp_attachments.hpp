// Which SCPs apply where: the attachment targets a scan declares, and for each target the
// levels root -> OUs -> target that evaluate_scps and is_denied_except take.
//
// Sources of attachments:
//  - CloudFormation: AWS::Organizations::Policy `TargetIds` (root, OU and account ids, or
//    Refs / GetAtts of AWS::Organizations::OrganizationalUnit and Account resources); OU
//    `ParentId` and account `ParentIds` give the tree.
//  - Terraform: aws_organizations_policy_attachment (`policy_id` referencing an
//    aws_organizations_policy or naming "p-FullAWSAccess", `target_id` a literal id or a
//    reference to an OU, account or the organization's root); OU and account `parent_id`.
//  - Standalone SCP files with no declared attachment: each directory of them is taken as one
//    target whose single level holds every SCP file in it.
//
// FullAWSAccess: AWS attaches it to every root, OU and account when SCPs are enabled, and a
// scan cannot see a detachment made outside the code. A level whose declared SCPs have no
// Allow statement is therefore given FullAWSAccess; a level that declares an Allow (an allow
// list) is taken to have replaced it, since an allow list only works once FullAWSAccess is
// detached.
#pragma once

#include <cstddef>
#include <deque>
#include <string>
#include <vector>

#include "graph/resource.hpp"
#include "iam/policy.hpp"
#include "iam/request_evaluator.hpp"

namespace iacscan::detail::iam {

enum class ScpTargetKind : std::uint8_t { root, organizational_unit, account, directory, unknown };
std::string_view scp_target_kind_name(ScpTargetKind kind);  // "root", "ou", "account", ...

// One SCP as attached: the resource declaring it and its read policy.
struct AttachedScp {
  std::size_t resource = 0;  // index into the resources given to collect_scp_attachments
  const Policy* policy = nullptr;
  std::string name;  // the policy's name, or its address
  Span attachment;   // where the attachment is written (TargetIds entry, attachment resource)
};

struct ScpTarget {
  // A literal id ("r-ab12", "ou-ab12-cdef3456", "123456789012"), the address of the resource
  // that stands for it ("aws_organizations_organizational_unit.workloads", "WorkloadsOu"), or
  // a directory of SCP files.
  std::string id;
  ScpTargetKind kind = ScpTargetKind::unknown;
  std::string parent;  // the parent target's id, empty when not declared
  std::vector<AttachedScp> policies;
};

class ScpAttachments {
 public:
  const std::vector<ScpTarget>& targets() const { return targets_; }
  const ScpTarget* find(std::string_view id) const;

  // The levels from the highest known ancestor (the root when the tree is declared) down to
  // `target`, each with its SCPs (and FullAWSAccess where it applies, see above). Pointers
  // into this object: it must outlive the levels.
  std::vector<ScpLevel> levels_for(const ScpTarget& target) const;

 private:
  friend ScpAttachments collect_scp_attachments(const std::vector<Resource>& resources);
  ScpTarget& target(const std::string& id, ScpTargetKind kind);
  std::vector<ScpTarget> targets_;
  // Every policy read, FullAWSAccess first; a deque keeps their addresses stable when the
  // object moves.
  std::deque<Policy> policies_;
  const Policy* full_aws_access_ = nullptr;
};

// Every attachment target the resources declare, in order of first declaration.
ScpAttachments collect_scp_attachments(const std::vector<Resource>& resources);

}  // namespace iacscan::detail::iam
