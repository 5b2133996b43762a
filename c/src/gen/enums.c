/* Generated from idl/vaccel.idl by idl/gen/vaccelgen.py. Do not edit.
 * Regenerate with: python3 idl/gen/vaccelgen.py */
#include "vaccel/enums.h"

#include <stddef.h>
#include <string.h>
#include <strings.h>

const char *vaccel_error_to_str(vaccel_error_t value)
{
	switch ((long)value) {
	case VACCEL_OK:
		return "VACCEL_OK";
	case VACCEL_EINVAL:
		return "VACCEL_EINVAL";
	case VACCEL_ENOMEM:
		return "VACCEL_ENOMEM";
	case VACCEL_ENOTSUP:
		return "VACCEL_ENOTSUP";
	case VACCEL_EINPROGRESS:
		return "VACCEL_EINPROGRESS";
	case VACCEL_EBUSY:
		return "VACCEL_EBUSY";
	case VACCEL_EEXIST:
		return "VACCEL_EEXIST";
	case VACCEL_ENOENT:
		return "VACCEL_ENOENT";
	case VACCEL_ELIBBAD:
		return "VACCEL_ELIBBAD";
	case VACCEL_ENODEV:
		return "VACCEL_ENODEV";
	case VACCEL_EIO:
		return "VACCEL_EIO";
	case VACCEL_ESESS:
		return "VACCEL_ESESS";
	case VACCEL_EBACKEND:
		return "VACCEL_EBACKEND";
	case VACCEL_ENOEXEC:
		return "VACCEL_ENOEXEC";
	case VACCEL_ENAMETOOLONG:
		return "VACCEL_ENAMETOOLONG";
	case VACCEL_EUSERS:
		return "VACCEL_EUSERS";
	case VACCEL_EPERM:
		return "VACCEL_EPERM";
	case VACCEL_ELOOP:
		return "VACCEL_ELOOP";
	case VACCEL_EMLINK:
		return "VACCEL_EMLINK";
	case VACCEL_ENOSPC:
		return "VACCEL_ENOSPC";
	case VACCEL_ENOTDIR:
		return "VACCEL_ENOTDIR";
	case VACCEL_EROFS:
		return "VACCEL_EROFS";
	case VACCEL_EACCES:
		return "VACCEL_EACCES";
	case VACCEL_EBADF:
		return "VACCEL_EBADF";
	case VACCEL_EREMOTEIO:
		return "VACCEL_EREMOTEIO";
	case VACCEL_EFAULT:
		return "VACCEL_EFAULT";
	case VACCEL_ERANGE:
		return "VACCEL_ERANGE";
	case VACCEL_EAGAIN:
		return "VACCEL_EAGAIN";
	case VACCEL_ENOSYS:
		return "VACCEL_ENOSYS";
	default:
		return "unknown";
	}
}

int vaccel_error_from_str(const char *str, vaccel_error_t *value)
{
	static const struct {
		const char *name;
		vaccel_error_t value;
	} table[] = {
		{ "OK", VACCEL_OK },
		{ "EINVAL", VACCEL_EINVAL },
		{ "ENOMEM", VACCEL_ENOMEM },
		{ "ENOTSUP", VACCEL_ENOTSUP },
		{ "EINPROGRESS", VACCEL_EINPROGRESS },
		{ "EBUSY", VACCEL_EBUSY },
		{ "EEXIST", VACCEL_EEXIST },
		{ "ENOENT", VACCEL_ENOENT },
		{ "ELIBBAD", VACCEL_ELIBBAD },
		{ "ENODEV", VACCEL_ENODEV },
		{ "EIO", VACCEL_EIO },
		{ "ESESS", VACCEL_ESESS },
		{ "EBACKEND", VACCEL_EBACKEND },
		{ "ENOEXEC", VACCEL_ENOEXEC },
		{ "ENAMETOOLONG", VACCEL_ENAMETOOLONG },
		{ "EUSERS", VACCEL_EUSERS },
		{ "EPERM", VACCEL_EPERM },
		{ "ELOOP", VACCEL_ELOOP },
		{ "EMLINK", VACCEL_EMLINK },
		{ "ENOSPC", VACCEL_ENOSPC },
		{ "ENOTDIR", VACCEL_ENOTDIR },
		{ "EROFS", VACCEL_EROFS },
		{ "EACCES", VACCEL_EACCES },
		{ "EBADF", VACCEL_EBADF },
		{ "EREMOTEIO", VACCEL_EREMOTEIO },
		{ "EFAULT", VACCEL_EFAULT },
		{ "ERANGE", VACCEL_ERANGE },
		{ "EAGAIN", VACCEL_EAGAIN },
		{ "ENOSYS", VACCEL_ENOSYS },
	};
	const size_t prefix_len = 7;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_resource_type_to_str(vaccel_resource_type_t value)
{
	switch ((long)value) {
	case VACCEL_RESOURCE_LIB:
		return "VACCEL_RESOURCE_LIB";
	case VACCEL_RESOURCE_DATA:
		return "VACCEL_RESOURCE_DATA";
	case VACCEL_RESOURCE_MODEL:
		return "VACCEL_RESOURCE_MODEL";
	default:
		return "unknown";
	}
}

int vaccel_resource_type_from_str(const char *str, vaccel_resource_type_t *value)
{
	static const struct {
		const char *name;
		vaccel_resource_type_t value;
	} table[] = {
		{ "LIB", VACCEL_RESOURCE_LIB },
		{ "DATA", VACCEL_RESOURCE_DATA },
		{ "MODEL", VACCEL_RESOURCE_MODEL },
	};
	const size_t prefix_len = 16;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_RESOURCE_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_plugin_type_to_str(vaccel_plugin_type_t value)
{
	switch ((long)value) {
	case VACCEL_PLUGIN_CPU:
		return "VACCEL_PLUGIN_CPU";
	case VACCEL_PLUGIN_GPU:
		return "VACCEL_PLUGIN_GPU";
	case VACCEL_PLUGIN_FPGA:
		return "VACCEL_PLUGIN_FPGA";
	case VACCEL_PLUGIN_SOFTWARE:
		return "VACCEL_PLUGIN_SOFTWARE";
	case VACCEL_PLUGIN_TENSORFLOW:
		return "VACCEL_PLUGIN_TENSORFLOW";
	case VACCEL_PLUGIN_TORCH:
		return "VACCEL_PLUGIN_TORCH";
	case VACCEL_PLUGIN_JETSON:
		return "VACCEL_PLUGIN_JETSON";
	case VACCEL_PLUGIN_GENERIC:
		return "VACCEL_PLUGIN_GENERIC";
	case VACCEL_PLUGIN_DEBUG:
		return "VACCEL_PLUGIN_DEBUG";
	case VACCEL_PLUGIN_REMOTE:
		return "VACCEL_PLUGIN_REMOTE";
	case VACCEL_PLUGIN_ALL:
		return "VACCEL_PLUGIN_ALL";
	default:
		return "unknown";
	}
}

int vaccel_plugin_type_from_str(const char *str, vaccel_plugin_type_t *value)
{
	static const struct {
		const char *name;
		vaccel_plugin_type_t value;
	} table[] = {
		{ "CPU", VACCEL_PLUGIN_CPU },
		{ "GPU", VACCEL_PLUGIN_GPU },
		{ "FPGA", VACCEL_PLUGIN_FPGA },
		{ "SOFTWARE", VACCEL_PLUGIN_SOFTWARE },
		{ "TENSORFLOW", VACCEL_PLUGIN_TENSORFLOW },
		{ "TORCH", VACCEL_PLUGIN_TORCH },
		{ "JETSON", VACCEL_PLUGIN_JETSON },
		{ "GENERIC", VACCEL_PLUGIN_GENERIC },
		{ "DEBUG", VACCEL_PLUGIN_DEBUG },
		{ "REMOTE", VACCEL_PLUGIN_REMOTE },
		{ "ALL", VACCEL_PLUGIN_ALL },
	};
	const size_t prefix_len = 14;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_PLUGIN_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_arg_type_to_str(vaccel_arg_type_t value)
{
	switch ((long)value) {
	case VACCEL_ARG_RAW:
		return "VACCEL_ARG_RAW";
	case VACCEL_ARG_INT8:
		return "VACCEL_ARG_INT8";
	case VACCEL_ARG_INT8_ARRAY:
		return "VACCEL_ARG_INT8_ARRAY";
	case VACCEL_ARG_INT16:
		return "VACCEL_ARG_INT16";
	case VACCEL_ARG_INT16_ARRAY:
		return "VACCEL_ARG_INT16_ARRAY";
	case VACCEL_ARG_INT32:
		return "VACCEL_ARG_INT32";
	case VACCEL_ARG_INT32_ARRAY:
		return "VACCEL_ARG_INT32_ARRAY";
	case VACCEL_ARG_INT64:
		return "VACCEL_ARG_INT64";
	case VACCEL_ARG_INT64_ARRAY:
		return "VACCEL_ARG_INT64_ARRAY";
	case VACCEL_ARG_UINT8:
		return "VACCEL_ARG_UINT8";
	case VACCEL_ARG_UINT8_ARRAY:
		return "VACCEL_ARG_UINT8_ARRAY";
	case VACCEL_ARG_UINT16:
		return "VACCEL_ARG_UINT16";
	case VACCEL_ARG_UINT16_ARRAY:
		return "VACCEL_ARG_UINT16_ARRAY";
	case VACCEL_ARG_UINT32:
		return "VACCEL_ARG_UINT32";
	case VACCEL_ARG_UINT32_ARRAY:
		return "VACCEL_ARG_UINT32_ARRAY";
	case VACCEL_ARG_UINT64:
		return "VACCEL_ARG_UINT64";
	case VACCEL_ARG_UINT64_ARRAY:
		return "VACCEL_ARG_UINT64_ARRAY";
	case VACCEL_ARG_FLOAT32:
		return "VACCEL_ARG_FLOAT32";
	case VACCEL_ARG_FLOAT32_ARRAY:
		return "VACCEL_ARG_FLOAT32_ARRAY";
	case VACCEL_ARG_FLOAT64:
		return "VACCEL_ARG_FLOAT64";
	case VACCEL_ARG_FLOAT64_ARRAY:
		return "VACCEL_ARG_FLOAT64_ARRAY";
	case VACCEL_ARG_BOOL:
		return "VACCEL_ARG_BOOL";
	case VACCEL_ARG_BOOL_ARRAY:
		return "VACCEL_ARG_BOOL_ARRAY";
	case VACCEL_ARG_CHAR:
		return "VACCEL_ARG_CHAR";
	case VACCEL_ARG_CHAR_ARRAY:
		return "VACCEL_ARG_CHAR_ARRAY";
	case VACCEL_ARG_UCHAR:
		return "VACCEL_ARG_UCHAR";
	case VACCEL_ARG_UCHAR_ARRAY:
		return "VACCEL_ARG_UCHAR_ARRAY";
	case VACCEL_ARG_STRING:
		return "VACCEL_ARG_STRING";
	case VACCEL_ARG_BUFFER:
		return "VACCEL_ARG_BUFFER";
	case VACCEL_ARG_CUSTOM:
		return "VACCEL_ARG_CUSTOM";
	default:
		return "unknown";
	}
}

int vaccel_arg_type_from_str(const char *str, vaccel_arg_type_t *value)
{
	static const struct {
		const char *name;
		vaccel_arg_type_t value;
	} table[] = {
		{ "RAW", VACCEL_ARG_RAW },
		{ "INT8", VACCEL_ARG_INT8 },
		{ "INT8_ARRAY", VACCEL_ARG_INT8_ARRAY },
		{ "INT16", VACCEL_ARG_INT16 },
		{ "INT16_ARRAY", VACCEL_ARG_INT16_ARRAY },
		{ "INT32", VACCEL_ARG_INT32 },
		{ "INT32_ARRAY", VACCEL_ARG_INT32_ARRAY },
		{ "INT64", VACCEL_ARG_INT64 },
		{ "INT64_ARRAY", VACCEL_ARG_INT64_ARRAY },
		{ "UINT8", VACCEL_ARG_UINT8 },
		{ "UINT8_ARRAY", VACCEL_ARG_UINT8_ARRAY },
		{ "UINT16", VACCEL_ARG_UINT16 },
		{ "UINT16_ARRAY", VACCEL_ARG_UINT16_ARRAY },
		{ "UINT32", VACCEL_ARG_UINT32 },
		{ "UINT32_ARRAY", VACCEL_ARG_UINT32_ARRAY },
		{ "UINT64", VACCEL_ARG_UINT64 },
		{ "UINT64_ARRAY", VACCEL_ARG_UINT64_ARRAY },
		{ "FLOAT32", VACCEL_ARG_FLOAT32 },
		{ "FLOAT32_ARRAY", VACCEL_ARG_FLOAT32_ARRAY },
		{ "FLOAT64", VACCEL_ARG_FLOAT64 },
		{ "FLOAT64_ARRAY", VACCEL_ARG_FLOAT64_ARRAY },
		{ "BOOL", VACCEL_ARG_BOOL },
		{ "BOOL_ARRAY", VACCEL_ARG_BOOL_ARRAY },
		{ "CHAR", VACCEL_ARG_CHAR },
		{ "CHAR_ARRAY", VACCEL_ARG_CHAR_ARRAY },
		{ "UCHAR", VACCEL_ARG_UCHAR },
		{ "UCHAR_ARRAY", VACCEL_ARG_UCHAR_ARRAY },
		{ "STRING", VACCEL_ARG_STRING },
		{ "BUFFER", VACCEL_ARG_BUFFER },
		{ "CUSTOM", VACCEL_ARG_CUSTOM },
	};
	const size_t prefix_len = 11;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_ARG_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_log_level_to_str(vaccel_log_level_t value)
{
	switch ((long)value) {
	case VACCEL_LOG_ERROR:
		return "VACCEL_LOG_ERROR";
	case VACCEL_LOG_WARN:
		return "VACCEL_LOG_WARN";
	case VACCEL_LOG_INFO:
		return "VACCEL_LOG_INFO";
	case VACCEL_LOG_DEBUG:
		return "VACCEL_LOG_DEBUG";
	default:
		return "unknown";
	}
}

int vaccel_log_level_from_str(const char *str, vaccel_log_level_t *value)
{
	static const struct {
		const char *name;
		vaccel_log_level_t value;
	} table[] = {
		{ "ERROR", VACCEL_LOG_ERROR },
		{ "WARN", VACCEL_LOG_WARN },
		{ "INFO", VACCEL_LOG_INFO },
		{ "DEBUG", VACCEL_LOG_DEBUG },
	};
	const size_t prefix_len = 11;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_LOG_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_torch_data_type_to_str(enum vaccel_torch_data_type value)
{
	switch ((long)value) {
	case VACCEL_TORCH_BYTE:
		return "VACCEL_TORCH_BYTE";
	case VACCEL_TORCH_CHAR:
		return "VACCEL_TORCH_CHAR";
	case VACCEL_TORCH_SHORT:
		return "VACCEL_TORCH_SHORT";
	case VACCEL_TORCH_INT:
		return "VACCEL_TORCH_INT";
	case VACCEL_TORCH_LONG:
		return "VACCEL_TORCH_LONG";
	case VACCEL_TORCH_HALF:
		return "VACCEL_TORCH_HALF";
	case VACCEL_TORCH_FLOAT:
		return "VACCEL_TORCH_FLOAT";
	case VACCEL_TORCH_DOUBLE:
		return "VACCEL_TORCH_DOUBLE";
	case VACCEL_TORCH_BOOL:
		return "VACCEL_TORCH_BOOL";
	case VACCEL_TORCH_BFLOAT16:
		return "VACCEL_TORCH_BFLOAT16";
	default:
		return "unknown";
	}
}

int vaccel_torch_data_type_from_str(const char *str, enum vaccel_torch_data_type *value)
{
	static const struct {
		const char *name;
		enum vaccel_torch_data_type value;
	} table[] = {
		{ "BYTE", VACCEL_TORCH_BYTE },
		{ "CHAR", VACCEL_TORCH_CHAR },
		{ "SHORT", VACCEL_TORCH_SHORT },
		{ "INT", VACCEL_TORCH_INT },
		{ "LONG", VACCEL_TORCH_LONG },
		{ "HALF", VACCEL_TORCH_HALF },
		{ "FLOAT", VACCEL_TORCH_FLOAT },
		{ "DOUBLE", VACCEL_TORCH_DOUBLE },
		{ "BOOL", VACCEL_TORCH_BOOL },
		{ "BFLOAT16", VACCEL_TORCH_BFLOAT16 },
	};
	const size_t prefix_len = 13;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_TORCH_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_tflite_data_type_to_str(enum vaccel_tflite_data_type value)
{
	switch ((long)value) {
	case VACCEL_TFLITE_NOTYPE:
		return "VACCEL_TFLITE_NOTYPE";
	case VACCEL_TFLITE_FLOAT32:
		return "VACCEL_TFLITE_FLOAT32";
	case VACCEL_TFLITE_INT32:
		return "VACCEL_TFLITE_INT32";
	case VACCEL_TFLITE_UINT8:
		return "VACCEL_TFLITE_UINT8";
	case VACCEL_TFLITE_INT64:
		return "VACCEL_TFLITE_INT64";
	case VACCEL_TFLITE_STRING:
		return "VACCEL_TFLITE_STRING";
	case VACCEL_TFLITE_BOOL:
		return "VACCEL_TFLITE_BOOL";
	case VACCEL_TFLITE_INT16:
		return "VACCEL_TFLITE_INT16";
	case VACCEL_TFLITE_COMPLEX64:
		return "VACCEL_TFLITE_COMPLEX64";
	case VACCEL_TFLITE_INT8:
		return "VACCEL_TFLITE_INT8";
	case VACCEL_TFLITE_FLOAT16:
		return "VACCEL_TFLITE_FLOAT16";
	case VACCEL_TFLITE_FLOAT64:
		return "VACCEL_TFLITE_FLOAT64";
	case VACCEL_TFLITE_COMPLEX128:
		return "VACCEL_TFLITE_COMPLEX128";
	case VACCEL_TFLITE_UINT64:
		return "VACCEL_TFLITE_UINT64";
	case VACCEL_TFLITE_RESOURCE:
		return "VACCEL_TFLITE_RESOURCE";
	case VACCEL_TFLITE_VARIANT:
		return "VACCEL_TFLITE_VARIANT";
	case VACCEL_TFLITE_UINT32:
		return "VACCEL_TFLITE_UINT32";
	case VACCEL_TFLITE_UINT16:
		return "VACCEL_TFLITE_UINT16";
	case VACCEL_TFLITE_INT4:
		return "VACCEL_TFLITE_INT4";
	default:
		return "unknown";
	}
}

int vaccel_tflite_data_type_from_str(const char *str, enum vaccel_tflite_data_type *value)
{
	static const struct {
		const char *name;
		enum vaccel_tflite_data_type value;
	} table[] = {
		{ "NOTYPE", VACCEL_TFLITE_NOTYPE },
		{ "FLOAT32", VACCEL_TFLITE_FLOAT32 },
		{ "INT32", VACCEL_TFLITE_INT32 },
		{ "UINT8", VACCEL_TFLITE_UINT8 },
		{ "INT64", VACCEL_TFLITE_INT64 },
		{ "STRING", VACCEL_TFLITE_STRING },
		{ "BOOL", VACCEL_TFLITE_BOOL },
		{ "INT16", VACCEL_TFLITE_INT16 },
		{ "COMPLEX64", VACCEL_TFLITE_COMPLEX64 },
		{ "INT8", VACCEL_TFLITE_INT8 },
		{ "FLOAT16", VACCEL_TFLITE_FLOAT16 },
		{ "FLOAT64", VACCEL_TFLITE_FLOAT64 },
		{ "COMPLEX128", VACCEL_TFLITE_COMPLEX128 },
		{ "UINT64", VACCEL_TFLITE_UINT64 },
		{ "RESOURCE", VACCEL_TFLITE_RESOURCE },
		{ "VARIANT", VACCEL_TFLITE_VARIANT },
		{ "UINT32", VACCEL_TFLITE_UINT32 },
		{ "UINT16", VACCEL_TFLITE_UINT16 },
		{ "INT4", VACCEL_TFLITE_INT4 },
	};
	const size_t prefix_len = 14;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_TFLITE_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_tf_data_type_to_str(enum vaccel_tf_data_type value)
{
	switch ((long)value) {
	case VACCEL_TF_FLOAT:
		return "VACCEL_TF_FLOAT";
	case VACCEL_TF_DOUBLE:
		return "VACCEL_TF_DOUBLE";
	case VACCEL_TF_INT32:
		return "VACCEL_TF_INT32";
	case VACCEL_TF_UINT8:
		return "VACCEL_TF_UINT8";
	case VACCEL_TF_INT16:
		return "VACCEL_TF_INT16";
	case VACCEL_TF_INT8:
		return "VACCEL_TF_INT8";
	case VACCEL_TF_STRING:
		return "VACCEL_TF_STRING";
	case VACCEL_TF_COMPLEX64:
		return "VACCEL_TF_COMPLEX64";
	case VACCEL_TF_INT64:
		return "VACCEL_TF_INT64";
	case VACCEL_TF_BOOL:
		return "VACCEL_TF_BOOL";
	case VACCEL_TF_QINT8:
		return "VACCEL_TF_QINT8";
	case VACCEL_TF_QUINT8:
		return "VACCEL_TF_QUINT8";
	case VACCEL_TF_QINT32:
		return "VACCEL_TF_QINT32";
	case VACCEL_TF_BFLOAT16:
		return "VACCEL_TF_BFLOAT16";
	case VACCEL_TF_QINT16:
		return "VACCEL_TF_QINT16";
	case VACCEL_TF_QUINT16:
		return "VACCEL_TF_QUINT16";
	case VACCEL_TF_UINT16:
		return "VACCEL_TF_UINT16";
	case VACCEL_TF_COMPLEX128:
		return "VACCEL_TF_COMPLEX128";
	case VACCEL_TF_HALF:
		return "VACCEL_TF_HALF";
	case VACCEL_TF_RESOURCE:
		return "VACCEL_TF_RESOURCE";
	case VACCEL_TF_VARIANT:
		return "VACCEL_TF_VARIANT";
	case VACCEL_TF_UINT32:
		return "VACCEL_TF_UINT32";
	case VACCEL_TF_UINT64:
		return "VACCEL_TF_UINT64";
	default:
		return "unknown";
	}
}

int vaccel_tf_data_type_from_str(const char *str, enum vaccel_tf_data_type *value)
{
	static const struct {
		const char *name;
		enum vaccel_tf_data_type value;
	} table[] = {
		{ "FLOAT", VACCEL_TF_FLOAT },
		{ "DOUBLE", VACCEL_TF_DOUBLE },
		{ "INT32", VACCEL_TF_INT32 },
		{ "UINT8", VACCEL_TF_UINT8 },
		{ "INT16", VACCEL_TF_INT16 },
		{ "INT8", VACCEL_TF_INT8 },
		{ "STRING", VACCEL_TF_STRING },
		{ "COMPLEX64", VACCEL_TF_COMPLEX64 },
		{ "COMPLEX", VACCEL_TF_COMPLEX },
		{ "INT64", VACCEL_TF_INT64 },
		{ "BOOL", VACCEL_TF_BOOL },
		{ "QINT8", VACCEL_TF_QINT8 },
		{ "QUINT8", VACCEL_TF_QUINT8 },
		{ "QINT32", VACCEL_TF_QINT32 },
		{ "BFLOAT16", VACCEL_TF_BFLOAT16 },
		{ "QINT16", VACCEL_TF_QINT16 },
		{ "QUINT16", VACCEL_TF_QUINT16 },
		{ "UINT16", VACCEL_TF_UINT16 },
		{ "COMPLEX128", VACCEL_TF_COMPLEX128 },
		{ "HALF", VACCEL_TF_HALF },
		{ "RESOURCE", VACCEL_TF_RESOURCE },
		{ "VARIANT", VACCEL_TF_VARIANT },
		{ "UINT32", VACCEL_TF_UINT32 },
		{ "UINT64", VACCEL_TF_UINT64 },
	};
	const size_t prefix_len = 10;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_TF_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}

const char *vaccel_op_type_to_str(vaccel_op_type_t value)
{
	switch ((long)value) {
	case VACCEL_OP_NOOP:
		return "VACCEL_OP_NOOP";
	case VACCEL_OP_EXEC:
		return "VACCEL_OP_EXEC";
	case VACCEL_OP_EXEC_WITH_RESOURCE:
		return "VACCEL_OP_EXEC_WITH_RESOURCE";
	case VACCEL_OP_IMAGE_CLASSIFY:
		return "VACCEL_OP_IMAGE_CLASSIFY";
	case VACCEL_OP_IMAGE_DETECT:
		return "VACCEL_OP_IMAGE_DETECT";
	case VACCEL_OP_IMAGE_SEGMENT:
		return "VACCEL_OP_IMAGE_SEGMENT";
	case VACCEL_OP_IMAGE_POSE:
		return "VACCEL_OP_IMAGE_POSE";
	case VACCEL_OP_IMAGE_DEPTH:
		return "VACCEL_OP_IMAGE_DEPTH";
	case VACCEL_OP_TF_MODEL_LOAD:
		return "VACCEL_OP_TF_MODEL_LOAD";
	case VACCEL_OP_TF_MODEL_UNLOAD:
		return "VACCEL_OP_TF_MODEL_UNLOAD";
	case VACCEL_OP_TF_MODEL_RUN:
		return "VACCEL_OP_TF_MODEL_RUN";
	case VACCEL_OP_TFLITE_MODEL_LOAD:
		return "VACCEL_OP_TFLITE_MODEL_LOAD";
	case VACCEL_OP_TFLITE_MODEL_UNLOAD:
		return "VACCEL_OP_TFLITE_MODEL_UNLOAD";
	case VACCEL_OP_TFLITE_MODEL_RUN:
		return "VACCEL_OP_TFLITE_MODEL_RUN";
	case VACCEL_OP_TORCH_MODEL_LOAD:
		return "VACCEL_OP_TORCH_MODEL_LOAD";
	case VACCEL_OP_TORCH_MODEL_RUN:
		return "VACCEL_OP_TORCH_MODEL_RUN";
	case VACCEL_OP_TORCH_SGEMM:
		return "VACCEL_OP_TORCH_SGEMM";
	case VACCEL_OP_BLAS_SGEMM:
		return "VACCEL_OP_BLAS_SGEMM";
	case VACCEL_OP_FPGA_ARRAYCOPY:
		return "VACCEL_OP_FPGA_ARRAYCOPY";
	case VACCEL_OP_FPGA_MMULT:
		return "VACCEL_OP_FPGA_MMULT";
	case VACCEL_OP_FPGA_PARALLEL:
		return "VACCEL_OP_FPGA_PARALLEL";
	case VACCEL_OP_FPGA_VECTORADD:
		return "VACCEL_OP_FPGA_VECTORADD";
	case VACCEL_OP_MINMAX:
		return "VACCEL_OP_MINMAX";
	case VACCEL_OP_OPENCV:
		return "VACCEL_OP_OPENCV";
	default:
		return "unknown";
	}
}

int vaccel_op_type_from_str(const char *str, vaccel_op_type_t *value)
{
	static const struct {
		const char *name;
		vaccel_op_type_t value;
	} table[] = {
		{ "NOOP", VACCEL_OP_NOOP },
		{ "EXEC", VACCEL_OP_EXEC },
		{ "EXEC_WITH_RESOURCE", VACCEL_OP_EXEC_WITH_RESOURCE },
		{ "IMAGE_CLASSIFY", VACCEL_OP_IMAGE_CLASSIFY },
		{ "IMAGE_DETECT", VACCEL_OP_IMAGE_DETECT },
		{ "IMAGE_SEGMENT", VACCEL_OP_IMAGE_SEGMENT },
		{ "IMAGE_POSE", VACCEL_OP_IMAGE_POSE },
		{ "IMAGE_DEPTH", VACCEL_OP_IMAGE_DEPTH },
		{ "TF_MODEL_LOAD", VACCEL_OP_TF_MODEL_LOAD },
		{ "TF_MODEL_UNLOAD", VACCEL_OP_TF_MODEL_UNLOAD },
		{ "TF_MODEL_RUN", VACCEL_OP_TF_MODEL_RUN },
		{ "TFLITE_MODEL_LOAD", VACCEL_OP_TFLITE_MODEL_LOAD },
		{ "TFLITE_MODEL_UNLOAD", VACCEL_OP_TFLITE_MODEL_UNLOAD },
		{ "TFLITE_MODEL_RUN", VACCEL_OP_TFLITE_MODEL_RUN },
		{ "TORCH_MODEL_LOAD", VACCEL_OP_TORCH_MODEL_LOAD },
		{ "TORCH_MODEL_RUN", VACCEL_OP_TORCH_MODEL_RUN },
		{ "TORCH_SGEMM", VACCEL_OP_TORCH_SGEMM },
		{ "BLAS_SGEMM", VACCEL_OP_BLAS_SGEMM },
		{ "FPGA_ARRAYCOPY", VACCEL_OP_FPGA_ARRAYCOPY },
		{ "FPGA_MMULT", VACCEL_OP_FPGA_MMULT },
		{ "FPGA_PARALLEL", VACCEL_OP_FPGA_PARALLEL },
		{ "FPGA_VECTORADD", VACCEL_OP_FPGA_VECTORADD },
		{ "MINMAX", VACCEL_OP_MINMAX },
		{ "OPENCV", VACCEL_OP_OPENCV },
	};
	const size_t prefix_len = 10;

	if (!str || !value)
		return VACCEL_EINVAL;
	if (strncasecmp(str, "VACCEL_OP_", prefix_len) == 0)
		str += prefix_len;
	for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++) {
		if (strcasecmp(str, table[i].name) == 0) {
			*value = table[i].value;
			return VACCEL_OK;
		}
	}
	return VACCEL_EINVAL;
}
