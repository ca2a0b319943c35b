using MppSignage.Shared.Announcements;
using MppSignage.SignageRenderer.Posters;
using MppSignage.TestSupport;
using Microsoft.Extensions.Time.Testing;

namespace MppSignage.SignageRenderer.Tests.Posters;

/// <summary>The screen's poster files: hash-checked, bounded, least recently used out first, kept across restarts.</summary>
public sealed class PosterAssetCacheTests : IDisposable
{
    private static readonly HashSet<string> None = [];
    private readonly LogCollector _logs = new();
    private readonly string _dir = TempDir.Create("poster-cache");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-01T01:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    public void Dispose()
    {
        _logs.AssertNoUnexpectedErrors();
        TempDir.TryDelete(_dir);
    }

    private PosterAssetCache Open(long maxBytes = 1 << 20, int maxCount = 10) =>
        new(_dir, maxBytes, maxCount, _time, _logs.CreateLogger<PosterAssetCache>());

    private static byte[] Bytes(int seed, int length = 1000) => TestImages.RandomBytes(length, seed);

    [Fact]
    public void Put_HashMismatch_IsRefusedAndNothingIsWritten()
    {
        var cache = Open();
        var bytes = Bytes(1);
        var claimed = PosterImage.Sha256Of(Bytes(2));

        var result = cache.Put(claimed, bytes, None);

        Assert.False(result.Stored);
        Assert.Contains("SHA-256 mismatch", result.Problem, StringComparison.Ordinal);
        Assert.Contains(PosterImage.Sha256Of(bytes), result.Problem, StringComparison.Ordinal);
        Assert.False(cache.Contains(claimed));
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Theory]
    [InlineData("ABCDEF")]                                                           // not 64 digits
    [InlineData("../../etc/passwd000000000000000000000000000000000000000000000000")] // a path, 64 characters
    public void Put_NotAHash_IsRefused(string sha)
    {
        var result = Open().Put(sha, Bytes(1), None);

        Assert.False(result.Stored);
        Assert.Contains("is not a SHA-256", result.Problem, StringComparison.Ordinal);
        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public void Put_OverTheCount_EvictsTheLeastRecentlyUsed_UnreferencedBeforeReferenced()
    {
        var cache = Open(maxCount: 3);
        var a = Put(cache, 1);
        var b = Put(cache, 2);
        var c = Put(cache, 3);
        // a is used again: b is now the least recently used; but b is still referenced and c is not.
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.NotNull(cache.Read(a));

        var d = PosterImage.Sha256Of(Bytes(4));
        var result = cache.Put(d, Bytes(4), new HashSet<string> { a, b, d });

        Assert.Equal([c], result.Evicted);
        Assert.Equal(new HashSet<string> { a, b, d }, cache.Hashes);
        Assert.False(File.Exists(Path.Combine(_dir, c + PosterAssetCache.Extension)));
        Assert.Contains(_logs.Entries, e => e.EventId == 43 && e.Message.Contains(c, StringComparison.Ordinal) && e.Message.Contains("least recently used", StringComparison.Ordinal));
    }

    [Fact]
    public void Put_OverTheBytes_EvictsUntilItFits()
    {
        var cache = Open(maxBytes: 2500);
        var a = Put(cache, 1);
        var b = Put(cache, 2);

        var result = cache.Put(PosterImage.Sha256Of(Bytes(3)), Bytes(3), None);

        Assert.Equal([a], result.Evicted);
        Assert.Equal(2000, cache.Bytes);
        Assert.True(cache.Contains(b));
        Assert.False(cache.Put(PosterImage.Sha256Of(Bytes(5, 3000)), Bytes(5, 3000), None).Stored);
    }

    [Fact]
    public void Restart_KeepsVerifiedPosters_DropsDamagedFilesAndCutWrites()
    {
        var cache = Open();
        var a = Put(cache, 1);
        var b = Put(cache, 2);
        // b damaged on disk (a bad SD card sector), and a write cut by a power cut.
        File.WriteAllBytes(Path.Combine(_dir, b + PosterAssetCache.Extension), Bytes(9));
        File.WriteAllBytes(Path.Combine(_dir, $".{a}.poster.123.tmp"), Bytes(7));

        var reopened = Open();

        Assert.Equal(new HashSet<string> { a }, reopened.Hashes);
        Assert.Equal(Bytes(1), reopened.Read(a));
        Assert.Equal([a + PosterAssetCache.Extension], Directory.GetFiles(_dir).Select(Path.GetFileName));
        Assert.Contains(_logs.Entries, e => e.EventId == 41 && e.Message.Contains(b, StringComparison.Ordinal) && e.Message.Contains("does not match its SHA-256", StringComparison.Ordinal));
    }

    [Fact]
    public void Restart_RemembersWhichWasUsedLast()
    {
        var cache = Open(maxCount: 2);
        var a = Put(cache, 1);
        _time.Advance(TimeSpan.FromMinutes(1));
        var b = Put(cache, 2);
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.NotNull(cache.Read(a)); // a is now the more recently used

        var reopened = Open(maxCount: 2);
        _time.Advance(TimeSpan.FromMinutes(1));
        var result = reopened.Put(PosterImage.Sha256Of(Bytes(3)), Bytes(3), None);

        Assert.Equal([b], result.Evicted);
    }

    [Fact]
    public void RemoveUnreferenced_DeletesWhatNoAnnouncementNames()
    {
        var cache = Open();
        var a = Put(cache, 1);
        var b = Put(cache, 2);

        var removed = cache.RemoveUnreferenced(new HashSet<string> { b });

        Assert.Equal([a], removed);
        Assert.Equal(new HashSet<string> { b }, cache.Hashes);
        Assert.Single(Directory.GetFiles(_dir));
    }

    private string Put(PosterAssetCache cache, int seed)
    {
        var bytes = Bytes(seed);
        var sha = PosterImage.Sha256Of(bytes);
        Assert.True(cache.Put(sha, bytes, None).Stored);
        return sha;
    }
}
