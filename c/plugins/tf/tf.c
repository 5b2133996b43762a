/* The tf plugin: TensorFlow SavedModels on the TensorFlow C API
 * (libtensorflow_cc.so.2 from the pinned tensorflow-cpu wheel).
 * tf_model_load loads the SavedModel of a MODEL resource (tag "serve")
 * into a session kept per resource, tf_model_run feeds and fetches graph
 * nodes, tf_model_unload frees the session. See docs/tf.md. */

#define _GNU_SOURCE
#include "tf_plugin.h"

#include <vaccel/helpers/env.h>

#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#define IGNORE_ENV "VACCEL_TF_VERSION_IGNORE"
#define LOG_ENV "TF_CPP_MIN_LOG_LEVEL"
/* absl::SetMinLogLevel(absl::LogSeverityAtLeast) of the abseil inside
 * TensorFlow 2.21.0 (its inline namespace is abseil's release). */
#define ABSL_SET_MIN_LOG_LEVEL                                                 \
	"_ZN4absl12lts_2025081414SetMinLogLevelENS0_18LogSeverityAtLeastE"

/* ---- load / unload ------------------------------------------------- */

static int tfp_load(struct vaccel_session *sess, struct vaccel_resource *res,
		    struct vaccel_tf_status *status)
{
	struct tfp_model *m = tfp_table_get(res->id);
	char *dir;
	int ret, staged;

	if (m) {
		tfp_model_put(m);
		vaccel_plugin_debug("session %lld: resource %lld is loaded "
				    "already",
				    (long long)sess->id, (long long)res->id);
		tfp_ok(status);
		return VACCEL_OK;
	}
	ret = tfp_model_dir(res, &dir, &staged);
	if (ret)
		return tfp_fail(status, VACCEL_EINVAL, TFP_INVALID_ARGUMENT,
				"resource %lld: its files do not make a "
				"SavedModel directory (error %d; see "
				"docs/tf.md)",
				(long long)res->id, ret);
	ret = tfp_model_create(&m, res->id, dir, status);
	if (!ret)
		vaccel_plugin_debug("session %lld: loaded resource %lld from "
				    "%s",
				    (long long)sess->id, (long long)res->id,
				    dir);
	if (staged)
		tfp_unstage(dir);
	else
		vaccel_plugin_host->free(dir);
	if (ret)
		return ret;
	/* Another thread loaded it meanwhile: keep theirs. */
	if (tfp_table_add(m) == VACCEL_EEXIST)
		tfp_model_put(m);
	tfp_ok(status);
	return VACCEL_OK;
}

static int tfp_unload(struct vaccel_session *sess, struct vaccel_resource *res,
		      struct vaccel_tf_status *status)
{
	if (tfp_table_remove(res->id))
		return tfp_fail(status, VACCEL_EINVAL, TFP_FAILED_PRECONDITION,
				"session %lld: resource %lld is not loaded "
				"(call vaccel_tf_model_load first)",
				(long long)sess->id, (long long)res->id);
	vaccel_plugin_debug("session %lld: unloaded resource %lld",
			    (long long)sess->id, (long long)res->id);
	tfp_ok(status);
	return VACCEL_OK;
}

/* The last session let go of the resource: drop its model. */
static void tfp_resource_unregister(struct vaccel_resource *res,
				    struct vaccel_session *sess)
{
	(void)sess;
	if (vaccel_plugin_host->resource_refcount(res) > 0)
		return;
	if (!tfp_table_remove(res->id))
		vaccel_plugin_debug("resource %lld left its last session: "
				    "model freed",
				    (long long)res->id);
}

/* ---- plugin -------------------------------------------------------- */

/* The library must be the release the plugin is built and tested for:
 * the C API is stable, but SavedModels and kernels change between them. */
static int check_version(void)
{
	const char *found = TF_Version();
	bool ignore = false;

	if (found && !strcmp(found, TF_PINNED_VERSION)) {
		vaccel_plugin_debug("TensorFlow %s", found);
		return VACCEL_OK;
	}
	if (vaccel_env_bool(IGNORE_ENV, false, &ignore))
		vaccel_plugin_warn("%s='%s' is not a boolean (use %s)",
				   IGNORE_ENV, getenv(IGNORE_ENV),
				   VACCEL_BOOL_WORDS);
	if (ignore) {
		vaccel_plugin_warn("TensorFlow is %s, not %s; going on (%s=1)",
				   found ? found : "(null)", TF_PINNED_VERSION,
				   IGNORE_ENV);
		return VACCEL_OK;
	}
	vaccel_plugin_error("TensorFlow is %s, but this plugin is built for "
			    "%s; install it with scripts/ml_runtimes.sh, or "
			    "set %s=1 to skip this check",
			    found ? found : "(null)", TF_PINNED_VERSION,
			    IGNORE_ENV);
	return VACCEL_ELIBBAD;
}

/* TensorFlow cannot be unloaded: it leaves exit handlers behind that
 * crash the process at exit once its code is gone. The runtime closes a
 * plugin on fini and when init fails, so keep the library loaded. The
 * symbol is one a test's preloaded TF_Version stand-in does not define. */
static void *pin_tensorflow(void)
{
	Dl_info info;
	void *lib = NULL;

	if (dladdr((void *)TF_LoadSessionFromSavedModel, &info) &&
	    info.dli_fname)
		lib = dlopen(info.dli_fname,
			     RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
	if (!lib)
		vaccel_plugin_warn("cannot keep the TensorFlow library "
				   "loaded: %s",
				   dlerror());
	return lib;
}

/* TensorFlow reads TF_CPP_MIN_LOG_LEVEL when it is loaded, before init()
 * runs: unless the user set it, hide its INFO and WARNING lines through
 * abseil's setting, which its logging goes through. */
static void quiet_tensorflow(void *lib)
{
	void (*set_level)(int) = NULL;

	if (getenv(LOG_ENV))
		return;
	setenv(LOG_ENV, "2", 0);
	/* The plugin's libraries are not in the global scope: look in
	 * libtensorflow_cc and what it needs (libtensorflow_framework). */
	if (lib)
		*(void **)&set_level = dlsym(lib, ABSL_SET_MIN_LOG_LEVEL);
	if (set_level)
		set_level(2); /* absl::LogSeverityAtLeast::kError */
	else
		vaccel_plugin_debug("no %s in TensorFlow: its INFO lines stay",
				    ABSL_SET_MIN_LOG_LEVEL);
}

static int tfp_init(void)
{
	const struct vaccel_host_api *host = vaccel_plugin_host;
	/* First: whatever fails below, the plugin is closed after. */
	void *lib = pin_tensorflow();
	int ret;

	if (!VACCEL_HOST_HAS(host, resource_refcount)) {
		vaccel_plugin_error("the runtime %s is too old: it lacks the "
				    "host functions of ABI 1.1",
				    host->runtime_version);
		ret = VACCEL_ELIBBAD;
	} else {
		ret = check_version();
	}
	if (!ret)
		quiet_tensorflow(lib);
	if (lib)
		dlclose(lib); /* its RTLD_NODELETE stays */
	return ret;
}

static int tfp_fini(void)
{
	tfp_table_clear();
	return VACCEL_OK;
}

static const struct vaccel_op tfp_ops[] = {
    VACCEL_PLUGIN_OP(tf_model_load, tfp_load),
    VACCEL_PLUGIN_OP(tf_model_unload, tfp_unload),
    VACCEL_PLUGIN_OP(tf_model_run, tfp_run),
};

VACCEL_PLUGIN(.name = "tf", .version = VACCEL_VERSION,
	      .type = VACCEL_PLUGIN_CPU | VACCEL_PLUGIN_TENSORFLOW,
	      .ops = tfp_ops, .nr_ops = sizeof(tfp_ops) / sizeof(tfp_ops[0]),
	      .init = tfp_init, .fini = tfp_fini,
	      .resource_unregister = tfp_resource_unregister);
