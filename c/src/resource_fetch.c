/* Downloads of http(s):// resources. libcurl is loaded with dlopen on first
 * use, so libvaccel and the bindings' amalgamation need no libcurl to build
 * or to run; without it a download is VACCEL_ENOTSUP. */

#include "internal.h"
#include "vaccel/log.h"

#include <dlfcn.h>
#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#if defined(__has_include)
#if __has_include(<curl/curl.h>)
#include <curl/curl.h>
#define HAVE_CURL_H 1
#endif
#endif

#ifdef HAVE_CURL_H

#define CURL_LIB "libcurl.so.4"

static struct {
	CURLcode (*global_init)(long flags);
	CURL *(*easy_init)(void);
	CURLcode (*easy_setopt)(CURL *curl, CURLoption option, ...);
	CURLcode (*easy_perform)(CURL *curl);
	CURLcode (*easy_getinfo)(CURL *curl, CURLINFO info, ...);
	void (*easy_cleanup)(CURL *curl);
	const char *(*easy_strerror)(CURLcode code);
} curl;
static pthread_once_t curl_once = PTHREAD_ONCE_INIT;
static const char *curl_missing; /* why libcurl cannot be used, or NULL */

static void load_curl(void)
{
	/* Never closed: libcurl keeps global state (TLS) for the process. */
	void *dl = dlopen(CURL_LIB, RTLD_NOW | RTLD_LOCAL);

	if (!dl) {
		curl_missing = "cannot load " CURL_LIB;
		return;
	}
#define SYM(field, name)                                                       \
	do {                                                                   \
		*(void **)&curl.field = dlsym(dl, name);                       \
		if (!curl.field) {                                             \
			curl_missing = CURL_LIB " lacks " name;                \
			return;                                                \
		}                                                              \
	} while (0)
	SYM(global_init, "curl_global_init");
	SYM(easy_init, "curl_easy_init");
	SYM(easy_setopt, "curl_easy_setopt");
	SYM(easy_perform, "curl_easy_perform");
	SYM(easy_getinfo, "curl_easy_getinfo");
	SYM(easy_cleanup, "curl_easy_cleanup");
	SYM(easy_strerror, "curl_easy_strerror");
#undef SYM
	if (curl.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
		curl_missing = "curl_global_init failed";
}

/* Limits of one download, from the environment (docs/c-api.md): a server
 * that accepts and never answers must not block resource init forever. */
struct limits {
	long connect_timeout; /* seconds; 0: libcurl's default */
	long stall_timeout;   /* seconds below 1 byte/s; 0: none */
	long timeout;	      /* seconds for the whole transfer; 0: none */
	unsigned long long max_size; /* bytes; 0: none */
};

#define CONNECT_TIMEOUT_ENV "VACCEL_DOWNLOAD_CONNECT_TIMEOUT"
#define STALL_TIMEOUT_ENV "VACCEL_DOWNLOAD_STALL_TIMEOUT"
#define TIMEOUT_ENV "VACCEL_DOWNLOAD_TIMEOUT"
#define MAX_SIZE_ENV "VACCEL_DOWNLOAD_MAX_SIZE"

/* A non-negative integer from `name`, or `def` when it is unset. */
static int env_number(const char *name, unsigned long long def,
		      unsigned long long max, unsigned long long *out)
{
	const char *v = getenv(name);
	unsigned long long n;
	char *end;

	*out = def;
	if (!v || !*v)
		return VACCEL_OK;
	errno = 0;
	n = strtoull(v, &end, 10);
	if (errno || end == v || *end || *v == '-' || n > max) {
		vaccel_error("%s is '%s'; expected a whole number from 0 to "
			     "%llu",
			     name, v, max);
		return VACCEL_EINVAL;
	}
	*out = n;
	return VACCEL_OK;
}

static int read_limits(struct limits *l)
{
	unsigned long long v[3];
	int ret = env_number(CONNECT_TIMEOUT_ENV, 30, LONG_MAX / 1000, &v[0]);

	if (!ret)
		ret = env_number(STALL_TIMEOUT_ENV, 60, LONG_MAX / 1000, &v[1]);
	if (!ret)
		ret = env_number(TIMEOUT_ENV, 0, LONG_MAX / 1000, &v[2]);
	if (!ret)
		ret = env_number(MAX_SIZE_ENV, 8ULL << 30, LLONG_MAX,
				 &l->max_size);
	l->connect_timeout = (long)v[0];
	l->stall_timeout = (long)v[1];
	l->timeout = (long)v[2];
	return ret;
}

struct sink {
	FILE *out;
	unsigned long long written, max_size;
	bool too_big;
};

static size_t write_cb(char *data, size_t size, size_t nmemb, void *arg)
{
	struct sink *s = arg;
	size_t n = size * nmemb;

	/* Also when the server sent no Content-Length (chunked). */
	if (s->max_size && n > s->max_size - s->written) {
		s->too_big = true;
		return 0; /* aborts the transfer */
	}
	s->written += n;
	return fwrite(data, 1, n, s->out);
}

int vaccel_download(const char *url, const char *path)
{
	struct sink sink = {0};
	struct limits lim;
	CURL *c;
	CURLcode rc;
	long status = 0;
	FILE *out;
	int ret = VACCEL_OK;

	pthread_once(&curl_once, load_curl);
	if (curl_missing) {
		vaccel_error("cannot download %s: %s (install libcurl to use "
			     "http(s) resources)",
			     url, curl_missing);
		return VACCEL_ENOTSUP;
	}
	ret = read_limits(&lim);
	if (ret)
		return ret;
	out = fopen(path, "wbx");
	if (!out) {
		ret = errno;
		vaccel_error("cannot create %s: %s", path, strerror(ret));
		return ret;
	}
	c = curl.easy_init();
	if (!c) {
		fclose(out);
		unlink(path);
		return VACCEL_ENOMEM;
	}
	curl.easy_setopt(c, CURLOPT_URL, url);
	curl.easy_setopt(c, CURLOPT_WRITEFUNCTION, write_cb);
	sink.out = out;
	sink.max_size = lim.max_size;
	curl.easy_setopt(c, CURLOPT_WRITEDATA, &sink);
	curl.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	/* No SIGALRM for timeouts: the host program owns its signals. */
	curl.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl.easy_setopt(c, CURLOPT_CONNECTTIMEOUT, lim.connect_timeout);
	curl.easy_setopt(c, CURLOPT_TIMEOUT, lim.timeout);
	if (lim.stall_timeout) {
		curl.easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
		curl.easy_setopt(c, CURLOPT_LOW_SPEED_TIME, lim.stall_timeout);
	}
	if (lim.max_size)
		curl.easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE,
				 (curl_off_t)lim.max_size);
	vaccel_debug("downloading %s to %s", url, path);
	rc = curl.easy_perform(c);
	if (sink.too_big || rc == CURLE_FILESIZE_EXCEEDED) {
		vaccel_error("download of %s failed: larger than %llu bytes "
			     "(%s)",
			     url, lim.max_size, MAX_SIZE_ENV);
		ret = VACCEL_EREMOTEIO;
	} else if (rc == CURLE_OPERATION_TIMEDOUT) {
		vaccel_error("download of %s failed: %s (limits: %s=%ld, "
			     "%s=%ld, %s=%ld seconds)",
			     url, curl.easy_strerror(rc), CONNECT_TIMEOUT_ENV,
			     lim.connect_timeout, STALL_TIMEOUT_ENV,
			     lim.stall_timeout, TIMEOUT_ENV, lim.timeout);
		ret = VACCEL_EREMOTEIO;
	} else if (rc != CURLE_OK) {
		vaccel_error("download of %s failed: %s", url,
			     curl.easy_strerror(rc));
		ret = VACCEL_EREMOTEIO;
	} else {
		curl.easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
		if (status >= 400) {
			vaccel_error("download of %s failed: HTTP status %ld",
				     url, status);
			ret = VACCEL_EREMOTEIO;
		}
	}
	curl.easy_cleanup(c);
	if (fclose(out) && !ret) {
		ret = errno;
		vaccel_error("cannot write %s: %s", path, strerror(ret));
	}
	if (ret)
		unlink(path);
	return ret;
}

#else /* no curl/curl.h at build time */

int vaccel_download(const char *url, const char *path)
{
	(void)path;
	vaccel_error("cannot download %s: vaccel was built without the "
		     "libcurl headers",
		     url);
	return VACCEL_ENOTSUP;
}

#endif
