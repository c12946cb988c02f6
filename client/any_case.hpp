// Codes and enumerations are typed in any case ("tak", "TAK", "Selesai", "ikm") and kept in
// one canonical form: indicator, sasaran, component and survey codes in capitals (the
// catalogue schema allows no other), case kinds and statuses in small letters. Only ASCII
// letters change; a name with other letters is left as typed.
#pragma once
#include <string>

namespace kinerja {

std::string upper_ascii(std::string s);
std::string lower_ascii(std::string s);

}  // namespace kinerja
