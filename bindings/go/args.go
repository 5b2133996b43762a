package vaccel

// #include <stdlib.h>
// #include <string.h>
// #include "vaccel.h"
import "C"

import "unsafe"

// argsToC copies bufs into a C array of raw vaccel_args (C memory only, so
// no Go pointer is stored in C memory).
func argsToC(bufs [][]byte) (*C.struct_vaccel_arg, func()) {
	n := max(len(bufs), 1)
	arr := (*C.struct_vaccel_arg)(C.calloc(C.size_t(n), C.size_t(unsafe.Sizeof(C.struct_vaccel_arg{}))))
	cs := unsafe.Slice(arr, n)
	for i, b := range bufs {
		cs[i].buf = cBytes(b)
		cs[i].size = C.size_t(len(b))
		cs[i]._type = C.VACCEL_ARG_RAW
	}
	return arr, func() {
		for i := range bufs {
			C.free(cs[i].buf)
		}
		C.free(unsafe.Pointer(arr))
	}
}

// argsFromC copies what the callee wrote back into the Go buffers.
func argsFromC(arr *C.struct_vaccel_arg, bufs [][]byte) {
	cs := unsafe.Slice(arr, max(len(bufs), 1))
	for i, b := range bufs {
		if len(b) > 0 && cs[i].buf != nil {
			copy(b, unsafe.Slice((*byte)(cs[i].buf), min(len(b), int(cs[i].size))))
		}
	}
}
