/* Compiled into the torch test binaries: what LeakSanitizer must not
 * report because it happens inside libtorch or the libraries libtorch
 * brings in (Debian's libtorch is not built with sanitizers). Every entry
 * names one of those libraries or a glibc internal, never a function or
 * file of ours: a leak of our own objects (allocated by our code, with no
 * such frame in its stack) is still reported. */

extern "C" {

const char *__lsan_default_options(void);
const char *__lsan_default_suppressions(void);

/* use_tls=0: GCC 12's LeakSanitizer crashes ("Tracer caught signal 11")
 * reading the dynamic TLS of the OpenMP worker threads libtorch starts
 * (a bogus DTLS range under glibc 2.36), so thread-local storage is not
 * scanned. Blocks only referenced from TLS then look leaked: the entries
 * below are exactly those. */
const char *__lsan_default_options(void)
{
	return "use_tls=0";
}

const char *__lsan_default_suppressions(void)
{
	return
	    /* libgomp's per-thread team state of the OpenMP workers that
	     * libtorch's parallel kernels start; reachable from the
	     * workers' TLS only. */
	    "leak:libgomp.so\n"
	    /* glibc's per-thread dynamic TLS vector, grown when libtorch
	     * and its dependencies (which have TLS) are loaded; reachable
	     * from the thread descriptor only. */
	    "leak:_dl_resize_dtv\n"
	    /* GLib's type system: loaded through libtorch_cpu's
	     * dependencies (OpenCV, GStreamer), allocates at load and
	     * never frees by design. */
	    "leak:libglib-2.0.so\n"
	    /* glibc's dynamic loader keeps the previous dependency list
	     * (libtorch's ~290 libraries) of an object opened again, for
	     * lookups that may still be walking it (_dl_scope_free); the
	     * tests load the plugin, which stays mapped (-z nodelete), in
	     * every test. */
	    "leak:_dl_map_object_deps\n";
}
}
