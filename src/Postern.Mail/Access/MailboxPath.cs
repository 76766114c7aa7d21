using Postern.Accounts;
using Postern.Mail.Mailboxes;

namespace Postern.Mail.Access;

/// <summary>
/// Names of other accounts' mailboxes, CommuniGate style: <c>~owner@domain/mailbox</c>, or
/// <c>~owner/mailbox</c> for an account of the user's own domain.
/// </summary>
public static class MailboxPath
{
    public const char ForeignPrefix = '~';

    /// <summary>Whether the name addresses another account's mailbox space.</summary>
    public static bool IsForeign(string? name) => name?.TrimStart().StartsWith(ForeignPrefix) == true;

    /// <summary>Splits <c>~owner[@domain]/mailbox</c>; a missing domain is <paramref name="defaultDomain"/>.</summary>
    /// <exception cref="MailException">The owner is not an account name or the mailbox part is not a mailbox name.</exception>
    public static (AccountName Owner, string Mailbox) Parse(string name, string defaultDomain)
    {
        var text = name.Trim();
        var slash = text.IndexOf(MailboxName.Separator);
        if (!IsForeign(text) || slash < 0)
            throw new MailException(MailErrorCode.IllegalMailboxName, $"\"{text}\" is not of the form ~account/mailbox");
        var owner = text[1..slash];
        if (!owner.Contains('@', StringComparison.Ordinal))
            owner += "@" + defaultDomain;
        if (!AccountName.TryParse(owner, out var ownerName, out var error))
            throw new MailException(MailErrorCode.IllegalMailboxName, error);
        return (ownerName, MailboxName.Normalize(text[(slash + 1)..]));
    }

    /// <summary>The canonical name of another account's mailbox.</summary>
    public static string Format(AccountName owner, string mailbox) => $"{ForeignPrefix}{owner}{MailboxName.Separator}{mailbox}";
}
