#!/usr/bin/env bash
# End to end: the risk register and innovations through the real binaries — add (several
# owners), edit as a new op, list --json, the reports in every format, the schema/domain.md
# innovations LOKTUAN, PERSARI and SIGERAK linked to indicators, risks and each other,
# scoring refused until the kanwil publishes its scales (a real kinerja-hub on a loopback
# port, pulled by `kinerja sync`), and bad input (exit 2, op count unchanged).
set -euo pipefail
PATH=/usr/bin:$PATH
source "$KINERJA_SOURCE_DIR/tests/cli/lib.bash"
export KINERJA_SYNCHRONOUS=OFF KINERJA_SYNC_ATTEMPTS=2 KINERJA_SYNC_BACKOFF_MS=10
new_store
expect_bad() {  # expect_bad FRAGMENT CMD... : exit 2, message, op count unchanged
  local fragment=$1 before
  shift
  before=$(op_count)
  expect_exit 2 "$fragment" "$@"
  [ "$(op_count)" = "$before" ] || fail "kinerja $* wrote ops"
}

r1=$("$kinerja" risk add --year 2024 --sasaran SK3 --indicator RB --risiko "Rencana aksi tidak selesai tepat waktu" \
  --perlakuan "Monitoring bulanan oleh tim RB" --pj "Kepala Subbagian Umum" --pj "Ketua Tim RB" \
  --keberhasilan "100% rencana aksi terlaksana")
r2=$("$kinerja" risk add --year 2024 --sasaran SK1 --risiko "WNA overstay tidak terdeteksi" \
  --perlakuan "Operasi gabungan akhir pekan" --pj "Kepala Seksi Inteldakim" --keberhasilan "Temuan ditindak")
[[ "$r1" =~ ^RK-[0-9A-F]{4}-[0-9]+$ ]] || fail "risk ID '$r1'"
before=$(op_count)
"$kinerja" risk edit "$r1" --perlakuan "Monitoring dua mingguan" >/dev/null
[ "$(op_count)" = $((before + 1)) ] || fail "an edit is one new op"
"$kinerja" risk list --json | json_check "[(r['id'], r['sasaran'], r['indicator'], r['perlakuan'], r['pj'], r['likelihood']) for r in j['risks']] == [('$r2', 'SK1', '', 'Operasi gabungan akhir pekan', ['Kepala Seksi Inteldakim'], None), ('$r1', 'SK3', 'RB', 'Monitoring dua mingguan', ['Kepala Subbagian Umum', 'Ketua Tim RB'], None)]"

loktuan=$("$kinerja" innovation add --year 2023 --name LOKTUAN --kepanjangan "Layanan Objek Keimigrasian Terpadu" \
  --kategori layanan --deskripsi "Layanan paspor keliling" --tujuan "Mendekatkan layanan" --output "Paspor terbit di lokasi" \
  --cadence "setiap bulan" --status berjalan --indicator LAYANAN)
persari=$("$kinerja" innovation add --year 2024 --name PERSARI --kepanjangan "Pelayanan Sabtu Ceria" --kategori layanan \
  --deskripsi "Layanan paspor hari Sabtu" --tujuan "Layanan di luar hari kerja" --output "Permohonan Sabtu selesai" \
  --cadence "setiap Sabtu" --status berjalan --indicator LAYANAN --related "$loktuan")
sigerak=$("$kinerja" innovation add --year 2024 --name SIGERAK --kepanjangan "Satuan Tugas Gerak Cepat Akhir Pekan" \
  --kategori penegakan-hukum --deskripsi "Tim penindakan akhir pekan" --tujuan "Pengawasan orang asing" \
  --output "Operasi akhir pekan" --cadence "setiap akhir pekan" --status "uji coba" --indicator TAK --risk "$r2")
"$kinerja" innovation edit "$sigerak" --status berjalan --related "$persari" >/dev/null
"$kinerja" innovation list --json | json_check "[(i['name'], i['kategori'], i['status'], i['indicators'], i['risks'], i['related']) for i in j['innovations']] == [('LOKTUAN', 'layanan', 'berjalan', ['LAYANAN'], [], []), ('PERSARI', 'layanan', 'berjalan', ['LAYANAN'], [], ['$loktuan']), ('SIGERAK', 'penegakan-hukum', 'berjalan', ['TAK'], ['$r2'], ['$persari'])]"
"$kinerja" report innovations --year 2023 --format json | json_check "[r[1] for r in j['tables'][0]['rows']] == ['LOKTUAN']"
"$kinerja" report innovations --year 2024 --format json | json_check "j['tables'][0]['id'] == 'innovation.list' and [r[1] for r in j['tables'][0]['rows']] == ['LOKTUAN', 'PERSARI', 'SIGERAK'] and j['tables'][0]['rows'][2][3:12:8] == ['Penegakan hukum', 'PERSARI']"
grep -qF "| $persari | PERSARI | Pelayanan Sabtu Ceria | Layanan |" <<<"$("$kinerja" report innovations --year 2024 --format md)" || fail "innovations md"
grep -qF "$sigerak,SIGERAK,Satuan Tugas Gerak Cepat Akhir Pekan,Penegakan hukum" <<<"$("$kinerja" report innovations --year 2024 --format csv)" || fail "innovations csv"
grep -qF "Inovasi 2024" <<<"$("$kinerja" report innovations --year 2024)" || fail "innovations table"
grep -qF "$r1,SK3,RB,Rencana aksi tidak selesai tepat waktu,Monitoring dua mingguan,Kepala Subbagian Umum; Ketua Tim RB,100% rencana aksi terlaksana,-,-,-" <<<"$("$kinerja" report risks --year 2024 --format csv)" || fail "risks csv"
grep -qF "Kanwil belum menetapkan skala risiko" <<<"$("$kinerja" report risks --year 2024)" || fail "risks table note"

expect_bad "--kategori: 'pelayanan' is not one of layanan|penegakan-hukum|dukungan-manajemen" innovation add --name X \
  --kepanjangan X --kategori pelayanan --deskripsi X --tujuan X --output X --cadence X --status X
expect_bad "--indicator: 'NOPE' is not an indicator" innovation add --name X --kepanjangan X --kategori layanan \
  --deskripsi X --tujuan X --output X --cadence X --status X --indicator NOPE
expect_bad "--risk: no risk 'RK-0000-1'" innovation edit "$persari" --risk RK-0000-1
expect_bad "--related: an innovation is not related to itself" innovation edit "$persari" --related "$persari"
expect_bad "no innovation 'IN-0000-1'" innovation edit IN-0000-1 --status selesai
expect_bad "no risk 'RK-0000-1'" risk edit RK-0000-1 --perlakuan X
expect_bad "--sasaran: SK9 bukan sasaran dalam katalog 2024 (SK1, SK2, SK3)" risk add --year 2024 --sasaran SK9 --risiko X \
  --perlakuan X --pj X --keberhasilan X
expect_bad "--indicator: LAYANAN bukan indikator sasaran SK3 pada 2024 (RB, ILK)" risk edit "$r1" --indicator LAYANAN
expect_bad "--likelihood: the kanwil has set no risk scale" risk edit "$r1" --likelihood 3 --impact 4
expect_bad "--pj" risk add --year 2024 --sasaran SK3 --risiko X --perlakuan X --keberhasilan X

# The kanwil publishes 5 × 5 scales on its hub; after a sync the office may score risks.
start_hub
"$kinerja" enrol --hub "$hub_url" --code "$(hub enrol --office 407973)" >/dev/null
rc=0; hub risk-scale --likelihood 1 --impact 5 2>"$work/err" || rc=$?
[ $rc = 2 ] && grep -qF -- "--likelihood: a scale runs from 1 to its highest value" "$work/err" || fail "hub risk-scale 1: $rc $(cat "$work/err")"
hub risk-scale --likelihood 5 --impact 5 >/dev/null
"$kinerja" sync >/dev/null
"$kinerja" risk edit "$r1" --likelihood 3 --impact 4 >/dev/null
expect_bad "--impact: '6' is not a whole number from 1 to 5" risk edit "$r2" --likelihood 1 --impact 6
expect_bad "--likelihood and --impact go together" risk edit "$r2" --likelihood 2
"$kinerja" report risks --year 2024 --format json | json_check "[r[7:] for r in j['tables'][0]['rows']] == [['-', '-', '-'], ['3', '4', '12']] and 'kemungkinan 1-5, dampak 1-5' in j['tables'][0]['notes'][0]"
"$kinerja" verify >/dev/null
"$kinerja" rebuild --check >/dev/null
echo "risks: ok"
