/* The tflite plugin's check that the libLiteRt.so it runs with is the
 * release litert_api.h was written for.
 *
 * LiteRT 2.3.0 exports no function that reports its release (the
 * accelerators' versions are their own, and LiteRtCompareApiVersion is
 * declared in litert_common.h but not exported), so the release is read
 * from the VERSION file that scripts/ml_runtimes.sh writes beside the
 * library it unpacks from the pinned wheel: the plugin finds the library
 * it actually loaded (dladdr), follows symlinks to the real file, and
 * reads VERSION next to it. Copy VERSION along when shipping libLiteRt.so
 * beside the plugin. VACCEL_TFLITE_VERSION_IGNORE=1 skips the check. */

#define _GNU_SOURCE
#include "tflite.h"

#include <vaccel/helpers/env.h>

#include <dlfcn.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define IGNORE_ENV "VACCEL_TFLITE_VERSION_IGNORE"
#define WANT "ai-edge-litert " LITERT_PINNED_VERSION

/* The directory of the real file behind `lib`, in `dir`. */
static int real_dir(const char *lib, char *dir)
{
	char *slash;

	if (!realpath(lib, dir))
		return VACCEL_ENOENT;
	slash = strrchr(dir, '/');
	if (slash)
		*slash = '\0';
	return VACCEL_OK;
}

/* The first line of `path` in `line`, without its newline. */
static int first_line(const char *path, char *line, size_t size)
{
	FILE *f = fopen(path, "r");
	bool ok;

	if (!f)
		return VACCEL_ENOENT;
	ok = fgets(line, (int)size, f) != NULL;
	fclose(f);
	if (!ok)
		return VACCEL_EINVAL;
	line[strcspn(line, "\r\n")] = '\0';
	return VACCEL_OK;
}

int tfl_check_version(void)
{
	bool ignore = false;
	char dir[PATH_MAX], path[PATH_MAX + 16], found[128];
	Dl_info info;

	if (!dladdr((void *)LiteRtCreateEnvironment, &info) ||
	    !info.dli_fname) {
		vaccel_plugin_error("cannot tell which libLiteRt.so is loaded");
		return VACCEL_ELIBBAD;
	}
	if (real_dir(info.dli_fname, dir)) {
		snprintf(found, sizeof(found),
			 "of unknown version (unresolvable path)");
	} else {
		snprintf(path, sizeof(path), "%s/VERSION", dir);
		if (first_line(path, found, sizeof(found)))
			snprintf(
			    found, sizeof(found),
			    "of unknown version (no VERSION file beside it)");
		else if (!strcmp(found, WANT)) {
			vaccel_plugin_debug("%s is %s", info.dli_fname, found);
			return VACCEL_OK;
		}
	}
	if (vaccel_env_bool(IGNORE_ENV, false, &ignore))
		vaccel_plugin_warn("%s='%s' is not a boolean (use %s)",
				   IGNORE_ENV, getenv(IGNORE_ENV),
				   VACCEL_BOOL_WORDS);
	if (ignore) {
		vaccel_plugin_warn("%s is %s, not %s; going on (%s=1)",
				   info.dli_fname, found, WANT, IGNORE_ENV);
		return VACCEL_OK;
	}
	vaccel_plugin_error("%s is %s, but this plugin is built for %s "
			    "(c/plugins/tflite/litert_api.h); install it "
			    "with scripts/ml_runtimes.sh, or set %s=1 to "
			    "skip this check",
			    info.dli_fname, found, WANT, IGNORE_ENV);
	return VACCEL_ELIBBAD;
}
