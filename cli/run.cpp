// Command execution: options from the configuration and flags, a Scanner, then the command.
#include "run.hpp"

#include <iostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "iacscan/scanner.hpp"
#include "iacscan/version.hpp"
#include "scan_options.hpp"

namespace iacscan::cli {

int run(const RawArgs& args) {
  if (args.command == Command::version) {
    std::cout << "iacscan " << version() << "\n";
    return kExitClean;
  }
  if (args.command == Command::init) return run_init(args);
  auto options = scan_options_for(args);
  if (!options) {
    std::cerr << "iacscan: " << options.error().message << "\n";
    return kExitError;
  }
  auto scanner = Scanner::create(*options);
  if (!scanner) {
    std::cerr << "iacscan: " << scanner.error().message << "\n";
    return kExitError;
  }
  switch (args.command) {
    case Command::rules:
      return run_rules(*scanner);
    case Command::explain:
      return run_explain(*scanner, args);
    case Command::docs:
      return run_docs(*scanner, args);
    case Command::roadmap:
      return run_roadmap(*scanner, args);
    default:
      return run_scan(*scanner, *options, args);
  }
}

}  // namespace iacscan::cli
