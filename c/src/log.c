/* Logging: one line per message to stderr or VACCEL_LOG_FILE, filtered by
 * level. Safe to call from any thread, before bootstrap and after cleanup. */

#include "internal.h"
#include "vaccel/log.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static pthread_mutex_t log_lock = PTHREAD_MUTEX_INITIALIZER;
/* Read by every log call without the lock, while a restart may set it. */
static _Atomic int log_level = VACCEL_LOG_ERROR;
static FILE *log_out; /* NULL: stderr */

static const char *level_name(vaccel_log_level_t level)
{
	switch (level) {
	case VACCEL_LOG_ERROR:
		return "ERROR";
	case VACCEL_LOG_WARN:
		return "WARN";
	case VACCEL_LOG_INFO:
		return "INFO";
	default:
		return "DEBUG";
	}
}

void vaccel_log_configure(vaccel_log_level_t level, const char *file)
{
	FILE *out = NULL;
	const char *failed = NULL;
	int err = 0;

	if (file && *file) {
		out = fopen(file, "a");
		if (!out) {
			failed = file;
			err = errno;
		} else {
			setvbuf(out, NULL, _IOLBF, 0);
		}
	}
	pthread_mutex_lock(&log_lock);
	if (log_out)
		fclose(log_out);
	log_out = out;
	atomic_store(&log_level, (int)level);
	pthread_mutex_unlock(&log_lock);
	if (failed)
		vaccel_warn("cannot open log file '%s' (%s); logging to stderr",
			    failed, strerror(err));
}

int vaccel_log_init(void)
{
	const struct vaccel_config *c = vaccel_config_active();

	vaccel_log_configure(c->log_level, c->log_file);
	return VACCEL_OK;
}

int vaccel_log_shutdown(void)
{
	pthread_mutex_lock(&log_lock);
	if (log_out)
		fclose(log_out);
	log_out = NULL;
	pthread_mutex_unlock(&log_lock);
	return VACCEL_OK;
}

vaccel_log_level_t vaccel_log_level(void)
{
	return (vaccel_log_level_t)atomic_load(&log_level);
}

void vaccel_vlog_from(vaccel_log_level_t level, const char *who,
		      const char *fmt, va_list ap)
{
	char stamp[32];
	struct timeval tv;
	struct tm tm;
	FILE *out;

	if ((int)level > atomic_load(&log_level))
		return;
	gettimeofday(&tv, NULL);
	localtime_r(&tv.tv_sec, &tm);
	strftime(stamp, sizeof(stamp), "%H:%M:%S", &tm);

	pthread_mutex_lock(&log_lock);
	out = log_out ? log_out : stderr;
	fprintf(out, "%s.%03ld vaccel[%d] %-5s ", stamp,
		(long)(tv.tv_usec / 1000), (int)getpid(), level_name(level));
	if (who)
		fprintf(out, "[%s] ", who);
	vfprintf(out, fmt, ap);
	fputc('\n', out);
	fflush(out);
	pthread_mutex_unlock(&log_lock);
}

void vaccel_log(vaccel_log_level_t level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vaccel_vlog_from(level, NULL, fmt, ap);
	va_end(ap);
}
