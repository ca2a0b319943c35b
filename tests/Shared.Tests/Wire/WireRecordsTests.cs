using System.Text;
using System.Text.Json;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Control;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Wire;
using MppSignage.TestSupport;
using NodaTime;

namespace MppSignage.Shared.Tests.Wire;

/// <summary>The records and the source-generated context write the documented bytes.</summary>
public sealed class WireRecordsTests
{
    private static readonly Offset Wib = Offset.FromHours(7);

    private static OffsetDateTime At(int day, int hour, int minute = 0) => new(new LocalDateTime(2024, 7, day, hour, minute), Wib);

    [Fact]
    public void SerializeAnnouncement_WritesTheDocumentedFormByteForByte()
    {
        var a = new Announcement
        {
            Id = "ktp-el",
            Kind = AnnouncementKind.Qr,
            Title = new LocalizedText("Perekaman KTP-el", "e-ID card recording"),
            Body = new LocalizedText("Bawa fotokopi Kartu Keluarga."),
            Qr = new QrTarget("https://wa.me/6281234567890", new LocalizedText("Tanya lewat WhatsApp")),
            Priority = AnnouncementPriority.Emergency,
            From = At(1, 8),
            Until = At(31, 14),
            When = "Mo-Th 08:00-14:00",
            Seconds = 12,
            Screens = ["pintu-utama", "lobi"],
        };

        var json = Encoding.UTF8.GetString(AnnouncementJson.SerializeAnnouncement(a));

        Assert.Equal(
            """{"id":"ktp-el","kind":"qr","title":{"id":"Perekaman KTP-el","en":"e-ID card recording"},"body":{"id":"Bawa fotokopi Kartu Keluarga."}"""
            + ",\"qr\":{\"url\":\"https://wa.me/6281234567890\",\"caption\":{\"id\":\"Tanya lewat WhatsApp\"}},\"priority\":\"emergency\""
            + ""","from":"2024-07-01T08:00:00+07:00","until":"2024-07-31T14:00:00+07:00","when":"Mo-Th 08:00-14:00","seconds":12,"screens":["pintu-utama","lobi"]}""",
            json);
    }

    [Fact]
    public void SerializeAnnouncement_ServicesPage_LeavesOutWhatIsAbsent()
    {
        var a = new Announcement
        {
            Id = "layanan",
            Kind = AnnouncementKind.Services,
            Title = new LocalizedText("Layanan"),
            Services = [new ServiceEntry("Dispendukcapil", null, ["KTP-el"], []), new ServiceEntry("BPJS", "Loket 4", [], ["KTP"])],
        };

        Assert.Equal(
            """{"id":"layanan","kind":"services","title":{"id":"Layanan"},"priority":"normal","seconds":10"""
            + ""","services":[{"agency":"Dispendukcapil","services":["KTP-el"],"requirements":[]},{"agency":"BPJS","counter":"Loket 4","services":[],"requirements":["KTP"]}]}""",
            Encoding.UTF8.GetString(AnnouncementJson.SerializeAnnouncement(a)));
    }

    [Fact]
    public void SerializeList_UpdatedAtAndItemInstants_AreStrictRfc3339WithoutEscapes()
    {
        var item = new Announcement { Id = "a", Kind = AnnouncementKind.Text, Title = new LocalizedText("Sekilas info – jam layanan"), Until = At(31, 14) };
        var bytes = AnnouncementJson.SerializeList([item], new OffsetDateTime(new LocalDateTime(2026, 12, 1, 14, 48, 52), Wib));
        var text = Encoding.UTF8.GetString(bytes);

        Assert.DoesNotContain("\\u", text);                       // neither '+' nor the dash escaped
        Assert.StartsWith("""{"updatedAt":"2026-12-01T14:48:52+07:00","items":[""", text);
        using var doc = JsonDocument.Parse(bytes);
        AssertStrict(doc.RootElement.GetProperty("updatedAt").GetString(), Instant.FromUtc(2026, 12, 1, 7, 48, 52));
        AssertStrict(doc.RootElement.GetProperty("items")[0].GetProperty("until").GetString(), At(31, 14).ToInstant());
        Assert.Equal(item, Assert.Single(AnnouncementJson.ParseList(bytes).Items));
    }

    [Fact]
    public void SerializeList_WithoutUpdatedAt_IsJustTheItems()
    {
        Assert.Equal("""{"items":[]}""", Encoding.UTF8.GetString(AnnouncementJson.SerializeList([])));
    }

    [Fact]
    public void SerializeDelete_IsTheIdOnly()
    {
        var bytes = AnnouncementJson.SerializeDelete("ktp-el");
        Assert.Equal("""{"id":"ktp-el"}""", Encoding.UTF8.GetString(bytes));
        Assert.Equal("ktp-el", AnnouncementJson.ParseDelete(bytes).Id);
    }

    [Theory]
    [InlineData(OverrideTarget.Open, true, "antrian", """{"state":"open","until":"2024-07-01T16:00:00+07:00","reason":"antrian"}""")]  // full
    [InlineData(OverrideTarget.Closed, false, null, """{"state":"closed"}""")]                                                        // defaults left out
    [InlineData(OverrideTarget.Auto, false, null, """{"state":"auto"}""")]                                                            // back to automatic
    public void OverrideSetPayload_WritesWhatTheParserReads(OverrideTarget state, bool withUntil, string? reason, string expected)
    {
        var payload = new OverrideSetPayload { State = state, Until = withUntil ? At(1, 16) : null, Reason = reason };
        var bytes = JsonSerializer.SerializeToUtf8Bytes(payload, MqttJsonContext.Wire.OverrideSetPayload);

        Assert.Equal(expected, Encoding.UTF8.GetString(bytes));
        var parsed = OverrideCommandParser.Parse(bytes);
        Assert.True(parsed.Success, parsed.Error?.Error);
        Assert.Equal(state, parsed.Value!.Target);
    }

    [Fact]
    public void OverrideStateFile_IsIndentedUtc_AndReadsBack()
    {
        var state = new OverrideState(true, Instant.FromUtc(2024, 7, 1, 11, 0), "staff", null, Instant.FromUtc(2024, 7, 1, 8, 0, 30));
        var bytes = JsonSerializer.SerializeToUtf8Bytes(OverrideStateFile.Of(state), MqttJsonContext.File.OverrideStateFile);

        Assert.Equal(
            "{\n  \"state\": \"open\",\n  \"until\": \"2024-07-01T11:00:00Z\",\n  \"by\": \"staff\",\n  \"reason\": null,\n  \"setAt\": \"2024-07-01T08:00:30Z\"\n}",
            Encoding.UTF8.GetString(bytes));
        Assert.Equal(state, JsonSerializer.Deserialize(bytes, MqttJsonContext.File.OverrideStateFile)!.ToState());
    }

    [Theory]
    [InlineData("""{"state":"ajar","until":"2024-07-01T10:00:00Z","by":"x","setAt":"2024-07-01T09:00:00Z"}""")]   // a state no controller writes
    [InlineData("""{"state":"open","until":"2024-07-01T10:00:00Z","by":"","setAt":"2024-07-01T09:00:00Z"}""")]     // nobody set it
    [InlineData("""{"state":"open","until":"besok","by":"x","setAt":"2024-07-01T09:00:00Z"}""")]                   // not an instant
    [InlineData("""{"state":"open","by":"x","setAt":"2024-07-01T09:00:00Z"}""")]                                   // until missing
    public void OverrideStateFile_Unusable_Throws(string json)
    {
        var ex = Record.Exception(() => JsonSerializer.Deserialize(json, MqttJsonContext.File.OverrideStateFile)!.ToState());
        Assert.True(ex is JsonException or FormatException, ex?.GetType().Name);
    }

    [Theory]
    [InlineData(DoorReason.Regular, "regular")]                          // one word
    [InlineData(DoorReason.ClockUnsynchronised, "clock-unsynchronised")] // two words, kebab case
    [InlineData(DoorReason.ScheduleUnavailable, "schedule-unavailable")] // two words, kebab case
    public void WireName_DoorReason_IsKebabCase(DoorReason reason, string expected)
    {
        Assert.Equal(expected, WireName.Of(reason));
        Assert.True(WireName.TryParse<DoorReason>(expected, out var back));
        Assert.Equal(reason, back);
    }

    [Fact]
    public void WireName_EveryDoorEnum_KeepsItsWireNames()
    {
        Assert.Equal(["closed", "open", "closing-soon"], Enum.GetValues<DoorPhase>().Select(DoorWire.Name));
        Assert.Equal(["auto", "override"], Enum.GetValues<DoorMode>().Select(DoorWire.Name));
        Assert.Equal(["auto", "open", "closed"], Enum.GetValues<OverrideTarget>().Select(DoorWire.Name));
        Assert.Equal("text, qr, services, image", WireName.List<AnnouncementKind>());
        Assert.Equal("contain, cover", WireName.List<PosterFit>());
        Assert.False(WireName.TryParse<AnnouncementPriority>("High", out _));   // case-sensitive, as every wire name
    }

    private static void AssertStrict(string? text, Instant expected)
    {
        Assert.True(Rfc3339.IsStrict(text, out var parsed), $"not strict RFC 3339: {text}");
        Assert.Equal(expected.ToDateTimeOffset(), parsed);
    }
}
