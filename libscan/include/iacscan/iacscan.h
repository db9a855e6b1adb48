/* iacscan.h: the C API of libiacscan, for programs in C and for other languages' foreign
 * function interfaces (Python ctypes, Go cgo, Rust bindgen...). C99; also compiles as C++.
 * docs/c-api.md is the guide; this header is the reference.
 *
 * Handles are opaque: iacscan_scanner (options and loaded rules; create once, scan many times)
 * and iacscan_result (what one scan found). Findings and diagnostics are borrowed views into
 * their result.
 *
 * Ownership:
 * - What a function named *_new or iacscan_scan_* returns is owned by the caller and freed with
 *   the matching *_free function. A char* returned by a function (reports, error messages) is
 *   owned by the caller and freed with iacscan_string_free, never with free().
 * - A const char* or const iacscan_finding* / const iacscan_diagnostic* returned by an accessor
 *   is borrowed: it stays valid, unchanged, until its result is freed. iacscan_version()'s
 *   string is static.
 * - Every *_free function accepts NULL.
 *
 * Errors: no C++ exception ever leaves the library. A function that creates something returns
 * NULL on failure and, when `error` is not NULL, sets *error to a message the caller frees with
 * iacscan_string_free (and to NULL on success). *error may also be NULL after a failure when
 * not even the message could be allocated. A NULL handle or a NULL required argument is a
 * failure, never a crash: creators report it through `error`, accessors return NULL (strings)
 * or 0 (numbers).
 *
 * Threads: a scanner is immutable once created; one scanner may run scans from several threads
 * at once. A result is never modified after it is returned, so its accessors may be called
 * from several threads at once as well; free it only when no thread uses it any more.
 */
#ifndef IACSCAN_IACSCAN_H
#define IACSCAN_IACSCAN_H

#include <stddef.h>
#include <stdint.h>

/* Marks the functions libiacscan.so exports; everything else in the library is hidden. */
#if defined(__GNUC__) || defined(__clang__)
#define IACSCAN_C_API __attribute__((visibility("default")))
#else
#define IACSCAN_C_API
#endif

/* The version of this C interface the caller was compiled against. It grows when a function
 * is added or a behaviour changes compatibly; a program compiled against ABI n works with a
 * library whose iacscan_c_abi_version() is n or higher. An incompatible change renames the
 * shared library (libiacscan.so.N) instead. */
#define IACSCAN_C_ABI_VERSION 1

#ifdef __cplusplus
extern "C" {
#endif

typedef struct iacscan_scanner iacscan_scanner;
typedef struct iacscan_result iacscan_result;
typedef struct iacscan_finding iacscan_finding;
typedef struct iacscan_diagnostic iacscan_diagnostic;

/* The same order and values as the C++ iacscan::Severity. */
typedef enum iacscan_severity {
  IACSCAN_SEVERITY_INFO = 0,
  IACSCAN_SEVERITY_LOW = 1,
  IACSCAN_SEVERITY_MEDIUM = 2,
  IACSCAN_SEVERITY_HIGH = 3,
  IACSCAN_SEVERITY_CRITICAL = 4
} iacscan_severity;

/* FAIL: the rule found the problem. REVIEW: the rule could not decide because a decisive value
 * is unknown; only produced with the option "report_unknowns": true, never counted as active. */
typedef enum iacscan_finding_kind {
  IACSCAN_FINDING_FAIL = 0,
  IACSCAN_FINDING_REVIEW = 1
} iacscan_finding_kind;

/* ERROR: the file could not be read or parsed, so the scan is incomplete. WARNING and NOTE
 * leave it complete. */
typedef enum iacscan_diagnostic_level {
  IACSCAN_DIAGNOSTIC_ERROR = 0,
  IACSCAN_DIAGNOSTIC_WARNING = 1,
  IACSCAN_DIAGNOSTIC_NOTE = 2
} iacscan_diagnostic_level;

/* A file given in memory. `path` is its display path, whose extension decides the format
 * (.tf, .tfvars, .tf.json, .yaml, .yml, .json, .template); Terraform files of one directory form
 * one module. `data` holds `size` bytes and need not be NUL-terminated. */
typedef struct iacscan_source {
  const char* path;
  const char* data;
  size_t size;
} iacscan_source;

/* --- Library ------------------------------------------------------------------------------ */

/* The library's version, "0.1.0" (static storage). */
IACSCAN_C_API const char* iacscan_version(void);
/* The IACSCAN_C_ABI_VERSION the loaded library implements. */
IACSCAN_C_API int iacscan_c_abi_version(void);

/* Frees a string returned by the library (a report, an error message). NULL is fine. */
IACSCAN_C_API void iacscan_string_free(char* text);

/* --- Scanner ------------------------------------------------------------------------------ */

/* Creates a scanner: loads the built-in rules and the options' policy folders and parameter
 * files. `options_json` is a JSON object whose keys are those of the configuration file
 * .iacscan.yaml (docs/configuration.md: "exclude", "organization", "rules", "limits",
 * "policy_dirs", "policy_types", "terraform", "cloudformation", "suppressions",
 * "account_rules", "version") plus "config" (the path of a configuration file applied first),
 * "jobs", "no_builtin_policies", "report_unknowns", "report_unused_suppressions" and "today"
 * (docs/c-api.md). NULL or "" means the defaults. An unknown key, a value of the wrong type,
 * invalid JSON, an unknown rule id or an invalid policy file is an error naming the key. */
IACSCAN_C_API iacscan_scanner* iacscan_scanner_new(const char* options_json, char** error);
IACSCAN_C_API void iacscan_scanner_free(iacscan_scanner* scanner);

/* --- Scanning ----------------------------------------------------------------------------- */

/* Scans `count` files or directories (recursively). A path that does not exist is an error
 * (NULL); a file that cannot be parsed is a diagnostic in the result, and the scan goes on. */
IACSCAN_C_API iacscan_result* iacscan_scan_paths(const iacscan_scanner* scanner,
                                                 const char* const* paths, size_t count,
                                                 char** error);
/* Scans `count` in-memory files; the library copies them, so they may be freed on return. */
IACSCAN_C_API iacscan_result* iacscan_scan_buffers(const iacscan_scanner* scanner,
                                                   const iacscan_source* sources, size_t count,
                                                   char** error);
IACSCAN_C_API void iacscan_result_free(iacscan_result* result);

/* --- Results as reports ------------------------------------------------------------------- */

/* The JSON report, byte for byte what `iacscan scan --format json` prints. */
IACSCAN_C_API char* iacscan_result_json(const iacscan_result* result, char** error);
/* A report in any format `iacscan scan --format` knows: "text" (without colour), "json",
 * "sarif", "junit", "markdown", "github". An unknown name is an error. */
IACSCAN_C_API char* iacscan_result_report(const iacscan_result* result, const char* format,
                                          char** error);

/* --- Results walked ----------------------------------------------------------------------- */

/* 1 when every file could be read and parsed (no error-level diagnostic), else 0. */
IACSCAN_C_API int iacscan_result_complete(const iacscan_result* result);
/* IaC files loaded (parsed or attempted). */
IACSCAN_C_API size_t iacscan_result_files_scanned(const iacscan_result* result);
/* The exit status `iacscan scan --fail-on fail_on` would return: 3 when the scan is incomplete,
 * else 1 when an active finding's severity is fail_on or higher, else 0 (-1 for NULL). */
IACSCAN_C_API int iacscan_result_exit_code(const iacscan_result* result, iacscan_severity fail_on);

/* Findings, sorted by path, line, column and rule; suppressed and review findings included
 * (see iacscan_finding_active). */
IACSCAN_C_API size_t iacscan_result_finding_count(const iacscan_result* result);
/* The finding at `index`, or NULL when index >= iacscan_result_finding_count(result). */
IACSCAN_C_API const iacscan_finding* iacscan_result_finding(const iacscan_result* result,
                                                            size_t index);

IACSCAN_C_API const char* iacscan_finding_rule_id(const iacscan_finding* finding);
IACSCAN_C_API iacscan_severity iacscan_finding_severity(const iacscan_finding* finding);
/* "info", "low", "medium", "high" or "critical". */
IACSCAN_C_API const char* iacscan_finding_severity_name(const iacscan_finding* finding);
IACSCAN_C_API iacscan_finding_kind iacscan_finding_kind_of(const iacscan_finding* finding);
IACSCAN_C_API const char* iacscan_finding_message(const iacscan_finding* finding);
/* Resource address ("aws_s3_bucket.logs", "LogsBucket"); "" for findings about a whole file or
 * the scanned set. */
IACSCAN_C_API const char* iacscan_finding_resource(const iacscan_finding* finding);
/* Native resource type ("aws_s3_bucket", "AWS::S3::Bucket"), or "". */
IACSCAN_C_API const char* iacscan_finding_resource_type(const iacscan_finding* finding);
/* The path as given to the scan (or relative to the current directory), '/'-separated. */
IACSCAN_C_API const char* iacscan_finding_path(const iacscan_finding* finding);
/* 1-based; columns count bytes and the end is inclusive. 0 when the finding has no position
 * (it is about the whole file or set). */
IACSCAN_C_API uint32_t iacscan_finding_start_line(const iacscan_finding* finding);
IACSCAN_C_API uint32_t iacscan_finding_start_column(const iacscan_finding* finding);
IACSCAN_C_API uint32_t iacscan_finding_end_line(const iacscan_finding* finding);
IACSCAN_C_API uint32_t iacscan_finding_end_column(const iacscan_finding* finding);
/* Stable across line moves: what baselines record. */
IACSCAN_C_API const char* iacscan_finding_fingerprint(const iacscan_finding* finding);
/* 1 when a suppression (a comment, CloudFormation Metadata, the configuration) covers it. */
IACSCAN_C_API int iacscan_finding_suppressed(const iacscan_finding* finding);
/* 1 when it counts against the scan: a failure (not a review) that is not suppressed. */
IACSCAN_C_API int iacscan_finding_active(const iacscan_finding* finding);

/* Diagnostics: files that could not be read or parsed, and warnings about the sources. */
IACSCAN_C_API size_t iacscan_result_diagnostic_count(const iacscan_result* result);
IACSCAN_C_API const iacscan_diagnostic* iacscan_result_diagnostic(const iacscan_result* result,
                                                                  size_t index);

/* "parse-error", "read-error", "limit-exceeded", "duplicate-key", "not-loaded",
 * "invalid-template" or "invalid-suppression". */
IACSCAN_C_API const char* iacscan_diagnostic_code(const iacscan_diagnostic* diagnostic);
IACSCAN_C_API iacscan_diagnostic_level
iacscan_diagnostic_level_of(const iacscan_diagnostic* diagnostic);
/* "error", "warning" or "note". */
IACSCAN_C_API const char* iacscan_diagnostic_level_name(const iacscan_diagnostic* diagnostic);
IACSCAN_C_API const char* iacscan_diagnostic_message(const iacscan_diagnostic* diagnostic);
IACSCAN_C_API const char* iacscan_diagnostic_path(const iacscan_diagnostic* diagnostic);
/* 1-based; 0 when the diagnostic is about the whole file. */
IACSCAN_C_API uint32_t iacscan_diagnostic_line(const iacscan_diagnostic* diagnostic);
IACSCAN_C_API uint32_t iacscan_diagnostic_column(const iacscan_diagnostic* diagnostic);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* IACSCAN_IACSCAN_H */
