// IACSCAN_API marks what libiacscan.so exports. The library is compiled with hidden visibility,
// so a declaration without it is private to the library even when it sits in a public header.
// The static archive the tests use is compiled from the same objects; the attribute is
// harmless there.
#pragma once

#define IACSCAN_API __attribute__((visibility("default")))
