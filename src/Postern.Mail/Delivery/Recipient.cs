using Postern.Accounts;
using Postern.Storage;

namespace Postern.Mail.Delivery;

/// <summary>A message recipient, resolved: an account of this server, or an address elsewhere.</summary>
/// <param name="Address">The address as given, without display name.</param>
/// <param name="Account">The local account it reaches (through an alias, a domain alias…), or null for a remote address.</param>
/// <param name="AccountName">The local account's canonical name, or null.</param>
public sealed record Recipient(string Address, AccountRecord? Account, AccountName? AccountName)
{
    public bool IsLocal => Account is not null;
}
