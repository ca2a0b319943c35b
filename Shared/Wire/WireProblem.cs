namespace MppSignage.Shared.Wire;

/// <summary>One problem found in a JSON input, as the shared reader collects it.</summary>
/// <param name="Path">JSON path of the field (<c>versions[1].from</c>, <c>services[2].agency</c>), or <c>$</c> for the whole input.</param>
/// <param name="Reason">What is wrong and what is expected.</param>
public readonly record struct WireProblem(string Path, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Reason}";
}
