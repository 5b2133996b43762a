// Command exec calls `int FN(struct vaccel_arg *read, size_t nr_read,
// struct vaccel_arg *write, size_t nr_write)` of a shared library with two
// int32 inputs and one int32 output, and prints the result.
//
//	VACCEL_PLUGINS=libvaccel-exec.so exec LIBRARY FN A B
package main

import (
	"encoding/binary"
	"fmt"
	"os"
	"strconv"

	vaccel "github.com/vaccel/vaccel/bindings/go"
)

func main() {
	if len(os.Args) != 5 {
		fmt.Fprintln(os.Stderr, "usage: exec LIBRARY FN A B")
		os.Exit(2)
	}
	var in [][]byte
	for _, a := range os.Args[3:] {
		v, err := strconv.ParseInt(a, 10, 32)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		in = append(in, binary.LittleEndian.AppendUint32(nil, uint32(int32(v))))
	}
	s, err := vaccel.NewSession(0)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	defer s.Close()
	out := make([]byte, 4)
	if err := s.Exec(os.Args[1], os.Args[2], in, [][]byte{out}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("%s(%s, %s) = %d\n", os.Args[2], os.Args[3], os.Args[4], int32(binary.LittleEndian.Uint32(out)))
}
