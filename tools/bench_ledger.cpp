// `tools/bench ledger`: the ledger's append and rebuild rates against plain SQLite.
// Appends 100 000 ops in one Batch (three rounds, median), then 1 000 ops one Batch each,
// inserts the same rows into a plain SQLite table (no hashing, signing or state) in the same
// run, then times `kinerja rebuild` of 100 000 and 1 000 000 ops in a child process and reads
// its peak RSS.
// Figures, not a test: it prints, it asserts nothing. Usage: kinerja-bench-ledger KINERJA_BIN [BIG_OPS]
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "client/error.hpp"
#include "client/ledger.hpp"
#include "client/store.hpp"

using namespace kinerja;
using Clock = std::chrono::steady_clock;

static double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The I-th op: a realisasi entry of one of 10 000 cells, so later ops correct earlier ones.
static std::string cell_key(int64_t i) { return "BENCH" + std::to_string(i % 10000) + "/2024"; }
static json cell_body(int64_t i) {
  return json{{"indicator", "BENCH" + std::to_string(i % 10000)}, {"period", "2024"},
              {"numerator", std::to_string(i % 997)}, {"denominator", "997"}, {"note", "baris " + std::to_string(i)}};
}

static double append_batch(Store& s, int64_t from, int64_t n) {
  auto t = Clock::now();
  Batch b(s);
  for (int64_t i = from; i < from + n; ++i) b.append("value", cell_key(i), cell_body(i));
  b.commit();
  return seconds_since(t);
}

static double append_singles(Store& s, int64_t from, int64_t n) {
  auto t = Clock::now();
  for (int64_t i = from; i < from + n; ++i) {
    Batch b(s);
    b.append("value", cell_key(i), cell_body(i));
    b.commit();
  }
  return seconds_since(t);
}

static constexpr const char* kPlainInsert =
    "INSERT INTO plain(v,office,device,seq,hlc,author,type,key,body,prev,hash) VALUES(?,?,?,?,?,?,?,?,?,?,?)";

// The same rows the ledger holds (ids FROM..FROM+N-1), read into memory before timing.
static std::vector<std::vector<std::string>> ledger_rows(const Db& db, int64_t from, int64_t n) {
  Stmt s(db, "SELECT v,office,device,seq,hlc,author,type,key,body,prev,hash FROM ops WHERE id>=? AND id<? ORDER BY id");
  s.bind(1, from).bind(2, from + n);
  std::vector<std::vector<std::string>> rows;
  while (s.step()) {
    rows.emplace_back();
    for (int c = 0; c < 11; ++c) rows.back().push_back(s.text(c));
  }
  return rows;
}

static void insert_plain(Stmt& ins, const std::vector<std::string>& row) {
  for (int c = 0; c < 11; ++c) ins.bind(c + 1, row[c]);
  ins.run();
}

struct ChildRun {
  double seconds = 0;
  long peak_rss_kib = 0;
  int status = 0;
};

// Runs ARGV as a child with stdout to /dev/null; its wall time and peak RSS (wait4).
static ChildRun run_child(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  std::fflush(stdout);  // else the child's exec-time flush of the inherited buffer prints it twice
  auto t = Clock::now();
  pid_t pid = fork();
  if (pid == 0) {
    if (!freopen("/dev/null", "w", stdout)) _exit(127);
    execv(args[0], args.data());
    _exit(127);
  }
  ChildRun r;
  struct rusage ru{};
  wait4(pid, &r.status, 0, &ru);
  r.seconds = seconds_since(t);
  r.peak_rss_kib = ru.ru_maxrss;
  return r;
}

static double mib(long kib) { return kib / 1024.0; }

// Runs F in a forked child and returns the number it hands back. The appends run in
// children so that their memory does not count in the rebuilds' peak RSS: Linux carries a
// process's RSS high-water mark into the children it forks and execs.
static double in_child(const std::function<double()>& f) {
  int fd[2];
  if (pipe(fd) != 0) throw failure("pipe failed");
  std::fflush(stdout);
  pid_t pid = fork();
  if (pid == 0) {
    close(fd[0]);
    double v = -1;
    try {
      v = f();
    } catch (const std::exception& e) {
      std::fprintf(stderr, "bench failed: %s\n", e.what());
    }
    std::fflush(stdout);
    _exit(write(fd[1], &v, sizeof v) == sizeof v && v >= 0 ? 0 : 1);
  }
  close(fd[1]);
  double v = -1;
  if (read(fd[0], &v, sizeof v) != sizeof v) v = -1;
  close(fd[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  if (v < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) throw failure("a bench step failed");
  return v;
}

static const char* synchronous() { return std::getenv("KINERJA_SYNCHRONOUS") ? std::getenv("KINERJA_SYNCHRONOUS") : "FULL"; }

// A plain table in a new file at PATH with the store's settings (WAL, synchronous, page
// cache) and nothing else: no indexes, no state.
static Db plain_db(const std::string& path, const Db& store) {
  Db plain(path);
  plain.exec("PRAGMA journal_mode=WAL");
  plain.exec(std::string("PRAGMA synchronous=") + synchronous());
  plain.exec("PRAGMA cache_size=" + std::to_string(query_i64(store, "PRAGMA cache_size")));
  plain.exec("CREATE TABLE plain (id INTEGER PRIMARY KEY, v TEXT, office TEXT, device TEXT, seq INTEGER, hlc TEXT, "
             "author TEXT, type TEXT, key TEXT, body TEXT, prev TEXT, hash TEXT)");
  return plain;
}

static double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

// Rounds of: BATCHED ops appended to a new store, the same rows inserted into a new plain
// table. The first round's store (at STORE_PATH) then gets SINGLES more ops one transaction
// each, and the plain table the same rows. Prints the median rates; returns the plain
// batched one.
static double append_figures(const std::string& store_path, const std::string& dir, int64_t batched, int64_t singles) {
  const int kRounds = 3;
  std::vector<double> ledger_rates, plain_rates;
  double ledger_single = 0, plain_single = 0;
  for (int round = 0; round < kRounds; ++round) {
    std::string path = round == 0 ? store_path : dir + "/round" + std::to_string(round) + ".db";
    Store s = create_store(path, OfficeInfo{"407973", "Bench", "JATENG", "199001"});
    const int64_t first_id = op_count(s.db) + 1;
    ledger_rates.push_back(batched / append_batch(s, 0, batched));
    if (round == 0) ledger_single = singles / append_singles(s, batched, singles);

    Db plain = plain_db(dir + "/plain" + std::to_string(round) + ".db", s.db);
    auto rows = ledger_rows(s.db, first_id, batched + (round == 0 ? singles : 0));
    Stmt ins(plain, kPlainInsert);
    auto t = Clock::now();
    {
      Tx tx(plain);
      for (int64_t i = 0; i < batched; ++i) insert_plain(ins, rows[i]);
      tx.commit();
    }
    plain_rates.push_back(batched / seconds_since(t));
    if (round == 0) {
      t = Clock::now();
      for (int64_t i = batched; i < batched + singles; ++i) {
        Tx tx(plain);
        insert_plain(ins, rows[i]);
        tx.commit();
      }
      plain_single = singles / seconds_since(t);
    }
  }
  for (int round = 1; round < kRounds; ++round) std::filesystem::remove(dir + "/round" + std::to_string(round) + ".db");

  double lb = median(ledger_rates), pb = median(plain_rates);
  std::printf("\n%-34s %12s %12s %8s\n", "append", "ledger op/s", "plain op/s", "ratio");
  std::printf("%-34s %12.0f %12.0f %7.1f%%   (target >= 40%%; median of %d rounds)\n", "100 000 ops in one transaction",
              lb, pb, 100 * lb / pb, kRounds);
  for (int round = 0; round < kRounds; ++round)
    std::printf("%-34s %12.0f %12.0f %7.1f%%\n", ("  round " + std::to_string(round + 1)).c_str(), ledger_rates[round],
                plain_rates[round], 100 * ledger_rates[round] / plain_rates[round]);
  std::printf("%-34s %12.0f %12.0f %7.1f%%\n", "1 000 ops, one transaction each", ledger_single, plain_single,
              100 * ledger_single / plain_single);
  return pb;
}

// Appends batches of ops to the store until it holds TOTAL; returns the count it holds.
static double grow_to(const std::string& store_path, int64_t total, int64_t chunk) {
  Store s = open_store(store_path);
  int64_t have = op_count(s.db);
  while (have < total) {
    int64_t n = std::min<int64_t>(chunk, total - have);
    append_batch(s, have, n);
    have += n;
  }
  return static_cast<double>(have);
}

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: %s KINERJA_BIN [BIG_OPS (default 1000000)]\n", argv[0]);
    return 2;
  }
  const std::string kinerja = std::filesystem::absolute(argv[1]).string();
  const int64_t kBatched = 100000, kSingles = 1000, kBig = argc > 2 ? std::atoll(argv[2]) : 1000000;
  std::string tmpl = (std::filesystem::temp_directory_path() / "kinerja-bench.XXXXXX").string();
  if (!mkdtemp(tmpl.data())) return 1;
  const std::filesystem::path dir = tmpl;
  const std::string store_path = (dir / "office.db").string();
  try {
    std::printf("store %s (synchronous=%s)\n", store_path.c_str(), synchronous());
    double pb = in_child([&] { return append_figures(store_path, dir.string(), kBatched, kSingles); });

    std::printf("\n%-34s %10s %12s %8s %14s\n", "kinerja rebuild", "seconds", "op/s", "ratio", "peak RSS MiB");
    std::vector<ChildRun> runs;
    for (int64_t total : {kBatched, kBig}) {
      auto have = static_cast<int64_t>(in_child([&] { return grow_to(store_path, total, kBatched); }));
      ChildRun r = run_child({kinerja, "--store", store_path, "rebuild"});
      if (!WIFEXITED(r.status) || WEXITSTATUS(r.status) != 0) throw failure("kinerja rebuild failed");
      double rate = have / r.seconds;
      std::printf("%-34s %10.2f %12.0f %7.1f%% %14.1f\n", (std::to_string(have) + " ops").c_str(), r.seconds, rate,
                  100 * rate / pb, mib(r.peak_rss_kib));
      runs.push_back(r);
    }
    std::printf("(rebuild ratio is against plain SQLite's batched insert rate, target >= 30%%;\n"
                " peak RSS target < 200 MiB and within 1.2x: here %.2fx)\n",
                static_cast<double>(runs.back().peak_rss_kib) / runs.front().peak_rss_kib);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bench failed: %s\n", e.what());
    std::filesystem::remove_all(dir);
    return 1;
  }
  std::filesystem::remove_all(dir);
  return 0;
}
