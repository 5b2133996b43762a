// Command torch_inference runs a TorchScript image model on raw float32
// 8x8 inputs (as //examples/models writes them) and prints the index of the
// top score per input.
//
//	VACCEL_PLUGINS=libvaccel-torch.so torch_inference MODEL.pt INPUT.f32...
package main

import (
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"

	vaccel "github.com/vaccel/vaccel/bindings/go"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: torch_inference MODEL.pt INPUT.f32...")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(modelPath string, inputs []string) error {
	s, err := vaccel.NewSession(0)
	if err != nil {
		return err
	}
	defer s.Close()
	model, err := vaccel.NewResource(modelPath, vaccel.ResourceTypeModel)
	if err != nil {
		return err
	}
	defer model.Close()
	if err := model.Register(s); err != nil {
		return err
	}
	if err := s.TorchModelLoad(model); err != nil {
		return err
	}
	for _, path := range inputs {
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		px := make([]float32, len(raw)/4)
		for i := range px {
			px[i] = math.Float32frombits(binary.LittleEndian.Uint32(raw[4*i:]))
		}
		x, err := vaccel.NewTorchTensor([]int64{1, 1, 8, 8}, px)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		outs, err := s.TorchModelRun(model, nil, []*vaccel.TorchTensor{x}, 1)
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		scores, err := vaccel.TorchValues[float32](outs[0])
		if err != nil {
			return err
		}
		best := 0
		for i, v := range scores {
			if v > scores[best] {
				best = i
			}
		}
		fmt.Printf("%s: argmax %d\n", filepath.Base(path), best)
	}
	return nil
}
