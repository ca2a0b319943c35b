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

    /// <summary>
    /// Fewest iterations accepted. Mosquitto's <c>mosquitto_passwd</c> writes 101, so 100 keeps its files
    /// usable; fewer (a <c>$7$1$…</c> line) makes an offline guess nearly free and is refused.
    /// </summary>
    public const int MinIterations = 100;

    /// <summary>Most iterations accepted: above this one CONNECT costs seconds of CPU (a denial of service by configuration).</summary>
    public const int MaxIterations = 10_000_000;

    /// <summary>Shortest derived key accepted (Mosquitto writes 64 bytes); a 1-byte digest matches 1 password in 256.</summary>
    public const int MinHashBytes = 32;

    /// <summary>Shortest salt accepted (Mosquitto writes 12 bytes).</summary>
    public const int MinSaltBytes = 8;

    private const int SaltBytes = 12;
    private const int HashBytes = 64;

    // The salt and digest of the stand-in for an unknown user (see VerifyUnknownUser).
    private static readonly byte[] UnknownSalt = RandomNumberGenerator.GetBytes(SaltBytes);
    private static readonly byte[] UnknownHash = RandomNumberGenerator.GetBytes(HashBytes);

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
        ArgumentOutOfRangeException.ThrowIfLessThan(iterations, MinIterations);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(iterations, MaxIterations);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, HashBytes);
        return $"$7${iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}";
    }

    /// <summary>
    /// Parses a <c>$7$</c> hash string; false when it is not one, or when its iterations
    /// (<see cref="MinIterations"/>–<see cref="MaxIterations"/>), salt (≥ <see cref="MinSaltBytes"/> bytes) or
    /// digest (≥ <see cref="MinHashBytes"/> bytes) are too weak.
    /// </summary>
    public static bool TryParse(string? text, out PasswordHash? hash) => TryParse(text, out hash, out _);

    /// <summary>As <see cref="TryParse(string?, out PasswordHash?)"/>, with the reason when it fails.</summary>
    public static bool TryParse(string? text, out PasswordHash? hash, out string? problem)
    {
        hash = null;
        problem = "is not a '$7$iterations$salt$hash' PBKDF2 hash";
        if (text is null)
        {
            return false;
        }

        var parts = text.Split('$');
        // "$7$101$salt$hash" splits into "", "7", "101", salt, hash.
        if (parts.Length != 5 || parts[0].Length != 0 || parts[1] != "7" || !int.TryParse(parts[2], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var iterations))
        {
            return false;
        }

        if (iterations is < MinIterations or > MaxIterations)
        {
            problem = $"has {iterations} iterations; at least {MinIterations} and at most {MaxIterations} are accepted";
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(parts[3]);
            var derived = Convert.FromBase64String(parts[4]);
            if (salt.Length < MinSaltBytes)
            {
                problem = $"has a {salt.Length}-byte salt; at least {MinSaltBytes} bytes are needed";
                return false;
            }

            if (derived.Length < MinHashBytes)
            {
                problem = $"has a {derived.Length}-byte digest; at least {MinHashBytes} bytes are needed";
                return false;
            }

            hash = new PasswordHash(iterations, salt, derived);
            problem = null;
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

    /// <summary>
    /// Does the PBKDF2 work of a check with <paramref name="iterations"/> (those of the known users) for a
    /// user name that does not exist, and returns false, so an unknown user's refusal takes as long as a
    /// wrong password's and the answer time does not tell which user names exist.
    /// </summary>
    public static bool VerifyUnknownUser(string? password, int iterations)
    {
        new PasswordHash(Math.Clamp(iterations, MinIterations, MaxIterations), UnknownSalt, UnknownHash).Verify(password ?? "");
        return false;
    }

    /// <summary>Compares two secrets in time independent of where they differ (never <c>==</c> on a secret).</summary>
    public static bool SecretEquals(string? a, string? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            SHA256.HashData(Encoding.UTF8.GetBytes(a)), SHA256.HashData(Encoding.UTF8.GetBytes(b)));
    }
}
