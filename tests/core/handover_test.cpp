#include "core/handover.hpp"

#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

namespace thematica {
namespace {

TEST(HandoverTest, ItemsArriveInOrderAndCloseEndsTheTakingOnceTheyAreTaken) {
  Handover<std::string> handover(2);
  std::thread maker([&] {
    for (int i = 0; i < 100; ++i) EXPECT_TRUE(handover.put("item " + std::to_string(i)));
    handover.close();
  });
  std::vector<std::string> taken;
  while (auto item = handover.take()) taken.push_back(*item);
  maker.join();
  ASSERT_EQ(taken.size(), 100u);
  EXPECT_EQ(taken.front(), "item 0");
  EXPECT_EQ(taken[57], "item 57");
  EXPECT_EQ(taken.back(), "item 99");
  EXPECT_FALSE(handover.take());
}

TEST(HandoverTest, CancelWakesAMakerWaitingForRoomAndRefusesWhatComesAfter) {
  Handover<int> handover(1);
  ASSERT_TRUE(handover.put(1));  // full now
  bool second_put = true;
  std::thread maker([&] { second_put = handover.put(2); });
  handover.cancel();
  maker.join();
  EXPECT_FALSE(second_put);
  EXPECT_FALSE(handover.put(3));
  EXPECT_FALSE(handover.take());  // what was waiting is dropped
}

}  // namespace
}  // namespace thematica
