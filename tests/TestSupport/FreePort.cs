using System.Net;
using System.Net.Sockets;

namespace MppSignage.TestSupport;

/// <summary>A free TCP port on loopback for a broker or listener under test.</summary>
public static class FreePort
{
    /// <summary>
    /// A port the system just handed out for 127.0.0.1. MQTTnet's server starts on port 0 but does not say
    /// which port it bound, so tests pick one first (docs: PLATFORM_NOTES, MQTTnet 5).
    /// </summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
