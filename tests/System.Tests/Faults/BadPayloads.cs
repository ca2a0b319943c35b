using System.Text;
using MppSignage.TestSupport;

namespace MppSignage.SystemTests.Faults;

/// <summary>
/// Generates hostile or broken command payloads, reproducibly from a seed. None of them is a valid command
/// for its topic: each must be refused with a reason and change nothing.
/// </summary>
internal sealed class BadPayloads(int seed)
{
    private readonly Random _random = new(seed);

    public static readonly string[] Kinds =
    [
        "random-bytes", "truncated-json", "wrong-types", "huge-string", "deep-nesting", "invalid-date",
        "far-future-until", "past-until", "unknown-value", "unknown-field", "invalid-utf8", "not-an-object",
        "bad-schedule", "unknown-id",
    ];

    /// <summary>One bad payload for <paramref name="kind"/> on a command topic whose last levels are <paramref name="command"/> (override/set, schedule/set, announcements/set, announcements/delete).</summary>
    public byte[] Make(string kind, string command) => kind switch
    {
        "random-bytes" => RandomBytes(),
        "truncated-json" => Truncated(command),
        "wrong-types" => Utf8(Pick(WrongTypes(command))),
        "huge-string" => HugeString(command),
        "deep-nesting" => Utf8(new string('[', 2000 + _random.Next(2000)) + new string(']', 10)),
        "invalid-date" => Utf8(command switch
        {
            "override/set" => $"{{\"state\":\"open\",\"until\":\"{Pick(InvalidDates)}\"}}",
            "announcements/set" => $"{{\"id\":\"a{_random.Next(1000)}\",\"kind\":\"text\",\"title\":{{\"id\":\"Judul\"}},\"body\":{{\"id\":\"Isi\"}},\"until\":\"{Pick(InvalidDates)}\"}}",
            _ => $"{{\"timeZone\":\"Asia/Jakarta\",\"versions\":[{{\"from\":\"{Pick(InvalidDates)}\",\"hours\":\"Mo-Fr 08:00-14:00\"}}]}}",
        }),
        "far-future-until" => Utf8(command == "override/set"
            ? $"{{\"state\":\"{Pick(["open", "closed"])}\",\"until\":\"{Pick(["9999-12-31T23:59:59+07:00", "2999-01-01T00:00:00Z", "2100-06-01T08:00:00+07:00"])}\"}}"
            : $"{{\"timeZone\":\"Asia/Jakarta\",\"versions\":[{{\"from\":\"99999-01-01\",\"hours\":\"Mo-Fr 08:00-14:00\"}}]}}"),
        "past-until" => Utf8(command == "override/set"
            ? $"{{\"state\":\"closed\",\"until\":\"{Pick(["2000-01-01T00:00:00+07:00", "1970-01-01T00:00:00Z", "2020-02-29T12:00:00+07:00"])}\"}}"
            : "{\"timeZone\":\"Asia/Jakarta\",\"versions\":[]}"),
        "unknown-value" => Utf8(command switch
        {
            "override/set" => $"{{\"state\":\"{Pick(["ajar", "OPEN", "opened", "", "buka", "1"])}\"}}",
            "announcements/set" => $"{{\"id\":\"a1\",\"kind\":\"text\",\"title\":{{\"id\":\"T\"}},\"body\":{{\"id\":\"B\"}},\"priority\":\"{Pick(["urgent", "low", "EMERGENCY", ""])}\"}}",
            "announcements/delete" => $"{{\"id\":\"{Pick(["", "Has Spaces", "semua/pengumuman", "#"])}\"}}",
            _ => $"{{\"timeZone\":\"{Pick(["Mars/Olympus", "", "UTC+7", "Jakarta"])}\",\"versions\":[{{\"from\":\"2024-01-01\",\"hours\":\"Mo-Fr 08:00-14:00\"}}]}}",
        }),
        "unknown-field" => Utf8(command switch
        {
            "override/set" => $"{{\"state\":\"open\",\"{Pick(["colour", "door", "untill", "State"])}\":1}}",
            "announcements/set" => $"{{\"id\":\"a1\",\"kind\":\"text\",\"title\":{{\"id\":\"T\"}},\"body\":{{\"id\":\"B\"}},\"{Pick(["colour", "video", "html"])}\":\"x\"}}",
            "announcements/delete" => $"{{\"id\":\"a1\",\"{Pick(["all", "force", "ids"])}\":true}}",
            _ => $"{{\"timeZone\":\"Asia/Jakarta\",\"versions\":[{{\"from\":\"2024-01-01\",\"hours\":\"{Pick(["Mo-Xx 08:00-14:00", "25:00-26:00", "Mo-Fr 08:00-", "open sometimes"])}\"}}]}}",
        }),
        "invalid-utf8" => InvalidUtf8(),
        "not-an-object" => Utf8(Pick(["[]", "\"open\"", "42", "null", "true", "[{\"state\":\"open\"}]", "   "])),
        "bad-schedule" => Utf8(Pick(["{}", "{\"versions\":\"all week\"}", "{\"timeZone\":\"Asia/Jakarta\",\"versions\":[{\"hours\":\"Mo-Fr 08:00-14:00\"}]}",
            "{\"timeZone\":\"Asia/Jakarta\",\"versions\":[{\"from\":\"2024-01-01\",\"hours\":42}]}"])),
        "unknown-id" => Utf8(command switch
        {
            "override/set" => $"{{\"state\":\"open\",\"id\":\"cmd-{_random.Next()}\"}}",
            "announcements/delete" => $"{{\"id\":\"no-such-announcement-{_random.Next()}\"}}",
            "announcements/set" => $"{{\"id\":\"x{_random.Next()}\",\"kind\":\"{Pick(["video", "html", "banner"])}\",\"title\":{{\"id\":\"T\"}}}}",
            _ => $"{{\"timeZone\":\"Asia/Jakarta\",\"holidays\":{{\"closeOn\":[\"no-such-kind-{_random.Next()}\"]}},\"versions\":[{{\"from\":\"2024-01-01\",\"hours\":\"Mo-Fr 08:00-14:00\"}}]}}",
        }),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown kind"),
    };

    private static readonly string[] InvalidDates =
    [
        "2025-13-45T99:00:00+07:00", "tomorrow", "2025-07-08T10:00:00", "2025-02-30T08:00:00+07:00", "08:00", "", "2025-07-08T25:61:00+07:00",
        "2025-07-08 10:00:00+07:00", "0000-00-00T00:00:00Z", "2025-W28-2",
    ];

    private static IEnumerable<string> WrongTypes(string command) => command switch
    {
        "override/set" =>
        [
            "{\"state\":1}", "{\"state\":true}", "{\"state\":[\"open\"]}", "{\"state\":{\"v\":\"open\"}}", "{\"state\":null}",
            "{\"state\":\"open\",\"until\":5}", "{\"state\":\"open\",\"until\":true}", "{\"state\":\"open\",\"reason\":{}}",
            "{\"state\":\"open\",\"reason\":7}", "{\"state\":\"auto\",\"until\":\"2030-01-01T00:00:00+07:00\"}", "{}",
        ],
        "announcements/delete" => ["{\"id\":5}", "{\"id\":null}", "{\"id\":[\"a\"]}", "{}"],
        "announcements/set" => ["{\"id\":1,\"kind\":\"text\"}", "{\"id\":\"a\",\"kind\":7}", "{\"id\":\"a\",\"kind\":\"text\",\"title\":\"x\",\"priority\":3}", "{\"id\":\"a\"}"],
        _ => ["{\"timeZone\":7,\"versions\":[]}", "{\"timeZone\":\"Asia/Jakarta\",\"versions\":{}}", "{\"timeZone\":\"Asia/Jakarta\",\"versions\":[1,2]}"],
    };

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(0, 3000)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private byte[] Truncated(string command)
    {
        var full = command switch
        {
            "override/set" => "{\"state\":\"closed\",\"until\":\"2030-01-01T10:00:00+07:00\",\"reason\":\"rapat koordinasi\"}",
            "announcements/delete" => "{\"id\":\"pengumuman-1\"}",
            "announcements/set" => "{\"id\":\"libur\",\"kind\":\"text\",\"title\":{\"id\":\"Libur\"},\"body\":{\"id\":\"Tutup\"}}",
            _ => File.ReadAllText(RepoPaths.DefaultSchedule),
        };
        var bytes = Utf8(full);
        return bytes[..(_random.Next(0, bytes.Length - 1))];
    }

    private byte[] HugeString(string command)
    {
        // Either beyond the 64 KiB payload limit, or within it but beyond a field's own limit.
        var length = _random.Next(2) == 0 ? 70_000 + _random.Next(200_000) : 300 + _random.Next(20_000);
        var text = new string((char)('a' + _random.Next(26)), length);
        return Utf8(command switch
        {
            "override/set" => $"{{\"state\":\"open\",\"reason\":\"{text}\"}}",
            "announcements/delete" => $"{{\"id\":\"{text}\"}}",
            "announcements/set" => $"{{\"id\":\"{text}\",\"kind\":\"text\"}}",
            _ => $"{{\"timeZone\":\"Asia/Jakarta\",\"name\":\"{text}\",\"versions\":[{{\"from\":\"2024-01-01\",\"hours\":\"{text}\"}}]}}",
        });
    }

    private byte[] InvalidUtf8()
    {
        var prefix = Utf8("{\"state\":\"open\",\"reason\":\"");
        var bad = new byte[] { 0xC3, 0x28, 0xFF, 0xFE, 0xED, 0xA0, 0x80 };
        return [.. prefix, .. bad[.._random.Next(1, bad.Length)], .. Utf8("\"}")];
    }

    private T Pick<T>(IEnumerable<T> items)
    {
        var list = items as IList<T> ?? [.. items];
        return list[_random.Next(list.Count)];
    }

    private static byte[] Utf8(string s) => Encoding.UTF8.GetBytes(s);
}
