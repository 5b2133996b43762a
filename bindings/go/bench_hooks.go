package vaccel

// The C side of the benchmarks (bench_test.go): the same calls made in a C
// loop, so `go test -bench` prints the binding's cost next to C's.

// #include <stdlib.h>
// #include "vaccel.h"
// static int vaccel_go_bench_noop(struct vaccel_session *s, long n)
// {
// 	for (long i = 0; i < n; i++) {
// 		int rc = vaccel_noop(s);
// 		if (rc)
// 			return rc;
// 	}
// 	return 0;
// }
// static int vaccel_go_bench_torch(struct vaccel_session *s,
// 				 struct vaccel_resource *r,
// 				 struct vaccel_torch_tensor **in, int nr_in, long n)
// {
// 	for (long i = 0; i < n; i++) {
// 		struct vaccel_torch_tensor *out[1] = {NULL};
// 		int rc = vaccel_torch_model_run(s, r, NULL, in, nr_in, out, 1);
// 		if (rc)
// 			return rc;
// 		vaccel_torch_tensor_delete(out[0]);
// 	}
// 	return 0;
// }
import "C"

import "unsafe"

func benchCNoop(s *Session, n int) error {
	if rc := C.vaccel_go_bench_noop(s.c, C.long(n)); rc != 0 {
		return newError(int(rc), "noop")
	}
	return nil
}

func benchCTorch(s *Session, r *Resource, in []*TorchTensor, n int) error {
	arr, done, err := torchTensorsToC(in)
	if err != nil {
		return err
	}
	defer done()
	rc := C.vaccel_go_bench_torch(s.c, r.c, (**C.struct_vaccel_torch_tensor)(unsafe.Pointer(arr)), C.int(len(in)), C.long(n))
	if rc != 0 {
		return newError(int(rc), "torch_model_run")
	}
	return nil
}
