using System.Collections;

namespace MppSignage.Shared.Signage;

/// <summary>
/// A read-only list compared by its items, so that slide models (records) are equal when they show the
/// same content; the renderer redraws only when a model changes.
/// </summary>
/// <typeparam name="T">Item type; its own equality is used.</typeparam>
public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    private readonly T[] _items;

    /// <summary>An empty list.</summary>
    public static readonly EquatableList<T> Empty = new([]);

    /// <summary>Copies <paramref name="items"/>.</summary>
    public EquatableList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = items.ToArray();
    }

    /// <inheritdoc />
    public int Count => _items.Length;

    /// <inheritdoc />
    public T this[int index] => _items[index];

    /// <summary>Wraps an array.</summary>
    public static implicit operator EquatableList<T>(T[] items) => new(items);

    /// <summary>Wraps a list.</summary>
    public static implicit operator EquatableList<T>(List<T> items) => new(items);

    /// <inheritdoc />
    public bool Equals(EquatableList<T>? other) =>
        other is not null && (ReferenceEquals(this, other) || _items.AsSpan().SequenceEqual(other._items, EqualityComparer<T>.Default));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <inheritdoc />
    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _items.GetEnumerator();
}
