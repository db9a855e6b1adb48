// Predicates of the database and search rules (rds-publicly-accessible, opensearch-domain-public):
// a default that depends on where CloudFormation puts a DB instance, and a search domain's
// access policy read by the IAM engine. Both read the canonical attributes of their kind
// (aws.rds.db_instance, aws.opensearch.domain), so folded split resources count.
#pragma once

#include "engine/builtin_predicates.hpp"

namespace iacscan::detail::predicates {

// A CloudFormation DB instance that RDS makes public without being asked: PubliclyAccessible
// and DBSubnetGroupName both unset puts the instance in the region's default VPC, and the
// CreateDBInstance default for a default VPC with an internet gateway (every default VPC has
// one unless someone removed it) is public. Cluster members (the cluster's subnet group
// applies) and read replicas (placed after their source) are left out. Terraform sends
// publicly_accessible = false when it is unset, so Terraform instances never match. Unknown
// when one of those properties is unknown (it may turn out unset through AWS::NoValue).
// Points at the instance's logical id.
Outcome rds_public_by_default(const PredicateInput& input);

// An OpenSearch / Elasticsearch domain reachable from the internet whose access policy lets
// anyone in: no vpc_options (a domain in a VPC has no public endpoint, and "*" with security
// groups and fine-grained access control is the usual pattern there), and an Allow to a public
// principal without a condition that limits callers (aws:SourceIp, aws:PrincipalOrgID, ...: see
// iam/caller_restriction.hpp). Points at the statement. The policy is judged first, so an
// unknown placement matters only for a policy that lets anyone in; a standalone domain policy
// (aws_opensearch_domain_policy) whose domain is not in the scan is then Unknown: its domain
// may well sit in a VPC.
Outcome opensearch_domain_public(const PredicateInput& input);

}  // namespace iacscan::detail::predicates
