namespace Postern.Mime.Addresses;

/// <summary>A named group of mailboxes, <c>name: a@x, b@y;</c> (RFC 5322 §3.4); the list may be empty.</summary>
public sealed class GroupAddress : AddressEntry
{
    /// <summary>Creates a group.</summary>
    public GroupAddress(string? name, IReadOnlyList<MailboxAddress> members)
        : base(name)
    {
        ArgumentNullException.ThrowIfNull(members);
        Members = members;
    }

    /// <summary>The group's mailboxes.</summary>
    public IReadOnlyList<MailboxAddress> Members { get; }

    /// <inheritdoc/>
    public override string ToString() =>
        (Name is null ? "" : MailboxAddress.DisplayName(Name)) + ":" + (Members.Count == 0 ? "" : " " + string.Join(", ", Members)) + ";";
}
