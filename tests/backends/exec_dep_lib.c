/* The dependency of exec_main_lib.c in multi-file resource tests. */

int exec_test_dep_value(void)
{
	return 1234;
}
