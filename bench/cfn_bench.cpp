// iacscan-cfn-bench: loads every CloudFormation candidate under a directory twice — reading
// YAML/JSON alone, then the full load (template detection and evaluation) — and prints
// files/s and MB/s for both, plus what was found: templates, resources, and each file that
// did not parse with the reason.
// Usage: iacscan-cfn-bench [--repeat R] [--list] DIR
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_timing.hpp"
#include "cloudformation/template_loader.hpp"
#include "scan/file_reader.hpp"
#include "source/discovery.hpp"

using namespace iacscan::detail;

namespace {

void print_rate(const char* what, double seconds, std::size_t files, std::size_t bytes) {
  std::printf("%-22s %8.3f s  %8.0f files/s  %7.2f MB/s\n", what, seconds,
              static_cast<double>(files) / seconds, static_cast<double>(bytes) / 1e6 / seconds);
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 3;
  bool list = false;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--list") {
      list = true;
    } else {
      dir = arg;
    }
  }
  if (dir.empty()) {
    std::fprintf(stderr, "usage: iacscan-cfn-bench [--repeat R] [--list] DIR\n");
    return 2;
  }
  auto discovery = discover({dir});
  if (!discovery) {
    std::fprintf(stderr, "%s\n", discovery.error().message.c_str());
    return 2;
  }
  SourceSet sources;
  std::size_t bytes = 0;
  for (const DiscoveredFile& f : discovery->files) {
    if (f.kind != SourceKind::cloudformation_candidate) continue;
    SourceFile& file = sources.at(sources.add(f.display_path, f.fs_path, f.kind));
    if (auto problem = read_source(file, 64u << 20))
      std::printf("unreadable: %s\n", file.path.c_str());
    bytes += file.content.size();
  }
  const std::size_t files = sources.size();

  const double read_only = best_seconds(repeat, [&] {
    for (FileId id = 0; id < files; ++id) {
      const ReadResult r = read_template(sources.at(id));
      if (!r.ok() && r.error->message.empty()) std::abort();  // keeps the work observable
    }
  });
  std::vector<LoadedFile> loaded(files);
  const double full = best_seconds(repeat, [&] {
    for (FileId id = 0; id < files; ++id) loaded[id] = load_cloudformation_file(sources.at(id));
  });

  std::size_t templates = 0, resources = 0, failed = 0;
  for (FileId id = 0; id < files; ++id) {
    templates += loaded[id].is_iac;
    resources += loaded[id].resources.size();
    for (const auto& d : loaded[id].diagnostics) {
      failed += d.level == iacscan::DiagnosticLevel::error;
      std::printf("%s: %s:%u: %s\n", std::string(iacscan::to_string(d.code)).c_str(),
                  sources.at(id).path.c_str(), d.location.start_line, d.message.c_str());
    }
    if (list && !loaded[id].is_iac)
      std::printf("not a template: %s\n", sources.at(id).path.c_str());
  }
  std::printf("files seen %zu (%.2f MB), templates %zu, resources %zu, failed to parse %zu\n",
              files, static_cast<double>(bytes) / 1e6, templates, resources, failed);
  print_rate("YAML/JSON reading only", read_only, files, bytes);
  print_rate("full load", full, files, bytes);
  return 0;
}
