/* Downloads of http(s):// resources. libcurl is loaded with dlopen on first
 * use, so libvaccel and the bindings' amalgamation need no libcurl to build
 * or to run; without it a download is VACCEL_ENOTSUP. */

#include "internal.h"
#include "vaccel/log.h"

#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
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

static size_t write_cb(char *data, size_t size, size_t nmemb, void *file)
{
	return fwrite(data, size, nmemb, file);
}

int vaccel_download(const char *url, const char *path)
{
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
	curl.easy_setopt(c, CURLOPT_WRITEDATA, out);
	curl.easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
	/* No SIGALRM for timeouts: the host program owns its signals. */
	curl.easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	vaccel_debug("downloading %s to %s", url, path);
	rc = curl.easy_perform(c);
	if (rc != CURLE_OK) {
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
