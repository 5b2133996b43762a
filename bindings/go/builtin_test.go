//go:build !vaccel_system

package vaccel

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// The rpc transport compiled into the binding (issue 19.1): a remote
// session reaches the agent with no libvaccel-rpc.so in the process.
// In-process it starts an agent of its own; in TestThroughAgent's child
// runs the whole process uses the built-in transport.
func TestBuiltinTransport(t *testing.T) {
	setup(t)
	if remote == "" {
		ownAgent(t)
	}
	s := newRemoteSession(t)
	if err := s.Noop(); err != nil {
		t.Fatal(err)
	}
	maps, err := os.ReadFile("/proc/self/maps")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(maps), "libvaccel-rpc.so") {
		t.Fatal("libvaccel-rpc.so is mapped: the built-in transport was not used")
	}
}

// The test binary, with the runtime and the transport compiled in, needs
// no shared library beyond glibc's (libcrypto was one before c/wire got its
// own SHA-256), and has the transport in it.
func TestBinaryNeedsOnlyLibc(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	raw, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(raw), "VACCEL_RPC_ADDRESS") {
		t.Fatalf("%s has no rpc transport compiled in", exe)
	}
	out, err := exec.Command("readelf", "-d", exe).Output()
	if err != nil {
		t.Fatalf("readelf -d %s: %v", exe, err)
	}
	var needed []string
	for _, line := range strings.Split(string(out), "\n") {
		if i := strings.Index(line, "(NEEDED)"); i >= 0 {
			lib := line[strings.Index(line, "[")+1 : strings.LastIndex(line, "]")]
			needed = append(needed, lib)
		}
	}
	if len(needed) == 0 {
		t.Fatalf("readelf found no NEEDED entries in %s:\n%s", exe, out)
	}
	for _, lib := range needed {
		ok := false
		for _, prefix := range []string{"libc.so.", "libdl.so.", "libpthread.so.", "ld-linux"} {
			ok = ok || strings.HasPrefix(lib, prefix)
		}
		if !ok {
			t.Errorf("%s needs %s (all: %v)", exe, lib, needed)
		}
	}
}
