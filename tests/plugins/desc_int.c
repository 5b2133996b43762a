/* Test plugin whose descriptor symbol is a 4-byte int: the loader must
 * not read a descriptor's fields past the end of it. */

__attribute__((visibility("default"))) const int vaccel_plugin_descriptor = 1;
