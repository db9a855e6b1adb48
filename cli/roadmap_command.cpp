// `iacscan roadmap`: scan with the account rules and control assessment on, then render the
// maturity report.
#include <iostream>

#include "commands.hpp"
#include "exit_codes.hpp"
#include "iacscan/roadmap.hpp"
#include "output.hpp"

namespace iacscan::cli {
namespace {

std::string render(const Roadmap& roadmap, const std::string& format, bool color) {
  if (format == "markdown") return render_roadmap_markdown(roadmap);
  if (format == "json") return render_roadmap_json(roadmap);
  return render_roadmap_text(roadmap, color);
}

}  // namespace

int run_roadmap(const Scanner& scanner, const RawArgs& args) {
  auto result = scanner.scan(args.paths);
  if (!result) {
    std::cerr << "iacscan: " << result.error().message << "\n";
    return kExitError;
  }
  const Roadmap roadmap = build_roadmap(*result);
  if (!write_report(args, render(roadmap, args.format, use_color(args)))) return kExitError;
  for (const std::string& spec : args.extra_outputs) {  // checked FORMAT=FILE
    const std::size_t equals = spec.find('=');
    if (!write_file(spec.substr(equals + 1), render(roadmap, spec.substr(0, equals), false)))
      return kExitError;
  }
  if (!args.output.empty()) {
    std::cerr << "iacscan: highest stage met: " << roadmap.highest_stage_met << " of "
              << roadmap.stages.size() << "; report written to " << args.output << "\n";
  }
  // An incomplete scan may have missed the very files that prove a control: no verdict.
  if (!roadmap.complete || !result->complete()) return kExitIncomplete;
  if (args.min_stage > 0 && roadmap.highest_stage_met < args.min_stage) return kExitFindings;
  return kExitClean;
}

}  // namespace iacscan::cli
