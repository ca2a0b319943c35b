using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MppSignage.SignageRenderer.Drawing;

/// <summary>
/// The arithmetic of a cross-fade: the previous frame and the next one blended pixel by pixel into an output
/// buffer, <c>out = (from × (256 − w) + to × w) / 256</c> per channel for a weight <c>w</c> of 0–256. Rows are
/// blended straight into the framebuffer's staging buffer in the device's format, so a fade frame costs one
/// pass over the pixels and no extra full-size bitmap: each step blends the previous step's picture further, in place.
/// </summary>
public static class CrossFade
{
    /// <summary>The weight of the next frame at the end of a fade.</summary>
    public const int FullWeight = 256;

    /// <summary>
    /// Blends two rows of 32-bit pixels (BGRA or XRGB, byte for byte) into <paramref name="destination"/>.
    /// </summary>
    /// <param name="from">The frame being left (as on screen).</param>
    /// <param name="to">The frame being faded in.</param>
    /// <param name="destination">Where the blend goes; may be <paramref name="from"/> itself (each block is read before it is written), as a fade does step after step.</param>
    /// <param name="weight">0 (all <paramref name="from"/>) to <see cref="FullWeight"/> (all <paramref name="to"/>).</param>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // a hot loop called a few times a minute: never run it unoptimised
    public static void Blend32(ReadOnlySpan<byte> from, ReadOnlySpan<byte> to, Span<byte> destination, int weight)
    {
        if (from.Length != to.Length || destination.Length < from.Length)
        {
            throw new ArgumentException($"Rows differ in length: from {from.Length}, to {to.Length}, destination {destination.Length} bytes.", nameof(destination));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weight, FullWeight);
        var i = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // 16 bytes at a time, widened to 16-bit lanes: SSE2 on x64, NEON on the Pi's arm64.
            var wt = Vector128.Create((ushort)weight);
            var wf = Vector128.Create((ushort)(FullWeight - weight));
            ref var f = ref MemoryMarshal.GetReference(from);
            ref var t = ref MemoryMarshal.GetReference(to);
            ref var d = ref MemoryMarshal.GetReference(destination);
            for (; i <= from.Length - 16; i += 16)
            {
                var a = Vector128.LoadUnsafe(ref f, (nuint)i);
                var b = Vector128.LoadUnsafe(ref t, (nuint)i);
                var (aLo, aHi) = Vector128.Widen(a);
                var (bLo, bHi) = Vector128.Widen(b);
                var lo = ((aLo * wf) + (bLo * wt)) >> 8;
                var hi = ((aHi * wf) + (bHi * wt)) >> 8;
                Vector128.Narrow(lo, hi).StoreUnsafe(ref d, (nuint)i);
            }
        }

        for (; i < from.Length; i++)
        {
            destination[i] = (byte)(((from[i] * (FullWeight - weight)) + (to[i] * weight)) >> 8);
        }
    }

    /// <summary>
    /// Blends two rows of RGB565 pixels into RGB565 <paramref name="destination565"/>, each 5/6-bit channel
    /// blended at its own precision: eight pixels per 16-bit vector and half the bytes of a BGRA source to read,
    /// for a 16 bpp framebuffer's fade whose next frame was converted once at its start. Weight 0 gives
    /// <paramref name="from565"/> and <see cref="FullWeight"/> gives <paramref name="to565"/> exactly. <paramref name="destination565"/>
    /// may be <paramref name="from565"/> itself.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Blend565(ReadOnlySpan<byte> from565, ReadOnlySpan<byte> to565, Span<byte> destination565, int weight)
    {
        if (from565.Length != to565.Length || destination565.Length < from565.Length || (from565.Length & 1) != 0)
        {
            throw new ArgumentException($"RGB565 rows differ in length: from {from565.Length}, to {to565.Length}, destination {destination565.Length} bytes.", nameof(destination565));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weight, FullWeight);
        var src = MemoryMarshal.Cast<byte, ushort>(from565);
        var to = MemoryMarshal.Cast<byte, ushort>(to565);
        var dst = MemoryMarshal.Cast<byte, ushort>(destination565);
        var wf = FullWeight - weight;
        var x = 0;
        if (Vector128.IsHardwareAccelerated)
        {
            // 31 × 256 and 63 × 256 fit 16 bits: the whole blend stays in 16-bit lanes.
            var vw = Vector128.Create((ushort)weight);
            var vwf = Vector128.Create((ushort)wf);
            var m5 = Vector128.Create((ushort)0x1F);
            var m6 = Vector128.Create((ushort)0x3F);
            ref var s0 = ref MemoryMarshal.GetReference(src);
            ref var t0 = ref MemoryMarshal.GetReference(to);
            ref var d0 = ref MemoryMarshal.GetReference(dst);
            for (; x <= src.Length - 8; x += 8)
            {
                var a = Vector128.LoadUnsafe(ref s0, (nuint)x);
                var b = Vector128.LoadUnsafe(ref t0, (nuint)x);
                var r = (((a >> 11) * vwf) + ((b >> 11) * vw)) >> 8;
                var g = ((((a >> 5) & m6) * vwf) + (((b >> 5) & m6) * vw)) >> 8;
                var bl = (((a & m5) * vwf) + ((b & m5) * vw)) >> 8;
                ((r << 11) | (g << 5) | bl).StoreUnsafe(ref d0, (nuint)x);
            }
        }

        for (; x < src.Length; x++)
        {
            int a = src[x], b = to[x];
            var r = (((a >> 11) * wf) + ((b >> 11) * weight)) >> 8;
            var g = ((((a >> 5) & 0x3F) * wf) + (((b >> 5) & 0x3F) * weight)) >> 8;
            var bl = (((a & 0x1F) * wf) + ((b & 0x1F) * weight)) >> 8;
            dst[x] = (ushort)((r << 11) | (g << 5) | bl);
        }
    }

    /// <summary>
    /// The weight of the next frame at step <paramref name="step"/> of <paramref name="steps"/>: steps 1 to
    /// <c>steps − 1</c> are the blended frames in between, step <paramref name="steps"/> is the next frame itself.
    /// </summary>
    public static int WeightAt(int step, int steps)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        return (int)Math.Round(Math.Clamp(step, 0, steps) * (double)FullWeight / steps);
    }
}
