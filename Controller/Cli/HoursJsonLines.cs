using System.Buffers;
using System.Text.Json;
using MppSignage.Shared.OpeningHours;
using NodaTime;

namespace MppSignage.Controller.Cli;

/// <summary>
/// <c>hours eval --jsonl</c>: one <c>{"expr":…,"at":…[,"tz":…]}</c> per input line, one result or
/// <c>{"error":…}</c> per output line, in order. Built for checking many expressions: lines are
/// parsed as UTF-8 bytes, the fields are decoded in place (no string per line), instants are read and written
/// by <see cref="MppSignage.Shared.Mqtt.IsoTime"/>'s span overloads, parsed expressions and zones are cached
/// (looked up by span), and output is flushed once per
/// input chunk (so a file streams fast, while a co-process writing one line at a time still gets
/// each answer at once).
/// </summary>
internal sealed class HoursJsonLines
{
    private const int MaxCachedExpressions = 50_000;

    private static readonly byte[] ExprName = "expr"u8.ToArray();
    private static readonly byte[] AtName = "at"u8.ToArray();
    private static readonly byte[] TzName = "tz"u8.ToArray();

    private readonly DateTimeZone _defaultZone;
    private readonly Dictionary<string, OpeningHoursParseResult> _expressions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeZone?> _zones = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OpeningHoursParseResult>.AlternateLookup<ReadOnlySpan<char>> _expressionsBySpan;
    private readonly Dictionary<string, DateTimeZone?>.AlternateLookup<ReadOnlySpan<char>> _zonesBySpan;

    // The three fields' characters, decoded from the line in place (grown to the longest value seen): a line
    // whose expression and zone are cached allocates nothing.
    private char[] _expr = new char[256];
    private char[] _at = new char[64];
    private char[] _tz = new char[64];
    private readonly ArrayBufferWriter<byte> _line = new(512);
    private readonly Utf8JsonWriter _writer;

    public HoursJsonLines(DateTimeZone defaultZone)
    {
        _defaultZone = defaultZone;
        _writer = new Utf8JsonWriter(_line, HoursJson.WriterOptions);
        _expressionsBySpan = _expressions.GetAlternateLookup<ReadOnlySpan<char>>();
        _zonesBySpan = _zones.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Lines read.</summary>
    public int Lines { get; private set; }

    /// <summary>Lines answered with an error.</summary>
    public int Errors { get; private set; }

    /// <summary>Reads <paramref name="input"/> to its end, writing one line per input line to <paramref name="sink"/>.</summary>
    public void Run(Stream input, IHoursLineSink sink)
    {
        var buffer = new byte[64 * 1024];
        int start = 0, end = 0;
        while (true)
        {
            if (end == buffer.Length)
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                else
                {
                    Array.Resize(ref buffer, buffer.Length * 2); // a line longer than the buffer
                }
            }

            var n = input.Read(buffer, end, buffer.Length - end);
            if (n == 0)
            {
                break;
            }

            var scan = end;
            end += n;
            while (true)
            {
                var nl = Array.IndexOf(buffer, (byte)'\n', scan, end - scan);
                if (nl < 0)
                {
                    break;
                }

                Answer(buffer.AsSpan(start, nl - start), sink);
                start = scan = nl + 1;
            }

            if (start == end)
            {
                start = end = 0;
            }

            sink.Flush();
        }

        if (end > start)
        {
            Answer(buffer.AsSpan(start, end - start), sink); // last line without a newline
        }

        sink.Flush();
    }

    private void Answer(ReadOnlySpan<byte> line, IHoursLineSink sink)
    {
        Lines++;
        if (line.Length > 0 && line[^1] == (byte)'\r')
        {
            line = line[..^1];
        }

        if (Lines == 1 && line.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            line = line[3..]; // UTF-8 byte order mark
        }

        _line.ResetWrittenCount();
        _writer.Reset(_line);
        string? error;
        try
        {
            error = Evaluate(line);
        }
        catch (Exception ex)
        {
            // On purpose: one bad line must not end a batch of thousands; it is reported in its place.
            error = $"internal error: {ex.Message}";
            _line.ResetWrittenCount();
            _writer.Reset(_line);
        }

        if (error is not null)
        {
            Errors++;
            HoursJson.WriteError(_writer, $"line {Lines}: {error}");
        }

        _writer.Flush();
        sink.WriteLine(_line.WrittenSpan);
    }

    /// <summary>Writes the answer of one line, or returns the error message.</summary>
    private string? Evaluate(ReadOnlySpan<byte> line)
    {
        if (line.Trim(" \t"u8).IsEmpty)
        {
            return "empty line; expected {\"expr\": \"…\", \"at\": \"…\"}";
        }

        int exprLength = -1, atLength = -1, tzLength = -1;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "expected a JSON object {\"expr\": \"…\", \"at\": \"…\"}";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var which = reader.ValueTextEquals(ExprName) ? 1 : reader.ValueTextEquals(AtName) ? 2 : reader.ValueTextEquals(TzName) ? 3 : 0;
                reader.Read();
                if (which == 0)
                {
                    reader.Skip(); // other fields (ids, expected values) are the caller's business
                    continue;
                }

                if (reader.TokenType == JsonTokenType.Null)
                {
                    continue;
                }

                if (reader.TokenType != JsonTokenType.String)
                {
                    return $"\"{(which == 1 ? "expr" : which == 2 ? "at" : "tz")}\" must be a string";
                }

                switch (which)
                {
                    case 1: exprLength = Copy(ref reader, ref _expr); break;
                    case 2: atLength = Copy(ref reader, ref _at); break;
                    default: tzLength = Copy(ref reader, ref _tz); break;
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return "expected one JSON object per line";
            }
        }
        catch (JsonException ex)
        {
            // System.Text.Json appends "LineNumber: 0 | BytePositionInLine: 12."; say it as a column.
            var message = ex.Message.Split(" LineNumber:", 2)[0].Split(" Path:", 2)[0].Trim();
            return $"not valid JSON at column {(ex.BytePositionInLine ?? 0) + 1}: {message}";
        }

        if (exprLength < 0)
        {
            return "missing \"expr\"";
        }

        if (atLength < 0)
        {
            return "missing \"at\"";
        }

        var zone = _defaultZone;
        ReadOnlySpan<char> tz = _tz.AsSpan(0, Math.Max(tzLength, 0));
        if (tzLength >= 0 && (zone = Zone(tz)!) is null)
        {
            return $"\"tz\": unknown time zone '{tz}'";
        }

        ReadOnlySpan<char> at = _at.AsSpan(0, atLength);
        if (!HoursTime.TryParseLocal(at, zone, out var local))
        {
            return $"\"at\": '{at}' is not {HoursTime.Expected}";
        }

        var parsed = Parse(_expr.AsSpan(0, exprLength));
        if (parsed.Expression is not { } expression)
        {
            return $"\"expr\": {parsed.Error?.ToString() ?? "invalid opening_hours"}";
        }

        HoursJson.WriteEval(_writer, expression.GetState(local), expression.GetNextChange(local), zone);
        return null;
    }

    /// <summary>Unescapes the current string token into <paramref name="into"/> (grown when short); returns its length.</summary>
    private static int Copy(ref Utf8JsonReader reader, ref char[] into)
    {
        // Unescaped UTF-16 never has more characters than the token has UTF-8 bytes.
        if (into.Length < reader.ValueSpan.Length)
        {
            into = new char[Math.Max(reader.ValueSpan.Length, into.Length * 2)];
        }

        return reader.CopyString(into);
    }

    private OpeningHoursParseResult Parse(ReadOnlySpan<char> expr)
    {
        if (_expressionsBySpan.TryGetValue(expr, out var cached))
        {
            return cached;
        }

        if (_expressions.Count >= MaxCachedExpressions)
        {
            _expressions.Clear();
        }

        var text = expr.ToString();
        var result = OpeningHoursExpression.Parse(text);
        _expressions[text] = result;
        return result;
    }

    private DateTimeZone? Zone(ReadOnlySpan<char> id)
    {
        if (!_zonesBySpan.TryGetValue(id, out var zone))
        {
            var text = id.ToString();
            zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(text);
            _zones[text] = zone;
        }

        return zone;
    }
}
