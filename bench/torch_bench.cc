// Latency of TorchScript models run (a) by libtorch directly and (b) through
// vaccel_torch_model_run in-process, measured in the same process and run.
// See docs/performance.md. The only translation unit in bench/ that
// includes libtorch (each costs 15-25 s to compile).

#include <torch/script.h>
#include <torch/version.h>
#include <ATen/Parallel.h>

#include <vaccel.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <random>
#include <sstream>
#include <string>
#include <vector>

namespace
{

using Clock = std::chrono::steady_clock;

struct Options {
	std::string plugin;
	std::vector<std::string> models; // NAME:PATH:DIMS
	std::vector<int64_t> batches{1, 16};
	int threads = 0;      // 0: libtorch's default
	double budget_s = 20; // per model and batch, both paths together
	long iters = 0;	      // fixed timed iterations per path (0: budget)
	long warmup = 5;
	long min_iters = 20;
	long max_iters = 50000;
};

struct Model {
	std::string name, path;
	std::vector<int64_t> dims; // -1 stands for the batch dimension
};

// Keeps the compiler from dropping a copy nobody reads.
inline void escape(void *p)
{
	asm volatile("" : : "g"(p) : "memory");
}

[[noreturn]] void die(const std::string &msg)
{
	std::fprintf(stderr, "torch_bench: %s\n", msg.c_str());
	std::exit(2);
}

std::vector<std::string> split(const std::string &s, char sep)
{
	std::vector<std::string> out;
	std::stringstream ss(s);
	std::string item;
	while (std::getline(ss, item, sep))
		out.push_back(item);
	return out;
}

Model parse_model(const std::string &spec)
{
	auto parts = split(spec, ':');
	if (parts.size() != 3)
		die("--model wants NAME:PATH:DIMS, got " + spec);
	Model m{parts[0], parts[1], {}};
	for (auto &d : split(parts[2], ','))
		m.dims.push_back(d == "B" ? -1 : std::stoll(d));
	return m;
}

void usage()
{
	std::puts(
	    "usage: torch_bench [--plugin SO] --model NAME:PATH:DIMS ...\n"
	    "  DIMS: comma separated, B for the batch (3 leading dims\n"
	    "        B,3,224,224); a model without B runs once at its shape\n"
	    "  --batch 1,16   --threads N   --budget SECONDS (per row)\n"
	    "  --iters N (timed per path)   --warmup N   --quick\n"
	    "env: TORCH_BENCH_QUICK=1, TORCH_BENCH_ITERS, TORCH_BENCH_BUDGET");
}

Options parse_args(int argc, char **argv)
{
	Options o;
	auto quick = [&o] {
		o.budget_s = 0.5;
		o.warmup = 2;
		o.min_iters = 3;
		o.max_iters = 200;
	};
	if (const char *e = std::getenv("TORCH_BENCH_QUICK"); e && *e == '1')
		quick();
	if (const char *e = std::getenv("TORCH_BENCH_BUDGET"))
		o.budget_s = std::atof(e);
	if (const char *e = std::getenv("TORCH_BENCH_ITERS"))
		o.iters = std::atol(e);
	for (int i = 1; i < argc; i++) {
		std::string a = argv[i];
		auto val = [&]() -> std::string {
			if (i + 1 >= argc)
				die(a + " needs a value");
			return argv[++i];
		};
		if (a == "--plugin")
			o.plugin = val();
		else if (a == "--model")
			o.models.push_back(val());
		else if (a == "--batch") {
			o.batches.clear();
			for (auto &b : split(val(), ','))
				o.batches.push_back(std::stoll(b));
		} else if (a == "--threads")
			o.threads = std::stoi(val());
		else if (a == "--budget")
			o.budget_s = std::stod(val());
		else if (a == "--iters")
			o.iters = std::stol(val());
		else if (a == "--warmup")
			o.warmup = std::stol(val());
		else if (a == "--quick")
			quick();
		else if (a == "--help" || a == "-h") {
			usage();
			std::exit(0);
		} else
			die("unknown argument " + a);
	}
	if (o.models.empty()) {
		usage();
		std::exit(2);
	}
	return o;
}

// One input: random data shared by both paths.
struct Input {
	std::vector<int64_t> dims;
	std::vector<float> data;
};

Input make_input(const Model &m, int64_t batch)
{
	Input in;
	for (auto d : m.dims)
		in.dims.push_back(d < 0 ? batch : d);
	int64_t n = 1;
	for (auto d : in.dims)
		n *= d;
	std::mt19937 rng(42);
	std::normal_distribution<float> dist;
	in.data.resize(n);
	for (auto &x : in.data)
		x = dist(rng);
	return in;
}

// (a) libtorch directly: what an application would write, copying the
// output into a malloc'd contiguous buffer as the plugin does.
struct Direct {
	torch::jit::Module mod;
	std::vector<char> last; // the last output, for the equality check

	double run(Input &in, bool keep)
	{
		auto t0 = Clock::now();
		{
			c10::InferenceMode guard;
			std::vector<torch::jit::IValue> args{torch::from_blob(
			    in.data.data(), in.dims, torch::kFloat)};
			at::Tensor out =
			    mod.forward(args).toTensor().contiguous();
			size_t n = out.nbytes();
			void *buf = std::malloc(n);
			std::memcpy(buf, out.data_ptr(), n);
			escape(buf);
			if (keep)
				last.assign((char *)buf, (char *)buf + n);
			std::free(buf);
		}
		return std::chrono::duration<double, std::micro>(Clock::now() -
								 t0)
		    .count();
	}
};

// (b) the same model through vaccel_torch_model_run in-process.
struct Vaccel {
	vaccel_session *sess = nullptr;
	vaccel_resource *res = nullptr;
	vaccel_torch_tensor *input = nullptr;
	std::vector<char> last;

	double run(bool keep)
	{
		vaccel_torch_tensor *out[1] = {nullptr};
		auto t0 = Clock::now();
		int rc = vaccel_torch_model_run(sess, res, nullptr, &input, 1,
						out, 1);
		if (rc == VACCEL_OK && keep) {
			auto *p = (char *)out[0]->data;
			last.assign(p, p + out[0]->size);
		}
		if (out[0])
			vaccel_torch_tensor_delete(out[0]);
		auto dt =
		    std::chrono::duration<double, std::micro>(Clock::now() - t0)
			.count();
		if (rc != VACCEL_OK)
			die("vaccel_torch_model_run: " + std::to_string(rc));
		return dt;
	}
};

double percentile(std::vector<double> v, double p)
{
	std::sort(v.begin(), v.end());
	size_t rank = (size_t)std::ceil(p * v.size());
	return v[std::max<size_t>(rank, 1) - 1];
}

// Both outputs byte for byte: same libtorch, same data, same threads.
void check_equal(const std::string &row, const Direct &a, const Vaccel &b)
{
	if (a.last.size() != b.last.size())
		die(row + ": output sizes differ (" +
		    std::to_string(a.last.size()) + " vs " +
		    std::to_string(b.last.size()) + " bytes)");
	if (std::memcmp(a.last.data(), b.last.data(), a.last.size()) == 0)
		return;
	auto *x = (const float *)a.last.data();
	auto *y = (const float *)b.last.data();
	double worst = 0;
	for (size_t i = 0; i < a.last.size() / sizeof(float); i++)
		worst = std::max(worst, (double)std::fabs(x[i] - y[i]));
	die(row + ": outputs differ (max abs diff " + std::to_string(worst) +
	    ")");
}

void bench_row(const Options &o, const Model &m, int64_t batch, Direct &a,
	       Vaccel &b)
{
	Input in = make_input(m, batch);
	std::vector<int64_t> dims = in.dims;
	if (vaccel_torch_tensor_new(&b.input, (int64_t)dims.size(), dims.data(),
				    VACCEL_TORCH_FLOAT) ||
	    vaccel_torch_tensor_set_data(b.input, in.data.data(),
					 in.data.size() * sizeof(float)))
		die("cannot make the vaccel input tensor");

	// Warm-up (TorchScript's profiling executor optimises the graph on
	// the first runs), which also sizes the timed loop.
	double warm = 0;
	for (long i = 0; i < o.warmup; i++)
		warm = a.run(in, false) + b.run(false);
	a.run(in, true);
	b.run(true);
	std::string row = m.name + " batch " + std::to_string(batch);
	check_equal(row, a, b);

	long n = o.iters;
	if (n <= 0)
		n = std::clamp((long)(o.budget_s * 1e6 / std::max(warm, 1.0)),
			       o.min_iters, o.max_iters);
	// Blocks alternate ABBA so drift (thermal, other load) hits both;
	// about 20 ms each, so slow models alternate every call.
	long len = std::clamp((long)(2e4 / std::max(warm / 2, 0.1)), 1L,
			      std::max(n / 10, 1L));
	std::vector<double> ta, tb;
	for (long blk = 0; ta.size() < (size_t)n; blk++) {
		len = std::min<long>(len, n - (long)ta.size());
		for (int half = 0; half < 2; half++) {
			bool direct = (blk % 2 == 0) == (half == 0);
			for (long i = 0; i < len; i++) {
				if (direct)
					ta.push_back(a.run(in, false));
				else
					tb.push_back(b.run(false));
			}
		}
	}
	vaccel_torch_tensor_delete(b.input);
	b.input = nullptr;

	double ma = percentile(ta, 0.5), mb = percentile(tb, 0.5);
	std::printf("| %-9s | %5ld | %6ld | %10.1f | %10.1f | %10.1f | %10.1f "
		    "| %+8.2f%% | %+11.1f | identical |\n",
		    m.name.c_str(), (long)batch, n, ma, percentile(ta, 0.99),
		    mb, percentile(tb, 0.99), 100.0 * (mb - ma) / ma, mb - ma);
	std::fflush(stdout);
}

} // namespace

int main(int argc, char **argv)
{
	Options o = parse_args(argc, argv);
	// Both paths on the CPU: the plugin would pick CUDA where libtorch
	// sees a GPU, the direct path never does.
	setenv("VACCEL_TORCH_DEVICE", "cpu", 0);
	if (o.threads > 0)
		at::set_num_threads(o.threads);
	if (!o.plugin.empty() && vaccel_plugin_load(o.plugin.c_str()))
		die("cannot load plugin " + o.plugin);

	vaccel_session sess;
	if (vaccel_session_init(&sess, 0))
		die("vaccel_session_init failed");

	const char *prof = std::getenv("VACCEL_PROFILING_ENABLED");
	std::printf("libtorch %s, %d intra-op threads, profiling %s, "
		    "times in microseconds\n\n",
		    TORCH_VERSION, at::get_num_threads(),
		    prof && *prof == '1' ? "on" : "off");
	std::printf(
	    "| model     | batch |  iters | direct med | direct p99 "
	    "| vaccel med | vaccel p99 | overhead  | overhead us | output    "
	    "|\n"
	    "|-----------|-------|--------|------------|------------"
	    "|------------|------------|-----------|-------------|-----------"
	    "|\n");

	for (auto &spec : o.models) {
		Model m = parse_model(spec);
		Direct a;
		try {
			a.mod = torch::jit::load(m.path);
			a.mod.eval();
		} catch (const std::exception &e) {
			die("torch::jit::load(" + m.path + "): " + e.what());
		}
		vaccel_resource res;
		if (vaccel_resource_init(&res, m.path.c_str(),
					 VACCEL_RESOURCE_MODEL) ||
		    vaccel_resource_register(&res, &sess))
			die("cannot make a model resource of " + m.path);
		if (int rc = vaccel_torch_model_load(&sess, &res))
			die("vaccel_torch_model_load(" + m.path +
			    "): " + std::to_string(rc));
		Vaccel b;
		b.sess = &sess;
		b.res = &res;

		std::vector<int64_t> batches = o.batches;
		if (m.dims[0] >= 0)
			batches = {m.dims[0]};
		for (auto batch : batches)
			bench_row(o, m, batch, a, b);

		vaccel_resource_unregister(&res, &sess);
		vaccel_resource_release(&res);
	}
	vaccel_session_release(&sess);
	return 0;
}
