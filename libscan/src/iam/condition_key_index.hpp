// Finds IAM condition keys case-insensitively, including the templated ones: a key AWS
// documents as "aws:RequestTag/${TagKey}" or "s3:ExistingObjectTag/<key>" is used as
// "aws:RequestTag/Env", each variable part standing for one or more characters.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "iam/action_table.hpp"

namespace iacscan::detail::iam {

class ConditionKeyIndex {
 public:
  explicit ConditionKeyIndex(const ActionTable& table);

  // The index of the table's key that `key` is or instantiates. A literal key wins over a
  // template; among templates, the first in key order.
  std::optional<std::uint32_t> find(std::string_view key) const;

 private:
  struct Template {
    std::uint32_t key = 0;
    // Lowercase literal parts; a variable part sits between each two.
    std::vector<std::string> parts;
    bool matches(std::string_view lower_key) const;
  };
  struct Bucket {
    std::string prefix;  // the lowercase service prefix before ':'; empty when it is variable
    std::vector<Template> templates;
  };
  const Bucket* bucket(std::string_view prefix) const;

  std::vector<std::string> lower_keys_;  // by index; sorted, as the table sorts them
  std::vector<Bucket> buckets_;          // sorted by prefix
};

}  // namespace iacscan::detail::iam
