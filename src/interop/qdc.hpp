#pragma once
// REFI-QDA codebooks (.qdc, QDA-XML codebook 1.0), the exchange format MAXQDA, NVivo, ATLAS.ti
// and QualCoder read and write: nested codes with GUIDs, colours and descriptions, and sets of
// codes. Reading is lenient where real exporters differ from the schema (any
// urn:QDA-XML:codebook namespace or none, GUIDs in braces or upper case, #RGB colours); writing
// follows the schema exactly (element order, no empty lists, UTF-8 without BOM).

#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace thematica {

struct QdcCode {
  std::string guid;  // lower case, without braces
  std::string name;
  std::string colour;       // "#rrggbb", or empty
  std::string description;  // empty when the file has none
  bool codable = true;
  std::vector<QdcCode> children;
};

struct QdcSet {
  std::string guid;
  std::string name;
  std::string description;
  std::vector<std::string> members;  // code GUIDs
};

struct QdcCodebook {
  std::string origin;  // the program that wrote it, when it says
  std::vector<QdcCode> codes;
  std::vector<QdcSet> sets;
};

// Errors (kInvalidInput, naming the element and its line): malformed XML; a DOCTYPE (refused:
// entities are never expanded or fetched); a root other than CodeBook or a namespace other than
// urn:QDA-XML:codebook:*; a code or set without a valid GUID or a name; a GUID used twice; a set
// member naming no code.
Result<QdcCodebook> parse_qdc(std::string_view xml);

// The codebook as a .qdc document valid against Codebook.xsd.
std::string write_qdc(const QdcCodebook& codebook);

}  // namespace thematica
