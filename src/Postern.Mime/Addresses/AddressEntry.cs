namespace Postern.Mime.Addresses;

/// <summary>One entry of an address list: a mailbox or a group of mailboxes (RFC 5322 §3.4).</summary>
public abstract class AddressEntry
{
    private protected AddressEntry(string? name) => Name = string.IsNullOrEmpty(name) ? null : name;

    /// <summary>The display name (or group name), decoded; null when there is none.</summary>
    public string? Name { get; }
}
