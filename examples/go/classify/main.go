// Command classify registers a model directory (TorchScript model,
// metadata, labels: docs/torch.md) and classifies each image given.
//
//	VACCEL_PLUGINS=libvaccel-torch.so classify MODEL_DIR IMAGE...
//
// Prints "<image file>: <label> (<score>)" per image.
package main

import (
	"fmt"
	"os"
	"path/filepath"

	vaccel "github.com/vaccel/vaccel/bindings/go"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: classify MODEL_DIR IMAGE...")
		os.Exit(2)
	}
	if err := run(os.Args[1], os.Args[2:]); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(modelDir string, images []string) error {
	s, err := vaccel.NewSession(0)
	if err != nil {
		return err
	}
	defer s.Close()
	model, err := vaccel.NewResource(modelDir, vaccel.ResourceTypeModel)
	if err != nil {
		return err
	}
	defer model.Close()
	if err := model.Register(s); err != nil {
		return err
	}
	for _, path := range images {
		img, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		text, _, err := s.ImageClassification(img, 256, 0)
		if err != nil {
			fmt.Printf("%s: %v\n", filepath.Base(path), err)
			continue
		}
		fmt.Printf("%s: %s\n", filepath.Base(path), text)
	}
	return nil
}
