package vaccel_test

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	vaccel "github.com/vaccel/vaccel/bindings/go"
)

// The examples run inside this package's tests, whose TestMain has loaded
// the plugins bazel built (VACCEL_GO_BAZEL_BIN).
func built(rel string) string { return filepath.Join(os.Getenv("VACCEL_GO_BAZEL_BIN"), rel) }

func ExampleSession_Noop() {
	s, err := vaccel.NewSession(0)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	fmt.Println("noop:", s.Noop())
	// Output: noop: <nil>
}

func ExampleSession_Exec() {
	s, err := vaccel.NewSession(0)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	a := binary.LittleEndian.AppendUint32(nil, 40)
	b := binary.LittleEndian.AppendUint32(nil, 2)
	sum := make([]byte, 4) // written by the function
	err = s.Exec(built("tests/backends/libexec-test.so"), "add_int32", [][]byte{a, b}, [][]byte{sum})
	fmt.Println(binary.LittleEndian.Uint32(sum), err)
	// Output: 42 <nil>
}

func ExampleSession_Sgemm() {
	s, err := vaccel.NewSession(0)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	// Column-major 2x2 matrices: C = 1*A*B + 0*C.
	a := []float32{1, 2, 3, 4}
	b := []float32{5, 6, 7, 8}
	c := make([]float32, 4)
	err = s.Sgemm(2, 2, 2, 1, a, 2, b, 2, 0, c, 2)
	fmt.Println(c, err)
	// Output: [23 34 31 46] <nil>
}

func ExampleSession_Minmax() {
	s, err := vaccel.NewSession(0)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	clamped, lo, hi, err := s.Minmax([]float64{4, -2, 9}, 0, 5)
	fmt.Println(clamped, lo, hi, err)
	// Output: [4 0 5] -2 9 <nil>
}

func ExampleSession_TorchModelRun() {
	s, err := vaccel.NewSession(0)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	model, err := vaccel.NewResource(built("tests/torch/models/affine.pt"), vaccel.ResourceTypeModel)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer model.Close()
	if err := model.Register(s); err != nil {
		fmt.Println(err)
		return
	}
	x, err := vaccel.NewTorchTensor([]int64{2, 2}, []float32{0, 1, 2, 3})
	if err != nil {
		fmt.Println(err)
		return
	}
	outs, err := s.TorchModelRun(model, nil, []*vaccel.TorchTensor{x}, 1) // y = 2x + 1
	if err != nil {
		fmt.Println(err)
		return
	}
	y, err := vaccel.TorchValues[float32](outs[0])
	fmt.Println(outs[0].Dims, outs[0].Type, y, err)
	// Output: [2 2] VACCEL_TORCH_FLOAT [1 3 5 7] <nil>
}

func ExampleNewTorchTensor_shapeChecked() {
	_, err := vaccel.NewTorchTensor([]int64{2, 3}, []float32{1, 2, 3})
	fmt.Println(errors.Is(err, vaccel.ErrInvalid))
	// Output: true
}

func ExampleSession_TfliteModelRun() {
	s, err := vaccel.NewSession(0)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	model, err := vaccel.NewResource(built("tests/tflite/int32_b1.tflite"), vaccel.ResourceTypeModel)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer model.Close()
	if err := model.Register(s); err != nil {
		fmt.Println(err)
		return
	}
	if err := s.TfliteModelLoad(model); err != nil {
		fmt.Println(err)
		return
	}
	// Inputs in the model's signature order (b, a); outputs mul_add = a*b+3
	// and max = max(a, b) - a.
	b, _ := vaccel.NewTFLiteTensor([]int64{1, 5}, []int32{1, 2, 3, 4, 5})
	a, _ := vaccel.NewTFLiteTensor([]int64{1, 5}, []int32{5, 4, 3, 2, 1})
	outs, _, err := s.TfliteModelRun(model, []*vaccel.TFLiteTensor{b, a}, 2)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, o := range outs {
		v, _ := vaccel.TFLiteValues[int32](o)
		fmt.Println(v)
	}
	// Unordered output:
	// [8 11 12 11 8]
	// [0 0 0 2 4]
}

func ExampleSession_TfModelRun() {
	s, err := vaccel.NewSession(0)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer s.Close()
	model, err := vaccel.NewResource(built("tests/tf/integer"), vaccel.ResourceTypeModel)
	if err != nil {
		fmt.Println(err)
		return
	}
	defer model.Close()
	if err := model.Register(s); err != nil {
		fmt.Println(err)
		return
	}
	if _, err := s.TfModelLoad(model); err != nil {
		fmt.Println(err)
		return
	}
	a, _ := vaccel.NewTFTensor([]int64{1, 5}, []int32{1, 2, 3, 4, 5})
	b, _ := vaccel.NewTFTensor([]int64{1, 5}, []int32{10, 10, 10, 10, 10})
	in := []vaccel.TFNode{{Name: "serving_default_a"}, {Name: "serving_default_b"}}
	out := []vaccel.TFNode{{Name: "StatefulPartitionedCall", ID: 1}} // mul_add = a*b + 3
	outs, status, err := s.TfModelRun(model, nil, in, []*vaccel.TFTensor{a, b}, out)
	if err != nil {
		fmt.Println(err, status)
		return
	}
	v, err := vaccel.TFValues[int32](outs[0])
	fmt.Println(v, err)
	// Output: [13 23 33 43 53] <nil>
}
