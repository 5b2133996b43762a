#include "vaccel_test.h"

#include <vaccel/enum_tables.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <set>
#include <string>
#include <vector>

/* Spec values fixed by the IDL (and vAccel's ABI). */
static_assert(VACCEL_OP_MAX == 24, "op count");
static_assert(VACCEL_PLUGIN_ALL == 0xffff, "VACCEL_PLUGIN_ALL");
static_assert(VACCEL_PLUGIN_DEBUG == 0x100, "VACCEL_PLUGIN_DEBUG");
static_assert(VACCEL_ARG_STRING == 27, "VACCEL_ARG_STRING");
static_assert(VACCEL_TF_COMPLEX == VACCEL_TF_COMPLEX64, "TF alias");

namespace
{

std::string Lower(std::string s)
{
	for (char &c : s)
		c = (char)tolower((unsigned char)c);
	return s;
}

/* Mixed case: every other letter lower-cased. */
std::string Mixed(std::string s)
{
	for (size_t i = 0; i < s.size(); i += 2)
		s[i] = (char)tolower((unsigned char)s[i]);
	return s;
}

/* For one enum: every value's name is prefix + short name; from_str takes
 * the full and short names in any case and rejects unknown strings. */
template <typename E>
void CheckEnum(const char *(*to_str)(E), int (*from_str)(const char *, E *),
	       const std::string &prefix,
	       const std::vector<std::pair<E, std::string>> &values,
	       const std::vector<int> &unknown)
{
	for (size_t i = 0; i < values.size(); i++) {
		const auto &v = values[i];
		/* A different valid value, to see from_str write. */
		const E other = values[(i + 1) % values.size()].first;
		const std::string full = prefix + v.second;
		const std::string &short_name = v.second;
		E got;

		EXPECT_STREQ(to_str(v.first), full.c_str());

		for (const std::string &s :
		     {full, Lower(full), Mixed(full), short_name,
		      Lower(short_name), Mixed(short_name)}) {
			got = other;
			EXPECT_EQ(from_str(s.c_str(), &got), VACCEL_OK) << s;
			EXPECT_EQ(got, v.first) << s;
		}
	}
	for (int u : unknown)
		EXPECT_STREQ(to_str((E)u), "unknown") << prefix << u;

	E keep = values[0].first;
	for (const char *bad :
	     {"", "bogus", "VACCEL_", "VACCEL_BOGUS", " VACCEL_X"}) {
		EXPECT_EQ(from_str(bad, &keep), VACCEL_EINVAL) << bad;
		EXPECT_EQ(keep, values[0].first) << bad;
	}
	/* The prefix alone, and a name with trailing garbage. */
	EXPECT_EQ(from_str(prefix.c_str(), &keep), VACCEL_EINVAL);
	EXPECT_EQ(from_str((prefix + values[0].second + "X").c_str(), &keep),
		  VACCEL_EINVAL);
	EXPECT_EQ(from_str(nullptr, &keep), VACCEL_EINVAL);
	EXPECT_EQ(keep, values[0].first);
	EXPECT_EQ(from_str(values[0].second.c_str(), nullptr), VACCEL_EINVAL);
}

} // namespace

class EnumsTest : public VaccelTest
{
};

TEST_F(EnumsTest, SpotChecks)
{
	EXPECT_STREQ(vaccel_error_to_str(VACCEL_EINVAL), "VACCEL_EINVAL");
	EXPECT_STREQ(vaccel_op_type_to_str(VACCEL_OP_TORCH_MODEL_RUN),
		     "VACCEL_OP_TORCH_MODEL_RUN");
	EXPECT_STREQ(vaccel_resource_type_to_str(VACCEL_RESOURCE_MODEL),
		     "VACCEL_RESOURCE_MODEL");
	EXPECT_STREQ(vaccel_plugin_type_to_str(VACCEL_PLUGIN_REMOTE),
		     "VACCEL_PLUGIN_REMOTE");
	EXPECT_STREQ(vaccel_arg_type_to_str(VACCEL_ARG_CUSTOM),
		     "VACCEL_ARG_CUSTOM");
	EXPECT_STREQ(vaccel_log_level_to_str(VACCEL_LOG_DEBUG),
		     "VACCEL_LOG_DEBUG");
	EXPECT_STREQ(vaccel_torch_data_type_to_str(VACCEL_TORCH_FLOAT),
		     "VACCEL_TORCH_FLOAT");
	EXPECT_STREQ(vaccel_tflite_data_type_to_str(VACCEL_TFLITE_INT4),
		     "VACCEL_TFLITE_INT4");
	EXPECT_STREQ(vaccel_tf_data_type_to_str(VACCEL_TF_UINT64),
		     "VACCEL_TF_UINT64");
}

TEST_F(EnumsTest, Errors)
{
	CheckEnum<vaccel_error_t>(
	    vaccel_error_to_str, vaccel_error_from_str, "VACCEL_",
	    {
		{VACCEL_OK, "OK"},
		{VACCEL_EINVAL, "EINVAL"},
		{VACCEL_ENOMEM, "ENOMEM"},
		{VACCEL_ENOTSUP, "ENOTSUP"},
		{VACCEL_EINPROGRESS, "EINPROGRESS"},
		{VACCEL_EBUSY, "EBUSY"},
		{VACCEL_EEXIST, "EEXIST"},
		{VACCEL_ENOENT, "ENOENT"},
		{VACCEL_ELIBBAD, "ELIBBAD"},
		{VACCEL_ENODEV, "ENODEV"},
		{VACCEL_EIO, "EIO"},
		{VACCEL_ESESS, "ESESS"},
		{VACCEL_EBACKEND, "EBACKEND"},
		{VACCEL_ENOEXEC, "ENOEXEC"},
		{VACCEL_ENAMETOOLONG, "ENAMETOOLONG"},
		{VACCEL_EUSERS, "EUSERS"},
		{VACCEL_EPERM, "EPERM"},
		{VACCEL_ELOOP, "ELOOP"},
		{VACCEL_EMLINK, "EMLINK"},
		{VACCEL_ENOSPC, "ENOSPC"},
		{VACCEL_ENOTDIR, "ENOTDIR"},
		{VACCEL_EROFS, "EROFS"},
		{VACCEL_EACCES, "EACCES"},
		{VACCEL_EBADF, "EBADF"},
		{VACCEL_EREMOTEIO, "EREMOTEIO"},
		{VACCEL_EFAULT, "EFAULT"},
		{VACCEL_ERANGE, "ERANGE"},
		{VACCEL_EAGAIN, "EAGAIN"},
		{VACCEL_ENOSYS, "ENOSYS"},
	    },
	    /* In the enum's value range, but no vaccel error. */
	    {EDOM, ENOTTY, 126});
}

TEST_F(EnumsTest, ErrorsEqualErrno)
{
	EXPECT_EQ(VACCEL_OK, 0);
	EXPECT_EQ(VACCEL_EINVAL, EINVAL);
	EXPECT_EQ(VACCEL_ENOMEM, ENOMEM);
	EXPECT_EQ(VACCEL_ENOTSUP, ENOTSUP);
	EXPECT_EQ(VACCEL_EINPROGRESS, EINPROGRESS);
	EXPECT_EQ(VACCEL_EBUSY, EBUSY);
	EXPECT_EQ(VACCEL_EEXIST, EEXIST);
	EXPECT_EQ(VACCEL_ENOENT, ENOENT);
	EXPECT_EQ(VACCEL_ELIBBAD, ELIBBAD);
	EXPECT_EQ(VACCEL_ENODEV, ENODEV);
	EXPECT_EQ(VACCEL_EIO, EIO);
	EXPECT_EQ(VACCEL_ESESS, ECONNRESET);
	EXPECT_EQ(VACCEL_EBACKEND, EPROTO);
	EXPECT_EQ(VACCEL_ENOEXEC, ENOEXEC);
	EXPECT_EQ(VACCEL_ENAMETOOLONG, ENAMETOOLONG);
	EXPECT_EQ(VACCEL_EUSERS, EUSERS);
	EXPECT_EQ(VACCEL_EPERM, EPERM);
	EXPECT_EQ(VACCEL_ELOOP, ELOOP);
	EXPECT_EQ(VACCEL_EMLINK, EMLINK);
	EXPECT_EQ(VACCEL_ENOSPC, ENOSPC);
	EXPECT_EQ(VACCEL_ENOTDIR, ENOTDIR);
	EXPECT_EQ(VACCEL_EROFS, EROFS);
	EXPECT_EQ(VACCEL_EACCES, EACCES);
	EXPECT_EQ(VACCEL_EBADF, EBADF);
	EXPECT_EQ(VACCEL_EREMOTEIO, EREMOTEIO);
	EXPECT_EQ(VACCEL_EFAULT, EFAULT);
	EXPECT_EQ(VACCEL_ERANGE, ERANGE);
	EXPECT_EQ(VACCEL_EAGAIN, EAGAIN);
	EXPECT_EQ(VACCEL_ENOSYS, ENOSYS);
}

TEST_F(EnumsTest, ResourceTypes)
{
	CheckEnum<vaccel_resource_type_t>(vaccel_resource_type_to_str,
					  vaccel_resource_type_from_str,
					  "VACCEL_RESOURCE_",
					  {
					      {VACCEL_RESOURCE_LIB, "LIB"},
					      {VACCEL_RESOURCE_DATA, "DATA"},
					      {VACCEL_RESOURCE_MODEL, "MODEL"},
					  },
					  {3});
	EXPECT_EQ(VACCEL_RESOURCE_LIB, 0);
	EXPECT_EQ(VACCEL_RESOURCE_DATA, 1);
	EXPECT_EQ(VACCEL_RESOURCE_MODEL, 2);
}

TEST_F(EnumsTest, PluginTypes)
{
	CheckEnum<vaccel_plugin_type_t>(
	    vaccel_plugin_type_to_str, vaccel_plugin_type_from_str,
	    "VACCEL_PLUGIN_",
	    {
		{VACCEL_PLUGIN_CPU, "CPU"},
		{VACCEL_PLUGIN_GPU, "GPU"},
		{VACCEL_PLUGIN_FPGA, "FPGA"},
		{VACCEL_PLUGIN_SOFTWARE, "SOFTWARE"},
		{VACCEL_PLUGIN_TENSORFLOW, "TENSORFLOW"},
		{VACCEL_PLUGIN_TORCH, "TORCH"},
		{VACCEL_PLUGIN_JETSON, "JETSON"},
		{VACCEL_PLUGIN_GENERIC, "GENERIC"},
		{VACCEL_PLUGIN_DEBUG, "DEBUG"},
		{VACCEL_PLUGIN_REMOTE, "REMOTE"},
		{VACCEL_PLUGIN_ALL, "ALL"},
	    },
	    {0, 0x3, 0x200});
	EXPECT_EQ(VACCEL_PLUGIN_ALL, 0xffff);
	EXPECT_EQ(VACCEL_PLUGIN_DEBUG, 0x100);
	EXPECT_EQ(VACCEL_PLUGIN_REMOTE, 0x4000);
	EXPECT_EQ(VACCEL_PLUGIN_CPU, 0x1);
}

TEST_F(EnumsTest, ArgTypes)
{
	CheckEnum<vaccel_arg_type_t>(
	    vaccel_arg_type_to_str, vaccel_arg_type_from_str, "VACCEL_ARG_",
	    {
		{VACCEL_ARG_RAW, "RAW"},
		{VACCEL_ARG_INT8, "INT8"},
		{VACCEL_ARG_INT8_ARRAY, "INT8_ARRAY"},
		{VACCEL_ARG_INT16, "INT16"},
		{VACCEL_ARG_INT16_ARRAY, "INT16_ARRAY"},
		{VACCEL_ARG_INT32, "INT32"},
		{VACCEL_ARG_INT32_ARRAY, "INT32_ARRAY"},
		{VACCEL_ARG_INT64, "INT64"},
		{VACCEL_ARG_INT64_ARRAY, "INT64_ARRAY"},
		{VACCEL_ARG_UINT8, "UINT8"},
		{VACCEL_ARG_UINT8_ARRAY, "UINT8_ARRAY"},
		{VACCEL_ARG_UINT16, "UINT16"},
		{VACCEL_ARG_UINT16_ARRAY, "UINT16_ARRAY"},
		{VACCEL_ARG_UINT32, "UINT32"},
		{VACCEL_ARG_UINT32_ARRAY, "UINT32_ARRAY"},
		{VACCEL_ARG_UINT64, "UINT64"},
		{VACCEL_ARG_UINT64_ARRAY, "UINT64_ARRAY"},
		{VACCEL_ARG_FLOAT32, "FLOAT32"},
		{VACCEL_ARG_FLOAT32_ARRAY, "FLOAT32_ARRAY"},
		{VACCEL_ARG_FLOAT64, "FLOAT64"},
		{VACCEL_ARG_FLOAT64_ARRAY, "FLOAT64_ARRAY"},
		{VACCEL_ARG_BOOL, "BOOL"},
		{VACCEL_ARG_BOOL_ARRAY, "BOOL_ARRAY"},
		{VACCEL_ARG_CHAR, "CHAR"},
		{VACCEL_ARG_CHAR_ARRAY, "CHAR_ARRAY"},
		{VACCEL_ARG_UCHAR, "UCHAR"},
		{VACCEL_ARG_UCHAR_ARRAY, "UCHAR_ARRAY"},
		{VACCEL_ARG_STRING, "STRING"},
		{VACCEL_ARG_BUFFER, "BUFFER"},
		{VACCEL_ARG_CUSTOM, "CUSTOM"},
	    },
	    {30, 31});
	EXPECT_EQ(VACCEL_ARG_STRING, 27);
	EXPECT_EQ(VACCEL_ARG_CUSTOM, 29);
}

TEST_F(EnumsTest, LogLevels)
{
	CheckEnum<vaccel_log_level_t>(vaccel_log_level_to_str,
				      vaccel_log_level_from_str, "VACCEL_LOG_",
				      {
					  {VACCEL_LOG_ERROR, "ERROR"},
					  {VACCEL_LOG_WARN, "WARN"},
					  {VACCEL_LOG_INFO, "INFO"},
					  {VACCEL_LOG_DEBUG, "DEBUG"},
				      },
				      {0, 5});
	EXPECT_EQ(VACCEL_LOG_ERROR, 1);
	EXPECT_EQ(VACCEL_LOG_DEBUG, 4);
}

TEST_F(EnumsTest, TorchDataTypes)
{
	CheckEnum<enum vaccel_torch_data_type>(
	    vaccel_torch_data_type_to_str, vaccel_torch_data_type_from_str,
	    "VACCEL_TORCH_",
	    {
		{VACCEL_TORCH_BYTE, "BYTE"},
		{VACCEL_TORCH_CHAR, "CHAR"},
		{VACCEL_TORCH_SHORT, "SHORT"},
		{VACCEL_TORCH_INT, "INT"},
		{VACCEL_TORCH_LONG, "LONG"},
		{VACCEL_TORCH_HALF, "HALF"},
		{VACCEL_TORCH_FLOAT, "FLOAT"},
		{VACCEL_TORCH_DOUBLE, "DOUBLE"},
		{VACCEL_TORCH_BOOL, "BOOL"},
		{VACCEL_TORCH_BFLOAT16, "BFLOAT16"},
	    },
	    {0});
}

TEST_F(EnumsTest, TfliteDataTypes)
{
	CheckEnum<enum vaccel_tflite_data_type>(
	    vaccel_tflite_data_type_to_str, vaccel_tflite_data_type_from_str,
	    "VACCEL_TFLITE_",
	    {
		{VACCEL_TFLITE_NOTYPE, "NOTYPE"},
		{VACCEL_TFLITE_FLOAT32, "FLOAT32"},
		{VACCEL_TFLITE_INT32, "INT32"},
		{VACCEL_TFLITE_UINT8, "UINT8"},
		{VACCEL_TFLITE_INT64, "INT64"},
		{VACCEL_TFLITE_STRING, "STRING"},
		{VACCEL_TFLITE_BOOL, "BOOL"},
		{VACCEL_TFLITE_INT16, "INT16"},
		{VACCEL_TFLITE_COMPLEX64, "COMPLEX64"},
		{VACCEL_TFLITE_INT8, "INT8"},
		{VACCEL_TFLITE_FLOAT16, "FLOAT16"},
		{VACCEL_TFLITE_FLOAT64, "FLOAT64"},
		{VACCEL_TFLITE_COMPLEX128, "COMPLEX128"},
		{VACCEL_TFLITE_UINT64, "UINT64"},
		{VACCEL_TFLITE_RESOURCE, "RESOURCE"},
		{VACCEL_TFLITE_VARIANT, "VARIANT"},
		{VACCEL_TFLITE_UINT32, "UINT32"},
		{VACCEL_TFLITE_UINT16, "UINT16"},
		{VACCEL_TFLITE_INT4, "INT4"},
	    },
	    {19, 31});
	EXPECT_EQ(VACCEL_TFLITE_INT4, 18);
}

TEST_F(EnumsTest, TfDataTypes)
{
	CheckEnum<enum vaccel_tf_data_type>(
	    vaccel_tf_data_type_to_str, vaccel_tf_data_type_from_str,
	    "VACCEL_TF_",
	    {
		{VACCEL_TF_FLOAT, "FLOAT"},
		{VACCEL_TF_DOUBLE, "DOUBLE"},
		{VACCEL_TF_INT32, "INT32"},
		{VACCEL_TF_UINT8, "UINT8"},
		{VACCEL_TF_INT16, "INT16"},
		{VACCEL_TF_INT8, "INT8"},
		{VACCEL_TF_STRING, "STRING"},
		{VACCEL_TF_COMPLEX64, "COMPLEX64"},
		{VACCEL_TF_INT64, "INT64"},
		{VACCEL_TF_BOOL, "BOOL"},
		{VACCEL_TF_QINT8, "QINT8"},
		{VACCEL_TF_QUINT8, "QUINT8"},
		{VACCEL_TF_QINT32, "QINT32"},
		{VACCEL_TF_BFLOAT16, "BFLOAT16"},
		{VACCEL_TF_QINT16, "QINT16"},
		{VACCEL_TF_QUINT16, "QUINT16"},
		{VACCEL_TF_UINT16, "UINT16"},
		{VACCEL_TF_COMPLEX128, "COMPLEX128"},
		{VACCEL_TF_HALF, "HALF"},
		{VACCEL_TF_RESOURCE, "RESOURCE"},
		{VACCEL_TF_VARIANT, "VARIANT"},
		{VACCEL_TF_UINT32, "UINT32"},
		{VACCEL_TF_UINT64, "UINT64"},
	    },
	    {0, 24});
}

TEST_F(EnumsTest, TfComplexIsAnAliasOfComplex64)
{
	enum vaccel_tf_data_type t = VACCEL_TF_FLOAT;

	EXPECT_EQ(VACCEL_TF_COMPLEX, VACCEL_TF_COMPLEX64);
	EXPECT_EQ(VACCEL_TF_COMPLEX, 8);
	EXPECT_STREQ(vaccel_tf_data_type_to_str(VACCEL_TF_COMPLEX),
		     "VACCEL_TF_COMPLEX64");
	EXPECT_EQ(vaccel_tf_data_type_from_str("VACCEL_TF_COMPLEX", &t),
		  VACCEL_OK);
	EXPECT_EQ(t, VACCEL_TF_COMPLEX64);
	t = VACCEL_TF_FLOAT;
	EXPECT_EQ(vaccel_tf_data_type_from_str("complex", &t), VACCEL_OK);
	EXPECT_EQ(t, VACCEL_TF_COMPLEX64);
}

TEST_F(EnumsTest, OpTypesMatchTheDescriptors)
{
	std::vector<std::pair<vaccel_op_type_t, std::string>> values;

	ASSERT_EQ(VACCEL_OP_MAX, 24);
	for (unsigned int op = 0; op < VACCEL_OP_MAX; op++) {
		const struct vaccel_op_desc *d = vaccel_op_desc_get(op);
		ASSERT_NE(d, nullptr) << "op " << op;
		EXPECT_EQ((unsigned int)d->id, op);
		ASSERT_NE(d->name, nullptr);
		ASSERT_NE(d->fn_name, nullptr);
		EXPECT_EQ(std::string(d->fn_name).rfind("vaccel_", 0), 0u)
		    << d->fn_name;
		/* The constant is VACCEL_OP_ + the upper-cased IDL name. */
		std::string upper = d->name;
		for (char &c : upper)
			c = (char)toupper((unsigned char)c);
		values.push_back({(vaccel_op_type_t)op, upper});
	}
	CheckEnum<vaccel_op_type_t>(vaccel_op_type_to_str,
				    vaccel_op_type_from_str, "VACCEL_OP_",
				    values, {VACCEL_OP_MAX, 31});

	EXPECT_EQ(vaccel_op_desc_get(VACCEL_OP_MAX), nullptr);
	EXPECT_EQ(vaccel_op_desc_get(999), nullptr);

	const struct vaccel_op_desc *noop = vaccel_op_desc_get(VACCEL_OP_NOOP);
	ASSERT_NE(noop, nullptr);
	EXPECT_STREQ(noop->name, "noop");
	EXPECT_STREQ(noop->fn_name, "vaccel_noop");
	EXPECT_EQ(VACCEL_OP_NOOP, 0);
	EXPECT_EQ(VACCEL_OP_TORCH_MODEL_RUN, 15);
	EXPECT_EQ(VACCEL_OP_OPENCV, 23);
}

TEST_F(EnumsTest, ErrorValuesAreDistinct)
{
	const vaccel_error_t all[] = {
	    VACCEL_OK,	      VACCEL_EINVAL,	  VACCEL_ENOMEM,
	    VACCEL_ENOTSUP,   VACCEL_EINPROGRESS, VACCEL_EBUSY,
	    VACCEL_EEXIST,    VACCEL_ENOENT,	  VACCEL_ELIBBAD,
	    VACCEL_ENODEV,    VACCEL_EIO,	  VACCEL_ESESS,
	    VACCEL_EBACKEND,  VACCEL_ENOEXEC,	  VACCEL_ENAMETOOLONG,
	    VACCEL_EUSERS,    VACCEL_EPERM,	  VACCEL_ELOOP,
	    VACCEL_EMLINK,    VACCEL_ENOSPC,	  VACCEL_ENOTDIR,
	    VACCEL_EROFS,     VACCEL_EACCES,	  VACCEL_EBADF,
	    VACCEL_EREMOTEIO, VACCEL_EFAULT,	  VACCEL_ERANGE,
	    VACCEL_EAGAIN,    VACCEL_ENOSYS,
	};
	std::set<int> seen;
	std::set<std::string> names;

	for (vaccel_error_t e : all) {
		EXPECT_TRUE(seen.insert((int)e).second) << e;
		EXPECT_TRUE(names.insert(vaccel_error_to_str(e)).second)
		    << vaccel_error_to_str(e);
	}
	EXPECT_EQ(seen.size(), 29u);
}

/* vAccel's <prefix>MAX guards: one past the largest value, declared but
 * not named by the string helpers. */
TEST_F(EnumsTest, MaxGuardsAsInVaccel)
{
	static_assert(VACCEL_RESOURCE_MAX == 3, "VACCEL_RESOURCE_MAX");
	static_assert(VACCEL_ARG_MAX == VACCEL_ARG_CUSTOM + 1,
		      "VACCEL_ARG_MAX");
	static_assert(VACCEL_LOG_MAX == VACCEL_LOG_DEBUG + 1, "VACCEL_LOG_MAX");
	static_assert(VACCEL_PLUGIN_MAX == VACCEL_PLUGIN_ALL + 1,
		      "VACCEL_PLUGIN_MAX");
	static_assert(VACCEL_OP_MAX == 24, "VACCEL_OP_MAX");
	EXPECT_STREQ(vaccel_resource_type_to_str(VACCEL_RESOURCE_MAX),
		     "unknown");
	EXPECT_STREQ(vaccel_arg_type_to_str(VACCEL_ARG_MAX), "unknown");
	vaccel_resource_type_t r;
	EXPECT_EQ(vaccel_resource_type_from_str("MAX", &r), VACCEL_EINVAL);
	vaccel_log_level_t l;
	EXPECT_EQ(vaccel_log_level_from_str("VACCEL_LOG_MAX", &l),
		  VACCEL_EINVAL);
	/* The loop vAccel applications write over every resource type. */
	int n = 0;
	for (int t = 0; t < VACCEL_RESOURCE_MAX; t++)
		n += strcmp(
			 vaccel_resource_type_to_str((vaccel_resource_type_t)t),
			 "unknown") != 0;
	EXPECT_EQ(n, 3);
}

/* The runtime's tensor type checks and the plugins' header-only tables are
 * one table (vaccel/enum_tables.h). */
TEST_F(EnumsTest, RuntimeDtypeSizesAreTheGeneratedTable)
{
	for (int v = -2; v < 40; v++) {
		size_t size;
		vaccel_torch_data_type_elem_size(v, &size);
		EXPECT_EQ(
		    vaccel_torch_data_type_size((enum vaccel_torch_data_type)v),
		    size)
		    << v;
		vaccel_tf_data_type_elem_size(v, &size);
		EXPECT_EQ(vaccel_tf_data_type_size((enum vaccel_tf_data_type)v),
			  size)
		    << v;
		vaccel_tflite_data_type_elem_size(v, &size);
		EXPECT_EQ(vaccel_tflite_data_type_size(
			      (enum vaccel_tflite_data_type)v),
			  size)
		    << v;
	}
}
