using System.Text;
using System.Text.Json;
using MppSignage.Shared.Holidays;
using MppSignage.Shared.OpeningHours;
using MppSignage.Shared.Wire;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Shared.Schedule;

/// <summary>
/// Loads and validates schedule documents (see <c>Shared/Schedule/README.md</c> for the format).
/// Never throws for bad input: every problem comes back with the JSON path of the field and the reason.
/// </summary>
public static class ScheduleLoader
{
    /// <summary>Problems listed at most for one document (then one line saying there are more).</summary>
    public const int MaxProblems = 100;

    /// <summary>Longest text field (name, reason, source, note, hours) in characters.</summary>
    public const int MaxTextLength = 1000;

    /// <summary>The zone used when the document names none.</summary>
    public const string DefaultTimeZone = "Asia/Jakarta";

    /// <summary>Documents larger than this are refused (a schedule is a few kilobytes).</summary>
    public const int MaxDocumentBytes = 4 * 1024 * 1024;

    // Years outside this range are almost always typos (0224, 2204) in a civic schedule.
    private const int MinYear = WireJson.MinYear;
    private const int MaxYear = WireJson.MaxYear;

    // Hand-edited files: comments and trailing commas are fine.
    private static readonly JsonInputRules DocumentRules = new(MaxDocumentBytes, "document", Lenient: true);

    private static readonly string[] RootFields = ["$schema", "name", "note", "timeZone", "versions", "holidays", "specialPeriods", "closures"];
    private static readonly string[] VersionFields = ["from", "to", "hours", "source", "note"];
    private static readonly string[] HolidaysFields = ["includeDefault", "closeOn", "publicHolidayKinds", "localKinds", "remove", "entries", "note"];
    private static readonly string[] EntryFields = ["date", "kind", "name", "source", "note"];
    private static readonly string[] PeriodFields = ["name", "from", "to", "hours", "source", "note"];
    private static readonly string[] ClosureFields = ["date", "from", "to", "reason", "hours", "source", "note"];

    /// <summary>Reads and validates <paramref name="path"/>; a missing or unreadable file is a problem too.</summary>
    public static ScheduleLoadResult LoadFile(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return Fail("$", "no schedule file given");
        }

        string text;
        try
        {
            var info = new FileInfo(path);
            if (Directory.Exists(path))
            {
                return Fail("$", $"'{path}' is a directory, not a schedule file");
            }

            if (!info.Exists)
            {
                return Fail("$", $"file '{path}' not found");
            }

            if (info.Length > MaxDocumentBytes)
            {
                return Fail("$", $"file is {info.Length} bytes; a schedule document may be at most {MaxDocumentBytes} bytes");
            }

            text = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // Turned into a problem on purpose: a bad path must never reach the user as a stack trace.
            return Fail("$", $"cannot read '{path}': {ex.Message}");
        }

        return Parse(text);
    }

    /// <summary>Parses and validates a schedule document.</summary>
    public static ScheduleLoadResult Parse(string json)
    {
        if (json is null)
        {
            return Fail("$", "no document");
        }

        // A string is never shorter in UTF-8 than in characters: a too long one is refused before it is encoded.
        if (WireJson.CheckSize(json.Length, DocumentRules) is { } tooLarge)
        {
            return Fail(tooLarge.Path, tooLarge.Reason);
        }

        var found = new List<WireProblem>();
        var document = WireJson.Open(Encoding.UTF8.GetBytes(json), DocumentRules, found);
        var reader = new Reader();
        reader.Problems.AddRange(found.Select(p => new ScheduleProblem(p.Path, p.Reason)));
        if (document is null)
        {
            return new ScheduleLoadResult(null, reader.Problems);
        }

        using (document)
        {
            var schedule = reader.Read(document.RootElement);
            return reader.Problems.Count == 0 && schedule is not null
                ? new ScheduleLoadResult(schedule, [])
                : new ScheduleLoadResult(null, reader.Problems);
        }
    }

    private static ScheduleLoadResult Fail(string path, string reason) => new(null, [new ScheduleProblem(path, reason)]);

    /// <summary>One pass over a document, collecting problems instead of stopping at the first.</summary>
    private sealed class Reader
    {
        public List<ScheduleProblem> Problems { get; } = [];

        public Schedule? Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                Problem("$", $"expected a JSON object with timeZone, versions, holidays, specialPeriods, closures; got {Describe(root)}");
                return null;
            }

            var fields = Fields(root, null, RootFields);

            var zone = ReadZone(fields);
            var versions = ReadVersions(fields);
            var (policy, holidays) = ReadHolidays(fields);
            var periods = ReadPeriods(fields);
            var closures = ReadClosures(fields);

            if (Problems.Count > 0 || zone is null || policy is null || holidays is null)
            {
                return null;
            }

            var compact = Compact(root);
            return new Schedule(zone, versions, policy, holidays, periods, closures, compact);
        }

        private DateTimeZone? ReadZone(Dictionary<string, JsonElement> fields)
        {
            if (!fields.TryGetValue("timeZone", out var el))
            {
                return DateTimeZoneProviders.Tzdb[DefaultTimeZone];
            }

            if (el.ValueKind != JsonValueKind.String)
            {
                Problem("timeZone", $"expected a tz database zone id such as \"Asia/Jakarta\"; got {Describe(el)}");
                return null;
            }

            var id = el.GetString()!;
            var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(id);
            if (zone is null)
            {
                Problem("timeZone", $"'{id}' is not a tz database zone id (Indonesia: Asia/Jakarta (WIB), Asia/Makassar (WITA), Asia/Jayapura (WIT))");
            }

            return zone;
        }

        private List<ScheduleVersion> ReadVersions(Dictionary<string, JsonElement> fields)
        {
            var result = new List<ScheduleVersion>();
            if (!fields.TryGetValue("versions", out var arr))
            {
                Problem("versions", "missing; give at least one version: [{\"from\": \"2024-07-01\", \"hours\": \"Mo-Th 08:00-14:00; Fr 08:00-11:00\", \"source\": \"SK …\"}]");
                return result;
            }

            if (!IsArray(arr, "versions", "a list of versions"))
            {
                return result;
            }

            if (arr.GetArrayLength() == 0)
            {
                Problem("versions", "empty; give at least one version of the regular hours");
                return result;
            }

            // Index in the document of each accepted version, for messages.
            var indices = new List<int>();
            var i = 0;
            foreach (var item in arr.EnumerateArray())
            {
                var path = $"versions[{i}]";
                if (IsObject(item, path, "a version {from, hours, source}"))
                {
                    var f = Fields(item, path, VersionFields);
                    var from = RequiredDate(f, path, "from");
                    var to = OptionalDate(f, path, "to");
                    var hours = RequiredHours(f, path, "hours");
                    var source = RequiredText(f, path, "source", "say which decree or decision sets these hours");
                    OptionalText(f, path, "note");
                    if (from is { } fr && to is { } t && t < fr)
                    {
                        Problem($"{path}.to", $"{Iso(t)} is before from {Iso(fr)}");
                    }
                    else if (from is { } fromOk && hours is { } h && source is not null)
                    {
                        result.Add(new ScheduleVersion(fromOk, to, h.Text, source, h.Expression));
                        indices.Add(i);
                    }
                }

                i++;
            }

            // Effective dating: each version starts after the previous one ends, in document order,
            // so a new decree is added at the end rather than edited over an old one.
            for (var k = 1; k < result.Count; k++)
            {
                var prev = result[k - 1];
                var cur = result[k];
                var prevPath = $"versions[{indices[k - 1]}]";
                var curPath = $"versions[{indices[k]}]";
                if (cur.From == prev.From)
                {
                    Problem($"{curPath}.from", $"overlapping version: {Iso(cur.From)} is also the start of {prevPath}; each version must start on a later date than the one before");
                }
                else if (cur.From < prev.From)
                {
                    Problem($"{curPath}.from", $"overlapping version: {Iso(cur.From)} is before {prevPath}.from {Iso(prev.From)}; list versions oldest first");
                }
                else if (prev.To is { } prevTo && prevTo >= cur.From)
                {
                    Problem($"{prevPath}.to", $"overlapping version: {Iso(prevTo)} is on or after {curPath}.from {Iso(cur.From)}");
                }
            }

            return result;
        }

        private (HolidayPolicy? Policy, HolidayCalendar? Calendar) ReadHolidays(Dictionary<string, JsonElement> fields)
        {
            var closeOn = new List<string> { HolidayKinds.LiburNasional, HolidayKinds.CutiBersama };
            var phKinds = new List<string> { HolidayKinds.LiburNasional };
            var localKinds = new List<string>();
            var includeDefault = true;
            var entries = new List<Holiday>();
            var removes = new List<(LocalDate Date, string Path)>();
            var ok = true;

            if (fields.TryGetValue("holidays", out var obj))
            {
                if (!IsObject(obj, "holidays", "an object {includeDefault, closeOn, localKinds, entries}"))
                {
                    return (null, null);
                }

                var f = Fields(obj, "holidays", HolidaysFields);
                OptionalText(f, "holidays", "note");
                if (f.TryGetValue("includeDefault", out var inc))
                {
                    if (inc.ValueKind is JsonValueKind.True or JsonValueKind.False)
                    {
                        includeDefault = inc.GetBoolean();
                    }
                    else
                    {
                        Problem("holidays.includeDefault", $"expected true or false; got {Describe(inc)}");
                        ok = false;
                    }
                }

                // Local kinds first: the other lists are checked against them.
                if (f.TryGetValue("localKinds", out var lk) && IsArray(lk, "holidays.localKinds", "a list of kind names"))
                {
                    var j = 0;
                    foreach (var k in lk.EnumerateArray())
                    {
                        var p = $"holidays.localKinds[{j++}]";
                        if (k.ValueKind != JsonValueKind.String)
                        {
                            Problem(p, $"expected a kind name such as \"hari-jadi-kota\"; got {Describe(k)}");
                            continue;
                        }

                        var name = k.GetString()!;
                        if (!HolidayKinds.IsWellFormed(name))
                        {
                            Problem(p, $"'{name}' is not a valid kind name: use lower-case letters, digits and '-', starting with a letter (^[a-z][a-z0-9-]*$)");
                        }
                        else if (HolidayKinds.IsBuiltIn(name))
                        {
                            Problem(p, $"'{name}' is built in; list only local kinds here");
                        }
                        else if (localKinds.Contains(name))
                        {
                            Problem(p, $"'{name}' is declared twice");
                        }
                        else
                        {
                            localKinds.Add(name);
                        }
                    }
                }

                if (f.TryGetValue("closeOn", out var co))
                {
                    closeOn = KindList(co, "holidays.closeOn", localKinds) ?? closeOn;
                }

                if (f.TryGetValue("publicHolidayKinds", out var ph))
                {
                    phKinds = KindList(ph, "holidays.publicHolidayKinds", localKinds) ?? phKinds;
                }

                if (f.TryGetValue("remove", out var rm) && IsArray(rm, "holidays.remove", "a list of dates to drop from the default table"))
                {
                    var j = 0;
                    foreach (var d in rm.EnumerateArray())
                    {
                        var p = $"holidays.remove[{j++}]";
                        if (DateValue(d, p) is { } date)
                        {
                            removes.Add((date, p));
                        }
                    }
                }

                if (f.TryGetValue("entries", out var en) && IsArray(en, "holidays.entries", "a list of {date, kind, name, source}"))
                {
                    var seen = new Dictionary<LocalDate, string>();
                    var j = 0;
                    foreach (var e in en.EnumerateArray())
                    {
                        var p = $"holidays.entries[{j++}]";
                        if (!IsObject(e, p, "a holiday {date, kind, name, source}"))
                        {
                            continue;
                        }

                        var ef = Fields(e, p, EntryFields);
                        var date = RequiredDate(ef, p, "date");
                        var kind = RequiredText(ef, p, "kind", $"one of {string.Join(", ", HolidayKinds.BuiltIn)} or a kind declared in holidays.localKinds");
                        var name = RequiredText(ef, p, "name", "say what the day is, e.g. \"Hari Jadi Kota Probolinggo\"");
                        var source = OptionalText(ef, p, "source");
                        OptionalText(ef, p, "note");
                        if (kind is not null && !IsKnownKind(kind, localKinds))
                        {
                            Problem($"{p}.kind", UnknownKind(kind, localKinds));
                            kind = null;
                        }

                        if (date is { } dt && seen.TryGetValue(dt, out var other))
                        {
                            Problem($"{p}.date", $"{Iso(dt)} is already given by {other}; one entry per date");
                        }
                        else if (date is { } dt2 && kind is not null && name is not null)
                        {
                            seen[dt2] = p;
                            entries.Add(new Holiday(dt2, kind, name, source));
                        }
                    }
                }
            }

            var table = new List<Holiday>();
            if (includeDefault)
            {
                var removeSet = new HashSet<LocalDate>();
                var official = OfficialHolidays.All;
                foreach (var (date, path) in removes)
                {
                    if (!official.Any(h => h.Date == date))
                    {
                        Problem(path, $"{Iso(date)} is not in the default table ({OfficialHolidays.FirstYear}-{OfficialHolidays.LastYear}); nothing to remove");
                    }

                    removeSet.Add(date);
                }

                table.AddRange(official.Where(h => !removeSet.Contains(h.Date)));
            }
            else if (removes.Count > 0)
            {
                Problem("holidays.remove", "only applies to the default table, but holidays.includeDefault is false");
            }

            // Entries come last so that they replace a default row of the same date (a moved or
            // re-classified day after an amendment), as HolidayCalendar keeps the last per date.
            table.AddRange(entries);
            if (!ok)
            {
                return (null, null);
            }

            var policy = new HolidayPolicy(closeOn, phKinds, includeDefault, localKinds);
            return (policy, new HolidayCalendar(table, phKinds));
        }

        private List<SpecialPeriod> ReadPeriods(Dictionary<string, JsonElement> fields)
        {
            var result = new List<(SpecialPeriod Period, string Path)>();
            if (fields.TryGetValue("specialPeriods", out var arr) && IsArray(arr, "specialPeriods", "a list of {name, from, to, hours}"))
            {
                var i = 0;
                foreach (var item in arr.EnumerateArray())
                {
                    var path = $"specialPeriods[{i++}]";
                    if (!IsObject(item, path, "a special period {name, from, to, hours}"))
                    {
                        continue;
                    }

                    var f = Fields(item, path, PeriodFields);
                    var name = RequiredText(f, path, "name", "say what the period is, e.g. \"Ramadan 1446 H\"");
                    var from = RequiredDate(f, path, "from");
                    var to = RequiredDate(f, path, "to");
                    var hours = RequiredHours(f, path, "hours");
                    var source = OptionalText(f, path, "source");
                    OptionalText(f, path, "note");
                    if (from is { } fr && to is { } t && t < fr)
                    {
                        Problem($"{path}.to", $"{Iso(t)} is before from {Iso(fr)}");
                    }
                    else if (name is not null && from is { } a && to is { } b && hours is { } h)
                    {
                        result.Add((new SpecialPeriod(name, a, b, h.Text, source, h.Expression), path));
                    }
                }
            }

            CheckNoOverlap(result, r => (r.Period.From, r.Period.To), r => r.Path, "special period");
            return result.Select(r => r.Period).OrderBy(p => p.From).ToList();
        }

        private List<Closure> ReadClosures(Dictionary<string, JsonElement> fields)
        {
            var result = new List<(Closure Closure, string Path)>();
            if (fields.TryGetValue("closures", out var arr) && IsArray(arr, "closures", "a list of {date or from/to, reason}"))
            {
                var i = 0;
                foreach (var item in arr.EnumerateArray())
                {
                    var path = $"closures[{i++}]";
                    if (!IsObject(item, path, "a closure {date, reason} or {from, to, reason}"))
                    {
                        continue;
                    }

                    var f = Fields(item, path, ClosureFields);
                    LocalDate? from = null, to = null;
                    var hasDate = f.ContainsKey("date");
                    var hasRange = f.ContainsKey("from") || f.ContainsKey("to");
                    if (hasDate && hasRange)
                    {
                        Problem(path, "give either date (one day) or from and to (a range), not both");
                    }
                    else if (hasDate)
                    {
                        from = to = RequiredDate(f, path, "date");
                    }
                    else if (hasRange)
                    {
                        from = RequiredDate(f, path, "from");
                        to = RequiredDate(f, path, "to");
                    }
                    else
                    {
                        Problem($"{path}.date", "missing; give date (one day) or from and to (a range)");
                    }

                    var reason = RequiredText(f, path, "reason", "say why, e.g. \"Pemadaman listrik PLN\"");
                    var source = OptionalText(f, path, "source");
                    OptionalText(f, path, "note");
                    (string Text, OpeningHoursExpression Expression)? hours = f.ContainsKey("hours") ? RequiredHours(f, path, "hours") : null;
                    var hoursOk = !f.ContainsKey("hours") || hours is not null;
                    if (from is { } fr && to is { } t && t < fr)
                    {
                        Problem($"{path}.to", $"{Iso(t)} is before from {Iso(fr)}");
                    }
                    else if (from is { } a && to is { } b && reason is not null && hoursOk)
                    {
                        result.Add((new Closure(a, b, reason, hours?.Text, source, hours?.Expression), path));
                    }
                }
            }

            CheckNoOverlap(result, r => (r.Closure.From, r.Closure.To), r => r.Path, "closure");
            return result.Select(r => r.Closure).OrderBy(c => c.From).ToList();
        }

        private void CheckNoOverlap<T>(List<T> items, Func<T, (LocalDate From, LocalDate To)> range, Func<T, string> path, string what)
        {
            // One sweep in start order (n log n, not the n² of comparing every pair): an item overlaps the
            // earlier ones exactly when it starts on or before the latest end seen so far, and it is reported
            // once, against the item with that end. A file of 100,000 identical closures costs a sort, not 5·10⁹ pairs.
            var order = Enumerable.Range(0, items.Count).OrderBy(i => range(items[i]).From).ToList();
            var reach = -1;
            foreach (var i in order)
            {
                var (from, to) = range(items[i]);
                if (reach >= 0)
                {
                    var (rf, rt) = range(items[reach]);
                    if (from <= rt)
                    {
                        Problem(path(items[i]), $"overlaps {path(items[reach])} ({Iso(rf)}..{Iso(rt)}); a day can belong to one {what} only");
                    }
                }

                if (reach < 0 || to > range(items[reach]).To)
                {
                    reach = i;
                }
            }
        }

        private List<string>? KindList(JsonElement el, string path, List<string> localKinds)
        {
            if (!IsArray(el, path, "a list of holiday kinds"))
            {
                return null;
            }

            var list = new List<string>();
            var j = 0;
            foreach (var k in el.EnumerateArray())
            {
                var p = $"{path}[{j++}]";
                if (k.ValueKind != JsonValueKind.String)
                {
                    Problem(p, $"expected a holiday kind; got {Describe(k)}");
                    continue;
                }

                var kind = k.GetString()!;
                if (!IsKnownKind(kind, localKinds))
                {
                    Problem(p, UnknownKind(kind, localKinds));
                }
                else if (!list.Contains(kind))
                {
                    list.Add(kind);
                }
            }

            return list;
        }

        private static bool IsKnownKind(string kind, List<string> localKinds) =>
            HolidayKinds.IsBuiltIn(kind) || localKinds.Contains(kind);

        private static string UnknownKind(string kind, List<string> localKinds)
        {
            var known = string.Join(", ", HolidayKinds.BuiltIn.Concat(localKinds));
            return $"unknown holiday kind '{kind}'; known kinds: {known} (declare a local kind in holidays.localKinds)";
        }

        private Dictionary<string, JsonElement> Fields(JsonElement obj, string? path, string[] allowed)
        {
            var result = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var prop in obj.EnumerateObject())
            {
                var p = path is null ? prop.Name : $"{path}.{prop.Name}";
                if (!allowed.Contains(prop.Name, StringComparer.Ordinal))
                {
                    Problem(p, WireJson.UnknownMember(prop.Name, allowed));
                }
                else
                {
                    // A repeated key was reported by WireJson.Open; the first value is the one read.
                    result.TryAdd(prop.Name, prop.Value);
                }
            }

            return result;
        }

        private LocalDate? RequiredDate(Dictionary<string, JsonElement> f, string path, string name)
        {
            if (!f.TryGetValue(name, out var el))
            {
                Problem($"{path}.{name}", "missing; expected a date YYYY-MM-DD");
                return null;
            }

            return DateValue(el, $"{path}.{name}");
        }

        private LocalDate? OptionalDate(Dictionary<string, JsonElement> f, string path, string name) =>
            f.TryGetValue(name, out var el) && el.ValueKind != JsonValueKind.Null ? DateValue(el, $"{path}.{name}") : null;

        private LocalDate? DateValue(JsonElement el, string path)
        {
            if (el.ValueKind != JsonValueKind.String)
            {
                Problem(path, $"expected a date string YYYY-MM-DD; got {Describe(el)}");
                return null;
            }

            var text = el.GetString()!;
            var parsed = LocalDatePattern.Iso.Parse(text);
            if (!parsed.Success)
            {
                Problem(path, $"'{text}' is not a date; expected YYYY-MM-DD, e.g. 2024-07-01");
                return null;
            }

            if (parsed.Value.Year is < MinYear or > MaxYear)
            {
                Problem(path, $"'{text}': year {parsed.Value.Year} is outside {MinYear}-{MaxYear}; a typo?");
                return null;
            }

            return parsed.Value;
        }

        private string? RequiredText(Dictionary<string, JsonElement> f, string path, string name, string hint)
        {
            if (!f.TryGetValue(name, out var el))
            {
                Problem($"{path}.{name}", $"missing; {hint}");
                return null;
            }

            if (el.ValueKind != JsonValueKind.String)
            {
                Problem($"{path}.{name}", $"expected text; got {Describe(el)}");
                return null;
            }

            var s = el.GetString()!.Trim();
            if (s.Length == 0)
            {
                Problem($"{path}.{name}", $"empty; {hint}");
                return null;
            }

            return CheckedText(s, $"{path}.{name}");
        }

        private string? OptionalText(Dictionary<string, JsonElement> f, string path, string name)
        {
            if (!f.TryGetValue(name, out var el) || el.ValueKind == JsonValueKind.Null)
            {
                return null;
            }

            if (el.ValueKind != JsonValueKind.String)
            {
                Problem($"{path}.{name}", $"expected text; got {Describe(el)}");
                return null;
            }

            var s = el.GetString()!.Trim();
            return s.Length == 0 ? null : CheckedText(s, $"{path}.{name}");
        }

        private (string Text, OpeningHoursExpression Expression)? RequiredHours(Dictionary<string, JsonElement> f, string path, string name)
        {
            var text = RequiredText(f, path, name, "give opening_hours, e.g. \"Mo-Th 08:00-14:00; Fr 08:00-11:00\"");
            if (text is null)
            {
                return null;
            }

            var parsed = OpeningHoursExpression.Parse(text);
            if (!parsed.Success || parsed.Expression is null)
            {
                Problem($"{path}.{name}", $"{parsed.Error?.ToString() ?? "invalid opening_hours"} (in \"{WireJson.Shorten(text)}\")");
                return null;
            }

            return (text, parsed.Expression);
        }

        private bool IsArray(JsonElement el, string path, string what)
        {
            if (el.ValueKind == JsonValueKind.Array)
            {
                return true;
            }

            Problem(path, $"expected {what} (a JSON array); got {Describe(el)}");
            return false;
        }

        private bool IsObject(JsonElement el, string path, string what)
        {
            if (el.ValueKind == JsonValueKind.Object)
            {
                return true;
            }

            Problem(path, $"expected {what} (a JSON object); got {Describe(el)}");
            return false;
        }

        private void Problem(string path, string reason)
        {
            // A bounded list: a hostile or broken file cannot make the answer (or the memory) grow with it.
            if (Problems.Count < MaxProblems)
            {
                Problems.Add(new ScheduleProblem(path, reason));
            }
            else if (Problems.Count == MaxProblems)
            {
                Problems.Add(new ScheduleProblem("$", $"more than {MaxProblems} problems; the rest are not listed (fix these first)"));
            }
        }

        // Text fields are refused (not cleaned) when too long or holding characters that reorder or hide what
        // staff and visitors read: nothing in a schedule changes without the admin seeing why.
        private string? CheckedText(string s, string path)
        {
            if (s.Length > MaxTextLength)
            {
                Problem(path, $"is {s.Length} characters; at most {MaxTextLength} are allowed");
                return null;
            }

            var bad = Input.UntrustedText.IndexOfForbidden(s);
            if (bad >= 0)
            {
                Problem(path, $"contains U+{(int)s[bad]:X4} at position {bad + 1}: control, bidi-override and zero-width characters are not allowed; remove it");
                return null;
            }

            return s;
        }

        private static string Describe(JsonElement el) => WireJson.Describe(el);

        private static string Compact(JsonElement root)
        {
            // Relaxed escaping keeps Indonesian text and dashes readable in the retained MQTT copy;
            // the text is JSON for machines, never inserted into HTML.
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false, Encoder = WireJson.Encoder }))
            {
                root.WriteTo(writer);
            }

            return Encoding.UTF8.GetString(stream.ToArray());
        }
    }

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
