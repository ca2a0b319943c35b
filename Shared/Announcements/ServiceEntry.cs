using System.Text.Json.Serialization;

namespace MppSignage.Shared.Announcements;

/// <summary>One agency of the services directory.</summary>
/// <param name="Agency">Agency name, e.g. <c>Dispendukcapil</c>.</param>
/// <param name="Counter">Counter (loket), e.g. <c>Loket 1–3</c>; may be null.</param>
/// <param name="Services">Services offered there.</param>
/// <param name="Requirements">Documents to bring.</param>
public sealed record ServiceEntry(
    string Agency,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Counter,
    IReadOnlyList<string> Services,
    IReadOnlyList<string> Requirements);
