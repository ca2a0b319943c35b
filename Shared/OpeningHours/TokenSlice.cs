namespace MppSignage.Shared.OpeningHours;

/// <summary>The tokens of one rule, indexed from 0, without copying them out of the expression's token list.</summary>
internal readonly struct TokenSlice
{
    private readonly List<Token> _all;
    private readonly int _start;

    public TokenSlice(List<Token> all, int start, int count)
    {
        _all = all;
        _start = start;
        Count = count;
    }

    public int Count { get; }

    public Token this[int index] => _all[_start + index];
}
