// iacscan-tf-bench: loads every Terraform file under a directory and times the stages apart —
// tree-sitter parsing alone (the floor), parsing into the AST, then evaluation of every
// configuration (modules, variables, expressions) — on one thread and on N, and prints a
// corpus report: resources, unknown values per 1,000 attributes, diagnostics by kind, and the
// functions the corpus calls that the evaluator does not know.
// Usage: iacscan-tf-bench [--repeat R] [--jobs N] DIR
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "core/thread_pool.hpp"
#include "scan/file_reader.hpp"
#include "source/discovery.hpp"
#include "terraform/configuration.hpp"
#include "terraform/functions.hpp"
#include "terraform/ts_parser.hpp"

using namespace iacscan::detail;

namespace {

template <typename F>
double best_seconds(int repeat, F&& work) {
  double best = 1e300;
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    work();
    const auto stop = std::chrono::steady_clock::now();
    best = std::min(best, std::chrono::duration<double>(stop - start).count());
  }
  return best;
}

void print_rate(const char* what, double seconds, std::size_t files) {
  std::printf("%-40s %8.3f s  %8.0f files/s\n", what, seconds,
              static_cast<double>(files) / seconds);
}

struct Census {
  std::size_t attributes = 0;
  std::size_t unknown = 0;
};

void count_values(const Value& v, Census& c) {
  ++c.attributes;
  if (v.is_unknown()) {
    ++c.unknown;
    return;
  }
  for (const Value& item : v.items()) count_values(item, c);
  for (const Value::Entry& e : v.entries()) count_values(e.value, c);
}

void collect_calls(const tf::Expr& e, std::set<std::string>& out) {
  if (e.kind == tf::Expr::Kind::call) out.insert(e.name);
  for (const tf::Expr& child : e.children) collect_calls(child, out);
}

void collect_calls(const tf::Body& body, std::set<std::string>& out) {
  for (const tf::Attribute& a : body.attributes) collect_calls(a.expr, out);
  for (const tf::Block& b : body.blocks) collect_calls(b.body, out);
}

const char* code_name(iacscan::DiagnosticCode code) {
  switch (code) {
    case iacscan::DiagnosticCode::parse_error:
      return "parse_error";
    case iacscan::DiagnosticCode::read_error:
      return "read_error";
    case iacscan::DiagnosticCode::limit_exceeded:
      return "limit_exceeded";
    case iacscan::DiagnosticCode::duplicate_key:
      return "duplicate_key";
    case iacscan::DiagnosticCode::not_loaded:
      return "not_loaded";
    case iacscan::DiagnosticCode::invalid_template:
      return "invalid_template";
  }
  return "?";
}

}  // namespace

int main(int argc, char** argv) {
  int repeat = 3;
  unsigned jobs = 2;
  std::string dir;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--repeat" && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (arg == "--jobs" && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else {
      dir = arg;
    }
  }
  if (dir.empty()) {
    std::fprintf(stderr, "usage: iacscan-tf-bench [--repeat R] [--jobs N] DIR\n");
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
    if (!is_terraform(f.kind)) continue;
    const FileId id = sources.add(f.display_path, f.fs_path, f.kind);
    if (read_source(sources.at(id), std::size_t{64} << 20)) continue;
    bytes += sources.at(id).content.size();
  }
  const std::size_t files = sources.size();
  std::printf("%zu Terraform files, %.2f MB, under %s\n\n", files, static_cast<double>(bytes) / 1e6,
              dir.c_str());

  const double ts_only = best_seconds(repeat, [&] {
    for (FileId id = 0; id < files; ++id) {
      const SourceFile& f = sources.at(id);
      if (f.kind == SourceKind::terraform_hcl || f.kind == SourceKind::terraform_variables) {
        ts::thread_parser().parse(f.content);
      }
    }
  });
  std::vector<std::shared_ptr<const tf::File>> parsed(files);
  const double ast_one = best_seconds(repeat, [&] {
    for (FileId id = 0; id < files; ++id) parsed[id] = parse_terraform_source(sources.at(id));
  });
  TerraformSettings settings;
  settings.read_from_disk = true;
  settings.scan_roots = scan_roots({dir});
  // Evaluation may add module files read from disk to the SourceSet; measure it on copies.
  LoadedFile loaded;
  const double evaluate = best_seconds(repeat, [&] {
    SourceSet copy;
    for (FileId id = 0; id < files; ++id) {
      const SourceFile& f = sources.at(id);
      copy.add(f.path, f.fs_path, f.kind);
      copy.at(id).content = f.content;
    }
    loaded = LoadedFile{};
    evaluate_terraform(copy, parsed, settings, loaded);
  });
  const double ast_parallel = best_seconds(repeat, [&] {
    parallel_for(files, jobs, [&](std::size_t i) {
      parsed[i] = parse_terraform_source(sources.at(static_cast<FileId>(i)));
    });
  });

  print_rate("tree-sitter parse only, 1 thread", ts_only, files);
  print_rate("parse into AST, 1 thread", ast_one, files);
  print_rate("evaluation (all configurations)", evaluate, files);
  print_rate("load + evaluation, 1 thread", ast_one + evaluate, files);
  char label[64];
  std::snprintf(label, sizeof label, "load + evaluation, %u threads", jobs);
  print_rate(label, ast_parallel + evaluate, files);
  std::printf("ratio (load + evaluation) / parse-only: %.2f on 1 thread, %.2f on %u\n\n",
              (ast_one + evaluate) / ts_only, (ast_parallel + evaluate) / ts_only, jobs);

  Census census;
  std::map<std::string, std::size_t> by_type;
  for (const Resource& r : loaded.resources) {
    for (const Value::Entry& e : r.attributes.entries()) count_values(e.value, census);
  }
  std::map<std::string, std::size_t> diagnostics;
  for (FileId id = 0; id < files; ++id) {
    if (!parsed[id]) continue;
    for (const auto& d : parsed[id]->diagnostics) ++diagnostics[code_name(d.code)];
  }
  for (const auto& d : loaded.diagnostics) ++diagnostics[code_name(d.code)];
  std::printf("resources loaded: %zu\n", loaded.resources.size());
  std::printf(
      "attribute values: %zu, unknown: %zu (%.1f per 1,000)\n", census.attributes, census.unknown,
      census.attributes
          ? 1000.0 * static_cast<double>(census.unknown) / static_cast<double>(census.attributes)
          : 0.0);
  std::printf("diagnostics:");
  for (const auto& [code, n] : diagnostics) std::printf(" %s %zu", code.c_str(), n);
  std::printf("\n");

  std::set<std::string> called;
  for (const auto& f : parsed)
    if (f) collect_calls(f->body, called);
  std::printf("functions called: %zu;", called.size());
  std::size_t missing = 0;
  for (const std::string& name : called) {
    if (name.find("::") == std::string::npos && name != "try" && name != "can" &&
        !tf::find_function(name)) {
      std::printf(" MISSING %s", name.c_str());
      ++missing;
    }
  }
  std::printf(missing ? "\n" : " all known\n");
  for (const std::string& name : called) std::printf("%s ", name.c_str());
  std::printf("\n");
  return 0;
}
