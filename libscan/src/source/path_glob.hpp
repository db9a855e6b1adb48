// Path globs as users write them in configuration (`org/scps/**`, `*.scp.json`): matched
// against a file's display path, '/' separated.
#pragma once

#include <string_view>

namespace iacscan::detail {

// `*` matches any characters but '/', `?` one character but '/', `**` as a whole segment any
// number of segments (zero included), and a trailing `/**` everything below a directory.
// A pattern without '/' matches the last segment (the file name) of any path, as in
// .gitignore. A leading "./" in either is ignored. Case-sensitive.
bool path_glob_match(std::string_view pattern, std::string_view path);

}  // namespace iacscan::detail
