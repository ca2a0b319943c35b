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
        var to = Pixels(3);
        var dst = new byte[Width * 2];

        CrossFade.Blend565(from565, to, dst, Width, weight);

        for (var x = 0; x < Width; x++)
        {
            var p = BitConverter.ToUInt16(from565, x * 2);
            int Expand(int v, int bits) => bits == 5 ? (v << 3) | (v >> 2) : (v << 2) | (v >> 4);
            int Mix(int a, int b) => ((a * (256 - weight)) + (b * weight)) >> 8;
            var r = Mix(Expand((p >> 11) & 0x1F, 5), to[(x * 4) + 2]);
            var g = Mix(Expand((p >> 5) & 0x3F, 6), to[(x * 4) + 1]);
            var b = Mix(Expand(p & 0x1F, 5), to[x * 4]);
            Assert.Equal(Pack((byte)b, (byte)g, (byte)r), BitConverter.ToUInt16(dst, x * 2));
        }
    }
}
