#pragma once

/* Library loading of the exec plugin (load.c), shared with exec.c. */

#include <vaccel/blob.h>
#include <vaccel/plugin.h>

#include <stddef.h>

/* dlopen() flags for the libraries users name (RTLD_LAZY or RTLD_NOW). */
extern int exec_dlopen_mode;

/* dlopen `path` with `flags`; logs why on failure. */
void *exec_open_path(const char *path, int flags);
/* dlopen one file of a resource: its file when it has one, else its bytes
 * through a memfd. Logs why on failure. */
void *exec_open_blob(struct vaccel_blob *blob, int flags);
/* dlclose with a log line on failure; `what` names the library. */
void exec_close(void *handle, const char *what);
