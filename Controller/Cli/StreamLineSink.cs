namespace MppSignage.Controller.Cli;

/// <summary>A sink over a byte stream, buffered.</summary>
internal sealed class StreamLineSink(Stream stream) : IHoursLineSink
{
    private readonly BufferedStream _out = new(stream, 64 * 1024);

    public void WriteLine(ReadOnlySpan<byte> utf8)
    {
        _out.Write(utf8);
        _out.WriteByte((byte)'\n');
    }

    public void Flush() => _out.Flush();
}
