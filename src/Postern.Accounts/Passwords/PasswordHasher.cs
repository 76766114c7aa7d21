using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Postern.Accounts.Passwords;

/// <summary>
/// Salted PBKDF2-HMAC-SHA512 password hashes in a self-describing text form:
/// <c>$pbkdf2-sha512$&lt;iterations&gt;$&lt;salt base64&gt;$&lt;hash base64&gt;</c>.
/// </summary>
public sealed class PasswordHasher(PasswordOptions options)
{
    private const string Scheme = "pbkdf2-sha512";

    // NIST SP 800-132 §5.1: a salt of at least 128 bits.
    private const int SaltBytes = 16;

    // The full output of one SHA-512 block: longer output would only cost the defender more.
    private const int HashBytes = 64;

    public string Hash(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, options.Pbkdf2Iterations);
        return string.Create(CultureInfo.InvariantCulture,
            $"${Scheme}${options.Pbkdf2Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>Checks a password against a stored hash in constant time for the hash's own cost.</summary>
    /// <returns>Whether it matches, and whether the hash should be redone with the current iteration count.</returns>
    public (bool Matches, bool NeedsRehash) Verify(string password, string storedHash)
    {
        ArgumentNullException.ThrowIfNull(password);
        if (!TryParse(storedHash, out var iterations, out var salt, out var expected))
            return (false, false);
        var actual = Derive(password, salt, iterations, expected.Length);
        var matches = CryptographicOperations.FixedTimeEquals(actual, expected);
        return (matches, matches && iterations != options.Pbkdf2Iterations);
    }

    /// <summary>Spends the time of one verification, so an unknown account answers as slowly as a wrong password.</summary>
    public void VerifyNothing(string password) => Derive(password, new byte[SaltBytes], options.Pbkdf2Iterations);

    private static byte[] Derive(string password, byte[] salt, int iterations, int length = HashBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA512, length);

    private static bool TryParse(string stored, out int iterations, out byte[] salt, out byte[] hash)
    {
        iterations = 0;
        salt = hash = [];
        var parts = stored.Split('$');
        if (parts.Length != 5 || parts[0].Length != 0 || parts[1] != Scheme
            || !int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out iterations) || iterations < 1)
            return false;
        try
        {
            salt = Convert.FromBase64String(parts[3]);
            hash = Convert.FromBase64String(parts[4]);
        }
        catch (FormatException)
        {
            return false;
        }
        return hash.Length > 0;
    }
}
