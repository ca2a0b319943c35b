using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace MppSignage.Shared.Control;

/// <summary>Parses and checks the syntax of an <c>override/set</c> payload (the rules against time and the schedule are in <see cref="OverrideRules"/>).</summary>
public static class OverrideCommandParser
{
    private static readonly string[] KnownFields = ["state", "until", "reason"];

    private static readonly OffsetDateTimePattern[] UntilPatterns =
    [
        OffsetDateTimePattern.ExtendedIso,
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mmo<G>"),
    ];

    /// <summary>Parses <paramref name="payload"/>; every refusal names the field and the reason.</summary>
    public static ParseOutcome<OverrideCommand> Parse(ReadOnlySpan<byte> payload)
    {
        var error = CommandPayload.TryOpenObject(payload, KnownFields, out var document);
        if (error is not null)
        {
            return ParseOutcome<OverrideCommand>.Refused(error);
        }

        using (document)
        {
            var root = document!.RootElement;
            if (!root.TryGetProperty("state", out var stateElement))
            {
                return ParseOutcome<OverrideCommand>.Refused("state", "is required: open, closed or auto");
            }

            if (stateElement.ValueKind != JsonValueKind.String)
            {
                return ParseOutcome<OverrideCommand>.Refused("state", $"must be a string (open, closed or auto), not {stateElement.ValueKind.ToString().ToLowerInvariant()}");
            }

            OverrideTarget target;
            switch (stateElement.GetString())
            {
                case "open": target = OverrideTarget.Open; break;
                case "closed": target = OverrideTarget.Closed; break;
                case "auto": target = OverrideTarget.Auto; break;
                default:
                    return ParseOutcome<OverrideCommand>.Refused("state", $"unknown value '{Trim(stateElement.GetString()!)}'; expected open, closed or auto");
            }

            Instant? until = null;
            if (root.TryGetProperty("until", out var untilElement) && untilElement.ValueKind != JsonValueKind.Null)
            {
                if (untilElement.ValueKind != JsonValueKind.String)
                {
                    return ParseOutcome<OverrideCommand>.Refused("until", $"must be an ISO 8601 date-time string with offset or null, not {untilElement.ValueKind.ToString().ToLowerInvariant()}");
                }

                var parsed = ParseUntil(untilElement.GetString()!);
                if (parsed is null)
                {
                    return ParseOutcome<OverrideCommand>.Refused("until", $"'{Trim(untilElement.GetString()!)}' is not an ISO 8601 date-time with offset, e.g. 2024-07-01T15:00:00+07:00");
                }

                until = parsed;
            }

            error = CommandPayload.TryGetOptionalString(root, "reason", CommandLimits.MaxReasonLength, out var reason);
            if (error is not null)
            {
                return ParseOutcome<OverrideCommand>.Refused(error);
            }

            if (target == OverrideTarget.Auto && until is not null)
            {
                return ParseOutcome<OverrideCommand>.Refused("until", "must be null or absent when state is auto");
            }

            return ParseOutcome<OverrideCommand>.Ok(new OverrideCommand(target, until, string.IsNullOrWhiteSpace(reason) ? null : reason.Trim()));
        }
    }

    /// <summary>Parses an ISO 8601 date-time that carries a UTC offset (or Z); null when it does not.</summary>
    public static Instant? ParseUntil(string text)
    {
        foreach (var pattern in UntilPatterns)
        {
            var result = pattern.Parse(text);
            if (result.Success)
            {
                return result.Value.ToInstant();
            }
        }

        return null;
    }

    private static string Trim(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
