using System.Text;
using System.Text.Json;

namespace MppSignage.Shared.Control;

/// <summary>
/// The checks every JSON command payload passes before its own fields are read: size, UTF-8, JSON,
/// nesting depth, a top-level object, and only known field names. Each failure names the field.
/// </summary>
public static class CommandPayload
{
    /// <summary>Opens <paramref name="payload"/> as a JSON object, or returns the refusal.</summary>
    /// <param name="payload">The raw MQTT payload.</param>
    /// <param name="knownFields">The field names the command accepts; any other is refused (catches typos like <c>untill</c>). Null accepts any field.</param>
    /// <param name="document">The parsed document (caller disposes) when the result is null.</param>
    public static CommandResult? TryOpenObject(ReadOnlySpan<byte> payload, IReadOnlyCollection<string>? knownFields, out JsonDocument? document)
    {
        document = null;
        if (payload.Length > CommandLimits.MaxPayloadBytes)
        {
            return CommandResult.Refused("payload", $"payload is {payload.Length} bytes; the limit is {CommandLimits.MaxPayloadBytes} bytes (64 KiB)");
        }

        if (payload.IsEmpty)
        {
            return CommandResult.Refused("payload", "payload is empty; expected a JSON object");
        }

        if (!IsValidUtf8(payload))
        {
            return CommandResult.Refused("payload", "payload is not valid UTF-8 text; expected a JSON object");
        }

        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(payload.ToArray(), new JsonDocumentOptions { MaxDepth = CommandLimits.MaxJsonDepth });
        }
        catch (JsonException ex)
        {
            return CommandResult.Refused("payload", $"payload is not valid JSON: {Shorten(ex.Message)}");
        }

        if (doc.RootElement.ValueKind != JsonValueKind.Object)
        {
            var kind = doc.RootElement.ValueKind.ToString().ToLowerInvariant();
            doc.Dispose();
            return CommandResult.Refused("payload", $"payload must be a JSON object, not {kind}");
        }

        if (knownFields is not null)
        {
            foreach (var property in doc.RootElement.EnumerateObject())
            {
                if (!knownFields.Contains(property.Name))
                {
                    var name = property.Name;
                    doc.Dispose();
                    return CommandResult.Refused(name, $"unknown field; expected only {string.Join(", ", knownFields)}");
                }
            }
        }

        document = doc;
        return null;
    }

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
            return CommandResult.Refused(field, $"must be a string or null, not {element.ValueKind.ToString().ToLowerInvariant()}");
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

    private static bool IsValidUtf8(ReadOnlySpan<byte> bytes)
    {
        try
        {
            _ = new UTF8Encoding(false, true).GetCharCount(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string Shorten(string message)
    {
        // System.Text.Json messages end with "LineNumber: 0 | BytePositionInLine: 5." which is the useful part; keep it short.
        return message.Length <= 200 ? message : message[..200];
    }
}
