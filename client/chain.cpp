// The chain rule (chain.hpp).
#include "client/chain.hpp"

#include "client/device_key.hpp"

namespace kinerja {

bool hash_matches(const Op& op, std::string_view body_text) { return compute_hash(op, body_text) == op.hash; }

Link check_link(const ChainHead& head, const Op& op, const std::function<std::string(int64_t)>& held) {
  if (op.seq <= head.seq) return held(op.seq) == op.hash ? Link::Held : Link::Fork;
  if (op.seq != head.seq + 1) return Link::Gap;
  return op.prev == head.hash ? Link::Next : Link::BadPrev;
}

std::string link_problem(Link link, const Op& op, const ChainHead& head) {
  std::string name = "op " + op.device + "#" + std::to_string(op.seq);
  switch (link) {
    case Link::Next:
    case Link::Held: return "";
    case Link::Fork: return name + " forks the chain: another op holds that seq";
    case Link::Gap: return name + " leaves a gap: the chain ends at seq " + std::to_string(head.seq);
    case Link::BadPrev: return name + ": prev does not match the hash of seq " + std::to_string(head.seq);
  }
  return "";
}

bool checkpoint_covers(const Checkpoint& c, const std::string& device, const ChainHead& head,
                       const std::string& public_key) {
  return c.device == device && c.seq == head.seq && c.hash == head.hash &&
         verify_sig(public_key, checkpoint_message(c), c.sig);
}

}  // namespace kinerja
