#!/usr/bin/env python3
"""The C API through the real shared library, as another language's program uses it.

    python3 tests/capi/ctypes_test.py /path/to/libiacscan.so.0 /path/to/source-dir

Loads the library with ctypes, scans a fixture by path and a Terraform file from memory, checks
findings, reports, diagnostics and errors, and checks the library's exports: every function
iacscan.h declares is exported, and the library's internals (iacscan::detail, the bundled
tree-sitter) are not. Exits non-zero on any failure.
"""

import ctypes
import json
import os
import re
import shutil
import subprocess
import sys
import threading

FAILURES = []


def check(condition, what):
    if condition:
        print(f"ok    {what}")
    else:
        print(f"FAIL  {what}")
        FAILURES.append(what)


def declared_functions(header_text):
    """Every function iacscan.h declares: what follows IACSCAN_C_API up to the '('."""
    code = re.sub(r"/\*.*?\*/", "", header_text, flags=re.S)
    code = "\n".join(line for line in code.splitlines() if not line.lstrip().startswith("#"))
    declarations = re.findall(r"IACSCAN_C_API\s+([^;{]*?)\(", code)
    return sorted({re.findall(r"\b(iacscan_\w+)\s*$", d.strip())[0] for d in declarations})


def bind(lib):
    """argtypes and restype of every function, so ctypes converts (and never truncates) values."""
    p, i, sz, u32 = ctypes.c_void_p, ctypes.c_int, ctypes.c_size_t, ctypes.c_uint32
    text = ctypes.c_char_p  # borrowed strings
    error = ctypes.POINTER(ctypes.c_void_p)  # char** error: the message is freed by us
    signatures = {
        "iacscan_version": ([], text),
        "iacscan_c_abi_version": ([], i),
        "iacscan_string_free": ([p], None),
        "iacscan_scanner_new": ([text, error], p),
        "iacscan_scanner_free": ([p], None),
        "iacscan_scan_paths": ([p, ctypes.POINTER(ctypes.c_char_p), sz, error], p),
        "iacscan_scan_buffers": ([p, ctypes.POINTER(Source), sz, error], p),
        "iacscan_result_free": ([p], None),
        # Owned strings come back as void* so that we keep the pointer to free.
        "iacscan_result_json": ([p, error], p),
        "iacscan_result_report": ([p, text, error], p),
        "iacscan_result_complete": ([p], i),
        "iacscan_result_files_scanned": ([p], sz),
        "iacscan_result_exit_code": ([p, i], i),
        "iacscan_result_finding_count": ([p], sz),
        "iacscan_result_finding": ([p, sz], p),
        "iacscan_finding_rule_id": ([p], text),
        "iacscan_finding_severity": ([p], i),
        "iacscan_finding_severity_name": ([p], text),
        "iacscan_finding_kind_of": ([p], i),
        "iacscan_finding_message": ([p], text),
        "iacscan_finding_resource": ([p], text),
        "iacscan_finding_resource_type": ([p], text),
        "iacscan_finding_path": ([p], text),
        "iacscan_finding_start_line": ([p], u32),
        "iacscan_finding_start_column": ([p], u32),
        "iacscan_finding_end_line": ([p], u32),
        "iacscan_finding_end_column": ([p], u32),
        "iacscan_finding_fingerprint": ([p], text),
        "iacscan_finding_suppressed": ([p], i),
        "iacscan_finding_active": ([p], i),
        "iacscan_result_diagnostic_count": ([p], sz),
        "iacscan_result_diagnostic": ([p, sz], p),
        "iacscan_diagnostic_code": ([p], text),
        "iacscan_diagnostic_level_of": ([p], i),
        "iacscan_diagnostic_level_name": ([p], text),
        "iacscan_diagnostic_message": ([p], text),
        "iacscan_diagnostic_path": ([p], text),
        "iacscan_diagnostic_line": ([p], u32),
        "iacscan_diagnostic_column": ([p], u32),
    }
    for name, (argtypes, restype) in signatures.items():
        function = getattr(lib, name)
        function.argtypes = argtypes
        function.restype = restype
    return signatures


class Source(ctypes.Structure):
    _fields_ = [("path", ctypes.c_char_p), ("data", ctypes.c_char_p), ("size", ctypes.c_size_t)]


class Api:
    """Small Pythonic wrappers that free what they are given."""

    def __init__(self, lib):
        self.lib = lib

    def take_string(self, pointer):
        if not pointer:
            return None
        try:
            return ctypes.string_at(pointer).decode("utf-8")
        finally:
            self.lib.iacscan_string_free(pointer)

    def call(self, function, *args):
        """Calls a function with a trailing char** error; returns (value, error message)."""
        error = ctypes.c_void_p()
        value = function(*args, ctypes.byref(error))
        return value, self.take_string(error.value)

    def scanner(self, options):
        return self.call(self.lib.iacscan_scanner_new, options)

    def scan_paths(self, scanner, paths):
        array = (ctypes.c_char_p * len(paths))(*[p.encode() for p in paths])
        return self.call(self.lib.iacscan_scan_paths, scanner, array, len(paths))

    def scan_buffers(self, scanner, files):
        contents = [(path.encode(), data) for path, data in files]  # kept alive during the call
        array = (Source * len(contents))(*[Source(p, d, len(d)) for p, d in contents])
        return self.call(self.lib.iacscan_scan_buffers, scanner, array, len(contents))

    def findings(self, result):
        lib = self.lib
        out = []
        for index in range(lib.iacscan_result_finding_count(result)):
            f = lib.iacscan_result_finding(result, index)
            out.append({
                "rule": lib.iacscan_finding_rule_id(f).decode(),
                "severity": lib.iacscan_finding_severity_name(f).decode(),
                "severity_value": lib.iacscan_finding_severity(f),
                "path": lib.iacscan_finding_path(f).decode(),
                "line": lib.iacscan_finding_start_line(f),
                "column": lib.iacscan_finding_start_column(f),
                "resource": lib.iacscan_finding_resource(f).decode(),
                "message": lib.iacscan_finding_message(f).decode(),
                "active": lib.iacscan_finding_active(f),
            })
        return out

    def diagnostics(self, result):
        lib = self.lib
        out = []
        for index in range(lib.iacscan_result_diagnostic_count(result)):
            d = lib.iacscan_result_diagnostic(result, index)
            out.append({
                "code": lib.iacscan_diagnostic_code(d).decode(),
                "level": lib.iacscan_diagnostic_level_name(d).decode(),
                "path": lib.iacscan_diagnostic_path(d).decode(),
                "line": lib.iacscan_diagnostic_line(d),
            })
        return out


PUBLIC_BUCKET = b'''resource "aws_s3_bucket" "site" {
  bucket = "www-example"
  acl    = "public-read"
}
'''


def test_version(api, source_dir, header_text):
    lib = api.lib
    cmake = open(os.path.join(source_dir, "CMakeLists.txt"), encoding="utf-8").read()
    project_version = re.search(r"project\(iacscan VERSION ([0-9.]+)", cmake).group(1)
    check(lib.iacscan_version().decode() == project_version,
          f"iacscan_version() is the project version {project_version}")
    abi = int(re.search(r"#define IACSCAN_C_ABI_VERSION (\d+)", header_text).group(1))
    check(lib.iacscan_c_abi_version() == abi, f"iacscan_c_abi_version() is {abi}, as iacscan.h says")


def test_options_errors(api):
    scanner, error = api.scanner(b'{"exlude": ["test/**"]}')
    check(not scanner, "an unknown options key: no scanner")
    check(error is not None and 'unknown key "exlude"' in error and '"exclude"' in error,
          f"an unknown options key names it and suggests the right one: {error!r}")
    scanner, error = api.scanner(b'{"jobs": ')
    check(not scanner and error is not None and "invalid JSON" in error,
          f"invalid JSON is an error: {error!r}")


def test_scan_path(api, scanner, source_dir):
    lib = api.lib
    fixture = os.path.join(source_dir, "fixtures", "terraform", "s3-public-acl-v3")
    result, error = api.scan_paths(scanner, [fixture])
    check(result and error is None, f"scanning {fixture} gives a result ({error!r})")
    if not result:
        return
    try:
        acl = [f for f in api.findings(result) if f["rule"] == "s3-bucket-public-acl"]
        lines = sorted(f["line"] for f in acl)
        check(lines == [4, 12], f"s3-bucket-public-acl at lines 4 and 12 of the fixture: {lines}")
        check(all(f["path"] == fixture + "/main.tf" for f in acl), "findings name the file")
        check(all(f["severity"] == "critical" and f["severity_value"] == 4 for f in acl),
              "severity as a name and as the enum value")
        check(lib.iacscan_result_complete(result) == 1, "the scan is complete")
        check(lib.iacscan_result_exit_code(result, 1) == 1, "exit code 1 with --fail-on low")
    finally:
        lib.iacscan_result_free(result)

    missing = os.path.join(source_dir, "fixtures", "no-such-directory")
    result, error = api.scan_paths(scanner, [missing])
    check(not result and error is not None and "no-such-directory" in error,
          f"a missing path is an error that names it: {error!r}")


def test_scan_buffers(api, scanner):
    lib = api.lib
    result, error = api.scan_buffers(scanner, [("infra/main.tf", PUBLIC_BUCKET)])
    check(result and error is None, f"scanning a buffer gives a result ({error!r})")
    if not result:
        return
    try:
        acl = [f for f in api.findings(result) if f["rule"] == "s3-bucket-public-acl"]
        check(len(acl) == 1 and acl[0]["line"] == 3 and acl[0]["column"] == 12,
              f"s3-bucket-public-acl at line 3, column 12 of the buffer: {acl}")
        check(acl and acl[0]["resource"] == "aws_s3_bucket.site" and acl[0]["active"] == 1,
              "the finding names its resource and is active")
        report, error = api.call(lib.iacscan_result_json, result)
        document = json.loads(api.take_string(report)) if report else {}
        rules = [f.get("ruleId") for f in document.get("findings", [])]
        check("s3-bucket-public-acl" in rules, f"the JSON report lists the finding ({error!r})")
        report, error = api.call(lib.iacscan_result_report, result, b"sarif")
        sarif = json.loads(api.take_string(report)) if report else {}
        check(sarif.get("version") == "2.1.0", f"a SARIF 2.1.0 report ({error!r})")
        report, error = api.call(lib.iacscan_result_report, result, b"pdf")
        check(not report and error is not None and "pdf" in error,
              f"an unknown report format is an error: {error!r}")
    finally:
        lib.iacscan_result_free(result)

    result, error = api.scan_buffers(scanner, [("broken/main.tf", b'resource "a" "b" {\n  x = \0\n')])
    check(result and error is None, "a malformed buffer still gives a result")
    if result:
        diagnostics = api.diagnostics(result)
        check(any(d["code"] == "parse-error" and d["level"] == "error" and
                  d["path"] == "broken/main.tf" for d in diagnostics),
              f"a malformed file is a parse-error diagnostic: {diagnostics}")
        check(lib.iacscan_result_complete(result) == 0 and lib.iacscan_result_exit_code(result, 1) == 3,
              "a malformed file makes the scan incomplete (exit code 3)")
        lib.iacscan_result_free(result)


def test_threads(api, scanner):
    """ctypes releases the GIL during each call, so these scans really run at once."""
    reports = [None] * 4

    def scan(index):
        result, _ = api.scan_buffers(scanner, [("main.tf", PUBLIC_BUCKET)])
        if result:
            pointer, _ = api.call(api.lib.iacscan_result_json, result)
            reports[index] = api.take_string(pointer)
            api.lib.iacscan_result_free(result)

    threads = [threading.Thread(target=scan, args=(i,)) for i in range(len(reports))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    check(reports[0] is not None and all(r == reports[0] for r in reports),
          "one scanner, four threads scanning at once: identical reports")


def test_null_arguments(api):
    lib = api.lib
    result, error = api.call(lib.iacscan_scan_paths, None, None, 1)
    check(not result and error is not None and "NULL" in error, f"a NULL scanner is an error: {error!r}")
    check(lib.iacscan_finding_rule_id(None) is None and lib.iacscan_result_finding_count(None) == 0,
          "accessors given NULL return NULL or 0")
    lib.iacscan_result_free(None)
    lib.iacscan_scanner_free(None)
    lib.iacscan_string_free(None)


def nm_symbols(library, *flags):
    run = subprocess.run(["nm", *flags, library], capture_output=True, text=True)
    if run.returncode != 0:
        return None
    symbols = []
    for line in run.stdout.splitlines():
        parts = line.split(None, 2)
        if len(parts) == 2:  # undefined symbols have no address
            parts.insert(0, "")
        if len(parts) == 3:
            symbols.append((parts[1], parts[2]))  # (type, name)
    return symbols


def test_exports(api, library, header_text, bound):
    lib = api.lib
    declared = declared_functions(header_text)
    check(len(declared) > 30, f"iacscan.h declares {len(declared)} functions")
    check(sorted(bound) == declared, "this test binds exactly the functions iacscan.h declares")
    dynamic = nm_symbols(library, "-D", "--defined-only")
    check(dynamic is not None, "nm -D lists the library's dynamic symbols")
    if dynamic is None:
        return
    exported = {name for kind, name in dynamic if kind in "TtWwDdBbRrVvi"}
    c_exported = sorted(name for name in exported if name.startswith("iacscan_"))
    missing = [name for name in declared if name not in exported]
    check(not missing, f"every function of iacscan.h is exported (missing: {missing})")
    extra = [name for name in c_exported if name not in declared]
    check(not extra, f"no C function is exported that iacscan.h does not declare ({extra})")

    demangled = nm_symbols(library, "-D", "--defined-only", "-C") or []
    internal = [name for _, name in demangled if "iacscan::detail::" in name]
    check(not internal, f"no iacscan::detail symbol is exported ({internal[:5]})")
    tree_sitter = sorted(name for name in exported if name.startswith("ts_"))
    check(not tree_sitter, f"the bundled tree-sitter is not exported ({tree_sitter[:5]})")

    # A function that is in the library but hidden: ctypes (dlsym) must not find it.
    everything = nm_symbols(library, "--defined-only") or []
    hidden = sorted(name for _, name in everything
                    if "scan_options_from_json" in name and name.startswith("_ZN7iacscan6detail"))
    if hidden:
        check(not hasattr(lib, hidden[0]),
              f"the internal {hidden[0]} is in the library but not visible to ctypes")
    else:
        print("note  the library has no symbol table (stripped): only its dynamic symbols were checked")


def sanitizer_runtime(library):
    """The AddressSanitizer runtime an ASan build of the library needs loaded before it.

    A sanitized shared library leaves the runtime to the executable, and python is not
    sanitized: the runtime must be preloaded. None when the library is not sanitized."""
    undefined = nm_symbols(library, "-D", "--undefined-only") or []
    if not any(name.startswith("__asan_") for _, name in undefined):
        return None
    for compiler, name in (("clang", "libclang_rt.asan-x86_64.so"), ("gcc", "libasan.so")):
        if shutil.which(compiler) is None:
            continue
        found = subprocess.run([compiler, f"-print-file-name={name}"], capture_output=True,
                               text=True).stdout.strip()
        if os.path.isabs(found) and os.path.exists(found):
            return found
    return ""


def main():
    if len(sys.argv) != 3:
        print(__doc__)
        return 2
    library, source_dir = sys.argv[1], sys.argv[2]
    if shutil.which("nm") is None:
        print("FAIL  nm (binutils) is not installed: it lists the library's exported symbols")
        return 1
    if "IACSCAN_CTYPES_PRELOADED" not in os.environ:
        runtime = sanitizer_runtime(library)
        if runtime == "":
            print("FAIL  the library is built with AddressSanitizer, and no ASan runtime was found")
            return 1
        if runtime:
            # Python's own allocations would be reported as leaks (the unit tests check ours);
            # the last setting of an option wins.
            env = dict(os.environ, LD_PRELOAD=runtime, IACSCAN_CTYPES_PRELOADED="1",
                       ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0")
            print(f"note  sanitized library: running again with LD_PRELOAD={runtime}", flush=True)
            os.execve(sys.executable, [sys.executable, *sys.argv], env)
    header_text = open(os.path.join(source_dir, "libscan", "include", "iacscan", "iacscan.h"),
                       encoding="utf-8").read()
    try:
        lib = ctypes.CDLL(os.path.abspath(library))
    except OSError as error:
        print(f"FAIL  cannot load {library}: {error}")
        return 1
    try:
        bound = bind(lib)
    except AttributeError as error:
        print(f"FAIL  a function of iacscan.h is missing from the library: {error}")
        return 1
    api = Api(lib)

    test_version(api, source_dir, header_text)
    test_options_errors(api)
    scanner, error = api.scanner(b'{"jobs": 2, "today": "2026-01-01"}')
    check(scanner and error is None, f"a scanner from options JSON ({error!r})")
    if scanner:
        try:
            test_scan_path(api, scanner, source_dir)
            test_scan_buffers(api, scanner)
            test_threads(api, scanner)
        finally:
            lib.iacscan_scanner_free(scanner)
    test_null_arguments(api)
    test_exports(api, library, header_text, bound)

    if FAILURES:
        print(f"\n{len(FAILURES)} check(s) failed")
        return 1
    print("\nall checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
