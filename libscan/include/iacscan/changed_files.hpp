// Scanning what a change touches (pre-commit hooks, editors, review bots): the changed files are
// evaluated in the context they are deployed in, and only findings about them are reported.
//
// A Terraform file means nothing on its own: its values come from variable declarations,
// terraform.tfvars and locals in other files of its directory. So each changed Terraform file
// (.tf, .tf.json, .tfvars, .tfvars.json) brings in every Terraform file of its directory (its
// module; local modules it calls load as in any scan), and a changed CloudFormation template or
// policy file is scanned with the Scanner's parameter values and files. A finding is kept when
// it touches a changed file: its location, or a related location (the terraform.tfvars line a
// public ACL came from makes a finding in main.tf a finding about terraform.tfvars; a module
// block makes the findings in the module instance it creates findings about its file).
//
// Findings about the scanned set as a whole (account rules) point at a directory, never at a
// changed file, so they are dropped; create the Scanner with ScanOptions::account_rules off.
// Diagnostics are all kept: a file of the module that failed to load may hide findings about
// the changed ones.
//
// Known limits: a changed file in a child module is evaluated as its own root (its callers are
// not searched for), and a change to a parameters file or a var file given in the options
// alone scans nothing, since no template or module is named. A full scan in CI covers both.
//
// Free functions of their arguments only: thread-safe.
#pragma once

#include <string>
#include <vector>

#include "iacscan/export.hpp"
#include "iacscan/finding.hpp"
#include "iacscan/result.hpp"
#include "iacscan/scan_result.hpp"
#include "iacscan/scanner.hpp"

namespace iacscan {

// What to scan for a set of changed files, and which files the findings must touch.
struct ChangedFilesScope {
  // The paths to give Scanner::scan: every Terraform file in the directory of each changed
  // Terraform file, and every other changed IaC file; sorted, without repetitions.
  std::vector<std::string> scan_paths;
  // The changed files kept, spelled as reports spell paths ("infra/main.tf", no "./"); sorted.
  std::vector<std::string> changed_paths;
};

// Files that do not exist (deleted by the change), that are not regular files, whose names no
// IaC extension ends (README.md, a script), or that match one of the `exclude` globs (as in
// ScanOptions::exclude, matched against the path as given, so relative to the current
// directory) are left out silently. Reads directory listings, nothing else.
IACSCAN_API ChangedFilesScope changed_files_scope(const std::vector<std::string>& changed_files,
                                                  const std::vector<std::string>& exclude = {});

// Whether the finding's location or one of its related locations is in a changed file.
IACSCAN_API bool touches_changed_files(const Finding& finding, const ChangedFilesScope& scope);

// Removes the findings that touch no changed file from `result`.
IACSCAN_API void keep_changed_file_findings(ScanResult& result, const ChangedFilesScope& scope);

// changed_files_scope, Scanner::scan of its paths, keep_changed_file_findings. With no IaC file
// among the changed ones, an empty result (with the scanner's rules) rather than an Error.
IACSCAN_API Result<ScanResult> scan_changed_files(const Scanner& scanner,
                                                  const std::vector<std::string>& changed_files,
                                                  const std::vector<std::string>& exclude = {});

}  // namespace iacscan
