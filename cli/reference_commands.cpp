#include "reference_commands.hpp"

#include <iostream>
#include <string>

#include "command_reference.hpp"
#include "completion.hpp"
#include "exit_codes.hpp"
#include "iacscan/version.hpp"
#include "man_page.hpp"

namespace iacscan::cli {
namespace {

CLI::App& root_of(CLI::App& command) {
  CLI::App* app = &command;
  while (app->get_parent() != nullptr) app = app->get_parent();
  return *app;
}

// Ends the parse: exit code 0 after the text is written, 2 when stdout cannot take it.
[[noreturn]] void print_and_finish(const std::string& text) {
  std::cout << text << std::flush;
  if (!std::cout) {
    std::cerr << "iacscan: cannot write to stdout\n";
    throw CLI::RuntimeError(kExitError);
  }
  throw CLI::Success();
}

}  // namespace

void add_reference_commands(CLI::App& app) {
  CLI::App* completion =
      app.add_subcommand("completion", "Print the shell completion script for bash or zsh");
  CLI::Option* shell = completion->add_option("shell", "Shell to complete for")
                           ->check(CLI::IsMember({"bash", "zsh"}))
                           ->required();
  completion->footer(
      "Examples:\n"
      "  source <(iacscan completion bash)            in this bash session\n"
      "  iacscan completion zsh > ~/.zfunc/_iacscan   with ~/.zfunc in $fpath\n"
      "\nInstalled copies live in share/bash-completion/completions/iacscan and "
      "share/zsh/site-functions/_iacscan.");
  completion->callback([completion, shell] {
    const ProgramReference program = describe_command_line(root_of(*completion));
    const std::string name = shell->as<std::string>();
    print_and_finish(name == "zsh" ? zsh_completion(program) : bash_completion(program));
  });

  CLI::App* man = app.add_subcommand("man", "Print this program's man page (roff)");
  man->footer(
      "Examples:\n"
      "  iacscan man | man -l -                       read it without installing it\n"
      "  iacscan man > /usr/local/share/man/man1/iacscan.1");
  man->callback([man] {
    const ProgramReference program = describe_command_line(root_of(*man));
    print_and_finish(man_page(program, std::string(version())));
  });
}

}  // namespace iacscan::cli
