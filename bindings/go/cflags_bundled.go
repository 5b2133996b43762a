//go:build !vaccel_system

package vaccel

// The runtime compiled in from vaccel_runtime.c (the default).

// #cgo CFLAGS: -std=c11 -I${SRCDIR}/include
// #cgo LDFLAGS: -ldl -lpthread
import "C"
