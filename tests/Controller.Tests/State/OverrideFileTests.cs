using System.Text;
using MppSignage.Controller.Options;
using MppSignage.Controller.State;
using MppSignage.Controller.Tests.Support;
using MppSignage.Shared.Control;
using static MppSignage.TestSupport.Time;

namespace MppSignage.Controller.Tests.State;

/// <summary><c>override.json</c> is the record of the wire layer: the same bytes as before, read back whole.</summary>
public sealed class OverrideFileTests
{
    private static StateStore NewStore(string dir) => new(Microsoft.Extensions.Options.Options.Create(new StateOptions { Directory = dir }));

    [Fact]
    public void SaveOverride_WritesTheIndentedUtcFile()
    {
        var dir = TestPaths.NewTempDirectory();
        NewStore(dir).SaveOverride(new OverrideState(false, J(2024, 7, 1, 18, 0), "staff", "rapat \"koordinasi\" – ruang 2", J(2024, 7, 1, 15, 0)));

        Assert.Equal(
            "{\n  \"state\": \"closed\",\n  \"until\": \"2024-07-01T11:00:00Z\",\n  \"by\": \"staff\",\n  \"reason\": \"rapat \\\"koordinasi\\\" – ruang 2\",\n  \"setAt\": \"2024-07-01T08:00:00Z\"\n}",
            File.ReadAllText(Path.Combine(dir, StateStore.OverrideFile), Encoding.UTF8));
    }

    [Fact]
    public void LoadOverride_FileOfAnEarlierVersion_IsRead()
    {
        var dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, StateStore.OverrideFile),
            "{\n  \"state\": \"open\",\n  \"until\": \"2024-07-01T11:00:00Z\",\n  \"by\": \"button\",\n  \"reason\": null,\n  \"setAt\": \"2024-07-01T08:00:00.5Z\"\n}");

        var loaded = NewStore(dir).LoadOverride();

        Assert.Null(loaded.Problem);
        Assert.Equal(new OverrideState(true, J(2024, 7, 1, 18, 0), "button", null, J(2024, 7, 1, 15, 0) + NodaTime.Duration.FromMilliseconds(500)), loaded.Value);
    }

    [Theory]
    [InlineData("{\"state\":\"open\",\"until\":\"besok\",\"by\":\"x\",\"setAt\":\"2024-07-01T09:00:00Z\"}")]   // not an instant
    [InlineData("{\"state\":\"open\",\"by\":\"x\",\"setAt\":\"2024-07-01T09:00:00Z\"}")]                       // until missing
    [InlineData("{\"state\":\"open\",\"until\":\"2024-07-01T10:00:00Z\",\"by\":\"\",\"setAt\":\"2024-07-01T09:00:00Z\"}")] // nobody
    [InlineData("null")]                                                                                   // not an object
    public void LoadOverride_Unusable_IsSetAside(string content)
    {
        var dir = TestPaths.NewTempDirectory();
        File.WriteAllText(Path.Combine(dir, StateStore.OverrideFile), content);

        var loaded = NewStore(dir).LoadOverride();

        Assert.Null(loaded.Value);
        Assert.Contains("unreadable", loaded.Problem);
        Assert.True(File.Exists(Path.Combine(dir, StateStore.OverrideFile + ".corrupt")));
    }
}
