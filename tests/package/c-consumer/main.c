/* A C99 program using the C API the way another language's binding would: creates a scanner
 * from JSON options, scans a path and an in-memory file, walks the findings, renders a
 * report, frees everything. Succeeds only when the expected rule fired in both scans.
 *   c-consumer RULE_ID PATH */
#include <stdio.h>
#include <string.h>

#include <iacscan/iacscan.h>

static int report_error(const char* what, char* error) {
  fprintf(stderr, "%s: %s\n", what, error ? error : "(no message)");
  iacscan_string_free(error);
  return 2;
}

/* Prints every finding; returns 1 when one of them is `rule_id`. */
static int walk_findings(const iacscan_result* result, const char* rule_id) {
  int found = 0;
  size_t i;
  for (i = 0; i < iacscan_result_finding_count(result); ++i) {
    const iacscan_finding* finding = iacscan_result_finding(result, i);
    printf("%s %s %s:%u\n", iacscan_finding_severity_name(finding),
           iacscan_finding_rule_id(finding), iacscan_finding_path(finding),
           (unsigned)iacscan_finding_start_line(finding));
    if (strcmp(iacscan_finding_rule_id(finding), rule_id) == 0) found = 1;
  }
  return found;
}

int main(int argc, char** argv) {
  static const char bucket[] =
      "resource \"aws_s3_bucket\" \"site\" {\n"
      "  bucket = \"site\"\n"
      "  acl    = \"public-read\"\n"
      "}\n";
  const char* paths[1];
  iacscan_source source;
  iacscan_scanner* scanner;
  iacscan_result* on_disk;
  iacscan_result* in_memory;
  char* error = NULL;
  char* sarif;
  int found_on_disk, found_in_memory;

  if (argc != 3) {
    fprintf(stderr, "usage: %s RULE_ID PATH\n", argv[0]);
    return 2;
  }
  if (iacscan_c_abi_version() < IACSCAN_C_ABI_VERSION) {
    fprintf(stderr, "libiacscan is older than this program's header\n");
    return 2;
  }
  scanner = iacscan_scanner_new(
      "{\"jobs\": 2, \"rules\": {\"s3-bucket-versioning\": {\"enabled\": false}}}", &error);
  if (!scanner) return report_error("scanner", error);

  paths[0] = argv[2];
  on_disk = iacscan_scan_paths(scanner, paths, 1, &error);
  if (!on_disk) {
    iacscan_scanner_free(scanner);
    return report_error("scan", error);
  }
  source.path = "memory/main.tf";
  source.data = bucket;
  source.size = sizeof bucket - 1;
  in_memory = iacscan_scan_buffers(scanner, &source, 1, &error);
  if (!in_memory) {
    iacscan_result_free(on_disk);
    iacscan_scanner_free(scanner);
    return report_error("scan buffers", error);
  }

  found_on_disk = walk_findings(on_disk, argv[1]);
  found_in_memory = walk_findings(in_memory, argv[1]);
  sarif = iacscan_result_report(on_disk, "sarif", &error);
  if (!sarif) {
    found_on_disk = 0;
    report_error("sarif", error);
  } else {
    printf("iacscan %s: SARIF %lu bytes, complete %d\n", iacscan_version(),
           (unsigned long)strlen(sarif), iacscan_result_complete(on_disk));
    iacscan_string_free(sarif);
  }

  iacscan_result_free(in_memory);
  iacscan_result_free(on_disk);
  iacscan_scanner_free(scanner);
  return found_on_disk && found_in_memory ? 0 : 1;
}
