using System.Text.Json;
using MppSignage.Shared.Wire;

namespace MppSignage.Shared.Control;

/// <summary>
/// The checks every JSON command payload passes before its own fields are read, through the shared
/// reader <see cref="WireJson"/>: size, UTF-8, JSON, nesting depth, duplicate keys, a top-level object,
/// and only known field names. Each failure names the field.
/// </summary>
public static class CommandPayload
{
    /// <summary>Opens <paramref name="payload"/> as a JSON object, or returns the refusal.</summary>
    /// <param name="payload">The raw MQTT payload.</param>
    /// <param name="knownFields">The field names the command accepts; any other is refused (catches typos like <c>untill</c>). Null accepts any field.</param>
    /// <param name="document">The parsed document (caller disposes) when the result is null.</param>
    public static CommandResult? TryOpenObject(ReadOnlySpan<byte> payload, IReadOnlyCollection<string>? knownFields, out JsonDocument? document)
    {
        document = WireJson.OpenObject(payload, JsonInputRules.Command, out var problem);
        if (document is null)
        {
            return Refused(problem);
        }

        if (knownFields is not null)
        {
            var problems = new List<WireProblem>();
            WireJson.CheckMembers(document.RootElement, "", knownFields, problems);
            if (problems.Count > 0)
            {
                document.Dispose();
                document = null;
                return Refused(problems[0]);
            }
        }

        return null;
    }

    /// <summary>The refusal of a payload too large to read (checked before the payload is copied).</summary>
    public static CommandResult? CheckSize(long length) =>
        WireJson.CheckSize(length, JsonInputRules.Command) is { } problem ? Refused(problem) : null;

    /// <summary>A problem of the shared reader as a command refusal (the whole payload is the field <c>payload</c>).</summary>
    public static CommandResult Refused(WireProblem problem) =>
        CommandResult.Refused(problem.Path is "$" or "" ? "payload" : problem.Path, problem.Reason);

    /// <summary>Reads an optional string field: absent or null gives null; another type is refused.</summary>
    public static CommandResult? TryGetOptionalString(JsonElement obj, string field, int maxLength, out string? value)
    {
        value = null;
        if (!obj.TryGetProperty(field, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return CommandResult.Refused(field, $"must be a string or null, not {WireJson.Describe(element)}");
        }

        var text = element.GetString()!;
        if (text.Length > maxLength)
        {
            return CommandResult.Refused(field, $"is {text.Length} characters; at most {maxLength} are allowed");
        }

        if (text.Any(c => char.IsControl(c) && c != '\n'))
        {
            return CommandResult.Refused(field, "contains control characters");
        }

        value = text;
        return null;
    }
}
