namespace Postern.Accounts;

/// <summary>An account's full name, <c>name@domain</c>, normalised to lower case.</summary>
public readonly record struct AccountName(string Name, string Domain)
{
    /// <summary>Splits and validates <c>name@domain</c>.</summary>
    public static bool TryParse(string? text, out AccountName accountName, out string error)
    {
        accountName = default;
        var trimmed = (text ?? "").Trim();
        var at = trimmed.LastIndexOf('@');
        if (at <= 0 || at == trimmed.Length - 1)
        {
            error = $"\"{trimmed}\" is not an account name of the form name@domain";
            return false;
        }
        if (!TryNormalizeName(trimmed[..at], out var name, out error)
            || !DomainName.TryNormalize(trimmed[(at + 1)..], out var domain, out error))
            return false;
        accountName = new AccountName(name, domain);
        return true;
    }

    /// <exception cref="AccountsException">The text is not a valid account name.</exception>
    public static AccountName Parse(string? text) =>
        TryParse(text, out var accountName, out var error) ? accountName : throw new AccountsException(error);

    /// <summary>
    /// The part before <c>@</c>, lower-cased: letters, digits, <c>.</c>, <c>-</c> and <c>_</c>, not
    /// starting or ending with a dot (the dot-atom of RFC 5322 §3.2.3, narrowed to what is safe in
    /// file names, URLs and CommuniGate paths such as <c>~name@domain/INBOX</c>).
    /// </summary>
    public static bool TryNormalizeName(string? text, out string name, out string error)
    {
        name = (text ?? "").Trim().ToLowerInvariant();
        if (name.Length == 0 || name.Length > AccountLimits.MaxAccountNameLength)
        {
            error = $"an account name must have 1 to {AccountLimits.MaxAccountNameLength} characters";
            return false;
        }
        if (name[0] == '.' || name[^1] == '.' || name.Contains("..", StringComparison.Ordinal)
            || !name.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-' or '_'))
        {
            error = $"\"{name}\" is not a valid account name (letters, digits, '.', '-' and '_')";
            return false;
        }
        error = "";
        return true;
    }

    public override string ToString() => Name + "@" + Domain;
}
