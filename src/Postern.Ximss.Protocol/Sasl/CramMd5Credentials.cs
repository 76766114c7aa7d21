using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Postern.Ximss.Protocol.Sasl;

/// <summary>A <c>CRAM-MD5</c> answer (RFC 2195): the user name and the HMAC-MD5 digest of the challenge.</summary>
/// <remarks>
/// The server never holds the clear password, so it checks the digest against the account's stored
/// CRAM-MD5 secret (the account service does that), not here.
/// </remarks>
/// <param name="UserName">The authentication identity.</param>
/// <param name="Challenge">The challenge the server sent.</param>
/// <param name="Digest">The client's digest, 32 lowercase hex digits.</param>
public sealed record CramMd5Credentials(string UserName, string Challenge, string Digest) : SaslCredentials(UserName)
{
    /// <summary>
    /// The RFC 2195 digest a client computes: lowercase hex of HMAC-MD5 keyed with the password over the
    /// challenge (for clients and tests; the server side has no password to compute it from).
    /// </summary>
    public static string ComputeDigest(string password, string challenge) =>
        Convert.ToHexStringLower(HMACMD5.HashData(Encoding.UTF8.GetBytes(password), Encoding.UTF8.GetBytes(challenge)));

    /// <summary>
    /// Reads the HTTP-binding CRAM login (<c>userName=U&amp;nonce=N&amp;authData=A</c>, docs/ximss.md §2), where
    /// <c>A</c> is base64 of the hex digest of the <c>listFeatures</c> nonce.
    /// </summary>
    public static bool TryFromHttpLogin(string userName, string nonce, string authData, [NotNullWhen(true)] out CramMd5Credentials? credentials)
    {
        credentials = null;
        Span<byte> decoded = stackalloc byte[64];
        if (!Convert.TryFromBase64String(authData, decoded, out var length) || !IsHexDigest(decoded[..length]))
            return false;
        credentials = new CramMd5Credentials(userName, nonce, Encoding.ASCII.GetString(decoded[..length]).ToLowerInvariant());
        return true;
    }

    internal static bool IsHexDigest(ReadOnlySpan<byte> text) =>
        text.Length == 32 && text.IndexOfAnyExcept("0123456789abcdefABCDEF"u8) < 0;
}
