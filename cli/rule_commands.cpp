// `iacscan rules`, `explain` and `docs`: the loaded rules as a list, one rule's page, or a
// folder of pages.
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "iacscan/rule_docs.hpp"
#include "output.hpp"

namespace iacscan::cli {
namespace {

const RuleInfo* find_rule(const Scanner& scanner, const std::string& id) {
  for (const RuleInfo& rule : scanner.rules())
    if (rule.id == id) return &rule;
  return nullptr;
}

}  // namespace

int run_rules(const Scanner& scanner) {
  // One line per rule, tab-separated: id, severity, stage, category, formats, title.
  for (const RuleInfo& rule : scanner.rules()) {
    std::string formats;
    for (const std::string& format : rule.formats) formats += (formats.empty() ? "" : ",") + format;
    std::cout << rule.id << "\t" << to_string(rule.severity) << "\tstage " << rule.stage << "\t"
              << rule.category << "\t" << (formats.empty() ? "-" : formats) << "\t" << rule.title
              << "\n";
  }
  return kExitClean;
}

int run_explain(const Scanner& scanner, const RawArgs& args) {
  const RuleInfo* rule = find_rule(scanner, args.rule_id);
  if (!rule) {
    std::cerr << "iacscan: no rule \"" << args.rule_id << "\" (iacscan rules lists them)\n";
    return kExitError;
  }
  std::cout << render_rule_text(*rule);
  return kExitClean;
}

// Pages are rewritten, never merged: the directory holds exactly the loaded rules' pages.
int run_docs(const Scanner& scanner, const RawArgs& args) {
  namespace fs = std::filesystem;
  const fs::path dir(args.docs_dir);
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) {
    std::cerr << "iacscan: cannot create " << dir.string() << ": " << ec.message() << "\n";
    return kExitError;
  }
  std::vector<fs::path> stale;
  for (const auto& entry : fs::directory_iterator(dir, ec))
    if (entry.path().extension() == ".md") stale.push_back(entry.path());
  for (const fs::path& page : stale) fs::remove(page, ec);
  // With --no-builtin-policies only the user's rules: not the built-in suppression rules,
  // which are loaded regardless.
  std::vector<RuleInfo> documented;
  for (const RuleInfo& rule : scanner.rules()) {
    if (!args.no_builtin_policies || !rule.source_path.starts_with("builtin:"))
      documented.push_back(rule);
  }
  for (const RuleInfo& rule : documented) {
    if (!write_file(dir / (rule.id + ".md"), render_rule_markdown(rule))) return kExitError;
  }
  if (!write_file(dir / "README.md", render_rule_index_markdown(documented))) return kExitError;
  std::cerr << "iacscan: wrote " << documented.size() << " rule pages and README.md to "
            << dir.string() << "\n";
  return kExitClean;
}

}  // namespace iacscan::cli
