// The zsh function follows the usual layout of a subcommand completer: _arguments -C for the
// program's own flags and the command word, then one _arguments per command.
#include <cctype>
#include <string_view>

#include "completion.hpp"

namespace iacscan::cli {
namespace {

// Inside single quotes: a quote is closed, escaped and reopened.
std::string single_quoted_body(std::string_view text) {
  std::string out;
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out;
}

std::string escaped(std::string_view text, std::string_view special) {
  std::string out;
  for (const char c : text) {
    if (c == '\\' || special.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

// A parenthesised aside (" (repeatable)") says too much for a menu line.
std::string without_asides(std::string_view text) {
  std::string out;
  int depth = 0;
  for (const char c : text) {
    if (c == '(') ++depth;
    if (depth == 0) out += c;
    if (c == ')' && depth > 0) --depth;
  }
  std::string spaced;  // "from DIR (repeatable)" leaves "from DIR " and maybe a double space
  for (const char c : out)
    if (c != ' ' || (!spaced.empty() && spaced.back() != ' ')) spaced += c;
  return spaced;
}

// Menus show one line per flag: the description's first clause, at most ~80 characters.
std::string short_description(std::string_view description) {
  std::string text = without_asides(description);
  std::size_t end = text.size();
  for (const std::string_view stop : {". ", "; ", ": "}) end = std::min(end, text.find(stop));
  text.resize(end);
  constexpr std::size_t kWidth = 80;
  if (const std::size_t comma = text.find(", "); text.size() > kWidth && comma != std::string::npos)
    text.resize(comma);
  const bool cut = text.size() > kWidth;
  if (cut) {
    const std::size_t space = text.rfind(' ', kWidth - 3);
    text.resize(space == std::string::npos ? kWidth - 3 : space);
  }
  while (!text.empty() && (text.back() == '.' || text.back() == ' ')) text.pop_back();
  return cut ? text + "..." : text;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

// ":message:action" for an option's value or an argument.
std::string value_spec(const OptionReference& option) {
  std::string message = lower(option.metavariable);
  if (option.value == ValueKind::choice && !option.positional() && !option.long_names.empty())
    message = option.long_names.front().substr(2);
  std::string action;
  switch (option.value) {
    case ValueKind::choice: {
      action = "(";
      for (const std::string& choice : option.choices)
        action += (action.size() > 1 ? " " : "") + escaped(choice, " ():'\"");
      action += ")";
      break;
    }
    case ValueKind::file:
      action = "_files";
      break;
    case ValueKind::directory:
      action = "_files -/";
      break;
    case ValueKind::text:
    case ValueKind::none:
      action = "( )";  // no candidates: zsh shows the message only
      break;
  }
  return ":" + escaped(message, ":") + ":" + action;
}

// One _arguments word (or a brace group expanding to one per name):
// '(-f --format)'{-f+,--format=}'[Report format]:format:(text sarif)'
std::string option_spec(const OptionReference& option) {
  std::vector<std::string> excluded = option.excludes;
  if (option.builtin) {
    excluded = {"-", "*"};  // --help, --version: nothing else is useful with them
  } else if (!option.repeatable) {
    const std::vector<std::string> own = option.names();
    excluded.insert(excluded.begin(), own.begin(), own.end());
  }
  std::string head = "'";
  if (!excluded.empty()) {
    head += "(";
    for (std::size_t i = 0; i < excluded.size(); ++i) head += (i ? " " : "") + excluded[i];
    head += ")";
  }
  if (option.repeatable) head += "*";
  std::vector<std::string> forms;
  for (const std::string& name : option.names()) {
    const bool takes_value = option.value != ValueKind::none;
    const bool is_long = name.rfind("--", 0) == 0;
    forms.push_back(name + (takes_value ? (is_long ? "=" : "+") : ""));
  }
  std::string names;
  if (forms.size() == 1) {
    names = forms.front();
  } else {
    names = "'{";
    for (std::size_t i = 0; i < forms.size(); ++i) names += (i ? "," : "") + forms[i];
    names += "}'";
  }
  std::string tail = "[" + escaped(short_description(option.description), "[]") + "]";
  if (option.value != ValueKind::none) tail += value_spec(option);
  return head + names + single_quoted_body(tail) + "'";
}

std::string argument_spec(const OptionReference& argument, std::size_t position, bool last) {
  std::string spec;
  if (argument.repeatable && last) {
    spec = "*";
  } else {
    spec = std::to_string(position) + (argument.required ? "" : ":");
  }
  return "'" + single_quoted_body(spec + value_spec(argument)) + "'";
}

std::string function_for(std::string_view program, std::string_view command) {
  std::string name = "_" + std::string(program) + "_" + std::string(command);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
  return name;
}

std::string arguments_call(const std::vector<std::string>& specs, std::string_view flags) {
  std::string out = "  _arguments " + std::string(flags) + " :";
  for (const std::string& spec : specs) out += " \\\n    " + spec;
  return out + "\n";
}

std::string command_function(const CommandReference& command, std::string_view program) {
  std::vector<std::string> specs;
  for (const OptionReference& option : command.options) specs.push_back(option_spec(option));
  for (std::size_t i = 0; i < command.positionals.size(); ++i) {
    specs.push_back(
        argument_spec(command.positionals[i], i + 1, i + 1 == command.positionals.size()));
  }
  return function_for(program, command.name) + "() {\n" + arguments_call(specs, "-s -S") + "}\n\n";
}

std::string commands_function(const ProgramReference& program) {
  std::string out = "_" + program.name + "_commands() {\n  local -a commands\n  commands=(\n";
  for (const CommandReference& command : program.commands) {
    out += "    '" +
           single_quoted_body(escaped(command.name, ":") + ":" +
                              short_description(command.description)) +
           "'\n";
  }
  return out + "  )\n  _describe -t commands '" + program.name + " command' commands\n}\n\n";
}

std::string main_function(const ProgramReference& program) {
  const std::string p = "_" + program.name;
  std::vector<std::string> specs;
  for (const OptionReference& option : program.options) specs.push_back(option_spec(option));
  specs.push_back("'1: :" + p + "_commands'");
  specs.push_back("'*:: :->command'");
  std::string out = p + "() {\n";
  out += "  local curcontext=$curcontext state state_descr line ret=1\n";
  out += "  typeset -A opt_args\n";
  std::string arguments = arguments_call(specs, "-C");
  arguments.insert(arguments.size() - 1, " && ret=0");
  out += arguments;
  out += "  if [[ $state == command ]]; then\n";
  out += "    curcontext=${curcontext%:*:*}:" + program.name + "-$words[1]:\n";
  out += "    case $words[1] in\n";
  for (const CommandReference& command : program.commands) {
    out += "      (" + command.name + ") " + function_for(program.name, command.name) +
           " && ret=0 ;;\n";
  }
  out += "    esac\n  fi\n  return ret\n}\n\n";
  return out;
}

}  // namespace

std::string zsh_completion(const ProgramReference& program) {
  const std::string& name = program.name;
  std::string out = "#compdef " + name + "\n";
  out += "# zsh completion for " + name + ", generated by `" + name +
         " completion zsh` from the flag definitions the\n"
         "# parser uses: do not edit. Install it as _" +
         name +
         " in a directory of $fpath (share/zsh/site-functions),\n"
         "# or load it with: source <(" +
         name + " completion zsh)\n\n";
  for (const CommandReference& command : program.commands) out += command_function(command, name);
  out += commands_function(program);
  out += main_function(program);
  // Autoloaded from $fpath, this file is the body of _iacscan: define, then complete. Sourced,
  // it only registers the function.
  out += "if [[ $funcstack[1] == _" + name + " ]]; then\n  _" + name +
         " \"$@\"\nelse\n  compdef _" + name + " " + name + "\nfi\n";
  return out;
}

}  // namespace iacscan::cli
