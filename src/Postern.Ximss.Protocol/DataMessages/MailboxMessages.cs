using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.DataMessages;

/// <summary>Writers for the mailbox-level data messages (docs/ximss.md §5.3, §7.4).</summary>
public static class MailboxMessages
{
    /// <summary>
    /// <c>&lt;mailbox id mailbox Messages Size Unseen …/&gt;</c>, one per listed mailbox. With a null
    /// <paramref name="id"/> it is the asynchronous mailbox-level report sent to sessions that set
    /// <c>reportMailboxChanges</c> (docs/ximss.md §7.4).
    /// </summary>
    public static void WriteMailbox(this XimssXmlWriter writer, string? id, MailboxInfo mailbox)
    {
        writer.WriteStartElement("mailbox");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("mailbox", mailbox.Mailbox);
        writer.WriteAttribute("Messages", mailbox.Messages);
        writer.WriteAttribute("Size", mailbox.Size);
        writer.WriteAttribute("Unseen", mailbox.Unseen);
        writer.WriteAttribute("Recent", mailbox.Recent);
        writer.WriteAttribute("UIDNext", mailbox.UidNext);
        writer.WriteAttribute("UIDValidity", mailbox.UidValidity);
        writer.WriteAttribute("BoxSeq", mailbox.BoxSeq);
        if (mailbox.Oldest is { } oldest)
            writer.WriteTimeAttribute("Oldest", oldest, utcMarker: true);
        writer.WriteAttribute("Class", mailbox.Class);
        writer.WriteAttribute("Media", mailbox.Media);
        writer.WriteAttribute("UnseenMedia", mailbox.UnseenMedia);
        writer.WriteAttribute("pureFolder", mailbox.PureFolder ? "yes" : null);
        writer.WriteAttribute("isFolder", mailbox.IsFolder ? "yes" : null);
        writer.WriteAttribute("rights", mailbox.Rights);
        writer.WriteEndElement();
    }

    /// <summary><c>&lt;mailboxSubscription id mailbox/&gt;</c>, one per subscribed name.</summary>
    public static void WriteMailboxSubscription(this XimssXmlWriter writer, string id, string mailbox)
    {
        writer.WriteStartElement("mailboxSubscription");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("mailbox", mailbox);
        writer.WriteEndElement();
    }

    /// <summary><c>&lt;mailboxRights id mailbox&gt;lrswi…&lt;/mailboxRights&gt;</c>.</summary>
    public static void WriteMailboxRights(this XimssXmlWriter writer, string id, string mailbox, string rights)
    {
        writer.WriteStartElement("mailboxRights");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("mailbox", mailbox);
        writer.WriteString(rights);
        writer.WriteEndElement();
    }

    /// <summary><c>&lt;mailboxAcl id mailbox&gt;&lt;aclEntry name="…"&gt;rights&lt;/aclEntry&gt;…&lt;/mailboxAcl&gt;</c>.</summary>
    public static void WriteMailboxAcl(this XimssXmlWriter writer, string id, string mailbox, IEnumerable<AclEntry> entries)
    {
        writer.WriteStartElement("mailboxAcl");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("mailbox", mailbox);
        foreach (var entry in entries)
        {
            writer.WriteStartElement("aclEntry");
            writer.WriteAttribute("name", entry.Identifier);
            writer.WriteString(entry.Rights);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary><c>&lt;mailboxAlias id name mailbox/&gt;</c>, one per alias.</summary>
    public static void WriteMailboxAlias(this XimssXmlWriter writer, string id, string alias, string mailbox)
    {
        writer.WriteStartElement("mailboxAlias");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("name", alias);
        writer.WriteAttribute("mailbox", mailbox);
        writer.WriteEndElement();
    }
}
