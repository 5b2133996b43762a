module github.com/vaccel/vaccel/bindings/go

go 1.22
