/* struct vaccel_config: explicit values or the VACCEL_* environment. */

#include "vaccel/config.h"
#include "vaccel/helpers/env.h"
#include "vaccel/log.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int dup_opt(const char *src, char **dst)
{
	*dst = NULL;
	if (!src)
		return VACCEL_OK;
	*dst = strdup(src);
	return *dst ? VACCEL_OK : VACCEL_ENOMEM;
}

int vaccel_config_init(struct vaccel_config *config, const char *plugins,
		       vaccel_log_level_t log_level, const char *log_file,
		       bool profiling_enabled, bool version_ignore)
{
	if (!config)
		return VACCEL_EINVAL;
	if (log_level < VACCEL_LOG_ERROR || log_level > VACCEL_LOG_DEBUG) {
		vaccel_error("config: log level %d is not 1..4",
			     (int)log_level);
		return VACCEL_EINVAL;
	}
	memset(config, 0, sizeof(*config));
	if (dup_opt(plugins, &config->plugins) ||
	    dup_opt(log_file, &config->log_file)) {
		vaccel_config_release(config);
		return VACCEL_ENOMEM;
	}
	config->log_level = log_level;
	config->profiling_enabled = profiling_enabled;
	config->version_ignore = version_ignore;
	return VACCEL_OK;
}

/* Booleans (vaccel/helpers/env.h); unset or empty gives `def`. */
static int env_bool(const char *name, bool def, bool *out)
{
	if (!vaccel_env_bool(name, def, out))
		return VACCEL_OK;
	vaccel_error("%s='%s' is not a boolean (use %s)", name, getenv(name),
		     VACCEL_BOOL_WORDS);
	return VACCEL_EINVAL;
}

static int env_level(vaccel_log_level_t *out)
{
	const char *v = getenv("VACCEL_LOG_LEVEL");
	char *end;
	long n;

	*out = VACCEL_LOG_ERROR;
	if (!v || !*v)
		return VACCEL_OK;
	n = strtol(v, &end, 10);
	if (*end == '\0' && n >= VACCEL_LOG_ERROR && n <= VACCEL_LOG_DEBUG) {
		*out = (vaccel_log_level_t)n;
		return VACCEL_OK;
	}
	if (vaccel_log_level_from_str(v, out) == VACCEL_OK)
		return VACCEL_OK;
	vaccel_error("VACCEL_LOG_LEVEL='%s' is not a level (1-4 or "
		     "error/warn/info/debug)",
		     v);
	return VACCEL_EINVAL;
}

int vaccel_config_init_from_env(struct vaccel_config *config)
{
	vaccel_log_level_t level;
	bool prof, ignore;
	int ret;

	if (!config)
		return VACCEL_EINVAL;
	ret = env_level(&level);
	if (!ret)
		ret = env_bool("VACCEL_PROFILING_ENABLED", false, &prof);
	if (!ret)
		ret = env_bool("VACCEL_VERSION_IGNORE", false, &ignore);
	if (ret)
		return ret;
	return vaccel_config_init(config, getenv("VACCEL_PLUGINS"), level,
				  getenv("VACCEL_LOG_FILE"), prof, ignore);
}

int vaccel_config_init_from(struct vaccel_config *config,
			    struct vaccel_config *config_src)
{
	if (!config || !config_src)
		return VACCEL_EINVAL;
	return vaccel_config_init(config, config_src->plugins,
				  config_src->log_level, config_src->log_file,
				  config_src->profiling_enabled,
				  config_src->version_ignore);
}

int vaccel_config_release(struct vaccel_config *config)
{
	if (!config)
		return VACCEL_EINVAL;
	free(config->plugins);
	free(config->log_file);
	/* Back to the defaults, as in vAccel (not zeroed: log level 0 is no
	 * level at all). */
	memset(config, 0, sizeof(*config));
	config->log_level = VACCEL_LOG_ERROR;
	return VACCEL_OK;
}

/* Allocates a config and fills it with `init`'s result. */
#define CONFIG_NEW(out, init_call)                                             \
	do {                                                                   \
		struct vaccel_config *c;                                       \
		int r;                                                         \
		if (!(out))                                                    \
			return VACCEL_EINVAL;                                  \
		c = malloc(sizeof(*c));                                        \
		if (!c)                                                        \
			return VACCEL_ENOMEM;                                  \
		r = init_call;                                                 \
		if (r) {                                                       \
			free(c);                                               \
			return r;                                              \
		}                                                              \
		*(out) = c;                                                    \
		return VACCEL_OK;                                              \
	} while (0)

int vaccel_config_new(struct vaccel_config **config, const char *plugins,
		      vaccel_log_level_t log_level, const char *log_file,
		      bool profiling_enabled, bool version_ignore)
{
	CONFIG_NEW(config,
		   vaccel_config_init(c, plugins, log_level, log_file,
				      profiling_enabled, version_ignore));
}

int vaccel_config_from_env(struct vaccel_config **config)
{
	CONFIG_NEW(config, vaccel_config_init_from_env(c));
}

int vaccel_config_from(struct vaccel_config **config,
		       struct vaccel_config *config_src)
{
	CONFIG_NEW(config, vaccel_config_init_from(c, config_src));
}

int vaccel_config_delete(struct vaccel_config *config)
{
	if (!config)
		return VACCEL_EINVAL;
	vaccel_config_release(config);
	free(config);
	return VACCEL_OK;
}

void vaccel_config_print_debug(struct vaccel_config *config)
{
	if (!config)
		return;
	vaccel_debug("config: plugins=%s log_level=%s log_file=%s "
		     "profiling=%d version_ignore=%d",
		     config->plugins ? config->plugins : "(none)",
		     vaccel_log_level_to_str(config->log_level),
		     config->log_file ? config->log_file : "(stderr)",
		     config->profiling_enabled, config->version_ignore);
}
