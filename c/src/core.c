/* Bootstrap and cleanup of the runtime, explicit and automatic (at library
 * load and unload). Nothing here ends the host process: failures are
 * returned, logged, and remembered for the next call. */

#define _GNU_SOURCE
#include "internal.h"
#include "vaccel/core.h"
#include "vaccel/helpers/env.h"
#include "vaccel/helpers/fs.h"
#include "vaccel/log.h"

#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static pthread_mutex_t core_lock = PTHREAD_MUTEX_INITIALIZER;
static struct vaccel_config active_config;
static const struct vaccel_config default_config = {
    .plugins = NULL,
    .log_level = VACCEL_LOG_ERROR,
    .log_file = NULL,
    .profiling_enabled = false,
    .version_ignore = false,
};
/* Written under core_lock; read without it by every thread (op calls, the
 * log, lookups) while another may restart the runtime. */
static atomic_bool initialized;
/* The error of the last failed bootstrap, until one succeeds. */
static int boot_error;
static char rundir[PATH_MAX];

const struct vaccel_config *vaccel_config_active(void)
{
	return initialized ? &active_config : &default_config;
}

const struct vaccel_config *vaccel_config(void)
{
	return initialized ? &active_config : NULL;
}

bool vaccel_is_initialized(void)
{
	return initialized;
}

const char *vaccel_rundir(void)
{
	return initialized && rundir[0] ? rundir : NULL;
}

static int mkdir_p(const char *path)
{
	char buf[PATH_MAX];
	size_t len = strlen(path);

	if (len == 0 || len >= sizeof(buf))
		return VACCEL_ENAMETOOLONG;
	memcpy(buf, path, len + 1);
	for (char *p = buf + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0700) && errno != EEXIST)
			return errno;
		*p = '/';
	}
	if (mkdir(buf, 0700) && errno != EEXIST)
		return errno;
	return VACCEL_OK;
}

/* Create <base>/run.XXXXXX, this process's private runtime directory. */
static int make_rundir_in(const char *base)
{
	int ret = mkdir_p(base);

	if (ret)
		return ret;
	if (snprintf(rundir, sizeof(rundir), "%s/run.XXXXXX", base) >=
	    (int)sizeof(rundir))
		return VACCEL_ENAMETOOLONG;
	if (!mkdtemp(rundir)) {
		ret = errno;
		rundir[0] = '\0';
		return ret;
	}
	return VACCEL_OK;
}

static int make_rundir(void)
{
	const char *env = getenv("VACCEL_RUNDIR");
	const char *xdg = getenv("XDG_RUNTIME_DIR");
	const char *tmp = getenv("TMPDIR");
	char base[PATH_MAX];
	int ret;

	if (env && *env) {
		ret = make_rundir_in(env);
		if (ret)
			vaccel_error("VACCEL_RUNDIR='%s' is not usable: %s",
				     env, strerror(ret));
		return ret;
	}
	if (xdg && *xdg) {
		snprintf(base, sizeof(base), "%s/vaccel", xdg);
		if (make_rundir_in(base) == VACCEL_OK)
			return VACCEL_OK;
		vaccel_warn("cannot use %s as runtime directory; trying the "
			    "temporary directory",
			    base);
	}
	snprintf(base, sizeof(base), "%s/vaccel-%u", tmp && *tmp ? tmp : "/tmp",
		 (unsigned)getuid());
	ret = make_rundir_in(base);
	if (ret)
		vaccel_error("cannot create a runtime directory under %s: %s",
			     base, strerror(ret));
	return ret;
}

static void remove_rundir(void)
{
	if (!rundir[0])
		return;
	int err = vaccel_remove_tree(rundir);

	if (err)
		vaccel_warn("cannot remove all of %s: %s", rundir,
			    strerror(err));
	rundir[0] = '\0';
}

/* Undo a (partial) start. Caller holds core_lock. */
static void stop_locked(void)
{
	/* First: calls arriving from now on are told the runtime is down. */
	initialized = false;
	vaccel_prof_print_ops();
	vaccel_shared_report_leaks();
	vaccel_plugins_unload_all();
	vaccel_sessions_report_leaks();
	vaccel_resources_report_leaks();
	remove_rundir();
	vaccel_config_release(&active_config);
	vaccel_prof_configure(false);
}

static int start_locked(struct vaccel_config *config)
{
	int ret;

	if (initialized)
		stop_locked();
	ret = vaccel_config_init_from(&active_config, config);
	if (ret)
		return ret;
	vaccel_log_configure(active_config.log_level, active_config.log_file);
	vaccel_prof_configure(active_config.profiling_enabled);
	vaccel_config_print_debug(&active_config);

	ret = make_rundir();
	if (!ret && active_config.plugins)
		ret = vaccel_plugins_load_list(active_config.plugins,
					       active_config.version_ignore);
	if (!ret)
		ret = vaccel_plugins_builtin_activate();
	if (ret) {
		vaccel_plugins_unload_all();
		remove_rundir();
		vaccel_config_release(&active_config);
		vaccel_prof_configure(false);
		boot_error = ret;
		vaccel_error("bootstrap failed: %s (%s)",
			     vaccel_error_to_str(ret), strerror(ret));
		return ret;
	}
	initialized = true;
	boot_error = VACCEL_OK;
	vaccel_debug("vaccel %s started, runtime directory %s", VACCEL_VERSION,
		     rundir);
	return VACCEL_OK;
}

int vaccel_bootstrap_with_config(struct vaccel_config *config)
{
	int ret;

	if (!config) {
		vaccel_error("vaccel_bootstrap_with_config: config is NULL");
		return VACCEL_EINVAL;
	}
	pthread_mutex_lock(&core_lock);
	ret = start_locked(config);
	pthread_mutex_unlock(&core_lock);
	return ret;
}

int vaccel_bootstrap(void)
{
	struct vaccel_config config;
	int ret = vaccel_config_init_from_env(&config);

	if (ret) {
		/* Like a failed bootstrap_with_config: the restart failed, so
		 * the runtime is left stopped with the error recorded. */
		pthread_mutex_lock(&core_lock);
		if (initialized)
			stop_locked();
		boot_error = ret;
		pthread_mutex_unlock(&core_lock);
		vaccel_error("bootstrap failed: bad environment configuration");
		return ret;
	}
	ret = vaccel_bootstrap_with_config(&config);
	vaccel_config_release(&config);
	return ret;
}

int vaccel_cleanup(void)
{
	pthread_mutex_lock(&core_lock);
	if (initialized)
		stop_locked();
	boot_error = VACCEL_OK;
	pthread_mutex_unlock(&core_lock);
	vaccel_prof_cleanup();
	vaccel_log_shutdown();
	return VACCEL_OK;
}

int vaccel_runtime_ready(void)
{
	int err;

	if (initialized)
		return VACCEL_OK;
	pthread_mutex_lock(&core_lock);
	err = boot_error;
	pthread_mutex_unlock(&core_lock);
	if (err) {
		vaccel_error("vaccel is not initialized: the last bootstrap "
			     "failed with %s; fix the configuration and call "
			     "vaccel_bootstrap()",
			     vaccel_error_to_str(err));
		return err;
	}
	vaccel_debug("vaccel was not bootstrapped; bootstrapping from the "
		     "environment");
	return vaccel_bootstrap();
}

/* A switch that is on unless set to a false word; a value that is no
 * boolean leaves it on, with a warning. */
static bool env_disabled(const char *name)
{
	bool on;

	if (vaccel_env_bool(name, true, &on))
		vaccel_warn("%s='%s' is not a boolean (use %s); taken as 1",
			    name, getenv(name), VACCEL_BOOL_WORDS);
	return !on;
}

__attribute__((constructor)) static void vaccel_auto_bootstrap(void)
{
	if (env_disabled("VACCEL_BOOTSTRAP_ENABLED"))
		return;
	/* A failure is logged and recorded; the host process carries on. */
	(void)vaccel_bootstrap();
}

__attribute__((destructor)) static void vaccel_auto_cleanup(void)
{
	if (env_disabled("VACCEL_CLEANUP_ENABLED"))
		return;
	vaccel_cleanup();
}
