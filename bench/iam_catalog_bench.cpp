// iacscan-iam-catalog-bench: how long the IAM action catalog takes to build at first use, and
// how fast it expands action patterns, finds actions and checks condition keys.
// Usage: iacscan-iam-catalog-bench [--repeat R] [--patterns N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_timing.hpp"
#include "iam/action_catalog.hpp"

using namespace iacscan::detail::iam;

namespace {

// A deterministic mix of what policies write: exact actions in any case, whole services,
// name prefixes, suffixes and infixes, `?`, wildcard services, and now and then "*".
std::vector<std::string> mixed_patterns(const ActionCatalog& catalog, std::size_t count) {
  std::vector<std::string> patterns;
  patterns.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const auto id = static_cast<ActionId>((i * 7919) % catalog.size());
    const std::string service(catalog.service(id));
    const std::string name(catalog.name(id));
    const std::string head = name.substr(0, std::min<std::size_t>(name.size(), 3 + i % 4));
    const std::string tail = name.substr(name.size() - std::min<std::size_t>(name.size(), 5));
    std::string pattern;
    switch (i % 10) {
      case 0:
        pattern = service + ":" + name;
        break;
      case 1:
        pattern = service + ":" + head + "*";
        break;
      case 2:
        pattern = service + ":*";
        break;
      case 3:
        pattern = service + ":*" + tail;
        break;
      case 4:
        pattern = service + ":*" + head.substr(1) + "*";
        break;
      case 5:
        pattern = service + ":" + head + "?" + name.substr(std::min(name.size(), head.size() + 1));
        break;
      case 6:
        pattern = "*:" + name;
        break;
      case 7:
        pattern = service.substr(0, 1) + "*:" + head + "*";
        break;
      case 8:
        pattern = i % 1000 == 8 ? "*" : service + ":" + name + "X";
        break;
      default: {
        pattern = service + ":" + name;
        std::transform(pattern.begin(), pattern.end(), pattern.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
      }
    }
    patterns.push_back(std::move(pattern));
  }
  return patterns;
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 5;
  std::size_t pattern_count = 10000;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--patterns" && i + 1 < argc) {
      pattern_count = static_cast<std::size_t>(std::max(1, std::atoi(argv[++i])));
    } else {
      std::fprintf(stderr, "usage: iacscan-iam-catalog-bench [--repeat R] [--patterns N]\n");
      return 2;
    }
  }

  const auto first_start = std::chrono::steady_clock::now();
  const ActionCatalog& catalog = ActionCatalog::builtin();
  const double first_use =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - first_start).count();
  std::printf("%s: %zu actions in %zu services\n", std::string(catalog.data_source()).c_str(),
              catalog.size(), catalog.service_count());
  std::printf("%-34s %9.3f ms\n", "first use (builtin)", first_use * 1e3);
  const double build = best_seconds(repeat, [] { ActionCatalog fresh(generated_action_table()); });
  std::printf("%-34s %9.3f ms\n", "build a catalog (best)", build * 1e3);

  const std::vector<std::string> patterns = mixed_patterns(catalog, pattern_count);
  std::size_t matched = 0;
  const double expand = best_seconds(repeat, [&] {
    matched = 0;
    for (const auto& pattern : patterns) matched += catalog.expand(pattern).count();
  });
  std::printf("%-34s %9.3f ms  %7.2f us/pattern  (%zu actions matched)\n", "expand mixed patterns",
              expand * 1e3, expand * 1e6 / static_cast<double>(patterns.size()), matched);

  std::vector<std::string> names;
  for (std::size_t i = 0; i < pattern_count; ++i) {
    names.push_back(catalog.qualified_name(static_cast<ActionId>((i * 7919) % catalog.size())));
  }
  std::size_t found = 0;
  const double find = best_seconds(repeat, [&] {
    found = 0;
    for (const auto& name : names) found += catalog.find(name).has_value() ? 1 : 0;
  });
  std::printf("%-34s %9.3f ms  %7.2f us/action  (%zu found)\n", "find exact actions", find * 1e3,
              find * 1e6 / static_cast<double>(names.size()), found);

  const std::vector<std::string> keys = {"aws:PrincipalArn",          "aws:RequestTag/Env",
                                         "s3:ExistingObjectTag/team", "s3:x-amz-acl",
                                         "iam:ResourceTag/Owner",     "ec2:MadeUpKey"};
  std::size_t known = 0;
  const double conditions = best_seconds(repeat, [&] {
    known = 0;
    for (std::size_t i = 0; i < pattern_count; ++i) {
      known += catalog.is_known_condition_key(keys[i % keys.size()]) ? 1 : 0;
    }
  });
  std::printf("%-34s %9.3f ms  %7.2f us/key  (%zu known)\n", "condition key checks",
              conditions * 1e3, conditions * 1e6 / static_cast<double>(pattern_count), known);
  return 0;
}
