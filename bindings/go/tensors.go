package vaccel

// #include <stdlib.h>
// #include <string.h>
// #include "vaccel.h"
import "C"

import (
	"fmt"
	"unsafe"
)

// Elem is a Go element type a tensor can hold.
type Elem interface {
	~int8 | ~uint8 | ~int16 | ~uint16 | ~int32 | ~uint32 | ~int64 | ~uint64 | ~float32 | ~float64 | ~bool
}

// tensor is what the three tensor kinds share: a shape, an element type
// (the family's enum value) and the element bytes.
type tensor[D ~int64] struct {
	Dims []int64
	Type D
	Data []byte
}

func elems(dims []int64) (int64, error) {
	n := int64(1)
	for i, d := range dims {
		if d < 0 {
			return 0, fmt.Errorf("dimension %d is %d", i, d)
		}
		n *= d
	}
	return n, nil
}

func check[D ~int64](t *tensor[D], size int) error {
	n, err := elems(t.Dims)
	if err != nil {
		return invalid("tensor", "%v", err)
	}
	if size <= 0 {
		return invalid("tensor", "element type %d has no fixed size", int64(t.Type))
	}
	if int64(len(t.Data)) != n*int64(size) {
		return invalid("tensor", "shape %v needs %d bytes of %d-byte elements, data has %d",
			t.Dims, n*int64(size), size, len(t.Data))
	}
	return nil
}

func bytesOf[T Elem](data []T) []byte {
	if len(data) == 0 {
		return nil
	}
	var z T
	b := make([]byte, len(data)*int(unsafe.Sizeof(z)))
	copy(b, unsafe.Slice((*byte)(unsafe.Pointer(&data[0])), len(b)))
	return b
}

func valuesOf[T Elem](b []byte) []T {
	var z T
	n := len(b) / int(unsafe.Sizeof(z))
	out := make([]T, n)
	if n > 0 {
		copy(unsafe.Slice((*byte)(unsafe.Pointer(&out[0])), len(b)), b)
	}
	return out
}

// dtypeOf finds the member of a family whose element is T.
func dtypeOf[T Elem, D ~int64](table map[string]D) (D, bool) {
	var z T
	d, ok := table[fmt.Sprintf("%T", z)]
	return d, ok
}

func cBytes(b []byte) unsafe.Pointer {
	p := C.malloc(C.size_t(len(b) + 1))
	if len(b) > 0 {
		C.memcpy(p, unsafe.Pointer(&b[0]), C.size_t(len(b)))
	}
	return p
}

func goBytes(p unsafe.Pointer, n C.size_t) []byte {
	if p == nil || n == 0 {
		return nil
	}
	return C.GoBytes(p, C.int(n))
}

// ---- torch ----

// TorchTensor is a torch tensor held in Go memory.
type TorchTensor tensor[TorchDataType]

var torchTypes = map[string]TorchDataType{
	"uint8": TorchDataTypeByte, "int8": TorchDataTypeChar, "int16": TorchDataTypeShort,
	"int32": TorchDataTypeInt, "int64": TorchDataTypeLong, "float32": TorchDataTypeFloat,
	"float64": TorchDataTypeDouble, "bool": TorchDataTypeBool,
}

// NewTorchTensor makes a tensor of shape dims from data; the element type
// follows T and the shape must match len(data).
func NewTorchTensor[T Elem](dims []int64, data []T) (*TorchTensor, error) {
	d, ok := dtypeOf[T](torchTypes)
	if !ok {
		var z T
		return nil, invalid("tensor", "torch has no %T elements", z)
	}
	t := &TorchTensor{Dims: append([]int64(nil), dims...), Type: d, Data: bytesOf(data)}
	if err := t.check(); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *TorchTensor) check() error {
	if t == nil {
		return invalid("tensor", "nil *TorchTensor")
	}
	return check((*tensor[TorchDataType])(t), int(C.vaccel_torch_data_type_size(C.enum_vaccel_torch_data_type(t.Type))))
}

// TorchValues returns the elements as T, which must be the tensor's type.
func TorchValues[T Elem](t *TorchTensor) ([]T, error) {
	d, ok := dtypeOf[T](torchTypes)
	if !ok || d != t.Type {
		var z T
		return nil, invalid("tensor", "tensor holds %v, not %T", t.Type, z)
	}
	return valuesOf[T](t.Data), nil
}

func torchTensorsToC(ts []*TorchTensor) (*unsafe.Pointer, func(), error) {
	arr := ptrArray(len(ts))
	ptrs := unsafe.Slice(arr, max(len(ts), 1))
	done := func() {
		for i := range ts {
			if ptrs[i] != nil {
				C.vaccel_torch_tensor_delete((*C.struct_vaccel_torch_tensor)(ptrs[i]))
			}
		}
		C.free(unsafe.Pointer(arr))
	}
	for i, t := range ts {
		if err := t.check(); err != nil {
			done()
			return nil, nil, err
		}
		var c *C.struct_vaccel_torch_tensor
		dims := (*C.int64_t)(slicePtr(t.Dims))
		if rc := C.vaccel_torch_tensor_new(&c, C.int64_t(len(t.Dims)), dims, C.enum_vaccel_torch_data_type(t.Type)); rc != 0 {
			done()
			return nil, nil, newError(int(rc), "torch_tensor_new")
		}
		ptrs[i] = unsafe.Pointer(c)
		if rc := C.vaccel_torch_tensor_set_data(c, cBytes(t.Data), C.size_t(len(t.Data))); rc != 0 {
			done()
			return nil, nil, newError(int(rc), "torch_tensor_set_data")
		}
		c.owned = true
	}
	return arr, done, nil
}

// torchTensorsFromC copies n backend-allocated tensors into Go and frees them.
func torchTensorsFromC(arr *unsafe.Pointer, n int) ([]*TorchTensor, error) {
	ptrs := unsafe.Slice(arr, max(n, 1))
	out := make([]*TorchTensor, n)
	var err error
	for i := 0; i < n; i++ {
		c := (*C.struct_vaccel_torch_tensor)(ptrs[i])
		if c == nil {
			err = &Error{Code: ErrorCodeEbackend, Op: "torch_model_run", Message: fmt.Sprintf("output %d missing", i)}
			continue
		}
		dims := unsafe.Slice((*int64)(unsafe.Pointer(c.dims)), int(c.nr_dims))
		out[i] = &TorchTensor{Dims: append([]int64(nil), dims...), Type: TorchDataType(c.data_type),
			Data: goBytes(c.data, c.size)}
		C.vaccel_torch_tensor_delete(c)
		ptrs[i] = nil
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func torchBufferToC(b []byte) (*C.struct_vaccel_torch_buffer, func()) {
	if b == nil {
		return nil, func() {}
	}
	var c *C.struct_vaccel_torch_buffer
	if C.vaccel_torch_buffer_new(&c, (*C.char)(cBytes(b)), C.size_t(len(b))) != 0 {
		return nil, func() {}
	}
	return c, func() { C.vaccel_torch_buffer_delete(c) }
}

// ---- tflite ----

// TFLiteTensor is a LiteRT tensor held in Go memory (dims as int64 in Go,
// int32 in C).
type TFLiteTensor tensor[TfliteDataType]

var tfliteTypes = map[string]TfliteDataType{
	"float32": TfliteDataTypeFloat32, "int32": TfliteDataTypeInt32, "uint8": TfliteDataTypeUint8,
	"int64": TfliteDataTypeInt64, "bool": TfliteDataTypeBool, "int16": TfliteDataTypeInt16,
	"int8": TfliteDataTypeInt8, "float64": TfliteDataTypeFloat64, "uint64": TfliteDataTypeUint64,
	"uint32": TfliteDataTypeUint32, "uint16": TfliteDataTypeUint16,
}

// NewTFLiteTensor makes a tensor of shape dims from data.
func NewTFLiteTensor[T Elem](dims []int64, data []T) (*TFLiteTensor, error) {
	d, ok := dtypeOf[T](tfliteTypes)
	if !ok {
		var z T
		return nil, invalid("tensor", "tflite has no %T elements", z)
	}
	t := &TFLiteTensor{Dims: append([]int64(nil), dims...), Type: d, Data: bytesOf(data)}
	if err := t.check(); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *TFLiteTensor) check() error {
	if t == nil {
		return invalid("tensor", "nil *TFLiteTensor")
	}
	return check((*tensor[TfliteDataType])(t), int(C.vaccel_tflite_data_type_size(C.enum_vaccel_tflite_data_type(t.Type))))
}

// TFLiteValues returns the elements as T, which must be the tensor's type.
func TFLiteValues[T Elem](t *TFLiteTensor) ([]T, error) {
	d, ok := dtypeOf[T](tfliteTypes)
	if !ok || d != t.Type {
		var z T
		return nil, invalid("tensor", "tensor holds %v, not %T", t.Type, z)
	}
	return valuesOf[T](t.Data), nil
}

func tfliteTensorsToC(ts []*TFLiteTensor) (*unsafe.Pointer, func(), error) {
	arr := ptrArray(len(ts))
	ptrs := unsafe.Slice(arr, max(len(ts), 1))
	done := func() {
		for i := range ts {
			if ptrs[i] != nil {
				C.vaccel_tflite_tensor_delete((*C.struct_vaccel_tflite_tensor)(ptrs[i]))
			}
		}
		C.free(unsafe.Pointer(arr))
	}
	for i, t := range ts {
		if err := t.check(); err != nil {
			done()
			return nil, nil, err
		}
		dims := make([]int32, len(t.Dims))
		for j, d := range t.Dims {
			dims[j] = int32(d)
		}
		var c *C.struct_vaccel_tflite_tensor
		if rc := C.vaccel_tflite_tensor_new(&c, C.int(len(dims)), (*C.int32_t)(slicePtr(dims)), C.enum_vaccel_tflite_data_type(t.Type)); rc != 0 {
			done()
			return nil, nil, newError(int(rc), "tflite_tensor_new")
		}
		ptrs[i] = unsafe.Pointer(c)
		if rc := C.vaccel_tflite_tensor_set_data(c, cBytes(t.Data), C.size_t(len(t.Data))); rc != 0 {
			done()
			return nil, nil, newError(int(rc), "tflite_tensor_set_data")
		}
		c.owned = true
	}
	return arr, done, nil
}

func tfliteTensorsFromC(arr *unsafe.Pointer, n int) ([]*TFLiteTensor, error) {
	ptrs := unsafe.Slice(arr, max(n, 1))
	out := make([]*TFLiteTensor, n)
	var err error
	for i := 0; i < n; i++ {
		c := (*C.struct_vaccel_tflite_tensor)(ptrs[i])
		if c == nil {
			err = &Error{Code: ErrorCodeEbackend, Op: "tflite_model_run", Message: fmt.Sprintf("output %d missing", i)}
			continue
		}
		cd := unsafe.Slice((*int32)(unsafe.Pointer(c.dims)), int(c.nr_dims))
		dims := make([]int64, len(cd))
		for j, d := range cd {
			dims[j] = int64(d)
		}
		out[i] = &TFLiteTensor{Dims: dims, Type: TfliteDataType(c.data_type), Data: goBytes(c.data, c.size)}
		C.vaccel_tflite_tensor_delete(c)
		ptrs[i] = nil
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

// ---- tf ----

// TFTensor is a TensorFlow tensor held in Go memory.
type TFTensor tensor[TfDataType]

// TFNode names a graph node's output.
type TFNode struct {
	Name string
	ID   int
}

// TFStatus is TensorFlow's status of a load or run.
type TFStatus struct {
	Code    uint8
	Message string
}

var tfTypes = map[string]TfDataType{
	"float32": TfDataTypeFloat, "float64": TfDataTypeDouble, "int32": TfDataTypeInt32,
	"uint8": TfDataTypeUint8, "int16": TfDataTypeInt16, "int8": TfDataTypeInt8,
	"int64": TfDataTypeInt64, "bool": TfDataTypeBool, "uint16": TfDataTypeUint16,
}

// NewTFTensor makes a tensor of shape dims from data.
func NewTFTensor[T Elem](dims []int64, data []T) (*TFTensor, error) {
	d, ok := dtypeOf[T](tfTypes)
	if !ok {
		var z T
		return nil, invalid("tensor", "tf has no %T elements", z)
	}
	t := &TFTensor{Dims: append([]int64(nil), dims...), Type: d, Data: bytesOf(data)}
	if err := t.check(); err != nil {
		return nil, err
	}
	return t, nil
}

func (t *TFTensor) check() error {
	if t == nil {
		return invalid("tensor", "nil *TFTensor")
	}
	return check((*tensor[TfDataType])(t), int(C.vaccel_tf_data_type_size(C.enum_vaccel_tf_data_type(t.Type))))
}

// TFValues returns the elements as T, which must be the tensor's type.
func TFValues[T Elem](t *TFTensor) ([]T, error) {
	d, ok := dtypeOf[T](tfTypes)
	if !ok || d != t.Type {
		var z T
		return nil, invalid("tensor", "tensor holds %v, not %T", t.Type, z)
	}
	return valuesOf[T](t.Data), nil
}

func tfTensorsToC(ts []*TFTensor) (*unsafe.Pointer, func(), error) {
	arr := ptrArray(len(ts))
	ptrs := unsafe.Slice(arr, max(len(ts), 1))
	done := func() {
		for i := range ts {
			if ptrs[i] != nil {
				C.vaccel_tf_tensor_delete((*C.struct_vaccel_tf_tensor)(ptrs[i]))
			}
		}
		C.free(unsafe.Pointer(arr))
	}
	for i, t := range ts {
		if err := t.check(); err != nil {
			done()
			return nil, nil, err
		}
		var c *C.struct_vaccel_tf_tensor
		if rc := C.vaccel_tf_tensor_new(&c, C.int(len(t.Dims)), (*C.int64_t)(slicePtr(t.Dims)), C.enum_vaccel_tf_data_type(t.Type)); rc != 0 {
			done()
			return nil, nil, newError(int(rc), "tf_tensor_new")
		}
		ptrs[i] = unsafe.Pointer(c)
		if rc := C.vaccel_tf_tensor_set_data(c, cBytes(t.Data), C.size_t(len(t.Data))); rc != 0 {
			done()
			return nil, nil, newError(int(rc), "tf_tensor_set_data")
		}
		c.owned = true
	}
	return arr, done, nil
}

func tfTensorsFromC(arr *unsafe.Pointer, n int) ([]*TFTensor, error) {
	ptrs := unsafe.Slice(arr, max(n, 1))
	out := make([]*TFTensor, n)
	var err error
	for i := 0; i < n; i++ {
		c := (*C.struct_vaccel_tf_tensor)(ptrs[i])
		if c == nil {
			err = &Error{Code: ErrorCodeEbackend, Op: "tf_model_run", Message: fmt.Sprintf("output %d missing", i)}
			continue
		}
		dims := unsafe.Slice((*int64)(unsafe.Pointer(c.dims)), int(c.nr_dims))
		out[i] = &TFTensor{Dims: append([]int64(nil), dims...), Type: TfDataType(c.data_type), Data: goBytes(c.data, c.size)}
		C.vaccel_tf_tensor_delete(c)
		ptrs[i] = nil
	}
	if err != nil {
		return nil, err
	}
	return out, nil
}

func tfBufferToC(b []byte) (*C.struct_vaccel_tf_buffer, func()) {
	if b == nil {
		return nil, func() {}
	}
	var c *C.struct_vaccel_tf_buffer
	if C.vaccel_tf_buffer_new(&c, cBytes(b), C.size_t(len(b))) != 0 {
		return nil, func() {}
	}
	return c, func() { C.vaccel_tf_buffer_delete(c) }
}

func tfNodesToC(nodes []TFNode) (*C.struct_vaccel_tf_node, func()) {
	n := max(len(nodes), 1)
	arr := (*C.struct_vaccel_tf_node)(C.calloc(C.size_t(n), C.size_t(unsafe.Sizeof(C.struct_vaccel_tf_node{}))))
	cs := unsafe.Slice(arr, n)
	for i, nd := range nodes {
		name := C.CString(nd.Name)
		C.vaccel_tf_node_init(&cs[i], name, C.int(nd.ID))
		C.free(unsafe.Pointer(name))
	}
	return arr, func() {
		for i := range nodes {
			C.vaccel_tf_node_release(&cs[i])
		}
		C.free(unsafe.Pointer(arr))
	}
}

func tfStatusNew() *C.struct_vaccel_tf_status {
	return (*C.struct_vaccel_tf_status)(C.calloc(1, C.size_t(unsafe.Sizeof(C.struct_vaccel_tf_status{}))))
}

func tfStatusFromC(c *C.struct_vaccel_tf_status) TFStatus {
	st := TFStatus{Code: *(*uint8)(unsafe.Pointer(c))} // code is in an anonymous union
	if c.message != nil {
		st.Message = C.GoString(c.message)
	}
	C.vaccel_tf_status_release(c)
	C.free(unsafe.Pointer(c))
	return st
}
