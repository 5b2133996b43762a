/* Preloaded by example_test.sh: the plugin's TF_Version() then reports
 * another release, as a libtensorflow of that release would. */

const char *TF_Version(void);

const char *TF_Version(void)
{
	return "2.20.0";
}
