//go:build vaccel_system

package vaccel

// An installed libvaccel, found with pkg-config (go build -tags vaccel_system).

// #cgo pkg-config: vaccel
import "C"
