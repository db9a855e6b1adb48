// Canonical kinds: data files (policies/kinds/*.yaml) that map CloudFormation and Terraform
// resource types onto one kind with one attribute vocabulary, so a rule is written once.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "graph/resource.hpp"

namespace iacscan::detail {

struct AttributeMapping {
  std::string name;                           // canonical attribute
  std::vector<std::string> path;              // native path
  std::map<std::string, std::string> values;  // native spelling → canonical spelling
  std::vector<AttributeMapping> each;         // non-empty: a list of maps built per element
};

// A split resource (aws_s3_bucket_acl) configures another one (aws_s3_bucket): it names its
// target in attribute `via`, by reference or by a literal equal to the target's `match`.
struct FoldSpec {
  std::string via;
  std::string match;
};

struct SourceMapping {
  std::string kind;
  std::string native_type;
  std::vector<AttributeMapping> attributes;
  std::unique_ptr<FoldSpec> fold;  // null for a primary resource type
};

class KindCatalog {
 public:
  // Parses one kind file. Throws PolicyFileError.
  void add_file(const std::string& text);

  const SourceMapping* find(const std::string& native_type) const;
  // The canonical attributes of a resource under its mapping.
  static Value project(const Value& native, const std::vector<AttributeMapping>& attributes);

 private:
  std::map<std::string, std::unique_ptr<SourceMapping>> by_type_;
};

}  // namespace iacscan::detail
