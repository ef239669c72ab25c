#ifndef NNREPORT_FUZZER_DRIVER_H
#define NNREPORT_FUZZER_DRIVER_H
#include <stddef.h>
#include <stdint.h>

/// libFuzzer's driver (in libclang_rt.fuzzer, linked by -sanitize=fuzzer): parses the flags in argv, then
/// runs `callback` on every input. A harness calls it from its own main, because SwiftPM gives every
/// executable a main of its own and so libFuzzer's main is never linked.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));

#endif
