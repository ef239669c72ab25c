#ifndef NNREPORT_CZLIB_SHIM_H
#define NNREPORT_CZLIB_SHIM_H
#include <zlib.h>
/// inflateInit2 is a macro Swift cannot import.
static inline int nnreport_inflate_init2(z_streamp stream, int windowBits) { return inflateInit2(stream, windowBits); }
#endif
