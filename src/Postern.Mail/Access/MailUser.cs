using Postern.Accounts;
using Postern.Storage;

namespace Postern.Mail.Access;

/// <summary>The account acting in a session: every mail service method says who asks.</summary>
/// <param name="Account">The account as the session last read it.</param>
/// <param name="Name">Its canonical name (not an alias), as ACL entries name it.</param>
public sealed record MailUser(AccountRecord Account, AccountName Name)
{
    public long Id => Account.Id;

    public override string ToString() => Name.ToString();
}
