using System.Text;

namespace MppSignage.Controller.Cli;

/// <summary>A sink over a <see cref="TextWriter"/> (the invocation's output, e.g. captured in tests).</summary>
internal sealed class TextLineSink(TextWriter writer) : IHoursLineSink
{
    public void WriteLine(ReadOnlySpan<byte> utf8) => writer.Write(Encoding.UTF8.GetString(utf8) + "\n");

    public void Flush() => writer.Flush();
}
