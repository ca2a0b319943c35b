using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace MppSignage.Shared.Wire;

/// <summary>
/// The one JSON reader of every input format (commands, announcements, schedule documents): size, UTF-8,
/// syntax, depth and duplicate keys are checked here, and the validators describe values and cut quoted
/// input with the same helpers, so every format refuses alike and every problem carries its JSON path.
/// </summary>
public static class WireJson
{
    /// <summary>64 KiB: the largest MQTT command; a whole schedule document fits many times, anything larger is abuse or a mistake.</summary>
    public const int MaxCommandBytes = 64 * 1024;

    /// <summary>JSON nesting beyond this is refused (no format nests deeper than a few levels).</summary>
    public const int MaxDepth = 32;

    /// <summary>Earliest year a date or instant may name: years outside 1900–2199 are almost always typos (0224, 2204).</summary>
    public const int MinYear = 1900;

    /// <summary>Latest year a date or instant may name.</summary>
    public const int MaxYear = 2199;

    /// <summary>How much of a quoted input value a message repeats (the rest is cut with "…").</summary>
    public const int QuoteLength = 40;

    // A document full of repeated keys must not become a document's worth of problems.
    private const int MaxDuplicateProblems = 20;

    /// <summary>
    /// The escaping of everything written: '+' in offsets, quotes in templates and Indonesian letters stay
    /// readable instead of <c>\u002B</c> escapes (payloads are never embedded in HTML, the only place the escaping matters).
    /// </summary>
    public static JavaScriptEncoder Encoder => JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    /// <summary>
    /// Opens <paramref name="utf8"/> as JSON, or adds the one problem that makes it unreadable and returns
    /// null. Duplicate keys anywhere in the document are added as problems (each with its path) but the
    /// document is still returned, so a validator can report them together with everything else.
    /// </summary>
    /// <returns>The document (the caller disposes it), or null when the input is not usable JSON.</returns>
    public static JsonDocument? Open(ReadOnlySpan<byte> utf8, JsonInputRules rules, List<WireProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (CheckSize(utf8.Length, rules) is { } tooLarge)
        {
            problems.Add(tooLarge);
            return null;
        }

        if (utf8.IsEmpty)
        {
            problems.Add(new("$", $"{rules.Name} is empty; expected a JSON object"));
            return null;
        }

        if (!Utf8.IsValid(utf8))
        {
            problems.Add(new("$", $"{rules.Name} is not valid UTF-8 text; expected a JSON object"));
            return null;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions
            {
                MaxDepth = rules.MaxDepth,
                AllowTrailingCommas = rules.Lenient,
                CommentHandling = rules.Lenient ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
            });
        }
        catch (JsonException ex)
        {
            problems.Add(new("$", $"{rules.Name} is {SyntaxError(ex)}"));
            return null;
        }

        FindDuplicateKeys(utf8, rules, problems);
        return document;
    }

    /// <summary>The refusal of an input of <paramref name="length"/> bytes when it is over the limit of <paramref name="rules"/> (checked before buffering further).</summary>
    public static WireProblem? CheckSize(long length, JsonInputRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        return length > rules.MaxBytes
            ? new WireProblem("$", $"{rules.Name} is {length} bytes; at most {rules.MaxBytes} bytes ({Size(rules.MaxBytes)}) are accepted")
            : null;
    }

    /// <summary>
    /// Opens <paramref name="utf8"/> and requires a top-level object; returns null with the first problem
    /// (unreadable input, not an object, or a duplicate key). For single-answer formats such as commands.
    /// </summary>
    public static JsonDocument? OpenObject(ReadOnlySpan<byte> utf8, JsonInputRules rules, out WireProblem problem)
    {
        var problems = new List<WireProblem>();
        var document = Open(utf8, rules, problems);
        if (document is not null && document.RootElement.ValueKind != JsonValueKind.Object)
        {
            problems.Insert(0, new("$", $"{rules.Name} must be a JSON object, not {Describe(document.RootElement)}"));
        }

        if (problems.Count > 0)
        {
            document?.Dispose();
            problem = problems[0];
            return null;
        }

        problem = default;
        return document;
    }

    /// <summary>What a value is, for messages: <c>the text "…"</c>, <c>the number 5</c>, <c>true</c>, <c>null</c>, <c>an array</c>, <c>an object</c>.</summary>
    public static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the text \"{Shorten(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {Shorten(value.GetRawText())}",
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString(),
    };

    /// <summary>Input repeated in a message, cut after <see cref="QuoteLength"/> characters (never inside a surrogate pair).</summary>
    public static string Shorten(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= QuoteLength)
        {
            return text;
        }

        var cut = char.IsHighSurrogate(text[QuoteLength - 1]) ? QuoteLength - 1 : QuoteLength;
        return string.Concat(text.AsSpan(0, cut), "…");
    }

    /// <summary>The path of a member: <c>name</c> at the top, <c>parent.name</c> below.</summary>
    public static string Member(string parent, string name) =>
        parent.Length == 0 || parent == "$" ? Shorten(name) : $"{parent}.{Shorten(name)}";

    /// <summary>
    /// Adds a problem for every member of <paramref name="obj"/> that is not in <paramref name="allowed"/>
    /// (a typo such as <c>"untill"</c> must not silently make an override or an announcement permanent).
    /// </summary>
    public static void CheckMembers(JsonElement obj, string path, IReadOnlyCollection<string> allowed, List<WireProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        ArgumentNullException.ThrowIfNull(problems);
        foreach (var member in obj.EnumerateObject())
        {
            if (!allowed.Contains(member.Name))
            {
                problems.Add(new(Member(path, member.Name), UnknownMember(member.Name, allowed)));
            }
        }
    }

    /// <summary>The reason for an unknown member: a case-only typo gets its right spelling, anything else the list.</summary>
    public static string UnknownMember(string name, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        var suggestion = allowed.FirstOrDefault(a => string.Equals(a, name, StringComparison.OrdinalIgnoreCase));
        return suggestion is not null
            ? $"unknown field; did you mean '{suggestion}'? (names are case-sensitive)"
            : $"unknown field; expected one of: {string.Join(", ", allowed)}";
    }

    /// <summary><c>not valid JSON at line 1, column 5: 'h' is an invalid start of a value</c>.</summary>
    public static string SyntaxError(JsonException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var where = exception.LineNumber is { } line ? $" at line {line + 1}, column {(exception.BytePositionInLine ?? 0) + 1}" : "";
        // System.Text.Json appends "Path: $ | LineNumber: …", which the line and column above say better.
        var message = exception.Message;
        foreach (var tail in new[] { " Path:", " LineNumber:" })
        {
            var cut = message.IndexOf(tail, StringComparison.Ordinal);
            if (cut > 0)
            {
                message = message[..cut];
            }
        }

        return $"not valid JSON{where}: {message.Trim().TrimEnd('.')}";
    }

    private static string Size(int bytes) =>
        bytes % (1024 * 1024) == 0 ? $"{bytes / (1024 * 1024)} MiB" : bytes % 1024 == 0 ? $"{bytes / 1024} KiB" : $"{bytes} bytes";

    /// <summary>One pass over the tokens: the same key twice in one object is refused (which value wins differs between readers).</summary>
    private static void FindDuplicateKeys(ReadOnlySpan<byte> utf8, JsonInputRules rules, List<WireProblem> problems)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = rules.MaxDepth,
            AllowTrailingCommas = rules.Lenient,
            CommentHandling = rules.Lenient ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
        });
        var open = new Stack<Container>();
        var found = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    open.Push(new Container(ValuePath(open), isArray: false));
                    break;
                case JsonTokenType.StartArray:
                    open.Push(new Container(ValuePath(open), isArray: true));
                    break;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    open.Pop();
                    break;
                case JsonTokenType.PropertyName:
                    var container = open.Peek();
                    var name = reader.GetString()!;
                    container.Current = Member(container.Path, name);
                    if (!container.Names!.Add(name) && found++ < MaxDuplicateProblems)
                    {
                        problems.Add(new(container.Current, "given twice; each key may appear only once in an object"));
                    }

                    break;
                default:
                    _ = ValuePath(open);
                    break;
            }
        }

        if (found > MaxDuplicateProblems)
        {
            problems.Add(new("$", $"{found - MaxDuplicateProblems} more duplicate keys not listed"));
        }
    }

    /// <summary>The path of the value that starts now (and counts it when it is an array element).</summary>
    private static string ValuePath(Stack<Container> open)
    {
        if (open.Count == 0)
        {
            return "";
        }

        var top = open.Peek();
        if (!top.IsArray)
        {
            return top.Current;
        }

        top.Index++;
        return $"{top.Path}[{top.Index}]";
    }

    private sealed class Container(string path, bool isArray)
    {
        public string Path { get; } = path;

        public bool IsArray { get; } = isArray;

        public HashSet<string>? Names { get; } = isArray ? null : new HashSet<string>(StringComparer.Ordinal);

        public int Index { get; set; } = -1;

        public string Current { get; set; } = path;
    }
}
