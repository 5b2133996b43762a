package vaccel

// #include <stdlib.h>
// #include "vaccel.h"
import "C"

import (
	"runtime"
	"sync"
	"unsafe"
)

// Resource is a vaccel resource (a model, a library, data) made from files
// or bytes; register it to a session before an op uses it.
type Resource struct {
	mu     sync.RWMutex
	c      *C.struct_vaccel_resource
	closed bool
}

func newResource(c *C.struct_vaccel_resource) *Resource {
	r := &Resource{c: c}
	runtime.SetFinalizer(r, func(r *Resource) { reportLeak("Resource") })
	return r
}

// NewResource makes a resource from a file, a directory or an http(s) URL.
func NewResource(path string, typ ResourceType) (*Resource, error) {
	cp := C.CString(path)
	defer C.free(unsafe.Pointer(cp))
	var c *C.struct_vaccel_resource
	if rc := C.vaccel_resource_new(&c, cp, C.vaccel_resource_type_t(typ)); rc != 0 {
		return nil, newError(int(rc), "resource_new "+path)
	}
	return newResource(c), nil
}

// NewResourceFromBytes makes a resource from a copy of data, written to the
// resource's directory as filename ("" for a random name).
func NewResourceFromBytes(data []byte, typ ResourceType, filename string) (*Resource, error) {
	var cname *C.char
	if filename != "" {
		cname = C.CString(filename)
		defer C.free(unsafe.Pointer(cname))
	}
	var c *C.struct_vaccel_resource
	rc := C.vaccel_resource_from_buf(&c, slicePtr(data), C.size_t(len(data)),
		C.vaccel_resource_type_t(typ), cname, false)
	if rc != 0 {
		return nil, newError(int(rc), "resource_from_buf")
	}
	return newResource(c), nil
}

// Register makes the resource usable by the session's ops.
func (r *Resource) Register(s *Session) error {
	return r.withSession(s, "resource_register", func(c *C.struct_vaccel_resource, sc *C.struct_vaccel_session) C.int {
		return C.vaccel_resource_register(c, sc)
	})
}

// Unregister undoes Register.
func (r *Resource) Unregister(s *Session) error {
	return r.withSession(s, "resource_unregister", func(c *C.struct_vaccel_resource, sc *C.struct_vaccel_session) C.int {
		return C.vaccel_resource_unregister(c, sc)
	})
}

func (r *Resource) withSession(s *Session, op string, f func(*C.struct_vaccel_resource, *C.struct_vaccel_session) C.int) error {
	c, err := r.ptr()
	if err != nil {
		return err
	}
	defer r.mu.RUnlock()
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	if rc := f(c, s.c); rc != 0 {
		return newError(int(rc), op)
	}
	return nil
}

// ID is the resource's id.
func (r *Resource) ID() int64 {
	c, err := r.ptr()
	if err != nil {
		return 0
	}
	defer r.mu.RUnlock()
	return int64(c.id)
}

// ptr read-locks the resource and returns its C pointer; the caller must
// RUnlock (the generated ops do, at return).
func (r *Resource) ptr() (*C.struct_vaccel_resource, error) {
	if r == nil {
		return nil, invalid("resource", "nil *Resource")
	}
	r.mu.RLock()
	if r.closed {
		r.mu.RUnlock()
		return nil, invalid("resource", "resource is closed")
	}
	return r.c, nil
}

// Close unregisters the resource from every session and frees it.
func (r *Resource) Close() error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.closed {
		return nil
	}
	r.closed = true
	runtime.SetFinalizer(r, nil)
	rc := C.vaccel_resource_delete(r.c)
	r.c = nil
	if rc != 0 {
		return newError(int(rc), "resource_delete")
	}
	return nil
}
