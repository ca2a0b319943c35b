using MppSignage.Shared.Announcements;
using static MppSignage.Shared.Tests.Announcements.TestAnnouncements;

namespace MppSignage.Shared.Tests.Announcements;

public sealed class AnnouncementStoreTests
{
    private static readonly NodaTime.Instant Now = At(2024, 7, 1, 9, 0);

    [Fact]
    public void Upsert_NewId_Appends()
    {
        var result = AnnouncementStore.Empty.Upsert(Text("a"), Now).Store.Upsert(Text("b"), Now);

        Assert.True(result.Ok);
        Assert.True(result.Changed);
        Assert.Equal(["a", "b"], result.Store.Items.Select(i => i.Id));
    }

    [Fact]
    public void Upsert_SameId_ReplacesInPlace()
    {
        var store = AnnouncementStore.From([Text("a"), Text("b"), Text("c")]);

        var result = store.Upsert(Text("b", AnnouncementPriority.High), Now);

        Assert.Equal(["a", "b", "c"], result.Store.Items.Select(i => i.Id));
        Assert.Equal(AnnouncementPriority.High, result.Store.Find("b")!.Priority);
    }

    [Fact]
    public void Upsert_AlreadyExpired_RefusedAndUnchanged()
    {
        var store = AnnouncementStore.From([Text("a")]);

        var result = store.Upsert(Text("b", until: Off(2024, 7, 1, 8, 0)), Now);

        Assert.False(result.Ok);
        Assert.False(result.Changed);
        Assert.Same(store, result.Store);
        Assert.Equal("until", result.Problem!.Field);
    }

    [Fact]
    public void Upsert_AtCountLimit_RefusedForNewId_AcceptedForExistingId()
    {
        var store = AnnouncementStore.From(Enumerable.Range(0, AnnouncementLimits.MaxCount).Select(i => Text($"a{i}")));

        var refused = store.Upsert(Text("new"), Now);
        var replaced = store.Upsert(Text("a7", AnnouncementPriority.High), Now);

        Assert.False(refused.Ok);
        Assert.Same(store, refused.Store);
        Assert.Contains($"{AnnouncementLimits.MaxCount}", refused.Problem!.Reason);
        Assert.True(replaced.Ok);
        Assert.Equal(AnnouncementLimits.MaxCount, replaced.Store.Items.Count);
    }

    [Fact]
    public void Upsert_AtCountLimitWithExpiredItem_DropsExpiredToMakeRoom()
    {
        var items = Enumerable.Range(0, AnnouncementLimits.MaxCount - 1).Select(i => Text($"a{i}"))
            .Append(Text("old", until: Off(2024, 7, 1, 8, 30)));
        var store = AnnouncementStore.From(items);

        var result = store.Upsert(Text("new"), Now);

        Assert.True(result.Ok);
        Assert.Null(result.Store.Find("old"));
        Assert.NotNull(result.Store.Find("new"));
    }

    [Fact]
    public void Delete_Existing_Removes_Missing_Refused()
    {
        var store = AnnouncementStore.From([Text("a"), Text("b")]);

        var deleted = store.Delete("a");
        var missing = store.Delete("zzz");

        Assert.Equal(["b"], deleted.Store.Items.Select(i => i.Id));
        Assert.False(missing.Ok);
        Assert.Same(store, missing.Store);
        Assert.Contains("zzz", missing.Problem!.Reason);
    }

    [Fact]
    public void RemoveExpired_DropsOnlyPast_AndNextExpiryIsEarliestFuture()
    {
        var store = AnnouncementStore.From([
            Text("past", until: Off(2024, 7, 1, 8, 0)),
            Text("later", until: Off(2024, 7, 1, 12, 0)),
            Text("soon", until: Off(2024, 7, 1, 10, 0)),
            Text("forever"),
        ]);

        var result = store.RemoveExpired(Now);

        Assert.True(result.Changed);
        Assert.Equal(["later", "soon", "forever"], result.Store.Items.Select(i => i.Id));
        Assert.Equal(At(2024, 7, 1, 10, 0), result.Store.NextExpiry(Now));
        Assert.False(result.Store.RemoveExpired(Now).Changed);
    }
}
