namespace Postern.Accounts.Passwords;

/// <summary>How passwords are hashed (configuration section <c>Postern:Passwords</c>).</summary>
public sealed class PasswordOptions
{
    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations for new hashes. 210,000 is the OWASP Password Storage Cheat
    /// Sheet figure for PBKDF2-HMAC-SHA512; tests lower it. Existing hashes keep their own count and
    /// are re-hashed with this one at the next successful login.
    /// </summary>
    public int Pbkdf2Iterations
    {
        get;
        set => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Pbkdf2Iterations), value, "At least 1.");
    } = 210_000;

    /// <summary>
    /// Whether accounts keep a CRAM-MD5 secret (needed for SASL CRAM-MD5 and the XIMSS HTTP CRAM
    /// login). It is password-equivalent for CRAM-MD5 only; turning this off stops storing it at the
    /// next password change and makes CRAM-MD5 logins fail.
    /// </summary>
    public bool EnableCramMd5 { get; set; } = true;
}
