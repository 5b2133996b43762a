#pragma once

/* vAccel's example programs include "utils/fs.h" (a header of vAccel's
 * source tree, not of its install) and call fs_file_read(), which vAccel's
 * libvaccel.so exports. vaccel.pc puts this directory on the include path
 * so that those programs build unchanged. New code should read files
 * itself: this name has no vaccel_ prefix. */

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Reads the whole regular file at `path` into a new malloc()ed buffer
 * stored in `*data` (the caller frees it); `*size` (when `size` is not NULL)
 * receives its length. VACCEL_EINVAL for a NULL path or data, an empty file
 * or one that is not a regular file; the errno of open/read otherwise
 * (VACCEL_ENOENT for a missing file). `*data` is left untouched on error. */
int fs_file_read(const char *path, void **data, size_t *size);

#ifdef __cplusplus
}
#endif
