#include "output.hpp"

#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <iostream>

namespace iacscan::cli {

bool use_color(const RawArgs& args) {
  if (args.no_color || !args.output.empty() || args.format != "text") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color && *no_color) return false;
  return isatty(STDOUT_FILENO) != 0;
}

bool write_report(const RawArgs& args, const std::string& report) {
  if (args.output.empty()) {
    std::cout << report << std::flush;
    return static_cast<bool>(std::cout);
  }
  return write_file(args.output, report);
}

bool write_file(const std::filesystem::path& path, const std::string& text) {
  std::error_code ignored;  // a failure to create shows as the failure to write below
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ignored);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) std::cerr << "iacscan: cannot write " << path.string() << "\n";
  return static_cast<bool>(out);
}

}  // namespace iacscan::cli
