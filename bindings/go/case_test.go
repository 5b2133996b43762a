package vaccel

import (
	"encoding/binary"
	"encoding/hex"
	"os"
	"strconv"
	"strings"
	"testing"
)

// A test case written by tests/tf/make_models.py ("in|out KEY NODE ID DTYPE
// NDIM DIMS... HEX") or tests/tflite/make_models.py ("in|out NAME DTYPE
// NDIM DIMS... SIZE VALUES...").
type caseTensor struct {
	name  string
	node_ string
	id    int
	dtype int64
	dims  []int64
	data  []byte
}

type testCase struct{ ins, outs []caseTensor }

func (c caseTensor) node() TFNode { return TFNode{Name: c.node_, ID: c.id} }

func (c caseTensor) int32s() []int32 { return valuesOf[int32](c.data) }

func atoi(t testing.TB, s string) int64 {
	t.Helper()
	v, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func readCase(t testing.TB, path string) testCase {
	t.Helper()
	raw, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	tf := strings.Contains(path, "/tf/")
	var c testCase
	for _, line := range strings.Split(strings.TrimSpace(string(raw)), "\n") {
		f := strings.Fields(line)
		if len(f) == 0 || (f[0] != "in" && f[0] != "out") {
			continue
		}
		var ct caseTensor
		if tf {
			ct = caseTensor{name: f[1], node_: f[2], id: int(atoi(t, f[3])), dtype: atoi(t, f[4])}
			nd := int(atoi(t, f[5]))
			for _, d := range f[6 : 6+nd] {
				ct.dims = append(ct.dims, atoi(t, d))
			}
			if len(f) > 6+nd {
				if ct.data, err = hex.DecodeString(f[6+nd]); err != nil {
					t.Fatal(err)
				}
			}
		} else {
			ct = caseTensor{name: f[1], dtype: atoi(t, f[2])}
			nd := int(atoi(t, f[3]))
			for _, d := range f[4 : 4+nd] {
				ct.dims = append(ct.dims, atoi(t, d))
			}
			if ct.dtype != int64(TfliteDataTypeInt32) {
				t.Fatalf("%s: only int32 cases are read here", path)
			}
			for _, v := range f[5+nd:] {
				ct.data = binary.LittleEndian.AppendUint32(ct.data, uint32(int32(atoi(t, v))))
			}
		}
		if f[0] == "in" {
			c.ins = append(c.ins, ct)
		} else {
			c.outs = append(c.outs, ct)
		}
	}
	return c
}
