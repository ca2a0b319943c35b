using NodaTime;
using NodaTime.Text;

namespace MppSignage.Shared.Holidays;

/// <summary>
/// The official Indonesian table (national holidays and cuti bersama, 2024–2027, with the decree of
/// each row), embedded from <c>Shared/Data/holidays-id.csv</c> so the project stands on its own.
/// Replace or amend it in the schedule document when the government changes a date.
/// </summary>
public static class OfficialHolidays
{
    private const string ResourceName = "MppSignage.Shared.Data.holidays-id.csv";

    private static readonly Lazy<IReadOnlyList<Holiday>> Table = new(Load);

    /// <summary>Every row, in date order.</summary>
    public static IReadOnlyList<Holiday> All => Table.Value;

    /// <summary>The first year the table covers.</summary>
    public static int FirstYear => All[0].Date.Year;

    /// <summary>The last year the table covers.</summary>
    public static int LastYear => All[^1].Date.Year;

    /// <summary>Parses a table in the CSV format of <c>holidays-id.csv</c> (<c>date,kind,name,decree</c>).</summary>
    /// <exception cref="FormatException">A row is malformed (the message names the line).</exception>
    public static IReadOnlyList<Holiday> ParseCsv(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var list = new List<Holiday>();
        var lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (lineNumber == 1 || line.Length == 0)
            {
                continue; // header / trailing blank line
            }

            var fields = line.Split(',', 4);
            if (fields.Length < 3)
            {
                throw new FormatException($"holidays csv line {lineNumber}: expected date,kind,name,decree");
            }

            var date = LocalDatePattern.Iso.Parse(fields[0].Trim());
            if (!date.Success)
            {
                throw new FormatException($"holidays csv line {lineNumber}: '{fields[0]}' is not a date (YYYY-MM-DD)");
            }

            var kind = fields[1].Trim();
            if (!HolidayKinds.IsWellFormed(kind))
            {
                throw new FormatException($"holidays csv line {lineNumber}: '{kind}' is not a holiday kind");
            }

            var source = fields.Length > 3 && fields[3].Trim().Length > 0 ? fields[3].Trim() : null;
            list.Add(new Holiday(date.Value, kind, fields[2].Trim(), source));
        }

        list.Sort((a, b) => a.Date.CompareTo(b.Date));
        return list;
    }

    private static IReadOnlyList<Holiday> Load()
    {
        using var stream = typeof(OfficialHolidays).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing from the Shared assembly; the build is broken.");
        using var reader = new StreamReader(stream);
        return ParseCsv(reader);
    }
}
