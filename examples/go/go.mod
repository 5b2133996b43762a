module github.com/vaccel/vaccel/examples/go

go 1.22

require github.com/vaccel/vaccel/bindings/go v0.0.0

replace github.com/vaccel/vaccel/bindings/go => ../../bindings/go
