#include "analysis/structured_identifiers.hpp"

#include "analysis/regex_matches.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <memory>
#include <string>

namespace thematica {
namespace {

constexpr std::string_view kMonths =
    "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
constexpr std::string_view kDayWords =
    "(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|"
    "thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|"
    "twenty[- ](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|thirtieth|"
    "thirty[- ]first)";
constexpr std::string_view kNinety =
    "(?:9\\d|1[01]\\d|ninety(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?|"
    "a hundred(?: and (?:one|two|three|four|five|six|seven|eight|nine|ten))?)";
constexpr std::string_view kStates =
    "(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IN|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|"
    "NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|DC|Alabama|Alaska|Arizona|"
    "Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|"
    "Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|"
    "Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|"
    "North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|"
    "South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|"
    "Wyoming)";

// A pattern whose first capturing group (or whole match, when it has none) is the identifier.
struct Pattern {
  IdentifierCategory category;
  double confidence;
  std::string_view rule;
  std::unique_ptr<RE2> re;
};

std::unique_ptr<RE2> compile(const std::string& pattern, bool case_sensitive = false) {
  RE2::Options options;
  options.set_case_sensitive(case_sensitive);
  options.set_log_errors(false);
  return std::make_unique<RE2>(pattern, options);
}

std::string with(std::string pattern, std::string_view name, std::string_view value) {
  for (auto at = pattern.find(name); at != std::string::npos; at = pattern.find(name, at)) {
    pattern.replace(at, name.size(), value);
    at += value.size();
  }
  return pattern;
}

std::vector<Pattern> make_patterns() {
  using C = IdentifierCategory;
  std::vector<Pattern> p;
  auto add = [&](C c, double confidence, std::string_view rule, const std::string& re,
                 bool case_sensitive = false) {
    p.push_back({c, confidence, rule, compile(re, case_sensitive)});
  };
  // Whole addresses win over a name inside them ("e.pryce@...", a known "Pryce"): confidence 1.
  add(C::kEmail, 1.0, "e-mail address", R"([A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)");
  add(C::kUrl, 1.0, "web address", R"((?:https?://|www\.)[^\s<>"']*[^\s<>"'.,;:!?)])");
  add(C::kUrl, 0.8, "web address",
      R"(\b[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:org|com|net|edu|gov|ac\.uk|nhs\.uk|co\.uk|org\.uk)(?:/[^\s<>"']*[^\s<>"'.,;:!?)])?)");
  add(C::kPhone, 0.95, "UK phone number", R"((?:\+44\s?(?:\(0\)\s?)?|\b0)(?:\d\s?-?){9,10}\d\b)");
  add(C::kPhone, 0.9, "US phone number",
      R"((?:\+1[\s.-]?)?(?:\(\d{3}\)\s?|\b\d{3}[\s.-])\d{3}[\s.-]\d{4}\b)");
  add(C::kPhone, 0.7, "US local phone number", R"(\b\d{3}-\d{4}\b)");
  add(C::kPostcode, 0.9, "UK postcode", R"(\b[A-Z]{1,2}\d[A-Z\d]?\s?\d[ABD-HJLNP-UW-Z]{2}\b)",
      /*case_sensitive=*/true);
  add(C::kPostcode, 0.85, "US ZIP code after a state",
      with(R"(\bSTATES\.?,?\s+(\d{5}(?:-\d{4})?)\b)", "STATES", kStates), true);
  add(C::kPostcode, 0.85, "ZIP code", R"(\bzip(?:\s?code)?\W{0,3}(\d{5}(?:-\d{4})?)\b)");
  add(C::kPostcode, 0.75, "ZIP code after a town",
      R"(\b[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+(\d{5}(?:-\d{4})?)\b)", /*case_sensitive=*/true);
  // A label ("MRN", "hospital number", "patient ID" ...), a few words at most, then the number.
  add(C::kRecordNumber, 0.9, "record number",
      R"(\b(?:MRN|medical record(?: number| no\.?)?|(?:hospital|unit|clinic|case|record|patient|chart|study) (?:number|no\.?|ID))\b[^.?!\n\d]{0,30}?\b([A-Z]{0,3}-?\d[\d-]{3,}\d)\b)");
  add(C::kRecordNumber, 0.6, "letters and digits of an identifier",
      R"(\b([A-Z]{1,3}\d{6,}|[A-Z]{1,3}-\d{5,})\b)", /*case_sensitive=*/true);
  add(C::kRecordNumber, 0.6, "a long number with leading zeros", R"(\b(0\d{6,9})\b)");
  add(C::kDate, 0.95, "date", R"(\b\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})\b)");
  add(C::kDate, 0.95, "date", R"(\b\d{4}-\d{2}-\d{2}\b)");
  add(C::kDate, 0.9, "date",
      with(with(R"(\b(?:\d{1,2}(?:st|nd|rd|th)?|DAYS)\s+(?:of\s+)?MONTHS\b(?:,?\s+\d{4}\b)?)",
                "MONTHS", kMonths),
           "DAYS", kDayWords));
  add(C::kDate, 0.85, "date",
      with(R"(\bMONTHS\s+the\s+\d{1,2}(?:st|nd|rd|th)\b)", "MONTHS", kMonths));
  add(C::kDate, 0.7, "day of the month",
      R"(\b(?:on|by|from|until|till|since|before|after)\s+the\s+(\d{1,2}(?:st|nd|rd|th))\b)");
  add(C::kDate, 0.8, "day of the month",
      with(R"(\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\s+the\s+)"
           R"((\d{1,2}(?:st|nd|rd|th)\b(?:\s+of\s+MONTHS\b)?))",
           "MONTHS", kMonths));
  // "it was the 2nd, because": an ordinal ending the phrase ("the 2nd floor" is no date).
  add(C::kDate, 0.6, "day of the month",
      R"(\bthe\s+(\d{1,2}(?:st|nd|rd|th))(?:[,.;!?]|\s+(?:and|or|but|because|when)\b))");
  // "on the eighth," but not "on the second floor": a word ordinal ending the phrase.
  add(C::kDate, 0.65, "day of the month",
      with(R"(\bon\s+the\s+(DAYS)(?:[,.;!?]|\s+(?:and|or|but|because|when)\b))", "DAYS",
           kDayWords));
  add(C::kDate, 0.85, "date",
      with(R"(\bMONTHS\.?\s+\d{1,2}(?:st|nd|rd|th)?\b(?:,?\s+\d{4}\b)?)", "MONTHS", kMonths));
  add(C::kDate, 0.8, "date",
      R"(\b(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+\d{4}\b)",
      /*case_sensitive=*/true);
  add(C::kAge, 0.95, "age over 89", with(R"(\b(AGE)[- ](?:years?|yrs?)[- ]old\b)", "AGE", kNinety));
  add(C::kAge, 0.95, "age over 89", with(R"(\baged?\s+(AGE)\b)", "AGE", kNinety));
  add(C::kAge, 0.7, "age over 89",
      with(
          R"(\b(?:is|was|who's|she's|he's|turned|turning|turns|turn|reached|at|not|being|to|until)\s+(AGE)\b(?:\s|[.,;!?]|$))",
          "AGE", kNinety));
  return p;
}

const std::vector<Pattern>& patterns() {
  static const std::vector<Pattern> kPatterns = make_patterns();
  return kPatterns;
}

std::string digits_of(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c >= '0' && c <= '9') out += c;
  }
  return out;
}

void find_nhs_numbers(std::string_view text, std::vector<IdentifierSpan>& out) {
  static const RE2 kShape(R"(\b(\d{3}[ -]?\d{3}[ -]?\d{4})\b)");
  for_each_match(kShape, text, [&](std::size_t begin, std::size_t end) {
    if (valid_nhs_number(text.substr(begin, end - begin))) {
      out.push_back({begin, end, IdentifierCategory::kNhsNumber, 0.96, "NHS number (check digit)"});
    }
  });
}

}  // namespace

bool valid_nhs_number(std::string_view text) {
  std::string digits = digits_of(text);
  if (digits.size() != 10) return false;
  int sum = 0;
  for (int i = 0; i < 9; ++i) sum += (digits[static_cast<std::size_t>(i)] - '0') * (10 - i);
  int check = 11 - sum % 11;
  if (check == 11) check = 0;
  return check != 10 && check == digits[9] - '0';
}

std::vector<IdentifierSpan> find_structured_identifiers(std::string_view text) {
  std::vector<IdentifierSpan> out;
  for (const auto& p : patterns()) {
    for_each_match(*p.re, text, [&](std::size_t begin, std::size_t end) {
      out.push_back({begin, end, p.category, p.confidence, p.rule});
    });
  }
  find_nhs_numbers(text, out);
  return out;
}

}  // namespace thematica
