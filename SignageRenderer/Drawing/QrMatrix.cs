using QRCoder;

namespace MppSignage.SignageRenderer.Drawing;

/// <summary>The modules of a QR code (quiet zone included), from QRCoder's <c>ModuleMatrix</c>.</summary>
public sealed class QrMatrix
{
    private readonly bool[] _dark;

    private QrMatrix(int size, bool[] dark, string payload)
    {
        Size = size;
        _dark = dark;
        Payload = payload;
    }

    /// <summary>Modules per side, quiet zone included.</summary>
    public int Size { get; }

    /// <summary>What the code encodes.</summary>
    public string Payload { get; }

    /// <summary>True when the module at column <paramref name="x"/>, row <paramref name="y"/> is dark.</summary>
    public bool IsDark(int x, int y) => _dark[(y * Size) + x];

    /// <summary>
    /// Encodes <paramref name="payload"/> with error correction level M (15%: survives a smudge or glare on
    /// the screen while keeping the code coarse enough to scan from a few metres).
    /// </summary>
    public static QrMatrix Create(string payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(payload);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var size = rows.Count;
        var dark = new bool[size * size];
        for (var y = 0; y < size; y++)
        {
            for (var x = 0; x < size; x++)
            {
                dark[(y * size) + x] = rows[y][x];
            }
        }

        return new QrMatrix(size, dark, payload);
    }
}
