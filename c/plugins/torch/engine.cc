/* libtorch behind a C interface: load a TorchScript module from bytes, run
 * forward on vaccel tensors. The only translation unit that includes
 * libtorch (each costs 15-25 s to compile). No exception leaves this file:
 * every extern "C" function catches everything. */

#include "torch_plugin.h"

#include <caffe2/serialize/read_adapter_interface.h>
#include <torch/cuda.h>
#include <torch/script.h>
#include <torch/version.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

struct torch_module {
	torch::jit::Module module;
	std::string name;
};

#define DEVICE_ENV "VACCEL_TORCH_DEVICE"

static c10::Device device(c10::kCPU);

/* ---- messages and error codes ----------------------------------------- */

/* The line of a libtorch message that says what went wrong. Errors raised
 * inside the TorchScript interpreter start with a traceback header; the
 * cause is the last "SomethingError: ..." line. Else the first line. */
static std::string brief(const char *what)
{
	std::istringstream in(what ? what : "");
	std::string line, first, cause;

	while (std::getline(in, line)) {
		size_t pos = line.find("Error: ");
		size_t space = line.find(' ');

		if (first.empty() && !line.empty())
			first = line;
		if (pos != std::string::npos && space == pos + 6)
			cause = line.substr(pos + 7);
	}
	return cause.empty() ? first : cause;
}

/* A heuristic: libtorch reports every failure as c10::Error, so a shape or
 * dtype mismatch between the caller's inputs and the model is recognised by
 * the wording of the messages libtorch 1.13 uses for them. */
static bool is_input_mismatch(const std::string &msg)
{
	static const char *const patterns[] = {
	    "shapes cannot be multiplied",
	    "size mismatch",
	    "must match the size",
	    "Expected",
	    "expected",
	    "dtype",
	    "scalar type",
	    "Dimension out of range",
	    "argument(s)",
	    "but got",
	    "shape '",
	    "same type",
	};

	for (const char *p : patterns)
		if (msg.find(p) != std::string::npos)
			return true;
	return false;
}

/* Runs `fn`, turning any exception into a vaccel error code with the
 * libtorch message logged. `mismatch_is_einval`: a failure that looks like
 * a shape or dtype mismatch is the caller's fault (VACCEL_EINVAL). */
template <typename Fn>
static int guarded(const char *what, const char *name, bool mismatch_is_einval,
		   Fn fn)
{
	std::string msg;

	try {
		return fn();
	} catch (const c10::Error &e) {
		msg = brief(e.what_without_backtrace());
	} catch (const std::exception &e) {
		msg = brief(e.what());
	} catch (...) {
		msg = "unknown exception";
	}
	try {
		int ret = mismatch_is_einval && is_input_mismatch(msg)
			      ? VACCEL_EINVAL
			      : VACCEL_EBACKEND;

		vaccel_plugin_error("%s %s: %s", what, name, msg.c_str());
		return ret;
	} catch (...) {
		return VACCEL_EBACKEND;
	}
}

/* ---- device ------------------------------------------------------------ */

extern "C" int torch_engine_init(void)
{
	return guarded("initialising", "libtorch", false, [] {
		const char *v = getenv(DEVICE_ENV);
		bool cuda = torch::cuda::is_available();

		if (!v || !*v) {
			device = c10::Device(cuda ? c10::kCUDA : c10::kCPU);
		} else if (!strcmp(v, "cpu")) {
			device = c10::Device(c10::kCPU);
		} else if (!strcmp(v, "cuda")) {
			if (!cuda) {
				vaccel_plugin_error(
				    "%s is 'cuda' but libtorch sees no CUDA "
				    "device",
				    DEVICE_ENV);
				return VACCEL_ENODEV;
			}
			device = c10::Device(c10::kCUDA);
		} else {
			vaccel_plugin_error("%s is '%s'; expected 'cpu' or "
					    "'cuda'",
					    DEVICE_ENV, v);
			return VACCEL_EINVAL;
		}
		vaccel_plugin_info("libtorch %s, device %s", TORCH_VERSION,
				   torch_engine_device());
		return VACCEL_OK;
	});
}

extern "C" const char *torch_engine_device(void)
{
	return device.is_cuda() ? "cuda" : "cpu";
}

/* ---- loading ------------------------------------------------------------ */

/* Serves the TorchScript archive reader from memory, with bounds checks
 * (a corrupt archive may ask for bytes past the end). */
class MemoryReader final : public caffe2::serialize::ReadAdapterInterface
{
      public:
	MemoryReader(const void *data, size_t size)
	    : data_(static_cast<const uint8_t *>(data)), size_(size)
	{
	}
	size_t size() const override
	{
		return size_;
	}
	size_t read(uint64_t pos, void *buf, size_t n,
		    const char *what) const override
	{
		(void)what;
		if (pos >= size_)
			return 0;
		n = std::min<uint64_t>(n, size_ - pos);
		memcpy(buf, data_ + pos, n);
		return n;
	}

      private:
	const uint8_t *data_;
	size_t size_;
};

extern "C" int torch_module_load(const void *data, size_t size,
				 const char *name, struct torch_module **out)
{
	return guarded("loading", name, false, [&] {
		auto reader = std::make_shared<MemoryReader>(data, size);
		std::unique_ptr<torch_module> m(
		    new torch_module{torch::jit::load(reader, device), name});

		/* Inference: dropout off, batch norm on running stats. */
		m->module.eval();
		*out = m.release();
		return VACCEL_OK;
	});
}

extern "C" void torch_module_free(struct torch_module *m)
{
	try {
		delete m;
	} catch (...) {
	}
}

/* ---- dtypes ------------------------------------------------------------ */

static bool to_scalar_type(int t, c10::ScalarType *st)
{
	switch (t) {
	case VACCEL_TORCH_BYTE:
		*st = c10::kByte;
		return true;
	case VACCEL_TORCH_CHAR:
		*st = c10::kChar;
		return true;
	case VACCEL_TORCH_SHORT:
		*st = c10::kShort;
		return true;
	case VACCEL_TORCH_INT:
		*st = c10::kInt;
		return true;
	case VACCEL_TORCH_LONG:
		*st = c10::kLong;
		return true;
	case VACCEL_TORCH_HALF:
		*st = c10::kHalf;
		return true;
	case VACCEL_TORCH_FLOAT:
		*st = c10::kFloat;
		return true;
	case VACCEL_TORCH_DOUBLE:
		*st = c10::kDouble;
		return true;
	case VACCEL_TORCH_BOOL:
		*st = c10::kBool;
		return true;
	case VACCEL_TORCH_BFLOAT16:
		*st = c10::kBFloat16;
		return true;
	default:
		return false;
	}
}

static bool from_scalar_type(c10::ScalarType st, enum vaccel_torch_data_type *t)
{
	for (int i = VACCEL_TORCH_BYTE; i <= VACCEL_TORCH_BFLOAT16; i++) {
		c10::ScalarType s;

		if (to_scalar_type(i, &s) && s == st) {
			*t = (enum vaccel_torch_data_type)i;
			return true;
		}
	}
	return false;
}

/* ---- inputs -------------------------------------------------------------- */

/* A tensor over the caller's bytes (no copy on the CPU), after checking that
 * they match its dtype and dims. Returns VACCEL_EINVAL with a log line. */
static int make_input(const struct vaccel_torch_tensor *t, int i,
		      at::Tensor *out)
{
	c10::ScalarType st;
	std::vector<int64_t> dims;
	uint64_t count = 1;
	size_t need;
	int type;

	/* Read as an int: a C caller may have stored any value, and loading
	 * a C++ enum out of its range is undefined. */
	static_assert(sizeof(t->data_type) == sizeof(int), "enum size");
	memcpy(&type, &t->data_type, sizeof(type));
	if (!to_scalar_type(type, &st)) {
		vaccel_plugin_error("input %d: unknown data type %d", i, type);
		return VACCEL_EINVAL;
	}
	if (t->nr_dims < 0 || (t->nr_dims > 0 && !t->dims)) {
		vaccel_plugin_error("input %d: bad dims (nr_dims %lld%s)", i,
				    (long long)t->nr_dims,
				    t->nr_dims > 0 ? ", dims NULL" : "");
		return VACCEL_EINVAL;
	}
	for (int64_t d = 0; d < t->nr_dims; d++) {
		int64_t n = t->dims[d];

		if (n < 0 || (n > 0 && count > UINT64_MAX / 2 / (uint64_t)n)) {
			vaccel_plugin_error("input %d: bad dimension %lld "
					    "(dims[%lld])",
					    i, (long long)n, (long long)d);
			return VACCEL_EINVAL;
		}
		count *= (uint64_t)n;
		dims.push_back(n);
	}
	need = (size_t)count * c10::elementSize(st);
	if (t->size != need) {
		vaccel_plugin_error(
		    "input %d: data is %zu bytes; %llu elements "
		    "of %s need %zu",
		    i, t->size, (unsigned long long)count, c10::toString(st),
		    need);
		return VACCEL_EINVAL;
	}
	if (!t->data && need) {
		vaccel_plugin_error("input %d: data is NULL", i);
		return VACCEL_EINVAL;
	}
	*out = torch::from_blob(t->data, dims, torch::TensorOptions(st));
	if (!device.is_cpu())
		*out = out->to(device);
	return VACCEL_OK;
}

/* ---- outputs --------------------------------------------------------------
 */

/* Appends the tensors of `v` to `flat` in order: tuples and lists (nested
 * too) flattened, ints, floats and bools as 0-dim int64, float64 and bool
 * tensors. Anything else (None, str, dict, objects) cannot be returned. */
static int flatten(const c10::IValue &v, std::vector<at::Tensor> &flat)
{
	if (v.isTensor()) {
		flat.push_back(v.toTensor());
	} else if (v.isTuple()) {
		for (const auto &e : v.toTupleRef().elements())
			if (int ret = flatten(e, flat))
				return ret;
	} else if (v.isList()) {
		for (const auto &e : v.toListRef())
			if (int ret = flatten(e, flat))
				return ret;
	} else if (v.isInt()) {
		flat.push_back(torch::scalar_tensor(v.toInt(), c10::kLong));
	} else if (v.isDouble()) {
		flat.push_back(
		    torch::scalar_tensor(v.toDouble(), c10::kDouble));
	} else if (v.isBool()) {
		flat.push_back(torch::scalar_tensor(v.toBool(), c10::kBool));
	} else {
		vaccel_plugin_error(
		    "output %zu is a %s, which is not a tensor, "
		    "a number or a tuple/list of them",
		    flat.size(), v.tagKind().c_str());
		return VACCEL_EBACKEND;
	}
	return VACCEL_OK;
}

static void free_outputs(struct vaccel_torch_tensor **out, int nr)
{
	for (int i = 0; i < nr; i++) {
		if (out[i])
			vaccel_plugin_host->torch_tensor_delete(out[i]);
		out[i] = nullptr;
	}
}

/* Copies the flattened outputs into host-allocated tensors (contiguous,
 * on the CPU). Nothing is left allocated on error. */
static int copy_outputs(std::vector<at::Tensor> &flat,
			struct vaccel_torch_tensor **out, int nr_out)
{
	std::vector<enum vaccel_torch_data_type> types(flat.size());

	if (flat.size() > (size_t)nr_out) {
		vaccel_plugin_error(
		    "model produced %zu outputs, caller gave %d "
		    "slots",
		    flat.size(), nr_out);
		return VACCEL_EINVAL;
	}
	for (size_t i = 0; i < flat.size(); i++) {
		at::Tensor &t = flat[i];

		if (!from_scalar_type(t.scalar_type(), &types[i])) {
			vaccel_plugin_error("output %zu has dtype %s, which "
					    "vaccel torch tensors cannot hold",
					    i, c10::toString(t.scalar_type()));
			return VACCEL_EBACKEND;
		}
		if (t.layout() != c10::kStrided)
			t = t.to_dense();
		t = t.to(c10::kCPU).contiguous();
	}
	for (size_t i = 0; i < flat.size(); i++) {
		const at::Tensor &t = flat[i];
		size_t bytes = t.nbytes();
		int ret = vaccel_plugin_host->torch_tensor_allocate(
		    &out[i], t.dim(), t.sizes().data(), types[i], bytes);

		if (ret) {
			out[i] = nullptr;
			free_outputs(out, (int)i);
			vaccel_plugin_error("output %zu: cannot allocate %zu "
					    "bytes",
					    i, bytes);
			return ret;
		}
		if (bytes)
			memcpy(out[i]->data, t.data_ptr(), bytes);
	}
	return VACCEL_OK;
}

extern "C" int torch_module_forward(struct torch_module *m,
				    struct vaccel_torch_tensor *const *in,
				    int nr_in, struct vaccel_torch_tensor **out,
				    int nr_out)
{
	for (int i = 0; i < nr_out; i++)
		out[i] = nullptr;
	return guarded("running", m->name.c_str(), true, [&] {
		c10::InferenceMode guard;
		std::vector<c10::IValue> inputs;
		std::vector<at::Tensor> flat;
		int ret;

		inputs.reserve(nr_in);
		for (int i = 0; i < nr_in; i++) {
			at::Tensor t;

			if ((ret = make_input(in[i], i, &t)))
				return ret;
			inputs.emplace_back(std::move(t));
		}
		c10::IValue result = m->module.forward(std::move(inputs));
		if ((ret = flatten(result, flat)))
			return ret;
		return copy_outputs(flat, out, nr_out);
	});
}
