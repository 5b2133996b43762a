package vaccel

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
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

func startAgent() error {
	dir, err := os.MkdirTemp("", "vaccel-go-agent")
	if err != nil {
		return err
	}
	addr := "unix://" + filepath.Join(dir, "agent.sock")
	if remote == "tcp" {
		addr = "tcp://127.0.0.1:0"
	}
	var plugins []string
	for _, p := range backendPlugins {
		plugins = append(plugins, bin(p))
	}
	agentCmd = exec.Command(bin("c/agent/vaccel-agent"), "-a", addr,
		"--exec-allow-dir", filepath.Dir(bin("tests/backends/libexec-test.so")))
	agentCmd.Env = append(os.Environ(), "VACCEL_PLUGINS="+strings.Join(plugins, ":"),
		"VACCEL_LOG_FILE="+filepath.Join(dir, "agent.log"))
	out, err := agentCmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := agentCmd.Start(); err != nil {
		return err
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
			return fmt.Errorf("agent said %q", line)
		}
		os.Setenv("VACCEL_RPC_ADDRESS", strings.TrimSpace(line[i+len("listening on "):]))
	case <-time.After(20 * time.Second):
		return fmt.Errorf("agent did not start in 20 s")
	}
	return LoadPlugin(bin("c/plugins/rpc/libvaccel-rpc.so"))
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
