using System.Collections.Immutable;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;mailboxAliasUpdate id&gt;&lt;mailboxAlias name mailbox [mode="add|remove"]/&gt;…&lt;/mailboxAliasUpdate&gt;</c>:
/// creates or repoints aliases (<c>add</c>, the default, needs <c>mailbox</c>) and removes them (docs/ximss.md).
/// </summary>
public sealed record MailboxAliasUpdateRequest(string Id, ImmutableArray<MailboxAliasChange> Changes) : XimssRequest(Id)
{
    internal static MailboxAliasUpdateRequest Parse(RequestElementReader reader)
    {
        var changes = ImmutableArray.CreateBuilder<MailboxAliasChange>();
        foreach (var child in reader.Element.FindChildren("mailboxAlias"))
        {
            var name = child.FindAttribute("name");
            var mailbox = child.FindAttribute("mailbox");
            if (string.IsNullOrEmpty(name))
                reader.Fail(XimssError.InvalidElement("mailboxAlias", "missing \"name\" attribute"));
            else if (reader.IsRemoval(child) is not { } remove)
                continue;
            else if (!remove && string.IsNullOrEmpty(mailbox))
                reader.Fail(XimssError.InvalidElement("mailboxAlias", "missing \"mailbox\" attribute"));
            else
                changes.Add(new MailboxAliasChange(name, remove ? null : mailbox));
        }

        if (changes.Count == 0)
            reader.Fail(XimssError.MissingElement("mailboxAlias"));
        return new(reader.Id, changes.DrainToImmutable());
    }
}
