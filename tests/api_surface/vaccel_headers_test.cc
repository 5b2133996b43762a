/* vaccel/id.h and vaccel/op.h, included on their own by a C file. */

#include <gtest/gtest.h>

extern "C" int vaccel_headers_check(void);

TEST(VaccelHeaders, IdAndOpHeadersStandAlone)
{
	EXPECT_EQ(vaccel_headers_check(), 1);
}
