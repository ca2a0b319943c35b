namespace MppSignage.Shared.Wording;

/// <summary>
/// Our own day/month tables. CultureInfo("id-ID") is not used on purpose: it needs ICU, which may be
/// absent (invariant globalization) on the Pi image, and its Indonesian forms differ between ICU
/// versions ("Jumat" vs "Jum'at").
/// </summary>
internal sealed class WordTables
{
    /// <summary>Indonesian (Pedoman Umum Ejaan Bahasa Indonesia spellings).</summary>
    public static readonly WordTables Indonesian = new()
    {
        // Index 0 = Monday, as IsoDayOfWeek 1..7.
        Days = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"],
        ShortDays = ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"],
        Months = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"],
        ShortMonths = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"],
        TimeSeparator = '.',
        Closed = "tutup",
        Open = "buka",
        StateOpen = "Buka",
        StateClosed = "Tutup",
        StateUnknown = "Belum pasti",
        At = "pukul",
        OpensAgain = "Buka kembali",
        ClosesAt = "Tutup pukul",
        OpensAt = "Buka pukul",
        Today = "hari ini",
        Tomorrow = "besok",
        Minute = "menit",
        Minutes = "menit",
        Hour = "jam",
        Hours = "jam",
        Day = "hari",
        DaysWord = "hari",
        ShortMinute = "mnt",
        ShortHour = "j",
        ShortDay = "h",
        LeftPrefix = "",
        LeftSuffix = " lagi",
        Now = "sekarang",
    };

    /// <summary>English (day-month-year order, as used in Indonesia).</summary>
    public static readonly WordTables English = new()
    {
        Days = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"],
        ShortDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
        Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
        ShortMonths = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
        TimeSeparator = ':',
        Closed = "closed",
        Open = "open",
        StateOpen = "Open",
        StateClosed = "Closed",
        StateUnknown = "Not certain",
        At = "at",
        OpensAgain = "Open again",
        ClosesAt = "Closes at",
        OpensAt = "Opens at",
        Today = "today",
        Tomorrow = "tomorrow",
        Minute = "minute",
        Minutes = "minutes",
        Hour = "hour",
        Hours = "hours",
        Day = "day",
        DaysWord = "days",
        ShortMinute = "min",
        ShortHour = "h",
        ShortDay = "d",
        LeftPrefix = "in ",
        LeftSuffix = "",
        Now = "now",
    };

    public required string[] Days { get; init; }
    public required string[] ShortDays { get; init; }
    public required string[] Months { get; init; }
    public required string[] ShortMonths { get; init; }
    public required char TimeSeparator { get; init; }
    public required string Closed { get; init; }
    public required string Open { get; init; }
    public required string StateOpen { get; init; }
    public required string StateClosed { get; init; }
    public required string StateUnknown { get; init; }
    public required string At { get; init; }
    public required string OpensAgain { get; init; }
    public required string ClosesAt { get; init; }
    public required string OpensAt { get; init; }
    public required string Today { get; init; }
    public required string Tomorrow { get; init; }
    public required string Minute { get; init; }
    public required string Minutes { get; init; }
    public required string Hour { get; init; }
    public required string Hours { get; init; }
    public required string Day { get; init; }
    public required string DaysWord { get; init; }
    public required string ShortMinute { get; init; }
    public required string ShortHour { get; init; }
    public required string ShortDay { get; init; }
    public required string LeftPrefix { get; init; }
    public required string LeftSuffix { get; init; }
    public required string Now { get; init; }
}
