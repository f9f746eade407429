#include "analysis/structured_identifiers.hpp"

#include <gtest/gtest.h>

namespace thematica {
namespace {

// The identifiers found in `text` as (category, text) pairs, overlaps resolved.
std::vector<std::pair<std::string, std::string>> found(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& s : without_overlaps(find_structured_identifiers(text))) {
    out.emplace_back(std::string(category_name(s.category)),
                     std::string(text.substr(s.begin, s.end - s.begin)));
  }
  return out;
}

using Found = std::vector<std::pair<std::string, std::string>>;

TEST(StructuredIdentifiersTest, NhsNumbersOnlyWithAValidCheckDigit) {
  EXPECT_TRUE(valid_nhs_number("943 476 5919"));
  EXPECT_TRUE(valid_nhs_number("9434765919"));
  EXPECT_FALSE(valid_nhs_number("943 476 5918"));
  EXPECT_FALSE(valid_nhs_number("94347659"));
  EXPECT_EQ(found("Her NHS number is 943 476 5919, not 943 476 5918."),
            (Found{{"nhs_number", "943 476 5919"}, {"phone", "943 476 5918"}}));
}

TEST(StructuredIdentifiersTest, ContactDetailsAndPostcodes) {
  EXPECT_EQ(found("Ring 01632 960418 or e-mail c.moss@northbridge.ac.uk, see "
                  "www.eastburyhospice.org.uk/volunteer."),
            (Found{{"phone", "01632 960418"},
                   {"email", "c.moss@northbridge.ac.uk"},
                   {"url", "www.eastburyhospice.org.uk/volunteer"}}));
  EXPECT_EQ(
      found("Call (555) 201-3344, 12 Elm Road, Eastbury EB4 7QT, or Austin, TX 78701-2201."),
      (Found{{"phone", "(555) 201-3344"}, {"postcode", "EB4 7QT"}, {"postcode", "78701-2201"}}));
}

TEST(StructuredIdentifiersTest, DatesInTheFormsPeopleSayThem) {
  EXPECT_EQ(found("On the 12th of February, on 4 March 2026, on March 14th, 2026, on 03/14/2026 "
                  "and on 2026-03-12, in March 2019, and the twelfth of May."),
            (Found{{"date", "12th of February"},
                   {"date", "4 March 2026"},
                   {"date", "March 14th, 2026"},
                   {"date", "03/14/2026"},
                   {"date", "2026-03-12"},
                   {"date", "March 2019"},
                   {"date", "twelfth of May"}}));
  EXPECT_EQ(found("Every Monday in March we may meet."), Found{});
}

TEST(StructuredIdentifiersTest, AgesOverEightyNineOnly) {
  EXPECT_EQ(found("a 92-year-old lady, a 45-year-old man, aged 94, she was ninety-three crying, "
                  "He was 92. He was 45."),
            (Found{{"age", "92"}, {"age", "94"}, {"age", "ninety-three"}, {"age", "92"}}));
}

TEST(StructuredIdentifiersTest, RecordNumbersAfterTheirLabel) {
  EXPECT_EQ(found("MRN 00482913; her hospital number, K7720415; patient ID 55-2291."),
            (Found{{"record_number", "00482913"},
                   {"record_number", "K7720415"},
                   {"record_number", "55-2291"}}));
}

}  // namespace
}  // namespace thematica
