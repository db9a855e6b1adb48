// Helpers for reading policy and kind files with yaml-cpp's node API: conversion of nodes to
// Values and errors that name the file and line.
#pragma once

#include <yaml-cpp/yaml.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "value/value.hpp"

namespace iacscan::detail {

// Thrown while reading one policy file; caught at the file boundary and turned into an Error.
struct PolicyFileError : std::runtime_error {
  PolicyFileError(const std::string& message, int at_line)
      : std::runtime_error(message), line(at_line) {}
  int line;  // 1-based; 0 when unknown
};

[[noreturn]] void fail_at(const YAML::Node& node, const std::string& message);

// Plain scalars resolve like YAML 1.2's core schema (true/false, numbers, null); quoted
// scalars stay strings.
Value node_to_value(const YAML::Node& node);

std::string required_string(const YAML::Node& map, const char* key);
std::string optional_string(const YAML::Node& map, const char* key);
std::vector<std::string> string_list(const YAML::Node& map, const char* key);

}  // namespace iacscan::detail
