// Where SCP guardrails must hold and through which SCPs, read once from the whole graph:
//
// - Attachments declared (CloudFormation TargetIds, Terraform policy attachments): the targets
//   to judge are the leaves of the declared tree, the OUs and accounts nothing declared sits
//   below (the root itself when nothing is below it). Each is judged through its levels from
//   the root down; an OU or account whose declared chain stops short of the root is placed
//   below the scan's one root, since every OU and account is. The management account
//   (organization.management_account) is never judged: SCPs do not apply to it.
// - No attachment declared: the SCP documents of the scan (standalone files, policies declared
//   without targets) are taken as one set of alternatives, each document judged alone below
//   FullAWSAccess (a document with Allow statements is an allow list that replaces it); a
//   request is denied when one document denies it by itself (a library of SCPs is not one
//   attachment: two region restrictions with different lists do not add up to a guardrail).
//
// Attachments the scan cannot follow (a target or policy known only at deployment) are kept
// aside: a guardrail that fails only where such an attachment might add it is undecided.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "graph/resource_graph.hpp"
#include "iacscan/options.hpp"
#include "iam/scp_attachments.hpp"

namespace iacscan::detail::predicates {

// One place a guardrail must reach.
struct ScpSubject {
  std::string name;                     // a target's id or address; "the scanned SCPs"
  Span where;                           // its declaration or first attachment; may be invalid
  std::optional<std::size_t> resource;  // the resource declaring it, when there is one
  // The SCP paths that apply; a request is denied when some path denies it (one path for a
  // target; one per document for the scanned documents; none when no SCP applies at all).
  std::vector<std::vector<iam::ScpLevel>> paths;
};

struct TargetSelection {
  std::string ou_role;                       // only targets in OUs with this role; "" every one
  std::vector<std::string> exempt_accounts;  // account ids left out (besides the management one)
};

// An attachment whose target or policy the scan cannot know.
struct UnresolvedAttachment {
  std::size_t resource = 0;             // the attachment (or policy) resource
  const iam::Policy* policy = nullptr;  // null: the policy itself is unknown
  std::string target;                   // the target's id or address; "" when unknown
  bool full_aws_access = false;         // p-FullAWSAccess, to a target known only later
};

// The resource a value references (Terraform `aws_organizations_policy.x.id`, CloudFormation
// `!Ref X`): one of the same scope, else the only one of that address in the scan.
class ReferenceResolver {
 public:
  explicit ReferenceResolver(const ResourceGraph& graph);
  std::optional<std::size_t> referenced(const Value& value, const Resource& from) const;

 private:
  const ResourceGraph& graph_;
  std::multimap<std::string, std::size_t> by_address_;
};

// An AWS Organizations root, OU, account or the organization (which stands for its root).
bool is_organizations_node(std::string_view native_type);
bool is_organization(std::string_view native_type);

class ScpScope {
 public:
  ScpScope(const ResourceGraph& graph, const ScanOptions* options);
  ScpScope(const ScpScope&) = delete;
  ScpScope& operator=(const ScpScope&) = delete;

  // Whether the scan attaches some SCP to a root, OU or account.
  bool attachments_declared() const { return declared_; }
  // Whether the scan holds any SCP document at all.
  bool has_documents() const { return has_documents_; }

  // The subjects a guardrail must hold for. Empty with `why_none` set when the selection names
  // nothing the scan can judge (no OU has the role).
  std::vector<ScpSubject> subjects(const TargetSelection& selection, std::string& why_none) const;

  const std::vector<UnresolvedAttachment>& unresolved() const { return unresolved_; }
  // A subject made of one policy alone (below FullAWSAccess unless it allows something).
  ScpSubject alone(const iam::Policy& policy, std::string name) const;

  // Regions the SCPs name in aws:RequestedRegion conditions, as written (patterns included).
  const std::vector<std::string>& named_regions() const { return named_regions_; }

  // The resource that declares a policy met through levels or documents.
  std::optional<std::size_t> resource_of(const iam::Policy* policy) const;

  // Declared attachment targets (roots, OUs, accounts), in order of first declaration.
  std::vector<const iam::ScpTarget*> declared_targets() const;
  const iam::ScpAttachments& attachments() const { return attachments_; }
  // Where a target is declared (its resource's name) or first attached; may be invalid.
  Span where(const iam::ScpTarget& target) const;
  std::optional<std::size_t> declaring_resource(const iam::ScpTarget& target) const;
  // Whether the code manages FullAWSAccess itself (attaches p-FullAWSAccess somewhere): then a
  // target it attaches SCPs to without FullAWSAccess has had FullAWSAccess detached.
  bool manages_full_aws_access() const { return manages_full_access_; }
  static bool is_full_aws_access(const iam::AttachedScp& scp);

 private:
  void read_documents(const ResourceGraph& graph);
  void find_unresolved(const ResourceGraph& graph);
  void collect_regions();
  const iam::ScpTarget* unique_root() const;
  std::vector<iam::ScpLevel> alone_path(const iam::Policy& policy, std::string name) const;
  const iam::ScpTarget* parent_of(const iam::ScpTarget& target) const;
  std::vector<iam::ScpLevel> levels_from_root(const iam::ScpTarget& target) const;
  bool in_role(const iam::ScpTarget& leaf, const std::vector<std::string>& keys) const;
  std::string name_of(const iam::ScpTarget& target) const;

  const ResourceGraph& graph_;
  const ScanOptions* options_;
  iam::ScpAttachments attachments_;
  bool declared_ = false;
  bool has_documents_ = false;
  bool manages_full_access_ = false;
  // Policies read here (the scanned documents, unresolved attachments' policies) and
  // FullAWSAccess; a deque keeps their addresses stable.
  std::deque<iam::Policy> policies_;
  const iam::Policy* full_access_ = nullptr;
  std::vector<std::pair<const iam::Policy*, std::size_t>> documents_;  // policy, resource
  std::vector<UnresolvedAttachment> unresolved_;
  std::vector<std::string> named_regions_;
  std::map<const iam::Policy*, std::size_t> resource_of_;
  std::map<std::string, std::size_t> organizations_resource_;  // address -> first resource
};

}  // namespace iacscan::detail::predicates
