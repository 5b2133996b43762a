// Package vaccel is the Go binding of vaccel: sessions, resources and every
// operation of idl/vaccel.idl as Session methods. The core runtime is
// compiled in through cgo (vaccel_runtime.c, the amalgamation), so building
// needs only a C compiler; backend plugins are shared objects loaded at run
// time by path (LoadPlugin, or the VACCEL_PLUGINS environment variable).
// The rpc transport is compiled in too (BuiltinRPC): with VACCEL_RPC_ADDRESS
// set at start-up (or before Bootstrap), sessions reach a vaccel-agent with
// no libvaccel-rpc.so.
//
// Every value that holds C memory has Close. A finalizer only reports a
// leak through the package's leak hook; it never frees, so nothing is freed
// concurrently with a call. All types are safe for concurrent use.
//
// With the build tag vaccel_system the package links an installed libvaccel
// (found with pkg-config) instead of compiling the runtime in.
package vaccel

// #include <malloc.h>
// #include <stdlib.h>
// #include "vaccel.h"
// static size_t vaccel_go_heap_in_use(void) { return mallinfo2().uordblks; }
import "C"

import (
	"context"
	"runtime"
	"sync"
	"unsafe"
)

// Session is a vaccel session. Ops are its methods.
type Session struct {
	mu     sync.RWMutex // calls hold it shared, Close exclusively
	c      *C.struct_vaccel_session
	closed bool
}

// NewSession opens a session; flags select the backend type (a PluginType
// value, 0 for any).
func NewSession(flags uint32) (*Session, error) {
	var c *C.struct_vaccel_session
	if rc := C.vaccel_session_new(&c, C.uint32_t(flags)); rc != 0 {
		return nil, newError(int(rc), "session_new")
	}
	s := &Session{c: c}
	runtime.SetFinalizer(s, func(s *Session) { reportLeak("Session") })
	return s, nil
}

// ID is the session's id.
func (s *Session) ID() int64 {
	if err := s.enter(); err != nil {
		return 0
	}
	defer s.leave()
	return int64(s.c.id)
}

// Close releases the session; calls still running finish first. A second
// Close returns nil.
func (s *Session) Close() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.closed {
		return nil
	}
	s.closed = true
	runtime.SetFinalizer(s, nil)
	rc := C.vaccel_session_delete(s.c)
	s.c = nil
	if rc != 0 {
		return newError(int(rc), "session_delete")
	}
	return nil
}

func (s *Session) enter() error {
	if s == nil {
		return invalid("session", "nil *Session")
	}
	s.mu.RLock()
	if s.closed {
		s.mu.RUnlock()
		return invalid("session", "session is closed")
	}
	return nil
}

func (s *Session) leave() { s.mu.RUnlock() }

// LoadPlugin loads the backend plugin at path (a shared object).
func LoadPlugin(path string) error {
	c := C.CString(path)
	defer C.free(unsafe.Pointer(c))
	if rc := C.vaccel_plugin_load(c); rc != 0 {
		return newError(int(rc), "plugin_load "+path)
	}
	return nil
}

// Bootstrap restarts the runtime from the environment, as it started when
// the program loaded: the plugins loaded so far are unloaded, then those of
// VACCEL_PLUGINS loaded, then (with BuiltinRPC) the built-in rpc transport
// added when VACCEL_RPC_ADDRESS is set and no plugin named rpc is loaded
// (docs/plugins.md "Built-in plugins"). Close every session and resource
// first.
func Bootstrap() error {
	if rc := C.vaccel_bootstrap(); rc != 0 {
		return newError(int(rc), "bootstrap")
	}
	return nil
}

// await runs call and waits for it or for ctx, whichever ends first.
func await(ctx context.Context, call func()) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	done := make(chan struct{})
	go func() {
		defer close(done)
		call()
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// slicePtr is the address of a slice's first element, or nil when empty.
func slicePtr[T any](s []T) unsafe.Pointer {
	if len(s) == 0 {
		return nil
	}
	return unsafe.Pointer(&s[0])
}

// cString is the text up to the first NUL.
func cString(b []byte) string {
	for i, c := range b {
		if c == 0 {
			return string(b[:i])
		}
	}
	return string(b)
}

// ptrArray allocates n zeroed pointers in C memory (at least one).
func ptrArray(n int) *unsafe.Pointer {
	if n < 1 {
		n = 1
	}
	return (*unsafe.Pointer)(C.calloc(C.size_t(n), C.size_t(unsafe.Sizeof(uintptr(0)))))
}

var leakHook struct {
	sync.Mutex
	fn func(what string)
}

// SetLeakHook sets the function told when a finalizer finds an object that
// was never closed (nil: ignore). The object's C memory is not freed.
func SetLeakHook(fn func(what string)) {
	leakHook.Lock()
	leakHook.fn = fn
	leakHook.Unlock()
}

func reportLeak(what string) {
	leakHook.Lock()
	fn := leakHook.fn
	leakHook.Unlock()
	if fn != nil {
		fn(what)
	}
}

// cHeapInUse is the C heap's allocated bytes (glibc mallinfo2), for the
// leak tests.
func cHeapInUse() uint64 { return uint64(C.vaccel_go_heap_in_use()) }
