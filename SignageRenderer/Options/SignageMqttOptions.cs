using System.ComponentModel.DataAnnotations;
using MppSignage.Shared.Mqtt;

namespace MppSignage.SignageRenderer.Options;

/// <summary>Section <c>Mqtt</c>: the broker connection (a user with the <c>screen</c> role).</summary>
public sealed class SignageMqttOptions : IValidatableObject
{
    /// <summary>Default broker host.</summary>
    public const string DefaultHost = "127.0.0.1";

    /// <summary>Default broker port.</summary>
    public const int DefaultPort = 1883;

    /// <summary>Default user name.</summary>
    public const string DefaultUsername = ScreenUsers.DefaultUser;

    /// <summary>Default first reconnect delay.</summary>
    public static readonly TimeSpan DefaultReconnectMin = TimeSpan.FromSeconds(1);

    /// <summary>Default longest reconnect delay.</summary>
    public static readonly TimeSpan DefaultReconnectMax = TimeSpan.FromSeconds(30);

    /// <summary><c>Mqtt:Host</c>.</summary>
    public string? Host { get; set; } = DefaultHost;

    /// <summary><c>Mqtt:Port</c>.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary><c>Mqtt:Username</c>.</summary>
    public string? Username { get; set; } = DefaultUsername;

    /// <summary><c>Mqtt:Password</c>; no default: the development password lives only in appsettings.Development.json.</summary>
    public string? Password { get; set; }

    /// <summary><c>Mqtt:Tls</c>: connect with TLS (Mosquitto's TLS listener).</summary>
    public bool Tls { get; set; }

    /// <summary><c>Mqtt:TlsCaFile</c>: PEM file of the CA that signed the broker's certificate; empty: the system's trust store.</summary>
    public string? TlsCaFile { get; set; }

    /// <summary><c>Mqtt:ReconnectMin</c>: first reconnect delay.</summary>
    public TimeSpan ReconnectMin { get; set; } = DefaultReconnectMin;

    /// <summary><c>Mqtt:ReconnectMax</c>: longest reconnect delay (the delay doubles up to it).</summary>
    public TimeSpan ReconnectMax { get; set; } = DefaultReconnectMax;

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Port is < 1 or > 65535)
        {
            yield return SignageOptions.Problem($"Mqtt:Port: '{Port}' must be a whole number from 1 to 65535.");
        }

        var ca = SignageOptions.Text(TlsCaFile);
        if (ca is not null && (File.Exists(ca) ? SiteCertificateAuthority.Check(ca) : "does not exist") is { } caProblem)
        {
            yield return SignageOptions.Problem($"Mqtt:TlsCaFile: '{ca}' {caProblem}; give the PEM file of the CA that signed the broker's certificate, or leave it empty for the system's trust store.");
        }

        if (SignageOptions.SpanProblem("Mqtt:ReconnectMin", ReconnectMin, TimeSpan.FromMilliseconds(100), TimeSpan.FromMinutes(5)) is { } min)
        {
            yield return min;
        }

        if (SignageOptions.SpanProblem("Mqtt:ReconnectMax", ReconnectMax, TimeSpan.FromMilliseconds(100), TimeSpan.FromHours(1)) is { } max)
        {
            yield return max;
        }
        else if (ReconnectMax < ReconnectMin)
        {
            yield return SignageOptions.Problem("Mqtt:ReconnectMax: must not be shorter than Mqtt:ReconnectMin.");
        }
    }
}
