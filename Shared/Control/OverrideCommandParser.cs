using System.Text.Json;
using MppSignage.Shared.Mqtt;
using MppSignage.Shared.Wire;
using NodaTime;

namespace MppSignage.Shared.Control;

/// <summary>Parses and checks the syntax of an <c>override/set</c> payload (the rules against time and the schedule are in <see cref="OverrideRules"/>).</summary>
public static class OverrideCommandParser
{
    private static readonly string[] KnownFields = ["state", "until", "reason"];

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
                return ParseOutcome<OverrideCommand>.Refused("state", $"must be a string (open, closed or auto), not {WireJson.Describe(stateElement)}");
            }

            if (!WireName.TryParse<OverrideTarget>(stateElement.GetString()!, out var target))
            {
                return ParseOutcome<OverrideCommand>.Refused("state", $"unknown value '{WireJson.Shorten(stateElement.GetString()!)}'; expected open, closed or auto");
            }

            Instant? until = null;
            if (root.TryGetProperty("until", out var untilElement) && untilElement.ValueKind != JsonValueKind.Null)
            {
                if (untilElement.ValueKind != JsonValueKind.String)
                {
                    return ParseOutcome<OverrideCommand>.Refused("until", $"must be {IsoTime.Expected} or null, not {WireJson.Describe(untilElement)}");
                }

                until = IsoTime.Parse(untilElement.GetString());
                if (until is null)
                {
                    return ParseOutcome<OverrideCommand>.Refused("until", $"'{WireJson.Shorten(untilElement.GetString()!)}' is not {IsoTime.Expected}");
                }
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
}
