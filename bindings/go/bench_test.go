package vaccel

import "testing"

// go test -run '^$' -bench . : the binding's per-call cost next to the same
// call made from C in the same process (docs/performance.md).

func BenchmarkNoop(b *testing.B) {
	s := newSession(b)
	b.Run("Go", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if err := s.Noop(); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("C", func(b *testing.B) {
		if err := benchCNoop(s, b.N); err != nil {
			b.Fatal(err)
		}
	})
}

// The digits model of //examples/models (float32 [1, 1, 8, 8]), batch 1.
func BenchmarkTorchModelRun(b *testing.B) {
	s := newSession(b)
	r := digitsModel(b, s)
	in := digit(b, 3)
	b.Run("Go", func(b *testing.B) {
		for i := 0; i < b.N; i++ {
			if _, err := s.TorchModelRun(r, nil, []*TorchTensor{in}, 1); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("C", func(b *testing.B) {
		if err := benchCTorch(s, r, []*TorchTensor{in}, b.N); err != nil {
			b.Fatal(err)
		}
	})
}
