package examples_test

// Builds every example and runs it in-process (VACCEL_PLUGINS = the
// backend) and through a vaccel-agent (VACCEL_PLUGINS = the rpc plugin),
// checking what it prints. Needs VACCEL_GO_BAZEL_BIN (scripts/test.sh).

import (
	"bufio"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var (
	bazelBin = os.Getenv("VACCEL_GO_BAZEL_BIN")
	binDir   string
)

func bin(rel string) string { return filepath.Join(bazelBin, rel) }

func TestMain(m *testing.M) {
	code := func() int {
		if bazelBin == "" {
			fmt.Fprintln(os.Stderr, "VACCEL_GO_BAZEL_BIN is not set (scripts/test.sh sets it)")
			return 1
		}
		dir, err := os.MkdirTemp("", "vaccel-go-examples")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		binDir = dir
		build := exec.Command("go", "build", "-o", dir+"/", "./...")
		if out, err := build.CombinedOutput(); err != nil {
			fmt.Fprintf(os.Stderr, "go build: %v\n%s", err, out)
			return 1
		}
		return m.Run()
	}()
	os.Exit(code)
}

type agent struct {
	cmd  *exec.Cmd
	addr string
}

func startAgent(t *testing.T, plugin string) *agent {
	t.Helper()
	dir := t.TempDir()
	cmd := exec.Command(bin("c/agent/vaccel-agent"), "-a", "unix://"+filepath.Join(dir, "a.sock"),
		"--exec-allow-dir", filepath.Dir(bin("tests/backends/libexec-test.so")))
	cmd.Env = append(os.Environ(), "VACCEL_PLUGINS="+bin(plugin), "VACCEL_LOG_FILE="+filepath.Join(dir, "log"))
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	a := &agent{cmd: cmd}
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		cmd.Wait()
	})
	line := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		sc.Scan()
		line <- sc.Text()
		for sc.Scan() {
		}
	}()
	select {
	case l := <-line:
		i := strings.Index(l, "listening on ")
		if i < 0 {
			t.Fatalf("agent said %q", l)
		}
		a.addr = strings.TrimSpace(l[i+len("listening on "):])
	case <-time.After(20 * time.Second):
		t.Fatal("agent did not start")
	}
	return a
}

// run runs example name in-process and through an agent (with the rpc
// transport built into the binding: only VACCEL_RPC_ADDRESS; and with
// libvaccel-rpc.so loaded from VACCEL_PLUGINS); all must print lines
// matching want (regular expressions, in order).
func run(t *testing.T, name, plugin string, args []string, want []string) {
	runIn(t, []string{"in-process", "agent", "agent-rpc-so"}, name, plugin, args, want)
}

func runIn(t *testing.T, modes []string, name, plugin string, args []string, want []string) {
	for _, mode := range modes {
		t.Run(mode, func(t *testing.T) {
			cmd := exec.Command(filepath.Join(binDir, name), args...)
			if mode == "in-process" {
				cmd.Env = append(os.Environ(), "VACCEL_PLUGINS="+bin(plugin))
			} else if mode == "agent" {
				a := startAgent(t, plugin)
				cmd.Env = append(os.Environ(), "VACCEL_PLUGINS=", "VACCEL_RPC_ADDRESS="+a.addr)
			} else {
				a := startAgent(t, plugin)
				cmd.Env = append(os.Environ(), "VACCEL_PLUGINS="+bin("c/plugins/rpc/libvaccel-rpc.so"),
					"VACCEL_RPC_ADDRESS="+a.addr)
			}
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("%s: %v\n%s", name, err, out)
			}
			lines := strings.Split(strings.TrimSpace(string(out)), "\n")
			if len(lines) != len(want) {
				t.Fatalf("%s printed %d lines, want %d:\n%s", name, len(lines), len(want), out)
			}
			for i, w := range want {
				if !regexp.MustCompile("^" + w + "$").MatchString(lines[i]) {
					t.Errorf("line %d: %q does not match %q", i+1, lines[i], w)
				}
			}
		})
	}
}

func TestNoopExample(t *testing.T) {
	run(t, "noop", "c/plugins/noop/libvaccel-noop.so", nil, []string{`session [0-9]+: noop OK`})
}

func TestExecExample(t *testing.T) {
	run(t, "exec", "c/plugins/exec/libvaccel-exec.so",
		[]string{bin("tests/backends/libexec-test.so"), "add_int32", "40", "-2"},
		[]string{`add_int32\(40, -2\) = 38`})
}

func TestClassifyExample(t *testing.T) {
	raw, err := os.ReadFile(bin("examples/models/digits/digits_labels.txt"))
	if err != nil {
		t.Fatal(err)
	}
	labels := strings.Fields(string(raw))
	var args, want []string
	for k := 0; k < 10; k++ {
		args = append(args, bin(fmt.Sprintf("examples/models/samples/digit_%d.png", k)))
		want = append(want, fmt.Sprintf(`digit_%d\.png: %s \((0\.[0-9]{3}|1\.000)\)`, k, labels[k]))
	}
	run(t, "classify", "c/plugins/torch/libvaccel-torch.so",
		append([]string{bin("examples/models/digits")}, args...), want)
}

func TestTorchInferenceExample(t *testing.T) {
	args := []string{bin("examples/models/digits/digits.pt")}
	var want []string
	for k := 0; k < 10; k++ {
		args = append(args, bin(fmt.Sprintf("examples/models/samples/digit_%d.f32", k)))
		want = append(want, fmt.Sprintf(`digit_%d\.f32: argmax %d`, k, k))
	}
	run(t, "torch_inference", "c/plugins/torch/libvaccel-torch.so", args, want)
}
