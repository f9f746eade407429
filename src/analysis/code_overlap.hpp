#pragma once
// "Where codes overlap" retrieval: which codings of a set of codes sit on text that every other
// code of the set also covers. Pure; no storage.

#include <vector>

#include "core/entities.hpp"

namespace thematica {

// `groups` lists the codes asked for, each as the ids it stands for (a code, or a code with its
// sub-codes). Returns, parallel to `codings`, whether the coding belongs to one group and overlaps
// (shares at least one code point with), in the same document, a coding of every other group.
// A coding whose code is in no group is not kept. With fewer than two groups every coding of a
// group is kept.
std::vector<bool> overlapping_every_code(const std::vector<Coding>& codings,
                                         const std::vector<std::vector<Id>>& groups);

}  // namespace thematica
