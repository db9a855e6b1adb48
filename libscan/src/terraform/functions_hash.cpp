// Hash and UUID functions: md5, sha1, sha256, sha512, base64sha256, base64sha512, bcrypt,
// uuid, uuidv5. Digests are of the string's UTF-8 bytes, printed as Terraform prints them.
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <string_view>

#include "terraform/function_groups.hpp"
#include "terraform/function_support.hpp"
#include "terraform/hash_digest.hpp"

namespace iacscan::detail::tf {
namespace {

using Digest = std::string (*)(std::string_view);

template <Digest digest>
Value hex_digest_of_argument(FunctionCall& call) {
  return Value::string(hex_encode(digest(expect_string(call, 0))));
}

template <Digest digest>
Value base64_digest_of_argument(FunctionCall& call) {
  return Value::string(base64_encode(digest(expect_string(call, 0))));
}

Value bcrypt(FunctionCall& call) {
  expect_string(call, 0);
  // Costs below the minimum fall back to the default, as in Go's bcrypt; above it fail.
  if (call.args.size() > 1) {
    const std::int64_t cost = expect_integer(call, 1);
    if (cost > 31)
      fail("crypto/bcrypt: cost " + std::to_string(cost) + " is outside allowed range (4,31)");
  }
  // bcrypt salts every hash at random, so each run yields a different string.
  return Value::unknown("bcrypt uses a random salt: the hash is known only when applied",
                        call.span);
}

Value uuid(FunctionCall& call) {
  return Value::unknown("uuid() is random: not known until apply", call.span);
}

using UuidBytes = std::array<unsigned char, 16>;

int hex_value(char ch) {
  if (ch >= '0' && ch <= '9') return ch - '0';
  if (ch >= 'a' && ch <= 'f') return ch - 'a' + 10;
  if (ch >= 'A' && ch <= 'F') return ch - 'A' + 10;
  return -1;
}

// A namespace UUID in the spellings Terraform's UUID library accepts: canonical with
// dashes, braced, "urn:uuid:" prefixed, or 32 bare hex digits. nullopt with `error` set
// otherwise.
std::optional<UuidBytes> parse_uuid(std::string_view text, std::string& error) {
  constexpr std::string_view kUrnPrefix = "urn:uuid:";
  std::string_view body = text;
  if (text.size() == 36 + kUrnPrefix.size()) {
    for (std::size_t i = 0; i < kUrnPrefix.size(); ++i) {
      if (std::tolower(static_cast<unsigned char>(text[i])) != kUrnPrefix[i]) {
        error = "invalid urn prefix: \"" + std::string(text.substr(0, kUrnPrefix.size())) + "\"";
        return std::nullopt;
      }
    }
    body = text.substr(kUrnPrefix.size());
  } else if (text.size() == 38) {
    if (text.front() != '{' || text.back() != '}') {
      error = "invalid UUID format";
      return std::nullopt;
    }
    body = text.substr(1, 36);
  } else if (text.size() != 36 && text.size() != 32) {
    error = "invalid UUID length: " + std::to_string(text.size());
    return std::nullopt;
  }
  std::string digits;
  for (std::size_t i = 0; i < body.size(); ++i) {
    const bool dash_position = body.size() == 36 && (i == 8 || i == 13 || i == 18 || i == 23);
    if (dash_position != (body[i] == '-') || (!dash_position && hex_value(body[i]) < 0)) {
      error = "invalid UUID format";
      return std::nullopt;
    }
    if (!dash_position) digits.push_back(body[i]);
  }
  UuidBytes bytes;
  for (std::size_t i = 0; i < 16; ++i)
    bytes[i] =
        static_cast<unsigned char>(hex_value(digits[2 * i]) * 16 + hex_value(digits[2 * i + 1]));
  return bytes;
}

std::string format_uuid(const UuidBytes& bytes) {
  std::string raw(bytes.begin(), bytes.end());
  const std::string hex = hex_encode(raw);
  return hex.substr(0, 8) + "-" + hex.substr(8, 4) + "-" + hex.substr(12, 4) + "-" +
         hex.substr(16, 4) + "-" + hex.substr(20);
}

// RFC 4122 appendix C's predefined namespaces, by the names Terraform gives them.
std::optional<std::string_view> named_namespace(std::string_view name) {
  if (name == "dns") return "6ba7b810-9dad-11d1-80b4-00c04fd430c8";
  if (name == "url") return "6ba7b811-9dad-11d1-80b4-00c04fd430c8";
  if (name == "oid") return "6ba7b812-9dad-11d1-80b4-00c04fd430c8";
  if (name == "x500") return "6ba7b814-9dad-11d1-80b4-00c04fd430c8";
  return std::nullopt;
}

// RFC 4122 section 4.3: a name-based UUID from the SHA-1 of namespace bytes + name.
Value uuidv5(FunctionCall& call) {
  const std::string namespace_text = expect_string(call, 0);
  const std::string name = expect_string(call, 1);
  std::string error;
  const auto named = named_namespace(namespace_text);
  const auto space = parse_uuid(named ? *named : std::string_view(namespace_text), error);
  if (!space) fail("uuidv5() doesn't support namespace " + namespace_text + " (" + error + ")");
  std::string input(space->begin(), space->end());
  input += name;
  const std::string hash = sha1_digest(input);
  UuidBytes result;
  for (std::size_t i = 0; i < 16; ++i) result[i] = static_cast<unsigned char>(hash[i]);
  result[6] = static_cast<unsigned char>((result[6] & 0x0F) | 0x50);  // version 5
  result[8] = static_cast<unsigned char>((result[8] & 0x3F) | 0x80);  // RFC 4122 variant
  return Value::string(format_uuid(result));
}

}  // namespace

std::vector<FunctionSpec> hash_functions() {
  return {
      {"base64sha256", base64_digest_of_argument<sha256_digest>, 1, 1, false},
      {"base64sha512", base64_digest_of_argument<sha512_digest>, 1, 1, false},
      {"bcrypt", bcrypt, 1, 2, false},
      {"md5", hex_digest_of_argument<md5_digest>, 1, 1, false},
      {"sha1", hex_digest_of_argument<sha1_digest>, 1, 1, false},
      {"sha256", hex_digest_of_argument<sha256_digest>, 1, 1, false},
      {"sha512", hex_digest_of_argument<sha512_digest>, 1, 1, false},
      {"uuid", uuid, 0, 0, false},
      {"uuidv5", uuidv5, 2, 2, false},
  };
}

}  // namespace iacscan::detail::tf
