using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace MppSignage.SignageRenderer.Drawing;

/// <summary>
/// The arithmetic of a cross-fade: the previous frame and the next one blended pixel by pixel into an output
/// buffer, <c>out = (from × (256 − w) + to × w) / 256</c> per channel for a weight <c>w</c> of 0–256. Rows are
/// blended straight into the framebuffer's staging buffer in the device's format, so a fade frame costs one
/// pass over the pixels and no extra full-size bitmap.
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
    /// <param name="destination">Where the blend goes (may be <paramref name="from"/>'s buffer only if nothing reads it again).</param>
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
    /// Blends a row of RGB565 pixels (what a 16 bpp framebuffer shows) with a row of BGRA pixels into RGB565
    /// <paramref name="destination"/>, each channel blended at 8 bits and truncated as <see cref="Output.FramebufferOutput.ToRgb565"/> does.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Blend565(ReadOnlySpan<byte> from565, ReadOnlySpan<byte> toBgra, Span<byte> destination565, int width, int weight)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(weight, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(weight, FullWeight);
        var src = MemoryMarshal.Cast<byte, ushort>(from565[..(width * 2)]);
        var to = MemoryMarshal.Cast<byte, uint>(toBgra[..(width * 4)]);
        var dst = MemoryMarshal.Cast<byte, ushort>(destination565[..(width * 2)]);
        var wf = FullWeight - weight;
        var x = 0;
        if (Vector128.IsHardwareAccelerated && BitConverter.IsLittleEndian)
        {
            // Eight pixels at a time in 32-bit lanes: expand, blend and pack without leaving the registers.
            var vw = Vector128.Create((uint)weight);
            var vwf = Vector128.Create((uint)wf);
            ref var s0 = ref MemoryMarshal.GetReference(src);
            ref var t0 = ref MemoryMarshal.GetReference(to);
            ref var d0 = ref MemoryMarshal.GetReference(dst);
            for (; x <= width - 8; x += 8)
            {
                var (lo, hi) = Vector128.Widen(Vector128.LoadUnsafe(ref s0, (nuint)x));
                var a = Blend565Lanes(lo, Vector128.LoadUnsafe(ref t0, (nuint)x), vw, vwf);
                var b = Blend565Lanes(hi, Vector128.LoadUnsafe(ref t0, (nuint)(x + 4)), vw, vwf);
                Vector128.Narrow(a, b).StoreUnsafe(ref d0, (nuint)x);
            }
        }

        for (; x < width; x++)
        {
            var p = src[x];
            // Expand 5/6 bits to 8 by repeating the top bits, so white stays white.
            var r0 = ((p >> 11) & 0x1F) << 3;
            var g0 = ((p >> 5) & 0x3F) << 2;
            var b0 = (p & 0x1F) << 3;
            r0 |= r0 >> 5;
            g0 |= g0 >> 6;
            b0 |= b0 >> 5;
            var q = to[x];
            var r = ((r0 * wf) + ((int)((q >> 16) & 0xFF) * weight)) >> 8;
            var g = ((g0 * wf) + ((int)((q >> 8) & 0xFF) * weight)) >> 8;
            var b = ((b0 * wf) + ((int)(q & 0xFF) * weight)) >> 8;
            dst[x] = (ushort)(((r & 0xF8) << 8) | ((g & 0xFC) << 3) | (b >> 3));
        }
    }

    /// <summary>Four RGB565 pixels (in 32-bit lanes) blended with four BGRA pixels, packed back to RGB565.</summary>
    private static Vector128<uint> Blend565Lanes(Vector128<uint> p, Vector128<uint> q, Vector128<uint> w, Vector128<uint> wf)
    {
        var m5 = Vector128.Create(0x1Fu);
        var m6 = Vector128.Create(0x3Fu);
        var m8 = Vector128.Create(0xFFu);
        var r = (p >> 11) & m5;
        var g = (p >> 5) & m6;
        var b = p & m5;
        r = (r << 3) | (r >> 2);
        g = (g << 2) | (g >> 4);
        b = (b << 3) | (b >> 2);
        r = ((r * wf) + (((q >> 16) & m8) * w)) >> 8;
        g = ((g * wf) + (((q >> 8) & m8) * w)) >> 8;
        b = ((b * wf) + ((q & m8) * w)) >> 8;
        return ((r & Vector128.Create(0xF8u)) << 8) | ((g & Vector128.Create(0xFCu)) << 3) | (b >> 3);
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
