/* sigap-demo.c
 *
 * Copyright 2026 The Sigap authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "sigap-demo"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <glib/gi18n.h>

#include "sigap-demo.h"
#include "sigap-password.h"

/* The demo regency is Kabupaten Sukamaju, a fictional regency in Central
 * Java. Every random choice comes from one GRand seeded with the caller's
 * seed, and every time is derived from the caller's "now", so the same
 * seed and now always give the same database (apart from the updated_at
 * and version columns the store stamps itself, and the password salt).
 * The order of the random draws is therefore part of the output: add new
 * draws at the end of a step, never in the middle of one.
 */

#define WIB_OFFSET        (7 * 3600)
#define DAY               (24 * 3600)
#define HOUR              3600
#define MINUTE            60
#define UUID_LEN          37
#define DEFAULT_POSTS      1200
#define DEFAULT_COMPLAINTS 600
#define PAST_POST_DAYS     120
#define FUTURE_POST_DAYS   21
#define COMPLAINT_DAYS     120
#define REPORT_MONTHS      3

/* Platform masks for the accounts an OPD keeps. */
#define FB  (1 << SIGAP_PLATFORM_FACEBOOK)
#define IG  (1 << SIGAP_PLATFORM_INSTAGRAM)
#define XX  (1 << SIGAP_PLATFORM_X)
#define YT  (1 << SIGAP_PLATFORM_YOUTUBE)
#define TT  (1 << SIGAP_PLATFORM_TIKTOK)
#define ALL (FB | IG | XX | YT | TT)

/* Regency data {{{ */

typedef enum
{
  SECTOR_GENERAL,
  SECTOR_HEALTH,
  SECTOR_CIVIL_REGISTRY,
  SECTOR_INFRASTRUCTURE,
  SECTOR_EDUCATION,
  SECTOR_SOCIAL,
  SECTOR_ENVIRONMENT,
  SECTOR_DISASTER,
  SECTOR_ECONOMY,
  SECTOR_ORDER,
  SECTOR_APPARATUS,
  SECTOR_TERRITORY,
  N_SECTORS
} Sector;

typedef struct
{
  const char *name;
  const char *desa[6];
} Kecamatan;

static const Kecamatan kecamatans[] = {
  { "Sukamaju",
    { "Kauman", "Pandean", "Sukamaju Lor",
      "Sukamaju Kidul", "Kutoharjo", "Sidoharjo" } },
  { "Karangrejo",
    { "Karanganyar", "Karangrejo", "Jatisari",
      "Ngemplak", "Krajan", "Sumberejo" } },
  { "Ngadirejo",
    { "Ngadirejo", "Ngadiluwih", "Gedangan",
      "Mojorejo", "Tanjungsari", "Pakis" } },
  { "Sidomulyo",
    { "Sidomulyo", "Sidorejo", "Wonorejo",
      "Kalisari", "Bulurejo", "Gunungsari" } },
  { "Tegalsari",
    { "Tegalrejo", "Tegalsari", "Kebonagung",
      "Pucanganom", "Sendangsari", "Glagah" } },
  { "Kedungjati",
    { "Kedungjati", "Kedungrejo", "Banjarsari",
      "Ngrandu", "Tambakrejo", "Watugede" } },
  { "Banyuurip",
    { "Banyuurip", "Banyusari", "Wonokerto",
      "Candirejo", "Sumberagung", "Gondang" } },
  { "Purwosari",
    { "Purwosari", "Purworejo", "Tlogosari",
      "Karangsari", "Jetis", "Ngampel" } },
  { "Mulyoharjo",
    { "Mulyoharjo", "Mulyorejo", "Bandungan",
      "Kalirejo", "Sukorejo", "Sambirejo" } },
  { "Gondangrejo",
    { "Gondangrejo", "Gondangsari", "Dukuh",
      "Plumbon", "Selomerto", "Kebonsari" } },
};

#define N_KECAMATANS G_N_ELEMENTS (kecamatans)

typedef struct
{
  const char   *code;
  const char   *name;
  const char   *short_name;
  SigapOpdKind  kind;
  Sector        sector;
  guint         platforms;
  gboolean      requires_approval;
  guint         post_weight;
  int           kecamatan;   /* index into kecamatans, or -1 */
  const char   *parent;      /* code of the parent OPD, or NULL */
} OpdInfo;

static const OpdInfo opd_infos[] = {
  { "diskominfo", "Dinas Komunikasi dan Informatika", "Diskominfo",
    SIGAP_OPD_KIND_DINAS, SECTOR_GENERAL, ALL, FALSE, 12, -1, NULL },
  { "bag-prokopim", "Bagian Protokol dan Komunikasi Pimpinan", "Prokopim",
    SIGAP_OPD_KIND_BAGIAN, SECTOR_GENERAL, ALL, FALSE, 10, -1, NULL },
  { "dinkes", "Dinas Kesehatan", "Dinkes",
    SIGAP_OPD_KIND_DINAS, SECTOR_HEALTH, ALL, TRUE, 8, -1, NULL },
  { "dindukcapil", "Dinas Kependudukan dan Pencatatan Sipil", "Dindukcapil",
    SIGAP_OPD_KIND_DINAS, SECTOR_CIVIL_REGISTRY, ALL, FALSE, 6, -1, NULL },
  { "bpbd", "Badan Penanggulangan Bencana Daerah", "BPBD",
    SIGAP_OPD_KIND_BADAN, SECTOR_DISASTER, ALL, FALSE, 6, -1, NULL },
  { "dpupr", "Dinas Pekerjaan Umum dan Penataan Ruang", "DPUPR",
    SIGAP_OPD_KIND_DINAS, SECTOR_INFRASTRUCTURE, FB | IG | XX | YT, FALSE, 5, -1, NULL },
  { "disdik", "Dinas Pendidikan", "Disdik",
    SIGAP_OPD_KIND_DINAS, SECTOR_EDUCATION, ALL, TRUE, 6, -1, NULL },
  { "satpolpp", "Satuan Polisi Pamong Praja", "Satpol PP",
    SIGAP_OPD_KIND_LAINNYA, SECTOR_ORDER, FB | IG | XX | TT, TRUE, 4, -1, NULL },
  { "dinsos", "Dinas Sosial", "Dinsos",
    SIGAP_OPD_KIND_DINAS, SECTOR_SOCIAL, FB | IG | XX | TT, FALSE, 4, -1, NULL },
  { "dlh", "Dinas Lingkungan Hidup", "DLH",
    SIGAP_OPD_KIND_DINAS, SECTOR_ENVIRONMENT, ALL, FALSE, 4, -1, NULL },
  { "dishub", "Dinas Perhubungan", "Dishub",
    SIGAP_OPD_KIND_DINAS, SECTOR_INFRASTRUCTURE, FB | IG | XX | TT, FALSE, 4, -1, NULL },
  { "disnaker", "Dinas Tenaga Kerja", "Disnaker",
    SIGAP_OPD_KIND_DINAS, SECTOR_SOCIAL, FB | IG | XX, FALSE, 3, -1, NULL },
  { "dpmptsp", "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu", "DPMPTSP",
    SIGAP_OPD_KIND_DINAS, SECTOR_ECONOMY, FB | IG | XX | YT, FALSE, 3, -1, NULL },
  { "bappeda", "Badan Perencanaan Pembangunan Daerah", "Bappeda",
    SIGAP_OPD_KIND_BADAN, SECTOR_APPARATUS, FB | IG | YT, FALSE, 2, -1, NULL },
  { "bkpsdm", "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM",
    SIGAP_OPD_KIND_BADAN, SECTOR_APPARATUS, FB | IG | XX | YT, FALSE, 3, -1, NULL },
  { "bpkpd", "Badan Pengelolaan Keuangan dan Pendapatan Daerah", "BPKPD",
    SIGAP_OPD_KIND_BADAN, SECTOR_ECONOMY, FB | IG | XX, FALSE, 2, -1, NULL },
  { "kesbangpol", "Badan Kesatuan Bangsa dan Politik", "Kesbangpol",
    SIGAP_OPD_KIND_BADAN, SECTOR_ORDER, FB | IG, FALSE, 2, -1, NULL },
  { "rsud", "RSUD Sukamaju", "RSUD",
    SIGAP_OPD_KIND_LAINNYA, SECTOR_HEALTH, ALL, TRUE, 4, -1, NULL },
  { "inspektorat", "Inspektorat Daerah", "Inspektorat",
    SIGAP_OPD_KIND_LAINNYA, SECTOR_APPARATUS, FB | IG | YT, FALSE, 2, -1, NULL },
  { "bag-hukum", "Bagian Hukum", "Bagian Hukum",
    SIGAP_OPD_KIND_BAGIAN, SECTOR_APPARATUS, FB | IG | XX, FALSE, 2, -1, NULL },
  { "bag-pbj", "Bagian Pengadaan Barang dan Jasa", "Bagian PBJ",
    SIGAP_OPD_KIND_BAGIAN, SECTOR_APPARATUS, FB | IG, FALSE, 1, -1, NULL },
  { "disperindag", "Dinas Perindustrian dan Perdagangan", "Disperindag",
    SIGAP_OPD_KIND_DINAS, SECTOR_ECONOMY, FB | IG | XX | TT, FALSE, 3, -1, NULL },
  { "dispertan", "Dinas Pertanian dan Pangan", "Dispertan",
    SIGAP_OPD_KIND_DINAS, SECTOR_ECONOMY, FB | IG | YT | TT, FALSE, 3, -1, NULL },
  { "dispar", "Dinas Pariwisata dan Kebudayaan", "Dispar",
    SIGAP_OPD_KIND_DINAS, SECTOR_ECONOMY, ALL, FALSE, 4, -1, NULL },
  { "dpkp", "Dinas Perumahan dan Kawasan Permukiman", "DPKP",
    SIGAP_OPD_KIND_DINAS, SECTOR_INFRASTRUCTURE, FB | IG | YT, FALSE, 2, -1, NULL },
  { "dp3appkb", "Dinas Pemberdayaan Perempuan, Perlindungan Anak, Pengendalian Penduduk "
    "dan Keluarga Berencana", "DP3AP2KB",
    SIGAP_OPD_KIND_DINAS, SECTOR_SOCIAL, FB | IG | TT, FALSE, 3, -1, NULL },
  { "dinarpus", "Dinas Kearsipan dan Perpustakaan", "Dinarpus",
    SIGAP_OPD_KIND_DINAS, SECTOR_EDUCATION, FB | IG | YT, FALSE, 2, -1, NULL },

  { "kec-sukamaju", "Kecamatan Sukamaju", "Kecamatan Sukamaju",
    SIGAP_OPD_KIND_KECAMATAN, SECTOR_TERRITORY, FB | IG | YT | TT, FALSE, 2, 0, NULL },
  { "kec-karangrejo", "Kecamatan Karangrejo", "Kecamatan Karangrejo",
    SIGAP_OPD_KIND_KECAMATAN, SECTOR_TERRITORY, FB | IG | TT, FALSE, 2, 1, NULL },
  { "kec-ngadirejo", "Kecamatan Ngadirejo", "Kecamatan Ngadirejo",
    SIGAP_OPD_KIND_KECAMATAN, SECTOR_TERRITORY, FB | IG | TT, TRUE, 2, 2, NULL },
  { "kec-sidomulyo", "Kecamatan Sidomulyo", "Kecamatan Sidomulyo",
    SIGAP_OPD_KIND_KECAMATAN, SECTOR_TERRITORY, FB | IG | YT | TT, FALSE, 2, 3, NULL },
  { "kec-tegalsari", "Kecamatan Tegalsari", "Kecamatan Tegalsari",
    SIGAP_OPD_KIND_KECAMATAN, SECTOR_TERRITORY, FB | IG | TT, FALSE, 2, 4, NULL },
  { "kec-kedungjati", "Kecamatan Kedungjati", "Kecamatan Kedungjati",
    SIGAP_OPD_KIND_KECAMATAN, SECTOR_TERRITORY, FB | IG, TRUE, 1, 5, NULL },
  { "kec-banyuurip", "Kecamatan Banyuurip", "Kecamatan Banyuurip",
    SIGAP_OPD_KIND_KECAMATAN, SECTOR_TERRITORY, FB | IG | YT | TT, TRUE, 2, 6, NULL },
  { "kec-purwosari", "Kecamatan Purwosari", "Kecamatan Purwosari",
    SIGAP_OPD_KIND_KECAMATAN, SECTOR_TERRITORY, FB | IG | TT, FALSE, 2, 7, NULL },
  { "kec-mulyoharjo", "Kecamatan Mulyoharjo", "Kecamatan Mulyoharjo",
    SIGAP_OPD_KIND_KECAMATAN, SECTOR_TERRITORY, FB | IG | XX | TT, FALSE, 2, 8, NULL },
  { "kec-gondangrejo", "Kecamatan Gondangrejo", "Kecamatan Gondangrejo",
    SIGAP_OPD_KIND_KECAMATAN, SECTOR_TERRITORY, FB | IG, FALSE, 1, 9, NULL },

  { "kel-kauman", "Kelurahan Kauman", "Kelurahan Kauman",
    SIGAP_OPD_KIND_KELURAHAN, SECTOR_TERRITORY, FB | IG, TRUE, 1, 0, "kec-sukamaju" },
  { "kel-pandean", "Kelurahan Pandean", "Kelurahan Pandean",
    SIGAP_OPD_KIND_KELURAHAN, SECTOR_TERRITORY, FB | IG, TRUE, 1, 0, "kec-sukamaju" },
  { "kel-karanganyar", "Kelurahan Karanganyar", "Kelurahan Karanganyar",
    SIGAP_OPD_KIND_KELURAHAN, SECTOR_TERRITORY, FB | IG, TRUE, 1, 1, "kec-karangrejo" },
  { "kel-tegalrejo", "Kelurahan Tegalrejo", "Kelurahan Tegalrejo",
    SIGAP_OPD_KIND_KELURAHAN, SECTOR_TERRITORY, FB | IG, TRUE, 1, 4, "kec-tegalsari" },
};

#define N_OPDS G_N_ELEMENTS (opd_infos)

static const char * const streets[] = {
  "Jl. Raya Sukamaju–Karangrejo", "Jl. Pemuda", "Jl. Diponegoro", "Jl. Jenderal Sudirman",
  "Jl. Ahmad Yani", "Jl. Veteran", "Jl. Pahlawan", "Jl. Pramuka", "jalan poros desa",
  "jalan kampung RT 03", "Jl. Raya Ngadirejo", "Jl. Kartini",
};

static const char * const durations[] = {
  "sudah tiga hari", "sejak seminggu terakhir", "lebih dari dua minggu", "sudah sebulan",
  "sejak awal bulan", "sudah lima hari",
};

static const char * const first_names[] = {
  "Sri", "Siti", "Budi", "Agus", "Bambang", "Dwi", "Tri", "Eko", "Rina", "Wahyu", "Joko",
  "Slamet", "Yuliana", "Dewi", "Nur", "Ahmad", "Muhammad", "Rizky", "Fitri", "Puji",
  "Endang", "Heru", "Indah", "Anisa", "Bayu", "Dimas", "Galih", "Ratna", "Sari", "Tutik",
  "Wulan", "Yusuf", "Hendra", "Nanik", "Sugeng", "Kartika", "Lukman", "Dian", "Fajar", "Rahmat",
};

static const char * const last_names[] = {
  "Wahyuni", "Setiawan", "Santoso", "Prasetyo", "Lestari", "Rahayu", "Hidayat", "Nugroho",
  "Kurniawan", "Purnomo", "Susanti", "Handayani", "Saputra", "Wibowo", "Pratama", "Utami",
  "Hartono", "Suryani", "Maulana", "Ramadhan", "Kusuma", "Anggraini", "Firmansyah", "Permana",
  "Sulistyo", "Mulyani",
};

static const char * const single_names[] = {
  "Sutrisno", "Suparmi", "Mulyono", "Sukirman", "Painem", "Sumarni", "Tukiman", "Wagiyem",
};

static const char * const weekdays[] = {
  "Minggu", "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu",
};

static const char * const phone_prefixes[] = {
  "0812", "0813", "0821", "0822", "0852", "0853", "0856", "0857", "0877", "0878", "0895", "0896",
};

/* }}} */

/* Post content {{{ */

typedef struct
{
  const char *hashtag;
  const char *service[3];
  const char *programme[3];
  const char *achievement[3];
  const char *education[3];
  const char *issue[3];
  const char *announcement[3];
} SectorContent;

static const SectorContent sector_contents[N_SECTORS] = {
  [SECTOR_GENERAL] = {
    "#PemkabSukamaju",
    { "kanal pengaduan resmi Pemkab Sukamaju di SP4N-LAPOR!",
      "layanan informasi publik PPID",
      "akses internet gratis di ruang publik" },
    { "program Ngopi Bareng Bupati bersama warga",
      "pelatihan literasi digital bagi perangkat desa",
      "rapat koordinasi admin media sosial perangkat daerah" },
    { "Pemkab Sukamaju meraih predikat Informatif dalam Anugerah Keterbukaan Informasi Publik",
      "Sukamaju masuk 10 besar kabupaten Smart City Jawa Tengah",
      "akun resmi Pemkab Sukamaju meraih penghargaan kehumasan pemerintah" },
    { "cara mengenali hoaks di media sosial",
      "pentingnya menjaga data pribadi",
      "cara menyampaikan aduan melalui kanal resmi" },
    { "akun palsu yang mengatasnamakan Bupati Sukamaju",
      "pesan berantai undian berhadiah dari Pemkab",
      "video lama yang disebut kerusuhan di Sukamaju" },
    { "upacara peringatan Hari Jadi Kabupaten Sukamaju digelar di alun-alun",
      "layanan pengaduan tetap buka selama libur panjang",
      "rapat paripurna disiarkan langsung di kanal YouTube resmi" },
  },
  [SECTOR_HEALTH] = {
    "#SukamajuSehat",
    { "pemeriksaan kesehatan gratis di puskesmas",
      "pendaftaran BPJS Kesehatan yang iurannya dibayar pemerintah daerah",
      "imunisasi dasar lengkap bagi bayi dan balita" },
    { "penimbangan dan pemberian makanan tambahan bagi balita di posyandu",
      "pemberian vaksin HPV bagi siswi kelas 5 dan 6 SD",
      "gerakan pemberantasan sarang nyamuk serentak" },
    { "Puskesmas Karangrejo meraih akreditasi Paripurna",
      "angka stunting Kabupaten Sukamaju turun dua tahun berturut-turut",
      "Kabupaten Sukamaju menerima penghargaan Universal Health Coverage" },
    { "gejala demam berdarah dan pencegahannya dengan 3M Plus",
      "pentingnya gizi seimbang untuk mencegah stunting",
      "cara cuci tangan pakai sabun yang benar" },
    { "pesan berantai tentang vaksin yang disebut mengandung bahan berbahaya",
      "kabar puskesmas menolak pasien BPJS pada akhir pekan",
      "video obat herbal yang diklaim menyembuhkan demam berdarah dalam sehari" },
    { "poliklinik rawat jalan tetap buka pada hari Sabtu pukul 08.00–12.00 WIB",
      "jadwal posyandu bulan ini dapat dilihat di puskesmas terdekat",
      "pendaftaran pasien kini dapat dilakukan melalui aplikasi antrean daring" },
  },
  [SECTOR_CIVIL_REGISTRY] = {
    "#DukcapilSukamaju",
    { "perekaman dan pencetakan KTP elektronik",
      "pembuatan Kartu Identitas Anak (KIA)",
      "aktivasi Identitas Kependudukan Digital (IKD)" },
    { "perekaman KTP-el bagi pemilih pemula di SMA dan SMK",
      "layanan adminduk jemput bola bagi lansia dan penyandang disabilitas",
      "penerbitan akta kelahiran langsung di rumah sakit" },
    { "cakupan akta kelahiran anak di Sukamaju mencapai 98 persen",
      "Dindukcapil Sukamaju meraih predikat Zona Integritas menuju WBK",
      "inovasi layanan Dukcapil Sukamaju masuk lima besar Jawa Tengah" },
    { "pentingnya memperbarui data KK setelah pindah domisili",
      "cara menjaga kerahasiaan NIK agar tidak disalahgunakan",
      "manfaat Identitas Kependudukan Digital" },
    { "kabar blangko KTP-el habis hingga akhir tahun",
      "pesan yang meminta warga mengirim foto KTP untuk pencairan bantuan",
      "informasi bahwa pengurusan KK dikenai biaya" },
    { "layanan Dindukcapil tetap buka pada hari Sabtu pekan ini",
      "nomor antrean kini dapat diambil secara daring sehari sebelumnya",
      "layanan adminduk di kecamatan libur sementara karena pemeliharaan jaringan" },
  },
  [SECTOR_INFRASTRUCTURE] = {
    "#SukamajuMembangun",
    { "pengajuan Persetujuan Bangunan Gedung (PBG)",
      "pelaporan jalan rusak melalui kanal aduan resmi",
      "uji kir kendaraan angkutan barang" },
    { "perbaikan jalan kabupaten ruas Karangrejo–Ngadirejo",
      "rehabilitasi rumah tidak layak huni",
      "pemasangan lampu penerangan jalan umum tenaga surya" },
    { "indeks kemantapan jalan kabupaten naik menjadi 82 persen",
      "Terminal Sukamaju meraih predikat terminal tipe C terbaik",
      "program bedah rumah Sukamaju menjadi percontohan tingkat provinsi" },
    { "cara aman berkendara saat hujan",
      "pentingnya saluran drainase yang bersih",
      "tertib parkir demi kelancaran lalu lintas" },
    { "kabar jembatan Kali Serang ambruk yang ternyata foto lama",
      "video tarif parkir resmi yang disebut naik tiga kali lipat",
      "pesan bahwa bantuan bedah rumah harus membayar biaya pendaftaran" },
    { "ruas Jl. Diponegoro ditutup sementara selama pengecoran",
      "arus lalu lintas dialihkan selama kegiatan Car Free Day",
      "pendaftaran bantuan rumah tidak layak huni dibuka hingga akhir bulan" },
  },
  [SECTOR_EDUCATION] = {
    "#SukamajuCerdas",
    { "legalisasi ijazah dan surat keterangan pengganti ijazah",
      "perpustakaan keliling",
      "pengaduan layanan pendidikan" },
    { "pelatihan guru penggerak",
      "gerakan literasi sekolah",
      "pemberian beasiswa bagi siswa berprestasi dari keluarga kurang mampu" },
    { "siswa SMP Negeri 1 Sukamaju meraih medali emas Olimpiade Sains Nasional",
      "Perpustakaan Daerah Sukamaju meraih akreditasi A",
      "tiga sekolah di Sukamaju ditetapkan sebagai Sekolah Adiwiyata Nasional" },
    { "cara mendampingi anak belajar di rumah",
      "bahaya perundungan di sekolah",
      "manfaat membaca 15 menit sebelum pelajaran" },
    { "kabar PPDB jalur zonasi tahun ini dihapus",
      "pesan berantai pendaftaran beasiswa melalui tautan tidak resmi",
      "isu pungutan seragam di sekolah negeri" },
    { "pendaftaran PPDB jalur zonasi dibuka mulai pekan depan",
      "libur semester berlangsung selama dua pekan",
      "jadwal Asesmen Nasional tingkat SD telah ditetapkan" },
  },
  [SECTOR_SOCIAL] = {
    "#SukamajuPeduli",
    { "pengusulan data DTKS melalui desa dan kelurahan",
      "pengaduan kekerasan terhadap perempuan dan anak",
      "pembuatan kartu pencari kerja (AK-1)" },
    { "penyaluran bantuan sosial bagi lansia",
      "pelatihan kerja berbasis kompetensi bagi pencari kerja muda",
      "kampanye pencegahan perkawinan anak" },
    { "Kabupaten Sukamaju meraih predikat Kabupaten Layak Anak tingkat Madya",
      "penyaluran bansos Sukamaju tercepat se-eks Karesidenan",
      "bursa kerja Sukamaju menyerap lebih dari 800 pencari kerja" },
    { "cara mengecek status penerima bansos secara mandiri",
      "mengenali tanda kekerasan pada anak",
      "hak pekerja atas jaminan sosial ketenagakerjaan" },
    { "pesan pendaftaran bansos melalui tautan yang meminta data pribadi",
      "kabar lowongan kerja ke luar negeri tanpa biaya atas nama Disnaker",
      "isu pemotongan bantuan PKH oleh petugas" },
    { "bantuan sosial tahap berikutnya disalurkan melalui kantor pos",
      "job fair Kabupaten Sukamaju digelar di GOR Sukamaju",
      "pendaftaran pelatihan kerja gratis dibuka hingga akhir bulan" },
  },
  [SECTOR_ENVIRONMENT] = {
    "#SukamajuHijau",
    { "pengangkutan sampah rumah tangga terjadwal",
      "bank sampah",
      "pengujian kualitas air sumur warga" },
    { "gerakan bersih sungai bersama warga",
      "penanaman seribu pohon di lereng bukit",
      "pembangunan TPS3R di desa" },
    { "Kabupaten Sukamaju kembali meraih Piala Adipura",
      "bank sampah Desa Sidomulyo juara lomba tingkat provinsi",
      "taman kota Sukamaju terpilih sebagai ruang terbuka hijau terbaik" },
    { "cara memilah sampah organik dan anorganik dari rumah",
      "bahaya membakar sampah plastik",
      "manfaat kompos untuk tanaman pekarangan" },
    { "kabar TPA Sukamaju akan ditutup bulan depan",
      "video sungai tercemar limbah yang ternyata bukan di Sukamaju",
      "pesan denda jutaan rupiah bagi warga yang membuang sampah" },
    { "jadwal pengangkutan sampah berubah selama libur nasional",
      "Car Free Day hari Minggu diisi dengan penukaran sampah plastik",
      "pendaftaran lomba kampung bersih telah dibuka" },
  },
  [SECTOR_DISASTER] = {
    "#SukamajuTangguh",
    { "pengaduan kebencanaan 24 jam",
      "permintaan bantuan air bersih saat kemarau",
      "pelaporan pohon tumbang dan tanah longsor" },
    { "simulasi evakuasi bencana di sekolah",
      "pembentukan Desa Tangguh Bencana",
      "droping air bersih ke desa terdampak kekeringan" },
    { "BPBD Sukamaju meraih penghargaan penanganan bencana tercepat",
      "Desa Kedungjati ditetapkan sebagai Desa Tangguh Bencana tingkat utama",
      "relawan Sukamaju menjadi juara lomba SAR tingkat provinsi" },
    { "langkah aman saat terjadi gempa bumi",
      "cara menyiapkan tas siaga bencana",
      "tanda-tanda awal tanah longsor" },
    { "kabar tanggul Sungai Serang jebol malam ini",
      "prediksi gempa besar yang beredar di grup percakapan",
      "video banjir lama yang disebut terjadi hari ini" },
    { "status siaga darurat banjir berlaku selama musim hujan",
      "warga di bantaran sungai diminta waspada saat hujan deras",
      "posko bantuan bencana dibuka di Pendopo Kabupaten" },
  },
  [SECTOR_ECONOMY] = {
    "#SukamajuBerdaya",
    { "pengurusan Nomor Induk Berusaha (NIB) melalui OSS",
      "pembayaran PBB secara daring",
      "tera ulang timbangan bagi pedagang pasar" },
    { "operasi pasar murah menjelang hari besar keagamaan",
      "pelatihan pemasaran digital bagi UMKM",
      "gerakan tanam padi serentak" },
    { "batik Sukamaju meraih penghargaan kriya terbaik Jawa Tengah",
      "Desa Wisata Banyuurip masuk 50 besar Anugerah Desa Wisata Indonesia",
      "realisasi investasi Sukamaju melampaui target" },
    { "cara mendaftarkan merek produk UMKM",
      "pemupukan berimbang untuk hasil panen optimal",
      "tips belanja bijak menjelang hari raya" },
    { "kabar kelangkaan pupuk bersubsidi di seluruh kecamatan",
      "pesan berantai pinjaman UMKM tanpa bunga atas nama Pemkab",
      "kabar harga beras naik dua kali lipat" },
    { "batas akhir pembayaran PBB tahun ini jatuh pada akhir September",
      "pasar murah digelar di halaman kantor kecamatan",
      "festival kuliner Sukamaju digelar di alun-alun akhir pekan ini" },
  },
  [SECTOR_ORDER] = {
    "#SukamajuTertib",
    { "pengaduan gangguan ketertiban umum",
      "pengamanan kegiatan masyarakat",
      "pendaftaran organisasi kemasyarakatan" },
    { "penertiban pedagang kaki lima di trotoar alun-alun",
      "patroli ketertiban malam hari",
      "sosialisasi peraturan daerah tentang ketertiban umum" },
    { "Satpol PP Sukamaju juara lomba baris-berbaris tingkat provinsi",
      "Sukamaju meraih penghargaan indeks kerukunan tertinggi",
      "kampung tertib Sukamaju menjadi contoh kabupaten lain" },
    { "aturan berjualan di fasilitas umum",
      "bahaya minuman keras oplosan",
      "menjaga kerukunan antarwarga" },
    { "video penertiban PKL yang disebut terjadi di Sukamaju",
      "kabar razia rumah kos tanpa pemberitahuan",
      "pesan bahwa pedagang harus membayar iuran keamanan kepada petugas" },
    { "relokasi PKL alun-alun ke sentra kuliner dimulai bulan depan",
      "patroli gabungan digelar selama malam pergantian tahun",
      "reklame dilarang dipasang di pohon dan tiang listrik" },
  },
  [SECTOR_APPARATUS] = {
    "#SukamajuMelayani",
    { "konsultasi kepegawaian",
      "pengaduan dugaan pungli melalui kanal Saber Pungli",
      "akses produk hukum daerah melalui JDIH" },
    { "Musrenbang tingkat kabupaten",
      "seleksi PPPK formasi guru dan tenaga kesehatan",
      "sosialisasi pencegahan korupsi bagi ASN" },
    { "Pemkab Sukamaju kembali meraih opini WTP dari BPK",
      "nilai SAKIP Sukamaju naik menjadi predikat BB",
      "JDIH Sukamaju meraih peringkat terbaik tingkat provinsi" },
    { "cara melaporkan dugaan pungutan liar",
      "tahapan perencanaan pembangunan daerah",
      "hak warga atas informasi publik" },
    { "pesan yang menjanjikan kelulusan CPNS dengan membayar sejumlah uang",
      "kabar pengangkatan honorer tanpa seleksi",
      "surat palsu yang mengatasnamakan Bupati Sukamaju" },
    { "hasil seleksi administrasi PPPK telah diumumkan",
      "jadwal Musrenbang kecamatan telah ditetapkan",
      "pengaduan Saber Pungli dapat disampaikan secara daring" },
  },
  [SECTOR_TERRITORY] = {
    "#SukamajuGuyub",
    { "surat pengantar dan legalisasi di kantor kecamatan",
      "Pelayanan Administrasi Terpadu Kecamatan (PATEN)",
      "rekomendasi izin keramaian" },
    { "kerja bakti bersih desa bersama warga",
      "Musrenbang tingkat kecamatan",
      "pembinaan posyandu dan PKK" },
    { "Desa Sidomulyo juara lomba desa tingkat kabupaten",
      "kecamatan kami meraih penghargaan pelayanan PATEN terbaik",
      "tim PKK kecamatan juara lomba cipta menu B2SA" },
    { "pentingnya membayar PBB tepat waktu",
      "menjaga keamanan lingkungan melalui ronda malam",
      "manfaat jamban sehat untuk keluarga" },
    { "kabar pungutan biaya surat pengantar di kantor kecamatan",
      "pesan bantuan langsung tunai yang harus didaftarkan lewat tautan",
      "video kericuhan yang disebut terjadi di balai desa" },
    { "kantor kecamatan libur pada hari cuti bersama",
      "jadwal ronda dan kerja bakti bulan ini telah dibagikan ke RT",
      "pendaftaran lomba HUT RI tingkat kecamatan telah dibuka" },
  },
};

typedef struct
{
  const char *title;
  const char *body;
} Template;

static const Template service_templates[] = {
  { "Info layanan: {layanan}",
    "Sobat Sukamaju, {opd} Kabupaten Sukamaju melayani {layanan} setiap Senin–Jumat pukul "
    "08.00–15.00 WIB. Layanan ini GRATIS, tidak dipungut biaya apa pun. Ada pertanyaan? "
    "Kirim pesan langsung ke akun resmi kami." },
  { "Mudahnya mengurus layanan di {singkat}",
    "Perlu {layanan}? Siapkan persyaratannya, lalu datang ke kantor {singkat} atau ajukan "
    "secara daring. Petugas kami siap membantu dengan ramah. Ingat, layanan publik tanpa "
    "pungli!" },
  { "{singkat} jemput bola di Kecamatan {kec}",
    "Hari {hari}, petugas {singkat} membuka layanan {layanan} di Balai Desa {desa}, "
    "Kecamatan {kec}. Warga sekitar dipersilakan datang dengan membawa dokumen yang "
    "diperlukan." },
};

static const Template programme_templates[] = {
  { "Kegiatan {singkat} di Desa {desa}",
    "{opd} melaksanakan {program} di Desa {desa}, Kecamatan {kec}. Kegiatan ini bagian dari "
    "program prioritas Pemerintah Kabupaten Sukamaju agar pelayanan makin dekat dengan "
    "masyarakat." },
  { "Laporan kegiatan {singkat} hari {hari}",
    "Terima kasih kepada warga Kecamatan {kec} yang telah mendukung {program}. {singkat} "
    "akan terus memantau dan mengevaluasi pelaksanaannya agar manfaatnya dirasakan seluruh "
    "masyarakat." },
  { "Bupati Sukamaju tinjau kegiatan di Kecamatan {kec}",
    "Bupati Sukamaju bersama {opd} meninjau {program} di Desa {desa}. Bupati berpesan agar "
    "seluruh perangkat daerah bekerja cepat, tepat, dan melayani." },
};

static const Template achievement_templates[] = {
  { "Selamat! Prestasi untuk {singkat}",
    "Kabar membanggakan: {prestasi}. Capaian ini hasil kerja bersama jajaran {opd} dan "
    "dukungan seluruh masyarakat. Matur nuwun, Sobat Sukamaju!" },
  { "Prestasi untuk Kabupaten Sukamaju",
    "Alhamdulillah, {prestasi}. Semoga menjadi penyemangat untuk terus meningkatkan pelayanan "
    "kepada masyarakat Kabupaten Sukamaju." },
};

static const Template education_templates[] = {
  { "Yuk, kenali {edukasi}",
    "Sobat Sukamaju, mari pahami {edukasi}. Simak penjelasan dari {singkat} berikut, lalu "
    "bagikan kepada keluarga dan tetangga agar makin banyak yang tahu." },
  { "Edukasi {singkat}: {edukasi}",
    "Tahukah Sobat? Memahami {edukasi} bisa dimulai dari rumah. Punya pertanyaan? Tulis di "
    "kolom komentar, admin {singkat} akan menjawab." },
};

static const Template clarification_templates[] = {
  { "Klarifikasi {singkat} soal kabar yang beredar",
    "Beredar di media sosial {isu}. {opd} Kabupaten Sukamaju menegaskan informasi tersebut "
    "TIDAK BENAR. Pastikan informasi hanya dari kanal resmi Pemkab Sukamaju dan jangan ikut "
    "menyebarkan sebelum memeriksa kebenarannya. #LawanHoaks" },
  { "Cek fakta: jangan mudah percaya",
    "Tim {singkat} telah menelusuri {isu}. Hasilnya, informasi tersebut tidak sesuai fakta. "
    "Untuk informasi resmi, hubungi kanal pengaduan Pemkab Sukamaju. #CekFakta #LawanHoaks" },
};

static const Template announcement_templates[] = {
  { "Pengumuman {singkat}",
    "Diberitahukan kepada masyarakat Kabupaten Sukamaju, {pengumuman}. Terima kasih atas "
    "perhatiannya." },
  { "Mohon perhatian, Sobat Sukamaju",
    "Informasi dari {opd}: {pengumuman}. Informasi lengkap dapat dilihat di laman resmi dan "
    "akun media sosial kami." },
};

typedef struct
{
  const Template *templates;
  guint           n_templates;
  guint           weight;
} CategoryTemplates;

/* Indexed by SigapContentCategory. */
static const CategoryTemplates category_templates[] = {
  { service_templates, G_N_ELEMENTS (service_templates), 20 },
  { programme_templates, G_N_ELEMENTS (programme_templates), 30 },
  { achievement_templates, G_N_ELEMENTS (achievement_templates), 10 },
  { education_templates, G_N_ELEMENTS (education_templates), 18 },
  { clarification_templates, G_N_ELEMENTS (clarification_templates), 7 },
  { announcement_templates, G_N_ELEMENTS (announcement_templates), 15 },
};

/* }}} */

/* Complaint content {{{ */

#define OWNER_KECAMATAN "@kec"

typedef struct
{
  const char         *category;
  const char         *owner;   /* OPD code, OWNER_KECAMATAN, or NULL: outside the regency */
  SigapComplaintKind  kind;
  guint               weight;
  guint               public_issue_pct;
  const char         *bodies[3];
  const char         *progress;
  const char         *resolution;
} Topic;

static const Topic topics[] = {
  { "Jalan dan Jembatan", "dpupr", SIGAP_COMPLAINT_KIND_COMPLAINT, 14, 6,
    { "Mohon perhatian, jalan di {jalan} Desa {desa}, Kecamatan {kec} rusak parah dan "
      "berlubang {lama}. Sudah beberapa pengendara motor jatuh, apalagi kalau malam dan hujan.",
      "Jembatan penghubung di Desa {desa} retak dan besinya kelihatan. Warga takut lewat, "
      "tolong segera dicek sebelum ada korban.",
      "Kapan {jalan} di Kecamatan {kec} diperbaiki? Lubangnya makin besar, {lama} belum ada "
      "tindakan." },
    "Tim UPT Jalan dan Jembatan sudah dijadwalkan survei lokasi.",
    "Lubang sudah ditambal tim pemeliharaan rutin. Perbaikan menyeluruh masuk usulan "
    "anggaran tahun depan." },
  { "Penerangan Jalan Umum", "dishub", SIGAP_COMPLAINT_KIND_COMPLAINT, 8, 1,
    { "Lampu PJU di {jalan} Desa {desa} mati {lama}, jalan jadi gelap dan rawan kejahatan.",
      "Lampu jalan di perempatan dekat balai Desa {desa}, Kecamatan {kec} mati semua. Mohon "
      "segera diperbaiki.",
      NULL },
    "Laporan sudah diteruskan ke regu pemeliharaan PJU; perbaikan dijadwalkan pekan ini.",
    "Lampu PJU sudah diganti dan menyala kembali. Terima kasih atas laporannya." },
  { "Persampahan", "dlh", SIGAP_COMPLAINT_KIND_COMPLAINT, 10, 3,
    { "Sampah di TPS dekat pasar Desa {desa} menumpuk {lama} dan baunya menyengat. Truk "
      "pengangkut tidak datang.",
      "Banyak orang membuang sampah di pinggir {jalan}, Kecamatan {kec}. Mohon dipasang "
      "papan larangan dan sampahnya diangkut.",
      NULL },
    "Armada pengangkut dijadwalkan ulang untuk lokasi tersebut.",
    "Sampah sudah diangkut dan jadwal pengangkutan ditambah menjadi dua kali seminggu." },
  { "Administrasi Kependudukan", "dindukcapil", SIGAP_COMPLAINT_KIND_COMPLAINT, 10, 2,
    { "Saya sudah perekaman KTP-el {lama} tapi belum jadi juga. Setiap ditanya jawabannya "
      "blangko habis.",
      "Pengurusan KK di Kecamatan {kec} lambat sekali, antre dari pagi baru dilayani siang. "
      "Mohon ditambah petugasnya.",
      "Nama di KK saya salah tulis, sudah mengajukan perbaikan {lama} belum ada kabar." },
    "Berkas pemohon sudah ditemukan dan sedang diproses ulang.",
    "Dokumen sudah selesai dicetak dan dapat diambil di kantor Dindukcapil atau di kecamatan." },
  { "Jaminan Kesehatan", "dinkes", SIGAP_COMPLAINT_KIND_COMPLAINT, 7, 2,
    { "Kartu BPJS PBI ibu saya tiba-tiba nonaktif padahal masih berobat rutin. Bagaimana "
      "cara mengaktifkan lagi?",
      "Saya warga Desa {desa}, sudah mendaftar BPJS gratis dari Pemda lewat desa {lama} "
      "tapi belum aktif.",
      NULL },
    "Data peserta sudah diusulkan ulang ke BPJS Kesehatan untuk reaktivasi.",
    "Kepesertaan JKN sudah aktif kembali dan pelapor sudah kami hubungi." },
  { "Layanan Kesehatan", "dinkes", SIGAP_COMPLAINT_KIND_COMPLAINT, 7, 3,
    { "Pelayanan di {puskesmas} lama sekali, antre dari jam 7 baru dipanggil jam 11. Mohon "
      "dibenahi.",
      "Petugas jaga di {puskesmas} kurang ramah waktu anak saya demam tinggi malam hari.",
      "Obat untuk penyakit kronis di {puskesmas} kosong {lama}, kami harus beli sendiri." },
    "Kepala puskesmas sudah diminta klarifikasi dan mengevaluasi alur antrean.",
    "Puskesmas menambah loket pendaftaran, menerapkan antrean daring, dan stok obat sudah "
    "terpenuhi." },
  { "Kesehatan Lingkungan", "dinkes", SIGAP_COMPLAINT_KIND_COMPLAINT, 4, 10,
    { "Di RT kami Desa {desa} sudah ada tiga warga kena demam berdarah. Mohon segera "
      "dilakukan fogging.",
      "Balita di Desa {desa} belum mendapat makanan tambahan dari posyandu {lama}.",
      NULL },
    "Petugas {puskesmas} melakukan penyelidikan epidemiologi di lokasi.",
    "Fogging fokus dan pemberantasan sarang nyamuk sudah dilakukan bersama warga." },
  { "Rumah Sakit", "rsud", SIGAP_COMPLAINT_KIND_COMPLAINT, 4, 3,
    { "Antrean pendaftaran rawat jalan di RSUD Sukamaju sangat panjang, antrean daring "
      "sering error.",
      "Keluarga saya dirawat di RSUD, tapi disuruh beli obat di luar padahal pasien BPJS.",
      NULL },
    "Manajemen RSUD sudah meminta keterangan unit terkait.",
    "RSUD memperbaiki sistem antrean dan menjelaskan hak pasien JKN kepada keluarga pelapor." },
  { "Bencana", "bpbd", SIGAP_COMPLAINT_KIND_COMPLAINT, 5, 25,
    { "Banjir setinggi lutut masuk rumah warga di Desa {desa}, Kecamatan {kec}. Mohon "
      "bantuan perahu dan logistik.",
      "Tanah longsor menutup jalan di Desa {desa}. Kendaraan tidak bisa lewat.",
      "Pohon besar tumbang di {jalan} setelah hujan angin dan menimpa kabel listrik." },
    "Tim reaksi cepat BPBD sudah diberangkatkan ke lokasi.",
    "Penanganan di lokasi selesai bersama relawan dan warga; bantuan logistik sudah "
    "disalurkan." },
  { "Pungutan Liar", "inspektorat", SIGAP_COMPLAINT_KIND_COMPLAINT, 3, 30,
    { "Saat mengurus surat di kantor Desa {desa} saya dimintai uang Rp50.000 tanpa kuitansi. "
      "Apakah ini resmi?",
      "Ada oknum yang meminta uang pelicin untuk pengurusan izin usaha. Mohon ditindak.",
      NULL },
    "Inspektorat sudah menurunkan tim untuk klarifikasi.",
    "Hasil klarifikasi ditindaklanjuti dengan pembinaan dan sanksi sesuai ketentuan." },
  { "Pendidikan", "disdik", SIGAP_COMPLAINT_KIND_COMPLAINT, 6, 6,
    { "Anak saya tidak diterima di SMP negeri padahal rumah dekat sekolah. Zonasi PPDB "
      "tidak adil.",
      "{sekolah} meminta sumbangan pembangunan dengan nominal ditentukan. Apakah boleh?",
      "Atap ruang kelas {sekolah} bocor dan hampir roboh, anak-anak takut belajar." },
    "Disdik sudah memanggil kepala sekolah untuk klarifikasi.",
    "Sudah ditindaklanjuti bersama pihak sekolah dan pelapor sudah mendapat penjelasan." },
  { "Bantuan Sosial", "dinsos", SIGAP_COMPLAINT_KIND_COMPLAINT, 7, 5,
    { "Keluarga kami termasuk miskin tapi tidak pernah dapat bantuan sosial, sementara "
      "tetangga yang mampu malah dapat.",
      "Bantuan PKH belum cair {lama}. Mohon informasinya.",
      NULL },
    "Data pelapor sedang dicek di DTKS bersama operator Desa {desa}.",
    "Pelapor sudah diusulkan masuk DTKS melalui musyawarah desa." },
  { "Ketertiban Umum", "satpolpp", SIGAP_COMPLAINT_KIND_COMPLAINT, 5, 4,
    { "PKL berjualan di trotoar {jalan} sampai menutup jalur pejalan kaki.",
      "Ada warung di Desa {desa} yang buka sampai dini hari dengan musik keras. Mengganggu "
      "istirahat warga.",
      NULL },
    "Regu patroli dijadwalkan ke lokasi.",
    "Sudah dilakukan pembinaan; pedagang bersedia pindah ke lokasi yang ditentukan." },
  { "Perizinan", "dpmptsp", SIGAP_COMPLAINT_KIND_COMPLAINT, 3, 1,
    { "Pengajuan NIB saya di OSS tertahan verifikasi {lama}. Mohon dibantu.",
      "Izin PBG rumah saya belum keluar padahal berkas sudah lengkap.",
      NULL },
    "Berkas sedang diperiksa ulang oleh petugas front office.",
    "Izin sudah terbit dan dapat diunduh melalui sistem OSS." },
  { "Ketenagakerjaan", "disnaker", SIGAP_COMPLAINT_KIND_COMPLAINT, 3, 4,
    { "Perusahaan di Kecamatan {kec} membayar upah di bawah UMK dan tidak mendaftarkan "
      "BPJS Ketenagakerjaan.",
      "Pembuatan kartu kuning (AK-1) katanya bisa daring tapi situsnya tidak bisa dibuka.",
      NULL },
    "Pengawas ketenagakerjaan sudah dijadwalkan memeriksa perusahaan.",
    "Perusahaan sudah diberi nota pemeriksaan dan berkomitmen membayar sesuai UMK." },
  { "Pertanian", "dispertan", SIGAP_COMPLAINT_KIND_COMPLAINT, 4, 6,
    { "Pupuk bersubsidi di kios Desa {desa} kosong {lama}, padahal sudah masuk musim tanam.",
      "Saluran irigasi di Desa {desa} tersumbat sehingga sawah kekeringan.",
      NULL },
    "Penyuluh pertanian sudah mengecek stok di kios resmi.",
    "Pupuk sudah didistribusikan ulang dan kelompok tani sudah mendapat jatah." },
  { "Perdagangan dan Pasar", "disperindag", SIGAP_COMPLAINT_KIND_COMPLAINT, 3, 2,
    { "Atap los Pasar {kec} bocor, dagangan basah kalau hujan.",
      "Harga minyak goreng di pasar Desa {desa} jauh di atas HET.",
      NULL },
    "Tim UPT Pasar sudah mengecek lokasi.",
    "Perbaikan atap los pasar sudah selesai." },
  { "Perhubungan", "dishub", SIGAP_COMPLAINT_KIND_COMPLAINT, 3, 2,
    { "Parkir liar di depan Pasar {kec} bikin macet setiap pagi.",
      "Rambu lalu lintas di tikungan {jalan} roboh, rawan kecelakaan.",
      NULL },
    "Petugas sudah dijadwalkan ke lokasi.",
    "Rambu sudah dipasang kembali dan juru parkir liar sudah ditertibkan." },
  { "Perumahan", "dpkp", SIGAP_COMPLAINT_KIND_ASPIRATION, 2, 1,
    { "Kami mengusulkan rumah Mbah di Desa {desa} masuk program bedah rumah, kondisinya "
      "sudah hampir roboh.",
      NULL, NULL },
    "Petugas akan memverifikasi kondisi rumah.",
    "Rumah pelapor sudah masuk daftar calon penerima bantuan RTLH tahun depan." },
  { "Kepegawaian", "bkpsdm", SIGAP_COMPLAINT_KIND_INFORMATION, 2, 1,
    { "Kapan pengumuman hasil seleksi PPPK guru? Mohon informasinya.",
      "Apakah formasi CPNS tahun ini dibuka untuk lulusan D3 kesehatan?",
      NULL },
    "Pertanyaan sedang kami konfirmasi ke bidang pengadaan.",
    "Informasi jadwal pengumuman sudah disampaikan kepada penanya." },
  { "Pemerintahan Desa", OWNER_KECAMATAN, SIGAP_COMPLAINT_KIND_COMPLAINT, 4, 5,
    { "Pelayanan surat pengantar di kantor Desa {desa} sering tutup saat jam kerja.",
      "Penyaluran BLT Dana Desa di Desa {desa} tidak transparan, daftar penerima tidak "
      "diumumkan.",
      NULL },
    "Camat sudah memanggil kepala Desa {desa} untuk klarifikasi.",
    "Pemerintah desa sudah mengumumkan daftar penerima dan jam layanan di papan informasi." },
  { "Pariwisata", "dispar", SIGAP_COMPLAINT_KIND_ASPIRATION, 2, 1,
    { "Usul agar waduk di Kecamatan {kec} ditata jadi tempat wisata, sekarang banyak sampah "
      "dan tidak ada toilet.",
      NULL, NULL },
    "Usulan dibahas bersama pengelola desa wisata.",
    "Usulan masuk rencana pengembangan destinasi wisata tahun depan." },
  { "Pajak Daerah", "bpkpd", SIGAP_COMPLAINT_KIND_INFORMATION, 2, 1,
    { "SPPT PBB saya tahun ini belum diterima. Bagaimana cara cek tagihan secara daring?",
      NULL, NULL },
    "Data objek pajak sedang dicek.",
    "Cara cek tagihan PBB daring sudah dijelaskan kepada penanya." },
  { "Informasi Layanan", "dindukcapil", SIGAP_COMPLAINT_KIND_INFORMATION, 3, 0,
    { "Apa saja syarat membuat akta kelahiran untuk anak yang lahir di luar daerah?",
      "Apakah perekaman KTP-el bisa dilakukan hari Sabtu di Kecamatan {kec}?",
      NULL },
    "Pertanyaan diteruskan ke bidang pelayanan.",
    "Persyaratan dan jadwal layanan sudah dijelaskan kepada penanya." },
  { "Informasi Layanan", "dinkes", SIGAP_COMPLAINT_KIND_INFORMATION, 2, 0,
    { "Jadwal vaksinasi HPV untuk anak SD di Kecamatan {kec} kapan ya?",
      NULL, NULL },
    "Jadwal sedang dikonfirmasi ke {puskesmas}.",
    "Jadwal imunisasi sudah disampaikan kepada penanya." },
  { "Lingkungan Hidup", "dlh", SIGAP_COMPLAINT_KIND_ASPIRATION, 2, 1,
    { "Usul ditambah tempat sampah terpilah di alun-alun dan taman kota.",
      "Mohon ada penanaman pohon peneduh di sepanjang {jalan}.",
      NULL },
    "Usulan sedang dikaji bidang pertamanan.",
    "Usulan diterima dan masuk program penghijauan tahun ini." },
  { "Layanan Digital", "diskominfo", SIGAP_COMPLAINT_KIND_COMPLAINT, 2, 1,
    { "Wifi gratis di balai Desa {desa} sudah lama tidak bisa dipakai.",
      "Situs resmi kabupaten tidak bisa dibuka sejak kemarin.",
      NULL },
    "Tim jaringan sudah mengecek perangkat di lokasi.",
    "Perangkat akses poin sudah diganti dan layanan kembali normal." },
  { "Air Bersih", NULL, SIGAP_COMPLAINT_KIND_COMPLAINT, 3, 4,
    { "Air PDAM di Desa {desa} mati {lama}, warga kesulitan air bersih.",
      NULL, NULL },
    "Layanan air minum dikelola Perumda Air Minum; aduan diteruskan ke Perumda dan pelapor "
    "sudah diberi kontak pengaduannya.",
    NULL },
  { "Kelistrikan", NULL, SIGAP_COMPLAINT_KIND_COMPLAINT, 2, 3,
    { "Listrik di Desa {desa} sering padam tanpa pemberitahuan, alat elektronik warga rusak.",
      "Tiang listrik di {jalan} miring dan hampir roboh.",
      NULL },
    "Jaringan listrik kewenangan PLN UP3; aduan sudah diteruskan ke PLN.",
    NULL },
};

#define N_TOPICS G_N_ELEMENTS (topics)

static const char * const reject_notes[] = {
  "Aduan tidak dapat diproses karena data tidak lengkap dan pelapor tidak dapat dihubungi.",
  "Konten berisi ujaran kebencian, bukan aduan layanan publik.",
  "Aduan ganda dengan laporan sebelumnya yang sudah ditindaklanjuti.",
};

static const char * const reply_notes[] = {
  "Terima kasih atas laporannya. Aduan sudah kami terima dan sedang ditindaklanjuti oleh "
  "{singkat}.",
  "Mohon maaf atas ketidaknyamanannya. Petugas {singkat} sedang menangani laporan ini.",
  "Terima kasih, Kak. Perkembangan penanganan akan kami sampaikan melalui pesan langsung.",
};

/* }}} */

typedef struct
{
  guint uploads[SIGAP_N_PLATFORMS];
  guint received;
  guint resolved;
  guint late;
} Tally;

typedef struct
{
  char   id[UUID_LEN];
  char   admin_id[UUID_LEN];
  char   base[32];        /* handle on Facebook, Instagram, YouTube, TikTok */
  char   x_handle[16];    /* X allows 15 characters, no dots */
  guint  n_platforms;
  SigapPlatform platforms[SIGAP_N_PLATFORMS];
} OpdState;

typedef struct
{
  SigapStore  *store;
  GRand       *rng;
  gint64       now;
  gint64       today;                         /* 00:00 WIB of now's day */
  gint64       month_starts[REPORT_MONTHS + 1]; /* [k]: 00:00 WIB, 1st of k months back */
  char        *password_hash;
  OpdState     opds[N_OPDS];
  guint        kecamatan_opd[N_KECAMATANS];
  guint        diskominfo;
  guint        dinkes;
  char         verifikator_id[UUID_LEN];
  char         trc_id[UUID_LEN];
  char         pimpinan_id[UUID_LEN];
  Tally        tallies[N_OPDS][REPORT_MONTHS];
  GString     *text;
  GString     *text2;
} Demo;

/* Fill-ins for the templates' {placeholders}. */
typedef struct
{
  const char *opd;
  const char *singkat;
  const char *kec;
  const char *desa;
  const char *jalan;
  const char *lama;
  const char *hari;
  const char *layanan;
  const char *program;
  const char *prestasi;
  const char *edukasi;
  const char *isu;
  const char *pengumuman;
  char        sekolah[64];
  char        puskesmas[64];
} Fill;

/* Helpers {{{ */

static guint
pick (GRand *rng,
      guint  n)
{
  g_assert (n > 0);
  return (guint) g_rand_int_range (rng, 0, (gint32) n);
}

static gboolean
chance (GRand  *rng,
        double  p)
{
  return g_rand_double (rng) < p;
}

static guint
pick_weighted (GRand       *rng,
               const guint *weights,
               guint        n)
{
  guint total = 0;
  guint r;

  for (guint i = 0; i < n; i++)
    total += weights[i];

  r = pick (rng, total);
  for (guint i = 0; i < n; i++)
    {
      if (r < weights[i])
        return i;
      r -= weights[i];
    }

  g_assert_not_reached ();
}

#define PICK(rng, array) ((array)[pick ((rng), G_N_ELEMENTS (array))])

static void
make_uuid (GRand *rng,
           char   out[UUID_LEN])
{
  guint32 a = g_rand_int (rng);
  guint32 b = g_rand_int (rng);
  guint32 c = g_rand_int (rng);
  guint32 d = g_rand_int (rng);

  g_snprintf (out, UUID_LEN, "%08x-%04x-4%03x-%04x-%04x%08x",
              a, b >> 16, b & 0xfff, ((c >> 16) & 0x3fff) | 0x8000, c & 0xffff, d);
}

static void
random_chars (GRand *rng,
              char  *out,
              guint  n)
{
  static const char alphabet[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  for (guint i = 0; i < n; i++)
    out[i] = alphabet[pick (rng, 64)];
  out[n] = '\0';
}

/* A 19-digit snowflake-like number, as X and TikTok use. */
static void
random_snowflake (GRand *rng,
                  char   out[24])
{
  g_snprintf (out, 24, "1%09u%09u",
              (guint) g_rand_int_range (rng, 0, 1000000000),
              (guint) g_rand_int_range (rng, 0, 1000000000));
}

static gint64
wib_day_start (gint64 t)
{
  gint64 local = t + WIB_OFFSET;
  gint64 days = local / DAY - (local % DAY < 0 ? 1 : 0);

  return days * DAY - WIB_OFFSET;
}

/* 0 = Sunday, as weekdays[]. */
static guint
wib_weekday (gint64 t)
{
  gint64 days = (wib_day_start (t) + WIB_OFFSET) / DAY;

  /* 1 January 1970 was a Thursday. */
  return (guint) (((days % 7) + 7 + 4) % 7);
}

static gboolean
is_weekend (gint64 t)
{
  guint wd = wib_weekday (t);

  return wd == 0 || wd == 6;
}

/* The end (23:59:59 WIB) of the @n-th working day after @t. Holidays are
 * left out: the demo only needs plausible deadlines. */
static gint64
add_working_days (gint64 t,
                  guint  n)
{
  gint64 day = wib_day_start (t);

  while (n > 0)
    {
      day += DAY;
      if (!is_weekend (day))
        n--;
    }

  return day + DAY - 1;
}

/* Which report month @t falls in: 0 for last month, up to
 * REPORT_MONTHS - 1, or -1. */
static int
report_month (Demo   *demo,
              gint64  t)
{
  for (int k = 1; k <= REPORT_MONTHS; k++)
    {
      if (t >= demo->month_starts[k] && t < demo->month_starts[k - 1])
        return k - 1;
    }

  return -1;
}

static void
lowercase_ascii (char *s)
{
  for (; *s; s++)
    *s = g_ascii_tolower (*s);
}

static const char *
fill_lookup (const Fill *fill,
             const char *key,
             gsize       len)
{
#define KEY(name, field) \
  if (len == sizeof (name) - 1 && memcmp (key, name, len) == 0) \
    return fill->field;

  KEY ("opd", opd)
  KEY ("singkat", singkat)
  KEY ("kec", kec)
  KEY ("desa", desa)
  KEY ("jalan", jalan)
  KEY ("lama", lama)
  KEY ("hari", hari)
  KEY ("layanan", layanan)
  KEY ("program", program)
  KEY ("prestasi", prestasi)
  KEY ("edukasi", edukasi)
  KEY ("isu", isu)
  KEY ("pengumuman", pengumuman)
  KEY ("sekolah", sekolah)
  KEY ("puskesmas", puskesmas)
#undef KEY

  return NULL;
}

static void
expand (GString    *out,
        const char *template,
        const Fill *fill)
{
  const char *p = template;

  while (*p)
    {
      const char *lbrace = strchr (p, '{');
      const char *rbrace;
      const char *value;

      if (lbrace == NULL)
        {
          g_string_append (out, p);
          return;
        }

      g_string_append_len (out, p, lbrace - p);
      rbrace = strchr (lbrace, '}');
      g_assert (rbrace != NULL);
      value = fill_lookup (fill, lbrace + 1, rbrace - lbrace - 1);
      g_assert (value != NULL);
      g_string_append (out, value);
      p = rbrace + 1;
    }
}

static void
append_slug (GString    *out,
             const char *text)
{
  gboolean dash = FALSE;
  guint n = 0;

  for (const char *p = text; *p && n < 60; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && n > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          dash = FALSE;
          n++;
        }
      else
        dash = TRUE;
    }
}

static const char *
platform_nick (SigapPlatform platform)
{
  static const char * const nicks[] = { "facebook", "instagram", "x", "youtube", "tiktok" };

  return nicks[platform];
}

/* }}} */

/* OPDs, accounts and users {{{ */

static gboolean
seed_opds (Demo    *demo,
           GError **error)
{
  for (guint i = 0; i < N_OPDS; i++)
    {
      const OpdInfo *info = &opd_infos[i];
      OpdState *state = &demo->opds[i];
      g_autoptr(SigapOpd) opd = sigap_opd_new ();
      g_autofree char *x_base = NULL;

      make_uuid (demo->rng, state->id);
      g_strlcpy (state->base, info->code, sizeof state->base);
      g_strdelimit (state->base, "-", '.');
      g_strlcat (state->base, ".sukamaju", sizeof state->base);

      x_base = g_strdup (info->code);
      g_strdelimit (x_base, "-", '_');
      if (strlen (x_base) > 11)
        x_base[11] = '\0';
      g_snprintf (state->x_handle, sizeof state->x_handle, "%s_smj", x_base);

      for (guint p = 0; p < SIGAP_N_PLATFORMS; p++)
        if (info->platforms & (1u << p))
          state->platforms[state->n_platforms++] = p;

      if (g_str_equal (info->code, "diskominfo"))
        demo->diskominfo = i;
      else if (g_str_equal (info->code, "dinkes"))
        demo->dinkes = i;
      if (info->kind == SIGAP_OPD_KIND_KECAMATAN)
        demo->kecamatan_opd[info->kecamatan] = i;

      sigap_opd_set_id (opd, state->id);
      sigap_opd_set_code (opd, info->code);
      sigap_opd_set_name (opd, info->name);
      sigap_opd_set_kind (opd, info->kind);
      sigap_opd_set_time_zone (opd, "Asia/Jakarta");
      sigap_opd_set_requires_approval (opd, info->requires_approval);

      if (info->parent != NULL)
        {
          for (guint j = 0; j < i; j++)
            if (g_str_equal (opd_infos[j].code, info->parent))
              sigap_opd_set_parent_id (opd, demo->opds[j].id);
          g_assert (sigap_opd_get_parent_id (opd) != NULL);
        }

      if (!sigap_store_insert_opd (demo->store, opd, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
seed_accounts (Demo    *demo,
               GError **error)
{
  for (guint i = 0; i < N_OPDS; i++)
    {
      const OpdInfo *info = &opd_infos[i];
      OpdState *state = &demo->opds[i];
      g_autofree char *display_name = NULL;

      if (info->kind == SIGAP_OPD_KIND_KECAMATAN || info->kind == SIGAP_OPD_KIND_KELURAHAN)
        display_name = g_strdup_printf ("%s Kab. Sukamaju", info->name);
      else
        display_name = g_strdup_printf ("%s Kabupaten Sukamaju", info->short_name);

      for (guint p = 0; p < state->n_platforms; p++)
        {
          SigapPlatform platform = state->platforms[p];
          g_autoptr(SigapAccount) account = sigap_account_new ();
          g_autofree char *handle = NULL;
          g_autofree char *url = NULL;
          char id[UUID_LEN];

          make_uuid (demo->rng, id);

          switch (platform)
            {
            case SIGAP_PLATFORM_FACEBOOK:
              handle = g_strdup_printf ("@%s", state->base);
              url = g_strdup_printf ("https://www.facebook.com/%s", state->base);
              break;
            case SIGAP_PLATFORM_INSTAGRAM:
              handle = g_strdup_printf ("@%s", state->base);
              url = g_strdup_printf ("https://www.instagram.com/%s/", state->base);
              break;
            case SIGAP_PLATFORM_X:
              handle = g_strdup_printf ("@%s", state->x_handle);
              url = g_strdup_printf ("https://x.com/%s", state->x_handle);
              break;
            case SIGAP_PLATFORM_YOUTUBE:
              handle = g_strdup_printf ("@%s", state->base);
              url = g_strdup_printf ("https://www.youtube.com/@%s", state->base);
              break;
            case SIGAP_PLATFORM_TIKTOK:
              handle = g_strdup_printf ("@%s", state->base);
              url = g_strdup_printf ("https://www.tiktok.com/@%s", state->base);
              break;
            default:
              g_assert_not_reached ();
            }

          sigap_account_set_id (account, id);
          sigap_account_set_opd_id (account, state->id);
          sigap_account_set_platform (account, platform);
          sigap_account_set_handle (account, handle);
          sigap_account_set_display_name (account, display_name);
          sigap_account_set_url (account, url);

          if (!sigap_store_insert_account (demo->store, account, error))
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
insert_user (Demo       *demo,
             char        id[UUID_LEN],
             const char *username,
             const char *display_name,
             SigapRole   role,
             const char *opd_id,
             GError    **error)
{
  g_autoptr(SigapUser) user = sigap_user_new ();

  make_uuid (demo->rng, id);
  sigap_user_set_id (user, id);
  sigap_user_set_username (user, username);
  sigap_user_set_display_name (user, display_name);
  sigap_user_set_role (user, role);
  sigap_user_set_opd_id (user, opd_id);
  sigap_user_set_password_hash (user, demo->password_hash);

  return sigap_store_insert_user (demo->store, user, error);
}

static gboolean
seed_users (Demo    *demo,
            GError **error)
{
  const char *diskominfo_id = demo->opds[demo->diskominfo].id;

  for (guint i = 0; i < N_OPDS; i++)
    {
      g_autofree char *display_name = g_strdup_printf ("Admin %s", opd_infos[i].name);

      if (!insert_user (demo, demo->opds[i].admin_id, opd_infos[i].code, display_name,
                        SIGAP_ROLE_ADMIN_OPD, demo->opds[i].id, error))
        return FALSE;
    }

  return insert_user (demo, demo->verifikator_id, "verifikator", "Verifikator Diskominfo",
                      SIGAP_ROLE_VERIFIKATOR, diskominfo_id, error) &&
         insert_user (demo, demo->trc_id, "trc", "Tim Reaksi Cepat",
                      SIGAP_ROLE_TRC, diskominfo_id, error) &&
         insert_user (demo, demo->pimpinan_id, "pimpinan", "Pimpinan Daerah",
                      SIGAP_ROLE_PIMPINAN, diskominfo_id, error);
}

/* }}} */

/* Posts {{{ */

static void
fill_for_opd (Demo  *demo,
              Fill  *fill,
              guint  opd_index)
{
  const OpdInfo *info = &opd_infos[opd_index];
  const Kecamatan *kec;

  memset (fill, 0, sizeof *fill);
  fill->opd = info->name;
  fill->singkat = info->short_name;

  if (info->kecamatan >= 0)
    kec = &kecamatans[info->kecamatan];
  else
    kec = &PICK (demo->rng, kecamatans);

  fill->kec = kec->name;
  if (info->kind == SIGAP_OPD_KIND_KELURAHAN)
    fill->desa = info->name + strlen ("Kelurahan ");
  else
    fill->desa = PICK (demo->rng, kec->desa);
}

static void
set_variant_url (Demo             *demo,
                 OpdState         *state,
                 SigapPostVariant *variant)
{
  g_autofree char *url = NULL;
  char chars[12];
  char number[24];

  switch (sigap_post_variant_get_platform (variant))
    {
    case SIGAP_PLATFORM_FACEBOOK:
      random_snowflake (demo->rng, number);
      url = g_strdup_printf ("https://www.facebook.com/%s/posts/%s", state->base, number + 4);
      break;
    case SIGAP_PLATFORM_INSTAGRAM:
      random_chars (demo->rng, chars, 11);
      url = g_strdup_printf ("https://www.instagram.com/p/%s/", chars);
      break;
    case SIGAP_PLATFORM_X:
      random_snowflake (demo->rng, number);
      url = g_strdup_printf ("https://x.com/%s/status/%s", state->x_handle, number);
      break;
    case SIGAP_PLATFORM_YOUTUBE:
      random_chars (demo->rng, chars, 11);
      url = g_strdup_printf ("https://www.youtube.com/watch?v=%s", chars);
      break;
    case SIGAP_PLATFORM_TIKTOK:
      random_snowflake (demo->rng, number);
      url = g_strdup_printf ("https://www.tiktok.com/@%s/video/7%s", state->base, number + 1);
      break;
    default:
      g_assert_not_reached ();
    }

  sigap_post_variant_set_published_url (variant, url);
}

static void
truncate_utf8 (GString *s,
               gsize    max_chars)
{
  if (g_utf8_strlen (s->str, -1) > (glong) max_chars)
    {
      const char *end = g_utf8_offset_to_pointer (s->str, max_chars - 1);

      g_string_truncate (s, end - s->str);
      g_string_append (s, "…");
    }
}

static void
add_variants (Demo      *demo,
              SigapPost *post,
              guint      opd_index,
              const char *title,
              const char *base_body,
              const char *link_url,
              const char *hashtag,
              gboolean    published)
{
  static const guint count_weights[] = { 15, 25, 30, 20, 10 };
  OpdState *state = &demo->opds[opd_index];
  SigapPlatform platforms[SIGAP_N_PLATFORMS];
  guint n = pick_weighted (demo->rng, count_weights, G_N_ELEMENTS (count_weights)) + 1;

  n = MIN (n, state->n_platforms);
  memcpy (platforms, state->platforms, sizeof platforms);

  /* A partial Fisher–Yates shuffle picks n of the OPD's platforms. */
  for (guint i = 0; i < n; i++)
    {
      guint j = i + pick (demo->rng, state->n_platforms - i);
      SigapPlatform tmp = platforms[i];

      platforms[i] = platforms[j];
      platforms[j] = tmp;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SigapPostVariant) variant = sigap_post_variant_new ();
      GString *s = demo->text2;

      sigap_post_variant_set_platform (variant, platforms[i]);
      g_string_truncate (s, 0);

      switch (platforms[i])
        {
        case SIGAP_PLATFORM_FACEBOOK:
          break;

        case SIGAP_PLATFORM_INSTAGRAM:
          if (chance (demo->rng, 0.3))
            {
              g_string_append_printf (s, "%s\n\nInfo lengkap: link di bio.\n\n"
                                      "#SukamajuMaju %s #InfoSukamaju #Sukamaju",
                                      base_body, hashtag);
              sigap_post_variant_set_body (variant, s->str);
            }
          break;

        case SIGAP_PLATFORM_X:
          if (chance (demo->rng, 0.6))
            {
              g_string_append (s, title);
              if (link_url != NULL)
                g_string_append_printf (s, ". Selengkapnya: %s", link_url);
              g_string_append_printf (s, " #SukamajuMaju %s", hashtag);
              sigap_post_variant_set_body (variant, s->str);
            }
          break;

        case SIGAP_PLATFORM_YOUTUBE:
          g_string_append_printf (s, "%s | %s Kabupaten Sukamaju",
                                  title, opd_infos[opd_index].short_name);
          truncate_utf8 (s, 100);
          sigap_post_variant_set_title (variant, s->str);
          if (chance (demo->rng, 0.5))
            {
              g_string_truncate (s, 0);
              g_string_append_printf (s, "%s\n\nJangan lupa subscribe kanal resmi %s "
                                      "Kabupaten Sukamaju.", base_body,
                                      opd_infos[opd_index].short_name);
              sigap_post_variant_set_body (variant, s->str);
            }
          break;

        case SIGAP_PLATFORM_TIKTOK:
          if (chance (demo->rng, 0.6))
            {
              g_string_append_printf (s, "%s 📢 #SukamajuMaju %s #fyp #infosukamaju",
                                      title, hashtag);
              sigap_post_variant_set_body (variant, s->str);
            }
          break;

        default:
          g_assert_not_reached ();
        }

      if (published)
        set_variant_url (demo, state, variant);

      sigap_post_set_variant (post, variant);
    }
}

static SigapPostStatus
future_status (Demo  *demo,
               guint  opd_index)
{
  static const guint approval_weights[] = { 25, 25, 50 };  /* draft, review, scheduled */
  static const guint plain_weights[] = { 35, 0, 65 };
  const guint *weights = opd_infos[opd_index].requires_approval ? approval_weights
                                                                : plain_weights;

  switch (pick_weighted (demo->rng, weights, 3))
    {
    case 0: return SIGAP_POST_STATUS_DRAFT;
    case 1: return SIGAP_POST_STATUS_REVIEW;
    default: return SIGAP_POST_STATUS_SCHEDULED;
    }
}

/* @status: the status, or -1 to choose one from the time. */
static gboolean
seed_post (Demo    *demo,
           guint    opd_index,
           gint64   scheduled_at,
           int      status,
           GError **error)
{
  guint category_weights[G_N_ELEMENTS (category_templates)];
  const OpdInfo *info = &opd_infos[opd_index];
  const SectorContent *content = &sector_contents[info->sector];
  g_autoptr(SigapPost) post = sigap_post_new ();
  g_autoptr(GString) title = g_string_new (NULL);
  g_autofree char *link_url = NULL;
  const CategoryTemplates *category;
  const Template *template;
  SigapContentCategory category_id;
  gint64 created_at;
  char id[UUID_LEN];
  Fill fill;
  int month;

  for (guint i = 0; i < G_N_ELEMENTS (category_templates); i++)
    category_weights[i] = category_templates[i].weight;

  make_uuid (demo->rng, id);
  category_id = pick_weighted (demo->rng, category_weights, G_N_ELEMENTS (category_weights));
  category = &category_templates[category_id];
  template = &category->templates[pick (demo->rng, category->n_templates)];

  fill_for_opd (demo, &fill, opd_index);
  fill.hari = weekdays[wib_weekday (scheduled_at)];
  fill.layanan = PICK (demo->rng, content->service);
  fill.program = PICK (demo->rng, content->programme);
  fill.prestasi = PICK (demo->rng, content->achievement);
  fill.edukasi = PICK (demo->rng, content->education);
  fill.isu = PICK (demo->rng, content->issue);
  fill.pengumuman = PICK (demo->rng, content->announcement);

  expand (title, template->title, &fill);

  g_string_truncate (demo->text, 0);
  expand (demo->text, template->body, &fill);

  if (chance (demo->rng, 0.35))
    {
      GString *s = g_string_new ("https://sukamajukab.go.id/berita/");

      append_slug (s, title->str);
      link_url = g_string_free (s, FALSE);
      g_string_append_printf (demo->text, "\n\nInfo selengkapnya: %s", link_url);
    }
  g_string_append_printf (demo->text, "\n\n#SukamajuMaju %s", content->hashtag);

  if (status < 0)
    {
      if (scheduled_at <= demo->now)
        status = chance (demo->rng, 0.92) ? SIGAP_POST_STATUS_PUBLISHED
                                          : SIGAP_POST_STATUS_CANCELLED;
      else
        status = future_status (demo, opd_index);
    }

  created_at = scheduled_at - (gint64) (1 + pick (demo->rng, 14)) * DAY
               + (gint64) pick (demo->rng, 8 * HOUR);
  created_at = MIN (created_at, demo->now - HOUR);
  created_at = MIN (created_at, scheduled_at - HOUR);

  sigap_post_set_id (post, id);
  sigap_post_set_opd_id (post, demo->opds[opd_index].id);
  sigap_post_set_title (post, title->str);
  sigap_post_set_body (post, demo->text->str);
  sigap_post_set_category (post, category_id);
  sigap_post_set_status (post, status);
  sigap_post_set_scheduled_at (post, scheduled_at);
  sigap_post_set_author_id (post, demo->opds[opd_index].admin_id);
  sigap_post_set_created_at (post, created_at);

  if (status == SIGAP_POST_STATUS_PUBLISHED)
    sigap_post_set_published_at (post, scheduled_at + pick (demo->rng, 10 * MINUTE));

  add_variants (demo, post, opd_index, title->str, demo->text->str, link_url, content->hashtag,
                status == SIGAP_POST_STATUS_PUBLISHED);

  month = report_month (demo, sigap_post_get_published_at (post));
  if (status == SIGAP_POST_STATUS_PUBLISHED && month >= 0)
    {
      GPtrArray *variants = sigap_post_get_variants (post);

      for (guint i = 0; i < variants->len; i++)
        {
          SigapPostVariant *variant = g_ptr_array_index (variants, i);

          demo->tallies[opd_index][month].uploads[sigap_post_variant_get_platform (variant)]++;
        }
    }

  return sigap_store_insert_post (demo->store, post, error);
}

static gint64
post_time (Demo   *demo,
           int     day,
           guint   hour,
           guint   minute)
{
  return demo->today + (gint64) day * DAY + hour * HOUR + minute * MINUTE;
}

static gboolean
seed_posts (Demo    *demo,
            guint    n_posts,
            GError **error)
{
  /* The demo signs in as dinkes: give it a calendar around today that
   * shows every status, whatever the other draws do. */
  static const struct { int day; guint hour; guint minute; int status; } dinkes_posts[] = {
    { -9, 9, 0, -1 },
    { -6, 10, 30, -1 },
    { -4, 13, 0, SIGAP_POST_STATUS_CANCELLED },
    { -2, 8, 0, -1 },
    { -1, 16, 0, -1 },
    { 0, 8, 0, -1 },
    { 0, 15, 30, -1 },
    { 1, 9, 0, SIGAP_POST_STATUS_SCHEDULED },
    { 2, 10, 0, SIGAP_POST_STATUS_REVIEW },
    { 3, 19, 0, SIGAP_POST_STATUS_DRAFT },
    { 5, 8, 30, SIGAP_POST_STATUS_SCHEDULED },
    { 7, 12, 0, SIGAP_POST_STATUS_REVIEW },
    { 9, 16, 0, SIGAP_POST_STATUS_SCHEDULED },
    { 12, 9, 30, SIGAP_POST_STATUS_DRAFT },
    { 14, 10, 0, SIGAP_POST_STATUS_SCHEDULED },
  };
  static const guint minutes[] = { 0, 0, 15, 30, 30, 45 };
  guint weights[N_OPDS];
  guint n_forced = MIN (n_posts, G_N_ELEMENTS (dinkes_posts));

  for (guint i = 0; i < N_OPDS; i++)
    weights[i] = opd_infos[i].post_weight;

  for (guint i = 0; i < n_forced; i++)
    {
      gint64 t = post_time (demo, dinkes_posts[i].day, dinkes_posts[i].hour,
                            dinkes_posts[i].minute);
      int status = dinkes_posts[i].status;

      /* A planned status is only honest for a post still to come. */
      if (status >= 0 && status != SIGAP_POST_STATUS_CANCELLED && t <= demo->now)
        status = -1;
      if (!seed_post (demo, demo->dinkes, t, status, error))
        return FALSE;
    }

  for (guint i = n_forced; i < n_posts; i++)
    {
      guint opd_index = pick_weighted (demo->rng, weights, N_OPDS);
      int day = -PAST_POST_DAYS + (int) pick (demo->rng, PAST_POST_DAYS + FUTURE_POST_DAYS + 1);
      guint hour = 7 + pick (demo->rng, 13);
      guint minute = PICK (demo->rng, minutes);
      gint64 t = post_time (demo, day, hour, minute);

      /* Fewer posts at weekends. */
      if (is_weekend (t) && chance (demo->rng, 0.5))
        t += (wib_weekday (t) == 6 ? 2 : 1) * DAY;

      if (!seed_post (demo, opd_index, t, -1, error))
        return FALSE;
    }

  return TRUE;
}

/* }}} */

/* Complaints {{{ */

typedef struct
{
  gint64 received_at;
  guint  index;
  gint8  status;        /* -1: choose from the age */
  gint8  channel;       /* -1: random */
  gint8  kind;          /* -1: the topic's, mostly */
  gint8  late;          /* -1: random; resolved ones only */
  gint8  public_issue;  /* -1: from the topic */
  gint16 topic;         /* -1: random */
} ComplaintSpec;

typedef struct
{
  const char           *action;
  const char           *actor_id;
  const char           *note;
  SigapComplaintStatus  from;
  SigapComplaintStatus  to;
  const char           *opd_id;
  gint64                at;
} Event;

#define MAX_EVENTS 10

static int
compare_specs (gconstpointer a,
               gconstpointer b)
{
  const ComplaintSpec *sa = a;
  const ComplaintSpec *sb = b;

  if (sa->received_at != sb->received_at)
    return sa->received_at < sb->received_at ? -1 : 1;
  return sa->index < sb->index ? -1 : (sa->index > sb->index);
}

static SigapComplaintStatus
status_for_age (Demo   *demo,
                double  age_days)
{
  /* received, verified, routed, in-progress, resolved, not-our-authority, rejected, archived */
  static const guint fresh[] = { 40, 25, 25, 5, 0, 0, 5, 0 };
  static const guint days3[] = { 12, 13, 30, 30, 10, 2, 3, 0 };
  static const guint days10[] = { 3, 5, 15, 30, 40, 4, 3, 0 };
  static const guint days30[] = { 1, 1, 5, 12, 70, 5, 4, 2 };
  static const guint older[] = { 0, 0, 2, 5, 55, 4, 4, 30 };
  const guint *weights;

  if (age_days < 1)
    weights = fresh;
  else if (age_days < 3)
    weights = days3;
  else if (age_days < 10)
    weights = days10;
  else if (age_days < 30)
    weights = days30;
  else
    weights = older;

  return pick_weighted (demo->rng, weights, 8);
}

static void
add_event (Event                *events,
           guint                *n_events,
           const char           *action,
           const char           *actor_id,
           const char           *note,
           SigapComplaintStatus  from,
           SigapComplaintStatus  to,
           const char           *opd_id,
           gint64                at)
{
  g_assert (*n_events < MAX_EVENTS);
  events[*n_events] = (Event) { action, actor_id, note, from, to, opd_id, at };
  (*n_events)++;
}

static void
set_citizen (Demo           *demo,
             SigapComplaint *complaint,
             SigapChannel    channel,
             guint           owner)
{
  g_autofree char *name = NULL;
  g_autofree char *handle = NULL;
  g_autofree char *url = NULL;
  g_autofree char *phone = NULL;
  char first[32];
  char last[32];
  char chars[12];
  char number[24];

  if (chance (demo->rng, 0.15))
    {
      name = g_strdup (PICK (demo->rng, single_names));
      g_strlcpy (first, name, sizeof first);
      last[0] = '\0';
    }
  else
    {
      g_strlcpy (first, PICK (demo->rng, first_names), sizeof first);
      g_strlcpy (last, PICK (demo->rng, last_names), sizeof last);
      name = g_strdup_printf ("%s %s", first, last);
    }
  lowercase_ascii (first);
  lowercase_ascii (last);

  switch (pick (demo->rng, 4))
    {
    case 0:
      handle = g_strdup_printf ("%s%s%s%02u", first, *last ? "." : "", last,
                                pick (demo->rng, 100));
      break;
    case 1:
      handle = g_strdup_printf ("%s_%s", first, *last ? last : "sukamaju");
      break;
    case 2:
      handle = g_strdup_printf ("%s%s%u", first, last, 1970 + pick (demo->rng, 40));
      break;
    default:
      handle = g_strdup_printf ("%s.%s", first, *last ? last : "smj");
      break;
    }

  phone = g_strdup_printf ("%s-%04u-%04u", PICK (demo->rng, phone_prefixes),
                           pick (demo->rng, 10000), pick (demo->rng, 10000));

  switch (channel)
    {
    case SIGAP_CHANNEL_FACEBOOK:
      random_snowflake (demo->rng, number);
      url = g_strdup_printf ("https://www.facebook.com/%s/posts/%s?comment_id=%u",
                             demo->opds[owner].base, number + 4, pick (demo->rng, 1000000000));
      sigap_complaint_set_citizen_handle (complaint, handle);
      break;
    case SIGAP_CHANNEL_INSTAGRAM:
      random_chars (demo->rng, chars, 11);
      url = g_strdup_printf ("https://www.instagram.com/p/%s/", chars);
      sigap_complaint_set_citizen_handle (complaint, handle);
      break;
    case SIGAP_CHANNEL_X:
      random_snowflake (demo->rng, number);
      url = g_strdup_printf ("https://x.com/%s/status/%s", handle, number);
      sigap_complaint_set_citizen_handle (complaint, handle);
      break;
    case SIGAP_CHANNEL_YOUTUBE:
      random_chars (demo->rng, chars, 11);
      url = g_strdup_printf ("https://www.youtube.com/watch?v=%s", chars);
      sigap_complaint_set_citizen_handle (complaint, handle);
      break;
    case SIGAP_CHANNEL_TIKTOK:
      random_snowflake (demo->rng, number);
      url = g_strdup_printf ("https://www.tiktok.com/@%s/video/7%s",
                             demo->opds[owner].base, number + 1);
      sigap_complaint_set_citizen_handle (complaint, handle);
      break;
    case SIGAP_CHANNEL_WEB_FORM:
      sigap_complaint_set_citizen_contact (complaint, phone);
      break;
    case SIGAP_CHANNEL_LAPOR:
      url = g_strdup_printf ("https://www.lapor.go.id/laporan/detil/%u",
                             4000000 + pick (demo->rng, 1000000));
      if (chance (demo->rng, 0.3))
        {
          g_free (name);
          name = g_strdup ("Anonim");
        }
      else
        sigap_complaint_set_citizen_contact (complaint, phone);
      break;
    case SIGAP_CHANNEL_WALK_IN:
      sigap_complaint_set_citizen_contact (complaint, phone);
      break;
    default:
      g_assert_not_reached ();
    }

  sigap_complaint_set_citizen_name (complaint, name);
  sigap_complaint_set_source_url (complaint, url);
}

static const char *
created_note (SigapChannel channel)
{
  switch (channel)
    {
    case SIGAP_CHANNEL_FACEBOOK: return "Aduan masuk melalui komentar Facebook.";
    case SIGAP_CHANNEL_INSTAGRAM: return "Aduan masuk melalui komentar Instagram.";
    case SIGAP_CHANNEL_X: return "Aduan masuk melalui mention di X.";
    case SIGAP_CHANNEL_YOUTUBE: return "Aduan masuk melalui komentar YouTube.";
    case SIGAP_CHANNEL_TIKTOK: return "Aduan masuk melalui komentar TikTok.";
    case SIGAP_CHANNEL_WEB_FORM: return "Aduan masuk melalui formulir web.";
    case SIGAP_CHANNEL_LAPOR: return "Aduan diimpor dari SP4N-LAPOR!.";
    case SIGAP_CHANNEL_WALK_IN: return "Pelapor datang langsung ke Mal Pelayanan Publik.";
    default: g_assert_not_reached ();
    }
}

static gboolean
is_routed_status (SigapComplaintStatus status)
{
  return status == SIGAP_COMPLAINT_STATUS_ROUTED ||
         status == SIGAP_COMPLAINT_STATUS_IN_PROGRESS ||
         status == SIGAP_COMPLAINT_STATUS_RESOLVED ||
         status == SIGAP_COMPLAINT_STATUS_ARCHIVED;
}

static gint64
hours (Demo  *demo,
       double from,
       double to)
{
  return (gint64) ((from + g_rand_double (demo->rng) * (to - from)) * HOUR);
}

static gboolean
seed_complaint (Demo                *demo,
                const ComplaintSpec *spec,
                GError             **error)
{
  guint topic_weights[N_TOPICS];
  static const guint channel_weights[] = { 25, 20, 10, 3, 7, 15, 12, 8 };
  g_autoptr(SigapComplaint) complaint = sigap_complaint_new ();
  GString *notes = demo->text2;
  const Topic *topic;
  const Kecamatan *kec;
  const char *diskominfo_id = demo->opds[demo->diskominfo].id;
  const char *owner_id = NULL;
  const char *owner_admin = NULL;
  gsize note_offsets[MAX_EVENTS];
  Event events[MAX_EVENTS];
  guint n_events = 0;
  guint owner = demo->diskominfo;
  SigapComplaintStatus status;
  SigapComplaintKind kind;
  SigapChannel channel;
  gboolean public_issue;
  gboolean late;
  gint64 received_at = spec->received_at;
  gint64 due_at;
  gint64 resolved_at = 0;
  gint64 t;
  guint sla;
  char id[UUID_LEN];
  Fill fill;
  int month;

  for (guint i = 0; i < N_TOPICS; i++)
    topic_weights[i] = topics[i].weight;

  make_uuid (demo->rng, id);

  if (spec->status >= 0)
    status = spec->status;
  else
    status = status_for_age (demo, (double) (demo->now - received_at) / DAY);

  if (spec->topic >= 0)
    topic = &topics[spec->topic];
  else
    {
      /* A forced kind or routed status takes a topic that fits it. */
      do
        topic = &topics[pick_weighted (demo->rng, topic_weights, N_TOPICS)];
      while ((spec->kind >= 0 && topic->kind != (SigapComplaintKind) spec->kind) ||
             (topic->owner == NULL && spec->status >= 0 && is_routed_status (status)));
    }

  /* What is outside the regency's authority never reaches an OPD. */
  if (topic->owner == NULL && is_routed_status (status))
    status = SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY;

  kec = &PICK (demo->rng, kecamatans);
  memset (&fill, 0, sizeof fill);
  fill.kec = kec->name;
  fill.desa = PICK (demo->rng, kec->desa);
  fill.jalan = PICK (demo->rng, streets);
  fill.lama = PICK (demo->rng, durations);
  g_snprintf (fill.sekolah, sizeof fill.sekolah, "SD Negeri %u %s",
              1 + pick (demo->rng, 4), fill.desa);
  g_snprintf (fill.puskesmas, sizeof fill.puskesmas, "Puskesmas %s", kec->name);

  if (topic->owner == NULL)
    owner = demo->diskominfo;
  else if (g_str_equal (topic->owner, OWNER_KECAMATAN))
    owner = demo->kecamatan_opd[kec - kecamatans];
  else
    {
      for (guint i = 0; i < N_OPDS; i++)
        if (g_str_equal (opd_infos[i].code, topic->owner))
          owner = i;
    }
  owner_id = demo->opds[owner].id;
  owner_admin = demo->opds[owner].admin_id;
  fill.opd = opd_infos[owner].name;
  fill.singkat = opd_infos[owner].short_name;

  if (spec->channel >= 0)
    channel = spec->channel;
  else
    channel = pick_weighted (demo->rng, channel_weights, G_N_ELEMENTS (channel_weights));

  kind = topic->kind;

  if (spec->public_issue >= 0)
    public_issue = spec->public_issue;
  else
    public_issue = pick (demo->rng, 100) < topic->public_issue_pct;
  if (status == SIGAP_COMPLAINT_STATUS_RECEIVED || status == SIGAP_COMPLAINT_STATUS_REJECTED)
    public_issue = FALSE;

  if (spec->late >= 0)
    late = spec->late;
  else
    late = chance (demo->rng, 0.18);

  switch (kind)
    {
    case SIGAP_COMPLAINT_KIND_INFORMATION: sla = 3; break;
    case SIGAP_COMPLAINT_KIND_ASPIRATION: sla = 10; break;
    case SIGAP_COMPLAINT_KIND_COMPLAINT:
    default: sla = 5; break;
    }
  if (public_issue)
    sla = 2;
  due_at = add_working_days (received_at, sla);

  sigap_complaint_set_id (complaint, id);
  sigap_complaint_set_channel (complaint, channel);
  sigap_complaint_set_kind (complaint, kind);
  sigap_complaint_set_category (complaint, topic->category);
  sigap_complaint_set_kecamatan (complaint, kec->name);
  sigap_complaint_set_desa (complaint, fill.desa);
  set_citizen (demo, complaint, channel, owner);

  {
    const char *body;
    guint n_bodies = 0;

    while (n_bodies < G_N_ELEMENTS (topic->bodies) && topic->bodies[n_bodies] != NULL)
      n_bodies++;
    body = topic->bodies[pick (demo->rng, n_bodies)];
    g_string_truncate (demo->text, 0);
    expand (demo->text, body, &fill);
    sigap_complaint_set_body (complaint, demo->text->str);
  }

  /* The timeline. Notes are expanded into one buffer; events keep offsets
   * until the buffer stops growing. */
  g_string_truncate (notes, 0);
#define NOTE(tpl) \
  G_STMT_START { \
    note_offsets[n_events] = notes->len; \
    expand (notes, (tpl), &fill); \
    g_string_append_c (notes, '\0'); \
  } G_STMT_END

  t = received_at;
  NOTE (created_note (channel));
  add_event (events, &n_events, "created", demo->verifikator_id, NULL,
             SIGAP_COMPLAINT_STATUS_RECEIVED, SIGAP_COMPLAINT_STATUS_RECEIVED,
             diskominfo_id, t);

  if (status == SIGAP_COMPLAINT_STATUS_REJECTED)
    {
      t += hours (demo, 0.5, 20);
      NOTE (PICK (demo->rng, reject_notes));
      add_event (events, &n_events, "rejected", demo->verifikator_id, NULL,
                 SIGAP_COMPLAINT_STATUS_RECEIVED, SIGAP_COMPLAINT_STATUS_REJECTED,
                 diskominfo_id, t);
    }
  else if (status != SIGAP_COMPLAINT_STATUS_RECEIVED)
    {
      SigapComplaintStatus current = SIGAP_COMPLAINT_STATUS_VERIFIED;

      t += hours (demo, 0.25, 6);
      NOTE ("Aduan diverifikasi; identitas dan lokasi pelapor lengkap.");
      add_event (events, &n_events, "verified", demo->verifikator_id, NULL,
                 SIGAP_COMPLAINT_STATUS_RECEIVED, SIGAP_COMPLAINT_STATUS_VERIFIED,
                 diskominfo_id, t);

      if (public_issue)
        {
          t += hours (demo, 0.1, 1);
          NOTE ("Ditandai sebagai isu publik yang cepat menyebar; diteruskan ke TRC.");
          add_event (events, &n_events, "escalated", demo->verifikator_id, NULL,
                     current, current, diskominfo_id, t);
          t += hours (demo, 0.5, 4);
          NOTE ("TRC memantau perbincangan di media sosial dan menyiapkan bahan klarifikasi "
                "bersama {singkat}.");
          add_event (events, &n_events, "note", demo->trc_id, NULL,
                     current, current, diskominfo_id, t);
        }

      if (status == SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY && topic->owner == NULL)
        {
          t += hours (demo, 1, 24);
          NOTE (topic->progress);
          add_event (events, &n_events, "not-our-authority", demo->verifikator_id, NULL,
                     current, SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY, diskominfo_id, t);
        }
      else if (status != SIGAP_COMPLAINT_STATUS_VERIFIED)
        {
          t += hours (demo, 0.5, 24);
          NOTE ("Diteruskan ke {opd} untuk ditindaklanjuti.");
          add_event (events, &n_events, "routed", demo->verifikator_id, NULL,
                     current, SIGAP_COMPLAINT_STATUS_ROUTED, owner_id, t);
          current = SIGAP_COMPLAINT_STATUS_ROUTED;

          if (status == SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY)
            {
              t += hours (demo, 2, 48);
              NOTE ("Bukan kewenangan {singkat}. Mohon dialihkan ke perangkat daerah terkait.");
              add_event (events, &n_events, "not-our-authority", owner_admin, NULL,
                         current, SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY, diskominfo_id, t);
            }
          else if (status != SIGAP_COMPLAINT_STATUS_ROUTED)
            {
              t += hours (demo, 1, 60);
              NOTE (topic->progress);
              add_event (events, &n_events, "in-progress", owner_admin, NULL,
                         current, SIGAP_COMPLAINT_STATUS_IN_PROGRESS, owner_id, t);
              current = SIGAP_COMPLAINT_STATUS_IN_PROGRESS;

              if (channel <= SIGAP_CHANNEL_TIKTOK && chance (demo->rng, 0.5))
                {
                  t += hours (demo, 0.2, 6);
                  NOTE (PICK (demo->rng, reply_notes));
                  add_event (events, &n_events, "answered", owner_admin, NULL,
                             current, current, owner_id, t);
                }

              if (status == SIGAP_COMPLAINT_STATUS_RESOLVED ||
                  status == SIGAP_COMPLAINT_STATUS_ARCHIVED)
                {
                  if (late)
                    t = MAX (t, due_at) + hours (demo, 2, 120);
                  else if (due_at > t)
                    t += (gint64) (g_rand_double (demo->rng) * (due_at - t));
                  else
                    t += hours (demo, 1, 24);
                  NOTE (topic->resolution);
                  add_event (events, &n_events, "resolved", owner_admin, NULL,
                             current, SIGAP_COMPLAINT_STATUS_RESOLVED, owner_id, t);
                  current = SIGAP_COMPLAINT_STATUS_RESOLVED;

                  if (status == SIGAP_COMPLAINT_STATUS_ARCHIVED)
                    {
                      t += hours (demo, 7 * 24, 21 * 24);
                      NOTE ("Diarsipkan setelah tidak ada tanggapan lanjutan dari pelapor.");
                      add_event (events, &n_events, "archived", demo->verifikator_id, NULL,
                                 current, SIGAP_COMPLAINT_STATUS_ARCHIVED, owner_id, t);
                    }
                }
            }
        }
    }
#undef NOTE

  /* Squeeze a timeline that would run past now into the time there was,
   * keeping every event at least a second after the one before. */
  if (events[n_events - 1].at >= demo->now)
    {
      double room = (double) (demo->now - MINUTE - received_at) *
                    (0.7 + 0.3 * g_rand_double (demo->rng));
      double span = (double) (events[n_events - 1].at - received_at);

      for (guint i = 1; i < n_events; i++)
        events[i].at = received_at + (gint64) ((events[i].at - received_at) * (room / span));
    }
  for (guint i = 1; i < n_events; i++)
    events[i].at = MAX (events[i].at, events[i - 1].at + 1);

  for (guint i = 0; i < n_events; i++)
    {
      events[i].note = notes->str + note_offsets[i];
      if (events[i].to == SIGAP_COMPLAINT_STATUS_RESOLVED)
        resolved_at = events[i].at;
    }

  sigap_complaint_set_status (complaint, status);
  sigap_complaint_set_public_issue (complaint, public_issue);
  sigap_complaint_set_received_at (complaint, received_at);
  sigap_complaint_set_due_at (complaint, due_at);
  sigap_complaint_set_resolved_at (complaint, resolved_at);
  sigap_complaint_set_opd_id (complaint, events[n_events - 1].opd_id);
  if (status == SIGAP_COMPLAINT_STATUS_IN_PROGRESS ||
      status == SIGAP_COMPLAINT_STATUS_RESOLVED ||
      status == SIGAP_COMPLAINT_STATUS_ARCHIVED)
    sigap_complaint_set_assignee_id (complaint, owner_admin);

  if (!sigap_store_insert_complaint (demo->store, complaint, error))
    return FALSE;

  for (guint i = 0; i < n_events; i++)
    {
      g_autoptr(SigapComplaintEvent) event = sigap_complaint_event_new ();
      char event_id[UUID_LEN];

      make_uuid (demo->rng, event_id);
      sigap_complaint_event_set_id (event, event_id);
      sigap_complaint_event_set_complaint_id (event, id);
      sigap_complaint_event_set_action (event, events[i].action);
      sigap_complaint_event_set_actor_id (event, events[i].actor_id);
      sigap_complaint_event_set_note (event, events[i].note);
      sigap_complaint_event_set_from_status (event, events[i].from);
      sigap_complaint_event_set_to_status (event, events[i].to);
      sigap_complaint_event_set_opd_id (event, events[i].opd_id);
      sigap_complaint_event_set_created_at (event, events[i].at);

      if (!sigap_store_add_complaint_event (demo->store, event, error))
        return FALSE;
    }

  /* Figures for the monthly reports of the OPD that holds it now. */
  {
    guint holder = owner_id == events[n_events - 1].opd_id ? owner : demo->diskominfo;

    month = report_month (demo, received_at);
    if (month >= 0)
      demo->tallies[holder][month].received++;
    month = report_month (demo, resolved_at);
    if (resolved_at != 0 && month >= 0)
      {
        demo->tallies[holder][month].resolved++;
        if (resolved_at > due_at)
          demo->tallies[holder][month].late++;
      }
  }

  return TRUE;
}

static guint
find_topic (const char *category,
            const char *owner)
{
  for (guint i = 0; i < N_TOPICS; i++)
    if (g_str_equal (topics[i].category, category) &&
        g_strcmp0 (topics[i].owner, owner) == 0)
      return i;

  g_assert_not_reached ();
}

static gboolean
seed_complaints (Demo    *demo,
                 guint    n_complaints,
                 GError **error)
{
  /* The first eight show every status, channel and kind; the next ones
   * fill dinkes' inbox, some of them late. */
  static const struct { gint8 status; double age_days; } coverage[] = {
    { SIGAP_COMPLAINT_STATUS_RECEIVED, 0.2 },
    { SIGAP_COMPLAINT_STATUS_VERIFIED, 0.5 },
    { SIGAP_COMPLAINT_STATUS_ROUTED, 1.5 },
    { SIGAP_COMPLAINT_STATUS_IN_PROGRESS, 4 },
    { SIGAP_COMPLAINT_STATUS_RESOLVED, 12 },
    { SIGAP_COMPLAINT_STATUS_NOT_OUR_AUTHORITY, 6 },
    { SIGAP_COMPLAINT_STATUS_REJECTED, 3 },
    { SIGAP_COMPLAINT_STATUS_ARCHIVED, 45 },
  };
  static const struct {
    const char *category;
    gint8 status;
    double age_days;
    gint8 late;
    gint8 public_issue;
  } dinkes_complaints[] = {
    { "Layanan Kesehatan", SIGAP_COMPLAINT_STATUS_ROUTED, 0.6, 0, 0 },
    { "Jaminan Kesehatan", SIGAP_COMPLAINT_STATUS_IN_PROGRESS, 2.5, 0, 0 },
    { "Kesehatan Lingkungan", SIGAP_COMPLAINT_STATUS_IN_PROGRESS, 1.2, 0, 1 },
    { "Layanan Kesehatan", SIGAP_COMPLAINT_STATUS_RESOLVED, 9, 0, 0 },
    { "Jaminan Kesehatan", SIGAP_COMPLAINT_STATUS_ROUTED, 18, 0, 0 },
    { "Layanan Kesehatan", SIGAP_COMPLAINT_STATUS_IN_PROGRESS, 22, 0, 0 },
    { "Informasi Layanan", SIGAP_COMPLAINT_STATUS_IN_PROGRESS, 35, 0, 0 },
    { "Jaminan Kesehatan", SIGAP_COMPLAINT_STATUS_RESOLVED, 28, 1, 0 },
    { "Kesehatan Lingkungan", SIGAP_COMPLAINT_STATUS_ARCHIVED, 60, 0, 0 },
    { "Layanan Kesehatan", SIGAP_COMPLAINT_STATUS_ROUTED, 1.5, 0, 0 },
    { "Informasi Layanan", SIGAP_COMPLAINT_STATUS_RESOLVED, 3, 0, 0 },
    { "Layanan Kesehatan", SIGAP_COMPLAINT_STATUS_IN_PROGRESS, 5, 0, 0 },
  };
  g_autofree ComplaintSpec *specs = g_new0 (ComplaintSpec, MAX (n_complaints, 1));
  guint n_forced = 0;

  for (guint i = 0; i < n_complaints; i++)
    {
      ComplaintSpec *spec = &specs[i];
      double age;

      spec->index = i;
      spec->status = spec->channel = spec->kind = spec->late = spec->public_issue = -1;
      spec->topic = -1;

      if (i < G_N_ELEMENTS (coverage))
        {
          spec->status = coverage[i].status;
          spec->channel = i;
          spec->kind = i % 3;
          age = coverage[i].age_days;
          n_forced++;
        }
      else if (i - G_N_ELEMENTS (coverage) < G_N_ELEMENTS (dinkes_complaints))
        {
          guint j = i - G_N_ELEMENTS (coverage);

          spec->status = dinkes_complaints[j].status;
          spec->late = dinkes_complaints[j].late;
          spec->public_issue = dinkes_complaints[j].public_issue;
          spec->topic = find_topic (dinkes_complaints[j].category, "dinkes");
          age = dinkes_complaints[j].age_days;
          n_forced++;
        }
      else if (chance (demo->rng, 0.25))
        age = g_rand_double (demo->rng) * 10;
      else
        age = g_rand_double (demo->rng) * COMPLAINT_DAYS;

      spec->received_at = demo->now - (gint64) (age * DAY);
      if (n_forced > i)
        spec->received_at -= pick (demo->rng, 3 * HOUR);

      /* Few citizens write between midnight and 06:00. */
      if ((spec->received_at + WIB_OFFSET) % DAY < 6 * HOUR)
        spec->received_at -= 8 * HOUR;

      if (spec->received_at > demo->now - 30 * MINUTE)
        spec->received_at = demo->now - 30 * MINUTE - pick (demo->rng, 6 * HOUR);
    }

  /* Insert them oldest first, so tracking numbers follow time. */
  qsort (specs, n_complaints, sizeof *specs, compare_specs);

  for (guint i = 0; i < n_complaints; i++)
    if (!seed_complaint (demo, &specs[i], error))
      return FALSE;

  return TRUE;
}

/* }}} */

/* Reports {{{ */

static const char * const report_notes[] = {
  "Seluruh akun aktif; unggahan mengikuti kalender konten yang telah disusun.",
  "Unggahan bulan ini didominasi publikasi kegiatan dan informasi layanan.",
  "Aduan yang masuk melalui komentar sudah dijawab dan diteruskan ke bidang terkait.",
  "Jumlah pengikut Instagram naik setelah konten edukasi berbentuk video pendek.",
};

static gboolean
seed_reports (Demo    *demo,
              GError **error)
{
  /* draft, submitted, returned, accepted, none */
  static const guint weights[REPORT_MONTHS][5] = {
    { 30, 35, 5, 10, 20 },
    { 5, 25, 10, 60, 0 },
    { 0, 10, 5, 85, 0 },
  };
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (WIB_OFFSET);

  for (guint i = 0; i < N_OPDS; i++)
    {
      const OpdInfo *info = &opd_infos[i];
      guint followers_base = 800 + pick (demo->rng, 12000);
      char signer[96];
      char nip[24];

      if (g_str_equal (info->code, "dinkes") || g_str_equal (info->code, "rsud"))
        g_snprintf (signer, sizeof signer, "dr. %s %s, M.Kes.",
                    PICK (demo->rng, first_names), PICK (demo->rng, last_names));
      else
        g_snprintf (signer, sizeof signer, "%s %s, S.Sos., M.Si.",
                    PICK (demo->rng, first_names), PICK (demo->rng, last_names));
      g_snprintf (nip, sizeof nip, "19%02u%02u%02u20%02u%02u%u%03u",
                  65 + pick (demo->rng, 20), 1 + pick (demo->rng, 12), 1 + pick (demo->rng, 28),
                  pick (demo->rng, 15), 1 + pick (demo->rng, 12), 1 + pick (demo->rng, 2),
                  1 + pick (demo->rng, 20));

      for (int k = REPORT_MONTHS; k >= 1; k--)
        {
          const Tally *tally = &demo->tallies[i][k - 1];
          g_autoptr(SigapReport) report = NULL;
          g_autoptr(GDateTime) utc = NULL;
          g_autoptr(GDateTime) start = NULL;
          g_autoptr(GString) figures = g_string_new ("{\"uploads\":{");
          guint status_index;
          guint links = 0;
          char id[UUID_LEN];

          status_index = pick_weighted (demo->rng, weights[k - 1], 5);
          if (i == demo->dinkes)
            status_index = (k == 1) ? 0 : (k == 2) ? 2 : 3;
          if (status_index == 4)
            continue;

          make_uuid (demo->rng, id);
          utc = g_date_time_new_from_unix_utc (demo->month_starts[k]);
          start = g_date_time_to_timezone (utc, wib);

          for (guint p = 0; p < demo->opds[i].n_platforms; p++)
            {
              SigapPlatform platform = demo->opds[i].platforms[p];

              g_string_append_printf (figures, "%s\"%s\":%u", p ? "," : "",
                                      platform_nick (platform), tally->uploads[platform]);
              links += tally->uploads[platform];
            }
          g_string_append_printf (figures, "},\"links\":%u,\"followers\":{", links);
          for (guint p = 0; p < demo->opds[i].n_platforms; p++)
            {
              SigapPlatform platform = demo->opds[i].platforms[p];

              g_string_append_printf (figures, "%s\"%s\":%u", p ? "," : "",
                                      platform_nick (platform),
                                      followers_base / (p + 1) +
                                      (REPORT_MONTHS - k) * 40 + pick (demo->rng, 40));
            }
          g_string_append_printf (figures,
                                  "},\"complaints\":{\"received\":%u,\"resolved\":%u,"
                                  "\"late\":%u}}",
                                  tally->received, tally->resolved, tally->late);

          report = sigap_report_new ();
          sigap_report_set_id (report, id);
          sigap_report_set_opd_id (report, demo->opds[i].id);
          sigap_report_set_year (report, g_date_time_get_year (start));
          sigap_report_set_month (report, g_date_time_get_month (start));
          sigap_report_set_status (report, (SigapReportStatus) status_index);
          sigap_report_set_figures (report, figures->str);
          sigap_report_set_signer_name (report, signer);
          sigap_report_set_signer_nip (report, nip);

          if (status_index == SIGAP_REPORT_STATUS_DRAFT)
            sigap_report_set_notes (report, "Draf: rekap tautan unggahan belum lengkap.");
          else if (status_index == SIGAP_REPORT_STATUS_RETURNED)
            {
              sigap_report_set_notes (report, "Dikembalikan verifikator: tautan unggahan "
                                      "TikTok belum dilampirkan, mohon dilengkapi.");
              sigap_report_set_review_note (report, "Tautan unggahan TikTok belum "
                                            "dilampirkan, mohon dilengkapi.");
            }
          else
            sigap_report_set_notes (report, PICK (demo->rng, report_notes));

          if (status_index != SIGAP_REPORT_STATUS_DRAFT)
            {
              gint64 end = demo->month_starts[k - 1];
              gint64 submitted = end + (gint64) pick (demo->rng, 9) * DAY
                                 + (9 + pick (demo->rng, 6)) * HOUR;

              if (submitted >= demo->now)
                submitted = end + (demo->now - end) / 2;
              sigap_report_set_submitted_at (report, submitted);
            }

          if (!sigap_store_insert_report (demo->store, report, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* }}} */

/* Canned replies {{{ */

/* Every OPD starts with the replies shipped with Sigap ({opd} names it),
 * stored so that the demo's admins can change them. Without the shipped
 * file (a build run from elsewhere) the demo has none, as a new OPD. Last
 * of all the steps: its draws change nothing drawn before. */
static gboolean
seed_reply_templates (Demo    *demo,
                      GError **error)
{
  for (guint i = 0; i < N_OPDS; i++)
    {
      g_autoptr(GPtrArray) replies = NULL;
      g_autoptr(GError) local_error = NULL;

      replies = sigap_reply_template_read_shipped (demo->opds[i].id, &local_error);
      if (replies == NULL)
        {
          g_debug ("The demo has no canned replies: %s", local_error->message);
          return TRUE;
        }

      for (guint j = 0; j < replies->len; j++)
        {
          SigapReplyTemplate *reply = g_ptr_array_index (replies, j);
          char id[UUID_LEN];

          make_uuid (demo->rng, id);
          sigap_reply_template_set_id (reply, id);
          if (!sigap_store_insert_reply_template (demo->store, reply, error))
            return FALSE;
        }
    }

  return TRUE;
}

/* }}} */

static void
compute_month_starts (Demo *demo)
{
  g_autoptr(GTimeZone) wib = g_time_zone_new_offset (WIB_OFFSET);
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (demo->now);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, wib);
  g_autoptr(GDateTime) first = g_date_time_new (wib, g_date_time_get_year (local),
                                                g_date_time_get_month (local), 1, 0, 0, 0);

  for (int k = 0; k <= REPORT_MONTHS; k++)
    {
      g_autoptr(GDateTime) start = g_date_time_add_months (first, -k);

      demo->month_starts[k] = g_date_time_to_unix (start);
    }
}

/**
 * sigap_demo_has_user:
 * @username: a user name
 *
 * Whether sigap_demo_seed() creates a user called @username: an OPD code
 * (the OPD's admin), "verifikator", "trc" or "pimpinan". The users do not
 * depend on the seed.
 *
 * Returns: %TRUE if the demo regency has that user
 */
gboolean
sigap_demo_has_user (const char *username)
{
  g_return_val_if_fail (username != NULL, FALSE);

  if (g_str_equal (username, "verifikator") ||
      g_str_equal (username, "trc") ||
      g_str_equal (username, "pimpinan"))
    return TRUE;

  for (guint i = 0; i < N_OPDS; i++)
    if (g_str_equal (username, opd_infos[i].code))
      return TRUE;

  return FALSE;
}

/**
 * sigap_demo_seed:
 * @store: an empty #SigapStore
 * @options: (nullable): the seed, sizes and time to build around; %NULL
 *   or zero fields for the defaults
 * @error: return location for a #GError
 *
 * Fills @store with the demo regency, Kabupaten Sukamaju, in one
 * transaction: nothing is written if any insert fails.
 *
 * Returns: %TRUE on success
 */
gboolean
sigap_demo_seed (SigapStore              *store,
                 const SigapDemoOptions  *options,
                 GError                 **error)
{
  static const SigapDemoOptions defaults = { 0, DEFAULT_COMPLAINTS, DEFAULT_POSTS, 0 };
  g_autoptr(GDateTime) generated = NULL;
  g_autofree char *generated_at = NULL;
  g_autofree char *seed = NULL;
  Demo *demo;
  guint n_posts;
  guint n_complaints;
  gboolean ok = FALSE;

  g_return_val_if_fail (SIGAP_IS_STORE (store), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    options = &defaults;

  n_posts = options->posts ? options->posts : DEFAULT_POSTS;
  n_complaints = options->complaints ? options->complaints : DEFAULT_COMPLAINTS;

  demo = g_new0 (Demo, 1);
  demo->store = store;
  demo->rng = g_rand_new_with_seed (options->seed);
  demo->now = options->now;
  if (demo->now == 0)
    demo->now = wib_day_start (g_get_real_time () / G_USEC_PER_SEC);
  demo->today = wib_day_start (demo->now);
  demo->text = g_string_sized_new (1024);
  demo->text2 = g_string_sized_new (1024);
  compute_month_starts (demo);

  /* argon2id is slow on purpose: hash once for every demo user. */
  demo->password_hash = sigap_password_hash (SIGAP_DEMO_PASSWORD);
  if (demo->password_hash == NULL)
    {
      g_set_error_literal (error, SIGAP_STORE_ERROR, SIGAP_STORE_ERROR_FAILED,
                           _("Could not hash the demo password. Check that the computer has "
                             "enough free memory, then try again."));
      goto out;
    }

  if (!sigap_store_begin (store, error))
    goto out;

  seed = g_strdup_printf ("%u", options->seed);
  generated = g_date_time_new_from_unix_utc (demo->now);
  generated_at = g_date_time_format_iso8601 (generated);

  if (!seed_opds (demo, error) ||
      !seed_accounts (demo, error) ||
      !seed_users (demo, error) ||
      !seed_posts (demo, n_posts, error) ||
      !seed_complaints (demo, n_complaints, error) ||
      !seed_reports (demo, error) ||
      !seed_reply_templates (demo, error) ||
      !sigap_store_set_meta (store, "demo_seed", seed, error) ||
      !sigap_store_set_meta (store, "demo_generated_at", generated_at, error) ||
      !sigap_store_commit (store, error))
    {
      sigap_store_rollback (store);
      goto out;
    }

  ok = TRUE;

out:
  g_clear_pointer (&demo->password_hash, g_free);
  g_string_free (demo->text, TRUE);
  g_string_free (demo->text2, TRUE);
  g_rand_free (demo->rng);
  g_free (demo);

  return ok;
}
