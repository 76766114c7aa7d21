using System.Collections.Immutable;

namespace Postern.Ximss.Protocol.Requests;

/// <summary>
/// <c>&lt;mailboxAclUpdate id mailbox&gt;&lt;aclEntry name="user"&gt;rights&lt;/aclEntry&gt;…&lt;/mailboxAclUpdate&gt;</c>:
/// changes ACL entries in order. <c>lrs</c> replaces the entry's rights, <c>+lrs</c> adds, <c>-lrs</c>
/// removes, empty deletes the entry (the convention of CGP's <c>SETMAILBOXACL</c>; docs/ximss.md).
/// </summary>
public sealed record MailboxAclUpdateRequest(string Id, string Mailbox, ImmutableArray<AclChange> Changes) : XimssRequest(Id)
{
    // RFC 4314 §2.1 rights, plus the obsolete c and d of RFC 2086 that older clients still send.
    private const string RightsLetters = "lrswipkxteacd";

    internal static MailboxAclUpdateRequest Parse(RequestElementReader reader)
    {
        var mailbox = reader.Required("mailbox");
        var changes = ImmutableArray.CreateBuilder<AclChange>();
        foreach (var entry in reader.Element.FindChildren("aclEntry"))
        {
            var name = entry.FindAttribute("name");
            var text = entry.Text.Trim();
            var mode = text.StartsWith('+') ? AclChangeMode.Add
                : text.StartsWith('-') ? AclChangeMode.Remove
                : text.Length == 0 ? AclChangeMode.Delete
                : AclChangeMode.Replace;
            var rights = mode is AclChangeMode.Add or AclChangeMode.Remove ? text[1..] : text;

            if (string.IsNullOrEmpty(name))
                reader.Fail(XimssError.InvalidElement("aclEntry", "missing \"name\" attribute"));
            else if (rights.AsSpan().IndexOfAnyExcept(RightsLetters) >= 0)
                reader.Fail(XimssError.InvalidElement("aclEntry", $"rights must be letters from \"{RightsLetters}\""));
            else
                changes.Add(new AclChange(name, mode, rights));
        }

        if (changes.Count == 0)
            reader.Fail(XimssError.MissingElement("aclEntry"));
        return new(reader.Id, mailbox, changes.DrainToImmutable());
    }
}
