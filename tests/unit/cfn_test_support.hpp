// Helpers for the CloudFormation evaluation tests: load a template from text (optionally with
// parameter values given) and reach a resource's evaluated properties.
#pragma once

#include <doctest/doctest.h>

#include <string>

#include "cloudformation/context.hpp"
#include "cloudformation/template_loader.hpp"
#include "test_support.hpp"

namespace iacscan::testing {

inline detail::LoadedFile load_template(const std::string& text,
                                        const detail::CloudFormationContext& context = {},
                                        const std::string& path = "t.yaml") {
  detail::SourceFile file;
  file.id = 7;
  file.path = path;
  file.content = text;
  detail::LoadedFile loaded = detail::load_cloudformation_file(file, context);
  INFO("template:\n" << text);
  REQUIRE(loaded.is_iac);
  return loaded;
}

// The template's resources without the parameter pseudo-resources (CloudFormation::Parameter,
// for rules that judge parameter declarations), which most tests are not about.
inline std::size_t resource_count(const detail::LoadedFile& loaded) {
  std::size_t n = 0;
  for (const detail::Resource& r : loaded.resources)
    n += r.native_type != "CloudFormation::Parameter";
  return n;
}

// A context with parameters given on the command line.
inline detail::CloudFormationContext given(
    std::initializer_list<std::pair<const char*, const char*>> values) {
  detail::CloudFormationContext context;
  for (const auto& [key, value] : values) {
    context.parameters[key] = detail::GivenParameter{value, "given on the command line", nullptr};
  }
  return context;
}

inline const detail::Resource* find_resource(const detail::LoadedFile& loaded,
                                             const std::string& address) {
  for (const detail::Resource& r : loaded.resources) {
    if (r.address == address) return &r;
  }
  return nullptr;
}

inline const detail::Resource& resource_of(const detail::LoadedFile& loaded,
                                           const std::string& address) {
  const detail::Resource* found = find_resource(loaded, address);
  INFO("resource " << address);
  REQUIRE(found != nullptr);
  return *found;
}

// The evaluated property `key` of resource `address`; fails the test when it is missing.
inline const detail::Value& property(const detail::LoadedFile& loaded, const std::string& address,
                                     const std::string& key) {
  const detail::Value* value = resource_of(loaded, address).attributes.find(key);
  INFO("property " << address << "." << key);
  REQUIRE(value != nullptr);
  return *value;
}

// Diagnostics as "line: message", for compact assertions.
inline std::vector<std::string> warnings_of(const detail::LoadedFile& loaded) {
  std::vector<std::string> out;
  for (const Diagnostic& d : loaded.diagnostics) {
    out.push_back(std::to_string(d.location.start_line) + ": " + d.message);
  }
  return out;
}

}  // namespace iacscan::testing
