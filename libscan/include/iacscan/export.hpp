// Symbol visibility for the public API: everything marked IACSCAN_API is exported from the
// shared library; everything else stays hidden.
#pragma once

#if defined(IACSCAN_STATIC_DEFINE)
#define IACSCAN_API
#else
#define IACSCAN_API __attribute__((visibility("default")))
#endif
