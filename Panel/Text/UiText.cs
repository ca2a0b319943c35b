using Microsoft.AspNetCore.Http;

namespace MppSignage.Panel.Text;

/// <summary>
/// The panel's words, Indonesian first with English as the switch (cookie <c>mpp-lang</c>). One table,
/// so a missing translation shows up as the key in the page tests.
/// </summary>
public sealed class UiText
{
    /// <summary>The language cookie.</summary>
    public const string Cookie = "mpp-lang";

    private static readonly Dictionary<string, (string Id, string En)> Words = new(StringComparer.Ordinal)
    {
        ["app"] = ("Panel MPP", "MPP panel"),
        ["nav.status"] = ("Status", "Status"),
        ["nav.override"] = ("Buka/Tutup", "Open/Close"),
        ["nav.announcements"] = ("Pengumuman", "Announcements"),
        ["nav.screens"] = ("Layar", "Screens"),
        ["nav.schedule"] = ("Jadwal", "Schedule"),
        ["nav.history"] = ("Riwayat", "History"),
        ["nav.logout"] = ("Keluar", "Log out"),
        ["lang.switch"] = ("English", "Bahasa Indonesia"),
        ["login.title"] = ("Masuk", "Log in"),
        ["login.user"] = ("Nama pengguna", "User name"),
        ["login.password"] = ("Kata sandi", "Password"),
        ["login.submit"] = ("Masuk", "Log in"),
        ["login.wrong"] = ("Nama pengguna atau kata sandi salah.", "Wrong user name or password."),
        ["login.norole"] = ("Pengguna ini tidak boleh memakai panel (hanya staf dan admin).", "This user may not use the panel (staff and admins only)."),
        ["login.wait"] = ("Terlalu banyak percobaan. Coba lagi dalam {0} detik.", "Too many attempts. Try again in {0} seconds."),
        ["login.broker"] = ("Broker MQTT tidak dapat dihubungi; coba lagi sebentar lagi.", "The MQTT broker cannot be reached; try again shortly."),
        ["login.quota"] = ("Broker menolak sambungan baru pengguna ini: setiap sesi panel memakai satu sambungan MQTT milik pengguna itu, dihitung terhadap batas sambungan per pengguna (Mqtt:MaxConnectionsPerUser pada pengendali), dan batas itu sudah tercapai. Keluar dari sesi lain (perangkat atau tab lain) atau tunggu sesi lama berakhir. Broker: {0}", "The broker refused another connection of this user: each panel session holds one MQTT connection of its user, counted against the per-user connection limit (Mqtt:MaxConnectionsPerUser on the controller), and that limit is reached. Log out of another session (another device or tab) or wait for an old one to end. Broker: {0}"),
        ["login.refused"] = ("Broker menolak sambungan: {0}", "The broker refused the connection: {0}"),
        ["login.full"] = ("Terlalu banyak sesi aktif; coba lagi nanti.", "Too many active sessions; try again later."),
        ["login.expired"] = ("Sesi berakhir karena tidak aktif. Silakan masuk lagi.", "Your session ended after inactivity. Please log in again."),
        ["login.required"] = ("wajib diisi", "is required"),
        ["login.toolong"] = ("terlalu panjang (maks. {0} karakter)", "is too long (at most {0} characters)"),
        ["status.title"] = ("Status pintu", "Door status"),
        ["status.open"] = ("BUKA", "OPEN"),
        ["status.closed"] = ("TUTUP", "CLOSED"),
        ["status.unknown"] = ("Belum ada status dari pengendali", "No status from the controller yet"),
        ["status.phase"] = ("Fase", "Phase"),
        ["status.why"] = ("Alasan", "Why"),
        ["status.next"] = ("Perubahan berikutnya", "Next change"),
        ["status.relay"] = ("Relai", "Relay"),
        ["status.clock"] = ("Jam tersinkron", "Clock synchronised"),
        ["status.controller"] = ("Pengendali", "Controller"),
        ["status.today"] = ("Jam buka hari ini", "Today's hours"),
        ["status.updated"] = ("Diperbarui", "Updated"),
        ["phase.open"] = ("buka", "open"),
        ["phase.closing-soon"] = ("segera tutup", "closing soon"),
        ["phase.closed"] = ("tutup", "closed"),
        ["reason.regular"] = ("jadwal reguler", "regular schedule"),
        ["reason.holiday"] = ("hari libur", "holiday"),
        ["reason.special"] = ("periode khusus", "special period"),
        ["reason.closure"] = ("penutupan", "closure"),
        ["reason.override"] = ("diatur manual", "manual override"),
        ["reason.clock-unsynchronised"] = ("jam belum tersinkron", "clock not synchronised"),
        ["reason.schedule-unavailable"] = ("jadwal tidak tersedia", "schedule unavailable"),
        ["override.by"] = ("oleh {0}", "by {0}"),
        ["override.until"] = ("sampai {0}", "until {0}"),
        ["on"] = ("menyala", "on"),
        ["off"] = ("mati", "off"),
        ["yes"] = ("ya", "yes"),
        ["no"] = ("tidak", "no"),
        ["online"] = ("daring", "online"),
        ["offline"] = ("luring", "offline"),
        ["unknown"] = ("tidak diketahui", "unknown"),
        ["none"] = ("-", "-"),
        ["ovr.title"] = ("Buka atau tutup pintu", "Open or close the door"),
        ["ovr.state"] = ("Keadaan", "State"),
        ["ovr.open"] = ("Buka", "Open"),
        ["ovr.closed"] = ("Tutup", "Closed"),
        ["ovr.auto"] = ("Kembali otomatis (jadwal)", "Back to automatic (schedule)"),
        ["ovr.until"] = ("Sampai", "Until"),
        ["ovr.until.next"] = ("perubahan jadwal berikutnya", "the next scheduled change"),
        ["ovr.until.30"] = ("+30 menit", "+30 minutes"),
        ["ovr.until.60"] = ("+1 jam", "+1 hour"),
        ["ovr.until.120"] = ("+2 jam", "+2 hours"),
        ["ovr.until.time"] = ("jam hari ini:", "time today:"),
        ["ovr.reason"] = ("Alasan", "Reason"),
        ["ovr.review"] = ("Lanjut", "Continue"),
        ["ovr.confirm.q"] = ("Kirim perintah ini?", "Send this command?"),
        ["ovr.confirm"] = ("Ya, kirim", "Yes, send"),
        ["ovr.cancel"] = ("Batal", "Cancel"),
        ["ovr.ok"] = ("Diterima oleh pengendali.", "Accepted by the controller."),
        ["ovr.refused"] = ("Ditolak oleh pengendali: {0}", "Refused by the controller: {0}"),
        ["ovr.denied"] = ("Ditolak oleh broker: pengguna ini tidak berhak.", "Refused by the broker: this user has no right to do this."),
        ["ovr.timeout"] = ("Pengendali tidak menjawab (daring?).", "The controller did not answer (is it online?)."),
        ["ovr.broker"] = ("Tidak terhubung ke broker; coba lagi.", "Not connected to the broker; try again."),
        ["ovr.err.state"] = ("pilih buka, tutup atau otomatis", "choose open, closed or automatic"),
        ["ovr.err.until"] = ("pilih salah satu pilihan", "choose one of the options"),
        ["ovr.err.time"] = ("isi jam dengan format JJ:MM (misal 15:30)", "enter a time as HH:MM (e.g. 15:30)"),
        ["ovr.err.past"] = ("jam itu sudah lewat hari ini", "that time has already passed today"),
        ["ovr.summary.open"] = ("BUKA {0}", "OPEN {0}"),
        ["ovr.summary.closed"] = ("TUTUP {0}", "CLOSED {0}"),
        ["ovr.summary.auto"] = ("Kembali ke jadwal otomatis", "Back to the automatic schedule"),
        ["forbidden.title"] = ("Akses ditolak", "Access denied"),
        ["forbidden.text"] = ("Peran Anda tidak boleh membuka halaman ini.", "Your role may not open this page."),
        ["hist.title"] = ("Riwayat", "History"),
        ["hist.when"] = ("Waktu", "When"),
        ["hist.who"] = ("Siapa", "Who"),
        ["hist.what"] = ("Apa", "What"),
        ["hist.result"] = ("Hasil", "Result"),
        ["hist.older"] = ("Lebih lama", "Older"),
        ["hist.newest"] = ("Terbaru", "Newest"),
        ["hist.empty"] = ("Belum ada catatan.", "No entries yet."),
        ["ann.title"] = ("Pengumuman", "Announcements"),
        ["ann.none"] = ("Belum ada pengumuman.", "No announcements yet."),
        ["ann.new"] = ("Pengumuman baru", "New announcement"),
        ["ann.edit"] = ("Ubah", "Edit"),
        ["ann.delete"] = ("Hapus", "Delete"),
        ["ann.publish"] = ("Terbitkan", "Publish"),
        ["ann.preview"] = ("Pratinjau di layar", "Preview on a screen"),
        ["ann.noscreen"] = ("Tidak ada layar yang daring: pratinjau tidak tersedia.", "No screen is online: no preview available."),
        ["ann.ok"] = ("Pengumuman disimpan.", "Announcement saved."),
        ["ann.deleted"] = ("Pengumuman dihapus.", "Announcement deleted."),
        ["ann.caption"] = ("Keterangan QR (Indonesia, opsional)", "QR caption (Indonesian, optional)"),
        ["ann.caption.en"] = ("Keterangan QR (Inggris, opsional)", "QR caption (English, optional)"),
        ["ann.services"] = ("Daftar layanan (jenis services): satu isian per instansi", "Services directory (kind services): one entry per agency"),
        ["ann.services.hint"] = ("Isian yang kosong diabaikan. Tambah atau hapus isian tidak menerbitkan apa pun.", "Empty entries are ignored. Adding or removing an entry publishes nothing."),
        ["ann.svc.agency"] = ("Instansi", "Agency"),
        ["ann.svc.counter"] = ("Loket (opsional)", "Counter (optional)"),
        ["ann.svc.services"] = ("Layanan, satu per baris", "Services, one per line"),
        ["ann.svc.requirements"] = ("Syarat, satu per baris (opsional)", "Requirements, one per line (optional)"),
        ["ann.svc.add"] = ("Tambah instansi", "Add an agency"),
        ["ann.svc.remove"] = ("Hapus instansi ini", "Remove this agency"),
        ["ann.group.common"] = ("Pengumuman", "Announcement"),
        ["ann.kind.hint"] = ("Formulir hanya menampilkan isian untuk jenis yang dipilih.", "The form shows only the fields of the chosen kind."),
        ["ann.group.title"] = ("Judul", "Title"),
        ["ann.group.body"] = ("Isi", "Body"),
        ["ann.group.qr"] = ("Kode QR (wajib untuk jenis qr, opsional untuk text dan image)", "QR code (required for kind qr, optional for text and image)"),
        ["ann.group.showing"] = ("Kapan dan di layar mana", "When and on which screens"),
        ["ann.group.preview"] = ("Pratinjau dan terbitkan", "Preview and publish"),
        ["ann.poster"] = ("Poster (jenis image)", "Poster (kind image)"),
        ["ann.poster.file"] = ("Berkas gambar (JPEG, PNG, WebP, GIF)", "Image file (JPEG, PNG, WebP, GIF)"),
        ["ann.poster.hint"] = ("Paling besar {0}. Diunggah ke pengendali saat Anda menekan Pratinjau atau Terbitkan; judul dan isi menjadi keterangan (opsional).", "At most {0}. Uploaded to the controller when you press Preview or Publish; title and body become its caption (optional)."),
        ["ann.poster.required"] = ("pilih berkas gambar untuk poster", "choose an image file for the poster"),
        ["ann.poster.toolarge"] = ("berkas {0} terlalu besar; paling besar {1} (ekspor lebih kecil)", "the file is {0}; at most {1} (export it smaller)"),
        ["ann.poster.uploaded"] = ("Poster {0} diunggah: {1}×{2}, {3}.", "Poster {0} uploaded: {1}×{2}, {3}."),
        ["ann.poster.kept"] = ("Poster sudah diunggah ({0}…); pilih berkas lain untuk menggantinya.", "Poster already uploaded ({0}…); choose another file to replace it."),
        ["ann.poster.fit"] = ("Penempatan", "Fit"),
        ["ann.poster.contain"] = ("utuh (contain)", "whole (contain)"),
        ["ann.poster.cover"] = ("penuh layar, dipotong (cover)", "fill the screen, cropped (cover)"),
        ["ann.poster.background"] = ("Latar: auto, theme atau #RRGGBB", "Background: auto, theme or #RRGGBB"),
        ["ann.preview.screen"] = ("Layar untuk pratinjau", "Screen for the preview"),
        ["ann.preview.auto"] = ("otomatis (layar pengumuman ini, atau layar daring pertama)", "automatic (this announcement's screen, or the first online one)"),
        ["ann.preview.chosen"] = ("dipilih oleh Anda", "chosen by you"),
        ["ann.preview.own"] = ("salah satu layar pengumuman ini", "one of this announcement's screens"),
        ["ann.preview.any"] = ("dipilih otomatis: layar daring pertama", "chosen automatically: the first online screen"),
        ["ann.preview.fallback"] = ("tidak ada layar pengumuman ini yang daring; dipakai layar daring pertama", "none of this announcement's screens is online; the first online screen drew it"),
        ["ann.preview.offline"] = ("layar {0} tidak daring; pilih layar lain", "screen {0} is not online; choose another"),
        ["scr.title"] = ("Layar", "Screens"),
        ["scr.none"] = ("Belum ada layar yang melapor.", "No screen has reported yet."),
        ["scr.shot"] = ("Ambil tangkapan layar", "Take a screenshot"),
        ["scr.size"] = ("Ukuran", "Size"),
    };

    /// <summary>Reads the language of the request (default Indonesian).</summary>
    public UiText(IHttpContextAccessor accessor)
        : this(accessor.HttpContext?.Request.Cookies[Cookie] == "en")
    {
    }

    /// <summary>For tests and the SSE writer.</summary>
    public UiText(bool english) => English = english;

    /// <summary>True when the page is in English.</summary>
    public bool English { get; }

    /// <summary>The HTML <c>lang</c>.</summary>
    public string Lang => English ? "en" : "id";

    /// <summary>The word for <paramref name="key"/>; the key itself when unknown.</summary>
    public string this[string key] => Words.TryGetValue(key, out var w) ? English ? w.En : w.Id : key;

    /// <summary>The word with placeholders filled.</summary>
    public string Format(string key, params object?[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, this[key], args);

    /// <summary>What a page shows for a command's answer: <paramref name="ok"/> when accepted, the controller's refusal with its field, or the problem (no answer).</summary>
    public string? Outcome(Shared.Control.CommandResult? result, string? problem, string? ok) => result switch
    {
        { Ok: true } => ok,
        { } r => Format("ovr.refused", r.Field is null ? r.Error : $"{r.Field}: {r.Error}"),
        null => this["ovr." + (problem ?? "timeout")],
    };

    /// <summary>True when <paramref name="key"/> has a translation.</summary>
    public static bool Has(string key) => Words.ContainsKey(key);
}
