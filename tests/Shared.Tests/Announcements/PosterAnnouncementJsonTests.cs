using System.Text;
using MppSignage.Shared.Announcements;

namespace MppSignage.Shared.Tests.Announcements;

public sealed class PosterAnnouncementJsonTests
{
    private const string Sha = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private static AnnouncementParseResult Parse(string json) => AnnouncementJson.ParseAnnouncement(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void ParseAnnouncement_PosterWithoutTitle_ReadsTheImageWithDefaults()
    {
        var result = Parse($$$"""{"id":"poster-1","kind":"image","image":{"sha256":"{{{Sha}}}"}}""");

        Assert.True(result.Ok, string.Join("; ", result.Problems));
        var a = result.Announcement!;
        Assert.Equal(AnnouncementKind.Image, a.Kind);
        Assert.Null(a.Title);
        Assert.Equal(new PosterImage(Sha, PosterFit.Contain, "auto"), a.Image);
        Assert.True(a.Image!.IsAutoBackground);
    }

    [Fact]
    public void ParseAnnouncement_PosterWithEverything_RoundTripsThroughTheOneWriter()
    {
        var json = $$$"""
            {"id":"poster-2","kind":"image","priority":"high","title":"Layanan Paspor","body":"Setiap Selasa",
             "qr":"https://example.org/paspor","screens":["lobi"],
             "image":{"sha256":"{{{Sha}}}","fit":"cover","background":"#1A2B3C"}}
            """;
        var a = Parse(json).Announcement!;

        Assert.Equal(PosterFit.Cover, a.Image!.Fit);
        Assert.Equal("#1a2b3c", a.Image.Background);
        Assert.Equal(0x1A2B3C, a.Image.BackgroundRgb);
        var written = Encoding.UTF8.GetString(AnnouncementJson.SerializeAnnouncement(a));
        Assert.Contains($$$"""
            "image":{"sha256":"{{{Sha}}}","fit":"cover","background":"#1a2b3c"}
            """.Trim(), written, StringComparison.Ordinal);
        var back = Parse(written).Announcement!;
        Assert.Equal(a.Image, back.Image);
        Assert.Equal(a.Title, back.Title);
        Assert.Equal(a.Qr, back.Qr);
    }

    [Theory]
    [InlineData("""{"id":"p","kind":"image"}""", "image", "required for kind \"image\"")]                                       // no poster
    [InlineData("""{"id":"p","kind":"image","image":{"sha256":"ABC"}}""", "image.sha256", "64 lowercase hex")]                    // not a hash
    [InlineData("""{"id":"p","kind":"image","image":{"fit":"cover"}}""", "image.sha256", "required")]                             // no hash
    [InlineData("""{"id":"p","kind":"image","image":{"sha256":"SHA","fit":"stretch"}}""", "image.fit", "contain, cover")]          // bad fit
    [InlineData("""{"id":"p","kind":"image","image":{"sha256":"SHA","background":"red"}}""", "image.background", "#rrggbb")]     // bad colour
    [InlineData("""{"id":"p","kind":"image","image":{"sha256":"SHA","alt":"x"}}""", "image.alt", "unknown field")]               // typo
    [InlineData("""{"id":"p","kind":"image","image":"SHA"}""", "image", "expected {")]                                           // not an object
    [InlineData("""{"id":"p","kind":"text","title":"T","image":{"sha256":"SHA"}}""", "image", "only allowed for kind \"image\"")] // wrong kind
    [InlineData("""{"id":"p","kind":"text"}""", "title", "required")]                                                           // other kinds still need a title
    public void ParseAnnouncement_BadPoster_IsRefusedNamingTheField(string json, string field, string reason)
    {
        var result = Parse(json.Replace("\"SHA\"", $"\"{Sha}\"", StringComparison.Ordinal));

        Assert.False(result.Ok);
        var problem = Assert.Single(result.Problems, p => p.Field == field);
        Assert.Contains(reason, problem.Reason, StringComparison.Ordinal);
    }
}
