namespace MppSignage.Shared.Wire;

/// <summary>What <see cref="WireJson.Open"/> accepts for one input format.</summary>
/// <param name="MaxBytes">Largest accepted input, checked before anything is parsed.</param>
/// <param name="Name">What the input is called in messages (<c>payload</c>, <c>document</c>).</param>
/// <param name="Lenient">Comments and trailing commas are allowed (hand-edited files such as the schedule); commands are strict.</param>
/// <param name="MaxDepth">Nesting beyond this is refused (no format nests deeper than a few levels).</param>
public sealed record JsonInputRules(int MaxBytes, string Name = "payload", bool Lenient = false, int MaxDepth = WireJson.MaxDepth)
{
    /// <summary>Every MQTT command: at most <see cref="WireJson.MaxCommandBytes"/>, strict JSON.</summary>
    public static JsonInputRules Command { get; } = new(WireJson.MaxCommandBytes);
}
