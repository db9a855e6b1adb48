// Reading CLI11's definitions back. CLI11 exposes names, descriptions, defaults, arity and
// exclusions directly; two things it only exposes as help text are read from there:
//  - choices: CLI::IsMember describes itself as "{a,b,c}" (the help's "TEXT:{text,sarif}");
//  - the kind of value: the option's type name ("FILE" when set with ->type_name), a validator
//    that names a shape ("KEY=VALUE", "SIZE [b, kb...]"), or the capitalised word the
//    description uses for the value ("Write the report to FILE").
// cli.completion_test checks that every scan flag and its choices come out in each generated
// file, so a CLI11 upgrade that changes these texts fails a test instead of the completions.
#include "command_reference.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace iacscan::cli {
namespace {

bool is_upper_token_char(char c) {
  return std::isupper(static_cast<unsigned char>(c)) || c == '_' || c == '=';
}

std::string trim(std::string_view text) {
  const auto begin = text.find_first_not_of(" \t\n");
  if (begin == std::string_view::npos) return {};
  const auto end = text.find_last_not_of(" \t\n");
  return std::string(text.substr(begin, end - begin + 1));
}

std::vector<std::string> split(std::string_view text, std::string_view separator) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t at = text.find(separator); at != std::string_view::npos;
       at = text.find(separator, start)) {
    parts.emplace_back(text.substr(start, at - start));
    start = at + separator.size();
  }
  parts.emplace_back(text.substr(start));
  return parts;
}

std::vector<std::string> validator_descriptions(CLI::Option& option) {
  std::vector<std::string> descriptions;
  for (int index = 0;; ++index) {
    const CLI::Validator* validator = nullptr;
    try {
      validator = option.get_validator(index);
    } catch (const CLI::OptionNotFound&) {
      break;  // CLI11 has no validator count: the first index past the end throws
    }
    std::string description = validator->get_description();
    if (!description.empty()) descriptions.push_back(std::move(description));
  }
  return descriptions;
}

// "{text,sarif}" → {"text", "sarif"}; a map's "{a->b}" is a transform, not a choice.
std::vector<std::string> choices_in(const std::vector<std::string>& descriptions) {
  for (const std::string& description : descriptions) {
    if (description.size() < 2 || description.front() != '{' || description.back() != '}') continue;
    const std::string_view inside = std::string_view(description).substr(1, description.size() - 2);
    if (inside.empty() || inside.find("->") != std::string_view::npos ||
        inside.find_first_of("{}") != std::string_view::npos)
      continue;
    return split(inside, ",");
  }
  return {};
}

// "KEY=VALUE", "SIZE [b, kb(=1000b), ...]" → "KEY=VALUE", "SIZE"; CLI11's own type words
// ("INT in [1 - 10]") say less than the type name does.
std::string shape_in(const std::vector<std::string>& descriptions) {
  static constexpr std::array<std::string_view, 6> kTypeWords = {"INT",    "UINT", "FLOAT",
                                                                 "NUMBER", "TEXT", "BOOLEAN"};
  for (const std::string& description : descriptions) {
    std::size_t end = 0;
    while (end < description.size() && is_upper_token_char(description[end])) ++end;
    if (end < 2 || (end < description.size() && description[end] != ' ')) continue;
    const std::string token = description.substr(0, end);
    if (std::find(kTypeWords.begin(), kTypeWords.end(), token) == kTypeWords.end()) return token;
  }
  return {};
}

// The capitalised word a description uses for a string value: "from DIR (repeatable)".
std::string value_word_in(std::string_view description) {
  static constexpr std::array<std::string_view, 4> kWords = {"FILE", "DIR", "PATH", "GLOB"};
  std::size_t i = 0;
  while (i < description.size()) {
    if (!std::isalpha(static_cast<unsigned char>(description[i]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < description.size() && std::isalpha(static_cast<unsigned char>(description[end])))
      ++end;
    const std::string_view word = description.substr(i, end - i);
    if (std::find(kWords.begin(), kWords.end(), word) != kWords.end()) return std::string(word);
    i = end;
  }
  return {};
}

std::string upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

std::string metavariable_of(const CLI::Option& option,
                            const std::vector<std::string>& descriptions) {
  if (option.get_positional()) return upper(option.get_name(true));
  if (std::string shape = shape_in(descriptions); !shape.empty()) return shape;
  // get_type_name() is "TYPE" followed by ":description" per validator.
  const std::string full = option.get_type_name();
  const std::string type = full.substr(0, full.find(':'));
  if (type == "INT" || type == "UINT" || type == "FLOAT" || type == "NUMBER") return "N";
  if (type == "TEXT" || type.empty()) {
    std::string word = value_word_in(option.get_description());
    return word.empty() ? "VALUE" : word;
  }
  return type;
}

ValueKind kind_of(const std::string& metavariable) {
  if (metavariable == "DIR" || metavariable == "DIRS") return ValueKind::directory;
  // A string of unknown meaning completes as a file name, as a shell does by default.
  if (metavariable == "FILE" || metavariable == "FILES" || metavariable == "PATH" ||
      metavariable == "PATHS" || metavariable == "VALUE")
    return ValueKind::file;
  return ValueKind::text;
}

std::vector<std::string> names_of(const CLI::Option& option) {
  std::vector<std::string> names;
  for (const std::string& name : option.get_snames()) names.push_back("-" + name);
  for (const std::string& name : option.get_lnames()) names.push_back("--" + name);
  return names;
}

OptionReference describe_option(CLI::Option& option, const CLI::App& command) {
  OptionReference out;
  for (const std::string& name : option.get_snames()) out.short_names.push_back("-" + name);
  for (const std::string& name : option.get_lnames()) out.long_names.push_back("--" + name);
  if (option.get_positional() && !option.nonpositional())
    out.positional_name = option.get_name(true);
  out.description = option.get_description();
  out.default_value = option.get_default_str();
  out.required = option.get_required();
  out.builtin = &option == command.get_help_ptr() || &option == command.get_version_ptr();
  for (const CLI::Option* excluded : option.get_excludes()) {
    for (std::string& name : names_of(*excluded)) out.excludes.push_back(std::move(name));
  }
  std::sort(out.excludes.begin(), out.excludes.end());   // a std::set of pointers has no order
  if (option.get_items_expected_max() == 0) return out;  // a flag

  const std::vector<std::string> descriptions = validator_descriptions(option);
  out.repeatable = option.get_items_expected_max() > 1;
  out.choices = choices_in(descriptions);
  if (!out.choices.empty()) {
    out.value = ValueKind::choice;
    std::string joined;
    for (const std::string& choice : out.choices) joined += (joined.empty() ? "" : "|") + choice;
    out.metavariable = out.positional() ? upper(option.get_name(true)) : joined;
  } else {
    out.metavariable = metavariable_of(option, descriptions);
    out.value = kind_of(out.metavariable);
  }
  return out;
}

// Footers are written as paragraphs; the one headed "Examples:" lists one example per line.
void read_footer(const std::string& footer, std::vector<std::string>& examples,
                 std::vector<std::string>& notes) {
  for (const std::string& paragraph : split(footer, "\n\n")) {
    std::vector<std::string> lines = split(paragraph, "\n");
    const std::string heading = lines.empty() ? std::string() : trim(lines.front());
    if (heading == "Examples:" || heading == "Example:") {
      for (std::size_t i = 1; i < lines.size(); ++i)
        if (std::string example = trim(lines[i]); !example.empty())
          examples.push_back(std::move(example));
      continue;
    }
    std::string note;
    for (const std::string& line : lines)
      if (std::string text = trim(line); !text.empty()) note += (note.empty() ? "" : " ") + text;
    if (!note.empty()) notes.push_back(std::move(note));
  }
}

CommandReference describe_command(CLI::App& command) {
  CommandReference out;
  out.name = command.get_name();
  out.description = command.get_description();
  const std::function<bool(CLI::Option*)> visible = [](CLI::Option* option) {
    return !option->get_group().empty();  // CLI11 hides options of the empty group
  };
  for (CLI::Option* option : command.get_options(visible)) {
    OptionReference described = describe_option(*option, command);
    (described.positional() ? out.positionals : out.options).push_back(std::move(described));
  }
  read_footer(command.get_footer(), out.examples, out.notes);
  return out;
}

}  // namespace

std::vector<std::string> OptionReference::names() const {
  std::vector<std::string> all = short_names;
  all.insert(all.end(), long_names.begin(), long_names.end());
  return all;
}

ProgramReference describe_command_line(CLI::App& app) {
  ProgramReference out;
  out.name = app.get_name();
  out.summary = app.get_description();
  if (const std::string prefix = out.name + ": "; out.summary.rfind(prefix, 0) == 0)
    out.summary.erase(0, prefix.size());
  std::vector<std::string> no_examples;
  read_footer(app.get_footer(), no_examples, out.notes);
  const CommandReference top = describe_command(app);
  out.options = top.options;
  const std::function<bool(CLI::App*)> visible = [](CLI::App* command) {
    return !command->get_group().empty() && !command->get_disabled();
  };
  for (CLI::App* command : app.get_subcommands(visible))
    out.commands.push_back(describe_command(*command));
  return out;
}

}  // namespace iacscan::cli
