//go:build vaccel_system

package vaccel

// An installed libvaccel, found with pkg-config (go build -tags vaccel_system).

// #cgo pkg-config: vaccel
import "C"

// BuiltinRPC reports whether the rpc transport is compiled into the binding:
// not against an installed libvaccel (load libvaccel-rpc.so by path).
const BuiltinRPC = false
