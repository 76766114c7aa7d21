namespace Postern.Accounts;

/// <summary>Caps on names and texts the account services accept.</summary>
public static class AccountLimits
{
    /// <summary>RFC 5321 §4.5.3.1.1: a local part is at most 64 octets.</summary>
    public const int MaxAccountNameLength = 64;

    /// <summary>RFC 1035 §2.3.4: a name is at most 255 octets on the wire, 253 characters as text.</summary>
    public const int MaxDomainNameLength = 253;

    /// <summary>RFC 1035 §2.3.4: a label is at most 63 octets.</summary>
    public const int MaxDomainLabelLength = 63;

    /// <summary>A display name longer than a line of a mail header is no longer a name.</summary>
    public const int MaxRealNameLength = 256;

    /// <summary>
    /// Far beyond any passphrase a person types, small enough that hashing a hostile "password"
    /// costs no more than a normal one.
    /// </summary>
    public const int MaxPasswordLength = 1024;

    /// <summary>Settings and preference dictionaries are a few KB in practice; 1 MiB bounds a runaway client.</summary>
    public const int MaxDictionaryTextLength = 1 << 20;

    /// <summary>An alert is a short notice, not a message body.</summary>
    public const int MaxAlertLength = 4096;
}
