using MppSignage.Shared.Mqtt;

namespace MppSignage.Shared.Tests.Mqtt;

/// <summary>Issue 10 item 4: weak <c>$7$</c> hashes are refused with the reason; secrets compare in constant time.</summary>
public sealed class PasswordHashLimitsTests
{
    private static readonly string Salt = Convert.ToBase64String(new byte[12]);
    private static readonly string Digest = Convert.ToBase64String(new byte[64]);

    [Theory]
    [InlineData(1, 12, 64, "iterations")]      // one iteration: guessing is free
    [InlineData(99, 12, 64, "iterations")]     // just under the minimum
    [InlineData(101, 12, 1, "digest")]         // a 1-byte digest matches 1 password in 256
    [InlineData(101, 12, 31, "digest")]        // just under 32 bytes
    [InlineData(101, 4, 64, "salt")]           // a short salt
    [InlineData(20_000_000, 12, 64, "iterations")] // a CONNECT costing seconds of CPU
    public void TryParse_WeakHash_IsRefusedWithTheReason(int iterations, int saltBytes, int digestBytes, string word)
    {
        var text = $"$7${iterations}${Convert.ToBase64String(new byte[saltBytes])}${Convert.ToBase64String(new byte[digestBytes])}";
        Assert.False(PasswordHash.TryParse(text, out _, out var problem));
        Assert.Contains(word, problem);
    }

    [Fact]
    public void TryParse_MosquittoDefaults_AreAccepted()
    {
        Assert.True(PasswordHash.TryParse($"$7$101${Salt}${Digest}", out _));
    }

    [Fact]
    public void Create_BelowTheMinimum_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordHash.Create("x", 1));
    }

    [Fact]
    public void SecretEquals_ComparesValues()
    {
        Assert.True(PasswordHash.SecretEquals("abc", "abc"));
        Assert.False(PasswordHash.SecretEquals("abc", "abd"));
        Assert.False(PasswordHash.SecretEquals("abc", "abcd"));
        Assert.False(PasswordHash.SecretEquals(null, "abc"));
    }

    [Fact]
    public void VerifyUnknownUser_IsAlwaysFalse()
    {
        Assert.False(PasswordHash.VerifyUnknownUser("anything", 100));
    }
}
