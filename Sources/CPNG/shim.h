#ifndef NNREPORT_CPNG_SHIM_H
#define NNREPORT_CPNG_SHIM_H
#include <png.h>
/// PNG_FORMAT_RGBA is a macro Swift cannot import.
static const png_uint_32 nnreport_png_format_rgba = PNG_FORMAT_RGBA;
/// PNG_IMAGE_SIZE is a function-like macro Swift cannot import.
static inline png_alloc_size_t nnreport_png_image_size(png_image image) { return PNG_IMAGE_SIZE(image); }
#endif
