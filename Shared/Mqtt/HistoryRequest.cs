using System.Text.Json.Serialization;

namespace MppSignage.Shared.Mqtt;

/// <summary>
/// The payload of <c>mpp/{site}/history/get</c>: one page of the controller's journal, newest first.
/// The answer (<see cref="HistoryPage"/>) goes to the request's Response Topic only.
/// </summary>
public sealed record HistoryRequest
{
    /// <summary>Largest page size.</summary>
    public const int MaxLimit = 100;

    /// <summary>Default page size.</summary>
    public const int DefaultLimit = 20;

    /// <summary>Entries older than this position (the previous page's <see cref="HistoryPage.Next"/>); null for the newest.</summary>
    public long? Before { get; init; }

    /// <summary>Page size, 1..<see cref="MaxLimit"/>.</summary>
    public int? Limit { get; init; }
}

/// <summary>One page of the journal, newest first.</summary>
public sealed record HistoryPage
{
    /// <summary>The entries.</summary>
    public required IReadOnlyList<EventMessage> Items { get; init; }

    /// <summary>The <see cref="HistoryRequest.Before"/> of the next (older) page, or null at the start of the journal.</summary>
    public long? Next { get; init; }

    /// <summary>How many entries the journal holds.</summary>
    public required long Total { get; init; }

    /// <summary>Why the request was refused (then <see cref="Items"/> is empty).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Error { get; init; }
}
