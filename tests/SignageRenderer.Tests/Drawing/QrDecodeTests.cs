using MppSignage.Shared.Announcements;
using MppSignage.Shared.Signage;
using MppSignage.SignageRenderer.Layout;
using MppSignage.TestSupport;
using SkiaSharp;
using ZXing;
using ZXing.Common;
using ZXing.Multi.QrCode;
using static MppSignage.SignageRenderer.Tests.RendererFixtures;
using static MppSignage.TestSupport.Time;

namespace MppSignage.SignageRenderer.Tests.Drawing;

/// <summary>The QR codes in rendered PNGs decode (ZXing.Net) to the configured links.</summary>
public sealed class QrDecodeTests
{
    private const string WhatsApp = "6281234567890";
    private const string Review = "https://g.page/r/CabcdEFGhijkLMNOP/review";

    /// <summary>Decodes every QR code in a PNG, reading the pixels back from the encoded file as a scanner would.</summary>
    private static string[] Decode(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png);
        Assert.NotNull(bitmap);
        using var bgra = bitmap.Copy(SKColorType.Bgra8888);
        var source = new RGBLuminanceSource(bgra.Bytes, bgra.Width, bgra.Height, RGBLuminanceSource.BitmapFormat.BGRA32);
        var results = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(source)), new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        return results?.Select(r => r.Text).Order().ToArray() ?? [];
    }

    [Theory]
    [InlineData(1920, 1080)]
    [InlineData(1080, 1920)]
    public void QrSlide_BothCodesDecodeToConfiguredLinks(int w, int h)
    {
        using var renderer = Renderer(new ScreenGeometry(w, h));
        var slide = SignageSlides.Qr(WhatsApp, Review)!;

        renderer.Render(slide, new SignageSlides(Jakarta).Footer(J(2024, 7, 1, 9, 0), null), "MPP");

        Assert.Equal(new[] { "https://wa.me/6281234567890", Review }.Order().ToArray(), Decode(renderer.EncodePng()));
    }

    [Fact]
    public void AnnouncementQr_DecodesToItsTarget()
    {
        using var renderer = Renderer(new ScreenGeometry(1920, 1080));
        var a = new Announcement
        {
            Id = "survei",
            Kind = AnnouncementKind.Qr,
            Title = new LocalizedText("Survei kepuasan masyarakat"),
            Body = new LocalizedText("Pindai kode untuk mengisi survei, hanya dua menit."),
            Qr = new QrTarget("https://forms.gle/AbCdEf123456", new LocalizedText("Isi survei")),
        };

        renderer.Render(SignageSlides.Announcement(a), new SignageSlides(Jakarta).Footer(J(2024, 7, 1, 9, 0), null), "MPP");

        Assert.Equal(["https://forms.gle/AbCdEf123456"], Decode(renderer.EncodePng()));
    }
}
