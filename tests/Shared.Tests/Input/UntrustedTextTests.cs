using MppSignage.Shared.Input;

namespace MppSignage.Shared.Tests.Input;

public sealed class UntrustedTextTests
{
    [Theory]
    [InlineData("staff", "staff")]                  // plain names pass unchanged
    [InlineData("a\nb", "a?b")]                     // a line break cannot forge a log line
    [InlineData("\u202Eevil", "?evil")]             // bidi override
    [InlineData("", "(none)")]                      // empty
    public void ForLog_MakesTextSafe(string input, string expected)
    {
        Assert.Equal(expected, UntrustedText.ForLog(input));
    }

    [Fact]
    public void ForLog_LongText_IsCutWithItsLength()
    {
        var text = UntrustedText.ForLog(new string('u', 100_000));
        Assert.Equal(UntrustedText.MaxLoggedChars + "… (100000 chars)".Length, text.Length);
        Assert.EndsWith("(100000 chars)", text);
    }

    [Theory]
    [InlineData("Layanan KTP — loket 5 🙏", -1)]   // dashes, emoji (a surrogate pair) are fine
    [InlineData("a\u200Db", 1)]                     // zero-width joiner
    [InlineData("x\u0007", 1)]                      // bell
    public void IndexOfForbidden_FindsHiddenCharacters(string input, int expected)
    {
        Assert.Equal(expected, UntrustedText.IndexOfForbidden(input));
    }

    [Fact]
    public void IndexOfForbidden_LoneSurrogate_IsFound()
    {
        // Built in code: a lone surrogate does not survive xunit's InlineData serialisation.
        Assert.Equal(2, UntrustedText.IndexOfForbidden("ab" + (char)0xD800));
        Assert.Equal("ab?", UntrustedText.ForLog("ab" + (char)0xD800));
    }
}
