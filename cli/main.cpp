// iacscan command-line entry point: parse flags, run, exit. Exceptions here are bugs.
#include <exception>
#include <iostream>

#include "exit_codes.hpp"
#include "flags.hpp"
#include "run.hpp"

int main(int argc, char** argv) {
  try {
    auto parsed = iacscan::cli::parse_args(argc, argv);
    if (!parsed.args) return parsed.exit_code;
    return iacscan::cli::run(*parsed.args);
  } catch (const std::exception& e) {
    std::cerr << "iacscan: internal error: " << e.what() << "\n";
    return iacscan::cli::kExitError;
  }
}
