using System.Text;
using MppSignage.Shared.Announcements;
using NodaTime;

namespace MppSignage.Shared.Tests.Announcements;

public sealed class AnnouncementJsonTests
{
    private const string Full = """
        {"id":"ktp-el","kind":"text","priority":"high",
         "title":{"id":"Perekaman KTP-el","en":"e-ID card recording"},
         "body":{"id":"Bawa fotokopi Kartu Keluarga.\nDatang sebelum 12.00.","en":"Bring a copy of your family card."},
         "qr":{"url":"https://wa.me/6281234567890","caption":"Tanya lewat WhatsApp"},
         "from":"2024-07-01T08:00:00+07:00","until":"2024-07-31T14:00:00+07:00",
         "when":"Mo-Th 08:00-14:00","seconds":12,"screens":["pintu-utama","lobi"]}
        """;

    private static AnnouncementParseResult Parse(string json, IWhenEvaluator? when = null) =>
        AnnouncementJson.ParseAnnouncement(Encoding.UTF8.GetBytes(json), when);

    [Fact]
    public void ParseAnnouncement_FullPayload_ReadsEveryField()
    {
        var result = Parse(Full);

        Assert.True(result.Ok, string.Join("; ", result.Problems));
        var a = result.Announcement!;
        Assert.Equal("ktp-el", a.Id);
        Assert.Equal(AnnouncementKind.Text, a.Kind);
        Assert.Equal(AnnouncementPriority.High, a.Priority);
        Assert.Equal(new LocalizedText("Perekaman KTP-el", "e-ID card recording"), a.Title);
        Assert.Equal("Bawa fotokopi Kartu Keluarga.\nDatang sebelum 12.00.", a.Body!.Id);
        Assert.Equal("https://wa.me/6281234567890", a.Qr!.Url);
        Assert.Equal("Tanya lewat WhatsApp", a.Qr.Caption!.Id);
        Assert.Equal(Instant.FromUtc(2024, 7, 1, 1, 0), a.From!.Value.ToInstant());
        Assert.Equal(Instant.FromUtc(2024, 7, 31, 7, 0), a.Until!.Value.ToInstant());
        Assert.Equal("Mo-Th 08:00-14:00", a.When);
        Assert.Equal(12, a.Seconds);
        Assert.Equal(["pintu-utama", "lobi"], a.Screens);
    }

    [Fact]
    public void ParseAnnouncement_MinimalPayload_UsesDefaults()
    {
        var a = Parse("""{"id":"a","kind":"text","title":"Halo"}""").Announcement!;

        Assert.Equal(AnnouncementPriority.Normal, a.Priority);
        Assert.Equal(AnnouncementLimits.DefaultSeconds, a.Seconds);
        Assert.Empty(a.Screens);
        Assert.Null(a.From);
        Assert.Null(a.Until);
        Assert.Equal(new LocalizedText("Halo"), a.Title);
    }

    [Fact]
    public void SerializeAnnouncement_RoundTrips()
    {
        var a = Parse(Full).Announcement!;

        var back = Parse(Encoding.UTF8.GetString(AnnouncementJson.SerializeAnnouncement(a))).Announcement!;

        Assert.Equal(AnnouncementJson.SerializeAnnouncement(a), AnnouncementJson.SerializeAnnouncement(back));
        Assert.Equal(a.From, back.From);
        Assert.Equal(a.Screens, back.Screens);
    }

    [Fact]
    public void ParseList_KeepsValidItems_ReportsBadOnes()
    {
        var json = """
            {"updatedAt":"2024-07-01T08:00:00+07:00","items":[
              {"id":"a","kind":"text","title":"Satu"},
              {"id":"b","kind":"text"},
              {"id":"a","kind":"text","title":"Dua"},
              {"id":"c","kind":"services","title":"Layanan","services":[{"agency":"Dispendukcapil","counter":"Loket 1","services":["KTP-el"],"requirements":["KK"]}]}
            ]}
            """;

        var result = AnnouncementJson.ParseList(Encoding.UTF8.GetBytes(json));

        Assert.Equal(["a", "c"], result.Items.Select(i => i.Id));
        Assert.Equal("Satu", result.Items[0].Title!.Id);
        Assert.Contains(result.Problems, p => p.Field == "items[1].title");
        Assert.Contains(result.Problems, p => p.Field == "items[2].id" && p.Reason.Contains("duplicate"));
        Assert.Equal("Dispendukcapil", result.Items[1].Services[0].Agency);
    }

    [Fact]
    public void SerializeList_ParseList_RoundTrips()
    {
        var a = Parse(Full).Announcement!;
        var b = Parse("""{"id":"dir","kind":"services","title":"Layanan","services":[{"agency":"BPJS","services":["Kepesertaan"]}]}""").Announcement!;

        var bytes = AnnouncementJson.SerializeList([a, b], new OffsetDateTime(new LocalDateTime(2024, 7, 1, 8, 0), Offset.FromHours(7)));
        var back = AnnouncementJson.ParseList(bytes);

        Assert.Empty(back.Problems);
        Assert.Equal(["ktp-el", "dir"], back.Items.Select(i => i.Id));
        Assert.Equal("BPJS", back.Items[1].Services[0].Agency);
        Assert.Null(back.Items[1].Services[0].Counter);
    }

    [Fact]
    public void ParseList_EmptyPayload_IsEmptyList()
    {
        var result = AnnouncementJson.ParseList([]);
        Assert.Empty(result.Items);
        Assert.Empty(result.Problems);
    }

    [Theory]
    // not JSON at all
    [InlineData("hello", "$", "not valid JSON")]
    // JSON but not an object
    [InlineData("[1,2]", "$", "object")]
    // id missing
    [InlineData("""{"kind":"text","title":"x"}""", "id", "required")]
    // id with capitals and spaces
    [InlineData("""{"id":"Bad Id","kind":"text","title":"x"}""", "id", "not a valid id")]
    // kind unknown
    [InlineData("""{"id":"a","kind":"video","title":"x"}""", "kind", "unknown value 'video'")]
    // kind wrong type
    [InlineData("""{"id":"a","kind":3,"title":"x"}""", "kind", "expected a string")]
    // title missing
    [InlineData("""{"id":"a","kind":"text"}""", "title", "required")]
    // title empty after trimming
    [InlineData("""{"id":"a","kind":"text","title":"   "}""", "title", "must not be empty")]
    // English without Indonesian
    [InlineData("""{"id":"a","kind":"text","title":{"en":"Hello"}}""", "title.id", "required")]
    // title with a line break
    [InlineData("""{"id":"a","kind":"text","title":"a\nb"}""", "title", "single line")]
    // priority unknown
    [InlineData("""{"id":"a","kind":"text","title":"x","priority":"urgent"}""", "priority", "unknown value 'urgent'")]
    // from without offset
    [InlineData("""{"id":"a","kind":"text","title":"x","from":"2024-07-01T08:00:00"}""", "from", "offset")]
    // until before from
    [InlineData("""{"id":"a","kind":"text","title":"x","from":"2024-07-02T08:00:00+07:00","until":"2024-07-01T08:00:00+07:00"}""", "until", "later than")]
    // seconds too small
    [InlineData("""{"id":"a","kind":"text","title":"x","seconds":1}""", "seconds", "out of range")]
    // seconds as a string
    [InlineData("""{"id":"a","kind":"text","title":"x","seconds":"10"}""", "seconds", "whole number")]
    // seconds fractional
    [InlineData("""{"id":"a","kind":"text","title":"x","seconds":2.5}""", "seconds", "whole number")]
    // screens not an array
    [InlineData("""{"id":"a","kind":"text","title":"x","screens":"lobi"}""", "screens", "array")]
    // a screen id with a slash (would be a topic level)
    [InlineData("""{"id":"a","kind":"text","title":"x","screens":["lobi/2"]}""", "screens[0]", "screen id")]
    // qr kind without qr
    [InlineData("""{"id":"a","kind":"qr","title":"x"}""", "qr", "required for kind")]
    // qr with a javascript: link
    [InlineData("""{"id":"a","kind":"qr","title":"x","qr":{"url":"javascript:alert(1)"}}""", "qr.url", "not an absolute")]
    // qr relative link
    [InlineData("""{"id":"a","kind":"qr","title":"x","qr":"wa.me/62812"}""", "qr", "not an absolute")]
    // services kind without entries
    [InlineData("""{"id":"a","kind":"services","title":"x"}""", "services", "required for kind")]
    // services entry without agency
    [InlineData("""{"id":"a","kind":"services","title":"x","services":[{"counter":"1"}]}""", "services[0].agency", "required")]
    // services on a text item
    [InlineData("""{"id":"a","kind":"text","title":"x","services":[{"agency":"A"}]}""", "services", "only allowed")]
    // a typo in a field name
    [InlineData("""{"id":"a","kind":"text","title":"x","untill":"2024-07-01T08:00:00+07:00"}""", "untill", "unknown field")]
    // when empty
    [InlineData("""{"id":"a","kind":"text","title":"x","when":""}""", "when", "must not be empty")]
    public void ParseAnnouncement_BadPayload_NamesFieldAndReason(string json, string field, string reason)
    {
        var result = Parse(json);

        Assert.False(result.Ok);
        Assert.Null(result.Announcement);
        Assert.Contains(result.Problems, p => p.Field == field && p.Reason.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void ParseAnnouncement_TitleOverLimit_Refused()
    {
        var title = new string('a', AnnouncementLimits.MaxTitleLength + 1);
        var result = Parse($$"""{"id":"a","kind":"text","title":"{{title}}"}""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("title", problem.Field);
        Assert.Contains($"at most {AnnouncementLimits.MaxTitleLength}", problem.Reason);
    }

    [Fact]
    public void ParseAnnouncement_TitleAtLimit_Accepted()
    {
        var title = new string('a', AnnouncementLimits.MaxTitleLength);
        Assert.True(Parse($$"""{"id":"a","kind":"text","title":"{{title}}"}""").Ok);
    }

    [Fact]
    public void ParseAnnouncement_PayloadOverLimit_RefusedBeforeParsing()
    {
        var body = new string('a', AnnouncementLimits.MaxPayloadBytes);
        var result = Parse($$"""{"id":"a","kind":"text","title":"x","body":"{{body}}"}""");

        var problem = Assert.Single(result.Problems);
        Assert.Equal("$", problem.Field);
        Assert.Contains("bytes", problem.Reason);
    }

    [Fact]
    public void ParseAnnouncement_TooManyServiceEntries_Refused()
    {
        var entries = string.Join(",", Enumerable.Range(0, AnnouncementLimits.MaxServiceEntries + 1).Select(i => $$"""{"agency":"A{{i}}"}"""));
        var result = Parse($$"""{"id":"a","kind":"services","title":"x","services":[{{entries}}]}""");

        Assert.Contains(result.Problems, p => p.Field == "services" && p.Reason.Contains("at most"));
    }

    [Fact]
    public void ParseAnnouncement_WhenRejectedByEvaluator_ReportsEngineReason()
    {
        var result = Parse("""{"id":"a","kind":"text","title":"x","when":"Mo-Xx 08:00"}""", new RejectingWhen("unknown day 'Xx'"));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("when", problem.Field);
        Assert.Contains("unknown day 'Xx'", problem.Reason);
    }

    [Theory]
    // valid
    [InlineData("""{"id":"ktp-el"}""", "ktp-el", null)]
    // missing id
    [InlineData("""{}""", null, "id")]
    // extra field
    [InlineData("""{"id":"a","force":true}""", null, "force")]
    // not JSON
    [InlineData("""id=a""", null, "$")]
    // wrong type
    [InlineData("""{"id":5}""", null, "id")]
    public void ParseDelete_Cases(string json, string? id, string? field)
    {
        var result = AnnouncementJson.ParseDelete(Encoding.UTF8.GetBytes(json));

        Assert.Equal(id, result.Id);
        Assert.Equal(field, result.Problem?.Field);
    }

    private sealed class RejectingWhen(string reason) : IWhenEvaluator
    {
        public string? Validate(string expression) => reason;

        public bool IsOpen(string expression, LocalDateTime local) => false;
    }
}
