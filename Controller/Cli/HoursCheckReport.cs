using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Schedule;
using MppSignage.Shared.Wording;
using NodaTime;

namespace MppSignage.Controller.Cli;

/// <summary>The Indonesian report of <c>hours check</c> for a valid schedule.</summary>
internal static class HoursCheckReport
{
    public const int ChangeCount = 10;

    public static void Write(TextWriter output, string path, Schedule schedule, Instant now)
    {
        var words = Phrasebook.Indonesian(schedule.Zone);
        var today = now.InZone(schedule.Zone).Date;
        var closing = schedule.Holidays.All.Count(h => schedule.HolidayPolicy.Closes(h.Kind));

        output.WriteLine($"{path}: valid");
        output.WriteLine($"  Zona waktu: {schedule.Zone.Id} ({words.ZoneAbbreviation(now)})");
        output.WriteLine($"  Versi jam layanan: {schedule.Versions.Count}; hari libur: {schedule.Holidays.All.Count} ({closing} menutup layanan: {string.Join(", ", schedule.HolidayPolicy.CloseOn)}); periode khusus: {schedule.SpecialPeriods.Count}; penutupan/hari khusus: {schedule.Closures.Count}");
        foreach (var warning in Warnings(schedule, today))
        {
            output.WriteLine($"  Peringatan: {warning}");
        }

        output.WriteLine();
        var version = schedule.VersionAt(today);
        if (version is null)
        {
            output.WriteLine($"Tidak ada versi jam layanan yang berlaku pada {words.Date(today)}.");
        }
        else
        {
            output.WriteLine($"Jam layanan reguler sejak {words.Date(version.From)} ({version.Source}):");
            foreach (var line in words.WeekSummary(schedule.RegularWeek(today).Select(d => d.ToDayHours())))
            {
                output.WriteLine($"  {line}");
            }
        }

        foreach (var future in schedule.Versions.Where(v => v.From > today))
        {
            output.WriteLine();
            output.WriteLine($"Mulai {words.Date(future.From)} ({future.Source}):");
            foreach (var line in words.WeekSummary(schedule.RegularWeek(FirstFullWeek(future.From)).Select(d => d.ToDayHours())))
            {
                output.WriteLine($"  {line}");
            }
        }

        output.WriteLine();
        output.WriteLine($"7 hari mulai {words.Date(today)}:");
        foreach (var day in schedule.Days(today, 7))
        {
            output.WriteLine($"  {words.DayLine(day.ToDayHours())}");
        }

        output.WriteLine();
        var changes = schedule.NextChanges(now, ChangeCount);
        output.WriteLine($"{changes.Count} perubahan berikutnya setelah {words.DateTime(now)}:");
        foreach (var c in changes)
        {
            output.WriteLine($"  {words.DateTime(c.At)}: {Describe(c)}");
        }

        if (changes.Count == 0)
        {
            output.WriteLine("  (tidak ada perubahan dalam 5 tahun)");
        }
    }

    /// <summary>The Monday on or after <paramref name="date"/>: its week lies wholly in a version starting on <paramref name="date"/>.</summary>
    private static LocalDate FirstFullWeek(LocalDate date) => date.PlusDays((8 - (int)date.DayOfWeek) % 7);

    private static string Describe(ScheduleChange c)
    {
        var state = c.State switch
        {
            OpeningState.Open => "buka",
            OpeningState.Closed => "tutup",
            _ => "belum pasti",
        };
        var reason = c.Reason switch
        {
            ScheduleReason.Holiday => "libur",
            ScheduleReason.Special => "khusus",
            ScheduleReason.Closure => "penutupan",
            _ => null,
        };
        var text = state;
        if (reason is not null)
        {
            text += $", {reason}" + (c.Name is null ? string.Empty : $": {c.Name}");
        }

        if (c.Comment is not null)
        {
            text += $" \"{c.Comment}\"";
        }

        return text;
    }

    private static IEnumerable<string> Warnings(Schedule schedule, LocalDate today)
    {
        var all = schedule.Holidays.All;
        var lastYear = all.Count == 0 ? (int?)null : all[^1].Date.Year;
        if (lastYear is null)
        {
            yield return "tidak ada hari libur; hari libur nasional tidak akan menutup layanan";
        }
        else if (lastYear < today.Year + 1)
        {
            yield return $"tabel hari libur berakhir pada {lastYear}; tambahkan hari libur {today.Year + 1} (SKB 3 Menteri) di holidays.entries";
        }

        if (schedule.Versions.Count > 0 && today < schedule.Versions[0].From)
        {
            yield return $"versi pertama baru berlaku {schedule.Versions[0].From:uuuu-MM-dd}; sebelumnya layanan dianggap tutup";
        }
    }
}
