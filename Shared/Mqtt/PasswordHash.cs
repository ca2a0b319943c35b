using System.Security.Cryptography;
using System.Text;

namespace MppSignage.Shared.Mqtt;

/// <summary>
/// Password hashes in Mosquitto's <c>$7$</c> format (PBKDF2-HMAC-SHA512: <c>$7$iterations$base64(salt)$base64(hash)</c>),
/// so one hash works in the embedded broker's configuration and in a Mosquitto password file.
/// </summary>
public sealed class PasswordHash
{
    /// <summary>Iterations for new hashes. Mosquitto's own default is 101; more costs only at connect time.</summary>
    public const int DefaultIterations = 10_000;

    private const int SaltBytes = 12;
    private const int HashBytes = 64;

    private PasswordHash(int iterations, byte[] salt, byte[] hash)
    {
        Iterations = iterations;
        Salt = salt;
        Hash = hash;
    }

    /// <summary>PBKDF2 iterations.</summary>
    public int Iterations { get; }

    /// <summary>The salt.</summary>
    public byte[] Salt { get; }

    /// <summary>The derived key.</summary>
    public byte[] Hash { get; }

    /// <summary>Creates the hash string of <paramref name="password"/> with a random salt.</summary>
    public static string Create(string password, int iterations = DefaultIterations)
    {
        ArgumentNullException.ThrowIfNull(password);
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, 1);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashBytes);
        return $"$7${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>Parses a <c>$7$</c> hash string.</summary>
    public static bool TryParse(string? text, out PasswordHash? hash)
    {
        hash = null;
        if (text is null)
        {
            return false;
        }

        var parts = text.Split('$');
        // "$7$101$salt$hash" splits into "", "7", "101", salt, hash.
        if (parts.Length != 5 || parts[0].Length != 0 || parts[1] != "7" || !int.TryParse(parts[2], out var iterations) || iterations < 1)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[3]);
            var derived = Convert.FromBase64String(parts[4]);
            if (salt.Length == 0 || derived.Length == 0)
            {
                return false;
            }

            hash = new PasswordHash(iterations, salt, derived);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>True when <paramref name="password"/> matches (constant-time comparison).</summary>
    public bool Verify(string? password)
    {
        if (password is null)
        {
            return false;
        }

        var derived = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), Salt, Iterations, HashAlgorithmName.SHA512, Hash.Length);
        return CryptographicOperations.FixedTimeEquals(derived, Hash);
    }
}
