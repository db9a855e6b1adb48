// File and path functions. Files are read only through the FunctionEnvironment, which
// confines them to the scanned tree; what depends on the machine running Terraform (its
// working directory, home directory, a directory listing) is unknown.
#include <string>
#include <string_view>
#include <vector>

#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"
#include "terraform/hash_digest.hpp"
#include "value/json_reader.hpp"

namespace iacscan::detail::tf {
namespace {

std::string read_argument_file(FunctionCall& call) {
  const std::string path = expect_string(call, 0);
  std::string error;
  std::optional<std::string> content = call.env.read_file(path, error);
  if (!content) fail(error.empty() ? "cannot read " + path : error);
  return std::move(*content);
}

Value file(FunctionCall& call) {
  std::string content = read_argument_file(call);
  if (!is_valid_utf8(content))
    fail("contents of " + expect_string(call, 0) +
         " are not valid UTF-8; use the filebase64 function to obtain the Base64 encoded "
         "contents or the other file functions (e.g. filemd5, filesha256) to obtain file "
         "hashing results instead");
  return Value::string(std::move(content));
}

Value fileexists(FunctionCall& call) {
  return Value::boolean(call.env.file_exists(expect_string(call, 0)));
}

Value filebase64(FunctionCall& call) {
  return Value::string(base64_encode(read_argument_file(call)));
}

using Digest = std::string (*)(std::string_view);

template <Digest digest>
Value file_hex_digest(FunctionCall& call) {
  return Value::string(hex_encode(digest(read_argument_file(call))));
}

template <Digest digest>
Value file_base64_digest(FunctionCall& call) {
  return Value::string(base64_encode(digest(read_argument_file(call))));
}

// HCL identifiers: a letter or underscore, then letters, digits, underscores and dashes.
// Bytes above ASCII are let through: HCL allows Unicode letters there.
bool is_identifier(std::string_view name) {
  if (name.empty()) return false;
  auto letter = [](unsigned char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' || ch >= 0x80;
  };
  if (!letter(static_cast<unsigned char>(name[0]))) return false;
  for (char ch : name) {
    const auto byte = static_cast<unsigned char>(ch);
    if (!letter(byte) && !(byte >= '0' && byte <= '9') && byte != '-') return false;
  }
  return true;
}

// Sees unknown arguments itself: a template can still render around unknown variables.
Value templatefile(FunctionCall& call) {
  const Value& path = arg(call, 0);
  const Value& variables = arg(call, 1);
  if (path.is_unknown() || variables.is_unknown())
    return Value::unknown("templatefile of an unknown path or variables", call.span);
  if (!variables.is_map()) fail("invalid vars value: must be a map");
  for (const Value::Entry& entry : variables.entries())
    if (!is_identifier(entry.key))
      fail("invalid template variable name \"" + entry.key +
           "\": must start with a letter, followed by zero or more letters, digits, and "
           "underscores");
  const std::string text = read_argument_file(call);
  return call.env.render_template(text, variables, call.span);
}

Value fileset(FunctionCall& call) {
  expect_string(call, 0);
  expect_string(call, 1);
  return Value::unknown("fileset needs a directory listing, which the scan does not make",
                        call.span);
}

// Go's filepath.Clean for slash-separated paths: drops empty and "." elements, resolves
// ".." lexically, never climbs above the root.
std::string clean_path(std::string_view path) {
  if (path.empty()) return ".";
  const bool rooted = path.front() == '/';
  std::vector<std::string_view> parts;
  for (std::size_t start = 0; start <= path.size();) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    const std::string_view part = path.substr(start, end - start);
    if (part == "..") {
      if (!parts.empty() && parts.back() != "..") {
        parts.pop_back();
      } else if (!rooted) {
        parts.push_back(part);
      }
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    start = end + 1;
  }
  std::string out = rooted ? "/" : "";
  for (std::size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += '/';
    out += parts[i];
  }
  return out.empty() ? "." : out;
}

Value abspath(FunctionCall& call) {
  const std::string path = expect_string(call, 0);
  if (path.empty() || path.front() != '/')
    return Value::unknown("abspath of a relative path depends on where Terraform runs", call.span);
  return Value::string(clean_path(path));
}

Value dirname(FunctionCall& call) {
  const std::string path = expect_string(call, 0);
  const std::size_t slash = path.rfind('/');
  return Value::string(clean_path(slash == std::string::npos ? "" : path.substr(0, slash + 1)));
}

Value basename(FunctionCall& call) {
  const std::string text = expect_string(call, 0);
  std::string_view path = text;
  if (path.empty()) return Value::string(".");
  while (path.size() > 1 && path.back() == '/') path.remove_suffix(1);
  if (path == "/") return Value::string("/");
  const std::size_t slash = path.rfind('/');
  return Value::string(
      std::string(slash == std::string_view::npos ? path : path.substr(slash + 1)));
}

Value pathexpand(FunctionCall& call) {
  const std::string path = expect_string(call, 0);
  if (path.empty() || path.front() != '~') return Value::string(path);
  if (path.size() > 1 && path[1] != '/' && path[1] != '\\')
    fail("cannot expand user-specific home dir");
  return Value::unknown("pathexpand of \"~\" depends on the home directory of the machine",
                        call.span);
}

}  // namespace

std::vector<FunctionSpec> filesystem_functions() {
  return {
      {"abspath", abspath, 1, 1, false},
      {"basename", basename, 1, 1, false},
      {"dirname", dirname, 1, 1, false},
      {"file", file, 1, 1, false},
      {"filebase64", filebase64, 1, 1, false},
      {"filebase64sha256", file_base64_digest<sha256_digest>, 1, 1, false},
      {"filebase64sha512", file_base64_digest<sha512_digest>, 1, 1, false},
      {"fileexists", fileexists, 1, 1, false},
      {"filemd5", file_hex_digest<md5_digest>, 1, 1, false},
      {"fileset", fileset, 2, 2, false},
      {"filesha1", file_hex_digest<sha1_digest>, 1, 1, false},
      {"filesha256", file_hex_digest<sha256_digest>, 1, 1, false},
      {"filesha512", file_hex_digest<sha512_digest>, 1, 1, false},
      {"pathexpand", pathexpand, 1, 1, false},
      {"templatefile", templatefile, 2, 2, true},
  };
}

}  // namespace iacscan::detail::tf
