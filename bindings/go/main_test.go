package vaccel

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The tests need what bazel builds: the plugins, the agent, the exec test
// library and the test models. scripts/test.sh builds them and sets
// VACCEL_GO_BAZEL_BIN to bazel-bin; without it every test fails (never
// skips). With VACCEL_GO_TEST_REMOTE=unix|tcp the same tests run through
// a vaccel-agent that TestMain starts and stops (TestThroughAgent does
// that by running this binary again).

var (
	bazelBin string
	remote   string
	agentCmd *exec.Cmd
	setupErr error
)

func bin(rel string) string { return filepath.Join(bazelBin, rel) }

var backendPlugins = []string{
	"c/plugins/exec/libvaccel-exec.so",
	"c/plugins/blas/libvaccel-blas.so",
	"c/plugins/cpu/libvaccel-cpu.so",
	"c/plugins/torch/libvaccel-torch.so",
	"c/plugins/tflite/libvaccel-tflite.so",
	"c/plugins/tf/libvaccel-tf.so",
	"c/plugins/noop/libvaccel-noop.so",
}

func TestMain(m *testing.M) {
	bazelBin = os.Getenv("VACCEL_GO_BAZEL_BIN")
	remote = os.Getenv("VACCEL_GO_TEST_REMOTE")
	if bazelBin == "" {
		setupErr = fmt.Errorf("VACCEL_GO_BAZEL_BIN is not set (bazel-bin with the plugins, agent and models; scripts/test.sh sets it)")
	} else if remote != "" {
		setupErr = startAgent()
	} else {
		for _, p := range backendPlugins {
			if err := LoadPlugin(bin(p)); err != nil {
				setupErr = err
				break
			}
		}
	}
	code := m.Run()
	stopAgent()
	os.Exit(code)
}

func setup(t testing.TB) {
	t.Helper()
	if setupErr != nil {
		t.Fatal(setupErr)
	}
}

// launchAgent starts a vaccel-agent with every backend plugin on a unix
// socket in a new temporary directory, or on tcp://127.0.0.1:0 for "tcp",
// and returns it with the address it listens on and its directory.
func launchAgent(mode string) (*exec.Cmd, string, string, error) {
	dir, err := os.MkdirTemp("", "vaccel-go-agent")
	if err != nil {
		return nil, "", "", err
	}
	addr := "unix://" + filepath.Join(dir, "agent.sock")
	if mode == "tcp" {
		addr = "tcp://127.0.0.1:0"
	}
	var plugins []string
	for _, p := range backendPlugins {
		plugins = append(plugins, bin(p))
	}
	cmd := exec.Command(bin("c/agent/vaccel-agent"), "-a", addr,
		"--exec-allow-dir", filepath.Dir(bin("tests/backends/libexec-test.so")))
	cmd.Env = append(os.Environ(), "VACCEL_PLUGINS="+strings.Join(plugins, ":"),
		"VACCEL_LOG_FILE="+filepath.Join(dir, "agent.log"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", dir, err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", dir, err
	}
	lines := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		if sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	select {
	case line := <-lines:
		i := strings.Index(line, "listening on ")
		if i < 0 {
			cmd.Process.Kill()
			cmd.Wait()
			return nil, "", dir, fmt.Errorf("agent said %q", line)
		}
		return cmd, strings.TrimSpace(line[i+len("listening on "):]), dir, nil
	case <-time.After(20 * time.Second):
		cmd.Process.Kill()
		cmd.Wait()
		return nil, "", dir, fmt.Errorf("agent did not start in 20 s")
	}
}

// useTransport points this process at the agent at addr: the built-in rpc
// transport joins at a re-bootstrap (libvaccel-rpc.so by path where the
// binding has none, under the tag vaccel_system).
func useTransport(addr string) error {
	os.Setenv("VACCEL_RPC_ADDRESS", addr)
	if !BuiltinRPC {
		return LoadPlugin(bin("c/plugins/rpc/libvaccel-rpc.so"))
	}
	return Bootstrap()
}

func startAgent() error {
	cmd, addr, _, err := launchAgent(remote)
	if err != nil {
		return err
	}
	agentCmd = cmd
	return useTransport(addr)
}

// ownAgent gives an in-process test an agent of its own and this process
// the transport to it; at the test's end (after its sessions' cleanups,
// which were registered later) the agent stops and the runtime goes back
// to the in-process backends.
func ownAgent(t *testing.T) *exec.Cmd {
	t.Helper()
	cmd, addr, dir, err := launchAgent("unix")
	if dir != "" {
		t.Cleanup(func() { os.RemoveAll(dir) })
	}
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		os.Unsetenv("VACCEL_RPC_ADDRESS")
		if err := Bootstrap(); err != nil {
			t.Error(err)
		}
		for _, p := range backendPlugins {
			if err := LoadPlugin(bin(p)); err != nil {
				t.Error(err)
			}
		}
		cmd.Process.Signal(syscall.SIGCONT)
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	})
	if err := useTransport(addr); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// newRemoteSession opens a session on the transport (PluginTypeRemote),
// closed at the test's end.
func newRemoteSession(t testing.TB) *Session {
	t.Helper()
	s, err := NewSession(uint32(PluginTypeRemote))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}

func stopAgent() {
	if agentCmd != nil && agentCmd.Process != nil {
		agentCmd.Process.Signal(os.Interrupt)
		agentCmd.Wait()
	}
}

func newSession(t testing.TB) *Session {
	t.Helper()
	setup(t)
	s, err := NewSession(0)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.Close(); err != nil {
			t.Error(err)
		}
	})
	return s
}
