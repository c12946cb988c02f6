// Test helpers for sync: a real `kinerja-hub` process on 127.0.0.1 with a free port, in a
// scratch directory, and office stores made through the library (init + catalogue 2024).
#pragma once
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "client/catalogue.hpp"
#include "client/entry.hpp"
#include "client/error.hpp"
#include "client/ledger.hpp"
#include "client/store.hpp"
#include "sync/hub_admin.hpp"
#include "sync/sync_client.hpp"
#include "sync/sync_state.hpp"
#include "sync/transport.hpp"
#include "tests/catalogue_fixture.hpp"

namespace kinerja::test {

// A scratch directory removed at the end of the test.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "kinerja-sync-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  std::string file(const std::string& name) const { return (path / name).string(); }
};

inline std::string hub_binary() { return (std::filesystem::path(KINERJA_BIN).parent_path() / "kinerja-hub").string(); }

// `kinerja-hub --db DB --listen 127.0.0.1:0 [EXTRA]` (its request log in DB.log), stopped
// (SIGTERM) when destroyed.
struct HubProcess {
  pid_t pid = -1;
  std::string url;

  explicit HubProcess(const std::string& db, const std::string& extra_flag = "", const std::string& extra_value = "") {
    int out[2];
    if (::pipe(out) != 0) throw failure("pipe failed");
    pid = ::fork();
    if (pid == 0) {
      ::dup2(out[1], STDOUT_FILENO);
      int log = ::open((db + ".log").c_str(), O_WRONLY | O_CREAT | O_APPEND, 0600);
      if (log >= 0) ::dup2(log, STDERR_FILENO);
      ::close(out[0]);
      ::close(out[1]);
      std::string bin = hub_binary();
      if (extra_flag.empty())
        ::execl(bin.c_str(), bin.c_str(), "--db", db.c_str(), "--listen", "127.0.0.1:0", nullptr);
      else
        ::execl(bin.c_str(), bin.c_str(), "--db", db.c_str(), "--listen", "127.0.0.1:0", extra_flag.c_str(),
                extra_value.c_str(), nullptr);
      ::_exit(127);
    }
    ::close(out[1]);
    std::string line;
    pollfd p{out[0], POLLIN, 0};
    char ch;
    while (line.find('\n') == std::string::npos) {
      if (::poll(&p, 1, 20000) <= 0 || ::read(out[0], &ch, 1) != 1) break;
      line += ch;
    }
    ::close(out[0]);
    const std::string prefix = "listening on ";
    if (line.rfind(prefix, 0) != 0) {
      stop();
      throw failure("kinerja-hub did not start: '" + line + "'");
    }
    url = "http://" + line.substr(prefix.size(), line.size() - prefix.size() - 1);
  }
  void stop() {
    if (pid > 0) {
      ::kill(pid, SIGTERM);
      ::waitpid(pid, nullptr, 0);
      pid = -1;
    }
  }
  ~HubProcess() { stop(); }
};

// A store of OFFICE as `kinerja init --year 2024` makes it, but with ILK manual (catalogue_fixture.hpp).
inline Store make_office_store(const std::string& path, const std::string& office = "407973") {
  Store s = create_store(path, OfficeInfo{office, "Kantor Imigrasi " + office, "JATENG", ""});
  Batch b(s);
  b.append("office", office, json{{"name", "Kantor Imigrasi " + office}, {"kanwil", "JATENG"}});
  load_catalogue(b, catalogue_2024_manual_ilk());
  b.commit();
  return s;
}

inline void record(Store& s, const std::string& period, const std::string& value, const std::string& indicator = "ILK") {
  EntryInput e;
  e.indicator = indicator;
  e.period = period;
  e.value = value;
  record_entries(s, {e});
}

// Adds OFFICE to the hub store and enrols S with a fresh code.
inline void enrol_store(const std::string& hub_db, const std::string& url, Store& s) {
  Hub hub = open_hub(hub_db);
  add_office(hub, s.office, "Kantor Imigrasi " + s.office, "JATENG");
  enrol(s, url, create_enrol_code(hub, s.office), settings_from_env());
}

inline SyncReport sync(Store& s) { return run_sync(s, "", settings_from_env(), nullptr); }

// COUNT(*) of SQL with one text parameter ARG.
inline int64_t count(const Db& db, const std::string& sql, const std::string& arg) {
  Stmt q(db, sql);
  q.bind(1, arg);
  q.step();
  return q.i64(0);
}

// S's own ops, in log order.
inline std::vector<Op> own_ops(const Store& s) {
  std::vector<Op> out;
  for_each_op(s.db, [&](const Op& op) {
    if (op.device == s.device) out.push_back(op);
    return true;
  });
  return out;
}

// OPS with a checkpoint S's key signs over the last of them: a batch as the device pushes it.
inline PushBatch signed_batch(const Store& s, std::vector<Op> ops) {
  PushBatch b{std::move(ops), {}};
  b.checkpoint = Checkpoint{s.device, b.ops.back().seq, b.ops.back().hash, ""};
  b.checkpoint.sig = sign_hex(load_key(s), checkpoint_message(b.checkpoint));
  return b;
}

// A transport to URL with S's token, for requests the sync engine would not make.
inline Transport transport_for(const Store& s, const std::string& url) {
  return Transport(url, meta_get(s.db, kMetaToken).value_or(""), settings_from_env());
}

inline int64_t hub_ops_of(const std::string& hub_db, const std::string& device) {
  return count(open_hub(hub_db).db, "SELECT COUNT(*) FROM ops WHERE device=?", device);
}

inline std::string error_code(const HubAnswer& a) {
  return protocol_error_from_json(static_cast<int>(a.status), a.body).code;
}

// A hub process in a scratch directory and one store "a.db" of office 407973.
struct HubAndOffice {
  TempDir dir;
  std::string hub_db = dir.file("hub.db");
  HubProcess hub{hub_db};
  Store a = make_office_store(dir.file("a.db"));
};

}  // namespace kinerja::test
