using System.Security.Cryptography;
using System.Text;

namespace Postern.Accounts.Passwords;

/// <summary>
/// CRAM-MD5 (RFC 2195) without keeping the password: the account stores the HMAC-MD5 key states
/// after the inner and outer pad blocks (RFC 2104 §4), and a response is checked by resuming them.
/// </summary>
/// <remarks>
/// The stored secret is password-equivalent <em>for CRAM-MD5</em>: whoever has it can answer any
/// CRAM-MD5 challenge for the account, but it does not reveal the password and does not pass a
/// plain-text login. Turn CRAM-MD5 off (<see cref="PasswordOptions.EnableCramMd5"/>) to store none.
/// </remarks>
public static class CramMd5
{
    /// <summary>The stored secret's size: the inner and the outer MD5 state.</summary>
    public const int SecretSize = 2 * Md5State.Size;

    private const byte InnerPad = 0x36;
    private const byte OuterPad = 0x5c;

    /// <summary>Precomputes the HMAC-MD5 key states of <paramref name="password"/> (UTF-8).</summary>
    public static byte[] ComputeSecret(string password)
    {
        ArgumentNullException.ThrowIfNull(password);
        var key = Encoding.UTF8.GetBytes(password);
        try
        {
            return ComputeSecret(key);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Precomputes the HMAC-MD5 key states of a key given as bytes.</summary>
    internal static byte[] ComputeSecret(ReadOnlySpan<byte> key)
    {
        // RFC 2104 §2: a key longer than the block is hashed first.
        if (key.Length > Md5Compression.BlockSize)
        {
            Span<byte> hashedKey = stackalloc byte[Md5State.Size];
            MD5.HashData(key, hashedKey);
            var secretOfHash = ComputeSecret(hashedKey);
            CryptographicOperations.ZeroMemory(hashedKey);
            return secretOfHash;
        }

        Span<byte> block = stackalloc byte[Md5Compression.BlockSize];
        var secret = new byte[SecretSize];
        Pad(key, InnerPad, block);
        Md5Compression.Compress(Md5State.Initial, block).WriteTo(secret);
        Pad(key, OuterPad, block);
        Md5Compression.Compress(Md5State.Initial, block).WriteTo(secret.AsSpan(Md5State.Size));
        CryptographicOperations.ZeroMemory(block);
        return secret;
    }

    /// <summary>HMAC-MD5 of <paramref name="challenge"/> under the key the secret was made from, as lower-case hex (the RFC 2195 response digest).</summary>
    public static string ComputeResponse(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> challenge)
    {
        if (secret.Length != SecretSize)
            throw new ArgumentException($"a CRAM-MD5 secret is {SecretSize} bytes", nameof(secret));
        Span<byte> inner = stackalloc byte[Md5State.Size];
        Span<byte> digest = stackalloc byte[Md5State.Size];
        Md5Compression.Finish(Md5State.ReadFrom(secret), Md5Compression.BlockSize, challenge, inner);
        Md5Compression.Finish(Md5State.ReadFrom(secret[Md5State.Size..]), Md5Compression.BlockSize, inner, digest);
        return Convert.ToHexStringLower(digest);
    }

    /// <summary>True when <paramref name="responseHex"/> is the digest for <paramref name="challenge"/> (hex in either case).</summary>
    public static bool Verify(ReadOnlySpan<byte> secret, ReadOnlySpan<byte> challenge, string responseHex)
    {
        ArgumentNullException.ThrowIfNull(responseHex);
        var expected = Encoding.ASCII.GetBytes(ComputeResponse(secret, challenge));
        var actual = Encoding.ASCII.GetBytes(responseHex.ToLowerInvariant());
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }

    private static void Pad(ReadOnlySpan<byte> key, byte pad, Span<byte> block)
    {
        block.Fill(pad);
        for (var i = 0; i < key.Length; i++)
            block[i] ^= key[i];
    }
}
