// Commands and options come from the parser's definitions; the sections no flag describes
// (exit status, environment, files) are written here, the exit codes from exit_codes.hpp and
// the CI variables from the progress rule itself.
#include "man_page.hpp"

#include <cctype>

#include "exit_codes.hpp"
#include "progress.hpp"
#include "roff.hpp"

namespace iacscan::cli {
namespace {

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

bool mentions_default(std::string_view description) {
  std::string lowered(description);
  for (char& c : lowered) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lowered.find("default") != std::string::npos;
}

std::string sentence(std::string text) {
  if (!text.empty())
    text.front() = static_cast<char>(std::toupper(static_cast<unsigned char>(text.front())));
  if (!text.empty() && text.back() != '.') text += '.';
  return text;
}

// "\fB\-f\fR, \fB\-\-format\fR \fBtext\fR|\fBsarif\fR"
std::string option_head(const OptionReference& option) {
  if (option.positional()) {
    return "\\fI" + roff::code(option.metavariable) + "\\fR" + (option.repeatable ? "..." : "");
  }
  std::string head;
  for (const std::string& name : option.names())
    head += (head.empty() ? "" : ", ") + ("\\fB" + roff::code(name) + "\\fR");
  if (option.value == ValueKind::choice) {
    std::string choices;
    for (const std::string& choice : option.choices)
      choices += (choices.empty() ? "" : "|") + ("\\fB" + roff::code(choice) + "\\fR");
    head += " " + choices;
  } else if (option.value != ValueKind::none) {
    head += " \\fI" + roff::code(option.metavariable) + "\\fR";
  }
  return head;
}

std::string option_item(const OptionReference& option) {
  std::string description = sentence(option.description);
  if (option.positional() && option.value == ValueKind::choice) {
    description.pop_back();  // the period
    std::string choices;
    for (const std::string& choice : option.choices)
      choices += (choices.empty() ? "" : ", ") + choice;
    description += ": one of " + choices + ".";
  }
  std::string text = roff::prose(description);
  if (!option.default_value.empty() && !mentions_default(option.description))
    text += " Default: \\fB" + roff::code(option.default_value) + "\\fR.";
  return ".TP\n" + roff::text_lines(option_head(option)) + roff::text_lines(text);
}

// "\fBiacscan scan\fR [\fIoptions\fR] \fIPATHS\fR..."
std::string synopsis_line(const ProgramReference& program, const CommandReference& command) {
  std::string line = "\\fB" + roff::code(program.name + " " + command.name) + "\\fR";
  for (const OptionReference& option : command.options) {
    if (option.builtin) continue;
    line += " [\\fIoptions\\fR]";
    break;
  }
  for (const OptionReference& argument : command.positionals) {
    const std::string name =
        "\\fI" + roff::code(argument.metavariable) + "\\fR" + (argument.repeatable ? "..." : "");
    line += " " + (argument.required ? name : "[" + name + "]");
  }
  return line + "\n";
}

std::string synopsis(const ProgramReference& program) {
  std::string out = ".SH SYNOPSIS\n.nf\n";
  for (const CommandReference& command : program.commands)
    out += roff::text_lines(synopsis_line(program, command));
  std::string builtins;
  for (const OptionReference& option : program.options)
    builtins +=
        (builtins.empty() ? "" : " | ") + ("\\fB" + roff::code(option.long_names.front()) + "\\fR");
  if (!builtins.empty())
    out += roff::text_lines("\\fB" + roff::code(program.name) + "\\fR " + builtins);
  return out + ".fi\n";
}

std::string description(const ProgramReference& program) {
  std::string out = ".SH DESCRIPTION\n";
  out += roff::text_lines("\\fB" + roff::code(program.name) +
                          "\\fR: " + roff::prose(sentence(program.summary)));
  for (const std::string& note : program.notes)
    out += ".PP\n" + roff::text_lines(roff::prose(note));
  return out;
}

std::string options(const ProgramReference& program) {
  std::string out = ".SH OPTIONS\n";
  out += roff::text_lines(roff::prose(
      "These come before a command; -h, --help also comes after one, for that command."));
  for (const OptionReference& option : program.options) out += option_item(option);
  return out;
}

std::string command_section(const CommandReference& command, const ProgramReference& program) {
  std::string out =
      ".SS " + roff::macro_argument(roff::code(program.name + " " + command.name)) + "\n";
  out += roff::text_lines(roff::prose(sentence(command.description)));
  for (const OptionReference& argument : command.positionals) out += option_item(argument);
  for (const OptionReference& option : command.options)
    if (!option.builtin) out += option_item(option);
  if (!command.examples.empty()) {
    out += ".PP\n" + std::string(command.examples.size() == 1 ? "Example:" : "Examples:") +
           "\n.RS 4\n.nf\n";
    for (const std::string& example : command.examples)
      out += roff::text_lines(roff::code(example));
    out += ".fi\n.RE\n";
  }
  for (const std::string& note : command.notes)
    out += ".PP\n" + roff::text_lines(roff::prose(note));
  return out;
}

std::string status_item(int code, std::string_view meaning) {
  return ".TP\n.B " + std::to_string(code) + "\n" + roff::text_lines(roff::prose(meaning));
}

std::string exit_status() {
  return ".SH EXIT STATUS\n" +
         status_item(kExitClean,
                     "No active finding at or above --fail-on, or --soft-fail (roadmap: the "
                     "report was written and --min-stage, if given, is met). Review findings, "
                     "suppressed findings and findings already in the --baseline never count.") +
         status_item(kExitFindings,
                     "Active findings at or above --fail-on (roadmap: --min-stage is not "
                     "met).") +
         status_item(kExitError,
                     "A usage error, or the scan could not run: a missing path, an invalid "
                     "policy or configuration file, an unreadable --parameters-file or "
                     "--baseline, an unwritable output.") +
         status_item(kExitIncomplete,
                     "The scan was incomplete: some files could not be read or parsed. Takes "
                     "precedence over 0 and 1; the report still lists every finding from the "
                     "files that did load.");
}

std::string environment() {
  std::string ci;
  for (const std::string_view name : ci_environment_variables())
    ci += (ci.empty() ? "" : ", ") + ("\\fB" + roff::code(name) + "\\fR");
  return ".SH ENVIRONMENT\n.TP\n.B NO_COLOR\n" +
         roff::text_lines(roff::prose(
             "When set to a non-empty value, the text report is never coloured, as with "
             "--no-color.")) +
         ".TP\n" + roff::text_lines(ci) +
         roff::text_lines(roff::prose(
             "Set (to anything but empty, 0 or false) by CI services: --progress auto then "
             "shows no progress, which a CI log would keep as one line per redraw.")) +
         ".TP\n.B TERM\n" +
         roff::text_lines(
             roff::prose("When dumb, --progress auto shows no progress: the terminal cannot "
                         "redraw a line in place."));
}

std::string files() {
  return ".SH FILES\n.TP\n.I .iacscan.yaml\n" +
         roff::text_lines(roff::prose(
             "The configuration (organization facts, rule settings, suppressions, excludes, "
             "limits), found by walking up from the first scanned path to the repository's "
             "top. Flags given on the command line win over it; --config FILE reads another "
             "file, --no-config none. `iacscan init` writes a commented starter file."));
}

std::string see_also(const ProgramReference& program) {
  return ".SH SEE ALSO\n" +
         roff::text_lines(roff::prose(
             "`" + program.name + " explain ID` and `" + program.name +
             " docs --out DIR` for the rules; the project's README.md, "
             "docs/configuration.md (the .iacscan.yaml keys) and docs/writing-policies.md "
             "(your own rules)."));
}

}  // namespace

std::string man_page(const ProgramReference& program, const std::string& version) {
  std::string out = ".\\\" Man page for " + program.name + ", generated by `" + program.name +
                    " man` from the flag definitions the\n.\\\" parser uses: do not edit.\n";
  out += ".TH " + upper(program.name) + " 1 \"\" " +
         roff::macro_argument(roff::code(program.name + " " + version)) + " \"User Commands\"\n";
  out += ".SH NAME\n" +
         roff::text_lines(roff::code(program.name) + " \\- " + roff::prose(program.summary));
  out += synopsis(program);
  out += description(program);
  out += options(program);
  out += ".SH COMMANDS\n";
  for (const CommandReference& command : program.commands) out += command_section(command, program);
  out += exit_status();
  out += environment();
  out += files();
  out += see_also(program);
  return out;
}

}  // namespace iacscan::cli
