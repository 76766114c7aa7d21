using System.Collections.Immutable;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;mailboxSubUpdate id&gt;&lt;mailboxSubscription mailbox mode="add|remove"/&gt;…&lt;/mailboxSubUpdate&gt;</c>:
/// adds and removes subscriptions, in order (docs/ximss.md §5.3). A missing <c>mode</c> means <c>add</c>.
/// </summary>
public sealed record MailboxSubUpdateRequest(string Id, ImmutableArray<SubscriptionChange> Changes) : XimssRequest(Id)
{
    internal static MailboxSubUpdateRequest Parse(RequestElementReader reader)
    {
        var changes = ImmutableArray.CreateBuilder<SubscriptionChange>();
        foreach (var child in reader.Element.FindChildren("mailboxSubscription"))
        {
            var mailbox = child.FindAttribute("mailbox");
            if (string.IsNullOrEmpty(mailbox))
                reader.Fail(XimssError.InvalidElement("mailboxSubscription", "missing \"mailbox\" attribute"));
            else if (reader.IsRemoval(child) is { } remove)
                changes.Add(new SubscriptionChange(mailbox, !remove));
        }

        if (changes.Count == 0)
            reader.Fail(XimssError.MissingElement("mailboxSubscription"));
        return new(reader.Id, changes.DrainToImmutable());
    }
}
