// The bash script reads the words before the cursor itself (COMP_WORDS, COMP_CWORD) rather
// than through the bash-completion package's helpers, so it also works where that package is
// missing and can be driven from a test.
#include <cctype>
#include <string_view>

#include "completion.hpp"

namespace iacscan::cli {
namespace {

// Single-quoted for bash: no expansion inside, a quote is closed, escaped and reopened.
std::string single_quoted(std::string_view text) {
  std::string out = "'";
  for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

std::string joined(const std::vector<std::string>& words, std::string_view separator) {
  std::string out;
  for (const std::string& word : words) out += (out.empty() ? "" : std::string(separator)) + word;
  return out;
}

// Command names become parts of function names; anything but [A-Za-z0-9_] becomes '_'.
std::string function_for(std::string_view program, std::string_view command) {
  std::string name = "_" + std::string(program) + "_" + std::string(command);
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') c = '_';
  return name;
}

// The bash statement that fills COMPREPLY for a value of this kind.
std::string reply_for(const OptionReference& option, std::string_view program) {
  const std::string prefix = "_" + std::string(program);
  switch (option.value) {
    case ValueKind::choice:
      return prefix + "_words " + single_quoted(joined(option.choices, " ")) + " \"$cur\"";
    case ValueKind::file:
      return prefix + "_files \"$cur\"";
    case ValueKind::directory:
      return prefix + "_directories \"$cur\"";
    case ValueKind::text:
    case ValueKind::none:
      break;
  }
  return {};  // a number, KEY=VALUE, a glob: nothing a shell can offer
}

std::string case_pattern(const OptionReference& option) {
  std::vector<std::string> patterns;
  for (const std::string& name : option.names()) patterns.push_back(single_quoted(name));
  return joined(patterns, " | ");
}

std::vector<std::string> all_names(const std::vector<OptionReference>& options) {
  std::vector<std::string> names;
  for (const OptionReference& option : options)
    for (const std::string& name : option.names()) names.push_back(name);
  return names;
}

std::string helpers(std::string_view program) {
  const std::string p = "_" + std::string(program);
  return p + "_words() { mapfile -t COMPREPLY < <(compgen -W \"$1\" -- \"$2\"); }\n" + p +
         "_files() {\n"
         "  compopt -o filenames 2>/dev/null  # only inside a completion: not when tested\n"
         "  mapfile -t COMPREPLY < <(compgen -f -- \"$1\")\n"
         "}\n" +
         p +
         "_directories() {\n"
         "  compopt -o filenames 2>/dev/null\n"
         "  mapfile -t COMPREPLY < <(compgen -d -- \"$1\")\n"
         "}\n\n"
         "# How many arguments come before the cursor, from word $1 on; $2 lists the options\n"
         "# that take a value as |-o|--output|.\n" +
         p +
         "_position() {\n"
         "  local i count=0 word\n"
         "  for ((i = $1; i < COMP_CWORD; i++)); do\n"
         "    word=${COMP_WORDS[i]}\n"
         "    if [[ $word == -* ]]; then\n"
         "      if [[ $2 == *\"|$word|\"* ]]; then\n"
         "        i=$((i + 1))\n"
         "        [[ ${COMP_WORDS[i]} == = ]] && i=$((i + 1))  # --flag = value\n"
         "      fi\n"
         "    else\n"
         "      count=$((count + 1))\n"
         "    fi\n"
         "  done\n"
         "  echo \"$count\"\n"
         "}\n\n";
}

std::string command_function(const CommandReference& command, std::string_view program) {
  std::string out = function_for(program, command.name) + "() {\n";
  out += "  local cur=$1 prev=$2 first=$3\n";
  std::string valued = "|";
  std::string values;
  for (const OptionReference& option : command.options) {
    if (option.value == ValueKind::none) continue;
    for (const std::string& name : option.names()) valued += name + "|";
    const std::string reply = reply_for(option, program);
    values +=
        "    " + case_pattern(option) + ") " + (reply.empty() ? "" : reply + "; ") + "return ;;\n";
  }
  if (!values.empty()) out += "  case $prev in\n" + values + "  esac\n";
  out += "  if [[ $cur == -* ]]; then\n    _" + std::string(program) + "_words " +
         single_quoted(joined(all_names(command.options), " ")) + " \"$cur\"\n    return\n  fi\n";
  const std::vector<OptionReference>& arguments = command.positionals;
  if (arguments.size() == 1 && arguments.front().repeatable) {
    if (std::string reply = reply_for(arguments.front(), program); !reply.empty())
      out += "  " + reply + "\n";
  } else if (!arguments.empty()) {
    out += "  case $(_" + std::string(program) + "_position \"$first\" " + single_quoted(valued) +
           ") in\n";
    for (std::size_t i = 0; i < arguments.size(); ++i) {
      const bool rest = arguments[i].repeatable && i + 1 == arguments.size();
      const std::string reply = reply_for(arguments[i], program);
      out += "    " + (rest ? std::string("*") : std::to_string(i)) + ") " +
             (reply.empty() ? std::string(":") : reply) + " ;;\n";
    }
    out += "  esac\n";
  }
  return out + "}\n\n";
}

std::string main_function(const ProgramReference& program) {
  const std::string p = "_" + program.name;
  std::vector<std::string> commands;
  for (const CommandReference& command : program.commands) commands.push_back(command.name);
  std::string out = p + "() {\n";
  out +=
      "  local cur=${COMP_WORDS[COMP_CWORD]} prev= prefix= i command= first=\n"
      "  ((COMP_CWORD > 0)) && prev=${COMP_WORDS[COMP_CWORD - 1]}\n"
      "  # --flag=value: bash splits the word at '=' when COMP_WORDBREAKS holds it (the\n"
      "  # default); otherwise the value is completed after the flag and the flag put back.\n"
      "  if [[ $cur == = ]]; then\n"
      "    cur=\n"
      "  elif [[ $prev == = ]] && ((COMP_CWORD > 1)); then\n"
      "    prev=${COMP_WORDS[COMP_CWORD - 2]}\n"
      "  elif [[ $cur == --*=* ]]; then\n"
      "    prev=${cur%%=*} prefix=${cur%%=*}= cur=${cur#*=}\n"
      "  fi\n"
      "  for ((i = 1; i < COMP_CWORD; i++)); do\n"
      "    if [[ ${COMP_WORDS[i]} != -* ]]; then\n"
      "      command=${COMP_WORDS[i]} first=$((i + 1))\n"
      "      break\n"
      "    fi\n"
      "  done\n"
      "  COMPREPLY=()\n"
      "  case $command in\n";
  out += "    '')\n      if [[ $cur == -* ]]; then\n        " + p + "_words " +
         single_quoted(joined(all_names(program.options), " ")) +
         " \"$cur\"\n      else\n        " + p + "_words " + single_quoted(joined(commands, " ")) +
         " \"$cur\"\n      fi\n      ;;\n";
  for (const CommandReference& command : program.commands) {
    out += "    " + single_quoted(command.name) + ") " + function_for(program.name, command.name) +
           " \"$cur\" \"$prev\" \"$first\" ;;\n";
  }
  out +=
      "  esac\n"
      "  if [[ -n $prefix ]]; then COMPREPLY=(\"${COMPREPLY[@]/#/$prefix}\"); fi\n"
      "  return 0\n"
      "}\n\n";
  return out + "complete -F " + p + " " + program.name + "\n";
}

}  // namespace

std::string bash_completion(const ProgramReference& program) {
  std::string out = "# bash completion for " + program.name + ", generated by `" + program.name +
                    " completion bash` from the flag definitions\n"
                    "# the parser uses: do not edit. Install it as\n"
                    "# share/bash-completion/completions/" +
                    program.name + ", or load it with: source <(" + program.name +
                    " completion bash)\n\n";
  out += helpers(program.name);
  for (const CommandReference& command : program.commands)
    out += command_function(command, program.name);
  return out + main_function(program);
}

}  // namespace iacscan::cli
