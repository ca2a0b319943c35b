using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace MppSignage.Shared.Mqtt;

/// <summary>
/// The rule both executables apply to an external broker's TLS certificate when a CA file is configured
/// (<c>Mqtt:TlsCaFile</c>, a site's own CA): the name must match and the chain must end at one of the file's
/// certificates. The system trust store plays no part, so a site CA need not be installed system-wide.
/// </summary>
public sealed class SiteCertificateAuthority
{
    private readonly X509Certificate2Collection _roots;

    private SiteCertificateAuthority(X509Certificate2Collection roots) => _roots = roots;

    /// <summary>Loads the PEM certificates of <paramref name="caFile"/> (throws when unreadable; check first with <see cref="Check"/>).</summary>
    public static SiteCertificateAuthority Load(string caFile)
    {
        var roots = new X509Certificate2Collection();
        roots.ImportFromPemFile(caFile);
        return new SiteCertificateAuthority(roots);
    }

    /// <summary>Null when <paramref name="caFile"/> holds at least one PEM certificate, else the reason.</summary>
    public static string? Check(string caFile)
    {
        try
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(caFile);
            return roots.Count > 0 ? null : "holds no PEM certificate (-----BEGIN CERTIFICATE-----)";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            return $"cannot be read as PEM certificates ({ex.Message})";
        }
    }

    /// <summary>True when the certificate's name matched and it chains to one of this authority's certificates.</summary>
    public bool Trusts(X509Certificate? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_roots);
        // A site CA made with openssl publishes no revocation list to ask.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return chain.Build(leaf);
    }
}
