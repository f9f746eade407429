#include "interop/qda_xml.hpp"

#include <gtest/gtest.h>

namespace thematica::testing {
namespace {

TEST(QdaXmlTest, ReadsGuidsColoursAndDatesLeniently) {
  EXPECT_EQ(normalise_guid("{0A1B2C3D-0000-4000-8000-00000000000A}"),
            "0a1b2c3d-0000-4000-8000-00000000000a");
  EXPECT_EQ(normalise_guid("c001"), std::nullopt);
  EXPECT_EQ(normalise_colour("#C33"), "#cc3333");
  EXPECT_EQ(normalise_colour("#FF1F77B4"), "#1f77b4");
  EXPECT_EQ(normalise_colour("rgb(1,2,3)"), "");
  EXPECT_EQ(normalise_datetime("2018-03-27T17:46:39Z"), "2018-03-27T17:46:39.000Z");
  EXPECT_EQ(normalise_datetime("2018-03-27T17:46:39"), "2018-03-27T17:46:39.000Z");
  EXPECT_EQ(normalise_datetime("2018-03-27T23:46:39.5+02:00"), "2018-03-27T21:46:39.500Z");
  EXPECT_EQ(normalise_datetime("2018-12-31T23:30:00-01:00"), "2019-01-01T00:30:00.000Z");
  EXPECT_EQ(normalise_datetime("2018-03-27T17:46:39.1234Z"), "2018-03-27T17:46:39.123Z");
  EXPECT_EQ(normalise_datetime("2018-03-27T17:46:39.07+00:00"), "2018-03-27T17:46:39.070Z");
  EXPECT_EQ(normalise_datetime("2016-12-31T23:59:60Z"), "2016-12-31T23:59:59.000Z");
  EXPECT_EQ(normalise_datetime("2018-02-30T00:00:00Z"), std::nullopt);
  EXPECT_EQ(normalise_datetime("yesterday"), std::nullopt);
}

}  // namespace
}  // namespace thematica::testing
