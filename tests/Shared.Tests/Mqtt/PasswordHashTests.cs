using MppSignage.Shared.Mqtt;

namespace MppSignage.Shared.Tests.Mqtt;

public sealed class PasswordHashTests
{
    // Made by `mosquitto_passwd -b pw alice secret` (Mosquitto 2.0.11): the formats must agree.
    private const string MosquittoHash = "$7$101$Os8afMVX/+UQYOz9$i7Du4WtaIuNmfvs+fh1R2CJogTxZqY7EIZbG4UABk9O69GXKhrb8f7YqvCGVjk1AcVBPKCnUgC+JU2/4t2QHlg==";

    [Fact]
    public void Verify_MosquittoPasswdHash_AcceptsRightPasswordOnly()
    {
        Assert.True(PasswordHash.TryParse(MosquittoHash, out var hash));
        Assert.True(hash!.Verify("secret"));
        Assert.False(hash.Verify("Secret"));
        Assert.False(hash.Verify(null));
    }

    [Fact]
    public void Create_RoundTrips()
    {
        var text = PasswordHash.Create("staff-dev", 1000);
        Assert.StartsWith("$7$1000$", text);
        Assert.True(PasswordHash.TryParse(text, out var hash));
        Assert.True(hash!.Verify("staff-dev"));
    }

    [Theory]
    [InlineData("staff-dev")]        // a plain password pasted by mistake
    [InlineData("$6$abc$def")]       // another crypt scheme
    [InlineData("$7$x$abc$def")]     // iterations not a number
    [InlineData("$7$10$!!$def")]     // salt not base64
    public void TryParse_NotAHash_Fails(string text)
    {
        Assert.False(PasswordHash.TryParse(text, out _));
    }
}
