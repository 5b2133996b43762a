package vaccel

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
)

func TestNoop(t *testing.T) {
	s := newSession(t)
	if err := s.Noop(); err != nil {
		t.Fatal(err)
	}
}

func execLib() string { return bin("tests/backends/libexec-test.so") }

func TestExecAddInt32(t *testing.T) {
	s := newSession(t)
	a := binary.LittleEndian.AppendUint32(nil, 40)
	b := binary.LittleEndian.AppendUint32(nil, 2)
	sum := make([]byte, 4)
	if err := s.Exec(execLib(), "add_int32", [][]byte{a, b}, [][]byte{sum}); err != nil {
		t.Fatal(err)
	}
	if got := binary.LittleEndian.Uint32(sum); got != 42 {
		t.Fatalf("add_int32(40, 2) = %d, want 42", got)
	}
}

func TestExecReverse(t *testing.T) {
	s := newSession(t)
	out := make([]byte, 16)
	n := make([]byte, 8)
	if err := s.Exec(execLib(), "reverse", [][]byte{[]byte("vaccel\x00")}, [][]byte{out, n}); err != nil {
		t.Fatal(err)
	}
	if got := cString(out); got != "leccav" {
		t.Fatalf("reverse = %q", got)
	}
	if got := binary.LittleEndian.Uint64(n); got != 6 {
		t.Fatalf("length = %d, want 6", got)
	}
}

func TestExecWithResource(t *testing.T) {
	s := newSession(t)
	r, err := NewResource(execLib(), ResourceTypeLib)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.Register(s); err != nil {
		t.Fatal(err)
	}
	sum := make([]byte, 4)
	a := binary.LittleEndian.AppendUint32(nil, 7)
	if err := s.ExecWithResource(r, "add_int32", [][]byte{a, a}, [][]byte{sum}); err != nil {
		t.Fatal(err)
	}
	if got := binary.LittleEndian.Uint32(sum); got != 14 {
		t.Fatalf("add_int32(7, 7) = %d", got)
	}
}

func TestExecFailureIsBackendError(t *testing.T) {
	s := newSession(t)
	err := s.Exec(execLib(), "no_such_symbol", nil, nil)
	var ve *Error
	if !errors.As(err, &ve) {
		t.Fatalf("err = %v, want *Error", err)
	}
	if ve.Code == ErrorCodeOk || ve.Op != "exec" {
		t.Fatalf("err = %#v", ve)
	}
}

func TestBlasSgemm(t *testing.T) {
	s := newSession(t)
	// Column-major 2x2: A = [1 3; 2 4], B = I, C = ones; C = 2*A*B + 1*C.
	a := []float32{1, 2, 3, 4}
	b := []float32{1, 0, 0, 1}
	c := []float32{1, 1, 1, 1}
	if err := s.Sgemm(2, 2, 2, 2, a, 2, b, 2, 1, c, 2); err != nil {
		t.Fatal(err)
	}
	want := []float32{3, 5, 7, 9}
	for i := range want {
		if c[i] != want[i] {
			t.Fatalf("c = %v, want %v", c, want)
		}
	}
}

func TestBlasShortSliceIsInvalid(t *testing.T) {
	s := newSession(t)
	err := s.Sgemm(2, 2, 2, 1, []float32{1}, 2, []float32{1, 0, 0, 1}, 2, 0, make([]float32, 4), 2)
	if !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
}

func TestCPUMinmax(t *testing.T) {
	s := newSession(t)
	out, lo, hi, err := s.Minmax([]float64{5, -3, 12, 7}, 0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if lo != -3 || hi != 12 {
		t.Fatalf("min, max = %v, %v", lo, hi)
	}
	want := []float64{5, 0, 10, 7}
	for i := range want {
		if out[i] != want[i] {
			t.Fatalf("clamped = %v, want %v", out, want)
		}
	}
}

func TestCPUVectorAdd(t *testing.T) {
	s := newSession(t)
	c, err := s.FpgaVadd([]float32{1, 2, 3}, []float32{10, 20, 30})
	if err != nil {
		t.Fatal(err)
	}
	if c[0] != 11 || c[1] != 22 || c[2] != 33 {
		t.Fatalf("c = %v", c)
	}
	copied, err := s.FpgaArraycopy([]int32{4, -5, 6})
	if err != nil {
		t.Fatal(err)
	}
	if copied[0] != 4 || copied[1] != -5 || copied[2] != 6 {
		t.Fatalf("copy = %v", copied)
	}
}

func torchModel(t testing.TB, s *Session, name string) *Resource {
	t.Helper()
	r, err := NewResource(bin("tests/torch/models/"+name), ResourceTypeModel)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	if err := r.Register(s); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestTorchAffine(t *testing.T) {
	s := newSession(t)
	r := torchModel(t, s, "affine.pt")
	in, err := NewTorchTensor([]int64{2, 3}, []float32{0, 1, 2, -1, 0.5, 10})
	if err != nil {
		t.Fatal(err)
	}
	outs, err := s.TorchModelRun(r, nil, []*TorchTensor{in}, 1)
	if err != nil {
		t.Fatal(err)
	}
	got, err := TorchValues[float32](outs[0])
	if err != nil {
		t.Fatal(err)
	}
	want := []float32{1, 3, 5, -1, 2, 21}
	if len(got) != len(want) || outs[0].Dims[0] != 2 || outs[0].Dims[1] != 3 {
		t.Fatalf("out = %v dims %v", got, outs[0].Dims)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("out = %v, want %v", got, want)
		}
	}
	if _, err := TorchValues[int64](outs[0]); !errors.Is(err, ErrInvalid) {
		t.Fatalf("reading float as int64: %v", err)
	}
}

func TestTorchShapeChecked(t *testing.T) {
	if _, err := NewTorchTensor([]int64{2, 3}, []float32{1, 2}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	if _, err := NewTorchTensor([]int64{-1}, []float32{1}); !errors.Is(err, ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
}

func TestTorchMissingModelIsNotFound(t *testing.T) {
	setup(t)
	_, err := NewResource(filepath.Join(os.TempDir(), "no-such-model.pt"), ResourceTypeModel)
	if !errors.Is(err, ErrNotFound) {
		t.Fatalf("err = %v", err)
	}
}

func TestTFLiteInt32(t *testing.T) {
	s := newSession(t)
	c := readCase(t, bin("tests/tflite/int32_b1.txt"))
	r, err := NewResource(bin("tests/tflite/int32_b1.tflite"), ResourceTypeModel)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.Register(s); err != nil {
		t.Fatal(err)
	}
	if err := s.TfliteModelLoad(r); err != nil {
		t.Fatal(err)
	}
	var ins []*TFLiteTensor
	for _, in := range c.ins {
		x, err := NewTFLiteTensor(in.dims, in.int32s())
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, x)
	}
	outs, status, err := s.TfliteModelRun(r, ins, len(c.outs))
	if err != nil {
		t.Fatal(err, status)
	}
	for i, o := range c.outs {
		got, err := TFLiteValues[int32](outs[i])
		if err != nil {
			t.Fatal(err)
		}
		for j, w := range o.int32s() {
			if got[j] != w {
				t.Fatalf("output %s = %v, want %v", o.name, got, o.int32s())
			}
		}
	}
	if err := s.TfliteModelUnload(r); err != nil {
		t.Fatal(err)
	}
}

func TestTFInteger(t *testing.T) {
	s := newSession(t)
	c := readCase(t, bin("tests/tf/integer_b1.txt"))
	r, err := NewResource(bin("tests/tf/integer"), ResourceTypeModel)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if err := r.Register(s); err != nil {
		t.Fatal(err)
	}
	if st, err := s.TfModelLoad(r); err != nil || st.Code != 0 {
		t.Fatal(err, st)
	}
	var ins []*TFTensor
	var inNodes, outNodes []TFNode
	for _, in := range c.ins {
		x, err := NewTFTensor(in.dims, in.int32s())
		if err != nil {
			t.Fatal(err)
		}
		ins = append(ins, x)
		inNodes = append(inNodes, in.node())
	}
	for _, o := range c.outs {
		outNodes = append(outNodes, o.node())
	}
	outs, st, err := s.TfModelRun(r, nil, inNodes, ins, outNodes)
	if err != nil || st.Code != 0 {
		t.Fatal(err, st)
	}
	for i, o := range c.outs {
		if int64(outs[i].Type) != o.dtype || string(outs[i].Data) != string(o.data) {
			t.Fatalf("output %s: type %v data %x, want type %d data %x", o.name, outs[i].Type, outs[i].Data, o.dtype, o.data)
		}
	}
	if _, err := s.TfModelUnload(r); err != nil {
		t.Fatal(err)
	}
}

var _ = math.Abs

func digitsModel(t testing.TB, s *Session) *Resource {
	t.Helper()
	r, err := NewResource(bin("examples/models/digits"), ResourceTypeModel)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { r.Close() })
	if err := r.Register(s); err != nil {
		t.Fatal(err)
	}
	return r
}

// digit is sample n of //examples/models as the model's input tensor.
func digit(t testing.TB, n int) *TorchTensor {
	t.Helper()
	raw, err := os.ReadFile(bin(fmt.Sprintf("examples/models/samples/digit_%d.f32", n)))
	if err != nil {
		t.Fatal(err)
	}
	x, err := NewTorchTensor([]int64{1, 1, 8, 8}, valuesOf[float32](raw))
	if err != nil {
		t.Fatal(err)
	}
	return x
}

// The demo CNN classifies its ten held-out digits: the top score's index
// is the digit.
func TestTorchDigits(t *testing.T) {
	s := newSession(t)
	r := digitsModel(t, s)
	for n := 0; n < 10; n++ {
		outs, err := s.TorchModelRun(r, nil, []*TorchTensor{digit(t, n)}, 1)
		if err != nil {
			t.Fatal(err)
		}
		scores, err := TorchValues[float32](outs[0])
		if err != nil || len(scores) != 10 {
			t.Fatalf("scores %v, %v", scores, err)
		}
		best := 0
		for i, v := range scores {
			if v > scores[best] {
				best = i
			}
		}
		if best != n {
			t.Errorf("digit %d classified as %d (scores %v)", n, best, scores)
		}
	}
}
