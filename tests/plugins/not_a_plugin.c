/* A shared object that is not a vaccel plugin. */

__attribute__((visibility("default"))) int not_a_plugin(void)
{
	return 42;
}
