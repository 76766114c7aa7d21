using Postern.Mail.Access;
using Postern.Storage;

namespace Postern.Mail.Mailboxes;

public sealed partial class MailboxService
{
    /// <summary>The longest listing pattern accepted: longer than any mailbox path (<see cref="MailboxName.MaxLength"/>).</summary>
    public const int MaxPatternLength = MailboxName.MaxLength;

    /// <summary>
    /// The mailboxes a user sees, ordered by name: its own and its aliases, or (for a pattern starting
    /// with <c>~</c>) other accounts' mailboxes whose ACL grants it the lookup right.
    /// </summary>
    /// <exception cref="MailException">The pattern is too long or the class is not a mailbox class.</exception>
    public async Task<IReadOnlyList<MailboxInfo>> ListAsync(MailUser user, MailboxListOptions options, CancellationToken cancellationToken)
    {
        if (options.Pattern.Length > MaxPatternLength)
            throw new MailException($"a mailbox pattern must not be longer than {MaxPatternLength} characters");
        var mailboxClass = options.MailboxClass is null ? null : MailboxClass.Parse(options.MailboxClass);
        var visible = MailboxPath.IsForeign(options.Pattern)
            ? await ListSharedAsync(user, cancellationToken)
            : await ListOwnAndAliasedAsync(user, cancellationToken);

        var names = visible.Select(m => m.Name).ToHashSet(StringComparer.Ordinal);
        var parents = names.SelectMany(AncestorsOf).Where(n => !names.Contains(n)).ToHashSet(StringComparer.Ordinal);
        var withChildren = names.Concat(parents).Select(MailboxName.Parent).OfType<string>().ToHashSet(StringComparer.Ordinal);

        var result = new List<MailboxInfo>();
        foreach (var mailbox in visible)
        {
            if (!MailboxName.Matches(mailbox.Name, options.Pattern) || (mailboxClass is not null && mailbox.Record.Class != mailboxClass))
                continue;
            var statistics = options.WithStatistics ? await store.Messages.GetStatisticsAsync(mailbox.Id, cancellationToken) : null;
            result.Add(new MailboxInfo(mailbox.Name, mailbox, withChildren.Contains(mailbox.Name), statistics));
        }
        if (options.PureFolders && mailboxClass is null)
        {
            result.AddRange(parents.Where(name => MailboxName.Matches(name, options.Pattern))
                .Select(name => new MailboxInfo(name, null, HasChildren: true, null)));
        }
        return result.OrderBy(m => m.Name, StringComparer.Ordinal).ToArray();
    }

    /// <summary>One mailbox's listing line (for a mailbox-level change report).</summary>
    /// <exception cref="UnknownMailboxException">It is gone, or the user lost every right.</exception>
    public async Task<MailboxInfo> GetInfoAsync(MailUser user, AccessibleMailbox mailbox, CancellationToken cancellationToken)
    {
        var current = await access.RefreshAsync(user, mailbox, cancellationToken);
        var hasChildren = (await store.Mailboxes.ListAsync(current.Record.AccountId, cancellationToken))
            .Any(m => m.Name.StartsWith(current.Record.Name + MailboxName.Separator, StringComparison.Ordinal));
        return new MailboxInfo(current.Name, current, hasChildren, await store.Messages.GetStatisticsAsync(current.Id, cancellationToken));
    }

    private async Task<List<AccessibleMailbox>> ListOwnAndAliasedAsync(MailUser user, CancellationToken cancellationToken)
    {
        var visible = (await store.Mailboxes.ListAsync(user.Id, cancellationToken))
            .Select(m => new AccessibleMailbox(m, m.Name, user.Name, IsOwn: true, MailboxRights.All))
            .ToList();
        foreach (var alias in await store.Mailboxes.ListAliasesAsync(user.Id, cancellationToken))
        {
            // An alias whose target is gone or hidden from the user is not listed.
            if (await access.FindAsync(user, alias.Name, cancellationToken) is { } target && target.Allows(MailboxRights.Lookup))
                visible.Add(target);
        }
        return visible;
    }

    private async Task<List<AccessibleMailbox>> ListSharedAsync(MailUser user, CancellationToken cancellationToken)
    {
        var granted = await store.Mailboxes.ListGrantedAsync(MailboxAccess.GranteesOf(user), cancellationToken);
        return granted
            .Where(g => g.Mailbox.AccountId != user.Id)
            .GroupBy(g => g.Mailbox.Id)
            .Select(entries =>
            {
                var first = entries.First();
                var owner = new Accounts.AccountName(first.OwnerName, first.OwnerDomain);
                var rights = entries.Aggregate(MailboxRights.None, (all, g) => all | MailboxRightsText.Parse(g.Entry.Rights));
                return new AccessibleMailbox(first.Mailbox, MailboxPath.Format(owner, first.Mailbox.Name), owner, IsOwn: false, rights);
            })
            .Where(m => m.Allows(MailboxRights.Lookup))
            .ToList();
    }

    /// <summary>The names above a name: <c>A/B/C</c> gives <c>A/B</c> and <c>A</c> (for <c>~o/A/B</c>, not the owner part).</summary>
    private static IEnumerable<string> AncestorsOf(string name)
    {
        var floor = MailboxPath.IsForeign(name) ? name.IndexOf(MailboxName.Separator) : 0;
        for (var parent = MailboxName.Parent(name); parent is not null && parent.Length > floor; parent = MailboxName.Parent(parent))
            yield return parent;
    }
}
