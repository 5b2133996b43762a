package vaccel

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"
)

func TestErrorsMatchSentinels(t *testing.T) {
	setup(t)
	cases := []struct {
		code ErrorCode
		want error
	}{
		{ErrorCodeEinval, ErrInvalid}, {ErrorCodeEnotsup, ErrNotSupported},
		{ErrorCodeEnoent, ErrNotFound}, {ErrorCodeEbackend, ErrBackend},
		{ErrorCodeEperm, ErrPermission}, {ErrorCodeEexist, ErrExists},
	}
	for _, c := range cases {
		err := newError(int(c.code), "op")
		if !errors.Is(err, c.want) {
			t.Errorf("%v does not match %v", err, c.want)
		}
		if errors.Is(err, ErrIO) {
			t.Errorf("%v matches ErrIO", err)
		}
		wrapped := fmt.Errorf("context: %w", err)
		if !errors.Is(wrapped, c.want) {
			t.Errorf("wrapped %v does not match", err)
		}
	}
	if got := newError(int(ErrorCodeEinval), "noop").Error(); got != "vaccel: noop: VACCEL_EINVAL" {
		t.Errorf("message %q", got)
	}
}

func TestRealErrorsMapToSentinels(t *testing.T) {
	s := newSession(t)
	r, err := NewResource(execLib(), ResourceTypeLib)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.Register(s); err != nil {
		t.Fatal(err)
	}
	// Registering twice: EEXIST.
	if err := r.Register(s); !errors.Is(err, ErrExists) {
		t.Fatalf("second register: %v, want ErrExists", err)
	}
	// A closed session: EINVAL from the binding, before C.
	s2, err := NewSession(0)
	if err != nil {
		t.Fatal(err)
	}
	s2.Close()
	if err := s2.Noop(); !errors.Is(err, ErrInvalid) {
		t.Fatalf("noop on closed session: %v", err)
	}
	// A closed resource.
	r2, err := NewResourceFromBytes([]byte("x"), ResourceTypeData, "")
	if err != nil {
		t.Fatal(err)
	}
	r2.Close()
	if err := s.TorchModelLoad(r2); !errors.Is(err, ErrInvalid) {
		t.Fatalf("closed resource: %v", err)
	}
	// A model the torch backend cannot parse: a backend error.
	r3, err := NewResourceFromBytes([]byte("not a model"), ResourceTypeModel, "bad.pt")
	if err != nil {
		t.Fatal(err)
	}
	defer r3.Close()
	if err := r3.Register(s); err != nil {
		t.Fatal(err)
	}
	if err := s.TorchModelLoad(r3); !errors.Is(err, ErrBackend) && !errors.Is(err, ErrInvalid) {
		t.Fatalf("bad model: %v", err)
	}
}

func TestEnumString(t *testing.T) {
	if got := ErrorCodeEnotsup.String(); got != "VACCEL_ENOTSUP" {
		t.Fatal(got)
	}
	if got := TorchDataTypeFloat.String(); got != "VACCEL_TORCH_FLOAT" {
		t.Fatal(got)
	}
	if got := ResourceType(999).String(); got != "ResourceType(999)" {
		t.Fatal(got)
	}
}

// 16 goroutines share one session and one model, each checking its own
// results.
func TestConcurrentGoroutines(t *testing.T) {
	s := newSession(t)
	r := torchModel(t, s, "affine.pt")
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for g := 0; g < 16; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < 20; i++ {
				if err := s.Noop(); err != nil {
					errs <- err
					return
				}
				sum := make([]byte, 4)
				a := binary.LittleEndian.AppendUint32(nil, uint32(g))
				b := binary.LittleEndian.AppendUint32(nil, uint32(i))
				if err := s.Exec(execLib(), "add_int32", [][]byte{a, b}, [][]byte{sum}); err != nil {
					errs <- err
					return
				}
				if got := binary.LittleEndian.Uint32(sum); got != uint32(g+i) {
					errs <- fmt.Errorf("goroutine %d: %d+%d = %d", g, g, i, got)
					return
				}
				x := float32(g*100 + i)
				in, _ := NewTorchTensor([]int64{1}, []float32{x})
				outs, err := s.TorchModelRun(r, nil, []*TorchTensor{in}, 1)
				if err != nil {
					errs <- err
					return
				}
				if v, _ := TorchValues[float32](outs[0]); v[0] != 2*x+1 {
					errs <- fmt.Errorf("goroutine %d: affine(%v) = %v", g, x, v)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// Many calls of every kind leave the C heap where it was and no goroutine
// behind.
func TestNoLeaks(t *testing.T) {
	s := newSession(t)
	r := torchModel(t, s, "affine.pt")
	round := func() {
		s2, err := NewSession(0)
		if err != nil {
			t.Fatal(err)
		}
		if err := s2.Noop(); err != nil {
			t.Fatal(err)
		}
		res, err := NewResourceFromBytes(make([]byte, 64), ResourceTypeData, "")
		if err != nil {
			t.Fatal(err)
		}
		if err := res.Register(s2); err != nil {
			t.Fatal(err)
		}
		res.Close()
		s2.Close()
		sum := make([]byte, 4)
		a := binary.LittleEndian.AppendUint32(nil, 1)
		if err := s.Exec(execLib(), "add_int32", [][]byte{a, a}, [][]byte{sum}); err != nil {
			t.Fatal(err)
		}
		in, _ := NewTorchTensor([]int64{4}, []float32{1, 2, 3, 4})
		if _, err := s.TorchModelRun(r, nil, []*TorchTensor{in}, 1); err != nil {
			t.Fatal(err)
		}
		if _, _, _, err := s.Minmax([]float64{1, 2}, 0, 1); err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		if err := s.NoopContext(ctx); err != nil {
			t.Fatal(err)
		}
		cancel()
	}
	for i := 0; i < 20; i++ { // warm caches and lazy allocations
		round()
	}
	goroutines := runtime.NumGoroutine()
	// Three batches of 500 rounds: a leak grows the heap in every batch;
	// a one-off allocation elsewhere in the process (libtorch's caches, a
	// thread's arena) does not, so the smallest growth is what counts. A
	// leak of 16 bytes per round shows as 8 KiB.
	var growth []int64
	minGrowth := int64(1 << 62)
	for b := 0; b < 3; b++ {
		before := cHeapInUse()
		for i := 0; i < 500; i++ {
			round()
		}
		g := int64(cHeapInUse()) - int64(before)
		growth = append(growth, g)
		minGrowth = min(minGrowth, g)
	}
	if minGrowth > 8192 {
		t.Errorf("C heap grew in every batch of 500 rounds: %v bytes", growth)
	}
	deadline := time.Now().Add(5 * time.Second)
	for runtime.NumGoroutine() > goroutines && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > goroutines {
		t.Errorf("%d goroutines left behind", n-goroutines)
	}
}

func TestContextEndsTheWait(t *testing.T) {
	s := newSession(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := s.NoopContext(ctx); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: %v", err)
	}
	ctx, cancel = context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	out, lo, hi, err := s.MinmaxContext(ctx, []float64{3, 9}, 0, 5)
	if err != nil || lo != 3 || hi != 9 || out[1] != 5 {
		t.Fatalf("minmax with a live context: %v %v %v %v", out, lo, hi, err)
	}
}

func TestLeakHookReportsUnclosed(t *testing.T) {
	setup(t)
	got := make(chan string, 4)
	SetLeakHook(func(what string) { got <- what })
	defer SetLeakHook(nil)
	func() {
		r, err := NewResourceFromBytes([]byte("x"), ResourceTypeData, "")
		if err != nil {
			t.Fatal(err)
		}
		_ = r.ID()
	}()
	for i := 0; i < 20; i++ {
		runtime.GC()
		select {
		case w := <-got:
			if w != "Resource" {
				t.Fatalf("leak hook said %q", w)
			}
			return
		default:
			time.Sleep(10 * time.Millisecond)
		}
	}
	t.Fatal("the leak hook was never called")
}

// The op tests again, through a vaccel-agent: this binary runs itself with
// VACCEL_GO_TEST_REMOTE set, so TestMain loads only the rpc plugin.
func TestThroughAgent(t *testing.T) {
	setup(t)
	if remote != "" {
		return // already the child
	}
	for _, mode := range []string{"unix", "tcp"} {
		t.Run(mode, func(t *testing.T) {
			cmd := exec.Command(os.Args[0], "-test.v", "-test.count=1",
				"-test.run", "^Test(Noop|Exec|Blas|CPU|Torch|TFLite|TF|Concurrent|Context|RealErrors|RemoteContext|BuiltinTransport)")
			cmd.Env = append(os.Environ(), "VACCEL_GO_TEST_REMOTE="+mode)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("remote run failed: %v\n%s", err, out)
			}
			passed := regexp.MustCompile(`(?m)^--- PASS: `).FindAll(out, -1)
			if len(passed) < 19 || strings.Contains(string(out), "--- FAIL") {
				t.Fatalf("%d tests passed through the agent:\n%s", len(passed), out)
			}
			musts := []string{"TestRemoteContextDeadline", "TestTorchDigits", "TestTFInteger", "TestTFLiteInt32", "TestConcurrentGoroutines"}
			if BuiltinRPC {
				musts = append(musts, "TestBuiltinTransport")
			}
			for _, must := range musts {
				if !strings.Contains(string(out), "--- PASS: "+must+" ") {
					t.Errorf("%s did not pass through the agent:\n%s", must, out)
				}
			}
			t.Logf("%d tests passed through the %s agent", len(passed), mode)
		})
	}
}
