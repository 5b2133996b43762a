package vaccel

import (
	"context"
	"errors"
	"fmt"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A call to an agent that stops answering: the context's deadline ends the
// wait with ctx.Err(), and once the agent answers again the abandoned call
// finishes and leaves no goroutine behind. In TestThroughAgent's child runs
// it stalls their agent; in-process it starts an agent of its own.
func TestRemoteContextDeadline(t *testing.T) {
	setup(t)
	agent := agentCmd
	if remote == "" {
		agent = ownAgent(t)
	}
	s := newRemoteSession(t)
	if err := s.Noop(); err != nil { // the connection is up
		t.Fatal(err)
	}
	goroutines := runtime.NumGoroutine()
	if err := agent.Process.Signal(syscall.SIGSTOP); err != nil {
		t.Fatal(err)
	}
	// SIGSTOP lands asynchronously: wait until the kernel shows it stopped.
	for i := 0; i < 200 && !stopped(agent.Process.Pid); i++ {
		time.Sleep(5 * time.Millisecond)
	}
	if !stopped(agent.Process.Pid) {
		t.Fatal("the agent did not stop")
	}
	resumed := false
	resume := func() {
		if !resumed {
			resumed = true
			agent.Process.Signal(syscall.SIGCONT)
		}
	}
	defer resume()
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	start := time.Now()
	err := s.NoopContext(ctx)
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v, want context.DeadlineExceeded", err)
	}
	if d := time.Since(start); d > 2*time.Second {
		t.Fatalf("the wait took %v", d)
	}
	resume()
	deadline := time.Now().Add(10 * time.Second)
	for runtime.NumGoroutine() > goroutines && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > goroutines {
		t.Fatalf("%d goroutines left after the agent answered", n-goroutines)
	}
	// The session still works.
	if err := s.Noop(); err != nil {
		t.Fatal(err)
	}
}

// stopped reports whether process pid is stopped (state T in /proc).
func stopped(pid int) bool {
	raw, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return false
	}
	// The state follows the parenthesised command name.
	i := strings.LastIndexByte(string(raw), ')')
	return i >= 0 && i+2 < len(raw) && (raw[i+2] == 'T' || raw[i+2] == 't')
}
