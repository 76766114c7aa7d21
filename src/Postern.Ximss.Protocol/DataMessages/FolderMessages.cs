using System.Xml;
using Postern.Ximss.Protocol.Requests;
using Postern.Ximss.Protocol.Values;
using Postern.Ximss.Protocol.Xml;

namespace Postern.Ximss.Protocol.DataMessages;

/// <summary>Writers for folder data messages: every <c>folderReport</c> mode, <c>folderMessage</c>, search results (docs/ximss.md §7.5, §7.6).</summary>
/// <remarks>
/// A report that carries message fields is written in three steps: <see cref="WriteStartFolderReport"/>,
/// one field writer per requested field (<see cref="WriteFlagsField"/>, <see cref="WriteAddressField"/>,
/// <see cref="WriteTimeField"/>, <see cref="XimssXmlWriter.WriteElementString"/> for plain headers), then
/// <see cref="XimssXmlWriter.WriteEndElement"/>.
/// </remarks>
public static class FolderMessages
{
    /// <summary><c>&lt;folderReport id folder mode="init" messages unseen UIDValidity UIDMin …/&gt;</c>: the answer to <c>folderOpen</c>/<c>folderReopen</c>.</summary>
    public static void WriteFolderReportInit(this XimssXmlWriter writer, string id, string folder, FolderStatus status)
    {
        writer.WriteStartElement("folderReport");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("folder", folder);
        writer.WriteAttribute("mode", "init");
        writer.WriteAttribute("messages", status.Messages);
        writer.WriteAttribute("unseen", status.Unseen);
        writer.WriteAttribute("UIDValidity", status.UidValidity);
        writer.WriteAttribute("UIDMin", status.UidMin);
        writer.WriteAttribute("UIDNext", status.UidNext);
        writer.WriteAttribute("rights", status.Rights);
        writer.WriteEndElement();
    }

    /// <summary><c>&lt;folderReport folder mode="notify"/&gt;</c>: asynchronous; the folder changed and the client should call <c>folderSync</c>.</summary>
    public static void WriteFolderReportNotify(this XimssXmlWriter writer, string folder)
    {
        writer.WriteStartElement("folderReport");
        writer.WriteAttribute("folder", folder);
        writer.WriteAttribute("mode", "notify");
        writer.WriteEndElement();
    }

    /// <summary><c>&lt;folderReport [id] folder index UID mode="removed" messages unseen/&gt;</c>: a message left the view.</summary>
    public static void WriteFolderReportRemoved(this XimssXmlWriter writer, string? id, string folder, int index, uint uid, int messages, int unseen)
    {
        writer.WriteStartElement("folderReport");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("folder", folder);
        writer.WriteAttribute("index", index);
        writer.WriteAttribute("UID", uid);
        writer.WriteAttribute("mode", "removed");
        writer.WriteAttribute("messages", messages);
        writer.WriteAttribute("unseen", unseen);
        writer.WriteEndElement();
    }

    /// <summary>
    /// Opens a message-level <c>folderReport</c> (browse item, <c>added</c> or <c>updated</c>); the
    /// folder counters go on deltas only. Write the fields next, then end the element.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="id">The request id; null for an asynchronous update.</param>
    /// <param name="folder">The folder name.</param>
    /// <param name="mode">Which kind of report.</param>
    /// <param name="index">The message's 0-based position in the view.</param>
    /// <param name="uid">The message UID.</param>
    /// <param name="messages">For deltas: messages in the view after the change.</param>
    /// <param name="unseen">For deltas: unseen messages in the view after the change.</param>
    public static void WriteStartFolderReport(
        this XimssXmlWriter writer, string? id, string folder, MessageReportMode mode, int index, uint uid, int? messages = null, int? unseen = null)
    {
        writer.WriteStartElement("folderReport");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("folder", folder);
        writer.WriteAttribute("index", index);
        writer.WriteAttribute("UID", uid);
        writer.WriteAttribute("mode", mode switch
        {
            MessageReportMode.Added => "added",
            MessageReportMode.Updated => "updated",
            _ => null,
        });
        writer.WriteAttribute("messages", messages);
        writer.WriteAttribute("unseen", unseen);
    }

    /// <summary><c>&lt;FLAGS&gt;Seen,Flagged,…&lt;/FLAGS&gt;</c>.</summary>
    public static void WriteFlagsField(this XimssXmlWriter writer, MessageFlags flags, IEnumerable<string>? keywords = null) =>
        writer.WriteElementString("FLAGS", MessageFlagNames.Format(flags, keywords));

    /// <summary><c>&lt;E-From realName="Ivan"&gt;ivan@example.com&lt;/E-From&gt;</c>: one parsed address; repeat it for each address of <c>E-To</c>/<c>E-Cc</c> (docs/ximss.md §5.4).</summary>
    public static void WriteAddressField(this XimssXmlWriter writer, string field, string address, string? realName)
    {
        writer.WriteStartElement(field);
        writer.WriteAttribute("realName", string.IsNullOrEmpty(realName) ? null : realName);
        writer.WriteString(address);
        writer.WriteEndElement();
    }

    /// <summary>
    /// A time field in the CGP form: the GMT instant as text with <c>Z</c>, the wall-clock time in
    /// <c>localTime</c>, and <c>timeShift</c> seconds when asked — <c>&lt;Date localTime timeShift&gt;…Z&lt;/Date&gt;</c>,
    /// <c>&lt;INTERNALDATE localTime&gt;…Z&lt;/INTERNALDATE&gt;</c> (docs/ximss.md §7.1).
    /// </summary>
    public static void WriteTimeField(this XimssXmlWriter writer, string field, DateTimeOffset time, bool includeTimeShift)
    {
        writer.WriteStartElement(field);
        writer.WriteTimeAttribute("localTime", time.DateTime);
        if (includeTimeShift)
            writer.WriteAttribute("timeShift", XimssTime.TimeShift(time.Offset));
        writer.WriteTimeString(time.UtcDateTime, utcMarker: true);
        writer.WriteEndElement();
    }

    /// <summary>Opens <c>&lt;folderMessage id folder UID [partID] [mode]&gt;</c>; write the <c>&lt;EMail&gt;</c>, then end the element.</summary>
    public static void WriteStartFolderMessage(this XimssXmlWriter writer, string id, string folder, uint uid, string? partId, FolderReadMode mode)
    {
        writer.WriteStartElement("folderMessage");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("folder", folder);
        writer.WriteAttribute("UID", uid);
        writer.WriteAttribute("partID", partId);
        writer.WriteAttribute("mode", FolderReadModeNames.ToName(mode));
    }

    /// <summary><c>folderMessage</c> around pre-rendered <c>&lt;EMail&gt;</c> UTF-8 XML (trusted, written as is).</summary>
    public static void WriteFolderMessage(
        this XimssXmlWriter writer, string id, string folder, uint uid, string? partId, FolderReadMode mode, ReadOnlySpan<byte> emailXml)
    {
        writer.WriteStartFolderMessage(id, folder, uid, partId, mode);
        writer.WriteRaw(emailXml);
        writer.WriteEndElement();
    }

    /// <summary><c>folderMessage</c> whose <c>&lt;EMail&gt;</c> is written by code that speaks <see cref="XmlWriter"/>.</summary>
    public static void WriteFolderMessage(
        this XimssXmlWriter writer, string id, string folder, uint uid, string? partId, FolderReadMode mode, Action<XmlWriter> writeEmail)
    {
        writer.WriteStartFolderMessage(id, folder, uid, partId, mode);
        writer.WriteXml(writeEmail);
        writer.WriteEndElement();
    }

    /// <summary>
    /// <c>&lt;folderSearch id folder [more="yes"]&gt;&lt;UID&gt;n&lt;/UID&gt;…&lt;/folderSearch&gt;</c>: the UIDs that
    /// matched, in view order; <c>more="yes"</c> when the request's <c>limit</c> or <c>timeout</c> cut the list (docs/ximss.md).
    /// </summary>
    public static void WriteFolderSearch(this XimssXmlWriter writer, string id, string folder, ReadOnlySpan<uint> uids, bool more)
    {
        writer.WriteStartElement("folderSearch");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("folder", folder);
        writer.WriteAttribute("more", more ? "yes" : null);
        foreach (var uid in uids)
        {
            writer.WriteStartElement("UID");
            writer.WriteNumber(uid);
            writer.WriteEndElement();
        }

        writer.WriteEndElement();
    }

    /// <summary><c>&lt;messageUID id mailbox UID/&gt;</c>: the UID a <c>messageAppend report="uid"</c> stored the message under (docs/ximss.md).</summary>
    public static void WriteMessageUid(this XimssXmlWriter writer, string id, string mailbox, uint uid)
    {
        writer.WriteStartElement("messageUID");
        writer.WriteAttribute("id", id);
        writer.WriteAttribute("mailbox", mailbox);
        writer.WriteAttribute("UID", uid);
        writer.WriteEndElement();
    }
}
