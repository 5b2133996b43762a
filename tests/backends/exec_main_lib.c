/* Uses a function of exec_dep_lib.c without linking against it: it loads
 * only after the dependency was loaded RTLD_GLOBAL (a multi-file LIB
 * resource lists it first). */

#include <vaccel/arg.h>

#include <stdint.h>

int exec_test_dep_value(void);

/* write[0] = the dependency's value + read[0] (int32). */
int use_dep(struct vaccel_arg *read, size_t nr_read, struct vaccel_arg *write,
	    size_t nr_write)
{
	if (nr_read != 1 || nr_write != 1 || read[0].size != 4 ||
	    write[0].size != 4)
		return 1;
	*(int32_t *)write[0].buf =
	    exec_test_dep_value() + *(int32_t *)read[0].buf;
	return 0;
}
