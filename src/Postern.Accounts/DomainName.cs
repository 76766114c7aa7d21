namespace Postern.Accounts;

/// <summary>Domain name syntax (RFC 1035 §2.3.1 letters-digits-hyphen labels, as RFC 1123 §2.1 relaxed them).</summary>
public static class DomainName
{
    /// <summary>The name lower-cased, or an error saying what is wrong with it.</summary>
    public static bool TryNormalize(string? text, out string normalized, out string error)
    {
        normalized = "";
        var name = (text ?? "").Trim().TrimEnd('.').ToLowerInvariant();
        if (name.Length == 0)
        {
            error = "a domain name is empty";
            return false;
        }
        if (name.Length > AccountLimits.MaxDomainNameLength)
        {
            error = $"domain name {name} is longer than {AccountLimits.MaxDomainNameLength} characters";
            return false;
        }
        foreach (var label in name.Split('.'))
        {
            if (label.Length == 0 || label.Length > AccountLimits.MaxDomainLabelLength
                || label[0] == '-' || label[^1] == '-'
                || !label.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            {
                error = $"{name} is not a valid domain name (letters, digits and hyphens between dots)";
                return false;
            }
        }
        normalized = name;
        error = "";
        return true;
    }

    /// <exception cref="AccountsException">The name is not a valid domain name.</exception>
    public static string Normalize(string? text) =>
        TryNormalize(text, out var normalized, out var error) ? normalized : throw new AccountsException(error);
}
