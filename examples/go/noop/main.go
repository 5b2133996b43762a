// Command noop opens a session and calls the no-op operation.
//
// In-process:      VACCEL_PLUGINS=libvaccel-noop.so noop
// Through an agent: VACCEL_RPC_ADDRESS=unix:///run/vaccel.sock noop (the
// rpc transport is compiled into the binding).
package main

import (
	"fmt"
	"os"

	vaccel "github.com/vaccel/vaccel/bindings/go"
)

func main() {
	s, err := vaccel.NewSession(0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer s.Close()
	if err := s.Noop(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("session %d: noop OK\n", s.ID())
}
