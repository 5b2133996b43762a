/* `vaccel info`: the runtime, the loaded plugins and the ops each serves. */

#include "tool.h"

#include <stdio.h>
#include <string.h>
#include <vaccel.h>

static void type_str(uint32_t type, char *buf, size_t len)
{
	size_t used = 0;

	buf[0] = '\0';
	for (uint32_t bit = 1; bit && bit <= VACCEL_PLUGIN_REMOTE; bit <<= 1)
		if (type & bit) {
			const char *s = vaccel_plugin_type_to_str(
			    (vaccel_plugin_type_t)bit);

			if (!strncmp(s, "VACCEL_PLUGIN_", 14))
				s += 14;
			used += (size_t)snprintf(buf + used,
						 used < len ? len - used : 0,
						 "%s%s", used ? "|" : "", s);
		}
	if (!used)
		snprintf(buf, len, "none");
}

int cmd_info(void)
{
	size_t n = vaccel_plugin_count();

	printf("vaccel %s\n", VACCEL_VERSION);
	printf("plugins: %zu\n", n);
	for (size_t i = 0; i < n; i++) {
		struct vaccel_plugin_summary s;
		char types[160];

		if (vaccel_plugin_get_summary(i, &s))
			return TOOL_FAIL;
		type_str(s.type, types, sizeof(types));
		printf("plugin %s %s\n", s.name, s.version ? s.version : "");
		printf("  path: %s\n", s.path);
		printf("  type: %s, priority %d\n", types, (int)s.priority);
		printf("  typed ops: %zu", s.nr_typed);
		for (int op = 0; op < VACCEL_OP_MAX; op++)
			if (s.ops[op])
				printf(" %s",
				       vaccel_op_desc_get((unsigned)op)->name);
		printf("\n");
		if (s.generic)
			printf("  generic entry: yes (serves every op)\n");
	}
	if (!n)
		printf("(set VACCEL_PLUGINS to load plugins)\n");
	return TOOL_OK;
}
