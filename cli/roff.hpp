// Escaping text for roff (the man page): a backslash, a control character ('.' or '\'') at
// the start of a line, minus signs in options and commands (\-, so that they copy as ASCII
// hyphen-minus), and characters outside ASCII (\[uXXXX], so no input encoding is assumed).
#pragma once

#include <string>
#include <string_view>

namespace iacscan::cli::roff {

// Code (commands, flags, file names, examples): every '-' is a minus sign.
std::string code(std::string_view text);
// Prose: '-' is a minus sign only in words that start with one ("--fail-on"), a hyphen
// elsewhere ("account-scope"); `backquoted` spans become bold code.
std::string prose(std::string_view text);
// An argument of a macro line, quoted: .SS "iacscan scan [options] PATHS..."
std::string macro_argument(std::string_view escaped);
// Escaped text split into input lines, each protected from being read as a request.
std::string text_lines(std::string_view escaped);

}  // namespace iacscan::cli::roff
