// Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
// Regenerate with: python3 idl/gen/vaccelgen.py
// The SWIG interface of the extension module vaccel._vaccel: the runtime's
// lifecycle calls (SWIG releases the GIL around each: -threads), and the
// generic op entry and buffer calls written with the Python C API
// (_invoke.c). Handles cross as integers; the Python layer owns them.
%module(docstring="vaccel runtime (generated from the IDL)") _vaccel

%{
#include <stdint.h>
#include "vaccel.h"
#include "vaccel/enums.h"

PyObject *vpy_invoke(PyObject *self, PyObject *args);
PyObject *vpy_genop(PyObject *self, PyObject *args);
PyObject *vpy_resource_from_buf(PyObject *self, PyObject *args);
PyObject *vpy_resource_multi_new(PyObject *self, PyObject *args);
%}

%include "stdint.i"
%include "typemaps.i"

%nothread;
%native(invoke) PyObject *vpy_invoke(PyObject *self, PyObject *args);
%native(genop) PyObject *vpy_genop(PyObject *self, PyObject *args);
%native(resource_from_buf) PyObject *vpy_resource_from_buf(PyObject *self, PyObject *args);
%native(resource_multi_new) PyObject *vpy_resource_multi_new(PyObject *self, PyObject *args);
%thread;

// Handles are unsigned long long, not uintptr_t: SWIG gives that typedef a
// 32-bit OUTPUT typemap, which truncates heap addresses.
%apply unsigned long long *OUTPUT { unsigned long long *out };

%inline %{
int bootstrap(void) { return vaccel_bootstrap(); }
int cleanup(void) { return vaccel_cleanup(); }
int bootstrap_with_config(const char *plugins, int log_level,
                          const char *log_file, int profiling,
                          int version_ignore)
{
    struct vaccel_config cfg;
    int ret = vaccel_config_init(&cfg, plugins, (vaccel_log_level_t)log_level,
                                 log_file, profiling, version_ignore);
    if (ret)
        return ret;
    ret = vaccel_bootstrap_with_config(&cfg);
    vaccel_config_release(&cfg);
    return ret;
}
int plugin_load(const char *path) { return vaccel_plugin_load(path); }
const char *error_str(int code) { return vaccel_error_to_str((vaccel_error_t)code); }
const char *version(void) { return VACCEL_VERSION; }

int session_new(unsigned int flags, unsigned long long *out)
{
    struct vaccel_session *s = NULL;
    int ret = vaccel_session_new(&s, flags);
    *out = (unsigned long long)(uintptr_t)s;
    return ret;
}
int session_delete(unsigned long long s) { return vaccel_session_delete((struct vaccel_session *)(uintptr_t)s); }
int64_t session_id(unsigned long long s) { return ((struct vaccel_session *)(uintptr_t)s)->id; }
int64_t session_remote_id(unsigned long long s) { return ((struct vaccel_session *)(uintptr_t)s)->remote_id; }
unsigned int session_hint(unsigned long long s) { return ((struct vaccel_session *)(uintptr_t)s)->hint; }
int session_is_remote(unsigned long long s) { return ((struct vaccel_session *)(uintptr_t)s)->is_virtio; }

int resource_new(const char *path, int type, unsigned long long *out)
{
    struct vaccel_resource *r = NULL;
    int ret = vaccel_resource_new(&r, path, (vaccel_resource_type_t)type);
    *out = (unsigned long long)(uintptr_t)r;
    return ret;
}
int resource_delete(unsigned long long r) { return vaccel_resource_delete((struct vaccel_resource *)(uintptr_t)r); }
int resource_register(unsigned long long r, unsigned long long s)
{
    return vaccel_resource_register((struct vaccel_resource *)(uintptr_t)r, (struct vaccel_session *)(uintptr_t)s);
}
int resource_unregister(unsigned long long r, unsigned long long s)
{
    return vaccel_resource_unregister((struct vaccel_resource *)(uintptr_t)r, (struct vaccel_session *)(uintptr_t)s);
}
int64_t resource_id(unsigned long long r) { return ((struct vaccel_resource *)(uintptr_t)r)->id; }
int64_t resource_remote_id(unsigned long long r) { return ((struct vaccel_resource *)(uintptr_t)r)->remote_id; }
%}

%constant int OP_NOOP = 0;
%constant int OP_EXEC = 1;
%constant int OP_EXEC_WITH_RESOURCE = 2;
%constant int OP_IMAGE_CLASSIFY = 3;
%constant int OP_IMAGE_DETECT = 4;
%constant int OP_IMAGE_SEGMENT = 5;
%constant int OP_IMAGE_POSE = 6;
%constant int OP_IMAGE_DEPTH = 7;
%constant int OP_TF_MODEL_LOAD = 8;
%constant int OP_TF_MODEL_UNLOAD = 9;
%constant int OP_TF_MODEL_RUN = 10;
%constant int OP_TFLITE_MODEL_LOAD = 11;
%constant int OP_TFLITE_MODEL_UNLOAD = 12;
%constant int OP_TFLITE_MODEL_RUN = 13;
%constant int OP_TORCH_MODEL_LOAD = 14;
%constant int OP_TORCH_MODEL_RUN = 15;
%constant int OP_TORCH_SGEMM = 16;
%constant int OP_BLAS_SGEMM = 17;
%constant int OP_FPGA_ARRAYCOPY = 18;
%constant int OP_FPGA_MMULT = 19;
%constant int OP_FPGA_PARALLEL = 20;
%constant int OP_FPGA_VECTORADD = 21;
%constant int OP_MINMAX = 22;
%constant int OP_OPENCV = 23;
