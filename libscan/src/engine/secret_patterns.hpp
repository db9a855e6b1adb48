// What secrets look like: AWS access keys, private key blocks, `password=...` assignments, and
// names that announce a secret (DB_PASSWORD, GitHubToken, api_key). The secrets rules' built-in
// predicates (secret_predicates.hpp) apply these to configuration values. Heuristics lean
// towards silence: a value that merely points at a secret store (an ARN, an SSM path, a
// reference) or that is a flag or a count is never a secret.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace iacscan::detail::secrets {

enum class SecretKind { aws_access_key_id, aws_secret_access_key, private_key, password };

struct SecretHit {
  SecretKind kind = SecretKind::password;
  std::size_t offset = 0;  // of the secret value (or the key block) in the scanned text
  std::size_t length = 0;
  std::string name;  // assignments: the name the value is assigned to
};

// "AWS access key id", "private key", ...
std::string_view describe(SecretKind kind);

// A form of a secret safe to print in a report: its first four characters, stars, and its
// last `keep_end` characters (an access key id's end tells which key to rotate; the id alone
// grants nothing).
std::string redact(std::string_view secret, std::size_t keep_end = 0);

// The words of an identifier, lower-cased: "DBMasterPassword" → db, master, password;
// "aws_secret_access_key" → aws, secret, access, key; "APIKey2" → api, key, 2.
std::vector<std::string> name_words(std::string_view name);

// Whether a name announces a secret: a secret word (password, passwd, pwd, pass, passphrase,
// secret, secrets, token, credential(s), creds, api key, private key) that only words naming
// the secret's form (key, value, string, pem, base64 ...) follow. SECRET_ARN, TOKEN_URL,
// PASSWORD_LENGTH, DB_PASSWORD_PARAM name something else.
bool is_secret_name(std::string_view name);

// Whether a name is that of an AWS secret access key: secret_key, SecretAccessKey,
// aws_secret_access_key, AWS_SECRET_KEY.
bool is_secret_access_key_name(std::string_view name);

// Whether a known value could be a secret rather than a flag, a count or a pointer to where
// the secret is kept: not empty, not true/false/yes/no/..., not a number, not an ARN, an SSM
// parameter path or a dynamic reference.
bool looks_like_secret_value(std::string_view value);

// Exactly an AWS access key id: AKIA (long-term) or ASIA (temporary) and 16 more characters
// of [A-Z0-9]. AWS documentation examples (containing "EXAMPLE") are not keys.
bool is_aws_access_key_id(std::string_view text);
// 40 characters of the base64 alphabet mixing letters and digits, not a documentation example.
bool is_aws_secret_access_key(std::string_view text);

// Searches of free text (user data, a configuration file written by a script), in text order.
// Access key ids standing alone (not inside a longer word).
std::vector<SecretHit> find_aws_access_key_ids(std::string_view text);
// `name = value` / `name: value` / `"name": "value"` assignments, one per line at most:
// secret access keys under a secret-key name, and literal values under a secret name.
std::vector<SecretHit> find_secret_assignments(std::string_view text);
// -----BEGIN ... PRIVATE KEY----- blocks (RSA, EC, DSA, OPENSSH, ENCRYPTED, PGP ... BLOCK).
std::vector<SecretHit> find_private_keys(std::string_view text);
// All of the above, in text order.
std::vector<SecretHit> find_credentials(std::string_view text);

// The text a base64 string encodes, when the whole string is base64 of printable UTF-8 text
// (user data is sent base64-encoded); nullopt otherwise.
std::optional<std::string> decode_base64_text(std::string_view text);

}  // namespace iacscan::detail::secrets
