using System.Text;
using System.Text.Json;
using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using NodaTime;
using static MppSignage.Shared.Tests.Announcements.TestAnnouncements;

namespace MppSignage.Shared.Tests.Announcements;

/// <summary>A directory of any size pages into slides of the rotation; its size is bounded with refusals.</summary>
public sealed class ServicesPagingTests
{
    private static Announcement Directory(int agencies, string id = "direktori", AnnouncementPriority priority = AnnouncementPriority.Normal) => new()
    {
        Id = id,
        Kind = AnnouncementKind.Services,
        Title = new LocalizedText("Direktori Layanan", "Service directory"),
        Priority = priority,
        Seconds = 12,
        Services = Enumerable.Range(1, agencies).Select(i => new ServiceEntry($"Instansi {i}", $"Loket {i}", ["Layanan"], ["KTP"])).ToList(),
    };

    private static string Json(int agencies, string kind = "services") =>
        $$"""{"id":"direktori","kind":"{{kind}}","title":"Direktori","services":[{{string.Join(",", Enumerable.Range(1, agencies).Select(i =>
            $$"""{"agency":"Dinas Kependudukan dan Pencatatan Sipil {{i}}","counter":"Loket {{i}}","services":["KTP-el","Kartu Keluarga","Akta Kelahiran"],"requirements":["KTP asli","Kartu Keluarga"]}"""))}}]}""";

    [Fact]
    public void ThirtyAgencies_FourPerPage_EightSlidesInOrder()
    {
        var settings = new RotationSettings(ShowHours: false, ShowQr: false, StatusEvery: 20, ServicesPerPage: 4);

        var cycle = AnnouncementRotation.BuildCycle([Directory(30)], settings, out _);

        Assert.Equal(
            ["status", "announcement:direktori", .. Enumerable.Range(2, 7).Select(p => $"announcement:direktori/{p}")],
            cycle.Select(c => c.Slide.ToString()));
        Assert.All(cycle.Skip(1), c => Assert.Equal(12, c.Seconds));
    }

    [Fact]
    public void Pages_HoldEveryEntryOnce_LastPageTheRest()
    {
        var directory = Directory(30);
        var pages = Enumerable.Range(0, ServicesPaging.PageCount(directory, 4)).Select(p => ServicesPaging.Page(directory, p, 4)).ToList();

        Assert.Equal(8, pages.Count);
        Assert.All(pages.Take(7), p => Assert.Equal(4, p.Count));
        Assert.Equal(2, pages[^1].Count);
        Assert.Equal(directory.Services, pages.SelectMany(p => p));
    }

    [Fact]
    public void SlideModel_CarriesItsPageNumber()
    {
        var slide = Assert.IsType<ServicesSlideModel>(SignageSlides.Announcement(Directory(30), 2, 4));

        Assert.Equal(3, slide.Page);
        Assert.Equal(8, slide.PageCount);
        Assert.Equal(["Instansi 9", "Instansi 10", "Instansi 11", "Instansi 12"], slide.Entries.Select(e => e.Agency));
    }

    [Fact]
    public void SmallDirectory_OneSlide_NoPageNumber()
    {
        var settings = new RotationSettings(ShowHours: false, ShowQr: false, ServicesPerPage: 6);

        var cycle = AnnouncementRotation.BuildCycle([Directory(5)], settings, out _);
        var slide = Assert.IsType<ServicesSlideModel>(SignageSlides.Announcement(Directory(5), 0, 6));

        Assert.Single(cycle, c => c.Slide.Kind == SlideKind.Announcement);
        Assert.Equal(1, slide.PageCount);
        Assert.Equal(5, slide.Entries.Count);
    }

    [Fact]
    public void HighPriorityDirectory_AllPagesTwicePerCycle()
    {
        var settings = new RotationSettings(ShowHours: false, ShowQr: false, StatusEvery: 20, ServicesPerPage: 6);

        var cycle = AnnouncementRotation.BuildCycle([Directory(12, priority: AnnouncementPriority.High)], settings, out _);

        Assert.Equal(2, cycle.Count(c => c.Slide == SlideRef.ForAnnouncement("direktori", 1)));
        Assert.Equal(2, cycle.Count(c => c.Slide == SlideRef.ForAnnouncement("direktori", 0)));
    }

    [Fact]
    public void Select_WalksThroughThePages()
    {
        var settings = new RotationSettings(ShowHours: false, ShowQr: false, StatusEvery: 20, ServicesPerPage: 4);
        var items = new[] { Directory(12) };
        var t = AnnouncementRotation.Select(items, "pintu", At(2024, 7, 1, 9, 0), Jakarta, null, settings).SlotStart;
        var seen = new List<string>();
        for (var i = 0; i < 4; i++)
        {
            var s = AnnouncementRotation.Select(items, "pintu", t, Jakarta, null, settings);
            seen.Add(s.Slide.ToString());
            t = s.SlotEnd;
        }

        Assert.Equal(4, seen.Distinct().Count());
        Assert.Contains("announcement:direktori/3", seen);
    }

    [Fact]
    public void Json_ThirtyAgencies_Accepted()
    {
        var result = AnnouncementJson.ParseAnnouncement(Encoding.UTF8.GetBytes(Json(30)));

        Assert.True(result.Ok, string.Join("; ", result.Problems.Select(p => $"{p.Field}: {p.Reason}")));
        Assert.Equal(30, result.Announcement!.Services.Count);
    }

    [Fact]
    public void Json_MoreThanTheMostEntries_Refused()
    {
        var result = AnnouncementJson.ParseAnnouncement(Encoding.UTF8.GetBytes(Json(AnnouncementLimits.MaxServiceEntries + 1)));

        var problem = Assert.Single(result.Problems);
        Assert.Equal("services", problem.Field);
        Assert.Contains($"at most {AnnouncementLimits.MaxServiceEntries}", problem.Reason);
    }

    [Fact]
    public void Json_OverTheWireBound_RefusedBeforeParsing()
    {
        var padded = Json(10).Replace(",\"services\"", new string(' ', AnnouncementLimits.MaxServicesPayloadBytes) + ",\"services\"", StringComparison.Ordinal);

        var problem = Assert.Single(AnnouncementJson.ParseAnnouncement(Encoding.UTF8.GetBytes(padded)).Problems);

        Assert.Equal("$", problem.Field);
        Assert.Contains("65536", problem.Reason);
    }

    [Fact]
    public void Json_TextAnnouncementOverItsBound_Refused()
    {
        // A valid text item padded with whitespace past 8 KiB: only a directory may be that large.
        var json = "{\"id\":\"a\",\"kind\":\"text\"," + new string(' ', AnnouncementLimits.MaxPayloadBytes) + "\"title\":\"Judul\"}";

        var problem = Assert.Single(AnnouncementJson.ParseAnnouncement(Encoding.UTF8.GetBytes(json)).Problems);

        Assert.Equal("$", problem.Field);
        Assert.Contains($"at most {AnnouncementLimits.MaxPayloadBytes} bytes", problem.Reason);
    }

    [Fact]
    public void RetainedList_WithTheLargestDirectories_IsRead()
    {
        var directories = Enumerable.Range(1, AnnouncementLimits.MaxServicesAnnouncements).Select(i => AnnouncementJson.ParseAnnouncement(Encoding.UTF8.GetBytes(Json(AnnouncementLimits.MaxServiceEntries).Replace("\"direktori\"", $"\"dir-{i}\"", StringComparison.Ordinal))).Announcement!).ToList();

        var list = AnnouncementJson.ParseList(AnnouncementJson.SerializeList(directories));

        Assert.Empty(list.Problems);
        Assert.Equal(AnnouncementLimits.MaxServicesAnnouncements, list.Items.Count);
    }

    [Fact]
    public void Store_OneDirectoryTooMany_Refused()
    {
        var store = AnnouncementStore.Empty;
        for (var i = 1; i <= AnnouncementLimits.MaxServicesAnnouncements; i++)
        {
            var r = store.Upsert(Directory(3, $"dir-{i}"), At(2024, 7, 1, 9, 0));
            Assert.True(r.Changed);
            store = r.Store;
        }

        var refused = store.Upsert(Directory(3, "dir-extra"), At(2024, 7, 1, 9, 0));
        var replaced = store.Upsert(Directory(30, "dir-1"), At(2024, 7, 1, 9, 0));

        Assert.False(refused.Changed);
        Assert.Equal("kind", refused.Problem!.Field);
        Assert.Contains("services directories", refused.Problem.Reason);
        Assert.True(replaced.Changed); // replacing one of them is fine
    }
}
