using System.Globalization;

namespace MppSignage.SignageRenderer.Output;

/// <summary>The layout of a Linux framebuffer, as sysfs describes it.</summary>
/// <param name="Width">Pixels per row (<c>virtual_size</c>, first number).</param>
/// <param name="Height">Rows (<c>virtual_size</c>, second number).</param>
/// <param name="BitsPerPixel">16 (RGB565) or 32 (XRGB8888).</param>
/// <param name="Stride">Bytes per row (<c>stride</c>), at least width × bytes per pixel; drivers may pad it.</param>
public sealed record FramebufferGeometry(int Width, int Height, int BitsPerPixel, int Stride)
{
    /// <summary>Bytes per pixel.</summary>
    public int BytesPerPixel => BitsPerPixel / 8;

    /// <summary>
    /// Reads <c>virtual_size</c>, <c>bits_per_pixel</c> and <c>stride</c> from <paramref name="sysfsDirectory"/>
    /// (e.g. <c>/sys/class/graphics/fb0</c>). Returns null and the reason when they are missing or unsupported.
    /// </summary>
    public static FramebufferGeometry? TryRead(string sysfsDirectory, out string? error)
    {
        ArgumentNullException.ThrowIfNull(sysfsDirectory);
        error = null;
        string Read(string name) => File.ReadAllText(Path.Combine(sysfsDirectory, name)).Trim();
        string size, bpp, stride;
        try
        {
            size = Read("virtual_size");
            bpp = Read("bits_per_pixel");
            stride = Read("stride");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            error = $"cannot read the framebuffer description in {sysfsDirectory} ({ex.Message}); is there a display (fbdev/KMS) and is Display:FramebufferSysfs right?";
            return null;
        }

        var parts = size.Split(',');
        if (parts.Length != 2
            || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var w)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var h)
            || w <= 0 || h <= 0)
        {
            error = $"{sysfsDirectory}/virtual_size is '{size}', expected WIDTH,HEIGHT";
            return null;
        }

        if (!int.TryParse(bpp, NumberStyles.None, CultureInfo.InvariantCulture, out var bits) || bits is not (16 or 32))
        {
            error = $"{sysfsDirectory}/bits_per_pixel is '{bpp}'; only 16 (RGB565) and 32 (XRGB8888) are supported";
            return null;
        }

        if (!int.TryParse(stride, NumberStyles.None, CultureInfo.InvariantCulture, out var s) || s < w * (bits / 8))
        {
            error = $"{sysfsDirectory}/stride is '{stride}', less than {w} pixels × {bits / 8} bytes";
            return null;
        }

        return new FramebufferGeometry(w, h, bits, s);
    }
}
