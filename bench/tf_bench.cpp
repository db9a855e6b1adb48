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
#include <string>
#include <vector>

#include "bench_timing.hpp"
#include "core/thread_pool.hpp"
#include "scan/file_reader.hpp"
#include "source/discovery.hpp"
#include "terraform/configuration.hpp"
#include "terraform/functions.hpp"
#include "terraform/ts_parser.hpp"

using namespace iacscan::detail;

namespace {

void print_rate(const char* what, double seconds, std::size_t files) {
  std::printf("%-40s %8.3f s  %8.0f files/s\n", what, seconds,
              static_cast<double>(files) / seconds);
}

struct Census {
  std::size_t attributes = 0;
  std::size_t unknown = 0;
  std::map<std::string, std::size_t> reasons;  // unknown reasons, cut to their first words
};

std::string reason_class(const std::string& reason) {
  if (reason.rfind("error: ", 0) == 0) return reason.substr(0, 90);
  std::string text = reason;
  if (!text.empty() && text[0] == '"') text = "\"...\"" + text.substr(text.find('"', 1) + 1);
  std::string cut = text.substr(0, text.find_first_of("(:", 1));
  return cut.size() > 48 ? cut.substr(0, 48) : cut;
}

// IACSCAN_BENCH_SHOW=<reason prefix>: print where unknowns with that reason are.
const char* show_prefix() {
  static const char* prefix = std::getenv("IACSCAN_BENCH_SHOW");
  return prefix;
}

void count_values(const Value& v, Census& c) {
  ++c.attributes;
  if (v.is_unknown() && show_prefix() && v.text().rfind(show_prefix(), 0) == 0) {
    std::printf("  %s at file %u line %u\n", v.text().c_str(), v.span.file,
                v.span.range.start_line);
  }
  if (v.is_unknown()) {
    ++c.unknown;
    ++c.reasons[reason_class(v.text())];
    return;
  }
  for (const Value& item : v.items()) count_values(item, c);
  for (const Value::Entry& e : v.entries()) count_values(e.value, c);
}

void collect_calls(const tf::Expr& e, std::map<std::string, std::size_t>& out) {
  if (e.kind == tf::Expr::Kind::call) ++out[e.name];
  for (const tf::Expr& child : e.children) collect_calls(child, out);
}

// A variable's `type` is a type expression (list(string), object({...})), not calls.
void collect_calls(const tf::Body& body, std::map<std::string, std::size_t>& out,
                   bool is_variable = false) {
  for (const tf::Attribute& a : body.attributes)
    if (!(is_variable && a.name == "type")) collect_calls(a.expr, out);
  for (const tf::Block& b : body.blocks) collect_calls(b.body, out, b.type == "variable");
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
    case iacscan::DiagnosticCode::invalid_suppression:
      return "invalid_suppression";
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
  auto evaluate_all = [&](unsigned threads) {
    settings.jobs = threads;
    return best_seconds(repeat, [&] {
      SourceSet copy;
      for (FileId id = 0; id < files; ++id) {
        const SourceFile& f = sources.at(id);
        copy.add(f.path, f.fs_path, f.kind);
        copy.at(id).content = f.content;
      }
      loaded = LoadedFile{};
      evaluate_terraform(copy, parsed, settings, loaded);
    });
  };
  const double evaluate_parallel = evaluate_all(jobs);
  const double evaluate = evaluate_all(1);
  const double ast_parallel = best_seconds(repeat, [&] {
    parallel_for(files, jobs, [&](std::size_t i) {
      parsed[i] = parse_terraform_source(sources.at(static_cast<FileId>(i)));
    });
  });

  print_rate("tree-sitter parse only, 1 thread", ts_only, files);
  print_rate("parse into AST, 1 thread", ast_one, files);
  char label[64];
  print_rate("evaluation (all configurations), 1 thread", evaluate, files);
  std::snprintf(label, sizeof label, "evaluation, %u threads", jobs);
  print_rate(label, evaluate_parallel, files);
  print_rate("load + evaluation, 1 thread", ast_one + evaluate, files);
  std::snprintf(label, sizeof label, "load + evaluation, %u threads", jobs);
  print_rate(label, ast_parallel + evaluate_parallel, files);
  std::printf("ratio (load + evaluation) / parse-only: %.2f on 1 thread, %.2f on %u\n\n",
              (ast_one + evaluate) / ts_only, (ast_parallel + evaluate_parallel) / ts_only, jobs);

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
  std::vector<std::pair<std::size_t, std::string>> reasons;
  for (const auto& [reason, n] : census.reasons) reasons.emplace_back(n, reason);
  std::sort(reasons.rbegin(), reasons.rend());
  std::printf("why unknown (most common):\n");
  for (std::size_t i = 0; i < reasons.size() && i < 30; ++i)
    std::printf("  %6zu  %s\n", reasons[i].first, reasons[i].second.c_str());
  std::printf("diagnostics:");
  for (const auto& [code, n] : diagnostics) std::printf(" %s %zu", code.c_str(), n);
  std::printf("\n");

  std::map<std::string, std::size_t> called;
  for (const auto& f : parsed)
    if (f) collect_calls(f->body, called);
  std::printf("functions called: %zu;", called.size());
  std::size_t missing = 0;
  for (const auto& [name, count] : called) {
    if (name.find("::") == std::string::npos && name != "try" && name != "can" &&
        !tf::find_function(name)) {
      std::printf(" MISSING %s", name.c_str());
      ++missing;
    }
  }
  std::printf(missing ? "\n" : " all known\n");
  for (const auto& [name, count] : called) std::printf("%s %zu, ", name.c_str(), count);
  std::printf("\n");
  return 0;
}
