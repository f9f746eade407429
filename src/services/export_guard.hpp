#pragma once
// The last check before anything of a pseudonymised project leaves it (an export, a report):
// with the key at hand, every original the key holds is looked for, as whole words, in every
// document and every name, memo and note of the project, which is all an export is made of. A
// hit stops the export and says where it is, so it can be pseudonymised or corrected first.

#include "services/pseudonym_key_file.hpp"

namespace thematica {

// Before a first pass (no key file yet, nothing pseudonymised) there is nothing to guard. Errors:
// those of require_key; kConflict naming the first place an original was found (and
// how many more there are).
Status guard_export(Store& store, const KeyAccess& key);

}  // namespace thematica
