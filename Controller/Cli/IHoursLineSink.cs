namespace MppSignage.Controller.Cli;

/// <summary>Where <see cref="HoursJsonLines"/> writes: standard output as bytes, or a <see cref="TextWriter"/> in tests.</summary>
internal interface IHoursLineSink
{
    /// <summary>Writes one line (UTF-8, without the newline).</summary>
    void WriteLine(ReadOnlySpan<byte> utf8);

    /// <summary>Pushes buffered lines out.</summary>
    void Flush();
}
