#ifndef NNREPORT_CMINIZIP_SHIM_H
#define NNREPORT_CMINIZIP_SHIM_H
// zlib's own zip reader (contrib/minizip; Debian libminizip-dev), read through custom I/O functions.
#include <minizip/unzip.h>
#endif
