// Resource: one node of the resource graph, as a loader declares it. Loaders fill the native
// side (type, address, attributes); the graph builder adds the canonical kind and attributes.
#pragma once

#include <string>
#include <vector>

#include "value/value.hpp"

namespace iacscan::detail {

enum class SourceFormat { cloudformation, terraform, policy_file };

// A rule the source asks not to apply to one resource (CloudFormation
// Metadata.iacscan.skip), or another scanner's equivalent kept with that scanner's own rule id
// (Metadata.checkov.skip, Metadata.cfn_nag.rules_to_suppress). Loaders only record these; the
// engine and reports decide what they do.
struct Skip {
  std::string tool;    // "iacscan", "checkov", "cfn_nag"
  std::string id;      // the rule id as written: "s3-bucket-public-acl", "CKV_AWS_20", "W35"
  std::string reason;  // empty when none was given
  Span span;           // the skip entry
};

struct Resource {
  SourceFormat format = SourceFormat::terraform;
  // Resources reference each other only inside one scope: a CloudFormation template, or a
  // Terraform module directory.
  std::string scope;
  std::string native_type;            // "aws_s3_bucket", "AWS::S3::Bucket"
  std::string address;                // "aws_s3_bucket.logs", "LogsBucket"
  Span span;                          // the whole declaration
  Span name_span;                     // the logical id / block labels, where a finding about the
                                      // resource as a whole points
  Value attributes = Value::map({});  // native attributes (CFN Properties, TF block body)
  std::vector<Skip> skips;            // in source order
  // Where the resource was instantiated from, when that is not its own file: the calling
  // module blocks of a Terraform module instance, innermost first. Reports show them as
  // related locations.
  std::vector<Provenance> related;
  std::string provider;  // Terraform: the provider configuration ("aws.west"); empty: default

  // Filled by the graph builder.
  std::string kind;                  // canonical kind, e.g. "aws.s3.bucket"; empty if unmapped
  Value canonical = Value::map({});  // attributes in the kind's vocabulary
  bool folded = false;               // configuration folded onto another resource
};

}  // namespace iacscan::detail
