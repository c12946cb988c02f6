// The chain rule, written once: what makes an op the next link of its device's chain and
// what a signed checkpoint covers. Used wherever ops arrive or are checked: the office's
// Ingest (pulled ops), the hub's push, `kinerja verify` and the push's check of the ops
// it is about to sign.
//
// A device's ops form a chain by seq 1, 2, 3 …: each op's hash is the SHA-256 of its
// canonical encoding, its prev is the hash of the op before (zeros for seq 1), and a
// checkpoint {device, seq, hash} signed with the device's key covers every op up to seq.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

#include "client/op.hpp"

namespace kinerja {

// The newest op a node holds of one device's chain.
struct ChainHead {
  int64_t seq = 0;  // 0: none yet
  std::string hash = kZeroHash;
};

enum class Link {
  Next,     // seq = head + 1 and prev = the head's hash: extends the chain
  Held,     // seq ≤ head with the hash held at that seq: already there
  Fork,     // seq ≤ head with another hash than the one held
  Gap,      // seq > head + 1
  BadPrev,  // seq = head + 1 but prev is not the head's hash
};

// Whether OP's hash is the SHA-256 of its content (BODY_TEXT = canonical_text(op.body)).
bool hash_matches(const Op& op, std::string_view body_text);

// Where OP stands against HEAD. HELD(seq), for seq ≤ head.seq, gives the hash held there.
Link check_link(const ChainHead& head, const Op& op, const std::function<std::string(int64_t)>& held);

// A sentence for people, e.g. "op D#7 leaves a gap: the chain ends at seq 5".
std::string link_problem(Link link, const Op& op, const ChainHead& head);

// Whether C is DEVICE's signature, by PUBLIC_KEY, over exactly HEAD.
bool checkpoint_covers(const Checkpoint& c, const std::string& device, const ChainHead& head,
                       const std::string& public_key);

}  // namespace kinerja
