namespace MppSignage.Imaging;

/// <summary>Why an image was refused: the field (<c>image</c>, <c>image.format</c>, <c>image.size</c>, <c>image.aspect</c>,
/// <c>image.pixels</c>, <c>image.data</c>) and a sentence that says what to do.</summary>
/// <param name="Field">What is wrong.</param>
/// <param name="Reason">Why, and how to fix it.</param>
public sealed record ImageRefusal(string Field, string Reason)
{
    /// <inheritdoc />
    public override string ToString() => $"{Field}: {Reason}";
}
