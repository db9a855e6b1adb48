// Tags as resources write them: CloudFormation's Tags list of {Key, Value} (a map for SAM and a
// few other types), Terraform's tags map; and which resource types take tags at all.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "graph/resource.hpp"

namespace iacscan::detail {

// Whether resources of this native type accept tags where tag rules read them (Tags / tags).
// Limited to the types of the canonical kinds; split resources and pure settings do not.
bool is_taggable_type(std::string_view native_type);

struct TagSet {
  const Value* written = nullptr;  // the Tags / tags value; null when absent
  std::vector<std::string> keys;   // the keys known
  bool unknown = false;            // the value, or a key, is known only at deployment
  const Value* unknown_part = nullptr;
};

// The tags a resource writes itself (native attributes).
TagSet resource_tags(const Resource& resource);

// The value of the tag `key`, when the resource writes it as a plain string.
const Value* tag_value(const Resource& resource, std::string_view key);

}  // namespace iacscan::detail
