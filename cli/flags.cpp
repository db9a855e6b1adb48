// Subcommand definitions (CLI11) and their help texts. Exit code 2 for usage errors, as
// documented in the README.
#include "flags.hpp"

#include <CLI/CLI.hpp>
#include <algorithm>
#include <string>
#include <vector>

#include "exit_codes.hpp"
#include "input_flags.hpp"
#include "progress.hpp"
#include "reference_commands.hpp"

namespace iacscan::cli {
namespace {

const std::vector<std::string> kScanFormats = {"text",  "json",     "sarif",
                                               "junit", "markdown", "github"};
const std::vector<std::string> kRoadmapFormats = {"text", "markdown", "json"};

// -o values: "FORMAT=FILE" for a known format, else the --format report's file. A usage error
// when two plain files are given, since only one report has no format of its own.
void split_outputs(RawArgs& args, const std::vector<std::string>& formats) {
  for (const std::string& spec : args.output_specs) {
    const std::size_t equals = spec.find('=');
    const bool named =
        equals != std::string::npos &&
        std::find(formats.begin(), formats.end(), spec.substr(0, equals)) != formats.end();
    if (named && equals + 1 < spec.size()) {
      args.extra_outputs.push_back(spec);
    } else {
      if (!args.output.empty())
        throw CLI::ValidationError("--output", "given two files without a FORMAT= prefix (\"" +
                                                   args.output + "\" and \"" + spec + "\")");
      args.output = spec;
    }
  }
}

void add_scan_command(CLI::App& app, RawArgs& args) {
  CLI::App* scan = app.add_subcommand("scan", "Scan files and directories and report findings");
  add_source_flags(*scan, args);
  add_progress_flag(*scan, args);
  scan->add_option("-f,--format", args.format, "Report format")
      ->check(CLI::IsMember(kScanFormats))
      ->capture_default_str();
  scan->add_option("--fail-on", args.fail_on,
                   "Exit 1 only for findings at or above this severity (suppressed findings, "
                   "findings already in the baseline and review findings never count)")
      ->check(CLI::IsMember({"info", "low", "medium", "high", "critical"}))
      ->capture_default_str();
  scan->add_flag("--soft-fail", args.soft_fail,
                 "Exit 0 even when findings reach --fail-on (still 2 or 3 when the scan could "
                 "not run or was incomplete)");
  scan->add_option("--baseline", args.baseline,
                   "Report only findings that are not in this baseline file (written by "
                   "--write-baseline); SARIF marks the others unchanged or absent")
      ->check(CLI::ExistingFile);
  scan->add_option("--write-baseline", args.write_baseline,
                   "Write the findings of this scan to FILE as a baseline (suppressed findings "
                   "are left out)");
  scan->add_flag("--report-unused-suppressions", args.report_unused_suppressions,
                 "Report suppressions (comments, Metadata skips, configuration entries) that "
                 "matched no finding, as findings of the rule unused-suppression");
  scan->add_option("--unknowns", args.unknowns,
                   "What to do when a rule cannot decide because a decisive value is unknown "
                   "(an unresolved variable or parameter): ignore it, or report it as a finding "
                   "of kind review that says which value and why (never fails the scan)")
      ->check(CLI::IsMember({"ignore", "report"}))
      ->capture_default_str();
  scan->add_flag("--profile-rules", args.profile_rules,
                 "Print the time spent per rule and per scan phase to stderr");
  scan->add_flag("--account-rules,!--no-account-rules", args.account_rules,
                 "Also run the account-scope rules, which judge the scanned set as a whole "
                 "landing zone (\"no CloudTrail trail\"); default: the configuration's "
                 "account_rules, else off");
  scan->add_flag("--changed", args.changed,
                 "The paths are the files a change touches (pre-commit passes them): evaluate "
                 "each Terraform file with the other Terraform files of its directory, report "
                 "only findings located in a changed file or with a related location there "
                 "(a terraform.tfvars value), and ignore deleted and non-IaC files; no "
                 "account-scope rules");
  scan->footer(
      "Examples:\n"
      "  iacscan scan .                          scan the current directory\n"
      "  iacscan scan infra --format sarif -o iacscan.sarif\n"
      "  iacscan scan landing-zone --account-rules\n"
      "  iacscan scan . --config ci/iacscan.yaml --fail-on high\n"
      "  iacscan scan stacks --parameter Env=prod --var-file prod.tfvars\n"
      "  iacscan scan . -o sarif=iacscan.sarif -o junit=report.xml   text on stdout, two files\n"
      "  iacscan scan . --write-baseline .iacscan-baseline.json      adopt: record today's\n"
      "  iacscan scan . --baseline .iacscan-baseline.json            then fail only on new ones\n"
      "  iacscan scan . --report-unused-suppressions --fail-on info\n"
      "  iacscan scan --changed $(git diff --cached --name-only)   what a commit changes\n"
      "\nSuppress a finding with a comment on its line or the line before its resource:\n"
      "  # iacscan:ignore s3-bucket-public-acl:exp:2027-01-31 Public website, SEC-123\n"
      "\nExit codes: 0 no active finding at or above --fail-on (or --soft-fail), 1 active "
      "findings at or above --fail-on, 2 usage error or the scan could not run, 3 some files "
      "could not be read or parsed (the findings may be incomplete; wins over 1).");
}

void add_roadmap_command(CLI::App& app, RawArgs& args) {
  CLI::App* roadmap = app.add_subcommand(
      "roadmap",
      "Report which stages of the AWS Security Maturity Roadmap the scanned landing zone meets, "
      "and what would reach the next one");
  add_source_flags(*roadmap, args);
  add_progress_flag(*roadmap, args);
  roadmap->add_option("-f,--format", args.format, "Report format")
      ->check(CLI::IsMember(kRoadmapFormats))
      ->capture_default_str();
  roadmap
      ->add_option("--min-stage", args.min_stage,
                   "Exit 1 unless stages 1 to N are all met (for CI gates)")
      ->check(CLI::Range(1, 10));
  roadmap->footer(
      "Examples:\n"
      "  iacscan roadmap landing-zone\n"
      "  iacscan roadmap . --format markdown >> \"$GITHUB_STEP_SUMMARY\"\n"
      "  iacscan roadmap org-terraform --format json -o roadmap.json --min-stage 3\n"
      "\nThe account-scope rules always run here. Exit codes: 0 done (and --min-stage met), "
      "1 --min-stage not met, 2 usage error or the scan could not run, 3 some files could not "
      "be read or parsed.");
}

void add_rule_commands(CLI::App& app, RawArgs& args) {
  CLI::App* rules = app.add_subcommand(
      "rules", "List the loaded rules (after the configuration's rule settings)");
  rules->add_option("--policy-dir", args.policy_dirs, "Also load rules from DIR (repeatable)");
  add_config_flags(*rules, args);
  CLI::App* explain = app.add_subcommand("explain", "Explain one rule, with its examples");
  explain->add_option("id", args.rule_id, "Rule id, e.g. s3-bucket-public-acl")->required();
  explain->add_option("--policy-dir", args.policy_dirs, "Also load rules from DIR (repeatable)");
  add_config_flags(*explain, args);
  explain->footer("Example:\n  iacscan explain s3-bucket-public-acl");
  CLI::App* docs =
      app.add_subcommand("docs", "Write a Markdown page per rule and an index (README.md)");
  docs->add_option("--out", args.docs_dir, "Directory to write the pages to")
      ->required()
      ->type_name("DIR");
  docs->add_option("--policy-dir", args.policy_dirs, "Also load rules from DIR (repeatable)");
  docs->add_flag("--no-builtin-policies", args.no_builtin_policies,
                 "Document only the --policy-dir rules");
  add_config_flags(*docs, args);
  docs->footer("Example:\n  iacscan docs --out site/rules --policy-dir company-rules");
}

void add_init_command(CLI::App& app, RawArgs& args) {
  CLI::App* init = app.add_subcommand(
      "init", "Write a commented starter configuration, DIR/.iacscan.yaml, with every key");
  init->add_option("dir", args.init_dir, "Directory to write .iacscan.yaml to")
      ->capture_default_str();
  init->add_flag("--force", args.force, "Overwrite an existing .iacscan.yaml");
  init->footer(
      "Examples:\n"
      "  iacscan init                 write ./.iacscan.yaml\n"
      "  iacscan init landing-zone --force");
}

Command command_of(const CLI::App& app) {
  static const std::pair<const char*, Command> kCommands[] = {
      {"scan", Command::scan},       {"roadmap", Command::roadmap}, {"rules", Command::rules},
      {"explain", Command::explain}, {"docs", Command::docs},       {"init", Command::init},
      {"version", Command::version}};
  for (const auto& [name, command] : kCommands)
    if (app.got_subcommand(name)) return command;
  return Command::scan;
}

// The long names of the options given on the command line, so that only those override the
// configuration file.
std::set<std::string, std::less<>> given_flags(const CLI::App& app) {
  std::set<std::string, std::less<>> given;
  for (const CLI::App* command : app.get_subcommands()) {
    for (const CLI::Option* option : command->get_options()) {
      if (option->count() == 0) continue;
      for (const std::string& name : option->get_lnames()) given.insert("--" + name);
    }
  }
  return given;
}

// A repeatable option takes one value per use (`--exclude A --exclude B`). CLI11 would let a
// vector option swallow every following word, so `--exclude '*.bak' infra/ envs/` made
// `infra/` an exclude pattern and `-o sarif=x infra/ envs/` failed on "cannot write infra/".
void one_value_per_use(CLI::App& app) {
  for (CLI::App* command : app.get_subcommands({})) {
    for (CLI::Option* option : command->get_options()) {
      if (!option->get_positional() && option->get_items_expected_max() > 1)
        option->allow_extra_args(false);
    }
  }
}

}  // namespace

ParseOutcome parse_args(int argc, char** argv) {
  RawArgs args;
  CLI::App app{"iacscan: find AWS security gaps in CloudFormation, Terraform and IAM policies",
               "iacscan"};
  app.require_subcommand(1);
  app.set_version_flag("--version", std::string(IACSCAN_CLI_VERSION));
  add_scan_command(app, args);
  add_roadmap_command(app, args);
  add_rule_commands(app, args);
  add_init_command(app, args);
  app.add_subcommand("version", "Print the version");
  add_reference_commands(app);  // last: they describe every command above
  one_value_per_use(app);
  app.footer(
      "Run `iacscan COMMAND --help` for a command's flags and examples. Settings can also live "
      "in .iacscan.yaml (`iacscan init` writes a starter file; docs/configuration.md).");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return {std::nullopt, code == 0 ? kExitClean : kExitError};
  }
  args.command = command_of(app);
  args.given = given_flags(app);
  try {
    split_outputs(args, args.command == Command::roadmap ? kRoadmapFormats : kScanFormats);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return {std::nullopt, kExitError};
  }
  return {std::move(args), 0};
}

}  // namespace iacscan::cli
