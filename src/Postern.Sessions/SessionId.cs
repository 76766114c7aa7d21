using System.Security.Cryptography;

namespace Postern.Sessions;

/// <summary>
/// A session's URL identifier, <c>&lt;number&gt;-&lt;secret&gt;</c> as CommuniGate writes it
/// (e.g. <c>562-kAI2lxNBR4ApmHg4wiW9</c>): the number names the session in logs and monitors, the
/// secret makes the identifier unguessable.
/// </summary>
public static class SessionId
{
    /// <summary>Characters of the secret part: 20 of 62 symbols carry 119 bits from the OS RNG.</summary>
    public const int SecretLength = 20;

    private const string Alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

    /// <summary>The longest identifier accepted from a URL (a 10-digit number, a dash and the secret).</summary>
    public const int MaxLength = 10 + 1 + SecretLength;

    public static string Create(int number) =>
        number.ToString(System.Globalization.CultureInfo.InvariantCulture) + "-" + RandomNumberGenerator.GetString(Alphabet, SecretLength);

    /// <summary>Whether a URL segment has the shape of an identifier (checked before any lookup).</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> text)
    {
        if (text.Length > MaxLength)
            return false;
        var dash = text.IndexOf('-');
        if (dash <= 0 || text.Length - dash - 1 != SecretLength)
            return false;
        foreach (var c in text[..dash])
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        foreach (var c in text[(dash + 1)..])
        {
            if (!char.IsAsciiLetterOrDigit(c))
                return false;
        }
        return true;
    }
}
