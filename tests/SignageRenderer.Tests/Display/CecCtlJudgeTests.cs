using MppSignage.SignageRenderer.Display;

namespace MppSignage.SignageRenderer.Tests.Display;

/// <summary>cec-ctl exits 0 even when the TV ignores the message; the verdict reads its output.</summary>
public sealed class CecCtlJudgeTests
{
    private const string Acked = "\nTransmit from Playback Device 1 to TV (4 to 0):\nCEC_MSG_IMAGE_VIEW_ON (0x04)\n\tSequence: 5 Tx Timestamp: 1843.123s\n";

    [Fact]
    public void Judge_Transmitted_Acknowledged() => Assert.True(CecCtl.Judge((0, Acked)).Acknowledged);

    [Theory]
    [InlineData(0, Acked + "\tTx, Not Acknowledged (1), Max Retries\n", "Tx, Not Acknowledged (1), Max Retries")] // TV off the bus or CEC disabled
    [InlineData(0, "\nAdapter is unconfigured, please configure it first.\n", "Adapter is unconfigured, please configure it first.")] // no logical address (HPD low)
    [InlineData(1, "Failed to open /dev/cec0: No such file or directory\n", "Failed to open /dev/cec0: No such file or directory")] // no CEC device
    [InlineData(0, "", "cec-ctl transmitted nothing: no output")] // nothing sent at all
    public void Judge_Failure_NotAcknowledgedWithCecCtlsWords(int exitCode, string output, string detail)
    {
        var result = CecCtl.Judge((exitCode, output));

        Assert.False(result.Acknowledged);
        Assert.Equal(detail, result.Detail);
    }
}
