// The IAM data as the generator reads it from the package, before it is laid out as a table.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "iam/access_level.hpp"

namespace iam_table_gen {

// Anything unexpected in the package: the build stops with the message.
struct GenerationError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct ConditionKey {
  std::string key;  // AWS's spelling; a template keeps its variable: "aws:RequestTag/${TagKey}"
  std::uint8_t type = 0;  // iacscan::detail::iam::encode_condition_key_type
};

struct ResourceType {
  std::string name;
  std::string arn;
  std::vector<std::string> condition_keys;
};

struct Action {
  std::string name;
  iacscan::detail::iam::AccessLevel level = iacscan::detail::iam::AccessLevel::write;
  std::vector<std::uint32_t> resources;        // resource type index << 1 | required
  std::set<std::string> condition_keys_lower;  // resolved to indexes once all keys are known
};

struct Service {
  std::string name;
  std::vector<Action> actions;
};

struct Model {
  std::string package;
  std::vector<Service> services;
  std::vector<ResourceType> resource_types;
  std::map<std::string, ConditionKey> condition_keys;  // by lowercase key
};

}  // namespace iam_table_gen
