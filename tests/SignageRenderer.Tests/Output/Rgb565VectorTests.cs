using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Output;

namespace MppSignage.SignageRenderer.Tests.Output;

/// <summary>The vectorised RGB565 paths (eight pixels at a time) give exactly the per-pixel formula, tail included.</summary>
public sealed class Rgb565VectorTests
{
    private const int Width = 37; // four vectors of eight and a tail of five

    private static byte[] Pixels(int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[Width * 4];
        random.NextBytes(bytes);
        return bytes;
    }

    private static ushort Pack(byte b, byte g, byte r) => (ushort)(((r >> 3) << 11) | ((g >> 2) << 5) | (b >> 3));

    [Fact]
    public void ToRgb565_EveryPixel_TruncatesEachChannel()
    {
        var bgra = Pixels(1);
        var dst = new byte[Width * 2];

        FramebufferOutput.ToRgb565(bgra, dst, Width);

        for (var x = 0; x < Width; x++)
        {
            Assert.Equal(Pack(bgra[x * 4], bgra[(x * 4) + 1], bgra[(x * 4) + 2]), BitConverter.ToUInt16(dst, x * 2));
        }
    }

    [Theory]
    // a quarter, half and three quarters of the way
    [InlineData(64)]
    [InlineData(128)]
    [InlineData(192)]
    public void Blend565_EveryPixel_MatchesThePerPixelBlend(int weight)
    {
        var from565 = new byte[Width * 2];
        FramebufferOutput.ToRgb565(Pixels(2), from565, Width);
        var to565 = new byte[Width * 2];
        FramebufferOutput.ToRgb565(Pixels(3), to565, Width);
        var dst = new byte[Width * 2];

        CrossFade.Blend565(from565, to565, dst, weight);

        for (var x = 0; x < Width; x++)
        {
            // Each channel at its own 5/6-bit precision.
            int p = BitConverter.ToUInt16(from565, x * 2), q = BitConverter.ToUInt16(to565, x * 2);
            int Mix(int a, int b) => ((a * (256 - weight)) + (b * weight)) >> 8;
            var expected = (Mix(p >> 11, q >> 11) << 11) | (Mix((p >> 5) & 0x3F, (q >> 5) & 0x3F) << 5) | Mix(p & 0x1F, q & 0x1F);
            Assert.Equal(expected, BitConverter.ToUInt16(dst, x * 2));
        }
    }
}
