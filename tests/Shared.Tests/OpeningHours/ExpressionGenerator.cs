using System.Text;

namespace MppSignage.Shared.Tests.OpeningHours;

/// <summary>
/// Seeded random opening_hours expressions of the required subset (weekdays, nth weekdays, PH, years, months,
/// month days, weeks, spans incl. past midnight, up to 48:00 and open ends, modifiers, comments and the three
/// rule separators). Some come out invalid on purpose (e.g. ',' after a date); both engines must then refuse.
/// </summary>
internal sealed class ExpressionGenerator
{
    private static readonly string[] Weekdays = ["Su", "Mo", "Tu", "We", "Th", "Fr", "Sa"];
    private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    private static readonly int[] MonthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    private static readonly string[] Comments = ["\"bersih-bersih\"", "\"Idul Fitri\"", "\"please call\"", "\"x\""];

    private readonly Random _r;

    public ExpressionGenerator(int seed) => _r = new Random(seed);

    /// <summary>
    /// When false, no open ends and no modifier after a comment: with those the reference's state is not a plain
    /// function of the minute (an open end looks one minute back; '"x" open' is open with the unknown flag), so its
    /// next change can skip a minute where the state differs.
    /// </summary>
    public bool Quirks { get; init; } = true;

    public string Next()
    {
        var sb = new StringBuilder();
        int rules = 1 + _r.Next(3);
        for (int i = 0; i < rules; i++)
        {
            if (i > 0)
            {
                int s = _r.Next(100);
                sb.Append(s < 60 ? "; " : s < 85 ? ", " : " || ");
            }
            sb.Append(Rule());
        }
        return sb.ToString();
    }

    private bool P(double p) => _r.NextDouble() < p;

    private T Pick<T>(T[] items) => items[_r.Next(items.Length)];

    private string Rule()
    {
        var parts = new List<string>();
        if (P(0.35))
        {
            parts.Add(DatePart());
        }
        if (P(0.6))
        {
            parts.Add(WeekdayPart());
        }
        if (P(0.75))
        {
            parts.Add(TimePart());
        }
        if (P(0.25))
        {
            parts.Add(Pick(new[] { "open", "closed", "off", "unknown" }));
        }
        if (P(0.2))
        {
            parts.Add(Pick(Comments));
        }
        if (Quirks && P(0.03))
        {
            parts.Add(Pick(new[] { "open", "closed", "unknown" })); // a modifier after the comment
        }
        if (parts.Count == 0)
        {
            parts.Add(Pick(new[] { "off", "24/7", "Mo-Fr 08:00-14:00", "Mo-Fr 08:00-12:00" }));
        }
        return string.Join(" ", parts);
    }

    private string Two(int n) => n.ToString("00", System.Globalization.CultureInfo.InvariantCulture);

    private int Year() => 2011 + _r.Next(20);

    private string MonthDay(out int month)
    {
        month = _r.Next(12);
        int day = P(0.9) ? 1 + _r.Next(28) : 1 + _r.Next(MonthDays[month]);
        return Months[month] + " " + Two(day);
    }

    private string DatePart()
    {
        switch (_r.Next(16))
        {
            case 12:
                return _r.Next(2) == 0 ? $"{Year()}+" : $"{Year()}/{2 + _r.Next(3)}";
            case 13:
            {
                string md = MonthDay(out int m);
                return $"{md},{Two(1 + _r.Next(MonthDays[m]))}";
            }
            case 14:
            {
                int m = _r.Next(12);
                return $"{Months[m]} {Two(1 + _r.Next(10))}-{Two(15 + _r.Next(MonthDays[m] - 14))}/{2 + _r.Next(5)}";
            }
            case 15:
                return $"{Pick(Months)} {Pick(Weekdays)}[{Pick(new[] { "-1", "1", "2", "5" })}]";
            case 0:
                return Year().ToString(System.Globalization.CultureInfo.InvariantCulture);
            case 1:
            {
                int a = Year();
                return $"{a}-{a + 1 + _r.Next(5)}";
            }
            case 2:
                return Pick(Months);
            case 3:
                return $"{Pick(Months)}-{Pick(Months)}";
            case 4:
                return $"{Pick(Months)},{Pick(Months)}-{Pick(Months)}";
            case 5:
                return MonthDay(out _);
            case 6:
            {
                string md = MonthDay(out int m);
                int from = int.Parse(md[^2..], System.Globalization.CultureInfo.InvariantCulture);
                int to = Math.Min(MonthDays[m], from + _r.Next(10));
                return md + "-" + Two(to);
            }
            case 7:
                return $"{MonthDay(out _)}-{MonthDay(out _)}";
            case 8:
            {
                int y = Year();
                return $"{y} {MonthDay(out _)}-{y + _r.Next(3)} {MonthDay(out _)}";
            }
            case 9:
            {
                int a = 1 + _r.Next(52);
                int b = Math.Min(53, a + _r.Next(20));
                return _r.Next(3) switch
                {
                    0 => $"week {Two(a)}",
                    1 => $"week {Two(a)}-{Two(b)}",
                    _ => $"week {Two(a)}-{Two(Math.Max(b, a + 2))}/{2 + _r.Next(3)}",
                };
            }
            case 10:
                return $"week {Two(1 + _r.Next(53))},{Two(1 + _r.Next(53))}";
            default:
                return $"{Year()} {Pick(Months)}-{Pick(Months)}";
        }
    }

    private string WeekdayPart()
    {
        // PH is rarer than the rest: the reference is slow with it (it recomputes the year's holidays per call).
        switch (_r.Next(80))
        {
            case 0:
            case 9:
            case 10:
            case 11:
                return Pick(Weekdays);
            case 6:
                return "PH";
            case 7:
                return $"PH,{Pick(Weekdays)}";
            case 8:
                return _r.Next(2) == 0 ? $"{Pick(Weekdays)}-{Pick(Weekdays)},PH" : $"PH {Pick(Weekdays)}-{Pick(Weekdays)}";
            case < 50:
                return $"{Pick(Weekdays)}-{Pick(Weekdays)}";
            case < 60:
                return $"{Pick(Weekdays)},{Pick(Weekdays)},{Pick(Weekdays)}";
            case < 70:
                return $"{Pick(Weekdays)}[{Pick(new[] { "-1", "1", "2", "3", "4", "5", "-2" })}]";
            default:
                return $"{Pick(Weekdays)}[{Pick(new[] { "4,5", "1,3", "1-2", "-1,1" })}]";
        }
    }

    private string Time(int minutes) => $"{Two(minutes / 60)}:{Two(minutes % 60)}";

    private int Minute() => P(0.7) ? _r.Next(48) * 30 : _r.Next(1440);

    private string TimePart()
    {
        if (P(0.05))
        {
            return "24/7";
        }
        int spans = P(0.7) ? 1 : 2 + _r.Next(2);
        var list = new List<string>();
        for (int i = 0; i < spans; i++)
        {
            list.Add(Span());
        }
        return string.Join(",", list);
    }

    private string Span()
    {
        int k = _r.Next(100);
        int from = Minute();
        if (Quirks && k < 8)
        {
            return Time(from) + "+";
        }
        if (Quirks && k < 12)
        {
            return $"{Time(from)}-{Time(Minute())}+";
        }
        if (k < 14)
        {
            return $"{Two(_r.Next(24))}-{Two(_r.Next(25))}"; // hours only, accepted by the reference
        }
        if (k < 20)
        {
            return $"{Time(from)}-{Time(Minute())}"; // any order: may pass midnight
        }
        if (k < 27)
        {
            return $"{Time(from)}-{Time(1440 + _r.Next(1441))}"; // up to 48:00
        }
        if (k < 30)
        {
            return P(0.5) ? "00:00-24:00" : $"{Time(from)}-24:00";
        }
        int to = Math.Min(1440, from + 30 + _r.Next(600));
        return $"{Time(from)}-{Time(to)}";
    }
}
