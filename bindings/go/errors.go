package vaccel

import "fmt"

// Error is what every failing call returns: the VACCEL_E* code and a
// message naming the operation.
type Error struct {
	Code    ErrorCode
	Op      string
	Message string
}

func (e *Error) Error() string {
	msg := e.Message
	if msg == "" {
		msg = e.Code.String()
	} else {
		msg += " (" + e.Code.String() + ")"
	}
	if e.Op == "" {
		return "vaccel: " + msg
	}
	return "vaccel: " + e.Op + ": " + msg
}

// Is matches a sentinel (an *Error with only a Code) of the same code.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Op == "" && t.Message == "" && t.Code == e.Code
}

// Sentinels for errors.Is.
var (
	ErrInvalid      = &Error{Code: ErrorCodeEinval}
	ErrNoMemory     = &Error{Code: ErrorCodeEnomem}
	ErrNotSupported = &Error{Code: ErrorCodeEnotsup}
	ErrBusy         = &Error{Code: ErrorCodeEbusy}
	ErrExists       = &Error{Code: ErrorCodeEexist}
	ErrNotFound     = &Error{Code: ErrorCodeEnoent}
	ErrBadLibrary   = &Error{Code: ErrorCodeElibbad}
	ErrNoDevice     = &Error{Code: ErrorCodeEnodev}
	ErrIO           = &Error{Code: ErrorCodeEio}
	ErrSession      = &Error{Code: ErrorCodeEsess}
	ErrBackend      = &Error{Code: ErrorCodeEbackend}
	ErrPermission   = &Error{Code: ErrorCodeEperm}
	ErrNoSys        = &Error{Code: ErrorCodeEnosys}
	ErrRemoteIO     = &Error{Code: ErrorCodeEremoteio}
)

func newError(code int, op string) error {
	return &Error{Code: ErrorCode(code), Op: op}
}

func invalid(op, format string, args ...any) error {
	return &Error{Code: ErrorCodeEinval, Op: op, Message: fmt.Sprintf(format, args...)}
}
