using MppSignage.SignageRenderer.Drawing;
using MppSignage.SignageRenderer.Output;

namespace MppSignage.SignageRenderer.Tests.Drawing;

/// <summary>The blend arithmetic of a cross-fade, in both framebuffer formats.</summary>
public sealed class CrossFadeTests
{
    [Theory]
    // 0: all of the old frame; 128: half way; 256: all of the new frame
    [InlineData(0)]
    [InlineData(128)]
    [InlineData(256)]
    // a length that is not a multiple of the 16-byte vector (the scalar tail)
    [InlineData(77)]
    public void Blend32_EveryChannel_IsTheWeightedMean(int weight)
    {
        var width = 37; // 148 bytes: nine vectors and a 4-byte tail
        var from = new byte[width * 4];
        var to = new byte[width * 4];
        for (var i = 0; i < from.Length; i++)
        {
            from[i] = (byte)(i * 7);
            to[i] = (byte)(255 - (i * 3));
        }

        var dst = new byte[from.Length];
        CrossFade.Blend32(from, to, dst, weight);

        for (var i = 0; i < dst.Length; i++)
        {
            var expected = ((from[i] * (256 - weight)) + (to[i] * weight)) >> 8;
            Assert.Equal(expected, dst[i]);
        }
    }

    [Fact]
    public void Blend565_MidWeight_LiesBetweenTheTwoPixels()
    {
        // From pure green (as a 16 bpp screen shows it) to red in BGRA.
        var from565 = new byte[2];
        FramebufferOutput.ToRgb565([0x00, 0xFF, 0x00, 0xFF], from565, 1);
        var to565 = new byte[2];
        FramebufferOutput.ToRgb565([0x00, 0x00, 0xFF, 0xFF], to565, 1);
        var dst = new byte[2];

        CrossFade.Blend565(from565, to565, dst, 128);

        var p = BitConverter.ToUInt16(dst);
        var r = (p >> 11) & 0x1F;
        var g = (p >> 5) & 0x3F;
        Assert.InRange(r, 12, 19); // about half of 31
        Assert.InRange(g, 28, 35); // about half of 63
        Assert.Equal(0, p & 0x1F);
    }

    [Fact]
    public void Blend565_EndWeights_GiveTheTwoFramesBack()
    {
        var from565 = new byte[2];
        FramebufferOutput.ToRgb565([0x3A, 0x1F, 0x0B, 0xFF], from565, 1);
        byte[] toBgra = [0x1C, 0x1C, 0x9B, 0xFF];
        var to565 = new byte[2];
        FramebufferOutput.ToRgb565(toBgra, to565, 1);
        var dst = new byte[2];

        CrossFade.Blend565(from565, to565, dst, 0);
        Assert.Equal(from565, dst);
        CrossFade.Blend565(from565, to565, dst, CrossFade.FullWeight);
        Assert.Equal(to565, dst);
    }

    [Fact]
    public void WeightAt_RisesToFullAtTheLastStep()
    {
        var weights = Enumerable.Range(0, 9).Select(i => CrossFade.WeightAt(i, 8)).ToList();

        Assert.Equal(0, weights[0]);
        Assert.Equal(CrossFade.FullWeight, weights[^1]);
        Assert.True(weights.Zip(weights.Skip(1)).All(p => p.Second > p.First));
    }
}
