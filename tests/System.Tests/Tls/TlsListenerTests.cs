using System.Text.RegularExpressions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MppSignage.Controller.Hosting;
using MppSignage.SystemTests.Support;
using MppSignage.TestSupport;
using MQTTnet;
using MQTTnet.Exceptions;

namespace MppSignage.SystemTests.Tls;

/// <summary>
/// The optional TLS listener of deploy-pi/mosquitto/mpp-signage.conf.in, enabled exactly as its comment says
/// (the "#tls " lines into a file of their own), with a site CA: the controller and the CLI connect with
/// Mqtt:Tls and Mqtt:TlsCaFile; a client trusting another CA, or speaking plain MQTT, gets nowhere.
/// </summary>
public sealed class TlsListenerTests
{
    [Fact]
    public async Task TlsListener_ControllerAndCliConnectWithTheSiteCa_OthersAreRefused()
    {
        var certDir = TempDir.Create("tls-certs");
        var certs = TestCertificates.Create(certDir);
        var stranger = TestCertificates.Create(Path.Combine(certDir, "stranger"), "Some other CA");
        var tlsPort = FreePort.Next();
        await using var broker = await MosquittoBroker.StartAsync(TestUsers.Credentials, label: "tls",
            extraConfig: TlsBlock(tlsPort, certs), transformConfig: null, extraFilesOwnedByBroker: [certDir]);
        await MosquittoBroker.WaitListeningOnAsync(tlsPort, TimeSpan.FromSeconds(10));

        // The controller over TLS only (its plain port is never given).
        await using var controller = await ControllerTestHost.StartAsync(TimeProvider.System,
            [.. ControllerTestHost.ExternalArgs(tlsPort), "--Mqtt:Tls=true", $"--Mqtt:TlsCaFile={certs.CaFile}"]);
        await using var admin = await MqttTestClient.ConnectAsync(tlsPort, "admin", TestUsers.Password("admin"),
            b => b.WithTlsOptions(MppSignage.MqttHost.MqttTls.Create("127.0.0.1", certs.CaFile)));
        await admin.SubscribeAllAsync("mpp/probolinggo/availability");
        await admin.WaitForAsync("mpp/probolinggo/availability", t => t == "online");

        // The CLI reads the same keys and reaches the TLS-only listener too.
        await using var cli = ChildProcess.Start(RepoPaths.ControllerExe,
            ["status", "--host", "127.0.0.1", "--port", $"{tlsPort}", "--user", "staff", "--password", TestUsers.Password("staff"),
             "--Mqtt:Broker=external", "--Mqtt:Tls=true", $"--Mqtt:TlsCaFile={certs.CaFile}"]);
        var code = await cli.WaitForExitAsync(TimeSpan.FromSeconds(60));
        Assert.True(code == 0, $"status over TLS exited {code}:\n{cli.Output}");
        Assert.Matches(new Regex("(BUKA|TUTUP|open|closed)", RegexOptions.IgnoreCase), cli.Output);

        // A screen reaches it too (Mqtt:Tls, Mqtt:TlsCaFile in the renderer's settings).
        await using (var screen = ChildProcess.Start(RepoPaths.SignageExe,
            ["run", "--Site:Id=probolinggo", "--Mqtt:Host=127.0.0.1", $"--Mqtt:Port={tlsPort}", "--Mqtt:Username=screen",
             $"--Mqtt:Password={TestUsers.Password("screen")}", "--Mqtt:Tls=true", $"--Mqtt:TlsCaFile={certs.CaFile}",
             "--Display:Output=png", $"--Display:PngPath={Path.Combine(certDir, "frame.png")}", $"--Posters:CacheDirectory={Path.Combine(certDir, "posters")}", "--Display:Size=1280x720"]))
        {
            await screen.WaitForLineAsync(l => l.Contains("Received status", StringComparison.Ordinal), TimeSpan.FromSeconds(60), "the status over TLS");
            await screen.StopAsync();
        }

        // A client that trusts another CA fails the handshake; plain MQTT on the TLS port gets no session.
        await Assert.ThrowsAnyAsync<MqttCommunicationException>(() => MqttTestClient.TryConnectAsync(tlsPort, "admin", TestUsers.Password("admin"),
            b => b.WithTlsOptions(MppSignage.MqttHost.MqttTls.Create("127.0.0.1", stranger.CaFile))));
        await Assert.ThrowsAnyAsync<Exception>(() => MqttTestClient.TryConnectAsync(tlsPort, "admin", TestUsers.Password("admin"), b => b.WithTimeout(TimeSpan.FromSeconds(3))));
        TempDir.TryDelete(certDir);
    }

    [Fact]
    public async Task Renderer_MissingTlsCaFile_IsRefusedAtStartNamingTheKey()
    {
        await using var screen = ChildProcess.Start(RepoPaths.SignageExe, ["run", "--Mqtt:Tls=true", "--Mqtt:TlsCaFile=/nonexistent/ca.crt"]);

        Assert.Equal(2, await screen.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("Mqtt:TlsCaFile", screen.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MqttTls_WithTheEmbeddedBroker_IsRefusedAtStartNamingTheKey()
    {
        var state = TempDir.Create("tls-opt");
        var host = ControllerHost.Build(["--Mqtt:Broker=embedded", "--Mqtt:Tls=true", $"--State:Directory={state}",
            $"--Schedule:File={RepoPaths.DefaultSchedule}", "--Gpio:Driver=simulated"]);
        try
        {
            var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.Contains("Mqtt:Tls", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            host.Dispose();
            TempDir.TryDelete(state);
        }
    }

    [Fact]
    public async Task MqttTlsCaFile_NotAPemFile_IsRefusedAtStartNamingTheKey()
    {
        var state = TempDir.Create("tls-opt");
        var bogus = Path.Combine(state, "ca.crt");
        await File.WriteAllTextAsync(bogus, "not a certificate");
        var host = ControllerHost.Build(["--Mqtt:Broker=external", "--Mqtt:Username=controller", "--Mqtt:Password=x", "--Mqtt:Tls=true",
            $"--Mqtt:TlsCaFile={bogus}", $"--State:Directory={state}", $"--Schedule:File={RepoPaths.DefaultSchedule}", "--Gpio:Driver=simulated"]);
        try
        {
            var ex = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
            Assert.Contains("Mqtt:TlsCaFile", ex.Message, StringComparison.Ordinal);
        }
        finally
        {
            host.Dispose();
            TempDir.TryDelete(state);
        }
    }

    /// <summary>The template's "#tls " lines, as its comment says to enable them, with this test's port and files.</summary>
    private static string TlsBlock(int port, TestCertificates certs)
    {
        var template = File.ReadAllLines(Path.Combine(RepoPaths.MosquittoDirectory, "mpp-signage.conf.in"));
        var lines = template.Where(l => l.StartsWith("#tls ", StringComparison.Ordinal)).Select(l => l["#tls ".Length..]).ToList();
        Assert.Contains(lines, l => l.StartsWith("listener ", StringComparison.Ordinal));
        return string.Join('\n', lines.Select(l => l
            .Replace("listener 8883 0.0.0.0", $"listener {port} 127.0.0.1", StringComparison.Ordinal)
            .Replace("/etc/mosquitto/certs/mpp-signage.crt", certs.CertFile, StringComparison.Ordinal)
            .Replace("/etc/mosquitto/certs/mpp-signage.key", certs.KeyFile, StringComparison.Ordinal)));
    }
}
