// Code generated from idl/vaccel.idl by idl/gen/vaccelgen.py. DO NOT EDIT.
// Regenerate with: python3 idl/gen/vaccelgen.py

package vaccel

// #include <stdlib.h>
// #include "vaccel.h"
import "C"

import (
	"context"
	"unsafe"
)

var _ = unsafe.Pointer(nil)

// Noop calls vaccel_noop.
//
// Do nothing on the selected backend; useful to measure dispatch cost.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ESESS, VACCEL_ENOTSUP.
func (s *Session) Noop() error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	rc := C.vaccel_noop(s.c)
	if rc != 0 {
		return newError(int(rc), "noop")
	}
	return nil
}

// NoopContext is Noop with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) NoopContext(ctx context.Context) error {
	var err error
	if cerr := await(ctx, func() { err = s.Noop() }); cerr != nil {
		return cerr
	}
	return err
}

// Exec calls vaccel_exec.
//
// Load `library` and call `fn_symbol` as
// `int fn(struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write, size_t nr_write)`.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOSYS, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) Exec(library string, fnSymbol string, read [][]byte, write [][]byte) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	clibrary := C.CString(library)
	defer C.free(unsafe.Pointer(clibrary))
	cfnSymbol := C.CString(fnSymbol)
	defer C.free(unsafe.Pointer(cfnSymbol))
	cread, readDone := argsToC(read)
	defer readDone()
	cwrite, writeDone := argsToC(write)
	defer writeDone()
	rc := C.vaccel_exec(s.c, clibrary, cfnSymbol, cread, C.size_t(len(read)), cwrite, C.size_t(len(write)))
	if rc != 0 {
		return newError(int(rc), "exec")
	}
	argsFromC(cwrite, write)
	return nil
}

// ExecContext is Exec with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) ExecContext(ctx context.Context, library string, fnSymbol string, read [][]byte, write [][]byte) error {
	var err error
	if cerr := await(ctx, func() { err = s.Exec(library, fnSymbol, read, write) }); cerr != nil {
		return cerr
	}
	return err
}

// ExecWithResource calls vaccel_exec_with_resource.
//
// Like exec, with the library taken from a LIB resource registered to
// the session.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOSYS, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) ExecWithResource(resource *Resource, fnSymbol string, read [][]byte, write [][]byte) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	cresource, err := resource.ptr()
	if err != nil {
		return err
	}
	defer resource.mu.RUnlock()
	cfnSymbol := C.CString(fnSymbol)
	defer C.free(unsafe.Pointer(cfnSymbol))
	cread, readDone := argsToC(read)
	defer readDone()
	cwrite, writeDone := argsToC(write)
	defer writeDone()
	rc := C.vaccel_exec_with_resource(s.c, cresource, cfnSymbol, cread, C.size_t(len(read)), cwrite, C.size_t(len(write)))
	if rc != 0 {
		return newError(int(rc), "exec_with_resource")
	}
	argsFromC(cwrite, write)
	return nil
}

// ExecWithResourceContext is ExecWithResource with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) ExecWithResourceContext(ctx context.Context, resource *Resource, fnSymbol string, read [][]byte, write [][]byte) error {
	var err error
	if cerr := await(ctx, func() { err = s.ExecWithResource(resource, fnSymbol, read, write) }); cerr != nil {
		return cerr
	}
	return err
}

// ImageClassification calls vaccel_image_classification.
//
// Classify the image; `out_text` receives the label text.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) ImageClassification(img []byte, lenOutText int, lenOutImgname int) (string, string, error) {
	if err := s.enter(); err != nil {
		return "", "", err
	}
	defer s.leave()
	outText := make([]byte, int(lenOutText))
	outImgname := make([]byte, int(lenOutImgname))
	rc := C.vaccel_image_classification(s.c, (unsafe.Pointer)(slicePtr(img)), (*C.uchar)(slicePtr(outText)), (*C.uchar)(slicePtr(outImgname)), C.size_t(len(img)), C.size_t(lenOutText), C.size_t(lenOutImgname))
	if rc != 0 {
		return "", "", newError(int(rc), "image_classify")
	}
	return cString(outText), cString(outImgname), nil
}

// ImageClassificationContext is ImageClassification with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) ImageClassificationContext(ctx context.Context, img []byte, lenOutText int, lenOutImgname int) (string, string, error) {
	var r0 string
	var r1 string
	var err error
	if cerr := await(ctx, func() { r0, r1, err = s.ImageClassification(img, lenOutText, lenOutImgname) }); cerr != nil {
		return "", "", cerr
	}
	return r0, r1, err
}

// ImageDetection calls vaccel_image_detection.
//
// Detect objects in the image.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) ImageDetection(img []byte, lenOutImgname int) (string, error) {
	if err := s.enter(); err != nil {
		return "", err
	}
	defer s.leave()
	outImgname := make([]byte, int(lenOutImgname))
	rc := C.vaccel_image_detection(s.c, (unsafe.Pointer)(slicePtr(img)), (*C.uchar)(slicePtr(outImgname)), C.size_t(len(img)), C.size_t(lenOutImgname))
	if rc != 0 {
		return "", newError(int(rc), "image_detect")
	}
	return cString(outImgname), nil
}

// ImageDetectionContext is ImageDetection with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) ImageDetectionContext(ctx context.Context, img []byte, lenOutImgname int) (string, error) {
	var r0 string
	var err error
	if cerr := await(ctx, func() { r0, err = s.ImageDetection(img, lenOutImgname) }); cerr != nil {
		return "", cerr
	}
	return r0, err
}

// ImageSegmentation calls vaccel_image_segmentation.
//
// Segment the image.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) ImageSegmentation(img []byte, lenOutImgname int) (string, error) {
	if err := s.enter(); err != nil {
		return "", err
	}
	defer s.leave()
	outImgname := make([]byte, int(lenOutImgname))
	rc := C.vaccel_image_segmentation(s.c, (unsafe.Pointer)(slicePtr(img)), (*C.uchar)(slicePtr(outImgname)), C.size_t(len(img)), C.size_t(lenOutImgname))
	if rc != 0 {
		return "", newError(int(rc), "image_segment")
	}
	return cString(outImgname), nil
}

// ImageSegmentationContext is ImageSegmentation with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) ImageSegmentationContext(ctx context.Context, img []byte, lenOutImgname int) (string, error) {
	var r0 string
	var err error
	if cerr := await(ctx, func() { r0, err = s.ImageSegmentation(img, lenOutImgname) }); cerr != nil {
		return "", cerr
	}
	return r0, err
}

// ImagePose calls vaccel_image_pose.
//
// Estimate human poses in the image.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) ImagePose(img []byte, lenOutImgname int) (string, error) {
	if err := s.enter(); err != nil {
		return "", err
	}
	defer s.leave()
	outImgname := make([]byte, int(lenOutImgname))
	rc := C.vaccel_image_pose(s.c, (unsafe.Pointer)(slicePtr(img)), (*C.uchar)(slicePtr(outImgname)), C.size_t(len(img)), C.size_t(lenOutImgname))
	if rc != 0 {
		return "", newError(int(rc), "image_pose")
	}
	return cString(outImgname), nil
}

// ImagePoseContext is ImagePose with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) ImagePoseContext(ctx context.Context, img []byte, lenOutImgname int) (string, error) {
	var r0 string
	var err error
	if cerr := await(ctx, func() { r0, err = s.ImagePose(img, lenOutImgname) }); cerr != nil {
		return "", cerr
	}
	return r0, err
}

// ImageDepth calls vaccel_image_depth.
//
// Estimate depth in the image.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) ImageDepth(img []byte, lenOutImgname int) (string, error) {
	if err := s.enter(); err != nil {
		return "", err
	}
	defer s.leave()
	outImgname := make([]byte, int(lenOutImgname))
	rc := C.vaccel_image_depth(s.c, (unsafe.Pointer)(slicePtr(img)), (*C.uchar)(slicePtr(outImgname)), C.size_t(len(img)), C.size_t(lenOutImgname))
	if rc != 0 {
		return "", newError(int(rc), "image_depth")
	}
	return cString(outImgname), nil
}

// ImageDepthContext is ImageDepth with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) ImageDepthContext(ctx context.Context, img []byte, lenOutImgname int) (string, error) {
	var r0 string
	var err error
	if cerr := await(ctx, func() { r0, err = s.ImageDepth(img, lenOutImgname) }); cerr != nil {
		return "", cerr
	}
	return r0, err
}

// TfModelLoad calls vaccel_tf_model_load.
//
// Load the SavedModel of a MODEL resource registered to the session.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) TfModelLoad(model *Resource) (TFStatus, error) {
	if err := s.enter(); err != nil {
		return TFStatus{}, err
	}
	defer s.leave()
	cmodel, err := model.ptr()
	if err != nil {
		return TFStatus{}, err
	}
	defer model.mu.RUnlock()
	cstatus := tfStatusNew()
	rc := C.vaccel_tf_model_load(s.c, cmodel, cstatus)
	if rc != 0 {
		return TFStatus{}, newError(int(rc), "tf_model_load")
	}
	return tfStatusFromC(cstatus), nil
}

// TfModelLoadContext is TfModelLoad with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) TfModelLoadContext(ctx context.Context, model *Resource) (TFStatus, error) {
	var r0 TFStatus
	var err error
	if cerr := await(ctx, func() { r0, err = s.TfModelLoad(model) }); cerr != nil {
		return TFStatus{}, cerr
	}
	return r0, err
}

// TfModelUnload calls vaccel_tf_model_unload.
//
// Free the loaded model.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) TfModelUnload(model *Resource) (TFStatus, error) {
	if err := s.enter(); err != nil {
		return TFStatus{}, err
	}
	defer s.leave()
	cmodel, err := model.ptr()
	if err != nil {
		return TFStatus{}, err
	}
	defer model.mu.RUnlock()
	cstatus := tfStatusNew()
	rc := C.vaccel_tf_model_unload(s.c, cmodel, cstatus)
	if rc != 0 {
		return TFStatus{}, newError(int(rc), "tf_model_unload")
	}
	return tfStatusFromC(cstatus), nil
}

// TfModelUnloadContext is TfModelUnload with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) TfModelUnloadContext(ctx context.Context, model *Resource) (TFStatus, error) {
	var r0 TFStatus
	var err error
	if cerr := await(ctx, func() { r0, err = s.TfModelUnload(model) }); cerr != nil {
		return TFStatus{}, cerr
	}
	return r0, err
}

// TfModelRun calls vaccel_tf_model_run.
//
// Feed `in_tensors` to `in_nodes` and fetch `out_nodes` into newly
// allocated `out_tensors` (freed by the caller with vaccel_tf_tensor_delete).
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) TfModelRun(model *Resource, runOptions []byte, inNodes []TFNode, inTensors []*TFTensor, outNodes []TFNode) ([]*TFTensor, TFStatus, error) {
	if err := s.enter(); err != nil {
		return nil, TFStatus{}, err
	}
	defer s.leave()
	if len(inTensors) != len(inNodes) {
		return nil, TFStatus{}, invalid("tf_model_run", "inTensors has %d elements, inNodes %d", len(inTensors), len(inNodes))
	}
	cmodel, err := model.ptr()
	if err != nil {
		return nil, TFStatus{}, err
	}
	defer model.mu.RUnlock()
	crunOptions, runOptionsDone := tfBufferToC(runOptions)
	defer runOptionsDone()
	cinNodes, inNodesDone := tfNodesToC(inNodes)
	defer inNodesDone()
	cinTensors, inTensorsDone, err := tfTensorsToC(inTensors)
	if err != nil {
		return nil, TFStatus{}, err
	}
	defer inTensorsDone()
	coutNodes, outNodesDone := tfNodesToC(outNodes)
	defer outNodesDone()
	coutTensors := ptrArray(int(len(outNodes)))
	defer C.free(unsafe.Pointer(coutTensors))
	cstatus := tfStatusNew()
	rc := C.vaccel_tf_model_run(s.c, cmodel, crunOptions, cinNodes, (**C.struct_vaccel_tf_tensor)(unsafe.Pointer(cinTensors)), C.int(len(inNodes)), coutNodes, (**C.struct_vaccel_tf_tensor)(unsafe.Pointer(coutTensors)), C.int(len(outNodes)), cstatus)
	if rc != 0 {
		return nil, TFStatus{}, newError(int(rc), "tf_model_run")
	}
	outTensors, err := tfTensorsFromC(coutTensors, int(len(outNodes)))
	if err != nil {
		return nil, TFStatus{}, err
	}
	return outTensors, tfStatusFromC(cstatus), nil
}

// TfModelRunContext is TfModelRun with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) TfModelRunContext(ctx context.Context, model *Resource, runOptions []byte, inNodes []TFNode, inTensors []*TFTensor, outNodes []TFNode) ([]*TFTensor, TFStatus, error) {
	var r0 []*TFTensor
	var r1 TFStatus
	var err error
	if cerr := await(ctx, func() { r0, r1, err = s.TfModelRun(model, runOptions, inNodes, inTensors, outNodes) }); cerr != nil {
		return nil, TFStatus{}, cerr
	}
	return r0, r1, err
}

// TfliteModelLoad calls vaccel_tflite_model_load.
//
// Load the .tflite model of a MODEL resource registered to the session.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) TfliteModelLoad(model *Resource) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	cmodel, err := model.ptr()
	if err != nil {
		return err
	}
	defer model.mu.RUnlock()
	rc := C.vaccel_tflite_model_load(s.c, cmodel)
	if rc != 0 {
		return newError(int(rc), "tflite_model_load")
	}
	return nil
}

// TfliteModelLoadContext is TfliteModelLoad with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) TfliteModelLoadContext(ctx context.Context, model *Resource) error {
	var err error
	if cerr := await(ctx, func() { err = s.TfliteModelLoad(model) }); cerr != nil {
		return cerr
	}
	return err
}

// TfliteModelUnload calls vaccel_tflite_model_unload.
//
// Free the loaded model.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) TfliteModelUnload(model *Resource) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	cmodel, err := model.ptr()
	if err != nil {
		return err
	}
	defer model.mu.RUnlock()
	rc := C.vaccel_tflite_model_unload(s.c, cmodel)
	if rc != 0 {
		return newError(int(rc), "tflite_model_unload")
	}
	return nil
}

// TfliteModelUnloadContext is TfliteModelUnload with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) TfliteModelUnloadContext(ctx context.Context, model *Resource) error {
	var err error
	if cerr := await(ctx, func() { err = s.TfliteModelUnload(model) }); cerr != nil {
		return cerr
	}
	return err
}

// TfliteModelRun calls vaccel_tflite_model_run.
//
// Run the model; `outputs` are allocated by the backend and freed by
// the caller with vaccel_tflite_tensor_delete.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) TfliteModelRun(model *Resource, inputs []*TFLiteTensor, nrOutputs int) ([]*TFLiteTensor, uint8, error) {
	if err := s.enter(); err != nil {
		return nil, 0, err
	}
	defer s.leave()
	cmodel, err := model.ptr()
	if err != nil {
		return nil, 0, err
	}
	defer model.mu.RUnlock()
	cinputs, inputsDone, err := tfliteTensorsToC(inputs)
	if err != nil {
		return nil, 0, err
	}
	defer inputsDone()
	coutputs := ptrArray(int(nrOutputs))
	defer C.free(unsafe.Pointer(coutputs))
	var cstatus C.uint8_t
	rc := C.vaccel_tflite_model_run(s.c, cmodel, (**C.struct_vaccel_tflite_tensor)(unsafe.Pointer(cinputs)), C.int(len(inputs)), (**C.struct_vaccel_tflite_tensor)(unsafe.Pointer(coutputs)), C.int(nrOutputs), &cstatus)
	if rc != 0 {
		return nil, 0, newError(int(rc), "tflite_model_run")
	}
	outputs, err := tfliteTensorsFromC(coutputs, int(nrOutputs))
	if err != nil {
		return nil, 0, err
	}
	return outputs, uint8(cstatus), nil
}

// TfliteModelRunContext is TfliteModelRun with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) TfliteModelRunContext(ctx context.Context, model *Resource, inputs []*TFLiteTensor, nrOutputs int) ([]*TFLiteTensor, uint8, error) {
	var r0 []*TFLiteTensor
	var r1 uint8
	var err error
	if cerr := await(ctx, func() { r0, r1, err = s.TfliteModelRun(model, inputs, nrOutputs) }); cerr != nil {
		return nil, 0, cerr
	}
	return r0, r1, err
}

// TorchModelLoad calls vaccel_torch_model_load.
//
// Load the TorchScript model of a MODEL resource registered to the session.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) TorchModelLoad(model *Resource) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	cmodel, err := model.ptr()
	if err != nil {
		return err
	}
	defer model.mu.RUnlock()
	rc := C.vaccel_torch_model_load(s.c, cmodel)
	if rc != 0 {
		return newError(int(rc), "torch_model_load")
	}
	return nil
}

// TorchModelLoadContext is TorchModelLoad with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) TorchModelLoadContext(ctx context.Context, model *Resource) error {
	var err error
	if cerr := await(ctx, func() { err = s.TorchModelLoad(model) }); cerr != nil {
		return cerr
	}
	return err
}

// TorchModelRun calls vaccel_torch_model_run.
//
// Run a TorchScript model on input tensors (loading it first if
// needed); outputs are allocated by the backend and freed by the caller
// with vaccel_torch_tensor_delete.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_EPERM, VACCEL_ENOENT, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) TorchModelRun(model *Resource, runOptions []byte, inputs []*TorchTensor, nrOutputs int) ([]*TorchTensor, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	defer s.leave()
	cmodel, err := model.ptr()
	if err != nil {
		return nil, err
	}
	defer model.mu.RUnlock()
	crunOptions, runOptionsDone := torchBufferToC(runOptions)
	defer runOptionsDone()
	cinputs, inputsDone, err := torchTensorsToC(inputs)
	if err != nil {
		return nil, err
	}
	defer inputsDone()
	coutputs := ptrArray(int(nrOutputs))
	defer C.free(unsafe.Pointer(coutputs))
	rc := C.vaccel_torch_model_run(s.c, cmodel, crunOptions, (**C.struct_vaccel_torch_tensor)(unsafe.Pointer(cinputs)), C.int(len(inputs)), (**C.struct_vaccel_torch_tensor)(unsafe.Pointer(coutputs)), C.int(nrOutputs))
	if rc != 0 {
		return nil, newError(int(rc), "torch_model_run")
	}
	outputs, err := torchTensorsFromC(coutputs, int(nrOutputs))
	if err != nil {
		return nil, err
	}
	return outputs, nil
}

// TorchModelRunContext is TorchModelRun with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) TorchModelRunContext(ctx context.Context, model *Resource, runOptions []byte, inputs []*TorchTensor, nrOutputs int) ([]*TorchTensor, error) {
	var r0 []*TorchTensor
	var err error
	if cerr := await(ctx, func() { r0, err = s.TorchModelRun(model, runOptions, inputs, nrOutputs) }); cerr != nil {
		return nil, cerr
	}
	return r0, err
}

// TorchSgemm calls vaccel_torch_sgemm.
//
// out = A x B + C computed by the torch backend (M x K times K x N).
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) TorchSgemm(inA *TorchTensor, inB *TorchTensor, inC *TorchTensor, m int, n int, k int) (*TorchTensor, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	defer s.leave()
	cinA, inADone, err := torchTensorsToC([]*TorchTensor{inA})
	if err != nil {
		return nil, err
	}
	defer inADone()
	cinB, inBDone, err := torchTensorsToC([]*TorchTensor{inB})
	if err != nil {
		return nil, err
	}
	defer inBDone()
	cinC, inCDone, err := torchTensorsToC([]*TorchTensor{inC})
	if err != nil {
		return nil, err
	}
	defer inCDone()
	cout := ptrArray(1)
	defer C.free(unsafe.Pointer(cout))
	rc := C.vaccel_torch_sgemm(s.c, (**C.struct_vaccel_torch_tensor)(unsafe.Pointer(cinA)), (**C.struct_vaccel_torch_tensor)(unsafe.Pointer(cinB)), (**C.struct_vaccel_torch_tensor)(unsafe.Pointer(cinC)), C.int(m), C.int(n), C.int(k), (**C.struct_vaccel_torch_tensor)(unsafe.Pointer(cout)))
	if rc != 0 {
		return nil, newError(int(rc), "torch_sgemm")
	}
	out, err := torchTensorsFromC(cout, 1)
	if err != nil {
		return nil, err
	}
	return out[0], nil
}

// TorchSgemmContext is TorchSgemm with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) TorchSgemmContext(ctx context.Context, inA *TorchTensor, inB *TorchTensor, inC *TorchTensor, m int, n int, k int) (*TorchTensor, error) {
	var r0 *TorchTensor
	var err error
	if cerr := await(ctx, func() { r0, err = s.TorchSgemm(inA, inB, inC, m, n, k) }); cerr != nil {
		return nil, cerr
	}
	return r0, err
}

// Sgemm calls vaccel_sgemm.
//
// C = alpha * A x B + beta * C in single precision, column-major:
// A is m x k (leading dimension lda), B is k x n (ldb), C is m x n (ldc).
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) Sgemm(m int64, n int64, k int64, alpha float32, a []float32, lda int64, b []float32, ldb int64, beta float32, c []float32, ldc int64) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	if need := int(lda) * int(k); need < 0 || len(a) < need {
		return invalid("blas_sgemm", "a has %d elements, needs %d", len(a), need)
	}
	if need := int(ldb) * int(n); need < 0 || len(b) < need {
		return invalid("blas_sgemm", "b has %d elements, needs %d", len(b), need)
	}
	if need := int(ldc) * int(n); need < 0 || len(c) < need {
		return invalid("blas_sgemm", "c has %d elements, needs %d", len(c), need)
	}
	rc := C.vaccel_sgemm(s.c, C.int64_t(m), C.int64_t(n), C.int64_t(k), C.float(alpha), (*C.float)(slicePtr(a)), C.int64_t(lda), (*C.float)(slicePtr(b)), C.int64_t(ldb), C.float(beta), (*C.float)(slicePtr(c)), C.int64_t(ldc))
	if rc != 0 {
		return newError(int(rc), "blas_sgemm")
	}
	return nil
}

// SgemmContext is Sgemm with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) SgemmContext(ctx context.Context, m int64, n int64, k int64, alpha float32, a []float32, lda int64, b []float32, ldb int64, beta float32, c []float32, ldc int64) error {
	var err error
	if cerr := await(ctx, func() { err = s.Sgemm(m, n, k, alpha, a, lda, b, ldb, beta, c, ldc) }); cerr != nil {
		return cerr
	}
	return err
}

// FpgaArraycopy calls vaccel_fpga_arraycopy.
//
// Copy `a` into `out_a`.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOTSUP.
func (s *Session) FpgaArraycopy(a []int32) ([]int32, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	defer s.leave()
	outA := make([]int32, int(len(a)))
	rc := C.vaccel_fpga_arraycopy(s.c, (*C.int)(slicePtr(a)), (*C.int)(slicePtr(outA)), C.size_t(len(a)))
	if rc != 0 {
		return nil, newError(int(rc), "fpga_arraycopy")
	}
	return outA, nil
}

// FpgaArraycopyContext is FpgaArraycopy with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) FpgaArraycopyContext(ctx context.Context, a []int32) ([]int32, error) {
	var r0 []int32
	var err error
	if cerr := await(ctx, func() { r0, err = s.FpgaArraycopy(a) }); cerr != nil {
		return nil, cerr
	}
	return r0, err
}

// FpgaMmult calls vaccel_fpga_mmult.
//
// Multiply the square row-major matrices `a` and `b` into `c`.
// Each holds len_a elements: sqrt(len_a) rows and columns.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOMEM, VACCEL_ENOTSUP.
func (s *Session) FpgaMmult(a []float32, b []float32) ([]float32, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	defer s.leave()
	if len(b) != len(a) {
		return nil, invalid("fpga_mmult", "b has %d elements, a %d", len(b), len(a))
	}
	c := make([]float32, int(len(a)))
	rc := C.vaccel_fpga_mmult(s.c, (*C.float)(slicePtr(a)), (*C.float)(slicePtr(b)), (*C.float)(slicePtr(c)), C.size_t(len(a)))
	if rc != 0 {
		return nil, newError(int(rc), "fpga_mmult")
	}
	return c, nil
}

// FpgaMmultContext is FpgaMmult with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) FpgaMmultContext(ctx context.Context, a []float32, b []float32) ([]float32, error) {
	var r0 []float32
	var err error
	if cerr := await(ctx, func() { r0, err = s.FpgaMmult(a, b) }); cerr != nil {
		return nil, cerr
	}
	return r0, err
}

// FpgaParallel calls vaccel_fpga_parallel.
//
// Element-wise sum and product of `a` and `b`.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOTSUP.
func (s *Session) FpgaParallel(a []float32, b []float32) ([]float32, []float32, error) {
	if err := s.enter(); err != nil {
		return nil, nil, err
	}
	defer s.leave()
	if len(b) != len(a) {
		return nil, nil, invalid("fpga_parallel", "b has %d elements, a %d", len(b), len(a))
	}
	addOutput := make([]float32, int(len(a)))
	multOutput := make([]float32, int(len(a)))
	rc := C.vaccel_fpga_parallel(s.c, (*C.float)(slicePtr(a)), (*C.float)(slicePtr(b)), (*C.float)(slicePtr(addOutput)), (*C.float)(slicePtr(multOutput)), C.size_t(len(a)))
	if rc != 0 {
		return nil, nil, newError(int(rc), "fpga_parallel")
	}
	return addOutput, multOutput, nil
}

// FpgaParallelContext is FpgaParallel with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) FpgaParallelContext(ctx context.Context, a []float32, b []float32) ([]float32, []float32, error) {
	var r0 []float32
	var r1 []float32
	var err error
	if cerr := await(ctx, func() { r0, r1, err = s.FpgaParallel(a, b) }); cerr != nil {
		return nil, nil, cerr
	}
	return r0, r1, err
}

// FpgaVadd calls vaccel_fpga_vadd.
//
// Element-wise sum of `a` and `b` into `c`.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOTSUP.
func (s *Session) FpgaVadd(a []float32, b []float32) ([]float32, error) {
	if err := s.enter(); err != nil {
		return nil, err
	}
	defer s.leave()
	c := make([]float32, int(len(a)))
	rc := C.vaccel_fpga_vadd(s.c, (*C.float)(slicePtr(a)), (*C.float)(slicePtr(b)), (*C.float)(slicePtr(c)), C.size_t(len(a)), C.size_t(len(b)))
	if rc != 0 {
		return nil, newError(int(rc), "fpga_vectoradd")
	}
	return c, nil
}

// FpgaVaddContext is FpgaVadd with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) FpgaVaddContext(ctx context.Context, a []float32, b []float32) ([]float32, error) {
	var r0 []float32
	var err error
	if cerr := await(ctx, func() { r0, err = s.FpgaVadd(a, b) }); cerr != nil {
		return nil, cerr
	}
	return r0, err
}

// Minmax calls vaccel_minmax.
//
// Clamp `indata` to [low_threshold, high_threshold] into `outdata` and
// report the minimum and maximum of the input.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOTSUP.
func (s *Session) Minmax(indata []float64, lowThreshold int, highThreshold int) ([]float64, float64, float64, error) {
	if err := s.enter(); err != nil {
		return nil, 0, 0, err
	}
	defer s.leave()
	outdata := make([]float64, int(len(indata)))
	var cmin_ C.double
	var cmax_ C.double
	rc := C.vaccel_minmax(s.c, (*C.double)(slicePtr(indata)), C.int(len(indata)), C.int(lowThreshold), C.int(highThreshold), (*C.double)(slicePtr(outdata)), &cmin_, &cmax_)
	if rc != 0 {
		return nil, 0, 0, newError(int(rc), "minmax")
	}
	return outdata, float64(cmin_), float64(cmax_), nil
}

// MinmaxContext is Minmax with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) MinmaxContext(ctx context.Context, indata []float64, lowThreshold int, highThreshold int) ([]float64, float64, float64, error) {
	var r0 []float64
	var r1 float64
	var r2 float64
	var err error
	if cerr := await(ctx, func() { r0, r1, r2, err = s.Minmax(indata, lowThreshold, highThreshold) }); cerr != nil {
		return nil, 0, 0, cerr
	}
	return r0, r1, r2, err
}

// OpencvUnpack calls vaccel_opencv_unpack.
//
// Run an OpenCV operation described by the packed `read` arguments.
//
// Error codes it may return (Error.Code): VACCEL_EINVAL, VACCEL_ENOTSUP, VACCEL_EBACKEND.
func (s *Session) OpencvUnpack(read [][]byte, write [][]byte) error {
	if err := s.enter(); err != nil {
		return err
	}
	defer s.leave()
	cread, readDone := argsToC(read)
	defer readDone()
	cwrite, writeDone := argsToC(write)
	defer writeDone()
	rc := C.vaccel_opencv_unpack(s.c, cread, C.int(len(read)), cwrite, C.int(len(write)))
	if rc != 0 {
		return newError(int(rc), "opencv")
	}
	argsFromC(cwrite, write)
	return nil
}

// OpencvUnpackContext is OpencvUnpack with a context: when ctx ends first it
// returns ctx.Err() at once; the call itself still runs to its end
// (an agent's answer or the rpc timeout) and then releases what it held.
func (s *Session) OpencvUnpackContext(ctx context.Context, read [][]byte, write [][]byte) error {
	var err error
	if cerr := await(ctx, func() { err = s.OpencvUnpack(read, write) }); cerr != nil {
		return cerr
	}
	return err
}
