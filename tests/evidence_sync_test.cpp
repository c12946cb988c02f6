// Evidence files in a sync against a real kinerja-hub on 127.0.0.1: uploaded after the ops
// under their SHA-256 with identical bytes, only the files the hub lacks, none on a
// metered link, downloaded by another device of the office, a file that does not hash to
// its name refused by the hub, and no file served to an office that has not uploaded it.
#include <catch2/catch.hpp>

#include <fstream>

#include "client/canonical.hpp"
#include "client/evidence.hpp"
#include "client/rb_register.hpp"
#include "sync/sync_state.hpp"
#include "tests/sync_fixture.hpp"

using namespace kinerja;
using namespace kinerja::test;

static std::string evidence_file(const TempDir& dir, const std::string& name, size_t size, int seed) {
  std::string bytes(size, '\0');
  for (size_t i = 0; i < size; ++i) bytes[i] = static_cast<char>((i * 131 + static_cast<size_t>(seed)) % 256);
  std::ofstream(dir.file(name), std::ios::binary) << bytes;
  return bytes;
}

static void done_with_file(Store& s, const TempDir& dir, const std::string& name) {
  std::string id = add_rb_item(s, {2024, "Penguatan Akuntabilitas", "aksi " + name, "2024-Q2", "", "", "", ""});
  mark_rb_done(s, {id, dir.file(name), "2024-05-02"});
}

static SyncReport sync_metered(Store& s) {
  SyncSettings settings = settings_from_env();
  settings.metered = true;
  return run_sync(s, "", settings, nullptr);
}

TEST_CASE("evidence: uploaded lazily after the ops, skipped when metered, downloaded by another device", "[sync][evidence]") {
  HubAndOffice f;
  enrol_store(f.hub_db, f.hub.url, f.a);
  std::string hub_blobs = f.hub_db + ".blobs";
  std::string one = evidence_file(f.dir, "notulen.pdf", 300000, 1);
  done_with_file(f.a, f.dir, "notulen.pdf");

  SyncReport metered = sync_metered(f.a);
  REQUIRE(metered.evidence.skipped);
  REQUIRE(metered.push.ops == 4);  // the ops still go: office, catalogue, item, done
  REQUIRE_FALSE(has_blob(hub_blobs, sha256_hex(one)));

  SyncReport r = sync(f.a);
  REQUIRE(r.evidence.uploaded == 1);
  REQUIRE(r.evidence.pending == 0);
  REQUIRE(read_blob(hub_blobs, sha256_hex(one)) == one);
  REQUIRE(to_json(r)["evidence_uploaded"] == "1");

  // Resumes with what the hub lacks: only the new file goes; a sync without news sends none.
  std::string two = evidence_file(f.dir, "foto.jpg", 5000, 2);
  done_with_file(f.a, f.dir, "foto.jpg");
  REQUIRE(sync(f.a).evidence.uploaded == 1);
  REQUIRE(sync(f.a).evidence.uploaded == 0);
  REQUIRE(read_blob(hub_blobs, sha256_hex(two)) == two);

  // A file a's third item references, not uploaded yet (metered): b sees it pending.
  std::string three = evidence_file(f.dir, "surat.pdf", 777, 3);
  done_with_file(f.a, f.dir, "surat.pdf");
  sync_metered(f.a);
  Store b = make_office_store(f.dir.file("b.db"));
  enrol_store(f.hub_db, f.hub.url, b);
  SyncReport rb = sync(b);
  REQUIRE(rb.evidence.downloaded == 2);
  REQUIRE(rb.evidence.pending == 1);
  REQUIRE(read_blob(evidence_dir(b.path), sha256_hex(one)) == one);
  REQUIRE(read_blob(evidence_dir(b.path), sha256_hex(two)) == two);
  REQUIRE(list_rb(b.db, 2024).size() == 3);
  sync(f.a);
  SyncReport again = sync(b);
  REQUIRE(again.evidence.downloaded == 1);
  REQUIRE(again.evidence.pending == 0);
  REQUIRE(read_blob(evidence_dir(b.path), sha256_hex(three)) == three);
}

TEST_CASE("evidence: the hub refuses a file that does not hash to its name", "[sync][evidence]") {
  HubAndOffice f;
  enrol_store(f.hub_db, f.hub.url, f.a);
  SyncSettings settings = settings_from_env();
  settings.attempts = 1;
  Transport t(f.hub.url, *meta_get(f.a.db, kMetaToken), settings);
  std::string sha = sha256_hex("the real bytes");
  REQUIRE_THROWS(t.put_raw("/v1/blobs/" + sha, "forged bytes", sha));  // corrupt_body: a transient refusal, retried
  REQUIRE_FALSE(has_blob(f.hub_db + ".blobs", sha));
  HubAnswer missing = t.post("/v1/blobs/missing", to_json(BlobQuery{{sha}}));
  REQUIRE(missing.status == 200);
  REQUIRE(blob_missing_from_json(missing.body).missing == std::vector<std::string>{sha});
  REQUIRE(t.get_raw("/v1/blobs/" + sha).status == 404);
  REQUIRE(t.put_raw("/v1/blobs/" + sha, "the real bytes", sha).status == 200);
  HubAnswer got = t.get_raw("/v1/blobs/" + sha);
  REQUIRE(got.status == 200);
  REQUIRE(got.raw == "the real bytes");
  Transport stranger(f.hub.url, "kt_not_a_token", settings);
  REQUIRE(stranger.get_raw("/v1/blobs/" + sha).status == 401);
}

TEST_CASE("evidence: another office cannot fetch a file by its hash until it uploads the file itself", "[sync][evidence]") {
  HubAndOffice f;
  enrol_store(f.hub_db, f.hub.url, f.a);
  std::string bytes = evidence_file(f.dir, "notulen.pdf", 4000, 7);
  std::string sha = sha256_hex(bytes);
  done_with_file(f.a, f.dir, "notulen.pdf");
  REQUIRE(sync(f.a).evidence.uploaded == 1);

  Store other = make_office_store(f.dir.file("other.db"), "407974");
  enrol_store(f.hub_db, f.hub.url, other);
  SyncSettings settings = settings_from_env();
  settings.attempts = 1;
  Transport t(f.hub.url, *meta_get(other.db, kMetaToken), settings);
  HubAnswer got = t.get_raw("/v1/blobs/" + sha);
  CHECK(got.status == 404);
  CHECK(got.raw.find("notulen") == std::string::npos);
  HubAnswer missing = t.post("/v1/blobs/missing", to_json(BlobQuery{{sha}}));
  CHECK(blob_missing_from_json(missing.body).missing == std::vector<std::string>{sha});
  // Holding the same file, it uploads it and from then on may fetch it.
  REQUIRE(t.put_raw("/v1/blobs/" + sha, bytes, sha).status == 200);
  CHECK(blob_missing_from_json(t.post("/v1/blobs/missing", to_json(BlobQuery{{sha}})).body).missing.empty());
  CHECK(t.get_raw("/v1/blobs/" + sha).raw == bytes);
}
