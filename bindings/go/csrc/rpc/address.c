/* Copied from c/rpc/address.c by idl/gen/vaccelgen.py for the Go binding
 * (the built-in rpc transport). Do not edit; regenerate with: python3 idl/gen/vaccelgen.py */
/* Address syntax: parsing (no network access) and formatting of a bound
 * socket's address back into the same syntax. */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <stddef.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <linux/vm_sockets.h>

#include "rpc/address.h"

/* Long addresses are cut in messages so that the reason still fits. */
#define SHOWN "%.160s"

static int fail(char *err, size_t errlen, const char *addr, const char *why)
{
	snprintf(err, errlen, "\"" SHOWN "\": %s", addr, why);
	return -EINVAL;
}

/* Decimal digits only (no sign, no spaces, no hex), value <= max. */
static int parse_uint(const char *s, size_t len, uint64_t max, uint64_t *out)
{
	uint64_t v = 0;

	if (len == 0 || len > 20)
		return -1;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (uint64_t)(s[i] - '0');
		if (v > max)
			return -1;
	}
	*out = v;
	return 0;
}

static int parse_unix(const char *addr, const char *rest,
		      struct vrpc_address *out, char *err, size_t errlen)
{
	size_t len;

	if (rest[0] == '@') {
		rest++;
		len = strlen(rest);
		if (len == 0)
			return fail(err, errlen, addr,
				    "empty abstract socket name");
		/* sun_path[0] is the NUL that marks the abstract namespace. */
		if (len + 1 > VRPC_UNIX_PATH_MAX) {
			snprintf(err, errlen,
				 "\"" SHOWN "\": abstract name of %zu bytes "
				 "is longer than the %d that fit in sun_path",
				 addr, len, VRPC_UNIX_PATH_MAX - 1);
			return -EINVAL;
		}
		out->abstract = 1;
	} else if (rest[0] == '/') {
		len = strlen(rest);
		if (len + 1 > VRPC_UNIX_PATH_MAX) {
			snprintf(err, errlen,
				 "\"" SHOWN "\": socket path of %zu bytes is "
				 "longer than the %d that fit in sun_path",
				 addr, len, VRPC_UNIX_PATH_MAX - 1);
			return -EINVAL;
		}
	} else {
		return fail(err, errlen, addr,
			    "expected unix:///absolute/path or unix://@name");
	}
	out->kind = VRPC_ADDR_UNIX;
	memcpy(out->path, rest, len + 1);
	return 0;
}

/* A host name or IPv4 literal: letters, digits, '-', '.', '_'. */
static int valid_hostname(const char *h, size_t len)
{
	if (len == 0 || len > 253)
		return 0;
	for (size_t i = 0; i < len; i++) {
		char c = h[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		      (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		      c == '_'))
			return 0;
	}
	return 1;
}

static int valid_ipv6(const char *h)
{
	struct addrinfo hints, *res = NULL;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_INET6;
	hints.ai_flags = AI_NUMERICHOST;
	/* Numeric only: no lookup, but zone ids (fe80::1%eth0) are accepted. */
	if (getaddrinfo(h, NULL, &hints, &res) != 0)
		return 0;
	freeaddrinfo(res);
	return 1;
}

static int parse_tcp(const char *addr, const char *rest,
		     struct vrpc_address *out, char *err, size_t errlen)
{
	const char *host, *port;
	size_t hostlen;
	uint64_t v;

	if (rest[0] == '[') {
		const char *close = strchr(rest, ']');
		if (!close)
			return fail(err, errlen, addr,
				    "missing ']' after IPv6 address");
		host = rest + 1;
		hostlen = (size_t)(close - host);
		if (close[1] != ':')
			return fail(err, errlen, addr,
				    "missing ':port' after IPv6 address");
		port = close + 2;
		if (hostlen == 0 || hostlen >= sizeof(out->host))
			return fail(err, errlen, addr, "bad IPv6 address");
		memcpy(out->host, host, hostlen);
		out->host[hostlen] = '\0';
		if (!valid_ipv6(out->host))
			return fail(err, errlen, addr, "bad IPv6 address");
	} else {
		const char *colon = strrchr(rest, ':');
		if (!colon)
			return fail(err, errlen, addr,
				    "missing ':port' (tcp://host:port)");
		host = rest;
		hostlen = (size_t)(colon - rest);
		port = colon + 1;
		if (memchr(host, ':', hostlen))
			return fail(err, errlen, addr,
				    "IPv6 addresses need brackets "
				    "(tcp://[::1]:port)");
		if (hostlen == 0)
			return fail(err, errlen, addr, "missing host");
		if (!valid_hostname(host, hostlen))
			return fail(err, errlen, addr, "bad host name");
		memcpy(out->host, host, hostlen);
		out->host[hostlen] = '\0';
	}
	if (*port == '\0')
		return fail(err, errlen, addr, "missing port");
	if (parse_uint(port, strlen(port), 65535, &v) != 0)
		return fail(err, errlen, addr,
			    "port must be a number from 0 to 65535");
	out->kind = VRPC_ADDR_TCP;
	out->port = (uint32_t)v;
	return 0;
}

static int parse_vsock(const char *addr, const char *rest,
		       struct vrpc_address *out, char *err, size_t errlen)
{
	const char *colon = strchr(rest, ':');
	size_t cidlen;
	uint64_t v;

	if (!colon)
		return fail(err, errlen, addr,
			    "missing ':port' (vsock://cid:port)");
	cidlen = (size_t)(colon - rest);
	if ((cidlen == 2 && strncmp(rest, "-1", 2) == 0) ||
	    (cidlen == 3 && strncmp(rest, "any", 3) == 0)) {
		out->cid = VMADDR_CID_ANY;
	} else if (parse_uint(rest, cidlen, UINT32_MAX - 1, &v) == 0) {
		out->cid = (uint32_t)v;
	} else {
		return fail(err, errlen, addr,
			    "cid must be a number, -1 or any");
	}
	if (colon[1] == '\0')
		return fail(err, errlen, addr, "missing port");
	if (parse_uint(colon + 1, strlen(colon + 1), UINT32_MAX, &v) != 0)
		return fail(err, errlen, addr,
			    "port must be a number from 0 to 4294967295");
	out->kind = VRPC_ADDR_VSOCK;
	out->port = (uint32_t)v;
	return 0;
}

int vrpc_address_parse(const char *addr, struct vrpc_address *out, char *err,
		       size_t errlen)
{
	if (!addr || !out) {
		snprintf(err, errlen, "no address given");
		return -EINVAL;
	}
	memset(out, 0, sizeof(*out));
	if (strncmp(addr, "unix://", 7) == 0)
		return parse_unix(addr, addr + 7, out, err, errlen);
	if (strncmp(addr, "tcp://", 6) == 0)
		return parse_tcp(addr, addr + 6, out, err, errlen);
	if (strncmp(addr, "vsock://", 8) == 0)
		return parse_vsock(addr, addr + 8, out, err, errlen);
	return fail(err, errlen, addr,
		    "unknown scheme (expected unix://, tcp:// or vsock://)");
}

static int put(size_t size, int n)
{
	if (n < 0)
		return -EINVAL;
	if ((size_t)n >= size)
		return -ENOSPC;
	return 0;
}

int vrpc_listener_address(int fd, char *buf, size_t size)
{
	struct sockaddr_storage ss;
	socklen_t len = sizeof(ss);
	char ip[INET6_ADDRSTRLEN];

	memset(&ss, 0, sizeof(ss));
	if (getsockname(fd, (struct sockaddr *)&ss, &len) != 0)
		return -errno;
	switch (ss.ss_family) {
	case AF_UNIX: {
		const struct sockaddr_un *un = (const void *)&ss;
		size_t off = offsetof(struct sockaddr_un, sun_path);
		if (len <= off)
			return -ENOTCONN; /* unbound */
		if (un->sun_path[0] == '\0')
			return put(size, snprintf(buf, size, "unix://@%.*s",
						  (int)(len - off - 1),
						  un->sun_path + 1));
		return put(size, snprintf(buf, size, "unix://%.*s",
					  (int)(len - off), un->sun_path));
	}
	case AF_INET: {
		const struct sockaddr_in *in = (const void *)&ss;
		inet_ntop(AF_INET, &in->sin_addr, ip, sizeof(ip));
		return put(size, snprintf(buf, size, "tcp://%s:%u", ip,
					  (unsigned)ntohs(in->sin_port)));
	}
	case AF_INET6: {
		const struct sockaddr_in6 *in6 = (const void *)&ss;
		inet_ntop(AF_INET6, &in6->sin6_addr, ip, sizeof(ip));
		return put(size, snprintf(buf, size, "tcp://[%s]:%u", ip,
					  (unsigned)ntohs(in6->sin6_port)));
	}
	case AF_VSOCK: {
		const struct sockaddr_vm *vm = (const void *)&ss;
		if (vm->svm_cid == VMADDR_CID_ANY)
			return put(size, snprintf(buf, size, "vsock://any:%u",
						  (unsigned)vm->svm_port));
		return put(size, snprintf(buf, size, "vsock://%u:%u",
					  (unsigned)vm->svm_cid,
					  (unsigned)vm->svm_port));
	}
	default:
		return -EAFNOSUPPORT;
	}
}
