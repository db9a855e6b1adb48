// `iacscan init [DIR]`: writes the starter configuration, never over an existing one unless
// --force (a configuration holds hand-written facts that must not be lost to a typo).
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "iacscan/config.hpp"
#include "output.hpp"

namespace iacscan::cli {

int run_init(const RawArgs& args) {
  namespace fs = std::filesystem;
  const fs::path dir(args.init_dir);
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    std::cerr << "iacscan: " << dir.string() << " is not a directory\n";
    return kExitError;
  }
  const fs::path file = dir / kConfigFileName;
  if (fs::exists(fs::symlink_status(file, ec)) && !args.force) {
    std::cerr << "iacscan: " << file.string()
              << " already exists; use --force to overwrite it with the starter configuration\n";
    return kExitError;
  }
  if (!write_file(file, starter_config())) return kExitError;
  std::cerr << "iacscan: wrote " << file.string()
            << "; set the organization facts it lists to enable the rules that need them\n";
  return kExitClean;
}

}  // namespace iacscan::cli
