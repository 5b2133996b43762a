//go:build !vaccel_system

package vaccel

// The runtime compiled in from vaccel_runtime.c (the default), and the rpc
// transport as a built-in plugin from the vaccel_rpc_*.c wrappers of the
// copies under csrc/ (csrc: "rpc/*.h"; csrc/wire: the wire headers;
// csrc/src: the runtime's builtin_plugin.h).

// #cgo CFLAGS: -std=c11 -I${SRCDIR}/include -I${SRCDIR}/csrc -I${SRCDIR}/csrc/wire -I${SRCDIR}/csrc/src
// #cgo LDFLAGS: -ldl -lpthread
import "C"

// BuiltinRPC reports whether the rpc transport is compiled into the binding
// (true unless built with the tag vaccel_system).
const BuiltinRPC = true
