using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Layout;
using MppSignage.SignageRenderer.Text;
using SkiaSharp;

namespace MppSignage.Benchmarks.PosterBench;

/// <summary>
/// The sample poster of <c>--sample FILE</c>: an A4 infografis such as a hall would really put up (a title band, three
/// numbered steps, a coloured band with the hours, a footer), so that a newcomer trying <c>announce add --image</c>
/// sees something sensible. Every text is fitted by the renderer's own <see cref="TextFitter"/> into its area and
/// drawn by its <see cref="FramePainter"/>, so nothing runs off an edge; the benchmark's own posters stay the
/// random ones of <c>Program.Poster</c> (their JPEG sizes are what the figures are about).
/// </summary>
internal static class SamplePoster
{
    private static readonly SKColor Paper = new(0xF4, 0xF1, 0xEA);
    private static readonly SKColor Blue = new(0x0B, 0x4F, 0x8A);
    private static readonly SKColor Yellow = new(0xFF, 0xD5, 0x4A);
    private static readonly SKColor Ink = new(0x1B, 0x24, 0x30);
    private static readonly SKColor Grey = new(0x4B, 0x55, 0x63);
    private static readonly SKColor PaleBlue = new(0xDB, 0xEA, 0xFE);
    private static readonly SKColor[] StepColours = [new(0x15, 0x80, 0x3D), new(0xC2, 0x41, 0x0C), new(0x6D, 0x28, 0xD9)];

    private static readonly (string Title, string Detail)[] Steps =
    [
        ("Ambil nomor antrean", "di mesin antrean dekat pintu masuk, atau daring lewat antrean.example.go.id"),
        ("Siapkan berkas", "KTP-el dan Kartu Keluarga asli, beserta satu lembar fotokopi"),
        ("Tunggu panggilan", "nomor Anda tampil di layar dan dipanggil ke loket yang tertulis"),
    ];

    /// <summary>The poster, <paramref name="width"/> × <paramref name="height"/> (portrait), as a JPEG (quality 88) or a PNG.</summary>
    public static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var fonts = FontSet.Load("DejaVu Sans", "Display:Font");
        using var fitter = new TextFitter(fonts);
        var elements = Layout(fitter, width, height);
        using var surface = SKSurface.Create(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        new FramePainter(fitter).PaintBody(surface.Canvas, new FrameLayout(new ScreenGeometry(width, height), Paper, elements, []));
        using var image = surface.Snapshot();
        using var data = image.Encode(format, 88);
        return data.ToArray();
    }

    private static List<LayoutElement> Layout(TextFitter fitter, int w, int h)
    {
        var u = w / 1240f;
        var m = 80 * u;
        var elements = new List<LayoutElement>();

        void Text(SKRect area, VerticalAlign vertical, params TextSpec[] specs)
        {
            foreach (var block in fitter.FitStack(specs, area, vertical))
            {
                elements.Add(new TextElement(block));
            }
        }

        // Title band.
        var bandBottom = h * 0.29f;
        elements.Add(new FillElement(new SKRect(0, 0, w, bandBottom), Blue));
        elements.Add(new FillElement(new SKRect(0, bandBottom, w, bandBottom + (14 * u)), Yellow));
        Text(new SKRect(m, m * 0.8f, w - m, bandBottom - (m * 0.6f)), VerticalAlign.Center,
            new TextSpec("MAL PELAYANAN PUBLIK", new TextStyle(36 * u, true, Yellow, MaxLines: 1)),
            new TextSpec("Pelayanan Hari Sabtu", new TextStyle(112 * u, true, SKColors.White, MaxLines: 2, SpaceBefore: 0.15f)),
            new TextSpec("KTP-el, Kartu Keluarga dan akta, setiap Sabtu pertama tiap bulan", new TextStyle(44 * u, false, PaleBlue, SpaceBefore: 0.35f)));

        // Three numbered steps.
        var top = bandBottom + (14 * u) + (m * 0.9f);
        Text(new SKRect(m, top, w - m, top + (80 * u)), VerticalAlign.Top,
            new TextSpec("Tiga langkah mudah", new TextStyle(58 * u, true, Ink, MaxLines: 1)));
        top += 120 * u;
        var stepHeight = 190 * u;
        var disc = 120 * u;
        for (var i = 0; i < Steps.Length; i++)
        {
            var y = top + (i * stepHeight);
            var circle = SKRect.Create(m, y, disc, disc);
            elements.Add(new FillElement(circle, StepColours[i], disc / 2));
            Text(circle, VerticalAlign.Center,
                new TextSpec((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), new TextStyle(72 * u, true, SKColors.White, TextAlign.Center, MaxLines: 1)));
            Text(new SKRect(m + disc + (40 * u), y - (6 * u), w - m, y + stepHeight - (30 * u)), VerticalAlign.Top,
                new TextSpec(Steps[i].Title, new TextStyle(50 * u, true, Ink, MaxLines: 1)),
                new TextSpec(Steps[i].Detail, new TextStyle(36 * u, false, Grey, SpaceBefore: 0.25f)));
        }

        // The coloured band with the hours.
        var hoursTop = top + (Steps.Length * stepHeight) + (m * 0.4f);
        var footerTop = h - (130 * u);
        var hours = new SKRect(m, hoursTop, w - m, Math.Min(hoursTop + (330 * u), footerTop - (m * 0.8f)));
        elements.Add(new FillElement(hours, Yellow, 28 * u));
        Text(SKRect.Inflate(hours, -40 * u, -30 * u), VerticalAlign.Center,
            new TextSpec("Sabtu, 08.00–12.00 WIB", new TextStyle(92 * u, true, Blue, TextAlign.Center, MaxLines: 1)),
            new TextSpec("Gratis, tidak dipungut biaya apa pun", new TextStyle(44 * u, true, Ink, TextAlign.Center, SpaceBefore: 0.3f)),
            new TextSpec("Free of charge · Saturday service", new TextStyle(34 * u, false, Ink, TextAlign.Center, SpaceBefore: 0.25f)));

        // Footer.
        elements.Add(new FillElement(new SKRect(0, footerTop, w, h), Ink));
        Text(new SKRect(m, footerTop + (24 * u), w - m, h - (24 * u)), VerticalAlign.Center,
            new TextSpec("Informasi: loket informasi lantai 1\ncontoh poster dari poster-bench --sample", new TextStyle(30 * u, false, SKColors.White, TextAlign.Center)));

        var frame = new SKRect(0, 0, w, h);
        foreach (var line in elements.OfType<TextElement>().SelectMany(t => t.Block.Lines))
        {
            if (!frame.Contains(line.Box))
            {
                throw new InvalidOperationException($"The sample poster's line \"{line.Text}\" runs off the {w}×{h} page ({line.Box}).");
            }
        }

        return elements;
    }
}
