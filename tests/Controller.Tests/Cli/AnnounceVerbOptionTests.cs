using MppSignage.Controller.Cli;

namespace MppSignage.Controller.Tests.Cli;

/// <summary><c>announce add</c> options that are not of their type are refused naming the option, before any connection.</summary>
public sealed class AnnounceVerbOptionTests
{
    [Theory]
    [InlineData(new[] { "--kind", "teks" }, "--kind: unknown value 'teks'; expected one of text, qr, services")]          // kind typo
    [InlineData(new[] { "--until", "besok" }, "--until: 'besok' is not an ISO 8601 date-time with offset")]               // not a time
    [InlineData(new[] { "--from", "2024-07-01T08:00:00" }, "--from: '2024-07-01T08:00:00' is not an ISO 8601")]           // no offset
    [InlineData(new[] { "--body-en", "Bring your ID" }, "--body: required with --body-en")]                               // English alone would be dropped
    public async Task Add_OptionNotOfItsType_Exit2NamingIt(string[] extra, string expected)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        string[] args = ["add", "--id", "x", "--title", "Judul", .. extra, "-u", "admin", "-P", "x", "--port", "1"];

        var code = await AnnounceVerb.Create(output, error).Parse(args).InvokeAsync();

        Assert.Equal(2, code);
        Assert.Contains(expected, error.ToString());
    }
}
