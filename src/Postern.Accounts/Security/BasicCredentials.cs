using System.Text;

namespace Postern.Accounts.Security;

/// <summary>The user name and password of an HTTP Basic <c>Authorization</c> header (RFC 7617).</summary>
public static class BasicCredentials
{
    /// <summary>The longest header value read: far beyond any real name and password, short enough for the stack.</summary>
    private const int MaxEncodedLength = 1024;

    /// <summary>Reads <c>Basic base64(user-id ":" password)</c>, UTF-8 (RFC 7617 §2, §2.1).</summary>
    public static bool TryParse(string? authorization, out string userName, out string password)
    {
        userName = password = "";
        if (authorization is null || !authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return false;
        var encoded = authorization.AsSpan(6).Trim();
        if (encoded.Length > MaxEncodedLength)
            return false;
        Span<byte> decoded = stackalloc byte[MaxEncodedLength];
        if (!Convert.TryFromBase64Chars(encoded, decoded, out var length))
            return false;
        var text = Encoding.UTF8.GetString(decoded[..length]);
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
            return false;
        userName = text[..colon];
        password = text[(colon + 1)..];
        return true;
    }

    /// <summary>The <c>WWW-Authenticate</c> value asking for Basic credentials in <paramref name="realm"/> (RFC 7617 §2).</summary>
    public static string Challenge(string realm) => $"Basic realm=\"{realm.Replace("\"", "", StringComparison.Ordinal)}\", charset=\"UTF-8\"";
}
